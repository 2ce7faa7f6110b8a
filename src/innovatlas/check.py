"""The workspace integrity check (``innovatlas check``, issue 13).

After a crash, a kill or a full disk, :func:`check_workspace` says whether a workspace is whole:
the schema version is the one this innovatlas writes, every table can be read to its last row,
every row that names an import batch names one the workspace holds, and every import batch is
complete (row count, dataset, file hash) with one current batch per source dataset. DuckDB's
write-ahead log makes a killed import roll back on the next open; this check is how a user (and
tests/test_crash_safety.py) confirms it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from innovatlas.store import Workspace
from innovatlas.store.queries import integrity as Q
from innovatlas.store.schema import SCHEMA_VERSION

__all__ = ["check_workspace", "register"]


def check_workspace(ws: Workspace) -> dict[str, Any]:
    """``{"ok": bool, "problems": [...], "tables": n, "rows": n, "schema_version": v}`` for an open workspace."""
    problems: list[str] = []
    version = ws.scalar(Q.SCHEMA_VERSION)
    if str(version) != str(SCHEMA_VERSION):
        problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
    tables = [t for (t,) in ws.rows(Q.TABLES)]
    rows = 0
    for t in tables:
        try:
            rows += ws.scalar(Q.count_rows(t))
        except Exception as exc:  # noqa: BLE001 - a damaged table is what we report
            problems.append(f"table {t} cannot be read: {str(exc).splitlines()[0]}")
    for t in [t for (t,) in ws.rows(Q.BATCH_TABLES)]:
        n, first = ws.rows(Q.orphan_rows(t))[0]
        if n:
            problems.append(f"table {t}: {n:,} row(s) name import batch {first}, which the workspace does not hold")
    for batch, dataset in ws.rows(Q.BAD_BATCHES):
        problems.append(f"import batch {batch} ({dataset}) is incomplete (row count, dataset or file hash missing)")
    for dataset, n in ws.rows(Q.DUPLICATE_DATASETS):
        problems.append(f"dataset {dataset} has {n} current import batches, expected one")
    return {"ok": not problems, "problems": problems, "tables": len(tables), "rows": rows, "schema_version": version}


def register(app, *, out, fail: Callable, ws_opt, ws_path: Callable) -> None:
    """Add ``innovatlas check`` to the CLI."""
    import typer

    from innovatlas.errors import InnovatlasError, WorkspaceError

    @app.command("check")
    def check(workspace: Optional[Path] = ws_opt):
        """Check that the workspace is whole: schema version, every table readable, import batches consistent."""
        path = ws_path(workspace)
        try:
            with Workspace(path, read_only=True) as ws:
                result = check_workspace(ws)
        except InnovatlasError as exc:
            fail(exc)
        if not result["ok"]:
            fail(WorkspaceError(f"workspace {path} failed its integrity check:\n  " + "\n  ".join(result["problems"])
                                + "\nWhat to do: restore it from a copy, or build it again from the source files "
                                  "(innovatlas demo, or your import commands)."))
        out.print(f"workspace {path}: OK (schema version {result['schema_version']}, {result['tables']} tables, "
                  f"{result['rows']:,} rows, every import batch consistent)", highlight=False)
        raise typer.Exit(0)
