"""The in-memory event index (``web.event_index``) gives exactly the pages, totals and facets of
the SQL paths, for lists and searches, in both date orders, at any depth; and it never serves a
page after the database changed until it has been read again."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient
from tests.web.test_dated_search import _events, dated_store

from steppewatch.models import Event
from steppewatch.store import open_store
from steppewatch.store.query import event_index
from steppewatch.web import create_app


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The database of test_dated_search: Chinese, Russian and English titles, date ties, rowids
    out of date order, documents linked to events."""
    store = dated_store(tmp_path_factory.mktemp("indexed") / "dated.db")
    yield store
    store.close()


LISTS = [
    {},
    {"country": "KG"},
    {"country": ["KZ", "TJ"], "kind": "meeting"},
    {"topic": "border_security", "since": "2005", "until": "2016"},
    {"framework": "SCO", "status": "curated"},
    {"kind": "bilateral_exercise", "topic": ["terrorism", "extremism"]},
    {"country": "TM"},  # no event
]
SEARCHES = [
    "反恐怖",
    "边境安全",
    "безопасность",
    "Бишкек",
    "border security",
    "Peace Mission",
    "打击贩毒",
    "天山 KG",
    "zzz-nothing",
    "Совместное заявление",
]


class Spy:
    """Counts the index's answers, to prove a test went through it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lists = self.searches = 0
        real_list, real_search = event_index.EventIndex.list_keys, event_index.EventIndex.search

        def list_keys(index: Any, *args: Any, **kwargs: Any) -> Any:
            self.lists += 1
            return real_list(index, *args, **kwargs)

        def search(index: Any, *args: Any, **kwargs: Any) -> Any:
            self.searches += 1
            return real_search(index, *args, **kwargs)

        monkeypatch.setattr(event_index.EventIndex, "list_keys", list_keys)
        monkeypatch.setattr(event_index.EventIndex, "search", search)


def _pages(client: TestClient, params: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for sort in ("-date", "date"):
        for page, per_page in ((1, 10), (2, 10), (4, 7), (1, 200), (40, 10)):
            body = client.get(
                "/events.json", params={**params, "sort": sort, "page": page, "per_page": per_page}
            ).json()
            assert body["ok"], body
            out.append(
                {
                    "ids": [e["id"] for e in body["events"]],
                    "total": body["total"],
                    "facets": body["facets"],
                }
            )
    return out


def test_list_pages_equal_the_sql_paths(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    spy = Spy(monkeypatch)
    with (
        TestClient(create_app(store, secret="t", cache_size=0)) as fast,
        TestClient(create_app(store, secret="t", cache_size=0, use_event_index=False)) as sql,
    ):
        found = 0
        for params in LISTS:
            got = _pages(fast, params)
            assert got == _pages(sql, params), params
            found += sum(len(p["ids"]) for p in got)
    assert spy.lists == len(LISTS) * 10
    assert found > 500


@pytest.mark.parametrize("facet_hits", [20_000, 3], ids=["all-hits-read", "page-only"])
@pytest.mark.parametrize(
    "params",
    [{}, {"country": "KG"}, {"kind": "meeting", "topic": "terrorism"}],
    ids=["no-filter", "country", "kind+topic"],
)
def test_search_pages_equal_the_sql_paths(
    store,
    monkeypatch,
    facet_hits: int,  # type: ignore[no-untyped-def]
    params: dict[str, str],
) -> None:
    """With FACET_HITS at 3, words with more hits read only as far as the page (total and facets
    unknown, as on the SQL path's 'many'), and, with a filter, the rest of the hits in a second
    read: the pages must still be the same."""
    spy = Spy(monkeypatch)
    with (
        TestClient(create_app(store, secret="t", cache_size=0)) as fast,
        TestClient(create_app(store, secret="t", cache_size=0, use_event_index=False)) as sql,
    ):
        fast.app.state.web.index.facet_hits = facet_hits  # QuerySettings.facet_hits
        for q in SEARCHES:
            got, expected = _pages(fast, {**params, "q": q}), _pages(sql, {**params, "q": q})
            assert [p["ids"] for p in got] == [p["ids"] for p in expected], q
            for mine, theirs in zip(got, expected, strict=True):
                if (
                    mine["total"] is not None
                ):  # the index knows the exact total whenever it says one
                    assert mine["total"] == len(_all_ids(sql, {**params, "q": q}))
                    if theirs["total"] is not None:
                        assert mine["facets"] == theirs["facets"], q
                elif facet_hits >= 20_000:
                    pytest.fail(f"{q}: total unknown though every hit was read")
    indexed = [q for q in SEARCHES if all(len(w) >= 3 for w in q.split())]  # not "天山 KG"
    assert spy.searches == len(indexed) * 10


def _all_ids(client: TestClient, params: dict[str, Any]) -> list[str]:
    return [
        e["id"]
        for e in client.get("/events.json", params={**params, "per_page": 200}).json()["events"]
    ]


def test_document_only_hits_are_found_and_counted(store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(store, secret="t", cache_size=0)) as client:
        body = client.get("/events.json", params={"q": "打击贩毒"}).json()
    assert body["total"] == 5 == len(body["events"])  # only the linked documents hold the words


def test_a_write_by_another_process_is_never_missed(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The index was read before the write: the next page must not come from it, whether the
    reload is immediate (small database) or still under way (large one: here, never finishing)."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    first = open_store(url)
    first.add_events(_events(40, seed=5))
    app = create_app(url, secret="t", cache_size=0)
    spy = Spy(monkeypatch)
    with TestClient(app) as client:
        assert client.get("/events.json", params={"q": "Astana"}).json()["ok"]
        assert spy.searches == 1
        before = client.get("/events.json", params={"country": "TM"}).json()
        assert before["total"] == 0 and spy.lists == 1
        new = Event.model_validate(
            {
                "id": "2030-01-01-meeting-cn-tm-1",
                "kind": "meeting",
                "title": "中土边境安全会谈 Astana",
                "date_start": "2030-01-01",
                "countries": ["CN", "TM"],
                "framework": "bilateral",
                "topics": ["border_security"],
                "sources": [{"url": "https://example.org/tm", "publisher": "x"}],
            }
        )
        monkeypatch.setattr(
            event_index.EventIndex, "_read", lambda self: None
        )  # reloads that never end
        open_store(url).add_events([new])
        after = client.get("/events.json", params={"country": "TM"}).json()
        assert [e["id"] for e in after["events"]] == [new.id]
        assert spy.lists == 1  # answered by SQL: the index is out of date
        found = client.get("/events.json", params={"q": "Astana"}).json()
        assert found["events"][0]["id"] == new.id and spy.searches == 1
        monkeypatch.undo()
        spy = Spy(monkeypatch)
        again = client.get("/events.json", params={"country": "TM"}).json()
        assert [e["id"] for e in again["events"]] == [new.id]
        assert spy.lists == 1  # reloaded (a small database: at once), and current again
    first.close()


def test_a_review_edit_shows_at_once(client, web, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An edit made through the app changes title, topics and date: the index is read again
    before the next page, which shows the edit in searches, facet lists and date order."""
    from tests.web.test_review_web import KG, _form_fields

    spy = Spy(monkeypatch)
    assert client.get("/events.json", params={"topic": "drug_trafficking"}).json()["total"] == 0
    web.login(client)
    form = _form_fields(client.get(f"/review/{KG}/edit").text)
    form.update(
        {
            "title": "Отредактировано: 中吉禁毒合作 <script>alert(1)</script>",
            "date_start": "1993-05-06",
            "reason": "readout",
        }
    )
    form["topics"] = ["drug_trafficking"]
    assert client.post(f"/review/{KG}/edit", data=form, follow_redirects=False).status_code == 303
    found = client.get("/events.json", params={"q": "Отредактировано"}).json()
    assert [e["id"] for e in found["events"]] == [KG] and found["total"] == 1
    assert [
        e["id"]
        for e in client.get("/events.json", params={"topic": "drug_trafficking"}).json()["events"]
    ] == [KG]
    oldest = client.get("/events.json", params={"sort": "date", "per_page": 1}).json()["events"]
    assert oldest[0]["id"] == KG
    assert spy.searches == 1 and spy.lists == 3  # all from the index, read again after the edit


def test_empty_database_pages_are_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(url).close()
    with TestClient(create_app(url, secret="t", cache_size=0)) as client:
        for params in (
            {},
            {"q": "反恐演习"},
            {"country": "KZ", "page": "99"},
            {"q": "border", "sort": "date"},
        ):
            body = client.get("/events.json", params=params).json()
            assert body["ok"] and body["events"] == [] and body["total"] == 0, (params, body)


def test_slow_reloads_are_spaced_out(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A database whose index takes long to read (a million events: seconds) is read again in the
    background, no sooner than RELOAD_GAP_FACTOR load times after the previous read began."""
    index = event_index.EventIndex(store)
    index.start()
    index.load_seconds = 30.0  # as if the read had taken 30 s
    assert 110 < index.reload_delay() <= 120  # 4 x 30 s after the read began
    index._loaded_at -= 1_000
    assert index.reload_delay() == 0.0
    started: list[float] = []
    monkeypatch.setattr(
        event_index.EventIndex, "_load_later", lambda self, delay: started.append(delay)
    )
    index.refresh()
    assert index.version is None  # stops answering at once
    import threading

    for thread in threading.enumerate():
        if thread.name == "steppewatch-event-index":
            thread.join(5)
    assert started == [0.0]


def test_profile_counts_from_the_index_equal_the_profiles_own_load(store) -> None:  # type: ignore[no-untyped-def]
    """The explorer seeds ``web.profiles`` from the index at start (one pass over the events
    instead of two): the counts must be the ones the profiles would load themselves."""
    from steppewatch.store.query.profiles import Profiles

    index = event_index.EventIndex(store)
    index.start()
    loaded = Profiles(store)
    loaded.start()
    seeded = index.profile_counts()
    assert seeded is not None and seeded == loaded._counts
    assert sum(seeded.values()) == store.count_events() > 200
    index.refresh()
    index.version = None  # not current: nothing to seed from
    assert index.profile_counts() is None


def test_a_document_linked_later_is_found_through_the_index(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Linking a document's items to events writes only ``coded_items`` (the events' rows are
    untouched): migration 8 bumps ``data_version`` for it, so the index reads its document map
    again and the search finds both events the document is linked to."""
    import json

    from steppewatch.store.document_tables import coded_items, documents

    spy = Spy(monkeypatch)
    machine = {"status": "machine"}  # both linked events are unreviewed machine events (issue 11)
    assert client.get("/events.json", params={"q": "наркотрафика", **machine}).json()["total"] == 0
    store = client.app.state.web.store
    text = "Стороны обсудили борьбу с контрабандой наркотрафика через таджикско-афганскую границу."
    linked = ["2023-07-09-meeting-cn-kg-2", "2022-04-02-meeting-cn-uz-1"]
    with store.engine.begin() as conn:
        conn.execute(
            documents.insert().values(
                id="d" * 64,
                url="https://mfa.tj/ru/2",
                language="ru",
                title="Встреча министров",
                text=text,
                status="coded",
                created_at="2026-11-28T00:00:00+00:00",
            )
        )
        for i, event_id in enumerate(linked):
            conn.execute(
                coded_items.insert().values(
                    document_id="d" * 64,
                    item_index=i,
                    start=0,
                    end=len(text),
                    relevant=1,
                    coded=json.dumps({"index": i}),
                    event_id=event_id,
                )
            )
    found = client.get("/events.json", params={"q": "наркотрафика", **machine}).json()
    assert sorted(e["id"] for e in found["events"]) == sorted(linked) and found["total"] == 2
    only_kg = client.get(
        "/events.json", params={"q": "наркотрафика", "country": "KG", **machine}
    ).json()
    assert [e["id"] for e in only_kg["events"]] == [linked[0]]
    assert spy.searches == 3  # every one through the index, its document map read again


def test_list_counts_come_from_the_same_load_as_the_page(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After a write elsewhere the index is read again (at once, on a small database) while the
    facet profiles may still be reloading (a million events: seconds): a page from the index
    takes its total and facets from the index, so they never disagree with its events."""
    from steppewatch.store.query.profiles import Profiles

    url = f"sqlite:///{tmp_path / 'c.db'}"
    first = open_store(url)
    first.add_events(_events(30, seed=9))
    with TestClient(create_app(url, secret="t", cache_size=0)) as client:
        assert client.get("/events.json", params={"country": "TM"}).json()["total"] == 0
        monkeypatch.setattr(Profiles, "_load", lambda self: None)  # the profiles' reload never ends
        new = Event.model_validate(
            {
                "id": "2031-02-03-meeting-cn-tm-1",
                "kind": "meeting",
                "title": "Переговоры в Ашхабаде",
                "date_start": "2031-02-03",
                "countries": ["CN", "TM"],
                "framework": "bilateral",
                "sources": [{"url": "https://example.org/tm2", "publisher": "x"}],
            }
        )
        open_store(url).add_events([new])
        body = client.get("/events.json", params={"country": "TM"}).json()
    assert [e["id"] for e in body["events"]] == [new.id]
    assert body["total"] == 1 and body["facets"]["country"] == {"CN": 1, "TM": 1}
    assert body["facets"]["year"] == {"2031": 1}
    first.close()
