"""Twentieth-round framework and level rules, found on fresh pages (test21, test22, tune7):

- a headline that drops the article (Minister meets counterpart on sidelines of SCO meeting)
  still names the gathering as the occasion of the meeting, not the meeting's framework;
- a headline naming a framework's gathering (or one of its bodies) that the item says a meeting
  was held on the sidelines of, over a first sentence reporting a meeting with one partner
  state: that meeting is the main event and stays bilateral (gold guide 5); with no sideline
  said, the headline's framework stays;
- the China-Central Asia format named with Central Asia first in Russian (встреча министров
  внутренних дел стран Центральной Азии и Китая) is C5+China, as the order with China first
  was; the region and China named without "states" are not;
- a delegation of a ministry named with the state's possessive (a delegation of China's
  Ministry of Public Security) is the ministry's people, not its head: the vice-minister level;
  the minister named as such keeps the minister's.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import _occasion_at, _organiser
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    items = [i for i in document.items if i.relevant] if document.items else [document]
    assert items, text
    return items[0]


# -- a headline without the article ----------------------------------------------------------


def test_a_headline_sideline_without_the_article_is_an_occasion() -> None:
    headline = "Chinese defense minister meets Tajik counterpart on sidelines of SCO meeting"
    at = headline.index("SCO")
    assert _occasion_at(headline, at, at + 3)
    plain = "Chinese defense minister attends SCO meeting in Bishkek"
    at = plain.index("SCO")
    assert not _occasion_at(plain, at, at + 3)


HEADLINE_SIDELINE = (
    "Chinese defense minister meets Tajik counterpart on sidelines of SCO meeting\n\n"
    "Chinese Defense Minister on Tuesday held talks with Tajik Defense Minister in Astana "
    "on the sidelines of the Shanghai Cooperation Organization (SCO) Defense Ministers' "
    "Meeting.\n"
    "The two sides agreed to deepen cooperation in counter-terrorism and border defense.\n"
)
HEADLINE_SCO_MEETING = (
    "SCO defense ministers meet in Astana\n\n"
    "Defense ministers of the Shanghai Cooperation Organization (SCO) member states met in "
    "Astana on Tuesday and agreed to deepen cooperation in counter-terrorism and border "
    "defense.\n"
)


def test_a_meeting_on_the_headlines_sidelines_is_bilateral() -> None:
    item = _code(HEADLINE_SIDELINE)
    assert item.kind == "meeting"
    assert item.framework == "bilateral"
    assert _code(HEADLINE_SCO_MEETING).framework == "SCO"


# -- a headline naming the gathering the talks were held on the sidelines of ------------------

# (headline, first sentence, sentence saying where the talks were held) per language: with the
# third sentence the headline's framework is the occasion; with a sentence that only reports
# the gathering it is not
TITLED_GATHERINGS = {
    "en": (
        "Tajikistan and China agree to share border data at RATS meeting\n\n"
        "Dushanbe, May 12, 2026. Tajikistan's State Committee for National Security and a "
        "delegation of China's Ministry of Public Security held talks in Dushanbe on "
        "Tuesday, the committee's press office said.\n"
        "The sides agreed to exchange data on militants crossing the border.\n",
        "The talks were held on the margins of the session of the Council of the Regional "
        "Anti-Terrorist Structure of the Shanghai Cooperation Organisation.\n",
        "The session of the Council of the Regional Anti-Terrorist Structure of the Shanghai "
        "Cooperation Organisation was also held in Dushanbe on Tuesday.\n",
    ),
    "ru": (
        "Секретари советов безопасности стран ШОС собрались в Душанбе; Китай и Казахстан "
        "договорились о борьбе с наркотрафиком\n\n"
        "ДУШАНБЕ, 9 июня. Секретарь Комиссии ЦК КПК по политическим и правовым вопросам "
        "провел в среду в Душанбе переговоры с секретарем Совета безопасности Казахстана.\n"
        "Стороны договорились обмениваться информацией о наркотрафике и терроризме.\n",
        "Переговоры прошли на полях совещания секретарей советов безопасности государств - "
        "членов Шанхайской организации сотрудничества.\n",
        "Совещание секретарей советов безопасности государств - членов Шанхайской "
        "организации сотрудничества также прошло в среду.\n",
    ),
    "zh": (
        "上合组织安全会议秘书会议在杜尚别举行 中吉商定加强禁毒合作\n\n"
        "6月9日，中央政法委书记在杜尚别同吉尔吉斯斯坦安全会议秘书举行会谈。\n"
        "双方同意加强禁毒和反恐情报交流。\n",
        "中央政法委书记是在出席上海合作组织成员国安全会议秘书会议期间同吉方举行会谈的。\n",
        "上海合作组织成员国安全会议秘书会议当天也在杜尚别举行。\n",
    ),
}


@pytest.mark.parametrize("language", sorted(TITLED_GATHERINGS))
def test_a_headline_gathering_said_to_be_the_talks_sidelines_is_their_occasion(
    language: str,
) -> None:
    head, sideline, _ = TITLED_GATHERINGS[language]
    item = _code(head + sideline)
    assert item.kind == "meeting"
    assert item.framework == "bilateral"


@pytest.mark.parametrize("language", sorted(TITLED_GATHERINGS))
def test_a_headline_gathering_with_no_sideline_said_stays_the_framework(language: str) -> None:
    head, _, reported = TITLED_GATHERINGS[language]
    assert _code(head + reported).framework == "SCO"


# -- China-Central Asia with Central Asia named first (Russian) --------------------------------

RU_C5_REVERSED = (
    "Главы МВД стран Центральной Азии и Китая утвердили план совместных действий\n"
    "Астана. 21 мая. Первая встреча министров внутренних дел стран Центральной Азии и Китая "
    "прошла в Астане в четверг.\n"
    "Участники договорились о совместных мерах против терроризма и наркотрафика.\n"
)
RU_REGION_AND_CHINA = (
    "Министр внутренних дел Казахстана встретился с министром общественной безопасности КНР\n"
    "Астана. 21 мая. Министр внутренних дел Казахстана провел в четверг в Астане переговоры с "
    "министром общественной безопасности КНР.\n"
    "Стороны обсудили угрозы терроризма для Центральной Азии и Китая и борьбу с наркотрафиком.\n"
)


def test_central_asia_and_china_states_meeting_is_c5_china() -> None:
    assert _code(RU_C5_REVERSED).framework == "C5+China"
    item = _code(RU_REGION_AND_CHINA)
    assert item.framework == "bilateral"


# -- a delegation of a ministry named with the state's possessive ------------------------------

EN_DELEGATION = (
    "Kazakhstan and China discuss extremism online\n\n"
    "Astana, April 15, 2026. Kazakhstan's National Security Committee and a delegation of "
    "China's Ministry of Public Security held talks in Astana on Wednesday.\n"
    "The sides agreed to exchange information on terrorist recruiters.\n"
)
EN_MINISTER = (
    "Kazakhstan and China discuss extremism online\n\n"
    "Astana, April 15, 2026. Kazakhstan's National Security Committee chairman and China's "
    "Minister of Public Security held talks in Astana on Wednesday.\n"
    "The sides agreed to exchange information on terrorist recruiters.\n"
)


def test_a_delegation_of_a_states_ministry_is_below_its_minister() -> None:
    assert _code(EN_DELEGATION).level == "vice_minister_working"
    assert _code(EN_MINISTER).level == "interior_public_security"


# -- a security council in an office's title is a body, not a meeting --------------------------

# (a partner state's security council secretary meeting the PRC's public security minister: the
# PRC principal's office is the level; the secretaries' meeting named as such keeps its own)
COUNCIL_SECRETARY = {
    "en": (
        "Kyrgyz Security Council Secretary meets China's Minister of Public Security\n\n"
        "Beijing, June 3, 2026. Kyrgyzstan's Security Council Secretary held talks in Beijing "
        "with China's Minister of Public Security on Tuesday.\n"
        "The sides agreed to step up cooperation against terrorism and drug trafficking.\n",
        "Security Council secretaries of SCO states meet in Bishkek\n\n"
        "Bishkek, June 3, 2026. The meeting of Security Council secretaries of the SCO member "
        "states was held in Bishkek on Tuesday.\n"
        "The participants agreed to step up cooperation against terrorism and drug trafficking.\n",
    ),
    "ru": (
        "Секретарь Совета безопасности Кыргызстана встретился с министром общественной "
        "безопасности КНР\n\n"
        "Пекин, 3 июня 2026 г. Секретарь Совета безопасности Кыргызстана провел в Пекине "
        "переговоры с министром общественной безопасности КНР.\n"
        "Стороны договорились расширить сотрудничество в борьбе с терроризмом и наркотрафиком.\n",
        "В Бишкеке прошло совещание секретарей советов безопасности\n\n"
        "Бишкек, 3 июня 2026 г. В Бишкеке прошло совещание секретарей советов безопасности "
        "Кыргызстана, Казахстана и Китая.\n"
        "Участники договорились расширить сотрудничество в борьбе с терроризмом и "
        "наркотрафиком.\n",
    ),
    "zh": (
        "公安部部长会见吉尔吉斯斯坦国家安全会议秘书\n\n"
        "6月3日，吉尔吉斯斯坦国家安全会议秘书在北京同公安部部长举行会谈。\n"
        "双方同意加强反恐和禁毒合作。\n",
        "中吉哈安全会议秘书会议在比什凯克举行\n\n"
        "6月3日，中吉哈三国安全会议秘书会议在比什凯克举行。\n"
        "三方同意加强反恐和禁毒合作。\n",
    ),
}


@pytest.mark.parametrize("language", sorted(COUNCIL_SECRETARY))
def test_a_partner_security_council_secretary_is_no_meeting_name(language: str) -> None:
    talks, secretaries_meeting = COUNCIL_SECRETARY[language]
    assert _code(talks).level == "interior_public_security"
    assert _code(secretaries_meeting).level == "security_council"


# -- a course or aid a partner state receives from a force the codebook reads as domestic -------

# (the partner state's officers trained at a college of a force whose name is a unilateral
# indicator: bilateral; the force's own drill or course at home, the partner state only named
# as the border's other side: unilateral)
PARTNER_COURSES = {
    "ru": (
        "Офицеры Национальной гвардии Узбекистана прошли обучение в Китае\n\n"
        "Ташкент, 3 июня. Группа из 20 офицеров Национальной гвардии Республики Узбекистан "
        "завершила курс повышения квалификации в колледже Народной вооружённой полиции Китая.\n"
        "Слушатели изучили действия при освобождении заложников и борьбе с терроризмом.\n",
        "Народная вооружённая полиция Китая провела учения у границы с Кыргызстаном\n\n"
        "Урумчи, 3 июня. Подразделения Народной вооружённой полиции провели учения по борьбе с "
        "терроризмом в Синьцзяне у границы с Кыргызстаном.\n"
        "Отрабатывались действия при освобождении заложников.\n",
    ),
    "en": (
        "Kyrgyz police officers complete course in Urumqi\n\n"
        "Bishkek, June 3. Twenty Kyrgyz police officers completed a two-month training course "
        "at a college of the Xinjiang police in Urumqi and received their certificates, the "
        "Kyrgyz Interior Ministry said.\n"
        "The officers studied counter-terrorism tactics.\n",
        "Xinjiang police train new anti-terrorism unit in Kashgar\n\n"
        "Urumqi, June 3. The Xinjiang police completed a training course for a new "
        "anti-terrorism unit in Kashgar, near the border with Kyrgyzstan, on Tuesday.\n"
        "The unit will guard the border region.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(PARTNER_COURSES))
def test_a_partner_course_at_a_domestic_force_is_bilateral(language: str) -> None:
    course, drill = PARTNER_COURSES[language]
    item = _code(course)
    assert item.kind == "training_education"
    assert item.framework == "bilateral"
    assert _code(drill).framework == "unilateral"


# -- a ministry named as a gathering's host implies no principal's office ------------------------

# (the forum hosted by the ministry, its vice minister attending: the vice minister's level; the
# near misses, a ministry attending or supporting, are in ``ORGANISERS`` below)
ZH_HOSTED = (
    "第三届安全合作论坛在乌鲁木齐开幕\n\n"
    "8月19日，第三届安全合作论坛在乌鲁木齐开幕。公安部副部长出席开幕式并致辞。\n"
    "本届论坛由公安部和自治区人民政府共同主办，哈萨克斯坦内务部派代表团出席。\n"
    "与会代表围绕打击恐怖主义和跨国犯罪进行研讨。\n"
)


def test_a_ministry_hosting_a_forum_sets_no_level() -> None:
    assert _code(ZH_HOSTED).level == "vice_minister_working"


ORGANISERS = {
    "zh": ("本届论坛由公安部和自治区人民政府共同主办。", "本届论坛在公安部支持下举行。", "公安部"),
    "en": (
        "The forum, hosted by the Ministry of Public Security, opened on Monday.",
        "The forum, attended by the Ministry of Public Security, opened on Monday.",
        "Ministry of Public Security",
    ),
    "ru": (
        "Конференция, организованная МВД Казахстана, открылась в понедельник.",
        "Конференция, в которой участвует МВД Казахстана, открылась в понедельник.",
        "МВД",
    ),
}


@pytest.mark.parametrize("language", sorted(ORGANISERS))
def test_a_body_named_as_host_is_the_organiser(language: str) -> None:
    hosted, attended, name = ORGANISERS[language]
    for text, expected in ((hosted, True), (attended, False)):
        at = text.index(name)
        hit = Hit(at, at + len(name), ("institution", 0), name)
        assert _organiser(text, hit) is expected
