"""Kendall's tau-b and Spearman's rho for the engagement index's sensitivity check.

Written here instead of imported from ``scipy.stats``: importing that module costs about a
second of CPU (it builds the docstrings of every distribution), more than the rest of the
index's analysis on the bundled data. Both follow scipy's arithmetic step for step, so they
give the same floats, ties and NaN cases included (tests compare them with scipy).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def kendall_tau_b(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Kendall's tau-b of two equally long samples; NaN when either is constant, empty or
    holds a NaN."""
    a = np.asarray(x, dtype=np.float64).ravel()
    b = np.asarray(y, dtype=np.float64).ravel()
    if a.size != b.size:
        raise ValueError(f"samples of different lengths: {a.size} and {b.size}")
    if a.size < 2 or np.isnan(a).any() or np.isnan(b).any():
        return math.nan
    total = a.size * (a.size - 1) // 2
    x_ties, y_ties, joint_ties, discordant = 0, 0, 0, 0
    for i in range(a.size - 1):
        dx = np.sign(a[i + 1 :] - a[i])
        dy = np.sign(b[i + 1 :] - b[i])
        x_tied, y_tied = dx == 0, dy == 0
        x_ties += int(x_tied.sum())
        y_ties += int(y_tied.sum())
        joint_ties += int((x_tied & y_tied).sum())
        discordant += int((dx * dy < 0).sum())
    if x_ties == total or y_ties == total:
        return math.nan
    concordant_minus_discordant = total - x_ties - y_ties + joint_ties - 2 * discordant
    tau = concordant_minus_discordant / np.sqrt(total - x_ties) / np.sqrt(total - y_ties)
    return float(np.minimum(1.0, max(-1.0, tau)))


def spearman_rho(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Spearman's rho (Pearson's r of average ranks); NaN when either sample is constant,
    shorter than two or holds a NaN."""
    a = np.asarray(x, dtype=np.float64).ravel()
    b = np.asarray(y, dtype=np.float64).ravel()
    if a.size != b.size:
        raise ValueError(f"samples of different lengths: {a.size} and {b.size}")
    if a.size <= 1 or (a[0] == a).all() or (b[0] == b).all():
        return math.nan
    if np.isnan(a).any() or np.isnan(b).any():
        return math.nan
    ranked = np.column_stack((average_ranks(a), average_ranks(b)))
    matrix = np.asarray(np.corrcoef(ranked, rowvar=False))
    return float(matrix[1, 0])


def average_ranks(values: FloatArray) -> FloatArray:
    """Ranks from 1, ties sharing the mean of their ranks (scipy's ``rankdata``)."""
    order = np.argsort(values, kind="mergesort")
    inverse = np.empty(values.size, dtype=np.intp)
    inverse[order] = np.arange(values.size, dtype=np.intp)
    ordered = values[order]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    dense = starts.cumsum()[inverse]
    bounds = np.r_[np.nonzero(starts)[0], len(starts)]
    ranks: FloatArray = 0.5 * (bounds[dense] + bounds[dense - 1] + 1)
    return ranks
