"""Generate a synthetic steppewatch SQLite database of N events (default 1,000,000).

The events are resampled from the bundled curated dataset, so the joint distribution of kind,
framework, level, countries, topics, domains and attributes is the real one; the year is drawn
from the real year distribution with a little noise, ids are new and unique, and each event gets
the number of sources of the event it was drawn from. Rows go straight into the store's tables
(schema created by ``open_store``, so migrations are the real ones) with ``executemany``; the
secondary indexes are dropped during the load and rebuilt at the end, which is the usual way to
bulk-load SQLite fast.

    python bench/make_synthetic_db.py --out /tmp/sw1m.db            # 1,000,000 events
    python bench/make_synthetic_db.py --out /tmp/sw10k.db -n 10000

A share of the events (``--native-share``, default 0.3) get a Chinese or Russian summary, so that
searches in those languages can be measured.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

CHUNK = 50_000
# summaries in the languages of the readouts, given to a share of the events (the curated titles
# are English): so that searches in Chinese and Russian, with long and with two-character words,
# can be measured. Drawn with their own random generator: the other fields are those of a
# database made without them.
NATIVE_SUMMARIES = (
    "双方同意加强反恐合作，共同打击“三股势力”。",
    "中方愿同哈方深化边境安全合作，维护地区和平稳定。",
    "两国举行联合反恐演习，提高应对恐怖主义威胁能力。",
    "上海合作组织成员国国防部长会议在北京举行。",
    "双方就打击毒品走私和跨国有组织犯罪交换了意见。",
    "中吉边境地区执法安全合作取得积极进展。",
    "习近平会见塔吉克斯坦总统，双方讨论阿富汗局势。",
    "公安部与乌兹别克斯坦内务部签署合作协议。",
    "Стороны договорились укреплять сотрудничество в борьбе с терроризмом и экстремизмом.",
    "Министры обороны обсудили безопасность границы и совместные учения.",
    "Совместные антитеррористические учения ШОС прошли в Таджикистане.",
    "Казахстан и Китай подписали соглашение о сотрудничестве в борьбе с наркотрафиком.",
    "Пограничные ведомства Кыргызстана и Китая провели рабочую встречу.",
    "Обсуждалась ситуация в Афганистане и угрозы региональной безопасности.",
)


def _templates() -> list[dict[str, object]]:
    from steppewatch.store.dataset_io import read_events
    from steppewatch.study import dataset_dir, load_study

    folder = dataset_dir(load_study())
    result = read_events(folder / "events.csv", sources_path=folder / "sources.csv")
    out = []
    for e in result.events:
        out.append(
            {
                "kind": e.kind,
                "title": e.title,
                "countries": ";".join(e.countries),
                "framework": e.framework,
                "location": e.location,
                "level": e.level,
                "domains": ";".join(e.domains),
                "topics": ";".join(e.topics),
                "attributes": json.dumps(e.attributes, ensure_ascii=False, sort_keys=True),
                "verification": e.verification,
                "year": e.year,
                "n_sources": len(e.sources),
                "source": e.sources[0].model_dump(mode="json") if e.sources else None,
            }
        )
    return out


def generate(out: Path, n: int, seed: int = 7, native_share: float = 0.3) -> dict[str, float]:
    from steppewatch.store import open_store
    from steppewatch.store.tables import event_codes, events, sources

    if out.exists():
        out.unlink()
    started = time.perf_counter()
    store = open_store("sqlite:///" + str(out))  # creates the schema through the migrations
    indexes = [*events.indexes, *event_codes.indexes, *sources.indexes]
    for index in indexes:
        index.drop(store.engine)
    store.set_meta("dataset", "synthetic")
    store.set_meta("dataset_version", f"synthetic-{n}")
    store.set_meta("codebook_version", "1.0.0")
    store.close()

    templates = _templates()
    rng = random.Random(seed)
    text_rng = random.Random(seed + 1)
    stamp = "2026-01-01T00:00:00+00:00"
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    ev_sql = (
        "INSERT INTO events (id, kind, title, date_start, date_end, year, date_sort, precision, "
        "countries, framework, location, actors, level, domains, topics, attributes, summary, "
        "verification, review_status, codebook_version, coder, dataset_version, content_hash, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    code_sql = "INSERT INTO event_codes (event_id, facet, code, date_sort) VALUES (?,?,?,?)"
    src_sql = (
        "INSERT INTO sources (event_id, position, url, publisher, language, published, "
        "source_type, attests, document_id) VALUES (?,?,?,?,?,?,?,?,?)"
    )
    n_codes = n_sources = 0
    for start in range(0, n, CHUNK):
        ev_rows, code_rows, src_rows = [], [], []
        for i in range(start, min(n, start + CHUNK)):
            t = templates[rng.randrange(len(templates))]
            year = min(2025, max(1992, int(t["year"]) + rng.choice((-1, 0, 0, 0, 1))))
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            countries = str(t["countries"])
            eid = f"{date}-{t['kind']}-{countries.lower().replace(';', '-')}-{i + 1}"
            ev_rows.append(
                (
                    eid,
                    t["kind"],
                    t["title"],
                    date,
                    None,
                    year,
                    date,
                    "day",
                    countries,
                    t["framework"],
                    t["location"],
                    "[]",
                    t["level"],
                    t["domains"],
                    t["topics"],
                    t["attributes"],
                    text_rng.choice(NATIVE_SUMMARIES) if text_rng.random() < native_share else None,
                    t["verification"],
                    "curated",
                    "1.0.0",
                    None,
                    f"synthetic-{n}",
                    f"{i:064x}",
                    stamp,
                    stamp,
                )  # fmt: skip
            )
            for facet, values in (("country", countries), ("topic", t["topics"]),
                                  ("domain", t["domains"])):  # fmt: skip
                for code in str(values).split(";"):
                    if code:
                        code_rows.append((eid, facet, code, date))
            src = t["source"]
            for pos in range(int(t["n_sources"])):
                if src is None:
                    break
                src_rows.append(
                    (
                        eid,
                        pos,
                        f"{src['url']}#syn{i}-{pos}",
                        src["publisher"],
                        src["language"],
                        src["published"],
                        src["source_type"],
                        src["attests"],
                        None,
                    )  # fmt: skip
                )
        conn.executemany(ev_sql, ev_rows)
        conn.executemany(code_sql, code_rows)
        conn.executemany(src_sql, src_rows)
        conn.commit()
        n_codes += len(code_rows)
        n_sources += len(src_rows)
        print(f"\r{min(n, start + CHUNK):,} / {n:,} events", end="", file=sys.stderr, flush=True)
    conn.close()
    print(file=sys.stderr)
    loaded = time.perf_counter()
    store = open_store("sqlite:///" + str(out))
    for index in indexes:
        index.create(store.engine)
    store.close()
    done = time.perf_counter()
    return {
        "events": n,
        "codes": n_codes,
        "sources": n_sources,
        "load_seconds": round(loaded - started, 1),
        "index_seconds": round(done - loaded, 1),
        "total_seconds": round(done - started, 1),
        "size_mb": round(out.stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="SQLite file to create")
    parser.add_argument("-n", type=int, default=1_000_000, help="number of events")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--native-share",
        type=float,
        default=0.3,
        help="share of events given a Chinese or Russian summary (0: none)",
    )
    args = parser.parse_args()
    stats = generate(args.out, args.n, args.seed, args.native_share)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
