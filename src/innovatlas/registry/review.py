"""Reviewing matches: list, accept, reject, export to CSV/Excel and import a reviewed file.

Decisions go to ``match_decision`` (never touched by imports or re-runs); every run of the
matcher applies the latest decision per pair, so they survive re-imports. Importing a
reviewed file is transactional: a bad row raises :class:`InputError` (file, row as the
spreadsheet shows it, field) and stores nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.report.exports import safe_row
from innovatlas.store import Workspace
from innovatlas.store.queries import registry as Q

__all__ = ["list_matches", "decide", "export_matches", "import_decisions", "COLUMNS"]

COLUMNS = ["left_scheme", "left_id", "left_name", "right_scheme", "right_id", "right_name", "score", "method",
           "status", "evidence", "decision", "note"]


def list_matches(ws: Workspace, *, uncertain: bool = False, limit: int | None = None) -> list[dict]:
    return ws.dicts(Q.list_matches(uncertain, limit))


def _check_pair(ws: Workspace, left_id: str, right_id: str, *, file=None, row=None) -> tuple[str, str, str, str]:
    """(left scheme, left id, right scheme, right id): a PIC and a ROR id, or ``actor:<id>`` and a registry key."""
    left, right = str(left_id).strip(), str(right_id).strip()
    if left.lower().startswith("actor:"):
        actor = left.split(":", 1)[1].strip()
        if not ws.scalar(Q.ACTOR_EXISTS(actor)):
            raise InputError(f"actor '{actor}' is not in this workspace", file=file, row=row, field="left_id",
                             hint="import your actors first: 'innovatlas actors import FILE'")
        if not ws.scalar(Q.ORG_EXISTS(right)):
            raise InputError(f"'{right}' is not a registered organisation", file=file, row=row, field="right_id",
                             hint="use a registry key such as ror:02e2c7k09 or pic:999977366")
        return "actor", actor, "registry", right
    right = right.rsplit("/", 1)[-1]
    if not left.isdigit():
        raise InputError(f"'{left}' is not a PIC", file=file, row=row, field="left_id",
                         hint="a PIC is a 9-digit number; for your own actors write actor:<actor_id>")
    if not ws.scalar(Q.ROR_EXISTS(right)):
        raise InputError(f"ROR id '{right}' is not in this workspace", file=file, row=row, field="right_id",
                         hint="import the ROR records first ('innovatlas import ror FILE') or correct the id")
    return "pic", left, "ror", right


def decide(ws: Workspace, left_id: str, right_id: str, decision: str, *, by: str | None = None,
           note: str | None = None) -> dict:
    """Record one decision (accept | reject) and re-apply the registry."""
    if decision not in ("accept", "reject"):
        raise InputError(f"unknown decision '{decision}'", hint="use accept or reject")
    ls, left_id, rs, right_id = _check_pair(ws, left_id, right_id)
    with ws.transaction():
        ws.execute(Q.INSERT_DECISION(ls, left_id, rs, right_id, decision, by, note))
        from innovatlas.registry import build_registry

        build_registry(ws)
    return {"left_id": left_id, "right_id": right_id, "decision": decision}


def export_matches(ws: Workspace, path: Path, *, uncertain: bool = False) -> int:
    rows = list_matches(ws, uncertain=uncertain)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        sh = wb.active
        sh.title = "matches"
        sh.append(COLUMNS)
        for r in rows:  # organisation names come from imported files: no formulas (issue 13)
            sh.append(safe_row(r.get(c, "") if c not in ("decision", "note") else "" for c in COLUMNS))
        wb.save(path)
    else:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS)
            for r in rows:
                w.writerow(safe_row(r.get(c, "") if c not in ("decision", "note") else "" for c in COLUMNS))
    return len(rows)


def _read_rows(path: Path) -> list[dict]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sh = load_workbook(path, read_only=True, data_only=True).active
        it = sh.iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(it, [])]
        return [dict(zip(header, ["" if v is None else str(v) for v in row])) for row in it]
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def import_decisions(ws: Workspace, path: Path, *, by: str | None = None) -> dict:
    """Read a reviewed export: rows with decision accept/reject are stored; blank decisions are skipped."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", file=str(path))
    rows = _read_rows(path)
    if rows and not {"left_id", "right_id", "decision"} <= set(rows[0]):
        missing = sorted({"left_id", "right_id", "decision"} - set(rows[0]))
        raise InputError(f"missing column '{missing[0]}'", file=str(path), row=1, field=missing[0],
                         hint="export the matches with 'innovatlas matches export FILE' and fill in the decision column")
    todo = []
    for i, r in enumerate(rows, start=2):   # row 1 is the header, as a spreadsheet shows it
        d = (r.get("decision") or "").strip().lower()
        if not d:
            continue
        if d not in ("accept", "reject"):
            raise InputError(f"unknown decision '{r.get('decision')}'", file=str(path), row=i, field="decision",
                             hint="write accept or reject, or leave it empty")
        left = r.get("left_id") or ""
        if (r.get("left_scheme") or "").strip() == "actor" and not left.lower().startswith("actor:"):
            left = "actor:" + left
        pair = _check_pair(ws, left, r.get("right_id") or "", file=str(path), row=i)
        todo.append((*pair, d, r.get("note") or None, i))
    with ws.transaction():
        for ls, left, rs, right, d, note, i in todo:
            ws.execute(Q.INSERT_FILED_DECISION(ls, left, rs, right, d, by, note, str(path), i))
        from innovatlas.registry import build_registry

        build_registry(ws)
    return {"decisions": len(todo), "accepted": sum(1 for t in todo if t[4] == "accept"),
            "rejected": sum(1 for t in todo if t[4] == "reject")}
