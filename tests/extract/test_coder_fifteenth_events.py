"""Fifteenth round (issue 13): relevant items that got no event, and second events the
SECOND_EVENTS table did not allow. Every text is written for these tests (no gold text); each
rule has its contrast.

- Second events: training of a stated size to use equipment handed over; the guards of a
  security firm at an incident's site (their paragraph need not name a partner state).
"""

from __future__ import annotations

from steppewatch.extract import code_document

from .conftest import make_doc


def _coded(text: str):  # type: ignore[no-untyped-def]
    return code_document(make_doc(text))


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
