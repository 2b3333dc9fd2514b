"""Relevance on unseen writing (issue 13, seventeenth round), each rule against a near miss.
Hand-written Russian, English and Chinese texts in my own wording (not copied from any gold
text): a partner's own security act (its security service detains a cell, its court convicts
officials) names the focal state only as where goods were made or as an event recalled, unless
its people are the ones harmed or its organs act; an office named with no state under a
partner's dateline is that partner's; a framework's summit named as what two leaders prepare is
no framework meeting of the passage."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


# -- a partner's own security act: the focal state as goods' origin or an event recalled -------
PARTNER_OWN_ACT = [
    pytest.param(
        "Спецслужба задержала в Джалал-Абаде вербовщиков\n"
        "24.kg, 10:15, 3 марта 2026, Бишкек\n"
        "Безопасность\n\n"
        "Сотрудниками ГКНБ в Джалал-Абаде задержаны трое членов запрещённой в Кыргызстане "
        "экстремистской группы, сообщает пресс-служба ведомства.\n\n"
        "Задержанные вербовали молодёжь через мессенджеры. При обысках изъяты листовки и "
        "смартфоны, в том числе китайского производства, с видеозаписями экстремистского "
        "содержания.\n\n"
        "Возбуждено уголовное дело, подозреваемые помещены в изолятор.",
        id="ru-made-in-china-phones",
    ),
    pytest.param(
        "Security service detains recruiters in Jalal-Abad\n"
        "AKIpress | Bishkek, March 3, 2026\n"
        "News | Security\n\n"
        "Kyrgyzstan's State Committee for National Security (GKNB) has detained three members "
        "of a banned extremist group in Jalal-Abad, the service said on Tuesday.\n\n"
        "The suspects recruited young people through messaging apps. Leaflets and smartphones "
        "were seized during searches.\n\n"
        "Criminal cases have been opened.\n\n"
        "Security services have stayed on alert since the 2016 car bomb attack on the Chinese "
        "embassy in Bishkek.",
        id="en-embassy-attack-recalled",
    ),
]


@pytest.mark.parametrize("text", PARTNER_OWN_ACT)
def test_a_partners_own_security_act_is_not_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


PARTNER_ACT_WITH_THE_FOCAL_STATE = [
    pytest.param(
        "Спецслужба задержала в Джалал-Абаде нападавших\n"
        "24.kg, 10:15, 3 марта 2026, Бишкек\n"
        "Безопасность\n\n"
        "Сотрудниками ГКНБ в Джалал-Абаде задержаны трое жителей области, сообщает "
        "пресс-служба ведомства.\n\n"
        "По данным следствия, задержанные избили и ограбили граждан Китая, работавших на "
        "строительстве дороги.\n\n"
        "Возбуждено уголовное дело, подозреваемые помещены в изолятор.",
        id="ru-chinese-citizens-harmed",
    ),
    pytest.param(
        "Спецслужба задержала в Джалал-Абаде вербовщиков\n"
        "24.kg, 10:15, 3 марта 2026, Бишкек\n"
        "Безопасность\n\n"
        "Сотрудниками ГКНБ в Джалал-Абаде задержаны трое членов запрещённой в Кыргызстане "
        "экстремистской группы, сообщает пресс-служба ведомства.\n\n"
        "Сведения о них передала китайская сторона в рамках обмена информацией между "
        "спецслужбами двух стран.\n\n"
        "Возбуждено уголовное дело.",
        id="ru-chinese-side-passed-the-tip",
    ),
    pytest.param(
        "Security service detains recruiters in Jalal-Abad\n"
        "AKIpress | Bishkek, March 3, 2026\n"
        "News | Security\n\n"
        "Kyrgyzstan's State Committee for National Security (GKNB) has detained three members "
        "of a banned extremist group in Jalal-Abad, the service said on Tuesday.\n\n"
        "The Chinese embassy said the suspects had planned to attack Chinese workers at a gold "
        "mine and thanked the Kyrgyz side.\n\n"
        "Criminal cases have been opened.",
        id="en-embassy-acts",
    ),
]


@pytest.mark.parametrize("text", PARTNER_ACT_WITH_THE_FOCAL_STATE)
def test_a_partners_act_the_focal_state_takes_part_in_stays_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert "CN" in coded.countries, coded.countries


# -- an office named with no state under a partner's dateline ----------------------------------
DATELINE_OFFICES = [
    pytest.param(
        "Глава МВД обсудил с послом Китая борьбу с наркотиками\n"
        "БИШКЕК, 14 апреля. Министр внутренних дел принял Чрезвычайного и Полномочного Посла "
        "КНР. Стороны обсудили противодействие наркотрафику и терроризму.",
        "KG",
        id="ru-interior-minister-under-bishkek",
    ),
    pytest.param(
        "Пограничники получили внедорожники\n"
        "ДУШАНБЕ. Пограничным войскам ГКНБ передана партия внедорожников и раций, "
        "предоставленных Китаем в качестве безвозмездной помощи.",
        "TJ",
        id="ru-border-troops-under-dushanbe",
    ),
    pytest.param(
        "Interior minister receives Chinese ambassador\n"
        "BISHKEK, April 14 - The interior minister received the Chinese ambassador and discussed "
        "fighting drug trafficking and terrorism.",
        "KG",
        id="en-interior-minister-under-bishkek",
    ),
]


@pytest.mark.parametrize(("text", "partner"), DATELINE_OFFICES)
def test_an_office_under_a_partners_dateline_is_that_partners(text: str, partner: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert {"CN", partner} <= set(coded.countries), coded.countries


def test_an_office_with_its_own_state_named_is_not_the_datelines() -> None:
    # (near miss: the minister is named as China's; the dateline's state does nothing)
    coded = _code(
        "Министр общественной безопасности КНР выступил на форуме\n"
        "БИШКЕК, 14 апреля. Министр общественной безопасности КНР выступил с докладом о борьбе "
        "с терроризмом на международном форуме полицейских академий."
    )
    assert "KG" not in coded.countries or not coded.relevant, coded.countries


def test_an_office_under_a_dateline_with_no_focal_state_is_no_engagement() -> None:
    # (near miss: the partner's own border service, nothing of the PRC's)
    coded = _code(
        "Пограничники задержали нарушителей\n"
        "ДУШАНБЕ. Пограничные войска ГКНБ задержали на границе троих нарушителей, пытавшихся "
        "перейти её вне пунктов пропуска."
    )
    assert not coded.relevant, coded.relevance_score


def test_an_office_on_its_own_business_under_a_dateline_takes_no_part() -> None:
    # (near miss: a consular case in Xinjiang under a partner's dateline; the foreign minister
    # named with no state travels to Turkey, in a sentence without the PRC)
    coded = _code(
        "МИД: двое граждан Казахстана арестованы в Синьцзяне\n"
        "АСТАНА, 9 мая. Двое граждан Казахстана арестованы в Синьцзяне по подозрению в "
        "контрабанде, сообщил официальный представитель МИД РК. Консулы навестили "
        "задержанных.\n"
        "Он также рассказал о предстоящем визите министра иностранных дел в Турцию и о "
        "подготовке к форуму тюркских государств."
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- a framework's summit as what two leaders prepare ------------------------------------------
SUMMIT_PREPARED = [
    pytest.param(
        "Министры иностранных дел Китая и Казахстана провели переговоры\n"
        "Министр иностранных дел КНР провёл в Пекине переговоры с министром иностранных дел "
        "Казахстана. Стороны договорились расширять торговлю, транспортные связи и "
        "туристические обмены. Министры также обсудили подготовку к саммиту ШОС в Бишкеке.",
        id="ru-summit-preparation",
    ),
    pytest.param(
        "China, Kazakhstan foreign ministers hold talks\n"
        "The Chinese foreign minister held talks in Beijing with his Kazakh counterpart. They "
        "agreed to expand trade, transport links and tourism, and discussed preparations for "
        "the SCO summit in Bishkek.",
        id="en-summit-preparation",
    ),
    pytest.param(
        "中哈外长举行会谈\n"
        "中国外交部长在北京同哈萨克斯坦外交部长举行会谈。双方同意扩大贸易、交通和旅游合作，"
        "并就上海合作组织比什凯克峰会筹备工作交换了意见。",
        id="zh-summit-preparation",
    ),
]


@pytest.mark.parametrize("text", SUMMIT_PREPARED)
def test_a_summit_the_sides_prepare_is_no_framework_meeting(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score


SUMMIT_HELD = [
    pytest.param(
        "Министры иностранных дел Китая и Казахстана провели переговоры\n"
        "Министр иностранных дел КНР провёл в Бишкеке переговоры с министром иностранных дел "
        "Казахстана на полях заседания Совета министров иностранных дел ШОС.",
        id="ru-talks-at-the-council",
    ),
    pytest.param(
        "中哈外长举行会谈\n"
        "中国外交部长在比什凯克出席上海合作组织成员国外长理事会会议期间同哈萨克斯坦外交部长举行会谈。",
        id="zh-talks-at-the-council",
    ),
]


@pytest.mark.parametrize("text", SUMMIT_HELD)
def test_a_framework_meeting_held_stays_relevant(text: str) -> None:
    # (near miss: the sides meet at the framework's council, which is the event)
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


# -- one side's proposal of a joint body with the focal state ----------------------------------
PROPOSED_ONLY = [
    pytest.param(
        "Сенатор предложил создать совместный с Китаем центр по борьбе с киберпреступностью\n"
        "АСТАНА. 12 марта. Сенатор в запросе на имя премьер-министра предложил рассмотреть "
        "создание совместного с Китаем центра по противодействию киберпреступности и "
        "мошенничеству. В правительстве запрос пока не прокомментировали.",
        id="ru-senator-proposes",
    ),
    pytest.param(
        "MP proposes a joint anti-drug centre with China\n"
        "An Uzbek member of parliament proposed setting up a joint anti-drug centre with China "
        "to track synthetic drugs. The government has not yet replied to the request.",
        id="en-mp-proposes",
    ),
]


@pytest.mark.parametrize("text", PROPOSED_ONLY)
def test_one_sides_proposal_of_a_joint_body_is_no_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


PROPOSED_TO_THE_FOCAL_STATE = [
    pytest.param(
        "Китай предложил Казахстану создать совместный центр по борьбе с киберпреступностью\n"
        "АСТАНА. 12 марта. Министр общественной безопасности КНР на переговорах с министром "
        "внутренних дел Казахстана предложил создать совместный центр по противодействию "
        "киберпреступности.",
        id="ru-china-proposes-at-talks",
    ),
    pytest.param(
        "Uzbek minister proposes joint anti-drug centre to Chinese counterpart\n"
        "Uzbekistan's interior minister, meeting China's public security minister in Tashkent, "
        "proposed setting up a joint anti-drug centre with China.",
        id="en-proposed-at-talks-with-china",
    ),
]


@pytest.mark.parametrize("text", PROPOSED_TO_THE_FOCAL_STATE)
def test_a_proposal_made_at_talks_with_the_focal_state_stays_relevant(text: str) -> None:
    # (near miss: the focal state proposes, or the proposal is made at talks with it)
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


# -- the Western Theater Command named in Russian: the focal state's own build-up --------------
def test_the_western_command_in_russian_is_the_focal_states_build_up() -> None:
    coded = _code(
        "НОАК провела учения у границы\n"
        "ПЕКИН, 3 июля. Части Западного командования НОАК отработали в горах Синьцзяна "
        "уничтожение условных террористов, сообщило военное ведомство."
    )
    assert coded.relevant, coded.relevance_score
    assert coded.kind == "domestic_capacity", coded.kind


def test_a_partners_regional_command_is_no_build_up_of_the_focal_state() -> None:
    # (near miss: a partner's own regional command drills; the PRC is not named)
    coded = _code(
        "Военные провели учения в Алматинской области\n"
        "АСТАНА, 3 июля. Части регионального командования «Юг» Вооружённых сил Казахстана "
        "отработали уничтожение условных террористов."
    )
    assert not coded.relevant, coded.relevance_score


# -- an attack on the focal state's people under a partner's dateline --------------------------
HARM_UNDER_DATELINE = [
    pytest.param(
        "На руднике напали на китайских рабочих\n"
        "ДУШАНБЕ, 12 мая. Группа местных жителей напала на рабочих китайской горнодобывающей "
        "компании в Айнинском районе, трое граждан КНР получили ранения. Милиция задержала "
        "пятерых подозреваемых.",
        "TJ",
        id="ru-attack-in-a-district",
    ),
    pytest.param(
        "Chinese workers attacked at a mine\n"
        "BISHKEK, May 12 - Local residents attacked workers of a Chinese mining company in a "
        "mountain district, injuring three Chinese nationals. Police detained five suspects.",
        "KG",
        id="en-attack-in-a-district",
    ),
]


@pytest.mark.parametrize(("text", "partner"), HARM_UNDER_DATELINE)
def test_an_attack_on_the_focal_states_people_under_a_partners_dateline(
    text: str, partner: str
) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert {"CN", partner} <= set(coded.countries), coded.countries


def test_an_attack_under_an_outside_states_dateline_names_no_partner() -> None:
    # (near miss: the same attack filed from Moscow, in a Russian district: no partner state)
    coded = _code(
        "На руднике напали на китайских рабочих\n"
        "МОСКВА, 12 мая. Группа местных жителей напала на рабочих китайской горнодобывающей "
        "компании в Читинской области, трое граждан КНР получили ранения. Полиция задержала "
        "пятерых подозреваемых."
    )
    assert not coded.relevant, coded.relevance_score


# -- talks led by trade: the sides agreeing on a security topic -------------------------------
_MENU = "Главная | Новости | Политика | Экономика | Общество | Происшествия\n"
_TRADE = (
    "Главы государств обсудили рост товарооборота, новые транспортные коридоры и поставки газа. "
)


def test_the_sides_agreeing_on_a_security_topic_in_trade_led_talks() -> None:
    coded = _code(
        "Президенты Казахстана и Китая обсудили торговлю и логистику\n"
        + _MENU
        + "АСТАНА, 12 сентября. Президент Казахстана провёл переговоры с Председателем КНР в "
        "Акорде.\n\n"
        + _TRADE
        * 3
        + "\n\nСтороны также договорились совместно противостоять терроризму и усилить "
        "взаимодействие в борьбе с наркотрафиком.\n\n" + _TRADE * 2
    )
    assert coded.relevant, coded.relevance_score


def test_a_security_word_in_trade_led_talks_without_the_sides_agreeing() -> None:
    # (near miss: an expert's view on drug smuggling, no agreement of the sides)
    coded = _code(
        "Президенты Казахстана и Китая обсудили торговлю и логистику\n"
        + _MENU
        + "АСТАНА, 12 сентября. Президент Казахстана провёл переговоры с Председателем КНР в "
        "Акорде.\n\n"
        + _TRADE
        * 3
        + "\n\nЭксперты полагают, что рост грузоперевозок между двумя странами может "
        "облегчить наркотрафик.\n\n" + _TRADE * 2
    )
    assert not coded.relevant, coded.relevance_score


# -- a photo's copyright line or an archive picture: page furniture ---------------------------
_TRAIN = (
    "Казахстан и Китай запустили новый грузовой поезд\n"
    "АЛМАТЫ, 5 мая. Из Алматы в Сиань отправился первый контейнерный поезд по новому "
    "маршруту. Ожидается, что грузооборот вырастет на пятую часть.\n\n"
)


@pytest.mark.parametrize(
    "caption",
    [
        pytest.param(
            "© Фотоагентство / Пограничники Казахстана и Китая во время совместного патрулирования",
            id="ru-copyright-line",
        ),
        pytest.param(
            "Совместное патрулирование пограничников Казахстана и Китая, архивное фото",
            id="ru-archive-photo",
        ),
    ],
)
def test_a_caption_of_a_stock_picture_reports_no_event(caption: str) -> None:
    coded = _code(_TRAIN + caption + "\n\nПоезд доставит в Китай зерно и металлы.")
    assert not coded.relevant, coded.relevance_score


def test_a_photographers_credit_leaves_the_items_own_event() -> None:
    # (near miss: the body reports the patrol; its picture's credit line is no archive)
    coded = _code(
        "Пограничники Казахстана и Китая провели совместное патрулирование\n"
        "АЛМАТЫ, 5 мая. Пограничники Казахстана и Китая провели совместное патрулирование "
        "участка границы у перевала.\n"
        "Фото: пресс-служба Пограничной службы\n"
    )
    assert coded.relevant, coded.relevance_score


# -- equipment words among a trade item's goods ------------------------------------------------
def test_vehicles_among_a_forums_deals_are_goods() -> None:
    coded = _code(
        "Kyrgyzstan and China sign deals worth $2 billion at Bishkek business forum\n"
        "Bishkek, 4 June. The Kyrgyz-Chinese business forum ended with agreements worth $2 "
        "billion, the economy ministry said.\n"
        "They were signed in mining, textiles, electric vehicles and agriculture.\n"
        "The deals include a grain terminal to strengthen food security and a solar plant to "
        "improve the energy security of the Chui region."
    )
    assert not coded.relevant, coded.relevance_score


def test_vehicles_handed_to_a_border_service_at_a_business_forum_stay_an_event() -> None:
    # (near miss: the same forum, and the Chinese side hands vehicles to the border guards)
    coded = _code(
        "Kyrgyzstan and China sign deals worth $2 billion at Bishkek business forum\n"
        "Bishkek, 4 June. The Kyrgyz-Chinese business forum ended with agreements on mining "
        "and textiles, the economy ministry said. On its margins China handed over 20 patrol "
        "vehicles to Kyrgyzstan's border service."
    )
    assert coded.relevant, coded.relevance_score


def test_vehicles_among_a_forums_deals_in_russian_are_goods() -> None:
    coded = _code(
        "Кыргызстан и Китай подписали соглашения на 2 млрд долларов\n"
        "Бишкек, 4 июня. Кыргызско-китайский бизнес-форум завершился подписанием соглашений "
        "на 2 млрд долларов, сообщили в министерстве экономики.\n"
        "Соглашения подписаны в сферах добычи меди, текстильного производства, электромобилей "
        "и сельского хозяйства.\n"
        "Среди них зерновой терминал для укрепления продовольственной безопасности и солнечная "
        "станция для энергетической безопасности Чуйской области."
    )
    assert not coded.relevant, coded.relevance_score
