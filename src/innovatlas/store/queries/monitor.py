"""Queries behind :mod:`innovatlas.monitor`: the yearly open-data series of an ecosystem, its own targets,
and the per-member measures that compare ecosystems."""

from __future__ import annotations

from innovatlas.store.relational import query

#: the yearly series of the self-referenced view (:data:`innovatlas.monitor.OPEN_SERIES`)
SERIES = query("monitor.series", """
    SELECT indicator, measure, breakdown, year, value FROM indicator_value
    WHERE ecosystem_id = ? AND year IS NOT NULL AND ((indicator = '29' AND breakdown = '')
       OR (indicator IN ('participations', 'funding') AND breakdown = '')
       OR (indicator = '18' AND breakdown = 'internal'))""")

#: the ecosystem's current targets, in indicator order
TARGETS_IN_ORDER = query("monitor.targets_in_order", """
    SELECT * FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL
    ORDER BY indicator, measure""")

#: the ecosystem's current targets
TARGETS = query("monitor.targets", """
    SELECT * FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL""")

#: parameter: the ecosystem ids (a list); one row per ecosystem with :data:`innovatlas.monitor.COMPARE_MEASURES`
COMPARE = query("monitor.compare", """
    SELECT ecosystem_id,
           max(value) FILTER (WHERE measure = 'participations' AND breakdown = '') /
               nullif(max(value) FILTER (WHERE measure = 'organisations' AND breakdown = ''), 0) AS participations_per_member,
           max(value) FILTER (WHERE measure = 'ec_contribution_eur' AND breakdown = '') /
               nullif(max(value) FILTER (WHERE measure = 'organisations' AND breakdown = ''), 0) AS funding_per_member,
           max(value) FILTER (WHERE measure = 'collaboration_relations' AND breakdown = 'internal') /
               nullif(max(value) FILTER (WHERE measure = 'organisations' AND breakdown = ''), 0) AS internal_pairs_per_member,
           sum(value) FILTER (WHERE measure = 'collaboration_relations' AND breakdown IN ('rest_nl', 'eu', 'associated', 'third_country')) /
               nullif(max(value) FILTER (WHERE measure = 'organisations' AND breakdown = ''), 0) AS relations_per_member,
           max(value) FILTER (WHERE measure = 'organisation_degree') AS organisation_degree,
           max(value) FILTER (WHERE measure = 'largest_component_share') AS largest_component_share
    FROM indicator_value WHERE year IS NULL AND ecosystem_id IN (SELECT unnest(CAST(? AS VARCHAR[])))
    GROUP BY 1""")
