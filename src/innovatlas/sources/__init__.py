"""Data sources: one module per source. Each module knows its layouts and loads into the store.

Register a new source in :data:`SOURCES` (name -> module with ``import_paths(ws, paths, **opts)``
and ``fetch(dest)``); the CLI's ``import`` and ``fetch`` commands find it there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

__all__ = ["ImportReport", "Progress", "SOURCES", "get_source"]

Progress = Callable[[str], None]


@dataclass
class ImportReport:
    """What an import did: per dataset, rows loaded or 'unchanged'."""

    loaded: dict[str, int] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{ds}: {n:,} rows loaded" for ds, n in self.loaded.items()]
        out += [f"{ds}: already imported from the same file, nothing changed" for ds in self.unchanged]
        return out + self.notes


def _registry() -> dict[str, object]:
    from innovatlas.sources import cordis, geo, openalex, ris, ror, statline

    return {"cordis": cordis, "geo": geo, "ror": ror, "ris": ris, "statline": statline, "openalex": openalex}


SOURCES: Callable[[], dict[str, object]] = _registry


def get_source(name: str):
    sources = _registry()
    if name not in sources:
        from innovatlas.errors import InputError

        raise InputError(f"unknown source '{name}'", hint=f"choose one of: {', '.join(sources)}")
    return sources[name]
