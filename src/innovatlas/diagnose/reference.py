"""The reference every measure of the diagnosis is judged against (issue 9, point 4).

Comparing a knowledge city with the whole country is unfair on measures that depend on size:
the largest of 66 organisations naturally holds a far larger share of the funding than the
largest of 2,061, so "weaker than the Netherlands (934 % of its value)" followed for every
city. Each measure therefore has one written-down reference (:data:`REFERENCES`):

``own_past`` (the framework's default view)
    The ecosystem's own yearly series over the complete start years (partial years left out):
    the least-squares trend, +1 above +2 % a year, -1 below -2 % a year (rule 2 of
    :mod:`innovatlas.diagnose.rules`). For a nested ecosystem the parent's own trend is taken
    out first (own slope minus the parent's slope), so a drift of the whole programme (every
    Dutch ecosystem's public share falls over Horizon 2020) does not count against each of them.
    Used for shares that can be computed per start year.
``peers``
    The median of the peer group: the other ecosystems with the same parent, the same kind and
    the same kind of definition (the other knowledge cities; city regions with city regions;
    thematic with thematic), at least :data:`MIN_PEERS` of them with a value. +1 at or above
    110 % of the median, -1 at or below 90 % (reversed when lower is better).
``size_adjusted``
    For measures that depend on the number of organisations:

    * funding dominance (largest organisation's share of EU funding, Herfindahl index): the
      expected value for a group of the same size drawn at random from the parent's
      organisations with their funding (:func:`size_adjusted`; all groups when there are at most
      ``draws`` of them, else ``draws`` random groups, seeded); the value's percentile among the
      draws judges it: beyond the 90th percentile on the bad side -1, beyond it on the good side +1.
    * network measures (share in the largest connected group, largest organisation's share of
      links, internal pairs per member): a random draw from the national network would miss the
      local ties that make a city a city, so the reference is the peer group with the size
      taken out: the expected value for an ecosystem of that size from a least-squares fit of the
      measure on ln(members) over the peers (:func:`expected_for_size`); judged by the residual
      against the peers' residual spread (one standard deviation). With fewer than
      :data:`MIN_FIT` peers (the four themes, which are of similar size) the plain peer median is used.
``threshold``
    The absolute thresholds of :data:`innovatlas.diagnose.rules.THRESHOLDS`: only for an
    ecosystem without a parent (the national ecosystem) or without peers.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Callable

import numpy as np

__all__ = ["REFERENCES", "WHY", "MIN_PEERS", "MIN_FIT", "largest_share", "hhi", "size_adjusted", "expected_for_size",
           "judge_percentile", "judge_residual", "REFERENCE_LABELS"]

MIN_PEERS = 3
MIN_FIT = 5

#: measure -> the reference it is judged against (for an ecosystem with a parent)
REFERENCES: dict[str, str] = {
    "public_civil_share": "own_past",
    "sme_share": "own_past",
    "relations_per_member": "peers",
    "organisation_degree": "peers",
    "knowledge_firm_link_ratio": "peers",
    "knowledge_sme_link_ratio": "peers",
    "triple_helix_T": "peers",
    "international_share_third": "peers",
    "entry_rate": "peers",
    "dominance_funding": "size_adjusted",
    "funding_hhi": "size_adjusted",
    "dominance_links": "size_adjusted",
    "largest_component_share": "size_adjusted",
    "internal_pairs_per_member": "size_adjusted",
}

#: why each measure has its reference (shown in the methods)
WHY: dict[str, str] = {
    "public_civil_share": "a share of participations per start year: its own trend is meaningful",
    "sme_share": "a share of participations per start year: its own trend is meaningful",
    "relations_per_member": "the parent counts other Dutch partners as inside, a city as outside: compare with peers",
    "organisation_degree": "a ratio to a reference population; comparable between peers",
    "knowledge_firm_link_ratio": "observed/expected links: already normalised for the type mix; comparable between peers",
    "knowledge_sme_link_ratio": "observed/expected links: already normalised for the type mix; comparable between peers",
    "triple_helix_T": "information in bits per project: comparable between peers",
    "international_share_third": "a share of relations: comparable between peers",
    "entry_rate": "within one framework programme the newcomer rate falls for every ecosystem: compare with peers",
    "dominance_funding": "the largest of few organisations holds a larger share: size-dependent",
    "funding_hhi": "concentration falls with the number of organisations: size-dependent",
    "dominance_links": "the best-connected of few organisations holds a larger share of links: size-dependent",
    "largest_component_share": "small networks fall apart more easily: size-dependent",
    "internal_pairs_per_member": "possible pairs grow with the square of the size: size-dependent",
}

REFERENCE_LABELS = {"own_past": ("own past", "eigen verleden"), "peers": ("peers", "vergelijkbare ecosystemen"),
                    "size_adjusted": ("size-adjusted", "gecorrigeerd voor omvang"),
                    "threshold": ("absolute threshold", "vaste drempel")}


def largest_share(x: np.ndarray) -> float:
    """The largest value's share of the total (NaN for a zero total)."""
    s = float(np.sum(x))
    return float(np.max(x)) / s if s > 0 else float("nan")


def hhi(x: np.ndarray) -> float:
    """Herfindahl-Hirschman index ``sum s_i^2`` of the shares."""
    s = float(np.sum(x))
    return float(np.sum((np.asarray(x) / s) ** 2)) if s > 0 else float("nan")


def size_adjusted(population: np.ndarray, n: int, statistic: Callable[[np.ndarray], float], *,
                  value: float | None = None, draws: int = 500, seed: int = 0) -> dict[str, Any]:
    """The distribution of ``statistic`` over groups of ``n`` drawn without replacement from ``population``.

    All ``C(N, n)`` groups when there are at most ``draws`` of them (``exact``), else ``draws``
    random groups (numpy's default generator, ``seed``). Returns the expected value (mean), the
    10th and 90th percentiles and, with ``value``, its percentile: the share of groups whose
    statistic is at or below it.
    """
    pop = np.asarray(population, dtype=float)
    N = len(pop)
    if not 0 < n <= N:
        return {"draws": 0, "exact": True, "expected": None, "p10": None, "p90": None, "percentile": None, "n": n}
    exact = math.comb(N, n) <= draws
    if exact:
        groups = itertools.combinations(range(N), n)
    else:
        rng = np.random.default_rng(seed)
        groups = (rng.choice(N, size=n, replace=False) for _ in range(draws))
    vals = np.array([statistic(pop[list(g)]) for g in groups], dtype=float)
    vals = vals[np.isfinite(vals)]
    if not len(vals):
        return {"draws": 0, "exact": exact, "expected": None, "p10": None, "p90": None, "percentile": None, "n": n}
    return {"draws": int(len(vals)), "exact": exact, "n": n, "expected": float(vals.mean()),
            "p10": float(np.percentile(vals, 10)), "p90": float(np.percentile(vals, 90)),
            "percentile": None if value is None else float((vals <= value + 1e-12).mean())}


def expected_for_size(sizes: list[float], values: list[float], size: float) -> dict[str, Any] | None:
    """Least-squares fit ``value = a + b ln(size)`` over the peers; the expected value at ``size`` and the
    standard deviation of the peers' residuals. None with fewer than :data:`MIN_FIT` usable peers."""
    pts = [(math.log(s), v) for s, v in zip(sizes, values) if s and s > 0 and v is not None and np.isfinite(v)]
    if len(pts) < MIN_FIT or size <= 0:
        return None
    x, y = np.array([p[0] for p in pts]), np.array([p[1] for p in pts])
    if np.ptp(x) == 0:
        return None
    b, a = np.polyfit(x, y, 1)
    resid = y - (a + b * x)
    return {"expected": float(a + b * math.log(size)), "slope": float(b), "intercept": float(a),
            "sd": float(np.sqrt((resid ** 2).sum() / (len(pts) - 2))) if len(pts) > 2 else 0.0, "peers": len(pts)}


def judge_percentile(pct: float, direction: str) -> int:
    """+1 / -1 beyond the 90th percentile on the good / bad side of the random groups, else 0."""
    good = pct if direction == "higher" else 1 - pct
    return 1 if good >= 0.9 else -1 if good <= 0.1 else 0


def judge_residual(value: float, fit: dict[str, Any], direction: str) -> int:
    """+1 / -1 when the value lies more than one residual standard deviation above / below the expected
    value for its size (reversed when lower is better)."""
    sd = fit["sd"] or 0.0
    d = (value - fit["expected"]) * (1 if direction == "higher" else -1)
    if sd == 0:
        return 0
    return 1 if d >= sd else -1 if d <= -sd else 0
