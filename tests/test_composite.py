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


# --- issue 17: defects found against COINr's code, COINr's variants, the missing formulas -------------------------

ISSUE17_X = np.array([2, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11, 12, 12, 12, 12, 13,
                      34, 35, 65], dtype=float)


def test_winsorisation_counts_points_as_coinr():
    # COINr R/treat.R winsorise (bluefoxr/COINr, commit 0889f05c140dbad03afb2aea5aa8ef5489fa35db):
    # nwin <- sum(length(imax) + length(imin)): the latest tie group on the high side plus that on the low side.
    # Steps on ISSUE17_X (skew >= 0: high side): 65 -> 35 (group of 1), {35, 35} -> 34 (2), {34, 34, 34} -> 13 (3);
    # the skew is then negative (the 2 stands out) and the test still fails: 2 -> 8 on the low side (1).
    # nwin = 3 + 1 = 4 points. The old counter summed 1 + 2 + 3 = 6 >= winmax after the third step, stopped
    # (the vector still failing) and log-transformed it.
    assert not passes_skew_kurt(ISSUE17_X)
    w, n = winsorise(ISSUE17_X, winmax=5)
    assert n == 4
    assert (w[-3:] == 13).all() and w[0] == 8 and (w[1:-3] == ISSUE17_X[1:-3]).all()
    assert round(skew(w), 3) == -0.055 and round(kurt(w), 3) == -0.845 and passes_skew_kurt(w)
    treated, how = treat_outliers(ISSUE17_X)
    assert how == "winsorised 4 point(s)" and np.array_equal(treated, w)
    # winmax = 3 stops after three points (the vector still fails) -> log of the original values
    w3, n3 = winsorise(ISSUE17_X, winmax=3)
    assert n3 == 3 and not passes_skew_kurt(w3)
    assert treat_outliers(ISSUE17_X, winmax=3)[1] == "log transform ln(x - min + 1)"
    # winmax=None: no limit; missing values are left alone
    xn = np.append(ISSUE17_X, np.nan)
    wn, nn = winsorise(xn, winmax=None)
    assert nn == 4 and np.isnan(wn[-1])


def test_log_fallback_variants_by_hand():
    x = np.array([1.0, 2.0, 11.0])
    # default log_CT_orig: ln(x - 1 + 1) = ln 1, ln 2, ln 11
    assert log_ct(x) == pytest.approx([0.0, np.log(2), np.log(11)])
    # COINr's log_CT: ln(x - 1 + 0.01 * (11 - 1)) = ln 0.1, ln 1.1, ln 10.1
    assert log_ct(x, "log_CT") == pytest.approx([np.log(0.1), np.log(1.1), np.log(10.1)])
    # scale: log_CT of 1000 x differs from log_CT of x by ln 1000 only (the +1 of the original does not)
    assert log_ct(1000 * x, "log_CT") - log_ct(x, "log_CT") == pytest.approx([np.log(1000)] * 3)
    assert treat_outliers(ISSUE17_X, winmax=3, log="log_CT")[1] == "log transform ln(x - min + 0.01 (max - min))"
    with pytest.raises(ValueError, match="log variant"):
        log_ct(x, "ln")


@pytest.mark.parametrize("kwargs,x,expected", [
    # default ratio x / target, capped: 2/5, 4/5, 6/5 -> 40, 80, 100
    ({"target": 5}, [2, 4, 6], [40, 80, 100]),
    # COINr n_dist2targ (x - min) / (target - min): 0/3, 2/3, 4/3 capped -> 0, 66.67, 100
    ({"target": 5, "target_variant": "coinr"}, [2, 4, 6], [0, 200 / 3, 100]),
    ({"target": 5, "target_variant": "coinr", "cap": False}, [2, 4, 6], [0, 200 / 3, 400 / 3]),
    # lower is better, target 3: ratio target / x = 1.5 (capped), 0.75, 0.5
    ({"target": 3, "direction": -1}, [2, 4, 6], [100, 75, 50]),
    # COINr multiplies x and target by -1: (max - x) / (max - target) = 4/3 (capped), 2/3, 0
    ({"target": 3, "direction": -1, "target_variant": "coinr"}, [2, 4, 6], [100, 200 / 3, 0]),
])
def test_distance_to_target_variants_by_hand(kwargs, x, expected):
    assert normalise(np.array(x, dtype=float), "target", **kwargs) == pytest.approx(expected)


@pytest.mark.parametrize("method,ties,expected", [
    # x = 3, 1, 3, 2: the two 3s share places 3 and 4
    ("rank", "average", [3.5, 1, 3.5, 2]),
    ("rank", "min", [3, 1, 3, 2]),                              # COINr n_rank: rank(ties.method = "min")
    ("prank", "min", [200 / 3, 0, 200 / 3, 100 / 3]),           # COINr n_prank: (rank - 1) / (n - 1)
    ("prank", "average", [250 / 3, 0, 250 / 3, 100 / 3]),
    ("borda", "min", [2, 0, 2, 1]),                             # COINr n_borda: rank - 1
    ("borda", "average", [2.5, 0, 2.5, 1]),
])
def test_rank_percentile_rank_and_borda_by_hand(method, ties, expected):
    assert normalise(np.array([3.0, 1.0, 3.0, 2.0]), method, ties=ties) == pytest.approx(expected)


def test_rank_helpers_keep_missing_and_reverse():
    from innovatlas.indicators.composite import rank

    r = rank(np.array([5.0, np.nan, 7.0, 5.0]), "min", descending=True)
    assert r[[0, 2, 3]].tolist() == [2, 1, 2] and np.isnan(r[1])
    assert normalise(np.array([1.0, 2.0, 3.0]), "borda", direction=-1).tolist() == [2, 1, 0]


def test_generalised_mean_by_hand():
    from innovatlas.indicators.composite import generalised_mean

    x = np.array([[1.0, 4.0]])
    assert generalised_mean(x, p=2) == pytest.approx([np.sqrt(8.5)])          # sqrt((1 + 16) / 2)
    assert generalised_mean(x, p=0.5) == pytest.approx([2.25])                # ((1 + 2) / 2)^2
    assert generalised_mean(x, p=-1) == pytest.approx([1.6])                  # harmonic 2 / (1 + 1/4)
    assert generalised_mean(x, p=0) == pytest.approx([2.0])                   # geometric sqrt(4)
    assert generalised_mean(x, [3, 1], p=2) == pytest.approx([np.sqrt(19 / 4)])  # sqrt((3 * 1 + 16) / 4)
    assert aggregate(np.array([[4.0, np.nan]]), [3, 1], "generalised", p=3) == pytest.approx([4.0])
    with pytest.raises(ValueError, match="order p"):
        aggregate(x, method="generalised")


def test_shannon_evenness_by_hand():
    from innovatlas.indicators.composite import shannon_evenness

    assert shannon_evenness([1, 1, 1, 1]) == pytest.approx(1.0)
    # [2, 1, 1]: H = 0.5 ln 2 + 2 * 0.25 ln 4 = 1.5 ln 2; J = 1.5 ln 2 / ln 3
    assert shannon_evenness([2, 1, 1]) == pytest.approx(1.5 * np.log(2) / np.log(3))
    assert shannon_evenness([5, 0]) == 0.0
    assert shannon_evenness([1, 1], categories=4) == pytest.approx(0.5)      # ln 2 / ln 4
    assert np.isnan(shannon_evenness([3]))


def test_group_imputation_and_denomination_by_hand():
    from innovatlas.indicators.composite import denominate

    X = np.array([[1.0, 5.0], [np.nan, 6.0], [3.0, np.nan], [10.0, np.nan], [np.nan, np.nan]])
    g = ["a", "a", "a", "b", "b"]
    out = impute(X, "mean", groups=g)
    assert out[1, 0] == 2.0 and out[4, 0] == 10.0          # group means (1 + 3) / 2 and 10
    assert out[2, 1] == 5.5 and np.isnan(out[3, 1]) and np.isnan(out[4, 1])  # group b has no second value
    assert impute(X, "median", groups=g)[1, 0] == 2.0
    assert denominate(np.array([10.0, 6.0, 1.0]), np.array([5.0, 0.0, np.nan])).tolist()[0] == 2.0
    assert np.isnan(denominate(np.array([6.0, 1.0]), np.array([0.0, np.nan]))).all()  # not infinite, not 0


def test_helix_T_for_a_three_category_dimension_by_hand():
    from innovatlas.indicators.signals import helix_mutual_information

    # synthetic: four projects, one each: x in {0, 1, 2} (three categories), y and z binary
    cells = {(0, 1, 1): 1, (2, 0, 0): 1, (1, 0, 1): 1, (1, 1, 0): 1}
    # H_x: shares 1/4, 2/4, 1/4 -> 1.5 bits; H_y = H_z = 1 bit; every pair and the triple: 4 distinct
    # combinations -> 2 bits. T = 1.5 + 1 + 1 - 2 - 2 - 2 + 2 = -0.5 bits (Leydesdorff 2003).
    # The binary code x + 2y merged (2, 0) with (0, 1) and gave +0.5.
    assert helix_mutual_information(cells) == pytest.approx(-0.5)
    # labels need not be numbers; the same table with names gives the same T
    names = {("none", "y1", "z1"): 1, ("two", "y0", "z0"): 1, ("one", "y0", "z1"): 1, ("one", "y1", "z0"): 1}
    assert helix_mutual_information(names) == pytest.approx(-0.5)
    # binary cases unchanged: fully redundant three dimensions give +1 bit
    assert helix_mutual_information({(0, 0, 0): 1, (1, 1, 1): 1}) == pytest.approx(1.0)
