"""The trained coder (steppewatch.linear.v1): the estimator contract, learning a topic from a
small labelled set of Chinese and Russian snippets, save/load, clear errors when untrained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.errors import ExtractionError
from steppewatch.extract import CodedDocument, get_coder
from steppewatch.extract.trained_coder import LinearCoder

from .conftest import make_doc

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::FutureWarning")

ZH_STATES = ["哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "乌兹别克斯坦"]
RU_STATES = ["Казахстана", "Кыргызстана", "Таджикистана", "Узбекистана"]

# hand-written snippets: drug cooperation, counter-terrorism, economic-only (not relevant)
DRUGS_ZH = "2019年{m}月{d}日，中国公安部与{s}内务部在北京举行会谈，双方同意联合打击毒品走私和跨境贩毒，加强禁毒情报交流，共同查缉海洛因。"
TERROR_ZH = "2018年{m}月{d}日，中国国防部长会见{s}国防部长，双方同意加强反恐合作，联合举行反恐演习，共同打击恐怖组织。"
ECON_ZH = "2017年{m}月{d}日，中国商务部与{s}经济部举行会谈，双方同意扩大农产品贸易和投资，推进产能合作和物流通道建设。"
DRUGS_RU = "{d} мая 2019 г. МВД {s} и Министерство общественной безопасности КНР провели переговоры о совместной борьбе с наркотрафиком, контрабандой героина и незаконным оборотом наркотиков."
TERROR_RU = "{d} июня 2018 г. министры обороны {s} и Китая договорились о совместных антитеррористических учениях и борьбе с террористическими организациями."
ECON_RU = "{d} апреля 2017 г. министры экономики {s} и Китая обсудили рост товарооборота, инвестиции в сельское хозяйство и транзитные перевозки."


def _labels(relevant: bool, topics: list[str], kind: str | None) -> dict[str, object]:
    return {"relevant": relevant, "topics": topics, "domains": [], "kind": kind}


def _training_set() -> list[tuple[object, dict[str, object]]]:
    pairs: list[tuple[object, dict[str, object]]] = []
    for i, (zh, ru) in enumerate(zip(ZH_STATES[:3], RU_STATES[:3], strict=True)):
        m, d = i + 3, i + 10
        pairs += [
            (
                make_doc(DRUGS_ZH.format(m=m, d=d, s=zh)),
                _labels(True, ["drug_trafficking"], "meeting"),
            ),
            (make_doc(TERROR_ZH.format(m=m, d=d, s=zh)), _labels(True, ["terrorism"], "meeting")),
            (make_doc(ECON_ZH.format(m=m, d=d, s=zh)), _labels(False, [], None)),
            (make_doc(DRUGS_RU.format(d=d, s=ru)), _labels(True, ["drug_trafficking"], "meeting")),
            (make_doc(TERROR_RU.format(d=d, s=ru)), _labels(True, ["terrorism"], "meeting")),
            (make_doc(ECON_RU.format(d=d, s=ru)), _labels(False, [], None)),
        ]
    return pairs


@pytest.fixture(scope="module")
def fitted() -> LinearCoder:
    # fallback and blend off: every topic below comes from the learned models alone
    coder = LinearCoder(n_features=2**14, min_examples=2, fallback=False, blend=0.0)
    return coder.fit(_training_set())


def test_registered_and_init_only_stores_parameters() -> None:
    coder = get_coder("steppewatch.linear.v1", C=2.0)
    assert isinstance(coder, LinearCoder)
    assert coder.C == 2.0 and not coder.is_fitted
    assert not [name for name in vars(coder) if name.endswith("_")]


def test_unfitted_coder_says_to_run_train() -> None:
    with pytest.raises(ExtractionError) as caught:
        LinearCoder().code(make_doc(DRUGS_ZH.format(m=1, d=2, s="哈萨克斯坦")))
    assert caught.value.code == "SW456"
    assert "steppewatch train" in str(caught.value)


def test_fit_needs_both_classes() -> None:
    only_relevant = [p for p in _training_set() if p[1]["relevant"]]
    with pytest.raises(ExtractionError, match="SW457"):
        LinearCoder(n_features=2**12).fit(only_relevant)


def test_fit_returns_self_with_learned_attributes(fitted: LinearCoder) -> None:
    assert fitted.is_fitted
    assert fitted.n_examples_ == 18 and fitted.n_relevant_ == 12
    assert set(fitted.topics_) == {"drug_trafficking", "terrorism"}


@pytest.mark.parametrize(
    ("text", "topic", "absent"),
    [
        (DRUGS_ZH.format(m=11, d=20, s="乌兹别克斯坦"), "drug_trafficking", "terrorism"),
        (TERROR_ZH.format(m=12, d=1, s="乌兹别克斯坦"), "terrorism", "drug_trafficking"),
        (DRUGS_RU.format(d=21, s="Узбекистана"), "drug_trafficking", "terrorism"),
        (TERROR_RU.format(d=22, s="Узбекистана"), "terrorism", "drug_trafficking"),
    ],
)
def test_predicts_the_right_topic_on_held_out_text(
    fitted: LinearCoder, text: str, topic: str, absent: str
) -> None:
    coded = fitted.code(make_doc(text))
    assert coded.relevant
    assert topic in coded.topics and absent not in coded.topics
    assert "UZ" in coded.countries
    evidence = [e for e in coded.evidence if e.field == "topic" and e.code == topic]
    assert evidence and evidence[0].text


@pytest.mark.parametrize(
    "text", [ECON_ZH.format(m=9, d=9, s="乌兹别克斯坦"), ECON_RU.format(d=9, s="Узбекистана")]
)
def test_economic_only_held_out_is_not_relevant(fitted: LinearCoder, text: str) -> None:
    coded = fitted.code(make_doc(text))
    assert not coded.relevant
    assert coded.topics == [] and coded.kind is None


def test_output_keeps_the_coder_contract(fitted: LinearCoder) -> None:
    codebook = load_codebook()
    doc = make_doc(DRUGS_RU.format(d=3, s="Узбекистана"))
    coded = fitted.code(doc)
    assert isinstance(coded, CodedDocument)
    assert coded.coder is not None and coded.coder.name == "steppewatch.linear.v1"
    assert coded.codebook_version == codebook.version
    for item in [coded, *coded.items]:
        assert 0.0 <= item.relevance_score <= 1.0
        assert set(item.topics) <= set(codebook.codes("topic"))
        assert item.kind is None or item.kind in codebook.codes("event_kind")
        for evidence in item.evidence:
            assert doc.text[evidence.start : evidence.end] == evidence.text
    assert fitted.code(make_doc(doc.text)).model_dump() == coded.model_dump()


def test_save_and_load_round_trip(fitted: LinearCoder, tmp_path: Path) -> None:
    path = fitted.save(tmp_path / "model.joblib")
    loaded = get_coder("steppewatch.linear.v1", model_path=str(path))
    for text in (
        TERROR_ZH.format(m=5, d=5, s="乌兹别克斯坦"),
        ECON_RU.format(d=5, s="Узбекистана"),
    ):
        assert loaded.code(make_doc(text)).model_dump() == fitted.code(make_doc(text)).model_dump()


def test_bad_model_files_are_clear_errors(fitted: LinearCoder, tmp_path: Path) -> None:
    import joblib

    with pytest.raises(ExtractionError, match="SW458.*not found"):
        LinearCoder.load(tmp_path / "absent.joblib")
    garbage = tmp_path / "garbage.joblib"
    garbage.write_bytes(b"not a model")
    with pytest.raises(ExtractionError, match="SW458"):
        LinearCoder.load(garbage)
    path = fitted.save(tmp_path / "model.joblib")
    state = joblib.load(path)
    state["format_version"] = 99
    joblib.dump(state, path)
    with pytest.raises(ExtractionError, match="format version 99"):
        LinearCoder.load(path)


def test_cli_train_then_evaluate_with_model(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from steppewatch.cli import app

    readouts = tmp_path / "gold" / "readouts"
    readouts.mkdir(parents=True)
    rows = []
    for n, (doc, labels) in enumerate(_training_set()):
        (readouts / f"r{n}.txt").write_text(doc.text, "utf-8")  # type: ignore[attr-defined]
        rows.append({"id": f"r{n}", "path": f"gold/readouts/r{n}.txt", **labels, "countries": []})
    gold = tmp_path / "gold" / "dev.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    model = tmp_path / "linear.joblib"
    runner = CliRunner()
    result = runner.invoke(
        app, ["train", str(gold), "--out", str(model), "--cv", "2", "--min-examples", "2"]
    )
    assert result.exit_code == 0, result.output
    assert model.is_file()
    assert "cross-validated (2 folds)" in result.output
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(gold),
            "--coder",
            "steppewatch.linear.v1",
            "--model",
            str(model),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{") :])
    assert report["coder"] == "steppewatch.linear.v1"
    assert report["counts"]["scored"] == 18
