"""Every number in every caption, recomputed here from the fixture events with plain Python
loops (not with steppewatch.analysis), and compared with the report's captions."""

from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from scipy.stats import kendalltau

from steppewatch.analysis.engagement import load_index_config
from steppewatch.models import Event
from steppewatch.report import build_report
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_events, fixture_store

PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]
MULTI = {"SCO", "CICA", "C5+China", "other_multilateral"}


def pct(x: float) -> str:
    return f"{math.floor(100 * x + 0.5)}%"


def num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return fixture_events()


@pytest.fixture(scope="module")
def captions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    tmp = tmp_path_factory.mktemp("captions")
    store = fixture_store(tmp / "t.db")
    result = build_report(tmp / "out", store=store)
    page = result.index.read_text(encoding="utf-8")
    found = {}
    for name, caption, basis in re.findall(
        r'<figure id="chart-([a-z_]+)">.*?<span class="caption">(.*?)</span>\s*'
        r'<span class="basis">(.*?)</span>',
        page,
        flags=re.S,
    ):
        found[name] = (html.unescape(caption), html.unescape(basis))
    return found


def _basis(evs: list[Event], what: str) -> str:
    return f"Based on {len(evs):,} {what} citing {sum(len(e.sources) for e in evs):,} sources."


def _involves(e: Event) -> bool:
    return any(c in PARTNERS for c in e.countries)


def test_all_charts_have_captions(captions: dict[str, tuple[str, str]]) -> None:
    assert set(captions) == {
        "topic_heatmap", "concern_shares", "meetings_by_country", "activity_mix",
        "exercise_timeline", "engagement_index", "country_concerns", "meeting_levels",
    }  # fmt: skip


def test_heatmap_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    periods = load_study().periods
    base: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.kind == "meeting" and e.topics:
            label = next((p.label for p in periods if p.contains(e.year)), None)
            if label:
                base[label].append(e)
    used = [p.label for p in periods if base[p.label]]
    first, last = used[0], used[-1]

    def share(topic: str, period: str) -> float:
        return sum(topic in e.topics for e in base[period]) / len(base[period])

    topics = sorted({t for ms in base.values() for e in ms for t in e.topics})
    moved = max(topics, key=lambda t: (abs(share(t, last) - share(t, first)), -topics.index(t)))
    lead = max(topics, key=lambda t: (share(t, last), -topics.index(t)))
    expected = (
        f"{moved.replace('_', ' ').capitalize()} is coded in {pct(share(moved, first))} of "
        f"{first} meetings and {pct(share(moved, last))} of {last} meetings. In {last} the most "
        f"frequent concern is {lead.replace('_', ' ')} ({pct(share(lead, last))} of "
        f"{len(base[last])} meetings)."
    )
    assert captions["topic_heatmap"][0] == expected
    # and by hand: terrorism in 1 of 4 meetings in the 1990s, 5 of 6 in 2015-2020
    assert expected.startswith("Terrorism is coded in 25% of 1992-2000 meetings and 83% of 2015")
    evs = [e for ms in base.values() for e in ms]
    assert captions["topic_heatmap"][1] == _basis(evs, "meetings coded for concerns")


def test_concern_shares_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    ms = [e for e in events if e.kind == "meeting" and e.topics]
    counts = Counter(t for e in ms for t in e.topics)
    top = sorted(counts, key=lambda t: (-counts[t], t))[:5]
    listed = ", ".join(f"{t.replace('_', ' ')} ({counts[t]} meetings)" for t in top)
    by_year: dict[int, list[Event]] = defaultdict(list)
    for e in ms:
        by_year[e.year].append(e)
    years = [y for y in sorted(by_year) if len(by_year[y]) >= 5]
    y = max(
        years, key=lambda y: (sum(top[0] in e.topics for e in by_year[y]) / len(by_year[y]), -y)
    )
    k, n = sum(top[0] in e.topics for e in by_year[y]), len(by_year[y])
    expected = (
        f"The most frequently coded concerns are {listed}. Among years with at least 5 meetings, "
        f"{top[0].replace('_', ' ')} peaks in {y}, coded in {k} of {n} meetings ({pct(k / n)})."
    )
    masked = [str(y) for y in sorted(by_year) if len(by_year[y]) < 5]
    expected += (
        " Years with fewer than 5 meetings coded for concerns are masked (grey, hollow dots, "
        f"left out of the 3-year mean): {', '.join(masked)}."
    )
    assert captions["concern_shares"][0] == expected
    assert captions["concern_shares"][1] == _basis(ms, "meetings coded for concerns")


def test_meetings_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    ms = [e for e in events if e.kind == "meeting" and _involves(e)]
    per = {c: sum(c in e.countries for e in ms) for c in PARTNERS}
    order = sorted(PARTNERS, key=lambda c: -per[c])  # stable: ties keep alphabetical below
    order = sorted(sorted(PARTNERS), key=lambda c: -per[c])
    per_year = Counter(e.year for e in ms)
    busiest = sorted(per_year, key=lambda y: (-per_year[y], y))[0]
    expected = (
        f"{order[0]} takes part in the most meetings ({per[order[0]]}), {order[-1]} in the "
        f"fewest ({per[order[-1]]}). The busiest year is {busiest} with {per_year[busiest]} "
        f"meetings; {len(ms)} meetings in all."
    )
    assert captions["meetings_by_country"][0] == expected
    assert captions["meetings_by_country"][1] == _basis(ms, "meetings")


def test_activity_mix_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    evs = [e for e in events if _involves(e)]
    total = {c: sum(c in e.countries for e in evs) for c in PARTNERS}
    top = sorted(sorted(c for c in PARTNERS if total[c]), key=lambda c: -total[c])[0]
    meet = sum(top in e.countries for e in evs if e.kind == "meeting")
    kinds = Counter(
        e.kind for e in evs if e.kind != "meeting" for c in e.countries if c in PARTNERS
    )
    kind = sorted(kinds, key=lambda k: (-kinds[k], k))[0]
    other = {c: sum(c in e.countries for e in evs if e.kind != "meeting") for c in PARTNERS}
    most = sorted(sorted(PARTNERS), key=lambda c: -other[c])[0]
    expected = (
        f"{top} is involved in the most events ({total[top]}), {pct(meet / total[top])} of them "
        f"meetings. Beyond meetings, the most frequent activity is {kind.replace('_', ' ')} "
        f"({kinds[kind]} country-events); {most} has the most non-meeting activities "
        f"({other[most]})."
    )
    assert captions["activity_mix"][0] == expected
    assert expected.startswith("KG is involved in the most events (13), 31% of them meetings.")
    assert captions["activity_mix"][1] == _basis(evs, "events")


def _first_number(value: object) -> float | None:
    if isinstance(value, int | float):
        return float(value)
    m = re.search(r"\d[\d,]*", str(value or ""))
    return float(m.group(0).replace(",", "")) if m else None


def test_exercise_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    ex = [e for e in events if e.kind in ("multilateral_exercise", "bilateral_exercise")]
    sco = sum(e.framework == "SCO" for e in ex)
    bil = sum(e.framework == "bilateral" for e in ex)
    known = [(e, _first_number(e.attributes.get("troops_total"))) for e in ex]
    known = [(e, n) for e, n in known if n is not None]
    big, size = max(known, key=lambda en: en[1])
    name = big.attributes.get("exercise_name") or big.title
    expected = (
        f"{len(ex)} exercises from {min(e.year for e in ex)} to {max(e.year for e in ex)}: "
        f"{sco} in the SCO framework, {bil} bilateral, {len(ex) - sco - bil} other multilateral. "
        f"Total troop numbers are known for {len(known)}. The largest is {name} ({big.year}, "
        f"{num(size)} troops)."
    )
    assert captions["exercise_timeline"][0] == expected
    assert captions["exercise_timeline"][1] == _basis(ex, "exercises")


def _index_by_hand(events: list[Event], weights: dict[str, float], factor: float) -> dict:
    config = load_index_config()
    comp = {k: c for c, ks in config.components.items() for k in ks}
    out: dict[tuple[str, int], float] = defaultdict(float)
    for e in events:
        if e.kind not in comp:
            continue
        value = weights.get(comp[e.kind], 0.0) * (factor if e.framework in MULTI else 1.0)
        for c in e.countries:
            if c in PARTNERS:
                out[(c, e.year)] += value
    return out


def test_index_caption(events: list[Event], captions: dict[str, tuple[str, str]]) -> None:
    config = load_index_config()
    d = config.default
    cells = _index_by_hand(events, dict(d.weights), d.multilateral_factor)
    totals = {c: sum(v for (cc, _), v in cells.items() if cc == c) for c in PARTNERS}
    order = sorted(sorted(PARTNERS), key=lambda c: -totals[c])
    (bc, by), bv = max(cells.items(), key=lambda kv: (kv[1], -kv[0][1]))
    years = [e.year for e in events]
    taus, same = [], 0
    for alt in config.alternatives.values():
        alt_cells = _index_by_hand(events, dict(alt.weights), alt.multilateral_factor)
        alt_tot = {c: sum(v for (cc, _), v in alt_cells.items() if cc == c) for c in PARTNERS}
        taus.append(kendalltau([totals[c] for c in PARTNERS], [alt_tot[c] for c in PARTNERS])[0])
        alt_order = sorted(sorted(PARTNERS), key=lambda c: -alt_tot[c])
        same += set(alt_order[:2]) == set(order[:2])
    expected = (
        f"Total index {min(years)}-{max(years)}: "
        + ", ".join(f"{c} ({num(totals[c])})" for c in order)
        + f". The highest single year is {bc} in {by} ({num(bv)}). Under "
        f"{len(config.alternatives)} alternative weightings Kendall's tau against the default "
        f"ranking is {min(taus):.2f} to {max(taus):.2f}; the top two stay the same under {same} "
        "of them."
    )
    assert captions["engagement_index"][0] == expected
    assert expected.startswith("Total index 1996-2019: KG (16), TJ (13), KZ (7), UZ (4.5), TM (0)")
    basis = [
        e
        for e in events
        if _involves(e) and e.kind in {k for ks in config.components.values() for k in ks}
    ]
    assert captions["engagement_index"][1] == _basis(basis, "events")


def test_captions_follow_filters(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "t.db")
    from steppewatch.store import EventFilter

    result = build_report(tmp_path / "out", store=store, filters=EventFilter(since=2015))
    page = result.index.read_text(encoding="utf-8")
    # only 2015-2020 meetings remain: one period, so the heatmap caption names only the lead
    assert "In 2015-2020 the most frequent concern is terrorism (83% of 6 meetings)." in page
    assert "1992-2000 meetings" not in page
