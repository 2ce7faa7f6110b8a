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
