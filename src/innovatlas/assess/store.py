"""Stored, versioned assessments: each run of the same ``name`` with a changed input adds a version."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["save_assessment", "load_assessment", "list_assessments", "compare_versions"]


def save_assessment(ws: Workspace, *, name: str, kind: str, input_: dict, result: dict, file: str | None) -> int:
    """Store a new version unless the input equals the latest version's; returns the version number."""
    body = json.dumps(input_, sort_keys=True, default=str)
    sha = hashlib.sha256(body.encode()).hexdigest()
    with ws.transaction():
        latest = ws.rows(Q.LATEST_VERSION(name))
        if latest and latest[0][2] != kind:
            raise InnovatlasError(f"the name '{name}' is already used by a {latest[0][2]} assessment; choose another name")
        if latest and latest[0][1] == sha:
            return latest[0][0]
        version = (latest[0][0] + 1) if latest else 1
        ws.execute(Q.INSERT_ASSESSMENT(name, version, kind, body, json.dumps(result, default=str), sha, file))
    return version


def load_assessment(ws: Workspace, name: str, version: int | None = None) -> dict[str, Any]:
    rows = ws.dicts(Q.LOAD_ASSESSMENT(name, version, version))
    if not rows:
        raise InnovatlasError(f"no assessment '{name}'" + (f" version {version}" if version else "")
                              + "; list them with 'innovatlas assess list'")
    r = rows[0]
    r["input"], r["result"] = json.loads(r["input"]), json.loads(r["result"])
    r["created_at"] = r["created_at"].isoformat()
    return r


def list_assessments(ws: Workspace) -> list[dict[str, Any]]:
    return ws.dicts(Q.LIST_ASSESSMENTS)


def compare_versions(ws: Workspace, name: str, old: int, new: int) -> list[dict[str, Any]]:
    """What changed between two versions: every input field whose value differs."""
    a, b = load_assessment(ws, name, old)["input"], load_assessment(ws, name, new)["input"]

    def flat(d: Any, prefix: str = "") -> dict[str, Any]:
        if isinstance(d, dict):
            out: dict[str, Any] = {}
            for k, v in d.items():
                out.update(flat(v, f"{prefix}{k}."))
            return out
        return {prefix.rstrip("."): d}

    fa, fb = flat(a), flat(b)
    return [{"field": k, "old": fa.get(k), "new": fb.get(k)} for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)]
