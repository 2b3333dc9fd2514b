"""Events as pandas DataFrames for analysis (one row per event, or one row per code)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from steppewatch.store.filters import EventFilter
from steppewatch.store.tables import event_codes, events, sources

if TYPE_CHECKING:
    import pandas as pd

    from steppewatch.store.store import Store

FRAME_COLUMNS = [
    "id",
    "kind",
    "title",
    "date_start",
    "date_end",
    "year",
    "precision",
    "countries",
    "framework",
    "location",
    "level",
    "domains",
    "topics",
    "attributes",
    "verification",
    "review_status",
    "n_sources",
]


def _tuple(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(";") if v)


def events_frame(store: Store, filters: EventFilter | None = None) -> pd.DataFrame:
    import pandas as pd

    filters = filters or EventFilter()
    n_sources = (
        select(sources.c.event_id, func.count().label("n_sources"))
        .group_by(sources.c.event_id)
        .subquery()
    )
    query = (
        select(
            events.c.id,
            events.c.kind,
            events.c.title,
            events.c.date_start,
            events.c.date_end,
            events.c.year,
            events.c.precision,
            events.c.countries,
            events.c.framework,
            events.c.location,
            events.c.level,
            events.c.domains,
            events.c.topics,
            events.c.attributes,
            events.c.verification,
            events.c.review_status,
            func.coalesce(n_sources.c.n_sources, 0).label("n_sources"),
        )
        .select_from(events.outerjoin(n_sources, n_sources.c.event_id == events.c.id))
        .where(filters.where())
        .order_by(events.c.date_sort, events.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame.from_records(rows, columns=FRAME_COLUMNS)
    for column in ("countries", "domains", "topics"):
        frame[column] = [_tuple(v) for v in frame[column]]
    frame["attributes"] = [json.loads(v) if v else {} for v in frame["attributes"]]
    frame["year"] = frame["year"].astype("int64")
    frame["n_sources"] = frame["n_sources"].astype("int64")
    return frame


def codes_frame(store: Store, filters: EventFilter | None = None) -> pd.DataFrame:
    import pandas as pd

    filters = filters or EventFilter()
    query = select(event_codes.c.event_id, event_codes.c.facet, event_codes.c.code)
    if not filters.is_empty():
        query = query.where(event_codes.c.event_id.in_(select(events.c.id).where(filters.where())))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=["event_id", "facet", "code"])
