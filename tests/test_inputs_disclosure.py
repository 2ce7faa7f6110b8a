"""Imported, survey and qualitative inputs: templates, validation, history, and disclosure
control proven on every output path (report, API, export, history, diagnosis, totals minus parts).
All data here is synthetic and made up for the test."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

from innovatlas.diagnose import findings_of
from innovatlas.disclosure import DisclosureRule, apply_rule, disclosed_inputs, set_rule
from innovatlas.errors import InputError
from innovatlas.inputs import (VALUE_COLUMNS, history, import_definitions, import_qualitative, import_targets,
                               import_values, write_template)
from innovatlas.report import render_site
from innovatlas.web import create_app

HEAD = "ecosystem,indicator,breakdown,year,value,unit,source,kind,confidential,units,largest_share,author"
# A secret that must never appear: a confidential cell with 3 firms (value 777123) and its sibling.
SECRET_ROWS = [
    "delft,2,,2021,1000000,EUR,CBS microdata,import,yes,40,0.2,alice",           # total: publishable
    "delft,2,sector:A,2021,222877,EUR,CBS microdata,import,yes,37,0.3,alice",   # part: publishable on its own
    "delft,2,sector:B,2021,777123,EUR,CBS microdata,import,yes,3,0.9,alice",    # part: 3 units -> suppressed
]


@pytest.fixture
def analysed(synthetic_ws):
    return synthetic_ws


def _csv(tmp_path, name, lines):
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_rule_primary_and_secondary():
    base = dict(ecosystem_id="e", indicator="2", year=2020, confidential=True)
    rows = [dict(base, breakdown="", value=100.0, units=30, largest_share=0.2),
            dict(base, breakdown="a", value=60.0, units=20, largest_share=0.3),
            dict(base, breakdown="b", value=30.0, units=9, largest_share=0.2),     # 9 < 10 units
            dict(base, breakdown="c", value=10.0, units=12, largest_share=0.2)]
    out = apply_rule(rows)
    # b is suppressed (primary), and the smallest other part c too (secondary): 100 - 60 = b + c only
    assert [r["value"] for r in out] == [100.0, 60.0, None, None]
    assert out[2]["suppression"].startswith("confidential: fewer than 10")
    assert "protect another cell" in out[3]["suppression"]
    # dominance: the largest contributor holds 60 % > 50 %
    dom = apply_rule([dict(base, breakdown="", value=5.0, units=50, largest_share=0.6)])
    assert dom[0]["value"] is None and "largest contributor" in dom[0]["suppression"]
    # not confidential: always shown; a configurable rule: 5 units is enough under min_units=5
    assert apply_rule([dict(base, confidential=False, breakdown="", value=1.0, units=1, largest_share=1.0)])[0]["value"] == 1.0
    assert apply_rule([rows[2] | {"breakdown": ""}], DisclosureRule(min_units=5))[0]["value"] == 30.0


def test_templates_round_trip(analysed, tmp_path):
    p = write_template(analysed, "values", "delft", tmp_path / "values.csv")
    rows = list(csv.DictReader(open(p, encoding="utf-8")))
    assert list(rows[0]) == VALUE_COLUMNS
    # every import/survey indicator of the catalogue is offered, none of the open-data ones
    # every import/survey indicator is offered, and open-data ones innovatlas does not compute yet (#14-#17)
    offered = {r["indicator"] for r in rows}
    assert offered >= {"1", "14", "17", "19", "25", "45"} and not offered & {"18", "29", "37"}
    x = write_template(analysed, "qualitative", "delft", tmp_path / "q.xlsx")
    sheet = load_workbook(x).active
    assert sheet.cell(1, 1).value == "ecosystem" and sheet.cell(2, 1).value == "delft"
    # an untouched template imports nothing and says so
    with pytest.raises(InputError, match="no filled-in rows"):
        import_values(analysed, p)


def test_values_import_history_and_supersede(analysed, tmp_path):
    first = _csv(tmp_path, "v1.csv", [HEAD, "delft,19,,2020,1500,hours,RVO,import,no,,,bob",
                                      "delft,19,,2021,1800,hours,RVO,import,no,,,bob"])
    import_values(analysed, first)
    second = _csv(tmp_path, "v2.csv", [HEAD, "delft,19,,2021,1900,hours,RVO (corrected),import,no,,,carol"])
    import_values(analysed, second)
    current = {r["year"]: r["value"] for r in disclosed_inputs(analysed, "delft", indicator="19")}
    assert current == {2020: 1500, 2021: 1900}
    h = [r for r in history(analysed, "delft") if r["year"] == 2021]
    assert [(r["value"], r["entered_by"], r["superseded_at"] is None) for r in h] == [(1900, "carol", True),
                                                                                        (1800, "bob", False)]
    # the same file again changes nothing
    before = analysed.snapshot()
    rep = import_values(analysed, second)
    assert rep.unchanged and analysed.snapshot() == before


def test_excel_values(analysed, tmp_path):
    wb = Workbook()
    sh = wb.active
    sh.append(HEAD.split(","))
    sh.append(["delft", "45", None, 2022, 250000, "EUR", "NWO", "import", "no", None, None, "dana"])
    wb.save(tmp_path / "v.xlsx")
    import_values(analysed, tmp_path / "v.xlsx")
    assert disclosed_inputs(analysed, "delft", indicator="45")[0]["value"] == 250000


@pytest.mark.parametrize("row,match,field", [
    ("atlantis,19,,2020,1,h,RVO,import,no,,,x", "unknown ecosystem 'atlantis'", "ecosystem"),
    ("delft,99,,2020,1,h,RVO,import,no,,,x", "unknown indicator '99'", "indicator"),
    ("delft,29,,2020,1,h,RVO,import,no,,,x", "is 'computed'", "indicator"),
    ("delft,19,,2020,lots,h,RVO,import,no,,,x", "'lots' is not a number", "value"),
    ("delft,19,,20x0,1,h,RVO,import,no,,,x", "not a number", "year"),
    ("delft,19,,2020,1,h,RVO,guess,no,,,x", "'guess' is not allowed", "kind"),
    ("delft,19,,2020,1,h,RVO,import,maybe,,,x", "'maybe' is not allowed", "confidential"),
    ("delft,19,,2020,1,h,RVO,import,yes,,0.2,x", "needs the number of contributing units", "units"),
    ("delft,19,,2020,1,h,RVO,import,yes,12,1.5,x", "out of range", "largest_share"),
    ("delft,19,,2020,1,h,,import,no,,,x", "required field is empty", "source"),
])
def test_bad_values_are_refused_and_nothing_is_written(analysed, tmp_path, row, match, field):
    good = "delft,19,,2019,5,h,RVO,import,no,,,x"
    p = _csv(tmp_path, "bad.csv", [HEAD, good, row])
    before = analysed.snapshot()
    with pytest.raises(InputError, match=match) as info:
        import_values(analysed, p)
    # the row as a spreadsheet shows it: header row 1, the good row 2, the bad row 3
    assert info.value.row == 3 and info.value.field == field and info.value.hint
    assert analysed.snapshot() == before


def test_duplicate_and_structural_errors(analysed, tmp_path):
    before = analysed.snapshot()
    with pytest.raises(InputError, match="duplicate value") as info:
        import_values(analysed, _csv(tmp_path, "d.csv", [HEAD, "delft,19,,2020,1,h,R,import,no,,,x",
                                                          "delft,19,,2020,2,h,R,import,no,,,x"]))
    assert info.value.row == 3 and "first appears in row 2" in str(info.value)
    with pytest.raises(InputError, match="missing column"):
        import_values(analysed, _csv(tmp_path, "m.csv", ["ecosystem,indicator,year,value", "delft,19,2020,1"]))
    with pytest.raises(InputError, match="empty"):
        import_values(analysed, _csv(tmp_path, "e.csv", [""]))
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="not a readable Excel workbook"):
        import_values(analysed, tmp_path / "broken.xlsx")
    assert analysed.snapshot() == before


def test_qualitative_targets_and_definitions(analysed, tmp_path):
    q = _csv(tmp_path, "q.csv", ["ecosystem,indicator,text,date,author,evidence",
                                 'delft,34,"Joint roadmap 2030 signed by TU Delft, TNO and the municipality",2022-05-01,eve,https://example.org/roadmap.pdf | doi:10.1000/xyz'])
    import_qualitative(analysed, q)
    with pytest.raises(InputError, match="is not a link") as info:
        import_qualitative(analysed, _csv(tmp_path, "q2.csv", ["ecosystem,indicator,text,date,author,evidence",
                                                               "delft,34,text,2022-05-01,eve,see the binder"]))
    assert info.value.field == "evidence"
    with pytest.raises(InputError, match="not a date"):
        import_qualitative(analysed, _csv(tmp_path, "q3.csv", ["ecosystem,indicator,text,date,author,evidence",
                                                               "delft,34,text,May 2022,eve,https://x.org"]))
    d = _csv(tmp_path, "defs.csv", ["key,name_en,name_nl,unit,direction,availability",
                                    "lab_users,Users of the campus labs,Gebruikers campuslabs,organisations,higher,import"])
    import_definitions(analysed, d)
    import_values(analysed, _csv(tmp_path, "cv.csv", [HEAD, "delft,lab_users,,2022,42,organisations,campus survey,survey,no,,,eve"]))
    assert disclosed_inputs(analysed, "delft", indicator="lab_users")[0]["value"] == 42
    with pytest.raises(InputError, match="not a valid indicator key"):
        import_definitions(analysed, _csv(tmp_path, "d2.csv", ["key,name_en,unit,direction", "29,x,y,higher"]))
    t = _csv(tmp_path, "t.csv", ["ecosystem,indicator,measure,target_value,target_year,direction,author",
                                 "delft,19,value,2000,2025,higher,frank"])
    import_targets(analysed, t)
    with pytest.raises(InputError, match="'sideways' is not allowed"):
        import_targets(analysed, _csv(tmp_path, "t2.csv", ["ecosystem,indicator,target_value,target_year,direction,author",
                                                           "delft,19,1,2025,sideways,frank"]))


def test_diagnosis_uses_targets_and_qualitative_evidence(analysed, tmp_path):
    import_values(analysed, _csv(tmp_path, "v.csv", [HEAD, "delft,19,,2019,1000,hours,RVO,import,no,,,bob",
                                                     "delft,19,,2020,1500,hours,RVO,import,no,,,bob",
                                                     "delft,19,,2021,2100,hours,RVO,import,no,,,bob"]))
    import_targets(analysed, _csv(tmp_path, "t.csv", ["ecosystem,indicator,target_value,target_year,direction,author",
                                                      "delft,19,2000,2025,higher,frank"]))
    import_qualitative(analysed, _csv(tmp_path, "q.csv", ["ecosystem,indicator,text,date,author,evidence",
                                                          "delft,35,Multi-year programme,2022-01-01,eve,https://example.org/p"]))
    from innovatlas.diagnose import diagnose_all

    with analysed.transaction():
        diagnose_all(analysed)
    ch1 = next(f for f in findings_of(analysed, "delft") if f["code"] == "challenge-1")
    ev = {e["indicator"]: e for e in ch1["evidence"]}
    # #19: 2100 meets the target 2000 -> +1; #35: a documented programme -> +1; so challenge 1 is a strength
    assert ev["19"]["judgement"] == 1 and ev["19"]["value"] == 2100 and ev["35"]["judgement"] == 1
    assert ch1["verdict"] == "strength" and "#19" in ch1["explanation_en"]
    ch3 = next(f for f in findings_of(analysed, "delft") if f["code"] == "challenge-3")
    assert ch3["verdict"] == "unknown" and ch3["evidence"] == []


def test_confidential_cells_never_leak(analysed, tmp_path):
    import_values(analysed, _csv(tmp_path, "secret.csv", [HEAD, *SECRET_ROWS]))
    from innovatlas.diagnose import diagnose_all

    with analysed.transaction():
        diagnose_all(analysed)
    shown = {r["breakdown"]: r["value"] for r in disclosed_inputs(analysed, "delft", indicator="2")}
    # B is suppressed (3 units); A would give B away as total minus A, so A is suppressed too
    assert shown == {"": 1000000, "sector:A": None, "sector:B": None}
    secrets = ("777123", "777,123", "222877", "222,877")
    # report
    out = tmp_path / "report"
    render_site(analysed, out, lang="en")
    html = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert "suppressed (confidential)" in html
    assert not any(s in html for s in secrets)
    # API, exports, history (the file must be closed for another connection: reopen read-only)
    path = analysed.path
    analysed.close()
    with TestClient(create_app(path)) as client:
        bodies = [client.get(u).text for u in ("/api/ecosystems/delft/inputs", "/api/ecosystems/delft/history",
                                                "/api/ecosystems/delft/diagnosis", "/api/download/delft/indicators.csv",
                                                "/ecosystems/delft", "/api/ecosystems/delft/composite")]
        xlsx = client.get("/api/download/delft/indicators.xlsx").content
    assert not any(s in b for b in bodies for s in secrets)
    wb = load_workbook(io.BytesIO(xlsx))
    cells = [str(c.value) for row in wb.active.iter_rows() for c in row]
    assert not any(s in c for c in cells for s in secrets)
    inputs = json.loads(bodies[0])["items"]
    hidden = [r for r in inputs if r["suppressed"]]
    assert len(hidden) == 2 and all(r["value"] is None and r["units"] is None and r["largest_share"] is None for r in hidden)
    # total minus the published parts recovers nothing: no part is published
    total = next(r["value"] for r in inputs if r["breakdown"] == "")
    published_parts = [r["value"] for r in inputs if r["breakdown"] and r["value"] is not None]
    assert total is not None and published_parts == []


def test_disclosure_is_configurable(analysed, tmp_path):
    import_values(analysed, _csv(tmp_path, "secret.csv", [HEAD, *SECRET_ROWS]))
    set_rule(analysed, DisclosureRule(min_units=2, max_dominance=0.95))
    shown = {r["breakdown"]: r["value"] for r in disclosed_inputs(analysed, "delft", indicator="2")}
    assert shown == {"": 1000000, "sector:A": 222877, "sector:B": 777123}
