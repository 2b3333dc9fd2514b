"""The data section's source tables from sources counted in SQL (or counted as they are read,
off SQLite) are the tables one row per source gives: same rows, same order (ties too), same
total. Sources here include ones whose publisher the table does not know and ones with no
publisher at all (their URL's host decides), in Chinese and Russian."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from steppewatch.models import Event, Source
from steppewatch.report import DEFAULT_STATUSES
from steppewatch.report import limits as limits_module
from steppewatch.report.build import _load_frame
from steppewatch.report.limits import classify_sources, count_sources, data_limits, read_sources
from steppewatch.store import EventFilter, Store, source_reader
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_events, fixture_store

#: (url, publisher, language): an unknown publisher on a known host, no publisher at all, a
#: known publisher, and an unknown host: the four ways a source is classified.
_MIXED = [
    ("https://example.kz/novosti/2", "", "kk"),
    ("https://www.fmprc.gov.cn/web/zyxw/202306/t20230613.shtml", None, "zh"),
    ("https://www.fmprc.gov.cn/web/wjdt/t1.shtml", "某不知名网站", "zh"),
    ("https://kabar.kg/news/vstrecha", "Кабар (перепечатка)", "ru"),
    ("https://24.kg/vlast/123", None, "ru"),
    ("https://example.kz/novosti/1", "Неизвестное агентство", "ru"),
]


def _events() -> list[Event]:
    out = []
    for k, event in enumerate(fixture_events()):
        extra = [
            Source(url=url, publisher=publisher, language=lang, source_type="news",
                   attests="Стороны обсудили безопасность" if lang == "ru" else "双方讨论安全合作")
            for url, publisher, lang in _MIXED[: 1 + k % len(_MIXED)]
        ]  # fmt: skip
        # before the event's own sources: the first source read is one the URL decides
        out.append(event.model_copy(update={"sources": [*extra, *event.sources]}))
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return fixture_store(tmp_path_factory.mktemp("counted") / "t.db", _events())


def _tables(store: Store, sources: pd.DataFrame) -> dict[str, pd.DataFrame]:
    study = load_study()
    frame = _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))
    return data_limits(frame, sources, study, list(study.partner_states)).tables()


def _ids(store: Store) -> list[str]:
    return list(_load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))["id"])


def test_counted_in_sql_equals_one_row_per_source(store: Store) -> None:
    study = load_study()
    partners = list(study.partner_states)
    per_row = _tables(store, read_sources(store, _ids(store)))
    counted = count_sources(store, _ids(store), study, partners)
    assert counted["sources"].sum() == len(read_sources(store, _ids(store)))
    # the URL decided some sources: an unknown publisher and no publisher are both present
    assert {"other", "official"} <= set(counted["category"])
    # one row per combination, where it first occurs among the sources as read one by one
    rows = classify_sources(read_sources(store, _ids(store)), study.focal_state, partners,
                            study.publishers)  # fmt: skip
    combos = list(zip(rows["language"], rows["category"], rows["side"], strict=True))
    first_seen = list(dict.fromkeys(combos))
    assert list(zip(counted["language"], counted["category"], counted["side"], strict=True)) == (
        first_seen
    )
    assert counted["sources"].tolist() == [combos.count(c) for c in first_seen]
    in_sql = _tables(store, counted)
    for name, table in per_row.items():
        assert in_sql[name].to_csv(index=False) == table.to_csv(index=False), name
    assert per_row["sources_by_language"]["language"].tolist()[:2] == ["zh", "ru"]


def test_counted_while_read_equals_counted_in_sql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off SQLite the sources are streamed and counted as they come: the same table."""
    study = load_study()
    partners = list(study.partner_states)
    in_sql = count_sources(store, _ids(store), study, partners)
    monkeypatch.setattr(source_reader, "count_sources_sqlite", lambda *_a, **_k: None)
    streamed = count_sources(store, _ids(store), study, partners)
    pd.testing.assert_frame_equal(in_sql, streamed)
    assert limits_module.SOURCE_READ == ("url", "publisher", "language")


def test_no_events_no_sources(tmp_path: Path) -> None:
    study = load_study()
    empty = fixture_store(tmp_path / "e.db", [])
    counted = count_sources(empty, [], study, list(study.partner_states))
    assert counted.empty
    assert list(counted.columns) == ["language", "category", "side", "sources"]


def test_counted_through_arrow_equals_counted_in_sql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Arrow route (SQLite files of 20,000+ events, PostgreSQL) on sources with no
    publisher, an empty one and unknown ones in Russian and Chinese: the same table."""
    from steppewatch.store import arrow_reader

    study = load_study()
    partners = list(study.partner_states)
    in_sql = count_sources(store, _ids(store), study, partners)
    monkeypatch.setattr(arrow_reader, "SQLITE_MIN_EVENTS", 0)
    assert arrow_reader.source_pairs(store, _ids(store), lambda _p: True, source_reader.CHUNK)
    through_arrow = count_sources(store, _ids(store), study, partners)
    pd.testing.assert_frame_equal(in_sql, through_arrow)


def test_counted_while_the_events_are_read_equals_counted_after(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report reads every source once with the events (Arrow route, most events
    selected): the same n_sources per event and the same source table as counting them
    afterwards, sources with no publisher, an empty one and unknown ones in Russian and
    Chinese included (their URLs read on their own)."""
    from steppewatch.store import arrow_reader

    study = load_study()
    partners = list(study.partner_states)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    monkeypatch.setattr(arrow_reader, "SQLITE_MIN_EVENTS", 0)
    tally = arrow_reader.SourceTally()
    frame = _load_frame(store, filters, tally)
    assert tally.pairs, "the sources were not counted with the events"
    after = _load_frame(store, filters)
    pd.testing.assert_frame_equal(frame, after)
    ids = list(frame["id"])
    with_events = count_sources(store, ids, study, partners, counted=tally.pairs)
    pd.testing.assert_frame_equal(with_events, count_sources(store, ids, study, partners))
    assert with_events["sources"].sum() == frame["n_sources"].sum() == store.count_sources()
    # a selection of few events: not counted then (the report counts their sources apart)
    few = arrow_reader.SourceTally()
    recent = _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES, until=1998), few)
    assert 0 < len(recent) < len(frame) // 4 and few.pairs is None
