"""Co-publication networks and the heterogeneous network of every link type (issue 15).

Co-publication network (per analysed ecosystem; the national one is the ``nl`` ecosystem): organisations are
nodes (registry keys, ``ror:<id>``, or ``openalex:<id>`` for institutions without a ROR id); two are linked when
they share works of the ecosystem and at least one of them is a member. Link weights, computed set-based in
DuckDB (:data:`innovatlas.store.queries.publications.EDGES`, a self-join of the work-organisation rows):

* ``works``: full counting, the number of joint works;
* ``fractional``: each work with ``n`` organisations adds ``1 / (n - 1)`` to each of its pairs (Newman 2001;
  the fractional counting of VOSviewer, Perianes-Rodriguez, van Eck & Waltman 2016, J. Informetrics 10(4) 1178),
  so every organisation's total per work is 1;
* ``association_strength``: ``c_ij * 2m / (s_i s_j)``, the association strength of van Eck & Waltman (2009,
  "How to normalize cooccurrence data?", JASIST 60(8) 1635-1651) as VOSviewer normalises, with ``c_ij`` the
  joint works, ``s_i`` the total link weight of ``i`` and ``2m = sum_i s_i``: the observed joint works over the
  number expected if organisations linked in proportion to their totals (1 = as expected).

Communities: Leiden (Traag, Waltman & van Eck 2019) with modularity, on the association-strength weights,
seeded (leidenalg, as the joint-project network).

Heterogeneous network (:func:`heterogeneous_network`): joint projects (CORDIS, the stored joint-project network),
co-publications (OpenAlex) and the user's own relation types (``user_relation``) in one graph on the registry
keys, the type on every link. Metrics per type and combined. **Combined weight** of a pair = the sum over its
link types of the link's weight divided by the mean link weight of that type, so every type counts on the same
scale (a link of average strength adds 1 whatever its type); ``types`` on a combined link says which types it has.
"""

from __future__ import annotations

import json
import time
from typing import Any

import igraph as ig
import leidenalg
import numpy as np
import pyarrow as pa

from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine
from innovatlas.store.queries import publications as Q

__all__ = ["compute_copublication_networks", "copublication_network", "heterogeneous_network", "LINK_TYPES",
           "LINK_COLOURS", "association_strength", "graph_figures"]

SEED = 42
#: link types of the heterogeneous network, in drawing order, with their colours (colour-blind safe, Okabe-Ito)
LINK_TYPES = ("joint_project", "co_publication", "dual_appointment", "funding", "spin_off", "facility_use", "membership")
LINK_COLOURS = {"joint_project": "#0072B2", "co_publication": "#D55E00", "dual_appointment": "#009E73",
                "funding": "#E69F00", "spin_off": "#CC79A7", "facility_use": "#56B4E9", "membership": "#999999"}


def association_strength(c: np.ndarray, si: np.ndarray, sj: np.ndarray, two_m: float) -> np.ndarray:
    """van Eck & Waltman (2009): ``c_ij * 2m / (s_i s_j)`` (observed over expected).

    >>> association_strength(np.array([2.0]), np.array([4.0]), np.array([2.0]), 8.0).tolist()
    [2.0]
    """
    return c * two_m / (si * sj)


def _leiden(g: ig.Graph, weight: str) -> tuple[list[int], float | None]:
    if not g.ecount():
        return list(range(g.vcount())), None
    part = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights=weight, seed=SEED)
    return list(part.membership), float(part.modularity)


def graph_figures(g: ig.Graph, weight: str = "weight") -> dict[str, Any]:
    """Nodes, links, density, components, largest component share, Leiden communities and modularity."""
    n, m = g.vcount(), g.ecount()
    comps = g.connected_components() if n else None
    membership, modularity = _leiden(g, weight) if n else ([], None)
    return {"nodes": n, "links": m, "density": (2 * m / (n * (n - 1))) if n > 1 else None,
            "components": len(comps) if comps else 0,
            "largest_component_share": (max(comps.sizes()) / n) if n else None,
            "communities": len(set(membership)), "modularity": modularity, "_membership": membership}


def compute_copublication_networks(ws: Workspace, progress=None, timings: dict | None = None) -> None:
    """Store the co-publication network (edges, nodes with Leiden communities, figures) of every ecosystem."""
    timings = {} if timings is None else timings
    for q in Q.CLEAR:
        ws.execute(q)
    if not ws.scalar(Q.HAS_WORKS):
        return
    t = time.perf_counter()
    ws.execute(Q.INSERT_EDGES)
    timings["copub_edges"] = time.perf_counter() - t
    eng = DuckDBEngine(ws)
    nodes = {k: _plain(v) for k, v in eng.numpy(Q.NODES).items()}
    edges = {k: _plain(v) for k, v in eng.numpy(Q.EDGE_LIST).items()}
    by_eco: dict[str, list[int]] = {}
    for i, e in enumerate(nodes["ecosystem_id"]):
        by_eco.setdefault(e, []).append(i)
    eby: dict[str, list[int]] = {}
    for i, e in enumerate(edges["ecosystem_id"]):
        eby.setdefault(e, []).append(i)
    out = {k: [] for k in ("ecosystem_id", "org_key", "label", "inst_type", "sector", "country", "member", "works",
                           "works_fractional", "degree", "strength", "community")}
    metrics = []
    for eco, idx in by_eco.items():
        if progress:
            progress(f"co-publication network {eco}")
        keys = [nodes["org_key"][i] for i in idx]
        pos = {k: j for j, k in enumerate(keys)}
        ei = eby.get(eco, [])
        # the ecosystem's network: members and the partners linked to them (a partner only on works of members,
        # never linked to one, cannot occur: every work of the ecosystem has a member)
        g = ig.Graph(n=len(keys), edges=[(pos[edges["source"][i]], pos[edges["target"][i]]) for i in ei])
        g.es["works"] = [edges["works"][i] for i in ei]
        g.es["fractional"] = [edges["fractional"][i] for i in ei]
        g.es["association_strength"] = [edges["association_strength"][i] for i in ei]
        f = graph_figures(g, "association_strength")
        membership = f.pop("_membership")
        deg = g.degree()
        strength = g.strength(weights="works") if g.ecount() else [0] * len(keys)
        for j, i in enumerate(idx):
            for k in ("ecosystem_id", "org_key", "label", "inst_type", "sector", "country", "member", "works",
                      "works_fractional"):
                out[k].append(nodes[k][i])
            out["degree"].append(deg[j])
            out["strength"].append(float(strength[j]))
            out["community"].append(membership[j] if membership else None)
        f["members"] = sum(1 for i in idx if nodes["member"][i])
        f["weight"] = "association_strength (communities); works = full counting; fractional = 1/(n-1) per work"
        for k, v in f.items():
            metrics.append((eco, k, float(v) if isinstance(v, (int, float)) and v is not None else None,
                            json.dumps(v) if isinstance(v, str) else None))
    eng.load("copub_node", pa.table({
        **{k: pa.array(out[k], pa.string()) for k in ("ecosystem_id", "org_key", "label", "inst_type", "sector", "country")},
        "member": pa.array(out["member"], pa.bool_()), "works": pa.array(out["works"], pa.int32()),
        "works_fractional": pa.array(out["works_fractional"], pa.float64()), "degree": pa.array(out["degree"], pa.int32()),
        "strength": pa.array(out["strength"], pa.float64()), "community": pa.array(out["community"], pa.int32())}))
    if metrics:
        cols = list(zip(*metrics))
        eng.load("copub_metric", pa.table({"ecosystem_id": pa.array(cols[0], pa.string()),
                                                    "metric": pa.array(cols[1], pa.string()),
                                                    "value": pa.array(cols[2], pa.float64()),
                                                    "detail": pa.array(cols[3], pa.string())}))


def _plain(a) -> list:
    """A fetched numpy column as a list with None for SQL NULL."""
    if isinstance(a, np.ma.MaskedArray):
        out = a.data.astype(object)
        out[np.ma.getmaskarray(a)] = None
        return out.tolist()
    return a.tolist()


def copublication_network(ws: Workspace, eco_id: str, weight: str = "works") -> dict[str, Any]:
    """The stored co-publication network of one ecosystem (nodes, links, figures) in the export layout."""
    nodes = ws.dicts(Q.NETWORK_NODES(eco_id))
    edges = ws.dicts(Q.NETWORK_EDGES(eco_id))
    metrics = {m: (json.loads(d) if d else v) for m, v, d in ws.rows(Q.NETWORK_METRICS(eco_id))}
    return {"ecosystem": eco_id, "metrics": metrics,
            "nodes": [{"id": n["org_key"], "label": n["label"], "activity_type": n["inst_type"], "actor_type": n["sector"],
                       "country": n["country"], "member": n["member"], "community": n["community"], "degree": n["degree"],
                       "betweenness": None, "works": n["works"], "works_fractional": n["works_fractional"],
                       "x": 0.0, "y": 0.0} for n in nodes],
            "edges": [{"source": e["source"], "target": e["target"], "weight": e[weight], "type": "co_publication",
                       "works": e["works"], "fractional": e["fractional"],
                       "association_strength": e["association_strength"]} for e in edges]}


def heterogeneous_network(ws: Workspace, eco_id: str, types: list[str] | None = None) -> dict[str, Any]:
    """Every link type the workspace has for one ecosystem in one graph (see the module docstring).

    Nodes are registry keys; the joint-project layer is the ecosystem's stored network (members and, when analysed
    so, their partners), the co-publication layer its stored co-publication network, and the user's relations those
    with at least one end already in one of the two. ``types`` keeps only the given link types.
    """
    layers: dict[str, list[tuple[str, str, float]]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    for n in ws.dicts(Q.PROJECT_NODES(eco_id)):
        attrs[n["org_key"]] = {"label": n["label"], "kind": n["activity_type"], "country": n["country"],
                               "member": bool(n["member"]), "pic": n["pic"]}
    layers["joint_project"] = [(r["source"], r["target"], r["weight"]) for r in ws.dicts(Q.PROJECT_LINKS(eco_id))]
    for n in ws.dicts(Q.NETWORK_NODES(eco_id)):
        a = attrs.setdefault(n["org_key"], {"label": n["label"], "kind": n["inst_type"], "country": n["country"],
                                            "member": bool(n["member"]), "pic": None})
        a["member"] = a["member"] or bool(n["member"])
    layers["co_publication"] = [(r["source"], r["target"], float(r["works"])) for r in ws.dicts(Q.NETWORK_EDGES(eco_id))]
    known = set(attrs)
    for r in ws.dicts(Q.USER_LINKS):
        if r["source"] in known or r["target"] in known:
            layers.setdefault(r["relation_type"], []).append((r["source"], r["target"], float(r["weight"])))
            for k, name in ((r["source"], r["source_name"]), (r["target"], r["target_name"])):
                attrs.setdefault(k, {"label": name or k, "kind": None, "country": None, "member": False, "pic": None})
    if types:
        layers = {t: v for t, v in layers.items() if t in types}
    missing = [k for k, a in attrs.items() if not a["label"] or a["label"] == k]
    if missing:
        for r in ws.dicts(Q.REGISTRY_LABELS(missing)):
            attrs[r["org_key"]].update(label=r["name"], kind=attrs[r["org_key"]]["kind"] or r["org_type"],
                                       country=attrs[r["org_key"]]["country"] or r["country"])
    # one undirected link per pair and type (a relation given twice adds its weights)
    per_type: dict[str, dict[tuple[str, str], float]] = {}
    for t, links in layers.items():
        d = per_type.setdefault(t, {})
        for s, e, w in links:
            key = (s, e) if s < e else (e, s)
            d[key] = d.get(key, 0.0) + w
    used = sorted({k for d in per_type.values() for pair in d for k in pair})
    pos = {k: i for i, k in enumerate(used)}
    figures: dict[str, Any] = {}
    combined: dict[tuple[str, str], dict[str, Any]] = {}
    edges_out = []
    for t in sorted(per_type, key=lambda x: (LINK_TYPES.index(x) if x in LINK_TYPES else 99, x)):
        d = per_type[t]
        mean = (sum(d.values()) / len(d)) if d else 1.0
        g = ig.Graph(n=len(used), edges=[(pos[a], pos[b]) for a, b in d])
        g.es["weight"] = list(d.values())
        sub = g.subgraph([v.index for v in g.vs if g.degree(v.index) > 0]) if g.ecount() else ig.Graph()
        f = graph_figures(sub)
        f.pop("_membership")
        f["mean_weight"] = mean
        figures[t] = f
        for (a, b), w in d.items():
            edges_out.append({"source": a, "target": b, "type": t, "weight": w})
            c = combined.setdefault((a, b), {"weight": 0.0, "types": []})
            c["weight"] += w / mean if mean else 0.0
            c["types"].append(t)
    g = ig.Graph(n=len(used), edges=[(pos[a], pos[b]) for a, b in combined])
    g.es["weight"] = [c["weight"] for c in combined.values()]
    f = graph_figures(g)
    membership = f.pop("_membership")
    f["multiplex_pairs"] = sum(1 for c in combined.values() if len(c["types"]) > 1)
    figures["combined"] = f
    deg = g.degree() if used else []
    layout = _layout(g)
    nodes = [{"id": k, "label": attrs.get(k, {}).get("label") or k, "activity_type": attrs.get(k, {}).get("kind"),
              "actor_type": None, "country": attrs.get(k, {}).get("country"), "member": attrs.get(k, {}).get("member", False),
              "community": membership[i] if membership else None, "degree": deg[i], "betweenness": None,
              "x": layout[i][0], "y": layout[i][1]} for i, k in enumerate(used)]
    return {"ecosystem": eco_id, "nodes": nodes, "edges": edges_out,
            "combined": [{"source": a, "target": b, "weight": c["weight"], "types": c["types"]} for (a, b), c in combined.items()],
            "figures": figures, "types": [t for t in figures if t != "combined"], "colours": LINK_COLOURS,
            "combined_weight": "sum over link types of weight / mean weight of the type"}


def _layout(g: ig.Graph) -> list[tuple[float, float]]:
    import random

    if not g.vcount():
        return []
    random.seed(SEED)
    lay = g.layout_fruchterman_reingold(weights="weight", niter=200) if g.ecount() else g.layout_circle()
    return [(float(x), float(y)) for x, y in lay.coords]
