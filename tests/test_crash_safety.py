"""Crash safety (issue 13): an import killed with SIGKILL at several moments leaves the workspace as it
was (it opens, passes ``innovatlas check`` and holds exactly the rows it held before), and a second
writer gets a clear "workspace is busy" message (exit 2) instead of DuckDB's lock error.

The import is the real Horizon 2020 participations file of ../shared/data (144,726 rows, about five
seconds), run by the CLI in a subprocess; the moments are read from its progress lines.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SHARED
from innovatlas.check import check_workspace
from innovatlas.errors import WorkspaceBusy
from innovatlas.sources import ris
from innovatlas.store import Workspace

pytestmark = pytest.mark.integration

SRC = Path(__file__).resolve().parents[1] / "src"
H2020 = SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz"
RIS = SHARED / "eu-regional-innovation-scoreboard-2023" / "RIS_2023_NL.csv"


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def _start_import(ws_path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "innovatlas.cli", "import", "cordis", str(H2020), "-w", str(ws_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env(), text=True, bufsize=1)


def _wait_for(proc: subprocess.Popen, text: str, timeout: float = 60) -> None:
    """Read the import's progress lines until one contains ``text``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            line = proc.stdout.readline()
            if text in line:
                return
            if not line and proc.poll() is not None:
                break
    raise AssertionError(f"the import never printed '{text}' (exit {proc.poll()})")


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """A workspace holding the real RIS file, and its fingerprint (every table's rows)."""
    path = tmp_path_factory.mktemp("crash") / "base.duckdb"
    with Workspace(path) as ws:
        ris.import_paths(ws, [RIS])
        snap = ws.snapshot()
    return path, snap


@pytest.fixture(scope="module")
def phases(before, tmp_path_factory):
    """How long an uninterrupted import spends between its progress lines on this machine (seconds): the kill
    moments below are fractions of these, so they land inside each phase on a fast or a loaded machine."""
    path = tmp_path_factory.mktemp("timing") / "ws.duckdb"
    shutil.copy(before[0], path)
    proc = _start_import(path)
    t0 = time.monotonic()
    _wait_for(proc, "reading")
    t1 = time.monotonic()
    _wait_for(proc, "updating organisations")
    t2 = time.monotonic()
    proc.wait(timeout=300)
    t3 = time.monotonic()
    proc.stdout.close()
    return {None: t1 - t0, "reading": t2 - t1, "updating organisations": t3 - t2}


# (what the import is doing, the progress line to wait for, then the share of that phase to wait before SIGKILL)
MOMENTS = [
    ("starting up and opening the workspace", None, 0.5),
    ("staging the 144,726-row file", "reading", 0.1),
    ("checking and inserting the rows", "reading", 0.6),
    ("deriving organisations and locations, just before the commit", "updating organisations", 0.3),
]


@pytest.mark.parametrize("what,line,delay", MOMENTS, ids=[m[0].split(" ")[0] for m in MOMENTS])
def test_sigkill_leaves_the_workspace_as_it_was(before, phases, tmp_path, what, line, delay):
    base, snap = before
    path = tmp_path / "ws.duckdb"
    shutil.copy(base, path)
    proc = _start_import(path)
    try:
        if line:
            _wait_for(proc, line)
        time.sleep(delay * phases[line])
        assert proc.poll() is None, f"the import ended before the kill while {what}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    with Workspace(path) as ws:  # opens (DuckDB replays or drops its write-ahead log)
        result = check_workspace(ws)
        assert result["ok"], result["problems"]
        assert ws.snapshot() == snap, f"killed while {what}, the workspace no longer holds what it held"
        assert [b["dataset"] for b in ws.dicts("SELECT dataset FROM import_batch")] == ["ris:regional-innovation-scoreboard"]
    from typer.testing import CliRunner

    from innovatlas.cli import app

    res = CliRunner().invoke(app, ["check", "-w", str(path)])
    assert res.exit_code == 0 and "OK" in res.output, res.output


def test_a_second_writer_is_told_the_workspace_is_busy(before, tmp_path):
    base, snap = before
    path = tmp_path / "ws.duckdb"
    shutil.copy(base, path)
    proc = _start_import(path)
    try:
        _wait_for(proc, "reading")
        with pytest.raises(WorkspaceBusy, match="is busy") as info:  # in-process
            Workspace(path)
        assert f"PID {proc.pid}" in str(info.value) and "innovatlas" in str(info.value)
        assert "What to do: wait" in str(info.value)
        second = subprocess.run([sys.executable, "-m", "innovatlas.cli", "import", "ris", str(RIS), "-w", str(path)],
                                capture_output=True, text=True, env=_env(), timeout=60)
        assert second.returncode == 2, second.stderr
        assert "is busy" in second.stderr and f"PID {proc.pid}" in second.stderr
        assert "Traceback" not in second.stderr and "IO Error" not in second.stderr and "lock" not in second.stderr.lower()
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
    with Workspace(path) as ws:
        assert check_workspace(ws)["ok"] and ws.snapshot() == snap
