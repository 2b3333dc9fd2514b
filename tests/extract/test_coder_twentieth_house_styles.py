"""Relevance on house styles the earlier sets rarely used (issue 13, twentieth round, coder68):
contrast pairs on hand-written Chinese, Russian and English texts (not copied from any gold
text).

- a body of the two sides named for a security matter of lesser weight (a working group on
  information security, 信息安全工作组) is security cooperation, not a word in passing: the
  briefing answer reporting its session is relevant; information security named in passing at
  a trade forum is not;
- the focal state's security firm working in a partner state (its branch, its guards at
  projects) carries the concern of what it guards (investment security), as its codes do: a
  firm's branch opened is relevant; the partner's own security firm is not;
- the Xinjiang Production and Construction Corps (兵团), the focal state's own body on its
  border, named in its own news without 中国, anchors the focal build-up; the corps' harvest is
  no security matter.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc

WORKING_GROUP = [
    pytest.param(
        "外交部发言人答记者问\n2026-03-02\n问：中哈信息安全工作组是否已举行会议？\n答：3月1日，"
        "中国和哈萨克斯坦信息安全工作组在阿斯塔纳举行首次会议，双方就保护关键基础设施交换了意见。",
        id="zh-working-group",
    ),
    pytest.param(
        "Брифинг официального представителя МИД\n02.03.2026\nВопрос: Прошла ли встреча с "
        "китайской стороной?\nОтвет: 1 марта в Астане состоялось первое заседание "
        "казахстанско-китайской рабочей группы по информационной безопасности. Стороны "
        "обсудили защиту критической инфраструктуры.",
        id="ru-working-group",
    ),
    pytest.param(
        "Foreign ministry briefing\nMarch 2, 2026\nQ: Has the group met?\nA: On March 1 the "
        "Kazakh-Chinese working group on information security held its first session in "
        "Astana. The sides discussed the protection of critical infrastructure.",
        id="en-working-group",
    ),
]

IN_PASSING = [
    pytest.param(
        "中哈数字经济论坛在阿斯塔纳举行\n2026-03-02\n3月1日，中国和哈萨克斯坦企业代表在阿斯塔纳"
        "出席数字经济论坛，讨论电子商务和物流合作，与会者也提到信息安全。",
        id="zh-forum-in-passing",
    ),
    pytest.param(
        "Цифровой форум в Астане\n02.03.2026\n1 марта в Астане представители компаний Казахстана "
        "и Китая на цифровом форуме обсудили электронную торговлю и логистику, упомянув и "
        "информационную безопасность.",
        id="ru-forum-in-passing",
    ),
    pytest.param(
        "Digital forum in Astana\nMarch 2, 2026\nOn March 1 business people from Kazakhstan and "
        "China met at a digital economy forum in Astana to discuss e-commerce and logistics, "
        "touching also on information security.",
        id="en-forum-in-passing",
    ),
]


@pytest.mark.parametrize("text", WORKING_GROUP)
def test_security_working_group_session_is_relevant(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert "information_security" in coded.topics


@pytest.mark.parametrize("text", IN_PASSING)
def test_information_security_in_passing_is_not_relevant(text: str) -> None:
    assert not code_document(make_doc(text)).relevant


FIRM_BRANCH = [
    pytest.param(
        "中国安保企业在吉尔吉斯斯坦设立分公司\n2026-05-10\n日前，一家中国安保企业在比什凯克设立"
        "分公司，为中资矿业项目提供安保服务。",
        id="zh-firm-branch",
    ),
    pytest.param(
        "Китайская охранная компания открыла филиал в Бишкеке\n10.05.2026\nКитайская частная "
        "охранная компания открыла филиал в Бишкеке и будет охранять объекты китайских "
        "горнодобывающих проектов в Кыргызстане.",
        id="ru-firm-branch",
    ),
    pytest.param(
        "Chinese security firm opens Bishkek branch\nMay 10, 2026\nA Chinese security company "
        "has opened a branch in Bishkek, Kyrgyzstan, to guard Chinese mining projects there.",
        id="en-firm-branch",
    ),
]

PARTNER_FIRM = [
    pytest.param(
        "吉尔吉斯斯坦保安公司扩大业务\n2026-05-10\n日前，吉尔吉斯斯坦一家保安公司在比什凯克开设"
        "新办公室，为当地商场提供服务。",
        id="zh-partner-firm",
    ),
    pytest.param(
        "Кыргызская охранная компания расширяется\n10.05.2026\nКыргызская охранная компания "
        "открыла новый офис в Бишкеке и будет охранять местные торговые центры.",
        id="ru-partner-firm",
    ),
    pytest.param(
        "Kyrgyz security company expands\nMay 10, 2026\nA Kyrgyz security company has opened a "
        "new office in Bishkek to guard local shopping centres.",
        id="en-partner-firm",
    ),
]


@pytest.mark.parametrize("text", FIRM_BRANCH)
def test_focal_security_firm_abroad_is_relevant(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "private_security"


@pytest.mark.parametrize("text", PARTNER_FIRM)
def test_partner_security_firm_is_not_relevant(text: str) -> None:
    assert not code_document(make_doc(text)).relevant


def test_corps_border_patrol_is_focal_buildup() -> None:
    coded = code_document(
        make_doc(
            "兵团民兵完成边境巡逻任务\n2026-01-15\n近日，第十师民兵连完成冬季巡逻任务，沿中哈边境线"
            "巡查150余公里，确保边境安全稳定。"
        )
    )
    assert coded.relevant
    assert coded.kind == "domestic_capacity"


def test_corps_harvest_is_not_security() -> None:
    coded = code_document(
        make_doc(
            "兵团棉花采收基本结束\n2026-10-15\n近日，第十师棉花采收基本结束，部分棉花将经霍尔果斯"
            "口岸出口哈萨克斯坦。"
        )
    )
    assert not coded.relevant


COMMENTARY_TITLE = [
    pytest.param(
        "中国—中亚反恐合作：回顾与展望\n某研究院 | 研究成果 | 2026-04-01\n近年来，中国同中亚国家"
        "在打击恐怖主义、维护边境安全方面合作不断深化。作者建议进一步加强情报交流。",
        id="zh-commentary-title",
    ),
    pytest.param(
        "Китай и Центральная Азия: сотрудничество в сфере безопасности\nАналитический центр | "
        "01.04.2026\nИсследовательский центр опубликовал доклад: в последние годы Китай и "
        "государства Центральной Азии углубили борьбу с терроризмом и охрану границ.",
        id="ru-commentary-title",
    ),
    pytest.param(
        "China and Central Asia: security cooperation at a crossroads\nA research institute "
        "report | April 1, 2026\nIn recent years China and the Central Asian states have "
        "deepened counter-terrorism work and border protection, the think tank writes.",
        id="en-commentary-title",
    ),
]

FORUM_TITLE = [
    pytest.param(
        "中国—中亚人文交流智库论坛举行\n2026-04-01\n3月31日，中国和中亚国家学者在西安出席智库论坛，"
        "讨论文化、教育和旅游合作，有学者也提到地区安全。",
        id="zh-forum-title",
    ),
    pytest.param(
        "В Сиане прошел форум аналитических центров\n01.04.2026\n31 марта ученые и эксперты Китая "
        "и стран Центральной Азии обсудили культуру, образование и туризм; кто-то упомянул и "
        "региональную безопасность.",
        id="ru-forum-title",
    ),
    pytest.param(
        "Think tanks of China and Central Asia meet in Xi'an\nApril 1, 2026\nOn March 31 "
        "scholars from China and the Central Asian states discussed culture, education and "
        "tourism, with one mentioning regional security.",
        id="en-forum-title",
    ),
]


@pytest.mark.parametrize("text", COMMENTARY_TITLE)
def test_commentary_titled_security_cooperation_is_relevant(text: str) -> None:
    assert code_document(make_doc(text)).relevant


@pytest.mark.parametrize("text", FORUM_TITLE)
def test_analysts_forum_security_in_passing_is_not_relevant(text: str) -> None:
    assert not code_document(make_doc(text)).relevant


def test_talks_about_in_an_interview_standfirst_is_no_meeting() -> None:
    coded = code_document(
        make_doc(
            "An interview with Tajikistan's border chief\nJune 3, 2026\nThe head of Tajikistan's "
            "border troops talks about the Chinese border. He said Chinese instructors trained "
            "thirty Tajik border guards in counter-terrorism tactics in Dushanbe in May."
        )
    )
    assert "meeting" not in coded.event_kinds


def test_talks_held_about_security_stay_a_meeting() -> None:
    coded = code_document(
        make_doc(
            "Tajik and Chinese border chiefs meet\nJune 3, 2026\nThe heads of the border troops "
            "of Tajikistan and China held talks about border security and counter-terrorism in "
            "Dushanbe on Tuesday."
        )
    )
    assert coded.relevant
    assert "meeting" in coded.event_kinds


DIGEST_TEASER = [
    pytest.param(
        "边境周报（5月1日至7日）\n本期导读：中方援建的边防哨所；塔中边境巡查。\n一、塔吉克斯坦/中国。"
        "5月3日，塔吉克斯坦边防部队与中国边防部队在瓦罕段边境开展联合巡逻，打击走私。\n"
        "二、塔吉克斯坦/中国。由中方援建的穆尔加布边防哨所仍在施工，预计明年春天交付。",
        "joint_patrol_operation",
        id="zh-teaser",
    ),
    pytest.param(
        "Пограничная неделя (1-7 мая)\nВ этом номере: застава на китайский грант; таджикско-китайский дозор.\n"
        "1. ТАДЖИКИСТАН / КИТАЙ. 3 мая пограничники Таджикистана и Китая провели совместное "
        "патрулирование на ваханском участке границы против контрабанды.\n2. ТАДЖИКИСТАН / "
        "КИТАЙ. Строительство погранзаставы в Мургабе на китайский грант продолжается.",
        "joint_patrol_operation",
        id="ru-teaser",
    ),
    pytest.param(
        "Border week (May 1-7)\nIn this issue: a border outpost built with a Chinese grant; a Tajik-Chinese watch.\n1. "
        "TAJIKISTAN / CHINA. Border troops of Tajikistan and China carried out a joint patrol "
        "on the Wakhan section on May 3 against smuggling.\n2. TAJIKISTAN / CHINA. Work on a "
        "border outpost near Murghob financed by a Chinese grant continues.",
        "joint_patrol_operation",
        id="en-teaser",
    ),
]


@pytest.mark.parametrize(("text", "kind"), DIGEST_TEASER)
def test_digest_table_of_contents_is_no_lead(text: str, kind: str) -> None:
    assert code_document(make_doc(text)).kind == kind


def test_lead_naming_the_outpost_keeps_it_main() -> None:
    coded = code_document(
        make_doc(
            "China-funded border outpost opens in Murghob\nMay 4, 2026\nA border outpost near "
            "Murghob built with a Chinese grant was handed over to Tajikistan's border troops on "
            "May 3. Later the two sides' border troops carried out a joint patrol."
        )
    )
    assert coded.kind == "infrastructure"
