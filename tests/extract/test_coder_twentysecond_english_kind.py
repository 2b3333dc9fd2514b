"""English main kind and event kinds (twenty-second round, issue 13, branch coder80): a page its
head labels an analysis reports no event (its security firms' work excepted); a menu line of
capitals whose spacing extraction lost is a menu (its Opinion labels no page); a pledge at a
meeting to train a stated number of the partners' officers is a second event (in Chinese and
Russian too). Each rule with a near-miss contrast. Hand-written texts, not copied from any gold
text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_rules import _menu_line, _pledged_training
from steppewatch.extract.model import CodedItem

from .conftest import make_doc


def _coded(text: str) -> tuple[str | None, list[str]]:
    coded = code_document(make_doc(text))
    return coded.kind, list(coded.event_kinds)


def _item(text: str) -> CodedItem:
    return CodedItem(start=0, end=len(text))


# -- a head labelled an analysis ----------------------------------------------------------------

_ANALYSIS_BODY = (
    "Over the past ten years China has funded new border outposts in Tajikistan and handed over "
    "patrol vehicles and night-vision equipment to the Tajik border troops. Beijing worries about "
    "militants crossing from Afghanistan into Xinjiang, and Dushanbe welcomes equipment that comes "
    "without conditions.\n"
    "Yet China keeps its security role modest and avoids any talk of a military base."
)


@pytest.mark.parametrize(
    "head",
    [
        "Steppe Policy Review | Analysis | 12 March 2026\n",
        "Central Asia Programme Analysis | No. 212 | March 2026\n",
        "Analysis\n",
    ],
)
def test_an_analysis_label_makes_the_page_commentary(head: str) -> None:
    text = "China's Border Aid to Tajikistan Grows Quietly\n" + head + _ANALYSIS_BODY
    assert _coded(text) == (None, [])


@pytest.mark.parametrize(
    "head",
    [
        # the word in the title or a sentence labels nothing
        "Police Analysis Finds Weak Spots on the Tajik Border | 12 March 2026\n",
        # the site's menu names its Analysis section
        "News | Politics | Analysis | Sport | Culture\n",
    ],
)
def test_analysis_in_a_title_or_a_menu_labels_no_page(head: str) -> None:
    text = (
        "China hands over patrol vehicles to Tajik border troops\n"
        + head
        + "DUSHANBE, March 12 - China handed over 40 patrol vehicles and night-vision equipment "
        "to the Tajik border troops at a ceremony in Dushanbe on Thursday, the border service said."
    )
    assert _coded(text)[0] == "equipment_transfer"


def test_an_analysis_of_security_firms_keeps_their_kind() -> None:
    text = (
        "Chinese Guards in the Kyrgyz Mountains\n"
        "Steppe Policy Review | Analysis | 12 March 2026\n"
        "Chinese private security companies now guard Chinese-owned gold mines in Kyrgyzstan. "
        "The security company hired by the mine's Chinese owner employs former Chinese police "
        "officers and trains local guards to protect the Chinese workers at the site."
    )
    assert _coded(text)[0] == "private_security"


# -- a menu line of capitals ---------------------------------------------------------------------


def test_a_line_of_capital_words_is_a_menu() -> None:
    text = "Title of the page\nHOME NATION BUSINESS OPINION WORLD\nASTANA - The ministers met."
    assert _menu_line(text, text.index("OPINION"))


@pytest.mark.parametrize(
    "line",
    [
        "NATION OPINION WORLD",  # three fields: too few for a menu
        "OPINION: WHY CHINA WANTS CALM BORDERS",  # a headline in capitals, with its colon
        "Home Nation Business Opinion World",  # not capitals: may be a title's words
    ],
)
def test_other_lines_are_no_menu(line: str) -> None:
    text = "Title of the page\n" + line + "\nASTANA - The ministers met."
    assert not _menu_line(text, text.index(line))


def test_a_menu_of_capitals_labels_no_commentary() -> None:
    text = (
        "Kazakhstan and China agree to fight online fraud together\n"
        "THE STEPPE HERALD | NATION | 17 November 2026\n"
        "HOME NATION BUSINESS OPINION WORLD MULTIMEDIA\n"
        "ASTANA - Kazakhstan's Minister of Internal Affairs held talks with China's Minister of "
        "Public Security in Astana on Nov. 17 on cross-border cyber fraud and drug trafficking."
    )
    assert _coded(text)[0] == "meeting"


def test_an_opinion_label_still_makes_commentary() -> None:
    text = (
        "Kazakhstan and China agree to fight online fraud together\n"
        "THE STEPPE HERALD | OPINION | 17 November 2026\n"
        "ASTANA - Kazakhstan's Minister of Internal Affairs held talks with China's Minister of "
        "Public Security in Astana on Nov. 17 on cross-border cyber fraud and drug trafficking."
    )
    assert _coded(text)[0] is None


# -- a pledge to train a stated number -----------------------------------------------------------

_MEETING = (
    "China and Central Asian interior ministers meet in Xi'an\n"
    "XI'AN, June 3 - The interior ministers of China, Kazakhstan, Kyrgyzstan, Tajikistan and "
    "Uzbekistan held a meeting in Xi'an on Tuesday on counter-terrorism and drug trafficking.\n"
)


@pytest.mark.parametrize(
    "pledge",
    [
        "The Chinese minister said China will provide training for 400 police officers from the "
        "five Central Asian countries at Chinese police academies over the next two years.",
        "China will also host training courses for 150 Central Asian rescue specialists.",
        "The Chinese side will admit 120 employees of the Uzbek interior ministry for training "
        "at Chinese police colleges.",
    ],
)
def test_a_pledge_to_train_partner_officers_is_a_second_event(pledge: str) -> None:
    kind, kinds = _coded(_MEETING + pledge)
    assert kind == "meeting"
    assert "training_education" in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        # trained already, no pledge
        "Hundreds of police officers from the five Central Asian countries have trained at "
        "Chinese police academies in recent years.",
        # no number of trainees
        "China will provide training for police officers of the Central Asian countries.",
        # a facility's capacity, not trainees
        "The academy will have dormitories for 400 cadets from Central Asia.",
        # the focal state's own people
        "China will train 3,000 new police officers in Xinjiang next year.",
    ],
)
def test_training_not_pledged_to_partners_is_no_second_event(sentence: str) -> None:
    kind, kinds = _coded(_MEETING + sentence)
    assert kind == "meeting"
    assert "training_education" not in kinds


def test_the_pledge_finder_reads_one_hit_a_sentence() -> None:
    text = (
        "China will train 200 Kyrgyz officers and provide training for 100 Tajik officers, "
        "and its academies will take them."
    )
    hits = _pledged_training(text, _item(text))
    assert len(hits) == 1
    assert hits[0].payload == ("event_kind", "training_education")


_ZH_MEETING = (
    "中国与中亚五国内务部长会晤在西安举行\n"
    "新华社西安6月3日电 中国和哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦内务部长3日在西安"
    "举行会晤，讨论打击恐怖主义和毒品走私合作。\n"
)
_RU_MEETING = (
    "Министры внутренних дел Китая и Центральной Азии встретились в Сиане\n"
    "СИАНЬ, 3 июня. Министры внутренних дел Китая, Казахстана, Кыргызстана, Таджикистана и "
    "Узбекистана провели встречу в Сиане, обсудив борьбу с терроризмом и наркотрафиком.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _ZH_MEETING + "王部长表示，中方将在未来两年为中亚五国培训400名执法人员。",
        _ZH_MEETING + "中方愿为吉方培训150名边防人员。",
        _RU_MEETING
        + "Китайская сторона подготовит 400 сотрудников полиции стран Центральной Азии.",
        _RU_MEETING + "Министр заявил, что Китай готов обучить 250 сотрудников МВД Узбекистана.",
    ],
)
def test_a_pledge_to_train_in_chinese_or_russian_is_a_second_event(text: str) -> None:
    kind, kinds = _coded(text)
    assert kind == "meeting"
    assert "training_education" in kinds


@pytest.mark.parametrize(
    "text",
    [
        # trained already, no pledge
        _ZH_MEETING + "近年来，中亚国家300名警官曾在中国警察院校学习培训。",
        # training talked of, no number of trainees
        _ZH_MEETING + "中方愿同中亚国家加强执法人员培训合作。",
        # trained already
        _RU_MEETING + "В прошлом году 300 полицейских Казахстана прошли обучение в академиях КНР.",
        # preparing a drill, no one trained
        _RU_MEETING + "К подготовке учений будут привлечены 200 военнослужащих Казахстана.",
    ],
)
def test_training_not_pledged_in_chinese_or_russian_is_no_second_event(text: str) -> None:
    kind, kinds = _coded(text)
    assert kind == "meeting"
    assert "training_education" not in kinds


# -- a course's equipment handed over: a second event of a training ----------------------------

_EN_COURSE = (
    "Kyrgyz police officers complete course in China\n"
    "LANGFANG, May 20 - Thirty officers of the Kyrgyz Interior Ministry completed a three-week "
    "training course on countering drug trafficking at the China People's Police University in "
    "Langfang on Wednesday.\n"
)
_ZH_COURSE = (
    "吉尔吉斯斯坦警官在华结业\n"
    "新华社廊坊5月20日电 30名吉尔吉斯斯坦内务部警官20日在中国人民警察大学完成为期三周的禁毒培训班学习。\n"
)
_RU_COURSE = (
    "Кыргызские полицейские завершили обучение в Китае\n"
    "ЛАНЬФАН, 20 мая. 30 сотрудников МВД Кыргызстана завершили трехнедельные курсы повышения "
    "квалификации по борьбе с наркотрафиком в Народном полицейском университете Китая.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _EN_COURSE + "At the closing ceremony the Chinese side handed over 20 computers and "
        "drug-testing kits to the Kyrgyz Interior Ministry.",
        _ZH_COURSE + "结业仪式上，中方向吉内务部移交了20台电脑和毒品检测设备。",
        _RU_COURSE + "На церемонии закрытия китайская сторона передала МВД Кыргызстана 20 "
        "компьютеров и наборы для экспресс-тестирования.",
    ],
)
def test_equipment_handed_over_at_a_course_is_a_second_event(text: str) -> None:
    assert _coded(text) == ("training_education", ["training_education", "equipment_transfer"])


@pytest.mark.parametrize(
    "text",
    [
        # the equipment the trainees learned to use
        _EN_COURSE + "The officers learned to operate drug-detection equipment and drones.",
        # aid of earlier years
        _EN_COURSE + "China has handed over vehicles and equipment to the Kyrgyz police in "
        "previous years.",
        _ZH_COURSE + "学员们学习了毒品检测设备的使用方法。",
        _RU_COURSE + "Слушатели изучили работу с оборудованием для обнаружения наркотиков.",
    ],
)
def test_equipment_a_course_names_is_no_second_event(text: str) -> None:
    assert _coded(text) == ("training_education", ["training_education"])
