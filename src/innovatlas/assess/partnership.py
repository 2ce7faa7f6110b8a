"""Strategic-partnership assessment (Rathenau Institute framework, seed 000).

The assessment walks through the agreements to make up front, the requirements on the firm
and on the university, the criteria for a university, and the public questions. Each item
gets a rating (strong, adequate, concern, serious concern, not assessed), a justification
and evidence from the user; where the workspace has data, innovatlas adds evidence itself:

* the firm's country and whether it is in the EU (knowledge outflow);
* exclusivity: the firm's share of the institution's projects and of its firm partnerships,
  and of the EC funding in the institution's projects;
* access for small firms: SMEs and other firms collaborating with the institution before and
  during the partnership (by project start year);
* the partnership's place in the network: the pair's joint projects, and the degree and
  betweenness of institution and firm in the ecosystem's network.

There is no automatic verdict: the framework asks for a judgement. The result tallies the
ratings and lists the items with a (serious) concern and those not yet assessed.
"""

from __future__ import annotations

from typing import Any

from innovatlas.assess._data import EU27, organisation, partners_by_pic
from innovatlas.assess.inputs import RATINGS, PartnershipInput
from innovatlas.store import Workspace
from innovatlas.store.queries import assess as Q

__all__ = ["ITEMS", "GROUPS", "assess"]

GROUPS = {
    "agreements": ("Agreements to make up front", "Afspraken vooraf"),
    "firm": ("Requirements on the firm", "Eisen aan het bedrijf"),
    "university": ("Requirements on the university", "Eisen aan de universiteit"),
    "criteria": ("Criteria for the university", "Criteria voor de universiteit"),
    "public": ("Public questions", "Publieke vragen"),
}

#: item -> (group, English, Dutch)
ITEMS: dict[str, tuple[str, str, str]] = {
    "research_goals": ("agreements", "Research goals", "Onderzoeksdoelen"),
    "organisation_management": ("agreements", "Organisation and management of the research", "Organisatie en management van het onderzoek"),
    "publication": ("agreements", "Publication of results", "Publicatie van resultaten"),
    "intellectual_property": ("agreements", "Intellectual property", "Intellectueel eigendom"),
    "confidential_data": ("agreements", "Confidential data and information", "Vertrouwelijke gegevens en informatie"),
    "ending": ("agreements", "Ending the partnership", "Beëindigen van het partnerschap"),
    "absorptive_capacity": ("firm", "Absorptive capacity of the firm", "Absorptievermogen van het bedrijf"),
    "realistic_expectations": ("firm", "Realistic expectations", "Realistische verwachtingen"),
    "co_management": ("firm", "Willingness to co-manage a public-private lab", "Bereidheid een publiek-privaat lab mede te leiden"),
    "business_like_lab": ("university", "A more business-like lab", "Een zakelijker lab"),
    "board_vision_fit": ("university", "Fit with the board's long-term vision", "Past bij de langetermijnvisie van het bestuur"),
    "ecosystem_strengthening": ("criteria", "Lasting strengthening of the ecosystem on and around the campus", "Duurzame versterking van het ecosysteem op en rond de campus"),
    "knowledge_outflow": ("criteria", "Risk of knowledge, technology and talent flowing abroad, especially outside the EU", "Risico op wegvloeien van kennis, technologie en talent, vooral buiten de EU"),
    "csr_reputation": ("criteria", "Reputation on corporate social responsibility", "Reputatie op maatschappelijk verantwoord ondernemen"),
    "access_small_firms": ("public", "Access to public knowledge for small firms and others outside the partnership", "Toegang tot publieke kennis voor kleine bedrijven en anderen buiten het partnerschap"),
    "agenda_balance": ("public", "Balance of academic, societal and economic research agendas", "Balans tussen academische, maatschappelijke en economische agenda's"),
    "economy_benefit": ("public", "Regional, Dutch or European economy versus global competitors; reciprocity", "Regionale, Nederlandse of Europese economie versus mondiale concurrenten; wederkerigheid"),
    "strategy_fit": ("public", "Fit with long-term and regional development strategies", "Past bij langetermijn- en regionale ontwikkelingsstrategieën"),
    "coordination": ("public", "Horizontal and vertical coordination", "Horizontale en verticale coördinatie"),
}


def assess(ws: Workspace, p: PartnershipInput) -> dict[str, Any]:
    inst = [organisation(ws, pic, "institution") for pic in p.institution]
    firms = [organisation(ws, pic, "firms") for pic in p.firms]
    start_year = p.start.year
    partners = partners_by_pic(ws, p.institution, before_year=start_year)
    inst_projects = ws.scalar(Q.INSTITUTION_PROJECTS(p.institution)) or 0
    joint = ws.dicts(Q.JOINT_PROJECTS_BY_YEAR(p.institution, p.firms))
    joint_projects = sum(r["projects"] for r in joint)
    from innovatlas.analysis import partial_years

    partial = partial_years(ws)  # start years after the data end are said to be partial (issue 9)
    total_ec = ws.scalar(Q.INSTITUTION_PROJECTS_EC(p.institution)) or 0
    firm_links = [r for r in partners if r["activity_type"] == "PRC"]
    firm_partner_projects = sum(r["projects"] for r in firm_links)
    this_firm = sum(r["projects"] for r in firm_links if r["pic"] in p.firms)
    others = [r for r in firm_links if r["pic"] not in p.firms]
    access = {per: {"firms": sum(1 for r in others if r[per]), "sme": sum(1 for r in others if r[per] and r["sme"])}
              for per in ("before", "during")}
    sme_known = any(r["sme"] is not None for r in firm_links)
    net = ws.dicts(Q.NETWORK_NODES(p.ecosystem, p.institution + p.firms))
    pair_edge = ws.scalar(Q.PAIR_EDGE(p.ecosystem, p.institution, p.firms, p.institution, p.firms))
    data: dict[str, list[dict[str, Any]]] = {k: [] for k in ITEMS}
    for f in firms:
        in_eu = f["country"] in EU27
        data["knowledge_outflow"].append({
            "en": f"{f['label']} is registered in {f['country'] or 'an unknown country'}"
                  f" ({'inside' if in_eu else 'outside'} the EU)",
            "nl": f"{f['label']} is gevestigd in {f['country'] or 'een onbekend land'}"
                  f" ({'binnen' if in_eu else 'buiten'} de EU)", "value": f["country"], "flag": not in_eu})
    share_projects = joint_projects / inst_projects if inst_projects else None
    share_firm = this_firm / firm_partner_projects if firm_partner_projects else None
    firm_ec = sum(r["firm_ec"] for r in joint)
    share_ec = firm_ec / total_ec if total_ec else None
    data["access_small_firms"].append({
        "en": f"exclusivity: the firm(s) take part in {joint_projects} of the institution's {inst_projects} projects "
              f"({_pct(share_projects)}), {_pct(share_firm)} of its project links with firms and {_pct(share_ec)} of the EC "
              "funding in its projects",
        "nl": f"exclusiviteit: het bedrijf neemt deel aan {joint_projects} van de {inst_projects} projecten van de instelling "
              f"({_pct(share_projects)}), {_pct(share_firm)} van de projectrelaties met bedrijven en {_pct(share_ec)} van de "
              "EU-financiering in haar projecten", "value": share_firm, "flag": bool(share_firm and share_firm > 0.25)})
    data["access_small_firms"].append({
        "en": f"other firms collaborating with the institution: {access['before']['firms']} before {start_year}, "
              f"{access['during']['firms']} from {start_year} on"
              + (f"; of them SMEs: {access['before']['sme']} and {access['during']['sme']}" if sme_known
                 else "; SME status is not in the imported data"),
        "nl": f"andere bedrijven die met de instelling samenwerken: {access['before']['firms']} vóór {start_year}, "
              f"{access['during']['firms']} vanaf {start_year}"
              + (f"; waarvan mkb: {access['before']['sme']} en {access['during']['sme']}" if sme_known
                 else "; mkb-status staat niet in de geïmporteerde data"),
        "value": access, "flag": access["during"]["firms"] < access["before"]["firms"] * 0.5})
    pos = "; ".join(f"{n['label']}: {n['degree']} partners, betweenness {n['betweenness']:.4f}" for n in net) or "not in this ecosystem's network"
    data["ecosystem_strengthening"].append({
        "en": f"in the {p.ecosystem} network the pair shares {pair_edge or 0} joint project(s); {pos}",
        "nl": f"in het netwerk van {p.ecosystem} delen zij {pair_edge or 0} gezamenlijk(e) project(en); {pos}",
        "value": pair_edge or 0, "flag": False})
    data["ecosystem_strengthening"].append({
        "en": "joint projects by start year: " + (", ".join(f"{r['start_year']}: {r['projects']}"
                                                            + (" (partial year)" if r["start_year"] in partial else "")
                                                            for r in joint) or "none"),
        "nl": "gezamenlijke projecten per startjaar: " + (", ".join(f"{r['start_year']}: {r['projects']}"
                                                                     + (" (onvolledig jaar)" if r["start_year"] in partial else "")
                                                                     for r in joint) or "geen"),
        "value": joint_projects, "flag": False})
    items = []
    for key, (group, en, nl) in ITEMS.items():
        given = p.items.get(key)
        items.append({"key": key, "group": group, "label_en": en, "label_nl": nl,
                      "rating": given.rating if given else "not_assessed",
                      "justification": given.justification if given else "", "evidence": given.evidence if given else [],
                      "data": data[key]})
    tally = {r: sum(1 for i in items if i["rating"] == r) for r in RATINGS}
    return {"kind": "partnership", "name": p.name, "title": p.title, "scope": p.scope, "start": p.start.isoformat(),
            "end": p.end.isoformat() if p.end else None, "ecosystem": p.ecosystem,
            "institution": [{"pic": o["pic"], "label": o["label"], "country": o["country"]} for o in inst],
            "firms": [{"pic": o["pic"], "label": o["label"], "country": o["country"],
                       "in_eu": o["country"] in EU27} for o in firms],
            "exclusivity": {"joint_projects": joint_projects, "institution_projects": inst_projects,
                            "share_of_projects": share_projects, "share_of_firm_links": share_firm, "share_of_ec": share_ec},
            "access": access, "groups": {k: {"en": v[0], "nl": v[1]} for k, v in GROUPS.items()}, "items": items,
            "tally": tally, "concerns": [i["key"] for i in items if i["rating"] in ("concern", "serious_concern")],
            "not_assessed": [i["key"] for i in items if i["rating"] == "not_assessed"]}


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f}%"
