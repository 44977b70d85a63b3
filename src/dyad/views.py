"""Read-only views over the store for analysts: a story explained, a dyad's timeline."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dyad.errors import UsageError
from dyad.stages.story_events import story_events
from dyad.store.sqlite import Store

PERIODS = {"day": 10, "month": 7, "year": 4}


def story_view(store: Store, story_id: str) -> dict[str, Any]:
    """A story's documents, why each joined, and its merged events."""
    rows = store.db.execute(
        "SELECT d.id, d.language, d.title, d.pub_date, s.reason_json FROM documents d LEFT JOIN doc_signatures s"
        " ON s.doc_id = d.id WHERE d.story_id = ? ORDER BY d.pub_date, d.id", (story_id,)).fetchall()
    if not rows:
        known = store.db.execute("SELECT story_id FROM documents WHERE id = ?", (story_id,)).fetchone()
        if known and known[0]:
            return story_view(store, known[0])  # a document id was given: show its story
        raise UsageError(f"no story {story_id!r} in {store.path}; list stories with `dyad stats --db {store.path}`")
    documents = [{"doc_id": r[0], "lang": r[1], "title": r[2], "pub_date": r[3],
                  "why": json.loads(r[4]) if r[4] else None} for r in rows]
    return {"story_id": story_id, "languages": sorted({d["lang"] for d in documents}), "documents": documents,
            "events": story_events(store, [story_id])}


def render_story(view: dict[str, Any]) -> str:
    """A story view as text for the terminal."""
    out = [f"story {view['story_id']}: {len(view['documents'])} documents in {', '.join(view['languages'])}", ""]
    for doc in view["documents"]:
        out.append(f"  {doc['doc_id']} [{doc['lang']}] {doc['pub_date'] or '----'}  {doc['title'][:70]}")
        why = doc["why"] or {}
        if why.get("started"):
            best = why.get("best")
            closest = f" (closest: {best['with']}, score {best['score']})" if best else ""
            out.append("      started this story" + closest)
        elif why:
            signals = {k: v for k, v in why.items() if k not in {"with", "score"}}
            out.append(f"      joined via {why['with']} (score {why['score']}): "
                       + ", ".join(f"{k}={v}" for k, v in signals.items()))
    out += ["", "merged events:"]
    for e in view["events"]:
        target = e["target"]["code"] if e.get("target") else "-"
        arrow = "~" if e["symmetric"] else ">"
        out.append(f"  {e['type']:<9} {e['source']['code']}{arrow}{target:<8} {e['date'] or '':<10} "
                   f"{'main' if e['main'] else 'background':<10} sources={e['num_sources']} "
                   f"articles={e['num_articles']} langs={','.join(e['languages'])}")
    return "\n".join(out)


@dataclass
class TimelineRow:
    """Events of one type in one period between two actors."""

    period: str
    type: str
    count: int
    mean_intensity: float | None


def timeline(store: Store, a: str, b: str, by: str = "month") -> list[TimelineRow]:
    """Event counts per period and type between two actors (either direction), from merged story events."""
    if by not in PERIODS:
        raise UsageError(f"--by takes one of {', '.join(PERIODS)}")
    width = PERIODS[by]
    rows = store.db.execute(
        "SELECT type, date, intensity FROM story_events WHERE (source_code = ? AND target_code = ?)"
        " OR (source_code = ? AND target_code = ?)", (a, b, b, a)).fetchall()
    groups: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for event_type, date, intensity in rows:
        period = (date or "undated")[:width] if date and len(date) >= width else (date or "undated")
        groups[(period, event_type)].append(intensity)
    out = []
    for (period, event_type), values in sorted(groups.items()):
        known = [v for v in values if v is not None]
        out.append(TimelineRow(period, event_type, len(values), round(sum(known) / len(known), 2) if known else None))
    return out


def render_timeline(rows: list[TimelineRow], a: str, b: str, as_csv: bool = False) -> str:
    """A timeline as a terminal table or as CSV."""
    if as_csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["period", "type", "count", "mean_intensity"])
        writer.writerows([r.period, r.type, r.count, r.mean_intensity] for r in rows)
        return buffer.getvalue()
    if not rows:
        return f"no events between {a} and {b}"
    lines = [f"{a} – {b}", f"{'period':<10} {'type':<10} {'count':>5} {'intensity':>9}"]
    for r in rows:
        intensity = f"{r.mean_intensity:.2f}" if r.mean_intensity is not None else "-"
        lines.append(f"{r.period:<10} {r.type:<10} {r.count:>5} {intensity:>9}")
    return "\n".join(lines)
