"""Countries taking part: the sixteenth round's causes (issue 13, branch coder36), each with its
contrast, on hand-written texts (none copied from a gold text).

The yardstick of a comparison (compared with Kyrgyzstan, в отличие от Киргизии, 与吉尔吉斯斯坦相
比) is the state the text measures the event's side against: it is named, not taking part, in
the report of an event and in commentary alike. The same state named as one more side (a unit
from Kyrgyzstan took part; Kyrgyzstan, too, sends its officers) stays.

An exercise's verb (practised, rehearsed, отработали, as 演练 already was) reports the
exercise: the states whose units practised after the lead are its sides, not states talked
about; a state that only bought equipment stays talked about.

The focal state's security firms abroad take part where they operate (gold guideline 2, host
states): a partner state named as where the firms operate, in a sentence naming them, is one of
the item's countries; one where others (Russian border guards) operate, or the home of the firms'
clients, is not.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import background_sentences
from steppewatch.extract.coder_entities import compared_with
from steppewatch.extract.matcher import Hit

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

EN_LEAD = (
    "Chinese and Tajik border guards hold joint exercise in Gorno-Badakhshan\n"
    "DUSHANBE, April 9 -- Border guards of China and Tajikistan held a two-day joint "
    "counter-terrorism exercise in the Murghab district on Wednesday, practising the pursuit of "
    "an armed group that crossed the border. "
)
RU_LEAD = (
    "Пограничники Китая и Таджикистана провели совместные учения\n"
    "Душанбе, 9 апреля. Пограничные службы Китая и Таджикистана провели двухдневные совместные "
    "антитеррористические учения в Мургабском районе, отработав преследование вооружённой группы, "
    "пересёкшей границу. "
)
ZH_LEAD = (
    "中塔边防部队举行联合反恐演习\n"
    "新华社杜尚别4月9日电 中国和塔吉克斯坦边防部队9日在穆尔加布地区举行为期两天的联合反恐演习，"
    "演练追捕越境武装团伙。"
)
COMPARED = {
    "en": EN_LEAD + "Compared with Kyrgyzstan, Tajikistan guards a far longer stretch of the "
    "Afghan frontier and relies more on Chinese equipment.\n",
    "ru": RU_LEAD + "В отличие от Киргизии, Таджикистан охраняет гораздо более длинный участок "
    "афганской границы и сильнее зависит от китайской техники.\n",
    "zh": ZH_LEAD
    + "与吉尔吉斯斯坦相比，塔吉克斯坦需要守卫的塔阿边境更长，也更依赖中国提供的装备。\n",
}
TAKING_PART = {
    "en": EN_LEAD + "A unit from Kyrgyzstan also took part in the exercise for the first time.\n",
    "ru": RU_LEAD + "Впервые в учениях приняло участие и подразделение из Киргизии.\n",
    "zh": ZH_LEAD + "吉尔吉斯斯坦边防部队首次派分队参加演习。\n",
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_the_yardstick_of_a_comparison_is_no_side_of_the_exercise(language: str) -> None:
    coded = code_document(make_doc(COMPARED[language]))
    assert coded.relevant
    assert coded.kind == "bilateral_exercise"
    assert set(coded.countries) & CA == {"TJ"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_state_named_taking_part_after_the_lead_stays(language: str) -> None:
    # the contrast: the same state named as one more side of the exercise
    coded = code_document(make_doc(TAKING_PART[language]))
    assert {"KG", "TJ"} <= set(coded.countries)


EN_COMMENT = (
    "Why Beijing bets on Dushanbe\n"
    "Analysis | 3 May\n"
    "China's security ties with Tajikistan have deepened faster than with any other neighbour. "
    "Chinese police advisers train Tajik officers and Beijing has funded border posts along the "
    "Afghan frontier. "
)
RU_COMMENT = (
    "Почему Пекин делает ставку на Душанбе\n"
    "Аналитика, 3 мая\n"
    "Сотрудничество Китая и Таджикистана в сфере безопасности развивается быстрее, чем с другими "
    "соседями. Китайские советники обучают таджикских полицейских, а Пекин финансирует заставы на "
    "афганской границе. "
)
ZH_COMMENT = (
    "北京为何看重杜尚别\n"
    "评论 5月3日\n"
    "近年来，中国与塔吉克斯坦的安全合作发展迅速。中国警务顾问为塔方培训警官，中方还援建了塔阿边境哨所。"
)


@pytest.mark.parametrize(
    "text",
    [
        EN_COMMENT + "Compared with Kyrgyzstan, where Chinese investment keeps provoking "
        "protests, Tajik society has stayed quiet about the Chinese presence.\n",
        RU_COMMENT + "По сравнению с Кыргызстаном, где китайские инвестиции вызывают протесты, "
        "таджикское общество относится к присутствию Китая спокойно.\n",
        ZH_COMMENT + "与吉尔吉斯斯坦相比，塔吉克斯坦社会对中国的存在反应平静。\n",
    ],
    ids=["en", "ru", "zh"],
)
def test_the_yardstick_of_a_comparison_is_not_what_commentary_discusses(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"TJ"}


def test_a_partner_commentary_discusses_as_well_stays() -> None:
    # the contrast: the second state's own engagement with China, not a yardstick
    text = EN_COMMENT + "Kyrgyzstan, too, now sends its police officers to Chinese academies.\n"
    coded = code_document(make_doc(text))
    assert {"KG", "TJ"} <= set(coded.countries)


def _hit(text: str, name: str) -> Hit:
    start = text.index(name)
    return Hit(start=start, end=start + len(name), term=name, payload=("state", "KG"))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Unlike Kyrgyzstan, it buys drones.", "Kyrgyzstan", True),
        ("more often than in Kyrgyzstan.", "Kyrgyzstan", True),
        ("held talks with Kyrgyzstan on border security.", "Kyrgyzstan", False),
        ("чаще, чем в Киргизии.", "Киргизии", True),
        ("провели переговоры с Киргизией.", "Киргизией", False),
        ("不同于吉尔吉斯斯坦，该国", "吉尔吉斯斯坦", True),
        ("和吉尔吉斯斯坦的情况相比，", "吉尔吉斯斯坦", True),
        ("中方与吉尔吉斯斯坦举行会谈。", "吉尔吉斯斯坦", False),
        ("比如吉尔吉斯斯坦", "吉尔吉斯斯坦", False),
    ],
)
def test_compared_with_reads_the_words_around_the_name(
    text: str, name: str, expected: bool
) -> None:
    assert compared_with(text, _hit(text, name)) is expected


EXERCISE_EN = (
    "SCO security services end joint anti-terrorist exercise\n"
    "BISHKEK, May 20 -- A joint exercise of the competent authorities of the SCO member states "
    "ended on Tuesday.\n"
)
EXERCISE_RU = (
    "Учения ШОС завершились\n"
    "Бишкек, 20 мая. Совместные учения компетентных органов государств – членов ШОС завершились "
    "во вторник.\n"
)


@pytest.mark.parametrize(
    ("text", "name", "event", "background"),
    [
        (
            EXERCISE_EN + "Special units of China, Kazakhstan and Russia practised the search for "
            "an armed gang.\n",
            "Kazakhstan",
            "exercise",
            False,
        ),
        (
            EXERCISE_EN + "Kazakhstan has bought Chinese armoured cars for its police.\n",
            "Kazakhstan",
            "exercise",
            True,
        ),
        (
            EXERCISE_RU + "Спецподразделения Китая, Казахстана и России отработали поиск "
            "вооружённой банды.\n",
            "Казахстана",
            "учения",
            False,
        ),
        (
            EXERCISE_RU + "Казахстан закупил китайские бронемашины для полиции.\n",
            "Казахстан",
            "учения",
            True,
        ),
    ],
    ids=["en-practised", "en-bought", "ru-practised", "ru-bought"],
)
def test_units_that_practised_are_sides_not_background(
    text: str, name: str, event: str, background: bool
) -> None:
    start = text.index(name, text.index("\n"))
    hit = Hit(start=start, end=start + len(name), payload=("state", "KZ"), term=name)
    spans = background_sentences(text, 0, len(text), [hit], [text.index(event)], "2026-05-20")
    assert any(a <= start < b for a, b in spans) is background


PSC_EN = (
    "Chinese security firms expand in Central Asia\n"
    "BISHKEK, June 3 -- Two Chinese private security companies that guard mines and road "
    "projects of Chinese investors have been registered in Kyrgyzstan this spring, the Interior "
    "Ministry said. "
)
PSC_RU = (
    "Китайские охранные компании расширяют присутствие в Центральной Азии\n"
    "Бишкек, 3 июня. Две китайские частные охранные компании, охраняющие рудники и дорожные "
    "объекты китайских инвесторов, этой весной зарегистрированы в Кыргызстане, сообщило МВД. "
)
PSC_ZH = (
    "中资安保企业加快布局中亚\n"
    "新华社比什凯克6月3日电 吉尔吉斯斯坦内务部3日说，两家为中国投资者的矿山和道路项目提供安保服务的"
    "中国民营安保公司今年春季在吉尔吉斯斯坦完成注册。"
)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (
            PSC_EN + "The same Chinese private security companies are also operating in "
            "Tajikistan.\n",
            True,
        ),
        (PSC_EN + "Russian border guards are still operating in Tajikistan.\n", False),
        (PSC_RU + "Эти китайские охранные компании действуют также в Таджикистане.\n", True),
        (PSC_RU + "Российские пограничники по-прежнему действуют в Таджикистане.\n", False),
        (PSC_ZH + "这两家中国安保公司目前也在塔吉克斯坦运营。\n", True),
    ],
    ids=["en-firms", "en-others", "ru-firms", "ru-others", "zh-firms"],
)
def test_security_firms_take_part_where_they_operate(text: str, host: bool) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "private_security"
    assert set(coded.countries) & CA == ({"KG", "TJ"} if host else {"KG"})


def test_the_home_of_the_firms_clients_is_no_host() -> None:
    text = (
        PSC_EN + "The Chinese private security companies also escort cargo for Kazakh companies.\n"
    )
    coded = code_document(make_doc(text))
    assert set(coded.countries) & CA == {"KG"}
