"""Event dates: the date a sentence gives its event, resolved against the publication date.

Steps: (1) dates written with month names of other calendars (Jalali,
Hijri, Thai Buddhist era); (2) dateparser's search, told the language and the
publication date; fragments that are durations ("30 tahun", "15 years") or
bare numbers are dropped, and a bare weekday resolves only when the page has
a publication date; (3) a sentence with no date takes the article's anchor
date (the first day-precise date of its lead, near publication) or else the
publication date itself, as news of the day (the convention of GDELT and ICEWS).
Such a date has no `date_text`: the text does not state it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from typing import Any

from dyad.lang import LanguageData
from dyad.records import DatePrecision, Document, Sentence
from dyad.stages.dates import calendar_dates, has_parts, publication_datetime
from dyad.stages.matcher import Sentence as Prepared
from dyad.text import ascii_digits

DATE_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}(?!\d)")
CJK_DATE = re.compile(r"(?:(\d{4})\s*[年년]\s*)?(?:(\d{1,2})\s*[月월]\s*)?(\d{1,2})\s*[日일]")
BACKGROUND_DAYS = 10  # an event dated this long before publication is background
LEAD_SENTENCES = 4
YEAR_ONLY = re.compile(r"^\D*(19|20)\d{2}\D*$")
NUMBER_WORD = re.compile(r"^\s*(\d+)\s+\w+\s*$")

DateTuple = tuple[str | None, DatePrecision | None, str | None]  # value, precision, text


class DocumentDates:
    """Date resolution for the sentences of one document."""

    def __init__(self, document: Document, sentences: list[Sentence], lang: LanguageData) -> None:
        self.lang = lang
        self.pub = document.pub_date
        self.base = publication_datetime(document.pub_date)
        self.cache: dict[int, DateTuple] = {}
        self.sentences = sentences

    @cached_property
    def anchor(self) -> DateTuple:
        """The article's own date: computed only when an event needs it."""
        return self._anchor(self.sentences)

    def _anchor(self, sentences: list[Sentence]) -> DateTuple:
        for sentence in sentences[:LEAD_SENTENCES]:
            value, precision, text = self._find(sentence.text)
            if value and precision == "day" and not self.is_background(value) and not self._ahead(value):
                return value, precision, text
        if self.pub is not None:  # news of the day: the publication date, with no text of its own
            return self.pub.value, self.pub.precision, None
        return None, None, None

    def for_sentence(self, sentence: Sentence, prepared: Prepared) -> DateTuple:
        """The date of an event read from `sentence` (its own, else the article's anchor)."""
        if sentence.start not in self.cache:
            found = self._find(sentence.text)
            self.cache[sentence.start] = found if found[0] else self.anchor
        return self.cache[sentence.start]

    def _ahead(self, value: str) -> bool:
        """True when a date lies after publication: an announced event, not the article's news."""
        return self.base is not None and value > self.base.date().isoformat()

    def is_background(self, value: str | None) -> bool:
        """True when a date lies well before publication (an earlier event)."""
        if not value or self.base is None:
            return False
        pub = self.base.date().isoformat()[: len(value)]
        if len(value) == 4:
            return value < pub[:4]
        if len(value) == 7:
            return value < pub[:7]
        try:
            return (self.base.date() - dt.date.fromisoformat(value)).days > BACKGROUND_DAYS
        except ValueError:
            return False

    def _find(self, text: str) -> DateTuple:
        base_date = self.base.date() if self.base else None
        calendar = calendar_dates(text, self.lang.code, base_date)
        if calendar:
            return calendar[0].value, calendar[0].precision, calendar[0].text
        if self.lang.code in {"zh", "ja", "ko"}:
            found = self._cjk(text)
            if found[0]:
                return found
        return self._search(text)

    def _cjk(self, text: str) -> DateTuple:
        """Dates written 2023年12月12日, 12月12日 or 20日 (the day of the publication month)."""
        m = CJK_DATE.search(ascii_digits(text))
        if not m:
            return None, None, None
        year = int(m.group(1)) if m.group(1) else (self.base.year if self.base else None)
        month = int(m.group(2)) if m.group(2) else (self.base.month if self.base else None)
        if year is None or month is None:
            return None, None, None
        try:
            value = dt.date(year, month, int(m.group(3)))
        except ValueError:
            return None, None, None
        if self.base is not None and not m.group(1) and value > self.base.date() + dt.timedelta(days=7):
            value = value.replace(year=year - 1) if m.group(2) else _month_before(value)
        return value.isoformat(), "day", m.group(0)

    def _search(self, text: str) -> DateTuple:
        from dateparser.search import search_dates

        from dyad.stages.dates import parser_settings

        plain = NUMBER_SUFFIX.sub(r"\1", ascii_digits(text))
        if not (date_words(self.lang.code).search(plain) or DATE_DIGITS.search(plain)):
            return None, None, None  # no year, no d.m date, no month, weekday or relative-day word: no date
        try:
            found = search_dates(plain, languages=[self.lang.code], settings=parser_settings(self.lang.code, self.base))
        except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
            return None, None, None
        for fragment, value in found or ():
            resolved = self._accept(fragment, value)
            if resolved[0]:
                return resolved
        return None, None, None

    def _accept(self, fragment: str, value: dt.datetime) -> DateTuple:
        """A dateparser fragment as a date, or nothing when it is a duration, number or time."""
        frag = fragment.strip()
        has_digit = any(c.isdigit() for c in frag)
        if not any(c.isalpha() for c in frag) and not re.search(r"\d{1,4}[./-]\d{1,2}", frag):
            return None, None, None
        number_word = NUMBER_WORD.match(frag)
        if number_word and not (int(number_word.group(1)) == value.day and _has_month(frag, self.lang.code)):
            return None, None, None  # "30 tahun", "15 years", "65 tahun": durations, not dates
        if not 1945 <= value.year <= 2100:
            return None, None, None
        if self.base is None and not re.search(r"(19|20)\d{2}", frag):
            return None, None, None  # without a publication date only a written year gives a date
        if self.base is not None and value > self.base + dt.timedelta(days=366):
            return None, None, None  # far in the future: a number misread as a year
        if has_digit and self.base is not None and not re.search(r"(19|20)\d{2}", frag):
            # A day and month without a year take the publication year (the previous one when
            # that would put the event well after publication).
            try:
                value = value.replace(year=self.base.year)
            except ValueError:
                return None, None, None
            if value > self.base + dt.timedelta(days=7):
                value = value.replace(year=self.base.year - 1)
        if not has_digit and self.base is not None and (self.base.date() - value.date()).days == 7:
            value = self.base  # "on Wednesday" in a Wednesday paper is that day, not a week before
        if YEAR_ONLY.match(frag) and not _has_month(frag, self.lang.code):
            # A bare year in a sentence ("the first visit since 2014") rarely dates its event.
            return None, None, None
        if not has_digit:
            if self.base is None:
                return None, None, None  # a bare weekday or month needs a publication date
            if frag.lower().rstrip(".") in _abbreviations(self.lang.code):
                return None, None, None  # de "Die" (the), "Do", "So": a lone abbreviation is a word
            if _has_month(frag, self.lang.code) and not _is_weekday(frag, self.lang.code):
                # "in September": that month of the publication year, or of the next one when it
                # lies more than half a year back (announced meetings look ahead).
                year = self.base.year if value.month >= self.base.month - 6 else self.base.year + 1
                return f"{year:04d}-{value.month:02d}", "month", fragment
            return value.date().isoformat(), "day", fragment
        others = [int(n) for n in re.findall(r"\d+", frag.replace(str(value.year), ""))]
        if not any(1 <= n <= 31 for n in others) or (others == [value.month] and not any(c.isalpha() for c in frag)):
            return f"{value.year:04d}-{value.month:02d}", "month", fragment  # "October 2022", "10-2022", "10/2022"
        return value.date().isoformat(), "day", fragment


RELATIVE_UNITS = ("day", "week", "month", "year")
NUMBER_SUFFIX = re.compile(r"(\d)['’][^\W\d]+")  # a case ending on a number (tr "2022'de", "15'inde")


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=64)
def _locale_info(lang: str) -> dict[str, Any]:
    """dateparser's words for a language (month and weekday names, relative expressions), or none."""
    from dateparser.languages.loader import default_loader

    try:
        return dict(default_loader.get_locale(lang).info)
    except (ValueError, KeyError):
        return {}


@lru_cache(maxsize=64)
def date_words(lang: str) -> re.Pattern[str]:
    """Month, weekday and relative-day words dateparser knows for a language (a cheap pre-check)."""
    info = _locale_info(lang)
    words: set[str] = set()
    for key in MONTHS + WEEKDAYS:
        words.update(w for w in info.get(key, ()) if len(w) >= 3)
    for key, values in (info.get("relative-type") or {}).items():
        if any(unit in key for unit in RELATIVE_UNITS):
            words.update(v for v in values if len(v) >= 2)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(alternatives, re.IGNORECASE) if alternatives else re.compile(r"(?!x)x")


@lru_cache(maxsize=64)
def _abbreviations(lang: str) -> frozenset[str]:
    """Short forms of month and weekday names (de "die" for Dienstag, en "sun"), which alone are
    more often ordinary words than dates."""
    info = _locale_info(lang)
    out: set[str] = set()
    for key in MONTHS + WEEKDAYS:
        forms = [str(w).lower() for w in info.get(key, ())]
        longest = max(map(len, forms), default=0)
        out.update(w.rstrip(".") for w in forms if len(w) < longest and len(w.rstrip(".")) <= 3)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _is_weekday(fragment: str, lang: str) -> bool:
    """True when a fragment names a day of the week (or a relative day), not a month."""
    info = _locale_info(lang)
    words = {w.lower() for key in WEEKDAYS for w in info.get(key, ())}
    words |= {w.lower() for key, values in (info.get("relative-type") or {}).items() if "day" in key for w in values}
    folded = fragment.lower()
    return any(w and w in folded for w in words)


def _has_month(fragment: str, lang: str) -> bool:
    return has_parts(fragment, lang, ["month"])


def _month_before(value: dt.date) -> dt.date:
    """The same day a month earlier (a day-of-month after publication belongs to the previous month)."""
    month, year = (value.month - 1, value.year) if value.month > 1 else (12, value.year - 1)
    return value.replace(year=year, month=month)
