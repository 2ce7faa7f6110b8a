"""The rest of the framework as data (issue 19): facilities, startups and finance, rules, the vocabulary.

A synthetic example ecosystem (invented facilities, startups, rounds and rules on top of the synthetic
CORDIS download of conftest.py) whose indicators and challenge verdicts are worked out by hand below.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS, org_lines
from innovatlas.errors import InputError
from innovatlas.store import Workspace

FEATS = [
    {"statcode": "GM0503", "statnaam": "Delft", "corop_gebied": "CR26", "provincie": "PV28"},
    {"statcode": "GM0772", "statnaam": "Eindhoven", "corop_gebied": "CR36", "provincie": "PV30"},
    {"statcode": "GM0518", "statnaam": "'s-Gravenhage", "corop_gebied": "CR28", "provincie": "PV28"},
    {"statcode": "CR26", "statnaam": "Delft en Westland", "provincie": "PV28"},
    {"statcode": "CR28", "statnaam": "Agglomeratie 's-Gravenhage", "provincie": "PV28"},
    {"statcode": "CR36", "statnaam": "Zuidoost-Noord-Brabant", "provincie": "PV30"},
    {"statcode": "PV28", "statnaam": "Zuid-Holland"}, {"statcode": "PV30", "statnaam": "Noord-Brabant"},
]


def write(path: Path, rows: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


# --- the synthetic example ecosystem (all invented) -----------------------------------------------------------------
STARTUPS = [
    ["actor_id", "name", "actor_type", "ecosystems", "founding_year", "sector", "stage", "city", "parent", "ip_holder",
     "spin_off_year"],
    ["st1", "Synthetic Photon BV", "startup", "eindhoven", "2017", "photonics", "seed", "Eindhoven", "pic:111111111",
     "pic:111111111", "2017"],
    ["st2", "Synthetic Grid BV", "startup", "eindhoven", "2015", "energy", "growth", "Eindhoven", "pic:111111111", "", ""],
    ["st3", "Synthetic Old SME BV", "sme", "eindhoven;delft", "2005", "", "", "Eindhoven", "", "", ""],
    ["st4", "Synthetic Delft Robotics BV", "startup", "delft", "2020", "robotics", "seed", "Delft", "pic:111111111",
     "pic:111111111", "2021"],
]
EMPLOYEES = [["actor_id", "year", "employees", "confidential"],
             ["st1", "2017", "10", "no"], ["st1", "2020", "13,31", "yes"],   # exactly 10 % a year: high-growth
             ["st2", "2016", "20", "no"], ["st2", "2019", "26", "no"],       # 9.1 % a year: not
             ["st3", "2016", "9", "no"], ["st3", "2019", "30", "no"],        # fewer than 10 at the start: not
             ["st3", "2022", "45", "no"]]                                    # 14.5 % a year from 30: high-growth, 17 years old
FACILITIES = [["facility_id", "name", "facility_type", "ecosystems", "owner", "operator", "lat", "lon", "city", "opening_year"],
              ["fac1", "Synthetic Photonics Pilot Line", "pilot_plant", "eindhoven", "pic:111111111", "pic:222222222", "",
               "", "Eindhoven", "2018"],
              ["fac2", "Synthetic Living Lab", "living_lab", "eindhoven;delft", "pic:111111111", "", "52.0", "4.37", "",
               "2020"],
              ["fac3", "Synthetic Delft Test Hall", "research_test_facility", "delft", "", "", "", "", "Delft", ""]]
INVESTMENTS = [["facility_id", "year", "amount", "currency", "funder", "confidential"],
               ["fac1", "2018", "1000000", "EUR", "Synthetic Province", "no"],
               ["fac1", "2019", "400000", "EUR", "Synthetic Owner", "yes"],     # 987654-like secret: see LEAK below
               ["fac2", "2019", "250000", "EUR", "", "no"],
               ["fac2", "2020", "300000", "USD", "", "no"]]                   # not EUR: not summed
USE = [["facility_id", "user", "user_type", "amount", "amount_unit", "since_year", "until_year"],
       ["fac1", "st1", "", "40", "days per year", "2019", "2021"],
       ["fac1", "pic:333333333", "", "", "", "2020", "2022"],
       ["fac1", "pic:111111111", "", "", "", "2021", "2021"],
       ["fac2", "pic:222222222", "", "", "", "2021", "2022"]]
FINANCE = [["actor_id", "round", "date", "amount", "currency", "investors", "instrument", "confidential", "source"],
           ["st1", "Seed", "2019-03-01", "500000", "EUR", "Synthetic Angels", "seed", "no", "synthetic"],
           ["st1", "Series A", "2020-06-01", "2345678", "EUR", "Synthetic VC", "vc", "yes", "synthetic"],
           ["st2", "", "2020-02-01", "300000", "EUR", "RVO", "mit", "no", "synthetic"],
           ["st2", "", "2020-09-01", "100000", "EUR", "RVO", "innovatiekrediet", "no", "synthetic"],
           ["st4", "Series A", "2021-01-15", "750000", "EUR", "Synthetic VC", "vc", "no", "synthetic"]]
RULES = [["ecosystems", "rule_type", "title", "text", "date", "source", "evidence", "challenges", "effect", "status", "author"],
         ["eindhoven", "regulation", "Permits for field tests", "take a year", "2024-03-01", "interviews",
          "https://example.org/a", "10;2", "barrier", "open", "synthetic"],
         ["eindhoven", "standard", "Interoperability standard", "", "2024-03-02", "roadmap", "https://example.org/b", "10",
          "enabler", "", "synthetic"],
         ["eindhoven", "ip_agreement", "University IP policy", "", "2024-03-03", "policy", "https://example.org/c", "10;7",
          "barrier", "addressed", "synthetic"],
         ["eindhoven", "norm", "Open collaboration", "", "2024-03-04", "survey", "https://example.org/d", "10", "enabler", "",
          "synthetic"],
         ["eindhoven", "trust", "Low trust between firms", "", "2024-03-05", "survey", "https://example.org/e", "10",
          "barrier", "", "synthetic"],
         ["eindhoven", "culture", "Entrepreneurial culture", "", "2024-03-06", "survey", "https://example.org/f", "10",
          "enabler", "", "synthetic"]]


def build_example(ws: Workspace, d: Path) -> None:
    from innovatlas.framework.imports import import_kind

    write(d / "startups.csv", STARTUPS)
    write(d / "startups-employees.csv", EMPLOYEES)
    write(d / "facilities.csv", FACILITIES)
    write(d / "facilities-investments.csv", INVESTMENTS)
    write(d / "facilities-use.csv", USE)
    write(d / "finance.csv", FINANCE)
    write(d / "rules.csv", RULES)
    for kind in ("startups", "facilities", "finance", "rules"):
        import_kind(ws, kind, d / f"{kind}.csv")


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The synthetic CORDIS download, analysed, with the synthetic framework data of this module."""
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.diagnose import diagnose_all
    from innovatlas.sources import cordis, geo

    d = tmp_path_factory.mktemp("framework")
    c = d / "cordis-h2020projects-csv"
    c.mkdir()
    (c / "project.csv").write_text("\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", encoding="utf-8")
    (c / "organization.csv").write_text("\n".join([ORG_HEADER, *org_lines()]) + "\n", encoding="utf-8")
    g = d / "synthetic_regions_2015.geojson"
    g.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": p, "geometry": None} for p in FEATS]}), encoding="utf-8")
    ws = Workspace(d / "ws.duckdb")
    geo.import_paths(ws, [g])
    cordis.import_paths(ws, [c])
    analyse(ws, load_definitions())
    build_example(ws, d)
    with ws.transaction():
        diagnose_all(ws)
    yield ws, d
    ws.close()


def _val(vals, ind, measure, year=None, breakdown=""):
    hits = [v for v in vals if v["indicator"] == str(ind) and v["measure"] == measure and v["year"] == year
            and v["breakdown"] == breakdown]
    assert len(hits) == 1, (ind, measure, year, breakdown, hits)
    return hits[0]["value"]


def test_nine_indicators_worked_out_by_hand(example):
    from innovatlas.framework.measures import indicators

    ws, _d = example
    e = indicators(ws, "eindhoven")
    # #46: fac1 and fac2 (shared with delft); investment 2018 = 1,000,000 open; 2019 = 250,000 open + 400,000 of
    # one confidential facility: one unit < 10 -> withheld, the open part a lower bound; USD 2020 not summed
    assert _val(e, 46, "facilities") == 2
    assert _val(e, 46, "facilities", breakdown="type:pilot_plant") == 1
    assert _val(e, 46, "facility_investment_eur", 2018) == 1_000_000
    assert _val(e, 46, "facility_investment_eur", 2019) is None
    assert [v["open_part"] for v in e if v["measure"] == "facility_investment_eur" and v["year"] == 2019] == [250_000]
    assert not [v for v in e if v["measure"] == "facility_investment_eur" and v["year"] == 2020]
    # #21: users st1 (startup), 333 (large firm), 111 (university), 222 (SME) -> 4, SMEs and startups 2 -> 0.5
    assert _val(e, 21, "facility_users") == 4
    assert _val(e, 21, "facility_users", breakdown="user:sme_startup") == 2
    assert _val(e, 21, "facility_users", breakdown="user:knowledge_institution") == 1
    assert _val(e, 21, "sme_startup_user_share") == 0.5
    assert [_val(e, 21, "facility_users", y) for y in (2019, 2020, 2021, 2022)] == [1, 2, 4, 2]
    # #7: st1 and st2 are startups (st3 an SME), founded 2017 and 2015
    assert _val(e, 7, "startups") == 2
    assert (_val(e, 7, "startups_founded", 2015), _val(e, 7, "startups_founded", 2017)) == (1, 1)
    # #8: st1 on TU Delft's IP (2017); st2 has a parent but no IP holder
    assert _val(e, 8, "spin_offs_ip") == 1 and _val(e, 8, "spin_offs_without_ip") == 1
    assert _val(e, 8, "spin_offs_ip", 2017) == 1
    # #6: end years with counts at both ends: 2019 (st2 9.1 %, st3 starts with 9), 2020 (st1 exactly 10 %), 2022 (st3 14.5 %)
    assert [_val(e, 6, "scale_ups", y) for y in (2019, 2020, 2022)] == [0, 1, 1]
    assert [_val(e, 6, "young_gazelles", y) for y in (2019, 2020, 2022)] == [0, 1, 0]   # st1 3 years old, st3 17
    assert _val(e, 6, "scale_ups", 2020, "sector:photonics") == 1                        # st1's sector; st3 has none
    # #27: 2020 has the MIT and Innovatiekrediet events; #28: 2019 seed 500,000; 2020 one confidential VC round -> withheld
    assert (_val(e, 27, "public_instrument_events", 2019), _val(e, 27, "public_instrument_events", 2020)) == (0, 2)
    assert _val(e, 28, "venture_capital_eur", 2019) == 500_000
    assert _val(e, 28, "venture_capital_eur", 2020) is None
    assert _val(e, 28, "venture_capital_deals", 2020) == 1
    # #47: 3 formal rules, 2 barriers, 1 open; #50: 3 informal, 2 enablers, 1 barrier
    assert (_val(e, 47, "formal_rules"), _val(e, 47, "formal_barriers"), _val(e, 47, "open_formal_barriers")) == (3, 2, 1)
    assert (_val(e, 50, "informal_rules"), _val(e, 50, "informal_enablers"), _val(e, 50, "informal_barriers")) == (3, 2, 1)
    d = indicators(ws, "delft")
    assert _val(d, 46, "facilities") == 2 and _val(d, 46, "facility_investment_eur", 2019) == 250_000
    assert _val(d, 21, "facility_users") == 1 and _val(d, 21, "sme_startup_user_share") == 1.0
    assert _val(d, 8, "spin_offs_ip", 2021) == 1 and _val(d, 28, "venture_capital_eur", 2021) == 750_000
    assert [_val(d, 6, "scale_ups", y) for y in (2019, 2022)] == [0, 1]
    # the national ecosystem holds what is recorded for the cities nested in it, once each (fac2 and st3 are in both)
    n = indicators(ws, "nl")
    assert _val(n, 46, "facilities") == 3 and _val(n, 21, "facility_users") == 4 and _val(n, 7, "startups") == 3
    assert _val(n, 8, "spin_offs_ip") == 2 and [_val(n, 6, "scale_ups", y) for y in (2019, 2020, 2022)] == [0, 1, 1]
    assert (_val(n, 28, "venture_capital_eur", 2019), _val(n, 28, "venture_capital_eur", 2020),
            _val(n, 28, "venture_capital_eur", 2021)) == (500_000, None, 750_000)
    assert _val(n, 46, "facility_investment_eur", 2019) is None              # fac1's confidential 400,000 is in it
    assert not [v for v in n if v["indicator"] in ("47", "50")]               # rules stay with their ecosystem
    # placed on the map like organisations: by municipality name (fac1), by coordinates (fac2)
    from innovatlas.framework.measures import records

    place = {f["facility_id"]: (f["municipality"], f["lat"]) for f in records(ws, "eindhoven")["facilities"]}
    assert place == {"fac1": ("Eindhoven", None), "fac2": (None, 52.0)}
    # every value names its provenance: the imported file
    assert all("framework:" in v["source"] for v in e)


def test_challenges_2_3_10_read_the_new_data(example):
    from innovatlas.diagnose import findings_of

    ws, _d = example
    f = {r["code"]: r for r in findings_of(ws, "eindhoven")}
    ev = {c: {e["indicator"]: e for e in f[f"challenge-{c}"]["evidence"]} for c in (2, 3, 10)}
    # 2: #21 users per year 1, 2, 4, 2 (2019-2022): slope 0.5 a year on a mean of 2.25 = +22 % a year -> +1;
    #    #46 two facilities present -> +1; mean +1 -> strength
    #    the rule 'Permits for field tests' (linked to 10 and 2) is an open barrier -> -1; mean (1 + 1 - 1) / 3 = 1/3
    #    -> strength (at or above +1/3)
    assert ev[2]["21"]["judgement"] == 1 and ev[2]["46"]["judgement"] == 1 and ev[2]["rule"]["judgement"] == -1
    assert f["challenge-2"]["verdict"] == "strength" and abs(f["challenge-2"]["score"] - 1 / 3) < 1e-9
    # 7: the addressed IP-policy barrier (linked to 10 and 7) -> 0
    assert [e["judgement"] for e in f["challenge-7"]["evidence"] if e["indicator"] == "rule"] == [0]
    # 3: #6 scale-ups 0, 1, 1 (2019, 2020, 2022): slope 0.286 on a mean of 0.667 -> +1; #7 (two founding years),
    #    #8 (one spin-off year), #27 (two years) and #28 (one published year) known without a series -> 0;
    #    mean 1/5 = 0.2 -> mixed
    assert ev[3]["6"]["judgement"] == 1 and ev[3]["7"]["judgement"] == 0 and ev[3]["27"]["judgement"] == 0
    assert ev[3]["8"]["judgement"] == 0 and ev[3]["8"]["value"] == 1
    assert ev[3]["28"]["judgement"] == 0 and ev[3]["28"]["value"] == 500_000 and ev[3]["28"]["year"] == 2019
    assert f["challenge-3"]["verdict"] == "mixed" and abs(f["challenge-3"]["score"] - 0.2) < 1e-9
    # 10: #47 one of two formal barriers open (not more than half) -> 0; #50 two enablers against one barrier -> +1
    assert ev[10]["47"]["judgement"] == 0 and ev[10]["50"]["judgement"] == 1
    assert f["challenge-10"]["verdict"] == "strength"
    assert "unknown" not in (f["challenge-2"]["verdict"], f["challenge-3"]["verdict"], f["challenge-10"]["verdict"])
    # delft: #21 only two years of use -> the share rule: the one user is an SME (100 % >= 25 %) -> +1
    fd = {r["code"]: r for r in findings_of(ws, "delft")}
    assert {e["indicator"]: e for e in fd["challenge-2"]["evidence"]}["21"]["judgement"] == 1
    # an ecosystem without framework data stays unknown on challenge 10
    assert {r["code"]: r for r in findings_of(ws, "utrecht")}["challenge-10"]["verdict"] == "unknown"


# --- malformed templates: file, row, field; nothing written ---------------------------------------------------------
def _counts(ws):
    return [ws.scalar(f"SELECT count(*) FROM {t}") for t in ("facility", "facility_investment", "facility_use", "venture",
                                                           "venture_employees", "financing_event", "rule_entry", "user_actor")]


def test_malformed_templates_rejected_with_file_row_field(example, tmp_path):
    from innovatlas.framework.imports import import_kind

    ws, _d = example
    before = _counts(ws)
    bad = tmp_path / "facilities.csv"
    write(bad, [FACILITIES[0], ["facX", "Synthetic Bad Lab", "spaceport", "eindhoven", "pic:000000001", "", "95", "", "", "19x"]])
    write(tmp_path / "facilities-investments.csv", [INVESTMENTS[0], ["nofac", "2019", "-5", "EUR", "", "maybe"]])
    with pytest.raises(InputError) as exc:
        import_kind(ws, "facilities", bad)
    errs = {(e.file.rsplit("/", 1)[-1], e.row, e.field) for e in exc.value.errors}
    # spreadsheet rows: the header is row 1, the first data row row 2
    assert {("facilities.csv", 2, "facility_type"), ("facilities.csv", 2, "owner"), ("facilities.csv", 2, "lat"),
            ("facilities.csv", 2, "opening_year"), ("facilities-investments.csv", 2, "facility_id"),
            ("facilities-investments.csv", 2, "amount"), ("facilities-investments.csv", 2, "confidential")} <= errs
    assert "spaceport" in str(exc.value) and "pilot_plant" in str(exc.value)     # names the allowed codes
    write(tmp_path / "startups.csv", [STARTUPS[0], ["s9", "Synthetic S9", "startup", "atlantis", "20x5", "", "", "", "pic:333333333",
                                                    "", ""]])
    with pytest.raises(InputError) as exc:
        import_kind(ws, "startups", tmp_path / "startups.csv")
    errs = {(e.row, e.field) for e in exc.value.errors}
    # an unknown ecosystem, a founding year that is no year, a parent that is a large firm (no knowledge institution)
    assert {(2, "ecosystems"), (2, "founding_year"), (2, "parent")} <= errs
    write(tmp_path / "finance.csv", [FINANCE[0], ["ghost", "", "2020-13-01", "12", "", "", "bitcoin", "no", ""]])
    with pytest.raises(InputError) as exc:
        import_kind(ws, "finance", tmp_path / "finance.csv")
    assert {(2, "actor_id"), (2, "date"), (2, "currency"), (2, "instrument")} <= {(e.row, e.field) for e in exc.value.errors}
    write(tmp_path / "rules.csv", [RULES[0], RULES[1], ["eindhoven", "vibe", "x", "", "2024-01-01", "s", "not a link", "11",
                                                        "barrier", "", "me"]])
    with pytest.raises(InputError) as exc:
        import_kind(ws, "rules", tmp_path / "rules.csv")
    assert {(3, "rule_type"), (3, "evidence"), (3, "challenges")} <= {(e.row, e.field) for e in exc.value.errors}
    # an Excel template: the sheet is named
    from innovatlas.framework.templates import write_template
    from openpyxl import load_workbook

    x = write_template("startups", tmp_path / "st.xlsx")[0]
    wb = load_workbook(x)
    wb["startups"].append(["s1", "Synthetic X", "startup", "eindhoven", "1750"])
    wb["employees"].append(["s2", "2020", "5", "no"])
    wb.save(x)
    with pytest.raises(InputError) as exc:
        import_kind(ws, "startups", x)
    errs = {(e.file.rsplit("(", 1)[-1], e.row, e.field) for e in exc.value.errors}
    assert ("sheet startups)", 2, "founding_year") in errs and ("sheet employees)", 2, "actor_id") in errs
    assert _counts(ws) == before  # nothing half-written


def test_templates_cli_new_kinds_and_backward_compatible(example, tmp_path):
    from typer.testing import CliRunner
    from openpyxl import load_workbook

    from innovatlas.cli import app
    from innovatlas.framework.templates import PARTS

    ws, d = example
    r = CliRunner()
    for kind in ("facilities", "startups", "finance", "rules"):
        for ext in ("csv", "xlsx"):
            res = r.invoke(app, ["template", kind, str(tmp_path / f"{kind}.{ext}")])
            assert res.exit_code == 0, res.output
        wb = load_workbook(tmp_path / f"{kind}.xlsx")
        assert [s for s in wb.sheetnames if s != "help"] == [p for p, _c in PARTS[kind]]
        assert [c.value for c in wb.worksheets[0][1]] == PARTS[kind][0][1]
        assert next(csv.reader(open(tmp_path / f"{kind}.csv", encoding="utf-8"))) == PARTS[kind][0][1]
    assert (tmp_path / "facilities-use.csv").exists() and (tmp_path / "startups-employees.csv").exists()
    help_rows = [[c.value for c in row] for row in load_workbook(tmp_path / "facilities.xlsx")["help"].iter_rows()]
    assert ["facility_type", "living_lab", "Living lab", "Living lab (proeftuin)"] in help_rows
    # actors|relations: the registry's writer
    assert r.invoke(app, ["template", "actors", str(tmp_path / "a.csv")]).exit_code == 0
    from innovatlas.registry.actors import ACTOR_COLUMNS

    assert next(csv.reader(open(tmp_path / "a.csv", encoding="utf-8"))) == ACTOR_COLUMNS
    # the existing use: KIND ECOSYSTEM FILE, and the same with --ecosystem
    ws.close()
    try:
        path = str(d / "ws.duckdb")
        a = r.invoke(app, ["template", "values", "eindhoven", str(tmp_path / "v1.csv"), "-w", path])
        b = r.invoke(app, ["template", "values", str(tmp_path / "v2.csv"), "--ecosystem", "eindhoven", "-w", path])
        assert a.exit_code == 0 and b.exit_code == 0, (a.output, b.output)
        assert (tmp_path / "v1.csv").read_text() == (tmp_path / "v2.csv").read_text()
        shown = r.invoke(app, ["framework", "show", "eindhoven", "--json", "-w", path])
        assert shown.exit_code == 0 and {f["facility_id"] for f in json.loads(shown.output)["facilities"]} == {"fac1", "fac2"}
        bad = r.invoke(app, ["template", "values", str(tmp_path / "v3.csv"), "-w", path])
        assert bad.exit_code == 2 and "ecosystem" in bad.output
        # a bad import through the CLI: exit 2, file, row, field, no traceback
        write(tmp_path / "rules.csv", [RULES[0], ["eindhoven", "law", "x", "", "yesterday", "s", "https://e.org", "", "barrier",
                                                  "", "me"]])
        res = r.invoke(app, ["import", "rules", str(tmp_path / "rules.csv"), "-w", path])
        assert res.exit_code == 2 and "row 2" in res.output and "date" in res.output and "Traceback" not in res.output
    finally:
        ws.__init__(d / "ws.duckdb")


CRUNCHBASE = [["Transaction Name", "Organization Name", "Funding Type", "Money Raised", "Money Raised Currency",
               "Money Raised Currency (in USD)", "Announced Date", "Investor Names"],
              ["Seed Round - Synthetic Alpha", "Synthetic Alpha", "Seed", "200000", "EUR", "220000", "2021-04-01", "Synthetic Angels"],
              ["Series A - Synthetic Alpha", "Synthetic Alpha", "Series A", "3000000", "EUR", "3300000", "2022-05-01", "Synthetic VC"],
              ["Grant - Synthetic Beta", "Synthetic Beta", "Grant", "50000", "EUR", "55000", "2022-01-10", "Synthetic Agency"]]


def test_crunchbase_export_and_dealroom_needs_a_mapping(example, tmp_path):
    from innovatlas.framework.imports import import_export
    from innovatlas.framework.measures import indicators

    ws, _d = example
    f = write(tmp_path / "crunchbase-funding-rounds.csv", CRUNCHBASE)
    rep = import_export(ws, "crunchbase", f, "utrecht")
    assert rep.loaded["startups"] == 2 and rep.loaded["crunchbase financing events"] == 3
    u = indicators(ws, "utrecht")
    # Seed -> seed, Series A -> vc (both venture capital), Grant -> grant: 200,000 in 2021, 3,000,000 in 2022
    assert _val(u, 28, "venture_capital_eur", 2021) == 200_000 and _val(u, 28, "venture_capital_eur", 2022) == 3_000_000
    assert _val(u, 27, "financing_events", 2022, "instrument:grant") == 1 and _val(u, 7, "startups") == 2
    # Dealroom's layout is not confirmed: a mapping is required, and a mapping is checked
    with pytest.raises(InputError, match="mapping"):
        import_export(ws, "dealroom", f, "utrecht")
    from innovatlas.framework.imports import read_mapping

    example_mapping = Path(__file__).resolve().parents[1] / "src/innovatlas/framework/mappings/dealroom.example.toml"
    assert read_mapping(example_mapping)["instruments"]["early vc"] == "vc"     # the shipped starting point is valid
    m = tmp_path / "dealroom.toml"
    m.write_text('[columns]\nname = "Organization Name"\ndate = "Announced Date"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_export(ws, "dealroom", f, "utrecht", m)
    assert exc.value.field == "columns.instrument"
    m.write_text('[columns]\nname = "Name"\ndate = "Date"\ninstrument = "Round"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_export(ws, "dealroom", f, "utrecht", m)
    assert "'Name'" in str(exc.value) and exc.value.line == 1          # the export lacks the mapped column
    # a row of the export that does not pass names the export's own column
    g = write(tmp_path / "cb2.csv", [CRUNCHBASE[0], ["x", "Synthetic Gamma", "Seed", "10", "EUR", "", "soon", ""]])
    with pytest.raises(InputError) as exc:
        import_export(ws, "crunchbase", g, "utrecht")
    assert exc.value.row == 2 and exc.value.field == "Announced Date"


def test_vocabulary_documented_in_one_place():
    from innovatlas.model.actors import ActorType
    from innovatlas.model.relations import ActivityType
    from innovatlas.model.vocabulary import VOCABULARY, vocabulary_markdown

    doc = (Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert doc == vocabulary_markdown(), "docs/vocabulary.md is stale: regenerate it (see innovatlas.model.vocabulary)"
    assert set(VOCABULARY["actor_type"]) == {t.value for t in ActorType}
    assert set(VOCABULARY["activity"]) == {a.value for a in ActivityType}
    # seed 001's facility types, rule types and the instruments #27 names are all there
    assert {"pilot_plant", "fieldlab", "living_lab", "large_research_infrastructure", "shared_campus_facility",
            "research_test_facility"} == set(VOCABULARY["facility_type"])
    assert {"law", "regulation", "standard", "ip_agreement", "consortium_agreement", "norm", "trust", "culture"} == set(
        VOCABULARY["rule_type"])
    assert {"dvi", "mit", "seed_capital", "innovatiekrediet", "vff"} <= set(VOCABULARY["instrument"])
    assert all(en and nl for d in VOCABULARY.values() for en, nl in d.values())


# --- report and dashboard (a real server) through disclosure control ------------------------------------------------
SECRETS = ("400000", "400.000", "400,000", "2345678", "2.345.678", "2,345,678", "13,31", "13.31")


def test_report_and_dashboard_show_the_section_in_both_languages(example, tmp_path, browser):
    import socket
    import threading
    import time
    import urllib.request

    import uvicorn

    from innovatlas.report import render_site
    from innovatlas.web import create_app

    ws, d = example
    out = tmp_path / "report"
    render_site(ws, out, lang="en")
    render_site(ws, out / "nl", lang="nl")
    en = (out / "eco-eindhoven.html").read_text(encoding="utf-8")
    nl = (out / "nl" / "eco-eindhoven.html").read_text(encoding="utf-8")
    assert "Synthetic Photonics Pilot Line" in en and "Pilot plant" in en and "Proeffabriek" in nl
    assert "Permits for field tests" in en and "Belemmering" in nl and "Regelgeving" in nl
    assert "OECD-Eurostat" in en and "OESO-Eurostat" in nl and "10%" in en        # the scale-up definition, stated
    assert "EUR 1,000,000" in en and "EUR 1.000.000" in nl                         # numbers per language
    assert "confidential (withheld)" in en and "vertrouwelijk (niet getoond)" in nl
    assert "not in the data" in (out / "eco-utrecht.html").read_text(encoding="utf-8") or "Synthetic Alpha" in (
        out / "eco-utrecht.html").read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    ws.close()
    try:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        application = create_app(d / "ws.duckdb")
        srv = uvicorn.Server(uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning"))
        th = threading.Thread(target=srv.run, daemon=True)
        th.start()
        for _ in range(200):
            if srv.started:
                break
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        get = lambda u: urllib.request.urlopen(base + u, timeout=60).read().decode("utf-8")  # noqa: E731
        page_en, page_nl = get("/ecosystems/eindhoven"), get("/ecosystems/eindhoven?lang=nl")
        assert "Synthetic Living Lab" in page_en and "Living lab (proeftuin)" in page_nl and "Sociale norm" in page_nl
        api = json.loads(get("/api/ecosystems/eindhoven/framework"))
        assert {f["name"] for f in api["facilities"]} == {"Synthetic Photonics Pilot Line", "Synthetic Living Lab"}
        assert [f["amount"] for f in api["finance"] if f["round"] == "Series A"] == [None]
        geo = json.loads(get("/api/ecosystems/eindhoven/facilities.geojson"))
        assert [f["geometry"]["coordinates"] for f in geo["features"] if f["geometry"]] == [[4.37, 52.0]]
        vocab = json.loads(get("/api/vocabulary?lang=nl"))
        assert {"kind": "facility_type", "code": "fieldlab", "en": "Fieldlab", "nl": "Fieldlab", "label": "Fieldlab"} in vocab["items"]
        # in a real browser (Debian's Chromium): the section renders in Dutch, the confidential round withheld
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(base + "/ecosystems/eindhoven?lang=nl#framework")
        assert pg.locator("#fw-facilities").is_visible()
        assert "Proeffabriek" in pg.locator("#fw-facilities").inner_text()
        fin = pg.locator("#fw-finance").inner_text()
        assert "vertrouwelijk (niet getoond)" in fin and "EUR 500.000" in fin
        assert "OESO-Eurostat" in pg.locator("#scale-up-definition").inner_text()
        texts.append(pg.content())
        ctx.close()
        assert not errors, errors
        texts += [page_en, page_nl, json.dumps(api), get("/api/ecosystems/eindhoven/framework?lang=nl"),
                  get("/api/ecosystems/eindhoven/diagnosis"), get("/api/ecosystems/delft/framework")]
    finally:
        srv.should_exit = True
        th.join(timeout=10)
        application.state.workspace.close()
        ws.__init__(d / "ws.duckdb")
    leaks = [(s, i) for i, t in enumerate(texts) for s in SECRETS if s in t]
    assert not leaks, leaks


def test_reimport_replaces_identical_is_skipped_and_actors_import_keeps_startups(example, tmp_path):
    from innovatlas.framework.imports import import_kind
    from innovatlas.registry.actors import ACTOR_COLUMNS, import_file

    ws, d = example
    assert import_kind(ws, "rules", d / "rules.csv").unchanged == ["framework:rules"]
    write(tmp_path / "rules.csv", RULES[:2])
    assert import_kind(ws, "rules", tmp_path / "rules.csv").loaded == {"rule entries": 1}
    assert ws.scalar("SELECT count(*) FROM rule_entry") == 1                       # replaced, not added
    # the user's own actors file (the registry's import) leaves the startups, their actors and spin-off relations alone
    n_rel = ws.scalar("SELECT count(*) FROM user_relation WHERE relation_type = 'spin_off'")
    write(tmp_path / "actors.csv", [ACTOR_COLUMNS, ["c1", "Synthetic Campus", "campus"] + [""] * (len(ACTOR_COLUMNS) - 3)])
    import_file(ws, tmp_path / "actors.csv")
    assert ws.scalar("SELECT count(*) FROM user_actor WHERE actor_id IN ('st1', 'st2', 'st3', 'st4', 'c1')") == 5
    assert ws.scalar("SELECT count(*) FROM user_relation WHERE relation_type = 'spin_off'") == n_rel == 3
    # an Excel template filled in: its first sheet is read, the help sheet ignored
    from openpyxl import load_workbook

    from innovatlas.framework.templates import write_template

    x = write_template("rules", tmp_path / "rules.xlsx")[0]
    wb = load_workbook(x)
    wb["rules"].append(RULES[2])
    wb.save(x)
    assert import_kind(ws, "rules", x).loaded == {"rule entries": 1}
    assert ws.rows("SELECT rule_type, formal, effect FROM rule_entry") == [("standard", True, "enabler")]
    import_kind(ws, "rules", d / "rules.csv")                                       # back to the example
    assert ws.scalar("SELECT count(*) FROM rule_entry") == 6
