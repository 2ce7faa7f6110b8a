"""Benchmark of issue 17: COINr's ASEM index built from its definition, and Monte Carlo rank intervals.

    python bench/bench_composite.py --data ../shared/data [--runs 1000] [--repeat 3]

Times (median of ``--repeat``) on ../shared/data/coinr-asem-example (51 units, 49 indicators, 8 pillars,
2 sub-indices): reading the definition and data, one full build with COINr's steps, and the uncertainty
analysis with ``--runs`` runs (each draws the outlier treatment: none or winsorisation with winmax 1..5;
the aggregation: arithmetic or geometric; and the pillar and sub-index weights x U(0.75, 1.25)). The time
of the analysis includes its preparation (denominate, impute, screen, the six treatment variants, the
nominal build). Goal: 1,000 runs for 51 units under 5 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import numpy as np

from innovatlas.indicators.index import IndexMethod, build_index, index_uncertainty, read_definition, read_index_data


def timed(fn, repeat):
    ts, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = args.data / "coinr-asem-example"
    method = IndexMethod.coinr(impute_group="EurAsia_group", screen_threshold=0.9, screen_on="imputed", winmax=5)

    t_read, (d, x) = timed(lambda: (lambda d: (d, read_index_data(folder / "ASEM_iData.csv", d)))(
        read_definition(folder / "ASEM_iMeta.csv")), args.repeat)
    t_build, r = timed(lambda: build_index(d, x, method), args.repeat)
    t_mc, u = timed(lambda: index_uncertainty(d, x, method, runs=args.runs, seed=42), args.repeat)
    top = r.table()[:5]
    print(f"COINr ASEM index: {len(r.units)} units, {len(d.indicators)} indicators (median of {args.repeat} runs, "
          f"{os.cpu_count()} cores visible, load average {os.getloadavg()[0]:.1f})\n")
    print(f"  read definition + data              : {t_read:6.3f} s")
    print(f"  build (COINr's seven steps)         : {t_build:6.3f} s")
    print(f"  {f'Monte Carlo, {args.runs:,} runs':<36}: {t_mc:6.3f} s  (goal: 1,000 runs under 5 s)")
    print("\n  top five: " + ", ".join(f"{row['unit']} {row['Index']:.2f}" for row in top))
    i = {c: k for k, c in enumerate(u["units"])}
    print("  rank intervals (5-95%): " + ", ".join(
        f"{row['unit']} {int(u['p05'][i[row['unit']]])}-{int(u['p95'][i[row['unit']]])}" for row in top))
    print(f"  widest interval: {int(np.max(u['p95'] - u['p05']))} ranks")


if __name__ == "__main__":
    main()
