"""Cleaning: boilerplate lines per language, and the metadata plain-text pages carry."""

from __future__ import annotations

import pytest

from dyad.lang import load
from dyad.stages.clean import clean


def _verdicts(text: str, lang: str) -> dict[str, str | None]:
    result = clean(text, load(lang))
    return {ln.text.strip(): ln.noise for ln in result.lines if ln.text.strip()}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("id", "Baca juga: Menlu RI Terima Kunjungan Dubes Jepang di Jakarta"),
        ("id", "Lihat juga: Jokowi Resmikan Bendungan Baru"),
        ("en", "Read more: Ministers gather in Geneva for climate talks"),
        ("fr", "Lire aussi : Le président reçoit son homologue à l'Élysée"),
        ("pt", "Leia também: Lula recebe chanceler argentino em Brasília"),
        ("th", "อ่านเพิ่มเติม: นายกฯ หารือทูตญี่ปุ่นที่ทำเนียบรัฐบาล"),
        ("th", "ข่าวที่น่าสนใจ"),
        ("ru", "Подробнее: Лавров провёл переговоры с коллегой из Египта"),
        ("ar", "اقرأ أيضا: وزير الخارجية يستقبل نظيره العماني"),
        ("fa", "بیشتر بخوانید: دیدار وزیر خارجه با سفیر چین"),
    ],
)
def test_related_article_lines(lang: str, line: str) -> None:
    """'Read also' lines in each language are flagged as related links."""
    text = (
        f"Judul berita yang cukup panjang untuk sebuah artikel\n{line}\nIsi kalimat pertama berita ini sangat panjang."
    )
    assert _verdicts(text, lang)[line] in {"related-link", "headline-list"}


def test_headline_list_after_marker() -> None:
    """Short lines after a list marker are other articles' headlines; the body after them is content."""
    text = (
        "Gempa di Laut Banda tidak berpotensi tsunami\n"
        "Warga diminta tetap tenang dan tidak terpancing kabar bohong yang beredar di media sosial, kata BMKG.\n"
        "Artikel Terkait\n"
        "Presiden Terima Kunjungan PM Singapura di Istana\n"
        "Harga Cabai Naik Jelang Ramadan\n"
        "BMKG mencatat gempa susulan sebanyak tiga kali hingga pukul 12.00 WIB, semuanya berkekuatan kecil dan "
        "tidak dirasakan oleh warga di sekitar pusat gempa yang berada di laut.\n"
    )
    verdicts = _verdicts(text, "id")
    assert verdicts["Presiden Terima Kunjungan PM Singapura di Istana"] == "headline-list"
    assert verdicts["Harga Cabai Naik Jelang Ramadan"] == "headline-list"
    assert verdicts[text.splitlines()[-1]] is None
    assert verdicts[text.splitlines()[1]] is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("USD 34,30", "ticker"),
        ("BIST100 9.120", "ticker"),
        ("41,5755 %3.36", "ticker"),
        ("16:20 11.08.2025", "timestamp"),
        ("Jun 30, 2024 10:25 Asia/Jakarta", "timestamp"),
        ("(last modified Sun, 30 Jun 2024 03:25:09 GMT )", "timestamp"),
        ("Leave a Reply", "comment-form"),
        ("Your email address will not be published.", "comment-form"),
        ("Required fields are marked with a star", "comment-form"),
        ("The post Ministers meet in Rome first appeared on Example Daily.", {"related-link", "source-line"}),
        ("By Jane DOE and John SMITH", "byline"),
        ("ที่มา: https://example.com/news/123", "source-line"),
        ("Presiden menerima tamu negara di istana – Foto: Biro Pers Istana)", "caption"),
    ],
)
def test_page_furniture(line: str, reason: str | set[str]) -> None:
    """Tickers, date lines, comment forms, 'the post … appeared' lines, bylines, sources and captions."""
    text = f"A headline for this test article here\n{line}\nThe body sentence of the article is long enough to be one."
    lang = "th" if "ที่มา" in line else "id" if "Presiden" in line else "en"
    assert _verdicts(text, lang)[line] in (reason if isinstance(reason, set) else {reason})


def test_body_lines_stay_content() -> None:
    """Ordinary sentences, subheadings and the title are never flagged."""
    text = (
        "Erdoğan ve Sisi Kahire'de bir araya geldi\n"
        "Cumhurbaşkanı Erdoğan, Mısır'a 12 yıl sonra ilk ziyaretini gerçekleştirdi.\n"
        "Olayın Arka Planı\n"
        "İki ülke arasındaki ilişkiler uzun süre gergin kaldı.\n"
    )
    assert all(reason is None for reason in _verdicts(text, "tr").values())


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Jun 30, 2024 10:25 Asia/Jakarta", "id", "2024-06-30"),
        ("(last modified Sun, 30 Jun 2024 03:25:09 GMT )", "id", "2024-06-30"),
        ("13.03.23 10:02", "ru", "2023-03-13"),
        ("16:20 11.08.2025", "uk", "2025-08-11"),
        ("Atualizado em 14 de abril de 2023 às 7:30", "pt", "2023-04-14"),
        ("14 Şubat 2024 | 16:06", "tr", "2024-02-14"),
        ("13 ก.ย. 2567", "th", "2024-09-13"),
        ("۲۳ آبان ۱۴۰۳", "fa", "2024-11-13"),
        ("2023-03-21 16:07:46", "zh", "2023-03-21"),
        ("Senin, 9 Januari 2023 10:15 WIB", "id", "2023-01-09"),
    ],
)
def test_publication_date_lines(line: str, lang: str, expected: str) -> None:
    """Date lines in many styles and calendars give the publication date."""
    text = f"Sebuah judul berita yang cukup panjang\n{line}\nKalimat pertama dari isi berita ini cukup panjang."
    result = clean(text, load(lang))
    assert result.pub_date is not None and result.pub_date.value == expected


def test_date_marker_prefix_keeps_the_body() -> None:
    """A 'date YYYY-MM-DD' marker gives the date; the text after it stays content."""
    text = " date 2023-03-20 Putin said Moscow had studied the proposal closely, officials reported.\nMore text here."
    result = clean(text, load("en"))
    assert result.pub_date is not None and result.pub_date.value == "2023-03-20"
    assert result.lines[0].noise is None


def test_dateline_and_source_url() -> None:
    """A dateline names its place; a source line's URL becomes the article's URL."""
    text = "Tehran, Pars Today – Iran's foreign minister met his Omani counterpart.\nSource: https://example.org/a/1\n"
    result = clean(text, load("en"))
    assert result.dateline == "Tehran"
    assert result.urls == ["https://example.org/a/1"]


def test_repeated_caption_lines() -> None:
    """A summary line printed twice is boilerplate; the title printed again is not."""
    text = (
        "Ministers discuss gas deal in phone call\n"
        "  • Phone call between the two foreign ministers on trade\n"
        "Phone call between the two foreign ministers on trade\n"
        "Ministers discuss gas deal in phone call\n"
        "The two ministers discussed a memorandum on gas supplies, the ministry said.\n"
    )
    lines = clean(text, load("en")).lines
    assert [ln.noise for ln in lines[:5]] == [None, "repeated-caption", "repeated-caption", None, None]
