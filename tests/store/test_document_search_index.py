"""SQLite ``documents_fts`` (migration 5): exactly the documents with an item linked to an event
are indexed, kept so by triggers when items are inserted, linked, unlinked or deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, delete, text, update

from steppewatch.store import open_store
from steppewatch.store.document_tables import coded_items, documents


def _doc(doc_id: str, body: str) -> dict[str, object]:
    return {"id": doc_id, "title": None, "text": body, "status": "coded", "created_at": "now"}


def _item(doc_id: str, index: int, event_id: str | None) -> dict[str, object]:
    return {
        "document_id": doc_id,
        "item_index": index,
        "start": 0,
        "end": 1,
        "relevant": int(event_id is not None),
        "coded": "{}",
        "event_id": event_id,
    }


def _found(conn: Connection, words: str) -> set[str]:
    query = (
        "SELECT id FROM documents WHERE rowid IN "
        "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q)"
    )
    return set(conn.execute(text(query), {"q": words}).scalars())


def _check_index(conn: Connection) -> None:
    conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = open_store(f"sqlite:///{tmp_path / 'search.db'}")
    yield opened
    opened.close()


def test_only_documents_linked_to_events_are_indexed(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.begin() as conn:
        conn.execute(
            documents.insert(),
            [
                _doc("a", "双方将共同打击“三股势力”，维护地区安全。"),
                _doc("b", "Стороны обсудили борьбу с терроризмом и экстремизмом."),
                _doc("c", "双方讨论了经贸合作和三股势力问题。"),
            ],
        )
        conn.execute(
            coded_items.insert(),
            [
                _item("a", 0, None),
                _item("a", 1, "2019-meeting-kz"),
                _item("a", 2, "2019-meeting-kz-2"),
                _item("b", 0, "2020-meeting-kg"),
                _item("c", 0, None),  # not linked: no query can reach it
            ],
        )
    with store.engine.begin() as conn:
        assert _found(conn, '"三股势力"') == {"a"}
        assert _found(conn, '"терроризм"') == {"b"}  # a stem inside a longer word
        _check_index(conn)


def test_linking_unlinking_and_deleting_keep_the_index_exact(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.begin() as conn:
        conn.execute(documents.insert(), [_doc("a", "打击三股势力"), _doc("c", "经贸合作三股势力")])
        conn.execute(
            coded_items.insert(), [_item("a", 0, "e1"), _item("a", 1, "e2"), _item("c", 0, None)]
        )
    with store.engine.begin() as conn:
        # a later link indexes the document, once
        conn.execute(
            update(coded_items).where(coded_items.c.document_id == "c").values(event_id="e3")
        )
        assert _found(conn, '"三股势力"') == {"a", "c"}
        # removing one of two links keeps the document; removing the last one drops it
        conn.execute(
            delete(coded_items).where(
                coded_items.c.item_index == 1, coded_items.c.document_id == "a"
            )
        )
        assert _found(conn, '"三股势力"') == {"a", "c"}
        conn.execute(
            update(coded_items).where(coded_items.c.document_id == "a").values(event_id=None)
        )
        assert _found(conn, '"三股势力"') == {"c"}
        # a linked document's new text replaces the old in the index
        conn.execute(update(documents).where(documents.c.id == "c").values(text="边境安全合作"))
        assert _found(conn, '"三股势力"') == set() and _found(conn, '"边境安全"') == {"c"}
        conn.execute(delete(coded_items).where(coded_items.c.document_id == "c"))
        assert _found(conn, '"边境安全"') == set()
        _check_index(conn)
