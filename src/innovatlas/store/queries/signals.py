"""Queries of the network and structure signals (:mod:`innovatlas.indicators.signals`)."""

from __future__ import annotations

from innovatlas.store.relational import query

__all__ = ["HELIX", "COMPOSITION", "MIXING", "DOMINANCE", "FLOWS", "INTERNATIONAL", "FRAGMENTATION", "SME_FLAG_KNOWN",
           "STORE"]

#: presence of each sphere in each in-scope project's consortium, counted per combination
HELIX = query("signals.helix", """

    WITH p AS (
        SELECT e.ecosystem_id, e.project_key,
               max(CASE WHEN q.activity_type IN ('HES', 'REC') THEN 1 ELSE 0 END) AS u,
               max(CASE WHEN q.activity_type = 'PRC' THEN 1 ELSE 0 END) AS i,
               max(CASE WHEN q.activity_type = 'PUB' THEN 1 ELSE 0 END) AS g,
               max(CASE WHEN q.activity_type = 'OTH' THEN 1 ELSE 0 END) AS c
        FROM ecosystem_project e JOIN participation q USING (project_key) GROUP BY ALL)
    SELECT ecosystem_id, u, i, g, c, count(*) FROM p GROUP BY ALL ORDER BY 1""")

#: members per actor type
COMPOSITION = query("signals.composition", """
    SELECT m.ecosystem_id, o.actor_type, count(*) FROM ecosystem_member m JOIN organisation o USING (pic)
                              GROUP BY ALL ORDER BY 1, 2""")

#: observed links between knowledge institutions and firms / SMEs, and the types' shares of link ends
MIXING = query("signals.mixing", """

    WITH link_ends AS (SELECT ecosystem_id, source AS pic FROM network_edge
                       UNION ALL SELECT ecosystem_id, target FROM network_edge),
    ends AS (
        SELECT e.ecosystem_id, CASE WHEN o.activity_type IN ('HES', 'REC') THEN 'K'
                                    WHEN o.activity_type = 'PRC' AND o.sme THEN 'S'
                                    WHEN o.activity_type = 'PRC' THEN 'F' ELSE 'O' END AS t, count(*) AS n
        FROM link_ends e JOIN organisation o USING (pic) GROUP BY ALL),
    obs AS (
        SELECT e.ecosystem_id,
               count(*) AS m,
               count(*) FILTER (WHERE (a.activity_type IN ('HES','REC') AND b.activity_type = 'PRC')
                                   OR (b.activity_type IN ('HES','REC') AND a.activity_type = 'PRC')) AS kf,
               count(*) FILTER (WHERE (a.activity_type IN ('HES','REC') AND b.activity_type = 'PRC' AND b.sme)
                                   OR (b.activity_type IN ('HES','REC') AND a.activity_type = 'PRC' AND a.sme)) AS ks
        FROM network_edge e JOIN organisation a ON a.pic = e.source JOIN organisation b ON b.pic = e.target
        GROUP BY 1)
    SELECT o.ecosystem_id, o.m, o.kf, o.ks,
           sum(n) FILTER (WHERE t = 'K') / sum(n) AS qk,
           sum(n) FILTER (WHERE t IN ('F', 'S')) / sum(n) AS qf,
           sum(n) FILTER (WHERE t = 'S') / sum(n) AS qs
    FROM obs o JOIN ends USING (ecosystem_id) GROUP BY ALL""")

#: the largest organisation's share of link ends and of funding, and the funding HHI
DOMINANCE = query("signals.dominance", """

    WITH d AS (SELECT ecosystem_id, max(degree) AS top, sum(degree) AS ends FROM network_node GROUP BY 1),
         f AS (SELECT ecosystem_id, pic, sum(ec_contribution) AS ec FROM scope GROUP BY 1, 2),
         s AS (SELECT ecosystem_id, max(ec) / nullif(sum(ec), 0) AS top_share,
                      sum(power(ec / nullif(t.total, 0), 2)) AS hhi
               FROM f JOIN (SELECT ecosystem_id, sum(ec) AS total FROM f GROUP BY 1) t USING (ecosystem_id) GROUP BY 1)
    SELECT d.ecosystem_id, d.top / nullif(d.ends, 0), s.top_share, s.hhi FROM d LEFT JOIN s USING (ecosystem_id)""")

#: organisations entering and leaving per year
FLOWS = query("signals.flows", """

    WITH life AS (SELECT ecosystem_id, pic, min(start_year) AS first, max(start_year) AS last FROM scope
                  WHERE start_year IS NOT NULL GROUP BY 1, 2),
         years AS (SELECT DISTINCT ecosystem_id, start_year AS y FROM scope WHERE start_year IS NOT NULL),
         span AS (SELECT ecosystem_id, min(y) AS y0, max(y) AS y1 FROM years GROUP BY 1)
    SELECT y.ecosystem_id, y.y,
           count(*) FILTER (WHERE l.first = y.y) AS entrants,
           count(*) FILTER (WHERE l.last = y.y - 1) AS exits,
           count(*) FILTER (WHERE l.first <= y.y AND l.last >= y.y) AS active,
           any_value(s.y0) AS y0, any_value(s.y1) AS y1
    FROM years y JOIN life l USING (ecosystem_id) JOIN span s USING (ecosystem_id) GROUP BY ALL ORDER BY 1, 2""")

#: shares of the #18 relations by partner location
INTERNATIONAL = query("signals.international", """

    SELECT ecosystem_id, sum(value) FILTER (WHERE breakdown = 'eu') / sum(value),
           sum(value) FILTER (WHERE breakdown = 'associated') / sum(value),
           sum(value) FILTER (WHERE breakdown = 'third_country') / sum(value)
    FROM indicator_value WHERE indicator = '18' AND year IS NULL AND breakdown <> ''
                              AND NOT starts_with(breakdown, 'programme:') GROUP BY 1
    HAVING sum(value) > 0""")

#: fragmentation figures of the stored network
FRAGMENTATION = query("signals.fragmentation", """
    SELECT ecosystem_id, metric, value FROM network_metric
                                                WHERE metric IN ('components', 'largest_component_share', 'modularity')""")

SME_FLAG_KNOWN = query("signals.sme_flag_known",
                        "SELECT count(*) FROM organisation WHERE activity_type = 'PRC' AND sme IS NOT NULL")

