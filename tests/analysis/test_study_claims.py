"""The report's findings come from the study's claims (issue 16): the bundled PRC study's
verdicts on the bundled dataset are pinned here, as the hard-coded rules gave them before the
claims became data, so that reading the rules from the study file changed no verdict, number,
window, note or counted event.

``prc_findings_pinned.json`` was written from the hard-coded rules (commit "findings: pin
today's verdicts ... on the bundled dataset"; its ``rules``, the rule texts, from the same run,
added when the study file's rule texts got the ``{window}`` placeholder) and must not be
regenerated to make this test pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from steppewatch.analysis.findings import evaluate_claims
from steppewatch.analysis.frame import analysis_frame
from steppewatch.analysis.sensitivity import claims_sensitivity
from steppewatch.report.build import DEFAULT_STATUSES, _load_frame
from steppewatch.report.limits import members_at_from
from steppewatch.store import EventFilter, open_store
from steppewatch.store.importing import load_bundled_dataset
from steppewatch.study import load_study
from steppewatch.study_schema import ClaimWindow

PINNED = json.loads((Path(__file__).parent / "prc_findings_pinned.json").read_text("utf-8"))

VERDICTS = {
    "separatism_1990s": "supported",
    "new_concern_investment_security": "supported",
    "new_concern_anti_china_sentiment": "code not applied in this dataset",
    "new_concern_leadership_transition": "code not applied in this dataset",
    "sco_dialogue": "supported",
    "sco_exercise_yearly": "not supported",
    "sco_expert_groups": "not enough data",
    "bilateral_delivers_more": "supported",
    "bilateral_more_meetings": "not supported",
    "kg_tj_most_responsive": "not supported",
    "domestic_capacity": "supported",
}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The bundled dataset's frame as the report loads it (curated, accepted, edited)."""
    store = open_store(str(tmp_path_factory.mktemp("bundled") / "b.db"))
    try:
        load_bundled_dataset(store, load_study())
        return _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))
    finally:
        store.close()


def test_bundled_prc_verdicts_are_as_pinned(bundled: pd.DataFrame) -> None:
    study = load_study()
    found = evaluate_claims(analysis_frame(bundled), study.partner_states)
    assert {f.claim_id: f.verdict for f in found} == VERDICTS
    got = [
        {
            "claim_id": f.claim_id,
            "verdict": f.verdict,
            "evidence": f.evidence,
            "window": f.window,
            "note": f.note,
            "counted_note": f.counted_note,
            "counted": [[c.label, list(c.ids)] for c in f.counted],
        }
        for f in found
    ]
    for mine, pinned in zip(got, PINNED["findings"], strict=True):
        assert mine == pinned, mine["claim_id"]
    # the rule texts too, with {window} filled in: the one change is that the separatism rule
    # names the window it used (the data start in 1992), not the claim's 1990-1999
    rules = {f.claim_id: f.rule for f in found}
    expected = dict(PINNED["rules"])
    expected["separatism_1990s"] = expected["separatism_1990s"].replace("1990-1999", "1992-1999")
    assert rules == expected


def test_bundled_prc_sensitivity_is_as_pinned(bundled: pd.DataFrame) -> None:
    study = load_study()
    sens = claims_sensitivity(bundled, study.partner_states, members_at=members_at_from(study))
    rows = sens.drop(columns=["claim"]).to_dict(orient="records")
    assert rows == PINNED["sensitivity"]


def test_every_metric_a_claim_can_name_has_a_rule() -> None:
    from steppewatch.analysis.findings import RULES
    from steppewatch.study_schema import CLAIM_METRICS

    assert set(RULES) == set(CLAIM_METRICS)


def test_the_rule_settings_come_from_the_study_file(bundled: pd.DataFrame) -> None:
    """Thresholds, windows, params and texts are the file's: change them and the verdicts and
    texts follow; a claim with two windows gives a finding per window."""
    study = load_study()
    frame = analysis_frame(bundled)
    by_id = {c.id: c for c in study.claims}
    sep = by_id["separatism_1990s"].model_copy(deep=True)
    sep.rule.threshold = 0.99
    sep.text = "Separatism was all they talked about."
    (strict,) = evaluate_claims(frame, study.partner_states, [sep])
    assert (strict.claim_id, strict.claim, strict.verdict) == (
        "separatism_1990s", "Separatism was all they talked about.", "not supported"
    )  # fmt: skip
    assert strict.rule == sep.rule.text.strip().replace("{window}", "1992-1999")

    leaders = by_id["kg_tj_most_responsive"].model_copy(deep=True)
    leaders.rule.params = {"countries": ["KZ", "KG"]}
    (kz_kg,) = evaluate_claims(frame, study.partner_states, [leaders])
    assert kz_kg.verdict == "not supported" and "KZ and KG are the top two" in kz_kg.evidence
    (absent,) = evaluate_claims(frame, ["KZ", "UZ"], [by_id["kg_tj_most_responsive"]])
    assert absent.verdict == "not enough data"
    assert absent.evidence == "KG or TJ is not among the countries analysed."

    yearly = by_id["sco_exercise_yearly"].model_copy(deep=True)
    yearly.rule.windows = [ClaimWindow(start=2010, end=2014), ClaimWindow(start=2015, end=2020)]
    first, second = evaluate_claims(frame, study.partner_states, [yearly])
    assert (first.claim_id, first.window) == ("sco_exercise_yearly_2010_2014", "2010-2014")
    assert (second.claim_id, second.window) == ("sco_exercise_yearly_2015_2020", "2015-2020")
    assert "After 2014" in first.evidence


def test_a_study_with_no_claims_gives_no_findings(bundled: pd.DataFrame) -> None:
    russia = load_study("russia_central_asia")
    frame = analysis_frame(bundled)
    assert evaluate_claims(frame, russia.partner_states, []) == []
    sens = claims_sensitivity(bundled, russia.partner_states, claims=[])
    assert sens.empty and list(sens.columns) == ["claim_id", "claim", "verdict"]


def test_a_rule_without_text_in_the_file_is_described_from_its_settings(
    bundled: pd.DataFrame,
) -> None:
    from steppewatch.study_schema import Claim

    claim = Claim.model_validate(
        {
            "id": "kz_dialogue",
            "text": "Kazakhstan meets at many levels.",
            "source": "x",
            "rule": {
                "metric": "framework_dialogue",
                "windows": [{"start": 2001, "end": 2020}],
                "threshold": 0.5,
                "min_events": 3,
                "params": {"framework": "SCO", "min_levels": 3},
            },
        }
    )
    (found,) = evaluate_claims(analysis_frame(bundled), ["KZ"], [claim])
    assert found.rule == (
        "Metric framework_dialogue over the window; threshold 0.5; at least 3 events; "
        "framework SCO; min_levels 3."
    )
    assert found.verdict == "supported"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            {"metric": "new_concern", "params": {"topics": ["corruption"]}},
            "needs params split_year",
        ),
        ({"metric": "top_partners"}, "needs params countries"),
        (
            {
                "metric": "framework_mechanisms",
                "params": {"framework": "SCO", "title_pattern": "("},
            },
            "not a regular expression",
        ),
    ],
)
def test_a_claim_missing_what_its_metric_needs_is_a_study_file_error(
    tmp_path: Path, rule: dict[str, object], message: str
) -> None:
    """Reported when the study file is read ([SW112], with the field), not when the report
    runs the rule."""
    import yaml

    from steppewatch.errors import ValidationFailed
    from steppewatch.study import default_study_path

    data = yaml.safe_load(default_study_path().read_text(encoding="utf-8"))
    data["claims"][0]["rule"] = {"windows": [{"start": 2001, "end": 2020}], **rule}
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"\[SW112\].*" + message) as caught:
        load_study(path)
    assert caught.value.issues[0].field == "claims.0.rule"
