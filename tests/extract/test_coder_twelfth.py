"""Twelfth-round event-field rules (issue 13): the focal state's build-up in its own border
region is domestic capacity (not infrastructure or equipment handed over); a city's name standing
for its province or district is the state's code (guide item 7); a build-up at home with no
venue named is located in the focal state. Contrast texts written for these tests (zh/ru/en),
none copied from a gold text; each pair has a text the rule changes and one it must leave
alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder()


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


# --- the focal state's build-up at home ---------------------------------------------------

EN_HOME = (
    "Xinjiang builds new watchtowers along its border with Tajikistan\n"
    "Steppe News | May 4, 2026\n"
    "Chinese authorities in Xinjiang have built 40 watchtowers and a patrol road along the border "
    "with Tajikistan, the regional border police said on Monday.\n\n"
    "The towers carry cameras and radar and are staffed by border police officers, who will also "
    "train local herders to report illegal crossings and smuggling by terrorists. Tajikistan's "
    "border troops, who patrol the other side, said the towers would help them stop militants "
    "crossing from Afghanistan."
)
EN_ABROAD = (
    "China builds new border outposts for Tajikistan\n"
    "Steppe News | May 4, 2026\n"
    "China has built 4 border outposts for Tajikistan's border troops along the Afghan frontier, "
    "the Tajik border service said on Monday.\n\n"
    "The outposts carry cameras and radar and will help the Tajik troops stop smuggling and the "
    "movement of terrorists."
)
RU_HOME = (
    "В Синьцзяне построены новые пограничные посты\n"
    "Новости Азии | 4 мая 2026\n"
    "В Синьцзяне на границе с Казахстаном построены 12 новых пограничных постов с системами "
    "видеонаблюдения, сообщило пограничное управление общественной безопасности района.\n\n"
    "Посты будут охранять полицейские и пограничники, которые помогут пресекать контрабанду и "
    "проникновение террористов. Пограничники Казахстана, охраняющие другую сторону "
    "границы, заявили, что посты помогут им остановить боевиков и контрабандистов."
)
RU_ABROAD = (
    "Китай построил новые пограничные посты для Казахстана\n"
    "Новости Азии | 4 мая 2026\n"
    "Китай построил 12 новых пограничных постов для Пограничной службы КНБ Казахстана с "
    "системами видеонаблюдения, сообщила пресс-служба ведомства.\n\n"
    "Посты помогут казахстанским пограничникам пресекать контрабанду и проникновение "
    "террористов."
)
ZH_HOME = (
    "新疆边境新建一批边防哨所\n"
    "新闻网 2026年5月4日\n"
    "新疆在与吉尔吉斯斯坦接壤的边境一线新建12座边防哨所，配备视频监控系统，当地边防部门4日介绍。\n"
    "哨所将由边防民警值守，重点打击走私和恐怖分子越境活动。吉尔吉斯斯坦边防部队表示，"
    "哨所有助于吉方在另一侧共同打击恐怖分子和走私活动。"
)
ZH_ABROAD = (
    "中国为吉尔吉斯斯坦援建边防哨所\n"
    "新闻网 2026年5月4日\n"
    "中国为吉尔吉斯斯坦边防部队援建的12座边防哨所4日在比什凯克移交，配备视频监控系统。\n"
    "哨所将帮助吉方打击走私和恐怖分子越境活动。"
)


@pytest.mark.parametrize(
    ("home", "abroad"), [(EN_HOME, EN_ABROAD), (RU_HOME, RU_ABROAD), (ZH_HOME, ZH_ABROAD)]
)
def test_a_build_up_in_the_home_border_region_is_domestic_capacity(home: str, abroad: str) -> None:
    record = _code(home)
    assert record.relevant
    assert record.kind == "domestic_capacity"
    assert record.framework == "unilateral"
    evidence = next(e for e in record.evidence if e.field == "kind")
    assert evidence.basis == "home_region"
    other = _code(abroad)
    assert other.relevant
    assert other.kind == "infrastructure"
    assert other.framework != "unilateral"


def test_a_partner_taking_part_in_the_lead_keeps_the_cooperative_kind() -> None:
    # Xinjiang's police hand equipment to a partner's police: a transfer, not a build-up
    text = (
        "Xinjiang police hand over patrol vehicles to Kyrgyzstan's interior ministry\n"
        "Steppe News | May 4, 2026\n"
        "The Xinjiang public security department handed over 30 patrol vehicles and drones to "
        "Kyrgyzstan's Ministry of Internal Affairs in Kashgar on Monday.\n\n"
        "The equipment will help the Kyrgyz police fight drug trafficking and terrorism."
    )
    record = _code(text)
    assert record.kind == "equipment_transfer"


# --- a city's name for its province; a build-up at home located at home ---------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "Китай и Казахстан провели совместные учения\n"
            "Новости | 4 мая 2026\n"
            "Подразделения Китая и Казахстана провели совместные антитеррористические учения в "
            "Карагандинской области, сообщило Министерство обороны Казахстана.",
            "KZ",
        ),
        (
            "Китай и Казахстан провели совместные учения\n"
            "Новости | 4 мая 2026\n"
            "Подразделения Китая и Казахстана провели совместные антитеррористические учения в "
            "Караганде, сообщило Министерство обороны Казахстана.",
            "Karaganda",
        ),
        (
            "China and Kazakhstan hold joint drill\n"
            "Steppe News | May 4, 2026\n"
            "Chinese and Kazakh troops held a joint counter-terrorism exercise in the Aktobe "
            "region on Monday, Kazakhstan's defence ministry said.",
            "KZ",
        ),
        (
            "China and Kazakhstan hold joint drill\n"
            "Steppe News | May 4, 2026\n"
            "Chinese and Kazakh troops held a joint counter-terrorism exercise in Aktobe on "
            "Monday, Kazakhstan's defence ministry said.",
            "Aktobe",
        ),
        (
            "中吉两国边防部门举行联合演练\n"
            "新闻网 2026年5月4日\n"
            "中国和吉尔吉斯斯坦边防部门4日在喀什地区举行联合反恐演练。",
            "CN",
        ),
        (
            "中吉两国边防部门举行联合演练\n"
            "新闻网 2026年5月4日\n"
            "中国和吉尔吉斯斯坦边防部门4日在喀什举行联合反恐演练。",
            "Kashgar",
        ),
    ],
)
def test_a_city_named_for_its_province_is_the_state(text: str, where: str) -> None:
    record = _code(text)
    assert record.relevant
    assert record.location == where


def test_a_build_up_at_home_with_no_venue_is_located_in_the_focal_state() -> None:
    record = _code(ZH_HOME)
    assert record.location == "CN"
    evidence = next(e for e in record.evidence if e.field == "location")
    assert evidence.basis == "kind"
    # a cooperative kind with no venue named gets no such default
    abroad = _code(EN_ABROAD)
    assert abroad.location != "CN"


# --- an incident a question relays, not the focal state's, that the answer does not speak of ---

EN_ASKED = (
    "Foreign Ministry Spokesperson's Regular Press Conference on May 4, 2026\n\n"
    "Reuters: Uzbekistan's army said it clashed with armed drug smugglers on its border with "
    "Afghanistan on Monday. Is China in contact with Uzbekistan on border security?\n\n"
    "Mao Ning: China and Uzbekistan are comprehensive strategic partners. China supports "
    "Uzbekistan in safeguarding its security and stability and is ready to deepen cooperation "
    "with Uzbekistan in counter-terrorism and border management. I have nothing more to share "
    "on the specifics.\n"
)
EN_NOTED = EN_ASKED.replace(
    "China and Uzbekistan are comprehensive strategic partners.",
    "China has noted the incident on the border.",
)
ZH_ASKED = (
    "2026年5月4日外交部发言人主持例行记者会\n\n"
    "法新社记者：乌兹别克斯坦军方称，4日乌军在乌阿边境同武装贩毒分子发生冲突。中方是否同乌方就边境安全保持沟通？\n\n"
    "毛宁：中乌是全面战略伙伴。中方支持乌方维护国家安全稳定，愿同乌方深化反恐和边境管理合作。"
    "具体情况我没有可以提供的信息。\n"
)
ZH_NOTED = ZH_ASKED.replace("中乌是全面战略伙伴。", "中方注意到乌阿边境发生的事件。")
RU_ASKED = (
    "Брифинг официального представителя МИД КНР 4 мая 2026 года\n\n"
    "ТАСС: Армия Узбекистана сообщила о столкновении с вооруженными наркоторговцами на границе "
    "с Афганистаном. Поддерживает ли Китай связь с Узбекистаном по вопросам безопасности "
    "границы?\n\n"
    "Мао Нин: Китай и Узбекистан являются всесторонними стратегическими партнерами. Китай "
    "поддерживает Узбекистан в обеспечении безопасности и готов углублять с ним "
    "сотрудничество в борьбе с терроризмом и охране границы.\n"
)
RU_NOTED = RU_ASKED.replace(
    "Китай и Узбекистан являются всесторонними стратегическими партнерами.",
    "Китай обратил внимание на инцидент на границе.",
)


@pytest.mark.parametrize(
    ("asked", "noted"), [(EN_ASKED, EN_NOTED), (ZH_ASKED, ZH_NOTED), (RU_ASKED, RU_NOTED)]
)
def test_an_incident_asked_about_and_not_answered_is_no_event(asked: str, noted: str) -> None:
    record = _code(asked)
    assert record.relevant
    assert record.kind is None
    other = _code(noted)
    assert other.relevant
    assert other.kind == "incident"


# --- the lead past a dateline written as a sentence of its own --------------------------------


@pytest.mark.parametrize(
    ("text", "last_words"),
    [
        (
            "Tokayev receives China's minister\n"
            "ASTANA, 14 October – Kazinform. President Tokayev received China's Minister of "
            "Public Security in the Akorda. They discussed drug trafficking.",
            "in the Akorda.",
        ),
        (
            "Жапаров принял министра Китая\n"
            "Бишкек, 3 мая 2026 г. – Кабар. Президент Садыр Жапаров принял министра "
            "общественной безопасности Китая. Стороны обсудили борьбу с терроризмом.",
            "безопасности Китая.",
        ),
        (
            "Tokayev receives China's minister\n"
            "President Tokayev received China's Minister of Public Security in the Akorda. They "
            "discussed drug trafficking.",
            "in the Akorda.",
        ),
        (
            # a short first sentence without a date or a dash is a sentence, not a dateline
            "Tokayev receives China's minister\n"
            "The talks were short. President Tokayev received China's minister in the Akorda.",
            "were short.",
        ),
    ],
)
def test_the_lead_runs_past_a_dateline_sentence(text: str, last_words: str) -> None:
    from steppewatch.extract.coder_background import lead_end

    assert text[: lead_end(0, text)].rstrip().endswith(last_words)


# --- the level: a PRC ambassador meeting a partner's interior minister is `other` (guide 5) ---


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "2026年5月4日，中国驻吉尔吉斯斯坦大使会见吉内务部长，双方就打击恐怖主义和保护中国公民安全"
            "交换意见。",
            "other",
        ),
        (
            "2026年5月4日，公安部部长王小洪在比什凯克会见吉尔吉斯斯坦内务部长，双方就打击恐怖主义和"
            "保护中国公民安全交换意见。",
            "interior_public_security",
        ),
        (
            "On May 4, 2026 China's ambassador to Kyrgyzstan met Kyrgyzstan's interior minister; "
            "they discussed fighting terrorism and the safety of Chinese citizens.",
            "other",
        ),
        (
            "4 мая 2026 года Посол КНР в Кыргызстане встретился с министром внутренних дел "
            "Кыргызстана; стороны обсудили борьбу с терроризмом и безопасность граждан Китая.",
            "other",
        ),
    ],
)
def test_the_chinese_ambassador_sets_the_level(text: str, level: str) -> None:
    record = _code(text)
    assert record.kind == "meeting"
    assert record.level == level


# --- an attack a question asks to confirm, and the answer speaks of: reported -------------------

ZH_CONFIRMED = (
    "2026年6月2日外交部发言人主持例行记者会\n\n"
    "问：据报道，6月1日，吉尔吉斯斯坦奥什州一中资企业工地遭不明身份人员袭击，造成两名中国公民受伤。"
    "中方能否证实？\n"
    "答：我们对这一事件表示强烈谴责。驻吉尔吉斯斯坦使馆已要求吉方尽快破案，保护在吉中国公民安全。\n"
)
ZH_UNCONFIRMED = ZH_CONFIRMED.replace(
    "我们对这一事件表示强烈谴责。驻吉尔吉斯斯坦使馆已要求吉方尽快破案，保护在吉中国公民安全。",
    "我不了解你提到的情况。中方一贯要求吉方保护在吉中国公民安全。",
)
EN_CONFIRMED = (
    "Foreign Ministry Spokesperson's Regular Press Conference on June 2, 2026\n\n"
    "AFP: Reports say two Chinese workers were injured in an attack on a Chinese company's site "
    "in Kyrgyzstan's Osh region on Monday. Can you confirm?\n\n"
    "Lin Jian: We strongly condemn the incident. The Chinese Embassy in Kyrgyzstan has asked "
    "the Kyrgyz side to bring the attackers to justice and protect Chinese citizens.\n"
)
EN_UNCONFIRMED = EN_CONFIRMED.replace(
    "We strongly condemn the incident. The Chinese Embassy in Kyrgyzstan has asked the Kyrgyz "
    "side to bring the attackers to justice and protect Chinese citizens.",
    "I'm not aware of what you mentioned. China always asks Kyrgyzstan to protect Chinese "
    "citizens there.",
)


@pytest.mark.parametrize(
    ("confirmed", "unconfirmed"),
    [(ZH_CONFIRMED, ZH_UNCONFIRMED), (EN_CONFIRMED, EN_UNCONFIRMED)],
)
def test_an_attack_the_answer_speaks_of_is_reported(confirmed: str, unconfirmed: str) -> None:
    record = _code(confirmed)
    assert record.relevant
    assert record.kind == "incident"
    assert _code(unconfirmed).kind != "incident"


# --- a line of links to other articles between middle dots is no part of the article ---------


def test_links_between_middle_dots_name_no_event() -> None:
    body = (
        "Жители Оша вышли против китайской шахты\n"
        "Новости, 9 августа 2026\n"
        "Около ста жителей села под Ошем собрались у здания акимиата, требуя закрыть шахту "
        "китайской компании. Митинг прошел у ворот шахты, полиция задержала трех человек. В "
        "посольстве КНР попросили кыргызскую сторону обеспечить безопасность граждан Китая.\n\n"
    )
    dots = body + (
        "Читайте также: Узбекистан и Китай подписали соглашение о безопасности · В Таджикистане "
        "построили заставу\n"
    )
    plain = body + (
        "Узбекистан и Китай подписали соглашение о безопасности. В Таджикистане построили "
        "заставу.\n"
    )
    assert _code(dots).kind == "incident"
    assert "UZ" not in _code(dots).countries
    assert "UZ" in _code(plain).countries


# --- an organisation named in passing after a bilateral lead is not the event's framework ------

EN_PASSING = (
    "President receives China's Minister of Public Security\n"
    "Bishkek, May 4, 2026\n"
    "President Sadyr Japarov received China's Minister of Public Security Wang Xiaohong in "
    "Bishkek on Monday. They discussed fighting terrorism, drug trafficking and the safety of "
    "Chinese citizens.\n\n"
    "The President also thanked China for supporting Kyrgyzstan's initiatives in the Shanghai "
    "Cooperation Organisation."
)
EN_SCO_LEAD = (
    "SCO interior ministers meet in Bishkek\n"
    "Bishkek, May 4, 2026\n"
    "The meeting of interior ministers of the Shanghai Cooperation Organisation member states "
    "was held in Bishkek on Monday with China's Minister of Public Security Wang Xiaohong. "
    "They discussed fighting terrorism and drug trafficking."
)
RU_PASSING = (
    "Президент принял министра общественной безопасности КНР\n"
    "Бишкек, 4 мая 2026 года\n"
    "Президент Садыр Жапаров принял министра общественной безопасности Китайской Народной "
    "Республики Ван Сяохуна. Стороны обсудили борьбу с терроризмом и наркотрафиком.\n\n"
    "Глава государства также поблагодарил китайскую сторону за поддержку инициатив Кыргызстана "
    "в рамках Шанхайской организации сотрудничества."
)
ZH_PASSING = (
    "扎帕罗夫总统会见王小洪\n"
    "2026年5月4日，吉尔吉斯斯坦总统扎帕罗夫在比什凯克会见国务委员、公安部部长王小洪，双方就打击恐怖主义"
    "和毒品犯罪交换意见。\n"
    "扎帕罗夫还感谢中方支持吉方在上海合作组织框架内提出的倡议。"
)


@pytest.mark.parametrize("text", [EN_PASSING, RU_PASSING, ZH_PASSING])
def test_an_organisation_named_in_passing_is_not_the_framework(text: str) -> None:
    record = _code(text)
    assert record.kind == "meeting"
    assert record.framework == "bilateral"
    assert record.countries == ["CN", "KG"]


def test_an_organisation_meeting_in_the_lead_keeps_its_framework() -> None:
    record = _code(EN_SCO_LEAD)
    assert record.framework == "SCO"
    assert {"KZ", "TJ", "UZ"} <= set(record.countries)


# --- an exercise done with a partner is not unilateral, whatever its force's name --------------


@pytest.mark.parametrize(
    ("text", "framework"),
    [
        (
            "Подразделения Народной вооруженной полиции Китая и Нацгвардии Кыргызстана провели "
            "совместные антитеррористические учения\n"
            "Бишкек, 4 мая 2026 года\n"
            "Подразделения Народной вооруженной полиции Китая и Национальной гвардии Кыргызстана "
            "провели совместные антитеррористические учения на Иссык-Куле.",
            "bilateral",
        ),
        (
            "新疆公安与哈萨克斯坦警方举行联合反恐演练\n"
            "2026年5月4日，新疆公安厅与哈萨克斯坦内务部警察部队在霍尔果斯举行中哈联合反恐演练。",
            "bilateral",
        ),
        (
            "Chinese and Kazakh police hold joint anti-terrorism drill\n"
            "Urumqi, May 4, 2026\n"
            "Xinjiang police and Kazakhstan's police held a joint anti-terrorism exercise near "
            "Khorgos on Monday, practising the capture of armed militants crossing the border.",
            "bilateral",
        ),
    ],
)
def test_a_joint_exercise_is_not_unilateral(text: str, framework: str) -> None:
    record = _code(text)
    assert record.kind == "bilateral_exercise"
    assert record.framework == framework


def test_the_home_region_comes_from_the_study() -> None:
    from steppewatch.extract.codebook_coder import CodebookCoder as Coder
    from steppewatch.study import load_study

    # the PRC study names Xinjiang as the focal state's home border region; the Russia study
    # names none, so a Xinjiang build-up is no Russian domestic capacity there
    russia = Coder(study=load_study("russia_central_asia")).code(
        extract_document(EN_HOME.encode("utf-8"), source="contrast.txt")
    )
    assert russia.kind != "domestic_capacity"
    assert _code(EN_HOME).kind == "domestic_capacity"
