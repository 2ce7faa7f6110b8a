"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against a real
uvicorn server on loopback over the real demo workspace. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from innovatlas.store import Workspace

from conftest import ARTIFACTS  # the live server, browser and page fixtures live in conftest.py

pytestmark = pytest.mark.integration


def test_home_map_and_language_switch(page, server):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "innovatlas: research and innovation ecosystems"
    svg = page.locator("svg.map")
    assert svg.count() == 1 and page.locator("svg.map path").count() == 12  # provinces
    for city in ("Amsterdam", "Eindhoven", "Wageningen", "Maastricht"):
        assert page.locator(f'svg.map a[aria-label="{city}"]').count() == 1
    page.select_option("select[name=level]", "corop")
    page.click("button[type=submit]")
    assert page.locator("svg.map path").count() == 40
    page.screenshot(path=str(ARTIFACTS / "home-corop.png"), full_page=True)
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Ecosystemen" in page.locator("main").inner_text()
    assert "level=corop" in page.url  # the switch keeps the chosen view
    page.screenshot(path=str(ARTIFACTS / "home-nl.png"))


def test_keyboard_reaches_content(page, server):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.wait_for_url("**#content", timeout=5000)  # the anchor jump is asynchronous
    assert page.url.endswith("#content")


def test_ecosystem_page_and_download(page, server, tmp_path):
    page.goto(server + "/ecosystems/eindhoven")
    assert page.locator("h1").inner_text() == "Eindhoven"
    assert "TECHNISCHE UNIVERSITEIT EINDHOVEN" in page.locator("#top-organisations").inner_text()
    assert page.locator("svg.chart").count() >= 2
    with page.expect_download() as dl:
        page.click("text=GEXF")
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    assert path.name == "innovatlas-eindhoven-network.gexf" and "<gexf" in path.read_text()
    page.screenshot(path=str(ARTIFACTS / "ecosystem-eindhoven.png"), full_page=True)


def test_network_view_renders_filters_and_clicks_through(page, server):
    page.goto(server + "/ecosystems/delft/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    first = page.evaluate("window.__network")
    assert first["nodes"] == 43 and first["edges"] > 0
    assert "43 organisations" in page.locator("#status").inner_text()
    page.screenshot(path=str(ARTIFACTS / "network-delft.png"))
    # filter: only knowledge institutions
    for t in ("PRC", "PUB", "OTH"):
        page.uncheck(f"input[value={t}]")
    page.evaluate("window.__network = undefined")
    page.click("button[type=submit]")
    page.wait_for_function("() => window.__network !== undefined", timeout=30000)
    assert page.evaluate("window.__network.nodes") < first["nodes"]
    # click the TU Delft node where sigma drew it -> organisation page
    xy = page.evaluate("""() => { const r = window.__innovatlas.renderer;
        const a = window.__innovatlas.graph.getNodeAttributes('999977366');
        const p = r.graphToViewport({x: a.x, y: a.y}); const b = r.getContainer().getBoundingClientRect();
        return [p.x + b.left, p.y + b.top]; }""")
    page.mouse.move(xy[0], xy[1])
    page.mouse.click(xy[0], xy[1])
    page.wait_for_url("**/organisations/999977366**")
    assert page.locator("h1").inner_text() == "TECHNISCHE UNIVERSITEIT DELFT"


def test_national_network_with_partners_renders_in_webgl(page, server, real_workspace):
    # the national network has one node per registered organisation (issue 14): the Dutch PICs of the raw file
    # (2,061) joined by the workspace's PIC -> organisation table
    with Workspace(real_workspace, read_only=True) as w:
        units = w.scalar("SELECT count(DISTINCT coalesce(u.unit, p.pic)) FROM participation p "
                         "LEFT JOIN analysis_unit u USING (pic) WHERE p.country = 'NL'")
    page.goto(server + "/ecosystems/nl/network")
    page.wait_for_function("() => window.__network !== undefined", timeout=60000)
    assert page.evaluate("window.__network.nodes") == units < 2061
    page.check("input[name=partners]")
    page.evaluate("window.__network = undefined")
    page.click("button[type=submit]")
    page.wait_for_function("() => window.__network !== undefined", timeout=60000)
    net = page.evaluate("window.__network")
    assert net["nodes"] > 15000 and net["edges"] > 80000
    assert page.evaluate("!!document.querySelector('#graph canvas').getContext('webgl')") or \
        page.evaluate("document.querySelectorAll('#graph canvas').length") >= 2
    page.select_option("select[name=colour]", "community")
    page.screenshot(path=str(ARTIFACTS / "network-nl-partners.png"))


def test_organisation_and_compare_pages(page, server):
    page.goto(server + "/organisations?q=wageningen")
    page.click("text=WAGENINGEN UNIVERSITY")
    assert "Partners" in page.locator("main").inner_text()
    assert page.locator("table").first.locator("tr").count() > 5
    page.screenshot(path=str(ARTIFACTS / "organisation.png"), full_page=True)
    page.click("#valorisation-link")
    assert "Valorisation profile" in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "valorisation.png"), full_page=True)
    page.goto(server + "/compare?a=delft&b=eindhoven&lang=nl")
    table = page.locator("#comparison").inner_text()
    assert "Delft" in table and "Eindhoven" in table and "Organisaties" in table
    page.goto(server + "/ecosystems/atlantis")
    assert "atlantis" in page.locator("[role=alert]").inner_text()
