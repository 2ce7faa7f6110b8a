"""Newcomer polish (issue 13): after ``make demo`` the README's tour works as written, without ``-w``
(the CLI finds build/demo.duckdb and says so), and the errors a typo leads to name the fix.

The commands are read from README.md itself; the demo workspace is the session's real workspace
(the demo files imported and analysed), copied to build/demo.duckdb of a scratch checkout whose
``../shared/data`` is the real data.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from innovatlas.cli import app

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
#: tour commands run here: read-only or quick ones. Left out: fetch (internet), serve, analyse and report
#: (minutes), assess run (PDFs), config (recomputes the diagnosis), spark, and imports of the user's own
#: placeholder files (values.xlsx, entries.csv, ...: the tour's examples of a filled-in file)
RUN = ("ecosystems", "summary", "overlaps", "indicators", "template", "import ris", "import cordis", "import geo",
       "diagnose", "composite", "assess list", "specialisation", "connections", "dynamics", "consortium",
       "matches coverage", "matches list")


def tour_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    cmds = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split(" # ")[0].strip()
            rest = line.removeprefix("innovatlas ")
            if rest != line and rest.startswith(RUN):
                cmds.append(shlex.split(rest))
    return cmds


@pytest.fixture(scope="module")
def checkout(real_workspace, tmp_path_factory):
    top = tmp_path_factory.mktemp("newcomer")
    (top / "shared").symlink_to(SHARED.parent, target_is_directory=True)
    co = top / "innovatlas"
    (co / "build").mkdir(parents=True)
    (co / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    shutil.copy(real_workspace, co / "build" / "demo.duckdb")
    return co


def test_the_readme_tour_has_no_workspace_option():
    cmds = tour_commands()
    assert len(cmds) >= 15, cmds
    assert not [c for c in cmds if "-w" in c or "--workspace" in c]


@pytest.mark.parametrize("args", tour_commands(), ids=lambda a: " ".join(a)[:40])
def test_tour_command_works_as_written(checkout, monkeypatch, args):
    monkeypatch.chdir(checkout)
    monkeypatch.delenv("INNOVATLAS_WORKSPACE", raising=False)
    import innovatlas.cli as cli

    cli._said.clear()
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    # the templates of facilities, startups, finance, rules, actors and relations need no workspace (issue 19)
    needs_workspace = not (args[0] == "template" and args[1] in ("facilities", "startups", "finance", "rules",
                                                                  "actors", "relations"))
    assert ("using the demo workspace build/demo.duckdb" in res.output) == needs_workspace, res.output
    assert not (checkout / "innovatlas.duckdb").exists(), "the tour must not create a second workspace"


def test_typos_name_the_fix(checkout, monkeypatch):
    monkeypatch.chdir(checkout)
    monkeypatch.delenv("INNOVATLAS_WORKSPACE", raising=False)
    run = lambda *a: CliRunner().invoke(app, list(a))  # noqa: E731
    # an unknown ecosystem: the nearest ids
    res = run("summary", "eindhovn")
    assert res.exit_code == 1 and "Did you mean 'eindhoven'? (or 'eindhoven-region')" in res.output, res.output
    res = run("diagnose", "utrech")
    assert "Did you mean 'utrecht'?" in res.output
    # a missing file: the nearest names in its folder
    res = run("import", "ris", "../shared/data/eu-regional-innovation-scoreboard-2023/RIS_2023_nl.csv")
    assert res.exit_code == 2 and "did you mean ../shared/data/eu-regional-innovation-scoreboard-2023/RIS_2023_NL.csv" in res.output
    res = run("import", "geo", "../shared/data/nl-boundaries")
    assert res.exit_code == 2 and "no such file or directory" in res.output and "relative paths are read from" in res.output
    res = run("assess", "run", "examples/partnership-tudelft.yaml")
    assert res.exit_code == 2 and "did you mean examples/partnership-tudelft-shell.yaml" in res.output, res.output
    # a wrong workspace path: the workspaces that exist
    res = run("summary", "nl", "-w", "buidl/demo.duckdb")
    assert res.exit_code == 1 and "did you mean --workspace build/demo.duckdb" in res.output, res.output
    assert not Path("buidl").exists()
    # nothing anywhere: how to make one
    monkeypatch.chdir(checkout.parent)
    res = run("ecosystems", "-w", "nothing/here.duckdb")
    assert "run 'make demo'" in res.output or "did you mean" in res.output
