"""Issue 9, presentation (points 8-12, 14, 15): what a first-time user reads must be readable,
in their language, with names instead of ids, and with charts that have axes.

Real workspace (tests/conftest.py), real DuckDB, real HTTP (FastAPI TestClient over the app),
real second OS process for the lock. Expected Dutch number formats are CLDR's (nl: grouping
'.', decimal ','), the format Babel implements; the Eindhoven EC contribution 305,407,719 EUR is
recomputed here from the raw CORDIS participations with DuckDB.
"""

from __future__ import annotations

import html as html_module
import json
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innovatlas.cli import app as cli
from innovatlas.errors import WorkspaceError
from innovatlas.store import Workspace

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str) -> str:
    res = runner.invoke(cli, list(args), env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    return res.output


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


# -- point 8: tables on the terminal, JSON only with --json -------------------------------
def test_composite_prints_a_table_and_json_only_on_request(real_workspace):
    ws = str(real_workspace)
    text = run("composite", "eindhoven", "-w", ws)
    assert not _is_json(text) and not text.lstrip().startswith("{")
    assert "Eindhoven" in text and "2015" in text and "% of base year" in text
    data = json.loads(run("composite", "eindhoven", "-w", ws, "--json"))
    assert data["ecosystem"] == "eindhoven" and data["years"]
    both = run("composite", "eindhoven,delft", "-w", ws)
    assert "Delft" in both and "Median rank" in both and not _is_json(both)


@pytest.mark.parametrize("args", [("summary", "eindhoven"), ("overlaps", "eindhoven"), ("indicators",),
                                  ("diagnose", "eindhoven"), ("composite", "delft")])
def test_every_command_with_json_prints_a_table_without_it(real_workspace, args):
    ws = str(real_workspace)
    assert not _is_json(run(*args, "-w", ws))
    assert _is_json(run(*args, "-w", ws, "--json"))


# -- point 9: a workspace held open by another process ------------------------------------
def test_locked_workspace_says_what_to_do(tmp_path):
    path = tmp_path / "held.duckdb"
    Workspace(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(path)!r}, read_only=True)   # as 'innovatlas serve' does
        print("holding", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(WorkspaceError) as err:
            Workspace(path)
        msg = str(err.value)
        assert "stop the server" in msg and f"{path}.new" in msg and "mv " in msg
        assert "-readonly" not in msg and "IO Error" not in msg
        assert f"PID {holder.pid}" in msg
        res = runner.invoke(cli, ["analyse", "-w", str(path)])
        assert res.exit_code == 2 and "stop the server" in res.output and "Traceback" not in res.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


# -- point 10: Dutch throughout ----------------------------------------------------------
def test_numbers_follow_the_language():
    from innovatlas.report.labels import number, percent

    assert number(305407719.03, "nl") == "305.407.719" and number(305407719.03, "en") == "305,407,719"
    assert number(12.5, "nl", 1) == "12,5" and number(12.5, "en", 1) == "12.5"
    assert percent(0.125, "nl") == "12,5%" and number(None, "nl") == "–"


def test_every_measure_and_unit_the_product_emits_has_a_label_and_definition(real_ws):
    from innovatlas.monitor import COMPARE_MEASURES
    from innovatlas.report.labels import MEASURES, UNITS

    measures = {m for (m,) in real_ws.rows("SELECT DISTINCT measure FROM indicator_value")} | set(COMPARE_MEASURES)
    units = {u for (u,) in real_ws.rows("SELECT DISTINCT unit FROM indicator_value WHERE unit IS NOT NULL")}
    assert len(measures) > 25
    missing = sorted(measures - set(MEASURES))
    assert not missing, f"measures without a label: {missing}"
    for code in measures:
        en, nl, def_en, def_nl = MEASURES[code]
        assert en and nl and def_en and def_nl and nl != code and "_" not in nl + en, code
    assert not sorted(units - set(UNITS)), sorted(units - set(UNITS))


def test_diagnose_in_dutch_has_dutch_verdicts(real_workspace):
    text = run("diagnose", "eindhoven", "-w", str(real_workspace), "--lang", "nl")
    for english in ("white spot", "unknown", "strength", "challenge", "verdict", "diagnosis of"):
        assert english not in text, english
    assert "Oordeel" in text and ("onbekend" in text or "witte vlek" in text)


@pytest.fixture(scope="module")
def report_nl(real_ws, tmp_path_factory):
    from innovatlas.report import render_site

    out = tmp_path_factory.mktemp("report-nl")
    render_site(real_ws, out, lang="nl")
    return out


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_dutch_report_shows_no_codes_and_dutch_numbers(report_nl, real_ws):
    shared = ROOT.parent / "shared" / "data"
    index = (report_nl / "index.html").read_text(encoding="utf-8")
    page = (report_nl / "eco-eindhoven.html").read_text(encoding="utf-8")
    # the visible page first (the folded provenance in <details> is checked below)
    text = _text(re.sub(r"<details>.*?</details>", " ", page, flags=re.S))
    for code in ("blau actor types", "funding hhi", "coordinator_roles", "firm_share", "white spot", "unknown",
                 "organisation pairs", "observed/expected", "Mean degree"):
        assert code not in text, code
    assert "Organisaties gevestigd in de gemeente Eindhoven (kennisstad)" in text  # the description in Dutch
    assert "Concentratie EU-financiering (HHI)" in text and "Diversiteit actortypen (Blau)" in text
    # the EC contribution of Eindhoven, recomputed from the raw CORDIS file, shown with Dutch separators
    total = real_ws.scalar("SELECT sum(ec_contribution) FROM scope WHERE ecosystem_id = 'eindhoven'")
    assert f"{round(total):,}".replace(",", ".") in _text(index)
    assert shared.exists()
    assert "elke indicator als % van het eigen basisjaar" in text  # the chart footnote in Dutch
    # the folded provenance too: methods in Dutch, file names without this machine's folders
    full = _text(page)
    assert "Geteld over de deelnames binnen de afbakening" in full and "Counted over" not in full
    assert "shared/data" not in page and "h2020.csv.gz" in full and "rijen" in full


def test_mean_degree_is_shown_when_computed(report_nl, real_ws):
    nodes, edges = real_ws.rows("""SELECT max(value) FILTER (WHERE metric = 'nodes'), max(value) FILTER (WHERE metric = 'edges')
                                   FROM network_metric WHERE ecosystem_id = 'eindhoven'""")[0]
    text = _text((report_nl / "eco-eindhoven.html").read_text(encoding="utf-8"))
    expected = f"{2 * edges / nodes:.2f}".replace(".", ",")
    assert re.search(r"Gemiddelde graad\s+" + re.escape(expected), text), text[text.find("Gemiddelde graad"):][:80]


# -- point 11: names instead of ids ---------------------------------------------------------
def test_overlap_tables_show_names(report_nl):
    index = (report_nl / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="eco-([a-z0-9-]+)\.html">([^<]+)</a>', index[index.find("Overlap tussen"):])
    assert rows and all(label != eco for eco, label in rows if eco not in ("delft", "leiden")), rows[:5]
    assert "Energie (H2020 SC3)" in index


@pytest.fixture(scope="module")
def client(real_workspace):
    from fastapi.testclient import TestClient

    from innovatlas.web import create_app

    with TestClient(create_app(real_workspace)) as c:
        yield c


def test_compare_page_has_words_not_codes(client):
    for lang, words in (("en", ("collaboration relations: inside the ecosystem", "Organisations: Higher")),
                        ("nl", ("samenwerkingsrelaties: binnen het ecosysteem", "Organisaties: Hoger"))):
        text = _text(client.get(f"/compare?a=eindhoven&b=delft&lang={lang}").text)
        assert "#18 inside" not in text and "Organisations HES" not in text and "Organisaties HES" not in text
        for w in words:
            assert w in text, (lang, w)


def test_proposal_names_the_other_ecosystems(real_workspace, tmp_path):
    import shutil

    from innovatlas.assess import run as run_tool
    from innovatlas.report.decisions import render_html

    path = tmp_path / "ws.duckdb"
    shutil.copy(real_workspace, path)
    with Workspace(path) as w:
        kind, _model, result = run_tool(w, ROOT / "examples" / "proposal-eindhoven.yaml")
    html = _text(render_html(kind, result, "nl"))
    assert "Nederland (" in html and "nl (" not in html and "recent (" not in html


# -- point 12: charts with axes, partial years, names not cut, no internal paths ------------
def test_time_series_have_a_y_axis_and_partial_years_are_drawn_apart():
    from innovatlas.report.charts import line_chart

    svg = str(line_chart({"Deelnames": [(2018, 80), (2019, 100), (2020, 90), (2021, 20, True)]}, title="t", lang="nl"))
    assert 'aria-roledescription="axis"' in svg and "Y-axis" in svg  # Vega's own axis descriptions
    assert svg.count("role-axis-label") >= 2
    assert "onvolledig jaar" in svg  # the legend entry
    assert 'stroke-dasharray="5,4"' in svg  # the dashed stretch into the partial year
    assert "<title>Deelnames, 2021: 20 (onvolledig jaar)</title>" in svg  # the tooltip
    assert "<script" not in svg


def test_organisation_page_full_partner_names_and_no_file_path(client, real_ws):
    from innovatlas.explore import organisation_detail

    pic = real_ws.scalar("SELECT pic FROM organisation WHERE label = 'TECHNISCHE UNIVERSITEIT EINDHOVEN'")
    html = client.get(f"/organisations/{pic}?lang=nl").text
    source = html.split("Naam uit", 1)[1].split("</p>", 1)[0]
    assert "/" not in source and "shared" not in source, source  # dataset and file name, no internal path
    partners = [p["label"] for p in organisation_detail(real_ws, pic)["partners"][:12]]
    long = [p for p in partners if len(" ".join(p.split())) > 38]
    assert long, "the test needs a partner with a long name"
    axis = " ".join(re.findall(r'class="mark-text role-axis-label".*?</g>', html, flags=re.S))
    shown = [html_module.unescape(x) for x in re.findall(r">([^<>]+)</text>", axis)]
    for name in long:
        full = " ".join(name.split())
        assert f"<title>{full}: " in html_module.unescape(html)  # the tooltip names the partner in full
        short = next(s for s in shown if s.endswith("…") and full.startswith(s[:-1]))
        rest = full[len(short) - 1:]
        assert rest.startswith(" ") or rest[:1] in ",;-", (short, full)  # cut at a word boundary, never mid-word


def test_map_regions_are_links_and_labels_fit(client):
    html = client.get("/?level=province").text
    svg = html[html.find("<svg class=\"map\""):html.find("</svg>") + 6]
    width = float(re.search(r'viewBox="0 0 ([0-9.]+)', svg).group(1))
    regions = re.findall(r'<a class="region" href="([^"]+)"', svg)
    assert len(regions) == 12 and all(r.startswith("/organisations?region=PV") for r in regions)
    for x, anchor, city in re.findall(r'<text x="([0-9.]+)"[^>]*text-anchor="(start|end)"[^>]*>([^<]+)</text>', svg):
        right = float(x) + (6.5 * len(city) if anchor == "start" else 0)
        assert right <= width, (city, right, width)
    first = regions[0].replace("&amp;", "&")
    page = client.get(first).text
    assert "Organisaties in" in client.get(first.replace("lang=en", "lang=nl")).text
    assert "Organisations in" in page and page.count("/organisations/") > 1


# -- point 14: ids in any case, and the closest id suggested ---------------------------------
def test_ecosystem_ids_are_case_insensitive_and_typos_get_a_suggestion(client, real_workspace):
    r = client.get("/ecosystems/Eindhoven", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/ecosystems/eindhoven"
    assert client.get("/ecosystems/Eindhoven").status_code == 200
    assert client.get("/api/ecosystems/EINDHOVEN/summary").json()["ecosystem"] == "eindhoven"
    bad = client.get("/api/ecosystems/eindhovn/summary")
    assert bad.status_code == 404 and bad.json()["suggestion"] == "eindhoven" and "Did you mean 'eindhoven'" in bad.json()["error"]
    res = runner.invoke(cli, ["summary", "eindhovn", "-w", str(real_workspace)])
    assert res.exit_code == 1 and "Did you mean 'eindhoven'?" in res.output
    assert "Eindhoven" in run("summary", "Eindhoven", "-w", str(real_workspace))


# -- point 15: no cut names, no <bool>, SPDX licence ------------------------------------------
def test_indicator_names_are_not_cut(real_workspace, real_ws):
    from innovatlas.inputs import catalogue_with_sources

    res = runner.invoke(cli, ["indicators", "-w", str(real_workspace)], env={"COLUMNS": "120"})
    assert res.exit_code == 0
    words = set(re.findall(r"[A-Za-z]+", res.output))
    longest = max(catalogue_with_sources(real_ws), key=lambda r: len(r["name_en"]))
    assert len(longest["name_en"]) > 70
    for word in re.findall(r"[A-Za-z]+", longest["name_en"]):
        assert word in words, word  # every word of the longest name is printed whole


def test_help_shows_no_bool_placeholder():
    for args in (["summary", "--help"], ["assess", "run", "--help"], ["composite", "--help"]):
        out = runner.invoke(cli, args, env={"COLUMNS": "160"}).output
        assert "<bool>" not in out and ("--json" in out or "--pdf" in out)


def test_pyproject_licence_is_an_spdx_string():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    req = next(r for r in meta["build-system"]["requires"] if r.startswith("setuptools"))
    assert int(re.search(r">=(\d+)", req).group(1)) >= 77  # setuptools 77 reads PEP 639 SPDX strings
    assert any(d.startswith("babel") for d in meta["project"]["dependencies"])
    assert any(d.startswith("vl-convert-python") for d in meta["project"]["dependencies"])


# -- in a real browser (Debian's Chromium via Playwright), both languages --------------------
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def live(browser, server):
    """The shared browser and live server (conftest.py)."""
    return browser, server


def test_browser_network_filters_live_in_the_url(live):
    browser, base = live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/ecosystems/delft/network?lang=nl")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    for t in ("PRC", "PUB", "OTH"):
        page.uncheck(f"input[value={t}]")
    page.select_option("select[name=colour]", "community")
    page.evaluate("window.__network = undefined")
    page.click("button[type=submit]")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    filtered = page.evaluate("window.__network.nodes")
    assert "activity_type=HES" in page.url and "activity_type=PRC" not in page.url and "colour=community" in page.url
    page.screenshot(path=str(ARTIFACTS / "trust-network-delft-nl.png"))
    page.reload()  # the same view after a reload (and for whoever gets the link)
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    assert page.evaluate("window.__network.nodes") == filtered
    assert not page.is_checked("input[value=PRC]") and page.input_value("select[name=colour]") == "community"
    assert "activity_type=HES" in page.get_attribute("#lang-switch", "href")
    # hub labels: shortened at a word (full name on hover), drawn by our label renderer that keeps them on the canvas
    page.goto(base + "/ecosystems/eindhoven/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    labels = page.evaluate("""(() => { const g = window.__innovatlas.graph;
        return g.nodes().map((n) => [g.getNodeAttribute(n, 'label'), g.getNodeAttribute(n, 'fullLabel')]); })()""")
    assert all(len(short) <= 33 for short, _full in labels)
    cut = [(short, full) for short, full in labels if short != full]
    assert cut and all(short.endswith("\u2026") and full.startswith(short[:-1]) for short, full in cut)
    assert page.evaluate("typeof window.__innovatlas.renderer.getSetting('labelRenderer')") == "function"
    page.screenshot(path=str(ARTIFACTS / "trust-network-eindhoven-en.png"))
    page.close()


def test_browser_map_region_click_opens_its_organisations(live):
    browser, base = live
    for lang, heading in (("en", "Organisations in"), ("nl", "Organisaties in")):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/?lang={lang}")
        page.screenshot(path=str(ARTIFACTS / f"trust-home-{lang}.png"), full_page=True)
        page.locator('svg.map a.region[aria-label="Utrecht"]').click(position={"x": 5, "y": 5}, force=True)
        page.wait_for_load_state()
        assert "region=PV" in page.url and page.locator("h1").inner_text().startswith(heading)
        assert page.locator("tbody tr").count() > 10
        page.close()


def test_browser_pages_in_both_languages(live, real_ws):
    browser, base = live
    pic = real_ws.scalar("SELECT pic FROM organisation WHERE label = 'TECHNISCHE UNIVERSITEIT EINDHOVEN'")
    for lang in ("en", "nl"):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/ecosystems/Eindhoven?lang={lang}")  # upper case: redirected
        assert page.url.startswith(base + "/ecosystems/eindhoven")
        assert page.locator("svg.chart").count() >= 3
        page.screenshot(path=str(ARTIFACTS / f"trust-ecosystem-eindhoven-{lang}.png"), full_page=True)
        page.goto(f"{base}/organisations/{pic}?lang={lang}")
        page.screenshot(path=str(ARTIFACTS / f"trust-organisation-tue-{lang}.png"), full_page=True)
        page.goto(f"{base}/compare?a=eindhoven&b=delft&lang={lang}")
        page.screenshot(path=str(ARTIFACTS / f"trust-compare-{lang}.png"), full_page=True)
        page.close()
