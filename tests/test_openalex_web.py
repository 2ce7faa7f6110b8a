"""Publications in the product (issue 15): API, pages and the all-link-types network view, over the real demo
workspace (which imports the OpenAlex samples) through a real server and Debian's Chromium."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET

import httpx as _httpx

from conftest import ARTIFACTS
from test_openalex import ARRAY, PAGES

httpx = _httpx.Client(timeout=120)  # a machine shared by many: the national pages take seconds


def test_api_publications_pages_and_exports(server, real_ws):
    nl = httpx.get(server + "/api/ecosystems/nl/publications").json()
    # the workspace holds every sample work; an independent count of the distinct ids in the files
    ids = {w["id"] for f in PAGES for w in json.loads(gzip.open(f).read())["results"]}
    ids |= {w["id"] for w in json.loads(gzip.open(ARRAY).read())}
    assert nl["workspace_works"] == len(ids) and nl["in_data"]
    t = nl["totals"]
    assert t["publications"] >= t["copublications"] >= t["copublications:public_private"] > 0
    assert real_ws.scalar("SELECT value FROM indicator_value WHERE ecosystem_id = 'nl' AND indicator = '15' "
                          "AND measure = 'publications' AND year IS NULL") == t["publications"]
    assert all(p["country"] == "NL" for p in nl["partners_home"]) and all(p["country"] != "NL" for p in nl["partners_abroad"])
    missing = [e for (e,) in real_ws.rows("SELECT ecosystem_id FROM ecosystem WHERE ecosystem_id NOT IN "
                                          "(SELECT ecosystem_id FROM indicator_value WHERE indicator = '15')")]
    assert missing, "some demo ecosystem should have no works in the small samples"
    d = httpx.get(server + f"/api/ecosystems/{missing[0]}/publications").json()
    assert d["in_data"] is False and d["totals"]["publications"] is None  # not in the data, never 0
    page = httpx.get(server + f"/ecosystems/{missing[0]}?lang=nl").text
    assert 'id="pubs-missing"' in page and "niet in de gegevens" in page
    eco = httpx.get(server + "/ecosystems/nl").text
    assert 'id="eco-publications"' in eco and 'id="pubs-demo"' in eco and "not Dutch-focused" in eco
    links = httpx.get(server + "/api/ecosystems/nl/links").json()
    assert {"joint_project", "co_publication"} <= set(links["types"])
    assert links["figures"]["co_publication"]["links"] == real_ws.scalar(
        "SELECT count(*) FROM copub_edge WHERE ecosystem_id = 'nl'")
    gexf = ET.fromstring(httpx.get(server + "/api/ecosystems/nl/download/links.gexf").content)
    ns = {"g": "http://gexf.net/1.3"}
    kinds = {a.get("value") for a in gexf.findall(".//g:edge/g:attvalues/g:attvalue", ns)}
    assert kinds == set(links["types"])
    vos = httpx.get(server + "/api/ecosystems/nl/download/links-co_publication.vosviewer.json").json()
    assert len(vos["network"]["links"]) == links["figures"]["co_publication"]["links"]
    org = real_ws.scalar("SELECT min(pic) FROM copub_node c JOIN registry_identifier r ON r.org_key = c.org_key "
                         "AND r.scheme = 'pic' JOIN organisation o ON o.pic = CAST(r.value AS BIGINT) WHERE c.member")
    o = httpx.get(server + f"/api/organisations/{org}/publications").json()
    assert o["in_data"] and o["works"] >= 1
    assert 'id="org-publications"' in httpx.get(server + f"/organisations/{org}?lang=nl").text


def test_link_type_filter_in_the_network_view(page, server):
    page.goto(server + "/ecosystems/nl/links")
    page.wait_for_function("() => document.getElementById('links-graph').dataset.edges !== undefined")
    all_edges = int(page.locator("#links-graph").get_attribute("data-edges"))
    page.locator('input[name=type][value=co_publication]').uncheck()
    page.wait_for_function(f"() => document.getElementById('links-graph').dataset.edges !== '{all_edges}'")
    without = int(page.locator("#links-graph").get_attribute("data-edges"))
    net = httpx.get(server + "/api/ecosystems/nl/links").json()
    per = {t: sum(1 for e in net["edges"] if e["type"] == t) for t in net["types"]}
    assert all_edges == sum(per.values()) and without == all_edges - per["co_publication"]
    assert page.locator("canvas").count() > 0
    page.screenshot(path=str(ARTIFACTS / "links-view.png"))
