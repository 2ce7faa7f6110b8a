"""Connection agenda (issue 10): specialisation, complementarity, connections, city regions, dynamics, consortium.

Synthetic cases are worked out by hand in the comments; real-data expectations come from
independent DuckDB queries over the raw CORDIS files in ../shared/data, inside the tests."""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import SHARED
from innovatlas.connect.complementarity import complementarity, complementarity_index, cosine, cosine_matrix
from innovatlas.connect.connections import (association_strength, collaboration_matrix, observed_expected, pair_bridges,
                                            pipelines)
from innovatlas.connect.consortium import candidates, fit_scores
from innovatlas.connect.dynamics import GROWTH_THRESHOLD, RENEWAL_SHARE, stage, stages
from innovatlas.connect.regions import city_region, scope_additions
from innovatlas.connect.specialisation import rca, rsca, specialisation

RAW = SHARED / "cordis-h2020-participations-eunets"


# -- formulas, hand-worked -----------------------------------------------------------------------
def test_rca_rsca_hand_worked():
    # ecosystem A: 6 of its 10 participations in theme 1; reference: 30 of 100 in theme 1
    # RCA_A1 = (6/10)/(30/100) = 2, RCA_A2 = (4/10)/(70/100) = 0.5714; RSCA = 1/3 and -0.2727
    x = np.array([[6, 4], [0, 5]])
    r = rca(x, np.array([30, 70]))
    assert r[0].tolist() == pytest.approx([2.0, 4 / 7])
    assert r[1].tolist() == pytest.approx([0.0, 1 / 0.7])  # B: all in theme 2 -> 1/0.7
    assert rsca(r)[0].tolist() == pytest.approx([1 / 3, (4 / 7 - 1) / (4 / 7 + 1)])
    assert rsca(np.array([0.0]))[0] == -1.0


def test_cosine_and_complementarity_hand_worked():
    assert cosine([1, 1, 0], [1, 0, 1]) == pytest.approx(0.5)  # 1 / (sqrt2 sqrt2)
    assert cosine([0.2, -0.4], [-0.2, 0.4]) == pytest.approx(-1.0)  # mirror images
    m = cosine_matrix(np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [-1.0, -1.0, 0.0]]))
    assert m[0, 1] == pytest.approx(0.5) and m[0, 2] == pytest.approx(-1.0) and m[1, 1] == pytest.approx(1.0)
    # specialised A = {t1, t2}, B = {t2, t3}: exactly one in t1 and t3, at least one in 3 themes -> 2/3
    assert complementarity_index([True, True, False], [False, True, True]) == pytest.approx(0.6667)


def test_association_strength_hand_worked():
    # three ecosystems with 4, 3, 2 projects; joint: A-B 2, A-C 1, B-C 0; m = 10 projects
    c = np.array([[0, 2, 1], [2, 0, 0], [1, 0, 0]])
    s = np.array([4, 3, 2])
    a = association_strength(c, s)
    assert a[0, 1] == pytest.approx(2 / 12) and a[0, 2] == pytest.approx(1 / 8) and a[1, 2] == 0
    assert math.isnan(a[0, 0])
    oe = observed_expected(c, s, 10)
    assert oe[0, 1] == pytest.approx(10 * 2 / 12)  # expected 4*3/10 = 1.2, observed 2 -> 1.667
    assert oe[0, 2] == pytest.approx(1.25)  # expected 0.8


def test_stage_rule_hand_worked():
    ref = [100, 100, 100, 100, 100, 100]
    # +50 % with 8 members a year early on -> growing; with 2 a year -> emerging
    assert stage([8, 8, 8, 12, 12, 12], ref, 0.2)["stage"] == "growing"
    assert stage([2, 2, 2, 3, 3, 3], ref, 0.2)["stage"] == "emerging"
    # the same members against a reference that also grew by 50 %: stable -> mature or renewing
    assert stage([8, 8, 8, 12, 12, 12], [100, 100, 100, 150, 150, 150], 0.2)["stage"] == "mature"
    assert stage([8, 8, 8, 12, 12, 12], [100, 100, 100, 150, 150, 150], RENEWAL_SHARE)["stage"] == "renewing"
    st = stage([10, 10, 10, 8, 8, 8], ref, 0.1)
    assert st["stage"] == "declining" and st["growth"] == pytest.approx(-0.2)
    # exactly at the threshold counts as growth
    assert stage([10, 10, 10 * (1 + GROWTH_THRESHOLD), 10 * (1 + GROWTH_THRESHOLD)], [1, 1, 1, 1], 0)["stage"] == "growing"
    assert stage([5, 5, 5], [1, 1, 1], 0.5)["stage"] == "insufficient"  # 3 complete years < MIN_YEARS
    assert stage([1, 1, 2, 2], [1, 1, 1, 1], 0.5)["stage"] == "insufficient"  # 6 member-years < MIN_MEMBER_YEARS


def test_fit_scores_hand_worked():
    # A: 4 theme projects, 100 EUR, right type, 2 members tied, 3 common partners, cosine 0.2
    # B: 1 project, 0 EUR, wrong type, no members, 3 common partners, cosine 0.9
    # A = .4*1 + .2*1 + .25*1 + .15*.8 = 0.97; B = .4*(.5*ln2/ln5) + 0 + .25*(.5*0 + .5*1) + .15*.1 = 0.2261
    s = fit_scores([4, 1], [100.0, 0.0], [1, 0], [2, 0], [3, 3], [0.2, 0.9])
    assert s.tolist() == pytest.approx([0.97, 0.4 * 0.5 * math.log(2) / math.log(5) + 0.125 + 0.015])


# -- synthetic workspace (conftest: three projects, TU Delft, ACME in Eindhoven, BIGCORP in Den Haag) --
def test_synthetic_connections_and_builder(synthetic_ws):
    ws = synthetic_ws
    m = collaboration_matrix(ws, ["delft", "eindhoven", "den-haag"])
    # 101: Delft+Eindhoven, 102: Eindhoven+Den Haag, 103: Delft+Den Haag; each city in 2 projects, m = 3
    assert m["joint_projects"] == [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
    assert m["projects_in_period"] == 3
    assert m["observed_expected"][0][1] == pytest.approx(3 * 1 / (2 * 2))
    assert m["joint_ec_eur"][0][1] == pytest.approx(220000)  # project 101's EC maximum
    # Delft's white spot SC3 (energy), Dutch partners outside Delft with an SC3 project: ACME and BIGCORP (both 102)
    res = candidates(ws, "delft", theme="SC3")
    assert [r["label"] for r in res["items"]] == ["ACME BV", "BIGCORP NV; HOLDING"]
    assert res["wanted_types"] == ["PRC"]  # Delft has only a university: firms are what it lacks
    a, b = res["items"]
    # common partners: partners of TU Delft (outside Delft) = {ACME, Paris, Boston, BIGCORP};
    # ACME worked with Paris, Boston (101) and BIGCORP (102) = 3; BIGCORP with ACME (102) = 1
    assert (a["evidence"]["common_partners"], b["evidence"]["common_partners"]) == (3, 1)
    assert a["evidence"]["members_worked_with"] == b["evidence"]["members_worked_with"] == 1
    # profiles: Delft {SC1, MSCA}, ACME {SC1, SC3}, BIGCORP {SC3, MSCA}: cosine 0.5 each
    assert a["evidence"]["profile_cosine"] == pytest.approx(0.5) and b["evidence"]["profile_cosine"] == pytest.approx(0.5)
    # ACME = .4*1 + .2 + .25*1 + .15*.5; BIGCORP = .4*(.5 + .5*ln(80001)/ln(200001)) + .2 + .25*(.5 + .5*ln2/ln4) + .075
    assert a["fit"] == pytest.approx(0.925, abs=1e-4)
    exp_b = 0.4 * (0.5 + 0.5 * math.log1p(80000) / math.log1p(200000)) + 0.2 + 0.25 * 0.75 + 0.075
    assert b["fit"] == pytest.approx(exp_b, abs=1e-4)


def test_builder_errors_name_what_to_do(synthetic_ws):
    from innovatlas.errors import InnovatlasError

    with pytest.raises(InnovatlasError, match="programme part"):
        candidates(synthetic_ws, "delft", theme="SC99")
    with pytest.raises(InnovatlasError, match="not in the data"):
        candidates(synthetic_ws, "delft", keyword="hydrogen")
    with pytest.raises(InnovatlasError, match="white spot"):
        candidates(synthetic_ws, "delft")


# -- real data ------------------------------------------------------------------------------------
@pytest.mark.integration
def test_joint_projects_delft_eindhoven_match_raw_file(real_ws):
    import duckdb

    delft = [r[0] for r in real_ws.rows("SELECT pic FROM ecosystem_member WHERE ecosystem_id = 'delft'")]
    eind = [r[0] for r in real_ws.rows("SELECT pic FROM ecosystem_member WHERE ecosystem_id = 'eindhoven'")]
    con = duckdb.connect()
    raw = f"read_csv('{RAW / 'h2020.csv.gz'}', nullstr='NA', header=true)"
    # independent: projects (rcn) in the raw CORDIS file with a Delft member and a different Eindhoven member
    # members are analysis units (registered organisations, issue 14): each raw PIC counted as its unit
    import pyarrow as pa

    units = real_ws.rows("SELECT pic, unit FROM analysis_unit")
    con.register("u", pa.table({"pic": [p for p, _u in units], "unit": [u for _p, u in units]}))
    unit_raw = f"(SELECT r.rcn, coalesce(u.unit, r.pic) AS pic FROM {raw} r LEFT JOIN u ON u.pic = r.pic)"
    expected = con.execute(f"""
        SELECT count(DISTINCT a.rcn), count(DISTINCT (least(a.pic, b.pic), greatest(a.pic, b.pic)))
        FROM {unit_raw} a JOIN {unit_raw} b ON a.rcn = b.rcn AND a.pic <> b.pic
        WHERE list_contains(?, a.pic) AND list_contains(?, b.pic)""", [delft, eind]).fetchone()
    m = collaboration_matrix(real_ws, ["delft", "eindhoven"])
    assert expected[0] > 20  # a real figure, not an empty join
    assert m["joint_projects"][0][1] == expected[0]
    assert m["organisation_pairs"][0][1] == expected[1]
    n_projects = con.execute(f"SELECT count(DISTINCT rcn) FROM {raw}").fetchone()[0]
    s = [con.execute(f"SELECT count(DISTINCT rcn) FROM {unit_raw} WHERE list_contains(?, pic)", [ids]).fetchone()[0]
         for ids in (delft, eind)]
    assert m["observed_expected"][0][1] == pytest.approx(expected[0] * n_projects / (s[0] * s[1]), rel=1e-3)
    top = pair_bridges(real_ws, "delft", "eindhoven", limit=3)
    assert top[0]["label"] == "TECHNISCHE UNIVERSITEIT DELFT" and 0 < top[0]["share_of_joint_projects"] <= 1


@pytest.mark.integration
def test_wageningen_specialised_in_food_rca_matches_raw_file(real_ws):
    import duckdb

    members = [r[0] for r in real_ws.rows("SELECT pic FROM ecosystem_member WHERE ecosystem_id = 'wageningen'")]
    con = duckdb.connect()
    raw = f"read_csv('{RAW / 'h2020.csv.gz'}', nullstr='NA', header=true)"
    parts = f"(SELECT DISTINCT rcn, programme_part FROM read_csv('{RAW / 'programme_parts.csv.gz'}', nullstr='NA'))"
    # independent Balassa RCA of SC2 for Wageningen against all Dutch participations (whole counting)
    x_t, x_all, r_t, r_all = con.execute(f"""
        SELECT count(*) FILTER (WHERE list_contains(?, p.pic) AND pp.programme_part = 'SC2'),
               count(*) FILTER (WHERE list_contains(?, p.pic)),
               count(*) FILTER (WHERE p.country = 'NL' AND pp.programme_part = 'SC2'),
               count(*) FILTER (WHERE p.country = 'NL')
        FROM {raw} p JOIN {parts} pp USING (rcn)""", [members, members]).fetchone()
    expected = (x_t / x_all) / (r_t / r_all)
    spec = specialisation(real_ws, ["wageningen"])
    j = [t["code"] for t in spec["themes"]].index("SC2")
    assert spec["rca"][0][j] == pytest.approx(expected, rel=1e-3)
    assert expected > 2 and spec["specialised"][0][j]  # Wageningen: food and bio-economy
    assert spec["rsca"][0][j] == pytest.approx((expected - 1) / (expected + 1), rel=1e-3)


@pytest.mark.integration
def test_pipelines_agree_with_indicator_18(real_ws):
    from innovatlas.connect.connections import relation_shares_sql

    computed = {(e, c): n for e, c, n in relation_shares_sql(real_ws, ["eindhoven", "leiden"])}
    for p in pipelines(real_ws, ["eindhoven", "leiden"]):
        stored = dict(real_ws.rows("""SELECT breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND indicator = '18'
                                      AND year IS NULL AND breakdown <> ''
                                      AND NOT starts_with(breakdown, 'programme:')""", [p["id"]]))  # the partner classes
        assert {k: float(v) for k, v in p["relations"].items()} == stored
        assert {k: float(computed.get((p["id"], k), 0)) for k in stored} == stored  # the period path counts the same
        assert sum(p["shares"].values()) == pytest.approx(1.0)
    # a period: only projects starting 2018-2020, fewer relations than over all years
    later = {p["id"]: p["total_relations"] for p in pipelines(real_ws, ["eindhoven"], year_from=2018, year_to=2020)}
    assert 0 < later["eindhoven"] < pipelines(real_ws, ["eindhoven"])[0]["total_relations"]
    # top foreign partner country of Eindhoven, independently: distinct joint projects with organisations per country
    top = real_ws.rows("""SELECT q.country, count(DISTINCT s.project_key) AS n FROM scope s JOIN participation q USING (project_key)
                          WHERE s.ecosystem_id = 'eindhoven' AND q.country <> 'NL' GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1""")[0]
    first = pipelines(real_ws, ["eindhoven"])[0]["countries"][0]
    assert (first["country"], first["projects"]) == top


@pytest.mark.integration
def test_city_regions_adjacency_and_scope(real_ws):
    eind = city_region(real_ws, "Eindhoven", "adjacent")
    names = dict(real_ws.rows("SELECT code, name FROM geo_region WHERE level = 'municipality' AND year = 2015"))
    assert "Veldhoven" in [names[c] for c in eind]  # seed 002: ASML's Veldhoven is next to Eindhoven
    assert "Tilburg" not in [names[c] for c in eind]
    # adjacency is symmetric: Eindhoven is adjacent to Veldhoven
    veld = [c for c, n in names.items() if n == "Veldhoven"][0]
    from innovatlas.connect.regions import adjacency

    assert eind[0] in adjacency(real_ws)[veld]
    corop = city_region(real_ws, "Eindhoven", "corop")
    assert set(eind) - set(corop) == set() or len(corop) > len(eind) - 3  # a COROP region is a wider, different cut
    rows = {r["city"]: r for r in scope_additions(real_ws)}
    # the analysed city-region ecosystem holds exactly the organisations the scope table counts
    n_region = real_ws.scalar("SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = 'eindhoven-region'")
    n_city = real_ws.scalar("SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = 'eindhoven'")
    assert rows["Eindhoven"]["adjacent"] == n_region and rows["Eindhoven"]["municipality"] == n_city
    assert n_region > n_city


@pytest.mark.integration
def test_stages_keep_partial_years_out(real_ws):
    res = stages(real_ws)
    assert res["last_complete_year"] == 2020 and 2021 in res["partial_years"]  # data end December 2020
    assert 2014 not in res["complete_years"]  # H2020 ramp-up year
    assert len(res["ecosystems"]) == 13
    for e in res["ecosystems"]:
        assert e["stage"] in ("emerging", "growing", "mature", "renewing", "declining", "insufficient")
        assert [y["year"] for y in e["years"]] == res["complete_years"]
        for y in e["years"]:
            assert y["entrants"] + y["stayers"] == y["active"]
    # yearly active members of Delft, independently: distinct members with a project starting that year
    delft = next(e for e in res["ecosystems"] if e["id"] == "delft")
    direct = dict(real_ws.rows("""SELECT start_year, count(DISTINCT pic) FROM scope WHERE ecosystem_id = 'delft'
                                  AND start_year BETWEEN 2015 AND 2020 GROUP BY 1"""))
    assert {y["year"]: y["active"] for y in delft["years"]} == {y: direct.get(y, 0) for y in range(2015, 2021)}


@pytest.mark.integration
def test_complementarity_of_the_cities(real_ws):
    res = complementarity(real_ws)
    assert len(res["ecosystems"]) == 13
    cos = np.array([[np.nan if v is None else v for v in row] for row in res["cosine"]])
    assert np.allclose(np.diag(cos), 1.0) and np.allclose(cos, cos.T, equal_nan=True)
    energy = next((j for j in res["joint"] if j["theme"] == "SC3"), None)
    assert energy is not None and len(energy["ecosystems"]) >= 2


@pytest.mark.integration
def test_api_cli_and_exports(real_workspace, tmp_path):
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from innovatlas.cli import app
    from innovatlas.web import create_app

    with TestClient(create_app(real_workspace)) as c:
        m = c.get("/api/connections/matrix", params={"ecosystem": ["delft", "eindhoven"]}).json()
        assert m["joint_projects"][0][1] == m["pairs"][0]["joint_projects"] > 0
        spec = c.get("/api/connections/specialisation", params={"reference": "eu28", "measure": "funding"}).json()
        assert spec["specialisation"]["reference"] == "eu28" and len(spec["ecosystems"]) == 13 and spec["in_words"]
        assert c.get("/api/connections/specialisation", params={"reference": "mars"}).status_code == 422
        dyn = c.get("/api/ecosystems/delft/dynamics").json()
        assert dyn["stage"] in ("emerging", "growing", "mature", "renewing", "declining", "insufficient")
        cons = c.get("/api/ecosystems/eindhoven/consortium", params={"theme": "SC3", "type": "PRC", "limit": 5}).json()
        assert len(cons["items"]) == 5 and all(r["activity_type"] == "PRC" for r in cons["items"])
        assert cons["items"][0]["fit"] >= cons["items"][-1]["fit"]
        err = c.get("/api/ecosystems/eindhoven/consortium", params={"theme": "XYZ"})
        assert err.status_code == 422 and "programme part" in err.json()["error"]
        csv = c.get("/api/ecosystems/eindhoven/consortium.csv", params={"theme": "SC3", "type": "PRC"})
        assert csv.status_code == 200 and csv.text.splitlines()[0].startswith("rank,pic,label")
        gexf = c.get("/api/connections/download/cities.gexf")
        assert gexf.status_code == 200 and gexf.text.count("<node ") == 13 and "<edge " in gexf.text
        xlsx = c.get("/api/connections/download/matrices.xlsx")
        assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
        assert c.get("/api/connections/download/nothing.csv").status_code == 404  # no such download (issue 13: schema)
        page = c.get("/connections", params={"lang": "nl"}).text
        assert "Verbindingsagenda van de kennissteden" in page and "Balassa" in page
    run = CliRunner().invoke(app, ["consortium", "eindhoven", "--theme", "SC3", "--type", "PRC", "--limit", "20", "--json",
                                   "--workspace", str(real_workspace)])
    assert run.exit_code == 0, run.output
    assert len(json.loads(run.stdout)["items"]) == 20
    run = CliRunner().invoke(app, ["dynamics", "nowhere", "--workspace", str(real_workspace)])
    assert run.exit_code != 0 and "nowhere" in run.output
