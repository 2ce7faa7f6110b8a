"""Every import defect of issue 13's "Seen on landed main" list, one test each: what used to be a traceback
is now the documented error (exit 2, file / row / field / what to do), what used to be accepted though
implausible is refused, and the messages say what is true. Files are synthetic (named so, values made
up) or cut from the real files in ../shared/data; expected rows are counted by hand in each test.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from innovatlas.cli import app
from innovatlas.errors import DefinitionError, InputError
from innovatlas.sources import cordis, geo, ris, ror, statline
from innovatlas.store import Workspace

RIS_NL = SHARED / "eu-regional-innovation-scoreboard-2023" / "RIS_2023_NL.csv"
H2020 = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
ROR = SHARED / "ror-nl-organisations-2022" / "uni_ror_NL.csv.gz"
REDUCED_HEADER = "rcn,role,pic,type,contribution,country,start_date,end_date,max_contribution,total_cost,start_year,end_year"
REDUCED_ROW = "221856,participant,998616262,PRC,317625,BE,2019-05-01,2022-04-30,2927875,2928125,2019,2022"


def _ris_lines(n: int = 4) -> list[str]:
    with open(RIS_NL, encoding="utf-8") as fh:
        return [next(fh).rstrip("\n") for _ in range(n + 1)]


def _set(line: str, col: int, value: str) -> str:
    parts = next(csv.reader([line]))
    parts[col] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(parts)
    return buf.getvalue()


def _refused(fn, ws, path, *, match, row=None, field=None, line=None):
    before = ws.snapshot()
    with pytest.raises((InputError, DefinitionError), match=match) as info:
        fn(ws, [path])
    err = info.value
    if isinstance(err, InputError):
        assert err.file and Path(err.file.split("!")[0]).name.startswith(Path(path).name.split(".")[0]), err
        assert err.hint, "every input error says what to do"
        if row is not None:
            assert err.row == row, err
        if field is not None:
            assert err.field == field, err
        if line is not None:
            assert err.line == line, err
    assert ws.snapshot() == before
    return err


@pytest.fixture
def mem():
    with Workspace(":memory:") as w:
        yield w


# --- tracebacks that are now clear errors -------------------------------------------------------------------
def test_rich_markup_in_user_text_is_printed_as_written(tmp_path, synthetic_ws):
    """A values cell '[/]' made Rich raise MarkupError; ':x:' became an emoji."""
    p = tmp_path / "values.csv"
    p.write_text("ecosystem,indicator,year,value,unit,source,kind,confidential,author\n"
                 "nl,12,[/],5,count,own,import,no,me\n"
                 "nl,12,2020,:x:,count,own,import,no,[a-z]+\n", encoding="utf-8")
    synthetic_ws.close()
    res = CliRunner().invoke(app, ["import", "values", str(p), "-w", synthetic_ws.path])
    assert res.exit_code == 2, res.output
    assert "'[/]' is not a number" in res.output and "':x:' is not a number" in res.output
    assert "❌" not in res.output and "Traceback" not in res.output


def test_cr_inside_a_header_line(tmp_path, mem):
    lines = _ris_lines()
    p = tmp_path / "RIS_cr.csv"
    p.write_bytes(("Indi\rcator" + lines[0][len("Indicator"):] + "\n" + "\n".join(lines[1:]) + "\n").encode())
    _refused(ris.import_paths, mem, p, match="carriage return", line=1)


def test_header_longer_than_131072_characters(tmp_path, mem):
    lines = _ris_lines()
    p = tmp_path / "RIS_long.csv"
    p.write_text(lines[0] + ',"' + "h" * 131_073 + '"\n' + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    _refused(ris.import_paths, mem, p, match="cannot read the header row", line=1)


def test_ris_row_with_an_empty_year(tmp_path, mem):
    lines = _ris_lines()
    lines[3] = _set(lines[3], 1, "")  # data row 3
    p = tmp_path / "RIS_year.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(ris.import_paths, mem, p, match="required field is empty", row=3, field="Year")


def test_cordis_pic_of_23_digits(tmp_path, mem):
    p = tmp_path / "h2020.csv"
    p.write_text("\n".join([REDUCED_HEADER, REDUCED_ROW, REDUCED_ROW.replace("998616262", "9" * 23)]) + "\n")
    _refused(cordis.import_paths, mem, p, match="not a whole-number id of at most 18 digits", row=2, field="pic")


def test_unknown_encoding_option(tmp_path):
    res = CliRunner().invoke(app, ["import", "ris", str(RIS_NL), "--encoding", "foo", "-w", str(tmp_path / "w.duckdb")])
    assert res.exit_code == 2 and "unknown or unsupported encoding 'foo'" in res.output and "utf-16" in res.output, res.output
    assert not (tmp_path / "w.duckdb").exists() or Workspace(tmp_path / "w.duckdb").snapshot().get("import_batch") == "0:0"


def test_ror_file_that_is_only_the_header(tmp_path, mem):
    with gzip.open(ROR, "rt", encoding="utf-8") as fh:
        header = fh.readline()
    p = tmp_path / "ror_header.csv"
    p.write_text(header, encoding="utf-8")
    _refused(ror.import_paths, mem, p, match="header but no data rows", row=1)


@pytest.mark.parametrize("text,match", [("[1,2,3]", "holds a JSON list"), ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
                                        ('{"type":"Topology"}', "no municipalities, COROP regions or provinces"),
                                        ('{"type":"FeatureCollection","features":[1,2]}', "not laid out as a CBS boundary file")])
def test_geo_json_that_is_not_a_boundary_file(tmp_path, mem, text, match):
    p = tmp_path / "gemeente_2023.geojson"
    p.write_text(text)
    _refused(geo.import_paths, mem, p, match=match)


def test_assess_yaml_with_byte_ff(tmp_path):
    p = tmp_path / "partnership.yaml"
    p.write_bytes(Path("examples/partnership-tudelft-shell.yaml").read_bytes().replace(b"name:", b"na\xffme:", 1)
                  if Path("examples/partnership-tudelft-shell.yaml").exists() else b"kind: partnership\nna\xffme: x\n")
    res = CliRunner().invoke(app, ["assess", "run", str(p), "-w", str(tmp_path / "w.duckdb"), "--no-pdf"])
    assert res.exit_code == 2 and "not UTF-8 text (byte 0xff" in res.output and "save the file as UTF-8" in res.output, res.output


def test_assess_yaml_with_an_impossible_date(tmp_path):
    """Found by make fuzz: YAML reads 2020-13-45 as a date and raised ValueError."""
    from innovatlas.assess.inputs import read_input

    p = tmp_path / "partnership.yaml"
    p.write_text("kind: partnership\nname: x\nstart: 2020-13-45\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML: month must be in 1..12") as info:
        read_input(p)
    assert info.value.file == str(p) and info.value.hint


@pytest.mark.parametrize("kind", ["[partnership]", "!!set {partnership}"])
def test_assess_yaml_whose_kind_is_not_text(tmp_path, kind):
    """Found by make fuzz: a list or set as 'kind' raised TypeError (unhashable)."""
    from innovatlas.assess.inputs import read_input

    p = tmp_path / "portfolio.yaml"
    p.write_text(f"kind: {kind}\nname: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="must start with 'kind: partnership'") as info:
        read_input(p)
    assert info.value.field == "kind"


def test_cordis_zip_member_that_is_one_long_line(tmp_path, mem):
    """3 MiB of random text without a line end (not compressible, so no zip bomb): refused after 1 MiB."""
    p = tmp_path / "cordis-h2020projects-csv.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.csv", "id;acronym;" + os.urandom(3 * 2 ** 19).hex())
    err = _refused(cordis.import_paths, mem, p, match="first line is longer than 1,048,576 bytes", line=1)
    assert err.file == f"{p}!project.csv"


# --- accepted but implausible: now refused ----------------------------------------------------------------------
@pytest.mark.parametrize("value", ["NaN", "inf", "1e400", "-Infinity"])
def test_ris_value_that_is_not_finite(tmp_path, mem, value):
    lines = _ris_lines()
    lines[2] = _set(lines[2], 8, value)
    p = tmp_path / "RIS_nan.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(ris.import_paths, mem, p, match=f"'{value}' is not a number", row=2, field="Value")


@pytest.mark.parametrize("year", ["2020.5", "99999", "-2020"])
def test_ris_year_that_is_not_a_year(tmp_path, mem, year):
    lines = _ris_lines()
    lines[4] = _set(lines[4], 1, year)
    p = tmp_path / "RIS_year.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(ris.import_paths, mem, p, match=f"'{year}' is not a four-digit year", row=4, field="Year")


def test_cordis_start_year_abc_and_infinite_contribution(tmp_path, mem):
    p = tmp_path / "h2020.csv"
    p.write_text("\n".join([REDUCED_HEADER, REDUCED_ROW, REDUCED_ROW.replace(",2019,2022", ",abc,2022")]) + "\n")
    _refused(cordis.import_paths, mem, p, match="'abc' is not a four-digit year", row=2, field="start_year")
    p.write_text("\n".join([REDUCED_HEADER, REDUCED_ROW.replace("317625", "inf")]) + "\n")
    _refused(cordis.import_paths, mem, p, match="'inf' is not a number", row=1, field="contribution")
    p.write_text("\n".join([REDUCED_HEADER, REDUCED_ROW.replace("2019-05-01", "0001-01-01")]) + "\n")
    _refused(cordis.import_paths, mem, p, match="not a date .* from 1950 to 2100", row=1, field="start_date")


def test_statline_value_1e400(tmp_path, mem):
    p = tmp_path / "85039NED.csv"  # synthetic, the StatLine TypedDataSet layout
    p.write_text("ID,RegioS,Perioden,Banen_2\n0,GM0772,2021JJ00,1e400\n", encoding="utf-8")
    _refused(statline.import_paths, mem, p, match="'1e400' is not a number", row=1, field="Banen_2")


def test_nan_coordinates(tmp_path, mem):
    doc = json.loads((SHARED / "nl-boundaries-cbs" / "provincie_2023.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["geometry"]["coordinates"][0][0][0] = float("nan")
    p = tmp_path / "provincie_2023.geojson"
    p.write_text(json.dumps(doc))  # Python writes NaN, which JSON does not allow
    _refused(geo.import_paths, mem, p, match="NaN is not a number JSON allows")
    rec = json.loads((SHARED / "ror-affiliation-testsets" / "ror_v2_records_sample_es_response.json").read_text())
    first = rec["hits"]["hits"][0]["_source"]
    first["locations"][0]["geonames_details"]["lat"] = 123.0
    p = tmp_path / "ror_v2.json"
    p.write_text(json.dumps(rec))
    _refused(ror.import_paths, mem, p, match="'123.0' is not a lat", row=1, field="lat")


def test_duplicate_ris_rows(tmp_path, mem):
    lines = _ris_lines(3)
    p = tmp_path / "RIS_dup.csv"
    p.write_text("\n".join(lines + [lines[2]]) + "\n", encoding="utf-8")
    err = _refused(ris.import_paths, mem, p, match="duplicate value .*first appears in row 2", row=4, field="Indicator")
    assert "Indicator=" in str(err)


def test_two_ecosystems_each_others_parent(tmp_path):
    from innovatlas.analysis import load_definitions

    p = tmp_path / "eco.toml"
    p.write_text('[[ecosystem]]\nid = "a"\nname_en = "A"\nkind = "custom"\nparent = "b"\nselect.country = ["NL"]\n'
                 '[[ecosystem]]\nid = "b"\nname_en = "B"\nkind = "custom"\nparent = "a"\nselect.country = ["NL"]\n')
    with pytest.raises(DefinitionError, match=r"its own ancestor \(a -> b -> a\)"):
        load_definitions(p)


# --- messages that say what is true --------------------------------------------------------------------------
def test_encoding_hint_works_where_it_is_given(tmp_path, synthetic_ws):
    """'pass --encoding latin-1' used to be the hint for values and RIS, where --encoding did nothing."""
    p = tmp_path / "values.csv"
    p.write_bytes("ecosystem,indicator,year,value,unit,source,kind,confidential,author\n"
                  "nl,1,2020,5,count,own,import,no,Zoë\n".encode("latin-1"))
    synthetic_ws.close()
    res = CliRunner().invoke(app, ["import", "values", str(p), "-w", synthetic_ws.path])
    assert res.exit_code == 2 and "--encoding latin-1" in res.output, res.output
    res = CliRunner().invoke(app, ["import", "values", str(p), "--encoding", "latin-1", "-w", synthetic_ws.path])
    assert res.exit_code == 0, res.output
    with Workspace(synthetic_ws.path, read_only=True) as w:
        assert w.rows("SELECT entered_by FROM indicator_input WHERE indicator = '1'") == [("Zoë",)]
    lat = tmp_path / "RIS_latin1.csv"
    lat.write_bytes("\n".join(_ris_lines()).replace("Groningen", "Gröningen").encode("latin-1") + b"\n")
    with Workspace(tmp_path / "r.duckdb") as w:
        with pytest.raises(InputError, match="not valid utf-8") as info:
            ris.import_paths(w, [lat])
        assert "--encoding latin-1" in info.value.hint
        assert ris.import_paths(w, [lat], encoding="latin-1").loaded == {"ris:regional-innovation-scoreboard": 4}


def test_duplicate_row_error_names_the_first_repeat(tmp_path, mem):
    """A file of identical rows: the first duplicate is data row 2 (it used to name the last row)."""
    p = tmp_path / "h2020.csv"
    p.write_text("\n".join([REDUCED_HEADER] + [REDUCED_ROW] * 500) + "\n")
    err = _refused(cordis.import_paths, mem, p, match="first appears in row 1", row=2, field="rcn")
    assert "(rcn=221856, pic=998616262, role=participant)" in str(err)


def test_reimporting_the_same_user_file_leaves_the_diagnosis(tmp_path, synthetic_ws):
    p = tmp_path / "values.csv"
    p.write_text("ecosystem,indicator,year,value,unit,source,kind,confidential,author\n"
                 "nl,1,2020,5,count,own,import,no,me\n", encoding="utf-8")
    synthetic_ws.close()
    first = CliRunner().invoke(app, ["import", "values", str(p), "-w", synthetic_ws.path])
    assert first.exit_code == 0 and "diagnosis updated" in first.output, first.output
    with Workspace(synthetic_ws.path, read_only=True) as w:
        stamp = w.rows("SELECT count(*), max(computed_at), min(computed_at) FROM finding")
        assert stamp[0][0] > 0
    again = CliRunner().invoke(app, ["import", "values", str(p), "-w", synthetic_ws.path])
    assert again.exit_code == 0 and "nothing changed" in again.output and "diagnosis updated" not in again.output
    with Workspace(synthetic_ws.path, read_only=True) as w:
        assert w.rows("SELECT count(*), max(computed_at), min(computed_at) FROM finding") == stamp
