"""Circumstances of a sentence: "during the talks", "ahead of the summit", "会谈后", "görüşmeden sonra".

A trigger inside such a phrase names the occasion, time, topic or cause of what the sentence reports,
not its event: it never heads the sentence. The phrase is opened by a `frame` cue word before the
trigger or closed by a `frame_post` cue word after it (lang/<code>/cues.yaml), and the actors bound to
that trigger ("ahead of the Iran-US talks", "ट्रंप और पुतिन की मुलाकात से पहले") belong to the
circumstance: they take no part in the sentence's head event.
"""

from __future__ import annotations

import itertools
import re

from dyad.lang import Cue, LanguageData, Trigger
from dyad.stages.arguments import coordinated
from dyad.stages.matcher import Hit, words_between
from dyad.stages.mentions import ActorMention

CLAUSE_BREAK = re.compile(r"[,،，、;:]")  # a frame ends at a comma
FRAME_WINDOW = 3  # tokens between "ahead of" and "talks" ("ahead of fresh Iran-US talks")
BOUND = 2  # tokens between a framed trigger and an actor bound to it ("talks with Lavrov", "X की मुलाकात")


def frame_of(hit: Hit[Trigger], hits: list[Hit[Trigger]], cues: list[Hit[Cue]], text: str,
             lang: LanguageData) -> Hit[Cue] | None:
    """The cue that makes this trigger a circumstance, if any. Only the nearest trigger is framed, and
    never across a comma ("Tras el ataque, Israel bombardeó Gaza" keeps the bombing)."""
    for cue in cues:
        if cue.value.kind == "frame" and cue.end <= hit.start:
            nearest = not any(cue.end <= h.start < hit.start for h in hits)
            if words_between(cue, hit, lang) <= FRAME_WINDOW and nearest \
                    and not CLAUSE_BREAK.search(text[cue.end:hit.start]):
                return cue
        if cue.value.kind == "frame_post" and cue.start >= hit.end:
            nearest = not any(hit.end <= h.start and h.end <= cue.start for h in hits)
            if words_between(hit, cue, lang) <= 1 and nearest \
                    and not CLAUSE_BREAK.search(text[hit.end:cue.start]):
                return cue
    return None


def outside_frames(actors: list[ActorMention], framed: list[tuple[Hit[Trigger], Hit[Cue]]],
                   hits: list[Hit[Trigger]], text: str, lang: LanguageData) -> list[ActorMention]:
    """The actors that are not bound to a framed trigger. Bound are the actors between a `frame` cue
    and its trigger, the one attached to the trigger by a word or two ("talks with Lavrov", "पुतिन की
    मुलाकात", "Putin'in görüşmesi"; after it for `frame` cues, before it for `frame_post` cues) and
    those joined to that one by "and". Not in languages written without spaces, where the words
    between cannot be counted."""
    inside: set[int] = set()
    ordered = sorted(actors, key=lambda a: a.start)
    for hit, cue in framed:
        if cue.value.kind == "frame":
            inside |= {id(a) for a in ordered if cue.end <= a.start and a.end <= hit.start}
            chain = [a for a in ordered if a.start >= hit.end]
            first = chain[0] if chain else None
            # Right after the trigger comes its genitive in verb-final languages (fa "مذاکرات ایران"), but
            # may be the next phrase's subject in verb-medial ones (ru "переговоров президент России").
            least = 0 if lang.word_order == "SOV" else 1
            attached = first is not None and least <= words_between(hit, first, lang) <= BOUND \
                and _clear(hit.end, first.start, hits, text)
        else:
            chain = list(reversed([a for a in ordered if a.end <= hit.start]))
            first = chain[0] if chain else None
            attached = first is not None and words_between(first, hit, lang) <= BOUND \
                and _clear(first.end, hit.start, hits, text)
        if lang.chars or not attached:
            continue
        inside.add(id(chain[0]))
        for previous, actor in itertools.pairwise(chain):
            a, b = (previous, actor) if cue.value.kind == "frame" else (actor, previous)
            if CLAUSE_BREAK.search(text[a.end:b.start]) or not coordinated(a, b, text, lang):
                break  # the frame ends at a comma
            inside.add(id(actor))
    return [a for a in actors if id(a) not in inside]


def _clear(end: int, start: int, hits: list[Hit[Trigger]], text: str) -> bool:
    """No comma and no other trigger between two spans of one phrase."""
    return not CLAUSE_BREAK.search(text[end:start]) and not any(end <= h.start and h.end <= start for h in hits)
