"""Story clustering cost from 1k to 100k documents (run by hand, not in the test suite).

    python benchmarks/cluster_scale.py [--sizes 1000 10000 100000]

Documents are synthetic signatures: a dyad drawn from ~400 dyads with a
realistic skew, a date at a steady volume of DOCS_PER_DAY (so a larger corpus
spans a longer period, as a real archive does), persons of each side, and a
random unit vector for text similarity, so that blocking (dyad + date window) and
scoring run as in production while the encoder's own cost (about 10 ms per
article, linear by construction) is left out. Each size starts from an empty
store; the time per document should stay about flat if the cost grows
linearly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dyad.stages.cluster import Signature, StoryIndex, cluster_one  # noqa: E402
from dyad.store.sqlite import Store  # noqa: E402

DOCS_PER_DAY = 200
CODES = ["USA", "CHN", "RUS", "IRN", "IND", "TUR", "DEU", "FRA", "GBR", "JPN", "ISR", "UKR", "PAK", "SAU", "EGY",
         "BRA", "IDN", "MYS", "THA", "VNM", "KOR", "PRK", "BLR", "KAZ", "UZB", "QAT", "ARE", "AFG", "SYR", "IRQ"]


def synthetic(n: int, seed: int = 7) -> list[tuple[Signature, np.ndarray]]:
    """n signatures with skewed dyads, in date order at a steady daily volume."""
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(CODES))]
    start = dt.date(2024, 1, 1)
    out = []
    vectors = np.random.default_rng(seed).normal(size=(n, 512)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for i in range(n):
        a, b = rng.choices(CODES, weights, k=2)
        while b == a:
            b = rng.choice(CODES)
        day = (start + dt.timedelta(days=i // DOCS_PER_DAY)).isoformat()
        sig = Signature(f"doc{i}", dyads=["|".join(sorted((a, b)))], types=[rng.choice(["CONSULT", "ACCUSE", "AGREE"])],
                        persons={a: [f"p{rng.randrange(5)}"]}, event_date=day, pub_date=day, language="en")
        out.append((sig, vectors[i]))
    return out


def run(n: int) -> float:
    """Seconds to cluster n synthetic documents into an empty store."""
    items = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite")
        store.db.executemany(
            "INSERT INTO documents (id, path, language, script, language_source, content_hash, pipeline, text,"
            " lines_json, ingested_at) VALUES (?, '', 'en', 'Latn', 'detected', '', '', '', '[]', '')",
            [(sig.doc_id,) for sig, _ in items])
        index = StoryIndex(store)
        start = time.perf_counter()
        for sig, vector in items:
            cluster_one(index, sig, vector)
        store.db.commit()
        elapsed = time.perf_counter() - start
        stories = store.db.execute("SELECT COUNT(DISTINCT story_id) FROM documents").fetchone()[0]
        store.close()
    print(f"{n:>7} documents: {elapsed:7.1f}s  {1000 * elapsed / n:6.2f} ms/document  {stories} stories")
    return elapsed


def main() -> int:
    """Time clustering at each size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    for n in parser.parse_args().sizes:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
