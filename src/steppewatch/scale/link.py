"""Link a coded Parquet dataset into the store in one pass, as ``steppewatch ingest`` would.

The documents are read partition by partition in input order (each partition's rows sorted by
input and record), which is the order ``ingest`` reads the same inputs, and handed to the ingest
pipeline (``ingest.pipeline.Ingestor``) with the stored extraction and codes in place of
extracting and coding again. Everything else is the pipeline's own: a document already stored
is unchanged, exact and near duplicates are recognised, relevant items are linked into events,
an event a person made or reviewed (curated, accepted, edited, rejected) only gets suggestions,
and every event written is in the audit log. Writes go in large batches, each one transaction;
documents, items and suggestions are sent with PostgreSQL's COPY or SQLite's executemany
(``store.bulk_rows``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from steppewatch.errors import InputError, SteppewatchError
from steppewatch.ingest.pipeline import Ingestor, IngestSummary
from steppewatch.ingest.writer import INGEST_ACTOR, _write_events
from steppewatch.scale.inputs import Partition
from steppewatch.scale.partition import read_manifest
from steppewatch.sources.archive import Archive
from steppewatch.sources.raw import CollectFailure, RawDocument
from steppewatch.store import Store

__all__ = ["LINK_BATCH", "link_dataset", "read_partition"]

LINK_BATCH = 2_000  # documents per transaction


@dataclass(frozen=True)
class _StoredRaw(RawDocument):
    """A document as stored in the dataset: its id is known, its bytes are in the archive."""

    stored_sha: str = ""

    @property
    def sha256(self) -> str:
        return self.stored_sha


class _Replayed(SteppewatchError):
    """An extraction failure as the worker recorded it (its message already coded)."""

    def __str__(self) -> str:
        return self.message


class _ArchivedBefore(Archive):
    """The workers archived the bytes: nothing to write, only the location to record."""

    def put(self, document: RawDocument, sha256: str | None = None) -> Any:
        return None


class _Replay:
    """Stands in for the extractor and the coder: gives back what the worker stored."""

    def __init__(self, label: str) -> None:
        self.name, _, self.version = label.rpartition(" ")
        self.row: Mapping[str, Any] = {}

    def extract(self, data: bytes, *, source: str, **_: Any) -> Any:
        from steppewatch.extract import ExtractedDocument

        row = self.row
        if row["status"] == "failed" and not row["error_type"]:
            raise _Replayed(row["error"] or f"{source}: failed")
        return ExtractedDocument(
            source=source,
            text=row["text"],
            url=row["url"],
            title=row["title"],
            language=row["language"],
            published=row["published"],
            encoding=row["encoding"],
            format=row["format"],
            warnings=tuple(row["warnings"] or ()),
        )

    def code(self, doc: Any) -> Any:
        from steppewatch.extract.model import CodedDocument

        row = self.row
        if row["status"] == "failed":  # the coder raised in the worker: raise the same
            raise type(str(row["error_type"]), (Exception,), {})(row["error"])
        return CodedDocument.model_validate_json(row["coded"])


def read_partition(out: Path, partition_id: str) -> list[dict[str, Any]]:
    """The document rows of one coded partition, in input order."""
    entry = read_manifest(out, partition_id)
    if entry is None:
        raise InputError(
            f"{out}: partition {partition_id} is not coded",
            hint="run the coding again: it codes only the missing partitions",
            code="SW906",
        )
    tables = [pq.read_table(out / name) for name in entry["files"] if name.startswith("documents/")]
    if not tables:
        return []
    # files of format 1 lack the location column: read alike (it is in ``coded`` too)
    table = pa.concat_tables(tables, promote_options="default").sort_by(
        [("input_index", "ascending"), ("record", "ascending")]
    )
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _documents(
    out: Path, partitions: Sequence[Partition], replay: _Replay
) -> Iterator[RawDocument | CollectFailure]:
    for partition in partitions:
        for row in read_partition(out, partition.id):
            if row["status"] == "unreadable":
                yield CollectFailure(row["source_path"] or row["input"], "unreadable", row["error"])
                continue
            replay.row = row
            yield _StoredRaw(
                data=b"",
                url=row["url"],
                source_path=row["source_path"],
                content_type=row["content_type"],
                retrieved=row["retrieved"],
                headers=json.loads(row["http_headers"] or "{}"),
                publisher=row["publisher"],
                language_hint=row["language_hint"],
                stored_sha=row["id"],
            )


def bulk_write_batch(
    conn: Any,
    *,
    document_rows: list[dict[str, Any]],
    item_rows: list[dict[str, Any]],
    suggestion_rows: list[dict[str, Any]],
    changed_events: Mapping[str, Any],
    replace_failed: Sequence[str] = (),
    actor: str = INGEST_ACTOR,
) -> tuple[int, int]:
    """``ingest.writer.write_batch`` with the bulk rows sent by COPY on PostgreSQL."""
    from steppewatch.store.bulk_rows import insert_rows
    from steppewatch.store.document_tables import coded_items, documents, suggestions

    for start in range(0, len(replace_failed), 500):
        chunk = list(replace_failed[start : start + 500])
        conn.execute(
            documents.delete().where(documents.c.id.in_(chunk), documents.c.status == "failed")
        )
    insert_rows(conn, documents, document_rows)
    insert_rows(conn, coded_items, item_rows)
    insert_rows(conn, suggestions, suggestion_rows)
    return _write_events(conn, changed_events, actor)


class _Linker(Ingestor):
    batch_writer = staticmethod(bulk_write_batch)
    archive_in_thread = False  # nothing to write: a thread would only add hand-overs


def link_dataset(
    store: Store,
    out: Path,
    partitions: Sequence[Partition],
    *,
    label: str,
    study: Any = None,
    archive: Path | None = None,
    batch_size: int = LINK_BATCH,
    progress: Callable[[int], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    on_retry: Callable[[int, BaseException], None] | None = None,
) -> IngestSummary:
    """Link the coded ``partitions`` of the dataset at ``out`` into ``store``."""
    from steppewatch.sources.archive import archive_dir_for

    replay = _Replay(label)
    linker = _Linker(
        store,
        archive=_ArchivedBefore(archive or archive_dir_for(store.url)),
        coder=replay,
        extractor=replay.extract,
        batch_size=batch_size,
        batch_seconds=3600.0,
        study=study,
    )
    return linker.ingest(
        _documents(out, partitions, replay),
        progress=progress,
        on_commit=on_commit,
        on_wait=on_wait,
        on_retry=on_retry,
    )


def item_counts(out: Path, partitions: Sequence[Partition]) -> dict[str, int]:
    """Rows per table of the coded partitions (for reports and tests)."""
    counts: dict[str, int] = defaultdict(int)
    for partition in partitions:
        entry = read_manifest(out, partition.id) or {}
        for name in entry.get("files", []):
            counts[name.split("/", 1)[0]] += pq.read_metadata(out / name).num_rows
    return dict(counts)
