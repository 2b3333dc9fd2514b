"""``steppewatch ingest SOURCE...``: archive, extract, code, deduplicate and link documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from steppewatch.cli.common import DB_OPTION, STUDY_OPTION, err, open_db, study_for
from steppewatch.scale.options import (
    ENGINE_HELP,
    INPUTS_FROM_HELP,
    PARTITION_HELP,
    SCHEDULER_HELP,
    WORKERS_HELP,
)

if TYPE_CHECKING:
    from steppewatch.ingest import IngestSummary
    from steppewatch.sources.http import HttpClient

ALLOW_PRIVATE_HELP = (
    "Allow fetching from these private networks (e.g. 127.0.0.1/32); repeatable. Without it, "
    "private, loopback and link-local addresses are refused."
)


def make_client(
    db_url: str,
    *,
    allow_private: list[str],
    delay: float,
    timeout: float,
    max_bytes: int,
    retries: int,
) -> HttpClient:
    """The HTTP client for a command: cache beside the database, options from the user."""
    from steppewatch.sources.archive import archive_dir_for
    from steppewatch.sources.http import HttpClient

    return HttpClient(
        allow_private=allow_private or False,
        min_interval=delay,
        timeout=timeout,
        total_timeout=max(timeout * 3, timeout + 10),
        max_bytes=max_bytes,
        max_retries=retries,
        cache_dir=archive_dir_for(db_url).parent / "http-cache",
    )


ALLOW_PRIVATE_OPTION = typer.Option([], "--allow-private", help=ALLOW_PRIVATE_HELP)
DELAY_OPTION = typer.Option(1.0, "--delay", help="Seconds between requests to one host.")
TIMEOUT_OPTION = typer.Option(
    20.0, "--timeout", help="Seconds to wait for a server (connect, read)."
)
MAX_BYTES_OPTION = typer.Option(20_000_000, "--max-bytes", help="Largest document downloaded.")
RETRIES_OPTION = typer.Option(3, "--retries", min=0, help="Retries on 5xx and timeouts (backoff).")
BATCH_OPTION = typer.Option(50, "--batch", min=1, help="Documents per transaction.")
CODER_OPTION = typer.Option(
    None, "--coder", help="Registered coder name (default: codebook coder)."
)


def report(summary: IngestSummary) -> None:
    failures = summary.failures
    for failure in failures[:20]:
        err(f"  failed: {failure.message}")
    if len(failures) > 20:
        err(f"  ... and {len(failures) - 20} more failures")
    for warning in summary.warnings[:20]:
        err(f"  warning: {warning.message}")
    if len(summary.warnings) > 20:
        err(f"  ... and {len(summary.warnings) - 20} more warnings")
    typer.echo(summary.line())


class ProgressPrinter:
    """Progress on stderr: a rich bar on a terminal, else a plain line per committed batch."""

    def __init__(self, total: int | None) -> None:
        self.tty = sys.stderr.isatty()
        self.bar = None
        if self.tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("Ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
            self.task = self.bar.add_task("ingest", total=total)
            self.bar.start()

    def seen(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done)

    def committed(self, done: int) -> None:
        if not self.tty:
            err(f"committed {done} documents")

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        sources: list[str] | None = typer.Argument(
            None,
            help="Files, folders, WARC files, or RSS/Atom feed, sitemap or page URLs.",
            show_default=False,
        ),
        since: str | None = typer.Option(
            None, "--since", help="Feeds/sitemaps: entries from this date (YYYY-MM-DD)."
        ),
        coder: str | None = CODER_OPTION,
        allow_private: list[str] = ALLOW_PRIVATE_OPTION,
        delay: float = DELAY_OPTION,
        timeout: float = TIMEOUT_OPTION,
        max_bytes: int = MAX_BYTES_OPTION,
        retries: int = RETRIES_OPTION,
        batch: int = BATCH_OPTION,
        db: str | None = DB_OPTION,
        study: str | None = STUDY_OPTION,
        engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
        scheduler: str | None = typer.Option(
            None, "--scheduler", help=SCHEDULER_HELP, show_default=False
        ),
        workers: int | None = typer.Option(
            None, "--workers", min=1, help=WORKERS_HELP, show_default=False
        ),
        inputs_from: Path | None = typer.Option(
            None, "--inputs-from", help=INPUTS_FROM_HELP, show_default=False
        ),
        parquet: Path | None = typer.Option(
            None,
            "--parquet",
            help="With --engine dask: folder of the coded Parquet dataset (default: coded/ "
            "beside the archive, next to the SQLite file).",
            show_default=False,
        ),
        partition_size: int = typer.Option(100, "--partition-size", min=1, help=PARTITION_HELP),
    ) -> None:
        """Ingest documents: archive the bytes beside the database, extract the text, code it,
        recognise exact and near duplicates, and link relevant items into events.

        Ingest never changes an event a person made or reviewed (curated, accepted, edited,
        rejected): a document about one files suggestions for review. A file keeps its web
        address from an index.csv beside or above it (columns id or path, and url), its
        canonical link or og:url, or its WARC target URI; with none it is a local document.

        Crash-safe and resumable: run it again after an interruption; documents already stored
        are reported unchanged and nothing is duplicated. Documents that failed before (e.g.
        text extraction) are tried again. One ingest at a time writes to a database: a second
        one started meanwhile waits for the first, then goes on from what it stored. A batch
        whose write meets a locked database or a dropped PostgreSQL connection is written
        again (about a minute of retries).

        --engine dask codes files, folders and WARC files on Dask into a Parquet dataset
        (resumable: a rerun codes only the missing partitions), then links it into the
        database in one pass, with the same events as the local engine.
        """
        from steppewatch.errors import InputError
        from steppewatch.extract import get_coder
        from steppewatch.ingest import Ingestor
        from steppewatch.scale.options import all_sources, check_engine
        from steppewatch.sources.collect import check_source, is_url, iter_documents

        check_engine(engine, scheduler)
        sources = all_sources(sources, inputs_from)
        if not sources:
            raise InputError(
                "nothing to ingest", hint="name files, folders, WARC files or URLs", code="SW911"
            )
        for source in sources:
            check_source(source)
            if not is_url(source) and not Path(source).exists():
                raise InputError(
                    f"{source}: no such file or folder", hint="check the path", code="SW142"
                )
        if since is not None and not _is_date(since):
            raise InputError(f"--since '{since}' is not a date YYYY-MM-DD", code="SW144")
        store = open_db(db)
        the_study = study_for(store, study)
        if engine == "dask":
            from steppewatch.scale.commands import ingest_on_engine

            report(
                ingest_on_engine(
                    store,
                    sources,
                    study=the_study,
                    coder=coder,
                    parquet=parquet,
                    scheduler=scheduler,
                    workers=workers,
                    partition_size=partition_size,
                    batch=batch,
                    on_commit=lambda done: err(f"committed {done} documents"),
                    on_wait=err,
                    on_retry=_say_retry,
                )
            )
            return
        client = None
        if any(is_url(s) for s in sources):
            client = make_client(
                store.url,
                allow_private=allow_private,
                delay=delay,
                timeout=timeout,
                max_bytes=max_bytes,
                retries=retries,
            )
        ingestor = Ingestor(
            store,
            coder=get_coder(coder, study=the_study) if coder else None,
            batch_size=batch,
            study=the_study,
        )
        total = _count_files(sources)
        printer = ProgressPrinter(total)
        try:
            summary = ingestor.ingest(
                iter_documents(sources, client=client, since=since),
                progress=printer.seen,
                on_commit=printer.committed,
                on_wait=err,
                on_retry=_say_retry,
            )
        finally:
            printer.stop()
            if client is not None:
                client.close()
        report(summary)


def _say_retry(attempt: int, error: BaseException) -> None:
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    err(
        f"database busy or connection lost ({detail[0] if detail else error!r}); "
        f"writing the batch again (attempt {attempt + 1})"
    )


def _is_date(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _count_files(sources: list[str]) -> int | None:
    from steppewatch.sources.files import iter_path

    total = 0
    for source in sources:
        path = Path(source)
        if not path.exists() or source.startswith(("http://", "https://")):
            return None
        total += sum(1 for _ in iter_path(path))
    return total
