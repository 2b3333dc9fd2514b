"""``steppewatch report``: write the self-contained HTML report with charts and data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from steppewatch.cli.common import DB_OPTION, STUDY_OPTION, open_db, progress_bar

if TYPE_CHECKING:
    from steppewatch.store import Store
    from steppewatch.store.parquet_store import ParquetStore


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        out: Path = typer.Option(
            Path("report"), "--out", "-o", help="Folder to write index.html, charts/ and data/ to."
        ),
        country: list[str] = typer.Option(
            [], "--country", "-c", help="Only events involving this country (ISO2; repeatable)."
        ),
        since: int | None = typer.Option(None, "--since", help="First year included."),
        until: int | None = typer.Option(None, "--until", help="Last year included."),
        kind: list[str] = typer.Option(
            [], "--kind", "-k", help="Only this event kind (repeatable)."
        ),
        study: str | None = STUDY_OPTION,
        include_machine: bool = typer.Option(
            False,
            "--include-machine",
            help="Also analyse machine-coded events not yet reviewed (left out by default).",
        ),
        db: str | None = DB_OPTION,
        from_parquet: Path | None = typer.Option(
            None,
            "--from-parquet",
            help="Read the events from this folder written by 'steppewatch export --format "
            "parquet' (through DuckDB) instead of a database; not with --db.",
            show_default=False,
        ),
    ) -> None:
        """Analyse the database and write a self-contained HTML report (works offline).

        Charts are embedded in DIR/index.html and also written as DIR/charts/ (PNG and SVG);
        each chart's data is in DIR/data/ (CSV). Each finding lists the events its rule counted,
        with links to their sources; all of them are in DIR/data/finding_events.csv.
        --from-parquet EXPORT reads a Parquet export instead of the database: the same report
        as from the database the export was made from.
        """
        from steppewatch.errors import InputError
        from steppewatch.report import DEFAULT_STATUSES, build_report
        from steppewatch.report.build import REPORT_STEPS
        from steppewatch.store import EventFilter
        from steppewatch.study import study_for_store

        if since is not None and until is not None and since > until:
            raise InputError(
                f"--since {since} is after --until {until}",
                hint="give a first year not later than the last",
                code="SW122",
            )
        statuses = (*DEFAULT_STATUSES, "machine") if include_machine else DEFAULT_STATUSES
        filters = EventFilter.make(
            countries=[c.upper() for c in country],
            kinds=kind,
            since=since,
            until=until,
            statuses=statuses,
        )
        if from_parquet is not None and db is not None:
            raise InputError(
                "--db and --from-parquet both given; the report reads one of them",
                hint="give --db for a database, or --from-parquet for a Parquet export folder",
                code="SW179",
            )
        if from_parquet is not None:
            from steppewatch.store.parquet_store import ParquetStore

            store: Store | ParquetStore = ParquetStore(from_parquet)
        else:
            store = open_db(db)
        the_study = study_for_store(store, study)
        done = 0
        with progress_bar("Building report", REPORT_STEPS) as update:

            def step(_name: str) -> None:
                nonlocal done
                done += 1
                update(done)

            result = build_report(out, store=store, filters=filters, study=the_study, progress=step)
        typer.echo(
            f"Report written: {result.index.resolve()} ({result.n_charts} charts; "
            f"{result.n_events:,} events, {result.n_sources:,} sources)"
        )
