"""Who takes part on a fresh set's pages: the nineteenth round's causes read on tune7 (issue 13,
branch coder62), each with its contrast, on hand-written texts (none copied from a gold text).

Forces drawn into the event from states (К учению привлечены военнослужащие из Китая,
Казахстана...; the drill involved 1,500 troops from ...; 出动兵力) are those states taking part, as
"sent forces" is: the sentence is no background, so its states are sides, while a state named
in a sentence that reports nothing stays background.

A state represented only by observers is no side, also when its sentence is background: it is
not even an example, which would take part when no partner is named otherwise.

One more event still to be held, no one said to take part in it (the college will also host a
course for Tajik officers; 今年还将举办哈萨克斯坦警官研修班; также проведут учения с Таджикистаном),
is another event than the item's: the states named after its word (what it is held for) are no
sides. A state said to take part stays a side, and so do states named as holding it (China and
Kyrgyzstan will also hold an exercise: ``test_coder_relevance_negatives``).

A security firm that a partner state's name qualifies (a Kazakh security company guards the
plant; казахстанская охранная компания) is that state's own firm, not the focal state's security
firms abroad: a trade page with one is no security engagement. A Chinese firm there still is.
"""

from __future__ import annotations

from steppewatch.extract import code_document

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _partners(text: str, language: str) -> set[str]:
    coded = code_document(make_doc(text, language=language))
    assert coded.relevant
    return set(coded.countries) & CA


# -- forces drawn in; observers ----------------------------------------------------------------
RU_DRAWN_IN = (
    "Учение «Взаимодействие» стартовало в Приморье\n"
    "ВЛАДИВОСТОК, 5 июня. На полигоне Сергеевский начался активный этап совместного "
    "антитеррористического учения государств – членов ШОС.\n"
    "К нему привлечены около двух тысяч военнослужащих и 300 единиц техники из России, Китая, "
    "Казахстана и Таджикистана.\n"
    "Киргизия представлена группой наблюдателей от Генштаба.\n"
    "Подразделения отработают уничтожение условных бандформирований.\n"
)


def test_forces_drawn_in_from_states_are_sides_ru() -> None:
    assert _partners(RU_DRAWN_IN, "ru") == {"KZ", "TJ"}


def test_a_sentence_reporting_nothing_stays_background_ru() -> None:
    text = RU_DRAWN_IN.replace(
        "К нему привлечены около двух тысяч военнослужащих и 300 единиц техники из России, Китая, "
        "Казахстана и Таджикистана.\n",
        "Россия и Китай выставили по батальону. Таджикистан закупает у Китая бронетехнику.\n",
    )
    # (Tajikistan only buys: no side; Kyrgyzstan only observes: no example either)
    assert "KG" not in _partners(text, "ru")


EN_INVOLVED = (
    "Joint counter-terrorism drill opens in Xinjiang\n"
    "URUMQI, May 9 - An anti-terrorism exercise of the SCO member states began on Tuesday at a "
    "range near Korla.\n"
    "The drill involved 1,500 troops from China, Kazakhstan and Uzbekistan.\n"
    "Turkmenistan sent two officers as observers.\n"
)


def test_troops_involved_from_states_are_sides_en() -> None:
    assert _partners(EN_INVOLVED, "en") == {"KZ", "UZ"}


# -- an event still to be held ------------------------------------------------------------------
ZH_TO_HOLD = (
    "塔吉克斯坦边防军官研修班在京结业\n"
    "本报北京5月20日电 塔吉克斯坦边防军官研修班结业仪式19日在武警学院举行，"
    "25名塔方学员完成了为期一个月的学习。\n"
    "课程包括边境管控、反恐处置和装备使用。\n"
    "据悉，学院下半年还将举办乌兹别克斯坦、土库曼斯坦边防军官研修班。\n"
)


def test_courses_still_to_be_held_bring_no_sides_zh() -> None:
    assert _partners(ZH_TO_HOLD, "zh") == {"TJ"}


def test_a_state_taking_part_now_stays_a_side_zh() -> None:
    text = ZH_TO_HOLD.replace(
        "据悉，学院下半年还将举办乌兹别克斯坦、土库曼斯坦边防军官研修班。",
        "乌兹别克斯坦学员也参加了本期研修班。",
    )
    assert _partners(text, "zh") == {"TJ", "UZ"}


EN_TO_HOLD = (
    "Kyrgyz police officers finish course in Urumqi\n"
    "URUMQI, Oct 3 - Thirty Kyrgyz police officers completed a three-week counter-narcotics "
    "course at a Xinjiang police college on Friday, the college said.\n"
    "The trainees studied drug detection and border checks.\n"
    "The college will also host a course for Tajik officers next spring.\n"
)


def test_a_course_to_be_hosted_brings_no_side_en() -> None:
    assert _partners(EN_TO_HOLD, "en") == {"KG"}


# -- a partner state's own security firm --------------------------------------------------------
RU_PARTNER_FIRM = (
    "Китайская компания открыла завод по выпуску насосов в Шымкенте\n"
    "ШЫМКЕНТ, 12 марта. Китайский производитель насосного оборудования запустил завод в "
    "индустриальной зоне Шымкента, инвестиции составили 20 млрд тенге.\n"
    "На предприятии создано 500 рабочих мест.\n"
    "Охрану завода обеспечивает казахстанская охранная компания.\n"
    "Продукция будет поставляться в Узбекистан и Кыргызстан.\n"
)


def test_a_partners_security_firm_is_no_engagement_ru() -> None:
    coded = code_document(make_doc(RU_PARTNER_FIRM, language="ru"))
    assert not coded.relevant


def test_a_chinese_security_firm_there_is_engagement_ru() -> None:
    text = RU_PARTNER_FIRM.replace(
        "казахстанская охранная компания", "китайская частная охранная компания"
    )
    coded = code_document(make_doc(text, language="ru"))
    assert coded.relevant
