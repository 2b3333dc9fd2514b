"""A learned layer over the default coder's topics: it withholds a topic the indicators found
when the default coder's own reading of the item makes it unlikely (issue 13, eleventh round).

The codebook's indicators find a topic wherever one of its words occurs in a relevant passage;
gold coders code it only when the event's sides raise it. A small logistic regression per topic,
over the default coder's reading of the document's relevant items as *named features* (which
topics, domains, kind, level, framework and partner states it coded, how many indicator hits
each code had, the relevance score: ``codebook_features``), gives the probability that gold
carries the topic. A topic the indicators found is withheld when
``(1 - blend) * p + blend < threshold`` (the trained coder's rule with ``found = 1``; blend 0.45,
threshold 0.5, so ``p < 0.09``: at blend 0.35, ``p < 0.23``, the layer withheld more topics for
the same leave-one-set-out mean, and some a codebook reader would keep); the layer never adds a
topic. Partner states are not features: which states take part does not say whether a topic
was raised (with them, leave-one-set-out topic micro-F1 fell on test6).

Transparency: the weights are a JSON table of named features per topic
(``data/learned/topic_layer_v1.json``, read with ``steppewatch.extract.learned_topics``); a
withheld topic keeps its evidence span in the item's evidence as field ``topic_withheld``,
basis ``learned``, its ``confidence`` the layer's probability ``p``. Inference is plain Python (a
dot product over at most a few dozen features per relevant document); scikit-learn is needed
only to fit.

The layer is fitted on the default coder's outputs for the codebook it ships with: it applies
only when the coder's codebook has the fingerprint stored with the weights (the codes and their
indicators; labels, definitions and order do not count), so a codebook with other indicators
codes by its indicators alone until the layer is refitted.

Fit (deterministic: sets in a fixed order, documents in file order, liblinear with a fixed
seed, weights rounded): ``steppewatch fit-topics`` (or ``python -m
steppewatch.extract.learned_topics fit``; default: the eight tuning sets, written to the shipped
file). It refuses the held-out sets by name
(``calibration.HELD_OUT``). Measured leave-one-set-out in ``bench/loso_event_fields.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from steppewatch.errors import InputError
from steppewatch.extract.calibration import TUNING_SETS
from steppewatch.extract.model import CodedItem, Evidence

__all__ = [
    "LAYER_FILE",
    "TUNING_SETS",
    "TopicLayer",
    "codebook_features",
    "codebook_fingerprint",
    "fit_rows",
    "fit_topic_layer",
    "layer_from_json",
    "load_topic_layer",
    "merge_features",
    "training_rows",
    "write_layer",
]

LAYER_FILE = Path(__file__).resolve().parent.parent / "data" / "learned" / "topic_layer_v1.json"
LAYER_FORMAT = "steppewatch.topic_layer"
LAYER_FORMAT_VERSION = 1
# evidence fields whose codes are codebook or study codes (actors, dates and places are not)
_EVIDENCE_FIELDS = ("topic", "domain", "kind", "level", "framework")
WITHHELD_FIELD = "topic_withheld"


def codebook_features(
    item: CodedItem,
    focal: str,
    *,
    partner_codes: bool = False,
    evidence_fields: Sequence[str] | None = _EVIDENCE_FIELDS,
) -> dict[str, float]:
    """The default coder's reading of an item as named features: its codes (``base:topic=...``,
    ``base:kind=...``), the log count of each code's evidence (``ev:topic=...``; of every field
    when ``evidence_fields`` is None), the relevance score and the number of partner states (and
    each partner, ``base:country=...``, with ``partner_codes``: the trained coder's view)."""
    features: dict[str, float] = {"base:score": item.relevance_score}
    if item.relevant:
        features["base:relevant"] = 1.0
    for code in item.topics:
        features[f"base:topic={code}"] = 1.0
    for code in item.domains:
        features[f"base:domain={code}"] = 1.0
    for name, value in (("kind", item.kind), ("level", item.level), ("framework", item.framework)):
        if value:
            features[f"base:{name}={value}"] = 1.0
    partners = [c for c in item.countries if c != focal]
    features["base:n_countries"] = math.log1p(len(partners))
    if partner_codes:
        for code in partners:
            features[f"base:country={code}"] = 1.0
    counts: dict[str, int] = {}
    for evidence in item.evidence:
        if evidence_fields is None or evidence.field in evidence_fields:
            key = f"ev:{evidence.field}={evidence.code}"
            counts[key] = counts.get(key, 0) + 1
    for key, count in counts.items():
        features[key] = math.log1p(count)
    return features


def merge_features(feature_sets: Iterable[dict[str, float]]) -> dict[str, float]:
    """Several items' features as one document's: the largest value of each."""
    merged: dict[str, float] = {}
    for features in feature_sets:
        for key, value in features.items():
            merged[key] = max(merged.get(key, 0.0), value)
    return merged


def codebook_fingerprint(codebook: Any) -> str:
    """A hash of the codebook's codes and their indicators (not labels, definitions or order)."""
    rows = []
    for scheme in sorted(type(codebook.schemes).model_fields):
        for code in codebook.scheme(scheme).codes:
            if code.retired_in:
                continue
            for lang in ("en", "zh", "ru"):
                for term in getattr(code.indicators, lang):
                    rows.append(f"{scheme}\t{code.code}\t{lang}\t{term}")
    return hashlib.sha256("\n".join(sorted(rows)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class TopicModel:
    bias: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(
            w * features[name] for name, w in self.weights.items() if name in features
        )
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


@dataclass(frozen=True)
class TopicLayer:
    fingerprint: str
    blend: float = 0.45
    threshold: float = 0.5
    models: dict[str, TopicModel] = field(default_factory=dict)

    def probabilities(self, items: Sequence[CodedItem], focal: str) -> dict[str, float]:
        """The probability of each topic the relevant items carry that has a model."""
        relevant = [i for i in items if i.relevant]
        topics = sorted({t for i in relevant for t in i.topics if t in self.models})
        if not topics:
            return {}
        features = merge_features(codebook_features(i, focal) for i in relevant)
        return {t: self.models[t].probability(features) for t in topics}

    def apply(self, items: Sequence[CodedItem], focal: str) -> list[str]:
        """Withhold the topics whose blended probability is below the threshold from every
        item; their evidence stays, as ``topic_withheld`` with the probability as confidence.
        Returns the withheld topics."""
        withheld = {
            t: p
            for t, p in self.probabilities(items, focal).items()
            if (1 - self.blend) * p + self.blend < self.threshold
        }
        for item in items:
            if not item.relevant or not withheld.keys() & set(item.topics):
                continue
            item.topics = [t for t in item.topics if t not in withheld]
            evidence: list[Evidence] = []
            for ev in item.evidence:
                if ev.field == "topic" and ev.code in withheld:
                    ev = ev.model_copy(
                        update={
                            "field": WITHHELD_FIELD,
                            "basis": "learned",
                            "confidence": round(withheld[ev.code], 3),
                        }
                    )
                evidence.append(ev)
            item.evidence = evidence
        return sorted(withheld)


def _layer_from_json(data: dict[str, Any], source: str) -> TopicLayer:
    if data.get("format") != LAYER_FORMAT or data.get("format_version") != LAYER_FORMAT_VERSION:
        raise InputError(
            f"{source} is not a {LAYER_FORMAT} file of version {LAYER_FORMAT_VERSION}",
            hint="refit it with 'steppewatch fit-topics' (from the repository)",
            code="SW396",
        )
    return TopicLayer(
        fingerprint=str(data["codebook_fingerprint"]),
        blend=float(data["blend"]),
        threshold=float(data["threshold"]),
        models={
            topic: TopicModel(bias=float(m["bias"]), weights=dict(m["weights"]))
            for topic, m in data["topics"].items()
        },
    )


@lru_cache(maxsize=4)
def load_topic_layer(path: str | None = None) -> TopicLayer | None:
    """The shipped layer (or the one at ``path``); None when the file is absent."""
    file = Path(path) if path else LAYER_FILE
    if not file.is_file():
        return None
    return _layer_from_json(json.loads(file.read_text(encoding="utf-8")), str(file))


# -- fitting (scikit-learn; never on the coding path) --------------------------------------


def training_rows(
    gold_path: str | Path, coder: Any = None
) -> list[tuple[dict[str, float], set[str], Any]]:
    """(features, gold topics, coded record) of each document of a gold set that gold and the
    default coder without the layer both call relevant. Refuses the held-out sets by name."""
    from steppewatch.extract.calibration import HELD_OUT
    from steppewatch.extract.codebook_coder import CodebookCoder
    from steppewatch.extract.gold import load_gold, read_gold_documents

    if Path(gold_path).name in HELD_OUT:
        raise InputError(
            f"{gold_path} is a held-out gold set: fitting on it would leak it into the coder",
            hint="fit on the tuning sets (default: " + ", ".join(TUNING_SETS) + ")",
            code="SW397",
        )
    coder = coder or CodebookCoder(topic_layer=False)
    focal = coder._resources().study.focal
    rows = []
    found, _, _ = read_gold_documents(load_gold(gold_path), gold_path, None)
    for gold, document in found:
        record = coder.code(document)
        if not (gold.relevant and record.relevant):
            continue
        items = [i for i in (record.items or [record]) if i.relevant]
        rows.append(
            (
                merge_features(codebook_features(i, focal) for i in items),
                set(gold.topics or ()),
                record,
            )
        )
    return rows


def fit_rows(
    features: Sequence[dict[str, float]],
    labels: Sequence[set[str]],
    *,
    C: float = 4.0,
    min_examples: int = 3,
) -> dict[str, Any]:
    """One logistic regression per topic with at least ``min_examples`` positive documents:
    ``{topic: {positives, bias, weights: {feature: weight}}}``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform(list(features)).toarray()
    columns = vectorizer.get_feature_names_out()
    topics: dict[str, Any] = {}
    for topic in sorted(set().union(*labels)):
        y = [topic in s for s in labels]
        if sum(y) < min_examples or all(y):
            continue
        model = LogisticRegression(
            C=C,
            class_weight="balanced",
            solver="liblinear",
            dual=True,
            max_iter=2000,
            random_state=0,
        ).fit(X, y)
        sign = 1.0 if list(model.classes_).index(True) == 1 else -1.0
        weights = {
            str(name): round(sign * float(w), 6)
            for name, w in zip(columns, model.coef_[0], strict=True)
            if round(float(w), 6) != 0.0
        }
        topics[topic] = {
            "positives": sum(y),
            "bias": round(sign * float(model.intercept_[0]), 6),
            "weights": dict(sorted(weights.items())),
        }
    return topics


def fit_topic_layer(
    gold_paths: Sequence[str | Path],
    *,
    C: float = 4.0,
    blend: float = 0.45,
    threshold: float = 0.5,
    min_examples: int = 3,
) -> dict[str, Any]:
    """Fit the layer on gold sets (in the order given) and return its JSON document."""
    from steppewatch.extract.codebook_coder import CodebookCoder

    coder = CodebookCoder(topic_layer=False)
    rows = [row for path in gold_paths for row in training_rows(path, coder)]
    return {
        "format": LAYER_FORMAT,
        "format_version": LAYER_FORMAT_VERSION,
        "codebook_fingerprint": codebook_fingerprint(coder._resources().codebook),
        "fitted_on": [Path(p).name for p in gold_paths],
        "documents": len(rows),
        "C": C,
        "blend": blend,
        "threshold": threshold,
        "topics": fit_rows(
            [f for f, _, _ in rows], [t for _, t, _ in rows], C=C, min_examples=min_examples
        ),
    }


def layer_from_json(data: dict[str, Any], source: str = "topic layer") -> TopicLayer:
    """A layer from its JSON document (as written by ``fit_topic_layer``)."""
    return _layer_from_json(data, source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m steppewatch.extract.learned_topics",
        description="Fit the learned topic layer on gold sets (refuses the held-out sets).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    fit = sub.add_parser("fit", help="fit and write the layer's weights (JSON)")
    fit.add_argument(
        "gold",
        nargs="*",
        help="gold files (default: the eight tuning sets under gold/ of the current directory)",
    )
    fit.add_argument("--out", type=Path, default=LAYER_FILE)
    args = parser.parse_args(argv)
    paths = args.gold or [str(Path("gold") / f"{name}.jsonl") for name in TUNING_SETS]
    target, data = write_layer(paths, args.out)
    print(f"wrote {target}: {len(data['topics'])} topics from {data['documents']} documents")
    return 0


def write_layer(
    gold_paths: Sequence[str], out: Path | str = LAYER_FILE
) -> tuple[Path, dict[str, Any]]:
    """Fit the layer on ``gold_paths`` and write its JSON to ``out`` (``steppewatch fit-topics``)."""
    data = fit_topic_layer(gold_paths)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
    load_topic_layer.cache_clear()
    return target, data


if __name__ == "__main__":
    raise SystemExit(main())
