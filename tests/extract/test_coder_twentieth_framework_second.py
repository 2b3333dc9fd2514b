"""Twentieth-round framework rules, second pass on fresh pages (tune8, test21, test22, tune7):

- a framework a state stays out of (Its neutrality keeps it out of the CSTO and the SCO; не
  входит в ШОС; 不是上合组织成员国) names the state's non-membership, not the format of the event
  reported; a state's part in the framework's own meeting keeps it;
- a framework named with a year before the page's (registered at the United Nations in 1995) or
  a gathering of it recalled with such a year (The city hosted an SCO summit in 2022; в 2019 году
  ... саммит ШОС; 2019年...上合组织峰会) is a past event of the place or the states, not this
  event's format; a gathering of the page's own year keeps it.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import coder_rules, extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import _not_this_format
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    items = [i for i in document.items if i.relevant] if document.items else [document]
    assert items, text
    return items[0]


def _name(text: str, name: str) -> Hit:
    at = text.index(name)
    return Hit(at, at + len(name), ("framework", "SCO"), name)


# -- a framework a state stays out of ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "outside"),
    [
        ("Its neutrality keeps it out of the CSTO and the SCO, and it rarely talks.", "SCO", True),
        ("Turkmenistan is not a member of the SCO, the analyst said.", "SCO", True),
        ("Turkmenistan attended the SCO meeting as a guest, the analyst said.", "SCO", False),
        ("Туркменистан не входит в ШОС и ОДКБ.", "ШОС", True),
        ("Туркменистан не является членом ШОС.", "ШОС", True),
        ("Туркменистан принял участие в заседании ШОС.", "ШОС", False),
        ("土库曼斯坦不是上合组织成员国。", "上合组织", True),
        ("土库曼斯坦出席了上合组织会议。", "上合组织", False),
    ],
)
def test_a_framework_a_state_stays_out_of_is_no_format(text: str, name: str, outside: bool) -> None:
    assert _not_this_format(text, _name(text, name), "2026-05-01") is outside


NEUTRAL_STATE = (
    "Ashgabat opens its police door to Beijing\n"
    "By a contributor\n\n"
    "Turkmenistan's policy of neutrality keeps it out of the Collective Security Treaty "
    "Organization and the Shanghai Cooperation Organization, and its services publish little.\n\n"
    "On April 9, Turkmenistan's Minister of Internal Affairs held talks in Beijing with China's "
    "Minister of Public Security. The two ministers discussed the fight against drug trafficking "
    "and signed an agreement on cooperation in combating crime.\n"
)
MEMBER_STATE = (
    "Tashkent hosts security talks\n"
    "By a contributor\n\n"
    "Interior ministers of the Shanghai Cooperation Organization member states met in Tashkent "
    "on April 9. China's Minister of Public Security and Uzbekistan's Minister of Internal "
    "Affairs discussed the fight against drug trafficking at the SCO meeting.\n"
)


def test_a_state_outside_the_sco_meets_bilaterally(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _code(NEUTRAL_STATE).framework == "bilateral"
    assert _code(MEMBER_STATE).framework == "SCO"
    monkeypatch.setattr(coder_rules, "_not_this_format", lambda text, hit, reference: False)
    assert _code(NEUTRAL_STATE).framework != "bilateral"


# -- a framework recalled with an earlier year --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "recalled"),
    [
        ("The city hosted an SCO summit in 2022 and a fair in 2025.", "SCO", True),
        ("The city hosts an SCO summit in 2026, officials said.", "SCO", False),
        ("Its neutrality was registered at the SCO in 1995.", "SCO", True),
        ("В 2019 году в Бишкеке прошёл саммит ШОС.", "ШОС", True),
        ("В 2026 году в Бишкеке пройдёт саммит ШОС.", "ШОС", False),
        ("该市2019年曾举办上合组织峰会。", "上合组织", True),
        ("该市2026年将举办上合组织峰会。", "上合组织", False),
    ],
)
def test_a_gathering_of_an_earlier_year_is_no_format(text: str, name: str, recalled: bool) -> None:
    assert _not_this_format(text, _name(text, name), "2026-07-07") is recalled


@pytest.mark.parametrize(
    ("text", "name", "marked"),
    [
        (
            "A reception to mark the third anniversary of the China-Central Asia dialogue.",
            "China-Central Asia",
            True,
        ),
        (
            "A reception on the sidelines of the China-Central Asia dialogue.",
            "China-Central Asia",
            False,
        ),
        (
            "Приём по случаю годовщины формата Китай-Центральная Азия.",
            "Китай-Центральная Азия",
            True,
        ),
        ("Приём в рамках формата Китай-Центральная Азия.", "Китай-Центральная Азия", False),
        ("举行招待会纪念中国—中亚机制成立三周年。", "中国—中亚", True),
        ("举行招待会庆祝中国—中亚外长会晤顺利举行。", "中国—中亚", False),
    ],
)
def test_a_framework_whose_anniversary_is_marked_is_no_format(
    text: str, name: str, marked: bool
) -> None:
    assert _not_this_format(text, _name(text, name), "2026-07-07") is marked


RECEPTION_MARKS = (
    "Public security ministry hosts Central Asian envoys; Kyrgyzstan signs police memorandum\n"
    "Ministry of Public Security | 2026-10-14\n\n"
    "BEIJING, Oct. 14 -- China's Ministry of Public Security gave a reception for the "
    "ambassadors of Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan and Turkmenistan on "
    "Tuesday to mark the second anniversary of the China-Central Asia law-enforcement "
    "dialogue.\n"
    "At the reception, the Ministry and the Embassy of Kyrgyzstan signed a memorandum of "
    "understanding on police cooperation against terrorism and drug trafficking.\n"
)


def test_a_reception_marking_an_anniversary_is_not_the_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _code(RECEPTION_MARKS).framework == "bilateral"
    # (the rule is what makes the difference: without it the dialogue marked is the format)
    monkeypatch.setattr(coder_rules, "_not_this_format", lambda text, hit, reference: False)
    assert _code(RECEPTION_MARKS).framework == "C5+China"


def test_no_page_date_no_recalled_year() -> None:
    text = "The city hosted an SCO summit in 2022."
    assert not _not_this_format(text, _name(text, "SCO"), None)


CAMERAS_RECALLED = (
    "Chinese-funded cameras go up in Samarkand\n"
    "07 July 2026\n\n"
    "Workers of a Chinese firm are mounting police cameras on the main streets of Samarkand "
    "this month, a project paid for by a Chinese government grant.\n"
    "Uzbekistan's Interior Ministry said the system includes a monitoring centre for the city "
    "police.\n"
    "Samarkand hosted an SCO summit in 2022 and receives millions of visitors a year.\n"
)


def test_a_summit_the_city_hosted_years_ago_is_no_format(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _code(CAMERAS_RECALLED).framework == "bilateral"
    # (the rule is what makes the difference: without it the recalled summit is the format)
    monkeypatch.setattr(coder_rules, "_not_this_format", lambda text, hit, reference: False)
    assert _code(CAMERAS_RECALLED).framework == "SCO"


# -- a framework's meeting named only as an occasion ----------------------------------------------

TOUR_PREPARES = (
    "Foreign minister ends regional tour in Dushanbe\n\n"
    "DUSHANBE, May 5 -- China's Foreign Minister on Monday held talks here with the Tajik "
    "Foreign Minister, the last stop of a trip that earlier took him to Astana and Bishkek.\n"
    "The two sides agreed to step up cooperation against terrorism and drug trafficking on the "
    "Tajik-Afghan border.\n"
    "He said relations between China and the five Central Asian countries are at their best, "
    "and that China will work with them to prepare the next China-Central Asia summit.\n"
)
TOUR_AT_SUMMIT = TOUR_PREPARES.replace(
    "to prepare the next China-Central Asia summit",
    "at the China-Central Asia summit held in Dushanbe that day",
)


def test_a_summit_prepared_makes_no_other_mention_the_format() -> None:
    # the region's name later in the text is kept only by a meeting of the format; the next
    # summit the states prepare is an occasion, no meeting of this event
    assert _code(TOUR_PREPARES).framework != "C5+China"
    assert _code(TOUR_AT_SUMMIT).framework == "C5+China"


# -- a body of other states named beside the focal state's event ----------------------------------

HANDOVER_CSTO_SAME_DAY = (
    "Кыргызстан получил от Китая тепловизоры — армия отправилась на учения ОДКБ\n\n"
    "БИШКЕК, 3 марта. Пограничная служба Кыргызстана получила от Китая партию тепловизоров и "
    "радиостанций для охраны государственной границы, сообщила пресс-служба ведомства.\n"
    "Церемония передачи прошла в Бишкеке с участием военного атташе посольства КНР.\n"
    "В тот же день подразделения армии Кыргызстана отправились на учения ОДКБ вместе с "
    "военными России и Казахстана.\n"
)
HANDOVER_TRILATERAL = HANDOVER_CSTO_SAME_DAY.replace(
    "армия отправилась на учения ОДКБ", "в трехстороннем формате"
).replace(
    "В тот же день подразделения армии Кыргызстана отправились на учения ОДКБ вместе с "
    "военными России и Казахстана.",
    "Передача прошла в трехстороннем формате Китай — Кыргызстан — Таджикистан.",
)
HANDOVER_EN = (
    "Kyrgyz border guards receive Chinese thermal cameras; army leaves for CSTO drill\n\n"
    "BISHKEK, March 3 -- Kyrgyzstan's Border Service received a batch of thermal cameras and "
    "radios from China for the protection of the state border, the service said.\n"
    "The handover ceremony in Bishkek was attended by the Chinese military attache.\n"
    "On the same day Kyrgyz army units left for a CSTO exercise with Russian and Kazakh troops.\n"
)


HANDOVER_ZH = (
    "中国向吉尔吉斯斯坦边防部门移交热成像设备\n\n"
    "新华社比什凯克3月3日电 中国政府向吉尔吉斯斯坦边防局移交一批热成像仪和电台，用于边境安全。"
    "中国驻吉尔吉斯斯坦大使出席移交仪式。\n"
    "同日，吉尔吉斯斯坦军队前往参加集安组织演习。\n"
)


def test_a_body_of_other_states_is_no_format_of_the_focal_states_event() -> None:
    assert _code(HANDOVER_ZH).framework == "bilateral"
    assert _code(HANDOVER_CSTO_SAME_DAY).framework == "bilateral"
    assert _code(HANDOVER_EN).framework == "bilateral"
    # (a format the codebook names of the focal state's own, trilateral, stays)
    assert _code(HANDOVER_TRILATERAL).framework == "other_multilateral"
