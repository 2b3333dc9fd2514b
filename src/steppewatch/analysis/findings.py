"""The reference study's claims beside what the data shows.

Each claim of the reference study (FPRI 2022, listed in DESIGN.md) is checked against the events
frame by an explicit rule written here and printed in the report next to its verdict:
``supported``, ``not supported``, ``not enough data`` or ``code not applied in this dataset``
(a claim about concerns whose codes no meeting carries: the data cannot speak to it, and the
evidence says where those codes do occur). A rule that counts years says beside its verdict
when a missing year is a known gap year (:data:`GAP_YEARS`, e.g. the 2020 pandemic) and what the
verdict would be without it. The reference study covered 1993-2020,
so every rule looks only at that window (intersected with the years present in the frame after
the user's filters); the window used is stated in each result.

The rules are deliberately simple and strict; the evidence text gives the numbers so a reader can
disagree with a verdict, and ``counted`` names the events behind them (the positive cases each
rule counted, in groups such as "bilateral activities" and "multilateral activities") so a reader
can check and cite them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from steppewatch.analysis.engagement import (
    IndexConfig,
    country_ranking,
    engagement_index,
    index_sensitivity,
    load_index_config,
)
from steppewatch.analysis.frame import (
    MULTILATERAL_FRAMEWORKS,
    any_topic,
    concerns_coded,
    involves,
    meetings,
)

__all__ = [
    "GAP_YEARS",
    "NOT_APPLIED",
    "REFERENCE_WINDOW",
    "Counted",
    "Finding",
    "evaluate_claims",
    "findings_frame",
]

REFERENCE_WINDOW = (1993, 2020)
SUPPORTED, NOT_SUPPORTED, NOT_ENOUGH = "supported", "not supported", "not enough data"
NOT_APPLIED = "code not applied in this dataset"
#: Years in which engagement was interrupted for a reason outside the relationship; a rule that
#: finds such a year missing says so beside its verdict.
GAP_YEARS = {
    2020: "the COVID-19 pandemic, when most in-person meetings and exercises were cancelled "
    "or held online",
}

#: Activity kinds that "deliver" (beyond talk and paper).
ACTIVITY_KINDS = (
    "multilateral_exercise", "bilateral_exercise", "joint_patrol_operation", "training_education",
    "equipment_transfer", "infrastructure", "private_security",
)  # fmt: skip
NEW_CONCERN_GROUPS = {
    "security of Chinese investment": ("investment_security",),
    "anti-China sentiment and corruption": ("anti_china_sentiment", "corruption"),
    "Central Asian domestic issues": (
        "leadership_transition", "economic_decline", "nationalism", "religion",
    ),
}  # fmt: skip
LATE_2010S = 2015


@dataclass(frozen=True)
class Counted:
    """Events a rule counted, under a label that says what they are ("SCO meetings").

    ``rows`` holds their index labels in the frame the rule was given: a shortcut for code that
    looks them up in that same frame (the report), which must check it against ``ids``."""

    label: str
    ids: tuple[str, ...]
    rows: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Finding:
    """One claim's verdict. ``counted`` holds the ids of the events the rule counted (in the
    order of the frame: by date when it comes from ``Store.events_frame``), in one group or,
    where the rule compares two sides, one group per side; ``counted_note`` says why a rule
    lists none."""

    claim_id: str
    claim: str
    rule: str
    verdict: str
    evidence: str
    window: str
    counted: tuple[Counted, ...] = ()
    counted_note: str = ""
    #: Shown beside the verdict: a gap year the rule ran into, and what it changes.
    note: str = ""

    @property
    def event_ids(self) -> tuple[str, ...]:
        """Every counted event id once, group after group."""
        if len(self.counted) == 1:
            return self.counted[0].ids
        return tuple(dict.fromkeys(i for group in self.counted for i in group.ids))


def _counted(label: str, frame: pd.DataFrame) -> Counted:
    ids = tuple(frame["id"].to_numpy()) if len(frame) else ()
    return Counted(label, ids, frame.index.to_numpy())


def _coded_with(m: pd.DataFrame, topics: Sequence[str]) -> pd.Series:
    """Boolean mask over ``m``: is any of ``topics`` coded? (one test per distinct tuple)"""
    return pd.Series(any_topic(m, topics), index=m.index, dtype=bool)


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _window(frame: pd.DataFrame, start: int, end: int) -> tuple[pd.DataFrame, int, int]:
    """The claim's window ``start-end`` clipped to the years the (filtered) frame holds; when the
    frame holds none of them, the claim's own window with no rows (never an impossible window
    such as 2010-1999)."""
    lo, hi = start, end
    if not frame.empty:
        lo, hi = max(start, int(frame["year"].min())), min(end, int(frame["year"].max()))
    if lo > hi:
        return frame.iloc[0:0], start, end
    return frame[(frame["year"] >= lo) & (frame["year"] <= hi)], lo, hi


def _gap_note(missing: Sequence[int], without: str) -> str:
    """Beside the verdict: which missing years are known gap years, and the verdict without
    them (``without``); empty when none is."""
    gaps = [y for y in missing if y in GAP_YEARS]
    if not gaps:
        return ""
    named = "; ".join(f"{y}: {GAP_YEARS[y]}" for y in gaps)
    return f"Gap year{'s' if len(gaps) > 1 else ''} in the window ({named}). {without}"


def _where_codes_occur(frame: pd.DataFrame, topics: Sequence[str]) -> str:
    """'anti_china_sentiment: 24 events (incident 23, private_security 1); corruption: no
    event' over the whole frame (all years, all kinds)."""
    parts = []
    for topic in topics:
        hit = frame[_coded_with(frame, (topic,))] if len(frame) else frame
        if hit.empty:
            parts.append(f"{topic}: no event of any kind")
            continue
        kinds = hit["kind"].value_counts()
        listed = ", ".join(f"{k} {int(n)}" for k, n in kinds.items())
        parts.append(f"{topic}: {len(hit)} event{'s' if len(hit) != 1 else ''} ({listed})")
    return "; ".join(parts)


def _with_concerns(m: pd.DataFrame) -> pd.DataFrame:
    return m[concerns_coded(m)]


def _separatism_1990s(frame: pd.DataFrame, partners: Sequence[str]) -> Finding:
    rule = (
        "Meetings coded for concerns (at least one concern, or sources naming none), "
        "1990-1999. Supported if separatism is the most "
        "frequently coded concern and is coded in at least 50% of them; not enough data if fewer "
        "than 5 such meetings."
    )
    sub, lo, hi = _window(frame, 1990, 1999)
    m = _with_concerns(meetings(sub))
    n = len(m)
    claim = "In the 1990s meetings were about one thing: no support for Uyghur independence."
    if n and not _coded_with(meetings(frame), ("separatism",)).any():
        return Finding("separatism_1990s", claim, rule, NOT_APPLIED,
                       "No meeting is coded with separatism; where the code occurs: "
                       f"{_where_codes_occur(frame, ('separatism',))}.", f"{lo}-{hi}",
                       (_counted(f"meetings coded with separatism, {lo}-{hi}", m.iloc[0:0]),))  # fmt: skip
    sep_meetings = m[_coded_with(m, ("separatism",))]
    counted = (_counted(f"meetings coded with separatism, {lo}-{hi}", sep_meetings),)
    if n < 5:
        return Finding("separatism_1990s", claim, rule, NOT_ENOUGH,
                       f"{n} meetings with concerns coded in {lo}-{hi}.", f"{lo}-{hi}",
                       counted)  # fmt: skip
    counts = m["topics"].explode().dropna().value_counts()
    sep = int(counts.get("separatism", 0))
    top = counts.index[0] if len(counts) else ""
    share = sep / n
    ok = top == "separatism" and share >= 0.5
    # ties: separatism counts as most frequent if no topic has more
    ok = ok or (len(counts) > 0 and sep == int(counts.iloc[0]) and share >= 0.5)
    second = ", ".join(f"{t} {_pct(c / n)}" for t, c in counts.items() if t != "separatism")
    evidence = (
        f"Separatism is coded in {sep} of {n} meetings ({_pct(share)}) in {lo}-{hi}; "
        f"other concerns: {second or 'none'}."
    )
    return Finding("separatism_1990s", claim, rule, SUPPORTED if ok else NOT_SUPPORTED,
                   evidence, f"{lo}-{hi}", counted)  # fmt: skip


def _new_concerns(frame: pd.DataFrame, partners: Sequence[str]) -> list[Finding]:
    out = []
    sub, lo, hi = _window(frame, *REFERENCE_WINDOW)
    m = _with_concerns(meetings(sub))
    all_meetings = meetings(frame)
    before, after = m[m["year"] < LATE_2010S], m[m["year"] >= LATE_2010S]
    for label, topics in NEW_CONCERN_GROUPS.items():
        claim = f"From the late 2010s a new concern appears: {label} ({', '.join(topics)})."
        rule = (
            f"Meetings coded for concerns, {lo}-{hi}. Supported if the concern is coded in at "
            f"most 5% of meetings before {LATE_2010S} and in a larger share from {LATE_2010S}; "
            "not supported otherwise; not enough data if coded in fewer than 3 meetings or if "
            f"either side of {LATE_2010S} has fewer than 5 meetings; code not applied in this "
            "dataset if no meeting of any year carries any of its codes."
        )
        in_meetings = _coded_with(all_meetings, topics) if len(all_meetings) else None
        unused = [t for t in topics if not _coded_with(all_meetings, (t,)).any()]
        hit = _coded_with(m, topics)
        n_hit = int(hit.sum())
        nb, na = len(before), len(after)
        hb = int(hit[before.index].sum()) if nb else 0
        ha = int(hit[after.index].sum()) if na else 0
        sb, sa = (hb / nb if nb else 0.0), (ha / na if na else 0.0)
        first = int(m.loc[hit, "year"].min()) if n_hit else None
        evidence = (
            f"Coded in {hb} of {nb} meetings before {LATE_2010S} ({_pct(sb)}) and {ha} of {na} "
            f"from {LATE_2010S} ({_pct(sa)}); first coded in "
            f"{first if first is not None else 'no meeting'}."
        )
        if unused:
            evidence += (
                f" Not applied to any meeting in this dataset: {', '.join(unused)}; where "
                f"{'it occurs' if len(unused) == 1 else 'they occur'}: "
                f"{_where_codes_occur(frame, unused)}."
            )
        if in_meetings is None or not in_meetings.any():
            verdict = NOT_APPLIED
        elif n_hit < 3 or nb < 5 or na < 5:
            verdict = NOT_ENOUGH
        elif sb <= 0.05 and sa > sb:
            verdict = SUPPORTED
        else:
            verdict = NOT_SUPPORTED
        key = "new_concern_" + topics[0]
        label = f"meetings coded with {' or '.join(topics)}, {lo}-{hi}"
        counted = (_counted(label, m[hit]),)
        out.append(Finding(key, claim, rule, verdict, evidence, f"{lo}-{hi}", counted))
    return out


def _sco_dialogue(frame: pd.DataFrame, partners: Sequence[str]) -> Finding:
    claim = "SCO: regular dialogue among security officials of every rank."
    sub, lo, hi = _window(frame, 2001, REFERENCE_WINDOW[1])
    sco = meetings(sub)
    sco = sco[sco["framework"] == "SCO"]
    rule = (
        f"SCO meetings, {lo}-{hi} (the SCO was founded in 2001). Supported if they span at least "
        "5 distinct meeting levels and occur in at least 75% of the years; not enough data if "
        "fewer than 10 SCO meetings or fewer than 5 years in the window."
    )
    years = hi - lo + 1
    levels = sorted(set(sco["level"].dropna()) - {""})
    n_years = sco["year"].nunique()
    evidence = (
        f"{len(sco)} SCO meetings at {len(levels)} levels ({', '.join(levels) or 'none'}); "
        f"held in {n_years} of {max(years, 0)} years."
    )
    if len(sco) < 10 or years < 5:
        verdict = NOT_ENOUGH
    elif len(levels) >= 5 and n_years / years >= 0.75:
        verdict = SUPPORTED
    else:
        verdict = NOT_SUPPORTED
    held = set(sco["year"].astype(int))
    missing = [y for y in range(lo, hi + 1) if y not in held]
    note = ""
    if verdict == NOT_SUPPORTED and years > 1:
        gaps = [y for y in missing if y in GAP_YEARS]
        share = n_years / max(years - len(gaps), 1)
        alt = SUPPORTED if len(levels) >= 5 and share >= 0.75 else NOT_SUPPORTED
        note = _gap_note(missing, f"Without {', '.join(map(str, gaps))}: SCO meetings in "
                         f"{n_years} of {years - len(gaps)} years, {alt}.")  # fmt: skip
    counted = (_counted(f"SCO meetings, {lo}-{hi}", sco),)
    return Finding("sco_dialogue", claim, rule, verdict, evidence, f"{lo}-{hi}", counted,
                   note=note)  # fmt: skip


def _sco_exercise_every_year(frame: pd.DataFrame, partners: Sequence[str]) -> Finding:
    claim = "An SCO exercise every year since 2010."
    sub, lo, hi = _window(frame, 2010, REFERENCE_WINDOW[1])
    rule = (
        f"Exercises (either kind) held in the SCO framework, {lo}-{hi}. Supported if every year "
        "has at least one; not supported if any year has none; not enough data if the window "
        "holds fewer than 3 years."
    )
    ex = sub[sub["kind"].isin(["multilateral_exercise", "bilateral_exercise"])]
    sco_ex = ex[ex["framework"] == "SCO"]
    years_with = set(sco_ex["year"].astype(int))
    counted = [_counted(f"SCO exercises, {lo}-{hi}", sco_ex)]
    window_years = list(range(lo, hi + 1))
    missing = [y for y in window_years if y not in years_with]
    evidence = (
        f"SCO exercises recorded in {len(window_years) - len(missing)} of {len(window_years)} "
        f"years; none recorded in {', '.join(map(str, missing)) if missing else 'no year'}."
    )
    after = frame[(frame["year"] > REFERENCE_WINDOW[1]) & (frame["framework"] == "SCO")]
    after = after[after["kind"].isin(["multilateral_exercise", "bilateral_exercise"])]
    if not frame.empty and int(frame["year"].max()) > REFERENCE_WINDOW[1]:
        later = sorted(set(after["year"].astype(int)))
        evidence += f" After {REFERENCE_WINDOW[1]}: in {', '.join(map(str, later)) or 'no year'}."
        if len(after):
            label = f"SCO exercises after {REFERENCE_WINDOW[1]} (in the evidence, not the rule)"
            counted.append(_counted(label, after))
    if len(window_years) < 3:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if not missing else NOT_SUPPORTED
    rest = [y for y in missing if y not in GAP_YEARS]
    note = ""
    if verdict == NOT_SUPPORTED:
        alt = SUPPORTED if not rest else NOT_SUPPORTED
        without = ", ".join(str(y) for y in missing if y in GAP_YEARS)
        note = _gap_note(
            missing,
            f"Without {without}: {alt}"
            + (f" (none recorded in {', '.join(map(str, rest))})." if rest else "."),
        )
    return Finding("sco_exercise_yearly", claim, rule, verdict, evidence, f"{lo}-{hi}",
                   tuple(counted), note=note)  # fmt: skip


def _sco_expert_groups(frame: pd.DataFrame, partners: Sequence[str]) -> Finding:
    claim = "Five SCO expert groups were created 2010-2019 to coordinate law enforcement."
    sub, lo, hi = _window(frame, 2010, 2019)
    rule = (
        f"Mechanism events in the SCO framework, {lo}-{hi}, whose title names an expert group "
        "(expert group / экспертн / 专家组). Supported if at least 5; otherwise not enough data "
        "(a group missing from the dataset is not evidence that it was not created)."
    )
    mech = sub[(sub["kind"] == "mechanism") & (sub["framework"] == "SCO")]
    titles = mech["title"] if "title" in mech else pd.Series([], dtype=str)
    found = titles.fillna("").str.contains(r"expert group|экспертн|专家组", case=False, regex=True)
    n = int(found.sum())
    evidence = f"{n} SCO expert group(s) recorded as created in {lo}-{hi}."
    named = mech[found.to_numpy(dtype=bool)] if len(found) == len(mech) else mech.iloc[0:0]
    counted = (_counted(f"SCO expert groups created, {lo}-{hi}", named),)
    return Finding("sco_expert_groups", claim, rule, SUPPORTED if n >= 5 else NOT_ENOUGH,
                   evidence, f"{lo}-{hi}", counted)  # fmt: skip


def _bilateral_side(frame: pd.DataFrame, partners: Sequence[str]) -> pd.Series:
    """True for events outside multilateral frameworks that involve a partner state."""
    mask = involves(frame, partners) & ~frame["framework"].isin(MULTILATERAL_FRAMEWORKS).to_numpy()
    return pd.Series(mask, index=frame.index)


def _bilateral_delivers(frame: pd.DataFrame, partners: Sequence[str]) -> list[Finding]:
    sub, lo, hi = _window(frame, *REFERENCE_WINDOW)
    act = sub[sub["kind"].isin(ACTIVITY_KINDS)]
    bil = act[_bilateral_side(act, partners)] if not act.empty else act
    mul = act[act["framework"].isin(MULTILATERAL_FRAMEWORKS)]
    kb = sorted({("exercise" if "exercise" in k else k) for k in bil["kind"]})
    km = sorted({("exercise" if "exercise" in k else k) for k in mul["kind"]})
    rule = (
        f"Activities ({', '.join(ACTIVITY_KINDS)}), {lo}-{hi}; bilateral = not in a multilateral "
        "framework and involving a partner state (PRC acts in one partner's territory count "
        "here). Supported if bilateral activities are more numerous and of more kinds than "
        "multilateral ones; not enough data if fewer than 10 activities in all."
    )
    evidence = (
        f"Bilateral: {len(bil)} activities of {len(kb)} kinds ({', '.join(kb) or 'none'}); "
        f"multilateral: {len(mul)} of {len(km)} kinds ({', '.join(km) or 'none'})."
    )
    if len(bil) + len(mul) < 10:
        v1 = NOT_ENOUGH
    else:
        v1 = SUPPORTED if len(bil) > len(mul) and len(kb) > len(km) else NOT_SUPPORTED
    f1 = Finding("bilateral_delivers_more",
                 "Bilateral engagement is more diverse and delivers more (patrols and operations, "
                 "exercises, training, equipment, infrastructure, private security).",
                 rule, v1, evidence, f"{lo}-{hi}",
                 (_counted(f"bilateral activities, {lo}-{hi}", bil),
                  _counted(f"multilateral activities, {lo}-{hi}", mul)))  # fmt: skip
    m = meetings(sub)
    m_bil = m[_bilateral_side(m, partners)] if not m.empty else m
    m_mul = m[m["framework"].isin(MULTILATERAL_FRAMEWORKS)]
    mb, mm = len(m_bil), len(m_mul)
    rule2 = (
        f"Meetings, {lo}-{hi}. Supported if bilateral meetings outnumber multilateral ones; not "
        "enough data if fewer than 10 meetings."
    )
    v2 = NOT_ENOUGH if mb + mm < 10 else SUPPORTED if mb > mm else NOT_SUPPORTED
    f2 = Finding("bilateral_more_meetings", "Bilateral engagement has more meetings.", rule2, v2,
                 f"{mb} bilateral and {mm} multilateral meetings.", f"{lo}-{hi}",
                 (_counted(f"bilateral meetings, {lo}-{hi}", m_bil),
                  _counted(f"multilateral meetings, {lo}-{hi}", m_mul)))  # fmt: skip
    return [f1, f2]


def _kg_tj_most_responsive(
    frame: pd.DataFrame, partners: Sequence[str], config: IndexConfig | None = None
) -> Finding:
    claim = "Kyrgyzstan and Tajikistan are the most responsive partners."
    sub, lo, hi = _window(frame, *REFERENCE_WINDOW)
    rule = (
        f"Engagement index (default weights) summed over {lo}-{hi}. Supported if KG and TJ are "
        "the top two; not supported otherwise; not enough data if KG or TJ is filtered out or "
        "the index totals less than 20. The sensitivity check says under how many alternative "
        "weightings the top two stay the same."
    )
    note = (
        f"No events listed: the index sums every meeting and activity involving a partner state "
        f"in {lo}-{hi}, weighted by kind (the engagement index chart and its data give it by "
        "country and year)."
    )
    if "KG" not in partners or "TJ" not in partners or sub.empty:
        return Finding("kg_tj_most_responsive", claim, rule, NOT_ENOUGH,
                       "Kyrgyzstan or Tajikistan is not among the countries analysed.",
                       f"{lo}-{hi}", counted_note=note)  # fmt: skip
    config = config or load_index_config()
    ranking = country_ranking(engagement_index(sub, partners, config))
    sens = index_sensitivity(sub, partners, config)
    top2 = list(ranking["country"][:2])
    kg_tj_alt = int(sens["top2"].map(lambda t: set(t.split(";")) == {"KG", "TJ"}).sum())
    order = ", ".join(f"{r.country} {r.total:g}" for r in ranking.itertuples())
    evidence = (
        f"Ranking by index: {order}. KG and TJ are the top two under {kg_tj_alt} of "
        f"{len(sens)} alternative weightings."
    )
    if ranking["total"].sum() < 20:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if set(top2) == {"KG", "TJ"} else NOT_SUPPORTED
    return Finding("kg_tj_most_responsive", claim, rule, verdict, evidence, f"{lo}-{hi}",
                   counted_note=note)  # fmt: skip


def _domestic_capacity(frame: pd.DataFrame, partners: Sequence[str]) -> Finding:
    claim = "Domestic: more PRC military capacity in its western region."
    sub, lo, hi = _window(frame, *REFERENCE_WINDOW)
    dc = sub[sub["kind"] == "domestic_capacity"]
    mid = (lo + hi) // 2
    early, late = int((dc["year"] <= mid).sum()), int((dc["year"] > mid).sum())
    rule = (
        f"PRC domestic-capacity events, {lo}-{hi}. Supported if at least 3 and more of them fall "
        f"after {mid} (the window's midpoint) than before; not enough data if fewer than 3."
    )
    evidence = f"{len(dc)} events: {early} in {lo}-{mid}, {late} in {mid + 1}-{hi}."
    if len(dc) < 3:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if late > early else NOT_SUPPORTED
    counted = (_counted(f"PRC domestic-capacity events, {lo}-{hi}", dc),)
    return Finding("domestic_capacity", claim, rule, verdict, evidence, f"{lo}-{hi}", counted)


_RULES: list[Callable[[pd.DataFrame, Sequence[str]], Finding | list[Finding]]] = [
    _separatism_1990s,
    _new_concerns,
    _sco_dialogue,
    _sco_exercise_every_year,
    _sco_expert_groups,
    _bilateral_delivers,
    _kg_tj_most_responsive,
    _domestic_capacity,
]


def evaluate_claims(frame: pd.DataFrame, partners: Sequence[str]) -> list[Finding]:
    """Evaluate every reference claim on ``frame`` (already filtered), in the order of DESIGN.md."""
    out: list[Finding] = []
    for rule in _RULES:
        result = rule(frame, partners)
        out.extend(result if isinstance(result, list) else [result])
    return out


#: The columns of :func:`findings_frame`.
FINDINGS_COLUMNS = (
    "claim_id", "claim", "rule", "verdict", "note", "evidence", "window", "events_counted",
)  # fmt: skip


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding; ``events_counted`` is how many distinct events it counted (the
    events themselves are in the report's ``finding_events.csv``)."""
    rows = [
        (f.claim_id, f.claim, f.rule, f.verdict, f.note, f.evidence, f.window, len(f.event_ids))
        for f in findings
    ]
    return pd.DataFrame(rows, columns=list(FINDINGS_COLUMNS))
