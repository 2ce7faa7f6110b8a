"""Network queries: the weighted edge list of every ecosystem and the inputs of the graph analysis."""

from __future__ import annotations

from innovatlas.store.relational import query

__all__ = ["EDGES", "NODE_ATTRIBUTES", "EDGE_LIST", "BROKER_METHOD"]

#: ``ecosystem_id, source, target, projects, fractional`` for every ecosystem at once (fractional: Newman 2001)
EDGES = query("network.edges", """
    WITH pp AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope),
         sizes AS (SELECT ecosystem_id, project_key, count(*) AS n FROM pp GROUP BY ALL HAVING count(*) > 1)
    SELECT a.ecosystem_id, a.pic AS source, b.pic AS target, count(*) AS projects, sum(1.0 / (s.n - 1)) AS fractional
    FROM pp a JOIN pp b ON a.ecosystem_id = b.ecosystem_id AND a.project_key = b.project_key AND a.pic < b.pic
    JOIN sizes s ON s.ecosystem_id = a.ecosystem_id AND s.project_key = a.project_key
    GROUP BY a.ecosystem_id, a.pic, b.pic""")

#: the members of every ecosystem with the attributes the graph keeps, in (ecosystem, pic) order
NODE_ATTRIBUTES = query("network.node_attributes", """
    SELECT m.ecosystem_id, m.pic, o.activity_type, o.sme, o.actor_type
    FROM ecosystem_member m JOIN organisation o USING (pic) ORDER BY 1, 2""")

#: the stored edge list in (ecosystem, source, target) order
EDGE_LIST = query("network.edge_list", """
    SELECT ecosystem_id, source, target, projects, fractional FROM network_edge ORDER BY 1, 2, 3""")

BROKER_METHOD = query("network.broker_method", """
    SELECT metric, value, detail FROM network_metric WHERE ecosystem_id = ? AND metric LIKE 'betweenness_%'""")
