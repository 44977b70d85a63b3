"""Compare an export with the dev gold beyond the scorer: language, publication date, boilerplate lines.

    python scripts/dev_report.py ../shared/corpus/dev OUT_DIR [--verbose]
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path


def fold(text: str) -> str:
    """Fold as the scorer does: no accents, lower case."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def main(argv: list[str]) -> int:
    """Print language accuracy, noise recall and false-flag rate."""
    gold_dir, out_dir = Path(argv[0]), Path(argv[1])
    verbose = "--verbose" in argv
    docs = {}
    for line in (out_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["doc_id"]] = d
    lang_ok = noise_total = noise_hit = other_total = other_hit = pub_ok = pub_total = 0
    missing = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = gold_path.name[: -len(".gold.json")]
        out = docs.get(doc_id)
        if out is None:
            missing.append(doc_id)
            continue
        lang_ok += out["lang"] == gold["lang"]
        if gold.get("pub_date"):
            pub_total += 1
            pub_ok += (out.get("pub_date") or "")[: len(gold["pub_date"])] == gold["pub_date"]
        text = (gold_dir / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n")
        flagged = {b["line"] for b in out["boilerplate_lines"]}
        starts = [fold(n) for n in gold.get("noise_lines", []) if fold(n)]
        for number, line in enumerate(text, start=1):
            if not line.strip():
                continue
            is_noise = any(fold(line).startswith(s) for s in starts)
            if is_noise:
                noise_total += 1
                noise_hit += number in flagged
                if verbose and number not in flagged:
                    print(f"MISSED  {doc_id}:{number}: {line[:70]}")
            else:
                other_total += 1
                other_hit += number in flagged
                if verbose and number in flagged:
                    reason = next(b["reason"] for b in out["boilerplate_lines"] if b["line"] == number)
                    print(f"FLAGGED {doc_id}:{number} [{reason}]: {line[:70]}")
    n = len(docs)
    print(f"documents: {n}, missing: {missing or 'none'}")
    print(f"language right: {lang_ok}/{n - len(missing)}")
    print(f"publication date right: {pub_ok}/{pub_total}")
    print(f"noise lines flagged: {noise_hit}/{noise_total} = {noise_hit / max(noise_total, 1):.1%}")
    print(f"other lines flagged: {other_hit}/{other_total} = {other_hit / max(other_total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
