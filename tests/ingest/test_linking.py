"""Matching candidates to events: kind, Central Asian countries, date windows, actors."""

from __future__ import annotations

import pytest

from steppewatch.ingest.linking import Candidate, EventIndex, IndexedEvent, countries_overlap


def indexed(
    event_id: str,
    start: str,
    countries: tuple[str, ...] = ("CN", "KG"),
    kind: str = "meeting",
    end: str | None = None,
    actors: frozenset[str] = frozenset(),
    status: str = "curated",
) -> IndexedEvent:
    return IndexedEvent(event_id, kind, frozenset(countries), start, end, status, actors)


@pytest.mark.parametrize(
    "date,matches",
    [
        ("2019-06-13", True),
        ("2019-06-16", True),
        ("2019-06-10", True),
        ("2019-06-17", False),
        ("2019-06", True),
        ("2019", False),
        ("2019-07-13", False),
    ],
)
def test_day_event_window(date: str, matches: bool) -> None:
    index = EventIndex()
    index.add(indexed("2019-06-13-meeting-cn-kg-1", "2019-06-13"))
    found = index.match(Candidate("meeting", ("CN", "KG"), date))
    assert (found is not None) is matches


def test_span_kind_and_countries() -> None:
    index = EventIndex()
    index.add(
        indexed(
            "2016-10-20-bilateral_exercise-cn-tj-1",
            "2016-10-20",
            ("CN", "TJ"),
            "bilateral_exercise",
            end="2016-10-24",
        )
    )
    assert index.match(Candidate("bilateral_exercise", ("CN", "TJ"), "2016-10-26")) is not None
    assert index.match(Candidate("bilateral_exercise", ("CN", "KG"), "2016-10-22")) is None
    assert index.match(Candidate("meeting", ("CN", "TJ"), "2016-10-22")) is None


def test_shared_actors_break_ties_and_year_boundary() -> None:
    index = EventIndex()
    index.add(indexed("2019-12-30-meeting-cn-kz-1", "2019-12-30", ("CN", "KZ")))
    index.add(
        indexed(
            "2019-12-31-meeting-cn-kz-1", "2019-12-31", ("CN", "KZ"), actors=frozenset({"wang yi"})
        )
    )
    found = index.match(Candidate("meeting", ("KZ", "CN"), "2020-01-01", frozenset({"wang yi"})))
    assert found is not None and found.id == "2019-12-31-meeting-cn-kz-1"
    nearest = index.match(Candidate("meeting", ("KZ",), "2019-12-29"))
    assert nearest is not None and nearest.id == "2019-12-30-meeting-cn-kz-1"


def test_new_ids_are_deterministic_and_unique() -> None:
    index = EventIndex()
    candidate = Candidate("meeting", ("CN", "UZ", "KG"), "2019-06-13")
    first = index.new_id(candidate)
    assert first == "2019-06-13-meeting-cn-kg-uz-1"
    index.add(indexed(first, "2019-06-13", ("CN", "KG", "UZ")))
    assert index.new_id(candidate) == "2019-06-13-meeting-cn-kg-uz-2"


def test_countries_overlap_rules() -> None:
    ca = frozenset({"KZ", "KG", "TJ", "UZ", "TM"})
    assert countries_overlap({"CN", "KG"}, {"KG", "RU", "CN"}, "CN", ca)
    assert not countries_overlap({"CN", "KG"}, {"CN", "TJ"}, "CN", ca)
    assert not countries_overlap({"CN", "KG"}, {"CN", "RU"}, "CN", ca)
    assert countries_overlap(
        {"CN", "RU", "IN"}, {"CN", "RU"}, "CN", ca
    )  # no Central Asian state on either side


def test_countries_overlap_follows_the_study() -> None:
    # focal RU: Russia on both sides is no overlap; China is an outside state like any other
    ca = frozenset({"KZ", "KG", "TJ", "UZ", "TM"})
    assert not countries_overlap({"RU", "CN"}, {"RU", "IN"}, "RU", ca)
    assert countries_overlap({"RU", "CN"}, {"RU", "CN", "IN"}, "RU", ca)
    assert countries_overlap({"RU", "KG"}, {"KG", "RU"}, "RU", ca)
