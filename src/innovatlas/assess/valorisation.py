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

__all__ = ["assess", "profile_scores", "classify", "MARGIN", "MIN_PARTICIPATIONS"]

MARGIN = 0.10
MIN_PARTICIPATIONS = 20


def profile_scores(ws: Workspace, pics: list[int] | None = None, *, by_year: bool = False) -> list[dict[str, Any]]:
    """Push/exchange/serve shares per institution (all Dutch HES with enough participations, or ``pics``)."""
    year = ", pr.start_year AS year" if by_year else ""
    return ws.dicts(f"""
        WITH inst AS (
            SELECT o.pic, l.province_code FROM organisation o LEFT JOIN org_location l USING (pic)
            WHERE (CAST(? AS BIGINT[]) IS NULL AND o.activity_type = 'HES' AND o.country = 'NL' AND o.participations >= ?)
               OR o.pic IN (SELECT unnest(coalesce(CAST(? AS BIGINT[]), [])))),
        pp AS (
            SELECT DISTINCT i.pic AS inst, i.province_code AS home, q.pic AS partner, o.activity_type AS t, q.country,
                   l.province_code AS prov {year}
            FROM inst i JOIN participation p ON p.pic = i.pic
            JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
            JOIN project pr ON pr.project_key = p.project_key
            JOIN organisation o ON o.pic = q.pic LEFT JOIN org_location l ON l.pic = q.pic),
        typed AS (SELECT inst {', year' if by_year else ''}, t, count(*) AS n FROM pp GROUP BY ALL),
        div AS (SELECT inst {', year' if by_year else ''}, (1 - sum(n * n) / (sum(n) * sum(n))) / (1 - 1 / 5.0) AS diversity
                FROM typed GROUP BY ALL)
        SELECT pp.inst AS pic {', pp.year' if by_year else ''}, count(*) AS partners,
               avg(CASE WHEN t = 'PRC' THEN 1 ELSE 0 END) AS firm_share,
               avg(CASE WHEN t IN ('PUB', 'OTH') THEN 1 ELSE 0 END) AS societal_share,
               avg(CASE WHEN country = 'NL' AND prov = home THEN 1 ELSE 0 END) AS regional_share,
               count(*) FILTER (WHERE country = 'NL' AND prov IS NULL) AS unplaced_dutch_partners,
               any_value(div.diversity) AS diversity
        FROM pp JOIN div ON div.inst = pp.inst {'AND div.year IS NOT DISTINCT FROM pp.year' if by_year else ''}
        GROUP BY pp.inst {', pp.year' if by_year else ''} ORDER BY 1 {', 2' if by_year else ''}""",
                    [pics, MIN_PARTICIPATIONS, pics])


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
