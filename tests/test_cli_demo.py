"""The command line end to end on the real data: demo, report, summary --json."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from innovatlas.cli import app
from innovatlas.model.ecosystem import KNOWLEDGE_CITIES

pytestmark = pytest.mark.integration
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """What 'make demo' runs: innovatlas demo --data ../shared/data."""
    d = tmp_path_factory.mktemp("demo")
    res = runner.invoke(app, ["demo", "--data", str(SHARED), "--workspace", str(d / "demo.duckdb"), "--out", str(d / "report")])
    assert res.exit_code == 0, res.output
    return d, res.output


def test_demo_report_names_all_knowledge_cities(demo_run):
    d, output = demo_run
    index = d / "report" / "index.html"
    assert index.exists() and "report:" in output
    html = index.read_text(encoding="utf-8")
    for city in KNOWLEDGE_CITIES:
        assert city in html, city
    # one page per ecosystem, linked from the overview, and a Dutch version with a language switch
    pages = re.findall(r'href="(eco-[a-z0-9-]+\.html)"', html)
    assert "eco-nl.html" in pages and "eco-wageningen.html" in pages
    for page in set(pages):
        assert (d / "report" / page).exists()
    nl = (d / "report" / "nl" / "index.html").read_text(encoding="utf-8")
    assert "Kennissteden" in nl and 'href="../index.html"' in nl and 'href="nl/index.html"' in html
    assert "cdn" not in html.lower() and "<script" not in html.lower()  # opens offline


def test_ecosystem_page_content(demo_run):
    d, _ = demo_run
    page = (d / "report" / "eco-eindhoven.html").read_text(encoding="utf-8")
    for heading in ("Headline figures", "Actors by type", "Top organisations", "Indicators", "Collaboration network",
                    "Overlap between ecosystems", "Over the years"):
        assert heading in page, heading
    assert page.count("<svg") >= 3  # type chart, time series, network picture
    assert "© European Union, CORDIS" in page  # provenance of the indicator values
    assert "TECHNISCHE UNIVERSITEIT EINDHOVEN" in page


def test_summary_json(demo_run):
    d, _ = demo_run
    res = runner.invoke(app, ["summary", "nl", "--json", "--workspace", str(d / "demo.duckdb")])
    assert res.exit_code == 0, res.output
    s = json.loads(res.output)
    for key in ("participations", "organisations", "projects", "ec_contribution_eur", "coordinator_roles",
                "by_activity_type", "internal_organisation_pairs", "projects_with_third_country_partner"):
        assert key in s
    assert s["participations"] == 9092
    assert set(s["by_activity_type"]) == {"HES", "REC", "PRC", "PUB", "OTH"}
    assert sum(v["participations"] for v in s["by_activity_type"].values()) == 9092


def test_unknown_ecosystem_is_a_clear_error(demo_run):
    d, _ = demo_run
    res = runner.invoke(app, ["summary", "atlantis", "--workspace", str(d / "demo.duckdb")])
    assert res.exit_code == 1 and "no ecosystem called 'atlantis'" in res.output and "eindhoven" in res.output


def test_demo_rerun_is_idempotent(demo_run):
    d, _ = demo_run
    res = runner.invoke(app, ["import", "cordis", str(SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"),
                              "--workspace", str(d / "demo.duckdb")])
    assert res.exit_code == 0 and "already imported" in res.output
