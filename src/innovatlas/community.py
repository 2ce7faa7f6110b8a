"""The learning community (issue 12; seed 001, and seed 004: consortia learned too little from each other).

Monitoring package
    One JSON file describing how an ecosystem monitors itself: its definition (the filters, as
    in the TOML format), the indicators it monitors (catalogue and its own, with unit, kind,
    source names and years covered), its own indicator definitions, its targets, its
    qualitative-entry practice (which indicators, how many entries, which evidence types) and its
    methods notes. It never holds an input value (so no confidential value can travel); texts of
    qualitative entries are not included either, only the practice.
Import
    Another workspace imports the package to start from it: the own indicator definitions and
    (with ``ecosystem``) the targets for one of its ecosystems; the package is kept, so the
    comparison page shows its practice beside the workspace's own ecosystems. The definition can
    be written as TOML for ``innovatlas analyse --ecosystems``.
Comparison
    Across a workspace's ecosystems (and imported packages): which indicators each monitors,
    coverage of the 50-indicator catalogue, targets of the same indicator side by side, and for
    one ecosystem the practices (indicators, evidence types) others use that it does not.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from innovatlas import __version__
from innovatlas.analysis import _require
from innovatlas.errors import InputError
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace
from innovatlas.store.queries import accounts as Q

__all__ = ["package_of", "export_package", "import_package", "comparison", "note_of", "set_note", "FORMAT"]

FORMAT = "innovatlas-monitoring-package/1"


def note_of(ws: Workspace, eco: str) -> str:
    rows = ws.rows(Q.NOTE_GET(eco))
    return rows[0][0] if rows else ""


def set_note(ws: Workspace, eco: str, note: str, by: str) -> None:
    _require(ws, eco)
    if len(note) > 20000:
        raise InputError("the methods note is longer than 20,000 characters", field="note", hint="shorten it")
    ws.execute(Q.NOTE_SET(eco, note, by))


def package_of(ws: Workspace, eco: str) -> dict[str, Any]:
    """The monitoring package of an ecosystem (a dict; no input values, see the module docstring)."""
    from innovatlas.inputs import value_source

    _require(ws, eco)
    e = ws.dicts(Q.ECOSYSTEM_DEFINITION(eco))[0]
    monitored = [r for r in ws.dicts(Q.MONITORED) if r["ecosystem_id"] == eco]
    practice = {r["indicator"]: r for r in ws.dicts(Q.VALUE_PRACTICE(eco))}
    evidence = [r for r in ws.dicts(Q.EVIDENCE_TYPES) if r["ecosystem_id"] == eco]
    cat = load_catalogue()
    indicators = []
    for m in monitored:
        p = practice.get(m["indicator"], {})
        key = m["indicator"]
        indicators.append({"indicator": key, "catalogue": key.isdigit() and int(key) in cat,
                           "value_source": value_source(int(key)) if key.isdigit() and int(key) in cat else "own",
                           "unit": p.get("unit"), "kinds": p.get("kinds"), "sources": p.get("sources"),
                           "years": p.get("years", 0), "first_year": m["first_year"], "last_year": m["last_year"],
                           "values": int(m["n_values"]), "qualitative_entries": int(m["n_entries"]),
                           "targets": int(m["n_targets"])})
    targets = [{k: t[k] for k in ("indicator", "measure", "breakdown", "target_value", "target_year", "baseline_value",
                                  "baseline_year", "direction", "note")} for t in ws.dicts(Q.TARGETS_CURRENT_OF(eco))]
    return {"format": FORMAT, "innovatlas": __version__, "ecosystem": eco, "name_en": e["name_en"], "name_nl": e["name_nl"],
            "definition": json.loads(e["definition"]),  # the whole definition, as analysed (filters as in TOML)
            "indicators": indicators,
            "own_indicators": ws.dicts(Q.CUSTOM_OF(eco)),
            "targets": targets,
            "qualitative_practice": [{"indicator": r["indicator"], "evidence_type": r["evidence_type"], "links": int(r["n"])}
                                     for r in evidence],
            "methods_notes": note_of(ws, eco),
            "confidential_values": "never included"}


def export_package(ws: Workspace, eco: str, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(package_of(ws, eco), indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def _read(path: Path) -> tuple[dict[str, Any], str]:
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path")
    raw = path.read_bytes()
    try:
        pkg = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a monitoring package (not JSON: {exc})", file=str(path),
                         hint="write one with 'innovatlas package export ECO FILE'") from None
    if not isinstance(pkg, dict) or pkg.get("format") != FORMAT:
        raise InputError(f"not a monitoring package (format is not {FORMAT})", file=str(path), field="format",
                         hint="write one with 'innovatlas package export ECO FILE'")
    for field in ("ecosystem", "indicators", "targets", "own_indicators", "definition"):
        if field not in pkg:
            raise InputError(f"the package has no '{field}'", file=str(path), field=field,
                             hint="export it again with this innovatlas")
    return pkg, hashlib.sha256(raw).hexdigest()


def _toml(defn: dict[str, Any]) -> str:
    def val(v):
        return json.dumps(v, ensure_ascii=False)

    lines = ["[[ecosystem]]"] + [f"{k} = {val(v)}" for k, v in defn.items() if k != "select" and v not in (None, "")]
    for k, v in (defn.get("select") or {}).items():
        if v in (None, [], {}):
            continue
        if isinstance(v, dict):
            lines.append(f"select.{k} = {{ " + ", ".join(f"{a} = {val(b)}" for a, b in v.items() if b is not None) + " }")
        else:
            lines.append(f"select.{k} = {val(v)}")
    return "\n".join(lines) + "\n"


def import_package(ws: Workspace, path: str | Path, *, ecosystem: str | None = None,
                   definitions_out: str | Path | None = None, by: str = "cli") -> dict[str, Any]:
    """Import a monitoring package (all or nothing): kept for comparison; own indicators defined; with
    ``ecosystem`` its targets set for that ecosystem (current targets of the same key are superseded)."""
    path = Path(path)
    pkg, sha = _read(path)
    if ecosystem:
        _require(ws, ecosystem)
    lines = []
    with ws.transaction():
        ws.execute(Q.PACKAGE_INSERT(sha, pkg["ecosystem"], pkg.get("name_en") or pkg["ecosystem"], json.dumps(pkg, default=str)))
        lines.append(f"package of {pkg['ecosystem']} kept for the learning community ({len(pkg['indicators'])} indicators)")
        if ecosystem:
            batch = ws.new_batch(source="package", dataset=f"package:{pkg['ecosystem']}", file=str(path), sha256=sha,
                                 rows=len(pkg["targets"]) + len(pkg["own_indicators"]), licence=None,
                                 attribution=f"monitoring package of {pkg['ecosystem']}")
            for c in pkg["own_indicators"]:
                ws.execute(Q.CUSTOM_UPSERT(c["key"], ecosystem if c.get("ecosystem_id") else None, c["name_en"],
                                           c.get("name_nl") or c["name_en"], c["unit"], c.get("category"),
                                           c.get("challenges"), c["direction"], c["availability"], batch))
            for t in pkg["targets"]:
                ws.execute(Q.SUPERSEDE_TARGET_KEY(batch, ecosystem, t["indicator"], t["measure"], t["breakdown"]))
                ws.execute(Q.TARGET_INSERT(ecosystem, t["indicator"], t["measure"], t["breakdown"], t["target_value"],
                                           t["target_year"], t.get("baseline_value"), t.get("baseline_year"),
                                           t["direction"], t.get("note"), by, batch))
            lines.append(f"{ecosystem}: {len(pkg['own_indicators'])} own indicators and {len(pkg['targets'])} targets "
                         "from the package")
    if definitions_out:
        Path(definitions_out).write_text(_toml(pkg["definition"]), encoding="utf-8")
        lines.append(f"definition written: {definitions_out} (analyse it with 'innovatlas analyse --ecosystems {definitions_out}')")
    return {"lines": lines, "package": pkg}


def comparison(ws: Workspace, focus: str | None = None, lang: str = "en") -> dict[str, Any]:
    """Which indicators each ecosystem (and imported package) monitors, coverage, targets side by side, and
    what the others practise that ``focus`` does not."""
    from innovatlas.inputs import indicator_label

    ecos = ws.dicts(Q.COMMUNITY_ECOSYSTEMS)
    names = {e["ecosystem_id"]: e["name_en"] if lang == "en" else e["name_nl"] for e in ecos}
    monitored: dict[str, dict[str, dict]] = {}
    for r in ws.dicts(Q.MONITORED):
        monitored.setdefault(r["ecosystem_id"], {})[r["indicator"]] = r
    evidence: dict[str, set[str]] = {}
    for r in ws.dicts(Q.EVIDENCE_TYPES):
        evidence.setdefault(r["ecosystem_id"], set()).add(r["evidence_type"])
    columns = [{"id": e, "name": names.get(e, e), "package": False} for e in monitored if e in names]
    for p in ws.dicts(Q.PACKAGES):
        pkg = json.loads(p["content"])
        pid = f"package:{p['ecosystem_id']}"
        monitored[pid] = {i["indicator"]: {"n_values": i["values"], "n_entries": i["qualitative_entries"],
                                           "n_targets": i["targets"]} for i in pkg["indicators"]}
        evidence[pid] = {q["evidence_type"] for q in pkg.get("qualitative_practice", [])}
        columns.append({"id": pid, "name": f"{p['name']} ({'package' if lang == 'en' else 'pakket'})", "package": True})
    cat = load_catalogue()
    keys = sorted({k for c in columns for k in monitored[c["id"]]}, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))
    matrix = [{"indicator": k, "label": indicator_label(ws, k, lang),
               "cells": [monitored[c["id"]].get(k) for c in columns]} for k in keys]
    coverage = [{"id": c["id"], "name": c["name"],
                 "catalogue": sum(1 for k in monitored[c["id"]] if k.isdigit() and int(k) in cat),
                 "own": sum(1 for k in monitored[c["id"]] if not (k.isdigit() and int(k) in cat)),
                 "evidence_types": sorted(evidence.get(c["id"], set()))} for c in columns]
    targets: dict[tuple, list] = {}
    for t in ws.dicts(Q.TARGETS_ALL):
        if t["ecosystem_id"] in names:
            targets.setdefault((t["indicator"], t["measure"], t["breakdown"]), []).append(t)
    for c in columns:
        if c["package"]:
            for p in ws.dicts(Q.PACKAGES):
                if f"package:{p['ecosystem_id']}" == c["id"]:
                    for t in json.loads(p["content"])["targets"]:
                        targets.setdefault((t["indicator"], t["measure"], t["breakdown"]), []).append(
                            dict(t, ecosystem_id=c["id"]))
    compared = [{"indicator": k[0], "measure": k[1], "breakdown": k[2], "label": indicator_label(ws, k[0], lang),
                 "items": [dict(t, name=next((c["name"] for c in columns if c["id"] == t["ecosystem_id"]),
                                             names.get(t["ecosystem_id"], t["ecosystem_id"]))) for t in v]}
                for k, v in sorted(targets.items())]
    others: dict[str, Any] | None = None
    if focus:
        mine = set(monitored.get(focus, {}))
        used: dict[str, list[str]] = {}
        for c in columns:
            if c["id"] != focus:
                for k in monitored[c["id"]]:
                    if k not in mine:
                        used.setdefault(k, []).append(c["name"])
        ev_others = {t for c in columns if c["id"] != focus for t in evidence.get(c["id"], set())}
        others = {"focus": focus, "name": names.get(focus, focus),
                  "indicators": [{"indicator": k, "label": indicator_label(ws, k, lang), "used_by": v}
                                 for k, v in sorted(used.items())],
                  "evidence_types": sorted(ev_others - evidence.get(focus, set()))}
    return {"columns": columns, "matrix": matrix, "coverage": coverage, "targets": compared, "others": others,
            "ecosystems": [{"id": e["ecosystem_id"], "name": names[e["ecosystem_id"]]} for e in ecos]}
