"""Fuzzed imports, bounded (issue 13): hypothesis mutates real files from ../shared/data, the product's
own templates and the example decision files (strategies in tests/fuzzing.py, shared with
``make fuzz``) and feeds every importer. Each outcome is a success or the documented error (exit 2,
the file named) with the workspace fingerprint (every table's rows) unchanged. A few inputs go
through the CLI to see exit code 2 and no traceback; the zip bomb and the oversized files are
refused by size, streaming, with bounded memory.

Budget: about 60 s in all (the base workspace, ~8 s, is built once per module).
"""

from __future__ import annotations

import gzip
import io
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import fuzzing
from innovatlas.cli import app
from innovatlas.errors import InputError

pytestmark = pytest.mark.integration

#: inputs per importer in ``make test`` (make fuzz runs 10,000 in all)
EXAMPLES = {"cordis": 16}
DEFAULT_EXAMPLES = 8


@pytest.fixture(scope="module")
def arena(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    base = fuzzing.build_base(tmp / "base")
    a = fuzzing.Arena(base, tmp / "arena")
    a.seeds = fuzzing.seeds(base, tmp / "seeds")
    yield a
    a.close()


def _fuzz(arena, importer: str, data) -> None:
    mine = [s for s in arena.seeds if s.importer == importer]
    seed = data.draw(st.sampled_from(mine), label="seed")
    kind = data.draw(st.sampled_from(fuzzing.kinds_for(seed)), label="mutation")
    salt = data.draw(st.integers(0, 2 ** 32 - 1), label="salt")
    result = arena.run(seed, kind, salt)
    assert result.outcome in ("success", "clean"), f"{seed.name} {kind} salt={salt}: {result.outcome}: {result.detail}"


def _make_test(importer: str):
    @settings(max_examples=EXAMPLES.get(importer, DEFAULT_EXAMPLES), deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def test(arena, data):
        _fuzz(arena, importer, data)

    test.__name__ = f"test_fuzzed_{importer}"
    test.__doc__ = f"Mutated {importer} files: a success or a clean error, never a traceback or a partial write."
    return test


for _imp in fuzzing.IMPORTERS:
    globals()[f"test_fuzzed_{_imp}"] = _make_test(_imp)


# --- through the CLI: exit 2, the file named, no traceback ---------------------------------------------------
CLI_CASES = [  # (import source, seed file name, mutation, salt): each a documented error
    ("values", "values.csv", "header_cr", 1),
    ("ris", "RIS_2023_NL.csv", "long_header", 2),
    ("cordis", "h2020.csv", "encoding", 5),
    ("ror", "uni_ror_NL.csv", "only_header", 3),
    ("geo", "Provincie_2015_labels.json", "format", 4),
]


@pytest.mark.parametrize("source,name,kind,salt", CLI_CASES)
def test_cli_reports_a_fuzzed_file_with_exit_2(arena, tmp_path, source, name, kind, salt):
    seed = next(s for s in arena.seeds if s.name == name)
    fname, data = fuzzing.mutate(seed, kind, salt)
    p = tmp_path / fname
    p.write_bytes(data)
    ws = arena.tmp / f"cli-{source}.duckdb"
    ws.write_bytes(arena.base.read_bytes())
    res = CliRunner().invoke(app, ["import", source, str(p), "-w", str(ws)])
    out = res.output
    if res.exit_code == 0:  # some mutations of these seeds are still valid files
        assert "imported into" in out
        return
    assert res.exit_code == 2, out
    assert "Traceback" not in out and res.exception is None or isinstance(res.exception, SystemExit), out
    assert fname in out and "What to do" in out, out


# --- zips, bombs and oversized files: refused by size, streaming ----------------------------------------------
def test_zip_bomb_is_refused_streaming(tmp_path):
    """100 MiB of zeros in a ~100 KB member: refused once it expands past 100 times its compressed size (after
    its first 64 MiB), read in 1 MiB chunks: Python's memory stays far below the member's size."""
    from innovatlas.sources import cordis

    p = tmp_path / "cordis-h2020projects-csv.zip"
    with zipfile.ZipFile(p, "w") as zf:
        fuzzing.write_zip_bomb(zf, "project.csv", fuzzing.BOMB_BYTES)
    assert p.stat().st_size < fuzzing.BOMB_BYTES / 500
    from innovatlas.store import Workspace

    with Workspace(":memory:") as ws:
        before = ws.snapshot()
        tracemalloc.start()
        with pytest.raises(InputError, match="zip bomb") as info:
            cordis.import_paths(ws, [p])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert ws.snapshot() == before
    assert peak < 16 * 2 ** 20, f"peak {peak:,} bytes: the member was not streamed"
    assert info.value.file == f"{p}!project.csv" and info.value.hint
    assert cordis.ZIP_MAX_RATIO == 100 and cordis.ZIP_MAX_BYTES == 8 * 2 ** 30  # the limits the README states


def test_nested_and_misnamed_zips_are_clean_errors(tmp_path):
    from innovatlas.sources import cordis
    from innovatlas.store import Workspace

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("project.csv", "id;acronym\n1;X\n")
    cases = {"nested.zip": {"inner.zip": inner.getvalue()}, "wrong.zip": {"readme.txt": b"hello"},
             "empty.zip": {}}
    with Workspace(":memory:") as ws:
        for name, members in cases.items():
            p = tmp_path / name
            with zipfile.ZipFile(p, "w") as zf:
                for m, b in members.items():
                    zf.writestr(m, b)
            with pytest.raises(InputError, match="holds no project.csv or organization.csv") as info:
                cordis.import_paths(ws, [p])
            assert info.value.file == str(p)
        (tmp_path / "cut.zip").write_bytes((tmp_path / "nested.zip").read_bytes()[:40])
        with pytest.raises(InputError, match="not a valid zip"):
            cordis.import_paths(ws, [tmp_path / "cut.zip"])


def test_one_huge_line_is_refused_without_reading_it(tmp_path):
    """A file (or zip member) that is one line of 3 MiB is refused after its first 1 MiB (MAX_HEADER_BYTES)."""
    from innovatlas.sources import cordis
    from innovatlas.store import Workspace
    from innovatlas.store.load import MAX_HEADER_BYTES

    p = tmp_path / "h2020.csv"
    p.write_bytes(b"rcn,role,pic" + b",x" * (3 * 2 ** 19))
    with Workspace(":memory:") as ws, pytest.raises(InputError, match="first line is longer than 1,048,576 bytes"):
        cordis.import_paths(ws, [p])
    assert MAX_HEADER_BYTES == 2 ** 20


def test_ror_gz_expanding_past_the_limit_is_refused_streaming(tmp_path):
    """A 70 MiB ROR file in a small .gz: refused at 64 MiB, decompressed in chunks."""
    from innovatlas.sources import ror
    from innovatlas.store import Workspace

    p = tmp_path / "ror.csv.gz"
    with gzip.open(p, "wb", compresslevel=1) as fh:
        fh.write(b",name,types,country,aliases,addresses,email_address,ror_id\n")
        for _ in range(70):
            fh.write(b"0" * 2 ** 20)
    with Workspace(":memory:") as ws:
        before = ws.snapshot()
        with pytest.raises(InputError, match="larger than 64 MiB") as info:
            ror.import_paths(ws, [p])
        assert ws.snapshot() == before and "filter the ROR dump" in info.value.hint
