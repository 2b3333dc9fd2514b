"""Central Asian countries of the default coder on the tuning sets, with the errors split (issue 13,
twelfth round, branch coder18).

Per tuning set and language: CA precision / recall / F1 (as ``steppewatch evaluate`` scores the
``countries`` field), false CA codes on documents gold calls relevant and on documents gold calls
not relevant (hard negatives the relevance decision let through), and missed CA codes. With
``--documents`` every document with a false or missed CA code is listed (id, gold, predicted).
``--json FILE`` also writes the headline fields of every set (relevance, CA, kind macro-F1,
framework, level, topics) for before/after tables. Refuses the held-out sets by name
(``calibration.HELD_OUT``).

    .venv/bin/python bench/country_errors.py [--sets test7 test6 ...] [--documents] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import evaluate
from steppewatch.extract.gold import load_gold
from steppewatch.study import resolve_study

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from event_fields_sets import figures  # noqa: E402


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def headline(report: dict[str, object]) -> dict[str, float | None]:
    """The headline fields of one set, rounded (``event_fields_sets.figures`` reads them)."""
    return {k: None if v is None else round(v, 3) for k, v in figures(report).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TUNING_SETS))
    parser.add_argument("--documents", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    for name in args.sets:
        if f"{name}.jsonl" in HELD_OUT or Path(name).name in HELD_OUT:
            print(f"{name} is a held-out gold set: refused", file=sys.stderr)
            return 2
    coder = CodebookCoder()
    partners = set(resolve_study(None).partner_states)
    out: dict[str, dict[str, float | None]] = {}
    for name in args.sets:
        path = ROOT / "gold" / f"{name}.jsonl"
        languages = {d.id: d.language or "?" for d in load_gold(path)}
        report = evaluate(path, coder=coder, samples=0).model_dump(mode="json")
        out[name] = headline(report)
        # tp, false on relevant, false on negatives, missed, missed where the coder found no
        # relevant item (a relevance miss, not a country one)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        lines: list[str] = []
        for doc in report["documents"]:
            gold = set(doc["gold"]["countries"])
            pred = set(doc["predicted"]["countries"]) if doc["predicted"]["relevant"] else set()
            gold &= partners
            pred &= partners
            relevant = bool(doc["gold"]["relevant"])
            for key in ("all", languages.get(doc["id"], "?")):
                c = counts[key]
                c[0] += len(gold & pred)
                c[1 if relevant else 2] += len(pred - gold)
                c[3] += len(gold - pred)
                c[4] += 0 if doc["predicted"]["relevant"] else len(gold - pred)
            if pred != gold:
                lines.append(
                    f"  {'REL' if relevant else 'NEG'} {doc['id']}: gold {sorted(gold)} "
                    f"pred {sorted(pred)} false {sorted(pred - gold)} missed {sorted(gold - pred)}"
                )
        print(f"== {name}: " + " ".join(f"{k} {v}" for k, v in out[name].items()))
        for key in sorted(counts):
            tp, fpr, fpn, fn, fn_irrelevant = counts[key]
            p, r, f = _prf(tp, fpr + fpn, fn)
            print(
                f"  {key:4} CA P/R/F1 {p:.3f} / {r:.3f} / {f:.3f}  false on relevant {fpr}, "
                f"on negatives {fpn}, missed {fn} ({fn_irrelevant} on documents coded not "
                "relevant)"
            )
        if args.documents:
            print("\n".join(lines))
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
