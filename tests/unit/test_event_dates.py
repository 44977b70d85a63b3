"""Event dates: relative to the publication date, other calendars, durations that are not dates."""

from __future__ import annotations

import pytest

from dyad.lang import load
from dyad.records import Document, PubDate, Sentence
from dyad.stages.event_dates import DocumentDates


def _dates(lang: str, pub: str | None, text: str) -> tuple[str | None, str | None, str | None]:
    doc = Document(id="d", path="d", title="t", text=text, content_hash="h", language=lang, script="Latn",
                   pub_date=PubDate(pub, "day", "metadata") if pub else None)
    sentence = Sentence("d", 0, 0, len(text), text, 1)
    dates = DocumentDates(doc, [sentence], load(lang))
    return dates._find(sentence.text)


@pytest.mark.parametrize(
    ("lang", "pub", "text", "expected", "precision"),
    [
        ("en", "2024-09-16", "The two ministers met in Minsk on Monday.", "2024-09-16", "day"),  # same-day weekday
        ("en", "2024-09-18", "The two ministers met in Minsk on Monday.", "2024-09-16", "day"),
        ("id", "2024-09-18", "Dalam pertemuan di Minsk pada hari Senin, kedua menteri membahas kerja sama.",
         "2024-09-16", "day"),
        ("en", "2024-09-18", "They met on 13 September.", "2024-09-13", "day"),  # no year: the publication's
        ("th", None, "เมื่อวันที่ 13 ก.ย. 2567 รัฐมนตรีทั้งสองพบกัน", "2024-09-13", "day"),  # Buddhist era
        ("fa", None, "گروسی در ۲۳ آبان ۱۴۰۳ به تهران سفر کرد.", "2024-11-13", "day"),  # Jalali
        ("zh", "2023-12-13", "当地时间12月12日下午，两国领导人举行会谈。", "2023-12-12", "day"),
        ("ru", "2024-05-28", "Переговоры прошли 27 мая 2024 года в Ташкенте.", "2024-05-27", "day"),
        ("tr", "2024-02-14", "Haziran 2022'de iki bakan Ankara'da görüştü.", "2022-06", "month"),  # a suffixed year
        ("vi", None, "Chuyến thăm lịch sử đến Hà Nội (10-2022) của Tổng thống.", "2022-10", "month"),  # month-year
        ("en", None, "The ministers met on 2022-05-03 in Hanoi.", "2022-05-03", "day"),
    ],
)
def test_event_dates(lang: str, pub: str | None, text: str, expected: str, precision: str) -> None:
    """Dates in many languages and calendars resolve against the publication date."""
    value, found_precision, source_text = _dates(lang, pub, text)
    assert value == expected and found_precision == precision and source_text


@pytest.mark.parametrize(
    ("lang", "pub", "text"),
    [
        ("id", "2024-09-18", "Kedua negara telah menjalin hubungan selama 30 tahun."),  # a duration
        ("en", "2024-09-18", "He was sentenced to 15 years in prison."),
        ("en", None, "The two ministers met in Minsk on Monday."),  # a bare weekday without a publication date
        ("en", "2024-09-18", "The visit was the first since 2014."),  # a bare year does not date the event
        ("de", "2025-03-10", "Die Ministerin traf mit dem Präsidenten zusammen."),  # "Die", "mit": words, not Di/Mi
    ],
)
def test_not_dates(lang: str, pub: str | None, text: str) -> None:
    """Durations, bare years and weekdays without a publication date give no event date."""
    assert _dates(lang, pub, text)[0] is None


def test_undated_sentence_takes_the_publication_date() -> None:
    """With a publication date and no date in the text, an event is news of that day, with no date text."""
    doc = Document(id="d", path="d", title="t", text="x", content_hash="h", language="en", script="Latn",
                   pub_date=PubDate("2024-06-30", "day", "metadata"))
    dates = DocumentDates(doc, [], load("en"))
    assert dates.anchor == ("2024-06-30", "day", None)
