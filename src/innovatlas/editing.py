"""Editing in the browser (issue 12): one indicator value, qualitative entry or target at a time.

A form's record is staged into the very table a file import stages into and checked by the very
same functions (:func:`innovatlas.inputs.validate_values`, ``validate_qualitative``,
``validate_targets``), then written by the same writers, inside one transaction, as a batch of
its own (source ``web``). Every edit is logged in ``edit_log`` (who, when, the row it replaced
and the one it wrote, both as values); :func:`undo` supersedes the written row and restores a copy
of the replaced one, through the same transaction, and logs that too.

Optimistic concurrency: a form carries the *stamp* of the row it was rendered from (the value's
``input_id``, the entry's ``entry_id``, the target's ``batch_id``; empty for a new one). A save
whose stamp is no longer the current row raises :class:`Conflict` with both values, so nothing
is overwritten unseen; two saves racing past that check collide in DuckDB's optimistic
transactions (the second update of the same row fails) and get the same :class:`Conflict`.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

import duckdb

from innovatlas.errors import InnovatlasError, InputError
from innovatlas.inputs import (QUALITATIVE_COLUMNS, TARGET_COLUMNS, VALUE_COLUMNS, _REQUIRED, validate_qualitative,
                               validate_targets, validate_values, write_qualitative, write_targets, write_values)
from innovatlas.store import Workspace
from innovatlas.store.load import stage_table
from innovatlas.store.queries import accounts as Q

__all__ = ["Conflict", "FormErrors", "save_value", "save_qualitative", "save_target", "undo", "edits_of",
           "current_values", "current_qualitative", "current_targets"]

FORM = "form"


class Conflict(InnovatlasError):
    """Someone saved the same item since the form was rendered."""

    status = 409

    def __init__(self, now: Any, mine: Any, item: dict):
        self.now, self.mine, self.item = now, mine, item
        super().__init__(f"conflict: stored now {now}, yours {mine}")


#: the file imports' problems and hints in Dutch (regular expressions over the English text), for the forms
DUTCH = [
    (r"this required field is empty", "dit verplichte veld is leeg"),
    (r"fill it in, or remove the row", "vul het in"),
    (r"'(.*?)' is not a number", r"'\1' is geen getal"),
    (r"use digits, with ',' or '\.' as decimal separator \(12,5 or 12\.5\), or leave the field empty",
     "gebruik cijfers, met ',' of '.' als decimaalteken (12,5 of 12.5), of laat het veld leeg"),
    (r"'(.*?)' is not a four-digit year", r"'\1' is geen jaartal van vier cijfers"),
    (r"write a four-digit year", "schrijf een jaartal van vier cijfers"),
    (r"'(.*?)' is not a whole number of contributing units \(units are counted, e\.g\. firms\)",
     r"'\1' is geen geheel aantal bijdragende eenheden (eenheden worden geteld, bijv. bedrijven)"),
    (r"write a whole number of contributing units \(units are counted, e\.g\. firms\)",
     "schrijf een geheel aantal bijdragende eenheden"),
    (r"'(.*?)' is out of range", r"'\1' valt buiten het bereik"),
    (r"the (largest|two largest|three largest) contributors?'s? share of the cell, between 0 and 1",
     "het aandeel in de cel, tussen 0 en 1"),
    (r"'(.*?)' is not allowed", r"'\1' is niet toegestaan"),
    (r"use one of: ", "gebruik een van: "),
    (r"'(.*?)' is not a date \(YYYY-MM-DD\)", r"'\1' is geen datum (JJJJ-MM-DD)"),
    (r"write dates as YYYY-MM-DD", "schrijf datums als JJJJ-MM-DD"),
    (r"'(.*?)' is not a link", r"'\1' is geen link"),
    (r"give evidence as http\(s\)://, doi: or file: links, separated by '\|'",
     "geef de onderbouwing als http(s)://-, doi:- of file:-links, gescheiden door '|'"),
    (r"unknown indicator '(.*?)'", r"onbekende indicator '\1'"),
    (r"indicator (\S+) is '(\w+)', not one of ([\w, ]+)", r"indicator \1 is '\2', niet een van \3"),
    (r"a confidential value needs the number of contributing units and the largest contributor's share",
     "een vertrouwelijke waarde heeft het aantal bijdragende eenheden en het aandeel van de grootste bijdrager nodig"),
    (r"fill in units and largest_share, so disclosure control can judge the cell",
     "vul units en largest_share in, zodat de onthullingscontrole de cel kan beoordelen"),
]


def dutch(text: str) -> str:
    import re

    for pattern, repl in DUTCH:
        text = re.sub(pattern, repl, text)
    return text


class FormErrors(InnovatlasError):
    """The import's validation failed: ``fields`` maps each field to its problem and what to do
    (``fields_nl``: the same in Dutch, where the import's wording has a translation)."""

    status = 422

    def __init__(self, exc: InputError):
        self.fields: dict[str, str] = {}
        for e in exc.errors:
            key = e.field or "_form"
            text = e.problem + (f" ({e.hint})" if e.hint else "")
            self.fields[key] = self.fields[key] + "; " + text if key in self.fields else text
        self.fields_nl = {k: dutch(v) for k, v in self.fields.items()}
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.fields.items()))


def _jsonable(d: dict | None) -> str | None:
    if d is None:
        return None
    return json.dumps({k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in d.items()
                       if k not in ("superseded_at",)}, default=str)


def _stage(ws: Workspace, table: str, columns: list[str], record: dict[str, Any], kind: str) -> None:
    stage_table(ws, table, columns, [[record.get(c) for c in columns]], FORM, _REQUIRED[kind])


def _validated(fn, *args):
    try:
        return fn(*args)
    except InputError as exc:
        raise FormErrors(exc) from None


def _batch(ws: Workspace, kind: str, eco: str, user: str) -> int:
    return int(ws.scalar(Q.WEB_BATCH(f"web:{kind}:{eco}:{user}", uuid.uuid4().hex)))


def _log(ws: Workspace, user: str, eco: str, kind: str, item: dict, old_ref, new_ref, old: dict | None,
         new: dict | None, batch: int, undo_of: int | None = None) -> int:
    return int(ws.scalar(Q.EDIT_INSERT(user, eco, kind, json.dumps(item), None if old_ref is None else str(old_ref),
                                       None if new_ref is None else str(new_ref), _jsonable(old), _jsonable(new),
                                       batch, undo_of)))


def _tx(ws: Workspace, fn):
    """Run ``fn`` in one transaction; DuckDB's write-write conflict of a racing save becomes a :class:`Conflict`."""
    try:
        with ws.transaction():
            return fn()
    except duckdb.TransactionException as exc:
        raise Conflict("(changed by someone else at the same moment)", "(not saved)", {"detail": str(exc)}) from None


def _clean(form: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    return {c: (str(form.get(c)).strip() if form.get(c) not in (None, "") else None) for c in columns}


# -- values ---------------------------------------------------------------------------------------------------------
def save_value(ws: Workspace, user: str, eco: str, form: dict[str, Any], stamp: str = "") -> dict[str, Any]:
    """Save one indicator value from the form (validated as a file row would be)."""
    rec = _clean(form, VALUE_COLUMNS)
    rec.update(ecosystem=eco, author=user, kind=rec.get("kind") or "import", confidential=rec.get("confidential") or "no")

    def run():
        _stage(ws, "stg_values", VALUE_COLUMNS, rec, "values")
        cols = _validated(validate_values, ws, "stg_values", FORM)
        key = ws.dicts(Q.STAGED_VALUE_KEY)[0]
        item = {"indicator": key["indicator"], "breakdown": key["breakdown"], "year": key["year"]}
        cur = ws.dicts(Q.VALUE_CURRENT(eco, key["indicator"], key["breakdown"], key["year"]))
        cur = cur[0] if cur else None
        if str(cur["input_id"] if cur else "") != (stamp or ""):
            raise Conflict(cur["value"] if cur else "(nothing)", key["value"], item)
        batch = _batch(ws, "values", eco, user)
        write_values(ws, cols, batch)
        new_id = ws.scalar(Q.VALUE_OF_BATCH(batch))
        new = ws.dicts(Q.VALUE_BY_ID(new_id))[0]
        edit = _log(ws, user, eco, "value", item, cur["input_id"] if cur else None, new_id, cur, new, batch)
        return {"edit_id": edit, "stamp": str(new_id), "item": item}

    return _tx(ws, run)


# -- qualitative entries --------------------------------------------------------------------------------------------
def save_qualitative(ws: Workspace, user: str, eco: str, form: dict[str, Any], stamp: str = "") -> dict[str, Any]:
    """Save one qualitative entry: new (empty stamp) or a new version of the entry ``stamp``."""
    rec = _clean(form, QUALITATIVE_COLUMNS)
    rec.update(ecosystem=eco, author=rec.get("author") or user)

    def run():
        _stage(ws, "stg_qual", QUALITATIVE_COLUMNS, rec, "qualitative")
        evidence = _validated(validate_qualitative, ws, "stg_qual", FORM)
        old = None
        if stamp:
            rows = ws.dicts(Q.QUAL_BY_ID(int(stamp))) if stamp.isdigit() else []
            if not rows or rows[0]["ecosystem_id"] != eco:
                raise FormErrors(InputError("no such entry", field="_form", hint="reload the page"))
            if rows[0]["superseded_at"] is not None:
                raise Conflict("(a newer version of this entry)", rec["text"], {"entry": stamp})
            old = rows[0]
        same_key = [r for r in ws.dicts(Q.QUAL_CURRENT_OF(eco)) if r["indicator"] == rec["indicator"]
                    and r["author"] == rec["author"] and r["entry_date"].isoformat() == (rec["date"] or "")[:10]]
        if same_key and (old is None or same_key[0]["entry_id"] != old["entry_id"]):
            raise Conflict(same_key[0]["text"], rec["text"], {"indicator": rec["indicator"], "date": rec["date"]})
        batch = _batch(ws, "qualitative", eco, user)
        if old:
            ws.execute(Q.SUPERSEDE_QUAL_ID(batch, old["entry_id"]))
        write_qualitative(ws, "stg_qual", evidence, batch)
        new_id = ws.scalar(Q.QUAL_OF_BATCH(batch))
        new = ws.dicts(Q.QUAL_BY_ID(new_id))[0]
        item = {"indicator": rec["indicator"], "author": rec["author"], "date": rec["date"][:10]}
        edit = _log(ws, user, eco, "qualitative", item, old["entry_id"] if old else None, new_id, old, new, batch)
        return {"edit_id": edit, "stamp": str(new_id), "item": item}

    return _tx(ws, run)


# -- targets --------------------------------------------------------------------------------------------------------
def save_target(ws: Workspace, user: str, eco: str, form: dict[str, Any], stamp: str = "") -> dict[str, Any]:
    rec = _clean(form, TARGET_COLUMNS)
    rec.update(ecosystem=eco, author=user, direction=rec.get("direction") or "higher")

    def run():
        _stage(ws, "stg_targets", TARGET_COLUMNS, rec, "targets")
        _validated(validate_targets, ws, "stg_targets", FORM)
        key = ws.dicts(Q.STAGED_TARGET_KEY)[0]
        item = {"indicator": key["indicator"], "measure": key["measure"], "breakdown": key["breakdown"]}
        cur = ws.dicts(Q.TARGET_CURRENT(eco, key["indicator"], key["measure"], key["breakdown"]))
        cur = cur[0] if cur else None
        if str(cur["batch_id"] if cur else "") != (stamp or ""):
            raise Conflict(cur["target_value"] if cur else "(nothing)", key["target_value"], item)
        batch = _batch(ws, "targets", eco, user)
        write_targets(ws, batch)
        new = ws.dicts(Q.TARGET_OF_BATCH(eco, key["indicator"], key["measure"], key["breakdown"], batch))[0]
        edit = _log(ws, user, eco, "target", item, cur["batch_id"] if cur else None, batch, cur, new, batch)
        return {"edit_id": edit, "stamp": str(batch), "item": item}

    return _tx(ws, run)


# -- undo -----------------------------------------------------------------------------------------------------------
def _current_ref(ws: Workspace, eco: str, kind: str, item: dict, ref: str | None) -> str | None:
    if kind == "value":
        cur = ws.rows(Q.VALUE_CURRENT(eco, item["indicator"], item["breakdown"], item["year"]))
        return str(cur[0][0]) if cur else None
    if kind == "target":
        cur = ws.rows(Q.TARGET_CURRENT(eco, item["indicator"], item["measure"], item["breakdown"]))
        return str(cur[0][0]) if cur else None
    if ref is None:
        return None
    row = ws.dicts(Q.QUAL_BY_ID(int(ref)))
    return ref if row and row[0]["superseded_at"] is None else None


def undo(ws: Workspace, user: str, edit_id: int) -> dict[str, Any]:
    """Undo one edit: the row it wrote is superseded and a copy of the row it replaced becomes current."""

    def run():
        rows = ws.dicts(Q.EDIT_GET(edit_id))
        if not rows:
            raise FormErrors(InputError("no such edit", field="_form", hint="reload the history"))
        e = rows[0]
        eco, item = e["ecosystem_id"], json.loads(e["item"])
        kind = e["kind"] if e["kind"] != "undo" else item.get("kind", "value")
        if e["undone_by"] is not None:
            raise Conflict("(undone already, by edit %s)" % e["undone_by"], "(undo)", item)
        if kind == "definition":  # saved again with the old text: the analysis runs again
            from innovatlas.community import _toml
            from innovatlas.definitions_edit import save_definition, stamp_of

            if stamp_of(ws, eco) != e["new_ref"]:
                raise Conflict("(changed again since this edit)", "(undo)", item)
            done = save_definition(ws, user, eco, _toml(json.loads(e["old_value"])), e["new_ref"])
            ws.execute(Q.EDIT_MARK_UNDONE(done["edit_id"], edit_id))
            return {"edit_id": done["edit_id"], "ecosystem": eco, "restored": None}
        if _current_ref(ws, eco, kind, item, e["new_ref"]) != e["new_ref"]:
            raise Conflict("(changed again since this edit)", "(undo)", item)
        batch = _batch(ws, kind, eco, user)
        restored = None
        if kind == "value":
            if e["new_ref"]:
                ws.execute(Q.SUPERSEDE_VALUE_ID(batch, int(e["new_ref"])))
            if e["old_ref"]:
                restored = ws.scalar(Q.RESTORE_VALUE(batch, int(e["old_ref"])))
        elif kind == "qualitative":
            if e["new_ref"]:
                ws.execute(Q.SUPERSEDE_QUAL_ID(batch, int(e["new_ref"])))
            if e["old_ref"]:
                restored = ws.scalar(Q.RESTORE_QUAL(batch, int(e["old_ref"])))
        else:
            args = (eco, item["indicator"], item["measure"], item["breakdown"])
            ws.execute(Q.SUPERSEDE_TARGET_KEY(batch, *args))
            if e["old_ref"]:
                ws.execute(Q.RESTORE_TARGET(batch, *args, int(e["old_ref"])))
                restored = batch
        old = json.loads(e["new_value"]) if e["new_value"] else None
        new = json.loads(e["old_value"]) if e["old_value"] else None
        new_edit = _log(ws, user, eco, "undo", dict(item, kind=kind), e["new_ref"], restored, old, new, batch,
                        undo_of=edit_id)
        ws.execute(Q.EDIT_MARK_UNDONE(new_edit, edit_id))
        return {"edit_id": new_edit, "ecosystem": eco, "restored": restored}

    return _tx(ws, run)


def edit_ecosystem(ws: Workspace, edit_id: int) -> str | None:
    """The ecosystem an edit belongs to (for authorisation), or None."""
    rows = ws.dicts(Q.EDIT_GET(edit_id))
    return rows[0]["ecosystem_id"] if rows else None


def edits_of(ws: Workspace, eco: str) -> list[dict[str, Any]]:
    out = ws.dicts(Q.EDITS_OF(eco))
    for r in out:
        for k in ("item", "old_value", "new_value"):
            r[k] = json.loads(r[k]) if r[k] else None
    return out


def current_values(ws: Workspace, eco: str) -> list[dict[str, Any]]:
    """The ecosystem's raw current inputs: for its editors only (see :mod:`innovatlas.accounts`)."""
    return ws.dicts(Q.VALUES_CURRENT_OF(eco))


def current_qualitative(ws: Workspace, eco: str) -> list[dict[str, Any]]:
    rows = ws.dicts(Q.QUAL_CURRENT_OF(eco))
    for r in rows:
        r["evidence"] = " | ".join(json.loads(r["evidence"]))
        r["entry_date"] = r["entry_date"].isoformat()
    return rows


def current_targets(ws: Workspace, eco: str) -> list[dict[str, Any]]:
    return ws.dicts(Q.TARGETS_CURRENT_OF(eco))
