"""EU Regional Innovation Scoreboard (RIS) database: context indicators for Dutch regions.

Reads the RIS database in long format (``Indicator, Year, Zone, Country, CountryName, Region,
RegionName, Level, Value, performance group``) as CSV (optionally gzipped) or the official
``.xlsx`` (sheet ``RIS``), e.g. ``../shared/data/eu-regional-innovation-scoreboard-2023``.
Values are stored in ``regional_statistic`` (source ``ris``) for every region; the Dutch
NUTS-2 regions (= provinces) link them to ecosystems through :data:`PROVINCE_NUTS2`.
Attribution: "© European Union, Regional Innovation Scoreboard 2023" (CC BY 4.0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.sources._common import replace_dataset
from innovatlas.store import Workspace
from innovatlas.store.load import (CsvSpec, check_not_empty, check_numbers, check_unique, check_whole, stage_csv,
                                   stage_table)
from innovatlas.store.queries import sources_common as QC
from innovatlas.store.queries import sources_ris as Q

__all__ = ["import_paths", "fetch", "PROVINCE_NUTS2", "RIS_COLUMNS", "regional_context"]

LICENCE = "CC BY 4.0 (Commission Decision 2011/833/EU)"
ATTRIBUTION = "© European Union, Regional Innovation Scoreboard"
RIS_COLUMNS = ("Indicator", "Year", "Region", "RegionName", "Value")
#: CBS province code -> NUTS-2 code (NUTS 2016/2021: the Dutch NUTS-2 regions are the provinces).
PROVINCE_NUTS2 = {"PV20": "NL11", "PV21": "NL12", "PV22": "NL13", "PV23": "NL21", "PV25": "NL22", "PV24": "NL23",
                  "PV26": "NL31", "PV27": "NL32", "PV28": "NL33", "PV29": "NL34", "PV30": "NL41", "PV31": "NL42"}


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, encoding: str = "utf-8",
                 **_opts) -> ImportReport:
    report = ImportReport()
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file", file=str(path))
        (progress or (lambda _m: None))(f"reading {path}")
        with ws.transaction():
            t = "stg_ris"
            if path.suffix.lower() == ".xlsx":
                from openpyxl import load_workbook

                wb = load_workbook(path, read_only=True, data_only=True)
                if "RIS" not in wb.sheetnames:
                    raise InputError(f"no sheet 'RIS' (sheets: {', '.join(wb.sheetnames)})", file=str(path),
                                     hint="use the RIS database workbook, whose data sheet is called RIS")
                rows = [list(r) for r in wb["RIS"].iter_rows(values_only=True)]
                stage_table(ws, t, rows[0], rows[1:], f"{path} (sheet RIS)", RIS_COLUMNS)
            else:
                stage_csv(ws, path, CsvSpec("Regional Innovation Scoreboard", ",", required=RIS_COLUMNS,
                                            optional=("Zone", "Country", "CountryName", "Level", "performance group")),
                          t, display=str(path), encoding=encoding)
            shown = f"{path} (sheet RIS)" if path.suffix.lower() == ".xlsx" else str(path)
            check_not_empty(ws, t, shown, ["Indicator", "Year", "Region"])
            check_numbers(ws, t, shown, ["Year", "Value"])
            check_whole(ws, t, shown, ["Year"], 1950, 2100, "a four-digit year")
            check_unique(ws, t, shown, ["Indicator", "Year", "Region"], "value (Indicator, Year, Region)")
            n = ws.scalar(QC.count_staged(t))
            batch = replace_dataset(ws, source="ris", dataset="ris:regional-innovation-scoreboard", path=path,
                                    display=str(path), rows=n, licence=LICENCE, attribution=ATTRIBUTION)
            if batch is None:
                report.unchanged.append("ris:regional-innovation-scoreboard")
                continue
            ws.execute(Q.insert_statistics(t, batch))
            report.loaded["ris:regional-innovation-scoreboard"] = n
    return report


def regional_context(ws: Workspace, eco_id: str, source: str = "ris") -> list[dict]:
    """Latest regional statistics of the NUTS-2 regions the ecosystem's members are located in,
    with each region's share of the placed members (for the national ecosystem: all regions)."""
    return ws.dicts(Q.regional_context(PROVINCE_NUTS2, eco_id, source))


def fetch(dest: str | Path, progress: Progress | None = None, **_opts) -> list[Path]:
    raise InputError("the RIS database is published as an Excel file on the European Commission's research and "
                     "innovation site; download it there", hint="then run 'innovatlas import ris FILE.xlsx'")
