"""Issue 11, "done when": ``init`` then ``ingest`` of ALL of ../shared/corpora/china_fm leaves
the bundled curated events byte for byte as they were (events, sources and codes rows), only an
accepted suggestion changes one, and the report cites no ``file://`` URL. Slow (the whole
corpus, ~1,200 pages, and a report: about a minute on one core); skips without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from steppewatch.ingest import Ingestor
from steppewatch.review.actions import accept_suggestion
from steppewatch.review.audit import list_audit
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, Store, open_store
from steppewatch.store.document_tables import documents, suggestions
from steppewatch.store.importing import load_bundled_dataset
from steppewatch.store.tables import event_codes, events, sources
from steppewatch.study import load_study

pytestmark = pytest.mark.slow


def dump(store: Store, ids: set[str]) -> dict[str, list[str]]:
    """Every stored row of these events (events, sources, event_codes), as JSON, by event id."""
    rows: dict[str, list[str]] = {i: [] for i in ids}
    with store.engine.connect() as conn:
        for table, key, order in (
            (events, events.c.id, (events.c.id,)),
            (sources, sources.c.event_id, (sources.c.event_id, sources.c.position)),
            (event_codes, event_codes.c.event_id, (event_codes.c.event_id, event_codes.c.facet, event_codes.c.code)),
        ):  # fmt: skip
            for row in conn.execute(select(table).order_by(*order)):
                data = dict(row._mapping)
                event_id = data[key.name]
                if event_id in rows:
                    rows[event_id].append(
                        table.name + json.dumps(data, sort_keys=True, default=str)
                    )
    return rows


def test_ingest_of_all_china_fm_leaves_curated_events_byte_for_byte(
    china_fm_dir: Path, tmp_path: Path
) -> None:
    corpus = china_fm_dir.parent  # the folder holding pages/ and index.csv
    store = open_store(f"sqlite:///{tmp_path / 'full.db'}")
    load_bundled_dataset(store, load_study(None))
    curated = {e.id for e in store.list_events(EventFilter(statuses=("curated",)))}
    assert len(curated) == 525
    before = dump(store, curated)

    summary = Ingestor(store, archive=Archive(tmp_path / "archive")).ingest(
        iter_documents([corpus])
    )
    assert summary.seen == summary.new == len(list(china_fm_dir.iterdir()))
    assert summary.failed == 0
    assert dump(store, curated) == before  # nothing ingest does touches a curated event
    assert {e.action for e in list_audit(store, limit=10_000)} <= {
        "dataset_load", "ingest_create", "ingest_update",
    }  # fmt: skip
    with store.engine.connect() as conn:
        urls = list(conn.execute(select(documents.c.url)).scalars())
        offered = list(conn.execute(select(suggestions).where(suggestions.c.field == "sources")))
    assert urls and all(u and u.startswith("https://") for u in urls)

    # only an accepted suggestion changes a curated event, and it is logged
    if offered:
        first = offered[0]
        accept_suggestion(store, first.id, "alice")
        after = dump(store, curated)
        assert {i for i in curated if after[i] != before[i]} == {first.event_id}
        assert list_audit(store, event_id=first.event_id)[0].action == "suggestion_accept"

    from steppewatch.report.build import build_report

    out = tmp_path / "report"
    build_report(
        out,
        store=store,
        filters=EventFilter(statuses=("curated", "accepted", "edited", "machine")),
    )
    for path in out.rglob("*"):
        if path.suffix in (".html", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert "file:" not in text, path
            assert str(tmp_path) not in text and str(china_fm_dir) not in text, path
