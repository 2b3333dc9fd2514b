"""``steppewatch import FILE``: load a user's CSV or JSON Lines file of events."""

from __future__ import annotations

from pathlib import Path

import typer

from steppewatch.cli.common import DB_OPTION, err, open_db, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_(
        path: Path = typer.Argument(..., help="events CSV (bundled schema) or JSON Lines file."),
        sources: Path | None = typer.Option(
            None,
            "--sources",
            help="sources CSV; default: sources.csv beside a file named events.csv.",
        ),
        status: str = typer.Option(
            "curated", "--status", help="Review status for the imported events."
        ),
        replace_reviewed: bool = typer.Option(
            False,
            "--replace-reviewed",
            help="Also overwrite events a person has accepted or edited.",
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Validate every row, report all bad rows (line, column, what is wrong), keep the good.

        Good rows are written in one transaction; importing the same file again changes nothing.
        Exits 1 when any row was rejected.
        """
        from steppewatch.ingest.ingest_lock import IngestLock, bump_generation
        from steppewatch.store.importing import import_events

        if status not in ("curated", "machine", "accepted", "edited", "rejected"):
            raise typer.BadParameter(
                "must be curated, machine, accepted, edited or rejected", param_hint="--status"
            )
        store = open_db(db)
        # one writer at a time: an ingest running now finishes first, and one that starts
        # later sees these events (issue 18)
        with IngestLock(store, on_wait=err), progress_bar(f"Importing {path.name}", None) as update:
            report = import_events(
                store,
                path,
                sources_path=sources,
                review_status=status,
                replace_reviewed=replace_reviewed,
                progress=update,
            )
            if report.counts.new or report.counts.updated:
                bump_generation(store)
        for issue in report.issues:
            err(f"  {issue}")
        c = report.counts
        typer.echo(
            f"{path}: {report.rows} rows, {report.valid} valid, {len(report.rejected_lines)} rejected; "
            f"{c.new} new, {c.updated} updated, {c.unchanged} unchanged"
            + (
                f", {len(c.skipped_reviewed or [])} reviewed events not overwritten"
                if c.skipped_reviewed
                else ""
            )
            + "."
        )
        if report.rejected_lines:
            err(
                f"Rejected rows on lines {', '.join(map(str, report.rejected_lines[:50]))}"
                + (" ..." if len(report.rejected_lines) > 50 else "")
                + "; fix them and import again (good rows were kept)."
            )
            raise typer.Exit(1)
