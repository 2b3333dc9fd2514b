"""Codebook, equipment_transfer (annotation guide addition 10, eighteenth round): an agreement,
protocol or pledge whose own clause names the aid's items or its amount is one
equipment_transfer event, not also a mechanism; an agreement on cooperation in general, or on
aid it does not itemise or price, stays a mechanism. Sentences written for these tests."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc

AID = [
    "On 3 March the Tajik parliament ratified an agreement with China on free military aid "
    "worth 65 million yuan.\n",
    "3 марта парламент Таджикистана ратифицировал соглашение с Китаем о безвозмездной военной "
    "помощи на сумму 65 млн юаней.\n",
    "3月3日，塔吉克斯坦议会批准了与中国签署的关于中方向塔方提供6500万元无偿军事援助的协定。\n",
    "In Tashkent the two interior ministers signed a protocol on the supply of Chinese patrol "
    "vehicles and uniforms to the Uzbek police.\n",
    "В Ташкенте министры внутренних дел подписали протокол о поставке китайских патрульных "
    "автомобилей и обмундирования для полиции Узбекистана.\n",
]

NOT_AID = [
    "On 3 March the Tajik parliament ratified an agreement with China on military-technical "
    "cooperation.\n",
    "3 марта парламент Таджикистана ратифицировал соглашение с Китаем о военно-техническом "
    "сотрудничестве.\n",
    "3月3日，塔吉克斯坦议会批准了与中国签署的军事技术合作协定。\n",
    # aid named but neither itemised nor priced: a framework agreement
    "On 3 March the Tajik parliament ratified an agreement with China on free military aid.\n",
    "3 марта парламент Таджикистана ратифицировал соглашение с Китаем о безвозмездной военной "
    "помощи.\n",
    "3月3日，塔吉克斯坦议会批准了与中国签署的关于中方向塔方提供无偿军事援助的协定。\n",
    # items without a transfer: joint production is industry cooperation, not aid
    "23 мая в Астане министры обороны Казахстана и Китая подписали соглашение о совместном "
    "производстве беспилотников.\n",
]


@pytest.mark.parametrize("text", AID)
def test_agreement_naming_the_aid_is_one_equipment_transfer(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "equipment_transfer"
    assert "mechanism" not in coded.event_kinds


@pytest.mark.parametrize("text", NOT_AID)
def test_agreement_naming_no_aid_stays_a_mechanism(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "mechanism"
    assert "equipment_transfer" not in coded.event_kinds
