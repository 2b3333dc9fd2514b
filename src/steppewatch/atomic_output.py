"""Output that is complete or absent: write to a temporary name, then rename.

A disk that fills, a killed process or a bug halfway through must never leave a file or a
report folder that looks finished but is not. For every command that writes files (``report``
today; ``export`` and ``release`` when they come):

- ``atomic_file(path)``: a file handle on a temporary file beside ``path``; on success it is
  flushed, fsynced and renamed over ``path`` (``os.replace`` is atomic); on any error the
  temporary file is removed and ``path`` keeps its old content, or stays absent.
- ``staged_folder(out)``: a temporary folder inside ``out`` to write a whole set of files in;
  on success each top-level entry replaces its namesake in ``out`` (folders whole; the entry
  named ``last``, e.g. ``index.html``, after all the others), and whatever ``out`` held besides
  is left alone; on error the staging folder is removed and ``out`` is as it was (or, if this
  call created it, gone).
- ``write_error(error, where)``: the one-line reason for a failed write (disk full, permission).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["atomic_file", "staged_folder", "write_error", "STAGING_PREFIX"]

STAGING_PREFIX = ".steppewatch-staging-"


@contextmanager
def atomic_file(path: str | Path, *, fsync: bool = True) -> Iterator[IO[bytes]]:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def staged_folder(out: str | Path, *, last: str | None = None) -> Iterator[Path]:
    folder = Path(out)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=folder, prefix=STAGING_PREFIX))
    try:
        yield stage
        _publish(stage, folder, last)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(stage, ignore_errors=True)


def _publish(stage: Path, folder: Path, last: str | None) -> None:
    """Move the staged entries into ``folder``: renames only, which need no free space."""
    trash = stage / ".replaced"
    entries = sorted(
        (p for p in stage.iterdir() if p.name != trash.name),
        key=lambda p: (p.name == last, not p.is_dir(), p.name),
    )
    for entry in entries:
        target = folder / entry.name
        if entry.is_dir() and target.exists():
            trash.mkdir(exist_ok=True)
            os.replace(target, trash / entry.name)
        os.replace(entry, target)


def write_error(error: OSError, where: str | Path) -> str:
    """``disk full`` / ``permission denied`` ... for a failed write to ``where``."""
    if error.errno == errno.ENOSPC:
        return f"the disk holding {where} is full"
    return f"cannot write to {where}: {error.strerror or error}"
