"""Helpers shared by the sources: dataset replacement with provenance."""

from __future__ import annotations

from pathlib import Path

from innovatlas.store import Workspace
from innovatlas.store.load import sha256_of
from innovatlas.store.queries import sources_common as Q

# Tables that hold imported facts, each with a batch_id column.
FACT_TABLES = ("project", "project_part", "participation", "organisation_record", "organisation_vat", "geo_region", "geo_place",
               "geo_shape", "regional_statistic", "organisation_attribute", "batch_file")


def replace_dataset(ws: Workspace, *, source: str, dataset: str, path: Path, display: str, rows: int,
                    licence: str, attribution: str, sha: str | None = None) -> int | None:
    """Drop the facts of earlier imports of ``dataset`` and open a new batch.

    Returns the new batch id, or ``None`` when the current batch came from an identical
    file (re-importing is idempotent). Call inside :meth:`Workspace.transaction`.
    """
    sha = sha or sha256_of(path)
    earlier = ws.batches_of(dataset)
    if earlier and earlier[-1]["sha256"] == sha:
        return None
    ids = [b["batch_id"] for b in earlier]
    if ids:
        for table in FACT_TABLES:
            ws.execute(Q.delete_facts_of_batches(table, ids))
        ws.execute(Q.DELETE_BATCHES_OF_DATASET, [dataset])
    return ws.new_batch(source=source, dataset=dataset, file=display, sha256=sha, rows=rows,
                        licence=licence, attribution=attribution)


def staged_columns(ws: Workspace, table: str) -> set[str]:
    """The column names of a staged file (the loads read NULL for optional columns it lacks)."""
    return {c for c, in ws.rows(Q.staged_columns(table))}
