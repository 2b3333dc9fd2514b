"""``build_release``: an immutable, versioned release of the dataset in one folder.

    DIR/
      release.json      version, release date, previous release, counts, versions, tool
      CHANGELOG.md      events added, changed (which fields) and removed since the previous
                        release, then the dataset's own changelog when it ships one
      data/             the data package (CSV + datapackage.json, events.jsonl, Parquet,
                        sources.bib), as ``steppewatch export`` writes it, of the events the
                        report analyses: curated, accepted and edited (not machine suggestions
                        awaiting review, nor rejected events)
      report/           the HTML report with its charts and tables
      codebook.md       the codebook manual
      SHA256SUMS        the SHA-256 of every other file (``sha256sum -c SHA256SUMS`` checks it)

Reproducible: nothing in the content comes from the clock. The release date is ``date`` or
the first day of the month the dataset version names (``2026.12`` -> 2026-12-01), the export time
is that date, and charts are written without creation dates (``SOURCE_DATE_EPOCH`` is set to it
while they are drawn). A second release of unchanged data is therefore identical byte for byte.

Immutable and atomic: the folder must not exist; everything is written to a hidden sibling
(``.NAME.partial-PID``) that is renamed to DIR only when complete, so an interrupted release
leaves no folder that looks finished. The previous release is ``previous``, or else the newest
folder beside DIR holding a ``release.json`` (by release date, then version).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from steppewatch import __version__
from steppewatch.errors import ExportError
from steppewatch.export.package import export_package, sha256_file
from steppewatch.store import Store

RELEASE_FORMATS = ("csv", "jsonl", "parquet", "bibtex")
MANIFEST = "release.json"
CHECKSUMS = "SHA256SUMS"
# The version of the dataset an event was loaded from changes with every dataset version:
# a change there alone is not a change of the event.
NOT_COMPARED = frozenset({"dataset_version"})
_VERSION_DATE = re.compile(r"^(\d{4})[.\-](\d{1,2})(?:[.\-](\d{1,2}))?")


@dataclass
class ReleaseChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> changed field names

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class ReleaseResult:
    folder: Path
    version: str
    date: dt.date
    previous: Path | None
    changes: ReleaseChanges
    files: list[str]


def release_date(version: str | None, given: dt.date | None) -> dt.date:
    if given is not None:
        return given
    match = _VERSION_DATE.match(version or "")
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise ExportError(
        f"cannot tell the release date from the dataset version '{version or ''}'",
        hint="give --date YYYY-MM-DD (a release takes no date from the clock)",
        code="SW661",
    )


def find_previous(out: Path) -> Path | None:
    """The newest release beside ``out`` (by the date in its release.json, then version)."""
    parent = out.parent
    if not parent.is_dir():
        return None
    found: list[tuple[str, str, str, Path]] = []
    for folder in parent.iterdir():
        manifest = folder / MANIFEST
        if (
            folder.name.startswith(".")
            or folder.resolve() == out.resolve()
            or not manifest.is_file()
        ):
            continue
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.append((str(data.get("date", "")), str(data.get("version", "")), folder.name, folder))
    return max(found)[3] if found else None


def _read_events(release: Path) -> dict[str, dict[str, Any]]:
    path = release / "data" / "events.jsonl"
    if not path.is_file():
        raise ExportError(
            f"{release} is not a steppewatch release: {path} is missing",
            hint="give --previous a folder made by 'steppewatch release', or --no-previous",
            code="SW662",
        )
    events: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                events[record["id"]] = record
    return events


def compare_releases(old: dict[str, dict[str, Any]], new_path: Path) -> ReleaseChanges:
    """Events added, removed and changed (with the fields that differ, ``dataset_version``
    aside) from ``old`` to the events.jsonl at ``new_path``, read line by line."""
    changes = ReleaseChanges()
    seen: set[str] = set()
    with new_path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            event_id = record["id"]
            seen.add(event_id)
            before = old.get(event_id)
            if before is None:
                changes.added.append(event_id)
            else:
                keys = sorted((set(before) | set(record)) - NOT_COMPARED)
                fields = [k for k in keys if before.get(k) != record.get(k)]
                if fields:
                    changes.changed[event_id] = fields
    changes.removed = sorted(set(old) - seen)
    changes.added.sort()
    return changes


def _titles(path: Path, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    if not ids or not path.is_file():
        return out
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if record["id"] in ids:
                    out[record["id"]] = record.get("title", "")
    return out


def _md(text: str) -> str:
    """Text safe inside a Markdown list item (no markup, one line)."""
    text = " ".join(str(text).split())
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def changelog_text(
    version: str,
    date: dt.date,
    previous: dict[str, Any] | None,
    changes: ReleaseChanges,
    titles: dict[str, str],
    dataset_changelog: str | None,
) -> str:
    lines = [f"# Changelog of release {version}", "", f"Released {date.isoformat()}.", ""]
    if previous is None:
        lines += ["No previous release: every event is new in this one.", ""]
    else:
        lines += [
            f"Compared with release {previous.get('version')} of {previous.get('date')}: "
            f"{_n(len(changes.added), 'event')} added, {len(changes.changed)} changed, "
            f"{len(changes.removed)} removed.",
            "",
        ]
        for heading, ids in (("Added", changes.added), ("Removed", changes.removed)):
            lines += [f"## {heading} ({len(ids)})", ""]
            lines += [f"- `{i}` {_md(titles.get(i, ''))}".rstrip() for i in ids] or ["None."]
            lines.append("")
        lines += [f"## Changed ({len(changes.changed)})", ""]
        lines += [
            f"- `{i}` {_md(titles.get(i, ''))} (fields: {', '.join(fields)})".replace("  ", " ")
            for i, fields in sorted(changes.changed.items())
        ] or ["None."]
        lines.append("")
    if dataset_changelog:
        lines += ["---", "", dataset_changelog.strip(), ""]
    return "\n".join(lines)


def _dataset_changelog(store: Store, study: Any) -> str | None:
    """The changelog shipped with the study's dataset, when the database holds that dataset."""
    from steppewatch.errors import InputError
    from steppewatch.study import dataset_dir

    try:
        path = dataset_dir(study) / "CHANGELOG.md"
    except InputError:
        return None
    if not path.is_file() or (store.get_meta("dataset") or "") != (study.dataset or ""):
        return None
    return path.read_text(encoding="utf-8")


@contextmanager
def _reproducible(date: dt.date) -> Iterator[None]:
    """Charts drawn without the clock: SOURCE_DATE_EPOCH (read by matplotlib for SVG and PDF
    dates) set to the release date while the report is built."""
    epoch = str(int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp()))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def write_checksums(folder: Path) -> list[str]:
    files = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != CHECKSUMS
    )
    lines = [f"{sha256_file(folder / name)}  {name}\n" for name in files]
    (folder / CHECKSUMS).write_text("".join(lines), encoding="utf-8", newline="\n")
    return files


def build_release(
    out: str | Path,
    *,
    store: Store,
    previous: str | Path | None = None,
    find_previous_release: bool = True,
    date: dt.date | None = None,
    version: str | None = None,
    study: Any = None,
    with_report: bool = True,
) -> ReleaseResult:
    """Build the release folder ``out`` from ``store`` (see the module docstring)."""
    from steppewatch.codebook import load_codebook
    from steppewatch.codebook.manual import render_manual
    from steppewatch.study import load_study

    out = Path(out)
    if out.exists():
        raise ExportError(
            f"{out} already exists; a release is never overwritten",
            hint="give --out a new folder, e.g. releases/<version>",
            code="SW660",
        )
    study = study or load_study()
    codebook = load_codebook()
    version = version or store.get_meta("dataset_version") or study.dataset_version
    if not version:
        raise ExportError(
            "the database records no dataset version", hint="give --version", code="SW665"
        )
    when = release_date(version, date)
    previous_path = (
        Path(previous) if previous else (find_previous(out) if find_previous_release else None)
    )
    old_events = _read_events(previous_path) if previous_path else None
    old_manifest = (
        json.loads((previous_path / MANIFEST).read_text(encoding="utf-8"))
        if previous_path and (previous_path / MANIFEST).is_file()
        else ({"version": previous_path.name, "date": "?"} if previous_path else None)
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create {out.parent}: {error.strerror}", code="SW663") from None
    work = out.parent / f".{out.name}.partial-{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    try:
        stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
        from steppewatch.report import DEFAULT_STATUSES
        from steppewatch.store import EventFilter

        package = export_package(
            work / "data",
            store=store,
            filters=EventFilter(statuses=DEFAULT_STATUSES),
            formats=RELEASE_FORMATS,
            exported_at=stamp,
            codebook=codebook,
            study=study,
        )
        if with_report:
            from steppewatch.report import build_report

            with _reproducible(when):
                build_report(work / "report", store=store, study=study)
        (work / "codebook.md").write_text(render_manual(codebook), encoding="utf-8")
        events_path = work / "data" / "events.jsonl"
        changes = compare_releases(old_events or {}, events_path)
        wanted = set(changes.added) | set(changes.changed)
        titles = _titles(events_path, wanted) if old_events is not None else {}
        titles.update(
            {k: v.get("title", "") for k, v in (old_events or {}).items() if k in changes.removed}
        )
        dataset_log = _dataset_changelog(store, study)
        (work / "CHANGELOG.md").write_text(
            changelog_text(
                version,
                when,
                old_manifest if old_events is not None else None,
                changes,
                titles,
                dataset_log,
            ),
            encoding="utf-8",
        )
        manifest = {
            "name": f"steppewatch-{study.id.replace('_', '-')}",
            "version": version,
            "date": when.isoformat(),
            "previous": (
                {"version": old_manifest.get("version"), "date": old_manifest.get("date")}
                if old_manifest
                else None
            ),
            "dataset": store.get_meta("dataset") or study.dataset,
            "dataset_version": store.get_meta("dataset_version") or study.dataset_version,
            "codebook_version": codebook.version,
            "tool": "steppewatch",
            "tool_version": __version__,
            "rows": package.counts,
            "changes": {
                "added": len(changes.added),
                "changed": len(changes.changed),
                "removed": len(changes.removed),
            },
        }
        (work / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        files = write_checksums(work)
        if out.exists():  # made meanwhile: rename would replace an empty folder
            raise ExportError(f"{out} appeared while the release was built", code="SW660")
        os.rename(work, out)  # atomic on one file system
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return ReleaseResult(out, version, when, previous_path, changes, [*files, CHECKSUMS])


__all__ = [
    "ReleaseChanges",
    "ReleaseResult",
    "build_release",
    "changelog_text",
    "compare_releases",
    "find_previous",
    "release_date",
    "write_checksums",
]
