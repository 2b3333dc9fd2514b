"""Sides of an event on pages naming several Central Asian states: the eighteenth round's
causes (issue 13, branch coder48), each with its contrast, on hand-written texts (none copied
from a gold text).

A digest (a day's or a week's news: numbered entries, bracketed headings 【...】, or run-in
heads of one to three capitalised words and a full stop, Кыргызстан. ...) is a page of several
items, each entry its own event: a state named in one entry is no side of another entry's
event. A paper or an article that opens with a paragraph of its own and then numbers its
findings or names its sections in run-in heads is one item; so is a page whose numbered lines
are a table of contents (headlines one a line, the stories after them).

A body of other states (the CSTO, the CIS: no state's, no framework's of the region's, no
field's) named with partner states in a sentence that does not name the focal state is no
gathering of the focal state's: the sentence reports those states' own doing (Kazakhstan will
host a CSTO drill and a Kyrgyz delegation will come), so its states are no sides of the item's
event; the same state said to join the talks with the focal state's delegation is one.

A sentence after the lead that opens on another act of the day or before it (On the same day,
В тот же день, 当天) and names no security matter reports that act: the states named there (firms
from Kazakhstan at a fair the delegation toured) are its sides, not the item's event's; a state
said there to join the security talks stays a side.

A compound of two states' names before a section of a border (the Kyrgyz-Tajik section of the
state border, на кыргызско-таджикском участке государственной границы) names a stretch of the
border, as the compound before the border word itself does: where the equipment goes, not a
side; the same state said to receive part of it is one.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.segment import digest_entries, segment_text

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

EN_DIGEST = (
    "Daily round-up | Tashkent Courier\n"
    "What happened on 3 March\n"
    "1. The government raised the minimum pension by 10 percent from April.\n"
    "2. Uzbek and Chinese police officers completed a week of joint training in Samarkand on "
    "countering drug trafficking and terrorism, the Interior Ministry said.\n"
    "3. Tajikistan's president arrived in Turkmenistan on a two-day working visit.\n"
    "4. Kazakhstan and China agreed to open a weekly flight between Almaty and Urumqi.\n"
    "5. Heavy rain is expected in the Fergana valley at the weekend.\n"
)
EN_PAPER = (
    "Guarding the roads: notes on China's security ties in the region\n"
    "Over the past decade China has become a visible security partner of its Central Asian "
    "neighbours, training their police, donating equipment and holding occasional joint "
    "drills with them, mostly without much publicity and mostly bilaterally, as this note "
    "shows for the three states where the ties are densest.\n"
    "1. Kyrgyz and Chinese border units have held two joint counter-terrorism drills since "
    "2024.\n"
    "2. Tajikistan's border troops depend on Chinese donations of vehicles and cameras.\n"
    "3. Kazakhstan trains a few police officers in China each year.\n"
)


def test_a_numbered_digest_entry_is_an_item_of_its_own() -> None:
    coded = code_document(make_doc(EN_DIGEST))
    assert coded.relevant
    # the joint training's sides: not the states of the other entries
    assert set(coded.countries) & CA == {"UZ"}
    assert len(segment_text(EN_DIGEST)) == 6  # the title and opening, then five entries


def test_a_digest_entry_naming_the_focal_state_and_a_partner_keeps_both() -> None:
    text = EN_DIGEST.replace(
        "4. Kazakhstan and China agreed to open a weekly flight between Almaty and Urumqi.",
        "4. Kazakh and Chinese border guards held a joint patrol against smugglers near Khorgos.",
    )
    coded = code_document(make_doc(text))
    assert set(coded.countries) & CA == {"UZ", "KZ"}


def test_a_paper_with_an_opening_paragraph_and_numbered_findings_is_one_item() -> None:
    assert digest_entries(EN_PAPER, 0, len(EN_PAPER)) == []
    assert len(segment_text(EN_PAPER)) == 1
    coded = code_document(make_doc(EN_PAPER))
    assert coded.relevant
    assert {"KG", "TJ"} <= set(coded.countries)


def test_a_table_of_contents_is_no_digest() -> None:
    text = (
        "Evening news, 12 May\n"
        "In this edition:\n"
        "1. Parliament passes the new budget law in its final reading\n"
        "2. Chinese and Kazakh police hold a joint anti-drug operation\n"
        "3. The national team wins its friendly against Oman\n"
        "Parliament passes the new budget law\n"
        "Deputies approved the budget for next year.\n"
        "Chinese and Kazakh police hold a joint anti-drug operation\n"
        "Police of China and Kazakhstan seized 40 kg of heroin in a joint operation.\n"
    )
    assert digest_entries(text, 0, len(text)) == []


RU_DIGEST = (
    "Регион за неделю\n"
    "Обзор | 14 апреля\n"
    "Кыргызстан. Пограничники Кыргызстана и Китая провели совместное патрулирование на "
    "перевале Торугарт и задержали двух контрабандистов с оружием.\n"
    "Казахстан. Президент принял в Астане делегацию Всемирного банка; обсуждались "
    "водные проекты.\n"
    "Туркменистан. В Ашхабаде открылась выставка ковров, в которой участвуют мастера из "
    "Китая и Ирана.\n"
    "Узбекистан. Президент Шавкат Мирзиёев провел в Ташкенте переговоры с канцлером Австрии.\n"
)


def test_a_digest_of_run_in_state_heads_keeps_each_state_to_its_entry() -> None:
    coded = code_document(make_doc(RU_DIGEST))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


def test_run_in_heads_after_an_opening_paragraph_are_sections_of_one_article() -> None:
    text = (
        "Тихая реформа армии\n"
        "Казахстан за последние годы перестраивает свои вооруженные силы, опираясь на "
        "собственную промышленность и на нескольких партнеров; о Китае в этих планах почти "
        "не говорят, хотя торговля с ним растет из года в год и уже превысила все прежние "
        "показатели.\n"
        "Бюджет. Расходы на оборону выросли до 1,2 процента ВВП.\n"
        "Партнеры. Армия регулярно проводит учения с Узбекистаном и Кыргызстаном.\n"
        "Граница. Пограничная служба получила новые вертолеты для охраны рубежей с Китаем.\n"
    )
    assert digest_entries(text, 0, len(text)) == []
    assert len(segment_text(text)) == 1


ZH_DIGEST = (
    "一周中亚速览\n"
    "2026年4月20日 来源：某新闻网\n"
    "【吉尔吉斯斯坦】中吉两国边防部门举行联合巡逻\n"
    "4月16日，中国和吉尔吉斯斯坦边防部门在伊尔克什坦口岸附近举行联合巡逻，共同打击走私和"
    "非法越境活动。\n"
    "【哈萨克斯坦】哈萨克斯坦与中国签署小麦输华议定书\n"
    "哈萨克斯坦农业部与中国海关总署签署议定书，哈方小麦将扩大对华出口。\n"
    "【乌兹别克斯坦】乌兹别克斯坦棉花收购价上调\n"
    "乌兹别克斯坦农业部宣布，今年棉花收购价上调5%。\n"
)


def test_a_digest_of_bracketed_heads_keeps_each_state_to_its_entry() -> None:
    coded = code_document(make_doc(ZH_DIGEST))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


def test_a_single_bracketed_byline_makes_no_digest() -> None:
    text = (
        "中哈两国警方联合破获跨境贩毒案\n"
        "【本报讯 记者 王明】近日，中国和哈萨克斯坦警方联合破获一起跨境贩毒案，缴获毒品30公斤。\n"
        "乌兹别克斯坦和吉尔吉斯斯坦警方也提供了线索。\n"
    )
    assert digest_entries(text, 0, len(text)) == []


OUTSIDE_BODY = {
    "en": (
        "Kazakh Defence Ministry announces Chinese delegation's visit\n"
        "ASTANA, May 4 - A delegation of China's Defence Ministry will hold talks in Astana next week on military education and border security cooperation, the Kazakh Defence Ministry said on Monday.\n"
        "The ministry also said that Kazakhstan will host a CSTO staff exercise in the spring and that a group of Kyrgyz officers will come to Almaty for consultations on military education.\n"
    ),
    "en_near": (
        "Kazakh Defence Ministry announces Chinese delegation's visit\n"
        "ASTANA, May 4 - A delegation of China's Defence Ministry will hold talks in Astana next week on military education and border security cooperation, the Kazakh Defence Ministry said on Monday.\n"
        "The ministry also said that a group of Kyrgyz officers will join the talks with the Chinese delegation in Astana on military education.\n"
    ),
    "ru": (
        "Минобороны Казахстана сообщило о визите китайской делегации\n"
        "АСТАНА, 4 мая. Делегация Министерства обороны КНР на следующей неделе проведет в Астане переговоры о военном образовании и сотрудничестве в сфере охраны границы, сообщило Минобороны Казахстана.\n"
        "В ведомстве также сообщили, что Казахстан весной примет штабные учения ОДКБ, а делегация Кыргызстана посетит Алматы для консультаций по военному образованию.\n"
    ),
    "ru_near": (
        "Минобороны Казахстана сообщило о визите китайской делегации\n"
        "АСТАНА, 4 мая. Делегация Министерства обороны КНР на следующей неделе проведет в Астане переговоры о военном образовании и сотрудничестве в сфере охраны границы, сообщило Минобороны Казахстана.\n"
        "В ведомстве также сообщили, что делегация Кыргызстана примет участие в переговорах с китайской делегацией.\n"
    ),
    "zh": (
        "哈萨克斯坦国防部：中国国防部代表团将访问阿斯塔纳\n"
        "据哈萨克斯坦国防部4日消息，中国国防部代表团下周将访问阿斯塔纳，就军事教育和边境安全合作举行会谈。\n"
        "该部还表示，哈萨克斯坦明年春季将承办集体安全条约组织联合演习，吉尔吉斯斯坦代表团将访问阿拉木图，就军事教育进行磋商。\n"
    ),
    "zh_near": (
        "哈萨克斯坦国防部：中国国防部代表团将访问阿斯塔纳\n"
        "据哈萨克斯坦国防部4日消息，中国国防部代表团下周将访问阿斯塔纳，就军事教育和边境安全合作举行会谈。\n"
        "该部还表示，吉尔吉斯斯坦代表团也将参加与中方代表团的会谈。\n"
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_partners_named_with_a_body_of_other_states_are_its_business(language: str) -> None:
    coded = code_document(make_doc(OUTSIDE_BODY[language]))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_partner_joining_the_focal_states_talks_is_a_side(language: str) -> None:
    coded = code_document(make_doc(OUTSIDE_BODY[f"{language}_near"]))
    assert set(coded.countries) & CA == {"KZ", "KG"}


SAME_DAY = {
    "en": (
        "China and Tajikistan hold border security talks\n"
        "DUSHANBE, June 2 - Chinese and Tajik border officials held talks in Dushanbe on Tuesday on joint patrols and the fight against drug smuggling across the Pamir border.\n"
        "The two sides agreed to exchange information on armed groups near the border.\n"
        "On the same day the Chinese delegation toured a textile fair where companies from Kazakhstan and Uzbekistan showed their goods.\n"
    ),
    "en_near": (
        "China and Tajikistan hold border security talks\n"
        "DUSHANBE, June 2 - Chinese and Tajik border officials held talks in Dushanbe on Tuesday on joint patrols and the fight against drug smuggling across the Pamir border.\n"
        "The two sides agreed to exchange information on armed groups near the border.\n"
        "On the same day officials from Kazakhstan joined the talks on fighting drug smuggling.\n"
    ),
    "ru": (
        "Китай и Таджикистан обсудили охрану границы\n"
        "ДУШАНБЕ, 2 июня. Пограничные ведомства Китая и Таджикистана провели во вторник в Душанбе переговоры о совместном патрулировании и борьбе с контрабандой наркотиков на памирском участке границы.\n"
        "Стороны договорились обмениваться сведениями о вооруженных группах у границы.\n"
        "В тот же день китайская делегация посетила текстильную ярмарку, где свои товары представили компании из Казахстана и Узбекистана.\n"
    ),
    "ru_near": (
        "Китай и Таджикистан обсудили охрану границы\n"
        "ДУШАНБЕ, 2 июня. Пограничные ведомства Китая и Таджикистана провели во вторник в Душанбе переговоры о совместном патрулировании и борьбе с контрабандой наркотиков на памирском участке границы.\n"
        "Стороны договорились обмениваться сведениями о вооруженных группах у границы.\n"
        "В тот же день к переговорам о борьбе с контрабандой наркотиков присоединились представители Казахстана.\n"
    ),
    "zh": (
        "中塔两国边防部门举行边境安全会谈\n"
        "6月2日，中国和塔吉克斯坦边防部门在杜尚别举行会谈，就联合巡逻和打击帕米尔边境毒品走私交换意见。\n"
        "双方同意交流边境附近武装团伙的情报。\n"
        "当天，中方代表团还参观了纺织品博览会，来自哈萨克斯坦和乌兹别克斯坦的企业参展。\n"
    ),
    "zh_near": (
        "中塔两国边防部门举行边境安全会谈\n"
        "6月2日，中国和塔吉克斯坦边防部门在杜尚别举行会谈，就联合巡逻和打击帕米尔边境毒品走私交换意见。\n"
        "双方同意交流边境附近武装团伙的情报。\n"
        "当天，哈萨克斯坦也派代表参加了打击毒品走私的会谈。\n"
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_states_of_another_act_of_the_day_with_no_security_are_not_sides(language: str) -> None:
    coded = code_document(make_doc(SAME_DAY[language]))
    assert coded.relevant
    assert set(coded.countries) & CA == {"TJ"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_state_joining_the_security_talks_the_same_day_is_a_side(language: str) -> None:
    coded = code_document(make_doc(SAME_DAY[f"{language}_near"]))
    assert set(coded.countries) & CA == {"TJ", "KZ"}


BORDER_SECTION = {
    "en": (
        "China hands over patrol vehicles to Kyrgyz border service\n"
        "BISHKEK, March 3 - China handed over 20 off-road vehicles and thermal cameras to the Border Service of Kyrgyzstan on Tuesday to strengthen border security.\n"
        "The vehicles will go to units guarding the Kyrgyz-Tajik section of the state border in Batken region.\n"
    ),
    "en_near": (
        "China hands over patrol vehicles to Kyrgyz border service\n"
        "BISHKEK, March 3 - China handed over 20 off-road vehicles and thermal cameras to the Border Service of Kyrgyzstan on Tuesday to strengthen border security.\n"
        "Tajikistan's border troops also received ten of the vehicles at the ceremony.\n"
    ),
    "ru": (
        "Китай передал Погранслужбе Кыргызстана патрульные автомобили\n"
        "БИШКЕК, 3 марта. Китай передал во вторник Пограничной службе Кыргызстана 20 внедорожников и тепловизоры для укрепления охраны границы.\n"
        "Техника будет направлена в подразделения на кыргызско-таджикском участке государственной границы в Баткенской области.\n"
    ),
    "ru_near": (
        "Китай передал Погранслужбе Кыргызстана патрульные автомобили\n"
        "БИШКЕК, 3 марта. Китай передал во вторник Пограничной службе Кыргызстана 20 внедорожников и тепловизоры для укрепления охраны границы.\n"
        "На той же церемонии такую же партию китайских автомобилей получили пограничные войска Таджикистана.\n"
    ),
    "zh": (
        "中国向吉尔吉斯斯坦边防局移交巡逻车辆\n"
        "3月3日，中国向吉尔吉斯斯坦边防局移交20辆越野车和热成像仪，用于加强边境安全。\n"
        "这批装备将配发给吉塔边境段巴特肯州的边防部队。\n"
    ),
    "zh_near": (
        "中国向吉尔吉斯斯坦边防局移交巡逻车辆\n"
        "3月3日，中国向吉尔吉斯斯坦边防局移交20辆越野车和热成像仪，用于加强边境安全。\n"
        "在同一仪式上，塔吉克斯坦边防军也接收了一批中国车辆。\n"
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_border_section_between_two_partners_names_no_side(language: str) -> None:
    coded = code_document(make_doc(BORDER_SECTION[language]))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_partner_receiving_part_of_the_equipment_is_a_side(language: str) -> None:
    coded = code_document(make_doc(BORDER_SECTION[f"{language}_near"]))
    assert set(coded.countries) & CA == {"KG", "TJ"}


BODY_HEAD = {
    "en": (
        "China and Tajikistan hold border security talks\n"
        "DUSHANBE, June 2 - Chinese and Tajik border officials held talks in Dushanbe on Tuesday on joint patrols and the fight against drug smuggling across the Pamir border.\n"
        "The two sides agreed to exchange information on armed groups near the border.\n"
    ),
    "ru": (
        "Китай и Таджикистан обсудили охрану границы\n"
        "ДУШАНБЕ, 2 июня. Пограничные ведомства Китая и Таджикистана провели во вторник в Душанбе переговоры о совместном патрулировании и борьбе с контрабандой наркотиков на памирском участке границы.\n"
        "Стороны договорились обмениваться сведениями о вооруженных группах у границы.\n"
    ),
    "zh": (
        "中塔两国边防部门举行边境安全会谈\n"
        "6月2日，中国和塔吉克斯坦边防部门在杜尚别举行会谈，就联合巡逻和打击帕米尔边境毒品走私交换意见。\n"
        "双方同意交流边境附近武装团伙的情报。\n"
    ),
}
BODY_TAIL = {
    "en": (
        "Later that day officers of the Border Service of Kyrgyzstan joined the talks on drug smuggling.\n",
        "Later that day the chairman of the Border Service of Kyrgyzstan received the ambassador of Tajikistan.\n",
    ),
    "ru": (
        "Позднее в тот же день в переговорах участвовали и сотрудники Пограничной службы Кыргызстана.\n",
        "Позднее в тот же день председатель Пограничной службы Кыргызстана принял посла Таджикистана.\n",
    ),
    "zh": (
        "当天，吉尔吉斯斯坦边防局代表也参加了打击毒品走私的会谈。\n",
        "当天，吉尔吉斯斯坦边防局局长会见了塔吉克斯坦驻吉大使。\n",
    ),
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_partner_body_taking_part_the_same_day_is_a_side(language: str) -> None:
    coded = code_document(make_doc(BODY_HEAD[language] + BODY_TAIL[language][0]))
    assert set(coded.countries) & CA == {"TJ", "KG"}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_a_partner_body_own_business_the_same_day_is_no_side(language: str) -> None:
    coded = code_document(make_doc(BODY_HEAD[language] + BODY_TAIL[language][1]))
    assert set(coded.countries) & CA == {"TJ"}
