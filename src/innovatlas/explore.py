"""Read-only service functions behind the web app and the exports: organisations, networks,
indicator series and maps. Every value comes from the workspace; user input is always bound."""

from __future__ import annotations

import json
import math
import random
import re
from functools import lru_cache
from typing import Any

import igraph as ig
import numpy as np

from innovatlas.analysis import _require, coverage_periods, ecosystem_coverage, partial_years
from innovatlas.errors import InnovatlasError
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace
from innovatlas.store.memo import by_stamp
from innovatlas.store.queries import explore as Q

__all__ = ["NotFound", "BadParameter", "indicator_series", "indicator_values", "organisations_of", "search_organisations",
           "organisation_detail", "network_data", "map_layer", "region_values", "MAP_MEASURES", "MAP_LEVELS",
           "ecosystem_detail", "indicator_download", "organisations_download", "download_readme"]


class NotFound(InnovatlasError, LookupError):
    status = 404


class BadParameter(InnovatlasError, ValueError):
    status = 422


MAP_LEVELS = ("province", "corop", "municipality")
MAP_MEASURES = ("organisations", "participations", "projects", "ec_contribution_eur")
ACTIVITY = ("HES", "REC", "PRC", "PUB", "OTH")


@by_stamp(maxsize=256)
def ecosystem_detail(ws: Workspace, eco_id: str) -> dict[str, Any]:
    eco = _require(ws, eco_id)
    eco["definition"] = json.loads(eco["definition"])
    eco["children"] = [r[0] for r in ws.rows(Q.CHILDREN(eco_id))]
    eco["members"] = ws.scalar(Q.MEMBER_COUNT(eco_id))
    return eco


@by_stamp(maxsize=256)
def indicator_values(ws: Workspace, eco_id: str, *, year: int | None = None, total_only: bool = True) -> list[dict]:
    """Indicator values of one ecosystem with method and provenance: the all-years totals (default), one
    start year (``year``), or every row, totals and each year (``total_only=False``; one row per key
    ``(indicator, measure, breakdown, year)``). Rows of a start year carry ``partial``."""
    _require(ws, eco_id)
    cat = load_catalogue()
    mode = "year" if year is not None else ("total" if total_only else "all")
    rows = ws.dicts(Q.INDICATOR_VALUES(eco_id, mode, mode, year, mode))
    partial = partial_years(ws)
    for r in rows:
        r["indicator_name_en"] = cat[int(r["indicator"])].name_en if r["indicator"].isdigit() else None
        r["indicator_name_nl"] = cat[int(r["indicator"])].name_nl if r["indicator"].isdigit() else None
        r["computed_at"] = r["computed_at"].isoformat()
        if r["year"] is not None:
            r["partial"] = r["year"] in partial
    return rows


@by_stamp(maxsize=256)  # keyed by measure and breakdown from the query string: bounded
def indicator_series(ws: Workspace, eco_id: str, measure: str, breakdown: str = "") -> list[dict]:
    """Per-year values of one measure (by project start year); ``partial`` marks a start year the data
    cover only in part (after the data end, :func:`innovatlas.analysis.partial_years`)."""
    _require(ws, eco_id)
    if not re.fullmatch(r"[a-z0-9_]{1,60}", measure):
        raise BadParameter(f"measure '{measure}' is not a valid measure name")
    rows = ws.dicts(Q.INDICATOR_SERIES(eco_id, measure, breakdown))
    partial = partial_years(ws)
    for r in rows:
        r["partial"] = r["year"] in partial
    return rows


def indicator_download(ws: Workspace, eco_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of the indicators download: ``indicators`` has one row per key (indicator, measure,
    breakdown; all years), the same rows as the JSON API, then the imported values after disclosure
    control; ``by_year`` the per-start-year values with their ``partial`` flag; ``README`` the notes
    (lower bound, data end, sources). Every row carries the lower-bound ``note`` of the ecosystem."""
    from innovatlas.disclosure import disclosed_inputs

    cov = ecosystem_coverage(ws, eco_id)
    note = cov["note_en"] or ""
    rows = [dict(r, kind="computed", partial=False, note=note) for r in indicator_values(ws, eco_id)]
    for r in disclosed_inputs(ws, eco_id):  # imported/survey values, after disclosure control
        rows.append({"indicator": r["indicator"], "measure": "value", "breakdown": r["breakdown"],
                     "year": r["year"], "value": r["value"], "unit": r["unit"],
                     "method": r["suppression"] or "imported", "source": r["source"],
                     "computed_at": r["imported_at"].isoformat(), "indicator_name_en": None,
                     "indicator_name_nl": None, "kind": r["kind"], "partial": False, "note": ""})
    partial = partial_years(ws)
    by_year = [dict(r, kind="computed", partial=r["year"] in partial, note=note)
               for r in ws.dicts(Q.INDICATORS_BY_YEAR(eco_id))]
    return {"indicators": rows, "by_year": by_year, "README": download_readme(ws, eco_id)}


def download_readme(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Notes for the README sheet of a download: lower bound, partial years, coverage of every source."""
    cov = ecosystem_coverage(ws, eco_id)
    out = [{"note": f"innovatlas download for ecosystem '{eco_id}'"}]
    if cov["note_en"]:
        out.append({"note": cov["note_en"]})
    if cov["partial_note_en"]:
        out.append({"note": cov["partial_note_en"] + " (column 'partial' in the by_year sheet)."})
    for c in coverage_periods(ws):
        span = f"{c['first_year']}-{c['last_year']}" if c["first_year"] else "not dated (reference table)"
        end = f"; data end {c['data_end']} ({c['data_end_from']})" if c["data_end"] else ""
        out.append({"note": f"source {c['dataset']}: {c['file']}, {c['rows']:,} rows, years {span}{end}"})
    return out


def organisations_download(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Every member of an ecosystem, with the lower-bound ``note`` of the ecosystem on each row."""
    note = ecosystem_coverage(ws, eco_id)["note_en"] or ""
    return [dict(r, note=note) for r in organisations_of(ws, eco_id, limit=10_000_000)["items"]]


_SORTS = Q.MEMBER_SORTS


@by_stamp(maxsize=128)
def organisations_of(ws: Workspace, eco_id: str, *, limit: int = 50, offset: int = 0,
                     sort: str = "participations") -> dict[str, Any]:
    _require(ws, eco_id)
    if sort not in _SORTS:
        raise BadParameter(f"sort must be one of {', '.join(_SORTS)}")
    total = ws.scalar(Q.MEMBER_COUNT(eco_id))
    items = ws.dicts(Q.members(eco_id, sort, limit, offset))
    cov = ecosystem_coverage(ws, eco_id)
    return {"total": total, "limit": limit, "offset": offset, "items": items, "lower_bound": cov["lower_bound"],
            "left_out": cov["left_out"], "note": cov["note_en"] or ""}


@by_stamp(maxsize=256)  # keyed by the query string: bounded (issue 13)
def search_organisations(ws: Workspace, q: str = "", *, city: str | None = None, country: str | None = None,
                         limit: int = 20, offset: int = 0, region: str | None = None) -> dict[str, Any]:
    """Organisations by name, short name or PIC (``q``), optionally in a city, a country or a
    region placed on the map (``region``: a CBS municipality, COROP or province code)."""
    q = (q or "").strip()
    region_name = None
    if region:
        region_name = ws.scalar(Q.REGION_NAME(region)) or region
    total = ws.scalar(Q.search_count(q, city, country, region))
    items = ws.dicts(Q.search(q, city, country, region, limit, offset))
    out = {"total": total, "limit": limit, "offset": offset, "items": items}
    if region:
        out["region"] = {"code": region, "name": region_name}
    return out


@by_stamp(maxsize=256)
def organisation_detail(ws: Workspace, pic: int, *, partners: int = 25, projects: int = 50) -> dict[str, Any]:
    rows = ws.dicts(Q.ORGANISATION(pic))
    if not rows:
        raise NotFound(f"no organisation with PIC {pic} in this workspace")
    org = rows[0]
    if org["name_batch_id"] is not None:
        org["name_source"] = ws.scalar(Q.NAME_SOURCE(org["name_batch_id"]))
    org["partners"] = ws.dicts(Q.PARTNERS(pic, partners))
    org["partner_count"] = org["partners"][0]["partner_count"] if org["partners"] else 0
    org["projects"] = ws.dicts(Q.PROJECTS(pic, projects))
    org["funding_by_year"] = ws.dicts(Q.FUNDING_BY_YEAR(pic))
    partial = partial_years(ws)
    for r in org["funding_by_year"]:
        r["partial"] = r["year"] in partial
    org["ecosystems"] = ws.dicts(Q.ORGANISATION_ECOSYSTEMS(pic))
    return org


@lru_cache(maxsize=32)
def _layout(key: tuple, n: int, edges: tuple[tuple[int, int], ...], weights: tuple[float, ...]) -> list[list[float]]:
    """Cached layout of a filtered network (key identifies workspace, ecosystem and filters).

    The largest component gets a Fruchterman-Reingold layout (grid variant above 3,000
    nodes); the other components and organisations without links go on a ring around it,
    so they do not push the connected part into a corner.
    """
    g = ig.Graph(n=n, edges=list(edges))
    g.es["weight"] = list(weights)
    xy = np.zeros((n, 2))
    if not n:
        return []
    comps = g.connected_components()
    membership = np.array(comps.membership)
    giant = int(np.argmax(comps.sizes()))
    core = np.flatnonzero(membership == giant)
    radius = 1.0
    if len(core) > 1:
        sub = g.subgraph(core.tolist())
        random.seed(42)
        coords = (sub.layout_fruchterman_reingold(niter=100, grid=True, weights="weight") if len(core) > 3000
                  else sub.layout_fruchterman_reingold(niter=300, weights="weight")).coords
        pos = np.array(coords)
        pos -= pos.mean(axis=0)
        xy[core] = pos
        radius = float(np.sqrt((pos ** 2).sum(axis=1)).max()) * 1.08 or 1.0
    rest = np.flatnonzero(membership != giant)
    if len(rest):  # the other components on a ring, each component's members side by side
        rest = rest[np.argsort(membership[rest], kind="stable")]
        angle = np.linspace(0, 2 * np.pi, len(rest), endpoint=False)
        xy[rest] = np.c_[np.cos(angle), np.sin(angle)] * radius
    return np.round(xy, 3).tolist()


_NETWORK_CACHE: dict[tuple, dict[str, Any]] = {}
_NETWORK_CACHE_SIZE = 16


def network_data(ws: Workspace, eco_id: str, *, year_from: int | None = None, year_to: int | None = None,
                 activity_types: list[str] | None = None, partners: bool = False, max_nodes: int = 30000,
                 compact: bool = False, programme: str | None = None) -> dict[str, Any]:
    """Cached :func:`compute_network_data` (keyed by :meth:`Workspace.stamp`, so a new import or
    analysis is never answered from an old cache)."""
    key = (ws.path, ws.stamp(), eco_id, year_from, year_to,
           tuple(sorted(t.upper() for t in activity_types or [])), partners, max_nodes, compact, programme)
    if key not in _NETWORK_CACHE:
        result = compute_network_data(ws, eco_id, year_from=year_from, year_to=year_to, activity_types=activity_types,
                                      partners=partners, max_nodes=max_nodes, compact=compact, programme=programme)
        while len(_NETWORK_CACHE) >= _NETWORK_CACHE_SIZE:
            _NETWORK_CACHE.pop(next(iter(_NETWORK_CACHE)))
        _NETWORK_CACHE[key] = result
    return _NETWORK_CACHE[key]


def compute_network_data(ws: Workspace, eco_id: str, *, year_from: int | None = None, year_to: int | None = None,
                         activity_types: list[str] | None = None, partners: bool = False, max_nodes: int = 30000,
                         compact: bool = False, programme: str | None = None) -> dict[str, Any]:
    """Nodes and weighted edges of an ecosystem's joint-project network, filtered.

    ``programme`` (``FP7``, ``H2020``, ``HORIZON``; None or ``all``: every programme) keeps the
    projects of one framework programme (issue 19).

    ``year_from``/``year_to`` keep projects starting in that range; ``activity_types`` keeps
    organisations of those CORDIS types; ``partners`` adds the organisations outside the
    ecosystem that share an in-scope project with a member (links member-partner only).
    Node metrics (betweenness, community) are those of the stored all-years network;
    ``degree`` is recomputed in the filtered network. Positions: a Fruchterman-Reingold
    layout of the filtered network (cached).

    ``compact`` returns nodes as rows under ``node_columns`` and edges as
    ``[source index, target index, weight]``: a third of the size, for the WebGL view.
    """
    from innovatlas.network import broker_method

    _require(ws, eco_id)
    types = [t.upper() for t in (activity_types or [])]
    if any(t not in ACTIVITY for t in types):
        raise BadParameter(f"activity types must be among {', '.join(ACTIVITY)}")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BadParameter("year_from must not be after year_to")
    from innovatlas.programmes import programme_code

    fw = programme_code(programme) if programme else "all"
    fw = None if fw == "all" else fw
    edges = ws.columns(Q.network_edges(eco_id, year_from, year_to, types, partners, fw))
    member_pics = ws.columns(Q.network_nodes(eco_id, year_from, year_to, types, fw))["pic"]
    pics = sorted(set(member_pics) | set(edges["a"]) | set(edges["b"]))
    if len(pics) > max_nodes:
        raise BadParameter(f"the filtered network has {len(pics):,} organisations, more than {max_nodes:,}; "
                           "narrow it with year_from/year_to or activity_type")
    attrs = ws.dicts(Q.NETWORK_ATTRIBUTES(pics, eco_id, eco_id))
    index = {p: i for i, p in enumerate(pics)}
    elist = tuple(zip((index[a] for a in edges["a"]), (index[b] for b in edges["b"])))
    weights = tuple(float(w) for w in edges["w"])
    key = (ws.path, ws.scalar(Q.ANALYSED_AT), eco_id, year_from, year_to,
           tuple(types), partners, fw)
    coords = _layout(key, len(pics), elist, weights)
    degree = np.bincount(np.array(elist, dtype=np.int64).reshape(-1, 2).ravel(), minlength=len(pics)).tolist()
    cols = ("id", "label", "activity_type", "actor_type", "country", "member", "community", "betweenness", "degree", "x", "y")
    rows = [(str(a["pic"]), a["label"], a["activity_type"], a["actor_type"], a["country"], a["member"], a["community"],
             None if a["betweenness"] is None else round(a["betweenness"], 6), degree[i], coords[i][0], coords[i][1])
            for i, a in enumerate(attrs)]
    filters = {"year_from": year_from, "year_to": year_to, "activity_types": types, "partners": partners,
               "programme": fw or "all"}
    if compact:
        return {"ecosystem": eco_id, "filters": filters, "betweenness": broker_method(ws, eco_id),
                "node_columns": list(cols), "nodes": rows,
                "edges": [list(e) + [w] for e, w in zip(elist, edges["w"])]}
    return {"ecosystem": eco_id, "filters": filters, "betweenness": broker_method(ws, eco_id),  # exact or estimated
            "nodes": [dict(zip(cols, r)) for r in rows],
            "edges": [{"source": str(a), "target": str(b), "weight": w} for a, b, w in zip(edges["a"], edges["b"], edges["w"])]}


def region_values(ws: Workspace, level: str, measure: str) -> dict[str, float]:
    """Per region: a measure over the H2020 participations of the Dutch organisations placed there."""
    if level not in MAP_LEVELS:
        raise BadParameter(f"level must be one of {', '.join(MAP_LEVELS)}")
    if measure not in MAP_MEASURES:
        raise BadParameter(f"measure must be one of {', '.join(MAP_MEASURES)}")
    return dict(ws.rows(Q.region_values(level, measure)))


@by_stamp(maxsize=16, copy_result=False)  # 3 levels x 4 measures; read-only callers (the municipalities: 2 MB)
def map_layer(ws: Workspace, level: str, measure: str = "organisations") -> dict[str, Any]:
    """GeoJSON FeatureCollection of one region level, each feature with the measure's value (cached: do not change it)."""
    values = region_values(ws, level, measure)
    year = ws.scalar(Q.MAP_YEAR(level, level))
    if level == "municipality":  # the placement uses the 2015 classification; draw 2015 municipalities
        year = ws.scalar(Q.MUNICIPALITY_MAP_YEAR)
    rows = ws.rows(Q.SHAPES(level, year))
    if not rows:
        raise NotFound(f"no {level} boundaries in this workspace; import them with 'innovatlas import geo DIR'")
    feats = [{"type": "Feature", "properties": {"code": c, "name": n, "level": level, "measure": measure,
                                                "value": values.get(c, 0)}, "geometry": json.loads(g)}
             for c, n, g in rows]
    from innovatlas.analysis import placement

    place = placement(ws)  # region values count placed organisations only: a lower bound (issue 9, point 3)
    left_out = ws.scalar(Q.map_left_out(level))
    note = (f"Lower bound: {left_out:,} of {place['dutch_organisations']:,} Dutch participating organisations could not "
            f"be placed in a {level} and are in no region's value.") if left_out else ""
    return {"type": "FeatureCollection", "properties": {"level": level, "measure": measure, "year": year,
                                                        "lower_bound": bool(left_out), "left_out": left_out,
                                                        "note": note},
            "features": feats}


def knowledge_city_points(ws: Workspace) -> list[dict[str, Any]]:
    """Label point (mean of the municipality outline) and the ecosystem id of every knowledge city."""
    out = []
    for city, code, geom in ws.rows(Q.KNOWLEDGE_CITY_POINTS):
        g = json.loads(geom)
        rings = g["coordinates"] if g["type"] == "Polygon" else [r for poly in g["coordinates"] for r in poly]
        pts = [p for r in rings[:1] for p in r]
        out.append({"city": city, "code": code, "lon": sum(p[0] for p in pts) / len(pts),
                    "lat": sum(p[1] for p in pts) / len(pts),
                    "ecosystem_id": re.sub(r"[^a-z]", "-", city.lower())})
    return out


def project_lonlat(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection scaled for the Netherlands (cos 52°)."""
    return lon * math.cos(math.radians(52.2)), -lat
