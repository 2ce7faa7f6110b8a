"""Engines that execute the relational layer's queries: DuckDB (embedded, default) and Spark.

The analysis (delineation, indicators, network edge lists, signals) talks to an :class:`Engine`
with six verbs: ``rows``/``arrow`` (read a query's result), ``create`` (materialise a result
under a name), ``insert`` (append a result to a table), ``clear``/``drop`` and ``load`` (append
rows computed in Python, e.g. the igraph figures). :class:`DuckDBEngine` runs each query on the
workspace itself. :class:`SparkEngine` reads the workspace's input tables as Parquet (exported
by :func:`export_inputs`, or Parquet the user already has on a shared file system), runs the
Spark SQL that :func:`innovatlas.store.relational.compile` produces, keeps every result as a
checkpointed DataFrame under its table name, and :meth:`SparkEngine.write_back` copies the
analysis tables into the workspace in one transaction, so the dashboard, report and API read
them unchanged.

Graph algorithms (betweenness, Leiden, layout) stay in igraph/NetworKit on the aggregated edge
list the engine returns: even EU-wide for Horizon 2020 that is 35,871 nodes and 796,670 links,
a few tens of MB that one machine analyses in seconds, while distributed graph libraries on
Spark (GraphFrames) have no Leiden and no seeded KADABRA. The limit of that choice: the edge
list of one ecosystem must fit in the memory of the driver (about 40 bytes per link in numpy,
plus igraph's own ~100 bytes per link: some 50 million links on a 16 GB driver).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from innovatlas.errors import InnovatlasError, WorkspaceError
from innovatlas.store.relational import Bound, Query, compile

__all__ = ["Engine", "DuckDBEngine", "SparkEngine", "ANALYSIS_INPUTS", "ANALYSIS_OUTPUTS", "export_inputs",
           "open_engine", "SparkUnavailable", "DEFAULT_SPARK_MASTER", "engine_settings", "set_engine_settings"]

#: workspace tables the relational steps of the analysis read
ANALYSIS_INPUTS = ("participation", "project", "organisation", "org_location", "project_part", "analysis_unit")
#: tables the analysis writes (the Spark engine copies them back into the workspace)
ANALYSIS_OUTPUTS = ("ecosystem_member", "ecosystem_project", "scope", "indicator_value", "network_edge",
                    "network_node", "network_metric")
DEFAULT_SPARK_MASTER = "local[2]"


class SparkUnavailable(InnovatlasError):
    """pyspark or Java is missing, or the Spark master cannot be reached."""


def _bound(q: Query | Bound, params: Sequence[Any] | None = None) -> Bound:
    if isinstance(q, Bound):
        return q
    return Bound(q, list(params or []))


class Engine:
    """What the analysis needs from an engine (see the module docstring)."""

    name = "engine"

    def rows(self, q: Query | Bound, params: Sequence[Any] | None = None) -> list[tuple]:
        raise NotImplementedError

    def arrow(self, q: Query | Bound, params: Sequence[Any] | None = None):
        raise NotImplementedError

    def create(self, table: str, q: Query | Bound) -> None:
        raise NotImplementedError

    def insert(self, table: str, q: Query | Bound) -> None:
        raise NotImplementedError

    def clear(self, table: str) -> None:
        raise NotImplementedError

    def drop(self, table: str) -> None:
        raise NotImplementedError

    def load(self, table: str, data) -> None:
        """Append a pyarrow table (columns in the table's order) to ``table``."""
        raise NotImplementedError

    def numpy(self, q: Query | Bound) -> dict[str, Any]:
        """A query's result as numpy columns (NULL as masked values), the input of igraph."""
        import numpy as np

        table = self.arrow(q)
        out = {}
        for name in table.column_names:
            col = table.column(name)
            if col.null_count:
                values = col.to_numpy(zero_copy_only=False)
                out[name] = np.ma.masked_array(values, mask=col.is_null().to_numpy(zero_copy_only=False))
            else:
                out[name] = col.to_numpy(zero_copy_only=False)
        return out

    @contextlib.contextmanager
    def memory_limit(self, limit: str) -> Iterator[None]:
        yield


class DuckDBEngine(Engine):
    """The workspace's own DuckDB runs every query (the default engine)."""

    name = "duckdb"

    def __init__(self, ws):
        self.ws = ws

    def rows(self, q, params=None):
        return self.ws.rows(_bound(q, params))

    def arrow(self, q, params=None):
        return self.ws.arrow(_bound(q, params))

    def numpy(self, q):
        return self.ws.execute(_bound(q)).fetchnumpy()

    def create(self, table, q):
        b = _bound(q)
        self.ws.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {b.sql}", b.params)

    def insert(self, table, q):
        b = _bound(q)
        self.ws.execute(f"INSERT INTO {table} {b.sql}", b.params)

    def clear(self, table):
        self.ws.execute(f"DELETE FROM {table}")

    def drop(self, table):
        self.ws.execute(f"DROP TABLE IF EXISTS {table}")

    def load(self, table, data):
        self.ws.con.register("_engine_load", data)
        try:
            self.ws.execute(f"INSERT INTO {table} SELECT * FROM _engine_load")
        finally:
            self.ws.con.unregister("_engine_load")

    @contextlib.contextmanager
    def memory_limit(self, limit):
        from innovatlas.store.load import bounded_memory

        with bounded_memory(self.ws, limit):
            yield


def export_inputs(ws, directory: str | Path, tables: Sequence[str] = ANALYSIS_INPUTS,
                  progress: Callable[[str], None] | None = None) -> dict[str, Path]:
    """Write the workspace's input tables as Parquet files ``<directory>/<table>.parquet`` (for Spark)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for table in tables:
        if progress:
            progress(f"exporting {table} to Parquet")
        path = directory / f"{table}.parquet"
        ws.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(path)}' (FORMAT parquet, COMPRESSION zstd)")
        out[table] = path
    return out


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


class SparkEngine(Engine):
    """Spark SQL over Parquet inputs; results kept as checkpointed DataFrames named like the workspace tables.

    ``master``: ``local[N]`` (in-process, what the tests use), ``spark://host:7077`` (a standalone
    cluster: the Parquet inputs must be on a file system every executor can read, see ``inputs``)
    or ``sc://host:15002`` (Spark Connect).
    """

    name = "spark"

    def __init__(self, ws, master: str = DEFAULT_SPARK_MASTER, inputs: str | Path | None = None,
                 progress: Callable[[str], None] | None = None):
        self.ws, self.master = ws, master
        self.say = progress or (lambda _m: None)
        self.spark = _session(master)
        self._tmp = None
        if inputs is None:
            self._tmp = tempfile.mkdtemp(prefix="innovatlas-spark-", dir=_scratch_dir(ws))
            inputs = self._tmp
            export_inputs(ws, inputs, progress=self.say)
        self.inputs = Path(inputs)
        for table in ANALYSIS_INPUTS:
            path = self.inputs / f"{table}.parquet"
            if not path.exists():
                raise WorkspaceError(f"Spark input {path} is missing: export the workspace with "
                                     f"'innovatlas export-parquet DIR' (on a file system every Spark executor can "
                                     f"read) and pass --spark-input DIR, or give a directory holding {table}.parquet")
            self.spark.read.parquet(str(path)).createOrReplaceTempView(table)
        self._frames: dict[str, Any] = {}
        for table in ANALYSIS_OUTPUTS:  # empty, with the workspace's schema
            self._put(table, self._empty(table))
        self.timings: dict[str, float] = {}

    # -- helpers
    def _empty(self, table):
        return self.spark.createDataFrame(self.ws.arrow(f"SELECT * FROM {table} LIMIT 0"))

    def _put(self, table, df):
        df.createOrReplaceTempView(table)
        self._frames[table] = df

    def _sql(self, q, params=None):
        b = _bound(q, params)
        t = time.perf_counter()
        df = self.spark.sql(compile(b, "spark"))
        self.timings[b.name] = self.timings.get(b.name, 0.0) + time.perf_counter() - t
        if os.environ.get("INNOVATLAS_SPARK_TRACE"):
            print(f"spark {b.name}: compiled+planned in {time.perf_counter() - t:.2f} s", flush=True)
        return df

    def _conform(self, table, df):
        """Columns renamed and cast to the target table's schema (union by position, as INSERT does)."""
        target = self._frames[table]
        if len(df.columns) != len(target.columns):
            raise WorkspaceError(f"query for {table} returns {len(df.columns)} columns, the table has "
                                 f"{len(target.columns)}")
        from pyspark.sql import functions as F

        renamed = df.toDF(*target.columns)
        return renamed.select(*[F.col(c).cast(f.dataType).alias(c) for c, f in zip(target.columns, target.schema)])

    # -- the verbs
    def rows(self, q, params=None):
        return [tuple(r) for r in self._sql(q, params).collect()]

    def arrow(self, q, params=None):
        return self._sql(q, params).toArrow()

    def create(self, table, q):
        self._put(table, self._sql(q).localCheckpoint())

    def insert(self, table, q):
        new = self._conform(table, self._sql(q))
        self._put(table, self._frames[table].unionAll(new).localCheckpoint())

    def clear(self, table):
        self._put(table, self._empty(table) if table in ANALYSIS_OUTPUTS else self._frames[table].limit(0))

    def drop(self, table):
        self.spark.catalog.dropTempView(table)
        self._frames.pop(table, None)

    def load(self, table, data):
        new = self._conform(table, self.spark.createDataFrame(data))
        self._put(table, self._frames[table].unionAll(new).localCheckpoint())

    def write_back(self, tables: Sequence[str] = ANALYSIS_OUTPUTS) -> None:
        """Replace the workspace's analysis tables by the Spark results (call inside a workspace transaction)."""
        for table in tables:
            self.say(f"writing {table} back into the workspace")
            data = self._frames[table].toArrow()
            self.ws.execute(f"DELETE FROM {table}")
            self.ws.con.register("_spark_result", data)
            try:
                self.ws.execute(f"INSERT INTO {table} SELECT * FROM _spark_result")
            finally:
                self.ws.con.unregister("_spark_result")

    def close(self) -> None:
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)


def _scratch_dir(ws) -> str | None:
    if ws.path == ":memory:":
        return None
    return str(Path(ws.path).resolve().parent)


_SESSIONS: dict[str, Any] = {}


def _session(master: str):
    """One Spark session per master per process (starting one takes seconds)."""
    if master in _SESSIONS:
        return _SESSIONS[master]
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("the Spark engine needs pyspark: pip install 'innovatlas[spark]' "
                               "(and Java 17 or newer: java -version)") from None
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise SparkUnavailable("the Spark engine needs Java 17 or newer on the PATH (or JAVA_HOME): "
                               "install it (e.g. apt-get install openjdk-17-jre-headless) and try again")
    builder = SparkSession.builder.appName("innovatlas")
    try:
        if master.startswith("sc://"):
            spark = builder.remote(master).getOrCreate()
        else:
            spark = (builder.master(master)
                     .config("spark.sql.shuffle.partitions", os.environ.get("INNOVATLAS_SPARK_PARTITIONS", "4"))
                     .config("spark.sql.session.timeZone", "UTC")
                     .config("spark.ui.enabled", "false")
                     .config("spark.ui.showConsoleProgress", "false")
                     .config("spark.sql.ansi.enabled", "false")
                     .config("spark.driver.memory", os.environ.get("INNOVATLAS_SPARK_DRIVER_MEMORY", "4g"))
                     .getOrCreate())
            spark.sparkContext.setLogLevel("ERROR")
    except Exception as exc:  # py4j / connect errors: say what to check
        raise SparkUnavailable(f"cannot start Spark with master '{master}': {str(exc).splitlines()[0][:300]}. "
                               "Check the --spark-master address, that Java 17+ is installed, and the "
                               "Spark logs.") from None
    _SESSIONS[master] = spark
    return spark


#: the engine settings a workspace keeps (``innovatlas config --engine spark --spark-master local[2]``)
ENGINE_SETTINGS = {"engine": "duckdb", "spark_master": DEFAULT_SPARK_MASTER, "spark_input": None}


def engine_settings(ws) -> dict[str, Any]:
    """The workspace's engine settings, with the defaults for what is not set."""
    from innovatlas.store.queries import engine as Q

    stored = {k.removeprefix("engine_"): v for k, v in ws.rows(Q.ENGINE_SETTINGS)}
    out = dict(ENGINE_SETTINGS)
    out.update({k: v for k, v in stored.items() if k in ENGINE_SETTINGS})
    return out


def set_engine_settings(ws, **settings: str | None) -> dict[str, Any]:
    """Change engine settings (``None`` leaves one as it is, ``""`` resets it to its default)."""
    from innovatlas.store.queries import engine as Q

    for key, value in settings.items():
        if key not in ENGINE_SETTINGS:
            raise WorkspaceError(f"unknown engine setting '{key}': use {', '.join(ENGINE_SETTINGS)}")
        if value is None:
            continue
        if key == "engine" and value not in ("duckdb", "spark", ""):
            raise WorkspaceError(f"unknown engine '{value}': use duckdb (the default) or spark")
        if value == "":
            ws.execute(Q.CLEAR_ENGINE_SETTING(f"engine_{key}"))
        else:
            ws.execute(Q.SET_ENGINE_SETTING(f"engine_{key}", value))
    return engine_settings(ws)


def open_engine(ws, name: str = "duckdb", *, master: str | None = None, inputs: str | Path | None = None,
                progress: Callable[[str], None] | None = None) -> Engine:
    """The engine named ``duckdb`` (default) or ``spark``, for one workspace."""
    if name == "duckdb":
        return DuckDBEngine(ws)
    if name == "spark":
        return SparkEngine(ws, master or DEFAULT_SPARK_MASTER, inputs, progress)
    raise WorkspaceError(f"unknown engine '{name}': use duckdb or spark")
