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

from innovatlas.indicators.base import Indicator, provenance, register
from innovatlas.store import Workspace

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

    def compute(self, ws: Workspace) -> None:
        prov = provenance(ws, self.datasets)
        rows: list[tuple] = []

        def put(eco: str, measure: str, value, year=None, breakdown: str = "", unit: str = "share"):
            rows.append((eco, "signal", measure, breakdown, year,
                         None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value), unit))

        # helix tables: presence of each sphere in each in-scope project's consortium
        helix = ws.rows("""
            WITH p AS (
                SELECT e.ecosystem_id, e.project_key,
                       max(CASE WHEN q.activity_type IN ('HES', 'REC') THEN 1 ELSE 0 END) AS u,
                       max(CASE WHEN q.activity_type = 'PRC' THEN 1 ELSE 0 END) AS i,
                       max(CASE WHEN q.activity_type = 'PUB' THEN 1 ELSE 0 END) AS g,
                       max(CASE WHEN q.activity_type = 'OTH' THEN 1 ELSE 0 END) AS c
                FROM ecosystem_project e JOIN participation q USING (project_key) GROUP BY ALL)
            SELECT ecosystem_id, u, i, g, c, count(*) FROM p GROUP BY ALL ORDER BY 1""")
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
        comp = ws.rows("""SELECT m.ecosystem_id, o.actor_type, count(*) FROM ecosystem_member m JOIN organisation o USING (pic)
                          GROUP BY ALL ORDER BY 1, 2""")
        by_eco: dict[str, list[float]] = {}
        for eco, _t, n in comp:
            by_eco.setdefault(eco, []).append(n)
        for eco, counts in by_eco.items():
            put(eco, "blau_actor_types", blau(counts), unit="index")
            put(eco, "shannon_actor_types", shannon(counts), unit="nats")
        # mixing: observed vs expected links between knowledge institutions and firms / SMEs
        mix = ws.rows("""
            WITH link_ends AS (SELECT ecosystem_id, source AS pic FROM network_edge
                               UNION ALL SELECT ecosystem_id, target FROM network_edge),
            ends AS (
                SELECT e.ecosystem_id, CASE WHEN o.activity_type IN ('HES', 'REC') THEN 'K'
                                            WHEN o.activity_type = 'PRC' AND o.sme THEN 'S'
                                            WHEN o.activity_type = 'PRC' THEN 'F' ELSE 'O' END AS t, count(*) AS n
                FROM link_ends e JOIN organisation o USING (pic) GROUP BY ALL),
            obs AS (
                SELECT e.ecosystem_id,
                       count(*) AS m,
                       count(*) FILTER (WHERE (a.activity_type IN ('HES','REC') AND b.activity_type = 'PRC')
                                           OR (b.activity_type IN ('HES','REC') AND a.activity_type = 'PRC')) AS kf,
                       count(*) FILTER (WHERE (a.activity_type IN ('HES','REC') AND b.activity_type = 'PRC' AND b.sme)
                                           OR (b.activity_type IN ('HES','REC') AND a.activity_type = 'PRC' AND a.sme)) AS ks
                FROM network_edge e JOIN organisation a ON a.pic = e.source JOIN organisation b ON b.pic = e.target
                GROUP BY 1)
            SELECT o.ecosystem_id, o.m, o.kf, o.ks,
                   sum(n) FILTER (WHERE t = 'K') / sum(n) AS qk,
                   sum(n) FILTER (WHERE t IN ('F', 'S')) / sum(n) AS qf,
                   sum(n) FILTER (WHERE t = 'S') / sum(n) AS qs
            FROM obs o JOIN ends USING (ecosystem_id) GROUP BY ALL""")
        sme_known = ws.scalar("SELECT count(*) FROM organisation WHERE activity_type = 'PRC' AND sme IS NOT NULL") > 0
        for eco, m, kf, ks, qk, qf, qs in mix:
            ek, es = expected_link_share(qk or 0, qf or 0), expected_link_share(qk or 0, qs or 0)
            put(eco, "knowledge_firm_link_ratio", (kf / m) / ek if m and ek else None, unit="observed/expected")
            put(eco, "knowledge_sme_link_ratio", (ks / m) / es if (m and es and sme_known) else None,
                unit="observed/expected")
        # dominance
        dom = ws.rows("""
            WITH d AS (SELECT ecosystem_id, max(degree) AS top, sum(degree) AS ends FROM network_node GROUP BY 1),
                 f AS (SELECT ecosystem_id, pic, sum(ec_contribution) AS ec FROM scope GROUP BY 1, 2),
                 s AS (SELECT ecosystem_id, max(ec) / nullif(sum(ec), 0) AS top_share,
                              sum(power(ec / nullif(t.total, 0), 2)) AS hhi
                       FROM f JOIN (SELECT ecosystem_id, sum(ec) AS total FROM f GROUP BY 1) t USING (ecosystem_id) GROUP BY 1)
            SELECT d.ecosystem_id, d.top / nullif(d.ends, 0), s.top_share, s.hhi FROM d LEFT JOIN s USING (ecosystem_id)""")
        for eco, link_share, fund_share, hhi in dom:
            put(eco, "dominance_links", link_share)
            put(eco, "dominance_funding", fund_share)
            put(eco, "funding_hhi", hhi, unit="index")
        # openness: entries and exits per year
        flows = ws.rows("""
            WITH life AS (SELECT ecosystem_id, pic, min(start_year) AS first, max(start_year) AS last FROM scope
                          WHERE start_year IS NOT NULL GROUP BY 1, 2),
                 years AS (SELECT DISTINCT ecosystem_id, start_year AS y FROM scope WHERE start_year IS NOT NULL),
                 span AS (SELECT ecosystem_id, min(y) AS y0, max(y) AS y1 FROM years GROUP BY 1)
            SELECT y.ecosystem_id, y.y,
                   count(*) FILTER (WHERE l.first = y.y) AS entrants,
                   count(*) FILTER (WHERE l.last = y.y - 1) AS exits,
                   count(*) FILTER (WHERE l.first <= y.y AND l.last >= y.y) AS active,
                   any_value(s.y0) AS y0, any_value(s.y1) AS y1
            FROM years y JOIN life l USING (ecosystem_id) JOIN span s USING (ecosystem_id) GROUP BY ALL ORDER BY 1, 2""")
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
        intl = ws.rows("""
            SELECT ecosystem_id, sum(value) FILTER (WHERE breakdown = 'eu') / sum(value),
                   sum(value) FILTER (WHERE breakdown = 'associated') / sum(value),
                   sum(value) FILTER (WHERE breakdown = 'third_country') / sum(value)
            FROM indicator_value WHERE indicator = '18' AND year IS NULL AND breakdown <> '' GROUP BY 1
            HAVING sum(value) > 0""")
        for eco, eu, ac, tc in intl:
            put(eco, "international_share_eu", eu)
            put(eco, "international_share_associated", ac)
            put(eco, "international_share_third", tc)
        # fragmentation, from the stored network
        for eco, metric, value in ws.rows("""SELECT ecosystem_id, metric, value FROM network_metric
                                            WHERE metric IN ('components', 'largest_component_share', 'modularity')"""):
            put(eco, metric, value, unit="count" if metric == "components" else "share" if metric != "modularity" else "index")
        if rows:
            cols = [list(c) for c in zip(*rows)]
            ws.execute("""INSERT INTO indicator_value SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                          unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS INTEGER[])),
                          unnest(CAST(? AS DOUBLE[])), unnest(CAST(? AS VARCHAR[])), ?, ?, now()::TIMESTAMP""",
                       cols + [prov, self.method])
