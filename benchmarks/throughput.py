"""Throughput and memory of the whole pipeline on one core (run by hand, not in the test suite).

    python benchmarks/throughput.py [--articles 600] [--corpus examples/corpus]

Articles are the example corpus's .txt files, repeated with a varied first
line so that every one is new to the store, trimmed or padded to about 3 KB.
Warm-up (loading each language's lexicons and gazetteers once) is timed
separately: it is paid once per process, not per article.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from dyad.pipeline import Pipeline  # noqa: E402
from dyad.stages.ingest import RawArticle  # noqa: E402
from dyad.store.sqlite import Store  # noqa: E402

TARGET_BYTES = 3000


def articles(corpus: Path, count: int) -> list[RawArticle]:
    """`count` articles of about 3 KB from the corpus's texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")) if p.stat().st_size > 0]
    out = []
    for i in range(count):
        text = texts[i % len(texts)]
        while len(text.encode("utf-8")) < TARGET_BYTES:
            text += "\n" + texts[i % len(texts)].split("\n", 1)[-1]
        text = text.encode("utf-8")[:TARGET_BYTES].decode("utf-8", errors="ignore")
        out.append(RawArticle(id=f"bench-{i}", path=f"bench-{i}", text=f"{text.splitlines()[0]} #{i}\n{text}"))
    return out


def main() -> int:
    """Print warm-up time, articles per second and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    args = parser.parse_args()
    items = articles(args.corpus, args.articles)
    pipeline = Pipeline()
    start = time.perf_counter()
    for raw in items[:40]:
        pipeline.process(raw)
    warm = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite")
        start = time.perf_counter()
        events = 0
        for raw in items:
            result = pipeline.process(raw)
            if result.document is not None:
                store.save(result.document, result.events, pipeline.fingerprint)
                events += len(result.events)
        store.db.commit()
        elapsed = time.perf_counter() - start
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"warm-up (lexicons and gazetteers of {len({r.id for r in items[:40]})} articles' languages): {warm:.1f}s")
    print(f"{len(items)} articles of ~{TARGET_BYTES} bytes: {elapsed:.1f}s = {len(items) / elapsed:.1f} articles/s "
          f"on one core, {events} events")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
