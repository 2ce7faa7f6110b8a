"""Monitoring an ecosystem against its own targets and its own past, and composite views.

The default composite (seed 001: the indicator set helps those inside an ecosystem
strengthen it, it is not for ranking) is :func:`composite_view`: one ecosystem, its years in
rows, its indicators in columns, each indicator relative to the ecosystem's own first year
and, where set, its own target. :func:`composite_compare` compares ecosystems with a full
Handbook pipeline and an uncertainty analysis; it is available, not the headline.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.analysis import _require
from innovatlas.diagnose.rules import trend_slope
from innovatlas.disclosure import disclosed_inputs
from innovatlas.indicators.composite import CompositeSpec, composite, self_referenced, uncertainty
from innovatlas.inputs import indicator_label
from innovatlas.store import Workspace
from innovatlas.store.queries import monitor as Q

__all__ = ["progress_to_targets", "composite_view", "composite_compare", "OPEN_SERIES", "COMPARE_MEASURES"]

#: open-data yearly series used in the self-referenced view: (indicator, measure, breakdown, label en, label nl)
OPEN_SERIES = [
    ("29", "organisations", "", "Participating organisations (#29)", "Deelnemende organisaties (#29)"),
    ("participations", "participations", "", "Participations", "Deelnames"),
    ("funding", "ec_contribution_eur", "", "EC contribution (EUR)", "EU-bijdrage (EUR)"),
    ("18", "collaboration_relations", "internal", "Collaborating pairs inside (#18)", "Samenwerkende paren binnen (#18)"),
]
#: per-member measures for comparing ecosystems (all higher-is-better)
COMPARE_MEASURES = ["participations_per_member", "funding_per_member", "internal_pairs_per_member",
                    "relations_per_member", "organisation_degree", "largest_component_share"]


def _series(ws: Workspace, eco_id: str, include_partial: bool = False) -> dict[tuple[str, str, str], dict[int, float]]:
    """Yearly open-data series and imported values; the open-data years the data cover only in part
    (after the data end) are left out unless ``include_partial`` (imported values are the user's own)."""
    from innovatlas.analysis import partial_years

    skip = set() if include_partial else partial_years(ws)
    out: dict[tuple[str, str, str], dict[int, float]] = {}
    for ind, measure, bd, y, v in ws.rows(Q.SERIES(eco_id)):
        if y not in skip:
            out.setdefault((ind, measure, bd), {})[y] = v
    for r in disclosed_inputs(ws, eco_id):
        if r["breakdown"] == "" and r["value"] is not None:
            out.setdefault((r["indicator"], "value", ""), {})[r["year"]] = r["value"]
    return out


def _base_year(s: dict[int, float], partial: set[int] | frozenset = frozenset()) -> int:
    """First year whose value reaches a quarter of the series' maximum (skips ramp-up years); partial
    years are never a base year and do not set the maximum."""
    full = {y: v for y, v in s.items() if y not in partial} or s
    top = max(abs(v) for v in full.values()) if full else 0
    return next((y for y in sorted(full) if abs(full[y]) >= 0.25 * top), min(full))


def progress_to_targets(ws: Workspace, eco_id: str, lang: str = "en", *, include_partial: bool = False) -> list[dict[str, Any]]:
    """Per own target: the latest value, distance to target, share of the way from baseline, trend
    (partial years left out unless ``include_partial``)."""
    _require(ws, eco_id)
    series = _series(ws, eco_id, include_partial)
    out = []
    for t in ws.dicts(Q.TARGETS_IN_ORDER(eco_id)):
        s = series.get((t["indicator"], t["measure"], t["breakdown"])) or series.get((t["indicator"], "value", ""), {})
        years = sorted(s)
        row = {"indicator": t["indicator"], "label": indicator_label(ws, t["indicator"], lang), "measure": t["measure"],
               "breakdown": t["breakdown"], "target_value": t["target_value"], "target_year": t["target_year"],
               "direction": t["direction"], "set_by": t["set_by"], "latest_year": None, "latest_value": None,
               "baseline_value": t["baseline_value"], "baseline_year": t["baseline_year"], "distance": None,
               "progress": None, "trend_per_year": None, "on_track": None}
        if years:
            last = years[-1]
            base_y = t["baseline_year"] if t["baseline_year"] in s else years[0]
            base = t["baseline_value"] if t["baseline_value"] is not None else s[base_y]
            value = s[last]
            slope = trend_slope(years, [s[y] for y in years])
            span = t["target_value"] - base
            progress = (value - base) / span if span else (1.0 if value == t["target_value"] else None)
            met = value >= t["target_value"] if t["direction"] == "higher" else value <= t["target_value"]
            row.update(latest_year=last, latest_value=value, baseline_value=base, baseline_year=base_y,
                       distance=t["target_value"] - value, progress=progress, trend_per_year=slope,
                       on_track=bool(met or (slope is not None and (slope > 0) == (t["direction"] == "higher"))))
        out.append(row)
    return out


def composite_view(ws: Workspace, eco_id: str, lang: str = "en", *, include_partial: bool = False) -> dict[str, Any]:
    """The default view: the ecosystem against its own first year and its own targets, per year.

    Start years the data cover only in part (after the data end) are left out (listed in
    ``partial_years_left_out``); with ``include_partial`` they are shown, flagged in ``partial``,
    but never used as a base year.
    """
    from innovatlas.analysis import partial_note, partial_years

    _require(ws, eco_id)
    partial = partial_years(ws)
    series = _series(ws, eco_id, include_partial)
    present = {y for s in _series(ws, eco_id, True).values() for y in s}
    left_out = [] if include_partial else sorted(present & partial)
    targets = {(t["indicator"], t["measure"], t["breakdown"]): t for t in ws.dicts(Q.TARGETS(eco_id))}
    keys = [k for k, s in series.items() if len(s) >= 2]
    years = sorted({y for k in keys for y in series[k]})
    meta = {"partial": [y in partial for y in years], "partial_years_left_out": left_out,
            "partial_note": partial_note(ws, lang) or ""}
    if not keys or len(years) < 2:
        return {"ecosystem": eco_id, "years": years, "indicators": [], "composite_versus_past": [],
                "composite_progress": [], "method": "not enough yearly data", **meta}
    X = np.array([[series[k].get(y, np.nan) for k in keys] for y in years], dtype=float)
    base_years = {k: _base_year(series[k], partial) for k in keys}
    base = np.array([series[k][base_years[k]] for k in keys], dtype=float)
    tgt = np.array([targets[k]["target_value"] if k in targets else np.nan for k in keys], dtype=float)
    dirs = np.array([-1 if k in targets and targets[k]["direction"] == "lower" else 1 for k in keys])
    res = self_referenced(X, targets=tgt if np.isfinite(tgt).any() else None, baseline=base, directions=dirs)
    labels = {(i, m, b): (en if lang == "en" else nl) for i, m, b, en, nl in OPEN_SERIES}
    clean = lambda a: [None if not np.isfinite(v) else round(float(v), 4) for v in a]  # noqa: E731
    return {
        "ecosystem": eco_id, "years": years,
        "indicators": [{"key": list(k), "label": labels.get(k) or indicator_label(ws, k[0], lang),
                        "base_year": base_years[k], "versus_past": clean(res["versus_past"][:, j]),
                        "progress": clean(res["progress"][:, j])} for j, k in enumerate(keys)],
        "composite_versus_past": clean(res["composite_versus_past"]),
        "composite_progress": clean(res["composite_progress"]), **meta,
        "method": "each indicator as % of its own base year (the first year with at least a quarter of the series' "
                  "maximum, which skips a programme's ramp-up year; distance to a reference, OECD/JRC Handbook Table 3) and "
                  "as share of the way from baseline to own target; composite = arithmetic mean, equal weights",
    }


def composite_compare(ws: Workspace, eco_ids: list[str], *, spec: CompositeSpec | None = None, runs: int = 300) -> dict[str, Any]:
    """Compare ecosystems on per-member measures (secondary view), with rank intervals."""
    for e in eco_ids:
        _require(ws, e)
    rows = ws.dicts(Q.COMPARE(eco_ids))
    by = {r["ecosystem_id"]: r for r in rows}
    X = np.array([[by[e][m] if by[e][m] is not None else np.nan for m in COMPARE_MEASURES] for e in eco_ids], dtype=float)
    scores, used = composite(X, spec or CompositeSpec())
    unc = uncertainty(X, runs=runs) if len(eco_ids) > 1 else None
    from innovatlas.analysis import ecosystem_coverage
    from innovatlas.diagnose.reference import REFERENCES

    lower = [e for e in eco_ids if ecosystem_coverage(ws, e)["lower_bound"]]
    return {"measures": COMPARE_MEASURES, "method": vars(used),
            # issue 9: what a reader must know before reading the ranks
            "size_dependent": [m for m in COMPARE_MEASURES if REFERENCES.get(m) == "size_adjusted"],
            "caveat": ("internal pairs per member and the largest-component share grow with the number of members: "
                       "these ranks favour larger ecosystems; the diagnosis judges them size-adjusted"
                       + (f"; lower bounds (unplaced organisations left out): {', '.join(lower)}" if lower else "")),
            "items": [{"ecosystem": e, "values": {m: by[e][m] for m in COMPARE_MEASURES},
                       "score": None if not np.isfinite(scores[i]) else float(scores[i]),
                       "median_rank": float(unc["median_rank"][i]) if unc else 1.0,
                       "rank_interval": [float(unc["p05"][i]), float(unc["p95"][i])] if unc else [1.0, 1.0]}
                      for i, e in enumerate(eco_ids)]}
