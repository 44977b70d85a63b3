"""The knowledge base at run time: countries, organisations, people (dated), places.

Loads the generated tables of `kb/data/` (see docs/KB.md and
scripts/build_kb.py); nothing is fetched at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from dyad.text import char_script


@dataclass(frozen=True, slots=True)
class Position:
    """An office a person held, with its dates (ISO, possibly partial; end None = current)."""

    role: str
    sector: str
    start: str | None
    end: str | None
    title: str | None = None
    acting: bool = False

    def covers(self, date: str | None) -> bool:
        """True when the office was held on `date` (a partial ISO date; None means today)."""
        if date is None:
            return self.end is None
        start = (self.start or "0000")[: len(date)]
        end = (self.end or "9999")[: len(date)]
        return start <= date <= end


@dataclass(frozen=True, slots=True)
class Person:
    """A political figure with names in several scripts and dated offices."""

    id: str
    name: str
    country: str
    aliases: dict[str, tuple[str, ...]]
    positions: tuple[Position, ...]
    qid: str | None = None

    def all_names(self) -> list[str]:
        """The canonical name and every alias."""
        return [self.name, *(a for names in self.aliases.values() for a in names)]

    def role_on(self, date: str | None) -> Position | None:
        """The office held on `date`, else the most recent one."""
        for position in self.positions:
            if position.covers(date):
                return position
        return self.positions[-1] if self.positions else None


@dataclass(frozen=True, slots=True)
class Organisation:
    """An international organisation or a non-state group."""

    code: str
    name: str
    kind: str
    sector: str
    country: str | None
    aliases: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory dyad codes as a country."""

    code: str
    iso2: str
    name: str
    capital: str


@dataclass(frozen=True, slots=True)
class Place:
    """A city of the gazetteer."""

    geonames_id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    names: tuple[str, ...]


def _data(name: str) -> str:
    return resources.files("dyad.kb").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name).splitlines()[1:] if line]


class KnowledgeBase:
    """Everything dyad knows about actors and places, loaded lazily."""

    @cached_property
    def countries(self) -> dict[str, Country]:
        """Countries by ISO3 code."""
        return {r[0]: Country(r[0], r[1], r[2], r[3]) for r in _rows("countries.tsv")}

    @cached_property
    def country_names(self) -> dict[str, list[tuple[str, str]]]:
        """CLDR names per language: lang → [(name, iso3)]."""
        table: dict[str, list[tuple[str, str]]] = {}
        for iso3, lang, name in _rows("country_names.tsv"):
            table.setdefault(lang, []).append((name, iso3))
        return table

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        """Organisations by code."""
        out = {}
        for line in _data("organisations.jsonl").splitlines():
            if line.strip():
                d = json.loads(line)
                out[d["code"]] = Organisation(d["code"], d["name"], d["kind"], d["sector"], d.get("country"),
                                              {k: tuple(v) for k, v in d["aliases"].items()})
        return out

    @cached_property
    def people(self) -> dict[str, Person]:
        """People by knowledge-base id."""
        out = {}
        for line in _data("people.jsonl").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            positions = tuple(Position(p["role"], p["sector"], p["start"], p["end"], p.get("title"),
                                       bool(p.get("acting"))) for p in d["positions"])
            out[d["id"]] = Person(d["id"], d["name"], d["country"], {k: tuple(v) for k, v in d["aliases"].items()},
                                  positions, d.get("qid"))
        return out

    @cached_property
    def places(self) -> list[Place]:
        """Cities, most populous first."""
        return [Place(int(r[0]), r[1], r[2], float(r[3]), float(r[4]), int(r[5]), tuple(r[6].split("|")))
                for r in _rows("places.tsv")]

    @cached_property
    def people_of(self) -> dict[str, list[Person]]:
        """People by country (or organisation) code."""
        table: dict[str, list[Person]] = {}
        for person in self.people.values():
            table.setdefault(person.country, []).append(person)
        return table

    def holders(self, role: str, country: str, date: str | None) -> list[Person]:
        """People who held `role` for `country` on `date` (partial ISO; None = now)."""
        return [p for p in self.people_of.get(country, ()) if any(pos.role == role and pos.covers(date)
                                                                 for pos in p.positions)]

    def code_name(self, code: str) -> str:
        """A readable English name for an actor code."""
        if code in self.countries:
            return self.countries[code].name
        if code in self.organisations:
            return self.organisations[code].name
        return code


SCRIPTS_READ = {"Jpan": {"Jpan", "Hani"}}  # Japanese text writes names in kanji as well as kana


def names_for_script(aliases: dict[str, tuple[str, ...]], lang: str, script: str) -> list[str]:
    """The aliases a text in `lang` written in `script` may use."""
    readable = SCRIPTS_READ.get(script, {script})
    out: list[str] = []
    for key, names in aliases.items():
        if key == lang or (key == "latn" and script == "Latn"):
            out.extend(names)
        elif key != "latn":
            out.extend(n for n in names if n and script_of(n) in readable)
    return out


def script_of(name: str) -> str | None:
    """The script of the first letter of a name."""
    for ch in name:
        code = char_script(ch)
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The shared knowledge base."""
    return KnowledgeBase()
