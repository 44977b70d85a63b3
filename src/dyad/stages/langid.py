"""Language identification: the script first, then py3langid, then priors for close pairs.

Steps: (1) a script that only one supported language writes decides at once
(Thai, Hangul, kana, Bengali); (2) py3langid, restricted to the languages
written in the text's script; (3) for pairs detectors confuse (id/ms), a
prior from the site's domain, the container's language field, and marker
words from `lang/close_pairs.yaml`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyad.text import dominant_script, fold

# Languages a script is written in, in the order preferred when detection is unsure.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Thai": ("th",), "Kore": ("ko",), "Jpan": ("ja",), "Beng": ("bn",), "Hani": ("zh",),
    "Deva": ("hi", "mr", "ne"), "Arab": ("ar", "fa", "ur", "ps", "ku", "ug"),
    "Cyrl": ("ru", "uk", "be", "kk", "bg", "sr", "mk", "ky", "mn", "tg", "uz"),
    "Hebr": ("he",), "Grek": ("el",), "Geor": ("ka",), "Armn": ("hy",), "Khmr": ("km",), "Laoo": ("lo",),
    "Mymr": ("my",), "Taml": ("ta",), "Guru": ("pa",), "Ethi": ("am",),
}
ALIASES = {"uzs": "uz", "ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "nn": "no", "gug": "gn"}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language of a text, its script, and what decided it."""

    language: str
    script: str
    source: str  # script | detected | metadata | prior
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid.langid as langid

    return langid._load_identifier(norm_probs=True)


@lru_cache(maxsize=1)
def _close_pairs() -> list[dict[str, Any]]:
    text = resources.files("dyad.lang").joinpath("close_pairs.yaml").read_text(encoding="utf-8")
    data: list[dict[str, Any]] = yaml.safe_load(text)
    return data


def identify(text: str, declared: str | None = None, url: str | None = None) -> LanguageGuess:
    """The language of an article, from its text and whatever the container declared."""
    script = dominant_script(text)
    candidates = SCRIPT_LANGUAGES.get(script)
    if candidates and len(candidates) == 1:
        return LanguageGuess(candidates[0], script, "script", 1.0)
    declared_code = (declared or "").split("-")[0].split("_")[0].lower() or None
    ranked = _rank(text[:3000], candidates)
    best, prob = ranked[0] if ranked else ("und", 0.0)
    plausible = declared_code in {code for code, _ in ranked[:3]}
    if declared_code and (not candidates or declared_code in candidates) and prob < 0.999 and plausible:
        return LanguageGuess(declared_code, script, "metadata", prob)
    for pair in _close_pairs():
        if best in pair["languages"]:
            return _decide_close_pair(pair, text, url, best, prob, script)
    return LanguageGuess(best, script, "detected", prob)


def _rank(text: str, candidates: tuple[str, ...] | None) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for code, prob in _identifier().rank(text):
        code = ALIASES.get(code, code)
        if candidates is None or code in candidates:
            scores[code] = scores.get(code, 0.0) + float(prob)
    total = sum(scores.values()) or 1.0
    return sorted(((c, p / total) for c, p in scores.items()), key=lambda item: -item[1])


def _decide_close_pair(
    pair: dict[str, Any], text: str, url: str | None, best: str, prob: float, script: str
) -> LanguageGuess:
    """Weigh domain and marker words against the detector for languages it confuses."""
    host = (url or "").split("//")[-1].split("/")[0].lower()
    for code, suffixes in pair["domains"].items():
        if host and any(host.endswith(s.lstrip(".")) or host.endswith(s) for s in suffixes):
            return LanguageGuess(code, script, "prior", 0.9)
    words = Counter(fold(text[:5000]).split())
    votes = {code: sum(words[w] for w in markers) for code, markers in pair["words"].items()}
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    (top, top_votes), (_, second_votes) = ranked[0], ranked[1]
    clear = top_votes >= 2 * max(second_votes, 1) and prob < 0.999
    if top != best and (clear or (top_votes > second_votes and prob < 0.8)):
        return LanguageGuess(top, script, "prior", 0.7)
    return LanguageGuess(best, script, "detected", prob)
