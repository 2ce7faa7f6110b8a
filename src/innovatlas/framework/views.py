"""The framework section of an ecosystem (report, dashboard, API): facilities, startups and finance, rules and the
nine indicators, in Dutch and English, every figure through disclosure control (:mod:`innovatlas.disclosure`)."""

from __future__ import annotations

from typing import Any

from innovatlas.framework.measures import SCALE_UP_DEFINITION, indicators, records
from innovatlas.model.indicators import load_catalogue
from innovatlas.model.vocabulary import term
from innovatlas.report.labels import number, percent
from innovatlas.store import Workspace
from innovatlas.store.queries import framework as Q

__all__ = ["section", "facilities_geojson", "T"]

#: the section's words (en, nl)
T = {
    "title": ("Facilities, startups and finance, rules", "Faciliteiten, startups en financiering, regels"),
    "intro": ("From the ecosystem's own files (innovatlas template facilities|startups|finance|rules). Confidential "
              "amounts and employee counts are withheld; sums that include them are shown only under the disclosure rule.",
              "Uit de eigen bestanden van het ecosysteem (innovatlas template facilities|startups|finance|rules). "
              "Vertrouwelijke bedragen en aantallen werknemers worden niet getoond; sommen die ze bevatten alleen onder de "
              "onthullingsregel."),
    "none": ("No facilities, startups, financing or rules imported for this ecosystem: not in the data.",
             "Geen faciliteiten, startups, financiering of regels ingelezen voor dit ecosysteem: niet in de gegevens."),
    "facilities": ("Facilities", "Faciliteiten"), "startups": ("Startups, scale-ups and spin-offs", "Startups, scale-ups en spin-offs"),
    "finance": ("Financing events", "Financieringsrondes"), "rules": ("Rules", "Regels"),
    "indicators": ("Indicators from these data", "Indicatoren uit deze gegevens"),
    "name": ("Name", "Naam"), "type": ("Type", "Type"), "owner": ("Owner", "Eigenaar"), "operator": ("Operator", "Beheerder"),
    "location": ("Location", "Locatie"), "opened": ("Opened", "Geopend"), "capacity": ("Capacity", "Capaciteit"), "users": ("Users", "Gebruikers"),
    "investment": ("Investment", "Investering"), "founded": ("Founded", "Opgericht"), "sector": ("Sector", "Sector"),
    "stage": ("Stage", "Fase"), "parent": ("Spin-off of", "Spin-off van"), "ip": ("On the IP of", "Op IE van"),
    "employees": ("Employees", "Werknemers"), "date": ("Date", "Datum"), "round": ("Round", "Ronde"),
    "amount": ("Amount", "Bedrag"), "instrument": ("Instrument", "Instrument"), "investors": ("Investors", "Investeerders"),
    "rule": ("Rule", "Regel"), "effect": ("Effect", "Effect"), "status": ("Status", "Status"), "source": ("Source", "Bron"),
    "evidence": ("Evidence", "Onderbouwing"), "formal": ("formal", "formeel"), "informal": ("informal", "informeel"),
    "withheld": ("confidential (withheld)", "vertrouwelijk (niet getoond)"),
    "withheld_sum": ("withheld (disclosure control); at least {x} from open figures",
                     "niet getoond (onthullingsbeheersing); minstens {x} uit openbare cijfers"),
    "withheld_cell": ("withheld (disclosure control)", "niet getoond (onthullingsbeheersing)"),
    "open": ("open", "open"), "addressed": ("addressed", "geadresseerd"),
    "indicator": ("Indicator", "Indicator"), "measure": ("Measure", "Maat"), "year": ("Year", "Jaar"),
    "value": ("Value", "Waarde"), "all_years": ("all years", "alle jaren"),
}
_MEASURES = {
    "facilities": ("facilities", "faciliteiten"), "facility_investment_eur": ("investment (EUR)", "investering (EUR)"),
    "facility_users": ("users", "gebruikers"), "sme_startup_user_share": ("share of SMEs and startups among users",
                                                                        "aandeel mkb en startups onder gebruikers"),
    "startups": ("startups", "startups"), "startups_founded": ("startups founded", "opgerichte startups"),
    "spin_offs_ip": ("spin-offs on the institution's IP", "spin-offs op IE van de instelling"),
    "spin_offs_without_ip": ("spin-offs without the institution's IP", "spin-offs zonder IE van de instelling"),
    "scale_ups": ("scale-ups (high-growth enterprises)", "scale-ups (snelgroeiende ondernemingen)"),
    "young_gazelles": ("young gazelles", "young gazelles"),
    "public_instrument_events": ("events with a public instrument", "rondes met een publiek instrument"),
    "financing_events": ("financing events", "financieringsrondes"),
    "venture_capital_deals": ("venture-capital deals", "venture-capitalrondes"),
    "venture_capital_eur": ("venture capital (EUR)", "venture capital (EUR)"),
    "formal_rules": ("formal rules", "formele regels"), "formal_barriers": ("formal barriers", "formele belemmeringen"),
    "open_formal_barriers": ("formal barriers still open", "formele belemmeringen nog open"),
    "informal_rules": ("informal rules", "informele regels"), "informal_enablers": ("informal enablers", "informele stimulansen"),
    "informal_barriers": ("informal barriers", "informele belemmeringen"),
}
_CATS = {"sme_startup": ("SMEs and startups", "mkb en startups"), "knowledge_institution": ("knowledge institutions", "kennisinstellingen"),
         "other": ("other", "overig"), "unknown": ("type unknown", "type onbekend")}


def _t(key: str, lang: str) -> str:
    return T[key][0 if lang == "en" else 1]


def _bd(bd: str, lang: str) -> str:
    if not bd:
        return ""
    dim, _, cat = bd.partition(":")
    if dim == "type":
        return term("facility_type", cat, lang)
    if dim == "instrument":
        return term("instrument", cat, lang)
    if dim == "user":
        return _CATS.get(cat, (cat, cat))[0 if lang == "en" else 1]
    return cat


def _money(v, lang, cur="EUR"):
    return f"{cur} {number(v, lang, 0)}"


def section(ws: Workspace, eco_id: str, lang: str = "en") -> dict[str, Any]:
    """Everything the framework section shows for one ecosystem (JSON-ready; withheld figures are None)."""
    from innovatlas.errors import UnknownEcosystem
    from innovatlas.store.queries import inputs as QI

    if not ws.scalar(QI.ECOSYSTEM_EXISTS(eco_id)):
        raise UnknownEcosystem(eco_id, [r[0] for r in ws.rows(QI.ECOSYSTEM_IDS)])
    from innovatlas.framework.measures import has_data

    has = has_data(ws, eco_id)
    rec = records(ws, eco_id) if has else {k: [] for k in ("facilities", "investments", "use", "ventures", "employees",
                                                          "finance", "rules")}
    vals = indicators(ws, eco_id) if has else []
    cat = load_catalogue()
    for v in vals:
        v["label"] = cat[int(v["indicator"])].name(lang)
        v["measure_label"] = _MEASURES.get(v["measure"], (v["measure"],) * 2)[0 if lang == "en" else 1]
        v["breakdown_label"] = _bd(v["breakdown"], lang)
        if v["value"] is None:
            v["shown"] = (_t("withheld_sum", lang).format(x=_money(v["open_part"], lang)) if v.get("open_part")
                          else _t("withheld_cell", lang))
        elif v["unit"] == "share":
            v["shown"] = percent(v["value"], lang)
        elif v["unit"] == "EUR":
            v["shown"] = _money(v["value"], lang)
        else:
            v["shown"] = number(v["value"], lang)
    for f in rec["facilities"]:
        f["type_label"] = term("facility_type", f["facility_type"], lang)
        f["users"] = len({u["user_ref"] for u in rec["use"] if u["facility_id"] == f["facility_id"]})
        f["investments"] = [dict(i, shown=_t("withheld", lang) if i["withheld"] else _money(i["amount"], lang, i["currency"]))
                            for i in rec["investments"] if i["facility_id"] == f["facility_id"]]
    for u in rec["use"]:
        u["category_label"] = _CATS[u["category"]][0 if lang == "en" else 1]
        u["type_label"] = term("actor_type", u["user_type"], lang)
    emp: dict[str, list] = {}
    for e in rec["employees"]:
        emp.setdefault(e["actor_id"], []).append(e)
    for v in rec["ventures"]:
        v["type_label"] = term("actor_type", v["actor_type"], lang)
        v["stage_label"] = term("stage", v["stage"], lang)
        v["employees"] = [dict(e, shown=_t("withheld", lang) if e["withheld"] else number(e["employees"], lang))
                          for e in emp.get(v["actor_id"], [])]
    for f in rec["finance"]:
        f["instrument_label"] = term("instrument", f["instrument"], lang)
        f["shown"] = (_t("withheld", lang) if f["withheld"] else
                      "" if f["amount"] is None else _money(f["amount"], lang, f["currency"] or ""))
    for r in rec["rules"]:
        r["type_label"] = term("rule_type", r["rule_type"], lang)
        r["effect_label"] = term("rule_effect", r["effect"], lang)
        r["kind_label"] = _t("formal" if r["formal"] else "informal", lang)
        r["status_label"] = _t(r["status"], lang) if r["status"] in ("open", "addressed") else ""
    return {"ecosystem_id": eco_id, "has_data": has, "words": {k: _t(k, lang) for k in T},
            "scale_up_definition": SCALE_UP_DEFINITION[lang], "indicators": vals, **rec}


def facilities_geojson(ws: Workspace, eco_id: str, lang: str = "en") -> dict[str, Any]:
    """The ecosystem's facilities with coordinates as GeoJSON points (those placed only by city are listed without geometry)."""
    feats = []
    from innovatlas.framework.measures import scope

    for f in ws.dicts(Q.FACILITIES_OF(scope(ws, eco_id))):
        geom = {"type": "Point", "coordinates": [f["lon"], f["lat"]]} if f["lat"] is not None and f["lon"] is not None else None
        feats.append({"type": "Feature", "geometry": geom,
                      "properties": {"facility_id": f["facility_id"], "name": f["name"], "facility_type": f["facility_type"],
                                     "type_label": term("facility_type", f["facility_type"], lang),
                                     "municipality": f["municipality"], "city": f["city"]}})
    return {"type": "FeatureCollection", "features": feats}
