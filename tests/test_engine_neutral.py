"""The analysis's relational logic is engine-neutral: every indicator family, the delineation and the
network edge list compile to Spark SQL with their parameters inlined as literals (issue 11).
That the compiled statements also *give the same figures* on Spark is tests/test_spark_engine.py."""

from __future__ import annotations

import pytest

from innovatlas.indicators import REGISTRY
from innovatlas.model.ecosystem import Selector
from innovatlas.store.queries import delineation as D
from innovatlas.store.queries import network as NQ
from innovatlas.store.relational import compile

EVERYTHING = D._EVERYTHING


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_every_indicator_family_runs_on_both_engines(key):
    ind = REGISTRY[key]
    if ind.query is None:  # families that assemble their statements in compute(): the engine runs them
        assert type(ind).compute is not type(ind).__mro__[-2].compute, f"{key} has neither a query nor a compute()"
        return
    assert "SELECT" in compile(ind.query, "spark").upper()
    assert compile(ind.query, "duckdb") == ind.sql()


def test_delineation_parameters_are_inlined_for_spark_and_bound_for_duckdb():
    bound = D.scope_union([("all", EVERYTHING), ("nl", Selector(country=["NL"]))])
    assert bound.sql.count("?") == len(bound.params)  # DuckDB binds them
    spark = compile(bound, "spark")
    assert "?" not in spark.replace("'?'", "")  # Spark gets literals, never placeholders
    assert "ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), p.country)" in spark
    assert "GROUP BY" in compile(NQ.EDGES, "spark")
