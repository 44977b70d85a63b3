"""Sentence segmentation per language, with offsets into the original text."""

from __future__ import annotations

from dyad.lang import load
from dyad.records import Document
from dyad.stages.clean import clean
from dyad.stages.segment import segment


def _doc(text: str, lang: str) -> Document:
    lines = tuple(clean(text, load(lang)).lines)
    return Document(
        id="t",
        path="t",
        title=text.split("\n")[0],
        text=text,
        content_hash="h",
        language=lang,
        script="Latn",
        lines=lines,
    )


def test_english_sentences_and_offsets() -> None:
    """Sentences keep exact offsets into the original text; abbreviations do not split."""
    text = (
        "Ministers meet in Moscow for talks on Syria\nThe U.S. envoy met Mr. Lavrov on Monday. They discussed Syria.\n"
    )
    sentences = segment(_doc(text, "en"))
    assert [s.text for s in sentences] == [
        "Ministers meet in Moscow for talks on Syria",
        "The U.S. envoy met Mr. Lavrov on Monday.",
        "They discussed Syria.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[0].is_title and sentences[1].line == 2


def test_chinese_sentences() -> None:
    """Chinese splits at its full stops."""
    text = "中俄元首会谈取得丰硕成果\n习近平会见普京。双方签署了联合声明！\n"
    sentences = segment(_doc(text, "zh"))
    assert [s.text for s in sentences][1:] == ["习近平会见普京。", "双方签署了联合声明！"]


def test_danda_and_urdu_full_stop_end_sentences() -> None:
    """Hindi and Bengali end sentences with the danda, Urdu with its own full stop."""
    text = "भारत और नेपाल की बैठक\nमोदी ने ओली से मुलाकात की। दोनों नेताओं ने व्यापार पर चर्चा की।\n"
    sentences = segment(_doc(text, "hi"))
    assert [s.text for s in sentences][1:] == ["मोदी ने ओली से मुलाकात की।", "दोनों नेताओं ने व्यापार पर चर्चा की।"]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    text = "پاکستان اور چین کی ملاقات\nشہباز شریف نے شی جن پنگ سے ملاقات کی۔ دونوں رہنماؤں نے تجارت پر بات کی۔\n"
    assert len(segment(_doc(text, "ur"))) == 3


def test_thai_keeps_names_whole() -> None:
    """Thai splits at a space only after a long stretch, so short phrases and names stay together."""
    text = (
        "นายกรัฐมนตรีเดินทางเยือนเบลารุสเพื่อหารือความร่วมมือ\nนายกรัฐมนตรี พบ นายอเล็กซานเดอร์ โวลโฟวิช ที่กรุงมินสค์ "
        + "ก" * 130
        + " ประโยคที่สอง\n"
    )
    sentences = segment(_doc(text, "th"))
    assert sentences[1].text.startswith("นายกรัฐมนตรี พบ นายอเล็กซานเดอร์ โวลโฟวิช")
    assert sentences[-1].text == "ประโยคที่สอง"


def test_boilerplate_lines_give_no_sentences() -> None:
    """Flagged lines are never segmented into evidence sentences."""
    text = "Judul berita yang panjang sekali\nBaca juga: Berita lain yang tidak relevan\nIsi berita utama.\n"
    assert all("Baca juga" not in s.text for s in segment(_doc(text, "id")))


def test_thai_words_from_pythainlp_keep_names_whole() -> None:
    """Thai word starts come from pythainlp (newmm) with dyad's names in its dictionary; a short
    name inside another word (ไทย in มหาดไทย, the interior ministry) is not matched."""
    from dyad.stages.matcher import Matcher, thai_word_starts
    from dyad.stages.mentions import find_actors

    text = "รมว.มหาดไทยของกัมพูชาเดินทางถึงกรุงเทพฯ"
    starts = thai_word_starts(text)
    assert 0 in starts and text.index("กัมพูชา") in starts
    actors = find_actors(Matcher(load("th"), []).prepare(text), "th")
    assert "THA" not in {a.code for a in actors if a.text == "ไทย"}
    assert "KHM" in {a.code for a in actors}


def test_thai_sentence_end_never_falls_between_given_name_and_surname() -> None:
    # More than THAI_MIN_CHARS of text, then "president <given name> <space> <surname>": no split there.
    lead = ("รัฐมนตรีว่าการกระทรวงการต่างประเทศของประเทศเคนยาเดินทางถึงกรุงไนโรบี"
            "เพื่อหารือเรื่องความร่วมมือทางเศรษฐกิจและการค้าระหว่างสองประเทศอย่างใกล้ชิด"
            "และได้เข้าพบประธานาธิบดีวิลเลียม")
    text = f"หัวข้อข่าว\n{lead} รูโต ที่ทำเนียบประธานาธิบดีเมื่อวันจันทร์ที่ผ่านมา\n"
    sentences = [s.text for s in segment(_doc(text, "th"))]
    assert any("วิลเลียม รูโต" in s for s in sentences), sentences
