"""The event's location from the event's own sentences (tenth round, issue 13): a place named in
the page's links to other articles, or in a sentence after the lead about another time or
another event (done by others too, only earlier years), is not the venue; the venue stays
where the event's own sentence names it (an airport of a city is in that city). Hand-written
zh/ru/en readouts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "BEIJING, May 5, 2026 -- Chinese Foreign Minister Wang Yi held talks with Kazakh "
            "Foreign Minister Murat Nurtleu on counter-terrorism cooperation.\n"
            "Related news:\n"
            "Police chiefs of China and Uzbekistan meet in Tashkent",
            "Beijing",
            id="en-a-link-names-another-venue",
        ),
        pytest.param(
            "On May 5, 2026, China and Kazakhstan held a joint police counter-terrorism exercise. "
            "The Chinese police have also held exercises in Tashkent. The exercise took place "
            "near Almaty.",
            "Almaty",
            id="en-another-exercise-done-too",
        ),
        pytest.param(
            "2026年5月5日，中哈两国警方举行联合反恐演练。中国警方也已在塔什干举行过类似演练。此次演练在"
            "阿拉木图附近举行。",
            "Almaty",
            id="zh-another-exercise-done-too",
        ),
        pytest.param(
            "Экстрадиция гражданина Китая, подозреваемого в терроризме, состоялась 12 января 2026 "
            "года в аэропорту Алматы, где его передали сотрудникам полиции КНР.",
            "Almaty",
            id="ru-the-airport-of-a-city",
        ),
    ],
)
def test_a_venue_of_another_time_or_article_is_not_the_events(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "On May 5, 2026, China and Kazakhstan held a joint police counter-terrorism exercise. "
            "Uzbek police officers have also taken part in the exercise in Tashkent.",
            "Tashkent",
            id="en-taking-part-too-keeps-the-venue",
        ),
        pytest.param(
            "Ташкент, 3 июня 2026 г. Министр внутренних дел Узбекистана провел переговоры с "
            "министром общественной безопасности КНР о борьбе с терроризмом. Стороны утвердили "
            "план совместных учений на 2027 год. Переговоры прошли в Ташкенте.",
            "Tashkent",
            id="ru-a-plan-for-next-year",
        ),
    ],
)
def test_the_events_own_venue_stays(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "China hands over border outposts to Tajikistan\n"
            "DUSHANBE, May 12, 2025 (Xinhua) -- Three border outposts built with Chinese funding "
            "on the Tajik-Afghan border were handed over to the border troops of Tajikistan's "
            "State Committee for National Security, strengthening border security against "
            "terrorism and drug trafficking.",
            "TJ",
            id="en-outposts-filed-from-the-capital",
        ),
        pytest.param(
            "China, Tajikistan hold border security talks\n"
            "DUSHANBE, May 12, 2025 (Xinhua) -- The heads of the border services of China and "
            "Tajikistan held talks on Monday on joint patrols, border security and the fight "
            "against drug trafficking.",
            "Dushanbe",
            id="en-talks-where-filed",
        ),
        pytest.param(
            "Китай передал Таджикистану пограничные заставы\n"
            "ДУШАНБЕ, 12 мая. /ТАСС/. Три пограничные заставы, построенные за счет Китая на "
            "таджикско-афганской границе, переданы пограничным войскам ГКНБ Таджикистана для "
            "укрепления охраны границы и борьбы с терроризмом и наркотрафиком.",
            "TJ",
            id="ru-outposts-filed-from-the-capital",
        ),
        pytest.param(
            "Пограничные ведомства Китая и Таджикистана провели переговоры\n"
            "ДУШАНБЕ, 12 мая. /ТАСС/. Руководители пограничных служб Таджикистана и Китая провели "
            "переговоры о совместном патрулировании и борьбе с терроризмом и наркотрафиком.",
            "Dushanbe",
            id="ru-talks-where-filed",
        ),
    ],
)
def test_a_datelines_city_is_the_venue_of_a_gathering_not_of_a_field_event(
    text: str, expected: str
) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location == expected, (coded.kind, coded.evidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "驻塔使馆提醒中国公民注意安全\n"
            "3月8日晚，塔吉克斯坦哈特隆州一中资企业营地遭武装人员袭击，造成中国公民受伤，中方要求塔方严惩恐怖分子，"
            "保障中国公民安全。",
            "TJ",
            id="zh-a-province-right-after-the-date",
        ),
        pytest.param(
            "中国公民在比什凯克遭袭\n"
            "3月8日晚，比什凯克一处市场发生针对中国商户的暴力袭击事件，中方要求吉方严惩凶手，保障中国公民安全，"
            "加强执法安全合作。",
            "Bishkek",
            id="zh-a-city-right-after-the-date",
        ),
        pytest.param(
            "中国工人在吉遭冲击\n"
            "3月8日，吉尔吉斯斯坦纳伦州阿特巴希区一中资企业营地遭冲击，多名中国公民受伤。中方要求吉方依法严惩肇事者，"
            "加强执法安全合作，保障在吉中国公民和企业安全。",
            "KG",
            id="zh-a-district-is-its-state",
        ),
        pytest.param(
            "Учения ШОС завершились в Узбекистане\n"
            "В Навоийской области 27 мая завершились совместные антитеррористические учения "
            "компетентных органов государств - членов ШОС с участием Китая и Узбекистана.",
            "UZ",
            id="ru-a-province-of-uzbekistan",
        ),
    ],
)
def test_where_a_chinese_report_says_it_happened(text: str, expected: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location == expected, (coded.kind, coded.evidence)


def test_a_date_then_a_person_names_no_venue_by_position() -> None:
    # the clause opens with an official, not a place: the state in his title is no venue
    text = (
        "吉外长会见中国大使\n"
        "3月8日，吉尔吉斯斯坦外长会见中国大使，双方同意加强执法安全合作，共同打击“三股势力”。"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location is None, coded.evidence
