"""Merge a story's events across its documents: one canonical event per interaction.

Events of a story's documents that share type and dyad (as a set for
symmetric ones) and whose dates agree (equal, or one a prefix of the other,
or unknown) become one event that keeps: every document, language and
evidence sentence; the number of sources (distinct publishers) and articles,
like GDELT's NumSources/NumArticles; the most precise date and the place any
source gives. The per-document events stay in the store unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlparse

from dyad.records import Document, Event
from dyad.serialize import event_to_dict
from dyad.stages.code import absorb
from dyad.store.sqlite import Store


@dataclass
class StoryEvent:
    """A canonical event of a story with the reports behind it."""

    event: Event
    story_id: str
    doc_ids: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The canonical event as exported (story_events.jsonl)."""
        data = event_to_dict(self.event)
        data.update({
            "story_id": self.story_id, "doc_ids": self.doc_ids, "languages": self.languages, "sources": self.sources,
            "num_sources": len(self.sources), "num_articles": len(self.doc_ids),
        })
        data.pop("doc_id", None)
        return data


def _source_of(document: Document) -> str:
    """Who published a document: its publisher, else its web host, else the document itself."""
    if document.publisher:
        return document.publisher
    host = urlparse(document.url or "").netloc.removeprefix("www.")
    return host or document.id


def _dates_agree(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _key(event: Event) -> tuple[str, ...]:
    pair = (event.source.code, event.target.code if event.target else "")
    return (event.type, *(sorted(pair) if event.symmetric else pair))


def merge_events(story_id: str, documents: list[Document], events: list[Event]) -> list[StoryEvent]:
    """The canonical events of one story."""
    by_id = {d.id: d for d in documents}
    merged: list[StoryEvent] = []
    for event in sorted(events, key=lambda e: (not e.main, -(len(e.date or "")), e.doc_id)):
        doc = by_id.get(event.doc_id)
        target = next((m for m in merged if _key(m.event) == _key(event) and _dates_agree(m.event.date, event.date)),
                      None)
        if target is None:
            digest = hashlib.sha1(f"{story_id}|{'|'.join(_key(event))}|{event.date or ''}".encode()).hexdigest()[:16]
            target = StoryEvent(replace(event, id=digest), story_id)
            merged.append(target)
        else:
            target.event = absorb(target.event, event)
        if event.doc_id not in target.doc_ids:
            target.doc_ids.append(event.doc_id)
        if doc is not None:
            if doc.language not in target.languages:
                target.languages.append(doc.language)
            if _source_of(doc) not in target.sources:
                target.sources.append(_source_of(doc))
    return merged


def rebuild_story_events(store: Store, story_ids: list[str]) -> int:
    """Recompute and store the canonical events of the given stories; returns how many."""
    count = 0
    for story_id in dict.fromkeys(story_ids):
        doc_ids = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE story_id = ?", (story_id,))]
        merged = merge_events(story_id, list(store.documents(doc_ids)), store.events(doc_ids))
        store.db.execute("DELETE FROM story_events WHERE story_id = ?", (story_id,))
        store.db.executemany(
            "INSERT OR REPLACE INTO story_events (id, story_id, type, source_code, target_code, date, intensity,"
            " record_json) VALUES (?,?,?,?,?,?,?,?)",
            [(m.event.id, story_id, m.event.type, m.event.source.code, m.event.target.code if m.event.target else None,
              m.event.date, m.event.intensity, json.dumps(m.to_dict(), ensure_ascii=False)) for m in merged],
        )
        count += len(merged)
    return count


def story_events(store: Store, story_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Stored canonical events (all, or those of the given stories)."""
    if story_ids is None:
        rows = store.db.execute("SELECT record_json FROM story_events ORDER BY story_id, date, id").fetchall()
    else:
        rows = []
        for story_id in dict.fromkeys(story_ids):
            rows += store.db.execute("SELECT record_json FROM story_events WHERE story_id = ? ORDER BY date, id",
                                     (story_id,)).fetchall()
    return [json.loads(r[0]) for r in rows]
