"""Do the verdicts hang on a classification choice? Each finding again under other choices.

Two choices a coder makes that the reference study's claims are sensitive to:

- **sidelines**: a bilateral meeting held on the sidelines of an SCO summit is coded
  ``bilateral`` (the default: the two sides met on their own agenda); the alternative counts it
  as part of the SCO (``framework = SCO``). A meeting is "on the sidelines" when it is a
  bilateral meeting that starts within a day of the span of an SCO meeting of heads of state,
  its states are among that summit's participants, and (where both locations are known) it was
  held in the summit's city.
- **members**: an SCO meeting's participants are the states the sources name (the default);
  the alternative counts every state that was a member of the SCO on that date.

:func:`claims_sensitivity` evaluates every claim on the frame as coded and on each alternative,
and says which verdicts change, in the manner of the engagement index's rank check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from steppewatch.analysis.findings import Finding, evaluate_claims
from steppewatch.analysis.frame import analysis_frame, require_columns, same_partner_positions
from steppewatch.study_schema import Claim

__all__ = [
    "SIDELINES_DAYS",
    "sideline_meetings",
    "sidelines_as_multilateral",
    "sco_members_as_participants",
    "claims_sensitivity",
]

#: A bilateral meeting this many days before or after an SCO summit's span is on its sidelines.
SIDELINES_DAYS = 1

MembersAt = Callable[[str, str], frozenset[str]]  # (framework, ISO date) -> member states


def _day(value: object) -> np.datetime64 | None:
    text = str(value or "")
    if len(text) == 4:
        return None  # a year-precise date cannot be placed on a summit's sidelines
    if len(text) == 7:
        text += "-01"
    try:
        return np.datetime64(text[:10], "D")
    except ValueError:
        return None


def _city(location: object) -> str:
    """The first part of a location, lower-cased: ``"Bishkek, Kyrgyzstan"`` -> ``bishkek``."""
    text = str(location or "").strip()
    return "" if text in ("", "nan", "None") else text.split(",")[0].strip().lower()


def sideline_meetings(frame: pd.DataFrame) -> pd.Index:
    """Index labels of the bilateral meetings held on the sidelines of an SCO summit."""
    require_columns(
        frame,
        ("kind", "framework", "level", "date_start", "date_end", "countries", "location"),
        "sidelines",
    )
    # which rows are meetings, summits and bilateral meetings: decided on the analysis frame
    # (its text is shared objects, cheap to compare); then only the few columns read are taken
    # from the rows that can matter, never a copy of the whole frame
    analysed = analysis_frame(frame)
    kind = analysed["kind"].to_numpy()
    framework = analysed["framework"].to_numpy()
    meeting = kind == "meeting"
    summit_rows = np.flatnonzero(
        meeting & (framework == "SCO") & (analysed["level"].to_numpy() == "head_of_state")
    )
    starts = analysed["date_start"].to_numpy()
    countries = analysed["countries"].to_numpy()
    ends = frame["date_end"].to_numpy()
    locations = frame["location"].to_numpy()
    spans = []
    # each distinct summit span (start, end, countries, location) looked at once, at its first
    # row: the same span again adds nothing (spans are kept once below)
    for row in _first_of_each(summit_rows, (starts, ends, countries, locations)):
        start, end = starts[row], ends[row]
        first = _day(start)
        if first is None or len(str(start)) != 10:
            continue
        last = _day(end) if end and len(str(end)) == 10 else first
        pad = np.timedelta64(SIDELINES_DAYS, "D")
        spans.append(
            (first - pad, (last or first) + pad, frozenset(countries[row]), _city(locations[row]))
        )
    if not spans:
        return frame.index[:0]
    covering = _spans_by_day(spans)
    bilateral = np.flatnonzero(meeting & (framework == "bilateral"))
    # each distinct start date read once; only meetings on a day some summit covers (or with
    # a very long span to check) can be on its sidelines, and only those are looked at
    by_day, long = covering
    codes, dates = pd.factorize(starts[bilateral])
    day_of = [_day_number(d) for d in dates]
    near = np.array(
        [d is not None and (bool(long) or d in by_day) for d in day_of] + [False], dtype=bool
    )
    keep = near[codes]
    rows, day_codes = bilateral[keep], codes[keep]
    if not len(rows):
        return frame.index[:0]
    # decided once per distinct (day, countries, city): all the check reads; the rows are
    # grouped by their codes (numpy), not looked at one by one
    state_codes, state_lists = pd.factorize(
        _keys_at(analysed["countries_key"], rows)
        if "countries_key" in analysed
        else np.asarray([";".join(c) for c in countries[rows]], dtype=object),
        use_na_sentinel=False,
    )
    place_codes, places = pd.factorize(locations[rows], use_na_sentinel=False)
    city_of = [_city(p) for p in places]
    n_states, n_places = len(state_lists), len(places)
    keys = (day_codes.astype(np.int64) * n_states + state_codes) * n_places + place_codes
    combos, inverse = np.unique(keys, return_inverse=True)
    decided: dict[tuple[int, str, str], bool] = {}
    hits = np.zeros(len(combos), dtype=bool)
    for i, combo in enumerate(combos.tolist()):
        rest, p_code = divmod(combo, n_places)
        d, s_code = divmod(rest, n_states)
        day, states, city = day_of[d], state_lists[s_code], city_of[p_code]
        if day is None:  # never near a summit (kept out above)
            continue
        key = (day, states, city)
        hit = decided.get(key)
        if hit is None:
            members = frozenset(c for c in str(states).split(";") if c)
            hit = decided[key] = _on_sidelines(covering, day, members, city)
        hits[i] = hit
    found = rows[hits[inverse.reshape(-1)]]
    return pd.Index(frame.index[np.asarray(found, dtype=np.int64)])


def _first_of_each(rows: np.ndarray, columns: Sequence[np.ndarray]) -> list[int]:
    """The first of ``rows`` with each distinct combination of ``columns``' values there (in
    the order of ``rows``): the values told apart by factorizing each column once, not by a
    tuple of them hashed per row."""
    if not len(rows):
        return []
    key = np.zeros(len(rows), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column[rows], use_na_sentinel=False)
        key = key * (len(uniques) + 1) + codes
        key = pd.factorize(key)[0].astype(np.int64)  # kept small: never overflows
    _, first = np.unique(key, return_index=True)
    return [int(r) for r in rows[np.sort(first)]]


def _keys_at(keys: pd.Series, rows: np.ndarray) -> np.ndarray:
    """The values of the categorical ``keys`` at positions ``rows``, as an object array, taken
    from its codes: the whole column is never made into Python strings (its categories are
    Arrow strings in pandas 3; on 10,000,000 events that conversion alone took seconds)."""
    values = keys.array
    if not isinstance(values, pd.Categorical):
        return np.asarray(keys.to_numpy()[rows], dtype=object)
    codes = values.codes[rows]
    categories = np.asarray(values.categories, dtype=object)
    out = np.empty(len(codes), dtype=object)
    known = codes >= 0
    out[known] = categories[codes[known]]
    out[~known] = np.nan
    return out


def _day_number(start: object) -> int | None:
    """A full ISO date (``YYYY-MM-DD``) as days since 1970; None for a month, a year or no
    date (they cannot be placed on a summit's sidelines)."""
    found = _day(start) if len(str(start)) == 10 else None
    return None if found is None else int(found.astype(np.int64))


_Span = tuple[np.datetime64, np.datetime64, frozenset[str], str]
_DaySpan = tuple[int, int, frozenset[str], str]  # first and last day as days since 1970
#: A summit span longer than this many days is checked for every meeting instead of indexed.
_LONG_SPAN_DAYS = 366


def _spans_by_day(spans: list[_Span]) -> tuple[dict[int, list[_DaySpan]], list[_DaySpan]]:
    """The distinct summit spans indexed by each day they cover (days since 1970), and the
    rare very long spans kept aside: a meeting is then checked against the few summits around
    its own day, not against every summit (on a million events, thousands of them). Days are
    plain integers (compared far faster than datetime64 values, in the same order)."""
    by_day: dict[int, list[_DaySpan]] = {}
    long: list[_DaySpan] = []
    for first, last, summit, where in dict.fromkeys(spans):
        lo, hi = int(first.astype(np.int64)), int(last.astype(np.int64))
        span = (lo, hi, summit, where)
        if hi - lo > _LONG_SPAN_DAYS:
            long.append(span)
            continue
        for day in range(lo, hi + 1):
            by_day.setdefault(day, []).append(span)
    return by_day, long


def _on_sidelines(
    covering: tuple[dict[int, list[_DaySpan]], list[_DaySpan]],
    day: int,
    states: frozenset[str],
    city: str,
) -> bool:
    """Is a bilateral meeting of ``states`` on ``day`` (days since 1970) in ``city`` (lower
    case, empty when unknown) within a summit's span, its states among the summit's, in the
    summit's city where both are known?"""
    by_day, long = covering
    return any(
        lo <= day <= hi and states <= summit and (not city or not where or city == where)
        for lo, hi, summit, where in (*by_day.get(day, []), *long)
    )


def sidelines_as_multilateral(frame: pd.DataFrame, labels: pd.Index | None = None) -> pd.DataFrame:
    """The frame with sidelines meetings counted as SCO meetings (``labels``: those meetings'
    index labels when :func:`sideline_meetings` was already asked)."""
    labels = sideline_meetings(frame) if labels is None else labels
    if not frame.index.is_unique:
        out = frame.copy()
        out.loc[labels, "framework"] = "SCO"
        return out
    # a shallow copy with only the framework column new: the other columns are shared with
    # ``frame`` (a full copy of a million events costs more than the whole check)
    out = frame.copy(deep=False)
    framework = frame["framework"].to_numpy(dtype=object, copy=True)
    rows = frame.index.get_indexer(labels)
    if (rows < 0).any():  # a label not in the frame: the KeyError of .loc
        raise KeyError(f"{list(labels[rows < 0])} not in the frame's index")
    framework[rows] = "SCO"
    out["framework"] = pd.Series(framework, index=frame.index, dtype=frame["framework"].dtype)
    return out


def sco_members_as_participants(frame: pd.DataFrame, members_at: MembersAt) -> pd.DataFrame:
    """The frame with every SCO meeting's countries widened to the SCO's members on its date
    (and its ``countries_key``, when it has the analysis frame's categorical one, made again
    to match: a frame to analyse as it is)."""
    require_columns(frame, ("kind", "framework", "date_start", "countries"), "members")
    # a shallow copy with only the countries column new (see sidelines_as_multilateral)
    out = frame.copy(deep=False)
    rows = np.flatnonzero(
        (frame["kind"].to_numpy() == "meeting") & (frame["framework"].to_numpy() == "SCO")
    )
    countries = frame["countries"].to_numpy(dtype=object, copy=True)
    starts = frame["date_start"].to_numpy()
    key = frame["countries_key"] if "countries_key" in frame.columns else None
    if key is None or not isinstance(key.dtype, pd.CategoricalDtype):
        # once per distinct (date, countries): many meetings share both
        widened: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        for row in rows:
            key_of = (str(starts[row]), tuple(countries[row]))
            found = widened.get(key_of)
            if found is None:
                found = widened[key_of] = tuple(
                    sorted(set(key_of[1]) | members_at("SCO", key_of[0]))
                )
            countries[row] = found
        out["countries"] = pd.Series(countries, index=frame.index, dtype=object)
        return out
    # the analysis frame: each distinct (date, country list) found by codes (the list's
    # categorical code; one list per code), widened once, and given to its rows by codes
    list_codes = key.cat.codes.to_numpy().astype(np.int64)
    date_codes, _ = pd.factorize(starts[rows], use_na_sentinel=False)
    pair = date_codes.astype(np.int64) * (len(key.cat.categories) + 1) + list_codes[rows] + 1
    distinct, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
    categories = [str(c) for c in key.cat.categories]
    code_of = {c: i for i, c in enumerate(categories)}
    shared: dict[tuple[str, ...], tuple[tuple[str, ...], int]] = {}
    made = np.empty(len(distinct), dtype=object)
    made_codes = np.empty(len(distinct), dtype=np.int64)
    for i, row in enumerate(rows[first].tolist()):
        found = tuple(sorted(set(countries[row]) | members_at("SCO", str(starts[row]))))
        held = shared.get(found)
        if held is None:
            joined = ";".join(found)
            if joined not in code_of:
                code_of[joined] = len(categories)
                categories.append(joined)
            held = shared[found] = (found, code_of[joined])
        made[i], made_codes[i] = held
    at = inverse.reshape(-1)
    countries[rows] = made[at]
    list_codes[rows] = made_codes[at]
    out["countries"] = pd.Series(countries, index=frame.index, dtype=object)
    out["countries_key"] = pd.Series(
        pd.Categorical.from_codes(list_codes, categories=categories), index=frame.index
    )
    return out


#: Claim metrics that read neither an event's framework nor its countries (only kind, year and
#: topics): neither alternative can change their verdicts.
UNCHANGED_METRICS = frozenset({"top_concern_share", "new_concern", "focal_capacity_trend"})

#: Claim metrics each alternative leaves as coded, beyond :data:`UNCHANGED_METRICS`. Both
#: alternatives change meetings only (sidelines: the framework of some bilateral meetings;
#: members: the countries of SCO meetings), so:
#:
#: - ``framework_exercise_yearly`` and ``framework_mechanisms`` read exercises and mechanisms
#:   only (and the frame's first and last years, which neither alternative changes);
#: - under ``members``: ``framework_dialogue`` reads no countries; ``bilateral_meetings`` and
#:   ``bilateral_activities`` read countries only on the bilateral side, which an SCO meeting
#:   (multilateral) is never on, and count the multilateral side by framework and kind.
#:
#: ``bilateral_activities`` is left as coded under ``sidelines`` too when its ``kinds`` leave
#: out meetings (:func:`_unchanged`). A metric not named here is evaluated again.
UNCHANGED_UNDER = {
    "sidelines": frozenset({"framework_exercise_yearly", "framework_mechanisms"}),
    "members": frozenset(
        {
            "framework_exercise_yearly",
            "framework_mechanisms",
            "framework_dialogue",
            "bilateral_meetings",
            "bilateral_activities",
        }
    ),
}


def _unchanged(claim: Claim, alternative: str) -> bool:
    """Can ``alternative`` not change ``claim``'s verdicts (see :data:`UNCHANGED_UNDER`)?"""
    metric = claim.rule.metric
    if metric in UNCHANGED_METRICS or metric in UNCHANGED_UNDER.get(alternative, ()):
        return True
    if metric == "bilateral_activities":
        from steppewatch.analysis.findings import ACTIVITY_KINDS

        return "meeting" not in tuple(claim.rule.params.get("kinds", ACTIVITY_KINDS))
    return False


def _finding_ids(claim: Claim) -> list[str]:
    """The ids of the findings :func:`evaluate_claims` gives for ``claim`` (one per window)."""
    windows = claim.rule.windows
    if len(windows) > 1:
        return [f"{claim.id}_{w.start}_{w.end}" for w in windows]
    return [claim.id]


#: Analysis-frame columns no claim rule reads (``attributes``: read only through the
#: ``no_concern`` column when that is present).
_NOT_READ_BY_RULES = ("date_start", "date_end", "location", "review_status", "n_sources")


def _rule_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """An alternative without the columns the rules do not read: each claim window then
    selects fewer columns (its findings are compared by verdict only)."""
    unread = [c for c in _NOT_READ_BY_RULES if c in frame.columns]
    if "no_concern" in frame.columns and "attributes" in frame.columns:
        unread.append("attributes")
    return frame.drop(columns=unread)


def claims_sensitivity(
    frame: pd.DataFrame,
    partners: Sequence[str],
    *,
    members_at: MembersAt | None = None,
    claims: Sequence[Claim] | None = None,
    base: Sequence[Finding] | None = None,
) -> pd.DataFrame:
    """One row per claim: ``claim_id, claim, verdict`` (as coded), then for each alternative
    ``verdict_<name>`` and ``changed_<name>``; ``alternatives`` in ``frame.attrs`` describes
    each. Without ``members_at`` the members alternative is left out. ``claims``: the study's
    claims (None: the default study's). ``base``: the findings on ``frame`` as coded with those
    claims when the caller has them already (the report does), else they are evaluated here.

    Each alternative is evaluated on its :func:`analysis_frame` (the same verdicts, several
    times faster on a million events), and only for the claims whose metric it can change."""
    sidelines = sideline_meetings(frame)
    # each alternative is made from the analysis frame as coded (made once per frame): the
    # same as the analysis frame of the alternative, with only the column it changes redone
    analysed = analysis_frame(frame)
    variants: dict[str, tuple[str, Callable[[], pd.DataFrame]]] = {
        "sidelines": (
            f"{len(sidelines)} bilateral meetings on the sidelines of an SCO "
            "summit counted as SCO meetings",
            # the same countries as coded: the partner positions are the analysis frame's
            lambda: same_partner_positions(
                analysed,
                _rule_columns(sidelines_as_multilateral(analysed, sidelines)),
                partners,
            ),
        )
    }
    if members_at is not None:
        widen = members_at
        variants["members"] = (
            "every SCO meeting counted as attended by all SCO members on its date",
            # the analysis frame's countries_key is made again with the countries
            lambda: _rule_columns(sco_members_as_participants(analysed, widen)),
        )
    if base is None:
        base = evaluate_claims(analysed, partners, claims)
    rows: dict[str, dict[str, str | bool]] = {
        f.claim_id: {"claim_id": f.claim_id, "claim": f.claim, "verdict": f.verdict} for f in base
    }
    if claims is None:
        from steppewatch.study import default_study

        claims = default_study().claims
    # a claim whose metric cannot read what an alternative changes has the verdict it has as
    # coded under that alternative: taken from the base findings, not evaluated again (and an
    # alternative that changes no claim's verdict is never made)
    as_coded = {f.claim_id: f for f in base}
    for name, (_, alternative) in variants.items():
        kept = [
            c for c in claims if _unchanged(c, name) and all(i in as_coded for i in _finding_ids(c))
        ]
        kept_ids = {id(c) for c in kept}
        again = [c for c in claims if id(c) not in kept_ids]
        evaluated = evaluate_claims(alternative(), partners, again) if again else []
        found = {f.claim_id: f for f in evaluated}
        found.update({i: as_coded[i] for c in kept for i in _finding_ids(c)})
        ordered = [found[i] for c in claims for i in _finding_ids(c)]
        for finding in ordered:
            row = rows.setdefault(
                finding.claim_id,
                {"claim_id": finding.claim_id, "claim": finding.claim, "verdict": ""},
            )
            row[f"verdict_{name}"] = finding.verdict
            row[f"changed_{name}"] = finding.verdict != row["verdict"]
    out = pd.DataFrame(
        list(rows.values()), columns=None if rows else ["claim_id", "claim", "verdict"]
    )
    out.attrs["alternatives"] = {name: text for name, (text, _) in variants.items()}
    return out
