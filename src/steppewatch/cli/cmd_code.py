"""``steppewatch code PATH...``: code documents by the codebook, one JSON object per line."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from steppewatch.cli.common import err, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("code")
    def code(
        paths: list[str] = typer.Argument(
            ...,
            help="Files (.html .htm .shtml .txt .pdf .docx), folders (recursively) or - for stdin.",
        ),
        out: Path | None = typer.Option(
            None, "--out", "-o", help="Write the JSON Lines here instead of stdout."
        ),
        coder: str = typer.Option(
            "steppewatch.codebook_coder.v1", "--coder", help="Registered coder name."
        ),
        include_text: bool = typer.Option(
            False, "--include-text", help="Include the extracted text in each record."
        ),
        model: Path | None = typer.Option(
            None, "--model", help="Model file for a trained coder (from 'steppewatch train')."
        ),
        study: str | None = typer.Option(
            None,
            "--study",
            help="Study file or bundled study's name (focal state, partners, frameworks). "
            "Default: PRC-Central Asia.",
            show_default=False,
        ),
    ) -> None:
        """Code documents: relevance, kind, countries, actors, dates, topics, domains, with
        evidence. Prints one JSON object per document (JSON Lines); bad documents give a
        record with "error" set and the run goes on. Summary on stderr."""
        from steppewatch.extract import code_paths, get_coder, iter_document_paths

        # unknown name or unreadable model: an error before any work
        params: dict[str, object] = {"model_path": str(model)} if model else {}
        if study:
            from steppewatch.study import load_study

            params["study"] = load_study(study)
        active = get_coder(coder, **params)
        sources = list(iter_document_paths(paths))
        if not sources:
            err("No documents found.")
            raise typer.Exit(1)
        sink = out.open("w", encoding="utf-8") if out else sys.stdout
        coded = relevant = errors = 0
        try:
            with progress_bar("Coding", len(sources)) as update:
                for done, record in enumerate(
                    code_paths(sources, coder=active, include_text=include_text), start=1
                ):
                    data = record.model_dump(mode="json", exclude_none=False)
                    if not include_text:
                        data.pop("text", None)
                    sink.write(_dumps(data) + "\n")
                    for warning in record.warnings:
                        err(f"  warning: {warning}")
                    if record.error:
                        errors += 1
                        err(f"  {record.error.message}")
                    else:
                        coded += 1
                        relevant += int(record.relevant)
                    if done % 50 == 0 or done == len(sources):
                        update(done)
        finally:
            if out:
                sink.close()
        err(f"coded {coded}, relevant {relevant}, errors {errors}")


def _dumps(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
