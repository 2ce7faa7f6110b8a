"""The evidence the framework data give the diagnosis (challenges 2, 3, 10; and 7 through #8).

Judging (the rules of :mod:`innovatlas.diagnose.rules` where they apply, else the ones named here)

* a series of at least three years (#6 scale-ups, #7 startups founded, #8 IP-based spin-offs, #21 users per
  year, #27 public-instrument events, #28 venture capital in EUR): an own target when there is one, else
  the trend (rule 2: +1 above +2 % a year, -1 below -2 %);
* #46 facilities: present (at least one facility recorded) is +1, as a documented entry (rule 5);
* #21 without a series: the share of SMEs and startups among the users, +1 at or above
  :data:`SME_STARTUP_USE_GOOD`, -1 when no user is an SME or startup, else 0;
* #47 formal rules: -1 when more than :data:`OPEN_BARRIER_BAD` of the formal barriers are still open, +1 when
  every formal barrier is addressed (or formal rules are recorded and none is a barrier), else 0;
* #50 informal rules: +1 when more enablers than barriers are recorded, -1 when more barriers, else 0;
* any other value known without a series or target: 0 (known, nothing to judge it by).
A withheld value (disclosure control) is "no data". Missing data give no evidence, never a negative one.
"""

from __future__ import annotations

from typing import Any

from innovatlas.model.finding import Evidence
from innovatlas.model.indicators import load_catalogue

__all__ = ["SME_STARTUP_USE_GOOD", "OPEN_BARRIER_BAD", "HEADLINE", "framework_evidence", "context"]

SME_STARTUP_USE_GOOD = 0.25
OPEN_BARRIER_BAD = 0.5
#: indicator -> the measure whose series is judged
HEADLINE = {6: "scale_ups", 7: "startups_founded", 8: "spin_offs_ip", 21: "facility_users", 27: "public_instrument_events",
            28: "venture_capital_eur"}


def context(ws, eco_id: str) -> dict[str, Any]:
    """The framework indicators of an ecosystem, read once per diagnosis (empty without framework data)."""
    from innovatlas.framework.measures import has_data, indicators

    if not has_data(ws, eco_id):
        return {"values": []}
    return {"values": indicators(ws, eco_id)}


def framework_evidence(ctx: dict[str, Any], num: int, targets: dict, skip: set[int] | None = None) -> list[Evidence]:
    from innovatlas.diagnose.rules import judge_target, judge_trend, trend_slope

    vals = [v for v in ctx.get("values", []) if v["indicator"] == str(num)]
    if not vals:
        return []
    spec = load_catalogue()[num]
    en, nl = f"#{num} {spec.name_en}", f"#{num} {spec.name_nl}"
    src = vals[0]["source"]
    kind = "qualitative" if num in (47, 50) else "import"

    def ev(measure, value, judgement, ren, rnl, unit=None, year=None, reference=None):
        return Evidence(kind=kind, indicator=str(num), measure=measure, label_en=en, label_nl=nl, value=value, unit=unit,
                        year=year, reference=reference, source=src, judgement=judgement, reason_en=ren, reason_nl=rnl)

    def get(measure, breakdown=""):
        return next((v for v in vals if v["measure"] == measure and v["breakdown"] == breakdown and v["year"] is None), None)

    if num in HEADLINE:
        m = HEADLINE[num]
        series = [v for v in vals if v["measure"] == m and v["breakdown"] == "" and v["year"] is not None
                  and v["year"] not in (skip or set())]
        withheld = [v for v in series if v["value"] is None]
        series = [v for v in series if v["value"] is not None]
        target = next((t for (i, _m), t in targets.items() if i == str(num)), None)
        if series and (len(series) >= 3 or target):
            years, values = [v["year"] for v in series], [v["value"] for v in series]
            slope = trend_slope(years, values)
            if target:
                j, ren, rnl = judge_target(values[-1], target["target_value"], target["baseline_value"], target["direction"], slope)
            else:
                j, ren, rnl = judge_trend(slope, "higher") if slope is not None else (0, "no trend", "geen trend")
                ren, rnl = f"{ren}, {years[0]}-{years[-1]}", f"{rnl}, {years[0]}-{years[-1]}"
            return [ev(m, values[-1], j, ren, rnl, unit=series[-1]["unit"], year=years[-1],
                       reference=target["target_value"] if target else None)]
        if withheld and not series:
            return [ev(m, None, None, "suppressed: confidential (disclosure control)",
                       "onderdrukt: vertrouwelijk (onthullingsbeheersing)")]
        if num == 21:
            share = get("sme_startup_user_share")
            if share is not None:
                s = share["value"]
                j = 1 if s >= SME_STARTUP_USE_GOOD else (-1 if s == 0 else 0)
                words = {1: ("SMEs and startups use the facilities", "mkb en startups gebruiken de faciliteiten"),
                         0: ("few SMEs and startups among the users", "weinig mkb en startups onder de gebruikers"),
                         -1: ("no SME or startup among the users", "geen mkb of startup onder de gebruikers")}[j]
                return [ev("sme_startup_user_share", s, j, f"{words[0]} ({s:.0%}; +1 at {SME_STARTUP_USE_GOOD:.0%} or more)",
                           f"{words[1]} ({s:.0%}; +1 bij {SME_STARTUP_USE_GOOD:.0%} of meer)".replace("%", " %"), unit="share")]
        if series:
            last = series[-1]
            return [ev(m, last["value"], 0, "known, but no target or series of three years to judge it by",
                       "bekend, maar zonder streefwaarde of reeks van drie jaar om aan te toetsen", unit=last["unit"],
                       year=last["year"])]
        total = get(m)
        if total is not None:
            return [ev(m, total["value"], 0, "known, but no target or series of three years to judge it by",
                       "bekend, maar zonder streefwaarde of reeks van drie jaar om aan te toetsen", unit=total["unit"])]
        return []
    if num == 46:
        n = get("facilities")
        if n and n["value"]:
            return [ev("facilities", n["value"], 1, f"{n['value']:g} facilities recorded (present)",
                       f"{n['value']:g} faciliteiten vastgelegd (aanwezig)", unit="facilities")]
        return []
    if num == 47:
        total, bar, open_ = get("formal_rules"), get("formal_barriers"), get("open_formal_barriers")
        if not total:
            return []
        b, o = bar["value"], open_["value"]
        if b and o / b > OPEN_BARRIER_BAD:
            j, ren, rnl = -1, f"{o:g} of {b:g} formal barriers still open", f"{o:g} van {b:g} formele belemmeringen nog open"
        elif o == 0:
            j, ren, rnl = 1, (f"every formal barrier addressed ({b:g})" if b else "formal rules recorded, none a barrier"), \
                (f"elke formele belemmering geadresseerd ({b:g})" if b else "formele regels vastgelegd, geen belemmering")
        else:
            j, ren, rnl = 0, f"{o:g} of {b:g} formal barriers still open", f"{o:g} van {b:g} formele belemmeringen nog open"
        return [ev("open_formal_barriers", o, j, ren, rnl, unit="entries")]
    if num == 50:
        total, en_, ba = get("informal_rules"), get("informal_enablers"), get("informal_barriers")
        if not total:
            return []
        e, b = en_["value"], ba["value"]
        j = 1 if e > b else (-1 if b > e else 0)
        return [ev("informal_rules", total["value"], j, f"{e:g} enablers and {b:g} barriers among the informal rules",
                   f"{e:g} stimulansen en {b:g} belemmeringen onder de informele regels", unit="entries")]
    return []


def rule_evidence(ws, eco_id: str, challenge: int) -> list[Evidence]:
    """Rule entries linked to ``challenge`` (their ``challenges`` column) as evidence of that challenge, except 10,
    which reads them through #47 and #50: an open barrier is -1, an enabler +1, an addressed barrier or a
    neutral rule 0."""
    from innovatlas.model.vocabulary import term
    from innovatlas.store.queries import framework as Q

    if challenge == 10:
        return []
    out = []
    for r in ws.dicts(Q.RULES_OF(eco_id)):
        linked = {int(x) for x in (r["challenges"] or "").replace(" ", "").split(";") if x.isdigit()}
        if challenge not in linked:
            continue
        if r["effect"] == "barrier":
            j = 0 if r["status"] == "addressed" else -1
        else:
            j = 1 if r["effect"] == "enabler" else 0
        en, nl = term("rule_type", r["rule_type"], "en"), term("rule_type", r["rule_type"], "nl")
        out.append(Evidence(kind="qualitative", indicator="rule", measure=r["rule_type"],
                            label_en=f"Rule ({en.lower()}): {r['title']}", label_nl=f"Regel ({nl.lower()}): {r['title']}",
                            value=None, source=r["source"], judgement=j,
                            reason_en={-1: "a barrier, not (yet) addressed", 0: "addressed or neutral", 1: "an enabler"}[j],
                            reason_nl={-1: "een belemmering, (nog) niet geadresseerd", 0: "geadresseerd of neutraal",
                                       1: "een stimulans"}[j]))
    return out
