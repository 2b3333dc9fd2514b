"""``steppewatch init``: create the database and load the study's bundled dataset."""

from __future__ import annotations

import typer

from steppewatch.cli.common import DB_OPTION, err, open_db, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        db: str | None = DB_OPTION,
        study: str | None = typer.Option(
            None,
            "--study",
            help="Study file (YAML) or a bundled study's name (prc_central_asia, "
            "russia_central_asia). Default: PRC-Central Asia.",
        ),
        no_data: bool = typer.Option(
            False, "--no-data", help="Create the database only; load no dataset."
        ),
    ) -> None:
        """Create the database (apply migrations) and load the study's bundled dataset.

        Safe to run again: events already stored are left as they are.
        """
        from steppewatch.errors import InputError
        from steppewatch.ingest.ingest_lock import IngestLock, bump_generation
        from steppewatch.store.importing import load_bundled_dataset
        from steppewatch.study import load_study

        the_study = load_study(study)
        store = open_db(db)
        typer.echo(f"Database: {store.describe()}")
        recorded = store.get_meta("study")
        if recorded and recorded != the_study.id:
            raise InputError(
                f"the database was initialised for study '{recorded}', not '{the_study.id}'",
                hint="use another --db for another study",
                code="SW117",
            )
        store.set_meta("study", the_study.id)  # ingest, collect read it (their --study default)
        if no_data:
            return
        if not the_study.dataset:
            typer.echo(f"Study: {the_study.name}: no dataset to load; the database is empty.")
            return
        with IngestLock(store, on_wait=err), progress_bar("Loading bundled events", None) as update:
            report = load_bundled_dataset(store, the_study, progress=update)
            if report.counts.new or report.counts.updated:
                bump_generation(store)
        for issue in report.issues:
            err(f"  {issue}")
        c = report.counts
        typer.echo(
            f"Study: {the_study.name} (dataset {the_study.dataset_version}): "
            f"{report.valid} events read, {c.new} new, {c.updated} updated, {c.unchanged} unchanged; "
            f"{store.count_events()} events and {store.count_sources()} sources in the database."
        )
        if report.rejected_lines:
            raise typer.Exit(1)
