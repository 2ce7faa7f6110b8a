"""The unit every analysis counts (issue 14): a PIC, a registered organisation, or its ROR parent.

``innovatlas analyse --unit organisation`` (the default) counts per *registered organisation*: the
PICs that the registry joins into one organisation (the same ROR record, a shared VAT number, an
accepted review decision) are one member, one network node and one organisation in every count.
``--unit parent`` rolls registered organisations up to their top ROR parent (a faculty or
institute to its university, NWO-I or KNAW institutes to NWO-I or KNAW); ``--unit pic`` counts
CORDIS participant codes as they are.

What changes and what does not:

* participations, projects and EC contributions are the same under every unit (the same
  in-scope participations, grouped differently);
* organisations (#29), members, collaboration pairs (#18, two PICs of one organisation are no
  pair), network nodes and links, and the reference population of #37 are counted in units;
* selection stays per PIC (a place, type or list filter selects PICs); an ecosystem's members
  are the units of the selected PICs, and its scope holds every participation of a member unit
  in one of the ecosystem's projects (so a unit selected in Delft brings the participations of
  its other PICs in the same projects).

Each unit is represented by its PIC with the most participations (``analysis_unit.unit``), so
pages, links and downloads keep working with PICs; the unit's name is the registry's
(``analysis_unit.unit_name``). The unit is stored with the analysis (``meta``), named in every
indicator's method, in :func:`innovatlas.analysis.summary` (``unit``), the API and the pages.
"""

from __future__ import annotations

from innovatlas.errors import WorkspaceError
from innovatlas.store import Workspace
from innovatlas.store.queries import registry_units as Q

__all__ = ["UNITS", "DEFAULT_UNIT", "build_units", "stored_unit", "unit_label", "unit_note", "unit_of_pic"]

#: unit -> (English, Dutch) label
UNITS: dict[str, tuple[str, str]] = {
    "pic": ("PIC (each CORDIS participant code on its own)", "PIC (elke CORDIS-deelnemerscode apart)"),
    "organisation": ("registered organisation (PICs of one organisation joined)",
                     "geregistreerde organisatie (PIC's van één organisatie samengevoegd)"),
    "parent": ("parent organisation (registered organisations rolled up to their ROR parent)",
               "moederorganisatie (geregistreerde organisaties opgeteld bij hun ROR-moederorganisatie)"),
}
DEFAULT_UNIT = "organisation"


def check_unit(unit: str | None) -> str:
    u = (unit or DEFAULT_UNIT).strip().lower()
    if u == "organization":
        u = "organisation"
    if u not in UNITS:
        raise WorkspaceError(f"unknown unit '{unit}': use pic, organisation (the default) or parent")
    return u


def build_units(ws: Workspace, unit: str | None = None) -> dict[str, int]:
    """Derive ``analysis_unit`` for ``unit`` and remember the choice (inside the caller's transaction)."""
    u = check_unit(unit)
    ws.execute(Q.CLEAR_UNITS)
    ws.execute(Q.build_units(u))
    ws.execute(Q.CLEAR_STORED_UNIT)
    ws.execute(Q.STORE_UNIT(u))
    return ws.dicts(Q.UNIT_COUNTS)[0]


def stored_unit(ws: Workspace) -> str:
    """The unit of the stored analysis ('pic' for a workspace analysed before units existed)."""
    try:
        rows = ws.rows(Q.STORED_UNIT)  # fetched in full: the connection stays free for the next statement
    except Exception:  # noqa: BLE001 - an old workspace opened read-only
        rows = []
    return (rows[0][0] if rows else None) or "pic"


def unit_label(unit: str, lang: str = "en") -> str:
    return UNITS.get(unit, (unit, unit))[0 if lang == "en" else 1]


def unit_note(ws: Workspace) -> str:
    """The sentence every indicator's method ends with."""
    u = stored_unit(ws)
    return f"Unit: {unit_label(u)} [{u}]."


def unit_of_pic(ws: Workspace, pic: int) -> dict | None:
    rows = ws.dicts(Q.UNIT_OF_PIC(int(pic)))
    return rows[0] if rows else None
