"""Collect documents from local files and folders (HTML, TXT, PDF, DOCX; WARC files too).

A folder is walked recursively in sorted order (so runs are deterministic). A document keeps its
real web address, never a local path. It comes from, in order:

1. a sidecar ``index.csv`` beside the file or in a folder above it (up to the parent of the
   folder named), with columns ``id`` (file stem) or ``path`` (relative to the index), and
   ``url`` (optionally ``retrieved_at``, ``lang_hint``), as the shared china_fm corpus has;
2. the page itself: ``<link rel="canonical">``, else ``<meta property="og:url">``
   (``sources.page_url``);
3. for a WARC record, its ``WARC-Target-URI`` (``sources.warc``).

A file with none of these has no URL (``None``): it is stored and cited as a local document,
by its content hash, and its path stays only in the archive's metadata (``source_path``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from steppewatch.sources.page_url import page_url, web_url
from steppewatch.sources.raw import RawDocument, publisher_for

__all__ = ["DOCUMENT_SUFFIXES", "SidecarIndex", "iter_files", "read_index", "iter_path"]

DOCUMENT_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _read_csv_index(candidate: Path) -> dict[str, dict[str, str]] | None:
    try:
        with candidate.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "url" not in reader.fieldnames:
                return None
            key = "id" if "id" in reader.fieldnames else "path"
            if key not in reader.fieldnames:
                return None
            return {row[key]: row for row in reader if row.get(key)}
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def read_index(folder: Path) -> dict[str, dict[str, str]]:
    """Map file stem (or relative path) -> row of an ``index.csv`` in ``folder`` or its parent."""
    for candidate in (folder / "index.csv", folder.parent / "index.csv"):
        if candidate.is_file():
            found = _read_csv_index(candidate)
            if found is not None:
                return found
    return {}


class SidecarIndex:
    """The ``index.csv`` rows for files under ``root``: each file is looked up in the index
    beside it, then in each folder above it up to the parent of ``root`` (each index read
    once)."""

    def __init__(self, root: Path) -> None:
        root = root.absolute()
        folder = root if root.is_dir() else root.parent
        self.stop = folder.parent
        self._indexes: dict[Path, dict[str, dict[str, str]] | None] = {}

    def _index(self, folder: Path) -> dict[str, dict[str, str]] | None:
        if folder not in self._indexes:
            candidate = folder / "index.csv"
            self._indexes[folder] = _read_csv_index(candidate) if candidate.is_file() else None
        return self._indexes[folder]

    def row(self, path: Path) -> dict[str, str]:
        path = path.absolute()
        folder = path.parent
        while True:
            index = self._index(folder)
            if index:
                relative = path.relative_to(folder).as_posix()
                found = index.get(path.stem) or index.get(relative) or index.get(path.name)
                if found:
                    return found
            if folder == self.stop or folder.parent == folder:
                return {}
            folder = folder.parent


def iter_files(folder: Path) -> Iterator[Path]:
    """Document files under ``folder``, depth first in name order, hidden entries skipped
    (``os.scandir``: no extra ``stat`` per file)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from iter_files(Path(entry.path))
        elif entry.is_file() and entry.name != "index.csv":
            path = Path(entry.path)
            if path.suffix.lower() in DOCUMENT_SUFFIXES or is_warc(path):
                yield path


def _mtime(path: Path) -> str:
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return stamp.isoformat(timespec="seconds")


def read_file(
    path: Path, index: dict[str, dict[str, str]] | SidecarIndex | None = None
) -> RawDocument:
    if isinstance(index, SidecarIndex):
        row = index.row(path)
    else:
        row = (index or {}).get(path.stem) or (index or {}).get(path.name) or {}
    data = path.read_bytes()
    content_type = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    url = web_url(row.get("url"))
    if url is None and content_type == "text/html":
        url = page_url(data)
    return RawDocument(
        data=data,
        url=url,
        source_path=str(path),
        content_type=content_type,
        retrieved=row.get("retrieved_at") or row.get("retrieved") or _mtime(path),
        publisher=publisher_for(url),
        language_hint=row.get("lang_hint") or None,
    )


def iter_path(path: Path) -> Iterator[Path]:
    """The document files under ``path`` (a file is itself)."""
    if path.is_dir():
        yield from iter_files(path)
    else:
        yield path
