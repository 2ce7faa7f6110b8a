"""The EU-wide network in the browser (issue 11, item 5): the level-of-detail network view.

The workspace is the real demo workspace analysed once more with one extra definition file
holding an ecosystem without filters (every H2020 participant), as a user would add it with
``innovatlas analyse --ecosystems FILE``. References are independent DuckDB queries over the
raw CORDIS participation file (not over the workspace): organisations, co-participation pairs
and their joint projects.
"""

from __future__ import annotations

import io
import shutil
import socket
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import pytest
from fastapi.testclient import TestClient

from conftest import ARTIFACTS, SHARED
from innovatlas.store import Workspace

pytestmark = pytest.mark.integration

RAW = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
EVERYONE = """
[[ecosystem]]
id = "everyone"
name_en = "Every participant"
name_nl = "Alle deelnemers"
description = "Every organisation in the imported CORDIS participations: no filters."
"""


@pytest.fixture(scope="module")
def reference():
    """From the raw file: organisations, and per joint-project count the number of co-participation pairs."""
    con = duckdb.connect()
    con.execute("""CREATE TABLE p AS SELECT DISTINCT rcn, pic, TRY_CAST(start_year AS INTEGER) AS y
                   FROM read_csv(?, nullstr = 'NA', types = {'start_year': 'VARCHAR'})""", [str(RAW)])
    nodes = con.execute("SELECT count(DISTINCT pic) FROM p").fetchone()[0]
    pairs = con.execute("""SELECT a.pic AS a, b.pic AS b, count(*) AS w FROM p a JOIN p b ON a.rcn = b.rcn AND a.pic < b.pic
                           GROUP BY 1, 2""").fetchnumpy()
    # projects starting in 2019 or later
    late_nodes = con.execute("SELECT count(DISTINCT pic) FROM p WHERE y >= 2019").fetchone()[0]
    late = np.asarray(con.execute("""SELECT count(*) AS w FROM p a JOIN p b ON a.rcn = b.rcn AND a.pic < b.pic
                                     WHERE a.y >= 2019 GROUP BY a.pic, b.pic""").fetchnumpy()["w"])
    con.close()
    w = np.asarray(pairs["w"])

    def threshold(budget: int) -> int:
        """The smallest weight whose links (with all stronger ones) fit in the budget: whole weight classes."""
        return int(min(k for k in np.unique(w) if (w >= k).sum() <= budget))

    return {"nodes": nodes, "links": len(w), "pairs": pairs, "at_least": lambda k: int((w >= k).sum()),
            "threshold_for": threshold, "threshold": threshold(50_000),
            "late": {"nodes": late_nodes, "links": len(late),
                     "threshold": int(min(k for k in np.unique(late) if (late >= k).sum() <= 50_000)),
                     "at_least": lambda k: int((late >= k).sum())}}


@pytest.fixture(scope="module")
def everyone_workspace(real_workspace, tmp_path_factory) -> Path:
    """The real workspace analysed with the demo definitions plus the every-participant ecosystem (built once:
    about 20-30 s on 2 cores, most of it the networks; betweenness is estimated on the big one)."""
    from innovatlas.analysis import analyse, load_definitions

    tmp = tmp_path_factory.mktemp("everyone")
    path = tmp / "everyone.duckdb"
    shutil.copy(real_workspace, path)
    defs = tmp / "everyone.toml"
    defs.write_text(EVERYONE, encoding="utf-8")
    t = time.perf_counter()
    with Workspace(path) as w:
        analyse(w, load_definitions(defs), unit="pic")  # compared with the raw file's PICs (the unit is tested elsewhere)
    print(f"analysed the demo ecosystems and every participant in {time.perf_counter() - t:.1f} s")
    return path


@pytest.fixture(scope="module")
def client(everyone_workspace):
    from innovatlas.web import create_app

    with TestClient(create_app(everyone_workspace)) as c:
        yield c


@pytest.fixture(scope="module")
def lod_server(everyone_workspace):
    """uvicorn on a free loopback port over the workspace with the every-participant ecosystem."""
    import uvicorn

    from innovatlas.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(everyone_workspace), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def _coloured_share(png: bytes) -> float:
    """Share of the pixels that are clearly coloured (the nodes are coloured by type; links and background are grey)."""
    from PIL import Image

    px = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    return float(((px.max(axis=2) - px.min(axis=2)) > 60).mean())


def test_every_participant_network_opens_with_the_strongest_links(page, lod_server, reference):
    page.goto(lod_server + "/ecosystems/everyone/network")
    page.wait_for_function("() => window.__network !== undefined && window.__networkRendered !== undefined", timeout=120000)
    net = page.evaluate("window.__network")
    t = reference["threshold"]
    assert net["mode"] == "lod"
    assert net["nodes"] == reference["nodes"] == 35871  # the figure, and the raw file's
    assert net["total"] == reference["links"] == 796670
    assert net["minWeight"] == t and net["edges"] == reference["at_least"](t) <= 50_000 < reference["at_least"](t - 1)
    note = page.locator("#lod-note").inner_text()
    assert note == (f"Showing the {reference['at_least'](t):,} strongest of {reference['links']:,} links: "
                    f"those with at least {t} joint projects.")
    assert f"{reference['nodes']:,} organisations" in page.locator("#status").inner_text()
    # the nodes are drawn: the WebGL canvas holds coloured pixels (nodes by type) all over the picture
    shot = page.locator("#graph").screenshot(path=str(ARTIFACTS / "network-everyone.png"))
    assert _coloured_share(shot) > 0.02
    assert page.locator("input[name=partners]").is_disabled()  # no partners in this view, and the page says so
    # one more weight class: only the links not yet loaded come, and the note follows
    page.click("#lod-more")
    page.wait_for_function(f"() => window.__network.minWeight === {t - 1}", timeout=60000)
    net = page.evaluate("window.__network")
    assert net["edges"] == reference["at_least"](t - 1) and net["nodes"] == reference["nodes"]
    assert f"the {reference['at_least'](t - 1):,} strongest of" in page.locator("#lod-note").inner_text()
    # and back up again: the weaker links are dropped
    page.select_option("#lod-threshold", str(t + 1))
    page.wait_for_function(f"() => window.__network.minWeight === {t + 1}", timeout=60000)
    assert page.evaluate("window.__innovatlas.graph.size") == reference["at_least"](t + 1)


def test_a_year_filter_hides_organisations_and_moves_none(page, lod_server, reference):
    page.goto(lod_server + "/ecosystems/everyone/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=120000)
    before = page.evaluate("""() => { const g = window.__innovatlas.graph, out = {};
        g.forEachNode((k, a) => { out[k] = [a.x, a.y]; }); return out; }""")
    page.fill("input[name=year_from]", "2019")
    page.evaluate("window.__network = undefined")
    page.click("button[type=submit]")
    page.wait_for_function("() => window.__network !== undefined", timeout=120000)
    net, late = page.evaluate("window.__network"), reference["late"]
    assert net["nodes"] == late["nodes"] and net["total"] == late["links"]
    assert net["minWeight"] == late["threshold"] and net["edges"] == late["at_least"](late["threshold"])
    after = page.evaluate("""() => { const g = window.__innovatlas.graph, out = {};
        g.forEachNode((k, a) => { out[k] = [a.x, a.y]; }); return out; }""")
    assert after and all(before[k] == xy for k, xy in after.items())
    assert "year_from=2019" in page.url


def test_the_note_is_dutch_on_the_dutch_page(page, lod_server, reference):
    page.goto(lod_server + "/ecosystems/everyone/network?lang=nl")
    page.wait_for_function("() => window.__network !== undefined", timeout=120000)
    t = reference["threshold"]
    dutch = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    assert page.locator("#lod-note").inner_text() == (
        f"Getoond: de {dutch(reference['at_least'](t))} sterkste van {dutch(reference['links'])} verbindingen, "
        f"die met minstens {t} gezamenlijke projecten.")
    assert f"{dutch(reference['nodes'])} organisaties" in page.locator("#status").inner_text()


def test_small_ecosystems_keep_the_existing_view(page, lod_server):
    page.goto(lod_server + "/ecosystems/delft/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=60000)
    assert page.evaluate("window.__network.mode") is None and page.locator("#lod").is_hidden()
    assert page.locator("input[name=partners]").is_enabled()


def test_the_payload_holds_exactly_the_strongest_pairs_of_the_raw_file(client, reference):
    from innovatlas.network.view import decode

    r = client.get("/api/ecosystems/everyone/network/view")
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    assert r.headers.get("content-encoding") == "gzip"  # the test client asks for gzip, as browsers do
    header, cols = decode(r.content)
    t = reference["threshold"]
    assert header["links_total"] == reference["links"] and header["min_weight"] == t
    assert header["nodes"] == len(cols["id"]) == len(cols["x"]) == len(header["labels"]) == reference["nodes"]
    assert np.isfinite(cols["x"]).all() and np.isfinite(cols["y"]).all() and len(np.unique(cols["x"])) > 30000
    ids = cols["id"].astype(np.int64)
    got = set(zip(ids[cols["source"]].tolist(), ids[cols["target"]].tolist(), cols["weight"].tolist()))
    p = reference["pairs"]
    strong = np.asarray(p["w"]) >= t
    want = set(zip(np.asarray(p["a"])[strong].tolist(), np.asarray(p["b"])[strong].tolist(),
                   np.asarray(p["w"])[strong].tolist()))
    assert got == want
    assert (np.diff(cols["weight"].astype(int)) <= 0).all()  # strongest first
    # the degree of every node counts all its links, not only the ones sent
    deg = np.bincount(np.searchsorted(ids, np.r_[np.asarray(p["a"]), np.asarray(p["b"])]), minlength=len(ids))
    assert (cols["degree"] == deg).all()
    # the next weight class, and the ETag: a reload is a 304
    more = client.get(f"/api/ecosystems/everyone/network/view/links?min_weight={t - 1}&below={t}")
    h2, c2 = decode(more.content)
    assert h2["links"] == len(c2["source"]) == reference["at_least"](t - 1) - reference["at_least"](t)
    assert set(c2["weight"].tolist()) == {t - 1}
    again = client.get("/api/ecosystems/everyone/network/view", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and not again.content
    # a budget picks whole weight classes
    h3, _ = decode(client.get("/api/ecosystems/everyone/network/view?max_links=60000").content)
    assert h3["min_weight"] == reference["threshold_for"](60_000) == t - 1  # 54,563 links fit, 123,891 do not
    assert h3["links_shown"] == reference["at_least"](t - 1) <= 60_000 < reference["at_least"](t - 2)


def test_the_view_draws_the_same_network_as_the_existing_api(client, everyone_workspace):
    """The national ecosystem, whole and filtered: every link of the view (no budget) is a link of the
    existing network API with the same weight, and the same organisations."""
    from innovatlas.network.view import decode

    for query in ("", "&year_to=2016", "&year_from=2017&activity_type=HES&activity_type=REC", "&activity_type=PRC"):
        old = client.get("/api/ecosystems/nl/network?x=1" + query).json()
        header, cols = decode(client.get("/api/ecosystems/nl/network/view?max_links=5000000" + query).content)
        ids = [str(int(x)) for x in cols["id"]]
        assert ids == sorted((n["id"] for n in old["nodes"]), key=int), query
        got = {(ids[a], ids[b], int(w)) for a, b, w in zip(cols["source"], cols["target"], cols["weight"])}
        assert got == {(e["source"], e["target"], int(e["weight"])) for e in old["edges"]}, query
        assert header["links_shown"] == header["links_total"] == len(old["edges"]) and header["min_weight"] in (1, None)
        assert cols["degree"].tolist() == [n["degree"] for n in sorted(old["nodes"], key=lambda n: int(n["id"]))]


def test_the_page_and_the_server_agree_on_which_ecosystems_are_large():
    from innovatlas.network.view import VIEW_MIN_MEMBERS

    page = (Path(__file__).resolve().parents[1] / "src/innovatlas/web/templates/network.html").read_text(encoding="utf-8")
    assert f"{{% set lod = eco.members > {VIEW_MIN_MEMBERS} %}}" in page


def test_warm_prepares_the_large_views(everyone_workspace):
    from innovatlas.network import view

    view._CACHE.clear()
    with Workspace(everyone_workspace, read_only=True) as w:
        assert view.warm(w) == ["everyone"]  # the demo ecosystems are small: the national one has 2,061 members
        cached = [k for k in view._CACHE if k[0] == "payload" and "everyone" in k]
        assert len(cached) == 1
        got = view.respond(w, "everyone", {"accept-encoding": "gzip"}, year_from=None, year_to=None,
                           activity_types=None, max_links=view.VIEW_LINKS)
        assert got["content"] is view._CACHE[cached[0]][1]  # the page's first request is answered from it
        assert view.decode(got["content"])[0]["nodes"] == 35871


def test_bad_requests_get_the_existing_checks(client):
    for url, status in (("/api/ecosystems/nope/network/view", 404),
                        ("/api/ecosystems/everyone/network/view?year_from=2020&year_to=2015", 422),
                        ("/api/ecosystems/everyone/network/view?activity_type=XYZ", 422),
                        ("/api/ecosystems/everyone/network/view?max_links=0", 422),
                        ("/api/ecosystems/everyone/network/view/links?min_weight=3&below=3", 422),
                        ("/api/ecosystems/everyone/network/view/links", 422)):
        r = client.get(url)
        assert r.status_code == status, (url, r.status_code, r.text[:200])
        assert r.json()["error"]
