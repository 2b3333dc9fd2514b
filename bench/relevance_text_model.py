"""A text model as a second opinion on the rules' relevance (issue 13, thirteenth round; not
adopted, see gold/README.md, "Thirteenth round, relevance and countries on hard negatives
(branch coder22)").

Character n-gram TF-IDF (works for zh, ru and en without tokenisers) and a logistic
regression, fitted on the documents of the nine older tuning sets (gold relevance), used as a
gate: a document the rules code relevant becomes not relevant when the model's probability is
under a threshold; it never adds relevance. C and the threshold are chosen on the nine sets
only (leave one set out among them: out-of-fold probabilities, pooled gated F1, ties to the
lower threshold), then the model is fitted on the nine and scored once on test8, against the
rules alone. The rules are the coder importable at run time, so

    PYTHONPATH=/work/main/src nice .venv/bin/python bench/relevance_text_model.py   # main's rules
    nice .venv/bin/python bench/relevance_text_model.py [--json OUT]               # this tree's

prints per set the rules' and the gated relevance P/R/F1 (LOSO on the nine, fitted-on-nine on
test8), the relevant documents the gate loses and the negatives it removes. Needs scikit-learn
(a dependency). Refuses the held-out sets by name (``calibration.HELD_OUT``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from steppewatch.extract.calibration import HELD_OUT
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.gold import load_gold, read_gold_documents

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ("dev", "real_tune", "tune2", "test2", "tune3", "test4", "test5", "test6", "test7")
TEST = "test8"
C_GRID = (0.3, 1.0, 3.0, 10.0)
T_GRID = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MAX_CHARS = 3000  # characters of a document read by the model (its title, lead and body)


def _documents(name: str) -> list[dict[str, Any]]:
    path = ROOT / "gold" / f"{name}.jsonl"
    if path.name in HELD_OUT or name not in (*TRAIN, TEST):
        raise SystemExit(f"{path}: not a tuning set named here, refused")
    found, _, _ = read_gold_documents(load_gold(path), path)
    coder = CodebookCoder()
    out = []
    for gold, document in found:
        coded = coder.code(document)
        out.append(
            {
                "id": gold.id,
                "set": name,
                "text": (document.text or "")[:MAX_CHARS],
                "gold": bool(gold.relevant),
                "rules": bool(coded.relevant),
                "score": float(coded.relevance_score),
            }
        )
    return out


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 4),
        min_df=2,
        max_features=100_000,
        sublinear_tf=True,
        lowercase=True,
        dtype=np.float64,
    )


def _matrices(
    train: list[dict[str, Any]], test: list[dict[str, Any]], score: bool
) -> tuple[Any, Any]:
    """TF-IDF rows of ``train`` (fitted there) and ``test``; with ``score`` the rules' own
    relevance score is one more column."""
    vectoriser = _vectoriser()
    x_train = vectoriser.fit_transform([d["text"] for d in train])
    x_test = vectoriser.transform([d["text"] for d in test])
    if score:
        x_train = hstack([x_train, csr_matrix([[d["score"]] for d in train])]).tocsr()
        x_test = hstack([x_test, csr_matrix([[d["score"]] for d in test])]).tocsr()
    return x_train, x_test


def _fit_predict(
    train: list[dict[str, Any]], matrices: tuple[Any, Any], c: float
) -> np.ndarray[Any, Any]:
    """Probabilities of relevance of the test rows of ``matrices`` from a model fitted on
    ``train``'s."""
    x_train, x_test = matrices
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000)
    model.fit(x_train, [d["gold"] for d in train])
    return np.asarray(model.predict_proba(x_test)[:, 1])


def _prf(gold: list[bool], pred: list[bool]) -> dict[str, float | int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "false_relevant": fp, "missed": fn}


def _gated(docs: list[dict[str, Any]], probs: np.ndarray[Any, Any], t: float) -> list[bool]:
    return [d["rules"] and float(p) >= t for d, p in zip(docs, probs, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--score-feature",
        action="store_true",
        help="the rules' relevance score as one more column (default: the text alone; the "
        "rules are then the gate only)",
    )
    args = parser.parse_args(argv)
    by_set = {name: _documents(name) for name in (*TRAIN, TEST)}
    nine = [d for name in TRAIN for d in by_set[name]]
    # out-of-fold probabilities on the nine, one left-out set at a time, for every C
    oof = {c: np.zeros(len(nine)) for c in C_GRID}
    at = 0
    for name in TRAIN:
        held = by_set[name]
        rest = [d for other in TRAIN if other != name for d in by_set[other]]
        matrices = _matrices(rest, held, args.score_feature)
        for c in C_GRID:
            oof[c][at : at + len(held)] = _fit_predict(rest, matrices, c)
        at += len(held)
        print(f"  (fold {name} done)", file=sys.stderr, flush=True)
    gold = [d["gold"] for d in nine]
    rules = _prf(gold, [d["rules"] for d in nine])
    grid = []
    for c in C_GRID:
        for t in T_GRID:
            got = _prf(gold, _gated(nine, oof[c], t))
            grid.append({"c": c, "t": t, **got})
    best = max(grid, key=lambda g: (round(float(g["f1"]), 6), -float(g["t"]), -float(g["c"])))
    c, t = float(best["c"]), float(best["t"])
    print(f"rules on the nine (pooled): {_fmt(rules)}")
    print("grid (LOSO out-of-fold on the nine, pooled):")
    for g in grid:
        print(f"  C {g['c']:<5} t {g['t']:<5} {_fmt(g)}")
    print(f"chosen on the nine: C {c} t {t}")
    rows: dict[str, Any] = {}
    at = 0
    print("| set | rules P / R / F1 | gated P / R / F1 | relevant lost | negatives removed |")
    print("|---|---|---|---|---|")
    for name in TRAIN:
        docs = by_set[name]
        probs = oof[c][at : at + len(docs)]
        at += len(docs)
        rows[name] = _row(name, docs, probs, t, "LOSO")
    probs = _fit_predict(nine, _matrices(nine, by_set[TEST], args.score_feature), c)
    rows[TEST] = _row(TEST, by_set[TEST], probs, t, "fitted on the nine")
    # (described, never used to choose: what other thresholds would have done on test8)
    gold8 = [d["gold"] for d in by_set[TEST]]
    described = {}
    print(f"{TEST} at other thresholds (C {c}; described only, not chosen on it):")
    for other in T_GRID:
        described[other] = _prf(gold8, _gated(by_set[TEST], probs, other))
        print(f"  t {other:<5} {_fmt(described[other])}")
    rows[TEST]["described"] = described
    if args.json:
        args.json.write_text(
            json.dumps({"c": c, "t": t, "grid": grid, "sets": rows}, indent=1) + "\n",
            encoding="utf-8",
        )
    return 0


def _fmt(g: dict[str, Any]) -> str:
    return (
        f"P {g['p']:.3f} R {g['r']:.3f} F1 {g['f1']:.3f} "
        f"(false relevant {g['false_relevant']}, missed {g['missed']})"
    )


def _row(
    name: str, docs: list[dict[str, Any]], probs: np.ndarray[Any, Any], t: float, how: str
) -> dict[str, Any]:
    gold = [d["gold"] for d in docs]
    rules = _prf(gold, [d["rules"] for d in docs])
    gated_pred = _gated(docs, probs, t)
    gated = _prf(gold, gated_pred)
    lost = [
        d["id"] for d, g in zip(docs, gated_pred, strict=True) if d["gold"] and d["rules"] and not g
    ]
    removed = [
        d["id"]
        for d, g in zip(docs, gated_pred, strict=True)
        if not d["gold"] and d["rules"] and not g
    ]
    print(
        f"| {name} ({how}) | {rules['p']:.3f} / {rules['r']:.3f} / {rules['f1']:.3f} | "
        f"{gated['p']:.3f} / {gated['r']:.3f} / {gated['f1']:.3f} | {len(lost)} | {len(removed)} |"
    )
    if lost or removed:
        print(f"  lost: {', '.join(lost) or '-'}; removed: {', '.join(removed) or '-'}")
    return {"rules": rules, "gated": gated, "lost": lost, "removed": removed}


if __name__ == "__main__":
    sys.exit(main())
