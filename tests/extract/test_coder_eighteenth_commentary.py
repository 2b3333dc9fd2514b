"""Commentary or event (eighteenth round, coder53): an item whose lead reports its event as denied
or called off with no new date, and names no other event, reports no event (gold guide addition
1 and the commentary guidelines), whatever its later paragraphs recall (the programme the visit
had, another delegation's talks last month); its countries are the called-off event's sides, not
the partners the later paragraphs name. Near miss: a lead that reports talks held, over a later
sentence that puts off one part of the programme, keeps its meeting. Hand-written texts, not
copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder


def _code(text: str, language: str) -> tuple[bool, str | None, list[str]]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return bool(coded.relevant), coded.kind, list(coded.countries)


CALLED_OFF_LEAD = [
    (
        "en",
        "Chinese security delegation's trip to Bishkek postponed\n"
        "Bishkek, 4 March. The visit to Kyrgyzstan of a delegation of China's Minister of Public "
        "Security, planned for this week, has been postponed by mutual consent, the Kyrgyz "
        "interior ministry said.\n"
        "The programme of the visit had included talks at the ministry and a tour of the police "
        "academy.\n"
        "Cooperation between the two countries' police forces has grown in recent years, and "
        "Kazakhstan's interior minister held consultations in Bishkek last month.",
        "KG",
        "KZ",
    ),
    (
        "ru",
        "Визит делегации МВД Китая в Душанбе отложен\n"
        "Душанбе, 4 марта. Визит в Таджикистан делегации Министерства общественной безопасности "
        "КНР, намеченный на эту неделю, отложен по взаимному согласию сторон, сообщило МВД "
        "Таджикистана.\n"
        "Программа визита предусматривала переговоры в министерстве и посещение академии МВД.\n"
        "В прошлом месяце министр внутренних дел Узбекистана провёл консультации в Душанбе.",
        "TJ",
        "UZ",
    ),
    (
        "zh",
        "中塔执法安全合作会晤推迟\n"
        "杜尚别3月4日电 原定本周在杜尚别举行的中塔执法安全合作会晤已推迟，塔内务部说。\n"
        "会晤日程原包括在内务部举行会谈和参观内务部学院。\n"
        "上月，乌兹别克斯坦内务部长在杜尚别进行了磋商。",
        "TJ",
        "UZ",
    ),
]
HELD_LEAD = [
    (
        "en",
        "Chinese security delegation holds talks in Bishkek\n"
        "Bishkek, 4 March. A delegation of China's Ministry of Public Security held talks with the "
        "Kyrgyz interior ministry on Tuesday, the ministry said.\n"
        "A planned tour of the police academy has been postponed.\n"
        "Cooperation between the two countries' police forces has grown in recent years.",
    ),
    (
        "ru",
        "Делегация МВД Китая провела переговоры в Душанбе\n"
        "Душанбе, 4 марта. Делегация Министерства общественной безопасности КНР во вторник "
        "провела переговоры в МВД Таджикистана, сообщило министерство.\n"
        "Посещение академии МВД, намеченное на среду, отложено.\n"
        "Сотрудничество полиции двух стран в последние годы расширяется.",
    ),
    (
        "zh",
        "中国公安部代表团在杜尚别举行会谈\n"
        "杜尚别3月4日电 中国公安部代表团周二同塔吉克斯坦内务部举行了会谈，塔内务部说。\n"
        "原定周三参观内务部学院的安排已推迟。\n"
        "近年来两国警务合作不断扩大。",
    ),
]


@pytest.mark.parametrize(("language", "text", "side", "example"), CALLED_OFF_LEAD)
def test_a_lead_event_called_off_leaves_the_item_commentary(
    language: str, text: str, side: str, example: str
) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert side in countries
    assert example not in countries  # named in a later paragraph: no side of the visit


@pytest.mark.parametrize(("language", "text"), HELD_LEAD)
def test_a_lead_reporting_talks_held_keeps_its_meeting(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "meeting"
