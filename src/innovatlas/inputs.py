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
from innovatlas.report.exports import safe_row
from innovatlas.model.indicators import load_catalogue
from innovatlas.sources import ImportReport
from innovatlas.store import Workspace
from innovatlas.store.load import CsvSpec, sha256_of, stage_csv, stage_table
from innovatlas.store.queries import inputs as Q

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
    counts = {r[0]: r[1] for r in ws.rows(Q.VALUE_COUNTS)}
    quals = {r[0]: r[1] for r in ws.rows(Q.QUALITATIVE_COUNTS)}
    out = [{"id": str(s.id), "category": s.category, "name_en": s.name_en, "name_nl": s.name_nl, "challenges": list(s.challenges),
            "value_source": value_source(s.id), "stored_values": counts.get(str(s.id), 0),
            "qualitative_entries": quals.get(str(s.id), 0)} for s in load_catalogue().values()]
    for c in ws.dicts(Q.CUSTOM_INDICATORS):
        out.append({"id": c["key"], "category": c["category"], "name_en": c["name_en"], "name_nl": c["name_nl"],
                    "challenges": [int(x) for x in (c["challenges"] or "").split(";") if x.strip().isdigit()],
                    "value_source": c["availability"], "stored_values": counts.get(c["key"], 0),
                    "qualitative_entries": quals.get(c["key"], 0)})
    return out


def indicator_label(ws: Workspace, key: str, lang: str = "en") -> str:
    cat = load_catalogue()
    if key.isdigit() and int(key) in cat:
        return cat[int(key)].name(lang)
    row = ws.rows(Q.CUSTOM_INDICATOR_NAMES(key))
    return (row[0][0] if lang == "en" else row[0][1]) if row else key


def write_template(ws: Workspace, kind: str, eco_id: str, path: str | Path) -> Path:
    """An empty template for one ecosystem, pre-filled with the indicators it asks for."""
    path = Path(path)
    cat = load_catalogue()
    if not ws.scalar(Q.ECOSYSTEM_EXISTS(eco_id)):
        from innovatlas.errors import UnknownEcosystem

        raise UnknownEcosystem(eco_id, [r[0] for r in ws.rows(Q.ECOSYSTEM_IDS)])
    custom = ws.dicts(Q.CUSTOM_FOR_ECOSYSTEM(eco_id))
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
        sheet.append(safe_row(header))
        for r in rows:
            sheet.append(safe_row(r))
        wb.save(path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(safe_row(header))
            w.writerows(safe_row(r) for r in rows)  # names of user-defined indicators are user text
    return path


def _stage(ws: Workspace, path: Path, kind: str, table: str, encoding: str = "utf-8") -> None:
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
        stage_csv(ws, path, spec, table, display=display, encoding=encoding)
    # drop template rows that were left empty (no value / text given)
    key = {"values": "value", "qualitative": "text", "targets": "target_value", "definitions": "key"}[kind]
    ws.execute(Q.delete_empty_rows(table, key))
    if not ws.scalar(Q.staged_count(table)):
        raise InputError(f"no filled-in rows: every row has an empty '{key}'", file=display, field=key,
                         hint="fill in the rows you have data for; empty rows are skipped")


def _cols(ws: Workspace, table: str) -> set[str]:
    return {r[0] for r in ws.rows(Q.staged_columns(table))}


#: SQL text turning a number as people type it into a DOUBLE (moved to the relational layer; kept for callers)
number_sql = Q.number_sql


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
        value = value or Q.optional_column(_cols(self.ws, self.table), field)
        n = self.ws.scalar(Q.problem_count(self.table, condition, params or []))
        if not n:
            return
        self.total += n
        for row, val in self.ws.rows(Q.problem_rows(self.table, value, condition, self.LIMIT, params or [])):
            self.problems.append((row + 1, field, InputError(problem(val), file=self.display, row=row + 1, field=field,
                                                             hint=hint)))

    def not_empty(self, fields: list[str]) -> None:
        for f in fields:
            self.where(Q.is_empty(f), f, lambda _v: "this required field is empty",
                       "fill it in, or remove the row")

    def numbers(self, fields: list[str]) -> None:
        for f in fields:
            self.where(Q.not_a_number(f), f,
                       lambda v: f"'{v}' is not a number",
                       "use digits, with ',' or '.' as decimal separator (12,5 or 12.5), or leave the field empty")

    def whole(self, field: str, lo: int, hi: int, what: str) -> None:
        self.where(Q.not_whole(field, lo, hi), field,
                   lambda v: f"'{v}' is not {what}", f"write {what}")

    def range(self, field: str, lo: float, hi: float, what: str) -> None:
        self.where(Q.out_of_range(field, lo, hi), field,
                   lambda v: f"'{v}' is out of range", what)

    def choice(self, field: str, allowed: set[str]) -> None:
        self.where(Q.not_a_choice(field),
                   field, lambda v: f"'{v}' is not allowed", f"use one of: {', '.join(sorted(allowed))}", [sorted(allowed)])

    def ecosystems(self, column: str = "ecosystem", allow_empty: bool = False) -> None:
        known = ", ".join(r[0] for r in self.ws.rows(Q.KNOWN_ECOSYSTEMS))
        self.where(Q.unknown_ecosystem(column, allow_empty), column,
                   lambda v: f"unknown ecosystem '{v}'",
                   "leave it empty for an indicator of every ecosystem" if allow_empty else
                   f"use an analysed ecosystem id ({known}) or run 'innovatlas analyse' with its definition")

    def indicators(self, allowed: set[str] | None = None) -> None:
        cat = load_catalogue()
        known = [str(i) for i in cat] + [r[0] for r in self.ws.rows(Q.CUSTOM_INDICATOR_KEYS)]
        self.where(Q.INDICATOR_NOT_IN, "indicator",
                   lambda v: f"unknown indicator '{v}'",
                   "use a catalogue number 1-50, or define your own indicator first with 'innovatlas import definitions FILE'",
                   [known], value=Q.INDICATOR)
        if allowed is not None:
            for src in sorted({value_source(i) for i in cat} - allowed):
                nums = [str(i) for i in cat if value_source(i) == src]
                self.where(Q.INDICATOR_IN, "indicator",
                           lambda v, src=src: f"indicator {v} is '{src}', not one of {', '.join(sorted(allowed))}",
                           "open-data indicators are computed by 'innovatlas analyse'; qualitative ones go in the "
                           "qualitative template", [nums], value=Q.INDICATOR)

    def unique(self, key: list[str], what: str) -> None:
        dup = self.ws.rows(Q.duplicate_rows(self.table, key, self.LIMIT))
        self.total += self.ws.scalar(Q.duplicate_count(self.table, key))
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

    rows = ws.rows(Q.additive_cells(t))
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
    ws.execute(Q.STAGE_CONTRIBUTOR_SETS(batch, batch))
    ws.execute(Q.STAGE_NEW_CONTRIBUTOR_SETS)
    ws.execute(Q.INSERT_CONTRIBUTOR_SETS(batch))
    ws.execute(Q.INSERT_CONTRIBUTORS)
    ws.execute(Q.LINK_CONTRIBUTOR_SETS)


def validate_values(ws: Workspace, t: str, d: str) -> set[str]:
    """Every check of staged values (a file, or one record from the browser's form: the same code); returns the
    staged columns. Raises :class:`InputError` naming row and field of every problem."""
    cols = _cols(ws, t)
    for c in ("breakdown", "units", "largest_share", "top2_share", "top3_share", "contributors"):
        if c not in cols:
            ws.execute(Q.add_column(t, c))
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
    checks.where(Q.less_than("top2_share", "largest_share"), "top2_share",
                 lambda v: f"'{v}' is less than the largest contributor's share",
                 "the two largest contributors hold at least what the largest holds")
    checks.where(Q.less_than("top3_share", "top2_share"), "top3_share",
                 lambda v: f"'{v}' is less than the two largest contributors' share",
                 "the three largest contributors hold at least what the two largest hold")
    conf = Q.is_yes(sorted(_YES))
    for field in ("units", "largest_share"):
        checks.where(Q.confidential_without(conf, field), field,
                     lambda _v: "a confidential value needs the number of contributing units and the largest "
                                "contributor's share",
                     "fill in units and largest_share, so disclosure control can judge the cell")
    ws.execute(Q.stage_value_keys(t, conf))
    checks.table = "stg_values_k"
    checks.unique(Q.VALUE_KEY, "value (ecosystem, indicator, breakdown, year)")
    if not checks.problems:
        _check_additive(ws, "stg_values_k", checks)
    checks.done()
    return cols


def write_values(ws: Workspace, cols: set[str], batch: int) -> None:
    """Write validated staged values (``stg_values_k``) as ``batch``: the current ones of the same keys are
    superseded (history), contributor sets stored (inside the caller's transaction)."""
    ws.execute(Q.SUPERSEDE_VALUES(batch))
    ws.execute(Q.STAGE_VALUE_IDS)
    ws.execute(Q.insert_values(cols, batch))
    ws.execute(Q.STAGE_CONTRIBUTORS)
    _store_contributor_sets(ws, batch)


def import_values(ws: Workspace, path: str | Path, encoding: str = "utf-8") -> ImportReport:
    """Import imported/survey values (CSV or Excel); all or nothing; every problem reported at once."""
    path, t, report = Path(path), "stg_values", ImportReport()
    with ws.transaction():
        _stage(ws, path, "values", t, encoding)
        cols = validate_values(ws, t, str(path))
        n = ws.scalar(Q.staged_count(t))
        batch = _new_batch(ws, "inputs:values:" + path.name, path, n, report)
        if batch is None:
            return report
        write_values(ws, cols, batch)
        report.loaded["values"] = n
    return report


def validate_qualitative(ws: Workspace, t: str, d: str) -> dict[int, str]:
    """Every check of staged qualitative entries (file or form); returns the evidence links (JSON) per row."""
    checks = _Checks(ws, t, d)
    checks.not_empty(["ecosystem", "indicator", "text", "date", "author", "evidence"])
    checks.ecosystems()
    checks.indicators(allowed={"qualitative", "survey"})
    checks.where(Q.NOT_A_DATE, "date",
                 lambda v: f"'{v}' is not a date (YYYY-MM-DD)", "write dates as YYYY-MM-DD")
    evidence: dict[int, str] = {}
    for row, ev in ws.rows(Q.staged_evidence(t)):
        links = [x.strip() for x in re.split(r"\s*\|\s*", ev) if x.strip()]
        evidence[row] = json.dumps(links)
        for link in links:
            if not _URL.match(link):
                checks.add(row, "evidence", f"'{link}' is not a link",
                           "give evidence as http(s)://, doi: or file: links, separated by '|'")
    checks.done()
    return evidence


def write_qualitative(ws: Workspace, t: str, evidence: dict[int, str], batch: int) -> None:
    ws.execute(Q.supersede_qualitative(t, batch))
    ws.execute(Q.insert_qualitative(t, batch, list(evidence), list(evidence.values())))


def import_qualitative(ws: Workspace, path: str | Path, encoding: str = "utf-8") -> ImportReport:
    """Import qualitative entries with evidence links; all or nothing; every problem reported at once."""
    path, t, report = Path(path), "stg_qual", ImportReport()
    with ws.transaction():
        _stage(ws, path, "qualitative", t, encoding)
        evidence = validate_qualitative(ws, t, str(path))
        n = ws.scalar(Q.staged_count(t))
        batch = _new_batch(ws, "inputs:qualitative:" + path.name, path, n, report)
        if batch is None:
            return report
        write_qualitative(ws, t, evidence, batch)
        report.loaded["qualitative entries"] = n
    return report


def validate_targets(ws: Workspace, t: str, d: str) -> None:
    """Every check of staged targets (file or form); leaves them keyed in ``stg_targets_k``."""
    cols = _cols(ws, t)
    for c in ("measure", "breakdown", "baseline_value", "baseline_year", "note"):
        if c not in cols:
            ws.execute(Q.add_column(t, c))
    checks = _Checks(ws, t, d)
    checks.not_empty(["ecosystem", "indicator", "target_year", "direction", "author"])
    checks.ecosystems()
    checks.indicators()
    checks.numbers(["target_value", "target_year", "baseline_value", "baseline_year"])
    checks.whole("target_year", 1900, 2100, "a four-digit year")
    checks.whole("baseline_year", 1900, 2100, "a four-digit year")
    checks.choice("direction", {"higher", "lower"})
    ws.execute(Q.stage_target_keys(t))
    checks.table = "stg_targets_k"
    checks.unique(Q.TARGET_KEY, "target (ecosystem, indicator, measure, breakdown)")
    checks.done()


def write_targets(ws: Workspace, batch: int) -> None:
    ws.execute(Q.SUPERSEDE_TARGETS(batch))
    ws.execute(Q.INSERT_TARGETS(batch))


def import_targets(ws: Workspace, path: str | Path, encoding: str = "utf-8") -> ImportReport:
    """Import own targets (streefwaarden) per ecosystem and indicator; all or nothing."""
    path, t, report = Path(path), "stg_targets", ImportReport()
    with ws.transaction():
        _stage(ws, path, "targets", t, encoding)
        validate_targets(ws, t, str(path))
        n = ws.scalar(Q.staged_count(t))
        batch = _new_batch(ws, "inputs:targets:" + path.name, path, n, report)
        if batch is None:
            return report
        write_targets(ws, batch)
        report.loaded["targets"] = n
    return report


def import_definitions(ws: Workspace, path: str | Path, encoding: str = "utf-8") -> ImportReport:
    """Define ecosystem-specific extra indicators (keys must not be catalogue numbers)."""
    path, t, report = Path(path), "stg_defs", ImportReport()
    with ws.transaction():
        _stage(ws, path, "definitions", t, encoding)
        d = str(path)
        cols = _cols(ws, t)
        for c in ("ecosystem", "name_nl", "category", "challenges", "availability"):
            if c not in cols:
                ws.execute(Q.add_column(t, c))
        checks = _Checks(ws, t, d)
        checks.not_empty(["key", "name_en", "unit", "direction"])
        checks.where(Q.NOT_A_KEY, "key",
                     lambda v: f"'{v}' is not a valid indicator key",
                     "use lower-case letters, digits and '_', starting with a letter (catalogue numbers are taken)")
        checks.unique(Q.DEFINITION_KEY, "indicator key")
        checks.choice("direction", {"higher", "lower"})
        checks.choice("availability", {"import", "survey", "qualitative"})
        checks.ecosystems(allow_empty=True)
        checks.done()
        n = ws.scalar(Q.staged_count(t))
        batch = _new_batch(ws, "inputs:definitions:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute(Q.delete_definitions(t))
        ws.execute(Q.insert_definitions(t, batch))
        report.loaded["indicator definitions"] = n
    return report


def history(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Every value ever imported for an ecosystem, newest first, with who and when (values disclosed:
    a superseded value is judged together with the values that were current beside it)."""
    from innovatlas.disclosure import disclosed_history

    return disclosed_history(ws, eco_id)


def qualitative(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    rows = ws.dicts(Q.QUALITATIVE_OF(eco_id))
    for r in rows:
        r["evidence"] = json.loads(r["evidence"])
        r["entry_date"] = r["entry_date"].isoformat()
    return rows


def targets_of(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    return ws.dicts(Q.TARGETS_OF(eco_id))
