"""The user's own actors and relations (issue 14, seed 001), as CSV/Excel templates and imports.

Actors: startups, financiers, campus organisations, employees, citizens and any organisation the open
data misses (columns :data:`ACTOR_COLUMNS`; ``actor_type`` is a :class:`~innovatlas.model.actors.ActorType`
value). Relations between actors, PICs (``pic:<n>``) and ROR records (``ror:<id>``): dual appointments,
facility use, membership, spin-off parentage, funding/investment (``relation_type`` is a
:class:`~innovatlas.model.relations.RelationType` value).

Imports are validated set-based and transactional: every problem is reported at once with file, row
(as a spreadsheet shows it: the header is row 1) and field, and nothing is stored. A re-import of the
same kind replaces the earlier one. Each actor is resolved against the registry: a PIC or ROR id given
in the file links it deterministically; otherwise its name (and city) is scored against every
registered organisation's names; the result is a match or a new actor, reviewable like the CORDIS
matches (``innovatlas matches list``, ``accept actor:<id> <org key>``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.report.exports import safe_row
from innovatlas.model.actors import ActorType
from innovatlas.model.registry import UNCERTAIN_SCORE
from innovatlas.model.relations import RelationType
from innovatlas.sources import ImportReport
from innovatlas.store import Workspace
from innovatlas.store.queries import registry as Q
from innovatlas.store.queries import registry_actors as QA

__all__ = ["ACTOR_COLUMNS", "RELATION_COLUMNS", "write_template", "import_actors", "import_relations",
           "resolve_actors", "import_file", "delineate_actors", "ecosystem_actors"]

ACTOR_COLUMNS = ["actor_id", "name", "actor_type", "pic", "ror", "kvk", "city", "postcode", "country", "website", "note",
                 "vat"]
RELATION_COLUMNS = ["source", "target", "relation_type", "start_year", "end_year", "weight", "note"]
_REQUIRED = {"actors": ["actor_id", "name", "actor_type"], "relations": ["source", "target", "relation_type"]}


def write_template(kind: str, path: str | Path) -> Path:
    """An empty actors or relations template (header row) as CSV or Excel."""
    if kind not in _REQUIRED:
        raise InputError(f"unknown template '{kind}'", hint="choose actors or relations")
    header = ACTOR_COLUMNS if kind == "actors" else RELATION_COLUMNS
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        sh = wb.active
        sh.title = kind
        sh.append(safe_row(header))
        help_ = wb.create_sheet("help")
        help_.append(["column", "allowed values"])
        if kind == "actors":
            help_.append(["actor_type", ", ".join(t.value for t in ActorType)])
        else:
            help_.append(["relation_type", ", ".join(t.value for t in RelationType)])
            help_.append(["source / target", "an actor_id from the actors file, pic:<PIC> or ror:<ROR id>"])
        wb.save(path)
    else:
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow(safe_row(header))
    return path


def _stage(ws: Workspace, path: Path, kind: str, table: str) -> str:
    from innovatlas.store.load import CsvSpec, stage_csv, stage_table

    display = str(path)
    if not path.exists():
        raise InputError("no such file", file=display, hint="check the path")
    header = ACTOR_COLUMNS if kind == "actors" else RELATION_COLUMNS
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook
            raise InputError(f"not a readable Excel workbook ({type(exc).__name__})", file=display,
                             hint="save it again as .xlsx, or use the CSV template") from None
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        if not rows:
            raise InputError("the sheet is empty (no header row)", file=display,
                             hint=f"write a fresh template with 'innovatlas actors template {kind} FILE'")
        stage_table(ws, table, rows[0], rows[1:], f"{display} (sheet {sheet.title})", _REQUIRED[kind])
    else:
        spec = CsvSpec(f"innovatlas {kind} template", ",", required=tuple(_REQUIRED[kind]),
                       optional=tuple(c for c in header if c not in _REQUIRED[kind]),
                       hint=f"write a fresh template with 'innovatlas actors template {kind} FILE'")
        stage_csv(ws, path, spec, table, display=display)
    cols = {r[0] for r in ws.rows(QA.staged_columns(table))}
    for c in header:
        if c not in cols:
            ws.execute(QA.add_column(table, c))
    if not ws.scalar(QA.count_rows(table)):
        raise InputError("the file has a header but no data rows", file=display, row=1,
                         hint="fill in at least one row below the header")
    return display


def _checks(ws, table, display):
    from innovatlas.inputs import _Checks

    return _Checks(ws, table, display)


def import_actors(ws: Workspace, path: str | Path) -> ImportReport:
    from innovatlas.registry.ror_records import is_ror_id
    from innovatlas.sources._common import replace_dataset

    path, t, report = Path(path), "stg_actors", ImportReport()
    with ws.transaction():
        display = _stage(ws, path, "actors", t)
        c = _checks(ws, t, display)
        c.not_empty(_REQUIRED["actors"])
        c.choice("actor_type", {a.value for a in ActorType})
        c.where(QA.PIC_NOT_NINE_DIGITS, "pic",
                lambda v: f"'{v}' is not a PIC", "a PIC has nine digits; leave it empty when the actor has none")
        bad_ror = [r for (r,) in ws.rows(QA.ror_values(t))
                   if not is_ror_id(r.rsplit('/', 1)[-1])]
        c.where(QA.ROR_IN_LIST, "ror", lambda v: f"'{v}' is not a ROR id",
                "a ROR id looks like 02e2c7k09 (or https://ror.org/02e2c7k09); leave it empty when unknown", [bad_ror])
        ws.execute(QA.trim_actor_ids(t))
        c.unique(["actor_id"], "actor_id")
        c.done()
        n = ws.scalar(QA.count_rows(t))
        batch = replace_dataset(ws, source="user", dataset="user:actors", path=path, display=display, rows=n,
                                licence="own data", attribution=None)
        if batch is None:
            report.unchanged.append("user:actors")
            return report
        ws.execute(Q.drop_orphans("user_actor"))
        ws.execute(QA.insert_actors(t, batch))
        ws.execute(QA.drop_staged(t))
        counts = resolve_actors(ws)
        report.loaded["user:actors"] = n
        report.notes.append("actors resolved against the registry: " +
                            ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    return report


def import_relations(ws: Workspace, path: str | Path) -> ImportReport:
    from innovatlas.sources._common import replace_dataset

    path, t, report = Path(path), "stg_relations", ImportReport()
    with ws.transaction():
        display = _stage(ws, path, "relations", t)
        c = _checks(ws, t, display)
        c.not_empty(_REQUIRED["relations"])
        c.choice("relation_type", {r.value for r in RelationType} - {"joint_project"})
        c.numbers(["start_year", "end_year", "weight"])
        c.whole("start_year", 1900, 2100, "a four-digit year")
        c.whole("end_year", 1900, 2100, "a four-digit year")
        for col in ("source", "target"):
            c.where(QA.unknown_reference(col), col,
                    lambda v: f"'{v}' is no known actor, PIC or ROR record",
                    "use an actor_id from the imported actors file, pic:<PIC> of a CORDIS organisation or ror:<ROR id>")
        c.where(QA.END_BEFORE_START, "end_year",
                lambda v: f"'{v}' is before start_year", "the end year cannot come before the start year")
        c.done()
        n = ws.scalar(QA.count_rows(t))
        batch = replace_dataset(ws, source="user", dataset="user:relations", path=path, display=display, rows=n,
                                licence="own data", attribution=None)
        if batch is None:
            report.unchanged.append("user:relations")
            return report
        ws.execute(Q.drop_orphans("user_relation"))
        ws.execute(QA.insert_relations(t, batch))
        ws.execute(QA.drop_staged(t))
        report.loaded["user:relations"] = n
    return report


def import_file(ws: Workspace, path: str | Path) -> ImportReport:
    """Actors or relations, told apart by the header (a relations file has 'relation_type')."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            first = next(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True), ())
        except Exception:  # noqa: BLE001 - reported by the import itself
            first = ()
        header = {str(h).strip() for h in first if h}
    elif path.exists():
        from innovatlas.store.load import read_header

        try:
            header = set(read_header(path, ",", display=str(path)))
        except InputError:
            header = set()  # the import itself reports what is wrong with the file
    else:
        raise InputError("no such file", file=str(path), hint="check the path")
    return import_relations(ws, path) if "relation_type" in header else import_actors(ws, path)


def resolve_actors(ws: Workspace) -> dict[str, int]:
    """Match every imported actor to a registered organisation, or leave it a new actor (inside a transaction)."""
    from rapidfuzz import fuzz  # noqa: F401 - the scorer of top_candidates

    from innovatlas.registry.resolve import AMBIGUITY_GAP, apply_decisions, top_candidates

    ws.execute(QA.DELETE_ACTOR_MATCHES)
    if not ws.scalar(Q.COUNT_USER_ACTOR):
        return {}
    # deterministic: a PIC or ROR id given in the file
    ws.execute(QA.MATCH_GIVEN_IDS)
    left = ws.rows(QA.UNMATCHED_ACTOR_KEYS)
    right = ws.rows(QA.REGISTRY_NAME_KEYS)
    lk = sorted({k for _a, k in left if k})
    rk = sorted({k for _o, k in right})
    li, ri, sc = top_candidates(lk, rk, k=3, cutoff=int(UNCERTAIN_SCORE))
    ws.execute(QA.PAIRS_TEMP([lk[i] for i in li.tolist()], [rk[i] for i in ri.tolist()], sc.tolist()))
    ws.execute(QA.ACTOR_KEYS_TEMP([a for a, _k in left], [k for _a, k in left]))
    ws.execute(QA.ORG_KEYS_TEMP([o for o, _k in right], [k for _o, k in right]))
    ws.execute(QA.score_candidates(AMBIGUITY_GAP))
    for tmp in ("_ap", "_al", "_ar"):
        ws.execute(Q.drop_table(tmp))
    apply_decisions(ws)
    out = dict(ws.rows(QA.ACTOR_STATUS_COUNTS))
    out["new actors"] = ws.scalar(QA.COUNT_NEW_ACTORS)
    return out


ACTORS_METHOD = ("Actors by type (#29) including the user's own actors: every member organisation once, typed by "
                 "the user's actor type when one of the user's actors resolved to it (else the type derived from "
                 "CORDIS), plus the user's actors in the ecosystem that are no member (selected by the definition's "
                 "'actors' filters: type, place, relation), by their type.")


def delineate_actors(ws: Workspace) -> dict[str, int]:
    """Put the user's own actors into the analysed ecosystems (``ecosystem_actor``) and count #29 actors by type.

    Runs on the workspace after the members are stored (inside the analysis transaction). See
    :class:`innovatlas.model.ecosystem.ActorSelector` for which actors an ecosystem holds.
    """
    import json

    from innovatlas.indicators.base import provenance
    from innovatlas.model.ecosystem import ActorSelector
    from innovatlas.registry.units import unit_note
    from innovatlas.store.queries import delineation as D

    ws.execute(QA.CLEAR_ECOSYSTEM_ACTORS)
    ws.execute(QA.CLEAR_ACTOR_INDICATORS)
    if not ws.scalar(Q.COUNT_USER_ACTOR):
        return {}
    ecos = []
    for eco_id, definition in ws.rows(D.ECOSYSTEM_DEFINITIONS):
        sel = json.loads(definition).get("select", {}).get("actors")
        ecos.append((eco_id, None if sel is None else ActorSelector.model_validate(sel)))
    ws.execute(QA.ecosystem_actors(ecos))
    ws.execute(QA.ACTORS_BY_TYPE(provenance(ws, ("user:actors", "cordis:%:participations")),
                                 f"{ACTORS_METHOD} {unit_note(ws)}"))
    return dict(ws.rows(QA.ECOSYSTEM_ACTOR_COUNTS))


def ecosystem_actors(ws: Workspace, eco_id: str) -> list[dict]:
    """The user's actors in one ecosystem: id, name, type, the unit (PIC) it resolved to, and why it is in."""
    return ws.dicts(QA.ECOSYSTEM_ACTORS_OF(eco_id))


_NOTE_NL = [("actors resolved against the registry: ", "actoren vergeleken met het register: "),
            ("new actors", "nieuwe actoren"), ("matched", "gekoppeld"), ("uncertain", "onzeker"),
            ("accepted", "geaccepteerd"), ("rejected", "afgewezen")]


def report_lines(report: ImportReport, lang: str = "en") -> list[str]:
    """An actors/relations import report in English or Dutch (numbers per language)."""
    import re

    from innovatlas.report.i18n import t
    from innovatlas.report.labels import number

    if lang != "nl":
        return report.lines()
    out = [t("reg_rows_loaded", lang, dataset=ds, n=number(n, lang)) for ds, n in report.loaded.items()]
    out += [t("reg_unchanged", lang, dataset=ds) for ds in report.unchanged]
    for note in report.notes:
        for en, nl in _NOTE_NL:
            note = note.replace(en, nl)
        out.append(re.sub(r"\d{1,3}(?:,\d{3})+", lambda m: m.group(0).replace(",", "."), note))
    return out
