"""Options and helpers shared by the command modules."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from steppewatch.models import Study
    from steppewatch.store import Store

DB_OPTION = typer.Option(
    None,
    "--db",
    help="Database URL or SQLite file path. Default: $STEPPEWATCH_DB, else ./steppewatch.db.",
    show_default=False,
)


STUDY_OPTION = typer.Option(
    None,
    "--study",
    help="Study file (YAML) or a bundled study's name (prc_central_asia, russia_central_asia). "
    "Default: the study the database was initialised with, else PRC-Central Asia.",
    show_default=False,
)


def study_for(store: Store | None, study: str | None) -> Study:
    """The study a command works for (see :func:`steppewatch.study.study_for_store`)."""
    from steppewatch.study import study_for_store

    return study_for_store(store, study)


def open_db(db: str | None) -> Store:
    from steppewatch.store import open_store

    return open_store(db)


def err(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (only when stderr is a terminal or the run is long enough to
    matter); yields a callback taking the number of items done so far."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=False, disable=not sys.stderr.isatty()
    ) as bar:
        task = bar.add_task(description, total=total)

        def update(done: int) -> None:
            bar.update(task, completed=done)

        yield update
