"""Valorisation profile of a knowledge institution: push, exchange or serve (seed 004, Dialogic).

Seed 004 types three models: *push* (knowledge from research exploited by firms; technical
universities), *exchange* (organised exchange of knowledge and methods with firms and societal
institutions; broad universities) and *serve* (answering knowledge questions of firms and
societal institutions; business-profile universities and universities of applied sciences).

The rule, written out:

1. From the institution's joint projects, per distinct partner: ``firm share`` = partners that
   are private for-profit (PRC); ``diversity`` = normalised Blau index over partner types
   (HES, REC, PRC, PUB, OTH); ``societal share`` = public bodies and other organisations (PUB,
   OTH); ``regional share`` = Dutch partners in the institution's own province.
2. Scores: push = firm share; exchange = diversity; serve = mean of societal and regional share.
   Imported spin-offs, patents and licences per 100 participations are shown as push evidence.
3. Each score is turned into its percentile among Dutch higher-education institutions (HES)
   with at least 20 participations (the reference group), so the three are comparable.
4. The profile is the model with the highest percentile; when the top two are within 10
   percentile points the profile is "mixed" with both named.
The dashboard shows the three shares per project start year.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.assess._data import organisation
from innovatlas.assess.inputs import ValorisationInput
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["assess", "profile_scores", "classify", "MARGIN", "MIN_PARTICIPATIONS"]

MARGIN = 0.10
MIN_PARTICIPATIONS = 20


def profile_scores(ws: Workspace, pics: list[int] | None = None, *, by_year: bool = False) -> list[dict[str, Any]]:
    """Push/exchange/serve shares per institution (all Dutch HES with enough participations, or ``pics``)."""
    return ws.dicts(Q.profile_scores(by_year, pics, MIN_PARTICIPATIONS))


def classify(percentiles: dict[str, float]) -> tuple[str, list[str]]:
    """``("push", ["push"])`` or ``("mixed", ["exchange", "push"])`` by the rule above.

    >>> classify({"push": 0.9, "exchange": 0.5, "serve": 0.2})
    ('push', ['push'])
    >>> classify({"push": 0.8, "exchange": 0.75, "serve": 0.1})
    ('mixed', ['push', 'exchange'])
    """
    order = sorted(percentiles, key=lambda k: -percentiles[k])
    if percentiles[order[0]] - percentiles[order[1]] < MARGIN:
        return "mixed", order[:2]
    return order[0], order[:1]


def assess(ws: Workspace, v: ValorisationInput) -> dict[str, Any]:
    org = organisation(ws, v.institution, "institution")
    ref = profile_scores(ws)
    mine = profile_scores(ws, [v.institution])
    if not mine:
        from innovatlas.errors import InputError

        raise InputError(f"{org['label']} has no joint projects in the workspace", field="institution")
    m = mine[0]
    scores = {"push": m["firm_share"], "exchange": m["diversity"], "serve": (m["societal_share"] + m["regional_share"]) / 2}
    refs = {"push": [r["firm_share"] for r in ref], "exchange": [r["diversity"] for r in ref],
            "serve": [(r["societal_share"] + r["regional_share"]) / 2 for r in ref]}
    pct = {k: float((np.asarray(refs[k]) <= scores[k]).mean()) if refs[k] else 0.5 for k in scores}
    profile, models = classify(pct)
    parts = org["participations"] or 1
    # nothing imported is "not in the data" (None), never 0 (issue 9, point 5)
    ip = {k: (sum(getattr(v, k).values()) if getattr(v, k) else None) for k in ("spin_offs", "patents", "licences")}
    years = profile_scores(ws, [v.institution], by_year=True)
    from innovatlas.analysis import partial_years

    partial = partial_years(ws)
    return {"kind": "valorisation", "name": v.name,
            "institution": {"pic": org["pic"], "label": org["label"], "actor_type": org["actor_type"],
                            "participations": org["participations"], "province": org["province"]},
            "shares": {k: m[k] for k in ("firm_share", "diversity", "societal_share", "regional_share")},
            "partners": m["partners"], "unplaced_dutch_partners": m["unplaced_dutch_partners"], "scores": scores, "percentiles": pct, "profile": profile, "models": models,
            "reference_group": len(ref),
            "ip_per_100_participations": {k: None if n is None else 100 * n / parts for k, n in ip.items()},
            "imported": {"spin_offs": v.spin_offs, "patents": v.patents, "licences": v.licences,
                         "contract_research_eur": v.contract_research_eur},
            "by_year": [dict(r, partial=r["year"] in partial) for r in years if r["year"] is not None]}
