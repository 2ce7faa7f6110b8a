"""The rules of the diagnosis.

Evidence per challenge
    :data:`CHALLENGES` ties each challenge to catalogue indicators (refining the
    ``challenges`` column of the catalogue: we added #29 and #37 to 8, #18 to 9, #14 and #16
    to 7 as it already had, and network signals where the open data speak to a challenge) and
    to signals from :mod:`innovatlas.indicators.signals`.

Judging one piece of evidence (+1 positive, 0 neutral, -1 negative, None = no data)
    1. A value with an own target (streefwaarde): +1 when the target is met; 0 when not met
       but the trend is towards it; -1 otherwise.
    2. A series of at least three years without a target: the trend (least-squares slope
       relative to the mean) is +1 above +2 % a year, -1 below -2 % a year, else 0.
    3. An open-data measure or a signal compared with the parent ecosystem (the reference
       of a nested ecosystem, e.g. the Netherlands for a knowledge city): +1 at or above
       110 % of the parent's value, -1 at or below 90 %, else 0 (reversed when lower is better).
    4. A signal with an absolute threshold (:data:`THRESHOLDS`), used when there is no parent.
    5. A qualitative entry with evidence counts as +1 (the structure or document exists); a
       missing entry is "no data", never negative.
    6. An imported value without target or series is 0: known, but nothing to judge it by.
    Suppressed confidential values count as "no data".

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

from innovatlas.disclosure import disclosed_inputs, rule_of
from innovatlas.model.finding import Evidence, Finding
from innovatlas.model.indicators import load_catalogue
from innovatlas.store import Workspace

__all__ = ["CHALLENGES", "THRESHOLDS", "SIGNAL_LABELS", "check_ecosystem", "diagnose_all", "findings_of",
           "judge_target", "judge_trend", "judge_reference", "verdict_of", "trend_slope"]

#: challenge number -> (title en, title nl, catalogue indicators, open-data measures, signals)
CHALLENGES: dict[int, dict[str, Any]] = {
    1: {"en": "Long-term view and coherence of R&I investment", "nl": "Lange termijn blik en samenhang bij investeringen",
        "indicators": [9, 19, 34, 35, 43, 44, 45], "open": [], "signals": []},
    2: {"en": "Research and test facilities", "nl": "Onderzoeks- en testfaciliteiten",
        "indicators": [21, 43, 46], "open": [], "signals": []},
    3: {"en": "Finance for startups and scale-ups", "nl": "Financiering voor startups en scale-ups",
        "indicators": [6, 7, 26, 27, 28], "open": [], "signals": []},
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
    v = {(m, b): val for m, b, val in ws.rows(
        "SELECT measure, breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND year IS NULL", [eco_id])}
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


def check_ecosystem(ws: Workspace, eco_id: str) -> list[Finding]:
    """All findings of one ecosystem (pure reading; :func:`diagnose_all` stores them)."""
    cat = load_catalogue()
    eco = ws.dicts("SELECT * FROM ecosystem WHERE ecosystem_id = ?", [eco_id])[0]
    parent = eco["parent"]
    mine, ref = _open_measures(ws, eco_id), (_open_measures(ws, parent) if parent else {})
    parent_name = {"en": parent or "", "nl": parent or ""}
    if parent:
        pn = ws.rows("SELECT name_en, name_nl FROM ecosystem WHERE ecosystem_id = ?", [parent])[0]
        parent_name = {"en": pn[0], "nl": pn[1]}
    prov = ws.scalar("SELECT any_value(source) FROM indicator_value WHERE ecosystem_id = ? AND indicator = '29'", [eco_id]) or ""
    inputs = [r for r in disclosed_inputs(ws, eco_id) if r["breakdown"] == ""]
    by_ind: dict[str, list[dict[str, Any]]] = {}
    for r in inputs:
        by_ind.setdefault(r["indicator"], []).append(r)
    targets = {(t["indicator"], t["measure"]): t for t in ws.dicts(
        "SELECT * FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL AND breakdown = ''", [eco_id])}
    qual = {r[0]: r[1] for r in ws.rows("""SELECT indicator, count(*) FROM qualitative_entry
                                           WHERE ecosystem_id = ? AND superseded_at IS NULL GROUP BY 1""", [eco_id])}
    open_series = {}
    for ind, measure in (("29", "organisations"), ("18", "collaboration_relations")):
        if (ind, measure) in targets:
            open_series[ind] = ws.rows("""SELECT year, value FROM indicator_value WHERE ecosystem_id = ? AND indicator = ?
                                          AND measure = ? AND breakdown = ? AND year IS NOT NULL ORDER BY year""",
                                       [eco_id, ind, measure, "internal" if ind == "18" else ""])

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
            return None
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
        if parent and ref.get(name) is not None:
            j, ren, rnl = judge_reference(val, ref[name], direction, parent_name["en"])
            _j, _r, rnl = judge_reference(val, ref[name], direction, parent_name["nl"])
            reference = ref[name]
        elif name in THRESHOLDS:
            j, ren, rnl = judge_threshold(val, name)
            reference = None
        else:
            return None
        return Evidence(kind=kind, indicator="signal" if kind == "signal" else name, measure=name, label_en=en,
                        label_nl=nl, value=val, reference=reference, source=prov, judgement=j, reason_en=ren, reason_nl=rnl)

    from innovatlas.inputs import computed_ids

    computed = computed_ids()
    findings: list[Finding] = []
    verdicts: dict[int, str] = {}
    judged: dict[str, int] = {}
    for num, ch in CHALLENGES.items():
        ev: list[Evidence] = []
        for ind in ch["indicators"]:
            e = catalogue_evidence(ind)
            if e:
                ev.append(e)
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
        missing = [i for i in ch["indicators"] if i not in computed and not any(e.indicator == str(i) for e in ev)]
        findings.append(Finding(
            ecosystem_id=eco_id, kind="challenge", code=f"challenge-{num}", title_en=f"{num}. {ch['en']}",
            title_nl=f"{num}. {ch['nl']}", verdict=verdict, score=score, evidence=ev,
            explanation_en=_explain(verdict, ev, missing, "en"), explanation_nl=_explain(verdict, ev, missing, "nl")))
    findings += _rationales(eco_id, verdicts, judged, mine)
    return findings


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


def _rationales(eco_id: str, verdicts: dict[int, str], judged: dict[str, int], mine: dict[str, float | None]) -> list[Finding]:
    out = []
    # system failure
    signs_en, signs_nl, checked = [], [], 0
    lcs = mine.get("largest_component_share")
    if lcs is not None:
        checked += 1
        if lcs < 0.5:
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


def diagnose_all(ws: Workspace) -> None:
    """Diagnose every analysed ecosystem and store the findings (inside the caller's transaction)."""
    ws.execute("DELETE FROM finding")
    rows = []
    for (eco_id,) in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position"):
        for f in check_ecosystem(ws, eco_id):
            rows.append((f.ecosystem_id, f.kind, f.code, f.verdict, f.score,
                         json.dumps([e.model_dump() for e in f.evidence]), f.explanation_en, f.explanation_nl))
    if rows:
        cols = [list(c) for c in zip(*rows)]
        ws.execute("""INSERT INTO finding SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                      unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS DOUBLE[])),
                      unnest(CAST(? AS JSON[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                      now()::TIMESTAMP""", cols)
    # the findings hold imported values: record the disclosure rule they were judged under
    ws.execute("INSERT OR REPLACE INTO meta VALUES ('diagnosis_disclosure', ?)", [rule_of(ws).fingerprint()])


def findings_of(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """The stored findings of an ecosystem; recomputed on the fly (not stored) when they were judged
    under another disclosure rule than the one in force, so a stale finding never shows a value."""
    stored_rule = ws.scalar("SELECT value FROM meta WHERE key = 'diagnosis_disclosure'")
    if stored_rule is not None and stored_rule != rule_of(ws).fingerprint():
        order = {"challenge": 0, "rationale": 1}
        rows = [f.model_dump() for f in check_ecosystem(ws, eco_id)]
        rows.sort(key=lambda r: (order[r["kind"]], int(r["code"].split("-")[1]) if r["code"].startswith("challenge-")
                                 else 0, r["code"]))
        for r in rows:
            r.pop("ecosystem_id", None)
    else:
        rows = ws.dicts("""SELECT code, kind, verdict, score, evidence, explanation_en, explanation_nl FROM finding
                           WHERE ecosystem_id = ? ORDER BY kind, CASE WHEN code LIKE 'challenge-%'
                           THEN lpad(split_part(code, '-', 2), 2, '0') ELSE code END""", [eco_id])
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
