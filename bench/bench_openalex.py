"""OpenAlex benchmark (issue 15): import throughput and co-publication edge generation.

1. **Import throughput** (works per second) of ``innovatlas import openalex`` on a JSON Lines file made from the
   real samples in ``../shared/data/openalex-works-api-samples`` (both schema generations, every work copied with
   a new id until ``--works`` works), against reading the same file:

   * ``duckdb read_json (same fields)``: DuckDB's ``read_json`` with the columns innovatlas keeps, into a table;
   * ``duckdb read_json (auto)``: ``CREATE TABLE AS SELECT * FROM read_json(file)`` with schema detection;
   * ``python json + duckdb``: ``json.loads`` per line, the same fields into Arrow, loaded into DuckDB.

   Goal: within 2x of DuckDB's raw JSON read.

2. **Co-publication edges** for a synthetic set of ``--edge-works`` works (default one million; 1-5 authors each,
   one or two institutions per author drawn from 50,000 with a skewed distribution; 5,000 of them registry
   organisations that are members of the national ecosystem, 500 of a city ecosystem), generated in DuckDB: the
   product's own statement (:data:`innovatlas.store.queries.publications.INSERT_EDGES`, a self-join of the
   work-organisation rows) and the #15-#17 indicator statement. Goal: edges for 1M works in under a minute on 2 cores.

    python bench/bench_openalex.py --data ../shared/data [--works 5000] [--edge-works 1000000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import tempfile
import time
from pathlib import Path


def make_jsonl(data: Path, out: Path, n: int) -> int:
    folder = data / "openalex-works-api-samples"
    base = []
    for f in sorted(folder.glob("*.json.gz")):
        doc = json.loads(gzip.open(f).read())
        base += doc["results"] if isinstance(doc, dict) else doc
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(n):
            w = dict(base[i % len(base)])
            w["id"] = f"https://openalex.org/W{9_000_000_000 + i}"
            fh.write(json.dumps(w) + "\n")
    return out.stat().st_size


def bench_import(data: Path, n: int, tmp: Path) -> dict:
    import duckdb
    import pyarrow as pa

    from innovatlas.sources import openalex
    from innovatlas.store import Workspace
    from innovatlas.store.queries.sources_openalex import WORK_FIELDS

    f = tmp / "works.jsonl"
    size = make_jsonl(data, f, n)
    out = {"works": n, "file_mb": size / 1e6}
    ws = Workspace(tmp / "import.duckdb")
    t = time.perf_counter()
    openalex.import_paths(ws, [f])
    out["innovatlas import"] = time.perf_counter() - t
    out["rows"] = ws.scalar("SELECT count(*) FROM openalex_work"), ws.scalar("SELECT count(*) FROM openalex_affiliation")
    ws.close()
    cols = "{" + ", ".join(f"'{k}': '{v}'" for k, v in WORK_FIELDS.items()) + "}"
    con = duckdb.connect(str(tmp / "raw.duckdb"))
    t = time.perf_counter()
    con.execute(f"CREATE TABLE same AS SELECT * FROM read_json('{f}', columns = {cols}, format = 'newline_delimited')")
    out["duckdb read_json (same fields)"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        con.execute(f"CREATE TABLE auto AS SELECT * FROM read_json('{f}', format = 'newline_delimited', "
                    "maximum_object_size = 1073741824)")
        out["duckdb read_json (auto)"] = time.perf_counter() - t
    except duckdb.Error as exc:
        out["duckdb read_json (auto)"] = f"failed: {str(exc)[:80]}"
    t = time.perf_counter()
    keep = {k: [] for k in ("id", "doi", "publication_year", "type", "authorships")}
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            w = json.loads(line)
            keep["id"].append(w.get("id"))
            keep["doi"].append(w.get("doi"))
            keep["publication_year"].append(w.get("publication_year"))
            keep["type"].append(w.get("type"))
            keep["authorships"].append([{"author": (a.get("author") or {}).get("id"), "position": a.get("author_position"),
                                         "institutions": [{"id": i.get("id"), "ror": i.get("ror"), "type": i.get("type"),
                                                           "country": i.get("country_code")} for i in a.get("institutions") or []]}
                                        for a in w.get("authorships") or []])
    tbl = pa.table(keep)
    con.register("py", tbl)
    con.execute("CREATE TABLE py_works AS SELECT * FROM py")
    out["python json + duckdb"] = time.perf_counter() - t
    con.close()
    return out


def bench_edges(n: int, tmp: Path) -> dict:
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.store import Workspace
    from innovatlas.store.queries import publications as Q

    ws = Workspace(tmp / "edges.duckdb")
    t = time.perf_counter()
    u = "(hash(w, a, k) % 1000000) / 1000000.0"
    ws.execute(f"""INSERT INTO openalex_work SELECT 'W' || w, NULL, NULL, 2000 + CAST(w % 23 AS INTEGER), 'article',
                   w % 3 = 0, 'gold', NULL, '2025', 1, w FROM range({n}) t(w)""")
    ws.execute(f"""INSERT INTO openalex_authorship SELECT 'W' || w, CAST(a AS INTEGER), 'A' || (hash(w, a) % 3000000),
                   NULL, NULL, 'middle', NULL, 1 FROM range({n}) t(w), LATERAL range(1, 2 + CAST(hash(w) % 5 AS BIGINT)) s(a)""")
    ws.execute(f"""INSERT INTO openalex_affiliation
                   SELECT 'W' || w, CAST(a AS INTEGER), 'I' || i, 'r' || lpad(CAST(i AS VARCHAR), 8, '0'), 'Inst ' || i,
                          CASE WHEN i % 10 = 0 THEN 'company' WHEN i % 10 = 1 THEN 'government' ELSE 'education' END,
                          CASE WHEN i < 8000 THEN 'NL' WHEN i % 3 = 0 THEN 'DE' WHEN i % 3 = 1 THEN 'US' ELSE 'FR' END, 1
                   FROM (SELECT w, a, k, CAST(floor(50000 * pow({u}, 3)) AS BIGINT) AS i
                         FROM (SELECT w, a FROM range({n}) t(w), LATERAL range(1, 2 + CAST(hash(w) % 5 AS BIGINT)) s(a)),
                              LATERAL range(0, CASE WHEN hash(w, a) % 5 = 0 THEN 2 ELSE 1 END) k(k))""")
    ws.execute("""INSERT INTO registry_identifier SELECT 'ror:r' || lpad(CAST(i AS VARCHAR), 8, '0'), 'pic', CAST(i + 1 AS VARCHAR),
                  NULL, 'bench' FROM range(5000) t(i)""")
    ws.execute("INSERT INTO ecosystem_member SELECT 'nl', i + 1 FROM range(5000) t(i)")
    ws.execute("INSERT INTO ecosystem_member SELECT 'city', i + 1 FROM range(0, 5000, 10) t(i)")
    out = {"works": n, "authorships": ws.scalar("SELECT count(*) FROM openalex_authorship"),
           "affiliations": ws.scalar("SELECT count(*) FROM openalex_affiliation"), "generate": time.perf_counter() - t}
    t = time.perf_counter()
    with ws.transaction():
        ws.execute(Q.INSERT_EDGES)
    out["edges (nl + city)"] = time.perf_counter() - t
    out["links"] = dict(ws.rows("SELECT ecosystem_id, count(*) FROM copub_edge GROUP BY 1"))
    t = time.perf_counter()
    with ws.transaction():
        compute_on_duckdb(ws)
    out["#15-#17 indicators"] = time.perf_counter() - t
    ws.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--works", type=int, default=5000, help="works in the import file")
    ap.add_argument("--edge-works", type=int, default=1_000_000, help="synthetic works for the edge generation")
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="bench-openalex-") as d:
        tmp = Path(d)
        r = bench_import(args.data, args.works, tmp) if args.works else None
        if r:
            print(f"\nimport: {r['works']:,} works, {r['file_mb']:.0f} MB JSON Lines; rows {r['rows']}")
        for k in ("innovatlas import", "duckdb read_json (same fields)", "duckdb read_json (auto)",
                  "python json + duckdb") if r else ():
            v, base = r[k], r["duckdb read_json (same fields)"]
            if isinstance(v, str):
                print(f"  {k:32s} {v}")
            else:
                print(f"  {k:32s} {v:7.2f} s  {r['works'] / v:10,.0f} works/s  {v / base:5.2f}x DuckDB read_json")
        e = bench_edges(args.edge_works, tmp)
        print(f"\nco-publication edges: {e['works']:,} works, {e['authorships']:,} authorships, "
              f"{e['affiliations']:,} author-institution rows (generated in {e['generate']:.1f} s)")
        print(f"  edges (self-join, two ecosystems) {e['edges (nl + city)']:7.2f} s  links {e['links']}")
        print(f"  #15-#17 indicators              {e['#15-#17 indicators']:7.2f} s")


if __name__ == "__main__":
    main()
