"""Export events and documents: JSONL, CSV, Parquet and PLOVER JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dyad.errors import UsageError
from dyad.plover import plover_record
from dyad.records import Event
from dyad.serialize import event_to_dict

FORMATS = ("jsonl", "csv", "parquet", "plover")
CSV_COLUMNS = (
    "id", "doc_id", "type", "mode", "source_code", "source_name", "source_sector", "target_code", "target_name",
    "target_sector", "symmetric", "date", "date_precision", "location", "location_country", "main", "intensity",
    "cameo_root", "quad", "confidence", "backend", "trigger", "sentence",
)


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write one JSON object per line; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def flat_row(event: Event) -> dict[str, Any]:
    """An event as one flat table row."""
    ev = event.evidence[0] if event.evidence else None
    tgt = event.target
    return {
        "id": event.id, "doc_id": event.doc_id, "type": event.type, "mode": event.mode,
        "source_code": event.source.code, "source_name": event.source.name, "source_sector": event.source.sector,
        "target_code": tgt.code if tgt else None, "target_name": tgt.name if tgt else None,
        "target_sector": tgt.sector if tgt else None, "symmetric": event.symmetric, "date": event.date,
        "date_precision": event.date_precision, "location": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None, "main": event.main,
        "intensity": event.intensity, "cameo_root": event.cameo_root, "quad": event.quad,
        "confidence": event.confidence, "backend": event.backend, "trigger": ev.trigger if ev else None,
        "sentence": ev.sentence if ev else None,
    }


def export_events(events: list[Event], fmt: str, path: Path) -> int:
    """Write events in one of FORMATS; returns the count written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        return write_jsonl((event_to_dict(e) for e in events), path)
    if fmt == "plover":
        return write_jsonl((plover_record(e) for e in events), path)
    rows = [flat_row(e) for e in events]
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in CSV_COLUMNS})
        pq.write_table(table, path)
        return len(rows)
    raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
