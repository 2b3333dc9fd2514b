"""The learned relevance layer studied in bench/relevance_layer.py (eleventh round, branch
coder14; not adopted: leave-one-set-out said no). These tests keep the experiment honest and
runnable: its features read what they say, fitting is deterministic, the plain-Python
probability is scikit-learn's, a rejected item says why, and held-out sets are refused."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from steppewatch.extract import ExtractedDocument
from steppewatch.extract.codebook_coder import CodebookCoder

BENCH = Path(__file__).resolve().parents[2] / "bench" / "relevance_layer.py"


def _layer() -> Any:
    spec = importlib.util.spec_from_file_location("relevance_layer", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["relevance_layer"] = module
    spec.loader.exec_module(module)
    return module


LAYER = _layer()
CODER = CodebookCoder()

# texts written for these tests
POSITIVE_EN = (
    "China and Kazakhstan held a joint counter-terrorism exercise near Almaty on 12 May 2026. "
    "Chinese and Kazakh special forces practised freeing hostages together."
)
# the region's security with Russia and the CSTO; China only in an analyst's aside
NEGATIVE_EN = (
    "Russian and Kazakh troops held CSTO drills near Almaty on 12 May 2026. Russia's defence "
    "ministry said the exercise tested the collective rapid reaction force; an analyst added "
    "that China is building border posts in Tajikistan."
)
POSITIVE_RU = (
    "Министры обороны Китая и Кыргызстана провели переговоры в Бишкеке 3 марта 2026 года. "
    "Стороны договорились о совместных учениях по борьбе с терроризмом."
)
POSITIVE_ZH = "2026年4月2日，中国公安部部长在北京会见乌兹别克斯坦内务部长，双方同意加强反恐和打击跨国犯罪合作。"


def _coded(text: str, language: str) -> tuple[Any, Any]:
    document = ExtractedDocument(source="test", text=text, language=language)
    return document, CODER.code(document)


def _features(text: str, language: str) -> dict[str, float]:
    _, record = _coded(text, language)
    items = record.items or [record]
    features: dict[str, float] = LAYER.item_features(items[0], text, language, len(items))
    return features


def test_features_see_other_powers_and_the_focal_state_in_the_lead() -> None:
    negative = _features(NEGATIVE_EN, "en")
    positive = _features(POSITIVE_EN, "en")
    assert negative["other_power_lead"] > 0  # Russian, CSTO in the lead
    assert negative["analyst_lead"] > 0 or negative["analyst_body"] > 0
    assert positive["other_power_lead"] == 0
    assert positive["focal_lead"] > 0
    assert positive["kind_bilateral_exercise"] == 1.0
    for text, language in ((POSITIVE_RU, "ru"), (POSITIVE_ZH, "zh")):
        features = _features(text, language)
        assert features["focal_lead"] > 0, language
        assert features[f"lang_{language}"] == 1.0
        assert features["other_power_lead"] == 0, language


def _rows() -> tuple[list[dict[str, float]], list[bool]]:
    rows, labels = [], []
    for text, language, label in (
        (POSITIVE_EN, "en", True),
        (POSITIVE_RU, "ru", True),
        (POSITIVE_ZH, "zh", True),
        (NEGATIVE_EN, "en", False),
    ):
        base = _features(text, language)
        for k in range(3):  # a few copies, each a little apart
            rows.append({name: value + 0.01 * k for name, value in base.items()})
            labels.append(label)
    return rows, labels


def test_fit_is_deterministic_and_the_plain_python_probability_is_sklearns() -> None:
    from sklearn.linear_model import LogisticRegression

    rows, labels = _rows()
    first = LAYER.fit(rows, labels, c=0.3, threshold=0.5)
    second = LAYER.fit(rows, labels, c=0.3, threshold=0.5)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    model = LAYER.RelevanceModel(first)
    names = sorted(first["features"])
    matrix = np.array([[row.get(n, 0.0) for n in names] for row in rows])
    mean, scale = matrix.mean(axis=0), matrix.std(axis=0)
    scale[scale < 1e-9] = 1.0
    reference = LogisticRegression(C=0.3, solver="liblinear", max_iter=1000, random_state=0)
    reference.fit((matrix - mean) / scale, np.asarray(labels, dtype=int))
    expected = reference.predict_proba((matrix - mean) / scale)[:, 1]
    got = [model.probability(row) for row in rows]
    assert got == pytest.approx(expected.tolist(), abs=1e-4)
    assert min(got[:9]) > max(got[9:])  # the positives above the hard negative


def _weights() -> dict[str, Any]:
    # a hand-made layer: other powers in the lead push an item down
    return {
        "threshold": 0.5,
        "intercept": 2.0,
        "features": {
            "other_power_lead": {"weight": -3.0, "mean": 0.0, "scale": 0.5},
            "focal_lead": {"weight": 0.5, "mean": 0.0, "scale": 1.0},
        },
    }


def test_the_layer_rejects_the_hard_negative_and_keeps_the_positive_saying_why() -> None:
    model = LAYER.RelevanceModel(_weights())
    for text, language, kept in ((NEGATIVE_EN, "en", False), (POSITIVE_EN, "en", True)):
        document, record = _coded(text, language)
        assert record.relevant  # the rules take both
        after = LAYER.layered(record, model, document, CODER)
        assert after.relevant is kept
        if kept:
            assert after.countries == record.countries
            continue
        assert after.countries == [] and after.kind is None
        (note,) = [e for e in after.evidence if e.field == "relevance"]
        assert note.code == "not_relevant"
        assert note.basis.startswith("relevance_model: p=")
        assert "other_power_lead" in note.basis
        assert note.text == text[note.start : note.end]
        assert note.confidence is not None and note.confidence > 0.5


@pytest.mark.parametrize(
    "name", ["test27.jsonl", "test28.jsonl", "test3.jsonl", "real_heldout.jsonl"]
)
def test_held_out_sets_are_refused_by_name(name: str) -> None:
    with pytest.raises(SystemExit, match="held-out"):
        LAYER.refuse_held_out([f"gold/{name}"])
    LAYER.refuse_held_out(["gold/dev.jsonl", "gold/test6.jsonl"])  # tuning sets pass


def test_transcript_items_are_labelled_from_the_gold_countries() -> None:
    from types import SimpleNamespace as NS

    items = [NS(countries=["CN", "KZ"]), NS(countries=["CN", "US"]), NS(countries=["CN"])]
    relevant = NS(relevant=True, countries=["CN", "KZ"])
    assert LAYER._labels(items, relevant, "CN") == [True, None, None]
    assert LAYER._labels(items[:1], relevant, "CN") == [True]  # the only item
    not_relevant = NS(relevant=False, countries=[])
    assert LAYER._labels(items, not_relevant, "CN") == [False, False, False]
