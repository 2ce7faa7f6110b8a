"""The connection-agenda page and the consortium builder in Debian's Chromium (Playwright) over the real workspace."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS  # the server, browser and page fixtures live in conftest.py

pytestmark = pytest.mark.integration


def test_connection_agenda_page(server, page):
    page.goto(f"{server}/connections?lang=en")
    assert page.locator("h1").inner_text() == "Connection agenda of the knowledge cities"
    # heat map: 13 cities as columns, one row per programme part, a bold cell for each specialisation
    assert page.locator("#heat-table thead th").count() == 14
    assert page.locator("#heat-table tbody tr").count() >= 15
    wag_sc2 = page.locator("#heat-table tbody tr", has_text="SC2").locator("td").nth(12)
    assert float(wag_sc2.inner_text()) > 0.5  # Wageningen's food and bio-economy profile
    # the map draws a line per linked pair, titled with its figures
    lines = page.locator("#links-map line.link")
    assert lines.count() >= 60
    assert "joint projects" in lines.first.locator("title").text_content()
    assert page.locator("#bridges-table tbody tr").count() >= 10
    assert page.locator("#pipelines-table tbody tr").count() == 13
    assert page.locator("#in-words li").count() >= 5
    page.screenshot(path=str(ARTIFACTS / "connections.png"), full_page=True)
    # Dutch, and the city regions instead of the municipalities
    page.goto(f"{server}/connections?lang=nl&scope=adjacent")
    assert page.locator("h1").inner_text() == "Verbindingsagenda van de kennissteden"
    assert "Stadsregio Eindhoven" in page.locator("#heat-table thead").inner_text()
    # a download: the city-to-city network as GEXF
    with page.expect_download() as dl:
        page.locator("a", has_text="cities.gexf").click()
    assert dl.value.suggested_filename.endswith("cities.gexf")


def test_consortium_builder_page(server, page):
    page.goto(f"{server}/ecosystems/eindhoven/consortium?lang=en&theme=SC3&type=PRC")
    rows = page.locator("#candidates tbody tr")
    assert rows.count() == 20
    assert "projects in the theme" in rows.first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "consortium.png"), full_page=True)
    page.goto(f"{server}/ecosystems/delft?lang=en")
    assert page.locator("#eco-dynamics tbody tr").count() == 6  # complete start years 2015-2020
    assert page.locator("#eco-links tbody tr").count() == 12
    page.locator("#dynamics").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "ecosystem-dynamics.png"))
