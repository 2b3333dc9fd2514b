"""Stage 1 of the learned kind / framework / level test (fourteenth round, learned11): code the
eleven tuning sets with whichever steppewatch is first on the path and write, per document, the
rules' prediction and the coder's own reading as named features (JSON lines), so that
``bench/learned_fields.py`` can fit and score learned decisions over the output of two coders
(main's, and the coder at ``36a17a4`` that never saw test8) with one scorer.

    PYTHONPATH=$PWD/src python bench/learned_fields_dump.py --out /tmp/l11_main.jsonl
    PYTHONPATH=/tmp/l11_36a/src python bench/learned_fields_dump.py --gold-dir $PWD/gold \
        --out /tmp/l11_36a.jsonl

Only the eleven tuning set names are accepted (any other name is refused, the held-out sets
among them). Self-contained on purpose: the features are computed here from the coded items'
attributes, not with the running package's ``learned_topics``, so both coders' outputs are read
the same way.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# the fourteenth round's calibration.TUNING_SETS, written out rather than imported: the older
# coder this script also runs under (36a17a4) lists ten sets, not eleven
ELEVEN = (
    "dev",
    "real_tune",
    "tune2",
    "test2",
    "tune3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
)
CODE_FIELDS = ("topic", "domain", "kind", "level", "framework")
LEAD_CHARS = 400  # an item's lead: its first characters (title and first sentence or two)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())[:40]


def item_features(item: Any, focal: str = "CN") -> dict[str, float]:
    """The item's codes and evidence as named features (``learned_topics.codebook_features``'s
    names, plus where the evidence stands and which words it is)."""
    f: dict[str, float] = {"base:score": float(item.relevance_score)}
    if item.relevant:
        f["base:relevant"] = 1.0
    for code in item.topics:
        f[f"base:topic={code}"] = 1.0
    for code in item.domains:
        f[f"base:domain={code}"] = 1.0
    for name in ("kind", "level", "framework"):
        value = getattr(item, name, None)
        if value:
            f[f"base:{name}={value}"] = 1.0
    for kind in getattr(item, "event_kinds", None) or []:
        f[f"base:event_kind={kind}"] = 1.0
    partners = [c for c in item.countries if c != focal]
    f["base:n_countries"] = math.log1p(len(partners))
    counts: dict[str, int] = {}
    for ev in item.evidence:
        keys = [f"evall:{ev.field}={ev.code}"]
        if ev.field in CODE_FIELDS:
            keys.append(f"ev:{ev.field}={ev.code}")
            keys.append(f"evbasis:{ev.field}={ev.code}|{ev.basis or 'named'}")
            keys.append(f"evtext:{ev.field}={ev.code}|{_norm(ev.text)}")
            if ev.start - item.start < LEAD_CHARS:
                keys.append(f"evlead:{ev.field}={ev.code}")
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    for key, n in counts.items():
        f[key] = math.log1p(n)
    return f


def merge(feature_sets: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for features in feature_sets:
        for key, value in features.items():
            out[key] = max(out.get(key, 0.0), value)
    return out


def country_features(items: list[Any], text_start: int = 0) -> dict[str, dict[str, float]]:
    """Per partner state the relevant items code: how the coder found it (log counts of its
    evidence by basis, mentions, whether it is named in an item's lead, whether a participation
    model set it aside as a state only named)."""
    out: dict[str, dict[str, float]] = {}
    for item in items:
        for code in item.countries:
            if code != "CN":
                out.setdefault(code, {})
        for ev in item.evidence:
            if ev.field not in ("country", "named_state") or ev.code == "CN":
                continue
            f = out.setdefault(ev.code, {})
            key = f"c:{ev.field}|{ev.basis or 'named'}"
            f[key] = f.get(key, 0.0) + 1.0
            f["c:mentions"] = max(f.get("c:mentions", 0.0), float(ev.mentions or 1))
            if ev.start - item.start < LEAD_CHARS:
                f["c:lead"] = 1.0
    for f in out.values():
        for key in list(f):
            f[key] = math.log1p(f[key]) if key != "c:lead" else f[key]
    return out


def dump(name: str, gold_dir: Path) -> list[dict[str, Any]]:
    from steppewatch.extract.codebook_coder import CodebookCoder
    from steppewatch.extract.evaluate import prediction_from_record
    from steppewatch.extract.gold import load_gold, read_gold_documents

    if name not in ELEVEN:
        raise SystemExit(f"{name} is not one of the eleven tuning sets: refused")
    path = gold_dir / f"{name}.jsonl"
    coder = CodebookCoder()
    rows = []
    found, _, _ = read_gold_documents(load_gold(path), path, None)
    for gold, document in found:
        record = coder.code(document)
        items = list(record.items) if record.items else [record]
        relevant = [i for i in items if i.relevant]
        text = record.text or getattr(document, "text", "") or ""
        first = relevant[0] if relevant else None
        pred = dataclasses.asdict(prediction_from_record(record))
        pred.pop("extra", None)
        doc_features = merge([item_features(i) for i in relevant])
        if first is not None:
            for key, value in item_features(first).items():
                if key.startswith("base:") and "=" in key:
                    doc_features["first:" + key[5:]] = value
        doc_features[f"lang={record.language or 'unknown'}"] = 1.0
        doc_features["n_items"] = math.log1p(len(relevant))
        rows.append(
            {
                "set": name,
                "id": gold.id,
                "path": gold.path,
                "language": record.language,
                "pred": pred,
                "countries": country_features(relevant),
                "features": doc_features,
                # the relevant items' leads (for character n-grams)
                "lead": "\n".join(text[i.start : i.start + LEAD_CHARS] for i in relevant[:3]),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=ROOT / "gold")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("sets", nargs="*", default=list(ELEVEN))
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        for name in args.sets:
            rows = dump(name, args.gold_dir)
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            print(name, len(rows), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
