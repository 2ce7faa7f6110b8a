"""Editing an ecosystem definition in the browser (issue 12): the filters as in the TOML format, a preview of
the members before saving, and a save that re-runs the analysis over the workspace's definitions.

The text is parsed and validated by the same code as ``innovatlas analyse --ecosystems FILE``
(:func:`innovatlas.model.ecosystem.parse_definitions`, against the workspace's other definitions so a
parent must exist); the preview runs the delineation's own statement (:func:`innovatlas.store.queries.
delineation.scope_union`) into a temporary table and counts members, projects, who would enter and who
would leave. Saving replaces the definition in the workspace's set and runs :func:`innovatlas.analysis.analyse`
(all or nothing), logged in the edit history with the old and new text (undo saves the old text again).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from typing import Any

from innovatlas.analysis import _require
from innovatlas.errors import InnovatlasError, InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import accounts as Q

__all__ = ["definition_toml", "stamp_of", "parse_one", "preview", "save_definition"]


def _current(ws: Workspace, eco: str) -> dict[str, Any]:
    _require(ws, eco)
    return json.loads(ws.dicts(Q.ECOSYSTEM_DEFINITION(eco))[0]["definition"])


def definition_toml(ws: Workspace, eco: str) -> str:
    from innovatlas.community import _toml

    return _toml(_current(ws, eco))


def stamp_of(ws: Workspace, eco: str) -> str:
    return hashlib.sha256(json.dumps(_current(ws, eco), sort_keys=True).encode()).hexdigest()[:16]


def _workspace_set(ws: Workspace):
    from innovatlas.model.ecosystem import EcosystemSet

    return EcosystemSet(ecosystems=[json.loads(r[0]) for r in ws.rows(Q.DEFINITIONS_IN_ORDER)])


def parse_one(ws: Workspace, eco: str, text: str):
    """The edited definition (validated like a definitions file), and the workspace's set with it."""
    from innovatlas.model.ecosystem import parse_definitions

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", file="form", field="definition",
                         hint="write the definition as in examples/ecosystems.toml: [[ecosystem]], id = \"...\", select.country = [\"NL\"]") from None
    items = data.get("ecosystem")
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict) or items[0].get("id") != eco:
        raise InputError(f"the text must define exactly one ecosystem, with id = \"{eco}\"", file="form", field="definition",
                         hint="keep the [[ecosystem]] table and its id; to add another ecosystem use 'innovatlas analyse --ecosystems'")
    try:
        full = parse_definitions(data, origin="form", base=_workspace_set(ws))
    except InnovatlasError as exc:
        raise InputError(str(exc).replace("form: ", ""), file="form", field="definition",
                         hint="see the definition format in the README (ecosystem definitions)") from None
    order = [e.id for e in _workspace_set(ws).ecosystems]
    full.ecosystems.sort(key=lambda e: order.index(e.id) if e.id in order else len(order))
    return next(e for e in full.ecosystems if e.id == eco), full


def preview(ws: Workspace, eco: str, text: str) -> dict[str, Any]:
    """Members and projects the edited definition would give, and how many would enter or leave (nothing stored)."""
    from innovatlas.connect.regions import resolve_selector
    from innovatlas.store.queries.delineation import scope_union

    defn, _full = parse_one(ws, eco, text)
    bound = scope_union([(eco, resolve_selector(ws, defn.select))])
    ws.execute(Q.preview_scope(bound.sql, bound.params))
    counts = ws.dicts(Q.PREVIEW_COUNTS(eco, eco))[0]
    return {**counts, "top": ws.dicts(Q.PREVIEW_MEMBERS(eco))}


def save_definition(ws: Workspace, user: str, eco: str, text: str, stamp: str, progress=None) -> dict[str, Any]:
    from innovatlas.analysis import analyse
    from innovatlas.editing import Conflict, _batch, _log

    old = _current(ws, eco)
    if stamp != stamp_of(ws, eco):
        raise Conflict("(the definition was changed in the meantime)", "(yours)", {"definition": eco})
    defn, full = parse_one(ws, eco, text)
    with ws.transaction():
        analyse(ws, full, progress=progress)
        batch = _batch(ws, "definition", eco, user)
        edit = _log(ws, user, eco, "definition", {"definition": eco}, stamp, stamp_of(ws, eco), old,
                    json.loads(defn.model_dump_json()), batch)
    return {"edit_id": edit}
