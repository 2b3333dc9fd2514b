"""Train and cross-validate the trained coder on a gold set (``steppewatch train``).

``cross_validate`` splits the gold documents into ``k`` stratified folds (by relevance), fits
a fresh coder on ``k - 1`` folds, codes the held-out fold, and scores the pooled held-out
predictions with the same rules as ``steppewatch evaluate``: every document is predicted by a
model that never saw it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from steppewatch.errors import InputError
from steppewatch.extract.evaluate import (
    EvaluationReport,
    Prediction,
    prediction_from_record,
    score_predictions,
)
from steppewatch.extract.gold import GoldDocument, GoldProblem, load_gold, read_gold_documents
from steppewatch.extract.trained_coder import LinearCoder

__all__ = ["cross_validate", "load_training_pairs", "train"]


def load_training_pairs(
    gold_path: str | Path, base_dir: str | Path | None = None
) -> tuple[list[tuple[Any, GoldDocument]], list[GoldProblem], list[GoldProblem]]:
    """(extracted document, gold labels) pairs, plus missing files and extraction errors."""
    gold = load_gold(gold_path)
    found, missing, errors = read_gold_documents(gold, gold_path, base_dir)
    pairs = [(document, labels) for labels, document in found]
    if not pairs:
        raise InputError(
            f"no gold document could be read from {gold_path} "
            f"({len(missing)} missing, {len(errors)} errors)",
            hint="paths are resolved against the gold file's parent's parent",
            code="SW454",
        )
    return pairs, missing, errors


def train(pairs: list[tuple[Any, GoldDocument]], **params: Any) -> LinearCoder:
    return LinearCoder(**params).fit(pairs)


def cross_validate(
    pairs: list[tuple[Any, GoldDocument]],
    *,
    k: int = 5,
    seed: int = 0,
    gold_path: str = "",
    progress: Callable[[int, int], None] | None = None,
    **params: Any,
) -> EvaluationReport:
    """Pooled held-out scores of ``k``-fold cross-validation, stratified by relevance; countries
    are scored over the partner states of ``params["study"]`` (default: the default study)."""
    from sklearn.model_selection import StratifiedKFold

    labels = [bool(g.relevant) for _, g in pairs]
    smallest = min(labels.count(True), labels.count(False))
    if k < 2 or smallest < k:
        raise InputError(
            f"cannot run {k}-fold cross-validation: the gold set has {labels.count(True)} "
            f"relevant and {labels.count(False)} not relevant documents",
            hint="use a smaller --cv (at least 2) or annotate more documents",
            code="SW459",
        )
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    predicted: dict[int, Prediction] = {}
    for fold, (train_rows, test_rows) in enumerate(folds.split(labels, labels), start=1):
        coder = LinearCoder(**params).fit([pairs[i] for i in train_rows])
        for i in test_rows:
            predicted[int(i)] = prediction_from_record(coder.code(pairs[i][0]))
        if progress is not None:
            progress(fold, k)
    order = sorted(predicted)
    return score_predictions(
        [pairs[i][1] for i in order],
        [predicted[i] for i in order],
        gold_path=gold_path,
        coder=f"{LinearCoder.name} ({k}-fold cross-validation, seed {seed})",
        coder_version=LinearCoder.version,
        partners=_partners(params.get("study")),
    )


def _partners(study: Any) -> list[str]:
    from steppewatch.study import resolve_study

    return resolve_study(study).partner_states
