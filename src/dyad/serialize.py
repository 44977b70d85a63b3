"""Records to and from plain JSON-ready dicts (the export contract of ../shared/eval/README.md)."""

from __future__ import annotations

from typing import Any

from dyad.records import Actor, Document, Event, Evidence, Location, to_dict


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event as stored and exported; `evidence` is the first evidence, `evidences` all of them."""
    data = to_dict(event)
    data["evidences"] = data.pop("evidence")
    data["evidence"] = data["evidences"][0] if data["evidences"] else None
    data["contexts"] = list(event.contexts)
    return data


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of `event_to_dict`."""
    fields = dict(data)
    evidences = fields.pop("evidences", None) or ([fields["evidence"]] if fields.get("evidence") else [])
    fields.pop("evidence", None)
    for extra in ("doc_ids", "sources", "num_sources", "num_articles", "languages"):
        fields.pop(extra, None)
    location = fields.pop("location", None)
    return Event(
        **{k: v for k, v in fields.items() if k not in {"source", "target", "contexts"}},
        source=Actor(**data["source"]),
        target=Actor(**data["target"]) if data.get("target") else None,
        contexts=tuple(data.get("contexts") or ()),
        evidence=tuple(Evidence(**e) for e in evidences),
        location=Location(**location) if location else None,
    )


def document_to_dict(doc: Document, story_id: str | None = None) -> dict[str, Any]:
    """A document as exported in documents.jsonl (no full text; boilerplate lines with reasons)."""
    pub = doc.pub_date
    return {
        "doc_id": doc.id,
        "path": doc.path,
        "url": doc.url,
        "title": doc.title,
        "publisher": doc.publisher,
        "lang": doc.language,
        "script": doc.script,
        "language_source": doc.language_source,
        "pub_date": pub.value if pub else None,
        "pub_date_precision": pub.precision if pub else None,
        "pub_date_source": pub.source if pub else None,
        "dateline": doc.dateline,
        "content_hash": doc.content_hash,
        "lines": len(doc.lines),
        "boilerplate_lines": [
            {"line": ln.number, "reason": ln.noise, "text": ln.text.strip()[:80]} for ln in doc.lines if ln.noise
        ],
        "story_id": story_id,
    }
