"""The ingest pipeline: raw documents -> archive -> text -> codes -> events, in the store.

For each ``RawDocument`` (in the order the collectors give them):

1. its id is the sha256 of the bytes; an id already stored is ``unchanged`` (nothing is redone),
   except a document whose earlier attempt failed: it is tried again (``retried``) and its
   stored row replaced by the new outcome in the same transaction;
2. the bytes go to the content-addressed archive beside the database;
3. text is extracted (``steppewatch.extract.extract_document``); a failure is stored as a
   ``failed`` document with its error, and the run goes on;
4. near-duplicates of stored documents (MinHash LSH over the text) are stored as ``duplicate``
   and not coded again;
5. the coder codes the document; every item is stored with its codes and evidence;
6. every relevant item is linked (``ingest.linking``): a source added to a matching machine
   event, suggestions (reviewed like any other) for a matching event a person made or reviewed
   (curated, accepted, edited, rejected: ingest never writes those), or a new machine event.

Writes are grouped in batches, each ONE transaction (documents, items, suggestions, events
together): a killed run leaves whole batches or nothing of a batch, and the rerun redoes
exactly the documents whose batch was lost. Nothing stored before is touched, and every event
written is logged in the audit log (``store.event_writes``).
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Protocol

from sqlalchemy import select

from steppewatch.errors import SteppewatchError, StoreError
from steppewatch.ingest.batch_commit import commit_batch
from steppewatch.ingest.dedupe import NearDuplicateIndex
from steppewatch.ingest.events_from_items import (
    build_event,
    candidate_from_item,
    event_kinds,
    merge_into,
    same_document_event,
    source_for,
    source_suggestion,
    suggestion_values,
)
from steppewatch.ingest.ingest_lock import IngestLock, read_generation
from steppewatch.ingest.linking import Candidate, EventIndex, IndexedEvent
from steppewatch.ingest.writer import dumps, load_events, write_batch
from steppewatch.models import Event
from steppewatch.sources.archive import Archive, archive_dir_for
from steppewatch.sources.raw import CollectFailure, RawDocument
from steppewatch.store import Store, records
from steppewatch.store.document_tables import coded_items, documents
from steppewatch.store.tables import events

__all__ = ["IngestSummary", "Ingestor", "Failure"]

WRITTEN_CACHE = 5_000  # events kept in memory after commit, for linking later documents


class Extracted(Protocol):
    text: str
    title: str | None
    language: str | None
    published: str | None
    encoding: str | None


Extractor = Callable[..., Any]


@dataclass(frozen=True)
class Failure:
    where: str
    message: str


@dataclass
class IngestSummary:
    seen: int = 0
    new: int = 0
    unchanged: int = 0
    retried: int = 0  # failed in an earlier run, tried again (counted as new or failed too)
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    items: int = 0
    relevant_items: int = 0
    events_created: int = 0
    sources_added: int = 0
    suggestions: int = 0
    unlinked_items: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    # documents stored but read with a caveat (charset declared wrongly, text cut short, ...)
    warnings: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        rate = self.seen / self.seconds if self.seconds else 0.0
        retried = f"{self.retried} retried after an earlier failure, " if self.retried else ""
        return (
            f"{self.seen} documents: {self.new} new, {self.unchanged} unchanged, {retried}"
            f"{self.duplicates} duplicates ({self.near_duplicates} near), {self.failed} failed; "
            f"{self.relevant_items} relevant items: {self.events_created} events created, "
            f"{self.sources_added} sources added to machine events, "
            f"{self.suggestions} suggestions for curated or reviewed events, "
            f"{self.unlinked_items} not linkable; {self.seconds:.1f} s ({rate:.0f} docs/s)."
        )


def _default_extractor() -> Extractor:
    from steppewatch.extract import extract_document

    return extract_document


class Ingestor:
    """Ingest documents into ``store``. Reuse one instance for several calls of ``ingest``."""

    #: writes one batch in one transaction; None: ``writer.write_batch`` (the bulk link of a
    #: coded dataset, ``scale.link``, sends its rows by COPY)
    batch_writer: Callable[..., tuple[int, int]] | None = None
    #: archive writes in a thread when there is a second core
    archive_in_thread = True

    def __init__(
        self,
        store: Store,
        *,
        archive: Archive | None = None,
        coder: Any = None,
        extractor: Extractor | None = None,
        batch_size: int = 50,
        batch_seconds: float = 2.0,
        near_duplicate_threshold: float = 0.9,
        study: Any = None,
    ) -> None:
        from steppewatch.study import resolve_study

        self.store = store
        self.archive = archive or Archive(archive_dir_for(store.url))
        # the study: focal and partner states for linking, the publisher table for sources
        # (a Study, a study file or a bundled study's name; default: the default study)
        self.study = resolve_study(study)
        if coder is None:
            from steppewatch.extract import get_coder

            coder = get_coder(study=self.study)
        self.coder = coder
        self.coder_label = f"{coder.name} {coder.version}"
        self.extract = extractor or _default_extractor()
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.focal = self.study.focal_state
        self.near = NearDuplicateIndex(threshold=near_duplicate_threshold)
        self.index = EventIndex(focal=self.focal, partners=self.study.partner_states)
        self.known: set[str] = set()
        self.failed_before: set[str] = set()  # stored as failed: tried again when seen
        self._written: dict[str, Event] = {}
        self._load_state()
        self._reset_batch()

    # -- state -------------------------------------------------------------------------------
    def _reload_state(self) -> None:
        """Forget what was read of the database and read it again: another ingest stored
        documents and events since (``ingest_lock``). The indexes start from copies of the empty
        ones made at construction, so they keep their settings."""
        self.near, self.index = copy.deepcopy(self._empty_indexes)
        self.known.clear()
        self.failed_before.clear()
        self._written.clear()
        self._doc_events.clear()
        self._load_state()

    def _load_state(self) -> None:
        if not hasattr(self, "_empty_indexes"):  # first call, from __init__: still empty
            self._empty_indexes = copy.deepcopy((self.near, self.index))
        with self.store.engine.connect() as conn:
            self._generation = read_generation(conn)
            rows = conn.execute(select(documents.c.id, documents.c.minhash, documents.c.status))
            signatures = []
            for doc_id, minhash, status in rows:
                if status == "failed":
                    self.failed_before.add(doc_id)
                    continue
                self.known.add(doc_id)
                if status == "coded":
                    signatures.append((doc_id, minhash))
            self.near.load(signatures)
            query = select(
                events.c.id,
                events.c.kind,
                events.c.countries,
                events.c.date_start,
                events.c.date_end,
                events.c.review_status,
                events.c.actors,
            )
            for row in conn.execute(query):
                self.index.add(
                    _indexed(
                        row.id,
                        row.kind,
                        records.split_list(row.countries),
                        row.date_start,
                        row.date_end,
                        row.review_status,
                        _actor_names_json(row.actors),
                    )
                )

    def _reset_batch(self) -> None:
        self._doc_rows: list[dict[str, Any]] = []
        self._item_rows: list[dict[str, Any]] = []
        self._suggestion_rows: list[dict[str, Any]] = []
        self._changed: dict[str, Event] = {}
        self._doc_events: dict[str, list[str]] = getattr(self, "_doc_events", {})
        # candidates each document has linked, for one event per event per document
        self._doc_candidates: dict[str, list[tuple[str, Candidate]]] = {}
        self._batch_ids: set[str] = set()
        self._retry_ids: list[str] = []
        self._pending_io: list[Future[Any]] = []
        self._batch_started = time.monotonic()

    # -- the run -----------------------------------------------------------------------------
    def ingest(
        self,
        items: Iterable[RawDocument | CollectFailure],
        *,
        progress: Callable[[int], None] | None = None,
        on_commit: Callable[[int], None] | None = None,
        on_wait: Callable[[str], None] | None = None,
        on_retry: Callable[[int, BaseException], None] | None = None,
    ) -> IngestSummary:
        """Ingest ``items``. Holds the database's ingest lock for the run: a second ingest
        into the same database waits (``on_wait`` is told), then goes on from what the first
        stored. A batch write retried after a transient database failure is told to
        ``on_retry`` (attempt, error)."""
        self._on_retry = on_retry
        summary = IngestSummary()
        started = time.perf_counter()
        committed = 0
        lock = IngestLock(self.store, on_wait=on_wait)
        lock.acquire()
        try:
            with self.store.engine.connect() as conn:
                stale = read_generation(conn) != self._generation
            if stale:  # another ingest stored documents since this one read the database
                self._reload_state()
        except BaseException:
            lock.release()
            raise
        self._io: ThreadPoolExecutor | _InlineExecutor = (
            ThreadPoolExecutor(max_workers=2, thread_name_prefix="sw-archive")
            if _usable_cpus() > 1 and self.archive_in_thread
            else _InlineExecutor()
        )
        try:
            for item in items:
                summary.seen += 1
                if isinstance(item, CollectFailure):
                    summary.failed += 1
                    summary.failures.append(Failure(item.where, item.message))
                else:
                    self._one(item, summary)
                if progress:
                    progress(summary.seen)
                if len(self._doc_rows) >= self.batch_size or (
                    self._doc_rows and time.monotonic() - self._batch_started > self.batch_seconds
                ):
                    committed += self._flush()
                    if on_commit:
                        on_commit(committed)
            committed += self._flush()
            if on_commit:
                on_commit(committed)
        finally:
            self._io.shutdown(wait=True)
            lock.release()
            summary.seconds = time.perf_counter() - started
        return summary

    def _flush(self) -> int:
        count = len(self._doc_rows)
        for future in self._pending_io:
            try:
                future.result()  # raises if an archive write failed: the batch is not committed
            except OSError as error:
                raise StoreError(
                    f"cannot write the archive copy of a document to {self.archive.root}: "
                    f"{error.strerror or error}; this batch of {count} documents was not "
                    "stored (batches committed before it are kept)",
                    hint="free space on that disk and run the same ingest again: it goes on "
                    "where it stopped",
                    code="SW368",
                ) from None
        if count or self._changed:
            self._generation, _ = commit_batch(
                self.store.engine,
                generation=self._generation,
                on_retry=getattr(self, "_on_retry", None),
                write=self.batch_writer or write_batch,
                document_rows=self._doc_rows,
                item_rows=self._item_rows,
                suggestion_rows=self._suggestion_rows,
                changed_events=self._changed,
                replace_failed=self._retry_ids,
            )
            self.known.update(self._batch_ids)
            self.failed_before.difference_update(self._retry_ids)
            if len(self._written) > WRITTEN_CACHE:
                self._written.clear()
            self._written.update(self._changed)
        self._reset_batch()
        return count

    def _one(self, raw: RawDocument, summary: IngestSummary) -> None:
        sha = raw.sha256
        if sha in self.known:
            summary.unchanged += 1
            return
        if sha in self._batch_ids:
            summary.duplicates += 1
            return
        if sha in self.failed_before:
            summary.retried += 1
            self._retry_ids.append(sha)
        # archive writes run in a thread when there is a second core (file I/O releases the
        # GIL), else inline; either way they are awaited before the batch commits: a document
        # row never exists without its archived bytes
        self._pending_io.append(self._io.submit(self.archive.put, raw, sha))
        row = _document_row(raw, sha, self.archive.location(sha))
        bad_url = _bad_url(raw)
        if bad_url:
            self._failed(row, bad_url, summary)
            return
        try:
            doc = self.extract(
                raw.data, source=raw.label, url=raw.url, content_type=raw.content_type
            )
        except SteppewatchError as error:
            self._failed(row, str(error), summary)
            return
        except Exception as error:  # one bad document never stops the run
            self._failed(row, f"[SW499] {raw.label}: {type(error).__name__}: {error}", summary)
            return
        for warning in getattr(doc, "warnings", ()):
            summary.warnings.append(Failure(raw.label, warning))
        language = doc.language if doc.language and doc.language != "other" else None
        row.update(
            title=doc.title,
            text=doc.text,
            language=language or raw.language_hint,
            published=doc.published,
            encoding=doc.encoding,
        )
        signature = self.near.signature(doc.text)
        numbers = ""
        if signature is not None:
            numbers = self.near.numbers_key(doc.text)
            row["minhash"] = self.near.to_hex(signature, numbers)
            similar = self.near.query(signature, numbers)
            if similar:
                row.update(status="duplicate", duplicate_of=similar[0])
                self._add_row(row, sha)
                summary.duplicates += 1
                summary.near_duplicates += 1
                self._attach_copy(similar[0], row, summary)
                return
        try:
            coded = self.coder.code(doc)
        except Exception as error:
            self._failed(
                row, f"[SW499] coding {raw.label}: {type(error).__name__}: {error}", summary
            )
            return
        if signature is not None:  # only coded documents are originals for later copies
            self.near.add(sha, signature, numbers)
        row.update(status="coded", coder=self.coder_label, codebook_version=coded.codebook_version)
        self._add_row(row, sha)
        summary.new += 1
        coded_list = list(coded.items) or [_as_item(coded)]
        for position, item in enumerate(coded_list):
            summary.items += 1
            event_id, link = None, None
            if item.relevant:
                summary.relevant_items += 1
                event_id, link = self._link(item, row, coded, summary)
                if event_id is not None:  # the item's other events (an agreement signed there)
                    for kind in event_kinds(item)[1:]:
                        self._link(item, row, coded, summary, kind=kind)
            self._item_rows.append(
                {
                    "document_id": sha,
                    "item_index": position,
                    "start": item.start,
                    "end": item.end,
                    "relevant": int(bool(item.relevant)),
                    # pydantic's own JSON writer: fields in model order, ~5x faster than dumps
                    "coded": item.model_dump_json(),
                    "event_id": event_id,
                    "link": link,
                    "coder": self.coder_label,
                    "codebook_version": coded.codebook_version,
                }
            )

    def _add_row(self, row: dict[str, Any], sha: str) -> None:
        self._doc_rows.append(row)
        self._batch_ids.add(sha)

    def _failed(self, row: dict[str, Any], message: str, summary: IngestSummary) -> None:
        row.update(status="failed", error=message)
        self._add_row(row, row["id"])
        summary.failed += 1
        summary.failures.append(Failure(row["source_path"] or row["url"] or row["id"], message))

    # -- linking -----------------------------------------------------------------------------
    def _link(
        self,
        item: Any,
        row: dict[str, Any],
        coded: Any,
        summary: IngestSummary,
        kind: str | None = None,
    ) -> tuple[str | None, str | None]:
        candidate = candidate_from_item(
            item, row.get("published"), focal=self.focal, partners=self.index.partners, kind=kind
        )
        if candidate is None:
            summary.unlinked_items += 1
            return None, "unlinkable"
        source = source_for(row, item, self.study.publishers)
        earlier = self._doc_candidates.setdefault(row["id"], [])
        same = same_document_event(candidate, earlier, focal=self.focal)
        if same is not None:
            return same, "same_event"
        match = self.index.match(candidate)
        if match is None:
            event_id = self.index.new_id(candidate)
            event = build_event(
                event_id,
                candidate,
                item,
                row,
                source,
                coder=self.coder_label,
                codebook_version=coded.codebook_version,
                focal=self.focal,
            )
            self._changed[event_id] = event
            self.index.add(_indexed_event(event))
            self._doc_events.setdefault(row["id"], []).append(event_id)
            earlier.append((event_id, candidate))
            summary.events_created += 1
            return event_id, "new_event"
        known = self._event(match.id)
        if known is None:  # pragma: no cover - index and table agree by construction
            return None, "unlinkable"
        event = known
        earlier.append((event.id, candidate))
        if match.review_status != "machine":  # curated or reviewed: never written here
            for field_name, value in suggestion_values(event, item, source, candidate):
                self._suggestion_rows.append(
                    {
                        "event_id": event.id,
                        "field": field_name,
                        "value": dumps(value),
                        "document_id": row["id"],
                        "coder": self.coder_label,
                        "created_at": records.now(),
                        "status": "open",
                    }
                )
                summary.suggestions += 1
            return event.id, "suggestion"
        updated = merge_into(event, item, source, machine=match.review_status == "machine")
        if updated is None:
            return event.id, "same_event"
        self._changed[event.id] = updated
        self.index.add(_indexed_event(updated))
        self._doc_events.setdefault(row["id"], []).append(event.id)
        summary.sources_added += 1
        return event.id, "added_source"

    def _attach_copy(self, original: str, row: dict[str, Any], summary: IngestSummary) -> None:
        """A near-duplicate (the same text at another URL) becomes a source of the events its
        original was linked to; for a reviewed event, a suggestion of that source."""
        event_ids = self._doc_events.get(original)
        if event_ids is None:
            with self.store.engine.connect() as conn:
                event_ids = list(
                    conn.execute(
                        select(coded_items.c.event_id)
                        .where(
                            coded_items.c.document_id == original,
                            coded_items.c.event_id.is_not(None),
                        )
                        .distinct()
                    ).scalars()
                )
        copy_note = SimpleNamespace(
            title=f"near-duplicate of document {original[:12]}", topics=[], domains=[]
        )
        source = source_for(row, copy_note, self.study.publishers)
        for event_id in dict.fromkeys(event_ids):
            indexed, event = self.index.get(event_id), self._event(event_id)
            if indexed is None or event is None:
                continue
            if indexed.review_status != "machine":
                if not any(s.url == source.url for s in event.sources):
                    self._suggestion_rows.append(
                        {
                            "event_id": event_id,
                            "field": "sources",
                            "value": dumps(source_suggestion(source)),
                            "document_id": row["id"],
                            "coder": self.coder_label,
                            "created_at": records.now(),
                            "status": "open",
                        }
                    )
                    summary.suggestions += 1
                continue
            updated = merge_into(event, copy_note, source, machine=False)
            if updated is not None:
                self._changed[event_id] = updated
                self.index.add(_indexed_event(updated))
                summary.sources_added += 1

    def _event(self, event_id: str) -> Event | None:
        """The event as this run last wrote it (pending, or cached after commit), else as
        stored. A cached copy can only be stale if a person edited the event meanwhile; the
        writer then leaves the reviewed event alone."""
        if event_id in self._changed:
            return self._changed[event_id]
        cached = self._written.get(event_id)
        if cached is not None:
            return cached
        with self.store.engine.connect() as conn:
            return load_events(conn, [event_id]).get(event_id)


class _InlineExecutor:
    """Archive writes in the calling thread: on one core a writer thread only adds GIL
    hand-overs (measured ~5-10% slower ingest), there is no second core to overlap with."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except Exception as error:  # re-raised by future.result() before the commit
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True) -> None:
        return None


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity
        return os.cpu_count() or 1


def _bad_url(raw: RawDocument) -> str | None:
    """Why the document's URL cannot be an event's source URL, or None if it can: checked
    before any work, so one bad URL (a WARC record, an index.csv row) fails one document."""
    if raw.url is None:
        return None
    from pydantic import ValidationError

    from steppewatch.models import Source

    try:
        Source(url=raw.url, document_id=None)
    except ValidationError:
        shown = raw.url if len(raw.url) <= 80 else raw.url[:79] + "…"
        return (
            f"[SW544] {raw.label}: its URL '{shown}' is not an http(s), file, doi: or urn: URL "
            "(fix the source's URL, e.g. in index.csv, and ingest again)"
        )
    return None


def _document_row(raw: RawDocument, sha: str, archive_path: str) -> dict[str, Any]:
    return {
        "id": sha,
        "url": raw.url,
        "source_path": raw.source_path,
        "publisher": raw.publisher,
        "language": raw.language_hint,
        "title": None,
        "published": None,
        "retrieved": raw.retrieved,
        "content_type": raw.content_type,
        "encoding": None,
        "archive_path": archive_path,
        "http_headers": dumps(raw.headers),
        "text": None,
        "minhash": None,
        "status": "failed",
        "duplicate_of": None,
        "error": None,
        "coder": None,
        "codebook_version": None,
        "created_at": records.now(),
    }


def _as_item(coded: Any) -> Any:
    """A document coded without items is one item: its top-level codes."""
    from steppewatch.extract.model import CodedItem

    return CodedItem.model_validate({k: getattr(coded, k) for k in CodedItem.model_fields})


def _actor_names_json(value: str | None) -> frozenset[str]:
    import json

    try:
        return frozenset(a["name"].lower() for a in json.loads(value or "[]") if a.get("name"))
    except (ValueError, TypeError, AttributeError):
        return frozenset()


def _indexed(
    event_id: str,
    kind: str,
    countries: list[str],
    start: str,
    end: str | None,
    status: str,
    actors: frozenset[str],
) -> IndexedEvent:
    return IndexedEvent(event_id, kind, frozenset(countries), start, end, status, actors)


def _indexed_event(event: Event) -> IndexedEvent:
    return _indexed(
        event.id,
        event.kind,
        list(event.countries),
        event.date_start,
        event.date_end,
        event.review_status,
        frozenset(a.name.lower() for a in event.actors),
    )
