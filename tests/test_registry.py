"""Organisation registry (issue 14): normalisation, blocking and scoring worked out by hand on synthetic
records, ROR records imported in full, review decisions that survive re-imports, transactional
imports, and the real data (TU Delft's PIC and ROR id are one organisation)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from conftest import SHARED
from innovatlas.errors import InputError
from innovatlas.registry.normalise import normalise
from innovatlas.registry.resolve import _segments, match_affiliations, top_candidates
from innovatlas.registry.review import decide, export_matches, import_decisions, list_matches
from innovatlas.store import Workspace

V2_SAMPLE = SHARED / "ror-affiliation-testsets" / "ror_v2_records_sample_es_response.json"

# Synthetic ROR v1 export (same columns and Python-repr nesting as ror-nl-organisations-2022). Invented.
_ADDR = ("[{{'lat': 52.0, 'lng': 4.3, 'city': '{city}', 'geonames_city': {{'id': 1, 'city': '{city}', "
         "'geonames_admin2': {{'name': 'Gemeente {muni}', 'code': 'NL.00.0000'}}, "
         "'nuts_level3': {{'name': 'X', 'code': 'NL333'}}}}, 'postcode': None}}]")
ROR_ROWS = [  # (ror id, name, types, aliases, city, municipality)
    ("0aaaaaa01", "Delft University of Technology", "['Education']", "['TU Delft']", "Delft", "Delft"),
    ("0aaaaaa02", "Acme (Netherlands)", "['Company']", "[]", "Amsterdam", "Amsterdam"),
    ("0aaaaaa03", "Bigcorp Group", "['Company']", "[]", "The Hague", "Den Haag"),
    ("0aaaaaa04", "Utrecht Institute of Other Things", "['Facility']", "[]", "Utrecht", "Utrecht"),
]


def ror_csv(path: Path, rows=ROR_ROWS, bad_aliases_row: int | None = None) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["", "name", "types", "country", "aliases", "addresses", "email_address", "ror_id"])
        for i, (rid, name, types, aliases, city, muni) in enumerate(rows):
            if bad_aliases_row == i + 1:
                aliases = "['unclosed"
            w.writerow([i, name, types, "{'country_name': 'Netherlands', 'country_code': 'NL'}", aliases,
                        _ADDR.format(city=city, muni=muni), "", rid])
    return path


# -- normalisation, blocking, scoring (hand-worked) ------------------------------------------------
def test_normalisation_hand_worked():
    # Dutch and English spellings meet; legal forms, 'Stichting', stop words and punctuation go.
    assert normalise(["TECHNISCHE UNIVERSITEIT DELFT", "Delft University of Technology"], sort=True) == \
        ["DELFT TECHNOLOGY UNIVERSITY"] * 2
    assert normalise(["ACME B.V.", "Acme (Netherlands)", "BIGCORP NV; HOLDING"], sort=True) == ["ACME", "ACME", "BIGCORP"]
    assert normalise(["Stichting Hanzehogeschool Groningen"]) == ["HANZE HOGESCHOOL GRONINGEN"]
    assert normalise(["Hanze University of Applied Sciences"]) == ["HANZE HOGESCHOOL"]
    assert normalise(["Academisch Ziekenhuis Leiden"]) == ["UNIVERSITY MEDICAL CENTER LEIDEN"]
    assert normalise(["Centrum Wiskunde &#x0026; Informatica"]) == ["CENTER WISKUNDE INFORMATICA"]
    assert normalise(["RIJKSUNIVERSITEIT GRONINGEN", "University of Groningen"], sort=True) == ["GRONINGEN UNIVERSITY"] * 2


def test_scoring_is_ratio_on_sorted_tokens_hand_worked():
    # fuzz.ratio = 2 * matches / total length * 100: ACME vs ACMEE = 2*4/9 = 88.9 -> 89 (uint8 rounds);
    # BIGCORP vs BIGCORP GROUP = 2*7/20 = 70.
    li, ri, sc = top_candidates(["ACME", "BIGCORP"], ["ACMEE", "BIGCORP GROUP", "ZZZ"], k=2, cutoff=60)
    got = {(a, b): s for a, b, s in zip(li.tolist(), ri.tolist(), sc.tolist())}
    assert got == {(0, 0): 89, (1, 1): 70}, got


def test_affiliation_segments_and_matching_hand_worked(ws, tmp_path):
    from innovatlas.sources import ror

    ror.import_paths(ws, [ror_csv(tmp_path / "ror.csv")])
    assert _segments("A, B and C") == ["A", "B and C", "A B and C", "B", "C"]
    got = match_affiliations(ws, [
        "Faculty of Applied Sciences, Delft University of Technology, Delft, The Netherlands",   # comma segment, exact
        "TU Delft",                                 # alias
        "Department of Physics Delft University of Technology  Lorentzweg 1",  # contained word for word
        "Utrecht Institute of Other Things and Acme, Australia",   # country named: Dutch records excluded
        "Bigcorp"])                                 # one word of a two-word name: not enough
    assert got == [{"0aaaaaa01"}, {"0aaaaaa01"}, {"0aaaaaa01"}, set(), set()]


# -- synthetic CORDIS + ROR: resolution, registry, review -------------------------------------------
@pytest.fixture
def reg_ws(synthetic_ws, tmp_path):
    from innovatlas.sources import ror

    ror.import_paths(synthetic_ws, [ror_csv(tmp_path / "ror.csv")])
    return synthetic_ws


def _match(ws, pic):
    return ws.dicts("SELECT right_id, score, method, status, evidence FROM org_match WHERE left_id = ? ORDER BY score DESC",
                    [str(pic)])


def test_resolution_hand_worked(reg_ws):
    ws = reg_ws
    # TU Delft: sorted keys equal (100) + city agrees (+4), capped at 100.
    m = _match(ws, 111111111)[0]
    assert (m["right_id"], m["score"], m["status"]) == ("0aaaaaa01", 100.0, "matched")
    assert m["method"].startswith("exact normalised name") and "+ city" in m["method"]
    # ACME BV (Eindhoven) vs Acme (Netherlands) (Amsterdam): name 100, cities differ -7 = 93 >= 92: matched.
    m = _match(ws, 222222222)[0]
    assert (m["right_id"], m["score"], m["status"]) == ("0aaaaaa02", 93.0, "matched")
    assert json.loads(m["evidence"])["city_differs"] is True
    # BIGCORP vs BIGCORP GROUP: ratio 70 is too low, but one name holds all words of the other and the
    # cities agree (DEN HAAG / The Hague): 93 + 4 = 97.
    m = _match(ws, 333333333)[0]
    assert (m["right_id"], m["score"], m["status"]) == ("0aaaaaa03", 97.0, "matched")
    assert "holds all words" in m["method"]
    # Foreign organisations are not compared with Dutch ROR records (blocking on country).
    assert not _match(ws, 444444444)


def test_registry_is_one_organisation_per_ror_record(reg_ws):
    ws = reg_ws
    key = ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = '111111111'")
    assert key == "ror:0aaaaaa01"
    org = ws.dicts("SELECT * FROM registry_org WHERE org_key = ?", [key])[0]
    # two participations by hand: projects 101 and 103 (conftest ORGS)
    assert org["participations"] == 2 and org["name"] == "Delft University of Technology"
    assert org["municipality"] == "Delft" and org["org_type"] == "education"
    ids = {(r["scheme"], r["value"], r["framework"]) for r in ws.dicts(
        "SELECT scheme, value, framework FROM registry_identifier WHERE org_key = ?", [key])}
    assert ("ror", "0aaaaaa01", None) in ids and ("pic", "111111111", "H2020") in ids
    names = {(r["name"], r["source"]) for r in ws.dicts("SELECT name, source FROM registry_name WHERE org_key = ?", [key])}
    assert ("TU Delft", "ror") in names and any(n == "TECHNISCHE UNIVERSITEIT DELFT" for n, _s in names)
    # a PIC without a ROR record is its own organisation; a ROR record without a PIC too
    assert ws.scalar("SELECT basis FROM registry_org WHERE org_key = 'pic:444444444'") == "pic only"
    assert ws.scalar("SELECT basis FROM registry_org WHERE org_key = 'ror:0aaaaaa04'") == "ror only"
    # every participation is counted once: registry total = participation rows
    assert ws.scalar("SELECT sum(participations) FROM registry_org") == ws.scalar("SELECT count(*) FROM participation")


def test_decisions_survive_reimport_and_rerun(reg_ws, tmp_path, synthetic_dir):
    from innovatlas.registry import build_registry
    from innovatlas.sources import cordis, ror

    ws = reg_ws
    decide(ws, "222222222", "0aaaaaa02", "reject", note="different firm")
    decide(ws, "333333333", "https://ror.org/0aaaaaa04", "accept")   # a pair the matcher did not propose
    # re-import changed files: CORDIS (a renamed organisation) and ROR (one more record)
    org = synthetic_dir / "organization.csv"
    org.write_text(org.read_text(encoding="utf-8").replace("US LAB INC", "US LAB INCORPORATED"), encoding="utf-8")
    cordis.import_paths(ws, [synthetic_dir])
    ror.import_paths(ws, [ror_csv(tmp_path / "ror2.csv", ROR_ROWS + [("0aaaaaa05", "Extra", "['Other']", "[]", "Delft", "Delft")])])
    with ws.transaction():
        build_registry(ws)
    assert _match(ws, 222222222)[0]["status"] == "rejected"
    statuses = {m["right_id"]: m["status"] for m in _match(ws, 333333333)}
    assert statuses == {"0aaaaaa04": "accepted", "0aaaaaa03": "uncertain"}
    assert ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = '222222222'") == "pic:222222222"
    assert ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = '333333333'") == "ror:0aaaaaa04"
    assert ws.scalar("SELECT count(*) FROM match_decision") == 2


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_review_import(reg_ws, tmp_path, suffix):
    ws = reg_ws
    path = tmp_path / f"matches{suffix}"
    assert export_matches(ws, path) == len(list_matches(ws)) == 3
    # the reviewer fills in the decision column in a spreadsheet
    if suffix == ".csv":
        rows = list(csv.DictReader(open(path, encoding="utf-8")))
        for r in rows:
            r["decision"] = "reject" if r["left_id"] == "222222222" else ""
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        from openpyxl import load_workbook

        wb = load_workbook(path)
        sh = wb.active
        header = [c.value for c in sh[1]]
        for row in sh.iter_rows(min_row=2):
            if str(row[header.index("left_id")].value) == "222222222":
                row[header.index("decision")].value = "reject"
        wb.save(path)
    assert import_decisions(ws, path) == {"decisions": 1, "accepted": 0, "rejected": 1}
    assert _match(ws, 222222222)[0]["status"] == "rejected"
    assert ws.scalar("SELECT source_row FROM match_decision") >= 2   # row as the spreadsheet shows it


def test_malformed_review_file_leaves_workspace_unchanged(reg_ws, tmp_path):
    ws = reg_ws
    path = tmp_path / "review.csv"
    export_matches(ws, path)
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0]["decision"], rows[1]["decision"] = "accept", "maybe"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    before = ws.snapshot()
    with pytest.raises(InputError, match="unknown decision 'maybe'") as info:
        import_decisions(ws, path)
    assert (info.value.row, info.value.field) == (3, "decision") and info.value.hint
    assert ws.snapshot() == before
    with pytest.raises(InputError, match="not in this workspace") as info:
        decide(ws, "111111111", "0zzzzzz99", "accept")
    assert info.value.field == "right_id" and ws.snapshot() == before


def test_malformed_ror_files_leave_workspace_unchanged(reg_ws, tmp_path):
    from innovatlas.sources import ror

    ws = reg_ws
    before = ws.snapshot()
    with pytest.raises(InputError, match="cannot read the aliases value") as info:
        ror.import_paths(ws, [ror_csv(tmp_path / "bad.csv", bad_aliases_row=3)])
    assert (info.value.row, info.value.field) == (3, "aliases")
    assert ws.snapshot() == before
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "https://ror.org/02bfwt286", "names": [{"value": "A", "types": ["ror_display"]}]},
                               {"id": "not-a-ror", "names": []}]), encoding="utf-8")
    with pytest.raises(InputError, match="is not a ROR id") as info:
        ror.import_paths(ws, [bad])
    assert (info.value.row, info.value.field) == (2, "id")
    assert ws.snapshot() == before


def test_ror_v2_records_imported_in_full(ws):
    """The ROR schema v2 sample: every external id and relationship of the file (counted here from the raw JSON)."""
    from innovatlas.sources import ror

    ror.import_paths(ws, [V2_SAMPLE])
    raw = [h["_source"] for h in json.loads(V2_SAMPLE.read_text(encoding="utf-8"))["hits"]["hits"]]
    assert ws.scalar("SELECT count(*) FROM ror_record WHERE schema = 'v2'") == len(raw) == 20
    n_ext = sum(len(e["all"]) for r in raw for e in r["external_ids"])
    n_rel = sum(len(r["relationships"]) for r in raw)
    assert ws.scalar("SELECT count(*) FROM ror_external_id") == n_ext
    assert ws.scalar("SELECT count(*) FROM registry_relation") == n_rel
    monash = next(r for r in raw if r["id"].endswith("02bfwt286"))
    grid = next(e["preferred"] for e in monash["external_ids"] if e["type"] == "grid")
    assert ws.scalar("SELECT value FROM registry_identifier WHERE org_key = 'ror:02bfwt286' AND scheme = 'grid'") == grid
    assert {r[0] for r in ws.rows("SELECT scheme FROM registry_identifier")} >= {"ror", "grid", "isni", "wikidata", "fundref"}
    children = sum(1 for r in monash["relationships"] if r["type"] == "child")
    assert ws.scalar("SELECT count(*) FROM registry_relation WHERE org_key = 'ror:02bfwt286' AND rel_type = 'child'") == children
    # a child whose record is in the file points to its parent
    parents = {(r["id"].rsplit("/", 1)[-1], rel["id"].rsplit("/", 1)[-1]) for r in raw for rel in r["relationships"]
               if rel["type"] == "parent"}
    got = {(k.removeprefix("ror:"), p.removeprefix("ror:")) for k, p in ws.rows(
        "SELECT org_key, parent_key FROM registry_org WHERE parent_key IS NOT NULL")}
    assert got == {(c, min(p for c2, p in parents if c2 == c)) for c, _p in parents}
    # re-importing the same file changes nothing
    before = ws.snapshot()
    assert ror.import_paths(ws, [V2_SAMPLE]).unchanged == ["ror:records:v2"]
    assert ws.snapshot() == before


# -- real data -------------------------------------------------------------------------------------
@pytest.mark.integration
def test_tu_delft_is_one_organisation(real_ws):
    """TU Delft's PIC (999977366) and its ROR id (02e2c7k09) resolve to one organisation whose participations
    equal an independent count over the raw CORDIS file of the PICs linked to it."""
    ws = real_ws
    key = ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = '999977366'")
    assert key == "ror:02e2c7k09"
    pics = [int(r[0]) for r in ws.rows("SELECT value FROM registry_identifier WHERE org_key = ? AND scheme = 'pic'", [key])]
    assert 999977366 in pics
    raw = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
    import duckdb

    expected = duckdb.connect().execute(
        f"SELECT count(*) FROM read_csv('{raw}', all_varchar=true) WHERE pic IN (SELECT unnest(?::VARCHAR[]))",
        [[str(p) for p in pics]]).fetchone()[0]
    got = ws.scalar("SELECT participations FROM registry_org WHERE org_key = ?", [key])
    alone = duckdb.connect().execute(f"SELECT count(*) FROM read_csv('{raw}', all_varchar=true) WHERE pic = '999977366'").fetchone()[0]
    assert got == expected and got >= alone > 0
    assert ws.scalar("SELECT name FROM registry_org WHERE org_key = ?", [key]) == "Delft University of Technology"
    names = {r[0] for r in ws.rows("SELECT name FROM registry_name WHERE org_key = ?", [key])}
    assert {"TU Delft", "TECHNISCHE UNIVERSITEIT DELFT"} <= names


@pytest.mark.integration
def test_registry_counts_every_participation_once(real_ws):
    """Registry totals equal the participation table (an independent count over the raw file: 144,726 rows,
    PROVENANCE.md of cordis-h2020-participations-eunets)."""
    assert real_ws.scalar("SELECT sum(participations) FROM registry_org") == 144_726
    # no PIC in two registered organisations
    assert real_ws.scalar("""SELECT count(*) FROM (SELECT value FROM registry_identifier WHERE scheme = 'pic'
                             GROUP BY value HAVING count(DISTINCT org_key) > 1)""") == 0


# -- CLI and dashboard ------------------------------------------------------------------------------
def test_cli_matches_list_accept_export_import(reg_ws, tmp_path):
    from typer.testing import CliRunner

    from innovatlas.cli import app

    path = reg_ws.path
    reg_ws.close()
    runner = CliRunner()
    r = runner.invoke(app, ["matches", "list", "-w", path])
    assert r.exit_code == 0, r.output
    assert "111111111" in r.output and "0aaaaaa01" in r.output and "3 PICs linked to ROR" in r.output
    r = runner.invoke(app, ["matches", "reject", "222222222", "0aaaaaa02", "-w", path])
    assert r.exit_code == 0 and "rejected" in r.output, r.output
    out = tmp_path / "m.xlsx"
    r = runner.invoke(app, ["matches", "export", str(out), "-w", path])
    assert r.exit_code == 0 and "3 matches written" in r.output, r.output
    r = runner.invoke(app, ["matches", "accept", "111111111", "0zzzzzz99", "-w", path])
    assert r.exit_code == 2 and "not in this workspace" in r.output
    r = runner.invoke(app, ["matches", "run", "-w", path])
    assert r.exit_code == 0 and "rejected: 1" in r.output, r.output
    with Workspace(path, read_only=True) as ws:
        assert ws.scalar("SELECT status FROM org_match WHERE left_id = '222222222'") == "rejected"


def test_dashboard_lists_matches_with_evidence_read_only(reg_ws):
    from fastapi.testclient import TestClient

    from innovatlas.web import create_app

    path = reg_ws.path
    reg_ws.close()
    with TestClient(create_app(path)) as c:
        r = c.get("/matches?uncertain=false&lang=en")
        assert r.status_code == 200
        assert "read-only" in r.text and "innovatlas matches accept" in r.text
        assert "TECHNISCHE UNIVERSITEIT DELFT" in r.text and "Delft University of Technology" in r.text
        r = c.get("/matches?lang=nl")   # only uncertain: none in the synthetic data
        assert r.status_code == 200 and "alleen-lezen" in r.text and "Geen koppelingen" in r.text
        j = c.get("/api/matches?uncertain=false").json()
        assert j["summary"]["pics_linked"] == 3 and len(j["rows"]) == 3
        row = next(x for x in j["rows"] if x["left_id"] == "222222222")
        assert row["ev"]["city_differs"] is True and row["score"] == 93.0
        assert c.get("/api/matches?limit=0").status_code == 422


@pytest.mark.integration
def test_coverage_of_dutch_participants_against_raw_files(real_workspace):
    """Named Dutch participations = an independent join over the raw files (PROVENANCE.md of
    cordis-fp7-organisations-gb1609 reports 7,774 of 9,092 NL rows with the two name tables); /api/placement carries the same figures."""
    import duckdb
    from fastapi.testclient import TestClient

    from innovatlas.web import create_app

    part = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
    o17 = SHARED / "cordis-h2020-orgs-odfest2017" / "stacked_dump.csv.gz"
    fp7 = SHARED / "cordis-fp7-organisations-gb1609" / "organizations.csv.gz"
    csv.field_size_limit(10**8)
    pics = set()
    for path, col, name in ((o17, "orgId", "name"), (fp7, "idOrganization", "name")):
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            pics |= {r[col].strip() for r in csv.DictReader(f) if (r.get(name) or "").strip() and r[col].strip()}
    named, total = duckdb.connect().execute(f"""
        SELECT count(*) FILTER (WHERE p.pic IN (SELECT unnest(?::VARCHAR[]))), count(*)
        FROM read_csv('{part}', all_varchar=true) p WHERE p.country = 'NL'""", [sorted(pics)]).fetchone()
    cov = TestClient(create_app(real_workspace)).get("/api/placement").json()["registry"]
    assert (cov["named"]["participations"], cov["participations"]) == (named, total)
    assert sum(r["participations"] for r in cov["named"]["by_source"]) == total
    assert sum(r["organisations"] for r in cov["placed"]["by_method"]) == cov["dutch_organisations"]
    assert 0 < cov["linked_to_ror"]["organisations"] <= cov["named"]["organisations"]
    assert cov["registered_organisations"] <= cov["dutch_organisations"]


def test_rows_without_a_ror_id_stay_place_names_only(ws, tmp_path):
    """The gazetteer behaviour of sources/ror.py is kept: a row without a valid ROR id still gives its place."""
    from innovatlas.sources import ror

    rows = ROR_ROWS[:1] + [("not-an-id", "Nameless place", "[]", "[]", "Bilthoven", "De Bilt")]
    rep = ror.import_paths(ws, [ror_csv(tmp_path / "r.csv", rows)])
    assert rep.loaded == {"ror:records:v1": 1, "ror:places": 2}
    assert any("1 row(s) without a valid ROR id or name (rows 2)" in n for n in rep.notes)
    assert ws.scalar("SELECT count(*) FROM ror_record") == 1
    assert ws.scalar("SELECT municipality FROM geo_place WHERE place = 'Bilthoven'") == "De Bilt"


def test_affiliation_sub_units_and_sites_hand_worked(ws, tmp_path):
    """Synthetic (invented records): a sub-unit named after its parent wins in the whole string; a name after
    'Location' is a site of the organisation before it; a name inside another in a different order is no part."""
    from innovatlas.sources import ror

    rows = [("0bbbbbb01", "Erasmus MC", "['Healthcare']", "[]", "Rotterdam", "Rotterdam"),
            ("0bbbbbb02", "Erasmus MC Cancer Institute", "['Healthcare']", "[]", "Rotterdam", "Rotterdam"),
            ("0bbbbbb03", "Amsterdam University Medical Centers", "['Healthcare']", "['Amsterdam UMC']", "Amsterdam", "Amsterdam"),
            ("0bbbbbb04", "Vrije Universiteit Amsterdam", "['Education']", "[]", "Amsterdam", "Amsterdam"),
            ("0bbbbbb05", "University of Amsterdam", "['Education']", "[]", "Amsterdam", "Amsterdam")]
    ror.import_paths(ws, [ror_csv(tmp_path / "ror.csv", rows)])
    got = match_affiliations(ws, [
        "Lab X, Erasmus MC Cancer Institute, Erasmus MC, Rotterdam",          # the institute, not also its parent
        "Erasmus MC, Rotterdam",                                               # the parent alone
        "Dept Y, Amsterdam UMC Location Vrije Universiteit, Amsterdam",        # a site of Amsterdam UMC
        "Dept Z Amsterdam UMC University of Amsterdam",                        # both: UvA's words are not in order in AUMC's
    ])
    assert got == [{"0bbbbbb02"}, {"0bbbbbb01"}, {"0bbbbbb03"}, {"0bbbbbb03", "0bbbbbb05"}]
