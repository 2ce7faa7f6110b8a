"""Composite-indicator methods, each case worked out by hand; formulas as cited in
innovatlas.indicators.composite (OECD/JRC Handbook 2008; COINr, Becker et al. 2022)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innovatlas.indicators.composite import (CompositeSpec, aggregate, composite, impute, kurt, log_ct, normalise,
                                             passes_skew_kurt, screen, self_referenced, skew, treat_outliers, uncertainty,
                                             winsorise)


def test_skew_and_kurtosis_type_2():
    # x = 1,2,3,10: mean 4, d = -3,-2,-1,6; sum d^2 = 50, sum d^3 = 180, sum d^4 = 1394.
    # skew: g1 = sqrt(4)*180/50^1.5 = 1.01823; G1 = g1*sqrt(4*3)/2 = 1.76363 (Excel SKEW gives 1.7636)
    x = np.array([1.0, 2.0, 3.0, 10.0])
    assert skew(x) == pytest.approx(1.76363, abs=1e-5)
    # kurt: r = 4*1394/50^2 = 2.2304; G2 = ((5)(2.2304-3) + 6)(3)/((2)(1)) = 3.228 (Excel KURT)
    assert kurt(x) == pytest.approx(3.228, abs=1e-9)
    assert skew(np.array([1.0, 2.0, 3.0])) == 0.0  # symmetric


def test_outlier_rule_winsorise_then_log():
    # COINr's vignette example: 1..10 with two outliers 30 and 100 fails |skew| >= 2 and kurt >= 3.5
    x = np.array(list(range(1, 11)) + [30.0, 100.0])
    assert not passes_skew_kurt(x)
    w, n = winsorise(x, winmax=5)
    # the first winsorisation replaces 100 by the next value in, 30; the result passes
    assert n == 1 and w.max() == 30 and passes_skew_kurt(w)
    treated, how = treat_outliers(x)
    assert how == "winsorised 1 point(s)" and np.array_equal(treated, w)
    # with no winsorisation allowed the rule falls back to ln(x - min + 1) on the original values
    y, n0 = winsorise(x, winmax=0)
    assert n0 == 0 and np.array_equal(y, x)
    assert log_ct(np.array([2.0, 3.0]))[1] == pytest.approx(np.log(2))
    assert passes_skew_kurt(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))


@pytest.mark.parametrize("method,kwargs,x,expected", [
    ("minmax", {}, [2, 4, 6], [0, 50, 100]),
    ("minmax", {"direction": -1}, [2, 4, 6], [100, 50, 0]),
    ("zscore", {}, [2, 4, 6], [-1, 0, 1]),                        # mean 4, sample sd 2
    ("rank", {}, [3, 1, 3], [2.5, 1, 2.5]),                       # ties averaged
    ("goalposts", {"goalposts": (0, 10)}, [5, 12, -1], [50, 100, 0]),
    ("target", {"target": 8}, [4, 8, 10], [50, 100, 100]),         # capped at the target
    ("target", {"target": 5, "direction": -1}, [10, 5, 2], [50, 100, 100]),
    ("reference", {"reference": 4}, [2, 4, 6], [50, 100, 150]),
])
def test_normalisations(method, kwargs, x, expected):
    assert normalise(np.array(x, dtype=float), method, **kwargs) == pytest.approx(expected)


def test_aggregations():
    x = np.array([[1.0, 4.0], [2.0, 8.0]])
    assert aggregate(x, method="arithmetic") == pytest.approx([2.5, 5.0])
    assert aggregate(x, method="geometric") == pytest.approx([2.0, 4.0])     # sqrt(1*4), sqrt(2*8)
    assert aggregate(x, method="harmonic") == pytest.approx([1.6, 3.2])      # 2 / (1 + 1/4)
    w = [3, 1]
    assert aggregate(np.array([[2.0, 8.0]]), w, "arithmetic") == pytest.approx([3.5])       # (6 + 8) / 4
    assert aggregate(np.array([[2.0, 8.0]]), w, "geometric") == pytest.approx([2 ** 1.5])   # 2^(3/4) 8^(1/4)
    assert aggregate(np.array([[2.0, 8.0]]), w, "harmonic") == pytest.approx([4 / 1.625])   # 4 / (3/2 + 1/8)
    assert aggregate(np.array([[2.0, np.nan]]), w, "arithmetic") == pytest.approx([2.0])    # missing ignored
    with pytest.raises(ValueError, match="positive"):
        aggregate(np.array([[0.0, 1.0]]), method="geometric")


def test_screening_and_imputation():
    X = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, 1.0], [3.0, 4.0, 5.0]])
    assert screen(X, 0.66).tolist() == [True, False, True]
    filled = impute(X, "mean")
    assert filled[1, 0] == 2.0 and filled[0, 1] == 4.0
    assert impute(X, "median")[1, 0] == 2.0


def test_self_referenced_view():
    # two indicators over three years; base year = first row; targets 20 and 5 (the second lower-is-better)
    values = np.array([[10.0, 10.0], [15.0, 8.0], [20.0, 6.0]])
    res = self_referenced(values, targets=np.array([20.0, 5.0]), directions=np.array([1, -1]))
    assert res["versus_past"][2] == pytest.approx([200.0, 10 / 6 * 100])
    assert res["progress"][1] == pytest.approx([0.5, 0.4])     # (15-10)/(20-10), (8-10)/(5-10)
    assert res["composite_progress"][2] == pytest.approx((1.0 + 0.8) / 2)


def test_composite_and_uncertainty_rank_intervals():
    X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 5.0]])
    scores, spec = composite(X, CompositeSpec(treat=False))
    assert scores[2] > scores[1] > scores[0]
    u = uncertainty(X, runs=200, seed=1)
    assert u["ranks"].shape == (200, 4)
    assert all(1 <= a <= b <= 4 for a, b in zip(u["p05"], u["p95"]))
    # unit 2 dominates units 0 and 1 on both indicators, so it always ranks above them
    assert (u["ranks"][:, 2] < u["ranks"][:, 0]).all() and (u["ranks"][:, 2] < u["ranks"][:, 1]).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=2, max_size=30))
def test_minmax_and_goalposts_stay_in_range(values):
    x = np.array(values)
    n = normalise(x, "minmax")
    assert np.nanmin(n) >= -1e-9 and np.nanmax(n) <= 100 + 1e-9
    g = normalise(x, "goalposts", goalposts=(-10.0, 10.0))
    assert g.min() >= 0 and g.max() <= 100


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.1, 1e3), min_size=2, max_size=6), st.lists(st.floats(0.1, 10), min_size=6, max_size=6))
def test_means_are_ordered(values, weights):
    # for positive values: harmonic <= geometric <= arithmetic (weighted power-mean inequality)
    x = np.array([values])
    w = weights[: len(values)]
    h, g, a = (aggregate(x, w, m)[0] for m in ("harmonic", "geometric", "arithmetic"))
    assert h <= g * (1 + 1e-9) and g <= a * (1 + 1e-9)
