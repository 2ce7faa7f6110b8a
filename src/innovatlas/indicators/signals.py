"""Network and structure signals for the diagnosis, per ecosystem (indicator key ``signal``).

Formulas (pure functions, each cited):

* Shannon entropy ``H = -sum p_i ln p_i`` (Shannon 1948); Blau index ``1 - sum p_i^2``
  (Blau 1977), normalised Blau ``(1 - sum p_i^2) / (1 - 1/K)`` over K categories (Agresti & Agresti 1978).
* Triple-helix mutual information in bits (Leydesdorff 2003, Scientometrics 58(2):445-467;
  Leydesdorff & Ivanova 2014, JASIST 65(10)): ``T_uig = H_u + H_i + H_g - H_ui - H_ug - H_ig + H_uig``;
  negative T = synergy (uncertainty reduced at the systems level). With four dimensions
  (quadruple helix, civil society added) the same inclusion-exclusion with alternating signs:
  ``T = sum_{S non-empty} (-1)^(|S|+1) H_S``. Units of analysis: the ecosystem's projects;
  dimensions: whether the consortium has a university/research organisation (HES, REC), a
  firm (PRC), a government body (PUB) and, for the fourth, another organisation (OTH).
* Missing links between actor types: observed share of links between types A and B over
  the share expected under random mixing given the types' shares of link ends,
  ``2 q_A q_B`` (Newman 2003, Phys. Rev. E 67, 026126, assortative mixing ``e_ij`` vs ``a_i a_j``).
* Dominance: the largest organisation's share of link ends (degree / 2m) and of EC funding;
  Herfindahl-Hirschman index of funding ``sum s_i^2``.
* Openness: organisations entering (first in-scope project start year) and leaving (last
  start year, counted the year after) per year, and the entry rate over active organisations.
* International embedding: shares of the #18 collaboration relations with EU, associated
  and third-country partners.
"""

from __future__ import annotations

import itertools
from typing import Sequence

import numpy as np

from innovatlas.indicators.base import Indicator, provenance, register, value_rows
from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine
from innovatlas.store.queries import signals as SQ

__all__ = ["shannon", "blau", "blau_normalised", "entropy_bits", "helix_mutual_information", "expected_link_share",
           "Signals"]


def shannon(counts: Sequence[float]) -> float:
    """Shannon entropy in nats. ``shannon([1, 1]) == ln 2``."""
    c = np.asarray(counts, dtype=float)
    c = c[c > 0]
    if c.sum() == 0:
        return 0.0
    p = c / c.sum()
    return float(-(p * np.log(p)).sum())


def blau(counts: Sequence[float]) -> float:
    """Blau heterogeneity index ``1 - sum p^2``."""
    c = np.asarray(counts, dtype=float)
    if c.sum() == 0:
        return 0.0
    p = c / c.sum()
    return float(1 - (p ** 2).sum())


def blau_normalised(counts: Sequence[float], categories: int | None = None) -> float:
    """Blau index divided by its maximum ``1 - 1/K`` (K = number of categories)."""
    k = categories or len(counts)
    return blau(counts) / (1 - 1 / k) if k > 1 else 0.0


def entropy_bits(p: np.ndarray) -> float:
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def helix_mutual_information(cells: dict[tuple, float]) -> float:
    """Mutual information in bits among D nominal dimensions (D = 3: triple helix, 4: quadruple).

    ``cells`` maps a category tuple such as ``(1, 0, 1)`` (presence/absence) or ``(2, 0, 1)`` (a
    dimension with three or more categories, any hashable labels) to a count. Computed as
    ``sum over non-empty subsets S of (-1)^(|S|+1) H(S)`` (Leydesdorff 2003), each H(S) over the
    combinations of categories that occur (issue 17: the binary encoding ``sum(x_i 2^i)`` merged
    category 2 of one dimension with category 1 of the next).

    >>> helix_mutual_information({(0, 0, 0): 1, (1, 1, 1): 1})  # fully redundant: +1 bit
    1.0
    """
    if not cells:
        return 0.0
    dims = len(next(iter(cells)))
    raw = list(cells.keys())
    keys = np.column_stack([np.unique(np.array([k[d] for k in raw], dtype=object).astype(str), return_inverse=True)[1]
                            for d in range(dims)])
    counts = np.array(list(cells.values()), dtype=float)
    total = counts.sum()
    if total == 0:
        return 0.0
    t = 0.0
    for size in range(1, dims + 1):
        for subset in itertools.combinations(range(dims), size):
            codes = np.unique(keys[:, subset], axis=0, return_inverse=True)[1].ravel()
            marg = np.bincount(codes, weights=counts) / total
            t += (-1) ** (size + 1) * entropy_bits(marg)
    return float(t)


def expected_link_share(q_a: float, q_b: float) -> float:
    """Expected share of links between two different types under random mixing: ``2 q_a q_b``."""
    return 2 * q_a * q_b


@register
class Signals(Indicator):
    key = "signal"
    datasets = ("cordis:%:participations",)
    method = "Network and structure signals for the diagnosis; formulas in innovatlas.indicators.signals."

    def compute(self, ws: Workspace, engine: Engine | None = None) -> None:
        eng = engine or DuckDBEngine(ws)
        prov = provenance(ws, self.datasets)
        rows: list[tuple] = []

        def put(eco: str, measure: str, value, year=None, breakdown: str = "", unit: str = "share"):
            rows.append((eco, "signal", measure, breakdown, year,
                         None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value), unit))

        # helix tables: presence of each sphere in each in-scope project's consortium
        helix = eng.rows(SQ.HELIX)
        tables: dict[str, dict[tuple[int, ...], float]] = {}
        for eco, u, i, g, c, n in helix:
            tables.setdefault(eco, {})[(u, i, g, c)] = n
        for eco, cells in tables.items():
            tri: dict[tuple[int, ...], float] = {}
            for (u, i, g, _c), n in cells.items():
                tri[(u, i, g)] = tri.get((u, i, g), 0) + n
            put(eco, "triple_helix_T", helix_mutual_information(tri), unit="bits")
            put(eco, "quadruple_helix_T", helix_mutual_information(cells), unit="bits")
        # composition diversity over actor types
        comp = eng.rows(SQ.COMPOSITION)
        by_eco: dict[str, list[float]] = {}
        for eco, _t, n in comp:
            by_eco.setdefault(eco, []).append(n)
        for eco, counts in by_eco.items():
            put(eco, "blau_actor_types", blau(counts), unit="index")
            put(eco, "shannon_actor_types", shannon(counts), unit="nats")
        # mixing: observed vs expected links between knowledge institutions and firms / SMEs
        mix = eng.rows(SQ.MIXING)
        sme_known = eng.rows(SQ.SME_FLAG_KNOWN)[0][0] > 0
        for eco, m, kf, ks, qk, qf, qs in mix:
            ek, es = expected_link_share(qk or 0, qf or 0), expected_link_share(qk or 0, qs or 0)
            put(eco, "knowledge_firm_link_ratio", (kf / m) / ek if m and ek else None, unit="observed/expected")
            put(eco, "knowledge_sme_link_ratio", (ks / m) / es if (m and es and sme_known) else None,
                unit="observed/expected")
        # dominance
        dom = eng.rows(SQ.DOMINANCE)
        for eco, link_share, fund_share, hhi in dom:
            put(eco, "dominance_links", link_share)
            put(eco, "dominance_funding", fund_share)
            put(eco, "funding_hhi", hhi, unit="index")
        # openness: entries and exits per year
        flows = eng.rows(SQ.FLOWS)
        from innovatlas.analysis import partial_years

        partial = partial_years(ws)
        rates: dict[str, list[float]] = {}
        for eco, y, ent, ex, active, y0, y1 in flows:
            put(eco, "entrants", ent, year=y, unit="organisations")
            put(eco, "exits", ex, year=y, unit="organisations")
            if y > y0 and active:
                put(eco, "entry_rate", ent / active, year=y)
                # partial start years (after the data end) are kept out of the mean (issue 9, point 2); without
                # a known data end the last year, which holds only running projects, is left out as before
                if (y not in partial) if partial else (y < y1):
                    rates.setdefault(eco, []).append(ent / active)
        for eco, rs in rates.items():
            put(eco, "entry_rate", float(np.mean(rs)))
        # international embedding from #18
        intl = eng.rows(SQ.INTERNATIONAL)
        for eco, eu, ac, tc in intl:
            put(eco, "international_share_eu", eu)
            put(eco, "international_share_associated", ac)
            put(eco, "international_share_third", tc)
        # fragmentation, from the stored network
        for eco, metric, value in eng.rows(SQ.FRAGMENTATION):
            put(eco, metric, value, unit="count" if metric == "components" else "share" if metric != "modularity" else "index")
        if rows:
            eng.load("indicator_value", value_rows(rows, prov, self.method_text(ws)))
