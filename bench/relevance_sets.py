"""Document relevance of the default coder on the nine tuning sets, by language (issue 13,
twelfth round).

Prints, per tuning set and per language (zh, ru, en, all): relevance precision, recall and F1
as ``steppewatch evaluate`` scores them, the hard negatives coded relevant and the relevant
documents missed, and with ``--list`` their ids; ``--json OUT`` writes the figures and ids.
Refuses the held-out sets by name (``calibration.HELD_OUT``).

    nice .venv/bin/python bench/relevance_sets.py [--sets test7 test6] [--list] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import evaluate
from steppewatch.extract.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "ru", "en")


def _prf(rows: list[tuple[bool, bool]]) -> dict[str, Any]:
    tp = sum(1 for g, p in rows if g and p)
    fp = sum(1 for g, p in rows if p and not g)
    fn = sum(1 for g, p in rows if g and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(rows),
        "negatives": sum(1 for g, _ in rows if not g),
        "p": precision,
        "r": recall,
        "f1": f1,
        "false_relevant": fp,
        "missed": fn,
    }


def relevance_rows(name: str) -> dict[str, Any]:
    """Per-document (id, language, gold relevant, predicted relevant) of tuning set ``name``."""
    path = ROOT / "gold" / f"{name}.jsonl"
    if path.name in HELD_OUT:
        raise SystemExit(f"{path} is held out: refused")
    languages = {g.id: g.language or "?" for g in load_gold(path)}
    report = json.loads(evaluate(path, coder=CodebookCoder(), samples=0).model_dump_json())
    docs = []
    for doc in report["documents"]:
        predicted = doc.get("predicted") or {}
        docs.append(
            (
                doc["id"],
                languages.get(doc["id"], "?"),
                bool(doc["gold"]["relevant"]),
                bool(predicted.get("relevant")),
            )
        )
    return {"documents": docs, "fields": report["fields"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TUNING_SETS))
    parser.add_argument("--list", action="store_true", help="ids of the documents wrong")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    out: dict[str, Any] = {}
    print("| set | lang | n | neg | P | R | F1 | negatives coded relevant | relevant missed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        got = relevance_rows(name)
        docs = got["documents"]
        out[name] = {"wrong": {}, "figures": {}}
        for language in (*LANGUAGES, "all"):
            rows = [(g, p) for _, lang, g, p in docs if language in ("all", lang)]
            if not rows:
                continue
            f = _prf(rows)
            out[name]["figures"][language] = f
            print(
                f"| {name} | {language} | {f['n']} | {f['negatives']} | {f['p']:.3f} | "
                f"{f['r']:.3f} | {f['f1']:.3f} | {f['false_relevant']} | {f['missed']} |"
            )
        false_relevant = [i for i, _, g, p in docs if p and not g]
        missed = [i for i, _, g, p in docs if g and not p]
        out[name]["wrong"] = {"false_relevant": false_relevant, "missed": missed}
        if args.list:
            print(f"  {name} false relevant: {', '.join(false_relevant) or '-'}")
            print(f"  {name} missed: {', '.join(missed) or '-'}")
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
