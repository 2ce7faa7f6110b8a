"""The scale-up generator of bench/bench_scale.py keeps the distributions of the real data (issue 20).

Reference: DuckDB queries over the real Horizon 2020 file in ../shared/data, compared with the
same queries over a x3 scale-up generated here (not committed)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from conftest import SHARED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_scale import PIC_STEP, generate, keeps_pic  # noqa: E402

FACTOR = 3


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale") / f"x{FACTOR}"
    return generate(SHARED, out, FACTOR)


def _dist(con, path, sql):
    return dict(con.execute(sql.format(f=f"read_csv('{path}', all_varchar=true, header=true)")).fetchall())


@pytest.mark.integration
def test_distributions_are_preserved(scaled):
    real = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
    con = duckdb.connect()
    queries = {
        "consortium size": "SELECT n, count(*) FROM (SELECT rcn, count(*) AS n FROM {f} GROUP BY rcn) GROUP BY n",
        "country": "SELECT country, count(*) FROM {f} GROUP BY 1",
        "activity type": "SELECT type, count(*) FROM {f} GROUP BY 1",
        "start year": "SELECT start_year, count(*) FROM {f} GROUP BY 1",
        "role": "SELECT role, count(*) FROM {f} GROUP BY 1",
    }
    for what, sql in queries.items():
        base, big = _dist(con, real, sql), _dist(con, scaled["participations"], sql)
        assert big == {k: FACTOR * v for k, v in base.items()}, what  # exactly FACTOR copies of every class
    parts = SHARED / "cordis-h2020-participations-eunets" / "programme_parts.csv.gz"
    sql = "SELECT programme_part, count(*) FROM {f} GROUP BY 1"
    assert _dist(con, scaled["programme_parts"], sql) == {k: FACTOR * v for k, v in _dist(con, parts, sql).items()}


@pytest.mark.integration
def test_new_ids_and_a_connected_network(scaled):
    real = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
    con = duckdb.connect()
    f = lambda p: f"read_csv('{p}', all_varchar=true, header=true, strict_mode=false)"  # noqa: E731
    projects = con.execute(f"SELECT count(DISTINCT rcn) FROM {f(real)}").fetchone()[0]
    assert con.execute(f"SELECT count(DISTINCT rcn) FROM {f(scaled['participations'])}").fetchone()[0] == FACTOR * projects
    orgs = con.execute(f"SELECT count(DISTINCT pic) FROM {f(real)}").fetchone()[0]
    big = con.execute(f"SELECT count(DISTINCT pic) FROM {f(scaled['participations'])}").fetchone()[0]
    # each of the FACTOR-1 extra replicas gives about 80% of the organisations a new PIC
    assert 0.75 * (FACTOR - 1) < big / orgs - 1 < 0.85 * (FACTOR - 1)
    # about 20% keep their PIC in a replica: those organisations link the replicas into one network
    kept = con.execute(f"""SELECT count(DISTINCT pic) FROM {f(scaled['participations'])}
                           WHERE CAST(rcn AS BIGINT) >= 10000000 AND CAST(pic AS BIGINT) < {PIC_STEP}""").fetchone()[0]
    assert 0.15 * orgs < kept < 0.5 * orgs
    assert keeps_pic(999979888, 0) and sum(keeps_pic(p, 1) for p in range(10**6, 10**6 + 10000)) in range(1700, 2300)
    # the organisation name tables get one row per new PIC, so new organisations are named and placed
    named = con.execute(f"""SELECT count(*) FROM (SELECT DISTINCT pic FROM {f(scaled['participations'])}) p
                            SEMI JOIN {f(scaled['orgs2017'])} o ON o.orgId = p.pic""").fetchone()[0]
    named_real = con.execute(f"""SELECT count(*) FROM (SELECT DISTINCT pic FROM {f(real)}) p SEMI JOIN
                                 {f(SHARED / 'cordis-h2020-orgs-odfest2017' / 'stacked_dump.csv.gz')} o
                                 ON o.orgId = p.pic""").fetchone()[0]
    assert named / big == pytest.approx(named_real / orgs, abs=0.02)
