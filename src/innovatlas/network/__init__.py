"""Collaboration networks: organisations linked by joint projects (python-igraph + leidenalg).

:func:`edges_sql` gives the weighted edge list of an ecosystem (set-based, in the store);
:func:`build_graph` turns it into an igraph ``Graph``; :func:`analyse_graph` computes the
figures (pure); :func:`compute_networks` stores them for every analysed ecosystem.

Weights: ``projects`` = number of joint in-scope projects. ``fractional`` (Newman's
fractional counting, Newman 2001, Phys. Rev. E 64, 016132): each project with ``n``
member participants adds ``1 / (n - 1)`` to each of its pairs, so every organisation's
total weight per project is 1 and big consortia do not dominate.
"""

from __future__ import annotations

import bisect
import json
import random
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import numpy as np
import leidenalg

from innovatlas.store import Workspace

__all__ = ["edges_sql", "build_graph", "analyse_graph", "compute_networks", "NetworkFigures", "KNOWLEDGE", "LAYOUT_NODES"]

#: CORDIS activity types counted as knowledge institutions.
KNOWLEDGE = ("HES", "REC")
#: Nodes drawn in the report's network picture (the best-connected ones).
LAYOUT_NODES = 250
#: Fruchterman-Reingold iterations for that picture.
LAYOUT_ITERATIONS = 200


def edges_sql() -> str:
    """SQL returning ``ecosystem_id, source, target, projects, fractional`` for every ecosystem at once."""
    return """
        WITH pp AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope),
             sizes AS (SELECT ecosystem_id, project_key, count(*) AS n FROM pp GROUP BY ALL HAVING count(*) > 1)
        SELECT a.ecosystem_id, a.pic AS source, b.pic AS target, count(*) AS projects, sum(1.0 / (s.n - 1)) AS fractional
        FROM pp a JOIN pp b ON a.ecosystem_id = b.ecosystem_id AND a.project_key = b.project_key AND a.pic < b.pic
        JOIN sizes s ON s.ecosystem_id = a.ecosystem_id AND s.project_key = a.project_key
        GROUP BY a.ecosystem_id, a.pic, b.pic"""


def build_graph(nodes: dict[str, list], edges: dict[str, list], weight: str = "projects") -> ig.Graph:
    """Undirected graph; vertex attributes from ``nodes`` (must include ``pic``)."""
    index = {pic: i for i, pic in enumerate(nodes["pic"])}
    g = ig.Graph(n=len(index), edges=[(index[s], index[t]) for s, t in zip(edges["source"], edges["target"])])
    for k, v in nodes.items():
        g.vs[k] = v
    g.es["projects"] = edges["projects"]
    g.es["fractional"] = edges["fractional"]
    g.es["weight"] = edges[weight]
    return g


@dataclass
class NetworkFigures:
    nodes: int
    edges: int
    density: float | None
    components: int
    largest_component_share: float | None
    degree_distribution: dict[int, int]
    mean_degree: float | None
    communities: int
    modularity: float | None
    link_shares: dict[str, float | None]
    node_degree: list[int] = field(repr=False, default_factory=list)
    node_strength: list[float] = field(repr=False, default_factory=list)
    node_betweenness: list[float] = field(repr=False, default_factory=list)
    node_community: list[int] = field(repr=False, default_factory=list)

    def metrics(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("node_")}


def analyse_graph(g: ig.Graph, seed: int = 42) -> NetworkFigures:
    """All network figures of one graph.

    Betweenness is unweighted and normalised by ``(n-1)(n-2)/2`` (Freeman 1977), so a
    broker's value is the share of shortest paths between other pairs that pass through
    it. Communities: Leiden with the modularity quality function (Traag, Waltman & van Eck
    2019), edge weight = the chosen weight, fixed seed.

    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["activity_type"] = ["HES", "PRC", "PRC"]; g.vs["sme"] = [None] * 3
    >>> g.es["weight"] = [1, 1]
    >>> f = analyse_graph(g)
    >>> f.density, f.node_betweenness
    (0.6666666666666666, [0.0, 1.0, 0.0])
    """
    n, m = g.vcount(), g.ecount()
    degree = g.degree()
    strength = g.strength(weights="weight") if m else [0.0] * n
    if n > 2:
        scale = (n - 1) * (n - 2) / 2
        betweenness = [b / scale for b in g.betweenness(directed=False)]
    else:
        betweenness = [0.0] * n
    comps = g.connected_components()
    if m:
        part = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights="weight", seed=seed)
        membership, modularity, ncomm = list(part.membership), float(part.modularity), len(part)
    else:
        membership, modularity, ncomm = list(range(n)), None, n
    dist: dict[int, int] = {}
    for d in degree:
        dist[d] = dist.get(d, 0) + 1
    return NetworkFigures(
        nodes=n, edges=m,
        density=(2 * m / (n * (n - 1))) if n > 1 else None,
        components=len(comps),
        largest_component_share=(max(comps.sizes()) / n) if n else None,
        degree_distribution=dict(sorted(dist.items())),
        mean_degree=(2 * m / n) if n else None,
        communities=ncomm, modularity=modularity,
        link_shares=link_shares(g),
        node_degree=degree, node_strength=list(strength), node_betweenness=betweenness, node_community=membership,
    )


def link_shares(g: ig.Graph) -> dict[str, float | None]:
    """Shares of links between actor types.

    ``knowledge_firm``: links between a knowledge institution (HES, REC) and a private
    for-profit organisation (PRC); ``knowledge_sme``: between a knowledge institution and a
    PRC with the SME flag set (NULL when no PRC node has a flag); ``knowledge_knowledge``
    and ``firm_firm`` likewise; all over all links.
    """
    m = g.ecount()
    if not m:
        return {"knowledge_firm": None, "knowledge_sme": None, "knowledge_knowledge": None, "firm_firm": None}
    act = np.array([a or "" for a in g.vs["activity_type"]])
    sme_raw = g.vs["sme"]
    know = np.isin(act, KNOWLEDGE)
    firm = act == "PRC"
    sme = np.array([bool(s) for s in sme_raw])
    ends = np.array(g.get_edgelist())
    a, b = ends[:, 0], ends[:, 1]
    kf = (know[a] & firm[b]) | (know[b] & firm[a])
    ks = (know[a] & firm[b] & sme[b]) | (know[b] & firm[a] & sme[a])
    flags_known = any(s is not None for s, f in zip(sme_raw, firm) if f)
    return {"knowledge_firm": float(kf.mean()), "knowledge_sme": float(ks.mean()) if flags_known else None,
            "knowledge_knowledge": float((know[a] & know[b]).mean()), "firm_firm": float((firm[a] & firm[b]).mean())}


def _split(cols: dict[str, list], key: str) -> dict[str, dict[str, list]]:
    """Column lists of a result sorted by ``key``, sliced into one dict of columns per key value."""
    keys = cols[key]
    out: dict[str, dict[str, list]] = {}
    for value in dict.fromkeys(keys):  # distinct, in order
        lo, hi = bisect.bisect_left(keys, value), bisect.bisect_right(keys, value)
        out[value] = {k: v[lo:hi] for k, v in cols.items() if k != key}
    return out


def compute_networks(ws: Workspace, weight: str = "projects", progress=None) -> None:
    """Build, analyse and store the network of every analysed ecosystem."""
    for table in ("network_metric", "network_node", "network_edge"):
        ws.execute(f"DELETE FROM {table}")
    ws.execute("INSERT INTO network_edge " + edges_sql())  # all ecosystems in one set-based statement
    all_nodes = _split(ws.columns("""SELECT m.ecosystem_id, m.pic, o.activity_type, o.sme, o.actor_type
                                     FROM ecosystem_member m JOIN organisation o USING (pic) ORDER BY 1, 2"""), "ecosystem_id")
    all_edges = _split(ws.columns("""SELECT ecosystem_id, source, target, projects, fractional FROM network_edge
                                     ORDER BY 1, 2, 3"""), "ecosystem_id")
    empty_nodes = {"pic": [], "activity_type": [], "sme": [], "actor_type": []}
    empty_edges = {"source": [], "target": [], "projects": [], "fractional": []}
    node_cols: dict[str, list] = {k: [] for k in ("eco", "pic", "degree", "strength", "betweenness", "community", "x", "y")}
    metric_rows = []
    for (eco_id,) in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position"):
        if progress:
            progress(f"network {eco_id}")
        g = build_graph(all_nodes.get(eco_id, empty_nodes), all_edges.get(eco_id, empty_edges), weight)
        f = analyse_graph(g)
        n = g.vcount()
        xs: list[float | None] = [None] * n
        ys: list[float | None] = [None] * n
        pics = g.vs["pic"] if n else []
        if n:
            top = sorted(range(n), key=lambda i: (-f.node_degree[i], pics[i]))[:LAYOUT_NODES]
            top = sorted([i for i in top if f.node_degree[i] > 0] or top[:1])  # subgraph keeps index order
            sub = g.subgraph(top)
            random.seed(42)
            layout = sub.layout_fruchterman_reingold(weights="weight", niter=LAYOUT_ITERATIONS) if sub.ecount() else sub.layout_circle()
            for j, i in enumerate(top):
                xs[i], ys[i] = layout.coords[j]
        for k, v in (("eco", [eco_id] * n), ("pic", pics), ("degree", f.node_degree), ("strength", f.node_strength),
                     ("betweenness", f.node_betweenness), ("community", f.node_community), ("x", xs), ("y", ys)):
            node_cols[k] += list(v)
        for k, v in f.metrics().items():
            if isinstance(v, dict):
                metric_rows.append((eco_id, k, None, json.dumps({str(a): b for a, b in v.items()})))
            else:
                metric_rows.append((eco_id, k, None if v is None else float(v), None))
        metric_rows.append((eco_id, "weight", None, json.dumps(weight)))
    # one statement each: parallel lists unnested side by side
    ws.execute("""INSERT INTO network_node SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]), unnest(?::INTEGER[]),
                  unnest(?::DOUBLE[]), unnest(?::DOUBLE[]), unnest(?::INTEGER[]), unnest(?::DOUBLE[]), unnest(?::DOUBLE[])""",
               list(node_cols.values()))
    if metric_rows:
        cols = list(zip(*metric_rows))
        ws.execute("INSERT INTO network_metric SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), "
                   "unnest(?::JSON[])", [list(c) for c in cols])
