"""How indicators are defined, registered and computed.

An indicator family is a subclass of :class:`Indicator` with a ``key``, the catalogue ids
it fills, the datasets it rests on, a plain-language ``method`` and a ``sql()`` that
returns rows ``(ecosystem_id, indicator, measure, breakdown, year, value, unit)`` for all
analysed ecosystems at once (set-based; ``year`` NULL = all years). Register it with
:func:`register`; :func:`compute_all` runs every registered family and stores the values
with their provenance.

Adding an indicator::

    @register
    class Projects(Indicator):
        key = "projects"
        datasets = ("cordis:%:participations",)
        method = "Distinct projects with at least one in-scope participation."
        def sql(self):
            return "SELECT ecosystem_id, 'projects', 'projects', '', NULL, count(DISTINCT project_key), 'projects' FROM scope GROUP BY 1"
"""

from __future__ import annotations

from typing import ClassVar

from innovatlas.store import Workspace
from innovatlas.store.load import bounded_memory

__all__ = ["Indicator", "register", "REGISTRY", "compute_all", "compute_signals", "provenance", "YEAR_SETS"]

REGISTRY: dict[str, "Indicator"] = {}


class Indicator:
    key: ClassVar[str]
    catalogue_ids: ClassVar[tuple[int, ...]] = ()
    datasets: ClassVar[tuple[str, ...]] = ("cordis:%:participations",)
    method: ClassVar[str] = ""

    def sql(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError(f"indicator {self.key} defines no sql()")

    def compute(self, ws: Workspace) -> None:
        """Store this family's values; families that need more than one query override this."""
        ws.execute(f"INSERT INTO indicator_value SELECT *, ?, ?, now()::TIMESTAMP FROM ({self.sql()})",
                   [provenance(ws, self.datasets), self.method])


def register(cls: type[Indicator]) -> type[Indicator]:
    REGISTRY[cls.key] = cls()
    return cls


def provenance(ws: Workspace, datasets: tuple[str, ...]) -> str:
    """Where the values come from: every import batch of the datasets, with file, time and licence."""
    parts = []
    for pattern in datasets:
        for b in ws.dicts("SELECT * FROM import_batch WHERE dataset LIKE ? ORDER BY batch_id", [pattern]):
            parts.append(f"{b['dataset']}: {b['file']} (batch {b['batch_id']}, {b['rows']:,} rows, imported "
                         f"{b['imported_at']:%Y-%m-%d %H:%M}; {b['attribution']}, {b['licence']})")
    return "; ".join(parts) or "no imported data"


#: DuckDB memory limit while the indicators are computed (workspace files; what exceeds it is spilled to disk).
INDICATOR_MEMORY_LIMIT = "3GB"

#: GROUPING SETS fragment: totals and per project start year. Use with :data:`KEEP_YEARS`.
YEAR_SETS = "GROUPING SETS ((ecosystem_id{extra}), (ecosystem_id{extra}, start_year))"
#: Drops the per-year group of participations whose project has no start date.
KEEP_YEARS = "HAVING NOT (GROUPING(start_year) = 0 AND start_year IS NULL)"


def compute_all(ws: Workspace, keys: list[str] | None = None) -> None:
    from innovatlas.indicators import collaboration, organisation_degree, participation, signals  # noqa: F401 (register)

    ws.execute("DELETE FROM indicator_value")
    # under a DuckDB memory limit: the collaboration pairs of a large ecosystem go to disk instead of memory (issue 20)
    with bounded_memory(ws, INDICATOR_MEMORY_LIMIT):
        for key, ind in REGISTRY.items():
            if key != "signal" and (keys is None or key in keys):
                ind.compute(ws)


def compute_signals(ws: Workspace) -> None:
    """The network signals need the stored networks: run after :func:`innovatlas.network.compute_networks`."""
    from innovatlas.indicators import signals  # noqa: F401 (register)

    ws.execute("DELETE FROM indicator_value WHERE indicator = 'signal'")
    REGISTRY["signal"].compute(ws)
