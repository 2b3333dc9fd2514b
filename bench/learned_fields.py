"""Learned kind / framework / level decisions over the rule coder's output, judged on fresh
sets (fourteenth round, learned11).

Reads the per-document dumps of ``bench/learned_fields_dump.py`` (the rules' prediction and the
coder's reading as named features) and, per field, fits a one-vs-rest logistic regression
(liblinear, balanced classes, seed 0) predicting gold's value (``none`` where gold has none) on
the documents gold and the coder both call relevant; a learned decision then changes the field
only on documents the coder calls relevant. Every other field stays the rules'.

Three judgements, for every variant (feature set x C x decision):
- **fresh A**: main's coder; fit on the ten sets other than test9, score test9 (the rules were
  written before test9 was opened).
- **fresh B**: the coder at 36a17a4; fit on the nine sets other than test8 and test9, score test8
  (those rules never saw test8).
- **LOSO** over the eleven tuning sets with main's coder (rules column in-sample: reference only).
The variant for each fresh set is chosen by LOSO over that set's training sets only (nested),
then the fresh set is scored once with it; all variants' fresh scores are printed too.

Feature sets: ``named`` (``learned_topics.codebook_features``'s names: codes, evidence counts,
relevance score, number of partners), ``named+`` (also the evidence's basis, its words, whether
it stands in the item's lead, the first relevant item's codes, the language, the number of
relevant items), ``named+ngrams`` (also TF-IDF character 2-4-grams of the relevant items' leads).
Decisions: ``override`` (the model decides), ``fill`` (the rules' value where they gave one),
``margin t`` (the model's choice only where its probability beats the rules' value's by t).

    PYTHONPATH=$PWD/src python bench/learned_fields.py --main /tmp/l11_main.jsonl \
        --old /tmp/l11_36a.jsonl --fields kind
    PYTHONPATH=$PWD/src python bench/learned_fields.py --main /tmp/l11_main.jsonl \
        --old /tmp/l11_36a.jsonl --fields kind --feature-sets indep indep+ngrams

Each of the four runs took 40-50 minutes of wall time at load 6-9 on the two-core machine. Figures
of the fourteenth round (all variants, nothing adopted): ``bench/results/learned_fields.md``
and gold/README.md
("Fourteenth round, learned decisions judged on fresh sets").
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.evaluate import Prediction, score_predictions
from steppewatch.extract.gold import GoldDocument, load_gold

ROOT = Path(__file__).resolve().parent.parent
NONE = "none"
FIELDS = ("kind", "framework", "level")
FEATURE_SETS = ("named", "named+", "named+ngrams", "indep", "indep+ngrams")
CS = (0.25, 1.0, 4.0)
DECISIONS = ("override", "fill", "margin 0.2", "margin 0.4")
PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]


@dataclasses.dataclass
class Row:
    set: str
    gold: GoldDocument
    pred: Prediction
    features: dict[str, float]
    lead: str


def load(dump: Path) -> dict[str, list[Row]]:
    golds: dict[str, dict[tuple[str, str], GoldDocument]] = {}
    data: dict[str, list[Row]] = {}
    for line in dump.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        name = r["set"]
        if name not in TUNING_SETS or f"{name}.jsonl" in HELD_OUT:
            raise SystemExit(f"{name} is not a tuning set: refused")
        if name not in golds:
            golds[name] = {(g.id, g.path): g for g in load_gold(ROOT / "gold" / f"{name}.jsonl")}
        p = r["pred"]
        pred = Prediction(
            relevant=p["relevant"],
            kind=p["kind"],
            countries=tuple(p["countries"]),
            topics=tuple(p["topics"]),
            domains=tuple(p["domains"]),
            event_date=p["event_date"],
            framework=p["framework"],
            level=p["level"],
            actors=tuple(tuple(a) for a in p["actors"]),  # type: ignore[misc]
            location=p["location"],
            event_kinds=tuple(p["event_kinds"]),
            language=p["language"],
        )
        data.setdefault(name, []).append(
            Row(name, golds[name][(r["id"], r["path"])], pred, r["features"], r["lead"])
        )
    return data


def feature_view(features: dict[str, float], which: str, field: str) -> dict[str, float]:
    if which == "named":
        return {k: v for k, v in features.items() if k.startswith(("base:", "ev:"))}
    if which.startswith("indep"):
        # without the rules' own decision of the field (their evidence for it stays)
        own = (f"base:{field}=", f"first:{field}=")
        if field == "kind":
            own += ("base:event_kind=", "first:event_kind=")
        return {k: v for k, v in features.items() if not k.startswith(own)}
    return features


def score(rows: Sequence[Row], preds: Sequence[Prediction]) -> dict[str, float | None]:
    report = score_predictions([r.gold for r in rows], list(preds), partners=PARTNERS, samples=0)
    out: dict[str, float | None] = {}

    def val(x: Any) -> float | None:
        return None if x is None or x.value is None else float(x.value)

    kind = report.fields["kind"]
    out["kind"] = val(kind.macro.f1) if kind.n and kind.macro else None
    out["kind_acc"] = val(kind.accuracy) if kind.n else None
    for name in ("framework", "level"):
        f = report.fields[name]
        out[name] = val(f.accuracy) if f.n else None
    for lang in ("en", "ru", "zh"):
        g = report.groups.get(f"language={lang}")
        if g and g["kind"].n:
            out[f"kind_acc_{lang}"] = val(g["kind"].accuracy)
    return out


def trainable(r: Row, field: str) -> bool:
    return r.gold.relevant and r.pred.relevant and (field == "kind" or field in r.gold.annotated)


def _int32(X: Any) -> Any:
    """liblinear takes sparse matrices with 32-bit indices only (``hstack`` gives 64-bit)."""
    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    return X


class Model:
    def __init__(self, field: str, which: str, C: float, train: Sequence[Row]) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        rows = [r for r in train if trainable(r, field)]
        self.field, self.which = field, which
        self.dv = DictVectorizer(sort=True)
        self.tf = (
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 4),
                sublinear_tf=True,
                min_df=3,
                max_features=4000,
                dtype=np.float64,
            )
            if which.endswith("ngrams")
            else None
        )
        X = self._fit_x(rows)
        y = [getattr(r.gold, field) or NONE for r in rows]
        self.model = OneVsRestClassifier(
            LogisticRegression(
                C=C, solver="liblinear", class_weight="balanced", random_state=0, max_iter=2000
            )
        ).fit(X, y)
        self.classes = [str(c) for c in self.model.classes_]

    def _fit_x(self, rows: Sequence[Row]) -> Any:
        from scipy.sparse import hstack

        X = _int32(
            self.dv.fit_transform([feature_view(r.features, self.which, self.field) for r in rows])
        )
        if self.tf is not None:
            X = _int32(hstack([X, self.tf.fit_transform([r.lead for r in rows])]).tocsr())
        return X

    def _x(self, rows: Sequence[Row]) -> Any:
        from scipy.sparse import hstack

        X = _int32(
            self.dv.transform([feature_view(r.features, self.which, self.field) for r in rows])
        )
        if self.tf is not None:
            X = _int32(hstack([X, self.tf.transform([r.lead for r in rows])]).tocsr())
        return X

    def probabilities(self, rows: Sequence[Row]) -> np.ndarray:
        P = self.model.predict_proba(self._x(rows))
        return np.asarray(P)


def decide(model: Model, rows: Sequence[Row], decision: str) -> tuple[list[Prediction], int]:
    """The rows' predictions with the field decided by the model; and how many changed."""
    field = model.field
    todo = [i for i, r in enumerate(rows) if r.pred.relevant]
    out = [r.pred for r in rows]
    if not todo:
        return out, 0
    P = model.probabilities([rows[i] for i in todo])
    changed = 0
    for i, p in zip(todo, P, strict=True):
        rules = getattr(rows[i].pred, field)
        guess = model.classes[int(np.argmax(p))]
        value = None if guess == NONE else guess
        if decision == "fill":
            value = rules or value
        elif decision.startswith("margin"):
            t = float(decision.split()[1])
            key = rules or NONE
            p_rules = p[model.classes.index(key)] if key in model.classes else 0.0
            if float(np.max(p)) - p_rules < t:
                value = rules
        if value != rules:
            changed += 1
            out[i] = dataclasses.replace(out[i], **{field: value})
    return out, changed


VARIANTS = [
    (which, C, decision) for which, C, decision in itertools.product(FEATURE_SETS, CS, DECISIONS)
]


def only_feature_sets(names: Sequence[str]) -> None:
    global FEATURE_SETS, VARIANTS
    FEATURE_SETS = tuple(names)
    VARIANTS = [v for v in VARIANTS if v[0] in FEATURE_SETS]


def loso(
    data: dict[str, list[Row]], sets: Sequence[str], field: str
) -> dict[tuple[str, float, str], list[float]]:
    """Per variant, the field's score on each left-out set of ``sets`` (fit on the others)."""
    scores: dict[tuple[str, float, str], list[float]] = {v: [] for v in VARIANTS}
    for name in sets:
        train = [r for other in sets if other != name for r in data[other]]
        test = data[name]
        for which, C in itertools.product(FEATURE_SETS, CS):
            model = Model(field, which, C, train)
            for decision in DECISIONS:
                preds, _ = decide(model, test, decision)
                s = score(test, preds)[field]
                if s is not None:
                    scores[(which, C, decision)].append(s)
    return scores


def fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def fresh(
    label: str,
    data: dict[str, list[Row]],
    train_sets: Sequence[str],
    test_set: str,
    field: str,
    out: dict[str, Any],
) -> None:
    inner = loso(data, train_sets, field)
    means = {v: sum(s) / len(s) for v, s in inner.items() if s}
    rules_inner = [score(data[n], [r.pred for r in data[n]])[field] for n in train_sets]
    rules_mean = sum(x for x in rules_inner if x is not None) / len(
        [x for x in rules_inner if x is not None]
    )
    chosen = max(means, key=lambda v: (round(means[v], 6), v[2] == "fill", -v[1]))
    train = [r for n in train_sets for r in data[n]]
    test = data[test_set]
    rules = score(test, [r.pred for r in test])
    print(f"\n### {label}: {field} (fit on {', '.join(train_sets)}; score {test_set})")
    print(f"rules on {test_set}: {json.dumps({k: fmt(v) for k, v in rules.items()})}")
    print(f"rules nested-LOSO mean over the training sets (in-sample): {rules_mean:.3f}")
    print("| features | C | decision | nested LOSO mean | fresh | changed docs |")
    print("|---|---|---|---|---|---|")
    results = {}
    models: dict[tuple[str, float], Model] = {}
    for v in VARIANTS:
        which, C, decision = v
        if (which, C) not in models:
            models[(which, C)] = Model(field, which, C, train)
        preds, changed = decide(models[(which, C)], test, decision)
        s = score(test, preds)
        results[v] = (s, changed)
        mark = " **chosen**" if v == chosen else ""
        print(
            f"| {which} | {C} | {decision}{mark} | {fmt(means.get(v))} | {fmt(s[field])} "
            f"| {changed} |"
        )
    s, changed = results[chosen]
    print(
        f"chosen {chosen}: {field} rules {fmt(rules[field])} -> learned {fmt(s[field])} "
        f"({changed} documents changed); all: {json.dumps({k: fmt(x) for k, x in s.items()})}"
    )
    out[f"{label}/{field}"] = {
        "chosen": list(chosen),
        "rules": rules,
        "learned": s,
        "changed": changed,
        "nested_mean": means[chosen],
        "rules_nested_mean": rules_mean,
    }
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--main", type=Path, required=True, help="main's coder dump")
    parser.add_argument("--old", type=Path, help="the 36a17a4 coder's dump (fresh B)")
    parser.add_argument("--fields", nargs="*", default=list(FIELDS))
    parser.add_argument("--skip-loso", action="store_true")
    parser.add_argument("--feature-sets", nargs="*", default=list(FEATURE_SETS))
    parser.add_argument("--json", type=Path, help="write the chosen variants' figures here")
    args = parser.parse_args()
    only_feature_sets(args.feature_sets)
    main_data = load(args.main)
    old_data = load(args.old) if args.old else None
    sets = list(TUNING_SETS)
    out: dict[str, Any] = {}
    for field in args.fields:
        fresh("fresh A", main_data, [n for n in sets if n != "test9"], "test9", field, out)
        if old_data is not None:
            fresh(
                "fresh B",
                old_data,
                [n for n in sets if n not in ("test8", "test9")],
                "test8",
                field,
                out,
            )
        if not args.skip_loso:
            print(f"\n### LOSO over the eleven (main's coder): {field}")
            scores = loso(main_data, sets, field)
            rules = [score(main_data[n], [r.pred for r in main_data[n]])[field] for n in sets]
            print(
                "| features | C | decision | LOSO mean | rules mean (in-sample) | "
                + " | ".join(sets)
                + " |"
            )
            print("|---|---|---|---|---|" + "---|" * len(sets))
            rmean = sum(x for x in rules if x is not None) / len([x for x in rules if x])
            print(f"| rules | - | - | - | {rmean:.3f} | " + " | ".join(map(fmt, rules)) + " |")
            for v, s in scores.items():
                print(
                    f"| {v[0]} | {v[1]} | {v[2]} | {sum(s) / len(s):.3f} | | "
                    + " | ".join(fmt(x) for x in s)
                    + " |"
                )
            sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
