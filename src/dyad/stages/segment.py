"""Sentence segmentation per language, never across lines.

Lines are the unit of boilerplate, so each content line is segmented on its
own. Languages with spaces go through syntok; Chinese and Japanese split at
their full stops; Thai, which marks sentence ends with a space, is split at
spaces only between long stretches so that names stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from syntok import segmenter

from dyad.records import Document, Sentence

CJK_END = re.compile(r"[^。！？!?；]*[。！？!?；]+[」』”\"）)]*|[^。！？!?；]+$")
SCRIPT_STOP = re.compile(r"[।॥۔؟](?=\s|$)")  # sentence ends of Devanagari, Bengali, Urdu, and the Arabic question mark
THAI_MIN_CHARS = 120  # a Thai space ends a sentence only after this much text


def segment(doc: Document) -> list[Sentence]:
    """The sentences of a document's content lines (the title line is sentence 0)."""
    sentences: list[Sentence] = []
    for line in doc.lines:
        if line.noise or not line.text.strip():
            continue
        for start, end in _spans(line.text, doc.language):
            text = line.text[start:end]
            if not text.strip():
                continue
            sentences.append(
                Sentence(
                    doc_id=doc.id,
                    index=len(sentences),
                    start=line.start + start,
                    end=line.start + end,
                    text=text,
                    line=line.number,
                    is_title=line.number == 1 and bool(doc.title) and line.text.strip() == doc.title.strip(),
                )
            )
    return sentences


def _spans(text: str, lang: str) -> Iterator[tuple[int, int]]:
    if lang in {"zh", "ja"}:
        yield from _cjk_spans(text)
    elif lang in {"th", "lo", "km", "my"}:
        yield from _thai_spans(text)
    else:
        start = 0
        for match in SCRIPT_STOP.finditer(text):  # syntok does not know the danda or the Urdu full stop
            yield from _offset(_syntok_spans(text[start:match.end()]), start)
            start = match.end()
        yield from _offset(_syntok_spans(text[start:]), start)


def _offset(spans: Iterator[tuple[int, int]], by: int) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        yield start + by, end + by


def _cjk_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in CJK_END.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if end > start:
            yield start, end


@lru_cache(maxsize=1)
def _thai_name_starts() -> tuple[re.Pattern[str], frozenset[str]]:
    """What shows that a Thai space stands inside a name: an honorific or a title with a given name right
    before it ("นายเศรษฐา ทวีสิน", "ประธานาธิบดีอเล็กซานเดอร์ ลูกาเชนโก"), or a part of a known name that
    is not its last."""
    from dyad.kb import knowledge_base
    from dyad.lang import load

    lang = load("th")
    titles = [p[0] for p in lang.modifiers.get("honorific", ()) if p] + [r.pattern[0] for r in lang.roles if r.pattern]
    honorifics = sorted(set(titles), key=len, reverse=True)
    pattern = re.compile("(?:" + "|".join(re.escape(h) for h in honorifics) + r")[^\s]{2,25}$") if honorifics \
        else re.compile(r"(?!x)x")
    heads = {part for person in knowledge_base().people.values() for name in person.aliases.get("th", ())
             for part in name.split()[:-1] if len(part) >= 3}
    return pattern, frozenset(heads)


def _inside_name(before: str) -> bool:
    """True when the text before a Thai space ends with the first part of a name."""
    pattern, heads = _thai_name_starts()
    return bool(pattern.search(before)) or any(before.endswith(h) for h in heads)


def _thai_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r" +", text):
        if match.start() - start >= THAI_MIN_CHARS and not _inside_name(text[start:match.start()]):
            s, e = _trim(text, start, match.start())
            if e > s:
                yield s, e
            start = match.end()
    s, e = _trim(text, start, len(text))
    if e > s:
        yield s, e


def _syntok_spans(text: str) -> Iterator[tuple[int, int]]:
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if not tokens:
                continue
            yield tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
