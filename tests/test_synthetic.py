"""End to end on the synthetic official-layout download of conftest.py, every number by hand."""

from __future__ import annotations

import zipfile

import pytest

from innovatlas.analysis import analyse, load_definitions, overlaps, summary
from innovatlas.model.ecosystem import parse_definitions
from innovatlas.sources import cordis, geo


def _load(ws, synthetic_dir, synthetic_geo, synthetic_fp7):
    geo.import_paths(ws, [synthetic_geo])
    cordis.import_paths(ws, [synthetic_dir, synthetic_fp7])
    analyse(ws, load_definitions())


def test_official_layout_quoted_fields(ws, synthetic_dir):
    cordis.import_paths(ws, [synthetic_dir])
    # quoted ';' and embedded newline survive
    assert ws.scalar("SELECT title FROM project WHERE grant_id = '102'") == 'Energy; storage "grid"'
    assert ws.scalar("SELECT objective FROM project WHERE grant_id = '102'") == "Line one\nline two; with semicolon"
    assert ws.scalar("SELECT name FROM organisation WHERE pic = 333333333") == "BIGCORP NV; HOLDING"
    assert ws.scalar("SELECT count(*) FROM participation") == 9
    # project key by rcn, programme part from legal basis
    assert ws.rows("SELECT project_key, programme_part FROM project_part ORDER BY 1") == [
        ("H2020-9001", "SC1"), ("H2020-9002", "SC3"), ("H2020-9003", "MSCA")]
    # CORDIS activity + SME flag -> framework actor types
    types = dict(ws.rows("SELECT pic, actor_type FROM organisation"))
    assert types[111111111] == "university" and types[222222222] == "sme" and types[333333333] == "large_firm"
    assert types[666666666] == "research_organisation"


def test_provenance_on_every_fact(ws, synthetic_dir):
    cordis.import_paths(ws, [synthetic_dir])
    b = ws.dicts("SELECT * FROM import_batch")[0]
    assert b["dataset"] == "cordis:H2020:participations" and b["licence"].startswith("CC BY 4.0")
    assert b["attribution"] == "© European Union, CORDIS" and len(b["sha256"]) > 64
    assert ws.scalar("SELECT count(*) FROM participation WHERE batch_id IS NULL OR source_row IS NULL") == 0
    # source_row points at the data row: the coordinator of project 102 is organisation.csv row 5
    assert ws.scalar("SELECT source_row FROM participation WHERE pic = 222222222 AND role = 'coordinator'") == 5


def test_zip_import(ws, synthetic_dir, tmp_path):
    z = tmp_path / "cordis-h2020projects-csv.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(synthetic_dir / "project.csv", "project.csv")
        zf.write(synthetic_dir / "organization.csv", "organization.csv")
        zf.writestr("euroSciVoc.csv", "a;b\n1;2\n")
    rep = cordis.import_paths(ws, [z])
    assert ws.scalar("SELECT count(*) FROM participation") == 9
    assert "cordis:H2020:participations (participations)" in rep.loaded


def test_summary_nl_by_hand(ws, synthetic_dir, synthetic_geo, synthetic_fp7):
    _load(ws, synthetic_dir, synthetic_geo, synthetic_fp7)
    s = summary(ws, "nl")
    # NL participations: 101:{P1,P2} 102:{P2,P3} 103:{P1,P3}
    assert s["participations"] == 6
    assert s["organisations"] == 3
    assert s["projects"] == 3
    assert s["ec_contribution_eur"] == 100000 + 50000 + 200000 + 80000 + 150000 + 20000
    assert s["coordinator_roles"] == 3  # P1@101, P2@102, P1@103
    assert s["by_activity_type"]["HES"] == {"participations": 2, "organisations": 1, "ec_contribution_eur": 250000}
    assert s["by_activity_type"]["PRC"] == {"participations": 4, "organisations": 2, "ec_contribution_eur": 350000}
    assert s["by_activity_type"]["REC"] == {"participations": 0, "organisations": 0, "ec_contribution_eur": 0}
    assert s["internal_organisation_pairs"] == 3  # P1-P2, P2-P3, P1-P3
    assert s["projects_with_third_country_partner"] == 1  # 101 has a US partner; CH (102) is associated
    assert s["collaboration_relations"] == {"internal": 3, "rest_nl": 0, "eu": 2, "associated": 2, "third_country": 2}
    # SME flag published: P2 (SME) twice, P3 (not SME) twice -> 2 / 4
    assert s["sme_share"] == pytest.approx(0.5)
    # reference population = the 3 participants + 1 Dutch organisation only in the FP7 table
    assert s["organisation_degree"] == pytest.approx(3 / 4)
    net = s["network"]
    assert (net["nodes"], net["edges"], net["density"], net["components"]) == (3, 3, 1.0, 1)
    # triangle TU (HES) - ACME (SME) - BIGCORP (large firm)
    assert net["link_shares"]["knowledge_firm"] == pytest.approx(2 / 3)
    assert net["link_shares"]["knowledge_sme"] == pytest.approx(1 / 3)
    assert net["link_shares"]["firm_firm"] == pytest.approx(1 / 3)


def test_thematic_and_city_ecosystems(ws, synthetic_dir, synthetic_geo, synthetic_fp7):
    _load(ws, synthetic_dir, synthetic_geo, synthetic_fp7)
    health = summary(ws, "health")  # SC1 = project 101 only
    assert (health["participations"], health["organisations"], health["projects"]) == (2, 2, 1)
    assert health["internal_organisation_pairs"] == 1
    assert health["projects_with_third_country_partner"] == 1
    delft = summary(ws, "delft")  # TU Delft, in projects 101 and 103
    assert (delft["participations"], delft["organisations"]) == (2, 1)
    assert delft["collaboration_relations"]["rest_nl"] == 2  # ACME (101), BIGCORP (103)
    assert delft["internal_organisation_pairs"] == 0
    assert summary(ws, "den-haag")["organisations"] == 1  # 'DEN HAAG' -> 's-Gravenhage
    assert summary(ws, "eindhoven")["organisations"] == 1  # 'Eindhoven' (mixed case)
    assert summary(ws, "amsterdam")["organisations"] == 0
    # reference population of Delft = organisations placed in Delft = 1 -> degree 1
    assert summary(ws, "delft")["organisation_degree"] == 1.0
    ov = {(r["a"], r["b"]): r for r in overlaps(ws)}
    assert ov[("delft", "nl")]["shared"] == 1 and ov[("delft", "nl")]["jaccard"] == pytest.approx(1 / 3)
    assert ov[("health", "nl")]["jaccard"] == pytest.approx(2 / 3)


def test_per_year_values(ws, synthetic_dir, synthetic_geo, synthetic_fp7):
    _load(ws, synthetic_dir, synthetic_geo, synthetic_fp7)
    rows = dict(ws.rows("""SELECT year, value FROM indicator_value WHERE ecosystem_id = 'nl' AND measure = 'participations'
                           AND breakdown = '' AND year IS NOT NULL ORDER BY year"""))
    assert rows == {2016: 2, 2017: 4}
    pairs = dict(ws.rows("""SELECT year, value FROM indicator_value WHERE ecosystem_id = 'nl' AND indicator = '18'
                            AND breakdown = 'internal' AND year IS NOT NULL"""))
    assert pairs == {2016: 1, 2017: 2}
    src = ws.scalar("SELECT source FROM indicator_value WHERE ecosystem_id = 'nl' AND indicator = '29' LIMIT 1")
    assert "cordis:H2020:participations" in src and "© European Union, CORDIS" in src


def test_old_layout_gives_same_counts(ws, tmp_path):
    from conftest import ORGS
    header = "projectRcn;projectID;projectAcronym;role;id;name;shortName;activityType;endOfParticipation;ecContribution;country;street;city;postCode"
    lines = [header] + [f"{9000 + proj - 100};{proj};X;{role};{pic};\"{name}\";;{act};false;{contrib};{country};S;{city};{pc}"
                        for proj, pic, name, _sme, act, city, pc, country, role, contrib in ORGS]
    path = tmp_path / "cordis-h2020organizations.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cordis.import_paths(ws, [path])
    defs = parse_definitions({"ecosystem": [{"id": "nl", "name_en": "NL", "select": {"country": ["NL"]}}]})
    analyse(ws, defs)
    s = summary(ws, "nl")
    assert (s["participations"], s["organisations"], s["internal_organisation_pairs"]) == (6, 3, 3)
    assert s["sme_share"] is None  # the old layout publishes no SME flag


def test_custom_delineations(ws, synthetic_dir):
    cordis.import_paths(ws, [synthetic_dir])
    defs = parse_definitions({"ecosystem": [
        {"id": "listed", "name_en": "Listed", "select": {"organisations": [111111111, 555555555]}},
        # neighbourhood of ACME: its partners in 101 and 102, restricted to the Netherlands
        {"id": "hood", "name_en": "Hood", "select": {"neighbourhood": {"seeds": [222222222], "order": 1}, "country": ["NL"]}},
        {"id": "y2017", "name_en": "2017", "select": {"years": [2017, 2017], "country": ["NL"]}},
        {"id": "kw", "name_en": "Storage", "select": {"keywords": ["storage"]}},
        {"id": "uk", "name_en": "UK style codes", "select": {"country": ["UK", "EL", "FR"]}},
    ]})
    analyse(ws, defs)
    members = lambda e: {r[0] for r in ws.rows("SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?", [e])}  # noqa: E731
    assert members("listed") == {111111111, 555555555}
    assert members("hood") == {111111111, 222222222, 333333333}
    assert members("y2017") == {111111111, 222222222, 333333333}
    assert summary(ws, "y2017")["projects"] == 2
    assert members("kw") == {222222222, 333333333, 666666666}
    assert members("uk") == {444444444}


def test_reimport_is_idempotent(ws, synthetic_dir):
    cordis.import_paths(ws, [synthetic_dir])
    before = ws.snapshot()
    rep = cordis.import_paths(ws, [synthetic_dir])
    assert rep.unchanged == ["cordis:H2020:participations"] and not rep.loaded
    assert ws.snapshot() == before
    # a changed file replaces the earlier import of the same dataset, it does not add to it
    org = synthetic_dir / "organization.csv"
    org.write_text("\n".join(org.read_text().splitlines()[:-1]) + "\n", encoding="utf-8")
    cordis.import_paths(ws, [synthetic_dir])
    assert ws.scalar("SELECT count(*) FROM participation") == 8
    assert ws.scalar("SELECT count(*) FROM import_batch WHERE dataset = 'cordis:H2020:participations'") == 1
