"""Several events per item (issue 13): a meeting at which equipment is handed over, or an
agreement signed, is two events. Ingest creates a machine event for each kind the coder emits
for an item (its main kind first) and, when one of them matches a curated or reviewed event,
files suggestions for it instead, never writing it. Real coder, hand-written readouts in the
style of the PRC Ministry of Public Security's and Tajik MVD's readouts (fictional details)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from steppewatch.extract import code_document
from steppewatch.ingest import Ingestor
from steppewatch.ingest.events_from_items import candidate_from_item, event_kinds
from steppewatch.models import Source
from steppewatch.review.actions import content_hash_of
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store
from steppewatch.store.document_tables import coded_items, suggestions
from tests.extract.conftest import make_doc
from tests.factories import make_event
from tests.ingest.test_pipeline import write

ZH_MEETING_WITH_EQUIPMENT = (
    "赵克志会见塔吉克斯坦内务部长\n"
    "2019年5月16日，国务委员兼公安部部长赵克志在北京会见塔吉克斯坦内务部长拉希姆佐达。\n"
    "双方就深化执法安全合作、共同打击“三股势力”和毒品犯罪交换意见。\n"
    "会见后，赵克志代表中方向塔方移交了一批警用装备和巡逻车辆。\n"
)
RU_MEETING_WITH_AGREEMENT = (
    "Встреча министров внутренних дел Таджикистана и Китая\n"
    "16 мая 2019 г. в Пекине Министр внутренних дел Республики Таджикистан Рамазон Рахимзода "
    "встретился с Министром общественной безопасности КНР Чжао Кэчжи.\n"
    "Стороны обсудили сотрудничество в борьбе с терроризмом, экстремизмом и незаконным "
    "оборотом наркотиков.\n"
    "По итогам встречи стороны подписали соглашение о сотрудничестве в сфере охраны "
    "общественного порядка.\n"
)


def _ingestor(db_url: str, tmp_path: Path) -> Ingestor:
    return Ingestor(open_store(db_url), archive=Archive(tmp_path / "archive"))


def test_coder_reports_both_events_main_first() -> None:
    coded = code_document(make_doc(ZH_MEETING_WITH_EQUIPMENT))
    assert event_kinds(coded) == ["meeting", "equipment_transfer"]
    second = candidate_from_item(
        coded, None, focal="CN", partners={"TJ"}, kind="equipment_transfer"
    )
    assert second is not None and second.kind == "equipment_transfer"
    assert second.countries == ("CN", "TJ") and second.date == "2019-05-16"


def test_meeting_handing_over_equipment_gave_only_the_meeting(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "mps_tj.txt", ZH_MEETING_WITH_EQUIPMENT)
    summary = _ingestor(db_url, tmp_path).ingest(iter_documents([folder]))
    store = open_store(db_url)
    events = {e.kind: e for e in store.list_events(EventFilter.make(statuses=["machine"]))}
    assert summary.events_created == 2
    assert set(events) == {"meeting", "equipment_transfer"}
    meeting, handover = events["meeting"], events["equipment_transfer"]
    assert meeting.level == "interior_public_security" and handover.level is None
    assert meeting.countries == handover.countries == ["CN", "TJ"]
    assert meeting.date_start == handover.date_start == "2019-05-16"
    assert handover.title.endswith("(equipment transfer)")
    # both cite the same document; the item row links the main event
    assert meeting.sources[0].document_id == handover.sources[0].document_id
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(coded_items.c.event_id, coded_items.c.link)))
    assert [(r.event_id, r.link) for r in rows] == [(meeting.id, "new_event")]


def test_second_event_matching_a_curated_event_is_only_suggested(
    db_url: str, tmp_path: Path
) -> None:
    store = open_store(db_url)
    curated = make_event(
        1,
        id="2019-05-16-mechanism-cn-tj-1",
        kind="mechanism",
        title="China-Tajikistan public order agreement",
        date_start="2019-05-16",
        countries=["CN", "TJ"],
        level=None,
        actors=[],
        sources=[Source(url="https://example.org/curated", publisher="Curated")],
    )
    store.add_events([curated])
    digest = content_hash_of(store, curated.id)
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "mvd_tj.txt", RU_MEETING_WITH_AGREEMENT)
    summary = _ingestor(db_url, tmp_path).ingest(iter_documents([folder]))
    assert summary.events_created == 1  # the meeting; the agreement is the curated event
    machine = store.list_events(EventFilter.make(statuses=["machine"]))
    assert [e.kind for e in machine] == ["meeting"]
    assert store.get_event(curated.id) == curated
    assert content_hash_of(store, curated.id) == digest
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(suggestions).where(suggestions.c.event_id == curated.id)))
    fields = {r.field: json.loads(r.value) for r in rows}
    assert fields["sources"][0]["language"] == "ru"
    assert {r.status for r in rows} == {"open"}
