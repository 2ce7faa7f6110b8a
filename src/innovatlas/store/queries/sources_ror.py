"""Queries behind innovatlas.sources.ror: the ROR gazetteer of Dutch places (an import: DuckDB only)."""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, query

#: one place: place name, municipality, NUTS-3 code, NUTS-3 name, batch (run with executemany)
INSERT_PLACE = query("sources_ror.insert_place", """
    INSERT INTO geo_place VALUES (?, ?, ?, ?, ?)""", engines=DUCKDB_ONLY)
