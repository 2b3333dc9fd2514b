"""The ``--engine dask`` paths of ``steppewatch code`` and ``steppewatch ingest`` (kept here so the
command modules only add options)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from steppewatch.errors import InputError
from steppewatch.scale.engine import CodingRun, DatasetSummary, code_dataset, dataset_lock
from steppewatch.scale.partition import CoderSpec

__all__ = ["code_to_parquet", "ingest_on_engine"]


def _progress(label: str) -> Any:
    def say(done: int, total: int) -> None:
        if done == total or done % 10 == 0:
            typer.echo(f"{label}: {done}/{total} partitions", err=True)

    return say


def _waiting(out: Path) -> Any:
    def say() -> None:
        typer.echo(
            f"Another run is coding into {out}; waiting for it to end (it then codes only what "
            "that run left missing)...",
            err=True,
        )

    return say


def _report(summary: DatasetSummary) -> None:
    for partition, message in summary.failed_partitions[:20]:
        typer.echo(f"  partition {partition} failed: {message}", err=True)


def code_to_parquet(
    sources: list[str],
    out: Path,
    *,
    engine: str,
    coder: CoderSpec,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
) -> DatasetSummary:
    """``steppewatch code --parquet DIR``: code into the dataset; exit 1 if a partition failed."""
    summary, _ = code_dataset(
        CodingRun(
            sources,
            out,
            coder=coder,
            engine=engine,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            progress=_progress("Coding"),
            on_wait=_waiting(out),
        )
    )
    _report(summary)
    typer.echo(summary.line(), err=True)
    if summary.failed_partitions:
        raise typer.Exit(1)
    return summary


def ingest_on_engine(
    store: Any,
    sources: list[str],
    *,
    study: Any,
    coder: str | None,
    parquet: Path | None,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
    batch: int,
    on_commit: Any,
    on_wait: Any,
    on_retry: Any,
) -> Any:
    """``steppewatch ingest --engine dask``: code on Dask into the dataset (``parquet``, default
    ``coded/`` beside the database's archive), then link it into the store in one pass."""
    from steppewatch.sources.archive import archive_dir_for
    from steppewatch.sources.collect import is_url

    urls = [s for s in sources if is_url(s)]
    if urls:
        raise InputError(
            f"{urls[0]}: --engine dask reads files, folders and WARC files only",
            hint="ingest URLs with the local engine (the default)",
            code="SW908",
        )
    archive = archive_dir_for(store.url)
    out = parquet or archive.parent / "coded"
    spec = CoderSpec(name=coder, study=study)
    # held from coding to the end of linking: another run coding into the same folder would
    # otherwise change the Parquet files while they are linked
    with dataset_lock(out, _waiting(out)):
        return _code_and_link(
            store, sources, out, spec, archive, study=study, scheduler=scheduler,
            workers=workers, partition_size=partition_size, batch=batch, on_commit=on_commit,
            on_wait=on_wait, on_retry=on_retry,
        )  # fmt: skip


def _code_and_link(
    store: Any,
    sources: list[str],
    out: Path,
    spec: CoderSpec,
    archive: Path,
    *,
    study: Any,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
    batch: int,
    on_commit: Any,
    on_wait: Any,
    on_retry: Any,
) -> Any:
    from steppewatch.scale.link import LINK_BATCH, link_dataset

    summary, partitions = code_dataset(
        CodingRun(
            sources,
            out,
            coder=spec,
            engine="dask",
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            archive=archive,
            progress=_progress("Coding"),
            locked_by_caller=True,
        )
    )
    _report(summary)
    typer.echo(summary.line(), err=True)
    if summary.failed_partitions:
        raise InputError(
            f"{len(summary.failed_partitions)} of {summary.partitions} partitions could not be "
            "coded; nothing was linked",
            hint="run the same command again: it codes only the missing partitions",
            code="SW909",
        )
    label = f"{spec.build().name} {spec.build().version}"
    return link_dataset(
        store,
        out,
        partitions,
        label=label,
        study=study,
        archive=archive,
        batch_size=max(batch, LINK_BATCH),
        on_commit=on_commit,
        on_wait=on_wait,
        on_retry=on_retry,
    )
