"""Exports other tools read: CSV, Excel, GEXF and GraphML (Gephi), VOSviewer JSON, GeoJSON.

Pure functions from rows or a network dict (as returned by
:func:`innovatlas.explore.network_data`) to text or bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable
from xml.sax.saxutils import escape, quoteattr

__all__ = ["safe_cell", "safe_row", "to_csv", "to_xlsx", "to_gexf", "to_graphml", "to_vosviewer", "to_geojson", "NODE_ATTRIBUTES"]

NODE_ATTRIBUTES = (("activity_type", "string"), ("actor_type", "string"), ("country", "string"),
                   ("member", "boolean"), ("community", "integer"), ("degree", "integer"), ("betweenness", "double"))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses (IllegalCharacterError)


def safe_cell(value: Any) -> Any:
    """A cell value that no spreadsheet runs as a formula (OWASP "CSV injection"): a text starting with
    ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading single quote (``=HYPERLINK(..)`` ->
    ``'=HYPERLINK(..)``). Numbers stay numbers, and a text that is only a number (``-12.5``) stays as it is.
    Every CSV and Excel file innovatlas writes goes through this function (:func:`to_csv`, :func:`to_xlsx`,
    the templates and the match review)."""
    if (isinstance(value, str) and value.startswith(_FORMULA_START) and value not in ("-", "+")
            and not _NUMBER.match(value)):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def _xlsx_cell(value: Any) -> Any:
    value = safe_cell(json.dumps(value) if isinstance(value, (dict, list)) else value)
    return _ILLEGAL_XML.sub("\ufffd", value) if isinstance(value, str) else value


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    rows = list(rows)
    buf = io.StringIO()
    if rows:
        cols = list(rows[0])
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(safe_row(cols))
        w.writerows(safe_row(r.get(c) for c in cols) for r in rows)
    return buf.getvalue()


def to_xlsx(sheets: dict[str, list[dict[str, Any]]]) -> bytes:
    """An Excel workbook with one sheet per entry (header row + rows)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(title=name[:31])
        if rows:
            cols = list(rows[0])
            ws.append([_xlsx_cell(c) for c in cols])
            for r in rows:
                ws.append([_xlsx_cell(r[c]) for c in cols])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _v(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def to_gexf(net: dict[str, Any]) -> str:
    """GEXF 1.3 (Gephi): undirected, weighted, node attributes and layout positions."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
           f'<meta><creator>innovatlas</creator><description>{escape(net["ecosystem"])} '
           f'{escape(net.get("description", "joint-project network"))}</description></meta>',
           '<graph defaultedgetype="undirected" mode="static">', '<attributes class="node">']
    out += [f'<attribute id="{i}" title="{k}" type="{t}"/>' for i, (k, t) in enumerate(NODE_ATTRIBUTES)]
    typed = any("type" in e for e in net["edges"])  # the heterogeneous network: the link type on every edge
    out.append("</attributes>" + ('<attributes class="edge"><attribute id="type" title="type" type="string"/></attributes>'
                                  if typed else "") + "<nodes>")
    for n in net["nodes"]:
        vals = "".join(f'<attvalue for="{i}" value={quoteattr(_v(n.get(k)))}/>' for i, (k, _t) in enumerate(NODE_ATTRIBUTES)
                       if n.get(k) is not None)
        out.append(f'<node id={quoteattr(n["id"])} label={quoteattr(n["label"])}><attvalues>{vals}</attvalues>'
                   f'<viz:position x="{n["x"]}" y="{n["y"]}" z="0"/></node>')
    out.append("</nodes><edges>")
    out += [f'<edge id="{i}" source={quoteattr(e["source"])} target={quoteattr(e["target"])} weight="{e["weight"]}"'
            + (f' kind={quoteattr(str(e["type"]))}' if typed else "")  # Gephi keeps parallel links of different kinds
            + (f'><attvalues><attvalue for="type" value={quoteattr(str(e["type"]))}/></attvalues></edge>' if typed else "/>")
            for i, e in enumerate(net["edges"])]
    out.append("</edges></graph></gexf>")
    return "\n".join(out)


def to_graphml(net: dict[str, Any]) -> str:
    """GraphML: undirected, ``weight`` on edges, attributes and x/y on nodes."""
    gm = {"string": "string", "boolean": "boolean", "integer": "int", "double": "double"}
    keys = list(NODE_ATTRIBUTES) + [("label", "string"), ("x", "double"), ("y", "double")]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    out += [f'<key id="{k}" for="node" attr.name="{k}" attr.type="{gm[t]}"/>' for k, t in keys]
    out.append('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>')
    typed = any("type" in e for e in net["edges"])
    if typed:
        out.append('<key id="type" for="edge" attr.name="type" attr.type="string"/>')
    out.append(f'<graph id={quoteattr(net["ecosystem"])} edgedefault="undirected">')
    for n in net["nodes"]:
        data = "".join(f'<data key="{k}">{escape(_v(n.get(k)))}</data>' for k, _t in keys if n.get(k) is not None)
        out.append(f'<node id={quoteattr(n["id"])}>{data}</node>')
    out += [f'<edge source={quoteattr(e["source"])} target={quoteattr(e["target"])}><data key="weight">{e["weight"]}</data>'
            + (f'<data key="type">{escape(str(e["type"]))}</data>' if typed else "") + "</edge>"
            for e in net["edges"]]
    out.append("</graph></graphml>")
    return "\n".join(out)


def to_vosviewer(net: dict[str, Any]) -> dict[str, Any]:
    """VOSviewer JSON map file: items with x/y/cluster/weights and links with strength."""
    clusters = {c: i + 1 for i, c in enumerate(sorted({n["community"] for n in net["nodes"] if n["community"] is not None}))}
    return {"network": {
        "items": [{"id": int(n["id"]), "label": n["label"], "x": n["x"], "y": n["y"],
                   **({"cluster": clusters[n["community"]]} if n["community"] in clusters else {}),
                   "weights": {"Links": n["degree"]}, "scores": {"Betweenness": n["betweenness"] or 0},
                   "description": f"{n['activity_type'] or ''} {n['country'] or ''}".strip()}
                  for n in net["nodes"]],
        "links": [{"source_id": int(e["source"]), "target_id": int(e["target"]), "strength": e["weight"]}
                  for e in net["edges"]],
    }}


def to_geojson(layer: dict[str, Any]) -> str:
    return json.dumps(layer, separators=(",", ":"))
