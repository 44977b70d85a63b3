"""Language identification: script first, detector next, priors for close pairs."""

from __future__ import annotations

import pytest

from dyad.stages.langid import identify


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("นายกรัฐมนตรีเดินทางไปเยือนญี่ปุ่นเพื่อหารือความร่วมมือด้านการค้า", "th"),
        ("외교부 장관은 어제 일본 외무상과 회담을 가졌다", "ko"),
        ("外務大臣は昨日、中国の外相と電話会談を行った。", "ja"),
        ("外交部长王毅昨天在北京会见了俄罗斯外长拉夫罗夫。", "zh"),
        ("Министр иностранных дел России провёл переговоры с коллегой из Ирана.", "ru"),
        ("Міністр закордонних справ України провів переговори з колегою з Польщі.", "uk"),
        ("وزير الخارجية المصري يلتقي نظيره التركي في القاهرة لبحث العلاقات الثنائية", "ar"),
        ("وزیر امور خارجه ایران با همتای عمانی خود در مسقط دیدار و گفتگو کرد", "fa"),
        ("Le ministre des Affaires étrangères a reçu son homologue allemand à Paris.", "fr"),
        ("Dışişleri Bakanı Fidan, Mısırlı mevkidaşı ile Ankara'da görüştü.", "tr"),
    ],
)
def test_languages(text: str, lang: str) -> None:
    """Each script and language is identified."""
    assert identify(text).language == lang


def test_malay_by_marker_words_and_domain() -> None:
    """Indonesian and Malay: the site's domain and marker words decide."""
    text = "Perdana Menteri berkata kerajaan akan meneruskan lawatan rasmi itu minggu depan, kata beliau."
    assert identify(text).language == "ms"
    indonesian = "Presiden mengatakan pemerintah akan melanjutkan kunjungan resmi tersebut pekan depan."
    assert identify(indonesian).language == "id"
    assert identify(indonesian, url="https://www.bernama.com/bm/news.php?id=1").language == "ms"


def test_declared_language_breaks_ties() -> None:
    """A container's language field is taken when the detector has it among its top guesses."""
    assert identify("Anwar tiba di Jakarta hari ini.", declared="ms").language == "ms"
