"""Staging files into DuckDB and turning parser failures into clear :class:`InputError` s.

Sources describe *what* to read (columns, types, keys); this module does the reading.
A staged file is a TEMP table with every column as text plus ``_row``, the 1-based data
row, so validation can name the row and field of the first bad value.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import hashlib
import io
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import duckdb

from innovatlas.errors import InputError
from innovatlas.store import Workspace

__all__ = ["CsvSpec", "stage_csv", "sha256_of", "read_header", "check_numbers", "check_unique",
           "check_dates", "check_not_empty", "check_values", "check_whole", "duckdb_encoding", "MAX_HEADER_BYTES", "bounded_memory", "keep_memory_limit", "IMPORT_MEMORY_LIMIT"]

#: DuckDB's memory limit while an import runs on a workspace file: staged row groups beyond it
#: are written out (and TEMP data spilled) instead of held, so peak memory stays flat as files grow.
IMPORT_MEMORY_LIMIT = "1GB"
#: DuckDB memory limit of the derivation after an import (organisations, locations, registry; issue 20): the
#: primary-key indexes of the derived tables stay in memory until the transaction ends, so it needs more.
DERIVE_MEMORY_LIMIT = "1.5GB"

#: dates innovatlas accepts in the sources (CORDIS starts with FP1 in 1984)
DATE_RANGE = ("1950-01-01", "2100-12-31")

_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COLS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


@dataclass(frozen=True)
class CsvSpec:
    """How to read one CSV layout.

    ``required`` columns must be in the header; ``optional`` ones are used when present.
    ``null_values`` are read as missing in every column except ``literal``, where only an empty
    field is missing (the reduced Horizon 2020 file writes missing values as ``NA``, which in its
    ``country`` column is Namibia).
    """

    name: str
    delimiter: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    null_values: tuple[str, ...] = ("",)
    literal: tuple[str, ...] = ()
    strict: bool = True
    hint: str = ""
    extra: dict = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open_text(path: Path, encoding: str) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


#: the longest header line innovatlas reads (a real CORDIS header is under 1,000 characters)
MAX_HEADER_BYTES = 1 << 20
#: encodings DuckDB's CSV reader understands (``--encoding``)
ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "latin-1": "latin-1", "latin1": "latin-1", "iso-8859-1": "latin-1",
             "utf-16": "utf-16", "utf16": "utf-16"}


def duckdb_encoding(encoding: str, display: str | None = None) -> str:
    """The DuckDB name of ``encoding``, or a clear error for one it cannot read."""
    enc = ENCODINGS.get((encoding or "").strip().lower())
    if enc is None:
        raise InputError(f"unknown or unsupported encoding '{encoding}'", file=display,
                         hint="pass --encoding utf-8 (the default), latin-1 or utf-16")
    return enc


def read_header(path: Path, delimiter: str, encoding: str = "utf-8", display: str | None = None) -> list[str]:
    """The header of a CSV file, BOM stripped; clear errors for empty, undecodable or malformed header lines.

    Reads at most :data:`MAX_HEADER_BYTES` (a file that is one huge line is refused, not read into memory).
    """
    display = display or str(path)
    enc = duckdb_encoding(encoding, display)
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")) as fh:
            raw = fh.read(MAX_HEADER_BYTES)
            at_end = not fh.read(1)
        try:
            text = codecs.getincrementaldecoder(enc)(errors="strict").decode(raw, final=at_end)
        except UnicodeDecodeError as exc:
            nl = raw.find(b"\n")
            if enc == "utf-16" or not 0 <= nl < exc.start:
                raise
            text = raw[:nl + 1].decode(enc)  # the header is fine; DuckDB reports the bad line with its number
    except UnicodeDecodeError as exc:
        raise InputError(f"the header is not valid {enc} text ({exc.reason})", file=display, line=1,
                         hint="save the file as UTF-8, or pass --encoding latin-1 (or utf-16) if it is saved so") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read the file: {exc}", file=display,
                         hint="check that the file exists and is not a damaged archive") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    end = text.find("\n")
    if end < 0 and "\r" in text.rstrip("\r"):
        raise InputError("the lines end with a bare carriage return (CR), not a line feed", file=display, line=1,
                         hint="save the file with ordinary line ends (LF or CR LF)")
    if end < 0 and not at_end:
        raise InputError(f"the first line is longer than {MAX_HEADER_BYTES:,} bytes: this is not a header row",
                         file=display, line=1, hint="check that this is the right file, as published")
    first = (text if end < 0 else text[:end]).removesuffix("\r")
    if not first.strip():
        raise InputError("the file is empty (no header row)", file=display,
                         hint="download the file again; a CSV file starts with a header row naming its columns")
    if "\r" in first:
        raise InputError("a column name in the header holds a carriage return (CR)", file=display, line=1,
                         hint="remove the line break from the column name, or write a fresh file")
    try:
        return next(csv.reader([first], delimiter=delimiter, quotechar='"'))
    except csv.Error as exc:
        raise InputError(f"cannot read the header row ({exc})", file=display, line=1,
                         hint="column names are at most 131,072 characters; check that this is the right file") from None


def _guess_delimiter(header_line_fields: list[str], path: Path, encoding: str) -> str | None:
    try:
        with _open_text(path, encoding) as fh:
            first = fh.readline()
    except Exception:  # noqa: BLE001 - only a guess for the message
        return None
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def stage_csv(ws: Workspace, path: Path, spec: CsvSpec, table: str, *, display: str | None = None,
              encoding: str = "utf-8", delimiter: str | None = None, temporary: bool = True) -> list[str]:
    """Read ``path`` into TEMP table ``table`` (all text, plus ``_row``); return the columns kept.

    ``temporary=False`` stages into an ordinary table of the workspace instead (call inside
    the import's transaction and drop it before the end): DuckDB compresses its row groups
    and writes them to the workspace file as they fill, so a large file does not have to
    fit in memory uncompressed the way a TEMP table does (5.8 GB at 14.5 million rows, issue
    20); a failed import rolls the table back with everything else.
    """
    display = display or str(path)
    delim = delimiter or spec.delimiter
    header = read_header(path, delim, encoding, display)
    missing = [c for c in spec.required if c not in header]
    if missing:
        if len(header) == 1:
            guess = _guess_delimiter(header, path, encoding)
            if guess and guess != delim:
                shown = {"\t": "tab"}.get(guess, guess)
                raise InputError(
                    f"the columns are separated by '{shown}', but {spec.name} files use '{delim}'",
                    file=display, line=1,
                    hint=f"use the file as published, or pass --delimiter '{shown}' if you re-saved it that way")
        raise InputError(
            f"missing column(s) {', '.join(repr(c) for c in missing)} for the {spec.name} layout; "
            f"the header has: {', '.join(header[:30])}",
            file=display, line=1, field=missing[0],
            hint=spec.hint or "check that this is the right file and that it was not edited")
    dupes = sorted({c for c in header if header.count(c) > 1})
    if dupes:
        raise InputError(f"column(s) {', '.join(dupes)} appear more than once in the header", file=display,
                         line=1, field=dupes[0], hint="remove the duplicate columns")
    keep = [c for c in header if c in spec.required or c in spec.optional]
    columns = "{" + ", ".join(f"'{_q(c)}': 'VARCHAR'" for c in header) + "}"
    literal = {c for c in keep if c in spec.literal}
    other_nulls = [n for n in spec.null_values if n != ""] if literal else []
    # with literal columns the file is read with only '' as missing; the other null strings are applied per column
    nulls = "[" + ", ".join(f"'{_q(n)}'" for n in (spec.null_values if not literal else ("",))) + "]"
    enc = duckdb_encoding(encoding, display)
    as_null = ", ".join(f"'{_q(n)}'" for n in other_nulls)
    select = ", ".join(f'CASE WHEN "{c}" IN ({as_null}) THEN NULL ELSE "{c}" END AS "{c}"'
                       if other_nulls and c not in literal else f'"{c}"' for c in keep)
    sql = (
        f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} AS "
        f"SELECT row_number() OVER () AS _row, {select} FROM read_csv(?, delim='{_q(delim)}', quote='\"', "
        f"escape='\"', header=true, auto_detect=false, columns={columns}, nullstr={nulls}, "
        f"strict_mode={'true' if spec.strict else 'false'}, encoding='{enc}', max_line_size=10000000)"
    )
    try:
        ws.execute(sql, [str(path)])
    except duckdb.Error as exc:
        raise _translate(exc, display, spec, len(header), encoding) from None
    n = ws.scalar(f"SELECT count(*) FROM {table}")
    if n == 0:
        raise InputError("the file has a header but no data rows", file=display, row=1,
                         hint="download the file again; an export that stopped early leaves only the header")
    return keep


def _translate(exc: duckdb.Error, display: str, spec: CsvSpec, ncols: int, encoding: str) -> InputError:
    msg = str(exc)
    m = _LINE.search(msg)
    line = int(m.group(1)) if m else None
    if "not utf-8 encoded" in msg or "Invalid unicode" in msg:
        return InputError(f"the file is not valid {encoding} text", file=display, line=line,
                          hint="save the file as UTF-8 (CORDIS publishes UTF-8), or pass --encoding latin-1")
    cols = _COLS.search(msg)
    if cols:
        expected, found = int(cols.group(1)), int(cols.group(2))
        what = "truncated: it has fewer fields" if found < expected else "has more fields"
        return InputError(
            f"the row is {what} than the header ({found} instead of {expected})",
            file=display, line=line,
            hint="the file is probably cut off or has an unquoted separator; download it again or fix that line")
    if "quote" in msg.lower():
        return InputError("a quoted field is not closed", file=display, line=line,
                          hint="the file is probably cut off; download it again")
    first = msg.splitlines()[0] if msg else type(exc).__name__
    return InputError(f"cannot parse the file as {spec.name}: {first}", file=display, line=line,
                      hint="check that this is the right file, as published")


def _q(s: str) -> str:
    return s.replace("'", "''")


def check_not_empty(ws: Workspace, table: str, display: str, fields: Iterable[str]) -> None:
    for f in fields:
        row = ws.rows(f'SELECT _row FROM {table} WHERE "{f}" IS NULL OR trim("{f}") = \'\' ORDER BY _row LIMIT 1')
        if row:
            raise InputError("this required field is empty", file=display, row=row[0][0], field=f,
                             hint="fill it in, or remove the row")


def check_numbers(ws: Workspace, table: str, display: str, fields: Iterable[str], *, decimal_comma: bool = False) -> None:
    """Every non-empty value of ``fields`` must be a number."""
    for f in fields:
        expr = f'replace("{f}", \',\', \'.\')' if decimal_comma else f'"{f}"'
        row = ws.rows(
            f'SELECT _row, "{f}" FROM {table} WHERE "{f}" IS NOT NULL AND trim("{f}") <> \'\' '
            f"AND NOT coalesce(isfinite(TRY_CAST({expr} AS DOUBLE)), false) ORDER BY _row LIMIT 1")
        if row:
            raise InputError(f"'{row[0][1]}' is not a number", file=display, row=row[0][0], field=f,
                             hint="use digits with '.' as decimal separator (not NaN or inf), or leave the field empty")


def check_dates(ws: Workspace, table: str, display: str, fields: Iterable[str]) -> None:
    for f in fields:
        row = ws.rows(
            f'SELECT _row, "{f}" FROM {table} WHERE "{f}" IS NOT NULL AND trim("{f}") NOT IN (\'\', \'NA\') '
            f'AND NOT coalesce(TRY_CAST(left(trim("{f}"), 10) AS DATE) BETWEEN DATE \'{DATE_RANGE[0]}\' '
            f'AND DATE \'{DATE_RANGE[1]}\', false) ORDER BY _row LIMIT 1')
        if row:
            raise InputError(f"'{row[0][1]}' is not a date (YYYY-MM-DD) from {DATE_RANGE[0][:4]} to {DATE_RANGE[1][:4]}", file=display, row=row[0][0], field=f,
                             hint="write dates as YYYY-MM-DD, as CORDIS does")


def check_unique(ws: Workspace, table: str, display: str, key: list[str], what: str) -> None:
    """No two rows with the same ``key``: the error names the first row that repeats an earlier one
    (in a file of identical rows, row 2) and the row it repeats."""
    cols = ", ".join(f'"{k}"' for k in key)
    row = ws.rows(
        f"SELECT first_row, _row, {cols} FROM (SELECT _row, {cols}, min(_row) OVER (PARTITION BY {cols}) AS first_row "
        f"FROM {table}) WHERE _row > first_row ORDER BY _row LIMIT 1")
    if row:
        first, second, *vals = row[0]
        shown = ", ".join(f"{k}={v}" for k, v in zip(key, vals))
        raise InputError(f"duplicate {what} ({shown}); it first appears in row {first}", file=display,
                         row=second, field=key[0],
                         hint="each id may appear once; remove the duplicate row or download the file again")


def check_whole(ws: Workspace, table: str, display: str, fields: Iterable[str], lo: int, hi: int, what: str) -> None:
    """Every filled-in value of ``fields`` is a whole number from ``lo`` to ``hi`` (ids, years): one scan."""
    fields = list(fields)
    if not fields:
        return
    conds = [(f, f'("{f}" IS NOT NULL AND trim("{f}") NOT IN (\'\', \'NA\') AND NOT coalesce('
                 f'TRY_CAST(trim("{f}") AS DOUBLE) = floor(TRY_CAST(trim("{f}") AS DOUBLE)) '
                 f'AND TRY_CAST(trim("{f}") AS DOUBLE) BETWEEN {lo} AND {hi}, false))') for f in fields]
    select = ", ".join(f'arg_min(CAST("{f}" AS VARCHAR), _row) FILTER (WHERE {c}), min(_row) FILTER (WHERE {c})'
                       for f, c in conds)
    found = ws.rows(f"SELECT {select} FROM {table}")[0]
    bad = [(found[2 * i + 1], f, found[2 * i]) for i, (f, _c) in enumerate(conds) if found[2 * i + 1] is not None]
    if bad:
        row, f, value = min(bad)
        raise InputError(f"'{value}' is not {what}", file=display, row=row, field=f,
                         hint=f"write {what}, or download the file again")


def stage_table(ws: Workspace, table: str, header: list[str], rows: list[list], display: str,
                required: Iterable[str], hint: str = "") -> list[str]:
    """Stage rows read elsewhere (an Excel sheet) like :func:`stage_csv`: text columns plus ``_row``."""
    header = [str(h).strip() if h is not None else "" for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"missing column(s) {', '.join(repr(c) for c in missing)}; the header has: {', '.join(header)}",
                         file=display, line=1, field=missing[0], hint=hint or "use the template innovatlas writes")
    numbers = [i + 1 for i, r in enumerate(rows) if any(v not in (None, "") for v in r)]  # blank rows keep their place
    rows = [rows[i - 1] for i in numbers]
    if not rows:
        raise InputError("the sheet has a header but no data rows", file=display, row=1,
                         hint="fill in at least one row below the header")
    cols = [[None if (i >= len(r) or r[i] in (None, "")) else str(r[i]) for r in rows] for i in range(len(header))]
    names = [h for h in header if h]
    select = ", ".join(f'unnest(CAST(? AS VARCHAR[])) AS "{_q(h)}"' for h in names)
    ws.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT unnest(CAST(? AS BIGINT[])) AS _row, {select}",
               [numbers] + [cols[header.index(h)] for h in names])
    return names


def check_values(ws: Workspace, table: str, display: str, *, not_empty: Iterable[str] = (),
                 numbers: Iterable[str] = (), decimal_comma: Iterable[str] = (), dates: Iterable[str] = ()) -> None:
    """:func:`check_not_empty`, :func:`check_numbers` and :func:`check_dates` in one scan of ``table``.

    Same rules and the same error as running them one after another in that order (the
    first failing check, at its first row), but the staged file is read once.
    """
    checks: list[tuple[str, str, str]] = []  # (kind, field, SQL condition of a bad value)
    for f in not_empty:
        checks.append(("empty", f, f'("{f}" IS NULL OR trim("{f}") = \'\')'))
    for f, comma in [(f, False) for f in numbers] + [(f, True) for f in decimal_comma]:
        expr = f'replace("{f}", \',\', \'.\')' if comma else f'"{f}"'
        checks.append(("number", f, f'("{f}" IS NOT NULL AND trim("{f}") <> \'\' '
                                    f'AND NOT coalesce(isfinite(TRY_CAST({expr} AS DOUBLE)), false))'))
    for f in dates:
        checks.append(("date", f, f'("{f}" IS NOT NULL AND trim("{f}") NOT IN (\'\', \'NA\') '
                                  f'AND NOT coalesce(TRY_CAST(left(trim("{f}"), 10) AS DATE) BETWEEN DATE \'{DATE_RANGE[0]}\' '
                                  f'AND DATE \'{DATE_RANGE[1]}\', false))'))
    if not checks:
        return
    select = ", ".join(f"arg_min(CAST(\"{f}\" AS VARCHAR), _row) FILTER (WHERE {cond}), min(_row) FILTER (WHERE {cond})"
                       for _k, f, cond in checks)
    found = ws.rows(f"SELECT {select} FROM {table}")[0]
    for i, (kind, f, _cond) in enumerate(checks):
        value, row = found[2 * i], found[2 * i + 1]
        if row is None:
            continue
        if kind == "empty":
            raise InputError("this required field is empty", file=display, row=row, field=f,
                             hint="fill it in, or remove the row")
        if kind == "number":
            raise InputError(f"'{value}' is not a number", file=display, row=row, field=f,
                             hint="use digits with '.' as decimal separator (not NaN or inf), or leave the field empty")
        raise InputError(f"'{value}' is not a date (YYYY-MM-DD) from {DATE_RANGE[0][:4]} to {DATE_RANGE[1][:4]}", file=display, row=row, field=f,
                         hint="write dates as YYYY-MM-DD, as CORDIS does")


@contextlib.contextmanager
def bounded_memory(ws: Workspace, limit: str = IMPORT_MEMORY_LIMIT):
    """Run an import under DuckDB ``memory_limit = limit`` (workspace files only), then restore it."""
    if ws.path == ":memory:":
        yield
        return
    before = ws.scalar("SELECT current_setting('memory_limit')")
    ws.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:
        # in an aborted transaction SET fails: then :func:`keep_memory_limit` around it restores it
        with contextlib.suppress(duckdb.Error):
            ws.execute(f"SET memory_limit = '{before}'")


@contextlib.contextmanager
def keep_memory_limit(ws: Workspace):
    """Whatever happens inside (a failed, rolled-back import), DuckDB's memory limit is as before afterwards."""
    before = ws.scalar("SELECT current_setting('memory_limit')")
    try:
        yield
    finally:
        ws.execute(f"SET memory_limit = '{before}'")
