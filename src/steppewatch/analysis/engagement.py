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

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from steppewatch.analysis.frame import MULTILATERAL_FRAMEWORKS, by_partner, require_columns
from steppewatch.errors import AnalysisError

__all__ = [
    "Weighting",
    "IndexConfig",
    "load_index_config",
    "engagement_index",
    "country_ranking",
    "index_sensitivity",
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
    raw = yaml.safe_load(text) or {}
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
    """The events entering the index, one row per (event, partner), ready to be weighted."""

    rows: pd.DataFrame  # country, year, component, multilateral
    grid: pd.MultiIndex
    components: tuple[str, ...]


def _index_rows(frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig) -> _IndexRows:
    require_columns(frame, ("id", "kind", "year", "countries", "framework"), "engagement_index")
    comp_of = {kind: comp for comp, kinds in config.components.items() for kind in kinds}
    rows = by_partner(
        frame[frame["kind"].isin(list(comp_of))], partners, ["kind", "year", "framework"]
    )
    slim = pd.DataFrame(
        {
            "country": pd.Series(rows["country"].to_numpy(), dtype=object),
            "year": rows["year"].to_numpy(),
            "component": pd.Series(rows["kind"].map(comp_of).to_numpy(), dtype=object),
            "multilateral": rows["framework"].isin(MULTILATERAL_FRAMEWORKS).to_numpy(),
        }
    )
    # count once per (country, year, component, multilateral); weighting is then cheap
    counted = slim.groupby(["country", "year", "component", "multilateral"]).size()
    years = (
        range(int(frame["year"].min()), int(frame["year"].max()) + 1) if len(frame) else range(0)
    )
    grid = pd.MultiIndex.from_product([list(partners), years], names=["country", "year"])
    return _IndexRows(counted.rename("n").reset_index(), grid, tuple(config.components))


def _weigh(prepared: _IndexRows, weighting: Weighting) -> pd.DataFrame:
    comps = list(prepared.components)
    rows = prepared.rows
    if rows.empty:
        out = pd.DataFrame(0.0, index=prepared.grid, columns=comps)
        out.insert(0, "index", 0.0)
        return out.reset_index()
    weight = rows["component"].map(lambda c: float(weighting.weights.get(c, 0.0))).to_numpy()
    factor = np.where(rows["multilateral"].to_numpy(), weighting.multilateral_factor, 1.0)
    table = (
        rows.assign(v=rows["n"].to_numpy() * weight * factor)
        .pivot_table(index=["country", "year"], columns="component", values="v", aggfunc="sum")
        .reindex(index=prepared.grid, columns=comps, fill_value=0.0)
        .fillna(0.0)
    )
    table.insert(0, "index", table[comps].sum(axis=1))
    table.columns.name = None
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
    from scipy.stats import kendalltau, spearmanr

    config = config or load_index_config()
    prepared = _index_rows(frame, partners, config)
    base = _weigh(prepared, config.default)
    base_rank = country_ranking(base)
    base_totals = base.groupby("country")["index"].sum()
    records = []
    for name, weighting in config.alternatives.items():
        alt = _weigh(prepared, weighting)
        alt_totals = alt.groupby("country")["index"].sum().reindex(base_totals.index)
        alt_rank = country_ranking(alt)
        with warnings.catch_warnings():
            # fewer than two countries or constant values: the statistic is NaN, say so in data
            warnings.simplefilter("ignore")
            tau = kendalltau(base_totals.to_numpy(), alt_totals.to_numpy()).statistic
            rho = spearmanr(base["index"].to_numpy(), alt["index"].to_numpy()).statistic
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
