"""Exports of the co-publication and heterogeneous networks: GEXF and GraphML keep the link type on every edge
(:mod:`innovatlas.report.exports`), VOSviewer gets one map per link type (VOSviewer has one link strength)."""

from __future__ import annotations

from typing import Any

from innovatlas.report import exports

__all__ = ["to_gexf", "to_graphml", "to_vosviewer_by_type"]


def to_gexf(net: dict[str, Any]) -> str:
    return exports.to_gexf(net)


def to_graphml(net: dict[str, Any]) -> str:
    return exports.to_graphml(net)


def to_vosviewer_by_type(net: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{link type: VOSviewer JSON map}``; item ids are numbers (VOSviewer's), the registry key is the item's url."""
    ids = {n["id"]: i + 1 for i, n in enumerate(net["nodes"])}
    clusters = {c: i + 1 for i, c in enumerate(sorted({n["community"] for n in net["nodes"] if n.get("community") is not None}))}
    out = {}
    for t in sorted({e["type"] for e in net["edges"]}):
        links = [e for e in net["edges"] if e["type"] == t]
        used = {e["source"] for e in links} | {e["target"] for e in links}
        out[t] = {"network": {
            "items": [{"id": ids[n["id"]], "label": n["label"], "url": n["id"], "x": n.get("x") or 0, "y": n.get("y") or 0,
                       **({"cluster": clusters[n["community"]]} if n.get("community") in clusters else {}),
                       "weights": {"Links": sum(1 for e in links if n["id"] in (e["source"], e["target"]))},
                       "description": f"{n.get('activity_type') or ''} {n.get('country') or ''}".strip()}
                      for n in net["nodes"] if n["id"] in used],
            "links": [{"source_id": ids[e["source"]], "target_id": ids[e["target"]], "strength": e["weight"]} for e in links]},
            "config": {"terminology": {"item": "organisation", "link": t.replace("_", " ")}}}
    return out
