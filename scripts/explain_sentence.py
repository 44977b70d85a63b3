"""Show what rules.v1 sees in one sentence: actors, triggers, cues, and the events it codes.

    python scripts/explain_sentence.py LANG "sentence"
"""

from __future__ import annotations

import sys

from dyad.pipeline import Pipeline
from dyad.stages.code import cue_matcher, trigger_matcher
from dyad.stages.ingest import RawArticle
from dyad.stages.mentions import find_actors


def main(argv: list[str]) -> int:
    """Print the analysis of a sentence."""
    lang, text = argv[0], argv[1]
    prepared = trigger_matcher(lang).prepare(text)
    print("tokens:", [t.text for t in prepared.tokens][:60])
    for actor in find_actors(prepared, lang):
        print(f"actor   {actor.text!r} → {actor.code} {actor.kind} name={actor.name} role={actor.role}")
    for hit in trigger_matcher(lang).find(prepared):
        value = hit.value
        print(f"trigger {text[hit.start:hit.end]!r} → {value.type} mode={value.mode} passive={value.passive}")
    for hit in cue_matcher(lang).find(prepared):
        print(f"cue     {text[hit.start:hit.end]!r} → {hit.value.kind}")
    result = Pipeline().process(RawArticle(id="x", path="x", text="Headline of the test\n" + text, lang=lang,
                                           date="2025-03-10"))
    for event in result.events:
        print(f"EVENT   {event.type} {event.source.code}({event.source.name}) → "
              f"{event.target.code if event.target else None}({event.target.name if event.target else None})"
              f" date={event.date} main={event.main}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
