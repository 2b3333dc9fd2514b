"""Real pages, real extractor and the default coder: a few saved MFA pages (../shared) into a
database holding the bundled curated dataset. Skips when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from steppewatch.ingest import Ingestor
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store
from steppewatch.store.document_tables import coded_items, suggestions

# English and Chinese transcripts of March 2020 about aid to Central Asia, and a Chinese
# transcript of June 2017 about a meeting in the bundled (curated) dataset.
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
    # what the coder finds changes as the coder improves; what linking does with it must not
    assert summary.new == 4 and summary.failed == 0 and summary.relevant_items >= 1
    assert summary.events_created + summary.sources_added + summary.suggestions >= 1

    with store.engine.connect() as conn:
        linked = list(
            conn.execute(
                select(coded_items.c.document_id, coded_items.c.event_id).where(
                    coded_items.c.event_id.is_not(None)
                )
            )
        )
    assert linked
    with store.engine.connect() as conn:
        suggested = {(r.document_id, r.event_id) for r in conn.execute(select(suggestions))}
    for document_id, event_id in linked:
        event = store.get_event(event_id)
        if event.review_status == "curated":  # never written by ingest: suggestions instead
            assert event == curated_before[event.id]
            assert (document_id, event_id) in suggested
        else:  # every linked item's document is a source of its machine event
            assert document_id in {s.document_id for s in event.sources}
            assert event.review_status == "machine" and event.coder and event.codebook_version

    again = Ingestor(store, archive=Archive(tmp_path / "archive")).ingest(iter_documents(pages))
    assert again.unchanged == 4 and again.new == 0
