"""Options of ``--engine`` shared by ``steppewatch code`` and ``ingest`` (light: imported with
the command line; the engine itself loads only when used)."""

from __future__ import annotations

from pathlib import Path

from steppewatch.errors import InputError

__all__ = [
    "ENGINES",
    "ENGINE_HELP",
    "INPUTS_FROM_HELP",
    "PARTITION_HELP",
    "SCHEDULER_HELP",
    "WORKERS_HELP",
    "all_sources",
    "check_engine",
]

ENGINES = ("local", "dask")

ENGINE_HELP = (
    "local: this process (default). dask: partitions coded in parallel on a Dask cluster "
    "(--scheduler) or on a local cluster of one worker process per core (127.0.0.1 only), "
    "written to a partitioned Parquet dataset with a manifest; a rerun codes only what is missing."
)
SCHEDULER_HELP = "With --engine dask: address of a running Dask scheduler (tcp://host:8786)."
WORKERS_HELP = "With --engine dask and no --scheduler: local worker processes (default: cores)."
INPUTS_FROM_HELP = (
    "A text file listing inputs (files, folders, WARC files), one a line (# comments; "
    "relative paths from the file's folder); added after the PATH arguments."
)
PARTITION_HELP = "Document files per partition (a WARC file is a partition of its own)."


def check_engine(engine: str, scheduler: str | None) -> None:
    if engine not in ENGINES:
        raise InputError(
            f"unknown engine '{engine}'", hint="use --engine local or dask", code="SW903"
        )
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask", hint="add --engine dask", code="SW907")


def all_sources(paths: list[str] | None, inputs_from: Path | None) -> list[str]:
    sources = list(paths or [])
    if inputs_from is not None:
        from steppewatch.scale.inputs import read_path_list

        sources += read_path_list(inputs_from)
    return sources
