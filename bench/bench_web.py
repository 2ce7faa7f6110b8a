"""Latency of the main API endpoints and first render of the national network view.

    python bench/bench_web.py --data ../shared/data [--requests 200]

Builds the demo workspace (or reuses --workspace), starts the real server (uvicorn) on
loopback in a subprocess, sends a bounded number of sequential warm requests per endpoint
with httpx and prints p50/p95; then opens the network view of the national ecosystem in
headless Chromium (Playwright, Debian's chromium) and times navigation -> first WebGL
render, for the Dutch participants and for the Dutch participants with all their partners.
Goals (issue 4): p95 < 100 ms warm on 2 cores; national network first render < 2 s.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ENDPOINTS = [
    "/api/ecosystems",
    "/api/ecosystems/nl",
    "/api/ecosystems/nl/summary",
    "/api/ecosystems/eindhoven/indicators",
    "/api/ecosystems/eindhoven/series?measure=participations",
    "/api/ecosystems/eindhoven/overlaps",
    "/api/ecosystems/nl/organisations?limit=50",
    "/api/ecosystems/eindhoven/network",
    "/api/ecosystems/nl/network?compact=true",
    "/api/organisations?q=universiteit",
    "/api/organisations/999977366",
    "/api/compare?a=delft&b=eindhoven",
    "/api/map/province",
    "/",
    "/ecosystems/eindhoven",
    "/organisations/999977366",
]


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
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="innovatlas-webbench-"))
    ws = args.workspace
    if ws is None:
        ws = tmp / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "innovatlas.cli", "demo", "--data", str(args.data), "--workspace", str(ws),
                        "--out", str(tmp / "report")], check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "innovatlas.cli", "serve", "--workspace", str(ws), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/api/ecosystems")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            print(f"API latency over {args.requests} warm sequential requests per endpoint (loopback, 2 cores)\n")
            print(f"{'endpoint':55} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}")
            worst = 0.0
            for url in ENDPOINTS:
                r = client.get(url)  # warm-up (also fills the layout cache)
                r.raise_for_status()
                times = []
                for _ in range(args.requests):
                    t = time.perf_counter()
                    client.get(url)
                    times.append((time.perf_counter() - t) * 1000)
                worst = max(worst, pct(times, 95))
                print(f"{url:55} {statistics.median(times):8.1f} {pct(times, 95):8.1f} {len(r.content):10,}")
            print(f"\nworst p95: {worst:.1f} ms (goal < 100 ms)")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"])
            for label, partners in (("national network (2,061 Dutch participants)", False),
                                    ("national network with all partners", True)):
                for run in ("cold", "warm"):
                    pg = b.new_page(viewport={"width": 1280, "height": 900})
                    pg.goto(base + "/ecosystems/nl/network")
                    pg.wait_for_function("window.__network !== undefined", timeout=60000)
                    if partners:
                        pg.check("input[name=partners]")
                        pg.evaluate("window.__network = undefined")
                        t = time.perf_counter()
                        pg.click("button[type=submit]")
                        pg.wait_for_function("window.__network !== undefined", timeout=60000)
                        ms = (time.perf_counter() - t) * 1000
                    else:
                        ms = pg.evaluate("window.__network.renderedAt")  # since navigation start
                    net = pg.evaluate("window.__network")
                    print(f"first render, {label}, {run}: {ms:7.0f} ms  ({net['nodes']:,} nodes, {net['edges']:,} edges; "
                          f"graph build + WebGL draw {net['drawMs']} ms)")
                    pg.close()
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
