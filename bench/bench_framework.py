"""Benchmark of issue 19: importing and reading the framework data (startups, facilities, finance) at scale.

    python bench/bench_framework.py --workspace COPY_OF_AN_ANALYSED_WORKSPACE.duckdb [--startups 5000]

Writes synthetic files (invented) with ``--startups`` startups in Eindhoven and the Netherlands (three employee
counts each, a third confidential), twice as many financing rounds (a quarter confidential), 500 facilities
with one use relation per startup; prints the time of each import (the startups import includes the
resolution of every new actor against the organisation registry, :func:`innovatlas.registry.actors.resolve_actors`),
of the nine indicators of Eindhoven and of the section of the national ecosystem. Run it on a copy: it
writes into the workspace.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from innovatlas.framework.imports import import_kind
from innovatlas.framework.measures import indicators
from innovatlas.framework.views import section
from innovatlas.store import Workspace


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--startups", type=int, default=1000)
    a = ap.parse_args()
    random.seed(1)
    n = a.startups
    d = Path(tempfile.mkdtemp(prefix="bench-framework-"))

    def w(name, rows):
        with open(d / name, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)

    w("st.csv", [["actor_id", "name", "actor_type", "ecosystems", "founding_year", "sector"]] +
      [[f"s{i}", f"Synthetic Startup {i}", "startup", "eindhoven;nl", str(2005 + i % 18), f"sec{i % 7}"] for i in range(n)])
    w("st-employees.csv", [["actor_id", "year", "employees", "confidential"]] +
      [[f"s{i}", str(y), str(round(5 + random.random() * 50 * (y - 2014) / 4)), "yes" if i % 3 == 0 else "no"]
       for i in range(n) for y in (2016, 2019, 2022)])
    w("fin.csv", [["actor_id", "date", "amount", "currency", "instrument", "confidential"]] +
      [[f"s{i % n}", f"{2015 + i % 9}-0{1 + i % 9}-01", str(100000 + i), "EUR", ["seed", "vc", "mit", "dvi", "vff"][i % 5],
        "yes" if i % 4 == 0 else "no"] for i in range(2 * n)])
    w("fa.csv", [["facility_id", "name", "facility_type", "ecosystems", "city"]] +
      [[f"f{i}", f"Synthetic Facility {i}", "fieldlab", "eindhoven", "Eindhoven"] for i in range(500)])
    w("fa-use.csv", [["facility_id", "user", "since_year", "until_year"]] + [[f"f{i % 500}", f"s{i}", "2018", "2022"] for i in range(n)])
    with Workspace(a.workspace) as ws:
        for kind, f in (("startups", "st.csv"), ("facilities", "fa.csv"), ("finance", "fin.csv")):
            t = time.perf_counter()
            r = import_kind(ws, kind, d / f)
            print(f"import {kind}: {r.loaded} in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        v = indicators(ws, "eindhoven")
        print(f"nine indicators of eindhoven: {len(v)} values in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        section(ws, "nl", "nl")
        print(f"section of nl (nl): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
