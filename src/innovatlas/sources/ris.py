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
from innovatlas.store.load import CsvSpec, check_numbers, stage_csv, stage_table

__all__ = ["import_paths", "fetch", "PROVINCE_NUTS2", "RIS_COLUMNS", "regional_context"]

LICENCE = "CC BY 4.0 (Commission Decision 2011/833/EU)"
ATTRIBUTION = "© European Union, Regional Innovation Scoreboard"
RIS_COLUMNS = ("Indicator", "Year", "Region", "RegionName", "Value")
#: CBS province code -> NUTS-2 code (NUTS 2016/2021: the Dutch NUTS-2 regions are the provinces).
PROVINCE_NUTS2 = {"PV20": "NL11", "PV21": "NL12", "PV22": "NL13", "PV23": "NL21", "PV25": "NL22", "PV24": "NL23",
                  "PV26": "NL31", "PV27": "NL32", "PV28": "NL33", "PV29": "NL34", "PV30": "NL41", "PV31": "NL42"}


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, **_opts) -> ImportReport:
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
                          t, display=str(path))
            check_numbers(ws, t, str(path), ["Year", "Value"])
            n = ws.scalar(f"SELECT count(*) FROM {t}")
            batch = replace_dataset(ws, source="ris", dataset="ris:regional-innovation-scoreboard", path=path,
                                    display=str(path), rows=n, licence=LICENCE, attribution=ATTRIBUTION)
            if batch is None:
                report.unchanged.append("ris:regional-innovation-scoreboard")
                continue
            ws.execute(f"""
                INSERT INTO regional_statistic
                SELECT 'ris', trim("Region"), "RegionName", trim("Indicator"), CAST(CAST("Year" AS DOUBLE) AS INTEGER),
                       TRY_CAST("Value" AS DOUBLE), CASE WHEN "Indicator" LIKE '0 %' THEN 'index (EU 2016 = 100)'
                       ELSE 'normalised score' END, ?, _row
                FROM {t} WHERE "Value" IS NOT NULL""", [batch])
            report.loaded["ris:regional-innovation-scoreboard"] = n
    return report


def regional_context(ws: Workspace, eco_id: str, source: str = "ris") -> list[dict]:
    """Latest regional statistics of the NUTS-2 regions the ecosystem's members are located in,
    with each region's share of the placed members (for the national ecosystem: all regions)."""
    values = ", ".join(f"('{p}', '{n}')" for p, n in PROVINCE_NUTS2.items())
    return ws.dicts(f"""
        WITH regions AS (
            SELECT n.nuts2, count(*) AS members FROM ecosystem_member m JOIN org_location l USING (pic)
            JOIN (VALUES {values}) n(province, nuts2) ON n.province = l.province_code
            WHERE m.ecosystem_id = ? GROUP BY 1),
        latest AS (SELECT region_code, indicator, max(year) AS year FROM regional_statistic WHERE source = ?
                   GROUP BY 1, 2)
        SELECT r.nuts2 AS region_code, any_value(s.region_name) AS region_name, s.indicator, s.year, s.value, s.unit,
               r.members, r.members / sum(r.members) OVER (PARTITION BY s.indicator) AS member_share
        FROM regions r JOIN latest l ON l.region_code = r.nuts2
        JOIN regional_statistic s ON s.region_code = l.region_code AND s.indicator = l.indicator AND s.year = l.year
             AND s.source = ?
        GROUP BY r.nuts2, s.indicator, s.year, s.value, s.unit, r.members
        ORDER BY s.indicator, r.members DESC""", [eco_id, source, source])


def fetch(dest: str | Path, progress: Progress | None = None, **_opts) -> list[Path]:
    raise InputError("the RIS database is published as an Excel file on the European Commission's research and "
                     "innovation site; download it there", hint="then run 'innovatlas import ris FILE.xlsx'")
