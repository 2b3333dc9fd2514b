"""Seventeenth-round framework rule: a meeting whose own reporting sentence names one partner
state beside the focal one is bilateral, though the page names several partner states' delegates
at the gathering around it and no framework (talks on the margins of a forum); a sentence naming
two partner states at the meeting leaves it multilateral. Texts written for these tests, none
copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return document.items[0] if document.items else document


FORUM = (
    "Security forum in Beijing draws Central Asian delegates\n"
    "BEIJING, Oct. 20. A security forum hosted by the Chinese defence ministry gathered "
    "deputy defence ministers of "
    "Kazakhstan, Uzbekistan and Tajikistan.\n"
    "Speakers discussed the risks of terrorism spreading from Afghanistan and the smuggling of "
    "drugs across Central Asia.\n"
    "On the margins of the forum, Chinese Defence Minister Dong Jun held talks with Kyrgyz "
    "Defence Minister Ruslan Mukambetov on border security and joint counter-terrorism training.\n"
)
FORUM_THREE = (
    "Security forum in Beijing draws Central Asian delegates\n"
    "BEIJING, Oct. 20. A security forum hosted by the Chinese defence ministry gathered "
    "deputy defence ministers of "
    "Kazakhstan, Uzbekistan and Tajikistan.\n"
    "Speakers discussed the risks of terrorism spreading from Afghanistan and the smuggling of "
    "drugs across Central Asia.\n"
    "On the margins of the forum, Chinese Defence Minister Dong Jun held talks with the defence "
    "ministers of Kyrgyzstan and Tajikistan on border security and joint counter-terrorism "
    "training.\n"
)


def test_talks_with_one_partner_on_a_forums_margins_are_bilateral() -> None:
    item = _code(FORUM)
    assert item.kind == "meeting"
    assert item.framework == "bilateral"


def test_talks_with_two_partners_stay_multilateral() -> None:
    item = _code(FORUM_THREE)
    assert item.kind == "meeting"
    assert item.framework == "other_multilateral"


FORUM_RU = (
    "В Пекине прошел форум по безопасности\n"
    "ПЕКИН, 20 октября. На форуме по безопасности в Пекине собрались эксперты и чиновники из "
    "60 стран, в том числе заместители министров обороны Казахстана, Узбекистана и "
    "Таджикистана.\n"
    "Участники обсудили угрозу терроризма из Афганистана и контрабанду наркотиков.\n"
    "На полях форума министр обороны Китая Дун Цзюнь провел переговоры с министром обороны "
    "Кыргызстана об охране границы и совместной подготовке военных.\n"
)


def test_russian_talks_with_one_partner_on_a_forums_margins_are_bilateral() -> None:
    item = _code(FORUM_RU)
    assert item.kind == "meeting"
    assert item.framework == "bilateral"


# -- a pair of states chained to a third is no bilateral format --------------------------------

CHAINED = (
    "中吉塔三国边防部门举行联合巡逻\n"
    "新华社乌鲁木齐6月5日电 中国、吉尔吉斯斯坦、塔吉克斯坦三国边防部门4日在三国交界地区举行"
    "联合巡逻，共同维护边境安全稳定。\n",
    "Китайско-кыргызско-таджикское совместное патрулирование прошло на границе\n"
    "БИШКЕК, 5 июня. Пограничники Китая, Кыргызстана и Таджикистана провели совместное "
    "патрулирование на стыке границ трех государств для охраны границы.\n",
)
PAIRS = (
    "中吉两国边防部门举行联合巡逻\n"
    "新华社乌鲁木齐6月5日电 中国和吉尔吉斯斯坦两国边防部门4日在边境地区举行联合巡逻，"
    "共同维护边境安全稳定。\n",
    "Китайско-кыргызское совместное патрулирование прошло на границе\n"
    "БИШКЕК, 5 июня. Пограничники Китая и Кыргызстана провели совместное патрулирование на "
    "границе двух государств для охраны границы.\n",
)


def test_a_pair_chained_to_a_third_state_is_multilateral() -> None:
    for text in CHAINED:
        item = _code(text)
        assert item.kind == "joint_patrol_operation", text
        assert item.framework == "other_multilateral", text


def test_a_pair_alone_stays_bilateral() -> None:
    for text in PAIRS:
        item = _code(text)
        assert item.kind == "joint_patrol_operation", text
        assert item.framework == "bilateral", text
