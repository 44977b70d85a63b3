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

from dyad.kb import knowledge_base
from dyad.lang import LanguageData, Trigger
from dyad.stages.matcher import Hit
from dyad.stages.mentions import ActorMention
from dyad.text import fold

MAX_PAIRS = 4
AGENT_WINDOW = 3  # tokens between a passive verb and its agent ("was accused by the United States")
DOMESTIC_TYPES = {"COERCE", "SANCTION"}
JOINT_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "RETREAT"}  # two subjects act together
# Statements whose missing target is the other side of the sentences before ("He thanked …", "Pakistan
# reserves the right to respond", "it called the violation unacceptable"); deeds (strikes, arrests) are not.
VERBAL_TYPES = {"AGREE", "SUPPORT", "REQUEST", "REJECT", "CONCEDE", "THREATEN", "ACCUSE"}
# Who may meet the partner of the sentences before when the sentence names no one else: people and
# bodies ("the president held talks"), not a bare country or demonym ("the Spanish team, on a visit").
SPEAKERS = {"person", "official", "organisation"}


@dataclass
class Context:
    """Actors of the sentences read so far, for sentences that name none."""

    recent: list[ActorMention] = field(default_factory=list)
    # unordered pair → (events coded, last sequence number, source and target as first written)
    pairs: dict[frozenset[str | None], tuple[int, int, ActorMention, ActorMention]] = field(default_factory=dict)
    coded_events: int = 0

    def record(self, source: ActorMention, target: ActorMention) -> None:
        """Remember the two sides of a coded event: "both sides" refers to the pair coded most often."""
        if source.code and target.code and source.code != target.code:
            self.coded_events += 1
            key = frozenset((source.code, target.code))
            count, _, first, second = self.pairs.get(key, (0, 0, source, target))
            self.pairs[key] = (count + 1, self.coded_events, first, second)

    def update(self, actors: list[ActorMention]) -> None:
        """Remember the coded actors of a sentence."""
        coded = [a for a in actors if a.code]
        if coded:
            self.recent = (coded + [r for r in self.recent if r.code not in {c.code for c in coded}])[:6]

    def dyad(self) -> tuple[ActorMention, ActorMention] | None:
        """The two sides coded most often so far (the latest on a tie), else the last two distinct actors."""
        if self.pairs:
            _, _, source, target = max(self.pairs.values(), key=lambda v: (v[0], v[1]))
            return source, target
        distinct = _distinct(self.recent)
        return (distinct[0], distinct[1]) if len(distinct) >= 2 else None

    def partner(self, code: str | None) -> ActorMention | None:
        """The most recent actor of another country than `code`."""
        return next((r for r in self.recent if r.code and r.code != code), None)


RICHNESS = {"person": 4, "official": 3, "organisation": 2, "country": 1, "capital": 0}


def _distinct(actors: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor code, in order of first mention, the most specific one kept
    (a named person over a bare country or a dateline)."""
    out: list[ActorMention] = []
    for a in actors:
        if not a.code:
            continue
        same = next((i for i, o in enumerate(out) if o.code == a.code), None)
        if same is None:
            out.append(a)
        elif RICHNESS.get(a.kind, 0) > RICHNESS.get(out[same].kind, 0):
            out[same] = a
    return out


def _richest(mention: ActorMention, coded: list[ActorMention]) -> ActorMention:
    """The most specific mention of the same actor in the sentence: "Lukashenko of Belarus …" is
    Lukashenko, also where the verb stands next to "Belarus"."""
    if mention.start < 0 or not mention.code:
        return mention
    same = [a for a in coded if a.code == mention.code and a.kind in {"person", "official"}]
    richer = [a for a in same if RICHNESS.get(a.kind, 0) > RICHNESS.get(mention.kind, 0)]
    return richer[-1] if richer and len({a.name for a in same if a.kind == "person"}) <= 1 else mention


def _state(mention: ActorMention) -> ActorMention:
    """The state of an actor's own country, acting on it (an arrest with no agent named)."""
    return ActorMention(-1, -1, -1, -1, mention.code, "state", mention.code or "")


def _carried(mention: ActorMention) -> ActorMention:
    """An actor taken from an earlier sentence: no offsets in this one."""
    return ActorMention(-1, -1, -1, -1, mention.code, mention.kind, mention.text, mention.name, mention.role,
                        mention.sector, mention.kb_id)


Pair = tuple[ActorMention, ActorMention, bool]  # source, target, symmetric


def participants(actors: list[ActorMention]) -> list[ActorMention]:
    """The actors that can take part: a capital is a place when its country is named too, or when
    two other countries are (a meeting in a third country's capital) unless it opens the sentence
    as its subject ("Paris a salué …")."""
    coded = [a for a in actors if a.code]
    others = {a.code for a in coded if a.kind != "capital"}
    return [a for i, a in enumerate(coded) if a.kind != "capital"
            or (a.code not in others and (len(others) < 2 or i == 0))]


def coordinated(a: ActorMention, b: ActorMention, sentence_text: str, lang: LanguageData) -> bool:
    """True when two actors are joined as one side ("Iran dan Belarus", "Россия и Индонезия")."""
    between = sentence_text[a.end:b.start].strip()
    if not between:
        return lang.chars  # side by side without a word between: a possessive (İsrail'in Lübnan'a), not a list
    if between in {",", "、", "，"}:
        return lang.word_order != "SOV"  # a comma after a verb-final clause's subject ends the subject
    conjunctions = {c[0] for c in lang.cues.get("conjunction", ()) if c}
    if conjunctions:
        # Only "and" joins: a case marker (ने, را, を) between two actors does not.
        return fold(between.strip(",、， "), lang.code) in conjunctions
    words = between.split()
    return (len(words) == 1 and len(words[0]) <= 3 and not any(ch.isdigit() for ch in between)) or \
        (lang.chars and len(between) <= 2)


def assign(trigger: Trigger, hit: Hit[Trigger], actors: list[ActorMention], lang: LanguageData,
           context: Context, reciprocal: bool, sentence_text: str) -> list[Pair]:
    """(source, target, symmetric) for one trigger."""
    coded = participants(actors)
    dyad = context.dyad()
    if reciprocal and dyad is not None:
        # "Both sides agreed …", "the two leaders discussed Myanmar": the subject is the dyad of the
        # sentences before; countries after the verb are topics, or the target of a joint act
        # ("both countries condemned Israel"). With no one to act on, a one-sided act is no event.
        return _together(_carried(dyad[0]), _carried(dyad[1]), trigger, hit, coded, lang)
    if trigger.symmetric or trigger.type in {"CONSULT", "COOPERATE"}:
        parties = _meeting_parties(hit, coded, lang)
        return [(s, t, True) for s, t in _symmetric(parties, context, sentence_text, lang)]
    joint = _joint_subject(hit, coded, sentence_text, lang)
    if joint is not None:
        return _together(joint[0], joint[1], trigger, hit, coded, lang)
    pair = _directed(hit, coded, lang, sentence_text)
    if pair is None:
        pair = _directed_from_context(coded, context, trigger)
    if pair is None:
        return []
    source, target = _richest(pair[0], coded), _richest(pair[1], coded)
    if trigger.passive:
        if lang.word_order == "SVO" and target.start >= hit.end and target.first - hit.last - 1 > AGENT_WINDOW:
            # "Tehran was accused of sending drones to Russia": the agent of a passive follows the
            # verb closely ("was attacked by Israel", "ditangkap polisi"); a later actor is no agent.
            return [(_state(source), source, False)] if trigger.type in DOMESTIC_TYPES else []
        source, target = target, source
    target = _host_country(source, target, trigger, hit, coded, lang)
    pairs = [(source, target, False)]
    # "threatened the United States and South Korea": one event per coordinated target.
    for other in _coordinated_after(target, coded, sentence_text, lang):
        if other.code not in {source.code, target.code}:
            pairs.append((source, other, False))
    return pairs[:MAX_PAIRS]


def _together(a: ActorMention, b: ActorMention, trigger: Trigger, hit: Hit[Trigger], coded: list[ActorMention],
              lang: LanguageData) -> list[Pair]:
    """Two sides acting as one subject: one joint act ("Zelensky and Modi agreed to meet"), or each
    acting on a third actor ("the US and France condemned Russia"); no third actor, no event ("A and B
    urged officials of both countries …")."""
    if trigger.symmetric or trigger.type in JOINT_TYPES:
        return [(a, b, True)]
    pool = coded if lang.word_order in {"SOV", "V2"} else [x for x in coded if x.start >= hit.start]
    targets = [x for x in pool if x.code not in {a.code, b.code}]
    if not targets:
        return []
    if trigger.passive:  # "A and B came under attack from C"
        return [(targets[0], a, False), (targets[0], b, False)]
    return [(a, targets[0], False), (b, targets[0], False)]


def _host_country(source: ActorMention, target: ActorMention, trigger: Trigger, hit: Hit[Trigger],
                  coded: list[ActorMention], lang: LanguageData) -> ActorMention:
    """A state striking an armed group of its own country on foreign soil acts on that country
    ("Iranian missiles hit bases of Jaish al-Adl inside Pakistan": IRN → PAK), as the host state
    reports and answers it; at home the group stays the target."""
    if trigger.type != "ASSAULT" or target.kind != "organisation":
        return target
    organisation = knowledge_base().organisations.get(target.code or "")
    if organisation is None or organisation.kind != "group" or organisation.country != source.code:
        return target
    # The place stands after the verb, or before it in a verb-final clause ("در خاک پاکستان هدف قرار داد").
    start = source.end if lang.word_order in {"SOV", "V2"} else hit.start
    host = next((a for a in coded if a.start >= start and a.kind in {"country", "capital"}
                 and a.code not in {source.code, target.code}), None)
    return host or target


def _coordinated_after(actor: ActorMention, coded: list[ActorMention], sentence_text: str,
                       lang: LanguageData) -> list[ActorMention]:
    """Actors joined to `actor` by "and" or a comma, after it."""
    out: list[ActorMention] = []
    last = actor
    for other in sorted((a for a in coded if a.start >= actor.end), key=lambda a: a.start):
        if last.start < 0 or not coordinated(last, other, sentence_text, lang):
            break
        out.append(other)
        last = other
    return out


def _joint_subject(hit: Hit[Trigger], coded: list[ActorMention], sentence_text: str,
                   lang: LanguageData) -> tuple[ActorMention, ActorMention] | None:
    """Two coordinated actors before the trigger and none after it act together ("X and Y signed")."""
    before = [a for a in coded if a.end <= hit.start]
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    if lang.word_order == "SOV":
        a, b = before[0], before[1]
    if a.code != b.code and coordinated(a, b, sentence_text, lang):
        return a, b
    return None


def _meeting_parties(hit: Hit[Trigger], coded: list[ActorMention], lang: LanguageData) -> list[ActorMention]:
    """Who takes part in a joint act: the actors before the trigger and the first one after it
    ("A met B in C about D"); actors further on are places and topics. Verb-first and verb-final
    clauses keep every actor."""
    before = [a for a in coded if a.end <= hit.start]
    if not before or lang.word_order in {"SOV", "VSO"}:
        return coded
    codes = {a.code for a in before}
    if len(codes) >= 2:
        return before  # both sides named before the verb ("Lavrov and Fidan met … to discuss Syria")
    first_after = next((a for a in coded if a.start >= hit.start and a.code not in codes), None)
    return before + ([first_after] if first_after else [])


def _symmetric(coded: list[ActorMention], context: Context, sentence_text: str,
               lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    distinct = _distinct(coded)
    if len(distinct) >= 2:
        head, partner = distinct[0], distinct[1]
        # Further parties only when listed with the partner ("met leaders of A, B and C"); otherwise
        # later countries are topics or places of the meeting.
        others = [partner] + [o for o in _coordinated_after(partner, distinct, sentence_text, lang)
                              if o.code != head.code]
        return [(head, other) for other in others[:MAX_PAIRS]]
    if len(distinct) == 1:
        if distinct[0].kind not in SPEAKERS:
            return []
        other = context.partner(distinct[0].code)
        return [(distinct[0], _carried(other))] if other else []
    dyad = context.dyad()  # no one named: the sentences before
    return [(_carried(dyad[0]), _carried(dyad[1]))] if dyad else []


def _marked_target(before: list[ActorMention], sentence_text: str, lang: LanguageData) -> ActorMention | None:
    """An actor right after a target marker ("欧盟对伊朗实施制裁": 伊朗 is the target)."""
    if not lang.target_markers:
        return None
    for actor in before:
        lead = fold(sentence_text[max(0, actor.start - 6):actor.start], lang.code).rstrip()
        trail = fold(sentence_text[actor.end:actor.end + 8], lang.code).lstrip()
        # Chinese puts the marker before the target (对伊朗); Japanese and Korean after it (イランに対し).
        if any(m in lead for m in lang.target_markers) or any(trail.startswith(m) for m in lang.target_markers):
            return actor
    return None


def _directed(hit: Hit[Trigger], coded: list[ActorMention], lang: LanguageData,
              sentence_text: str = "") -> tuple[ActorMention, ActorMention] | None:
    before = [a for a in coded if a.end <= hit.start]
    after = [a for a in coded if a.start >= hit.start]  # an actor inside the trigger ("прыбыў у Мінск") counts
    marked = _marked_target(before, sentence_text, lang)
    if marked is not None:
        source = next((a for a in before if a.code != marked.code and a.start < marked.start), None)
        if source is not None:
            return source, marked
    if lang.word_order in {"SOV", "V2"}:
        # Verb-final, or verb-second with the rest at the end (de: "Xi wird Brasilien besuchen"):
        # the subject comes first, the target next.
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
            # "X was arrested" with no agent: X's own state acted (the state, not X, is the source).
            return (only, _state(only))  # swapped by the passive voice below
        if trigger.type not in VERBAL_TYPES:
            return None  # a strike or an arrest needs its target in the sentence
        partner = context.partner(only.code)
        return (only, _carried(partner)) if partner else None
    return None
