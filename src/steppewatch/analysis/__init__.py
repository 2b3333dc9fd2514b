"""Analysis: pure functions from the events frame (``Store.events_frame``) to tidy tables.

Nothing here touches the network or the database; give it a DataFrame, get a DataFrame back.
"""

from steppewatch.analysis.activity import (
    activity_mix,
    format_mix,
    meeting_volume,
    meetings_per_year_by_country,
    multilateral_vs_bilateral,
)
from steppewatch.analysis.concerns import (
    concern_lifespan,
    concern_trends,
    concerns_by_period,
    concerns_by_year,
)
from steppewatch.analysis.engagement import (
    IndexConfig,
    Weighting,
    country_ranking,
    engagement_index,
    index_sensitivity,
    load_index_config,
)
from steppewatch.analysis.exercises import exercise_series, exercises_table, parse_count
from steppewatch.analysis.findings import Finding, evaluate_claims
from steppewatch.analysis.frame import Period, assign_periods, by_partner, periods_from_study

__all__ = [
    "Finding",
    "IndexConfig",
    "Period",
    "Weighting",
    "activity_mix",
    "assign_periods",
    "by_partner",
    "concern_lifespan",
    "concern_trends",
    "concerns_by_period",
    "concerns_by_year",
    "country_ranking",
    "engagement_index",
    "evaluate_claims",
    "exercise_series",
    "exercises_table",
    "format_mix",
    "index_sensitivity",
    "load_index_config",
    "meeting_volume",
    "meetings_per_year_by_country",
    "multilateral_vs_bilateral",
    "parse_count",
    "periods_from_study",
]
