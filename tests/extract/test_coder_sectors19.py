"""Nineteenth-round domain rules (coder61): a sector's word read where it stands. Texts written
for these tests (zh/ru), none copied from a gold text; each rule has a text it changes and one it
leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_sectors import bordering, split_guofang
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder(topic_layer=False)  # the rules alone


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


def _hit(text: str, term: str, code: str) -> Hit:
    at = text.index(term)
    return Hit(at, at + len(term), ("domain", code), term)


def test_guofang_across_two_words_is_no_defence() -> None:
    for text in ("各方介绍了本国防灾减灾工作。", "各国防范恐怖袭击的经验"):
        assert split_guofang(_hit(text, "国防", "military"), text)
    for text in ("两国国防部长举行会谈。", "中国国防大学举办研修班。", "加强国防领域合作"):
        assert not split_guofang(_hit(text, "国防", "military"), text)


ZH_DISASTER_MEETING = (
    "新华社乌鲁木齐5月6日电 中国—中亚应急管理部长会议6日在乌鲁木齐举行。中国应急管理部部长"
    "同哈萨克斯坦、吉尔吉斯斯坦紧急情况部部长出席会议。与会各方介绍了本国防灾减灾救灾工作进展，"
    "同意加强应急救援合作。"
)
ZH_DEFENCE_MEETING = (
    "新华社北京5月6日电 国务委员兼国防部长在北京会见哈萨克斯坦国防部长。双方同意加强两国国防"
    "领域合作，共同打击恐怖主义。"
)


def test_a_disaster_ministers_meeting_has_no_army() -> None:
    record = _code(ZH_DISASTER_MEETING)
    assert "military" not in record.domains
    assert "emergency" in record.domains
    assert "military" in _code(ZH_DEFENCE_MEETING).domains


def test_bordering_a_place_is_no_border_service() -> None:
    for text in ("выезд в пограничный с Мьянмой округ", "в пограничного с Казахстаном района"):
        assert bordering(_hit(text, "погранич", "border_guard"), text)
    for text in (
        "пограничники с собаками вышли в дозор",
        "развитие пограничного сотрудничества с Китаем",
        "пограничной службы с 2016 года",
    ):
        assert not bordering(_hit(text, "погранич", "border_guard"), text)


RU_COURSE_TRIP = (
    "БИШКЕК, 5 ноября. Сотрудники МВД Кыргызстана прошли в Китае курс повышения квалификации по "
    "борьбе с наркотрафиком. Китайская сторона организовала для слушателей совместный выезд в "
    "пограничный с Лаосом уезд."
)
RU_COURSE_BORDER = (
    "БИШКЕК, 5 ноября. Сотрудники Пограничной службы Кыргызстана прошли курс повышения "
    "квалификации в Китае по борьбе с наркотрафиком."
)


def test_a_course_trip_to_a_district_bordering_laos_is_no_border_service() -> None:
    assert "border_guard" not in _code(RU_COURSE_TRIP).domains
    assert "border_guard" in _code(RU_COURSE_BORDER).domains
