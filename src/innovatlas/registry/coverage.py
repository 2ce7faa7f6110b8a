"""Naming and placing Dutch participants through the registry, and what each source added.

:func:`place_from_registry` places a Dutch organisation that the address rules of
:mod:`innovatlas.organisations` could not place, when it is linked to a ROR record whose GeoNames
municipality is a CBS municipality (method ``ROR record (registry match)``). :func:`registry_coverage`
reports, for the Dutch organisations that take part in projects, by organisations and by
participations: which source names them, how they were placed, and how many the registry links to
ROR. Organisations no source names stay in every count as ``PIC <n>`` and are reported as not
named: none of the tables in the workspace holds them.
"""

from __future__ import annotations

from innovatlas.store import Workspace
from innovatlas.store.queries import registry as Q

__all__ = ["place_from_registry", "registry_coverage", "REGISTRY_PLACEMENT"]

REGISTRY_PLACEMENT = "ROR record (registry match)"


def place_from_registry(ws: Workspace) -> int:
    """Place unplaced Dutch PICs through their matched ROR record (inside the caller's transaction)."""
    ws.execute(Q.placement_temp())
    n = ws.scalar(Q.COUNT_PLACEMENTS)
    if n:
        ws.execute(Q.apply_placement(REGISTRY_PLACEMENT))
    ws.execute(Q.drop_table("_rplace"))
    return int(n or 0)


def registry_coverage(ws: Workspace) -> dict:
    """Dutch participants named, placed and linked to ROR, by organisations and by participations."""
    total = ws.dicts(Q.COVERAGE_TOTAL)[0]
    named = ws.dicts(Q.COVERAGE_NAMED)
    placed = ws.dicts(Q.COVERAGE_PLACED)
    linked = ws.dicts(Q.COVERAGE_LINKED)[0]
    merged = ws.scalar(Q.COVERAGE_REGISTERED)
    named_n = sum(r["organisations"] for r in named if r["named_by"] != "not named by any source")
    named_p = sum(r["participations"] for r in named if r["named_by"] != "not named by any source")
    placed_n = sum(r["organisations"] for r in placed if r["placed_by"] != "not placed")
    placed_p = sum(r["participations"] for r in placed if r["placed_by"] != "not placed")
    share = lambda a, b: a / b if b else None  # noqa: E731
    units = ws.dicts(Q.COVERAGE_BY_REGISTERED)[0]
    reg_p = next((r["participations"] for r in placed if r["placed_by"] == REGISTRY_PLACEMENT), 0)
    reg_n = next((r["organisations"] for r in placed if r["placed_by"] == REGISTRY_PLACEMENT), 0)
    tot_n, tot_p = total["organisations"], total["participations"]
    # before resolution: PICs as CORDIS gives them, placed by the address rules alone; after: the registry's
    # organisations (PICs of one organisation joined), placed also through their matched ROR record
    before_after = {
        "before": {"unit": "pic", "organisations": tot_n, "participations": tot_p,
                   "named_organisations": named_n, "named_participations": named_p,
                   "placed_organisations": placed_n - reg_n, "placed_participations": placed_p - reg_p},
        "after": {"unit": "organisation", "organisations": units["organisations"], "participations": tot_p,
                  "named_organisations": units["named"], "named_participations": named_p,
                  "placed_organisations": units["placed"], "placed_participations": placed_p,
                  "linked_to_ror_organisations": units["linked_to_ror"],
                  "linked_to_ror_participations": linked["participations"]},
    }
    for side in before_after.values():
        for what in ("named", "placed"):
            side[f"share_{what}_organisations"] = share(side[f"{what}_organisations"], side["organisations"])
            side[f"share_{what}_participations"] = share(side[f"{what}_participations"], side["participations"])
    return {
        "before_after": before_after,
        "dutch_organisations": total["organisations"], "participations": total["participations"],
        "named": {"organisations": named_n, "participations": named_p,
                  "share_organisations": share(named_n, total["organisations"]),
                  "share_participations": share(named_p, total["participations"]), "by_source": named},
        "placed": {"organisations": placed_n, "participations": placed_p,
                   "share_organisations": share(placed_n, total["organisations"]),
                   "share_participations": share(placed_p, total["participations"]), "by_method": placed,
                   "by_registry": next((r["organisations"] for r in placed if r["placed_by"] == REGISTRY_PLACEMENT), 0)},
        "linked_to_ror": linked,
        "registered_organisations": merged,
        "note": "organisations 'not named by any source' take part under a PIC that none of the imported organisation "
                "tables lists; the official CORDIS organization.csv names them",
    }
