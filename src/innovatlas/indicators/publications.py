"""#15 publications, #16 co-publications, #17 scientists with a dual appointment (a proxy), from OpenAlex works.

A work belongs to an ecosystem when at least one of its authors is affiliated with a member: an OpenAlex
institution whose ROR id is a registry organisation linked to a member's PIC (see
:func:`innovatlas.store.queries.publications.resolved_affiliations`). Per ecosystem and publication year:

* ``15 publications`` (full counting): works with at least one member institution; each counts 1.
* ``15 publications_fractional`` (author-level fractional counting, Waltman & van Eck 2015, J. Informetrics 9(4)
  872-894): each work is 1, split equally over its authors, and each author's share equally over the
  organisations the author lists; the ecosystem's count is the sum of its members' shares. An author without
  an institution keeps a share that goes to nobody, so the sum over all organisations can be below the works.
* ``16 copublications``: works with at least two distinct organisations; ``public_public``: with at least two
  public organisations; ``public_private``: with at least one public organisation and at least one firm, as the
  European Innovation Scoreboard counts public-private co-publications (EIS 2023 methodology report, indicator
  2.2.2: publications with at least one author from the business sector and one from the public sector; CWTS
  data). OpenAlex institution types: public = education, government, facility, healthcare, nonprofit, archive;
  private = company; funder, other and unknown types count as neither. The EIS leaves out private medical
  institutions, which OpenAlex does not tell apart (healthcare counts as public here).
* ``16 copublication_share`` ``international`` / ``eu`` / ``third_country``: of the co-publications, the share with
  an institution outside the Netherlands / in another EU-27 member state / outside the EU-27.
* ``17 dual_appointment_proxy``: distinct authors listed, in one work, with two institutions of different types
  of which at least one is a member. A proxy: OpenAlex records affiliations on papers, not appointments.

Ecosystems without any work in the workspace get no value: their publications are not in the data (never 0).
"""

from __future__ import annotations

from innovatlas.indicators.base import Indicator, provenance, register
from innovatlas.publications.i18n import METHOD_EN
from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine
from innovatlas.store.queries import indicators as QI
from innovatlas.store.queries import publications as Q

__all__ = ["Publications", "compute_on_duckdb"]


@register
class Publications(Indicator):
    key = "publications"
    #: the values are stored under the catalogue ids 15, 16 and 17, but the family does not claim them
    #: (``catalogue_ids`` stays empty): a user with Web of Science / Scopus counts or real appointment data keeps
    #: importing #15-#17 ('innovatlas template values'), and the diagnosis prefers those imported values; the
    #: OpenAlex figures fill in where nothing was imported (and #17 is only a proxy)
    catalogue_ids = ()
    fills = (15, 16, 17)
    datasets = ("openalex:works:%",)
    method = METHOD_EN
    query = Q.PUBLICATIONS

    def compute(self, ws: Workspace, engine: Engine | None = None) -> None:
        """On DuckDB only: the OpenAlex tables are not among the Spark engine's inputs, so on Spark the analysis
        computes these values on the workspace after the write-back (:func:`compute_on_duckdb`)."""
        if engine is None or isinstance(engine, DuckDBEngine):
            compute_on_duckdb(ws)


def compute_on_duckdb(ws: Workspace) -> None:
    fam = Publications()
    ws.execute(Q.CLEAR_INDICATORS)
    bound = QI.stored(fam.query, provenance(ws, fam.datasets), fam.method)
    ws.execute(Q.insert_indicators(bound))
