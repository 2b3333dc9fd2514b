"""Seventeenth-round Russian coverage of the codebook's indicators (branch coder46): concepts
the English and Chinese indicators name that the Russian ones named in one grammatical form
only, or not at all (пограничник for border guards, пограничных войск for border troops,
общественной безопасности for public security, a kidnapped person, the Western Theater of
military operations, patrol roads, live-fire drills). Each addition has a sentence it fires on
and a near miss it leaves alone; texts written for these tests, none copied from a gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CASUALTY_TERMS, CodebookCoder
from steppewatch.extract.coder_resources import BORDER_CAPACITY, WESTERN_BUILDUP, load_resources
from steppewatch.extract.normalise import normalise_for_matching

CODER = CodebookCoder(topic_layer=False)


def _codes(sentence: str) -> set[tuple[str, str]]:
    """The (scheme, code) pairs whose indicators occur in ``sentence``."""
    hits = load_resources(None).matcher.hits(normalise_for_matching(sentence))
    return {h.payload for h in hits if h.payload[0] in ("topic", "domain", "event_kind")}


# (code, a sentence the addition fires on, a near miss it must not fire on)
CONTRASTS = [
    (
        ("topic", "border_security"),
        "Китайские пограничники и их таджикские коллеги провели совместный обход участка.",
        "Китайские туристы и их таджикские гиды прошли маршрут по горам Памира.",
    ),
    (
        ("topic", "border_security"),
        "Командование пограничных войск Кыргызстана приняло делегацию из Синьцзяна.",
        "Командование сухопутных сил Кыргызстана приняло делегацию из Синьцзяна.",
    ),
    (
        ("topic", "border_security"),
        "Стороны обсудили усиление пограничного контроля на перевалах.",
        "Стороны обсудили усиление таможенного тарифа на зерно.",
    ),
    (
        ("topic", "border_security"),
        "Речь шла о патрулировании границы в зимний период.",
        "Речь шла о патрулировании улиц столицы в праздничные дни.",
    ),
    (
        ("topic", "border_security"),
        "Задержан мужчина, покушавшийся на незаконное пересечение; к незаконному пересечению "
        "готовились еще двое.",
        "Задержан мужчина, покушавшийся на кражу; к ограблению готовились еще двое.",
    ),
    (
        ("topic", "organized_crime"),
        "Полиция раскрыла преступную группу, вывозившую краденые автомобили.",
        "Полиция раскрыла подробности аварии на трассе Бишкек - Ош.",
    ),
    (
        ("topic", "terrorism"),
        "При обыске изъяли компоненты для самодельных взрывных устройств.",
        "При обыске изъяли компоненты для самодельных электронных устройств.",
    ),
    (
        ("topic", "citizen_protection"),
        "Посольство призвало обеспечить безопасность китайским гражданам в регионе.",
        "Посольство призвало соблюдать правила китайскую делегацию в регионе.",
    ),
    (
        ("topic", "citizen_protection"),
        "На руднике работают китайские инженеры, их охрану усилили.",
        "На руднике работают местные инженеры, их смену продлили.",
    ),
    (
        ("topic", "investment_security"),
        "Нападение на китайское предприятие осудили власти области.",
        "Открытие нового торгового центра приветствовали власти области.",
    ),
    (
        ("topic", "regime_stability"),
        "Лидеры заявили о недопустимости угроз политической безопасности государств.",
        "Лидеры заявили о росте политической активности молодежи.",
    ),
    (
        ("topic", "regime_stability"),
        "Министр предостерег от попыток противостоять цветным революциям силами извне.",
        "Министр рассказал о цветных витражах в новом здании театра.",
    ),
    (
        ("topic", "separatism"),
        "Участники осудили призывы к независимости Синьцзяна.",
        "Участники обсудили развитие туризма в Синьцзяне.",
    ),
    (
        ("topic", "illegal_migration"),
        "Выявлены случаи нелегальной трудовой деятельности иностранцев на стройке.",
        "Выявлены случаи законной трудовой деятельности иностранцев на стройке.",
    ),
    (
        ("domain", "law_enforcement"),
        "Органы общественной безопасности Синьцзяна задержали подозреваемого.",
        "Органы общественного питания Синьцзяна проверили столовые.",
    ),
    (
        ("domain", "military"),
        "Китай поставил новые грузовики в армию Таджикистана.",
        "Китай поставил новые грузовики в аграрный сектор Таджикистана.",
    ),
    (
        ("domain", "emergency"),
        "Стороны договорились помогать друг другу при стихийных и иных бедствиях.",
        "Стороны договорились помогать друг другу при обмене студентами.",
    ),
    (
        ("domain", "emergency"),
        "Стороны обсудили реагирование на чрезвычайные ситуации природного характера.",
        "Стороны обсудили реагирование на обращения граждан.",
    ),
    (
        ("domain", "paramilitary"),
        "Обмен опытом с национальными гвардиями стран региона продолжится.",
        "Обмен опытом с национальными библиотеками стран региона продолжится.",
    ),
    (
        ("event_kind", "incident"),
        "Похищенный инженер был освобожден через двое суток.",
        "Приглашенный инженер прибыл через двое суток.",
    ),
    (
        ("event_kind", "incident"),
        "В результате нападения пострадали трое рабочих.",
        "В результате переговоров договорились трое министров.",
    ),
    (
        ("event_kind", "meeting"),
        "Министры провели переговоры в формате видеоконференции.",
        "Министры подготовили доклад для конференции.",
    ),
    (
        ("event_kind", "domestic_capacity"),
        "В горах Синьцзяна прошли учения с боевой стрельбой.",
        "В горах Синьцзяна прошли соревнования по стрельбе из лука.",
    ),
    (
        ("event_kind", "domestic_capacity"),
        "Части Западного театра военных действий НОАК провели сборы.",
        "Труппа Западного театра драмы провела гастроли.",
    ),
    (
        ("event_kind", "domestic_capacity"),
        "В округе завершили прокладку патрульных дорог вдоль перевалов.",
        "В округе завершили прокладку сельских дорог вдоль перевалов.",
    ),
]


@pytest.mark.parametrize(("code", "fires", "near_miss"), CONTRASTS)
def test_russian_form_fires_and_its_near_miss_does_not(
    code: tuple[str, str], fires: str, near_miss: str
) -> None:
    assert code in _codes(fires)
    assert code not in _codes(near_miss)


def test_border_infrastructure_is_a_build_up_any_state_may_have() -> None:
    # (the focal state's own build-up only when it is named in the sentence)
    assert WESTERN_BUILDUP.search("пограничной инфраструктур")
    assert BORDER_CAPACITY.search("пограничной инфраструктур")
    assert WESTERN_BUILDUP.search("западного театра военных")
    assert not BORDER_CAPACITY.search("западного театра военных")


def test_the_hurt_alone_are_counted_as_casualties() -> None:
    assert {"пострадал", "пострадавш"} <= CASUALTY_TERMS
    assert "похищен" not in CASUALTY_TERMS


RUSSIA_BUILDS = (
    "Президент Таджикистана принял министра обороны России\n"
    "Пресс-служба | 3 марта 2026\n\n"
    "Президент Таджикистана принял министра обороны России. Стороны обсудили поставки техники "
    "и строительство объектов пограничной инфраструктуры на таджикско-афганской границе. "
    "Гость передал приветствие от президента России."
)
XINJIANG_BUILDS = (
    "В Синьцзяне укрепляют границу\n"
    "Синьхуа | 3 марта 2026\n\n"
    "Власти Синьцзяна завершили строительство объектов пограничной инфраструктуры Китая на "
    "участке, граничащем с Таджикистаном и Кыргызстаном: новые заставы и патрульные дороги "
    "вдоль границы."
)


def _code(text: str):  # type: ignore[no-untyped-def]
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


def test_another_states_border_infrastructure_is_no_focal_build_up() -> None:
    doc = _code(RUSSIA_BUILDS)
    assert not doc.relevant


def test_the_focal_states_border_infrastructure_is_its_build_up() -> None:
    doc = _code(XINJIANG_BUILDS)
    assert doc.relevant
    assert "domestic_capacity" in doc.event_kinds


XINJIANG_ROADS = (
    "В Синьцзяне проложены новые патрульные дороги\n"
    "Синьхуа | 3 марта 2026\n\n"
    "В Синьцзяне Китая на участке, граничащем с Таджикистаном, завершено строительство "
    "патрульных дорог для пограничников."
)
KYRGYZ_ROADS = (
    "В Кыргызстане проложены новые патрульные дороги\n"
    "Кабар | 3 марта 2026\n\n"
    "Кыргызстан завершил строительство патрульных дорог на участке, граничащем с "
    "Таджикистаном; работы финансировал бюджет республики."
)


def test_patrol_roads_are_a_build_up_any_state_may_have() -> None:
    assert WESTERN_BUILDUP.search("патрульных дорог") and BORDER_CAPACITY.search("патрульных дорог")
    assert WESTERN_BUILDUP.search("border patrol road*") and BORDER_CAPACITY.search("patrol road")


def test_the_focal_states_patrol_roads_are_its_build_up() -> None:
    doc = _code(XINJIANG_ROADS)
    assert doc.relevant
    assert "domestic_capacity" in doc.event_kinds


def test_another_states_patrol_roads_are_not() -> None:
    assert not _code(KYRGYZ_ROADS).relevant
