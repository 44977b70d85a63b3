"""Linking names the gazetteer did not find: transliteration and fuzzy matching with a margin.

Steps for a name written in any script:
1. romanise it: ICU's BGN transliterators for Cyrillic and Arabic-script
   languages, pythainlp's royin for Thai, ICU Any-Latin for the rest;
2. compare its surname with the Latin surnames of the knowledge base
   (rapidfuzz), on letters and on consonant skeletons (Arabic and Persian
   write few vowels);
3. accept the best person only with a clear margin over the runner-up, and
   only within the country the context gives ("never guess across countries");
   without a country the bar is higher.
A name that links to nobody is kept romanised, with the country and role the
context gives.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from dyad.kb import Person, knowledge_base, script_of

BGN = {"ru": "Russian-Latin/BGN", "uk": "Ukrainian-Latin/BGN", "be": "Belarusian-Latin/BGN",
       "kk": "Kazakh-Latin/BGN", "fa": "Persian-Latin/BGN", "ar": "Arabic-Latin/BGN", "ko": "Korean-Latin/BGN",
       "uz": "Uzbek-Latin/BGN", "bg": "Bulgarian-Latin/BGN", "sr": "Serbian-Latin/BGN", "ps": "Pashto-Latin/BGN"}
THRESHOLD, MARGIN = 84.0, 6.0
THRESHOLD_NO_COUNTRY, MARGIN_NO_COUNTRY = 90.0, 10.0
MIN_SURNAME = 3


@lru_cache(maxsize=32)
def _transliterator(ident: str) -> Any:
    import icu

    return icu.Transliterator.createInstance(f"{ident}; Latin-ASCII")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and spaces only."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z ]+", "", text.replace("-", " ")).strip()


def romanize(text: str, lang: str = "") -> str:
    """A name in Latin letters, whatever script it is written in."""
    script = script_of(text) or "Latn"
    if script == "Latn":
        return ascii_fold(text)
    if script == "Thai":
        from pythainlp.transliterate import romanize as thai_romanize

        return ascii_fold(" ".join(thai_romanize(part, engine="royin") for part in text.split()))
    if script == "Cyrl":
        ident = BGN.get(lang if lang in {"ru", "uk", "be", "kk", "bg", "sr"} else "ru", BGN["ru"])
    elif script == "Arab":
        ident = BGN["fa"] if lang in {"fa", "ur", "ps"} else BGN["ar"]
    else:
        ident = "Any-Latin"
    return ascii_fold(_transliterator(ident).transliterate(text))


_SKELETON_MAP = (("ph", "f"), ("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("th", "t"),
                 ("w", "v"), ("q", "k"), ("j", "y"), ("x", "ks"))


def skeleton(latin: str) -> str:
    """Consonants only, with common transliteration variants unified (Araghchi ~ Araqchi ~ Arakchi)."""
    text = latin.lower()
    for a, b in _SKELETON_MAP:
        text = text.replace(a, b)
    text = re.sub(r"[aeiouy ]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class _Candidate:
    person: Person
    surname: str
    skeleton: str


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Candidate]]:
    """Knowledge-base people by country, with their romanised surnames."""
    by_country: dict[str, list[_Candidate]] = {}
    for person in knowledge_base().people.values():
        surnames = {ascii_fold(person.name).split()[-1]} if ascii_fold(person.name) else set()
        surnames |= {ascii_fold(a).split()[-1] for a in person.aliases.get("latn", ()) if ascii_fold(a)}
        for surname in surnames:
            if len(surname) >= MIN_SURNAME:
                by_country.setdefault(person.country, []).append(_Candidate(person, surname, skeleton(surname)))
    return by_country


@lru_cache(maxsize=8)
def _pool(country: str | None) -> tuple[list[_Candidate], list[str], list[str]]:
    """Candidates of one country (or all), with their surnames and skeletons as parallel lists."""
    candidates = _index().get(country, []) if country else [c for pool in _index().values() for c in pool]
    return candidates, [c.surname for c in candidates], [c.skeleton for c in candidates]


@lru_cache(maxsize=16384)
def link_person(name: str, lang: str, country: str | None = None, date: str | None = None) -> Person | None:
    """The knowledge-base person a name denotes, or None when no one clearly fits."""
    from rapidfuzz import process

    latin = romanize(name, lang)
    words = latin.split()
    if not words or len(words[-1]) < MIN_SURNAME:
        return None
    surname = words[-1]
    candidates, surnames, skeletons = _pool(country)
    found = process.extract(surname, surnames, scorer=fuzz.ratio, limit=12, score_cutoff=60)
    if script_of(name) in {"Arab", "Thai"}:  # few written vowels: compare consonant skeletons too
        found += process.extract(skeleton(surname), skeletons, scorer=fuzz.ratio, limit=12, score_cutoff=60)
    scores: dict[str, tuple[float, Person]] = {}
    for _, score, index in found:
        cand = candidates[index]
        if date and any(p.covers(date) for p in cand.person.positions):
            score += 2  # in office on the event's date
        if score > scores.get(cand.person.id, (0.0, cand.person))[0]:
            scores[cand.person.id] = (score, cand.person)
    ranked = sorted(scores.values(), key=lambda item: -item[0])
    if not ranked:
        return None
    threshold, margin = (THRESHOLD, MARGIN) if country else (THRESHOLD_NO_COUNTRY, MARGIN_NO_COUNTRY)
    best_score, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best_score >= threshold and best_score - runner_up >= margin:
        return best
    return None
