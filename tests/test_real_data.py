"""Integration on the real CORDIS files in ../shared/data. Every expected figure comes from an
independent DuckDB query over the raw file, written here without the package's code."""

from __future__ import annotations

import duckdb
import pytest

from conftest import SHARED
from innovatlas.analysis import placement, summary

pytestmark = pytest.mark.integration

H2020 = str(SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz")
PARTS = str(SHARED / "cordis-h2020-participations-eunets" / "programme_parts.csv.gz")
# EU-28 and H2020 associated countries in CORDIS codes (issue 3; EU membership during H2020)
NOT_THIRD = ("AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK UK "
             "AL AM BA CH FO GE IL IS MD ME MK NO RS TN TR UA").split()


@pytest.fixture(scope="module")
def raw():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE h AS SELECT * FROM read_csv('{H2020}', nullstr='NA')")
    con.execute(f"CREATE TABLE parts AS SELECT * FROM read_csv('{PARTS}')")
    return con


def test_all_rows_imported(real_ws, raw):
    assert real_ws.scalar("SELECT count(*) FROM participation") == raw.execute("SELECT count(*) FROM h").fetchone()[0] == 144726
    assert real_ws.scalar("SELECT count(*) FROM project") == raw.execute("SELECT count(DISTINCT rcn) FROM h").fetchone()[0]
    assert real_ws.scalar("SELECT count(DISTINCT pic) FROM participation") == raw.execute("SELECT count(DISTINCT pic) FROM h").fetchone()[0]
    # CORDIS country codes kept as published and normalised to ISO
    assert real_ws.scalar("SELECT count(*) FROM participation WHERE country_cordis = 'UK' AND country = 'GB'") == \
        raw.execute("SELECT count(*) FROM h WHERE country = 'UK'").fetchone()[0]


@pytest.fixture(scope="module")
def unit_raw(real_ws, raw):
    """The raw file with each row's analysis unit: the workspace counts per registered organisation (issue 14), so
    the independent counts below count the raw PICs once per unit of the stored registry (``analysis_unit``)."""
    import pyarrow as pa

    units = real_ws.rows("SELECT pic, unit FROM analysis_unit")
    cur = raw.cursor()
    cur.register("_units", pa.table({"pic": [p for p, _u in units], "unit": [u for _p, u in units]}))
    cur.execute("CREATE OR REPLACE TABLE hu AS SELECT h.*, coalesce(u.unit, h.pic) AS unit FROM h LEFT JOIN _units u USING (pic)")
    return raw


def test_nl_summary_matches_raw_file(real_ws, raw, unit_raw):
    s = summary(real_ws, "nl")
    assert s["unit"]["unit"] == "organisation"
    nl = "FROM h WHERE country = 'NL'"
    q = lambda sql: raw.execute(sql).fetchone()[0]  # noqa: E731
    assert s["participations"] == q(f"SELECT count(*) {nl}") == 9092
    # registered organisations: fewer than the PICs (PICs of one organisation joined), each PIC in one
    assert s["organisations"] == q("SELECT count(DISTINCT unit) FROM hu WHERE country = 'NL'") < q(f"SELECT count(DISTINCT pic) {nl}")
    assert s["projects"] == q(f"SELECT count(DISTINCT rcn) {nl}")
    assert s["ec_contribution_eur"] == pytest.approx(q(f"SELECT sum(contribution) {nl}"), rel=1e-9)
    assert s["coordinator_roles"] == q(f"SELECT count(*) {nl} AND role = 'coordinator'")
    for act, p, o, ec in raw.execute("SELECT type, count(*), count(DISTINCT unit), sum(contribution) FROM hu WHERE country = 'NL' GROUP BY type").fetchall():
        got = s["by_activity_type"][act]
        assert (got["participations"], got["organisations"]) == (p, o)
        assert got["ec_contribution_eur"] == pytest.approx(ec, rel=1e-9)
    assert s["internal_organisation_pairs"] == q("""
        SELECT count(*) FROM (SELECT DISTINCT a.unit, b.unit FROM hu a JOIN hu b ON a.rcn = b.rcn AND a.unit < b.unit
                              WHERE a.country = 'NL' AND b.country = 'NL')""")
    assert s["projects_with_third_country_partner"] == q(f"""
        SELECT count(DISTINCT a.rcn) FROM h a JOIN h b ON a.rcn = b.rcn
        WHERE a.country = 'NL' AND b.country NOT IN ({", ".join(f"'{c}'" for c in NOT_THIRD)})""")


def test_thematic_ecosystem_matches_raw_file(real_ws, raw, unit_raw):
    s = summary(real_ws, "health")
    expected = raw.execute("""
        SELECT count(*), count(DISTINCT unit), count(DISTINCT h.rcn) FROM hu h
        WHERE country = 'NL' AND rcn IN (SELECT rcn FROM parts WHERE programme_part = 'SC1')""").fetchone()
    assert (s["participations"], s["organisations"], s["projects"]) == expected
    assert s["organisations"] > 100


def test_every_knowledge_city_has_members(real_ws):
    cities = ["amsterdam", "den-haag", "delft", "eindhoven", "enschede", "groningen", "leiden", "maastricht",
              "nijmegen", "rotterdam", "tilburg", "utrecht", "wageningen"]
    for c in cities:
        assert summary(real_ws, c)["organisations"] > 5, c
    # Wageningen holds Wageningen University; Delft holds TU Delft, both by name and place
    assert real_ws.scalar("""SELECT count(*) FROM ecosystem_member m JOIN organisation o USING (pic)
                        WHERE m.ecosystem_id = 'wageningen' AND o.name ILIKE '%WAGENINGEN UNIVERSITY%'""") >= 1
    assert real_ws.scalar("""SELECT count(*) FROM ecosystem_member m JOIN organisation o USING (pic)
                        WHERE m.ecosystem_id = 'delft' AND o.name = 'TECHNISCHE UNIVERSITEIT DELFT'""") == 1


def test_names_coverage_as_documented(real_ws):
    # shared/data/README.md: with both name tables 7,774 of 9,092 Dutch participation rows get a name (the Horizon
    # Dashboard sample is not in the demo: it is a partial year, and importing it adds its participations)
    assert real_ws.scalar("""SELECT count(*) FROM participation p JOIN organisation o USING (pic)
                        WHERE p.country = 'NL' AND o.name IS NOT NULL""") == 7774
    # unnamed organisations stay in counts, labelled by PIC
    assert real_ws.scalar("SELECT count(*) FROM organisation WHERE name IS NULL AND label = 'PIC ' || pic") == \
        real_ws.scalar("SELECT count(*) FROM organisation WHERE name IS NULL")


def test_placement_report(real_ws):
    p = placement(real_ws)
    assert p["dutch_organisations"] == 2061
    assert p["placed"] + p["unplaced"] == p["dutch_organisations"]
    assert p["placed"] > 1000
    # every named Dutch organisation with an address is placed, but a handful of villages
    assert len(p["unplaced_cities"]) < 15


def test_network_of_nl(real_ws):
    s = summary(real_ws, "nl")["network"]
    assert s["nodes"] == summary(real_ws, "nl")["organisations"] == real_ws.scalar(
        "SELECT count(DISTINCT u.unit) FROM participation p JOIN analysis_unit u USING (pic) WHERE p.country = 'NL'") < 2061
    assert s["edges"] == summary(real_ws, "nl")["internal_organisation_pairs"]
    assert 0 < s["largest_component_share"] <= 1
    assert s["communities"] >= 1 and 0 < s["modularity"] < 1
    # the degree distribution sums to the number of nodes
    import json
    dist = json.loads(real_ws.scalar("SELECT detail FROM network_metric WHERE ecosystem_id = 'nl' AND metric = 'degree_distribution'"))
    assert sum(dist.values()) == s["nodes"]
