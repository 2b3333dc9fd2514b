"""``steppewatch release``: an immutable, versioned, reproducible release folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from steppewatch.cli.common import DB_OPTION, open_db


def register(app: typer.Typer) -> None:
    @app.command("release")
    def release(
        out: Path = typer.Option(
            ...,
            "--out",
            "-o",
            help="Release folder to create, e.g. releases/2026.12 (must not exist).",
        ),
        previous: Path | None = typer.Option(
            None,
            "--previous",
            help="Previous release to compare with. Default: the newest release beside --out.",
        ),
        no_previous: bool = typer.Option(
            False, "--no-previous", help="Compare with no previous release (a first release)."
        ),
        date: str | None = typer.Option(
            None,
            "--date",
            help="Release date YYYY-MM-DD. Default: from the dataset version (2026.12 -> 2026-12-01).",
        ),
        version: str | None = typer.Option(
            None, "--version", help="Release version. Default: the database's dataset version."
        ),
        study: Path | None = typer.Option(
            None, "--study", help="Study file (YAML). Default: PRC-Central Asia."
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Build an immutable release in DIR: data package, report, codebook manual, changelog
        and SHA256SUMS.

        The data are the events the report analyses (curated, accepted, edited). The changelog
        lists the events added, changed (with the fields) and removed since the
        previous release. Nothing in it comes from the clock, so releasing unchanged data twice
        gives identical files. DIR is written under a temporary name and renamed when complete.
        """
        from steppewatch.errors import InputError
        from steppewatch.export.release import build_release
        from steppewatch.study import load_study

        when = None
        if date is not None:
            try:
                when = dt.date.fromisoformat(date)
            except ValueError:
                raise InputError(
                    f"--date: '{date}' is not a date YYYY-MM-DD", code="SW664"
                ) from None
        if previous is not None and no_previous:
            raise InputError("give --previous or --no-previous, not both", code="SW666")
        result = build_release(
            out,
            store=open_db(db),
            previous=previous,
            find_previous_release=not no_previous,
            date=when,
            version=version,
            study=load_study(study),
        )
        c = result.changes
        against = (
            f"against {result.previous}: {len(c.added)} added, {len(c.changed)} changed, "
            f"{len(c.removed)} removed"
            if result.previous
            else "no previous release"
        )
        typer.echo(
            f"Release {result.version} ({result.date.isoformat()}) written: "
            f"{result.folder.resolve()} ({len(result.files)} files; {against})"
        )
