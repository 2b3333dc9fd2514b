"""Nineteenth-round framework rules (the framework is the body that organises the event, guide
item 5), found on fresh pages (test19, test20):

- a framework's gathering named in a list of the gatherings the sides prepare (preparations for
  the coming multilateral events, including the SCO summit) is one to come, not this event's
  body, and its members are not implied;
- with no framework named and several partner states on the page, the sentence that reports the
  main event (of any kind, not only a meeting) naming one partner beside the focal state gives
  its sides: bilateral (a round-up whose first item is a handover to one state); "the two
  countries" in that sentence is the pair itself, no format that stops it;
- a course that officers of several partner states sit together, no framework named, is one
  multilateral event outside the named frameworks (other_multilateral), as a joint exercise is;
  aid for several states is not, nor a class drawn from the world (officers of more than 40
  countries, the partners named among them);
- an exercise or contest of several states' forces is never bilateral, even when the states
  found are the focal one and a single partner;
- a framework named as the body an event was organised or held under (The course was organised
  under the China-Central Asia mechanism, учения проводятся в рамках СНГ) is the event's, in
  whichever sentence it stands; cooperation within a framework in general is not.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import _occasion_at
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    items = [i for i in document.items if i.relevant] if document.items else [document]
    assert items, text
    return items[0]


# -- a gathering in a list of those the sides prepare is one to come ----------------------------

AHEAD_LISTS = {
    "en": (
        "The two leaders also compared notes on preparations for the coming multilateral "
        "events, including the SCO summit in Bishkek.",
        "The two leaders also compared notes on the coming multilateral events and the SCO "
        "summit in Bishkek.",
        "SCO",
    ),
    "ru": (
        "Стороны обменялись мнениями о подготовке к предстоящим многосторонним мероприятиям, "
        "в том числе к саммиту ШОС в Душанбе.",
        "Стороны обменялись мнениями о предстоящих многосторонних мероприятиях и о саммите "
        "ШОС в Душанбе.",
        "ШОС",
    ),
}


@pytest.mark.parametrize("language", sorted(AHEAD_LISTS))
def test_a_gathering_listed_among_those_prepared_is_an_occasion(language: str) -> None:
    listed, plain, name = AHEAD_LISTS[language]
    at = listed.index(name)
    assert _occasion_at(listed, at, at + len(name))
    at = plain.index(name)
    assert not _occasion_at(plain, at, at + len(name))


CALL_PREPARING = {
    "en": (
        "Leaders of Uzbekistan and China agree to fight terrorism together\n\n"
        "Over the past years ties between the two countries have grown fast, with new flights "
        "and projects.\n\n"
        "Chinese President Xi Jinping held a phone call with Uzbek President Shavkat Mirziyoyev "
        "on Monday.\n"
        "The two heads of state agreed to step up cooperation against terrorism and extremism "
        "and to protect joint projects.\n"
        "They also compared notes on preparations for the coming multilateral events, "
        "including the SCO summit in Bishkek.\n"
    ),
    "ru": (
        "Лидеры Узбекистана и Китая договорились о борьбе с терроризмом\n\n"
        "За последние годы связи двух стран быстро росли: открыты новые рейсы и проекты.\n\n"
        "Президент Республики Узбекистан Шавкат Мирзиёев в понедельник провел телефонный "
        "разговор с Председателем КНР Си Цзиньпином.\n"
        "Главы государств договорились усилить взаимодействие в борьбе с терроризмом и "
        "экстремизмом.\n"
        "Стороны также обменялись мнениями о подготовке к предстоящим многосторонним "
        "мероприятиям, в том числе к саммиту ШОС в Бишкеке.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(CALL_PREPARING))
def test_a_call_preparing_a_listed_summit_stays_bilateral(language: str) -> None:
    item = _code(CALL_PREPARING[language])
    assert item.kind == "meeting"
    assert item.framework == "bilateral"
    assert item.countries == ["CN", "UZ"]


# -- the sentence reporting the main event gives its sides, whatever its kind -------------------

ROUND_UPS = {
    "zh": (
        "军事外交周报\n"
        "本周，我军与中亚国家军队交流频繁。\n"
        "11月3日，我国政府向塔吉克斯坦国防部无偿援助的一批排爆装备交接仪式在杜尚别举行。\n"
        "11月4日，国防大学为哈萨克斯坦军官举行结业典礼。\n"
        "11月5日，中吉两军在伊塞克湖州举行联合反恐演习。\n"
    ),
    "en": (
        "Military diplomacy this week\n"
        "The PLA kept busy with Central Asian armies this week.\n"
        "On Nov. 3, China handed over a batch of demining equipment donated to the Tajik "
        "Ministry of Defence in Dushanbe.\n"
        "On Nov. 4, the National Defense University held a graduation ceremony for officers "
        "from Kazakhstan.\n"
        "On Nov. 5, Chinese and Kyrgyz troops held a joint counter-terrorism exercise.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(ROUND_UPS))
def test_a_round_up_first_item_with_one_partner_is_bilateral(language: str) -> None:
    item = _code(ROUND_UPS[language])
    assert item.kind == "equipment_transfer"
    assert item.framework == "bilateral"


AID_FOR_TWO = {
    "zh": (
        "我国向塔吉克斯坦和吉尔吉斯斯坦援助排爆装备\n"
        "11月3日，我国政府向塔吉克斯坦和吉尔吉斯斯坦国防部无偿援助的一批排爆装备在杜尚别和比"
        "什凯克同时交接。\n"
        "装备包括探雷器和防护服。\n"
    ),
    "en": (
        "China donates demining equipment to two Central Asian states\n"
        "On Nov. 3, China handed over a batch of demining and counter-terrorism equipment "
        "donated to the defence ministries of Tajikistan and Kyrgyzstan.\n"
        "The batch includes mine detectors and bomb disposal robots for border security.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(AID_FOR_TWO))
def test_aid_for_two_states_in_one_sentence_is_no_joint_format(language: str) -> None:
    item = _code(AID_FOR_TWO[language])
    assert item.kind == "equipment_transfer"
    assert item.framework not in ("bilateral", "other_multilateral")


# -- "the two countries" in the reporting sentence is the pair itself ----------------------------

DIGESTS = {
    "en": (
        "Central Asia this week\n"
        "A round-up of the week's news from the region.\n"
        "- Kazakhstan's Interior Ministry said two fugitives wanted by China for fraud"
        " were handed over to the Chinese police at the border on Monday under the"
        " extradition treaty between the two countries.\n"
        "- Uzbekistan's Interior Ministry and China's Ministry of Public Security signed"
        " a memorandum on fighting cybercrime and terrorism in Tashkent.\n"
        "- Kyrgyzstan's parliament approved a new budget.\n"
        "- Tajikistan launched a new hydropower unit.\n"
    ),
    "ru": (
        "Центральная Азия за неделю\n"
        "Обзор главных новостей региона.\n"
        "- МВД Казахстана сообщило, что двое беглецов, разыскиваемых Китаем за"
        " мошенничество, в понедельник переданы китайской полиции на границе в"
        " соответствии с договором об экстрадиции между двумя странами.\n"
        "- МВД Узбекистана и Министерство общественной безопасности КНР подписали в"
        " Ташкенте меморандум о борьбе с киберпреступностью и терроризмом.\n"
        "- Парламент Кыргызстана одобрил новый бюджет.\n"
        "- Таджикистан запустил новый агрегат ГЭС.\n"
    ),
    "zh": (
        "中亚一周要闻\n"
        "本周中亚地区要闻如下。\n"
        "——哈萨克斯坦内务部称，两名因诈骗被中方通缉的逃犯周一在边境口岸被移交给中国警方，依据的是两国引渡条约。\n"
        "——乌兹别克斯坦内务部与中国公安部在塔什干签署打击网络犯罪和恐怖主义合作备忘录。\n"
        "——吉尔吉斯斯坦议会通过新预算。\n"
        "——塔吉克斯坦新水电机组投产。\n"
    ),
}


@pytest.mark.parametrize("language", sorted(DIGESTS))
def test_the_two_countries_in_the_reporting_sentence_keep_it_bilateral(language: str) -> None:
    item = _code(DIGESTS[language])
    assert item.framework == "bilateral"
    assert item.countries == ["CN", "KZ", "UZ"]


# -- a course several partner states' officers sit together -------------------------------------

COURSES = {
    "en": (
        "Central Asian police officers finish course in Urumqi\n"
        "Thirty police officers from Kazakhstan, Kyrgyzstan and Tajikistan finished a "
        "four-week counter-terrorism training course run by the Ministry of Public Security "
        "at a police college in Urumqi on Friday.\n"
        "They studied the tracing of terrorist financing and border security.\n",
        "Kazakh police officers finish course in Urumqi\n"
        "Thirty police officers from Kazakhstan finished a four-week counter-terrorism "
        "training course run by the Ministry of Public Security at a police college in Urumqi "
        "on Friday.\n"
        "They studied the tracing of terrorist financing and border security.\n",
    ),
    "ru": (
        "Полицейские Кыргызстана и Таджикистана прошли обучение в Китае\n"
        "Двадцать сотрудников МВД Кыргызстана и МВД Таджикистана завершили курс повышения "
        "квалификации по борьбе с терроризмом в полицейском колледже в Урумчи.\n"
        "Слушатели изучали методы выявления финансирования терроризма.\n",
        "Полицейские Кыргызстана прошли обучение в Китае\n"
        "Двадцать сотрудников МВД Кыргызстана завершили курс повышения квалификации по "
        "борьбе с терроризмом в полицейском колледже в Урумчи.\n"
        "Слушатели изучали методы выявления финансирования терроризма.\n",
    ),
    "zh": (
        "中亚警官反恐培训班结业\n"
        "来自哈萨克斯坦、吉尔吉斯斯坦和塔吉克斯坦的30名警官在乌鲁木齐完成公安部举办的为期四周的"
        "反恐培训班。\n学员学习了打击恐怖主义融资和边境安全管控的方法。\n",
        "哈萨克斯坦警官反恐培训班结业\n"
        "来自哈萨克斯坦的30名警官在乌鲁木齐完成公安部举办的为期四周的反恐培训班。\n"
        "学员学习了打击恐怖主义融资和边境安全管控的方法。\n",
    ),
}


@pytest.mark.parametrize("language", sorted(COURSES))
def test_a_course_of_several_states_is_other_multilateral(language: str) -> None:
    several, one = COURSES[language]
    item = _code(several)
    assert item.kind == "training_education"
    assert item.framework == "other_multilateral"
    item = _code(one)
    assert item.kind == "training_education"
    assert item.framework == "bilateral"


# (Chinese: the short texts written for this test are not found relevant, a relevance question;
# the tuning sets' two Chinese pages of this kind are the check, see gold/README.md)
OPEN_CLASSES = {
    "en": (
        "Foreign officers graduate from PLA academy\n"
        "A PLA academy held a graduation ceremony for 150 foreign officers from more than 40 "
        "countries, including officers from Kazakhstan, Kyrgyzstan and Tajikistan, who "
        "finished a one-year counter-terrorism command course.\n"
        "They studied joint operations and border security.\n"
    ),
    "ru": (
        "Иностранные офицеры окончили академию НОАК\n"
        "Академия НОАК провела выпуск 150 иностранных офицеров из 40 стран, в том числе из "
        "Казахстана, Кыргызстана и Таджикистана, завершивших годичный курс обучения по борьбе "
        "с терроризмом.\n"
        "Слушатели изучали управление совместными операциями и охрану границы.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(OPEN_CLASSES))
def test_a_class_drawn_from_the_world_is_no_format_of_the_partners_named(language: str) -> None:
    item = _code(OPEN_CLASSES[language])
    assert item.kind == "training_education"
    assert item.framework != "other_multilateral"


# -- an exercise of several states' forces is never bilateral -----------------------------------

CONTESTS = {
    "en": (
        "PLA unit joins multinational exercise in Kyrgyzstan\n"
        "A unit of the Chinese People's Liberation Army took part in a multinational "
        "counter-terrorism exercise at a range near Bishkek with Kyrgyz troops, the Kyrgyz "
        "Defence Ministry said.\n"
        "Units of several other foreign armies also took part.\n",
        "PLA unit joins exercise in Kyrgyzstan\n"
        "A unit of the Chinese People's Liberation Army held a joint counter-terrorism "
        "exercise at a range near Bishkek with Kyrgyz troops, the Kyrgyz Defence Ministry "
        "said.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(CONTESTS))
def test_a_multinational_contest_with_one_partner_found_is_not_bilateral(language: str) -> None:
    several, pair = CONTESTS[language]
    item = _code(several)
    assert item.kind == "multilateral_exercise"
    assert item.framework == "other_multilateral"
    item = _code(pair)
    assert item.kind == "bilateral_exercise"
    assert item.framework == "bilateral"


# -- the body an event was organised under ------------------------------------------------------

ORGANISED_UNDER = {
    "en": (
        "Central Asian police officers finish course in Urumqi\n"
        "Thirty police officers from Kazakhstan, Kyrgyzstan and Tajikistan finished a "
        "four-week counter-terrorism training course at a police college in Urumqi on "
        "Friday.\n\n"
        "The course was organised under the China-Central Asia law enforcement security "
        "mechanism, the Ministry of Public Security said.\n",
        "Central Asian police officers finish course in Urumqi\n"
        "Thirty police officers from Kazakhstan, Kyrgyzstan and Tajikistan finished a "
        "four-week counter-terrorism training course at a police college in Urumqi on "
        "Friday.\n\n"
        "The Ministry of Public Security said it valued the China-Central Asia law "
        "enforcement security mechanism.\n",
    ),
    "ru": (
        "Полицейские Центральной Азии прошли обучение в Урумчи\n"
        "Тридцать сотрудников полиции из Казахстана, Кыргызстана и Таджикистана завершили "
        "курс повышения квалификации по борьбе с терроризмом в Урумчи.\n"
        "Курс был организован в рамках формата «Центральная Азия – Китай», сообщило "
        "Министерство общественной безопасности КНР.\n",
        "Полицейские Центральной Азии прошли обучение в Урумчи\n"
        "Тридцать сотрудников полиции из Казахстана, Кыргызстана и Таджикистана завершили "
        "курс повышения квалификации по борьбе с терроризмом в Урумчи.\n"
        "Слушатели изучали методы выявления финансирования терроризма, сообщило Министерство "
        "общественной безопасности КНР, которое развивает сотрудничество в рамках формата "
        "«Центральная Азия – Китай».\n",
    ),
}


@pytest.mark.parametrize("language", sorted(ORGANISED_UNDER))
def test_the_body_an_event_was_organised_under_is_its_framework(language: str) -> None:
    organised, general = ORGANISED_UNDER[language]
    item = _code(organised)
    assert item.kind == "training_education"
    assert item.framework == "C5+China"
    item = _code(general)
    assert item.kind == "training_education"
    assert item.framework == "other_multilateral"
