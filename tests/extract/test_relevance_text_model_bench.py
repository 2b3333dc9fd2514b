"""The text model studied in bench/relevance_text_model.py (thirteenth round, branch coder22; not
adopted: it did not improve test8). These tests keep the experiment honest and runnable: the
gate never adds relevance, the figures are the usual precision and recall, fitting is
deterministic, and held-out sets are refused by name."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "relevance_text_model.py"


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("relevance_text_model", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["relevance_text_model"] = module
    spec.loader.exec_module(module)
    return module


BENCH_MODULE = _bench()


def _doc(text: str, gold: bool, rules: bool, score: float = 0.9) -> dict[str, Any]:
    return {"id": text[:8], "set": "x", "text": text, "gold": gold, "rules": rules, "score": score}


def test_the_gate_never_adds_relevance() -> None:
    docs = [_doc("a", True, False), _doc("b", False, True), _doc("c", True, True)]
    probs = np.array([0.99, 0.01, 0.99])
    assert BENCH_MODULE._gated(docs, probs, 0.5) == [False, False, True]


def test_the_figures_are_precision_recall_and_f1() -> None:
    got = BENCH_MODULE._prf([True, True, False, False], [True, False, True, False])
    assert (got["p"], got["r"], got["f1"]) == (0.5, 0.5, 0.5)
    assert (got["false_relevant"], got["missed"]) == (1, 1)


def test_fitting_is_deterministic() -> None:
    train = [
        _doc("China and Kazakhstan held a joint counter-terrorism exercise.", True, True),
        _doc("中国和吉尔吉斯斯坦举行联合反恐演习。", True, True),
        _doc("Kazakhstan and Uzbekistan signed a trade deal on melons.", False, True),
        _doc("Казахстан и Узбекистан подписали торговое соглашение.", False, False),
    ] * 2
    test = [_doc("China and Tajikistan held a joint exercise.", True, True)]
    first = BENCH_MODULE._fit_predict(train, BENCH_MODULE._matrices(train, test, False), 1.0)
    second = BENCH_MODULE._fit_predict(train, BENCH_MODULE._matrices(train, test, False), 1.0)
    assert first.tolist() == second.tolist()
    assert 0.0 < float(first[0]) < 1.0


@pytest.mark.parametrize("name", ["test", "test3", "test27", "test28", "real_heldout"])
def test_held_out_sets_are_refused(name: str) -> None:
    with pytest.raises(SystemExit):
        BENCH_MODULE._documents(name)
