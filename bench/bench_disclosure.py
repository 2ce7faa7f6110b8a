"""Benchmark: disclosure control on a realistic monitoring load.

Imports synthetic confidential values (made up here, never shown as real) into a copy of the
demo workspace: every demo ecosystem, N indicators x Y years, each with a total and breakdowns
by size (2 classes) and region (3), contributor sets = the ecosystems' real members; then
times the import and the one reader (the whole linear audit, cold and warm).

    python bench/bench_disclosure.py --workspace build/demo.duckdb [--indicators 10 --years 6]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from innovatlas import disclosure
from innovatlas.inputs import import_values, value_source
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace

HEAD = "ecosystem,indicator,breakdown,year,value,unit,source,kind,confidential,units,largest_share,top2_share,author"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workspace", default="build/demo.duckdb")
    ap.add_argument("--indicators", type=int, default=10)
    ap.add_argument("--years", type=int, default=6)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "bench.duckdb"
    shutil.copy(a.workspace, path)
    rnd = random.Random(7)
    with Workspace(path) as ws:
        ecos = [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")]
        nums = [str(i) for i in load_catalogue() if value_source(i) == "import"][:a.indicators]
        lines = [HEAD]
        for eco in ecos:
            for ind in nums:
                for year in range(2015, 2015 + a.years):
                    parts = {f"size:{s}": rnd.randint(10, 5000) for s in ("sme", "large")}
                    regions = {f"region:{r}": 0 for r in ("north", "south", "east")}
                    total = sum(parts.values())
                    left = total
                    for i, k in enumerate(regions):
                        regions[k] = left if i == 2 else rnd.randint(0, left)
                        left -= regions[k]
                    for bd, v in [("", total), *parts.items(), *regions.items()]:
                        units = rnd.choice([3, 8, 12, 25, 40, 80])
                        top1 = rnd.choice([0.2, 0.3, 0.45, 0.6])
                        lines.append(f"{eco},{ind},{bd},{year},{v},EUR,synthetic,import,yes,{units},{top1},{min(1, top1 + 0.3)},bench")
        f = tmp / "values.csv"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        n = len(lines) - 1
        t = time.perf_counter()
        import_values(ws, f)
        t_import = time.perf_counter() - t
        disclosure._CACHE.clear()
        t = time.perf_counter()
        rows = disclosure.disclosed_inputs(ws)
        t_cold = time.perf_counter() - t
        t = time.perf_counter()
        disclosure.disclosed_inputs(ws, ecos[0])
        t_warm = time.perf_counter() - t
        hidden = sum(r["suppressed"] for r in rows)
    print(f"{n:,} confidential values ({len(ecos)} ecosystems x {len(nums)} indicators x {a.years} years x 6 cells)")
    print(f"import (validation, additivity, contributor sets): {t_import:.2f} s")
    print(f"disclosure audit, cold (every value, every relation): {t_cold:.2f} s; warm (cached by workspace stamp): {t_warm * 1000:.1f} ms")
    print(f"suppressed: {hidden:,} of {n:,}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
