"""The rules of the diagnosis.

Evidence per challenge
    :data:`CHALLENGES` ties each challenge to catalogue indicators (refining the
    ``challenges`` column of the catalogue: we added #29 and #37 to 8, #18 to 9, #14 and #16
    to 7 as it already had, #8 to 3, and network signals where the open data speak to a challenge) and
    to signals from :mod:`innovatlas.indicators.signals`.

Judging one piece of evidence (+1 positive, 0 neutral, -1 negative, None = no data)
    1. A value with an own target (streefwaarde): +1 when the target is met; 0 when not met
       but the trend is towards it; -1 otherwise.
    2. A series of at least three years without a target: the trend (least-squares slope
       relative to the mean) is +1 above +2 % a year, -1 below -2 % a year, else 0.
    3. An open-data measure or a signal of a nested ecosystem is judged against the reference
       written down for it in :data:`innovatlas.diagnose.reference.REFERENCES`: its own past
       (trend over the complete years, as rule 2), its peers (+1 at or above 110 % of the peers'
       median, -1 at or below 90 %, reversed when lower is better; for a measure that can be
       negative the difference relative to the median) or, for size-dependent measures, a
       size-adjusted reference (random groups of the same size from the parent; or the peers'
       line on ln members). It is no longer compared with the parent itself: a city of 66
       organisations against the country of 2,061 made "dependence on one dominant actor"
       automatic (issue 9). The evidence line names the reference (``reference_kind``).
    4. A signal with an absolute threshold (:data:`THRESHOLDS`), used when there is no parent
       (own past first where the measure has one) or no peers.
    Start years the data cover only in part (after the data end) stay out of every series.
    5. A qualitative entry with evidence counts as +1 (the structure or document exists); a
       missing entry is "no data", never negative.
    6. An imported value without target or series is 0: known, but nothing to judge it by.
    Suppressed confidential values count as "no data".
    7. Facilities, startups and finance, rules (issue 19): #6, #7, #8, #21, #27, #28, #46, #47 and #50 are also read
       from the framework data, and rule entries are evidence of the challenges they are linked to; the rules are
       in :mod:`innovatlas.framework.diagnosis`.

Verdict per challenge
    ``unknown`` when no evidence has data; otherwise the mean judgement: ``strength`` at or
    above +1/3, ``white_spot`` at or below -1/3, ``mixed`` in between.

Rationales (seed 001, Dialogic)
    *System failure* is ``present`` when the network is fragmented (largest component below
    50 %), coordination is weak (challenge 8 a white spot), there are signs of lock-in (entry
    rate or dominance judged negative) or skills gaps (challenge 5 or 6 a white spot);
    ``not_indicated`` when these were judged and none is negative; else ``unknown``.
    *Transformation failure* is ``present`` when users and demand are not in sight
    (challenge 4 a white spot, or #39/#11 judged negative); ``not_indicated`` when
    challenge 4 is a strength; else ``unknown``.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from innovatlas.diagnose.reference import MIN_PEERS, REFERENCE_LABELS, REFERENCES
from innovatlas.disclosure import disclosed_inputs, rule_of
from innovatlas.model.finding import Evidence, Finding
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace
from innovatlas.store.queries import diagnose as Q

__all__ = ["CHALLENGES", "THRESHOLDS", "SIGNAL_LABELS", "check_ecosystem", "diagnose_all", "findings_of",
           "judge_target", "judge_trend", "judge_reference", "verdict_of", "trend_slope"]

#: challenge number -> (title en, title nl, catalogue indicators, open-data measures, signals)
CHALLENGES: dict[int, dict[str, Any]] = {
    1: {"en": "Long-term view and coherence of R&I investment", "nl": "Lange termijn blik en samenhang bij investeringen",
        "indicators": [9, 19, 34, 35, 43, 44, 45], "open": [], "signals": []},
    2: {"en": "Research and test facilities", "nl": "Onderzoeks- en testfaciliteiten",
        "indicators": [21, 43, 46], "open": [], "signals": []},
    3: {"en": "Finance for startups and scale-ups", "nl": "Financiering voor startups en scale-ups",
        "indicators": [6, 7, 8, 26, 27, 28], "open": [], "signals": []},  # #8 added: spin-offs are early-stage firms (issue 19)
    4: {"en": "Involving users and creating markets", "nl": "Betrekken van gebruikers en marktcreatie",
        "indicators": [5, 11, 36, 39], "open": [("public_civil_share", "higher")], "signals": []},
    5: {"en": "Skills and absorptive capacity in SMEs", "nl": "Vaardigheden en absorptiecapaciteit in het mkb",
        "indicators": [9, 17, 22, 38, 40], "open": [("sme_share", "higher")],
        "signals": ["knowledge_sme_link_ratio", "knowledge_firm_link_ratio"]},
    6: {"en": "Developing, attracting and retaining top talent", "nl": "Ontwikkelen, aantrekken en behouden van toptalent",
        "indicators": [17, 23, 24, 41], "open": [], "signals": []},
    7: {"en": "Knowledge transfer and valorisation", "nl": "Kennisoverdracht en valorisatie",
        "indicators": [7, 8, 14, 16, 25, 38], "open": [], "signals": ["knowledge_firm_link_ratio", "triple_helix_T"]},
    8: {"en": "Organising capacity of the ecosystem", "nl": "Organiserend vermogen van het ecosysteem",
        "indicators": [18, 29, 30, 31, 32, 33, 34, 37], "open": [("internal_pairs_per_member", "higher"),
                                                                  ("organisation_degree", "higher")],
        "signals": ["largest_component_share", "dominance_links", "dominance_funding", "entry_rate"]},
    9: {"en": "Connections between ecosystems", "nl": "Verbindingen tussen ecosystemen",
        "indicators": [16, 18, 24, 48], "open": [("relations_per_member", "higher")],
        "signals": ["international_share_third"]},
    10: {"en": "Attention to laws and regulation early on", "nl": "Vroeg aandacht voor wet- en regelgeving",
         "indicators": [36, 47, 50], "open": [], "signals": []},
}

#: signal -> (direction, positive at or beyond, negative at or beyond), used without a parent ecosystem
THRESHOLDS: dict[str, tuple[str, float, float]] = {
    "largest_component_share": ("higher", 0.8, 0.5),
    "dominance_links": ("lower", 0.10, 0.25),
    "dominance_funding": ("lower", 0.25, 0.50),
    "knowledge_firm_link_ratio": ("higher", 1.0, 0.7),
    "knowledge_sme_link_ratio": ("higher", 1.0, 0.7),
    "entry_rate": ("higher", 0.20, 0.10),
    "triple_helix_T": ("lower", 0.0, 0.0),  # negative T = synergy
    "international_share_third": ("higher", 0.05, 0.02),
    "organisation_degree": ("higher", 0.5, 0.2),
}

SIGNAL_LABELS = {
    "largest_component_share": ("share of organisations in the largest connected group", "aandeel organisaties in de grootste verbonden groep"),
    "dominance_links": ("largest organisation's share of all links", "aandeel van de grootste organisatie in alle verbindingen"),
    "dominance_funding": ("largest organisation's share of EU funding", "aandeel van de grootste organisatie in de EU-financiering"),
    "knowledge_firm_link_ratio": ("links knowledge institution-firm, observed/expected", "verbindingen kennisinstelling-bedrijf, waargenomen/verwacht"),
    "knowledge_sme_link_ratio": ("links knowledge institution-SME, observed/expected", "verbindingen kennisinstelling-mkb, waargenomen/verwacht"),
    "entry_rate": ("yearly share of newcomers among active organisations", "jaarlijks aandeel nieuwkomers onder actieve organisaties"),
    "triple_helix_T": ("triple-helix mutual information (negative = synergy)", "triple-helix wederzijdse informatie (negatief = synergie)"),
    "international_share_third": ("share of relations with partners outside EU and associated countries", "aandeel relaties met partners buiten EU en geassocieerde landen"),
    "organisation_degree": ("degree of organisation (#37)", "organisatiegraad (#37)"),
    "internal_pairs_per_member": ("collaborating pairs inside per member (#18)", "samenwerkende paren binnen per lid (#18)"),
    "relations_per_member": ("relations outside the ecosystem per member (#18)", "relaties buiten het ecosysteem per lid (#18)"),
    "public_civil_share": ("share of participations by public bodies and other organisations", "aandeel deelnames door publieke en overige organisaties"),
    "sme_share": ("share of SME participations among firms", "aandeel mkb-deelnames onder bedrijven"),
}


def trend_slope(years: list[int], values: list[float]) -> float | None:
    """Least-squares slope per year divided by the mean value (relative yearly change)."""
    if len(years) < 3:
        return None
    y = np.asarray(values, dtype=float)
    if y.mean() == 0:
        return None
    slope = np.polyfit(np.asarray(years, dtype=float), y, 1)[0]
    return float(slope / abs(y.mean()))


def judge_target(value: float, target: float, baseline: float | None, direction: str,
                 slope: float | None) -> tuple[int, str, str]:
    met = value >= target if direction == "higher" else value <= target
    if met:
        return 1, f"meets the target {target:g}", f"haalt de streefwaarde {target:g}"
    towards = slope is not None and (slope > 0 if direction == "higher" else slope < 0)
    if towards:
        return 0, f"below the target {target:g}, but moving towards it", f"nog niet op streefwaarde {target:g}, maar op weg ernaartoe"
    return -1, f"does not meet the target {target:g} and is not moving towards it", f"haalt de streefwaarde {target:g} niet en beweegt er niet naartoe"


def judge_trend(slope: float, direction: str = "higher") -> tuple[int, str, str]:
    s = slope if direction == "higher" else -slope
    pct = f"{100 * slope:+.1f}%"
    if s > 0.02:
        return 1, f"improving ({pct} a year)", f"verbetert ({pct} per jaar)"
    if s < -0.02:
        return -1, f"deteriorating ({pct} a year)", f"verslechtert ({pct} per jaar)"
    return 0, f"stable ({pct} a year)", f"stabiel ({pct} per jaar)"


def judge_reference(value: float, reference: float, direction: str, name: str) -> tuple[int, str, str]:
    if reference == 0:
        return 0, f"{name} has 0", f"{name} heeft 0"
    low_en, low_nl = ("", "") if direction == "higher" else (", lower is better", ", lager is beter")
    if value < 0 or reference < 0:  # a signed measure (triple-helix T): a ratio would turn the sign around
        d = (value - reference) / abs(reference) * (1 if direction == "higher" else -1)
        vs_en, vs_nl = f"({value:.3g} against {reference:.3g}{low_en})", f"({value:.3g} tegen {reference:.3g}{low_nl})"
        if d >= 0.1:
            return 1, f"better than {name} {vs_en}", f"beter dan {name} {vs_nl}"
        if d <= -0.1:
            return -1, f"weaker than {name} {vs_en}", f"zwakker dan {name} {vs_nl}"
        return 0, f"close to {name} {vs_en}", f"vergelijkbaar met {name} {vs_nl}"
    ratio = value / reference if direction == "higher" else reference / value if value else float("inf")
    pct = f"{100 * value / reference:.0f}%"
    low_en, low_nl = ("", "") if direction == "higher" else (", lower is better", ", lager is beter")
    if ratio >= 1.1:
        return 1, f"better than {name} ({pct} of its value{low_en})", f"beter dan {name} ({pct} van de waarde{low_nl})"
    if ratio <= 0.9:
        return -1, f"weaker than {name} ({pct} of its value{low_en})", f"zwakker dan {name} ({pct} van de waarde{low_nl})"
    return 0, f"close to {name} ({pct} of its value{low_en})", f"vergelijkbaar met {name} ({pct} van de waarde{low_nl})"


def judge_threshold(value: float, signal: str) -> tuple[int, str, str]:
    direction, good, bad = THRESHOLDS[signal]
    if direction == "higher":
        if value >= good:
            return 1, f"at or above {good:g}", f"op of boven {good:g}"
        if value < bad:
            return -1, f"below {bad:g}", f"onder {bad:g}"
    else:
        if value < good or (good == bad and value < good):
            return 1, f"below {good:g}", f"onder {good:g}"
        if value > bad:
            return -1, f"above {bad:g}", f"boven {bad:g}"
    return 0, "between the thresholds", "tussen de drempels"


def verdict_of(scores: list[int]) -> tuple[str, float | None]:
    if not scores:
        return "unknown", None
    score = float(np.mean(scores))
    if score >= 1 / 3:
        return "strength", score
    if score <= -1 / 3:
        return "white_spot", score
    return "mixed", score


def _open_measures(ws: Workspace, eco_id: str) -> dict[str, float | None]:
    return _measures_of({(m, b): val for m, b, val in ws.rows(Q.OPEN_MEASURES(eco_id))})


def _all_open_measures(ws: Workspace) -> dict[str, dict[str, float | None]]:
    """:func:`_open_measures` of every ecosystem, in one query (for the peer groups)."""
    by: dict[str, dict[tuple[str, str], float]] = {}
    for e, m, b, val in ws.rows(Q.ALL_OPEN_MEASURES):
        by.setdefault(e, {})[(m, b)] = val
    return {e: _measures_of(v) | {"_members": v.get(("organisations", ""))} for e, v in by.items()}


def _measures_of(v: dict[tuple[str, str], float]) -> dict[str, float | None]:
    members = v.get(("organisations", "")) or 0
    out: dict[str, float | None] = {}
    out["organisation_degree"] = v.get(("organisation_degree", ""))
    out["sme_share"] = v.get(("sme_share", ""))
    if members:
        out["internal_pairs_per_member"] = (v.get(("collaboration_relations", "internal")) or 0) / members
        outside = sum(v.get(("collaboration_relations", c)) or 0 for c in ("rest_nl", "eu", "associated", "third_country"))
        out["relations_per_member"] = outside / members
    parts = v.get(("participations", "")) or 0
    if parts:
        out["public_civil_share"] = ((v.get(("participations", "activity:PUB")) or 0)
                                     + (v.get(("participations", "activity:OTH")) or 0)) / parts
    for m, b in v:
        if b == "" and (m, b) in v and m in SIGNAL_LABELS and m not in out:
            out[m] = v[(m, b)]
    return out


def check_ecosystem(ws: Workspace, eco_id: str, *, include_partial: bool = False,
                    context: dict[str, Any] | None = None) -> list[Finding]:
    """All findings of one ecosystem (pure reading; :func:`diagnose_all` stores them).

    Start years the data cover only in part (after the data end) stay out of every trend unless
    ``include_partial``. Each open-data measure and signal is judged against the reference of
    :data:`innovatlas.diagnose.reference.REFERENCES` (own past, peers, size-adjusted; thresholds
    without a parent), and the evidence says which.
    """
    from innovatlas.analysis import partial_years

    cat = load_catalogue()
    ctx = context or _context(ws)
    eco = ctx["ecosystems"][eco_id]
    parent = eco["parent"]
    mine = {k: v for k, v in ctx["measures"].get(eco_id, {}).items() if not k.startswith("_")}
    skip = set() if include_partial else partial_years(ws)
    peers = _peers(ctx, eco_id)
    prov = ws.scalar(Q.ORGANISATIONS_SOURCE(eco_id)) or ""
    inputs = [r for r in disclosed_inputs(ws, eco_id) if r["breakdown"] == ""]
    by_ind: dict[str, list[dict[str, Any]]] = {}
    for r in inputs:
        by_ind.setdefault(r["indicator"], []).append(r)
    targets = {(t["indicator"], t["measure"]): t for t in ws.dicts(Q.TARGETS(eco_id))}  # #18 inside too
    qual = {r[0]: r[1] for r in ws.rows(Q.QUALITATIVE_COUNTS(eco_id))}
    open_series = {}
    for ind, measure in (("29", "organisations"), ("18", "collaboration_relations")):
        if (ind, measure) in targets:
            open_series[ind] = [(y, v) for y, v in ws.rows(
                Q.OPEN_SERIES(eco_id, ind, measure, "internal" if ind == "18" else "")) if y not in skip]

    def catalogue_evidence(num: int) -> Evidence | None:
        key = str(num)
        spec = cat[num]
        en, nl = f"#{num} {spec.name_en}", f"#{num} {spec.name_nl}"
        if spec.availability == "qualitative" or (key in qual and key not in by_ind):
            if key in qual:
                return Evidence(kind="qualitative", indicator=key, measure="entries", label_en=en, label_nl=nl,
                                value=qual[key], unit="entries", source="qualitative entries with evidence", judgement=1,
                                reason_en="described and evidenced", reason_nl="beschreven en onderbouwd")
            return None
        series = by_ind.get(key, [])
        target = next((t for (i, _m), t in targets.items() if i == key), None)
        if key in open_series and open_series[key]:
            years = [y for y, _v in open_series[key]]
            vals = [v for _y, v in open_series[key]]
            last_y, last_v = years[-1], vals[-1]
            slope = trend_slope(years, vals)
            j, ren, rnl = judge_target(last_v, target["target_value"], target["baseline_value"], target["direction"], slope)
            return Evidence(kind="target", indicator=key, measure=target["measure"], label_en=en, label_nl=nl, value=last_v,
                            year=last_y, reference=target["target_value"], unit=None, source=prov, judgement=j,
                            reason_en=ren, reason_nl=rnl)
        usable = [r for r in series if r["value"] is not None]
        if not series:
            from innovatlas.publications.diagnosis import publication_evidence  # #16, #17 from OpenAlex (issue 15)

            return publication_evidence(ws, eco_id, num, en, nl, parent)
        if not usable:
            return Evidence(kind=series[0]["kind"], indicator=key, measure="value", label_en=en, label_nl=nl, value=None,
                            source=series[0]["source"], judgement=None,
                            reason_en="suppressed: confidential (disclosure control)",
                            reason_nl="onderdrukt: vertrouwelijk (onthullingsbeheersing)")
        last = usable[-1]
        slope = trend_slope([r["year"] for r in usable], [r["value"] for r in usable])
        direction = target["direction"] if target else "higher"
        if target:
            j, ren, rnl = judge_target(last["value"], target["target_value"], target["baseline_value"], direction, slope)
        elif slope is not None:
            j, ren, rnl = judge_trend(slope, direction)
        else:
            j, ren, rnl = 0, "known, but no target or series to judge it by", "bekend, maar zonder streefwaarde of reeks om aan te toetsen"
        return Evidence(kind=last["kind"], indicator=key, measure="value", label_en=en, label_nl=nl, value=last["value"],
                        unit=last["unit"], year=last["year"], reference=target["target_value"] if target else None,
                        source=last["source"], judgement=j, reason_en=ren, reason_nl=rnl)

    def measure_evidence(name: str, direction: str, kind: str) -> Evidence | None:
        val = mine.get(name)
        en, nl = SIGNAL_LABELS[name]
        if val is None:
            return None
        j, reference = None, None
        how = (REFERENCES.get(name, "peers") if parent
               else "own_past" if REFERENCES.get(name) == "own_past" else "threshold")
        if how == "own_past":
            series = _yearly(ws, eco_id, name, skip)
            slope = trend_slope(sorted(series), [series[y] for y in sorted(series)]) if series else None
            if slope is not None:
                span = f"{min(series)}-{max(series)}"
                ps = _yearly(ws, parent, name, skip) if parent else {}
                pslope = trend_slope(sorted(ps), [ps[y] for y in sorted(ps)]) if ps else None
                if pslope is not None:  # net of the programme-wide trend: the parent's own trend taken out
                    j, ren, rnl = judge_trend(slope - pslope, direction)
                    pn = ctx["ecosystems"][parent]
                    ren = (f"{ren.split(' (')[0]} against {pn['name_en']} ({100 * slope:+.1f}% a year, "
                           f"{pn['name_en']} {100 * pslope:+.1f}% a year), {span}")
                    rnl = (f"{rnl.split(' (')[0]} ten opzichte van {pn['name_nl']} ({100 * slope:+.1f}% per jaar, "
                           f"{pn['name_nl']} {100 * pslope:+.1f}% per jaar), {span}").replace(".", ",")
                else:
                    j, ren, rnl = judge_trend(slope, direction)
                    ren, rnl = f"{ren}, {span}", f"{rnl}, {span}"
            else:
                how = "peers" if parent else "threshold"
        if how == "size_adjusted":
            out = _size_adjusted_judgement(ws, ctx, eco_id, name, val, direction, peers)
            if out is None:
                how = "peers"
            else:
                j, ren, rnl, reference = out
        if how == "peers":
            vals = [ctx["measures"].get(p, {}).get(name) for p in peers]
            vals = [v for v in vals if v is not None]
            if len(vals) >= MIN_PEERS:
                reference = float(np.median(vals))
                group_en, group_nl = _peer_name(ctx, eco_id, len(vals))
                j, ren, _ = judge_reference(val, reference, direction, f"the median of {group_en}")
                _j, _r, rnl = judge_reference(val, reference, direction, f"de mediaan van {group_nl}")
            else:
                how = "threshold"
        if how == "threshold":
            if name not in THRESHOLDS:
                return None
            j, ren, rnl = judge_threshold(val, name)
            reference = None
        lab_en, lab_nl = REFERENCE_LABELS[how]
        return Evidence(kind=kind, indicator="signal" if kind == "signal" else name, measure=name, label_en=en,
                        label_nl=nl, value=val, reference=reference, source=prov, judgement=j,
                        reason_en=f"{ren} (reference: {lab_en})", reason_nl=f"{rnl} (referentie: {lab_nl})",
                        reference_kind=how)

    from innovatlas.inputs import computed_ids

    computed = computed_ids()
    findings: list[Finding] = []
    verdicts: dict[int, str] = {}
    judged: dict[str, int] = {}
    from innovatlas.framework.diagnosis import context as _fw_context, framework_evidence, rule_evidence  # issue 19

    fw = _fw_context(ws, eco_id)
    for num, ch in CHALLENGES.items():
        ev: list[Evidence] = []
        for ind in ch["indicators"]:
            e = catalogue_evidence(ind)
            if e:
                ev.append(e)
            ev += framework_evidence(fw, ind, targets)  # facilities, startups and finance, rules
        if fw["values"]:
            ev += rule_evidence(ws, eco_id, num)  # rule entries linked to this challenge
        for name, direction in ch["open"]:
            e = measure_evidence(name, direction, "open_data")
            if e:
                ev.append(e)
        for name in ch["signals"]:
            e = measure_evidence(name, THRESHOLDS.get(name, ("higher",))[0], "signal")
            if e:
                ev.append(e)
        for e in ev:
            if e.judgement is not None:
                judged[e.measure if e.indicator in ("signal",) or not e.indicator.isdigit() else e.indicator] = e.judgement
        scores = [e.judgement for e in ev if e.judgement is not None]
        verdict, score = verdict_of(scores)
        verdicts[num] = verdict
        # indicators still to be supplied: not computed from the workspace and without evidence yet
        missing = [i for i in ch["indicators"] if i not in computed and not any(
            e.indicator == str(i) and e.reference_kind != "not_in_data" for e in ev)]
        findings.append(Finding(
            ecosystem_id=eco_id, kind="challenge", code=f"challenge-{num}", title_en=f"{num}. {ch['en']}",
            title_nl=f"{num}. {ch['nl']}", verdict=verdict, score=score, evidence=ev,
            explanation_en=_explain(verdict, ev, missing, "en"), explanation_nl=_explain(verdict, ev, missing, "nl")))
    findings += _rationales(eco_id, verdicts, judged, mine, nested=parent is not None)
    return findings


def _context(ws: Workspace) -> dict[str, Any]:
    """Every ecosystem and its open measures (read once for all peer groups)."""
    ecos = {e["ecosystem_id"]: e for e in ws.dicts(Q.ECOSYSTEMS)}
    return {"ecosystems": ecos, "measures": _all_open_measures(ws), "null": {}}


def _shape(eco: dict[str, Any]) -> tuple:
    """The kind of definition: which selector fields are used (a knowledge city with its scope)."""
    sel = json.loads(eco["definition"]).get("select", {})
    keys: list[Any] = []
    for k, v in sorted(sel.items()):
        if k == "knowledge_city_scope":
            if sel.get("knowledge_city"):
                keys.append((k, v))
        elif v:
            keys.append(k)
    return (eco["parent"], eco["kind"], tuple(keys))


def _peers(ctx: dict[str, Any], eco_id: str) -> list[str]:
    """The other ecosystems with the same parent, kind and kind of definition."""
    me = ctx["ecosystems"][eco_id]
    if not me["parent"]:
        return []
    shape = _shape(me)
    return [e for e, row in ctx["ecosystems"].items() if e != eco_id and _shape(row) == shape]


def _peer_name(ctx: dict[str, Any], eco_id: str, n: int) -> tuple[str, str]:
    me = ctx["ecosystems"][eco_id]
    sel = json.loads(me["definition"]).get("select", {})
    if sel.get("knowledge_city"):
        if sel.get("knowledge_city_scope", "municipality") == "municipality":
            return f"the {n} other knowledge cities", f"de {n} andere kennissteden"
        return f"the {n} other city regions", f"de {n} andere stadsregio's"
    if me["kind"] == "thematic":
        return f"the {n} other thematic ecosystems", f"de {n} andere thematische ecosystemen"
    return f"the {n} other ecosystems of the same kind", f"de {n} andere ecosystemen van dezelfde soort"


def _fmt(v: float, lang: str) -> str:
    s = f"{v:.3g}"
    return s.replace(".", ",") if lang == "nl" else s


def _size_adjusted_judgement(ws: Workspace, ctx: dict[str, Any], eco_id: str, name: str, val: float, direction: str,
                             peers: list[str]) -> tuple[int, str, str, float] | None:
    """Funding measures: random groups of the same size from the parent; network measures: the peers'
    fit on ln(members). None when neither can be made (the caller then uses the peer median)."""
    from innovatlas.diagnose.reference import (expected_for_size, hhi, judge_percentile, judge_residual, largest_share,
                                               size_adjusted)

    eco = ctx["ecosystems"][eco_id]
    n = int(ctx["measures"].get(eco_id, {}).get("_members") or 0)
    parent = eco["parent"]
    low_en = ", lower is better" if direction == "lower" else ""
    low_nl = ", lager is beter" if direction == "lower" else ""
    if name in ("dominance_funding", "funding_hhi"):
        key = ("funding", parent)
        if key not in ctx["null"]:
            ctx["null"][key] = np.array([v for (v,) in ws.rows(Q.PARENT_FUNDING(parent))], dtype=float)
        r = size_adjusted(ctx["null"][key], n, largest_share if name == "dominance_funding" else hhi, value=val,
                          draws=500, seed=sum(map(ord, eco_id)))
        if r["percentile"] is None:
            return None
        j = judge_percentile(r["percentile"], direction)
        pn = ctx["ecosystems"][parent]
        all_en, all_nl = (" (all groups)", " (alle groepen)") if r["exact"] else ("", "")
        ren = (f"{_WORDS['en'][j]}: {_fmt(val, 'en')} against {_fmt(r['expected'], 'en')} expected for {n:,} "
               f"organisations drawn at random from {pn['name_en']} (percentile {100 * r['percentile']:.0f} of "
               f"{r['draws']:,} draws{all_en}{low_en})")
        rnl = (f"{_WORDS['nl'][j]}: {_fmt(val, 'nl')} tegen {_fmt(r['expected'], 'nl')} verwacht voor "
               f"{n:,} willekeurig getrokken organisaties uit {pn['name_nl']} (percentiel "
               f"{100 * r['percentile']:.0f} van {r['draws']:,} trekkingen{all_nl}{low_nl})").replace(
            f"{n:,} ", f"{n:,} ".replace(",", ".")).replace(f"{r['draws']:,} ", f"{r['draws']:,} ".replace(",", "."))
        return j, ren, rnl, r["expected"]
    sizes = [ctx["measures"].get(p, {}).get("_members") for p in peers]
    values = [ctx["measures"].get(p, {}).get(name) for p in peers]
    fit = expected_for_size(sizes, values, n)
    if fit is None:
        return None
    j = judge_residual(val, fit, direction)
    group_en, group_nl = _peer_name(ctx, eco_id, fit["peers"])
    ren = (f"{_WORDS['en'][j]}: {_fmt(val, 'en')} against {_fmt(fit['expected'], 'en')} expected for {n:,} members "
           f"from {group_en} (line on ln members, spread {_fmt(fit['sd'], 'en')}{low_en})")
    rnl = (f"{_WORDS['nl'][j]}: {_fmt(val, 'nl')} tegen {_fmt(fit['expected'], 'nl')} verwacht voor {n} leden "
           f"volgens {group_nl} (lijn op ln leden, spreiding {_fmt(fit['sd'], 'nl')}{low_nl})")
    return j, ren, rnl, fit["expected"]


_WORDS = {"en": {1: "better than expected for its size", -1: "weaker than expected for its size",
                 0: "as expected for its size"},
          "nl": {1: "beter dan verwacht voor de omvang", -1: "zwakker dan verwacht voor de omvang",
                 0: "zoals verwacht voor de omvang"}}


def _yearly(ws: Workspace, eco_id: str, name: str, skip: set[int]) -> dict[int, float]:
    """Per complete start year: the share measures judged against their own past."""
    if name == "public_civil_share":
        rows = ws.rows(Q.YEARLY_PUBLIC_CIVIL_SHARE(eco_id))
    else:
        rows = ws.rows(Q.YEARLY_MEASURE(eco_id, name))
    return {y: float(v) for y, v in rows if v is not None and y not in skip}



_PHRASES = {
    "en": {"strength": "A strength.", "white_spot": "A white spot.", "mixed": "Mixed evidence.",
           "unknown": "Unknown: there is no data for this challenge yet.", "pos": "Positive", "neg": "Negative",
           "missing": "No data yet for indicator(s) {ids}: add them with the values or qualitative template."},
    "nl": {"strength": "Een sterkte.", "white_spot": "Een witte vlek.", "mixed": "Gemengd beeld.",
           "unknown": "Onbekend: er zijn nog geen gegevens voor deze uitdaging.", "pos": "Positief", "neg": "Negatief",
           "missing": "Nog geen gegevens voor indicator(en) {ids}: vul ze aan met het waarden- of kwalitatieve sjabloon."},
}


def _explain(verdict: str, ev: list[Evidence], missing: list[int], lang: str) -> str:
    words = _PHRASES[lang]
    parts = [words[verdict]]
    for judgement, key in ((1, "pos"), (-1, "neg")):
        items = [e for e in ev if e.judgement == judgement]
        if items:
            parts.append(f"{words[key]}: " + "; ".join(
                f"{getattr(e, 'label_' + lang)}: {getattr(e, 'reason_' + lang)}" for e in items) + ".")
    if missing:
        parts.append(words["missing"].format(ids=", ".join(f"#{m}" for m in missing)))
    return " ".join(parts)


def _rationales(eco_id: str, verdicts: dict[int, str], judged: dict[str, int], mine: dict[str, float | None],
                nested: bool = False) -> list[Finding]:
    out = []
    # system failure
    signs_en, signs_nl, checked = [], [], 0
    lcs = mine.get("largest_component_share")
    if lcs is not None:
        checked += 1
        # a nested ecosystem is fragmented when its largest group is small for its size (judged against its
        # reference, see innovatlas.diagnose.reference); the national one by the absolute 50 % rule
        if (judged.get("largest_component_share", 0) < 0) if nested else lcs < 0.5:
            signs_en.append(f"fragmented network (largest connected group {lcs:.0%})")
            signs_nl.append(f"gefragmenteerd netwerk (grootste verbonden groep {lcs:.0%})")
    if verdicts[8] != "unknown":
        checked += 1
        if verdicts[8] == "white_spot":
            signs_en.append("weak organising capacity (challenge 8)")
            signs_nl.append("zwak organiserend vermogen (uitdaging 8)")
    for sig, en, nl in (("entry_rate", "few newcomers (lock-in)", "weinig nieuwkomers (insluiting)"),
                        ("dominance_links", "dependence on one dominant actor", "afhankelijkheid van één dominante actor")):
        if sig in judged:
            checked += 1
            if judged[sig] < 0:
                signs_en.append(en)
                signs_nl.append(nl)
    for num, en, nl in ((5, "skills gap in SMEs (challenge 5)", "vaardighedenkloof in het mkb (uitdaging 5)"),
                        (6, "talent gap (challenge 6)", "talenttekort (uitdaging 6)")):
        if verdicts[num] != "unknown":
            checked += 1
            if verdicts[num] == "white_spot":
                signs_en.append(en)
                signs_nl.append(nl)
    v = "present" if signs_en else ("not_indicated" if checked else "unknown")
    out.append(Finding(ecosystem_id=eco_id, kind="rationale", code="system-failure", title_en="System failure",
                       title_nl="Systeemfalen", verdict=v, score=None, evidence=[],
                       explanation_en=("Signs of system failure: " + "; ".join(signs_en) + ".") if signs_en else
                       ("No sign of system failure in what could be checked." if checked else "Unknown: nothing to check yet."),
                       explanation_nl=("Tekenen van systeemfalen: " + "; ".join(signs_nl) + ".") if signs_nl else
                       ("Geen teken van systeemfalen in wat getoetst kon worden." if checked else "Onbekend: nog niets te toetsen.")))
    # transformation failure
    neg_users = any(judged.get(k, 0) < 0 for k in ("39", "11"))
    if verdicts[4] == "white_spot" or neg_users:
        v, en, nl = "present", "Users and market demand are not in sight (challenge 4).", "Gebruikers en marktvraag zijn onvoldoende in beeld (uitdaging 4)."
    elif verdicts[4] == "strength":
        v, en, nl = "not_indicated", "Users and demand are involved (challenge 4 is a strength).", "Gebruikers en vraag zijn betrokken (uitdaging 4 is een sterkte)."
    else:
        v, en, nl = "unknown", "Unknown: add #39 (user involvement) and #11 (behavioural change) to judge.", "Onbekend: vul #39 (betrokkenheid gebruikers) en #11 (gedragsverandering) aan."
    out.append(Finding(ecosystem_id=eco_id, kind="rationale", code="transformation-failure",
                       title_en="Transformation failure", title_nl="Transformatiefalen", verdict=v, score=None,
                       evidence=[], explanation_en=en, explanation_nl=nl))
    return out


def diagnose_all(ws: Workspace, *, include_partial: bool = False) -> None:
    """Diagnose every analysed ecosystem and store the findings (inside the caller's transaction)."""
    ws.execute(Q.DELETE_FINDINGS)
    rows = []
    ctx = _context(ws)
    for (eco_id,) in ws.rows(Q.ECOSYSTEM_IDS):
        for f in check_ecosystem(ws, eco_id, include_partial=include_partial, context=ctx):
            rows.append((f.ecosystem_id, f.kind, f.code, f.verdict, f.score,
                         json.dumps([e.model_dump() for e in f.evidence]), f.explanation_en, f.explanation_nl))
    if rows:
        cols = [list(c) for c in zip(*rows)]
        ws.execute(Q.INSERT_FINDINGS(*cols))
    # the findings hold imported values: record the disclosure rule they were judged under
    ws.execute(Q.RECORD_RULE(rule_of(ws).fingerprint()))


def findings_of(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """The stored findings of an ecosystem; recomputed on the fly (not stored) when they were judged
    under another disclosure rule than the one in force, so a stale finding never shows a value."""
    stored_rule = ws.scalar(Q.STORED_RULE)
    if stored_rule is not None and stored_rule != rule_of(ws).fingerprint():
        order = {"challenge": 0, "rationale": 1}
        rows = [f.model_dump() for f in check_ecosystem(ws, eco_id)]
        rows.sort(key=lambda r: (order[r["kind"]], int(r["code"].split("-")[1]) if r["code"].startswith("challenge-")
                                 else 0, r["code"]))
        for r in rows:
            r.pop("ecosystem_id", None)
    else:
        rows = ws.dicts(Q.FINDINGS(eco_id))
    for r in rows:
        if isinstance(r["evidence"], str):
            r["evidence"] = json.loads(r["evidence"])
        num = r["code"].split("-")[1] if r["code"].startswith("challenge-") else None
        if num:
            ch = CHALLENGES[int(num)]
            r["title_en"], r["title_nl"] = f"{num}. {ch['en']}", f"{num}. {ch['nl']}"
        else:
            r["title_en"], r["title_nl"] = {"system-failure": ("System failure", "Systeemfalen"),
                                            "transformation-failure": ("Transformation failure", "Transformatiefalen")}[r["code"]]
    return rows
