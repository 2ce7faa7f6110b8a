"""Charts as inline SVG without JavaScript or CDN: bars and lines are Vega-Lite specs rendered
to static SVG in-process by vl-convert (axes, ticks, labels, legends and tooltips come from
Vega, a well-kept charting library, so the static report stays script-free and opens
offline, and the dashboard shows the very same charts); the network picture is drawn here.

Why vl-convert rather than vendored Vega scripts: the report must open offline and without
scripts (it is also turned into PDF by WeasyPrint, which runs no JavaScript); one renderer for
report, PDF and dashboard means one look and one set of tests. Tooltips are SVG <title>
elements made from Vega's own mark descriptions (see ``_with_titles``)."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

__all__ = ["bar_chart", "line_chart", "network_picture", "render_vegalite", "PALETTE", "ACTIVITY_COLOURS", "PARTIAL"]

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
ACTIVITY_COLOURS = {"HES": "#1f77b4", "REC": "#2ca02c", "PRC": "#d62728", "PUB": "#9467bd", "OTH": "#7f7f7f"}


def _fmt(v: float, lang: str = "en") -> str:
    from innovatlas.report.labels import number

    return number(v, lang, 0 if float(v).is_integer() or abs(v) >= 10 else 2)


PARTIAL = {"en": "partial year", "nl": "onvolledig jaar"}
FULL = {"en": "complete year", "nl": "volledig jaar"}
_MARK_ROLES = ("point", "bar", "rect", "circle", "symbol")
_TITLE_RE = re.compile(r'<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="([a-z ]+)"([^>]*?)/>')


def _with_titles(svg: str) -> str:
    """Vega writes each mark's description as aria-label; copy it into an SVG <title> so that
    browsers show it as a tooltip without any script."""

    def repl(m: re.Match) -> str:
        if m.group(2) not in _MARK_ROLES:
            return m.group(0)
        return (f'<path aria-label="{m.group(1)}" role="graphics-symbol" aria-roledescription="{m.group(2)}"'
                f'{m.group(3)}><title>{m.group(1)}</title></path>')

    return _TITLE_RE.sub(repl, svg)


def render_vegalite(spec: dict[str, Any], *, lang: str = "en", title: str = "", css_class: str = "chart") -> Markup:
    """A Vega-Lite spec as static, script-free SVG (vl-convert runs Vega in-process; no browser,
    no network: ``allowed_base_urls=[]``); numbers formatted for the language."""
    import vl_convert as vlc

    from innovatlas.report.labels import vega_locale

    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "background": None,
            "padding": {"left": 14, "right": 14, "top": 4, "bottom": 4},
            "config": {"font": "DejaVu Sans, Verdana, Arial, sans-serif", "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 320},
                       "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom", "labelLimit": 400},
                       "view": {"stroke": None}},
            **spec}
    svg = vlc.vegalite_to_svg(spec, format_locale=vega_locale(lang), allowed_base_urls=[])
    svg = _with_titles(svg)
    head = (f'<svg class="{css_class}" role="img" aria-label="{escape(title)}" ')
    svg = svg.replace('<svg ', head, 1).replace('class="marks" ', "", 1)
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + f"<title>{escape(title)}</title>", svg, count=1)
    return Markup(svg)


def bar_chart(items: list[tuple], *, width: int = 560, bar: int = 18, title: str = "",
              colours: list[str] | None = None, lang: str = "en", x_title: str = "") -> Markup:
    """Horizontal bars, one per (label, value) or (label, value, full name for the tooltip), with a value axis.
    A value of None has no bar and reads "not in the data" (missing is never drawn as 0)."""
    if not items:
        return Markup("")
    missing = {"en": "not in the data", "nl": "niet in de data"}[lang if lang in ("en", "nl") else "en"]
    rows = []
    for i, item in enumerate(items):
        label, value = item[0], item[1]
        full = item[2] if len(item) > 2 else label
        shown = missing if value is None else _fmt(value, lang)
        rows.append({"label": label, "value": value, "at": value or 0, "shown": shown, "order": i,
                     "colour": (colours[i] if colours else PALETTE[0]), "tip": f"{full}: {shown}"})
    spec = {"width": max(200, width - 260), "height": {"step": bar + 6}, "data": {"values": rows},
            "layer": [
                {"mark": {"type": "bar"},
                 "encoding": {"y": {"field": "label", "type": "nominal", "sort": {"field": "order"}, "title": None},
                              "x": {"field": "value", "type": "quantitative", "title": x_title or None,
                                    "axis": {"format": ",~f", "tickCount": 5}},
                              "color": {"field": "colour", "type": "nominal", "scale": None},
                              "description": {"field": "tip"}}},
                {"mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 11},
                 "encoding": {"y": {"field": "label", "type": "nominal", "sort": {"field": "order"}},
                              "x": {"field": "at", "type": "quantitative"},
                              "text": {"field": "shown", "type": "nominal"}}},
            ]}
    return render_vegalite(spec, lang=lang, title=title)


def _point(p: Any) -> tuple[Any, Any, bool]:
    if isinstance(p, dict):
        return p.get("year", p.get("x")), p.get("value", p.get("y")), bool(p.get("partial"))
    return p[0], p[1], bool(p[2]) if len(p) > 2 else False


def line_chart(series: dict[str, list], *, width: int = 560, height: int = 220, title: str = "",
               lang: str = "en", shared_axis: bool = False, y_title: str = "", partial_years: set | None = None) -> Markup:
    """Lines over years with axes, ticks and tooltips.

    Points are ``(year, value)``, ``(year, value, partial)`` or dicts with ``year``, ``value``
    and optional ``partial``; a partial year (or any year in ``partial_years``) is drawn as a
    hollow point joined by a dashed line, with a legend entry "partial year". With
    ``shared_axis`` all series share one y-axis (same unit); otherwise each series gets its
    own panel with its own y-axis (different units never share a scale).
    """
    partial_years = partial_years or set()
    rows, any_partial = [], False
    for name, pts in series.items():
        clean = sorted((x, y, part or x in partial_years) for x, y, part in map(_point, pts) if y is not None)
        last_full = None
        for x, y, part in clean:
            any_partial |= part
            tip = f"{name}, {x}: {_fmt(y, lang)}" + (f" ({PARTIAL[lang]})" if part else "")
            period = PARTIAL[lang] if part else FULL[lang]
            rows.append({"series": name, "year": x, "value": y, "period": period, "tip": tip, "seg": "full"})
            if not part:
                last_full = (x, y)
        # the dashed stretch: from the last complete year through the partial years
        if any(p for _x, _y, p in clean) and last_full is not None:
            rows.append({"series": name, "year": last_full[0], "value": last_full[1], "period": PARTIAL[lang],
                         "tip": "", "seg": "partial", "join": True})
    if not rows:
        return Markup("")
    years = sorted({r["year"] for r in rows})
    x_enc = {"field": "year", "type": "ordinal", "title": None, "scale": {"domain": years},
             "axis": {"labelAngle": 0}}
    y_enc = {"field": "value", "type": "quantitative", "title": y_title or None,
             "axis": {"format": ",~f", "tickCount": 5}, "scale": {"zero": True}}
    names = list(series)
    colour = {"field": "series", "type": "nominal", "title": None,
              "scale": {"domain": names, "range": PALETTE[:max(1, len(names))]},
              "legend": {"orient": "bottom", "direction": "vertical"} if shared_axis else None}
    dash_enc = {"field": "period", "type": "nominal", "title": None,
                "scale": {"domain": [FULL[lang], PARTIAL[lang]], "range": [[1, 0], [5, 4]]},
                "legend": {"orient": "bottom", "symbolType": "stroke", "symbolStrokeColor": "#555"} if any_partial else None}
    lines_full = {"transform": [{"filter": "datum.period == '%s'" % FULL[lang]}],
                  "mark": {"type": "line", "strokeWidth": 2},
                  "encoding": {"x": x_enc, "y": y_enc, "color": colour, "strokeDash": dash_enc}}
    lines_partial = {"transform": [{"filter": "datum.period == '%s' || datum.join" % PARTIAL[lang]}],
                     "mark": {"type": "line", "strokeWidth": 2},
                     "encoding": {"x": x_enc, "y": y_enc, "color": colour,
                                  "strokeDash": {"value": [5, 4]}, "detail": {"field": "series"}}}
    points = {"transform": [{"filter": "!datum.join"}],
              "mark": {"type": "point", "size": 40, "strokeWidth": 2},
              "encoding": {"x": x_enc, "y": y_enc, "color": colour,
                           "fill": {"condition": {"test": "datum.period == '%s'" % PARTIAL[lang], "value": "white"},
                                    "field": "series", "type": "nominal", "legend": None,
                                    "scale": {"domain": names, "range": PALETTE[:max(1, len(names))]}},
                           "opacity": {"value": 1}, "description": {"field": "tip"}}}
    layers = [lines_full] + ([lines_partial] if any_partial else []) + [points]
    if shared_axis or len(names) == 1:
        spec = {"width": width - 90, "height": height - 60, "data": {"values": rows}, "layer": layers}
        if len(names) == 1 and not y_title:
            y_enc["title"] = names[0]
            colour["legend"] = None
    else:  # one small panel per series, each with its own y-axis and a title naming the series
        panel_h = max(90, (height - 40) // 2)
        spec = {"data": {"values": rows}, "vconcat": [
            {"title": {"text": n, "anchor": "start", "fontSize": 12, "fontWeight": "normal"},
             "width": width - 90, "height": panel_h,
             "transform": [{"filter": {"field": "series", "equal": n}}], "layer": layers} for n in names],
             "resolve": {"scale": {"y": "independent"}}}
        colour["legend"] = None
    return render_vegalite(spec, lang=lang, title=title)


def network_picture(nodes: list[dict], edges: list[tuple[int, int, float]], *, size: int = 560,
                    title: str = "") -> Markup:
    """Nodes ``{x, y, colour, r, label}`` and edges ``(i, j, weight)`` between node indices."""
    if not nodes:
        return Markup("")
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    span = max(maxx - minx, maxy - miny) or 1
    pad = 14
    px = lambda v: pad + (size - 2 * pad) * (v - minx) / span  # noqa: E731
    py = lambda v: pad + (size - 2 * pad) * (v - miny) / span  # noqa: E731
    top_w = max((w for _i, _j, w in edges), default=1)
    parts = [f'<svg class="network" role="img" aria-label="{escape(title)}" viewBox="0 0 {size} {size}" width="{size}" '
             f'height="{size}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title><g stroke="#999">']
    for i, j, w in edges:
        a, b = nodes[i], nodes[j]
        parts.append(f'<line x1="{px(a["x"]):.1f}" y1="{py(a["y"]):.1f}" x2="{px(b["x"]):.1f}" y2="{py(b["y"]):.1f}" '
                     f'stroke-opacity="{0.15 + 0.6 * w / top_w:.2f}" stroke-width="{0.4 + 2 * w / top_w:.2f}"/>')
    parts.append("</g><g>")
    for n in nodes:
        parts.append(f'<circle cx="{px(n["x"]):.1f}" cy="{py(n["y"]):.1f}" r="{n["r"]:.1f}" fill="{n["colour"]}" '
                     f'stroke="#fff" stroke-width="0.5"><title>{escape(n["label"])}</title></circle>')
    parts.append("</g></svg>")
    return Markup("".join(parts))
