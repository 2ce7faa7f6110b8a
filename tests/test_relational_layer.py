"""The relational layer (issue 11): every statement is a named query of ``innovatlas.store.queries``,
compiled per engine without a database, and no module outside ``innovatlas.store`` contains SQL.

Snapshots: ``tests/snapshots/sql/<query>.duckdb.sql`` (the text DuckDB runs) and ``<query>.spark.sql``
(sqlglot's Spark SQL, or the reason it does not run there). After changing a query, regenerate with
``INNOVATLAS_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_relational_layer.py`` and review the diff.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from innovatlas.store import queries, relational

queries.load_all()
SNAPSHOTS = Path(__file__).parent / "snapshots" / "sql"
UPDATE = os.environ.get("INNOVATLAS_UPDATE_SNAPSHOTS") == "1"
PACKAGE = Path(relational.__file__).parents[1]
EXAMPLES = dict(relational.examples())

# A statement, not prose: a keyword that starts a statement followed by what it needs.
SQL_TEXT = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bDELETE\s+FROM\b|\bUPDATE\s+\w+\s+SET\b|"
    r"\bCREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?(TABLE|VIEW|INDEX|SEQUENCE)\b|\bDROP\s+(TABLE|VIEW)\b|"
    r"\bALTER\s+TABLE\b|\bCOPY\s+\(|\bSELECT\s+(count|nextval|unnest|max|min|sum)\s*\(|\bGROUP\s+BY\b|\bJOIN\b\s+\w+\s+\w*\s*(ON|USING)\b")


def _snapshot(name: str, engine: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.{engine}.sql"
    if UPDATE:
        path.write_text(text + "\n", encoding="utf-8")
        return
    assert path.exists(), f"no snapshot for {name} on {engine}: run with INNOVATLAS_UPDATE_SNAPSHOTS=1 and review"
    assert path.read_text(encoding="utf-8") == text + "\n", f"compiled SQL of {name} for {engine} changed"


def _compiled(q, engine: str) -> str:
    try:
        return relational.compile(q, engine, pretty=True)
    except relational.UnsupportedOnEngine as exc:
        if engine == "duckdb":
            raise
        return f"-- {exc}"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("engine", relational.ENGINES)
def test_compiled_sql_matches_its_snapshot(name, engine):
    q = EXAMPLES[name]
    text = _compiled(q, engine)
    if engine == "spark" and (q.query if isinstance(q, relational.Bound) else q).engines == relational.ENGINES:
        assert not text.startswith("--"), f"{name} is declared to run on Spark but does not compile: {text}"
    _snapshot(name, engine, text)


def test_no_stale_snapshots():
    expected = {f"{n}.{e}.sql" for n in EXAMPLES for e in relational.ENGINES}
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.sql") if p.name not in expected)
    if UPDATE:
        for name in stale:
            (SNAPSHOTS / name).unlink()
        return
    assert not stale, f"snapshots of queries that no longer exist: {stale}"


def test_bound_parameters_become_literals_not_text():
    q = relational.Query("test.inline", "SELECT ? AS a, list_contains(CAST(? AS VARCHAR[]), b) FROM t WHERE c = ?",
                         register=False)
    spark = relational.compile(q("it's", ["x", "y"], -1.5), "spark")
    assert spark == ("SELECT 'it\\'s' AS a, ARRAY_CONTAINS(CAST(ARRAY('x', 'y') AS ARRAY<STRING>), b) FROM t "
                     "WHERE c = -1.5")
    with pytest.raises(ValueError, match="3 parameters, 2 values"):
        relational.compile(q(1, 2), "spark")


def test_duckdb_only_queries_say_so_on_spark():
    q = relational.Query("test.ddl", "CREATE TEMP TABLE x AS SELECT 1", engines=relational.DUCKDB_ONLY, register=False)
    with pytest.raises(relational.UnsupportedOnEngine, match="test.ddl.*spark engine"):
        relational.compile(q, "spark")


def sql_outside_the_layer(path: Path) -> list[str]:
    """String literals that look like SQL in one module (docstrings excepted), as 'line: text'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
        if isinstance(node, ast.JoinedStr):  # its parts are judged together below
            docstrings.update(id(v) for v in node.values)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if SQL_TEXT.search(node.value):
                found.append(f"{node.lineno}: {node.value.strip()[:60]!r}")
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else " x " for v in node.values)
            if SQL_TEXT.search(text):
                found.append(f"{node.lineno}: f{text.strip()[:60]!r}")
    return found


MODULES = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if "store" not in p.relative_to(PACKAGE).parts[:1])


@pytest.mark.parametrize("module", MODULES)
def test_no_sql_outside_the_relational_layer(module):
    found = sql_outside_the_layer(PACKAGE / module)
    assert not found, f"{module} holds SQL; move it to innovatlas/store/queries: " + "; ".join(found[:8])


def test_the_checker_finds_sql(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('"""Docstring: SELECT x FROM y is fine here."""\n'
                     'A = "SELECT a FROM b"\nB = f"DELETE FROM {t}"\nC = "select the file from the list"\n')
    found = sql_outside_the_layer(probe)
    assert [f.split(":")[0] for f in found] == ["2", "3"]
