"""Fitting the learned participation layer (``participation_model``) on tuning gold:
``steppewatch fit-participation``.

1. ``collect_pairs`` codes every document of each gold set with the default coder, the layer
   off, and records every (item, partner state) pair the rules coded (not those implied by a
   framework meeting's membership) with its named features (``participation_model.FEATURES``);
   a pair's label is whether gold lists the state for the document (none on a document gold
   calls not relevant).
2. ``choose``: ``C`` (L2) and the threshold by leave-one-set-out over the sets given: for each
   set, a logistic regression fitted on the others scores its pairs; the pair (C, threshold)
   with the best mean CA F1 over the left-out sets whose mean recall stays within
   ``MAX_RECALL_DROP`` of the rules' wins (ties: the first in ``C_GRID`` and
   ``THRESHOLD_GRID`` order).
3. ``fit_participation``: the regression refitted on all the sets with that ``C``, written as
   JSON with the threshold (``data/participation/participation_v1.json`` by default; not
   shipped: the layer is off, and a file written without ``enabled`` leaves it off).

Deterministic: the sets in the order given, documents sorted by id, lbfgs (no randomness),
weights rounded to six decimals; rerunning on the same gold and rules writes the same bytes.
Scikit-learn is needed only here, never on the coding path. Held-out gold sets (and their
second annotations) are refused by name (``participation_model.refuse_held_out``); so is this
round's validation sets, test15, test16, tune5 and tune6 (``VALIDATION``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from steppewatch.errors import InputError
from steppewatch.extract.calibration import TUNING_SETS
from steppewatch.extract.participation_model import (
    FEATURES,
    MODEL_NAME,
    WEIGHTS_PATH,
    capturing,
    load_weights,
    refuse_held_out,
)

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLD_GRID = tuple(round(0.05 * i, 2) for i in range(2, 19))  # 0.1 .. 0.9
CLASS_WEIGHT: str | None = "balanced"  # (the eighteenth round's best LOSO variant, gold/README.md)
MAX_RECALL_DROP = 0.01  # a (C, threshold) may cost at most this much mean recall
# this round's validation sets (common rules): judged in aggregate only, never fitted on
VALIDATION = ("test15.jsonl", "test16.jsonl", "tune5.jsonl", "tune6.jsonl", "_val.jsonl")
# the sets the layer is fitted on by default: the tuning sets but the validation sets
FIT_SETS = tuple(name for name in TUNING_SETS if f"{name}.jsonl" not in VALIDATION)


@dataclass
class Pair:
    item: int  # the item's index in its document
    state: str
    features: dict[str, float]
    label: bool


@dataclass
class Document:
    id: str
    gold: set[str]  # partner states gold lists (empty when not relevant)
    scored: bool  # gold annotates countries
    gold_relevant: bool
    predicted: set[str]  # partner states the rules code for the document
    support: dict[str, set[int]]  # state -> relevant items that code it
    pairs: list[Pair] = field(default_factory=list)


def refuse(paths: Sequence[str | Path]) -> None:
    """Held-out sets (SW393) and the validation sets are refused by name."""
    refuse_held_out(paths)
    for path in paths:
        if Path(path).name in VALIDATION:
            raise InputError(
                f"{path} is this round's validation set: the participation layer is not "
                "fitted on it",
                hint="fit on the other tuning sets (the default)",
                code="SW393",
            )


def collect_pairs(gold_paths: Sequence[str | Path], study: Any = None) -> dict[str, list[Document]]:
    """Per gold file (by its stem, in the order given): its documents with the rules' pairs,
    the layer off."""
    from steppewatch.extract.codebook_coder import CodebookCoder
    from steppewatch.extract.gold import load_gold, read_gold_documents

    refuse(gold_paths)
    coder = CodebookCoder(study=study)
    partners = set(coder._resources().study.partner_set)
    out: dict[str, list[Document]] = {}
    for path in gold_paths:
        extracted, _, _ = read_gold_documents(load_gold(path), path, None)
        documents: list[Document] = []
        for gold, text in sorted(extracted, key=lambda pair: pair[0].id):
            with capturing() as seen:
                record = coder.code(text)
            items = record.items or [record]
            relevant = [i for i in items if i.relevant] if record.relevant else []
            support: dict[str, set[int]] = {}
            for item in relevant:
                for code in item.countries:
                    if code in partners:
                        support.setdefault(code, set()).add(item.index)
            gold_states = set(gold.countries) & partners if gold.relevant else set()
            document = Document(
                id=gold.id,
                gold=gold_states,
                scored="countries" in gold.annotated,
                gold_relevant=gold.relevant,
                predicted=set(support),
                support=support,
            )
            for item, state, values in seen:
                if item.relevant and record.relevant:
                    document.pairs.append(
                        Pair(item.index, state, dict(values), state in gold_states)
                    )
            documents.append(document)
        out[Path(path).stem] = documents
    return out


def fit_weights(
    documents: Sequence[Document],
    c: float,
    *,
    features: Sequence[str] = FEATURES,
    class_weight: str | None = CLASS_WEIGHT,
    relevant_only: bool = False,
) -> tuple[float, list[float]]:
    """(intercept, coefficients in ``features`` order) of an L2 logistic regression on the
    documents' pairs (label: gold lists the state)."""
    from sklearn.linear_model import LogisticRegression

    pairs = [p for d in documents if not (relevant_only and not d.gold_relevant) for p in d.pairs]
    y = [int(p.label) for p in pairs]
    if len(set(y)) < 2:
        return 10.0, [0.0] * len(features)
    x = [[p.features[f] for f in features] for p in pairs]
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, class_weight=class_weight)
    model.fit(x, y)
    return float(model.intercept_[0]), [float(w) for w in model.coef_[0]]


def probabilities(
    documents: Sequence[Document],
    intercept: float,
    coef: Sequence[float],
    features: Sequence[str] = FEATURES,
) -> list[list[float]]:
    """Each document's pairs' probability of taking part (as ``participation_model`` applies)."""
    import numpy as np

    weights = np.array(list(coef), dtype=float)
    out: list[list[float]] = []
    for d in documents:
        if not d.pairs:
            out.append([])
            continue
        x = np.array([[p.features[f] for f in features] for p in d.pairs], dtype=float)
        z = np.clip(intercept + x @ weights, -30.0, 30.0)
        out.append([float(v) for v in 1.0 / (1.0 + np.exp(-z))])
    return out


def counts(
    documents: Sequence[Document],
    probs: Sequence[Sequence[float]] | None,
    threshold: float,
    only_relevant: bool = False,
) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of the documents' partner states with
    the pairs under ``threshold`` removed (``probs`` None: the rules alone); an item keeps at
    least one partner state, as the layer applies."""
    tp = fp = fn = 0
    for i, d in enumerate(documents):
        if not d.scored or (only_relevant and not d.gold_relevant):
            continue
        predicted = set(d.predicted)
        if probs is not None:
            removed: dict[str, set[int]] = {}
            for pair, p in zip(d.pairs, probs[i], strict=True):
                if p < threshold:
                    removed.setdefault(pair.state, set()).add(pair.item)
            for item in {pair.item for pair in d.pairs}:
                coded = {s for s, items in d.support.items() if item in items}
                if coded and all(item in removed.get(s, set()) for s in coded):
                    for s in coded:
                        removed[s].discard(item)
            predicted = {s for s in predicted if not d.support[s] <= removed.get(s, set())}
        tp += len(predicted & d.gold)
        fp += len(predicted - d.gold)
        fn += len(d.gold - predicted)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def choose(
    sets: dict[str, list[Document]],
    *,
    features: Sequence[str] = FEATURES,
    class_weight: str | None = CLASS_WEIGHT,
    relevant_only: bool = False,
) -> tuple[float, float]:
    """``C`` and threshold by leave-one-set-out over ``sets``: the best mean F1 whose mean
    recall is within ``MAX_RECALL_DROP`` of the rules'; ties to the first in grid order."""
    names = sorted(sets)
    base_recall = sum(prf(*counts(sets[n], None, 0.0))[1] for n in names) / len(names)
    best: tuple[float, float, float] = (-1.0, C_GRID[0], 0.0)
    for c in C_GRID:
        folds = []
        for name in names:
            train = [d for n in names if n != name for d in sets[n]]
            fitted = fit_weights(
                train, c, features=features, class_weight=class_weight, relevant_only=relevant_only
            )
            folds.append(probabilities(sets[name], *fitted, features=features))
        for threshold in THRESHOLD_GRID:
            scores = [prf(*counts(sets[n], folds[i], threshold)) for i, n in enumerate(names)]
            recall = sum(s[1] for s in scores) / len(scores)
            f1 = sum(s[2] for s in scores) / len(scores)
            if recall < base_recall - MAX_RECALL_DROP:
                continue
            if f1 > best[0] + 1e-9:
                best = (f1, c, threshold)
    if best[0] < 0:
        return C_GRID[0], 0.0
    return best[1], best[2]


def weights_json(
    sets: dict[str, list[Document]],
    c: float,
    threshold: float,
    *,
    enabled: bool = True,
    features: Sequence[str] = FEATURES,
    class_weight: str | None = CLASS_WEIGHT,
    relevant_only: bool = False,
) -> dict[str, Any]:
    intercept, coef = fit_weights(
        [d for n in sorted(sets) for d in sets[n]],
        c,
        features=features,
        class_weight=class_weight,
        relevant_only=relevant_only,
    )
    return {
        "model": MODEL_NAME,
        "method": "logistic regression (scikit-learn lbfgs, L2, class_weight "
        f"{class_weight}) over named features of each (item, partner state) pair the country "
        "rules code; C and threshold by leave-one-set-out over the sets fitted on; see "
        "extract/participation_model.py and extract/participation_fit.py",
        "enabled": enabled,
        "fitted_on": sorted(sets),
        "pairs": int(sum(len(d.pairs) for ds in sets.values() for d in ds)),
        "not_in_gold": int(sum(not p.label for ds in sets.values() for d in ds for p in d.pairs)),
        "C": c,
        "threshold": threshold,
        "intercept": round(intercept, 6),
        "weights": {f: round(w, 6) for f, w in zip(features, coef, strict=True)},
    }


def write_weights(data: dict[str, Any], path: str | Path = WEIGHTS_PATH) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    load_weights.cache_clear()
    return target


def fit_participation(
    gold_paths: Sequence[str | Path], out: str | Path = WEIGHTS_PATH, *, enabled: bool = False
) -> tuple[Path, dict[str, Any]]:
    """Fit the layer on ``gold_paths`` (C and threshold by leave-one-set-out) and write its
    weights to ``out`` (``steppewatch fit-participation``), ``"enabled"`` only when asked: the
    layer is not adopted (gold/README.md), so a refit alone does not switch it on. The coder codes
    the gold with the layer off, so a refit does not depend on the weights it replaces."""
    refuse(gold_paths)
    sets = collect_pairs(gold_paths)
    c, threshold = choose(sets)
    data = weights_json(sets, c, threshold, enabled=enabled)
    return write_weights(data, out), data
