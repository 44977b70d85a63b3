"""The `dyad` command line: a thin layer over importable functions.

Exit codes: 0 success; 1 the run finished but some inputs failed (recorded);
2 usage error; 3 store or data error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dyad.errors import DataError, DyadError, StoreError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dyad", description="Political event data from news in any language.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="read articles, code events, write documents/events/failures JSONL")
    ex.add_argument("paths", nargs="+", help="files, directories, globs, or - for stdin")
    ex.add_argument("--out", required=True, type=Path, help="folder for the export")
    ex.add_argument("--db", type=Path, help="SQLite store (default: OUT/dyad.sqlite)")
    ex.add_argument("--quiet", action="store_true", help="print nothing but errors")
    ex.add_argument("--backend", default="rules.v1", help="event coder (default rules.v1)")

    exp = sub.add_parser("export", help="export stored events")
    exp.add_argument("--db", type=Path, required=True)
    exp.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "plover"])
    exp.add_argument("--out", type=Path, required=True, help="output file")

    story = sub.add_parser("story", help="a story: its documents, why each joined, its merged events")
    story.add_argument("story_id", help="a story id (or a document id: its story)")
    story.add_argument("--db", type=Path, required=True)
    story.add_argument("--json", action="store_true")

    tl = sub.add_parser("timeline", help="events between two actors per period: counts per type, mean intensity")
    tl.add_argument("actor_a", help="actor code, e.g. IRN")
    tl.add_argument("actor_b", help="actor code, e.g. BLR")
    tl.add_argument("--db", type=Path, required=True)
    tl.add_argument("--by", default="month", choices=["day", "month", "year"])
    tl.add_argument("--csv", type=Path, help="also write the table as CSV to this file")

    st = sub.add_parser("stats", help="counts of what a store holds")
    st.add_argument("--db", type=Path, required=True)
    st.add_argument("--json", action="store_true")
    return parser


def _extract(args: argparse.Namespace) -> int:
    from dyad.config import Settings
    from dyad.runner import extract

    summary = extract(args.paths, args.out, args.db, args.quiet, Settings(backend=args.backend))
    if not args.quiet:
        print(summary.render())
        print(f"wrote {args.out}/documents.jsonl, events.jsonl, story_events.jsonl, failures.jsonl")
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _open(db: Path):  # type: ignore[no-untyped-def]
    from dyad.store.sqlite import Store

    if not db.exists():
        raise UsageError(f"{db}: no such store; run `dyad extract … --db {db}` first")
    return Store(db)


def _export(args: argparse.Namespace) -> int:
    from dyad.export.writers import export_events

    store = _open(args.db)
    count = export_events(store.events(), args.format, args.out)
    store.close()
    print(f"wrote {count} events to {args.out} ({args.format})")
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    store = _open(args.db)
    stats = store.stats()
    store.close()
    if args.json:
        print(json.dumps(stats, indent=1, ensure_ascii=False))
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return EXIT_OK


def _story(args: argparse.Namespace) -> int:
    from dyad.views import render_story, story_view

    store = _open(args.db)
    view = story_view(store, args.story_id)
    store.close()
    print(json.dumps(view, indent=1, ensure_ascii=False) if args.json else render_story(view))
    return EXIT_OK


def _timeline(args: argparse.Namespace) -> int:
    from dyad.views import render_timeline, timeline

    store = _open(args.db)
    a, b = args.actor_a.upper(), args.actor_b.upper()
    rows = timeline(store, a, b, args.by)
    store.close()
    print(render_timeline(rows, a, b))
    if args.csv:
        args.csv.write_text(render_timeline(rows, a, b, as_csv=True), encoding="utf-8")
        print(f"wrote {args.csv}")
    return EXIT_OK


COMMANDS = {"extract": _extract, "export": _export, "stats": _stats, "story": _story, "timeline": _timeline}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `dyad` command."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreError, DataError) as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_STORE
    except DyadError as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
