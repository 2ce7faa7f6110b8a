"""Malformed input: a clear message naming file, row/line and field, a non-zero exit, and an
unchanged workspace (imports are transactional)."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS, org_lines
from innovatlas.cli import app
from innovatlas.errors import InputError
from innovatlas.sources import cordis


@pytest.fixture
def loaded(ws, synthetic_dir):
    """A workspace that already holds the synthetic import, and its snapshot."""
    cordis.import_paths(ws, [synthetic_dir])
    return ws, ws.snapshot()


def _pair(tmp_path: Path, project_text: str | bytes, org_text: str | bytes | None = None) -> Path:
    d = tmp_path / "bad"
    d.mkdir(exist_ok=True)
    for name, text in (("project.csv", project_text),
                       ("organization.csv", org_text if org_text is not None else "\n".join([ORG_HEADER, *org_lines()]) + "\n")):
        (d / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return d


def _expect(ws_snapshot, paths, *, match: str, file_part: str, row=None, line=None, field=None):
    ws, snap = ws_snapshot
    with pytest.raises(InputError, match=match) as info:
        cordis.import_paths(ws, paths)
    err = info.value
    assert file_part in (err.file or ""), err
    if row is not None:
        assert err.row == row, err
    if line is not None:
        assert err.line == line, err
    if field is not None:
        assert err.field == field, err
    assert err.hint, "every input error says what to do"
    assert ws.snapshot() == snap, "a failed import must leave the workspace unchanged"
    return err


def test_wrong_delimiter(loaded, tmp_path):
    text = "\n".join([PROJECT_HEADER.replace(";", ","), *[r.replace(";", ",") for r in PROJECT_ROWS]])
    _expect(loaded, [_pair(tmp_path, text)], match="separated by ','", file_part="project.csv", line=1)


def test_truncated_row(loaded, tmp_path):
    org = "\n".join([ORG_HEADER, *org_lines()[:3], "101;X;999999999;;CUT OFF BV"]) + "\n"
    _expect(loaded, [_pair(tmp_path, "\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", org)],
            match="truncated", file_part="organization.csv", line=5)


def test_bad_encoding(loaded, tmp_path):
    text = ("\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n").encode("utf-8").replace(b"Alpha", b"Alph\xe9")
    _expect(loaded, [_pair(tmp_path, text)], match="not valid utf-8", file_part="project.csv", line=2)


def test_missing_column(loaded, tmp_path):
    header = PROJECT_HEADER.replace("ecMaxContribution;", "")
    rows = [";".join(r.split(";")[:7] + r.split(";")[8:]) for r in PROJECT_ROWS]
    _expect(loaded, [_pair(tmp_path, "\n".join([header, *rows]) + "\n")], match="missing column",
            file_part="project.csv", field="ecMaxContribution", line=1)


def test_duplicate_ids(loaded, tmp_path):
    text = "\n".join([PROJECT_HEADER, *PROJECT_ROWS, PROJECT_ROWS[0]]) + "\n"
    _expect(loaded, [_pair(tmp_path, text)], match="duplicate project id", file_part="project.csv", row=4, field="id")


def test_bad_number(loaded, tmp_path):
    org = org_lines()
    org[2] = org[2].replace(";70000;70000;70000;", ";seventy;70000;70000;")
    _expect(loaded, [_pair(tmp_path, "\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", "\n".join([ORG_HEADER, *org]) + "\n")],
            match="'seventy' is not a number", file_part="organization.csv", row=3, field="ecContribution")


def test_empty_file(loaded, tmp_path):
    _expect(loaded, [_pair(tmp_path, "")], match="empty", file_part="project.csv")


def test_header_only(loaded, tmp_path):
    _expect(loaded, [_pair(tmp_path, PROJECT_HEADER + "\n")], match="no data rows", file_part="project.csv", row=1)


def test_zip_without_expected_members(loaded, tmp_path):
    z = tmp_path / "cordis.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("readme.txt", "nothing here")
        zf.writestr("topics.csv", "a;b\n")
    err = _expect(loaded, [z], match="no project.csv or organization.csv", file_part="cordis.zip")
    assert "readme.txt" in str(err)


def test_unknown_file(loaded, tmp_path):
    p = tmp_path / "other.csv"
    p.write_text("x;y;z\n1;2;3\n")
    _expect(loaded, [p], match="not a CORDIS file", file_part="other.csv")


def test_organisation_file_without_projects(loaded, tmp_path):
    p = tmp_path / "organization.csv"
    p.write_text("\n".join([ORG_HEADER, *org_lines()]) + "\n")
    _expect(loaded, [p], match="project.csv is needed", file_part="organization.csv")


def test_orphan_project_reference(loaded, tmp_path):
    org = org_lines() + [org_lines()[0].replace("101;", "999;", 1)]
    _expect(loaded, [_pair(tmp_path, "\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", "\n".join([ORG_HEADER, *org]) + "\n")],
            match="project '999' is not in", file_part="organization.csv", row=10, field="projectID")


def test_failure_in_second_file_rolls_back_first(loaded, tmp_path):
    """The participations load fine, then the organisation table is broken: nothing stays."""
    ws, snap = loaded
    good = tmp_path / "h2020.csv"
    good.write_text("rcn,role,pic,type,contribution,country,start_date,end_date\n1,coordinator,5,HES,10,NL,2015-01-01,2016-01-01\n")
    bad = tmp_path / "organizations.csv.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write('idOrganization,country,name,address\n5,NL,"A",x\n5,NL,"B",y\n')
    with pytest.raises(InputError, match="duplicate organisation id"):
        cordis.import_paths(ws, [good, bad])
    assert ws.snapshot() == snap


def test_cli_exit_code_and_message(tmp_path, synthetic_dir):
    runner = CliRunner()
    wsp = tmp_path / "cli.duckdb"
    ok = runner.invoke(app, ["import", "cordis", str(synthetic_dir), "--workspace", str(wsp)])
    assert ok.exit_code == 0, ok.output
    bad = _pair(tmp_path, PROJECT_HEADER + "\n")
    res = runner.invoke(app, ["import", "cordis", str(bad), "--workspace", str(wsp)])
    assert res.exit_code == 2
    assert "project.csv" in res.output and "no data rows" in res.output and "What to do" in res.output
    assert "Traceback" not in res.output
