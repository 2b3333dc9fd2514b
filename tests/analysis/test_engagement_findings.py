from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from steppewatch.analysis import (
    country_ranking,
    engagement_index,
    evaluate_claims,
    index_sensitivity,
    load_index_config,
)
from steppewatch.analysis.engagement import Weighting
from steppewatch.errors import AnalysisError


def test_shipped_config_is_documented_and_complete() -> None:
    config = load_index_config()
    kinds = {k for ks in config.components.values() for k in ks}
    assert kinds == {
        "meeting", "multilateral_exercise", "bilateral_exercise", "training_education",
        "equipment_transfer", "infrastructure", "joint_patrol_operation", "private_security",
    }  # fmt: skip
    assert set(config.default.weights) == set(config.components)
    assert len(config.alternatives) >= 3


def test_engagement_index_default_weights(frame: pd.DataFrame, partners: list[str]) -> None:
    index = engagement_index(frame, partners)
    totals = index.groupby("country")["index"].sum().to_dict()
    # worked by hand in fixture_events: multilateral events count half
    assert totals == {"KG": 16.0, "TJ": 13.0, "KZ": 7.0, "UZ": 4.5, "TM": 0.0}
    kg2019 = index[(index["country"] == "KG") & (index["year"] == 2019)].iloc[0]
    # meeting 1 + bilateral exercise 2 + Center-2019 (multilateral) 1 + private security 3
    assert kg2019["index"] == 7.0
    assert (kg2019["meetings"], kg2019["exercises"], kg2019["private_security"]) == (1, 3, 3)
    assert len(index) == 5 * (2019 - 1996 + 1)


def test_country_ranking(frame: pd.DataFrame, partners: list[str]) -> None:
    ranking = country_ranking(engagement_index(frame, partners))
    assert list(ranking["country"]) == ["KG", "TJ", "KZ", "UZ", "TM"]
    assert list(ranking["rank"]) == [1, 2, 3, 4, 5]
    assert ranking["share"].sum() == pytest.approx(1.0)


def test_index_sensitivity(frame: pd.DataFrame, partners: list[str]) -> None:
    sens = index_sensitivity(frame, partners).set_index("weighting")
    assert set(sens.index) == set(load_index_config().alternatives)
    # bilateral only: KZ 3, KG 12, TJ 9, UZ 2, TM 0 -> same order as the default
    assert sens.loc["bilateral_only", "ranking"] == "KG;TJ;KZ;UZ;TM"
    assert sens.loc["bilateral_only", "kendall_tau"] == pytest.approx(1.0)
    assert sens["kendall_tau"].between(-1, 1).all()


def test_other_weighting_changes_values(frame: pd.DataFrame, partners: list[str]) -> None:
    config = load_index_config()
    meetings_only = Weighting({"meetings": 1.0}, 1.0)
    index = engagement_index(frame, partners, config, meetings_only)
    assert index.groupby("country")["index"].sum().to_dict()["KZ"] == 5.0


def test_bad_index_config(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("components: {meetings: [meeting]}\ndefault: {weights: 3}\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="SW603"):
        load_index_config(path)


def _by_id(frame: pd.DataFrame, partners: list[str]) -> dict[str, object]:
    return {f.claim_id: f for f in evaluate_claims(frame, partners)}


def test_findings_on_fixture(frame: pd.DataFrame, partners: list[str]) -> None:
    got = _by_id(frame, partners)
    sep = got["separatism_1990s"]
    # only 4 meetings with concerns in the 1990s: the rule needs 5
    assert sep.verdict == "not enough data"  # type: ignore[attr-defined]
    assert sep.evidence == "4 meetings with concerns coded in 1996-1999."  # type: ignore[attr-defined]
    assert got["kg_tj_most_responsive"].verdict == "supported"  # type: ignore[attr-defined]
    # one expert group recorded: absence is not evidence, so "not enough data"
    assert got["sco_expert_groups"].verdict == "not enough data"  # type: ignore[attr-defined]
    yearly = got["sco_exercise_yearly"]
    assert yearly.verdict == "not supported"  # type: ignore[attr-defined]
    assert "recorded in 0 of 10 years" in yearly.evidence  # type: ignore[attr-defined]
    # 4 meetings before 2015, so the new-concern rule has too little to go on
    assert got["new_concern_investment_security"].verdict == "not enough data"  # type: ignore[attr-defined]
    bil = got["bilateral_more_meetings"]
    assert bil.evidence == "9 bilateral and 2 multilateral meetings."  # type: ignore[attr-defined]
    assert bil.verdict == "supported"  # type: ignore[attr-defined]


def test_separatism_rule_with_one_more_meeting(frame: pd.DataFrame, partners: list[str]) -> None:
    extra = frame[frame["id"] == "1997-meeting-cn-kz-1"].assign(
        id="1998-meeting-cn-kz-9", year=1998
    )
    got = _by_id(pd.concat([frame, extra], ignore_index=True), partners)["separatism_1990s"]
    assert got.verdict == "supported"  # type: ignore[attr-defined]
    assert got.evidence.startswith(  # type: ignore[attr-defined]
        "Separatism is coded in 4 of 5 meetings (80%) in 1996-1999; other concerns: "
        "border_demarcation 40%, terrorism 20%."
    )
    # three more 1990s meetings about terrorism only: separatism 3 of 7, terrorism 4 of 7
    ter = pd.concat([extra] * 3, ignore_index=True).assign(
        id=[f"1998-meeting-cn-kz-{n}" for n in (10, 11, 12)], topics=[("terrorism",)] * 3
    )
    again = _by_id(pd.concat([frame, ter], ignore_index=True), partners)["separatism_1990s"]
    assert again.verdict == "not supported"  # type: ignore[attr-defined]
    assert again.evidence.startswith("Separatism is coded in 3 of 7 meetings (43%)")  # type: ignore[attr-defined]


def test_findings_with_too_little_data(frame: pd.DataFrame, partners: list[str]) -> None:
    tiny = frame[frame["year"] >= 2019]
    got = _by_id(tiny, partners)
    assert got["separatism_1990s"].verdict == "not enough data"  # type: ignore[attr-defined]
    assert got["domestic_capacity"].verdict == "not enough data"  # type: ignore[attr-defined]
    assert {f.verdict for f in got.values()} <= {  # type: ignore[attr-defined]
        "supported", "not supported", "not enough data", "code not applied in this dataset",
    }  # fmt: skip


def _groups(finding: object) -> dict[str, tuple[str, ...]]:
    return {g.label: g.ids for g in finding.counted}  # type: ignore[attr-defined]


def test_findings_name_the_events_they_counted(frame: pd.DataFrame, partners: list[str]) -> None:
    got = _by_id(frame, partners)
    # the 1990s meetings coded with separatism (the 1999 one is about the border only)
    assert _groups(got["separatism_1990s"]) == {
        "meetings coded with separatism, 1996-1999": (
            "1996-04-26-meeting-cn-kz-kg-tj-ru-1", "1997-meeting-cn-kz-1",
            "1998-07-meeting-cn-kg-1",
        )
    }  # fmt: skip
    assert got["new_concern_investment_security"].event_ids == (  # type: ignore[attr-defined]
        "2016-04-meeting-cn-kz-kg-tj-uz-1", "2019-04-25-meeting-cn-uz-1",
    )  # fmt: skip
    assert got["new_concern_anti_china_sentiment"].event_ids == ()  # type: ignore[attr-defined]
    assert _groups(got["sco_dialogue"]) == {
        "SCO meetings, 2001-2019": ("2016-04-meeting-cn-kz-kg-tj-uz-1",)
    }
    # Center-2019 is not an SCO exercise; the two SCO ones are before 2010
    assert _groups(got["sco_exercise_yearly"]) == {"SCO exercises, 2010-2019": ()}
    assert got["sco_expert_groups"].event_ids == (  # type: ignore[attr-defined]
        "2012-03-27-mechanism-cn-kz-kg-tj-uz-ru-1",
    )
    assert got["domestic_capacity"].event_ids == ("2014-domestic_capacity-cn-1",)  # type: ignore[attr-defined]


def test_bilateral_findings_keep_the_two_sides_apart(
    frame: pd.DataFrame, partners: list[str]
) -> None:
    got = _by_id(frame, partners)
    act = _groups(got["bilateral_delivers_more"])
    assert act == {
        "bilateral activities, 1996-2019": (
            "2016-joint_patrol_operation-cn-kg-1", "2016-10-bilateral_exercise-cn-tj-1",
            "2017-training_education-cn-kg-1", "2018-infrastructure-cn-tj-1",
            "2018-05-equipment_transfer-cn-tj-1", "2019-bilateral_exercise-cn-kg-1",
            "2019-private_security-cn-kg-1",
        ),
        "multilateral activities, 1996-2019": (
            "2003-08-multilateral_exercise-cn-kz-kg-ru-tj-1",
            "2007-08-multilateral_exercise-cn-kz-kg-tj-uz-ru-1",
            "2019-09-multilateral_exercise-cn-kz-kg-tj-uz-ru-in-pk-1",
        ),
    }  # fmt: skip
    meet = _groups(got["bilateral_more_meetings"])
    bil, mul = meet["bilateral meetings, 1996-2019"], meet["multilateral meetings, 1996-2019"]
    # the counts in the evidence ("9 bilateral and 2 multilateral meetings") are these events
    assert (len(bil), len(mul)) == (9, 2)
    assert set(mul) == {"1996-04-26-meeting-cn-kz-kg-tj-ru-1", "2016-04-meeting-cn-kz-kg-tj-uz-1"}
    assert not set(bil) & set(mul)
    assert got["bilateral_more_meetings"].event_ids == bil + mul  # type: ignore[attr-defined]


def test_index_finding_lists_no_events_and_says_why(
    frame: pd.DataFrame, partners: list[str]
) -> None:
    kg_tj = _by_id(frame, partners)["kg_tj_most_responsive"]
    assert kg_tj.counted == ()  # type: ignore[attr-defined]
    assert kg_tj.counted_note.startswith("No events listed: the index sums")  # type: ignore[attr-defined]


def test_findings_frame_counts_events_not_lists_them(
    frame: pd.DataFrame, partners: list[str]
) -> None:
    from steppewatch.analysis.findings import FINDINGS_COLUMNS, findings_frame

    table = findings_frame(evaluate_claims(frame, partners)).set_index("claim_id")
    assert tuple(table.reset_index().columns) == FINDINGS_COLUMNS
    assert table.loc["bilateral_more_meetings", "events_counted"] == 11
    assert table.loc["kg_tj_most_responsive", "events_counted"] == 0


def test_findings_count_events_by_id_codes_as_by_ids(
    frame: pd.DataFrame, partners: list[str]
) -> None:
    from steppewatch.analysis.findings import Counted, Finding
    from steppewatch.analysis.frame import analysis_frame

    # from the analysis frame (id codes) and from the plain frame (no codes): the same counts
    for given in (analysis_frame(frame), frame):
        for found in evaluate_claims(given, partners):
            assert found.n_events == len(found.event_ids)
    # groups that overlap, one without codes: counted by their ids
    a = Counted("a", ("x", "y"), None, np.array([0, 1]))
    b = Counted("b", ("y", "z"), None, np.array([1, 2]))
    plain = Counted("c", ("z",))
    made = [Finding("c", "claim", "rule", "supported", "", "", groups) for groups in
            [(a, b), (a, plain), (), (a,)]]  # fmt: skip
    assert [f.n_events for f in made] == [3, 3, 0, 2]
