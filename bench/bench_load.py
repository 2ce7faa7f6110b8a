"""Load test (issue 13, point 5): the real server under concurrent clients, its memory across repeated runs.

    python bench/bench_load.py --workspace build/demo.duckdb [--clients 20 --requests 5000 --runs 3 --workers 2]
    python bench/bench_load.py --data ../shared/data            # builds the demo workspace first

Starts ``innovatlas serve`` (a real uvicorn, as a user would) on a free loopback port, waits for it, warms
every URL once, then runs ``--runs`` rounds of ``--requests`` requests from ``--clients`` concurrent
asyncio clients (httpx) over a fixed mix of pages, API calls and downloads (:data:`MIX`, cycled in a
shuffled order with a fixed seed). Prints per round: throughput, p50/p95/p99 per kind (page, api,
download), errors (anything but 2xx/3xx, and transport errors), and the server's resident memory
(RSS of the server process and its workers, from /proc) before and after each round.

Goals (issue 13): 0 errors; at least twice the baseline throughput (134-143 req/s at 20 clients) at the
same p95 or better; p95 under 100 ms for API calls; memory flat across repeated rounds. The client
runs on the same machine, so on 2 cores it takes part of the CPU the server could use.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

# (kind, path): a fixed mix; query strings vary so that caches keyed by them are exercised
MIX: list[tuple[str, str]] = [
    ("page", "/"),
    ("page", "/?lang=nl"),
    ("page", "/ecosystems/eindhoven"),
    ("page", "/ecosystems/delft?lang=nl"),
    ("page", "/organisations/999977366"),
    ("page", "/organisations?q=universiteit"),
    ("page", "/compare?a=delft&b=eindhoven"),
    ("page", "/europe"),
    ("api", "/api/ecosystems"),
    ("api", "/api/ecosystems/nl"),
    ("api", "/api/ecosystems/nl/summary"),
    ("api", "/api/ecosystems/eindhoven/indicators"),
    ("api", "/api/ecosystems/eindhoven/series?measure=participations"),
    ("api", "/api/ecosystems/eindhoven/overlaps"),
    ("api", "/api/ecosystems/nl/organisations?limit=50"),
    ("api", "/api/ecosystems/eindhoven/network"),
    ("api", "/api/ecosystems/delft/diagnosis"),
    ("api", "/api/organisations?q=universiteit"),
    ("api", "/api/organisations?q=tech&offset={n}"),
    ("api", "/api/organisations/999977366"),
    ("api", "/api/compare?a=delft&b=eindhoven"),
    ("api", "/api/map/province"),
    ("api", "/api/coverage"),
    ("api", "/api/indicators"),
    ("download", "/api/download/eindhoven/indicators.csv"),
    ("download", "/api/download/delft/organisations.xlsx"),
    ("download", "/api/download/eindhoven/network.gexf"),
    ("download", "/api/download/map/province.geojson"),
]


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return seen


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server and its workers: on a shared machine the fair measure of cost."""
    total = 0.0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (uvicorn workers), in MB."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


async def run_round(base: str, urls: list[tuple[str, str]], clients: int) -> tuple[float, dict, list[str]]:
    queue: asyncio.Queue = asyncio.Queue()
    for item in urls:
        queue.put_nowait(item)
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker() -> None:
            while True:
                try:
                    kind, path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    await r.aread()
                    if r.status_code >= 400:
                        errors.append(f"{r.status_code} {path}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {path}")
                times.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    return elapsed, times, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workspace", type=Path, help="an analysed workspace (default: build the demo from --data)")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None, help="server worker processes (default: innovatlas serve's)")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as each round ends

    ws = args.workspace
    if ws is None:
        tmp = Path(tempfile.mkdtemp(prefix="innovatlas-load-"))
        ws = tmp / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "innovatlas.cli", "demo", "--data", str(args.data), "--workspace", str(ws),
                        "--out", str(tmp / "report")], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    cmd = [sys.executable, "-m", "innovatlas.cli", "serve", "--workspace", str(ws), "--port", str(port)]
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]
    log = tempfile.NamedTemporaryFile("w+", prefix="innovatlas-load-server-", suffix=".log", delete=False)
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/ecosystems", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            sys.exit("the server did not start: " + Path(log.name).read_text()[-2000:])
        rng = random.Random(13)
        mix = [(k, p.format(n=rng.randrange(0, 200) * 20)) for k, p in MIX]
        for kind, path in mix:  # warm: the first request of a URL (layouts, caches) is not what load measures
            httpx.get(base + path, timeout=120)
        time.sleep(2)  # let the background warm-up finish
        print(f"innovatlas load test: {args.clients} concurrent clients, {args.requests:,} requests per round, "
              f"{len(MIX)} URLs ({sum(k == 'page' for k, _ in MIX)} pages, {sum(k == 'api' for k, _ in MIX)} API, "
              f"{sum(k == 'download' for k, _ in MIX)} downloads), server: {' '.join(cmd[3:])}")
        print(f"{'round':>5} {'req/s':>7} {'errors':>6} {'kind':>8} {'n':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
              f"{'RSS before':>10} {'RSS after':>9} {'server CPU ms/req':>17}")
        first_rss = rss_mb(server.pid)
        for rnd in range(1, args.runs + 1):
            urls = []
            while len(urls) < args.requests:
                batch = [(k, p.format(n=rng.randrange(0, 200) * 20)) for k, p in MIX]
                rng.shuffle(batch)
                urls += batch
            urls = urls[:args.requests]
            before, cpu0 = rss_mb(server.pid), cpu_seconds(server.pid)
            elapsed, times, errors = asyncio.run(run_round(base, urls, args.clients))
            after, cpu = rss_mb(server.pid), (cpu_seconds(server.pid) - cpu0) * 1000 / len(urls)
            allt = [t for v in times.values() for t in v]
            rows = [("all", allt)] + sorted(times.items())
            for i, (kind, ts) in enumerate(rows):
                head = (f"{rnd:>5} {len(urls) / elapsed:>7.0f} {len(errors):>6}" if i == 0 else " " * 20)
                tail = f" {before:>8.0f}MB {after:>7.0f}MB {cpu:>17.1f}" if i == 0 else ""
                print(f"{head} {kind:>8} {len(ts):>5} {statistics.median(ts):>7.1f} {pct(ts, 95):>7.1f} {pct(ts, 99):>7.1f}{tail}")
            if errors:
                print("      errors:", ", ".join(sorted(set(errors))[:5]), f"(server log: {log.name})")
        print(f"server memory: {first_rss:.0f} MB after warm-up, {rss_mb(server.pid):.0f} MB after {args.runs} rounds; "
              f"load average of the machine: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
