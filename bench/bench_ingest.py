"""Benchmark ``ingest`` end to end into SQLite on ONE core: read -> sha256 -> archive -> extract ->
near-duplicate check -> code -> link -> write (documents, items, events), with the real extractor
and the default coder.

1. the china_fm corpus (../shared/corpora/china_fm/pages, 1,168 real MFA pages) into a fresh
   database holding the bundled curated dataset, then the same folder again (all unchanged);
   ``--repeat`` times (default 5), each into a new database; the median run is reported with
   the range, as the machine's other load moves single runs by +-30%;
2. N synthetic short readouts (default 100,000; Chinese, Russian and English, generated from
   templates into a temporary folder), several documents per event.

Prints documents/s and peak RSS; writes bench/results/ingest.json.
Run: /work/venv/bin/python bench/bench_ingest.py [--n 100000] [--repeat 5] [--skip-china] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHINA_FM = ROOT / ".." / "shared" / "corpora" / "china_fm" / "pages"

PARTNERS = {
    "KZ": ("哈萨克斯坦", "Казахстана", "Kazakhstan", "阿斯塔纳", "Астане", "Astana"),
    "KG": ("吉尔吉斯斯坦", "Кыргызстана", "Kyrgyzstan", "比什凯克", "Бишкеке", "Bishkek"),
    "TJ": ("塔吉克斯坦", "Таджикистана", "Tajikistan", "杜尚别", "Душанбе", "Dushanbe"),
    "UZ": ("乌兹别克斯坦", "Узбекистана", "Uzbekistan", "塔什干", "Ташкенте", "Tashkent"),
    "TM": ("土库曼斯坦", "Туркменистана", "Turkmenistan", "阿什哈巴德", "Ашхабаде", "Ashgabat"),
}
ZH = (
    "{y}年{m}月{d}日，国务委员兼国防部长在{city}同{zh}国防部长举行会谈。双方表示，将深化两军务实合作，"
    "共同打击恐怖主义、分裂主义和极端主义“三股势力”，加强边境安全合作。{extra}"
)
RU = (
    "{d} {mon} {y} года в {rucity} министр обороны {ru} встретился с министром обороны Китая. Стороны "
    "обсудили борьбу с терроризмом и экстремизмом, охрану границы и военное сотрудничество. {extra}"
)
EN = (
    "On {mon_en} {d}, {y}, the defence ministers of China and {en} held talks in {encity}. They agreed "
    "to deepen military cooperation and jointly fight terrorism, separatism and extremism. {extra}"
)
EXTRA = {
    "zh": [
        "双方还讨论了阿富汗局势。",
        "双方同意举行联合反恐演习。",
        "双方签署了军事技术合作协议。",
        "中方愿提供培训名额。",
        "双方同意加强情报交流。",
        "会谈在友好气氛中进行。",
    ],
    "ru": [
        "Обсуждалась ситуация в Афганистане.",
        "Стороны договорились о совместных учениях.",
        "Подписано соглашение о военно-техническом сотрудничестве.",
        "Встреча прошла в дружественной атмосфере.",
        "Китайская сторона предложила места для обучения офицеров.",
    ],
    "en": [
        "They also discussed Afghanistan.",
        "They agreed to hold a joint counter-terrorism exercise.",
        "An agreement on military-technical cooperation was signed.",
        "China offered training places.",
        "The talks were held in a friendly atmosphere.",
    ],
}
RU_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)
EN_MONTHS = (
    "January February March April May June July August September October November December".split()
)


def make_synthetic(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_event = 3
    for i in range(n):
        event = i // per_event
        e_rng = random.Random(event * 7919 + seed)
        cc = e_rng.choice(sorted(PARTNERS))
        zh, ru, en, city, rucity, encity = PARTNERS[cc]
        y, m, d = e_rng.randint(1995, 2024), e_rng.randint(1, 12), e_rng.randint(1, 28)
        lang = ("zh", "ru", "en")[i % per_event]
        extra = " ".join(rng.sample(EXTRA[lang], 2)) + f" ({i})"
        template = {"zh": ZH, "ru": RU, "en": EN}[lang]
        text = template.format(
            y=y,
            m=m,
            d=d,
            city=city,
            zh=zh,
            ru=ru,
            en=en,
            rucity=rucity,
            encity=encity,
            mon=RU_MONTHS[m - 1],
            mon_en=EN_MONTHS[m - 1],
            extra=extra,
        )
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}_{lang}.txt").write_text(text, encoding="utf-8")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(folder: Path, db_path: Path, *, load_dataset: bool) -> dict[str, object]:
    from steppewatch.ingest import Ingestor
    from steppewatch.sources.collect import iter_documents
    from steppewatch.store import open_store

    db_path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{db_path}")
    if load_dataset:
        from steppewatch.store.importing import load_bundled_dataset
        from steppewatch.study import load_study

        load_bundled_dataset(store, load_study(None))
    ingestor = Ingestor(store)
    cpu0, t0 = time.process_time(), time.perf_counter()
    summary = ingestor.ingest(iter_documents([folder]))
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    first = {
        "documents": summary.seen,
        "new": summary.new,
        "failed": summary.failed,
        "duplicates": summary.duplicates,
        "near_duplicates": summary.near_duplicates,
        "relevant_items": summary.relevant_items,
        "events_created": summary.events_created,
        "sources_added": summary.sources_added,
        "suggestions": summary.suggestions,
        "seconds_wall": round(wall, 2),
        "seconds_cpu": round(cpu, 2),
        "docs_per_s_wall": round(summary.seen / wall, 1),
        "docs_per_s_cpu": round(summary.seen / cpu, 1) if cpu else None,
    }
    print(f"  {summary.line()}  (cpu {cpu:.1f} s: {first['docs_per_s_cpu']} docs/cpu-s)")
    t0 = time.perf_counter()
    again = Ingestor(store).ingest(iter_documents([folder]))
    rerun = time.perf_counter() - t0
    print(f"  rerun: {again.line()}")
    first["rerun_unchanged"] = again.unchanged
    first["rerun_seconds"] = round(rerun, 2)
    first["db_mb"] = round(db_path.stat().st_size / 1e6, 1)
    store.close()
    return first


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="china_fm runs (median reported)")
    parser.add_argument("--skip-china", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus_visible": os.cpu_count(),
        "one_core": True,
        "note": "wall-clock rates depend on other load on the machine; cpu rates less so",
        "load_average_before": os.getloadavg(),
    }
    work = Path(tempfile.mkdtemp(prefix="sw-bench-ingest-"))
    try:
        if not args.skip_china:
            if CHINA_FM.is_dir():
                print(f"china_fm ({CHINA_FM.resolve()}), {args.repeat} runs:")
                runs = [
                    # a folder per run: each gets its own (empty) archive beside its database
                    run(CHINA_FM, work / f"china{i}" / "china.db", load_dataset=True)
                    for i in range(max(1, args.repeat))
                ]
                rates = sorted(float(r["docs_per_s_wall"]) for r in runs)  # type: ignore[arg-type]
                median = sorted(runs, key=lambda r: float(r["docs_per_s_wall"]))[len(runs) // 2]  # type: ignore[arg-type]
                results["china_fm"] = {
                    **median,
                    "runs": len(runs),
                    "docs_per_s_wall_all_runs": rates,
                }
                print(f"  median {median['docs_per_s_wall']} docs/s (runs {rates[0]}-{rates[-1]})")
            else:
                print(f"no corpus at {CHINA_FM}; china_fm part skipped", file=sys.stderr)
        if not args.skip_synthetic:
            folder = work / "synthetic"
            t0 = time.perf_counter()
            make_synthetic(folder, args.n)
            print(f"synthetic: {args.n} documents generated in {time.perf_counter() - t0:.1f} s")
            results["synthetic"] = {
                "n": args.n,
                **run(folder, work / "synthetic.db", load_dataset=True),
            }
        results["peak_rss_mb"] = round(peak_rss_mb(), 1)
        results["load_average_after"] = os.getloadavg()
        print(f"peak RSS {results['peak_rss_mb']} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "bench" / "results" / "ingest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
