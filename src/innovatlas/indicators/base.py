"""How indicators are defined, registered and computed.

An indicator family is a subclass of :class:`Indicator` with a ``key``, the catalogue ids
it fills, the datasets it rests on, a plain-language ``method`` and a ``query``: a statement
of the relational layer (:mod:`innovatlas.store.queries.indicators`) returning rows
``(ecosystem_id, indicator, measure, breakdown, year, value, unit)`` for all analysed
ecosystems at once (set-based; ``year`` NULL = all years). Register it with
:func:`register`; :func:`compute_all` runs every registered family on the analysis engine
(DuckDB or Spark) and stores the values with their provenance.

Adding an indicator: the statement in ``store/queries/indicators.py``::

    PROJECTS = query("indicators.projects",
                     "SELECT ecosystem_id, 'projects', 'projects', '', NULL, count(DISTINCT project_key), "
                     "'projects' FROM scope GROUP BY 1")

and the family here::

    @register
    class Projects(Indicator):
        key = "projects"
        datasets = ("cordis:%:participations",)
        method = "Distinct projects with at least one in-scope participation."
        query = Q.PROJECTS
"""

from __future__ import annotations

from typing import ClassVar

from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine
from innovatlas.store.queries import indicators as Q
from innovatlas.store.relational import Query

__all__ = ["Indicator", "register", "REGISTRY", "compute_all", "compute_signals", "provenance", "value_rows", "YEAR_SETS"]

REGISTRY: dict[str, "Indicator"] = {}


class Indicator:
    key: ClassVar[str]
    catalogue_ids: ClassVar[tuple[int, ...]] = ()
    datasets: ClassVar[tuple[str, ...]] = ("cordis:%:participations",)
    method: ClassVar[str] = ""
    #: the family's statement in the relational layer (families that need more override :meth:`compute`)
    query: ClassVar[Query | None] = None

    def sql(self) -> str:
        """The family's statement as DuckDB runs it."""
        if self.query is None:
            raise NotImplementedError(f"indicator {self.key} defines no query")
        return self.query.sql

    def compute(self, ws: Workspace, engine: Engine | None = None) -> None:
        """Store this family's values, computed by ``engine`` (the workspace's DuckDB by default)."""
        if self.query is None:
            raise NotImplementedError(f"indicator {self.key} defines no query")
        (engine or DuckDBEngine(ws)).insert("indicator_value",
                                            Q.stored(self.query, provenance(ws, self.datasets), self.method_text(ws)))

    def method_text(self, ws: Workspace) -> str:
        """The method as stored: ends with the unit the analysis counted (:mod:`innovatlas.registry.units`)."""
        from innovatlas.registry.units import unit_note

        return f"{self.method} {unit_note(ws)}"


def register(cls: type[Indicator]) -> type[Indicator]:
    REGISTRY[cls.key] = cls()
    return cls


def value_rows(rows: list[tuple], source: str, method: str):
    """Indicator values computed in Python, ``(ecosystem_id, indicator, measure, breakdown, year, value, unit)``,
    as an Arrow table in the column order of ``indicator_value`` (for :meth:`Engine.load`)."""
    import datetime as dt

    import pyarrow as pa

    cols = list(zip(*rows))
    now = dt.datetime.now().replace(microsecond=0)
    return pa.table({
        "ecosystem_id": pa.array(cols[0], pa.string()), "indicator": pa.array(cols[1], pa.string()),
        "measure": pa.array(cols[2], pa.string()), "breakdown": pa.array(cols[3], pa.string()),
        "year": pa.array(cols[4], pa.int32()), "value": pa.array(cols[5], pa.float64()),
        "unit": pa.array(cols[6], pa.string()), "source": pa.array([source] * len(rows), pa.string()),
        "method": pa.array([method] * len(rows), pa.string()),
        "computed_at": pa.array([now] * len(rows), pa.timestamp("us"))})


def provenance(ws: Workspace, datasets: tuple[str, ...]) -> str:
    """Where the values come from: every import batch of the datasets, with file, time and licence."""
    parts = []
    for pattern in datasets:
        for b in ws.dicts(Q.PROVENANCE_BATCHES(pattern)):
            parts.append(f"{b['dataset']}: {b['file']} (batch {b['batch_id']}, {b['rows']:,} rows, imported "
                         f"{b['imported_at']:%Y-%m-%d %H:%M}; {b['attribution']}, {b['licence']})")
    return "; ".join(parts) or "no imported data"


#: DuckDB memory limit while the indicators are computed (workspace files; what exceeds it is spilled to disk).
INDICATOR_MEMORY_LIMIT = "3GB"

YEAR_SETS, KEEP_YEARS = Q.YEAR_SETS, Q.KEEP_YEARS


def compute_all(ws: Workspace, keys: list[str] | None = None, engine: Engine | None = None) -> None:
    """Every registered family (but the signals) for every analysed ecosystem, on ``engine``."""
    from innovatlas.indicators import collaboration, organisation_degree, participation, publications, signals  # noqa: F401 (register)

    eng = engine or DuckDBEngine(ws)
    eng.clear("indicator_value")
    # under a DuckDB memory limit: the collaboration pairs of a large ecosystem go to disk instead of memory (issue 20)
    with eng.memory_limit(INDICATOR_MEMORY_LIMIT):
        for key, ind in REGISTRY.items():
            if key != "signal" and (keys is None or key in keys):
                ind.compute(ws, eng)


def compute_signals(ws: Workspace, engine: Engine | None = None) -> None:
    """The network signals need the stored networks: run after :func:`innovatlas.network.compute_networks`."""
    from innovatlas.indicators import signals  # noqa: F401 (register)

    eng = engine or DuckDBEngine(ws)
    if isinstance(eng, DuckDBEngine):
        ws.execute(Q.CLEAR_SIGNALS)
    REGISTRY["signal"].compute(ws, eng)
