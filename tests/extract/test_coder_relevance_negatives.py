"""Relevance on hard negatives (issue 13, thirteenth round): the kinds of item that name the PRC
and a Central Asian state and report no PRC-Central Asian security engagement, each against
an item of the same kind that does. Hand-written Chinese, Russian and English texts, in their
own wording (not copied from any gold text): the Central Asian states' own business, another
power's event with the Taliban or the CIS as a side, who borders whom, premiers' talks,
workplace safety, an embassy's safety advice after accidents, a framework's meeting recalled
in background, a Xinjiang press conference, and the focal state joined to the first state of a
list only."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


def _not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score
    assert not set(coded.countries) & CA


# -- the Central Asian states' own business: the PRC a trading partner or a route's end -----
PARTNERS_AMONG_THEMSELVES = [
    pytest.param(
        "Kyrgyzstan, Tajikistan sign military cooperation plan for 2027\n"
        "BISHKEK, March 3. The defense ministries of Kyrgyzstan and Tajikistan have signed a plan "
        "of bilateral military cooperation for 2027 after talks in Bishkek.\n"
        "The plan provides for a joint exercise of border units, the training of Tajik officers "
        "in Bishkek and cooperation in military medicine. The ministers said the situation in "
        "Afghanistan remains the main challenge.\n"
        "Kyrgyzstan and Tajikistan are the smallest economies of the region and trade mainly with "
        "Russia, China and Kazakhstan. Earlier, Kyrgyz military delegations also visited China "
        "and India to study military education.",
        id="en-kg-tj-defence-plan",
    ),
    pytest.param(
        "Казахстан и Узбекистан подписали план военного сотрудничества\n"
        "ТАШКЕНТ, 5 марта. Министры обороны Казахстана и Узбекистана подписали план "
        "двустороннего военного сотрудничества на 2027 год.\n"
        "План предусматривает совместные учения пограничных подразделений и подготовку "
        "офицеров. Министры отметили, что ситуация в Афганистане остается главным вызовом. Оба "
        "государства – крупнейшие торговые партнеры России, Китая и Евросоюза в регионе.",
        id="ru-kz-uz-defence-plan",
    ),
    pytest.param(
        "吉尔吉斯斯坦与乌兹别克斯坦签署边境安全合作协定\n"
        "比什凯克3月5日电 吉尔吉斯斯坦和乌兹别克斯坦边防部门负责人5日签署边境安全合作协定，"
        "双方将联合打击毒品走私和恐怖主义。两国都是中国的重要贸易伙伴。",
        id="zh-kg-uz-border-agreement",
    ),
]


@pytest.mark.parametrize("text", PARTNERS_AMONG_THEMSELVES)
def test_partner_states_among_themselves_are_not_prc_engagement(text: str) -> None:
    _not_relevant(text)


PARTNERS_WITH_PRC_AFTER_LEAD = [
    pytest.param(
        "Kyrgyzstan, Tajikistan border chiefs meet in Bishkek\n"
        "BISHKEK, March 3. The border services of Kyrgyzstan and Tajikistan met in Bishkek.\n"
        "China and Kyrgyzstan will also hold a joint counter-terrorism exercise on the border "
        "in May, the Kyrgyz side said.",
        id="en-china-joined-to-kyrgyzstan",
    ),
    pytest.param(
        "Казахстан и Узбекистан провели консультации\n"
        "ТАШКЕНТ, 5 марта. Министры внутренних дел Казахстана и Узбекистана провели "
        "консультации. В мае делегация Министерства общественной безопасности КНР проведет в "
        "Ташкенте совместный семинар с МВД Узбекистана по борьбе с терроризмом.",
        id="ru-prc-ministry-delegation-acts",
    ),
]


@pytest.mark.parametrize("text", PARTNERS_WITH_PRC_AFTER_LEAD)
def test_the_prc_taking_part_after_partners_lead_stays_relevant(text: str) -> None:
    assert _code(text).relevant


# -- another power's event: the Taliban and the CIS as sides ---------------------------------
OTHERS_EVENT_SIDES = [
    pytest.param(
        "Uzbek and Taliban officials discuss security at Termez crossing\n"
        "TERMEZ, May 4. Border officials of Uzbekistan and the Taliban held talks on the "
        "security of the Termez-Hairatan bridge and joint measures against drug smuggling.\n"
        "Last year, gunmen attacked a convoy of Chinese engineers in northern Afghanistan.",
        id="en-taliban-side",
    ),
    pytest.param(
        "В Бишкеке прошло заседание Совета руководителей органов безопасности СНГ\n"
        "Кабар | 15.04.2026 | 10:20\n\n"
        "В Бишкеке 14 апреля прошло заседание Совета руководителей органов безопасности "
        "государств – участников СНГ. В нем приняли участие руководители ведомств Беларуси, "
        "Казахстана, Кыргызстана, России и Таджикистана.\n\n"
        "Участники обсудили обстановку на внешних границах Содружества. Председатель напомнил о "
        "нападениях на иностранных рабочих в приграничных районах, в том числе граждан Китая, в "
        "конце прошлого года, и поблагодарил партнеров за помощь в оснащении застав.\n\n"
        "Совет утвердил план совместной пограничной операции, которая пройдет осенью, и "
        "рассмотрел подготовку кадров для пограничных ведомств в учебных заведениях России и "
        "Казахстана.",
        id="ru-cis-council",
    ),
]


@pytest.mark.parametrize("text", OTHERS_EVENT_SIDES)
def test_the_taliban_and_the_cis_are_sides_of_another_powers_event(text: str) -> None:
    _not_relevant(text)


def test_the_prc_handing_equipment_to_a_partner_after_such_a_lead_stays_relevant() -> None:
    coded = _code(
        "В Душанбе прошло заседание Совета командующих пограничными войсками СНГ\n"
        "ДУШАНБЕ, 21 мая. В Душанбе прошло заседание Совета командующих пограничными войсками "
        "государств – участников СНГ с участием Казахстана, Кыргызстана и Таджикистана. Китай "
        "передаст Таджикистану оборудование для пограничных застав."
    )
    assert coded.relevant
    assert "TJ" in coded.countries


# -- who borders whom -------------------------------------------------------------------------
def test_the_prc_named_as_a_neighbour_is_no_side() -> None:
    _not_relevant(
        "塔吉克斯坦与俄罗斯举行联合反恐演习\n"
        "杜尚别4月2日电 据塔吉克斯坦国防部消息，塔吉克斯坦与俄罗斯两国军队于4月1日在哈特隆州"
        "举行联合反恐演习，双方约800名官兵、100余台装备参演。\n"
        "塔吉克斯坦与中国、阿富汗、吉尔吉斯斯坦和乌兹别克斯坦接壤，是集体安全条约组织和上海合作"
        "组织成员国。"
    )


def test_the_prc_joined_to_a_partner_in_an_act_stays_relevant() -> None:
    assert _code(
        "塔吉克斯坦与俄罗斯举行联合反恐演习\n"
        "杜尚别4月2日电 据塔吉克斯坦国防部消息，塔吉克斯坦与俄罗斯两国军队于4月1日在哈特隆州"
        "举行联合反恐演习，双方约800名官兵参演。\n"
        "塔吉克斯坦还将与中国于6月举行边境联合反恐演习。"
    ).relevant


# -- a premiers' regular meeting and workplace safety: no security matter --------------------
SECTOR_LEADS = [
    pytest.param(
        "中乌总理举行第五次定期会晤\n"
        "新华社北京5月6日电 国务院总理在人民大会堂同乌兹别克斯坦总理举行中乌总理第五次定期会晤。"
        "双方同意扩大贸易、能源和农业合作。中方愿同乌方加强执法安全合作，为务实合作保驾护航。",
        id="zh-premiers-regular-meeting",
    ),
    pytest.param(
        "Председатель кабинета министров Кыргызстана провел переговоры с Премьером Госсовета "
        "КНР\nПЕКИН, 10 апреля. Председатель кабинета министров Кыргызской Республики в ходе "
        "официального визита в Китай провел переговоры с Премьером Государственного совета "
        "КНР.\nСтороны обсудили торговлю, строительство железной дороги и поставки "
        "сельхозпродукции. Китайская сторона готова укреплять сотрудничество с Кыргызстаном в "
        "правоохранительной сфере и в сфере безопасности.",
        id="ru-premiers-talks",
    ),
    pytest.param(
        "Premiers of China, Kazakhstan hold regular meeting in Beijing\n"
        "BEIJING, May 6. The Chinese premier and Kazakhstan's prime minister held the premiers' "
        "regular meeting in Beijing on trade, railways and energy. China is ready to strengthen "
        "law-enforcement cooperation with Kazakhstan to protect trade routes, he said.",
        id="en-premiers-regular-meeting",
    ),
    pytest.param(
        "中国驻塔吉克斯坦使馆举办中资企业安全生产培训班\n"
        "6月3日，中国驻塔吉克斯坦使馆在杜尚别举办中资企业安全生产培训班，塔吉克斯坦劳动部门官员"
        "讲解消防和用工规定。\n使馆每年举办安全生产、领事保护等培训，提醒在塔中资企业遵守当地法律。",
        id="zh-workplace-safety-training",
    ),
    pytest.param(
        "В Ташкенте прошел семинар по охране труда для китайских компаний\n"
        "ТАШКЕНТ, 3 июня. Посольство КНР и инспекция труда Узбекистана провели семинар по "
        "охране труда и технике безопасности для сотрудников китайских предприятий. Участников "
        "обучили правилам пожарной безопасности.",
        id="ru-occupational-safety-seminar",
    ),
]


@pytest.mark.parametrize("text", SECTOR_LEADS)
def test_premiers_meetings_and_workplace_safety_are_not_security(text: str) -> None:
    _not_relevant(text)


SECTOR_LEADS_WITH_SECURITY = [
    pytest.param(
        "Премьер Госсовета КНР встретился с председателем ГКНБ Кыргызстана\n"
        "ПЕКИН, 10 апреля. Премьер Государственного совета КНР встретился с председателем ГКНБ "
        "Кыргызстана. Стороны договорились о совместной антитеррористической операции на "
        "границе.",
        id="ru-premier-meets-security-chief",
    ),
    pytest.param(
        "中乌总理举行第五次定期会晤\n"
        "新华社北京5月6日电 国务院总理在人民大会堂同乌兹别克斯坦总理举行中乌总理第五次定期会晤。"
        "会晤后，两国国防部签署联合反恐演习计划，将于秋季举行联合反恐演习。",
        id="zh-premiers-meeting-with-exercise",
    ),
    pytest.param(
        "中国驻塔吉克斯坦使馆举办中资企业安全培训班\n"
        "6月3日，中国驻塔吉克斯坦使馆同塔吉克斯坦内务部在杜尚别举办中资企业安全防范培训班，"
        "塔方警官讲解防范恐怖袭击和绑架。",
        id="zh-security-training-not-workplace",
    ),
]


@pytest.mark.parametrize("text", SECTOR_LEADS_WITH_SECURITY)
def test_such_items_with_a_security_event_stay_relevant(text: str) -> None:
    assert _code(text).relevant


# -- an embassy's safety advice after accidents ----------------------------------------------
def test_an_embassys_advice_after_accidents_is_a_notice() -> None:
    _not_relevant(
        "Chinese hikers flock to Tajikistan's Pamirs; embassy urges caution after falls\n"
        "DUSHANBE, Aug 2. More Chinese travellers than ever are visiting Tajikistan this summer. "
        "The Chinese Embassy said two Chinese hikers were injured in accidents on mountain "
        "trails in July and asked citizens to use licensed guides and register with the local "
        "police before trekking."
    )


def test_an_embassys_advice_after_an_attack_stays_relevant() -> None:
    assert _code(
        "Embassy urges caution after Chinese citizens robbed in Dushanbe\n"
        "DUSHANBE, Aug 2. The Chinese Embassy said two Chinese citizens were injured in an "
        "armed robbery in Dushanbe and asked the Tajik interior ministry to find the attackers "
        "and protect Chinese citizens."
    ).relevant


# -- a framework's meeting recalled in background --------------------------------------------
# (a long item, read passage by passage: the meeting is in a passage's lead)
_TURKEY_LEAD = (
    "Turkey's Central Asia security outreach: what the Ankara meeting means\n"
    "By a staff writer | October 3, 2026\n\n"
    "Turkey hosted the security council secretaries of the Central Asian states in Ankara on "
    "September 30, a format Ankara launched in 2023 to show that it is more than a trading "
    "partner to the region. "
    + "The delegations toured a drone factory, visited the national police academy and listened "
    "to briefings on the protection of energy pipelines and the repatriation of citizens. " * 9
)
_TURKEY_END = "\n\n" + (
    "Turkish officials say that they compete with no one and that the region's states choose "
    "their partners freely. " * 4
)


def test_a_framework_meeting_recalled_in_background_is_no_event() -> None:
    _not_relevant(
        _TURKEY_LEAD + "\n\nThe calendar is crowded. In the past year, Central Asian security "
        "officials have met their Chinese counterparts in the China-Central Asia format and in "
        "the SCO, where Turkey is only a dialogue partner; the Russian-led CSTO has held "
        "exercises in Kazakhstan and Kyrgyzstan." + _TURKEY_END
    )


def test_a_framework_meeting_reported_as_news_stays_relevant() -> None:
    assert _code(
        _TURKEY_LEAD + "\n\nThe calendar is crowded. On October 2, China and the Central Asian "
        "states held a meeting of security council secretaries in the China-Central Asia format "
        "in Astana and agreed to step up counter-terrorism cooperation." + _TURKEY_END
    ).relevant


# -- the focal state's domestic affair: a Xinjiang press conference --------------------------
def test_a_xinjiang_press_conference_naming_partner_citizens_is_not_relevant() -> None:
    _not_relevant(
        "新疆举行新闻发布会 驳斥涉疆谎言\n"
        "新华社乌鲁木齐5月9日电 新疆维吾尔自治区人民政府新闻办公室9日在乌鲁木齐举行新闻发布会，"
        "驳斥境外反华势力散布的涉疆谎言。\n"
        "来自塔城的一位居民说，他在哈萨克斯坦的亲戚常来新疆探亲。"
        "发言人表示，今年来自吉尔吉斯斯坦、乌兹别克斯坦等中亚国家的游客明显增加，"
        "欢迎各国宗教人士来新疆参观。"
    )


def test_a_xinjiang_item_with_a_partner_joined_to_the_prc_stays_relevant() -> None:
    assert _code(
        "新疆举行新闻发布会 介绍反恐合作\n"
        "新华社乌鲁木齐5月9日电 新疆维吾尔自治区人民政府新闻办公室9日在乌鲁木齐举行新闻发布会。\n"
        "发言人表示，中国同哈萨克斯坦执法部门今年联合开展打击恐怖主义行动，抓获多名恐怖分子。"
    ).relevant


# -- the focal state joined to the first state of a list only --------------------------------
def test_the_prc_joined_to_a_lists_first_state_does_not_join_the_others() -> None:
    _not_relevant(
        "Washington and Central Asia talk counterterrorism again, with China as a comparison\n"
        "Steppe blog · Posted October 2, 2026 by a staff writer\n"
        "The United States and the five Central Asian states held the third meeting of their "
        "security working group in Almaty, agreeing on a training program for prosecutors on "
        "terrorism cases.\n"
        "At a hearing in Washington, witnesses argued that Beijing is filling a vacuum in Central "
        "Asian security. They cited Chinese-funded border posts, the training of Central Asian "
        "police in China and the sales of Chinese drones to Kyrgyzstan and Turkmenistan."
    )


def test_the_prc_joined_to_a_partner_as_the_other_side_stays_relevant() -> None:
    assert _code(
        "Washington and Central Asia talk counterterrorism again\n"
        "Steppe blog · Posted October 2, 2026 by a staff writer\n"
        "The United States and the five Central Asian states held the third meeting of their "
        "security working group in Almaty.\n"
        "Separately, China and Kyrgyzstan agreed in Beijing on Monday to hold a joint "
        "counter-terrorism exercise in the spring."
    ).relevant
