"""Dataset 2026.12's ``topic_note`` (coded, no concern), per-country leading concerns, meeting
levels and the honest verdicts (a code never applied; a gap year), on the fixture frame."""

from __future__ import annotations

import pandas as pd
import pytest

from steppewatch.analysis import concerns_by_period, concerns_by_year, evaluate_claims
from steppewatch.analysis.country_concerns import country_change, leading_concerns
from steppewatch.analysis.frame import Period, analysis_frame
from steppewatch.analysis.levels import meeting_levels

NO_CONCERN = "sources name no specific security concern"


def _with_no_concern_meeting(frame: pd.DataFrame) -> pd.DataFrame:
    """The 1999 Uzbek meeting (no topic) marked as read with no concern named."""
    out = frame.copy()
    pos = out.index[out["id"] == "1999-11-meeting-cn-uz-1"][0]
    out.at[pos, "attributes"] = {"topic_note": NO_CONCERN}
    return out


@pytest.mark.parametrize("prepare", [lambda f: f, analysis_frame], ids=["events", "analysis"])
def test_no_concern_meeting_counted_as_missing(
    frame: pd.DataFrame, periods: list[Period], prepare: object
) -> None:
    marked = prepare(_with_no_concern_meeting(frame))  # type: ignore[operator]
    sep = concerns_by_period(marked, periods).query("period == '1992-2000' & topic == 'separatism'")
    # 3 of 5: the marked meeting is coded (no concern), no longer left out of the base
    assert sep[["count", "n_meetings", "n_meetings_all"]].iloc[0].tolist() == [3, 5, 5]
    uz = concerns_by_year(marked, partners=["UZ"]).query("year == 1999")
    assert set(uz["n_meetings"]) == {1} and set(uz["count"]) == {0}


def test_other_topic_notes_do_not_count_as_coded(
    frame: pd.DataFrame, periods: list[Period]
) -> None:
    out = frame.copy()
    pos = out.index[out["id"] == "1999-11-meeting-cn-uz-1"][0]
    out.at[pos, "attributes"] = {"topic_note": "content of this meeting not detailed in excerpt"}
    sep = concerns_by_period(out, periods).query("period == '1992-2000' & topic == 'separatism'")
    assert sep["n_meetings"].iloc[0] == 4


def test_leading_concerns_and_change(frame: pd.DataFrame, periods: list[Period]) -> None:
    table = concerns_by_period(frame, periods, partners=["KZ", "KG", "TJ", "UZ", "TM"])
    kz = {p.period: p for p in leading_concerns(table, ["KZ"])}
    # KZ 2015-2020: 2016 SCO (terrorism, investment), 2019-09 (terrorism), 2019-12 (separatism)
    assert kz["2015-2020"].n_meetings == 3 and kz["2015-2020"].thin
    assert kz["2015-2020"].leading[0] == ("terrorism", 2, pytest.approx(2 / 3))
    assert [t for t, _c, _s in kz["2015-2020"].leading] == [
        "terrorism", "investment_security", "separatism",
    ]  # fmt: skip
    # no country has two periods with 5 meetings in the fixture: no change is measured
    assert country_change(table, "KZ") is None


def test_meeting_levels_by_partner_and_period(frame: pd.DataFrame, periods: list[Period]) -> None:
    table = meeting_levels(frame, ["KZ", "KG", "TJ", "UZ", "TM"], periods)
    kz = table[(table["country"] == "KZ") & (table["period"] == "2015-2020")]
    assert dict(zip(kz["level"], kz["count"], strict=True)) == {
        "head_of_state": 1, "foreign_minister": 1, "defence_minister": 1,
    }  # fmt: skip
    assert set(kz["n_meetings"]) == {3}
    # levels in the codebook's order, highest rank first
    assert kz["level"].tolist() == ["head_of_state", "foreign_minister", "defence_minister"]
    assert "TM" not in set(table["country"])


def _by_id(frame: pd.DataFrame) -> dict[str, object]:
    return {f.claim_id: f for f in evaluate_claims(frame, ["KZ", "KG", "TJ", "UZ", "TM"])}


def test_code_never_applied_says_so_and_where_it_occurs(frame: pd.DataFrame) -> None:
    with_incident_code = frame.copy()
    pos = with_incident_code.index[with_incident_code["id"] == "2015-incident-cn-kg-1"][0]
    with_incident_code.at[pos, "topics"] = ("anti_china_sentiment",)
    got = _by_id(with_incident_code)["new_concern_anti_china_sentiment"]
    assert got.verdict == "code not applied in this dataset"  # type: ignore[attr-defined]
    assert (  # type: ignore[attr-defined]
        "Not applied to any meeting in this dataset: anti_china_sentiment, corruption; where "
        "they occur: anti_china_sentiment: 1 event (incident 1); corruption: no event of any kind."
    ) in got.evidence  # type: ignore[attr-defined]
    # a claim whose codes are applied keeps its rule's verdict
    assert _by_id(frame)["new_concern_investment_security"].verdict != got.verdict  # type: ignore[attr-defined]


def test_gap_year_is_named_beside_the_verdict(frame: pd.DataFrame) -> None:
    """SCO exercises every year 2010-2020 but 2020: not supported, and the note says 2020 is
    the pandemic year and that the rule holds without it."""
    sco = frame[frame["id"] == "2007-08-multilateral_exercise-cn-kz-kg-tj-uz-ru-1"].iloc[0]
    rows = [sco.to_dict() | {"id": f"{y}-sco-ex", "year": y, "date_start": str(y)}
            for y in range(2010, 2020)]  # fmt: skip
    # a 2020 meeting, so the data reach 2020 (the rule's window ends at the last year present)
    meeting = frame[frame["id"] == "2019-09-11-meeting-cn-kz-1"].iloc[0]
    rows.append(meeting.to_dict() | {"id": "2020-m", "year": 2020, "date_start": "2020"})
    got = _by_id(pd.concat([frame, pd.DataFrame(rows)], ignore_index=True))["sco_exercise_yearly"]
    assert got.verdict == "not supported"  # type: ignore[attr-defined]
    assert got.note.startswith("Gap year in the window (2020: the COVID-19 pandemic")  # type: ignore[attr-defined]
    assert got.note.endswith("Without 2020: supported.")  # type: ignore[attr-defined]
    # with 2014 missing too, the note says the verdict stands without 2020
    fewer = [r for r in rows if r["year"] != 2014]
    again = _by_id(pd.concat([frame, pd.DataFrame(fewer)], ignore_index=True))[
        "sco_exercise_yearly"
    ]
    assert again.note.endswith("Without 2020: not supported (none recorded in 2014).")  # type: ignore[attr-defined]
    # no gap year missing: no note
    assert _by_id(frame)["separatism_1990s"].note == ""  # type: ignore[attr-defined]
