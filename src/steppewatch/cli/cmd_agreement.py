"""``steppewatch agreement``: inter-coder agreement report; ``agreement assign`` gives the same
events to two reviewers."""

from __future__ import annotations

import json
from enum import Enum

import typer

from steppewatch.cli.common import DB_OPTION, open_db
from steppewatch.errors import InputError


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    agreement_app = typer.Typer(help="Inter-coder agreement: assign items, report agreement.")
    app.add_typer(agreement_app, name="agreement")

    @agreement_app.callback(invoke_without_command=True)
    def report(
        ctx: typer.Context,
        fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Percent agreement, Cohen's kappa and Krippendorff's alpha per code and overall."""
        if ctx.invoked_subcommand is not None:
            return
        from steppewatch.review.agreement import agreement_report, format_table

        result = agreement_report(open_db(db))
        if fmt is Format.json:
            typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_table(result))

    @agreement_app.command("assign")
    def assign_(
        reviewers: str = typer.Option(
            ..., "--reviewers", help="Two or more names, comma-separated."
        ),
        event: list[str] = typer.Option(None, "--event", help="Event id (repeatable)."),
        status: str = typer.Option(
            "machine", "--status", help="Else pick events with this review status."
        ),
        limit: int = typer.Option(
            50, "--limit", min=1, max=10_000, help="How many events to pick."
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Give the same events to each reviewer, to code independently."""
        from steppewatch.review.agreement import assign
        from steppewatch.store import EventFilter

        store = open_db(db)
        names = [n.strip() for n in reviewers.split(",") if n.strip()]
        ids = list(event or [])
        if not ids:
            ids = [
                e.id
                for e in store.list_events(EventFilter(statuses=(status,)), order="id", limit=limit)
            ]
        if not ids:
            raise InputError(
                f"no events with status '{status}' to assign", hint="give --event IDs", code="SW131"
            )
        added = assign(store, ids, names, by="cli")
        typer.echo(
            f"Assigned {len(ids)} event(s) to {', '.join(names)}: {added} new assignment(s)."
        )
