"""Derived organisation table and the placement of Dutch organisations on the map.

Runs after every import, inside the import's transaction.

Organisation attributes
    Each PIC gets the name and address of its best source record: the official CORDIS
    organisation file first, then the 2017 H2020 organisation table, then the FP7 table
    (within a source, the newest import). The activity type is the one the PIC has most
    often in its participations. A PIC no source names stays in every count and network,
    labelled ``PIC <number>``.

Placement rule (Dutch organisations, ``country = 'NL'``), first match wins
    1. the city equals a CBS municipality name (2015 names, which carry COROP and
       province; then 2023 names), after normalising case, accents, punctuation, a
       trailing province tag (``EDE GLD``) and known aliases (``DEN HAAG``/``THE HAGUE``
       -> 's-Gravenhage, ``DEN BOSCH`` -> 's-Hertogenbosch);
    2. the city is a place name that ROR/GeoNames puts in a municipality (``BILTHOVEN``
       -> De Bilt);
    3. the 4-digit postcode area: the municipality most organisations placed by rules 1-2
       with the same PC4 are in;
    4. the first word of the city is a municipality (``AMSTERDAM ZUIDOOST``);
    5. the NUTS-3 code (current CORDIS layout) gives the COROP region and province only.
    A municipality gives COROP region and province through the CBS 2015 classification;
    it is a knowledge city when it is one of the thirteen municipalities in
    :data:`innovatlas.model.ecosystem.KNOWLEDGE_CITIES`.
"""

from __future__ import annotations

from innovatlas.store import Workspace
from innovatlas.store.queries import organisations as Q
# the place-name and text fragments live with the queries; re-exported here (callers import them from this module)
from innovatlas.store.queries.organisations import (PLACE_ALIASES, _alias_values, _canon, actor_type_sql,  # noqa: F401
                                                    clean_text_sql, norm_place_sql)

__all__ = ["derive_all", "derive_organisations", "locate_organisations", "PLACE_ALIASES", "norm_place_sql",
           "actor_type_sql", "clean_text_sql"]


def derive_organisations(ws: Workspace) -> None:
    ws.execute(Q.DELETE_ORGANISATIONS)
    # two keyed sets (one row per PIC) in one join, so the derivation stays under the import's memory limit (issue 20)
    ws.execute(Q.DERIVE_ORGANISATIONS)


def locate_organisations(ws: Workspace) -> None:
    ws.execute(Q.DELETE_LOCATIONS)
    ws.execute(Q.LOCATE_ORGANISATIONS)


def derive_all(ws: Workspace) -> None:
    """Rebuild the derived tables (call inside the import transaction).

    Runs under a DuckDB memory limit (:data:`innovatlas.store.load.DERIVE_MEMORY_LIMIT`):
    what exceeds it goes to disk, so the derivation stays flat in memory as the data grows (issue 20).
    """
    from innovatlas.registry import build_registry  # organisation registry and its ROR matches (issue 14)
    from innovatlas.store import load

    with load.bounded_memory(ws, load.DERIVE_MEMORY_LIMIT):
        derive_organisations(ws)
        locate_organisations(ws)
        build_registry(ws)
