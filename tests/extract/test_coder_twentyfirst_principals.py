"""Level and framework from the focal state's principal (twenty-first round, issue 13, branch
coder79): classes read from tune9's errors.

- an assistant's title right after a ministry's name (公安部部长助理, 外交部部长助理): the
  assistant minister attends, vice_minister_working; the minister himself (公安部部长) stays
  the ministry's level;
- a gathering the guest came to attend (会见来华出席…论坛的…部长, who is in Beijing to attend the
  CICA forum, прибывшего в Пекин для участия в форуме СВМДА): the occasion of a bilateral
  meeting, not its framework; the principal's own attendance at the forum stays the forum's.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_principals import assistant_title_after, guest_came_to_attend

CODER = CodebookCoder()


def _codes(text: str) -> tuple[str | None, str | None]:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return document.framework, document.level


# -- an assistant minister after the ministry's name ----------------------------------------

_ASSISTANT_ZH = (
    "公安部部长助理会见吉尔吉斯斯坦内务部副部长\n"
    "3月12日，公安部部长助理在京会见吉尔吉斯斯坦内务部副部长一行。双方就打击跨国毒品犯罪、"
    "防范恐怖主义等执法安全合作交换意见。会见后，双方签署了《中华人民共和国公安部与吉尔吉斯"
    "共和国内务部关于禁毒合作的谅解备忘录》。\n"
)
_MINISTER_ZH = _ASSISTANT_ZH.replace("公安部部长助理", "公安部部长")


def test_an_assistant_minister_after_the_ministry_is_working_level_zh() -> None:
    assert _codes(_ASSISTANT_ZH)[1] == "vice_minister_working"


def test_the_minister_after_the_ministry_keeps_the_ministry_level_zh() -> None:
    assert _codes(_MINISTER_ZH)[1] == "interior_public_security"


def test_an_assistant_title_after_a_body_name() -> None:
    text = "外交部部长助理会见；海关总署署长助理出席；外交部部长会见"
    assert assistant_title_after(text, text.index("外交部") + 3)
    assert assistant_title_after(text, text.index("海关总署") + 4)
    assert not assistant_title_after(text, text.rindex("外交部") + 3)


_ASSISTANT_EN = (
    "China, Kyrgyzstan hold talks on drug control\n"
    "BEIJING, March 12 -- Assistant Minister of Public Security of China met with Kyrgyzstan's "
    "Deputy Interior Minister in Beijing on Thursday. The two sides discussed cooperation against "
    "drug trafficking and terrorism and signed a memorandum on drug control.\n"
)
_ASSISTANT_RU = (
    "Помощник министра общественной безопасности КНР встретился с замминистра внутренних дел "
    "Кыргызстана\n"
    "ПЕКИН, 12 марта. Помощник министра общественной безопасности КНР встретился в Пекине с "
    "заместителем министра внутренних дел Кыргызстана. Стороны обсудили сотрудничество в борьбе с "
    "наркотрафиком и терроризмом и подписали меморандум о сотрудничестве.\n"
)


def test_an_assistant_minister_is_working_level_en_ru() -> None:
    assert _codes(_ASSISTANT_EN)[1] == "vice_minister_working"
    assert _codes(_ASSISTANT_RU)[1] == "vice_minister_working"


# -- a gathering the guest came to attend --------------------------------------------------

_GUEST_ZH = (
    "公安部部长会见哈萨克斯坦内务部长\n"
    "5月20日，公安部部长在北京会见来华出席亚信成员国执法安全合作论坛的哈萨克斯坦内务部长。"
    "双方就打击电信网络诈骗、跨国有组织犯罪等合作交换意见。\n"
    "当天，亚信成员国执法安全合作论坛在北京开幕，来自塔吉克斯坦、乌兹别克斯坦等国的执法部门"
    "负责人与会。\n"
)
_FORUM_ZH = (
    "亚信成员国执法安全合作论坛在京开幕\n"
    "5月20日，公安部部长在北京出席亚信成员国执法安全合作论坛开幕式并致辞。来自哈萨克斯坦、"
    "塔吉克斯坦、乌兹别克斯坦等国的执法部门负责人与会，围绕打击恐怖主义和毒品犯罪交流。\n"
)


def test_a_forum_the_guest_came_to_attend_is_no_framework_zh() -> None:
    assert _codes(_GUEST_ZH)[0] == "bilateral"


def test_the_principal_attending_the_forum_keeps_its_framework_zh() -> None:
    assert _codes(_FORUM_ZH)[0] == "CICA"


_GUEST_EN = (
    "China's public security minister meets Kazakh interior minister\n"
    "BEIJING, May 20 -- China's Minister of Public Security met Kazakhstan's Interior Minister, "
    "who is in Beijing to attend the CICA law enforcement forum, on Wednesday. They discussed "
    "joint work against telecom fraud and organized crime.\n"
)
_GUEST_RU = (
    "Министр общественной безопасности КНР встретился с главой МВД Казахстана\n"
    "ПЕКИН, 20 мая. Министр общественной безопасности КНР встретился с министром внутренних дел "
    "Казахстана, прибывшим в Пекин для участия в форуме СВМДА по правоохранительному "
    "сотрудничеству. Стороны обсудили борьбу с мошенничеством и организованной преступностью.\n"
)


def test_a_forum_the_guest_came_to_attend_is_no_framework_en_ru() -> None:
    assert _codes(_GUEST_EN)[0] == "bilateral"
    assert _codes(_GUEST_RU)[0] == "bilateral"


def test_a_guest_purpose_before_a_gathering_name() -> None:
    en = "The minister met his counterpart, who is in Beijing to attend the CICA forum."
    assert guest_came_to_attend(en, en.index("CICA"), en.index("CICA") + 4)
    # (the meeting's own place and a later talk about the forum: no guest's purpose)
    near = "The minister met his counterpart in Beijing for talks on the CICA forum."
    assert not guest_came_to_attend(near, near.index("CICA"), near.index("CICA") + 4)
    # (a word that only begins like a meeting verb; who took part is no host)
    metal = "The metal trade, who is in Beijing to attend the CICA forum."
    assert not guest_came_to_attend(metal, metal.index("CICA"), metal.index("CICA") + 4)
    ru = "В мероприятии приняли участие делегации, прибывшие на саммит ШОС."
    assert not guest_came_to_attend(ru, ru.index("ШОС"), ru.index("ШОС") + 3)
    zh = "公安部部长出席亚信论坛开幕式"
    assert not guest_came_to_attend(zh, zh.index("亚信"), zh.index("亚信") + 2)


# -- a meeting's type against the focal state's principal's office --------------------------

_SECRETARIES_ZH = (
    "上海合作组织成员国安全会议秘书第二十次会议在北京举行\n"
    "6月3日，上海合作组织成员国安全会议秘书第二十次会议在北京举行。{who}主持会议。哈萨克斯坦、"
    "吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦等成员国安全会议秘书与会，就打击恐怖主义、极端主义和"
    "毒品犯罪交换意见。\n"
)


def test_the_focal_minister_hosting_the_secretaries_sets_the_level_zh() -> None:
    assert _codes(_SECRETARIES_ZH.format(who="国务委员、公安部部长"))[1] == (
        "interior_public_security"
    )


def test_the_secretaries_meeting_keeps_its_level_with_no_other_office_zh() -> None:
    assert _codes(_SECRETARIES_ZH.format(who="中央政法委书记"))[1] == "security_council"


_SECRETARIES_EN = (
    "SCO security council secretaries meet in Beijing\n"
    "BEIJING, June 3 -- The 20th meeting of SCO Security Council Secretaries was held in Beijing "
    "on Tuesday. {who} chaired the meeting, which discussed joint work against terrorism, "
    "extremism and drug trafficking with Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.\n"
)
_SECRETARIES_RU = (
    "В Пекине прошло совещание секретарей советов безопасности ШОС\n"
    "ПЕКИН, 3 июня. 20-е совещание секретарей советов безопасности государств - членов ШОС "
    "прошло в Пекине. {who} Участники из Казахстана, Кыргызстана, Таджикистана и Узбекистана "
    "обсудили борьбу с терроризмом, экстремизмом и наркотрафиком.\n"
)


def test_the_focal_minister_hosting_the_secretaries_sets_the_level_en_ru() -> None:
    assert _codes(_SECRETARIES_EN.format(who="China's Minister of Public Security"))[1] == (
        "interior_public_security"
    )
    ru = _SECRETARIES_RU.format(who="Совещание провел министр общественной безопасности КНР.")
    assert _codes(ru)[1] == "interior_public_security"


def test_the_secretaries_meeting_keeps_its_level_with_no_other_office_en_ru() -> None:
    assert _codes(_SECRETARIES_EN.format(who="The host"))[1] == "security_council"
    assert _codes(_SECRETARIES_RU.format(who=""))[1] == "security_council"
