"""Queries behind innovatlas.europe: the EU-wide ecosystems (one per country, one per NUTS-2 region) and the
European overview.

Only query definitions: :mod:`innovatlas.europe` runs them.
"""

from __future__ import annotations

from innovatlas.store.relational import query

__all__ = ["COUNTRIES", "NO_COUNTRY", "NUTS2_REGIONS", "REGION_NAMES", "WITHOUT_NUTS2", "FIGURES"]

#: every country with participations, as the workspace stores it (ISO 3166-1 alpha-2: GB, GR)
COUNTRIES = query("europe.countries", """
    SELECT country, count(*) AS participations, count(DISTINCT pic) AS organisations
    FROM participation WHERE country IS NOT NULL
    GROUP BY country ORDER BY country""")

#: participations whose country is not in the data
NO_COUNTRY = query("europe.no_country", "SELECT count(*) FROM participation WHERE country IS NULL")

#: NUTS-2 regions (the first four characters of an organisation's NUTS code) of participating organisations
NUTS2_REGIONS = query("europe.nuts2_regions", """
    SELECT upper(substr(trim(nuts_code), 1, 4)) AS code, count(*) AS organisations
    FROM organisation
    WHERE participations > 0 AND length(trim(nuts_code)) >= 4
    GROUP BY 1 ORDER BY 1""")

#: names of NUTS-2 regions from imported regional statistics (the Regional Innovation Scoreboard names its
#: regions; the latest year's name wins)
REGION_NAMES = query("europe.region_names", """
    SELECT upper(region_code) AS code, arg_max(region_name, year) AS name
    FROM regional_statistic
    WHERE length(region_code) = 4 AND region_name IS NOT NULL
    GROUP BY 1 ORDER BY 1""")

#: per country: participating organisations and their participations, and how many of them have no NUTS-2 code
#: in the data (left out of every NUTS-2 ecosystem of that country: the NUTS-2 figures are lower bounds)
WITHOUT_NUTS2 = query("europe.without_nuts2", """
    SELECT country, count(*) AS organisations,
           count(*) FILTER (WHERE nuts_code IS NULL OR length(trim(nuts_code)) < 4) AS without_nuts2,
           coalesce(sum(participations) FILTER (WHERE nuts_code IS NULL OR length(trim(nuts_code)) < 4), 0)
               AS participations_without_nuts2
    FROM organisation
    WHERE participations > 0 AND country IS NOT NULL
    GROUP BY country ORDER BY country""")

#: the headline figures of every analysed ecosystem whose id starts with the parameter (``eu-``), in one statement:
#: the values :func:`innovatlas.analysis.summary` reads one ecosystem at a time (totals over all years from
#: ``indicator_value``, network figures from ``network_metric``); tests/test_europe.py checks they are equal
FIGURES = query("europe.figures", """
    WITH e AS (SELECT ecosystem_id, name_en, name_nl, parent, position FROM ecosystem WHERE starts_with(ecosystem_id, ?)),
         v AS (SELECT ecosystem_id,
                      max(value) FILTER (WHERE measure = 'organisations' AND breakdown = '') AS organisations,
                      max(value) FILTER (WHERE measure = 'participations' AND breakdown = '') AS participations,
                      max(value) FILTER (WHERE measure = 'projects' AND breakdown = '') AS projects,
                      max(value) FILTER (WHERE measure = 'ec_contribution_eur' AND breakdown = '') AS ec_contribution_eur,
                      max(value) FILTER (WHERE measure = 'collaboration_relations' AND breakdown = 'internal')
                          AS relations_internal,
                      max(value) FILTER (WHERE measure = 'collaboration_relations' AND breakdown = '') AS relations_total
               FROM indicator_value WHERE year IS NULL AND starts_with(ecosystem_id, ?) GROUP BY ecosystem_id),
         n AS (SELECT ecosystem_id,
                      max(value) FILTER (WHERE metric = 'nodes') AS network_nodes,
                      max(value) FILTER (WHERE metric = 'density') AS network_density,
                      max(value) FILTER (WHERE metric = 'communities') AS network_communities,
                      max(value) FILTER (WHERE metric = 'modularity') AS network_modularity
               FROM network_metric WHERE starts_with(ecosystem_id, ?) GROUP BY ecosystem_id)
    SELECT e.ecosystem_id, e.name_en, e.name_nl, e.parent, v.organisations, v.participations, v.projects,
           v.ec_contribution_eur, v.relations_internal, v.relations_total, n.network_nodes, n.network_density,
           n.network_communities, n.network_modularity
    FROM e LEFT JOIN v ON v.ecosystem_id = e.ecosystem_id LEFT JOIN n ON n.ecosystem_id = e.ecosystem_id
    ORDER BY e.position""")
