"""The programme filters in a real Chromium (issue 19): the network page's programme select and the ecosystem
page's programme form, over FP7 and Horizon 2020 participations side by side (the real partial-year sample
``../shared/data/cordis-fp7-h2020-partial-years-swissparticipation``; counts from the API, which
tests/test_programmes.py checks against independent queries over the raw files)."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS, SHARED
from innovatlas.analysis import analyse, load_definitions
from innovatlas.sources import cordis, geo
from innovatlas.store import Workspace

SWISS = SHARED / "cordis-fp7-h2020-partial-years-swissparticipation"


@pytest.fixture(scope="module")
def real_workspace(tmp_path_factory):
    """FP7 and H2020 rows (cordis-plus 2007 and 2014) with CBS geography, analysed (overrides conftest's, so
    ``server`` serves this workspace)."""
    path = tmp_path_factory.mktemp("programmes-browser") / "p.duckdb"
    with Workspace(path) as ws:
        cordis.import_paths(ws, [SWISS / "cordis-plus-2007.csv.gz", SWISS / "cordis-plus-2014.csv.gz"])
        geo.import_paths(ws, [SHARED / "nl-boundaries-cbs"])
        analyse(ws, load_definitions(), diagnose=False)
    return path


def test_network_programme_filter_in_chromium(page, server):
    import json
    import urllib.request

    def members(programme: str) -> int:
        with urllib.request.urlopen(f"{server}/api/ecosystems/nl/network?programme={programme}") as r:
            return sum(1 for n in json.load(r)["nodes"] if n["member"])

    page.goto(server + "/ecosystems/nl/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    everything = page.evaluate("window.__network.nodes")
    assert everything == members("all")
    page.select_option("select[name=programme]", "H2020")
    page.evaluate("window.__network = undefined")
    page.click("button[type=submit]")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    assert page.evaluate("window.__network.nodes") == members("H2020") < everything
    assert "programme=H2020" in page.url  # the filter lives in the URL: bookmarkable, reloads the same view
    page.screenshot(path=str(ARTIFACTS / "network-nl-h2020.png"))
    page.reload()
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    assert page.locator("select[name=programme]").input_value() == "H2020"


def test_ecosystem_page_programme_form_in_chromium(page, server):
    page.goto(server + "/ecosystems/nl?lang=nl")
    rows = page.locator("#programme-figures tbody tr")
    assert rows.count() == 2 and "alle programma's" in page.locator("#programme").inner_text()
    page.select_option("#programme", "FP7")
    page.click("#programme-filter button[type=submit]")
    page.wait_for_url("**programme=FP7**")
    assert page.locator("#programme-figures tbody tr").count() == 1
    assert "Zevende Kaderprogramma" in page.locator("#programme-figures").inner_text()
    assert "lang=nl" in page.url  # the language is kept
