"""Leave-one-set-out (LOSO) test of a learned framework decision against the rules (issue 13,
twelfth round, brief item 4).

For each tuning set: fit a multinomial logistic regression (liblinear one-vs-rest, C 4, balanced
classes, seed 0) over the default coder's own reading of the relevant items as named features
(``learned_topics.codebook_features``: the codes it gave, ``base:framework=...``,
``base:kind=...``, the log count of each code's evidence, the relevance score, the number of
partner states) on the other sets, predicting gold's framework (``none`` for commentary), and
score the left-out set's framework accuracy with the learned decision in place of the rules'.
Every other field stays the default coder's. The rules' column is in-sample (they were tuned on
these sets). Variants: ``learned`` (the model decides the framework of every document the
default coder calls relevant) and ``fill`` (the rules' framework where they gave one, the
model's otherwise).

    .venv/bin/python bench/loso_framework.py

Refuses the held-out sets by name (``calibration.HELD_OUT``).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import Prediction, prediction_from_record, score_predictions
from steppewatch.extract.gold import GoldDocument, load_gold, read_gold_documents
from steppewatch.extract.learned_topics import codebook_features, merge_features

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from loso_table import LosoTable  # noqa: E402

NONE = "none"
C = 4.0


@dataclasses.dataclass
class Row:
    gold: GoldDocument
    pred: Prediction
    features: dict[str, float]  # the default coder's named features (learned_topics)


def load(name: str) -> list[Row]:
    path = ROOT / "gold" / f"{name}.jsonl"
    if path.name in HELD_OUT:
        raise SystemExit(f"{path} is a held-out gold set: refused")
    coder = CodebookCoder()
    rows = []
    found, _, _ = read_gold_documents(load_gold(path), path, None)
    for gold, document in found:
        record = coder.code(document)
        items = list(record.items) if record.items else [record]
        features = merge_features(codebook_features(i, "CN") for i in items if i.relevant)
        rows.append(Row(gold, prediction_from_record(record), features))
    return rows


def accuracy(rows: list[Row], preds: list[Prediction]) -> float | None:
    report = score_predictions(
        [r.gold for r in rows], preds, partners=["KZ", "KG", "TJ", "UZ", "TM"], samples=0
    )
    field = report.fields["framework"]
    if field.n == 0 or field.accuracy is None or field.accuracy.value is None:
        return None
    return float(field.accuracy.value)


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    data = {name: load(name) for name in TUNING_SETS}
    table = LosoTable(("framework rules (in-sample)", "framework learned", "framework fill"))
    for name in TUNING_SETS:
        train = [
            r
            for other in TUNING_SETS
            if other != name
            for r in data[other]
            if r.gold.relevant and r.pred.relevant
        ]
        test = data[name]
        vectorizer = DictVectorizer()
        X = vectorizer.fit_transform([r.features for r in train]).toarray()
        y = [r.gold.framework or NONE for r in train]
        model = OneVsRestClassifier(
            LogisticRegression(
                C=C, solver="liblinear", class_weight="balanced", random_state=0, max_iter=1000
            )
        ).fit(X, y)
        rules, learned, fill = [], [], []
        for r in test:
            rules.append(r.pred)
            if not r.pred.relevant:
                learned.append(r.pred)
                fill.append(r.pred)
                continue
            guess = str(model.predict(vectorizer.transform([r.features]).toarray())[0])
            framework = None if guess == NONE else guess
            learned.append(dataclasses.replace(r.pred, framework=framework))
            fill.append(dataclasses.replace(r.pred, framework=r.pred.framework or framework))
        table.row(name, (accuracy(test, rules), accuracy(test, learned), accuracy(test, fill)))
    table.means()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
