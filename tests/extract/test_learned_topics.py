"""The learned topic layer (``extract/learned_topics.py``): it withholds a topic the indicators
found when the default coder's reading of the document makes it unlikely, and never adds one.
Contrast texts are written for these tests (zh/ru/en), none copied from a gold text."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.errors import InputError
from steppewatch.extract import extract_document
from steppewatch.extract.calibration import HELD_OUT
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.learned_topics import (
    LAYER_FILE,
    TUNING_SETS,
    WITHHELD_FIELD,
    codebook_fingerprint,
    fit_topic_layer,
    layer_from_json,
    load_topic_layer,
    training_rows,
)
from steppewatch.extract.model import CodedDocument
from steppewatch.study import resolve_study

REPO = Path(__file__).resolve().parents[2]


def _code(text: str, layer: bool = True) -> CodedDocument:
    document = extract_document(text.encode("utf-8"), source="contrast.txt")
    return CodebookCoder(topic_layer=layer).code(document)


def _withheld(record: CodedDocument) -> dict[str, float | None]:
    return {
        e.code: e.confidence
        for item in (record.items or [record])
        for e in item.evidence
        if e.field == WITHHELD_FIELD
    }


RU_EXTRADITION = (
    "Казахстан экстрадировал в Китай подозреваемого в мошенничестве\n"
    "АСТАНА, 14 октября 2026. Полиция Казахстана в ходе совместной операции с Министерством "
    "общественной безопасности КНР задержала и передала китайской стороне гражданина КНР, "
    "разыскиваемого за телефонное мошенничество, сообщило МВД республики."
)
# (fifteenth round: citizens handed over as suspects code no citizen_protection by the rules
# alone, so the mechanism test below uses Chinese citizens as victims of a fraud ring)
RU_FRAUD_VICTIMS = (
    "Казахстан и Китай пресекли деятельность колл-центра мошенников\n"
    "АСТАНА, 14 октября 2026. Полиция Казахстана в ходе совместной операции с Министерством "
    "общественной безопасности КНР пресекла деятельность преступной группы, которая путем "
    "телефонного мошенничества обманывала граждан КНР, сообщило МВД республики."
)
RU_ATTACK = (
    "На границе Таджикистана напали на китайских рабочих\n"
    "ДУШАНБЕ, 14 октября 2026. Вооруженные люди напали на лагерь китайской горнодобывающей "
    "компании в Хатлонской области, ранены двое граждан КНР. Посольство Китая призвало власти "
    "Таджикистана обеспечить безопасность китайских граждан, ГКНБ задержал троих подозреваемых."
)
ZH_LIBRARY = (
    "王小洪会见哈萨克斯坦内务部长\n"
    "2026年10月14日，国务委员、公安部部长王小洪在北京会见哈萨克斯坦内务部长萨杰诺夫。双方就深化"
    "反恐、禁毒执法合作交换意见。萨杰诺夫此前曾在首任总统图书馆出席活动。"
)
ZH_ATTACK = (
    "中国公民在吉尔吉斯斯坦遇袭 使馆要求保护\n"
    "2026年10月14日，一伙不明身份人员在吉尔吉斯斯坦纳伦州袭击一处中资企业营地，造成两名中国公民"
    "受伤。中国驻吉尔吉斯斯坦大使馆要求吉方切实保障中国公民和企业安全，吉警方已拘留三名嫌疑人。"
)
EN_FLOWERS = (
    "Kazakhstan, China discuss counter-terrorism cooperation\n"
    "ASTANA, Oct 2, 2026 - Kazakh Interior Minister Yerzhan Sadenov and Chinese Minister of Public "
    "Security Wang Xiaohong discussed joint work against terrorism and drug trafficking at talks "
    "in Astana on Friday. Wang also laid flowers at the monument to the First President."
)
EN_ATTACK = (
    "Chinese workers attacked at Kyrgyz mine, embassy demands protection\n"
    "BISHKEK, May 12, 2026 - Three Chinese workers were injured when local residents attacked a "
    "Chinese-owned gold mine in Naryn region on Monday. The Chinese embassy urged the Kyrgyz "
    "authorities to protect the safety of Chinese citizens and enterprises, and Kyrgyz police "
    "detained five suspects."
)


def test_ru_a_topic_the_layer_finds_unlikely_is_withheld_with_its_probability(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The mechanism, with a layer whose citizen_protection model says 'unlikely' whatever the
    features: the topic leaves the item, its span stays as topic_withheld evidence with the
    probability, other topics stay. (The shipped layer withheld citizen_protection here until
    test9 joined its training data; what it decides on one text follows the gold, so this test
    fixes the layer instead.)"""
    from steppewatch.extract import codebook_coder
    from steppewatch.extract.learned_topics import TopicLayer, TopicModel

    unlikely = TopicLayer(
        fingerprint=codebook_fingerprint(load_codebook()),
        models={"citizen_protection": TopicModel(bias=-5.0, weights={})},
    )
    monkeypatch.setattr(codebook_coder, "load_topic_layer", lambda: unlikely)
    rules, layer = _code(RU_FRAUD_VICTIMS, layer=False), _code(RU_FRAUD_VICTIMS)
    assert "citizen_protection" in rules.topics  # the indicator граждан КНР
    assert "citizen_protection" not in layer.topics
    assert "organized_crime" in layer.topics  # the fraud the operation was about stays
    withheld = _withheld(layer)
    assert set(withheld) == {"citizen_protection"}
    assert withheld["citizen_protection"] == round(1 / (1 + math.exp(5.0)), 3)


def test_ru_zh_en_prc_citizens_attacked_keep_citizen_protection() -> None:
    for text in (RU_ATTACK, ZH_ATTACK, EN_ATTACK):
        record = _code(text)
        assert "citizen_protection" in record.topics, text[:30]
        assert _withheld(record) == {}


def test_zh_and_en_first_president_named_is_no_leadership_transition() -> None:
    for text in (ZH_LIBRARY, EN_FLOWERS):
        rules, layer = _code(text, layer=False), _code(text)
        assert "leadership_transition" in rules.topics
        assert "leadership_transition" not in layer.topics
        assert {"terrorism", "drug_trafficking"} <= set(layer.topics)  # what the sides discussed
        assert set(rules.topics) - set(layer.topics) == {"leadership_transition"}


def test_the_layer_never_adds_a_topic() -> None:
    for text in (RU_EXTRADITION, RU_ATTACK, ZH_LIBRARY, ZH_ATTACK, EN_FLOWERS, EN_ATTACK):
        assert set(_code(text).topics) <= set(_code(text, layer=False).topics)


def test_shipped_weights_load_and_fit_the_shipped_codebook() -> None:
    layer = load_topic_layer()
    assert layer is not None and layer.models
    assert layer.fingerprint == codebook_fingerprint(load_codebook())
    data = json.loads(LAYER_FILE.read_text(encoding="utf-8"))
    assert data["fitted_on"] == [f"{name}.jsonl" for name in TUNING_SETS]
    assert not set(data["fitted_on"]) & set(HELD_OUT)


def test_every_feature_the_weights_name_is_one_the_feature_code_makes() -> None:
    codebook = load_codebook()
    codes = {
        scheme: {c.code for c in codebook.scheme(scheme).codes}
        for scheme in ("event_kind", "meeting_level", "framework", "domain", "topic")
    }
    states = set(resolve_study(None).partner_states) | {
        "RU",
        "IN",
        "PK",
        "IR",
        "BY",
        "AF",
        "MN",
        "TR",
        "AZ",
        "US",
        "IQ",
        "KP",
        "JP",
        "KR",
    }
    allowed = {
        "topic": codes["topic"],
        "domain": codes["domain"],
        "kind": codes["event_kind"],
        "level": codes["meeting_level"],
        "framework": codes["framework"],
    }
    pattern = re.compile(r"^(base|ev):(topic|domain|kind|level|framework|country)=(.+)$")
    data = json.loads(LAYER_FILE.read_text(encoding="utf-8"))
    for topic, model in data["topics"].items():
        assert topic in codes["topic"]
        for name in model["weights"]:
            if name in ("base:score", "base:relevant", "base:n_countries"):
                continue
            match = pattern.match(name)
            assert match, name
            field, code = match.group(2), match.group(3)
            if field == "country":
                assert re.fullmatch(r"[A-Z]{2}", code), name
                assert code in states or len(code) == 2
            else:
                assert code in allowed[field], name


@pytest.mark.parametrize("name", HELD_OUT)
def test_fitting_refuses_the_held_out_sets_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        training_rows(path)
    assert caught.value.code == "SW397"
    with pytest.raises(InputError):
        fit_topic_layer([REPO / "gold" / "tune2.jsonl", path])


def test_a_layer_file_of_another_format_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        layer_from_json({"format": "steppewatch.linear", "format_version": 1})
    assert caught.value.code == "SW396"


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_fit_command_writes(
    tmp_path: Path, china_fm_dir: Path
) -> None:
    """Fitted on every tuning set, dev's and real_tune's MFA pages included (read from
    ../shared: without it the fit would silently see fewer documents, so the test skips)."""
    from steppewatch.extract.learned_topics import main

    out = tmp_path / "layer.json"
    paths = [str(REPO / "gold" / f"{name}.jsonl") for name in TUNING_SETS]
    assert main(["fit", *paths, "--out", str(out)]) == 0
    assert out.read_bytes() == LAYER_FILE.read_bytes()
