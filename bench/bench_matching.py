"""Benchmark of issue 14: entity resolution measured against gold standards.

    python bench/bench_matching.py --data ../shared/data

Builds a workspace from the real data (CBS regions, ROR Dutch v1 extract, the CORDIS Horizon 2020
participations and both organisation tables, plus the 20 ROR v2 sample records), then prints for
each gold set precision, recall and F1 (goals: precision >= 0.97, recall >= 0.90) and the time per
1,000 records:

* ROR's affiliation-matching sets (ror-community/ror-api test data: Crossref and Springer
  affiliation strings, 1,000 organisation names), restricted to the records whose gold ROR id is
  among the workspace's ROR records (the subset size is printed next to the file size);
* the hand-checked sample of Dutch CORDIS organisations (tests/fixtures/cordis_nl_ror_gold.csv).

Time per 1,000 records: for the affiliation sets, ``match_affiliations`` over the whole file
(3,000 / 3,000 / 1,000 strings, not only the subset); for CORDIS, one full resolution run over all
CORDIS organisations of the countries ROR covers here, divided by their number.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from innovatlas.registry import build_registry
from innovatlas.registry.evaluate import AFFILIATION_FILES, evaluate_affiliations, evaluate_cordis
from innovatlas.registry.resolve import match_affiliations
from innovatlas.sources import get_source
from innovatlas.store import Workspace

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cordis_nl_ror_gold.csv"
FILES = [("geo", "nl-boundaries-cbs"), ("ror", "ror-nl-organisations-2022/uni_ror_NL.csv.gz"),
         ("cordis", "cordis-h2020-participations-eunets/h2020.csv.gz"),
         ("cordis", "cordis-h2020-orgs-odfest2017/stacked_dump.csv.gz"),
         ("cordis", "cordis-fp7-organisations-gb1609/organizations.csv.gz"),
         ("ror", "ror-affiliation-testsets/ror_v2_records_sample_es_response.json")]


def _f(x) -> str:
    return "   n/a" if x is None else f"{x:6.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--errors", action="store_true", help="Print every disagreement with the gold")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-matching-"))
    with Workspace(tmp / "bench.duckdb") as ws:
        for source in ("geo", "ror", "cordis"):
            paths = [args.data / rel for s, rel in FILES if s == source]
            get_source(source).import_paths(ws, paths)
        t0 = time.perf_counter()
        with ws.transaction():
            counts = build_registry(ws)
        t_resolve = time.perf_counter() - t0
        left = ws.scalar("SELECT count(*) FROM organisation WHERE name IS NOT NULL AND country IN "
                         "(SELECT DISTINCT country_code FROM ror_record)")
        n_ror = ws.scalar("SELECT count(DISTINCT ror_id) FROM ror_record")
        aff = evaluate_affiliations(ws, args.data / "ror-affiliation-testsets")
        cordis = evaluate_cordis(ws, FIXTURE)
        speed = {}
        for name, file in AFFILIATION_FILES.items():
            doc = json.loads((args.data / "ror-affiliation-testsets" / file).read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            match_affiliations(ws, [d["affiliation"] for d in doc])
            speed[name] = (time.perf_counter() - t0) / len(doc) * 1000
    print("Entity resolution against gold standards (goals: precision >= 0.97, recall >= 0.90)")
    print(f"{'set':<10} {'records':>16} {'tp':>5} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>7} {'s/1,000':>8}")
    for name in AFFILIATION_FILES:
        r = aff[name]
        print(f"{name:<10} {r['records']:>6,} of {r['file_records']:>6,} {r['tp']:>5} {r['fp']:>4} {r['fn']:>4} "
              f"{_f(r['precision']):>9} {_f(r['recall']):>7} {_f(r['f1']):>7} {speed[name]:>8.2f}")
    r = cordis
    print(f"{'cordis':<10} {r['records']:>6,} ({r['with_ror']} in ROR) {r['tp']:>3} {r['fp']:>4} {r['fn']:>4} "
          f"{_f(r['precision']):>9} {_f(r['recall']):>7} {_f(r['f1']):>7} {t_resolve / max(left, 1) * 1000:>8.2f}")
    print(f"CORDIS resolution: {left:,} organisations compared with {n_ror:,} ROR records in {t_resolve:.1f} s "
          "(resolution and registry tables); match status: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    print("Affiliation subsets: only records whose gold ROR id is among the workspace's 1,632 ROR records "
          "(Dutch 2022 extract + 20 Australian v2 samples); candidates are those records only, so precision here is an upper bound of what a full ROR dump would give.")
    if args.errors:
        for name in list(AFFILIATION_FILES) + ["cordis"]:
            errs = (aff.get(name) or cordis)["errors"] if name != "cordis" else cordis["errors"]
            for e in errs:
                print(f"  {name}: {e}")


if __name__ == "__main__":
    main()
