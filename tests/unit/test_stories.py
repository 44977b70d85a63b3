"""Stories: one event reported in three languages joins; the same pair meeting weeks later does not.

The fixture articles in tests/fixtures/stories were written for these tests.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dyad.cli.main import main
from dyad.store.sqlite import Store
from dyad.views import story_view, timeline

FIXTURES = Path(__file__).parent.parent / "fixtures" / "stories"
SAME_EVENT = {"en-hanoi-meeting", "id-pertemuan-hanoi", "ru-vstrecha-hanoi"}


def _documents(out: Path) -> dict[str, dict]:
    return {d["doc_id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture articles extracted once."""
    tmp = tmp_path_factory.mktemp("stories")
    out, db = tmp / "out", tmp / "s.sqlite"
    main(["extract", str(FIXTURES), "--out", str(out), "--db", str(db), "--quiet"])
    return out, db


def test_same_event_in_three_languages_joins(run: tuple[Path, Path]) -> None:
    """The English, Indonesian and Russian reports of the Hanoi meeting share one story."""
    docs = _documents(run[0])
    assert len({docs[d]["story_id"] for d in SAME_EVENT}) == 1


def test_meeting_weeks_later_is_another_story(run: tuple[Path, Path]) -> None:
    """The same two leaders meeting three weeks later is a different story."""
    docs = _documents(run[0])
    assert docs["en-singapore-meeting-later"]["story_id"] != docs["en-hanoi-meeting"]["story_id"]


def test_story_events_are_merged_with_sources(run: tuple[Path, Path]) -> None:
    """The Hanoi meeting becomes one canonical CONSULT with three articles in three languages."""
    out, db = run
    story = _documents(out)["en-hanoi-meeting"]["story_id"]
    store = Store(db)
    view = story_view(store, story)
    store.close()
    consult = [e for e in view["events"] if e["type"] == "CONSULT" and {e["source"]["code"], e["target"]["code"]}
               == {"VNM", "SGP"}]
    assert len(consult) == 1
    assert consult[0]["num_articles"] == 3 and sorted(consult[0]["languages"]) == ["en", "id", "ru"]
    assert consult[0]["date"] == "2025-03-03"
    joined = [d for d in view["documents"] if d["why"] and not d["why"].get("started")]
    assert joined and all("dyad" in d["why"] and "score" in d["why"] for d in joined)


def test_rerun_changes_nothing(run: tuple[Path, Path], tmp_path: Path) -> None:
    """Extracting the same articles again keeps every story id and writes the same export."""
    out, db = run
    copy = tmp_path / "db.sqlite"
    shutil.copy(db, copy)
    main(["extract", str(FIXTURES), "--out", str(tmp_path / "again"), "--db", str(copy), "--quiet"])
    assert _documents(tmp_path / "again") == _documents(out)
    for name in ("events.jsonl", "story_events.jsonl"):
        assert (tmp_path / "again" / name).read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8")


def test_timeline_counts_per_month(run: tuple[Path, Path]) -> None:
    """The timeline counts the merged meetings of the pair per month, in either direction."""
    store = Store(run[1])
    rows = timeline(store, "SGP", "VNM", "month")
    store.close()
    consults = [r for r in rows if r.type == "CONSULT"]
    assert consults and consults[0].period == "2025-03" and consults[0].count == 2
    assert consults[0].mean_intensity is not None


def test_new_batch_joins_stored_story(tmp_path: Path) -> None:
    """A report read in a later run joins the story the store already holds."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("en-hanoi-meeting", "id-pertemuan-hanoi"):
        shutil.copy(FIXTURES / f"{name}.txt", first)
    shutil.copy(FIXTURES / "ru-vstrecha-hanoi.txt", second)
    db = tmp_path / "s.sqlite"
    main(["extract", str(first), "--out", str(tmp_path / "o1"), "--db", str(db), "--quiet"])
    main(["extract", str(second), "--out", str(tmp_path / "o2"), "--db", str(db), "--quiet"])
    story = _documents(tmp_path / "o1")["en-hanoi-meeting"]["story_id"]
    assert _documents(tmp_path / "o2")["ru-vstrecha-hanoi"]["story_id"] == story


def test_person_signals() -> None:
    """Different people on one side keep reports apart; a surname romanised from another script still meets."""
    from dyad.stages.cluster import Signature, compare

    base = {"dyads": ["IDN|JPN"], "types": ["CONSULT"], "event_date": "2025-03-12"}
    a = Signature("a", persons={"IDN": ["sugiono"]}, **base)  # type: ignore[arg-type]
    b = Signature("b", persons={"IDN": ["suchiono"]}, **base)  # type: ignore[arg-type]
    c = Signature("c", persons={"IDN": ["prabowo"]}, **base)  # type: ignore[arg-type]
    assert compare(a, b, None).veto is None and compare(a, b, None).signals["persons"]
    assert compare(a, c, None).veto == "different persons for IDN"
