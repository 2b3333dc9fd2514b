"""The event's date (fifteenth round, issue 13), by which passage and which date decide: the page's
own date (a header's, a dateline's) is the fallback, not evidence; a date written relative to it
(yesterday, a weekday, a Chinese day of the month alone) is resolved against it, unless it is the
day a report was made or a day still to come; the last day of a range given alone is not the
event's; an event reported as it ends takes the day it began when the text gives it; the lead's
date comes before a later passage's. Hand-written zh/ru/en readouts, not copied from any gold
text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.dates import (
    find_dates,
    infer_page_date,
    month_mentions,
    relative_dates,
)

from .conftest import make_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Посольство | 2025/11/03 | Новости", "2025-11-03", id="slashed-iso"),
        pytest.param("Updated 09:15, 04-Mar-2025 | World", "2025-03-04", id="day-mon-year"),
        pytest.param("Kabar, Bishkek, 07.02.25 11:40", "2025-02-07", id="two-digit-year"),
        pytest.param("АСТАНА, 14 ноя 2025 — Sputnik.", "2025-11-14", id="ru-abbreviated-month"),
        pytest.param("ТАШКЕНТ, 3 мар — РИА Новости.", "2025-03-03", id="ru-abbreviation-no-year"),
        pytest.param("13 марта 2025 г.", "2025-03-13", id="ru-full-month-unchanged"),
        pytest.param("25 мая 2025 года", "2025-05-25", id="ru-may-not-march"),
    ],
)
def test_page_header_date_formats(text: str, expected: str) -> None:
    mentions = find_dates(text, "2025-12-01")
    assert [m.iso for m in mentions] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("версия 1.2.3 и пункт 4.5", id="section-numbers"),
        pytest.param("марш 12 мартовских", id="ru-word-holding-a-month"),
        pytest.param("стр. 12 марки", id="ru-word-after-a-number"),
    ],
)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, "2025-12-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The talks were held yesterday.", ["2025-06-10"], id="en-yesterday"),
        pytest.param("Переговоры прошли вчера.", ["2025-06-10"], id="ru-yesterday"),
        pytest.param("会谈昨天举行。", ["2025-06-10"], id="zh-yesterday"),
        # 2025-06-11 is a Wednesday
        pytest.param("They met on Monday.", ["2025-06-09"], id="en-weekday-back"),
        pytest.param("They met on Wednesday.", ["2025-06-11"], id="en-weekday-same-day"),
        pytest.param("Встреча прошла во вторник.", ["2025-06-10"], id="ru-weekday"),
        pytest.param("双方周一举行会谈。", ["2025-06-09"], id="zh-weekday"),
        pytest.param("部长9日会见来访的外长。", ["2025-06-09"], id="zh-day-this-month"),
        pytest.param("部长28日会见来访的外长。", ["2025-05-28"], id="zh-day-last-month"),
        # contrasts: the day of the report, a day to come, a habit
        pytest.param("The ministry said on Monday.", [], id="en-report-day"),
        pytest.param("Об этом сообщили во вторник.", [], id="ru-report-day"),
        pytest.param("记者10日从边防部门获悉。", [], id="zh-report-day"),
        pytest.param("The meeting will be held on Friday.", [], id="en-future"),
        pytest.param("会议将于本周五举行。", [], id="zh-future"),
        pytest.param("双方每周一交换情报。", [], id="zh-every-monday"),
        pytest.param("新华社北京6月11日电", [], id="zh-dateline-is-explicit"),
    ],
)
def test_relative_dates(text: str, expected: list[str]) -> None:
    assert [m.iso for m in relative_dates(text, "2025-06-11")] == expected


def test_relative_dates_need_a_reference() -> None:
    assert relative_dates("They met on Monday.", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "China, Kyrgyzstan hold border talks\n"
            "BISHKEK, Oct. 9, 2025 (Xinhua) -- Border representatives of China and Kyrgyzstan "
            "held talks on Wednesday on joint patrols and the fight against drug trafficking "
            "along their border.",
            "2025-10-08",
            id="en-weekday-before-the-dateline",
        ),
        pytest.param(
            "China, Kyrgyzstan hold border talks\n"
            "BISHKEK, Oct. 9, 2025 (Xinhua) -- Border representatives of China and Kyrgyzstan "
            "held talks on Thursday on joint patrols and the fight against drug trafficking "
            "along their border.",
            "2025-10-09",
            id="en-weekday-of-the-dateline",
        ),
        pytest.param(
            "China, Kyrgyzstan agree on border patrols\n"
            "BISHKEK, Oct. 9, 2025 (Xinhua) -- China and Kyrgyzstan agreed to hold joint border "
            "patrols against drug trafficking, the Kyrgyz border service said on Wednesday.",
            "2025-10-09",
            id="en-report-day-is-not-the-event",
        ),
        pytest.param(
            "Пограничники Кыргызстана и Китая провели встречу\n"
            "БИШКЕК, 9 октября 2025. /Кабар/. Пограничные представители Кыргызстана и Китая "
            "вчера провели встречу на перевале Торугарт и обсудили совместное патрулирование "
            "границы и борьбу с контрабандой наркотиков.",
            "2025-10-08",
            id="ru-yesterday-before-the-dateline",
        ),
        pytest.param(
            "中吉边防代表举行会晤\n"
            "新华社乌鲁木齐2025年10月9日电 中国和吉尔吉斯斯坦两国边防代表8日在吐尔尕特口岸举行会晤，"
            "双方就联合巡逻、打击毒品走私等边境安全问题交换意见。",
            "2025-10-08",
            id="zh-day-of-the-month",
        ),
        pytest.param(
            "中吉边防代表举行会晤\n"
            "新华社乌鲁木齐2025年10月9日电 记者9日从边防部门获悉，中国和吉尔吉斯斯坦两国边防代表"
            "在吐尔尕特口岸举行会晤，双方就联合巡逻、打击毒品走私等边境安全问题交换意见。",
            "2025-10-09",
            id="zh-report-day-falls-back-to-the-dateline",
        ),
    ],
)
def test_relative_event_dates(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Учения ШОС завершились в Кыргызстане\n"
            "Кабар | 26 сентября 2025, 10:00\n"
            "Совместные антитеррористические учения компетентных органов государств - членов ШОС "
            "с участием Китая, Казахстана и Кыргызстана завершились 25 сентября в Иссык-Кульской "
            "области. Учения начались 22 сентября.",
            "2025-09-22",
            id="ru-ended-and-began",
        ),
        pytest.param(
            "Chinese and Tajik police end joint drill\n"
            "DUSHANBE, Nov. 10, 2025 -- A joint counter-terrorism drill of the Chinese People's "
            "Armed Police and the National Guard of Tajikistan concluded near Dushanbe on Sunday.\n"
            "About 300 troops took part in the drill, which began on November 1.",
            "2025-11-01",
            id="en-began-a-sentence-later",
        ),
        pytest.param(
            "中吉联合反恐演习落下帷幕\n"
            "2025年9月6日 08:00 来源：环球时报\n"
            "中国武警部队与吉尔吉斯斯坦国民近卫军联合反恐演习9月5日在伊塞克湖州落下帷幕。演习于8月29日开始，"
            "双方演练了联合指挥和反恐处置。",
            "2025-08-29",
            id="zh-ended-and-began",
        ),
        pytest.param(
            "China, Tajikistan hold joint drill\n"
            "DUSHANBE, Nov. 10, 2025 -- A joint counter-terrorism drill of the Chinese People's "
            "Armed Police and the National Guard of Tajikistan was held near Dushanbe on "
            "November 9. The two forces began joint training in 2016, and their police "
            "academies opened exchanges on May 3.",
            "2025-11-09",
            id="en-not-ended-no-first-day",
        ),
    ],
)
def test_an_event_that_ended_takes_its_first_day(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Учения ШОС стартовали в Челябинской области\n"
            "ТАСС, 16 августа 2025, 11:00\n"
            "Совместное антитеррористическое учение государств - членов ШОС с участием Китая, "
            "Казахстана и Кыргызстана стартовало в субботу на полигоне Чебаркуль.\n"
            "Маневры, которые продлятся до 25 августа, отрабатывают борьбу с терроризмом.",
            "2025-08-16",
            id="ru-until-is-not-the-date",
        ),
        pytest.param(
            "SCO seminar opens in Almaty\n"
            "ALMATY, Sept. 8, 2025 -- A seminar of the SCO Regional Anti-Terrorist Structure for "
            "officers of China, Kazakhstan and Kyrgyzstan on countering the financing of "
            "terrorism opened in Almaty on 8 September.\n"
            "The seminar, which will last until 11 September, is held by the RATS.",
            "2025-09-08",
            id="en-body-date-on-the-page-day-is-kept",
        ),
        pytest.param(
            "Министр обороны Китая встретился с коллегой из Таджикистана\n"
            "Минобороны | 25.06.2025\n"
            "24 июня министр обороны КНР провел встречу с министром обороны Таджикистана, стороны "
            "обсудили совместные учения и борьбу с терроризмом.",
            "2025-06-24",
            id="ru-header-date-is-not-evidence",
        ),
        pytest.param(
            "国防部长会见塔吉克斯坦国防部长\n"
            "国防部网 2025年6月25日 — 6月24日，国防部长在比什凯克会见塔吉克斯坦国防部长，双方表示将深化"
            "联合演训和反恐合作。",
            "2025-06-24",
            id="zh-header-date-then-the-leads",
        ),
    ],
)
def test_the_page_date_and_a_range_end(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "中吉乌警方联合禁毒行动结束\n"
            "来源：公安部 2025-10-21\n"
            "近日，中国、吉尔吉斯斯坦、乌兹别克斯坦三国禁毒执法部门联合开展的跨国禁毒执法行动圆满结束。据公安部"
            "10月21日通报，三国警方共破获跨国贩毒案件9起，打击毒品走私。\n"
            "此次行动由三国禁毒部门共同组织，行动自7月15日开始，为期三个月，双方交换情报线索，开展联合查缉。",
            "2025-07-15",
            id="zh-report-date-then-first-day",
        ),
        pytest.param(
            "Kyrgyz and Chinese police sign a cooperation plan\n"
            "BISHKEK, March 4, 2025 -- The interior ministries of Kyrgyzstan and China signed a "
            "plan on joint counter-terrorism training in Bishkek on March 2, the Kyrgyz ministry "
            "said.",
            "2025-03-02",
            id="en-event-date-before-the-attribution",
        ),
    ],
)
def test_the_day_of_a_report(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "王毅同吉尔吉斯斯坦外长会谈\n"
            "2025年04月17日 20:41 来源：新华社\n"
            "新华社北京4月17日电 4月16日下午，外交部长王毅在北京同吉尔吉斯斯坦外长举行会谈，双方同意加强执法安全合作，"
            "共同打击“三股势力”。\n"
            "吉外长于4月15日至18日访华。",
            "2025-04-16",
            id="zh-lead-date-before-a-visits-range",
        ),
        pytest.param(
            "王毅同吉尔吉斯斯坦外长会谈\n"
            "2025年04月17日 20:41 来源：新华社\n"
            "新华社北京4月17日电 4月17日下午，外交部长王毅在北京同吉尔吉斯斯坦外长举行会谈，双方同意加强执法安全合作，"
            "共同打击“三股势力”。\n"
            "吉外长于4月15日至18日访华。",
            "2025-04-17",
            id="zh-lead-date-on-the-page-day-is-the-events",
        ),
        pytest.param(
            "Учения ШОС прошли в Узбекистане\n"
            "28 мая 2025, 19:12\n"
            "В Навоийской области 27 мая завершились совместные антитеррористические учения "
            "компетентных органов государств - членов ШОС с участием Китая, Казахстана и "
            "Узбекистана.\n"
            "Учения проводились 24-27 мая под эгидой РАТС ШОС.",
            "2025-05-24",
            id="ru-a-range-ending-on-the-day-it-ended",
        ),
        pytest.param(
            "中乌联合反恐训练落下帷幕\n"
            "国防部网讯 2025年11月4日，中国人民解放军与乌兹别克斯坦武装力量联合反恐训练在乌兹别克斯坦落下帷幕。\n"
            "训练于10月21日开训，双方演练了山地侦察和反恐处置。",
            "2025-10-21",
            id="zh-training-began",
        ),
    ],
)
def test_the_leads_date_and_a_range(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2025-03-19 is a Wednesday
        pytest.param(
            "BEIJING, March 19 (Xinhua) -- The two ministers met on Wednesday. The plan for "
            "2024 was done; the next for 2026 is drafted; 2024 was a good year.",
            "2025-03-19",
            id="en-weekday-picks-the-year-near-the-texts",
        ),
        pytest.param(
            "БИШКЕК, 19 марта. /ТАСС/. Встреча прошла во вторник. План на 2026-2027 годы.",
            "2025-03-19",
            id="ru-weekday-the-day-before",
        ),
        pytest.param(
            "新华社北京3月19日电 双方19日举行会谈，这是2025年以来的第二次会谈，2019年曾举行首次会谈。",
            "2025-03-19",
            id="zh-the-latest-of-equally-frequent-years",
        ),
        pytest.param("BEIJING, March 19, 2025 (Xinhua) -- talks", None, id="a-dated-dateline"),
        pytest.param("BEIJING, March 19 (Xinhua) -- talks", None, id="no-year-anywhere"),
        pytest.param("Talks on security were held in 2025.", None, id="no-dateline"),
    ],
)
def test_infer_page_date(text: str, expected: str | None) -> None:
    assert infer_page_date(text) == expected


def test_a_yearless_dateline_dates_the_event() -> None:
    text = (
        "China, Kazakhstan hold security talks\n"
        "ASTANA, March 19 (Xinhua) -- Chinese and Kazakh security officials held talks on "
        "Wednesday on joint counter-terrorism operations and border security, agreeing on a "
        "cooperation plan for 2025-2026."
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == "2025-03-19", coded.evidence
    assert coded.published is None  # the page's own date is not invented


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "В феврале текущего года фирма открыла центр.", ["2025-02"], id="ru-this-year"
        ),
        pytest.param("In March last year the firm opened.", ["2024-03"], id="en-last-year"),
        pytest.param("今年2月份以来，双方开展联合巡逻。", ["2025-02"], id="zh-this-year"),
        pytest.param("去年9月，双方签署协议。", ["2024-09"], id="zh-last-year"),
        pytest.param(
            "In November the firm opened.", ["2024-11"], id="en-a-month-to-come-is-last-years"
        ),
        # contrasts: a month with its day or year is an explicit date, not a month alone
        pytest.param("In May 2025 the firm opened.", [], id="en-with-year"),
        pytest.param("2025年2月，双方签署协议。", [], id="zh-with-year"),
        pytest.param("2月15日，双方签署协议。", [], id="zh-with-day"),
        pytest.param("Since January the firm has grown.", [], id="en-since-is-no-event"),
    ],
)
def test_month_mentions(text: str, expected: list[str]) -> None:
    assert [m.iso for m in month_mentions(text, "2025-04-03")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Китайские охранные компании в Таджикистане\n"
            "Газета | 03.04.2025\n"
            "В феврале текущего года китайская частная охранная компания открыла в Душанбе "
            "учебный центр для охраны китайских объектов и защиты граждан Китая в Таджикистане.",
            "2025-02",
            id="ru-a-firms-work-in-a-month",
        ),
        pytest.param(
            "中吉两国边防部门开展联合巡逻\n"
            "2025年01月16日 来源：中新网\n"
            "今年1月份以来，中国和吉尔吉斯斯坦边防部门在边境地区开展联合巡逻，共同打击走私和非法越境等违法犯罪活动。",
            "2025-01",
            id="zh-patrols-since-this-month",
        ),
        pytest.param(
            "China and Kyrgyzstan hold talks on border security\n"
            "Kabar | 16 January 2025\n"
            "Chinese and Kyrgyz border officials held talks on joint patrols and the fight "
            "against drug trafficking. The two sides had agreed on the patrols in November.",
            "2025-01-16",
            id="en-a-meeting-is-the-pages-day",
        ),
        pytest.param(
            "中塔两军举行联合演练\n"
            "2025年09月25日 来源：国防部网\n"
            "国防部新闻发言人表示，中塔两军近日在塔吉克斯坦举行联合反恐演练，双方演练了联合指挥和反恐处置。",
            "2025-09",
            id="zh-recently-gives-the-month",
        ),
        pytest.param(
            "中塔两军举行联合演练\n"
            "2025年09月25日 来源：国防部网\n"
            "记者近日从国防部获悉，中塔两军9月22日在塔吉克斯坦举行联合反恐演练，双方演练了联合指挥和反恐处置。",
            "2025-09-22",
            id="zh-a-reports-recent-day-is-not-the-events",
        ),
    ],
)
def test_a_month_alone_and_a_recent_time(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.event_date == expected, coded.evidence
