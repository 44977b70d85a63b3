"""Each language's own test sentences (tests/lang/<code>/sentences.yaml) code as expected.

Every sentence was written for dyad by its authors; the expected events list
type, source and target (as a set for symmetric types).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dyad.pipeline import Pipeline
from dyad.stages.ingest import RawArticle

HERE = Path(__file__).parent
SYMMETRIC = {"CONSULT", "COOPERATE"}


def _cases() -> list[Any]:
    cases = []
    for path in sorted(HERE.glob("*/sentences.yaml")):
        code = path.parent.name
        for number, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or (), start=1):
            # A known limitation of rules.v1 is recorded with its reason and expected to fail until fixed.
            marks = [pytest.mark.xfail(reason=item["known_limitation"], strict=True)] if item.get(
                "known_limitation") else []
            cases.append(pytest.param(code, item, id=f"{code}-{number}", marks=marks))
    return cases


def _key(event_type: str, source: str, target: str, symmetric: bool) -> tuple[str, ...]:
    if symmetric or event_type in SYMMETRIC:
        return (event_type, *sorted((source, target)))
    return (event_type, source, target)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """One pipeline for all sentences."""
    return Pipeline()


@pytest.mark.parametrize(("code", "case"), _cases())
def test_sentence(pipeline: Pipeline, code: str, case: dict[str, Any]) -> None:
    """The sentence yields exactly the expected events (no event for negations and non-events)."""
    text = f"{case['text']}\n"
    raw = RawArticle(id="t", path="t", text="Berita\n" + text, lang=code, date="2025-03-10")
    result = pipeline.process(raw)
    assert result.document is not None
    expected_events = case.get("events") or ()
    symmetric = {e["type"] for e in expected_events if e.get("symmetric")}
    # Compared as the scorer does: as a set for symmetric gold events and CONSULT/COOPERATE, else ordered.
    got = {_key(e.type, e.source.code, e.target.code if e.target else "", e.type in symmetric) for e in result.events}
    expected = {_key(e["type"], e["source"], e["target"], bool(e.get("symmetric"))) for e in expected_events}
    assert got == expected, case["text"]
