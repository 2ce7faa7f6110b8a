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

Three definitions differ from COINr's; innovatlas keeps its own as the default and offers COINr's
as an option (issue 17): distance to target ``x / target`` (``target_variant="coinr"``:
``n_dist2targ``, ``(x - min) / (target - min)``); the log fallback ``ln(x - min + 1)``
(``log="log_CT"``: ``ln(x - min + 0.01 (max - min))``); rank ties averaged (``ties="min"``: R's
minimum rank, as ``n_rank``). The winsorisation counts points as COINr's ``winsorise`` does.
Whole indices defined as data (definition tables, hierarchical aggregation, Monte Carlo on an
index) are in :mod:`innovatlas.indicators.index`.

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
           "NORMALISATIONS", "AGGREGATIONS", "SKEW_THRESHOLD", "KURT_THRESHOLD", "availability", "denominate",
           "rank", "generalised_mean", "shannon_evenness", "LOG_VARIANTS", "TIES", "TARGET_VARIANTS"]

SKEW_THRESHOLD = 2.0  # COINr check_SkewKurt default
KURT_THRESHOLD = 3.5
NORMALISATIONS = ("minmax", "zscore", "rank", "prank", "borda", "goalposts", "target", "reference")
AGGREGATIONS = ("arithmetic", "geometric", "harmonic")  # plus "generalised" (power mean), which needs p
#: the log fallback of the outlier treatment: ``log_CT_orig`` = ln(x - min + 1) (the innovatlas default, COINr's
#: ``log_CT_orig``); ``log_CT`` = ln(x - min + 0.01 (max - min)) (COINr's default ``log_CT``)
LOG_VARIANTS = ("log_CT_orig", "log_CT")
#: ties in rank-based normalisations and result ranks: ``average`` (the innovatlas default) or ``min`` (COINr's
#: ``n_rank``, ``n_prank``, ``n_borda``: R's ``rank(ties.method = "min")``, sports ranking)
TIES = ("average", "min")
#: distance to target: ``ratio`` = x / target (the innovatlas default) or ``coinr`` = (x - min) / (target - min)
#: (COINr's ``n_dist2targ``)
TARGET_VARIANTS = ("ratio", "coinr")


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


def winsorise(x: np.ndarray, winmax: int | None = 5) -> tuple[np.ndarray, int]:
    """COINr's ``winsorise`` (``R/treat.R``): while the skew/kurtosis test fails and the count is
    below ``winmax`` (``None``: no limit), replace the extreme value(s) on the side of the skew
    (high when skew >= 0) by the next value in from them. Returns the new vector and the count.

    The count is COINr's ``nwin = length(imax) + length(imin)``: the size of the *latest* tie
    group on each side. A point once winsorised stays tied with the extreme, so the latest group
    on a side holds every point winsorised on that side so far: the count is the number of points
    changed, not the running sum of group sizes (1 + 2 + 3 ...), which stopped after three points.

    >>> x = np.array([2, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11, 12, 12, 12, 12, 13, 34, 35, 65.])
    >>> winsorise(x)[1]
    4
    """
    x = x.astype(float).copy()
    ok = ~np.isnan(x)
    n_hi = n_lo = 0
    while not passes_skew_kurt(x) and (winmax is None or n_hi + n_lo < winmax):
        vals = x[ok]
        if skew(x) >= 0:
            top = vals.max()
            rest = vals[vals < top]
            if not rest.size:
                break
            idx = np.flatnonzero(ok & (x == top))
            x[idx] = rest.max()
            n_hi = len(idx)
        else:
            low = vals.min()
            rest = vals[vals > low]
            if not rest.size:
                break
            idx = np.flatnonzero(ok & (x == low))
            x[idx] = rest.min()
            n_lo = len(idx)
    return x, n_hi + n_lo


def log_ct(x: np.ndarray, variant: str = "log_CT_orig") -> np.ndarray:
    """The COIN Tool log transform. Default ``log_CT_orig``: ``ln(x - min(x) + 1)`` (COINr's
    ``log_CT_orig``; the innovatlas default, as before). ``variant="log_CT"``: COINr's default
    ``log_CT``, ``ln(x - min(x) + 0.01 (max(x) - min(x)))``, which does not depend on the unit of x
    beyond a constant (the +1 of the original weighs differently on a 0-1 share and on euros)."""
    x = x.astype(float)
    lo = np.nanmin(x)
    if variant == "log_CT_orig":
        return np.log(x - lo + 1)
    if variant == "log_CT":
        return np.log(x - lo + 0.01 * (np.nanmax(x) - lo))
    raise ValueError(f"unknown log variant '{variant}': choose from {', '.join(LOG_VARIANTS)}")


_LOG_FORMULA = {"log_CT_orig": "ln(x - min + 1)", "log_CT": "ln(x - min + 0.01 (max - min))"}


def treat_outliers(x: np.ndarray, winmax: int | None = 5, log: str = "log_CT_orig") -> tuple[np.ndarray, str]:
    """COINr's default treatment: nothing if the test passes; else winsorise up to ``winmax``
    points; if the test still fails, log-transform the *original* values instead (``log``: see
    :func:`log_ct`; default ``log_CT_orig`` = ln(x - min + 1), COINr's default is ``log_CT``)."""
    if passes_skew_kurt(x):
        return x.astype(float), "none"
    w, n = winsorise(x, winmax)
    if passes_skew_kurt(w):
        return w, f"winsorised {n} point(s)"
    return log_ct(x.astype(float), log), f"log transform {_LOG_FORMULA[log]}"


def availability(X: np.ndarray) -> np.ndarray:
    """Share of indicators (columns) present per unit (row): COINr's data availability ``sum(!is.na(x)) / length(x)``."""
    return (~np.isnan(X)).mean(axis=1) if X.shape[1] else np.ones(X.shape[0])


def screen(X: np.ndarray, min_coverage: float = 0.66) -> np.ndarray:
    """Handbook §1.4 data screening: keep units (rows) with at least ``min_coverage`` of indicators present
    (COINr ``Screen(unit_screen = "byNA", dat_thresh = min_coverage)``)."""
    return availability(X) >= min_coverage


def denominate(X: np.ndarray, D: np.ndarray, scale: float | np.ndarray = 1.0) -> np.ndarray:
    """COINr ``Denominate``: ``x / (d / scale)`` column by column (per capita, per GDP, per FTE). A zero
    or missing denominator gives a missing value (not in the data), never an infinite one."""
    X = X.astype(float)
    D = np.asarray(D, dtype=float) / scale
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isfinite(D) & (D != 0), X / np.where(D == 0, np.nan, D), np.nan)


def impute(X: np.ndarray, method: Literal["none", "mean", "median"] = "mean", *,
           groups: Sequence | np.ndarray | None = None) -> np.ndarray:
    """Handbook §1.5 single imputation by the indicator's (column) mean or median over units.

    With ``groups`` (one label per unit), the mean or median is taken within the unit's group
    (COINr ``i_mean_grp`` / ``i_median_grp``, e.g. ``use_group = "EurAsia_group"``); a value stays
    missing when its whole group lacks the indicator (and a unit without a group label keeps its gaps).
    """
    if method == "none":
        return X.copy()
    if method not in ("mean", "median"):
        raise ValueError(f"unknown imputation '{method}': choose from none, mean, median")
    if groups is not None:
        X = X.astype(float).copy()
        labels = np.asarray(groups, dtype=object)
        stat = np.nanmean if method == "mean" else np.nanmedian
        for g in {v for v in labels.tolist() if v is not None and v == v and v != ""}:  # over groups, not rows
            rows = labels == g
            block = X[rows]
            has = ~np.isnan(block).all(axis=0)
            fill = np.full(X.shape[1], np.nan)
            if has.any():
                fill[has] = stat(block[:, has], axis=0)
            X[rows] = np.where(np.isnan(block), fill, block)
        return X
    stat = np.nanmean if method == "mean" else np.nanmedian
    X = X.astype(float).copy()
    fill = stat(np.where(np.isnan(X).all(axis=0), 0, X), axis=0) if X.size else X
    rows, cols = np.where(np.isnan(X))
    X[rows, cols] = np.take(fill, cols)
    return X


def rank(x: np.ndarray, ties: str = "average", *, descending: bool = False) -> np.ndarray:
    """Ranks 1..n of the present values (missing stays missing). ``ties="average"`` (the innovatlas
    default) gives tied values the mean of their positions; ``ties="min"`` the lowest (R's
    ``rank(ties.method = "min")``, COINr's ``n_rank`` and its result ranks). ``descending`` ranks the
    highest value 1 (results tables)."""
    if ties not in TIES:
        raise ValueError(f"unknown ties rule '{ties}': choose from {', '.join(TIES)}")
    from scipy.stats import rankdata

    x = np.asarray(x, dtype=float)
    out = np.full(x.shape, np.nan)
    ok = ~np.isnan(x)
    if ok.any():
        out[ok] = rankdata(-x[ok] if descending else x[ok], method=ties)
    return out


def normalise(x: np.ndarray, method: str = "minmax", *, direction: int = 1, goalposts: tuple[float, float] | None = None,
              target: float | None = None, reference: float | None = None, scale: float = 100.0,
              lower: float = 0.0, ties: str = "average", target_variant: str = "ratio", cap: bool = True) -> np.ndarray:
    """Handbook Table 3 normalisations of one indicator (``direction = -1`` when lower is better).

    * ``minmax``: ``(x - min) / (max - min) * (scale - lower) + lower`` (COINr ``n_minmax``, ``l_u = c(lower, scale)``)
    * ``zscore``: ``(x - mean) / sd`` (sample sd)
    * ``rank``: rank 1..n; ties averaged by default, ``ties="min"`` for COINr's ``n_rank``
    * ``prank`` (COINr ``n_prank``): percentile rank ``(rank - 1) / (n - 1) * scale``
    * ``borda`` (COINr ``n_borda``): Borda score ``rank - 1`` (n - 1 for the best)
    * ``goalposts``: ``(x - lo) / (hi - lo) * scale`` clipped to [0, scale]
    * ``target`` (distance to target), default ``target_variant="ratio"``: ``x / target * scale`` (for
      lower-is-better ``target / x * scale``); ``target_variant="coinr"`` is COINr's ``n_dist2targ``,
      ``(x - min) / (target - min) * scale`` (lower-is-better: ``(max - x) / (max - target)``, COINr
      multiplies x and the target by -1). Capped at ``scale`` unless ``cap=False`` (COINr's ``cap_max``
      is off by default).
    * ``reference`` (distance to a reference unit or year): ``x / reference * scale``
    """
    x = x.astype(float)
    if direction < 0 and method in ("minmax", "zscore", "rank", "prank", "borda", "goalposts"):
        x = -x
        if goalposts:
            goalposts = (-goalposts[1], -goalposts[0])
    if method == "minmax":
        lo, hi = np.nanmin(x), np.nanmax(x)
        mid = (scale + lower) / 2
        return np.where(np.isnan(x), np.nan, (x - lo) / (hi - lo) * (scale - lower) + lower if hi > lo else mid)
    if method == "zscore":
        sd = np.nanstd(x, ddof=1)
        return (x - np.nanmean(x)) / sd if sd > 0 else np.zeros_like(x)
    if method == "rank":
        return rank(x, ties)
    if method == "prank":
        n = int((~np.isnan(x)).sum())
        return (rank(x, ties) - 1) / (n - 1) * scale if n > 1 else np.where(np.isnan(x), np.nan, scale / 2)
    if method == "borda":
        return rank(x, ties) - 1
    if method == "target" and target_variant == "coinr":
        if target is None or not np.isfinite(target):
            raise ValueError("distance-to-target normalisation needs a target")
        t = -target if direction < 0 else target
        xs = -x if direction < 0 else x
        lo = np.nanmin(xs)
        if t == lo:
            raise ValueError("COINr distance to target needs a target different from the worst value")
        y = (xs - lo) / (t - lo)
        return (np.minimum(y, 1.0) if cap else y) * scale
    if method == "target" and target_variant not in TARGET_VARIANTS:
        raise ValueError(f"unknown distance-to-target variant '{target_variant}': choose from {', '.join(TARGET_VARIANTS)}")
    if method == "goalposts":
        if not goalposts:
            raise ValueError("goalposts normalisation needs goalposts=(lower, upper)")
        lo, hi = goalposts
        return np.clip((x - lo) / (hi - lo), 0, 1) * scale
    if method == "target":
        if not target:
            raise ValueError("distance-to-target normalisation needs a non-zero target")
        ratio = (target / x) if direction < 0 else (x / target)
        return (np.minimum(ratio, 1.0) if cap else ratio) * scale
    if method == "reference":
        if not reference:
            raise ValueError("distance-to-reference normalisation needs a non-zero reference value")
        return (reference / x if direction < 0 else x / reference) * scale
    raise ValueError(f"unknown normalisation '{method}': choose from {', '.join(NORMALISATIONS)}")


def aggregate(X: np.ndarray, weights: Sequence[float] | None = None, method: str = "arithmetic", *,
              p: float | None = None) -> np.ndarray:
    """Handbook §1.9 weighted means over indicators (columns), ignoring missing values (the weights
    are re-normalised over the values present, as COINr's ``a_amean``/``a_gmean``/``a_hmean``):

    * arithmetic ``sum(w x) / sum(w)``
    * geometric ``prod(x^w)^(1/sum(w))`` (needs x > 0)
    * harmonic ``sum(w) / sum(w / x)`` (needs x > 0)
    * generalised (power) mean of order ``p``: see :func:`generalised_mean`
    """
    if method == "generalised":
        if p is None:
            raise ValueError("the generalised mean needs its order p (1 arithmetic, 0 geometric, -1 harmonic)")
        return generalised_mean(X, weights, p)
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


def generalised_mean(X: np.ndarray, weights: Sequence[float] | None = None, p: float = 1.0) -> np.ndarray:
    """Weighted generalised (power) mean of order p over columns, missing values ignored:
    ``M_p = (sum(w x^p) / sum(w))^(1/p)``; ``p = 1`` arithmetic, ``p -> 0`` geometric, ``p = -1``
    harmonic, ``p -> inf`` maximum (Handbook §1.9; Hardy, Littlewood & Pólya 1934, ch. 2). M_p grows
    with p, so p sets how much a high value may compensate a low one. Needs x > 0 unless p = 1."""
    X = X.astype(float)
    if p == 0:
        return aggregate(X, weights, "geometric")
    if p == 1:
        return aggregate(X, weights, "arithmetic")
    if np.nanmin(X) <= 0:
        raise ValueError("the generalised mean with p != 1 needs positive values: normalise to [1, 100], or use p = 1")
    w = np.ones(X.shape[1]) if weights is None else np.asarray(weights, dtype=float)
    W = np.where(np.isnan(X), 0.0, w)
    sw = W.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (np.nansum(W * np.where(np.isnan(X), 1.0, X) ** p, axis=1) / sw) ** (1 / p)
    return np.where(sw > 0, out, np.nan)


def shannon_evenness(counts: Sequence[float], categories: int | None = None) -> float:
    """Shannon evenness (Pielou 1966, J. Theor. Biol. 13:131): ``J = H / ln K``, H the Shannon entropy in
    nats over the category shares and K the number of categories (``categories``, default ``len(counts)``,
    so categories with zero count still count). 1 = all categories equally present, 0 = one category
    only; missing (nan) when K < 2 or there is nothing to count."""
    c = np.asarray(counts, dtype=float)
    k = categories or len(c)
    if k < 2 or c.sum() <= 0:
        return float("nan")
    q = c[c > 0] / c.sum()
    return float(-(q * np.log(q)).sum() / np.log(k))


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
    log: str = "log_CT_orig"   # log fallback of the treatment; "log_CT" for COINr's (see LOG_VARIANTS)
    ties: str = "average"      # rank ties; "min" for COINr's (see TIES)
    winmax: int | None = 5


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
            x, how = treat_outliers(x, spec.winmax, spec.log)
            if how != "none":
                spec.notes.append(f"indicator {j}: {how}")
        cols.append(normalise(x, spec.normalisation, direction=dirs[j], ties=spec.ties))
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
