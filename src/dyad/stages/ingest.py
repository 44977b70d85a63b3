"""Ingest: turn paths, globs and stdin into raw articles or recorded failures.

Reads `.txt` (first line = title), `.html`/`.htm` (main text and metadata
through trafilatura), `.jsonl` and `.csv` (a `text` field, optional `id`,
`title`, `url`, `date`, `lang`). Any other extension is read as plain text.
Nothing is dropped silently: every unreadable input yields a Failure.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from dyad.config import BINARY_CONTROL_RATIO, MAX_INPUT_BYTES
from dyad.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    MalformedRecord,
    TooLarge,
    UsageError,
)
from dyad.records import Failure

TEXT_FIELDS = ("text", "body", "content")
SUPPORTED = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".csv"}


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article's text and whatever metadata its container gave."""

    id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    publisher: str | None = None
    fmt: str = "txt"

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the identity used for idempotent re-runs."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def expand_paths(specs: Iterable[str]) -> Iterator[str]:
    """Files named by paths, directories (recursive) and glob patterns, in a stable order."""
    for spec in specs:
        if spec == "-":
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _wanted_in_directory(child):
                    yield str(child)
        elif path.exists():
            yield str(path)
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise UsageError(f"{spec}: no such file, directory or glob match; check the path")
            yield from (m for m in matches if Path(m).is_file())


def _wanted_in_directory(path: Path) -> bool:
    """Inside directories, read article files only (skip gold files, hidden files, notes)."""
    name = path.name
    if name.startswith(".") or name.endswith(".gold.json") or name.upper().startswith(("README", "INDEX")):
        return False
    return path.suffix.lower() in SUPPORTED


def decode(data: bytes, path: str, limit: int = MAX_INPUT_BYTES) -> str:
    """Bytes to text: UTF-8 first, then charset detection; binary and empty inputs raise."""
    if len(data) > limit:
        raise TooLarge(path, f"{len(data):,} bytes exceeds the {limit:,}-byte limit; split the file")
    if not data.strip():
        raise EmptyInput(path, "the file is empty; nothing to read")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInput(path, "the file holds NUL bytes and looks binary; give a text, HTML, JSONL or CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise DecodeError(path, "no text encoding fits these bytes; convert the file to UTF-8") from None
        text = str(best)
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > BINARY_CONTROL_RATIO * min(len(text), 20000):
        raise BinaryInput(path, "the file is mostly control characters and looks binary")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(path, "the file holds only white space; nothing to read")
    return text


def read_inputs(specs: Iterable[str], limit: int = MAX_INPUT_BYTES) -> Iterator[RawArticle | Failure]:
    """Every article of every input, or a Failure saying why it could not be read."""
    for path in expand_paths(specs):
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            yield Failure(path=path, reason="unreadable", detail=f"{exc.strerror or exc}; check permissions")
            continue
        name = "<stdin>" if path == "-" else path
        yield from read_bytes(data, name, limit)


def read_bytes(data: bytes, path: str, limit: int = MAX_INPUT_BYTES) -> Iterator[RawArticle | Failure]:
    """The articles in one file's bytes, chosen by its extension (stdin: by its content)."""
    try:
        text = decode(data, path, limit)
    except InputError as exc:
        yield Failure(path=path, reason=exc.reason, detail=exc.message)
        return
    suffix = Path(path).suffix.lower()
    if path == "<stdin>":
        suffix = ".jsonl" if text.lstrip().startswith("{") else ".txt"
    if suffix in {".jsonl", ".ndjson"}:
        yield from _read_jsonl(text, path)
    elif suffix == ".csv":
        yield from _read_csv(text, path)
    elif suffix in {".html", ".htm"}:
        yield _read_html(text, path)
    else:
        yield RawArticle(id=_stem(path), path=path, text=text, fmt="txt")


def _stem(path: str) -> str:
    return "stdin" if path == "<stdin>" else Path(path).stem


def _from_record(row: dict[str, object], path: str, where: str, index: int) -> RawArticle:
    text = next((row[k] for k in TEXT_FIELDS if isinstance(row.get(k), str) and str(row[k]).strip()), None)
    if not isinstance(text, str):
        raise MalformedRecord(f"{path}{where}", "the record has no non-empty 'text' field")
    text = text.replace("\r\n", "\n")
    title = row.get("title")
    if isinstance(title, str) and title.strip() and not text.startswith(title.strip()):
        # Keep the convention of .txt files: the title is the first line of the text.
        text = f"{title.strip()}\n{text}"
    raw_id = row.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else f"{_stem(path)}-{index}"
    return RawArticle(
        id=doc_id,
        path=f"{path}{where}",
        text=text,
        title=title.strip() if isinstance(title, str) else None,
        url=_opt_str(row.get("url")),
        date=_opt_str(row.get("date")),
        lang=_opt_str(row.get("lang") or row.get("language")),
        publisher=_opt_str(row.get("publisher") or row.get("source")),
        fmt="record",
    )


def _opt_str(value: object) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


def _read_jsonl(text: str, path: str) -> Iterator[RawArticle | Failure]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"#L{number}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise MalformedRecord(f"{path}{where}", "each JSONL line must be a JSON object")
            yield _from_record(row, path, where, number)
        except json.JSONDecodeError as exc:
            yield Failure(path=f"{path}{where}", reason="malformed", detail=f"invalid JSON ({exc.msg}); fix the line")
        except InputError as exc:
            yield Failure(path=f"{path}{where}", reason=exc.reason, detail=exc.message)


def _read_csv(text: str, path: str) -> Iterator[RawArticle | Failure]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield Failure(path=path, reason="malformed", detail=f"not a readable CSV file ({exc})")
        return
    if not any(f in TEXT_FIELDS for f in fields):
        yield Failure(path=path, reason="malformed", detail=f"the CSV header {fields} has no 'text' column; add one")
        return
    try:
        for number, row in enumerate(reader, start=2):
            where = f"#L{number}"
            try:
                yield _from_record(dict(row), path, where, number)
            except InputError as exc:
                yield Failure(path=f"{path}{where}", reason=exc.reason, detail=exc.message)
    except csv.Error as exc:
        yield Failure(path=path, reason="malformed", detail=f"CSV parsing stopped: {exc}")


def _read_html(html: str, path: str) -> RawArticle | Failure:
    import trafilatura  # slow to import; only HTML inputs need it

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        doc = None if extracted is None else extracted if isinstance(extracted, dict) else extracted.as_dict()
    except Exception as exc:  # trafilatura raises many kinds; wrap them all
        return Failure(path=path, reason="malformed", detail=f"HTML extraction failed: {exc}")
    if not doc or not (doc.get("text") or "").strip():
        return Failure(path=path, reason="empty", detail="no main text found in the HTML page")
    title = (doc.get("title") or "").strip()
    body = doc["text"]
    # The page's <h1> is often the body's first line already: print the title once.
    text = f"{title}\n{body}" if title and not body.lstrip().startswith(title) else body
    return RawArticle(
        id=_stem(path),
        path=path,
        text=text,
        title=title or None,
        url=doc.get("url"),
        date=doc.get("date"),
        lang=doc.get("language"),
        publisher=doc.get("sitename"),
        fmt="html",
    )
