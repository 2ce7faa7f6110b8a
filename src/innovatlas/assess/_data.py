"""Shared evidence queries of the decision tools (set-based, over the participation table)."""

from __future__ import annotations

from typing import Any

from innovatlas.errors import InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["organisation", "partners_by_pic", "EU27", "PARTNER_TYPE_SQL"]

#: CORDIS activity type and SME flag -> portfolio partner type (the SQL fragment lives in the relational layer)
PARTNER_TYPE_SQL = Q.PARTNER_TYPE_SQL

#: EU member states today (CORDIS codes as ISO): the UK left in 2020.
EU27 = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")


def organisation(ws: Workspace, pic: int, field: str) -> dict[str, Any]:
    rows = ws.dicts(Q.ORGANISATION(pic))
    if not rows:
        raise InputError(f"no organisation with PIC {pic} in the workspace", field=field,
                         hint="look the PIC up with 'innovatlas serve' (search) or in CORDIS")
    return rows[0]


def partners_by_pic(ws: Workspace, pics: list[int], before_year: int | None = None) -> list[dict[str, Any]]:
    """One row per distinct partner: type, country, joint projects, first and last start year, and (with
    ``before_year``) whether it collaborated before that year and from that year on."""
    return ws.dicts(Q.PARTNERS_BY_PIC(before_year, before_year, pics, pics))
