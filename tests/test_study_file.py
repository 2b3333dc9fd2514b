"""The study file: what it may say (focal names, region, frameworks with membership over time,
publishers, reference claims), how it is checked (every problem at once, each with its field)
and that the files of before issue 16 stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from steppewatch.errors import ValidationFailed
from steppewatch.study import bundled_study_names, load_study

# the PRC study file as it was before the study held frameworks, names and claims
OLD_MINIMAL = """\
id: prc_central_asia
name: PRC security engagement with Central Asia
focal_state: CN
partner_states: [KZ, KG, TJ, UZ, TM]
period_start: 1992
period_end: null
codebook_version: 1.0.0
dataset: prc_central_asia
dataset_version: "2026.12"
periods:
  - {label: "1992-2000", start: 1992, end: 2000}
  - {label: "2021-present", start: 2021, end: null}
"""

BROKEN = """\
id: broken
name: A study with many mistakes
focal_state: RU
partner_states: [KZ, KG, XY]
period_start: 1992
codebook_version: 1.0.0
frameworks:
  - id: csto
    name: Collective Security Treaty Organization
    code: other_multilateral
    members:
      - {state: RU, from: 1992-05-15}
      - {state: UZ, from: 1992-05-15, to: 1999}
      - {state: UZ, from: 1998, to: 2012}
  - id: sco
    name: Shanghai Cooperation Organisation
    code: SCO
    members:
      - {state: RU, from: 2001-06-15}
      - {state: ZQ, from: 2001-06-15}
reference_studies:
  - {id: someone_2020, title: A study}
claims:
  - id: broken_window
    text: Something was true.
    source: someone_2020
    rule: {metric: framework_dialogue, windows: [{start: 2003, end: 1999}], params: {framework: SCO}}
  - id: no_source
    text: Something else was true.
    source: nobody_2021
    rule: {metric: bilateral_meetings, windows: [{start: 1993, end: 2020}]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "study.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_old_minimal_study_file_stays_valid(tmp_path: Path) -> None:
    study = load_study(_write(tmp_path, OLD_MINIMAL))
    assert study.focal_state == "CN" and study.partner_states == ["KZ", "KG", "TJ", "UZ", "TM"]
    assert study.frameworks == [] and study.claims == [] and study.region is None


def test_every_problem_of_a_study_file_is_reported_at_once_with_its_field(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, BROKEN)
    with pytest.raises(ValidationFailed) as caught:
        load_study(path)
    error = caught.value
    assert error.code == "SW112" and str(path) in str(error)
    fields = {issue.field for issue in error.issues}
    assert "partner_states" in fields  # XY is not ISO 3166
    assert "frameworks.1.members.1.state" in fields  # ZQ is not ISO 3166 (nor user-assigned)
    assert "frameworks.0" in fields  # UZ's memberships overlap
    assert "claims.0.rule.windows.0" in fields  # the window 2003-1999
    messages = " ".join(issue.message for issue in error.issues)
    assert "XY" in messages and "ZQ" in messages and "overlap" in messages
    assert "2003-1999" in messages
    # the model-wide check (a claim's unknown source) runs when the fields are valid
    fixed = BROKEN.replace("[KZ, KG, XY]", "[KZ, KG]").replace("ZQ", "KG")
    fixed = fixed.replace("from: 1998", "from: 2006").replace("end: 1999}", "end: 2009}")
    with pytest.raises(ValidationFailed, match="nobody_2021"):
        load_study(_write(tmp_path, fixed))


def test_a_focal_state_among_its_partners_is_an_error(tmp_path: Path) -> None:
    text = OLD_MINIMAL.replace("[KZ, KG, TJ, UZ, TM]", "[KZ, CN]")
    with pytest.raises(ValidationFailed, match="focal state CN is also a partner"):
        load_study(_write(tmp_path, text))


def test_an_unknown_claim_metric_is_an_error(tmp_path: Path) -> None:
    text = (
        OLD_MINIMAL
        + """\
reference_studies: [{id: fpri_2022, title: China's Security Management Towards Central Asia}]
claims:
  - {id: c1, text: A claim., source: fpri_2022, rule: {metric: vibes, windows: [{start: 2000, end: 2001}]}}
"""
    )
    with pytest.raises(ValidationFailed, match="unknown metric 'vibes'") as caught:
        load_study(_write(tmp_path, text))
    assert caught.value.issues[0].field == "claims.0.rule.metric"


def test_bundled_studies_load_by_name() -> None:
    assert {"prc_central_asia", "russia_central_asia"} <= set(bundled_study_names())
    russia = load_study("russia_central_asia")
    assert russia.focal_state == "RU" and russia.partner_states == ["KZ", "KG", "TJ", "UZ", "TM"]
    csto = next(f for f in russia.frameworks if f.id == "csto")
    assert set(csto.members_on("2008-06-01")) == {"RU", "KZ", "KG", "TJ", "AM", "BY", "UZ"}
    assert "UZ" not in csto.members_on("2013-06-01") and "UZ" in csto.members_on("2012")


def test_sco_membership_over_time() -> None:
    study = load_study()
    sco = {f.id: f for f in study.frameworks}
    assert set(sco["sco"].members_on("2001-06-15")) == {"CN", "KZ", "KG", "RU", "TJ", "UZ"}
    assert {"IN", "PK"} <= set(sco["sco"].members_on("2017-06-09"))
    assert "IR" not in sco["sco"].members_on("2023-07-03")
    assert "IR" in sco["sco"].members_on("2023-07-04")
    assert "BY" in sco["sco"].members_on("2024-07-04")
    assert "TM" not in sco["sco"].members_on("2024-07-04")
    assert set(sco["shanghai_five"].members_on("1998-07-03")) == {"CN", "KZ", "KG", "RU", "TJ"}
    assert sco["sco"].members_on("1998-07-03") == []
    # with no date, only the partners that ever were members
    assert sco["sco"].members_on(None, ("KZ", "KG", "TJ", "UZ", "TM")) == ["KZ", "KG", "TJ", "UZ"]


def test_the_prc_study_holds_the_claims_the_report_checks(tmp_path: Path) -> None:
    """The FPRI claims of analysis/findings.py are entries of the PRC study file (same ids and
    texts) so that the report can read them from there."""
    from steppewatch.analysis.findings import evaluate_claims
    from tests.analysis.fixture_events import fixture_store

    study = load_study()
    store = fixture_store(tmp_path / "t.db")
    try:
        frame = store.events_frame()
    finally:
        store.close()
    findings = evaluate_claims(frame, study.partner_states)
    assert [(f.claim_id, f.claim) for f in findings] == [(c.id, c.text) for c in study.claims]
    assert {c.source for c in study.claims} == {"fpri_2022"}


def test_a_study_whose_gazetteer_lacks_its_states_says_so(tmp_path: Path) -> None:
    from steppewatch.errors import InputError
    from steppewatch.extract import extract_document, get_coder

    # QV (ISO user-assigned) is valid in a study file but the bundled gazetteer has no names
    study = load_study(_write(tmp_path, OLD_MINIMAL.replace("focal_state: CN", "focal_state: QV")))
    document = extract_document(b"Kyrgyzstan and QV held talks on terrorism.", source="a.txt")
    with pytest.raises(InputError, match=r"\[SW116\].*no names for QV"):
        get_coder(study=study).code(document)
    missing = OLD_MINIMAL + "gazetteer: no_such_folder\n"
    with pytest.raises(InputError, match=r"\[SW115\] gazetteer folder not found"):
        get_coder(study=load_study(_write(tmp_path, missing))).code(document)


def test_a_gazetteer_folder_is_found_beside_the_study_file(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    study = load_study(_write(tmp_path, OLD_MINIMAL + "gazetteer: names\n"))
    assert study.gazetteer == str(folder)
