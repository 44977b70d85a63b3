"""The evaluation gate: the whole pipeline on the shared dev set must stay above pinned floors.

Floors may only go up. The dev articles are read from ../shared in place, never copied.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dyad.runner import extract

FLOORS = {
    "pair_f1": 0.83,
    "main_f1": 0.81,
    "strict_f1": 0.66,
    "story_link_f1": 0.97,
    "language_accuracy": 1.0,
    "noise_recall": 0.90,
}
NOISE_FALSE_FLAG_CEILING = 0.03
NOISE_EVENT_CEILING = 0


def _scorer(dev: Path) -> ModuleType:
    path = dev.parent.parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("dyad_dev_scorer", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The dev corpus run once through `dyad extract`."""
    from tests.conftest import DEV

    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside the repo")
    out = tmp_path_factory.mktemp("dev-out")
    extract([str(DEV)], out, quiet=True)
    return DEV, out


def test_scorer_floors(dev_run: tuple[Path, Path]) -> None:
    """Pair, main, strict and story-link F1 stay above their floors, with no event read from boilerplate."""
    dev, out = dev_run
    result: dict[str, Any] = _scorer(dev).score(dev, out)
    assert result["documents_seen"] == result["documents"]
    assert result["noise_false_positives"] <= NOISE_EVENT_CEILING
    for level in ("pair", "main", "strict"):
        assert result[level]["f1"] >= FLOORS[f"{level}_f1"], (level, result[level])
    assert result["story_link_f1"] >= FLOORS["story_link_f1"]


def test_every_article_with_right_language_and_boilerplate(dev_run: tuple[Path, Path]) -> None:
    """Every .txt is in documents.jsonl with the gold language; boilerplate is flagged, content is not."""
    dev, out = dev_run
    docs = {json.loads(line)["doc_id"]: json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")}
    assert {p.stem for p in dev.glob("*.txt")} <= set(docs)
    right = noise = noise_hit = other = other_hit = 0
    for gold_path in dev.glob("*.gold.json"):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = docs[gold_path.name[: -len(".gold.json")]]
        right += doc["lang"] == gold["lang"]
        flagged = {b["line"] for b in doc["boilerplate_lines"]}
        starts = [_fold(n) for n in gold.get("noise_lines", []) if _fold(n)]
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        for number, line in enumerate(text.split("\n"), start=1):
            if not any(c.isalnum() for c in line):
                continue
            if any(_fold(line).startswith(s) for s in starts):
                noise, noise_hit = noise + 1, noise_hit + (number in flagged)
            else:
                other, other_hit = other + 1, other_hit + (number in flagged)
    assert right / len(docs) >= FLOORS["language_accuracy"]
    assert noise_hit / noise >= FLOORS["noise_recall"]
    assert other_hit / other < NOISE_FALSE_FLAG_CEILING
