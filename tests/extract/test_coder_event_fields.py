"""Kind, framework, level and topics of the MAIN event of a longer text (issue 13, ninth round):
contrast pairs on hand-written Chinese, Russian and English readouts (not copied from any gold
text). A framework's gathering named after a lead that reports the focal state's event with one
partner state is another event or background; a framework named in the lead, or a lead that
names no single partner, keeps the framework."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


BILATERAL_WITH_A_FRAMEWORK_LATER = [
    pytest.param(
        "2024年5月14日，外交部长王毅在北京同吉尔吉斯斯坦外长库卢巴耶夫举行会谈。双方同意加强执法"
        "安全合作，共同打击恐怖主义和毒品犯罪。两国外长还就筹备上海合作组织成员国外长理事会会议交换"
        "了意见。",
        id="zh-talks-then-sco-council-prepared",
    ),
    pytest.param(
        "14 мая 2024 года в Пекине состоялись переговоры министра иностранных дел Кыргызстана "
        "Жээнбека Кулубаева с министром иностранных дел КНР Ван И. Стороны договорились укреплять "
        "сотрудничество в сфере безопасности и совместно бороться с терроризмом. Министры также "
        "обсудили подготовку к заседанию Совета министров иностранных дел государств – членов ШОС.",
        id="ru-talks-then-sco-council-prepared",
    ),
    pytest.param(
        "On May 14, 2024, Foreign Minister Wang Yi held talks in Beijing with Kyrgyz Foreign "
        "Minister Jeenbek Kulubaev. The two sides agreed to strengthen law-enforcement and "
        "security cooperation and jointly fight terrorism. The ministers also discussed "
        "preparations for the meeting of the SCO Council of Foreign Ministers.",
        id="en-talks-then-sco-council-prepared",
    ),
    pytest.param(
        "On June 3, 2024, President Xi Jinping held a telephone conversation with Tajik President "
        "Emomali Rahmon. The two heads of state agreed to step up counter-terrorism and border "
        "security cooperation. Xi said China would work with all sides to make the China-Central Asia "
        "Summit in Astana a success.",
        id="en-call-then-c5-summit",
    ),
]


@pytest.mark.parametrize("text", BILATERAL_WITH_A_FRAMEWORK_LATER)
def test_a_framework_named_after_a_one_partner_lead_is_not_the_events(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    basis = [e.basis for e in coded.evidence if e.field == "framework"]
    assert basis == ["one_partner"]


FRAMEWORK_EVENTS = [
    pytest.param(
        "2024年7月3日，上海合作组织成员国元首理事会第二十四次会议在阿斯塔纳举行。国家主席习近平出席"
        "会议，同哈萨克斯坦总统托卡耶夫等成员国领导人共同签署宣言，同意加强打击恐怖主义合作。",
        "SCO",
        id="zh-sco-council-in-the-lead",
    ),
    pytest.param(
        "Defence ministers meet in Astana\n"
        "ASTANA, April 26, 2024 -- Defence ministers gathered in Astana on Friday for talks on "
        "regional security. The meeting of defence ministers of the SCO member states was chaired "
        "by Kazakh Defence Minister Ruslan Zhaksylykov and attended by Chinese Defence Minister "
        "Dong Jun. The ministers agreed to fight terrorism together.",
        "SCO",
        id="en-dateline-capital-is-no-partner-sco-named-next",
    ),
    pytest.param(
        "26 апреля 2024 года в Астане состоялось совещание министров обороны. Заседание министров "
        "обороны государств – членов ШОС провёл министр обороны Казахстана Руслан Жаксылыков, в "
        "нём участвовал министр обороны КНР Дун Цзюнь. Министры договорились совместно бороться с "
        "терроризмом.",
        "SCO",
        id="ru-lead-names-no-state-sco-named-next",
    ),
]


@pytest.mark.parametrize(("text", "framework"), FRAMEWORK_EVENTS)
def test_a_framework_event_keeps_its_framework(text: str, framework: str) -> None:
    assert _code(text).framework == framework
