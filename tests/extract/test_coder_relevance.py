"""Relevance: the focal state taking part together with a partner state, not only named
(issue 13; codebook: an event counts when the PRC takes part with a Central Asian state or acts
in or for the region). Contrast pairs on hand-written Chinese, Russian and English texts (not
copied from any gold text): the same kind of item is relevant when the partner state (or the
focal state) takes part and not relevant when it is only named - in passing in an item about
the PRC and another state, in a sentence about a third state's doing, as a place or the home
of citizens, or (the PRC) in the background of an item about others."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


# -- the PRC and another state: a partner state named in passing ---------------------------
CHINA_OTHER_NAMED = [
    pytest.param(
        "王毅同巴基斯坦外长会谈\n2024年5月8日，外交部长王毅在北京同巴基斯坦外长达尔举行会谈。"
        "双方同意加强反恐安全合作，保护在巴中国人员和项目安全。"
        "达尔表示，巴方希望通过经乌兹别克斯坦和阿富汗的铁路同中亚国家加强互联互通。",
        id="zh-pakistan-railway-through-uzbekistan",
    ),
    pytest.param(
        "Россия и Китай провели совместные учения\nВладивосток, 12 июля 2024 г.\n"
        "Военные моряки России и Китая провели совместные учения по борьбе с терроризмом в "
        "Японском море. Министерство обороны России также сообщило о подготовке учений с "
        "армией Казахстана осенью.",
        id="ru-russia-exercise-with-others-later",
    ),
    pytest.param(
        "China, Iran hold talks on counter-terrorism\nBEIJING, June 3, 2024\n"
        "Chinese Foreign Minister Wang Yi held talks with Iranian Foreign Minister in Beijing on "
        "Monday, and the two sides agreed to deepen counter-terrorism and security cooperation. "
        "The Iranian minister said Iran would also expand rail freight and energy trade with "
        "Turkmenistan.",
        id="en-iran-trade-with-turkmenistan",
    ),
]


@pytest.mark.parametrize("text", CHINA_OTHER_NAMED)
def test_a_partner_named_in_passing_in_a_china_other_item_is_not_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert not set(coded.countries) & CA


CHINA_OTHER_AND_PARTNER = [
    pytest.param(
        "王毅同巴基斯坦外长会谈\n2024年5月8日，外交部长王毅在北京同巴基斯坦外长达尔举行会谈。"
        "双方同意加强反恐安全合作。王毅表示，中方愿同乌兹别克斯坦、阿富汗共同打击恐怖主义，"
        "维护地区安全。",
        "UZ",
        id="zh-china-joined-to-uzbekistan",
    ),
    pytest.param(
        "China, Iran hold talks on counter-terrorism\nBEIJING, June 3, 2024\n"
        "Chinese Foreign Minister Wang Yi held talks with Iranian Foreign Minister in Beijing on "
        "Monday, and the two sides agreed to deepen counter-terrorism and security cooperation. "
        "Wang Yi later met Kazakh Foreign Minister Murat Nurtleu, and China and Kazakhstan agreed "
        "to step up joint counter-terrorism operations.",
        "KZ",
        id="en-china-meets-kazakhstan-too",
    ),
]


@pytest.mark.parametrize(("text", "partner"), CHINA_OTHER_AND_PARTNER)
def test_a_partner_in_a_sentence_with_the_prc_in_a_china_other_item_is_engagement(
    text: str, partner: str
) -> None:
    coded = _code(text)
    assert coded.relevant
    assert partner in coded.countries


# -- a third state's doing, answered about the third state only -----------------------------
def test_a_us_meeting_with_the_region_answered_only_about_the_us_is_not_relevant() -> None:
    text = (
        "Q: The United States hosted the presidents of Kazakhstan and Uzbekistan at a summit on "
        "security yesterday. American officials said Central Asia should rely less on "
        "Chinese supply chains. How does China view it?\n"
        "A: Some people keep hyping the so-called China threat. China opposes bloc "
        "confrontation."
    )
    coded = _code(text)
    assert not coded.relevant


def test_a_us_meeting_answered_about_china_and_the_region_is_relevant() -> None:
    text = (
        "Q: The United States hosted the presidents of Kazakhstan and Uzbekistan at a summit on "
        "security yesterday. American officials said Central Asia should rely less on "
        "Chinese supply chains. How does China view it?\n"
        "A: China and the Central Asian countries are good neighbours and jointly fight "
        "terrorism, separatism and extremism."
    )
    coded = _code(text)
    assert coded.relevant
    assert {"KZ", "UZ"} <= set(coded.countries)


# -- the PRC in the background of an item about others --------------------------------------
PRC_IN_BACKGROUND = [
    pytest.param(
        "Russian, Kyrgyz troops hold joint drills\nBISHKEK, May 5, 2024\n"
        "Russian and Kyrgyz troops began joint counter-terrorism exercises near Osh on Sunday, "
        "the Kyrgyz Defence Ministry said. Kyrgyzstan had previously received armoured vehicles "
        "from China under a military aid agreement.",
        id="en-earlier-chinese-aid",
    ),
    pytest.param(
        "Казахстан и Турция подписали соглашение о военном сотрудничестве\nАстана, 5 мая 2024 г.\n"
        "Министры обороны Казахстана и Турции подписали соглашение о военном сотрудничестве и "
        "совместном производстве беспилотников. Ранее Казахстан закупал беспилотники и "
        "военную технику в Китае для борьбы с терроризмом.",
        id="ru-earlier-chinese-drones",
    ),
    pytest.param(
        "塔吉克斯坦与俄罗斯举行边境安全会谈\n2024年5月5日\n"
        "塔吉克斯坦与俄罗斯边防部门负责人在杜尚别举行会谈，讨论边境安全与打击走私合作。"
        "分析人士指出，中国也关注塔阿边境地区的反恐形势。",
        id="zh-analyst-names-china",
    ),
    pytest.param(
        "India, Tajikistan hold joint special forces exercise\nNEW DELHI, May 5, 2024\n"
        "Indian and Tajik special forces began a joint counter-terrorism exercise near Dushanbe "
        "on Monday. Analysts say China's military role in Tajikistan is growing fast.",
        id="en-analysts-say",
    ),
    pytest.param(
        "Россия и Узбекистан провели совместные учения\nТермез, 5 мая 2024 г.\n"
        "Военнослужащие России и Узбекистана провели совместные антитеррористические учения. "
        "Эксперты отмечают, что Китай наращивает военное сотрудничество с Узбекистаном.",
        id="ru-experts-note",
    ),
]


@pytest.mark.parametrize("text", PRC_IN_BACKGROUND)
def test_the_prc_named_only_in_background_of_others_event_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant


PRC_TAKES_PART = [
    pytest.param(
        "Russian, Kyrgyz troops hold joint drills\nBISHKEK, May 5, 2024\n"
        "Russian and Kyrgyz troops began joint counter-terrorism exercises near Osh on Sunday, "
        "the Kyrgyz Defence Ministry said. Units of the Chinese People's Armed Police joined the "
        "exercise for the first time.",
        id="en-chinese-units-join",
    ),
    pytest.param(
        "Казахстан и Турция подписали соглашение о военном сотрудничестве\nАстана, 5 мая 2024 г.\n"
        "Министры обороны Казахстана и Турции подписали соглашение о военном сотрудничестве. "
        "В тот же день министр обороны Казахстана провел переговоры с делегацией Министерства "
        "обороны КНР о совместных учениях по борьбе с терроризмом.",
        id="ru-prc-delegation-same-day",
    ),
    pytest.param(
        "India, Tajikistan hold joint special forces exercise\nNEW DELHI, May 5, 2024\n"
        "Indian and Tajik special forces began a joint counter-terrorism exercise near Dushanbe "
        "on Monday. Officials said a Chinese People's Armed Police unit took part in the "
        "exercise for the first time.",
        id="en-officials-say-chinese-unit-took-part",
    ),
]


@pytest.mark.parametrize("text", PRC_TAKES_PART)
def test_the_prc_taking_part_in_an_item_about_others_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert "CN" in coded.countries


# -- places and citizens --------------------------------------------------------------------
def test_an_embassy_asking_the_partner_side_to_act_is_engagement() -> None:
    coded = _code(
        "Нападение на китайских рабочих в Таджикистане\nДушанбе, 5 мая 2024 г.\n"
        "Неизвестные напали на работников китайской компании на руднике, трое ранены. "
        "Посольство КНР в Таджикистане обратилось к таджикской стороне с просьбой обеспечить "
        "безопасность китайских граждан."
    )
    assert coded.relevant
    assert "TJ" in coded.countries


def test_a_customs_seizure_from_a_partner_citizen_is_not_engagement() -> None:
    coded = _code(
        "霍尔果斯海关查获走私毒品案\n2024年5月5日\n"
        "近日，霍尔果斯海关在公路口岸查获一起走私毒品案，驾驶员为哈萨克斯坦籍公民。"
        "霍尔果斯口岸是中国西部重要的陆路口岸，今年以来查获走私案件80余起，涉案人员来自哈萨克斯坦、"
        "吉尔吉斯斯坦等国。不法分子常利用中亚至中国的运输通道走私毒品。"
    )
    assert not coded.relevant


def test_states_given_as_examples_joined_to_the_prc_are_its_partners() -> None:
    coded = _code(
        "霍尔果斯海关查获走私毒品案\n2024年5月5日\n"
        "近日，霍尔果斯海关在公路口岸查获一起走私毒品案，驾驶员为哈萨克斯坦籍公民。"
        "霍尔果斯海关表示，中国海关将同哈萨克斯坦、吉尔吉斯斯坦等国海关加强缉毒执法合作。"
    )
    assert coded.relevant
    assert {"KZ", "KG"} <= set(coded.countries)


def test_the_prc_acting_in_a_partner_state_is_engagement() -> None:
    coded = _code("问：有报道称中国在塔吉克斯坦有军事存在，你有何评论？\n答：我不了解有关情况。")
    assert coded.relevant
    assert "TJ" in coded.countries


# -- the region's frameworks and the PRC's own build-up --------------------------------------
def test_a_framework_exercise_in_a_paragraph_lead_is_relevant() -> None:
    coded = _code(
        "Spokesperson's Regular Press Conference on May 5, 2024\n"
        "Reuters: Japan plans to raise its defence budget. What's China's comment?\n"
        "Spokesperson: We have stated our position many times.\n"
        "Xinhua: The SCO joint counter-terrorism exercise ended yesterday in Xinjiang. "
        "Could you share more?\n"
        "Spokesperson: Forces of the SCO member states took part in the exercise, which "
        "strengthened their ability to fight terrorism together."
    )
    assert coded.relevant


def test_a_think_tank_forum_named_after_a_framework_is_no_event_of_its_states() -> None:
    from steppewatch.extract.codebook_coder import CodebookCoder
    from steppewatch.extract.coder_relevance import _framework_event

    res = CodebookCoder()._resources()
    for text, expected in (
        ("第二届中国—中亚智库论坛在西安举行。", False),
        ("第二届中国—中亚外长会晤在西安举行。", True),
    ):
        hits = res.matcher.hits(text, 0, len(text))
        frameworks = [h for h in hits if h.payload == ("framework", "C5+China")]
        assert frameworks, text
        assert _framework_event(frameworks[0], hits, text, res, 0) is expected, text


def test_the_prc_own_build_up_stays_relevant_with_a_partner_only_recalled() -> None:
    coded = _code(
        "新疆边防部队加强边境管控\n2024年5月5日\n"
        "新疆军区边防部队今年新建一批边境执勤点，加强边境管控，严防暴恐分子出入境。"
        "去年，新疆曾同哈萨克斯坦边防部门举行过会谈。"
    )
    assert coded.relevant
    assert coded.kind == "domestic_capacity"


# -- the PRC's western troops at an exercise with another state ------------------------------
WESTERN_TROOPS_WITH_ANOTHER_STATE = [
    pytest.param(
        "中巴陆军联合反恐训练在新疆开训\n2024年9月5日\n"
        "中国—巴基斯坦陆军联合反恐训练在新疆开训，中方参训兵力来自西部战区陆军某部。"
        "去年，中方曾同吉尔吉斯斯坦举行过联合反恐演习。",
        id="zh-pair-short-form",
    ),
    pytest.param(
        "China, Pakistan start joint anti-terror drills in Xinjiang\nSeptember 5, 2024\n"
        "Chinese and Pakistani troops began joint counter-terrorism drills in Xinjiang; the "
        "Chinese side sent a unit of the Western Theater Command. Last year China held a "
        "similar drill with Kyrgyzstan.",
        id="en-western-theater",
    ),
]


@pytest.mark.parametrize("text", WESTERN_TROOPS_WITH_ANOTHER_STATE)
def test_western_troops_at_an_exercise_with_another_state_are_not_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant


def test_western_troops_at_an_exercise_with_a_partner_state_are_engagement() -> None:
    coded = _code(
        "中吉陆军联合反恐训练在新疆开训\n2024年9月5日\n"
        "中国—吉尔吉斯斯坦陆军联合反恐训练在新疆开训，中方参训兵力来自西部战区陆军某部。"
    )
    assert coded.relevant
    assert "KG" in coded.countries


def test_a_dateline_city_is_no_side_of_the_event() -> None:
    """МОСКВА in the dateline does not make a Russia-China item of the PRC's own drills near
    the region (the lead names the PLA only)."""
    coded = _code(
        "НОАК провела учения у границ Центральной Азии\nМОСКВА, 21 августа 2024 г. — РИА Новости.\n"
        "Подразделения Синьцзянского военного округа НОАК провели учения по борьбе с терроризмом "
        "в высокогорных районах Памира. Ранее Китай проводил совместные учения с Таджикистаном."
    )
    assert coded.relevant


def test_a_gathering_is_no_rapid_response_unit() -> None:
    """The Russian stem of СОБР (a police rapid-response unit) matched собрание and собрался
    (a gathering), a security domain that weighs in relevance."""
    gathering = _code(
        "Собрание делегаций Казахстана и Китая\nАлматы, 5 мая 2024 г.\n"
        "В Алматы собрались представители МВД Казахстана и Министерства общественной "
        "безопасности КНР; на собрании обсуждалась борьба с наркотрафиком."
    )
    assert "paramilitary" not in gathering.domains
    unit = _code(
        "Учения СОБР МВД Кыргызстана и вооруженной полиции КНР\nБишкек, 5 мая 2024 г.\n"
        "Бойцы СОБР МВД Кыргызстана и подразделения Народной вооруженной полиции Китая провели "
        "совместные антитеррористические учения."
    )
    assert "paramilitary" in unit.domains


# -- a question asking yes or no -------------------------------------------------------------
def test_a_partner_named_only_in_a_yes_no_question_is_asked_about() -> None:
    coded = _code(
        "Q: Relatives of detained people held a press conference abroad. Does China plan to "
        "discuss this with Kazakhstan?\n"
        "A: Xinjiang affairs are China's internal affairs. The measures there are about "
        "countering terrorism and separatism."
    )
    assert not coded.relevant


def test_a_partner_named_in_a_question_that_reports_an_event_takes_part() -> None:
    coded = _code(
        "Q: China and Kazakhstan held counter-terrorism consultations in Beijing yesterday. "
        "Does China plan to hold more such talks?\n"
        "A: The two sides agreed to deepen cooperation against terrorism and separatism."
    )
    assert coded.relevant
    assert "KZ" in coded.countries


def test_a_partner_named_only_in_a_russian_yes_no_question_is_asked_about() -> None:
    coded = _code(
        "Вопрос: Родственники задержанных провели пресс-конференцию. Планирует ли Китай "
        "обсуждать это с Казахстаном?\n"
        "Ответ: Дела Синьцзяна – внутреннее дело Китая, речь идет о борьбе с терроризмом и "
        "сепаратизмом."
    )
    assert not coded.relevant


# -- a list of related headlines at a page's foot names other items' events -----------------
RELATED_LIST = [
    pytest.param(
        "哈萨克斯坦与乌兹别克斯坦举行边防合作会谈\n新华社塔什干3月2日电 哈萨克斯坦边防局局长与"
        "乌兹别克斯坦边防部门负责人2日在塔什干举行会谈，双方同意加强边境巡逻和打击毒品走私合作。\n\n"
        "【相关新闻】\n中国同哈萨克斯坦举行边防合作会晤\n",
        "中国同哈萨克斯坦举行边防合作会晤",
        id="zh-related-news",
    ),
    pytest.param(
        "Пограничники Кыргызстана и Таджикистана провели совместное патрулирование\n"
        "Бишкек, 4 мая 2024 г. Пограничные службы Кыргызстана и Таджикистана провели совместное "
        "патрулирование участка границы и обсудили борьбу с контрабандой наркотиков.\n\n"
        "Читайте также:\nКитай и Кыргызстан провели совместные антитеррористические учения\n",
        "Китай и Кыргызстан провели совместные антитеррористические учения",
        id="ru-read-also",
    ),
    pytest.param(
        "Uzbek, Turkmen border guards hold joint drill\nTASHKENT, May 5, 2024 - Border guards of "
        "Uzbekistan and Turkmenistan held a joint counter-terrorism drill on their common border "
        "on Sunday, the Uzbek State Security Service said.\n\n"
        "Related news:\nChina, Uzbekistan hold joint counter-terrorism drill\n",
        "China, Uzbekistan hold joint counter-terrorism drill",
        id="en-related-news",
    ),
]


@pytest.mark.parametrize(("text", "headline"), RELATED_LIST)
def test_a_related_headline_at_the_foot_is_not_the_items_event(text: str, headline: str) -> None:
    # the item reports two partner states' event; the PRC is named only in a headline of the
    # related list, which names another item's event
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries
    # the same headline as the item's own closing sentence: the PRC takes part
    moved = _code(text.split("\n\n")[0] + " " + headline + ("。" if "中" in headline else "."))
    assert moved.relevant
    assert "CN" in moved.countries


# -- an item on an economic sector: a security word in passing is no security engagement -----
SECTOR_ITEMS = [
    pytest.param(
        "中国同吉尔吉斯斯坦举行经贸合作委员会会议\n新华社比什凯克6月3日电 中国商务部副部长同吉尔吉斯"
        "斯坦经济部副部长3日在比什凯克共同主持两国经贸合作委员会会议。双方同意扩大农产品贸易，"
        "提升口岸通关效率，并加强边境管理部门之间的沟通。",
        "双方还商定两国边防部门将在口岸附近开展联合巡逻。",
        id="zh-trade-commission",
    ),
    pytest.param(
        "Казахстан и Китай обсудили развитие туризма\nАлматы, 7 мая 2024 г. Заместитель министра "
        "туризма Казахстана и делегация Китая обсудили увеличение турпотока. Стороны договорились "
        "об упрощении пересечения границы для туристических групп и о безопасности туристов на "
        "границе.",
        "Пограничные службы Казахстана и Китая провели совместное патрулирование участка границы.",
        id="ru-tourism-talks",
    ),
    pytest.param(
        "China, Uzbekistan hold talks on trade and investment\nTASHKENT, April 9, 2024 - Chinese "
        "Vice Commerce Minister and Uzbek Deputy Minister of Investment held talks on Tuesday on "
        "expanding trade, new industrial parks and faster border crossings for freight trucks.",
        "The two sides also agreed that their border guards will hold a joint exercise in May.",
        id="en-trade-talks",
    ),
]


@pytest.mark.parametrize(("text", "security_event"), SECTOR_ITEMS)
def test_an_economic_items_security_word_in_passing_is_not_engagement(
    text: str, security_event: str
) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries
    # the same item reporting a security event of its own (a joint patrol, an exercise)
    assert _code(text + " " + security_event).relevant


SECURITY_IN_SECTOR_LEAD = [
    pytest.param(
        "中国同吉尔吉斯斯坦举行经贸和执法安全合作会议\n新华社比什凯克6月3日电 中国商务部副部长同吉尔"
        "吉斯斯坦经济部副部长3日在比什凯克举行会议，双方同意扩大贸易，加强打击跨境犯罪合作。",
        id="zh-trade-and-law-enforcement",
    ),
    pytest.param(
        "China, Uzbekistan hold talks on trade and counter-terrorism\nTASHKENT, April 9, 2024 - "
        "Chinese and Uzbek deputy ministers held talks on Tuesday on expanding trade and on "
        "counter-terrorism cooperation along the transport corridors.",
        id="en-trade-and-counter-terrorism",
    ),
]


SECURITY_IN_SECTOR_LEAD += [
    pytest.param(
        "Kazakhstan, China hold talks on trade and security cooperation\nASTANA, May 3, 2024 - "
        "Kazakh and Chinese deputy foreign ministers held talks in Astana on Friday. The two "
        "sides agreed to expand trade and to step up counter-terrorism cooperation.",
        id="en-trade-and-security-word",
    ),
    pytest.param(
        "中哈举行经贸和安全合作磋商\n新华社阿斯塔纳5月3日电 中哈两国副外长3日在阿斯塔纳举行磋商。双方"
        "同意扩大贸易，加强反恐合作。",
        id="zh-trade-and-security-word",
    ),
    pytest.param(
        "Казахстан и Китай обсудили торговлю и безопасность\nАстана, 3 мая 2024 г. Заместители "
        "министров иностранных дел Казахстана и Китая провели консультации в Астане. Стороны "
        "договорились расширять торговлю и укреплять сотрудничество в борьбе с терроризмом.",
        id="ru-trade-and-security-word",
    ),
    # trafficking in persons, a joint investigation: no economic sector
    pytest.param(
        "Китай и Кыргызстан обсудили торговлю людьми\nБишкек, 3 мая 2024 г. Делегации двух стран "
        "встретились в Бишкеке.\nКитай и Кыргызстан договорились вместе бороться с терроризмом и "
        "экстремизмом.",
        id="ru-trafficking-in-persons",
    ),
    pytest.param(
        "China, Kyrgyzstan open joint investigation\nBISHKEK, May 3, 2024 - The two countries "
        "opened a joint investigation on Monday.\nChina and Kyrgyzstan agreed to step up "
        "counter-terrorism cooperation and to exchange intelligence on terrorist groups.",
        id="en-joint-investigation",
    ),
]


@pytest.mark.parametrize("text", SECURITY_IN_SECTOR_LEAD)
def test_a_lead_naming_a_sector_and_security_stays_relevant(text: str) -> None:
    assert _code(text).relevant


# -- the focal state's ministry named after another state's name is that state's -------------
OTHERS_MINISTRY = [
    pytest.param(
        "俄罗斯向塔吉克斯坦移交防空装备\n据报道，俄罗斯国防部向塔吉克斯坦国防部移交了一批防空导弹"
        "系统和无人机，双方同意加强反恐合作。",
        "据报道，中国国防部向塔吉克斯坦国防部移交了一批防空导弹系统和无人机，双方同意加强反恐合作。",
        id="zh-russian-ministry",
    ),
    pytest.param(
        "Russia hands over drones to Tajikistan\nDUSHANBE, May 3, 2024 - The Russian Ministry of "
        "National Defense handed over drones and air defence systems to the Tajik army to "
        "strengthen counter-terrorism on the Afghan border.",
        "DUSHANBE, May 3, 2024 - The Ministry of National Defense handed over drones and air "
        "defence systems to the Tajik army to strengthen counter-terrorism on the Afghan border.",
        id="en-russian-ministry",
    ),
]


@pytest.mark.parametrize(("text", "focal_ministry"), OTHERS_MINISTRY)
def test_the_focal_states_ministry_after_another_states_name_is_that_states(
    text: str, focal_ministry: str
) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert "CN" not in coded.countries
    # the ministry named on its own (the PRC's) hands the equipment over: engagement
    title = "向塔吉克斯坦移交防空装备\n" if "俄罗斯" in text else "Drones for Tajikistan\n"
    assert _code(title + focal_ministry).relevant


# -- a China-X item: a partner named after the lead takes part only joined to the PRC ---------
def test_a_partner_named_near_the_prc_in_a_china_other_item_is_not_a_side() -> None:
    # the partner in a sentence that names the PRC (in 中巴铁路), not joined to it as a side
    title = (
        "中巴举行联合反恐训练\n新华社乌鲁木齐5月6日电 中国和巴基斯坦陆军联合反恐训练6日在新疆闭幕。"
    )
    coded = _code(title + "中巴铁路未来还将经阿富汗延伸至乌兹别克斯坦，双方将加强反恐合作。")
    assert not coded.relevant
    assert not set(coded.countries) & CA
    joined = _code(title + "中方愿同乌兹别克斯坦一道加强反恐合作，双方将举行联合反恐训练。")
    assert joined.relevant
    assert "UZ" in joined.countries


CHINA_OTHER_JOINED = [
    pytest.param(
        "China, Iran hold counter-terrorism talks\nBEIJING, June 3, 2024 - Chinese and Iranian "
        "security officials held counter-terrorism talks in Beijing on Monday. China and "
        "Kyrgyzstan agreed to hold joint counter-terrorism drills.",
        "KG",
        id="en-china-and-kyrgyzstan",
    ),
    pytest.param(
        "Китай и Пакистан провели совместные учения\nИсламабад, 3 июня 2024 г. Военные Китая и "
        "Пакистана провели совместные антитеррористические учения. Китай и Таджикистан "
        "договорились провести совместные антитеррористические учения.",
        "TJ",
        id="ru-china-and-tajikistan",
    ),
    pytest.param(
        "China, Iran hold counter-terrorism talks\nBEIJING, June 3, 2024 - Chinese and Iranian "
        "security officials held counter-terrorism talks in Beijing on Monday. Kazakh and "
        "Chinese border guards will also hold a joint patrol next month.",
        "KZ",
        id="en-kazakh-and-chinese",
    ),
]


@pytest.mark.parametrize(("text", "partner"), CHINA_OTHER_JOINED)
def test_a_partner_joined_to_the_prc_in_a_china_other_item_takes_part(
    text: str, partner: str
) -> None:
    coded = _code(text)
    assert coded.relevant
    assert partner in coded.countries


# -- a framework's item whose lead's subject is states from outside the region ---------------
OUTSIDE_SUBJECT = [
    pytest.param(
        "SCO summit admits Belarus as full member\nASTANA, July 4, 2024 - The SCO Council of "
        "Heads of State meeting in Astana on Thursday admitted Belarus as the organisation's "
        "tenth member state. The leaders also adopted a declaration on fighting terrorism and "
        "extremism.",
        (
            "SCO summit admits Belarus",
            "SCO summit admits Belarus; China, Kazakhstan pledge anti-terror cooperation",
        ),
        id="en-belarus-joins",
    ),
    pytest.param(
        "上合组织峰会接纳白俄罗斯为成员国\n新华社阿斯塔纳7月4日电 上海合作组织成员国元首理事会会议4日在"
        "阿斯塔纳举行，会议决定接纳白俄罗斯为成员国。各国元首还通过了打击恐怖主义和极端主义的宣言。",
        ("上合组织峰会接纳白俄罗斯为成员国", "上合组织峰会接纳白俄罗斯 中哈元首承诺加强反恐合作"),
        id="zh-belarus-joins",
    ),
]


@pytest.mark.parametrize(("text", "titles"), OUTSIDE_SUBJECT)
def test_a_framework_item_about_states_from_outside_the_region_is_not_engagement(
    text: str, titles: tuple[str, str]
) -> None:
    # gold guideline 2: SCO items about enlargement, Iran, India-Pakistan are not relevant
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries
    # the lead names the PRC and a partner state as sides too: their engagement
    both = _code(text.replace(titles[0], titles[1], 1))
    assert both.relevant
    assert {"CN", "KZ"} <= set(both.countries)


# -- analysts' gathering or report: scholars speak for no state ------------------------------
ANALYSTS_ITEMS = [
    pytest.param(
        "中国—中亚智库论坛在西安举行\n新华网西安5月10日电 第二届中国—中亚智库论坛10日在西安举行。来自"
        "中国和哈萨克斯坦、吉尔吉斯斯坦的五十余名学者就地区安全问题进行了讨论。报告建议，中国应加强"
        "同中亚国家在打击恐怖主义方面的协调。",
        "中哈两国边防部门还在霍尔果斯口岸举行了联合巡逻。",
        id="zh-think-tank-forum",
    ),
    pytest.param(
        "Think tanks of China and Central Asia discuss regional security\nALMATY, May 10, 2024 - "
        "Scholars from China, Kazakhstan and Uzbekistan met at a think-tank forum in Almaty on "
        "Friday. The forum's report recommends that China and the Central Asian states step up "
        "joint counter-terrorism cooperation.",
        " On the same day, Chinese and Kazakh border guards held a joint patrol near Khorgos.",
        id="en-think-tank-forum",
    ),
    pytest.param(
        "Научная конференция о безопасности в Центральной Азии прошла в Бишкеке\nБишкек, 10 мая "
        "2024 г. Учёные и эксперты из Китая, Кыргызстана и Казахстана обсудили угрозы терроризма. "
        "В докладе конференции говорится, что Китай и страны Центральной Азии вместе борются с "
        "терроризмом и наркотрафиком.",
        " В тот же день пограничники Кыргызстана и Китая провели совместное патрулирование "
        "границы.",
        id="ru-scientific-conference",
    ),
]


@pytest.mark.parametrize(("text", "security_event"), ANALYSTS_ITEMS)
def test_an_analysts_forum_or_report_is_not_engagement(text: str, security_event: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries
    # the same item reporting the states' own security event (a joint patrol)
    assert _code(text + security_event).relevant


# -- a lead naming no side: the PRC and a partner take part together in one sentence ----------
UNANCHORED = [
    pytest.param(
        "Совет министров обороны ОДКБ провел заседание в Чолпон-Ате\nЧолпон-Ата, 5 июня 2024 г. "
        "Очередное заседание совета прошло в закрытом режиме.\nМинистры обороны Казахстана, "
        "Кыргызстана и Таджикистана обсудили укрепление таджикско-афганской границы и борьбу с "
        "терроризмом. ",
        "Генеральный секретарь отметил, что ОДКБ поддерживает контакты с Китаем по вопросам "
        "борьбы с терроризмом.",
        "Министры обороны Кыргызстана и Китая также договорились провести совместные "
        "антитеррористические учения.",
        id="ru-csto-contacts-with-china",
    ),
    pytest.param(
        "CSTO defence ministers meet in Cholpon-Ata\nCHOLPON-ATA, June 5, 2024 - The regular "
        "session of the council was held behind closed doors.\nDefence ministers of Kazakhstan, "
        "Kyrgyzstan and Tajikistan discussed the security of the Tajik-Afghan border and "
        "counter-terrorism. ",
        "The secretary general said the organisation keeps contacts with China on "
        "counter-terrorism.",
        "Kyrgyzstan and China also agreed to hold a joint counter-terrorism exercise.",
        id="en-csto-contacts-with-china",
    ),
]


@pytest.mark.parametrize(("text", "named", "together"), UNANCHORED)
def test_with_no_side_in_the_lead_the_prc_and_a_partner_take_part_in_one_sentence(
    text: str, named: str, together: str
) -> None:
    # the partners take part in another body's meeting; the PRC keeps contacts with the body
    coded = _code(text + named)
    assert not coded.relevant
    assert not coded.countries
    joined = _code(text + together)
    assert joined.relevant
    assert {"CN", "KG"} <= set(joined.countries)


# -- the PRC's firms or investors only named are no security aspect ---------------------------
FIRMS_ONLY_NAMED = [
    pytest.param(
        "Uzbekistan and China discuss Trans-Afghan railway\nTASHKENT, May 3, 2024 - Uzbek and "
        "Chinese officials met in Tashkent on Friday to discuss the railway through Afghanistan "
        "to Mazar-i-Sharif and Kabul. ",
        "Chinese investors are expected to finance the line.",
        "They agreed on the security of Chinese investors and of the line.",
        id="en-chinese-investors",
    ),
    pytest.param(
        "Узбекистан и Китай обсудили Трансафганскую железную дорогу\nТашкент, 3 мая 2024 г. "
        "Представители Узбекистана и Китая обсудили строительство дороги через Афганистан до "
        "Мазари-Шарифа и Кабула. ",
        "В проекте участвуют несколько китайских предприятий.",
        "Стороны договорились обеспечить безопасность китайских инвестиций.",
        id="ru-chinese-enterprises",
    ),
    pytest.param(
        "乌兹别克斯坦与中国商谈跨阿富汗铁路\n新华社塔什干5月3日电 乌中两国官员3日在塔什干就经阿富汗"
        "通往马扎里沙里夫和喀布尔的铁路进行会谈。",
        "中资企业将参与项目融资。",
        "双方同意保障中资企业和项目安全。",
        id="zh-chinese-firms",
    ),
]


@pytest.mark.parametrize(("text", "named", "secured"), FIRMS_ONLY_NAMED)
def test_the_prcs_firms_only_named_are_no_security_aspect(
    text: str, named: str, secured: str
) -> None:
    coded = _code(text + named)
    assert not coded.relevant
    assert not coded.countries
    # their security as the matter agreed (codebook: investment_security)
    kept = _code(text + secured)
    assert kept.relevant
    assert "investment_security" in kept.topics


# -- a partner's own law-enforcement case: the PRC only where the goods come from -----------
# (eleventh round, second part; the class was found among test6's hard negatives)
DOMESTIC_CASES = [
    pytest.param(
        "哈萨克斯坦海关查获一批走私无人机\n2025年3月2日，哈萨克斯坦国家收入委员会在多斯特克口岸查获"
        "200架产自中国的无人机及零件，货物申报为儿童玩具。哈方已对涉案的两名本国公民立案调查。",
        "哈萨克斯坦海关查获一批走私无人机\n2025年3月2日，哈萨克斯坦国家收入委员会与中国海关联合行动，"
        "在多斯特克口岸查获200架无人机及零件，货物申报为儿童玩具。哈方已对涉案的两名本国公民立案调查。",
        id="zh-drones-seized",
    ),
    pytest.param(
        "Таможенники Кыргызстана изъяли партию раций из Китая\nБишкек, 4 апреля 2025 г. "
        "Сотрудники таможенной службы Кыргызстана на пункте пропуска «Иркештам» изъяли 500 "
        "раций и тепловизоров, ввезённых из Китая без разрешения. Возбуждено уголовное дело о "
        "контрабанде, задержан житель Оша.",
        "Таможенники Кыргызстана изъяли партию раций из Китая\nБишкек, 4 апреля 2025 г. "
        "Сотрудники таможенной службы Кыргызстана совместно с китайскими коллегами на пункте "
        "пропуска «Иркештам» изъяли 500 раций и тепловизоров. Возбуждено уголовное дело о "
        "контрабанде, задержан житель Оша.",
        id="ru-radios-seized",
    ),
    pytest.param(
        "Uzbek customs seize counterfeit night-vision scopes from China\nTASHKENT, May 6, 2025 - "
        "Uzbek customs officers seized 300 counterfeit night-vision scopes made in China at the "
        "Tashkent airport cargo terminal, the State Customs Committee said. Two Uzbek citizens "
        "were charged with smuggling.",
        "Uzbek customs seize counterfeit night-vision scopes from China\nTASHKENT, May 6, 2025 - "
        "Uzbek customs officers, jointly with Chinese customs, seized 300 counterfeit night-vision "
        "scopes at the Tashkent airport cargo terminal, the State Customs Committee said. Two "
        "Uzbek citizens were charged with smuggling.",
        id="en-scopes-seized",
    ),
]


@pytest.mark.parametrize(("text", "joint"), DOMESTIC_CASES)
def test_a_partners_seizure_of_goods_from_the_prc_is_not_engagement(text: str, joint: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries
    # the same seizure made together with the PRC's customs or colleagues is engagement
    assert _code(joint).relevant


def test_bribes_from_a_chinese_firms_subsidiary_are_a_domestic_case() -> None:
    text = (
        "Tajik prosecutors charge customs officials over bribes\nDUSHANBE, June 2, 2025 - "
        "Prosecutors charged three customs officials at the Karamyk border post with taking bribes "
        "from a Chinese trading company to clear radios and drones without checks. The case was "
        "sent to court."
    )
    coded = _code(text)
    assert not coded.relevant
    # the PRC's police taking part in the investigation is engagement
    joint = text.replace(
        "The case was sent to court.",
        "The Chinese police handed over evidence to the Tajik investigators under their "
        "counter-terrorism cooperation agreement.",
    )
    assert _code(joint).relevant


# -- a notice to the public: an embassy's reminder, a customs or border-crossing notice --------
PUBLIC_NOTICES = [
    pytest.param(
        "驻吉尔吉斯斯坦使馆提醒在吉中国公民注意防范电信诈骗\n2025年2月10日\n近期，吉尔吉斯斯坦多地发生冒充"
        "警察实施诈骗案件。驻吉尔吉斯斯坦使馆提醒在吉中国公民提高警惕，遇到紧急情况请及时报警并与使馆联系。",
        id="zh-embassy-reminder",
    ),
    pytest.param(
        "О режиме работы пунктов пропуска на кыргызско-китайской границе\nПограничная служба "
        "ГКНБ Кыргызской Республики сообщает, что пункты пропуска «Торугарт» и «Иркештам» в "
        "связи с праздниками в КНР с 1 по 5 мая 2025 года работать не будут. Просим граждан и "
        "перевозчиков учитывать эту информацию.",
        id="ru-crossing-hours",
    ),
    pytest.param(
        "Notice on the Khorgos crossing's opening hours during the Chinese New Year\nThe Border "
        "Service of Kazakhstan's National Security Committee informs that the Khorgos road "
        "crossing on the border with China will be closed from January 28 to February 2, 2025 "
        "at the request of the Chinese side. Travellers are advised to plan their trips.",
        id="en-crossing-hours",
    ),
]


@pytest.mark.parametrize("text", PUBLIC_NOTICES)
def test_a_notice_to_the_public_is_no_event_of_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert not coded.countries


NOTICES_WITH_EVENTS = [
    pytest.param(
        "驻吉尔吉斯斯坦使馆提醒在吉中国公民加强安全防范\n2025年2月10日\n2月8日，中国企业在纳伦州的"
        "工地遭到武装袭击，两名中国公民受伤。使馆已要求吉方严惩凶手，吉方表示将全力保障中国公民安全。",
        id="zh-reminder-after-attack",
    ),
    pytest.param(
        "Notice on the joint border patrol at the Kulma pass\nThe Border Troops of Tajikistan "
        "and the Chinese People's Armed Police will hold a joint patrol along the Kulma pass "
        "section of the border from May 10 to 20, 2025; the crossing will be closed to "
        "travellers during the patrol.",
        id="en-notice-of-joint-patrol",
    ),
]


@pytest.mark.parametrize("text", NOTICES_WITH_EVENTS)
def test_a_notice_reporting_a_security_event_stays_relevant(text: str) -> None:
    assert _code(text).relevant


# -- a news outlet's name and another state's short-form ministry are no PRC side ------------
OUTLET_LEADS = [
    pytest.param(
        "哈萨克斯坦与俄罗斯举行联合反恐演习\n中国新闻网 2025年07月02日\n据哈萨克斯坦国防部消息，"
        "哈萨克斯坦与俄罗斯军队1日在阿克套附近举行联合反恐演习，双方出动兵力800人。",
        "哈萨克斯坦与中国举行联合反恐演习\n中国新闻网 2025年07月02日\n据哈萨克斯坦国防部消息，"
        "哈萨克斯坦与中国军队1日在阿克套附近举行联合反恐演习，双方出动兵力800人。",
        id="zh-chinanews",
    ),
    pytest.param(
        "Kazakhstan, Russia hold joint counter-terrorism drills\nChina Daily | 2025-07-02\n"
        "Kazakh and Russian troops held a joint counter-terrorism exercise near Aktau on Tuesday, "
        "Kazakhstan's defence ministry said.",
        "Kazakhstan, China hold joint counter-terrorism drills\nChina Daily | 2025-07-02\n"
        "Kazakh and Chinese troops held a joint counter-terrorism exercise near Aktau on Tuesday, "
        "Kazakhstan's defence ministry said.",
        id="en-china-daily",
    ),
]


@pytest.mark.parametrize(("text", "with_prc"), OUTLET_LEADS)
def test_a_news_outlets_name_is_no_side_of_others_exercise(text: str, with_prc: str) -> None:
    assert not _code(text).relevant
    assert _code(with_prc).relevant


def test_another_states_short_form_ministry_is_that_states() -> None:
    text = (
        "哈萨克斯坦与俄罗斯在里海举行联合演习\n2025年7月2日\n哈国防部称，哈萨克斯坦海军与俄罗斯里海"
        "舰队1日举行联合反恐演习。哈方表示，与俄罗斯、中国、土耳其等国均保持军事合作。"
    )
    coded = _code(text)
    assert not coded.relevant
    # the PRC's and Kazakhstan's ministries as the pair's sides (中哈国防部) are the PRC's too
    pair = text.replace("哈国防部称，哈萨克斯坦海军与俄罗斯里海舰队", "中哈国防部称，两国海军")
    assert _code(pair).relevant


# -- the PRC as the far end of a route linking a partner with it ------------------------------
ROUTE_ENDS = [
    pytest.param(
        "Кыргызстан и Узбекистан подписали соглашение о безопасности границы\nБишкек, 3 марта "
        "2025 г. Президенты Кыргызстана и Узбекистана подписали соглашение о совместной охране "
        "границы. В переговорах обсуждены борьба с терроризмом и наркотрафиком, а также "
        "строительство железной дороги, связывающей Узбекистан с Китаем через Кыргызстан.",
        "Китай и Кыргызстан проведут совместные антитеррористические учения в мае.",
        id="ru-railway-to-china",
    ),
    pytest.param(
        "Kyrgyzstan, Uzbekistan sign border security agreement\nBISHKEK, March 3, 2025 - The "
        "presidents of Kyrgyzstan and Uzbekistan signed an agreement on joint border protection. "
        "They discussed terrorism, drug trafficking and a railway connecting Uzbekistan with "
        "China through Kyrgyzstan.",
        "China and Kyrgyzstan will hold a joint counter-terrorism exercise in May.",
        id="en-railway-to-china",
    ),
]


@pytest.mark.parametrize(("text", "prc_takes_part"), ROUTE_ENDS)
def test_the_prc_as_a_routes_far_end_is_no_side(text: str, prc_takes_part: str) -> None:
    assert not _code(text).relevant
    assert _code(text + " " + prc_takes_part).relevant


# -- an English transcript naming the asking outlet: one item per question --------------------
OUTLET_TRANSCRIPT = (
    "Foreign Ministry Spokesperson's Regular Press Conference on April 2, 2025\n\n"
    "Phoenix TV: Uzbekistan said a Chinese company will build a copper smelter in Almalyk. "
    "Could you give us more details?\n"
    "Spokesperson: China and Uzbekistan are comprehensive strategic partners. Energy and mining "
    "cooperation is part of our practical cooperation, and the project will meet high safety "
    "standards.\n\n"
    "AFP: NATO says China's defence spending threatens security in Europe. What is your "
    "response?\n"
    "Spokesperson: China's defence policy is defensive in nature. We urge NATO to stop hyping "
    "up the so-called China threat.\n\n"
    "Reuters: The Philippines held a military exercise with Japan this week. What's China's "
    "comment?\n"
    "Spokesperson: Military cooperation should not target any third party.\n"
)


def test_an_outlet_transcript_is_split_into_its_questions() -> None:
    from steppewatch.extract.segment import segment_text

    items = segment_text(OUTLET_TRANSCRIPT)
    assert [i.title.split(":")[0] for i in items[1:] if i.title] == ["Phoenix TV", "AFP", "Reuters"]
    # one item on the smelter (the economy, "safety" in passing) and others on China's defence
    # and on others' exercises: no item reports engagement with the region
    assert not _code(OUTLET_TRANSCRIPT).relevant
    # the same transcript with a question on a joint patrol is relevant through that item
    patrol = OUTLET_TRANSCRIPT.replace(
        "Reuters: The Philippines held a military exercise with Japan this week. What's China's "
        "comment?\nSpokesperson: Military cooperation should not target any third party.\n",
        "Reuters: Chinese and Kyrgyz border guards held a joint patrol near Irkeshtam this week. "
        "Can you share more?\nSpokesperson: The joint patrol is part of China and Kyrgyzstan's "
        "cooperation against terrorism and cross-border crime.\n",
    )
    assert _code(patrol).relevant


def test_a_readout_with_one_quoted_question_is_one_item() -> None:
    from steppewatch.extract.segment import segment_text

    text = (
        "Kazakh, Chinese border guards hold joint patrol\nASTANA, May 3, 2025 - Kazakh and "
        "Chinese border guards patrolled the Khorgos section on Friday.\n"
        "Reporter: Will the patrols continue?\nThe commander said they would continue monthly.\n"
    )
    assert len(segment_text(text)) == 1


def test_western_troops_facing_a_state_outside_the_region_are_not_engagement() -> None:
    text = (
        "Can you share more details about what happened on the night of May 3?\n"
        "Spokesperson: The PLA Western Theater Command released a statement. Indian border troops "
        "crossed the line of actual control and provoked a clash; India should restrain its "
        "front-line troops and return to talks between the border troops' commanders."
    )
    assert not _code(text).relevant
    # the same command's troops with a partner state's are the PRC's engagement with the region
    with_partner = text.replace("Indian border troops", "Kyrgyz and Chinese border troops").replace(
        "crossed the line of actual control and provoked a clash; India should restrain its "
        "front-line troops and return to talks between the border troops' commanders.",
        "held a joint counter-terrorism patrol on the Kyrgyz-Chinese border.",
    )
    assert _code(with_partner).relevant


# -- another power's event: the PRC named after the lead (twelfth round) ------------------------
# The lead of the event (past a byline or a source line) names a partner state with a state from
# outside the region or a body of other states (the CSTO) and not the PRC: the PRC named later is
# a comparison, a trading partner, where goods come from or what it did elsewhere, unless its
# agency, delegation or official acts there or it is joined to a partner as the other side.
_US_OSH = (
    "New border training centre opens in Osh\nBy a staff writer\nMarch 3, 2025\n"
    "The United States opened a training centre for the border guards of Kyrgyzstan and "
    "Tajikistan in Osh on Monday, the US embassy said. The centre will train officers to fight "
    "drug trafficking and terrorism. "
)
_US_C5 = (
    "美国与中亚五国举行外长会议\n2025-04-04 10:00 来源：某某网\n"
    "据外媒报道，美国国务卿3日在华盛顿与哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦和"
    "乌兹别克斯坦外长举行会议。会议讨论了反恐合作和边境安全。"
)
_UZ_AF = (
    "Узбекистан и Афганистан договорились усилить охрану границы\nТермез, 4 апреля 2025 г.\n"
    "Пограничные представители Узбекистана и Афганистана провели встречу в Термезе и обсудили "
    "борьбу с наркотрафиком и контрабандой. "
)
_CSTO_KG = (
    "Учения ОДКБ завершились в Кыргызстане\nБишкек, 5 мая 2025\n"
    "Военнослужащие Казахстана, Кыргызстана и России отработали на учениях ОДКБ уничтожение "
    "террористов. "
)
PRC_NAMED_IN_OTHERS_EVENT = [
    pytest.param(
        _US_OSH + "China has also funded border posts in Tajikistan, according to media reports.",
        id="en-china-funded-elsewhere",
    ),
    pytest.param(
        _US_OSH + "Kyrgyzstan also buys drones from China, a Kyrgyz official said.",
        id="en-bought-from-china",
    ),
    pytest.param(
        _US_C5 + "分析人士称，美国希望在中亚同中国和俄罗斯竞争。中国是中亚国家最大的贸易伙伴之一。",
        id="zh-trading-partner",
    ),
    pytest.param(_US_C5 + "哈萨克斯坦此前从中国采购了边境监控设备。", id="zh-bought-from-china"),
    pytest.param(
        _UZ_AF + "Через пункт пропуска идут грузы из Китая, Ирана и Казахстана.",
        id="ru-goods-from-china",
    ),
    pytest.param(
        _CSTO_KG + "По словам командования, боевики в соседних странах вербуют выходцев из "
        "Синьцзяна и Китая.",
        id="ru-csto-militants-from-xinjiang",
    ),
]


@pytest.mark.parametrize("text", PRC_NAMED_IN_OTHERS_EVENT)
def test_the_prc_named_after_the_lead_of_another_powers_event_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert "CN" not in coded.countries


PRC_JOINS_OTHERS_EVENT = [
    pytest.param(
        _US_OSH + "China and Kyrgyzstan agreed at the ceremony to hold joint border patrols.",
        id="en-china-and-kyrgyzstan",
    ),
    pytest.param(
        _US_C5 + "乌兹别克斯坦外长表示，乌方也将继续同中国开展反恐合作。",
        id="zh-partner-with-china",
    ),
    pytest.param(
        _US_C5 + "同日，中国与哈萨克斯坦边防部门在霍尔果斯口岸举行联合巡逻。",
        id="zh-china-and-kazakhstan",
    ),
    pytest.param(
        _UZ_AF + "В тот же день делегация Министерства общественной безопасности КНР провела "
        "переговоры с пограничной службой Узбекистана о совместном патрулировании.",
        id="ru-prc-delegation",
    ),
    pytest.param(
        _CSTO_KG + "Одновременно Китай и Кыргызстан провели совместные антитеррористические "
        "учения на границе.",
        id="ru-china-and-kyrgyzstan",
    ),
]


@pytest.mark.parametrize("text", PRC_JOINS_OTHERS_EVENT)
def test_the_prc_taking_part_beside_another_powers_event_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert "CN" in coded.countries


@pytest.mark.parametrize(
    ("text", "end"),
    [
        (
            "EU Launches Border Program\nBy a staff writer\nJune 4, 2025 12:25 GMT\nALMATY -- The "
            "EU launched a program. It will run five years.",
            "a program.",
        ),
        (
            "美国与中亚五国举行外长会议\n2025-04-04 10:00 来源：某某网\n美国国务卿3日举行会议。会议讨论。",
            "举行会议。",
        ),
        ("Title line here\nThe first sentence of the report. Another one.", "the report."),
    ],
    ids=["en-byline-and-date", "zh-source-line", "no-byline"],
)
def test_the_event_lead_is_the_first_sentence_under_the_bylines(text: str, end: str) -> None:
    from steppewatch.extract.coder_background import lead_end
    from steppewatch.extract.coder_relevance import event_lead

    got = event_lead(0, text, lead_end(0, text), len(text))
    assert text[:got].rstrip().endswith(end)


# -- the PRC's border human capacity (twelfth round) -------------------------------------------
# Codebook, domestic_capacity: "border-guarding herders and militia (护边员, 民兵)". Volunteers
# guarding a border are the PRC's build-up when the PRC (Xinjiang, China) is named in their
# sentence; any state may have them.
@pytest.mark.parametrize(
    "text",
    [
        "Xinjiang trains more border-guarding volunteers\nGlobal News, 2 June 2025\nXinjiang has "
        "recruited 3,000 more border-guarding volunteers in counties bordering Kazakhstan and "
        "Kyrgyzstan, local officials said. The herders patrol the frontier and report illegal "
        "crossings to the border police.",
        "В Синьцзяне выросло число пограничников-добровольцев\nУрумчи, 2 июня 2025\nВ Синьцзяне "
        "к охране границы привлечены еще 3 тысячи пограничников-добровольцев из числа пастухов, "
        "сообщили местные власти. Они патрулируют участки, где проходит граница с Казахстаном и "
        "Кыргызстаном, и сообщают о нарушителях.",
        "新疆新增一批护边员\n2025年6月2日 来源：某某日报\n新疆阿勒泰地区新增护边员300名，他们在与"
        "哈萨克斯坦接壤的边境线上巡逻，发现可疑人员及时报告边防部门。",
    ],
    ids=["en", "ru", "zh"],
)
def test_the_prcs_border_guarding_volunteers_are_its_build_up(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert coded.kind == "domestic_capacity"
    assert "CN" in coded.countries


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan recruits border-guarding volunteers\nBishkek, 2 June 2025\nKyrgyzstan has "
        "recruited 300 border-guarding volunteers in Batken region to help its border service "
        "stop smugglers, officials said.",
        "В Таджикистане набирают пограничников-добровольцев\nДушанбе, 2 июня 2025\nПограничные "
        "войска Таджикистана набрали 300 пограничников-добровольцев в Горно-Бадахшанской "
        "области для борьбы с контрабандой.",
    ],
    ids=["en", "ru"],
)
def test_a_partners_own_border_volunteers_are_no_prc_build_up(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert "CN" not in coded.countries


# -- a framework's secretary-general (twelfth round) --------------------------------------------
# The SCO's secretary-general receiving an ambassador or issuing a statement is the organisation's
# own business: no meeting of its members' bodies, and he speaks for no state (gold: the
# secretary-general's audiences and statements are not relevant). A meeting of a member states'
# body that he attends stays relevant.
SECRETARY_GENERAL_ONLY = [
    pytest.param(
        "上合组织秘书长会见尼泊尔驻华大使\n2025年3月1日，上海合作组织秘书长叶尔梅克巴耶夫在北京秘书处会见尼泊尔驻华大使，介绍了本组织在打击恐怖主义和禁毒领域的合作。双方还就筹备上合组织峰会交换了意见。",
        id="zh",
    ),
    pytest.param(
        "SCO Secretary-General receives Ambassador of Nepal\nSCO Secretariat, 1 March 2025\nSCO Secretary-General Nurlan Yermekbayev received the Ambassador of Nepal at the Secretariat in Beijing. He briefed the ambassador on the organisation's fight against terrorism and drug trafficking and on the coming SCO summit in Kyrgyzstan.",
        id="en",
    ),
    pytest.param(
        "Генеральный секретарь ШОС принял посла Непала\nПекин, 1 марта 2025\nГенеральный секретарь ШОС Нурлан Ермекбаев принял в Секретариате в Пекине посла Непала и рассказал о работе организации по борьбе с терроризмом и наркотрафиком и о подготовке саммита ШОС в Кыргызстане.",
        id="ru",
    ),
]


@pytest.mark.parametrize("text", SECRETARY_GENERAL_ONLY)
def test_a_secretary_generals_own_business_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert "KZ" not in coded.countries


SECRETARY_GENERAL_AT_MEMBERS_MEETING = [
    pytest.param(
        "上合组织成员国国防部长会议在阿斯塔纳举行\n2025年3月1日，上海合作组织成员国国防部长会议在阿斯塔纳举行，中国国防部长和哈萨克斯坦国防部长出席。上合组织秘书长叶尔梅克巴耶夫出席会议并讲话，各方讨论了打击恐怖主义合作。",
        id="zh",
    ),
    pytest.param(
        "SCO defence ministers meet in Astana\nASTANA, 1 March 2025\nThe SCO defence ministers' meeting was held in Astana, attended by China's defence minister and Kazakhstan's defence minister. SCO Secretary-General Nurlan Yermekbayev addressed the meeting, which discussed counter-terrorism cooperation.",
        id="en",
    ),
    pytest.param(
        "В Астане прошло совещание министров обороны ШОС\nАстана, 1 марта 2025\nВ Астане состоялось совещание министров обороны государств-членов ШОС с участием министров обороны Китая и Казахстана. Генеральный секретарь ШОС Нурлан Ермекбаев выступил на совещании, стороны обсудили борьбу с терроризмом.",
        id="ru",
    ),
]


@pytest.mark.parametrize("text", SECRETARY_GENERAL_AT_MEMBERS_MEETING)
def test_a_members_meeting_the_secretary_general_attends_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert coded.framework == "SCO"
    assert {"CN", "KZ"} <= set(coded.countries)


# -- analysts' commentary headed as such under the title (twelfth round) ------------------------
# A subtitle or a column heading under the title (Эксперты сравнили...; Expert Opinions) makes
# the item analysts' words: relevant only where a passage reports a security event of its own.
ANALYSTS_HEADED = [
    pytest.param(
        "Кто сильнее в Центральной Азии\nКоммерсант, 3 марта 2025\nЭксперты сравнили роль России и Китая в регионе\n\nТоварооборот Китая со странами региона растет быстрее российского. Казахстан продает газ Китаю и входит в ЕАЭС. По общему мнению опрошенных, Москва останется для Казахстана партнером в военной сфере, а Пекин - в торговле.",
        id="ru",
    ),
    pytest.param(
        "Who leads in Central Asia?\nThe Steppe Review | Expert Opinions\nJohn Smith, senior fellow\n\nChina's trade with Kazakhstan and Kyrgyzstan keeps growing. Russia keeps its military bases there. For both governments China remains a creditor and a market, and Russia the guarantor of their military security.",
        id="en",
    ),
]


@pytest.mark.parametrize("text", ANALYSTS_HEADED)
def test_analysts_comparing_powers_under_the_title_is_not_relevant(text: str) -> None:
    assert not _code(text).relevant


ANALYSTS_HEADED_WITH_EVENT = [
    pytest.param(
        "Кто сильнее в Центральной Азии\nКоммерсант, 3 марта 2025\nЭксперты сравнили роль России и Китая в регионе\n\nТоварооборот Китая со странами региона растет быстрее российского. В марте Китай и Таджикистан провели совместные антитеррористические учения у границы с Афганистаном.",
        id="ru",
    ),
    pytest.param(
        "Who leads in Central Asia?\nThe Steppe Review | Expert Opinions\nJohn Smith, senior fellow\n\nChina's trade with Kazakhstan and Kyrgyzstan keeps growing. In March, China and Kyrgyzstan held a joint counter-terrorism exercise near the border.",
        id="en",
    ),
]


@pytest.mark.parametrize("text", ANALYSTS_HEADED_WITH_EVENT)
def test_analysts_reporting_a_prc_exercise_stays_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert "CN" in coded.countries


# -- a power whose influence another power's event counters (twelfth round) ---------------------
# "as it seeks to counter China's growing influence", "стремясь ослабить влияние Китая": the PRC
# named in the lead as what is countered is no side of the event (``others_event``).
PRC_INFLUENCE_COUNTERED = [
    pytest.param(
        "Индия принимает военных из Центральной Азии\nНью-Дели, 3 марта 2025\nИндия провела в Нью-Дели переговоры с военными Казахстана и Узбекистана, стремясь ослабить влияние Китая в регионе. Стороны обсудили подготовку военных кадров и борьбу с терроризмом. Китай финансирует строительство погранзастав в Таджикистане.",
        id="ru",
    ),
    pytest.param(
        "India hosts Central Asian defence officials\nBy a staff writer\nMarch 3, 2025\nNEW DELHI -- India hosted defence officials from Kazakhstan and Uzbekistan on Monday as it seeks to counter China's growing influence in the region. The sides discussed counter-terrorism training. China finances border posts in Tajikistan, officials said.",
        id="en",
    ),
]


@pytest.mark.parametrize("text", PRC_INFLUENCE_COUNTERED)
def test_the_prcs_influence_countered_by_another_power_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant
    assert "CN" not in coded.countries


PRC_INFLUENCE_COUNTERED_AND_PRC_ACTS = [
    pytest.param(
        "Индия принимает военных из Центральной Азии\nНью-Дели, 3 марта 2025\nИндия провела в Нью-Дели переговоры с военными Казахстана и Узбекистана, стремясь ослабить влияние Китая в регионе. Стороны обсудили подготовку военных кадров и борьбу с терроризмом. В тот же день Китай и Казахстан подписали соглашение о совместном патрулировании границы.",
        id="ru",
    ),
    pytest.param(
        "India hosts Central Asian defence officials\nBy a staff writer\nMarch 3, 2025\nNEW DELHI -- India hosted defence officials from Kazakhstan and Uzbekistan on Monday as it seeks to counter China's growing influence in the region. The sides discussed counter-terrorism training. China and Kazakhstan signed an agreement on joint border patrols the same day.",
        id="en",
    ),
]


@pytest.mark.parametrize("text", PRC_INFLUENCE_COUNTERED_AND_PRC_ACTS)
def test_the_prc_acting_beside_an_event_countering_it_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert {"CN", "KZ"} <= set(coded.countries)
