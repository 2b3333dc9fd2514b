"""``steppewatch stats``: counts by kind, country and decade."""

from __future__ import annotations

import json
import sys

import typer

from steppewatch.cli.common import DB_OPTION, open_db


def register(app: typer.Typer) -> None:
    @app.command("stats")
    def stats(
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Print how many events the database holds, by kind, country and decade."""
        store = open_db(db)
        info = store.dataset_info()
        data = {
            **info,
            "by_kind": store.facet_counts("kind"),
            "by_country": store.facet_counts("country"),
            "by_decade": dict(sorted(store.facet_counts("decade").items())),
            "by_framework": store.facet_counts("framework"),
            "by_review_status": store.facet_counts("review_status"),
        }
        if as_json:
            json.dump(data, sys.stdout, indent=2)
            sys.stdout.write("\n")
            return
        from rich.columns import Columns
        from rich.console import Console
        from rich.table import Table

        console = Console()
        console.print(
            f"[bold]{info['events']} events, {info['sources']} sources[/bold] in {store.describe()}"
            + (
                f" (dataset {info['dataset_version']}, codebook {info['codebook_version']})"
                if info["dataset_version"]
                else ""
            )
        )
        if not info["events"]:
            console.print(
                "The database is empty: run 'steppewatch init' to load the bundled dataset."
            )
            return
        tables = []
        for title, key in (
            ("kind", "by_kind"),
            ("country", "by_country"),
            ("decade", "by_decade"),
            ("framework", "by_framework"),
            ("review status", "by_review_status"),
        ):
            table = Table(title=f"by {title}", title_justify="left")
            table.add_column(title)
            table.add_column("events", justify="right")
            for name, count in data[key].items():
                table.add_row(f"{name}s" if key == "by_decade" else str(name), str(count))
            tables.append(table)
        console.print(Columns(tables))
