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
from innovatlas.indicators.collaboration import partner_class_sql
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace

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


def ecosystem_detail(ws: Workspace, eco_id: str) -> dict[str, Any]:
    eco = _require(ws, eco_id)
    eco["definition"] = json.loads(eco["definition"])
    eco["children"] = [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem WHERE parent = ? ORDER BY position", [eco_id])]
    eco["members"] = ws.scalar("SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = ?", [eco_id])
    return eco


def indicator_values(ws: Workspace, eco_id: str, *, year: int | None = None, total_only: bool = True) -> list[dict]:
    """Indicator values of one ecosystem with method and provenance: the all-years totals (default), one
    start year (``year``), or every row, totals and each year (``total_only=False``; one row per key
    ``(indicator, measure, breakdown, year)``). Rows of a start year carry ``partial``."""
    _require(ws, eco_id)
    cat = load_catalogue()
    mode = "year" if year is not None else ("total" if total_only else "all")
    rows = ws.dicts("""
        SELECT indicator, measure, breakdown, year, value, unit, method, source, computed_at FROM indicator_value
        WHERE ecosystem_id = ? AND ((? = 'total' AND year IS NULL) OR (? = 'year' AND year = ?) OR ? = 'all')
        ORDER BY indicator, measure, breakdown, year NULLS FIRST""", [eco_id, mode, mode, year, mode])
    partial = partial_years(ws)
    for r in rows:
        r["indicator_name_en"] = cat[int(r["indicator"])].name_en if r["indicator"].isdigit() else None
        r["indicator_name_nl"] = cat[int(r["indicator"])].name_nl if r["indicator"].isdigit() else None
        r["computed_at"] = r["computed_at"].isoformat()
        if r["year"] is not None:
            r["partial"] = r["year"] in partial
    return rows


def indicator_series(ws: Workspace, eco_id: str, measure: str, breakdown: str = "") -> list[dict]:
    """Per-year values of one measure (by project start year); ``partial`` marks a start year the data
    cover only in part (after the data end, :func:`innovatlas.analysis.partial_years`)."""
    _require(ws, eco_id)
    if not re.fullmatch(r"[a-z0-9_]{1,60}", measure):
        raise BadParameter(f"measure '{measure}' is not a valid measure name")
    rows = ws.dicts("""SELECT year, value FROM indicator_value WHERE ecosystem_id = ? AND measure = ? AND breakdown = ?
                       AND year IS NOT NULL ORDER BY year""", [eco_id, measure, breakdown])
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
               for r in ws.dicts("""SELECT indicator, measure, breakdown, year, value, unit FROM indicator_value
                                    WHERE ecosystem_id = ? AND year IS NOT NULL
                                    ORDER BY indicator, measure, breakdown, year""", [eco_id])]
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


_SORTS = {"participations": "participations DESC", "ec_contribution_eur": "ec_contribution_eur DESC",
          "name": "label", "betweenness": "betweenness DESC NULLS LAST", "degree": "degree DESC NULLS LAST"}


def organisations_of(ws: Workspace, eco_id: str, *, limit: int = 50, offset: int = 0,
                     sort: str = "participations") -> dict[str, Any]:
    _require(ws, eco_id)
    if sort not in _SORTS:
        raise BadParameter(f"sort must be one of {', '.join(_SORTS)}")
    total = ws.scalar("SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = ?", [eco_id])
    items = ws.dicts(f"""
        SELECT o.pic, o.label, o.name IS NOT NULL AS named, o.activity_type, o.actor_type, o.country, l.municipality,
               count(*) AS participations, coalesce(sum(s.ec_contribution), 0) AS ec_contribution_eur,
               count(*) FILTER (WHERE s.role = 'coordinator') AS coordinator_roles,
               any_value(n.degree) AS degree, any_value(n.betweenness) AS betweenness, any_value(n.community) AS community
        FROM scope s JOIN organisation o USING (pic) LEFT JOIN org_location l USING (pic)
        LEFT JOIN network_node n ON n.ecosystem_id = s.ecosystem_id AND n.pic = s.pic
        WHERE s.ecosystem_id = ?
        GROUP BY o.pic, o.label, o.name, o.activity_type, o.actor_type, o.country, l.municipality
        ORDER BY {_SORTS[sort]}, o.pic LIMIT ? OFFSET ?""", [eco_id, limit, offset])
    cov = ecosystem_coverage(ws, eco_id)
    return {"total": total, "limit": limit, "offset": offset, "items": items, "lower_bound": cov["lower_bound"],
            "left_out": cov["left_out"], "note": cov["note_en"] or ""}


def search_organisations(ws: Workspace, q: str = "", *, city: str | None = None, country: str | None = None,
                         limit: int = 20, offset: int = 0, region: str | None = None) -> dict[str, Any]:
    """Organisations by name, short name or PIC (``q``), optionally in a city, a country or a
    region placed on the map (``region``: a CBS municipality, COROP or province code)."""
    q = (q or "").strip()
    where, params = ["o.participations > 0"], []
    region_name = None
    if region:
        where.append("(l.municipality_code = ? OR l.corop_code = ? OR l.province_code = ?)")
        params += [region, region, region]
        region_name = ws.scalar("SELECT name FROM geo_shape WHERE code = ? ORDER BY year DESC LIMIT 1", [region]) or region
    if q:
        if q.isdigit():
            where.append("(o.pic = ? OR CAST(o.pic AS VARCHAR) LIKE ?)")
            params += [int(q), q + "%"]
        else:
            where.append("(o.label ILIKE ? OR o.short_name ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
    if city:
        where.append("(o.city ILIKE ? OR l.municipality ILIKE ?)")
        params += [city, city]
    if country:
        where.append("o.country = ?")
        params.append(country.upper())
    sql_where = " AND ".join(where)
    total = ws.scalar(f"SELECT count(*) FROM organisation o LEFT JOIN org_location l USING (pic) WHERE {sql_where}", params)
    items = ws.dicts(f"""
        SELECT o.pic, o.label, o.activity_type, o.actor_type, o.country, o.city, l.municipality, o.participations
        FROM organisation o LEFT JOIN org_location l USING (pic) WHERE {sql_where}
        ORDER BY o.participations DESC, o.pic LIMIT ? OFFSET ?""", params + [limit, offset])
    out = {"total": total, "limit": limit, "offset": offset, "items": items}
    if region:
        out["region"] = {"code": region, "name": region_name}
    return out


def organisation_detail(ws: Workspace, pic: int, *, partners: int = 25, projects: int = 50) -> dict[str, Any]:
    rows = ws.dicts("""SELECT o.*, l.municipality, l.corop, l.province, l.knowledge_city, l.method AS placement
                       FROM organisation o LEFT JOIN org_location l USING (pic) WHERE o.pic = ?""", [pic])
    if not rows:
        raise NotFound(f"no organisation with PIC {pic} in this workspace")
    org = rows[0]
    if org["name_batch_id"] is not None:
        org["name_source"] = ws.scalar("SELECT dataset || ': ' || file FROM import_batch WHERE batch_id = ?",
                                       [org["name_batch_id"]])
    cls = partner_class_sql("FALSE", "q.country")
    org["partners"] = ws.dicts(f"""
        SELECT q.pic, o.label, o.activity_type, q.country, count(DISTINCT q.project_key) AS joint_projects,
               any_value({cls}) AS where_from, count(*) OVER () AS partner_count
        FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
        JOIN organisation o ON o.pic = q.pic
        WHERE p.pic = ? GROUP BY q.pic, o.label, o.activity_type, q.country
        ORDER BY joint_projects DESC, q.pic LIMIT ?""", [pic, partners])
    org["partner_count"] = org["partners"][0]["partner_count"] if org["partners"] else 0
    org["projects"] = ws.dicts("""
        WITH mine AS (
            SELECT p.project_key, pr.acronym, pr.title, pr.start_year, p.role, p.ec_contribution
            FROM participation p JOIN project pr USING (project_key) WHERE p.pic = ?
            ORDER BY pr.start_year DESC NULLS LAST, p.project_key LIMIT ?),
        parts AS (SELECT project_key, string_agg(programme_part, ', ' ORDER BY programme_part) AS programme_parts
                  FROM project_part WHERE project_key IN (SELECT project_key FROM mine) GROUP BY 1),
        sizes AS (SELECT project_key, count(*) AS participants FROM participation
                  WHERE project_key IN (SELECT project_key FROM mine) GROUP BY 1)
        SELECT mine.*, parts.programme_parts, sizes.participants FROM mine
        LEFT JOIN parts USING (project_key) LEFT JOIN sizes USING (project_key)
        ORDER BY mine.start_year DESC NULLS LAST, mine.project_key""", [pic, projects])
    org["funding_by_year"] = ws.dicts("""
        SELECT pr.start_year AS year, count(*) AS participations, coalesce(sum(p.ec_contribution), 0) AS ec_contribution_eur
        FROM participation p JOIN project pr USING (project_key) WHERE p.pic = ? AND pr.start_year IS NOT NULL
        GROUP BY 1 ORDER BY 1""", [pic])
    partial = partial_years(ws)
    for r in org["funding_by_year"]:
        r["partial"] = r["year"] in partial
    org["ecosystems"] = ws.dicts("""SELECT e.ecosystem_id, e.name_en, e.name_nl, e.kind FROM ecosystem_member m
                                    JOIN ecosystem e USING (ecosystem_id) WHERE m.pic = ? ORDER BY e.position""", [pic])
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
                 compact: bool = False) -> dict[str, Any]:
    """Cached :func:`compute_network_data` (keyed by :meth:`Workspace.stamp`, so a new import or
    analysis is never answered from an old cache)."""
    key = (ws.path, ws.stamp(), eco_id, year_from, year_to,
           tuple(sorted(t.upper() for t in activity_types or [])), partners, max_nodes, compact)
    if key not in _NETWORK_CACHE:
        result = compute_network_data(ws, eco_id, year_from=year_from, year_to=year_to, activity_types=activity_types,
                                      partners=partners, max_nodes=max_nodes, compact=compact)
        while len(_NETWORK_CACHE) >= _NETWORK_CACHE_SIZE:
            _NETWORK_CACHE.pop(next(iter(_NETWORK_CACHE)))
        _NETWORK_CACHE[key] = result
    return _NETWORK_CACHE[key]


def compute_network_data(ws: Workspace, eco_id: str, *, year_from: int | None = None, year_to: int | None = None,
                         activity_types: list[str] | None = None, partners: bool = False, max_nodes: int = 30000,
                         compact: bool = False) -> dict[str, Any]:
    """Nodes and weighted edges of an ecosystem's joint-project network, filtered.

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
    flt = ["ecosystem_id = ?"]
    params: list[Any] = [eco_id]
    if year_from is not None:
        flt.append("start_year >= ?")
        params.append(year_from)
    if year_to is not None:
        flt.append("start_year <= ?")
        params.append(year_to)
    scope_sql = "SELECT DISTINCT project_key, pic FROM scope WHERE " + " AND ".join(flt)
    type_filter = ""
    if types:
        type_filter = " AND o.activity_type IN (SELECT unnest(CAST(? AS VARCHAR[])))"
    if partners:
        edge_sql = f"""
            WITH s AS ({scope_sql}),
                 q AS (SELECT DISTINCT p.project_key, p.pic FROM participation p WHERE p.project_key IN (SELECT project_key FROM s)),
                 m AS (SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?),
                 pairs AS (SELECT least(s.pic, q.pic) AS a, greatest(s.pic, q.pic) AS b, s.project_key
                           FROM s JOIN q ON q.project_key = s.project_key AND q.pic <> s.pic
                           WHERE q.pic NOT IN (SELECT pic FROM m) OR s.pic < q.pic)
            SELECT a, b, count(DISTINCT project_key) AS w FROM pairs
            JOIN organisation oa ON oa.pic = a JOIN organisation ob ON ob.pic = b
            WHERE TRUE {type_filter.replace('o.', 'oa.')} {type_filter.replace('o.', 'ob.')}
            GROUP BY a, b ORDER BY a, b"""
        eparams = params + [eco_id] + ([types, types] if types else [])
    else:
        edge_sql = f"""
            WITH s AS ({scope_sql})
            SELECT a.pic AS a, b.pic AS b, count(*) AS w FROM s a JOIN s b ON a.project_key = b.project_key AND a.pic < b.pic
            JOIN organisation oa ON oa.pic = a.pic JOIN organisation ob ON ob.pic = b.pic
            WHERE TRUE {type_filter.replace('o.', 'oa.')} {type_filter.replace('o.', 'ob.')}
            GROUP BY a.pic, b.pic ORDER BY a.pic, b.pic"""
        eparams = params + ([types, types] if types else [])
    edges = ws.columns(edge_sql, eparams)
    node_sql = f"""
        WITH s AS ({scope_sql})
        SELECT DISTINCT o.pic FROM s JOIN organisation o USING (pic) WHERE TRUE {type_filter}"""
    member_pics = ws.columns(node_sql, params + ([types] if types else []))["pic"]
    pics = sorted(set(member_pics) | set(edges["a"]) | set(edges["b"]))
    if len(pics) > max_nodes:
        raise BadParameter(f"the filtered network has {len(pics):,} organisations, more than {max_nodes:,}; "
                           "narrow it with year_from/year_to or activity_type")
    attrs = ws.dicts("""
        SELECT o.pic, o.label, o.activity_type, o.actor_type, o.country, n.betweenness, n.community,
               m.pic IS NOT NULL AS member
        FROM (SELECT unnest(CAST(? AS BIGINT[])) AS pic) x JOIN organisation o USING (pic)
        LEFT JOIN network_node n ON n.ecosystem_id = ? AND n.pic = o.pic
        LEFT JOIN ecosystem_member m ON m.ecosystem_id = ? AND m.pic = o.pic ORDER BY o.pic""", [pics, eco_id, eco_id])
    index = {p: i for i, p in enumerate(pics)}
    elist = tuple(zip((index[a] for a in edges["a"]), (index[b] for b in edges["b"])))
    weights = tuple(float(w) for w in edges["w"])
    key = (ws.path, ws.scalar("SELECT max(computed_at)::VARCHAR FROM ecosystem"), eco_id, year_from, year_to,
           tuple(types), partners)
    coords = _layout(key, len(pics), elist, weights)
    degree = np.bincount(np.array(elist, dtype=np.int64).reshape(-1, 2).ravel(), minlength=len(pics)).tolist()
    cols = ("id", "label", "activity_type", "actor_type", "country", "member", "community", "betweenness", "degree", "x", "y")
    rows = [(str(a["pic"]), a["label"], a["activity_type"], a["actor_type"], a["country"], a["member"], a["community"],
             None if a["betweenness"] is None else round(a["betweenness"], 6), degree[i], coords[i][0], coords[i][1])
            for i, a in enumerate(attrs)]
    filters = {"year_from": year_from, "year_to": year_to, "activity_types": types, "partners": partners}
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
    code = {"province": "province_code", "corop": "corop_code", "municipality": "municipality_code"}[level]
    expr = {"organisations": "count(DISTINCT p.pic)", "participations": "count(*)",
            "projects": "count(DISTINCT p.project_key)", "ec_contribution_eur": "coalesce(sum(p.ec_contribution), 0)"}[measure]
    return dict(ws.rows(f"""SELECT l.{code}, {expr} FROM participation p JOIN org_location l USING (pic)
                            WHERE l.{code} IS NOT NULL GROUP BY 1"""))


def map_layer(ws: Workspace, level: str, measure: str = "organisations") -> dict[str, Any]:
    """GeoJSON FeatureCollection of one region level, each feature with the measure's value."""
    values = region_values(ws, level, measure)
    year = ws.scalar("SELECT CASE WHEN ? = 'corop' THEN min(year) ELSE max(year) END FROM geo_shape WHERE level = ?",
                     [level, level])
    if level == "municipality":  # the placement uses the 2015 classification; draw 2015 municipalities
        year = ws.scalar("SELECT min(year) FROM geo_shape WHERE level = 'municipality'")
    rows = ws.rows("SELECT code, name, geometry FROM geo_shape WHERE level = ? AND year = ? ORDER BY code", [level, year])
    if not rows:
        raise NotFound(f"no {level} boundaries in this workspace; import them with 'innovatlas import geo DIR'")
    feats = [{"type": "Feature", "properties": {"code": c, "name": n, "level": level, "measure": measure,
                                                "value": values.get(c, 0)}, "geometry": json.loads(g)}
             for c, n, g in rows]
    from innovatlas.analysis import placement

    place = placement(ws)  # region values count placed organisations only: a lower bound (issue 9, point 3)
    left_out = ws.scalar(f"""SELECT count(*) FROM org_location l JOIN organisation o USING (pic)
                             WHERE o.participations > 0 AND l.{ {'province': 'province_code', 'corop': 'corop_code',
                                                                'municipality': 'municipality_code'}[level]} IS NULL""")
    note = (f"Lower bound: {left_out:,} of {place['dutch_organisations']:,} Dutch participating organisations could not "
            f"be placed in a {level} and are in no region's value.") if left_out else ""
    return {"type": "FeatureCollection", "properties": {"level": level, "measure": measure, "year": year,
                                                        "lower_bound": bool(left_out), "left_out": left_out,
                                                        "note": note},
            "features": feats}


def knowledge_city_points(ws: Workspace) -> list[dict[str, Any]]:
    """Label point (mean of the municipality outline) and the ecosystem id of every knowledge city."""
    out = []
    for city, code, geom in ws.rows("""
            SELECT DISTINCT l.knowledge_city, l.municipality_code, s.geometry FROM org_location l
            JOIN geo_shape s ON s.code = l.municipality_code AND s.level = 'municipality'
            AND s.year = (SELECT min(year) FROM geo_shape WHERE level = 'municipality')
            WHERE l.knowledge_city IS NOT NULL ORDER BY 1"""):
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
