"""The relational logic stays engine-neutral: every indicator, delineation and network query
parses as DuckDB SQL and transpiles to Spark SQL with sqlglot (DEVELOPERS.md architecture)."""

from __future__ import annotations

import pytest
import sqlglot

from innovatlas.delineation import compile_reference, compile_scope
from innovatlas.indicators import REGISTRY
from innovatlas.model.ecosystem import Selector
from innovatlas.network import edges_sql

EVERYTHING = Selector(country=["NL"], province=["Utrecht"], corop=["CR17"], municipality=["Delft"],
                      knowledge_city=["Delft"], activity_type=["HES"], organisations=[1, 2],
                      neighbourhood={"seeds": [1], "order": 2}, framework=["H2020"], programme_part=["SC1"],
                      topic=["SC1-"], keywords=["health"], years=(2015, 2018))


def _spark(sql: str) -> str:
    return sqlglot.transpile(sql, read="duckdb", write="spark", unsupported_level=sqlglot.ErrorLevel.RAISE)[0]


@pytest.mark.parametrize("key", sorted(k for k, ind in REGISTRY.items() if type(ind).sql is not type(ind).__mro__[-2].sql))
def test_indicator_sql_transpiles(key):
    assert "SELECT" in _spark(REGISTRY[key].sql()).upper()


def test_delineation_and_network_sql_transpile():
    for sql, params in (compile_scope(EVERYTHING), compile_reference(EVERYTHING)):
        spark = _spark(sql)
        assert spark.count("?") == sql.count("?") == len(params)  # parameters stay bound, never pasted
    assert "GROUP BY" in _spark(edges_sql())
