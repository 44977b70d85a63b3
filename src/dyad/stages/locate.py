"""Places: where an event happened, with its GeoNames id, coordinates and country.

Steps: (1) a city named in the event's sentence, matched in the sentence's
own script against GeoNames names of cities of at least PLACE_POPULATION
people (the most populous wins a shared name; cased scripts need a capital
letter); (2) a capital the sentence names without it being one of the
event's actors; (3) for the article's main news, its dateline. Romanised
matching is never used for places: มินสค์ must not become Minot.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from dyad.kb import Place, knowledge_base, names_for_script
from dyad.lang import LanguageData, tokens_of
from dyad.lang import load as load_language
from dyad.records import Location
from dyad.stages.matcher import Matcher, Sentence, longest
from dyad.stages.mentions import LATIN_LIKE, ActorMention
from dyad.text import capitalised

PLACE_POPULATION = 100_000


def _place_names(place: Place, lang: LanguageData) -> list[str]:
    return names_for_script({"all": place.names}, lang.code, lang.script) + (
        [place.name] if lang.script == "Latn" else [])


@lru_cache(maxsize=64)
def place_matcher(code: str) -> Matcher[Place]:
    """Cities by their names in one language's script."""
    lang = load_language(code)
    kb = knowledge_base()
    capitals = {(c.capital, c.code) for c in kb.countries.values()}
    items = []
    for place in kb.places:
        if place.population < PLACE_POPULATION and (place.name, place.country) not in capitals:
            continue
        for name in dict.fromkeys(_place_names(place, lang)):
            toks = tokens_of(name, code, lang.chars)
            # One short word is too often a common word (Dan, El, أن, خبر): places need more letters.
            shortest = 4 if lang.script in LATIN_LIKE else 5
            if toks and (len(toks) > 1 or len(toks[0]) >= shortest):
                items.append((toks, place))
    return Matcher(lang, items)


@lru_cache(maxsize=512)
def capital_of(country: str) -> Place | None:
    """The GeoNames record of a country's capital."""
    kb = knowledge_base()
    entry = kb.countries.get(country)
    if entry is None or not entry.capital:
        return None
    return next((p for p in kb.places if p.country == country and p.name == entry.capital), None)


def _location(place: Place, text: str) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonames_id=place.geonames_id, text=text)


def find_place(sentence: Sentence, lang: LanguageData, actors: list[ActorMention],
               used: tuple[ActorMention, ...]) -> Location | None:
    """The place a sentence says an event happened in, if it names one."""
    for mention in actors:
        if mention.kind == "capital" and all(mention is not u for u in used) and mention.code:
            place = capital_of(mention.code)
            if place is not None:
                return _location(place, mention.text)
    matcher = place_matcher(lang.code)
    taken = [(a.start, a.end) for a in actors if a.kind != "capital"]
    best: tuple[int, Place, str] | None = None
    for hit in longest(matcher.find(sentence)):
        text = sentence.text[hit.start:hit.end]
        if any(s < hit.end and hit.start < e for s, e in taken):
            continue
        if lang.script in LATIN_LIKE and not capitalised(text):
            continue
        if best is None or hit.value.population > best[1].population:
            best = (hit.start, hit.value, text)
    return _location(best[1], best[2]) if best else None


def dateline_place(dateline: str | None, lang: LanguageData) -> Location | None:
    """The city a dateline names ("TEHRAN, IRNA –")."""
    if not dateline:
        return None
    matcher = place_matcher(lang.code)
    prepared = matcher.prepare(dateline)
    hits = [h for h in matcher.find(prepared) if h.end - h.start >= len(dateline.strip()) - 1]
    if not hits:
        return None
    place = max((h.value for h in hits), key=lambda p: p.population)
    return _location(place, dateline)


LOCAL_GAP_CHARS = 3  # characters allowed between a title and its city ("Istanbul mayor", "maire d'Istanbul")


def localise(actors: list[ActorMention], sentence: Sentence, lang: LanguageData) -> list[ActorMention]:
    """An official with no country takes the country of the city right next to its title
    (a mayor or governor of Istanbul is Turkish)."""
    if all(a.code for a in actors if a.kind in {"official", "person"}):
        return actors
    hits = [h for h in place_matcher(lang.code).find(sentence)
            if lang.script not in LATIN_LIKE or capitalised(sentence.text[h.start:h.end])]
    out = []
    for actor in actors:
        if actor.code is None and actor.kind in {"official", "person"}:
            near = [h for h in hits if -LOCAL_GAP_CHARS <= actor.start - h.end <= LOCAL_GAP_CHARS
                    or -LOCAL_GAP_CHARS <= h.start - actor.end <= LOCAL_GAP_CHARS
                    or (actor.start <= h.start and h.end <= actor.end)]
            if near:
                actor = replace(actor, code=max(near, key=lambda h: h.value.population).value.country)
        out.append(actor)
    return out
