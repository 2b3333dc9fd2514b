"""Parse and check query parameters: odd input is a 400 with every problem listed, never a 500.

The query string is decoded strictly (UTF-8, no control characters, bounded sizes) rather than
with the lenient replacement Starlette applies, so a non-UTF-8 percent-escape is refused instead
of silently matching nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import pycountry

from steppewatch.store import EventFilter
from steppewatch.web.errors import coded_error, issue

MAX_FIELDS = 60
MAX_VALUE = 300
MAX_PAGE = 100_000
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 25
YEAR_MIN, YEAR_MAX = 1900, 2100
SORTS = ("date", "-date", "id", "kind", "title")
STATUSES = ("curated", "machine", "accepted", "edited", "rejected")
# what a person vouched for: the public views' default (issue 11); machine events only when asked
# for (?status=machine), rejected events only for signed-in reviewers
PUBLIC_STATUSES = ("curated", "accepted", "edited")
REVIEWER_ONLY_STATUSES = ("rejected",)
COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# query parameter -> (EventFilter field, codebook scheme or special list)
CODE_PARAMS: dict[str, tuple[str, str]] = {
    "country": ("countries", "country"),
    "kind": ("kinds", "event_kind"),
    "topic": ("topics", "topic"),
    "domain": ("domains", "domain"),
    "level": ("levels", "meeting_level"),
    "framework": ("frameworks", "framework"),
    "status": ("statuses", "review_status"),
}
LIST_PARAMS = (*CODE_PARAMS, "since", "until", "year", "q", "sort", "page", "per_page")


def parse_query(raw: bytes) -> list[tuple[str, str]]:
    """Decode a raw query string strictly; HTTPError(400) on anything odd."""
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise coded_error(
            "SW732",
            "query string has raw non-ASCII bytes",
            issue("bad-encoding", "percent-encode the query string as UTF-8"),
        ) from None
    try:
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except UnicodeDecodeError:
        raise coded_error(
            "SW732",
            "query string is not valid UTF-8",
            issue("bad-encoding", "a percent-escape does not decode as UTF-8"),
        ) from None
    except ValueError:
        raise coded_error("SW733", f"too many query parameters (at most {MAX_FIELDS})") from None
    problems = []
    for key, value in pairs:
        if len(value) > MAX_VALUE or len(key) > 40:
            problems.append(
                issue("too-long", f"value longer than {MAX_VALUE} characters", key[:40])
            )
        elif _CONTROL.search(value) or _CONTROL.search(key):
            problems.append(issue("bad-character", "control characters are not allowed", key[:40]))
    if problems:
        raise coded_error("SW734", "bad query parameters", *problems)
    return pairs


def check_names(pairs: list[tuple[str, str]], allowed: tuple[str, ...]) -> None:
    unknown = sorted({k for k, _ in pairs if k not in allowed})
    if unknown:
        raise coded_error(
            "SW735",
            f"unknown query parameter(s): {', '.join(u[:40] for u in unknown)}",
            *[
                issue("unknown-parameter", f"allowed: {', '.join(allowed)}", u[:40])
                for u in unknown
            ],
        )


def _int(value: str, name: str, low: int, high: int, problems: list[dict[str, Any]]) -> int | None:
    if not re.fullmatch(r"[0-9]{1,7}", value.strip()):
        problems.append(
            issue("not-an-integer", f"'{value[:40]}' is not a whole number {low}-{high}", name)
        )
        return None
    number = int(value)
    if not low <= number <= high:
        problems.append(issue("out-of-range", f"{number} is outside {low}-{high}", name))
        return None
    return number


@dataclass(frozen=True)
class ListQuery:
    filters: EventFilter
    q: str | None
    sort: str
    page: int
    per_page: int
    params: tuple[tuple[str, str], ...]  # the accepted parameters, for building links
    status_given: bool = False  # False: the default PUBLIC_STATUSES, not chosen by the user
    reviewer: bool = False  # signed in: may ask for rejected events

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def visible_statuses(self) -> tuple[str, ...]:
        """Every status this user may ask for."""
        return (
            STATUSES
            if self.reviewer
            else tuple(s for s in STATUSES if s not in REVIEWER_ONLY_STATUSES)
        )


def known_codes(codebook: Any, scheme: str) -> set[str]:
    if scheme == "country":
        return set(COUNTRY_CODES)
    if scheme == "review_status":
        return set(STATUSES)
    return set(codebook.codes(scheme, active_only=False))


def parse_list_query(
    pairs: list[tuple[str, str]],
    codebook: Any,
    *,
    allowed: tuple[str, ...] = LIST_PARAMS,
    fixed: dict[str, tuple[str, ...]] | None = None,
    reviewer: bool = False,
) -> ListQuery:
    """The event filter, search, sort and page from query parameters; 400 listing all problems.
    Without a ``status`` parameter the filter holds PUBLIC_STATUSES; rejected events are asked
    for by signed-in reviewers (``reviewer``) only (403 otherwise)."""
    check_names(pairs, allowed)
    problems: list[dict[str, Any]] = []
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        if key in CODE_PARAMS:
            values.setdefault(key, []).extend(v.strip() for v in value.split(",") if v.strip())
        else:
            values.setdefault(key, []).append(value)
    filt: dict[str, Any] = {}
    for name, (target, scheme) in CODE_PARAMS.items():
        given = values.get(name, [])
        if name == "country":
            given = [g.upper() for g in given]
        known = known_codes(codebook, scheme)
        bad = [g for g in given if g not in known]
        for b in bad:
            problems.append(issue("unknown-code", f"'{b[:60]}' is not a {scheme} code", name))
        filt[target] = tuple(dict.fromkeys(given))
    status_given = bool(filt["statuses"])
    if not status_given:
        filt["statuses"] = PUBLIC_STATUSES
    hidden = [s for s in filt["statuses"] if s in REVIEWER_ONLY_STATUSES and not reviewer]
    if hidden:
        raise coded_error(
            "SW760",
            "rejected events are shown to signed-in reviewers only",
            issue(
                "reviewers-only",
                "sign in as a reviewer, or leave out status=rejected",
                "status",
            ),
        )
    for key, extra in (fixed or {}).items():
        filt[key] = tuple(dict.fromkeys((*filt.get(key, ()), *extra)))
    for name in ("since", "until", "page", "per_page", "year", "sort", "q"):
        if len(values.get(name, [])) > 1:
            problems.append(issue("repeated-parameter", "give this parameter once", name))

    def one(name: str) -> str | None:
        got = values.get(name)
        return got[0] if got and got[0].strip() != "" else None

    since = until = None
    if (v := one("since")) is not None:
        since = _int(v, "since", YEAR_MIN, YEAR_MAX, problems)
    if (v := one("until")) is not None:
        until = _int(v, "until", YEAR_MIN, YEAR_MAX, problems)
    if (v := one("year")) is not None:
        year = _int(v, "year", YEAR_MIN, YEAR_MAX, problems)
        since = until = year
    if since is not None and until is not None and since > until:
        problems.append(issue("bad-range", f"since {since} is after until {until}", "since"))
    page = _int(one("page") or "1", "page", 1, MAX_PAGE, problems) or 1
    per_page = (
        _int(one("per_page") or str(DEFAULT_PER_PAGE), "per_page", 1, MAX_PER_PAGE, problems) or 1
    )
    sort = one("sort") or "-date"
    if sort not in SORTS:
        problems.append(issue("unknown-sort", f"sort must be one of {', '.join(SORTS)}", "sort"))
    q = (one("q") or "").strip() or None
    if problems:
        raise coded_error("SW734", "bad query parameters", *problems)
    filters = EventFilter(since=since, until=until, **filt)
    return ListQuery(
        filters,
        q,
        sort,
        page,
        per_page,
        tuple((k, v) for k, v in pairs if v != ""),
        status_given=status_given,
        reviewer=reviewer,
    )
