"""Both sides' accounts in the report: each meeting's sources read from the database, their side
decided by publisher (:func:`steppewatch.sources.publishers.source_side`), and the concerns of
each source machine-coded from its ``attests`` text with the registered default coder.

Why ``attests``: the dataset's sources carry no concern codes of their own, and the report never
fetches a page. ``attests`` is the dataset's one-line note of what that source supports (the
compilers' words, mostly English); it is coded as the text of a meeting between the PRC and the
partner (their names are put before it so the coder sees whose engagement it is; the concerns
come only from the note). The report labels the result as machine-coded from that text: a
concern the note does not name is not found, even if the full readout names it.

Bounded for large databases: sources are read for the newest :data:`MAX_MEETINGS_READ` meetings
and coded for those with both sides only (the page says when the cap applies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from steppewatch.analysis.both_sides import BothSides, compare_sides
from steppewatch.analysis.frame import meetings

if TYPE_CHECKING:
    from steppewatch.store import Store
    from steppewatch.store.parquet_store import ParquetStore

__all__ = ["MAX_MEETINGS_READ", "SidesReport", "both_sides"]

MAX_MEETINGS_READ = 20_000


@dataclass(frozen=True)
class SidesReport:
    result: BothSides
    n_sources_coded: int
    capped: bool  # only the newest MAX_MEETINGS_READ meetings were read
    coder: str


def _read_sources(store: Store | ParquetStore, ids: Sequence[str]) -> pd.DataFrame:
    from steppewatch.store.source_reader import iter_sources

    rows: list[tuple[str, str, str | None, str | None]] = []
    for chunk in iter_sources(store, ids, ("url", "publisher", "attests")):
        rows.extend(chunk)
    # object columns: a missing publisher or attests stays None (pandas' str dtype would
    # make it NaN, which is neither a publisher to look up nor text to code)
    names = ["event_id", "url", "publisher", "attests"]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    return pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in zip(names, columns, strict=True)}
    )


@lru_cache(maxsize=65536)
def _publisher_side(publisher: str | None) -> tuple[bool, str | None]:
    """(decided, side) from the publisher alone: the publisher decides whenever it names an
    entry of the table (the URL is only a fallback), so this is looked up once per publisher
    (about 0.3 ms a call: 10 s for the 37,000 sources of a 50,000-event database)."""
    from steppewatch.sources.publishers import lookup

    match = lookup(publisher, None)
    return (True, match.side) if match else (False, None)


def _side(publisher: str | None, url: str | None) -> str | None:
    from steppewatch.sources.publishers import source_side

    decided, side = _publisher_side(publisher)
    return side if decided else source_side(publisher, url)


def both_sides(
    store: Store | ParquetStore,
    frame: pd.DataFrame,
    focal: str,
    partners: Sequence[str],
    names: dict[str, str],
) -> SidesReport:
    """Compare the two sides' accounts of the meetings in ``frame`` (see the module text)."""
    from steppewatch.extract import DEFAULT_CODER, ExtractedDocument, get_coder

    m = meetings(frame)
    capped = len(m) > MAX_MEETINGS_READ
    m = m.iloc[-MAX_MEETINGS_READ:] if capped else m  # the frame is in date order
    src = _read_sources(store, list(m["id"]))
    src["side"] = [_side(p, u) for p, u in zip(src["publisher"], src["url"], strict=True)]
    countries = dict(zip(m["id"], m["countries"], strict=True))
    wanted = set(partners)

    sides: dict[str, set[str]] = {}
    for eid, side in zip(src["event_id"], src["side"], strict=True):
        if side:
            sides.setdefault(eid, set()).add(side)
    both = {
        eid for eid, found in sides.items()
        if focal in found and found & wanted & set(countries[eid])
    }  # fmt: skip
    keep = src["event_id"].isin(both) if len(src) else pd.Series([], dtype=bool)
    coder = get_coder(DEFAULT_CODER) if keep.any() else None
    topics: list[tuple[str, ...]] = [()] * len(src)
    for pos in src.index[keep.to_numpy()] if len(src) else []:
        row = src.loc[pos]
        parties = [focal, *(c for c in countries[row["event_id"]] if c in wanted)]
        anchor = " ".join(names.get(c, c) for c in parties)
        text = f"{anchor}. {row['attests'] or ''}"
        coded = coder.code(ExtractedDocument(source=f"attests:{row['url']}", text=text))  # type: ignore[union-attr]
        topics[pos] = tuple(coded.topics)
    src["topics"] = topics
    result = compare_sides(m, src, focal, partners)
    name = f"{coder.name} {coder.version}" if coder else DEFAULT_CODER
    return SidesReport(result, int(keep.sum()) if len(src) else 0, capped, name)
