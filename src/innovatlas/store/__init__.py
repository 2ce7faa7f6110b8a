"""The only package that talks to DuckDB.

A *workspace* is one DuckDB file. :class:`Workspace` opens it (creating and migrating the
schema), runs SQL with bound parameters, and offers :meth:`Workspace.transaction` so that
an import either lands whole or not at all.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path
from typing import Any, Iterator, Sequence

import duckdb

from innovatlas.errors import WorkspaceBusy, WorkspaceError
from innovatlas.store.relational import Bound, Query
from innovatlas.store.schema import MIGRATIONS, SCHEMA_VERSION

_OPENINGS = itertools.count(1)  # numbers the read-only openings (see Workspace._frozen)

__all__ = ["Workspace", "DEFAULT_WORKSPACE", "default_workspace_path"]

DEFAULT_WORKSPACE = "innovatlas.duckdb"


def default_workspace_path() -> Path:
    """``$INNOVATLAS_WORKSPACE`` if set, else ``./innovatlas.duckdb``."""
    return Path(os.environ.get("INNOVATLAS_WORKSPACE", DEFAULT_WORKSPACE))


class Workspace:
    """One ecosystem workspace in one DuckDB file.

    >>> ws = Workspace(":memory:")
    >>> ws.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)
    True
    """

    def __init__(self, path: str | Path = DEFAULT_WORKSPACE, *, read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise WorkspaceError(_missing_message(self.path))
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise WorkspaceError(f"cannot open workspace {self.path}: {exc}") from None
            raise WorkspaceBusy(_locked_message(self.path, str(exc), read_only)) from None
        except duckdb.Error as exc:
            raise WorkspaceError(f"cannot open workspace {self.path}: {exc}") from None
        self._in_tx = False
        # read-only: nothing can change the file while it is open (DuckDB lets no writer in), so the state
        # stamp is computed once and shared with every cursor (it was 5 subqueries per call, many per request)
        # ("opened" tells one opening from the next: caches never serve what a previous opening saw)
        self._frozen: dict[str, Any] | None = {"opened": next(_OPENINGS)} if read_only else None
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # -- schema -----------------------------------------------------------------------
    def _current_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
        if not has_meta:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self._current_version()
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"workspace {self.path} has schema version {version}, newer than this innovatlas "
                f"understands ({SCHEMA_VERSION}). Upgrade innovatlas.")
        if version < SCHEMA_VERSION:
            raise WorkspaceError(f"workspace {self.path} is empty or written by an older innovatlas; run an import or 'innovatlas analyse' on it first to migrate it.")

    def _migrate(self) -> None:
        version = self._current_version()
        self._check_version() if version > SCHEMA_VERSION else None
        for target in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[target]):
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target + 1)])

    # -- execution --------------------------------------------------------------------
    def execute(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None) -> duckdb.DuckDBPyConnection:
        """Run one statement on DuckDB: a :class:`~innovatlas.store.relational.Query` of the relational layer
        (with ``params``), a bound one, or (inside this package only) SQL text."""
        if isinstance(sql, Bound):
            sql, params = sql.sql, (sql.params if params is None else params)
        elif isinstance(sql, Query):
            sql = sql.sql
        return self.con.execute(sql, params) if params is not None else self.con.execute(sql)

    def rows(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def dicts(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def scalar(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def arrow(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None):
        cur = self.execute(sql, params)
        return cur.to_arrow_table() if hasattr(cur, "to_arrow_table") else cur.fetch_arrow_table()

    def columns(self, sql: "str | Query | Bound", params: Sequence[Any] | dict | None = None) -> dict[str, list]:
        """Result as column lists (cheap input for igraph and numpy)."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        data = cur.fetchall()
        return {n: [r[i] for r in data] for i, n in enumerate(names)}

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Workspace"]:
        """All or nothing: on any exception the workspace is rolled back unchanged."""
        if self._in_tx:  # nested: the outer transaction decides
            yield self
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._in_tx = False

    def new_batch(self, *, source: str, dataset: str, file: str, sha256: str, rows: int,
                  licence: str | None, attribution: str | None) -> int:
        batch_id = self.scalar("SELECT nextval('batch_seq')")
        self.execute(
            "INSERT INTO import_batch VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?)",
            [batch_id, source, dataset, file, sha256, rows, licence, attribution])
        return int(batch_id)

    def batches_of(self, dataset: str) -> list[dict[str, Any]]:
        return self.dicts("SELECT * FROM import_batch WHERE dataset = ? ORDER BY batch_id", [dataset])

    def cursor(self) -> "Workspace":
        """A view of this workspace on its own DuckDB cursor, for use from another thread."""
        view = object.__new__(Workspace)
        view.path = self.path
        view.con = self.con.cursor()
        view._in_tx = False
        view._frozen = self._frozen
        return view

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stamp(self) -> str:
        """Changes whenever an import, an analysis or a diagnosis changes the workspace (for caches).
        Computed once for a read-only workspace (and its cursors): nothing can change it while it is open."""
        frozen = getattr(self, "_frozen", None)
        if frozen is not None:
            if "stamp" not in frozen:
                frozen["stamp"] = self._stamp()
            return frozen["stamp"]
        return self._stamp()

    def _stamp(self) -> str:
        return str(self.rows("""SELECT (SELECT max(batch_id) FROM import_batch), (SELECT max(computed_at) FROM ecosystem),
                                       (SELECT max(computed_at) FROM finding), (SELECT count(*) FROM indicator_input),
                                       (SELECT string_agg(key || '=' || value, ';' ORDER BY key) FROM meta WHERE key LIKE 'disclosure_%')""")[0])

    def snapshot(self) -> dict[str, Any]:
        """Row counts and a checksum of every table: used to prove an import changed nothing."""
        tables = [t for (t,) in self.rows("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_catalog = current_database() AND table_schema = 'main' "
                                          "AND table_type = 'BASE TABLE' ORDER BY 1")]
        if not tables:
            return {}
        # one statement over every table (DuckDB scans them in parallel): row count and a hash of every row
        union = " UNION ALL ".join(f"""SELECT '{t.replace("'", "''")}', count(*) || ':' || coalesce(sum(hash(t)), 0) """
                                   f'FROM "{t}" t' for t in tables)
        return dict(self.rows(union))


def _missing_message(path: str) -> str:
    """No workspace at ``path``: the workspaces nearby (a typo?), else how to make one."""
    import difflib

    p = Path(path)
    found = sorted({str(f) for d in {p.parent, Path("."), Path("build")} if d.is_dir() for f in d.glob("*.duckdb")})
    near = difflib.get_close_matches(str(path), found, n=3, cutoff=0.5) or found[:3]
    if near:
        return (f"workspace {path} does not exist. What to do: did you mean --workspace {' or --workspace '.join(near)}? "
                "(or import data into a new one first, e.g. 'innovatlas import cordis FILE --workspace PATH')")
    return (f"workspace {path} does not exist. What to do: run 'make demo' (it builds build/demo.duckdb), or import "
            f"data first, e.g. 'innovatlas import cordis FILE --workspace {path}'.")


def _process_name(pid: str) -> str | None:
    """What process ``pid`` runs, e.g. 'innovatlas import cordis ...' (Linux /proc; None elsewhere)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    words = [Path(a.decode(errors="replace")).name if i == 0 else a.decode(errors="replace") for i, a in enumerate(args) if a]
    if len(words) > 1 and words[0].startswith("python"):
        words = words[1:]
    if words and words[0] == "-m":
        words = words[1:]
    text = " ".join(" ".join(Path(words[0]).name.split(".")[0:1] + words[1:4]).split()) if words else ""
    return text[:80] or None


def _locked_message(path: str, detail: str, read_only: bool) -> str:
    """What to do when another process (an import, 'innovatlas serve') holds the workspace open."""
    import re

    pid = re.search(r"PID (\d+)", detail)
    name = _process_name(pid.group(1)) if pid else None
    who = ("another process" + (f" (PID {pid.group(1)}" + (f": {name}" if name else "") + ")" if pid else "")
           + " has it open" + ("" if read_only else " (an import, an analysis or 'innovatlas serve')"))
    if read_only:
        return (f"workspace {path} is busy: {who} and is writing it. "
                "What to do: wait until that command has finished, then run this again.")
    return (f"workspace {path} is busy: {who}. What to do: wait until that command has finished, or close it "
            f"(Ctrl-C in its terminal; a server: stop it), then run this again. To keep a server running, work on a "
            f"copy and swap: cp {path} {path}.new; run this command with --workspace {path}.new; stop the server; "
            f"mv {path}.new {path}; start the server again.")


def _split_sql(script: str) -> list[str]:
    """Split a DDL script on ';' at line ends (our DDL has no ';' inside literals)."""
    parts, buf = [], []
    for line in script.splitlines():
        stripped = line.split("--", 1)[0].rstrip()
        buf.append(stripped)
        if stripped.endswith(";"):
            parts.append("\n".join(buf).strip().rstrip(";"))
            buf = []
    if "".join(buf).strip():
        parts.append("\n".join(buf).strip())
    return [p for p in parts if p]
