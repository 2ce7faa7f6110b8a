"""Server-rendered SVG maps of the Netherlands (no tiles, no JavaScript, no CDN)."""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

__all__ = ["choropleth_svg", "BLUES"]

BLUES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
_COS = math.cos(math.radians(52.2))


def _bins(values: list[float], n: int) -> list[float]:
    """Upper bounds of ``n`` quantile classes of the non-zero values."""
    vals = sorted(v for v in values if v > 0)
    if not vals:
        return []
    return [vals[min(len(vals) - 1, int(len(vals) * (i + 1) / n) - 1)] for i in range(n)]


def _colour(v: float, bounds: list[float]) -> str:
    if v <= 0 or not bounds:
        return "#f4f4f4"
    for i, b in enumerate(bounds):
        if v <= b:
            return BLUES[i]
    return BLUES[-1]


def choropleth_svg(layer: dict[str, Any], points: list[dict[str, Any]], *, width: int = 520, title: str = "",
                   link: str = "", fmt=lambda v: f"{v:,.0f}", region_link: str = "", margin: int = 6) -> Markup:
    """A choropleth of ``layer`` (GeoJSON, properties code/name/value) with knowledge-city ``points``.

    ``link`` (with ``{id}``) makes each city circle open its ecosystem, ``region_link`` (with
    ``{code}``) makes each region open its organisations. City labels near the right edge are
    written to the left of the circle, so none is clipped by the picture's edge.
    """
    feats = layer["features"]
    coords = [(p[0], p[1]) for f in feats for ring in _rings(f["geometry"]) for p in ring]
    if not coords:
        return Markup("")
    xs = [x * _COS for x, _y in coords]
    ys = [y for _x, y in coords]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    scale = (width - 2 * margin) / (maxx - minx)
    height = int((maxy - miny) * scale) + 1 + 2 * margin
    px = lambda lon: margin + (lon * _COS - minx) * scale  # noqa: E731
    py = lambda lat: margin + (maxy - lat) * scale  # noqa: E731
    bounds = _bins([f["properties"]["value"] for f in feats], len(BLUES))
    parts = [f'<svg class="map" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for f in feats:
        d = " ".join("M" + " L".join(f"{px(x):.1f},{py(y):.1f}" for x, y in ring) + " Z" for ring in _rings(f["geometry"]))
        p = f["properties"]
        shape = (f'<path d="{d}" fill="{_colour(p["value"], bounds)}" stroke="#777" stroke-width="0.4">'
                 f'<title>{escape(p["name"])}: {escape(fmt(p["value"]))}</title></path>')
        if region_link and p.get("code"):
            shape = (f'<a class="region" href="{escape(region_link.format(code=p["code"]))}" '
                     f'aria-label="{escape(p["name"])}">{shape}</a>')
        parts.append(shape)
    top = max((pt["value"] or 0 for pt in points), default=0) or 1
    for pt in points:
        r = 4 + 10 * math.sqrt((pt["value"] or 0) / top)
        x, y = px(pt["lon"]), py(pt["lat"])
        label_w = 6.5 * len(pt["city"])  # generous estimate of the label's width at 11px
        right = x + r + 2 + label_w <= width - 2
        tx, anchor = (x + r + 2, "start") if right else (x - r - 2, "end")
        parts.append(f'<a class="city" href="{escape(link.format(id=pt["ecosystem_id"]))}" aria-label="{escape(pt["city"])}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#d62728" fill-opacity="0.75" stroke="#fff">'
                     f'<title>{escape(pt["city"])}: {escape(fmt(pt["value"] or 0))}</title></circle>'
                     f'<text x="{tx:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="{anchor}" paint-order="stroke" '
                     f'stroke="#fff" stroke-width="3">{escape(pt["city"])}</text></a>')
    parts.append("</svg>")
    legend = "".join(f'<span><i style="background:{c}"></i>≤ {escape(fmt(b))}</span>' for c, b in zip(BLUES, bounds))
    return Markup("".join(parts) + f'<p class="legend">{legend}</p>')


def _rings(geom: dict[str, Any]) -> list[list[list[float]]]:
    if geom["type"] == "Polygon":
        return geom["coordinates"]
    return [r for poly in geom["coordinates"] for r in poly]
