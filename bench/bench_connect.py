"""Benchmark of issue 10: the connection agenda on the demo workspace.

    python bench/bench_connect.py --data ../shared/data [--workspace build/demo.duckdb] [--repeat 3]

Prints the time to compute, for all demo ecosystems, the specialisation profiles (RCA/RSCA),
complementarity, the collaboration matrix (raw and normalised), bridges, global pipelines and
the dynamics and stages (goal: under 1 s on 2 cores), and the consortium builder's latency
over a warm workspace (goal: p95 under 200 ms). Without --workspace it builds the demo first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from innovatlas.connect._common import city_ids
from innovatlas.connect.complementarity import complementarity
from innovatlas.connect.connections import bridges, collaboration_matrix, pipelines
from innovatlas.connect.consortium import candidates
from innovatlas.connect.dynamics import stages
from innovatlas.store import Workspace


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--workspace", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.workspace is None:
        tmp = Path(tempfile.mkdtemp(prefix="bench-connect-"))
        args.workspace = tmp / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "innovatlas.cli", "demo", "--data", str(args.data), "--workspace",
                        str(args.workspace), "--out", str(tmp / "report")], check=True, capture_output=True)
    ws = Workspace(args.workspace, read_only=True)
    all_ids = [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")]
    cities, regions = city_ids(ws), city_ids(ws, "adjacent")

    def agenda() -> None:
        for ids in (cities, regions):
            complementarity(ws, ids)
            collaboration_matrix(ws, ids)
            bridges(ws, ids)
        complementarity(ws, all_ids)
        collaboration_matrix(ws, all_ids)
        pipelines(ws, all_ids)
        stages(ws, all_ids)

    agenda()  # warm
    ts, cpu = [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        agenda()
        ts.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times on a busy machine overstate; "
          f"CPU time = work done, all threads)")
    print(f"connection agenda for {len(all_ids)} demo ecosystems ({len(cities)} cities, {len(regions)} city regions): "
          f"specialisation + complementarity + matrices + bridges + pipelines + stages, median of {args.repeat}: "
          f"{statistics.median(ts):.3f} s wall, {statistics.median(cpu):.3f} s CPU (goal < 1 s)")
    queries = [(e, dict(theme=th, actor_type=ty, where=wh)) for e in cities for th, ty, wh in
               (("SC3", "PRC", "nl"), ("SC1", None, "nl"), ("LEIT", "REC", "eu"))]
    for e, kw in queries[:3]:
        candidates(ws, e, **kw)  # warm
    lat, cpu = [], []
    for e, kw in queries:
        t, c = time.perf_counter(), time.process_time()
        candidates(ws, e, limit=20, **kw)
        lat.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    p95 = lambda v: sorted(v)[min(len(v) - 1, int(round(0.95 * (len(v) - 1))))]  # noqa: E731
    print(f"consortium builder, {len(lat)} warm queries (13 cities x SC3/PRC NL, SC1 NL, LEIT/REC EU-wide): "
          f"median {1000 * statistics.median(lat):.0f} ms, p95 {1000 * p95(lat):.0f} ms wall; "
          f"CPU median {1000 * statistics.median(cpu):.0f} ms, p95 {1000 * p95(cpu):.0f} ms (goal p95 < 200 ms)")


if __name__ == "__main__":
    main()
