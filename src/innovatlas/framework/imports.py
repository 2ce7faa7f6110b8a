"""Validated, transactional imports of the framework data (issue 19).

Every problem of every part is found set-based and reported at once with file (and sheet), row as a
spreadsheet shows it (the header is row 1) and field; nothing is stored unless everything is right. A
re-import of a kind replaces the earlier one (dataset ``framework:<kind>``); an identical file is skipped.

Exports of tools users keep
    ``crunchbase``: the funding-rounds CSV export of Crunchbase's web app. Its column names (``Organization
    Name``, ``Funding Type``, ``Money Raised``, ``Money Raised Currency``, ``Announced Date``,
    ``Investor Names``) are those of the export as the code of many of its users reads it; Crunchbase does
    not publish a specification of the export, so :data:`MAPPINGS` can be overridden by a mapping file.
    ``dealroom``: Dealroom's export layout could not be confirmed from its documentation, so a mapping file
    is required (``--mapping``); ``src/innovatlas/framework/mappings/dealroom.example.toml`` is a starting
    point to edit against the header of your own export. A mapping file (TOML)::

        [columns]            # innovatlas field = "column in the export"
        name = "Organization Name"
        date = "Announced Date"
        round = "Funding Type"
        instrument = "Funding Type"
        amount = "Money Raised"
        currency = "Money Raised Currency"
        investors = "Investor Names"
        founding_year = "Founded Date"   # optional: founding_year, city, sector, website
        [instruments]        # round type in the export (any case) = innovatlas instrument code
        "seed" = "seed"
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.framework.templates import PARTS, REQUIRED, VENTURE_TYPES, part_path
from innovatlas.model.vocabulary import (FORMAL_RULES, KNOWLEDGE_INSTITUTIONS, FacilityType, FinanceInstrument, RuleEffect,
                                         RuleType, VentureStage)
from innovatlas.model.actors import ActorType
from innovatlas.sources import ImportReport
from innovatlas.store import Workspace
from innovatlas.store.queries import framework as Q
from innovatlas.store.queries import registry as QR
from innovatlas.store.queries import registry_actors as QA
from innovatlas.store.queries import sources_common as QS

__all__ = ["import_kind", "import_export", "MAPPINGS", "read_mapping"]

_URL = re.compile(r"^(https?://\S+|doi:\S+|file:\S+)$")
_YESNO = sorted({"yes", "y", "true", "1", "ja", "j", "no", "n", "false", "0", "nee"})
_REF_HINT = ("use an actor_id of your actors (innovatlas actors import) or of the startups file, pic:<PIC> of a CORDIS "
             "organisation or ror:<ROR id>")

#: built-in column mappings of exports (see the module docstring for what is confirmed)
MAPPINGS: dict[str, dict] = {
    "crunchbase": {
        "columns": {"name": "Organization Name", "round": "Funding Type", "instrument": "Funding Type",
                    "date": "Announced Date", "amount": "Money Raised", "currency": "Money Raised Currency",
                    "investors": "Investor Names"},
        "instruments": {"pre-seed": "pre_seed", "seed": "seed", "angel": "angel", "venture - series unknown": "vc",
                        "grant": "grant", "debt financing": "loan", "convertible note": "loan",
                        "equity crowdfunding": "crowdfunding", "product crowdfunding": "crowdfunding",
                        "corporate round": "corporate", "non-equity assistance": "grant", "private equity": "vc"},
    },
}
_FIELDS = ("name", "date", "round", "instrument", "amount", "currency", "investors", "founding_year", "city", "sector",
           "website")


def _stage_part(ws: Workspace, path: Path, kind: str, part: str, table: str, first: bool) -> str | None:
    """Stage one part; returns the display name, or None when an optional part is absent."""
    from innovatlas.store.load import CsvSpec, stage_csv, stage_table

    cols = dict(PARTS[kind])[part]
    req = REQUIRED[part]
    hint = f"write a fresh template with 'innovatlas template {kind} FILE'"
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook
            raise InputError(f"not a readable Excel workbook ({type(exc).__name__})", file=str(path),
                             hint="save it again as .xlsx, or use the CSV template") from None
        names = wb.sheetnames
        sheet = wb.worksheets[0] if first else (wb[part] if part in names else None)
        if sheet is None:
            return None
        display = f"{path} (sheet {sheet.title})"
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        rows = rows if rows else [[]]
        if not first and len([r for r in rows[1:] if any(v not in (None, "") for v in r)]) == 0:
            return None  # an optional sheet left empty
        stage_table(ws, table, rows[0], rows[1:], display, req, hint)
    else:
        p = part_path(path, part, PARTS[kind][0][0])
        if not p.exists():
            if first:
                raise InputError("no such file", file=str(p), hint="check the path")
            return None
        display = str(p)
        stage_csv(ws, p, CsvSpec(f"innovatlas {kind} template ({part})", ",", required=tuple(req),
                                 optional=tuple(c for c in cols if c not in req), hint=hint), table, display=display)
    have = {r[0] for r in ws.rows(QS.staged_columns(table))}
    for c in cols:
        if c not in have:
            ws.execute(QS.add_column(table, c))
    return display


def _checks(ws, table, display):
    from innovatlas.inputs import _Checks

    return _Checks(ws, table, display)


def _raise(checks: list) -> None:
    problems = [p for c in checks for p in c.problems]
    if problems:
        ordered = [e for _r, _f, e in sorted(problems, key=lambda p: (p[2].file or "", p[0], p[1]))]
        raise InputError.several(ordered[:50], total=sum(c.total for c in checks))


def _ecosystems(c, col: str = "ecosystems") -> None:
    c.where(Q.unknown_ecosystems(col), col, lambda v: f"'{v}' names an ecosystem that is not analysed",
            "give analysed ecosystem ids separated by ';' (innovatlas ecosystems lists them)")


def _sha(paths: list[Path]) -> str:
    from innovatlas.store.load import sha256_of

    return hashlib.sha256("".join(sha256_of(p) for p in paths).encode()).hexdigest()


def _batch(ws: Workspace, dataset: str, path: Path, display: str, rows: int, sha: str, tables: list[str]) -> int | None:
    from innovatlas.sources._common import replace_dataset

    earlier = ws.batches_of(dataset)
    if earlier and earlier[-1]["sha256"] == sha:
        return None
    for t in tables:
        ws.execute(Q.delete_of_dataset(t, dataset))
    return replace_dataset(ws, source="user", dataset=dataset, path=path, display=display, rows=rows,
                           licence="own data", attribution="the ecosystem's own data", sha=sha)


def _files(path: Path, kind: str) -> list[Path]:
    if path.suffix.lower() == ".xlsx":
        return [path]
    first = PARTS[kind][0][0]
    return [p for p in (part_path(path, part, first) for part, _c in PARTS[kind]) if p.exists()]


# -- facilities ----------------------------------------------------------------------------------------------------
def _facilities(ws: Workspace, path: Path, report: ImportReport) -> None:
    d = _stage_part(ws, path, "facilities", "facilities", "stg_fac", True)
    di = _stage_part(ws, path, "facilities", "investments", "stg_fac_inv", False)
    du = _stage_part(ws, path, "facilities", "use", "stg_fac_use", False)
    c = _checks(ws, "stg_fac", d)
    c.not_empty(REQUIRED["facilities"])
    c.choice("facility_type", {t.value for t in FacilityType})
    _ecosystems(c)
    c.numbers(["lat", "lon", "opening_year", "capacity"])
    c.range("lat", -90, 90, "a latitude in degrees (WGS84), e.g. 51.45")
    c.range("lon", -180, 180, "a longitude in degrees (WGS84), e.g. 5.48")
    c.whole("opening_year", 1800, 2100, "a four-digit year")
    for col in ("owner", "operator"):
        c.where(Q.unknown_ref(col), col, lambda v: f"'{v}' is no known actor, PIC or ROR record", _REF_HINT)
    c.unique(["trim(facility_id)"], "facility_id")
    checks = [c]
    if di:
        ci = _checks(ws, "stg_fac_inv", di)
        ci.not_empty(REQUIRED["investments"])
        ci.where(Q.not_in_staged("facility_id", "stg_fac", "facility_id"), "facility_id",
                 lambda v: f"'{v}' is no facility_id of the facilities sheet", "use a facility_id of the facilities part")
        ci.numbers(["year", "amount"])
        ci.whole("year", 1800, 2100, "a four-digit year")
        ci.range("amount", 0, 1e13, "a non-negative amount in the currency given")
        ci.choice("confidential", set(_YESNO))
        checks.append(ci)
    if du:
        cu = _checks(ws, "stg_fac_use", du)
        cu.not_empty(REQUIRED["use"])
        cu.where(Q.not_in_staged("facility_id", "stg_fac", "facility_id"), "facility_id",
                 lambda v: f"'{v}' is no facility_id of the facilities sheet", "use a facility_id of the facilities part")
        cu.where(Q.unknown_ref("user"), "user", lambda v: f"'{v}' is no known actor, PIC or ROR record", _REF_HINT)
        cu.choice("user_type", {t.value for t in ActorType})
        cu.numbers(["amount", "since_year", "until_year"])
        cu.whole("since_year", 1800, 2100, "a four-digit year")
        cu.whole("until_year", 1800, 2100, "a four-digit year")
        cu.where(Q.before("until_year", "since_year"), "until_year", lambda v: f"'{v}' is before since_year",
                 "the last year of use cannot come before the first")
        checks.append(cu)
    _raise(checks)
    n = ws.scalar(QS.count_staged("stg_fac"))
    batch = _batch(ws, "framework:facilities", path, d, n, _sha(_files(path, "facilities")),
                   ["facility", "facility_investment", "facility_use"])
    if batch is None:
        report.unchanged.append("framework:facilities")
        return
    ws.execute(Q.insert_facilities("stg_fac", batch))
    if di:
        ws.execute(Q.insert_investments("stg_fac_inv", batch))
    if du:
        ws.execute(Q.insert_use("stg_fac_use", batch))
    report.loaded["facilities"] = n
    for t, what in (("stg_fac_inv", "facility investments"), ("stg_fac_use", "facility use relations")):
        if (di if t == "stg_fac_inv" else du):
            report.loaded[what] = ws.scalar(QS.count_staged(t))


# -- startups, scale-ups, spin-offs ---------------------------------------------------------------------------------
def _startup_checks(ws: Workspace, d: str) -> list:
    c = _checks(ws, "stg_st", d)
    c.not_empty(REQUIRED["startups"])
    c.choice("actor_type", set(VENTURE_TYPES))
    _ecosystems(c)
    c.numbers(["founding_year", "spin_off_year"])
    c.whole("founding_year", 1800, 2100, "a four-digit year")
    c.whole("spin_off_year", 1800, 2100, "a four-digit year")
    c.choice("stage", {s.value for s in VentureStage})
    c.where(Q.unknown_ref("parent", "stg_st"), "parent", lambda v: f"'{v}' is no known actor, PIC or ROR record", _REF_HINT)
    c.where(Q.parent_not_knowledge("parent", sorted(KNOWLEDGE_INSTITUTIONS)), "parent",
            lambda v: f"'{v}' is not a knowledge institution",
            "a spin-off's parent is a knowledge institution (university, UMC, UAS, TO2, NWO/KNAW, RKI...); "
            "leave parent empty for a startup that is no spin-off")
    c.where(Q.unknown_ref("ip_holder", "stg_st"), "ip_holder", lambda v: f"'{v}' is no known actor, PIC or ROR record",
            _REF_HINT)
    c.where(Q.IP_WITHOUT_PARENT, "ip_holder",
            lambda v: "ip_holder given without a parent", "a spin-off on a knowledge institution's IP names its parent too")
    c.where(QA.PIC_NOT_NINE_DIGITS, "pic",
            lambda v: f"'{v}' is not a PIC", "a PIC has nine digits; leave it empty when the actor has none")
    c.unique(["trim(actor_id)"], "actor_id")
    return [c]


def _startups(ws: Workspace, path: Path, report: ImportReport, *, dataset: str = "framework:startups",
              staged: str | None = None, sha: str | None = None) -> None:
    from innovatlas.registry.actors import resolve_actors

    d = staged or _stage_part(ws, path, "startups", "startups", "stg_st", True)
    de = None if staged else _stage_part(ws, path, "startups", "employees", "stg_st_emp", False)
    checks = _startup_checks(ws, d)
    if de:
        ce = _checks(ws, "stg_st_emp", de)
        ce.not_empty(REQUIRED["employees"])
        ce.where(Q.not_in_staged("actor_id", "stg_st", "actor_id"), "actor_id",
                 lambda v: f"'{v}' is no actor_id of the startups sheet", "use an actor_id of the startups part")
        ce.numbers(["year", "employees"])
        ce.whole("year", 1800, 2100, "a four-digit year")
        ce.range("employees", 0, 1e7, "a non-negative number of employees (FTE or persons, as you count them)")
        ce.choice("confidential", set(_YESNO))
        ce.unique(["trim(actor_id)", "trim(year)"], "employees of this actor and year")
        checks.append(ce)
    _raise(checks)
    n = ws.scalar(QS.count_staged("stg_st"))
    batch = _batch(ws, dataset, path, d, n, sha or _sha(_files(path, "startups")), ["venture", "venture_employees"])
    if batch is None:
        report.unchanged.append(dataset)
        return
    for t in ("user_actor", "user_relation"):
        ws.execute(QR.drop_orphans(t))
    ws.execute(Q.insert_new_actors("stg_st", batch))
    ws.execute(Q.insert_ventures("stg_st", batch))
    ws.execute(Q.insert_spin_off_relations("stg_st", batch))
    if de:
        ws.execute(Q.insert_employees("stg_st_emp", batch))
        report.loaded["employee counts"] = ws.scalar(QS.count_staged("stg_st_emp"))
    report.loaded["startups"] = n
    counts = resolve_actors(ws)
    report.notes.append("actors resolved against the registry: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))


# -- finance ---------------------------------------------------------------------------------------------------------
def _finance_checks(ws: Workspace, d: str, also: str | None = None, fields: dict[str, str] | None = None) -> list:
    c = _checks(ws, "stg_fin", d)
    c.not_empty(REQUIRED["finance"])
    c.where(Q.not_a_venture("actor_id", also), "actor_id", lambda v: f"'{v}' is no firm of the startups file",
            "import the startups first (innovatlas import startups FILE) and use their actor_id")
    c.where(Q.not_a_date("date"), "date", lambda v: f"'{v}' is not a date (YYYY-MM-DD)", "write dates as YYYY-MM-DD")
    c.numbers(["amount"])
    c.range("amount", 0, 1e13, "a non-negative amount in the currency given")
    c.where(Q.amount_without_currency(), "currency", lambda v: "an amount needs its currency",
            "give the ISO currency code, e.g. EUR")
    c.choice("instrument", {i.value for i in FinanceInstrument})
    c.choice("confidential", set(_YESNO))
    if fields:  # an export: name the export's own columns
        for *_x, e in c.problems:
            if e.field in fields:
                e.problem = f"{e.problem} (column '{fields[e.field]}')"
                e.field = fields[e.field]
                e.errors = [e]
                e.args = (e.render(),)
    return [c]


def _finance(ws: Workspace, path: Path, report: ImportReport) -> None:
    d = _stage_part(ws, path, "finance", "finance", "stg_fin", True)
    _raise(_finance_checks(ws, d))
    n = ws.scalar(QS.count_staged("stg_fin"))
    batch = _batch(ws, "framework:finance", path, d, n, _sha([path]), ["financing_event"])
    if batch is None:
        report.unchanged.append("framework:finance")
        return
    ws.execute(Q.insert_finance("stg_fin", batch))
    report.loaded["financing events"] = n


# -- rules -------------------------------------------------------------------------------------------------------------
def _rules(ws: Workspace, path: Path, report: ImportReport) -> None:
    d = _stage_part(ws, path, "rules", "rules", "stg_rules", True)
    c = _checks(ws, "stg_rules", d)
    c.not_empty(REQUIRED["rules"])
    _ecosystems(c)
    c.choice("rule_type", {r.value for r in RuleType})
    c.choice("effect", {e.value for e in RuleEffect})
    c.choice("status", {"open", "addressed"})
    c.where(Q.not_a_date("date"), "date", lambda v: f"'{v}' is not a date (YYYY-MM-DD)", "write dates as YYYY-MM-DD")
    c.where(Q.NOT_CHALLENGES, "challenges", lambda v: f"'{v}' is not a list of challenges",
            "name challenges 1-10 separated by ';', e.g. 10;2")
    rows, evidence = [], []
    from innovatlas.store.queries import inputs as QI

    for row, ev in ws.rows(QI.staged_evidence("stg_rules")):
        links = [x.strip() for x in re.split(r"\s*\|\s*", ev) if x.strip()]
        rows.append(row)
        evidence.append(json.dumps(links))
        for link in links:
            if not _URL.match(link):
                c.add(row, "evidence", f"'{link}' is not a link", "give evidence as http(s)://, doi: or file: links, separated by '|'")
    _raise([c])
    n = ws.scalar(QS.count_staged("stg_rules"))
    batch = _batch(ws, "framework:rules", path, d, n, _sha([path]), ["rule_entry"])
    if batch is None:
        report.unchanged.append("framework:rules")
        return
    ws.execute(Q.insert_rules("stg_rules", rows, evidence, sorted(r.value for r in FORMAL_RULES), batch))
    report.loaded["rule entries"] = n


_IMPORTERS = {"facilities": _facilities, "startups": _startups, "finance": _finance, "rules": _rules}


def import_kind(ws: Workspace, kind: str, path: str | Path) -> ImportReport:
    """Import one template of ``kind`` (facilities, startups, finance, rules); all or nothing."""
    if kind not in _IMPORTERS:
        raise InputError(f"unknown kind '{kind}'", hint=f"choose one of: {', '.join(_IMPORTERS)}")
    path, report = Path(path), ImportReport()
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path")
    with ws.transaction():
        _IMPORTERS[kind](ws, path, report)
    return report


def read_mapping(path: str | Path) -> dict:
    """A column-mapping file (TOML, see the module docstring), checked."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", file=str(path), hint="check the path of the mapping file") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not a valid TOML file ({exc})", file=str(path), hint="see the mapping example in the docs") from None
    cols = data.get("columns")
    if not isinstance(cols, dict):
        raise InputError("the mapping has no [columns] table", file=str(path), field="columns",
                         hint="write [columns] with name = \"<export column>\", date = ..., instrument = ...")
    for f in ("name", "date", "instrument"):
        if f not in cols:
            raise InputError(f"the mapping names no column for '{f}'", file=str(path), field=f"columns.{f}",
                             hint=f"add {f} = \"<the export's column>\" under [columns]")
    unknown = sorted(set(cols) - set(_FIELDS))
    if unknown:
        raise InputError(f"unknown field(s) {', '.join(unknown)} in [columns]", file=str(path), field=f"columns.{unknown[0]}",
                         hint=f"use: {', '.join(_FIELDS)}")
    inst = {str(k).lower(): str(v) for k, v in (data.get("instruments") or {}).items()}
    bad = sorted(v for v in inst.values() if v not in {i.value for i in FinanceInstrument})
    if bad:
        raise InputError(f"unknown instrument code(s) {', '.join(bad)} in [instruments]", file=str(path), field="instruments",
                         hint="use the codes of docs/vocabulary.md (instrument)")
    return {"columns": {k: str(v) for k, v in cols.items()}, "instruments": inst}


def import_export(ws: Workspace, source: str, path: str | Path, ecosystem: str, mapping: str | Path | None = None) -> ImportReport:
    """A Crunchbase or Dealroom CSV export: its companies become startups of ``ecosystem``, its rounds financing events."""
    from innovatlas.store.load import CsvSpec, stage_csv

    path, report = Path(path), ImportReport()
    if source not in ("crunchbase", "dealroom"):
        raise InputError(f"unknown export '{source}'", hint="choose crunchbase or dealroom")
    if mapping is not None:
        m = read_mapping(mapping)
    elif source in MAPPINGS:
        m = MAPPINGS[source]
    else:
        raise InputError(f"the {source} export layout could not be confirmed: give a column mapping with --mapping FILE",
                         file=str(path), hint="start from src/innovatlas/framework/mappings/dealroom.example.toml and "
                                              "match it to the header of your export")
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path")
    cols = m["columns"]
    with ws.transaction():
        from innovatlas.store.queries import inputs as QI

        if not ws.scalar(QI.ECOSYSTEM_EXISTS(ecosystem)):
            from innovatlas.errors import UnknownEcosystem

            raise UnknownEcosystem(ecosystem, [r[0] for r in ws.rows(QI.ECOSYSTEM_IDS)])
        display = str(path)
        stage_csv(ws, path, CsvSpec(f"{source} export", ",", required=tuple(dict.fromkeys(cols.values())),
                                    hint=f"check the mapping against the header of the {source} export"),
                  "stg_export", display=display)
        ws.execute(Q.export_to_finance("stg_export", cols, source))
        inst = m["instruments"]
        ws.execute(Q.map_instruments("stg_fin", list(inst), list(inst.values())))
        ws.execute(Q.founding_years("stg_fin"))
        ws.execute(Q.export_actors("stg_fin", source))
        fields = {"actor_id": cols["name"], "date": cols["date"], "amount": cols.get("amount", "amount"),
                  "currency": cols.get("currency", "currency"), "instrument": cols["instrument"], "name": cols["name"]}
        checks = _finance_checks(ws, display, also="stg_st", fields=fields)
        _raise(checks)
        sha = _sha([path]) + ecosystem
        ws.execute(Q.SET_STAGED_ECOSYSTEM(ecosystem))
        _startups(ws, path, report, dataset=f"framework:startups:{source}:{path.name}", staged=display, sha=sha)
        n = ws.scalar(QS.count_staged("stg_fin"))
        batch = _batch(ws, f"framework:finance:{source}:{path.name}", path, display, n, sha, ["financing_event"])
        if batch is None:
            report.unchanged.append(f"{source} financing events")
            return report
        ws.execute(Q.insert_finance("stg_fin", batch))
        report.loaded[f"{source} financing events"] = n
    return report

