"""Whose office sets a meeting's level and which gathering is only a guest's occasion (twenty-
first round): the focal state's principal, read from the title right after a body's name, and
a gathering a guest came to attend (gold guide 5: level from the PRC principal's office; point
D: the meeting reported first leads).

- An assistant's title right after a ministry's or an agency's name (公安部部长助理, 外交部部长
  助理, 国家移民管理局局长助理): the body's assistant head attends, vice_minister_working (codebook:
  assistant ministers), not the minister.
- A gathering named as what the guest met came to attend (会见来华出席亚信论坛的哈萨克斯坦内务部长,
  met the Kazakh minister, who is in Beijing to attend the CICA forum, принял министра,
  прибывшего в Пекин для участия в форуме СВМДА): the occasion of the bilateral meeting, not its
  framework.
- A meeting's level read from its name (上合组织成员国安全会议秘书会议, the SCO security council
  secretaries' meeting) while the focal state's only principal named holds another minister's
  office (the PRC minister of public security hosting it): that office (guide 5), as a deputy
  heading the focal state's delegation gives vice_minister_working.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

__all__ = [
    "BORDER_UNIT_SPAN",
    "assistant_title_after",
    "border_units_meet",
    "deputy_heads",
    "deputy_of_body",
    "focal_principal_over_name",
    "guest_came_to_attend",
    "receives_delegation",
    "unlisted_principal",
]

# an assistant head's title right after the body's name (公安部部长助理, 国家移民管理局局长助理,
# 海关总署署长助理): the assistant is who attends
_ASSISTANT_TITLE_AFTER = re.compile(r"(?:部长|局长|署长|主任|行长|总监)助理")


def assistant_title_after(text: str, end: int) -> bool:
    """An assistant head's title follows the body's name ending at ``end`` (公安部|部长助理)."""
    return _ASSISTANT_TITLE_AFTER.match(text, end) is not None


# twenty-second round (coder83): a body's name inside a deputy head's title (первый заместитель
# председателя Государственного комитета национальной безопасности, замглавы ГКНБ, Deputy
# Director of the Border Service; 国家移民管理局副署长) or after its representatives named in a
# list (Representatives of the Border Service, the Ministry of Internal Affairs and China's
# National Immigration Administration attended; представители Пограничных войск и ...): the
# deputy or the representatives attend, of working level (codebook vice_minister_working: deputy
# heads, department heads, working groups), not the body's head. Not a deputy chief of the
# general staff (chief_of_general_staff: the codebook's own) nor a CMC vice-chairman
# (defence_minister)
DEPUTY_BODY_LEVELS = frozenset(
    {
        "foreign_minister",
        "interior_public_security",
        "state_security_intelligence",
        "border_guard_chief",
        "security_council",
    }
)
_DEPUTY_HEAD_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:(?:(?:перв\w*|стат\w*)\s+)?заместител\w*\s+(?:председател\w*|"
        r"руководител\w*|начальник\w*|директор\w*|глав\w*|командующ\w*)|"
        r"зам(?:главы|начальника|директора|руководителя|председателя)|(?:first\s+)?deputy\s+"
        r"(?:chairman|chairperson|chair|head|director(?:-general)?|chief|commander|"
        r"administrator)\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
        re.IGNORECASE,
    ),
    "зам",
    "deputy",
)
_REPRESENTATIVES_LIST_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:representatives\s+of|представител\w*)\s+[^.;:!?]{0,100}?"
        r"(?:,|\s(?:and|и))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
        re.IGNORECASE,
    ),
    "representatives",
    "представител",
)
_DEPUTY_AFTER_HAN = re.compile(
    r"(?:第一)?副(?:署长|总队长|主任|局长|部长|司令|主席|行长)|"
    # (a department of the ministry and its head: 公安部国际合作局局长, 外交部欧亚司司长)
    r"[\u4e00-\u9fff]{2,10}?(?:局|司|中心)(?:副)?(?:局长|司长|主任)"
)
_TITLE_WORD = re.compile(
    r"(?<![^\W\d_])(?:minister|secretar|chair|director|head|chief|commander|министр|секретар|"
    r"председател|директор|руковод|начальник|командующ|глав)",
    re.IGNORECASE,
)
DEPUTY_SPAN = 64  # characters before a body's name searched for a deputy head's title
REPRESENTATIVES_SPAN = 140


def deputy_of_body(code: str, start: int, end: int, han: bool, text: str) -> bool:
    """The body's name at ``start``-``end`` (standing for its head's office ``code``) is part of
    a deputy head's title or one of the bodies whose representatives attend: working level."""
    if code not in DEPUTY_BODY_LEVELS:
        return False
    if han:
        return _DEPUTY_AFTER_HAN.match(text, end) is not None
    if _DEPUTY_HEAD_BEFORE.search(text, max(0, start - DEPUTY_SPAN), start) is not None:
        return True
    # (a body in the list, not an official's title after it: representatives of Kazakhstan, and
    # China's Minister of Public Security said ...)
    return (
        _TITLE_WORD.search(text, start, end) is None
        and _REPRESENTATIVES_LIST_BEFORE.search(text, max(0, start - REPRESENTATIVES_SPAN), start)
        is not None
    )


# a deputy head of an agency or a service named by its title with no codebook word (заместитель
# руководителя Национальной иммиграционной администрации КНР, заместителем начальника
# пограничного управления, the deputy head of China's National Immigration Administration,
# 中国人民银行副行长), or the head of a ministry's department or an agency's centre (Director of
# the China Anti-Money Laundering Monitoring and Analysis Center, директор департамента ...,
# 公安部国际合作局局长, 反洗钱监测分析中心主任): of working level (codebook vice_minister_working:
# deputy ministers, department heads); the title's hit runs over the body's words after it, up
# to the state that names its owner. Not a deputy chief of the general staff
# (chief_of_general_staff), a deputy commander of a military district (other: the codebook's
# commanders), nor a deputy chairman (the codebook's заместитель председателя)
_DEPUTY_HEAD = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:(?:(?:перв\w*\s+)?заместител\w*\s+(?:руководител\w*|начальник\w*|"
        r"директор\w*|глав\w*)|зам(?:главы|начальника|директора|руководителя)|"
        r"(?:first\s+)?deputy\s+(?:head|director(?:-general)?|chief|administrator)"
        r"(?!\s+of\s+(?:the\s+)?(?:general|joint)\s+staff))(?![^\W\d_])"
        r"(?:\s+(?!и\s|and\s|с\s|with\s)[\w'’-]+){0,5}|"
        r"(?:директор\w*|начальник\w*)\s+(?:[\w-]+\s+){0,3}?(?:центра|департамента)"
        r"(?![^\W\d_])(?:\s+(?!и\s|с\s)[\w-]+){0,4})",
        re.IGNORECASE,
    ),
    "зам",
    "deputy",
    "директор",
    "начальник",
)
# (in Chinese: the title's characters first, the body's name before them read back: 中国人民银行
# 副行长, 公安部国际合作局局长, 反洗钱监测分析中心主任)
_DEPUTY_HEAD_HAN = Guarded(
    re.compile(r"副(?:行长|署长)|中心主任|(?:局|司|中心)(?:局长|司长|主任)"),
    "副",
    "主任",
    "局长",
    "司长",
)
_MINISTRY_BEFORE_HAN = re.compile(r"(?:部|总署|银行)[\u4e00-\u9fff]{2,10}$")
_CENTRE_BEFORE_HAN = re.compile(r"[\u4e00-\u9fff]{2,12}$")
HAN_BODY_SPAN = 12
# (in English the centre's or department's name is capitalised: Director of the China
# Anti-Money Laundering Monitoring and Analysis Center, not the director of a training centre)
_DIRECTOR_OF = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:[Dd]irector|[Hh]ead|[Cc]hief)\s+of\s+(?:the\s+)?"
        r"(?:(?:[A-Z][\w'’-]*|and|of|the|for)\s+){1,9}(?:Center|Centre|Department|Bureau)"
        r"(?![^\W\d_])"
    ),
    "irector",
    "Head",
    "head",
    "hief",
)


def deputy_heads(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The deputy heads' titles (``_DEPUTY_HEAD``) in ``text[start:end]``: (start, end, term)."""
    out = []
    for pattern in (_DEPUTY_HEAD, _DIRECTOR_OF):
        if pattern.possible(text, start, end):
            out += [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    if _DEPUTY_HEAD_HAN.possible(text, start, end):
        for m in _DEPUTY_HEAD_HAN.finditer(text, start, end):
            at = m.start()
            if m.group().startswith("副"):
                at -= 2 if text.startswith("第一", at - 2) and at - 2 >= start else 0
                out.append((at, m.end(), text[at : m.end()]))
                continue
            before = (
                _CENTRE_BEFORE_HAN if m.group() == "中心主任" else _MINISTRY_BEFORE_HAN
            ).search(text, max(start, at - HAN_BODY_SPAN), at)
            if before is not None:
                out.append((before.start(), m.end(), text[before.start() : m.end()]))
    return sorted(out)


# twenty-second round (coder83): border units below the service's head meeting (新疆军区某边防团
# 与…边防部队某支队举行边防会晤, с китайской стороны - командир пограничного полка, the commanders
# of a border regiment and a border detachment met): level other (codebook other: commanders;
# gold point J), unless the page calls them border representatives (边防代表, пограничные
# представители: the codebook's border_guard_chief) or names a service's head or the NIA
_BORDER_UNIT = Guarded(
    re.compile(
        r"边防[团连营站]|某支队|边境管理[支大]队|(?<![^\W\d_])(?:командир\w*|командовани\w*)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:отряд|полк|застав|комендатур|подразделени)\w*|"
        r"(?<![^\W\d_])(?:commanders?|heads?)\s+of\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:border\s+)?(?:regiment|detachment|outpost|company|battalion)s?(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "边防",
    "支队",
    "大队",
    "команд",
    "of",
)
_BORDER_HEAD = Guarded(
    re.compile(
        r"边防(?:部门)?代表|边境代表|移民管理局|(?<![^\W\d_])(?:пограничн\w+\s+представител\w*|"
        r"border\s+representatives?|руководител\w+\s+погран\w*|директор\w*\s+погран\w*|"
        r"начальник\w*\s+погран\w+\s+(?:служб|войск)\w*|иммиграц\w*|heads?\s+of\s+(?:the\s+)?"
        r"border\s+(?:service|guard|troops|agenc)\w*|immigration)",
        re.IGNORECASE,
    ),
    "代表",
    "移民管理局",
    "погран",
    "border",
    "иммиграц",
    "immigration",
)
BORDER_UNIT_SPAN = 300  # characters past the item's lead searched for the units that meet


def border_units_meet(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (an item's lead and the sentence after it) names border units below
    the service's head as the sides (``_BORDER_UNIT``) and no border representatives, service
    head or NIA (``_BORDER_HEAD``)."""
    return (
        _BORDER_UNIT.search(text, start, end) is not None
        and _BORDER_HEAD.search(text, start, end) is None
    )


# twenty-second round (coder83): principals whose office has no level of its own, named in the
# lead of a meeting where no listed office is: prosecutors general (Генеральные прокуроры, 检察长,
# prosecutors general), heads of a military academy or university (Начальник Университета
# национальной обороны), regional police bodies (新疆公安厅, 伊犁州公安局, 阿拉木图州警察局,
# департамент полиции области, regional police department): other (codebook other: a field's
# principals with no level, regional officials); an experts' or senior officials' meeting
# (专家会议, 高官会, expert meeting, senior officials' meeting, совещание экспертов): working level
# (codebook vice_minister_working: expert and working groups)
_EXPERTS = Guarded(
    re.compile(
        r"专家(?:级)?会议|高官会|(?<![^\W\d_])(?:experts?['’]?\s+(?:level\s+)?(?:meeting|talks|"
        r"consultations)|senior\s+officials['’]?\s+meeting|совещани\w*\s+(?:высших\s+"
        r"должностных\s+лиц|экспертов)|встреч\w*\s+экспертов)",
        re.IGNORECASE,
    ),
    "专家",
    "高官会",
    "expert",
    "senior",
    "совещани",
    "встреч",
)
_UNLISTED = Guarded(
    re.compile(
        r"检察长|检察院|(?:自治区|省|州|市|地区)公安(?:厅|局)|州警察局|国防大学校长|"
        r"(?<![^\W\d_])(?:прокурор\w*|прокуратур\w*|начальник\w*\s+(?:[\w-]+\s+){0,2}?"
        r"(?:университет|академи|училищ)\w*|департамент\w*\s+полиции\s+[\w-]+\s+област\w*|"
        r"prosecutors?[\s-]+general|procurator\w*|(?:president|commandant|head)\s+of\s+(?:the\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?(?:university|academy)|(?:regional|provincial|prefecture|oblast)\s+"
        r"police)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "检察",
    "公安",
    "警察局",
    "国防大学",
    "прокур",
    "начальник",
    "департамент",
    "prosecutor",
    "procurator",
    "of",
    "police",
)


def unlisted_principal(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The level of the principals ``text[start:end]`` (a meeting's lead, where no listed office
    is named) names with no level of their own (``_EXPERTS``: working level; ``_UNLISTED``:
    other), with the words' span; None when it names none."""
    for code, pattern in (("vice_minister_working", _EXPERTS), ("other", _UNLISTED)):
        found = pattern.search(text, start, end)
        if found is not None:
            return code, found.start(), found.end()
    return None


# twenty-second round (coder83): an office of no state named that receives a delegation (Министр
# обороны принял делегацию Народно-освободительной армии Китая, the minister received a delegation
# of the Chinese police): the host's, when the delegation is the focal state's (the caller checks
# the state named after the returned position)
_RECEIVES_DELEGATION = Guarded(
    re.compile(
        r"[^.;!?\n]{0,40}?(?<![^\W\d_])(?P<verb>принял\w*|принимает|встретил\w*\s+с|received|"
        r"receives|met\s+(?:with\s+)?)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:делегаци\w*|delegation)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "делегаци",
    "delegation",
)
DELEGATION_STATE_SPAN = 60  # characters after the delegation's word searched for its state
RECEIVES_SPAN = 120


def receives_delegation(text: str, end: int) -> tuple[int, int] | None:
    """Where the receiving verb starts and the delegation's word ends when the office ending at
    ``end`` receives a delegation in its clause (``_RECEIVES_DELEGATION``), else None."""
    stop = min(len(text), end + RECEIVES_SPAN)
    if not _RECEIVES_DELEGATION.possible(text, end, stop):
        return None
    found = _RECEIVES_DELEGATION.pattern.match(text, end, stop)
    return None if found is None else (found.start("verb"), found.end())


# a guest's purpose before a gathering's name (会见来华出席…论坛的…部长, met X, who is in Beijing
# to attend the …; принял министра, который находится в стране для участия в …): the meeting
# verb comes first, the gathering is why the guest came; not the principal's own attendance
# (王小洪出席论坛), nor one who took part (приняли участие). One check for the twenty-first
# round's two (coder74's visitor's clause, coder79's guest's purpose): the same class, the
# phrasings of both; the meeting verb may stand a long title away (принял Члена Политбюро ЦК
# КПК, Министра иностранных дел КНР Ван И, который находится ...)
_GUEST_BEFORE_HAN = re.compile(
    r"(?:(?:会见|会晤|接见|同|与)[^，,。；;！？]{0,4})?"
    r"(?:来华|访华|赴华|来京|抵京|在京|在华|赴[\u4e00-\u9fff]{1,8}?)(?:出席|参加|参会出席)$"
)
_GUEST_AFTER_HAN = re.compile(r"[^，,。；;！？]{0,40}?的[^，,。；;！？]{0,24}")
# (without the meeting verb right before: the guest's title right after 的, 来华出席…会晤的外长)
_ATTENDEE_AFTER_HAN = re.compile(
    r"[^，,。；;：:]{0,20}?的[^，,。；;：:]{0,12}?(?:外长|部长|总统|总理|主席|秘书|代表团?|司令|局长|"
    r"团长|大使)"
)
_GUEST_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:met|meets|meeting|received|receives|talks\s+with|held\s+talks\s+with|"
        # (not приняли участие: who took part is no meeting's host)
        r"встретил\w*|принял[аи]?(?!\s+участи)|принимает|провел\w*\s+переговор\w*)"
        r"(?![^\W\d_])"
        r"[^.;!?]{0,160}?"
        r"(?:,?\s+who\s+(?:is|was|are|were|has\s+been|had\s+been|came|comes|had\s+come|arrived|"
        r"has\s+arrived|travell?ed)\s+[^.;!?\n]{0,50}?(?<![^\W\d_])(?:to\s+attend|"
        r"to\s+take\s+part\s+in|(?:to\s+)?participate\s+in|for)|"
        r",?\s+in\s+(?:town|[A-Z][\w-]*)\s+to\s+attend|"
        r"(?:котор\w+\s+(?:находится|находился|прибыл\w*|пребывает|пребывал\w*)|находящ\w*|"
        r"прибывш\w*|пребывающ\w*)\s+[^.;!?\n]{0,50}?для\s+участия\s+в|"
        r"(?:прибывш\w*|находящ\w*)\s+(?:в\s+[А-ЯЁ][\w-]*\s+)?на)"
        r"\s+(?:the\s+)?[^.;,!?]{0,60}$",
        re.IGNORECASE,
    ),
    "who",
    "in ",
    "котор",
    "прибывш",
    "находящ",
    "пребывающ",
)
GUEST_SPAN = 300  # characters before a gathering's name searched for a guest's purpose
GUEST_SPAN_HAN = 30


def guest_came_to_attend(text: str, start: int, end: int) -> bool:
    """The gathering named at ``start``-``end`` is what the guest of a meeting reported before
    it came to attend: the meeting's occasion, not its framework."""
    han = _GUEST_BEFORE_HAN.search(text, max(0, start - GUEST_SPAN_HAN), start)
    if han is not None:
        if han.group().startswith(("会见", "会晤", "接见", "同", "与")):
            return _GUEST_AFTER_HAN.match(text, end) is not None
        return _ATTENDEE_AFTER_HAN.match(text, end) is not None
    return _GUEST_BEFORE.search(text, max(0, start - GUEST_SPAN), start) is not None


# the levels a meeting's name may carry that one minister's office of the focal state named as
# its principal's overrides (a security council secretaries' meeting the PRC minister of public
# security hosts: guide 5, level from the PRC principal's office)
_NAME_LEVELS = frozenset(
    {
        "security_council",
        "foreign_minister",
        "defence_minister",
        "interior_public_security",
        "state_security_intelligence",
        "border_guard_chief",
        "chief_of_general_staff",
    }
)
_PRINCIPAL_LEVELS = frozenset(
    {
        "security_council",
        "foreign_minister",
        "defence_minister",
        "interior_public_security",
        "state_security_intelligence",
    }
)


def focal_principal_over_name(
    level: str | None,
    levels: Mapping[str, Hit],
    in_name: Mapping[str, Hit],
    every: Sequence[tuple[str, Hit]],
    owner: Mapping[int, str | None],
    focal: str | None,
) -> tuple[str, Hit] | None:
    """The focal state's principal's office when the level was read from the meeting's name
    (上合组织成员国安全会议秘书会议, the SCO security council secretaries' meeting) or from an
    office of no state named (the meeting of the Security Council Secretaries) and every
    office of the focal state named is one other minister's (赵克志国务委员, the PRC minister of
    public security, hosting it): that office and its hit (guide 5: the level is the PRC
    principal's office, not the meeting's type); else None."""
    if focal is None or level is None or level not in _NAME_LEVELS:
        return None
    if level not in in_name and owner.get(id(levels[level])) is not None:
        return None  # (an office of a state named: its holder's, read as such above)
    ours = [(c, h) for c, h in every if owner.get(id(h)) == focal]
    codes = {c for c, _ in ours}
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    if code == level or code not in _PRINCIPAL_LEVELS:
        return None
    return code, ours[0][1]
