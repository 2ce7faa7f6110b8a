"""Participation, actors (#29), funding, coordination and SME share per ecosystem."""

from __future__ import annotations

from innovatlas.indicators.base import Indicator, register
from innovatlas.store.queries import indicators as Q

__all__ = ["ParticipatingActors", "SmeShare"]


@register
class ParticipatingActors(Indicator):
    """#29 participating actors by type, and the participation, funding and coordination counts.

    Per ecosystem, in total and per project start year, overall and broken down by CORDIS
    activity type (``activity:HES``) and by framework actor type (``actor:university``):

    * ``organisations`` (#29): distinct analysis units (registered organisations by default, see
      :mod:`innovatlas.registry.units`) with an in-scope participation;
    * ``participations``: in-scope participations (one organisation's role in one project);
    * ``projects``: distinct projects; ``coordinator_roles``: participations with role coordinator;
    * ``ec_contribution_eur``: sum of the EC contribution of those participations.
    """

    key = "participation"
    catalogue_ids = (29,)
    datasets = ("cordis:%:participations", "cordis:organisations:%")
    method = ("Counted over in-scope participations (organisation x project); organisations = distinct analysis units "
              "(the unit is named below); "
              "per year = by project start year; EC contribution as published by CORDIS.")

    query = Q.PARTICIPATION


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

    query = Q.SME
