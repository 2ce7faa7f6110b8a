"""What open data cannot give: imported and survey values, qualitative entries with evidence,
user-defined indicators and targets. Templates (CSV and Excel), validation naming file, row and
field, transactional imports, and a history in which nothing is overwritten.

Values template columns
    ``ecosystem, indicator, indicator_name, breakdown, year, value, unit, region, source, kind,
    confidential, units, largest_share, author`` (``indicator_name`` is for the reader only).
    ``kind`` is ``import`` or ``survey``; ``confidential`` yes/no; for a confidential value
    ``units`` (contributing units, e.g. firms) and ``largest_share`` (0-1) are required, so
    disclosure control can judge the cell (:mod:`innovatlas.disclosure`).
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
from innovatlas.store.load import (CsvSpec, check_dates, check_not_empty, check_numbers, check_unique, sha256_of,
                                   stage_csv, stage_table)

__all__ = ["VALUE_COLUMNS", "QUALITATIVE_COLUMNS", "TARGET_COLUMNS", "DEFINITION_COLUMNS", "write_template",
           "import_values", "import_qualitative", "import_targets", "import_definitions", "history", "qualitative",
           "targets_of", "indicator_label", "value_source", "catalogue_with_sources", "computed_ids"]

VALUE_COLUMNS = ["ecosystem", "indicator", "indicator_name", "breakdown", "year", "value", "unit", "region", "source",
                 "kind", "confidential", "units", "largest_share", "author"]
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
                 "no", "", "", ""] for s in cat.values() if value_source(s.id) in ("import", "survey")]
        rows += [[eco_id, c["key"], c["name_en"], "", "", "", c["unit"], "", "", "import", "no", "", "", ""]
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
                       optional=tuple(c for c in {"values": VALUE_COLUMNS, "qualitative": QUALITATIVE_COLUMNS,
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


def _check_ecosystems(ws: Workspace, table: str, display: str, column: str = "ecosystem") -> None:
    bad = ws.rows(f"""SELECT _row, "{column}" FROM {table} WHERE "{column}" NOT IN (SELECT ecosystem_id FROM ecosystem)
                      ORDER BY _row LIMIT 1""")
    if bad:
        known = ", ".join(r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position LIMIT 25"))
        raise InputError(f"unknown ecosystem '{bad[0][1]}'", file=display, row=bad[0][0], field=column,
                         hint=f"use an analysed ecosystem id ({known}) or run 'innovatlas analyse' with its definition")


def _check_indicators(ws: Workspace, table: str, display: str, allowed: set[str] | None = None) -> None:
    cat = load_catalogue()
    known = {str(i) for i in cat} | {r[0] for r in ws.rows("SELECT key FROM custom_indicator")}
    for row, ind in ws.rows(f'SELECT _row, trim(indicator) FROM {table} ORDER BY _row'):
        if ind not in known:
            raise InputError(f"unknown indicator '{ind}'", file=display, row=row, field="indicator",
                             hint="use a catalogue number 1-50, or define your own indicator first with "
                                  "'innovatlas import definitions FILE'")
        if allowed is not None and ind.isdigit() and value_source(int(ind)) not in allowed:
            raise InputError(f"indicator {ind} is '{value_source(int(ind))}', not one of {', '.join(sorted(allowed))}",
                             file=display, row=row, field="indicator",
                             hint="open-data indicators are computed by 'innovatlas analyse'; qualitative ones go in "
                                  "the qualitative template")


def _check_choice(ws: Workspace, table: str, display: str, field: str, allowed: set[str]) -> None:
    bad = ws.rows(f'SELECT _row, "{field}" FROM {table} WHERE "{field}" IS NOT NULL AND lower(trim("{field}")) NOT IN '
                  f"(SELECT unnest(CAST(? AS VARCHAR[]))) ORDER BY _row LIMIT 1", [sorted(allowed)])
    if bad:
        raise InputError(f"'{bad[0][1]}' is not allowed", file=display, row=bad[0][0], field=field,
                         hint=f"use one of: {', '.join(sorted(allowed))}")


def _check_range(ws: Workspace, table: str, display: str, field: str, lo: float, hi: float, what: str) -> None:
    bad = ws.rows(f'SELECT _row, "{field}" FROM {table} WHERE "{field}" IS NOT NULL AND '
                  f'NOT (TRY_CAST("{field}" AS DOUBLE) BETWEEN ? AND ?) ORDER BY _row LIMIT 1', [lo, hi])
    if bad:
        raise InputError(f"'{bad[0][1]}' is out of range", file=display, row=bad[0][0], field=field, hint=what)


def _new_batch(ws: Workspace, dataset: str, path: Path, rows: int, report: ImportReport) -> int | None:
    sha = sha256_of(path)
    earlier = ws.batches_of(dataset)
    if earlier and earlier[-1]["sha256"] == sha:
        report.unchanged.append(dataset)
        return None
    return ws.new_batch(source="user", dataset=dataset, file=str(path), sha256=sha, rows=rows, licence=None,
                        attribution="the ecosystem's own data")


def import_values(ws: Workspace, path: str | Path) -> ImportReport:
    """Import imported/survey values (CSV or Excel); all or nothing."""
    path, t, report = Path(path), "stg_values", ImportReport()
    with ws.transaction():
        _stage(ws, path, "values", t)
        d = str(path)
        cols = _cols(ws, t)
        check_not_empty(ws, t, d, ["ecosystem", "indicator", "year", "unit", "source", "kind", "confidential", "author"])
        _check_ecosystems(ws, t, d)
        _check_indicators(ws, t, d, allowed={"import", "survey"})
        check_numbers(ws, t, d, ["value", "year"] + [c for c in ("units", "largest_share") if c in cols])
        _check_range(ws, t, d, "year", 1900, 2100, "a four-digit year")
        _check_choice(ws, t, d, "kind", {"import", "survey"})
        _check_choice(ws, t, d, "confidential", _YES | _NO)
        if "largest_share" in cols:
            _check_range(ws, t, d, "largest_share", 0, 1, "the largest contributor's share of the cell, between 0 and 1")
        conf = f"lower(trim(confidential)) IN ({', '.join(repr(y) for y in sorted(_YES))})"
        for field in ("units", "largest_share"):
            bad = ws.rows(f"SELECT _row FROM {t} WHERE {conf} AND {_opt(cols, field)} IS NULL ORDER BY _row LIMIT 1")
            if bad:
                raise InputError("a confidential value needs the number of contributing units and the largest "
                                 "contributor's share", file=d, row=bad[0][0], field=field,
                                 hint="fill in units and largest_share, so disclosure control can judge the cell")
        ws.execute(f"CREATE OR REPLACE TEMP TABLE stg_values_k AS SELECT *, coalesce(trim({_opt(cols, 'breakdown')}), '') AS _bd FROM {t}")
        check_unique(ws, "stg_values_k", d, ["ecosystem", "indicator", "_bd", "year"], "value (ecosystem, indicator, breakdown, year)")
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:values:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute("""
            UPDATE indicator_input SET superseded_at = now()::TIMESTAMP, superseded_by = ?
            WHERE superseded_at IS NULL AND (ecosystem_id, indicator, breakdown, year) IN
                  (SELECT (trim(ecosystem), trim(indicator), _bd, CAST(year AS INTEGER)) FROM stg_values_k)""", [batch])
        ws.execute(f"""
            INSERT INTO indicator_input
            SELECT nextval('input_seq'), trim(ecosystem), trim(indicator), _bd, CAST(CAST(year AS DOUBLE) AS INTEGER),
                   CAST(replace(value, ',', '.') AS DOUBLE), trim(unit), {_opt(cols, 'region')}, trim(source),
                   lower(trim(kind)), {conf}, TRY_CAST(CAST({_opt(cols, 'units')} AS DOUBLE) AS INTEGER),
                   TRY_CAST({_opt(cols, 'largest_share')} AS DOUBLE), trim(author), ?, _row, NULL, NULL
            FROM stg_values_k ORDER BY _row""", [batch])
        report.loaded["values"] = n
    return report


def import_qualitative(ws: Workspace, path: str | Path) -> ImportReport:
    """Import qualitative entries with evidence links; all or nothing."""
    path, t, report = Path(path), "stg_qual", ImportReport()
    with ws.transaction():
        _stage(ws, path, "qualitative", t)
        d = str(path)
        check_not_empty(ws, t, d, ["ecosystem", "indicator", "text", "date", "author", "evidence"])
        _check_ecosystems(ws, t, d)
        _check_indicators(ws, t, d, allowed={"qualitative", "survey"})
        check_dates(ws, t, d, ["date"])
        evidence: dict[int, str] = {}
        for row, ev in ws.rows(f"SELECT _row, evidence FROM {t} ORDER BY _row"):
            links = [x.strip() for x in re.split(r"\s*\|\s*", ev) if x.strip()]
            evidence[row] = json.dumps(links)
            for link in links:
                if not _URL.match(link):
                    raise InputError(f"'{link}' is not a link", file=d, row=row, field="evidence",
                                     hint="give evidence as http(s)://, doi: or file: links, separated by '|'")
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
        check_not_empty(ws, t, d, ["ecosystem", "indicator", "target_year", "direction", "author"])
        _check_ecosystems(ws, t, d)
        _check_indicators(ws, t, d)
        check_numbers(ws, t, d, ["target_value", "target_year"] + [c for c in ("baseline_value", "baseline_year") if c in cols])
        _check_range(ws, t, d, "target_year", 1900, 2100, "a four-digit year")
        _check_choice(ws, t, d, "direction", {"higher", "lower"})
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:targets:" + path.name, path, n, report)
        if batch is None:
            return report
        measure = _opt(cols, "measure", "NULL")
        ws.execute(f"""CREATE OR REPLACE TEMP TABLE stg_targets_k AS
                       SELECT *, coalesce(nullif(trim({measure}), ''), CASE WHEN trim(indicator) = '29' THEN 'organisations'
                                 WHEN trim(indicator) = '18' THEN 'collaboration_relations' ELSE 'value' END) AS _measure,
                              coalesce(trim({_opt(cols, 'breakdown')}), '') AS _bd FROM {t}""")
        check_unique(ws, "stg_targets_k", d, ["ecosystem", "indicator", "_measure", "_bd"], "target (ecosystem, indicator, measure, breakdown)")
        ws.execute("""UPDATE target SET superseded_at = now()::TIMESTAMP, superseded_by = ?
                      WHERE superseded_at IS NULL AND (ecosystem_id, indicator, measure, breakdown) IN
                      (SELECT (trim(ecosystem), trim(indicator), _measure, _bd) FROM stg_targets_k)""", [batch])
        ws.execute(f"""
            INSERT INTO target
            SELECT trim(ecosystem), trim(indicator), _measure, _bd, CAST(target_value AS DOUBLE),
                   CAST(CAST(target_year AS DOUBLE) AS INTEGER), TRY_CAST({_opt(cols, 'baseline_value')} AS DOUBLE),
                   TRY_CAST(CAST({_opt(cols, 'baseline_year')} AS DOUBLE) AS INTEGER), lower(trim(direction)),
                   {_opt(cols, 'note')}, trim(author), ?, _row, NULL, NULL
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
        check_not_empty(ws, t, d, ["key", "name_en", "unit", "direction"])
        bad = ws.rows(f"SELECT _row, key FROM {t} WHERE NOT regexp_matches(trim(key), '^[a-z][a-z0-9_]{{1,40}}$') ORDER BY _row LIMIT 1")
        if bad:
            raise InputError(f"'{bad[0][1]}' is not a valid indicator key", file=d, row=bad[0][0], field="key",
                             hint="use lower-case letters, digits and '_', starting with a letter (catalogue numbers are taken)")
        check_unique(ws, t, d, ["key"], "indicator key")
        _check_choice(ws, t, d, "direction", {"higher", "lower"})
        if "availability" in cols:
            _check_choice(ws, t, d, "availability", {"import", "survey", "qualitative"})
        if "ecosystem" in cols:
            bad = ws.rows(f"""SELECT _row, ecosystem FROM {t} WHERE ecosystem IS NOT NULL
                              AND ecosystem NOT IN (SELECT ecosystem_id FROM ecosystem) ORDER BY _row LIMIT 1""")
            if bad:
                raise InputError(f"unknown ecosystem '{bad[0][1]}'", file=d, row=bad[0][0], field="ecosystem",
                                 hint="leave it empty for an indicator of every ecosystem")
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = _new_batch(ws, "inputs:definitions:" + path.name, path, n, report)
        if batch is None:
            return report
        ws.execute(f"DELETE FROM custom_indicator WHERE key IN (SELECT trim(key) FROM {t})")
        ws.execute(f"""
            INSERT INTO custom_indicator
            SELECT trim(key), {_opt(cols, 'ecosystem')}, trim(name_en), coalesce({_opt(cols, 'name_nl')}, trim(name_en)),
                   trim(unit), {_opt(cols, 'category')}, {_opt(cols, 'challenges')}, lower(trim(direction)),
                   coalesce(lower(trim({_opt(cols, 'availability')})), 'import'), ?, _row
            FROM {t}""", [batch])
        report.loaded["indicator definitions"] = n
    return report


def history(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Every value ever imported for an ecosystem, newest first, with who and when (values disclosed)."""
    from innovatlas.disclosure import apply_rule, disclosed_inputs, rule_of

    rows = ws.dicts("""
        SELECT i.ecosystem_id, i.indicator, i.breakdown, i.year, i.value, i.unit, i.source, i.confidential, i.units,
               i.largest_share, i.entered_by, b.imported_at, b.file, i.superseded_at, i.superseded_by
        FROM indicator_input i JOIN import_batch b USING (batch_id) WHERE i.ecosystem_id = ?
        ORDER BY b.imported_at DESC, i.indicator, i.year""", [eco_id])
    current = {(r["indicator"], r["breakdown"], r["year"]): r for r in disclosed_inputs(ws, eco_id)}
    old = [r for r in rows if r["superseded_at"] is not None]
    by_batch: dict[Any, list[dict[str, Any]]] = {}
    for r in old:  # rows imported together were published together: judge them as one table
        by_batch.setdefault(r["file"] + str(r["imported_at"]), []).append(r)
    judged = {id(src): d for group in by_batch.values() for src, d in zip(group, apply_rule(group, rule_of(ws)))}
    out = []
    for r in rows:
        if r["superseded_at"] is None:
            c = current[(r["indicator"], r["breakdown"], r["year"])]
            d = dict(r, value=c["value"], suppressed=c["suppressed"], suppression=c["suppression"])
        else:
            d = judged[id(r)]
        if d["suppressed"]:
            d.update(units=None, largest_share=None)
        out.append(d)
    return out


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
