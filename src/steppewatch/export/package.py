"""``export_package``: the events of a store as a Frictionless Data Package (v2).

The folder holds ``datapackage.json`` and one CSV per table (events, sources, event_codes,
actors), each described by a Table Schema; the CSV files are the package's resources, so any
Frictionless tool reads and validates them. Other formats asked for are written beside them and
listed in the descriptor (``steppewatch.files``): ``events.jsonl`` (one whole event per line, with
its actors and sources: what ``steppewatch import`` reads back), one Parquet file per table, one
XLSX workbook with a sheet per table, and ``sources.bib`` (BibTeX, one entry per source).
Provenance (dataset and codebook versions, filters, export time, tool version) is in the
descriptor. Nothing is read into memory whole: events go through in batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import steppewatch.export.tables as table_defs
from steppewatch import __version__
from steppewatch.atomic_output import staged_folder
from steppewatch.errors import ExportError
from steppewatch.export.columnar import column_batches, has_arrow_route
from steppewatch.export.tables import event_batches, tables
from steppewatch.export.writers import CsvFile, JsonlFile, ParquetFile, XlsxBook
from steppewatch.store import EventFilter, Store
from steppewatch.store.parquet_store import STORE_META

FORMATS = ("csv", "parquet", "jsonl", "xlsx", "bibtex")
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
MEDIATYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "bibtex": "application/x-bibtex",
}


@dataclass
class ExportResult:
    folder: Path
    descriptor: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def parse_formats(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``"csv,parquet"`` (or a list of such) -> ("csv", "parquet"); csv always comes first."""
    items: list[str] = []
    for part in [value] if isinstance(value, str) else list(value or ()):
        items += [p.strip().lower() for p in str(part).split(",") if p.strip()]
    unknown = [i for i in items if i not in FORMATS]
    if unknown:
        raise ExportError(
            f"--format: unknown format(s) {', '.join(unknown)}",
            hint=f"choose from {', '.join(FORMATS)} (comma-separated)",
            code="SW161",
        )
    return tuple(dict.fromkeys(["csv", *items]))


def describe_filter(filters: EventFilter) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(filters).items() if v}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ExportError(
            f"{out} is a file, not a folder", hint="give --out a folder", code="SW162"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(
            f"cannot create the export folder {out}: {error.strerror}",
            hint="choose a folder you can write",
            code="SW162",
        ) from None


def export_package(
    out: str | Path,
    *,
    store: Store,
    filters: EventFilter | None = None,
    text: str | None = None,
    formats: tuple[str, ...] = ("csv",),
    bom: bool = False,
    exported_at: dt.datetime | None = None,
    codebook: Any = None,
    study: Any = None,
    base_url: str | None = None,
) -> ExportResult:
    """Write the matching events of ``store`` as a data package in folder ``out``. ``text``:
    only the events the explorer's search finds for it (``Store.search_ids``, the same as
    ``events list --text`` and ``/events.json?q=``); it is recorded with the filters."""
    from steppewatch.codebook import load_codebook
    from steppewatch.study import load_study

    out = Path(out)
    created = not out.exists()
    _prepare(out)
    filters = filters or EventFilter()
    ids = store.search_ids(filters, text) if text else None
    if text:
        filters = replace(filters, text=text)  # recorded in datapackage.json as searched
    codebook = codebook or load_codebook()
    study = study or load_study()
    stamp = (exported_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    formats = parse_formats(list(formats))
    defs = tables(codebook)
    # written into a staging folder inside ``out`` and moved into place only when complete
    # (datapackage.json last): a full disk or a crash never leaves a package that looks whole
    try:
        with staged_folder(out, last="datapackage.json") as work:
            result = _write_package(work, store, filters, formats, bom, stamp, defs, ids)
            descriptor = _descriptor(
                defs, result, formats, filters, stamp, codebook, study, store, bom, base_url
            )
            result.descriptor.write_text(
                json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    except BaseException:
        if created:  # a folder this call made holds nothing of worth
            shutil.rmtree(out, ignore_errors=True)
        raise
    _remove_stale(out, defs, formats)
    result.folder, result.descriptor = out, out / "datapackage.json"
    result.files = [out / path.name for path in result.files]
    return result


def _write_package(
    work: Path,
    store: Store,
    filters: EventFilter,
    formats: tuple[str, ...],
    bom: bool,
    stamp: dt.datetime,
    defs: dict[str, Any],
    ids: list[str] | None = None,
) -> ExportResult:
    """Every table (and every other format asked for) into ``work``, batch by batch (the
    events ``ids`` when a search chose them)."""
    from steppewatch.export.citations import SourceBib

    result = ExportResult(work, work / "datapackage.json", {name: 0 for name in defs})
    csvs = {name: CsvFile(work / f"{name}.csv", table, bom=bom) for name, table in defs.items()}
    parquets = (
        {name: ParquetFile(work / f"{name}.parquet", t) for name, t in defs.items()}
        if "parquet" in formats
        else {}
    )
    jsonl = JsonlFile(work / "events.jsonl") if "jsonl" in formats else None
    xlsx = (
        XlsxBook(work / "steppewatch.xlsx", list(defs.values()), stamp.replace(tzinfo=None))
        if "xlsx" in formats
        else None
    )
    bib = SourceBib(work / "sources.bib") if "bibtex" in formats else None
    columns = ids is None and has_arrow_route(store)  # else row by row (as every other format)
    try:
        if columns:
            _write_columns(store, filters, defs, result, csvs, parquets)
        if not columns or jsonl is not None or xlsx is not None or bib is not None:
            for batch in event_batches(store, filters, ids=ids, batch_size=table_defs.BATCH):
                for name in defs:
                    if columns:
                        if xlsx is not None:
                            xlsx.write(name, batch.rows(name))
                        continue
                    rows = list(batch.rows(name))
                    result.counts[name] += len(rows)
                    csvs[name].write(rows)
                    if name in parquets:
                        parquets[name].write(rows)
                    if xlsx is not None:
                        xlsx.write(name, rows)
                if jsonl is not None:
                    jsonl.write(_event_record(e) for e in batch.events)
                if bib is not None:
                    bib.write(batch.events)
    finally:
        for sink in [*csvs.values(), *parquets.values(), jsonl, xlsx, bib]:
            if sink is not None:
                sink.close()
    for sink in [*csvs.values(), *parquets.values(), jsonl, xlsx, bib]:
        if sink is not None:
            result.files.append(sink.path)
    return result


def _write_columns(
    store: Store,
    filters: EventFilter,
    defs: dict[str, Any],
    result: ExportResult,
    csvs: dict[str, CsvFile],
    parquets: dict[str, ParquetFile],
) -> None:
    """The four tables in CSV (and Parquet) built column-wise (:mod:`.columnar`)."""
    first = 0
    for batch in column_batches(store, filters):
        for name, table in defs.items():
            columns = batch.tables[name].select(table.header)
            result.counts[name] += columns.num_rows
            csvs[name].write(columns)
            if name in parquets:
                parquets[name].write_columns(
                    columns, batch.event_index[name], batch.n_events, first, table_defs.BATCH
                )
        first += batch.n_events


def _remove_stale(out: Path, defs: dict[str, Any], formats: tuple[str, ...]) -> None:
    """Files an earlier export into the same folder wrote in a format not asked for now: a
    package must not sit beside data it does not describe."""
    stale = [] if "parquet" in formats else [out / f"{name}.parquet" for name in defs]
    stale += [] if "jsonl" in formats else [out / "events.jsonl"]
    stale += [] if "xlsx" in formats else [out / "steppewatch.xlsx"]
    stale += [] if "bibtex" in formats else [out / "sources.bib"]
    for path in stale:
        path.unlink(missing_ok=True)


def _event_record(event: Any) -> dict[str, Any]:
    data: dict[str, Any] = event.model_dump(mode="json")
    data["date_precision"] = event.date_precision
    return data


def _descriptor(
    defs: dict[str, Any],
    result: ExportResult,
    formats: tuple[str, ...],
    filters: EventFilter,
    stamp: dt.datetime,
    codebook: Any,
    study: Any,
    store: Store,
    bom: bool,
    base_url: str | None,
) -> dict[str, Any]:
    dataset_version = store.get_meta("dataset_version") or study.dataset_version
    resources = []
    for name, table in defs.items():
        path = result.folder / f"{name}.csv"
        resource: dict[str, Any] = {
            "name": name,
            "type": "table",
            "path": path.name,
            "title": table.title,
            "description": table.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig" if bom else "utf-8",
            "bytes": path.stat().st_size,
            "hash": f"sha256:{sha256_file(path)}",
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "schema": {"$schema": SCHEMA_PROFILE, **table.schema()},
        }
        resources.append(resource)
    others = [
        {
            "path": p.name,
            "format": p.suffix.lstrip(".").replace("bib", "bibtex"),
            "mediatype": MEDIATYPES[p.suffix.lstrip(".").replace("bib", "bibtex")],
            "bytes": p.stat().st_size,
            "hash": f"sha256:{sha256_file(p)}",
        }
        for p in result.files
        if p.suffix != ".csv"
    ]
    return {
        "$schema": PROFILE,
        "name": f"steppewatch-{study.id.replace('_', '-')}",
        "title": study.name,
        "description": (
            f"{study.description.strip()} Events with their codes, actors and sources, compiled "
            "from public reporting; every event cites its sources."
        ),
        "version": dataset_version or "unversioned",
        "created": stamp.isoformat().replace("+00:00", "Z"),
        "keywords": [
            "security cooperation",
            "events data",
            study.focal_state,
            *study.partner_states,
        ],
        "contributors": [{"title": "steppewatch contributors", "roles": ["creator"]}],
        "sources": [
            {"title": "Official readouts, news agencies and research: see the sources resource"}
        ],
        "resources": resources,
        "steppewatch": {
            "dataset": store.get_meta("dataset") or study.dataset,
            "dataset_version": dataset_version,
            "codebook_version": store.get_meta("codebook_version") or codebook.version,
            "study": study.id,
            # the database's own values (null where unset), as a report read from this
            # export's Parquet files shows them (steppewatch report --from-parquet)
            "store_meta": {key: store.get_meta(key) for key in STORE_META},
            "filters": describe_filter(filters),
            "exported_at": stamp.isoformat().replace("+00:00", "Z"),
            "tool": "steppewatch",
            "tool_version": __version__,
            "rows": dict(result.counts),
            "formats": list(formats),
            "files": others,
            **({"event_url": f"{base_url.rstrip('/')}/events/{{id}}"} if base_url else {}),
        },
    }


__all__ = ["ExportResult", "FORMATS", "describe_filter", "export_package", "parse_formats"]
