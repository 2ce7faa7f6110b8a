"""Indicator queries: one statement per indicator family, for all analysed ecosystems at once.

Each family query returns rows ``(ecosystem_id, indicator, measure, breakdown, year, value, unit)``
(``year`` NULL = all years); :func:`stored` adds the provenance columns the ``indicator_value``
table keeps. The families' definitions (catalogue ids, datasets, method) live in
:mod:`innovatlas.indicators`.
"""

from __future__ import annotations

from innovatlas.model.ecosystem import to_iso
from innovatlas.sources.cordis import EU28, H2020_ASSOCIATED
from innovatlas.store.relational import DUCKDB_ONLY, Bound, Query, builder, dynamic, query

__all__ = ["PARTICIPATION", "SME", "COLLABORATION", "stored", "partner_class_sql", "KEEP_YEARS", "YEAR_SETS",
           "organisation_degree", "CLEAR", "CLEAR_SIGNALS", "PROVENANCE_BATCHES"]

#: GROUPING SETS fragment: totals and per project start year. Use with :data:`KEEP_YEARS`.
YEAR_SETS = "GROUPING SETS ((ecosystem_id{extra}), (ecosystem_id{extra}, start_year))"
#: Drops the per-year group of participations whose project has no start date.
KEEP_YEARS = "HAVING NOT (GROUPING(start_year) = 0 AND start_year IS NULL)"

_EU = "[" + ", ".join(f"'{to_iso(c)}'" for c in EU28) + "]"
_AC = "[" + ", ".join(f"'{to_iso(c)}'" for c in H2020_ASSOCIATED) + "]"


def partner_class_sql(is_member: str, country: str) -> str:
    """CASE expression classing a partner: internal, rest_nl, eu (EU-28), associated or third_country."""
    return (f"CASE WHEN {is_member} THEN 'internal' WHEN {country} = 'NL' THEN 'rest_nl' "
            f"WHEN list_contains({_EU}, {country}) THEN 'eu' WHEN list_contains({_AC}, {country}) THEN 'associated' "
            f"ELSE 'third_country' END")


CLEAR = query("indicators.clear", "DELETE FROM indicator_value", engines=DUCKDB_ONLY)
CLEAR_SIGNALS = query("indicators.clear_signals", "DELETE FROM indicator_value WHERE indicator = 'signal'",
                      engines=DUCKDB_ONLY)
PROVENANCE_BATCHES = query("indicators.provenance_batches",
                           "SELECT * FROM import_batch WHERE dataset LIKE ? ORDER BY batch_id")

_BREAKDOWN = ("CASE WHEN GROUPING(activity_type) = 0 THEN 'activity:' || coalesce(activity_type, '?') "
              "WHEN GROUPING(actor_type) = 0 THEN 'actor:' || coalesce(actor_type, '?') "
              "WHEN GROUPING(framework) = 0 THEN 'programme:' || coalesce(framework, '?') ELSE '' END")
#: the framework programme as a breakdown (``programme:FP7``, ``programme:H2020``, ``programme:HORIZON``; issue 19):
#: every participation family is also computed per programme, so series and totals can be filtered by it
PROGRAMME_BREAKDOWN = "programme:"

PARTICIPATION = query("indicators.participation", f"""
    WITH wide AS (
        SELECT ecosystem_id, {_BREAKDOWN} AS breakdown, start_year,
               CAST(count(DISTINCT pic) AS DOUBLE) AS organisations,
               CAST(count(*) AS DOUBLE) AS participations,
               CAST(count(DISTINCT project_key) AS DOUBLE) AS projects,
               CAST(count(*) FILTER (WHERE role = 'coordinator') AS DOUBLE) AS coordinator_roles,
               coalesce(sum(ec_contribution), 0) AS ec_contribution_eur
        FROM scope
        GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year),
                                (ecosystem_id, activity_type), (ecosystem_id, activity_type, start_year),
                                (ecosystem_id, actor_type), (ecosystem_id, actor_type, start_year),
                                (ecosystem_id, framework), (ecosystem_id, framework, start_year))
        {KEEP_YEARS}
    )
    SELECT ecosystem_id, CASE measure WHEN 'organisations' THEN '29' ELSE measure END, measure, breakdown, start_year,
           value, CASE measure WHEN 'ec_contribution_eur' THEN 'EUR' ELSE measure END
    FROM wide UNPIVOT (value FOR measure IN (organisations, participations, projects, coordinator_roles,
                                              ec_contribution_eur))""")

SME = query("indicators.sme", f"""
    WITH g AS (
        SELECT ecosystem_id, start_year,
               CASE WHEN GROUPING(framework) = 0 THEN 'programme:' || coalesce(framework, '?') ELSE '' END AS breakdown,
               count(*) FILTER (WHERE activity_type = 'PRC' AND sme) AS sme,
               count(*) FILTER (WHERE activity_type = 'PRC' AND sme IS NOT NULL) AS known,
               count(*) FILTER (WHERE activity_type = 'PRC') AS prc
        FROM scope GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year),
                                           (ecosystem_id, framework), (ecosystem_id, framework, start_year)) {KEEP_YEARS}
    )
    SELECT ecosystem_id, 'sme', 'sme_share', breakdown, start_year, CASE WHEN known > 0 THEN sme / known END, 'share'
    FROM g
    UNION ALL
    SELECT ecosystem_id, 'sme', 'sme_flag_coverage', breakdown, start_year, CASE WHEN prc > 0 THEN known / prc END, 'share'
    FROM g""")

_CLS = partner_class_sql("m2.pic IS NOT NULL", "q.country")
# Pairs are made distinct per (ecosystem, start year, class) without the project: a pair sharing several
# projects is one row, so the distinct set is no larger than what is counted (issue 20). The projects with a
# third-country partner are found by a separate semi-join, not from the pairs.
# Partners are counted in analysis units (innovatlas.registry.units): two PICs of one organisation are no pair.
COLLABORATION = query("indicators.collaboration", f"""
    WITH _partner AS (SELECT p.project_key, coalesce(u.unit, p.pic) AS pic, p.country FROM participation p
                      LEFT JOIN analysis_unit u ON u.pic = p.pic),
    pairs AS (
        SELECT DISTINCT s.ecosystem_id, s.start_year, s.framework,
               CASE WHEN m2.pic IS NOT NULL THEN least(s.pic, q.pic) ELSE s.pic END AS a,
               CASE WHEN m2.pic IS NOT NULL THEN greatest(s.pic, q.pic) ELSE q.pic END AS b,
               {_CLS} AS partner_class
        FROM scope s
        JOIN _partner q ON q.project_key = s.project_key AND q.pic <> s.pic
        LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
    ), third AS (
        SELECT DISTINCT s.ecosystem_id, s.project_key
        FROM scope s
        JOIN _partner q ON q.project_key = s.project_key AND q.pic <> s.pic
        LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
        WHERE m2.pic IS NULL AND {_CLS} = 'third_country'
    ), rel AS (
        SELECT ecosystem_id, '18', 'collaboration_relations',
               CASE WHEN GROUPING(framework) = 0 THEN 'programme:' || coalesce(framework, '?')
                    ELSE coalesce(partner_class, '') END, start_year,
               CAST(count(DISTINCT (a, b)) AS DOUBLE), 'organisation pairs'
        FROM pairs
        GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year),
                                (ecosystem_id, partner_class), (ecosystem_id, partner_class, start_year),
                                (ecosystem_id, framework), (ecosystem_id, framework, start_year))
        {KEEP_YEARS}
    ), tc AS (
        SELECT e.ecosystem_id, 'collaboration', 'projects_with_third_country_partner', '', e.start_year,
               CAST(count(DISTINCT t.project_key) AS DOUBLE), 'projects'
        FROM (SELECT DISTINCT ecosystem_id, project_key, start_year FROM scope) e
        LEFT JOIN third t
               ON t.ecosystem_id = e.ecosystem_id AND t.project_key = e.project_key
        GROUP BY GROUPING SETS ((e.ecosystem_id), (e.ecosystem_id, e.start_year))
        HAVING NOT (GROUPING(e.start_year) = 0 AND e.start_year IS NULL)
    )
    SELECT * FROM rel UNION ALL SELECT * FROM tc""")


@builder("indicators.stored", (SME, "cordis: file.csv (batch 1)", "SME participations / PRC participations"))
def stored(family: Query, source: str, method: str) -> Bound:
    """A family's rows with the provenance columns of ``indicator_value`` (source, method, computed_at)."""
    return dynamic("indicators.stored", f"SELECT *, ?, ?, now()::TIMESTAMP FROM ({family.sql})", [source, method])


@builder("indicators.organisation_degree", ("delineation.reference_counts example", "prov", "method"))
def organisation_degree(reference: Bound | str, source: str, method: str) -> Bound:
    """#37 from the reference counts (a :func:`~innovatlas.store.queries.delineation.reference_counts` query)."""
    if isinstance(reference, str):  # the snapshot example
        from innovatlas.model.ecosystem import Selector
        from innovatlas.store.queries.delineation import reference_counts

        reference = reference_counts([("nl", Selector(country=["NL"]))])
    return dynamic("indicators.organisation_degree", f"""
        WITH ref AS ({reference.sql}),
             n AS (SELECT r.ecosystem_id, r.ref, coalesce(m.members, 0) AS members FROM ref r
                   LEFT JOIN (SELECT ecosystem_id, count(*) AS members FROM ecosystem_member GROUP BY 1) m
                   USING (ecosystem_id))
        SELECT ecosystem_id, '37', 'reference_population', '', NULL, ref, 'organisations', ?, ?, now()::TIMESTAMP FROM n
        UNION ALL
        SELECT ecosystem_id, '37', 'organisation_degree', '', NULL, CASE WHEN ref > 0 THEN members / ref END, 'share',
               ?, ?, now()::TIMESTAMP FROM n""", reference.params + [source, method] * 2)
