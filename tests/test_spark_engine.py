"""Same figures on both engines (issue 11): the analysis of the real Horizon 2020 data, every built-in
Dutch ecosystem and every EU-wide country ecosystem, run once on DuckDB and once on real Spark in local
mode (pyspark from PyPI, Java 17), must give the same indicator values, edge lists, node figures,
network summaries, members, projects and in-scope participations: every row, floats to 1e-9.

The comparison is an independent query (DuckDB attaching both workspace files), not the product's
own readers. Spark's session is started once per test process (it takes seconds).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from innovatlas.analysis import analyse
from innovatlas.errors import WorkspaceError
from innovatlas.europe import eu_definitions, is_eu_ecosystem
from innovatlas.model.ecosystem import EcosystemSet
from innovatlas.store import Workspace
from innovatlas.store.engines import ANALYSIS_OUTPUTS, engine_settings, export_inputs, set_engine_settings

#: the key of every analysis table (what identifies a row), for the row-by-row comparison
KEYS = {"indicator_value": ["ecosystem_id", "indicator", "measure", "breakdown", "year"],
        "network_edge": ["ecosystem_id", "source", "target"], "network_node": ["ecosystem_id", "pic"],
        "network_metric": ["ecosystem_id", "metric"], "ecosystem_member": ["ecosystem_id", "pic"],
        "ecosystem_project": ["ecosystem_id", "project_key"], "scope": None}  # scope: the multiset of rows (issue 14: two PICs of one organisation in one project are two rows
# of one unit, so (ecosystem, project, pic) is no key)
#: not figures: when the value was computed
SKIP_COLUMNS = {"computed_at"}


def _definitions(ws) -> EcosystemSet:
    """The built-in Dutch ecosystems and the EU-wide country ecosystems (NUTS-2 regions left out for time)."""
    every = eu_definitions(ws, with_demo=True)
    return EcosystemSet(ecosystems=[e for e in every if not is_eu_ecosystem(e.id) or "nuts2" not in e.id])


@pytest.fixture(scope="module")
def both(real_workspace, tmp_path_factory):
    base = tmp_path_factory.mktemp("engines")
    paths = {}
    for engine in ("duckdb", "spark"):
        paths[engine] = base / f"{engine}.duckdb"
        shutil.copy(real_workspace, paths[engine])
        with Workspace(paths[engine]) as ws:
            defs = _definitions(ws)
            timings = analyse(ws, defs, engine=engine, spark_master="local[2]")
            assert timings["engine"] == engine
    return paths, defs


def _differences(a, b, table: str, key: list[str]) -> dict:
    con = duckdb.connect()
    con.execute(f"ATTACH '{a}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{b}' AS b (READ_ONLY)")
    cols = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = 'a' "
                       "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    counts = con.execute(f"SELECT (SELECT count(*) FROM a.{table}), (SELECT count(*) FROM b.{table})").fetchone()
    out = {"rows": counts}
    if key is None:  # no natural key: compare the multiset of rows
        names = ", ".join(c for c, _t in cols if c not in SKIP_COLUMNS)
        out["only_duckdb"] = con.execute(f"SELECT count(*) FROM (SELECT {names} FROM a.{table} EXCEPT ALL "
                                         f"SELECT {names} FROM b.{table})").fetchone()[0]
        out["only_spark"] = con.execute(f"SELECT count(*) FROM (SELECT {names} FROM b.{table} EXCEPT ALL "
                                        f"SELECT {names} FROM a.{table})").fetchone()[0]
        return out
    on = " AND ".join(f"x.{c} IS NOT DISTINCT FROM y.{c}" for c in key)
    out["only_duckdb"] = con.execute(f"SELECT count(*) FROM a.{table} x ANTI JOIN b.{table} y ON {on}").fetchone()[0]
    out["only_spark"] = con.execute(f"SELECT count(*) FROM b.{table} y ANTI JOIN a.{table} x ON {on}").fetchone()[0]
    for col, typ in cols:
        if col in key or col in SKIP_COLUMNS:
            continue
        if typ in ("DOUBLE", "FLOAT"):
            differs = (f"NOT (x.{col} IS NULL AND y.{col} IS NULL) AND (x.{col} IS NULL OR y.{col} IS NULL OR "
                       f"abs(x.{col} - y.{col}) > 1e-9 * greatest(1, abs(x.{col})))")
        else:
            differs = f"CAST(x.{col} AS VARCHAR) IS DISTINCT FROM CAST(y.{col} AS VARCHAR)"
        n = con.execute(f"SELECT count(*) FROM a.{table} x JOIN b.{table} y ON {on} WHERE {differs}").fetchone()[0]
        if n:
            out[col] = (n, con.execute(f"SELECT x.*, y.{col} FROM a.{table} x JOIN b.{table} y ON {on} "
                                       f"WHERE {differs} LIMIT 3").fetchall())
    con.close()
    return out


@pytest.mark.parametrize("table", list(KEYS))
def test_duckdb_and_spark_give_the_same_figures(both, table):
    (paths, defs) = both
    diff = _differences(paths["duckdb"], paths["spark"], table, KEYS[table])
    rows_duckdb, rows_spark = diff.pop("rows")
    assert rows_duckdb > 0, f"{table} is empty: nothing was compared"
    assert rows_duckdb == rows_spark and diff == {"only_duckdb": 0, "only_spark": 0}, diff


def _same(x, y, path="") -> list[str]:
    """Where two parsed JSON values differ (numbers to 1e-9 relative, everything else exactly)."""
    if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
        if isinstance(x, dict) and isinstance(y, dict):
            if x.keys() != y.keys():
                return [f"{path}: keys {sorted(x)} vs {sorted(y)}"]
            return [d for k in x for d in _same(x[k], y[k], f"{path}.{k}")]
        if isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                return [f"{path}: {len(x)} vs {len(y)} items"]
            return [d for i, (a, b) in enumerate(zip(x, y)) for d in _same(a, b, f"{path}[{i}]")]
        return [] if x == y else [f"{path}: {x!r} vs {y!r}"]
    return [] if abs(x - y) <= 1e-9 * max(1.0, abs(x)) else [f"{path}: {x!r} vs {y!r}"]


def test_the_diagnosis_is_the_same_on_both_engines(both):
    """Findings: the same verdicts and explanations; scores and the evidence's numbers to 1e-9 (the last digit of a
    float sum may differ with the order Spark adds in, e.g. 0.2068288797113975 vs 0.20682887971139755)."""
    import json

    paths, _defs = both
    found = {}
    for engine, path in paths.items():
        con = duckdb.connect(str(path), read_only=True)
        found[engine] = {(e, k, c): (v, s, json.loads(ev), en, nl) for e, k, c, v, s, ev, en, nl in con.execute(
            "SELECT ecosystem_id, kind, code, verdict, score, evidence, explanation_en, explanation_nl FROM finding"
        ).fetchall()}
        con.close()
    assert found["duckdb"] and found["duckdb"].keys() == found["spark"].keys()
    diffs = [f"{key}: {d}" for key, a in found["duckdb"].items()
             for d in _same(list(a), list(found["spark"][key]), "")]
    assert not diffs, diffs[:5]


def test_the_comparison_covers_the_eu_country_ecosystems(both):
    paths, defs = both
    eu = [e.id for e in defs if is_eu_ecosystem(e.id)]
    assert len(eu) >= 28  # EU-27 and the UK at least (the H2020 data have participants from ~150 countries)
    with Workspace(paths["spark"], read_only=True) as ws:
        analysed = {r[0] for r in ws.rows("SELECT DISTINCT ecosystem_id FROM indicator_value")}
    assert set(eu) <= analysed


def test_analyse_on_spark_through_the_cli_with_the_workspace_setting(synthetic_ws, tmp_path):
    """`config --engine spark` is kept in the workspace and `analyse` uses it (synthetic data, hand-checked below)."""
    from typer.testing import CliRunner

    from innovatlas.cli import app

    path = synthetic_ws.path
    synthetic_ws.close()
    runner = CliRunner()
    res = runner.invoke(app, ["config", "--engine", "spark", "--spark-master", "local[2]", "--workspace", path])
    assert res.exit_code == 0, res.output
    assert "analysis engine: spark (Spark master local[2])" in res.output
    res = runner.invoke(app, ["analyse", "--workspace", path])
    assert res.exit_code == 0, res.output
    assert "on spark" in res.output
    with Workspace(path, read_only=True) as ws:
        assert engine_settings(ws)["engine"] == "spark"
        assert ws.scalar("SELECT count(*) FROM indicator_value") > 0


def test_missing_spark_inputs_leave_the_workspace_unchanged(real_workspace, tmp_path):
    path = tmp_path / "ws.duckdb"
    shutil.copy(real_workspace, path)
    inputs = tmp_path / "parquet"
    with Workspace(path) as ws:
        export_inputs(ws, inputs, tables=("participation", "project"))  # organisation & co. missing
        before = ws.snapshot()
        with pytest.raises(WorkspaceError, match=r"organisation\.parquet is missing.*--spark-input"):
            analyse(ws, _definitions(ws), engine="spark", spark_input=inputs)
        assert ws.snapshot() == before


def test_unknown_engine_is_a_clear_error(ws):
    with pytest.raises(WorkspaceError, match="unknown engine 'flink': use duckdb"):
        set_engine_settings(ws, engine="flink")
    assert set(ANALYSIS_OUTPUTS) <= set(KEYS)
