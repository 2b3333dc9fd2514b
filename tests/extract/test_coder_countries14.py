"""Countries taking part and relevance: the fourteenth round's causes (issue 13, branch coder25),
each with its contrast, on hand-written Chinese, Russian and English texts (none copied from a
gold text).

Coded: a regional framework's meeting named in the first sentence under a byline (the lead is
past the byline, not the title alone); the delegates of a framework's gathering named in a
sentence with states from outside the region (they attend it, it is no third state's doing),
and the chair presiding over that gathering (not the next chair); states listed with "etc."
that act together (中国、吉尔吉斯斯坦等国…联合). Not coded: the European Union's programme in a
partner state (a body of other states, now in the gazetteer), in which China is named as one
more donor. Per study: the CSTO is an outside body for the PRC study and the Russia study's
own framework.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document, extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.gazetteer import for_study
from steppewatch.extract.model import CodedDocument
from steppewatch.study import load_study

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _ca(text: str) -> tuple[CodedDocument, set[str]]:
    coded = code_document(make_doc(text))
    return coded, set(coded.countries) & CA


# -- a framework's meeting in the first sentence under a byline ---------------------------------
EN_BYLINE = (
    "Security chiefs of the bloc agree on closer intelligence sharing\n"
    "By a staff reporter in Dushanbe | Daily Courier | Updated: 2026-04-15 09:30\n"
    "\n"
    "Senior security officials of the Shanghai Cooperation Organization member states agreed in "
    "Dushanbe on Tuesday to share more intelligence on armed groups and drug smuggling routes.\n"
    "The 22nd Meeting of Secretaries of Security Councils of SCO member states was chaired by the "
    "secretary of Tajikistan's Security Council. A deputy secretary of China's Central Political "
    "and Legal Affairs Commission attended and spoke on terrorism.\n"
    "Officials from India, Iran, Kazakhstan, Kyrgyzstan, Pakistan, Russia and Uzbekistan also "
    "attended the meeting.\n"
    "In the closed session the delegations reviewed the work of the past year. Several speakers "
    "said that the groups active along the region's southern frontier were recruiting online and "
    "moving money through small transfer offices, and that their members crossed borders on "
    "forged papers. The participants asked their services to compare the lists of wanted persons "
    "they keep and to answer each other's requests within a set number of days.\n"
    "The final document lists the priorities for the next two years: protecting pipelines, "
    "railways and power lines that cross several countries; tracing the money of armed groups; "
    "and stopping the sale of synthetic drugs through messaging channels. It also asks the "
    "ministries concerned to prepare a joint training course for investigators, to be held in "
    "one of the capitals next spring, and to report on its results to the next meeting.\n"
    "Observers noted that the wording on online propaganda was stronger than in earlier years. "
    "One participant said the delegations had spent most of the second day on the question of "
    "how to remove recruitment videos quickly, and that the companies running the platforms "
    "would be invited to a separate session. Another said the members still differ on how to "
    "define the groups they list, and that the lists would be compared again before the end of "
    "the year. Delegates also discussed the training of border staff, the exchange of "
    "fingerprint records and the protection of witnesses in cross-border cases, and agreed to "
    "set up a working group of experts that will meet twice a year to prepare the next steps.\n"
    "The host country's officials said the meeting had been the largest of its kind so far, with "
    "more than one hundred delegates, and thanked the secretariat for its preparation. The "
    "delegations later visited a training centre for special police units outside the city, "
    "where they watched a demonstration of a hostage rescue and of the search of a vehicle at "
    "a checkpoint, and they were shown the centre's new simulator for mountain operations.\n"
)


def test_framework_meeting_under_a_byline_is_the_lead() -> None:
    coded, ca = _ca(EN_BYLINE)
    assert coded.relevant
    assert coded.framework == "SCO"
    assert {"KZ", "KG", "TJ", "UZ"} <= ca


# -- a gathering's delegates named with states from outside the region --------------------------
ZH_GATHERING = (
    "亚信反恐专家会议在杜尚别召开\n"
    "2026年3月4日至5日，亚洲相互协作与信任措施会议（亚信）反恐专家会议在塔吉克斯坦首都杜尚别举行。"
    "中国外交部代表出席会议并发言，表示愿同各成员国深化反恐和禁毒合作。"
    "吉尔吉斯斯坦、乌兹别克斯坦、土耳其、伊朗等十余个成员国代表与会，会议由担任亚信主席国的阿塞拜疆代表主持。\n"
)
RU_GATHERING = (
    "В Душанбе прошло совещание экспертов СВМДА по борьбе с терроризмом\n"
    "4 марта 2026 года в Душанбе прошло совещание экспертов Совещания по взаимодействию и мерам "
    "доверия в Азии по противодействию терроризму и наркотрафику. Представитель МИД Китая "
    "выступил на совещании и призвал усилить сотрудничество в борьбе с терроризмом. В совещании приняли участие делегации Киргизии, Узбекистана, "
    "Турции и Ирана, председательство осуществлял представитель Азербайджана.\n"
)
# contrast: a third state's own act with a partner state, no gathering's delegates
ZH_THIRD_STATE = (
    "中方代表出席亚信反恐专家会议\n"
    "2026年3月4日，亚信反恐专家会议在杜尚别举行，中国外交部代表出席并同塔吉克斯坦代表就禁毒合作交换意见。"
    "另据报道，美国与乌兹别克斯坦本月举行了联合演习。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(ZH_GATHERING, {"KG", "TJ", "UZ"}, id="zh"),
        pytest.param(RU_GATHERING, {"KG", "UZ"}, id="ru"),
    ],
)
def test_delegates_of_a_gathering_with_outside_states_take_part(
    text: str, expected: set[str]
) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert coded.framework == "CICA"
    assert expected <= ca


def test_third_state_act_beside_a_gathering_is_not_a_delegate() -> None:
    coded, ca = _ca(ZH_THIRD_STATE)
    assert coded.relevant
    assert "UZ" not in ca


# -- states listed with "etc." that act together --------------------------------------------------
ZH_JOINT_LIST = (
    "上合组织成员国禁毒联合行动结束\n"
    "新华社北京6月2日电 记者从公安部获悉，为期两个月的上合组织成员国禁毒联合行动日前结束。"
    "行动期间，中国、吉尔吉斯斯坦、塔吉克斯坦和乌兹别克斯坦等国禁毒部门联合开展边境查缉，缴获毒品800余公斤。"
    "中哈两国警方还在霍尔果斯口岸开展了联合检查。\n"
)
# contrast: the same list with "etc." naming supporters of a statement, no joint act
ZH_SUPPORT_LIST = (
    "中哈举行禁毒合作会谈\n"
    "新华社北京6月2日电 中国公安部副部长与哈萨克斯坦内务部副部长在北京举行会谈，双方同意加强禁毒执法合作。"
    "此前，吉尔吉斯斯坦、塔吉克斯坦等国曾表示支持有关倡议。\n"
)


def test_listed_states_acting_together_take_part() -> None:
    coded, ca = _ca(ZH_JOINT_LIST)
    assert coded.relevant
    assert {"KG", "KZ", "TJ", "UZ"} <= ca


def test_listed_states_giving_support_are_examples() -> None:
    coded, ca = _ca(ZH_SUPPORT_LIST)
    assert coded.relevant
    assert ca == {"KZ"}


# -- the European Union: a body of other states ----------------------------------------------------
EN_EU = (
    "Tajikistan: EU opens border training centre in Khatlon\n"
    "Regional Monitor\n"
    "Apr 3, 2026\n"
    "\n"
    "The European Union has opened a training centre for Tajikistan's border troops near the "
    "Panj river, part of a programme to stop drug smuggling across the southern frontier.\n"
    "The EU delegation in Dushanbe said the centre will train 300 border guards a year. China has "
    "funded outposts in the Pamirs and supplied vehicles and equipment to the border troops.\n"
)
RU_EU = (
    "Евросоюз открыл учебный центр для пограничников Таджикистана\n"
    "ДУШАНБЕ, 3 апреля. Европейский союз открыл учебный центр для пограничных войск "
    "Таджикистана на реке Пяндж в рамках программы по борьбе с наркотрафиком на южной границе.\n"
    "Китай финансировал строительство застав на Памире и передал пограничникам автомобили и "
    "снаряжение.\n"
)


@pytest.mark.parametrize("text", [EN_EU, RU_EU], ids=["en", "ru"])
def test_european_union_programme_is_not_the_focal_state_engaging(text: str) -> None:
    coded, _ = _ca(text)
    assert not coded.relevant


def test_european_union_is_in_the_gazetteer() -> None:
    gazetteer = for_study(load_study(None))
    assert "EU" in gazetteer.states
    names = gazetteer.states["EU"].names
    assert "欧盟" in names["zh"] and "EU" in names["en"]
    # (ЕС is matched as a whole word, not as the start of если)
    assert "ЕС" not in names.get("ru", ())


# -- the CSTO: another body for the PRC study, the Russia study's own framework ------------------
EN_CSTO = (
    "CSTO forces drill in Kyrgyzstan\n"
    "BISHKEK, Oct 12 -- Rapid reaction forces of the CSTO held a counter-terrorism drill in "
    "Kyrgyzstan on Monday. Kyrgyz and Kazakh units trained to repel an attack by armed "
    "militants, and Russian paratroopers took part.\n"
)


def test_csto_is_the_russia_study_framework_and_another_body_for_the_prc_study() -> None:
    russia = load_study("russia_central_asia")
    csto = [i for i in for_study(russia).institutions if i.name.startswith("Collective Security")]
    assert csto and csto[0].framework == "other_multilateral"
    prc = [i for i in for_study(load_study(None)).institutions if i.name.startswith("Collective")]
    assert prc and prc[0].framework is None
    coded = CodebookCoder(study=russia).code(
        extract_document(EN_CSTO.encode("utf-8"), source="csto.txt")
    )
    assert coded.relevant
    assert {"RU", "KG", "KZ"} <= set(coded.countries)
    # the PRC study: no PRC side, not relevant
    assert not code_document(make_doc(EN_CSTO)).relevant


# -- the focal state denied as a side in the lead ------------------------------------------------
EN_DENIED = (
    "Uzbekistan's army rebuilds with new partners\n"
    "Tashkent's military overhaul relies on Turkey and Russia - but not on China.\n"
    "TASHKENT, May 5 -- Uzbekistan has signed new contracts for armoured vehicles with Turkish "
    "firms and bought helicopters from Russia this year, the defence ministry said. China, the "
    "country's biggest trading partner, sells it no weapons, though Chinese radios are used by "
    "the border troops, who face drug smuggling on the Afghan frontier.\n"
)
RU_DENIED = (
    "Армия Узбекистана перевооружается без Китая\n"
    "ТАШКЕНТ, 5 мая. Узбекистан подписал с турецкими компаниями контракты на бронемашины и "
    "закупил у России вертолеты, сообщило министерство обороны. Китайские радиостанции "
    "используют пограничники, которые борются с наркотрафиком на афганской границе.\n"
)
# contrast: the same lead with China as a side
EN_NOT_DENIED = EN_DENIED.replace("- but not on China", "- and on China").replace(
    "sells it no weapons, though", "has trained its officers, and"
)


@pytest.mark.parametrize("text", [EN_DENIED, RU_DENIED], ids=["en", "ru"])
def test_focal_state_denied_as_a_side_in_the_lead_is_no_side(text: str) -> None:
    coded, _ = _ca(text)
    assert not coded.relevant


def test_focal_state_named_as_a_side_in_the_lead_is_one() -> None:
    coded, ca = _ca(EN_NOT_DENIED)
    assert coded.relevant
    assert "UZ" in ca


# -- a framework's talk about outside candidates (states now in the gazetteer) -------------------
RU_CANDIDATES = (
    "В ШОС рассмотрели заявки Азербайджана и Лаоса\n"
    "МОСКВА, 4 июня - РИА Новости. Национальные координаторы государств - членов ШОС на встрече в "
    "Душанбе обсудили заявки Азербайджана на статус наблюдателя и Лаоса на статус партнера по "
    "диалогу, сообщил источник. Индия и Пакистан вновь спорили о формулировках о терроризме в "
    "проекте декларации.\n"
)


def test_framework_business_with_outside_candidates_is_not_relevant() -> None:
    coded, _ = _ca(RU_CANDIDATES)
    assert not coded.relevant


def test_outside_states_of_the_frameworks_circle_are_in_the_gazetteer() -> None:
    gazetteer = for_study(load_study(None))
    for code in ("AZ", "AM", "LA", "EG", "SA", "EU"):
        assert code in gazetteer.states
    # (capitals are not their names: a dateline names no side)
    assert "Baku" not in gazetteer.states["AZ"].names["en"]


# -- the focal state's border capacity in an item whose lead places it at home -------------------
EN_HOME_HERDERS = (
    "Border police in Xinjiang's Altay add thermal cameras on the frontier\n"
    "URUMQI, June 3 -- A border management detachment in Altay prefecture has finished a camera "
    "and radar network along 200 kilometers of the frontier to stop illegal crossings.\n"
    "Besides the new equipment, the region has recruited 600 more border-guarding herders this "
    "year, who report suspicious movements along the line and receive basic training.\n"
    "Altay borders Kazakhstan and Mongolia, and its ports handle growing trade with Central "
    "Asia.\n"
)
# contrast: a partner's own herders, the lead placing it there
EN_PARTNER_HERDERS = (
    "Kyrgyzstan hires herders to watch its mountain border\n"
    "BISHKEK, June 3 -- Kyrgyzstan's border service said on Tuesday that it has hired 300 "
    "herders in Naryn region to watch remote passes.\n"
    "Besides the new posts, the region has recruited more border-guarding herders this year.\n"
)


def test_home_region_lead_makes_border_herders_the_focal_states_build_up() -> None:
    coded, ca = _ca(EN_HOME_HERDERS)
    assert coded.relevant
    assert coded.kind == "domestic_capacity"
    assert not ca


def test_partner_border_herders_are_not_the_focal_states() -> None:
    coded, _ = _ca(EN_PARTNER_HERDERS)
    assert not coded.relevant


# -- a framework's meeting under a partner's chair, an outside state only in the byline ----------
RU_CHAIRED = (
    "Главы оборонных ведомств ШОС собрались в Душанбе\n"
    "Российская газета, 14.05.2026\n"
    "Текст: Иван Петров\n"
    "В Душанбе под председательством таджикской стороны состоялось совещание министров обороны "
    "государств - членов Шанхайской организации сотрудничества. Российскую делегацию возглавил "
    "министр обороны.\n"
    "Министры обсудили угрозы со стороны террористических группировок и подготовку совместных "
    "учений. Министр обороны КНР заявил, что Китай готов укреплять оборонное сотрудничество со "
    "всеми государствами - членами организации.\n"
)
# contrast: the next chair named (to come), with the framework's business with outside states
RU_NEXT_CHAIR = (
    "В ШОС обсудили заявку Азербайджана\n"
    "МОСКВА, 14 мая. Национальные координаторы ШОС на встрече в Душанбе обсудили заявку "
    "Азербайджана на статус наблюдателя. Председательство в организации в следующем году "
    "перейдет к Киргизии.\n"
)


def test_framework_meeting_under_a_partners_chair_lists_the_members() -> None:
    coded, ca = _ca(RU_CHAIRED)
    assert coded.relevant
    assert coded.framework == "SCO"
    assert {"KZ", "KG", "TJ", "UZ"} <= ca


def test_the_next_chair_with_outside_business_is_not_relevant() -> None:
    coded, _ = _ca(RU_NEXT_CHAIR)
    assert not coded.relevant
