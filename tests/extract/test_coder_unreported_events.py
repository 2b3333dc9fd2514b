"""Event kinds from what the text says happened, by general mechanisms (issue 13, third round):
an event word that is negated (法院裁定不将…遣返, refused to extradite), that names what a
document is about (extradition treaty), or that sits in a question relaying a rumour or a
request is no event; a document the meeting adopts (会议通过了宣言, участники заседания
утвердили) is the meeting's second event. Hand-written texts in the native script, modelled on
MFA answers and readouts (not copied from any page)."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


@pytest.mark.parametrize(
    "text",
    [
        "问：据报道，哈萨克斯坦一家法院裁定不将2名非法越境的中国公民遣返回中国。中方对此有何评论？\n"
        "答：中方反对一切形式的非法越境活动。中哈双方就此保持着沟通。",
        "Q: Kyrgyzstan's court has refused to extradite the suspect to China. What is your "
        "comment?\nA: China and Kyrgyzstan have an extradition treaty. We hope the Kyrgyz side will "
        "handle the case in accordance with the treaty and fight transnational crime together "
        "with us.",
    ],
    ids=["zh-not-repatriated", "en-refused-extradition"],
)
def test_an_event_that_did_not_happen_is_no_event(text: str) -> None:
    coded = _code(text)
    assert coded.relevant  # still commentary on the two states' law-enforcement relations
    assert coded.kind is None and coded.event_kinds == []
    assert coded.framework is None


def test_a_negation_in_another_clause_does_not_cancel_the_event() -> None:
    coded = _code(
        "2019年5月，中吉两国边防部门在伊尔克什坦口岸举行联合巡逻，双方不断深化边境执法合作，"
        "未发生任何越境事件。"
    )
    assert coded.kind == "joint_patrol_operation"


def test_what_a_treaty_is_about_is_no_event() -> None:
    coded = _code(
        "Q: Is there any legal basis for the return of the two suspects?\n"
        "A: China and Kazakhstan signed an extradition treaty in 1996. The two sides will handle "
        "the case in accordance with the treaty and fight transnational crime together."
    )
    assert "joint_patrol_operation" not in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "问：有传言称中方将在塔吉克斯坦建立军事基地，你能否证实？\n"
        "答：中塔两国在执法安全领域保持着良好合作，共同维护地区安全稳定。",
        "Q: Tajikistan has requested that China provide military equipment to its border troops. "
        "Will China agree?\nA: China and Tajikistan are good neighbours and strategic partners. "
        "The two sides maintain close cooperation in law enforcement and security.",
    ],
    ids=["zh-rumour", "en-request"],
)
def test_a_rumour_or_a_request_in_the_question_is_no_event(text: str) -> None:
    coded = _code(text)
    assert coded.kind is None, coded.evidence
    assert coded.event_kinds == [] and coded.level is None


@pytest.mark.parametrize(
    "text",
    [
        "2016年4月28日，亚洲相互协作与信任措施会议第五次外长会议在北京举行。\n"
        "哈萨克斯坦、吉尔吉斯斯坦外长与会。与会各方围绕加强亚洲安全合作深入交换意见，一致认为应共同应对恐怖主义威胁。\n"
        "会议通过了北京宣言。",
        "4 апреля 2019 г. в Ташкенте состоялось заседание Совета министров обороны государств — "
        "членов ШОС с участием министра обороны Китая.\nОбсуждены вопросы противодействия "
        "терроризму.\nУчастники заседания утвердили совместное коммюнике и соглашение о военном "
        "сотрудничестве.",
    ],
    ids=["zh-adopted-declaration", "ru-participants-approved"],
)
def test_a_document_the_meeting_adopts_is_its_second_event(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting", "mechanism"]


def test_a_training_word_inside_a_centres_name_is_the_centre_built() -> None:
    # 培训 in 培训中心 is part of the centre's name; 培训 in 人员培训 is one mention, not two
    coded = _code(
        "中国援助吉尔吉斯斯坦警察培训中心落成\n\n2019年9月，中国政府援助的吉尔吉斯斯坦内务部警察培训中心在"
        "比什凯克落成。吉内务部长表示，该中心将为吉执法人员培训发挥重要作用。"
    )
    assert coded.kind == "infrastructure"


def test_what_an_agreement_is_about_is_no_event_of_its_own() -> None:
    coded = _code("2019年4月，中哈两国政府在北京签署了关于联合打击恐怖主义和引渡犯罪嫌疑人的协定。")
    assert coded.kind == "mechanism"
    assert "joint_patrol_operation" not in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "Нападение на пограничную заставу в Таджикистане\n\n6 ноября 2019 г. группа боевиков атаковала "
        "пограничную заставу на таджикско-узбекской границе. В результате нападения погибли двое "
        "военнослужащих и один сотрудник милиции. Посольство КНР выразило соболезнования и подтвердило "
        "готовность Китая сотрудничать с Таджикистаном в борьбе с терроризмом.",
        "2019年8月，吉尔吉斯斯坦南部一处警察局遭到武装分子袭击，造成两名警察和一名军人受伤。"
        "中国驻吉使馆表示，中方愿同吉方加强反恐合作。",
    ],
    ids=["ru-border-post-attack", "zh-police-station-attack"],
)
def test_the_victims_of_an_attack_are_no_cooperating_sector(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "incident"
    assert "terrorism" in coded.topics
    assert not {"military", "law_enforcement"} & set(coded.domains)


def test_a_sector_in_the_sentence_about_cooperation_stays() -> None:
    coded = _code(
        "Пограничники Таджикистана и Китая провели совместное патрулирование\n\n15 мая 2019 г. "
        "подразделения Пограничных войск Республики Таджикистан и пограничной службы КНР провели "
        "совместное патрулирование на участке границы в Мургабском районе."
    )
    assert coded.kind == "joint_patrol_operation"
    assert "border_guard" in coded.domains


@pytest.mark.parametrize(
    "text",
    [
        "Q: Kazakhstan's president visited China last month. Will China provide military equipment "
        "to Kazakhstan?\nA: I'm not aware of the specifics. China and Kazakhstan are comprehensive "
        "strategic partners and maintain good cooperation in various fields.",
        "问：哈萨克斯坦总统上个月访问了中国。中方是否会向哈方提供军事装备？\n"
        "答：我不掌握具体情况。中哈是全面战略伙伴，双方在各领域保持良好合作。",
    ],
    ids=["en-will-china", "zh-shifou"],
)
def test_what_a_yes_no_question_asks_about_is_no_event(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting"  # the visit the question reports
    assert "equipment_transfer" not in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "2019年5月14日，国防部长魏凤和在北京同哈萨克斯坦国防部长叶尔梅克巴耶夫举行会谈。双方就筹备联合反恐演习、"
        "军事人员培训和装备合作等问题交换了意见。",
        "On 14 May 2019, Defence Minister Wei Fenghe held talks with Kazakh Defence Minister Nurlan "
        "Yermekbayev in Beijing. They discussed preparations for joint counter-terrorism exercises, "
        "military training and equipment cooperation.",
    ],
    ids=["zh-exchanged-views", "en-discussed"],
)
def test_what_the_sides_discussed_is_no_event_of_its_own(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting"]


def test_a_document_signed_in_a_sentence_that_discusses_stays() -> None:
    coded = _code(
        "2019年5月14日，国防部长魏凤和在北京同塔吉克斯坦国防部长米尔佐举行会谈，双方讨论了两军合作，"
        "并签署了军事技术合作协定。"
    )
    assert coded.event_kinds == ["meeting", "mechanism"]


@pytest.mark.parametrize(
    "text",
    [
        "2019年6月3日，公安部部长赵克志在北京会见乌兹别克斯坦内务部长博博扎诺夫。双方表示，将认真落实两国元首"
        "达成的重要共识，深化执法安全合作，共同打击“三股势力”。",
        "On 3 June 2019, Minister of Public Security Zhao Kezhi met with Uzbek Interior Minister "
        "Pulat Bobojonov in Beijing. The two sides agreed to implement the important consensus "
        "reached by the two heads of state and deepen law enforcement and security cooperation.",
    ],
    ids=["zh-consensus", "en-consensus"],
)
def test_an_office_named_in_passing_is_not_the_meetings_level(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting"
    assert coded.level == "interior_public_security"


def test_a_visit_recalled_does_not_raise_the_level() -> None:
    coded = _code(
        "2019年9月，外交部长王毅在北京会见吉尔吉斯斯坦外长艾达尔别科夫。王毅表示，习近平主席今年6月对吉尔吉斯斯坦"
        "进行国事访问，推动两国关系迈上新台阶。双方同意加强反恐和禁毒合作。"
    )
    assert coded.level == "foreign_minister"
