"""Countries taking part: the fifteenth round's causes (issue 13, branch coder29), each with its
contrast, on hand-written texts (none copied from a gold text).

A page's countries are the states taking part in the events it reports. States found without a
name of their own (the members a framework's meeting implies, a venue's host, a region's group
name) belong to an event: a transcript's answer that reports no event (China's view of the
region before an SCO meeting) brings them to no event of a page whose other answer reports one
(a bilateral exercise); the same answer on a page of its own (no event anywhere: commentary)
keeps them.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

EN_EVENT = (
    "Q: Chinese and Kyrgyz border troops held a joint counter-terrorism exercise near the "
    "Irkeshtam crossing this week. Can you give us more details?\n"
    "A: From 1 to 2 March, the border units of China and Kyrgyzstan conducted a joint exercise to "
    "fight terrorism and cross-border crime. The drill strengthened the capacity of the two sides "
    "to jointly protect the border.\n"
)
EN_NO_EVENT = (
    "Q: The SCO Council of Foreign Ministers will meet in Astana next month. What is China's view "
    "of the security situation in the region?\n"
    "A: China believes that the SCO member states should keep strengthening cooperation against "
    "terrorism, separatism and extremism. We stand ready to work with all parties for regional "
    "security and stability.\n"
)
EN_TITLE = "Foreign Ministry Spokesperson's Regular Press Conference on 3 March 2027\n"

ZH_EVENT = (
    "问：据报道，中国和吉尔吉斯斯坦边防部队本周在伊尔克什坦口岸附近举行了反恐联合演习。你能否介绍"
    "具体情况？\n"
    "答：3月1日至2日，中吉两国边防部队举行联合反恐演习，共同打击恐怖主义和跨境犯罪，提升了双方共同"
    "维护边境安全的能力。\n"
)
ZH_NO_EVENT = (
    "问：上合组织成员国外长理事会会议下月将在阿斯塔纳举行。中方如何看待地区安全形势？\n"
    "答：中方认为，上合组织成员国应继续加强合作，共同打击恐怖主义、分裂主义和极端主义，维护地区安全"
    "稳定。\n"
)
ZH_TITLE = "2027年3月3日外交部发言人例行记者会\n"


@pytest.mark.parametrize(
    ("title", "event", "no_event"),
    [(EN_TITLE, EN_EVENT, EN_NO_EVENT), (ZH_TITLE, ZH_EVENT, ZH_NO_EVENT)],
    ids=["en", "zh"],
)
def test_members_of_an_answer_without_event_are_not_the_pages(
    title: str, event: str, no_event: str
) -> None:
    coded = code_document(make_doc(title + event + no_event))
    assert coded.kind == "bilateral_exercise"
    # the answer on the SCO codes its members itself (its item), not on the page
    answer = [i for i in coded.items if i.relevant][-1]
    assert answer.kind is None
    assert {"TJ", "UZ"} <= set(answer.countries)
    assert set(coded.countries) & CA == {"KG"}
    assert not [e for e in coded.evidence if e.field == "country" and e.code in {"TJ", "UZ", "KZ"}]


@pytest.mark.parametrize(
    ("title", "no_event"), [(EN_TITLE, EN_NO_EVENT), (ZH_TITLE, ZH_NO_EVENT)], ids=["en", "zh"]
)
def test_members_stay_on_a_page_reporting_no_event(title: str, no_event: str) -> None:
    # the contrast: the same answer alone (a page of commentary) keeps the members it discusses
    coded = code_document(make_doc(title + no_event))
    assert coded.kind is None
    assert {"KG", "KZ", "TJ", "UZ"} <= set(coded.countries)
