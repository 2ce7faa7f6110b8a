"""Collaboration networks: organisations linked by joint projects (python-igraph + leidenalg + NetworKit).

:data:`innovatlas.store.queries.network.EDGES` gives the weighted edge list of every ecosystem
(set-based, run by the analysis engine: DuckDB or Spark);
:func:`build_graph` turns it into an igraph ``Graph``; :func:`analyse_graph` computes the
figures (pure); :func:`compute_networks` stores them for every analysed ecosystem.

Weights: ``projects`` = number of joint in-scope projects. ``fractional`` (Newman's
fractional counting, Newman 2001, Phys. Rev. E 64, 016132): each project with ``n``
member participants adds ``1 / (n - 1)`` to each of its pairs, so every organisation's
total weight per project is 1 and big consortia do not dominate.

Brokers (betweenness) at any size
---------------------------------
Exact betweenness (Brandes 2001) costs O(nodes x links): 0.12 s for the national network
(1,590 x 5,883) but 332 s for the ecosystem of every H2020 participant (31,665 connected
organisations x 796,670 links), and the square of the data as it grows. So:

* up to :data:`EXACT_BETWEENNESS_MAX_WORK` (nodes x links) it is computed exactly with
  igraph (one core: NetworKit's parallel Brandes, identical to 1e-15, was 2.5x *slower*
  than igraph on a machine shared with other work, 20.9 s vs 8.2 s on a 2,000 x 120,000
  random graph, and only ~2x faster on an idle one);
* above it, it is *estimated* with KADABRA (Borassi & Natale 2019, ESA 2016) as NetworKit
  implements it (``KadabraBetweenness``, both cores, seed :data:`SEED`): every value is
  within :data:`BETWEENNESS_EPSILON` (scaled to our normalisation, see
  :func:`betweenness`) of the exact value with probability ``1 - BETWEENNESS_DELTA``.

Every result says which: ``betweenness_method`` (``exact`` / ``estimated``),
``betweenness_error_bound`` and ``betweenness_confidence`` are stored with the network
figures and shown wherever brokers are shown.

Why this library (measured on 2 cores, real H2020 data, Dec 2026):

==========================================  =====================  ==================================
method                                      time                   guarantee
==========================================  =====================  ==================================
igraph exact (``betweenness()``)            nl 0.12 s, EU 332 s    exact
NetworKit exact (``Betweenness``), 2 thr.   nl 0.18 s              exact (same values to 1e-15)
rustworkx exact, parallel                   nl 0.13 s              exact (same values to 1e-15)
NetworKit KADABRA, eps 0.01 / 0.005         EU 0.5 s / 1.6 s       eps with probability 1 - delta
NetworKit Riondato-Kornaropoulos, eps 0.01  nl 4.4 s; EU 0.03: not eps with probability 1 - delta,
                                            done after 2 CPU-min   a full BFS per sample
igraph pivots (``sources=``)                not timed              none stated: a Hoeffding bound
                                                                   over n nodes needs more pivots
                                                                   than there are nodes
==========================================  =====================  ==================================

(nl: the national network, 1,590 x 5,883; EU: every participant, 31,665 connected x 796,670.)
Only KADABRA meets the 20 s goal on the EU-wide network with a stated bound: its
bidirectional search touches about the square root of the graph per sample, where
Riondato-Kornaropoulos runs a full BFS. Caveat found while checking: NetworKit's path
sampler picks among a node's shortest-path predecessors without weighting them by their
path counts, which shifts a little credit between alternative routes. On the national
network the largest error was 0.0015-0.0063 at eps 0.01 and 0.0015-0.0031 at eps 0.005
(3 seeds each), within the bound, but 0.0018-0.0031 at eps 0.002, so not always within
it: below about 0.003 that bias dominates. Hence :data:`BETWEENNESS_EPSILON` = 0.005, and
``tests/test_network.py`` checks on the real national network that every estimate is
within the bound and the top-20 brokers agree.

Communities (Leiden) are near-linear in the links (igraph's implementation from
:data:`LEIDEN_IGRAPH_MIN_LINKS` links on, see there) and the layout draws the
:data:`LAYOUT_NODES` best-connected nodes only, so neither grows faster than the links;
both are timed per network in ``timings``.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import leidenalg
import numpy as np
import pyarrow as pa

from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine
from innovatlas.store.queries import delineation as D
from innovatlas.store.queries import network as NQ

__all__ = ["edges_sql", "build_graph", "analyse_graph", "compute_networks", "NetworkFigures", "KNOWLEDGE", "LAYOUT_NODES",
           "betweenness", "broker_method", "broker_note", "EXACT_BETWEENNESS_MAX_WORK", "BETWEENNESS_EPSILON", "BETWEENNESS_DELTA"]

#: CORDIS activity types counted as knowledge institutions.
KNOWLEDGE = ("HES", "REC")
#: Nodes drawn in the report's network picture (the best-connected ones).
LAYOUT_NODES = 250
#: Fruchterman-Reingold iterations for that picture.
LAYOUT_ITERATIONS = 200
#: Exact betweenness up to this many nodes x links (about 1.3 s; the national network at x1 is
#: 9.4 million, the EU-wide network 25 billion). Brandes costs 1.3e-8 s per unit, measured with
#: igraph on both networks (0.12 s and 332 s).
EXACT_BETWEENNESS_MAX_WORK = 100_000_000
#: KADABRA's absolute error bound (NetworKit's normalisation) and its failure probability.
BETWEENNESS_EPSILON = 0.005
BETWEENNESS_DELTA = 0.1
#: From this many links on, communities come from igraph's C implementation of Leiden (same
#: algorithm and quality function, 2 iterations, seeded): leidenalg took 73 s on the EU-wide
#: network (796,670 links) where igraph took 5 s, with modularity 0.4175 vs 0.4345. Smaller
#: networks keep leidenalg, so their communities are unchanged.
LEIDEN_IGRAPH_MIN_LINKS = 100_000
#: Random seed of the estimate, Leiden and the layout.
SEED = 42
#: Threads for betweenness ("both cores").
THREADS = max(1, min(2, os.cpu_count() or 1))


def edges_sql() -> str:
    """The edge-list statement (``ecosystem_id, source, target, projects, fractional``) as DuckDB runs it."""
    return NQ.EDGES.sql


def build_graph(nodes: dict[str, Any], edges: dict[str, Any], weight: str = "projects") -> ig.Graph:
    """Undirected graph; vertex attributes from ``nodes`` (must include ``pic``); lists or numpy arrays."""
    pics = np.asarray(nodes["pic"], dtype=np.int64)
    order = np.argsort(pics, kind="stable")
    src, dst = np.asarray(edges["source"], dtype=np.int64), np.asarray(edges["target"], dtype=np.int64)
    if len(src):
        a = order[np.searchsorted(pics, src, sorter=order)]
        b = order[np.searchsorted(pics, dst, sorter=order)]
        g = ig.Graph(n=len(pics), edges=np.column_stack([a, b]).tolist())
    else:
        g = ig.Graph(n=len(pics))
    for k, v in nodes.items():
        g.vs[k] = list(v) if not isinstance(v, list) else v
    g.es["projects"] = np.asarray(edges["projects"]).astype(np.int64).tolist() if len(src) else []
    g.es["fractional"] = np.asarray(edges["fractional"]).astype(float).tolist() if len(src) else []
    g.es["weight"] = g.es[weight] if len(src) else []
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
    #: ``exact`` or ``estimated`` (KADABRA), with the bound on every node's value and its probability
    betweenness_method: str = "exact"
    betweenness_error_bound: float | None = None
    betweenness_confidence: float | None = None
    node_degree: list[int] = field(repr=False, default_factory=list)
    node_strength: list[float] = field(repr=False, default_factory=list)
    node_betweenness: list[float] = field(repr=False, default_factory=list)
    node_community: list[int] = field(repr=False, default_factory=list)

    def metrics(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("node_")}


def _nk_graph(g: ig.Graph):
    import networkit as nk

    G = nk.graph.Graph(g.vcount())
    if g.ecount():
        ends = np.asarray(g.get_edgelist(), dtype=np.uint64)
        G.addEdges((ends[:, 0].copy(), ends[:, 1].copy()))
    return G


def betweenness(g: ig.Graph, *, max_work: int | None = None, epsilon: float | None = None,
                delta: float | None = None, seed: int = SEED) -> tuple[list[float], str, float | None, float | None]:
    """Unweighted betweenness normalised by ``(n-1)(n-2)/2``: (values, method, error bound, confidence).

    Exact when ``nodes x links <= max_work`` (default :data:`EXACT_BETWEENNESS_MAX_WORK`),
    else KADABRA. KADABRA estimates the share of *ordered* pairs ``s != t`` whose shortest
    paths pass through a node, within ``epsilon`` with probability ``1 - delta``, and
    NetworKit reports twice that share on undirected graphs; our value is that share times
    ``n / (n - 2)``, so the returned score is ``kadabra / 2 * n / (n - 2)`` and the bound
    ``epsilon * n / (n - 2)``.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # idle threads sleep: no spinning on a busy machine
    import networkit as nk

    n, m = g.vcount(), g.ecount()
    max_work = EXACT_BETWEENNESS_MAX_WORK if max_work is None else max_work
    epsilon = BETWEENNESS_EPSILON if epsilon is None else epsilon
    delta = BETWEENNESS_DELTA if delta is None else delta
    if n <= 2 or m == 0:
        return [0.0] * n, "exact", None, None
    if n * m <= max_work:
        scale = (n - 1) * (n - 2) / 2
        return [b / scale for b in g.betweenness(directed=False)], "exact", None, None
    nk.engineering.setNumberOfThreads(THREADS)
    G = _nk_graph(g)
    nk.engineering.setSeed(seed, True)
    k = nk.centrality.KadabraBetweenness(G, epsilon, delta)
    k.run()
    factor = 0.5 * n / (n - 2)
    return (np.asarray(k.scores()) * factor).tolist(), "estimated", epsilon * n / (n - 2), 1 - delta


def analyse_graph(g: ig.Graph, seed: int = SEED, timings: dict | None = None) -> NetworkFigures:
    """All network figures of one graph.

    Betweenness is unweighted and normalised by ``(n-1)(n-2)/2`` (Freeman 1977), so a
    broker's value is the share of shortest paths between other pairs that pass through
    it; exact or estimated (see :func:`betweenness`). Communities: Leiden with the
    modularity quality function (Traag, Waltman & van Eck 2019), edge weight = the chosen
    weight, fixed seed. ``timings`` (optional) receives the seconds of each part.

    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["activity_type"] = ["HES", "PRC", "PRC"]; g.vs["sme"] = [None] * 3
    >>> g.es["weight"] = [1, 1]
    >>> f = analyse_graph(g)
    >>> f.density, f.node_betweenness, f.betweenness_method
    (0.6666666666666666, [0.0, 1.0, 0.0], 'exact')
    """
    timings = {} if timings is None else timings
    n, m = g.vcount(), g.ecount()
    degree = g.degree()
    strength = g.strength(weights="weight") if m else [0.0] * n
    t = time.perf_counter()
    between, method, bound, confidence = betweenness(g, seed=seed)
    timings["betweenness"] = time.perf_counter() - t
    comps = g.connected_components()
    t = time.perf_counter()
    if m >= LEIDEN_IGRAPH_MIN_LINKS:
        random.seed(seed)  # igraph draws from Python's random module
        part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
        membership, ncomm = list(part.membership), len(part)
        modularity = float(g.modularity(membership, weights="weight"))
    elif m:
        part = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights="weight", seed=seed)
        membership, modularity, ncomm = list(part.membership), float(part.modularity), len(part)
    else:
        membership, modularity, ncomm = list(range(n)), None, n
    timings["leiden"] = time.perf_counter() - t
    values, counts = np.unique(np.asarray(degree, dtype=np.int64), return_counts=True)
    return NetworkFigures(
        nodes=n, edges=m,
        density=(2 * m / (n * (n - 1))) if n > 1 else None,
        components=len(comps),
        largest_component_share=(max(comps.sizes()) / n) if n else None,
        degree_distribution={int(d): int(c) for d, c in zip(values, counts)},
        mean_degree=(2 * m / n) if n else None,
        communities=ncomm, modularity=modularity,
        link_shares=link_shares(g),
        betweenness_method=method, betweenness_error_bound=bound, betweenness_confidence=confidence,
        node_degree=degree, node_strength=list(strength), node_betweenness=between, node_community=membership,
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
    act = np.array(g.vs["activity_type"], dtype=object)
    sme_raw = np.array(g.vs["sme"], dtype=object)
    know = np.isin(act, np.array(KNOWLEDGE, dtype=object))
    firm = np.equal(act, "PRC").astype(bool)
    sme = np.equal(sme_raw, True).astype(bool)
    ends = np.array(g.get_edgelist())
    a, b = ends[:, 0], ends[:, 1]
    kf = (know[a] & firm[b]) | (know[b] & firm[a])
    ks = (know[a] & firm[b] & sme[b]) | (know[b] & firm[a] & sme[a])
    flags_known = bool(np.any(np.not_equal(sme_raw[firm], None))) if firm.any() else False
    return {"knowledge_firm": float(kf.mean()), "knowledge_sme": float(ks.mean()) if flags_known else None,
            "knowledge_knowledge": float((know[a] & know[b]).mean()), "firm_firm": float((firm[a] & firm[b]).mean())}


def _layout(g: ig.Graph, degree: np.ndarray, pics: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of the :data:`LAYOUT_NODES` best-connected nodes (NaN elsewhere)."""
    n = g.vcount()
    xs, ys = np.full(n, np.nan), np.full(n, np.nan)
    if not n:
        return xs, ys
    top = np.lexsort((pics, -degree))[:LAYOUT_NODES]  # most links first, then by PIC
    keep = top[degree[top] > 0]
    top = np.sort(keep if len(keep) else top[:1])  # subgraph keeps index order
    sub = g.subgraph(top.tolist())
    random.seed(SEED)
    layout = sub.layout_fruchterman_reingold(weights="weight", niter=LAYOUT_ITERATIONS) if sub.ecount() else sub.layout_circle()
    coords = np.asarray(layout.coords, dtype=float).reshape(-1, 2)
    xs[top], ys[top] = coords[:, 0], coords[:, 1]
    return xs, ys


def _slices(keys: np.ndarray) -> dict[str, tuple[int, int]]:
    """(start, end) of each run of equal values in a sorted key array."""
    if not len(keys):
        return {}
    change = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [len(keys)]])
    return {str(keys[s]): (int(s), int(e)) for s, e in zip(starts, ends)}


def compute_networks(ws: Workspace, weight: str = "projects", progress=None, timings: dict | None = None,
                     engine: Engine | None = None) -> None:
    """Build, analyse and store the network of every analysed ecosystem.

    ``timings`` (optional) receives the total seconds of each part over all networks
    (``edges``, ``build``, ``betweenness``, ``leiden``, ``layout``, ``store``) and the
    slowest single network step as ``max_<part>``.
    """
    timings = {} if timings is None else timings

    def tick(part: str, seconds: float) -> None:
        timings[part] = timings.get(part, 0.0) + seconds
        timings[f"max_{part}"] = max(timings.get(f"max_{part}", 0.0), seconds)

    eng = engine or DuckDBEngine(ws)
    for table in ("network_metric", "network_node", "network_edge"):
        eng.clear(table)
    t = time.perf_counter()
    eng.insert("network_edge", NQ.EDGES())  # all ecosystems in one set-based statement
    all_nodes = eng.numpy(NQ.NODE_ATTRIBUTES())
    all_edges = eng.numpy(NQ.EDGE_LIST())
    tick("edges", time.perf_counter() - t)
    node_at, edge_at = _slices(all_nodes["ecosystem_id"]), _slices(all_edges["ecosystem_id"])
    out: dict[str, list] = {k: [] for k in ("eco", "pic", "degree", "strength", "betweenness", "community", "x", "y")}
    metric_rows = []
    for (eco_id,) in ws.rows(D.ECOSYSTEM_IDS):
        if progress:
            progress(f"network {eco_id}")
        t = time.perf_counter()
        lo, hi = node_at.get(eco_id, (0, 0))
        nodes = {k: _plain(all_nodes[k][lo:hi]) for k in ("pic", "activity_type", "sme", "actor_type")}
        lo, hi = edge_at.get(eco_id, (0, 0))
        edges = {k: all_edges[k][lo:hi] for k in ("source", "target", "projects", "fractional")}
        g = build_graph(nodes, edges, weight)
        tick("build", time.perf_counter() - t)
        parts: dict[str, float] = {}
        f = analyse_graph(g, timings=parts)
        for k, v in parts.items():
            tick(k, v)
        n = g.vcount()
        pics = np.asarray(nodes["pic"], dtype=np.int64)
        t = time.perf_counter()
        xs, ys = _layout(g, np.asarray(f.node_degree, dtype=np.int64), pics)
        tick("layout", time.perf_counter() - t)
        out["eco"].append(np.full(n, eco_id, dtype=object))
        out["pic"].append(pics)
        out["degree"].append(np.asarray(f.node_degree, dtype=np.int32))
        out["strength"].append(np.asarray(f.node_strength, dtype=float))
        out["betweenness"].append(np.asarray(f.node_betweenness, dtype=float))
        out["community"].append(np.asarray(f.node_community, dtype=np.int32))
        out["x"].append(xs)
        out["y"].append(ys)
        for k, v in f.metrics().items():
            if isinstance(v, dict):
                metric_rows.append((eco_id, k, None, json.dumps({str(a): b for a, b in v.items()})))
            elif isinstance(v, str):
                metric_rows.append((eco_id, k, None, json.dumps(v)))
            else:
                metric_rows.append((eco_id, k, None if v is None else float(v), None))
        metric_rows.append((eco_id, "weight", None, json.dumps(weight)))
    t = time.perf_counter()
    cols = {k: (np.concatenate(v) if v else np.zeros(0)) for k, v in out.items()}
    cols["eco"] = cols["eco"].astype(object)
    for k in ("x", "y"):  # NaN -> NULL (no position) in SQL below
        cols[k] = cols[k].astype(float)
    eng.load("network_node", pa.table({
        "ecosystem_id": pa.array(cols["eco"], pa.string()), "pic": pa.array(cols["pic"], pa.int64()),
        "degree": pa.array(cols["degree"], pa.int32()), "strength": pa.array(cols["strength"], pa.float64()),
        "betweenness": pa.array(cols["betweenness"], pa.float64()), "community": pa.array(cols["community"], pa.int32()),
        "x": pa.array(cols["x"], pa.float64(), from_pandas=True),  # NaN (no position) -> NULL
        "y": pa.array(cols["y"], pa.float64(), from_pandas=True)}))
    if metric_rows:
        mcols = list(zip(*metric_rows))
        eng.load("network_metric", pa.table({
            "ecosystem_id": pa.array(mcols[0], pa.string()), "metric": pa.array(mcols[1], pa.string()),
            "value": pa.array(mcols[2], pa.float64()), "detail": pa.array(mcols[3], pa.string())}))
    tick("store", time.perf_counter() - t)


def _plain(a: np.ndarray) -> list:
    """A fetched numpy column as a list with None for SQL NULL (masked values)."""
    if isinstance(a, np.ma.MaskedArray):
        out = a.data.astype(object)
        out[np.ma.getmaskarray(a)] = None
        return out.tolist()
    return a.tolist()


def broker_method(ws: Workspace, eco_id: str) -> dict[str, Any]:
    """How the brokers (betweenness) of an ecosystem were computed, for every place that shows them.

    ``{"method": "exact" | "estimated" | None, "error_bound": float | None, "confidence": float | None}``
    (``None`` method: the ecosystem was analysed before the method was recorded).
    """
    rows = dict(((m, (v, d)) for m, v, d in ws.rows(NQ.BROKER_METHOD(eco_id))))
    method = rows.get("betweenness_method", (None, None))[1]
    return {"method": json.loads(method) if method else None,
            "error_bound": rows.get("betweenness_error_bound", (None, None))[0],
            "confidence": rows.get("betweenness_confidence", (None, None))[0]}


def broker_note(network: dict[str, Any], lang: str = "en") -> str:
    """One line saying how betweenness was computed, from a summary's ``network`` figures.

    >>> broker_note({"betweenness_method": "estimated", "betweenness_error_bound": 0.00501, "betweenness_confidence": 0.9}, "nl")
    'geschat (KADABRA-steekproef): elke waarde binnen ± 0,0050 van de exacte, met kans 90%'
    """
    method = network.get("betweenness_method")
    if method != "estimated":
        return {"en": "exact", "nl": "exact"}[lang] if method else ""
    bound = f"{network.get('betweenness_error_bound') or 0:.4f}"
    conf = f"{100 * (network.get('betweenness_confidence') or 0):.0f}%"
    if lang == "nl":
        return f"geschat (KADABRA-steekproef): elke waarde binnen ± {bound.replace('.', ',')} van de exacte, met kans {conf}"
    return f"estimated (KADABRA sampling): every value within ± {bound} of the exact one, with probability {conf}"
