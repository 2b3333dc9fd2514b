"""Countries taking part on pages that name several Central Asian states (issue 13, seventeenth
round, branch coder44): which passage's states are the sides of the item's event. Each cause
with its contrast, on hand-written texts (none copied from a gold text).

- States thanked (the minister thanked China and its neighbours for their support) are named,
  not sides; a state whose unit takes part in the same sentence stays.
- A state said to send no one (did not send a delegation, 未派代表, не направила делегацию) is
  no side, and a framework's membership does not bring it back; one that sent someone stays.
- A tour's next stop still to come (will continue its trip to Bishkek) is no side of this
  stop's meeting; one the delegation went on to, meeting its officials, is.
- Another act of the day or before it by a partner's own body, the focal state not named
  (Earlier that day the committee's chairman received the Kazakh ambassador), is that act's,
  not the item's; the focal delegation's own next meeting stays.
- A site's menu above the title and its feed of other items below the text (Лента новостей:,
  Другие новости раздела:) name no side.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import absent_sentence, other_act_opening

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

# -- thanks -----------------------------------------------------------------------------------
EN_HANDOVER = (
    "China hands over patrol vehicles to Tajik police\n"
    "DUSHANBE, March 4 -- China handed over 30 patrol vehicles and radio sets to the Interior "
    "Ministry of Tajikistan on Tuesday for police units guarding the border districts. "
)
RU_HANDOVER = (
    "Китай передал таджикской милиции патрульные машины\n"
    "Душанбе, 4 марта. Китай безвозмездно передал Министерству внутренних дел Таджикистана 30 "
    "патрульных автомобилей и радиостанции для подразделений, охраняющих приграничные районы. "
)
ZH_HANDOVER = (
    "中国向塔吉克斯坦内务部移交巡逻车\n"
    "新华社杜尚别3月4日电 中国政府4日向塔吉克斯坦内务部无偿移交30辆巡逻车和一批电台，"
    "用于边境地区警务。"
)
THANKED = {
    "en": EN_HANDOVER + "The minister thanked China, as well as Kazakhstan, Kyrgyzstan and "
    "Uzbekistan, for their support in keeping the region safe.\n",
    "ru": RU_HANDOVER + "Министр поблагодарил Китай, а также Казахстан, Кыргызстан и Узбекистан "
    "за поддержку в обеспечении безопасности региона.\n",
    "zh": ZH_HANDOVER
    + "塔内务部长感谢中国以及哈萨克斯坦、吉尔吉斯斯坦和乌兹别克斯坦对地区安全的支持。\n",
}
THANKED_TAKING_PART = {
    "en": EN_HANDOVER + "The minister thanked the Kyrgyz officers who took part in the ceremony.\n",
    "ru": RU_HANDOVER
    + "Министр поблагодарил кыргызских офицеров, принявших участие в церемонии.\n",
    "zh": ZH_HANDOVER + "塔内务部长感谢参加移交仪式的吉尔吉斯斯坦警官。\n",
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_states_thanked_are_no_sides_of_the_handover(language: str) -> None:
    coded = code_document(make_doc(THANKED[language]))
    assert coded.relevant
    assert set(coded.countries) & CA == {"TJ"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_state_thanked_for_taking_part_stays(language: str) -> None:
    coded = code_document(make_doc(THANKED_TAKING_PART[language]))
    assert {"KG", "TJ"} <= set(coded.countries)


# -- sent no one ------------------------------------------------------------------------------
EN_C5 = (
    "Security council secretaries of Central Asia and China meet in Astana\n"
    "ASTANA, June 9 -- A meeting of security council secretaries in the Central Asia - China "
    "format was held in Astana on Tuesday. The secretaries of the security councils of "
    "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan and a Chinese delegation led by the "
    "Minister of Public Security took part and discussed the fight against terrorism. "
)
RU_C5 = (
    "В Астане встретились секретари советов безопасности Центральной Азии и Китая\n"
    "Астана, 9 июня. Во вторник в Астане прошла встреча секретарей советов безопасности в формате "
    "«Центральная Азия – Китай». В ней приняли участие секретари советов безопасности Казахстана, "
    "Киргизии, Таджикистана и Узбекистана, а также делегация КНР во главе с министром "
    "общественной безопасности; стороны обсудили борьбу с терроризмом. "
)
ZH_C5 = (
    "中国—中亚安全会议秘书会晤在阿斯塔纳举行\n"
    "新华社阿斯塔纳6月9日电 中国—中亚国家安全会议秘书会晤9日在阿斯塔纳举行。哈萨克斯坦、"
    "吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦安全会议秘书和中国公安部长率领的代表团出席会晤，"
    "就共同打击恐怖主义交换意见。"
)
STAYED_AWAY = {
    "en": EN_C5 + "Turkmenistan did not send a delegation.\n",
    "ru": RU_C5 + "Туркмения делегацию на встречу не направила.\n",
    "zh": ZH_C5 + "土库曼斯坦未派代表出席。\n",
}
SENT = {
    "en": EN_C5 + "Turkmenistan sent a deputy minister of national security.\n",
    "ru": RU_C5 + "Туркмению на встрече представлял заместитель министра национальной "
    "безопасности.\n",
    "zh": ZH_C5 + "土库曼斯坦派国家安全部副部长出席。\n",
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_member_that_sent_no_one_is_no_side(language: str) -> None:
    coded = code_document(make_doc(STAYED_AWAY[language]))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ", "KG", "TJ", "UZ"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_member_that_sent_someone_stays(language: str) -> None:
    coded = code_document(make_doc(SENT[language]))
    assert "TM" in coded.countries


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkmenistan did not send a delegation.", True),
        ("Turkmenistan sent a delegation.", False),
        ("Туркмения делегацию не направила.", True),
        ("Сотрудничество не направлено против третьих стран.", False),
        ("土库曼斯坦未派代表出席。", True),
        ("土库曼斯坦派代表出席。", False),
    ],
)
def test_absent_sentence(sentence: str, expected: bool) -> None:
    assert absent_sentence(sentence, 0, 0, len(sentence)) is expected


# -- a tour's next stop -----------------------------------------------------------------------
EN_TOUR = (
    "Chinese and Kazakh general staff chiefs hold talks\n"
    "ASTANA, May 20 -- The chiefs of the general staff of Kazakhstan and the Chinese People's "
    "Liberation Army held talks in Astana on Wednesday on military cooperation and joint "
    "counter-terrorism training. "
)


def test_a_tour_s_next_stop_to_come_is_no_side() -> None:
    text = EN_TOUR + "The Chinese delegation will continue its trip to Bishkek next week.\n"
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ"}


def test_a_stop_the_delegation_went_on_to_stays() -> None:
    text = (
        EN_TOUR + "The Chinese delegation then travelled to Bishkek, where it held talks with "
        "Kyrgyz defence officials on joint training.\n"
    )
    coded = code_document(make_doc(text))
    assert {"KG", "KZ"} <= set(coded.countries)


# -- another act of the partner's own body ----------------------------------------------------
RU_GKNB = (
    "Председатель ГКНБ встретился с послом Китая\n"
    "Бишкек, 12 февраля. Председатель Государственного комитета национальной безопасности "
    "Кыргызстана встретился с послом КНР; стороны обсудили противодействие терроризму и "
    "безопасность китайских граждан. "
)
EN_GKNB = (
    "Security chief meets Chinese ambassador\n"
    "BISHKEK, February 12 -- The chairman of Kyrgyzstan's State Committee for National Security "
    "met the Chinese ambassador on Thursday to discuss counter-terrorism and the safety of "
    "Chinese citizens. "
)

ZH_GKNB = (
    "吉尔吉斯斯坦国家安全委员会主席会见中国驻吉大使\n"
    "新华社比什凯克2月12日电 吉尔吉斯斯坦国家安全委员会主席12日在比什凯克会见中国驻吉尔吉斯斯坦"
    "大使，双方就打击恐怖主义、保护中国公民安全等问题交换意见。"
)


@pytest.mark.parametrize(
    "text",
    [
        RU_GKNB + "Ранее в тот же день глава ГКНБ принял посла Казахстана и обсудил с ним "
        "охрану границы.\n",
        EN_GKNB + "Earlier the same day the GKNB chairman received the ambassador of Kazakhstan "
        "to discuss border security.\n",
        ZH_GKNB
        + "同日，吉尔吉斯斯坦国家安全委员会主席还会见了哈萨克斯坦驻吉大使，讨论边境安全问题。\n",
    ],
    ids=["ru", "en", "zh"],
)
def test_the_partner_body_s_other_act_of_the_day_is_not_the_item_s(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize(
    "text",
    [
        RU_GKNB + "В тот же день посол КНР и глава ГКНБ встретились с послом Казахстана и "
        "обсудили охрану границы.\n",
        EN_GKNB + "The same day the Chinese ambassador and the GKNB chairman met the ambassador "
        "of Kazakhstan to discuss border security.\n",
        ZH_GKNB + "同日，中国驻吉大使与吉尔吉斯斯坦国家安全委员会主席共同会见了哈萨克斯坦驻吉大使，"
        "讨论边境安全问题。\n",
    ],
    ids=["ru", "en", "zh"],
)
def test_an_act_of_the_day_the_focal_state_takes_part_in_stays(text: str) -> None:
    coded = code_document(make_doc(text))
    assert {"KG", "KZ"} <= set(coded.countries)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ранее в тот же день глава ГКНБ принял посла.", True),
        ("Накануне делегация посетила заставу.", True),
        ("Earlier that day the chairman received the envoy.", True),
        ("同日，国家安全委员会主席会见了大使。", True),
        ("Стороны обсудили охрану границы.", False),
        ("The chairman received the envoy earlier that day.", False),
        ("Earlierly sentences do not count.", False),
    ],
)
def test_other_act_opening(sentence: str, expected: bool) -> None:
    assert other_act_opening(sentence, 0, len(sentence)) is expected


# -- a site's menu and feed -------------------------------------------------------------------
RU_MENU_PAGE = (
    "AKIpress | Новости | Казахстан | Узбекистан | Центральная Азия | Мир\n"
    "Китай и Кыргызстан провели совместные учения спецназа\n"
    "Бишкек, 3 июня. Спецподразделения Кыргызстана и Китая провели совместные антитеррористические "
    "учения под Бишкеком, отработав освобождение заложников.\n"
)


def test_a_site_s_menu_names_no_side() -> None:
    coded = code_document(make_doc(RU_MENU_PAGE))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize("heading", ["Лента новостей:", "Другие новости раздела:"])
def test_a_site_s_feed_names_no_side(heading: str) -> None:
    text = (
        RU_MENU_PAGE + "Учения продлятся два дня.\n\n" + heading + "\n"
        "— Президент Узбекистана провёл телефонный разговор с главой МИД Туркмении\n"
        "— В Астане прошло заседание СМИД СНГ\n"
    )
    coded = code_document(make_doc(text))
    assert set(coded.countries) & CA == {"KG"}


def test_a_state_named_in_the_body_above_the_feed_stays() -> None:
    text = (
        RU_MENU_PAGE + "В учениях впервые приняло участие подразделение Узбекистана.\n\n"
        "Лента новостей:\n— В Астане прошло заседание СМИД СНГ\n"
    )
    coded = code_document(make_doc(text))
    assert {"KG", "UZ"} <= set(coded.countries)


# -- the same actor's other act elsewhere; a state with no word -------------------------------
EN_CLASH = (
    "Guards of Chinese-owned mine clash with villagers in Kyrgyzstan\n"
    "BISHKEK, August 3 -- Guards of a Chinese private security company clashed with local "
    "residents at a Chinese-owned copper mine in Kyrgyzstan's Jalal-Abad region on Sunday, the "
    "Interior Ministry of Kyrgyzstan said. The Chinese embassy asked the Kyrgyz authorities to "
    "protect Chinese workers. "
)
RU_CLASH = (
    "У китайского рудника в Кыргызстане произошла стычка\n"
    "Бишкек, 3 августа. Охранники китайской частной охранной компании вступили в стычку с "
    "местными жителями у китайского медного рудника в Джалал-Абадской области, сообщило МВД "
    "Кыргызстана. Посольство КНР попросило кыргызские власти обеспечить безопасность китайских "
    "работников. "
)


@pytest.mark.parametrize(
    "text",
    [
        EN_CLASH + "The same firm also protects a Chinese cement plant in Kazakhstan.\n",
        EN_CLASH + "Officials in Kazakhstan were not available for comment.\n",
        RU_CLASH + "Эта же компания также охраняет китайский завод в Казахстане.\n",
        RU_CLASH + "В МИД Казахстана от комментариев отказались.\n",
        RU_CLASH + "Запросы кыргызской стороны в Казахстан по этому делу остаются без ответа.\n",
    ],
    ids=["en-also-in", "en-no-comment", "ru-also-in", "ru-no-comment", "ru-unanswered"],
)
def test_the_firm_s_other_site_and_a_silent_neighbour_are_no_sides(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize(
    "text",
    [
        EN_CLASH + "Kazakh police also took part in the search for the attackers in Kyrgyzstan.\n",
        RU_CLASH + "В розыске нападавших также участвовала полиция Казахстана.\n",
    ],
    ids=["en", "ru"],
)
def test_a_neighbour_taking_part_stays(text: str) -> None:
    coded = code_document(make_doc(text))
    assert {"KG", "KZ"} <= set(coded.countries)


def test_a_partner_body_named_by_its_abbreviation_acts_on_its_own() -> None:
    text = (
        "Визит делегации МГБ КНР в Узбекистан перенесён\n"
        "Ташкент, 5 мая. Визит в Узбекистан делегации Министерства государственной безопасности "
        "КНР, в ходе которого стороны собирались обсудить противодействие экстремизму, перенесён "
        "по обоюдному согласию. В тот же день СГБ приняла делегацию пограничной службы "
        "Казахстана и обсудила охрану границы.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"UZ"}


def test_the_focal_delegation_s_meeting_of_the_day_stays() -> None:
    # the contrast: no partner body acts, the delegation (the focal state's) meets the neighbour
    text = (
        "Делегация МВД Китая провела переговоры в Бишкеке\n"
        "Бишкек, 5 мая. Делегация Министерства общественной безопасности КНР провела в Бишкеке "
        "переговоры с МВД Кыргызстана о борьбе с терроризмом. В тот же день делегация "
        "встретилась с министром внутренних дел Казахстана в Алматы.\n"
    )
    coded = code_document(make_doc(text))
    assert {"KG", "KZ"} <= set(coded.countries)


@pytest.mark.parametrize(
    "source", ["Интерфакс-Казахстан", "Sputnik Казахстан", "по данным Интерфакс-Казахстан"]
)
def test_a_medium_s_name_names_no_side(source: str) -> None:
    text = (
        "Китай и Кыргызстан провели учения спецназа\n"
        f"{source}, 3 июня 2026\n"
        "Бишкек, 3 июня. Спецподразделения Кыргызстана и Китая провели совместные "
        "антитеррористические учения под Бишкеком.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


def test_a_state_beside_a_medium_s_name_taking_part_stays() -> None:
    # the contrast: the medium reports, Kazakhstan's unit takes part
    text = (
        "Китай и Кыргызстан провели учения спецназа\n"
        "Интерфакс, 3 июня 2026\n"
        "Бишкек, 3 июня. Спецподразделения Кыргызстана, Казахстана и Китая провели совместные "
        "антитеррористические учения под Бишкеком.\n"
    )
    coded = code_document(make_doc(text))
    assert {"KG", "KZ"} <= set(coded.countries)
