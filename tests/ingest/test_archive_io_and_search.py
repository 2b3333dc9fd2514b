"""Archive writes on one core (inline) and on several (a writer thread) keep the same guarantee:
a failed write stops the batch before its commit. And after ingest, the documents linked to
events are found by the explorer's document search (SQLite ``documents_fts``), the others not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

import steppewatch.ingest.pipeline as pipeline
from steppewatch.errors import StoreError
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store.document_tables import documents
from tests.ingest.test_pipeline import (
    IRRELEVANT,
    RU_MEETING,
    TJ_EXERCISE,
    ZH_MEETING,
    make_ingestor,
    write,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, body in (
        ("a_zh.txt", ZH_MEETING),
        ("b_ru.txt", RU_MEETING),
        ("c_tj.txt", TJ_EXERCISE),
        ("d_irrelevant.txt", IRRELEVANT),
    ):
        write(folder, name, body)
    return folder


class BrokenArchive(Archive):
    def put(self, document: Any, sha256: str | None = None) -> Any:
        raise OSError("disk full")


@pytest.mark.parametrize("cpus", [1, 2])
def test_archive_write_failure_commits_nothing(
    cpus: int, sqlite_url: str, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_usable_cpus", lambda: cpus)
    ingestor = make_ingestor(sqlite_url, tmp_path)
    ingestor.archive = BrokenArchive(tmp_path / "broken")
    with pytest.raises(StoreError, match=r"\[SW368\].*disk full"):  # coded, not a raw OSError
        ingestor.ingest(iter_documents([corpus]))
    with ingestor.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == 0


@pytest.mark.parametrize("cpus", [1, 2])
def test_archive_written_and_linked_documents_searchable(
    cpus: int, sqlite_url: str, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_usable_cpus", lambda: cpus)
    ingestor = make_ingestor(sqlite_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus]))
    assert summary.new == 4
    query = text(
        "SELECT source_path FROM documents WHERE rowid IN "
        "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q)"
    )
    with ingestor.store.engine.connect() as conn:
        for row in conn.execute(select(documents.c.archive_path)):
            assert Path(row.archive_path).is_file()
        found = lambda q: {Path(p).name for p in conn.execute(query, {"q": q}).scalars()}  # noqa: E731
        assert found('"三股势力"') == {"a_zh.txt"}
        assert found('"экстремизмом"') == {"b_ru.txt"}
        # the irrelevant page is stored but linked to no event: no search can reach it
        assert found('"南海问题"') == set()
