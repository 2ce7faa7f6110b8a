"""Queries shared by the data sources (innovatlas.sources): dataset replacement and the staged tables.

Every statement here belongs to an import: it reads or writes the workspace's staging tables
(``stg_*``) or replaces the facts of a dataset, so all of them run on DuckDB only.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

#: the import batches of a dataset go together with their facts (``replace_dataset``)
DELETE_BATCHES_OF_DATASET = query("sources_common.delete_batches_of_dataset", """
    DELETE FROM import_batch WHERE dataset = ?""", engines=DUCKDB_ONLY)


@builder("sources_common.delete_facts_of_batches", ("project", [1, 2]), ("regional_statistic", [3]))
def delete_facts_of_batches(table: str, batch_ids: list[int]):
    """The facts of earlier import batches in one fact table (each has a ``batch_id`` column).

    Written ``CAST(? AS INTEGER[])``: the same cast as DuckDB's ``?::INTEGER[]``, which sqlglot cannot parse.
    """
    return dynamic("sources_common.delete_facts_of_batches",
                   f"DELETE FROM {table} WHERE batch_id IN (SELECT unnest(CAST(? AS INTEGER[])))", [batch_ids],
                   engines=DUCKDB_ONLY)


@builder("sources_common.count_staged", ("stg_org",), ("stg_ris",))
def count_staged(table: str):
    """The number of rows of a staged file."""
    return dynamic("sources_common.count_staged", f"SELECT count(*) FROM {table}", engines=DUCKDB_ONLY)


@builder("sources_common.staged_columns", ("stg_project",))
def staged_columns(table: str):
    """The column names of a staged file."""
    return dynamic("sources_common.staged_columns", f"SELECT column_name FROM (DESCRIBE {table})", engines=DUCKDB_ONLY)


@builder("sources_common.add_column", ("stg_values", "breakdown"))
def add_column(table: str, column: str):
    """Add a template column the file left out (as text)."""
    return dynamic("sources_common.add_column", f'ALTER TABLE {table} ADD COLUMN "{column}" VARCHAR',
                   engines=DUCKDB_ONLY)


@builder("sources_common.staged_has_column", ("stg_org", "SME"))
def staged_has_column(table: str, column: str):
    """1 when a staged file has the column, else 0."""
    return dynamic("sources_common.staged_has_column",
                   "SELECT count(*) FROM (DESCRIBE " + table + ") WHERE column_name = ?", [column], engines=DUCKDB_ONLY)
