"""Queries behind innovatlas.sources.geo: the CBS regional classification and boundary shapes.

The parsed rows arrive as one list parameter per column and are unnested set-based; both
statements write the workspace (an import), so they run on DuckDB only.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, query

#: parameters: level, code, name, corop_code, province_code (lists of text), year (list of integers), batch
INSERT_REGIONS = query("sources_geo.insert_regions", """
    INSERT INTO geo_region SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
    unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
    unnest(CAST(? AS INTEGER[])), ?""", engines=DUCKDB_ONLY)

#: parameters: level, code, name (lists of text), year (list of integers), geometry (list of JSON texts), batch
INSERT_SHAPES = query("sources_geo.insert_shapes", """
    INSERT INTO geo_shape SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
    unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS JSON[])), ?""", engines=DUCKDB_ONLY)
