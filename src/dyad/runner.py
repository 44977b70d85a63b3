"""The main job: read inputs, code them, store them, group stories, write the export.

Steps: (1) expand inputs and read them (failures recorded, never dropped);
(2) skip articles whose content hash the store already holds; (3) run the
pipeline on the rest and save documents with their events; (4) group the
run's documents into stories with everything in the store; (5) write
documents.jsonl, events.jsonl (per document), story_events.jsonl (merged
across each story's documents) and failures.jsonl for every input of the run.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyad.config import Settings
from dyad.export.writers import write_jsonl
from dyad.pipeline import Pipeline
from dyad.records import Failure, Result
from dyad.serialize import document_to_dict, event_to_dict
from dyad.stages.ingest import read_inputs
from dyad.stages.story_events import story_events
from dyad.store.sqlite import Store


@dataclass
class Summary:
    """What one run did, for the terminal and for scripts."""

    documents: int = 0
    new_documents: int = 0
    unchanged: int = 0
    events: int = 0
    failures: int = 0
    seconds: float = 0.0
    by_language: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    failure_reasons: Counter[str] = field(default_factory=Counter)

    def render(self) -> str:
        """A short human summary."""
        lines = [
            f"documents: {self.documents} ({self.new_documents} new, {self.unchanged} unchanged)"
            f" in {self.seconds:.1f}s",
            "  by language: " + (", ".join(f"{k}={v}" for k, v in sorted(self.by_language.items())) or "none"),
            f"events: {self.events}",
            "  by type: " + (", ".join(f"{k}={v}" for k, v in self.by_type.most_common()) or "none"),
            f"failures: {self.failures}"
            + (" (" + ", ".join(f"{k}={v}" for k, v in self.failure_reasons.items()) + ")" if self.failures else ""),
        ]
        return "\n".join(lines)


def _progress(total_hint: int | None, quiet: bool):  # type: ignore[no-untyped-def]
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total_hint, unit="doc", file=sys.stderr)


def extract(paths: list[str], out: Path, db: Path | None = None, quiet: bool = False,
            settings: Settings | None = None) -> Summary:
    """Run the main job over `paths`, writing the export to `out`."""
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    store = Store(db or out / "dyad.sqlite")
    pipeline = Pipeline(settings)
    run_id = store.start_run(paths)
    summary = Summary()
    doc_ids: list[str] = []
    failures: list[Failure] = []
    bar = _progress(None, quiet)
    for item in read_inputs(paths, (settings or Settings()).max_input_bytes):
        if bar is not None:
            bar.update(1)
        if isinstance(item, Failure):
            failures.append(item)
            continue
        if store.is_current(item.id, item.content_hash, pipeline.fingerprint):
            summary.unchanged += 1
            doc_ids.append(item.id)
            continue
        result: Result = pipeline.process(item)
        if result.failure is not None:
            failures.append(result.failure)
            continue
        assert result.document is not None
        store.save(result.document, result.events, pipeline.fingerprint)
        summary.new_documents += 1
        doc_ids.append(item.id)
    if bar is not None:
        bar.close()
    for failure in failures:
        store.record_failure(failure, run_id)
    _assign_stories(store, doc_ids)
    _write_export(store, out, doc_ids, failures, summary)
    summary.failures = len(failures)
    summary.failure_reasons = Counter(f.reason for f in failures)
    summary.seconds = time.perf_counter() - start
    store.finish_run(run_id, {"documents": summary.documents, "new_documents": summary.new_documents,
                              "events": summary.events, "failures": summary.failures})
    store.close()
    return summary


def _assign_stories(store: Store, doc_ids: list[str]) -> None:
    """Cluster the run's documents into stories and merge each touched story's events."""
    from dyad.stages.cluster import assign_stories
    from dyad.stages.story_events import rebuild_story_events

    assign_stories(store, doc_ids)
    stories = [s for s in (store.story_of(d) for d in dict.fromkeys(doc_ids)) if s]
    rebuild_story_events(store, stories)
    store.db.execute("DELETE FROM story_events WHERE story_id NOT IN (SELECT story_id FROM documents"
                     " WHERE story_id IS NOT NULL)")
    store.db.commit()


def _write_export(store: Store, out: Path, doc_ids: list[str], failures: list[Failure], summary: Summary) -> None:
    unique = list(dict.fromkeys(doc_ids))
    documents = list(store.documents(unique))
    events = store.events(unique)
    summary.documents = len(documents)
    summary.events = len(events)
    summary.by_language = Counter(d.language for d in documents)
    summary.by_type = Counter(e.type for e in events)
    write_jsonl((document_to_dict(d, store.story_of(d.id)) for d in documents), out / "documents.jsonl")
    write_jsonl((event_to_dict(e) for e in events), out / "events.jsonl")
    stories = list(dict.fromkeys(s for s in (store.story_of(d.id) for d in documents) if s))
    write_jsonl(story_events(store, stories), out / "story_events.jsonl")
    write_jsonl(({"path": f.path, "reason": f.reason, "stage": f.stage, "detail": f.detail} for f in failures),
                out / "failures.jsonl")
    (out / "summary.json").write_text(json.dumps({
        "documents": summary.documents, "new_documents": summary.new_documents, "unchanged": summary.unchanged,
        "events": summary.events, "failures": len(failures), "by_language": dict(summary.by_language),
        "by_type": dict(summary.by_type), "failure_reasons": dict(Counter(f.reason for f in failures)),
    }, indent=1, ensure_ascii=False), encoding="utf-8")
