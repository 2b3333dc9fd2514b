from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steppewatch.extract.dates import find_dates, parse_date_text

EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
ZH_DIGITS = "〇一二三四五六七八九"


@pytest.mark.parametrize(
    "text,iso,end_iso",
    [
        ("2019年6月13日，习近平会见", "2019-06-13", None),
        ("6月13日，双方举行会谈", "2019-06-13", None),
        ("二〇一九年六月十三日", "2019-06-13", None),
        ("6月13至14日在比什凯克举行", "2019-06-13", "2019-06-14"),
        ("6月13日至14日", "2019-06-13", "2019-06-14"),
        ("13 июня 2019 г. в Бишкеке", "2019-06-13", None),
        ("13-14 июня в Бишкеке", "2019-06-13", "2019-06-14"),
        ("13.06.2019", "2019-06-13", None),
        ("June 13, 2019", "2019-06-13", None),
        ("13 June 2019", "2019-06-13", None),
        ("from June 13 to 14", "2019-06-13", "2019-06-14"),
    ],
)
def test_formats(text: str, iso: str, end_iso: str | None) -> None:
    mentions = find_dates(text.lower(), "2019-07-01")
    assert mentions, text
    assert mentions[0].iso == iso
    assert mentions[0].end_iso == end_iso


def test_year_from_context_crosses_new_year() -> None:
    # a page of 3 January 2019 speaking of 28 December means 2018
    assert find_dates("12月28日", "2019-01-03")[0].iso == "2018-12-28"


def test_month_precision() -> None:
    mention = find_dates("в июне 2019 года; 2019年6月")[0]
    assert mention.precision == "month" and mention.iso == "2019-06"


def test_no_year_and_no_reference_gives_nothing() -> None:
    assert find_dates("6月13日") == []


def test_invalid_dates_are_ignored() -> None:
    assert find_dates("2019年2月30日") == []
    assert find_dates("31.13.2019") == []


def test_page_date_from_mfa_date_line() -> None:
    assert parse_date_text("来源：\n（供稿）\n 2020-07-01") == "2020-07-01"
    assert parse_date_text("Regular Press Conference on May 14, 2018") == "2018-05-14"


def _zh_year(year: int) -> str:
    return "".join(ZH_DIGITS[int(d)] for d in str(year))


def _zh_small(n: int) -> str:
    if n < 10:
        return ZH_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[units] if units else "")


@given(
    st.dates(min_value=date(1992, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(["zh", "zhnum", "ru", "rudot", "en", "en2", "iso"]),
    st.text(alphabet="，。 abc；会谈", max_size=5),
)
def test_property_round_trip(day: date, style: str, noise: str) -> None:
    forms = {
        "zh": f"{day.year}年{day.month}月{day.day}日",
        "zhnum": f"{_zh_year(day.year)}年{_zh_small(day.month)}月{_zh_small(day.day)}日",
        "ru": f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} г.",
        "rudot": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "en": f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
        "en2": f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}",
        "iso": day.isoformat(),
    }
    text = noise + " " + forms[style] + " " + noise
    mentions = find_dates(text.lower())
    assert [m.iso for m in mentions] == [day.isoformat()]
    m = mentions[0]
    assert text[m.start : m.end].strip() and m.start >= 0 and m.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "会谈。",
                "2019年6月13日",
                "6月13日至14日",
                " 13 июня 2019 г. ",
                "abc ",
                " June 5, 2018 ",
                "13.06.2019 ",
                "x" * 50,
            ]
        ),
        max_size=40,
    )
)
def test_property_first_date_is_the_first_of_find_dates(parts: list[str]) -> None:
    from steppewatch.extract.dates import first_date

    text = "".join(parts).lower()
    everything = find_dates(text, "2019-07-01")
    first = first_date(text, "2019-07-01", chunk=120)
    if not everything:
        assert first is None
    else:
        assert first is not None
        assert (first.start, first.iso) == (everything[0].start, everything[0].iso)


def test_year_from_the_text_when_there_is_no_page_date() -> None:
    mentions = find_dates("2018年6月，魏凤和在北京会见。6月13日，双方举行会谈。")
    assert [m.iso for m in mentions] == ["2018-06", "2018-06-13"]


def test_first_date_read_a_year_cut_at_a_chunk_end_from_the_reference() -> None:
    """Regression (found by the property test above): "June 5, 2018" that a chunk cut after
    "June 5, 20" was read as June 5 of the reference year (2019-06-05)."""
    from steppewatch.extract.dates import first_date

    text = ("会谈。" * 3 + "x" * 100 + " June 5, 2018 ").lower()
    first = first_date(text, "2019-07-01", chunk=120)
    assert first is not None and first.iso == "2018-06-05"
    assert (first.start, first.iso) == (find_dates(text, "2019-07-01")[0].start, "2018-06-05")
