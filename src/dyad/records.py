"""Typed, frozen records that flow through the dyad pipeline.

Document → Sentence → Mention → Actor → Event → Story; an input that cannot
be read becomes a Failure instead of vanishing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

NOISE_REASONS: tuple[str, ...] = (
    "related-link", "headline-list", "comment-counter", "comment-form", "caption", "ticker",
    "byline", "timestamp", "source-line", "share", "navigation", "copyright", "advertisement",
    "subscribe", "tags", "dateline", "repeated-caption", "metadata",
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original text, with its offsets and boilerplate verdict."""

    number: int  # 1-based line number in the input text
    start: int  # character offset of the line in Document.text
    end: int
    text: str
    noise: str | None = None  # reason the line is boilerplate, or None for content


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date recovered from metadata or the page text."""

    value: str  # ISO date, possibly partial ("2024-06-30", "2024-06")
    precision: DatePrecision
    source: str  # where it came from: "metadata", "text:<pattern>", "html"
    text: str = ""  # the text it was read from


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: original text, metadata and line-level cleaning."""

    id: str
    path: str  # file path, URL, or "<stdin>#n"
    title: str
    text: str  # the original text (title line included for .txt inputs)
    content_hash: str
    language: str  # ISO 639-1
    script: str  # ISO 15924 dominant script
    lines: tuple[Line, ...] = ()
    publisher: str | None = None
    url: str | None = None
    pub_date: PubDate | None = None
    dateline: str | None = None  # place named in a dateline ("Teheran")
    language_source: str = "detected"  # detected | metadata | script


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document with offsets into Document.text."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    line: int  # 1-based line number the sentence starts on
    is_title: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a sentence that names an actor (country, organisation, person, title)."""

    start: int  # offsets inside the sentence text
    end: int
    text: str
    kind: Literal["country", "organisation", "person", "role", "capital", "reciprocal"]
    code: str | None  # actor code (ISO3 or organisation code) when known
    kb_id: str | None = None
    name: str | None = None  # canonical name for persons
    role: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event."""

    code: str  # ISO 3166-1 alpha-3, organisation code, or UNK
    name: str | None = None  # canonical person name
    role: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    qid: str | None = None
    text: str | None = None  # the words the actor was read from


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The text an event was read from."""

    doc_id: str
    sentence: str
    start: int  # offsets of the sentence in the original document text
    end: int
    trigger: str
    trigger_start: int  # offsets of the trigger in the original document text
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A coded political interaction with its evidence."""

    id: str
    doc_id: str
    type: str  # PLOVER type
    source: Actor
    target: Actor | None
    evidence: tuple[Evidence, ...]
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    symmetric: bool = False
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: Location | None = None
    main: bool = True
    confidence: float = 0.5
    backend: str = "rules.v1"
    backend_version: str = "1"
    intensity: float | None = None
    cameo_root: str | None = None
    quad: int | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Documents whose main event is the same real-world event."""

    id: str
    doc_ids: tuple[str, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into a Document, and why."""

    path: str
    reason: str
    stage: str = "ingest"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline made of one input: a document with events, or a failure."""

    document: Document | None = None
    events: tuple[Event, ...] = ()
    failure: Failure | None = None
    sentences: tuple[Sentence, ...] = field(default=())


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data."""
    data: dict[str, Any] = asdict(record)
    return data
