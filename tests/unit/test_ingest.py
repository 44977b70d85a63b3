"""Ingest: every input format, and every kind of bad input becomes a recorded failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import UsageError
from dyad.records import Failure
from dyad.stages.ingest import RawArticle, expand_paths, read_bytes, read_inputs

ARTICLE = "Menlu RI bertemu Menlu Jepang\nJAKARTA - Menteri Luar Negeri Indonesia bertemu mitranya dari Jepang.\n"


def _one(items: list[RawArticle | Failure]) -> RawArticle:
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def test_txt_keeps_text_and_uses_file_stem_as_id(tmp_path: Path) -> None:
    """A .txt file is one article; its id is the file name without extension."""
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = _one(list(read_inputs([str(path)])))
    assert article.id == "a1" and article.text == ARTICLE and article.fmt == "txt"


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    """A Windows-1251 Russian file is decoded, not dropped."""
    text = "Лавров провёл переговоры с министром иностранных дел Ирана в Москве во вторник вечером.\n" * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert _one(list(read_inputs([str(path)]))).text == text


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    """Windows line ends are normalised so line numbers and offsets agree."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\nBody line one.\r\n")
    assert _one(list(read_inputs([str(path)]))).text == "Title\nBody line one.\n"


def test_jsonl_records_and_malformed_line(tmp_path: Path) -> None:
    """JSONL rows become articles with their fields; a broken row is a failure and the rest go on."""
    path = tmp_path / "feed.jsonl"
    rows = [
        json.dumps(
            {
                "id": "x1",
                "title": "Judul",
                "text": "Isi berita.",
                "url": "https://a.id/1",
                "date": "2024-06-30",
                "lang": "id",
            }
        ),
        "{not json",
        json.dumps({"id": "x2", "text": ""}),
        json.dumps({"text": "Second body."}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.id for a in articles] == ["x1", "feed-4"]
    assert articles[0].text == "Judul\nIsi berita." and articles[0].lang == "id" and articles[0].date == "2024-06-30"
    assert sorted(f.reason for f in failures) == ["malformed", "malformed"]
    assert all("#L" in f.path for f in failures)


def test_csv_rows(tmp_path: Path) -> None:
    """CSV rows with a text column become articles; a file without one is one failure."""
    good = tmp_path / "a.csv"
    good.write_text('id,title,text,lang\nc1,Titolo,"Meloni ha incontrato Zelensky, a Kyiv.",it\n', encoding="utf-8")
    article = _one(list(read_inputs([str(good)])))
    assert article.id == "c1" and article.lang == "it" and article.text.startswith("Titolo\nMeloni")
    bad = tmp_path / "b.csv"
    bad.write_text("id,body_text\n1,x\n", encoding="utf-8")
    [failure] = list(read_inputs([str(bad)]))
    assert isinstance(failure, Failure) and failure.reason == "malformed" and "text" in failure.detail


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    """An HTML page yields its main text, title and date through trafilatura."""
    body = "".join(
        f"<p>Paragraph {i}: the foreign ministers of France and Brazil met in Paris on Monday to "
        f"discuss trade, climate finance and the war in Ukraine, officials said.</p>"
        for i in range(5)
    )
    html = (
        "<html><head><title>Ministers meet in Paris</title>"
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Ministers meet in Paris</h1>"
        f"{body}</article><footer>© 2025 Example News</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = _one(list(read_inputs([str(path)])))
    assert article.fmt == "html" and article.title == "Ministers meet in Paris"
    assert "Paragraph 3" in article.text and "Home" not in article.text and "©" not in article.text
    assert article.date == "2025-03-04"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(range(1, 32)) * 200, "binary"),
    ],
)
def test_bad_inputs_are_failures(data: bytes, reason: str) -> None:
    """Empty and binary inputs become failures with their reason."""
    [failure] = list(read_bytes(data, "bad.txt"))
    assert isinstance(failure, Failure) and failure.reason == reason and failure.detail


def test_too_large_input_is_a_failure() -> None:
    """An input over the size limit is refused with a reason, not read."""
    [failure] = list(read_bytes(b"word " * 1000, "big.txt", limit=100))
    assert isinstance(failure, Failure) and failure.reason == "too-large"


def test_directory_glob_and_missing_path(tmp_path: Path) -> None:
    """Directories are read recursively (gold files skipped), globs expand, a missing path is a usage error."""
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "a.gold.json", "sub/c.html", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(Path(p).name for p in expand_paths([str(tmp_path)]))
    assert found == ["a.txt", "b.txt", "c.html"]
    assert [Path(p).name for p in expand_paths([str(tmp_path / "*.txt")])] == ["a.txt"]
    with pytest.raises(UsageError):
        list(expand_paths([str(tmp_path / "nothing-*.txt")]))


def test_stdin_text_and_jsonl() -> None:
    """Standard input is read as JSONL when it starts with an object, else as one text."""
    [article] = list(read_bytes(b"Title\nBody.\n", "<stdin>"))
    assert isinstance(article, RawArticle) and article.id == "stdin"
    items = list(read_bytes(b'{"id": "s1", "text": "Body."}\n', "<stdin>"))
    assert isinstance(items[0], RawArticle) and items[0].id == "s1"
