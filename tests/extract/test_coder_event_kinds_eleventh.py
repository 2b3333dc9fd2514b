"""Eleventh-round kind rules (issue 13): an analysis headed as such reports no event; an
exercise is what the lead names it. Contrast texts written for these tests (zh/ru/en), none
copied from a gold text; each pair has a text the rule changes and one it must leave alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder()


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


RU_ANALYSIS = (
    "Китайская помощь пограничникам Таджикистана: что стоит за щедростью Пекина\n"
    "Евразийский экспертный клуб · Аналитика · 02.10.2026\n"
    "Автор: Иван Петров\n\n"
    "За последние пять лет Китай построил для Пограничных войск ГКНБ Таджикистана десятки застав "
    "и передал им сотни автомобилей. Пекин рассчитывает, что Душанбе надежнее прикроет границу с "
    "Афганистаном."
)
RU_NEWS = (
    "Китай передал пограничникам Таджикистана партию автомобилей\n"
    "Новости · 02.10.2026\n\n"
    "ДУШАНБЕ, 2 октября 2026. Китай передал Пограничным войскам ГКНБ Таджикистана 50 "
    "внедорожников и средства связи для охраны границы с Афганистаном, сообщила пресс-служба "
    "ведомства."
)
EN_COMMENTARY = (
    "Why Astana keeps buying Chinese surveillance gear\n"
    "Steppe Policy Review | Central Asia Programme\n"
    "Commentary by John Smith\n"
    "October 2, 2026\n\n"
    "Over the past four years China has handed Kazakhstan's police hundreds of cameras and patrol "
    "vehicles and trained its officers in Urumqi. Astana values the equipment because it comes "
    "without conditions."
)
EN_ANALYST_BYLINE = (
    "China's border outposts in the Pamirs\n"
    "Steppe Policy Review, October 2, 2026. By a visiting analyst\n\n"
    "Over the past decade Beijing has financed a dozen outposts for Tajikistan's border troops "
    "and handed over vehicles and radios to the State Committee for National Security."
)
EN_NEWS = (
    "China hands Kazakh police patrol vehicles\n"
    "By John Smith, staff reporter\n"
    "October 2, 2026\n\n"
    "ASTANA, Oct 2, 2026 - China handed Kazakhstan's police 120 patrol vehicles and surveillance "
    "cameras on Friday to help fight terrorism and drug trafficking, the Kazakh interior ministry "
    "said."
)
ZH_COMMENTARY = (
    "中塔边防合作：务实而低调\n"
    "来源：某某网\n"
    "2026-10-02\n"
    "评论员文章\n\n"
    "中国日前向塔吉克斯坦国家安全委员会边防部队移交了一批巡逻车辆和通信设备，帮助塔方加强塔阿边境管控。"
    "这种合作不针对第三方。"
)
ZH_NEWS = (
    "中国向塔吉克斯坦边防部队移交车辆\n"
    "来源：某某网\n"
    "2026-10-02\n\n"
    "2026年10月2日，中国向塔吉克斯坦国家安全委员会边防部队移交了一批巡逻车辆和通信设备，帮助塔方"
    "加强塔阿边境管控。"
)


@pytest.mark.parametrize(
    "text",
    [RU_ANALYSIS, EN_COMMENTARY, EN_ANALYST_BYLINE, ZH_COMMENTARY],
    ids=["ru", "en", "en-by", "zh"],
)
def test_an_item_headed_as_analysis_or_commentary_reports_no_event(text: str) -> None:
    # the rubric or byline under the title (· Аналитика ·, Commentary by, By a visiting analyst,
    # 评论员文章 on the fourth short line) heads the item as analysts' words: kind null
    record = _code(text)
    assert record.relevant
    assert record.kind is None
    assert record.event_kinds == []


@pytest.mark.parametrize("text", [RU_NEWS, EN_NEWS, ZH_NEWS], ids=["ru", "en", "zh"])
def test_a_news_item_with_a_byline_keeps_its_event(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert record.kind == "equipment_transfer"


ZH_BILATERAL_RECALLING_PEACE_MISSION = (
    "中吉边防联合反恐演习在伊尔克什坦举行\n"
    "2026年9月5日，中国新疆边境管理总队与吉尔吉斯斯坦边防部门在伊尔克什坦口岸附近举行联合反恐演习，"
    "双方共200余人参演。本次演习借鉴了上合组织“和平使命”系列演习的组织模式。"
)
ZH_PEACE_MISSION = (
    "上合组织“和平使命-2026”联合反恐军演在吉尔吉斯斯坦举行\n"
    "2026年9月5日，中国、吉尔吉斯斯坦等国军队在吉尔吉斯斯坦伊塞克湖州举行上合组织“和平使命-2026”"
    "联合反恐军演。"
)
EN_BILATERAL_NAMED = (
    "PLA and Kazakh troops end first bilateral mountain drill\n"
    "ALMATY, May 26, 2026 - Chinese and Kazakh soldiers have wrapped up a 10-day joint "
    "counterterrorism exercise in the mountains of southeastern Kazakhstan, the first bilateral "
    "drill between the two armies since 2021, China's defence ministry said on Monday.\n\n"
    "The drill comes as Kazakhstan seeks to modernise its army after the unrest of January 2022, "
    "when President Kassym-Jomart Tokayev called in CSTO troops from Russia to restore order."
)
EN_THREE_STATES = (
    "China, Kazakhstan and Kyrgyzstan hold joint border drill\n"
    "BISHKEK, Sept 5, 2026 - Border troops of China, Kazakhstan and Kyrgyzstan held a joint "
    "counter-terrorism drill near the junction of their borders on Friday."
)
RU_BILATERAL_NAMED = (
    "Китай и Казахстан провели двусторонние учения пограничников\n"
    "АЛМАТЫ, 5 сентября 2026. Пограничники Казахстана и Китая провели двусторонние "
    "антитеррористические учения у Хоргоса. Ранее Казахстан проводил такие учения с Киргизией "
    "и Узбекистаном."
)
RU_THREE_STATES = (
    "Китай, Казахстан и Киргизия провели совместные учения\n"
    "БИШКЕК, 5 сентября 2026. Пограничники Китая, Казахстана и Киргизии провели совместные "
    "антитеррористические учения на стыке границ трех государств."
)


@pytest.mark.parametrize(
    "text",
    [ZH_BILATERAL_RECALLING_PEACE_MISSION, EN_BILATERAL_NAMED, RU_BILATERAL_NAMED],
    ids=["zh-peace-mission-recalled", "en", "ru"],
)
def test_an_exercise_the_lead_names_bilateral_is_bilateral(text: str) -> None:
    assert _code(text).kind == "bilateral_exercise"


@pytest.mark.parametrize(
    "text", [ZH_PEACE_MISSION, EN_THREE_STATES, RU_THREE_STATES], ids=["zh", "en", "ru"]
)
def test_an_exercise_named_multilateral_or_with_three_states_is_multilateral(text: str) -> None:
    assert _code(text).kind == "multilateral_exercise"
