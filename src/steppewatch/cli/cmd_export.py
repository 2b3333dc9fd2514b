"""``steppewatch export``: the events as a Frictionless Data Package (CSV + other formats)."""

from __future__ import annotations

from pathlib import Path

import typer

from steppewatch.cli.common import DB_OPTION, open_db


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        out: Path = typer.Option(..., "--out", "-o", help="Folder to write the data package to."),
        fmt: list[str] = typer.Option(
            ["csv"],
            "--format",
            "-f",
            help="csv, parquet, jsonl, xlsx, bibtex (comma-separated or repeated); CSV is "
            "always written.",
        ),
        bom: bool = typer.Option(
            False, "--bom", help="Start each CSV with a byte-order mark (for spreadsheet programs)."
        ),
        country: list[str] = typer.Option(
            [], "--country", "-c", help="ISO alpha-2 code, e.g. KG (repeatable: any of)."
        ),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Event kind code (repeatable)."),
        topic: list[str] = typer.Option([], "--topic", "-t", help="Topic code (repeatable)."),
        domain: list[str] = typer.Option([], "--domain", help="Domain code (repeatable)."),
        level: list[str] = typer.Option([], "--level", help="Meeting level code (repeatable)."),
        framework: list[str] = typer.Option([], "--framework", help="Framework (repeatable)."),
        status: list[str] = typer.Option(
            [], "--status", help="Review status (repeatable). Default: every status."
        ),
        since: int | None = typer.Option(None, "--since", help="First year included."),
        until: int | None = typer.Option(None, "--until", help="Last year included."),
        text: str | None = typer.Option(
            None,
            "--text",
            help='The explorer\'s search, as in `events list --text`: words, "a phrase", prefix*.',
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Write the matching events as a Frictionless Data Package v2 in DIR.

        DIR/datapackage.json describes four CSV tables (events, sources, event_codes, actors)
        with a Table Schema each and records the dataset and codebook versions, the filters,
        the export time and the tool version. `--format parquet,jsonl,xlsx,bibtex` adds
        Parquet files, events.jsonl (whole events: `steppewatch import` reads it back),
        steppewatch.xlsx and sources.bib (one BibTeX entry per source). Events are streamed:
        memory stays flat however many there are. The CSV and Parquet tables are built
        column-wise (about 45 s of CPU for 1,000,000 events on an SQLite file or PostgreSQL);
        jsonl, xlsx and bibtex are written event by event and are several times slower at
        that scale.
        """
        from steppewatch.cli.cmd_events import build_filter
        from steppewatch.export import export_package, parse_formats

        formats = parse_formats(fmt)
        filters = build_filter(
            country, kind, topic, domain, level, framework, status, since, until, None
        )
        result = export_package(
            out, store=open_db(db), filters=filters, text=text, formats=formats, bom=bom
        )
        c = result.counts
        typer.echo(
            f"Data package written: {result.descriptor.resolve()} ({c['events']:,} events, "
            f"{c['sources']:,} sources, {c['event_codes']:,} codes, {c['actors']:,} actors; "
            f"{', '.join(formats)})"
        )
