"""Monitoring cycles (issue 12): snapshots, side-by-side comparison, change alerts, the report of a snapshot.

A *snapshot* (``innovatlas snapshot ECO --label 2026``, or the button on the monitoring page)
copies, set-based (``INSERT ... SELECT``), the ecosystem's indicator values, its current inputs,
its diagnosis verdicts, its members and its network figures into the ``snapshot_*`` tables,
with the progress to its own targets at that moment.

Two snapshots, or a snapshot and *now*, compare side by side: indicator values (totals over all
years), inputs, verdicts, members who entered or left, network figures, new white spots.
*Change alerts* list what moved beyond the thresholds the ecosystem sets (``alert_threshold``;
default: an indicator total moved more than 10 %, any changed verdict, a target out of reach).

Disclosure: a snapshot keeps the raw inputs (so it is a faithful copy), but a confidential one is
shown only when exactly that value is published *now* by :func:`innovatlas.disclosure.disclosed_inputs`
(else "withheld"); confidential inputs raise no alerts unless both values are shown. Verdicts are
shown without their evidence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from innovatlas.analysis import _require
from innovatlas.errors import InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import accounts as Q

__all__ = ["take_snapshot", "snapshots_of", "compare", "alerts", "thresholds", "set_thresholds", "export_alerts",
           "render_snapshot_report", "DEFAULT_THRESHOLDS"]

DEFAULT_THRESHOLDS = {"indicator_pct": 0.10, "verdicts": True, "targets": True}
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")
NOW = {"en": "now", "nl": "nu"}


_RATIONALES = {"system-failure": ("System failure", "Systeemfalen"),
               "transformation-failure": ("Transformation failure", "Transformatiefalen")}


def finding_label(code: str, lang: str = "en") -> str:
    """A challenge or rationale in words (the diagnosis' own names)."""
    from innovatlas.diagnose.rules import CHALLENGES

    if code.startswith("challenge-") and code[10:].isdigit() and int(code[10:]) in CHALLENGES:
        return f"{code[10:]}. " + CHALLENGES[int(code[10:])]["nl" if lang == "nl" else "en"]
    en, nl = _RATIONALES.get(code, (code, code))
    return nl if lang == "nl" else en


def verdict_label(verdict: str | None, lang: str = "en") -> str:
    from innovatlas.report.i18n import t

    if verdict is None:
        return "–"
    try:
        return t(verdict, lang)
    except Exception:  # noqa: BLE001 - a verdict without a label stays as it is
        return verdict


def take_snapshot(ws: Workspace, eco: str, label: str, by: str) -> dict[str, Any]:
    from innovatlas.monitor import progress_to_targets

    _require(ws, eco)
    label = label.strip()
    if not _LABEL.match(label):
        raise InputError(f"'{label}' is not a snapshot label", field="label",
                         hint="use up to 40 letters, digits, spaces, '.', '_' or '-', e.g. 2026")
    if ws.rows(Q.SNAPSHOT_BY_LABEL(eco, label)):
        raise InputError(f"{eco} has a snapshot labelled '{label}' already", field="label",
                         hint="choose another label (a snapshot is never overwritten)")
    progress = progress_to_targets(ws, eco)
    with ws.transaction():
        sid = int(ws.scalar(Q.SNAPSHOT_NEW(eco, label, by, json.dumps(progress, default=str))))
        for q in (Q.SNAP_INDICATORS, Q.SNAP_INPUTS, Q.SNAP_FINDINGS, Q.SNAP_MEMBERS, Q.SNAP_NETWORK):
            ws.execute(q(sid, eco))
    row = [s for s in snapshots_of(ws, eco) if s["snapshot_id"] == sid][0]
    return dict(row, findings=len(ws.rows(Q.SNAP_FINDING_ROWS(sid))))


def snapshots_of(ws: Workspace, eco: str) -> list[dict[str, Any]]:
    return ws.dicts(Q.SNAPSHOTS_OF(eco))


def _snapshot(ws: Workspace, eco: str, label: str) -> dict[str, Any]:
    rows = ws.dicts(Q.SNAPSHOT_BY_LABEL(eco, label))
    if not rows:
        known = ", ".join(s["label"] for s in snapshots_of(ws, eco)) or "none yet"
        raise InputError(f"{eco} has no snapshot labelled '{label}'", field="label",
                         hint=f"its snapshots: {known}; take one with 'innovatlas snapshot {eco} --label LABEL'")
    return rows[0]


def _sides(ws: Workspace, eco: str, a: str | None, b: str | None) -> tuple[dict, dict | None]:
    """Snapshot ``a`` (default: the latest) and ``b`` (a snapshot, or None = now)."""
    snaps = snapshots_of(ws, eco)
    if a is None:
        if not snaps:
            raise InputError(f"{eco} has no snapshot yet", field="label",
                             hint=f"take one with 'innovatlas snapshot {eco} --label 2026' or the button on its monitoring page")
        a = snaps[-1]["label"] if b is None or snaps[-1]["label"] != b else snaps[-2]["label"]
    return _snapshot(ws, eco, a), (_snapshot(ws, eco, b) if b else None)


def _published(ws: Workspace, eco: str) -> set[tuple]:
    from innovatlas.disclosure import disclosed_inputs

    return {(r["indicator"], r["breakdown"], r["year"], r["value"]) for r in disclosed_inputs(ws, eco)
            if r["value"] is not None}


def _rel(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or a == 0:
        return None
    return (b - a) / abs(a)


def compare(ws: Workspace, eco: str, a: str | None = None, b: str | None = None, lang: str = "en") -> dict[str, Any]:
    """Snapshot ``a`` beside snapshot ``b`` (or now): values, inputs, verdicts, members, network, white spots."""
    from innovatlas.inputs import indicator_label

    _require(ws, eco)
    sa, sb = _sides(ws, eco, a, b)
    cur = sb is None
    labels: dict[str, str] = {}
    label = lambda k: labels[k] if k in labels else labels.setdefault(k, indicator_label(ws, k, lang))  # noqa: E731
    bid = eco if cur else sb["snapshot_id"]
    ind = [dict(r, label=label(r["indicator"]), rel=_rel(r["a"], r["b"]))
           for r in ws.dicts(Q.compare_indicators(cur, sa["snapshot_id"], bid))]
    published = _published(ws, eco)
    inputs = []
    for r in ws.dicts(Q.compare_inputs(cur, sa["snapshot_id"], bid)):
        shown = {}
        for side in ("a", "b"):
            v = r[side]
            shown[side + "_withheld"] = bool(r["confidential"] and v is not None
                                             and (r["indicator"], r["breakdown"], r["year"], v) not in published)
            if shown[side + "_withheld"]:
                r[side] = None
        r.update(shown, label=label(r["indicator"]),
                 rel=None if shown["a_withheld"] or shown["b_withheld"] else _rel(r["a"], r["b"]))
        inputs.append(r)
    verdicts = [dict(v, label=finding_label(v["code"], lang), a_label=verdict_label(v["a"], lang),
                     b_label=verdict_label(v["b"], lang)) for v in ws.dicts(Q.compare_findings(cur, sa["snapshot_id"], bid))]
    members = ws.dicts(Q.member_changes(cur, sa["snapshot_id"], bid, 50))
    network = [dict(r, rel=_rel(r["a"], r["b"])) for r in ws.dicts(Q.compare_network(cur, sa["snapshot_id"], bid))]
    count = lambda c: next((m["total"] for m in members if m["change"] == c), 0)  # noqa: E731
    return {"ecosystem": eco, "a": sa["label"], "b": sb["label"] if sb else NOW.get(lang, "now"), "b_is_now": cur,
            "indicators": ind, "inputs": inputs, "verdicts": verdicts, "network": network,
            "entered": [m for m in members if m["change"] == "entered"], "left": [m for m in members if m["change"] == "left"],
            "entered_total": count("entered"), "left_total": count("left"),
            "new_white_spots": [v for v in verdicts if v["b"] == "white_spot" and v["a"] != "white_spot"],
            "snapshots": [s["label"] for s in snapshots_of(ws, eco)]}


def thresholds(ws: Workspace, eco: str) -> dict[str, Any]:
    rows = ws.dicts(Q.ALERT_THRESHOLD_GET(eco))
    return rows[0] if rows else dict(DEFAULT_THRESHOLDS, set_by=None, set_at=None)


def set_thresholds(ws: Workspace, eco: str, *, indicator_pct: float | None = None, verdicts: bool | None = None,
                   targets: bool | None = None, by: str) -> dict[str, Any]:
    _require(ws, eco)
    cur = thresholds(ws, eco)
    pct = cur["indicator_pct"] if indicator_pct is None else float(indicator_pct)
    if not (0 < pct <= 10):
        raise InputError(f"'{indicator_pct}' is not a threshold", field="indicator_pct",
                         hint="give the share an indicator may move before it is flagged, e.g. 0.1 for 10 %")
    ws.execute(Q.ALERT_THRESHOLD_SET(eco, pct, cur["verdicts"] if verdicts is None else verdicts,
                                     cur["targets"] if targets is None else targets, by))
    return thresholds(ws, eco)


def _fmt(v: Any, lang: str) -> str:
    from innovatlas.report.labels import number

    if v is None:
        return "-"
    if isinstance(v, float) and abs(v) < 1000 and v != int(v):
        return number(v, lang, 3)
    return number(v, lang)


def _pct(r: float, lang: str) -> str:
    from babel.numbers import format_percent

    return format_percent(r, "#,##0.0%", locale="nl_NL" if lang == "nl" else "en_GB")


def alerts(ws: Workspace, eco: str, since: str | None = None, to: str | None = None, lang: str = "en") -> dict[str, Any]:
    """What moved beyond the ecosystem's thresholds between snapshot ``since`` (default: latest) and ``to`` (or now)."""
    from innovatlas.monitor import progress_to_targets

    _require(ws, eco)
    th = thresholds(ws, eco)
    if not snapshots_of(ws, eco):
        return {"ecosystem": eco, "items": [], "thresholds": th, "since": None, "to": None,
                "heading": ("no snapshot yet: take one to see what changes" if lang == "en"
                            else "nog geen momentopname: maak er een om te zien wat verandert")}
    c = compare(ws, eco, since, to, lang)
    items: list[dict[str, str]] = []
    pct = th["indicator_pct"]
    names = {"indicator": ("indicator", "indicator"), "input": ("input", "invoer"), "verdict": ("verdict", "oordeel"),
             "target": ("target", "streefwaarde"), "members": ("members", "leden")}
    k = lambda key: names[key][1 if lang == "nl" else 0]  # noqa: E731
    for r in c["indicators"] + [dict(x, measure="value") for x in c["inputs"]]:
        if r["rel"] is not None and abs(r["rel"]) > pct:
            what = r["label"] + (f" ({r['measure']})" if r.get("measure") not in (None, "value") else "") + \
                   (f" [{r['breakdown']}]" if r["breakdown"] else "") + (f" {r['year']}" if r.get("year") else "")
            items.append({"kind": k("input" if "a_withheld" in r else "indicator"), "what": what,
                          "from": _fmt(r["a"], lang), "to": _fmt(r["b"], lang), "change": _pct(r["rel"], lang)})
    if th["verdicts"]:
        for v in c["verdicts"]:
            if v["a"] is not None and v["b"] is not None and v["a"] != v["b"]:
                items.append({"kind": k("verdict"), "what": v["label"], "from": v["a_label"], "to": v["b_label"],
                              "change": ("new white spot" if lang == "en" else "nieuwe witte vlek")
                              if v["b"] == "white_spot" else ("changed" if lang == "en" else "gewijzigd")})
    if th["targets"]:
        before = {(t["indicator"], t["measure"], t["breakdown"]): t for t in
                  json.loads(_snapshot(ws, eco, c["a"])["targets"])}
        after = progress_to_targets(ws, eco, lang) if c["b_is_now"] else json.loads(_snapshot(ws, eco, c["b"])["targets"])
        for t in after:
            was = before.get((t["indicator"], t["measure"], t["breakdown"]))
            if t["on_track"] is False and (was is None or was.get("on_track") is not False):
                items.append({"kind": k("target"), "what": t["label"] + f" → {_fmt(t['target_value'], lang)} ({t['target_year']})",
                              "from": ("on track" if lang == "en" else "op koers") if was else "-",
                              "to": "out of reach" if lang == "en" else "buiten bereik",
                              "change": _fmt(t["latest_value"], lang) + f" ({t['latest_year']})"})
    if c["entered_total"] or c["left_total"]:
        items.append({"kind": k("members"), "what": ("entered / left" if lang == "en" else "erbij / eruit"),
                      "from": "", "to": "", "change": f"+{c['entered_total']} / -{c['left_total']}"})
    head = (f"{eco}: changes from snapshot '{c['a']}' to {'now' if c['b_is_now'] else repr(c['b'])} "
            f"(thresholds: indicators ±{_pct(pct, lang)}, verdicts {'on' if th['verdicts'] else 'off'}, "
            f"targets {'on' if th['targets'] else 'off'})") if lang == "en" else (
            f"{eco}: veranderingen van momentopname '{c['a']}' tot {'nu' if c['b_is_now'] else repr(c['b'])} "
            f"(drempels: indicatoren ±{_pct(pct, lang)}, oordelen {'aan' if th['verdicts'] else 'uit'}, "
            f"streefwaarden {'aan' if th['targets'] else 'uit'})")
    return {"ecosystem": eco, "items": items, "thresholds": th, "since": c["a"], "to": c["b"], "heading": head}


def export_alerts(res: dict[str, Any], path: str | Path | None = None, fmt: str | None = None) -> bytes:
    """The alerts as CSV or Excel (by the path's suffix or ``fmt``); written to ``path`` when given."""
    from innovatlas.report import exports

    fmt = fmt or (Path(path).suffix.lstrip(".").lower() if path else "csv")
    head = {"ecosystem": res["ecosystem"], "snapshot_from": res["since"], "snapshot_to": res["to"]}
    rows = [dict(head, **a) for a in res["items"]] or [dict(head, kind="", what="", change="")]
    if fmt == "csv":
        body = exports.to_csv(rows).encode("utf-8")
    elif fmt == "xlsx":
        body = exports.to_xlsx({"alerts": rows, "README": [{"note": res["heading"]}]})
    else:
        raise InputError(f"cannot write alerts as '{fmt}'", field="export", hint="use a .csv or .xlsx file name")
    if path:
        Path(path).write_bytes(body)
    return body


def snapshot_view(ws: Workspace, eco: str, label: str, lang: str = "en") -> dict[str, Any]:
    """The frozen figures of one snapshot (disclosure applied to its inputs, see the module docstring)."""
    from innovatlas.inputs import indicator_label

    s = _snapshot(ws, eco, label)
    published = _published(ws, eco)
    inputs = []
    for r in ws.dicts(Q.SNAP_INPUT_ROWS(s["snapshot_id"])):
        withheld = r["confidential"] and (r["indicator"], r["breakdown"], r["year"], r["value"]) not in published
        inputs.append(dict(r, value=None if withheld else r["value"], withheld=withheld,
                           label=indicator_label(ws, r["indicator"], lang)))
    return {"ecosystem": eco, "label": s["label"], "created_at": s["created_at"], "created_by": s["created_by"],
            "indicators": [dict(r, label=indicator_label(ws, r["indicator"], lang))
                           for r in ws.dicts(Q.SNAP_INDICATOR_ROWS(s["snapshot_id"]))],
            "inputs": inputs, "verdicts": [dict(f, label=finding_label(f["code"], lang), verdict_label=verdict_label(f["verdict"], lang))
                                           for f in ws.dicts(Q.SNAP_FINDING_ROWS(s["snapshot_id"]))],
            "network": ws.dicts(Q.SNAP_NETWORK_ROWS(s["snapshot_id"])),
            "members": ws.scalar(Q.SNAPSHOT_MEMBER_TOTALS(s["snapshot_id"])), "targets": json.loads(s["targets"])}


def render_snapshot_report(ws: Workspace, label: str, out_dir: str | Path, lang: str = "en") -> Path:
    """The report of every ecosystem's snapshot labelled ``label``: one static HTML page (no internet needed)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    rows = ws.dicts(Q.SNAPSHOTS_WITH_LABEL(label))
    if not rows:
        raise InputError(f"no snapshot labelled '{label}'", field="snapshot",
                         hint="take one with 'innovatlas snapshot ECO --label LABEL'")
    views = [snapshot_view(ws, r["ecosystem_id"], label, lang) for r in rows]
    env = Environment(loader=PackageLoader("innovatlas", "web/templates"), autoescape=select_autoescape(["html"]))
    from innovatlas.accounts import msg

    html = env.get_template("accounts/snapshot_report.html").render(
        label=label, views=views, lang=lang, tr=lambda k, **kw: msg(k, lang, **kw), fmt=lambda v: _fmt(v, lang))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"snapshot-{re.sub(r'[^A-Za-z0-9._-]', '_', label)}{'' if lang == 'en' else '.' + lang}.html"
    path.write_text(html, encoding="utf-8")
    return path
