"""Dynamics and stage of an ecosystem: entrants, leavers, stayers, cohort survival, growth and a stage.

A member is *active* in a year when it starts an in-scope project that year (project start
year, as everywhere in innovatlas). Per year ``y``:

* **entrants**: members whose first active year is ``y``;
* **stayers**: members active in ``y`` that were active before;
* **leavers**: members whose last active year (so far) is ``y - 1``: a project starting after
  the data end would bring them back, so the last years' leavers are an upper bound;
* **cohort survival** ``S(c, k)``: the share of the members entering in year ``c`` that are
  active again in year ``c + k`` or later.

Only *complete* start years are used (:func:`innovatlas.connect._common.complete_years`:
the H2020 ramp-up year 2014 and the partial start years 2021+ are left out). Entrants of the
first complete year include everyone already active before the data start (left-censored).

**Stage rule** (thresholds are the named constants below). The complete years are split into
an early and a late half (the late half gets the extra year when odd). ``growth`` is the mean
number of active members in the late half over the early half, *relative to the reference*:
``growth = (late_e / early_e) / (late_ref / early_ref) - 1``. The reference is all Dutch
participants, or, for ecosystems delineated by place (knowledge city, municipality, COROP,
province), the Dutch participants *placed* in a municipality: placement rests on names and
addresses from snapshots of 2016-2017, so organisations that first took part later are
unplaced more often, and a city's member count falls with the placed organisations' count, not
with the city (real data: 564 placed Dutch participants in 2015, 255 in 2020, against 628 and
562 in all).
``newcomer_share`` is the share of the members active in the late half that were not active
in the early half.

1. fewer than :data:`MIN_YEARS` complete years, or fewer than :data:`MIN_MEMBER_YEARS`
   active member-years: **not enough years of data**;
2. ``growth >= GROWTH_THRESHOLD``: **emerging** if the early half had fewer than
   :data:`EMERGING_MAX_ACTIVE` active members a year, else **growing**;
3. ``growth <= -GROWTH_THRESHOLD``: **declining**;
4. otherwise (stable): **renewing** if ``newcomer_share >= RENEWAL_SHARE``, else **mature**.
"""

from __future__ import annotations

import json
from typing import Any

from innovatlas.connect._common import complete_years, names_of, require_ids
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["stage", "dynamics", "stages", "MIN_YEARS", "MIN_MEMBER_YEARS", "GROWTH_THRESHOLD", "EMERGING_MAX_ACTIVE",
           "RENEWAL_SHARE", "STAGES", "RULE_EN", "RULE_NL"]

#: At least this many complete start years before a stage is given.
MIN_YEARS = 4
#: At least this many active member-years (sum over the complete years) before a stage is given.
MIN_MEMBER_YEARS = 10
#: Late-half over early-half active members, relative to the reference, of at least +15 % is growth (-15 %: decline).
GROWTH_THRESHOLD = 0.15
#: A growing ecosystem with fewer active members a year than this in the early half is *emerging*.
EMERGING_MAX_ACTIVE = 5
#: A stable ecosystem in which at least this share of the late half's active members are newcomers is *renewing*.
RENEWAL_SHARE = 0.6
STAGES = ("emerging", "growing", "mature", "renewing", "declining", "insufficient")

RULE_EN = (f"Complete start years split into an early and a late half. growth = (late/early mean active members) / "
           f"(the same for the reference: all Dutch participants, or those placed in a municipality for place-based ecosystems) - 1. Fewer than {MIN_YEARS} complete years or {MIN_MEMBER_YEARS} "
           f"active member-years: not enough years of data. growth >= +{GROWTH_THRESHOLD:.0%}: emerging if the early half "
           f"had fewer than {EMERGING_MAX_ACTIVE} active members a year, else growing. growth <= -{GROWTH_THRESHOLD:.0%}: "
           f"declining. Otherwise renewing if at least {RENEWAL_SHARE:.0%} of the late half's active members were not "
           f"active in the early half, else mature.")
RULE_NL = (f"Volledige startjaren gesplitst in een vroege en een late helft. groei = (laat/vroeg gemiddeld aantal actieve "
           f"leden) / (hetzelfde voor de referentie: alle Nederlandse deelnemers, of de op de kaart geplaatste voor ecosystemen naar plaats) - 1. Minder dan {MIN_YEARS} volledige jaren of "
           f"{MIN_MEMBER_YEARS} actieve lid-jaren: te weinig jaren met gegevens. groei >= +{GROWTH_THRESHOLD:.0%}: opkomend "
           f"als de vroege helft minder dan {EMERGING_MAX_ACTIVE} actieve leden per jaar had, anders groeiend. groei <= "
           f"-{GROWTH_THRESHOLD:.0%}: krimpend. Anders vernieuwend als minstens {RENEWAL_SHARE:.0%} van de actieve leden "
           f"in de late helft in de vroege helft niet actief was, anders volwassen.")


def stage(active: list[int], ref_active: list[float], newcomer_share: float | None) -> dict[str, Any]:
    """The stage from yearly active members (complete years, in order), the reference's, and the newcomer share.

    >>> stage([2, 2, 4, 4], [10, 10, 10, 10], 0.5)["stage"]      # growth +100 %, early mean 2 < 5
    'emerging'
    >>> stage([20, 20, 30, 30], [10, 10, 12, 12], 0.3)["stage"]   # (30/20)/(12/10) - 1 = +25 %
    'growing'
    >>> stage([20, 20, 16, 16], [10, 10, 10, 10], 0.3)["stage"]   # -20 %
    'declining'
    >>> stage([20, 20, 21, 21], [10, 10, 10, 10], 0.7)["stage"], stage([20, 20, 21, 21], [10, 10, 10, 10], 0.2)["stage"]
    ('renewing', 'mature')
    >>> stage([5, 5, 5], [10, 10, 10], 0.5)["stage"]
    'insufficient'
    """
    n = len(active)
    if n < MIN_YEARS or sum(active) < MIN_MEMBER_YEARS:
        return {"stage": "insufficient", "growth": None, "newcomer_share": newcomer_share, "early_mean": None,
                "late_mean": None, "reason": f"{n} complete years, {sum(active)} active member-years"}
    h = n // 2
    early, late = sum(active[:h]) / h, sum(active[h:]) / (n - h)
    ref_early, ref_late = sum(ref_active[:h]) / h, sum(ref_active[h:]) / (n - h)
    if early == 0 or ref_early == 0 or ref_late == 0:
        g = None
    else:
        g = round((late / early) / (ref_late / ref_early) - 1, 9)  # thresholds hold exactly (no float dust)
    if g is None:
        st = "emerging" if late > 0 else "insufficient"
    elif g >= GROWTH_THRESHOLD:
        st = "emerging" if early < EMERGING_MAX_ACTIVE else "growing"
    elif g <= -GROWTH_THRESHOLD:
        st = "declining"
    else:
        st = "renewing" if (newcomer_share or 0) >= RENEWAL_SHARE else "mature"
    return {"stage": st, "growth": None if g is None else round(g, 4), "newcomer_share": newcomer_share,
            "early_mean": round(early, 2), "late_mean": round(late, 2)}


def _yearly(ws: Workspace, ids: list[str], years: list[int]) -> dict[str, dict[int, dict[str, Any]]]:
    """Per ecosystem and complete year: active, entrants, stayers, leavers, funding, links (one query)."""
    if not years:
        return {e: {} for e in ids}
    y0, y1 = years[0], years[-1]
    rows = ws.rows(Q.YEARLY, [ids, y0, y1, y0, y1, ids, y1, ids, y0, y1, ids])
    out: dict[str, dict[int, dict[str, Any]]] = {e: {} for e in ids}
    for e, y, active, entrants, leavers, funding, links in rows:
        out[e][y] = {"year": y, "active": active, "entrants": entrants, "stayers": active - entrants,
                     "leavers": leavers, "funding_eur": round(float(funding), 2), "links": int(links)}
    return out


def _newcomers(ws: Workspace, ids: list[str], years: list[int]) -> dict[str, float | None]:
    if len(years) < 2:
        return {e: None for e in ids}
    h = len(years) // 2
    late0 = years[h]
    rows = ws.rows(Q.NEWCOMERS, [ids, years[0], years[-1], late0, late0])
    d = dict(rows)
    return {e: (None if d.get(e) is None else round(float(d[e]), 4)) for e in ids}


def _survival(ws: Workspace, ids: list[str], years: list[int]) -> dict[str, list[dict[str, Any]]]:
    if not years:
        return {e: [] for e in ids}
    rows = ws.rows(Q.SURVIVAL, [ids, years[0], years[-1], years[-1], years[0], years[-1]])
    out: dict[str, list[dict[str, Any]]] = {e: [] for e in ids}
    for e, c, k, cohort, surv in rows:
        out[e].append({"cohort": c, "k": k, "cohort_size": cohort, "survivors": surv,
                       "survival": round(surv / cohort, 4) if cohort else None})
    return out


def _reference_active(ws: Workspace, years: list[int]) -> dict[str, list[int]]:
    """Active Dutch participants per complete year: all, and those placed in a municipality."""
    if not years:
        return {"nl": [], "nl_placed": []}
    rows = {y: (a, b) for y, a, b in ws.rows(Q.REFERENCE_ACTIVE, [years[0], years[-1]])}
    return {"nl": [rows.get(y, (0, 0))[0] for y in years], "nl_placed": [rows.get(y, (0, 0))[1] for y in years]}


def _place_based(ws: Workspace, ids: list[str]) -> dict[str, bool]:
    """Whether an ecosystem is delineated by place below the country (then its reference is the placed organisations)."""
    out = {}
    for e, definition in ws.rows(Q.DEFINITIONS_OF, [ids]):
        sel = json.loads(definition).get("select", {})
        out[e] = any(sel.get(k) for k in ("knowledge_city", "municipality", "corop", "province"))
    return out


def stages(ws: Workspace, ids: list[str] | None = None, *, scope: str = "municipality", lang: str = "en") -> dict[str, Any]:
    """Yearly dynamics, cohort survival and the stage of several ecosystems at once (default: the knowledge cities)."""
    ids = require_ids(ws, ids, scope)
    cov = complete_years(ws)
    years = cov["years"]
    yearly = _yearly(ws, ids, years)
    refs = _reference_active(ws, years)
    placed = _place_based(ws, ids)
    newcomers = _newcomers(ws, ids, years)
    survival = _survival(ws, ids, years)
    names = names_of(ws, ids)
    out = []
    for e in ids:
        ys = [yearly[e][y] for y in years]
        ref_key = "nl_placed" if placed[e] else "nl"
        st = stage([r["active"] for r in ys], refs[ref_key], newcomers[e])
        early_f = [r["funding_eur"] for r in ys[: len(ys) // 2]]
        late_f = [r["funding_eur"] for r in ys[len(ys) // 2:]]
        early_l = [r["links"] for r in ys[: len(ys) // 2]]
        late_l = [r["links"] for r in ys[len(ys) // 2:]]
        g = lambda a, b: (None if not a or not b or sum(a) == 0 else round((sum(b) / len(b)) / (sum(a) / len(a)) - 1, 4))  # noqa: E731
        out.append({"id": e, "name": names[e][lang], **st, "reference": ref_key,
                    "growth_members_absolute": g([r["active"] for r in ys[: len(ys) // 2]], [r["active"] for r in ys[len(ys) // 2:]]),
                    "growth_funding_absolute": g(early_f, late_f), "growth_links_absolute": g(early_l, late_l),
                    "years": ys, "survival": survival[e]})
    return {"ecosystems": out, "complete_years": years, "last_complete_year": cov["last_complete_year"],
            "partial_years": cov["partial_years"], "ramp_up_years": cov.get("ramp_up_years", []),
            "reference_active": refs, "rule": RULE_EN if lang == "en" else RULE_NL,
            "constants": {"MIN_YEARS": MIN_YEARS, "MIN_MEMBER_YEARS": MIN_MEMBER_YEARS,
                          "GROWTH_THRESHOLD": GROWTH_THRESHOLD, "EMERGING_MAX_ACTIVE": EMERGING_MAX_ACTIVE,
                          "RENEWAL_SHARE": RENEWAL_SHARE}}


def dynamics(ws: Workspace, eco_id: str, *, lang: str = "en") -> dict[str, Any]:
    """Dynamics and stage of one ecosystem."""
    res = stages(ws, [eco_id], lang=lang)
    one = res.pop("ecosystems")[0]
    return {**one, **res}
