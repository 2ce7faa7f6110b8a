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

from innovatlas.indicators.base import Indicator, register
from innovatlas.store.queries import indicators as Q
from innovatlas.store.queries.indicators import partner_class_sql

__all__ = ["CollaborationRelations", "partner_class_sql"]


@register
class CollaborationRelations(Indicator):
    key = "collaboration"
    catalogue_ids = (18,)
    method = ("Distinct (member, partner) organisation pairs sharing at least one in-scope project, by where the "
              "partner is: internal (both members; unordered pairs), rest of NL, EU-28, H2020 associated "
              "countries, third countries. Per year = pairs in projects starting that year.")

    query = Q.COLLABORATION
