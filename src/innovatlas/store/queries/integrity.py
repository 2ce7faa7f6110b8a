"""Queries behind innovatlas.check: the workspace integrity check (``innovatlas check``).

They read the catalogue and every table of the workspace file; DuckDB only.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

#: the workspace's own tables (not TEMP tables, not attached databases)
TABLES = query("integrity.tables", """
    SELECT table_name FROM information_schema.tables
    WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE'
    ORDER BY table_name""", engines=DUCKDB_ONLY)

#: the tables whose rows name the import batch they came from
BATCH_TABLES = query("integrity.batch_tables", """
    SELECT table_name FROM information_schema.columns
    WHERE table_catalog = current_database() AND table_schema = 'main' AND column_name = 'batch_id'
      AND table_name <> 'import_batch'
    ORDER BY table_name""", engines=DUCKDB_ONLY)

SCHEMA_VERSION = query("integrity.schema_version", """
    SELECT value FROM meta WHERE key = 'schema_version'""", engines=DUCKDB_ONLY)

#: batches whose recorded row count is not a whole non-negative number, or that name no dataset
BAD_BATCHES = query("integrity.bad_batches", """
    SELECT batch_id, dataset FROM import_batch
    WHERE rows IS NULL OR rows < 0 OR dataset IS NULL OR sha256 IS NULL ORDER BY batch_id LIMIT 5""",
    engines=DUCKDB_ONLY)

#: a dataset imported more than once without the earlier batch being replaced (user inputs keep their history)
DUPLICATE_DATASETS = query("integrity.duplicate_datasets", """
    SELECT dataset, count(*) FROM import_batch WHERE source <> 'user'
    GROUP BY dataset HAVING count(*) > 1 ORDER BY dataset LIMIT 5""", engines=DUCKDB_ONLY)


@builder("integrity.count_rows", ("project",))
def count_rows(table: str):
    """Every row of one table read (a damaged table fails here)."""
    return dynamic("integrity.count_rows", f'SELECT count(*) FROM "{table}"', engines=DUCKDB_ONLY)


@builder("integrity.orphan_rows", ("participation",))
def orphan_rows(table: str):
    """Rows of a table that name an import batch the workspace does not hold: (count, first such batch)."""
    return dynamic("integrity.orphan_rows", f"""SELECT count(*), min(t.batch_id) FROM "{table}" t
                       WHERE t.batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = t.batch_id)""",
                   engines=DUCKDB_ONLY)
