"""Source classification (type and side) and SCO membership on a date, from the study."""

from __future__ import annotations

import pandas as pd

from steppewatch.report.limits import category_of, classify_sources, members_at_from
from steppewatch.study import load_study


def test_sources_classified_by_publisher_then_address() -> None:
    sources = pd.DataFrame(
        {
            "event_id": ["a", "a", "b", "b", "c", "c"],
            "publisher": ["外交部", "Кабар", None, "Xinhua", "Some Blog", ""],
            "url": [
                "https://example.org/1",
                "https://example.org/2",
                "https://president.kg/ru/news/1",
                "https://example.org/3",
                "https://blog.example/x",
                "https://unknown.example/y",
            ],
            "language": ["zh", "ru", "ru", "en", "en", None],
        }
    )
    out = classify_sources(sources, "CN", ["KZ", "KG", "TJ", "UZ", "TM"])
    assert list(out["category"]) == [
        "official", "state media", "official", "state media", "other", "other",
    ]  # fmt: skip
    assert list(out["side"]) == ["focal (CN)", "KG", "KG", "focal (CN)", "neither", "neither"]


def test_category_of_every_kind() -> None:
    assert [category_of(k) for k in ("government", "multilateral", "state_media", "media",
                                     "research", "other", None)] == [
        "official", "official", "state media", "independent", "other", "other", "other",
    ]  # fmt: skip


def test_sco_members_on_a_date_from_the_study() -> None:
    members_at = members_at_from(load_study())
    assert members_at("SCO", "1998-07-03") == {"CN", "KZ", "KG", "RU", "TJ"}  # Shanghai Five
    assert members_at("SCO", "2010-06-11") == {"CN", "KZ", "KG", "RU", "TJ", "UZ"}
    assert {"IN", "PK"} <= members_at("SCO", "2018-06-10")
    assert "TM" not in members_at("SCO", "2024-07-04")
    assert members_at("CICA", "2010-06-11") == frozenset()


def test_sources_without_a_known_publisher_are_classified_by_their_host() -> None:
    # classified once per host: a port, a query or a fragment right after the host, a sub-
    # domain, upper case, and addresses naming no host must all come out as one by one
    urls = [
        "https://www.fmprc.gov.cn:443?id=1",
        "http://WWW.MFA.GOV.CN#readout",
        "https://english.news.cn/20190613/c_138140000.htm",
        "https://president.kg/ru/news/14037",
        "file:///home/reviewer/readout.html",
        "no address at all",
        "https://unknown.example/y",
    ]
    sources = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(len(urls))],
            "publisher": ["неизвестный сайт", None, "", "某网站", None, None, "Some Blog"],
            "url": urls,
            "language": ["ru", "zh", "en", "zh", "en", "en", "en"],
        }
    )
    out = classify_sources(sources, "CN", ["KZ", "KG", "TJ", "UZ", "TM"])
    assert list(out["category"]) == [
        "official", "official", "state media", "official", "other", "other", "other",
    ]  # fmt: skip
    assert list(out["side"]) == [
        "focal (CN)", "focal (CN)", "focal (CN)", "KG", "neither", "neither", "neither",
    ]  # fmt: skip
