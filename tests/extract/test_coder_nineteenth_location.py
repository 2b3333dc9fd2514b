"""The event's location on fresh pages (nineteenth round): a participant who joined a gathering
by video does not make the gathering a call (a call has no venue; a gathering held in a city has
that city). Contrasts: a meeting held by video or by phone has none. Hand-written zh/ru/en
texts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "新华社乌鲁木齐6月3日电 第二届中国—中亚公安部长会议3日在乌鲁木齐举行。公安部部长主持会议。"
            "吉尔吉斯斯坦、乌兹别克斯坦内务部部长出席，塔吉克斯坦内务部部长通过视频连线参会。"
            "各方同意加强合作，共同打击恐怖主义和跨国有组织犯罪。",
            "Urumqi",
            id="zh-one-minister-by-video",
        ),
        pytest.param(
            "УРУМЧИ, 3 июня. /ТАСС/. В Урумчи прошло совещание министров внутренних дел "
            "Китая и стран Центральной Азии. Министр внутренних дел Таджикистана подключился "
            "по видеосвязи. Стороны договорились совместно бороться с терроризмом и "
            "организованной преступностью.",
            "Urumqi",
            id="ru-one-minister-by-video",
        ),
        pytest.param(
            "URUMQI, June 3 (Xinhua) -- The second China-Central Asia meeting of ministers of "
            "public security was held here on Wednesday. China's Minister of Public Security "
            "chaired the meeting; the Tajik interior minister joined by video link. The "
            "ministers agreed to fight terrorism and organized crime together.",
            "Urumqi",
            id="en-one-minister-by-video",
        ),
    ],
)
def test_one_participant_by_video_keeps_the_venue(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "meeting"
    assert coded.location == expected, coded.evidence


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "新华社北京6月3日电 中国公安部部长同塔吉克斯坦内务部部长举行视频会谈，双方就打击恐怖主义"
            "和跨国有组织犯罪交换意见。",
            id="zh-video-talks",
        ),
        pytest.param(
            "ДУШАНБЕ, 3 июня. /ТАСС/. Министр внутренних дел Таджикистана и министр общественной "
            "безопасности Китая провели переговоры по видеосвязи, обсудив борьбу с терроризмом.",
            id="ru-video-talks",
        ),
        pytest.param(
            "BEIJING, June 3 (Xinhua) -- China's Minister of Public Security held talks via video "
            "link with the Tajik interior minister on fighting terrorism and organized crime.",
            id="en-video-talks",
        ),
    ],
)
def test_a_meeting_held_by_video_has_no_venue(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "meeting"
    assert coded.location is None, coded.evidence
