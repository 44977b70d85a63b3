"""Named, versioned backends: a changed behaviour gets a new name, old runs keep theirs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from dyad.errors import UsageError
from dyad.records import Document, Event, Sentence


class Coder(Protocol):
    """An event coder: the events of one document's sentences."""

    name: str
    version: str

    def code(self, document: Document, sentences: list[Sentence]) -> Iterable[Event]:
        """The events the document reports."""
        ...


def _rules_v1() -> Coder:
    from dyad.stages.code import RuleCoder

    return RuleCoder()


CODERS: dict[str, Callable[[], Coder]] = {"rules.v1": _rules_v1}


def get_coder(name: str) -> Coder:
    """The coder registered under `name`."""
    try:
        factory = CODERS[name]
    except KeyError:
        raise UsageError(f"unknown backend {name!r}; choose one of {sorted(CODERS)}") from None
    return factory()
