"""Per-language data: one folder per ISO 639-1 code, loaded and validated here.

The files and their schema are described in docs/LANGUAGE_DATA.md. Patterns
are folded once at load time with `dyad.text.fold`, the same way text is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

try:  # the C loader reads the lexicons several times faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

from dyad.errors import DataError
from dyad.records import NOISE_REASONS, PLOVER_TYPES
from dyad.text import fold, word_spans

FILES = ("language.yaml", "triggers.yaml", "cues.yaml", "roles.yaml", "noise.yaml", "actors.yaml")
CUE_KINDS = ("future", "negation", "hypothetical", "obligation", "background", "reciprocal", "speech",
             "complementizer", "conjunction", "frame", "frame_post", "relative", "agent", "agent_post", "between",
             "between_post")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A pattern that reports an event of one PLOVER type."""

    type: str
    pattern: tuple[str, ...]  # folded tokens; a trailing * marks a prefix
    text: str  # the pattern as written
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    symmetric: bool = False
    passive: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word of one kind (future, negation, frame …: CUE_KINDS)."""

    kind: str


@dataclass(frozen=True, slots=True)
class RoleTitle:
    """A title of an official: the role and sector it denotes."""

    role: str
    sector: str
    pattern: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """A regular expression that marks a line as boilerplate."""

    reason: str
    regex: re.Pattern[str]
    starts_list: bool = False  # the lines after it are a list of other articles


@dataclass(frozen=True, slots=True)
class LanguageData:
    """Everything dyad knows about reading one language."""

    code: str
    name: str = ""
    script: str = "Latn"
    word_order: str = "SVO"
    segmentation: str = "spaces"
    strip_prefixes: tuple[str, ...] = ()
    strip_suffixes: tuple[str, ...] = ()
    name_suffixes: tuple[str, ...] = ()
    home_country: str | None = None  # whose institutions an unqualified title means ("the foreign ministry")
    target_markers: tuple[str, ...] = ()  # words right before the target of a verb that follows (zh 对, ja に対し)
    triggers: tuple[Trigger, ...] = ()
    cues: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    roles: tuple[RoleTitle, ...] = ()
    modifiers: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    noise: tuple[NoiseRule, ...] = ()
    countries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    organisations: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def chars(self) -> bool:
        """True for languages written without spaces between words (substring matching)."""
        return self.segmentation == "chars"


def available() -> list[str]:
    """Codes of every language with a folder (the universal `xx` excluded)."""
    root = resources.files("dyad.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2 and p.name != "xx")


def _read(code: str, name: str) -> Any:
    path = resources.files("dyad.lang").joinpath(code, name)
    if not path.is_file():
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise DataError(f"lang/{code}/{name} is not valid YAML ({exc}); fix the file") from exc


def tokens_of(pattern: str, code: str, chars: bool) -> tuple[str, ...]:
    """A pattern as folded tokens (one token holding the whole substring for chars languages)."""
    folded = fold(str(pattern), code).strip()
    if chars:
        return (folded.replace(" ", ""),) if folded else ()
    out: list[str] = []
    for piece in folded.split():
        out.extend(["_"] if piece == "_" else (tok for _, _, tok in word_spans(piece)))
    return tuple(out)


@lru_cache(maxsize=64)
def load(code: str) -> LanguageData:
    """The language data of `code`; an unknown code yields only the universal noise rules."""
    config = _read(code, "language.yaml") or {}
    chars = config.get("segmentation") == "chars"
    noise = _noise(code) + (_noise("xx") if code != "xx" else ())
    roles_raw = _read(code, "roles.yaml") or {}
    role_items = roles_raw.get("roles", []) if isinstance(roles_raw, dict) else roles_raw
    modifiers_raw = roles_raw.get("modifiers", {}) if isinstance(roles_raw, dict) else {}
    cues_raw = _read(code, "cues.yaml") or {}
    actors = _read(code, "actors.yaml") or {}
    return LanguageData(
        code=code,
        name=str(config.get("name", code)),
        script=str(config.get("script", "Latn")),
        word_order=str(config.get("word_order", "SVO")),
        segmentation=str(config.get("segmentation", "spaces")),
        strip_prefixes=tuple(fold(p, code) for p in config.get("strip_prefixes") or ()),
        strip_suffixes=tuple(fold(p, code) for p in config.get("strip_suffixes") or ()),
        name_suffixes=tuple(fold(p, code) for p in config.get("name_suffixes") or ()),
        home_country=config.get("home_country"),
        target_markers=tuple(fold(m, code) for m in config.get("target_markers") or ()),
        triggers=_triggers(code, chars),
        cues={kind: _patterns(cues_raw.get(kind) or (), code, chars) for kind in CUE_KINDS},
        roles=tuple(
            RoleTitle(str(item["role"]), str(item.get("sector") or "GOV"), toks, str(p))
            for item in role_items if isinstance(item, dict)
            for p in item.get("patterns") or ()
            if (toks := tokens_of(p, code, chars))
        ),
        modifiers={str(k): _patterns(v or (), code, chars) for k, v in (modifiers_raw or {}).items()},
        noise=noise,
        countries=_names(actors.get("countries")),
        capitals=_names(actors.get("capitals")),
        organisations=_names(actors.get("organisations")),
    )


def _patterns(items: Any, code: str, chars: bool) -> tuple[tuple[str, ...], ...]:
    return tuple(toks for p in items if (toks := tokens_of(str(p), code, chars)))


def _names(table: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        return {}
    return {str(key): tuple(str(v) for v in (values or ()) if v) for key, values in table.items()}


def _triggers(code: str, chars: bool) -> tuple[Trigger, ...]:
    out: list[Trigger] = []
    for item in _read(code, "triggers.yaml") or ():
        if not isinstance(item, dict) or item.get("type") not in PLOVER_TYPES:
            raise DataError(f"lang/{code}/triggers.yaml: entry {item!r} lacks a PLOVER type; see docs/LANGUAGE_DATA.md")
        for pattern in item.get("patterns") or ():
            toks = tokens_of(str(pattern), code, chars)
            if toks:
                out.append(Trigger(
                    type=str(item["type"]), pattern=toks, text=str(pattern), mode=item.get("mode"),
                    contexts=tuple(item.get("context") or ()), symmetric=bool(item.get("symmetric")),
                    passive=bool(item.get("passive")),
                ))
    return tuple(out)


def _noise(code: str) -> tuple[NoiseRule, ...]:
    rules: list[NoiseRule] = []
    for item in _read(code, "noise.yaml") or ():
        reason = item.get("reason")
        if reason not in NOISE_REASONS:
            raise DataError(f"lang/{code}/noise.yaml: unknown reason {reason!r}; use one of {NOISE_REASONS}")
        for pattern in item.get("patterns") or ():
            try:
                regex = re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise DataError(f"lang/{code}/noise.yaml: bad regex {pattern!r} ({exc})") from exc
            rules.append(NoiseRule(str(reason), regex, bool(item.get("starts_list"))))
    return tuple(rules)
