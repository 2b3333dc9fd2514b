"""Event fields of the default coder on the tuning sets, in-sample (issue 13, eleventh and twelfth
rounds).

Prints, per tuning set, kind macro-F1 and accuracy, framework and level accuracy, topic micro-F1,
location accuracy, actors and domains micro-F1 (all scored on the documents gold calls relevant,
as ``steppewatch evaluate`` scores them), with ``--languages`` the same per language, and with
``--confusion`` the kind and framework confusion tables. ``--dump DIR`` writes each set's
``evaluate --format json`` report there for error analysis. Refuses the held-out sets by name
(``calibration.HELD_OUT``).

    .venv/bin/python bench/event_fields_sets.py [--languages] [--confusion] [--dump /tmp/sets]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
TUNING = TUNING_SETS
HEADLINE = ("kind", "framework", "level", "topics")


def figures(report: dict[str, object], group: str | None = None) -> dict[str, float | None]:
    fields = report["fields"] if group is None else report["groups"][group]  # type: ignore[index]
    assert isinstance(fields, dict)

    def value(name: str, block: str, measure: str) -> float | None:
        part = fields[name][block]
        if part is None:
            return None
        got = part[measure]["value"]
        return None if got is None else float(got)

    def rate(name: str) -> float | None:
        got = fields[name]["accuracy"]
        return None if got is None or got["value"] is None else float(got["value"])

    return {
        "relevance_p": value("relevance", "micro", "precision"),
        "relevance_r": value("relevance", "micro", "recall"),
        "relevance_f1": value("relevance", "micro", "f1"),
        "ca_p": value("countries", "micro", "precision"),
        "ca_r": value("countries", "micro", "recall"),
        "ca_f1": value("countries", "micro", "f1"),
        "kind_macro": value("kind", "macro", "f1"),
        "kind_acc": rate("kind"),
        "framework": rate("framework"),
        "level": rate("level"),
        "location": rate("location"),
        "actors": value("actors", "micro", "f1"),
        "domains": value("domains", "micro", "f1"),
        "topics": value("topics", "micro", "f1"),
    }


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TUNING))
    parser.add_argument("--confusion", action="store_true")
    parser.add_argument("--languages", action="store_true", help="also a row per language")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument(
        "--no-layer", action="store_true", help="the rules alone (no learned topic layer)"
    )
    args = parser.parse_args(argv)
    columns = (
        "relevance_p",
        "relevance_r",
        "relevance_f1",
        "ca_p",
        "ca_r",
        "ca_f1",
        "kind_macro",
        "kind_acc",
        "framework",
        "level",
        "location",
        "actors",
        "domains",
    )
    print("| set | " + " | ".join((*columns, "topics")) + " |")
    print("|---" * (len(columns) + 2) + "|")
    scored: dict[str, list[float]] = {}
    for name in args.sets:
        path = ROOT / "gold" / f"{name}.jsonl"
        if path.name in HELD_OUT:
            print(f"{path} is held out: refused", file=sys.stderr)
            return 2
        coder = CodebookCoder(topic_layer=not args.no_layer)
        report = json.loads(evaluate(path, coder=coder, samples=0).model_dump_json())
        if args.dump is not None:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False))
        got = figures(report)
        for key, val in got.items():
            if val is not None:
                scored.setdefault(key, []).append(val)
        print(f"| {name} | " + " | ".join(_show(got[c]) for c in (*columns, "topics")) + " |")
        if args.languages:
            for group in sorted(g for g in report["groups"] if g.startswith("language=")):
                lang = figures(report, group)
                print(
                    f"| {name} {group.split('=')[1]} | "
                    + " | ".join(_show(lang[c]) for c in (*columns, "topics"))
                    + " |"
                )
        if args.confusion:
            for table in ("kind", "framework"):
                print(f"  {table} confusion (gold: predicted counts):")
                for gold, row in sorted(report["confusion"][table].items()):
                    wrong = {p: n for p, n in row.items() if p != gold}
                    if wrong:
                        print(f"    {gold}: right {row.get(gold, 0)}, wrong {wrong}")
    mean = {k: sum(v) / len(v) for k, v in scored.items()}
    print(
        "| mean (sets scored) | "
        + " | ".join(f"{mean[c]:.3f}" if c in mean else "-" for c in (*columns, "topics"))
        + " |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
