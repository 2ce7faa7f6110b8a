"""Collaboration-portfolio analysis of an organisation (seed 003, the ESB article on open innovation).

Partners come from the organisation's joint projects, typed by CORDIS activity and SME flag
(university/higher education, research organisation, large firm, SME, firm of unknown size,
public body, other), plus the customers, suppliers and competitors the user names. Measures:

* diversity over partner types: Blau ``1 - sum p^2``, normalised Blau (over the 7 CORDIS-based
  types) and Shannon entropy (:mod:`innovatlas.indicators.signals`);
* exploration vs exploitation (seed 003: universities and research institutes help radical
  innovation, suppliers and customers incremental): exploration = share of knowledge partners
  (HES, REC); exploitation = share of customers and suppliers the user names; without those,
  the share of firm partners is shown as a proxy and labelled so;
* repeat vs new partners per project start year;
* size asymmetry: for an SME, the share of its firm partners that are large firms (or of
  unknown size), with the seed's warning (about 80 % of entrepreneurs in 125 small-large
  alliances felt treated unfairly afterwards);
* absorptive capacity proxies where given (own R&D FTE, WBSO hours);
* an IP and contract checklist (background vs foreground knowledge, as in IMEC's programmes);
* peers: organisations of the same CORDIS type in the same country with at least three
  participations; the percentile of this organisation's number of partners and diversity.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.assess._data import organisation, partners_by_pic
from innovatlas.assess.inputs import PortfolioInput
from innovatlas.indicators.signals import blau, blau_normalised, shannon
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["assess", "PARTNER_TYPES", "partner_type", "IP_ITEMS"]

PARTNER_TYPES = ("university", "research_organisation", "large_firm", "sme", "firm_unknown_size", "public_body", "other")
IP_ITEMS = {
    "background_defined": ("Background knowledge each party brings in is listed", "De achtergrondkennis die elke partij inbrengt is vastgelegd"),
    "foreground_ownership": ("Ownership of foreground knowledge made together is agreed", "Eigendom van samen ontwikkelde voorgrondkennis is afgesproken"),
    "access_rights": ("Access and usage rights of the other parties are agreed", "Toegangs- en gebruiksrechten van de andere partijen zijn afgesproken"),
    "publication_rights": ("Publication rights and delays are agreed", "Publicatierechten en -termijnen zijn afgesproken"),
    "confidentiality": ("Confidentiality is agreed", "Vertrouwelijkheid is afgesproken"),
    "exit_terms": ("Exit terms are agreed", "Uittredingsvoorwaarden zijn afgesproken"),
}


def partner_type(activity: str | None, sme: bool | None) -> str:
    if activity == "HES":
        return "university"
    if activity == "REC":
        return "research_organisation"
    if activity == "PRC":
        return "sme" if sme else ("large_firm" if sme is False else "firm_unknown_size")
    return "public_body" if activity == "PUB" else "other"


def assess(ws: Workspace, p: PortfolioInput) -> dict[str, Any]:
    org = organisation(ws, p.organisation, "organisation")
    rows = partners_by_pic(ws, [p.organisation])
    roles = {rel.pic: rel.role for rel in p.relations if rel.pic}
    counts = dict.fromkeys(PARTNER_TYPES, 0)
    counts.update({t: n for t, n in ws.rows(Q.TYPE_COUNTS([r["type"] for r in rows]))})
    user_roles = {r: sum(1 for rel in p.relations if rel.role == r) for r in ("customer", "supplier", "competitor")}
    known = {r["pic"] for r in rows}
    total = len(rows) + sum(1 for rel in p.relations if rel.pic is None or rel.pic not in known)
    vec = list(counts.values())
    knowledge = counts["university"] + counts["research_organisation"]
    exploitation = user_roles["customer"] + user_roles["supplier"]
    firms = counts["large_firm"] + counts["sme"] + counts["firm_unknown_size"]
    # repeat vs new partners by start year, set-based: a partner is new in the year of its first joint project
    by_year = ws.dicts(Q.PARTNERS_BY_YEAR(p.organisation))
    partners = {r["pic"]: r for r in rows}
    # firm size is "not in the data" when no firm partner has a published SME flag (the reduced H2020 table
    # has none): large firm and SME are then None, never 0 (issue 9, point 5)
    size_known = any(r["activity_type"] == "PRC" and r["sme"] is not None for r in rows)
    from innovatlas.analysis import partial_years

    partial = partial_years(ws)
    for r in by_year:
        r["partial"] = r["year"] in partial
    size = p.size if p.size != "unknown" else ("sme" if org["sme"] else "large" if org["sme"] is False else "unknown")
    asym = None
    if size == "sme" and firms:
        big = counts["large_firm"] + counts["firm_unknown_size"]
        asym = {"large_or_unknown_share": big / firms, "large_known": counts["large_firm"],
                "unknown_size": counts["firm_unknown_size"],
                "warning": bool(counts["large_firm"] or counts["firm_unknown_size"])}
    peers = ws.dicts(Q.PORTFOLIO_PEERS(org["activity_type"], org["country"]))
    def pct(values, v):
        return float((np.asarray(values) <= v).mean()) if values else None
    my_blau_cordis = blau([counts["university"], counts["research_organisation"], firms, counts["public_body"], counts["other"]])
    peer = {"peers": len(peers),
            "partners_percentile": pct([r["partners"] for r in peers], len(partners)),
            "diversity_percentile": pct([r["blau"] for r in peers], my_blau_cordis),
            "median_partners": float(np.median([r["partners"] for r in peers])) if peers else None}
    top = [dict(r, role=roles.get(r["pic"])) for r in rows[:25]]
    return {
        "kind": "portfolio", "name": p.name,
        "organisation": {"pic": org["pic"], "label": org["label"], "activity_type": org["activity_type"],
                         "country": org["country"], "size": size, "participations": org["participations"]},
        "partners": len(rows), "user_roles": user_roles, "firm_size_known": size_known,
        "by_type": {k: (None if k in ("large_firm", "sme") and not size_known else n) for k, n in counts.items()},
        "diversity": {"blau": blau(vec), "blau_normalised": blau_normalised(vec, len(PARTNER_TYPES)),
                      "shannon": shannon(vec)},
        "exploration_share": knowledge / total if total else None,
        "exploitation_share": exploitation / total if total and exploitation else None,
        "exploitation_proxy_firm_share": firms / total if total else None,
        "repeat_vs_new": by_year, "size_asymmetry": asym,
        "absorptive_capacity": {"own_rd_fte": p.own_rd_fte, "wbso_hours": p.wbso_hours},
        "ip_checklist": [{"key": k, "en": en, "nl": nl, "answer": p.ip_checklist.get(k, "unknown")}
                         for k, (en, nl) in IP_ITEMS.items()],
        "peers": peer, "top_partners": top,
    }
