"""Knowledge cities as city regions: the municipality, with its adjacent municipalities, or its COROP region.

Seed 002 (Netwerk Kennissteden): 47 of the 65 large R&D concentrations in the Netherlands lie
in a university city *or an adjacent municipality* (Veldhoven, home of ASML, is next to
Eindhoven). A knowledge-city ecosystem therefore takes ``knowledge_city_scope``:

* ``municipality`` (default): organisations placed in the city's municipality;
* ``adjacent``: the municipality and every municipality whose CBS boundary touches it
  (queen contiguity: a shared border or corner point, computed with shapely on the CBS
  2015 outlines stored in the workspace, with :data:`TOUCH_TOLERANCE_DEG` of slack for
  the quantised coordinates; 2015 because organisations are placed on the 2015
  classification);
* ``corop``: every municipality of the city's COROP region (CBS 2015 classification).

:func:`resolve_selector` turns such a selector into a plain municipality-code filter just
before delineation compiles it, so the compiled SQL is the ordinary one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from innovatlas.errors import DefinitionError
from innovatlas.model.ecosystem import KNOWLEDGE_CITIES, Selector
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["SCOPES", "TOUCH_TOLERANCE_DEG", "adjacency", "city_region", "resolve_selector", "scope_additions"]

SCOPES = ("municipality", "adjacent", "corop")
#: Slack (degrees, about 10 m) so that neighbours whose quantised outlines do not quite meet still touch.
TOUCH_TOLERANCE_DEG = 1e-4
#: Municipality "code" of a city region that cannot be resolved in this workspace: matches no organisation.
UNRESOLVED = "(not in the data)"


def _year(ws: Workspace) -> int | None:
    return ws.scalar(Q.MUNICIPALITY_SHAPE_YEAR)


def _geometry(g: dict[str, Any]):
    from shapely.geometry import MultiPolygon, Polygon

    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    parts = []
    for rings in polys:
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            parts.append(Polygon(rings[0], rings[1:]))
    shape = MultiPolygon(parts)
    return shape if shape.is_valid else shape.buffer(0)


@lru_cache(maxsize=8)
def _adjacency_cached(key: tuple, rows: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    from shapely import STRtree

    codes = [c for c, _g in rows]
    geoms = [_geometry(json.loads(g)) for _c, g in rows]
    tree = STRtree(geoms)
    out: dict[str, tuple[str, ...]] = {}
    for i, g in enumerate(geoms):
        hits = tree.query(g.buffer(TOUCH_TOLERANCE_DEG), predicate="intersects")
        out[codes[i]] = tuple(sorted(codes[h] for h in hits if h != i))
    return out


def adjacency(ws: Workspace) -> dict[str, tuple[str, ...]]:
    """Municipality code -> codes of the municipalities whose boundary touches it (CBS 2015 outlines)."""
    year = _year(ws)
    if year is None:
        raise DefinitionError("knowledge_city_scope = 'adjacent' needs the CBS municipality boundaries: "
                              "import them with 'innovatlas import geo DIR' (nl-boundaries-cbs)")
    rows = tuple(ws.rows(Q.MUNICIPALITY_SHAPES, [year]))
    return _adjacency_cached((ws.path, year, len(rows)), rows)


def _city_code(ws: Workspace, city: str) -> tuple[str, str | None]:
    name = KNOWLEDGE_CITIES[city]
    row = ws.rows(Q.CITY_CODE, [name])
    if not row:
        raise DefinitionError(f"the knowledge city '{city}' (municipality {name}) is not in the imported CBS "
                              "classification: import the CBS boundaries with 'innovatlas import geo DIR'")
    return row[0][0], row[0][1]


def city_region(ws: Workspace, city: str, scope: str) -> list[str]:
    """Municipality codes (CBS 2015) making up a knowledge city under a scope, the city first."""
    if scope not in SCOPES:
        raise DefinitionError(f"knowledge_city_scope '{scope}' is not one of {', '.join(SCOPES)}")
    code, corop = _city_code(ws, city)
    if scope == "municipality":
        return [code]
    if scope == "adjacent":
        return [code] + [c for c in adjacency(ws).get(code, ()) if c != code]
    others = [r[0] for r in ws.rows(Q.COROP_MUNICIPALITIES, [corop, code])]
    return [code] + others


def resolve_selector(ws: Workspace, sel: Selector) -> Selector:
    """A selector with ``knowledge_city`` + a wider ``knowledge_city_scope`` as a municipality-code filter.

    Selectors with the default scope (or without knowledge cities) come back unchanged.
    """
    scope = getattr(sel, "knowledge_city_scope", "municipality")
    if not sel.knowledge_city or scope == "municipality":
        return sel
    if sel.municipality:
        raise DefinitionError("give either knowledge_city with knowledge_city_scope or municipality, not both")
    codes: list[str] = []
    for city in sel.knowledge_city:
        try:
            codes += [c for c in city_region(ws, city, scope) if c not in codes]
        except DefinitionError:
            pass  # city or boundaries not imported: the region has no members here ("not in the data"), never all of NL
    return sel.model_copy(update={"knowledge_city": [], "municipality": codes or [UNRESOLVED]})


def scope_additions(ws: Workspace) -> list[dict[str, Any]]:
    """Per knowledge city: Dutch participating organisations placed in the municipality, and how many
    the adjacent municipalities and the COROP region add (one query per scope, all cities at once)."""
    rows = []
    lists: dict[str, dict[str, list[str]]] = {}
    for city in KNOWLEDGE_CITIES:
        try:
            lists[city] = {s: city_region(ws, city, s) for s in SCOPES}
        except DefinitionError:
            continue  # the city or the boundaries are not imported: no row ("not in the data")
    if not lists:
        return []
    counts = {(c, s): (n, m) for c, s, n, m in ws.rows(Q.scope_additions(lists))}
    for city, by in lists.items():
        base = counts[(city, "municipality")][0]
        adj, cor = counts[(city, "adjacent")][0], counts[(city, "corop")][0]
        rows.append({"city": city, "municipality": base, "adjacent": adj, "corop": cor,
                     "added_by_adjacent": adj - base, "added_by_corop": cor - base,
                     "adjacent_municipalities": len(by["adjacent"]) - 1, "corop_municipalities": len(by["corop"]) - 1})
    return rows
