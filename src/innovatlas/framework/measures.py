"""Indicators #6, #7, #8, #21, #27, #28, #46, #47 and #50 from the framework data, per ecosystem and year.

Definitions (the names below are what the report states)

* **#6 scale-ups**: high-growth enterprises as defined by OECD and Eurostat (Eurostat-OECD *Manual on
  Business Demography Statistics*, 2007, §8; Commission Implementing Regulation (EU) 2014/439): average
  annualised growth in employees of at least :data:`HIGH_GROWTH_MIN_ANNUAL_GROWTH` over
  :data:`HIGH_GROWTH_PERIOD_YEARS` years, with at least :data:`HIGH_GROWTH_MIN_EMPLOYEES` employees at the
  start of the period; **young gazelles** are those at most :data:`YOUNG_GAZELLE_MAX_AGE` years old at the
  end of the period. Counted per end year, among the firms of the startups file with employee counts at
  both ends (a firm without them is not in the data, never "not high-growth").
* **#7 startups**: firms of the startups file of type startup, per founding year (and in all).
* **#8 spin-offs**: firms with a knowledge-institution parent *and* an IP holder (based on the institution's
  intellectual property, as #8 asks), per spin-off year (else founding year); those with a parent but no
  IP are shown apart.
* **#21 facility use**: distinct users of the ecosystem's facilities, in all and per year of use
  (since_year to until_year, an open end running to the current year), broken down into SMEs and
  startups (as #21 asks), knowledge institutions and others; the share of SMEs and startups.
* **#27 financing instruments**: financing events per instrument and year; public instruments (DVI, MIT,
  Seed Capital, Innovatiekrediet, VFF) counted together.
* **#28 venture capital**: the amount (EUR only; other currencies are counted, not converted) of seed, VC
  and DVI rounds per year, through disclosure control (:func:`innovatlas.disclosure.disclosed_sums`).
* **#46 specific locations**: the facilities of the ecosystem, by type; their investment per year
  (disclosed like #28).
* **#47 laws and regulation** and **#50 social norms**: the formal and informal rule entries, with how
  many are barriers (and of the formal ones, how many are still open) and enablers.

Sums across years are not published (a withheld year could be computed from them). What is recorded for an
ecosystem counts for every ecosystem it nests in (:func:`scope`: Eindhoven's facilities are the Netherlands'
too), once; rule entries stay with the ecosystem they were recorded for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from innovatlas.disclosure import disclosed_records, disclosed_sums
from innovatlas.model.vocabulary import (KNOWLEDGE_INSTITUTIONS, PUBLIC_INSTRUMENTS, SME_OR_STARTUP, VENTURE_CAPITAL)
from innovatlas.store import Workspace
from innovatlas.store.queries import framework as Q

__all__ = ["scope", "has_data", "HIGH_GROWTH_MIN_ANNUAL_GROWTH", "HIGH_GROWTH_MIN_EMPLOYEES", "HIGH_GROWTH_PERIOD_YEARS",
           "YOUNG_GAZELLE_MAX_AGE", "SCALE_UP_DEFINITION", "records", "indicators", "FRAMEWORK_INDICATORS"]

#: OECD-Eurostat high-growth enterprise: at least 10 % average annualised employee growth ...
HIGH_GROWTH_MIN_ANNUAL_GROWTH = 0.10
#: ... over three years ...
HIGH_GROWTH_PERIOD_YEARS = 3
#: ... with at least ten employees at the start of the period
HIGH_GROWTH_MIN_EMPLOYEES = 10
#: young gazelle: a high-growth enterprise at most five years old at the end of the period
YOUNG_GAZELLE_MAX_AGE = 5

SCALE_UP_DEFINITION = {
    "en": (f"Scale-up = high-growth enterprise (OECD-Eurostat): average annualised growth in employees of at least "
           f"{HIGH_GROWTH_MIN_ANNUAL_GROWTH:.0%} over {HIGH_GROWTH_PERIOD_YEARS} years, with at least "
           f"{HIGH_GROWTH_MIN_EMPLOYEES} employees at the start; young gazelle = high-growth and at most "
           f"{YOUNG_GAZELLE_MAX_AGE} years old at the end of the period."),
    "nl": (f"Scale-up = snelgroeiende onderneming (OESO-Eurostat): gemiddelde jaarlijkse groei van het aantal "
           f"werknemers van minstens {HIGH_GROWTH_MIN_ANNUAL_GROWTH:.0%} over {HIGH_GROWTH_PERIOD_YEARS} jaar, met "
           f"minstens {HIGH_GROWTH_MIN_EMPLOYEES} werknemers bij de start; young gazelle = snelgroeiend en hoogstens "
           f"{YOUNG_GAZELLE_MAX_AGE} jaar oud aan het eind van de periode.").replace("10%", "10 %"),
}

#: catalogue number -> the measure the diagnosis judges (the headline series)
FRAMEWORK_INDICATORS = (6, 7, 8, 21, 27, 28, 46, 47, 50)


def _provenance(ws: Workspace, prefix: str) -> str:
    parts = [f"{b['dataset']}: {b['file']} (batch {b['batch_id']}, {b['rows']:,} rows, imported {b['imported_at']:%Y-%m-%d %H:%M})"
             for b in ws.dicts(Q.FRAMEWORK_BATCHES) if b["dataset"].startswith(prefix)]
    return "; ".join(parts) or "not in the data"


def _category(actor_type: str | None) -> str:
    if actor_type in SME_OR_STARTUP:
        return "sme_startup"
    if actor_type in KNOWLEDGE_INSTITUTIONS:
        return "knowledge_institution"
    if actor_type is None:
        return "unknown"
    return "other"


def scope(ws: Workspace, eco_id: str) -> list[str]:
    """The ecosystem and every ecosystem nested in it (facilities and firms recorded for Eindhoven belong to the
    Netherlands too); rule entries stay with the ecosystem they were recorded for."""
    children: dict[str, list[str]] = {}
    for e, parent in ws.rows(Q.ECOSYSTEM_PARENTS):
        if parent:
            children.setdefault(parent, []).append(e)
    out, todo = [], [eco_id]
    while todo:
        e = todo.pop()
        if e not in out:
            out.append(e)
            todo += children.get(e, [])
    return out


def has_data(ws: Workspace, eco_id: str) -> bool:
    s = scope(ws, eco_id)
    return bool(ws.scalar(Q.HAS_FRAMEWORK_DATA(s, s, eco_id)))


def records(ws: Workspace, eco_id: str) -> dict[str, list[dict[str, Any]]]:
    """The ecosystem's framework records (its own and those of the ecosystems nested in it), confidential figures
    withheld (:func:`innovatlas.disclosure.disclosed_records`)."""
    sc = scope(ws, eco_id)
    use = ws.dicts(Q.USE_OF(sc))
    for u in use:
        u["category"] = _category(u["user_type"])
    rules = ws.dicts(Q.RULES_OF(eco_id))
    import json

    for r in rules:
        r["evidence"] = json.loads(r["evidence"])
        r["entry_date"] = r["entry_date"].isoformat()
    fin = disclosed_records(ws.dicts(Q.FINANCE_OF(sc)), ("amount",))
    for f in fin:
        f["event_date"] = f["event_date"].isoformat()
    return {
        "facilities": ws.dicts(Q.FACILITIES_OF(sc)),
        "investments": disclosed_records(ws.dicts(Q.INVESTMENTS_OF(sc)), ("amount",)),
        "use": use,
        "ventures": ws.dicts(Q.VENTURES_OF(sc)),
        "employees": disclosed_records(ws.dicts(Q.EMPLOYEES_OF(sc)), ("employees",)),
        "finance": fin,
        "rules": rules,
    }


def _v(ind, measure, value, unit, year=None, breakdown="", **kw) -> dict[str, Any]:
    return {"indicator": str(ind), "measure": measure, "breakdown": breakdown, "year": year, "value": value, "unit": unit, **kw}


def _sum_cells(ws: Workspace) -> dict[tuple, dict[str, Any]]:
    """#28 and #46 amounts per ecosystem and year, every ecosystem judged together (differencing)."""
    cells = []
    parents = dict(ws.rows(Q.ECOSYSTEM_PARENTS))
    ecos: list[str] = []
    for (e,) in ws.rows(Q.ECOSYSTEMS_WITH_DATA):  # and every ecosystem they nest in
        while e and e not in ecos:
            ecos.append(e)
            e = parents.get(e)
    for eco in ecos:
        sc = scope(ws, eco)
        inv: dict[int, list] = {}
        for r in ws.dicts(Q.INVESTMENTS_OF(sc)):
            if r["currency"] == "EUR":
                inv.setdefault(r["year"], []).append((r["facility_id"], r["amount"], r["confidential"]))
        cells += [{"ecosystem_id": eco, "indicator": "46", "measure": "facility_investment_eur", "year": y, "breakdown": "",
                   "parts": p} for y, p in inv.items()]
        vc: dict[int, list] = {}
        for r in ws.dicts(Q.FINANCE_OF(sc)):
            if r["instrument"] in VENTURE_CAPITAL and r["currency"] == "EUR" and r["amount"] is not None:
                vc.setdefault(r["year"], []).append((r["actor_id"], r["amount"], r["confidential"]))
        cells += [{"ecosystem_id": eco, "indicator": "28", "measure": "venture_capital_eur", "year": y, "breakdown": "",
                   "parts": p} for y, p in vc.items()]
    out = {}
    for c in disclosed_sums(ws, cells):
        out[(c["ecosystem_id"], c["indicator"], c["year"])] = c
    return out


def indicators(ws: Workspace, eco_id: str, sums: dict | None = None) -> list[dict[str, Any]]:
    """Every value of the nine indicators for one ecosystem, with unit, method and provenance."""
    rec = records(ws, eco_id)
    sums = _sum_cells(ws) if sums is None else sums
    this_year = dt.date.today().year
    out: list[dict[str, Any]] = []
    src_fac, src_st, src_fin, src_rules = (_provenance(ws, p) for p in
                                           ("framework:facilities", "framework:startups", "framework:finance", "framework:rules"))
    # #46 facilities
    if rec["facilities"]:
        out.append(_v(46, "facilities", len(rec["facilities"]), "facilities", source=src_fac,
                      method="Facilities of the ecosystem in the facilities file."))
        for t in sorted({f["facility_type"] for f in rec["facilities"]}):
            out.append(_v(46, "facilities", sum(f["facility_type"] == t for f in rec["facilities"]), "facilities",
                          breakdown=f"type:{t}", source=src_fac, method="Facilities by type."))
        for (e, ind, y), c in sorted(sums.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
            if e == eco_id and ind == "46":
                out.append(_v(46, "facility_investment_eur", c["value"], "EUR", year=y, source=src_fac,
                              suppressed=c["suppressed"], suppression=c["suppression"], open_part=c["open_part"],
                              method="Investments in the facilities in the year (EUR), under disclosure control."))
    # #21 facility use
    if rec["use"]:
        users = {(u["user_ref"] or "").lower(): u["category"] for u in rec["use"]}
        n = len(users)
        out.append(_v(21, "facility_users", n, "users", source=src_fac,
                      method="Distinct users of the ecosystem's facilities (all years)."))
        for cat in ("sme_startup", "knowledge_institution", "other", "unknown"):
            k = sum(v == cat for v in users.values())
            if k:
                out.append(_v(21, "facility_users", k, "users", breakdown=f"user:{cat}", source=src_fac,
                              method="Distinct users by category (SMEs and startups flagged, as #21 asks)."))
        out.append(_v(21, "sme_startup_user_share", sum(v == "sme_startup" for v in users.values()) / n, "share",
                      source=src_fac, method="Share of SMEs and startups among the distinct users."))
        per_year: dict[int, set] = {}
        for u in rec["use"]:
            if u["since_year"] is not None:
                for y in range(u["since_year"], (u["until_year"] or this_year) + 1):
                    per_year.setdefault(y, set()).add((u["user_ref"] or "").lower())
        for y in sorted(per_year):
            out.append(_v(21, "facility_users", len(per_year[y]), "users", year=y, source=src_fac,
                          method="Distinct users in the year (since_year to until_year; an open end to this year)."))
    # #7 startups, #8 spin-offs
    ventures = rec["ventures"]
    startups = [v for v in ventures if v["actor_type"] == "startup"]
    if ventures:
        out.append(_v(7, "startups", len(startups), "firms", source=src_st, method="Firms of type startup in the startups file."))
        for y in sorted({v["founding_year"] for v in startups if v["founding_year"] is not None}):
            out.append(_v(7, "startups_founded", sum(v["founding_year"] == y for v in startups), "firms", year=y,
                          source=src_st, method="Startups by founding year."))
        for s in sorted({v["sector"] for v in startups if v["sector"]}):
            out.append(_v(7, "startups", sum(v["sector"] == s for v in startups), "firms", breakdown=f"sector:{s}",
                          source=src_st, method="Startups by sector."))
        spin = [v for v in ventures if v["parent_ref"]]
        ip = [v for v in spin if v["ip_holder_ref"]]
        out.append(_v(8, "spin_offs_ip", len(ip), "firms", source=src_st,
                      method="Spin-offs of knowledge institutions based on the institution's IP (parent and IP holder given)."))
        out.append(_v(8, "spin_offs_without_ip", len(spin) - len(ip), "firms", source=src_st,
                      method="Spin-offs with a knowledge-institution parent but no IP holder given (not counted in #8)."))
        for y in sorted({(v["spin_off_year"] or v["founding_year"]) for v in ip} - {None}):
            out.append(_v(8, "spin_offs_ip", sum((v["spin_off_year"] or v["founding_year"]) == y for v in ip), "firms",
                          year=y, source=src_st, method="IP-based spin-offs by spin-off year (else founding year)."))
        for p in sorted({v["parent_name"] or v["parent_ref"] for v in ip}):
            out.append(_v(8, "spin_offs_ip", sum((v["parent_name"] or v["parent_ref"]) == p for v in ip), "firms",
                          breakdown=f"parent:{p}", source=src_st, method="IP-based spin-offs by parent institution."))
        # #6 scale-ups
        sc = scope(ws, eco_id)
        years = [y for (y,) in ws.rows(Q.GROWTH_YEARS(HIGH_GROWTH_PERIOD_YEARS, sc))]
        hg = ws.dicts(Q.HIGH_GROWTH(HIGH_GROWTH_PERIOD_YEARS, sc, HIGH_GROWTH_MIN_EMPLOYEES, HIGH_GROWTH_PERIOD_YEARS,
                                    HIGH_GROWTH_MIN_ANNUAL_GROWTH))
        for y in years:
            firms = [h for h in hg if h["year"] == y]
            young = [h for h in firms if h["founding_year"] is not None and y - h["founding_year"] <= YOUNG_GAZELLE_MAX_AGE]
            out.append(_v(6, "scale_ups", len(firms), "firms", year=y, source=src_st, method=SCALE_UP_DEFINITION["en"]))
            out.append(_v(6, "young_gazelles", len(young), "firms", year=y, source=src_st, method=SCALE_UP_DEFINITION["en"]))
            for sector in sorted({h["sector"] for h in firms if h["sector"]}):
                out.append(_v(6, "scale_ups", sum(h["sector"] == sector for h in firms), "firms", year=y,
                              breakdown=f"sector:{sector}", source=src_st, method=SCALE_UP_DEFINITION["en"]))
    # #27 instruments, #28 venture capital
    fin = rec["finance"]
    if fin:
        for y in sorted({f["year"] for f in fin}):
            fy = [f for f in fin if f["year"] == y]
            out.append(_v(27, "public_instrument_events", sum(f["instrument"] in PUBLIC_INSTRUMENTS for f in fy), "events",
                          year=y, source=src_fin, method="Financing events with a public instrument (DVI, MIT, Seed Capital, "
                                                         "Innovatiekrediet, VFF) in the year."))
            for i in sorted({f["instrument"] for f in fy}):
                out.append(_v(27, "financing_events", sum(f["instrument"] == i for f in fy), "events", year=y,
                              breakdown=f"instrument:{i}", source=src_fin, method="Financing events by instrument."))
            out.append(_v(28, "venture_capital_deals", sum(f["instrument"] in VENTURE_CAPITAL for f in fy), "deals", year=y,
                          source=src_fin, method="Seed, VC and DVI rounds in the year."))
            c = sums.get((eco_id, "28", y))
            if c:
                out.append(_v(28, "venture_capital_eur", c["value"], "EUR", year=y, source=src_fin,
                              suppressed=c["suppressed"], suppression=c["suppression"], open_part=c["open_part"],
                              method="Amount of seed, VC and DVI rounds in EUR (other currencies not converted), "
                                     "under disclosure control."))
    # #47, #50 rules
    formal = [r for r in rec["rules"] if r["formal"]]
    informal = [r for r in rec["rules"] if not r["formal"]]
    if formal:
        out.append(_v(47, "formal_rules", len(formal), "entries", source=src_rules, method="Formal rule entries."))
        out.append(_v(47, "formal_barriers", sum(r["effect"] == "barrier" for r in formal), "entries", source=src_rules,
                      method="Formal rules recorded as a barrier."))
        out.append(_v(47, "open_formal_barriers", sum(r["effect"] == "barrier" and r["status"] != "addressed" for r in formal),
                      "entries", source=src_rules, method="Formal barriers not (yet) addressed."))
    if informal:
        out.append(_v(50, "informal_rules", len(informal), "entries", source=src_rules, method="Informal rule entries."))
        for eff in ("enabler", "barrier"):
            out.append(_v(50, f"informal_{eff}s", sum(r["effect"] == eff for r in informal), "entries", source=src_rules,
                          method=f"Informal rules recorded as {eff}."))
    return out
