"""``steppewatch collect --site mfa-cn --since 2024-01-01``: walk a site's listing pages to its
new articles and ingest them."""

from __future__ import annotations

import typer

from steppewatch.cli.cmd_ingest import (
    ALLOW_PRIVATE_OPTION,
    BATCH_OPTION,
    CODER_OPTION,
    DELAY_OPTION,
    MAX_BYTES_OPTION,
    RETRIES_OPTION,
    TIMEOUT_OPTION,
    ProgressPrinter,
    _is_date,
    make_client,
    report,
)
from steppewatch.cli.common import DB_OPTION, STUDY_OPTION, study_for
from steppewatch.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("collect")
    def collect(
        site: str = typer.Option(..., "--site", help="Site adapter: mfa-cn, mfa-en or generic-ru."),
        since: str | None = typer.Option(
            None, "--since", help="Only articles dated on or after this day (YYYY-MM-DD)."
        ),
        start: list[str] = typer.Option(
            [],
            "--start",
            help="Listing page URL to start from (repeatable; default: the adapter's).",
        ),
        max_pages: int = typer.Option(
            50, "--max-pages", min=1, help="Listing pages per start URL at most."
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
    ) -> None:
        """Walk listing pages to the articles not stored yet (dated --since or later), fetch
        them politely (robots.txt, rate limit, retries, size limit, SSRF protection) and ingest
        them: archive, extract, code, deduplicate and link into events."""
        from sqlalchemy import select

        from steppewatch.cli.common import open_db
        from steppewatch.extract import get_coder
        from steppewatch.ingest import Ingestor
        from steppewatch.sources.sites import collect_site, get_adapter
        from steppewatch.store.document_tables import documents

        if since is not None and not _is_date(since):
            raise InputError(f"--since '{since}' is not a date YYYY-MM-DD", code="SW144")
        adapter = get_adapter(site)
        if not (start or adapter.start_urls):
            raise InputError(f"site '{site}' needs --start URL (a listing page)", code="SW145")
        store = open_db(db)
        with store.engine.connect() as conn:
            # articles stored before are skipped, except those that failed: they are retried
            stored = select(documents.c.url).where(documents.c.status != "failed")
            known_urls = set(conn.execute(stored).scalars())
        the_study = study_for(store, study)
        ingestor = Ingestor(
            store,
            coder=get_coder(coder, study=the_study) if coder else None,
            batch_size=batch,
            study=the_study,
        )
        client = make_client(
            store.url,
            allow_private=allow_private,
            delay=delay,
            timeout=timeout,
            max_bytes=max_bytes,
            retries=retries,
        )
        printer = ProgressPrinter(None)
        try:
            stream = collect_site(
                adapter,
                client,
                since=since,
                start_urls=start or None,
                max_pages=max_pages,
                skip_url=known_urls.__contains__,
                keep_listing=lambda raw: None if ingestor.archive.put(raw) else None,
            )
            summary = ingestor.ingest(stream, progress=printer.seen, on_commit=printer.committed)
        finally:
            printer.stop()
            client.close()
        report(summary)
