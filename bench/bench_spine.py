"""Benchmark of the spine: import and analysis, against DuckDB's own parse and a plain
pandas + networkx pipeline doing the same work.

    python bench/bench_spine.py --data ../shared/data [--repeat 3]

(a) import: innovatlas importing all CORDIS files of the demo into a fresh workspace
    (parse, validate, load with provenance, derive organisations and placement) versus
    DuckDB's own ``read_csv`` of the same files into tables, and versus pandas ``read_csv``.
(b) analysis: ``innovatlas analyse`` over all demo ecosystems (delineation, indicators
    #18/#29/#37, funding, SME share, networks with betweenness, Leiden communities and a
    layout) versus the same work in pandas + networkx (betweenness, Louvain communities,
    spring layout). Both start from the same imported data: the baseline gets the
    participations, programme parts, organisation names and the placement of Dutch
    organisations as DataFrames read from the workspace before timing starts.
Goals (issue 3): analysis at least 10x faster than the baseline; import within 3x of
DuckDB's own parse. Prints the figures and the ratios.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd

from innovatlas.analysis import analyse, load_definitions
from innovatlas.demo import DEMO_FILES
from innovatlas.sources import get_source
from innovatlas.store import Workspace

EU28 = set("AT BE BG CY CZ DE DK EE GR ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK GB".split())
ASSOC = set("AL AM BA CH FO GE IL IS MD ME MK NO RS TN TR UA".split())


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


# ---------------------------------------------------------------- (a) import
def innovatlas_import(data: Path, tmp: Path) -> Path:
    path = tmp / f"bench-{time.perf_counter_ns()}.duckdb"
    with Workspace(path) as ws:
        for source in ("geo", "ror", "cordis", "ris"):
            get_source(source).import_paths(ws, [data / rel for s, rel in DEMO_FILES if s == source])
    return path


def cordis_only_import(data: Path, tmp: Path) -> None:
    path = tmp / f"bench-{time.perf_counter_ns()}.duckdb"
    with Workspace(path) as ws:
        get_source("cordis").import_paths(ws, [data / rel for s, rel in DEMO_FILES if s == "cordis"])
    path.unlink()


def duckdb_parse(data: Path, tmp: Path) -> None:
    path = tmp / f"raw-{time.perf_counter_ns()}.duckdb"
    con = duckdb.connect(str(path))
    for i, (s, rel) in enumerate(DEMO_FILES):
        if s != "cordis":
            continue
        strict = "false" if "stacked_dump" in rel else "true"
        con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{data / rel}', delim=',', quote='\"', escape='\"', "
                    f"header=true, nullstr=['', 'NA'], strict_mode={strict})")
    con.close()
    path.unlink()


def pandas_read(data: Path) -> dict[str, pd.DataFrame]:
    return {rel: pd.read_csv(data / rel, na_values=["NA"], low_memory=False) for s, rel in DEMO_FILES if s == "cordis"}


# ---------------------------------------------------------------- (b) analysis
def baseline_inputs(ws_path: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(ws_path), read_only=True)
    q = lambda sql: con.execute(sql).df()  # noqa: E731
    frames = {
        "part": q("SELECT p.project_key, p.pic, p.role, p.activity_type, p.sme, p.ec_contribution, p.country, pr.start_year "
                  "FROM participation p JOIN project pr USING (project_key)"),
        "parts": q("SELECT project_key, programme_part FROM project_part"),
        "orgs": q("SELECT o.pic, o.country, o.activity_type, l.knowledge_city FROM organisation o LEFT JOIN org_location l USING (pic)"),
    }
    con.close()
    return frames


def baseline_analysis(frames: dict[str, pd.DataFrame], defs) -> dict:
    part, parts, orgs = frames["part"], frames["parts"], frames["orgs"]
    part = part.merge(orgs[["pic", "knowledge_city"]], on="pic", how="left")
    results = {}
    for eco in defs:
        sel = eco.select
        scope = part
        if sel.country:
            scope = scope[scope["country"].isin(sel.country)]
        if sel.knowledge_city:
            scope = scope[scope["knowledge_city"].isin(sel.knowledge_city)]
        if sel.programme_part:
            keys = parts.loc[parts["programme_part"].isin(sel.programme_part), "project_key"]
            scope = scope[scope["project_key"].isin(keys)]
        members = set(scope["pic"])
        r = {}
        for keys in ([], ["start_year"], ["activity_type"], ["activity_type", "start_year"]):
            g = scope.groupby(keys) if keys else scope.groupby(lambda _i: 0)
            r[tuple(keys)] = pd.DataFrame({
                "organisations": g["pic"].nunique(), "participations": g.size(), "projects": g["project_key"].nunique(),
                "coordinator_roles": g["role"].apply(lambda s: (s == "coordinator").sum()),
                "ec": g["ec_contribution"].sum()})
        pairs = scope[["project_key", "pic", "start_year"]].merge(part[["project_key", "pic", "country"]], on="project_key",
                                                                   suffixes=("", "_p"))
        pairs = pairs[pairs["pic"] != pairs["pic_p"]]
        inside = pairs["pic_p"].isin(members)

        def cls(row_country, row_inside):
            if row_inside:
                return "internal"
            if row_country == "NL":
                return "rest_nl"
            if row_country in EU28:
                return "eu"
            return "associated" if row_country in ASSOC else "third_country"

        pairs["cls"] = [cls(c, i) for c, i in zip(pairs["country"], inside)]
        pairs["a"] = pairs[["pic", "pic_p"]].min(axis=1).where(inside, pairs["pic"])
        pairs["b"] = pairs[["pic", "pic_p"]].max(axis=1).where(inside, pairs["pic_p"])
        r["relations"] = pairs.drop_duplicates(["a", "b", "cls"]).groupby("cls").size()
        r["third_projects"] = pairs.loc[pairs["cls"] == "third_country", "project_key"].nunique()
        ref = orgs
        if sel.country:
            ref = ref[ref["country"].isin(sel.country)]
        if sel.knowledge_city:
            ref = ref[ref["knowledge_city"].isin(sel.knowledge_city)]
        r["degree_of_organisation"] = len(members) / max(len(ref), 1)
        # network
        G = nx.Graph()
        G.add_nodes_from(members)
        internal = pairs[inside & (pairs["pic"] < pairs["pic_p"])]
        for (a, b), w in internal.groupby(["pic", "pic_p"]).size().items():
            G.add_edge(a, b, weight=w)
        n = G.number_of_nodes()
        r["density"] = nx.density(G) if n > 1 else None
        comps = list(nx.connected_components(G))
        r["largest_share"] = max(map(len, comps)) / n if n else None
        r["degree_hist"] = nx.degree_histogram(G)
        if n:
            bc = nx.betweenness_centrality(G, normalized=True)
            r["brokers"] = sorted(bc.items(), key=lambda kv: -kv[1])[:10]
            comm = nx.community.louvain_communities(G, weight="weight", seed=42)
            r["communities"] = len(comm)
            r["modularity"] = nx.community.modularity(G, comm, weight="weight") if G.number_of_edges() else None
            act = dict(zip(orgs["pic"], orgs["activity_type"]))
            kf = sum(1 for a, b in G.edges() if {act.get(a), act.get(b)} & {"HES", "REC"} and "PRC" in {act.get(a), act.get(b)})
            r["knowledge_firm"] = kf / max(G.number_of_edges(), 1)
            top = sorted(G.degree, key=lambda kv: -kv[1])[:250]
            nx.spring_layout(G.subgraph([k for k, _d in top]), seed=42, iterations=200)  # same as innovatlas
        results[eco.id] = r
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    defs = load_definitions()
    tmp = Path(tempfile.mkdtemp(prefix="innovatlas-bench-"))
    try:
        print(f"innovatlas benchmark on {args.data} (median of {args.repeat} runs)\n")
        t_ours, _ = timed(lambda: cordis_only_import(args.data, tmp), args.repeat)
        t_duck, _ = timed(lambda: duckdb_parse(args.data, tmp), args.repeat)
        t_pd, _ = timed(lambda: pandas_read(args.data), args.repeat)
        print("(a) import of all CORDIS files (144,726 participations, 37,441 programme parts, 47k organisation records)")
        print(f"    innovatlas import (parse, validate, load, derive, place) : {t_ours:7.2f} s")
        print(f"    DuckDB read_csv of the same files                      : {t_duck:7.2f} s   innovatlas / DuckDB = {t_ours / t_duck:.2f}x (goal <= 3x)")
        print(f"    pandas read_csv of the same files (parse only)         : {t_pd:7.2f} s   pandas / innovatlas = {t_pd / t_ours:.2f}x")
        ws_path = innovatlas_import(args.data, tmp)

        def ours():
            with Workspace(ws_path) as ws:
                analyse(ws, defs, diagnose=False)

        def ours_full():
            with Workspace(ws_path) as ws:
                analyse(ws, defs)
        t_an, _ = timed(ours, args.repeat)
        t_full, _ = timed(ours_full, args.repeat)
        frames = baseline_inputs(ws_path)
        t_base, _ = timed(lambda: baseline_analysis(frames, defs), max(1, min(args.repeat, 2)))
        print(f"\n(b) analysis of all {len(defs.ecosystems)} demo ecosystems (delineation, indicators, networks)")
        print(f"    innovatlas analyse (DuckDB SQL + igraph + leidenalg)   : {t_an:7.2f} s")
        print(f"    pandas + networkx pipeline, same work                  : {t_base:7.2f} s   speed-up = {t_base / t_an:.1f}x (goal >= 10x)")
        print(f"    innovatlas analyse incl. network signals and diagnosis : {t_full:7.2f} s   (work the baseline does not do)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
