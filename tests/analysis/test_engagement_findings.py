from __future__ import annotations

from pathlib import Path

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
        "supported", "not supported", "not enough data",
    }  # fmt: skip
