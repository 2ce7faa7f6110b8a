"""Participation, actors (#29), funding, coordination and SME share per ecosystem."""

from __future__ import annotations

from innovatlas.indicators.base import KEEP_YEARS, Indicator, register

__all__ = ["ParticipatingActors", "SmeShare"]


@register
class ParticipatingActors(Indicator):
    """#29 participating actors by type, and the participation, funding and coordination counts.

    Per ecosystem, in total and per project start year, overall and broken down by CORDIS
    activity type (``activity:HES``) and by framework actor type (``actor:university``):

    * ``organisations`` (#29): distinct PICs with an in-scope participation;
    * ``participations``: in-scope participations (one organisation's role in one project);
    * ``projects``: distinct projects; ``coordinator_roles``: participations with role coordinator;
    * ``ec_contribution_eur``: sum of the EC contribution of those participations.
    """

    key = "participation"
    catalogue_ids = (29,)
    datasets = ("cordis:%:participations", "cordis:organisations:%")
    method = ("Counted over in-scope participations (organisation x project); organisations = distinct PICs; "
              "per year = by project start year; EC contribution as published by CORDIS.")

    def sql(self) -> str:
        breakdown = ("CASE WHEN GROUPING(activity_type) = 0 THEN 'activity:' || coalesce(activity_type, '?') "
                     "WHEN GROUPING(actor_type) = 0 THEN 'actor:' || coalesce(actor_type, '?') ELSE '' END")
        return f"""
        WITH wide AS (
            SELECT ecosystem_id, {breakdown} AS breakdown, start_year AS year,
                   CAST(count(DISTINCT pic) AS DOUBLE) AS organisations,
                   CAST(count(*) AS DOUBLE) AS participations,
                   CAST(count(DISTINCT project_key) AS DOUBLE) AS projects,
                   CAST(count(*) FILTER (WHERE role = 'coordinator') AS DOUBLE) AS coordinator_roles,
                   coalesce(sum(ec_contribution), 0) AS ec_contribution_eur
            FROM scope
            GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year),
                                    (ecosystem_id, activity_type), (ecosystem_id, activity_type, start_year),
                                    (ecosystem_id, actor_type), (ecosystem_id, actor_type, start_year))
            {KEEP_YEARS}
        )
        SELECT ecosystem_id, CASE measure WHEN 'organisations' THEN '29' ELSE measure END, measure, breakdown, year,
               value, CASE measure WHEN 'ec_contribution_eur' THEN 'EUR' ELSE measure END
        FROM wide UNPIVOT (value FOR measure IN (organisations, participations, projects, coordinator_roles,
                                                  ec_contribution_eur))"""


@register
class SmeShare(Indicator):
    """Share of private for-profit participations by SMEs, where CORDIS publishes the SME flag.

    ``sme_share`` = SME participations / PRC participations with a known flag; NULL when
    no PRC participation has a flag (the reduced H2020 table and the pre-2021 layout carry
    none). ``sme_flag_coverage`` tells how many PRC participations have a flag.
    """

    key = "sme"
    method = ("SME participations / private for-profit (PRC) participations whose SME flag is published; "
              "NULL when the imported files carry no SME flag (only the current CORDIS layout has it).")

    def sql(self) -> str:
        return f"""
        WITH g AS (
            SELECT ecosystem_id, start_year AS year,
                   count(*) FILTER (WHERE activity_type = 'PRC' AND sme) AS sme,
                   count(*) FILTER (WHERE activity_type = 'PRC' AND sme IS NOT NULL) AS known,
                   count(*) FILTER (WHERE activity_type = 'PRC') AS prc
            FROM scope GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, start_year)) {KEEP_YEARS}
        )
        SELECT ecosystem_id, 'sme', 'sme_share', '', year, CASE WHEN known > 0 THEN sme / known END, 'share' FROM g
        UNION ALL
        SELECT ecosystem_id, 'sme', 'sme_flag_coverage', '', year, CASE WHEN prc > 0 THEN known / prc END, 'share'
        FROM g"""
