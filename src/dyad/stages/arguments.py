"""Argument assignment: the source and target of a trigger among a sentence's actors.

Rules, by the language's word order (language.yaml):
- SVO (en, id, ru, fr …): the source is the actor nearest before the trigger,
  the target the first other actor after it (else the one before the source);
- SOV (tr, fa, hi, ja, ko …): the source is the sentence's first actor, the
  target the next other actor;
- VSO (ar): as SVO when an actor precedes the trigger, else the first and
  second actors after it.
A passive trigger (ditangkap, арестован) swaps them; a lone passive target of
a domestic act takes its own country as source. Symmetric triggers pair the
first actor with each other one. A sentence naming no actor, or saying "both
sides", takes the dyad of the sentences before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.lang import LanguageData, Trigger
from dyad.stages.matcher import Hit
from dyad.stages.mentions import ActorMention

MAX_PAIRS = 4
DOMESTIC_TYPES = {"COERCE", "SANCTION", "PROTEST", "ASSAULT"}


@dataclass
class Context:
    """Actors of the sentences read so far, for sentences that name none."""

    recent: list[ActorMention] = field(default_factory=list)

    def update(self, actors: list[ActorMention]) -> None:
        """Remember the coded actors of a sentence."""
        coded = [a for a in actors if a.code]
        if coded:
            self.recent = (coded + [r for r in self.recent if r.code not in {c.code for c in coded}])[:6]

    def dyad(self) -> tuple[ActorMention, ActorMention] | None:
        """The last two distinct actors."""
        distinct = _distinct(self.recent)
        return (distinct[0], distinct[1]) if len(distinct) >= 2 else None

    def partner(self, code: str | None) -> ActorMention | None:
        """The most recent actor of another country than `code`."""
        return next((r for r in self.recent if r.code and r.code != code), None)


def _distinct(actors: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for a in actors:
        if a.code and all(a.code != o.code for o in out):
            out.append(a)
    return out


def _carried(mention: ActorMention) -> ActorMention:
    """An actor taken from an earlier sentence: no offsets in this one."""
    return ActorMention(-1, -1, -1, -1, mention.code, mention.kind, mention.text, mention.name, mention.role,
                        mention.sector, mention.kb_id)


def assign(trigger: Trigger, hit: Hit[Trigger], actors: list[ActorMention], lang: LanguageData,
           context: Context, reciprocal: bool) -> list[tuple[ActorMention, ActorMention]]:
    """(source, target) pairs for one trigger."""
    coded = [a for a in actors if a.code]
    if trigger.symmetric or trigger.type in {"CONSULT", "COOPERATE"}:
        return _symmetric(coded, context, reciprocal)
    pair = _directed(hit, coded, lang)
    if pair is None:
        pair = _directed_from_context(coded, context, trigger)
    if pair is None:
        return []
    source, target = pair
    if trigger.passive:
        source, target = target, source
    return [(source, target)]


def _symmetric(coded: list[ActorMention], context: Context, reciprocal: bool) -> list[tuple[ActorMention,
                                                                                            ActorMention]]:
    distinct = _distinct(coded)
    if len(distinct) >= 2:
        head = distinct[0]
        return [(head, other) for other in distinct[1:MAX_PAIRS + 1]]
    if len(distinct) == 1:
        partner = context.partner(distinct[0].code)
        return [(distinct[0], _carried(partner))] if partner else []
    if reciprocal or not coded:
        dyad = context.dyad()
        return [(_carried(dyad[0]), _carried(dyad[1]))] if dyad else []
    return []


def _directed(hit: Hit[Trigger], coded: list[ActorMention], lang: LanguageData) -> tuple[ActorMention,
                                                                                         ActorMention] | None:
    before = [a for a in coded if a.end <= hit.start]
    after = [a for a in coded if a.start >= hit.end]
    if lang.word_order == "SOV":
        ordered = _distinct(before + after)
        return (ordered[0], ordered[1]) if len(ordered) >= 2 else None
    if lang.word_order == "VSO" and not before:
        ordered = _distinct(after)
        return (ordered[0], ordered[1]) if len(ordered) >= 2 else None
    if not before:
        return None
    source = before[-1]
    target = next((a for a in after if a.code != source.code), None)
    if target is None:
        target = next((a for a in reversed(before[:-1]) if a.code != source.code), None)
    return (source, target) if target else None


def _directed_from_context(coded: list[ActorMention], context: Context,
                           trigger: Trigger) -> tuple[ActorMention, ActorMention] | None:
    """A directed event whose sentence names one side (or none): the other from context or itself."""
    distinct = _distinct(coded)
    if len(distinct) == 1:
        only = distinct[0]
        if trigger.passive and trigger.type in DOMESTIC_TYPES:
            return (only, only)
        partner = context.partner(only.code)
        return (only, _carried(partner)) if partner else None
    return None
