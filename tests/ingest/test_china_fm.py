"""Real pages, real extractor and the default coder: a few saved MFA pages (../shared) into a
database holding the bundled curated dataset. Skips when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from steppewatch.ingest import Ingestor
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store

# An English and a Chinese transcript reporting the same COVID-19 aid to Central Asia in March
# 2020, a second English one, and a Chinese transcript about a bundled (curated) 2017 meeting.
PAGES = ("0d757e40b7381865", "1250daae15daaeef", "8b8de5f1d4ea565a", "1d1fdc1624fd970d")


@pytest.fixture
def pages(china_fm_dir: Path, tmp_path: Path) -> list[Path]:
    found = [china_fm_dir / f"{p}.html" for p in PAGES]
    if not all(p.is_file() for p in found):
        pytest.skip("the chosen china_fm pages are not in ../shared")
    return found


def test_saved_pages_link_into_events_with_sources(pages: list[Path], tmp_path: Path) -> None:
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    store = open_store(f"sqlite:///{tmp_path / 'fm.db'}")
    load_bundled_dataset(store, load_study(None))
    curated_before = {e.id: e for e in store.list_events(EventFilter.make(statuses=["curated"]))}
    ingestor = Ingestor(store, archive=Archive(tmp_path / "archive"))
    summary = ingestor.ingest(iter_documents(pages))
    assert summary.new == 4 and summary.failed == 0 and summary.relevant_items >= 3
    assert summary.events_created >= 1 and summary.sources_added >= 2

    ingested = {}
    for event in store.list_events():
        ids = [s.document_id for s in event.sources if s.document_id]
        if ids:
            ingested[event.id] = (event, ids)
    # some event is reported by several of these pages (in English and Chinese)
    multi = [e for e, ids in ingested.values() if len(set(ids)) >= 2]
    assert multi, "no event got two sources"
    assert {s.language for s in multi[0].sources if s.document_id} >= {"en", "zh"}
    # a bundled curated event gained the page as a source, its own fields untouched
    grown = [e for e, _ in ingested.values() if e.review_status == "curated"]
    assert grown
    for event in grown:
        before = curated_before[event.id]
        assert event.title == before.title and event.topics == before.topics
        assert event.sources[: len(before.sources)] == before.sources
    machine = store.list_events(EventFilter.make(statuses=["machine"]))
    assert machine and all(e.coder and e.codebook_version for e in machine)

    again = Ingestor(store, archive=Archive(tmp_path / "archive")).ingest(iter_documents(pages))
    assert again.unchanged == 4 and again.new == 0
