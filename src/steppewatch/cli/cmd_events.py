"""``steppewatch events list|show``: browse events from the command line."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

from steppewatch.cli.common import DB_OPTION, open_db
from steppewatch.errors import InputError

if TYPE_CHECKING:
    from steppewatch.models import Event
    from steppewatch.store import EventFilter, Store


MIN_YEAR, MAX_YEAR = 1000, 9999


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _check_codes(values: list[str], scheme: str, option: str) -> list[str]:
    from steppewatch.codebook import load_codebook

    known = load_codebook().codes(scheme)
    lookup = {k.lower(): k for k in known}
    fixed = []
    for value in values:
        if value.lower() not in lookup:
            raise InputError(
                f"{option}: unknown {scheme} code '{value}'",
                hint=f"known: {', '.join(known)}",
                code="SW120",
            )
        fixed.append(lookup[value.lower()])
    return fixed


def build_filter(
    country: list[str],
    kind: list[str],
    topic: list[str],
    domain: list[str],
    level: list[str],
    framework: list[str],
    status: list[str],
    since: int | None,
    until: int | None,
    text: str | None,
) -> EventFilter:
    from steppewatch.models import _COUNTRY_CODES
    from steppewatch.store import EventFilter
    from steppewatch.study import load_study

    countries = [c.upper() for c in country]
    for c in countries:
        if c not in _COUNTRY_CODES:
            study = load_study()
            states = ", ".join([study.focal_state, *study.partner_states])
            raise InputError(
                f"--country: '{c}' is not an ISO 3166 alpha-2 country code",
                hint=f"valid: a code such as {states} (the study's states) or any other "
                "ISO 3166 alpha-2 code",
                code="SW121",
            )
    for option, year in (("--since", since), ("--until", until)):
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise InputError(
                f"{option}: {year} is not a year",
                hint=f"valid: a year from {MIN_YEAR} to {MAX_YEAR}, e.g. 2019",
                code="SW370",
            )
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} is after --until {until}", code="SW122")
    return EventFilter.make(
        countries=countries,
        kinds=_check_codes(kind, "event_kind", "--kind"),
        topics=_check_codes(topic, "topic", "--topic"),
        domains=_check_codes(domain, "domain", "--domain"),
        levels=_check_codes(level, "meeting_level", "--level"),
        frameworks=_check_codes(framework, "framework", "--framework"),
        statuses=status,
        since=since,
        until=until,
        text=text,
    )


def event_json(event: Event) -> dict[str, object]:
    data = event.model_dump(mode="json")
    data["date_precision"] = event.date_precision
    return data


SEARCH_PAGE = 500  # events per query_events page when a search lists every match


def _search(
    store: Store, filters: EventFilter, text: str, order: str, limit: int | None
) -> tuple[list[Event], int | None]:
    """The events matching ``text`` and ``filters`` (``Store.query_events``, the explorer's
    search), at most ``limit``; and their total (None: not counted within the limits)."""
    from steppewatch.models import Event

    size = min(limit, SEARCH_PAGE) if limit else SEARCH_PAGE
    found: list[Event] = []
    total: int | None = None
    page = 1
    while True:
        result = store.query_events(filters, text, order=order, page=page, page_size=size)
        if page == 1:
            total = result.total
        found += [Event.model_validate(e) for e in result.events]
        if result.incomplete:
            print(result.notice, file=sys.stderr)
            break
        if len(result.events) < size or (limit is not None and len(found) >= limit):
            break
        page += 1
    return (found[:limit] if limit is not None else found), total


def _table(events: list[Event], total: int | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("id", "date", "kind", "countries", "framework", "topics", "title"):
        table.add_column(column, overflow="fold")
    for e in events:
        table.add_row(
            e.id,
            e.date_start,
            e.kind,
            ";".join(e.countries),
            e.framework,
            ";".join(e.topics),
            e.title,
        )
    console = Console()
    console.print(table)
    of = "many" if total is None else total
    console.print(f"{len(events)} of {of} matching events shown.")


def _csv(events: list[Event]) -> None:
    from steppewatch.store.dataset_io import EVENT_COLUMNS, event_csv_row

    writer = csv.writer(sys.stdout)
    writer.writerow([*EVENT_COLUMNS, "review_status", "n_sources"])
    for e in events:
        writer.writerow([*event_csv_row(e), e.review_status, len(e.sources)])


def register(app: typer.Typer) -> None:
    events_app = typer.Typer(
        help="Browse events: list with filters, show one with its sources.", no_args_is_help=True
    )
    app.add_typer(events_app, name="events")

    @events_app.command("list")
    def list_(
        country: list[str] = typer.Option(
            [], "--country", "-c", help="ISO alpha-2 code, e.g. KG (repeatable: any of)."
        ),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Event kind code (repeatable)."),
        topic: list[str] = typer.Option(
            [], "--topic", "-t", help="Topic code, e.g. terrorism (repeatable)."
        ),
        domain: list[str] = typer.Option(
            [], "--domain", help="Domain code, e.g. military (repeatable)."
        ),
        level: list[str] = typer.Option([], "--level", help="Meeting level code (repeatable)."),
        framework: list[str] = typer.Option(
            [], "--framework", help="bilateral, SCO, CICA, C5+China, ... (repeatable)."
        ),
        status: list[str] = typer.Option(
            [], "--status", help="Review status: curated, machine, accepted, edited, rejected."
        ),
        since: int | None = typer.Option(None, "--since", help="First year included."),
        until: int | None = typer.Option(None, "--until", help="Last year included."),
        text: str | None = typer.Option(
            None,
            "--text",
            help="Search, as the explorer's search box: every word must occur in the title, "
            "summary, location or actors, or in the linked document item the event was coded "
            'from; "quoted words" together; Kyrgyz* (or Kyrgyz) also inside longer words.',
        ),
        limit: int | None = typer.Option(
            None, "--limit", min=1, help="At most this many events (table default: 50)."
        ),
        order: str = typer.Option("date", "--order", help="date, -date, id, kind or title."),
        fmt: Format = typer.Option(
            Format.table, "--format", "-f", help="table, json (full records) or csv."
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """List events matching all the filters given (values of one filter are alternatives)."""
        filters = build_filter(
            country, kind, topic, domain, level, framework, status, since, until, None
        )
        from steppewatch.store import SORT_ORDERS

        if order not in SORT_ORDERS:
            raise InputError(
                f"--order: '{order}' is not an order",
                hint=f"valid: {', '.join(SORT_ORDERS)}",
                code="SW800",
            )
        store = open_db(db)
        if fmt is Format.table:
            limit = limit or 50
        total: int | None = None
        if text and text.strip():
            events, total = _search(store, filters, text, order, limit)
        else:
            events = store.list_events(filters, order=order, limit=limit)
        if fmt is Format.json:
            json.dump([event_json(e) for e in events], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif fmt is Format.csv:
            _csv(events)
        else:
            _table(events, total if text and text.strip() else store.count_events(filters))

    @events_app.command("show")
    def show(
        event_id: str = typer.Argument(
            ..., help="Event id, e.g. 2002-10-10-bilateral_exercise-cn-kg-1."
        ),
        fmt: Format = typer.Option(
            Format.table, "--format", "-f", help="table (readable) or json."
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Show one event with every field and all its sources."""
        event = open_db(db).get_event(event_id)
        if fmt is Format.json:
            json.dump(event_json(event), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        from rich.console import Console

        console = Console(highlight=False)
        console.print(f"[bold]{event.title}[/bold]")
        rows = [
            ("id", event.id),
            ("kind", event.kind),
            (
                "date",
                event.date_start
                + (f" to {event.date_end}" if event.date_end else "")
                + f" ({event.date_precision})",
            ),
            ("countries", ", ".join(event.countries)),
            ("framework", event.framework),
            ("location", event.location or ""),
            ("level", event.level or ""),
            ("actors", "; ".join(f"{a.label()} [{a.side}]" for a in event.actors)),
            ("domains", ", ".join(event.domains)),
            ("topics", ", ".join(event.topics)),
            (
                "attributes",
                json.dumps(event.attributes, ensure_ascii=False) if event.attributes else "",
            ),
            ("summary", event.summary or ""),
            ("verification", event.verification or ""),
            ("review status", event.review_status),
            ("codebook", event.codebook_version or ""),
            ("coder", event.coder or ""),
            ("dataset", event.dataset_version or ""),
        ]
        for name, value in rows:
            console.print(f"{name:>14}: {value}", markup=False)
        console.print(f"\nSources ({len(event.sources)}):")
        for i, s in enumerate(event.sources, 1):
            meta = ", ".join(x for x in (s.publisher, s.language, s.published, s.source_type) if x)
            console.print(f"  [{i}] {s.url}\n      {meta}", markup=False)
            if s.attests:
                console.print(f"      {s.attests}", markup=False)
