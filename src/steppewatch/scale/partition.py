"""Code one partition and write it to the Parquet dataset (runs in a Dask worker or locally).

Each document is read, checked and extracted as ``steppewatch ingest`` does it
(``ingest.pipeline``), then coded by the coder; a document that cannot be read, extracted or coded
is a failed row with its coded error, never a failed partition. Rows go to
``documents/year=YYYY/month=MM/part-<partition>.parquet`` and ``items/...`` (publication year and
month of the document; ``0000``/``00`` when it has none), in input order, with fixed writer
settings and no time stamps, so the same inputs give byte-identical files on any engine. Rows
are written as they are coded, in row groups of at most ``FLUSH_ROWS`` buffered rows, so memory
does not grow with the partition. Each file is written under a temporary name
(``.tmp-part-<partition>-*``, removed if a killed attempt left it) and renamed when the partition
is done; the partition's manifest entry
(``_manifest/<partition>.json``) is written last, so an entry names only complete files.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from steppewatch.scale.inputs import Partition, iter_documents_of

__all__ = [
    "DOCUMENT_SCHEMA",
    "ITEM_SCHEMA",
    "CoderSpec",
    "Crash",
    "code_partition",
    "manifest_path",
    "prune_dataset",
    "read_manifest",
]

# 2: a ``location`` column in both tables (the event's place, also in ``coded``); a folder
# coded in format 1 is coded again, so no folder mixes the two
FORMAT_VERSION = 2
UNDATED = ("0000", "00")

DOCUMENT_SCHEMA = pa.schema(
    [
        ("input_index", pa.int64()),
        ("input", pa.string()),
        ("record", pa.int32()),
        ("id", pa.string()),  # sha256 of the bytes; null for a record that could not be read
        ("status", pa.string()),  # coded | failed | unreadable
        ("error", pa.string()),
        ("error_type", pa.string()),  # coder failures: the exception's class name
        ("url", pa.string()),
        ("source_path", pa.string()),
        ("publisher", pa.string()),
        ("language_hint", pa.string()),
        ("content_type", pa.string()),
        ("retrieved", pa.string()),
        ("http_headers", pa.string()),
        ("title", pa.string()),
        ("language", pa.string()),
        ("published", pa.string()),
        ("encoding", pa.string()),
        ("format", pa.string()),
        ("text", pa.string()),
        ("warnings", pa.list_(pa.string())),
        ("relevant", pa.bool_()),
        ("location", pa.string()),  # the main event's place (city, or a state's code)
        ("coded", pa.string()),  # the coded document as JSON, without its text
        ("coder", pa.string()),
        ("codebook_version", pa.string()),
    ]
)

ITEM_SCHEMA = pa.schema(
    [
        ("input_index", pa.int64()),
        ("record", pa.int32()),
        ("document_id", pa.string()),
        ("item_index", pa.int32()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("relevant", pa.bool_()),
        ("location", pa.string()),
        ("coded", pa.string()),
        ("coder", pa.string()),
        ("codebook_version", pa.string()),
    ]
)

# fixed writer settings: the bytes depend on the rows only
WRITER = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "row_group_size": 64 * 1024,
    "store_schema": False,
}


@dataclass(frozen=True)
class Crash:
    """Tests: stop a partition's task after ``after`` documents, before it writes anything; by
    an exception, or, with ``kill_marker``, by ending the worker process itself the first time
    (the marker file says it happened; the retry on another worker then codes the partition)."""

    after: int
    kill_marker: str | None = None

    def maybe(self, done: int, partition_id: str) -> None:
        if done < self.after:
            return
        if self.kill_marker is None:
            raise RuntimeError(f"simulated crash in partition {partition_id}")
        marker = Path(self.kill_marker)
        if not marker.exists():
            marker.write_text(partition_id, encoding="utf-8")
            os._exit(1)


@dataclass(frozen=True)
class CoderSpec:
    """What a worker needs to build the coder: its name, model file and study (picklable)."""

    name: str | None = None
    model: str | None = None
    study: Any = None  # a Study, a study file or a bundled study's name; None: the default

    def build(self) -> Any:
        key = (self.name, self.model, _study_key(self.study))
        cached = _CODERS.get(key)
        if cached is None:
            from steppewatch.extract import get_coder
            from steppewatch.study import resolve_study

            params: dict[str, Any] = {"study": resolve_study(self.study)}
            if self.model:
                params["model_path"] = self.model
            cached = _CODERS[key] = (
                get_coder(self.name, **params) if self.name else get_coder(**params)
            )
        return cached


_CODERS: dict[tuple[Any, ...], Any] = {}  # one coder per worker process and spec


def _study_key(study: Any) -> str:
    if study is None or isinstance(study, str):
        return str(study)
    dump = getattr(study, "model_dump_json", None)
    return dump() if dump else repr(study)


def manifest_path(out: Path, partition_id: str) -> Path:
    return out / "_manifest" / f"{partition_id}.json"


def read_manifest(out: Path, partition_id: str) -> dict[str, Any] | None:
    try:
        entry: dict[str, Any] = json.loads(manifest_path(out, partition_id).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return entry


def code_partition(
    partition: Partition,
    out: str,
    coder: CoderSpec,
    archive: str | None = None,
    crash: Crash | None = None,
) -> dict[str, Any]:
    """Code ``partition`` into the dataset at ``out``; returns its manifest entry.

    ``archive``: also put each document's bytes into this content-addressed archive (ingest).
    ``crash`` (tests): how to fail midway (``Crash``)."""
    from steppewatch.sources.archive import Archive

    active = coder.build()
    store = Archive(archive) if archive else None
    label = f"{active.name} {active.version}"
    writer = _DatasetWriter(Path(out), partition.id)
    counts = {"documents": 0, "coded": 0, "items": 0}
    try:
        for number, (item, record, found) in enumerate(iter_documents_of(partition)):
            if crash is not None:
                crash.maybe(number, partition.id)
            row, item_rows = _code_document(active, label, store, item, record, found)
            key = bucket(row["published"])
            writer.add("documents", key, row)
            for item_row in item_rows:
                writer.add("items", key, item_row)
            counts["documents"] += 1
            counts["coded"] += row["status"] == "coded"
            counts["items"] += len(item_rows)
        files = writer.close()
    except BaseException:
        writer.discard()
        raise
    _remove_other_files(Path(out), partition.id, keep=files)
    entry = {
        "format": FORMAT_VERSION,
        "partition": partition.id,
        "coder": label,
        "inputs": [i.fingerprint() for i in partition.inputs],
        "documents": counts["documents"],
        "coded": counts["coded"],
        "failed": counts["documents"] - counts["coded"],
        "items": counts["items"],
        "files": files,
    }
    _atomic_write(manifest_path(Path(out), partition.id), _entry_bytes(entry))
    return entry


def _code_document(
    active: Any, label: str, store: Any, item: Any, record: int, found: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One document's row (coded, or failed with the reason) and its items' rows."""
    from steppewatch.ingest.pipeline import _bad_url
    from steppewatch.sources.raw import CollectFailure

    row = _empty_row(item.index, item.path, record)
    if isinstance(found, CollectFailure):
        row.update(status="unreadable", error=found.message, source_path=found.where)
        return row, []
    raw = found
    sha = raw.sha256
    if store is not None:
        store.put(raw, sha)
    row.update(
        id=sha,
        url=raw.url,
        source_path=raw.source_path,
        publisher=raw.publisher,
        language_hint=raw.language_hint,
        content_type=raw.content_type,
        retrieved=raw.retrieved,
        http_headers=json.dumps(raw.headers, ensure_ascii=False, sort_keys=True),
    )
    message = _bad_url(raw)
    if message:
        row.update(status="failed", error=message)
        return row, []
    try:
        doc = _extract(raw)
    except Exception as error:  # one bad document never stops the partition
        row.update(status="failed", error=_extract_message(raw.label, error))
        return row, []
    row.update(
        title=doc.title,
        language=doc.language,
        published=doc.published,
        encoding=doc.encoding,
        format=doc.format,
        text=doc.text,
        warnings=list(doc.warnings),
    )
    try:
        coded = active.code(doc)
    except Exception as error:
        row.update(status="failed", error=str(error), error_type=type(error).__name__)
        return row, []
    coded.text = None
    coded.warnings = list(doc.warnings)
    row.update(
        status="coded",
        relevant=bool(coded.relevant),
        location=getattr(coded, "location", None),
        coded=coded.model_dump_json(),
        coder=label,
        codebook_version=coded.codebook_version,
    )
    item_rows = [
        {
            "input_index": item.index,
            "record": record,
            "document_id": sha,
            "item_index": position,
            "start": part.start,
            "end": part.end,
            "relevant": bool(part.relevant),
            "location": getattr(part, "location", None),
            "coded": part.model_dump_json(),
            "coder": label,
            "codebook_version": coded.codebook_version,
        }
        for position, part in enumerate(coded.items)
    ]
    return row, item_rows


def _remove_other_files(out: Path, partition_id: str, keep: list[str]) -> None:
    """Files of this partition from an earlier coding (its documents' dates changed, or a task
    stopped midway) that this coding did not write: gone, so the folder holds each row once."""
    for table in ("documents", "items"):
        for path in (out / table).glob(f"year=*/month=*/part-{partition_id}.parquet"):
            if path.relative_to(out).as_posix() not in keep:
                path.unlink(missing_ok=True)
        for path in (out / table).glob(f"year=*/month=*/.tmp-part-{partition_id}-*.parquet"):
            path.unlink(missing_ok=True)  # written by an attempt that was killed


def prune_dataset(out: Path, keep: set[str]) -> int:
    """Remove the files and manifest entries of partitions not in ``keep`` (partitions of
    earlier runs over other inputs): the folder is the dataset of the last run's inputs.
    Returns the number of files removed."""
    removed = 0
    for path in [*out.glob("*/year=*/month=*/part-*.parquet"), *out.glob("_manifest/*.json")]:
        name = path.stem.removeprefix("part-")
        if name not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    # files of attempts that were killed midway (the run holds the folder: no task writes now)
    for path in out.glob("*/year=*/month=*/.tmp-part-*.parquet"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _entry_bytes(entry: dict[str, Any]) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def _empty_row(index: int, path: str, record: int) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_SCHEMA.names)
    row.update(input_index=index, input=path, record=record, warnings=[])
    return row


def _extract(raw: Any) -> Any:
    from steppewatch.extract import extract_document

    return extract_document(raw.data, source=raw.label, url=raw.url, content_type=raw.content_type)


def _extract_message(label: str, error: Exception) -> str:
    """The message ``steppewatch ingest`` stores for a document it could not extract."""
    from steppewatch.errors import SteppewatchError

    if isinstance(error, SteppewatchError):
        return str(error)
    return f"[SW499] {label}: {type(error).__name__}: {error}"


def bucket(published: str | None) -> tuple[str, str]:
    """(year, month) directory values of a publication date (YYYY-MM-DD, YYYY-MM or YYYY)."""
    if not published or len(published) < 4 or not published[:4].isdigit():
        return UNDATED
    month = published[5:7] if len(published) >= 7 and published[5:7].isdigit() else "00"
    return published[:4], month


#: Rows held in memory before they are written as row groups: a partition is written as it is
#: coded, so a WARC file of 50,000 pages never holds every page's text at once.
FLUSH_ROWS = 4096


class _DatasetWriter:
    """The Parquet files of one partition, one per table and (year, month) bucket, written in
    row groups of the rows buffered since the last flush (deterministic: the same input order
    gives the same files) into temporary files renamed into place only when all are written."""

    def __init__(self, out: Path, partition_id: str) -> None:
        self.out = out
        self.partition_id = partition_id
        self.buffers: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        self.writers: dict[tuple[str, str, str], tuple[pq.ParquetWriter, str]] = {}
        self.buffered = 0

    def add(self, table: str, key: tuple[str, str], row: dict[str, Any]) -> None:
        self.buffers[(table, *key)].append(row)
        self.buffered += 1
        if self.buffered >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        for name in sorted(self.buffers):
            rows = self.buffers[name]
            if not rows:
                continue
            schema = DOCUMENT_SCHEMA if name[0] == "documents" else ITEM_SCHEMA
            writer = self._writer(name, schema)
            writer.write_table(
                pa.Table.from_pylist(rows, schema=schema), row_group_size=WRITER["row_group_size"]
            )
        self.buffers.clear()
        self.buffered = 0

    def _writer(self, name: tuple[str, str, str], schema: pa.Schema) -> pq.ParquetWriter:
        if name not in self.writers:
            folder = self.out / self._relative(name)
            folder.parent.mkdir(parents=True, exist_ok=True)
            # named for the partition, so a killed task's leftovers are found and removed
            handle, temporary = tempfile.mkstemp(
                dir=folder.parent, prefix=f".tmp-part-{self.partition_id}-", suffix=".parquet"
            )
            os.close(handle)
            options = {k: v for k, v in WRITER.items() if k != "row_group_size"}
            self.writers[name] = (pq.ParquetWriter(temporary, schema, **options), temporary)
        return self.writers[name][0]

    def _relative(self, name: tuple[str, str, str]) -> str:
        table, year, month = name
        return f"{table}/year={year}/month={month}/part-{self.partition_id}.parquet"

    def close(self) -> list[str]:
        """Write what is buffered, put every file in place; their paths, relative to ``out``."""
        self.flush()
        for writer, _ in self.writers.values():
            writer.close()
        files = []
        for name in sorted(self.writers):
            relative = self._relative(name)
            os.replace(self.writers[name][1], self.out / relative)
            files.append(relative)
        self.writers.clear()
        return files

    def discard(self) -> None:
        for writer, temporary in self.writers.values():
            try:
                writer.close()
            finally:
                Path(temporary).unlink(missing_ok=True)
        self.writers.clear()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
