"""A learned withhold-only decision over the rules' Central Asian states, judged on fresh sets
(fourteenth round, learned11).

For each Central Asian state the rule coder codes in a document it calls relevant, a logistic
regression (liblinear, balanced classes, seed 0) gives the probability that gold carries the
state, from how the coder found it (``learned_fields_dump.country_features``: log counts of its
evidence by basis, mentions, named in an item's lead, set aside as a state only named) and, in
the ``ctx`` variant, the document's context (the coder's kind, framework, level, number of
partners, language). A state is withheld when that probability is below t; the layer never adds
one. Judged as ``bench/learned_fields.py`` judges the other fields: fresh A (main's coder, fit on
ten sets, score test9), fresh B (the coder at 36a17a4, fit on nine, score test8), the variant
chosen by nested LOSO (CA F1) over the fresh set's training sets; LOSO over the eleven.

    PYTHONPATH=$PWD/src python bench/learned_countries.py --main /tmp/l11_main2.jsonl \
        --old /tmp/l11_36a2.jsonl
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_fields import PARTNERS, Row, fmt, load  # noqa: E402

from steppewatch.extract.calibration import TUNING_SETS  # noqa: E402
from steppewatch.extract.evaluate import Prediction, score_predictions  # noqa: E402

CS = (0.25, 1.0, 4.0)
THRESHOLDS = (0.1, 0.2, 0.3, 0.4)
FEATURES = ("own", "ctx")
VARIANTS = list(itertools.product(FEATURES, CS, THRESHOLDS))
CONTEXT = ("base:kind=", "base:framework=", "base:level=", "base:n_countries", "lang=")


def attach(data: dict[str, list[Row]], dump: Path) -> dict[int, dict[str, dict[str, float]]]:
    """The per-state features of each row (by ``id(row)``), read from the same dump."""
    lines = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    rows = [r for name in data for r in data[name]]
    by_key = {(x["set"], x["id"], x["path"]): x["countries"] for x in lines}
    return {id(r): by_key[(r.set, r.gold.id, r.gold.path)] for r in rows}


def candidates(r: Row, cf: dict[int, dict[str, dict[str, float]]], which: str) -> list[Any]:
    if not r.pred.relevant:
        return []
    out = []
    for code in r.pred.countries:
        if code not in PARTNERS:
            continue
        f = dict(cf[id(r)].get(code, {}))
        f[f"state={code}"] = 1.0
        if which == "ctx":
            f.update({k: v for k, v in r.features.items() if k.startswith(CONTEXT)})
        out.append((code, f))
    return out


class Model:
    def __init__(
        self, which: str, C: float, train: Sequence[Row], cf: dict[int, dict[str, dict[str, float]]]
    ) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        X, y = [], []
        for r in train:
            for code, f in candidates(r, cf, which):
                X.append(f)
                y.append(r.gold.relevant and code in r.gold.countries)
        self.which, self.cf = which, cf
        self.dv = DictVectorizer(sort=True)
        M = self.dv.fit_transform(X)
        M.indices = M.indices.astype("int32")
        M.indptr = M.indptr.astype("int32")
        self.model = LogisticRegression(
            C=C, solver="liblinear", class_weight="balanced", random_state=0, max_iter=2000
        ).fit(M, y)
        self.true = list(self.model.classes_).index(True)

    def decide(self, rows: Sequence[Row], t: float) -> tuple[list[Prediction], int]:
        out, changed = [], 0
        for r in rows:
            cands = candidates(r, self.cf, self.which)
            if not cands:
                out.append(r.pred)
                continue
            M = self.dv.transform([f for _, f in cands])
            M.indices = M.indices.astype("int32")
            M.indptr = M.indptr.astype("int32")
            p = self.model.predict_proba(M)[:, self.true]
            drop = {code for (code, _), q in zip(cands, p, strict=True) if q < t}
            if drop:
                changed += 1
                kept = tuple(c for c in r.pred.countries if c not in drop)
                out.append(dataclasses.replace(r.pred, countries=kept))
            else:
                out.append(r.pred)
        return out, changed


def score(rows: Sequence[Row], preds: Sequence[Prediction]) -> dict[str, float | None]:
    report = score_predictions([r.gold for r in rows], list(preds), partners=PARTNERS, samples=0)
    f = report.fields["countries"]
    if not f.micro:
        return {"P": None, "R": None, "F1": None}

    def val(x: Any) -> float | None:
        return None if x is None or x.value is None else float(x.value)

    return {"P": val(f.micro.precision), "R": val(f.micro.recall), "F1": val(f.micro.f1)}


def loso(data: dict[str, list[Row]], sets: Sequence[str], cf: Any) -> dict[Any, list[float]]:
    scores: dict[Any, list[float]] = {v: [] for v in VARIANTS}
    for name in sets:
        train = [r for other in sets if other != name for r in data[other]]
        for which, C in itertools.product(FEATURES, CS):
            model = Model(which, C, train, cf)
            for t in THRESHOLDS:
                s = score(data[name], model.decide(data[name], t)[0])["F1"]
                if s is not None:
                    scores[(which, C, t)].append(s)
    return scores


def fresh(label: str, data: Any, cf: Any, train_sets: Sequence[str], test_set: str) -> None:
    inner = loso(data, train_sets, cf)
    means = {v: sum(s) / len(s) for v, s in inner.items() if s}
    rules_inner = [score(data[n], [r.pred for r in data[n]])["F1"] or 0.0 for n in train_sets]
    chosen = max(means, key=lambda v: (round(means[v], 6), v[2] == min(THRESHOLDS), -v[1]))
    train = [r for n in train_sets for r in data[n]]
    test = data[test_set]
    rules = score(test, [r.pred for r in test])
    print(f"\n### {label}: CA countries (fit on {', '.join(train_sets)}; score {test_set})")
    print(f"rules on {test_set}: {json.dumps({k: fmt(v) for k, v in rules.items()})}")
    print(f"rules nested-LOSO mean CA F1 (in-sample): {sum(rules_inner) / len(rules_inner):.3f}")
    print(
        "| features | C | t | nested LOSO mean F1 | fresh P | fresh R | fresh F1 | changed docs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for which, C in itertools.product(FEATURES, CS):
        model = Model(which, C, train, cf)
        for t in THRESHOLDS:
            v = (which, C, t)
            preds, changed = model.decide(test, t)
            s = score(test, preds)
            mark = " **chosen**" if v == chosen else ""
            print(
                f"| {which} | {C} | {t}{mark} | {fmt(means.get(v))} | {fmt(s['P'])} "
                f"| {fmt(s['R'])} | {fmt(s['F1'])} | {changed} |"
            )
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--main", type=Path, required=True)
    parser.add_argument("--old", type=Path)
    parser.add_argument("--skip-loso", action="store_true")
    args = parser.parse_args()
    sets = list(TUNING_SETS)
    main_data = load(args.main)
    main_cf = attach(main_data, args.main)
    fresh("fresh A", main_data, main_cf, [n for n in sets if n != "test9"], "test9")
    if args.old:
        old_data = load(args.old)
        old_cf = attach(old_data, args.old)
        fresh(
            "fresh B", old_data, old_cf, [n for n in sets if n not in ("test8", "test9")], "test8"
        )
    if not args.skip_loso:
        print("\n### LOSO over the eleven (main's coder): CA F1")
        scores = loso(main_data, sets, main_cf)
        rules = [score(main_data[n], [r.pred for r in main_data[n]])["F1"] for n in sets]
        print("| features | C | t | LOSO mean | " + " | ".join(sets) + " |")
        print("|---|---|---|---|" + "---|" * len(sets))
        rmean = sum(x or 0.0 for x in rules) / len(rules)
        print(f"| rules (in-sample) | - | - | {rmean:.3f} | " + " | ".join(map(fmt, rules)) + " |")
        for v, s in scores.items():
            print(
                f"| {v[0]} | {v[1]} | {v[2]} | {sum(s) / len(s):.3f} | "
                + " | ".join(fmt(x) for x in s)
                + " |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
