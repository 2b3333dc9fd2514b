"""How the default coder's Central Asian codes were found, counted right and wrong, per gold set
(issue 13, fifteenth round, branch coder29): aggregates only, no document is named or shown, so it
may run on the validation set.

For every document gold and the coder both call relevant: each predicted partner state is counted
by the ``basis`` of its country evidence (named, office, institution, group, membership, venue)
and by where the text first names it (the item's lead, after it, not at all), right (gold lists
it) or false; each missed partner state by whether the text names it anywhere (a name, an
official or an institution of it) and whether in the first 300 characters, and by the predicted
kind (none: commentary). Documents gold calls not relevant that the coder codes relevant (hard
negatives let through) have every predicted partner state false: counted apart by basis, where
first named and kind (sixteenth round, branch coder36). Refuses the held-out sets by name (``calibration.HELD_OUT``).

    .venv/bin/python bench/country_basis.py [--sets test9 test10 ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from steppewatch.extract import coder_rules
from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_resources import state_of
from steppewatch.extract.gold import load_gold, read_gold_documents
from steppewatch.extract.normalise import normalise_for_matching
from steppewatch.study import resolve_study

ROOT = Path(__file__).resolve().parent.parent
OPENING = 300  # characters: the title and the lead, roughly


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TUNING_SETS))
    args = parser.parse_args(argv)
    for name in args.sets:
        if f"{name}.jsonl" in HELD_OUT or Path(name).name in HELD_OUT:
            print(f"{name} is a held-out gold set: refused", file=sys.stderr)
            return 2
    # what the country rules saw of each state, per document (``collect`` wrapped): taking part,
    # demoted to an example (and why: a neighbour or not), a region's idle group
    seen: dict[str, set[str]] = {}
    original = coder_rules.collect

    def spying(*a: object, **k: object) -> coder_rules.Found:
        found = original(*a, **k)  # type: ignore[arg-type]
        for code in found.states:
            seen.setdefault(code, set()).add("taking part")
        for code in found.examples:
            seen.setdefault(code, set()).add(
                "example (neighbour)" if code in found.neighbours else "example"
            )
        for hit in a[0]:  # type: ignore[attr-defined]
            if hit.payload[0] in ("listed", "example"):
                seen.setdefault(str(hit.payload[1]), set()).add(f"marked {hit.payload[0]}")
        return found

    coder_rules.collect = spying  # type: ignore[assignment]
    coder = CodebookCoder()
    res = coder._resources()
    partners = set(resolve_study(None).partner_states)
    total: Counter[tuple[str, ...]] = Counter()
    for name in args.sets:
        path = ROOT / "gold" / f"{name}.jsonl"
        counts: Counter[tuple[str, ...]] = Counter()
        extracted, _, _ = read_gold_documents(load_gold(path), path, None)
        for document, text in extracted:
            seen.clear()
            coded = coder.code(text)
            if not coded.relevant:
                continue
            if not document.relevant:
                # a hard negative the relevance decision let through: its partner states are
                # all false, counted by basis, where first named and the item's kind (a
                # relevance error, not a participant one, when the state is a side of the
                # page's own, non-security, event)
                wrong = set(coded.countries) & partners
                for e in coded.evidence:
                    if e.field == "country" and e.code in wrong:
                        wrong.discard(e.code)
                        where = "opening" if 0 <= e.start < OPENING else "later"
                        counts[
                            (
                                "NEGATIVE coded relevant",
                                e.basis or "named",
                                where,
                                f"kind {coded.kind or 'none'}",
                            )
                        ] += 1
                for _ in wrong:
                    counts[
                        ("NEGATIVE coded relevant", "?", "?", f"kind {coded.kind or 'none'}")
                    ] += 1
                continue
            gold = set(document.countries or ()) & partners
            pred = set(coded.countries) & partners
            basis = {}
            for e in coded.evidence:
                if e.field == "country" and e.code in pred and e.code not in basis:
                    basis[e.code] = (e.basis or "named", e.start)
            normal = normalise_for_matching(text.text or "")
            named: dict[str, int] = {}
            for hit in res.anchor_hits(normal, text.language):
                state = state_of(hit, res)
                if state in partners and state not in named:
                    named[state] = hit.start
            kind = coded.kind or "none"
            for code in pred:
                how, at = basis.get(code, ("?", -1))
                where = "opening" if 0 <= at < OPENING else "later"
                if code in gold:
                    counts[("coded", "right", how, where)] += 1
                else:
                    # the item that coded it (a page of several items: the first relevant one
                    # that lists it), and how many relevant items the page has
                    items = [i for i in coded.items if i.relevant] or [coded]
                    owner = next((i for i in items if code in i.countries), coded)
                    counts[
                        (
                            "coded",
                            "FALSE",
                            how,
                            where,
                            f"item kind {owner.kind or 'none'}",
                            f"framework {owner.framework or 'none'}",
                            f"{len(items)} relevant item(s)",
                        )
                    ] += 1
            for code in gold - pred:
                first = named.get(code)
                where = (
                    "not named" if first is None else "named early" if first < OPENING else "later"
                )
                frame = coded.framework or "none"
                why = ", ".join(sorted(seen.get(code, {"not in a relevant passage"})))
                counts[("missed", where, f"kind {kind}", f"framework {frame}", why)] += 1
        print(f"== {name}")
        for key in sorted(counts):
            print(f"  {' | '.join(key):80} {counts[key]}")
        total.update(counts)
    if len(args.sets) > 1:
        print("== all")
        for key in sorted(total):
            print(f"  {' | '.join(key):80} {total[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
