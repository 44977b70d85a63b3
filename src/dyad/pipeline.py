"""Build and run the dyad pipeline over raw articles.

Steps, in order (each stage names the fields of `Work` it reads and writes,
and `Pipeline` checks when it is built that every field is written before
it is read):
1. `read`     – language identification, line cleaning and metadata → Document
2. `segment`  – sentences of the content lines
3. `code`     – the event coder chosen by name from `dyad.registry` (rules.v1)
An article whose processing raises becomes a Failure with its reason; the
run goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyad import __version__
from dyad.config import Settings
from dyad.errors import UsageError
from dyad.lang import load as load_language
from dyad.records import Document, Event, Failure, Result, Sentence
from dyad.registry import get_coder
from dyad.stages.clean import clean, url_date
from dyad.stages.ingest import RawArticle
from dyad.stages.langid import identify
from dyad.stages.segment import segment


@dataclass
class Work:
    """What the stages know about one article so far."""

    raw: RawArticle
    document: Document | None = None
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    """One named step: a callable on Work, with the fields it reads and writes."""

    name: str
    run: Callable[[Work], None]
    reads: frozenset[str]
    writes: frozenset[str]


def read_document(work: Work) -> None:
    """Identify the language, classify the lines and recover metadata."""
    raw = work.raw
    guess = identify(raw.text, raw.lang, raw.url)
    language = load_language(guess.language)
    cleaned = clean(raw.text, language, raw.date)
    url = raw.url or next(iter(cleaned.urls), None)
    pub_date = cleaned.pub_date or url_date(raw.url)
    work.document = Document(
        id=raw.id,
        path=raw.path,
        title=raw.title or cleaned.title,
        text=raw.text,
        content_hash=raw.content_hash,
        language=guess.language,
        script=guess.script,
        lines=tuple(cleaned.lines),
        publisher=raw.publisher,
        url=url,
        pub_date=pub_date,
        dateline=cleaned.dateline,
        language_source=guess.source,
    )


def segment_document(work: Work) -> None:
    """Split the content lines into sentences."""
    assert work.document is not None
    work.sentences = segment(work.document)


class Pipeline:
    """The ordered stages of one run, checked when built."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        coder = get_coder(self.settings.backend)

        def code(work: Work) -> None:
            assert work.document is not None
            work.events = list(coder.code(work.document, work.sentences))

        self.stages = [
            Stage("read", read_document, frozenset({"raw"}), frozenset({"document"})),
            Stage("segment", segment_document, frozenset({"document"}), frozenset({"sentences"})),
            Stage(self.settings.backend, code, frozenset({"document", "sentences"}), frozenset({"events"})),
        ]
        self._check_order()
        self.fingerprint = fingerprint(self.settings.backend)

    def _check_order(self) -> None:
        known = {"raw"}
        for stage in self.stages:
            missing = stage.reads - known
            if missing:
                raise UsageError(f"stage {stage.name!r} reads {sorted(missing)} before any stage writes them")
            known |= stage.writes

    def process(self, raw: RawArticle) -> Result:
        """One article through every stage, or a Failure naming the stage that broke."""
        work = Work(raw)
        for stage in self.stages:
            try:
                stage.run(work)
            except Exception as exc:  # one article's failure, whatever broke, never stops a run: it is recorded
                return Result(failure=Failure(raw.path, "processing-error", stage.name, f"{type(exc).__name__}: {exc}"))
        return Result(document=work.document, events=tuple(work.events), sentences=tuple(work.sentences))

    def run(self, items: Iterable[RawArticle | Failure]) -> Iterator[Result]:
        """Every input's result, failures included, in input order."""
        for item in items:
            if isinstance(item, Failure):
                yield Result(failure=item)
            else:
                yield self.process(item)


@lru_cache(maxsize=8)
def fingerprint(backend: str) -> str:
    """What produced a stored result: dyad's version, the backend, and a hash of the shipped data.

    A re-run skips an article only when its text and this fingerprint are unchanged,
    so new lexicons or a new release recode old articles.
    """
    digest = hashlib.sha256(f"{__version__}|{backend}".encode())
    root = Path(__file__).parent
    for folder in ("lang", "kb/data", "ontology"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in {".yaml", ".tsv", ".jsonl"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    for path in sorted((root / "stages").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
