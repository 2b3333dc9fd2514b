"""Reproduce the page selection of gold/real_tune.jsonl and gold/real_heldout.jsonl, and of
the second held-out set gold/real_heldout2.jsonl.

    .venv/bin/python gold/select_real_pages.py [--corpus ../shared/corpora/china_fm] [--out FILE]
    .venv/bin/python gold/select_real_pages.py --heldout2 [--out FILE]

Reads the corpus index and pages and the existing gold files only (no coder is run), and prints
(or writes) a JSON object: the tiers (`ca`, `xj`, `random`), the split of every selected page and
the 60 page ids for the second annotator; with ``--heldout2``, the pages of real_heldout2.jsonl
with their score. See gold/README.md, "How the pages were chosen" and "Second held-out set".
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from steppewatch.extract import extract_document

GOLD = Path(__file__).resolve().parent
RANDOM_SEED = 13  # the random tier
RANDOM_SIZE = 36
SECOND_SEED = 1313  # the second annotator's sample
HELD_OUT_PERCENT = 45

CA_TERMS = re.compile(
    r"哈萨克|吉尔吉斯|塔吉克|乌兹别克|土库曼|中亚|上海合作组织|上合|亚信|亚洲相互协作与信任措施|"
    r"阿斯塔纳|比什凯克|杜尚别|塔什干|阿什哈巴德|努尔苏丹|中土|"
    r"Kazakh|Kyrgyz|Tajik|Uzbek|Turkmen|Central Asia|Shanghai Cooperation|\bSCO\b|CICA|"
    r"Conference on Interaction and Confidence|Astana|Nur-Sultan|Bishkek|Dushanbe|Tashkent|Ashgabat"
)
XINJIANG = re.compile(r"新疆|Xinjiang")
SECURITY = re.compile(
    r"恐怖|暴恐|极端|东突|反恐|教培|职业技能教育|分裂|terror|extrem|East Turk|ETIM|separatis|vocational",
    re.I,
)
INDEX_PAGE = re.compile(r"/default(_\d+)?\.shtml$")

# Second held-out set (real_heldout2.jsonl): pages in no gold file yet, ranked by how likely they
# are to be relevant (sum of the weights of the term groups the text names), ties and the random
# part drawn with a fixed seed.
HELDOUT2_SEED = 2027
HELDOUT2_RANKED = 70  # the highest-scoring pages
HELDOUT2_RANDOM = 14  # then a random sample of the rest, as a base of ordinary pages
HELDOUT2_WEIGHTS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (
        4,
        re.compile(
            r"哈萨克|吉尔吉斯|塔吉克|乌兹别克|土库曼|中亚|\bKazakh|\bKazak\b|Kyrgyz|Kirgiz|Tajik|Uzbek|"
            r"Turkmen|Central Asia"
        ),
    ),
    (
        4,
        re.compile(
            r"上合|上海合作|上海五国|亚信|\bSCO\b|Shanghai Cooperation|Shanghai Five|\bCICA\b|"
            r"地区反恐怖机构|和平使命|Peace Mission"
        ),
    ),
    (
        4,
        re.compile(
            r"阿斯塔纳|努尔苏丹|比什凯克|杜尚别|塔什干|阿什哈巴德|阿拉木图|霍尔果斯|Astana|Nur-Sultan|"
            r"Bishkek|Dushanbe|Tashkent|Ashgabat|Almaty|Khorgos|Horgos|纳扎尔巴耶夫|托卡耶夫|米尔济约耶夫|"
            r"拉赫蒙|热恩别科夫|Nazarbayev|Tokayev|Mirziyoyev|Rahmon|Jeenbekov|Berdimuhamedov|瓦罕|Wakhan"
        ),
    ),
    (3, re.compile(r"东突|东伊运|East Turk|\bETIM\b|三股势力|three evil")),
    (2, re.compile(r"反恐|恐怖|暴恐|counter-terror|terroris")),
    (1, re.compile(r"新疆|Xinjiang")),
    (1, re.compile(r"阿富汗|Afghan")),
    (1, re.compile(r"毒品|禁毒|narcotic|drug traffick")),
)


def split_of(page_id: str) -> str:
    bucket = int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % 100
    return "heldout" if bucket < HELD_OUT_PERCENT else "tune"


def used_pages(names: tuple[str, ...] = ("dev.jsonl", "test.jsonl")) -> set[str]:
    used = set()
    for name in names:
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                path = json.loads(line)["path"]
                if "corpora/china_fm" in path:
                    used.add(Path(path).stem)
    return used


def select(corpus: Path) -> dict[str, object]:
    used = used_pages()
    tiers: dict[str, list[str]] = {"ca": [], "xj": [], "rest": []}
    languages: dict[str, str] = {}
    with (corpus / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        page_id, page = row["id"], corpus / "pages" / f"{row['id']}.html"
        if page_id in used or INDEX_PAGE.search(row["url"]) or not page.is_file():
            continue
        document = extract_document(page.read_bytes(), source=str(page), url=row["url"])
        text = f"{document.title or ''}\n{document.text}"
        languages[page_id] = document.language or row["lang_hint"]
        if CA_TERMS.search(text):
            tiers["ca"].append(page_id)
        elif XINJIANG.search(text) and SECURITY.search(text):
            tiers["xj"].append(page_id)
        else:
            tiers["rest"].append(page_id)
    rest = sorted(tiers.pop("rest"))
    tiers["random"] = sorted(random.Random(RANDOM_SEED).sample(rest, RANDOM_SIZE))
    tiers = {k: sorted(v) for k, v in tiers.items()}
    selected = [p for ids in tiers.values() for p in ids]
    # second annotator: every tier-ca page, then others drawn at random until 60
    second = list(tiers["ca"])
    others = sorted(set(selected) - set(second))
    random.Random(SECOND_SEED).shuffle(others)
    second += others[: 60 - len(second)]
    return {
        "used_before": len(used),
        "articles_left": len(rest) + len(tiers["ca"]) + len(tiers["xj"]),
        "tiers": tiers,
        "split": {p: split_of(p) for p in sorted(selected)},
        "language": {p: languages[p] for p in sorted(selected)},
        "second_annotator": sorted(second),
    }


def heldout2_score(text: str) -> int:
    return sum(weight for weight, pattern in HELDOUT2_WEIGHTS if pattern.search(text))


def _tiebreak(page_id: str) -> str:
    return hashlib.sha256(f"{HELDOUT2_SEED}:{page_id}".encode()).hexdigest()


def select_heldout2(corpus: Path) -> dict[str, object]:
    """Pages of no gold file (dev, test, real_tune, real_heldout), article pages only: the
    HELDOUT2_RANKED highest scores (ties by a seeded hash), then HELDOUT2_RANDOM of the rest
    drawn with random.Random(HELDOUT2_SEED)."""
    used = used_pages(("dev.jsonl", "test.jsonl", "real_tune.jsonl", "real_heldout.jsonl"))
    scores: dict[str, int] = {}
    languages: dict[str, str] = {}
    with (corpus / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        page_id, page = row["id"], corpus / "pages" / f"{row['id']}.html"
        if page_id in used or INDEX_PAGE.search(row["url"]) or not page.is_file():
            continue
        document = extract_document(page.read_bytes(), source=str(page), url=row["url"])
        scores[page_id] = heldout2_score(f"{document.title or ''}\n{document.text}")
        languages[page_id] = document.language or row["lang_hint"]
    ranked = sorted(scores, key=lambda p: (-scores[p], _tiebreak(p)))
    top = ranked[:HELDOUT2_RANKED]
    rest = sorted(ranked[HELDOUT2_RANKED:])
    drawn = random.Random(HELDOUT2_SEED).sample(rest, HELDOUT2_RANDOM)
    return {
        "candidates": len(scores),
        "score_counts": {
            str(s): sum(1 for v in scores.values() if v == s) for s in sorted(set(scores.values()))
        },
        "pages": [
            {
                "id": p,
                "selection": "ranked" if p in top else "random",
                "score": scores[p],
                "language": languages[p],
            }
            for p in top + sorted(drawn)
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=GOLD.parent.parent / "shared/corpora/china_fm"
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--heldout2", action="store_true", help="select the pages of real_heldout2.jsonl"
    )
    args = parser.parse_args()
    chosen = select_heldout2(args.corpus) if args.heldout2 else select(args.corpus)
    result = json.dumps(chosen, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(result + "\n", encoding="utf-8")
    else:
        sys.stdout.write(result + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
