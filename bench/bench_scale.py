"""Scale benchmark: the real Horizon 2020 data scaled up x1, x10, x100, imported and analysed.

    python bench/bench_scale.py --data ../shared/data [--sizes 1,10,100] [--out /tmp/scale]
                                [--src OTHER_CHECKOUT] [--peer-timeout 600]

Generator (:func:`generate`): the four CORDIS files of the demo are written ``factor``
times, replica ``r = 0 .. factor-1``; replica 0 is the real data itself.

* every project gets a new rcn per replica (``rcn + r * 10**7``), so the number of
  projects, their consortium sizes (rows per project), roles, contributions, start/end
  dates and years, and their programme parts are copied exactly;
* every organisation gets a new PIC in a replica (``pic + r * 10**10``) unless it is one of
  the 20% that keep theirs there; which ones keep it is a fixed arithmetic hash of
  ``(pic, r)`` (:func:`keeps_pic`), so each organisation keeps its PIC in about 20% of the
  replicas and the replicas stay linked into one network (80% new organisations);
* a participation row keeps its country and activity type, so the country mix and the
  activity types are those of the real data in every replica;
* the organisation name tables (2017 H2020 list, FP7 list) get one row per new PIC with
  the same name and address, so Dutch organisations are still placed on the map.

Sizes therefore grow by the factor in participations and projects, by about
``1 + 0.8 (factor - 1)`` in organisations; ``tests/test_scale_generator.py`` checks that
the distributions are preserved.

Every step runs in its own subprocess and reports its wall time and its peak resident
memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at the end of the step):

``read_csv``   DuckDB's own ``CREATE TABLE AS SELECT * FROM read_csv(...)`` of the same files
``import``     ``innovatlas`` CORDIS import of the same files (parse, validate, load, derive)
``analyse``    delineation, indicators and networks of the demo ecosystems, with the time of
               each part (delineation, indicators, betweenness, Leiden, layout)
``everyone``   one ecosystem holding every participant (35,871 organisations at x1)
``spark``      the same analysis with ``engine="spark"`` (local[2]: Spark SQL over the workspace's
               tables exported to Parquet, igraph on the edge list, results written back); the
               peak memory is the Python driver's (the JVM runs on until the process ends, so its
               own peak is printed only where the operating system reports it)
``peer``       the pandas + networkx pipeline of ``bench_spine.py`` on the demo ecosystems,
               stopped after ``--peer-timeout`` seconds

and the growth exponent between sizes, ``log(t2 / t1) / log(f2 / f1)`` (1 = linear).
Goals (issue 20): import within 2x of ``read_csv`` at x10 and x100 and under 2 GB at x100;
``everyone`` under 20 s at x1; demo ecosystems at x100 under 12x their x10 time and under
8 GB; no network step over 5 minutes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: (name, path relative to the data folder, id column, rcn column) of the files scaled up
FILES = [
    ("participations", "cordis-h2020-participations-eunets/h2020.csv.gz", "pic", "rcn"),
    ("programme_parts", "cordis-h2020-participations-eunets/programme_parts.csv.gz", None, "rcn"),
    ("orgs2017", "cordis-h2020-orgs-odfest2017/stacked_dump.csv.gz", "orgId", None),
    ("orgsfp7", "cordis-fp7-organisations-gb1609/organizations.csv.gz", "idOrganization", None),
]
RCN_STEP = 10**7
PIC_STEP = 10**10
KEEP_SHARE = 0.2


def keeps_pic_sql(pic: str, r: str) -> str:
    """SQL: does organisation ``pic`` keep its PIC in replica ``r``? (about 20% do, replica 0 all)."""
    return f"({r} = 0 OR ((CAST({pic} AS HUGEINT) * 2654435761 + {r} * 40503) % 1000003) % 10 < {int(KEEP_SHARE * 10)})"


def keeps_pic(pic: int, r: int) -> bool:
    """Python twin of :func:`keeps_pic_sql`."""
    return r == 0 or ((pic * 2654435761 + r * 40503) % 1000003) % 10 < int(KEEP_SHARE * 10)


def _new_pic_sql(col: str, r: str = "r") -> str:
    return (f"CASE WHEN TRY_CAST({col} AS BIGINT) IS NULL THEN {col} "
            f"WHEN {keeps_pic_sql(f'TRY_CAST({col} AS BIGINT)', r)} THEN {col} "
            f"ELSE CAST(TRY_CAST({col} AS BIGINT) + {r} * {PIC_STEP} AS VARCHAR) END")


def generate(data: Path, out: Path, factor: int) -> dict[str, Path]:
    """Write the four CORDIS files scaled ``factor`` times into ``out``; returns name -> path."""
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    paths = {}
    for name, rel, id_col, rcn_col in FILES:
        src = data / rel
        target = out / Path(rel).name
        paths[name] = target
        if target.exists() and (out / f".{name}.done").exists():
            continue
        strict = "false" if name == "orgs2017" else "true"
        cols = [r[0] for r in con.execute(
            f"DESCRIBE SELECT * FROM read_csv(?, all_varchar=true, header=true, strict_mode={strict})", [str(src)]).fetchall()]
        exprs = []
        for c in cols:
            q = f'"{c}"'
            if c == rcn_col:
                exprs.append(f"coalesce(CAST(TRY_CAST({q} AS BIGINT) + r * {RCN_STEP} AS VARCHAR), {q}) AS {q}")
            elif c == id_col:
                exprs.append(f"{_new_pic_sql(q)} AS {q}")
            else:
                exprs.append(q)
        where = ""
        if id_col and not rcn_col:  # organisation tables: one row per new PIC only (kept PICs are there once)
            pic = f'TRY_CAST("{id_col}" AS BIGINT)'
            where = f"WHERE r = 0 OR ({pic} IS NOT NULL AND NOT {keeps_pic_sql(pic, 'r')})"
        con.execute(f"""COPY (SELECT {', '.join(exprs)}
                               FROM read_csv(?, all_varchar=true, header=true, strict_mode={strict}),
                                    range({factor}) t(r) {where})
                        TO '{target}' (HEADER, DELIMITER ',', COMPRESSION gzip)""", [str(src)])
        (out / f".{name}.done").touch()
    con.close()
    return paths


# ------------------------------------------------------------------------- steps (subprocesses)
def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_read_csv(files: list[str], db: str) -> dict:
    import duckdb

    Path(db).unlink(missing_ok=True)
    t = time.perf_counter()
    con = duckdb.connect(db)
    for i, f in enumerate(files):
        strict = "false" if "stacked_dump" in f else "true"
        con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{f}', delim=',', quote='\"', escape='\"', "
                    f"header=true, nullstr=['', 'NA'], strict_mode={strict})")
    con.close()
    return {"seconds": time.perf_counter() - t}


def step_import(files: list[str], db: str, base: str) -> dict:
    from innovatlas.sources import get_source
    from innovatlas.store import Workspace

    shutil.copyfile(base, db)
    t = time.perf_counter()
    with Workspace(db) as ws:
        get_source("cordis").import_paths(ws, [Path(f) for f in files])
        n = ws.scalar("SELECT count(*) FROM participation")
    return {"seconds": time.perf_counter() - t, "participations": n}


def _analyse_steps(db: str, defs) -> dict:
    """analyse() step by step (same calls, same order), timing each part."""
    from innovatlas import network
    from innovatlas.analysis import delineate
    from innovatlas.indicators import compute_all
    from innovatlas.store import Workspace

    parts: dict[str, float] = {}
    peaks: dict[str, float] = {}
    t0 = time.perf_counter()
    with Workspace(db) as ws, ws.transaction():
        t = time.perf_counter()
        delineate(ws, defs)
        parts["delineate"], peaks["delineate"] = time.perf_counter() - t, _peak_mb()
        t = time.perf_counter()
        compute_all(ws)
        parts["indicators"], peaks["indicators"] = time.perf_counter() - t, _peak_mb()
        t = time.perf_counter()
        timings: dict = {}
        try:
            network.compute_networks(ws, timings=timings)
        except TypeError:  # an older checkout without per-part timings
            network.compute_networks(ws)
        parts["networks"], peaks["networks"] = time.perf_counter() - t, _peak_mb()
        for k, v in timings.items():
            if k.startswith("max_"):
                continue
            parts[f"networks:{k}"] = v
        if timings:
            parts["max_network_step"] = max(v for k, v in timings.items() if k.startswith("max_"))
        sizes = ws.rows("SELECT max(value) FILTER (WHERE metric = 'nodes'), max(value) FILTER (WHERE metric = 'edges') "
                        "FROM network_metric")[0]
        methods = ws.rows("SELECT ecosystem_id, detail FROM network_metric WHERE metric = 'betweenness_method'") \
            if ws.scalar("SELECT count(*) FROM network_metric WHERE metric = 'betweenness_method'") else []
    return {"seconds": time.perf_counter() - t0, "parts": parts, "peaks_mb": peaks,
            "largest_network": {"nodes": sizes[0], "edges": sizes[1]},
            "betweenness": {e: json.loads(d) for e, d in methods}}


def step_analyse(db: str) -> dict:
    from innovatlas.analysis import load_definitions

    return _analyse_steps(db, load_definitions())


def step_everyone(db: str) -> dict:
    from innovatlas.model.ecosystem import parse_definitions

    defs = parse_definitions({"ecosystem": [{"id": "everyone", "name_en": "Every participant", "select": {}}]})
    return _analyse_steps(db, defs)


def step_spark(db: str) -> dict:
    """The demo ecosystems analysed on Spark in local mode (local[2]), results written back into the workspace."""
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.store import Workspace

    t = time.perf_counter()
    with Workspace(db) as ws:
        timings = analyse(ws, load_definitions(), engine="spark", spark_master="local[2]", diagnose=False)
    seconds = time.perf_counter() - t
    from innovatlas.store.engines import _SESSIONS

    for spark in _SESSIONS.values():  # the JVM exits: its peak memory is then in RUSAGE_CHILDREN
        spark.stop()
    jvm = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "parts": {k: v for k, v in timings.items() if isinstance(v, float)},
            "jvm_peak_mb": jvm}


def step_peer(db: str) -> dict:
    sys.path.insert(0, str(HERE))
    from bench_spine import baseline_analysis, baseline_inputs

    from innovatlas.analysis import load_definitions

    frames = baseline_inputs(Path(db))
    t = time.perf_counter()
    baseline_analysis(frames, load_definitions())
    return {"seconds": time.perf_counter() - t}


def step_base(data: str, path: str) -> dict:
    """A workspace holding the geography and ROR (what the demo imports before CORDIS)."""
    data, path = Path(data), Path(path)
    t = time.perf_counter()
    from innovatlas.demo import DEMO_FILES
    from innovatlas.sources import get_source
    from innovatlas.store import Workspace

    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    with Workspace(tmp) as ws:
        for source in ("geo", "ror"):
            get_source(source).import_paths(ws, [data / rel for s, rel in DEMO_FILES if s == source])
    tmp.rename(path)
    return {"seconds": time.perf_counter() - t}


STEPS = {"base": step_base, "read_csv": step_read_csv, "import": step_import, "analyse": step_analyse, "everyone": step_everyone,
         "peer": step_peer, "spark": step_spark}


def run_step(name: str, kwargs: dict, *, src: Path | None, timeout: float | None, log: Path | None = None) -> dict:
    """Run one step in a fresh Python process; its wall time, peak memory and extra figures."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = str(src / "src") + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--step", name, "--kwargs", json.dumps(kwargs)]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "timeout": timeout, "wall": time.perf_counter() - t}
    if log:
        with open(log, "a") as fh:
            fh.write(f"--- {name} {kwargs}\n{proc.stderr[-4000:]}\n")
    if proc.returncode != 0:
        return {"seconds": None, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall"] = time.perf_counter() - t
    return out


def _child(name: str, kwargs: dict) -> None:
    result = STEPS[name](**kwargs)
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result, default=str))


def _fmt_s(v) -> str:
    return "—" if v is None else (f"{v:,.2f} s" if v < 100 else f"{v:,.0f} s")


def _fmt_mb(v) -> str:
    return "—" if v is None else f"{v:,.0f} MB"


def _exp(t1, t2, f1, f2) -> str:
    if not t1 or not t2:
        return "—"
    return f"{math.log(t2 / t1) / math.log(f2 / f1):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--out", type=Path, default=Path("/tmp/innovatlas-scale"))
    ap.add_argument("--src", type=Path, default=None, help="run the steps against another checkout (before/after)")
    ap.add_argument("--label", default="")
    ap.add_argument("--peer-timeout", type=float, default=600.0)
    ap.add_argument("--spark-timeout", type=float, default=3600.0)
    ap.add_argument("--everyone-sizes", default="1", help="sizes at which the every-participant ecosystem is analysed")
    ap.add_argument("--skip", default="", help="comma-separated steps to leave out")
    ap.add_argument("--step", help=argparse.SUPPRESS)
    ap.add_argument("--kwargs", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        _child(args.step, json.loads(args.kwargs))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    everyone = {int(s) for s in args.everyone_sizes.split(",") if s}
    skip = set(filter(None, args.skip.split(",")))
    args.out.mkdir(parents=True, exist_ok=True)
    label = args.label or ("before" if args.src else "after")
    work = args.out / label
    work.mkdir(exist_ok=True)
    log = work / "steps.log"
    base = work / "base-geo-ror.duckdb"
    if not base.exists():
        made = run_step("base", {"data": str(args.data), "path": str(base)}, src=args.src, timeout=None, log=log)
        if made.get("error"):
            sys.exit(f"cannot build the geography workspace: {made['error']}")
    results: dict[int, dict] = {}
    print(f"innovatlas scale benchmark ({label}; {os.cpu_count()} cores); files in {args.out}", flush=True)
    for f in sizes:
        t = time.perf_counter()
        files = generate(args.data, args.out / f"x{f}", f)
        print(f"\nx{f}: files generated in {time.perf_counter() - t:.1f} s "
              f"({sum(p.stat().st_size for p in files.values()) / 1e6:,.0f} MB gzip)", flush=True)
        flist = [str(files[n]) for n, *_ in FILES]
        db = str(work / f"x{f}.duckdb")
        r: dict[str, dict] = {}
        if "read_csv" not in skip:
            r["read_csv"] = run_step("read_csv", {"files": flist, "db": str(work / f"raw-x{f}.duckdb")}, src=args.src,
                                     timeout=None, log=log)
            Path(work / f"raw-x{f}.duckdb").unlink(missing_ok=True)
        r["import"] = run_step("import", {"files": flist, "db": db, "base": str(base)}, src=args.src, timeout=None, log=log)
        ws_copy = str(work / f"x{f}-analysed.duckdb")
        if r["import"].get("error"):
            skip = skip | {"analyse", "everyone", "peer"}
        if "analyse" not in skip:
            shutil.copyfile(db, ws_copy)
            r["analyse"] = run_step("analyse", {"db": ws_copy}, src=args.src, timeout=None, log=log)
        if f in everyone and "everyone" not in skip:
            shutil.copyfile(db, ws_copy)
            r["everyone"] = run_step("everyone", {"db": ws_copy}, src=args.src, timeout=None, log=log)
        if "spark" not in skip and not r["import"].get("error"):
            shutil.copyfile(db, ws_copy)
            r["spark"] = run_step("spark", {"db": ws_copy}, src=args.src, timeout=args.spark_timeout, log=log)
        if "peer" not in skip:
            r["peer"] = run_step("peer", {"db": db}, src=args.src, timeout=args.peer_timeout, log=log)
        Path(ws_copy).unlink(missing_ok=True)
        results[f] = r
        for name, v in r.items():
            extra = ""
            if name == "import" and r.get("read_csv", {}).get("seconds") and v.get("seconds"):
                extra = f"  ({v['seconds'] / r['read_csv']['seconds']:.2f}x read_csv; {v.get('participations'):,} participations)"
            if v.get("timeout"):
                extra = f"  (stopped after {v['timeout']:.0f} s)"
            if v.get("error"):
                extra = f"  (failed: {v['error']})"
            print(f"  {name:9s} {_fmt_s(v.get('seconds')):>10s} {_fmt_mb(v.get('peak_mb')):>10s}{extra}", flush=True)
            for part, sec in (v.get("parts") or {}).items():
                peak = (v.get("peaks_mb") or {}).get(part)
                print(f"      {part:28s} {_fmt_s(sec):>10s}" + (f"  peak so far {_fmt_mb(peak)}" if peak else ""), flush=True)
            if v.get("jvm_peak_mb"):
                print(f"      Spark JVM peak memory: {_fmt_mb(v['jvm_peak_mb'])} (local[2])", flush=True)
            if v.get("largest_network"):
                print(f"      largest network: {v['largest_network']}", flush=True)
        (work / "results.json").write_text(json.dumps(results, indent=1, default=str))
    # summary table
    names = ["read_csv", "import", "analyse", "spark", "everyone", "peer"]
    print(f"\n| step ({label}) | " + " | ".join(f"x{f}" for f in sizes) + " | growth exponent |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for name in names:
        cells = []
        for f in sizes:
            v = results[f].get(name)
            if not v:
                cells.append("")
            elif v.get("timeout"):
                cells.append(f"> {v['timeout']:.0f} s")
            else:
                cells.append(f"{_fmt_s(v.get('seconds'))}, {_fmt_mb(v.get('peak_mb'))}")
        exps = []
        for a, b in zip(sizes, sizes[1:]):
            exps.append(_exp((results[a].get(name) or {}).get("seconds"), (results[b].get(name) or {}).get("seconds"), a, b))
        print(f"| {name} | " + " | ".join(cells) + " | " + ", ".join(exps) + " |")
    for f in sizes:
        rc, im = results[f].get("read_csv", {}).get("seconds"), results[f].get("import", {}).get("seconds")
        if rc and im:
            print(f"import / read_csv at x{f}: {im / rc:.2f}x (goal <= 2x)")
        an, peer = results[f].get("analyse", {}).get("seconds"), results[f].get("peer", {})
        if an and peer.get("seconds"):
            print(f"analysis vs the pandas+networkx peer at x{f}: {peer['seconds'] / an:.1f}x faster (goal >= 10x)")
    print(f"results: {work / 'results.json'}")


if __name__ == "__main__":
    main()
