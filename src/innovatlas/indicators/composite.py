"""Composite indicators the way the JRC/OECD Handbook and COINr build them.

Pure numpy functions over a matrix ``X`` (units in rows, indicators in columns; ``nan`` =
missing). Every step is documented with its formula and source:

* OECD/JRC (2008) *Handbook on Constructing Composite Indicators: Methodology and User
  Guide*, OECD Publishing (the Handbook): screening §1.4, imputation §1.5 (Step 3),
  normalisation §1.6 (Table 3), weighting §1.8, aggregation §1.9, uncertainty §1.10.
* Becker W., Benavente D., Dominguez Torreiro M., Moura C.T., Neves A.R., Saisana M.,
  Vertesy D. (2022) *COINr: An R package for developing composite indicators*, Journal
  of Open Source Software 7(78), 4567 (outlier treatment: skew/kurtosis test and
  winsorisation, ``check_SkewKurt``, ``winsorise``, ``log_CT``).

The default view in innovatlas (:func:`self_referenced`) follows seed 001: an ecosystem is
compared with *its own targets and its own past*, not ranked against others; comparison
between ecosystems (:func:`composite` over several ecosystems) is available but secondary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Sequence

import numpy as np

__all__ = ["skew", "kurt", "passes_skew_kurt", "winsorise", "log_ct", "treat_outliers", "screen", "impute",
           "normalise", "aggregate", "composite", "uncertainty", "self_referenced", "CompositeSpec",
           "NORMALISATIONS", "AGGREGATIONS", "SKEW_THRESHOLD", "KURT_THRESHOLD"]

SKEW_THRESHOLD = 2.0  # COINr check_SkewKurt default
KURT_THRESHOLD = 3.5
NORMALISATIONS = ("minmax", "zscore", "rank", "goalposts", "target", "reference")
AGGREGATIONS = ("arithmetic", "geometric", "harmonic")


def skew(x: np.ndarray) -> float:
    """Sample skewness, type 2 (Excel SKEW; COINr ``skew``; Joanes & Gill 1998, G1):
    ``G1 = g1 * sqrt(n(n-1)) / (n-2)``, ``g1 = sqrt(n) * sum(d^3) / sum(d^2)^(3/2)``, ``d = x - mean``.

    >>> round(skew(np.array([1., 2., 3., 10.])), 4)
    1.7636
    """
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 3:
        return float("nan")
    d = x - x.mean()
    s2 = (d ** 2).sum()
    if s2 == 0:
        return 0.0
    g1 = np.sqrt(n) * (d ** 3).sum() / s2 ** 1.5
    return float(g1 * np.sqrt(n * (n - 1)) / (n - 2))


def kurt(x: np.ndarray) -> float:
    """Sample excess kurtosis, type 2 (Excel KURT; COINr ``kurt``; Joanes & Gill 1998, G2):
    ``G2 = ((n+1)(r-3) + 6)(n-1) / ((n-2)(n-3))``, ``r = n * sum(d^4) / sum(d^2)^2``."""
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 4:
        return float("nan")
    d = x - x.mean()
    s2 = (d ** 2).sum()
    if s2 == 0:
        return 0.0
    r = n * (d ** 4).sum() / s2 ** 2
    return float(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))


def passes_skew_kurt(x: np.ndarray, skew_t: float = SKEW_THRESHOLD, kurt_t: float = KURT_THRESHOLD) -> bool:
    """COINr's test: an indicator has outliers when ``|skew| >= 2`` AND ``kurtosis >= 3.5``."""
    s, k = skew(x), kurt(x)
    if np.isnan(s) or np.isnan(k):
        return True
    return bool(abs(s) < skew_t or k < kurt_t)


def winsorise(x: np.ndarray, winmax: int = 5) -> tuple[np.ndarray, int]:
    """COINr-style winsorisation: while the skew/kurtosis test fails and fewer than ``winmax``
    points were changed, replace the most extreme value on the side of the skew by the next
    value in from it. Returns the new vector and the number of points winsorised."""
    x = x.astype(float).copy()
    changed = 0
    while not passes_skew_kurt(x) and changed < winmax:
        ok = ~np.isnan(x)
        vals = np.sort(x[ok])
        if skew(x) > 0:
            top = vals[-1]
            nxt = vals[vals < top].max() if (vals < top).any() else top
            idx = np.flatnonzero(ok & (x == top))
            x[idx] = nxt
        else:
            low = vals[0]
            nxt = vals[vals > low].min() if (vals > low).any() else low
            idx = np.flatnonzero(ok & (x == low))
            x[idx] = nxt
        changed += len(idx)
    return x, changed


def log_ct(x: np.ndarray) -> np.ndarray:
    """The COIN Tool log transform used by COINr (``log_CT``): ``ln(x - min(x) + 1)``."""
    return np.log(x - np.nanmin(x) + 1)


def treat_outliers(x: np.ndarray, winmax: int = 5) -> tuple[np.ndarray, str]:
    """COINr's default treatment: nothing if the test passes; else winsorise up to ``winmax``
    points; if the test still fails, log-transform the *original* values instead."""
    if passes_skew_kurt(x):
        return x.astype(float), "none"
    w, n = winsorise(x, winmax)
    if passes_skew_kurt(w):
        return w, f"winsorised {n} point(s)"
    return log_ct(x.astype(float)), "log transform ln(x - min + 1)"


def screen(X: np.ndarray, min_coverage: float = 0.66) -> np.ndarray:
    """Handbook §1.4 data screening: keep units (rows) with at least ``min_coverage`` of indicators present."""
    coverage = (~np.isnan(X)).mean(axis=1)
    return coverage >= min_coverage


def impute(X: np.ndarray, method: Literal["none", "mean", "median"] = "mean") -> np.ndarray:
    """Handbook §1.5 single imputation by the indicator's (column) mean or median over units."""
    if method == "none":
        return X.copy()
    stat = np.nanmean if method == "mean" else np.nanmedian
    X = X.astype(float).copy()
    fill = stat(np.where(np.isnan(X).all(axis=0), 0, X), axis=0) if X.size else X
    rows, cols = np.where(np.isnan(X))
    X[rows, cols] = np.take(fill, cols)
    return X


def normalise(x: np.ndarray, method: str = "minmax", *, direction: int = 1, goalposts: tuple[float, float] | None = None,
              target: float | None = None, reference: float | None = None, scale: float = 100.0) -> np.ndarray:
    """Handbook Table 3 normalisations of one indicator (``direction = -1`` when lower is better).

    * ``minmax``: ``(x - min) / (max - min) * scale``
    * ``zscore``: ``(x - mean) / sd`` (sample sd)
    * ``rank``: rank 1..n, ties averaged
    * ``goalposts``: ``(x - lo) / (hi - lo) * scale`` clipped to [0, scale]
    * ``target`` (distance to target): ``x / target * scale`` (for lower-is-better ``target / x * scale``), capped at scale
    * ``reference`` (distance to a reference unit or year): ``x / reference * scale``
    """
    x = x.astype(float)
    if direction < 0 and method in ("minmax", "zscore", "rank", "goalposts"):
        x = -x
        if goalposts:
            goalposts = (-goalposts[1], -goalposts[0])
    if method == "minmax":
        lo, hi = np.nanmin(x), np.nanmax(x)
        return np.where(np.isnan(x), np.nan, (x - lo) / (hi - lo) * scale if hi > lo else scale / 2)
    if method == "zscore":
        sd = np.nanstd(x, ddof=1)
        return (x - np.nanmean(x)) / sd if sd > 0 else np.zeros_like(x)
    if method == "rank":
        out = np.full_like(x, np.nan)
        ok = ~np.isnan(x)
        vals = x[ok]
        order = vals.argsort()
        ranks = np.empty(len(vals))
        ranks[order] = np.arange(1, len(vals) + 1)
        for v in np.unique(vals):  # average ties
            ranks[vals == v] = ranks[vals == v].mean()
        out[ok] = ranks
        return out
    if method == "goalposts":
        if not goalposts:
            raise ValueError("goalposts normalisation needs goalposts=(lower, upper)")
        lo, hi = goalposts
        return np.clip((x - lo) / (hi - lo), 0, 1) * scale
    if method == "target":
        if not target:
            raise ValueError("distance-to-target normalisation needs a non-zero target")
        ratio = (target / x) if direction < 0 else (x / target)
        return np.minimum(ratio, 1.0) * scale
    if method == "reference":
        if not reference:
            raise ValueError("distance-to-reference normalisation needs a non-zero reference value")
        return (reference / x if direction < 0 else x / reference) * scale
    raise ValueError(f"unknown normalisation '{method}': choose from {', '.join(NORMALISATIONS)}")


def aggregate(X: np.ndarray, weights: Sequence[float] | None = None, method: str = "arithmetic") -> np.ndarray:
    """Handbook §1.9 weighted means over indicators (columns), ignoring missing values:

    * arithmetic ``sum(w x) / sum(w)``
    * geometric ``prod(x^w)^(1/sum(w))`` (needs x > 0)
    * harmonic ``sum(w) / sum(w / x)`` (needs x > 0)
    """
    X = X.astype(float)
    w = np.ones(X.shape[1]) if weights is None else np.asarray(weights, dtype=float)
    W = np.where(np.isnan(X), 0.0, w)
    sw = W.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "arithmetic":
            out = np.nansum(W * np.nan_to_num(X), axis=1) / sw
        elif method == "geometric":
            if np.nanmin(X) <= 0:
                raise ValueError("geometric aggregation needs positive values: use min-max with an offset, or arithmetic")
            out = np.exp(np.nansum(W * np.log(np.where(np.isnan(X), 1, X)), axis=1) / sw)
        elif method == "harmonic":
            if np.nanmin(X) <= 0:
                raise ValueError("harmonic aggregation needs positive values")
            out = sw / np.nansum(W / np.where(np.isnan(X), np.inf, X), axis=1)
        else:
            raise ValueError(f"unknown aggregation '{method}': choose from {', '.join(AGGREGATIONS)}")
    return np.where(sw > 0, out, np.nan)


@dataclass
class CompositeSpec:
    """The choices of one composite: imputation, outlier treatment, normalisation, weights, aggregation."""

    imputation: str = "mean"
    treat: bool = True
    normalisation: str = "minmax"
    aggregation: str = "arithmetic"
    weights: list[float] | None = None
    directions: list[int] | None = None
    offset: float = 1.0  # added after normalisation so geometric/harmonic means are defined
    notes: list[str] = field(default_factory=list)


def composite(X: np.ndarray, spec: CompositeSpec | None = None) -> tuple[np.ndarray, CompositeSpec]:
    """Scores per unit: impute -> treat outliers -> normalise -> aggregate. Returns scores and the spec with notes."""
    spec = spec or CompositeSpec()
    spec.notes = []
    X = impute(X, spec.imputation)
    cols = []
    dirs = spec.directions or [1] * X.shape[1]
    for j in range(X.shape[1]):
        x = X[:, j]
        if spec.treat and (~np.isnan(x)).sum() >= 4:
            x, how = treat_outliers(x)
            if how != "none":
                spec.notes.append(f"indicator {j}: {how}")
        cols.append(normalise(x, spec.normalisation, direction=dirs[j]))
    N = np.column_stack(cols) if cols else np.zeros((X.shape[0], 0))
    if spec.aggregation != "arithmetic" or spec.normalisation == "zscore":
        N = N - np.nanmin(N) + spec.offset if N.size else N
    return aggregate(N, spec.weights, spec.aggregation), spec


def uncertainty(X: np.ndarray, *, runs: int = 500, seed: int = 42, weight_noise: float = 0.25,
                normalisations: Sequence[str] = ("minmax", "zscore", "rank"),
                aggregations: Sequence[str] = AGGREGATIONS, imputations: Sequence[str] = ("mean", "median"),
                directions: list[int] | None = None) -> dict[str, np.ndarray]:
    """Handbook §1.10 uncertainty analysis by Monte Carlo: each run draws an imputation, a
    normalisation, an aggregation and weights ``w_j * U(1 - noise, 1 + noise)``; returns
    per unit the median rank and the 5th-95th percentile rank interval (rank 1 = highest)."""
    rng = np.random.default_rng(seed)
    n, k = X.shape
    ranks = np.empty((runs, n))
    for r in range(runs):
        spec = CompositeSpec(imputation=str(rng.choice(imputations)), normalisation=str(rng.choice(normalisations)),
                             aggregation=str(rng.choice(aggregations)), directions=directions,
                             weights=list(rng.uniform(1 - weight_noise, 1 + weight_noise, size=k)))
        scores, _ = composite(X, spec)
        order = (-np.nan_to_num(scores, nan=-np.inf)).argsort(kind="stable")
        rk = np.empty(n)
        rk[order] = np.arange(1, n + 1)
        ranks[r] = rk
    return {"median_rank": np.median(ranks, axis=0), "p05": np.percentile(ranks, 5, axis=0),
            "p95": np.percentile(ranks, 95, axis=0), "ranks": ranks}


def self_referenced(values: np.ndarray, *, targets: np.ndarray | None = None, baseline: np.ndarray | None = None,
                    directions: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The default view: one ecosystem, indicators in columns, years in rows.

    ``progress`` per indicator and year = distance to target, ``(x - baseline)/(target - baseline)``
    clipped to [0, 1] (Handbook Table 3, distance to a target, expressed as the share of the
    way from baseline to target); ``versus_past`` = ``x / baseline * 100`` (distance to a
    reference: the ecosystem's own base year). Composite = arithmetic mean over the
    indicators that have a value (equal weights).
    """
    values = values.astype(float)
    k = values.shape[1]
    base = values[0] if baseline is None else baseline.astype(float)
    dirs = np.ones(k) if directions is None else directions.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        vs_past = np.where(dirs > 0, values / base, base / values) * 100
        if targets is not None:
            prog = np.clip((values - base) / (targets.astype(float) - base), 0, 1)
        else:
            prog = np.full_like(values, np.nan)
    return {"versus_past": vs_past, "progress": prog,
            "composite_versus_past": np.nanmean(np.where(np.isfinite(vs_past), vs_past, np.nan), axis=1),
            "composite_progress": np.nanmean(prog, axis=1) if targets is not None else np.full(values.shape[0], np.nan)}
