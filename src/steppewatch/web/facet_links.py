"""Facet links whose numbers are the totals of the pages they open, and the active filters.

Semantics (issue 11): values of one facet combine with OR (``?country=KG&country=KZ`` is an
event of Kyrgyzstan or of Kazakhstan, as in the JSON API and ``EventFilter``), facets combine
with AND. Before, the number beside a value was the count of the current page's events that
have it (an AND) while its link added it with OR: "Kazakhstan 128" on ``/?country=KG`` opened a
page of 304 events. Now the number is the total of the page the link opens:

- a facet with no value chosen: the events of this page that have the value (the link adds it);
- a facet with values chosen: this page's total plus the events that have the value but none of
  the chosen ones (the link adds it to them), from the counts of the same page without that
  facet: |others and (S or v)| = |others and S| + |others and v| - |others and S and v|;
- a chosen value has no number: its link removes it (listed again under the active filters);
- review status without ``status`` chosen: the default is the public statuses, whose values are
  counted like any facet with nothing chosen (the link shows that status alone); machine events
  are offered by a separate link.

The counts without a facet come from the path that would read that list (event index, profiles,
SQL, or the search itself: ``explorer.list_counts``), so they are the totals of the pages the
links open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from steppewatch.web.params import CODE_PARAMS, PUBLIC_STATUSES, ListQuery
from steppewatch.web.state import FACET_PARAM, link

FACET_SEMANTICS = (
    "Values within one facet combine with OR (any of them); facets combine with AND. "
    "The number beside a value is the number of events the list shows after that click."
)
FIELD_OF_FACET = {
    "kind": "kinds",
    "country": "countries",
    "topic": "topics",
    "domain": "domains",
    "level": "levels",
    "framework": "frameworks",
    "review_status": "statuses",
}
MAX_VALUES = 40
_YEAR_PARAMS = ("since", "until", "year")

# (total, facets) of a list, read as the list itself would be
PageCounts = Callable[[ListQuery], tuple[int | None, dict[str, Any]]]


def base_params(query: ListQuery) -> list[tuple[str, str]]:
    """The query's parameters for links: no page, one pair per code (``country=KG,KZ`` split),
    countries upper-case, no repeats."""
    out: list[tuple[str, str]] = []
    for key, value in query.params:
        if key == "page":
            continue
        if key in CODE_PARAMS:
            for part in value.split(","):
                part = part.strip()
                if part:
                    out.append((key, part.upper() if key == "country" else part))
        else:
            out.append((key, value))
    return list(dict.fromkeys(out))


def _param(facet: str) -> str:
    return FACET_PARAM.get(facet, facet)


def chosen(query: ListQuery, facet: str) -> tuple[str, ...]:
    """The values of ``facet`` the user chose (not the default statuses)."""
    if facet == "year":
        f = query.filters
        return (str(f.since),) if f.since is not None and f.since == f.until else ()
    if facet == "review_status" and not query.status_given:
        return ()
    return tuple(getattr(query.filters, FIELD_OF_FACET[facet]))


def _without(query: ListQuery, facet: str) -> ListQuery:
    """The same page (page 1) without the facet's condition; review status: every status this
    user may see."""
    value = query.visible_statuses() if facet == "review_status" else ()
    changed: dict[str, Any] = {FIELD_OF_FACET[facet]: value}
    return replace(query, filters=replace(query.filters, **changed), page=1)


def facet_items(
    query: ListQuery,
    data: dict[str, Any],
    page_counts: PageCounts,
    label: Callable[[str, str], str],
    path: str = "/",
) -> dict[str, list[dict[str, Any]] | None]:
    """For each facet of ``data``: its values with label, number (None for a chosen value),
    whether chosen, and the link (to ``path``) that toggles it; None for a facet not counted."""
    params = base_params(query)
    total = data["total"]
    out: dict[str, list[dict[str, Any]] | None] = {}
    for facet, current in data["facets"].items():
        param = _param(facet)
        selected = chosen(query, facet)
        if current is None:
            out[facet] = None
            continue
        items: list[dict[str, Any]] = []
        if facet == "year":
            rest = [p for p in params if p[0] not in _YEAR_PARAMS]
            for code, n in current.items():
                on = code in selected
                items.append(
                    _item(
                        facet,
                        code,
                        None if on else n,
                        on,
                        link(path, rest if on else [*rest, ("year", code)]),
                        label,
                    )
                )
            out[facet] = items[-MAX_VALUES:]
            continue
        values = current  # nothing chosen: the link adds the value (AND with the rest)
        if selected:
            counts_without = page_counts(_without(query, facet))[1].get(facet)
            if counts_without is None or total is None:
                out[facet] = None
                continue
            values = {
                code: total + n - current.get(code, 0)
                for code, n in counts_without.items()
                if code not in selected
            }
        for code in selected:  # chosen first, each with the link that removes it
            rest = [p for p in params if p != (param, code)]
            items.append(_item(facet, code, None, True, link(path, rest), label))
        ranked = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
        for code, n in ranked[:MAX_VALUES]:
            if n > 0:
                items.append(
                    _item(facet, code, n, False, link(path, [*params, (param, code)]), label)
                )
        out[facet] = items
    return out


def _item(
    facet: str, code: str, count: int | None, on: bool, href: str, label: Callable[[str, str], str]
) -> dict[str, Any]:
    return {"code": code, "label": label(facet, code), "count": count, "selected": on, "href": href}


def active_filters(
    query: ListQuery, label: Callable[[str, str], str], path: str = "/"
) -> list[dict[str, str]]:
    """Every condition of the page, each with the link that removes it."""
    params = base_params(query)
    names = {
        "country": "Country",
        "kind": "Kind",
        "topic": "Topic",
        "domain": "Domain",
        "level": "Level",
        "framework": "Framework",
        "status": "Status",
    }
    out = []
    for key, value in params:
        if key in ("sort", "per_page"):
            continue
        rest = [p for p in params if p != (key, value)]
        if key == "q":
            text = f"Search: {value}"
        elif key in ("since", "until", "year"):
            text = {"since": "From", "until": "To", "year": "Year"}[key] + f" {value}"
        else:
            facet = next((f for f, p in FACET_PARAM.items() if p == key), key)
            shown = label(facet, value)
            if key == "status" and value == "machine":
                shown += " (unreviewed)"
            text = f"{names.get(key, key)}: {shown}"
        out.append({"param": key, "value": value, "text": text, "remove": link(path, rest)})
    return out


def default_statuses_note(query: ListQuery) -> str | None:
    """What the page shows without a status chosen (None when one is)."""
    if query.status_given:
        return None
    return (
        "Showing events a person vouched for (" + ", ".join(PUBLIC_STATUSES) + "). "
        "Machine-coded events that nobody has reviewed are shown only when asked for."
    )


__all__ = [
    "FACET_SEMANTICS",
    "active_filters",
    "base_params",
    "chosen",
    "default_statuses_note",
    "facet_items",
]
