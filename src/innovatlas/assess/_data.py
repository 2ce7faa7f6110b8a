"""Shared evidence queries of the decision tools (set-based, over the participation table)."""

from __future__ import annotations

from typing import Any

from innovatlas.errors import InputError
from innovatlas.store import Workspace

__all__ = ["organisation", "partner_rows", "EU27"]

#: EU member states today (CORDIS codes as ISO): the UK left in 2020.
EU27 = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")


def organisation(ws: Workspace, pic: int, field: str) -> dict[str, Any]:
    rows = ws.dicts("""SELECT o.*, l.municipality, l.province_code, l.province FROM organisation o
                       LEFT JOIN org_location l USING (pic) WHERE o.pic = ?""", [pic])
    if not rows:
        raise InputError(f"no organisation with PIC {pic} in the workspace", field=field,
                         hint="look the PIC up with 'innovatlas serve' (search) or in CORDIS")
    return rows[0]


def partner_rows(ws: Workspace, pics: list[int]) -> list[dict[str, Any]]:
    """One row per (partner, project start year) of the given organisations' projects."""
    return ws.dicts("""
        SELECT q.pic, o.label, o.activity_type, o.sme, o.actor_type, q.country, l.province_code, pr.start_year,
               count(DISTINCT q.project_key) AS projects, coalesce(sum(q.ec_contribution), 0) AS ec
        FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
        JOIN project pr ON pr.project_key = p.project_key JOIN organisation o ON o.pic = q.pic
        LEFT JOIN org_location l ON l.pic = q.pic
        WHERE p.pic IN (SELECT unnest(CAST(? AS BIGINT[]))) AND q.pic NOT IN (SELECT unnest(CAST(? AS BIGINT[])))
        GROUP BY ALL ORDER BY projects DESC, q.pic""", [pics, pics])
