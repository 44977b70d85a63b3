"""Mentions: who a sentence names — countries, capitals, organisations, people, officials by title.

Steps: (1) one gazetteer per language from CLDR country names, the
language's `actors.yaml`, organisation and people aliases in the language's
script, and its role titles; (2) longest non-overlapping matches;
(3) titles join the country and the person next to them into one actor
("Menteri Luar Negeri Iran Abbas Araqchi", "Iran's foreign minister"), and an
unknown person after a title keeps the name as written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from dyad.kb import knowledge_base, names_for_script
from dyad.lang import LanguageData, tokens_of
from dyad.lang import load as load_language
from dyad.stages.link import link_person, romanize
from dyad.stages.matcher import Hit, Matcher, Sentence, longest
from dyad.text import capitalised, fold, squash

LATIN_LIKE = {"Latn", "Cyrl"}
TITLE_GAP = 2  # tokens allowed between a title and the country after it ("Minister of Foreign Affairs of Iran")
MAX_GIVEN_NAMES = 3  # capitalised words between a title and a known surname, taken as given names
NAME_GAP = 1  # tokens allowed between a title (+ country) and the person's name
NOUNS_CAPITALISED = {"de", "lb"}  # languages that capitalise every noun
HOME_ROLES = ("Minister", "Spokesperson", "Secretary of the Security Council", "National Security Adviser", "Monarch")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer name denotes."""

    kind: str  # country | capital | organisation | person | role
    code: str | None = None
    kb_id: str | None = None
    name: str | None = None
    role: str | None = None
    sector: str | None = None
    upper: bool = False  # an abbreviation written in capitals (UN, AU): "un", "au" in running text are not it
    cased: bool = False  # a name written with a capital (Pháp): lower-case "pháp" in "biện pháp" is not France
    stem: int = 0  # letters of a title's stem pattern (imam* → 4): a capitalised longer word is a name (İmamoğlu)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor named in a sentence: the words, and who they denote."""

    start: int  # offsets in the sentence
    end: int
    first: int  # token (or character) range, for word-order rules
    last: int
    code: str | None
    kind: str
    text: str
    name: str | None = None
    role: str | None = None
    sector: str | None = None
    kb_id: str | None = None


def _country_entries(lang: LanguageData) -> list[tuple[str, Entry]]:
    kb = knowledge_base()
    script_latin = lang.script == "Latn"
    names: list[tuple[str, Entry]] = []
    for code_lang in dict.fromkeys((lang.code, "en") if script_latin else (lang.code,)):
        names += [(n, Entry("country", code)) for n, code in kb.country_names.get(code_lang, ())]
    for code, variants in lang.countries.items():
        names += [(v, Entry("country", code)) for v in variants]
    for code, capitals in lang.capitals.items():
        names += [(c, Entry("capital", code)) for c in capitals]
    return names


def _organisation_entries(lang: LanguageData) -> list[tuple[str, Entry]]:
    kb = knowledge_base()
    out: list[tuple[str, Entry]] = []
    for org in kb.organisations.values():
        entry = Entry("organisation", org.code, sector=org.sector, name=None)
        aliases = names_for_script(org.aliases, lang.code, lang.script)
        if lang.script == "Latn":
            aliases.append(org.name)
        out += [(a, entry) for a in aliases]
        out += [(a, entry) for a in lang.organisations.get(org.code, ())]
    return out


@lru_cache(maxsize=1)
def _ambiguous_surnames() -> frozenset[str]:
    """One-word aliases that reviewers listed for more than one person. (A surname listed for one
    person only — Guterres — stays; others who merely share it are reached by their full name, and
    within a document a repeated surname goes to the person named in full before.)"""
    owners: dict[str, set[str]] = {}
    for person in knowledge_base().people.values():
        words = {fold(a) for names in person.aliases.values() for a in names if len(a.split()) == 1}
        for word in words:
            owners.setdefault(word, set()).add(person.id)
    return frozenset(word for word, ids in owners.items() if len(ids) > 1)


def _people_entries(lang: LanguageData) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    ambiguous = _ambiguous_surnames()
    for person in knowledge_base().people.values():
        entry = Entry("person", person.country, person.id, person.name)
        names = names_for_script(person.aliases, lang.code, lang.script)
        if lang.script == "Latn":
            names.append(person.name)
        # A surname several people share is resolved only within a document (see `known`).
        out += [(n, entry) for n in names if len(n.split()) > 1 or fold(n) not in ambiguous]
    return out


@lru_cache(maxsize=64)
def actor_matcher(code: str) -> Matcher[Entry]:
    """The gazetteer of one language."""
    lang = load_language(code)
    items = _country_entries(lang) + _organisation_entries(lang) + _people_entries(lang)
    # A one-word name that is also a title word of the language (Uzbek "Raisi", chairman) is no name.
    title_words = {r.pattern[0] for r in lang.roles if len(r.pattern) == 1}
    patterns = []
    for name, entry in items:
        toks = tokens_of(name, code, lang.chars)
        if entry.kind == "person" and len(toks) == 1 and toks[0] in title_words:
            continue
        if toks and not (len(toks) == 1 and len(toks[0]) < 2):
            if lang.script in LATIN_LIKE and len(toks) == 1 and name.isupper() and len(name) <= 5:
                entry = replace(entry, upper=True)
            elif lang.script in LATIN_LIKE and name[:1].isupper() and entry.kind != "role":
                entry = replace(entry, cased=True)
            patterns.append((toks, entry))
    patterns += [(r.pattern, Entry("role", role=r.role, sector=r.sector,
                                   stem=len(r.pattern[-1]) - 1 if r.pattern[-1].endswith("*") else 0))
                 for r in lang.roles]
    return Matcher(lang, patterns)


def find_actors(sentence: Sentence, code: str, known: dict[str, Entry] | None = None) -> list[ActorMention]:
    """The actors a sentence names, titles joined with their country and person.

    `known` maps word forms of people named earlier in the document to them, so that
    "Wong" after "Lawrence Wong" is Lawrence Wong.
    """
    matcher = actor_matcher(code)
    hits = [h for h in matcher.find(sentence) if _plausible(h, sentence, matcher.lang)]
    # People named earlier in the document come first: "Wong" after "Lawrence Wong" is him.
    hits = longest(_known_people(sentence, known or {}, matcher.lang) + hits)
    hits = longest(hits + _honorific_names(sentence, hits, matcher.lang))
    mentions = [_mention(h, sentence) for h in hits]
    joined = _name_before_title(_join_titles(mentions, sentence, matcher.lang), sentence, matcher.lang)
    home = matcher.lang.home_country
    if home is None:
        return joined
    # A minister or ministry with no country named is, in a language written in one country,
    # that country's ("Dışişleri Bakanlığı", "МИД"); other titles (police, president) are not.
    return [replace(m, code=home) if m.code is None and m.kind in {"official", "role"}
            and (m.role or "").startswith(HOME_ROLES) and _home_has(m.role or "", home) else m for m in joined]


@lru_cache(maxsize=256)
def _home_has(role: str, home: str) -> bool:
    """A king named without a country is the home country's only where it has one (a Thai "king"
    is Thailand's; a Chinese or Russian "king" is always another country's)."""
    if role != "Monarch":
        return True
    return any(pos.role == role for p in knowledge_base().people_of.get(home, ()) for pos in p.positions)


def _known_people(sentence: Sentence, known: dict[str, Entry], lang: LanguageData) -> list[Hit[Entry]]:
    """Words that repeat the surname of a person named earlier in the document."""
    if not known or lang.chars:
        return []
    hits: list[Hit[Entry]] = []
    for token in sentence.tokens:
        original = sentence.text[token.start:token.end]
        if lang.script in LATIN_LIKE and not original[:1].isupper():
            continue
        entry = next((known[f] for f in token.forms if f in known), None)
        if entry is not None:
            hits.append(Hit(token.index, token.index, token.start, token.end, entry))
    return hits


MAX_NAME_PARTS = 3


def _honorific_names(sentence: Sentence, hits: list[Hit[Entry]], lang: LanguageData) -> list[Hit[Entry]]:
    """Names after an honorific (Thai นาย, นาง …) in scripts without capitals: up to the next mention."""
    honorifics = [h[0] for h in lang.modifiers.get("honorific", ()) if h]
    if not honorifics or not lang.chars:
        return []
    out: list[Hit[Entry]] = []
    for honorific in honorifics:
        start = sentence.folded.find(honorific)
        while start >= 0:
            begin = start + len(honorific)
            limit = min([h.first for h in hits if h.first >= begin] + [len(sentence.folded)])
            parts = sentence.folded[begin:limit].split(" ")[:MAX_NAME_PARTS]
            name = " ".join(p for p in parts if p).strip()
            if len(name) >= 2:
                end = begin + len(" ".join(parts).rstrip())
                o_start, o_end = sentence.original_span(start, end)
                out.append(Hit(start, end, o_start, o_end, Entry("name", name=sentence.text[
                    sentence.original_span(begin, end)[0]:o_end])))
            start = sentence.folded.find(honorific, begin)
    return out


def _name_before_title(mentions: list[ActorMention], sentence: Sentence, lang: LanguageData) -> list[ActorMention]:
    """A name followed by its title and country ("นายอาลี … เลขาธิการ … ของอิหร่าน") becomes one person."""
    out: list[ActorMention] = []
    for i, m in enumerate(mentions):
        if m.kind != "name":
            out.append(m)
            continue
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        country = following.code if following and following.kind == "official" and \
            _gap(m, following, lang.chars) <= 1 else None
        person = link_person(m.name or "", lang.code, country)
        if person is None and country is None:
            continue
        name = person.name if person else romanize(m.name or "", lang.code).title()
        out.append(ActorMention(m.start, m.end, m.first, m.last, person.country if person else country, "person",
                                m.text, name, None, None, person.id if person else None))
    return _absorb_titles(out, sentence, lang)


def _absorb_titles(mentions: list[ActorMention], sentence: Sentence, lang: LanguageData) -> list[ActorMention]:
    """An official right after a person of the same country describes that person."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "person" and m.kind == "official" and m.code == prev.code and \
                _gap(prev, m, lang.chars) <= 1:
            out[-1] = replace(prev, end=m.end, last=m.last, text=sentence.text[prev.start:m.end],
                              role=prev.role or m.role, sector=prev.sector or m.sector)
            continue
        out.append(m)
    return out


@lru_cache(maxsize=8192)
def folded_names(kb_id: str) -> tuple[str, ...]:
    """Every name of a knowledge-base person, in every script, folded."""
    person = knowledge_base().people.get(kb_id)
    return tuple(n for name in (person.all_names() if person else ()) if (n := fold(name)))


@lru_cache(maxsize=8192)
def name_words(kb_id: str) -> frozenset[str]:
    """The words of every name of a knowledge-base person."""
    return frozenset(w for name in folded_names(kb_id) for w in name.split())


def remember_people(mentions: list[ActorMention], sentence: Sentence, known: dict[str, Entry]) -> None:
    """Add the people a sentence names to the document's `known` surnames."""
    tokens = {t.start: t for t in sentence.tokens}
    for m in mentions:
        if m.kind != "person" or not m.name:
            continue
        entry = Entry("person", m.code, m.kb_id, m.name, m.role, m.sector)
        words = name_words(m.kb_id) if m.kb_id else frozenset(fold(m.name).split())
        # The surname as written here: the last word of the mention that belongs to the name (not the
        # title or country absorbed into it: "Sergey Lavrov, Menteri Luar Negeri Rusia").
        span = [t for t in sentence.tokens if m.start <= t.start and t.end <= m.end]
        named = [t for t in span if not t.forms.isdisjoint(words)]
        if len(span) >= 2 and named and named[-1].start in tokens:
            for form in named[-1].forms:
                known.setdefault(form, entry)
        for word in fold(m.name).split()[-1:]:
            known.setdefault(word, entry)


def _plausible(hit: Hit[Entry], sentence: Sentence, lang: LanguageData) -> bool:
    """Case tells names from words in cased scripts: "yang" (Malay "which") is not Yang, "un" is not the UN."""
    if lang.script not in LATIN_LIKE:
        return True
    text = sentence.text[hit.start:hit.end]
    if hit.value.stem and hit.first == hit.last and hit.start > 0 and text[:1].isupper() \
            and lang.code not in NOUNS_CAPITALISED and len(text) - hit.value.stem >= 3:
        return False
    if hit.value.upper:
        return text.split("'")[0].split("’")[0].isupper()  # ABD'yi
    return not hit.value.cased or capitalised(text)


def _mention(hit: Hit[Entry], sentence: Sentence) -> ActorMention:
    e = hit.value
    return ActorMention(hit.start, hit.end, hit.first, hit.last, e.code, e.kind, sentence.text[hit.start:hit.end],
                        e.name, e.role, e.sector, e.kb_id)


def _gap(a: ActorMention, b: ActorMention, chars: bool) -> int:
    """Tokens (chars languages: characters / 3) between two mentions."""
    if chars:
        return max(0, (b.start - a.end) // 3)
    return max(0, b.first - a.last - 1)


def _join_titles(mentions: list[ActorMention], sentence: Sentence, lang: LanguageData) -> list[ActorMention]:
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.kind != "role":
            out.append(m)
            i += 1
            continue
        joined = m
        j = i + 1
        # A title takes the country or organisation right before it ("Iran's foreign minister",
        # "Pakistani police"), else the nearest one after it ("Menteri Luar Negeri Iran").
        if out and out[-1].kind in {"country", "organisation"} and _gap(out[-1], m, lang.chars) == 0:
            joined = _merge(out.pop(), joined, sentence)
        elif j < len(mentions) and mentions[j].kind in {"country", "organisation", "capital"} and \
                _gap(m, mentions[j], lang.chars) <= TITLE_GAP:
            # "Secretary of the National Security Council of Belarus": the body is national, not the UN's.
            after = mentions[j + 1] if j + 1 < len(mentions) else None
            if mentions[j].kind == "organisation" and after is not None and after.kind in {"country", "capital"} \
                    and _gap(mentions[j], after, lang.chars) <= 2:
                j += 1
            joined = _merge(joined, mentions[j], sentence)
            j += 1
        if j < len(mentions) and mentions[j].kind == "person" and (
                _gap(joined, mentions[j], lang.chars) <= NAME_GAP
                or _given_names_between(joined, mentions[j], sentence, lang)):
            person = mentions[j]
            if joined.code is None or joined.code == person.code:
                joined = _merge(joined, person, sentence)
                j += 1
        elif joined.kind in {"role", "official"} and joined.name is None:
            joined = _unknown_person(joined, sentence, lang, mentions[j] if j < len(mentions) else None)
        out.append(joined)
        i = j
    return out


def _given_names_between(title: ActorMention, person: ActorMention, sentence: Sentence, lang: LanguageData) -> bool:
    """True when only capitalised words stand between a title and a known person: given names the
    knowledge base does not list ("Supreme Leader Ali Hosseini Khamenei")."""
    if lang.script not in LATIN_LIKE or lang.chars or not 0 < person.first - title.last - 1 <= MAX_GIVEN_NAMES:
        return False
    between = sentence.tokens[title.last + 1:person.first]
    return all(sentence.text[t.start:t.end][:1].isupper() for t in between)


def _merge(a: ActorMention, b: ActorMention, sentence: Sentence) -> ActorMention:
    """One actor from a title and the country or person next to it."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    role = a.role or b.role
    person = a if a.kind == "person" else b if b.kind == "person" else None
    code = person.code if person else (a.code or b.code)
    return ActorMention(
        first.start, second.end, first.first, second.last, code,
        "person" if person else "official", sentence.text[first.start:second.end],
        person.name if person else None, role, a.sector if a.kind == "role" else b.sector or a.sector,
        person.kb_id if person else None,
    )


def _unknown_person(title: ActorMention, sentence: Sentence, lang: LanguageData,
                    following: ActorMention | None) -> ActorMention:
    """The person named right after a title: linked to the knowledge base when it can be, else kept as written."""
    if lang.script not in LATIN_LIKE or lang.chars:
        official = title if title.kind != "role" else replace(title, kind="official")
        return _linked_after(official, sentence, lang) or official
    tokens = sentence.tokens
    limit = min(following.first if following else len(tokens), len(tokens))
    k = _apposition_start(title, sentence, limit)
    names: list[int] = []
    while k < limit and len(names) < 4:
        original = sentence.text[tokens[k].start:tokens[k].end]
        if not original[:1].isupper():
            break
        names.append(k)
        k += 1
    if len(names) < 2 and not (names and lang.segmentation == "spaces" and _lone_surname(names[0], title, sentence)):
        return _linked_after(title, sentence, lang) or replace(title, kind="official")
    end = tokens[names[-1]].end
    name = squash(sentence.text[tokens[names[0]].start:end])
    person = link_person(name, lang.code, title.code)
    if person is not None:
        return ActorMention(title.start, end, title.first, names[-1], person.country, "person",
                            sentence.text[title.start:end], person.name, title.role, title.sector, person.id)
    return ActorMention(title.start, end, title.first, names[-1], title.code, "person",
                        sentence.text[title.start:end], romanize(name, lang.code).title() if lang.script != "Latn"
                        else name, title.role, title.sector, None)


def _apposition_start(title: ActorMention, sentence: Sentence, limit: int) -> int:
    """Where the name after a title starts: right after it, or after its place and a comma ("Le maire
    d'Istanbul, Ekrem Imamoglu", "the governor of Kherson, Oleksandr Prokudin")."""
    tokens, k = sentence.tokens, title.last + 1

    def word(i: int) -> str:
        return sentence.text[tokens[i].start:tokens[i].end]

    def comma_after(i: int) -> bool:
        return i + 1 < limit and sentence.text[tokens[i].end:tokens[i + 1].start].strip() == ","

    if k < limit and ("'" in word(k) or "\u2019" in word(k)) and capitalised(word(k)) and comma_after(k):
        return k + 1  # "d'Istanbul,"
    if k + 1 < limit and word(k).islower() and capitalised(word(k + 1)) and comma_after(k + 1):
        return k + 2  # "of Kherson,"
    return k


def _lone_surname(index: int, title: ActorMention, sentence: Sentence) -> bool:
    """One capitalised word right after a title, followed by no other capitalised word, is a surname
    ("der Istanbuler Bürgermeister Imamoglu festgenommen"). Not where
    spaces part syllables (vi "Đảng Cộng sản": one syllable is never a whole name)."""
    tokens = sentence.tokens
    if index != title.last + 1:
        return False
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    return len(tokens[index].text) >= 3 and (nxt is None or not sentence.text[nxt.start:nxt.end][:1].isupper())


def _linked_after(title: ActorMention, sentence: Sentence, lang: LanguageData) -> ActorMention | None:
    """In scripts without capitals, the words after a title that name a known person of its country."""
    if title.code is None or lang.script in LATIN_LIKE or lang.chars:
        return None
    tokens = sentence.tokens
    for width in (3, 2, 1):
        last = title.last + width
        if last >= len(tokens):
            continue
        span = sentence.text[tokens[title.last + 1].start:tokens[last].end]
        person = link_person(span, lang.code, title.code)
        if person is not None:
            return ActorMention(title.start, tokens[last].end, title.first, last, person.country, "person",
                                sentence.text[title.start:tokens[last].end], person.name, title.role,
                                title.sector, person.id)
    return None
