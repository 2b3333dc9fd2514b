"""Evaluation metrics on hand-made predictions with answers computed by hand, the gold-file
reader, and ``steppewatch evaluate`` end to end on small gold files written in the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.errors import InputError, ValidationFailed
from steppewatch.extract import CodedDocument
from steppewatch.extract.evaluate import (
    GoldDocument,
    Prediction,
    binary_scores,
    confusion_table,
    date_interval,
    date_scores,
    evaluate,
    kind_scores,
    load_gold,
    multilabel_scores,
    resolve_gold_path,
    score_predictions,
)


def test_binary_scores_by_hand() -> None:
    gold = [True, True, True, False, False, False]
    pred = [True, True, False, True, False, False]
    s = binary_scores(gold, pred)
    assert (s.tp, s.fp, s.fn, s.tn) == (2, 1, 1, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.accuracy == pytest.approx(4 / 6)


def test_binary_scores_no_positive_predictions_is_zero_not_error() -> None:
    s = binary_scores([True, False], [False, False])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_micro_and_macro_differ_on_a_frequent_and_a_rare_code() -> None:
    # terrorism: 4 gold, all found, no false positive -> P=R=F1=1
    # separatism: 1 gold, missed, 1 false positive -> P=R=F1=0
    gold = [{"terrorism"}, {"terrorism"}, {"terrorism"}, {"terrorism", "separatism"}, set()]
    pred = [{"terrorism"}, {"terrorism"}, {"terrorism"}, {"terrorism"}, {"separatism"}]
    s = multilabel_scores(gold, pred)
    # micro: tp=4, fp=1, fn=1 -> P=R=F1=0.8
    assert s.micro.precision == pytest.approx(0.8)
    assert s.micro.recall == pytest.approx(0.8)
    assert s.micro.f1 == pytest.approx(0.8)
    # macro: mean of 1.0 and 0.0
    assert s.macro.f1 == pytest.approx(0.5)
    assert s.per_code["terrorism"].f1 == 1.0
    assert s.per_code["separatism"].support == 1
    assert s.per_code["separatism"].predicted == 1


def test_multilabel_labels_restrict_codes_scored() -> None:
    # CN and RU are not Central Asian: ignored on both sides
    gold = [("CN", "KZ"), ("CN", "KG", "RU")]
    pred = [("CN", "KZ", "RU"), ("CN", "TJ")]
    s = multilabel_scores(gold, pred, labels=("KZ", "KG", "TJ", "UZ", "TM"))
    assert set(s.per_code) == {"KZ", "KG", "TJ"}
    assert (s.micro.tp, s.micro.predicted, s.micro.support) == (1, 2, 2)
    assert s.micro.f1 == pytest.approx(0.5)
    # macro over KZ (1.0), KG (0.0), TJ (0.0)
    assert s.macro.f1 == pytest.approx(1 / 3)


def test_confusion_table_includes_null() -> None:
    gold = ["meeting", "meeting", None, "incident"]
    pred = ["meeting", None, "meeting", "incident"]
    table = confusion_table(gold, pred)
    assert table == {
        "incident": {"incident": 1},
        "meeting": {"meeting": 1, "null": 1},
        "null": {"meeting": 1},
    }


def test_kind_accuracy_counts_only_gold_relevant_documents() -> None:
    gold_kinds = ["meeting", None, None, "bilateral_exercise"]
    pred_kinds = ["meeting", None, "meeting", "multilateral_exercise"]
    relevant = [True, True, False, True]
    k = kind_scores(gold_kinds, pred_kinds, relevant)
    assert k.n == 3 and k.accuracy == pytest.approx(2 / 3)
    assert k.n_all == 4 and k.accuracy_all == pytest.approx(2 / 4)
    assert k.confusion["bilateral_exercise"] == {"multilateral_exercise": 1}


def test_date_interval_covers_month_and_year() -> None:
    assert [str(d) for d in date_interval("2019-02")] == ["2019-02-01", "2019-02-28"]
    assert [str(d) for d in date_interval("2016")] == ["2016-01-01", "2016-12-31"]
    assert [str(d) for d in date_interval("2019-06-13")] == ["2019-06-13", "2019-06-13"]


def test_date_scores_exact_at_gold_precision_and_within_seven_days() -> None:
    gold = ["2019-06-13", "2019-06-13", "2019-06", "2019-06-13", "2018-01-01", None]
    pred = ["2019-06-13", "2019-06-19", "2019-06-28", "2019-06", None, "2019-01-01"]
    d = date_scores(gold, pred)
    assert d.n == 5  # the pair without a gold date is not scored
    # exact: same day; month gold matched by a day in that month; a month prediction is
    # coarser than a day gold -> not exact
    assert d.exact == 2
    # within 7 days: same day, 6 days off, inside the month, month range contains the day
    assert d.within_7_days == 4
    assert d.missing == 1


def _write_gold(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    path = folder / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def test_load_gold_reports_every_bad_line(tmp_path: Path) -> None:
    path = _write_gold(
        tmp_path,
        [
            {"id": "a", "path": "x.txt", "relevant": True, "event_date": "2019-13-40"},
            {"id": "b", "path": "y.txt", "relevant": "yes"},
            {"id": "a", "path": "z.txt", "relevant": False},
        ],
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(ValidationFailed) as caught:
        load_gold(path)
    kinds = sorted(issue.type for issue in caught.value.issues)
    assert kinds == ["duplicate-id", "invalid-date", "invalid-json", "invalid-type"]
    assert caught.value.code == "SW451"


def test_missing_gold_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="SW450"):
        load_gold(tmp_path / "nope.jsonl")


def test_paths_resolve_against_the_gold_files_parent_parent(tmp_path: Path) -> None:
    gold = tmp_path / "repo" / "gold" / "dev.jsonl"
    assert (
        resolve_gold_path("gold/readouts/a.txt", gold)
        == (tmp_path / "repo" / "gold/readouts/a.txt").resolve()
    )
    assert resolve_gold_path("/abs/a.txt", gold) == Path("/abs/a.txt")


class _FixedCoder:
    """A coder that answers from a table keyed by file name (no codebook needed)."""

    name = "test.fixed.v1"
    version = "0"

    def __init__(self, answers: dict[str, dict[str, object]]):
        self.answers = answers

    def fit(self, examples: object) -> _FixedCoder:
        return self

    def code(self, document: object) -> CodedDocument:
        source = Path(document.source).name  # type: ignore[attr-defined]
        return CodedDocument(source=source, **self.answers[source])  # type: ignore[arg-type]


def test_evaluate_reports_missing_files_and_scores_the_rest(tmp_path: Path) -> None:
    readouts = tmp_path / "gold" / "readouts"
    readouts.mkdir(parents=True)
    (readouts / "ru.txt").write_text(
        "13 июня 2019 г. министры обороны Казахстана и Китая обсудили борьбу с терроризмом.",
        "utf-8",
    )
    (readouts / "zh.txt").write_text("2019年9月，中哈合作委员会讨论了农产品贸易。", "utf-8")
    gold_file = tmp_path / "gold" / "dev.jsonl"
    rows = [
        {
            "id": "ru",
            "path": "gold/readouts/ru.txt",
            "relevant": True,
            "kind": "meeting",
            "countries": ["CN", "KZ"],
            "topics": ["terrorism"],
            "domains": ["military"],
            "event_date": "2019-06-13",
        },
        {"id": "zh", "path": "gold/readouts/zh.txt", "relevant": False, "kind": None},
        {"id": "gone", "path": "gold/readouts/gone.txt", "relevant": True},
    ]
    gold_file.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    coder = _FixedCoder(
        {
            "ru.txt": {
                "relevant": True,
                "kind": "meeting",
                "countries": ["CN", "KZ"],
                "topics": ["terrorism", "border_security"],
                "domains": ["military"],
                "event_date": "2019-06-13",
            },
            # judged not relevant: its topics must not count as false positives
            "zh.txt": {"relevant": False, "topics": ["terrorism"]},
        }
    )
    report = evaluate(gold_file, coder=coder)
    assert report.counts["missing"] == 1 and report.counts["scored"] == 2
    assert report.missing[0].id == "gone" and "SW453" in report.missing[0].message
    assert report.relevance.f1 == 1.0
    assert report.kind.accuracy == 1.0
    assert report.countries.micro.f1 == 1.0
    assert report.topics.micro.precision == pytest.approx(0.5)
    assert report.dates.exact == 1
    assert json.loads(report.model_dump_json())["counts"]["gold"] == 3


def test_score_predictions_keeps_documents_aligned() -> None:
    gold = [GoldDocument(id="a", path="a", relevant=True, kind="meeting", countries=("CN", "UZ"))]
    with pytest.raises(ValueError, match="differ in length"):
        score_predictions(gold, [])
    report = score_predictions(gold, [Prediction(relevant=True, kind=None, countries=("UZ",))])
    assert report.kind.confusion == {"meeting": {"null": 1}}
    assert report.documents[0].predicted["countries"] == ["UZ"]


def test_cli_evaluate_json_and_table(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from steppewatch.cli import app

    readouts = tmp_path / "gold" / "readouts"
    readouts.mkdir(parents=True)
    (readouts / "zh.txt").write_text(
        "2019年9月11日，国家主席习近平同哈萨克斯坦总统托卡耶夫举行会谈，双方同意共同打击“三股势力”。",
        "utf-8",
    )
    gold_file = tmp_path / "gold" / "dev.jsonl"
    row = {
        "id": "zh",
        "path": "gold/readouts/zh.txt",
        "relevant": True,
        "kind": "meeting",
        "countries": ["CN", "KZ"],
        "topics": ["three_evils"],
        "domains": [],
        "event_date": "2019-09-11",
    }
    gold_file.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    runner = CliRunner()
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(gold_file), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["counts"]["scored"] == 1
    assert data["coder"] == "steppewatch.codebook_coder.v1"
    result = runner.invoke(app, ["evaluate", str(gold_file)])
    assert result.exit_code == 0, result.output
    assert "relevance" in result.output and "Kind" in result.output
    result = runner.invoke(app, ["evaluate", str(gold_file), "--format", "xml"])
    assert result.exit_code != 0


@pytest.mark.parametrize(("name", "least", "least_real"), [("dev", 150, 100), ("test", 60, 40)])
def test_gold_sets_are_valid_and_resolve(
    shared_dir: Path, name: str, least: int, least_real: int
) -> None:
    repo = Path(__file__).resolve().parents[2]
    gold = load_gold(repo / "gold" / f"{name}.jsonl")
    assert len(gold) >= least
    real = [g for g in gold if g.path.startswith("../shared/")]
    assert len(real) >= least_real
    for g in gold:
        assert resolve_gold_path(g.path, repo / "gold" / f"{name}.jsonl").is_file(), g.id
    from steppewatch.codebook.load import load_codebook

    book = load_codebook()
    kinds, topics, domains = (set(book.codes(s)) for s in ("event_kind", "topic", "domain"))
    for g in gold:
        assert g.kind is None or g.kind in kinds, g.id
        assert set(g.topics) <= topics and set(g.domains) <= domains, g.id
        if not g.relevant:
            assert not (g.kind or g.topics or g.countries), g.id


def test_an_untrained_coder_fails_once_with_its_reason(tmp_path: Path) -> None:
    from steppewatch.errors import ExtractionError

    readouts = tmp_path / "gold" / "readouts"
    readouts.mkdir(parents=True)
    (readouts / "a.txt").write_text(
        "2019年6月13日，中吉两国国防部长举行会谈，讨论反恐合作。", "utf-8"
    )
    gold_file = tmp_path / "gold" / "dev.jsonl"
    gold_file.write_text(
        json.dumps({"id": "a", "path": "gold/readouts/a.txt", "relevant": True}) + "\n", "utf-8"
    )
    with pytest.raises(ExtractionError, match="SW456"):
        evaluate(gold_file, coder="steppewatch.linear.v1")


def test_held_out_set_shares_no_document_with_the_dev_set() -> None:
    repo = Path(__file__).resolve().parents[2]
    dev = load_gold(repo / "gold" / "dev.jsonl")
    test = load_gold(repo / "gold" / "test.jsonl")
    assert not {g.path for g in dev} & {g.path for g in test}
