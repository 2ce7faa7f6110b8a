"""CBS StatLine tables (open OData API) as regional statistics.

Users with internet fetch a table with ``innovatlas fetch statline --table 85xxxNED`` (through
the ``cbsodata`` package, installed with ``pip install cbsodata``); without internet they import
a local export in the same layout: the table's TypedDataSet as CSV, with a region column
``RegioS`` (codes ``NL01``, ``PV..``, ``CR..``, ``GM....``), a period column ``Perioden``
(``2021JJ00`` = year 2021) and one column per topic. Each topic becomes an indicator
``<table>:<topic>`` in ``regional_statistic`` (source ``cbs:<table>``). Attribution: "Bron: CBS" (CC BY 4.0).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterable

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.sources._common import replace_dataset
from innovatlas.store import Workspace
from innovatlas.store.load import CsvSpec, check_not_empty, read_header, stage_csv
from innovatlas.store.queries import sources_common as QC
from innovatlas.store.queries import sources_statline as Q

__all__ = ["import_paths", "fetch", "parse_period"]

_PERIOD = re.compile(r"^(\d{4})(JJ00|KW0[1-4]|MM\d{2})$")
_SKIP = {"ID", "RegioS", "Perioden", "WijkenEnBuurten", "Codering_3", "Gemeentenaam_1", "SoortRegio_2"}


def parse_period(code: str) -> int | None:
    """``2021JJ00`` (year), ``2021KW02`` (quarter) or ``2021MM05`` (month) -> 2021.

    >>> parse_period("2021JJ00"), parse_period("2020KW03"), parse_period("bad")
    (2021, 2020, None)
    """
    m = _PERIOD.match(code.strip())
    return int(m.group(1)) if m else None


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, table: str | None = None,
                 encoding: str = "utf-8", **_opts) -> ImportReport:
    report = ImportReport()
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file", file=str(path))
        tid = table or path.stem.split("_")[0]
        if not re.fullmatch(r"[0-9]{5}[A-Z]{3}", tid):
            raise InputError(f"cannot tell the StatLine table id from '{path.name}'", file=str(path),
                             hint="name the file after the table (e.g. 85039NED.csv) or pass --table 85039NED")
        header = read_header(path, ",", encoding)
        delim = ";" if len(header) == 1 and ";" in header[0] else ","
        header = read_header(path, delim, encoding) if delim == ";" else header
        topics = [c for c in header if c not in _SKIP]
        if not topics:
            raise InputError("no topic columns besides RegioS and Perioden", file=str(path), line=1,
                             hint="export the table's TypedDataSet with its topic columns")
        with ws.transaction():
            t = "stg_statline"
            stage_csv(ws, path, CsvSpec("CBS StatLine export", delim, required=("RegioS", "Perioden"),
                                        optional=tuple(topics) + ("ID",), null_values=("", ".", "x", "-")),
                      t, display=str(path), encoding=encoding)
            check_not_empty(ws, t, str(path), ["RegioS"])
            bad = ws.rows(Q.bad_period(t))
            if bad:
                raise InputError(f"'{bad[0][1]}' is not a StatLine period", file=str(path), row=bad[0][0], field="Perioden",
                                 hint="periods look like 2021JJ00 (year), 2021KW02 (quarter) or 2021MM05 (month)")
            for topic in topics:
                bad = ws.rows(Q.bad_number(t, topic))
                if bad:
                    raise InputError(f"'{bad[0][1]}' is not a number", file=str(path), row=bad[0][0], field=topic,
                                     hint="StatLine marks missing values with '.', which innovatlas reads as empty")
            n = ws.scalar(QC.count_staged(t))
            batch = replace_dataset(ws, source="cbs", dataset=f"cbs:statline:{tid}", path=path, display=str(path),
                                    rows=n, licence="CC BY 4.0", attribution="Bron: CBS")
            if batch is None:
                report.unchanged.append(f"cbs:statline:{tid}")
                continue
            ws.execute(Q.insert_statistics(tid, t, topics, batch))
            report.loaded[f"cbs:statline:{tid}"] = n
    return report


def fetch(dest: str | Path, progress: Progress | None = None, table: str | None = None, **_opts) -> list[Path]:
    """Download a StatLine table through the open OData API (needs internet and ``pip install cbsodata``)."""
    if not table:
        raise InputError("which StatLine table?", hint="pass --table, e.g. --table 85039NED")
    try:
        import cbsodata  # type: ignore[import-not-found]
    except ImportError:
        raise InputError("the StatLine download needs the cbsodata package", hint="pip install cbsodata") from None
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    (progress or (lambda _m: None))(f"downloading StatLine table {table}")
    try:
        rows = cbsodata.get_data(table, typed=True)
    except Exception as exc:  # noqa: BLE001 - network or API failure
        raise InputError(f"download of StatLine table {table} failed: {exc}",
                         hint="check the table id and your internet connection") from None
    out = dest / f"{table}.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["RegioS", "Perioden"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return [out]
