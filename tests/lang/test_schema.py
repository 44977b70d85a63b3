"""Every language folder passes the schema of docs/LANGUAGE_DATA.md."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from dyad.lang import CUE_KINDS, FILES, available, load
from dyad.plover import ontology
from dyad.records import NOISE_REASONS, PLOVER_TYPES

LANGUAGES = available()
REQUIRED_LANGUAGES = {"en", "id", "ms", "th", "vi", "ru", "uk", "be", "fa", "ar", "tr", "zh", "ja", "ko", "fr", "de",
                      "es", "pt", "it", "hi", "bn", "ur", "kk", "uz"}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY", "JRN", "BUS", "IGO", "NGO", "PRM", "UAF",
           "UNK", "AGR", "CRM", "CVL", "EDU", "ELI", "LAB", "MED", "REF", "PRE", "REL", "SOC", "MNC"}
CODE = re.compile(r"^[A-Z]{3}$|^[A-Z][A-Z0-9_]+$")


def _read(code: str, name: str) -> Any:
    path = resources.files("dyad.lang").joinpath(code, name)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def test_all_required_languages_present() -> None:
    """The 24 languages dyad claims each have a folder."""
    assert set(LANGUAGES) >= REQUIRED_LANGUAGES, sorted(REQUIRED_LANGUAGES - set(LANGUAGES))


@pytest.mark.parametrize("code", LANGUAGES)
def test_files_and_language_config(code: str) -> None:
    """Each folder has the six files and a valid language.yaml."""
    for name in FILES:
        assert _read(code, name) is not None, f"lang/{code}/{name} missing or empty"
    config = _read(code, "language.yaml")
    assert config["code"] == code
    assert config["word_order"] in {"SVO", "SOV", "VSO", "V2"}
    assert config["segmentation"] in {"spaces", "syllables", "chars"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_triggers(code: str) -> None:
    """Triggers name PLOVER types and modes that exist, with patterns."""
    modes = {t: set((entry.get("modes") or {}).keys()) for t, entry in ontology().items()}
    for item in _read(code, "triggers.yaml"):
        assert item["type"] in PLOVER_TYPES, item
        assert item.get("patterns"), item
        mode = item.get("mode")
        assert mode is None or mode in modes[item["type"]] or item["type"] == "CONSULT", (code, item["type"], mode)
    assert len(load(code).triggers) >= 60, f"lang/{code} has too few trigger patterns"


@pytest.mark.parametrize("code", LANGUAGES)
def test_cues_roles_noise_actors(code: str) -> None:
    """Cues use the known kinds, roles known sectors, noise known reasons and valid regexes, actors valid codes."""
    cues = _read(code, "cues.yaml")
    assert set(cues) <= set(CUE_KINDS), set(cues) - set(CUE_KINDS)
    assert cues.get("negation") and cues.get("future")
    roles = _read(code, "roles.yaml")
    for item in roles["roles"] if isinstance(roles, dict) else roles:
        assert item["sector"] in SECTORS, (code, item)
    for item in _read(code, "noise.yaml"):
        assert item["reason"] in NOISE_REASONS, (code, item["reason"])
        for pattern in item["patterns"]:
            re.compile(pattern)
    actors = _read(code, "actors.yaml")
    for table in ("countries", "capitals", "organisations"):
        for key in (actors.get(table) or {}):
            assert CODE.match(str(key)), (code, table, key)
    load(code)  # the loader accepts it
