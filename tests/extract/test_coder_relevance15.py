"""Relevance precision on hard negatives (issue 13, fifteenth round): what does not count as the
PRC taking part in a security event with a Central Asian state, each against a near miss that
does. Hand-written Chinese, Russian and English texts in my own wording (not copied from any
gold text): a security event recalled from an earlier year in an economic item, the PRC named
only as a neighbour on the map or as a border, a Central Asian state's media as the source of a
question, another power's drill whose lead ended late (an acronym before the full stop) or
whose PRC sentence opens on "Earlier"."""

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


def _relevant(text: str, *states: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert {"CN", *states} <= set(coded.countries), coded.countries


# -- an economic item that recalls a security event of an earlier year -------------------------
RECALLED_IN_ECONOMIC_ITEM = [
    pytest.param(
        "China-Kyrgyzstan trade fair opens in Bishkek\n"
        "BISHKEK, Sept 3, 2026 - A China-Kyrgyzstan trade fair opened in Bishkek on Tuesday with "
        "300 Chinese firms showing machinery, cars and food. Officials said trade rose 20 percent "
        "this year. The two countries, which held a joint counter-terrorism exercise in 2019, "
        "signed a strategic partnership in 2018.",
        id="en-trade-fair-recalls-2019-drill",
    ),
    pytest.param(
        "В Бишкеке открылась китайско-кыргызская выставка\n"
        "БИШКЕК, 3 сентября 2026. В Бишкеке открылась торговая выставка с участием 300 китайских "
        "компаний. Товарооборот двух стран вырос на 20%. Напомним, в 2019 году Китай и Кыргызстан "
        "провели совместные антитеррористические учения.",
        id="ru-expo-recalls-drill",
    ),
    pytest.param(
        "中国—吉尔吉斯斯坦商品博览会在比什凯克开幕\n"
        "比什凯克2026年9月3日电 中国—吉尔吉斯斯坦商品博览会3日在比什凯克开幕，300家中国企业参展。"
        "两国曾于2019年举行联合反恐演习。今年双边贸易额增长20%。",
        id="zh-expo-recalls-drill",
    ),
]


@pytest.mark.parametrize("text", RECALLED_IN_ECONOMIC_ITEM)
def test_a_recalled_security_event_does_not_make_an_economic_item_relevant(text: str) -> None:
    _not_relevant(text)


SECURITY_EVENT_IN_ECONOMIC_ITEM = [
    pytest.param(
        "China-Kyrgyzstan trade fair opens in Bishkek\n"
        "BISHKEK, Sept 3, 2026 - A China-Kyrgyzstan trade fair opened in Bishkek on Tuesday with "
        "300 Chinese firms. On the sidelines, Chinese and Kyrgyz special forces held a joint "
        "counter-terrorism exercise near the fair grounds.",
        id="en-trade-fair-with-a-drill-now",
    ),
    pytest.param(
        "В Бишкеке открылась китайско-кыргызская выставка\n"
        "БИШКЕК, 3 сентября 2026. В Бишкеке открылась торговая выставка с участием 300 китайских "
        "компаний. В тот же день спецподразделения Китая и Кыргызстана провели совместные "
        "антитеррористические учения.",
        id="ru-expo-with-a-drill-now",
    ),
    pytest.param(
        "中国—吉尔吉斯斯坦商品博览会在比什凯克开幕\n"
        "比什凯克2026年9月3日电 中国—吉尔吉斯斯坦商品博览会3日在比什凯克开幕。同日，中吉两国特种部队"
        "在比什凯克举行联合反恐演习。",
        id="zh-expo-with-a-drill-now",
    ),
]


@pytest.mark.parametrize("text", SECURITY_EVENT_IN_ECONOMIC_ITEM)
def test_a_security_event_of_the_day_keeps_an_economic_item_relevant(text: str) -> None:
    _relevant(text, "KG")


# -- the PRC named only as a neighbour or as a border ------------------------------------------
NEIGHBOUR_OR_BORDER_ONLY = [
    pytest.param(
        "Kazakh security service detains suspected extremists in Aktobe\n"
        "ASTANA, June 2, 2026 - Kazakhstan's National Security Committee said on Friday it had "
        "detained 12 members of a banned group in the Aktobe region who allegedly planned "
        "attacks. Weapons were seized. Kazakhstan borders Russia and China and has tightened "
        "control over religious groups.",
        id="en-kz-domestic-case-neighbour",
    ),
    pytest.param(
        "Kyrgyz border guards detain smugglers on Chinese frontier\n"
        "BISHKEK, May 3, 2026 - Kyrgyz border guards detained three men trying to carry 50 "
        "kilograms of hashish across the mountains near the Torugart pass, the State Border "
        "Service said. The men were handed to the police.",
        id="en-kg-smugglers-on-the-chinese-frontier",
    ),
    pytest.param(
        "В Таджикистане задержаны члены запрещенной группировки\n"
        "ДУШАНБЕ, 2 июня 2026. ГКНБ Таджикистана задержал 8 членов запрещенной экстремистской "
        "группировки, готовивших теракты. Таджикистан граничит с Афганистаном и Китаем и "
        "усиливает контроль на границе.",
        id="ru-tj-domestic-case-neighbour",
    ),
    pytest.param(
        "乌兹别克斯坦安全部门抓获极端组织成员\n"
        "塔什干2026年6月2日电 乌兹别克斯坦国家安全局2日说，已抓获一个极端组织的10名成员，缴获武器"
        "弹药。乌兹别克斯坦与阿富汗、哈萨克斯坦等国接壤，但不与中国接壤。",
        id="zh-uz-domestic-case-neighbour",
    ),
]


@pytest.mark.parametrize("text", NEIGHBOUR_OR_BORDER_ONLY)
def test_the_prc_named_only_as_a_neighbour_or_a_border_takes_no_part(text: str) -> None:
    _not_relevant(text)


PRC_TAKES_PART_AT_THE_BORDER = [
    pytest.param(
        "Kyrgyz, Chinese border guards seize smugglers on the frontier\n"
        "BISHKEK, May 3, 2026 - Kyrgyz and Chinese border guards detained three men trying to "
        "carry hashish across the border near the Torugart pass during a joint operation.",
        id="en-joint-operation-at-the-border",
    ),
    pytest.param(
        "Китай и Таджикистан провели совместную операцию\n"
        "ДУШАНБЕ, 2 июня 2026. Спецслужбы Таджикистана и Китая провели совместную операцию и "
        "задержали 8 членов экстремистской группировки. Таджикистан граничит с Китаем.",
        id="ru-joint-operation-with-a-neighbour-sentence",
    ),
    pytest.param(
        "中乌执法部门联合抓获极端组织成员\n"
        "塔什干2026年6月2日电 中国和乌兹别克斯坦执法安全部门开展联合行动，抓获一个极端组织的10名成员。",
        id="zh-joint-operation",
    ),
]


@pytest.mark.parametrize("text", PRC_TAKES_PART_AT_THE_BORDER)
def test_the_prc_acting_with_a_partner_near_a_border_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


# -- a Central Asian state's media as the source of what is asked ------------------------------
MEDIA_SOURCE_ONLY = [
    pytest.param(
        "问：据吉尔吉斯斯坦媒体报道，中国和巴基斯坦将于下月举行联合反恐演习。你能否证实？\n"
        "答：中巴是全天候战略合作伙伴，两国防务部门保持着正常交流合作。",
        id="zh-kyrgyz-media-on-a-china-pakistan-drill",
    ),
    pytest.param(
        "Q: Kazakh media reported that China and Pakistan will hold a joint counter-terrorism "
        "exercise next month. Can you confirm?\nA: China and Pakistan are all-weather partners. "
        "Their defence departments maintain normal exchanges.",
        id="en-kazakh-media-on-a-china-pakistan-drill",
    ),
    pytest.param(
        "Вопрос: По данным таджикских СМИ, Китай и Пакистан проведут в следующем месяце "
        "совместные антитеррористические учения. Можете ли вы это подтвердить?\n"
        "Ответ: Китай и Пакистан – всепогодные партнеры, оборонные ведомства двух стран "
        "поддерживают нормальные контакты.",
        id="ru-tajik-media-on-a-china-pakistan-drill",
    ),
]


@pytest.mark.parametrize("text", MEDIA_SOURCE_ONLY)
def test_a_partner_states_media_as_a_source_is_no_side(text: str) -> None:
    _not_relevant(text)


def test_a_partner_states_media_on_a_drill_with_that_state_stays_relevant() -> None:
    _relevant(
        "问：据吉尔吉斯斯坦媒体报道，中国和吉尔吉斯斯坦将于下月举行联合反恐演习。你能否证实？\n"
        "答：中吉两国执法安全部门将于下月举行联合反恐演习。",
        "KG",
    )


# -- another power's drill: its lead ends at an acronym; an "Earlier" sentence is background --
OTHERS_DRILL_PRC_EARLIER = [
    pytest.param(
        "Россия и Таджикистан провели учения ОДКБ\n"
        "ДУШАНБЕ, 3 июня 2026. Военнослужащие России и Таджикистана провели совместные учения в "
        "рамках ОДКБ. Ранее Таджикистан получил от Китая партию бронетехники.",
        id="ru-csto-drill-lead-ends-at-the-acronym",
    ),
    pytest.param(
        "Russia, Kazakhstan hold air defence drills under CSTO\n"
        "ASTANA, June 3, 2026 - Troops of Russia and Kazakhstan held joint air defence drills "
        "under the CSTO. Earlier, Kazakhstan bought drones from China.",
        id="en-csto-drill-earlier-purchase-from-china",
    ),
]


@pytest.mark.parametrize("text", OTHERS_DRILL_PRC_EARLIER)
def test_the_prc_recalled_after_another_powers_drill_takes_no_part(text: str) -> None:
    _not_relevant(text)


def test_a_prc_drill_whose_lead_ends_at_an_acronym_stays_relevant() -> None:
    _relevant(
        "Китай и Таджикистан провели учения в рамках ШОС\n"
        "ДУШАНБЕ, 3 июня 2026. Военнослужащие Китая и Таджикистана провели совместные "
        "антитеррористические учения в рамках ШОС. Ранее стороны провели подобные учения в 2019 "
        "году.",
        "TJ",
    )


def test_the_prc_joined_to_a_partner_after_another_powers_drill_takes_part() -> None:
    _relevant(
        "Russia, Kazakhstan hold air defence drills under CSTO\n"
        "ASTANA, June 3, 2026 - Troops of Russia and Kazakhstan held joint air defence drills "
        "under the CSTO. On the same day, Chinese and Kazakh border guards held a joint patrol "
        "on their common frontier.",
        "KZ",
    )


# -- another power's talks: the PRC joined to a partner in a sentence that reports nothing -----
OTHERS_TALKS_PRC_PARTNERSHIP = [
    pytest.param(
        "托卡耶夫与普京举行会谈\n"
        "莫斯科2026年5月9日电 哈萨克斯坦总统托卡耶夫9日在莫斯科同俄罗斯总统普京举行会谈，双方讨论了"
        "集体安全条约组织框架内的军事合作和阿富汗局势。托卡耶夫表示，哈方同时重视与中国的全面战略伙伴"
        "关系。",
        id="zh-kz-ru-talks-partnership-with-china-valued",
    ),
    pytest.param(
        "Mirziyoyev, Erdogan discuss defence ties in Ankara\n"
        "ANKARA, May 9, 2026 - Uzbek President Shavkat Mirziyoyev and Turkish President Recep "
        "Tayyip Erdogan discussed military cooperation and the situation in Afghanistan. "
        "Mirziyoyev said Uzbekistan also values its friendship with China.",
        id="en-uz-tr-talks-friendship-with-china-valued",
    ),
]


@pytest.mark.parametrize("text", OTHERS_TALKS_PRC_PARTNERSHIP)
def test_the_prc_joined_to_a_partner_only_in_a_courtesy_takes_no_part(text: str) -> None:
    _not_relevant(text)


def test_the_prc_joined_to_a_partner_in_a_sentence_with_an_act_takes_part() -> None:
    _relevant(
        "托卡耶夫与普京举行会谈\n"
        "莫斯科2026年5月9日电 哈萨克斯坦总统托卡耶夫9日在莫斯科同俄罗斯总统普京举行会谈，双方讨论了"
        "集体安全条约组织框架内的军事合作。托卡耶夫表示，哈方将同中国加强反恐合作，联合打击恐怖主义。",
        "KZ",
    )


# -- a later paragraph on the PRC's other event with a state from outside the region ----------
TWO_EVENTS_ON_ONE_PAGE = [
    pytest.param(
        "习近平会见塔吉克斯坦总统和巴基斯坦总理\n"
        "新华社北京5月10日电 国家主席习近平10日在人民大会堂会见塔吉克斯坦总统拉赫蒙。双方同意扩大经贸、"
        "能源和互联互通合作，签署了农业和教育合作文件。\n"
        "同日，习近平还会见了巴基斯坦总理。两国领导人同意加强反恐合作，确保在巴中国人员和项目安全。",
        id="zh-economic-meeting-then-a-pakistan-meeting",
    ),
    pytest.param(
        "Xi meets Tajik president, Pakistani PM\n"
        "BEIJING, May 10, 2026 (Xinhua) - Chinese President Xi Jinping met Tajik President "
        "Emomali Rahmon in Beijing on Tuesday. They agreed to expand trade, energy and "
        "connectivity cooperation and signed documents on agriculture and education.\n"
        "On the same day, Xi also met the Pakistani prime minister. The two leaders agreed to "
        "step up counter-terrorism cooperation and protect Chinese personnel and projects.",
        id="en-economic-meeting-then-a-pakistan-meeting",
    ),
    pytest.param(
        "Си Цзиньпин встретился с президентами Узбекистана и Турции\n"
        "ПЕКИН, 10 мая 2026. Председатель КНР Си Цзиньпин провел переговоры с президентом "
        "Узбекистана Шавкатом Мирзиёевым, стороны договорились расширять торговлю и инвестиции.\n"
        "Затем Си Цзиньпин принял президента Турции. Лидеры договорились укреплять сотрудничество "
        "в борьбе с терроризмом и обмениваться разведывательной информацией.",
        id="ru-economic-talks-then-a-turkey-meeting",
    ),
]


@pytest.mark.parametrize("text", TWO_EVENTS_ON_ONE_PAGE)
def test_another_events_paragraph_gives_the_item_no_security_codes(text: str) -> None:
    _not_relevant(text)


def test_a_security_meeting_with_a_partner_keeps_its_codes_beside_another_event() -> None:
    _relevant(
        "习近平会见塔吉克斯坦总统和巴基斯坦总理\n"
        "新华社北京5月10日电 国家主席习近平10日会见塔吉克斯坦总统拉赫蒙。双方同意加强执法安全合作，"
        "共同打击“三股势力”。\n"
        "同日，习近平还会见了巴基斯坦总理。两国领导人同意扩大经贸合作。",
        "TJ",
    )


def test_a_state_named_among_the_sides_before_its_paragraph_is_the_items_own() -> None:
    coded = _code(
        "Foreign ministers of Afghanistan's neighbours meet in Tashkent\n"
        "TASHKENT, July 17, 2026 (Xinhua) - Foreign ministers of China, Pakistan, Iran, "
        "Tajikistan, Turkmenistan and Uzbekistan met in Tashkent on Friday.\n"
        "Pakistan's foreign minister said the participants agreed to fight terrorism and drug "
        "trafficking from Afghan territory together."
    )
    assert coded.relevant, coded.relevance_score
    assert "drug_trafficking" in coded.topics, coded.topics


def test_the_prc_on_a_border_where_the_sides_act_together_takes_part() -> None:
    _relevant(
        "Казахстан и Китай усилят охрану границы\n"
        "АСТАНА, 5 мая 2026. Председатель Сената Казахстана принял делегацию Китая. Стороны "
        "совместно противодействуют контрабанде и незаконной миграции на казахстанско-китайской "
        "границе.",
        "KZ",
    )


# -- the security matter reported where the sides are -------------------------------------------
SECURITY_AWAY_FROM_THE_SIDES = [
    pytest.param(
        "Kyrgyz foreign ministry: a citizen is held in Xinjiang\n"
        "BISHKEK, June 4, 2026 - Kyrgyzstan's foreign ministry said a citizen of the republic had "
        "been held in the Xinjiang region of China since May.\n"
        "Chinese police accuse him of extremism and of contacts with a terrorist group. Kyrgyz "
        "consuls in Urumqi have visited the man and his relatives were informed, a spokesman "
        "said.",
        id="en-a-citizen-held-abroad-consular",
    ),
    pytest.param(
        "МИД Таджикистана: в Синьцзяне задержан гражданин республики\n"
        "ДУШАНБЕ, 4 июня 2026. Гражданин Таджикистана задержан в Синьцзян-Уйгурском автономном "
        "районе Китая, сообщил официальный представитель МИД.\n"
        "Местная полиция подозревает его в экстремизме и связях с террористической группой. "
        "Консулы посетили задержанного, родственники проинформированы.",
        id="ru-a-citizen-held-abroad-consular",
    ),
]


@pytest.mark.parametrize("text", SECURITY_AWAY_FROM_THE_SIDES)
def test_security_words_only_where_no_side_is_named_make_no_engagement(text: str) -> None:
    _not_relevant(text)


SECURITY_WHERE_THE_SIDES_ARE = [
    pytest.param(
        "Kyrgyz foreign ministry: a citizen is handed over by China\n"
        "BISHKEK, June 4, 2026 - Kyrgyzstan's foreign ministry said a citizen of the republic had "
        "been handed over by China.\n"
        "Chinese and Kyrgyz police jointly investigated his contacts with a terrorist group, a "
        "spokesman said.",
        id="en-sides-acting-together-on-the-case",
    ),
    pytest.param(
        "МИД Таджикистана: Китай передал задержанного гражданина\n"
        "ДУШАНБЕ, 4 июня 2026. Китай передал Таджикистану гражданина республики, задержанного в "
        "Синьцзяне, сообщил официальный представитель МИД.\n"
        "Стороны совместно расследовали его связи с террористической группой.",
        id="ru-the-sides-investigated-together",
    ),
]


@pytest.mark.parametrize("text", SECURITY_WHERE_THE_SIDES_ARE)
def test_security_words_where_the_sides_act_make_engagement(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


# -- experts' round table or urging: analysts speak for no state --------------------------------
EXPERTS_URGE = [
    pytest.param(
        "Analysts urge Kazakhstan to seek Chinese help on border security\n"
        "ALMATY, May 2, 2026 - Kazakh experts at a round table in Almaty called on the government "
        "to seek Chinese help to modernise border security and counter drug trafficking.",
        id="en-experts-urge",
    ),
    pytest.param(
        "Эксперты призвали Кыргызстан расширить сотрудничество с Китаем в сфере безопасности\n"
        "БИШКЕК, 2 мая 2026. Участники круглого стола в Бишкеке предложили правительству "
        "привлечь Китай к модернизации охраны границы и борьбе с наркотрафиком.",
        id="ru-experts-propose",
    ),
    pytest.param(
        "专家呼吁中塔深化禁毒合作\n"
        "杜尚别2026年5月2日电 在杜尚别举行的圆桌会上，塔吉克斯坦学者建议政府与中国加强禁毒和边境安全合作。",
        id="zh-scholars-propose",
    ),
]


@pytest.mark.parametrize("text", EXPERTS_URGE)
def test_experts_urging_cooperation_with_the_prc_is_no_engagement(text: str) -> None:
    _not_relevant(text)


def test_an_official_round_table_with_a_security_office_stays_relevant() -> None:
    _relevant(
        "Kazakh interior ministry, Chinese police hold round table on joint training\n"
        "ASTANA, May 2, 2026 - Kazakhstan's Ministry of Internal Affairs and China's Ministry of "
        "Public Security held a round table in Astana and agreed on joint training of police "
        "officers to fight drug trafficking.",
        "KZ",
    )


# -- the PRC's home-region security work, partners' people named beside it ------------------
HOME_REGION_SECURITY = [
    pytest.param(
        "问：有吉尔吉斯斯坦媒体报道，一些在吉居住的人称其在新疆的亲属被判刑。中方对此有何回应？\n"
        "答：新疆依法打击暴力恐怖犯罪和极端主义，维护了社会稳定。中吉是友好邻邦，两国人员往来十分密切，"
        "我们欢迎吉尔吉斯斯坦朋友到新疆旅游。",
        id="zh-xinjiang-answer-kyrgyz-relatives",
    ),
    pytest.param(
        "Xinjiang officials say region's economy grew 6 percent\n"
        "URUMQI, Jan 20, 2026 - Officials of the Xinjiang Uygur Autonomous Region told a press "
        "conference on Monday that the economy grew 6 percent last year, with visitors from "
        "Uzbekistan and other Central Asian states up by half. They said the region had seen no "
        "terrorist attack for years thanks to counter-terrorism work.",
        id="en-xinjiang-press-conference-visitors",
    ),
]


@pytest.mark.parametrize("text", HOME_REGION_SECURITY)
def test_home_region_security_with_partners_people_beside_it_is_no_engagement(text: str) -> None:
    _not_relevant(text)


def test_home_region_security_work_done_with_a_partner_is_engagement() -> None:
    _relevant(
        "问：有媒体报道，新疆公安机关与吉尔吉斯斯坦内务部开展了联合行动。你能否证实？\n"
        "答：新疆公安机关和吉尔吉斯斯坦内务部日前联合打击跨境暴力恐怖犯罪，抓获多名犯罪嫌疑人。",
        "KG",
    )


# -- a sector's own "security" in an economic lead (energy security, 能源安全) ------------------
SECTOR_SECURITY_LEAD = [
    pytest.param(
        "SCO energy ministers meet in Astana\n"
        "ASTANA, June 5, 2026 - Energy ministers of the Shanghai Cooperation Organisation met in "
        "Astana on Thursday to discuss energy security, renewables and grid links with their "
        "Chinese counterpart.",
        id="en-sco-energy-ministers",
    ),
    pytest.param(
        "中国与哈萨克斯坦举行能源合作分委会会议\n"
        "阿斯塔纳2026年6月5日电 中哈合作委员会能源合作分委会第十次会议5日在阿斯塔纳举行，双方就保障"
        "能源安全、扩大油气贸易和新能源合作交换意见。",
        id="zh-energy-subcommittee",
    ),
    pytest.param(
        "Китай и Узбекистан обсудили продовольственную безопасность\n"
        "ТАШКЕНТ, 5 июня 2026. Министры сельского хозяйства Китая и Узбекистана обсудили "
        "продовольственную безопасность и торговлю зерном.",
        id="ru-food-security-agriculture",
    ),
]


@pytest.mark.parametrize("text", SECTOR_SECURITY_LEAD)
def test_a_sectors_own_security_is_no_security_in_an_economic_lead(text: str) -> None:
    _not_relevant(text)


def test_an_economic_lead_naming_security_itself_stays_relevant() -> None:
    _relevant(
        "中国与哈萨克斯坦举行能源和安全合作会议\n"
        "阿斯塔纳2026年6月5日电 中哈两国能源和执法安全部门5日在阿斯塔纳举行会议，双方同意联合打击"
        "针对油气管道的恐怖活动，保障管道安全。",
        "KZ",
    )


# -- merge of coder28 and coder29: the focal state's own build-up needs no partner side ----------
# (its Russian form is test_coder_countries15's RU_FENCE; a Russian build-up page naming no
# partner at all is not found relevant even before this rule: a recall gap left open)
def test_the_focal_states_own_border_build_up_is_relevant_without_a_partner() -> None:
    coded = code_document(
        make_doc(
            "新疆边防部门在吐尔尕特口岸新建监控系统\n"
            "新疆边防部门近日在吐尔尕特口岸附近建成一批视频监控设施，防范枪支走私和恐怖分子渗透。\n"
        )
    )
    assert coded.relevant and coded.kind == "domestic_capacity"
