"""The PLOVER ontology as data: quad class, CAMEO root, intensity; and PLOVER JSON records."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyad.records import Actor, Event


@lru_cache(maxsize=1)
def ontology() -> dict[str, dict[str, Any]]:
    """PLOVER types with quad, cameo root, base intensity and mode intensities."""
    text = resources.files("dyad.ontology").joinpath("plover.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return data


def intensity(event_type: str, mode: str | None) -> float | None:
    """PLOVER intensity of a type, refined by its mode when the mode has its own."""
    entry = ontology().get(event_type)
    if entry is None:
        return None
    modes = entry.get("modes") or {}
    return float(modes.get(mode, entry["intensity"]))


def cameo_root(event_type: str) -> str | None:
    """The CAMEO root code a PLOVER type comes from."""
    entry = ontology().get(event_type)
    return str(entry["cameo"]) if entry else None


def quad(event_type: str) -> int | None:
    """Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    entry = ontology().get(event_type)
    return int(entry["quad"]) if entry else None


def _entity(actor: Actor) -> dict[str, Any]:
    return {"code": actor.code, "sector": actor.sector, "entity_text": actor.text,
            "identifier_id": actor.qid, "identifier_text": actor.name, "office": actor.role}


def plover_record(event: Event) -> dict[str, Any]:
    """An event in PLOVER's JSON shape: actor and recipient lists, event_loc, text_info, cite_info."""
    actors = [event.source]
    recipients = [event.target] if event.target else []
    if event.symmetric and event.target:
        actors, recipients = [event.source, event.target], []
    ev = event.evidence[0] if event.evidence else None
    loc = event.location
    return {
        "id": event.id,
        "date": event.date,
        "event": event.type,
        "mode": [event.mode] if event.mode else [],
        "context": list(event.contexts),
        "actor": [_entity(a) for a in actors],
        "recipient": [_entity(r) for r in recipients],
        "event_loc": {"extracted_place": loc.text, "resolved_place": loc.name, "geonameid": loc.geonames_id,
                      "lat": loc.lat, "lon": loc.lon, "country_code": loc.country} if loc else None,
        "event_text": ev.trigger if ev else None,
        "quad_code": event.quad,
        "event_scale": event.intensity,
        "has_event": True,
        "text": ev.sentence if ev else None,
        "text_info": {"start": ev.start, "end": ev.end} if ev else None,
        "cite_info": {"corpus": event.doc_id, "coder": event.backend, "version": event.backend_version},
        "comment": "main" if event.main else "background",
    }
