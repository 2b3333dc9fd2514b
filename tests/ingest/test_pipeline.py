"""The ingest pipeline end to end into SQLite (and PostgreSQL when configured), with a test coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from steppewatch.ingest import Ingestor
from steppewatch.models import Source
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store
from steppewatch.store.document_tables import coded_items, documents, suggestions
from tests.factories import make_event
from tests.ingest.fake_coder import FakeCoder, fake_extract

ZH_MEETING = """习近平同吉尔吉斯斯坦总统热恩别科夫会谈
@item kind=meeting countries=CN,KG date=2019-06-13 level=head_of_state topics=terrorism,separatism actors=Xi Jinping;Sooronbay Jeenbekov
6月13日，国家主席习近平在比什凯克同吉尔吉斯斯坦总统热恩别科夫举行会谈。双方同意共同打击“三股势力”，深化安全合作，维护地区和平稳定。
"""
RU_MEETING = """Переговоры Сооронбая Жээнбекова и Си Цзиньпина
@item kind=meeting countries=KG,CN date=2019-06-14 level=head_of_state topics=terrorism,extremism actors=Sooronbay Jeenbekov
14 июня в Бишкеке президенты Кыргызстана и Китая обсудили сотрудничество в сфере безопасности и борьбу с терроризмом и экстремизмом.
"""
TJ_EXERCISE = """中塔两军举行联合反恐演习
@item kind=bilateral_exercise countries=CN,TJ date=2019-08 topics=terrorism
8月，中国和塔吉克斯坦两国军队在塔吉克斯坦境内举行联合反恐演习，提高共同应对恐怖主义威胁的能力。
"""
IRRELEVANT = "外交部发言人就南海问题答记者问。中方立场是一贯的、明确的。\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "a_zh.txt", ZH_MEETING)
    write(folder, "b_ru.txt", RU_MEETING)
    write(folder, "c_tj.txt", TJ_EXERCISE)
    write(folder, "d_irrelevant.txt", IRRELEVANT)
    return folder


def make_ingestor(db_url: str, tmp_path: Path, **kw: object) -> Ingestor:
    store = open_store(db_url)
    return Ingestor(
        store,
        archive=Archive(tmp_path / "archive"),
        coder=FakeCoder(),
        extractor=fake_extract,
        **kw,
    )  # type: ignore[arg-type]


def test_ingest_links_two_languages_into_one_event_and_rerun_is_unchanged(
    db_url: str, tmp_path: Path, corpus: Path
) -> None:
    ingestor = make_ingestor(db_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus]))
    assert (summary.seen, summary.new, summary.failed) == (4, 4, 0)
    assert summary.relevant_items == 3
    assert summary.events_created == 2
    assert summary.sources_added == 1
    machine = ingestor.store.list_events(EventFilter.make(statuses=["machine"]))
    by_kind = {e.kind: e for e in machine}
    meeting = by_kind["meeting"]
    assert meeting.id == "2019-06-13-meeting-cn-kg-1"
    assert [s.language for s in meeting.sources] == ["zh", "ru"]
    assert set(meeting.topics) == {"terrorism", "separatism", "extremism"}
    assert meeting.coder == "test.fake.v0 0.1" and meeting.codebook_version == "1.0.0"
    assert all(s.document_id for s in meeting.sources)
    assert by_kind["bilateral_exercise"].date_start == "2019-08"

    again = make_ingestor(db_url, tmp_path).ingest(iter_documents([corpus]))
    assert (again.new, again.unchanged, again.events_created, again.sources_added) == (0, 4, 0, 0)
    assert ingestor.store.count_events() == 2


def test_documents_items_and_archive_are_stored(
    sqlite_url: str, tmp_path: Path, corpus: Path
) -> None:
    ingestor = make_ingestor(sqlite_url, tmp_path)
    ingestor.ingest(iter_documents([corpus]))
    with ingestor.store.engine.connect() as conn:
        docs = {r.source_path.rsplit("/", 1)[1]: r for r in conn.execute(select(documents))}
        items = list(conn.execute(select(coded_items)))
    zh = docs["a_zh.txt"]
    assert zh.status == "coded" and zh.language == "zh" and "三股势力" in zh.text
    assert Path(zh.archive_path).read_bytes() == ZH_MEETING.encode()
    meta = json.loads(Path(zh.archive_path + ".json").read_text())
    # a local file with no index and no canonical link has no URL; its path is kept apart
    assert meta["url"] is None and meta["source_path"].endswith("a_zh.txt")
    assert meta["sha256"] == zh.id
    linked = [i for i in items if i.event_id]
    assert {i.link for i in linked} == {"new_event", "added_source"}
    coded = json.loads(linked[0].coded)
    assert coded["kind"] in ("meeting", "bilateral_exercise")
    assert docs["d_irrelevant.txt"].status == "coded"


def test_exact_and_near_duplicates(sqlite_url: str, tmp_path: Path, corpus: Path) -> None:
    long_ru = RU_MEETING + "Стороны подписали соглашение о сотрудничестве пограничных служб. " * 6
    write(corpus, "e_ru_long.txt", long_ru)
    write(corpus, "f_copy.txt", long_ru)  # same bytes: one document
    write(corpus, "g_near.txt", long_ru.replace("14 июня", "14 июня 2019 года"))
    ingestor = make_ingestor(sqlite_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus]))
    assert summary.duplicates == 2 and summary.near_duplicates == 1
    with ingestor.store.engine.connect() as conn:
        rows = {r.source_path.rsplit("/", 1)[1]: r for r in conn.execute(select(documents))}
    assert "f_copy.txt" not in rows
    assert rows["g_near.txt"].status == "duplicate"
    assert rows["g_near.txt"].duplicate_of == rows["e_ru_long.txt"].id
    # the copy at another address is one more source of the event its original reports
    meeting = ingestor.store.get_event("2019-06-13-meeting-cn-kg-1")
    ids = [s.document_id for s in meeting.sources]
    assert rows["e_ru_long.txt"].id in ids and rows["g_near.txt"].id in ids
    assert len(ids) == len(set(ids)) == 4


def test_ingest_added_sources_to_curated_events_silently(
    db_url: str, tmp_path: Path, corpus: Path
) -> None:
    """Issue 11.1: ingest added sources to curated events, no audit entry. A curated event is
    now never written by ingest: a matching document files suggestions, and it is byte for byte
    what it was (same content hash), with no audit entry from ingest."""
    from steppewatch.review.actions import content_hash_of
    from steppewatch.review.audit import list_audit

    store = open_store(db_url)
    curated = make_event(
        1, sources=[Source(url="https://example.org/curated", publisher="Curated")]
    )
    store.add_events([curated])
    digest = content_hash_of(store, curated.id)
    ingestor = make_ingestor(db_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus / "a_zh.txt", corpus / "b_ru.txt"]))
    assert summary.events_created == 0 and summary.sources_added == 0
    assert summary.suggestions >= 2
    assert store.get_event(curated.id) == curated
    assert content_hash_of(store, curated.id) == digest
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(suggestions).where(suggestions.c.field == "sources")))
    assert len(rows) == 2 and {r.event_id for r in rows} == {curated.id}
    assert {r.status for r in rows} == {"open"}
    assert [e.action for e in list_audit(store, event_id=curated.id)] == ["add_events"]


def test_reviewed_event_is_never_overwritten_suggestions_instead(
    db_url: str, tmp_path: Path, corpus: Path
) -> None:
    store = open_store(db_url)
    accepted = make_event(1, review_status="accepted", topics=["separatism"])
    store.add_events([accepted])
    ingestor = make_ingestor(db_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus / "b_ru.txt"]))
    assert summary.events_created == 0 and summary.suggestions >= 2
    assert store.get_event(accepted.id) == accepted
    with store.engine.connect() as conn:
        rows = {r.field: r for r in conn.execute(select(suggestions))}
    assert set(json.loads(rows["topics"].value)) == {"terrorism", "extremism"}
    new_sources = json.loads(rows["sources"].value)
    assert len(new_sources) == 1 and new_sources[0]["language"] == "ru"  # only what to add
    assert rows["topics"].status == "open" and rows["topics"].event_id == accepted.id


def test_failed_extraction_is_recorded_and_run_continues(
    sqlite_url: str, tmp_path: Path, corpus: Path
) -> None:
    write(corpus, "0_broken.txt", b"BROKEN \x00\x01")
    ingestor = make_ingestor(sqlite_url, tmp_path)
    summary = ingestor.ingest(iter_documents([corpus]))
    assert summary.failed == 1 and summary.new == 4
    assert "SW410" in summary.failures[0].message
    # a rerun tries the failed document again (it still fails) and leaves the others alone
    again = make_ingestor(sqlite_url, tmp_path).ingest(iter_documents([corpus]))
    assert (again.unchanged, again.retried, again.failed, again.new) == (4, 1, 1, 0)
    assert "1 retried after an earlier failure" in again.line()
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        statuses = [r.status for r in conn.execute(select(documents.c.status))]
    assert sorted(statuses) == ["coded"] * 4 + ["failed"]


def test_failed_document_succeeds_on_rerun_once_the_cause_is_fixed(
    sqlite_url: str, tmp_path: Path, corpus: Path
) -> None:
    """A document that failed (here: an extractor bug, later fixed) is extracted and coded on
    the next run: its failed row is replaced, not duplicated, and its event is made."""
    calls = {"n": 0}

    def flaky_extract(data: bytes, **kw: object) -> object:
        calls["n"] += 1
        if b"Bishkek" in data or "Бишкеке".encode() in data:
            raise RuntimeError("extractor bug")
        return fake_extract(data, **kw)

    store = open_store(sqlite_url)
    first = Ingestor(
        store, archive=Archive(tmp_path / "archive"), coder=FakeCoder(), extractor=flaky_extract
    ).ingest(iter_documents([corpus / "b_ru.txt", corpus / "c_tj.txt"]))
    assert (first.new, first.failed) == (1, 1)
    assert "SW499" in first.failures[0].message and "extractor bug" in first.failures[0].message
    second = make_ingestor(sqlite_url, tmp_path).ingest(
        iter_documents([corpus / "b_ru.txt", corpus / "c_tj.txt"])
    )
    assert (second.retried, second.new, second.failed, second.unchanged) == (1, 1, 0, 1)
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(documents.c.source_path, documents.c.status)))
    assert sorted(r.status for r in rows) == ["coded", "coded"]
    assert any(e.countries == ["CN", "KG"] for e in store.list_events())
    third = make_ingestor(sqlite_url, tmp_path).ingest(iter_documents([corpus]))
    assert third.retried == 0 and third.unchanged == 2 and third.new == 2


def test_items_in_one_run_far_apart_in_time_make_separate_events(
    sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    write(folder, "1.txt", ZH_MEETING)
    write(
        folder,
        "2.txt",
        ZH_MEETING.replace("2019-06-13", "2019-06-20").replace("6月13日", "6月20日"),
    )
    summary = make_ingestor(sqlite_url, tmp_path).ingest(iter_documents([folder]))
    assert summary.events_created == 2
    ids = {e.id for e in open_store(sqlite_url).list_events()}
    assert ids == {"2019-06-13-meeting-cn-kg-1", "2019-06-20-meeting-cn-kg-1"}


def test_suggestions_can_be_accepted_by_the_review_workflow(
    sqlite_url: str, tmp_path: Path, corpus: Path
) -> None:
    review = pytest.importorskip("steppewatch.review.actions")
    store = open_store(sqlite_url)
    accepted = make_event(1, review_status="accepted", topics=["separatism"])
    store.add_events([accepted])
    make_ingestor(sqlite_url, tmp_path).ingest(iter_documents([corpus / "b_ru.txt"]))
    with store.engine.connect() as conn:
        ids = {r.field: r.id for r in conn.execute(select(suggestions))}
    review.accept_suggestion(store, ids["topics"], "tester")
    event = review.accept_suggestion(store, ids["sources"], "tester")
    assert set(event.topics) == {"separatism", "terrorism", "extremism"}
    assert [s.language for s in event.sources] == ["zh", "ru"]


def test_accepting_two_source_suggestions_keeps_both_sources(
    sqlite_url: str, tmp_path: Path, corpus: Path
) -> None:
    """Two new documents about a reviewed event: each makes a sources suggestion; accepting
    both (in either order) gives the event both new sources, not only the last one."""
    review = pytest.importorskip("steppewatch.review.actions")
    store = open_store(sqlite_url)
    accepted = make_event(1, review_status="accepted", topics=["separatism"])
    store.add_events([accepted])
    write(corpus, "e_ru_copy.txt", RU_MEETING.replace("14 июня в Бишкеке", "В Бишкеке 14 июня"))
    make_ingestor(sqlite_url, tmp_path).ingest(
        iter_documents([corpus / "b_ru.txt", corpus / "e_ru_copy.txt"])
    )
    with store.engine.connect() as conn:
        ids = [
            r.id for r in conn.execute(select(suggestions).where(suggestions.c.field == "sources"))
        ]
    assert len(ids) == 2
    review.accept_suggestion(store, ids[1], "tester")
    event = review.accept_suggestion(store, ids[0], "tester")
    assert len(event.sources) == len(accepted.sources) + 2
    assert len({s.document_id for s in event.sources if s.document_id}) == 2
