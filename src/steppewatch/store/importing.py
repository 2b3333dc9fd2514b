"""Import a file of events into the store: validate all, report all bad rows, keep the good.

The good rows are written in one transaction, so an import interrupted at any moment (even by
SIGKILL) leaves the database holding the whole batch or none of it. Re-importing the same file
changes nothing: events are matched by id and compared by content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from steppewatch.codebook import load_codebook
from steppewatch.errors import ValidationIssue
from steppewatch.models import Study
from steppewatch.store.dataset_io import read_events
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.store import Store, WriteCounts


@dataclass
class ImportReport:
    path: str
    rows: int = 0
    valid: int = 0
    counts: WriteCounts = field(default_factory=WriteCounts)
    issues: list[ValidationIssue] = field(default_factory=list)

    @property
    def rejected_lines(self) -> list[int]:
        return sorted(
            {
                i.line
                for i in self.issues
                if i.line is not None and i.type not in ("bad-source", "extra-column")
            }
        )


def import_events(
    store: Store,
    path: str | Path,
    *,
    sources_path: str | Path | None = None,
    review_status: str = "curated",
    dataset_version: str | None = None,
    replace_reviewed: bool = False,
    progress: Callable[[int], None] | None = None,
    audit: AuditNote | None = None,
) -> ImportReport:
    """Read, validate and store a file of events. ``audit`` names who imports (each event
    written is logged; default actor ``steppewatch import``, action ``import``, target the file name)."""
    path = Path(path)
    if sources_path is None and path.suffix.lower() == ".csv":
        sibling = path.with_name("sources.csv")
        if path.name == "events.csv" and sibling.is_file():
            sources_path = sibling
    codebook = load_codebook()
    defaults = {
        "review_status": review_status,
        "codebook_version": codebook.version,
        "dataset_version": dataset_version,
    }
    result = read_events(path, sources_path=sources_path, codebook=codebook, defaults=defaults)
    report = ImportReport(
        path=str(path), rows=result.rows, valid=len(result.events), issues=result.issues
    )
    if result.events:
        note = audit or AuditNote(
            actor="steppewatch import", action="import", target=f"file:{path.name}"
        )
        report.counts = store.add_events(
            result.events, replace_reviewed=replace_reviewed, progress=progress, audit=note
        )
    return report


def load_bundled_dataset(
    store: Store, study: Study, *, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Load the study's shipped dataset (events.csv + sources.csv) and record its version."""
    from steppewatch.study import dataset_dir

    folder = dataset_dir(study)
    report = import_events(
        store,
        folder / "events.csv",
        sources_path=folder / "sources.csv",
        dataset_version=study.dataset_version,
        progress=progress,
        audit=AuditNote(
            actor="steppewatch init",
            action="dataset_load",
            target=f"dataset:{study.dataset or study.id}@{study.dataset_version or ''}",
        ),
    )
    store.set_meta("dataset", study.dataset or "")
    store.set_meta("dataset_version", study.dataset_version or "")
    store.set_meta("codebook_version", load_codebook().version)
    store.set_meta("study", study.id)
    return report
