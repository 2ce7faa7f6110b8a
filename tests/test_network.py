"""Network figures on small graphs worked out by hand."""

from __future__ import annotations

import igraph as ig
import pytest

from innovatlas.network import analyse_graph, build_graph, link_shares


def _graph(edges, acts, sme=None):
    g = ig.Graph(n=len(acts), edges=edges)
    g.vs["activity_type"] = acts
    g.vs["sme"] = sme or [None] * len(acts)
    g.es["weight"] = [1] * len(edges)
    return g


def test_star_with_isolate():
    # centre 0 linked to 1, 2, 3; node 4 isolated
    f = analyse_graph(_graph([(0, 1), (0, 2), (0, 3)], ["HES", "PRC", "PRC", "REC", "PUB"]))
    assert f.nodes == 5 and f.edges == 3
    assert f.density == pytest.approx(3 / 10)          # 2m / (n(n-1)) = 6 / 20
    assert f.components == 2
    assert f.largest_component_share == pytest.approx(4 / 5)
    assert f.degree_distribution == {0: 1, 1: 3, 3: 1}
    # the centre lies on the 3 shortest paths between leaves; normalised by (n-1)(n-2)/2 = 6
    assert f.node_betweenness[0] == pytest.approx(3 / 6)
    assert f.node_betweenness[1:] == [0, 0, 0, 0]
    assert f.mean_degree == pytest.approx(6 / 5)


def test_two_cliques_give_two_communities():
    edges = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (2, 3)]
    f = analyse_graph(_graph(edges, ["HES"] * 6))
    assert f.communities == 2
    assert f.node_community[0] == f.node_community[1] == f.node_community[2] != f.node_community[3]
    # modularity of that split: sum over communities (e_c/m - (d_c/2m)^2) = 2 * (3/7 - (7/14)^2)
    assert f.modularity == pytest.approx(2 * (3 / 7 - 0.25))


def test_link_shares():
    # HES-PRC(SME), HES-PRC(large), PRC-PRC, HES-REC
    g = _graph([(0, 1), (0, 2), (1, 2), (0, 3)], ["HES", "PRC", "PRC", "REC"], [None, True, False, None])
    s = link_shares(g)
    assert s == {"knowledge_firm": 0.5, "knowledge_sme": 0.25, "knowledge_knowledge": 0.25, "firm_firm": 0.25}
    g2 = _graph([(0, 1)], ["HES", "PRC"])
    assert link_shares(g2)["knowledge_sme"] is None  # no SME flags: unknown, not zero


def test_fractional_weights_are_carried():
    nodes = {"pic": [10, 20, 30], "activity_type": ["HES", "PRC", "REC"], "sme": [None] * 3}
    edges = {"source": [10, 10], "target": [20, 30], "projects": [2, 1], "fractional": [1.5, 0.5]}
    g = build_graph(nodes, edges, weight="fractional")
    assert g.es["weight"] == [1.5, 0.5] and g.es["projects"] == [2, 1]
    assert g.strength(weights="weight") == [2.0, 1.5, 0.5]


def test_fractional_counting_in_store(ws, synthetic_dir):
    """Newman (2001) fractional counting: a project with n member participants adds 1/(n-1) per pair."""
    from innovatlas.analysis import analyse
    from innovatlas.model.ecosystem import parse_definitions
    from innovatlas.sources import cordis

    cordis.import_paths(ws, [synthetic_dir])
    # all participants of project 101 (four organisations): each pair gets 1/3
    analyse(ws, parse_definitions({"ecosystem": [{"id": "p101", "name_en": "101", "select": {"keywords": ["alpha"]}}]}),
            weight="fractional")
    rows = ws.rows("SELECT projects, fractional FROM network_edge WHERE ecosystem_id = 'p101'")
    assert len(rows) == 6 and all(p == 1 and f == pytest.approx(1 / 3) for p, f in rows)


# --- brokers at any size (issue 20): exact below the threshold, KADABRA estimate with a bound above it --------

def _real_network(ws, eco_id: str):
    nodes = ws.execute("""SELECT m.pic, o.activity_type, o.sme FROM ecosystem_member m JOIN organisation o USING (pic)
                          WHERE m.ecosystem_id = ? ORDER BY 1""", [eco_id]).fetchnumpy()
    edges = ws.execute("SELECT source, target, projects, fractional FROM network_edge WHERE ecosystem_id = ? ORDER BY 1, 2",
                       [eco_id]).fetchnumpy()
    return build_graph({"pic": nodes["pic"].tolist(), "activity_type": nodes["activity_type"].tolist(),
                        "sme": [None] * len(nodes["pic"])}, edges)


@pytest.mark.integration
def test_estimated_brokers_within_bound_on_national_network(real_ws):
    """The real national network (nl): the stored exact betweenness equals networkx's (an implementation
    nobody here wrote), and the KADABRA estimate forced on it is within its stated bound of that exact value
    for every organisation, with the same top-20 brokers (measured 20 of 20; at least 18 required)."""
    import networkx as nx
    import numpy as np

    from innovatlas.network import BETWEENNESS_DELTA, BETWEENNESS_EPSILON, betweenness, broker_method

    g = _real_network(real_ws, "nl")
    n = g.vcount()
    assert n > 1000 and g.ecount() > 5000
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(g.get_edgelist())
    reference = np.array([v for _k, v in sorted(nx.betweenness_centrality(G, normalized=True).items())])
    stored = dict(real_ws.rows("SELECT pic, betweenness FROM network_node WHERE ecosystem_id = 'nl'"))
    exact = np.array([stored[p] for p in g.vs["pic"]])
    assert np.abs(exact - reference).max() < 1e-9
    assert broker_method(real_ws, "nl") == {"method": "exact", "error_bound": None, "confidence": None}

    estimate, method, bound, confidence = betweenness(g, max_work=0)  # force the estimate
    assert method == "estimated" and confidence == pytest.approx(1 - BETWEENNESS_DELTA)
    assert bound == pytest.approx(BETWEENNESS_EPSILON * n / (n - 2))
    error = np.abs(np.array(estimate) - reference)
    assert error.max() <= bound, f"largest error {error.max():.5f} over the bound {bound:.5f}"
    top_exact = set(np.argsort(-reference, kind="stable")[:20])
    top_estimate = set(np.argsort(-np.array(estimate), kind="stable")[:20])
    assert len(top_exact & top_estimate) >= 18, f"only {len(top_exact & top_estimate)} of the top-20 brokers agree"


def test_method_follows_the_size_threshold():
    """A path of 5 nodes (work 5 x 4 = 20): exact at a threshold of 20, estimated below it."""
    from innovatlas.network import betweenness

    g = ig.Graph([(0, 1), (1, 2), (2, 3), (3, 4)])
    values, method, bound, _c = betweenness(g, max_work=20)
    # node 2 lies on the paths 0-3, 0-4, 1-3, 1-4 (4 of the 6 pairs without it)
    assert method == "exact" and bound is None and values == pytest.approx([0, 3 / 6, 4 / 6, 3 / 6, 0])
    _v, method, bound, _c = betweenness(g, max_work=19)
    assert method == "estimated" and bound > 0


def test_method_is_stored_and_summarised(ws, synthetic_dir):
    from innovatlas.analysis import analyse, summary
    from innovatlas.model.ecosystem import parse_definitions
    from innovatlas.network import broker_method
    from innovatlas.sources import cordis

    cordis.import_paths(ws, [synthetic_dir])
    analyse(ws, parse_definitions({"ecosystem": [{"id": "all", "name_en": "All", "select": {}}]}), diagnose=False)
    assert broker_method(ws, "all")["method"] == "exact"
    assert summary(ws, "all")["network"]["betweenness_method"] == "exact"
