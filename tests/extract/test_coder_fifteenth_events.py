"""Fifteenth round (issue 13): relevant items that got no event, and second events the
SECOND_EVENTS table did not allow. Every text is written for these tests (no gold text); each
rule has its contrast.

- English indicators that the Chinese and Russian lists had and the English one lacked: a
  security firm named as a provider of overseas security or by its armed guards (海外安保, 安保
  服务), a protest held as a picket (the verb and its people, not the border "picket"), the
  Xinjiang Military Region (新疆军区, the English name beside "Military District").
- Second events: training of a stated size to use equipment handed over; the guards of a
  security firm at an incident's site (their paragraph need not name a partner state).
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc


def _coded(text: str):  # type: ignore[no-untyped-def]
    return code_document(make_doc(text))


# ----------------------------------------------------------------- English indicators


@pytest.mark.parametrize(
    "text",
    [
        "Armed guards hired by a Chinese mining company have been posted at its gold mine in "
        "Kyrgyzstan's Talas region, the company said on Monday, after local residents demanded "
        "the mine be closed.",
        "A Chinese overseas security provider has opened an office in Tashkent to protect "
        "Chinese projects and staff in Uzbekistan against terrorist threats, the firm said.",
    ],
)
def test_security_firm_named_by_its_guards_or_as_a_provider_got_no_event(text: str) -> None:
    coded = _coded(text)
    assert coded.relevant
    assert coded.kind == "private_security"
    assert coded.framework == "unilateral"


def test_security_services_of_two_states_are_no_security_firm() -> None:
    coded = _coded(
        "Heads of the security services of Kazakhstan and China held talks in Astana on "
        "Tuesday on countering terrorism."
    )
    assert coded.kind == "meeting"
    assert "private_security" not in coded.event_kinds


def test_picket_at_the_chinese_embassy_got_no_event() -> None:
    coded = _coded(
        "Police in Bishkek detained a dozen people who picketed the Chinese embassy on Friday, "
        "the city police said.\nThe Chinese embassy asked the Kyrgyz side to ensure the security "
        "of the mission and its staff."
    )
    assert coded.relevant
    assert coded.kind == "incident"
    assert coded.framework == "bilateral"


def test_border_picket_visited_is_no_protest() -> None:
    coded = _coded(
        "Chinese Defence Minister Dong Jun visited a Kyrgyz border picket near Irkeshtam and "
        "held talks with Kyrgyz officers on joint efforts against terrorism."
    )
    assert coded.kind == "meeting"
    assert "incident" not in coded.event_kinds


def test_xinjiang_military_region_drill_coded_domestic_capacity() -> None:
    coded = _coded(
        "Troops of the Xinjiang Military Region held a winter drill on the high plateau "
        "near the border with Tajikistan, the PLA Daily reported."
    )
    assert coded.kind == "domestic_capacity"
    assert coded.framework == "unilateral"


# ----------------------------------------------------------------- second events

_HANDOVER = (
    "China handed over 20 patrol vehicles and radio sets to the Tajik Interior Ministry in "
    "Dushanbe on Monday.\n"
)


def test_training_to_use_equipment_handed_over_was_no_second_event() -> None:
    coded = _coded(
        _HANDOVER + "Under the aid programme Chinese instructors will train 150 Tajik police "
        "officers to operate the new equipment."
    )
    assert coded.kind == "equipment_transfer"
    assert coded.event_kinds == ["equipment_transfer", "training_education"]


def test_training_only_talked_of_after_a_handover_is_no_second_event() -> None:
    coded = _coded(
        _HANDOVER + "The two sides also discussed training of police officers in the future."
    )
    assert coded.event_kinds == ["equipment_transfer"]


def test_training_to_use_equipment_handed_over_ru() -> None:
    coded = _coded(
        "Китай передал МВД Таджикистана 20 патрульных автомобилей и средства связи.\n"
        "Китайские инструкторы проведут обучение 150 сотрудников милиции Таджикистана работе с "
        "техникой."
    )
    assert coded.kind == "equipment_transfer"
    assert "training_education" in coded.event_kinds


_CLASH = (
    "Local workers clashed with Chinese staff at a Chinese-owned gold mine in Kyrgyzstan's "
    "Naryn region on Sunday, and several people were injured, the Kyrgyz interior ministry "
    "said.\n"
)


def test_security_firm_guards_at_an_incident_were_no_second_event() -> None:
    coded = _coded(
        _CLASH + "Guards from the mine's private security firm fired warning shots to disperse "
        "the crowd, witnesses said."
    )
    assert coded.kind == "incident"
    assert coded.event_kinds == ["incident", "private_security"]


def test_incident_with_no_security_firm_has_one_event() -> None:
    coded = _coded(_CLASH + "The police opened a criminal case.")
    assert coded.event_kinds == ["incident"]


def test_security_firm_guards_at_an_incident_ru() -> None:
    coded = _coded(
        "В Нарынской области произошла массовая драка между местными жителями и работниками "
        "китайского золотого рудника, есть раненые, сообщило МВД Кыргызстана.\n"
        "Охранники частной охранной компании рудника произвели предупредительные выстрелы."
    )
    assert coded.kind == "incident"
    assert "private_security" in coded.event_kinds
