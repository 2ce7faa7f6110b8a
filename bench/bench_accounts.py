"""Page latency with accounts on (issue 12): logged-in page loads, p50/p95 warm.

    python bench/bench_accounts.py --workspace build/demo.duckdb [--requests 100]

Copies the workspace (or builds the demo one with --data), adds an editor of Delft, starts the real server
(uvicorn, ``innovatlas serve``) on loopback in a subprocess, logs in with httpx (real login form, CSRF,
signed session cookie) and sends a bounded number of warm sequential requests per page, each one through the
login check of every request (session signature, the user's roles from the workspace). Prints p50/p95.
Goal: p95 < 100 ms warm on 2 cores. The first pages are also timed anonymously on the same server to show
what the login check costs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PAGES = [
    "/",
    "/ecosystems/delft",
    "/ecosystems/delft/monitoring",
    "/ecosystems/delft/edit",
    "/ecosystems/delft/snapshots/compare?a=bench",
    "/community?focus=delft",
    "/api/ecosystems/delft/alerts",
    "/api/ecosystems/delft/summary",
]
PW = "bench password 2026"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--workspace", type=Path)
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--baseline", action="store_true", help="also time the read pages on a copy without accounts")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="innovatlas-accountsbench-"))
    ws = tmp / "ws.duckdb"
    if args.workspace:
        shutil.copy(args.workspace, ws)
    else:
        subprocess.run([sys.executable, "-m", "innovatlas.cli", "demo", "--data", str(args.data), "--workspace", str(ws),
                        "--out", str(tmp / "report")], check=True, capture_output=True)
    env = dict(os.environ, INNOVATLAS_PASSWORD=PW)
    cli = [sys.executable, "-m", "innovatlas.cli"]
    subprocess.run(cli + ["users", "add", "bench", "--role", "editor", "--ecosystem", "delft", "-w", str(ws)], check=True,
                   env=env, capture_output=True)
    subprocess.run(cli + ["snapshot", "delft", "--label", "bench", "-w", str(ws)], check=True, capture_output=True)
    worst = serve_and_time(cli, ws, args.requests, login=True)
    print(f"\nworst p95 logged in: {worst:.1f} ms (goal < 100 ms)")
    if args.baseline:  # the same read pages on the same data without accounts (read-only, no login check)
        base_ws = tmp / "baseline.duckdb"
        shutil.copy(args.workspace, base_ws) if args.workspace else shutil.copy(ws, base_ws)
        subprocess.run(cli + ["snapshot", "delft", "--label", "bench", "-w", str(base_ws)], capture_output=True)
        worst = serve_and_time(cli, base_ws, args.requests, login=False)
        print(f"\nworst p95 without accounts: {worst:.1f} ms")
    shutil.rmtree(tmp, ignore_errors=True)


def serve_and_time(cli: list[str], ws: Path, requests: int, login: bool) -> float:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(cli + ["serve", "--workspace", str(ws), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(300):
                try:
                    client.get("/api/coverage" if not login else "/login")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            if login:
                anon = client.get("/ecosystems/delft", follow_redirects=False).status_code
                csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
                t = time.perf_counter()
                r = client.post("/login", data={"csrf": csrf, "username": "bench", "password": PW}, follow_redirects=False)
                login_ms = (time.perf_counter() - t) * 1000
                assert r.status_code == 303, r.text
                print(f"accounts on: anonymous /ecosystems/delft -> {anon} (login asked); login (argon2id verify) "
                      f"{login_ms:.0f} ms")
            # wait for the server's background warm-up (national network layouts) so it does not share the cores
            for url in ("/api/ecosystems/nl/network?compact=true", "/api/ecosystems/nl/network?compact=true&partners=true",
                        "/api/ecosystems/nl/network/view"):
                client.get(url)
            time.sleep(2)
            print(f"\n{'Logged-in' if login else 'Anonymous (no accounts)'} page latency over {requests} warm sequential "
                  "requests per page (loopback, 2 cores)\n")
            print(f"{'page':50} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}")
            worst = 0.0
            for url in PAGES if login else [p for p in PAGES if "/edit" not in p]:
                r = client.get(url)
                assert r.status_code == 200, (url, r.status_code)
                times = []
                for _ in range(requests):
                    t = time.perf_counter()
                    client.get(url)
                    times.append((time.perf_counter() - t) * 1000)
                worst = max(worst, pct(times, 95))
                print(f"{url:50} {statistics.median(times):8.1f} {pct(times, 95):8.1f} {len(r.content):10,}")
            return worst
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
