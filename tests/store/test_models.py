from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from steppewatch.models import date_precision, parse_partial_date
from tests.factories import make_event


@pytest.mark.parametrize(
    "value,expected", [("2019", "year"), ("2019-06", "month"), ("2019-06-13", "day")]
)
def test_date_precision(value: str, expected: str) -> None:
    assert date_precision(value) == expected


@pytest.mark.parametrize(
    "value", ["2019-6-13", "2019-02-30", "2019-13", "19", "2019/06/13", "", "２０１９"]
)
def test_invalid_partial_dates(value: str) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(value)


@given(
    st.dates(
        min_value=__import__("datetime").date(1900, 1, 1),
        max_value=__import__("datetime").date(2100, 12, 31),
    )
)
def test_every_real_date_parses(day) -> None:  # type: ignore[no-untyped-def]
    assert parse_partial_date(day.isoformat()) == (day.year, day.month, day.day)


def test_event_rules() -> None:
    with pytest.raises(ValidationError, match="before date_start"):
        make_event(date_end="2019-06-01")
    with pytest.raises(ValidationError, match="level 'head_of_state' is given but kind"):
        make_event(kind="incident")
    with pytest.raises(ValidationError, match="not ISO 3166"):
        make_event(countries=["CN", "KGZ"])
    with pytest.raises(ValidationError, match="unknown topic"):
        make_event(topics=["东突"])
    with pytest.raises(ValidationError, match="Extra inputs"):
        make_event(colour="red")
    assert make_event(countries=["CN", "KG", "KG"]).countries == ["CN", "KG"]
