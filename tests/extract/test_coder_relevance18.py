"""Relevance on fresh pages (issue 13, eighteenth round), each rule against a near miss.
Hand-written Chinese, Russian and English texts in my own wording (not copied from any gold
text): the focal state one of a partner's many partners after a sentence ending on an acronym
(Russian instrumental names found); another state's ministry named bare a second time; the
focal state said to stay away, or named as a neighbour on the map; the premiers' economic talks
under an embassy's masthead; a sector's safety of operation in a Chinese lead; attacks that a
product guards against; the two sides' security agencies' agreement among economic documents;
a readout under a masthead whose security paragraph names the sides only as "the two
countries"; the Xinjiang Production and Construction Corps as the focal state's home region; a
digest whose first entry is economic."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


# -- the focal state one of a partner's many partners (a list with outside powers) -------------
PARTNERS_LIST = [
    pytest.param(
        "Министры обороны тюркских государств встретились в Бишкеке\n"
        "БИШКЕК, 3 мая. Министры обороны государств - членов ОТГ провели совещание в Бишкеке и "
        "обсудили военное образование и совместные учения.\n"
        "Министр обороны Кыргызстана отметил, что новый формат дополняет участие страны в ОДКБ. "
        "По его словам, республика будет и дальше сотрудничать в военной сфере с Россией, "
        "Китаем, Турцией и другими партнерами.",
        id="ru-list-after-acronym",
    ),
    pytest.param(
        "Defence chiefs of Turkic states meet in Bishkek\n"
        "BISHKEK, May 3. Defence ministers of the Organization of Turkic States met in Bishkek "
        "and discussed military education and joint exercises.\n"
        "Kyrgyzstan's defence minister said the format adds to the country's part in the CSTO. "
        "He said Kyrgyzstan would keep military ties with Russia, China, Turkey and others.",
        id="en-list-after-acronym",
    ),
]


@pytest.mark.parametrize("text", PARTNERS_LIST)
def test_the_focal_state_among_a_partners_partners_is_no_side(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_the_focal_state_as_the_side_of_the_exercise_still_takes_part() -> None:
    coded = _code(
        "Министры обороны Кыргызстана и Китая встретились в Бишкеке\n"
        "БИШКЕК, 3 мая. Министр обороны Кыргызстана провел переговоры с министром обороны КНР. "
        "Стороны договорились провести совместные антитеррористические учения и расширить "
        "подготовку военных кадров."
    )
    assert coded.relevant
    assert "KG" in coded.countries


# -- another state's ministry named bare a second time ---------------------------------------
OTHERS_MINISTRY_AGAIN = [
    pytest.param(
        "俄塔两军在塔阿边境举行联合演习\n"
        "新华社杜尚别5月4日电 俄罗斯驻塔军事基地与塔吉克斯坦武装力量4日在哈特隆州举行联合反恐演习。"
        "塔吉克斯坦国防部称，参演部队包括国防部直属的机动部队和边防部队分队。",
        id="zh-bare-ministry-again",
    ),
    pytest.param(
        "Turkmenistan, Turkey hold defence talks\n"
        "ASHGABAT, May 4. Turkmen Defence Minister met a delegation of Turkey's Ministry of "
        "National Defense in Ashgabat. The sides discussed training of Turkmen officers and "
        "joint maintenance of drones.",
        id="en-possessive-ministry",
    ),
]


@pytest.mark.parametrize("text", OTHERS_MINISTRY_AGAIN)
def test_another_states_ministry_is_not_the_focal_states(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_the_focal_states_ministry_named_after_another_still_counts() -> None:
    coded = _code(
        "中塔两军举行联合反恐演习\n"
        "新华社杜尚别5月4日电 塔吉克斯坦国防部称，塔方部队4日同中国国防部派出的分队在哈特隆州举行"
        "联合反恐演习，双方演练了边境巡逻和联合搜捕。"
    )
    assert coded.relevant
    assert "TJ" in coded.countries


# -- the focal state said to stay away, or named as a neighbour -------------------------------
STAYED_AWAY_OR_ON_THE_MAP = [
    pytest.param(
        "Главы спецслужб тюркских государств встретились в Баку\n"
        "БАКУ, 5 мая. Руководители спецслужб стран ОТГ обсудили борьбу с терроризмом и "
        "наркотрафиком. Во встрече участвовали делегации Казахстана, Кыргызстана и "
        "Узбекистана.\n"
        "Как отметил один из участников встречи, регион соседствует с Афганистаном и китайским "
        "Синьцзяном.\n"
        "Китай, сотрудничающий со странами региона в рамках ШОС, на встрече представлен не был.",
        id="ru-neighbour-and-absent",
    ),
    pytest.param(
        "Security chiefs of Turkic states meet in Baku\n"
        "BAKU, May 5. Security service chiefs of the Organization of Turkic States discussed "
        "terrorism and drug trafficking. Delegations of Kazakhstan, Kyrgyzstan and Uzbekistan "
        "took part.\n"
        "One participant noted that the region is adjacent to Afghanistan and China's Xinjiang.\n"
        "China, which works with the region's states in the SCO, did not send a delegation.",
        id="en-neighbour-and-absent",
    ),
]


@pytest.mark.parametrize("text", STAYED_AWAY_OR_ON_THE_MAP)
def test_a_focal_state_absent_or_on_the_map_takes_no_part(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_a_focal_state_guarding_the_border_jointly_takes_part() -> None:
    coded = _code(
        "Пограничники Казахстана и Китая провели совместное патрулирование\n"
        "АЛМАТЫ, 5 мая. Пограничные службы Казахстана и Китая совместно патрулировали участок "
        "границы, который соседствует с Синьцзяном, и обменялись данными о контрабанде."
    )
    assert coded.relevant


# -- economic talks: the premiers' visit under a masthead, a sector's safety -------------------
ECONOMIC_LEADS = [
    pytest.param(
        "Embassy of the People's Republic of China in the Republic of Tajikistan\n"
        "Home > Embassy News\n"
        "China and Tajikistan sign 12 cooperation documents during Prime Minister's visit\n"
        "2026/05/10\n"
        "On May 9, during the official visit of Prime Minister of Tajikistan Kokhir Rasulzoda "
        "to China, Premier Li Qiang and Prime Minister Rasulzoda co-chaired a meeting in "
        "Beijing and witnessed the signing of 12 cooperation documents. The ambassador "
        "attended.\n"
        "The two premiers agreed to widen cooperation in trade, mining and railways, and to "
        "ensure the energy security and food security of the two countries.\n"
        "Documents signed: an agreement on food security; a memorandum on data centres and "
        "information security standards for online shops; a loan for a solar plant.\n"
        "Rasulzoda said Tajikistan sees China as a reliable partner for its economic security.",
        id="en-premiers-under-masthead",
    ),
    pytest.param(
        "中吉粮食合作升温 中欧班列运输保持安全畅通\n"
        "新华社比什凯克5月10日电 吉尔吉斯斯坦农业部10日说，一季度吉方对华出口农产品同比增长20%。"
        "吉农业部长表示，吉方愿与中方深化粮食安全合作，共同维护地区供应链安全稳定。\n"
        "据中国驻吉尔吉斯斯坦使馆介绍，中吉农业合作分委会上月在比什凯克开会，双方签署了扩大农产品"
        "贸易和保障粮食安全的备忘录。\n"
        "经吉中边境口岸开行的中欧班列保持安全、稳定、畅通运行，吉铁路公司已升级信号系统，确保运输"
        "安全。",
        id="zh-rail-safety",
    ),
    pytest.param(
        "Press release: Smart meters deal signed in Bishkek\n"
        "Bishkek, 10 May 2026 - A Chinese energy technology company today signed an agreement "
        "with Kyrgyzstan's grid operator to renew substations in two regions.\n"
        "The company will supply smart meters, control software and a cybersecurity platform "
        "that shields the grid from outages and attacks. A Chinese commercial bank will "
        "finance the project.\n"
        '"Energy security and cyber resilience are at the core of our partnership," the '
        "company's regional head said.",
        id="en-attacks-guarded-against",
    ),
]


@pytest.mark.parametrize("text", ECONOMIC_LEADS)
def test_economic_talks_with_a_security_word_in_passing_are_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


AGENCIES_PACT = [
    pytest.param(
        "Премьер-министр Кыргызстана посетил Китай\n"
        "Экономика | 10 мая 2026\n"
        "Премьер-министр Кыргызстана провел в Пекине переговоры с премьером Госсовета КНР. "
        "Стороны обсудили торговлю и транспортные коридоры.\n"
        "Подписаны документы:\n"
        "• соглашение о поставках сельхозпродукции;\n"
        "• соглашение между Министерством внутренних дел Кыргызстана и Министерством "
        "общественной безопасности КНР о борьбе с мошенничеством;\n"
        "• меморандум о сотрудничестве в сфере туризма.",
        id="ru-interior-and-public-security",
    ),
    pytest.param(
        "Kyrgyz Prime Minister visits China\n"
        "Business | 10 May 2026\n"
        "The Prime Minister of Kyrgyzstan held talks with Premier Li Qiang in Beijing on trade "
        "and transport corridors.\n"
        "Documents signed:\n"
        "- an agreement on farm exports;\n"
        "- an agreement between the Ministry of Public Security of China and the Ministry of "
        "Internal Affairs of Kyrgyzstan on fighting telecom fraud;\n"
        "- a memorandum on tourism.",
        id="en-interior-and-public-security",
    ),
]


@pytest.mark.parametrize("text", AGENCIES_PACT)
def test_the_security_agencies_agreement_among_economic_documents_counts(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, (coded.relevance_score, coded.countries)


def test_economic_documents_without_security_agencies_do_not_count() -> None:
    coded = _code(
        "Премьер-министр Кыргызстана посетил Китай\n"
        "Экономика | 10 мая 2026\n"
        "Премьер-министр Кыргызстана провел в Пекине переговоры с премьером Госсовета КНР. "
        "Стороны обсудили торговлю и транспортные коридоры.\n"
        "Подписаны документы:\n"
        "• соглашение о поставках сельхозпродукции и продовольственной безопасности;\n"
        "• меморандум о сотрудничестве в сфере туризма."
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- a readout under a masthead: its security paragraph names "the two countries" -------------
_MASTHEAD = (
    "Kyrgyzstan: the land of Manas\n"
    "National News Agency of the Kyrgyz Republic (Kabar)\n"
    "Home > Politics\n"
)
_TALKS = (
    "The President of Kyrgyzstan held talks by video link with the President of China\n"
    "04.05.2026\n"
    "Today, the President of Kyrgyzstan held talks via video link with the President of the "
    "People's Republic of China.\n"
    + "The heads of state praised the steady growth of trade, investment, transport and "
    "cultural exchanges, and agreed to open new air routes, to hold a culture year, to build "
    "more schools and hospitals, to widen student exchanges and to expand the trade in farm "
    "goods, metals and textiles between the two economies. "
    * 5
    + "\nThe parties also exchanged views on logistics, on the new railway and on the "
    "corridors across the mountains to the south and the west, and praised the work of the "
    "intergovernmental commission.\n"
)
_SECURITY = (
    "In the security sphere, the heads of state agreed to strengthen cooperation between the "
    "law enforcement agencies of the two countries in countering terrorism, drug trafficking "
    "and transnational organized crime.\n"
)
_CLOSING = (
    "The importance of a calm situation along the common frontier was stressed.\n"
    "In conclusion, the heads of state wished each other good health and the peoples of the "
    "two countries peace and prosperity.\n"
    "Home | Politics | Economy | Culture | Sport | Photo | Video | Contacts\n"
)


def test_a_readout_under_a_masthead_is_read_whole_from_its_lead() -> None:
    text = _MASTHEAD + _TALKS + _SECURITY + _CLOSING
    # longer than a short item only with its masthead and menu
    assert len(text) - len(_MASTHEAD) < 2500 < len(text)
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


def test_the_same_readout_without_security_is_not_relevant() -> None:
    coded = _code(_MASTHEAD + _TALKS + _CLOSING)
    assert not coded.relevant, coded.relevance_score


# -- the XPCC, the focal state's home region ---------------------------------------------------
def test_the_corps_border_militia_training_is_the_focal_states_build_up() -> None:
    coded = _code(
        "兵团第四师：边境民兵开展冬季练兵\n"
        "来源：兵团网 | 2026-12-01\n"
        "连日来，兵团第四师某边境团场民兵冒雪开展冬季实战化练兵，训练边境巡逻、应急处突等科目。\n"
        "该团场地处中哈边境，辖区边境线长数十公里。今年以来，团场新建边境执勤点3个，组织民兵与护边员"
        "联防联控。"
    )
    assert coded.relevant, coded.relevance_score
    assert coded.kind == "domestic_capacity"


def test_a_partners_own_border_militia_is_not_the_focal_states() -> None:
    coded = _code(
        "哈萨克斯坦边防部队开展冬季训练\n"
        "新华社阿斯塔纳12月1日电 哈萨克斯坦边防部门1日说，该国东部边境地区的边防部队连日来"
        "开展冬季训练，训练边境巡逻和应急处置等科目。"
    )
    assert not coded.relevant, coded.relevance_score


# -- a digest: its first entry's sector is not the page's ---------------------------------------
def test_a_digest_with_an_economic_first_entry_keeps_its_security_entry() -> None:
    coded = _code(
        "Обзор событий недели: 4-10 мая 2026 года\n"
        "Кабинет министров Кыргызстана рассмотрел итоги работы отраслей экономики и сельского "
        "хозяйства за квартал.\n\n"
        "Министерство иностранных дел Кыргызстана сообщило, что в Бишкеке побывала делегация "
        "Министерства общественной безопасности КНР: обсуждались вопросы сотрудничества в "
        "борьбе с наркотрафиком и подготовки кадров для органов внутренних дел.\n\n"
        "В столице прошли концерты в честь Дня Победы."
    )
    assert coded.relevant, coded.relevance_score


# -- a site's most-read links at the foot: other items' headlines -------------------------------
MOST_READ_FOOT = [
    pytest.param(
        "На российскую базу в Таджикистане поступили новые вертолеты\n\n"
        "ДУШАНБЕ, 3 апр. Российская военная база в Таджикистане получила три новых "
        "вертолета, сообщила пресс-служба округа. Экипажи приступили к учебным полетам.\n\n"
        "Популярное: Китай и Таджикистан провели совместные антитеррористические учения; "
        "Саммит ШОС: Душанбе готовится",
        id="ru-popular",
    ),
    pytest.param(
        "Russian base in Tajikistan receives new helicopters\n\n"
        "DUSHANBE, April 3. Russia's military base in Tajikistan has received three new "
        "helicopters, the district's press office said. Crews began training flights.\n\n"
        "Most read: China and Tajikistan hold joint counter-terrorism drills",
        id="en-most-read",
    ),
]


@pytest.mark.parametrize("text", MOST_READ_FOOT)
def test_the_most_read_links_at_the_foot_are_no_part_of_the_item(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- a port or a line running safely and smoothly: the safety of an operation ------------------
def test_a_port_running_safely_and_smoothly_is_no_security_concern() -> None:
    coded = _code(
        "新疆维吾尔自治区人民政府网\n"
        "首页 > 政务动态 > 领导活动\n\n"
        "自治区主席会见哈萨克斯坦阿拉木图州州长\n\n"
        "2026-05-21 来源：新疆日报\n\n"
        "5月20日，自治区主席在乌鲁木齐会见哈萨克斯坦阿拉木图州州长一行。\n\n"
        "自治区主席表示，新疆与阿拉木图州山水相连，合作基础深厚。希望双方在口岸建设、商贸物流、"
        "农产品加工等领域深化合作，共同推动边境合作中心发展，确保口岸安全高效畅通运行。\n\n"
        "阿拉木图州州长表示，愿同新疆加强口岸和物流合作，扩大农产品贸易。"
    )
    assert not coded.relevant, (coded.relevance_score, coded.topics)


def test_port_security_against_smuggling_stays_a_security_concern() -> None:
    coded = _code(
        "中哈边防部门举行口岸安全会晤\n"
        "5月20日，中国和哈萨克斯坦边防部门代表在霍尔果斯举行会晤。双方同意加强口岸安全合作，联合"
        "打击走私和非法越境活动。"
    )
    assert coded.relevant, coded.relevance_score
    assert "border_security" in coded.topics
