"""The event's date on fresh pages (nineteenth round): a page's own date printed at its foot when
its head has none; a weekday named with the date beside it (во вторник, 10 ноября; on Thursday,
February 12; 3月20日（星期五）) is that date, not a day counted back from the page's, and it
fixes the year of a dateline that gives none; the day a statement was made ("said on March 27")
is not its event's; a lead that gives its event no date may give it a few sentences on. Each
rule with a contrast that keeps the old reading. Hand-written zh/ru/en texts, not copied from any
gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.dates import infer_page_date, relative_dates, report_date

from .conftest import make_doc

# -- the page's date at its foot --------------------------------------------------------

_BODY_RU = "Текст новости без даты в начале страницы, довольно длинный абзац. " * 8


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        pytest.param("Ашхабад, 15 мая 2026", "2026-05-15", id="ru-place-and-date"),
        pytest.param("18 марта 2026, 16:42", "2026-03-18", id="ru-date-and-time"),
        pytest.param("02.02.2026 | 18:05", "2026-02-02", id="ru-numeric-and-time"),
        pytest.param("Photo: ministry press office | May 4, 2026", "2026-05-04", id="en-credit"),
        pytest.param("2026年5月4日 10:20", "2026-05-04", id="zh-date-and-time"),
    ],
)
def test_a_date_line_at_the_foot_is_the_pages_date(foot: str, expected: str) -> None:
    text = f"Заголовок новости\n{_BODY_RU}\n{foot}\n"
    assert make_doc(text).published == expected


@pytest.mark.parametrize(
    "foot",
    [
        pytest.param(
            "12.03.2026 Президент провел совещание по вопросам водного хозяйства региона",
            id="ru-dated-link-to-another-article",
        ),
        pytest.param("Copyright (c) 2026. All rights reserved.", id="en-copyright-year-only"),
    ],
)
def test_a_dated_link_or_a_year_at_the_foot_is_no_page_date(foot: str) -> None:
    text = f"Заголовок новости\n{_BODY_RU}\n{foot}\n"
    assert make_doc(text).published is None


def test_the_head_date_still_comes_first() -> None:
    text = f"Новости\n3 апреля 2026\n{_BODY_RU}\n18 марта 2026, 16:42\n"
    assert make_doc(text).published == "2026-04-03"


def test_yesterday_counts_back_from_the_foot_date() -> None:
    text = (
        "Делегация МОБ КНР посетила Ашхабад\n"
        "Вчера Министр внутренних дел Туркменистана принял в Ашхабаде делегацию Министерства "
        "общественной безопасности Китайской Народной Республики. Стороны обсудили борьбу с "
        "терроризмом и незаконным оборотом наркотиков.\n" + _BODY_RU + "\nАшхабад, 21 апреля 2026\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-04-20", coded.evidence


# -- a weekday named with its date ------------------------------------------------------

# 2026-11-11 is a Wednesday; 2026-11-10 a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Встреча состоялась во вторник, 10 ноября.", id="ru-weekday-then-date"),
        pytest.param("Встреча состоялась 10 ноября, во вторник.", id="ru-date-then-weekday"),
        pytest.param("The senate voted on Tuesday, November 10.", id="en-weekday-then-date"),
        pytest.param("Monday, November 9, 2026\nnews", id="en-header-weekday"),
        pytest.param("会谈于11月10日（星期二）举行。", id="zh-date-then-weekday"),
    ],
)
def test_a_weekday_named_with_its_date_is_no_relative_date(text: str) -> None:
    assert relative_dates(text, "2026-11-11") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Встреча состоялась во вторник.", "2026-11-10", id="ru-weekday-alone"),
        pytest.param("The senate voted on Tuesday.", "2026-11-10", id="en-weekday-alone"),
        pytest.param("会谈于星期二举行。", "2026-11-10", id="zh-weekday-alone"),
    ],
)
def test_a_weekday_alone_still_counts_back(text: str, expected: str) -> None:
    assert [m.iso for m in relative_dates(text, "2026-11-11")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2026-11-10 is a Tuesday (2025-11-10 a Monday; 2025-11-11 a Tuesday)
        pytest.param(
            "Астана. 11 ноября. АГЕНТСТВО - Секретари советов безопасности встретились в Пекине.\n"
            "Встреча состоялась во вторник, 10 ноября. Подписан план на 2026-2028 годы.",
            "2026-11-11",
            id="ru-weekday-with-date-sets-the-year",
        ),
        # 2026-09-02 is a Wednesday; the text's only year is 2024
        pytest.param(
            "DUSHANBE, Sept. 3 (Agency) -- A police training centre built with Chinese aid "
            "opened on Wednesday, September 2. Work on it began in 2024.",
            "2026-09-03",
            id="en-weekday-with-date-after-the-texts-year",
        ),
        # 2026-03-20 is a Friday (2025-03-20 a Thursday)
        pytest.param(
            "新华社北京3月21日电 两国边防部门3月20日（星期五）举行会晤。双方回顾了2025年以来的合作。",
            "2026-03-21",
            id="zh-date-with-weekday-sets-the-year",
        ),
    ],
)
def test_a_weekday_named_with_its_date_sets_the_datelines_year(text: str, expected: str) -> None:
    assert infer_page_date(text) == expected


def test_a_weekday_alone_keeps_the_dateline_reading() -> None:
    # (contrast: no date beside the weekday; 2025-03-19 is a Wednesday)
    text = "БИШКЕК, 19 марта. /ТАСС/. Встреча прошла в среду. Стороны подписали план на 2025 год."
    assert infer_page_date(text) == "2025-03-19"


# -- the day a statement was made -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        pytest.param(
            "The prosecutor's office said on March 27 that", "March 27", True, id="said-on"
        ),
        pytest.param("The ministry announced on May 4 that", "May 4", True, id="announced-on"),
        pytest.param("The suspect was handed over on March 27.", "March 27", False, id="event"),
    ],
)
def test_said_on_a_day_is_the_reports_day(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert report_date(text, start, start + len(word)) is expected


def test_the_event_day_after_a_said_on_day() -> None:
    text = (
        "Kyrgyzstan hands over fraud suspect to China\n"
        "March 28, 2026\n"
        "BISHKEK -- Kyrgyzstan has extradited to China a Chinese citizen wanted for telecom "
        "fraud, the Prosecutor-General's Office said on March 27. He was escorted to Beijing "
        "on March 25 by officers of China's Ministry of Public Security."
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-03-25", coded.evidence


# -- a lead with no date, its date a few sentences on -----------------------------------
# (the texts are longer than one passage, SHORT_ITEM, and the date stands past the head and the
# sentences around the parties' names: before this rule only the page's day was read)

_FILLER_RU = (
    "Участники группы длительное время арендовали офисы, оборудовали их техникой и обзванивали "
    "граждан, представляясь сотрудниками банков. Ущерб оценивается в несколько миллионов. "
)
_LEAD_RU = (
    "Пресс-служба МВД | 10.07.2026\n"
    "В ходе совместной операции МВД Казахстана и Министерства общественной безопасности "
    "Китая пресечена деятельность международной преступной группы мошенников.\n"
)


def test_the_leads_event_dated_a_few_sentences_on() -> None:
    text = (
        _LEAD_RU
        + _FILLER_RU * 3
        + "\nОперация была проведена 28 июня одновременно в трех городах.\n"
        + _FILLER_RU * 14
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-06-28", coded.evidence


def test_a_lead_with_no_date_anywhere_takes_the_pages_day() -> None:
    # (contrast: no date in the body either: the page's day, guide point 7)
    text = _LEAD_RU + _FILLER_RU * 18
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-07-10", coded.evidence


_FILLER_ZH = (
    "两国经贸合作不断深化，人文交流日益密切，双方在多个领域取得丰硕成果，各界对此给予积极评价。"
)


def test_the_leads_event_dated_a_few_sentences_on_in_chinese() -> None:
    text = (
        "公安部网站 | 2026-07-10\n"
        "中国和吉尔吉斯斯坦边防部门举行联合边境巡逻，共同打击跨境犯罪和恐怖主义活动。\n"
        + _FILLER_ZH * 12
        + "\n此次行动于6月28日在三个城市同时展开。\n"
        + _FILLER_ZH * 80
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-06-28", coded.evidence


_FILLER_EN = (
    "The partnership covers trade, energy, culture and education, and both sides describe it "
    "as mature and mutually beneficial. "
)


def test_yesterday_a_few_sentences_on_in_english() -> None:
    text = (
        "STATE NEWS AGENCY\n"
        "Border service receives surveillance equipment\n"
        "4 March 2026\n"
        "China handed over border surveillance equipment to the State Border Service of "
        "Turkmenistan to strengthen border security and fight terrorism and drug trafficking. "
        + _FILLER_EN
        * 4
        + "\nYesterday, a ceremony was held at the headquarters of the service to hand over the "
        "equipment, donated free of charge.\n" + _FILLER_EN * 20
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-03-03", coded.evidence


# -- no date of its own, but its report is dated ----------------------------------------


def test_a_meeting_reported_on_a_day_takes_that_day() -> None:
    text = (
        "Kazakh and Chinese defence chiefs discuss cooperation\n"
        "By Staff | The Capital Times | 26 May 2026\n"
        "ASTANA – The Chief of the General Staff of Kazakhstan met the visiting Chief of the Joint "
        "Staff Department of China's Central Military Commission, the Defense Ministry's press "
        "service reported on May 25. The sides discussed counter-terrorism and border security."
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-05-25", coded.evidence


def test_a_meeting_dated_of_its_own_keeps_its_date_over_the_reports() -> None:
    # (contrast: the meeting's own day decides, not the report's)
    text = (
        "Kazakh and Chinese defence chiefs discuss cooperation\n"
        "By Staff | The Capital Times | 26 May 2026\n"
        "ASTANA – The Chief of the General Staff of Kazakhstan met the visiting Chief of the Joint "
        "Staff Department of China's Central Military Commission on May 22, the Defense "
        "Ministry's press service reported on May 25. The sides discussed counter-terrorism."
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2026-05-22", coded.evidence
