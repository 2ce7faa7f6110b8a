"""Evidence for the diagnosis from the OpenAlex indicators (issue 15): #16 for challenge 7 (knowledge transfer and
valorisation) and #17 for challenges 5 and 6 (absorptive capacity, top talent).

* #16: the share of public-private co-publications among the ecosystem's co-publications (EIS definition, see
  :mod:`innovatlas.indicators.publications`), judged against the parent ecosystem's share when the parent has
  co-publications, else against its own past (trend over at least three publication years), else not judged;
* #17: the dual-appointment **proxy** (authors listed with two institutions of different types in one work) per
  100 publications, judged the same way.

An ecosystem with no imported works gets evidence "not in the data" (value None, not judged), never 0.
"""

from __future__ import annotations

from innovatlas.model.finding import Evidence
from innovatlas.store import Workspace
from innovatlas.store.queries import publications as Q

__all__ = ["publication_evidence", "PUBLICATION_INDICATORS"]

PUBLICATION_INDICATORS = (16, 17)
#: fewer works than this (co-publications for #16, publications for #17) are shown but not judged: a share of a
#: handful of works says nothing about an ecosystem (the demo's OpenAlex samples give Dutch ecosystems 0-23 works)
MIN_WORKS = 30


def _measure(ws: Workspace, eco_id: str, num: int) -> tuple[float | None, dict[int, float], str, float]:
    """(total value, value per year, provenance, works it rests on) of the judged measure."""
    rows = ws.dicts(Q.SERIES(eco_id))
    src = next((r["source"] for r in rows), "")

    def by(measure: str, breakdown: str = "") -> dict:
        return {r["year"]: r["value"] for r in rows if r["measure"] == measure and r["breakdown"] == breakdown}

    if num == 16:
        num_, den = by("copublications", "public_private"), by("copublications")
    else:
        num_, den = by("dual_appointment_proxy"), by("publications")
        num_ = {y: 100 * v for y, v in num_.items()}
    ratio = {y: num_[y] / den[y] for y in den if den[y] and y in num_}
    total = ratio.get(None)
    return total, {y: v for y, v in ratio.items() if y is not None}, src, den.get(None) or 0


def publication_evidence(ws: Workspace, eco_id: str, num: int, label_en: str, label_nl: str,
                         parent: str | None = None) -> Evidence | None:
    from innovatlas.diagnose.rules import judge_reference, judge_trend, trend_slope

    if num not in PUBLICATION_INDICATORS:
        return None
    measure = "public_private_copublication_share" if num == 16 else "dual_appointment_proxy_per_100_publications"
    unit = "share" if num == 16 else "authors per 100 publications (proxy)"
    if num == 17:
        label_en += " (proxy: authors listed with two institutions of different types in one work)"
        label_nl += " (benadering: auteurs met twee instellingen van verschillend type in één publicatie)"
    value, years, src, works = _measure(ws, eco_id, num)
    if value is None:
        return Evidence(kind="open_data", indicator=str(num), measure=measure, label_en=label_en, label_nl=label_nl,
                        value=None, unit=unit, source=src or "OpenAlex works", judgement=None,
                        reason_en="not in the data: no imported OpenAlex work lists a member of this ecosystem",
                        reason_nl="niet in de gegevens: geen geïmporteerde OpenAlex-publicatie noemt een lid van dit ecosysteem",
                        reference_kind="not_in_data")  # still listed as an indicator to supply
    ref, kind = None, None
    pm = _measure(ws, parent, num) if parent else None
    pval = pm[0] if pm and pm[3] >= MIN_WORKS else None
    if works < MIN_WORKS:
        j, ren, rnl = (None, f"not judged: {works:.0f} works, fewer than {MIN_WORKS}",
                       f"niet beoordeeld: {works:.0f} publicaties, minder dan {MIN_WORKS}")
    elif pval is not None:
        j, ren, _ = judge_reference(value, pval, "higher", f"the parent ecosystem ({parent})")
        _j, _r, rnl = judge_reference(value, pval, "higher", f"het bovenliggende ecosysteem ({parent})")
        ref, kind = pval, "peers"
    else:
        ys = sorted(years)
        slope = trend_slope(ys, [years[y] for y in ys])
        if slope is not None:
            j, ren, rnl = judge_trend(slope, "higher")
            ren, rnl, kind = f"{ren}, {ys[0]}-{ys[-1]}", f"{rnl}, {ys[0]}-{ys[-1]}", "own_past"
        else:
            j, ren, rnl = (0, "known, but fewer than three publication years and no parent to judge it by",
                           "bekend, maar minder dan drie publicatiejaren en geen bovenliggend ecosysteem om aan te toetsen")
    note_en = " Only the imported works count: at least this many." if num == 16 else " A proxy, not appointments."
    note_nl = " Alleen de geïmporteerde publicaties tellen: minstens zoveel." if num == 16 else " Een benadering, geen aanstellingen."
    return Evidence(kind="open_data", indicator=str(num), measure=measure, label_en=label_en, label_nl=label_nl,
                    value=value, unit=unit, year=max(years) if years else None, reference=ref, source=src,
                    judgement=j, reason_en=ren + "." + note_en, reason_nl=rnl + "." + note_nl, reference_kind=kind)
