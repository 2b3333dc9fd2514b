"""Leave-one-set-out (LOSO) study of the learned relevance layer (bench/relevance_layer.py).

Codes the eight tuning gold sets once with the rules alone (the layer off), turns every item the
rules code relevant into named features, and for each left-out set fits the layer on the other
seven and scores the left-out set's document relevance. Prints, per set and as the mean over
sets: the rules' relevance P/R/F1, and the layer's over a grid of C and thresholds; then the
nested choice (C and threshold chosen by LOSO over the seven training sets only) and, for the
chosen configuration, every headline field (relevance, CA countries, kind macro-F1, framework,
level, topics) per left-out set before/after. ``--linear`` adds the optional linear coder
(steppewatch.linear.v1) trained on seven sets and scored on the eighth (slow).

    nice .venv/bin/python bench/relevance_loso.py [--linear] [--fields] [--json OUT]

Never reads a held-out set: the eight sets are named here, and ``HELD_OUT`` is refused.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from relevance_layer import (  # noqa: E402
    C_GRID,
    THRESHOLD_GRID,
    TUNING_SETS,
    choose,
    code_sets,
    headline,
    loso_layer,
    prf,
)


def _table(title: str, rows: dict[str, tuple[float, float, float]]) -> None:
    print(f"\n{title}")
    print(f"{'set':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (p, r, f) in rows.items():
        print(f"{name:<12} {p:6.3f} {r:6.3f} {f:6.3f}")
    means = [statistics.mean(v[i] for v in rows.values()) for i in range(3)]
    print(f"{'mean':<12} {means[0]:6.3f} {means[1]:6.3f} {means[2]:6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--linear", action="store_true", help="also the linear coder, LOSO")
    parser.add_argument("--fields", action="store_true", help="every headline field, LOSO")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--train-on",
        choices=("relevant", "read"),
        default="relevant",
        help="train on the rule-relevant items only, or on every item the rules read",
    )
    parser.add_argument(
        "--balanced", action="store_true", help="class_weight='balanced' (negatives weighed up)"
    )
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        metavar="C:T",
        help="also print the per-set LOSO table at C and threshold T (repeatable)",
    )
    args = parser.parse_args()
    import relevance_layer

    relevance_layer.TRAIN_ON["mode"] = args.train_on
    relevance_layer.FIT_OPTIONS["class_weight"] = "balanced" if args.balanced else None
    gold = [str(ROOT / "gold" / name) for name in TUNING_SETS]
    coded = code_sets(gold)
    out: dict[str, Any] = {}
    base = {s.name: prf(s.gold, s.rules) for s in coded}
    _table("rules (default coder, layer off): document relevance", base)
    out["rules"] = base
    grid: dict[tuple[float, float], dict[str, tuple[float, float, float]]] = {}
    print("\nLOSO grid: mean F1 / mean R / sets improved-same-worse (F1 vs rules)")
    for c in C_GRID:
        per = loso_layer(coded, c, THRESHOLD_GRID)
        for t in THRESHOLD_GRID:
            rows = {name: per[name][t] for name in per}
            grid[(c, t)] = rows
            f = statistics.mean(v[2] for v in rows.values())
            r = statistics.mean(v[1] for v in rows.values())
            better = sum(rows[n][2] > base[n][2] + 1e-9 for n in rows)
            worse = sum(rows[n][2] < base[n][2] - 1e-9 for n in rows)
            print(
                f"C={c:<6g} t={t:<5g} F1 {f:.3f} R {r:.3f}  {better}/{8 - better - worse}/{worse}"
            )
    for spec in args.show:
        c_text, t_text = spec.split(":")
        per = loso_layer(coded, float(c_text), [float(t_text)])
        _table(f"LOSO at C={c_text} t={t_text}", {n: per[n][float(t_text)] for n in per})
    out["grid"] = {f"C={c:g},t={t:g}": rows for (c, t), rows in grid.items()}
    nested = choose(coded, base)
    _table("nested LOSO (C, threshold chosen on the seven training sets only)", nested["rows"])
    for name, (c, t) in nested["chosen"].items():
        print(f"  {name}: C={c:g} t={t:g}")
    out["nested"] = nested
    if args.fields:
        c, t = nested["overall"]
        print(f"\nheadline fields, LOSO at C={c:g} t={t:g} (rules -> layer)")
        out["fields"] = headline(coded, c, t)
        out["fields_in_sample"] = headline(coded, c, t, loso=False)
        for name, (before, after) in out["fields"].items():
            b = " ".join(f"{k} {v:.3f}" for k, v in before.items())
            a = " ".join(f"{k} {v:.3f}" for k, v in after.items())
            print(f"{name:<10} before {b}\n{'':<10} after  {a}")
        print("in-sample (fitted on all eight sets):")
        for name, (_, after) in out["fields_in_sample"].items():
            a = " ".join(f"{k} {v:.3f}" for k, v in after.items())
            print(f"{name:<10} after  {a}")
    if args.linear:
        from relevance_layer import loso_linear

        linear = loso_linear(gold)
        _table("linear coder (steppewatch.linear.v1) trained on 7 sets", linear)
        out["linear"] = linear
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=list) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
