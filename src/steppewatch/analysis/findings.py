"""A study's claims beside what the data shows.

Each claim of the study file (``Study.claims``: its text, the reference study that made it and
its rule: a metric, windows, a threshold, a minimum number of events and the metric's
parameters) is checked against the events frame by the small rule function its metric names
(:data:`RULES`, one per metric of ``study_schema.CLAIM_METRICS``), and printed in the report next
to its verdict: ``supported``, ``not supported``, ``not enough data`` or ``code not applied in
this dataset`` (a claim about concerns whose codes no meeting carries: the data cannot speak to
it, and the evidence says where those codes do occur). A rule that counts years says beside its
verdict when a missing year is a known gap year (:data:`GAP_YEARS`, e.g. the 2020 pandemic) and
what the verdict would be without it. Every rule looks only at its claim's window (intersected
with the years present in the frame after the user's filters); the window used is stated in each
result. A claim with several windows gives one finding per window.

The rules are deliberately simple and strict; the evidence text gives the numbers so a reader can
disagree with a verdict, and ``counted`` names the events behind them (the positive cases each
rule counted, in groups such as "bilateral activities" and "multilateral activities") so a reader
can check and cite them. A study that states no claims gives no findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.analysis.engagement import (
    country_ranking,
    index_with_sensitivity,
    load_index_config,
)
from steppewatch.analysis.frame import (
    MULTILATERAL_FRAMEWORKS,
    any_topic,
    concerns_coded,
    involves,
    meetings,
    meetings_of_rows,
)
from steppewatch.study_schema import Claim, ClaimWindow

__all__ = [
    "ACTIVITY_KINDS",
    "GAP_YEARS",
    "NOT_APPLIED",
    "RULES",
    "Counted",
    "Finding",
    "evaluate_claims",
    "findings_frame",
]

SUPPORTED, NOT_SUPPORTED, NOT_ENOUGH = "supported", "not supported", "not enough data"
NOT_APPLIED = "code not applied in this dataset"
#: Years in which engagement was interrupted for a reason outside the relationship; a rule that
#: finds such a year missing says so beside its verdict.
GAP_YEARS = {
    2020: "the COVID-19 pandemic, when most in-person meetings and exercises were cancelled "
    "or held online",
}

#: Activity kinds that "deliver" (beyond talk and paper): the default ``kinds`` of the
#: ``bilateral_activities`` metric.
ACTIVITY_KINDS = (
    "multilateral_exercise", "bilateral_exercise", "joint_patrol_operation", "training_education",
    "equipment_transfer", "infrastructure", "private_security",
)  # fmt: skip


@dataclass(frozen=True)
class Counted:
    """Events a rule counted, under a label that says what they are ("SCO meetings").

    ``rows`` holds their index labels in the frame the rule was given: a shortcut for code that
    looks them up in that same frame (the report), which must check it against ``ids``."""

    label: str
    ids: tuple[str, ...]
    rows: np.ndarray | None = field(default=None, compare=False, repr=False)
    #: The ids' integer codes (the analysis frame's ``id_key``: equal codes, equal ids), from
    #: the same frame for every group of a finding: :attr:`Finding.n_events` counts them.
    keys: np.ndarray | None = field(default=None, compare=False, repr=False)


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
    #: :attr:`n_events` worked out already (by :func:`evaluate_claims`, which then drops the
    #: groups' ``keys``: on 10,000,000 events up to 80 MB kept until the report is written).
    n_counted: int | None = field(default=None, compare=False, repr=False)

    @cached_property
    def event_ids(self) -> tuple[str, ...]:
        """Every counted event id once, group after group (worked out once per finding: the
        findings table and the evidence both ask, and a group can hold a million ids)."""
        if len(self.counted) == 1:
            return self.counted[0].ids
        return tuple(dict.fromkeys(i for group in self.counted for i in group.ids))

    @cached_property
    def n_events(self) -> int:
        """How many distinct events the groups count (``len(event_ids)``): from the groups'
        ``keys`` when each has them (integers marked off, not ids hashed: on 10,000,000 events
        the ids' dictionary took about 4 s), else from :attr:`event_ids`."""
        if self.n_counted is not None:
            return self.n_counted
        if len(self.counted) <= 1:
            return len(self.counted[0].ids) if self.counted else 0
        keys = [g.keys for g in self.counted if g.keys is not None and len(g.keys) == len(g.ids)]
        if len(keys) < len(self.counted):
            return len(self.event_ids)
        found = np.concatenate(keys)
        if not len(found):
            return 0
        if found.dtype.kind not in "iu" or int(found.min()) < 0:
            return len(np.unique(found))
        marked = np.zeros(int(found.max()) + 1, dtype=bool)
        marked[found] = True
        return int(marked.sum())


def _counted(label: str, frame: pd.DataFrame) -> Counted:
    ids = tuple(frame["id"].to_numpy()) if len(frame) else ()
    keys = frame["id_key"].to_numpy() if "id_key" in frame.columns else None
    return Counted(label, ids, frame.index.to_numpy(), keys)


def _counted_at(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """``frame[mask]`` with only the columns :func:`_counted` reads (``id``, ``id_key``; the
    index): not a copy of every column."""
    return frame[[c for c in ("id", "id_key") if c in frame.columns]][mask]


def _coded_with(m: pd.DataFrame, topics: Sequence[str]) -> pd.Series:
    """Boolean mask over ``m``: is any of ``topics`` coded? (one test per distinct tuple)"""
    return pd.Series(any_topic(m, topics), index=m.index, dtype=bool)


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


#: While :func:`evaluate_claims` runs: the rows of each (frame, window) selected so far (claims
#: share windows; on a million events each selection copies every column).
_WINDOWS: ContextVar[dict[tuple[int, int, int], tuple[pd.DataFrame, pd.DataFrame]] | None] = (
    ContextVar("claim_windows", default=None)
)


def _window(frame: pd.DataFrame, start: int, end: int) -> tuple[pd.DataFrame, int, int]:
    """The claim's window ``start-end`` clipped to the years the (filtered) frame holds; when the
    frame holds none of them, the claim's own window with no rows (never an impossible window
    such as 2010-1999)."""
    lo, hi = start, end
    if not frame.empty:
        lo, hi = max(start, int(frame["year"].min())), min(end, int(frame["year"].max()))
    if lo > hi:
        return frame.iloc[0:0], start, end
    cache = _WINDOWS.get()
    key = (id(frame), lo, hi)
    if cache is not None and key in cache:
        return cache[key][1], lo, hi
    years = frame["year"].to_numpy()
    if len(years) and bool((years[1:] >= years[:-1]).all()):
        # the frame in year order (the report's is, by date): the window is one run of rows,
        # taken as a slice (a view of every column, no copy; copy-on-write keeps it apart)
        start, stop = (
            int(np.searchsorted(years, lo, "left")),
            int(np.searchsorted(years, hi, "right")),
        )
        sub = frame.iloc[start:stop]
        meetings_of_rows(frame, sub, start, stop)  # its meetings a run of the frame's
    else:
        sub = frame[(years >= lo) & (years <= hi)]
    if cache is not None:
        cache[key] = (frame, sub)  # the frame held too, so its id is not reused meanwhile
    return sub, lo, hi


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


def _param(claim: Claim, key: str, default: Any = None) -> Any:
    return claim.rule.params.get(key, default)


def _threshold(claim: Claim, default: float) -> float:
    return default if claim.rule.threshold is None else claim.rule.threshold


def _rule_text(claim: Claim) -> str:
    """The rule in words as the study file states it (``{window}``, ``{start}``, ``{end}`` and
    ``{midpoint}`` are filled in with the window used); a plain account of the rule's settings
    when the file gives none."""
    rule = claim.rule
    if rule.text.strip():
        return rule.text.strip()
    params = "; ".join(f"{k} {v}" for k, v in sorted(rule.params.items()))
    return (
        f"Metric {rule.metric} over the window"
        + (f"; threshold {rule.threshold:g}" if rule.threshold is not None else "")
        + (f"; at least {rule.min_events} events" if rule.min_events else "")
        + (f"; {params}" if params else "")
        + "."
    )


def _fill_window(text: str, window: str) -> str:
    """The rule text with the window used filled in: ``{window}`` (1993-2020), ``{start}``,
    ``{end}`` and ``{midpoint}`` (the last year of the window's first half)."""
    lo, _, hi = window.partition("-")
    filled = text.replace("{window}", window).replace("{start}", lo).replace("{end}", hi)
    if lo.isdigit() and hi.isdigit():
        filled = filled.replace("{midpoint}", str((int(lo) + int(hi)) // 2))
    return filled


def _of_kind(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    return meetings(frame) if kind == "meeting" else frame[frame["kind"] == kind]


def _top_concern_share(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """``topic`` is the most frequent concern of the window's events of ``kind`` (meetings) with
    concerns coded, in at least ``threshold`` of them; ``min_events`` such events at least."""
    topic, kind = str(_param(claim, "topic")), str(_param(claim, "kind", "meeting"))
    threshold, rule = _threshold(claim, 0.5), _rule_text(claim)
    noun = "meetings" if kind == "meeting" else f"{kind} events"
    sub, lo, hi = _window(frame, window.start, window.end)
    m = _with_concerns(_of_kind(sub, kind))
    n = len(m)
    label = f"{noun} coded with {topic}, {lo}-{hi}"
    if n and not _coded_with(_of_kind(frame, kind), (topic,)).any():
        one = "meeting" if kind == "meeting" else f"{kind} event"
        return Finding(claim.id, claim.text, rule, NOT_APPLIED,
                       f"No {one} is coded with {topic}; where the code occurs: "
                       f"{_where_codes_occur(frame, (topic,))}.", f"{lo}-{hi}",
                       (_counted(label, m.iloc[0:0]),))  # fmt: skip
    counted = (_counted(label, m[_coded_with(m, (topic,))]),)
    if n < claim.rule.min_events:
        return Finding(claim.id, claim.text, rule, NOT_ENOUGH,
                       f"{n} {noun} with concerns coded in {lo}-{hi}.", f"{lo}-{hi}",
                       counted)  # fmt: skip
    counts = m["topics"].explode().dropna().value_counts()
    hits = int(counts.get(topic, 0))
    share = hits / n if n else 0.0
    # ties: the topic counts as most frequent if no topic has more
    ok = len(counts) > 0 and hits == int(counts.iloc[0]) and share >= threshold
    second = ", ".join(f"{t} {_pct(c / n)}" for t, c in counts.items() if t != topic)
    evidence = (
        f"{topic[:1].upper() + topic[1:]} is coded in {hits} of {n} {noun} ({_pct(share)}) in "
        f"{lo}-{hi}; other concerns: {second or 'none'}."
    )
    return Finding(claim.id, claim.text, rule, SUPPORTED if ok else NOT_SUPPORTED,
                   evidence, f"{lo}-{hi}", counted)  # fmt: skip


def _new_concern(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """``topics`` coded in at most ``threshold`` of the meetings before ``split_year`` and in a
    larger share from it; at least ``min_events`` meetings coded with them and ``min_side``
    meetings on either side of the split."""
    topics = tuple(_param(claim, "topics", ()))
    split = int(_param(claim, "split_year"))
    min_side = int(_param(claim, "min_side", 5))
    threshold, rule = _threshold(claim, 0.05), _rule_text(claim)
    sub, lo, hi = _window(frame, window.start, window.end)
    all_meetings = meetings(frame)
    in_meetings = _coded_with(all_meetings, topics) if len(all_meetings) else None
    unused = [t for t in topics if not _coded_with(all_meetings, (t,)).any()]
    held = meetings(sub)
    if held.index.is_unique:
        # counted from masks over the window's meetings (selected once per window and shared
        # by the rules): no selection of every column per side of the split (on 10,000,000
        # events each copied millions of rows, three claims over)
        coded = concerns_coded(held)
        years = held["year"].to_numpy()
        early, late = coded & (years < split), coded & (years >= split)
        hit_rows = coded & any_topic(held, topics)
        nb, na, n_hit = int(early.sum()), int(late.sum()), int(hit_rows.sum())
        hb, ha = int((hit_rows & early).sum()), int((hit_rows & late).sum())
        first = int(years[hit_rows].min()) if n_hit else None
        counted = _counted_at(held, hit_rows)
    else:
        m = _with_concerns(held)
        before, after = m[m["year"] < split], m[m["year"] >= split]
        hit = _coded_with(m, topics)
        n_hit = int(hit.sum())
        nb, na = len(before), len(after)
        hb = int(hit[before.index].sum()) if nb else 0
        ha = int(hit[after.index].sum()) if na else 0
        first = int(m.loc[hit, "year"].min()) if n_hit else None
        counted = m[hit]
    sb, sa = (hb / nb if nb else 0.0), (ha / na if na else 0.0)
    evidence = (
        f"Coded in {hb} of {nb} meetings before {split} ({_pct(sb)}) and {ha} of {na} "
        f"from {split} ({_pct(sa)}); first coded in "
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
    elif n_hit < claim.rule.min_events or nb < min_side or na < min_side:
        verdict = NOT_ENOUGH
    elif sb <= threshold and sa > sb:
        verdict = SUPPORTED
    else:
        verdict = NOT_SUPPORTED
    label = f"meetings coded with {' or '.join(topics)}, {lo}-{hi}"
    return Finding(claim.id, claim.text, rule, verdict, evidence, f"{lo}-{hi}",
                   (_counted(label, counted),))  # fmt: skip


def _framework_dialogue(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """Meetings of ``framework`` span ``min_levels`` levels and occur in at least ``threshold``
    of the window's years; ``min_events`` meetings and ``min_years`` years at least."""
    fw = str(_param(claim, "framework"))
    min_levels, min_years = int(_param(claim, "min_levels", 5)), int(_param(claim, "min_years", 5))
    threshold, rule = _threshold(claim, 0.75), _rule_text(claim)
    sub, lo, hi = _window(frame, window.start, window.end)
    held_in = meetings(sub)
    # only the columns read below and by _counted are taken (not a copy of every column of
    # the window's meetings: on 10,000,000 events about half a second a claim)
    of_fw = (held_in["framework"] == fw).to_numpy()
    held_in = held_in[[c for c in ("id", "id_key", "year", "level") if c in held_in.columns]]
    held_in = held_in[of_fw]
    years = hi - lo + 1
    levels = sorted(set(held_in["level"].dropna()) - {""})
    n_years = held_in["year"].nunique()
    evidence = (
        f"{len(held_in)} {fw} meetings at {len(levels)} levels ({', '.join(levels) or 'none'}); "
        f"held in {n_years} of {max(years, 0)} years."
    )
    if len(held_in) < claim.rule.min_events or years < min_years:
        verdict = NOT_ENOUGH
    elif len(levels) >= min_levels and n_years / years >= threshold:
        verdict = SUPPORTED
    else:
        verdict = NOT_SUPPORTED
    held = set(held_in["year"].astype(int))
    missing = [y for y in range(lo, hi + 1) if y not in held]
    note = ""
    if verdict == NOT_SUPPORTED and years > 1:
        gaps = [y for y in missing if y in GAP_YEARS]
        share = n_years / max(years - len(gaps), 1)
        alt = SUPPORTED if len(levels) >= min_levels and share >= threshold else NOT_SUPPORTED
        note = _gap_note(missing, f"Without {', '.join(map(str, gaps))}: {fw} meetings in "
                         f"{n_years} of {years - len(gaps)} years, {alt}.")  # fmt: skip
    counted = (_counted(f"{fw} meetings, {lo}-{hi}", held_in),)
    return Finding(claim.id, claim.text, rule, verdict, evidence, f"{lo}-{hi}", counted,
                   note=note)  # fmt: skip


def _framework_exercise_yearly(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """An exercise (either kind) in ``framework`` in every year of the window (``min_years``
    years at least); exercises after the window are named in the evidence."""
    fw, rule = str(_param(claim, "framework")), _rule_text(claim)
    min_years = int(_param(claim, "min_years", 3))
    sub, lo, hi = _window(frame, window.start, window.end)
    kinds = ["multilateral_exercise", "bilateral_exercise"]
    ex = sub[sub["kind"].isin(kinds)]
    fw_ex = ex[ex["framework"] == fw]
    years_with = set(fw_ex["year"].astype(int))
    counted = [_counted(f"{fw} exercises, {lo}-{hi}", fw_ex)]
    window_years = list(range(lo, hi + 1))
    missing = [y for y in window_years if y not in years_with]
    evidence = (
        f"{fw} exercises recorded in {len(window_years) - len(missing)} of {len(window_years)} "
        f"years; none recorded in {', '.join(map(str, missing)) if missing else 'no year'}."
    )
    end = window.end
    after = frame[(frame["year"] > end) & (frame["framework"] == fw)]
    after = after[after["kind"].isin(kinds)]
    if not frame.empty and int(frame["year"].max()) > end:
        later = sorted(set(after["year"].astype(int)))
        evidence += f" After {end}: in {', '.join(map(str, later)) or 'no year'}."
        if len(after):
            label = f"{fw} exercises after {end} (in the evidence, not the rule)"
            counted.append(_counted(label, after))
    if len(window_years) < min_years:
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
    return Finding(claim.id, claim.text, rule, verdict, evidence, f"{lo}-{hi}",
                   tuple(counted), note=note)  # fmt: skip


def _framework_mechanisms(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """At least ``threshold`` mechanism events of ``framework`` in the window whose title
    matches ``title_pattern`` (a regular expression); fewer is not enough data (a mechanism
    missing from the dataset is not evidence that it was not created). ``what`` names them."""
    fw, rule = str(_param(claim, "framework")), _rule_text(claim)
    pattern, what = str(_param(claim, "title_pattern", ".")), str(_param(claim, "what", "body"))
    threshold = _threshold(claim, 1)
    sub, lo, hi = _window(frame, window.start, window.end)
    mech = sub[(sub["kind"] == "mechanism") & (sub["framework"] == fw)]
    titles = mech["title"] if "title" in mech else pd.Series([], dtype=str)
    found = titles.fillna("").str.contains(pattern, case=False, regex=True)
    n = int(found.sum())
    evidence = f"{n} {fw} {what}(s) recorded as created in {lo}-{hi}."
    named = mech[found.to_numpy(dtype=bool)] if len(found) == len(mech) else mech.iloc[0:0]
    counted = (_counted(f"{fw} {what}s created, {lo}-{hi}", named),)
    return Finding(claim.id, claim.text, rule, SUPPORTED if n >= threshold else NOT_ENOUGH,
                   evidence, f"{lo}-{hi}", counted)  # fmt: skip


#: The columns the bilateral rules read (with :func:`_counted`'s): their row selections take
#: only these (on 10,000,000 events, selections of every column took about 1.5 s).
_SIDE_COLUMNS = ("id", "id_key", "kind", "framework", "countries", "countries_key")


def _side_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with only :data:`_SIDE_COLUMNS` (those it has)."""
    return frame[[c for c in _SIDE_COLUMNS if c in frame.columns]]


def _bilateral_side(frame: pd.DataFrame, partners: Sequence[str]) -> pd.Series:
    """True for events outside multilateral frameworks that involve a partner state."""
    mask = involves(frame, partners) & ~frame["framework"].isin(MULTILATERAL_FRAMEWORKS).to_numpy()
    return pd.Series(mask, index=frame.index)


def _bilateral_activities(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """Bilateral activities (of ``kinds``) outnumber multilateral ones and are of more kinds
    (both exercise kinds count as one); ``min_events`` activities at least."""
    kinds = tuple(_param(claim, "kinds", ACTIVITY_KINDS))
    sub, lo, hi = _window(frame, window.start, window.end)
    sub = _side_columns(sub)
    act = sub[sub["kind"].isin(kinds)]
    bil = act[_bilateral_side(act, partners)] if not act.empty else act
    mul = act[act["framework"].isin(MULTILATERAL_FRAMEWORKS)]
    kb = sorted({("exercise" if "exercise" in k else k) for k in bil["kind"]})
    km = sorted({("exercise" if "exercise" in k else k) for k in mul["kind"]})
    evidence = (
        f"Bilateral: {len(bil)} activities of {len(kb)} kinds ({', '.join(kb) or 'none'}); "
        f"multilateral: {len(mul)} of {len(km)} kinds ({', '.join(km) or 'none'})."
    )
    if len(bil) + len(mul) < claim.rule.min_events:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if len(bil) > len(mul) and len(kb) > len(km) else NOT_SUPPORTED
    counted = (
        _counted(f"bilateral activities, {lo}-{hi}", bil),
        _counted(f"multilateral activities, {lo}-{hi}", mul),
    )
    return Finding(claim.id, claim.text, _rule_text(claim), verdict, evidence, f"{lo}-{hi}",
                   counted)  # fmt: skip


def _bilateral_meetings(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """Bilateral meetings outnumber multilateral ones; ``min_events`` meetings at least."""
    sub, lo, hi = _window(frame, window.start, window.end)
    m = _side_columns(meetings(sub))
    m_bil = m[_bilateral_side(m, partners)] if not m.empty else m
    m_mul = m[m["framework"].isin(MULTILATERAL_FRAMEWORKS)]
    mb, mm = len(m_bil), len(m_mul)
    if mb + mm < claim.rule.min_events:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if mb > mm else NOT_SUPPORTED
    counted = (
        _counted(f"bilateral meetings, {lo}-{hi}", m_bil),
        _counted(f"multilateral meetings, {lo}-{hi}", m_mul),
    )
    return Finding(claim.id, claim.text, _rule_text(claim), verdict,
                   f"{mb} bilateral and {mm} multilateral meetings.", f"{lo}-{hi}",
                   counted)  # fmt: skip


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _top_partners(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """The ``countries`` named are the leading partner states of the engagement index (default
    weights) summed over the window; an index total under ``min_events`` is not enough data.
    The evidence says under how many alternative weightings they stay the leaders."""
    countries = [str(c) for c in _param(claim, "countries", ())]
    sub, lo, hi = _window(frame, window.start, window.end)
    rule = _rule_text(claim)
    note = (
        f"No events listed: the index sums every meeting and activity involving a partner state "
        f"in {lo}-{hi}, weighted by kind (the engagement index chart and its data give it by "
        "country and year)."
    )
    absent = [c for c in countries if c not in partners]
    if not countries or absent or sub.empty:
        why = (
            f"{' or '.join(absent or countries) or 'No country'} is not among the countries "
            "analysed."
            if absent or not countries
            else f"No event in {lo}-{hi}."
        )
        return Finding(claim.id, claim.text, rule, NOT_ENOUGH, why, f"{lo}-{hi}",
                       counted_note=note)  # fmt: skip
    config = load_index_config()
    index, sens = index_with_sensitivity(sub, partners, config)
    ranking = country_ranking(index)
    k = len(countries)
    leaders = set(ranking["country"][:k])
    same = int(sens["ranking"].map(lambda r: set(r.split(";")[:k]) == set(countries)).sum())
    order = ", ".join(f"{r.country} {r.total:g}" for r in ranking.itertuples())
    top = f"top {_NUMBERS[k] if k < len(_NUMBERS) else k}" if k > 1 else "leader"
    named = " and ".join(countries) if k <= 2 else ", ".join(countries)
    evidence = (
        f"Ranking by index: {order}. {named} {'are' if k > 1 else 'is'} the {top} under {same} "
        f"of {len(sens)} alternative weightings."
    )
    if ranking["total"].sum() < claim.rule.min_events:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if leaders == set(countries) else NOT_SUPPORTED
    return Finding(claim.id, claim.text, rule, verdict, evidence, f"{lo}-{hi}",
                   counted_note=note)  # fmt: skip


def _focal_capacity_trend(
    frame: pd.DataFrame, partners: Sequence[str], claim: Claim, window: ClaimWindow
) -> Finding:
    """More events of ``kind`` (domestic_capacity: the focal state's own build-up) after the
    window's midpoint than before; ``min_events`` such events at least. ``label`` names them."""
    kind = str(_param(claim, "kind", "domestic_capacity"))
    label = str(_param(claim, "label", f"{kind} events of the focal state"))
    sub, lo, hi = _window(frame, window.start, window.end)
    dc = sub[sub["kind"] == kind]
    mid = (lo + hi) // 2
    early, late = int((dc["year"] <= mid).sum()), int((dc["year"] > mid).sum())
    evidence = f"{len(dc)} events: {early} in {lo}-{mid}, {late} in {mid + 1}-{hi}."
    if len(dc) < claim.rule.min_events:
        verdict = NOT_ENOUGH
    else:
        verdict = SUPPORTED if late > early else NOT_SUPPORTED
    counted = (_counted(f"{label}, {lo}-{hi}", dc),)
    return Finding(claim.id, claim.text, _rule_text(claim), verdict, evidence, f"{lo}-{hi}",
                   counted)  # fmt: skip


Rule = Callable[[pd.DataFrame, Sequence[str], Claim, ClaimWindow], Finding]

#: One rule function per metric a claim can name (``study_schema.CLAIM_METRICS``).
RULES: dict[str, Rule] = {
    "top_concern_share": _top_concern_share,
    "new_concern": _new_concern,
    "framework_dialogue": _framework_dialogue,
    "framework_exercise_yearly": _framework_exercise_yearly,
    "framework_mechanisms": _framework_mechanisms,
    "bilateral_activities": _bilateral_activities,
    "bilateral_meetings": _bilateral_meetings,
    "top_partners": _top_partners,
    "focal_capacity_trend": _focal_capacity_trend,
}


def evaluate_claims(
    frame: pd.DataFrame, partners: Sequence[str], claims: Sequence[Claim] | None = None
) -> list[Finding]:
    """Evaluate each of ``claims`` (a study's ``claims``; None: the default study's) on
    ``frame`` (already filtered), in the study file's order. A claim with several windows gives
    one finding per window (its id followed by the window). No claims: no findings."""
    if claims is None:
        from steppewatch.study import default_study

        claims = default_study().claims
    out: list[Finding] = []
    token = _WINDOWS.set({})
    try:
        for claim in claims:
            rule = RULES[claim.rule.metric]
            windows = claim.rule.windows
            for window in windows:
                found = rule(frame, partners, claim, window)
                found = replace(found, rule=_fill_window(found.rule, found.window))
                if len(windows) > 1:
                    found = replace(found, claim_id=f"{claim.id}_{window.start}_{window.end}")
                out.append(_keys_counted(found))
    finally:
        _WINDOWS.reset(token)
    return out


def _keys_counted(found: Finding) -> Finding:
    """``found`` with its events counted (:attr:`Finding.n_events`) and its groups' ``keys``,
    needed only for that, dropped."""
    if all(g.keys is None for g in found.counted):
        return found
    counted = tuple(replace(g, keys=None) for g in found.counted)
    return replace(found, counted=counted, n_counted=found.n_events)


#: The columns of :func:`findings_frame`.
FINDINGS_COLUMNS = (
    "claim_id", "claim", "rule", "verdict", "note", "evidence", "window", "events_counted",
)  # fmt: skip


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding; ``events_counted`` is how many distinct events it counted (the
    events themselves are in the report's ``finding_events.csv``)."""
    rows = [
        (f.claim_id, f.claim, f.rule, f.verdict, f.note, f.evidence, f.window, f.n_events)
        for f in findings
    ]
    return pd.DataFrame(rows, columns=list(FINDINGS_COLUMNS))
