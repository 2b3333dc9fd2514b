"""Reproduce the page selection of gold/real_tune.jsonl and gold/real_heldout.jsonl.

    .venv/bin/python gold/select_real_pages.py [--corpus ../shared/corpora/china_fm] [--out FILE]

Reads the corpus index and pages and the existing gold files only (no coder is run), and prints
(or writes) a JSON object: the tiers (`ca`, `xj`, `random`), the split of every selected page and
the 60 page ids for the second annotator. See gold/README.md, "How the pages were chosen".
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


def split_of(page_id: str) -> str:
    bucket = int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % 100
    return "heldout" if bucket < HELD_OUT_PERCENT else "tune"


def used_pages() -> set[str]:
    used = set()
    for name in ("dev.jsonl", "test.jsonl"):
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=GOLD.parent.parent / "shared/corpora/china_fm"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = json.dumps(select(args.corpus), ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(result + "\n", encoding="utf-8")
    else:
        sys.stdout.write(result + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
