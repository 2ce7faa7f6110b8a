"""First render of the WebGL network view in Chromium: the national ecosystem and every H2020 participant.

    python bench/bench_network_view.py --data ../shared/data [--workspace W] [--repeat 3]

Issue 11, item 5: the whole H2020 network (35,871 organisations, 796,670 links) opens in the
browser; goal: first render under 3 s cold on 2 cores. The workspace is the real demo data
analysed with the demo definitions plus one definition without filters (every participant), as
``innovatlas analyse --ecosystems FILE`` adds it (built here unless --workspace names one that
has the ``everyone`` ecosystem; a workspace without it is copied and analysed again).

For each ecosystem and repetition: a fresh server process (``innovatlas serve``) and a fresh
Chromium (Debian's, through Playwright, software WebGL as in the tests); then three page loads
timed from navigation start to the graph drawn (``window.__networkRendered``, set by
``network.js`` two animation frames after sigma's first render):

* ``at start``: a visit as soon as the server answers, while the app's own start-up warm-up
  (the national network with and without partners) still runs beside it;
* ``cold``: the first visit to the page once the server is idle after its start-up: the server
  computes everything for it (for the every-participant network the layout of 35,871 nodes) and
  the browser has no cache (a fresh Chromium);
* ``cold browser``: a new browser context (empty cache) against the now warm server;
* ``warm``: a reload in that context (the view's payload is revalidated by its ETag).

Prints the payload (bytes on the wire and decoded, from the browser's Resource Timing), the nodes
and links drawn, the medians, and the machine's load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

EVERYONE = """
[[ecosystem]]
id = "everyone"
name_en = "Every participant"
name_nl = "Alle deelnemers"
description = "Every organisation in the imported CORDIS participations: no filters."
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def workspace(args, tmp: Path) -> Path:
    """A workspace with the demo ecosystems and 'everyone' (built, reused or completed)."""
    from innovatlas.analysis import analyse, ecosystems, load_definitions
    from innovatlas.store import Workspace

    defs = tmp / "everyone.toml"
    defs.write_text(EVERYONE, encoding="utf-8")
    if args.workspace and args.workspace.exists():
        with Workspace(args.workspace, read_only=True) as w:
            if any(e["ecosystem_id"] == "everyone" for e in ecosystems(w)):
                return args.workspace
        path = tmp / "everyone.duckdb"
        shutil.copy(args.workspace, path)
    else:
        from innovatlas.demo import DEMO_FILES
        from innovatlas.sources import get_source

        path = tmp / "everyone.duckdb"
        t = time.perf_counter()
        with Workspace(path) as w:
            for source in ("geo", "ror", "cordis", "ris"):
                get_source(source).import_paths(w, [args.data / rel for s, rel in DEMO_FILES if s == source])
        print(f"imported the demo data in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    with Workspace(path) as w:
        analyse(w, load_definitions(defs))
    print(f"analysed the demo ecosystems and every participant in {time.perf_counter() - t:.1f} s "
          f"(innovatlas analyse --ecosystems everyone.toml)")
    return path


def start_server(ws: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "innovatlas.cli", "serve", "--workspace", str(ws), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            httpx.get(base + "/api/ecosystems", timeout=5).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start")


def wait_idle(pid: int, limit: float = 180.0) -> float:
    """Seconds until the server process uses under 5 % of a core (its start-up warm-up of the national network done)."""
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        before = cpu()
        time.sleep(0.5)
        if cpu() - before < 0.025:
            break
    return time.perf_counter() - t0


def visit(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_function("window.__networkRendered !== undefined", timeout=180000)
    net = page.evaluate("window.__network")
    res = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter(r => /\\/api\\/ecosystems\\/[^/]+\\/network/.test(r.name))
        .map(r => ({url: r.name, wire: r.encodedBodySize, decoded: r.decodedBodySize, ms: r.responseEnd - r.startTime,
                    start: r.startTime, end: r.responseEnd}))""")
    html = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
    return {"ms": page.evaluate("window.__networkRendered"), "net": net, "resources": res, "html": html,
            "note": page.locator("#lod-note").inner_text() if page.locator("#lod").is_visible() else ""}


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--workspace", type=Path, help="a workspace to reuse (analysed again with 'everyone' if it lacks it)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="innovatlas-netview-"))
    ws = workspace(args, tmp)
    print(f"\nload average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print("first render in Chromium (navigation start -> graph drawn), ms; per run also when the page arrived, when the data "
          "request ran and how long building the graph and sigma's first render took (ms after navigation start)\n")
    summary = []
    with sync_playwright() as p:
        for eco, label in (("nl", "national (Dutch participants)"), ("everyone", "every H2020 participant")):
            runs: dict[str, list[float]] = {"at start": [], "cold": [], "cold browser": [], "warm": []}
            last = None
            for r in range(args.repeat):
                url_of = lambda base: f"{base}/ecosystems/{eco}/network"  # noqa: E731
                proc, base = start_server(ws)  # visited at once, beside the app's start-up warm-up
                try:
                    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    start = visit(ctx.new_page(), url_of(base))
                    ctx.close()
                    browser.close()
                finally:
                    proc.terminate()
                    proc.wait(timeout=20)
                proc, base = start_server(ws)
                try:
                    idle = wait_idle(proc.pid)
                    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                    url = url_of(base)
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    cold = visit(ctx.new_page(), url)
                    ctx.close()
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = ctx.new_page()
                    fresh = visit(page, url)
                    warm = visit(page, url)
                    ctx.close()
                    browser.close()
                finally:
                    proc.terminate()
                    proc.wait(timeout=20)
                for k, v in (("at start", start), ("cold", cold), ("cold browser", fresh), ("warm", warm)):
                    runs[k].append(v["ms"])
                last = cold
                requests = lambda v: ", ".join("%.0f-%.0f" % (x["start"], x["end"]) for x in v["resources"])  # noqa: E731
                print(f"  {eco:9} run {r + 1}: at start {start['ms']:6.0f}  cold {cold['ms']:6.0f}  "
                      f"cold browser {fresh['ms']:6.0f}  warm {warm['ms']:6.0f}   (server idle after {idle:.1f} s)"
                      f"\n{'':13}cold: page at {cold['html']:.0f}, data {requests(cold)}, graph build + sigma "
                      f"{cold['net']['drawMs']} | cold browser: page at {fresh['html']:.0f}, data {requests(fresh)}, "
                      f"graph build + sigma {fresh['net']['drawMs']}")
            net, res = last["net"], last["resources"]
            wire, decoded = sum(x["wire"] for x in res), sum(x["decoded"] for x in res)
            shown = f"{net['edges']:,} of {net.get('total', net['edges']):,}"
            summary.append((label, net["nodes"], shown, wire, decoded,
                            *(statistics.median(runs[k]) for k in ("at start", "cold", "cold browser", "warm")), last["note"]))
    print(f"\n{'ecosystem':32} {'nodes':>7} {'links shown':>20} {'payload wire':>13} {'decoded':>11} "
          f"{'at start':>8} {'cold':>7} {'cold br.':>8} {'warm':>7}   (medians of {args.repeat}, ms)")
    for label, nodes, shown, wire, decoded, st, c, cb, w, note in summary:
        print(f"{label:32} {nodes:7,} {shown:>20} {wire:13,} {decoded:11,} {st:8.0f} {c:7.0f} {cb:8.0f} {w:7.0f}")
        if note:
            print(f"{'':32} page: \"{note}\"")
    print(f"\ngoal: the every-participant network under 3,000 ms cold on 2 cores; "
          f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
