"""Benchmark of issue 5: the full indicator set, signals and diagnosis for every demo ecosystem.

    python bench/bench_diagnosis.py --data ../shared/data [--repeat 3]

Times, on the demo workspace (built here): the open-data indicators for all ecosystems,
the network signals, the ten-challenge diagnosis, the self-referenced composite view of every
ecosystem, and a between-ecosystem comparison of the thirteen knowledge cities with a
500-run uncertainty analysis. Prints median seconds and the share of the 50 indicators that
have a value source (computed, imported, survey or qualitative).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from innovatlas.diagnose import diagnose_all
from innovatlas.indicators import compute_all, compute_signals
from innovatlas.model.indicators import load_catalogue
from innovatlas.monitor import composite_compare, composite_view
from innovatlas.store import Workspace

CITIES = ["amsterdam", "den-haag", "delft", "eindhoven", "enschede", "groningen", "leiden", "maastricht", "nijmegen",
          "rotterdam", "tilburg", "utrecht", "wageningen"]


def timed(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="innovatlas-diag-"))
    ws_path = tmp / "demo.duckdb"
    subprocess.run([sys.executable, "-m", "innovatlas.cli", "demo", "--data", str(args.data), "--workspace", str(ws_path),
                    "--out", str(tmp / "report")], check=True, capture_output=True)
    with Workspace(ws_path) as ws:
        ecos = [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")]

        def indicators():
            with ws.transaction():
                compute_all(ws)
                compute_signals(ws)

        def diagnosis():
            with ws.transaction():
                diagnose_all(ws)

        t_ind = timed(indicators, args.repeat)
        t_diag = timed(diagnosis, args.repeat)
        t_view = timed(lambda: [composite_view(ws, e) for e in ecos], args.repeat)
        t_cmp = timed(lambda: composite_compare(ws, CITIES, runs=500), args.repeat)
        values = ws.scalar("SELECT count(*) FROM indicator_value")
        findings = ws.scalar("SELECT count(*) FROM finding")
    cat = load_catalogue()
    kinds = {k: sum(1 for s in cat.values() if s.availability == k) for k in ("open_data", "import", "survey", "qualitative")}
    print(f"full indicator set and diagnosis for {len(ecos)} demo ecosystems (median of {args.repeat} runs)\n")
    print(f"  open-data indicators + network signals : {t_ind:6.2f} s  ({values:,} stored values)")
    print(f"  ten-challenge diagnosis + rationales   : {t_diag:6.2f} s  ({findings} findings)")
    print(f"  self-referenced composite view, all    : {t_view:6.2f} s")
    print(f"  comparison of 13 knowledge cities, 500 Monte Carlo runs: {t_cmp:6.2f} s")
    print(f"  catalogue: {kinds['open_data']} computed from open data, {kinds['import']} imported, "
          f"{kinds['survey']} survey, {kinds['qualitative']} qualitative (all 50 have a template or a computation)")


if __name__ == "__main__":
    main()
