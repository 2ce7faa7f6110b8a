"""#37 degree of organisation: the share of possible participants that takes part.

*Reference population* (our definition, since the catalogue leaves it open): every
organisation the workspace knows, from any imported CORDIS organisation table or
participation list of any framework programme, that meets the ecosystem's organisation
filters (place, type, list), regardless of its projects. The degree of organisation is
members / reference population. For the national ecosystem that is: of all Dutch
organisations that ever appear in the imported EU framework-programme data, the share
with an in-scope participation. It is only as complete as the imported registries.
"""

from __future__ import annotations

import json

from innovatlas.delineation import compile_reference
from innovatlas.indicators.base import Indicator, provenance, register
from innovatlas.model.ecosystem import Selector
from innovatlas.store import Workspace

__all__ = ["DegreeOfOrganisation"]


@register
class DegreeOfOrganisation(Indicator):
    key = "organisation_degree"
    catalogue_ids = (37,)
    datasets = ("cordis:%",)
    method = ("Members / reference population, where the reference population is every organisation known to the "
              "workspace (any imported CORDIS organisation table or participation list) meeting the ecosystem's "
              "organisation filters.")

    def compute(self, ws: Workspace) -> None:
        parts, params = [], []
        for eco_id, definition in ws.rows("SELECT ecosystem_id, definition FROM ecosystem ORDER BY position"):
            ref_sql, p = compile_reference(Selector.model_validate(json.loads(definition)["select"]))
            parts.append(f"SELECT ? AS ecosystem_id, count(*) AS ref FROM ({ref_sql})")
            params += [eco_id] + p
        if not parts:
            return
        ws.execute(f"""
            INSERT INTO indicator_value
            WITH ref AS ({" UNION ALL ".join(parts)}),
                 n AS (SELECT r.ecosystem_id, r.ref, coalesce(m.members, 0) AS members FROM ref r
                       LEFT JOIN (SELECT ecosystem_id, count(*) AS members FROM ecosystem_member GROUP BY 1) m
                       USING (ecosystem_id))
            SELECT ecosystem_id, '37', 'reference_population', '', NULL, ref, 'organisations', ?, ?, now()::TIMESTAMP FROM n
            UNION ALL
            SELECT ecosystem_id, '37', 'organisation_degree', '', NULL, CASE WHEN ref > 0 THEN members / ref END, 'share',
                   ?, ?, now()::TIMESTAMP FROM n""", params + [provenance(ws, self.datasets), self.method] * 2)
