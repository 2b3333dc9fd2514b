"""Save the report's outputs (data/*.csv and index.html) for a set of databases and filters,
or compare them byte for byte with outputs saved before (e.g. from main), to check that a change
to the report keeps every output the same.

    python bench/report_outputs.py save  /tmp/me/base --db /tmp/me/bundled.db \
        --db /tmp/me/sw100k.db --parquet /tmp/me/pq100k
    python bench/report_outputs.py check /tmp/me/base --db ... --parquet ...

Each database (and Parquet export) is reported with no filter, ``--country KZ --since 2005``,
``--kind meeting`` and ``--until 2012``, each run in its own process (the CLI). ``check`` prints
every file that differs (or is missing) and exits 1 if any does. A Parquet export is compared
with the outputs of its own run saved before.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

FILTERS: dict[str, list[str]] = {
    "all": [],
    "kz2005": ["--country", "KZ", "--since", "2005"],
    "meeting": ["--kind", "meeting"],
    "until2012": ["--until", "2012"],
}


def _run(source: list[str], extra: list[str], out: Path) -> None:
    cmd = [sys.executable, "-m", "steppewatch", "report", *source, *extra, "--out", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")


def _outputs(folder: Path) -> dict[str, bytes]:
    files = {"index.html": (folder / "index.html").read_bytes()}
    for path in sorted((folder / "data").glob("*.csv")):
        files[f"data/{path.name}"] = path.read_bytes()
    return files


def _runs(dbs: list[str], exports: list[str]) -> list[tuple[str, list[str]]]:
    runs = [(Path(db).stem, ["--db", db]) for db in dbs]
    runs += [(Path(p).name, ["--from-parquet", p]) for p in exports]
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--db", action="append", default=[])
    parser.add_argument("--parquet", action="append", default=[])
    parser.add_argument("--only", action="append", choices=sorted(FILTERS), default=[])
    args = parser.parse_args()
    bad = 0
    for label, source in _runs(args.db, args.parquet):
        for name, extra in FILTERS.items():
            if args.only and name not in args.only:
                continue
            saved = args.folder / label / name
            if args.action == "save":
                saved.mkdir(parents=True, exist_ok=True)
                _run(source, extra, saved)
                print(f"saved {saved}", flush=True)
                continue
            with tempfile.TemporaryDirectory() as tmp:
                _run(source, extra, Path(tmp))
                now, before = _outputs(Path(tmp)), _outputs(saved)
            diff = sorted(k for k in now.keys() | before.keys() if now.get(k) != before.get(k))
            bad += bool(diff)
            print(f"{label}/{name}: " + ("same" if not diff else "DIFFERS " + ", ".join(diff)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
