"""Queries behind the static report (:mod:`innovatlas.report`): the read queries of an ecosystem page
(organisations by type, top organisations and brokers, indicator values and years, the network picture,
related ecosystems) and the import batches of the overview page."""

from __future__ import annotations

from innovatlas.store.relational import Bound, builder, dynamic, query


@builder("report.by_type", ("delft", "activity", "participations"), ("delft", "actor", "organisations"))
def by_type(eco_id: str, prefix: str, order: str) -> Bound:
    """Organisations, participations and funding per ``activity:`` or ``actor:`` breakdown, largest ``order``
    (a column: participations or organisations) first."""
    return dynamic("report.by_type", f"""
        SELECT substr(breakdown, length(?) + 2) AS code,
               max(value) FILTER (WHERE measure = 'organisations') AS organisations,
               max(value) FILTER (WHERE measure = 'participations') AS participations,
               max(value) FILTER (WHERE measure = 'ec_contribution_eur') AS ec
        FROM indicator_value WHERE ecosystem_id = ? AND year IS NULL AND starts_with(breakdown, ? || ':')
        GROUP BY 1 ORDER BY {order} DESC, code""", [prefix, eco_id, prefix])


ECOSYSTEM = query("report.ecosystem", """
    SELECT * FROM ecosystem WHERE ecosystem_id = ?""")


@builder("report.top_organisations", ("delft", 15))
def top_organisations(eco_id: str, top: int) -> Bound:
    """The ``top`` members with the most participations."""
    return dynamic("report.top_organisations", f"""
        SELECT o.pic, o.label, o.activity_type, o.actor_type, l.municipality, count(*) AS participations,
               sum(s.ec_contribution) AS ec, n.degree, n.betweenness
        FROM scope s JOIN organisation o USING (pic) LEFT JOIN org_location l USING (pic)
        LEFT JOIN network_node n ON n.ecosystem_id = s.ecosystem_id AND n.pic = s.pic
        WHERE s.ecosystem_id = ? GROUP BY ALL ORDER BY participations DESC, o.pic LIMIT {int(top)}""", [eco_id])


@builder("report.brokers", ("delft", 10))
def brokers(eco_id: str, top: int) -> Bound:
    """The ``top`` organisations with the highest betweenness in the ecosystem's network."""
    return dynamic("report.brokers", f"""
        SELECT o.pic, o.label, o.activity_type, n.degree, n.betweenness FROM network_node n JOIN organisation o USING (pic)
        WHERE n.ecosystem_id = ? AND n.betweenness > 0 ORDER BY n.betweenness DESC, o.pic LIMIT {int(top)}""", [eco_id])


VALUES = query("report.values", """
    SELECT indicator, measure, breakdown, value, unit, source, method FROM indicator_value
    WHERE ecosystem_id = ? AND year IS NULL AND (breakdown = '' OR indicator = '18')
    ORDER BY CASE WHEN indicator ~ '^[0-9]+$' THEN lpad(indicator, 3, '0') ELSE indicator END, measure, breakdown""")

YEARS = query("report.years", """
    SELECT year, max(value) FILTER (WHERE measure = 'participations') AS participations,
           max(value) FILTER (WHERE measure = 'organisations') AS organisations,
           max(value) FILTER (WHERE measure = 'ec_contribution_eur') AS ec
    FROM indicator_value WHERE ecosystem_id = ? AND year IS NOT NULL AND breakdown = '' GROUP BY year ORDER BY year""")

NETWORK_NODES = query("report.network_nodes", """
    SELECT n.pic, n.x, n.y, n.degree, o.label, o.activity_type FROM network_node n
    JOIN organisation o USING (pic) WHERE n.ecosystem_id = ? AND n.x IS NOT NULL ORDER BY n.pic""")

#: parameters: the ecosystem three times
NETWORK_EDGES = query("report.network_edges", """
    SELECT e.source, e.target, e.projects FROM network_edge e
    WHERE e.ecosystem_id = ? AND e.source IN (SELECT pic FROM network_node WHERE ecosystem_id = ? AND x IS NOT NULL)
      AND e.target IN (SELECT pic FROM network_node WHERE ecosystem_id = ? AND x IS NOT NULL)""")

CHILDREN = query("report.children", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem WHERE parent = ? ORDER BY position""")

ECOSYSTEM_NAME = query("report.ecosystem_name", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem WHERE ecosystem_id = ?""")

ECOSYSTEM_NAMES = query("report.ecosystem_names", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem""")

IMPORT_BATCHES = query("report.import_batches", """
    SELECT * FROM import_batch ORDER BY batch_id""")
