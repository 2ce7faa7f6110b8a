"""EU-wide ecosystems (issue 11, point 4): the definitions generated from the data, ``innovatlas analyse
--ecosystems eu`` through the CLI on the real data, the NUTS filter of the delineation, and the European
overview (/europe in both languages in a real Chromium, /api/europe, the static report page).

References nobody here wrote: DuckDB queries straight over the raw CORDIS file
``../shared/data/cordis-h2020-participations-eunets/h2020.csv.gz`` (every Horizon 2020 participation,
CORDIS, Dec 2020; see its PROVENANCE.md). The NUTS-2 cases use a synthetic CORDIS download (named so
below) whose expected results are worked out by hand, because no file in ../shared/data carries NUTS
codes in a layout the importer reads.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import ARTIFACTS, ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS, SHARED, _q
from innovatlas.cli import app
from innovatlas.errors import DefinitionError
from innovatlas.europe import (GROUPS, build_definitions, country_group, eu_definitions, europe_overview,
                               europe_page_data)
from innovatlas.model.ecosystem import Selector, parse_definitions
from innovatlas.report.labels import number
from innovatlas.store import Workspace

RAW = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
#: CORDIS country codes differ from ISO in two cases (../shared/data/README.md)
ISO = "CASE country WHEN 'UK' THEN 'GB' WHEN 'EL' THEN 'GR' ELSE country END"
#: what the CLI printed and how long it took (filled by the fixture)
CLI: dict = {}


def _raw(sql: str) -> list[tuple]:
    """An independent query over the raw file (DuckDB's own CSV reader, every column as text)."""
    return duckdb.sql(sql.replace("RAW", f"read_csv('{RAW}', all_varchar = true)")).fetchall()


# --- the real data, analysed with --ecosystems eu through the CLI -------------------------------------------
@pytest.fixture(scope="module")
def real_workspace(real_workspace, tmp_path_factory):
    """The session's real workspace, copied and analysed again with ``innovatlas analyse --ecosystems eu``
    (overrides conftest's fixture for this module, so ``server`` serves the EU-wide analysis)."""
    path = tmp_path_factory.mktemp("europe") / "europe.duckdb"
    shutil.copy(real_workspace, path)
    t = time.perf_counter()
    result = CliRunner().invoke(app, ["analyse", "--workspace", str(path), "--ecosystems", "eu"])
    seconds = time.perf_counter() - t
    assert result.exit_code == 0, result.output
    print(f"innovatlas analyse --ecosystems eu on the real data: {seconds:.1f} s")  # shown with pytest -s
    CLI.update(output=result.output, seconds=seconds)
    return path


pytestmark = pytest.mark.integration


def test_analyse_eu_through_the_cli_analyses_every_country_and_the_dutch_ones(real_ws):
    raw_countries = {c for (c,) in _raw(f"SELECT DISTINCT {ISO} FROM RAW")}
    ids = {r[0] for r in real_ws.rows("SELECT ecosystem_id FROM ecosystem")}
    eu_ids = {i for i in ids if i.startswith("eu-")}
    # the built-in Dutch ecosystems are still there (no --no-demo) ...
    assert {"nl", "delft", "eindhoven", "health"} <= ids
    # ... and one per country of the raw file, Namibia ('NA', also the file's missing-value marker) included
    assert eu_ids == {f"eu-{c.lower()}" for c in raw_countries} and "eu-na" in eu_ids
    assert f"analysed {len(ids)} ecosystems" in CLI["output"]
    # every one was analysed: headline figures and a network for each
    analysed = {r[0] for r in real_ws.rows("SELECT DISTINCT ecosystem_id FROM indicator_value WHERE measure = 'participations'")}
    assert eu_ids <= analysed
    assert eu_ids <= {r[0] for r in real_ws.rows("SELECT DISTINCT ecosystem_id FROM network_metric")}


def test_definitions_cover_every_country_in_the_raw_file(real_ws):
    raw = dict(_raw(f"SELECT {ISO}, count(*) FROM RAW GROUP BY 1"))
    defs = eu_definitions(real_ws)
    covered = {c for e in defs if e.id.startswith("eu-") for c in e.select.country}
    missing = set(raw) - covered
    # Namibia's code is 'NA', which the reduced layout also writes for missing values: the importer reads 'NA'
    # as text in the country column only (store.load.CsvSpec.literal), so Namibia is a country like the others
    assert not missing, missing
    assert real_ws.scalar("SELECT count(*) FROM participation WHERE country IS NULL") == 0
    assert europe_overview(real_ws, "en")["no_country_participations"] == 0
    # nothing invented: every definition's country is in the raw file
    assert covered <= set(raw)
    # groups as documented: 27 EU member states, the UK, the 16 countries associated to Horizon 2020 in the data
    groups = {c: country_group(c) for c in covered}
    assert sum(g == "eu27" for g in groups.values()) == 27 and groups["GB"] == "uk" and groups["CH"] == "associated"
    # names in English and Dutch (CLDR)
    de = defs.get("eu-de")
    assert (de.name_en, de.name_nl, de.kind.value) == ("Germany", "Duitsland", "regional")
    assert defs.get("eu-gb").name_nl == "Verenigd Koninkrijk"


def test_per_country_figures_equal_independent_counts_over_the_raw_file(real_ws, server):
    # organisations are registered organisations (issue 14): the raw PICs counted once per unit of the stored registry
    units = dict(real_ws.rows("SELECT pic, unit FROM analysis_unit"))
    per_pic = _raw(f"SELECT {ISO}, pic, count(*), sum(TRY_CAST(contribution AS DOUBLE)) FROM RAW GROUP BY 1, 2")
    raw: dict[str, tuple] = {}
    for c, pic, n, ec in per_pic:
        p, o, e = raw.get(c, (0, set(), 0.0))
        raw[c] = (p + int(n), o | {units.get(int(pic), int(pic))}, e + float(ec or 0))
    raw = {c: (n, len(o), e) for c, (n, o, e) in raw.items()}
    ov = europe_overview(real_ws, "en")
    with urllib.request.urlopen(server + "/api/europe") as resp:  # the JSON API gives the very same rows
        api = json.loads(resp.read())
    assert api["countries"] == json.loads(json.dumps(ov["countries"]))
    rows = {r["code"]: r for r in ov["countries"]}
    assert set(rows) == set(raw)
    for code, (n, orgs, ec) in raw.items():
        assert rows[code]["participations"] == n, code
        assert rows[code]["organisations"] == orgs, code
        assert rows[code]["ec_contribution_eur"] == pytest.approx(ec, abs=0.01), code
    # the group totals add up the countries; the whole table adds up to the raw file
    assert sum(g["participations"] for g in ov["groups"]) == sum(n for _c, (n, _o, _e) in raw.items())
    assert [g["group"] for g in ov["groups"]] == list(GROUPS)


def test_overview_shows_the_figures_of_the_ecosystem_pages(real_ws):
    """The overview reads all countries in one query: every figure equals what summary() (the service of
    every ecosystem page) gives, lower-bound flag included."""
    from innovatlas.analysis import summary

    ov = europe_overview(real_ws, "nl")
    rows = [r for r in ov["countries"] if r["group"] != "third"] + [r for r in ov["countries"] if r["group"] == "third"][:8]
    for r in rows:
        s = summary(real_ws, r["ecosystem_id"])
        assert (r["organisations"], r["participations"], r["projects"]) == (s["organisations"], s["participations"], s["projects"])
        assert r["ec_contribution_eur"] == s["ec_contribution_eur"]
        assert r["relations_internal"] == s["collaboration_relations"]["internal"]
        assert r["relations_total"] == sum(s["collaboration_relations"].values())
        assert (r["network_density"], r["network_modularity"]) == (s["network"]["density"], s["network"]["modularity"])
        assert r["lower_bound"] == s["coverage"]["lower_bound"]
    # partial years: the totals say they are lower bounds, in the page language
    assert ov["partial_years"] and ov["lower_bound"] and "ondergrenzen" in ov["totals_note"]
    assert not ov["regions"] and not ov["nuts2_in_data"]  # no NUTS codes in the real files


def test_europe_page_in_both_languages_in_chromium(page, server, real_ws):
    ov_en, ov_nl = europe_overview(real_ws, "en"), europe_overview(real_ws, "nl")
    de = next(r for r in ov_en["countries"] if r["code"] == "DE")
    page.goto(server + "/?lang=en")
    page.click("#europe-link")
    page.wait_for_url("**/europe?lang=en")
    assert page.locator("h1").inner_text() == "European overview"
    assert page.locator("#europe-countries tbody tr").count() == len(ov_en["countries"])
    row = page.locator('#europe-countries tr[data-code="DE"]').inner_text()
    assert "Germany" in row and number(de["participations"], "en") in row and number(de["ec_contribution_eur"], "en") in row
    assert page.locator("svg.chart").count() == 3  # participations, EC contribution, pairs inside
    assert "without a map" in page.locator("#no-map").inner_text()
    assert "lower bounds" in page.locator("#totals-lower-bound").inner_text()
    assert "no NUTS codes" in page.locator("#no-nuts").inner_text()
    page.screenshot(path=str(ARTIFACTS / "europe-en.png"), full_page=True)
    page.click("#lang-switch")
    page.wait_for_url("**/europe?lang=nl")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Europees overzicht"
    row = page.locator('#europe-countries tr[data-code="DE"]').inner_text()
    assert "Duitsland" in row and number(de["participations"], "nl") in row and number(de["ec_contribution_eur"], "nl") in row
    assert number(de["participations"], "nl") != number(de["participations"], "en")  # 17.341 against 17,341
    assert "zonder kaart" in page.locator("#no-map").inner_text()
    assert "ondergrenzen" in page.locator("#totals-lower-bound").inner_text()
    assert ov_nl["no_country_note"] is None or ov_nl["no_country_note"] in page.locator("#no-country").inner_text()
    page.screenshot(path=str(ARTIFACTS / "europe-nl.png"), full_page=True)
    page.click('#europe-countries tr[data-code="DE"] a')
    page.wait_for_url("**/ecosystems/eu-de?lang=nl")
    assert page.locator("h1").inner_text() == "Duitsland"


def test_api_europe_json(server, real_ws):
    with urllib.request.urlopen(server + "/api/europe?lang=nl") as resp:
        assert resp.headers["content-type"].startswith("application/json")
        data = json.loads(resp.read())
    assert data["analysed"] and data["map_note"].startswith("Er zitten geen EU-grenzen")
    nl = next(r for r in data["countries"] if r["code"] == "NL")
    assert nl["name"] == "Nederland" and nl["group"] == "eu27" and nl["ecosystem_id"] == "eu-nl"
    # the Dutch country ecosystem has the same figures as the built-in national one (the same selector)
    from innovatlas.analysis import summary

    s = summary(real_ws, "nl")
    assert (nl["participations"], nl["organisations"], nl["projects"]) == (s["participations"], s["organisations"], s["projects"])
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server + "/api/europe?lang=fr")
    assert err.value.code == 422
    with urllib.request.urlopen(server + "/openapi.json") as resp:
        assert "/api/europe" in json.loads(resp.read())["paths"]


def test_europe_page_before_the_eu_analysis_says_how(synthetic_ws):
    """A workspace analysed with the built-in Dutch ecosystems only: the page and the API say so, in both languages."""
    from fastapi.testclient import TestClient

    from innovatlas.web import create_app

    path = synthetic_ws.path
    synthetic_ws.close()
    with TestClient(create_app(path)) as client:
        en, nl = client.get("/europe"), client.get("/europe?lang=nl")
        api = client.get("/api/europe").json()
    assert en.status_code == nl.status_code == 200
    assert "No EU-wide ecosystems are analysed" in en.text and "innovatlas analyse --ecosystems eu" in en.text
    assert "geen EU-brede ecosystemen geanalyseerd" in nl.text and "zonder kaart" in nl.text
    assert api["analysed"] is False and api["countries"] == [] and api["groups"] == []


def test_static_report_has_the_european_page(real_ws, tmp_path):
    from innovatlas.report import _env

    data = europe_page_data(real_ws, "nl", top=10)
    html = _env("nl").get_template("europe.html").render(europe=data, charts=data["charts"], legend=data["legend"],
                                                          page="europe.html", alt=None, workspace=real_ws.path)
    assert "Europees overzicht" in html and 'href="eco-eu-de.html"' in html and html.count('class="chart"') == 3
    assert html.count("<tr data-code=") == len(data["countries"])


# --- synthetic: NUTS codes, NUTS-2 ecosystems, the NUTS filter -----------------------------------------------
# A SYNTHETIC CORDIS download in the current layout (conftest's three projects) with invented NUTS codes:
# (project, pic, name, activity, country, nutsCode, role, contribution)
NUTS_ORGS = [
    (101, 111111111, "TECHNISCHE UNIVERSITEIT DELFT", "HES", "NL", "NL333", "coordinator", 100000),
    (101, 222222222, "ACME BV", "PRC", "NL", "NL414", "participant", 50000),
    (101, 444444444, "UNIVERSITE X", "HES", "FR", "FR101", "participant", 70000),
    (101, 555555555, "US LAB INC", "PRC", "US", "", "partner", 0),
    (102, 222222222, "ACME BV", "PRC", "NL", "NL414", "coordinator", 200000),
    (102, 333333333, "BIGCORP NV", "PRC", "NL", "NL332", "participant", 80000),
    (102, 666666666, "SWISS REC", "REC", "CH", "CH040", "participant", 30000),
    (103, 111111111, "TECHNISCHE UNIVERSITEIT DELFT", "HES", "NL", "NL333", "coordinator", 150000),
    (103, 333333333, "BIGCORP NV", "PRC", "NL", "NL332", "participant", 20000),
    (103, 777000001, "NO NUTS BV", "PRC", "NL", "", "participant", 5000),
]


@pytest.fixture
def nuts_ws(tmp_path):
    from innovatlas.sources import cordis, ris

    d = tmp_path / "cordis-h2020projects-csv"
    d.mkdir()
    (d / "project.csv").write_text("\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", encoding="utf-8")
    lines = [";".join(_q(x) for x in [proj, "X", pic, "", name, "", "false", act, "Street 1", "1000", "CITY", country,
                                      nuts, "", "", "", "2020-01-01", 8000 + i, i, role, c, c, c, "false", "true"])
             for i, (proj, pic, name, act, country, nuts, role, c) in enumerate(NUTS_ORGS)]
    (d / "organization.csv").write_text("\n".join([ORG_HEADER, *lines]) + "\n", encoding="utf-8")
    # a SYNTHETIC regional-statistics file naming one of the regions (the RIS layout)
    names = tmp_path / "ris_synthetic.csv"
    names.write_text("Indicator,Year,Region,RegionName,Value\n0 Summary Innovation Index,2023,NL33,Zuid-Holland,130\n"
                     "0 Summary Innovation Index,2023,NL3,West-Nederland,128\n", encoding="utf-8")
    w = Workspace(tmp_path / "nuts.duckdb")
    cordis.import_paths(w, [d])
    ris.import_paths(w, [names])
    yield w
    w.close()


def test_nuts2_ecosystems_from_synthetic_nuts_codes(nuts_ws):
    from innovatlas.analysis import analyse

    defs = eu_definitions(nuts_ws, with_demo=False)
    assert [e.id for e in defs] == ["eu-fr", "eu-nl", "eu-ch", "eu-us",  # EU-27 first, then associated, then third
                                    "eu-nuts2-ch04", "eu-nuts2-fr10", "eu-nuts2-nl33", "eu-nuts2-nl41"]
    nl33 = defs.get("eu-nuts2-nl33")
    assert (nl33.name_en, nl33.parent, nl33.select.nuts) == ("Zuid-Holland (NL33)", "eu-nl", ["NL33"])
    assert defs.get("eu-nuts2-nl41").name_en == "NUTS-2 region NL41"  # no name in the data: the code
    assert defs.get("eu-nuts2-nl41").name_nl == "NUTS-2-regio NL41"
    analyse(nuts_ws, defs)
    ov = europe_overview(nuts_ws, "en")
    regions = {r["code"]: r for r in ov["regions"]}
    # by hand: NL33 = TU Delft (projects 101, 103) + BigCorp (102, 103): 4 participations of 2 organisations in
    # 3 projects, EC 100,000 + 150,000 + 80,000 + 20,000; one pair inside (both in 103)
    assert (regions["NL33"]["participations"], regions["NL33"]["organisations"], regions["NL33"]["projects"]) == (4, 2, 3)
    assert regions["NL33"]["ec_contribution_eur"] == 350000 and regions["NL33"]["relations_internal"] == 1
    # NL41 = ACME (101, 102): 2 participations; FR10 and CH04 one each
    assert [regions[c]["participations"] for c in ("NL41", "FR10", "CH04")] == [2, 1, 1]
    # 'NO NUTS BV' has no NUTS code: the Dutch regions are lower bounds and say so; the French one is complete
    assert regions["NL33"]["lower_bound"] and "1 participating organisations" in regions["NL33"]["note"]
    assert not regions["FR10"]["lower_bound"]
    countries = {r["code"]: r for r in ov["countries"]}
    assert countries["NL"]["participations"] == 7 and countries["US"]["participations"] == 1


def test_nuts_filter_in_the_delineation(nuts_ws):
    from innovatlas.delineation import compile_reference, compile_scope

    def scope(sel):
        sql, params = compile_scope(sel)
        return sorted(nuts_ws.rows(sql, params))

    # a NUTS-1 code covers its NUTS-2 and NUTS-3 regions; lower case is accepted; codes are "any of"
    assert {p for p, _k in scope(Selector(nuts=["nl3"]))} == {111111111, 333333333}
    assert {p for p, _k in scope(Selector(nuts=["NL333", "FR1"]))} == {111111111, 444444444}
    # combined with another organisation filter (all must hold)
    assert {p for p, _k in scope(Selector(nuts=["NL"], activity_type=["PRC"]))} == {222222222, 333333333}
    # an organisation without a NUTS code is in no NUTS selection
    assert 777000001 not in {p for p, _k in scope(Selector(nuts=["NL"]))}
    sql, params = compile_reference(Selector(nuts=["NL4"]))
    assert [r[0] for r in nuts_ws.rows(sql, params)] == [222222222]


def test_a_bad_nuts_code_is_a_clear_error():
    with pytest.raises(DefinitionError) as err:
        parse_definitions({"ecosystem": [{"id": "zh", "name_en": "South Holland", "select": {"nuts": ["NL33", "Zuid-Holland"]}}]})
    msg = str(err.value)
    assert "ecosystem #1 ('zh')" in msg and "select.nuts" in msg and "'Zuid-Holland' is not a NUTS code" in msg and "NL33" in msg
    assert Selector(nuts=[" nl33 "]).nuts == ["NL33"]


def test_analyse_eu_without_demo_through_the_cli(synthetic_dir, tmp_path):
    from innovatlas.sources import cordis

    path = tmp_path / "eu-only.duckdb"
    with Workspace(path) as w:
        cordis.import_paths(w, [synthetic_dir])
    result = CliRunner().invoke(app, ["analyse", "--workspace", str(path), "--ecosystems", "eu", "--no-demo"])
    assert result.exit_code == 0, result.output
    with Workspace(path, read_only=True) as w:
        # conftest's synthetic download: organisations in NL, FR, US and CH, no NUTS codes
        assert [r[0] for r in w.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")] == ["eu-fr", "eu-nl",
                                                                                                   "eu-ch", "eu-us"]
    empty = tmp_path / "empty.duckdb"
    Workspace(empty).close()
    result = CliRunner().invoke(app, ["analyse", "--workspace", str(empty), "--ecosystems", "eu"])
    assert result.exit_code != 0 and "Import CORDIS data first" in result.output


def test_build_definitions_is_pure_and_merges_with_the_dutch_ones():
    from innovatlas.analysis import demo_definitions

    base = demo_definitions()
    s = build_definitions(["UK", "EL", "DE", "DE"], ["EL30", "DEA2"], {"DEA2": "Köln"}, base)
    ids = [e.id for e in s]
    assert ids[:len(base.ecosystems)] == [e.id for e in base]  # the Dutch ones first, unchanged
    assert ids[len(base.ecosystems):] == ["eu-de", "eu-gr", "eu-gb", "eu-nuts2-dea2", "eu-nuts2-el30"]
    assert s.get("eu-nuts2-el30").parent == "eu-gr" and s.get("eu-nuts2-dea2").name_nl == "Köln (DEA2)"
    assert s.get("eu-gr").name_nl == "Griekenland" and s.get("eu-gb").select.country == ["GB"]
