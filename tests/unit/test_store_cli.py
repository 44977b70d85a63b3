"""The store and the command line: idempotent re-runs, replaced articles, exports, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from dyad.cli.main import main
from dyad.store.sqlite import Store

MEETING = (
    "Menlu Indonesia dan Menlu Jepang bertemu di Tokyo\n"
    "TOKYO - Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Jepang di Tokyo pada hari Selasa "
    "untuk membahas kerja sama maritim.\n"
    "Baca juga: Presiden Resmikan Pelabuhan Baru di Sulawesi\n"
)
CONDEMN = (
    "Russia condemns new sanctions by the European Union\n"
    "Russia condemned the European Union on Friday over its new sanctions package, the foreign ministry said.\n"
)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "meeting.txt").write_text(MEETING, encoding="utf-8")
    (corpus / "condemn.txt").write_text(CONDEMN, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    return corpus


def test_extract_writes_documents_events_failures(tmp_path: Path) -> None:
    """Every input appears: documents with language and boilerplate lines, events, and the failure."""
    out = tmp_path / "out"
    code = main(["extract", str(_corpus(tmp_path)), "--out", str(out), "--quiet"])
    assert code == 1  # one input failed, and says so
    docs = {d["doc_id"]: d for d in _lines(out / "documents.jsonl")}
    assert set(docs) == {"meeting", "condemn"}
    assert docs["meeting"]["lang"] == "id" and docs["condemn"]["lang"] == "en"
    assert [b["line"] for b in docs["meeting"]["boilerplate_lines"]] == [3]
    assert docs["meeting"]["boilerplate_lines"][0]["reason"] == "related-link"
    assert all(d["story_id"] for d in docs.values())
    failures = _lines(out / "failures.jsonl")
    assert [(Path(f["path"]).name, f["reason"]) for f in failures] == [("empty.txt", "empty")]
    events = _lines(out / "events.jsonl")
    assert {(e["type"], e["source"]["code"], e["target"]["code"]) for e in events} >= {
        ("CONSULT", "IDN", "JPN"),
        ("ACCUSE", "RUS", "EU"),
    }
    for event in events:
        evidence = event["evidence"]
        doc_text = (tmp_path / "in" / f"{event['doc_id']}.txt").read_text(encoding="utf-8")
        assert doc_text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert doc_text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
        assert event["backend"] == "rules.v1"


def test_rerun_adds_nothing_and_changed_article_replaces_events(tmp_path: Path) -> None:
    """The same input twice stores nothing new; an edited article replaces its old events."""
    corpus = _corpus(tmp_path)
    db = tmp_path / "store.sqlite"
    main(["extract", str(corpus), "--out", str(tmp_path / "o1"), "--db", str(db), "--quiet"])
    store = Store(db)
    first = store.stats()
    store.close()
    main(["extract", str(corpus), "--out", str(tmp_path / "o2"), "--db", str(db), "--quiet"])
    store = Store(db)
    assert store.stats()["documents"] == first["documents"] and store.stats()["events"] == first["events"]
    store.close()
    assert _lines(tmp_path / "o1" / "events.jsonl") == _lines(tmp_path / "o2" / "events.jsonl")
    (corpus / "condemn.txt").write_text(
        "Weather report\nIt rained all day in the capital on Friday.\n", encoding="utf-8"
    )
    main(["extract", str(corpus), "--out", str(tmp_path / "o3"), "--db", str(db), "--quiet"])
    store = Store(db)
    assert store.events(["condemn"]) == []
    assert store.stats()["documents"] == first["documents"]
    store.close()


def test_migrations_are_recorded(tmp_path: Path) -> None:
    """Every numbered migration is recorded once, and opening again applies nothing."""
    store = Store(tmp_path / "s.sqlite")
    versions = [v for v, _ in store.migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    store.close()
    again = Store(tmp_path / "s.sqlite")
    assert again.migrate() == []
    again.close()


def test_export_formats_and_stats(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Stored events export as JSONL, CSV, Parquet and PLOVER JSON; stats counts them."""
    db = tmp_path / "s.sqlite"
    main(["extract", str(_corpus(tmp_path)), "--out", str(tmp_path / "o"), "--db", str(db), "--quiet"])
    for fmt in ("jsonl", "csv", "parquet", "plover"):
        assert main(["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / f"e.{fmt}")]) == 0
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert rows and {"type", "source_code", "target_code", "sentence"} <= set(rows[0])
    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(rows)
    plover = _lines(tmp_path / "e.plover")
    assert all(isinstance(p["actor"], list) and "event" in p for p in plover)
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 2 and stats["failures"] == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    """A missing input or store is a usage error with exit code 2."""
    assert main(["extract", str(tmp_path / "nope-*.txt"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert main(["stats", "--db", str(tmp_path / "missing.sqlite")]) == 2


def test_an_unexpected_error_in_one_article_is_recorded_and_the_run_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A bug that breaks one article (any exception) becomes that article's failure, with its stage."""
    from dyad.stages import code

    real = code.RuleCoder.code

    def flaky(self, document, sentences):  # type: ignore[no-untyped-def]
        if "Russia" in document.text:
            raise RuntimeError("boom")
        return real(self, document, sentences)

    monkeypatch.setattr(code.RuleCoder, "code", flaky)
    out = tmp_path / "out"
    assert main(["extract", str(_corpus(tmp_path)), "--out", str(out), "--quiet"]) == 1
    failures = {Path(f["path"]).name: f for f in _lines(out / "failures.jsonl")}
    assert failures["condemn.txt"]["reason"] == "processing-error" and "boom" in failures["condemn.txt"]["detail"]
    assert any(d["doc_id"] == "meeting" for d in _lines(out / "documents.jsonl"))
