"""The relational layer: every query innovatlas runs, named, compiled per engine, executed by that engine.

Every SQL statement of the product is a :class:`Query` defined in a module of
:mod:`innovatlas.store.queries` (one module per area: delineation, indicators, network,
explore, registry, ...). A query is written once, in DuckDB's dialect with ``?``
placeholders, and *compiled* for an engine by :func:`compile` (pure: no database needed,
which is what the SQL snapshot tests in ``tests/snapshots/sql`` check). *Executing* is the
engine's job: :class:`innovatlas.store.Workspace` (DuckDB, embedded, the default) binds the
parameters itself; :class:`innovatlas.store.engines.SparkEngine` runs the Spark SQL that
:func:`compile` produces, with the parameters inlined as typed SQL literals by the parser
(never pasted as text). Outside ``innovatlas.store`` no module contains SQL: the web app,
report, CLI, diagnosis and decision tools call service functions, and those pass a
:class:`Query` (or a :class:`Bound` one) to the workspace (``tests/test_relational_layer.py``
checks it).

Why sqlglot and not Ibis
------------------------
The product's relational logic was already written and verified as DuckDB SQL against the
raw CORDIS files (exact headline figures), including DuckDB features the analysis leans on
(``GROUPING SETS``, ``UNPIVOT``, ``FILTER``, list parameters). sqlglot parses that SQL and
generates Spark SQL from the same syntax tree, so the figures on Spark come from the very
statements that were checked on DuckDB, and the snapshot of each compiled statement is
readable SQL a reviewer can diff. Rewriting some 600 statements as Ibis expressions would
have been a second implementation to verify, and Ibis compiles through sqlglot anyway.
Statements that only make sense inside the workspace (DDL, ``INSERT OR REPLACE``, DuckDB
``COPY``) are declared ``engines=("duckdb",)``; compiling them for Spark raises
:class:`UnsupportedOnEngine` naming the query, as ibis declares its unsupported operations.
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

import sqlglot
from sqlglot import exp

from innovatlas.errors import InnovatlasError

__all__ = ["Query", "Bound", "query", "builder", "compile", "REGISTRY", "BUILDERS", "ENGINES", "UnsupportedOnEngine",
           "inline"]

#: the engines a query can be compiled for; DuckDB is the default engine
ENGINES = ("duckdb", "spark")
BOTH = ENGINES
DUCKDB_ONLY = ("duckdb",)

#: every named query, by name (filled as the query modules are imported)
REGISTRY: dict[str, "Query"] = {}
#: builders of dynamic queries, by name, with the example arguments the snapshot tests compile
BUILDERS: dict[str, tuple[Callable[..., "Bound"], tuple[tuple, ...]]] = {}


class UnsupportedOnEngine(InnovatlasError, NotImplementedError):
    """A query that has no translation for an engine (e.g. DuckDB DDL on Spark)."""

    def __init__(self, name: str, engine: str, reason: str = ""):
        self.name, self.engine = name, engine
        super().__init__(f"query '{name}' does not run on the {engine} engine"
                         + (f": {reason}" if reason else "") + ". Run this step on DuckDB (the default engine).")


@dataclass(frozen=True)
class Query:
    """One named statement in DuckDB's dialect with ``?`` placeholders.

    Calling a query binds its parameters:

    >>> q = Query("doc.example", "SELECT ? + 1 AS two", register=False)
    >>> q(1).params
    [1]
    >>> compile(q(1), "spark")
    'SELECT 1 + 1 AS two'
    """

    name: str
    sql: str
    engines: tuple[str, ...] = BOTH
    register: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "sql", textwrap.dedent(self.sql).strip())
        if self.register:
            if self.name in REGISTRY and REGISTRY[self.name].sql != self.sql:
                raise ValueError(f"two different queries are named '{self.name}'")
            REGISTRY[self.name] = self

    def __call__(self, *params: Any) -> "Bound":
        return Bound(self, list(params))


@dataclass(frozen=True)
class Bound:
    """A query with its parameter values (what an engine executes)."""

    query: Query
    params: list = field(default_factory=list)

    @property
    def sql(self) -> str:
        return self.query.sql

    @property
    def name(self) -> str:
        return self.query.name


def query(name: str, sql: str, *, engines: tuple[str, ...] = BOTH) -> Query:
    """Define and register a named query (module level, in :mod:`innovatlas.store.queries`)."""
    return Query(name, sql, engines)


def dynamic(name: str, sql: str, params: Sequence[Any] = (), *, engines: tuple[str, ...] = BOTH) -> Bound:
    """A statement assembled at run time by a :func:`builder` (not registered: its builder is)."""
    return Bound(Query(name, sql, engines, register=False), list(params))


def builder(name: str, *examples: tuple) -> Callable:
    """Register a function that assembles a :class:`Bound` query, with example arguments for the snapshots."""

    def wrap(fn: Callable[..., Bound]) -> Callable[..., Bound]:
        BUILDERS[name] = (fn, examples or ((),))
        return fn

    return wrap


# -- compile (pure) ------------------------------------------------------------------------------------------------
def _literal(value: Any) -> exp.Expression:
    """A Python parameter value as a SQL literal node (strings escaped by the generator, not by us)."""
    if value is None:
        return exp.Null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and value != value:
            return exp.cast(exp.Literal.string("NaN"), "DOUBLE")
        lit = exp.Literal.number(repr(value) if isinstance(value, float) else str(value))
        return exp.Neg(this=exp.Literal.number(str(abs(value)))) if value < 0 else lit
    if isinstance(value, str):
        return exp.Literal.string(value)
    if isinstance(value, _dt.datetime):
        return exp.cast(exp.Literal.string(value.isoformat(sep=" ")), "TIMESTAMP")
    if isinstance(value, _dt.date):
        return exp.cast(exp.Literal.string(value.isoformat()), "DATE")
    if isinstance(value, (list, tuple)):
        return exp.Array(expressions=[_literal(v) for v in value])
    raise TypeError(f"cannot bind a {type(value).__name__} as a SQL literal")


def _numbered(sql: str) -> tuple[str, int]:
    """The statement with its ``?`` placeholders numbered ``$1``, ``$2``, ... in textual order (tokenizer-exact)."""
    from sqlglot.dialects.duckdb import DuckDB
    from sqlglot.tokens import TokenType

    holes = [t for t in DuckDB().tokenize(sql) if t.token_type == TokenType.PLACEHOLDER and t.text == "?"]
    out = sql
    for i, tok in reversed(list(enumerate(holes, start=1))):
        out = out[:tok.start] + f"${i}" + out[tok.end + 1:]
    return out, len(holes)


def inline(sql: str, params: Sequence[Any], name: str = "?") -> exp.Expression:
    """Parse a statement and replace its ``?`` placeholders, in textual order, by typed literal nodes."""
    text, count = _numbered(sql)
    if count != len(params):
        raise ValueError(f"query '{name}' has {count} parameters, {len(params)} values were given")
    tree = sqlglot.parse_one(text, read="duckdb")
    for node in list(tree.find_all(exp.Placeholder)):
        index = int(node.name) if node.name.isdigit() else None
        if index is not None:
            node.replace(_literal(params[index - 1]))
    return tree


def compile(q: Query | Bound, engine: str = "duckdb", *, pretty: bool = False) -> str:  # noqa: A001 - the layer's verb
    """The SQL text an engine runs for a query.

    DuckDB runs the text as written, its parameters bound by the driver; Spark runs the
    sqlglot translation with the parameters inlined as literals when values are given.
    """
    bound = q if isinstance(q, Bound) else None
    qq = q.query if isinstance(q, Bound) else q
    if engine not in ENGINES:
        raise ValueError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    if engine not in qq.engines:
        raise UnsupportedOnEngine(qq.name, engine)
    if engine == "duckdb":
        return qq.sql if not pretty else sqlglot.transpile(qq.sql, read="duckdb", write="duckdb", pretty=True)[0]
    if len([t for t in sqlglot.parse(qq.sql, read="duckdb") if t is not None]) != 1:
        raise UnsupportedOnEngine(qq.name, engine, "one statement per query")
    tree = inline(qq.sql, bound.params, qq.name) if bound is not None else sqlglot.parse_one(qq.sql, read="duckdb")
    try:
        return tree.sql(dialect="spark", pretty=pretty, unsupported_level=sqlglot.ErrorLevel.RAISE)
    except sqlglot.errors.UnsupportedError as exc:
        raise UnsupportedOnEngine(qq.name, engine, str(exc)) from None


def examples() -> Iterable[tuple[str, Query | Bound]]:
    """Every registered query and every builder's example calls, for the snapshot tests."""
    for name in sorted(REGISTRY):
        yield name, REGISTRY[name]
    for name in sorted(BUILDERS):
        fn, calls = BUILDERS[name]
        for i, args in enumerate(calls):
            yield (name if len(calls) == 1 else f"{name}.{i + 1}"), fn(*args)
