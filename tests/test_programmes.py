"""Every framework programme in one workspace (issue 19, item 4).

References nobody here wrote: DuckDB queries straight over the raw files of
``../shared/data/cordis-fp7-h2020-partial-years-swissparticipation`` (the Horizon Dashboard raw export of the
H2020 call year 2021 and the author's "cordis-plus" join of FP7 and H2020 participations, start years 2007
and 2014; PROVENANCE.md there: partial years, so these are importer tests, never totals). The older CORDIS
layout for FP7 and the continuity case use synthetic files (named so below) whose expected results are
worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import SHARED
from innovatlas.analysis import analyse, coverage_periods, load_definitions
from innovatlas.cli import app
from innovatlas.errors import InputError
from innovatlas.programmes import continuity, organisation_attributes, programmes, restrict
from innovatlas.sources import cordis
from innovatlas.store import Workspace

SWISS = SHARED / "cordis-fp7-h2020-partial-years-swissparticipation"
DASHBOARD = SWISS / "dashboard-export-2021.csv.gz"
PLUS = [SWISS / "cordis-plus-2007.csv.gz", SWISS / "cordis-plus-2014.csv.gz"]
FP7_ORGS = SHARED / "cordis-fp7-organisations-gb1609" / "organizations.csv.gz"


def _raw(sql: str, *files: Path) -> list[tuple]:
    """An independent query over raw files (DuckDB's CSV reader, every column as text; RAW = the files)."""
    names = ", ".join(f"'{f}'" for f in files)
    return duckdb.sql(sql.replace("RAW", f"read_csv([{names}], all_varchar = true, union_by_name = true)")).fetchall()


# --- the Horizon Dashboard raw export (done-when of issue 19) ---------------------------------------------------------
@pytest.fixture(scope="module")
def dashboard_ws(tmp_path_factory):
    path = tmp_path_factory.mktemp("dashboard") / "d.duckdb"
    with Workspace(path) as ws:
        report = cordis.import_paths(ws, [DASHBOARD])
    assert any(k.startswith("cordis:horizon-dashboard:dashboard-export-2021.csv.gz:participations") for k in report.loaded)
    w = Workspace(path, read_only=True)
    yield w
    w.close()


def test_dashboard_dutch_sme_count_and_participations_equal_an_independent_count(dashboard_ws):
    (nl_rows, nl_pics, sme_pics, sme_rows, eu), = _raw("""
        SELECT count(*), count(DISTINCT pic), count(DISTINCT pic) FILTER (WHERE sme_flag = 'Yes'),
               count(*) FILTER (WHERE sme_flag = 'Yes'), sum(TRY_CAST(eu_contribution AS DOUBLE))
        FROM RAW WHERE country_code = 'NL'""", DASHBOARD)
    assert (nl_rows, nl_pics, sme_pics, sme_rows) == (196, 155, 41, 44)  # also PROVENANCE.md's figures
    got = dashboard_ws.rows("""SELECT count(*), count(DISTINCT pic), count(DISTINCT pic) FILTER (WHERE sme),
                                      count(*) FILTER (WHERE sme), sum(ec_contribution)
                               FROM participation WHERE country = 'NL'""")[0]
    assert got[:4] == (nl_rows, nl_pics, sme_pics, sme_rows)
    assert got[4] == pytest.approx(eu) and eu == pytest.approx(148_226_930.44)  # '-' is no amount, not 0
    # the derived organisations: Dutch SMEs as the Dashboard flags them (a PIC flagged Yes on any row)
    assert dashboard_ws.scalar("SELECT count(*) FROM organisation WHERE country = 'NL' AND sme") == sme_pics
    # every participation of the file, by programme and role as published
    assert dashboard_ws.scalar("SELECT count(*) FROM participation") == _raw("SELECT count(*) FROM RAW", DASHBOARD)[0][0]
    (coord,), = _raw("SELECT count(*) FROM RAW WHERE partner_role = 'COORDINATOR'", DASHBOARD)
    assert dashboard_ws.scalar("SELECT count(*) FROM participation WHERE role = 'coordinator'") == coord
    assert {r[0] for r in dashboard_ws.rows("SELECT DISTINCT framework FROM project")} == {"H2020"}


def test_dashboard_attributes_keep_their_source(dashboard_ws):
    """VAT number, legal name, SME flag and NUTS-3 code of a Dutch organisation, each with its file and row."""
    (pic, vat, name, nuts, sme, row), = _raw("""
        SELECT pic, legal_entity_vat, legal_name, nuts_3_code, sme_flag, row_number() OVER () AS r FROM RAW
        QUALIFY country_code = 'NL' AND sme_flag = 'Yes' AND legal_entity_vat NOT IN ('-', '.') ORDER BY r LIMIT 1""",
                                                DASHBOARD)
    attrs = {a["attribute"]: a for a in organisation_attributes(dashboard_ws, int(pic)) if a["used"]}
    assert attrs["vat"]["value"] == vat and attrs["legal_name"]["value"] == name.strip()
    assert attrs["nuts3_code"]["value"] == nuts and attrs["sme"]["value"] == "true"
    assert attrs["vat"]["file"].endswith("dashboard-export-2021.csv.gz") and attrs["vat"]["source_row"] == row
    # the placement uses the NUTS-3 code the Dashboard gives (no other source states one here)
    assert dashboard_ws.scalar("SELECT nuts_code FROM organisation WHERE pic = ?", [int(pic)]) == nuts
    from innovatlas.web import create_app

    with TestClient(create_app(dashboard_ws.path)) as client:
        html = client.get(f"/organisations/{pic}?lang=nl").text
        assert "Kenmerken en hun bron" in html and vat in html and "dashboard-export-2021.csv.gz" in html
    # '-' and '.' mean "no VAT number": never stored as one
    # the indicators' provenance names the Dashboard file (as every participation dataset)
    from innovatlas.indicators.base import provenance

    assert "dashboard-export-2021.csv.gz" in provenance(dashboard_ws, ("cordis:%:participations",))
    assert dashboard_ws.scalar("SELECT count(*) FROM organisation_attribute WHERE attribute = 'vat' "
                               "AND value IN ('-', '.')") == 0


def _dashboard_copy(tmp_path: Path, name: str, edit=None) -> Path:
    import gzip

    lines = gzip.open(DASHBOARD, "rt", encoding="utf-8").read().splitlines()[:6]
    if edit:
        lines = edit(lines)
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_dashboard_bad_rows_name_file_row_and_field(tmp_path):
    # data row 1 starts on 01/01/2022 (its only date of that day); data row 2 has sme_flag No
    bad_date = _dashboard_copy(tmp_path, "bad-date.csv",
                               lambda ls: ls[:1] + [ls[1].replace("01/01/2022", "2022-01-01")] + ls[2:])
    bad_flag = _dashboard_copy(tmp_path, "bad-flag.csv", lambda ls: ls[:2] + [ls[2].replace(",No,", ",Maybe,")] + ls[3:])
    for f, row, field in ((bad_flag, 2, "sme_flag"),):
        with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(InputError) as exc:
            cordis.import_paths(ws, [f])
        assert (exc.value.row, exc.value.field) == (row, field) and str(f) in str(exc.value)
    assert "2022-01-01" in bad_date.read_text()
    with Workspace(tmp_path / "w.duckdb") as ws:
        with pytest.raises(InputError) as exc:
            cordis.import_paths(ws, [bad_date])
        assert exc.value.field == "project_start_date" and exc.value.row == 1 and "dd/mm/yyyy" in str(exc.value)
        assert ws.scalar("SELECT count(*) FROM participation") == 0  # transactional: nothing half-written


def test_dashboard_refuses_participations_already_imported(tmp_path):
    """Two files holding the same projects (a renamed copy): the second would count them twice."""
    a = _dashboard_copy(tmp_path, "export-a.csv")
    b = _dashboard_copy(tmp_path, "export-b.csv")
    with Workspace(tmp_path / "w.duckdb") as ws:
        cordis.import_paths(ws, [a])
        n = ws.scalar("SELECT count(*) FROM participation")
        with pytest.raises(InputError) as exc:
            cordis.import_paths(ws, [b])
        assert "twice" in str(exc.value) and "export-a.csv" in str(exc.value) and exc.value.field == "project_id"
        assert ws.scalar("SELECT count(*) FROM participation") == n


# --- FP7 and H2020 side by side on real rows: counts per programme --------------------------------------------------
@pytest.fixture(scope="module")
def plus_ws(tmp_path_factory):
    from innovatlas.sources import geo

    path = tmp_path_factory.mktemp("plus") / "p.duckdb"
    with Workspace(path) as ws:
        report = cordis.import_paths(ws, PLUS + [FP7_ORGS])
        geo.import_paths(ws, [SHARED / "nl-boundaries-cbs"])
        analyse(ws, load_definitions())
    assert any("11 row(s) without pic skipped" in n for n in report.notes)  # 11 FP7 rows of 2014 have pic NA
    return path


def test_programme_counts_equal_independent_counts(plus_ws):
    raw = dict(((fw, (n, pics, projects)) for fw, n, pics, projects in _raw("""
        SELECT framework_programme, count(*), count(DISTINCT pic), count(DISTINCT project_id) FROM RAW
        WHERE pic <> 'NA' GROUP BY 1""", *PLUS)))
    assert set(raw) == {"FP7", "H2020"}
    with Workspace(plus_ws, read_only=True) as ws:
        got = {r["programme"]: (r["participations"], r["organisations"], r["projects"]) for r in programmes(ws)}
        assert got == raw
        # the years each programme covers, as the report states them; both files are marked as samples
        years = {r["programme"]: r["years"] for r in programmes(ws)}
        assert years == {"FP7": [2007, 2014], "H2020": [2014]}
        assert all(c["sample"] for c in coverage_periods(ws) if c["dataset"].startswith("cordis:cordis-plus:"))
        # the Netherlands per programme: participations of organisations with a Dutch participation, in
        # projects with a Dutch participation (the delineation rule of 'nl'), counted over the raw rows
        ind = dict(ws.rows("""SELECT breakdown, value FROM indicator_value WHERE ecosystem_id = 'nl'
                              AND measure = 'participations' AND year IS NULL"""))
        by_year = set(ws.rows("""SELECT breakdown, year, value FROM indicator_value WHERE ecosystem_id = 'nl'
                                 AND measure = 'participations' AND year IS NOT NULL AND breakdown LIKE 'programme:%'"""))
    ref = _raw("""
        WITH r AS (SELECT * FROM RAW WHERE pic <> 'NA'),
             m AS (SELECT DISTINCT pic FROM r WHERE country_code = 'NL'),
             p AS (SELECT DISTINCT project_id FROM r WHERE country_code = 'NL')
        SELECT framework_programme, year(CAST(start_date AS DATE)), count(*) FROM r
        WHERE pic IN (SELECT pic FROM m) AND project_id IN (SELECT project_id FROM p) GROUP BY 1, 2""", *PLUS)
    totals: dict[str, int] = {}
    for fw, _y, n in ref:
        totals[fw] = totals.get(fw, 0) + n
    assert ind["programme:FP7"] == totals["FP7"] and ind["programme:H2020"] == totals["H2020"]
    assert ind[""] == totals["FP7"] + totals["H2020"]  # "all programmes" adds them up
    assert by_year == {(f"programme:{fw}", y, float(n)) for fw, y, n in ref}


def test_programme_filter_on_the_api(plus_ws):
    from innovatlas.web import create_app

    (fp7_pics,), = _raw("""SELECT count(DISTINCT pic) FROM RAW WHERE framework_programme = 'FP7' AND pic <> 'NA'
                           AND country_code = 'NL'""", *PLUS)
    with TestClient(create_app(plus_ws)) as client:
        series = client.get("/api/ecosystems/nl/series?programme=FP7").json()
        both = client.get("/api/ecosystems/nl/series/programmes").json()["series"]
        assert [s["programme"] for s in both] == ["FP7", "H2020"]
        assert both[0]["items"] == series["items"] and series["programme"] == "FP7"
        everything = client.get("/api/ecosystems/nl/series").json()["items"]
        total = {r["year"]: r["value"] for r in everything}
        per = {}
        for s in both:
            for r in s["items"]:
                per[r["year"]] = per.get(r["year"], 0) + r["value"]
        assert per == total
        ind = client.get("/api/ecosystems/nl/indicators?programme=H2020").json()["items"]
        assert ind and {r["breakdown"] for r in ind} == {"programme:H2020"}
        assert client.get("/api/ecosystems/nl/series?programme=FP7&breakdown=activity:HES").status_code == 422
        assert client.get("/api/ecosystems/nl/series?programme=FP8").status_code == 422
        net = client.get("/api/ecosystems/nl/network?programme=FP7").json()
        assert net["filters"]["programme"] == "FP7"
        # members of the FP7 network: the Dutch organisations with an FP7 participation (all of them are
        # members of 'nl', whose projects are exactly those with a Dutch participation)
        assert sum(1 for n in net["nodes"] if n["member"]) == fp7_pics
        assert len(client.get("/api/ecosystems/nl/network").json()["nodes"]) > len(net["nodes"])
        page = client.get("/ecosystems/nl?programme=H2020")
        assert page.status_code == 200 and 'data-programme="H2020"' in page.text and 'data-programme="FP7"' not in page.text
        assert '<tr data-programme="H2020"><td>Horizon 2020 (2014-2020)' in page.text
        page = client.get("/ecosystems/nl?lang=nl")
        assert "in de werkruimte, met de startjaren" in page.text and 'data-programme="FP7"' in page.text
        assert client.get("/api/programmes").json()["items"][0]["programme"] == "FP7"
        # the network page offers the filter; the level-of-detail view applies it like the JSON network
        assert '<select name="programme">' in client.get("/ecosystems/nl/network").text
        from innovatlas.network.view import decode

        head, cols = decode(client.get("/api/ecosystems/nl/network/view?programme=FP7").content)
        assert head["filters"]["programme"] == "FP7" and head["nodes"] == fp7_pics
        assert head["links_total"] == len(net["edges"])
        assert client.get("/api/ecosystems/nl/network/view?programme=XX").status_code == 422


def test_analyse_one_programme(plus_ws, tmp_path):
    import shutil

    path = tmp_path / "fp7.duckdb"
    shutil.copy(plus_ws, path)
    result = CliRunner().invoke(app, ["analyse", "-w", str(path), "--programme", "FP7"])
    assert result.exit_code == 0, result.output
    with Workspace(plus_ws, read_only=True) as ws:
        fp7 = ws.scalar("SELECT value FROM indicator_value WHERE ecosystem_id = 'nl' AND measure = 'participations' "
                        "AND year IS NULL AND breakdown = 'programme:FP7'")
    with Workspace(path, read_only=True) as ws:
        assert ws.scalar("SELECT value FROM indicator_value WHERE ecosystem_id = 'nl' AND measure = 'participations' "
                         "AND year IS NULL AND breakdown = ''") == fp7
        assert ws.scalar("SELECT count(*) FROM scope WHERE framework <> 'FP7'") == 0
    bad = CliRunner().invoke(app, ["analyse", "-w", str(path), "--programme", "FP6x"])
    assert bad.exit_code == 2 and "unknown programme" in bad.output
    out = CliRunner().invoke(app, ["summary", "nl", "-w", str(plus_ws), "--programme", "FP7", "--json"])
    assert out.exit_code == 0 and f'"participations": {int(fp7)}' in out.output


# --- continuity: a synthetic case worked out by hand ----------------------------------------------------------------
#: synthetic (cordis-plus layout): organisations A..D (all Dutch) in FP7, H2020 and Horizon Europe projects
#:   A: FP7 (P1) and H2020 (P2)        B: FP7 only (P1)
#:   C: H2020 (P2) and HORIZON (P3)    D: HORIZON only (P3)
#: FP7 -> H2020: stayed A, left B, entered C; H2020 -> HORIZON: stayed C, left A, entered D; nobody in all three.
_PLUS_HEADER = ("project_id,pic,partner_role,legal_name,legal_entity_type,country_code,ec_contribution,"
                "framework_programme,start_date,legal_basis")
_SYNTHETIC = [("1", "100000001", "Coordinator", "A BV", "PRC", "NL", "10", "FP7", "2010-01-01", "FP7-ICT"),
              ("1", "100000002", "Participant", "B BV", "PRC", "NL", "10", "FP7", "2010-01-01", "FP7-ICT"),
              ("2", "100000001", "Coordinator", "A BV", "PRC", "NL", "10", "H2020", "2016-01-01", "H2020-EU.3.1."),
              ("2", "100000003", "Participant", "C BV", "HES", "NL", "10", "H2020", "2016-01-01", "H2020-EU.3.1."),
              ("3", "100000003", "Coordinator", "C BV", "HES", "NL", "10", "NA", "2022-01-01", "HORIZON.2.1"),
              ("3", "100000004", "Participant", "D BV", "REC", "NL", "10", "HORIZON", "2022-01-01", "HORIZON.2.1")]


def test_continuity_synthetic(tmp_path):
    f = tmp_path / "synthetic-cordis-plus.csv"
    f.write_text("\n".join([_PLUS_HEADER] + [",".join(r) for r in _SYNTHETIC]) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "c.duckdb") as ws:
        cordis.import_paths(ws, [f])
        # the NA row took its programme from the legal basis (HORIZON.2.1)
        assert ws.rows("SELECT framework, count(*) FROM project GROUP BY 1 ORDER BY 1") == [
            ("FP7", 1), ("H2020", 1), ("HORIZON", 1)]
        analyse(ws, load_definitions(), diagnose=False)
        # collaboration (#18) per programme: one pair in each (A-B in FP7, A-C in H2020, C-D in Horizon Europe)
        assert dict(ws.rows("""SELECT breakdown, value FROM indicator_value WHERE ecosystem_id = 'nl' AND year IS NULL
                               AND measure = 'collaboration_relations' AND breakdown IN
                               ('', 'programme:FP7', 'programme:H2020', 'programme:HORIZON')""")) == {
            "": 3, "programme:FP7": 1, "programme:H2020": 1, "programme:HORIZON": 1}
        for eco in ("nl", None):
            c = continuity(ws, eco)
            assert c["programmes"] == ["FP7", "H2020", "HORIZON"] and c["organisations"] == 4
            assert {k["programmes"]: k["organisations"] for k in c["combinations"]} == {
                "FP7+H2020": 1, "FP7": 1, "H2020+HORIZON": 1, "HORIZON": 1}
            assert c["in_all"] == 0
            (t1, t2) = c["transitions"]
            assert (t1["from"], t1["to"], t1["stayed"], t1["left"], t1["entered"]) == ("FP7", "H2020", 1, 1, 1)
            assert (t2["from"], t2["to"], t2["stayed"], t2["left"], t2["entered"]) == ("H2020", "HORIZON", 1, 1, 1)
            pics = lambda t, k: [o["pic"] for o in t["organisations"][k]]  # noqa: E731
            assert pics(t1, "stayed") == [100000001] and pics(t1, "left") == [100000002]
            assert pics(t1, "entered") == [100000003] and pics(t2, "left") == [100000001]
            assert pics(t2, "entered") == [100000004]
        assert restrict(load_definitions(), "HORIZON").get("nl").select.framework == ["HORIZON"]
        from innovatlas.programmes import organisation_programmes

        a = organisation_programmes(ws, 100000001)  # A: FP7 and H2020, then gone
        assert [r["programme"] for r in a["programmes"]] == ["FP7", "H2020"]
        assert [(t["from"], t["to"], t["status"]) for t in a["transitions"]] == [("FP7", "H2020", "stayed"),
                                                                               ("H2020", "HORIZON", "left")]
        d = organisation_programmes(ws, 100000004)
        assert [t["status"] for t in d["transitions"]] == ["absent", "entered"]


# --- the older CORDIS layout, shared by FP7 and H2020 (synthetic files) ---------------------------------------------
#: synthetic cordis-fp7projects.csv / cordis-fp7organizations.csv in the layout before 2021, which the
#: data.europa.eu descriptions of the FP2-FP7 datasets give as that of Horizon 2020 ("updated to match the
#: structure of more recent datasets": RCN, project ID, acronym, status, programme, topic, title, dates, ...;
#: organisations: project RCN, project ID, acronym, role, organisation ID, name, short name, type, ...)
_OLD_PROJECTS = ("rcn;id;acronym;status;programme;topics;frameworkProgramme;title;startDate;endDate;projectUrl;"
                 "objective;totalCost;ecMaxContribution;call;fundingScheme;coordinator;coordinatorCountry;"
                 "participants;participantCountries;subjects\n"
                 "90001;211111;SYNA;CLO;FP7-ICT;ICT-2007.1.1;FP7;Synthetic A;2008-01-01;2010-12-31;;x;1000;800;"
                 "FP7-ICT-2007-1;CP;X;NL;;;\n"
                 "90002;222222;SYNB;CLO;FP7-HEALTH;HEALTH-2009;FP7;Synthetic B;2009-06-01;2012-05-31;;x;500;400;"
                 "FP7-HEALTH-2009;CP;X;NL;;;\n")
_OLD_ORGS = ("projectRcn;projectID;projectAcronym;role;id;name;shortName;activityType;endOfParticipation;"
             "ecContribution;country;street;city;postCode;organizationUrl;vatNumber\n"
             "90001;211111;SYNA;coordinator;100000011;SYNTH UNIVERSITY;SU;HES;false;500;NL;Straat 1;Delft;2628 CD;;NL1\n"
             "90001;211111;SYNA;participant;100000012;SYNTH BV;SB;PRC;false;300;NL;Weg 2;Eindhoven;5612 AB;;\n"
             "90002;222222;SYNB;coordinator;100000011;SYNTH UNIVERSITY;SU;HES;false;400;NL;Straat 1;Delft;2628 CD;;NL1\n")


@pytest.mark.parametrize("with_projects", [True, False])
def test_fp7_in_the_older_layout_synthetic(tmp_path, with_projects):
    (tmp_path / "cordis-fp7projects.csv").write_text(_OLD_PROJECTS, encoding="utf-8")
    (tmp_path / "cordis-fp7organizations.csv").write_text(_OLD_ORGS, encoding="utf-8")
    files = [tmp_path / "cordis-fp7organizations.csv"] + ([tmp_path / "cordis-fp7projects.csv"] if with_projects else [])
    with Workspace(tmp_path / "o.duckdb") as ws:
        cordis.import_paths(ws, files)  # no --framework: told by the programme codes, else by the file name
        assert ws.rows("SELECT framework, count(*) FROM project GROUP BY 1") == [("FP7", 2)]
        assert ws.scalar("SELECT count(*) FROM participation") == 3
        assert ws.rows("SELECT DISTINCT dataset FROM import_batch") == [("cordis:FP7:participations",)]
        vat = [a for a in organisation_attributes(ws, 100000011) if a["attribute"] == "vat"]
        assert vat and vat[0]["value"] == "NL1" and vat[0]["file"].endswith("cordis-fp7organizations.csv")


def test_older_layout_without_a_programme_in_name_or_codes_stays_h2020(tmp_path):
    """Unchanged behaviour: an older-layout organisations file named neither way is Horizon 2020."""
    (tmp_path / "organizations-old.csv").write_text(_OLD_ORGS, encoding="utf-8")
    with Workspace(tmp_path / "o.duckdb") as ws:
        cordis.import_paths(ws, [tmp_path / "organizations-old.csv"])
        assert ws.rows("SELECT DISTINCT framework FROM project") == [("H2020",)]


def test_older_layout_as_excel_synthetic(tmp_path):
    """The same synthetic FP7 files saved as the .xlsx workbooks CORDIS also published: the same import."""
    import csv

    from openpyxl import Workbook

    for name, text in (("cordis-fp7projects", _OLD_PROJECTS), ("cordis-fp7organizations", _OLD_ORGS)):
        wb = Workbook()
        sheet = wb.active
        for row in csv.reader(text.splitlines(), delimiter=";"):
            sheet.append(row)
        wb.save(tmp_path / f"{name}.xlsx")
    with Workspace(tmp_path / "x.duckdb") as ws:
        cordis.import_paths(ws, [tmp_path / "cordis-fp7projects.xlsx", tmp_path / "cordis-fp7organizations.xlsx"])
        assert ws.rows("SELECT framework, count(*), min(start_date)::VARCHAR FROM project GROUP BY 1") == [
            ("FP7", 2, "2008-01-01")]
        assert ws.scalar("SELECT sum(ec_contribution) FROM participation") == 1200  # 500 + 300 + 400


def test_dashboard_export_as_excel_with_its_own_column_names(tmp_path):
    """The Dashboard's raw export is a workbook; its header as the export names the columns (Title Case, 'Project
    Nbr', 'General PIC': the two the sample's author renamed, see its PROVENANCE.md) is read the same way. The first
    400 rows of the real sample, written to a workbook here; counts from an independent query over those rows."""
    import csv
    import gzip

    from openpyxl import Workbook

    with gzip.open(DASHBOARD, "rt", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[:401]
    own = {"project_id": "Project Nbr", "pic": "General PIC"}
    header = [own.get(h, h.replace("_", " ").title()) for h in rows[0]]
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Raw Data Export Sheet"
    for r in [header] + rows[1:]:
        sheet.append(r)
    wb.save(tmp_path / "horizon2020.xlsx")
    (nl, sme), = duckdb.sql(f"""SELECT count(*), count(DISTINCT pic) FILTER (WHERE sme_flag = 'Yes')
        FROM (SELECT * FROM read_csv('{DASHBOARD}', all_varchar = true) LIMIT 400) WHERE country_code = 'NL'""").fetchall()
    assert nl > 0 and sme > 0
    with Workspace(tmp_path / "x.duckdb") as ws:
        cordis.import_paths(ws, [tmp_path / "horizon2020.xlsx"])
        assert ws.scalar("SELECT count(*) FROM participation") == 400
        assert ws.rows("SELECT count(*), count(DISTINCT pic) FILTER (WHERE sme) FROM participation "
                       "WHERE country = 'NL'") == [(nl, sme)]


def test_attributes_from_whichever_file_has_them_synthetic(synthetic_ws, tmp_path):
    """conftest's synthetic CORDIS download (organization.csv: SME flag, no VAT, no NUTS code) and a synthetic
    Dashboard export (named so) of another project with ACME BV's VAT number and NUTS-3 code: each attribute
    comes from the file that has it, with that file and row."""
    import gzip

    header = gzip.open(DASHBOARD, "rt", encoding="utf-8").readline().strip()
    cols = header.split(",")
    row = dict.fromkeys(cols, "")
    row.update(framework_programme="H2020", project_id="999001", partner_role="COORDINATOR", partner_type="BENEFICIARY",
               pic="222222222", legal_entity_vat="NL123456789B01", legal_name="ACME B.V.", legal_entity_type="PRC",
               city="EINDHOVEN", nuts_3_code="NL414", country_code="NL", eu_contribution="1000", sme_flag="Yes",
               project_start_date="01/02/2019", project_end_date="31/01/2021")
    f = tmp_path / "synthetic-dashboard.csv"
    f.write_text(header + "\n" + ",".join(row[c] for c in cols) + "\n", encoding="utf-8")
    cordis.import_paths(synthetic_ws, [f])
    attrs = organisation_attributes(synthetic_ws, 222222222)
    used = {a["attribute"]: a for a in attrs if a["used"]}
    assert used["vat"]["value"] == "NL123456789B01" and used["vat"]["file"].endswith("synthetic-dashboard.csv")
    assert used["nuts3_code"]["value"] == "NL414" and used["nuts3_code"]["source_row"] == 1
    sme = [a for a in attrs if a["attribute"] == "sme"]
    assert {a["file"].split("/")[-1] for a in sme} == {"organization.csv", "synthetic-dashboard.csv"}
    assert all(a["value"] == "true" for a in sme) and sum(a["used"] for a in sme) == 1
    assert synthetic_ws.scalar("SELECT nuts_code FROM organisation WHERE pic = 222222222") == "NL414"
    # the two programmes' participations sit side by side: 9 from the CORDIS download, 1 from the Dashboard
    assert synthetic_ws.rows("SELECT b.dataset, count(*) FROM participation p JOIN import_batch b USING (batch_id) "
                             "GROUP BY 1 ORDER BY 1") == [("cordis:H2020:participations", 9),
                                                          ("cordis:horizon-dashboard:synthetic-dashboard.csv:participations", 1)]


# --- the theme tables of the Horizon Europe download (real legalBasis.csv, synthetic project files) -------------------
THEMES = SHARED / "cordis-horizon-europe-project-themes"


def test_horizon_europe_legal_basis_adds_the_programme_parts(tmp_path):
    """A folder as a user unpacks the Horizon Europe zip: synthetic project.csv / organization.csv (named so) for
    two real grant numbers, with the real legalBasis.csv, topics.csv and euroSciVoc.csv.gz next to them. The parts
    expected per project come from an independent query over legalBasis.csv (the codes' prefixes)."""
    import shutil

    from conftest import ORG_HEADER, PROJECT_HEADER

    # a project under two programme parts (e.g. a cluster and WIDERA): the legal bases of two pillars/clusters
    (cl5,), = duckdb.sql(f"""SELECT projectID FROM read_csv('{THEMES / "legalBasis.csv"}', all_varchar = true)
                             WHERE starts_with(legalBasis, 'HORIZON.') GROUP BY projectID
                             HAVING count(DISTINCT regexp_extract(legalBasis, '^HORIZON[.][0-9]([.][0-9])?')) >= 2
                             ORDER BY projectID LIMIT 1""").fetchall()
    (erc,), = duckdb.sql(f"""SELECT min(projectID) FROM read_csv('{THEMES / "legalBasis.csv"}', all_varchar = true)
                             WHERE legalBasis = 'HORIZON.1.1'""").fetchall()
    raw = duckdb.sql(f"""SELECT projectID, list(DISTINCT legalBasis ORDER BY legalBasis)
                         FROM read_csv('{THEMES / "legalBasis.csv"}', all_varchar = true)
                         WHERE projectID IN ('{cl5}', '{erc}') GROUP BY 1""").fetchall()
    d = tmp_path / "cordis-HORIZONprojects-csv"
    d.mkdir()
    n_cols = len(PROJECT_HEADER.split(";"))
    main = {pid: codes[0] for pid, codes in raw}  # project.csv names one legal basis (the main one)
    proj = [f"{pid};SYN{k};SIGNED;Synthetic {k};2023-01-01;2026-12-31;1000;1000;{main[pid]};T;2022-12-01;HORIZON;"
            f"C;C;RIA;;x;2023-01-01 10:00:00;{9100 + k};" for k, pid in enumerate((cl5, erc))]
    assert all(len(p.split(";")) == n_cols for p in proj)
    org_cols = ORG_HEADER.split(";")
    orgs = []
    for k, pid in enumerate((cl5, erc)):
        row = dict.fromkeys(org_cols, "")
        row.update(projectID=pid, organisationID=str(100000100 + k), name=f"SYNTH {k}", SME="false", activityType="HES",
                   city="DELFT", country="NL", role="coordinator", ecContribution="1000")
        orgs.append(";".join(row[c] for c in org_cols))
    (d / "project.csv").write_text("\n".join([PROJECT_HEADER, *proj]) + "\n", encoding="utf-8")
    (d / "organization.csv").write_text("\n".join([ORG_HEADER, *orgs]) + "\n", encoding="utf-8")
    for f in ("legalBasis.csv", "topics.csv", "euroSciVoc.csv.gz"):
        shutil.copy(THEMES / f, d / f)
    with Workspace(tmp_path / "he.duckdb") as ws:
        report = cordis.import_paths(ws, [d])
        assert {r[0] for r in ws.rows("SELECT DISTINCT framework FROM project")} == {"HORIZON"}
        parts = {pid: {p for (p,) in ws.rows("SELECT programme_part FROM project_part JOIN project USING (project_key) "
                                              "WHERE grant_id = ?", [pid])} for pid in (cl5, erc)}
        prefixes = {v: k for k, v in cordis.PROGRAMME_PARTS.items() if v.startswith("HORIZON")}
        for pid, codes in raw:
            expected = {prefixes[max((p for p in prefixes if c.startswith(p)), key=len)] for c in codes
                        if any(c.startswith(p) for p in prefixes)}
            assert parts[pid] == expected, (pid, codes)
        assert len(parts[cl5]) >= 2 and parts[erc] == {"HE-ERC"}  # legalBasis.csv added what project.csv leaves out
        notes = " ".join(report.notes)
        assert "are not in the workspace" in notes and "euroSciVoc" in notes and "topics" in notes
