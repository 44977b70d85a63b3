"""Persons of the gold events that dyad outputs with the right name and country (issue: knowledge base).

    python scripts/person_report.py ../shared/corpus/dev OUT_DIR [--verbose]

A gold person counts as found when some event of the same document has an
actor with that country whose name's last word matches (as the scorer does).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path


def _last(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    parts = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("-", " ").split()
    return parts[-1] if parts else ""


def main(argv: list[str]) -> int:
    """Print how many gold-event persons are output with the right name and country."""
    gold_dir, out_dir = Path(argv[0]), Path(argv[1])
    found_by_doc: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in (out_dir / "events.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        for actor in (event["source"], event.get("target")):
            if actor and actor.get("name"):
                found_by_doc[event["doc_id"]].add((actor["code"], _last(actor["name"])))
    total = right = 0
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = path.name[: -len(".gold.json")]
        countries = {p["name"]: p.get("country") for p in gold.get("persons", [])}
        wanted = set()
        for event in gold["events"]:
            for side, key in (("source", "source_person"), ("target", "target_person")):
                if event.get(key):
                    wanted.add((countries.get(event[key]) or event[side], event[key]))
        for code, name in sorted(wanted):
            total += 1
            ok = any(c == code and SequenceMatcher(None, _last(name), n).ratio() >= 0.85 for c, n in found_by_doc[doc])
            right += ok
            if not ok and "--verbose" in argv:
                print(f"missing {doc}: {name} ({code})")
    print(f"gold-event persons output with the right name and country: {right}/{total} = {right / max(total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
