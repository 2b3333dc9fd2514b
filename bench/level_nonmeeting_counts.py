"""How the tuning gold codes ``level`` on events that are not meetings (eighteenth round,
adjudication of test19 and test20, guide addition 13).

For every non-meeting event at which a PRC official is named among the event's actors, prints
per set and in total whether its level is null, the office of that PRC official, or another
value, separately for the main (first) event of a relevant record and for later events. Prints
counts only (no ids, no texts). A PRC official is an actor who is a PRC entry of the gazetteer or
whose two-word name starts with a common Chinese surname; officials named only by office (no
actor) are not seen. The default sets are the tuning sets without test15 and test16 (the
validation set); held-out sets are refused.

    .venv/bin/python bench/level_nonmeeting_counts.py [--sets dev test17]
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SETS = (
    "dev real_tune tune2 test2 tune3 test4 test5 test6 test7 test8 test9 test10 test11 test12"
    " test13 test14 tune4 test17 test18"
).split()
REFUSED = {
    "test",
    "test3",
    "test15",
    "test16",
    "test19",
    "test20",
    "test21",
    "test22",
    "test23",
    "test24",
    "test25",
    "test26",
    "test27",
    "test28",
    "test29",
    "test30",
    "real_heldout",
    "real_heldout2",
}
SURNAMES = set(
    "Bai Cai Cao Chen Cheng Cui Deng Ding Dong Du Fan Fang Feng Fu Gao Ge Gong Gu Guo Han He Hou"
    " Hu Hua Huang Ji Jia Jiang Jin Kong Lei Li Liang Lin Liu Lu Luo Ma Meng Miao Mo Pan Peng Qi"
    " Qian Qin Qiu Ren Shao Shen Shi Song Su Sun Tan Tang Tian Tong Wan Wang Wei Wen Wu Xi Xia"
    " Xiao Xie Xing Xiong Xu Xue Yan Yang Yao Ye Yin Yu Yuan Zeng Zhai Zhang Zhao Zheng Zhong"
    " Zhou Zhu Zou".split()
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=SETS)
    args = parser.parse_args()
    refused = sorted(set(args.sets) & REFUSED)
    if refused:
        parser.error(f"held-out or validation sets refused: {', '.join(refused)}")
    gazetteer = REPO / "src/steppewatch/data/gazetteer/officials.yaml"
    officials = yaml.safe_load(gazetteer.read_text("utf-8"))["officials"]
    prc_names = {o["name"] for o in officials if o.get("country") == "CN"}

    def is_prc(name: str) -> bool:
        words = name.split()
        return name in prc_names or (len(words) == 2 and words[0] in SURNAMES)

    total: collections.Counter[tuple[str, str]] = collections.Counter()
    for name in args.sets:
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        for line in (REPO / "gold" / f"{name}.jsonl").read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            for position, event in enumerate(record.get("events") or []):
                if event["kind"] == "meeting":
                    continue
                prc = [a for a in event.get("actors") or [] if is_prc(a["name"])]
                if not prc:
                    continue
                level = event.get("level")
                if level is None:
                    choice = "null"
                elif level in {a.get("office") for a in prc}:
                    choice = "PRC official's office"
                else:
                    choice = "other value"
                scope = "main event" if position == 0 and record.get("relevant") else "later event"
                counts[(scope, choice)] += 1
        print(name, dict(sorted(counts.items())))
        total.update(counts)
    print("all", dict(sorted(total.items())))


if __name__ == "__main__":
    main()
