"""The default coder's coding rules, one small function per rule (``codebook_coder.py`` finds
the relevant passages; this module turns their hits into codes with evidence).

``assign_codes`` runs them in order over a ``Found`` (the hits of an item's relevant passages,
sorted by what they name): framework, countries (taking part, not merely named), kinds (per
event mention: an item may report several events), level (from the evidence about the
meeting), topics, domains, actors. Facts (memberships, region names, the focal state) come from
the study (``res.study``); the rules here are about language and evidence.

Every ``Evidence`` says on what ``basis`` it stands (``named``: the text names it; ``office``:
an official's office; ``membership``: implied by membership of a framework meeting; ``group``:
a region's group name; ``venue``: the host of an event held in its capital; ``institution``:
an institution's state, domain or level) and the number of ``mentions`` in scope; the coder
turns both into a calibrated ``confidence`` (``calibration.py``).

After the rules, ``participation_model.apply_participation`` may judge each coded partner state
from named features of its mentions (a learned layer; off unless a weights file is shipped, and
none is: leave-one-set-out did not support it, gold/README.md "Eleventh round, learned
participation layer" and "Eighteenth round, learned participation layer revisited"). A state it
removes stays as a ``named_state`` evidence saying why.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from steppewatch.extract.coder_background import (
    absent_sentence,
    also_with,
    analyst_voice,
    another_time,
    asked_sentence,
    background_sentences,
    event_year,
    framework_background,
    idle_groups,
    lead_end,
    lead_start,
    map_sentence,
    measured_sentence,
    merged_spans,
    neighbour_sentence,
    note_start,
    other_act_opening,
    reaction_sentence,
    takes_part,
    talked_about,
    thanked,
)
from steppewatch.extract.coder_bystanders import bystander
from steppewatch.extract.coder_entities import (
    OBSERVER,
    another_bearers,
    border_side,
    compared_with,
    exported_to,
    firms_whereabouts,
    given_name_before,
    medium_name,
    named_only,
    not_participant,
    upcoming_venue,
)
from steppewatch.extract.coder_meeting_leads import (
    channel_mechanism,
    exercise_meeting,
    interview_commentary,
    meeting_leads,
)
from steppewatch.extract.coder_officials import (
    absent_mention,
    listed_title_at,
    title_office,
    title_officials,
)
from steppewatch.extract.coder_participation import (
    TURN_READ,
    other_turn,
    outside_pair,
    question_starts,
    source_label,
    stays_away,
    wished_partner,
)
from steppewatch.extract.coder_phrases import PHRASE_MARK
from steppewatch.extract.coder_principals import (
    assistant_title_after,
    focal_principal_over_name,
    guest_came_to_attend,
)
from steppewatch.extract.coder_resources import Resources, state_of
from steppewatch.extract.coder_sectors import (
    army_border,
    bordering,
    committee_name,
    committee_owns_border,
    drug_field,
    former_members,
    sphere_word,
    split_guofang,
)
from steppewatch.extract.coder_specificity import (
    NAME_EXCLUDED,
    army_named,
    border_owner_gap,
    crime_not_border,
    cross_border_crime,
    drug_smuggling,
    hostage_rescue,
    hostility_named,
    in_forum_name,
    information_exchange,
    listed_three_evils,
    needs_qualifier,
    security_service_sold,
    situation_named,
)
from steppewatch.extract.lines import LinePattern
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import ActorMention, CodedItem, Evidence
from steppewatch.extract.normalise import normalise_for_matching
from steppewatch.extract.participation_model import apply_participation
from steppewatch.extract.prefilter import Guarded, Literals

__all__ = ["Found", "assign_codes", "collect", "without_third_party"]

THREE_EVILS_PARTS = ("terrorism", "separatism", "extremism")
# event kinds, most specific first; a meeting in the item's lead wins over all of them
KIND_PRIORITY = (
    "multilateral_exercise",
    "bilateral_exercise",
    "joint_patrol_operation",
    "equipment_transfer",
    "private_security",
    "domestic_capacity",
    "training_education",
    "infrastructure",
    "incident",
    "mechanism",
    "meeting",
)
LEVEL_PRIORITY = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "security_council",
    "interior_public_security",
    "state_security_intelligence",
    "border_guard_chief",
    "chief_of_general_staff",
    "parliament",
    "party",
    "vice_minister_working",
    "other",
)
FRAMEWORK_PRIORITY = ("C5+China", "SCO", "CICA", "other_multilateral", "bilateral", "unilateral")
# kinds that states do together (not what the focal state gives or teaches several states)
JOINT_KINDS = frozenset(
    {"multilateral_exercise", "bilateral_exercise", "joint_patrol_operation", "meeting"}
)
# kinds several partner states can take part in together, one event of one format when no
# framework is named (other_multilateral): joint acts, and a course their officers sit together
SEVERAL_KINDS = JOINT_KINDS | {"training_education"}
# kinds that are the focal state's act alone when no framework is named (codebook: unilateral)
UNILATERAL_KINDS = ("private_security", "domestic_capacity")
MULTILATERAL_FRAMEWORKS = ("SCO", "CICA", "other_multilateral", "C5+China")
_MULTILATERAL_ONLY = re.compile(
    r"peace mission|和平使命|мирн\w* мисси|多边|multilateral|multinational|"
    r"многосторон|多国|center-2019|中部-2019|东方-2018|vostok|army games|国际军事比赛"
)
# an international contest of forces, one hit (coder_phrases.contest_mentions): teams of several
# states, whichever of them the study names (codebook: other_multilateral)
_CONTEST_NAMED = re.compile(
    r"(?:international|международн)\S*\s.*(?:contest|competition|конкурс|соревновани|состязани)|"
    r"国际.*(?:比赛|竞赛|比武)"
)
_BILATERAL_NAMED = re.compile(r"(?<![^\W\d_])(?:bilateral|двусторонн\w*)|双边")
# the exercise named by its two sides' pair right before it (таджикско-китайские учения,
# Sino-Kazakh drill, China-Tajikistan joint exercise, 中塔联合演习): the two sides named it,
# bilateral whatever third state the item names elsewhere
_CA_STEM = r"(?:казах\w*|kazakh\w*|кыргыз\w*|киргиз\w*|kyrgyz\w*|таджик\w*|tajik\w*|узбек\w*|uzbek\w*|туркмен\w*|turkmen\w*)"
_PAIR_NAMED = re.compile(
    rf"(?<![^\W\d_])(?:(?:китайско|sino|chinese|china)-{_CA_STEM}|{_CA_STEM}-(?:китайск\w*|chinese|china))"
    r"(?:[ \t]+[\w-]+){0,3}?[ \t]*$"
    r"|中[哈吉塔乌土](?:两国)?[^，,。；;\s]{0,6}$",
    re.IGNORECASE,
)
PAIR_SPAN = 48  # characters before an exercise hit searched for the pair naming it
KIND_PRIOR = {"meeting": 1.2, "mechanism": 0.5, "incident": 0.9}  # others: 1.0
LEAD = 200  # characters: the title and first sentence of an item name its main event
# a text that names this many partner states one by one has listed the participants: a group
# name (中亚国家军官) then refers to them, not to all members
GROUP_LIST = 3

# An office word qualified as someone's aide is not that office: 总统助理, помощник президента,
# Presidential Aide, assistant to the president (the SCO security council secretaries' meeting
# is attended by presidential aides; it is not a heads-of-state meeting); the presidential
# press service, пресс-служба Президента: a service's title, not the office.
_AIDE_AFTER = re.compile(
    r"\s?(?:助理|顾问|办公厅|办公室|新闻局|新闻办|aide|assistant|adviser|advisor|administration|office|"
    r"press service|press office|press secretary)",
    re.IGNORECASE,
)
_AIDE_BEFORE = Guarded(
    re.compile(
        r"(?:помощник\w*|советник\w*|администраци\w*|пресс-служб\w*|пресс-секретар\w*|"
        r"aide to the|assistant to the|adviser to the|advisor to the|press service of the|"
        # a body attached to the office (the Security Council under the President, Совет
        # безопасности при Президенте): the body's name, not the office
        r"(?<![^\W\d_])under the|(?<![^\W\d_])при)\s*$",
        re.IGNORECASE,
    ),
    "помощник",
    "советник",
    "администраци",
    "пресс-",
    "aide to",
    "assistant to",
    "adviser to",
    "advisor to",
    "press service",
    "under the",
    "при",
)
# Xinjiang's vocational education and training centres are not the training of partner-state
# security personnel (codebook: training_education); a training hit inside one of these names
# is no event mention.
_NOT_TRAINING = re.compile(
    r"教培中心|职业技能教育培训中心|教育培训中心|职业技能教育培训|vocational (?:education and training|skills education|training)|"
    r"education and training cent|профессионально\w*[- ]техническ\w* (?:обучени|образовани)|"
    r"центр\w* профессионального обучения",
    re.IGNORECASE,
)
# A question that asks the spokesperson to confirm a report, relays a rumour or a request: what
# the question names did not happen for the coder unless the answer reports it (能否证实…引渡请求?
# -> no event from the question's words; gold guide 4: a request, a plan or a rumour the
# spokesperson does not confirm is no event). A question citing a report (据报道) is not one:
# the news it cites happened.
_QUESTION = LinePattern(r"^\s*(?:问|Q|Вопрос)\s*[:：]", re.IGNORECASE)
_ANSWER = LinePattern(r"^\s*(?:答|A|Ответ)\s*[:：]", re.IGNORECASE)
_CONFIRM = re.compile(
    r"证实|确认|是否属实|传言|传闻|请求|要求中方|confirm|verify|rumou?r|\brequest|"
    r"подтверд|слух|просьб|запрос",
    re.IGNORECASE,
)
# an answer that does not know of what the question reports (its opening words)
_NOT_AWARE = re.compile(
    r"不了解|不掌握|没有掌握|未掌握|没有.{0,6}信息|无可奉告|请向.{0,12}(?:询问|了解)|建议你向|"
    r"\bnot aware\b|\b(?:don't|do not) have (?:the |any )?(?:information|details)\b|"
    r"\brefer you to\b|нет информации|не располага|не владе\w* информаци|не осведомлен|"
    # ... or that denies it (纯属捏造, groundless, не соответствует действительности)
    r"纯属|捏造|无稽之谈|不符合事实|不实|毫无根据|子虚乌有|\b(?:groundless|baseless|fabricat\w*|"
    r"untrue|not true)\b|не соответству\w* действительност|вымысел|опроверга",
    re.IGNORECASE,
)
NOT_AWARE_SPAN = 80  # characters of the answer's opening searched
# Medical and anti-epidemic aid is not security equipment (gold guideline 3: civilian
# public-health aid is not relevant): an equipment hit in a sentence about it is no transfer.
_MEDICAL_AID = re.compile(
    r"抗疫|防疫|疫情|医疗物资|口罩|呼吸机|检测试剂|疫苗|防护服|护目镜|防护用品|公共卫生|"
    r"anti-epidemic|epidemic|pandemic|covid|coronavirus|medical supplies|\bmasks?\b|ventilator|"
    r"test kits?|vaccine|protective (?:suits?|equipment|gear|clothing)|goggles|public health|"
    r"медицинск|пандеми|эпидеми|коронавирус|маск|вакцин|защитн\w* (?:костюм|очк|средств)|"
    r"средств\w* индивидуальной защиты|здравоохранени",
    re.IGNORECASE,
)
# A body named (a commission, working group, mechanism, RATS) is a mechanism event only when
# the sentence reports setting it up; otherwise it is an existing body: a title (中央政法委书记,
# the State Committee for National Security's special forces) or a meeting of it (中乌政府间合作
# 委员会第五次会议 is a meeting, not a new mechanism).
_BODY_TERM = re.compile(
    r"委员会|分委会|工作组|专家组|机制|机构|commission|committee|working group|expert group|"
    r"mechanism|структур|комисси|подкомисси|рабоч\w* групп|экспертн\w* групп|механизм",
    re.IGNORECASE,
)
_ESTABLISH = re.compile(
    r"成立|设立|建立|组建|启动|签署|签订|\bestablish|\bset up\b|\bcreat(?:e|ed|ing|ion)\b|"
    r"\blaunch|\bsign(?:s|ed|ing)?\b|"
    r"учре[дж]д?|созда|образова|подпис",
    re.IGNORECASE,
)
# what makes a document an event: signed, ratified, adopted, concluded, entered into force
_DOCUMENT_ACT = re.compile(
    r"签署|签订|签字|批准|达成|缔结|生效|互换|制定|成立|设立|建立|通过了|审议通过|一致通过|会议通过|"
    r"\bsign(?:s|ed|ing)?\b|ratif|adopt|conclud|(?:enters|entered) into force|(?:takes|took) effect|agreed|approv|establish|"
    r"подпис|ратифи|принят|утверд|утвержд|заключ|вступ\w* в силу|договорились|учре[дж]д?|созда",
    re.IGNORECASE,
)
# "founded N years ago", 成立17年来, 自…成立以来, "since its establishment": an anniversary, not a
# founding
_ANNIVERSARY_AFTER = re.compile(
    r"[ \t]?(?:(?:\d{1,3}|[一二三四五六七八九十百两]+)[ \t]?(?:周年|年来|多年|年)|以来)"
)
_ANNIVERSARY_BEFORE = re.compile(
    r"(?:自|建交|since\b[^.,;\n]{0,40}|с момента|со дня|установлени\w+ дипломатическ\w+ отношений)\s*$",
    re.IGNORECASE,
)
# A plan of exercises approved at a meeting is a mechanism, not an exercise held: 演习计划,
# план проведения совместных учений, plan of joint exercises.
# (a planning conference of an exercise, конференция по планированию учений, is the exercise's
# own: codebook bilateral_exercise, "including its planning conferences")
_PLAN_BEFORE = re.compile(
    r"(?:план(?!ирова)\w*|программ\w*|plan(?:s|ned)? (?:for|of)|计划|"
    # (agreed to hold it, договорились о проведении, 商定举行: the meeting's decision, to come)
    r"(?<![^\W\d_])agree(?:d|s)?\s+(?:on|to\s+(?:hold|conduct|stage))|"
    r"договорил\w*\s+(?:о\s+проведении|провести)|商定举行|同意举行)[^。.;；\n]{0,30}$",
    re.IGNORECASE,
)
_PLAN_AFTER = re.compile(r"\s?(?:计划|方案|план)", re.IGNORECASE)
# Help given over the years, thanked for or recalled (塔方感谢中方长期以来为塔警察培训和装备提供
# 的帮助; "thanked China for its long-standing assistance"): no transfer reported this time.
_ONGOING = re.compile(
    r"长期以来|多年来|一直以来|long-standing|longstanding|over the years|for many years|"
    r"на протяжении (?:многих )?лет|многолетн|в течение многих лет",
    re.IGNORECASE,
)
# A format of the region with another state, not the focal one (“中亚五国+美国”, C5+1, Central
# Asia plus the US, Центральная Азия + США): a meeting in its sentence is that format's meeting,
# not the focal state's; an item that only comments on it is commentary. The part after the
# plus is checked for the focal state (中亚五国+中国 is the study's own format).
_REGION_PLUS = Guarded(
    re.compile(
        r"(?:中亚五国|中亚|\bC5|Central Asia(?:n states)?|Центральн\w* Ази\w*|\bС5)"
        r"\s*[”\"»]?\s*(?:\+|＋|\bplus\b|\bплюс\b)\s*[“\"«]?\s*"
        r"(1\b|[^\s，,。;；:：()（）”\"»]{1,16})",
        re.IGNORECASE,
    ),
    "+",
    "＋",
    "plus",
    "плюс",
)
# the end of an item's first sentence; a period after a one- or two-letter word is an
# abbreviation (2019 г., St.), not an end
# the end of a body's first sentence (not at an abbreviation's or a dateline's full stop: Sept.
# 16, 20 мая. /ТАСС/.)
_LEAD_SENTENCE_END = re.compile(r"[。！？!?\n]|(?:(?<=[^\W\d_]{5})|(?<=[»”\"]))\.(?:\s|$)(?!\s*/)")
_INTERVIEW = Guarded(
    re.compile(
        r"\binterview\w*|\bop-ed\b|\bwrote in an article|采访|专访|撰文|署名文章|"
        r"интервью|в статье|авторской стать",
        re.IGNORECASE,
    ),
    "interview",
    "op-ed",
    "wrote",
    "采访",
    "专访",
    "撰文",
    "署名文章",
    "интервью",
    "стать",
)
_FIRST_SENTENCE_END = re.compile(r"[。！？!?\n]|(?<=[^\W\d_]{3})\.(?:\s|$)")
# the two sides of the meeting named without their names: a paragraph saying what they did
# (会见后，双方签署了…; По итогам встречи стороны подписали…) is about the meeting
_BOTH_SIDES = Literals(
    re.compile(
        r"双方|两国|两部|стороны|сторонами|both sides|the two sides|the sides|"
        r"двух стран|обеих стран|двух государств|обоих государств|both countries|the two countries",
        re.IGNORECASE,
    )
)
# ... or all the sides of a multilateral event (the six countries, 五国, шести стран, all sides)
_ALL_SIDES = Literals(
    re.compile(
        r"三国|四国|五国|六国|各方|与会各国|the three countries|the four countries|"
        r"the five countries|the six countries|the three states|the four states|the five states|"
        r"the six states|all sides|all parties|трех стран|четырех стран|пяти стран|шести стран|"
        r"трёх стран|все стороны|всех сторон",
        re.IGNORECASE,
    )
)
# ... or the two principals without their names (the two heads of state witnessed the signing,
# 两国元首共同见证, the two ministers): a paragraph about the meeting they held
_THE_PRINCIPALS = Literals(
    re.compile(
        r"两国元首|两国领导人|两国部长|the two heads of state|the two presidents|the two leaders|"
        r"the two ministers|the two delegations|главы двух|президенты двух|министры двух|"
        r"лидеры двух",
        re.IGNORECASE,
    )
)
# ... or the item's own ceremony (仪式上, at the ceremony, на церемонии): a paragraph about the
# event the item reports (what was also handed over there)
_THE_CEREMONY = Literals(
    re.compile(
        r"仪式上|仪式期间|at the ceremony|at the same ceremony|at the opening ceremony|"
        r"at the handover ceremony|during the ceremony|на церемонии|в ходе церемонии|"
        r"во время церемонии",
        re.IGNORECASE,
    )
)
# ... or the meeting itself as the one acting (会议通过了宣言, 与会各方, участники заседания
# утвердили, the meeting adopted): a paragraph about the meeting
_THE_MEETING = re.compile(
    r"会议(?:通过|批准|签署|决定)|与会各方|与会|participants|the meeting (?:adopted|approved)|"
    r"the (?:leaders|heads of state|ministers|presidents) (?:signed|adopted|approved)|"
    r"各国领导人|与会领导人|(?:лидеры|главы государств|министры) (?:подписали|утвердили|приняли)|"
    r"участник\w* (?:заседани|совещани|встреч|саммит)|"
    # (the outcome formula of any gathering: по итогам переговоров, визита, консультаций)
    r"по итогам (?:заседани|совещани|встреч|саммит|переговор|визит|консультаци|бесед|"
    r"телефонного разговор)",
    re.IGNORECASE,
)
# ... or the meeting's outcome told with its participants or the meeting as the ones acting,
# or with no actor (会上签署, 会后发表; Участники ... утвердили План; Утверждена Программа
# ... at a paragraph's head; Following the meeting, the Secretaries signed; the delegations
# adopted): a paragraph about the meeting's document, for a second event only
MEETING_PRODUCT_SPAN = 160  # characters between the participants and their verb of adopting
_MEETING_PRODUCT = re.compile(
    r"会上|会后|会谈后|会晤后|会议结束时|会议期间|"
    r"(?<![^\W\d_])(?:(?:following|after|at\s+the\s+end\s+of|at)\s+the\s+"
    r"(?:meeting|talks|session|consultations|council)|the\s+(?:delegations|secretaries|"
    r"chiefs|heads|parties|attendees)\s+(?:signed|adopted|approved))(?![^\W\d_])|"
    rf"(?<![^\W\d_])(?:участники|делегации)(?![^\W\d_])[^.!?\n]{{0,{MEETING_PRODUCT_SPAN}}}?"
    r"(?<![^\W\d_])(?:утвердили|приняли|подписали|одобрили)(?![^\W\d_])|"
    r"(?<![^\n])[ \t]*(?:утвержден|принят|подписан|одобрен)(?:а|о|ы)?(?![^\W\d_])",
    re.IGNORECASE,
)
# ... or the item's own facility as what something came with (together with the building, along
# with the centre, вместе со зданием, 与营房一并移交): a paragraph about the event the item
# reports (what was handed over with it)
_WITH_THE_FACILITY = re.compile(
    r"(?<![^\W\d_])(?:(?:together|along)\s+with\s+the\s+(?:building|centre|center|facility|"
    r"outpost|post|station|premises|complex)|вместе\s+со?\s+(?:здани|застав|центр|объект|"
    r"комплекс|пост)\w*)(?![^\W\d_])|一并(?:移交|交付|交接|赠送)|同时(?:移交|交付|交接|赠送)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
_CLAUSE_BREAK = re.compile(r"[，,。;；:：、!?！？\n]")
# "a meeting WITH the ambassador" (встречу с послом, 同…会见): the one met, not the meeting's name
_MET_WITH = re.compile(r"[，,。;；:：、!?！？\n]|\b(?:с|со|with)\s|同|与", re.IGNORECASE)


@dataclass
class Found:
    """The hits of an item's scope, sorted by what they name."""

    by_scheme: dict[str, dict[str, list[Hit]]] = field(default_factory=dict)
    states: dict[str, Hit] = field(default_factory=dict)
    basis: dict[str, str] = field(default_factory=dict)  # state -> how it was found
    venues: dict[str, Hit] = field(default_factory=dict)  # capitals named as the event's place
    groups: dict[str, Hit] = field(default_factory=dict)  # 中亚国家: every member, unless listed
    # 中亚国家 named after the lead in a sentence reporting nothing: see ``idle_groups``
    idle_groups: dict[str, Hit] = field(default_factory=dict)
    from_examples: set[str] = field(default_factory=set)  # states taken from ``examples``
    examples: dict[str, Hit] = field(default_factory=dict)  # "countries such as": see below
    # partner states named as examples only as neighbours (a border's other side, where they
    # lie, how they react: ``coder_background.neighbour_sentence``), and those named otherwise
    neighbours: set[str] = field(default_factory=set)
    not_neighbours: set[str] = field(default_factory=set)
    actors: dict[str, tuple[ActorMention, Hit]] = field(default_factory=dict)
    implied_levels: dict[str, Hit] = field(default_factory=dict)
    implied_domains: dict[str, Hit] = field(default_factory=dict)
    implied_frameworks: dict[str, Hit] = field(default_factory=dict)
    in_titles: list[Hit] = field(default_factory=list)  # institutions named in an official's title
    # training of a stated number pledged under a document or in a speaker's words (根据协议，中方将
    # 为哈方培训150名警务人员; China will provide training for 300 officers): no event of its own,
    # but a second event of the meeting or the handover it was pledged at (codebook
    # training_education: "pledges to train N law-enforcement officers")
    pledged_training: list[Hit] = field(default_factory=list)
    # sentences where a third state acts without the focal state (see ``third_party_sentences``)
    third_party: list[tuple[int, int]] = field(default_factory=list)
    # questions asking to confirm a rumour or relaying a request: their words make no event
    unconfirmed: list[tuple[int, int]] = field(default_factory=list)
    # event words reported as not having happened (denied, called off: ``_did_not_happen``)
    unhappened: list[Hit] = field(default_factory=list)
    # the lead's event words all reported as not having happened: the item is about that one
    # event (its sides), no analysis of the partners it names
    lead_unhappened: bool = False
    # where the focal state is named, and other states (not as a place)
    focal_named: list[int] = field(default_factory=list)
    others_named: list[int] = field(default_factory=list)
    # state names in a list of third parties, given as examples or named as observers: parties
    # named, not a topic (观察员国阿富汗、白俄罗斯…: not the Afghan issue)
    listed_names: list[tuple[int, int]] = field(default_factory=list)
    # every name of a state, an official or a state's institution: (start, end, state), sorted
    # (whose office a level word is: ``_level_owner``)
    owners: list[tuple[int, int, str]] = field(default_factory=list)
    owner_starts: list[int] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # the one partner state named in the lead's sentence reporting the event: the main event is
    # bilateral when no framework is named there (``event_frameworks``)
    lead_partner: Hit | None = None
    lead_state: str | None = None  # (its state)
    # all the item's hits (not only its scope's): the lead's sides are read from them, as the
    # lead reports the main event even when its passage was not scored as security
    item_hits: list[Hit] | None = None
    reference: str | None = None  # the publication date (the year of the event's lead)
    # a press conference's questions after the item's lead: an office named there asks about
    # officials, it reports no meeting of the item (``rule_kinds``)
    questions: list[tuple[int, int]] = field(default_factory=list)
    # the first sentence of the answer to a question opening the item (``answer_lead``)
    answer: tuple[int, int] | None = None

    def codes(self, scheme: str) -> dict[str, list[Hit]]:
        return self.by_scheme.get(scheme, {})

    def add_state(self, code: str, hit: Hit, basis: str) -> None:
        if code not in self.states:
            self.states[code] = hit
            self.basis[code] = basis


ABBREVIATION = 6  # letters: the longest abbreviation read as a body's name (ГКНБ, СГБ)


def _body_states(hits: list[Hit], res: Resources, text: str) -> list[tuple[int, str]]:
    """(start, state) of the officials and the institutions of a state among ``hits`` (not a
    framework's), and of the bodies named by an abbreviation the gazetteer gives no state (СГБ,
    a level's word in capitals: "")."""
    bodies: list[tuple[int, str]] = []
    for hit in hits:
        kind, value = hit.payload
        if kind == "meeting_level":
            term = text[hit.start : hit.end]
            if 2 <= len(term) <= ABBREVIATION and term.isupper() and term.isalpha():
                bodies.append((hit.start, ""))
        elif kind == "official":
            bodies.append((hit.start, res.gazetteer.officials[value].country))
        elif kind == "institution":
            institution = res.gazetteer.institutions[value]
            if not institution.framework:  # (a framework's body speaks for no state)
                # (a name two states' bodies share, ГКНБ: "", a state's all the same)
                bodies.append((hit.start, institution.country or ""))
    return bodies


def evidence(
    field_name: str, code: str, hit: Hit, text: str, basis: str = "named", mentions: int = 1
) -> Evidence:
    return Evidence(
        field=field_name,
        code=code,
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        basis=basis,
        mentions=mentions,
    )


# -- collecting -----------------------------------------------------------------------------
def collect(
    hits: list[Hit],
    text: str,
    res: Resources,
    reference: str | None,
    background: list[tuple[int, int]] | None = None,
    idle: set[int] | None = None,
    lead: int | None = None,
) -> Found:
    """Sort the scope's hits by what they name; officials and institutions bring their state,
    office, domain and framework. A partner state named (or whose official or institution is
    named) only in ``background`` sentences (``coder_background``) is like an example. With
    ``lead`` (where the item's lead ends: the countries, not the relevance decision), so is one
    named after it in a sentence of a reaction (had "no concerns"): a neighbour's word."""
    facts = res.study
    found = Found()
    background = background or []
    idle = idle or set()

    def in_background(hit: Hit, state: str | None) -> bool:
        return bool(background) and state in facts.partner_set and _within(background, hit)

    # where a security matter is named (a topic or a domain, or security firms): starts, sorted
    security = sorted(
        h.start
        for h in hits
        if h.payload[0] in ("topic", "domain") or h.payload == ("event_kind", "private_security")
    )

    def neighbour(state: str, hit: Hit, border: bool) -> None:
        if state not in facts.partner_set:
            return
        if (
            border
            or neighbour_sentence(text, hit.start, 0, len(text))
            or asked_sentence(text, hit.start, 0, len(text))
        ):
            found.neighbours.add(state)
        else:
            found.not_neighbours.add(state)

    hits = drop_nested_codes(hits)
    third_party = third_party_sentences(hits, text, res)
    # (one scan: an official or institution is an observer only where observers are named)
    lo, hi = _span(hits)
    observers = bool(hits) and OBSERVER.search(text, max(0, lo - 300), hi + 300) is not None
    borders = [
        h
        for h in hits
        if h.payload == ("domain", "border_guard")
        or (
            h.payload[0] == "institution"
            and res.gazetteer.institutions[h.payload[1]].domain == "border_guard"
        )
    ]
    border_ends = {h.end for h in borders}  # sets: one lookup per hit, not a scan
    # Chinese names the owner first: 国家安全委员会边防局 (the committee's border service)
    # (the security committee only: 新疆军区边防部队 are the army's own border troops)
    border_starts = {h.start for h in borders if _is_han_term(h)}

    ordered_ends = sorted(border_ends)

    def owns_border(hit: Hit) -> bool:
        if hit.payload[0] == "meeting_level" and _is_han_term(hit):
            # (Chinese names the body first: 国家移民管理局副局长 is the agency's deputy head)
            return _security_committee(hit, res) and (
                hit.end in border_starts
                or (hit.end + 1 in border_starts and text[hit.end] not in _HAN_AND)
            )
        return (
            hit.start in border_ends
            # (one character between: a space, not a conjunction: 边防部队和解放军)
            or (hit.start - 1 in border_ends and text[hit.start - 1] not in _HAN_AND)
            or (
                _is_han_term(hit)
                and _security_committee(hit, res)
                and (
                    hit.end in border_starts
                    # (one character between: 的, not a conjunction: 国家安全委员会及边防部门)
                    or (hit.end + 1 in border_starts and text[hit.end] not in _HAN_AND)
                )
            )
            # the Border Service of the State Committee for National Security: words between
            or (_security_committee(hit, res) and border_owner_gap(hit, ordered_ends, text))
        )

    # names of frameworks and issues (阿富汗邻国, the Afghan issue): a state inside one is named,
    # not taking part
    names = sorted(
        (h for h in hits if h.payload[0] in ("topic", "framework")), key=lambda h: h.start
    )
    strangers = another_bearers(
        text,
        hits,
        {
            h.payload[1]: res.gazetteer.officials[h.payload[1]].name
            for h in hits
            if h.payload[0] == "official"
        },
    )
    focal_starts: list[int] | None = None

    def focal_at() -> list[int]:
        # where the focal state is named, or its security firms abroad (their host state is
        # a side: ``rule_host_states``): sorted, read once, lazily
        nonlocal focal_starts
        if focal_starts is None:
            focal_starts = sorted(
                h.start
                for h in hits
                if names_focal(h, res) or h.payload == ("event_kind", "private_security")
            )
        return focal_starts

    # where a body of other states (the CSTO, the CIS) is named: starts, sorted
    outside_bodies = sorted(
        h.start
        for h in hits
        if h.payload[0] == "institution"
        and not _owned_institution(res.gazetteer.institutions[h.payload[1]])
    )

    def outside_body_sentence(hit: Hit) -> bool:
        """The sentence of ``hit`` names a body of other states and not the focal state."""
        if not outside_bodies:
            return False
        lo, hi = _sentence_of(text, hit.start, 0, len(text))
        return _any_in(outside_bodies, lo, hi) and not facts.focal_word.search(text, lo, hi)

    bodies: list[tuple[int, str]] = []  # (start, state) of officials and institutions, sorted

    def other_partner_act(hit: Hit) -> bool:
        """The sentence of ``hit`` (a partner state named after the lead) opens on another act
        of the day or before it and names an official or an institution of a state, none of
        the focal state's and the focal state not at all: a partner's own business."""
        lo, hi = _sentence_of(text, hit.start, 0, len(text))
        if not other_act_opening(text, lo, hi) or facts.focal_word.search(text, lo, hi):
            return False
        if takes_part(text, lo, hi):
            return False  # (the same day its border service's officers joined the talks: a side)
        if not bodies:
            bodies.extend(sorted(_body_states(hits, res, text)))
        i = bisect.bisect_left(bodies, (lo, ""))
        owners = {state for start, state in bodies[i:] if start < hi}
        return bool(owners) and facts.focal not in owners

    def other_quiet_act(hit: Hit) -> bool:
        """The sentence of ``hit`` opens on another act of the day or before it and names no
        security matter."""
        lo, hi = _sentence_of(text, hit.start, 0, len(text))
        return other_act_opening(text, lo, hi) and not _any_in(security, lo, hi)

    # English participation evidence (``coder_participation``): positions built once, lazily
    mentions: list[tuple[int, int, str]] | None = None
    pairs: (
        tuple[list[tuple[int, int, str]], dict[int, str], dict[int, str], frozenset[str], list[int]]
        | None
    ) = None

    questions: list[int] | None = None
    focal_names: list[int] | None = None
    questions_end = min(len(text), hi + TURN_READ)

    def other_turn_en(hit: Hit, state: str) -> bool:
        """A partner state's English mention in an interview's turn not about the focal state."""
        nonlocal questions, focal_names
        if state not in facts.partner_set or not hit.term.isascii():
            return False
        if questions is None:
            questions = question_starts(text, max(0, lo - TURN_READ), questions_end)
        if focal_names is None:
            focal_names = sorted(h.start for h in hits if names_focal(h, res))
        return other_turn(text, hit, questions, questions_end, facts.focal_word, focal_names)

    def stays_away_en(hit: Hit, state: str | None) -> bool:
        """A partner state's English mention said to stay away (did not send a delegation)."""
        nonlocal mentions
        if state not in facts.partner_set or not hit.term.isascii():
            return False
        if mentions is None:
            mentions = sorted(
                (h.start, h.end, s) for h in hits if (s := state_of(h, res)) is not None
            )
        return stays_away(text, hit, state, mentions)

    def outside_pair_en(hit: Hit, state: str) -> bool:
        """A partner state's English mention in a clause pairing it with a state from outside
        the region (Kazakh-Russian talks)."""
        nonlocal pairs
        if state not in facts.partner_set or not hit.term.isascii():
            return False
        if pairs is None:
            named = sorted(
                (h.start, h.end, str(h.payload[1])) for h in hits if h.payload[0] == "state"
            )
            pairs = (
                named,
                {start: state for start, _, state in named},
                {end: state for _, end, state in named},
                frozenset(
                    state
                    for _, _, state in named
                    if state not in facts.partner_set and state != facts.focal
                ),
                sorted(h.start for h in hits if h.payload[0] in ("framework", "group")),
            )
        named, starts, ends, outsiders, names = pairs
        return outside_pair(
            text, hit, state, named, starts, ends, outsiders, facts.focal_word, names
        )

    for hit in hits:
        kind, value = hit.payload
        if kind in _OWNER_CODES and owns_border(hit):
            continue  # ГКНБ in Пограничной службы ГКНБ: whose border service, not a code
        if kind in ("state", "official", "institution") and stays_away_en(hit, state_of(hit, res)):
            # said to stay away in its own clause (Turkmenistan did not send a delegation;
            # Bishkek denies its troops joined): no side, not even an example (twenty-first
            # round, issue 13, test24)
            continue
        if kind in res.active:
            if value in res.active[kind]:
                found.by_scheme.setdefault(kind, {}).setdefault(value, []).append(hit)
        elif kind == "state":
            if value not in facts.partner_set and value != facts.focal and _named_in(hit, names):
                continue  # 阿富汗邻国外长会, 阿富汗局势: a framework's or an issue's name
            if value in facts.partner_set and exported_to(text, hit):
                continue  # exported to Kazakhstan: a market, not a side (not even an example)
            if other_turn_en(hit, value):
                # in an interview's turn naming neither the focal state nor anyone taking part
                # (the border with Tajikistan, Kazakhstan's law): the interviewee's other
                # business, not even an example (twenty-first round, test21, test22, tune8)
                continue
            if value in facts.partner_set and source_label(text, hit):
                # a medium's language service (By RFE/RL's Kyrgyz Service), a state's media
                # (Tajik media reported), a digest's label (* KAZAKHSTAN -), the border a place
                # lies near: furniture and places, not even an example (twenty-first round,
                # test23, test24)
                continue
            if value in facts.partner_set and wished_partner(text, hit):
                continue  # China stands ready to work with Kazakhstan: a future partner only
            if outside_pair_en(hit, value):
                # Kazakh-Russian air defence talks, no focal state nor framework in its clause:
                # that pair's business, like a third state's (twenty-first round, test23)
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
                continue
            if value != facts.focal and (
                _inside(hit, third_party) or named_only(text, hit) or compared_with(text, hit)
            ):
                # the US visiting Kazakhstan: the third state's partner, not the focal state's;
                # a state named only as a border, a route's stop, researchers' home, a dateline
                # or a comparison's yardstick (unlike Kazakhstan: a participant only when no
                # partner state is named otherwise, like examples)
                found.examples.setdefault(value, hit)
                neighbour(value, hit, border_side(text, hit))
            elif lead is not None and value in facts.partner_set and medium_name(text, hit):
                # the page's source (Интерфакс-Казахстан): a side only when no other partner is
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
            elif in_background(hit, value):
                # an earlier event recalled, a membership, the next summit's host; not an
                # observer (Uzbekistan was represented by observers): no example either, which
                # takes part when no partner is named otherwise
                if not (observers and not_participant(text, hit, facts.focal_word)):
                    found.examples.setdefault(value, hit)
                    neighbour(value, hit, False)
            elif (
                lead is not None
                and hit.start >= lead
                and value in facts.partner_set
                and reaction_sentence(text, hit.start, 0, len(text))
            ):
                found.examples.setdefault(value, hit)
                found.neighbours.add(value)
            elif (
                lead is not None
                and hit.start >= lead
                and value != facts.focal
                and outside_body_sentence(hit)
            ):
                # taking part in a body of other states' event (учения ОДКБ вместе с
                # военнослужащими Казахстана), the focal state not named in the sentence: that
                # body's participant, not the item's (twentieth round, issue 13, test22)
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
            elif (
                lead is not None
                and hit.start >= lead
                and value in facts.partner_set
                and (
                    # only the place of what its sentence reports (учения ОДКБ в
                    # Таджикистане, a drill held in Kyrgyzstan), in a sentence naming no side
                    # of the focal state: another event's venue
                    (
                        place_only(text, hit)
                        and not _any_in(focal_at(), *_sentence_of(text, hit.start, 0, len(text)))
                    )
                    # the same actor's other act with or in another state, no security matter
                    # in its sentence (also ratified agreements with Kazakhstan on water); not
                    # where the focal state's security firms are named operating (they take
                    # part where they operate: a host state)
                    or (
                        also_with(text, hit, 0, len(text))
                        and not _any_in(security, *_sentence_of(text, hit.start, 0, len(text)))
                    )
                    # thanked (the minister thanked China and also Kazakhstan and Kyrgyzstan
                    # for their support)
                    or thanked(text, hit, 0, len(text))
                    # another act of the day or before it by another partner's body, the focal
                    # state not named (Earlier that day the committee's chairman received the
                    # Kazakh envoy): that act's side
                    or other_partner_act(hit)
                    # another act of the day or before it with no security matter in its
                    # sentence (the same day the region also held a trade fair, buyers from
                    # Kazakhstan attending): that act's side, whoever acts
                    or other_quiet_act(hit)
                )
            ):
                # a partner state named after the lead, but not as a side of this event: like
                # an example (a side only when no other partner state is)
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
            elif value in facts.partner_set and bystander(text, hit):
                # a guest of the event, a state holding the same view as well, one never dealt
                # with (``coder_bystanders``): like an example (a side only when no other
                # partner state is)
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
            elif value == facts.focal or not not_participant(text, hit, facts.focal_word):
                found.add_state(value, hit, "named")
        elif kind == "example":
            if value in facts.partner_set and wished_partner(text, hit):
                continue  # (China stands ready to work with Kazakhstan and other states)
            if not not_participant(text, hit, facts.focal_word):
                found.examples.setdefault(value, hit)
                neighbour(value, hit, False)
        elif kind in ("group", "group_other"):
            if kind == "group" and hit.start in idle:
                # the region talked about after the lead (中国和中亚国家是好邻居): its members
                # take part only when no partner state is named taking part
                found.idle_groups.setdefault(value, hit)
                continue
            # a mention joined to the focal state (中国和中亚国家) says more than one not joined
            if value not in found.groups or (
                kind == "group" and found.groups[value].payload[0] == "group_other"
            ):
                found.groups[value] = hit
        elif kind == "venue":
            if not upcoming_venue(text, hit) and not other_turn_en(hit, str(value)):
                # (the upcoming summit in Bishkek: not this event's; an interview's turn not
                # about the focal state: not its event's)
                found.venues.setdefault(value, hit)
        elif kind == "home_office":
            # an office named with no state under a partner's dateline (``coder_home``): that
            # state's, like its institution
            if in_background(hit, value):
                found.examples.setdefault(value, hit)
                found.not_neighbours.add(value)
            else:
                found.add_state(value, hit, "institution")
        elif kind == "official":
            official = res.gazetteer.officials[value]
            if value in strangers and " " not in hit.term.strip():
                continue  # Ilyas Kurbanov, a deported man, is not Defence Minister Kurbanov
            office = official.office_on(reference)
            mention = ActorMention(
                name=official.name,
                # no office in the gazetteer at the date: the title the text gives him
                office=office.title
                if office
                else title_office(text, hit.start, hit.end, res.state_words),
                country=official.country,
            )
            if mention.office is not None and not absent_mention(text, hit.start, hit.end):
                # an actor takes part: not greeted from afar, recalled or a link's subject;
                # and holds an office at the date (the gazetteer's, or the title the text
                # gives him): a former president named in passing is no actor
                found.actors.setdefault(official.name, (mention, hit))
            if in_background(hit, official.country):
                found.examples.setdefault(official.country, hit)
                found.not_neighbours.add(official.country)
            elif (
                observers
                and official.country != facts.focal
                and not_participant(text, hit, facts.focal_word)
            ):
                pass  # an observer or a guest (the Turkmen president attended as a guest)
            elif official.country in facts.partner_set and bystander(text, hit):
                # (``coder_bystanders``: the Turkmen minister spoke as the chair's guest)
                found.examples.setdefault(official.country, hit)
                found.not_neighbours.add(official.country)
            else:
                found.add_state(official.country, hit, "office")
            if office is not None and office.office in res.active["meeting_level"]:
                found.implied_levels.setdefault(office.office, hit)
        elif kind == "institution":
            # an institution brings its state, domain, level and framework but is no actor:
            # actors are the officials who take part (gold guideline 6), not the SCO or a ministry
            institution = res.gazetteer.institutions[value]
            in_title = bool(_TITLE_AFTER.match(text, hit.end)) or bool(
                _TITLE_BEFORE.search(text, max(0, hit.start - 64), hit.start)
            )
            if in_title:
                found.in_titles.append(hit)
            if institution.country and in_background(hit, institution.country):
                found.examples.setdefault(institution.country, hit)
                found.not_neighbours.add(institution.country)
            elif (
                observers
                and institution.country
                and institution.country != facts.focal
                and not_participant(text, hit, facts.focal_word)
            ):
                pass  # its state sent observers (乌兹别克斯坦国家安全局派观察员观摩演习)
            elif institution.country:
                found.add_state(institution.country, hit, "institution")
            # the border service OF the security committee (Пограничной службы ГКНБ, 国家安全
            # 委员会边防局 reads the other way): the border guards act, not the committee
            owner = owns_border(hit)
            # the RATS director at a foreign ministers' meeting: the body's secretariat
            # attends, its field is not the meeting's
            if (
                institution.domain in res.active["domain"]
                and not (in_title and institution.framework)
                and not owner
            ):
                found.implied_domains.setdefault(institution.domain, hit)
            if (
                institution.level in res.active["meeting_level"]
                and not owner
                and not _organiser(text, hit)
            ):
                level = institution.level
                if level in _MINISTER_LEVELS and (
                    _VICE_AFTER.match(text, hit.end)
                    or _delegates(text, hit)
                    or assistant_title_after(text, hit.end)  # 公安部部长助理
                ):
                    level = "vice_minister_working"  # 公安部副部长, representatives of the MVD
                found.implied_levels.setdefault(level, hit)
            if institution.framework in res.active["framework"]:
                found.implied_frameworks.setdefault(institution.framework, hit)
    found.third_party = third_party
    for hit in hits:
        if names_focal(hit, res):
            found.focal_named.append(hit.start)
            found.owners.append((hit.start, hit.end, facts.focal))
        elif (state := state_of(hit, res)) is not None and not _PLACE_BEFORE.search(
            text, max(0, hit.start - 8), hit.start
        ):
            found.others_named.append(hit.start)
            if hit.payload[0] in ("state", "official", "institution"):
                found.owners.append((hit.start, hit.end, state))
    found.owners.sort()
    found.owner_starts = [o[0] for o in found.owners]
    found.focal_named.extend(m.start() for m in _BOTH_SIDES.finditer(text, *_span(hits)))
    found.focal_named.sort()
    found.others_named.sort()
    for hit in hits:
        if hit.payload[0] in ("listed", "example") or (
            hit.payload[0] == "state" and not_participant(text, hit, facts.focal_word)
        ):
            found.listed_names.append((hit.start, hit.end))
    found.listed_names.sort()
    return found


def _span(hits: list[Hit]) -> tuple[int, int]:
    return (min(h.start for h in hits), max(h.end for h in hits)) if hits else (0, 0)


# a state named as a place (在美国, in Russia, в России): not the one who acts
_PLACE_BEFORE = re.compile(
    r"(?:在|(?<![^\W\d_])(?:in|at)\s+(?:the\s+)?|(?<![^\W\d_])(?:в|во)\s+)$", re.IGNORECASE
)


def third_party_sentences(hits: list[Hit], text: str, res: Resources) -> list[tuple[int, int]]:
    """Sentences that name a third state (neither the focal state, a partner, nor ever a member
    of the study's frameworks with members: the US, Afghanistan, Turkey) other than as a place
    and name neither the focal state nor "the two sides": what happens there is that state's
    doing, not the focal state's (美国将向哈萨克斯坦等国提供反恐装备; the US and Kazakhstan held an
    exercise): the coder drops their code hits (``without_third_party``); a meeting named
    there is not the item's."""
    facts = res.study
    known = facts.partner_set | facts.members_ever | {facts.focal}
    third = [
        h
        for h in hits
        if (state := state_of(h, res)) is not None
        and state not in known
        and not _PLACE_BEFORE.search(text, max(0, h.start - 8), h.start)
    ]
    partners_only = partner_sentences(hits, text, res)
    if not third:
        return partners_only
    # a state that is a topic (阿富汗局势, the Afghan issue) or one side of a border is talked
    # about, not acting
    topics = sorted((h for h in hits if h.payload[0] == "topic"), key=lambda t: t.start)
    topic_starts = [t.start for t in topics]
    third = [
        h
        for h in third
        if not _overlaps(topics, topic_starts, h) and not not_participant(text, h, facts.focal_word)
    ]
    focal = sorted(h.start for h in hits if names_focal(h, res))
    # (in an item naming a multilateral framework, a sentence saying whose delegates or member
    # states take part names its gathering's participants, the third states among them:
    # 土耳其、伊朗等成员国代表与会; so does one saying who chairs it: chaired by the Azerbaijani
    # foreign minister)
    gathering = any(_multilateral_name(h, res) for h in hits)
    partner_starts = sorted(
        h.start for h in hits if h.payload[0] == "state" and h.payload[1] in facts.partner_set
    )
    spans: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for hit in third:
        lo, hi = _sentence_of(text, hit.start, max(0, hit.start - 400), hit.end + 400)
        if (lo, hi) in seen or _any_in(focal, lo, hi):
            continue
        seen.add((lo, hi))
        if _BOTH_SIDES.search(text, lo, hi) or (
            gathering
            and (
                (_TAKING_PART.search(text, lo, hi) and _DELEGATES.search(text, lo, hi))
                or _CHAIRED.search(text, lo, hi)
            )
        ):
            continue
        if (
            _any_in(partner_starts, lo, hi)
            and _TAKING_PART.search(text, lo, hi)
            and _DELEGATES.search(text, lo, hi)
        ):
            # (a partner's delegation attending beside the third state's, in any gathering:
            # 哈萨克斯坦内务部派出代表团出席，蒙古国驻华使馆官员参加; twentieth round, test22)
            continue
        spans.append((lo, hi))
    return merged_spans(spans + partners_only)


PARAGRAPH_SPAN = 3000  # characters searched either side of a name for its paragraph's ends


def outside_paragraphs(hits: list[Hit], text: str, res: Resources) -> list[tuple[int, int]]:
    """Paragraphs (lines) after the first whose first sentence names a state from outside the
    region (Pakistan, Russia, Turkey, the US) as a side, and that name no partner state, no
    region's group and no framework: another event (the focal state's with that state, or that
    state's own) reported on the same page (同日，习近平还会见了巴基斯坦总理。两国领导人同意加强
    反恐合作; On the same day, Xi also met the Pakistani prime minister...). The sentences after
    the first (the two leaders agreed...) name no state, so ``third_party_sentences`` does not
    read them; their codes are that event's, not the item's. Not a state named as a place,
    inside a topic's name (阿富汗局势) or as an observer or a border's side, nor one named in
    the lead (the first sentence under the first line) or in the body before the paragraph: a
    side of the item's own event (the Afghan neighbours' ministers, Russia's exercise). Sorted,
    not overlapping."""
    facts = res.study
    # (a member of a framework, Russia or Pakistan, is a state from outside the region too when
    # no framework is named in the paragraph)
    known = facts.partner_set | {facts.focal}
    third = [
        h
        for h in hits
        if h.payload[0] in ("state", "official", "institution")
        and (state := state_of(h, res)) is not None
        and state not in known
        and not _PLACE_BEFORE.search(text, max(0, h.start - 8), h.start)
    ]
    if not third:  # (cheap test first: most items name no such state)
        return []
    first_line = text.find("\n", hits[0].start if hits else 0)
    if first_line < 0:
        return []
    # (the first sentence under the first line: the event's lead)
    body = first_line + 1
    while body < len(text) and text[body] in " \t\r\n\u3000":
        body += 1
    stop = _SENTENCE.search(text, body, min(len(text), body + SENTENCE_SPAN))
    body_end = stop.end() if stop else min(len(text), body + SENTENCE_SPAN)
    topics = sorted((h for h in hits if h.payload[0] == "topic"), key=lambda t: t.start)
    topic_starts = [t.start for t in topics]
    # what makes a paragraph the region's: a partner state, its official or institution, the
    # region's group, a framework (not "the two states": 两国, bilateral)
    region = sorted(
        h.start
        for h in hits
        if h.payload[0] in ("group", "group_other")
        or (h.payload[0] == "framework" and h.payload[1] not in ("bilateral", "unilateral"))
        or (
            h.payload[0] in ("state", "listed", "example", "official", "institution", "venue")
            and (h.payload[1] if h.payload[0] == "venue" else state_of(h, res)) in facts.partner_set
        )
    )
    # where the body (under the first line) first names each such state
    first_named: dict[str | None, int] = {}
    for hit in third:
        if hit.start > first_line:
            state = state_of(hit, res)
            first_named[state] = min(hit.start, first_named.get(state, hit.start))
    spans: list[tuple[int, int]] = []
    for hit in third:
        # (a paragraph's start and end searched within PARAGRAPH_SPAN: a scan to the text's
        # start per name is quadratic on a long text with no line breaks)
        lo = text.rfind("\n", max(0, hit.start - PARAGRAPH_SPAN), hit.start) + 1
        if lo == 0 or (spans and spans[-1][0] == lo):
            continue  # (no line break near: not a paragraph of its own)
        if hit.start < body_end or first_named.get(state_of(hit, res), lo) < lo:
            # (the item's lead names the item's event; a state the body named before the
            # paragraph is a side of the item's own event: the Afghan neighbours' ministers,
            # Russia's exercise)
            continue
        first = _SENTENCE.search(text, lo, min(len(text), lo + SENTENCE_SPAN))
        if first is None or hit.start >= first.end():
            continue  # (named after the paragraph's first sentence)
        if _overlaps(topics, topic_starts, hit) or not_participant(text, hit, facts.focal_word):
            continue
        newline = text.find("\n", hit.end, hit.end + PARAGRAPH_SPAN)
        hi = min(len(text), hit.end + PARAGRAPH_SPAN) if newline < 0 else newline
        if _any_in(region, lo, hi):
            continue
        spans.append((lo, hi))
    return spans


def partner_sentences(hits: list[Hit], text: str, res: Resources) -> list[tuple[int, int]]:
    """Sentences where two or more partner states act without the focal state: they name
    neither it, "the two sides", a framework nor taking part (Kazakhstan and Uzbekistan signed
    a border agreement; 哈萨克斯坦与乌兹别克斯坦举行联合演习): the partners' own doing, like a
    third state's (``third_party_sentences``). Not in an item naming a multilateral framework:
    its gathering's delegates are named in sentences of their own."""
    partners = res.study.partner_set
    states = [h for h in hits if h.payload[0] == "state" and h.payload[1] in partners]
    if len({h.payload[1] for h in states}) < 2:  # (cheap tests first: most items stop here)
        return []
    states = [
        h
        for h in states
        if not _PLACE_BEFORE.search(text, max(0, h.start - 8), h.start)
        and not not_participant(text, h, res.study.focal_word)  # таджикско-узбекской границе
    ]
    if len({h.payload[1] for h in states}) < 2:
        return []
    # a body of other states (the CSTO, the CIS: an institution of no state, framework or
    # field) is no gathering of the focal state's: a sentence naming partner states with it
    # and not the focal state reports their own doing (Kazakhstan will host a CSTO drill and
    # an Uzbek delegation will come), like one naming no body at all
    outside = {
        h.start
        for h in hits
        if h.payload[0] == "institution"
        and not _owned_institution(res.gazetteer.institutions[h.payload[1]])
    }
    if any(_multilateral_name(h, res) and h.start not in outside for h in hits):
        # (a gathering of a framework names its members' delegates in sentences of their own)
        return []
    # (a bilateral word, 两国, bilateral, is the sides the sentence names: ``their_sides``)
    focal = sorted(
        h.start
        for h in hits
        if names_focal(h, res)
        or (
            h.payload[0] in ("framework", "group")
            and h.start not in outside
            and h.payload != ("framework", "bilateral")
        )
    )
    by_sentence: dict[tuple[int, int], list[Hit]] = {}
    for hit in states:
        span = _sentence_of(text, hit.start, max(0, hit.start - 400), hit.end + 400)
        by_sentence.setdefault(span, []).append(hit)

    def their_sides(lo: int, hi: int, named: list[Hit]) -> bool:
        # "both sides" after two partner states named in the sentence are those two
        # (哈萨克斯坦与吉尔吉斯斯坦边防部门在两国边境会晤: the border of those two), not the focal
        # state and a partner (nineteenth round)
        both = _BOTH_SIDES.search(text, lo, hi)
        return both is None or len({h.payload[1] for h in named if h.end <= both.start()}) > 1

    events = sorted(h.start for h in hits if h.payload[0] == "event_kind")
    spans = [
        (lo, hi)
        for (lo, hi), named in by_sentence.items()
        if len({h.payload[1] for h in named}) > 1
        and not _any_in(focal, lo, hi)
        and their_sides(lo, hi, named)
        and not _TAKING_PART.search(text, lo, hi)
        # (a sentence saying who borders whom, with no event there, is the map: the states on
        # it do nothing, Xinjiang's posts stand where the border with Kazakhstan and Kyrgyzstan
        # runs)
        and not (map_sentence(text, lo, lo, hi) and not _any_in(events, lo, hi))
    ]
    return merged_spans(spans)


def _owned_institution(institution: object) -> bool:
    """An institution of a state, of one of the region's frameworks or of a field: not a body
    of other states (the CSTO, the CIS)."""
    return any(getattr(institution, name, None) for name in ("country", "framework", "domain"))


# a gathering's chair (主持, chaired by, председательствовал)
_CHAIRED = re.compile(
    r"主持|(?<![^\W\d_])(?:chair(?:ed|s|ing)?|presid(?:ed|es|ing)|председательств\w*|"
    r"председательствовал\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# a gathering's participants: delegates, representatives, member states
_DELEGATES = re.compile(
    r"成员国|代表|(?<![^\W\d_])(?:delegat\w*|representatives?|member\s+(?:states|countries)|"
    r"делегаци\w*|делегат\w*|представител\w*|государств\w*[\s–-]+член\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def _multilateral_name(hit: Hit, res: Resources) -> bool:
    """``hit`` names a multilateral framework or one of its bodies (the SCO, RATS, CICA)."""
    kind, value = hit.payload
    return (kind == "framework" and value in MULTILATERAL_FRAMEWORKS) or (
        kind == "institution" and bool(res.gazetteer.institutions[value].framework)
    )


# officials conferring: a meeting, talks, views exchanged, taking part (with no event word, a
# level named in such a sentence makes a meeting)
_CONFER = re.compile(
    r"会议|会晤|会谈|会见|磋商|交换(?:了)?意见|讨论|出席|参加|与会|"
    r"(?<![^\W\d_])(?:meeting|meetings|met|talks|conference|consultations|discuss\w*|"
    r"exchanged\s+views|attend\w*|participat\w*|took\s+part|совещани\w*|заседани\w*|"
    r"встреч\w*|встрети\w*|переговор\w*|консультаци\w*|обсуди\w*|обменялись\s+мнениями|"
    r"участвова\w*|участи[еяю]|присутствова\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# taking part (a list of the participants of the focal state's event, 参演, took part)
_TAKING_PART = re.compile(
    r"出席|参加|参与|与会|参演|attend|particip|t(?:ook|akes?|aken|aking) part|участ|присутств",
    re.IGNORECASE,
)


_SCORED = ("topic", "domain", "event_kind", "meeting_level")


def without_third_party(hits: list[Hit], text: str, res: Resources) -> list[Hit]:
    """``hits`` without the topics, domains, event kinds and levels of sentences about a third
    state's doing (``third_party_sentences``): they neither make an item relevant nor code it.
    When every partner state of the item is named only there (Kazakhstan's exercise with the
    US asked about, and an answer that names neither it nor the two sides), the item is about
    others' doing and none of its codes count."""
    spans = third_party_sentences(hits, text, res)
    other = outside_paragraphs(hits, text, res)
    if other:
        # (a paragraph of the focal state's event with a state from outside the region: its
        # codes are that event's, and no partner is named there)
        hits = [h for h in hits if h.payload[0] not in _SCORED or not _inside(h, other)]
    if not spans:
        return hits
    partners = res.study.partner_set
    named = [
        h
        for h in hits
        if (h.payload[0] == "state" and h.payload[1] in partners)
        or h.payload[0] in ("group", "group_other")  # 中国和中亚国家 in the answer
    ]
    if named and all(_inside(h, spans) for h in named):
        return [h for h in hits if h.payload[0] not in _SCORED]
    return [h for h in hits if h.payload[0] not in _SCORED or not _inside(h, spans)]


# a state's name as a place: after a locative preposition (in Tajikistan; в Таджикистане, во
# Вьетнаме: the prepositional case, not в Казахстан, where a visit goes; 在塔吉克斯坦) or on a
# way through it (through, via, через, 经, 途经)
_PLACE_OR_WAY_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:in|through|via|во?|через)\s+(?:the\s+)?|在|经由?|途经|取道)$",
    re.IGNORECASE,
)
# (经 alone is a way only when a movement follows: 经塔吉克斯坦从阿富汗渗透, not 经哈方同意, with
# Kazakhstan's consent)
_WAY_AFTER_HAN = re.compile(r"[^，,。；;]{0,12}?(?:从|进入|入境|前往|抵达|运往|过境|转运|渗透)")
_RU_LOCATIVE_END = "еи"  # Таджикистане, Киргизии (в + accusative: Таджикистан, Киргизию)
_WORD_REST = re.compile(r"[^\W\d_]{0,12}")


def place_only(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name) is written as a place: after "in", "в"/"во" with the
    prepositional case's ending, or 在; or as a way through: through, via, через, 经."""
    before = _PLACE_OR_WAY_BEFORE.search(text, max(0, hit.start - 8), hit.start)
    if before is None:
        return False
    if before.group() == "经":
        return _WAY_AFTER_HAN.match(text, hit.end) is not None
    if before.group().startswith(("в", "В")):
        # (the matcher's term is a stem, Таджик: the word's ending is read after it)
        end = _WORD_REST.match(text, hit.end)
        word = text[hit.start : end.end() if end else hit.end]
        return word[-1:].casefold() in _RU_LOCATIVE_END
    return True


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Some position of the sorted ``positions`` in [lo, hi)."""
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _within(spans: list[tuple[int, int]], hit: Hit) -> bool:
    """``hit`` inside one of ``spans`` (sorted by start; state names do not nest)."""
    i = bisect.bisect_right(spans, (hit.start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= hit.start and hit.end <= spans[i][1]


def names_focal(hit: Hit, res: Resources) -> bool:
    """``hit`` names the focal state: the state, one of its officials or institutions."""
    kind, value = hit.payload
    focal = res.study.focal
    if kind == "state":
        # 中哈, 中吉, 中塔...: a pair abbreviation opening with the focal state's short form
        # (the study's focal_pair_prefixes) names the focal state too
        return value == focal or (len(hit.term) == 2 and hit.term[0] in res.study.pair_prefixes)
    if kind == "official":
        return res.gazetteer.officials[value].country == focal
    if kind == "institution":
        return res.gazetteer.institutions[value].country == focal
    return False


# an institution's name followed by an office in it (上合组织地区反恐怖机构执委会主任瑟索耶夫, the
# director of the RATS Executive Committee): the name is part of a person's title
_TITLE_AFTER = re.compile(
    r"\s*(?:执委会|执行委员会)?(?:主任|秘书长|主席|局长|司令员?|负责人)|"
    r"(?:'s)?\s*(?:executive committee\s+)?(?:director|chairman|head|secretary[- ]general)\b|"
    r"\s*(?:исполнительного комитета\s+)?(?:директор|руководител|глав|председател)",
    re.IGNORECASE,
)


_TITLE_BEFORE = re.compile(
    r"(?:director|chairman|head|secretary[- ]general)\s+of\s+(?:the\s+)?"
    r"(?:executive committee\s+of\s+(?:the\s+)?)?(?:SCO\s+|Shanghai Cooperation Organi[sz]ation\s+)?$|"
    r"(?:директор|руководител|глав|председател)\w*\s+(?:исполнительного комитета\s+)?$",
    re.IGNORECASE,
)


_OWNER_CODES = ("domain", "meeting_level")
_HAN_AND = "及和与、，"  # a conjunction or a list's comma between two names


def drop_nested_codes(hits: list[Hit]) -> list[Hit]:
    """A domain or event-kind hit strictly inside a longer hit of its scheme is part of that name
    (部队 in 边防部队 is the border guard, not the army; 培训 in 培训中心 names the centre built, not
    a course held) or the same mention (培训 in 人员培训)."""
    nested: set[int] = set()
    for scheme in ("domain", "event_kind"):
        coded = sorted((h for h in hits if h.payload[0] == scheme), key=lambda h: h.start)
        if len(coded) < 2:
            continue
        starts = [h.start for h in coded]
        for h in coded:
            # a containing hit starts at most NESTED_SPAN characters before this one
            lo = bisect.bisect_left(starts, h.start - NESTED_SPAN)
            hi = bisect.bisect_right(starts, h.start)
            if any(h.end <= o.end and o.end - o.start > h.end - h.start for o in coded[lo:hi]):
                nested.add(id(h))
    return [h for h in hits if id(h) not in nested] if nested else hits


NESTED_SPAN = 80  # characters: longer than any indicator


def other_framework_names(hits: list[Hit], res: Resources, framework: str) -> list[Hit]:
    """The names among ``hits`` of frameworks other than ``framework`` (or of their bodies)."""
    return [
        h
        for h in hits
        if (h.payload[0] == "framework" and h.payload[1] != framework)
        or (
            h.payload[0] == "institution"
            and res.gazetteer.institutions[h.payload[1]].framework not in (None, framework)
        )
    ]


def inside_names(hits: list[Hit]) -> set[int]:
    """The ids of the meeting hits (event kind, level) strictly inside a framework's or an
    institution's name among ``hits`` (a containing name starts at most NESTED_SPAN before)."""
    names = sorted(
        (h for h in hits if h.payload[0] in ("framework", "institution")), key=lambda h: h.start
    )
    if not names:
        return set()
    starts = [h.start for h in names]
    inside: set[int] = set()
    for h in hits:
        if h.payload[0] not in ("event_kind", "meeting_level"):
            continue
        lo = bisect.bisect_left(starts, h.start - NESTED_SPAN)
        hi = bisect.bisect_right(starts, h.start)
        if any(h.end <= o.end and o.end - o.start > h.end - h.start for o in names[lo:hi]):
            inside.add(id(h))
    return inside


def part_of(hit: Hit, other: Hit) -> bool:
    """``hit`` lies inside ``other`` or qualifies it (ends at most one character before it)."""
    inside = (
        other.start <= hit.start
        and hit.end <= other.end
        and other.end - other.start > hit.end - hit.start
    )
    return inside or 0 <= other.start - hit.end <= 1


# -- rules ----------------------------------------------------------------------------------
def event_frameworks(
    item: CodedItem, text: str, hits: list[Hit], found: Found, res: Resources
) -> None:
    """Keep the framework mentions that are about the event: named in the item's first sentence
    (within its lead), or as a meeting of the framework's body; a passing mention later on
    (在联合国和上海合作组织等多边框架内保持紧密协作, "within the UN and the SCO") is not."""
    from steppewatch.extract.codebook_coder import (
        _framework_meeting,
        framework_terms,
        meeting_index,
        term_meeting,
    )

    others = [h for h in hits if h.payload[0] != "framework"]
    index = meeting_index(others)  # once: a scan per framework hit was cubic on a long text
    events = sorted(h.start for h in others if h.payload[0] == "event_kind")
    # (an event's word, not a document's: Конвенция ООН names whose convention it is, no event)
    event_spans = sorted(
        (h.start, h.end)
        for h in others
        if h.payload[0] == "event_kind" and h.payload[1] != "mechanism"
    )
    stop = _FIRST_SENTENCE_END.search(text, item.start, item.start + LEAD)
    first_sentence = stop.end() if stop else item.start + LEAD
    byline = (0, 0)
    if stop is not None and stop.group() == "\n":
        # a title line: the dateline's sentence under it is the lead too (LIANYUNGANG, Sept. 16
        # (Xinhua) -- The second China-Central Asia ministerial meeting ... was held)
        body = _LEAD_SENTENCE_END.search(text, first_sentence, first_sentence + LEAD)
        first_sentence = body.end() if body else first_sentence
        if (
            body is not None
            and body.group() == "\n"
            and (
                body.end() - stop.end() < HEAD_LINE
                or _BYLINE_FIELDS.fullmatch(text, stop.end(), body.start()) is not None
            )
        ):
            # the line under the title is the source, byline or date: a partner state named
            # there (Пограничная служба ГКНБ Кыргызской Республики) is the publisher's, no side
            # of the event (kind_lead_end skips the line too)
            byline = (stop.end(), first_sentence)
            # the body's first sentence under it is the lead as well (Ministry of Defence |
            # Press Service | 3 June / From 1 to 3 June, the SCO member states' exercise was
            # held ...): the framework and the sides it names are the event's
            first_sentence = max(first_sentence, kind_lead_end(text, item))
    lead_hits = hits if found.item_hits is None else found.item_hits
    found.lead_partner = _one_partner_lead(item, text, lead_hits, first_sentence, res, byline)
    title_occasions: set[int] = set()
    if found.lead_partner is None:
        # a headline naming a framework's gathering the item says a meeting was held on the
        # sidelines of (Uzbekistan and China agree ... at RATS meeting; Секретари совбезов стран
        # ШОС собрались в Бишкеке; Китай и Таджикистан договорились ...): when the body's first
        # sentence reports an event with one partner state, that is the main event, and the
        # headline's framework its occasion (gold guide 5: a bilateral meeting stays bilateral)
        sidelines = sideline_frameworks(text, item, lead_hits, res)
        if sidelines:
            titled = [
                h
                for h in lead_hits
                if item.start <= h.start < first_sentence
                and h.payload[0] in ("framework", "institution")
                and _framework_code(h, res) in sidelines
                and _headline(text, h.start)
            ]
            head, body_end = lead_parts(text, item)
            # (the body's first sentence: under the headline line and the source lines)
            start = max(head[1], text.find("\n", titled[-1].start) + 1) if titled else body_end
            if titled and start < body_end:
                found.lead_partner = _one_partner_lead(
                    item, text, lead_hits, body_end, res, byline, begin=start
                )
                if found.lead_partner is not None:
                    title_occasions = {id(h) for h in titled}
                    first_sentence = max(first_sentence, body_end)
    if found.lead_partner is not None:
        found.lead_state = state_of(found.lead_partner, res)
    if found.lead_partner is not None:
        # the lead reports an event of the focal state with one partner state and names no
        # framework: a framework's gathering named later is another event or background (the
        # SCO summit the two presidents also attended, the next one they prepare)
        for code in list(found.codes("framework")):
            if code not in MULTILATERAL_FRAMEWORKS:
                continue  # (两国, the two sides: the lead's bilateral event itself)
            kept = [
                h
                for h in found.by_scheme["framework"][code]
                if h.start < first_sentence and not _title_occasion(h, title_occasions, lead_hits)
            ]
            _keep(found.by_scheme["framework"], code, kept)
        for code, hit in list(found.implied_frameworks.items()):
            if code in MULTILATERAL_FRAMEWORKS and (
                hit.start >= first_sentence or _title_occasion(hit, title_occasions, lead_hits)
            ):
                del found.implied_frameworks[code]
    occasion_ids = occasion_hits(text, hits)  # (with a name's abbreviation after it: (SCO))
    # a body of other states (the CSTO, the CIS: an institution of no state, framework or
    # field; the study's own frameworks take their code in the gazetteer) is no format of the
    # focal state's event: named beside it, it is another event's (the partner's army leaves
    # for a CSTO exercise the same day)
    outside_bodies = {
        (h.start, h.end)
        for h in hits
        if h.payload[0] == "institution"
        and not _owned_institution(res.gazetteer.institutions[h.payload[1]])
    }
    if outside_bodies and "other_multilateral" in found.codes("framework"):
        _keep(
            found.by_scheme["framework"],
            "other_multilateral",
            [
                h
                for h in found.by_scheme["framework"]["other_multilateral"]
                if (h.start, h.end) not in outside_bodies
            ],
        )
    if "bilateral" in found.codes("framework"):
        # a pair of states chained to a third (中吉塔三国, китайско-кыргызско-таджикский,
        # China-Kyrgyzstan-Tajikistan): three states' format, not the pair's
        pairs = found.by_scheme["framework"]["bilateral"]
        _keep(
            found.by_scheme["framework"],
            "bilateral",
            [h for h in pairs if not _CHAINED_PAIR.match(text, h.end)],
        )
    for code in list(found.codes("framework")):
        # a body of the framework named at a meeting (the RATS council's session) counts for
        # every mention of the framework, as it is the same for each
        # (... unless that meeting of a multilateral framework is itself named as an occasion or
        # a past gathering: the next China-Central Asia summit the two prepare makes no other
        # mention the event's format)
        body_meeting = any(
            term_meeting(t, index, text, sector=False)
            and (
                code not in MULTILATERAL_FRAMEWORKS
                or not (_occasion(text, t) or _not_this_format(text, t, found.reference))
            )
            for t in framework_terms(others, res, code)
        )
        kept = [
            h
            for h in found.by_scheme["framework"][code]
            # (a framework's body named in the source line under the title publishes the page:
            # no side of its event)
            if (h.start < first_sentence and not byline[0] <= h.start < byline[1])
            or (
                (
                    body_meeting
                    or term_meeting(h, index, text, sector=False)
                    or _organised_under(text, h, item, events)
                    or _event_of_framework(text, h, event_spans)
                )
                and not _in_passing(text, item, h)
            )
        ]
        _keep(
            found.by_scheme["framework"],
            code,
            [
                h
                for h in kept
                if id(h) not in occasion_ids
                and not _occasion(text, h)
                and not _not_this_format(text, h, found.reference)
                and not _non_state_track(text, h)
            ],
        )
    occasions = _occasion_spans(text, hits, item.start, item.end)
    for code, hit in list(found.implied_frameworks.items()):  # RATS, the SCO Secretariat...
        if (
            not (
                hit.start < first_sentence
                # (a body's meeting named before it in its clause, as for a framework's name:
                # совещание руководителей ведомств ... стран Центральной Азии и Китая)
                or (
                    _framework_meeting(hits, res, code, text=text, sector=False)
                    and not _in_passing(text, item, hit)
                )
            )
            or _occasion(text, hit)
            or _not_this_format(text, hit, found.reference)
            or any(a <= hit.start < b for a, b in occasions)
        ):
            del found.implied_frameworks[code]


# a framework named as the body an event was organised or held under, the event the subject of
# a passive verb (The course was organised under the China-Central Asia mechanism; Учения
# проводятся в рамках СНГ): the body that organises the event (gold guide 5), wherever its
# sentence stands; an event is named in that sentence or the one before, so cooperation "within
# the SCO" in general, with no verb of holding, is not this. Not in Chinese: 在上合组织框架下多次
# 举行演习 has no event as its subject and is mostly background (the exercises held before)
_UNDER_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:organi[sz]ed|held|conducted|hosted|run|staged|carried\s+out|"
        r"организова\w*|проводи\w*|проведен\w*|прош[её]л\w*|прошл[аио]|проходи\w*|"
        r"состоял\w*)\s+(?:[^\W\d_]+\s+)?(?:under|within|в\s+рамках)\s+"
        r"(?:the\s+)?(?:(?:framework|auspices|program(?:me)?)\s+of\s+(?:the\s+)?)?"
        r"[^.;,!?]{0,50}$",
        re.IGNORECASE,
    ),
    "organi",
    "held",
    "conducted",
    "hosted",
    "run",
    "staged",
    "carried",
    "организова",
    "проводи",
    "проведен",
    "прош",
    "проходи",
    "состоял",
)
UNDER_SPAN = 120  # characters before a framework's name searched for the verb of holding
PREVIOUS_SPAN = 400  # characters searched back for the start of the sentence before


# twenty-first round (coder74): a framework named as whose event an event word is, right after
# it (the joint exercise of the SCO member states' emergency agencies; учения государств-членов
# ШОС; 上合组织成员国紧急救灾部门联合演练): the event's own format, wherever the sentence stands
_OF_FRAMEWORK_BETWEEN = re.compile(
    r"\s+(?:of|by)\s+(?:the\s+)?(?:(?:member\s+)?(?:states|countries)\s+of\s+(?:the\s+)?)?|"
    r"\s+(?:(?:государств|стран)\w*\s*(?:[-–—]\s*)?член\w*\s+)?",
    re.IGNORECASE,
)
_FRAMEWORK_OF_HAN = re.compile(r"成员国[\u4e00-\u9fff]{0,10}$")
EVENT_OF_GAP = 40  # characters between an event word and a framework's name after it


def _event_of_framework(text: str, hit: Hit, event_spans: list[tuple[int, int]]) -> bool:
    """The framework ``hit`` names owns the event word just before it (``_OF_FRAMEWORK_BETWEEN``)
    or, in Chinese, just after it within its clause (上合组织成员国…联合演练)."""
    i = bisect.bisect_left(event_spans, (hit.start, 0))
    if _is_han_term(hit):
        if i < len(event_spans) and event_spans[i][0] - hit.end <= 12:
            start = event_spans[i][0]
            return (
                start >= hit.end and _FRAMEWORK_OF_HAN.fullmatch(text, hit.end, start) is not None
            )
        return False
    if i == 0:
        return False
    end = event_spans[i - 1][1]
    return (
        end <= hit.start
        and hit.start - end <= EVENT_OF_GAP
        and _OF_FRAMEWORK_BETWEEN.fullmatch(text, end, hit.start) is not None
    )


def _organised_under(text: str, hit: Hit, item: CodedItem, events: list[int]) -> bool:
    """The framework ``hit`` names is the body the event named before it in its sentence, or in
    the sentence before (The training course ... . The course was organised under ...), was
    organised or held under (``_UNDER_BEFORE``)."""
    lo = max(item.start, hit.start - UNDER_SPAN)
    if not _UNDER_BEFORE.search(text, lo, hit.start):
        return False
    sentence = _last_sentence_end(text, lo, hit.start)
    if sentence > lo:
        # the sentence before ends at the last character before the blank after it (".\n\n")
        head = max(item.start, sentence - 3)
        stop = head + len(text[head:sentence].rstrip()) - 1
        if stop > item.start:
            sentence = _last_sentence_end(text, max(item.start, stop - PREVIOUS_SPAN), stop)
    first = bisect.bisect_left(events, sentence)
    return first < len(events) and events[first] < hit.start


# what follows a pair of states (中吉, китайско-кыргызск, China-Kyrgyzstan) when a third is
# chained to it: 中吉塔三国, китайско-кыргызско-таджикский, China-Kyrgyzstan-Tajikistan
_CHAINED_PAIR = re.compile(
    r"[哈吉塔乌土俄阿巴蒙印伊]{1,3}(?:三|四|五|六)(?:国|方)|о?-[а-яё]+ск|[-–—][A-Z][a-z]"
)


# a capital opening a dateline (ASTANA, April 26 --; Ташкент, 27.04.2023 —): where, not who
_DATELINE_AFTER = re.compile(r"\s*(?:[,，(（]|[—–-]{1,2}\s)")


def _one_partner_lead(
    item: CodedItem,
    text: str,
    hits: list[Hit],
    lead: int,
    res: Resources,
    byline: tuple[int, int] = (0, 0),
    begin: int | None = None,
) -> Hit | None:
    """The partner state's name when the item's lead (up to ``lead``) reports an event (an
    event word or a meeting level) in a sentence that names exactly one partner state (by
    name, official or institution) and no state but it and the focal one, and the lead names no
    group of the region and no multilateral framework (by name or by one of its bodies) but as
    the gathering a meeting was held at (on the sidelines of the SCO summit, в рамках заседания
    ... ШОС встретился с): the main event is that state's with the focal state. The two states'
    own format (кыргызско-китайское учение, a bilateral drill) leaves it so. (A title reporting
    a meeting and naming no state, over a dateline naming the source, is not such a lead; a
    state named in the ``byline`` lines under the title is the source's. ``begin``: read the lead
    from there, not from the item's start.)"""
    start = item.start if begin is None else begin
    events: list[int] = []
    named: list[tuple[int, str, Hit]] = []
    occasions = _occasion_spans(text, hits, start, lead)
    for h in hits:
        if not start <= h.start < lead:
            continue
        kind = h.payload[0]
        framework = kind == "framework" or (
            kind == "institution" and res.gazetteer.institutions[h.payload[1]].framework
        )
        if framework and (
            h.payload[1] == "bilateral"
            or _occasion(text, h)
            or any(a <= h.start < b for a, b in occasions)
            or byline[0] <= h.start < byline[1]
        ):
            # (кыргызско-китайское учение, the China-Kazakhstan talks: the two sides; on the
            # sidelines of the SCO summit: where the two sides met; Источник: Секретариат ШОС
            # under the title: the publisher)
            continue
        if framework or kind in ("group", "group_other"):
            return None
        if kind in ("event_kind", "meeting_level"):
            events.append(h.start)
        elif kind in ("state", "official", "institution") and not (
            byline[0] <= h.start < byline[1]
        ):
            state = state_of(h, res)
            if (
                state is not None
                and state != res.study.focal
                and not (h.term in res.cities and _DATELINE_AFTER.match(text, h.end))
                and not _PLACE_BEFORE.search(text, max(0, h.start - 8), h.start)
            ):
                named.append((h.start, state, h))
    if not events or not named:
        return None
    sentences = {_sentence_of(text, p, start, lead) for p in events}
    # twenty-first round (coder74): a reporting sentence the lead's limit cuts (At the invitation
    # of the Kyrgyz side, Chen Wenqing will attend the 21st Meeting of Security Council
    # Secretaries of the Shanghai Cooperation Organization Member States): a framework named
    # later in that sentence is the event's, as in the lead
    rest = [
        (lead, hi)
        for hi in {_sentence_of(text, p, start, item.end)[1] for p in events}
        if hi > lead
    ]
    if rest and any(
        _framework_code(h, res) not in (None, "bilateral")
        and any(a <= h.start < b for a, b in rest)
        and not _occasion(text, h)
        for h in hits
        if lead <= h.start < max(b for _, b in rest)
    ):
        return None
    named = [n for n in named if any(lo <= n[0] < hi for lo, hi in sentences)]
    states = {state for _, state, _ in named}
    if len(states) != 1 or not states <= res.study.partner_set:
        return None  # (a third state beside them: a trilateral, not the two states' event)
    return named[0][2]


def _title_occasion(hit: Hit, ids: set[int], hits: list[Hit]) -> bool:
    """``hit`` is one of the headline's names of a sideline gathering (``ids``), or names the same
    span as one (the framework's code on a body's name)."""
    if not ids:
        return False
    return id(hit) in ids or any(
        id(h) in ids and h.start == hit.start and h.end == hit.end for h in hits
    )


def _framework_code(hit: Hit, res: Resources) -> str | None:
    """The framework a framework's name or a framework body's name (RATS -> SCO) stands for."""
    framework: str | None = None
    if hit.payload[0] == "framework":
        framework = hit.payload[1]
    elif hit.payload[0] == "institution":
        framework = res.gazetteer.institutions[hit.payload[1]].framework
    return framework


HEADLINE_SPAN = 240  # characters: a longer line is a paragraph, no headline


def _headline(text: str, at: int) -> bool:
    """The line holding ``at`` is a headline: short, with no sentence ended inside it."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].rstrip()
    return 0 < len(line) <= HEADLINE_SPAN and not _SENTENCE_INSIDE.search(line)


# a sentence ended inside a line (a full stop after a word, then more text): a paragraph
_SENTENCE_INSIDE = re.compile(r"(?<=[^\W\d_]{3})[.。!?！？]\s*\S")


def sideline_frameworks(
    text: str, item: CodedItem, hits: list[Hit], res: Resources
) -> frozenset[str]:
    """The frameworks the item names (by name or by a body's) as the gathering a meeting was
    held on the sidelines or in the frame of (``_sidelines_at``)."""
    codes = {
        _framework_code(h, res)
        for h in hits
        if item.start <= h.start < item.end
        and h.payload[0] in ("framework", "institution")
        and _sidelines_at(text, h.start, h.end)
    }
    return frozenset(c for c in codes if c is not None and c != "bilateral")


def _sidelines_at(text: str, start: int, end: int) -> bool:
    """The name at ``start``-``end`` is the gathering a meeting was held on the sidelines of (on
    the margins of, на полях, в кулуарах, 期间会见) or in the frame of (в рамках заседания ...
    встретился): the place of another meeting, not a time before or after it."""
    if _SIDELINES_BEFORE.search(text, max(0, start - 110), start) or _SIDELINES_AFTER.match(
        text, end
    ):
        return True
    return bool(
        _WITHIN_BEFORE.search(text, max(0, start - 100), start) and _WITHIN_AFTER.match(text, end)
    )


# a framework's gathering as the occasion of another meeting (出席上海合作组织峰会期间会见, on the
# sidelines of the SCO summit, на полях саммита ШОС): the meeting held there is not the
# framework's (gold guide 5: a bilateral meeting stays bilateral); the gathering's name may be
# long (on the sidelines of the meeting of interior ministers of the SCO member states)
_SIDELINES_BEFORE = Guarded(
    re.compile(
        # (a headline drops the article: Minister meets counterpart on sidelines of SCO meeting)
        r"(?:on (?:the )?(?:sidelines|margins) of|in the margins of|на полях|в кулуарах)\s+"
        r"(?:the\s+)?[^.;,，。]{0,80}$",
        re.IGNORECASE,
    ),
    "sidelines",
    "margins",
    "полях",
    "кулуар",
)
_SIDELINES_AFTER = re.compile(r"[^，,。；;]{0,24}?期间[，,]?(?:会见|会晤|同|与|举行双边)")


# (в рамках заседания Совета глав правительств государств – членов ШОС … встретился с …: the
# framework's session is where the two met, as 期间会见 is; в рамках ШОС alone is the framework)
_WITHIN_SESSION_BEFORE = Guarded(
    re.compile(
        r"в рамках\s+(?:заседани|саммит|совещани|форум|встреч)\w*\s+[^.;,]{0,40}$", re.IGNORECASE
    ),
    "рамках",
)
_WITHIN_SESSION_AFTER = re.compile(
    r"[^.;]{0,60}?\s(?:встретил\w*|провел\w*\s+(?:двусторонн\w*\s+)?(?:встреч|переговор|бесед))",
    re.IGNORECASE,
)


def _occasion_spans(text: str, hits: list[Hit], start: int, end: int) -> list[tuple[int, int]]:
    """The framework names between ``start`` and ``end`` that name a gathering as the occasion
    of a meeting held there (``_occasion``): a body's name inside one (ШОС in государств –
    членов ШОС) is the occasion too."""
    return [
        (h.start, h.end)
        for h in hits
        if h.payload[0] == "framework" and start <= h.start < end and _occasion(text, h)
    ]


# a framework's gathering still to come as what the meeting prepares (ahead of the SCO summit, в
# преддверии саммита ШОС, 为中国—中亚峰会做准备, 峰会前夕): the occasion, not the meeting's own
# framework (gold guide 5: the body that organises the event)
_AHEAD_BEFORE = Guarded(
    re.compile(
        r"(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for|preparations?\s+for|"
        r"to\s+prepare(?:\s+for)?|в\s+преддверии|накануне|(?:в\s+рамках|при)\s+подготовк\w*\s+к|"
        r"подготовк\w*\s+к)\s+(?:the\s+)?(?:upcoming\s+|next\s+|forthcoming\s+)?[^.;,，。]{0,40}"
        # (a list of gatherings prepared, one of them named after it: preparations for the
        # coming multilateral events, including the SCO summit; к предстоящим мероприятиям, в
        # том числе к саммиту ШОС)
        r"(?:,\s*(?:including|notably|in\s+particular|в\s+том\s+числе|включая|прежде\s+всего)"
        r"\s+[^.;,，。]{0,40})?$",
        re.IGNORECASE,
    ),
    "ahead",
    "run-up",
    "preparation",
    "prepare",
    "преддверии",
    "накануне",
    "подготовк",
)
AHEAD_SPAN = 110  # characters before a gathering's name searched for what prepares it
_AHEAD_AFTER = re.compile(r"[^，,。；;\s]{0,12}?(?:前夕|召开前|举行前)")
_FOR_HAN_BEFORE = re.compile(r"(?:为|筹备)[^，,。；;]{0,6}$")
_PREPARE_HAN_AFTER = re.compile(r"[^，,。；;]{0,10}?(?:做准备|作准备|进行准备|筹备)")


# ... or as the time of another event, the object of a word of time (ahead of the SCO summit,
# after the summit, накануне / после саммита ШОС, 上合组织峰会前夕 / 召开之际): the event is at
# that time, not that gathering
_TIME_OF_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:ahead\s+of|before|after|following|on\s+the\s+eve\s+of|"
        r"in\s+the\s+run[- ]up\s+to|prior\s+to|in\s+the\s+wake\s+of|накануне|перед|после|"
        r"в\s+преддверии|в\s+канун)\s+(?:the\s+)?[^.;,，。]{0,40}$",
        re.IGNORECASE,
    ),
    "ahead",
    "before",
    "after",
    "following",
    "eve",
    "run",
    "prior",
    "wake",
    "канун",
    "перед",
    "после",
    "преддверии",
)
_TIME_OF_AFTER = re.compile(
    r"[^，,。；;]{0,24}?(?:前夕|召开之际|举行之际|之际|召开前|举行前|结束后|闭幕后)"
)


# a gathering as the frame of a meeting held within it, with a long name between (в рамках
# заседания Совета глав правительств ШОС встретился с ...; в рамках саммита ... провел переговоры
# с ...): a session word after в рамках before the framework's name, a meeting of two after it
# in its sentence
_WITHIN_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])в\s+рамках\s+(?:заседани|саммит|совещани|сесси|форум|конференци|встреч)"
        r"[^.;!?]{0,80}$",
        re.IGNORECASE,
    ),
    "рамках",
)
_WITHIN_AFTER = re.compile(
    r"[^.;!?]{0,160}?(?<![^\W\d_])(?:встретил|провел\w*\s+(?:двусторонн\w*\s+)?"
    r"(?:встреч|переговор|бесед))",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"\s?[(（]")  # a name's abbreviation in brackets after it: (SCO)


# twenty-first round (coder74): the gathering a visitor is in the country for, named in a clause
# about the visitor (the foreign minister, who is in Tashkent to attend the trilateral meeting;
# Ван И, который находится в нашей стране для участия в трехсторонней встрече; 会见来华出席中国—
# 中亚外长会晤的哈萨克斯坦外长): why the guest came, the occasion of the meeting reported (the
# president received him), not its format (gold guide 5: a bilateral meeting stays bilateral)
_HERE_TO_ATTEND = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:who\s+(?:is|was|has\s+been|had\s+been|arrived|came|travell?ed)\s+"
        r"[^.;!?\n]{0,50}?(?<![^\W\d_])(?:to\s+(?:attend|take\s+part\s+in|participate\s+in)|"
        r"for)|(?:котор\w+\s+(?:находится|находился|прибыл\w*|пребывает|пребывал\w*)|"
        r"находящ\w+|прибывш\w+|пребывающ\w+)\s+[^.;!?\n]{0,50}?для\s+участия\s+в)"
        r"\s+(?:the\s+)?[^.;,!?\n]{0,60}$",
        re.IGNORECASE,
    ),
    "who",
    "котор",
    "находящ",
    "прибывш",
    "пребывающ",
)
_ATTEND_HAN_BEFORE = re.compile(r"(?:来华|访华|抵京|在华|赴[\u4e00-\u9fff]{1,8}?)(?:出席|参加)$")
_ATTENDEE_HAN_AFTER = re.compile(
    r"[^，,。；;：:]{0,20}?的[^，,。；;：:]{0,12}?(?:外长|部长|总统|总理|主席|秘书|代表团?|司令|局长|"
    r"团长|大使)"
)


def _occasion(text: str, hit: Hit) -> bool:
    """The framework ``hit`` names is another event's occasion: its place (on the sidelines, в
    рамках заседания ...), its time (ahead of, after) or what the event prepares: not the event's
    framework, and its members are not implied."""
    return _occasion_at(text, hit.start, hit.end)


# (asked for one name by several rules of an item: read once; a str caches its own hash, so the
# key costs no pass over the text; a small cache, as each entry keeps its document's text alive)
@functools.lru_cache(maxsize=256)
def _occasion_at(text: str, start: int, end: int) -> bool:
    before = max(0, start - 60)
    if _SIDELINES_BEFORE.search(text, max(0, start - 110), start) or _SIDELINES_AFTER.match(
        text, end
    ):
        return True
    if _WITHIN_BEFORE.search(text, max(0, start - 100), start) and _WITHIN_AFTER.match(text, end):
        return True
    # (the window holds a list of the gatherings prepared: AHEAD_SPAN)
    if _AHEAD_BEFORE.search(text, max(0, start - AHEAD_SPAN), start) or _AHEAD_AFTER.match(
        text, end
    ):
        return True
    if _TIME_OF_BEFORE.search(text, before, start) or _TIME_OF_AFTER.match(text, end):
        return True
    if _FOR_HAN_BEFORE.search(text, before, start) and _PREPARE_HAN_AFTER.match(text, end):
        return True
    if _HERE_TO_ATTEND.search(text, max(0, start - 110), start) or (
        _ATTEND_HAN_BEFORE.search(text, max(0, start - 30), start)
        and _ATTENDEE_HAN_AFTER.match(text, end)
    ):
        return True
    if guest_came_to_attend(text, start, end):
        return True  # (会见来华出席亚信论坛的…部长: the guest's occasion, ``coder_principals``)
    return bool(
        _WITHIN_SESSION_BEFORE.search(text, before, start)
        and _WITHIN_SESSION_AFTER.match(text, end)
    )


# a framework a state stays out of (keeps it out of the CSTO and the SCO, is not a member of
# the SCO, не входит в ШОС, не является членом ОДКБ, 不是上合组织成员, 未加入): the state's
# non-membership, no body organising the event (gold guide 5)
_OUTSIDE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:keeps?|kept|keeping|stays?|stayed|staying|remains?|remained|"
    r"left|leaves)\s+(?:[^\W\d_]+\s+){0,2}out(?:side)?\s+of|(?:is|are|was|were|being)\s+"
    r"(?:still\s+)?not\s+(?:yet\s+)?(?:an?\s+)?(?:full\s+)?members?\s+of|non-members?\s+of|"
    r"(?:never|not)\s+(?:yet\s+)?joined|"
    r"не\s+(?:входит|входят|входил\w*|состоит|состоят|является\s+член\w*|являются\s+член\w*|"
    r"вступил\w*|вступает)|вне|за\s+пределами)\s+"
    r"(?:both\s+|ни\s+)?(?:the\s+)?(?:в\s+|во\s+)?[^.;!?\n]{0,60}$",
    re.IGNORECASE,
)
# a framework whose anniversary an event marks (to mark the third anniversary of the
# China-Central Asia dialogue, по случаю годовщины ...): the occasion, not the event's format
_MARKED_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:anniversary\s+of|годовщин\w*|[\d-]*летия|летию)\s+(?:the\s+)?"
    r"(?:(?:founding|establishment|launch|создания|образования|основания)\s+(?:of\s+)?(?:the\s+)?)?"
    r"[^.;,!?\n]{0,12}$",
    re.IGNORECASE,
)
_MARK_HAN_BEFORE = re.compile(r"(?:纪念|庆祝|庆贺)[^，,。；;\n]{0,6}$")
_ANNIVERSARY_HAN_AFTER = re.compile(r"[^，,。；;\n]{0,10}?周年")
_OUTSIDE_HAN_BEFORE = re.compile(
    r"(?:不是|并非|未加入|没有加入|不属于|尚未加入|非)[^，,。；;\n]{0,20}$"
)
# a framework's gathering recalled with an earlier year than the page's (The city hosted an SCO
# summit in 2022; в 2019 году в Бишкеке прошёл саммит ШОС; 2019年曾举办上合组织峰会): a past
# event of the place or the states, not this event's format
_GATHERING = re.compile(
    r"(?<![^\W\d_])(?:summits?|meetings?|sessions?|conferences?|forums?|exercises?|drills?|"
    r"саммит\w*|заседани\w*|совещани\w*|встреч\w*|форум\w*|конференци\w*|учени\w*)"
    r"|峰会|会议|会晤|论坛|演习",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"[^.;!?。；\n]{0,40}?(?<![^\W\d_])(?:in|в)\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:in|в)\s+((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)年)"
    r"[^.;!?。；\n]{0,50}$",
    re.IGNORECASE,
)
OUTSIDE_SPAN = 110  # characters before a framework's name searched for a state staying out
YEAR_NEXT = 12  # characters from a framework's name to a year said of the name itself


def _not_this_format(text: str, hit: Hit, reference: str | None) -> bool:
    """The framework ``hit`` names is one a state stays out of (``_OUTSIDE_BEFORE``), or a
    gathering of it recalled with a year before the page's (``_YEAR_AFTER``): not the format of
    the event reported."""
    lo = max(0, hit.start - OUTSIDE_SPAN)
    if _MARKED_BEFORE.search(text, max(0, hit.start - 60), hit.start) or (
        _MARK_HAN_BEFORE.search(text, max(0, hit.start - 8), hit.start)
        and _ANNIVERSARY_HAN_AFTER.match(text, hit.end)
    ):
        return True
    if _OUTSIDE_BEFORE.search(text, lo, hit.start) or _OUTSIDE_HAN_BEFORE.search(
        text, max(0, hit.start - 24), hit.start
    ):
        return True
    if reference is None or not reference[:4].isdigit():
        return False
    page = int(reference[:4])
    after = _YEAR_AFTER.match(text, hit.end)
    if after is not None and after.start(1) - hit.end < YEAR_NEXT and int(after.group(1)) < page:
        return True  # (registered at the United Nations in 1995, joined the SCO in 2001)
    window = text[max(0, hit.start - 30) : hit.end + 30]
    if not _GATHERING.search(window):
        return False
    if after is not None and int(after.group(1)) < page:
        return True
    before = _YEAR_BEFORE.search(text, max(0, hit.start - 60), hit.start)
    if before is not None:
        return int(before.group(1) or before.group(2)) < page
    return False


def occasion_hits(text: str, hits: list[Hit]) -> set[int]:
    """The ids of the framework and institution names among ``hits`` that name the gathering
    a meeting was held at (``_occasion``), with the abbreviation in brackets after such a name
    (on the sidelines of the meeting of ... the Shanghai Cooperation Organization (SCO))."""
    names = sorted(
        (h for h in hits if h.payload[0] in ("framework", "institution")), key=lambda h: h.start
    )
    found: set[int] = set()
    spans: set[tuple[int, int]] = set()  # the names found so far (another code's hit on one)
    for h in names:
        if (
            (h.start, h.end) in spans
            or _occasion(text, h)
            or any(_ABBREVIATION.fullmatch(text, end, h.start) for _, end in spans)
        ):
            found.add(id(h))
            spans.add((h.start, h.end))
    return found


# a framework listed with the UN as a forum of general coordination (在联合国、上海合作组织等多边
# 框架内保持协作, "under multilateral frameworks such as the UN and the SCO", в рамках ООН и
# ШОС): named in passing, whatever meeting words are near
_UN = re.compile(r"联合国|United Nations|\bUN\b|ООН", re.IGNORECASE)
_FORUMS = re.compile(
    r"框架|机制|frameworks?|mechanisms?|platforms?|в рамках|площадк|форматах", re.IGNORECASE
)


# frameworks listed as multilateral platforms (в рамках многосторонних площадок, в том числе ШОС,
# СВМДА и Межпарламентского союза; on multilateral platforms such as; 在多边平台上): named in
# passing, with or without the UN among them (Chinese 多边框架 is left: it often introduces
# the event's own format)
_PLATFORMS = re.compile(
    r"\bmultilateral\s+(?:platforms|fora|forums|frameworks|"
    r"mechanisms|institutions|formats)\b|многосторонн\w*\s+(?:площад|формат|структур|"
    r"механизм|институт|объединени)",
    re.IGNORECASE,
)


# a gathering recalled as the past of someone's (他曾出席…, 此前, had attended, earlier this year,
# ранее принимал участие): the clause before the framework's name says it happened before
_RECALLED_GATHERING = re.compile(
    r"曾|此前|(?<![^\W\d_])(?:had\s+(?:\w+\s+){0,2}?(?:attended|taken part|participated|"
    r"chaired|hosted)|previously|earlier this year|last year|ранее|в прошлом году)(?![^\W\d_])",
    re.IGNORECASE,
)


RECALLED_SPAN = 120  # characters of the framework's clause searched before its name


UN_SESSION_SPAN = 40  # characters of the meeting word's clause searched before it for the UN


def _un_session(text: str, item: CodedItem, hit: Hit) -> bool:
    """A meeting word naming a session of a UN organ (联合国人权理事会第60届会议, the UN General
    Assembly's session, сессия Генассамблеи ООН: the UN named earlier in its clause): the world's
    forum, where states make statements, is the venue, no meeting of the focal state with its
    partners (a meeting on its sidelines has a meeting word of its own: 会见, met)."""
    lo = max(item.start, hit.start - UN_SESSION_SPAN)
    for m in _CLAUSE_BREAK.finditer(text, lo, hit.start):
        lo = m.end()
    return _UN.search(text, lo, hit.end) is not None


def _in_passing(text: str, item: CodedItem, hit: Hit) -> bool:
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if _PLATFORMS.search(text, lo, hi):
        return True
    clause = max(lo, hit.start - RECALLED_SPAN)
    for m in _CLAUSE_BREAK.finditer(text, clause, hit.start):
        clause = m.end()
    if _RECALLED_GATHERING.search(text, clause, hit.start):
        return True  # (the gathering happened before: another event)
    return bool(_UN.search(text, lo, hi)) and bool(_FORUMS.search(text, lo, hi))


# a count of the states a class is drawn from (来自40多个国家, from more than 40 countries, из 40
# стран): an academy's class open to the world, whatever partner states it names
_STATES_COUNT = re.compile(
    r"(\d+)\s*(?:多|余)?\s*个?(?:国家|国)|(\d+)\s+(?:other\s+)?(?:countries|nations|states)\b|"
    r"(\d+)\s+(?:других\s+)?(?:стран|государств)",
    re.IGNORECASE,
)


def _open_class(item: CodedItem, text: str, found: Found, res: Resources) -> bool:
    """A course's participants are drawn from the world, not from the partner states named: the
    partners are examples (哈萨克斯坦、吉尔吉斯斯坦等国, countries such as ...) or the item counts
    more states than the study has partners (来自40多个国家的外军军官): the focal state's own
    programme, no format of those states."""
    if any(c in found.from_examples for c in res.study.partner_set):
        return True
    return any(
        int(next(g for g in m.groups() if g)) > len(res.study.partner_set) + 1
        for m in _STATES_COUNT.finditer(text, item.start, item.end)
    )


def rule_framework(found: Found) -> tuple[str | None, dict[str, Hit]]:
    """The most specific framework named (or implied by an institution: RATS -> SCO)."""
    frameworks = {c: h[0] for c, h in found.codes("framework").items()}
    for code, hit in found.implied_frameworks.items():
        frameworks.setdefault(code, hit)
    return next((f for f in FRAMEWORK_PRIORITY if f in frameworks), None), frameworks


# twenty-first round (coder74): a headline or digest line joins two items with a semicolon
# (Kyrgyz border service gets Chinese patrol vehicles; Kazakh-Russian air defence talks; 中方向吉
# 边防部门移交巡逻车；哈俄举行防空会谈): the clause holding the event's word is that item's, the
# states of the other clause another item's sides
_CLAUSE_BREAK_SEMI = re.compile(r"[;；]")


def _clause_of(text: str, position: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of the sentence (lo, hi) around ``position`` between semicolons."""
    before = text.rfind(";", lo, position)
    before = max(before, text.rfind("；", lo, position))
    after = _CLAUSE_BREAK_SEMI.search(text, position, hi)
    return (before + 1 if before >= 0 else lo), (after.start() if after else hi)


# twenty-first round (coder74): a state named in the name of a route or line that runs through
# several states (the China-Kyrgyzstan-Uzbekistan railway, железная дорога Китай – Кыргызстан –
# Узбекистан, 中国—吉尔吉斯斯坦—乌兹别克斯坦铁路, the Central Asia-China gas pipeline): the
# project's name, no side of the event the sentence reports (the two sides' talks on guarding
# one state's section of it)
_ROUTE_WORD = (
    r"(?:railway|railroad|rail\s+(?:line|link)|pipelines?|highway|motorway|road|corridor|"
    r"tunnel)(?![^\W\d_])"
)
_ROUTE_CHAIN_AFTER = Guarded(
    re.compile(
        r"(?:\s?[-–—]\s?[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?){0,3}\s+(?:(?:gas|oil|natural\s+gas|"
        r"crude\s+oil|high[\s-]speed|power|transport)\s+)?" + _ROUTE_WORD,
        re.IGNORECASE,
    ),
    "rail",
    "pipeline",
    "highway",
    "motorway",
    "road",
    "corridor",
    "tunnel",
)
_ROUTE_CHAIN_HAN = re.compile(
    r"(?:[—–-]{1,2}[\u4e00-\u9fff]{1,8}?){0,3}(?:天然气管道|输气管道|石油管道|管道|管线|铁路|公路|"
    r"走廊)"
)
_ROUTE_BEFORE_RU = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:железн\w+\s+дорог\w*|(?:газо|нефте|трубо)провод\w*|автодорог\w*|"
        r"автомагистрал\w*|коридор\w*|тоннел\w*)\s+[«\"„]?(?:[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?"
        r"\s?[-–—]\s?){0,3}$",
        re.IGNORECASE,
    ),
    "дорог",
    "провод",
    "магистрал",
    "коридор",
    "тоннел",
)
_DASH_NEAR = re.compile(r"\s?[-–—]{1,2}\s?")


def _in_route_name(text: str, hit: Hit) -> bool:
    """The state ``hit`` names is one of the states chained by dashes in a route's name
    (``_ROUTE_CHAIN_AFTER``): a dash joins it to another name, and a route's word follows the
    chain (or, in Russian, comes before it)."""
    if hit.payload[0] != "state":
        return False
    dashed = _DASH_NEAR.match(text, hit.end) is not None or any(
        _DASH_NEAR.fullmatch(text, max(0, hit.start - back), hit.start) is not None
        for back in (1, 2, 3, 4)
    )
    if not dashed:
        return False
    if _is_han_term(hit):
        return _ROUTE_CHAIN_HAN.match(text, hit.end) is not None
    if (
        _ROUTE_CHAIN_AFTER.possible(text, hit.end, hit.end + 80)
        and _ROUTE_CHAIN_AFTER.pattern.match(text, hit.end) is not None
    ):
        return True
    return _ROUTE_BEFORE_RU.search(text, max(0, hit.start - 80), hit.start) is not None


def _reported_one_partner(
    item: CodedItem, text: str, hits: list[Hit], found: Found, res: Resources
) -> Hit | None:
    """The one partner state's name (by name, official or institution) in the sentence that
    reports the item's main event (its kind's evidence) when that sentence names the focal state
    too and no other state, group of states or framework; else None."""
    reported = next((e.start for e in found.evidence if e.field == "kind"), None)
    if reported is None:
        return None
    lo, hi = _clause_of(text, reported, *_sentence_of(text, reported, item.start, item.end))
    source = hits if found.item_hits is None else found.item_hits
    focal, partner, states = False, None, set()
    for h in source:
        if not lo <= h.start < hi or _in_route_name(text, h):
            continue
        if h.payload[0] in ("group", "group_other") or (
            # (the two countries, 两国: the pair itself, no format of several states)
            h.payload[0] == "framework" and h.payload[1] not in ("bilateral", "unilateral")
        ):
            return None
        state = state_of(h, res)
        if state is None:
            continue
        if state == res.study.focal:
            focal = True
        else:
            states.add(state)
            partner = partner or h
    if not focal or len(states) != 1 or next(iter(states)) not in res.study.partner_set:
        return None
    return partner


def rule_partner_states(found: Found, res: Resources) -> list[str]:
    """Partner states taking part: named ones (given as examples, "countries such as", only when
    none is named otherwise); a group name (中亚国家) stands for its members unless the text
    lists GROUP_LIST of them, or names a partner and does not join the group to the focal state
    (中国和中亚国家), or names a partner and the group only in sentences that report nothing
    (``Found.idle_groups``); with none named, the host of a capital venue."""
    partners = res.study.partners
    ca = [c for c in partners if c in found.states]
    groups = dict(found.groups)
    if not ca:  # the region talked about counts only when no partner state is named
        for value, hit in found.idle_groups.items():
            if value not in groups or groups[value].payload[0] == "group_other":
                groups[value] = hit  # (joined to the focal state: says more)
    neighbours_only = False
    if not ca:  # states given as examples take part only when no other partner state does
        for code, hit in found.examples.items():
            if code in found.neighbours and code not in found.not_neighbours:
                # (a neighbour of the focal state's own act: the border with Kyrgyzstan, "no
                # concerns" in Bishkek) is no side of it; nor is the region then (the steps are
                # not aimed at the Central Asian states)
                neighbours_only = True
                continue
            if code not in found.states:
                found.from_examples.add(code)
            found.add_state(code, hit, "named")
        ca = [c for c in partners if c in found.states]
    if len(ca) < GROUP_LIST and not (neighbours_only and not ca):
        for value, hit in groups.items():
            if ca and hit.payload[0] == "group_other":
                # "Central Asian states" not joined to the focal state, beside a partner named
                # as taking part: the region talked about, not more participants
                continue
            for code in res.gazetteer.groups[int(value)].members:
                found.add_state(code, hit, "group")
        ca = [c for c in partners if c in found.states]
    if not ca:
        for code in partners:
            if code in found.venues:
                ca.append(code)
                found.add_state(code, found.venues[code], "venue")
    return ca


def rule_outside_states(
    found: Found, framework: str | None, res: Resources, reference: str | None
) -> list[str]:
    """States from outside the region take part only in a multilateral framework; in one whose
    membership the study lists (SCO, C5+China), only members do (Afghanistan named in an SCO
    meeting's agenda is a topic, not a participant)."""
    if framework not in MULTILATERAL_FRAMEWORKS:
        return []
    focal, partners = res.study.focal, res.study.partner_set
    outside = [c for c in found.states if c != focal and c not in partners]
    if framework in res.study.implied:
        members = set(res.study.implied_members(framework, reference))
        outside = [c for c in outside if c in members]
    return outside


def rule_implied_members(
    item: CodedItem,
    text: str,
    hits: list[Hit],
    framework: str | None,
    res: Resources,
    reference: str | None,
) -> list[str]:
    """A meeting of a framework with implied members (the study's SCO, C5+China) named in the
    item's lead (its meeting word in the framework's sentence, or before its name in one
    clause: встреча секретарей советов безопасности государств – членов ШОС) involves every
    member at the item's date, named or not (gold guideline 2); so does any event of the
    framework that all its member states take part in (全体成员国…参演)."""
    from steppewatch.extract.codebook_coder import _framework_meeting

    if framework not in res.study.implied:
        return []
    if _ALL_MEMBERS.search(text, item.start, item.end):
        return res.study.implied_members(framework, reference)
    # (a meeting word inside another framework's name is no meeting: Совещание in Совещание по
    # взаимодействию и мерам доверия в Азии, CICA's name, right after the SCO's)
    inside = inside_names(
        [h for h in hits if h.payload[0] not in ("framework", "institution")]
        + other_framework_names(hits, res, framework)
    )
    named_in_lead = [
        h
        for h in hits
        if (h.payload[0] not in ("framework", "institution") or in_lead(item, text, h))
        and id(h) not in inside
        # (a gathering still to come: the summit will be a success; a forum of think tanks or
        # media under the format's name, which its states' officials do not hold)
        and not (h.payload == ("event_kind", "meeting") and _NOT_HELD_AFTER.match(text, h.end))
        and not (
            h.payload[0] in ("framework", "institution")
            and (
                _NON_STATE_TRACK_AFTER.match(text, h.end, h.end + 48)
                or _NON_STATE_TRACK_BEFORE.search(text, max(0, h.start - 64), h.start)
            )
        )
    ]
    if not _framework_meeting(named_in_lead, res, framework, text=text, sector=False):
        return []
    # (a framework named in a sentence of background, or talked about: not this meeting's)
    lead = lead_end(item.start, text)
    terms = [h for h in named_in_lead if h.payload[0] in ("framework", "institution")]
    background = framework_background(text, item.start, item.end, terms, reference)
    named_in_lead = [
        h
        for h in named_in_lead
        if h.payload[0] not in ("framework", "institution")
        or (
            not _within(background, h)
            and not talked_about(text, h, lead)
            and not (
                h.start >= lead and _THANKED_BEFORE.search(text, max(0, h.start - 90), h.start)
            )
            # (the RATS director attended the exercise: a person's title, not the body meeting)
            and not _TITLE_AFTER.match(text, h.end)
            and not _TITLE_BEFORE.search(text, max(0, h.start - 64), h.start)
        )
    ]
    if not _framework_meeting(named_in_lead, res, framework, text=text, sector=False):
        return []
    return res.study.implied_members(framework, reference)


# a framework named after the lead in what one side thanks the other for or supports (поблагодарил
# за поддержку инициатив Казахстана в рамках ШОС, thanked China for its support within the SCO,
# 感谢中方在上合组织框架内给予的支持): the framework's work in general, not this meeting
_THANKED_BEFORE = re.compile(
    r"(?:感谢|赞赏|支持)[^。；;！？\n]{0,40}$|"
    r"(?<![^\W\d_])(?:thank\w*|gratitude|appreciat\w*|support\w*|благодар\w*|поблагодар\w*|"
    r"признательн\w*|поддерж\w*)(?![^\W\d_])[^.;!?\n]{0,80}$",
    re.IGNORECASE,
)


# English pages (twentieth round, coder64): a meeting word (not a level: the Council of Foreign
# Ministers will meet names its gathering) that a future or hoped-for verb follows (the summit
# will be a success, the meeting is expected to adopt): a gathering still to come, talked about,
# whose members are not this item's sides
_NOT_HELD_AFTER = re.compile(
    r"['’]?s?\s+(?:will|would|is\s+(?:expected|due|set|scheduled|going)\s+to|"
    r"(?:should|could|may|might)\s+(?:be|bring|become|give|help|open|produce|strengthen))"
    r"(?![^\W\d_])|"
    # (Russian and Chinese pages, coder69: the format's name may come between: саммит ШОС
    # станет успешным, пройдет, должен принести; 峰会必将取得成功, 会议有望)
    r"(?:\s+[«\"]?[^\W\d_][^\s.,;:!?]*){0,4}?\s+(?:станет|пройд[её]т|состоится|"
    r"будет\s+(?:успешн|плодотворн)|должн\w*\s+(?:стать|принести|дать|укрепить)|"
    r"призван\w*|принес[её]т|позволит)(?![^\W\d_])|"
    r"(?:必将|必定|定将|一定会|一定能|有望|预计将|即将|将于|将在)",
    re.IGNORECASE,
)
# English pages (twentieth round, coder64): a format's name followed by a non-state track's
# gathering (China-Central Asia Think Tank Forum, SCO Media Forum, the SCO Youth Council): think
# tanks, media, scholars or young people meet, not the member states' officials
_NON_STATE_TRACK_AFTER = re.compile(
    r"[\s\-–—]{0,3}(?:countries['’]?\s+)?(?:think[\s\-]?tanks?|experts?|media|news|press|"
    r"academic|scholars?|universit(?:y|ies)|youth|young|women['’]?s?|civil\s+society|"
    r"people[\s\-]to[\s\-]people|business(?:\s+council)?|entrepreneurs?)\b[^.;\n]{0,24}?"
    r"(?<![^\W\d_])(?:forum|conference|dialogue|seminar|symposium|council|meeting|roundtable|"
    r"summit|congress|festival)s?(?![^\W\d_])|"
    # (Chinese pages, coder69: 中国—中亚智库论坛, 上合组织媒体论坛, 青年委员会, 工商理事会)
    r"(?:国家)?(?:智库|媒体|新闻|学术|高校|大学|青年|妇女|民间|工商|企业家|实业家|商务)"
    r"[^。；;，,\n]{0,8}?(?:论坛|会议|对话|研讨会|理事会|委员会|峰会|大会|节)",
    re.IGNORECASE,
)
# Russian pages (coder69): the non-state track's gathering before the format's name (Форум
# аналитических центров ШОС, Медиафорум «Китай – Центральная Азия», Молодежный совет ШОС,
# Деловой совет ШОС, форум СМИ): think tanks, media, young people or business meet
_NON_STATE_TRACK_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:форум|конференци|диалог|семинар|совет|встреч|круглы\w+\s+стол|"
    r"конгресс|фестивал)\w*\s+(?:[^\W\d_]+\s+){0,2}?(?:аналитическ\w+\s+центр\w*|"
    r"экспертн\w+\s+сообществ\w*|эксперт\w*|сми|сми\s+и\s+\w+|журналист\w*|молод[её]ж\w*|"
    r"женщин\w*|деловых\s+кругов|предпринимател\w*|университет\w*|вуз\w*|учён\w*|учен\w*)|"
    r"(?:медиа|молод[её]жн\w*|делов\w*|экспертн\w*|академическ\w*|женск\w*|студенческ\w*|"
    r"университетск\w*|народн\w*\s+дипломати\w*)\s*-?\s*(?:форум|совет|диалог|саммит|"
    r"конференци|клуб)\w*)"
    r"(?:\s+(?:стран|государств|государств\s*[–-]\s*членов)\w*)?\s*[«\"„]?\s*$",
    re.IGNORECASE,
)
# every member state of the framework takes part (上合组织全体成员国派员参演, all SCO member states)
_ALL_MEMBERS = re.compile(
    r"(?:全体|所有)成员国|all (?:the )?(?:\w+ )?member (?:states|countries|nations)|"
    r"(?<![^\W\d_])вс(?:е|ех|еми)\s+(?:государств|стран)\w*[\s–-]+член",
    re.IGNORECASE,
)


def _non_state_track(text: str, hit: Hit) -> bool:
    """The format ``hit`` names is the name of a non-state track's gathering (the China-Central
    Asia Think Tank Forum, Форум аналитических центров ШОС, 中国—中亚智库论坛): think tanks,
    media or business meet there, not the states' officials, so it is no framework of the
    event (twenty-first round, coder74: as for implied members, ``rule_implied_members``)."""
    return hit.payload[0] == "framework" and bool(
        _NON_STATE_TRACK_AFTER.match(text, hit.end, hit.end + 48)
        or _NON_STATE_TRACK_BEFORE.search(text, max(0, hit.start - 64), hit.start)
    )


def in_lead(item: CodedItem, text: str, hit: Hit) -> bool:
    """``hit`` is in the item's lead or in the lead of one of its paragraphs (an announcement
    closing a transcript item: 外交部将于6月5日…介绍习近平主席出席上海合作组织成员国元首理事会…)."""
    if hit.start < item.start + LEAD:
        return True
    # (only the last LEAD characters: a search back to the item's start for every hit is
    # quadratic on a long text without line breaks)
    paragraph = text.rfind("\n", max(item.start, hit.start - LEAD), hit.start)
    return paragraph >= 0


def rule_countries(
    item: CodedItem,
    text: str,
    hits: list[Hit],
    found: Found,
    res: Resources,
    reference: str | None,
) -> tuple[str | None, list[str]]:
    """Framework and the states taking part, with evidence (implied members say so)."""
    facts = res.study
    event_frameworks(item, text, hits, found, res)
    framework, frameworks = rule_framework(found)
    ca = rule_partner_states(found, res)
    if framework is None and len(ca) == 1:
        framework = "bilateral"
        if ca[0] in found.states:  # no framework named, one partner state takes part: its hit
            found.evidence.append(
                evidence("framework", framework, found.states[ca[0]], text, "one_partner")
            )
    if framework is not None and framework in frameworks:
        found.evidence.append(evidence("framework", framework, frameworks[framework], text))
    countries = [facts.focal] if item.relevant or facts.focal in found.states else []
    countries += ca
    countries += [
        c for c in rule_outside_states(found, framework, res, reference) if c not in countries
    ]
    implied = rule_implied_members(item, text, hits, framework, res, reference)
    if implied:
        # the framework's members take part: a state named only in background or as an
        # example is not one more (Turkmenistan, not a member, named at an SCO council)
        countries = [c for c in countries if c not in found.from_examples or c in implied]
    for code in implied:
        example = found.examples.get(code)
        if (
            code not in countries
            and example is not None
            and example.payload[0] == "state"
            and absent_sentence(text, example.start, item.start, item.end)
        ):
            continue  # a member said to stay away (sent no delegation): no side of the meeting
        if code not in countries:
            countries.append(code)
            found.add_state(code, frameworks[framework or ""], "membership")
    sorted_countries = facts.sort_countries(countries)
    for code in sorted_countries:
        if code in found.states:
            found.evidence.append(
                evidence("country", code, found.states[code], text, found.basis.get(code, "named"))
            )
    return framework, sorted_countries


def rule_lead_partner(
    item: CodedItem, text: str, found: Found, partners: list[str], res: Resources
) -> None:
    """The lead reports the item's event with the focal state and exactly one partner state
    (``Found.lead_partner``: Телефонный разговор Президента Таджикистана с Председателем КНР),
    the item is bilateral on that ground, and no partner state is left among its countries (the
    passages scored as security name the partner only through a border's name or an office the
    gazetteer gives no state): that partner is the event's other side (twenty-first round,
    branch coder72). Not for the focal state's acts alone (domestic build-up, its firms
    abroad), whose partner named in the lead may be a neighbour or a host."""
    state = found.lead_state
    if (
        partners
        or state is None
        or found.lead_partner is None
        or item.framework != "bilateral"
        or item.kind is None
        or item.kind in UNILATERAL_KINDS
        or state not in res.study.partner_set
        or state in item.countries
    ):
        return
    item.countries = res.study.sort_countries([*item.countries, state])
    found.evidence.append(evidence("country", state, found.lead_partner, text, "lead"))


def rule_commentary_states(item: CodedItem, found: Found, text: str, res: Resources) -> None:
    """Commentary (an item reporting no event: analysis, an op-ed, an interview) has no event
    whose sides a partner named as an example would not be: the partner states whose
    engagement with the focal state it discusses are its countries (gold guideline on
    commentary), so the states the rules set aside as examples (named in background, given as
    examples, the same actor's other partner) are added, but not those named only as a
    neighbour (a border's other side, how it reacts), as a third state's partner (the US
    minister visited Kazakhstan), only as a place (a route's stop, researchers' home, a
    dateline) or as a comparison's yardstick (compared with Kyrgyzstan). Nor those of a list
    of examples that runs through most of the region (China's ties with Kazakhstan, Kyrgyzstan,
    Uzbekistan, Turkmenistan and other Central Asian states): the region named, like its group
    name, which beside a partner state the item names otherwise adds no more."""
    region = (
        _region_examples(found, res)
        if any(c in res.study.partner_set for c in item.countries)
        else set()
    )
    for code, hit in found.examples.items():
        if code in res.study.partner_set and code not in item.countries and code not in region:
            if code in found.neighbours and code not in found.not_neighbours:
                continue
            if hit.payload[0] == "state" and (
                _inside(hit, found.third_party) or named_only(text, hit) or compared_with(text, hit)
            ):
                continue
            if measured_sentence(text, hit.start, item.start, item.end):
                continue  # (English: Kyrgyzstan has been more hesitant: a yardstick)
            if bystander(text, hit):
                continue  # (哈萨克斯坦等国也表达过类似立场: the same view held, no side)
            item.countries = res.study.sort_countries([*item.countries, code])
            found.evidence.append(evidence("country", code, hit, text, "named"))


REGION_EXAMPLES = 4  # partner states in one list of examples: the region named, not examples
_EXAMPLE_STEP = 24  # characters at most from one example's start to the next one's in a list


def _region_examples(found: Found, res: Resources) -> set[str]:
    """The partner states given as examples in one list (``example`` hits, each within
    ``_EXAMPLE_STEP`` characters of the previous one) of at least ``REGION_EXAMPLES`` states."""
    hits = sorted(
        (
            h
            for c, h in found.examples.items()
            if c in res.study.partner_set and h.payload[0] == "example"
        ),
        key=lambda h: h.start,
    )
    region: set[str] = set()
    run: list[Hit] = []
    for hit in hits:
        if run and hit.start - run[-1].start > _EXAMPLE_STEP:
            if len(run) >= REGION_EXAMPLES:
                region.update(str(h.payload[1]) for h in run)
            run = []
        run.append(hit)
    if len(run) >= REGION_EXAMPLES:
        region.update(str(h.payload[1]) for h in run)
    return region


def rule_domestic_states(
    item: CodedItem, text: str, hits: list[Hit], found: Found, res: Resources
) -> None:
    """The focal state's own build-up at home (codebook: domestic_capacity, an act of the focal
    state alone) has no partner side: a partner state taken only from the examples' fallback
    (named in background, as a place or as an example: drills held near the border with
    Kyrgyzstan, as Kazakhstan did last year) is dropped from ``item.countries``. When the item
    reports no other event, so is a partner state named (or whose official or institution is
    named) only where it does not take part with the focal state: not in a sentence with a word
    of taking part or sending forces, not listed with the focal state as one side (teams from
    China, Kazakhstan and Kyrgyzstan; 中哈两国): the neighbour across the new fence, the state
    a new checkpoint faces. A partner shown taking part stays (a mis-read kind keeps its
    participants)."""
    if item.kind != "domestic_capacity":
        return
    partners = res.study.partner_set
    drop = {c for c in found.from_examples if c in partners and found.basis.get(c) == "named"}
    if all(k == "domestic_capacity" for k in item.event_kinds):
        for code in item.countries:
            if code in partners and found.basis.get(code) in ("named", "office", "institution"):
                mentions = [
                    h
                    for h in hits
                    if h.payload[0] in ("state", "official", "institution")
                    and state_of(h, res) == code
                ]
                if not any(_takes_part_with_focal(text, h, hits, res) for h in mentions):
                    drop.add(code)
    if drop:
        item.countries = [c for c in item.countries if c not in drop]
        found.evidence = [
            e for e in found.evidence if not (e.field == "country" and e.code in drop)
        ]


def rule_host_states(
    item: CodedItem,
    text: str,
    hits: list[Hit],
    found: Found,
    background: list[tuple[int, int]],
    res: Resources,
) -> None:
    """The focal state's security firms abroad (codebook private_security) take part in their
    host states (gold guideline 2: the host states where the text says the firms work): a
    partner state named as where someone operates (``whereabouts``: Chinese security companies
    began operating in Kyrgyzstan and Tajikistan, действуют в Таджикистане) in a sentence that
    names the firms (a private_security hit), not in background, is one of the item's
    countries. A state named there as the home of clients or citizens, or as a route's way, is
    not; nor is one named as where firms operate in a sentence about something else."""
    if item.kind != "private_security" and "private_security" not in item.event_kinds:
        return
    partners = res.study.partner_set
    firms = sorted(h.start for h in hits if h.payload == ("event_kind", "private_security"))
    if not firms:
        return
    added: list[str] = []
    for hit in hits:
        state = hit.payload[1]
        if (
            hit.payload[0] != "whereabouts"
            or state not in partners
            or state in item.countries
            or state in added
            or _within(background, hit)
            or not _any_in(firms, *_sentence_of(text, hit.start, item.start, item.end))
            or not firms_whereabouts(text, hit)
        ):
            continue
        added.append(str(state))
        found.evidence.append(evidence("country", str(state), hit, text, "host"))
    if added:
        item.countries = res.study.sort_countries([*item.countries, *added])


# the joints of a list of states (Китай, Казахстан и Киргизия; 中国、哈萨克斯坦和吉尔吉斯斯坦)
_STATE_LIST_JOINT = re.compile(r"\s*(?:,|、|，|和|及|与|(?<![^\W\d_])(?:and|и)(?![^\W\d_]))\s*")


# acting together (新疆公安机关和吉尔吉斯斯坦内务部联合打击…; jointly; совместно): each side named in
# the sentence takes part (联合国, the UN, is no such word)
_JOINTLY = re.compile(
    r"联合(?!国)|共同|会同|携手|(?<![^\W\d_])(?:jointly|together\s+with|совместн\w*|"
    r"вместе\s+с)(?![^\W\d_])",
    re.IGNORECASE,
)


def _takes_part_with_focal(text: str, hit: Hit, hits: list[Hit], res: Resources) -> bool:
    """The state ``hit`` names takes part in its sentence (a word of taking part, of sending
    forces or of acting together there), or is listed with the focal state as one side of it (a list of state names
    joined by commas and "and", one of them the focal state's; a pair abbreviation: 中哈)."""
    if names_focal(hit, res):
        return True
    lo, hi = _sentence_of(text, hit.start, 0, len(text))
    if takes_part(text, lo, hi) or _JOINTLY.search(text, lo, hi):
        return True
    states = sorted(
        (h for h in hits if h.payload[0] == "state" and lo <= h.start and h.end <= hi),
        key=lambda h: h.start,
    )
    chain: list[Hit] = []
    for state in states:
        if chain and not _STATE_LIST_JOINT.fullmatch(text, chain[-1].end, state.start):
            if any(h is hit for h in chain):
                break
            chain = []
        chain.append(state)
    return any(h is hit for h in chain) and any(names_focal(h, res) for h in chain)


SENTENCE_SPAN = 1000  # characters searched either side for a sentence's ends


def _last_sentence_end(text: str, lo: int, position: int) -> int:
    """The end of the last match of ``_SENTENCE`` that ``_SENTENCE.finditer(text, lo,
    position)`` finds, or ``lo``: read from the right, with a C-speed ``rfind`` per stop (a
    match inside another, the newline of ".\\n", ends where the other does)."""
    best = lo
    for stop in _STOPS:
        at = text.rfind(stop, best, position)
        if at >= 0:
            best = at + 1
    dot = text.rfind(".", best, position)
    while dot >= 0:
        # ``\.(?:\s|$)`` at ``dot`` (``$``: at ``position``)
        if dot + 1 == position:
            return position
        if text[dot + 1].isspace():
            return max(best, dot + 2)
        dot = text.rfind(".", best, dot)
    return best


_STOPS = ("。", "！", "？", "!", "?", "\n")


def _sentence_of(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``position`` within (start, end), at most SENTENCE_SPAN characters
    either side (a scan from the item's start for every hit is quadratic on a long text)."""
    lo = _last_sentence_end(text, max(start, position - SENTENCE_SPAN), position)
    end = min(end, position + SENTENCE_SPAN)
    stop = _SENTENCE.search(text, position, end)
    return lo, (stop.end() if stop else end)


# a second subject after the aid's (соглашения о военной помощи и борьбе с терроризмом,
# agreements on military aid and counter-terrorism, 军事援助和反恐合作协定): a package of
# documents, not the aid agreement alone
_AND_MORE = re.compile(r"[^\S\n]*(?:[,，、]|(?:и|and)[^\S\n]|和|及|以及)", re.IGNORECASE)


def rule_event_mentions(item: CodedItem, text: str, found: Found) -> dict[str, list[Hit]]:
    """Kind indicators that are event mentions: not inside a Xinjiang training-centre name, not
    medical aid called equipment, not only in a question asking to confirm a report."""
    kinds = {code: list(hs) for code, hs in found.codes("event_kind").items()}
    related = note_start(text, item.start, item.end)  # background, a page's links: no mentions
    for code in list(kinds):
        _keep(kinds, code, [h for h in kinds[code] if h.start < related])
    documents = sorted(kinds.get("mechanism", []), key=lambda h: h.start)
    aid_documents: list[tuple[int, int]] = []  # (start, end): agreements that name the aid
    for code in list(kinds):  # 引渡条约, extradition treaty: what a document is about, no event
        if code not in ("mechanism", "meeting") and documents:
            kept = []
            unnamed: list[tuple[Hit, int]] = []  # aid words naming a document, no amount
            for h in kinds[code]:
                end = _qualifies_document(text, h, documents)
                if end < 0:
                    kept.append(h)
                elif code == "equipment_transfer" and _names_aid(text, item, h):
                    # an agreement or protocol naming the aid's items or amount is one
                    # equipment_transfer event, not also a mechanism (codebook; guide 10)
                    kept.append(h)
                    aid_documents.append(
                        (_sentence_of(text, h.start, item.start, item.end)[0], end)
                    )
                elif (
                    code == "equipment_transfer"
                    and h.term in _AID_ONLY
                    and not _AND_MORE.match(text, h.end)
                ):
                    unnamed.append((h, end))
            if unnamed and aid_documents:
                # the same aid agreement named again (the title, the lead) once the item told
                # its amount: the aid, not a second document ratified or signed
                for h, end in unnamed:
                    kept.append(h)
                    aid_documents.append(
                        (_sentence_of(text, h.start, item.start, item.end)[0], end)
                    )
                kept.sort(key=lambda h: h.start)
            _keep(kinds, code, kept)
    if aid_documents and "mechanism" in kinds:
        kept = [
            h for h in kinds["mechanism"] if not any(a <= h.start < b for a, b in aid_documents)
        ]
        _keep(kinds, "mechanism", kept)
    if "training_education" in kinds:
        spans = [m.span() for m in _NOT_TRAINING.finditer(text, item.start, item.end)]
        kept = [
            h
            for h in kinds["training_education"]
            if not any(a <= h.start < b or h.start <= a < h.end for a, b in spans)
        ]
        _keep(kinds, "training_education", kept)
    if "incident" in kinds:  # 演练模拟处置劫持人质事件: an exercise's scenario, not an incident
        kept = [
            h
            for h in kinds["incident"]
            if not _SIMULATED.search(text, *_sentence_of(text, h.start, item.start, item.end))
        ]
        _keep(kinds, "incident", kept)
    if "infrastructure" in kinds:
        # a facility is an event when its sentence builds, hands over, opens or funds it; named
        # as a place (在检查站会晤, at the checkpoint) or talked about (the 201st base, 所谓"军事
        # 基地"的说法) it is none
        # (a lead that hands over or builds one makes the facility's parts named later, its
        # barracks and cameras, mentions of the same event)
        lead = kind_lead_end(text, item)
        facilities = [
            h
            for h in kinds["infrastructure"]
            if not _venue(text, h)
            and not _nothing_built(text, item, h)
            and not _MOCK.search(text, *_sentence_of(text, h.start, item.start, item.end))
        ]
        acts = [
            h
            for h in facilities
            if _BUILDING_ACT.search(h.term)
            or _FACILITY_ACT.search(text, *_sentence_of(text, h.start, item.start, item.end))
        ]
        _keep(kinds, "infrastructure", facilities if any(h.start < lead for h in acts) else acts)
    if "meeting" in kinds:  # 出席交付仪式: attending another event's ceremony is no meeting
        _keep(kinds, "meeting", [h for h in kinds["meeting"] if not _at_ceremony(text, h)])
    if "meeting" in kinds:  # 联合国大会会议期间: a UN organ's session, no meeting of the sides
        _keep(kinds, "meeting", [h for h in kinds["meeting"] if not _un_session(text, item, h)])
    if "equipment_transfer" in kinds:
        security = [h.start for hs in found.codes("domain").values() for h in hs]
        # (persons handed over, coder_phrases.persons_mentions: the verb is the operation's)
        persons = {h.start for h in kinds.get("joint_patrol_operation", ())}
        kept = []
        told = False  # a handover told earlier in the item: the items named after it are its
        for h in sorted(kinds["equipment_transfer"], key=lambda h: h.start):
            if h.start in persons:
                continue
            lo, hi = _sentence_of(text, h.start, item.start, item.end)
            if _produced(text, lo, h):
                # 联合生产无人机, joint production of drones: made, not handed over; the
                # defence industry's work
                found.implied_domains.setdefault("defence_industry", h)
                continue
            # medical aid to the army or police (a domain named in the sentence) is still a transfer
            if _ONGOING.search(text, lo, hi) or _threat(text, lo, h):
                continue
            if _PERSONS_AFTER.match(text, h.end):
                continue
            if _changes_hands(text, h, lo, hi):
                told = True
            elif not told:
                # an item named (the armoured carriers on the road, a drone group of the
                # contingent, the communications equipment it used): no handover unless its
                # sentence or its own word says one is given, supplied, bought or received, or
                # a handover was told before it (the vehicles will serve the border units)
                continue
            if _FUNDING.search(h.term) and (
                _BUILT_BEFORE.search(text, max(lo, h.start - BUILT_SPAN), h.start)
                or _BUILT_AFTER.match(text, h.end, min(hi, h.end + BUILT_SPAN))
            ):
                # (a post built with the focal state's grant, возведенная за счет безвозмездной
                # помощи, 利用中方无偿援助建设: the facility's funding, no handover of its own)
                continue
            if not _MEDICAL_AID.search(text, lo, hi) or any(lo <= p < hi for p in security):
                kept.append(h)
        _keep(kinds, "equipment_transfer", kept)
    if "mechanism" in kinds:
        kept = [
            h
            for h in kinds["mechanism"]
            if _founding(text, item, h) and not _proposed_or_earlier(text, item, h)
        ]
        _keep(kinds, "mechanism", kept)
    for code in ("multilateral_exercise", "bilateral_exercise"):
        if code in kinds:
            _keep(kinds, code, [h for h in kinds[code] if not _planned(text, h)])
    for code in list(kinds):  # 法院决定不将…遣返, refused to hand over: no event
        if code != "meeting":
            _keep(kinds, code, [h for h in kinds[code] if not _negated(text, item, h)])
    for code in list(kinds):  # denied reports that..., a visit put off sine die: no event
        kept = []
        for h in kinds[code]:
            if _did_not_happen(text, item, h):
                found.unhappened.append(h)
            else:
                kept.append(h)
        _keep(kinds, code, kept)
    for code in list(kinds):  # answering a question about reports of clashes: asked about
        _keep(kinds, code, [h for h in kinds[code] if not _asked_about(text, item, h)])
    for code in list(kinds):  # 根据协议，中方将援建哨所: what the document provides for, not done
        if code != "mechanism":
            kept = []
            for h in kinds[code]:
                if not _provided_for(text, item, h):
                    kept.append(h)
                elif code == "training_education" and _trainees(
                    text, *_sentence_of(text, h.start, item.start, item.end)
                ):
                    found.pledged_training.append(h)
            _keep(kinds, code, kept)
    for code in list(kinds):  # three years after the attack, 袭击事件三周年: recalled, not reported
        _keep(kinds, code, [h for h in kinds[code] if not _recalled(text, item, h)])
    for code in list(kinds):  # 双方就…装备合作交换了意见: what was discussed, not done
        if code not in ("meeting", "mechanism"):
            kept = [
                h
                for h in kinds[code]
                if not _DISCUSSED.search(text, *_sentence_of(text, h.start, item.start, item.end))
            ]
            _keep(kinds, code, kept)
    turns = _question_turns(text, item)
    found.answer = answer_lead(text, item, turns)
    for q_start, q_body, q_end, a_body in turns:
        if q_start >= item.start + LEAD:
            found.questions.append((q_start, q_end))
        if _CONFIRM.search(text, q_body, q_end):
            a_end = next((t[0] for t in turns if t[0] > q_start), item.end)
            # an attack the question asks to confirm and the answer speaks of (我们对这一事件予以
            # 强烈谴责, we condemn the incident): the spokesperson confirms it (guide item 4)
            confirmed = (
                a_body is not None
                and not _NOT_AWARE.search(text, a_body, a_body + NOT_AWARE_SPAN)
                and _SPOKEN_OF.search(text, a_body, a_end) is not None
            )
            if not confirmed:
                found.unconfirmed.append((q_start, q_end))
            for code in list(kinds):
                if confirmed and code == "incident":
                    continue
                _keep(kinds, code, [h for h in kinds[code] if not q_start <= h.start < q_end])
        not_aware = a_body is not None and bool(
            _NOT_AWARE.search(text, a_body, a_body + NOT_AWARE_SPAN)
        )
        if (
            a_body is not None
            and not_aware
            and _NOT_AWARE.search(
                text, a_body, _first_sentence_end(text, a_body, a_body + NOT_AWARE_SPAN)
            )
        ):
            # an answer whose first sentence does not know of (or denies) what the question
            # reports speaks of the relationship in general after it (中哈…建立了引渡条约等合作机制,
            # cooperation is open and transparent): the line it holds, no event of its own
            # (an answer that tells the event and only later calls the hype groundless keeps it)
            a_end = next((t[0] for t in turns if t[0] > q_start), item.end)
            for code in list(kinds):
                _keep(kinds, code, [h for h in kinds[code] if not a_body <= h.start < a_end])
        if not_aware and not _CONFIRM.search(text, q_body, q_end):
            # a report the question relays (有报道称, reports say) and the answer does not know of
            # ("I'm not aware of that", 我不了解你提到的情况): asked about, not reported
            relayed = _relayed_sentences(text, q_body, q_end)
            found.unconfirmed.extend(relayed)
            for code in list(kinds):
                _keep(kinds, code, [h for h in kinds[code] if not _inside(h, relayed)])
        if a_body is not None:
            # a report the question relays (据报道, it is reported, сообщается) that the answer
            # neither tells as happened (no date, no "was held", no word of the event) nor names
            # by an event word: the answer states policy, the report is asked about, not
            # reported (a spokesperson's answer that recalls a treaty: commentary); the title of
            # an answer to that question (外交部发言人就…答记者问) names its subject too
            relayed = _relayed_sentences(text, q_body, q_end)
            a_end = next((t[0] for t in turns if t[0] > q_start), item.end)
            if (
                relayed
                and not _SPOKEN_OF.search(text, a_body, a_end)
                and not _TOOK_PLACE.search(text, a_body, a_end)
                and not _WHEN.search(text, a_body, a_end)
                and not any(a_body <= h.start < a_end for hs in kinds.values() for h in hs)
            ):
                if q_start == turns[0][0]:
                    title = _ON_QUESTION_TITLE.search(text, item.start, q_start)
                    if title is not None:
                        relayed = [title.span(), *relayed]
                found.unconfirmed.extend(relayed)
                for code in list(kinds):
                    _keep(kinds, code, [h for h in kinds[code] if not _inside(h, relayed)])
        asked = _asked_sentences(text, q_body, q_end)
        if asked:  # "Will China provide equipment?": asked about, not reported
            found.unconfirmed.extend(asked)
            for code in list(kinds):
                _keep(kinds, code, [h for h in kinds[code] if not _inside(h, asked)])
        for code in JOINT_ACTIVITIES:  # the others' exercise a question asks about
            if code in kinds:
                kept = [
                    h
                    for h in kinds[code]
                    if not q_start <= h.start < q_end or not _others_only(text, item, h, found)
                ]
                _keep(kinds, code, kept)
        if "incident" in kinds and a_body is not None:
            # a clash on another state's border that a question relays with no word of the
            # focal state, and the answer does not speak of (codebook incident: one bearing on
            # the focal state's ties, citizens or assets; guide item 4: what the text says
            # happened): asked about, not reported. An answer that notes it (中方注意到…发生的事件,
            # we condemn the attack) keeps it.
            a_end = next((t[0] for t in turns if t[0] > a_body), item.end)
            if not _SPOKEN_OF.search(text, a_body, a_end) and not any(
                a_body <= h.start < a_end for h in kinds["incident"]
            ):
                kept = [
                    h
                    for h in kinds["incident"]
                    if not q_start <= h.start < q_end or not _others_only(text, item, h, found)
                ]
                _keep(kinds, "incident", kept)
    return kinds


# an answer speaking of the event a question relays (the incident, the events, what happened)
_SPOKEN_OF = re.compile(
    r"事件|事态|发生的|(?<![^\W\d_])(?:incidents?|events?|happened|what occurred|"
    r"инцидент\w*|событи\w*|произошедш\w*|случивш\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


# a turn of a transcript: a speaker's label at a line's start (Bloomberg:, Mao Ning:, 法新社记者：,
# 汪文斌：), no sentence inside it
_TURN = LinePattern(r"^[ \t]*[^\n:：。.!?！？，,;；]{1,40}[:：]")
_ASKS = re.compile(r"[？?]")


def _question_turns(text: str, item: CodedItem) -> list[tuple[int, int, int, int | None]]:
    """The questions of a press conference in ``item``: (start, start of its words, end, start
    of the answer's words or None). Turns marked 问/Q/Вопрос and 答/A/Ответ; else, in a
    transcript whose turns open with a speaker's label (Kyodo: ... ? / Guo Jiakun: ...), each
    turn asking a question, answered by the next turn."""
    marked = list(_QUESTION.finditer(text, item.start, item.end))
    if marked:
        out: list[tuple[int, int, int, int | None]] = []
        for question in marked:
            answer = _ANSWER.search(text, question.end(), item.end)
            q_end = answer.start() if answer else item.end
            out.append((question.start(), question.end(), q_end, answer.end() if answer else None))
        return out
    turns = list(_TURN.finditer(text, item.start, item.end))
    if len(turns) < 2:
        return []
    out = []
    for i, turn in enumerate(turns[:-1]):
        end = turns[i + 1].start()
        if _ASKS.search(text, turn.end(), end):
            out.append((turn.start(), turn.end(), end, turns[i + 1].end()))
    return out


def answer_lead(
    text: str, item: CodedItem, turns: list[tuple[int, int, int, int | None]]
) -> tuple[int, int] | None:
    """The first sentence of the answer to the question that opens ``item`` (a press
    conference's item: Question: ... reports say the two armies will drill. / Spokesperson: The
    exercise will be held in May ...), or None. The question relays or asks (its event words
    report nothing, ``_asked_about``, ``_REPORTED``); the answer's first sentence is where the
    page itself tells the event, as a lead does."""
    if not turns:
        return None
    q_start, _, _, a_body = turns[0]
    if a_body is None or q_start >= item.start + LEAD:
        return None
    return _sentence_of(text, a_body, item.start, item.end)


# the title of a spokesperson's answer (就…答记者问, answers a question on, ответил на вопрос о):
# what follows names the question's subject
_ON_QUESTION_TITLE = re.compile(
    r"就[^\n。]{2,60}?答记者问|\banswers?\s+(?:a\s+)?questions?\s+(?:on|about)\b[^\n]{0,80}|"
    r"(?<![^\W\d_])отве(?:ча|ти)\w*\s+на\s+вопрос\w*\s+(?:о|об|по)(?![^\W\d_])[^\n]{0,80}",
    re.IGNORECASE,
)


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    stop = _SENTENCE.search(text, start, limit)
    return stop.end() if stop else limit


def unconfirmed_item(text: str, item: CodedItem) -> bool:
    """A press conference's item whose answer opens by not knowing of what the question reports
    ("I'm not aware of that", 我不掌握有关情况, не располагаю информацией): the exercise a
    question says was cancelled, the request it relays, are no event of the page (gold guide,
    seventeenth round: cancelled, denied or unconfirmed, not an event)."""
    return any(
        a_body is not None and _NOT_AWARE.search(text, a_body, a_body + NOT_AWARE_SPAN)
        for _, _, _, a_body in _question_turns(text, item)
    )


# a question's sentence asking whether something happens or will (是否, 会不会, will China,
# Планирует ли): what it names is asked about, not reported
_YES_NO = re.compile(
    r"是否|会不会|会否|有没有|是不是|能不能|"
    r"\b(?:will|would|does|do|did|is|are|has|have|can|could)\s+(?:china|the chinese|beijing|it|they)\b|"
    r"\bwhether\b|(?<![^\W\d_])ли(?![^\W\d_])",
    re.IGNORECASE,
)
_ASKED_END = re.compile(r"[？?]")


# a question's sentence relaying a report (据报道, 有报道称, reports say, сообщается)
_REPORTED = re.compile(
    r"据报道|有报道|报道称|报告称|媒体报道|据悉|媒体[^，,。？?]{0,12}称|"
    r"\b(?:media|reports?|sources|outlets)\s+(?:say|said|says|claim\w*|allege\w*)\b|"
    r"\breports? (?:say|said|says)\b|\breported(?:ly)?\b|"
    r"according to (?:media )?reports|media report|сообща|по данным сми|по информации сми|"
    r"по сообщени",
    re.IGNORECASE,
)


def _relayed_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a question (start, end) that relay a report."""
    spans = []
    lo = start
    for m in _SENTENCE.finditer(text, start, end):
        if _REPORTED.search(text, lo, m.end()):
            spans.append((lo, m.end()))
        lo = m.end()
    if lo < end and _REPORTED.search(text, lo, end):
        spans.append((lo, end))
    return spans


def _yes_no_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a question (start, end) that end in a question mark and ask yes or no
    (coder_relevance reads them over a whole item too)."""
    spans = []
    lo = start
    for m in _SENTENCE.finditer(text, start, end):
        if _ASKED_END.match(text, m.start()) and _YES_NO.search(text, lo, m.end()):
            spans.append((lo, m.end()))
        lo = m.end()
    return spans


def _asked_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a question's own span (start, end) that ask yes or no, and those that
    tell of what is to come (the ministers will visit next week. Can you give details?): asked
    about, not reported. Only for a question: outside one, a sentence in the future tense can
    report a commitment (双方将共同打击)."""
    asked = _yes_no_sentences(text, start, end)
    lo = start
    for m in _SENTENCE.finditer(text, start, end):
        if (lo, m.end()) not in asked and _FUTURE.search(text, lo, m.end()):
            asked.append((lo, m.end()))
        lo = m.end()
    return sorted(asked)


# activities done together: a question's sentence that names who did one, and not the focal
# state, asks about others' activity ("Kazakhstan and Russia held an exercise under the CSTO.
# Will China take part?")
JOINT_ACTIVITIES = ("multilateral_exercise", "bilateral_exercise", "joint_patrol_operation")
# kinds whose partner-state side receives what the focal state gives (a course, aid, a building):
# with a partner state taking part, never the focal state's act alone
PARTNER_RECEIVES = ("training_education", "equipment_transfer", "infrastructure")


def _others_only(text: str, item: CodedItem, hit: Hit, found: Found) -> bool:
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    return _any_in(found.others_named, lo, hi) and not _any_in(found.focal_named, lo, hi)


# a document's name, then "on" and up to three words before the event word (agreement on
# joint production of drones, соглашение о совместном производстве беспилотников)
_ABOUT = re.compile(r"[\w-]*\s+(?:о|об|on|of|concerning)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# the document's name and its parties before "on" (Договор между Республикой Казахстан и КНР о
# передаче осужденных, соглашение с Китаем о безвозмездной военной помощи, the treaty between
# China and Kazakhstan on extradition): up to twelve words, no punctuation, between them
_ABOUT_PARTIES = re.compile(
    r"(?<![^\W\d_])(?:договор|соглашени|конвенци|протокол|меморандум|treaty|agreement|"
    r"convention|protocol|memorandum)\w*(?:[^\S\n]+[\w-]+){1,12}?[^\S\n]+(?:о|об|on|concerning)"
    r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}$",
    re.IGNORECASE,
)
ABOUT_PARTIES_SPAN = 200
# 关于…的协定: the event word between 关于 and the document's name
_ABOUT_HAN = re.compile(r"[^，,。；;]{0,12}的?$")
ABOUT_SPAN = 48


DOCUMENT_REACH = ABOUT_SPAN + NESTED_SPAN  # characters: the farthest a qualified name starts


def _qualifies_document(text: str, hit: Hit, documents: list[Hit]) -> int:
    """Where the document whose subject ``hit`` names ends (-1: none): ``hit`` is the word
    right before the document's name (引渡条约, extradition treaty), inside 关于…的 before it, or
    after it and "on" (agreement on extradition, соглашение о совместном производстве
    беспилотников), also past the parties' names (договор с Китаем о передаче осужденных:
    ``_ABOUT_PARTIES``)."""
    if _ABOUT_PARTIES.search(text, max(0, hit.start - ABOUT_PARTIES_SPAN), hit.start):
        return hit.end
    # (``documents`` sorted by start: only those near the hit can qualify it, so a text of
    # thousands of documents and event words is not read in pairs)
    lo = bisect.bisect_left(documents, hit.start - DOCUMENT_REACH, key=lambda d: d.start)
    hi = bisect.bisect_right(documents, hit.end + DOCUMENT_REACH, key=lambda d: d.start)
    for d in documents[lo:hi]:
        if part_of(hit, d):
            return max(hit.end, d.end)
        if 0 <= hit.start - d.end <= ABOUT_SPAN and _ABOUT.match(text, d.end, hit.start):
            return hit.end

        if (
            0 <= d.start - hit.end <= 14
            and _ABOUT_HAN.fullmatch(text, hit.end, d.start)
            and "关于" in text[max(0, hit.start - 14) : hit.start]
        ):
            return d.end
    return -1


# aid words that name no items (free military aid, безвозмездная помощь, 无偿军事援助): an
# agreement on them is an equipment_transfer only with the aid's amount in its sentence
_AID_ONLY = frozenset(
    {
        "military aid", "military assistance", "free aid", "free military aid", "free of charge",
        "grant*", "donat*", "无偿援助", "无偿军事援助", "军事援助", "军援", "捐赠", "赠送",
        "безвозмездн", "военной помощ", "военная помощ", "военную помощ",
        "военно-технической помощ", "военно-техническую помощ", "грант", "в дар",
    }
)  # fmt: skip
# an amount of money (100 million yuan, 80 млн юаней, $5m, 8000万元, 1亿元人民币)
_AMOUNT = re.compile(
    r"\d[\d,.\s]*(?:million|billion|mln|bn|m\b|млн|миллион|млрд|миллиард|тыс)?\.?\s*"
    r"(?:yuan|rmb|renminbi|dollars?|usd|us\$|юан|доллар|сом|долл)|"
    r"(?:\$|usd|us\$|¥|rmb)\s?\d|[\d零一二三四五六七八九十百千两]+\s*[万亿]?(?:美?元|人民币)",
    re.IGNORECASE,
)


# a transfer named with the items (supply of, handed over, as a gift, free of charge, 提供, 移交,
# поставка, передача): an agreement on drones' joint production names no aid
_TRANSFER = re.compile(
    r"援助|无偿|赠|捐|提供|交付|移交|"
    r"\b(?:aid|assistance|grants?|donat\w*|gift\w*|free|suppl\w+|deliver\w*|handed|"
    r"hand(?:ing)?\s+over|transfer\w*)\b|"
    r"(?<![^\W\d_])(?:помощ|безвозмезд|передач|переда[лтн]|постав[кл]|в\s+дар|грант|дар[иу])",
    re.IGNORECASE,
)


# a word of giving in the paragraph that tells an aid agreement's terms (will provide, передаст,
# предоставит, будет направлена, 提供)
_GIVES = re.compile(
    _TRANSFER.pattern + r"|\b(?:provid\w*|allocat\w*)\b|(?<![^\W\d_])(?:предостав\w*|"
    r"направлен\w*|выдел\w*)|拨付|划拨",
    re.IGNORECASE,
)


def _names_aid(text: str, item: CodedItem, hit: Hit) -> bool:
    """An equipment_transfer ``hit`` that names what a document is about names the aid: items
    (equipment, vehicles, uniforms) with their transfer in the sentence, or an aid word with
    the aid's amount in it (free military aid worth 80 million yuan)."""
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if hit.term.startswith(PHRASE_MARK):
        return True  # a verb of handing over with its object (coder_phrases)
    if hit.term not in _AID_ONLY:
        return _TRANSFER.search(text, lo, hi) is not None
    if _AMOUNT.search(text, lo, hi) is not None:
        return True
    # the agreement's terms told in the paragraph right after its own (Соглашение подписано в
    # Пекине. По нему Китай безвозмездно передаст технику на сумму 100 млн юаней; Under the
    # agreement China will provide equipment worth...; 根据协定，中方将无偿提供价值1亿元的装备):
    # the aid's amount there with a word of giving is the same aid told with its amount
    if hi < item.end and text[hi - 1] != "\n":
        # (a sentence ending inside its paragraph: the next paragraph starts past its line end)
        hi = text.find("\n", hi, item.end) + 1
        if hi <= 0:
            return False
    stop = text.find("\n", hi, item.end)
    para = text[hi : stop if stop >= 0 else item.end]
    return _AMOUNT.search(para) is not None and _GIVES.search(para) is not None


# a document or a body only proposed or expected (выступила с предложением создать рабочую
# группу, ожидается подписание коммюнике, proposed to set up, is expected to sign, 建议成立)
_PROPOSED = re.compile(
    r"建议(?:成立|设立|建立|签署)|拟(?:签署|成立|设立)|有望签署|"
    r"\bpropos\w*\s+(?:to\s+)?(?:set up|establish|create|sign)|"
    r"\b(?:is|are) expected to (?:sign|be signed|set up|establish)|"
    r"(?<![^\W\d_])(?:предлож\w*\s+(?:[\w-]+\s+){0,2}?(?:созда|учреди|подписа|разработа)|"
    r"ожида\w*\s+подписани|планиру\w*\s+подписа|предстоит\s+подписа)",
    re.IGNORECASE,
)
# a document signed at an earlier event the sentence recalls (визит в марте, в ходе которого
# было подписано; за прошедшие годы подписано свыше 300 документов)
_EARLIER = re.compile(
    r"(?<![^\W\d_])(?:(?:в ходе|по итогам|в рамках|во время|на полях)\s+котор\w+|"
    r"за прошедшие годы|за годы|ранее)(?![^\W\d_])",
    re.IGNORECASE,
)


def _proposed_or_earlier(text: str, item: CodedItem, hit: Hit) -> bool:
    """A mechanism hit whose sentence only proposes or expects the document or body
    (``_PROPOSED``), names it as signed at an earlier event before it (``_EARLIER``), or signs
    only the meeting's minutes (``_MINUTES``, no other document named)."""
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if _PROPOSED.search(text, lo, hi):
        return True
    if _MINUTES.search(text, lo, hi) and not _DOCUMENT_NOUN.search(text, lo, hi):
        return True
    return _EARLIER.search(text, lo, hit.start) is not None


def _founding(text: str, item: CodedItem, hit: Hit) -> bool:
    """A mechanism hit that reports a mechanism: a document or its signing, or a body with the
    sentence saying it is set up; not a founding anniversary (上合组织成立17年来)."""
    if _ANNIVERSARY_AFTER.match(text, hit.end) or _ANNIVERSARY_BEFORE.search(
        text, max(0, hit.start - 48), hit.start
    ):
        return False
    if hit.term.startswith(PHRASE_MARK):
        return True  # a verb of adopting with the document it adopts (coder_phrases)
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if not _BODY_TERM.search(text, hit.start, hit.end):
        # a document: an event when its sentence signs, ratifies or adopts something, or the hit
        # is that verb; a document only named (美国退出《巴黎协定》) is none
        return bool(_ESTABLISH.search(text, hit.start, hit.end)) or bool(
            _DOCUMENT_ACT.search(text, lo, hi)
        )
    return any(
        not (
            _ANNIVERSARY_AFTER.match(text, m.end())
            or _ANNIVERSARY_BEFORE.search(text, max(0, m.start() - 48), m.start())
        )
        for m in _ESTABLISH.finditer(text, lo, hi)
    )


# a negation earlier in the event word's clause: the event did not happen (不将…遣返, 未签署,
# refused to extradite, не было подписано); not the words that only look like one (不断, 不仅)
_NEGATION = re.compile(
    r"不(?![断仅但久同少论过管遗可满足稳安确错懈])|未(?!来|成年|经)|没有|拒绝|并非|否认|"
    r"\b(?:not|never|refused|refuses|refuse|declined|declines|rejected|denied|n't)\b|"
    r"(?<![^\W\d_])(?:не|ни)(?![^\W\d_])|отказ|отклон",
    re.IGNORECASE,
)
# an event that did not happen (gold guide, seventeenth round, item 1): a denial governing the
# report of it (dismissed reports that China is building a base, опровергли сообщения о,
# 否认有关…的报道), a claim named as such (所谓…的说法, so-called), or an event called off or put
# off with no new date (cancelled, перенесен, 推迟) in a sentence saying nothing took place
_DENIED_REPORT = re.compile(
    r"(?:否认|驳斥|辟谣)|所谓|"
    r"\b(?:den(?:y|ies|ied)|dismiss(?:ed|es)?|refut(?:e|ed|es)|reject(?:ed|s)?|debunk(?:ed|s)?)"
    r"\s+(?:\w+\s+){0,3}?(?:reports?|claims?|allegations?|rumou?rs?|speculation|publications?|"
    r"stories|articles)\b|\bso-called\b|"
    r"(?<![^\W\d_])(?:опроверг\w*|отверг\w*|отрицал\w*|отрицают|отрицает)\s+(?:\w+\s+){0,2}?"
    r"(?:сообщени|информаци|слух|утверждени|данные|публикаци|стать|материал)|"
    r"(?<![^\W\d_])так называем",
    re.IGNORECASE,
)
_CALLED_OFF = re.compile(
    r"取消|推迟|延期|搁置|"
    r"\b(?:cancel(?:l?ed|s)?|called off|postpone[ds]?|put off|shelved|indefinitely)\b|"
    r"(?<![^\W\d_])(?:отмен[её]н\w*|отменил\w*|перенес[её]н\w*|перенесл\w*|отложен\w*|"
    r"отложил\w*|на неопредел[её]нный срок|новые сроки)|\bnew dates? (?:will|is|are|to)\b|"
    r"另行(?:商定|确定|通知)|"
    # a headline's "visit off", and an event said not to take place (will not take place, не
    # состоится, 不会举行): called off too
    r"\b(?:visits?|trips?|talks|meetings?|summits?|exercises?|drills?)\s+(?:is\s+|are\s+)?off\b|"
    r"\bwill\s+not\s+(?:take\s+place|go\s+ahead|be\s+held)\b|"
    r"(?<![^\W\d_])(?:не\s+состо(?:ится|ятся)|(?:проводить\w*|провод\w+ся)\s+не\s+буд\w+|"
    r"не\s+буд(?:ет|ут)\s+(?:провод|провед)\w*)|不会举行|不再举行|未能举行|不会(?:进行|开展)",
    re.IGNORECASE,
)
# a new date after the postponement (postponed to 12 May, перенесен на июнь, 推迟至5月): announced
_NEW_DATE = re.compile(
    r"\s*(?:to|until|till|на|до|至|到)\s*(?:\w+\s+){0,2}?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec|янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|下周|明年|next)",
    re.IGNORECASE,
)
# ... unless the sentence says something did take place (the talks held on Monday put off the
# signing: the talks happened)
_TOOK_PLACE = re.compile(
    r"举行了|已举行|举办了|会见了|会谈时|会谈中|"
    r"\b(?:was held|were held|held talks|took place|met)\b|(?<![^\W\d_])(?:состоял\w*|прош[её]л|"
    r"прошл[аои]|прошли|провели|провел|встретил\w*)",
    re.IGNORECASE,
)
# a sentence opening on a draft's signing as a condition (if signed, it would ...; если
# соглашение будет подписано, 如果协议签署): what it describes depends on an unsigned draft
_IF_SIGNED = re.compile(
    r"\s*(?:(?:if|once|should)\s+(?:\w+\s+){0,3}?(?:signed|ratified)|"
    r"(?:если|в случае(?: если)?)\s+(?:\w+\s+){0,3}?(?:будет |будут )?(?:подписан|ратифицирован)\w*|"
    r"(?:如果|如|一旦|若)[^，,。]{0,12}(?:签署|签订|批准))",
    re.IGNORECASE,
)
# a contrast between the denial and the event word: what follows it is asserted
_BUT = re.compile(
    r"但|而是|却|\b(?:but|however|yet)\b|(?<![^\W\d_])(?:но|однако|а)(?![^\W\d_])", re.I
)
CALLED_OFF_SPAN = 160  # characters either side of the event word searched for its calling off


# a report told as someone's claim (media claimed that, reports alleged, утверждали, что; якобы;
# 声称, 传言, 有消息称): what follows is the claim, not the page's own telling
_CLAIMED = re.compile(
    r"声称|宣称|传言|谣言|炒作|有消息称|有报道称|有媒体称|媒体报道称|"
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed|ing|ations?)|rumou?r(?:s|ed)?|speculat\w*)\b|"
    r"(?<![^\W\d_])(?:утвержд\w*|якобы|заявлял\w*\s+о\s+том|слух\w*|домысл\w*)",
    re.IGNORECASE,
)
# the next sentence calling it untrue (These claims are groundless; Эти сведения не соответствуют
# действительности; 上述说法毫无根据)
_UNTRUE = re.compile(
    r"毫无根据|毫无事实根据|纯属|不实|不属实|失实|子虚乌有|捏造|谣言|虚假|"
    r"\b(?:groundless|baseless|unfounded|untrue|fabricat\w*|disinformation|not\s+true|inaccurate|"
    r"no\s+basis|(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|fake))\b|"
    r"(?<![^\W\d_])(?:не\s+соответству\w*\s+действительност\w*|беспочвенн\w*|"
    r"необоснованн\w*|ложн\w*|вымысл\w*|дезинформаци\w*|фейк\w*)",
    re.IGNORECASE,
)
UNTRUE_SPAN = 160  # characters of the next sentence read for its calling the claim untrue


# a reporter's request to confirm the claim (请证实, Can you confirm?, Можете ли подтвердить?):
# the answer after it is the next sentence read for the claim called untrue
_CONFIRM_REQUEST = re.compile(
    r"请(?:予以)?(?:证实|确认|介绍|说明)|能否(?:证实|确认)|是否属实|"
    r"\b(?:can|could|would)\s+you\s+(?:confirm|comment)\b|\bis\s+(?:this|that|it)\s+true\b|"
    r"(?<![^\W\d_])(?:можете|могли\s+бы)\s+(?:ли\s+)?(?:подтвердить|прокомментировать)",
    re.IGNORECASE,
)


def _denied_next(text: str, at: int, end: int) -> bool:
    """The sentence starting at ``at`` (up to ``end``) calls what came before untrue; after a
    reporter's request to confirm it, the sentence after the request (the answer)."""
    stop = _SENTENCE.search(text, at, min(end, at + UNTRUE_SPAN))
    hi = stop.end() if stop else min(end, at + UNTRUE_SPAN)
    if _UNTRUE.search(text, at, hi) is not None:
        return True
    if stop is None or _CONFIRM_REQUEST.search(text, at, hi) is None:
        return False
    stop_at = min(end, hi + UNTRUE_SPAN)
    while hi < stop_at and text[hi].isspace():  # (the answer's paragraph under the question's)
        hi += 1
    after = _SENTENCE.search(text, hi, min(end, hi + UNTRUE_SPAN))
    return (
        _UNTRUE.search(text, hi, after.end() if after else min(end, hi + UNTRUE_SPAN)) is not None
    )


def _did_not_happen(text: str, item: CodedItem, hit: Hit) -> bool:
    """The event word ``hit`` is reported as not having happened: a denial of the report of it
    earlier in its sentence, or a cancellation or postponement with no new date in its sentence,
    which says nothing else took place."""
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if _IF_SIGNED.match(text, lo, hi):  # the sentence hangs on an unsigned draft
        return True
    denied = _DENIED_REPORT.search(text, lo, hit.start)
    if denied and not _BUT.search(text, denied.end(), hit.start):
        return True
    claim = _CLAIMED.search(text, lo, hit.start)
    if claim is not None and _denied_next(text, hi, item.end):
        return True  # (media claimed that a base was being built. These claims are groundless.)
    lo, hi = max(lo, hit.start - CALLED_OFF_SPAN), min(hi, hit.end + CALLED_OFF_SPAN)
    for m in _CALLED_OFF.finditer(text, lo, hi):
        if not _NEW_DATE.match(text, m.end(), min(hi, m.end() + 40)):
            return _TOOK_PLACE.search(text, lo, hi) is None
    return False


# a question about reports named in the narrative (answering a question about reports of
# clashes, отвечая на вопрос о сообщениях о перестрелках, 在回答有关…报道的提问时): what the reports
# tell is asked about; the speaker's answer, not the reported event, is what the page reports
_ASKED_ABOUT = re.compile(
    r"(?<![^\W\d_])(?:(?:questions?|asked)\s+(?:about|on|regarding)\s+(?:\w+\s+){0,2}?"
    r"(?:reports?|rumou?rs?|claims?)|вопрос\w*\s+(?:о|об|по поводу)\s+(?:\w+\s+){0,2}?"
    r"(?:сообщени\w*|слух\w*|информаци\w*))(?![^\W\d_])",
    re.IGNORECASE,
)
_ABOUT_BEFORE_HAN = re.compile(r"(?:有关|关于)[^，,。；;]{0,20}$")
_REPORTS_QUESTION_AFTER_HAN = re.compile(r"[^，,。；;]{0,20}?(?:报道|传闻|消息)的?(?:提问|问题)")
ASKED_ABOUT_SPAN = 80  # characters of the event word's sentence searched before it


def _asked_about(text: str, item: CodedItem, hit: Hit) -> bool:
    lo, _ = _sentence_of(text, hit.start, item.start, item.end)
    lo = max(lo, hit.start - ASKED_ABOUT_SPAN)
    if _ASKED_ABOUT.search(text, lo, hit.start) is not None:
        return True
    return (
        _REPORTS_QUESTION_AFTER_HAN.match(text, hit.end) is not None
        and _ABOUT_BEFORE_HAN.search(text, lo, hit.start) is not None
    )


# a sentence saying what the sides discussed: the activities it names are its subjects
_DISCUSSED = re.compile(
    r"交换(?:了)?意见|讨论|探讨|商讨|谈到|\bdiscuss|exchanged views|talked about|"
    r"обсуди|обсужд|обменялись мнениями|рассмотрел|рассмотрены",
    re.IGNORECASE,
)
NEGATION_SPAN = 24  # characters of the clause before the event word (Han)
NEGATION_SPAN_LATIN = 40


def _negated(text: str, item: CodedItem, hit: Hit) -> bool:
    han = "\u4e00" <= hit.term[:1] <= "\u9fff"
    lo = max(item.start, hit.start - (NEGATION_SPAN if han else NEGATION_SPAN_LATIN))
    for m in _CLAUSE_BREAK.finditer(text, lo, hit.start):
        lo = m.end()
    return _NEGATION.search(text, lo, hit.start) is not None


# an exercise's scenario (演练模拟处置劫持人质事件, по замыслу учений условные террористы, the
# drill rehearsed a hostage rescue): the attack or hostage-taking it names is simulated
_SIMULATED = re.compile(
    r"演练|演习|模拟|假想|想定|比武|竞赛|比赛|\b(?:exercise|exercises|drill|drills|scenario|simulat\w*|"
    r"mock|rehears\w*|compet\w*|contests?)\b|"
    r"(?<![^\W\d_])(?:учени|замысл|условн|имитац|отрабатыва|тренировк|сценари|соревнован|состязан)",
    re.IGNORECASE,
)
# an exercise's props: a mock or simulated object, a scenario's (a mock militant camp built in
# an old sanatorium, условный опорный пункт боевиков оборудован, 模拟恐怖分子营地): what the
# drill built to storm, not a facility of the engagement
_MOCK = re.compile(
    r"模拟|假想|想定|(?<![^\W\d_])(?:mock|simulated|dummy|scenario|условн\w*|имитац\w*|"
    r"имитирующ\w*|макет\w*|замысл\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# a facility named as the place of another event (at the Torugart checkpoint, на КПП «Кульма»,
# в учебном центре, 在检查站): where something happened, not a facility built or handed over; an
# act of building (построены, built, 修建) is never a place
_VENUE_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:at|in|near|outside|through|via|bypassing)\s+(?:the\s+|a\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}|"
    # (a route past or around it: вне пунктов пропуска, через КПП, bypassing the checkpoints)
    r"(?<![^\W\d_])(?:на|в|во|у|возле|вне|через|мимо|в\s+обход)\s+|在[^，,。；;\s]{0,8})$",
)
_BUILDING_ACT = re.compile(
    r"строи|строен|возв|постро|construct|built|build|修建|援建|承建|建成|建立|竣工|改造|建设|开设|设立",
    re.IGNORECASE,
)


_FACILITY_ACT = re.compile(
    r"修建|援建|承建|建成|建设|新建|兴建|捐建|落成|竣工|启用|投入使用|投用|交付|移交|交接|资助|出资|"
    r"改造|升级|开工|奠基|揭牌|开通|建立|设立|"
    r"(?<![^\W\d_])(?:built|build\w*|construct\w*|hand(?:ed|s|ing)?|handover|"
    r"open(?:ed|s|ing)?|inaugurat\w*|commission\w*|fund\w*|financ\w*|upgrad\w*|"
    r"renovat\w*|install\w*|equipp\w*|launch\w*|set\s+up|establish\w*|complet\w*|donat\w*|"
    r"постро\w*|строи\w*|строительств\w*|возв\w*|переда\w*|открыт\w*|открыл\w*|"
    r"вв[её]д\w*|ввод\w*|финансир\w*|модерниз\w*|реконструк\w*|установ\w*|оснащ\w*|"
    r"сдан\w*|запущ\w*|созда\w*|заверш\w*)",
    re.IGNORECASE,
)


def _venue(text: str, hit: Hit) -> bool:
    place = _VENUE_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    # (在瓦罕走廊附近修建哨所: built there, the place comes before the building)
    return place is not None and not _BUILDING_ACT.search(place.group())


# a ceremony attended (出席交付仪式, attended the handover ceremony, присутствовал на церемонии)
_CEREMONY_AFTER = re.compile(
    r"[^，,。;；\n]{0,16}(?:仪式|典礼)|\W+(?:\w+\W+){0,4}?(?:ceremon|церемони)", re.IGNORECASE
)
# equipment as what is made (联合生产无人机, joint production of drones, совместном производстве
# беспилотников), in the clause before the equipment word
_PRODUCED = re.compile(
    r"生产|制造|组装|\b(?:produc(?:e|es|ed|ing|tion)|co-produc\w*|manufactur\w*|assembl(?:e|y|ed|ing))\b|"
    r"(?<![^\W\d_])(?:производств|произвести|производит|сборк|собира)",
    re.IGNORECASE,
)
PRODUCED_SPAN = 40
# equipment as a threat or the means of one (использование террористами беспилотников, инцидентов
# с беспилотниками, the use of drones by terrorists, 利用无人机, drone attacks): what the parties
# worry about, not what was handed over; in the clause before the equipment word or right after it
_THREAT_BEFORE = re.compile(
    r"利用|威胁|袭击|攻击|恐怖分子|犯罪分子|"
    r"\b(?:use of|using|threats?|attacks?|incidents?|terrorists?|militants?|criminals?|"
    r"countering|combating)\b|"
    r"(?<![^\W\d_])(?:использовани|применени|угроз|инцидент|атак|нападени|террористам|"
    r"преступникам|боевикам|противодействи\w*|борьб\w* с)",
    re.IGNORECASE,
)
# a handover of persons (移交回国服刑, handed over the suspects): an operation's or a treaty's
# word, no equipment
_PERSONS_AFTER = re.compile(
    r"[^，,。；;]{0,6}?(?:回国|回本国|服刑|被判刑人|犯罪嫌疑人|逃犯|嫌犯)|"
    r"\s+(?:[\w-]+\s+){0,3}?(?:suspects?|fugitives?|convicts?|prisoners?|sentenced persons)\b",
    re.IGNORECASE,
)
# a grant or aid word, and a building word shortly before it in its clause (built with Chinese
# grant funding, возведенная за счет безвозмездной помощи)
_FUNDING = re.compile(
    r"grant|aid|assistance|безвозмезд|грант|помощ|援助|无偿|援款|资助", re.IGNORECASE
)
_BUILT_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:built|constructed|erected|funded)|постро\w*|возведен\w*|сооружен\w*|"
    r"建设|修建|援建|建成)[^，,。;；\n]*$",
    re.IGNORECASE,
)
# (or a building word just after it: 由中方无偿援助升级改造的口岸设施, grant funding to build a
# post, помощи на строительство заставы)
_BUILT_AFTER = re.compile(
    r"[^，,。;；\n]{0,12}?(?:建设|修建|兴建|新建|建成|升级|改造|"
    r"(?<![^\W\d_])(?:to\s+build|to\s+construct|for\s+(?:the\s+)?(?:construction|building|upgrad\w*)|"
    r"на\s+(?:строительств|возведени|реконструкци|модернизаци)\w*))",
    re.IGNORECASE,
)
BUILT_SPAN = 40  # characters before a grant word searched for the building word
_THREAT_AFTER = re.compile(
    r"\s*(?:attacks?|strikes?|incursions?|threats?)\b|[^，,。；;]{0,2}(?:袭击|攻击|威胁)",
    re.IGNORECASE,
)


# a word saying equipment changes hands: given, handed over, donated, supplied, delivered, bought,
# sold, received, arrived (a batch, a shipment), as aid or a grant
_TRANSFER_ACT = re.compile(
    r"(?<![^\W\d_])(?:hand(?:s|ed|ing)?\s+over|handover|hand-over|donat\w*|deliver\w*|"
    r"suppl(?:y|ied|ies|ying)|provid\w*|gift\w*|grants?|granted|transferr?(?:ed|ing|s)?|"
    r"receiv\w*|arriv\w*|presented|purchas\w*|procur\w*|acqui(?:re|red|res|ring|sition)\w*|"
    r"bought|buys?|buying|sold|sells?|selling|sales?|allocat\w*|aid|assistance|shipments?|"
    r"batch\w*|free\s+of\s+charge|gave|gives?|giving|shipped|dispatched|sent|export\w*|"
    r"import\w*|(?:chinese|china)-made|made\s+in\s+china)(?![^\W\d_])"
    r"|移交|交付|交接|交车|援助|援建|(?<![救增声])援|赠|捐|提供|采购|购买|购置|军购|军售|出售|接收|运抵|"
    r"转交|无偿|交予|移送|列装|验收|接装|签收|发放|到货|出口|进口|引进|中国产|中国制造|[该这此一首两新]批"
    r"|(?<![^\W\d_])(?:переда\w*|поставк\w*|постав(?:ил|ила|или|ит|ят|лен\w*|ля\w*)|"
    r"вручи\w*|вручен\w*|безвозмезд\w*|помощ\w*|получ(?:ил|ила|или|ит|ат|ает|ают|ен\w*)|"
    r"закуп\w*|приобр\w*|подар\w*|выдел\w*|прибыл\w*|парти[яюи]|грант\w*|дар|достав\w*|"
    r"поступ\w*|отправ\w*|экспорт\w*|импорт\w*|производства\s+(?:кнр|китая))(?![^\W\d_])"
    r"|китайского\s+производства",
    re.IGNORECASE,
)


def _changes_hands(text: str, hit: Hit, lo: int, hi: int) -> bool:
    """An equipment_transfer mention tells a transfer: its own word is one (handed over, 无偿援助,
    безвозмездн), a verb found with its object (``coder_phrases``), its sentence says the items
    are given, supplied, bought or received (``_TRANSFER_ACT``), or it stands in a headline
    (a line with no sentence end: headlines drop the verb, Chinese drones for the Tajik army)."""
    if hit.term.startswith(PHRASE_MARK) or _TRANSFER_ACT.search(hit.term):
        return True
    if _TRANSFER_ACT.search(text, lo, hi):
        return True
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, hit.start) + 1
    line = text[line_start:line_end].rstrip()
    return len(line) <= HEADLINE and not line.endswith(_SENTENCE_ENDS)


HEADLINE = 160  # characters: the longest line read as a headline


# what a security facility is called: a post, base, checkpoint, centre, building, barracks,
# station, headquarters, camp, school or surveillance system (in a sentence with a bare
# building word, built, 援建, построен: what was built)
_FACILITY_NOUN = re.compile(
    r"站|所|楼|中心|基地|营房|设施|口岸|哨|学校|学院|总部|系统|工程|项目|宿舍|营区|场馆|"
    r"(?<![^\W\d_])(?:posts?|outposts?|bases?|checkpoints?|cent(?:re|er)s?|buildings?|barracks|"
    r"headquarters|facilit\w*|stations?|camps?|schools?|academ\w*|complex\w*|compounds?|"
    r"premises|offices?|crossings?|systems?|networks?|roads?|fences?|towers?|hall|halls|"
    r"dormitor\w*|застав\w*|пост\w*|здани\w*|центр\w*|баз\w*|казарм\w*|комплекс\w*|объект\w*|"
    r"пункт\w*|школ\w*|штаб\w*|корпус\w*|общежити\w*|сооружени\w*|пограничн\w*|КПП|"
    r"систем\w*|дорог\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def _nothing_built(text: str, item: CodedItem, hit: Hit) -> bool:
    """An infrastructure indicator that is a building word alone (built, constructed, 援建,
    построен) in a sentence naming no facility (trust is built step by step; the partnership
    they have built): nothing was built."""
    if not _BUILDING_ACT.search(hit.term) or _FACILITY_NOUN.search(hit.term):
        return False
    return _FACILITY_NOUN.search(text, *_sentence_of(text, hit.start, item.start, item.end)) is None


def _at_ceremony(text: str, hit: Hit) -> bool:
    """A meeting word that is attending a ceremony (出席交付仪式): the ceremony's event is what
    happened."""
    return bool(_CEREMONY_AFTER.match(text, hit.end))


def _produced(text: str, lo: int, hit: Hit) -> bool:
    start = max(lo, hit.start - PRODUCED_SPAN)
    for m in _CLAUSE_BREAK.finditer(text, start, hit.start):
        start = m.end()
    return _PRODUCED.search(text, start, hit.start) is not None


# an event recalled by the time since it happened (three years after the attack, 袭击事件
# 发生三年来, пять лет назад, the anniversary of): the text reports something later
_RECALLED_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) years? (?:after|since)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,2}$|\banniversary of\s+(?:the\s+)?(?:\w+\s+){0,2}$|"
    r"(?:спустя|через) \w+ (?:лет|года?) после\s+(?:\w+\s+){0,2}$|годовщин\w* (?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_RECALLED_AFTER = re.compile(
    r"[^。.;；!?！？\n]{0,24}?(?:\b(?:\d+|two|three|four|five|several|many) years ago\b|"
    r"[一二三四五六七八九十几\d]+(?:周年|年前|年来)|\b\w+ (?:лет|года?) назад)",
    re.IGNORECASE,
)


def _threat(text: str, lo: int, hit: Hit) -> bool:
    """Equipment named as a threat or its means (``_THREAT_BEFORE``, ``_THREAT_AFTER``)."""
    start = max(lo, hit.start - PRODUCED_SPAN)
    for m in _CLAUSE_BREAK.finditer(text, start, hit.start):
        start = m.end()
    return _THREAT_BEFORE.search(text, start, hit.start) is not None or bool(
        _THREAT_AFTER.match(text, hit.end)
    )


def _recalled(text: str, item: CodedItem, hit: Hit) -> bool:
    lo = max(item.start, hit.start - NEGATION_SPAN_LATIN)
    return bool(_RECALLED_BEFORE.search(text, lo, hit.start)) or bool(
        _RECALLED_AFTER.match(text, hit.end)
    )


# a sentence that opens by citing a document (根据协议, under the agreement, согласно
# соглашению) and speaks of the future says what the document provides for
_UNDER_DOCUMENT = re.compile(
    r"\s*(?:根据|按照|依据)(?:该|上述|这一)?(?:协议|协定|备忘录|合同|计划)|"
    r"\s*(?:under|according to) (?:the|this) (?:agreement|memorandum|deal|contract|plan)\b|"
    r"\s*(?:согласно|в соответствии с) (?:этим |данным )?(?:соглашени|меморандум|договор|план)",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"将|\b(?:will|shall)\b|(?<![^\W\d_])(?:будет|будут|планиру)", re.IGNORECASE)


def _provided_for(text: str, item: CodedItem, hit: Hit) -> bool:
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    return bool(_UNDER_DOCUMENT.match(text, lo)) and bool(_FUTURE.search(text, lo, hit.start))


def _planned(text: str, hit: Hit) -> bool:
    """An exercise named as the object of a plan (план проведения учений, 演习计划)."""
    return bool(_PLAN_BEFORE.search(text, max(0, hit.start - 40), hit.start)) or bool(
        _PLAN_AFTER.match(text, hit.end)
    )


def _keep(kinds: dict[str, list[Hit]], code: str, kept: list[Hit]) -> None:
    if kept:
        kinds[code] = kept
    else:
        kinds.pop(code, None)


FIRST_WEIGHT = 3.0  # the first sentence naming an event, under a lead that names none
FRAMING_KINDS = ("meeting", "mechanism")  # no FIRST_WEIGHT: see choose_kind
LEAD_WEIGHT = 3.0  # a mention of an event kind in the lead weighs as much as three later ones
RUBRIC_FIELD = 24  # characters: the longest rubric of a byline's run of fields
HEAD_LINE = 80  # characters: a shorter line under the title is the source, byline or date
# a longer one is still the byline when it is made of short fields split by bars (Telegram-канал
# «…» | 28 мая 2026, 19:12 | репост с сайта …; Embassy of … | News | 2026/05/22)
_BYLINE_FIELDS = re.compile(rf"[^|\n]{{1,{HEAD_LINE}}}(?:\|[^|\n]{{1,{HEAD_LINE}}})+")
# a line opening with two or more short rubric fields split by bars is the page's furniture, even
# when its last field runs long (Society | Security | Regions Photo: press service of ...: the
# rubrics and a photo credit); a sentence of the story has no such run of bars
_RUBRIC_FIELDS = re.compile(rf"(?:[^|\n.。]{{1,{RUBRIC_FIELD}}}\|){{2,}}")
LEAD_SENTENCE = 40  # characters: a shorter first sentence is a dateline's piece
_SENTENCE_ENDS = ("。", "！", "？", ".", "!", "?")


def kind_lead_end(text: str, item: CodedItem) -> int:
    """The end of the item's lead for its main event: the title line and the first sentence of
    the text under it (past the short lines naming the source, author or date, and past a
    dateline's piece: АЛМАТИНСКАЯ ОБЛАСТЬ. 9 октября. КАЗИНФОРМ – ...), or the first sentence
    of an item with no title line."""
    return lead_parts(text, item)[1]


def lead_parts(text: str, item: CodedItem) -> tuple[tuple[int, int], int]:
    """The item's head lines under its title (the source, byline and date lines, as a span;
    empty when there are none) and the end of its lead (see ``kind_lead_end``)."""
    begin = lead_start(text, item.start, item.end)  # past the page's masthead and menu
    limit = min(item.end, begin + LEAD)
    stop = _FIRST_SENTENCE_END.search(text, begin, limit)
    if stop is None:
        return (0, 0), limit
    end = stop.end()
    if stop.group() != "\n":
        return (0, 0), end
    title_end = end
    for _ in range(HEAD_LINES + 2):  # the source, byline and date lines under the title
        line_end = text.find("\n", end, min(item.end, end + LEAD))
        line = text[end:line_end].strip()
        if (
            line_end < 0
            or (
                len(line) >= HEAD_LINE
                and not _BYLINE_FIELDS.fullmatch(line)
                and not _RUBRIC_FIELDS.match(line)
            )
            # (a dateline closing with the agency's name, Бишкек, 14 апреля /Кабар/., is no
            # sentence)
            or (line.endswith(_SENTENCE_ENDS) and not line.endswith("/."))
        ):
            break
        end = line_end + 1
    head = (title_end, end) if end > title_end else (0, 0)
    limit = min(item.end, end + 2 * LEAD)
    position = end
    while body := _LEAD_SENTENCE_END.search(text, position, limit):
        position = body.end()
        if body.group() == "\n" or position - end >= LEAD_SENTENCE:
            return head, position
    return head, limit


# a day, a month or a weekday: the paragraph reports a dated happening, not a trend
_WHEN = re.compile(
    r"\d{1,2}\s*[月日号]|\d{4}\s*年|昨天|今天|日前|近日|"
    r"(?<![^\W\d_])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
    r"april|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|today|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|"
    r"июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|понедельник|вторник|"
    r"сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье|вчера|сегодня)(?![^\W\d_])",
    re.IGNORECASE,
)


def _paragraph_of(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line) around ``position`` within (start, end), at most SENTENCE_SPAN
    characters either side."""
    lo = text.rfind("\n", max(start, position - SENTENCE_SPAN), position) + 1
    lo = max(lo, start, position - SENTENCE_SPAN)
    hi = text.find("\n", position, min(end, position + SENTENCE_SPAN))
    return lo, (hi if hi >= 0 else min(end, position + SENTENCE_SPAN))


def _weight(code: str, hit: Hit, lead_end: int, first_span: tuple[int, int]) -> float:
    """A kind mention's weight: LEAD_WEIGHT in the lead, FIRST_WEIGHT in the first sentence
    naming an event under a lead that names none (``first_span``; not a meeting or a document),
    else 1."""
    if hit.start < lead_end:
        return LEAD_WEIGHT
    if first_span[0] <= hit.start < first_span[1] and code not in FRAMING_KINDS:
        return FIRST_WEIGHT
    return 1.0


def _listed_once(
    hits: list[Hit], text: str | None, lead_end: int, first_span: tuple[int, int] = (0, 0)
) -> float:
    """The weight of the mentions of equipment handed over: LEAD_WEIGHT in the lead, 1 later,
    and the items one sentence lists count once (a handover's sentence naming the vehicles,
    drones and radios it gave is one mention of the handover, not three)."""
    if text is None:
        return sum(LEAD_WEIGHT if h.start < lead_end else 1.0 for h in hits)
    total, previous, previous_weight = 0.0, -1, 0.0
    for h in sorted(hits, key=lambda h: h.start):
        weight = _weight("equipment_transfer", h, lead_end, first_span)
        if previous >= 0 and (
            previous >= h.start or _SENTENCE.search(text, previous, h.start) is None
        ):
            if weight > previous_weight:  # (the sentence's heaviest mention counts)
                total += weight - previous_weight
                previous_weight = weight
            previous = max(previous, h.end)
            continue
        total += weight
        previous, previous_weight = h.end, weight
    return total


def choose_kind(
    item: CodedItem,
    kinds: dict[str, list[Hit]],
    has_level: bool,
    lead_end: int | None = None,
    lead_level: bool = False,
    text: str | None = None,
    body_start: int | None = None,
) -> str | None:
    """The main event's kind. The lead (title and first sentence, ``lead_end``; else the first
    LEAD characters) reports the main event: its mentions weigh LEAD_WEIGHT times a later one
    (what the later paragraphs add, equipment handed over at the talks, the checkpoint where
    border delegates met, is second or background). Specific activities weigh more than
    meetings and mechanisms; the equipment one sentence lists (vehicles, drones and radios
    handed over after the talks) is one mention of its handover (``_listed_once``: most of
    equipment_transfer's indicators name the items, which a list repeats; ``text`` gives the
    sentences); with no kind indicator, a meeting level implies a meeting, and so
    does a level in a title line when the lead names no kind (``lead_level``: 国防部长会议在比什凯克
    举行, the ministers' meeting is the event, the exercise they agreed on comes later).
    The lead sentence under the title (from ``body_start`` to ``lead_end``) reports the event
    itself: when it names some kinds, the main kind is one of them (a title naming the vehicles
    handed over and the outpost opened over a first sentence about the handover alone: the
    handover; the outpost, however long the later passage on it, comes second)."""
    if not kinds:
        return "meeting" if has_level else None
    if lead_end is None:
        lead_end = item.start + LEAD
    elif lead_level and not any(h.start < lead_end for hs in kinds.values() for h in hs):
        return "meeting"
    own = (
        set()
        if body_start is None
        else {c for c, hs in kinds.items() if any(body_start <= h.start < lead_end for h in hs)}
    )
    first_span = (item.end, item.end)
    if text is not None and body_start is not None:
        first, first_code = min(
            ((h.start, c) for c, hs in kinds.items() for h in hs),
            default=(item.end, None),
        )
        # a lead that names no event (a digest's "the day's main news", a question asking for
        # the latest, a brief's key points, a scene-setting first sentence): the first sentence
        # that tells one weighs as a lead would (a meeting or a document named first keeps its
        # own weight: a summit being prepared, the documents signed over half a year)
        if first >= lead_end and first_code not in FRAMING_KINDS:
            lo, hi = _paragraph_of(text, first, item.start, item.end)
            if _WHEN.search(text, lo, hi):
                first_span = (first, _sentence_of(text, first, item.start, item.end)[1])
    best, best_score = None, 0.0
    for rank, code in enumerate(KIND_PRIORITY):
        hits = kinds.get(code)
        if not hits or (own and code not in own):
            continue
        if code == "equipment_transfer":
            score = _listed_once(hits, text, lead_end, first_span)
        else:
            score = sum(_weight(code, h, lead_end, first_span) for h in hits)
        score *= KIND_PRIOR.get(code, 1.0)
        score -= rank * 0.01  # ties go to the more specific kind
        if score > best_score:
            best, best_score = code, score
    if best == "mechanism" and "meeting" in kinds:
        return "meeting"  # agreements are signed at meetings; the meeting is the event
    return best


def rule_exercise_kind(
    event_kind: str,
    kinds: dict[str, list[Hit]],
    text: str,
    framework: str | None,
    countries: list[str],
    focal: str,
    lead_end: int | None = None,
) -> str:
    """An exercise is multilateral in a multilateral framework, when named so, or with two or
    more partner states; bilateral otherwise, and when the lead names it bilateral (the first
    bilateral drill, 双边联合演习, двусторонние учения) whatever other states the item names. When
    the lead (``lead_end``) names the exercise, only its words there say what it is: a Peace
    Mission recalled later is another exercise."""
    hits = [h for hs in kinds.values() for h in hs]
    if lead_end is not None and any(h.start < lead_end for h in hits):
        hits = [h for h in hits if h.start < lead_end]
    span = " ".join(normalise_for_matching(text[h.start : h.end]) for h in hits)
    pair_named = any(
        _PAIR_NAMED.search(normalise_for_matching(text[max(0, h.start - PAIR_SPAN) : h.start]))
        for h in hits
        if h in kinds.get("bilateral_exercise", ()) or h in kinds.get("multilateral_exercise", ())
    )
    named_multilateral = bool(_MULTILATERAL_ONLY.search(span)) or any(
        _CONTEST_NAMED.match(normalise_for_matching(text[h.start : h.end])) for h in hits
    )
    multilateral = (
        framework in ("SCO", "CICA")
        or named_multilateral
        or (
            (framework == "other_multilateral" or len([c for c in countries if c != focal]) >= 2)
            and not _BILATERAL_NAMED.search(span)
            and not pair_named
        )
    )
    chosen = "multilateral_exercise" if multilateral else "bilateral_exercise"
    if chosen not in kinds:
        kinds[chosen] = kinds.get("bilateral_exercise") or kinds["multilateral_exercise"]
    return chosen


# a meeting's sentence that places it before or after a ceremony (after the ceremony, following
# the handover ceremony, после церемонии, перед церемонией, по окончании церемонии, 仪式后,
# 交接仪式结束后, 仪式前)
_AROUND_CEREMONY = re.compile(
    r"(?<![^\W\d_])(?:after|before|following|ahead\s+of)\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"ceremon(?:y|ies)(?![^\W\d_])|"
    r"(?<![^\W\d_])(?:после|перед|до|по\s+окончании|по\s+завершении)\s+(?:[\w-]+\s+){0,2}?"
    r"церемони\w*|仪式(?:结束)?(?:后|前|之后|之前)",
    re.IGNORECASE,
)
# A second event in the same item: an agreement signed at the meeting (mechanism), equipment
# handed over at it, training pledged there with its size; equipment handed over under a
# ratified agreement; trainees of a stated number at an exercise (not its weapons: an exercise
# report names equipment used); the meeting held after an incident (the ministry summoned the
# envoy, 领事司负责人同大使通电话) or by the patrol's sides (在会晤站举行了工作会晤); trainees of
# a stated number at a training centre built, or taught to use equipment handed over (the
# donor's instructors will train 150 officers on the new vehicles); the guards of a security
# firm at the site of an incident (a clash at a Chinese-owned mine, its security firm's guards
# fire shots); a joint patrol the lead reports with the meeting (会晤并开展联合巡逻); a facility
# opened or handed over at the meeting (the ministers attended the opening of a training centre).
# Only these, and only with a mention of their own.
SECOND_EVENTS = {
    "meeting": (
        "mechanism",
        "equipment_transfer",
        "training_education",
        "joint_patrol_operation",
        "infrastructure",
    ),
    "mechanism": ("meeting", "equipment_transfer"),
    "multilateral_exercise": ("training_education", "mechanism"),
    "bilateral_exercise": ("training_education", "mechanism"),
    "incident": ("meeting", "private_security"),
    "infrastructure": ("training_education", "equipment_transfer", "meeting"),
    "equipment_transfer": ("training_education", "infrastructure", "meeting"),
    "joint_patrol_operation": ("meeting",),
}
# a training place pledged or given with its size (готова подготовить 1500 сотрудников, will
# train 2,000 police officers, 为中亚国家培训1500名执法人员, 3000个培训名额): codebook training_education,
# "pledges to train N law-enforcement officers"; training only talked of is no second event
_TRAINEES = re.compile(
    r"\d[\d\s,.]*(?:тыс\.?\s*)?(?:[^\W\d_]+\s+){0,2}?(?:сотрудник|офицер|курсант|специалист|военнослужащ|"
    r"полицейск|слушател|человек|военн|пограничник|спасател)|"
    r"\d[\d,.]*\s*(?:thousand\s+)?(?:\w+\s+){0,2}?(?:officers|personnel|cadets|police|"
    r"specialists|trainees|people|students|officials)\b|\d+\s*(?:名|人次?)|"
    # or of places offered (3000个培训名额, 500 training places, 300 мест для обучения, квот)
    r"\d+\s*(?:万\s*)?个?[^\s\d，,。；;]{0,4}名额|"
    r"\d[\d,.]*\s*(?:thousand\s+)?(?:\w+\s+){0,2}?(?:places|slots|quotas|scholarships)\b|"
    r"\d[\d\s,.]*(?:тыс\.?\s*)?(?:\w+\s+)?(?:мест|квот|стипенди)",
    re.IGNORECASE,
)


# a facility's capacity before the number (dormitories for 120 trainees, рассчитан на 200
# курсантов, 可容纳300名学员): its size, no one trained
_CAPACITY_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:(?:dormitor\w*|rooms?|beds?|classrooms?|quarters|barracks|hostel)\s+"
    r"for|accommodat\w*|capacity\s+of|рассчитан\w*\s+на|вмещ\w*|общежити\w*\s+на)|"
    r"容纳|可供)\s*$",
    re.IGNORECASE,
)
CAPACITY_SPAN = 24  # characters before the number read for the capacity's word


# a speaker's pledge of training (will provide training for, 中方将为…培训, готов подготовить,
# обучит): not the trainees studying now (в вузах обучаются 45 сотрудников)
_PLEDGED_TRAINING = re.compile(
    r"将|愿|承诺|(?<![^\W\d_])(?:will|pledg\w*|offer\w*|готов\w*|подготовит|обучит|"
    r"предоставит)(?![^\W\d_])",
    re.IGNORECASE,
)


def _trainees(text: str, lo: int, hi: int) -> bool:
    """The sentence ``text[lo:hi]`` names trainees of a stated number (``_TRAINEES``) that is no
    facility's capacity (``_CAPACITY_BEFORE``)."""
    return any(
        not _CAPACITY_BEFORE.search(text, max(lo, m.start() - CAPACITY_SPAN), m.start())
        for m in _TRAINEES.finditer(text, lo, hi)
    )


# the meeting's own record signed or adopted at its end (会议纪要, 会谈纪要, a communique,
# информационное сообщение, a bare протокол of the session): the meeting written down, not an
# agreement of its own (gold guide 3: one event per meeting); a document with a subject of its
# own named in the same sentence (an agreement, a programme, a plan, a protocol that sets out
# or amends something) or a body founded there is one, and so is a joint statement or
# declaration (the sides' stated policy: the sets code it as a mechanism)
_MEETING_RECORD = re.compile(
    r"纪要|公报|"
    r"(?<![^\W\d_])(?:minutes|(?:joint\s+|final\s+|press\s+)?communiq\w*|коммюнике|"
    r"информационн\w*\s+сообщени\w*|"
    r"(?:protocol|протокол)(?:\s+(?:of\s+the\s+\w+|заседания|встречи|переговоров|совещания|"
    r"консультаций))?(?=\s*(?:[.;:]|$|,\s+(?:в\s+котор\w+\s+(?:зафиксир|отраж)|recording))))",
    re.IGNORECASE,
)
_DOCUMENT_OF_ITS_OWN = re.compile(
    r"协定|协议|条约|备忘录|公约|规划|计划|纲要|方案|议定书|声明|宣言|机制|成立|设立|建立|"
    r"(?<![^\W\d_])(?:agreement|treaty|memorand\w*|convention|programme|program|plan|accord|"
    r"statement|declaration|mechanism|establish\w*|set\s+up|"
    r"protocol\s+(?:on|amending|to)|соглашени\w*|договор(?![её]нн)\w*|меморандум\w*|конвенци\w*|"
    r"программ\w*|план\w*|заявлени\w*|декларац\w*|механизм\w*|учре[дж]\w*|созда\w*|"
    r"протокол\w*\s+(?:о|об|к)\s)",
    re.IGNORECASE,
)
_RECORD_SPAN = 120  # characters either side of a signing word: its sentence
_RECORD_BREAK = re.compile(r"[。!?！？\n]|\.(?:\s|$)")


# a document the page recalls, not one it reports made: in force since (协定生效以来, 签署以来),
# or in the past perfect (the parliament had ratified the agreement)
_SINCE_AFTER = re.compile(r"[^，,。;；!?！？\n]{0,12}?以来")
_HAD = re.compile(
    r"(?<![^\W\d_])had\s+(?:been\s+|already\s+)?[^\W\d_]+ed(?![^\W\d_])", re.IGNORECASE
)
HAD_BEFORE = 40  # characters of the clause searched before a mechanism word for a past perfect


def _recalled_document(text: str, hit: Hit, start: int) -> bool:
    """A mechanism word followed in its clause by 以来 (since) or in a clause in the past
    perfect (the parliament had ratified the agreement): the document's history, no second
    event of the page."""
    if _SINCE_AFTER.match(text, hit.end) is not None:
        return True
    lo = max(start, hit.start - HAD_BEFORE)
    for brk in _CLAUSE.finditer(text, lo, hit.start):
        lo = brk.end()
    return _HAD.search(text, lo, hit.end) is not None


def _meeting_record(text: str, hit: Hit, start: int, end: int) -> bool:
    """``hit`` (a mechanism word: signed, 签署, подписан, a communique) is the signing or
    adopting of the meeting's own record (``_MEETING_RECORD``) and its sentence names no
    document with a subject of its own nor a body founded (``_DOCUMENT_OF_ITS_OWN``)."""
    lo = max(start, hit.start - _RECORD_SPAN)
    for brk in _RECORD_BREAK.finditer(text, lo, hit.start):
        lo = brk.end()
    stop = _RECORD_BREAK.search(text, hit.end, min(end, hit.end + _RECORD_SPAN))
    hi = stop.start() if stop else min(end, hit.end + _RECORD_SPAN)
    sentence = text[lo:hi]
    return _MEETING_RECORD.search(sentence) is not None and not _DOCUMENT_OF_ITS_OWN.search(
        sentence
    )


# equipment a side is willing, ready or set to give, has offered, or agreed to cooperate on (中方愿
# 为…提供装备, will provide, agreed to expand cooperation in equipment maintenance, готова передать),
# or has given over the years (近年来, in recent years): a pledge or a practice, no handover this
# page reports (gold guide 4: a plan is not a handover); said before the equipment word in its
# sentence
_PLEDGED = re.compile(
    r"愿|愿意|将|拟|计划|准备|承诺|近年来|多年来|"
    r"(?<![^\W\d_])(?:will|would|shall|plans?\s+to|planning\s+to|pledged?|pledging|offer(?:s|ed)?|"
    r"promis\w*|agreed\s+to|ready\s+to|willing\s+to|intends?\s+to|is\s+to|are\s+to|"
    r"in\s+recent\s+years|over\s+the\s+years|"
    r"готов\w*|намерен\w*|будет|будут|планиру\w*|предлож\w*|пообещ\w*|обещ\w*|"
    r"договорил\w*|согласил\w*|в\s+последние\s+годы)(?![^\W\d_])",
    re.IGNORECASE,
)
PLEDGE_BEFORE = 100  # characters of the equipment word's sentence searched before it
# a handover announced as decided (中方宣布将向…提供, announced that China will hand over,
# объявил о передаче): an announced event, not a pledge
_ANNOUNCED = re.compile(r"宣布|(?<![^\W\d_])(?:announc\w*|объяв\w*)", re.IGNORECASE)


# the sides talking of joint work rather than reporting it done (加强联合巡逻, agreed to step up joint
# patrols, договорились усилить совместное патрулирование): no operation of the page
_WORK_TALKED_OF = re.compile(
    r"商定|同意|加强|深化|继续|推进|拓展|探讨|研究|"
    r"(?<![^\W\d_])(?:strengthen\w*|deepen\w*|continu\w*|expand\w*|step\s+up|discuss\w*|"
    r"enhanc\w*|усил\w*|углуб\w*|продолж\w*|развива\w*|расшир\w*|обсуд\w*|обсужд\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


def _talked_of(text: str, hit: Hit, start: int, end: int) -> bool:
    """Joint work pledged or talked of (``_PLEDGED``, ``_WORK_TALKED_OF``) before ``hit`` in its
    sentence: no operation the page reports."""
    lo = max(start, hit.start - PLEDGE_BEFORE)
    for brk in _RECORD_BREAK.finditer(text, lo, hit.start):
        lo = brk.end()
    return (
        _PLEDGED.search(text, lo, hit.start) is not None
        or _WORK_TALKED_OF.search(text, lo, hit.start) is not None
    )


# a meeting as a second event: one to come in its clause (заседания которой будут проходить, the
# group will meet twice a year, 将举行), or the occasion on which the page's document was signed
# (the agreement, signed in Astana during the state visit; 在…访问期间签署): the document's
# history, no meeting the page reports
_CLAUSE = re.compile(r"[，,。;；!?！？\n]|\.(?:\s|$)")
_SIGNED_DURING = re.compile(
    r"(?<![^\W\d_])(?:signed|подписан\w*)(?![^\W\d_])|签署|签订", re.IGNORECASE
)
# the meeting named as the occasion (during the state visit, в ходе визита, 访问期间), not as the
# one whose outcome the document is (по итогам рабочей встречи, following the talks: this page's
# meeting)
_OCCASION_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:during|в\s+ходе|во\s+время|на\s+полях)(?![^\W\d_])", re.IGNORECASE
)
_OCCASION_AFTER = re.compile(r"[^，,。;；\n]{0,6}?期间")
MEETING_CLAUSE = 80  # characters of a meeting word's clause searched either side


def _meeting_aside(text: str, hit: Hit, start: int, end: int, main: str) -> bool:
    """A meeting word (``hit``) in a clause of a meeting to come (``_FUTURE``) or, on a page
    whose main event is a document, after the document's signing in its sentence
    (``_SIGNED_DURING``): no second event."""
    lo = max(start, hit.start - MEETING_CLAUSE)
    for brk in _CLAUSE.finditer(text, lo, hit.start):
        lo = brk.end()
    stop = _CLAUSE.search(text, hit.end, min(end, hit.end + MEETING_CLAUSE))
    hi = stop.start() if stop else min(end, hit.end + MEETING_CLAUSE)
    if _FUTURE.search(text, lo, hi) is not None:
        return True
    if main != "mechanism":
        return False
    lo = max(start, hit.start - MEETING_CLAUSE)
    for brk in _RECORD_BREAK.finditer(text, lo, hit.start):
        lo = brk.end()
    signed = _SIGNED_DURING.search(text, lo, hit.start)
    return signed is not None and (
        _OCCASION_BEFORE.search(text, signed.end(), hit.start) is not None
        or _OCCASION_AFTER.match(text, hit.end) is not None
    )


# a facility opened, commissioned or handed over (竣工, 启用, 移交, opened, commissioned, handed
# over, церемония открытия, ввод в эксплуатацию, сдана в эксплуатацию): at a meeting, a second
# event; a facility only named, planned or visited is none
_OPENED = re.compile(
    r"竣工|启用|落成|揭牌|移交|交付|交接|投入使用|"
    r"(?<![^\W\d_])(?:opened|opening|inaugurat\w*|commission(?:ed|ing)|handed\s+over|"
    r"открыт\w*|открыл\w*|открыва\w*|эксплуатаци\w*|сдан\w*|передан\w*|передал\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def _opened(text: str, hit: Hit, start: int, end: int) -> bool:
    """``hit``'s sentence says a facility was opened, commissioned or handed over."""
    return _OPENED.search(text, *_sentence_of(text, hit.start, start, end)) is not None


def _pledged(text: str, hit: Hit, start: int, end: int) -> bool:
    """Equipment named in a pledge, an offer, a plan or a practice of years (``_PLEDGED``)
    before it in its sentence, not announced as decided (``_ANNOUNCED``): no handover of the
    page."""
    lo = max(start, hit.start - PLEDGE_BEFORE)
    for brk in _RECORD_BREAK.finditer(text, lo, hit.start):
        lo = brk.end()
    return (
        _PLEDGED.search(text, lo, hit.start) is not None
        and _ANNOUNCED.search(text, lo, hit.start) is None
    )


# a handover word (移交, 交付, handed over, delivered, donated) with items of equipment after it
# in its clause (移交了一批警用装备, handed over 24 off-road vehicles): on a page about a facility
# built, the equipment handed over with it is a handover of its own (the Russian verb and its
# object: ``coder_phrases``); the facility handed over (培训中心竣工移交, the outposts were handed
# over) names no items
_HANDOVER_WORD = re.compile(
    r"移交|交付|交接|赠送|捐赠|(?<![^\W\d_])(?:hand(?:ed|s)?\s+over|deliver(?:ed|s)?|"
    r"donat(?:ed|es)|present(?:ed|s)|transferr(?:ed)?)(?![^\W\d_])",
    re.IGNORECASE,
)
_ITEMS = re.compile(
    r"装备|设备|车辆|巡逻车|警车|越野车|卡车|无人机|器材|仪器|电台|防护服|"
    r"(?<![^\W\d_])(?:equipment|vehicles?|trucks?|cars|drones?|devices|kits?|radios?|uniforms|"
    r"weapons|arms|boats|helicopters?|scanners?|computers|generators?|gear)(?![^\W\d_])",
    re.IGNORECASE,
)
ITEMS_AFTER = 80  # characters of the handover word's clause searched for the items


def _items_handed_over(text: str, hit: Hit, end: int) -> bool:
    """``hit`` is a handover word with items of equipment after it in its clause."""
    if _HANDOVER_WORD.fullmatch(text, hit.start, hit.end) is None:
        return False
    stop = _RECORD_BREAK.search(text, hit.end, min(end, hit.end + ITEMS_AFTER))
    return (
        _ITEMS.search(text, hit.end, stop.start() if stop else min(end, hit.end + ITEMS_AFTER))
        is not None
    )


# a document signed or adopted (not one entering into force, ratified or in effect)
_SIGNED_OR_ADOPTED = re.compile(
    r"签署|签订|签字|通过|批准了|(?<![^\W\d_])(?:sign(?:s|ed|ing)?|adopt\w*|approv\w*|"
    r"подпис\w*|утвержд\w*|утвердил\w*|утверж[дё]н\w*|принял\w*|принят\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def _signed_at_meeting(
    text: str,
    item: CodedItem,
    kinds: dict[str, list[Hit]],
    others: list[tuple[int, int]],
    first_end: int,
    lead_end: int,
) -> bool:
    """The title reports a document signed or adopted and the page's meeting is named by the
    sentence after the lead at the latest (Документ подписан по итогам рабочей встречи; the
    signing was preceded by talks) or in a sentence that reports the signing: the page reports
    the meeting held and its product, and the meeting leads (gold guide addition 4, whether the
    headline names the meeting or its product). A meeting named only in other later sentences
    (another state's talks, a visit recalled, the group to meet) or a title on a document
    entering into force leaves the document leading."""
    if _SIGNED_OR_ADOPTED.search(text, item.start, first_end) is None:
        return False
    meetings = [h for h in kinds.get("meeting", ()) if not _inside(h, others)]
    if not meetings:
        return False
    stop = _SENTENCE.search(text, lead_end, item.end)
    if min(h.start for h in meetings) < (stop.end() if stop else item.end):
        return True
    # (or a later sentence names the meeting with the signing: 会谈后，双方签署了…; the
    # agreement was signed during the talks)
    return any(
        _SIGNED_OR_ADOPTED.search(text, *_sentence_of(text, h.start, item.start, item.end))
        for h in meetings
    )


def _handed_over_items(text: str, hit: Hit, end: int) -> bool:
    """``hit`` names items of equipment with a handover word after it in its clause (six
    vehicles and thermal cameras were handed over with the outpost; 车辆和无人机一并移交)."""
    if _ITEMS.search(hit.term) is None:
        return False
    stop = _RECORD_BREAK.search(text, hit.end, min(end, hit.end + ITEMS_AFTER))
    return (
        _HANDOVER_WORD.search(
            text, hit.end, stop.start() if stop else min(end, hit.end + ITEMS_AFTER)
        )
        is not None
    )


def _paragraph(text: str, item: CodedItem, position: int) -> int:
    return max(item.start, text.rfind("\n", item.start, position))


def _answer_as_lead(
    item: CodedItem, text: str, kinds: dict[str, list[Hit]], answer: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The answer's first sentence (``answer_lead``) when it stands for the item's lead: the
    question opening the item names no event of its own in its lead sentence (the words it
    relays or asks about were dropped) and the answer's first sentence names one. That
    sentence reports the event as a lead does: what it tells is not background (an exercise
    to be held next month, announced by the spokesperson, is the item's event, not a
    gathering to come), and the main kind is one it names."""
    if answer is None:
        return None
    head, lead_end = lead_parts(text, item)
    if lead_end > answer[0]:
        return None
    body_start = head[1] if head[1] else lead_start(text, item.start, item.end)
    named = [h.start for hs in kinds.values() for h in hs]
    if any(body_start <= p < lead_end for p in named) or not any(
        answer[0] <= p < answer[1] for p in named
    ):
        return None
    return answer


def rule_kinds(
    item: CodedItem,
    text: str,
    found: Found,
    framework: str | None,
    countries: list[str],
    focal: str,
    anchored: Callable[[], set[int]],
    hits: list[Hit],
) -> list[str]:
    """The item's event kinds per event mention, the main one first; a second event (an
    agreement signed or equipment handed over at a meeting) needs a mention of its own in a
    paragraph that names a partner state, a framework or the two sides (``anchored()``: the
    starts of those paragraphs)."""
    kinds = rule_event_mentions(item, text, found)
    if _commentary_head(text, item):
        # an editorial, a commentary or an opinion piece (社评：, Commentary, Мнение) reports no
        # event: the events it names are recalled or talked about (gold guide 5: kind null)
        return []
    recalled = _background_events(item, text, kinds, found)
    answer = _answer_as_lead(item, text, kinds, found.answer)
    for code in list(kinds):
        _keep(
            kinds,
            code,
            [
                h
                for h in kinds[code]
                if not _within(recalled, h) or (answer and answer[0] <= h.start < answer[1])
            ],
        )
    kind_lead = kind_lead_end(text, item)
    said = _speech_clauses(text, item, kind_lead)
    for code in list(kinds):
        if code != "meeting":
            if code == "training_education" and said:
                found.pledged_training.extend(
                    h
                    for h in kinds[code]
                    if _within(said, h)
                    and _PLEDGED_TRAINING.search(
                        text, *_sentence_of(text, h.start, item.start, item.end)
                    )
                    and _trainees(text, *_sentence_of(text, h.start, item.start, item.end))
                )
            _keep(kinds, code, [h for h in kinds[code] if not _within(said, h)])
    # (a verb and its object found apart tell a second event only: coder_phrases; a handover
    # so told in the lead, ГКНБ получил от Китая партию комплексов, is the lead's event and may
    # be the main one)
    phrases = {
        c: [
            h
            for h in hs
            if h.term.startswith(PHRASE_MARK)
            and not (c == "equipment_transfer" and h.start < kind_lead)
        ]
        for c, hs in kinds.items()
    }
    for code, hs in phrases.items():
        if hs:
            aside = set(map(id, hs))
            _keep(kinds, code, [h for h in kinds[code] if id(h) not in aside])
    others = merged_spans(
        _others_formats(item, text, hits, focal) + found.third_party + found.unconfirmed
    )
    levels = [
        h
        for hs in found.codes("meeting_level").values()
        for h in hs
        if not _REPORTS_AFTER.match(text, h.end)  # Пограничные войска сообщают: the source
    ]
    if found.questions:  # the ministers a later question asks about
        levels = [h for h in levels if not _inside(h, found.questions)]
    has_level = bool(levels)
    if others:
        had_meeting = "meeting" in kinds
        for code in ("meeting", "mechanism"):  # the format's meeting, the format (机制) itself
            if code in kinds:
                _keep(kinds, code, [h for h in kinds[code] if not _inside(h, others)])
        # the only meeting is the other format's: its ministers' titles make no meeting of ours
        has_level = any(not _inside(h, others) for h in levels) and (
            "meeting" in kinds or not had_meeting
        )
    if (
        has_level
        and not kinds
        and search_off_menu(_INTERVIEW, text, item.start, min(item.end, item.start + 2 * LEAD))
    ):
        # an official's words in an interview or an article (in an interview with, 接受…采访,
        # в интервью): the office speaks, it meets no one
        has_level = False
    head, lead_end = lead_parts(text, item)
    # the title under a source | rubric line (coder_background: Кабар | Общество), so the lead
    # sentence is the one under the title; under a site's menu of several lines the title and
    # the sentence under it are read as one lead sentence, as before (reading the title apart
    # there made one validation commentary page a meeting)
    top = lead_start(text, item.start, item.end)
    if text.count("\n", item.start, top) > 1:
        top = item.start
    title = _FIRST_SENTENCE_END.search(text, top, min(item.end, top + LEAD))
    title_end = title.end() if title is not None and title.group() == "\n" else item.start
    body_start = head[1] if head[1] else title_end  # the lead sentence, under the head lines
    lead_level = has_level and any(h.start < title_end and not _inside(h, others) for h in levels)
    if has_level and not kinds:
        # no event word: a level makes a meeting in the lead or in a sentence where officials
        # confer (交换意见, took part, совещание); not the expert community (экспертном
        # сообществе), an institute under the President, a ministers' mechanism recommended
        has_level = any(
            not _inside(h, others)
            and (
                h.start < lead_end
                or _CONFER.search(text, *_sentence_of(text, h.start, item.start, item.end))
            )
            for h in levels
        )
    if any(item.start <= h.start < lead_end for h in found.unhappened) and not any(
        h.start < lead_end for hs in kinds.values() for h in hs
    ):
        # the lead's event is denied or called off (ГКНБ опроверг сообщения о совместном
        # патрулировании; the visit was postponed, no new date) and the lead reports no other:
        # the page reports no event (gold guide addition 1; commentary guidelines), whatever
        # the later paragraphs recall or the visit's programme had planned, and an office named
        # in the lead (the minister whose visit is off) makes no meeting
        found.lead_unhappened = True
        return []
    if answer is not None and any(
        answer[0] <= h.start < answer[1] for hs in kinds.values() for h in hs
    ):
        body_start, lead_end = answer  # (the question's lead names no event: see _answer_as_lead)
    if lead_level and interview_commentary(
        item,
        text,
        kinds,
        lead_end,
        _WHEN,
        lambda: bool(
            search_off_menu(_INTERVIEW, text, item.start, min(item.end, item.start + 2 * LEAD))
        ),
    ):
        return []  # an interview's or a signed article's title office (coder_meeting_leads)
    main = choose_kind(item, kinds, has_level, lead_end, lead_level, text, body_start)
    for code, hs in phrases.items():
        if hs:
            kinds[code] = sorted(kinds.get(code, []) + hs, key=lambda h: h.start)
    stop = _FIRST_SENTENCE_END.search(text, item.start, item.start + LEAD)
    first_end = stop.end() if stop else min(item.end, item.start + LEAD)
    if (
        main in SECOND_EVENTS["meeting"]
        and any(h.start < first_end for h in kinds.get("meeting", ()))
        and not any(h.start < first_end for h in kinds[main])
    ):
        main = "meeting"  # the lead reports the meeting; what was handed over there comes second
    if (
        main is not None
        and main not in FRAMING_KINDS
        and not any(h.start < lead_end for hs in kinds.values() for h in hs)
    ):
        # the lead names no event word but names a meeting of a body, a framework or a level
        # (Kazakhstan hosted the meeting of the CICA working group): the item reports that
        # meeting; a kind named only in later paragraphs (a seminar offered, a drill recalled)
        # comes second
        lead_meeting = named_meeting(item, text, hits, lead_end)
        if lead_meeting is not None and not _inside(lead_meeting, others):
            main = "meeting"
            kinds.setdefault("meeting", [lead_meeting])
    if (
        main == "meeting"
        and not _signed_at_meeting(text, item, kinds, others, first_end, lead_end)
        and any(h.start < first_end for h in kinds.get("mechanism", ()))
        and not any(h.start < first_end for h in kinds.get("meeting", ()))
        and (
            _ESTABLISH.search(text, item.start, first_end)
            or _DOCUMENT_ACT.search(text, item.start, first_end)
        )
        # (a title naming the meeting too, 第二届中国—中亚峰会举行 六国元首签署条约: the
        # meeting stays the main event, the treaty comes second)
        and named_meeting(item, text, hits, first_end) is None
        # (a title naming a document signed or approved, or a body founded, over a first
        # sentence reporting the meeting held, Министры подписали план / В Чолпон-Ате завершилось
        # совещание министров: the meeting is the main event, its product comes second; gold
        # guide addition 4, the meeting leads whether the headline names it or its product;
        # the lead sentence may name the meeting by its level or body alone: 国防部长会议在…举行)
        and not any(h.start < lead_end for h in kinds.get("meeting", ()))
        and named_meeting(item, text, hits, lead_end) is None
    ):
        # the title reports the mechanism (…机制成立, Утверждён план…, a protocol ratified); its
        # meeting comes second
        main = "mechanism"
    ratified = False
    if (
        main is not None
        and main != "mechanism"
        and (main == "meeting" or not any(h.start < lead_end for h in kinds.get(main, ())))
        and any(
            h.start < lead_end
            and _RATIFIES.search(text, *_sentence_of(text, h.start, item.start, lead_end))
            for h in kinds.get("mechanism", ())
        )
    ):
        # a document ratified in the lead (人大常委会会议…批准…条约, the Senate ratified): ratifying is
        # the legislature's own act, the mechanism event; the session that voted is no meeting
        # with a partner (an exchange of the instruments is: 互换批准书, обмен грамотами); what
        # later paragraphs say the document brings (training, equipment) is not the main event
        main, ratified = "mechanism", True
    if main in (None, "mechanism"):
        named = named_meeting(item, text, hits, first_end)
        # a mechanism in the first sentence (учреждена экспертная группа) stays the main event;
        # the meeting that set it up is then a second event
        founded_first = (
            main == "mechanism"
            and any(h.start < first_end for h in kinds["mechanism"])
            and _ESTABLISH.search(text, item.start, first_end) is not None
        )
        if named is not None and _inside(named, others):
            named = None
        if named is not None and not founded_first and not ratified:
            main = "meeting"
            kinds.setdefault("meeting", [named])
        elif main == "mechanism" and "meeting" not in kinds:
            named = named_meeting(item, text, hits, item.end)
            if named is not None and not _inside(named, others):
                kinds["meeting"] = [named]
    if main is None:
        return []
    if main in ("multilateral_exercise", "bilateral_exercise"):
        if found.lead_partner is not None and framework is None:
            # the lead names the exercise's one partner: other states later are not its sides
            countries = [focal, found.lead_state or focal]
        main = rule_exercise_kind(main, kinds, text, framework, countries, focal, lead_end)
    support = kinds.get(main) or [h for hs in found.codes("meeting_level").values() for h in hs]
    found.evidence.append(
        evidence("kind", main, min(support, key=lambda h: h.start), text, mentions=len(support))
    )
    chosen = [main]
    paragraphs: set[int] | None = None
    if found.pledged_training and main != "training_education":
        kinds["training_education"] = sorted(
            [*kinds.get("training_education", ()), *found.pledged_training], key=lambda h: h.start
        )
    for other in SECOND_EVENTS.get(main, ()):
        if other not in kinds:
            continue
        paragraphs = anchored() if paragraphs is None else paragraphs
        # (a security firm's guards are the focal state's own, at the site the item's event
        # places: their paragraph need not name a partner state; codebook: unilateral)
        hs = [
            h
            for h in kinds[other]
            if other in UNILATERAL_KINDS or _paragraph(text, item, h.start) in paragraphs
        ]
        if other == "training_education":
            hs = [
                h for h in hs if _trainees(text, *_sentence_of(text, h.start, item.start, item.end))
            ]
        if main == "infrastructure" and other == "equipment_transfer":
            # equipment named with a facility is its fitting-out (оснащена системами
            # видеонаблюдения); a handover of its own, a verb and what it hands over
            # (передала пограничникам 25 автомобилей: coder_phrases), is a second event
            hs = [
                h
                for h in hs
                if h.term.startswith(PHRASE_MARK)
                or _items_handed_over(text, h, item.end)
                or _handed_over_items(text, h, item.end)
            ]
        if other == "equipment_transfer":
            # equipment pledged, offered or given over the years: no handover of this page
            hs = [h for h in hs if not _pledged(text, h, item.start, item.end)]
        if other == "meeting":
            # a meeting to come, or the one at which the page's document was signed
            hs = [
                h
                for h in hs
                if h.term.startswith(PHRASE_MARK)
                or not _meeting_aside(text, h, item.start, item.end, main)
            ]
        if main in ("equipment_transfer", "infrastructure") and other == "meeting":
            # talks held before or after the handover's or the opening's ceremony (After the
            # ceremony the ambassador held talks with the commander; Перед церемонией они провели
            # встречу; 交接仪式后，大使同部长举行会谈): a meeting of its own, not the ceremony
            hs = [
                h
                for h in hs
                if _AROUND_CEREMONY.search(text, *_sentence_of(text, h.start, item.start, item.end))
            ]
        if main in ("meeting", "equipment_transfer") and other == "infrastructure":
            # a facility opened or handed over at the meeting (the sides attended the opening of
            # a training centre built with the focal state's grant), or with the equipment (the
            # vehicles handed over and the outpost commissioned), not one named or planned
            hs = [
                h
                for h in hs
                if _opened(text, h, item.start, item.end)
                and not _talked_of(text, h, item.start, item.end)
            ]
        if main == "meeting" and other == "equipment_transfer" and "infrastructure" in kinds:
            # the grant or the Safe City system of a facility opened there is the facility's,
            # not a handover of its own (items handed over with it are: _items_handed_over)
            facility = {
                _sentence_of(text, f.start, item.start, item.end)
                for f in kinds["infrastructure"]
                if _opened(text, f, item.start, item.end)
            }
            hs = [
                h
                for h in hs
                if h.term.startswith(PHRASE_MARK)
                or _items_handed_over(text, h, item.end)
                or _sentence_of(text, h.start, item.start, item.end) not in facility
            ]
        if main == "meeting" and other == "joint_patrol_operation":
            # a patrol or an operation the lead reports with the meeting (会晤并开展联合巡逻: the
            # sides met and patrolled), not one agreed, pledged or talked of; later paragraphs
            # recall the operations a meeting reviewed (总结了…联合边防行动, по итогам операции)
            hs = [
                h
                for h in hs
                if h.start < lead_end and not _talked_of(text, h, item.start, item.end)
            ]
        if other == "mechanism" and main in ("multilateral_exercise", "bilateral_exercise"):
            # a document signed at or after the exercise (a memorandum signed on its sidelines, a
            # plan for next year signed when it closed), not the plan it was held under
            hs = [
                h
                for h in hs
                if _SIGNED.search(text, *_sentence_of(text, h.start, item.start, item.end))
            ]
        if other == "mechanism":
            # the minutes, communique or joint statement of the meeting: the meeting itself
            hs = [
                h
                for h in hs
                if not _meeting_record(text, h, item.start, item.end)
                and not _recalled_document(text, h, item.start)
            ]
        if main == "mechanism" and other == "meeting":
            # the legislature's session that ratifies the document (на пленарном заседании
            # депутаты ратифицировали, 人大常委会会议批准): its own act, no meeting with a partner
            hs = [
                h
                for h in hs
                if not _RATIFIES.search(text, *_sentence_of(text, h.start, item.start, item.end))
            ]
        if hs:
            chosen.append(other)
            found.evidence.append(evidence("kind", other, hs[0], text, "second_event", len(hs)))
    return chosen


_SIGNED = re.compile(
    r"签署|签订|签字|(?<![^\W\d_])(?:sign(?:s|ed|ing)?|подписа\w*|подпишут)(?![^\W\d_])",
    re.IGNORECASE,
)
_RATIFIES = re.compile(
    r"(?<!互换)批准(?!书)|(?<![^\W\d_])ratif(?:y|ied|ies|ying)(?![^\W\d_])|ратифицир\w*",
    re.IGNORECASE,
)
# an item headed as commentary (its title line or the short lines under it: source, rubric,
# byline): an editorial, a commentary, an opinion piece, an analytical review or rubric (社评：,
# 评论员文章, Commentary by, Op-ed, Аналитический обзор, · Аналитика ·, Мнение), or a byline
# naming an analyst or expert as the author (By a contributing analyst, Автор: ..., эксперт)
_COMMENTARY = Guarded(
    re.compile(
        r"社评|社论|时评|评论员文章|述评|(?<![^\W\d_])(?:commentary|op-ed|opinion|editorial|аналитика|"
        r"аналитическ\w+\s+(?:обзор|стать|материал)\w*|комментарий|мнение)(?![^\W\d_])"
        r"|(?<![^\W\d_])(?:by|автор)\b:?\s[^\n]{0,60}?(?<![^\W\d_])"
        r"(?:analyst|expert|эксперт|аналитик)"
        # a title quoting an analyst as its speaker (Эксперт: Китай не заменит Россию..., Political
        # analyst: ..., 专家：)
        r"|(?<![^\n])[ \t]*(?:эксперт|политолог|аналитик|востоковед|expert|analyst|political analyst|"
        r"专家|学者)[ \t]*[:：]"
        # a byline naming a researcher as the author (作者：李某（…研究中心研究员）), a head that says
        # experts assess (Эксперты оценили роль Китая…)
        r"|作者[：:][^\n]{0,40}?(?:研究员|教授|学者|研究中心|研究所|研究院)"
        r"|(?<![^\W\d_])эксперты\s+(?:оценили|считают|рассказали|объяснили)",
        re.IGNORECASE,
    ),
    "社评",
    "社论",
    "时评",
    "评论员文章",
    "述评",
    "commentary",
    "op-ed",
    "opinion",
    "editorial",
    "аналити",
    "комментарий",
    "мнение",
    "analyst",
    "expert",
    "эксперт",
    "политолог",
    "востоковед",
    "专家",
    "学者",
    "作者",
)
HEAD_LINES = 2  # the title line and the byline or dateline under it


# a site's menu line (Nation | Politics | Opinion | Sport; Главная · Новости · Мнение ·
# Аналитика): MENU_FIELDS or more short fields split by one separator, and no digit (a byline
# with its rubric, Opinion | By A. Author | 12 May 2026 | 10:31, labels the page; a menu does not);
# or a menu set out one section a line: MENU_FIELDS or more such lines in a row (Главная /
# Политика / Экономика / Мнение)
MENU_FIELDS = 4
MENU_ENTRY = 20  # characters: the longest section name of a menu set out a line each
_MENU_SEPARATORS = ("|", "•", "·", "›", "»", "/", "\t")


# a menu set out in capitals with only spaces between its sections (HOME NATION BUSINESS OPINION
# WORLD; ГЛАВНАЯ НОВОСТИ МНЕНИЯ ВИДЕО): MENU_FIELDS or more words of capital letters alone
_CAPS_MENU = re.compile(rf"[A-ZА-ЯЁ]{{2,}}(?:[ \t]+[A-ZА-ЯЁ]{{2,}}){{{MENU_FIELDS - 1},}}")


def _menu_entry(line: str) -> bool:
    return (
        0 < len(line) <= MENU_ENTRY
        and not any(c.isdigit() for c in line)
        and not line.endswith((*_SENTENCE_ENDS, ":", "："))
    )


def _menu_line(text: str, position: int) -> bool:
    """The line holding ``position`` is (in) a site's menu (``MENU_FIELDS``)."""
    start = text.rfind("\n", 0, position) + 1
    stop = text.find("\n", position)
    stop = stop if stop >= 0 else len(text)
    line = text[start:stop].strip()
    if any(c.isdigit() for c in line):
        return False
    for separator in _MENU_SEPARATORS:
        if line.count(separator) >= MENU_FIELDS - 1:
            fields = [f.strip() for f in line.split(separator)]
            return all(0 < len(f) <= HEAD_LINE // 2 for f in fields)
    if len(line) <= HEAD_LINE and _CAPS_MENU.fullmatch(line):
        return True  # (HOME NATION BUSINESS OPINION WORLD: sections in capitals, no separator)
    if not _menu_entry(line):
        return False
    run = 1
    lo = start
    while run < MENU_FIELDS and lo > 0:  # the entries above it
        above = text.rfind("\n", 0, lo - 1) + 1
        if not _menu_entry(text[above : lo - 1].strip()):
            break
        run, lo = run + 1, above
    hi = stop
    while run < MENU_FIELDS and hi < len(text):  # and below it
        below = text.find("\n", hi + 1)
        below = below if below >= 0 else len(text)
        if not _menu_entry(text[hi + 1 : below].strip()):
            break
        run, hi = run + 1, below
    return run >= MENU_FIELDS


class _Searchable(Protocol):
    def search(self, text: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...


def search_off_menu(pattern: _Searchable, text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` between ``start`` and ``end`` outside a site's menu line
    (``_menu_line``): a menu's Economy, Business or Opinion names the site's sections, not
    what this page reports."""
    found = pattern.search(text, start, end)
    while found is not None and _menu_line(text, found.start()):
        found = pattern.search(text, max(found.end(), found.start() + 1), end)
    return found


def _commentary_head(text: str, item: CodedItem) -> bool:
    """The item's head labels it a commentary, an opinion or an analysis (``_COMMENTARY``); a
    section of the site's menu (… | World | Opinion | Tech) is no label of this page."""
    end = _head_end(text, item)
    if item.start < LEAD and _OPINION_CRUMB.search(text, 0, end):
        return True  # (the breadcrumb above or atop the page's first item: 人民网 > 观点 > …评论)
    return search_off_menu(_COMMENTARY, text, item.start, end) is not None


# a breadcrumb's opinion section (Site > Opinion > ..., 人民网 > 观点 > 人民日报评论, Главная »
# Мнения): a field after a breadcrumb's arrow, up to the next arrow or the line's end
_OPINION_CRUMB = re.compile(
    r"[>›»][ \t]*(?:观点|[^\s>›»]{0,6}评论|opinions?|commentary|мнени[ея]|колонк\w*)[ \t]*"
    r"(?=[>›»\n]|$)",
    re.IGNORECASE,
)


def _head_end(text: str, item: CodedItem) -> int:
    """The end of the item's head: its first HEAD_LINES lines, within its LEAD characters, and
    the short lines after them that name the source, rubric, author or date (as
    ``kind_lead_end`` reads them: under HEAD_LINE characters, no sentence's end)."""
    end = item.start
    for _ in range(HEAD_LINES):
        stop = text.find("\n", end + 1, item.start + LEAD)
        if stop < 0:
            return min(item.end, item.start + LEAD)
        end = stop
    for _ in range(HEAD_LINES):  # a byline block runs on: rubric, author, date
        stop = text.find("\n", end + 1, min(item.end, end + 1 + HEAD_LINE))
        line = text[end + 1 : stop].strip()
        if stop < 0 or not line or line.endswith(_SENTENCE_ENDS):
            break
        end = stop
    return end


def _background_events(
    item: CodedItem, text: str, kinds: dict[str, list[Hit]], found: Found
) -> list[tuple[int, int]]:
    """The sentences after the lead where event words are background (``coder_background``:
    an earlier event recalled, an earlier time, another event to come or like this one, a
    comment or an analyst's words, a note headed as background): they report no event of the
    item."""
    hits = sorted((h for hs in kinds.values() for h in hs), key=lambda h: h.start)
    if not hits:
        return []
    spans = background_sentences(
        text, item.start, item.end, hits, [h.start for h in hits], found.reference
    )
    # a sentence about this event itself (会晤期间, 会谈通过了, during the talks, в ходе
    # встречи, по итогам) reports it, whatever else it names
    return [(lo, hi) for lo, hi in spans if not _THIS_EVENT.search(text, lo, hi)]


# a speaker's view after the lead (Ашимбаев отметил, что Сенат ратифицировал...; по его
# словам, ...; стороны подчеркнули важность ...): what was said at the event, not what the
# event did; a sentence about the event itself (по итогам встречи, в ходе переговоров) is left
_SPEECH = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:(?:отметил|подчеркнул|заявил|указал|констатировал|выразил\w*\s+уверенность)"
        r"\w*[^.!?\n«»]{0,60}?\s+что(?![^\W\d_])|по\s+(?:его|ее|её|их|мнению|словам)"
        r"(?:\s+(?:словам|мнению))?(?![^\W\d_])|"
        r"(?:отметил|отметила|отметили|подчеркнул|подчеркнула|подчеркнули)\s+(?:важность|значение|"
        r"необходимость|роль))",
        re.IGNORECASE,
    ),
    "отметил",
    "подчеркнул",
    "заявил",
    "указал",
    "констатировал",
    "уверенность",
    "по",
)


# a quotation of a speaker's words in «» (a name in «» is short: «Солидарность-2026»,
# «Центральная Азия – Китай»)
_QUOTATION = re.compile(r"«[^«»\n]{60,2000}»")  # (bounded: a long line of « is no trap)


def _speech_clauses(text: str, item: CodedItem, lead: int) -> list[tuple[int, int]]:
    """The parts of sentences after ``lead`` that carry a speaker's words (``_SPEECH``, to the
    sentence's end), and quotations in «» after it; not in a sentence about the event itself."""
    spans: list[tuple[int, int]] = []
    for m in _SPEECH.finditer(text, lead, item.end):
        lo, hi = _sentence_of(text, m.start(), item.start, item.end)
        if not _THIS_EVENT.search(text, lo, hi):
            spans.append((m.start(), hi))
    for m in _QUOTATION.finditer(text, lead, item.end):
        if not _THIS_EVENT.search(text, *m.span()):
            spans.append(m.span())
    return merged_spans(spans)


_THIS_EVENT = re.compile(
    r"(?:会议|会晤|会谈|会见|访问|演习|演练|活动)(?:期间|中|上|通过|批准|签署|决定)|与会|"
    r"(?<![^\W\d_])(?:during\s+the\s+(?:meeting|talks|visit|exercise|drills?|conference|summit)|"
    r"at\s+the\s+(?:meeting|talks|conference|summit)|the\s+(?:meeting|talks|conference|summit)\s+"
    r"(?:adopted|approved|agreed)|в\s+ходе\s+(?:телефонного\s+)?(?:встреч|переговор|визит|"
    r"заседани|совещани|учени|саммит|бесед|разговор|консультаци)\w*|по\s+итогам)(?![^\W\d_])",
    re.IGNORECASE,
)


def _others_formats(
    item: CodedItem, text: str, hits: list[Hit], focal: str
) -> list[tuple[int, int]]:
    """The sentences naming a format of the region with another state (C5+1, 中亚五国+美国)."""
    spans: list[tuple[int, int]] = []
    for m in _REGION_PLUS.finditer(text, item.start, item.end):
        a, b = m.span(1)
        if any(h.payload == ("state", focal) and a <= h.start < b for h in hits):
            continue  # 中亚五国+中国: the focal state's own format
        spans.append(_sentence_of(text, m.start(), item.start, item.end))
    return spans


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """``hit`` starts inside one of ``spans`` (sorted, not overlapping: sentences)."""
    if len(spans) <= 8:
        return any(a <= hit.start < b for a, b in spans)
    i = bisect.bisect_right(spans, (hit.start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= hit.start < spans[i][1]


def _overlaps(hits: list[Hit], starts: list[int], hit: Hit) -> bool:
    """Some hit of ``hits`` (sorted by start, ``starts`` their starts, short terms) overlaps
    ``hit``."""
    i = bisect.bisect_left(starts, hit.start - NESTED_SPAN)
    j = bisect.bisect_left(starts, hit.end)
    return any(h.end > hit.start for h in hits[i:j])


def named_meeting(item: CodedItem, text: str, hits: list[Hit], end: int) -> Hit | None:
    """A meeting named before ``end`` (the item's first sentence, or the whole item for a
    second event) as a meeting of a framework, body or level (上海合作组织青岛峰会, заседание
    Совета РАТС ШОС, совещание руководителей пограничных ведомств): the item reports that
    meeting even with no meeting verb (会见, met with)."""
    for h in hits:
        if h.start >= end or h.payload[0] not in ("framework", "institution", "meeting_level"):
            continue
        if h.payload[0] == "meeting_level" and _is_aide(h, text):
            continue
        if _UN.fullmatch(h.term):  # a UN organ's session: the venue, no meeting (_un_session)
            continue
        gap = MEETING_NAME_GAP_HAN if "\u4e00" <= h.term[:1] <= "\u9fff" else MEETING_NAME_GAP
        if _MEETING_WORD.search(h.term) or _MEETING_WORD.search(text, h.end, min(h.end + gap, end)):
            return h
        before = _MEETING_WORD.search(text, max(item.start, h.start - gap), h.start)
        if before is not None and not _MET_WITH.search(text, before.end(), h.start):
            return h
    return None


# A minister's title qualified as vice or deputy is the vice-minister level (Kazakh Vice
# Foreign Minister, заместитель министра иностранных дел, 副国防部长): not the minister's.
_VICE_BEFORE = re.compile(
    r"(?:\bvice[- ]|\bdeputy |\bfirst deputy |\bassistant |副|заместител\w* |замести\w+ |"
    r"первый заместитель )$",
    re.IGNORECASE,
)
# a deputy's title after the institution's name (公安部副部长, 国防部副部长)
_VICE_AFTER = re.compile(r"(?:第一)?副(?:部长|主席|局长|主任|司令)")


def _named_in(hit: Hit, names: list[Hit]) -> bool:
    """``hit`` inside one of ``names`` (sorted by start), and shorter than it."""
    i = bisect.bisect_right([n.start for n in names], hit.start)
    return any(
        n.start <= hit.start and hit.end <= n.end and n.end - n.start > hit.end - hit.start
        for n in names[max(0, i - 4) : i]
    )


def _security_committee(hit: Hit, res: Resources) -> bool:
    kind, value = hit.payload
    if kind == "institution":
        return res.gazetteer.institutions[value].domain == "state_security"
    return hit.payload in (
        ("domain", "state_security"),
        ("meeting_level", "state_security_intelligence"),
    )


def _is_han_term(hit: Hit) -> bool:
    return "\u4e00" <= hit.term[:1] <= "\u9fff"


_MINISTER_LEVELS = frozenset(
    {
        "foreign_minister",
        "defence_minister",
        "interior_public_security",
        "state_security_intelligence",
        "head_of_government",
        "chief_of_general_staff",
    }
)


# the levels a body's name stands for (its head's office), whose deputy is of working level
_BODY_LEVELS = _MINISTER_LEVELS | {"border_guard_chief", "security_council"}


def _office_level(code: str, hit: Hit, text: str) -> str | None:
    """The level a level hit stands for: none for an aide's title, the vice-minister level for a
    vice or deputy minister's, or for representatives or a delegation of a ministry (their rank
    is not said)."""
    if (
        code in _MINISTER_LEVELS
        and code != "head_of_government"
        and (
            text.startswith("助理", hit.end)
            or _ASSISTANT_BEFORE.search(text, max(0, hit.start - 16), hit.start)
        )
    ):
        return "vice_minister_working"  # an assistant minister (部长助理, помощник министра)
    if _is_aide(hit, text) or _on_behalf(hit, text) or _founded(hit, text):
        return None
    if code in _MINISTER_LEVELS and (
        _VICE_BEFORE.search(text, max(0, hit.start - 20), hit.start) or _delegates(text, hit)
    ):
        return "vice_minister_working"
    if code in _BODY_LEVELS and _is_han_term(hit) and _VICE_AFTER.match(text, hit.end):
        # a body's name and its deputy head's title (国家移民管理局副局长, 公安部副部长率团): the
        # deputy is who attends, as the gazetteer's institutions read (``collect``)
        return "vice_minister_working"
    return code


# an office in whose name someone else acts at the meeting, not a participant: 受习近平主席委托,
# 转达习近平主席的问候, on behalf of President Xi, greetings from the president, on the
# instructions of, по поручению Президента, от имени Председателя КНР, привет от президента
_BEHALF_BEFORE = Guarded(
    re.compile(
        r"(?:受|转达了?|带来了?)$|"
        r"(?<![^\W\d_])(?:on\s+behalf\s+of|greetings\s+(?:from|of)|on\s+the\s+instructions?\s+of|"
        r"(?:message|letter)\s+from|entrusted\s+by|по\s+поручению|от\s+имени|"
        r"(?:привет\w*|послани\w*|поручени\w*)\s+от)\s+(?:the\s+)?(?:[^\W\d_]+\s+){0,2}$",
        re.IGNORECASE,
    ),
    "受",
    "转达",
    "带来",
    "behalf",
    "greetings",
    "instruction",
    "message",
    "letter",
    "entrusted",
    "поручени",
    "имени",
    "привет",
    "послани",
)
_BEHALF_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:委托|的(?:亲切|诚挚)?问候)")


def _on_behalf(hit: Hit, text: str) -> bool:
    """The office ``hit`` is the one in whose name someone acts or whose greetings he brings."""
    found = _BEHALF_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if found is None:
        return False
    if found.group().startswith(("受", "转达", "带来")):
        return _BEHALF_AFTER.match(text, hit.end) is not None
    return True


# a minister's assistant (помощник министра иностранных дел): a rank of the ministry's own,
# below a deputy's (codebook vice_minister_working: assistant minister), not a president's aide
_ASSISTANT_BEFORE = re.compile(r"помощник\w*\s+$", re.IGNORECASE)
# a body the meeting founds (agreed to set up a joint working group, 决定成立联合工作组, договорились
# о создании рабочей группы): what the meeting produced, not who met at it
_GROUP_TERM = re.compile(r"groups?\b|[组团]$|групп|экспертн", re.IGNORECASE)
_FOUNDING_BEFORE = re.compile(
    r"(?:成立|建立|设立|组建|设置)[^，,。；;、]{0,6}$|"
    r"(?<![^\W\d_])(?:set(?:ting)?\s+up|establish\w*|creat\w*|form(?:s|ed|ing)?|launch\w*|"
    r"созда\w*|учред\w*|учрежд\w*|сформир\w*|формировани\w*|образова\w*)"
    r"\s+(?:(?:a|an|the)\s+)?(?:[^\W\d_]+[\s-]+){0,3}$",
    re.IGNORECASE,
)


def _founded(hit: Hit, text: str) -> bool:
    """``hit`` names a body (a working or expert group) the sentence says is being set up."""
    if not _GROUP_TERM.search(hit.term):
        return False
    return _FOUNDING_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None


# representatives or a delegation of a body (представителей ГКНБ, a delegation of the Ministry
# of Defence, 国防部代表团): the body's people, not its head
_DELEGATES_BEFORE = re.compile(
    r"(?:представител\w*|делегаци\w*)\s+(?:[\w-]+\s+){0,6}$|"
    # (a delegation of China's Ministry of Public Security: the state's possessive before it)
    r"\b(?:representatives?|delegations?|officials)\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’]+\s+){0,1}"
    # (representatives of the SCO Secretariat and the RATS: each body's)
    r"(?:(?:\w+\s+){0,3}and\s+(?:the\s+)?(?:\w+\s+){0,1})?$",
    re.IGNORECASE,
)
_DELEGATES_AFTER = re.compile(r"(?:的)?(?:代表团|代表|工作组)")
# a body named as the host or organiser of a gathering (本届论坛由公安部和自治区政府共同主办, the
# forum was hosted by the Ministry of Public Security, конференция, организованная МВД): it
# holds the event, its people attend at whatever rank the text gives (公安部副部长出席), so its
# name implies no principal's office
_ORGANISER_BEFORE = Guarded(
    re.compile(
        r"由$|(?<![^\W\d_])(?:(?:co-)?(?:hosted|organi[sz]ed|convened|sponsored)\s+(?:jointly\s+)?"
        r"by\s+(?:the\s+)?|(?:организован\w*|организатор\w*\s+(?:выступил\w*|стал\w*))"
        r"\s+(?:совместно\s+)?)$",
        re.IGNORECASE,
    ),
    "由",
    "hosted",
    "organi",
    "convened",
    "sponsored",
    "организ",
)
_ORGANISER_AFTER_HAN = re.compile(r"[^，,。；;！？]{0,24}?(?:共同)?(?:主办|承办|举办)")
ORGANISER_SPAN = 40  # characters before a body's name searched for the words of hosting


def _organiser(text: str, hit: Hit) -> bool:
    """The body ``hit`` names hosts or organises the gathering (``_ORGANISER_BEFORE``)."""
    found = _ORGANISER_BEFORE.search(text, max(0, hit.start - ORGANISER_SPAN), hit.start)
    if found is None:
        return False
    if found.group() == "由":
        return _ORGANISER_AFTER_HAN.match(text, hit.end) is not None
    return True


# a body that reports what happened (Пограничные войска сообщают, the ministry said): the
# source, not a meeting's principal
_REPORTS_AFTER = re.compile(
    r"[^,.;:!?，。；：\n]{0,30}?(?:сообща|информиру|\breports?\b|\bsaid\b|\bannounced\b|通报|称)",
    re.IGNORECASE,
)


# a delegation's head (делегацию возглавил министр, во главе с министром): the office is his
_HEADS_DELEGATION = re.compile(r"возглав|во\s+главе|руководител", re.IGNORECASE)


def _delegates(text: str, hit: Hit) -> bool:
    if _is_han_term(hit):
        return bool(_DELEGATES_AFTER.match(text, hit.end))
    found = _DELEGATES_BEFORE.search(text, max(0, hit.start - 80), hit.start)
    return found is not None and not _HEADS_DELEGATION.search(found.group())


def _is_aide(hit: Hit, text: str) -> bool:
    return bool(_AIDE_AFTER.match(text, hit.end)) or bool(
        _AIDE_BEFORE.search(text, max(0, hit.start - 25), hit.start)
    )


_MEETING_WORD = re.compile(
    r"会议|会晤|理事会|峰会|meeting|conference|council|summit|совещани|заседани|встреч|совет|саммит",
    re.IGNORECASE,
)
# a summit named in the item's lead: the heads of state's meeting (上合组织青岛峰会, саммит ШОС)
_SUMMIT = re.compile(r"峰会|\bsummit\b|саммит", re.IGNORECASE)
MEETING_NAME_GAP = 24  # characters between a level and the meeting term of one name (Latin)
MEETING_NAME_GAP_HAN = 6


# one office holder in the genitive singular after встреча (встреча первого заместителя
# министра обороны с делегацией): the person who met, not a meeting's name, which names its
# offices in the plural (совещание министров обороны, заседание Совета министров)
_RU_ONE_OFFICE = re.compile(r"[а-яё]*[ая](?=\s)", re.IGNORECASE)


def meeting_name_levels(
    item: CodedItem, found: Found, text: str, background: list[tuple[int, int]] | None = None
) -> dict[str, Hit]:
    """Levels that are part of the name of the meeting in the item's lead (第五次外长会议,
    SCO Foreign Ministers' Video Conference, совещание министров обороны): the meeting's own
    level, whoever else (a head of state opening it) is named; not in a sentence of
    ``background`` (习近平主席同…总统多次会晤: the presidents' meetings recalled)."""
    out: dict[str, Hit] = {}
    lead = item.start + LEAD
    named = [(c, h) for c, hs in found.codes("meeting_level").items() for h in hs]
    if found.item_hits is not None:
        # twenty-first round (coder74): the meeting's name in the item's title, which the
        # passages scoped for the codes may leave out (a title over a language menu and the
        # dateline: Shoigu takes part in meeting of SCO security council secretaries)
        seen = {h.start for _, h in named}
        named += [
            (h.payload[1], h)
            for h in found.item_hits
            if h.start < lead and h.payload[0] == "meeting_level" and h.start not in seen
        ]
    for found_code, h in named:
        code = _office_level(found_code, h, text)
        if h.start >= lead or code is None or (background and _within(background, h)):
            continue
        if _in_meeting_name(h, item, text):
            out.setdefault(code, h)
    return out


def _in_meeting_name(h: Hit, item: CodedItem, text: str) -> bool:
    """The office ``h`` is part of a meeting's name (совещание секретарей советов безопасности,
    外长会议, defence ministers' meeting), not one person's title."""
    gap = MEETING_NAME_GAP_HAN if "\u4e00" <= h.term[:1] <= "\u9fff" else MEETING_NAME_GAP
    before = _MEETING_WORD.search(text, max(item.start, h.start - gap), h.start)
    if before is not None and (
        _MET_WITH.search(text, before.end(), h.start)
        or (before.group().lower() == "встреч" and _RU_ONE_OFFICE.match(text, h.start))
    ):
        before = None
    return bool(
        _MEETING_WORD.search(_COUNCIL_BODY.sub(" ", h.term))
        or _MEETING_WORD.search(text, h.end, min(h.end + gap, item.end))
        or before is not None
    )


# a security council named in an office's title (Security Council secretary, секретарь Совета
# безопасности, 国家安全会议秘书): a body of the state, no meeting, so the title is one person's;
# a meeting word besides it in the title still names a meeting (安全会议秘书会议)
_COUNCIL_BODY = re.compile(
    r"security\s+councils?|совет\w*\s+(?:национальной\s+)?безопасност\w*|совбез\w*|"
    r"安全(?:会议|理事会|委员会)",
    re.IGNORECASE,
)


_OWNER_JOIN = re.compile(r"(?:\s+|['’]s\b|(?:of|the)\b|[-–]|[A-ZА-ЯЁ][\w'’-]*)*")
# the state where an office is held, not whose it is (中国驻吉尔吉斯斯坦大使, Chinese Ambassador to
# Kazakhstan, Посол КНР в Таджикистане)
_HOST_BEFORE = re.compile(r"驻$|(?<![^\W\d_])(?:to|in|в|во)\s+(?:the\s+)?$", re.IGNORECASE)
# (中国驻哈萨克斯坦大使: the envoy's own state across 驻 and the host; not across a meeting's
# verb, 驻塔大使会见塔内务部长: the minister met is the host's)
_HOST_BETWEEN = re.compile(r"驻(?:(?!会见|会晤|会谈|接见|拜会|见|同|与|和)[^\s，,。；;、]){1,12}")
# a region of the state between its name and the office (哈萨克斯坦阿拜州州长, 吉尔吉斯斯坦奥什州
# 州长): the state's regional office
_REGION_BETWEEN = re.compile(r"[\u4e00-\u9fff·]{1,8}(?:州|省|市|自治区)")
# a state's delegation and the office of its head (a Chinese delegation led by a vice minister,
# китайскую делегацию возглавил заместитель министра, делегации КНР во главе с министром)
_DELEGATION_JOIN = re.compile(
    r"(?:['’]s)?\s+(?:delegation\s+(?:was\s+)?(?:led|headed)\s+by|"
    r"делегаци\w*\s+(?:возглавил\w*|во\s+главе\s+с))"
    r"\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
# the same with the state after the delegation's word (Делегацию КНР возглавил заместитель
# министра, the delegation of China was headed by a vice minister): the head's office is hers
_HEAD_JOIN = re.compile(
    r"\s+(?:(?:was\s+)?(?:led|headed)\s+by|возглавил\w*|возглавлял\w*|во\s+главе\s+с)"
    r"\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_DELEGATION_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:делегаци\w*|delegation\s+(?:of|from))\s+(?:the\s+)?$", re.IGNORECASE
)
# a state's ministry or agency between its name and a deputy's title (土库曼斯坦内务部副部长,
# 中国国家移民管理局副局长): the ministry's office in that state; not across a meeting's verb
_MINISTRY_BETWEEN = re.compile(
    r"(?:(?!会见|会晤|会谈|接见|拜会|同|与|和|及)[\u4e00-\u9fff]){0,8}(?:部|委员会|局|署|厅)"
)
OWNER_SPAN = 40  # characters between an office's word and its holder's or state's name
OWNER_SPAN_HAN = 12


# twenty-first round (coder74): a meeting's verb of two characters or fewer between an office
# and a state (中国驻土库曼斯坦大使会见土库曼斯坦国家安全部长): the state after the verb is the
# other side's, not the office holder's (as ``_HOST_BETWEEN`` and ``_MINISTRY_BETWEEN`` read)
_MEETS_HAN = re.compile(r"会见|会晤|会谈|接见|拜会|见|同|与")


def _level_owner(hit: Hit, found: Found, text: str) -> str | None:
    """Whose office the level ``hit`` is: an official's or an institution's own state, else the
    state, official or institution named nearest to the office's word in its clause (Kazakh
    Foreign Minister, Minister of Foreign Affairs of China, 国家主席习近平, министром
    общественной безопасности Китайской Народной Республики); None when none is near."""
    span = OWNER_SPAN_HAN if _is_han_term(hit) else OWNER_SPAN
    lo = bisect.bisect_left(found.owner_starts, hit.start - span - 60)
    best: tuple[int, str] | None = None
    for start, end, state in found.owners[lo:]:
        if start > hit.end + span:
            break
        if _HOST_BEFORE.search(text, max(0, start - 8), start):
            continue  # 驻哈萨克斯坦大使, the ambassador to Kazakhstan, посол в Казахстане: the host
        if start < hit.end and end > hit.start:  # the office's holder or institution itself
            return state
        gap = (hit.start - end) if end <= hit.start else (start - hit.end)
        if gap > span:
            continue
        a, b = (end, hit.start) if end <= hit.start else (hit.end, start)
        if _CLAUSE_BREAK.search(text, a, b):
            continue
        if _is_han_term(hit):
            joined = (
                (b - a <= 2 and _MEETS_HAN.fullmatch(text, a, b) is None)
                or _HOST_BETWEEN.fullmatch(text, a, b) is not None
                or (end <= hit.start and _REGION_BETWEEN.fullmatch(text, a, b) is not None)
                or (end <= hit.start and _MINISTRY_BETWEEN.fullmatch(text, a, b) is not None)
            )
        else:
            joined = _OWNER_JOIN.fullmatch(text, a, b) is not None or (
                end <= hit.start
                and (
                    _DELEGATION_JOIN.fullmatch(text, a, b) is not None
                    or (
                        _HEAD_JOIN.fullmatch(text, a, b) is not None
                        and _DELEGATION_BEFORE.search(text, max(0, start - 30), start) is not None
                    )
                )
            )
        if not joined:
            continue  # joined by names and "of" only (Kazakh Vice Foreign Minister, Minister of
            # Foreign Affairs of China; not Rahmon received the secretary, nor the minister met
            # the Chinese ambassador: the other one holds that office)
        if best is None or gap < best[0]:
            best = (gap, state)
    return best[1] if best else None


HOST_GAP_HAN = 3
_HOST_AFTER = re.compile(r"\s+(?:to|in|в|во)\s+(?:the\s+)?", re.IGNORECASE)


def _host_state(hit: Hit, found: Found, text: str) -> str | None:
    """The state where the office ``hit`` is held when the text names it (驻吉尔吉斯斯坦大使, the
    ambassador to Kazakhstan, посол в Таджикистане), else None."""
    i = bisect.bisect_left(found.owner_starts, hit.start - OWNER_SPAN_HAN)
    for start, end, state in found.owners[i:]:
        if start > hit.end + 8:
            break
        if start < hit.end and end > hit.start and text[max(0, start - 1) : start] == "驻":
            return state  # (驻哈萨克斯坦大使 as one term)
        if (
            end <= hit.start
            and hit.start - end <= HOST_GAP_HAN  # (吉尔吉斯|斯坦大使: a name's end unmatched)
            and text[max(0, start - 1) : start] == "驻"
            and not _CLAUSE_BREAK.search(text, end, hit.start)
        ):
            return state
        if start >= hit.end and _HOST_AFTER.fullmatch(text, hit.end, start):
            return state
    return None


def _focal_deputy(
    every: list[tuple[str, Hit]], owner: dict[int, str | None], focal: str | None
) -> Hit | None:
    """The focal state's deputy minister (заместитель министра иностранных дел КНР, vice minister
    of public security of China) when every office of the focal state named is a deputy's, else
    None."""
    if focal is None:
        return None
    # (twenty-first round, coder74: an institution of the focal state's named beside its deputy,
    # the 2+2 dialogue of the foreign and defence departments (外交和国防部门) led by vice
    # ministers, representatives of the Ministry of Public Security at a session a vice or
    # assistant minister led: the ministry's name is not its head taking part, so it does not
    # keep the deputy from being the focal principal)
    ours = [(c, h) for c, h in every if owner.get(id(h)) == focal and h.payload[0] != "institution"]
    if not ours or any(c != "vice_minister_working" for c, _ in ours):
        return None
    return next((h for _, h in ours if h.payload[0] == "meeting_level"), None)


def _level_report(text: str, item: CodedItem, found: Found, lead: int) -> int | None:
    """Where the meeting whose level is read is reported: the first meeting word of the item's
    lead (title and first sentence) when the kind's evidence lies after the lead (a visit
    recalled in a later sentence, the agreements reached during the president's state visit,
    is another meeting), else the kind's evidence."""
    reported = next((e.start for e in found.evidence if e.field == "kind"), None)
    if reported is None or reported < lead:
        return reported
    first = min(_lead_meetings(text, item, found, lead), default=None)
    return reported if first is None else first


_RECEIVES = re.compile(r"(?<![^\W\d_])receive[sd](?![^\W\d_])", re.IGNORECASE)


def _lead_meetings(text: str, item: CodedItem, found: Found, lead: int) -> list[int]:
    """The starts of the meeting words in the item's lead, and of the offices there that name
    a meeting (while attending the SCO defence ministers' meeting)."""
    starts = [h.start for h in found.codes("event_kind").get("meeting", ()) if h.start < lead]
    # (a president receives or received a minister: the codebook's English meeting words have
    # only "received the visiting"; принял министра and 会见 are meeting words already)
    starts.extend(m.start() for m in _RECEIVES.finditer(text, item.start, lead))
    for hs in found.codes("meeting_level").values():
        starts.extend(h.start for h in hs if h.start < lead and _in_meeting_name(h, item, text))
    return starts


def _lead_reports(text: str, item: CodedItem, found: Found, lead: int) -> set[tuple[int, int]]:
    """The sentences of the item's lead that report a meeting (a title, 陈小江会见…州长, and the
    first sentence under it, 自治区党委书记陈小江在乌鲁木齐会见…)."""
    return {
        _sentence_of(text, start, item.start, item.end)
        for start in _lead_meetings(text, item, found, lead)
    }


# a minister or the head of a ministry (部长, minister, министр, руководители ведомств): with no
# listed office at that word, a field's minister (emergencies, health, transport), level other
_MINISTER_WORD = re.compile(
    r"(?<!副)部长(?!助理)|(?<![^\W\d_])(?:ministers?|министр(?:а|у|ом|е|ы|ов|ам|ами|ах)?|"
    r"руководител\w*\s+(?:ведомств|министерств)\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_TWO_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[\s-]+){1,2}$")
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
MINISTER_NEAR = 3  # characters between a listed office (公安部|部长) and the minister's word


def _field_ministers(
    item: CodedItem, text: str, every: list[tuple[str, Hit]], lead: int
) -> list[tuple[str, Hit]]:
    """The ministers named in the item's lead (title and first sentence) whose word is no part of
    an office found: a listed office's title the codebook's words miss (Министра национальной
    обороны) is that office; any other (应急管理部长会议, emergency management ministers met,
    министр по чрезвычайным ситуациям) a principal of a field with no level of its own,
    ``other`` (codebook: meetings whose principals fit no other level); not a deputy's or an
    aide's."""
    out: list[tuple[str, Hit]] = []
    for m in _MINISTER_WORD.finditer(text, item.start, lead):
        if any(
            h.start - MINISTER_NEAR <= m.end() and m.start() <= h.end + MINISTER_NEAR
            for _, h in every
        ) or _VICE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        # (a listed office's title the codebook's words miss, Министра национальной обороны:
        # that office)
        before = _TWO_WORDS_BEFORE.search(text, max(item.start, m.start() - 30), m.start())
        starts = [m.start()]
        if before is not None:  # (Foreign Ministers' Meeting, defence ministers: the office's)
            starts += [w.start() for w in _WORD_START.finditer(text, before.start(), m.start())]
        listed = None
        for at in starts:
            listed = listed or listed_title_at(text, at)
        code, end = listed or ("other", m.end())
        hit = Hit(m.start(), max(end, m.end()), ("meeting_level", code), m.group())
        if not _is_aide(hit, text):
            out.append((code, hit))
    return out


# twenty-first round (coder74): security council secretaries in the Russian plural's other
# cases (Секретари советов безопасности ШОС договорились, встреча с секретарями советов
# безопасности), which the codebook's words (the singular's cases, the genitive plural) miss: the
# security_council level, as those are (a codebook word would turn the learned topic layer off
# until a refit)
_SECRETARIES_PLURAL = Guarded(
    re.compile(
        r"(?<![^\W\d_])секретар(?:и|ям|ями|ях)\s+(?:советов|совета)\s+(?:национальной\s+)?"
        r"безопасности(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "секретар",
)


def _council_secretaries(item: CodedItem, text: str, every: list[tuple[str, Hit]]) -> list[Hit]:
    """The security council secretaries named in the plural cases the codebook lacks
    (``_SECRETARIES_PLURAL``) in the item, where no office was found."""
    if not _SECRETARIES_PLURAL.possible(text, item.start, item.end):
        return []
    taken = sorted((h.start, h.end) for _, h in every)
    out: list[Hit] = []
    for m in _SECRETARIES_PLURAL.finditer(text, item.start, item.end):
        i = bisect.bisect_left(taken, (m.start(), m.start()))
        if any(a < m.end() and m.start() < b for a, b in taken[max(0, i - 1) : i + 1]):
            continue
        out.append(Hit(m.start(), m.end(), ("meeting_level", "security_council"), m.group()))
    return out


_BARE_MINISTRY = re.compile(r"(?:外交|公安|国防|国家安全)部")


# a standing commission of two or more states' officials (подкомиссия, 联合委员会, joint commission)
_COMMISSION = re.compile(
    r"(?:联合|合作)委员会|分委会|(?<![^\W\d_])(?:(?:под)?комисси\w*|подкомитет\w*|"
    r"(?:sub-?)?commissions?|sub-?committees?)(?![^\W\d_])",
    re.IGNORECASE,
)


def rule_level(
    item: CodedItem,
    text: str,
    found: Found,
    event_kind: str | None,
    focal: str | None = None,
    background: list[tuple[int, int]] | None = None,
) -> str | None:
    """A meeting's level: the highest office named as such (an aide's title is not the office),
    or implied by the officials and institutions named; those of the meeting's own sentence (the
    one that reports it) first: an office named in passing elsewhere (落实两国元首达成的共识, the
    president's visit in June) is not the meeting's, nor one named in a sentence of background
    (``background``: CICA, founded on the initiative of Kazakhstan's first president)."""
    if event_kind != "meeting":
        return None
    named: dict[str, Hit] = {}
    every: list[tuple[str, Hit]] = []
    for found_code, hs in found.codes("meeting_level").items():
        for h in hs:
            code = _office_level(found_code, h, text)
            if code is not None:
                named.setdefault(code, h)
                every.append((code, h))
    levels = dict(named)
    for code, hit in found.implied_levels.items():
        if _on_behalf(hit, text):
            continue  # (受习近平主席委托: in whose name, not who takes part)
        levels.setdefault(code, hit)
        every.append((code, hit))
    lead_at = kind_lead_end(text, item)  # (once: the helpers below read it)
    for code, hit in _field_ministers(item, text, every, lead_at):
        levels.setdefault(code, hit)
        named.setdefault(code, hit)
        every.append((code, hit))
    # (the secretaries as a body gather: the meeting's name, which a focal principal named
    # outranks, as for совещание секретарей советов безопасности below)
    gathered = _council_secretaries(item, text, every)
    for hit in gathered:
        levels.setdefault("security_council", hit)
        named.setdefault("security_council", hit)
        every.append(("security_council", hit))
    if background and every:
        current = [(c, h) for c, h in every if not _within(background, h)]
        if current and len(current) < len(every):
            every = current
            named, levels = {}, {}
            for c, h in every:
                levels.setdefault(c, h)
                if h.payload[0] == "meeting_level":
                    named.setdefault(c, h)
    owner: dict[int, str | None] = {}
    if focal is not None:
        # the office of the focal state's principal (codebook): when an office is the focal
        # state's, those of the other side do not set the level (a president receiving the
        # focal state's foreign minister is a foreign ministers' level meeting)
        owner = {id(h): _level_owner(h, found, text) for _, h in every}
        # an office's word inside a longer one takes its owner (заместитель министра in
        # заместитель министра иностранных дел Казахстана)
        spans = sorted((h.start, h.end, id(h)) for _, h in every)
        for i, (start, end, key) in enumerate(spans):
            if owner[key] is None:
                near = spans[max(0, i - 3) : i + 4]
                owner[key] = next(
                    (owner[k] for a, b, k in near if owner[k] and a < end and b > start), None
                )
        for _, h in every:
            if owner[id(h)] is None:
                # an office held in a partner state with no state of its own named (驻吉尔吉斯斯坦
                # 大使, the ambassador to Kazakhstan): the focal state's envoy there
                host = _host_state(h, found, text)
                if host is not None and host != focal:
                    owner[id(h)] = focal
                elif _BARE_MINISTRY.match(h.term):
                    # a ministry named in Chinese with no state (外交部副部长孙卫东率团出席): the
                    # Chinese press's own, as the gazetteer reads 公安部 and 国防部
                    owner[id(h)] = focal
        if any(o == focal for o in owner.values()):
            # an office nobody holds (глав государств, the President) outside the sentence
            # reporting the meeting is named in passing; the focal state's offices set the level
            reported_at = _level_report(text, item, found, lead_at)
            reports = _lead_reports(text, item, found, lead_at)
            reports.add(
                _sentence_of(text, reported_at, item.start, item.end)
                if reported_at is not None
                else (item.start, item.end)
            )
            # (an office of nobody named beside the focal state's in a sentence reporting the
            # meeting is the other side's: Министр внутренних дел принял Посла КНР; one named in
            # a sentence of the lead reporting the meeting with none of the focal state's is the
            # focal principal's, 全国人大常委会委员长赵乐际…同…举行会谈, whatever office of the
            # focal state a later sentence recalls)
            # (in the lead's other sentences, not an office that names the meeting: совещание
            # секретарей советов безопасности, whoever the focal state sent)
            unowned = [
                (lo, hi, reported_at is not None and lo <= reported_at < hi)
                for lo, hi in reports
                if not any(owner[id(h)] == focal and lo <= h.start < hi for _, h in every)
            ]
            every = [
                (c, h)
                for c, h in every
                if owner[id(h)] == focal
                or (
                    owner[id(h)] is None
                    and h not in gathered
                    and any(
                        lo <= h.start < hi and (there or not _in_meeting_name(h, item, text))
                        for lo, hi, there in unowned
                    )
                )
            ]
            named, levels = {}, {}
            for c, h in every:  # (the offices named as such come first in ``every``)
                levels.setdefault(c, h)
                if h.payload[0] == "meeting_level":
                    named.setdefault(c, h)
    reported = _level_report(text, item, found, lead_at)
    if reported is not None:
        lo, hi = _sentence_of(text, reported, item.start, item.end)
        own = {code: h for code, h in sorted(every, key=lambda x: x[1].start) if lo <= h.start < hi}
        if not own:
            # no office in the sentence reporting the meeting: those of the lead (title and
            # first sentence), when it names any; an office named only later (the presidents'
            # earlier meetings recalled, 落实两国元首共识) is named in passing
            lead = lead_at
            own = {
                code: h
                for code, h in sorted(every, key=lambda x: x[1].start)
                if item.start <= h.start < lead
            }
        partners = [c for c, h in own.items() if owner.get(id(h)) not in (None, focal)]
        if focal is not None and partners and len(partners) < len(own):
            # the partner's offices beside one of the focal state's or of no state named in the
            # sentence reporting the meeting (Turkmenistan's interior minister and a Chinese
            # delegation led by a vice minister): the focal principal's sets the level (guide
            # item 5)
            own = {c: h for c, h in own.items() if c not in partners}
        if own and all(owner.get(id(h)) not in (None, focal) for h in own.values()):
            # only the partner's offices in the sentence reporting the meeting (a title naming
            # the focal principal by name: 陈小江会见哈萨克斯坦阿拉木图州州长): the focal
            # principal's office in the lead sets the level (自治区党委书记陈小江, guide item 5)
            # (in a sentence of the lead that reports the meeting too: 自治区党委书记陈小江在
            # 乌鲁木齐会见…; not the presidents' consensus recalled in the next one)
            lead = lead_at
            reports = {
                _sentence_of(text, h.start, item.start, item.end)
                for h in found.codes("event_kind").get("meeting", ())
                if h.start < lead
            }
            ours = {
                code: h
                for code, h in sorted(every, key=lambda x: x[1].start)
                if any(a <= h.start < b for a, b in reports) and owner.get(id(h)) in (None, focal)
            }
            if not ours:
                # none in the lead either: an office of the focal state's or of nobody's named
                # later (the Chinese delegation was led by a vice foreign minister) is the focal
                # principal's; the host's president opening a conference is not (guide item 5)
                ours = {
                    code: h
                    for code, h in sorted(every, key=lambda x: x[1].start)
                    if owner.get(id(h)) in (None, focal)
                }
            own = ours or own
        if not own and focal is not None:
            # no office in the reporting sentence nor the lead: a partner state's office named
            # later sets the level only when no office of the focal state's or of nobody's is
            # named (CICA's senior officials met; Kazakhstan's president is quoted later)
            own = {
                code: h
                for code, h in sorted(every, key=lambda x: x[1].start)
                if owner.get(id(h)) in (None, focal)
            }
        if own:
            levels = {code: own.get(code, levels[code]) for code in own}
    in_name = meeting_name_levels(item, found, text, background)
    summit = _SUMMIT.search(text, item.start, min(item.end, item.start + LEAD))
    if summit is not None and _occasion(
        text, Hit(summit.start(), summit.end(), ("meeting_level", "head_of_state"), summit.group(0))
    ):
        summit = None  # the foreign ministers met on the sidelines of the summit
    if (
        summit is not None
        and focal is not None
        and any(owner.get(id(h)) == focal for h in levels.values())
    ):
        summit = None  # the focal state's principal named: his office, not the summit's, sets it
    if not in_name and summit is not None:  # a summit is the heads of state's meeting
        hit = Hit(summit.start(), summit.end(), ("meeting_level", "head_of_state"), summit.group(0))
        in_name = {"head_of_state": hit}
    level = next((lv for lv in LEVEL_PRIORITY if lv in in_name), None) or next(
        (lv for lv in LEVEL_PRIORITY if lv in levels), None
    )
    if level in in_name:
        named[level] = levels[level] = in_name[level]
    if level is None and reported is not None:
        # no office named at all: a session of the two sides' commission or subcommission
        # reported (заседание подкомиссии, 边界联合委员会第十二次会议) is held by its members
        # (codebook vice_minister_working: commission members, working groups)
        lo, hi = _sentence_of(text, reported, item.start, item.end)
        body = _COMMISSION.search(text, lo, hi)
        if body is not None:
            level = "vice_minister_working"
            levels[level] = Hit(body.start(), body.end(), ("meeting_level", level), body.group())
    deputy = _focal_deputy(every, owner, focal)
    if (
        level is not None
        and deputy is not None
        and (owner.get(id(levels[level])) != focal or levels[level].payload[0] == "institution")
    ):
        # the meeting's level named by its own name or body (Совещание министров иностранных
        # дел, the RATS council) while the focal state's only principal named is a deputy
        # (Китайскую делегацию возглавил заместитель министра ...): the focal state's
        # principal's office is the level (guide item 5)
        level = "vice_minister_working"
        levels[level] = deputy
    principal = focal_principal_over_name(level, levels, in_name, every, owner, focal)
    if principal is not None:  # (the PRC minister hosting the secretaries: guide 5)
        level, levels[principal[0]] = principal
    if level is not None:
        basis = "named" if levels[level].payload[0] == "meeting_level" else "office"
        found.evidence.append(evidence("level", level, levels[level], text, basis))
    return level


# a speech verb: what an official says (said, stressed, 表示, 指出, заявил, подчеркнул)
_SAID = re.compile(
    r"表示|指出|强调|说|认为|呼吁|提出|(?<![^\W\d_])(?:said|says|stressed|noted|added|urged|"
    r"called|told|underlined|emphasi[sz]ed|pointed\s+out|заявил\w*|отметил\w*|подчеркнул\w*|"
    r"сказал\w*|призвал\w*|указал\w*|добавил\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def event_topics(
    item: CodedItem,
    text: str,
    scoped: list[Hit],
    item_hits: list[Hit] | None,
    speakers: frozenset[object] = frozenset(),
) -> list[Hit]:
    """The topic hits of ``item_hits`` outside the ``scoped`` passages, in a sentence about
    the item's event (the two sides, the meeting itself: 双方, в ходе беседы, during the talks,
    the participants, what was discussed or done together) or in what one of the item's
    officials (``speakers``: the payloads of its actors' names) says there (Xi said, 习近平强调,
    заявил Си Цзиньпин) when the item reports one and is no press conference: what the
    event's sides raised, though the sentence names no state."""
    if not item_hits or item.kind is None or _question_turns(text, item):
        return []  # (a press conference's other questions are about other things)
    seen = {(h.start, h.end, h.payload) for h in scoped}
    named = sorted(h.start for h in item_hits if h.payload in speakers)
    out: list[Hit] = []
    spans: dict[tuple[int, int], bool] = {}
    for h in item_hits:
        if h.payload[0] != "topic" or (h.start, h.end, h.payload) in seen:
            continue
        span = _sentence_of(text, h.start, item.start, item.end)
        if span not in spans:
            spans[span] = any(
                p.search(text, *span)
                for p in (
                    _BOTH_SIDES,
                    _ALL_SIDES,
                    _THE_MEETING,
                    _THIS_EVENT,
                    _DISCUSSED,
                    _COOPERATION,
                )
            ) or (_any_in(named, *span) and _SAID.search(text, *span) is not None)
        if spans[span]:
            out.append(h)
    return out


def _study_places(text: str, res: Resources) -> Callable[[Hit], bool]:
    """A test: the topic ``hit`` lies inside a longer place name of the focal or a partner
    state (the gazetteer's places: 巴达赫尚 in 戈尔诺—巴达赫尚, Badakhshan in Gorno-Badakhshan,
    Tajikistan's region, is no Afghan matter)."""
    states = res.study.partner_set | {res.study.focal}
    matcher = res.places
    places = res.gazetteer.places

    def inside(hit: Hit) -> bool:
        if matcher is None:
            return False
        lo, hi = max(0, hit.start - PLACE_SPAN), min(len(text), hit.end + PLACE_SPAN)
        window = normalise_for_matching(text[lo:hi])
        return any(
            p.payload[0] == "place"
            and places[p.payload[1]].country in states
            and lo + p.start <= hit.start
            and hit.end <= lo + p.end
            and p.end - p.start > hit.end - hit.start
            for p in matcher.hits(window, 0, len(window))
        )

    return inside


PLACE_SPAN = 24  # characters either side of a topic word searched for a longer place name


_TERRITORY_PLEDGE = re.compile(
    r"(?:不|决不|绝不)(?:允许|容许)[^。；;，,]{0,16}利用[^。；;，,]{0,6}领土|"
    r"(?<![^\W\d_])(?:not|never)\s+(?:allow|permit)\w*\s+(?:\w+\s+){0,4}?(?:use|using)\s+"
    r"(?:its|their|our)\s+territor|(?:not|never)\s+(?:allow|permit)\w*\s+(?:its|their|our)\s+"
    r"territor|не\s+(?:допуст|позвол)\w*\s+(?:\w+\s+){0,3}?(?:использовани|использовать)\w*\s+"
    r"(?:своей\s+|своих\s+)?территори",
    re.IGNORECASE,
)
PLEDGE_SPAN = 60  # characters searched back from a topic word for the pledge's start


def _territory_pledge(text: str, hit: Hit) -> bool:
    """``hit`` is what a pledge not to let one's territory be used rules out."""
    lo = max(0, hit.start - PLEDGE_SPAN)
    for m in _CLAUSE_BREAK.finditer(text, lo, hit.start):
        lo = m.end()
    return _TERRITORY_PLEDGE.search(text, lo, hit.start) is not None


def rule_topics(
    found: Found,
    extra: list[Hit] | None = None,
    text: str | None = None,
    in_place: Callable[[Hit], bool] | None = None,
    related: int | None = None,
    forums: list[Hit] | None = None,
    voiced: Callable[[Hit], bool] | None = None,
) -> dict[str, list[Hit]]:
    """Topic hits (and ``extra`` ones: ``event_topics``); the three-evils formula codes
    three_evils only (hits inside it do not count for its parts); a religious word inside an
    extremism or terrorism term is not religion; a topic word inside an institution's name in
    an official's title (the RATS director) is none."""
    topics = {code: list(hs) for code, hs in found.codes("topic").items()}
    for hit in extra or ():
        topics.setdefault(hit.payload[1], []).append(hit)
    if related is not None:  # (background or a page's links to other items: ``note_start``)
        for code in list(topics):
            _keep(topics, code, [h for h in topics[code] if h.start < related])
    if voiced is not None:  # (an analyst's words on the event: ``commentary``)
        for code in list(topics):
            _keep(topics, code, [h for h in topics[code] if not voiced(h)])
    if text is not None and "anti_china_sentiment" in topics:
        # the pledge not to let anyone use one's territory against the other (不允许任何势力利用
        # 乌领土从事反华活动, will not allow its territory to be used for anti-China activities,
        # не допустит использования своей территории): the separatists' activities ruled out
        # (separatism stays a topic), no hostility of the public reported
        kept = [
            h
            for h in topics["anti_china_sentiment"]
            if not _territory_pledge(text, h) and hostility_named(h, text)
        ]
        _keep(topics, "anti_china_sentiment", kept)

    if found.listed_names:  # 观察员国阿富汗、白俄罗斯: a party named, not the Afghan issue
        for code in list(topics):
            kept = [
                h
                for h in topics[code]
                if not _within(found.listed_names, h)
                or (text is not None and situation_named(text, h))
            ]
            _keep(topics, code, kept)
    if found.in_titles:  # 反恐 in 地区反恐怖机构执委会主任: a title, not what the item is about
        for code in list(topics):
            _keep(
                topics,
                code,
                [
                    h
                    for h in topics[code]
                    if not any(t.start <= h.start and h.end <= t.end for t in found.in_titles)
                ],
            )
    if text is not None:
        # the three listed in any order (терроризму, экстремизму и сепаратизму): the formula
        parts = [h for code in THREE_EVILS_PARTS for h in topics.get(code, [])]
        for hit in listed_three_evils(text, parts):
            topics.setdefault("three_evils", []).append(hit)
        if "organized_crime" in topics and "drug_trafficking" in topics:
            # 走私贩毒, drug smuggling, контрабанды наркотиков: drugs, not organised crime
            drugs = topics["drug_trafficking"]
            kept = [h for h in topics["organized_crime"] if not drug_smuggling(h, drugs, text)]
            _keep(topics, "organized_crime", kept)
        for code in list(topics):  # (a border marker checked on a patrol: no demarcation)
            _keep(topics, code, [h for h in topics[code] if needs_qualifier(code, h, text)])
        if "border_security" in topics:
            # cross-border crime is a crime (organised crime) wherever it is named, and the
            # border's security only where its sentence names a border, a border service or post
            crime = [h for h in topics["border_security"] if cross_border_crime(h)]
            if crime:
                kept = [h for h in topics["border_security"] if not crime_not_border(h, text)]
                _keep(topics, "border_security", kept)
                topics.setdefault("organized_crime", []).extend(
                    Hit(h.start, h.end, ("topic", "organized_crime"), h.term) for h in crime
                )
    if forums:  # (confidence-building measures in CICA's name: the forum, not the matter)
        for code in NAME_EXCLUDED.intersection(topics):
            _keep(topics, code, [h for h in topics[code] if not in_forum_name(h, forums)])
    formula = topics.get("three_evils", [])
    if formula:
        # spans by start with running maxima of their ends: "inside some formula" by bisection
        # (a scan of every formula per hit is quadratic on a multi-megabyte text)
        spans = sorted((f.start, f.end) for f in formula)
        formula_starts = [start for start, _ in spans]
        reach = list(itertools.accumulate((end for _, end in spans), max))
        for code in THREE_EVILS_PARTS:
            outside = [
                h
                for h in topics.get(code, [])
                if not (
                    (i := bisect.bisect_right(formula_starts, h.start)) and reach[i - 1] >= h.end
                )
            ]
            _keep(topics, code, outside)
    violent = [h for code in ("extremism", "terrorism") for h in topics.get(code, [])]
    if "religion" in topics and violent:
        _keep(
            topics,
            "religion",
            [h for h in topics["religion"] if not any(part_of(h, v) for v in violent)],
        )
    if in_place is not None:  # a word of a place's name (Gorno-Badakhshan), not the topic
        for code in list(topics):
            _keep(topics, code, [h for h in topics[code] if not in_place(h)])
    if "religion" in topics and text is not None:
        # a religious word in a proper name (the East Turkestan Islamic Movement, Islamic State,
        # the Islamic Republic of Iran, «Исламского движения Узбекистана»): the group or state
        # named, not religion as a subject
        _keep(topics, "religion", [h for h in topics["religion"] if not _in_name(text, h)])
    return topics


# a capitalised word after a capitalised religious word (Islamic State, Islamic Movement)
_NAME_AFTER = re.compile(r"\s+[A-ZА-ЯЁ]")
_SENTENCE_START = re.compile(r"(?:^|[.!?。！？]\s*|[\n«\"“(]\s*)$")


def _in_name(text: str, hit: Hit) -> bool:
    """``hit`` (a Latin or Cyrillic word) is capitalised after an opening quote, or inside a
    sentence: in Cyrillic, or followed by another capitalised word (a name's words)."""
    first = text[hit.start : hit.start + 1]
    if not first.isupper():
        return False
    before = text[max(0, hit.start - 3) : hit.start]
    if before.endswith(("«", '"', "“")):
        return True
    if _SENTENCE_START.search(before) or hit.start == 0:
        return False
    # (Russian capitalises an adjective only in a name: организации Исламское государство)
    return "\u0400" <= first <= "\u04ff" or bool(_NAME_AFTER.match(text, hit.end))


def commentary(item: CodedItem, text: str) -> Callable[[Hit], bool] | None:
    """For an item that reports an event, a test: a hit lies in an analyst's or an expert's
    words after the lead (``coder_background.analyst_passage``), whose topics and sectors are
    the commentator's reading, not what the event's sides raised or did; ``None`` for
    commentary (no event: the analysis is the item) and for the focal state's security firms
    abroad (an activity going on, not a dated event)."""
    if item.kind is None or item.kind == "private_security":
        # (a survey of the security firms working abroad: what researchers say of the trend
        # is the item's matter)
        return None
    voice: Callable[[int], bool] | None = None

    def voiced(hit: Hit) -> bool:
        nonlocal voice
        if voice is None:  # (found only when a topic or domain hit asks: a scan of the item)
            voice = analyst_voice(text, lead_end(item.start, text), item.end)
        return voice(hit.start)

    return voiced


def rule_domains(
    found: Found, text: str, item: CodedItem, voiced: Callable[[Hit], bool] | None = None
) -> dict[str, list[Hit]]:
    """Domain hits from the sentences about the cooperation (naming the focal state or the two
    sides, or saying they cooperate: 合作, joint, совместн; a sector named in any other sentence
    is the partner's own, such as the servicemen killed in an attack), plus the domains of the
    institutions named; none from a sentence after the lead about another time or event than
    the item's (``another_time``: one recalled, earlier years, one to come or like it: the
    border posts China built before, Russia's aid to the same troops), whose sectors are not
    the event's."""
    domains = {code: list(hs) for code, hs in found.codes("domain").items()}
    related = note_start(text, item.start, item.end)
    lead = lead_end(item.start, text)
    year = event_year(text, item.start, lead, found.reference)
    other: dict[int, bool] = {}  # per position: its sentence is about another time

    def now(hit: Hit) -> bool:
        if hit.start < lead:
            return True
        if hit.start not in other:
            other[hit.start] = another_time(text, hit.start, lead, item.end, year, item.start)
        return not other[hit.start]

    for code in list(domains):
        kept = [
            h
            for h in domains[code]
            if h.start < related
            and not information_exchange(h)
            and not security_service_sold(h, text)
            and _about_cooperation(text, item, h, found)
            and now(h)
            and not (voiced is not None and voiced(h))
            and not _denied(text, item, h)
            and not _quoted_agency(text, h)
        ]
        _keep(domains, code, kept)
    for code, hit in found.implied_domains.items():
        if now(hit) and not _quoted_agency(text, hit) and not (voiced is not None and voiced(hit)):
            domains.setdefault(code, [hit])
    if "emergency" in domains:  # (a hostage rescue rehearsed in a counter-terrorist drill)
        kept = [h for h in domains["emergency"] if not hostage_rescue(h, text)]
        _keep(domains, "emergency", kept)
    if "military" in domains:  # (官兵 of the border guards, servicemen of a border outpost)
        _keep(domains, "military", [h for h in domains["military"] if army_named(h, domains, text)])
    if "military" in domains:  # (confidence measures in the military-political sphere)
        _keep(domains, "military", [h for h in domains["military"] if not sphere_word(h, text)])
    if "military" in domains:  # (本国防灾: 本国, then 防灾)
        _keep(domains, "military", [h for h in domains["military"] if not split_guofang(h, text)])
    if "border_guard" in domains:  # (пограничный с Мьянмой округ: bordering, a place)
        _keep(
            domains, "border_guard", [h for h in domains["border_guard"] if not bordering(h, text)]
        )
    for code in list(domains):  # (former PLA officers on a security firm's staff)
        _keep(domains, code, [h for h in domains[code] if not former_members(h, text)])
    if "law_enforcement" in domains:  # (深化反恐、禁毒等领域合作: a field, no agency)
        kept = [h for h in domains["law_enforcement"] if not drug_field(h, text)]
        _keep(domains, "law_enforcement", kept)
    if "border_guard" in domains:  # (a border-defence regiment of a military district)
        army = [h for h in domains["border_guard"] if army_border(h, text)]
        if army:
            _keep(domains, "border_guard", [h for h in domains["border_guard"] if h not in army])
            domains.setdefault("military", []).extend(army)
    if (
        "state_security" in domains
        and "border_guard" in domains
        and committee_owns_border(text, item.start, item.end, domains["border_guard"])
    ):
        # the security committee named as the border troops' owner anywhere in the item: its
        # name is theirs throughout (the committee's press centre, its deputy chairman who
        # commands them); intelligence or another service named still codes state_security
        kept = [h for h in domains["state_security"] if not committee_name(h, text)]
        _keep(domains, "state_security", kept)
    return domains


# an agency named as the source of what is reported (according to the Ministry of Justice's
# register, по данным МВД, сообщили в пресс-центре ГКНБ, 据公安部消息): who says it, not a sector
# that takes part
_SOURCE_BEFORE = re.compile(
    r"(?:据|根据)$|(?<![^\W\d_])(?:according\s+to(?:\s+(?:the|a|an))?(?:\s+[A-Z][\w'’-]*){0,3}|"
    r"по\s+(?:данным|информации|сведениям|словам)(?:\s+[^\W\d_]+)?|"
    r"сообщил[аио]?\s+(?:[^\W\d_]+\s+){0,3}в\s+пресс-(?:центре|службе)|"
    r"пресс-(?:центр|служба|центре|службе|центра|службы))\s*$",
    re.IGNORECASE,
)
SOURCE_SPAN = 60  # characters before a domain word searched for a source's words
# "в ГКНБ заявили", "в МВД сообщили": a statement from inside the agency (Russian impersonal
# attribution), the agency as the source
_IN_AGENCY = re.compile(r"(?<![^\W\d_])[вВ]о?\s+$")
_SAID_AFTER = re.compile(
    r"[^\W\d_]*(?:\s+[^\W\d_]+){0,2}?\s+(?:заявили|сообщили|отметили|подчеркнули|пояснили|"
    r"уточнили|рассказали)(?![^\W\d_])"
)


def _quoted_agency(text: str, hit: Hit) -> bool:
    """``hit`` names an agency only as the source of what is reported (according to the
    Ministry of Justice register, по данным МВД, в ГКНБ заявили)."""
    return bool(
        _SOURCE_BEFORE.search(text, max(0, hit.start - SOURCE_SPAN), hit.start)
    ) or _said_in(text, hit)


def _said_in(text: str, hit: Hit) -> bool:
    return bool(
        _IN_AGENCY.search(text, max(0, hit.start - 4), hit.start)
        and _SAID_AFTER.match(text, hit.end)
    )


# "not only ... but also" (не только, 不仅 is no negation: _NEGATION spares 不仅 already)
_NOT_ONLY = re.compile(r"(?:не\s+только|not\s+only)\s*", re.IGNORECASE)


def _denied(text: str, item: CodedItem, hit: Hit) -> bool:
    """A domain word negated in its clause (中国在塔没有军事基地, has never stationed troops,
    не размещал военные базы): a presence denied, not a sector that cooperates."""
    if not _negated(text, item, hit):
        return False
    han = "\u4e00" <= hit.term[:1] <= "\u9fff"
    lo = max(item.start, hit.start - (NEGATION_SPAN if han else NEGATION_SPAN_LATIN))
    for m in _CLAUSE_BREAK.finditer(text, lo, hit.start):
        lo = m.end()
    return _NEGATION.search(_NOT_ONLY.sub(" ", text[lo : hit.start])) is not None


def _about_cooperation(text: str, item: CodedItem, hit: Hit, found: Found) -> bool:
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    return _any_in(found.focal_named, lo, hi) or bool(_COOPERATION.search(text, lo, hi))


_COOPERATION = Literals(
    re.compile(
        r"合作|协作|联合|共同|cooperat|joint|together|сотруднич|совместн|взаимодейств",
        re.IGNORECASE,
    )
)


# a partner state named only as the far side of the focal state's border (the border with
# Kyrgyzstan, на границе с Казахстаном, 与哈萨克斯坦接壤) or in a place's name (Kizilsu Kyrgyz
# Autonomous Prefecture, 克孜勒苏柯尔克孜自治州); the focal state's own border region is the
# study's focal_home_region (for the PRC Xinjiang and the Western Theater, as codebook
# domestic_capacity says)
# (also the second state of a list: на границе с Казахстаном и Киргизией, the border with
# Kazakhstan and Kyrgyzstan)
_BORDER_WITH = re.compile(
    r"(?:(?:border|frontier|boundary)s?\s+with\s+(?:the\s+)?|границ\w*\s+с\s*)"
    r"(?:[\w-]+(?:\s*,|\s+(?:and|и))\s+){0,3}$|(?:与|同|和)$",
    re.IGNORECASE,
)
_BORDERS_AFTER = re.compile(
    r"(?:接壤|交界|边境|边界|一侧|自治)|\s+autonomous|\s+автономн", re.IGNORECASE
)
HOME_KINDS = ("infrastructure", "equipment_transfer")  # what a build-up at home is misread as
BORDER_WITH_SPAN = 60  # characters before a state's name searched for "the border with"


def rule_home_build_up(
    item: CodedItem, text: str, hits: list[Hit], found: Found, kinds: list[str], res: Resources
) -> list[str]:
    """The focal state's build-up in its own border region (codebook domestic_capacity: border
    posts, fences, roads, patrols, units deployed in Xinjiang): a lead that places the act there
    and names no partner state but as the far side of the border reports domestic capacity,
    not infrastructure or equipment handed over (codebook infrastructure, exclude: built inside
    the focal state's own border region), nor nothing when no kind word was found and a security
    service is named (a domain)."""
    home = res.study.home_region
    if home is None or (kinds and kinds[0] not in HOME_KINDS):
        return kinds
    if not kinds and not (
        found.codes("domain") or any(h.payload[0] == "institution" for h in hits)
    ):
        return kinds  # no kind word and no security service named
    lead = kind_lead_end(text, item)
    place = home.search(text, item.start, lead)
    if place is None:
        return kinds
    for h in hits:
        if h.start >= lead or h.start < item.start:
            continue
        if (
            h.payload[0] in ("state", "official", "institution")
            and state_of(h, res) in res.study.partner_set
        ):
            before = text[max(item.start, h.start - BORDER_WITH_SPAN) : h.start]
            if not _BORDER_WITH.search(before) and not _BORDERS_AFTER.match(text, h.end):
                return kinds  # a partner takes part in the lead
    anchor = Hit(place.start(), place.end(), ("event_kind", "domestic_capacity"), place.group())
    found.evidence = [e for e in found.evidence if e.field != "kind"]
    found.evidence.append(evidence("kind", "domestic_capacity", anchor, text, "home_region"))
    return ["domestic_capacity"]


MEMBER_BODIES = ("SCO", "CICA")  # organisations whose members a named meeting implies


def rule_framework_in_passing(
    item: CodedItem, text: str, hits: list[Hit], found: Found, res: Resources
) -> None:
    """An organisation (SCO, CICA) named only after the lead, in a sentence not about this event
    (thanks for support of Kazakhstan's initiatives in the SCO), while the lead reports the
    event with one partner state: the framework is named in passing, not the body organising
    this event (guide item 5): bilateral, and the members only its membership implied are not
    taking part."""
    framework = item.framework
    if framework not in MEMBER_BODIES or item.kind in (None, "multilateral_exercise"):
        return
    named = [e for e in found.evidence if e.field == "framework" and e.code == framework]
    lead = kind_lead_end(text, item)
    if not named or any(e.start < lead for e in named):
        return
    in_lead = [
        h
        for h in hits
        if item.start <= h.start < lead
        and h.payload[0] in ("state", "official", "institution")
        and state_of(h, res) in res.study.partner_set
    ]
    if len({state_of(h, res) for h in in_lead}) != 1:
        return  # the lead names no partner, or several
    first = min(e.start for e in named)
    if _THIS_EVENT.search(text, *_sentence_of(text, first, item.start, item.end)):
        return  # (в ходе встречи…, during the talks…: the meeting's own framework)
    lo, hi = _sentence_of(text, first, item.start, item.end)
    sentence = list(text[lo:hi])
    for h in hits:  # (the names of bodies: Совещание по взаимодействию… is no meeting)
        if h.payload[0] == "framework" and lo <= h.start and h.end <= hi:
            sentence[h.start - lo : h.end - lo] = " " * (h.end - h.start)
    if _MEETING_WORD.search("".join(sentence)):
        return  # the meeting of the SCO member states' defence ministers: a meeting named
    dropped = {c for c in item.countries if found.basis.get(c) == "membership"}
    item.framework = "bilateral"
    item.countries = [c for c in item.countries if c not in dropped]
    found.evidence = [
        e
        for e in found.evidence
        if e.field != "framework" and not (e.field == "country" and e.code in dropped)
    ]
    found.evidence.append(evidence("framework", "bilateral", in_lead[0], text, "one_partner"))


# what the meeting produced, in the words of its outcome (по итогам встречи, the ministers
# signed, 会议通过了): not its participants agreeing to do something later
_OUTCOME = re.compile(
    r"会议(?:通过|批准|签署)|会谈后|会见后|会谈结束后|会晤后|会晤结束后|the meeting (?:adopted|approved)|"
    r"the (?:two )?(?:leaders|heads of state|ministers|presidents) (?:signed|adopted|approved|"
    r"witnessed the signing)|(?:after|following) the (?:talks|meeting|consultations|negotiations),|"
    r"(?:лидеры|главы государств|министры) (?:подписали|утвердили|приняли)|"
    r"по итогам (?:заседани|совещани|встреч|саммит|переговор)|после (?:переговоров|встречи|заседания)",
    re.IGNORECASE,
)
# a meeting's protocol (По итогам заседания подписан Протокол): its minutes, no document of
# cooperation (a protocol on or to an agreement is one)
_MINUTES = re.compile(
    r"(?<![^\W\d_])(?:протокол\w*\s+заседани|по итогам (?:заседани|совещани)\w*\s+"
    r"(?:был\w*\s+)?подписа\w*\s+протокол(?!\w*\s+(?:о|об|к|между)\s))",
    re.IGNORECASE,
)
_DOCUMENT_NOUN = re.compile(
    r"(?<![^\W\d_])(?:соглашени|договор|меморандум|заявлени|декларац|конвенци|план|программ|"
    r"коммюнике|устав)",
    re.IGNORECASE,
)


def _lead_meeting(item: CodedItem, text: str, hits: list[Hit], item_hits: list[Hit]) -> list[Hit]:
    """``hits`` and the meeting words of the item's lead when the scope (the passages scored
    as security) names no meeting: a delegation received, talks held in the
    title, and the security matters discussed later (Председатель Сената приняла делегацию
    ВСНП ... стороны отметили важность ратификации соглашений). The offices named in the
    lead join with them: the people who met (Chinese President Xi held phone talks with ...,
    Глава государства ... провел переговоры с Председателем КНР), not an office the security
    passage names (a committee in the list of documents signed), set the meeting's level."""
    if any(h.payload == ("event_kind", "meeting") for h in hits):
        return hits
    lead = kind_lead_end(text, item)
    extra = [h for h in item_hits if h.start < lead and h.payload == ("event_kind", "meeting")]
    if not extra:
        return hits
    have = {(h.start, h.end, h.payload) for h in hits}
    extra += [
        h
        for h in item_hits
        if h.start < lead
        and h.payload[0] == "meeting_level"
        and (h.start, h.end, h.payload) not in have
    ]
    return sorted(hits + extra, key=lambda h: h.start)


def _lead_event(item: CodedItem, text: str, hits: list[Hit], item_hits: list[Hit]) -> list[Hit]:
    """``hits`` and what the item's lead (title and first sentence) says of the event it
    reports, when the scope (the passages scored as security) lacks it there: the lead reports
    the main event even when only a later sentence names the focal state (Учения ШОС
    стартовали... / later: участвуют военнослужащие из Китая; a protest at a Chinese firm's mine
    in the title, a fight recalled from 2019 later). With no event word of the scope in the lead,
    the lead's event words and the offices named there join (a scenario, a weapon or a recalled
    event later does not decide the kind; the offices of the people who met in the title set the
    level: Спикер Сената провел переговоры с Председателем ВСНП); with no framework of the scope
    in the lead, the framework the lead names beside its event word joins (the SCO's exercise)."""
    lead = kind_lead_end(text, item)
    if not any(h.payload[0] == "event_kind" and h.start < lead for h in item_hits):
        return hits
    schemes: set[str] = set()
    if not any(h.payload[0] == "event_kind" and h.start < lead for h in hits):
        schemes.update(("event_kind", "meeting_level"))
    if not any(h.payload[0] == "framework" and h.start < lead for h in hits):
        schemes.add("framework")
    have = {(h.start, h.end, h.payload) for h in hits}
    extra = [
        h
        for h in item_hits
        if h.start < lead and h.payload[0] in schemes and (h.start, h.end, h.payload) not in have
    ]
    return sorted(hits + extra, key=lambda h: h.start) if extra else hits


def _meeting_outcomes(
    item: CodedItem, text: str, hits: list[Hit], item_hits: list[Hit]
) -> list[Hit]:
    """``hits`` and the item's document hits outside them in a sentence saying what the meeting
    itself produced (По итогам встречи министры подписали Совместное заявление, 会议通过了,
    the ministers signed): a passage with no partner state named is still about the event."""
    if not any(h.payload == ("event_kind", "meeting") for h in hits):
        return hits  # (the scope reports no meeting: no meeting's outcome to add)
    have = {(h.start, h.end, h.payload) for h in hits}
    extra = [
        h
        for h in item_hits
        if h.payload == ("event_kind", "mechanism") and (h.start, h.end, h.payload) not in have
    ]
    if not extra:
        return hits
    sentences: dict[tuple[int, int], bool] = {}
    kept = []
    for h in extra:
        bounds = _sentence_of(text, h.start, item.start, item.end)
        if bounds not in sentences:
            sentences[bounds] = _OUTCOME.search(text, *bounds) is not None
        if sentences[bounds]:
            kept.append(h)
    return sorted(hits + kept, key=lambda h: h.start) if kept else hits


# topics an event's kind carries by its definition, with the domain it needs (None: any): the
# focal state's security firms abroad protect its projects, assets and personnel (codebook
# private_security; the concern is investment_security whether or not a sentence words it).
# (The border services' exercises and patrols as border_security, codebook "joint border
# operations", was measured +3 right, no false on the tuning sets and left out: border_security
# is one of the two topics test_coder_robustness swaps because no rule names it.)
KIND_TOPICS: tuple[tuple[str, str | None, str], ...] = (
    ("private_security", None, "investment_security"),
)


def kind_topics(item: CodedItem, found: Found) -> None:
    """Add to ``item`` the topic its event kinds carry (``KIND_TOPICS``) when it has the
    domain the rule needs, with the kind's evidence span, basis ``kind``."""
    for kind, domain, topic in KIND_TOPICS:
        if kind not in item.event_kinds or topic in item.topics:
            continue
        if domain is not None and domain not in item.domains:
            continue
        source = next((e for e in found.evidence if e.field == "kind" and e.code == kind), None)
        if source is None:
            continue
        item.topics.append(topic)
        item.topics.sort()
        found.evidence.append(
            source.model_copy(update={"field": "topic", "code": topic, "basis": "kind"})
        )


def assign_codes(
    item: CodedItem,
    text: str,
    hits: list[Hit],
    res: Resources,
    reference: str | None,
    item_hits: list[Hit] | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> None:
    """Code ``item`` from the hits of its scope (see the module docstring); ``item_hits``: all
    the item's hits, whose topics in sentences about this event (the talks' subjects: 会谈中双方
    就…交换意见, В ходе беседы обсуждены…) count too (``event_topics``); ``spans``: the scope's
    passages (where officials the gazetteer does not know are read from their titles; default
    the span of ``hits``)."""
    partner_set = res.study.partner_set
    if item_hits is not None and item.relevant:
        hits = _lead_meeting(item, text, hits, item_hits)
        hits = _lead_event(item, text, hits, item_hits)
        hits = _meeting_outcomes(item, text, hits, item_hits)
    # (a verb and its object found apart, coder_phrases, tell a second event's kind only: no
    # sentence reports an event, for the states it names, because of one)
    events = sorted(
        h.start for h in hits if h.payload[0] == "event_kind" and not h.term.startswith(PHRASE_MARK)
    )
    background = background_sentences(
        text,
        item.start,
        item.end,
        [h for h in hits if state_of(h, res) in partner_set],
        events,
        reference,
    )
    idle = idle_groups(
        text,
        item.start,
        item.end,
        [h for h in hits if h.payload[0] == "group"],
        events,
        reference,
    )
    found = collect(hits, text, res, reference, background, idle, lead_end(item.start, text))
    found.reference = reference
    found.item_hits = item_hits
    framework, countries = rule_countries(item, text, hits, found, res, reference)
    item.framework = framework
    item.countries = countries

    def anchored() -> set[int]:  # only when a second event is possible (it costs a scan)
        return {
            _paragraph(text, item, h.start)
            for h in hits
            if h.payload[0] in ("state", "group", "framework", "official", "institution")
            and (h.payload[1] in res.study.partner_set or h.payload[0] != "state")
        } | {
            _paragraph(text, item, m.start())
            for pattern in (
                _BOTH_SIDES,
                _THE_MEETING,
                _THE_CEREMONY,
                _THE_PRINCIPALS,
                _MEETING_PRODUCT,
                _WITH_THE_FACILITY,
            )
            for m in pattern.finditer(text, item.start, item.end)
        }

    kinds = rule_kinds(item, text, found, framework, countries, res.study.focal, anchored, hits)
    kinds = rule_home_build_up(item, text, hits, found, kinds, res)
    kinds = meeting_leads(item, text, kinds, kind_lead_end(text, item))
    kinds = exercise_meeting(item, text, kinds)
    kinds = channel_mechanism(item, text, kinds, kind_lead_end(text, item))
    item.kind = kinds[0] if kinds else None
    rule_framework_in_passing(item, text, hits, found, res)
    rule_tour_legs(item, text, item_hits or hits, found, res)
    countries = item.countries
    item.event_kinds = kinds
    item.level = rule_level(item, text, found, item.kind, res.study.focal, background)
    rule_domestic_states(item, text, hits, found, res)
    rule_host_states(item, text, hits, found, background, res)
    partners = [c for c in countries if c in res.study.partner_set]
    if item.framework is None and found.lead_partner is not None and item.kind is not None:
        # the lead reports the event with one partner state, naming no framework: bilateral,
        # whatever other states later sentences name
        item.framework = "bilateral"
        found.evidence.append(
            evidence("framework", item.framework, found.lead_partner, text, "one_partner")
        )
    rule_lead_partner(item, text, found, partners, res)
    if item.framework is None and item.kind is not None and len(partners) > 1:
        # no framework named, several partner states named, but the sentence reporting the
        # main event names one partner state beside the focal one (the two defence ministers'
        # talks on the margins of a forum several states' delegates attended; a round-up whose
        # first item is a handover to one state, later items other states'): its own sides
        side = _reported_one_partner(item, text, hits, found, res)
        if side is not None:
            item.framework = "bilateral"
            found.evidence.append(evidence("framework", item.framework, side, text, "one_partner"))
    if (
        item.framework is None
        and item.kind in SEVERAL_KINDS
        and len(partners) > 1
        and not (item.kind == "training_education" and _open_class(item, text, found, res))
    ):
        # no framework named, several partner states act together with the focal state (中哈吉塔
        # 四国联合演练, a three-state exercise), or their officers sit one course together (a
        # class of Kazakh, Kyrgyz and Tajik police): a multilateral event outside the named
        # frameworks. Aid or building for several states is no joint format.
        item.framework = "other_multilateral"
        named = [found.states[c] for c in partners if c in found.states]
        if named:
            found.evidence.append(
                evidence("framework", item.framework, named[-1], text, "several_partners")
            )
    if item.kind == "multilateral_exercise" and item.framework in (None, "bilateral"):
        # an exercise or contest of several states' forces is never one partner's format: the
        # states found may be fewer than took part (the other teams named as foreign ones), and
        # one partner inferred from them is no bilateral event
        given = [e for e in found.evidence if e.field == "framework"]
        if all(e.basis == "one_partner" for e in given):
            item.framework = "other_multilateral"
            found.evidence = [e for e in found.evidence if e not in given]
            kind_hit = next((e for e in found.evidence if e.field == "kind"), None)
            if kind_hit is not None:
                found.evidence.append(
                    kind_hit.model_copy(
                        update={"field": "framework", "code": item.framework, "basis": "kind"}
                    )
                )
    inferred = [
        e
        for e in found.evidence
        if e.field == "framework" and e.basis in ("one_partner", "several_partners")
    ]
    if item.kind in UNILATERAL_KINDS:
        # the focal state's security firms abroad act one-sidedly, and its own capacity at
        # home is its own doing (codebook: unilateral; every tuning record of these kinds is
        # unilateral); a partner state named as the place, or several, is no partner in a
        # joint act, a word naming two states (a Chinese-Kyrgyz security venture,
        # китайско-таджикская граница, the two countries' ties) describes a firm, a border or
        # a relationship, and a framework named beside (the SCO's counter-terrorism work the
        # article recalls) is another event's
        item.framework = "unilateral"
        kind_hit = next((e for e in found.evidence if e.field == "kind"), None)
        found.evidence = [e for e in found.evidence if e not in inferred]
        if kind_hit is not None:
            found.evidence.append(
                kind_hit.model_copy(
                    update={"field": "framework", "code": "unilateral", "basis": "kind"}
                )
            )
    if item.framework == "unilateral" and (
        item.kind in JOINT_ACTIVITIES or (item.kind in ("meeting", *PARTNER_RECEIVES) and partners)
    ):
        # an exercise or a patrol done with a partner is no act of the focal state alone
        # (codebook unilateral), whatever its own force's name says (Народная вооружённая
        # полиция, Xinjiang police): a bilateral exercise is bilateral, a multilateral one
        # outside the named frameworks other_multilateral; so is a meeting with a partner
        # state's officials (the Xinjiang police chief received by a Kazakh regional governor,
        # начальник Синьцзянского военного округа в Генштабе Казахстана); so is a course a
        # partner state's officers sit at a college of that force (Национальная гвардия
        # Узбекистана в колледже Народной вооружённой полиции), or aid or a building handed to a
        # partner state (codebook unilateral: any event with a partner-state participant)
        joint = (
            "other_multilateral"
            if item.kind == "multilateral_exercise"
            or (item.kind in ("joint_patrol_operation", "meeting") and len(partners) > 1)
            or (
                item.kind == "training_education"
                and len(partners) > 1
                and not _open_class(item, text, found, res)
            )
            else "bilateral"
        )
        item.framework = joint
        kind_hit = next((e for e in found.evidence if e.field == "kind"), None)
        found.evidence = [e for e in found.evidence if e.field != "framework"]
        if kind_hit is not None:
            found.evidence.append(
                kind_hit.model_copy(update={"field": "framework", "code": joint, "basis": "kind"})
            )
    if item.kind is None:  # commentary: no event, so no event's framework (gold guideline)
        item.framework = None
        # ... nor the states from outside the region that only a multilateral event brings in
        keep = {res.study.focal, *res.study.partner_set}
        outside = {c for c in item.countries if c not in keep}
        # ... nor the members a framework's meeting implies, unless the item's own title or
        # lead names it (an analysis of the SCO's work: its members are the subject; an SCO
        # summit recalled in a later paragraph is an example, whose members the text names
        # when it discusses them)
        outside |= {
            c
            for c in item.countries
            if found.basis.get(c) == "membership"
            and c in found.states
            and found.states[c].start >= item.start + LEAD
        }
        item.countries = [c for c in item.countries if c not in outside]
        found.evidence = [
            e
            for e in found.evidence
            if e.field != "framework" and not (e.field == "country" and e.code in outside)
        ]
        # (an item whose lead event did not happen is about that one event: its sides, not
        # the partners its later paragraphs name as examples)
        if item.relevant and not found.lead_unhappened:
            rule_commentary_states(item, found, text, res)
    # the learned participation layer: a coded partner state named, not taking part
    apply_participation(item, text, hits, found, background, res, state_of)
    voiced = commentary(item, text)
    for scheme, target, codes in (
        (
            "topic",
            item.topics,
            rule_topics(
                found,
                event_topics(
                    item,
                    text,
                    hits,
                    item_hits,
                    frozenset(hit.payload for _, hit in found.actors.values()),
                ),
                text,
                _study_places(text, res),
                note_start(text, item.start, item.end),
                [h for h in item_hits or hits if h.payload[0] == "framework"],
                voiced,
            ),
        ),
        ("domain", item.domains, rule_domains(found, text, item, voiced)),
    ):
        for code in sorted(codes):
            target.append(code)
            found.evidence.append(
                evidence(scheme, code, codes[code][0], text, mentions=len(codes[code]))
            )
    kind_topics(item, found)
    if item.relevant and item_hits is not None:
        lead_actors(item, text, item_hits, found, res, reference)
    for mention, hit in found.actors.values():
        item.actors.append(mention)
        found.evidence.append(evidence("actor", mention.name, hit, text))
    if item.relevant:
        titled_actors(item, text, spans or [_span(hits)], background, found, res)
    item.evidence = found.evidence


def rule_tour_legs(
    item: CodedItem, text: str, hits: list[Hit], found: Found, res: Resources
) -> None:
    """A visit through several partner states with no framework named (a tour: Wang Yi visits
    Kazakhstan and Turkmenistan) reports each leg in a paragraph of its own, naming its one
    partner state; a state whose own legs report no security matter (gas and culture in
    Ashgabat) is no side of the item's security meeting when another state's leg reports one
    (gold guideline 1: a visit whose stated agenda has no security content is no event).
    ``hits``: all the item's hits (its legs lie outside the scored passages too)."""
    if item.kind != "meeting" or item.framework not in (None, "bilateral"):
        return  # (a framework named: one meeting of several states, not a tour)
    partner_set = res.study.partner_set
    partners = [c for c in item.countries if c in partner_set]
    if len(partners) < 2:
        return
    lead = lead_end(item.start, text)
    # (the lead listing the focal state among the partners, China, Tajikistan and Turkmenistan
    # met: one meeting of them all, not a tour)
    names = [
        h
        for h in hits
        if item.start <= h.start < lead
        and h.payload[0] == "state"
        and (h.payload[1] in partner_set or names_focal(h, res))
    ]
    for a, b in itertools.pairwise(names):
        if (names_focal(a, res) or names_focal(b, res)) and _STATE_LIST_JOINT.fullmatch(
            text, a.end, b.start
        ):
            return
    named: dict[int, set[str]] = {}  # paragraph (its start) -> the partner states it names
    security: list[int] = []
    for hit in hits:
        if hit.start < lead or hit.start >= item.end:
            continue
        kind = hit.payload[0]
        if kind in ("topic", "domain"):
            security.append(hit.start)
            continue
        state = str(hit.payload[1]) if kind == "venue" else state_of(hit, res)
        if state in partner_set:
            named.setdefault(_paragraph(text, item, hit.start), set()).add(state)
    if len(named) < 2 or not security:
        return
    security.sort()

    def secure(start: int) -> bool:
        end = text.find("\n", start + 1, item.end)
        return _any_in(security, start, item.end if end < 0 else end)

    legs = {c: [p for p, states in named.items() if states == {c}] for c in partners}
    if not any(secure(p) for c in partners for p in legs[c]):
        return
    drop = {
        c
        for c in partners
        if legs[c] and not any(secure(p) for p, states in named.items() if c in states)
    }
    if not drop or len(drop) == len(partners):
        return
    item.countries = [c for c in item.countries if c not in drop]
    found.evidence = [e for e in found.evidence if not (e.field == "country" and e.code in drop)]
    kept = [c for c in partners if c not in drop]
    if len(kept) == 1 and kept[0] in found.states:
        item.framework = "bilateral"
        found.evidence.append(
            evidence("framework", "bilateral", found.states[kept[0]], text, "one_partner")
        )


def lead_actors(
    item: CodedItem,
    text: str,
    item_hits: list[Hit],
    found: Found,
    res: Resources,
    reference: str | None,
) -> None:
    """The gazetteer's officials named in a lead that reports the event (Президент провел
    переговоры с Председателем КНР ...) are its actors even where the passage the codes come
    from begins later; as in ``collect``, one who holds no office at the date, is greeted from
    afar or is another bearer of the surname is not. Actors only: the lead's states and levels
    are ``_lead_meeting``'s business."""
    lead = kind_lead_end(text, item)
    in_lead = [h for h in item_hits if item.start <= h.start < lead]
    if not any(h.payload[0] == "event_kind" for h in in_lead):
        return
    for hit in in_lead:
        if hit.payload[0] != "official":
            continue
        official = res.gazetteer.officials[hit.payload[1]]
        if official.name in found.actors or given_name_before(text, hit, official.name) is False:
            continue
        held = official.office_on(reference)
        office = held.title if held else title_office(text, hit.start, hit.end, res.state_words)
        if office is None or absent_mention(text, hit.start, hit.end):
            continue
        found.actors[official.name] = (
            ActorMention(name=official.name, office=office, country=official.country),
            hit,
        )


def _gazetteer_name(written: str, name: str, words: frozenset[str]) -> bool:
    """A name with a word of a gazetteer official's name: as written, in Latin letters, or a
    Russian case form of it (Ван Сяохуном: Сяохун and an ending)."""
    if {w.casefold() for w in (*written.split(), *name.split())} & words:
        return True
    return any(
        w[:-n] in words
        for w in (x.casefold() for x in written.split())
        if "а" <= w[:1] <= "я"
        for n in (1, 2, 3)
        if len(w) - n >= 4
    )


def titled_actors(
    item: CodedItem,
    text: str,
    spans: list[tuple[int, int]],
    background: list[tuple[int, int]],
    found: Found,
    res: Resources,
) -> None:
    """Officials the gazetteer does not know, named after their office's title in the scope
    (``coder_officials``): actors with the title's ``meeting_level`` code. Not one named in a
    background sentence (an earlier meeting recalled), not one whose name has a word of a
    gazetteer official's name (the gazetteer's entry, with its office at the date, decides)."""
    have = {a.name.casefold() for a in item.actors}
    for titled in title_officials(text, spans, res.state_words, res.romanisation):
        if (
            titled.name.casefold() in have
            or any(a <= titled.start < b for a, b in background)
            or absent_mention(text, titled.start, titled.end)
        ):
            continue
        if _gazetteer_name(text[titled.start : titled.end], titled.name, res.official_words):
            continue
        have.add(titled.name.casefold())
        item.actors.append(
            ActorMention(name=titled.name, office=titled.office, country=titled.country)
        )
        found.evidence.append(
            Evidence(
                field="actor",
                code=titled.name,
                start=titled.start,
                end=titled.end,
                text=text[titled.start : titled.end],
                basis="title",
            )
        )
