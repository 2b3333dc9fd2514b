"""Add N documents linked to random events of a synthetic database (``make_synthetic_db.py``), so
that the explorer's search through document text can be measured at scale.

Each document is made of 2-5 paragraphs drawn from the real PRC Foreign Ministry pages in
``../shared/corpora/china_fm`` (Chinese and English spokesperson pages), cut to ``--chars``
characters, so its words are those of real readouts. Each is stored as a coded document with
one item linked to a random event; migration 5's triggers put it into ``documents_fts``.

    python bench/add_synthetic_documents.py --db /tmp/sw1m.db -n 100000
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "china_fm"
CHUNK = 10_000


def paragraphs(limit_pages: int | None = None) -> tuple[list[str], list[str]]:
    """Paragraphs of the corpus pages' text: (Chinese, English)."""
    from steppewatch.extract.text import html_to_text

    zh: list[str] = []
    en: list[str] = []
    with (CORPUS / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows[:limit_pages]:
        pages = list((CORPUS / "pages").glob(f"{row['id']}*"))
        if not pages:
            continue
        text = html_to_text(pages[0].read_bytes().decode("utf-8", "replace")).text
        found = [p.strip() for p in text.split("\n") if len(p.strip()) >= 40]
        (zh if row["lang_hint"] == "zh" else en).extend(found)
    return zh, en


def add(db: Path, n: int, seed: int, chars: int) -> dict[str, float]:
    if not CORPUS.is_dir():
        raise SystemExit(f"the corpus is not at {CORPUS}")
    started = time.perf_counter()
    zh, en = paragraphs()
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    top = conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
    have = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    doc_sql = (
        "INSERT INTO documents (id, url, publisher, language, title, published, text, status, "
        "codebook_version, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
    )
    item_sql = (
        'INSERT INTO coded_items (document_id, item_index, start, "end", relevant, coded, '
        "event_id, link, codebook_version) VALUES (?,?,?,?,?,?,?,?,?)"
    )
    stamp = "2026-01-01T00:00:00+00:00"
    for start in range(0, n, CHUNK):
        count = min(n, start + CHUNK) - start
        rowids = [rng.randint(1, top) for _ in range(count)]
        marks = ",".join("?" * len(rowids))
        ids = dict(
            conn.execute(
                f"SELECT rowid, id FROM events WHERE rowid IN ({marks})", rowids
            ).fetchall()
        )
        docs, items = [], []
        for k, rowid in enumerate(rowids):
            event_id = ids.get(rowid)
            if event_id is None:
                continue
            i = have + start + k
            chinese = rng.random() < 0.5
            pool = zh if chinese else en
            text = ("\n" if chinese else "\n\n").join(
                rng.choice(pool) for _ in range(rng.randint(2, 5))
            )[:chars]
            doc_id = f"{i:064x}"
            docs.append(
                (
                    doc_id,
                    f"https://www.fmprc.gov.cn/synthetic/{i}.shtml",
                    "PRC MFA",
                    "zh" if chinese else "en",
                    text[:40],
                    event_id[:10],
                    text,
                    "coded",
                    "1.0.0",
                    stamp,
                )
            )
            items.append(
                (
                    doc_id,
                    0,
                    0,
                    len(text),
                    1,
                    json.dumps({"index": 0}),
                    event_id,
                    "added_source",
                    "1.0.0",
                )
            )
        conn.executemany(doc_sql, docs)
        conn.executemany(item_sql, items)
        conn.commit()
        print(f"\r{start + count:,} / {n:,} documents", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    indexed = conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    conn.close()
    return {
        "documents": total,
        "documents_fts_rows": indexed,
        "seconds": round(time.perf_counter() - started, 1),
        "size_mb": round(db.stat().st_size / 1e6, 1),
        "paragraphs_zh": len(zh),
        "paragraphs_en": len(en),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--chars", type=int, default=1500, help="longest document text")
    args = parser.parse_args()
    print(json.dumps(add(args.db, args.n, args.seed, args.chars), indent=2))


if __name__ == "__main__":
    main()
