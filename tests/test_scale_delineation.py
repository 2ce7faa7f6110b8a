"""Delineation that cannot blow up (issue 20): five runs in a row on a x10 scale-up of the real
Horizon 2020 file, each under DuckDB ``memory_limit = '2GB'`` with spilling to disk off, must pass.

The scale-up is generated here (bench/bench_scale.py's generator), not committed. Before the
rewrite, the scope statement could be planned as members x projects joined on the ecosystem
alone (1.2 billion intermediate rows at x10; 18 GB for the every-participant ecosystem at x1).
The expected sizes are independent DuckDB queries over the generated file itself."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from conftest import SHARED
from innovatlas.store import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_scale import generate  # noqa: E402

FACTOR = 10


@pytest.mark.integration
def test_delineation_x10_under_2gb_without_spilling(tmp_path):
    from innovatlas.analysis import delineate
    from innovatlas.model.ecosystem import parse_definitions
    from innovatlas.sources import cordis

    files = generate(SHARED, tmp_path / "x10", FACTOR)
    ws_path = tmp_path / "x10.duckdb"
    with Workspace(ws_path) as ws:
        cordis.import_paths(ws, [files["participations"], files["programme_parts"]])
    defs = parse_definitions({"ecosystem": [
        {"id": "nl", "name_en": "NL", "select": {"country": ["NL"]}},
        {"id": "nl-sc3", "name_en": "NL energy", "select": {"country": ["NL"], "programme_part": ["SC3"]}},
        {"id": "de-hes", "name_en": "DE universities", "select": {"country": ["DE"], "activity_type": ["HES"]}},
        {"id": "everyone", "name_en": "Every participant", "select": {}},
    ]})
    # independent sizes, straight from the generated file
    raw = duckdb.connect()
    f = f"read_csv('{files['participations']}', all_varchar=true, header=true)"
    rows = raw.execute(f"SELECT count(*) FROM {f}").fetchone()[0]
    nl = raw.execute(f"""SELECT count(*) FROM {f} p
                         WHERE p.pic IN (SELECT pic FROM {f} WHERE country = 'NL')
                           AND p.rcn IN (SELECT rcn FROM {f} WHERE country = 'NL')""").fetchone()[0]
    assert rows > 1_400_000
    for run in range(5):
        with Workspace(ws_path) as ws:
            ws.execute("SET memory_limit = '2GB'")
            ws.execute("SET temp_directory = ''")  # spilling off: a plan that needs more than 2 GB fails
            ws.execute("SET max_temp_directory_size = '0B'")
            delineate(ws, defs)
            counts = dict(ws.rows("SELECT ecosystem_id, count(*) FROM scope GROUP BY 1"))
            peak = ws.scalar("SELECT max(memory_usage_bytes) FROM duckdb_memory()")
        assert counts["everyone"] == rows, run
        assert counts["nl"] == nl, run
        assert 0 < counts["nl-sc3"] < counts["nl"] and 0 < counts["de-hes"] < rows
        assert peak is not None
