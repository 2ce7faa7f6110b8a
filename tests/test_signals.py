"""Diversity and synergy formulas by hand (Shannon 1948; Blau 1977; Leydesdorff 2003)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innovatlas.indicators.signals import blau, blau_normalised, expected_link_share, helix_mutual_information, shannon


def test_diversity_indices():
    assert shannon([1, 1]) == pytest.approx(math.log(2))
    assert blau([1, 1]) == pytest.approx(0.5)
    assert blau_normalised([1, 1]) == pytest.approx(1.0)
    # p = 0.5, 0.25, 0.25: Blau = 1 - (0.25 + 0.0625 + 0.0625) = 0.625; max for K=3 is 2/3
    assert blau([2, 1, 1]) == pytest.approx(0.625)
    assert blau_normalised([2, 1, 1]) == pytest.approx(0.625 / (2 / 3))
    # H = -(0.5 ln 0.5 + 2 * 0.25 ln 0.25) = 1.03972
    assert shannon([2, 1, 1]) == pytest.approx(1.0397208)
    assert blau([5]) == 0 and shannon([5]) == 0 and shannon([0, 0]) == 0


def test_triple_helix_T_by_hand():
    # fully redundant u = i = g, half and half: H_x = 1, H_xy = 1, H_xyz = 1 -> T = 3 - 3 + 1 = +1 bit
    assert helix_mutual_information({(0, 0, 0): 5, (1, 1, 1): 5}) == pytest.approx(1.0)
    # synergy: g = u XOR i with u, i uniform: H_x = 1, H_xy = 2, H_xyz = 2 -> T = 3 - 6 + 2 = -1 bit
    xor = {(0, 0, 0): 1, (0, 1, 1): 1, (1, 0, 1): 1, (1, 1, 0): 1}
    assert helix_mutual_information(xor) == pytest.approx(-1.0)
    # one cell only: no uncertainty at all
    assert helix_mutual_information({(1, 0, 1): 7}) == 0.0


@settings(max_examples=80, deadline=None)
@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99), st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_T_is_zero_for_independent_dimensions(pu, pi, pg, pc):
    cells3 = {(u, i, g): (pu if u else 1 - pu) * (pi if i else 1 - pi) * (pg if g else 1 - pg)
              for u in (0, 1) for i in (0, 1) for g in (0, 1)}
    assert helix_mutual_information(cells3) == pytest.approx(0.0, abs=1e-9)
    cells4 = {k + (c,): v * (pc if c else 1 - pc) for k, v in cells3.items() for c in (0, 1)}
    assert helix_mutual_information(cells4) == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=8))
def test_shares_and_bounds(counts):
    if sum(counts) == 0:
        return
    p = [c / sum(counts) for c in counts]
    assert sum(p) == pytest.approx(1.0)
    assert 0 <= blau(counts) <= 1 - 1 / len(counts) + 1e-12
    assert 0 <= shannon(counts) <= math.log(len(counts)) + 1e-12


def test_expected_link_share():
    # half the link ends at knowledge institutions, a quarter at firms: 2 * 0.5 * 0.25
    assert expected_link_share(0.5, 0.25) == 0.25
