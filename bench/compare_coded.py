"""Compare two JSON Lines outputs of ``steppewatch code`` record by record, byte for byte.

Used to prove that a change to the coder leaves its output unchanged, e.g. on every saved page
of ../shared/corpora/china_fm and the gold readouts:

    steppewatch code ../shared/corpora/china_fm/pages gold --out before.jsonl   # old code
    steppewatch code ../shared/corpora/china_fm/pages gold --out after.jsonl    # new code
    python bench/compare_coded.py before.jsonl after.jsonl

Prints how many records are identical, and for each that differs its source and the first
top-level fields that differ; exits 1 when any record differs or is missing on one side.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _records(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        source = json.loads(line).get("source") or f"line {number}"
        out[source] = line
    return out


def compare(before: Path, after: Path) -> tuple[int, list[str]]:
    """(identical records, descriptions of the differences)."""
    old, new = _records(before), _records(after)
    problems = [f"only in {before.name}: {s}" for s in sorted(old.keys() - new.keys())]
    problems += [f"only in {after.name}: {s}" for s in sorted(new.keys() - old.keys())]
    same = 0
    for source in sorted(old.keys() & new.keys()):
        if old[source] == new[source]:
            same += 1
            continue
        a, b = json.loads(old[source]), json.loads(new[source])
        fields = [k for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)]
        problems.append(f"differs: {source}: {', '.join(fields) or 'key order or spacing'}")
    return same, problems


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    same, problems = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    for problem in problems:
        print(problem)
    print(f"{same} records identical, {len(problems)} differ or missing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
