"""Collect documents from local files and folders (HTML, TXT, PDF, DOCX; WARC files too).

A folder is walked recursively in sorted order (so runs are deterministic). If the folder or its
parent holds an ``index.csv`` with columns ``id`` (file stem) or ``path``, and ``url`` (and
optionally ``retrieved_at``), as the shared china_fm corpus does, each file gets its original URL
and retrieval time; otherwise the URL is the file's ``file://`` URI.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from steppewatch.sources.raw import RawDocument, publisher_for

__all__ = ["DOCUMENT_SUFFIXES", "iter_files", "read_index", "iter_path"]

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


def read_index(folder: Path) -> dict[str, dict[str, str]]:
    """Map file stem (or relative path) -> row of an ``index.csv`` in ``folder`` or its parent."""
    for candidate in (folder / "index.csv", folder.parent / "index.csv"):
        if candidate.is_file():
            with candidate.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or "url" not in reader.fieldnames:
                    continue
                key = "id" if "id" in reader.fieldnames else "path"
                if key not in reader.fieldnames:
                    continue
                return {row[key]: row for row in reader if row.get(key)}
    return {}


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


def read_file(path: Path, index: dict[str, dict[str, str]] | None = None) -> RawDocument:
    row = (index or {}).get(path.stem) or (index or {}).get(path.name) or {}
    url = row.get("url") or path.absolute().as_uri()
    return RawDocument(
        data=path.read_bytes(),
        url=url,
        source_path=str(path),
        content_type=DOCUMENT_SUFFIXES.get(path.suffix.lower()),
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
