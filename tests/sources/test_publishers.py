"""The publisher table decides every bundled source's side; no silent unknowns."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest

from steppewatch.sources.publishers import NEITHER, lookup, publisher_table, source_side

SOURCES = resources.files("steppewatch") / "data" / "dataset" / "prc_central_asia" / "sources.csv"


def _bundled_rows() -> list[dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_bundled_source_has_a_decided_side_or_explicit_neither() -> None:
    rows = _bundled_rows()
    assert len(rows) == 1075
    unknown = Counter(r["publisher"] for r in rows if lookup(r["publisher"], r["url"]) is None)
    assert not unknown, f"publishers.yaml does not know: {sorted(unknown)}"


def test_the_bundled_dataset_has_readouts_from_both_sides() -> None:
    sides = Counter(source_side(r["publisher"], r["url"]) for r in _bundled_rows())
    assert sides["CN"] > 400
    for state in ("KZ", "KG", "TJ", "UZ", "TM"):
        assert sides[state] >= 5, state


def test_no_name_is_claimed_by_two_sides() -> None:
    claimed: dict[str, set[str]] = {}
    for entry in publisher_table().entries:
        for name in entry.names:
            claimed.setdefault(name.casefold(), set()).add(entry.side)
    assert {n: s for n, s in claimed.items() if len(s) > 1} == {}


@pytest.mark.parametrize(
    ("publisher", "url", "side"),
    [
        ("PRC Ministry of Foreign Affairs", None, "CN"),
        ("People's Daily Online (Xinhua)", None, "CN"),
        ("CGTN", None, "CN"),
        ("Global Times", None, "CN"),
        ("新华社", None, "CN"),
        ("Kazinform (citing Kazakh MFA)", None, "KZ"),
        ("Akorda (President of Kazakhstan)", None, "KZ"),
        ("Khovar (Tajik state news agency)", None, "TJ"),
        ("UzA (national news agency)", None, "UZ"),
        ("CA-News (TDH)", None, "TM"),
        ("Kabar", None, "KG"),
        # the voice, not the carrier
        ("Trend (Xinhua)", None, "CN"),
        ("24.kg (citing Kyrgyz presidential press service)", None, "KG"),
        ("Kabar (via Super.kg, citing Kyrgyz presidential press service)", None, "KG"),
        ("Xinhua via People's Daily (mirror)", None, "CN"),
        ("Times of India (citing Asia-Plus)", None, None),
        ("blog repost of Xinhua", None, "CN"),
        # explicit neither
        ("RFE/RL", None, None),
        ("Asia-Plus", None, None),
        ("AKIpress", None, None),
        ("Eurasianet", None, None),
        ("SCO Secretariat", None, None),
        # the URL decides when the publisher names nothing known, or is missing
        (None, "https://www.fmprc.gov.cn/mfa_eng/wjdt_665385/t1.shtml", "CN"),
        ("www.fmprc.gov.cn", "https://www.fmprc.gov.cn/mfa_eng/t1.shtml", "CN"),
        (None, "https://en.kabar.kg/news/x/", "KG"),
        (None, "https://khovar.tj/eng/2019/06/x/", "TJ"),
        (None, "https://rus.ozodi.org/a/1.html", None),
        (None, "file:///tmp/page.html", None),
        (None, None, None),
        ("", "", None),
    ],
)
def test_source_side(publisher: str | None, url: str | None, side: str | None) -> None:
    assert source_side(publisher, url) == side


def test_an_unknown_publisher_is_not_an_explicit_neither() -> None:
    assert lookup("Some Unheard-of Gazette", "https://example.org/a") is None
    match = lookup("RFE/RL", None)
    assert match is not None and match.entry.side == NEITHER and match.side is None


def test_hostile_publisher_strings_do_not_break_the_lookup() -> None:
    for text in ("(" * 500, "citing via , ( ) " * 50, "\x00\ud7ff", "Синьхуа" * 1000):
        source_side(text, "not a url")
