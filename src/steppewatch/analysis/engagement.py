"""A documented engagement index per partner country and year, its sensitivity to the weights,
and the ranking of partner states by responsiveness.

The construction and the default weights live in ``engagement_weights.yaml`` beside this module
(read it: every number is explained there). In short::

    index(country, year) = sum_e weight[component(kind_e)] * (factor if multilateral_e else 1)

Sensitivity: the index is recomputed under each alternative weighting in the same file; for
each one we report Kendall's tau between the country ranking (total index over the span) under
the default and under the alternative, Spearman's rho over all country-years, and whether the
top two states stay the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from steppewatch import yamlio
from steppewatch.analysis.frame import (
    MULTILATERAL_FRAMEWORKS,
    _partner_positions,
    per_frame,
    per_frame_known,
    require_columns,
    years_run_of,
)
from steppewatch.analysis.rank_correlation import kendall_tau_b, spearman_rho
from steppewatch.errors import AnalysisError

__all__ = [
    "Weighting",
    "IndexConfig",
    "load_index_config",
    "engagement_index",
    "country_ranking",
    "index_sensitivity",
    "index_with_sensitivity",
]


@dataclass(frozen=True)
class Weighting:
    """Weights per component and the factor applied to multilateral events."""

    weights: Mapping[str, float]
    multilateral_factor: float


@dataclass(frozen=True)
class IndexConfig:
    components: Mapping[str, tuple[str, ...]]
    default: Weighting
    alternatives: Mapping[str, Weighting] = field(default_factory=dict)

    def kind_weights(self, weighting: Weighting) -> dict[str, float]:
        return {
            kind: float(weighting.weights.get(comp, 0.0))
            for comp, kinds in self.components.items()
            for kind in kinds
        }


def _weighting(raw: Any, where: str) -> Weighting:
    try:
        return Weighting(
            {str(k): float(v) for k, v in dict(raw["weights"]).items()},
            float(raw.get("multilateral_factor", 1.0)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AnalysisError(
            f"bad weighting {where!r} in the engagement index config: {error}",
            hint="each weighting needs 'weights' (component: number) and 'multilateral_factor'",
            code="SW603",
        ) from None


def load_index_config(path: str | Path | None = None) -> IndexConfig:
    """Read the index configuration (default: the file shipped with the package)."""
    if path is None:
        text = (
            resources.files("steppewatch.analysis")
            .joinpath("engagement_weights.yaml")
            .read_text(encoding="utf-8")
        )
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise AnalysisError(
                f"cannot read index config {path}: {error.strerror}", code="SW603"
            ) from None
    raw = yamlio.safe_load(text) or {}
    components = {str(k): tuple(v) for k, v in (raw.get("components") or {}).items()}
    if not components or "default" not in raw:
        raise AnalysisError(
            "the engagement index config needs 'components' and 'default'", code="SW603"
        )
    alternatives = {
        str(name): _weighting(spec, str(name))
        for name, spec in (raw.get("alternatives") or {}).items()
    }
    return IndexConfig(components, _weighting(raw["default"], "default"), alternatives)


@dataclass(frozen=True)
class _IndexRows:
    """Event counts per (partner, year, component, multilateral?) as a dense array, so any
    weighting is one multiplication."""

    counts: np.ndarray  # shape (partners, years, components, 2): [..., 0] bilateral, 1 multi
    grid: pd.MultiIndex
    components: tuple[str, ...]


def _index_rows(frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig) -> _IndexRows:
    """The counts of ``frame``'s events, once per frame, partners and components
    (:func:`~steppewatch.analysis.frame.per_frame`); for a claim's window (a run of every row
    of some years of a frame whose counts are made already: the report's index, then the
    findings' window of it) the same counts taken from that frame's years, not counted
    again (on 10,000,000 events about 2.5 s each)."""
    require_columns(frame, ("id", "kind", "year", "countries", "framework"), "engagement_index")
    what = (
        "engagement_rows",
        tuple(partners),
        tuple((comp, tuple(kinds)) for comp, kinds in config.components.items()),
    )
    run = years_run_of(frame)
    if run is not None:
        whole, first, last = run
        known: _IndexRows | None = per_frame_known(what, whole)
        if known is not None:
            start = int(whole["year"].min())  # the first year of ``whole``'s counts
            grid = pd.MultiIndex.from_product(
                [list(partners), range(first, last + 1)], names=["country", "year"]
            )
            counts = np.ascontiguousarray(
                known.counts[:, first - start : last - start + 1], dtype=np.int64
            )
            return _IndexRows(counts, grid, known.components)
    rows: _IndexRows = per_frame(what, frame, lambda: _count_rows(frame, partners, config))
    return rows


def _count_rows(frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig) -> _IndexRows:
    comps = tuple(config.components)
    comp_of = {
        kind: comps.index(comp) for comp, kinds in config.components.items() for kind in kinds
    }
    years = (
        range(int(frame["year"].min()), int(frame["year"].max()) + 1) if len(frame) else range(0)
    )
    grid = pd.MultiIndex.from_product([list(partners), years], names=["country", "year"])
    n_p, n_y, n_c = len(partners), len(years), len(comps)
    counts = np.zeros((n_p, n_y, n_c, 2), dtype=np.int64)
    # each row's position in comp_of (-1: no component), decided once per distinct kind
    kinds, kind_uniques = pd.factorize(frame["kind"].to_numpy())
    known = pd.Index(list(comp_of)).get_indexer(pd.Index(kind_uniques, dtype=object))
    kind_code = np.append(known, -1)[kinds]
    counted = kind_code >= 0
    if not counted.any() or n_y == 0:
        return _IndexRows(counts, grid, comps)
    # each event's cell (year, component, multilateral?) worked out once per event, then
    # every (event, partner) pair of the frame counted in its partner's cells: no row
    # selection (which would copy the columns read) is made, and one value is taken per pair
    # (an event of no counted kind goes to a last cell per partner, dropped)
    comp_idx = np.append(np.array(list(comp_of.values()), dtype=np.int64), -1)[kind_code]
    year = frame["year"].to_numpy() - years.start
    multi = frame["framework"].isin(MULTILATERAL_FRAMEWORKS).to_numpy().astype(np.int64)
    cells = n_y * n_c * 2
    cell = np.where(counted, (year * n_c + comp_idx) * 2 + multi, cells)
    event, partner = _partner_positions(frame, partners)
    key = partner * (cells + 1) + cell[event]
    found = np.bincount(key, minlength=n_p * (cells + 1)).reshape(n_p, cells + 1)
    counts = np.ascontiguousarray(found[:, :cells]).reshape(counts.shape)
    return _IndexRows(counts, grid, comps)


def _weigh(prepared: _IndexRows, weighting: Weighting) -> pd.DataFrame:
    comps = list(prepared.components)
    weights = np.array([float(weighting.weights.get(c, 0.0)) for c in comps])
    factor = np.array([1.0, weighting.multilateral_factor])
    values = (prepared.counts * weights[None, None, :, None] * factor).sum(axis=3)
    table = pd.DataFrame(values.reshape(-1, len(comps)), index=prepared.grid, columns=comps)
    table.insert(0, "index", table[comps].sum(axis=1))
    return table.reset_index()


def engagement_index(
    frame: pd.DataFrame,
    partners: Sequence[str],
    config: IndexConfig | None = None,
    weighting: Weighting | None = None,
) -> pd.DataFrame:
    """The index per partner country and year, with its components.

    Columns: ``country, year, index`` and one column per component holding that component's
    weighted contribution; every year from the first to the last event year is present for
    every partner (zero where nothing happened).
    """
    config = config or load_index_config()
    return _weigh(_index_rows(frame, partners, config), weighting or config.default)


def country_ranking(index: pd.DataFrame) -> pd.DataFrame:
    """Partner states ranked by total index over the span (1 = most responsive).

    Columns: ``rank, country, total, share`` (share of the summed index of all partners).
    Ties get the same (minimum) rank.
    """
    totals = index.groupby("country")["index"].sum().sort_values(ascending=False)
    out = totals.rename("total").reset_index()
    out.insert(0, "rank", out["total"].rank(method="min", ascending=False).astype(int))
    grand = out["total"].sum()
    out["share"] = out["total"] / grand if grand else 0.0
    return out


def index_sensitivity(
    frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig | None = None
) -> pd.DataFrame:
    """Rank stability of the index under each alternative weighting.

    Columns: ``weighting, kendall_tau`` (country ranking vs default), ``spearman_rho``
    (all country-year values vs default), ``same_top2`` (bool), ``top2`` (the two leading
    states under the alternative, ``;``-joined), ``ranking`` (all, in order).
    """
    config = config or load_index_config()
    return _sensitivity(_index_rows(frame, partners, config), config)


def index_with_sensitivity(
    frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`engagement_index` (default weights) and :func:`index_sensitivity` of ``frame``,
    the events counted once for both (the same tables as the two calls)."""
    config = config or load_index_config()
    prepared = _index_rows(frame, partners, config)
    return _weigh(prepared, config.default), _sensitivity(prepared, config)


def _sensitivity(prepared: _IndexRows, config: IndexConfig) -> pd.DataFrame:
    base = _weigh(prepared, config.default)
    base_rank = country_ranking(base)
    base_totals = base.groupby("country")["index"].sum()
    records = []
    for name, weighting in config.alternatives.items():
        alt = _weigh(prepared, weighting)
        alt_totals = alt.groupby("country")["index"].sum().reindex(base_totals.index)
        alt_rank = country_ranking(alt)
        # fewer than two countries or constant values: the statistic is NaN, say so in data
        tau = kendall_tau_b(base_totals.to_numpy(), alt_totals.to_numpy())
        rho = spearman_rho(base["index"].to_numpy(), alt["index"].to_numpy())
        records.append(
            {
                "weighting": name,
                "kendall_tau": float(tau),
                "spearman_rho": float(rho),
                "same_top2": set(alt_rank["country"][:2]) == set(base_rank["country"][:2]),
                "top2": ";".join(alt_rank["country"][:2]),
                "ranking": ";".join(alt_rank["country"]),
            }
        )
    return pd.DataFrame.from_records(
        records,
        columns=["weighting", "kendall_tau", "spearman_rho", "same_top2", "top2", "ranking"],
    )
