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

from innovatlas.indicators.base import Indicator, provenance, register
from innovatlas.model.ecosystem import Selector
from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine
from innovatlas.store.queries import delineation as D
from innovatlas.store.queries import indicators as Q

__all__ = ["DegreeOfOrganisation"]


@register
class DegreeOfOrganisation(Indicator):
    key = "organisation_degree"
    catalogue_ids = (37,)
    datasets = ("cordis:%",)
    method = ("Members / reference population, where the reference population is every organisation known to the "
              "workspace (any imported CORDIS organisation table or participation list) meeting the ecosystem's "
              "organisation filters.")

    def compute(self, ws: Workspace, engine: Engine | None = None) -> None:
        ecos = [(eco_id, Selector.model_validate(json.loads(definition)["select"]))
                for eco_id, definition in ws.rows(D.ECOSYSTEM_DEFINITIONS)]
        if not ecos:
            return
        (engine or DuckDBEngine(ws)).insert("indicator_value", Q.organisation_degree(
            D.reference_counts(ecos), provenance(ws, self.datasets), self.method_text(ws)))
