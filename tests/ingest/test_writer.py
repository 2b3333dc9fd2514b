"""The ingest writer's event updates: only changed columns are written, and the date-ordered
text index (migration 6) stays exact whether or not an indexed column changed."""

from __future__ import annotations

from sqlalchemy import text

from steppewatch.ingest.writer import write_batch
from steppewatch.models import Source
from steppewatch.store import open_store
from tests.factories import make_event


def _hits(store, word: str) -> list[int]:  # type: ignore[no-untyped-def]
    query = text(
        "SELECT rowid, (rowid & 4294967295) AS event_rowid FROM events_fts_dated "
        "WHERE events_fts_dated MATCH :w"
    )
    with store.engine.connect() as conn:
        return [(r.rowid >> 32, r.event_rowid) for r in conn.execute(query, {"w": f'"{word}"'})]


def _write(store, event) -> None:  # type: ignore[no-untyped-def]
    with store.engine.begin() as conn:
        write_batch(
            conn,
            document_rows=[],
            item_rows=[],
            suggestion_rows=[],
            changed_events={event.id: event},
        )


def test_source_added_title_and_date_changed_keep_the_text_index_exact(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    event = make_event(1, review_status="machine", title="热恩别科夫会见魏凤和")
    _write(store, event)
    first = _hits(store, "热恩别科夫")
    assert len(first) == 1 and first[0][0] == 20190613

    # a new source only: the event row changes (hash, time stamp) but not its text or date
    extra = Source(
        url="https://kabar.kg/news/1",
        publisher="Kabar",
        language="ru",
        published="2019-06-14",
        source_type="news",
        attests="Kyrgyz report",
    )
    with_source = event.model_copy(update={"sources": [*event.sources, extra]})
    _write(store, with_source)
    assert _hits(store, "热恩别科夫") == first
    assert [s.url for s in store.get_event(event.id).sources][-1] == "https://kabar.kg/news/1"

    # the date alone changes: the hit moves to the new date key
    redated = with_source.model_copy(update={"date_start": "2019-06-14"})
    _write(store, redated)
    assert _hits(store, "热恩别科夫") == [(20190614, first[0][1])]

    # the title and date change: the old words go, the new ones are found at the new date
    renamed = redated.model_copy(
        update={"title": "Жээнбеков встретился с Вэй Фэнхэ", "date_start": "2019-06-15"}
    )
    _write(store, renamed)
    assert _hits(store, "热恩别科夫") == []
    moved = _hits(store, "Жээнбеков")
    assert len(moved) == 1 and moved[0] == (20190615, first[0][1])
    stored = store.get_event(event.id)
    assert stored.title == renamed.title and stored.date_start == "2019-06-15"
    assert len(stored.sources) == 2
