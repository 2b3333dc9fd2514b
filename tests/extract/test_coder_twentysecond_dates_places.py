"""Event date, location and the commentary label on fresh pages (twenty-second round, issue 13,
branch coder84): a day-first page header (25/06/2026 17:40) gives the page's date; a month named
alone within ``AHEAD_DAYS`` after the page's date is this year's; a date after a posting word
(Posted, Опубликовано, 发布时间) is no event's; a security firm's business timed only as recent is
dated on the page's day; a place where a firm is registered, diplomats are accredited, or
officials sit is no venue; a border crossing that is no town is written as its state's code; a
menu in capitals (HOME NATION OPINION WORLD) labels no commentary. Each rule with a near-miss
contrast. Hand-written zh/ru/en texts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_rules import _menu_line
from steppewatch.extract.dates import find_dates, month_mentions
from steppewatch.extract.model import CodedItem

from .conftest import first_relevant, make_doc


def _coded(text: str) -> CodedItem:
    coded = code_document(make_doc(text))
    item = first_relevant(coded)
    assert item is not None, "the text should be relevant"
    return item


# -- a day-first page header ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "24.kg, Бишкек | 07/05/2026 11:20 | Политика",
        "AKIpress News Agency | Politics | 07/05/2026 09:15",
        "来源：某通讯社 | 07/05/2026 10:00",
    ],
)
def test_a_day_first_header_date_is_the_pages(header: str) -> None:
    (mention,) = find_dates(header)
    assert mention.iso == "2026-05-07"


def test_a_month_first_date_reads_as_no_date() -> None:
    assert find_dates("Posted by the embassy | 05/27/2026 11:20") == []


def test_ru_header_date_dates_an_undated_dateline() -> None:
    item = _coded(
        "Пограничники Кыргызстана и Китая провели совместное патрулирование\n"
        "24.kg | 12/09/2026 16:40\n"
        "БИШКЕК - Пограничники Кыргызстана и Китая провели совместное патрулирование участка "
        "границы, сообщила Пограничная служба ГКНБ.\n"
    )
    assert item.event_date == "2026-09-12"


def test_en_header_date_dates_an_undated_lead() -> None:
    item = _coded(
        "Kyrgyz and Chinese border guards hold joint patrol\n"
        "AKIpress | Security | 12/09/2026 16:40\n"
        "BISHKEK (AKIpress) - Border guards of Kyrgyzstan and China held a joint patrol of the "
        "state border today, the Border Service said.\n"
    )
    assert item.event_date == "2026-09-12"


# -- a month still to come on the page ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "month"),
    [
        ("中塔两军将于8月上旬举行联合反恐演习。", "2026-07-28", "2026-08"),
        ("The joint exercise will be held in September near Almaty.", "2026-07-28", "2026-09"),
        ("Совместные учения пройдут в сентябре в Иссык-Кульской области.", "2026-07-28", "2026-09"),
    ],
)
def test_a_month_soon_after_the_page_is_this_years(text: str, reference: str, month: str) -> None:
    (mention,) = month_mentions(text, reference)
    assert mention.iso == month


@pytest.mark.parametrize(
    "text",
    [
        "12月，双方举行了联合演习。",
        "The two sides held a joint exercise in December.",
        "Совместные учения прошли в декабре.",
    ],
)
def test_a_month_long_after_the_page_is_last_years(text: str) -> None:
    (mention,) = month_mentions(text, "2026-03-10")
    assert mention.iso == "2025-12"


# -- a date after a posting word -----------------------------------------------------------------

_EN_PROGRAMME = (
    "CICA seminar on border security: programme\n"
    "CICA Secretariat, Astana | Events and seminars of the Conference | {line}\n"
    "Almaty, 18-19 May 2026\n"
    "Officials of China, Kazakhstan, Kyrgyzstan and Tajikistan will discuss joint border "
    "security, counter-terrorism and drug trafficking at the seminar.\n"
)


def test_en_a_posted_date_is_no_events() -> None:
    item = _coded(_EN_PROGRAMME.format(line="Posted 4 May 2026"))
    assert item.event_date != "2026-05-04"


def test_en_a_date_of_signing_stays_the_events() -> None:
    text = (
        "China and Kazakhstan sign border security agreement\n"
        "ASTANA - China and Kazakhstan signed an agreement on border security cooperation and "
        "joint counter-terrorism work on 4 May 2026, the Kazakh Interior Ministry said.\n"
    )
    assert _coded(text).event_date == "2026-05-04"


@pytest.mark.parametrize(
    ("posted", "signed"),
    [
        ("Posted 4 May 2026", "signed on 4 May 2026"),
        ("Опубликовано: 4 мая 2026", "4 мая 2026 года подписали"),
        ("发布时间：2026年5月4日", "2026年5月4日签署了"),
    ],
)
def test_a_posted_date_is_no_events(posted: str, signed: str) -> None:
    from steppewatch.extract.event_dates import _posted

    for text, skipped in ((posted, True), (signed, False)):
        (mention, *_) = find_dates(text)
        assert _posted(text, mention) is skipped


# -- a security firm's business timed only as recent ----------------------------------------------


def test_zh_a_firms_recent_branch_is_dated_on_the_pages_day() -> None:
    item = _coded(
        "中国安保企业在乌兹别克斯坦设立分公司\n"
        "某新闻网 | 2026-10-14\n"
        "日前，国内一家安保企业在塔什干设立分公司，为中资能源和矿业项目提供安保服务，"
        "保护中国公民和企业在乌安全。\n"
    )
    assert item.kind == "private_security"
    assert item.event_date == "2026-10-14"


def test_zh_a_recent_border_build_up_keeps_its_month() -> None:
    item = _coded(
        "新疆边防部队完成边境智能监控系统建设\n"
        "某新闻网 | 2026-10-14\n"
        "近日，新疆军区某边防团在中塔边境完成边境智能监控系统建设，新建无人值守监控站12座，"
        "提升边境管控和反恐能力。\n"
    )
    assert item.kind == "domestic_capacity"
    assert item.event_date == "2026-10"


@pytest.mark.parametrize(
    "text",
    [
        "Chinese security firm licensed in Kazakhstan\n"
        "Astana Daily | 14 October 2026\n"
        "A private security company owned by a Chinese group received a licence this week to "
        "guard Chinese oil facilities and Chinese workers in Kazakhstan, the Interior Ministry said.\n",
        "Китайская охранная компания получила лицензию в Казахстане\n"
        "Новости | 14 октября 2026\n"
        "На этой неделе частная охранная компания, принадлежащая китайской группе, получила "
        "лицензию на охрану китайских нефтяных объектов и граждан Китая в Казахстане, сообщили в МВД.\n",
    ],
)
def test_en_ru_a_firms_licence_this_week_is_dated_on_the_pages_day(text: str) -> None:
    item = _coded(text)
    assert item.kind == "private_security"
    assert item.event_date == "2026-10-14"


# -- a place that is a firm's seat or an official's post, no venue -------------------------------


@pytest.mark.parametrize(
    ("text", "not_here"),
    [
        (
            "Chinese guards at Kyrgyz mine\n"
            "A Chinese private security firm registered in Bishkek has started guarding a "
            "Chinese-owned gold mine in Kyrgyzstan's Talas region, protecting Chinese workers.\n",
            "Bishkek",
        ),
        (
            "China funds Tajik border post\n"
            "Officials in Dushanbe said a new border outpost funded by China opened in "
            "Tajikistan's Gorno-Badakhshan region near the Afghan border to counter terrorism.\n",
            "Dushanbe",
        ),
        (
            "Китайские охранники в Казахстане\n"
            "Частная охранная компания с китайским капиталом, зарегистрированная в Алматы, начала "
            "охранять китайские нефтяные объекты и граждан Китая в Кызылординской области.\n",
            "Almaty",
        ),
        (
            "Учения Нацгвардии Узбекистана и НВП Китая\n"
            "Национальная гвардия Узбекистана и Народная вооружённая полиция Китая провели "
            "совместные антитеррористические учения в Джизакской области. За учениями наблюдали "
            "военные атташе, аккредитованные в Ташкенте.\n",
            "Tashkent",
        ),
        (
            "中国安保企业为吉尔吉斯斯坦中资矿山提供安保\n"
            "一家在比什凯克注册的中资安保公司开始为吉尔吉斯斯坦塔拉斯州一座中资金矿提供安保服务，"
            "保护中国公民安全。\n",
            "Bishkek",
        ),
    ],
)
def test_a_firms_seat_or_an_officials_post_is_no_venue(text: str, not_here: str) -> None:
    assert _coded(text).location != not_here


@pytest.mark.parametrize(
    ("text", "here"),
    [
        (
            "China, Tajikistan hold border security talks\n"
            "Chinese and Tajik officials met in Dushanbe on Monday and agreed to strengthen "
            "border security and counter-terrorism cooperation.\n",
            "Dushanbe",
        ),
        (
            "Китай и Казахстан провели переговоры\n"
            "Министры внутренних дел Казахстана и Китая провели переговоры в Алматы и "
            "договорились усилить борьбу с терроризмом и наркотрафиком.\n",
            "Almaty",
        ),
        (
            "中吉举行执法安全合作会谈\n"
            "中国和吉尔吉斯斯坦执法部门负责人在比什凯克举行会谈，双方同意加强反恐和禁毒合作。\n",
            "Bishkek",
        ),
    ],
)
def test_a_meeting_held_in_the_city_keeps_its_venue(text: str, here: str) -> None:
    assert _coded(text).location == here


# -- a border crossing that is no town: its state's code -----------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Kyrgyz and Chinese border delegates meet\n"
            "Border delegates of Kyrgyzstan and China held a meeting at the Torugart crossing on "
            "Monday and agreed to step up joint border control.\n",
            "KG",
        ),
        (
            "Пограничные представители встретились\n"
            "Пограничные представители Кыргызстана и Китая провели встречу на перевале Торугарт "
            "и договорились усилить охрану границы.\n",
            "KG",
        ),
        (
            "中吉边防代表举行会晤\n中国和吉尔吉斯斯坦边防代表在吐尔尕特口岸举行会晤，双方商定加强边境管控。\n",
            "KG",
        ),
        (
            "Kazakh and Chinese border delegates meet\n"
            "Border delegates of Kazakhstan and China held a meeting in Khorgos on Monday and "
            "agreed to step up joint border control.\n",
            "Khorgos",
        ),
        (
            "中哈边防代表举行会晤\n中国和哈萨克斯坦边防代表在霍尔果斯举行会晤，双方商定加强边境管控。\n",
            "Khorgos",
        ),
    ],
)
def test_a_crossing_is_its_states_code_a_town_keeps_its_name(text: str, place: str) -> None:
    assert _coded(text).location == place


# -- a menu in capitals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("HOME NATION BUSINESS OPINION WORLD MULTIMEDIA", True),
        ("ГЛАВНАЯ НОВОСТИ МНЕНИЕ ВИДЕО", True),
        ("OPINION: CHINA AND KAZAKHSTAN", False),
        ("OPINION", False),
        # (Chinese has no capitals: a spaced title is no menu by this rule)
        ("中国 新闻 评论 观点", False),
    ],
)
def test_a_menu_in_capitals(line: str, menu: bool) -> None:
    assert _menu_line(line, 0) is menu


_EN_TALKS = (
    "Kazakhstan, China agree to fight online fraud together\n"
    "THE STEPPE HERALD | 12 May 2026\n"
    "{line}\n"
    "ASTANA - Kazakhstan's Minister of Internal Affairs held talks with China's Minister of "
    "Public Security in Astana on May 12, focusing on cross-border fraud and drug trafficking.\n"
)


def test_en_talks_under_a_menu_in_capitals_are_a_meeting() -> None:
    item = _coded(_EN_TALKS.format(line="HOME NATION BUSINESS OPINION WORLD"))
    assert item.kind == "meeting"
    assert item.framework == "bilateral"


def test_en_a_page_labelled_opinion_stays_commentary() -> None:
    item = _coded(_EN_TALKS.format(line="OPINION | By A. Columnist"))
    assert item.kind is None
    assert item.framework is None


# -- cities the gazetteer lacked --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "中亚国家禁毒执法官员培训班开班\n8月3日，由中国公安部主办的哈萨克斯坦、吉尔吉斯斯坦"
            "禁毒执法官员培训班在兰州开班。中方愿同哈吉两国加强禁毒执法合作，共同打击毒品犯罪。\n",
            "Lanzhou",
        ),
        (
            "Встреча министров внутренних дел\n12 ноября в Сиане состоялась встреча министров "
            "внутренних дел Казахстана, Кыргызстана и Китая по борьбе с терроризмом.\n",
            "Xi'an",
        ),
        (
            "Uzbek and Chinese guards train together\nThe National Guard of Uzbekistan and the "
            "Chinese People's Armed Police held a joint counter-terrorism exercise in Chirchik.\n",
            "Chirchik",
        ),
    ],
)
def test_a_city_added_to_the_gazetteer_is_the_venue(text: str, place: str) -> None:
    assert _coded(text).location == place


def test_a_city_named_as_where_experts_come_from_is_no_venue() -> None:
    item = _coded(
        "中哈举行禁毒执法合作会谈\n5月6日，来自兰州的专家参加了中国和哈萨克斯坦禁毒执法部门"
        "在北京举行的会谈，双方同意加强禁毒情报交流。\n"
    )
    assert item.location == "Beijing"


# -- a ministry of a state as the venue, no city named: the state's code ---------------------------

_MINISTRY = {
    "en": (
        "Turkmenistan receives Chinese police equipment\n"
        "A ceremony {where} to hand over patrol vehicles and scanners donated by China to "
        "fight drug trafficking and terrorism.\n",
        "was held at the Ministry of Internal Affairs of Turkmenistan",
        "was announced by the Ministry of Internal Affairs of Turkmenistan",
    ),
    "ru": (
        "Туркменистан получил оборудование из Китая\n"
        "{where} церемония передачи патрульных машин и сканеров, подаренных Китаем для борьбы "
        "с наркотрафиком и терроризмом.\n",
        "В Министерстве внутренних дел Туркменистана состоялась",
        "Министерство внутренних дел Туркменистана сообщило, что состоялась",
    ),
    "zh": (
        "土库曼斯坦接收中国援助警用装备\n{where}，中方向土方移交巡逻车和安检设备，用于打击毒品走私和恐怖主义。\n",
        "交接仪式在土库曼斯坦内务部举行",
        "土库曼斯坦内务部宣布交接仪式已经举行",
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_ministry_as_the_venue_is_its_states_code(language: str) -> None:
    text, venue, _ = _MINISTRY[language]
    assert _coded(text.format(where=venue)).location == "TM"


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_ministry_that_announces_is_no_venue(language: str) -> None:
    text, _, announced = _MINISTRY[language]
    assert _coded(text.format(where=announced)).location is None


# -- an event held today: the page's day, whatever month a later line names -------------------------

_TODAY_TEXTS = {
    "en": (
        "China hands over patrol vehicles to Kyrgyz border guards\n"
        "Bishkek, 14 October 2026\n"
        "A ceremony handing over patrol vehicles donated by China to the Kyrgyz Border Service "
        "{when}.\nThe two border services will meet again in December.\n"
    ),
    "ru": (
        "Китай передал пограничникам Кыргызстана патрульные машины\n"
        "Бишкек, 14 октября 2026\n"
        "Церемония передачи патрульных машин, подаренных Китаем Пограничной службе Кыргызстана, "
        "{when}.\nСледующая встреча пограничных ведомств пройдёт в декабре.\n"
    ),
}


@pytest.mark.parametrize(
    ("language", "when"),
    [("en", "was held today in Bishkek"), ("ru", "состоялась сегодня в Бишкеке")],
)
def test_an_event_held_today_keeps_the_pages_day(language: str, when: str) -> None:
    item = _coded(_TODAY_TEXTS[language].format(when=when))
    assert item.event_date == "2026-10-14"


def test_zh_an_event_held_today_keeps_the_pages_day() -> None:
    item = _coded(
        "中国向吉尔吉斯斯坦边防局移交巡逻车\n2026年10月14日 来源：某新闻网\n"
        "中国政府援助吉尔吉斯斯坦边防局的巡逻车交接仪式今天在比什凯克举行。\n"
        "双方边防部门将于12月再次会晤。\n"
    )
    assert item.event_date == "2026-10-14"


def test_a_ministry_that_said_today_dates_nothing() -> None:
    from steppewatch.extract.event_dates import _today

    said = "The ministry said today that the joint operation was carried out in March."
    held = "A joint operation was carried out today on the border."
    assert not _today(said, 0, len(said))
    assert _today(held, 0, len(held))
