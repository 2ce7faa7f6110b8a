"""Inline SVG charts (pure functions, no JavaScript, no CDN): bars, lines and a network picture."""

from __future__ import annotations

from markupsafe import Markup, escape

__all__ = ["bar_chart", "line_chart", "network_picture", "PALETTE", "ACTIVITY_COLOURS"]

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
ACTIVITY_COLOURS = {"HES": "#1f77b4", "REC": "#2ca02c", "PRC": "#d62728", "PUB": "#9467bd", "OTH": "#7f7f7f"}


def _fmt(v: float) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:.1f} bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:.1f} m"
    if abs(v) >= 1e4:
        return f"{v / 1e3:.0f} k"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:.2f}"


def bar_chart(items: list[tuple[str, float]], *, width: int = 560, bar: int = 18, title: str = "",
              colours: list[str] | None = None) -> Markup:
    """Horizontal bars, one per (label, value)."""
    if not items:
        return Markup("")
    label_w, gap = 190, 6
    height = len(items) * (bar + gap) + 10
    top = max(v for _l, v in items) or 1
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">', f"<title>{escape(title)}</title>"]
    for i, (label, value) in enumerate(items):
        y = 5 + i * (bar + gap)
        w = (width - label_w - 70) * (value / top)
        colour = (colours[i] if colours else PALETTE[0])
        parts.append(f'<text x="{label_w - 6}" y="{y + bar - 5}" text-anchor="end" font-size="12">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{max(w, 0.5):.1f}" height="{bar}" fill="{colour}"><title>{escape(label)}: {_fmt(value)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + bar - 5}" font-size="12">{_fmt(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(series: dict[str, list[tuple[int, float]]], *, width: int = 560, height: int = 220,
               title: str = "") -> Markup:
    """One line per series over years; each series scaled to its own maximum (shown in the legend)."""
    pts = [(x, y) for s in series.values() for x, y in s]
    if not pts:
        return Markup("")
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    x1 = x1 if x1 > x0 else x0 + 1
    left, right, top, bottom = 40, 20, 20, 30 + 16 * len(series)
    pw, ph = width - left - right, height - top - bottom
    sx = lambda x: left + pw * (x - x0) / (x1 - x0)  # noqa: E731
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#555"/>']
    for year in range(x0, x1 + 1):
        parts.append(f'<text x="{sx(year):.1f}" y="{top + ph + 14}" font-size="10" text-anchor="middle">{year}</text>')
    for k, (name, s) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        peak = max((y for _x, y in s), default=0) or 1
        sy = lambda y: top + ph - ph * (y / peak)  # noqa: E731,B023
        path = " ".join(f"{'M' if i == 0 else 'L'}{sx(x):.1f},{sy(y):.1f}" for i, (x, y) in enumerate(sorted(s)))
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in s:
            parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{colour}"><title>{escape(name)} {x}: {_fmt(y)}</title></circle>')
        ly = top + ph + 30 + 16 * k
        parts.append(f'<rect x="{left}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{left + 14}" y="{ly}" font-size="11">{escape(name)} (max {_fmt(peak)})</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


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
