"""Events that did not happen (gold guide, seventeenth round, item 1): an event mention governed by
a denial of the report of it, or called off or put off with no new date, is no event; the page
stays relevant commentary. Each rule has a near miss where the event happened and something else
is denied, or the postponement names a new date. Hand-written texts, not copied from any gold
text."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder


def _code(text: str, language: str) -> tuple[bool, str | None, list[str]]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return bool(coded.relevant), coded.kind, list(coded.countries)


DENIED = [
    (
        "en",
        "Tajik officials on Monday dismissed media reports that China is building a second "
        "military base in Gorno-Badakhshan, saying the border posts belong to Tajikistan.",
        "TJ",
    ),
    (
        "ru",
        "Власти Кыргызстана опровергли сообщения о том, что Китай построит военную базу на юге "
        "страны.",
        "KG",
    ),
    ("zh", "吉尔吉斯斯坦国防部否认了有关中国将在吉南部修建军事基地的报道。", "KG"),
]
HAPPENED_OTHER_DENIED = [
    (
        "en",
        "China completed a new border post for Tajikistan in Gorno-Badakhshan this week, "
        "officials said, and they dismissed media reports about the cost of the project.",
        "infrastructure",
    ),
    (
        "ru",
        "Китай передал Кыргызстану пограничную заставу в Нарынской области, власти также "
        "опровергли слухи о её стоимости.",
        "infrastructure",
    ),
    (
        "zh",
        "中国向吉尔吉斯斯坦移交了一处边防哨所，吉方否认了有关建设费用的报道。",
        "equipment_transfer",
    ),
]
CALLED_OFF = [
    (
        "en",
        "The joint counter-terrorism exercise of China and Kazakhstan planned for September has "
        "been postponed indefinitely, the defence ministry said.",
    ),
    (
        "ru",
        "Совместные антитеррористические учения Китая и Казахстана, намеченные на сентябрь, "
        "отменены, сообщило министерство обороны.",
    ),
    ("zh", "原定九月举行的中哈联合反恐演习已被取消。"),
]
NEW_DATE = [
    (
        "en",
        "The joint counter-terrorism exercise of China and Kazakhstan has been postponed to "
        "12 October, the defence ministry said.",
    ),
    (
        "ru",
        "Совместные антитеррористические учения Китая и Казахстана перенесены на 12 октября, "
        "сообщило министерство обороны.",
    ),
    ("zh", "中哈联合反恐演习推迟至10月12日举行。"),
]


@pytest.mark.parametrize(("language", "text", "partner"), DENIED)
def test_denied_report_is_commentary(language: str, text: str, partner: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant and kind is None and partner in countries


@pytest.mark.parametrize(("language", "text", "kind"), HAPPENED_OTHER_DENIED)
def test_event_kept_when_something_else_is_denied(language: str, text: str, kind: str) -> None:
    assert _code(text, language)[1] == kind


@pytest.mark.parametrize(("language", "text"), CALLED_OFF)
def test_called_off_without_date_is_commentary(language: str, text: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant and kind is None and "KZ" in countries


@pytest.mark.parametrize(("language", "text"), NEW_DATE)
def test_postponed_to_a_date_stays_announced(language: str, text: str) -> None:
    assert _code(text, language)[1] == "bilateral_exercise"


PRESSER = {
    "zh": (
        "记者：有智库报告称，中国计划向吉尔吉斯斯坦派驻安保公司武装人员保护项目。中方有何评论？\n"
        "发言人：你提到的报告纯属捏造。中吉执法安全合作始终在法律框架内开展。\n",
        "记者：有报道称，中国向吉尔吉斯斯坦移交了一批巡逻车。能否证实？\n"
        "发言人：是的，中方根据两国协议向吉方移交了巡逻车，用于边境执法。\n",
    ),
}


def test_presser_answer_denying_the_relayed_report() -> None:
    denied, confirmed = PRESSER["zh"]
    assert _code(denied, "zh")[1] is None
    assert _code(confirmed, "zh")[1] is not None


UNSIGNED = [
    (
        "en",
        "A draft border security agreement between China and Tajikistan is still under "
        "negotiation. If signed, it would allow Chinese police advisers to be stationed at Tajik "
        "border posts.",
        "A border security agreement between China and Tajikistan was signed on Monday. It allows "
        "Chinese police advisers to be stationed at Tajik border posts.",
    ),
    (
        "ru",
        "Проект соглашения о пограничной безопасности между Китаем и Таджикистаном пока "
        "обсуждается. Если соглашение будет подписано, китайские советники будут размещены на "
        "таджикских заставах.",
        "Соглашение о пограничной безопасности между Китаем и Таджикистаном подписано в "
        "понедельник. Китайские советники будут размещены на таджикских заставах.",
    ),
    (
        "zh",
        "中塔边境安全协定草案仍在谈判中。如果协定签署，中国警务顾问将进驻塔方边防哨所。",
        "中塔边境安全协定于周一签署。中国警务顾问将进驻塔方边防哨所。",
    ),
]


@pytest.mark.parametrize(("language", "unsigned", "signed"), UNSIGNED)
def test_sentence_hanging_on_an_unsigned_draft(language: str, unsigned: str, signed: str) -> None:
    relevant, kind, countries = _code(unsigned, language)
    assert relevant and kind is None and "TJ" in countries
    assert _code(signed, language)[1] == "mechanism"
