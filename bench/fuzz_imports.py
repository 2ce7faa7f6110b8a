"""Fuzz every importer (issue 13): mutated real files, templates and examples; a table of outcomes.

    python bench/fuzz_imports.py [--inputs 10000] [--seed 1] [--only cordis,ris] [--show 3]

Uses the mutation strategies of tests/fuzzing.py (the same ones the bounded hypothesis tests in
tests/test_fuzz_imports.py draw from). Per importer it prints inputs, successes, clean errors
(exit 2, the file named, workspace unchanged), unclear errors, crashes (would be a traceback) and
partial writes (the workspace fingerprint changed after an error). Exit status 1 when there was
any crash, unclear error or partial write.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import fuzzing  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=10_000, help="number of mutated inputs in all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated importers (default: all)")
    ap.add_argument("--show", type=int, default=3, help="examples of each failure to print per importer")
    ap.add_argument("--tmp", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    console = Console()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="innovatlas-fuzz-") as tmpdir:
        tmp = args.tmp or Path(tmpdir)
        t0 = time.perf_counter()
        base = fuzzing.build_base(tmp / "base")
        seeds = fuzzing.seeds(base, tmp / "seeds")
        if args.only:
            keep = set(args.only.split(","))
            seeds = [s for s in seeds if s.importer in keep]
        console.print(f"base workspace and {len(seeds)} seeds in {time.perf_counter() - t0:.1f} s", highlight=False)
        arena = fuzzing.Arena(base, tmp / "arena")
        counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
        seconds: collections.Counter = collections.Counter()
        t1 = time.perf_counter()
        try:
            for i in range(args.inputs):
                seed = seeds[i % len(seeds)]
                kind = rnd.choice(fuzzing.kinds_for(seed))
                salt = rnd.randrange(2 ** 32)
                t = time.perf_counter()
                r = arena.run(seed, kind, salt)
                seconds[seed.importer] += time.perf_counter() - t
                counts[seed.importer][r.outcome] += 1
                if r.outcome not in ("success", "clean") and len(examples[(seed.importer, r.outcome)]) < args.show:
                    examples[(seed.importer, r.outcome)].append(f"{seed.name} {kind} salt={salt}: {r.detail}")
                if (i + 1) % 500 == 0:
                    console.print(f"  {i + 1:,} inputs, {time.perf_counter() - t1:.0f} s", style="dim", highlight=False)
        finally:
            arena.close()
    table = Table("importer", "inputs", "successes", "clean errors", "unclear errors", "crashes", "partial writes", "s",
                  title=f"fuzzed imports: {args.inputs:,} inputs, seed {args.seed}")
    total: collections.Counter = collections.Counter()
    for imp in sorted(counts):
        c = counts[imp]
        total.update(c)
        table.add_row(imp, f"{sum(c.values()):,}", *[f"{c[o]:,}" for o in fuzzing.OUTCOMES], f"{seconds[imp]:.0f}")
    table.add_row("all", f"{sum(total.values()):,}", *[f"{total[o]:,}" for o in fuzzing.OUTCOMES],
                  f"{sum(seconds.values()):.0f}", style="bold")
    Console(width=140).print(table)
    for (imp, outcome), items in sorted(examples.items()):
        print(f"\n{imp} {outcome}:")
        for e in items:
            print("  " + e.replace("\n", "\n    "))
    return 1 if any(total[o] for o in ("crash", "unclear", "partial")) else 0


if __name__ == "__main__":
    sys.exit(main())
