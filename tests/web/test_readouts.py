"""Issue 11.10: paired readouts, sides decided by the publisher table, for curated events and
ingested documents alike; a local document is never shown as a path or a link."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.factories import make_event

from steppewatch.models import Event, Source
from steppewatch.store import open_store
from steppewatch.store.importing import load_bundled_dataset
from steppewatch.study import load_study
from steppewatch.web.readouts import event_evidence


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('readouts') / 'b.db'}")
    load_bundled_dataset(store, load_study(None))
    yield store
    store.close()


@pytest.mark.parametrize(
    ("event_id", "sides"),
    [
        ("2025-06-16-meeting-cn-kz-1", ["CN", "KZ"]),  # Global Times (via PRBuzz), Kazinform
        ("2025-07-16-meeting-cn-tj-1", ["CN", "TJ"]),  # People's Daily, Trend citing Tajik MFA
        ("2025-09-02-meeting-cn-tm-1", ["CN", "TM"]),  # Turkmen state news release
        ("2023-10-17-meeting-cn-kz-1", ["CN", "KZ"]),  # Astana Times citing Akorda
    ],
)
def test_paired_readouts_were_empty_for_curated_events(bundled, event_id: str, sides) -> None:  # type: ignore[no-untyped-def]
    event = bundled.get_event(event_id)
    assert event.review_status == "curated"
    assert sorted({r.side for r in event_evidence(bundled, event).readouts}) == sides


def test_readout_sides_are_the_events_own_states(bundled) -> None:  # type: ignore[no-untyped-def]
    # a Tajik state agency is no side of a China-Kyrgyzstan incident; RFE/RL is no side at all
    event = bundled.get_event("2016-08-30-incident-cn-kg-1")
    assert event_evidence(bundled, event).readouts == []
    with_readouts = [e for e in bundled.list_events() if event_evidence(bundled, e).readouts]
    assert len(with_readouts) >= 30
    for e in with_readouts:
        sides = {r.side for r in event_evidence(bundled, e).readouts}
        assert "CN" in sides and sides - {"CN"} <= set(e.countries)


def _ingested_pair() -> Event:
    return make_event(
        3,
        review_status="machine",
        sources=[
            Source(
                url="urn:sha256:" + "ab" * 32,
                publisher="Ministry of Foreign Affairs of the People's Republic of China",
                language="zh",
                document_id="ab" * 32,
            ),
            Source(
                url="urn:sha256:" + "cd" * 32,
                publisher="Ministry of Foreign Affairs of the Kyrgyz Republic",
                language="ru",
                document_id="cd" * 32,
            ),
            Source(url="https://rus.azattyk.org/a/1.html", publisher="rus.azattyk.org"),
        ],
    )


def test_paired_readouts_dropped_ingested_documents(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'i.db'}")
    event = _ingested_pair()
    store.add_events([event])
    body = event_evidence(store, store.get_event(event.id)).as_json()
    assert [r["side"] for r in body["readouts"]] == ["CN", "KG"]
    assert all(r["url"] is None and r["local_document"] for r in body["readouts"])
    assert [r["document_id"] for r in body["readouts"]] == ["ab" * 32, "cd" * 32]


def test_event_page_shows_local_documents_without_a_path(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from steppewatch.store.tables import sources
    from steppewatch.web import create_app

    url = f"sqlite:///{tmp_path / 'p.db'}"
    store = open_store(url)
    event = _ingested_pair()
    store.add_events([event])
    with store.engine.begin() as conn:  # what an older ingest left: a local path as the URL
        conn.execute(
            sources.insert().values(
                event_id=event.id, position=9, url="file:///tmp/secret/page.html", publisher=None
            )
        )
    with TestClient(create_app(url, secret="s")) as client:
        html = client.get(f"/events/{event.id}").text
    assert "Both sides' readouts" in html
    assert "local document (no public URL)" in html and "abababababab" in html
    assert "file://" not in html and "/tmp/secret" not in html
    assert 'href="https://rus.azattyk.org/a/1.html"' in html
