"""The in-memory profiles give exactly the counts and facets SQL gives, and follow writes."""

from __future__ import annotations

import itertools

import pytest

from steppewatch.store import EventFilter, open_store
from steppewatch.store.query import queries
from steppewatch.store.query.profiles import Profiles

FILTERS = [
    EventFilter(),
    EventFilter(countries=("KG",)),
    EventFilter(countries=("KG",), kinds=("meeting",)),
    EventFilter(countries=("KG", "UZ")),
    EventFilter(topics=("terrorism",), domains=("military",)),
    EventFilter(statuses=("machine",), since=2022),
    EventFilter(levels=("head_of_state",)),
    EventFilter(frameworks=("SCO",), until=2015),
    EventFilter(countries=("TM",)),
]


@pytest.fixture()
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_profiles_match_sql(store, filters):
    profiles = Profiles(store)
    profiles.start()
    total, facets = profiles.counts(filters)
    support = queries.SearchSupport.detect(store)
    where = queries.where_clause(filters, None, support)
    assert total == queries.count_events(store, where)
    assert facets == queries.facet_counts(store, where, filtered=not filters.is_empty())


def test_profiles_follow_changes_and_refuse_text(store):
    from steppewatch.review import accept_event

    profiles = Profiles(store)
    profiles.start()
    before = store.get_event("2022-04-02-meeting-cn-uz-1")
    after = accept_event(store, before.id, "alice")
    profiles.changed(before.model_dump(mode="json"), after.model_dump(mode="json"))
    assert profiles.counts(EventFilter())[1]["review_status"] == {
        "curated": 5,
        "machine": 2,
        "accepted": 1,
    }
    assert profiles.counts(EventFilter(text="x")) is None


def test_too_many_profiles_disables_them(store):
    profiles = Profiles(store, max_profiles=3)
    profiles.start()
    assert profiles.disabled and profiles.counts(EventFilter()) is None


def test_list_page_same_with_and_without_profiles(db_url):
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    urls = [
        "/events.json?" + q
        for q in (
            "",
            "country=KG",
            "country=KG&kind=meeting",
            "topic=border_security&status=machine",
        )
    ]
    with (
        TestClient(create_app(db_url, secret="x")) as fast,
        TestClient(
            create_app(
                db_url,
                secret="x",
                use_profiles=False,
                cache_size=0,
                count_limit_ms=None,
                facet_limit_ms=None,
                facet_budget_ms=None,
            )
        ) as slow,
    ):  # exact, however slow
        for url, sort in itertools.product(urls, ("date", "-date", "title")):
            a, b = fast.get(f"{url}&sort={sort}").json(), slow.get(f"{url}&sort={sort}").json()
            assert a == b, url


@pytest.mark.parametrize(
    "filters",
    [
        *FILTERS,
        EventFilter(since=2016, until=2021),
        EventFilter(until=2010),
        EventFilter(since=2023, kinds=("meeting", "equipment_transfer")),
    ],
    ids=str,
)
def test_walking_the_date_index_gives_the_same_page(store, filters):
    support = queries.SearchSupport.detect(store)
    for order in ("date", "-date"):
        walked = queries.list_event_dicts(
            store,
            queries.page_where(filters, None, support, walk_date_index=True),
            order=order,
            limit=100,
            offset=0,
        )
        plain = queries.list_event_dicts(
            store, queries.where_clause(filters, None, support), order=order, limit=100, offset=0
        )
        assert [e["id"] for e in walked] == [e["id"] for e in plain]


def test_counts_are_not_taken_from_profiles_older_than_the_database(db_url, monkeypatch):
    """A write by another process while the profiles are still being read again (seconds on a
    million events): counts come from SQL meanwhile, so a page never says 0 events and hides the
    new one."""
    from starlette.testclient import TestClient

    from steppewatch.models import Event
    from steppewatch.store import open_store
    from steppewatch.web import create_app

    new = Event.model_validate(
        {
            "id": "2032-05-06-meeting-cn-tm-1",
            "kind": "meeting",
            "title": "Туркменистан: переговоры",
            "date_start": "2032-05-06",
            "countries": ["CN", "TM"],
            "framework": "bilateral",
            "sources": [{"url": "https://example.org/tm3", "publisher": "x"}],
        }
    )
    app = create_app(
        db_url,
        secret="x",
        cache_size=0,
        use_event_index=False,
        count_limit_ms=None,
        facet_limit_ms=None,
        facet_budget_ms=None,
    )
    with TestClient(app) as client:
        assert client.get("/events.json?country=TM&sort=title").json()["total"] == 0
        monkeypatch.setattr(Profiles, "_load", lambda self: None)  # the reload never finishes
        open_store(db_url).add_events([new])
        body = client.get("/events.json?country=TM&sort=title").json()
        assert [e["id"] for e in body["events"]] == [new.id] and body["total"] == 1
        assert body["facets"]["country"] == {"CN": 1, "TM": 1}
        monkeypatch.undo()
        app.state.web.profiles._loading = False  # (the patched reload left its flag set)
        app.state.web.profiles.start()
        assert app.state.web.profiles.current(app.state.web.seen_version)
        assert client.get("/events.json?country=TM&sort=title").json()["total"] == 1
