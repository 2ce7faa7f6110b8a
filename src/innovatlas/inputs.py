"""What open data cannot give: imported and survey values, qualitative entries with evidence,
user-defined indicators and targets. Templates (CSV and Excel), validation naming file, row and
field, transactional imports, and a history in which nothing is overwritten.

Values template columns
    ``ecosystem, indicator, indicator_name, breakdown, year, value, unit, region, source, kind,
    confidential, units, largest_share, top2_share, contributors, author`` (``indicator_name`` is
    for the reader only; ``top3_share`` may be added). ``kind`` is ``import`` or ``survey``;
    ``confidential`` yes/no; for a confidential value ``units`` (the whole number of
    contributing units, e.g. firms) and ``largest_share`` (0-1) are required, ``top2_share``
    when a (2, k) dominance rule is configured, so disclosure control can judge the cell
    (:mod:`innovatlas.disclosure`). ``contributors`` optionally lists the contributing units'
    ids separated by ``|`` (without it the ecosystem's members stand in for them when cells of
    overlapping ecosystems are compared). A ``breakdown`` names its dimension, ``size:sme`` or
    ``region:north``, and ``size:sme;region:north`` is a cell of both; the parts of one
    dimension add up to the total. Numbers may use a decimal comma (``12,5``).
Qualitative template columns
    ``ecosystem, indicator, indicator_name, text, date, author, evidence`` (links separated by ``|``).
Targets template columns
    ``ecosystem, indicator, measure, breakdown, target_value, target_year, baseline_value,
    baseline_year, direction, note, author``.
Indicator definitions (user-defined indicators)
    ``key, ecosystem, name_en, name_nl, unit, category, challenges, direction, availability``.

A newer row for the same key (ecosystem, indicator, breakdown, year) supersedes the older one;
the older one stays, with the time it was superseded and by which import (history).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from innovatlas.errors import InputError
from innovatlas.model.indicators import load_catalogue
from innovatlas.sources import ImportReport
from innovatlas.store import Workspace
from innovatlas.store.load import CsvSpec, sha256_of, stage_csv, stage_table

__all__ = ["VALUE_COLUMNS", "QUALITATIVE_COLUMNS", "TARGET_COLUMNS", "DEFINITION_COLUMNS", "write_template",
           "import_values", "import_qualitative", "import_targets", "import_definitions", "history", "qualitative",
           "targets_of", "indicator_label", "value_source", "catalogue_with_sources", "computed_ids"]

VALUE_COLUMNS = ["ecosystem", "indicator", "indicator_name", "breakdown", "year", "value", "unit", "region", "source",
                 "kind", "confidential", "units", "largest_share", "top2_share", "contributors", "author"]
QUALITATIVE_COLUMNS = ["ecosystem", "indicator", "indicator_name", "text", "date", "author", "evidence"]
TARGET_COLUMNS = ["ecosystem", "indicator", "measure", "breakdown", "target_value", "target_year", "baseline_value",
                  "baseline_year", "direction", "note", "author"]
DEFINITION_COLUMNS = ["key", "ecosystem", "name_en", "name_nl", "unit", "category", "challenges", "direction",
                      "availability"]
_REQUIRED = {
    "values": ["ecosystem", "indicator", "year", "value", "unit", "source", "kind", "confidential", "author"],
    "qualitative": ["ecosystem", "indicator", "text", "date", "author", "evidence"],
    "targets": ["ecosystem", "indicator", "target_value", "target_year", "direction", "author"],
    "definitions": ["key", "name_en", "unit", "direction"],
}
_YES = {"yes", "y", "true", "1", "ja", "j"}
_NO = {"no", "n", "false", "0", "nee"}
_URL = re.compile(r"^(https?://\S+|doi:\S+|file:\S+)$")


def computed_ids() -> set[int]:
    """Catalogue indicators innovatlas computes from the workspace (registered indicator families)."""
    from innovatlas.indicators import REGISTRY

    return {i for ind in REGISTRY.values() for i in ind.catalogue_ids}


def value_source(num: int) -> str:
    """How an indicator gets its value: computed, import, survey or qualitative.

    Open-data indicators without a computation yet (patents, publications, co-publications,
    dual appointments need publication and patent data) are imported until a source computes them.
    """
    spec = load_catalogue()[num]
    if spec.availability == "open_data":
        return "computed" if num in computed_ids() else "import"
    return spec.availability


def catalogue_with_sources(ws: Workspace) -> list[dict[str, Any]]:
    """All 50 indicators and the user's own, with how each gets its value and what the workspace holds."""
    counts = {r[0]: r[1] for r in ws.rows("SELECT indicator, count(*) FROM indicator_input WHERE superseded_at IS NULL GROUP BY 1")}
    quals = {r[0]: r[1] for r in ws.rows("SELECT indicator, count(*) FROM qualitative_entry WHERE superseded_at IS NULL GROUP BY 1")}
    out = [{"id": str(s.id), "category": s.category, "name_en": s.name_en, "name_nl": s.name_nl, "challenges": list(s.challenges),
            "value_source": value_source(s.id), "stored_values": counts.get(str(s.id), 0),
            "qualitative_entries": quals.get(str(s.id), 0)} for s in load_catalogue().values()]
    for c in ws.dicts("SELECT * FROM custom_indicator ORDER BY key"):
        out.append({"id": c["key"], "category": c["category"], "name_en": c["name_en"], "name_nl": c["name_nl"],
                    "challenges": [int(x) for x in (c["challenges"] or "").split(";") if x.strip().isdigit()],
                    "value_source": c["availability"], "stored_values": counts.get(c["key"], 0),
                    "qualitative_entries": quals.get(c["key"], 0)})
    return out


def indicator_label(ws: Workspace, key: str, lang: str = "en") -> str:
    cat = load_catalogue()
    if key.isdigit() and int(key) in cat:
        return cat[int(key)].name(lang)
    row = ws.rows("SELECT name_en, name_nl FROM custom_indicator WHERE key = ?", [key])
    return (row[0][0] if lang == "en" else row[0][1]) if row else key


def write_template(ws: Workspace, kind: str, eco_id: str, path: str | Path) -> Path:
    """An empty template for one ecosystem, pre-filled with the indicators it asks for."""
    path = Path(path)
    cat = load_catalogue()
    if not ws.scalar("SELECT count(*) FROM ecosystem WHERE ecosystem_id = ?", [eco_id]):
        from innovatlas.errors import UnknownEcosystem

        raise UnknownEcosystem(eco_id, [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")])
    custom = ws.dicts("SELECT * FROM custom_indicator WHERE ecosystem_id IS NULL OR ecosystem_id = ? ORDER BY key", [eco_id])
    if kind == "values":
        header = VALUE_COLUMNS
        rows = [[eco_id, str(s.id), s.name_en, "", "", "", "", "", s.source_nl, value_source(s.id),
                 "no", "", "", "", "", ""] for s in cat.values() if value_source(s.id) in ("import", "survey")]
        rows += [[eco_id, c["key"], c["name_en"], "", "", "", c["unit"], "", "", "import", "no", "", "", "", "", ""]
                 for c in custom if c["availability"] in ("import", "survey")]
    elif kind == "qualitative":
        header = QUALITATIVE_COLUMNS
        rows = [[eco_id, str(s.id), s.name_en, "", "", "", ""] for s in cat.values() if s.availability == "qualitative"]
        rows += [[eco_id, c["key"], c["name_en"], "", "", "", ""] for c in custom if c["availability"] == "qualitative"]
    elif kind == "targets":
        header = TARGET_COLUMNS
        rows = [[eco_id, "29", "organisations", "", "", "", "", "", "higher", "", ""],
                [eco_id, "18", "collaboration_relations", "internal", "", "", "", "", "higher", "", ""]]
    else:
        raise InputError(f"unknown template '{kind}'", hint="choose values, qualitative or targets")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        sheet = wb.active
        sheet.title = kind
        sheet.append(header)
        for r in rows:
            sheet.append(r)
        wb.save(path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
    return path


def _stage(ws: Workspace, path: Path, kind: str, table: str) -> None:
    display = str(path)
    if not path.exists():
        raise InputError("no such file", file=display, hint="check the path")
    required = _REQUIRED[kind]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook
            raise InputError(f"not a readable Excel workbook ({type(exc).__name__})", file=display,
                             hint="save it again as .xlsx, or use the CSV template") from None
        sheet = wb.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        if not rows:
            raise InputError("the sheet is empty (no header row)", file=display, hint="use the template innovatlas writes")
        stage_table(ws, table, rows[0], rows[1:], f"{display} (sheet {sheet.title})", required)
    else:
        spec = CsvSpec(f"innovatlas {kind} template", ",", required=tuple(required),
                       optional=tuple(c for c in {"values": VALUE_COLUMNS + ["top3_share"], "qualitative": QUALITATIVE_COLUMNS,
                                                  "targets": TARGET_COLUMNS, "definitions": DEFINITION_COLUMNS}[kind]
                                      if c not in required),
                       hint=f"write a fresh one with 'innovatlas template {kind} ECOSYSTEM FILE'")
        stage_csv(ws, path, spec, table, display=display)
    # drop template rows that were left empty (no value / text given)
    key = {"values": "value", "qualitative": "text", "targets": "target_value", "definitions": "key"}[kind]
    ws.execute(f'DELETE FROM {table} WHERE "{key}" IS NULL OR trim("{key}") = \'\'')
    if not ws.scalar(f"SELECT count(*) FROM {table}"):
        raise InputError(f"no filled-in rows: every row has an empty '{key}'", file=display, field=key,
                         hint="fill in the rows you have data for; empty rows are skipped")


def _cols(ws: Workspace, table: str) -> set[str]:
    return {r[0] for r in ws.rows(f"SELECT column_name FROM (DESCRIBE {table})")}


def _opt(cols: set[str], c: str, default: str = "NULL") -> str:
    return f'"{c}"' if c in cols else default


def number_sql(column: str) -> str:
    """SQL text turning a number as people type it into a DOUBLE (NULL when it is not one).

    A decimal comma is read (``12,5`` is 12.5, as Dutch spreadsheets write it), and thousands
    separators when they are unambiguous (``1.234.567,8`` and ``1,234,567.8``; ``1.234`` stays
    one point two three four). Not finite numbers (nan, inf) are not numbers.
    """
    v = f'trim(CAST("{column}" AS VARCHAR))'
    text = (f"CASE WHEN regexp_full_match({v}, '[+-]?[0-9]+,[0-9]+') THEN replace({v}, ',', '.') "
            f"WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,3}}([.][0-9]{{3}})+(,[0-9]+)?') AND "
            f"(contains({v}, ',') OR length({v}) - length(replace({v}, '.', '')) > 1) "
            f"THEN replace(replace({v}, '.', ''), ',', '.') "
            f"WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,3}}(,[0-9]{{3}})+([.][0-9]+)?') THEN replace({v}, ',', '') "
            f"ELSE {v} END")
    return f"(CASE WHEN isfinite(TRY_CAST({text} AS DOUBLE)) THEN TRY_CAST({text} AS DOUBLE) END)"


class _Checks:
    """Every problem of a staged template, found set-based and reported together (up to a limit per
    check), with the row as a spreadsheet shows it: the header is row 1, the first data row row 2."""

    LIMIT = 20

    def __init__(self, ws: Workspace, table: str, display: str):
        self.ws, self.table, self.display = ws, table, display
        self.problems: list[tuple[int, str, InputError]] = []
        self.total = 0

    def where(self, condition: str, field: str, problem, hint: str, params: list | None = None,
              value: str | None = None) -> None:
        """Report the rows matching ``condition``; ``problem(value)`` words each one."""
        value = value or (f'"{field}"' if field in _cols(self.ws, self.table) else "NULL")
        sql = f"FROM {self.table} WHERE {condition}"
        n = self.ws.scalar(f"SELECT count(*) {sql}", params or [])
        if not n:
            return
        self.total += n
        for row, val in self.ws.rows(f"SELECT _row, {value} {sql} ORDER BY _row LIMIT {self.LIMIT}", params or []):
            self.problems.append((row + 1, field, InputError(problem(val), file=self.display, row=row + 1, field=field,
                                                             hint=hint)))

    def not_empty(self, fields: list[str]) -> None:
        for f in fields:
            self.where(f'"{f}" IS NULL OR trim("{f}") = \'\'', f, lambda _v: "this required field is empty",
                       "fill it in, or remove the row")

    def numbers(self, fields: list[str]) -> None:
        for f in fields:
            self.where(f'"{f}" IS NOT NULL AND trim("{f}") <> \'\' AND {number_sql(f)} IS NULL', f,
                       lambda v: f"'{v}' is not a number",
                       "use digits, with ',' or '.' as decimal separator (12,5 or 12.5), or leave the field empty")

    def whole(self, field: str, lo: int, hi: int, what: str) -> None:
        num = number_sql(field)
        self.where(f"{num} IS NOT NULL AND ({num} <> floor({num}) OR {num} NOT BETWEEN {lo} AND {hi})", field,
                   lambda v: f"'{v}' is not {what}", f"write {what}")

    def range(self, field: str, lo: float, hi: float, what: str) -> None:
        num = number_sql(field)
        self.where(f"{num} IS NOT NULL AND NOT ({num} BETWEEN {lo} AND {hi})", field,
                   lambda v: f"'{v}' is out of range", what)

    def choice(self, field: str, allowed: set[str]) -> None:
        self.where(f'"{field}" IS NOT NULL AND lower(trim("{field}")) NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))',
                   field, lambda v: f"'{v}' is not allowed", f"use one of: {', '.join(sorted(allowed))}", [sorted(allowed)])

    def ecosystems(self, column: str = "ecosystem", allow_empty: bool = False) -> None:
        known = ", ".join(r[0] for r in self.ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position LIMIT 25"))
        empty = f' AND "{column}" IS NOT NULL' if allow_empty else ""
        self.where(f'trim("{column}") NOT IN (SELECT ecosystem_id FROM ecosystem){empty}', column,
                   lambda v: f"unknown ecosystem '{v}'",
                   "leave it empty for an indicator of every ecosystem" if allow_empty else
                   f"use an analysed ecosystem id ({known}) or run 'innovatlas analyse' with its definition")

    def indicators(self, allowed: set[str] | None = None) -> None:
        cat = load_catalogue()
        known = [str(i) for i in cat] + [r[0] for r in self.ws.rows("SELECT key FROM custom_indicator")]
        self.where("trim(indicator) NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))", "indicator",
                   lambda v: f"unknown indicator '{v}'",
                   "use a catalogue number 1-50, or define your own indicator first with 'innovatlas import definitions FILE'",
                   [known], value="trim(indicator)")
        if allowed is not None:
            for src in sorted({value_source(i) for i in cat} - allowed):
                nums = [str(i) for i in cat if value_source(i) == src]
                self.where("trim(indicator) IN (SELECT unnest(CAST(? AS VARCHAR[])))", "indicator",
                           lambda v, src=src: f"indicator {v} is '{src}', not one of {', '.join(sorted(allowed))}",
                           "open-data indicators are computed by 'innovatlas analyse'; qualitative ones go in the "
                           "qualitative template", [nums], value="trim(indicator)")

    def unique(self, key: list[str], what: str) -> None:
        cols = ", ".join(key)
        dup = self.ws.rows(f"""SELECT _row, first_row FROM (SELECT _row, min(_row) OVER (PARTITION BY {cols}) AS first_row
                               FROM {self.table}) WHERE _row > first_row ORDER BY _row LIMIT {self.LIMIT}""")
        self.total += self.ws.scalar(f"SELECT count(*) - count(DISTINCT ({cols})) FROM {self.table}")
        for row, first in dup:
            self.problems.append((row + 1, key[0], InputError(
                f"duplicate {what}; it first appears in row {first + 1}", file=self.display, row=row + 1,
                field=key[0], hint="give each key once; remove the duplicate row or correct its key")))

    def add(self, row: int, field: str, problem: str, hint: str) -> None:
        self.total += 1
        self.problems.append((row + 1, field, InputError(problem, file=self.display, row=row + 1, field=field, hint=hint)))

    def done(self) -> None:
        if self.problems:
            ordered = [e for _r, _f, e in sorted(self.problems, key=lambda p: (p[0], p[1]))]
            raise InputError.several(ordered[:max(self.LIMIT, 50)], total=self.total)


def _new_batch(ws: Workspace, dataset: str, path: Path, rows: int, report: ImportReport) -> int | None:
    sha = sha256_of(path)
    earlier = ws.batches_of(dataset)
    if earlier and earlier[-1]["sha256"] == sha:
        report.unchanged.append(dataset)
        return None
    return ws.new_batch(source="user", dataset=dataset, file=str(path), sha256=sha, rows=rows, licence=None,
                        attribution="the ecosystem's own data")


def _check_additive(ws: Workspace, t: str, checks: _Checks) -> None:
    """The breakdown of a confidential value must add up: in every dimension the parts may not exceed
    the total (disclosure control treats parts as summing to their total; a breakdown by two
    dimensions written without their names, e.g. ``sme`` and ``north``, looks like one that doesn't)."""
    from innovatlas.disclosure import parse_breakdown

    rows = ws.rows(f"""SELECT _row, trim(ecosystem), trim(indicator), CAST({number_sql('year')} AS INTEGER), _bd,
                              {number_sql('value')}, _conf FROM {t}""")
    groups: dict[tuple, list[tuple]] = {}
    for row, eco, ind, year, bd, value, conf in rows:
        groups.setdefault((eco, ind, year), []).append((row, parse_breakdown(bd), value, conf))
    for cells in groups.values():
        if not any(c[3] for c in cells) or any(c[2] is None or c[2] < 0 for c in cells):
            continue
        by_key = {c[1]: c for c in cells}
        sums: dict[tuple, float] = {}
        rows_of: dict[tuple, int] = {}
        for key, (row, _k, value, _conf) in by_key.items():
            for i in range(len(key)):
                group = (key[:i] + key[i + 1:], tuple(d for d, _c in key), i)
                sums[group] = sums.get(group, 0.0) + value
                rows_of[group] = max(rows_of.get(group, 0), row)
        for (marginal, dims, i), total in sums.items():
            if marginal in by_key and total > by_key[marginal][2] * (1 + 1e-9) + 1e-9:
                dim = dims[i] or "(unnamed)"
                checks.add(rows_of[(marginal, dims, i)], "breakdown",
                           f"the parts of breakdown dimension {dim} add up to {total:g}, more than their total "
                           f"{by_key[marginal][2]:g}",
                           "name each breakdown's dimension, e.g. size:sme and region:north, so disclosure control "
                           "can protect each breakdown (parts of one dimension must add up to the total)")


def _store_contributor_sets(ws: Workspace, batch: int) -> None:
    """Give every confidential value of ``batch`` its contributor set: the contributors the user listed,
    else the ecosystem's members now. Equal sets are stored once."""
    ws.execute("""CREATE OR REPLACE TEMP TABLE stg_sets AS
        WITH listed AS (
            SELECT input_id, 'listed' AS kind, NULL AS ecosystem_id, list_sort(list_distinct(list(x))) AS ids
            FROM (SELECT i.input_id, trim(unnest(string_split(c.contributors, '|'))) AS x
                  FROM indicator_input i JOIN stg_contributors c USING (input_id)
                  WHERE i.batch_id = ? AND i.confidential AND nullif(trim(c.contributors), '') IS NOT NULL)
            WHERE x <> '' GROUP BY input_id),
        members AS (
            SELECT i.input_id, 'members' AS kind, i.ecosystem_id, m.ids
            FROM indicator_input i JOIN (SELECT ecosystem_id, list(CAST(pic AS VARCHAR) ORDER BY pic) AS ids
                                         FROM ecosystem_member GROUP BY 1) m USING (ecosystem_id)
            WHERE i.batch_id = ? AND i.confidential AND i.input_id NOT IN (SELECT input_id FROM listed))
        SELECT *, md5(kind || ':' || array_to_string(ids, '|')) AS digest FROM (SELECT * FROM listed UNION ALL SELECT * FROM members)""",
               [batch, batch])
    ws.execute("""CREATE OR REPLACE TEMP TABLE stg_new_sets AS
        SELECT nextval('contributor_set_seq') AS set_id, * FROM (
            SELECT digest, any_value(kind) AS kind, any_value(ecosystem_id) AS ecosystem_id, any_value(ids) AS ids
            FROM stg_sets WHERE digest NOT IN (SELECT digest FROM contributor_set) GROUP BY digest)""")
    ws.execute("INSERT INTO contributor_set SELECT set_id, kind, ecosystem_id, len(ids), digest, ? FROM stg_new_sets", [batch])
    ws.execute("INSERT INTO contributor SELECT set_id, unnest(ids) FROM stg_new_sets")
    ws.execute("""UPDATE indicator_input SET contributor_set = s.set_id
                  FROM (SELECT st.input_id, cs.set_id FROM stg_sets st JOIN contributor_set cs USING (digest)) s
                  WHERE indicator_input.input_id = s.input_id""")


def import_values(ws: Workspace, path: str | Path) -> ImportReport:
    """Import imported/survey values (CSV or Excel); all or nothing; every problem reported at once."""
    path, t, report = Path(path), "stg_values", ImportReport()
    with ws.transaction():
        _stage(ws, path, "values", t)
        d = str(path)
        cols = _cols(ws, t)
        for c in ("breakdown", "units", "largest_share", "top2_share", "top3_share", "contributors"):
            if c not in cols:
                ws.execute(f'ALTER TABLE {t} ADD COLUMN "{c}" VARCHAR')
        checks = _Checks(ws, t, d)
        checks.not_empty(["ecosystem", "indicator", "year", "unit", "source", "kind", "confidential", "author"])
        checks.ecosystems()
        checks.indicators(allowed={"import", "survey"})
        checks.numbers(["value", "year", "units", "largest_share", "top2_share", "top3_share"])
        checks.whole("year", 1900, 2100, "a four-digit year")
        checks.whole("units", 0, 10**9, "a whole number of contributing units (units are counted, e.g. firms)")
        checks.choice("kind", {"import", "survey"})
        checks.choice("confidential", _YES | _NO)
        for share, n in (("largest_share", "largest contributor's"), ("top2_share", "two largest contributors'"),
                         ("top3_share", "three largest contributors'")):
            checks.range(share, 0, 1, f"the {n} share of the cell, between 0 and 1")
        checks.where(f"{number_sql('top2_share')} < {number_sql('largest_share')} - 1e-12", "top2_share",
                     lambda v: f"'{v}' is less than the largest contributor's share",
                     "the two largest contributors hold at least what the largest holds")
        checks.where(f"{number_sql('top3_share')} < {number_sql('top2_share')} - 1e-12", "top3_share",
                     lambda v: f"'{v}' is less than the two largest contributors' share",
                     "the three largest contributors hold at least what the two largest hold")
        conf = f"lower(trim(confidential)) IN ({', '.join(repr(y) for y in sorted(_YES))})"
        for field in ("units", "largest_share"):
            checks.where(f'{conf} AND ("{field}" IS NULL OR trim("{field}") = \'\')', field,
                         lambda _v: "a confidential value needs the number of contributing units and the largest "
                                    "contributor's share",
                         "fill in units and largest_share, so disclosure control can judge the cell")
        ws.execute(f"""CREATE OR REPLACE TEMP TABLE stg_values_k AS
                       SELECT *, coalesce(trim(breakdown), '') AS _bd, {conf} AS _conf FROM {t}""")
        checks.table = "stg_values_k"
        checks.unique(["trim(ecosystem)", "trim(indicator)", "_bd", number_sql("year")],
                      "value (ecosystem, indicator, breakdown, year)")
        if not checks.problems:
            _check_additive(ws, "stg_values_k", checks)
        checks.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:values:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute("""
            UPDATE indicator_input SET superseded_at = now()::TIMESTAMP, superseded_by = ?
            WHERE superseded_at IS NULL AND (ecosystem_id, indicator, breakdown, year) IN
                  (SELECT (trim(ecosystem), trim(indicator), _bd, CAST(CAST(year AS DOUBLE) AS INTEGER)) FROM stg_values_k)""",
                   [batch])
        ws.execute("""
            CREATE OR REPLACE TEMP TABLE stg_values_ids AS
            SELECT nextval('input_seq') AS input_id, * FROM (SELECT * FROM stg_values_k ORDER BY _row)""")
        ws.execute(f"""
            INSERT INTO indicator_input (input_id, ecosystem_id, indicator, breakdown, year, value, unit, region, source,
                                         kind, confidential, units, largest_share, top2_share, top3_share, entered_by,
                                         batch_id, source_row)
            SELECT input_id, trim(ecosystem), trim(indicator), _bd, CAST({number_sql('year')} AS INTEGER),
                   {number_sql('value')}, trim(unit), {_opt(cols, 'region')}, trim(source), lower(trim(kind)), _conf,
                   CAST({number_sql('units')} AS INTEGER), {number_sql('largest_share')}, {number_sql('top2_share')},
                   {number_sql('top3_share')}, trim(author), ?, _row
            FROM stg_values_ids ORDER BY _row""", [batch])
        ws.execute("CREATE OR REPLACE TEMP TABLE stg_contributors AS SELECT input_id, contributors FROM stg_values_ids")
        _store_contributor_sets(ws, batch)
        report.loaded["values"] = n
    return report


def import_qualitative(ws: Workspace, path: str | Path) -> ImportReport:
    """Import qualitative entries with evidence links; all or nothing; every problem reported at once."""
    path, t, report = Path(path), "stg_qual", ImportReport()
    with ws.transaction():
        _stage(ws, path, "qualitative", t)
        d = str(path)
        checks = _Checks(ws, t, d)
        checks.not_empty(["ecosystem", "indicator", "text", "date", "author", "evidence"])
        checks.ecosystems()
        checks.indicators(allowed={"qualitative", "survey"})
        checks.where("date IS NOT NULL AND trim(date) <> '' AND TRY_CAST(left(trim(date), 10) AS DATE) IS NULL", "date",
                     lambda v: f"'{v}' is not a date (YYYY-MM-DD)", "write dates as YYYY-MM-DD")
        evidence: dict[int, str] = {}
        for row, ev in ws.rows(f"SELECT _row, evidence FROM {t} WHERE evidence IS NOT NULL ORDER BY _row"):
            links = [x.strip() for x in re.split(r"\s*\|\s*", ev) if x.strip()]
            evidence[row] = json.dumps(links)
            for link in links:
                if not _URL.match(link):
                    checks.add(row, "evidence", f"'{link}' is not a link",
                               "give evidence as http(s)://, doi: or file: links, separated by '|'")
        checks.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:qualitative:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute(f"""UPDATE qualitative_entry SET superseded_at = now()::TIMESTAMP, superseded_by = ?
                       WHERE superseded_at IS NULL AND (ecosystem_id, indicator, author, entry_date) IN
                       (SELECT (trim(ecosystem), trim(indicator), trim(author), CAST(left(trim(date), 10) AS DATE)) FROM {t})""",
                   [batch])
        ws.execute(f"""
            INSERT INTO qualitative_entry
            SELECT nextval('input_seq'), trim(ecosystem), trim(indicator), trim(text), CAST(left(trim(date), 10) AS DATE),
                   trim(author), CAST(e.links AS JSON), ?, _row, NULL, NULL
            FROM {t} JOIN (SELECT unnest(CAST(? AS BIGINT[])) AS r, unnest(CAST(? AS VARCHAR[])) AS links) e ON e.r = _row
            ORDER BY _row""", [batch, list(evidence), list(evidence.values())])
        report.loaded["qualitative entries"] = n
    return report


def import_targets(ws: Workspace, path: str | Path) -> ImportReport:
    """Import own targets (streefwaarden) per ecosystem and indicator; all or nothing."""
    path, t, report = Path(path), "stg_targets", ImportReport()
    with ws.transaction():
        _stage(ws, path, "targets", t)
        d = str(path)
        cols = _cols(ws, t)
        for c in ("measure", "breakdown", "baseline_value", "baseline_year", "note"):
            if c not in cols:
                ws.execute(f'ALTER TABLE {t} ADD COLUMN "{c}" VARCHAR')
        checks = _Checks(ws, t, d)
        checks.not_empty(["ecosystem", "indicator", "target_year", "direction", "author"])
        checks.ecosystems()
        checks.indicators()
        checks.numbers(["target_value", "target_year", "baseline_value", "baseline_year"])
        checks.whole("target_year", 1900, 2100, "a four-digit year")
        checks.whole("baseline_year", 1900, 2100, "a four-digit year")
        checks.choice("direction", {"higher", "lower"})
        ws.execute(f"""CREATE OR REPLACE TEMP TABLE stg_targets_k AS
                       SELECT *, coalesce(nullif(trim(measure), ''), CASE WHEN trim(indicator) = '29' THEN 'organisations'
                                 WHEN trim(indicator) = '18' THEN 'collaboration_relations' ELSE 'value' END) AS _measure,
                              coalesce(trim(breakdown), '') AS _bd FROM {t}""")
        checks.table = "stg_targets_k"
        checks.unique(["trim(ecosystem)", "trim(indicator)", "_measure", "_bd"], "target (ecosystem, indicator, measure, breakdown)")
        checks.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:targets:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute("""UPDATE target SET superseded_at = now()::TIMESTAMP, superseded_by = ?
                      WHERE superseded_at IS NULL AND (ecosystem_id, indicator, measure, breakdown) IN
                      (SELECT (trim(ecosystem), trim(indicator), _measure, _bd) FROM stg_targets_k)""", [batch])
        ws.execute(f"""
            INSERT INTO target
            SELECT trim(ecosystem), trim(indicator), _measure, _bd, {number_sql('target_value')},
                   CAST({number_sql('target_year')} AS INTEGER), {number_sql('baseline_value')},
                   CAST({number_sql('baseline_year')} AS INTEGER), lower(trim(direction)),
                   note, trim(author), ?, _row, NULL, NULL
            FROM stg_targets_k ORDER BY _row""", [batch])
        report.loaded["targets"] = n
    return report


def import_definitions(ws: Workspace, path: str | Path) -> ImportReport:
    """Define ecosystem-specific extra indicators (keys must not be catalogue numbers)."""
    path, t, report = Path(path), "stg_defs", ImportReport()
    with ws.transaction():
        _stage(ws, path, "definitions", t)
        d = str(path)
        cols = _cols(ws, t)
        for c in ("ecosystem", "name_nl", "category", "challenges", "availability"):
            if c not in cols:
                ws.execute(f'ALTER TABLE {t} ADD COLUMN "{c}" VARCHAR')
        checks = _Checks(ws, t, d)
        checks.not_empty(["key", "name_en", "unit", "direction"])
        checks.where("key IS NOT NULL AND NOT regexp_matches(trim(key), '^[a-z][a-z0-9_]{1,40}$')", "key",
                     lambda v: f"'{v}' is not a valid indicator key",
                     "use lower-case letters, digits and '_', starting with a letter (catalogue numbers are taken)")
        checks.unique(["trim(key)"], "indicator key")
        checks.choice("direction", {"higher", "lower"})
        checks.choice("availability", {"import", "survey", "qualitative"})
        checks.ecosystems(allow_empty=True)
        checks.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:definitions:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute(f"DELETE FROM custom_indicator WHERE key IN (SELECT trim(key) FROM {t})")
        ws.execute(f"""
            INSERT INTO custom_indicator
            SELECT trim(key), ecosystem, trim(name_en), coalesce(name_nl, trim(name_en)),
                   trim(unit), category, challenges, lower(trim(direction)),
                   coalesce(lower(trim(availability)), 'import'), ?, _row
            FROM {t}""", [batch])
        report.loaded["indicator definitions"] = n
    return report


def history(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Every value ever imported for an ecosystem, newest first, with who and when (values disclosed:
    a superseded value is judged together with the values that were current beside it)."""
    from innovatlas.disclosure import disclosed_history

    return disclosed_history(ws, eco_id)


def qualitative(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    rows = ws.dicts("""SELECT indicator, text, entry_date, author, evidence FROM qualitative_entry
                       WHERE ecosystem_id = ? AND superseded_at IS NULL ORDER BY indicator, entry_date""", [eco_id])
    for r in rows:
        r["evidence"] = json.loads(r["evidence"])
        r["entry_date"] = r["entry_date"].isoformat()
    return rows


def targets_of(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    return ws.dicts("""SELECT indicator, measure, breakdown, target_value, target_year, baseline_value, baseline_year,
                              direction, note, set_by FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL
                       ORDER BY indicator, measure, breakdown""", [eco_id])
