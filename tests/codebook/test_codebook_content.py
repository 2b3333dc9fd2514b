"""Content checks on the shipped codebook v1 (data/codebook/v1.yaml).

The loader and ``steppewatch codebook check`` are tested elsewhere; these tests pin what the
codebook must contain: every code of v1, enough indicators per topic in every language, no
indicator that is known to fire on unrelated text, no duplicates within a code.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from steppewatch.codebook.model import LANGUAGES, Codebook

CODEBOOK_PATH = (
    Path(__file__).resolve().parents[2] / "src" / "steppewatch" / "data" / "codebook" / "v1.yaml"
)

EXPECTED_CODES: dict[str, list[str]] = {
    "event_kind": [
        "meeting",
        "multilateral_exercise",
        "bilateral_exercise",
        "joint_patrol_operation",
        "training_education",
        "equipment_transfer",
        "infrastructure",
        "private_security",
        "mechanism",
        "incident",
        "domestic_capacity",
    ],
    "meeting_level": [
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "interior_public_security",
        "security_council",
        "state_security_intelligence",
        "border_guard_chief",
        "chief_of_general_staff",
        "parliament",
        "party",
        "vice_minister_working",
        "other",
    ],
    "framework": ["bilateral", "SCO", "CICA", "C5+China", "other_multilateral", "unilateral"],
    "domain": [
        "military",
        "law_enforcement",
        "state_security",
        "border_guard",
        "paramilitary",
        "judicial",
        "emergency",
        "defence_industry",
    ],
    "topic": [
        "separatism",
        "terrorism",
        "extremism",
        "three_evils",
        "religion",
        "border_security",
        "border_demarcation",
        "arms_control_cbm",
        "drug_trafficking",
        "organized_crime",
        "illegal_migration",
        "afghanistan",
        "investment_security",
        "citizen_protection",
        "anti_china_sentiment",
        "corruption",
        "regime_stability",
        "leadership_transition",
        "economic_decline",
        "nationalism",
        "information_security",
        "public_health",
    ],
}

# Terms that match far too much unrelated text to indicate any single code.
TOO_BROAD = {"安全", "合作", "security", "cooperation", "безопасност", "сотрудничеств"}
# Russian terms are stems: any single word beginning with these is as broad as the stem itself.
TOO_BROAD_RU_WORD = re.compile(r"^(безопасност|сотрудничеств)[а-я]*$")

MIN_TOPIC_INDICATORS = 8


def _norm(term: str) -> str:
    """Normalise like the matcher does (NFKC, ё->е, lower case), minus the trailing wildcard."""
    text = unicodedata.normalize("NFKC", term).replace("ё", "е").replace("Ё", "Е").lower()
    return text.rstrip("*").strip()


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    with CODEBOOK_PATH.open(encoding="utf-8") as fh:
        return Codebook.model_validate(yaml.safe_load(fh))


def test_version_and_matching_rule(codebook: Codebook) -> None:
    assert codebook.codebook == "steppewatch-core"
    assert codebook.version == "1.0.0"
    assert "ё read as е" in codebook.matching
    assert "сепаратис matches сепаратизм" in codebook.matching


@pytest.mark.parametrize("scheme", sorted(EXPECTED_CODES))
def test_every_v1_code_present_exactly_once(codebook: Codebook, scheme: str) -> None:
    codes = codebook.codes(scheme, active_only=False)
    assert sorted(codes) == sorted(EXPECTED_CODES[scheme])
    assert len(codes) == len(set(codes))


def test_multiple_flags(codebook: Codebook) -> None:
    for name in ("event_kind", "meeting_level", "framework"):
        assert codebook.scheme(name).multiple is False, name
    for name in ("domain", "topic"):
        assert codebook.scheme(name).multiple is True, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_has_enough_indicators(codebook: Codebook, lang: str) -> None:
    thin = {
        c.code: len(getattr(c.indicators, lang))
        for c in codebook.scheme("topic").codes
        if len(getattr(c.indicators, lang)) < MIN_TOPIC_INDICATORS
    }
    assert thin == {}, f"topics with fewer than {MIN_TOPIC_INDICATORS} {lang} indicators"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_indicators_labels_and_notes(codebook: Codebook, lang: str) -> None:
    for scheme in EXPECTED_CODES:
        for c in codebook.scheme(scheme).codes:
            assert getattr(c.indicators, lang), f"{scheme}:{c.code} has no {lang} indicators"
            assert getattr(c.label, lang).strip(), f"{scheme}:{c.code} has no {lang} label"
            assert c.include and c.exclude, f"{scheme}:{c.code} lacks include/exclude notes"
            assert c.added_in == "1.0.0"


def test_no_too_broad_indicator(codebook: Codebook) -> None:
    bad = []
    for scheme in EXPECTED_CODES:
        for c in codebook.scheme(scheme).codes:
            for lang in LANGUAGES:
                for term in getattr(c.indicators, lang):
                    t = _norm(term)
                    if t in TOO_BROAD or TOO_BROAD_RU_WORD.match(t):
                        bad.append(f"{scheme}:{c.code}:{lang}:{term}")
    assert bad == []


def test_no_duplicate_indicator_within_a_code(codebook: Codebook) -> None:
    dupes = []
    for scheme in EXPECTED_CODES:
        for c in codebook.scheme(scheme).codes:
            for lang in LANGUAGES:
                terms = [_norm(t) for t in getattr(c.indicators, lang)]
                seen: set[str] = set()
                for t in terms:
                    if t in seen:
                        dupes.append(f"{scheme}:{c.code}:{lang}:{t}")
                    seen.add(t)
    assert dupes == []


def test_indicators_are_clean_strings(codebook: Codebook) -> None:
    for scheme in EXPECTED_CODES:
        for c in codebook.scheme(scheme).codes:
            for lang in LANGUAGES:
                for term in getattr(c.indicators, lang):
                    assert term == term.strip() and term, f"{scheme}:{c.code}:{lang}:{term!r}"
                    assert "*" not in term.rstrip("*"), f"inner wildcard: {term!r}"
                    if lang == "ru":
                        assert "*" not in term, f"ru terms are stems, no wildcard: {term!r}"
                        # Cyrillic terms must not hide Latin look-alike letters (о/o, а/a, е/e).
                        words = [
                            w for w in term.split() if any("а" <= ch <= "я" for ch in w.lower())
                        ]
                        for w in words:
                            assert not any("a" <= ch <= "z" for ch in w.lower()), (
                                f"mixed Latin/Cyrillic in {scheme}:{c.code}: {term!r}"
                            )


@pytest.mark.parametrize(
    ("scheme", "code", "lang", "term"),
    [
        ("topic", "separatism", "zh", "东伊运"),
        ("topic", "separatism", "ru", "восточного туркестан"),
        ("topic", "three_evils", "zh", "三股势力"),
        ("topic", "three_evils", "ru", "трех сил зла"),
        ("topic", "terrorism", "ru", "террор"),
        ("framework", "SCO", "zh", "上合组织"),
        ("framework", "CICA", "zh", "亚信"),
        ("meeting_level", "foreign_minister", "ru", "министра иностранных дел"),
        ("event_kind", "meeting", "zh", "会见"),
    ],
)
def test_key_native_script_indicators(
    codebook: Codebook, scheme: str, code: str, lang: str, term: str
) -> None:
    assert term in getattr(codebook.code(scheme, code).indicators, lang)
