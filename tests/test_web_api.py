"""Every API endpoint in-process (ASGI client) on the real demo workspace, including bad input."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from innovatlas.analysis import summary
from innovatlas.web import create_app

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client(real_workspace):
    with TestClient(create_app(real_workspace)) as c:
        yield c


def ok(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    return r


def err(client, url, status):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    body = r.json()
    assert body["status"] == status and body["error"], body
    return body["error"]


def test_openapi_lists_every_endpoint(client):
    spec = ok(client, "/openapi.json").json()
    for path in ("/api/ecosystems", "/api/ecosystems/{eco_id}", "/api/ecosystems/{eco_id}/summary",
                 "/api/ecosystems/{eco_id}/indicators", "/api/ecosystems/{eco_id}/series",
                 "/api/ecosystems/{eco_id}/overlaps", "/api/ecosystems/{eco_id}/organisations",
                 "/api/ecosystems/{eco_id}/network", "/api/organisations", "/api/organisations/{pic}", "/api/compare",
                 "/api/map/{level}", "/api/placement", "/api/download/{eco_id}/{filename}",
                 "/api/download/map/{level}.geojson", "/api/ecosystems/{eco_id}/diagnosis",
                 "/api/ecosystems/{eco_id}/inputs", "/api/ecosystems/{eco_id}/history", "/api/ecosystems/{eco_id}/targets",
                 "/api/ecosystems/{eco_id}/qualitative", "/api/ecosystems/{eco_id}/composite",
                 "/api/ecosystems/{eco_id}/context", "/api/indicators", "/api/organisations/{pic}/portfolio",
                 "/api/organisations/{pic}/valorisation", "/api/assessments", "/api/assessments/{name}",
                 "/api/assessments/{name}/compare", "/api/assessments/{name}/report.{fmt}"):
        assert path in spec["paths"], path
    docs = ok(client, "/docs").text
    assert "/api/ecosystems/{eco_id}/network" in docs and "<script" not in docs  # offline docs, no CDN


def test_ecosystems_list_and_detail(client, real_ws):
    body = ok(client, "/api/ecosystems").json()
    assert body["total"] == 31 and body["items"][0]["ecosystem_id"] == "nl"  # 18 + 13 knowledge-city regions
    page = ok(client, "/api/ecosystems?limit=5&offset=5").json()
    assert [e["ecosystem_id"] for e in page["items"]] == [e["ecosystem_id"] for e in body["items"][5:10]]
    d = ok(client, "/api/ecosystems/nl").json()
    # members are registered organisations (issue 14): the 2,061 Dutch PICs counted once per organisation
    assert "eindhoven" in d["children"] and d["members"] == summary(real_ws, "nl")["organisations"] == real_ws.scalar(
        "SELECT count(DISTINCT u.unit) FROM organisation o JOIN analysis_unit u USING (pic) WHERE o.country = 'NL' AND o.participations > 0") < 2061
    assert ok(client, "/api/ecosystems/nl/summary").json() == summary(real_ws, "nl")


def test_indicators_with_provenance_and_series(client):
    items = ok(client, "/api/ecosystems/delft/indicators").json()["items"]
    n29 = [i for i in items if i["indicator"] == "29" and i["breakdown"] == ""][0]
    assert n29["indicator_name_en"].startswith("Number of participating actors")
    assert "© European Union, CORDIS" in n29["source"] and n29["method"]
    series = ok(client, "/api/ecosystems/delft/series?measure=participations").json()["items"]
    year_rows = ok(client, "/api/ecosystems/delft/indicators?year=2018").json()["items"]
    p2018 = [i["value"] for i in year_rows if i["measure"] == "participations" and i["breakdown"] == ""]
    assert [s["value"] for s in series if s["year"] == 2018] == p2018
    assert sum(s["value"] for s in series) <= n29["value"] * 1000  # sanity: a series, not the total repeated
    err(client, "/api/ecosystems/delft/series?measure=DROP%20TABLE", 422)


def test_overlaps_and_members(client, real_ws):
    ov = ok(client, "/api/ecosystems/eindhoven/overlaps").json()["items"]
    nl = [o for o in ov if "nl" in (o["a"], o["b"])][0]
    assert nl["shared"] == nl["members_a"] if nl["a"] == "eindhoven" else nl["members_b"]
    m = ok(client, "/api/ecosystems/eindhoven/organisations?limit=3").json()
    assert m["total"] == summary(real_ws, "eindhoven")["organisations"] and len(m["items"]) == 3
    assert m["items"][0]["label"] == "TECHNISCHE UNIVERSITEIT EINDHOVEN"
    assert [i["participations"] for i in m["items"]] == sorted((i["participations"] for i in m["items"]), reverse=True)
    by_name = ok(client, "/api/ecosystems/eindhoven/organisations?limit=500&sort=name").json()["items"]
    assert [i["label"] for i in by_name] == sorted(i["label"] for i in by_name)
    err(client, "/api/ecosystems/eindhoven/organisations?limit=501", 422)
    err(client, "/api/ecosystems/eindhoven/organisations?sort=random", 422)


def test_network_filters(client, real_ws):
    full = ok(client, "/api/ecosystems/nl/network").json()
    s = summary(real_ws, "nl")
    assert len(full["nodes"]) == s["network"]["nodes"] and len(full["edges"]) == s["network"]["edges"]
    ids = {n["id"] for n in full["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in full["edges"])
    early = ok(client, "/api/ecosystems/nl/network?year_to=2016").json()
    assert 0 < len(early["edges"]) < len(full["edges"])
    hes = ok(client, "/api/ecosystems/nl/network?activity_type=HES&activity_type=REC").json()
    assert {n["activity_type"] for n in hes["nodes"]} <= {"HES", "REC"}
    wide = ok(client, "/api/ecosystems/delft/network?partners=true").json()
    assert any(not n["member"] for n in wide["nodes"]) and len(wide["nodes"]) > summary(real_ws, "delft")["organisations"]
    compact = ok(client, "/api/ecosystems/delft/network?compact=true").json()
    plain = ok(client, "/api/ecosystems/delft/network").json()
    assert len(compact["nodes"]) == len(plain["nodes"]) and len(compact["edges"]) == len(plain["edges"])
    assert compact["node_columns"][0] == "id" and [r[0] for r in compact["nodes"]] == [n["id"] for n in plain["nodes"]]
    err(client, "/api/ecosystems/nl/network?year_from=2020&year_to=2015", 422)
    err(client, "/api/ecosystems/nl/network?activity_type=XYZ", 422)
    err(client, "/api/ecosystems/nl/network?year_from=abc", 422)


def test_organisations(client):
    hits = ok(client, "/api/organisations?q=technische universiteit").json()
    assert hits["total"] >= 2 and all("TECHNISCHE UNIVERSITEIT" in h["label"].upper() for h in hits["items"])
    by_pic = ok(client, "/api/organisations?q=999977366").json()["items"]
    assert by_pic[0]["pic"] == 999977366
    in_city = ok(client, "/api/organisations?city=Wageningen&country=NL&limit=100").json()
    assert in_city["total"] > 5 and all(h["country"] == "NL" for h in in_city["items"])
    inj = ok(client, "/api/organisations?q=x'%3B DROP TABLE organisation%3B--").json()
    assert inj["total"] == 0  # bound as a value, never run
    assert ok(client, "/api/organisations?q=delft").json()["total"] > 0  # ...and the table is still there
    d = ok(client, "/api/organisations/999977366").json()
    assert d["label"] == "TECHNISCHE UNIVERSITEIT DELFT" and d["knowledge_city"] == "Delft"
    assert d["partners"] and d["projects"] and {"nl", "delft"} <= {e["ecosystem_id"] for e in d["ecosystems"]}
    assert sum(y["participations"] for y in d["funding_by_year"]) <= d["participations"]
    err(client, "/api/organisations/1", 404)
    err(client, "/api/organisations/abc", 422)


def test_compare_map_placement(client, real_ws):
    c = ok(client, "/api/compare?a=delft&b=eindhoven").json()
    assert c["a"]["ecosystem"] == "delft" and c["b"]["ecosystem"] == "eindhoven"
    err(client, "/api/compare?a=delft", 422)
    err(client, "/api/compare?a=delft&b=atlantis", 404)
    prov = json.loads(ok(client, "/api/map/province?measure=organisations").text)
    assert len(prov["features"]) == 12
    placed = real_ws.scalar("""SELECT count(DISTINCT p.pic) FROM participation p JOIN org_location l USING (pic)
                          WHERE l.province_code IS NOT NULL""")
    assert sum(f["properties"]["value"] for f in prov["features"]) == placed
    assert len(json.loads(ok(client, "/api/map/corop").text)["features"]) == 40
    err(client, "/api/map/country", 422)
    err(client, "/api/map/province?measure=height", 422)
    p = ok(client, "/api/placement").json()
    assert p["placed"] + p["unplaced"] == p["dutch_organisations"] == 2061


def test_downloads(client, real_ws):
    net = ok(client, "/api/ecosystems/delft/network").json()
    gexf = ok(client, "/api/download/delft/network.gexf")
    assert "attachment" in gexf.headers["content-disposition"]
    root = ET.fromstring(gexf.content)
    ns = {"g": "http://gexf.net/1.3"}
    assert len(root.findall(".//g:node", ns)) == len(net["nodes"]) and len(root.findall(".//g:edge", ns)) == len(net["edges"])
    g = nx.read_graphml(io.BytesIO(ok(client, "/api/download/delft/network.graphml").content))
    assert g.number_of_nodes() == len(net["nodes"]) and g.number_of_edges() == len(net["edges"])
    vos = json.loads(ok(client, "/api/download/delft/network.vosviewer.json").content)
    assert len(vos["network"]["items"]) == len(net["nodes"]) and len(vos["network"]["links"]) == len(net["edges"])
    rows = list(csv.DictReader(io.StringIO(ok(client, "/api/download/delft/organisations.csv").text)))
    assert len(rows) == summary(real_ws, "delft")["organisations"] and "participations" in rows[0]
    wb = load_workbook(io.BytesIO(ok(client, "/api/download/eindhoven/indicators.xlsx").content))
    sheet = wb["indicators"]
    assert sheet.cell(1, 1).value == "indicator" and sheet.max_row > 50
    geo = json.loads(ok(client, "/api/download/map/municipality.geojson?measure=participations").content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 393
    err(client, "/api/download/delft/organisations.gexf", 422)
    err(client, "/api/download/delft/secrets.csv", 422)


def test_errors_are_json_and_app_is_read_only(client):
    assert "atlantis" in err(client, "/api/ecosystems/atlantis", 404)
    err(client, "/api/ecosystems/NOT VALID", 422)
    err(client, "/api/nothing/here", 404)
    r = client.post("/api/ecosystems", json={"id": "x"})
    assert r.status_code == 405
    r = client.delete("/api/ecosystems/nl")
    assert r.status_code == 405


def test_issue5_endpoints(client):
    cat = ok(client, "/api/indicators").json()
    assert cat["total"] == 50 and {r["value_source"] for r in cat["items"]} == {"computed", "import", "survey", "qualitative"}
    diag = ok(client, "/api/ecosystems/eindhoven/diagnosis").json()["items"]
    assert [d["code"] for d in diag if d["kind"] == "challenge"] == [f"challenge-{i}" for i in range(1, 11)]
    assert all(d["verdict"] in ("strength", "white_spot", "mixed", "unknown") for d in diag if d["kind"] == "challenge")
    view = ok(client, "/api/ecosystems/eindhoven/composite").json()
    assert view["years"] and view["indicators"] and 100.0 in view["composite_versus_past"]
    cmp_ = ok(client, "/api/ecosystems/eindhoven/composite?compare=delft&compare=utrecht").json()
    assert [i["ecosystem"] for i in cmp_["items"]] == ["eindhoven", "delft", "utrecht"]
    assert all(1 <= i["rank_interval"][0] <= i["rank_interval"][1] <= 3 for i in cmp_["items"])
    err(client, "/api/ecosystems/eindhoven/composite?compare=NOT!", 422)
    ctx = ok(client, "/api/ecosystems/eindhoven/context").json()["items"]
    assert {r["region_code"] for r in ctx} == {"NL41"}
    assert ok(client, "/api/ecosystems/eindhoven/inputs").json()["items"] == []
    assert ok(client, "/api/ecosystems/eindhoven/targets").json()["items"] == []
    err(client, "/api/ecosystems/atlantis/diagnosis", 404)


def test_decision_endpoints(client):
    pf = ok(client, "/api/organisations/987731989/portfolio").json()
    assert pf["organisation"]["label"] == "MICRONIT MICROFLUIDICS BV" and pf["partners"] > 10
    # large firm / SME are None (not in the data) when no partner's size is published: sum the known counts
    assert abs(sum(v for v in pf["by_type"].values() if v is not None) - pf["partners"]) == 0
    val = ok(client, "/api/organisations/999977269/valorisation").json()
    assert val["profile"] == "push" and val["institution"]["label"] == "TECHNISCHE UNIVERSITEIT EINDHOVEN"
    err(client, "/api/organisations/1/portfolio", 404)
    assert ok(client, "/api/assessments").json()["total"] == 0  # the test workspace has none stored
    err(client, "/api/assessments/none-here", 404)
    err(client, "/api/assessments/BAD NAME", 422)
    page = ok(client, "/organisations/999977366/valorisation").text
    assert "Valorisation profile" in page and "push" in page
