"""One matching engine for every kind of pattern: triggers, cues, titles and names.

Space-separated languages match token by token: a pattern token matches a
text token when they share a form (the token itself; without a proclitic
such as Arabic و/ب/ال; before an apostrophe, as in Turkish İran'a; without a
case ending, as in Russian Минске), `stem*` matches by prefix and `_` any
one token. Languages written without spaces (th, zh, ja) match substrings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar

from dyad.lang import LanguageData
from dyad.text import fold_with_map, word_spans

T = TypeVar("T")
PatternToken = frozenset[str] | str  # the forms of a word, or "stem*", or "_"
SHORT_THAI = 4  # Thai matches this short must start a word (longer names are safe inside compounds)
ACROSS_SPACES = 6  # Thai patterns at least this long may span the spaces of the text (names)
MIN_STEM = 3  # letters left after stripping an ending (2 in syllabic scripts: 한국을 → 한국)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence with its offsets in the folded text and in the original sentence."""

    index: int
    text: str
    start: int  # offsets in the original sentence text
    end: int
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A pattern found in a sentence: token range (chars languages: character range) and offsets."""

    first: int  # first token index (chars languages: start offset)
    last: int  # last token index, inclusive (chars languages: end offset)
    start: int  # offsets in the original sentence
    end: int
    value: T


class Forms:
    """The matching forms of words in one language."""

    def __init__(self, lang: LanguageData) -> None:
        self.prefixes = sorted(lang.strip_prefixes, key=len, reverse=True)
        self.min_stem = MIN_STEM if lang.script in {"Latn", "Cyrl", "Arab"} else 2
        self.suffixes = sorted(set(lang.strip_suffixes) | set(lang.name_suffixes), key=len, reverse=True)

    def of(self, token: str, pattern: bool = False) -> frozenset[str]:
        """Every form under which a text token may match (a pattern's own word keeps its proclitics:
        ليما must not become يما and meet فيما)."""
        forms = {token}
        if "'" in token and not pattern:
            head, tail = token.split("'", 1)
            forms.add(head)  # Turkish case endings: iran'a
            if len(head) <= 2:
                forms.add(tail)  # French and Italian elision: l'iran, d'italia
        for prefix in () if pattern else self.prefixes:
            if token.startswith(prefix) and len(token) - len(prefix) >= 2:
                forms.add(token[len(prefix):])
        for form in list(forms):
            for suffix in self.suffixes:
                if form.endswith(suffix) and len(form) - len(suffix) >= self.min_stem:
                    forms.add(form[: -len(suffix)])
                    break
        return frozenset(forms)


_FORMS: dict[str, Forms] = {}


def forms_of(lang: LanguageData) -> Forms:
    """The shared word-form rules of a language (one per language, so sentences prepare once)."""
    if lang.code not in _FORMS:
        _FORMS[lang.code] = Forms(lang)
    return _FORMS[lang.code]


class Sentence:
    """A sentence prepared for matching: folded text, offsets back to the original, tokens."""

    def __init__(self, text: str, lang: LanguageData, forms: Forms) -> None:
        self.text = text
        self.folded, self.index = fold_with_map(text, lang.code)
        self.tokens: list[Token] = []
        if not lang.chars:
            for i, (start, end, tok) in enumerate(word_spans(self.folded)):
                self.tokens.append(Token(i, tok, self.index[start], self.index[end - 1] + 1, forms.of(tok)))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original sentence of a folded-text range."""
        return self.index[start], self.index[end - 1] + 1


class Matcher(Generic[T]):
    """Finds every occurrence of a set of patterns, each carrying a value."""

    def __init__(self, lang: LanguageData, items: Iterable[tuple[tuple[str, ...], T]]) -> None:
        self.lang = lang
        self.forms = forms_of(lang)
        self.exact: dict[str, list[tuple[tuple[PatternToken, ...], T]]] = {}
        self.prefix: dict[str, list[tuple[tuple[PatternToken, ...], T]]] = {}
        self.substrings: dict[str, list[T]] = {}
        for pattern, value in items:
            if not pattern:
                continue
            if lang.chars:
                self.substrings.setdefault(pattern[0], []).append(value)
                continue
            compiled = tuple(self._compile(tok) for tok in pattern)
            head = pattern[0]
            if head.endswith("*"):
                self.prefix.setdefault(head[:-1][:2], []).append((compiled, value))
            else:
                for form in compiled[0]:
                    self.exact.setdefault(form, []).append((compiled, value))
        self.regex = (
            re.compile("|".join(re.escape(s) for s in sorted(self.substrings, key=len, reverse=True)))
            if self.substrings else None
        )

    def _compile(self, token: str) -> PatternToken:
        if token == "_" or token.endswith("*"):
            return token
        return self.forms.of(token, pattern=True)

    def prepare(self, text: str) -> Sentence:
        """A sentence ready for `find`."""
        return Sentence(text, self.lang, self.forms)

    def find(self, sentence: Sentence) -> list[Hit[T]]:
        """Every match in the sentence (overlapping ones included), in order."""
        if self.lang.chars:
            return self._find_substrings(sentence)
        hits: list[Hit[T]] = []
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            seen: set[int] = set()
            candidates: list[tuple[tuple[PatternToken, ...], T]] = []
            for form in sorted(token.forms):  # a set: sorted, so that equal matches come in one order
                for cand in (*self.exact.get(form, ()), *self.prefix.get(form[:2], ()), *self.prefix.get(form[:1], ())):
                    if id(cand) not in seen:
                        seen.add(id(cand))
                        candidates.append(cand)
            for pattern, value in candidates:
                end = i + len(pattern)
                if end <= len(tokens) and all(_token_matches(p, tokens[i + k]) for k, p in enumerate(pattern)):
                    hits.append(Hit(i, end - 1, token.start, tokens[end - 1].end, value))
        return hits

    def _find_substrings(self, sentence: Sentence) -> list[Hit[T]]:
        if self.regex is None:
            return []
        starts = thai_word_starts(sentence.folded) if self.lang.script == "Thai" else None
        hits: list[Hit[T]] = []
        for m in self.regex.finditer(sentence.folded):
            if starts is not None and m.end() - m.start() <= SHORT_THAI and m.start() not in starts:
                continue  # a short name inside a word: ไทย in มหาดไทย (interior) is not Thailand
            start, end = sentence.original_span(m.start(), m.end())
            for value in self.substrings[m.group(0)]:
                hits.append(Hit(m.start(), m.end(), start, end, value))
        if starts is not None and " " in sentence.folded:
            hits += self._across_spaces(sentence)
        return hits

    def _across_spaces(self, sentence: Sentence) -> list[Hit[T]]:
        """Thai writes a name's parts apart ("หวัง อี้", "สุลต่าน อับดุลละฮ์") while patterns have no
        spaces: long patterns also match the text with its spaces taken out."""
        if self.regex is None:
            return []
        kept = [i for i, ch in enumerate(sentence.folded) if ch != " "]
        squeezed = "".join(sentence.folded[i] for i in kept)
        hits: list[Hit[T]] = []
        for m in self.regex.finditer(squeezed):
            first, last = kept[m.start()], kept[m.end() - 1] + 1
            if m.end() - m.start() < ACROSS_SPACES or " " not in sentence.folded[first:last]:
                continue
            start, end = sentence.original_span(first, last)
            hits += [Hit(first, last, start, end, value) for value in self.substrings[m.group(0)]]
        return hits


class Span(Protocol):
    """A stretch of a sentence: a pattern hit or an actor mention."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def first(self) -> int: ...
    @property
    def last(self) -> int: ...


CHARS_PER_WORD = 2  # languages written without spaces count characters, two for a word


def words_between(a: Span, b: Span, lang: LanguageData) -> int:
    """Words between a span and a later one (characters / 2 in languages written without spaces)."""
    return (b.start - a.end) // CHARS_PER_WORD if lang.chars else b.first - a.last - 1


def _token_matches(pattern: PatternToken, token: Token) -> bool:
    if isinstance(pattern, frozenset):
        return not pattern.isdisjoint(token.forms)
    if pattern == "_":
        return True
    stem = pattern[:-1]
    return any(f.startswith(stem) for f in token.forms)


def longest(hits: list[Hit[T]]) -> list[Hit[T]]:
    """Non-overlapping hits, longer ones first, then in sentence order."""
    chosen: list[Hit[T]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


@lru_cache(maxsize=1)
def _thai_trie() -> Any:
    """pythainlp's word list with the Thai names dyad knows (countries, capitals, organisations,
    people), so that they stay whole; trigger phrases are left out so that they never swallow a
    name ("เยือนไทย" is เยือน + ไทย)."""
    from pythainlp.corpus.common import thai_words
    from pythainlp.util import dict_trie

    from dyad.kb import knowledge_base
    from dyad.lang import load

    lang = load("th")
    kb = knowledge_base()
    extra: set[str] = {name for name, _ in kb.country_names.get("th", ())}
    for names in (*lang.countries.values(), *lang.capitals.values(), *lang.organisations.values()):
        extra.update(names)
    for person in kb.people.values():
        for name in person.aliases.get("th", ()):
            extra.update(name.split())
    for org in kb.organisations.values():
        extra.update(org.aliases.get("th", ()))
    return dict_trie(dict_source=set(thai_words()) | {w for w in extra if w and " " not in w})


@lru_cache(maxsize=4096)
def thai_word_starts(text: str) -> frozenset[int]:
    """Offsets where a Thai word starts (pythainlp newmm with dyad's names in its dictionary)."""
    from pythainlp.tokenize import word_tokenize

    starts, offset = set(), 0
    for word in word_tokenize(text, engine="newmm", custom_dict=_thai_trie(), keep_whitespace=True):
        starts.add(offset)
        offset += len(word)
    return frozenset(starts)
