"""Shared evidence queries of the decision tools (set-based, over the participation table)."""

from __future__ import annotations

from typing import Any

from innovatlas.errors import InputError
from innovatlas.store import Workspace

__all__ = ["organisation", "partners_by_pic", "EU27", "PARTNER_TYPE_SQL"]

#: CORDIS activity type and SME flag -> portfolio partner type (see innovatlas.assess.portfolio.partner_type)
PARTNER_TYPE_SQL = """CASE o.activity_type WHEN 'HES' THEN 'university' WHEN 'REC' THEN 'research_organisation'
    WHEN 'PRC' THEN (CASE WHEN o.sme THEN 'sme' WHEN NOT o.sme THEN 'large_firm' ELSE 'firm_unknown_size' END)
    WHEN 'PUB' THEN 'public_body' ELSE 'other' END"""

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


def partners_by_pic(ws: Workspace, pics: list[int], before_year: int | None = None) -> list[dict[str, Any]]:
    """One row per distinct partner: type, country, joint projects, first and last start year, and (with
    ``before_year``) whether it collaborated before that year and from that year on."""
    return ws.dicts(f"""
        SELECT q.pic, any_value(o.label) AS label, any_value(o.activity_type) AS activity_type, any_value(o.sme) AS sme,
               any_value({PARTNER_TYPE_SQL}) AS type, any_value(q.country) AS country,
               count(DISTINCT q.project_key) AS projects, min(pr.start_year) AS first_year, max(pr.start_year) AS last_year,
               bool_or(pr.start_year < ?) AS before, bool_or(pr.start_year >= ?) AS during
        FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
        JOIN project pr ON pr.project_key = p.project_key JOIN organisation o ON o.pic = q.pic
        WHERE p.pic IN (SELECT unnest(CAST(? AS BIGINT[]))) AND q.pic NOT IN (SELECT unnest(CAST(? AS BIGINT[])))
        GROUP BY q.pic ORDER BY projects DESC, q.pic""", [before_year, before_year, pics, pics])
