"""What the connection-agenda pages show (dashboard and static report), and the map of links between cities."""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

from innovatlas.connect._common import city_ids, complete_years
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["template_helpers", "agenda_data", "links_map_svg", "heat", "ecosystem_section", "city_network", "matrix_sheets"]

_COS = math.cos(math.radians(52.2))
_CACHE: dict[tuple, dict[str, Any]] = {}


def template_helpers(lang: str) -> dict[str, Any]:
    """Template globals of the connection pages: strings, numbers for the language, colours."""
    from innovatlas.connect.i18n import ct, num

    return {"ct": lambda key, **kw: ct(key, lang, **kw),
            "fmt": lambda v, d=0: num(v, lang, d),
            "pctf": lambda v: "–" if v is None else num(100 * v, lang, 1) + "%",
            "heat": heat}


def heat(v: float | None) -> str:
    """Background colour of an RSCA / cosine cell in [-1, 1]: blue (negative) through white to red (positive).

    >>> heat(1.0), heat(0.0), heat(None)
    ('rgb(255,24,29)', 'rgb(255,255,255)', '#f4f4f4')
    """
    if v is None:
        return "#f4f4f4"
    v = max(-1.0, min(1.0, float(v)))
    if v >= 0:
        return f"rgb(255,{round(255 - 231 * v)},{round(255 - 226 * v)})"
    v = -v
    return f"rgb({round(255 - 222 * v)},{round(255 - 153 * v)},{round(255 - 83 * v)})"


def _rings(geom: dict[str, Any]) -> list:
    return geom["coordinates"] if geom["type"] == "Polygon" else [r for poly in geom["coordinates"] for r in poly]


def links_map_svg(ws: Workspace, matrix: dict[str, Any], *, width: int = 560, title: str = "", lang: str = "en",
                  link: str = "") -> Markup:
    """The Netherlands (provinces) with a line between every pair of cities with joint projects; line width by
    observed/expected, opacity by joint projects; each line's title gives the figures."""
    import json

    from innovatlas.explore import knowledge_city_points

    year = ws.scalar(Q.PROVINCE_SHAPE_YEAR)
    shapes = ws.rows(Q.PROVINCE_SHAPES, [year])
    if not shapes:
        return Markup("")
    feats = [(n, json.loads(g)) for n, g in shapes]
    coords = [(p[0], p[1]) for _n, g in feats for ring in _rings(g) for p in ring]
    xs = [x * _COS for x, _y in coords]
    ys = [y for _x, y in coords]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    scale = width / (maxx - minx)
    height = int((maxy - miny) * scale) + 1
    px = lambda lon: (lon * _COS - minx) * scale  # noqa: E731
    py = lambda lat: (maxy - lat) * scale  # noqa: E731
    parts = [f'<svg class="map" id="links-map" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for name, g in feats:
        d = " ".join("M" + " L".join(f"{px(x):.1f},{py(y):.1f}" for x, y in ring) + " Z" for ring in _rings(g))
        parts.append(f'<path d="{d}" fill="#f1f3f5" stroke="#999" stroke-width="0.5"><title>{escape(name)}</title></path>')
    pts = {p["ecosystem_id"]: p for p in knowledge_city_points(ws)}
    ids = [e["id"] for e in matrix["ecosystems"]]
    top_oe = max((p["observed_expected"] or 0 for p in matrix["pairs"]), default=1) or 1
    top_c = max((p["joint_projects"] for p in matrix["pairs"]), default=1) or 1
    for p in sorted(matrix["pairs"], key=lambda p: p["observed_expected"] or 0):
        a, b = pts.get(p["a"]), pts.get(p["b"])
        if not a or not b or not p["joint_projects"]:
            continue
        w = 0.5 + 7.5 * (p["observed_expected"] or 0) / top_oe
        op = 0.25 + 0.6 * p["joint_projects"] / top_c
        oe = "–" if p["observed_expected"] is None else f"{p['observed_expected']:.2f}"
        parts.append(f'<line class="link" x1="{px(a["lon"]):.1f}" y1="{py(a["lat"]):.1f}" x2="{px(b["lon"]):.1f}" '
                     f'y2="{py(b["lat"]):.1f}" stroke="#b2182b" stroke-width="{w:.2f}" stroke-opacity="{op:.2f}" '
                     f'stroke-linecap="round"><title>{escape(p["a_name"])} – {escape(p["b_name"])}: {p["joint_projects"]} '
                     f'joint projects, O/E {oe}</title></line>')
    sizes = {e["id"]: e["projects"] for e in matrix["ecosystems"]}
    top_s = max(sizes.values(), default=1) or 1
    for e in ids:
        pt = pts.get(e)
        if not pt:
            continue
        r = 3 + 8 * math.sqrt(sizes.get(e, 0) / top_s)
        x, y = px(pt["lon"]), py(pt["lat"])
        href = escape(link.format(id=e)) if link else ""
        circle = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#2166ac" fill-opacity="0.85" stroke="#fff">'
                  f'<title>{escape(pt["city"])}: {sizes.get(e, 0)} projects</title></circle>'
                  f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" font-size="11">{escape(pt["city"])}</text>')
        parts.append(f'<a href="{href}">{circle}</a>' if href else circle)
    parts.append("</svg>")
    return Markup("".join(parts))


def agenda_data(ws: Workspace, *, lang: str = "en", scope: str = "municipality", reference: str = "nl",
                measure: str = "participations", year_from: int | None = None, year_to: int | None = None,
                link: str = "") -> dict[str, Any]:
    """Everything the connection-agenda page shows (cached per workspace state and parameters)."""
    key = (ws.path, ws.stamp(), lang, scope, reference, measure, year_from, year_to, link)
    if key in _CACHE:
        return _CACHE[key]
    from innovatlas.connect.complementarity import complementarity, describe_pairs
    from innovatlas.connect.connections import bridges, collaboration_matrix, multi_members, pipelines
    from innovatlas.connect.dynamics import stages
    from innovatlas.connect.i18n import ct
    from innovatlas.connect.regions import scope_additions

    ids = city_ids(ws, scope)
    comp = complementarity(ws, ids, lang=lang, reference=reference, measure=measure, scope=scope,
                           years=(year_from or 1900, year_to or 2100) if (year_from or year_to) else None)
    matrix = collaboration_matrix(ws, ids, year_from=year_from, year_to=year_to, scope=scope, lang=lang)
    data = {
        "comp": comp, "spec": comp["specialisation"], "words": describe_pairs(comp, lang), "matrix": matrix,
        "bridges": bridges(ws, ids, scope=scope, lang=lang), "pipelines": pipelines(ws, ids, scope=scope, lang=lang,
                                                                                     year_from=year_from, year_to=year_to),
        "multi": multi_members(ws, city_ids(ws, "adjacent")) if city_ids(ws, "adjacent") else {"total": 0, "items": []},
        "stages": stages(ws, ids, lang=lang), "regions": scope_additions(ws) if ids else [],
        "map": links_map_svg(ws, matrix, title=ct("map_links", lang), lang=lang, link=link),
        "coverage": complete_years(ws), "scope": scope, "reference": reference, "measure": measure,
        "year_from": year_from, "year_to": year_to,
    }
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = data
    return data


_BUNDLE: dict[tuple, dict[str, Any]] = {}


def _bundle(ws: Workspace, lang: str) -> dict[str, Any]:
    """Matrix, pipelines and stages of *all* analysed ecosystems at once (a handful of set-based queries), cached
    per workspace state: every ecosystem page takes its slice. A pair's figures do not depend on the set."""
    from innovatlas.connect.connections import collaboration_matrix, pipelines
    from innovatlas.connect.dynamics import stages

    key = (ws.path, ws.stamp(), lang)
    if key not in _BUNDLE:
        ids = [r[0] for r in ws.rows(Q.ECOSYSTEM_IDS)]
        st = stages(ws, ids, lang=lang)
        _BUNDLE.clear()
        _BUNDLE[key] = {"matrix": collaboration_matrix(ws, ids, lang=lang),
                        "pipelines": {p["id"]: p for p in pipelines(ws, ids, lang=lang)},
                        "stages": st, "stage_of": {e["id"]: e for e in st["ecosystems"]}}
    return _BUNDLE[key]


def ecosystem_section(ws: Workspace, eco_id: str, lang: str = "en") -> dict[str, Any]:
    """The per-ecosystem "connections" and "dynamics" sections: links with the knowledge cities, pipelines, stage."""
    b = _bundle(ws, lang)
    cities = set(city_ids(ws, "municipality"))
    mine = []
    for p in b["matrix"]["pairs"]:
        if eco_id in (p["a"], p["b"]):
            other = p["b"] if p["a"] == eco_id else p["a"]
            if other in cities:
                mine.append(dict(p, other=other, other_name=p["b_name"] if p["a"] == eco_id else p["a_name"]))
    mine.sort(key=lambda p: -p["joint_projects"])
    st = b["stages"]
    dyn = {**b["stage_of"][eco_id], **{k: v for k, v in st.items() if k != "ecosystems"}}
    return {"links": mine, "pipeline": b["pipelines"][eco_id], "dynamics": dyn}


def city_network(ws: Workspace, matrix: dict[str, Any]) -> dict[str, Any]:
    """The city-to-city network in the shape :func:`innovatlas.report.exports.to_gexf` writes."""
    from innovatlas.explore import knowledge_city_points

    pts = {p["ecosystem_id"]: p for p in knowledge_city_points(ws)}
    nodes = [{"id": e["id"], "label": e["name"], "x": round(pts[e["id"]]["lon"] * _COS * 100, 2) if e["id"] in pts else 0,
              "y": round(pts[e["id"]]["lat"] * 100, 2) if e["id"] in pts else 0, "degree": e["projects"]}
             for e in matrix["ecosystems"]]
    edges = [{"source": p["a"], "target": p["b"], "weight": p["joint_projects"]} for p in matrix["pairs"] if p["joint_projects"]]
    return {"ecosystem": "knowledge cities", "nodes": nodes, "edges": edges}


def matrix_sheets(comp: dict[str, Any], matrix: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The matrices as tables (one row per ecosystem) for CSV/Excel."""
    spec = comp["specialisation"]
    themes = [t["code"] for t in spec["themes"]]
    ecos = [e["id"] for e in spec["ecosystems"]]
    sheet = lambda key: [{"ecosystem": e, **{t: spec[key][i][j] for j, t in enumerate(themes)}} for i, e in enumerate(ecos)]  # noqa: E731
    square = lambda m, ids: [{"ecosystem": a, **{b: m[i][j] for j, b in enumerate(ids)}} for i, a in enumerate(ids)]  # noqa: E731
    mids = [e["id"] for e in matrix["ecosystems"]]
    return {"rsca": sheet("rsca"), "rca": sheet("rca"), "counts": sheet("values"),
            "cosine": square(comp["cosine"], ecos), "complementarity": square(comp["complementarity"], ecos),
            "joint_projects": square(matrix["joint_projects"], mids),
            "organisation_pairs": square(matrix["organisation_pairs"], mids),
            "joint_ec_eur": square(matrix["joint_ec_eur"], mids),
            "association_strength": square(matrix["association_strength"], mids),
            "observed_expected": square(matrix["observed_expected"], mids), "pairs": matrix["pairs"]}


def demo_lines(ws: Workspace) -> list[str]:
    """Three lines for ``innovatlas demo``: the strongest link, the cities jointly specialised in energy, the stages."""
    d = agenda_data(ws, lang="en")
    out = []
    if d["matrix"]["pairs"]:
        p = d["matrix"]["pairs"][0]
        top_oe = max((q for q in d["matrix"]["pairs"] if q["joint_projects"] >= 20), key=lambda q: q["observed_expected"] or 0,
                     default=p)
        out.append(f"connection agenda: most joint projects {p['a_name']}–{p['b_name']} ({p['joint_projects']}); "
                   f"strongest relative to size {top_oe['a_name']}–{top_oe['b_name']} (observed/expected "
                   f"{top_oe['observed_expected']:.1f})")
    energy = next((j for j in d["comp"]["joint"] if j["theme"] == "SC3"), None)
    if energy:
        out.append(f"jointly specialised in energy (H2020 SC3, RSCA > 0): {', '.join(energy['names'])}")
    counts: dict[str, int] = {}
    for e in d["stages"]["ecosystems"]:
        counts[e["stage"]] = counts.get(e["stage"], 0) + 1
    out.append("stages of the 13 knowledge cities (start years "
               f"{d['stages']['complete_years'][0]}-{d['stages']['complete_years'][-1]}): "
               + ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda x: -x[1])) if d["stages"]["complete_years"]
               else "stages: not enough years of data")
    return out
