"""Selections made once per frame (the meetings, the analysis frame) are the same selections
made afresh: reused while the frame is unchanged, made again when it gets a new column, and
let go with the frame. And the sensitivity check, which reuses the findings as coded for the
claims neither alternative can change, gives the table evaluating every claim would."""

from __future__ import annotations

import gc

import pandas as pd
import pytest

from steppewatch.analysis import frame as frame_module
from steppewatch.analysis.findings import evaluate_claims
from steppewatch.analysis.frame import analysis_frame, meetings
from steppewatch.analysis.sensitivity import (
    UNCHANGED_METRICS,
    claims_sensitivity,
    sco_members_as_participants,
    sidelines_as_multilateral,
)
from steppewatch.report import DEFAULT_STATUSES
from steppewatch.report.build import _load_frame
from steppewatch.report.limits import members_at_from
from steppewatch.store import EventFilter
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_store


def _events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["m1", "x1", "m2"],
            "kind": ["meeting", "exercise", "meeting"],
            "title": ["习近平会见托卡耶夫", "«Мирная миссия-2021»", "Встреча министров обороны"],
            "year": [2019, 2021, 2022],
        }
    )


def test_meetings_reused_while_the_frame_is_unchanged() -> None:
    events = _events()
    first = meetings(events)
    assert meetings(events) is first
    assert first["title"].tolist() == ["习近平会见托卡耶夫", "Встреча министров обороны"]


def test_meetings_made_again_for_a_new_column_and_let_go_with_the_frame() -> None:
    events = _events()
    before = meetings(events)
    events["level"] = ["head_of_state", "", "minister"]
    after = meetings(events)
    assert after is not before
    assert after["level"].tolist() == ["head_of_state", "minister"]
    key = ("meetings", id(events))
    assert key in frame_module._PER_FRAME
    del events, before, after
    gc.collect()
    assert key not in frame_module._PER_FRAME


def test_a_copy_is_its_own_frame() -> None:
    events = _events()
    copy = events.copy()
    copy.loc[1, "kind"] = "meeting"
    assert len(meetings(events)) == 2
    assert len(meetings(copy)) == 3


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    store = fixture_store(tmp_path_factory.mktemp("cache") / "t.db")
    return _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))


def test_analysis_frame_made_once(loaded: pd.DataFrame) -> None:
    assert analysis_frame(loaded) is analysis_frame(loaded)
    assert "countries_key" in analysis_frame(loaded).columns


def test_sensitivity_equals_every_claim_evaluated_on_each_alternative(
    loaded: pd.DataFrame,
) -> None:
    study = load_study()
    partners = list(study.partner_states)
    members_at = members_at_from(study)
    # some claims are taken from the findings as coded, some evaluated again
    metrics = {c.rule.metric for c in study.claims}
    assert metrics & UNCHANGED_METRICS and metrics - UNCHANGED_METRICS
    table = claims_sensitivity(
        loaded,
        partners,
        members_at=members_at,
        claims=study.claims,
        base=evaluate_claims(analysis_frame(loaded), partners, study.claims),
    ).set_index("claim_id")
    alternatives = {
        "sidelines": sidelines_as_multilateral(loaded),
        "members": sco_members_as_participants(loaded, members_at),
    }
    for name, alternative in alternatives.items():
        for finding in evaluate_claims(analysis_frame(alternative), partners, study.claims):
            row = table.loc[finding.claim_id]
            assert row[f"verdict_{name}"] == finding.verdict, (name, finding.claim_id)
            assert row[f"changed_{name}"] == (finding.verdict != row["verdict"])


def test_partner_positions_are_worked_out_once_per_frame_and_partners() -> None:
    from steppewatch.analysis.frame import by_partner, partner_positions

    frame = analysis_frame(
        pd.DataFrame(
            {
                "id": ["m1", "m2", "m3"],
                "kind": ["meeting"] * 3,
                "title": ["习近平会见托卡耶夫", "Встреча в Бишкеке", "C5+China"],
                "year": [2019, 2020, 2021],
                "countries": [("CN", "KZ"), ("CN", "KG", "KZ"), ("CN", "UZ")],
            }
        )
    )
    rows, partner = partner_positions(frame, ["KZ", "KG"])
    assert rows.tolist() == [0, 1, 1] and partner.tolist() == [0, 1, 0]
    # the same arrays again (read-only: every caller shares them), others for other partners
    again = partner_positions(frame, ["KZ", "KG"])
    assert again[0] is rows and again[1] is partner
    assert not rows.flags.writeable and not partner.flags.writeable
    assert partner_positions(frame, ["UZ"])[0].tolist() == [2]
    assert by_partner(frame, ["KZ", "KG"])["country"].tolist() == ["KZ", "KG", "KZ"]
    # a frame of other rows (a selection): its own positions
    assert partner_positions(frame.iloc[1:], ["KZ", "KG"])[0].tolist() == [0, 0]


def test_meetings_of_a_run_of_rows_are_the_run_of_the_frames_meetings() -> None:
    from steppewatch.analysis.frame import meetings_of_rows

    frame = analysis_frame(
        pd.DataFrame(
            {
                "id": [f"e{i}" for i in range(8)],
                "kind": ["meeting", "bilateral_exercise", "meeting", "meeting", "incident",
                         "meeting", "mechanism", "meeting"],
                "title": ["习近平会见托卡耶夫", "Мирная миссия", "", "Встреча", "", "", "", ""],
                "year": [2001, 2001, 2003, 2005, 2005, 2007, 2008, 2009],
                "countries": [("CN", "KZ")] * 8,
            }
        )
    )  # fmt: skip
    for start, stop in [(0, 8), (1, 4), (2, 3), (4, 5), (6, 6), (5, 8)]:
        sub = frame.iloc[start:stop]
        expected = sub[sub["kind"] == "meeting"]
        meetings_of_rows(frame, sub, start, stop)
        pd.testing.assert_frame_equal(meetings(sub), expected)
    other = frame.iloc[1:4]
    meetings_of_rows(frame, other, 0, 3)  # not the run it says: left alone
    pd.testing.assert_frame_equal(meetings(other), other[other["kind"] == "meeting"])


def test_partner_positions_of_a_run_of_rows_are_the_run_of_the_frames() -> None:
    from steppewatch.analysis.frame import (
        _positions_of_partners,
        meetings_of_rows,
        partner_positions,
    )

    frame = analysis_frame(
        pd.DataFrame(
            {
                "id": [f"e{i}" for i in range(6)],
                "kind": ["meeting", "bilateral_exercise", "meeting", "incident", "meeting",
                         "mechanism"],
                "title": ["习近平会见托卡耶夫", "Мирная миссия", "", "", "Встреча", ""],
                "year": [2001, 2002, 2003, 2005, 2007, 2009],
                "countries": [("CN", "KZ", "KG"), ("CN",), ("CN", "UZ"), ("CN", "TJ", "KZ"),
                              ("RU", "CN"), ("CN", "KG")],
            }
        )
    )  # fmt: skip
    partners = ["KZ", "KG", "TJ", "UZ", "TM"]
    partner_positions(frame, partners)  # the whole frame's, worked out first
    for start, stop in [(0, 6), (1, 4), (2, 3), (4, 5), (3, 3)]:
        sub = frame.iloc[start:stop]
        meetings_of_rows(frame, sub, start, stop)
        rows, partner = partner_positions(sub, partners)
        expected_rows, expected_partner = _positions_of_partners(sub, partners)
        assert rows.tolist() == expected_rows.tolist(), (start, stop)
        assert partner.tolist() == expected_partner.tolist(), (start, stop)


def test_index_of_a_window_of_years_is_counted_as_the_window_alone() -> None:
    """A claim's window (every row of some years, a run of the frame) takes its engagement
    counts from the frame's, made before; a run that splits a year, or a frame whose counts
    were not made, is counted on its own. Either way the counts are the window's."""
    from steppewatch.analysis.engagement import _count_rows, _index_rows, load_index_config
    from steppewatch.analysis.frame import meetings_of_rows, years_run_of

    frame = analysis_frame(
        pd.DataFrame(
            {
                "id": [f"e{i}" for i in range(9)],
                "kind": ["meeting", "bilateral_exercise", "meeting", "incident", "meeting",
                         "multilateral_exercise", "training_education", "meeting", "mechanism"],
                "title": [""] * 9,
                "year": [2001, 2001, 2003, 2004, 2004, 2004, 2006, 2008, 2008],
                "countries": [("CN", "KZ", "KG"), ("CN", "TJ"), ("CN", "UZ"), ("CN", "TJ", "KZ"),
                              ("RU", "CN"), ("CN", "KG", "KZ"), ("CN", "KG"), ("CN", "KZ"),
                              ("CN", "UZ")],
                "framework": ["bilateral", "bilateral", "SCO", "bilateral", "CICA", "SCO",
                              "bilateral", "C5+China", "bilateral"],
            }
        )
    )  # fmt: skip
    partners = ["KZ", "KG", "TJ", "UZ", "TM"]
    config = load_index_config()
    windows = [(0, 9), (0, 2), (2, 6), (3, 6), (6, 7), (7, 9), (2, 9)]
    splits = [(1, 4), (4, 9), (3, 5)]  # runs that hold only part of a year
    for start, stop in windows + splits:
        sub = frame.iloc[start:stop]
        meetings_of_rows(frame, sub, start, stop)
        assert (years_run_of(sub) is not None) == ((start, stop) in windows), (start, stop)
        before = _index_rows(sub, partners, config)  # the frame's counts not made yet
        expected = _count_rows(sub, partners, config)
        assert before.counts.tolist() == expected.counts.tolist()
    _index_rows(frame, partners, config)  # the frame's counts, kept for its windows
    for start, stop in windows + splits:
        sub = frame.iloc[start:stop]
        meetings_of_rows(frame, sub, start, stop)
        found = _index_rows(sub, partners, config)
        expected = _count_rows(sub, partners, config)
        assert found.counts.tolist() == expected.counts.tolist(), (start, stop)
        assert found.counts.dtype == expected.counts.dtype
        assert found.counts.flags.c_contiguous
        assert found.grid.equals(expected.grid), (start, stop)
        assert found.grid.names == expected.grid.names
        assert found.components == expected.components
