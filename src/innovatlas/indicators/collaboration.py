"""#18 collaboration relations: distinct organisation pairs sharing a project.

For each in-scope participation of a member, every *other* participant of the same
project is a partner. A relation is a distinct (member, partner) pair, classed by the
partner:

* ``internal``: the partner is a member too (counted once per unordered pair);
* ``rest_nl``: a Dutch organisation outside the ecosystem;
* ``eu``: an organisation from another EU member state (EU-28 during Horizon 2020);
* ``associated``: from a Horizon 2020 associated country;
* ``third_country``: from any other country.

``projects_with_third_country_partner`` counts in-scope projects with at least one
third-country participant.
"""

from __future__ import annotations

from innovatlas.delineation import to_iso
from innovatlas.indicators.base import KEEP_YEARS, Indicator, register
from innovatlas.sources.cordis import EU28, H2020_ASSOCIATED

__all__ = ["CollaborationRelations", "partner_class_sql"]

_EU = "[" + ", ".join(f"'{to_iso(c)}'" for c in EU28) + "]"
_AC = "[" + ", ".join(f"'{to_iso(c)}'" for c in H2020_ASSOCIATED) + "]"


def partner_class_sql(is_member: str, country: str) -> str:
    return (f"CASE WHEN {is_member} THEN 'internal' WHEN {country} = 'NL' THEN 'rest_nl' "
            f"WHEN list_contains({_EU}, {country}) THEN 'eu' WHEN list_contains({_AC}, {country}) THEN 'associated' "
            f"ELSE 'third_country' END")


@register
class CollaborationRelations(Indicator):
    key = "collaboration"
    catalogue_ids = (18,)
    method = ("Distinct (member, partner) organisation pairs sharing at least one in-scope project, by where the "
              "partner is: internal (both members; unordered pairs), rest of NL, EU-28, H2020 associated "
              "countries, third countries. Per year = pairs in projects starting that year.")

    def sql(self) -> str:
        cls = partner_class_sql("m2.pic IS NOT NULL", "q.country")
        # Pairs are made distinct per (ecosystem, start year, class) without the project: a pair sharing several
        # projects is one row, so the distinct set is no larger than what is counted (issue 20). The projects with a
        # third-country partner are found by a separate semi-join, not from the pairs.
        return f"""
        WITH pairs AS (
            SELECT DISTINCT s.ecosystem_id, s.start_year,
                   CASE WHEN m2.pic IS NOT NULL THEN least(s.pic, q.pic) ELSE s.pic END AS a,
                   CASE WHEN m2.pic IS NOT NULL THEN greatest(s.pic, q.pic) ELSE q.pic END AS b,
                   {cls} AS partner_class
            FROM scope s
            JOIN participation q ON q.project_key = s.project_key AND q.pic <> s.pic
            LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
        ), third AS (
            SELECT DISTINCT s.ecosystem_id, s.project_key
            FROM scope s
            JOIN participation q ON q.project_key = s.project_key AND q.pic <> s.pic
            LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
            WHERE m2.pic IS NULL AND {cls} = 'third_country'
        ), rel AS (
            SELECT ecosystem_id, '18', 'collaboration_relations', coalesce(partner_class, ''), start_year,
                   CAST(count(DISTINCT (a, b)) AS DOUBLE), 'organisation pairs'
            FROM pairs
            GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year),
                                    (ecosystem_id, partner_class), (ecosystem_id, partner_class, start_year))
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
        SELECT * FROM rel UNION ALL SELECT * FROM tc"""
