"""Acts named inside a sentence with their agent marked: "Minsk condemned the attacks by the US and
Israel on Iran", "ABD ve İsrail tarafından İran'a yönelik saldırılar", "अमेरिका द्वारा ईरान पर हमले".

The sentence's head may be another act (the condemnation), yet the attack is an event of its own:
its agent follows "by" (`agent` cues: by, oleh, par, توسط, со стороны …) or precedes "by" in
postpositional languages (`agent_post` cues: tarafından, द्वारा, による …), and its target is the
other actor of the phrase. Without both, nothing is read: the act stays unattributed.
"""

from __future__ import annotations

import re
from typing import Any

from dyad.lang import LanguageData, Trigger
from dyad.stages.arguments import coordinated, participants
from dyad.stages.matcher import Hit, words_between
from dyad.stages.mentions import ActorMention
from dyad.text import fold

# Directed acts whose agent a phrase may name; meetings and agreements have no "by".
NESTED_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "AID", "ACCUSE"}
AGENT_GAP = 4  # tokens between the act and "by" ("the attacks last week by")
AGENT_REACH = 2  # tokens between "by" and the agent ("by the US", "oleh rezim Israel")
TARGET_REACH = 6  # tokens between the agent and the target ("on the peaceful nuclear facilities of Iran")
CLAUSE_BREAK = re.compile(r"[,،，、;:.]")
SENTENCE_PART = re.compile(r"[;:.]")  # a comma may stand between a subject and its verb, these not


def _own(hit: Hit[Trigger], cues: list[tuple[str, Hit[Any]]],
         every: list[Hit[Trigger]]) -> list[tuple[str, Hit[Any]]]:
    """The agent cues that belong to this act: no other act stands between ("condemned the sanctions
    announced by Japan": "by Japan" is the sanctions' agent, not the condemnation's)."""
    return [(kind, cue) for kind, cue in cues
            if (kind == "agent" and cue.start >= hit.end and not _acts_between(hit.end, cue.start, every))
            or (kind == "agent_post" and cue.end <= hit.start and not _acts_between(cue.end, hit.start, every))]


def _joined(a: ActorMention, b: ActorMention, text: str, lang: LanguageData) -> bool:
    """Two agents of one act: "and" between them, with at most a word more ("AS dan rezim Israel")."""
    if coordinated(a, b, text, lang):
        return True
    words = fold(text[a.end:b.start], lang.code).split()
    conjunctions = {c[0] for c in lang.cues.get("conjunction", ()) if c}
    return not lang.chars and 2 <= len(words) <= 3 and words[0] in conjunctions


def _chain_after(first: ActorMention, coded: list[ActorMention], text: str, lang: LanguageData) -> list[ActorMention]:
    """`first` and the actors joined to it by "and" after it ("the US and Israel")."""
    chain = [first]
    for other in (a for a in coded if a.start >= first.end):
        if not _joined(chain[-1], other, text, lang):
            break
        chain.append(other)
    return chain


def _chain_before(last: ActorMention, coded: list[ActorMention], text: str, lang: LanguageData) -> list[ActorMention]:
    """`last` and the actors joined to it by "and" before it ("ABD ve İsrail")."""
    chain = [last]
    for other in reversed([a for a in coded if a.end <= last.start]):
        if not _joined(other, chain[0], text, lang):
            break
        chain.insert(0, other)
    return chain


def agent_pairs(hit: Hit[Trigger], every: list[Hit[Trigger]], cues: list[tuple[str, Hit[Any]]],
                actors: list[ActorMention], text: str, lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """(agent, target) of an act whose agent the sentence marks, or [] when it marks none."""
    if hit.value.type not in NESTED_TYPES:
        return []
    coded = participants(actors)
    for kind, cue in _own(hit, cues, every):
        pairs = (_agent_after if kind == "agent" else _agent_before)(hit, cue, coded, text, lang)
        if pairs:
            return pairs
    return []


def _agent_after(hit: Hit[Trigger], cue: Hit[Any], coded: list[ActorMention], text: str,
                 lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """"the attack on Iran by Israel", "serangan oleh AS dan Israel terhadap Iran"."""
    if words_between(hit, cue, lang) > AGENT_GAP or CLAUSE_BREAK.search(text[hit.end:cue.start]):
        return []
    first = next((a for a in coded if a.start >= cue.end), None)
    if first is None or words_between(cue, first, lang) > AGENT_REACH or CLAUSE_BREAK.search(text[cue.end:first.start]):
        return []
    agents = _chain_after(first, coded, text, lang)
    codes = {a.code for a in agents}
    between = [a for a in coded if hit.end <= a.start and a.end <= cue.start and a.code not in codes]
    last = agents[-1]
    after = [a for a in coded if a.start >= last.end and a.code not in codes
             and words_between(last, a, lang) <= TARGET_REACH
             and not CLAUSE_BREAK.search(text[last.end:a.start])]
    targets = between or after
    return [(agent, targets[0]) for agent in agents] if targets else []


def _agent_before(hit: Hit[Trigger], cue: Hit[Any], coded: list[ActorMention], text: str,
                  lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """Postpositions: "ABD ve İsrail tarafından İran'a yönelik saldırılar"."""
    if words_between(cue, hit, lang) > TARGET_REACH or CLAUSE_BREAK.search(text[cue.end:hit.start]):
        return []
    last = next((a for a in reversed(coded) if a.end <= cue.start), None)
    if last is None or words_between(last, cue, lang) > 0:
        return []
    agents = _chain_before(last, coded, text, lang)
    codes = {a.code for a in agents}
    target = next((a for a in coded if cue.end <= a.start and a.end <= hit.start and a.code not in codes), None)
    return [(agent, target) for agent in agents] if target is not None else []


CONDEMNING_TYPES = {"ACCUSE", "THREATEN"}


def condemned_agents(hit: Hit[Trigger], every: list[Hit[Trigger]], cues: list[tuple[str, Hit[Any]]],
                     actors: list[ActorMention], text: str,
                     lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """A condemnation inside the sentence whose object is an act with a marked agent targets that agent:
    "praised Minsk for condemning the attacks by the US and Israel" → Minsk → US, Minsk → Israel. The
    one condemning is the actor right before the verb (verb-medial clauses only)."""
    if hit.value.type not in CONDEMNING_TYPES or lang.word_order not in {"SVO", "V2"}:
        return []
    act = next((h for h in every if h.start >= hit.end and words_between(hit, h, lang) <= AGENT_REACH), None)
    if act is None:
        return []
    agents = [agent for agent, _ in agent_pairs(act, every, cues, actors, text, lang)]
    subject = next((a for a in reversed(participants(actors)) if a.end <= hit.start), None)
    if subject is None or SENTENCE_PART.search(text[subject.end:hit.start]):
        return []
    return [(subject, agent) for agent in agents if agent.code != subject.code]


JOINT_TYPES = {"CONSULT", "COOPERATE"}
BETWEEN_GAP = 2  # tokens between a joint act and "between" ("talks held between", "percakapan telepon antara")


def between_pairs(hit: Hit[Trigger], every: list[Hit[Trigger]], cues: list[tuple[str, Hit[Any]]],
                  actors: list[ActorMention], text: str,
                  lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """The two sides of a joint act the sentence names with "between": "the phone call between the
    Iranian president and Putin", "A ile B arasındaki görüşme", "中俄之间的会谈"."""
    if hit.value.type not in JOINT_TYPES and not hit.value.symmetric:
        return []
    coded = participants(actors)
    for kind, cue in cues:
        sides: list[ActorMention] = []
        if kind == "between" and cue.start >= hit.end and not _acts_between(hit.end, cue.start, every) \
                and words_between(hit, cue, lang) <= BETWEEN_GAP and not CLAUSE_BREAK.search(text[hit.end:cue.start]):
            first = next((a for a in coded if a.start >= cue.end), None)
            if first is not None and words_between(cue, first, lang) <= AGENT_REACH:
                sides = _chain_after(first, coded, text, lang)
        elif kind == "between_post" and cue.end <= hit.start and not _acts_between(cue.end, hit.start, every) \
                and words_between(cue, hit, lang) <= BETWEEN_GAP:
            last = next((a for a in reversed(coded) if a.end <= cue.start), None)
            if last is not None and words_between(last, cue, lang) <= 1:
                sides = _chain_before(last, coded, text, lang)
        distinct = list({a.code: a for a in reversed(sides)}.values())[::-1]
        if len(distinct) >= 2:
            return [(distinct[0], other) for other in distinct[1:]]
    return _joint_genitive(hit, every, coded, text, lang)


def _joint_genitive(hit: Hit[Trigger], every: list[Hit[Trigger]], coded: list[ActorMention], text: str,
                    lang: LanguageData) -> list[tuple[ActorMention, ActorMention]]:
    """A joint act followed at once by its two sides joined by "and": "the joint exercise of the Iranian
    and Pakistani navies", "رزمایش مشترک نیروی دریایی ایران و نیروی دریایی پاکستان"."""
    first = next((a for a in coded if a.start >= hit.end), None)
    if first is None or lang.chars or _acts_between(hit.end, first.start, every) \
            or words_between(hit, first, lang) > AGENT_REACH \
            or CLAUSE_BREAK.search(text[hit.end:first.start]):
        return []
    second = next((a for a in coded if a.start >= first.end), None)
    if second is None or second.code == first.code or not _joined(first, second, text, lang):
        return []
    return [(first, second)]


def _acts_between(start: int, end: int, every: list[Hit[Trigger]]) -> bool:
    return any(start <= h.start and h.end <= end for h in every)
