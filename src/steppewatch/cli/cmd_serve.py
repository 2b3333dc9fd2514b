"""``steppewatch serve``: the web explorer, JSON API and review workflow (uvicorn)."""

from __future__ import annotations

import typer

from steppewatch.cli.common import DB_OPTION, STUDY_OPTION, err, open_db, study_for


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
        db: str | None = DB_OPTION,
        workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
        https_only: bool = typer.Option(
            False,
            "--https-only",
            help="Send the session cookie over HTTPS only (behind a TLS proxy).",
        ),
        log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
        study: str | None = STUDY_OPTION,
        cache_size: int = typer.Option(
            1024,
            "--cache-size",
            min=0,
            help="Cached pages (30 s), counts and facets (0: no cache).",
        ),
        trusted_proxy: list[str] = typer.Option(
            [],
            "--trusted-proxy",
            help="Address of a reverse proxy whose X-Forwarded-For / X-Forwarded-Proto headers "
            "are believed (repeatable; e.g. 127.0.0.1 for nginx on this machine). Without "
            "it forwarded headers are ignored and the client is the connecting address, so "
            "nobody can dodge the sign-in limits by sending a made-up X-Forwarded-For.",
        ),
    ) -> None:
        """Serve the explorer. Public and read-only; reviewers sign in to change anything
        (accounts: 'steppewatch users add NAME'). On SQLite each worker keeps every event's date
        and facet values in memory (about 20 MB per million events, 100 MB while reading them) to answer list and search
        pages; after a write it reads them again, and pages come from SQL meanwhile."""
        import os

        import uvicorn

        proxies = _trusted_proxies(trusted_proxy)
        # uvicorn believes X-Forwarded-For from 127.0.0.1 by default: off unless a proxy is named
        forwarded_allow_ips = ",".join(proxies) or None
        store = open_db(db)
        the_study = study_for(store, study)  # a database of a study file needs --study FILE
        err(f"Database: {store.describe()} ({store.count_events()} events)")
        if store.dialect == "sqlite":
            err(
                "Reading every event's date and facet values into memory for list and search "
                "pages (about 4 s and 20 MB per worker per million events) ..."
            )
        else:
            err("Counting event profiles for facets (a few seconds on a big database) ...")
        err(f"Serving on http://{host}:{port}/  (Ctrl+C to stop)")
        if workers > 1:
            os.environ["STEPPEWATCH_DB"] = store.url
            os.environ["STEPPEWATCH_WEB_CACHE"] = str(cache_size)
            if https_only:
                os.environ["STEPPEWATCH_HTTPS_ONLY"] = "1"
            if study:
                os.environ["STEPPEWATCH_STUDY"] = study
            uvicorn.run(
                "steppewatch.web.app:app_from_env",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level=log_level,
                proxy_headers=bool(proxies),
                forwarded_allow_ips=forwarded_allow_ips,
            )
            return
        from steppewatch.web import create_app

        uvicorn.run(
            create_app(store, https_only=https_only, cache_size=cache_size, study=the_study),
            host=host,
            port=port,
            log_level=log_level,
            proxy_headers=bool(proxies),
            forwarded_allow_ips=forwarded_allow_ips,
        )


def _trusted_proxies(values: list[str]) -> list[str]:
    import ipaddress

    from steppewatch.errors import InputError

    proxies = []
    for value in values:
        try:
            proxies.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError:
            raise InputError(
                f"--trusted-proxy: '{value}' is not an IP address or network",
                hint="e.g. --trusted-proxy 127.0.0.1 or --trusted-proxy 10.0.0.0/24",
                code="SW770",
            ) from None
    return proxies
