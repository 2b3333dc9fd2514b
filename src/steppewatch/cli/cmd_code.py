"""``steppewatch code PATH...``: code documents by the codebook, one JSON object per line."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from steppewatch.cli.common import err, progress_bar
from steppewatch.errors import InputError
from steppewatch.scale.options import (
    ENGINE_HELP,
    INPUTS_FROM_HELP,
    PARTITION_HELP,
    SCHEDULER_HELP,
    WORKERS_HELP,
)


def register(app: typer.Typer) -> None:
    @app.command("code")
    def code(
        paths: list[str] | None = typer.Argument(
            None,
            help="Files (.html .htm .shtml .txt .pdf .docx), folders (recursively) or - for stdin; "
            "with --parquet also WARC files (.warc, .warc.gz).",
            show_default=False,
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
        parquet: Path | None = typer.Option(
            None,
            "--parquet",
            help="Write a Parquet dataset to this folder instead of JSON Lines: documents/ and "
            "items/ partitioned by publication year and month, _manifest/ of the inputs done "
            "(a rerun codes only what is missing). Needed by --engine dask.",
            show_default=False,
        ),
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
        partition_size: int = typer.Option(100, "--partition-size", min=1, help=PARTITION_HELP),
    ) -> None:
        """Code documents: relevance, kind, countries, actors, dates, topics, domains, with
        evidence. Prints one JSON object per document (JSON Lines); bad documents give a
        record with "error" set and the run goes on. Summary on stderr.

        With --parquet DIR the coded documents and items go to a Parquet dataset instead;
        --engine dask codes its partitions in parallel on Dask (the files are the same,
        byte for byte, as with the local engine)."""
        from steppewatch.extract import code_paths, get_coder, iter_document_paths
        from steppewatch.scale.options import all_sources, check_engine

        check_engine(engine, scheduler)
        paths = all_sources(paths, inputs_from)
        if parquet is not None and out is not None:
            raise InputError(
                "--out writes JSON Lines and --parquet a Parquet dataset: give one of them",
                code="SW912",
            )
        if engine == "dask" and parquet is None:
            raise InputError(
                "--engine dask writes a Parquet dataset",
                hint="add --parquet DIR (a folder for the dataset)",
                code="SW910",
            )

        # unknown name or unreadable model: an error before any work
        params: dict[str, object] = {"model_path": str(model)} if model else {}
        if study:
            from steppewatch.study import load_study

            params["study"] = load_study(study)
        active = get_coder(coder, **params)
        if parquet is not None:
            from steppewatch.scale.commands import code_to_parquet
            from steppewatch.scale.partition import CoderSpec

            if not paths:
                err("No documents found.")
                raise typer.Exit(1)
            code_to_parquet(
                paths,
                parquet,
                engine=engine,
                coder=CoderSpec(
                    name=coder, model=str(model) if model else None, study=params.get("study")
                ),
                scheduler=scheduler,
                workers=workers,
                partition_size=partition_size,
            )
            return
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
