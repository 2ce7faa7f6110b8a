"""The user's own actors and relations (issue 14, point 6): templates, validated transactional imports
(file, row as a spreadsheet shows it, field), resolution against the registry (hand-worked), review."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from innovatlas.errors import InputError
from innovatlas.registry.actors import ACTOR_COLUMNS, RELATION_COLUMNS, import_file, write_template
from innovatlas.registry.review import decide
from test_registry import ror_csv


@pytest.fixture
def reg_ws(synthetic_ws, tmp_path):
    from innovatlas.sources import ror

    ror.import_paths(synthetic_ws, [ror_csv(tmp_path / "ror.csv")])
    return synthetic_ws


def _write(path: Path, header: list[str], rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return path


ACTORS = [  # invented
    {"actor_id": "a1", "name": "Delft Startup Foundry BV", "actor_type": "startup", "city": "Delft"},
    {"actor_id": "a2", "name": "TU Delft", "actor_type": "university", "city": "Delft"},         # ROR alias
    {"actor_id": "a3", "name": "Some campus", "actor_type": "campus", "pic": "222222222"},       # PIC given
    {"actor_id": "a4", "name": "Seed fund", "actor_type": "financier", "ror": "https://ror.org/0aaaaaa04"},
]


def test_templates(tmp_path):
    assert next(csv.reader(open(write_template("actors", tmp_path / "a.csv")))) == ACTOR_COLUMNS
    from openpyxl import load_workbook

    wb = load_workbook(write_template("relations", tmp_path / "r.xlsx"))
    assert [c.value for c in wb.active[1]] == RELATION_COLUMNS and "spin_off" in wb["help"]["B2"].value
    with pytest.raises(InputError, match="unknown template"):
        write_template("people", tmp_path / "x.csv")


def test_actors_resolved_against_the_registry(reg_ws, tmp_path):
    ws = reg_ws
    rep = import_file(ws, _write(tmp_path / "actors.csv", ACTOR_COLUMNS, ACTORS))
    assert rep.loaded == {"user:actors": 4}
    got = {r[0]: r[1:] for r in ws.rows(
        "SELECT left_id, right_id, status, method FROM org_match WHERE left_scheme = 'actor' AND status <> 'uncertain'")}
    # a2: 'TU Delft' is an alias of the ROR record: sorted keys equal (100), city agrees -> matched
    assert got["a2"][:2] == ("ror:0aaaaaa01", "matched")
    # a3: PIC given -> deterministic, to the registry key of that PIC (ACME, linked to its ROR record)
    assert got["a3"] == ("ror:0aaaaaa02", "matched", "deterministic: PIC given")
    assert got["a4"] == ("ror:0aaaaaa04", "matched", "deterministic: ROR id given")
    assert "a1" not in got     # a new actor: no registered organisation of that name
    assert any("new actors 1" in n for n in rep.notes)
    # review: reject a2's match; the decision survives a re-import of a changed file
    decide(ws, "actor:a2", "ror:0aaaaaa01", "reject")
    import_file(ws, _write(tmp_path / "actors2.csv", ACTOR_COLUMNS, ACTORS + [
        {"actor_id": "a5", "name": "Citizen panel", "actor_type": "citizen"}]))
    assert ws.scalar("SELECT status FROM org_match WHERE left_id = 'a2' AND right_id = 'ror:0aaaaaa01'") == "rejected"
    assert ws.scalar("SELECT count(*) FROM user_actor") == 5


def test_relations_import_and_errors(reg_ws, tmp_path):
    ws = reg_ws
    import_file(ws, _write(tmp_path / "actors.csv", ACTOR_COLUMNS, ACTORS))
    good = [{"source": "a1", "target": "pic:111111111", "relation_type": "spin_off", "start_year": "2018"},
            {"source": "a4", "target": "a1", "relation_type": "funding", "start_year": "2019", "weight": "250000"},
            {"source": "a2", "target": "ror:0aaaaaa04", "relation_type": "facility_use"}]
    assert import_file(ws, _write(tmp_path / "rel.csv", RELATION_COLUMNS, good)).loaded == {"user:relations": 3}
    assert ws.scalar("SELECT sum(weight) FROM user_relation") == 250000
    before = ws.snapshot()
    bad = good + [{"source": "nobody", "target": "a1", "relation_type": "membership"},
                  {"source": "a1", "target": "a2", "relation_type": "friendship", "start_year": "2020", "end_year": "2019"}]
    with pytest.raises(InputError) as info:
        import_file(ws, _write(tmp_path / "bad.csv", RELATION_COLUMNS, bad))
    msg = str(info.value)
    # every problem at once, with the row as a spreadsheet shows it (header = row 1)
    assert "row 5, field 'source'" in msg and "'nobody' is no known actor" in msg
    assert "row 6, field 'relation_type'" in msg and "row 6, field 'end_year'" in msg
    assert ws.snapshot() == before
    with pytest.raises(InputError, match="row 3, field 'actor_type'"):
        import_file(ws, _write(tmp_path / "bad_actors.csv", ACTOR_COLUMNS,
                               [ACTORS[0], {"actor_id": "x", "name": "X", "actor_type": "wizard"}]))
    with pytest.raises(InputError, match="row 3, field 'actor_id'.*duplicate"):
        import_file(ws, _write(tmp_path / "dup.csv", ACTOR_COLUMNS, [ACTORS[0], ACTORS[0]]))
    assert ws.snapshot() == before


def test_cli_actors_template_and_import(reg_ws, tmp_path):
    from typer.testing import CliRunner

    from innovatlas.cli import app

    path = reg_ws.path
    reg_ws.close()
    runner = CliRunner()
    r = runner.invoke(app, ["actors", "template", "actors", str(tmp_path / "t.xlsx")])
    assert r.exit_code == 0 and "innovatlas actors import" in r.output, r.output
    f = _write(tmp_path / "actors.csv", ACTOR_COLUMNS, ACTORS)
    r = runner.invoke(app, ["actors", "import", str(f), "-w", path])
    assert r.exit_code == 0 and "user:actors: 4 rows loaded" in r.output, r.output
    bad = _write(tmp_path / "bad.csv", ACTOR_COLUMNS, [{"actor_id": "x", "name": "", "actor_type": "startup"}])
    r = runner.invoke(app, ["actors", "import", str(bad), "-w", path])
    assert r.exit_code == 2 and "row 2" in r.output and "name" in r.output
    r = runner.invoke(app, ["matches", "list", "-w", path])
    assert r.exit_code == 0 and "a2" in r.output


def test_actors_in_delineation_and_indicator_29_hand_worked(reg_ws, tmp_path):
    """Synthetic, by hand: members of 'nl' are TU Delft (111), ACME (222), BIGCORP (333); of 'delft' TU Delft.
    a1 (startup, Delft) is a new actor; a2 resolves to TU Delft, a3 to ACME (PIC given), a4 to a ROR record
    without PIC (no unit)."""
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.errors import DefinitionError
    from innovatlas.model.ecosystem import parse_definitions
    from innovatlas.registry.actors import ecosystem_actors

    ws = reg_ws
    import_file(ws, _write(tmp_path / "actors.csv", ACTOR_COLUMNS, ACTORS))
    import_file(ws, _write(tmp_path / "rel.csv", RELATION_COLUMNS, [
        {"source": "a1", "target": "pic:111111111", "relation_type": "spin_off"},
        {"source": "a4", "target": "a1", "relation_type": "funding"},
        {"source": "a2", "target": "ror:0aaaaaa04", "relation_type": "facility_use"}]))
    defs = parse_definitions({"ecosystem": [
        {"id": "delft-plus", "name_en": "Delft with its startups", "parent": "nl",
         "select": {"knowledge_city": ["Delft"], "actors": {"types": ["startup"], "knowledge_city": ["Delft"]}}},
        {"id": "spinoffs", "name_en": "NL with spin-offs of members", "parent": "nl",
         "select": {"country": ["NL"], "actors": {"related_to_members": True, "relation_types": ["spin_off"]}}},
        {"id": "funded", "name_en": "NL with who a4 funds", "parent": "nl",
         "select": {"country": ["NL"], "actors": {"related_to": ["a4"], "relation_types": ["funding"]}}},
    ]}, base=load_definitions())
    analyse(ws, defs, diagnose=False)
    ins = lambda e: {(a["actor_id"], a["how"]) for a in ecosystem_actors(ws, e)}  # noqa: E731
    assert ins("delft") == {("a2", "member")}
    assert ins("delft-plus") == {("a2", "member"), ("a1", "selected")}
    assert ins("nl") == {("a2", "member"), ("a3", "member")}
    assert ins("spinoffs") == {("a2", "member"), ("a3", "member"), ("a1", "selected")}   # a1 spin_off -> pic:111111111
    assert ins("funded") == {("a2", "member"), ("a3", "member"), ("a1", "selected")}     # a4 funds a1 (either direction)
    actors = lambda e: dict(ws.rows("SELECT breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND indicator = '29' "  # noqa: E731
                                    "AND measure = 'actors'", [e]))
    assert actors("delft-plus") == {"": 2, "actor:university": 1, "actor:startup": 1}
    # nl: ACME is typed 'campus' by the user's a3 (the user's type wins), BIGCORP keeps its CORDIS type
    big = ws.scalar("SELECT actor_type FROM organisation WHERE pic = 333333333")
    assert actors("nl") == {"": 3, "actor:university": 1, "actor:campus": 1, f"actor:{big}": 1}
    assert actors("spinoffs")[""] == 4 and actors("spinoffs")["actor:startup"] == 1
    # the CORDIS organisations (#29 'organisations') are unchanged by the user's actors
    assert ws.scalar("SELECT value FROM indicator_value WHERE ecosystem_id = 'nl' AND measure = 'organisations' AND breakdown = ''") == 3
    with pytest.raises(DefinitionError, match="'wizard' is not an actor type"):
        parse_definitions({"ecosystem": [{"id": "x", "name_en": "X", "select": {"country": ["NL"], "actors": {"types": ["wizard"]}}}]})


def test_cli_matches_and_actors_in_dutch(reg_ws, tmp_path):
    from typer.testing import CliRunner

    from innovatlas.cli import app

    path = reg_ws.path
    reg_ws.close()
    runner = CliRunner()
    r = runner.invoke(app, ["actors", "template", "actors", str(tmp_path / "t.csv"), "--lang", "nl"])
    assert r.exit_code == 0 and "sjabloon geschreven" in r.output, r.output
    r = runner.invoke(app, ["actors", "import", str(_write(tmp_path / "actors.csv", ACTOR_COLUMNS, ACTORS)), "-w", path, "--lang", "nl"])
    assert r.exit_code == 0 and "user:actors: 4 rijen geladen" in r.output and "nieuwe actoren 1" in r.output, r.output
    r = runner.invoke(app, ["matches", "list", "-w", path, "--lang", "nl"])
    assert r.exit_code == 0 and "gekoppeld" in r.output and "register:" in r.output and "besluiten" in r.output, r.output
    words = r.output.split()  # the table wraps long cells
    assert {"gelijke", "plaats", "gekoppeld"} <= set(words) and "matched" not in words and "exact" not in words
    r = runner.invoke(app, ["matches", "reject", "222222222", "0aaaaaa02", "-w", path, "--lang", "nl"])
    assert r.exit_code == 0 and "afgewezen: 222222222 - 0aaaaaa02" in r.output, r.output
    r = runner.invoke(app, ["matches", "coverage", "-w", path, "--lang", "nl"])
    assert r.exit_code == 0 and "vóór samenvoegen (PIC's)" in r.output and "na samenvoegen" in r.output, r.output
    r = runner.invoke(app, ["matches", "coverage", "-w", path])
    assert r.exit_code == 0 and "before resolution (PICs)" in r.output, r.output
