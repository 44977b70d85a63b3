"""Clean: classify every line of a plain-text article as content or boilerplate.

Steps, line by line:
1. the language's and the universal patterns of `lang/<code>/noise.yaml`;
2. a pattern line that holds only a marker ("Artikel Terkait", "Baca juga:")
   opens a headline list: the short lines after it are other articles;
3. shape rules that hold in every language: market tickers, date and time
   lines, teasers cut with an ellipsis, short fragments (captions, site
   menus, bylines) that are no sentence;
4. metadata found on the way: the publication date (from date lines or a
   `date YYYY-MM-DD` marker), the dateline place, and source URLs.
Flagged lines stay in the document with their reason; no event is read from them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from dyad.lang import LanguageData
from dyad.records import Line, PubDate
from dyad.stages.dates import ResolvedDate, parse_date, search_first_date
from dyad.text import ascii_digits

DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*")
URL = re.compile(r"https?://\S+")
TERMINAL = tuple(".!?。！？।۔؟…:;\"'»”)」』")
NO_PUNCTUATION_SCRIPTS = {"th", "lo", "km", "my"}
PUB_DATE_LINES = 15  # a date line further down is another article's (related lists), not this one's
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b")
NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)"
)
TICKER = re.compile(r"^[\w$€£¥₺₽.%/+\-]{1,10}?\s*[\d.,]+\s*(?:%\s*[\d.,]+|[\d.,%\s+\-▲▼]*)$")
DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d][^\W\d .'’-]*(?:[ .'’-][^\W\d][^\W\d.'’-]*){0,3})"
    r"(?:\s*[,/]\s*[^,:()\n–—-]{2,40}?)?\s*(?:\((?P<agency>[^)]{2,30})\))?\s*(?:--?|–|—|:)\s+\S"
)


@dataclass
class CleanResult:
    """Lines with their verdicts and the metadata found in them."""

    lines: list[Line] = field(default_factory=list)
    pub_date: PubDate | None = None
    dateline: str | None = None
    urls: list[str] = field(default_factory=list)
    title: str = ""


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """Each line of a text with its start and end offsets."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        out.append((number, start, raw))
        start += len(raw) + 1
    return out


def clean(text: str, lang: LanguageData, declared_date: str | None = None) -> CleanResult:
    """Every line of `text` classified, and the metadata the page text carries."""
    result = CleanResult()
    if declared_date:
        result.pub_date = _declared(declared_date, lang.code)
    in_list = False
    for number, start, raw in split_lines(text):
        stripped = raw.strip()
        if not any(c.isalnum() for c in stripped):
            result.lines.append(Line(number, start, start + len(raw), raw))
            continue
        reason, in_list = _classify(stripped, number, lang, in_list, result)
        result.lines.append(Line(number, start, start + len(raw), raw, reason))
    _flag_repeats(result.lines)
    if result.pub_date is None:
        result.pub_date = next((d for d in map(url_date, result.urls) if d), None)
    result.title = next((ln.text.strip() for ln in result.lines if ln.text.strip() and not ln.noise), "")
    return result


def _flag_repeats(lines: list[Line]) -> None:
    """Lines printed twice (summary bullets, captions repeated from the page) are boilerplate.

    A repeat of the title (the first content line, printed again above the body) is left alone.
    """
    def key(text: str) -> str:
        return " ".join(text.strip(" \t•*·-–—>").split()).casefold()

    first = next((key(ln.text) for ln in lines if ln.noise is None and key(ln.text)), "")
    seen: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        k = key(ln.text)
        if len(k) >= 20 and k != first:
            seen.setdefault(k, []).append(i)
    for indexes in seen.values():
        if len(indexes) > 1:
            for i in indexes:
                if lines[i].noise is None:
                    lines[i] = replace(lines[i], noise="repeated-caption")


def _classify(
    line: str, number: int, lang: LanguageData, in_list: bool, result: CleanResult
) -> tuple[str | None, bool]:
    """The boilerplate reason of one line (or None) and whether a headline list goes on."""
    marker = DATE_MARKER.match(line)
    if marker:
        if result.pub_date is None:
            result.pub_date = _marker_date(marker.group(1))
        rest = line[marker.end():]
        if not rest.strip() or _is_date_line(rest, lang, None):
            return "timestamp", False
        line = rest
    result.urls.extend(URL.findall(line))
    for rule in lang.noise:
        if rule.reason == "caption" and number == 1:
            continue  # the first line is the headline, even when it opens with "VIDEO:" or "Photos:"
        if rule.regex.search(line):
            if len(line) <= 90 and number <= PUB_DATE_LINES and result.pub_date is None and re.search(r"\d", line):
                _is_date_line(line, lang, result)
            opens = rule.starts_list or (
                rule.reason in {"related-link", "headline-list"} and len(line.split()) <= 4
            )
            return rule.reason, opens or in_list  # a timestamp inside a headline list does not end it
    if in_list and _looks_like_headline(line, lang):
        return "headline-list", True
    if _is_ticker(line):
        return "ticker", in_list
    if len(line) <= 90 and re.search(r"\d", line) and \
            _is_date_line(line, lang, result if number <= PUB_DATE_LINES and not in_list else None):
        return "timestamp", in_list
    if number > 1 and len(line) <= 250 and line.endswith(("…", "...")) and len(line.split()) >= 3:
        return "related-link", in_list
    if _is_fragment(line, number, lang):
        return "navigation", in_list
    if number <= 3 and result.dateline is None:
        found = DATELINE.match(line)
        if found and (found.group("agency") or found.group("place").isupper() or "," in line[: found.end()]):
            result.dateline = found.group("place").strip()
    return None, False


def _looks_like_headline(line: str, lang: LanguageData) -> bool:
    """A line in a list of other articles: short, or a timestamp, and no full sentence."""
    if TIME.search(line) and len(line) <= 40:
        return True
    if len(line) > 160:
        return False
    return lang.code in NO_PUNCTUATION_SCRIPTS or not line.endswith((".", "。", "!", "?")) or len(line) < 100


def _is_ticker(line: str) -> bool:
    """A market ticker line: a symbol and numbers ("USD 34,30", "38,0042 %3.56")."""
    if len(line) > 40 or not re.search(r"\d", line):
        return False
    letters = sum(c.isalpha() for c in line)
    return letters <= 8 and bool(TICKER.match(line.replace(" %", "%")))


def _is_fragment(line: str, number: int, lang: LanguageData) -> bool:
    """A short stretch of words that is no sentence: a menu item, byline, label or counter.

    Three words at most; a Title Case line of three words is taken for a subheading.
    """
    words = line.split()
    if lang.code in NO_PUNCTUATION_SCRIPTS or lang.chars:
        return len(line) <= (6 if number == 1 else 12)
    if number == 1:
        return len(words) <= 2 and len(line) <= 30 and not line.endswith(TERMINAL)
    if len(words) > 3 or len(line) > 40 or line.endswith(TERMINAL):
        return False
    title_case = all(w[:1].isupper() for w in words if w[:1].isalpha())
    return not (title_case and len(words) == 3)


YEAR_LIKE = re.compile(r"(?<!\d)(19\d{2}|20\d{2}|13\d{2}|14\d{2}|25\d{2})(?!\d)")  # CE, Jalali/Hijri, BE


def _is_date_line(line: str, lang: LanguageData, result: CleanResult | None) -> bool:
    """True when a short line is mostly a date or time; records the first date as the publication date."""
    plain = ascii_digits(line)
    found = _numeric_date(plain) or (search_first_date(plain, lang.code) if YEAR_LIKE.search(plain) else None)
    covered = len(found.text) if found else 0
    covered += sum(len(m.group(0)) for m in TIME.finditer(plain[found.end:] if found else plain))
    letters = [c for c in plain if c.isalnum()]
    if not letters:
        return False
    mostly_date = covered >= 0.45 * len("".join(plain.split())) or bool(found and len(plain) <= 40)
    if not mostly_date and not (TIME.fullmatch(plain.strip()) or re.fullmatch(r"[\d:./\s-]+", plain.strip())):
        return False
    if found and result is not None and result.pub_date is None:
        result.pub_date = PubDate(found.value, found.precision, "text:date-line", line)
    return True


def _numeric_date(text: str) -> ResolvedDate | None:
    """A day-month-year or ISO date in digits ("11.08.2025", "2023-03-21", "13.03.23")."""
    m = NUMERIC_DATE.search(text)
    if not m:
        return None
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        day, month, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
        year = year + 2000 if year < 100 else year
        if month > 12 >= day:
            day, month = month, day
    if year > 2400:
        year -= 543  # Thai Buddhist era
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return ResolvedDate(value.isoformat(), "day", m.group(0), m.start(), m.end())


def _marker_date(value: str) -> PubDate:
    precision = "day" if len(value) == 10 else "month"
    return PubDate(value, precision, "text:date-marker", value)  # type: ignore[arg-type]


def _declared(value: str, lang: str) -> PubDate | None:
    """A container's date field ("2024-06-30", "2024-06-30T10:00:00Z", "30 June 2024")."""
    iso = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if iso:
        parts = [p for p in iso.groups() if p]
        precision = ("year", "month", "day")[len(parts) - 1]
        return PubDate("-".join(parts), precision, "metadata", value)  # type: ignore[arg-type]
    found = parse_date(value, lang)
    return PubDate(found.value, found.precision, "metadata", value) if found else None


URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])?(?=[/\-_.]|\d{4,}|$)")


def url_date(url: str | None) -> PubDate | None:
    """A date written in an article's URL path (/2023/03/21/, /20230109/)."""
    if not url:
        return None
    m = URL_DATE.search(url.split("?")[0])
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        try:
            value = dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
        return PubDate(value, "day", "url", url)
    return PubDate(f"{year}-{month}", "month", "url", url)
