"""The SQLite store: one file, numbered migrations recorded in the database.

Schema: `store/migrations/NNN_*.sql`, applied in order and recorded in
`schema_migrations`. Documents are keyed by doc id; an unchanged article
(same content hash) is never processed twice, and a changed one replaces its
old events.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.errors import StoreError
from dyad.records import Document, Event, Failure, Line, PubDate
from dyad.serialize import event_from_dict, event_to_dict


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A dyad database in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}; check the path and permissions") from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def close(self) -> None:
        """Commit and close the database."""
        self.db.commit()
        self.db.close()

    # -- schema -------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded; return the names applied."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        applied: list[str] = []
        folder = resources.files("dyad.store.migrations")
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".sql"):
                continue
            version = int(entry.name.split("_", 1)[0])
            if version in done:
                continue
            try:
                self.db.executescript(entry.read_text(encoding="utf-8"))
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, entry.name, _now()))
            except sqlite3.Error as exc:
                raise StoreError(f"migration {entry.name} failed on {self.path}: {exc}") from exc
            applied.append(entry.name)
        self.db.commit()
        return applied

    def migrations(self) -> list[tuple[int, str]]:
        """The migrations recorded in the database."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT version, name FROM schema_migrations ORDER BY version")]

    # -- documents ----------------------------------------------------------------------------
    def is_current(self, doc_id: str, content_hash: str, pipeline: str) -> bool:
        """True when the store holds this very text, processed by this very pipeline."""
        row = self.db.execute("SELECT content_hash, pipeline FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return bool(row) and row[0] == content_hash and row[1] == pipeline

    def save(self, document: Document, events: list[Event] | tuple[Event, ...], pipeline: str = "") -> None:
        """Store a document and its events, replacing any older version of it."""
        lines = [[ln.number, ln.start, ln.end, ln.noise] for ln in document.lines]
        pub = document.pub_date
        with self.db:
            self.db.execute("DELETE FROM events WHERE doc_id = ?", (document.id,))
            # Its story is decided again from the new events.
            self.db.execute("DELETE FROM doc_signatures WHERE doc_id = ?", (document.id,))
            self.db.execute("DELETE FROM story_keys WHERE doc_id = ?", (document.id,))
            self.db.execute(
                "INSERT OR REPLACE INTO documents (id, path, url, title, publisher, language, script,"
                " language_source, pub_date, pub_date_precision, pub_date_source, dateline, content_hash, pipeline,"
                " text, lines_json, story_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, NULL, ?)",
                (document.id, document.path, document.url, document.title, document.publisher, document.language,
                 document.script, document.language_source, pub.value if pub else None,
                 pub.precision if pub else None, pub.source if pub else None, document.dateline,
                 document.content_hash, pipeline, document.text, json.dumps(lines), _now()),
            )
            self.db.executemany(
                "INSERT INTO events (id, doc_id, type, mode, source_code, target_code, date, main, symmetric,"
                " intensity, backend, record_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(e.id, e.doc_id, e.type, e.mode, e.source.code, e.target.code if e.target else None, e.date,
                  int(e.main), int(e.symmetric), e.intensity, e.backend, json.dumps(event_to_dict(e),
                                                                                  ensure_ascii=False))
                 for e in events],
            )

    def document(self, doc_id: str) -> Document | None:
        """A stored document."""
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def documents(self, ids: list[str] | None = None) -> Iterator[Document]:
        """Stored documents (all, or those with the given ids, in that order)."""
        if ids is None:
            for row in self.db.execute("SELECT * FROM documents ORDER BY id"):
                yield _document(row)
            return
        for doc_id in ids:
            found = self.document(doc_id)
            if found is not None:
                yield found

    def events(self, doc_ids: list[str] | None = None) -> list[Event]:
        """Stored events (all, or those of the given documents)."""
        if doc_ids is None:
            rows = self.db.execute("SELECT record_json FROM events ORDER BY doc_id, main DESC, rowid").fetchall()
        else:
            rows = []
            for start in range(0, len(doc_ids), 500):
                chunk = doc_ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(
                    f"SELECT record_json FROM events WHERE doc_id IN ({marks}) ORDER BY doc_id, main DESC, rowid", chunk
                ).fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def story_of(self, doc_id: str) -> str | None:
        """The story id of a document."""
        row = self.db.execute("SELECT story_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def set_story(self, doc_id: str, story_id: str | None) -> None:
        """Record the story a document belongs to."""
        self.db.execute("UPDATE documents SET story_id = ? WHERE id = ?", (story_id, doc_id))

    # -- failures and runs --------------------------------------------------------------------
    def record_failure(self, failure: Failure, run_id: int | None) -> None:
        """Keep a failure with its reason."""
        self.db.execute(
            "INSERT INTO failures (run_id, path, reason, stage, detail, at) VALUES (?,?,?,?,?,?)",
            (run_id, failure.path, failure.reason, failure.stage, failure.detail, _now()),
        )

    def start_run(self, inputs: list[str]) -> int:
        """Open a run record; returns its id."""
        cur = self.db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(inputs)))
        self.db.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Close a run record with its counts."""
        self.db.execute(
            "UPDATE runs SET finished_at = ?, documents = ?, new_documents = ?, events = ?, failures = ?"
            " WHERE id = ?",
            (_now(), counts.get("documents", 0), counts.get("new_documents", 0), counts.get("events", 0),
             counts.get("failures", 0), run_id),
        )
        self.db.commit()

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        one = self.db.execute
        return {
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "events": one("SELECT COUNT(*) FROM events").fetchone()[0],
            "failures": one("SELECT COUNT(*) FROM failures").fetchone()[0],
            "runs": one("SELECT COUNT(*) FROM runs").fetchone()[0],
            "stories": one("SELECT COUNT(DISTINCT story_id) FROM documents WHERE story_id IS NOT NULL").fetchone()[0],
            "documents_by_language": dict(one("SELECT language, COUNT(*) FROM documents GROUP BY language"
                                              " ORDER BY 2 DESC").fetchall()),
            "events_by_type": dict(one("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall()),
            "failures_by_reason": dict(one("SELECT reason, COUNT(*) FROM failures GROUP BY reason").fetchall()),
        }


def _document(row: sqlite3.Row) -> Document:
    text = row["text"]
    lines = tuple(
        Line(number, start, end, text[start:end], noise) for number, start, end, noise in json.loads(row["lines_json"])
    )
    pub = (
        PubDate(row["pub_date"], row["pub_date_precision"], row["pub_date_source"] or "")
        if row["pub_date"] else None
    )
    return Document(
        id=row["id"], path=row["path"], title=row["title"] or "", text=text, content_hash=row["content_hash"],
        language=row["language"], script=row["script"], lines=lines, publisher=row["publisher"], url=row["url"],
        pub_date=pub, dateline=row["dateline"], language_source=row["language_source"],
    )
