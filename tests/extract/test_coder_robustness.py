"""Robustness of the default coder to how the codebook is written (issue 13, point 5), in the
spirit of the reliability studies of event coders: reordering the codebook's codes and
indicators, renaming labels or swapping two definitions must not change the output; swapping
the indicator lists of two topics must swap exactly those two topics. Over the documents of
gold/dev.jsonl (the readouts in the repository always; the real pages when ../shared is there)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from steppewatch.codebook.load import default_codebook_path
from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.gold import load_gold, read_gold_documents

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "gold" / "dev.jsonl"
# two topics of equal weight that no rule names (border_security is named since the sixteenth
# round: a border a security word governs, coder_protected)
SWAP = ("illegal_migration", "corruption")
# a readout whose only leadership word is the president's title: the topic layer withholds it
LEADER_OF_THE_NATION = (
    "Телефонный разговор Президента Таджикистана с Председателем КНР\n"
    "Душанбе, 12 марта 2026. Основатель мира и национального единства – Лидер нации, Президент "
    "Республики Таджикистан Эмомали Рахмон провел телефонный разговор с Председателем Китайской "
    "Народной Республики Си Цзиньпином. Стороны обсудили сотрудничество в борьбе с терроризмом и "
    "экстремизмом и ситуацию в Афганистане."
)


@pytest.fixture(scope="module")
def dev_documents() -> list[Any]:
    extracted, _, _ = read_gold_documents(load_gold(DEV), DEV, None)
    documents = [text for _, text in extracted]
    assert len(documents) >= 55  # the readouts at least
    return documents


@pytest.fixture(scope="module")
def codebook() -> dict[str, Any]:
    return yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))


def _write(data: dict[str, Any], folder: Path, name: str) -> str:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def _codes(coder: CodebookCoder, documents: list[Any]) -> list[dict[str, Any]]:
    out = []
    for document in documents:
        record = coder.code(document).model_dump(exclude={"text", "codebook_version"})
        out.append(record)
    return out


@pytest.fixture(scope="module")
def baseline(
    dev_documents: list[Any], tmp_path_factory: pytest.TempPathFactory, codebook: dict[str, Any]
) -> list[dict[str, Any]]:
    # the same codebook written back through YAML: only the edit under test differs
    folder = tmp_path_factory.mktemp("codebook")
    return _codes(CodebookCoder(codebook_path=_write(codebook, folder, "same.yaml")), dev_documents)


def _edited(codebook: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(codebook))


def test_reordering_codes_and_indicators_changes_nothing(
    dev_documents: list[Any],
    baseline: list[dict[str, Any]],
    codebook: dict[str, Any],
    tmp_path: Path,
) -> None:
    data = _edited(codebook)
    shuffle = random.Random(13)
    for scheme in data["schemes"].values():
        shuffle.shuffle(scheme["codes"])
        for code in scheme["codes"]:
            for terms in code.get("indicators", {}).values():
                shuffle.shuffle(terms)
    coder = CodebookCoder(codebook_path=_write(data, tmp_path, "reordered.yaml"))
    assert _codes(coder, dev_documents) == baseline


def test_renaming_labels_and_swapping_definitions_changes_nothing(
    dev_documents: list[Any],
    baseline: list[dict[str, Any]],
    codebook: dict[str, Any],
    tmp_path: Path,
) -> None:
    data = _edited(codebook)
    for scheme in data["schemes"].values():
        for code in scheme["codes"]:
            code["label"] = {lang: f"{text} (renamed)" for lang, text in code["label"].items()}
    topics = {c["code"]: c for c in data["schemes"]["topic"]["codes"]}
    a, b = topics[SWAP[0]], topics[SWAP[1]]
    a["definition"], b["definition"] = b["definition"], a["definition"]
    coder = CodebookCoder(codebook_path=_write(data, tmp_path, "renamed.yaml"))
    assert _codes(coder, dev_documents) == baseline


def _swap_topics(record: dict[str, Any]) -> dict[str, Any]:
    swap = {SWAP[0]: SWAP[1], SWAP[1]: SWAP[0]}
    record = json.loads(json.dumps(record))
    for part in [record, *record["items"]]:
        part["topics"] = sorted(swap.get(t, t) for t in part["topics"])
        for evidence in part["evidence"]:
            if evidence["field"] == "topic":
                evidence["code"] = swap.get(evidence["code"], evidence["code"])
        topics = [e for e in part["evidence"] if e["field"] == "topic"]
        others = [e for e in part["evidence"] if e["field"] != "topic"]
        part["evidence"] = others + sorted(topics, key=lambda e: e["code"])
    return record


def test_swapping_two_topics_indicators_swaps_exactly_those_topics(
    dev_documents: list[Any],
    codebook: dict[str, Any],
    tmp_path: Path,
) -> None:
    # the learned topic layer (learned_topics.py) is fitted for the shipped indicators and is
    # off for a codebook with other indicators (next test): the swap is checked on the
    # indicators' rules, the layer off on both sides
    data = _edited(codebook)
    topics = {c["code"]: c for c in data["schemes"]["topic"]["codes"]}
    a, b = topics[SWAP[0]], topics[SWAP[1]]
    a["indicators"], b["indicators"] = b["indicators"], a["indicators"]
    coder = CodebookCoder(codebook_path=_write(data, tmp_path, "swapped.yaml"), topic_layer=False)
    swapped = _codes(coder, dev_documents)
    baseline = _codes(
        CodebookCoder(codebook_path=_write(codebook, tmp_path, "same.yaml"), topic_layer=False),
        dev_documents,
    )
    assert any(SWAP[0] in r["topics"] for r in baseline)  # the test means something on dev
    assert [_swap_topics(r) for r in swapped] == [_swap_topics(_swap_topics(r)) for r in baseline]


def test_learned_topic_layer_is_off_for_other_indicators(
    dev_documents: list[Any],
    codebook: dict[str, Any],
    tmp_path: Path,
) -> None:
    data = _edited(codebook)
    topics = {c["code"]: c for c in data["schemes"]["topic"]["codes"]}
    a, b = topics[SWAP[0]], topics[SWAP[1]]
    a["indicators"], b["indicators"] = b["indicators"], a["indicators"]
    path = _write(data, tmp_path, "swapped.yaml")
    with_layer = _codes(CodebookCoder(codebook_path=path), dev_documents)
    assert with_layer == _codes(CodebookCoder(codebook_path=path, topic_layer=False), dev_documents)
    # and on for the shipped indicators: it withholds a topic (else this means nothing). Not
    # asked of dev: since the thirteenth round's rules withhold dev's one case themselves (a
    # border marker checked on a patrol), so a readout's honorific title is the case here
    same = _write(codebook, tmp_path, "same.yaml")
    honorific = extract_document(LEADER_OF_THE_NATION.encode("utf-8"), source="honorific.txt")
    shipped = CodebookCoder(codebook_path=same).code(honorific)
    rules = CodebookCoder(codebook_path=same, topic_layer=False).code(honorific)
    assert "leadership_transition" in set(rules.topics) - set(shipped.topics)
    assert _codes(CodebookCoder(codebook_path=path), [honorific]) == _codes(
        CodebookCoder(codebook_path=path, topic_layer=False), [honorific]
    )
