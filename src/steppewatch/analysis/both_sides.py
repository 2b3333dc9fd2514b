"""Both sides' accounts of a meeting: what the PRC's readouts mention and what the partner
state's readouts mention.

Input: the meetings (``id, date_start, title, countries``) and one row per source of those
meetings with its ``side`` (the ISO code of the state whose voice it carries, or None) and the
``topics`` read from it. A meeting has both sides when at least one source carries the focal
state's voice and one carries a partner state taking part in it. Pure: how sources get their side
and topics is the caller's business (the report reads them from the database).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = ["BOTH_SIDES_COLUMNS", "TOPIC_COLUMNS", "BothSides", "compare_sides"]

BOTH_SIDES_COLUMNS = (
    "id", "date", "title", "partner", "n_focal_sources", "n_partner_sources",
    "focal_topics", "partner_topics", "both_mention", "only_focal", "only_partner",
)  # fmt: skip
TOPIC_COLUMNS = (
    "topic",
    "focal_mentions",
    "partner_mentions",
    "both",
    "only_focal",
    "only_partner",
)


@dataclass(frozen=True)
class BothSides:
    """``meetings``: one row per meeting with both sides (newest first), ``BOTH_SIDES_COLUMNS``;
    topic lists ``;``-joined. ``topics``: per concern, in how many of those meetings each side's
    account mentions it. ``n_meetings``: meetings examined (with at least one source)."""

    meetings: pd.DataFrame
    topics: pd.DataFrame
    n_meetings: int


def _joined(values: Iterable[str]) -> str:
    return ";".join(sorted(values))


def compare_sides(
    meetings: pd.DataFrame, sources: pd.DataFrame, focal: str, partners: Sequence[str]
) -> BothSides:
    """Compare the focal state's and the partner's accounts of every meeting that has both.

    ``sources``: ``event_id, side, topics`` (a tuple of topic codes per source). With several
    partners in a meeting, the partner side is every source from any partner taking part
    (``partner`` lists them).
    """
    by_event: dict[str, list[tuple[str | None, tuple[str, ...]]]] = {}
    for event_id, side, topics in sources[["event_id", "side", "topics"]].itertuples(index=False):
        by_event.setdefault(event_id, []).append((side, tuple(topics or ())))
    rows = []
    wanted = set(partners)
    for eid, date, title, countries in meetings[
        ["id", "date_start", "title", "countries"]
    ].itertuples(index=False):
        found = by_event.get(eid)
        if not found:
            continue
        present = wanted.intersection(countries)
        focal_src = [t for side, t in found if side == focal]
        partner_src = [(side, t) for side, t in found if side in present]
        if not focal_src or not partner_src:
            continue
        f_topics = {t for ts in focal_src for t in ts}
        p_topics = {t for _s, ts in partner_src for t in ts}
        rows.append((
            eid, str(date), title, _joined({s for s, _t in partner_src if s}),
            len(focal_src), len(partner_src), _joined(f_topics), _joined(p_topics),
            _joined(f_topics & p_topics), _joined(f_topics - p_topics), _joined(p_topics - f_topics),
        ))  # fmt: skip
    table = pd.DataFrame.from_records(rows, columns=list(BOTH_SIDES_COLUMNS))
    table = table.sort_values(["date", "id"], ascending=[False, True], kind="stable")
    return BothSides(table.reset_index(drop=True), _topic_counts(table), len(by_event))


def _topic_counts(table: pd.DataFrame) -> pd.DataFrame:
    def split(col: str) -> list[set[str]]:
        return [set(v.split(";")) - {""} for v in table[col]]

    focal, partner = split("focal_topics"), split("partner_topics")
    topics = sorted(set().union(*focal, *partner)) if len(table) else []
    records = []
    for t in topics:
        f = sum(t in s for s in focal)
        p = sum(t in s for s in partner)
        both = sum(t in a and t in b for a, b in zip(focal, partner, strict=True))
        records.append((t, f, p, both, f - both, p - both))
    out = pd.DataFrame.from_records(records, columns=list(TOPIC_COLUMNS))
    return out.sort_values(
        ["focal_mentions", "partner_mentions", "topic"], ascending=[False, False, True]
    ).reset_index(drop=True)
