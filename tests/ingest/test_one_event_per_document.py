"""One event per event per document: a transcript that mentions a meeting twice (in an answer
and in a closing announcement) gives one event, not two (issue 13)."""

from __future__ import annotations

from pathlib import Path

from steppewatch.ingest.events_from_items import same_document_event
from steppewatch.ingest.linking import Candidate
from steppewatch.sources.collect import iter_documents
from steppewatch.store import open_store
from tests.ingest.test_pipeline import make_ingestor, write

# one press-conference page, two items about the Astana SCO summit: the answer dates it by the
# summit days, the closing announcement of the briefing by the day of the briefing
TRANSCRIPT = """2017年6月2日外交部发言人华春莹主持例行记者会
@item kind=meeting countries=CN,KZ,KG,TJ,UZ,RU date=2017-06-09 level=head_of_state topics=terrorism actors=Xi Jinping
问：上海合作组织阿斯塔纳峰会将讨论哪些议题？答：各方将就打击“三股势力”、维护地区安全稳定深入交换意见。
@item kind=meeting countries=CN,KZ date=2017-06-05 level=head_of_state actors=Xi Jinping
外交部将于6月5日举行中外媒体吹风会，介绍习近平主席对哈萨克斯坦进行国事访问并出席上海合作组织成员国元首理事会第十七次会议有关情况。
"""


def test_meeting_mentioned_twice_in_one_transcript_gave_two_events(
    sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    write(folder, "briefing.txt", TRANSCRIPT)
    summary = make_ingestor(sqlite_url, tmp_path).ingest(iter_documents([folder]))
    events = open_store(sqlite_url).list_events()
    assert summary.events_created == 1
    assert len(events) == 1 and events[0].kind == "meeting"


def test_same_document_event_needs_kind_partner_and_date() -> None:
    meeting = Candidate(kind="meeting", countries=("CN", "KZ", "RU"), date="2017-06-08")
    earlier = [("e1", meeting)]
    assert (
        same_document_event(Candidate("meeting", ("CN", "KZ"), "2017-06-05"), earlier, focal="CN")
        == "e1"
    )
    assert (
        same_document_event(Candidate("meeting", ("CN", "KZ"), "2017-06"), earlier, focal="CN")
        == "e1"
    )
    # another partner, another kind, a date weeks away: another event
    assert (
        same_document_event(Candidate("meeting", ("CN", "UZ"), "2017-06-08"), earlier, focal="CN")
        is None
    )
    assert (
        same_document_event(
            Candidate("equipment_transfer", ("CN", "KZ"), "2017-06-08"), earlier, focal="CN"
        )
        is None
    )
    assert (
        same_document_event(Candidate("meeting", ("CN", "KZ"), "2017-07-20"), earlier, focal="CN")
        is None
    )
    # the focal state alone in common is not enough
    assert (
        same_document_event(
            Candidate("meeting", ("CN", "RU"), "2017-06-08"),
            [("e2", Candidate("meeting", ("CN", "KZ"), "2017-06-08"))],
            focal="CN",
        )
        is None
    )
