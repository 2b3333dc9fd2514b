"""Eighteenth-round level rules (the level is the office of the focal state's principal, guide
item 5), found on fresh pages (test17, test18):

- when the passages scored as security name no meeting, the lead's meeting words join the scope
  and so do the offices named in the lead: the people who met, not an office the security
  passage names (a security committee in a list of documents signed), set the level;
- a working or expert group the meeting sets up is its product, not who met;
- a partner's ministry between the state's name and a deputy's title (土库曼斯坦内务部副部长) makes
  the deputy that state's, not the focal principal;
- a delegation named before its state (Делегацию КНР возглавил заместитель министра, the
  delegation of China was headed by a vice minister) is led by that state's deputy;
- a body named with its deputy head's title (国家移民管理局副局长) is the deputy's working level,
  not the body's head's level, and the title after the body is the deputy's office.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import _founded, _lead_meeting
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem
from steppewatch.extract.normalise import normalise_for_matching

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return document.items[0] if document.items else document


# -- the lead's offices join a scope that names no meeting ---------------------------------------


def _scope_and_lead(text: str, passage: str) -> tuple[list[Hit], list[Hit], CodedItem]:
    res = CODER._resources()
    hits = res.matcher.hits(normalise_for_matching(text), 0, len(text))
    lo = text.index(passage)
    scope = [h for h in hits if lo <= h.start < lo + len(passage)]
    return scope, hits, CodedItem(start=0, end=len(text))


LEAD_OFFICES = {
    "en": (
        "Xi Jinping holds phone talks with Kyrgyz President Japarov\n"
        "BEIJING, May 4 (Xinhua) -- Chinese President Xi Jinping held phone talks with Kyrgyz "
        "President Sadyr Japarov on Monday.\n"
        "Xi said trade had grown fast and new flights would open.\n"
        "Documents on counter-terrorism cooperation between the State Committee for National "
        "Security and the Ministry of State Security were signed.\n",
        "Documents on counter-terrorism",
        "head_of_state",
    ),
    "ru": (
        "Садыр Жапаров провел переговоры с Си Цзиньпином\n"
        "БИШКЕК, 4 мая. Президент Садыр Жапаров провел переговоры с Председателем КНР Си "
        "Цзиньпином.\n"
        "Стороны обсудили торговлю и авиарейсы.\n"
        "Подписано соглашение между ГКНБ и Министерством государственной безопасности КНР о "
        "борьбе с терроризмом.\n",
        "Подписано соглашение",
        "head_of_state",
    ),
    "zh": (
        "习近平同吉尔吉斯斯坦总统扎帕罗夫会谈\n"
        "新华社北京5月4日电 国家主席习近平4日同吉尔吉斯斯坦总统扎帕罗夫举行会谈。\n"
        "双方同意扩大贸易和航班。\n"
        "双方签署了国家安全委员会与国家安全部关于反恐合作的协议。\n",
        "双方签署了",
        "head_of_state",
    ),
}


def test_offices_of_the_lead_join_a_scope_without_a_meeting() -> None:
    for language, (text, passage, level) in LEAD_OFFICES.items():
        scope, hits, item = _scope_and_lead(text, passage)
        assert not any(h.payload == ("event_kind", "meeting") for h in scope), language
        joined = _lead_meeting(item, text, scope, hits)
        lead_levels = {h.payload for h in joined if h.payload[0] == "meeting_level"}
        assert ("meeting_level", level) in lead_levels, language
        assert any(h.payload == ("event_kind", "meeting") for h in joined), language


def test_a_scope_naming_the_meeting_takes_nothing_from_the_lead() -> None:
    for language, (text, _, _) in LEAD_OFFICES.items():
        scope, hits, item = _scope_and_lead(text, text.split("\n")[1])
        assert any(h.payload == ("event_kind", "meeting") for h in scope), language
        assert _lead_meeting(item, text, scope, hits) is scope, language


# -- a working group the meeting sets up ---------------------------------------------------------

SETS_UP_GROUP = (
    "China, Central Asian states set up police working group\n"
    "Police chiefs of China and the five Central Asian countries agreed on Monday to set up a "
    "joint working group on drug trafficking as they met in Urumqi for a ministerial meeting on "
    "law enforcement and security cooperation.\n"
    "Minister of Public Security Wang Xiaohong chaired the meeting, attended by the interior "
    "ministers of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.\n"
)
GROUP_MEETS = (
    "The China-Kazakhstan working group on border security meets in Almaty\n"
    "ALMATY, June 3 (Xinhua) -- The China-Kazakhstan working group on border security held its "
    "fifth session in Almaty on Tuesday, discussing joint action against drug trafficking and "
    "terrorism across the border.\n"
)


def test_a_group_set_up_at_the_meeting_is_no_participant() -> None:
    assert _code(SETS_UP_GROUP).level == "interior_public_security"


def test_a_group_that_meets_is_the_working_level() -> None:
    assert _code(GROUP_MEETS).level == "vice_minister_working"


def _hit(text: str, term: str, indicator: str) -> Hit:
    start = text.index(term)
    return Hit(start, start + len(term), ("meeting_level", "vice_minister_working"), indicator)


def test_founding_words_in_each_language() -> None:
    founded = (
        ("双方商定成立联合工作组，定期交换情报。", "工作组", "工作组"),
        (
            "Стороны договорились о создании совместной рабочей группы по наркотикам.",
            "рабочей группы",
            "рабочей групп",
        ),
        (
            "The ministers agreed to establish an expert group on cybercrime.",
            "expert group",
            "expert group*",
        ),
    )
    for text, term, indicator in founded:
        assert _founded(_hit(text, term, indicator), text), text
    held = (
        ("中哈边境安全联合工作组举行第五次会议。", "工作组", "工作组"),
        (
            "В Алматы прошло заседание совместной рабочей группы по наркотикам.",
            "рабочей группы",
            "рабочей групп",
        ),
        ("The expert group on cybercrime met in Astana.", "expert group", "expert group*"),
    )
    for text, term, indicator in held:
        assert not _founded(_hit(text, term, indicator), text), text


# -- whose deputy: a partner's ministry between its name and the title ---------------------------

PARTNER_DEPUTY = (
    "中国—中亚执法安全合作部长级对话在西安举行\n"
    "新华社西安6月3日电 首届中国—中亚执法安全合作部长级对话3日在西安举行。国务委员、公安部部长"
    "王小洪主持对话。哈萨克斯坦内务部长、吉尔吉斯斯坦内务部长、塔吉克斯坦内务部长、乌兹别克斯坦"
    "内务部长以及土库曼斯坦内务部副部长出席。各方就打击恐怖主义、毒品走私和跨国有组织犯罪交换意见。\n"
)
FOCAL_DEPUTY = (
    "中吉执法安全合作会议在比什凯克举行\n"
    "新华社比什凯克6月3日电 中吉执法安全合作会议3日在比什凯克举行。吉尔吉斯斯坦内务部长主持会议，"
    "中国公安部副部长率团出席。双方就打击恐怖主义和毒品走私交换意见。\n"
)


def test_a_partner_ministry_deputy_is_the_partner_state_s() -> None:
    assert _code(PARTNER_DEPUTY).level == "interior_public_security"


def test_the_focal_ministry_deputy_sets_the_level() -> None:
    assert _code(FOCAL_DEPUTY).level == "vice_minister_working"


# -- the delegation named before its state -------------------------------------------------------

RATS_RU = (
    "Совет РАТС ШОС провел заседание в Бишкеке\n"
    "БИШКЕК, 10 апреля. /ТАСС/. Очередное заседание Совета Региональной антитеррористической "
    "структуры ШОС состоялось в четверг в Бишкеке. В заседании приняли участие руководители "
    "компетентных органов государств-членов. Делегацию КНР возглавил {head} общественной "
    "безопасности. Участники обсудили борьбу с терроризмом и экстремизмом.\n"
)
RATS_EN = (
    "SCO anti-terror council meets in Bishkek\n"
    "BISHKEK, April 10 (Xinhua) -- The council of the SCO Regional Anti-Terrorist Structure held "
    "a regular meeting in Bishkek on Thursday. The delegation of China was headed by {head} of "
    "public security. The council discussed joint work against terrorism and extremism.\n"
)


def test_a_delegation_named_before_its_state_is_led_by_its_deputy() -> None:
    assert _code(RATS_RU.format(head="заместитель министра")).level == "vice_minister_working"
    assert _code(RATS_EN.format(head="a vice minister")).level == "vice_minister_working"


def test_a_delegation_named_before_its_state_led_by_a_minister_is_no_deputy() -> None:
    assert _code(RATS_RU.format(head="министр")).level != "vice_minister_working"
    assert _code(RATS_EN.format(head="the minister")).level != "vice_minister_working"


# -- a body and its deputy head's title ----------------------------------------------------------

BORDER_HEADS = (
    "上合组织成员国边防部门领导人会议在杜尚别举行\n"
    "新华社杜尚别11月5日电 上海合作组织成员国边防部门领导人第十次会议5日在杜尚别举行。会议审议通过"
    "了联合边防行动计划。中国国家移民管理局{title}率团出席会议并表示，中方愿同各方加强边境安全合作，"
    "打击恐怖主义和毒品走私。\n"
)


def test_the_agency_s_deputy_head_is_the_working_level() -> None:
    assert _code(BORDER_HEADS.format(title="副局长")).level == "vice_minister_working"


def test_the_agency_s_head_is_the_border_chiefs_level() -> None:
    assert _code(BORDER_HEADS.format(title="局长")).level == "border_guard_chief"
