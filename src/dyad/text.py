"""Text normalisation shared by every stage: one way to fold text for matching."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import regex

# Arabic-script letter variants folded to one form so Arabic and Persian spellings meet.
_ARABIC_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و", "ٰ": "", "ـ": "", "\u200c": " ", "\u200d": "", "\u200f": "", "\u200e": "",
})
_HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩०१२३४५६७८९০১২৩৪৫৬৭৮৯๐๑๒๓๔๕๖๗๘๙", "0123456789" * 5)
_SPACES = re.compile(r"\s+")
TURKIC = {"tr", "az", "kk", "uz"}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "«": '"', "»": '"',
                         "“": '"', "”": '"', "„": '"', "‑": "-", "–": "-", "—": "-"})


def ascii_digits(text: str) -> str:
    """Persian, Arabic, Devanagari, Bengali and Thai digits as ASCII digits."""
    return text.translate(_DIGITS)


def fold(text: str, lang: str = "") -> str:
    """Text as dyad matches it: NFKC, case-folded, Arabic variants unified, quotes and dashes plain.

    The same result as `fold_with_map` without the offsets (and much faster), for patterns and names.
    """
    text = unicodedata.normalize("NFKC", text)
    if lang in TURKIC:
        text = text.replace("I", "ı").replace("İ", "i")
    text = _HARAKAT.sub("", text.translate(_QUOTES).translate(_ARABIC_FOLD)).casefold()
    return text.replace("i̇", "i") if lang in TURKIC else text


def fold_with_map(text: str, lang: str = "") -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the offset of its source character."""
    out: list[str] = []
    index: list[int] = []
    turkic = lang in TURKIC
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch)
        if turkic:
            piece = piece.replace("I", "ı").replace("İ", "i")
        piece = piece.translate(_QUOTES).translate(_ARABIC_FOLD)
        piece = _HARAKAT.sub("", piece).casefold()
        if turkic:
            piece = piece.replace("i̇", "i")
        for c in piece:
            out.append(c)
            index.append(i)
    return "".join(out), index


def capitalised(word: str) -> bool:
    """A proper name's capital, also after an elided article ("d’Istanbul", "l'Aquila", "dell'Iran");
    a suffix after an apostrophe (tr "İran'a") does not count."""
    head, _, tail = word.replace("\u2019", "'").partition("'")
    if tail and len(head) <= 4 and head.islower():
        return tail[:1].isupper()
    return word[:1].isupper()


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


_SCRIPT_PREFIXES = (
    ("THAI", "Thai"), ("ARABIC", "Arab"), ("CYRILLIC", "Cyrl"), ("CJK", "Hani"), ("HIRAGANA", "Jpan"),
    ("KATAKANA", "Jpan"), ("HANGUL", "Kore"), ("DEVANAGARI", "Deva"), ("BENGALI", "Beng"), ("HEBREW", "Hebr"),
    ("GREEK", "Grek"), ("GEORGIAN", "Geor"), ("ARMENIAN", "Armn"), ("LATIN", "Latn"), ("KHMER", "Khmr"),
    ("LAO", "Laoo"), ("MYANMAR", "Mymr"), ("TAMIL", "Taml"), ("GURMUKHI", "Guru"), ("ETHIOPIC", "Ethi"),
)


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str | None:
    """ISO 15924 code of a letter's script, or None for digits, punctuation and spaces."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for prefix, code in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return code
    return "Zyyy"


def script_counts(text: str, limit: int = 5000) -> Counter[str]:
    """How many letters of each script the start of a text holds."""
    counts: Counter[str] = Counter()
    for ch in text[:limit]:
        code = char_script(ch)
        if code:
            counts[code] += 1
    return counts


def dominant_script(text: str) -> str:
    """The script most letters of a text are written in (Japanese wins over Han when kana are present)."""
    counts = script_counts(text)
    if not counts:
        return "Zyyy"
    if counts.get("Jpan", 0) > 0.05 * counts.get("Hani", 0) and counts.get("Jpan", 0) >= 5:
        return "Jpan"
    return counts.most_common(1)[0][0]


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*\*?")


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of a (folded) text with their offsets; an apostrophe join stays in one token (İran'a)."""
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
