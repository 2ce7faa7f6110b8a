"""The ecosystem-analysis section of a funding proposal (seed 001, section 4).

From the workspace: the map and analysis of the ecosystem (headline figures, network,
brokers), the consortium's actors with their roles and contributions and their place in the
ecosystem, strengths and white spots per challenge (the diagnosis), connections with other
ecosystems at home (overlaps) and abroad (#18 by partner origin). From the user: the planned
activities, each naming the challenges it addresses, and the impact pathway (activities ->
outputs -> outcomes -> impact -> long-term earning capacity and societal challenges) with
indicators, baselines and targets.

Additionality: an activity *fills a white spot* when a challenge it addresses is a white spot in
the diagnosis; it *addresses a challenge without data* when the challenge is unknown (said so,
never called a white spot); it *builds on a strength* when the challenge is a strength.
"""

from __future__ import annotations

from typing import Any

from innovatlas.analysis import _require, overlaps, summary
from innovatlas.assess._data import organisation
from innovatlas.assess.inputs import ProposalInput
from innovatlas.diagnose import findings_of
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["assess", "LEVELS"]

LEVELS = {"activities": ("Activities", "Activiteiten"), "outputs": ("Outputs", "Output"),
          "outcomes": ("Outcomes", "Outcomes"), "impact": ("Impact", "Impact"),
          "long_term": ("Long-term earning capacity and societal challenges", "Verdienvermogen op lange termijn en maatschappelijke uitdagingen")}


def assess(ws: Workspace, p: ProposalInput) -> dict[str, Any]:
    from innovatlas.errors import InputError

    try:
        eco = _require(ws, p.ecosystem)
    except Exception:
        raise InputError(f"unknown ecosystem '{p.ecosystem}'", field="ecosystem",
                         hint="use an analysed ecosystem id ('innovatlas ecosystems')") from None
    s = summary(ws, p.ecosystem)
    findings = findings_of(ws, p.ecosystem)
    verdict = {int(f["code"].split("-")[1]): f for f in findings if f["kind"] == "challenge"}
    members = []
    for i, m in enumerate(p.consortium):
        org = organisation(ws, m.pic, f"consortium.{i}.pic")
        node = ws.dicts(Q.NETWORK_NODE(p.ecosystem, m.pic))
        in_eco = ws.scalar(Q.IS_MEMBER(p.ecosystem, m.pic))
        members.append({"pic": m.pic, "label": org["label"], "actor_type": org["actor_type"], "country": org["country"],
                        "municipality": org["municipality"], "role": m.role, "contribution": m.contribution,
                        "participations": org["participations"], "member_of_ecosystem": bool(in_eco),
                        "degree": node[0]["degree"] if node else None,
                        "betweenness": node[0]["betweenness"] if node else None})
    activities = []
    for a in p.activities:
        # only a white spot is a white spot: a challenge without data is "unknown", said as such (issue 9)
        fills = [c for c in a.challenges if verdict[c]["verdict"] == "white_spot"]
        unknown = [c for c in a.challenges if verdict[c]["verdict"] == "unknown"]
        builds = [c for c in a.challenges if verdict[c]["verdict"] == "strength"]
        activities.append({"name": a.name, "description": a.description, "challenges": a.challenges,
                           "fills_white_spots": fills, "addresses_unknown": unknown, "builds_on_strengths": builds,
                           "additional": bool(fills)})
    covered = {c for a in p.activities for c in a.challenges}
    uncovered_white = [n for n, f in verdict.items() if f["verdict"] == "white_spot" and n not in covered]
    brokers = ws.dicts(Q.BROKERS(p.ecosystem))
    ov = overlaps(ws, p.ecosystem)[:8]
    names = {i: (en, nl or en) for i, en, nl in ws.rows(Q.ECOSYSTEM_NAMES)}
    from innovatlas.connect.consortium import proposal_shortlist  # consortium builder (issue 10)

    shortlist = proposal_shortlist(ws, p.ecosystem, [n for n, f in sorted(verdict.items()) if f["verdict"] == "white_spot"])
    return {"kind": "proposal", "partner_shortlist": shortlist, "name": p.name, "title": p.title, "ecosystem": p.ecosystem,
            "ecosystem_name": {"en": eco["name_en"], "nl": eco["name_nl"]}, "summary": s, "brokers": brokers,
            "consortium": members, "challenges": [{"number": n, "title_en": f["title_en"], "title_nl": f["title_nl"],
                                                   "verdict": f["verdict"], "explanation_en": f["explanation_en"],
                                                   "explanation_nl": f["explanation_nl"]} for n, f in sorted(verdict.items())],
            "activities": activities, "white_spots_not_addressed": uncovered_white,
            "connections": {"overlaps": [dict(o, other=other, other_name_en=names.get(other, (other, other))[0],
                                              other_name_nl=names.get(other, (other, other))[1])
                                         for o in ov for other in [o["b"] if o["a"] == p.ecosystem else o["a"]]],
                            "relations": s["collaboration_relations"]},
            "impact_pathway": [{"level": st.level, "level_en": LEVELS[st.level][0], "level_nl": LEVELS[st.level][1],
                                "description": st.description, "indicator": st.indicator, "baseline": st.baseline,
                                "target": st.target, "year": st.year}
                               for st in sorted(p.impact_pathway, key=lambda x: list(LEVELS).index(x.level))],
            "pathway_levels_missing": [lv for lv in LEVELS if lv not in {st.level for st in p.impact_pathway}]}
