"""Linking people and places across scripts, by role and date, and the false friends it must avoid."""

from __future__ import annotations

import pytest

from dyad.lang import load
from dyad.stages.link import link_person, romanize, skeleton
from dyad.stages.locate import dateline_place, find_place
from dyad.stages.matcher import Matcher
from dyad.stages.mentions import find_actors


@pytest.mark.parametrize(
    ("name", "lang", "country", "expected"),
    [
        ("Abbas Araqchi", "id", "IRN", "Abbas Araghchi"),  # Latin variant spelling
        ("Аракчи", "ru", "IRN", "Abbas Araghchi"),  # Cyrillic, BGN transliteration
        ("عراقچی", "fa", "IRN", "Abbas Araghchi"),  # Persian, consonant skeleton
        ("อัคมาเดียน", "th", "IRN", "Ali Akbar Ahmadian"),  # Thai, royin romanisation
        ("โวลโฟวิช", "th", "BLR", "Aleksandr Volfovich"),
        ("Volfovich", "en", None, "Aleksandr Volfovich"),  # no country: a higher bar, still clear
    ],
)
def test_names_link_across_scripts(name: str, lang: str, country: str | None, expected: str) -> None:
    """A name in any script links to its knowledge-base person."""
    person = link_person(name, lang, country)
    assert person is not None and person.name == expected


def test_linking_never_crosses_countries() -> None:
    """Within a given country, a name of another country's official does not link."""
    assert link_person("Аракчи", "ru", "BLR") is None
    assert link_person("Smithsonovich", "en", None) is None


def test_romanisation_and_skeletons() -> None:
    """Romanisation per script, and skeletons that make spelling variants meet."""
    assert romanize("Александр Вольфович", "ru").startswith("aleksandr")
    assert skeleton("araghchi") == skeleton("araqchi")


@pytest.mark.parametrize(
    ("lang", "sentence", "code", "name"),
    [
        ("id", "Menteri Luar Negeri Iran Abbas Araqchi tiba di Minsk.", "IRN", "Abbas Araghchi"),
        ("ru", "Министр иностранных дел России Сергей Лавров прибыл в Тегеран.", "RUS", "Sergey Lavrov"),
        ("en", "Iran's foreign minister met his Omani counterpart in Muscat on 3 September 2024.", "IRN", None),
        ("th", "นายอาลี อัคบาร์ อัคมาเดียน เลขาธิการสภาความมั่นคงแห่งชาติสูงสุดของอิหร่าน เดินทางถึงมินสค์", "IRN",
         "Ali Akbar Ahmadian"),
    ],
)
def test_titles_join_country_and_person(lang: str, sentence: str, code: str, name: str | None) -> None:
    """A title joins the country and the person next to it into one actor."""
    matcher = Matcher(load(lang), [])
    actors = find_actors(matcher.prepare(sentence), lang)
    first = actors[0]
    assert first.code == code and first.role
    assert name is None or first.name == name


def test_role_resolves_to_the_holder_on_the_date() -> None:
    """'Iran's foreign minister' in September 2024 is Araghchi, in March 2023 Amir-Abdollahian."""
    from dyad.pipeline import Pipeline
    from dyad.stages.ingest import RawArticle

    text = "Foreign ministers meet\nIran's foreign minister met the Omani foreign minister in Muscat on {}.\n"
    for date, expected in (("5 September 2024", "Abbas Araghchi"), ("6 March 2023", "Hossein Amir-Abdollahian")):
        result = Pipeline().process(RawArticle(id="r", path="r", text=text.format(date), lang="en"))
        names = {e.source.name for e in result.events} | {e.target.name for e in result.events if e.target}
        assert expected in names, names


def test_unknown_person_is_kept_with_country_and_role() -> None:
    """A person the knowledge base lacks keeps the written name, the title's country and role."""
    matcher = Matcher(load("en"), [])
    sentence = "Ruritanian-born Malaysian Deputy Minister Zubair Qarnain Holloway met the press."
    actors = find_actors(matcher.prepare("Malaysian Deputy Minister Zubair Qarnain Holloway met the press."), "en")
    person = next(a for a in actors if a.kind == "person")
    assert person.code == "MYS" and person.name == "Zubair Qarnain Holloway" and person.kb_id is None
    assert sentence  # the same holds with a prefix of unknown words


def test_places_match_in_their_own_script_only() -> None:
    """มินสค์ is Minsk (never Minot, USA); a place carries its GeoNames id and coordinates."""
    lang = load("th")
    matcher = Matcher(lang, [])
    sentence = matcher.prepare("รัฐมนตรีต่างประเทศอิหร่านพบกับเลขาธิการสภาความมั่นคงเบลารุสที่กรุงมินสค์")
    actors = find_actors(sentence, "th")
    place = find_place(sentence, lang, actors, ())
    assert place is None or (place.country == "BLR" and place.name == "Minsk")
    en = load("en")
    located = find_place(Matcher(en, []).prepare("The talks were held in Minsk on Monday."), en, [], ())
    assert located is not None and located.name == "Minsk" and located.geonames_id == 625144
    assert located.lat is not None and located.country == "BLR"
    assert dateline_place("TEHRAN", en) is not None


def test_common_words_are_not_people_or_places() -> None:
    """Lower-case common words never become people (Malay 'yang') or places (Arabic 'أن')."""
    ms = Matcher(load("ms"), [])
    actors = find_actors(ms.prepare("Perdana Menteri yang baru dilantik bertemu rakan sejawatnya."), "ms")
    assert all(a.kind != "person" for a in actors)
    ar = load("ar")
    assert find_place(Matcher(ar, []).prepare("وأكد الوزير أن الاجتماع كان مثمرا"), ar, [], ()) is None


@pytest.mark.parametrize(
    ("lang", "sentence", "code", "name"),
    [
        # a lone surname after a title
        ("de", "Am Morgen wurde der Kiewer Bürgermeister Klitschko vorgeladen.", "UKR", "Klitschko"),
        # the title's city, a comma, then the name: the city gives the country
        ("fr", "Le maire d’Odessa, Guennadi Troukhanov, a été arrêté.", "UKR", "Guennadi Troukhanov"),
        ("en", "The governor of Kherson, Oleksandr Prokudin, was summoned.", "UKR", "Oleksandr Prokudin"),
    ],
)
def test_unknown_officials_keep_their_names(lang: str, sentence: str, code: str, name: str) -> None:
    """A person outside the knowledge base, named after a title, is kept with that name."""
    from dyad.stages.locate import localise

    matcher = Matcher(load(lang), [])
    prepared = matcher.prepare(sentence)
    person = next(a for a in localise(find_actors(prepared, lang), prepared, load(lang)) if a.kind == "person")
    assert person.name == name and person.kb_id is None
    assert person.code in {code, None}


def test_a_name_is_no_title() -> None:
    """İmamoğlu is a surname, not an imam."""
    tr = find_actors(Matcher(load("tr"), []).prepare("Belediye Başkanı Ekrem İmamoğlu gözaltına alındı."), "tr")
    assert any(a.name == "Ekrem İmamoğlu" for a in tr)
    assert not any(a.role == "Religious Leader" for a in tr)


def test_thai_names_written_with_spaces_link() -> None:
    """Thai writes given name and surname apart; the person is found either way."""
    for text in ("นายเซอร์เกย์ ลาฟรอฟ รัฐมนตรีต่างประเทศรัสเซีย เดินทางถึงกรุงเทพฯ",
                 "นายเซอร์เกย์ลาฟรอฟ รัฐมนตรีต่างประเทศรัสเซีย เดินทางถึงกรุงเทพฯ"):
        actors = find_actors(Matcher(load("th"), []).prepare(text), "th")
        assert any(a.name == "Sergey Lavrov" and "เซอร์เกย์" in a.text for a in actors), actors


def test_a_king_without_a_country_is_home_only_in_a_monarchy() -> None:
    """A Thai "king" is Thailand's; a Chinese "king" or a Thai "sultan" is never the home country's."""
    zh = find_actors(Matcher(load("zh"), []).prepare("国王今天发表讲话。"), "zh")
    assert not any(a.code == "CHN" for a in zh)
    th = find_actors(Matcher(load("th"), []).prepare("สุลต่านทรงมีพระราชดำรัส"), "th")
    assert not any(a.code == "THA" for a in th)


def test_a_country_after_a_name_is_not_remembered_as_the_surname() -> None:
    """"Sergey Lavrov, Menteri Luar Negeri Rusia": later "Rusia" is the country, not Lavrov."""
    from dyad.stages.mentions import remember_people

    matcher = Matcher(load("id"), [])
    first = matcher.prepare("Sergey Lavrov, Menteri Luar Negeri Rusia, tiba di Jakarta.")
    known: dict = {}  # type: ignore[type-arg]
    remember_people(find_actors(first, "id"), first, known)
    later = find_actors(matcher.prepare("Rusia dan Indonesia sepakat memperluas kerja sama."), "id", known)
    assert [a.kind for a in later if a.code == "RUS"] == ["country"]
    assert "lavrov" in known


def test_a_demonym_is_no_surname() -> None:
    """ar السوداني is "the Sudanese", not Iraq's prime minister al-Sudani; fa کامرون is Cameroon."""
    ar = find_actors(Matcher(load("ar"), []).prepare("قصف الجيش السوداني مواقع في دارفور."), "ar")
    assert [a.code for a in ar if a.code] == ["SDN"] and not any(a.kind == "person" for a in ar)
    fa = find_actors(Matcher(load("fa"), []).prepare("کامرون و نیجریه توافق کردند."), "fa")
    assert not any(a.kind == "person" for a in fa)
