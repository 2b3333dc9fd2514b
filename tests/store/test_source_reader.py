"""Reading the sources of many events at once (the report's data section, both sides' accounts
and the events behind the findings): every source once, in the order the report relies on."""

from __future__ import annotations

import pytest

from steppewatch.models import Source
from steppewatch.store import open_store, source_reader
from steppewatch.store.source_reader import iter_sources
from tests.factories import make_event


def _source(n: int, k: int, publisher: str, language: str) -> Source:
    return Source(
        url=f"https://example.org/{n}/{k}", publisher=publisher, language=language,
        attests=f"readout {n}.{k}",
    )  # fmt: skip


def test_sources_of_many_events_in_chunk_then_id_then_position_order(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_url)
    publishers = [("外交部", "zh"), ("Кабар", "ru"), ("Xinhua", "en")]
    events = [
        make_event(n, sources=[_source(n, k, *publishers[(n + k) % 3]) for k in range(n % 3 + 1)])
        for n in range(1, 8)
    ]
    store.add_events(events)
    monkeypatch.setattr(source_reader, "CHUNK", 3)
    ids = [e.id for e in reversed(events)] + [events[0].id, "no-such-event"]
    rows = [
        r for chunk in iter_sources(store, ids, ("url", "publisher", "language")) for r in chunk
    ]

    expected = []
    wanted = list(dict.fromkeys(ids))  # the ids as given, the repeated one once
    for start in range(0, len(wanted), 3):  # chunk after chunk, by id within a chunk
        for event_id in sorted(wanted[start : start + 3]):
            if event_id == "no-such-event":
                continue
            n = int(event_id.rsplit("-", 1)[1])
            for k in range(n % 3 + 1):
                publisher, language = publishers[(n + k) % 3]
                expected.append((event_id, f"https://example.org/{n}/{k}", publisher, language))
    assert [tuple(r) for r in rows] == expected
    assert {r[2] for r in rows} == {"外交部", "Кабар", "Xinhua"}
    store.close()


def test_unknown_source_column_is_refused(db_url: str) -> None:
    store = open_store(db_url)
    with pytest.raises(ValueError, match="unknown source columns"):
        list(iter_sources(store, ["x"], ("url; DROP TABLE sources",)))
    assert list(iter_sources(store, [], ("url",))) == []
    store.close()
