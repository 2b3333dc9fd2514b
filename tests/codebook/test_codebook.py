"""The codebook is data: the shipped file validates, its schema is current, the manual is complete."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import yaml

from steppewatch.codebook import (
    check_codebook_data,
    default_codebook_path,
    generated_schema,
    load_codebook,
)
from steppewatch.codebook.manual import render_manual

DESIGN_CODES = {
    "event_kind": "meeting multilateral_exercise bilateral_exercise joint_patrol_operation training_education "
    "equipment_transfer infrastructure private_security mechanism incident domestic_capacity",
    "meeting_level": "head_of_state head_of_government foreign_minister defence_minister interior_public_security "
    "security_council state_security_intelligence border_guard_chief chief_of_general_staff "
    "parliament party vice_minister_working other",
    "framework": "bilateral SCO CICA C5+China other_multilateral unilateral",
    "domain": "military law_enforcement state_security border_guard paramilitary judicial emergency defence_industry",
    "topic": "separatism terrorism extremism three_evils religion border_security border_demarcation arms_control_cbm "
    "drug_trafficking organized_crime illegal_migration afghanistan investment_security citizen_protection "
    "anti_china_sentiment corruption regime_stability leadership_transition economic_decline nationalism "
    "information_security public_health",
}


def test_shipped_schema_is_generated_from_the_model() -> None:
    shipped = json.loads(
        (resources.files("steppewatch") / "data" / "codebook" / "codebook.schema.json").read_text(
            "utf-8"
        )
    )
    assert shipped == generated_schema(), (
        "regenerate with: steppewatch codebook schema > src/steppewatch/data/codebook/codebook.schema.json"
    )


def test_shipped_codebook_is_valid_and_has_every_design_code() -> None:
    data = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    assert check_codebook_data(data) == []
    codebook = load_codebook()
    for scheme, codes in DESIGN_CODES.items():
        assert codebook.codes(scheme) == codes.split(), scheme
    assert codebook.version == "1.0.0"


def test_check_reports_every_problem_at_once() -> None:
    data = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    topics = data["schemes"]["topic"]["codes"]
    topics[1]["code"] = topics[0]["code"]  # duplicate code
    topics[2]["indicators"]["zh"] = topics[2]["indicators"]["zh"] + [
        topics[2]["indicators"]["zh"][0]
    ]
    topics[3]["replaced_by"] = "no_such_code"
    data["schemes"]["domain"]["codes"][0]["indicators"]["ru"] = []
    issues = check_codebook_data(data, source="cb.yaml")
    types = sorted(i.type for i in issues)
    assert types == [
        "duplicate-code",
        "duplicate-indicator",
        "missing-indicators",
        "replacement-without-retirement",
        "unknown-replacement",
    ]
    structural = check_codebook_data({"codebook": "x", "version": "v1", "schemes": {"topic": {}}})
    assert len(structural) >= 4 and all(i.type == "schema" for i in structural)


def test_manual_documents_every_code_in_three_languages() -> None:
    codebook = load_codebook()
    manual = render_manual(codebook)
    for scheme in DESIGN_CODES:
        for code in codebook.scheme(scheme).codes:
            assert f"### `{code.code}` — {code.label.en}" in manual
            assert code.label.zh in manual and code.label.ru in manual
    assert "三股势力" in manual and "сепаратис" in manual


def test_load_invalid_codebook_raises_coded_error(tmp_path: Path) -> None:
    import pytest

    from steppewatch.errors import CodebookError

    path = tmp_path / "cb.yaml"
    path.write_text("codebook: [unclosed\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"SW203.*line"):
        load_codebook(path)
    path.write_text("codebook: x\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="SW204"):
        load_codebook(path)
