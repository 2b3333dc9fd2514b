"""The index's rank statistics equal scipy's, float for float, ties and NaN cases included."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy.stats import kendalltau, spearmanr

from steppewatch.analysis.rank_correlation import average_ranks, kendall_tau_b, spearman_rho


def _same(ours: float, theirs: float) -> bool:
    return (math.isnan(ours) and math.isnan(theirs)) or ours == theirs


def _samples() -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(7)
    pairs = []
    for _ in range(400):
        n = int(rng.integers(1, 30))
        tied = rng.integers(0, 5, n).astype(float)
        pairs.append((tied, tied * int(rng.integers(-2, 3)) + rng.integers(0, 3, n)))
        smooth = rng.random(n)
        pairs.append((smooth, smooth + rng.random(n) * 0.4))
    pairs.append((np.array([3.0, 3.0, 3.0]), np.array([1.0, 2.0, 3.0])))  # constant
    pairs.append((np.array([1.0, 2.0, math.nan]), np.array([1.0, 2.0, 3.0])))  # missing
    pairs.append((np.array([5.0, 1.0, 4.0, 2.0]), np.array([2.0, 4.0, 1.0, 5.0])))
    return pairs


@pytest.mark.parametrize("statistic", ["kendall", "spearman"])
def test_equal_to_scipy_to_the_last_bit(statistic: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for x, y in _samples():
            if statistic == "kendall":
                assert _same(kendall_tau_b(x, y), float(kendalltau(x, y).statistic)), (x, y)
            else:
                assert _same(spearman_rho(x, y), float(spearmanr(x, y).statistic)), (x, y)


def test_known_values_and_refusals() -> None:
    assert kendall_tau_b([1, 2, 3], [3, 2, 1]) == -1.0
    assert spearman_rho([10, 20, 30, 40], [1, 2, 3, 4]) == pytest.approx(1.0)
    assert list(average_ranks(np.array([10.0, 20.0, 10.0, 5.0]))) == [2.5, 4.0, 2.5, 1.0]
    assert math.isnan(kendall_tau_b([1.0], [2.0]))
    with pytest.raises(ValueError, match="different lengths"):
        kendall_tau_b([1, 2], [1, 2, 3])
