"""The content-addressed archive beside the database: every collected byte kept as served.

Layout: ``<root>/<sha[:2]>/<sha>`` holds the raw bytes and ``<sha>.json`` their metadata (URL,
source path, retrieval time, HTTP headers). Same bytes, same id: putting them again is a no-op
reported as ``new=False``. Files are written to a temporary name and renamed (fsynced too with
``fsync=True``, against power loss), so a killed process leaves either the whole file or none (a leftover ``.tmp`` is ignored and overwritten).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from steppewatch.sources.raw import RawDocument

__all__ = ["Archive", "ArchivedCopy", "archive_dir_for"]


@dataclass(frozen=True)
class ArchivedCopy:
    sha256: str
    path: Path
    new: bool


def archive_dir_for(db_url: str) -> Path:
    """``<folder of the SQLite file>/archive``; for PostgreSQL, ``./archive``."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().parent / "archive"
    return Path("archive").resolve()


class Archive:
    def __init__(self, root: str | Path, *, fsync: bool = False) -> None:
        self.root = Path(root)
        self.fsync = fsync
        self._folders: set[str] = set()  # shard folders known to exist

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put(self, document: RawDocument, sha256: str | None = None) -> ArchivedCopy:
        digest = sha256 or hashlib.sha256(document.data).hexdigest()
        path = self.path_of(digest)
        meta_path = path.with_name(f"{digest}.json")
        new = not (path.is_file() and meta_path.is_file())
        if new:
            if path.parent.name not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent.name)
            self._write(path, document.data)
            meta: dict[str, Any] = {
                "sha256": digest,
                "bytes": len(document.data),
                "url": document.url,
                "source_path": document.source_path,
                "retrieved": document.retrieved,
                "content_type": document.content_type,
                "headers": document.headers,
            }
            self._write(meta_path, json.dumps(meta, ensure_ascii=False, indent=1).encode())
        return ArchivedCopy(digest, path, new)

    def _write(self, path: Path, data: bytes) -> None:
        """Write to ``.<name>.<pid>.tmp`` in the same folder, then rename over ``path``: a killed
        process leaves the whole file or none. The names are content addresses, so one process
        is the only writer of its temporary name (no random name needed, unlike mkstemp)."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                if self.fsync:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def get(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()

    def metadata(self, sha256: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            self.path_of(sha256).with_name(f"{sha256}.json").read_text()
        )
        return data
