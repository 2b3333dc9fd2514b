"""``steppewatch gold-agreement FIRST.jsonl [FIRST2.jsonl ...] SECOND.jsonl``: agreement of two
annotations (the last file is the second annotation, the others together the first)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("gold-agreement")
    def gold_agreement_command(
        files: list[Path] = typer.Argument(
            ...,
            help="The first annotation (one or more gold JSONL files, read together), then the "
            "second, independent annotation of the same documents (same ids) last.",
        ),
        fmt: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """Krippendorff's alpha (nominal) and percent agreement per field between two
        annotations of the same gold documents (relevance, kind, countries, framework, level,
        actors, topics, domains, date, location, kinds per event, each Central Asian state);
        lists the documents the two differ on for relevance and countries; see gold/README.md."""
        from steppewatch.errors import InputError
        from steppewatch.extract.gold_agreement import gold_agreement

        if fmt not in ("table", "json"):
            raise InputError(f"--format must be 'table' or 'json', not '{fmt}'", code="SW455")
        if len(files) < 2:
            raise typer.BadParameter(
                "give the first annotation and the second one (two files at least), e.g. "
                "gold/real_tune.jsonl gold/real_heldout.jsonl gold/real_second.jsonl",
                param_hint="FILES",
            )
        report = gold_agreement(files[:-1], files[-1])
        if fmt == "json":
            typer.echo(report.model_dump_json(indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(
            title=f"Agreement on {report.common} documents "
            f"({len(report.only_first)} only in the first, {len(report.only_second)} only in the second)"
        )
        for column in ("field", "documents", "decisions", "% agree", "alpha"):
            table.add_column(column, justify="left" if column == "field" else "right")
        for f in report.fields.values():
            table.add_row(
                f.field,
                str(f.documents),
                str(f.decisions),
                "" if f.percent_agreement is None else f"{f.percent_agreement:.1f}",
                "n/a" if f.krippendorff_alpha is None else f"{f.krippendorff_alpha:.3f}",
            )
        console = Console()
        console.print(table)
        for name in ("relevance", "countries"):
            ids = report.fields[name].disagreements
            console.print(f"{name}: {len(ids)} differ" + (f": {', '.join(ids)}" if ids else ""))
