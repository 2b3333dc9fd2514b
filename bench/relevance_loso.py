"""Leave-one-set-out (LOSO) study of a learned relevance layer (bench/relevance_layer.py; not
adopted, see gold/README.md, "Eleventh round, learned relevance layer (branch coder14)").

Codes the eight tuning gold sets once with the rules (and, with ``--train-on loose``, once more
with the partner-engagement and economic-lead gates off), turns items into named features, and
for each left-out set fits the layer on the other seven and scores the left-out set's document
relevance. Prints the rules' relevance P/R/F1 per set; the grid of C and thresholds (LOSO mean
F1, mean recall, sets better/same/worse); the nested table (C and threshold chosen on the seven
training sets only); with ``--fields`` every headline field per set before/after at the pair
the LOSO mean chose (or ``--fields-at C:T``), LOSO and in-sample; with ``--linear`` the
optional linear coder (steppewatch.linear.v1) trained on seven sets (slow).

    nice .venv/bin/python bench/relevance_loso.py [--train-on relevant|read|loose]
        [--features all|evidence] [--balanced] [--c-grid 0.1,1] [--t-grid 0.1,0.2]
        [--show C:T] [--fields [--fields-at C:T]] [--linear] [--json OUT]

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
    GRID,
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
        choices=("relevant", "read", "loose"),
        default="relevant",
        help="train on the rule-relevant items only, on every item the rules read, or on the "
        "items loose rules (no engagement or economic-lead gate) code relevant",
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
    parser.add_argument(
        "--fields-at",
        metavar="C:T",
        help="with --fields: at this C and threshold instead of the LOSO mean's choice",
    )
    parser.add_argument(
        "--features",
        choices=("all", "evidence"),
        default="all",
        help="all features, or only the evidence and name counts (no language, length, "
        "score, main kind/framework/level)",
    )
    parser.add_argument("--c-grid", help="comma-separated C values (default 0.01,...,1)")
    parser.add_argument("--t-grid", help="comma-separated thresholds (default 0.05,...,0.5)")
    args = parser.parse_args()
    import relevance_layer

    relevance_layer.TRAIN_ON["mode"] = args.train_on
    relevance_layer.FEATURES["set"] = args.features
    if args.c_grid:
        GRID["C"] = tuple(float(x) for x in args.c_grid.split(","))
    if args.t_grid:
        GRID["threshold"] = tuple(float(x) for x in args.t_grid.split(","))
    relevance_layer.FIT_OPTIONS["class_weight"] = "balanced" if args.balanced else None
    gold = [str(ROOT / "gold" / name) for name in TUNING_SETS]
    coded = code_sets(gold)
    out: dict[str, Any] = {}
    base = {s.name: prf(s.gold, s.rules) for s in coded}
    _table("rules (default coder, layer off): document relevance", base)
    out["rules"] = base
    grid: dict[tuple[float, float], dict[str, tuple[float, float, float]]] = {}
    print("\nLOSO grid: mean F1 / mean R / sets improved-same-worse (F1 vs rules)")
    for c in GRID["C"]:
        per = loso_layer(coded, c, GRID["threshold"])
        for t in GRID["threshold"]:
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
        if args.fields_at:
            c, t = (float(x) for x in args.fields_at.split(":"))
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
