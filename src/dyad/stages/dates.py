"""Dates: dateparser, always told the language and the publication date, plus what it lacks.

dateparser lacks Thai Buddhist-era years (2567), finds Jalali and Hijri
dates only through its calendar classes, reads durations ("30 tahun", "15
years") as dates, and reads Indonesian "Minggu" as Sunday even when it means
"week". This module fills those gaps; the month names of other calendars
live in `lang/calendars.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyad.records import DatePrecision, PubDate
from dyad.text import ascii_digits

MIN_YEAR, MAX_YEAR = 1945, 2100
DMY_LANGUAGES_EXCLUDED = {"en", "zh", "ja", "ko", "hu", "lt"}  # these write dates otherwise


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date read from text: ISO value at its precision, and the words it came from."""

    value: str
    precision: DatePrecision
    text: str
    start: int = 0
    end: int = 0


@lru_cache(maxsize=1)
def _calendars() -> dict[str, Any]:
    text = resources.files("dyad.lang").joinpath("calendars.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _month_regex(months: list[list[str]]) -> tuple[re.Pattern[str], dict[str, int]]:
    index = {name: number for number, names in enumerate(months, start=1) for name in names}
    alternatives = "|".join(re.escape(n) for n in sorted(index, key=len, reverse=True))
    regex = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:ام\s+)?({alternatives})(?:\s*(?:ماه|سال)?\s*(\d{{4}}))?")
    return regex, index


@lru_cache(maxsize=1)
def _calendar_regexes() -> dict[str, tuple[re.Pattern[str], dict[str, int]]]:
    data = _calendars()
    return {name: _month_regex(data[name]) for name in ("jalali", "hijri", "thai_months")}


def parser_settings(lang: str, base: dt.datetime | None) -> dict[str, Any]:
    """dateparser settings for a language, relative to the publication date when known."""
    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    }
    if lang not in DMY_LANGUAGES_EXCLUDED:
        settings["DATE_ORDER"] = "DMY"
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return settings


def _iso(date: dt.date, precision: DatePrecision) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()[:10]


def calendar_dates(text: str, lang: str, base: dt.date | None = None) -> list[ResolvedDate]:
    """Jalali, Hijri and Thai Buddhist-era dates written with month names."""
    found: list[ResolvedDate] = []
    plain = ascii_digits(text)
    regexes = _calendar_regexes()
    if lang in {"fa", "ps"} or "ی" in plain or "ي" in plain:
        found += _convert_jalali(plain, regexes["jalali"], base)
    if lang in {"ar", "fa", "ur"}:
        found += _convert_hijri(plain, regexes["hijri"])
    if lang == "th" or any("\u0e00" <= c <= "\u0e7f" for c in plain[:200]):
        found += _convert_thai(plain, regexes["thai_months"], base)
    return sorted(found, key=lambda d: d.start)


@lru_cache(maxsize=8192)
def _jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    from convertdate import persian

    return dt.date(*persian.to_gregorian(year, month, day))


@lru_cache(maxsize=64)
def _jalali_year(year: int, month: int, day: int) -> int:
    from convertdate import persian

    return int(persian.from_gregorian(year, month, day)[0])


def _convert_jalali(
    text: str, pattern: tuple[re.Pattern[str], dict[str, int]], base: dt.date | None
) -> list[ResolvedDate]:
    regex, months = pattern
    out: list[ResolvedDate] = []
    for m in regex.finditer(text):
        day, month = int(m.group(1)), months[m.group(2)]
        year = int(m.group(3)) if m.group(3) else None
        if year is None and base is not None:
            year = _jalali_year(base.year, base.month, base.day)
        if year is None or not 1300 <= year <= 1500 or not 1 <= day <= 31:
            continue
        try:
            greg = _jalali_to_gregorian(year, month, day)
        except ValueError:
            continue
        out.append(ResolvedDate(greg.isoformat(), "day", m.group(0), m.start(), m.end()))
    return out


def _convert_hijri(text: str, pattern: tuple[re.Pattern[str], dict[str, int]]) -> list[ResolvedDate]:
    from convertdate import islamic

    regex, months = pattern
    out: list[ResolvedDate] = []
    for m in regex.finditer(text):
        if not m.group(3):
            continue
        year, month, day = int(m.group(3)), months[m.group(2)], int(m.group(1))
        if not 1350 <= year <= 1550 or not 1 <= day <= 30:
            continue
        greg = dt.date(*islamic.to_gregorian(year, month, day))
        out.append(ResolvedDate(greg.isoformat(), "day", m.group(0), m.start(), m.end()))
    return out


def _convert_thai(
    text: str, pattern: tuple[re.Pattern[str], dict[str, int]], base: dt.date | None
) -> list[ResolvedDate]:
    regex, months = pattern
    offset = int(_calendars()["buddhist_era_offset"])
    out: list[ResolvedDate] = []
    for m in regex.finditer(text):
        day, month = int(m.group(1)), months[m.group(2)]
        year = int(m.group(3)) if m.group(3) else (base.year if base else None)
        if year is None:
            continue
        if year > 2400:
            year -= offset
        try:
            value = dt.date(year, month, day)
        except ValueError:
            continue
        out.append(ResolvedDate(value.isoformat(), "day", m.group(0), m.start(), m.end()))
    return out


def parse_date(text: str, lang: str, base: dt.datetime | None = None) -> ResolvedDate | None:
    """One date expression ("14 de abril de 2023", "Senin") resolved against `base`."""
    calendar = calendar_dates(text, lang, base.date() if base else None)
    if calendar:
        return calendar[0]
    from dateparser.date import DateDataParser

    plain = ascii_digits(text)
    try:
        parser = DateDataParser(languages=[lang] if lang else None, settings=parser_settings(lang, base))
        data = parser.get_date_data(plain)
    except (ValueError, KeyError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    precision: DatePrecision = data.period if data.period in ("day", "month", "year") else "day"
    if not MIN_YEAR <= data.date_obj.year <= MAX_YEAR:
        return None
    return ResolvedDate(_iso(data.date_obj.date(), precision), precision, text, 0, len(text))


def search_first_date(text: str, lang: str, base: dt.datetime | None = None) -> ResolvedDate | None:
    """The first full date (day, month and year) written in a short text such as a date line.

    The article's language is tried first; English only when it finds nothing (dateparser
    mixing both misreads local time zones such as WIB).
    """
    calendar = calendar_dates(text, lang, base.date() if base else None)
    if calendar:
        return calendar[0]
    from dateparser.search import search_dates

    plain = ascii_digits(text)
    for languages in ([lang], ["en"]) if lang and lang != "en" else (["en"],):
        try:
            found = search_dates(plain, languages=languages, settings=parser_settings(lang, base))
        except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
            continue
        for fragment, value in found or ():
            written = re.search(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}", fragment)
            if not MIN_YEAR <= value.year <= MAX_YEAR or not written:
                continue
            if not has_parts(fragment, languages[0], ["day", "month", "year"]):
                continue
            start = plain.find(fragment)
            return ResolvedDate(value.date().isoformat(), "day", text[start:start + len(fragment)], start,
                                start + len(fragment))
    return None


def has_parts(fragment: str, lang: str, parts: list[str]) -> bool:
    """True when dateparser reads `fragment` as a date with all of `parts` (day, month, year) written."""
    from dateparser.date import DateDataParser

    try:
        data = DateDataParser(languages=[lang], settings={"REQUIRE_PARTS": parts}).get_date_data(fragment)
    except (ValueError, KeyError, TypeError, OverflowError):
        return False
    return data is not None and data.date_obj is not None


def publication_datetime(pub: PubDate | None) -> dt.datetime | None:
    """The publication date as a datetime base for relative dates (None at year precision)."""
    if pub is None or pub.precision == "year":
        return None
    parts = [int(p) for p in pub.value.split("-")]
    return dt.datetime(parts[0], parts[1], parts[2] if len(parts) > 2 else 15)
