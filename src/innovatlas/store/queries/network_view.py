"""Queries behind :mod:`innovatlas.network.view`: the level-of-detail network view (issue 11, item 5).

Read-only, all engines. The edge weight is the number of joint in-scope projects, counted as
the existing network API counts it (``innovatlas.explore.compute_network_data``): the stored
``network_edge.projects`` for the whole network, the same count over the filtered scope when
the user narrows the years.
"""

from __future__ import annotations

from innovatlas.store.queries.explore import _scope
from innovatlas.store.relational import builder, dynamic, query

__all__ = ["NODES", "EDGES", "LARGE", "edges", "node_pics"]

#: Every member of an ecosystem with what the view draws (label, type, stored community and betweenness).
NODES = query("network_view.nodes", """
    SELECT m.pic, o.label, o.activity_type, n.community, n.betweenness
    FROM ecosystem_member m JOIN organisation o ON o.pic = m.pic
    LEFT JOIN network_node n ON n.ecosystem_id = m.ecosystem_id AND n.pic = m.pic
    WHERE m.ecosystem_id = ? ORDER BY m.pic""")

#: The stored all-years edge list of an ecosystem (joint projects per pair).
EDGES = query("network_view.edges", """
    SELECT source AS a, target AS b, projects AS w FROM network_edge WHERE ecosystem_id = ?""")

#: Ecosystems with more than ``?`` members (the ones the page opens in the level-of-detail view).
LARGE = query("network_view.large", """
    SELECT ecosystem_id FROM ecosystem_member GROUP BY ecosystem_id HAVING count(*) > ? ORDER BY ecosystem_id""")


def _types(alias: str, types: list[str]) -> tuple[str, list]:
    return (f" AND list_contains(CAST(? AS VARCHAR[]), {alias}.activity_type)", [types]) if types else ("", [])


@builder("network_view.filtered_edges", ("nl", None, None, []), ("nl", 2016, 2018, ["HES", "REC"]), ("nl", None, None, ["PRC"]),
         ("nl", None, None, [], "FP7"))
def edges(eco_id: str, year_from: int | None, year_to: int | None, types: list[str], programme: str | None = None):
    """Pairs of members and their joint projects in the filtered network: both ends of the given
    activity types, projects starting in ``[year_from, year_to]`` (of one framework programme when given).
    Without years and programme the stored edge list is read (the same counts, without the self-join)."""
    ta, pa = _types("oa", types)
    tb, pb = _types("ob", types)
    if year_from is None and year_to is None and programme is None:
        return dynamic("network_view.filtered_edges", f"""
            SELECT e.source AS a, e.target AS b, e.projects AS w FROM network_edge e
            JOIN organisation oa ON oa.pic = e.source JOIN organisation ob ON ob.pic = e.target
            WHERE e.ecosystem_id = ?{ta}{tb}""", [eco_id] + pa + pb)
    scope, sp = _scope(eco_id, year_from, year_to, programme)
    return dynamic("network_view.filtered_edges", f"""
        WITH s AS ({scope})
        SELECT x.pic AS a, y.pic AS b, count(*) AS w FROM s x JOIN s y ON x.project_key = y.project_key AND x.pic < y.pic
        JOIN organisation oa ON oa.pic = x.pic JOIN organisation ob ON ob.pic = y.pic
        WHERE TRUE{ta}{tb}
        GROUP BY x.pic, y.pic""", sp + pa + pb)


@builder("network_view.filtered_nodes", ("nl", 2016, None, []), ("nl", None, 2018, ["HES"]), ("nl", None, None, [], "H2020"))
def node_pics(eco_id: str, year_from: int | None, year_to: int | None, types: list[str], programme: str | None = None):
    """The organisations of the filtered network: in the filtered scope and of the given types
    (the existing network API's node set, without partners)."""
    scope, sp = _scope(eco_id, year_from, year_to, programme)
    to, pt = _types("o", types)
    return dynamic("network_view.filtered_nodes", f"""
        WITH s AS ({scope})
        SELECT DISTINCT o.pic FROM s JOIN organisation o ON o.pic = s.pic WHERE TRUE{to} ORDER BY o.pic""",
                   sp + pt)
