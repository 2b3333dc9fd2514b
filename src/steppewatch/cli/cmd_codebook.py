"""``steppewatch codebook check|manual|schema``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from steppewatch.cli.common import err


def register(app: typer.Typer) -> None:
    codebook_app = typer.Typer(
        help="Check, document and export the codebook.", no_args_is_help=True
    )
    app.add_typer(codebook_app, name="codebook")

    @codebook_app.command("check")
    def check(
        path: Path | None = typer.Argument(
            None, help="Codebook YAML file. Default: the shipped codebook v1."
        ),
    ) -> None:
        """Validate a codebook file and report every problem at once (exit 1 if any)."""
        from steppewatch.codebook import check_codebook_file, default_codebook_path
        from steppewatch.codebook.load import read_codebook_yaml

        target = path or default_codebook_path()
        issues = check_codebook_file(target)
        if issues:
            for issue in issues:
                err(f"  {issue}")
            err(f"{target}: {len(issues)} problem(s).")
            raise typer.Exit(1)
        data = read_codebook_yaml(target)
        assert isinstance(data, dict)
        counts = ", ".join(f"{len(s['codes'])} {name}" for name, s in data["schemes"].items())
        typer.echo(f"{target}: valid codebook {data['codebook']} {data['version']} ({counts}).")

    @codebook_app.command("manual")
    def manual(
        path: Path | None = typer.Argument(
            None, help="Codebook YAML file. Default: the shipped codebook v1."
        ),
        out: Path | None = typer.Option(
            None, "--out", "-o", help="Write the Markdown here instead of stdout."
        ),
    ) -> None:
        """Render the codebook as a Markdown manual."""
        from steppewatch.codebook import load_codebook
        from steppewatch.codebook.manual import render_manual

        text = render_manual(load_codebook(path))
        if out:
            out.write_text(text, encoding="utf-8")
            typer.echo(f"Wrote {out}")
        else:
            sys.stdout.write(text)

    @codebook_app.command("schema")
    def schema() -> None:
        """Print the codebook's JSON Schema (generated from the model)."""
        from steppewatch.codebook import generated_schema

        json.dump(generated_schema(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
