"""The report's findings come from the study's claims (issue 16): the bundled PRC study's
verdicts on the bundled dataset are pinned here, as the hard-coded rules gave them before the
claims became data, so that reading the rules from the study file changed no verdict, number,
window, note or counted event.

``prc_findings_pinned.json`` was written from the hard-coded rules (commit "findings: pin
today's verdicts on the bundled dataset") and must not be regenerated to make this test pass.
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


def test_bundled_prc_sensitivity_is_as_pinned(bundled: pd.DataFrame) -> None:
    study = load_study()
    sens = claims_sensitivity(bundled, study.partner_states, members_at=members_at_from(study))
    rows = sens.drop(columns=["claim"]).to_dict(orient="records")
    assert rows == PINNED["sensitivity"]
