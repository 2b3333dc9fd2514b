"""Leave-one-set-out (LOSO) test of a learned kind and topic decision against the rules
(issue 13, eleventh round).

For each of the eight tuning sets: fit the trained coder's kind and topic models
(``trained_coder``'s features: hashed character 2-4-grams of the relevant items' text, TF-IDF,
plus the default coder's codebook features) on the other seven sets, and score the left-out
set's kind macro-F1 and topic micro-F1 with the learned decision in place of the rules'; every
other field (relevance, countries, framework, level) stays the default coder's, so the figures
differ from the rules' only by the learned decision. The rules cannot be refitted per fold: their
column is in-sample (they were tuned on seven of these sets; test6 is the least tuned).

Variants: ``learned`` (the model decides the kind of every document the default coder calls
relevant), ``fill`` (the rules' kind where they found one, the model's otherwise; the trained
coder's ``trust_base_kind``), topics ``learned`` (the trained coder's topic models,
``(1 - blend) * p + blend * found >= 0.5``; ``--withhold-only``: never adding a topic) and
topics ``layer``: the shipped learned topic layer (``extract/learned_topics.py``) fitted on the
seven other sets with its own fitting code (``fit_rows``) and applied as the coder applies it.
The rules' column is the default coder with the layer off.

    .venv/bin/python bench/loso_event_fields.py --features codebook --withhold-only   # the layer
    .venv/bin/python bench/loso_event_fields.py                        # kind on n-grams too

Refuses the held-out sets by name (``calibration.HELD_OUT``). Deterministic (liblinear with a
fixed seed, sorted inputs).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import Prediction, prediction_from_record, score_predictions
from steppewatch.extract.gold import GoldDocument, load_gold, read_gold_documents
from steppewatch.extract.learned_topics import (
    codebook_features,
    fit_rows,
    layer_from_json,
    merge_features,
)
from steppewatch.extract.trained_coder import (
    NULL_KIND,
    LinearCoder,
    _anchored,
    _as_item,
    _item_features,
    _item_text,
)

ROOT = Path(__file__).resolve().parent.parent
TUNING = TUNING_SETS
sys.path.insert(0, str(ROOT / "bench"))

from loso_table import LosoTable  # noqa: E402


@dataclasses.dataclass
class Row:
    set: str
    gold: GoldDocument
    pred: Prediction
    text: str  # the relevant items' text ("" when the default coder calls it not relevant)
    features: dict[str, float]
    layer_features: dict[str, float]  # the learned topic layer's (learned_topics.py)


def load(name: str) -> list[Row]:
    path = ROOT / "gold" / f"{name}.jsonl"
    if path.name in HELD_OUT:
        raise SystemExit(f"{path} is a held-out gold set: refused")
    coder = CodebookCoder(topic_layer=False)  # the rules alone
    rows = []
    found, _, _ = read_gold_documents(load_gold(path), path, None)
    for gold, document in found:
        record = coder.code(document)
        text = record.text or document.text or ""
        items = list(record.items) if record.items else [_as_item(record)]
        chosen = [i for i in items if i.relevant] or [i for i in items if _anchored(i, "CN")]
        rows.append(
            Row(
                name,
                gold,
                prediction_from_record(record),
                "\n".join(_item_text(i, text) for i in chosen) if record.relevant else "",
                merge_features(_item_features(i, "CN") for i in chosen),
                merge_features(codebook_features(i, "CN") for i in items if i.relevant),
            )
        )
    return rows


def score(rows: list[Row], preds: list[Prediction]) -> tuple[float | None, float | None]:
    report = score_predictions(
        [r.gold for r in rows], preds, partners=["KZ", "KG", "TJ", "UZ", "TM"], samples=0
    )
    kind, topics = report.fields["kind"], report.fields["topics"]

    def value(field: Any, block: str) -> float | None:
        prf = getattr(field, block)
        if field.n == 0 or prf is None or prf.f1.value is None:
            return None
        return float(prf.f1.value)

    return value(kind, "macro"), value(topics, "micro")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, default=4.0)
    parser.add_argument("--blend", type=float, default=0.45)
    parser.add_argument("--min-examples", type=int, default=3)
    parser.add_argument(
        "--features",
        choices=("all", "codebook"),
        default="all",
        help="codebook: the default coder's named features only, no character n-grams",
    )
    parser.add_argument(
        "--withhold-only",
        action="store_true",
        help="the learned topics only withhold topics the rules found, never add one",
    )
    args = parser.parse_args(argv)
    data = {name: load(name) for name in TUNING}
    table = LosoTable(
        (
            "kind rules (in-sample)",
            "kind learned",
            "kind fill",
            "topics rules",
            "topics learned (trained coder)",
            "topics layer (learned_topics)",
        )
    )
    for name in TUNING:
        train = [r for other in TUNING if other != name for r in data[other]]
        test = data[name]
        model = LinearCoder(C=args.C, blend=args.blend)
        usable = [r for r in train if r.gold.relevant and r.text]
        model.tfidf_ = __import__(
            "sklearn.feature_extraction.text", fromlist=["x"]
        ).TfidfTransformer(sublinear_tf=True)
        texts = [r.text for r in usable]
        model.tfidf_.fit(model._hash(texts))
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.multiclass import OneVsRestClassifier

        model.dict_vectorizer_ = DictVectorizer()
        model.dict_vectorizer_.fit([r.features for r in usable])

        def features(
            texts: list[str], extras: list[dict[str, float]], model: LinearCoder = model
        ) -> Any:
            if args.features == "codebook":
                return model.dict_vectorizer_.transform(extras).toarray()
            return model._features(texts, extras)

        X = features(texts, [r.features for r in usable])
        kinds = [r.gold.kind or NULL_KIND for r in usable]
        kind_model = OneVsRestClassifier(model._logistic()).fit(X, kinds)
        topic_models = model._fit_codes(X, [r.gold for r in usable], "topics")
        fitted = [r for r in train if r.gold.relevant and r.pred.relevant]
        layer = layer_from_json(
            {
                "format": "steppewatch.topic_layer",
                "format_version": 1,
                "codebook_fingerprint": "-",
                "blend": args.blend,
                "threshold": 0.5,
                "topics": fit_rows(
                    [r.layer_features for r in fitted],
                    [set(r.gold.topics or ()) for r in fitted],
                    C=args.C,
                    min_examples=args.min_examples,
                ),
            }
        )
        topics_layer = []
        for r in test:
            if not r.pred.relevant:
                topics_layer.append(r.pred)
                continue
            kept = [
                t
                for t in r.pred.topics
                if t not in layer.models
                or (1 - layer.blend) * layer.models[t].probability(r.layer_features) + layer.blend
                >= layer.threshold
            ]
            topics_layer.append(dataclasses.replace(r.pred, topics=tuple(kept)))
        rules, learned, fill, topics_learned = [], [], [], []
        for r in test:
            rules.append(r.pred)
            if not r.pred.relevant or not r.text:
                learned.append(r.pred)
                fill.append(r.pred)
                topics_learned.append(r.pred)
                continue
            x = features([r.text], [r.features])
            kind = str(kind_model.predict(x)[0])
            kind = None if kind == NULL_KIND else kind
            learned.append(dataclasses.replace(r.pred, kind=kind))
            fill.append(dataclasses.replace(r.pred, kind=r.pred.kind or kind))
            topics = model._predict_codes(topic_models, x, set(r.pred.topics))
            if args.withhold_only:
                topics = [t for t in topics if t in r.pred.topics]
            topics_learned.append(dataclasses.replace(r.pred, topics=tuple(topics)))
        k_rules, t_rules = score(test, rules)
        k_learned, _ = score(test, learned)
        k_fill, _ = score(test, fill)
        _, t_learned = score(test, topics_learned)
        _, t_layer = score(test, topics_layer)
        table.row(name, (k_rules, k_learned, k_fill, t_rules, t_learned, t_layer))
    table.means()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
