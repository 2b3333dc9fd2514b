"""Twenty-first round (coder76), topics on fresh pages.

- People's hostility aimed at the focal state's firms or people (``coder_hostility``): the firm
  named with a hyphenated owner (a Chinese-owned, Chinese-run, Chinese-invested mine), a firm
  with Chinese capital (предприятие с китайским капиталом), the focal state's embassy or
  consulate picketed (picket, пикет, 中国驻...大使馆); violence when the sentence names the
  partner state's workers or a village's residents doing it. Near misses: a Chinese-owned mine
  with no hostility; a picket over wages with no Chinese party; guards clashing with smugglers.
- Border security's words (codebook indicators): joint border operations, border police and
  units, border incidents (联合边境行动, 边境派出所, совместная пограничная операция,
  пограничные ведомства, пограничные подразделения); "через границу" only when its sentence
  says who breaks through (armed groups, violators, smuggling), not trade or travel across it.

Every text is written for these tests (no gold text); each rule has its contrast.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_hostility import hostile_acts
from steppewatch.extract.coder_specificity import needs_qualifier
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder()


def _coded(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="twentyfirst.txt"))


def _hostile(sentence: str) -> list[str]:
    normal = sentence.lower()
    return [hit.term for hit in hostile_acts(normal, 0, len(normal))]


# --- hostility aimed at the focal state's firms and missions -------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Dozens of villagers clashed with guards at a Chinese-operated copper mine on Monday.",
        "Residents of a nearby village clashed with workers of a Chinese-invested cement plant.",
        "Local residents staged a rally outside a Chinese-run textile factory in Osh.",
        "Police detained two people who picketed the Chinese Consulate-General in Almaty.",
        "Массовая драка между местными жителями и охраной произошла на руднике с китайским "
        "капиталом в Таласской области.",
        "Массовая драка между таджикскими и китайскими рабочими произошла на заводе в Сугде.",
        "В Бишкеке у посольства КНР прошел пикет против аренды земли.",
        "当地民众在中国驻吉尔吉斯斯坦大使馆外抗议土地租赁。",
    ],
)
def test_hostility_aimed_at_chinese_firms_and_missions(sentence: str) -> None:
    assert _hostile(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a Chinese-owned firm with no hostility
        "A Chinese-owned gold mine in Talas signed a contract with a local security firm.",
        # a picket with no Chinese party
        "Dock workers picketed the port authority in Aktau over unpaid wages.",
        "Работники автобусного парка провели пикет у здания акимата из-за задержки зарплаты.",
        # violence with no local people named (guards and smugglers)
        "Guards at a Chinese-operated copper mine clashed with armed smugglers at night.",
        # a drill's rehearsed clash at the embassy
        "Police rehearsed repelling an attack by a mob on the Chinese embassy in a drill.",
    ],
)
def test_no_hostility_without_target_or_people(sentence: str) -> None:
    assert not _hostile(sentence)


def test_brawl_at_chinese_run_mine_codes_sentiment() -> None:
    text = (
        "Villagers clash with guards at Chinese-run copper mine in Kyrgyzstan\n"
        "Dozens of villagers clashed with guards at a Chinese-operated copper mine in Issyk-Kul "
        "region on Monday, police said. Two Chinese workers were injured.\n"
    )
    assert "anti_china_sentiment" in _coded(text).topics


# --- border security's words -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "SCO border chiefs approve joint border operation plan\n"
        "Heads of the border services of China, Kazakhstan and Kyrgyzstan met in Bishkek on "
        "March 3 and approved the plan of a joint border operation for the summer.\n",
        "China hands equipment to Kyrgyz border police\n"
        "China on May 4 handed radios and night-vision devices to Kyrgyz border police units "
        "in Naryn region, the Kyrgyz interior ministry said.\n",
        "Руководители пограничных ведомств ШОС встретились в Душанбе\n"
        "Руководители пограничных ведомств Китая, Таджикистана и Казахстана 12 апреля утвердили "
        "план совместной пограничной операции.\n",
        "中哈吉三国主管机关举行会议\n"
        "4月12日，中国、哈萨克斯坦和吉尔吉斯斯坦主管机关代表在阿拉木图举行会议，商定联合边境行动计划。\n",
    ],
)
def test_border_operation_words_code_border_security(text: str) -> None:
    assert "border_security" in _coded(text).topics


def _through(sentence: str) -> bool:
    start = sentence.index("через")
    term = "через государственную границ" if "государственную" in sentence else "через границ"
    hit = Hit(start, start + len(term), ("topic", "border_security"), term)
    return needs_qualifier("border_security", hit, sentence)


def test_through_the_border_needs_someone_breaking_through() -> None:
    assert _through("Учения отработали отражение прорыва вооруженной группы через границу.")
    assert _through(
        "Пограничники задержали нарушителей, пытавшихся пройти через государственную границу."
    )
    assert not _through("Число поездок граждан через границу выросло почти вдвое.")
    assert not _through(
        "Объем контейнерных перевозок через государственную границу продолжает расти."
    )


def test_trade_through_the_border_is_no_border_security() -> None:
    text = (
        "Президенты Казахстана и Китая провели телефонный разговор\n"
        "Президент Казахстана 3 марта провел телефонный разговор с Председателем КНР. Стороны "
        "отметили, что объем перевозок грузов через границу вырос на треть, и обсудили "
        "сотрудничество в борьбе с терроризмом.\n"
    )
    assert "border_security" not in _coded(text).topics


# --- Afghanistan as a place's locator ----------------------------------------------------------
def _afghan_kept(sentence: str, word: str) -> bool:
    start = sentence.index(word)
    hit = Hit(start, start + len(word), ("topic", "afghanistan"), word)
    return needs_qualifier("afghanistan", hit, sentence)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The company runs two coal mines near the Afghan frontier in Khatlon.", "Afghan"),
        ("A report says a depot is being built near the border with Afghanistan.", "Afghanistan"),
        (
            "Turkmenistan, which shares a long border with Afghanistan, hosted the course.",
            "Afghanistan",
        ),
        ("Мургабский район граничит с Афганистаном и Китаем.", "Афганистаном"),
        ("Склад находится недалеко от таджикско-афганской границы.", "таджикско-афганской"),
        ("该州与阿富汗和中国新疆接壤，地形复杂。", "阿富汗"),
        ("乌兹别克斯坦同阿富汗有140多公里边境线。", "阿富汗"),
    ],
)
def test_afghanistan_as_a_locator_is_no_topic(sentence: str, word: str) -> None:
    assert not _afghan_kept(sentence, word)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The ministers discussed the situation in Afghanistan and its spillover.", "Afghanistan"),
        ("The drill rehearsed repelling militants crossing from the Afghan side.", "Afghan"),
        ("Стороны обсудили обстановку на границе с Афганистаном.", "Афганистаном"),
        ("双方就阿富汗局势交换了意见。", "阿富汗"),
        ("China funds outposts to guard the border with Afghanistan.", "Afghanistan"),
    ],
)
def test_afghanistan_as_a_matter_stays(sentence: str, word: str) -> None:
    assert _afghan_kept(sentence, word)


# --- illegal crossers are illegal migration ----------------------------------------------------
def test_illegal_crossers_code_illegal_migration() -> None:
    zh = (
        "中哈边防部门开展联合巡逻\n"
        "5月6日，中哈两国边防部门在霍尔果斯口岸附近开展联合巡逻，共同打击偷越国境等违法犯罪活动。\n"
    )
    en = (
        "China and Kyrgyzstan hold joint border patrol\n"
        "Border guards of China and Kyrgyzstan held a joint patrol near Irkeshtam on May 6 and "
        "detained four illegal border crossers, the Kyrgyz border service said.\n"
    )
    assert "illegal_migration" in _coded(zh).topics
    assert "illegal_migration" in _coded(en).topics


def test_illegal_crossings_alone_are_border_security() -> None:
    en = (
        "China and Kyrgyzstan hold joint border patrol\n"
        "Border guards of China and Kyrgyzstan held a joint patrol near Irkeshtam on May 6 to "
        "prevent illegal border crossings, the Kyrgyz border service said.\n"
    )
    topics = _coded(en).topics
    assert "border_security" in topics
    assert "illegal_migration" not in topics


# --- the focal state's citizens detained or expelled are suspects, not people protected ---------
def _citizens_kept(sentence: str, word: str) -> bool:
    start = sentence.index(word)
    hit = Hit(start, start + len(word), ("topic", "citizen_protection"), word)
    return needs_qualifier("citizen_protection", hit, sentence)


def test_citizens_detained_or_expelled_are_suspects() -> None:
    assert not _citizens_kept("В ходе рейда задержаны 20 граждан КНР.", "граждан КНР")
    assert not _citizens_kept("Из республики выдворены 12 граждан КНР.", "граждан КНР")
    assert not _citizens_kept(
        "Police detained 15 Chinese nationals at the call centre.", "Chinese nationals"
    )
    assert not _citizens_kept("警方在窝点抓获12名中国公民。", "中国公民")


def test_citizens_harmed_or_protected_stay() -> None:
    assert _citizens_kept("Нападавшие задержаны, пострадали трое граждан КНР.", "граждан КНР")
    assert _citizens_kept(
        "Police detained the men who attacked Chinese nationals at the mine.", "Chinese nationals"
    )
    assert _citizens_kept("中方要求切实保障中国公民安全。", "中国公民")
