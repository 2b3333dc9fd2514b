"""What a user names (files, folders, WARC files, a file listing paths) -> ordered partitions.

The order of the inputs is the order ``steppewatch ingest`` reads them (``sources.files``): the
sources as given, each folder depth first in name order. Consecutive document files are grouped
``partition_size`` to a partition; a WARC file (which may hold thousands of records) is a
partition of its own. A partition's id is derived from its inputs and their positions, so the
same inputs give the same partitions in every run: that is what the manifest's resume relies on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from steppewatch.errors import InputError

if TYPE_CHECKING:
    from steppewatch.sources.raw import CollectFailure, RawDocument

__all__ = ["InputFile", "Partition", "expand_inputs", "make_partitions", "read_path_list"]

DEFAULT_PARTITION_SIZE = 100


@dataclass(frozen=True)
class InputFile:
    """One input file: its position in the run's input order, path, size and mtime."""

    index: int
    path: str
    size: int
    mtime_ns: int
    root: str  # the source named that holds it: index.csv files are looked up to its parent

    def fingerprint(self) -> dict[str, object]:
        return {
            "index": self.index,
            "path": self.path,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
        }


@dataclass(frozen=True)
class Partition:
    """Consecutive inputs coded together by one task."""

    id: str
    inputs: tuple[InputFile, ...]


def read_path_list(list_file: Path) -> list[str]:
    """Paths from a text file, one a line; blank lines and lines starting with # are skipped.
    A relative path is taken relative to the list file's folder."""
    try:
        lines = list_file.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(
            f"{list_file}: cannot read the list of inputs ({error.strerror})",
            hint="give a text file with one path a line",
            code="SW900",
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            f"{list_file}: the list of inputs is not UTF-8 text",
            hint="give a text file with one path a line",
            code="SW900",
        ) from None
    paths = []
    for line in lines:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        path = Path(entry)
        paths.append(str(path if path.is_absolute() else list_file.parent / path))
    return paths


def expand_inputs(sources: Iterable[str]) -> list[InputFile]:
    """Every input file under ``sources`` in ingest's order (a missing path: SW901)."""
    from steppewatch.sources.files import iter_path

    found: list[InputFile] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise InputError(
                f"{source}: no such file or folder",
                hint="check the path (URLs are read by the local engine only)",
                code="SW901",
            )
        for file in iter_path(path):
            try:
                stat = file.stat()
            except OSError:
                size, mtime = -1, 0  # unreadable: the partition records the failure
            else:
                size, mtime = stat.st_size, stat.st_mtime_ns
            found.append(InputFile(len(found), str(file), size, mtime, str(path)))
    return found


def make_partitions(
    inputs: list[InputFile], partition_size: int = DEFAULT_PARTITION_SIZE
) -> list[Partition]:
    """Consecutive document files ``partition_size`` at a time; each WARC file alone."""
    from steppewatch.sources.files import is_warc

    if partition_size < 1:
        raise InputError("the partition size must be at least 1", code="SW902")
    partitions: list[Partition] = []
    group: list[InputFile] = []

    def close() -> None:
        if group:
            partitions.append(_partition(group))
            group.clear()

    for item in inputs:
        if is_warc(Path(item.path)):
            close()
            group.append(item)
            close()
            continue
        group.append(item)
        if len(group) >= partition_size:
            close()
    close()
    return partitions


def _partition(group: list[InputFile]) -> Partition:
    digest = hashlib.sha256()
    for item in group:
        digest.update(f"{item.index}\t{item.path}\n".encode())
    return Partition(f"{group[0].index:09d}-{digest.hexdigest()[:12]}", tuple(group))


def iter_documents_of(
    partition: Partition,
) -> Iterator[tuple[InputFile, int, RawDocument | CollectFailure]]:
    """(input, record number, RawDocument or CollectFailure) for every document of a partition,
    read as ``steppewatch ingest`` reads them (index.csv beside a file, WARC records)."""
    from steppewatch.errors import ExtractionError
    from steppewatch.extract.formats import check_size
    from steppewatch.sources.files import SidecarIndex, is_warc, read_file
    from steppewatch.sources.raw import CollectFailure  # noqa: F811 - at run time
    from steppewatch.sources.warc import iter_warc

    indexes: dict[str, SidecarIndex] = {}
    for item in partition.inputs:
        path = Path(item.path)
        if is_warc(path):
            for record, found in enumerate(iter_warc(path)):
                yield item, record, found
            continue
        index = indexes.get(item.root)
        if index is None:
            index = indexes[item.root] = SidecarIndex(Path(item.root))
        try:
            check_size(path.stat().st_size, str(path))
            yield item, 0, read_file(path, index)
        except ExtractionError as error:
            yield item, 0, CollectFailure(str(path), "too-large", str(error))
        except OSError as error:
            yield item, 0, CollectFailure(str(path), "unreadable", f"{path}: {error.strerror}")
