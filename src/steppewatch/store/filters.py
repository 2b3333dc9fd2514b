"""EventFilter: the filters shared by the CLI, the report and the web explorer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from steppewatch.store.tables import event_codes, events


@dataclass(frozen=True)
class EventFilter:
    """Values within one field are alternatives (OR); fields combine with AND."""

    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    frameworks: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: int | None = None  # first year included
    until: int | None = None  # last year included
    text: str | None = None
    ids: tuple[str, ...] = ()

    @classmethod
    def make(cls, **kwargs: Any) -> EventFilter:
        """Build from loose values: None and scalars become tuples."""
        fixed: dict[str, Any] = {}
        for key, value in kwargs.items():
            if key in ("since", "until", "text"):
                fixed[key] = value or None
            elif value is None:
                fixed[key] = ()
            elif isinstance(value, str):
                fixed[key] = (value,)
            else:
                fixed[key] = tuple(value)
        return cls(**fixed)

    def is_empty(self) -> bool:
        return self == EventFilter()

    def conditions(self) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        for facet, values in (
            ("country", self.countries),
            ("topic", self.topics),
            ("domain", self.domains),
        ):
            if values:
                sub = select(event_codes.c.event_id).where(
                    event_codes.c.facet == facet, event_codes.c.code.in_(values)
                )
                conds.append(events.c.id.in_(sub))
        for column, values in (
            (events.c.kind, self.kinds),
            (events.c.level, self.levels),
            (events.c.framework, self.frameworks),
            (events.c.review_status, self.statuses),
            (events.c.id, self.ids),
        ):
            if values:
                conds.append(column.in_(values))
        if self.since is not None:
            conds.append(events.c.year >= self.since)
        if self.until is not None:
            conds.append(events.c.year <= self.until)
        if self.text:
            for word in self.text.split():
                pattern = f"%{_escape_like(word.lower())}%"
                conds.append(
                    or_(
                        func.lower(events.c.title).like(pattern, escape="\\"),
                        func.lower(func.coalesce(events.c.summary, "")).like(pattern, escape="\\"),
                        func.lower(func.coalesce(events.c.location, "")).like(pattern, escape="\\"),
                        func.lower(events.c.actors).like(pattern, escape="\\"),
                    )
                )
        return conds

    def where(self) -> ColumnElement[bool]:
        conds = self.conditions()
        return and_(*conds) if conds else and_(True)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
