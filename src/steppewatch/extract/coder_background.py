"""Sentences of background: where a partner state is named, not shown taking part.

Issue 13 asks for the countries taking part in an event, not the countries named. An item's
lead (its title and first sentence) names the event's sides; later sentences often name other
states as background: an earlier event recalled (2019年中乌签署了协定, Zhao recalled that
China and Uzbekistan signed..., напомнил, что...), a membership (Kyrgyzstan and China are
founding members of the SCO together with Kazakhstan...), another event to come (the next
summit's host, one in another month of this year), the same done by others too (The PAP has
also held exercises with Uzbekistan). A page's closing furniture (a heading line of links to
other articles, its tags, its editor: ``note_start``) names other events altogether. A partner
state named only in such sentences is like an example
(``Found.examples``): it takes part only when no other partner state does, so a single-state
item keeps its state and a two-state item loses the state of its background.

``background_sentences`` finds them, after the item's lead, among the sentences that name a
partner state (by its name, an official or an institution); the words that mark them are
language, the states are the study's (``res.study.partner_set``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from steppewatch.extract.dates import EN_MONTH_STEMS, RU_MONTH_STEMS
from steppewatch.extract.lines import LinePattern
from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

__all__ = [
    "takes_part",
    "absent_sentence",
    "absent_side",
    "also_with",
    "analyst_passage",
    "analyst_voice",
    "another_time",
    "asked_sentence",
    "background_sentences",
    "event_year",
    "framework_background",
    "idle_groups",
    "lead_end",
    "lead_start",
    "map_sentence",
    "merged_spans",
    "neighbour_named",
    "neighbour_sentence",
    "reaction_sentence",
    "note_start",
    "other_act_opening",
    "talked_about",
    "thanked",
]

# the end of an item's first sentence (a period after a one- or two-letter word is an
# abbreviation: 2019 г., St.) and of a body's first sentence under a title line (not at a
# dateline's full stop: Sept. 16, 20 мая. /ТАСС/.)
_FIRST_SENTENCE_END = re.compile(r"[。！？!?\n]|(?<=[^\W\d_]{3})\.(?:\s|$)")
# (or after an acronym of capitals before a capital: учения ПВО. Ранее ...; the SCO. Earlier)
_LEAD_SENTENCE_END = re.compile(
    r"[。！？!?\n]|(?<=[^\W\d_]{5})\.(?:\s|$)(?!\s*/)|(?<=[A-ZА-ЯЁ]{2})\.(?=\s+[A-ZА-ЯЁ«\"“])"
)
LEAD = 200  # characters searched for the lead's sentence ends (as coder_rules.LEAD)
# (a full stop before a lower-case word ends an abbreviation, not a sentence: около 4 тыс.
# военнослужащих, 30 km. north)
_SENTENCE = re.compile(r"[。！？!?\n]|\.(?:\s+(?![a-zа-яё])|$)")
SENTENCE_SPAN = 600  # characters searched either side of a name for its sentence's ends

# another time, said in words: an earlier event recalled (回顾, 曾向, Zhao recalled that, had
# signed, напомнил) ...
_RECALLED = Guarded(
    re.compile(
        # (not the sides reviewing at their meeting: 双方回顾了两国合作, the item's own talks)
        r"(?<!双方)(?<!各方)(?<!两国)(?<!共同)回顾|回忆|曾经|参加过|参与过|"
        r"曾(?:向|与|同|在|于|经|为|多次|先后|分别|协助|援助|提供|举行|签署|派)|"
        r"(?<![^\W\d_])(?:recalled|recalling|"
        r"had\s+(?:\w+ly\s+)?(?:been|signed|held|sent|handed|donated|given|provided|conducted|"
        r"hosted|agreed|joined|built|trained|supplied|delivered)|"
        r"напомнил\w*|напомним|в\s+св[оё]е\s+время)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "回顾",
    "回忆",
    "曾",
    "参加过",
    "参与过",
    "recall",
    "had",
    "напомн",
    "время",
)
# ... or the time before (此前, 去年, last year, previously, in recent years, ранее, в прошлом
# году), unless the sentence's state takes part or sends its forces now (as last year, Kyrgyz
# units took part; как и в прошлом году, участвовали) or it is the same day (earlier the same
# day, ранее в тот же день, 同日)
_BEFORE = re.compile(
    r"去年|前年|此前|先前|在此之前|上届|以往|早在|近年来|近些年|多年来|已[^，,。；;]{0,4}多年|"
    r"上个月|上月|上周|上星期|"
    r"(?:会见|会谈|会晤)前|"
    r"(?<![^\W\d_])(?:last\s+year|in\s+the\s+past|previously|previous\s+(?:rounds?|years?|"
    r"exercises?|editions?|meetings?|summits?)|earlier\s+(?:this|that|last)\s+"
    r"(?:year|month|decade)|in\s+recent\s+years|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?years|"
    r"for\s+(?:many\s+|several\s+)?years|before\s+the\s+(?:talks|meeting)|"
    r"last\s+(?:month|week|spring|summer|autumn|fall|winter)|"
    r"(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:weeks?|months?|years?)\s+ago|"
    r"на\s+прошлой\s+неделе|(?:\w+\s+)?(?:недел\w*|месяц\w*|год\w*|лет)\s+назад|"
    r"ранее|прежде|в\s+прошлом|прошлого\s+года|(?:уже\s+)?(?:много|несколько)\s+лет|"
    r"на\s+протяжении\s+(?:многих\s+)?лет|перед\s+(?:встречей|переговорами)|"
    r"в\s+последние\s+годы|за\s+последние\s+(?:\w+\s+)?(?:лет|года?)|предыдущ\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_SAME_DAY = Guarded(
    re.compile(
        r"同日|当天|当日|(?<![^\W\d_])(?:(?:earlier|later)\s+(?:on\s+)?(?:the\s+same\s+day|that\s+day|"
        r"\w+day)|в\s+(?:тот\s+же|этот)\s+день)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "同日",
    "当天",
    "当日",
    "earlier",
    "later",
    "день",
)
# another event to come, not this one (the next summit's host: 下届峰会, the next summit,
# следующий саммит), a framework's chair (支持乌方办好峰会, 轮值主席国, the SCO presidency,
# председательство), or partners one is ready to work with (愿同, ready to work with, готов
# сотрудничать с): what is to come, not who took part
_NEXT = Guarded(
    re.compile(
        r"办好|主席国|轮值主席|愿同|愿与|愿意同|愿意与|愿继续同|"
        r"(?<![^\W\d_])(?:(?:ready|willing)\s+to\s+(?:continue\s+to\s+)?work\s+with|"
        r"готов\w*\s+(?:и\s+)?(?:впредь\s+)?(?:работать|сотрудничать|взаимодействовать)\s+с)"
        r"(?![^\W\d_])|"
        r"(?<![^\W\d_])(?:chairmanship|presidency|председательств\w*)(?![^\W\d_])"
    ),
    "办好",
    "主席国",
    "轮值主席",
    "愿",
    "ready",
    "willing",
    "готов",
    "chairmanship",
    "presidency",
    "председательств",
)
# ... a chair to come (将, will, перейдет, примет): the next one
_FUTURE_CHAIR = re.compile(
    r"将|接任|(?<![^\W\d_])(?:will|shall|take\s+over|перейд\w*|переда\w*|прим(?:ет|ут)|буд\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_CHAIR = re.compile(r"主席国|轮值主席|chairmanship|presidency|председательств\w*", re.IGNORECASE)
# ... the next one (下届, the next summit, следующий саммит): another event for a framework too
_NEXT_EVENT = Guarded(
    re.compile(
        r"下届|下一届|下次|下一次|下一轮|下一任|下一期|下期|下周|下个月|"
        r"(?<![^\W\d_])(?:next\s+(?:year['’]s\s+)?(?:summit|meeting|session|round|exercise|edition|"
        r"course|week|month)|"
        r"следующ\w+\s+(?:\w+\s+)?(?:саммит|заседани|встреч|раунд|учени|курс|недел|месяц))",
        re.IGNORECASE,
    ),
    "下届",
    "下一",
    "下次",
    "下期",
    "下周",
    "下个月",
    "next",
    "следующ",
)
# a state said not to take part (not a member, was not represented, did not take part, could not
# travel, не являющиеся членами, не участвовал, 未参加, 非成员国), or said to cooperate with the
# actor apart from this event (also cooperates with, сотрудничает также с, 还同…合作), or
# expected later (is expected in Beijing later this year, is planned for the autumn,
# ожидается, 预计): not this event's participants
_NOT_HERE = Guarded(
    re.compile(
        r"非成员|未参加|未出席|未能(?:出席|参加|与会)|缺席|没有参加|不是.{0,12}成员|预计|拟于|计划于|"
        r"还同|还与|尚未|禁止|"
        r"(?<![^\W\d_])(?:not\s+(?:a\s+)?members?|is\s+not\s+a\s+member|was\s+not\s+represented|"
        r"were\s+not\s+represented|did\s+not\s+(?:take\s+part|attend|participate|come|comment)|"
        r"could\s+not\s+(?:travel|attend|come)|never\s+been\s+part|also\s+(?:cooperates?|works?)\s+with|"
        r"(?:was|were)\s+unable\s+to|unable\s+to\s+(?:attend|travel|come)|skipped|stayed\s+away|"
        r"(?:was|were)\s+absent|"
        r"(?:is|are)\s+expected|later\s+this\s+(?:year|month)|(?:is|are)\s+planned|planned\s+for|"
        r"не\s+являющ\w*|не\s+являются|не\s+участвовал\w*|не\s+принимал\w*|"
        r"не\s+был\w*\s+представлен\w*|представлен\w*\s+не\s+был\w*|участия\s+не\s+приня?\w*|"
        r"сотруднича\w*\s+также|также\s+сотруднича\w*|ожида\w*ся|"
        r"запланирован\w*|планиру\w*|(?:plans?|planning)\s+to|not\s+yet|declined|"
        r"barred|banned|prohibited|forbidden|не\s+мо(?:жет|гут)|запрещ\w*|"
        r"не\s+принял\w*|не\s+смог\w*|не\s+приехал\w*|не\s+прибыл\w*|отсутствовал\w*|"
        r"пока\s+не|ещ[её]\s+не)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "非成员",
    "未参加",
    "未出席",
    "未能",
    "缺席",
    "没有参加",
    "不是",
    "预计",
    "拟于",
    "计划于",
    "还同",
    "还与",
    "尚未",
    "禁止",
    "not",
    "never",
    "also",
    "expected",
    "later",
    "plan",
    "не",
    "сотруднича",
    "ожида",
    "запланирован",
    "планиру",
    "declined",
    "unable",
    "skipped",
    "stayed",
    "absent",
    "отсутствовал",
    "barred",
    "banned",
    "prohibited",
    "forbidden",
    "запрещ",
)
# ... or said to send no one (未派代表, did not send a delegation, делегацию не направила), or
# named as a tour's next stop, still to come (will continue its trip to Bishkek, продолжит визит в,
# 随后将前往): not this event's participants either
_NOT_SENT_OR_NEXT = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:(?:did|has|have|had)\s+not\s+sen[dt]|не\s+направ(?:ил|ля)\w*|"
        r"не\s+присла\w*|will\s+(?:then\s+)?(?:continue\s+(?:its|his|her|their)\s+"
        r"(?:trip|visit|tour|journey)|(?:proceed|travel|head|fly)\s+(?:on\s+)?to)|"
        r"продолжит\s+(?:\w+\s+)?(?:визит|поездку|турне)|(?:отправится|направится|вылетит)\s+в)"
        r"(?![^\W\d_])|未派|没有派|并非.{0,12}成员|将(?:继续)?(?:前往|转赴|赴)",
        re.IGNORECASE,
    ),
    "未派",
    "没有派",
    "并非",
    "将前往",
    "将转赴",
    "将赴",
    "将继续",
    "not sen",
    "направ",
    "присла",
    "will continue",
    "will proceed",
    "will travel",
    "will head",
    "will fly",
    "will then",
    "продолжит",
    "отправится",
    "направится",
    "вылетит",
)
# ... or one more event still to be held, no one said to take part in it (今年还将举办哈萨克斯坦
# 警官研修班; will also host a course for Kyrgyz officers; также проведут учения с Таджикистаном):
# another event than the item's, which may itself be one to come (will host the committee's
# meeting: no "also"); the states named after the word are what it is held for, not its sides
# (``background_sentences``; nineteenth round, issue 13, tune7)
_TO_HOLD = Guarded(
    re.compile(
        r"[还也另]将(?:于[^，,。；;]{0,12})?(?:举办|举行|开办|开设)|"
        r"(?<![^\W\d_])(?:will\s+also\s+(?:hold|host|organi[sz]e|stage|conduct|run)|"
        r"также\s+(?:проведут|проведет|проведёт|организует|организуют)|"
        r"(?:проведут|проведет|проведёт|организует|организуют)\s+также)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "将",
    "also",
    "также",
)
# ... or said not to take part in some other way (nineteenth round, issue 13, test20): not a
# member (Туркмения в ШОС не входит), not invited (未在邀请之列, was not invited), unable to send
# anyone (未能派员), not taking part now (не участвует), its taking part put off to a later time (участие перенесено на следующий
# год, postponed until next year, 推迟至明年), no presence there (found no firm present in
# Uzbekistan, 没有…的身影, нет присутствия): a state named so is no side of this event
_NOT_TAKING_PART = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:not\s+(?:among\s+(?:those\s+)?)?invited|found\s+no\s|"
        r"no\s+(?:[\w-]+\s+){0,6}?(?:presence|present)|"
        r"(?:postponed|deferred|put\s+off)\s+(?:to|until|till)\s+(?:next|the\s+following|a\s+later)|"
        r"не\s+вход(?:и|я)\w*|не\s+участву\w*|не\s+(?:был[аио]?\s+)?приглаш\w*|не\s+присутству\w*|"
        r"нет\s+(?:\w+\s+){0,4}?присутстви\w*|"
        r"перенес\w*\s+на\s+(?:следующ|будущ|друг|более\s+поздн)\w*|отложен\w*\s+(?:на|до)\s)|"
        r"未能(?:选)?派|没能派|未在邀请之列|未(?:受|获|被)邀|没有受邀|没有[^，,。；;]{0,12}?身影|"
        r"推迟(?:至|到)|延期至|"
        # (few or no contacts with it: С Туркменистаном военных контактов немного, few military
        # contacts with Turkmenistan, 同土库曼斯坦军事往来不多; twentieth round, issue 13, test20)
        r"(?<![^\W\d_])(?:(?:few|little|no|hardly\s+any)\s+(?:[\w-]+\s+){0,2}?contacts?|"
        r"контакт\w*\s+(?:[^\W\d_]+\s+)?(?:немного|мало|нет|почти\s+нет)|"
        r"(?:нет|мало|немного)\s+(?:[^\W\d_]+\s+)?контакт\w*)(?![^\W\d_])|"
        r"(?:接触|往来|交往)(?:不多|很少|较少)",
        re.IGNORECASE,
    ),
    "contact",
    "контакт",
    "接触",
    "往来",
    "交往",
    "not",
    "found no",
    "presen",
    "postpon",
    "deferred",
    "put off",
    "не",
    "нет",
    "перенес",
    "отлож",
    "未能",
    "没能",
    "未在",
    "未受",
    "未获",
    "未被",
    "没有",
    "推迟",
    "延期",
)
# another event like this one (similar assistance to Kyrgyzstan, аналогичные переговоры пройдут в
# Ташкенте, 提供类似援助): not this event's participants
_SIMILAR = Guarded(
    re.compile(
        r"类似|同类|相似|同样的(?:援助|活动|演习|会谈|磋商)|"
        r"(?<![^\W\d_])(?:similar|comparable|аналогичн\w*|подобн\w*|похож\w*)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "类似",
    "同类",
    "相似",
    "同样的",
    "similar",
    "comparable",
    "аналогичн",
    "подобн",
    "похож",
)
# another state set against the item's (Uzbekistan, by contrast, has kept...; unlike Kyrgyzstan;
# в отличие от Казахстана; 相比之下): a comparison, not a side, unless someone takes part in it
_CONTRAST = re.compile(
    r"相比之下|与此不同|与之不同|不同于|"
    r"(?<![^\W\d_])(?:by\s+contrast|in\s+contrast|unlike|whereas|is\s+not\s+unique|"
    r"в\s+отличие\s+от|в\s+то\s+время\s+как|тогда\s+как)(?![^\W\d_])",
    re.IGNORECASE,
)
# English pages (twentieth round, coder64): a state's conduct measured against the subject's,
# with no act of its own (Kyrgyzstan has been more hesitant; in Kazakhstan, Chinese firms remain
# limited to consulting; comparable activity is reported in Tajikistan; by contrast, unlike,
# whereas): a comparison, not a side, unless someone takes part in the sentence
_MEASURED_EN = re.compile(
    r"(?<![^\W\d_])(?:by\s+contrast|in\s+contrast|unlike|whereas|comparable|"
    r"(?:has|have|had)\s+been\s+(?:(?:much|far|even)\s+)?(?:more|less)\s+[^\W\d_]+|"
    r"(?:remains?|remained|stays?|stayed)\s+(?:(?:largely|mostly)\s+)?"
    r"(?:limited|confined|restricted)\s+to)(?![^\W\d_])|"
    # (Russian and Chinese pages, coder69: был более осторожен, ведёт себя осторожнее,
    # по-прежнему ограничиваются консультациями; 则更为谨慎, 仍仅限于咨询)
    r"(?<![^\W\d_])(?:(?:был[аио]?|оказал\w*|оста[её]тся|остава\w+)\s+(?:(?:гораздо|намного|"
    r"значительно|ещё|еще)\s+)?(?:более|менее)\s+[^\W\d_]+|"
    r"(?:осторожнее|сдержаннее|осмотрительнее)|"
    r"(?:по-прежнему|пока|лишь|всё\s+ещё|все\s+еще)\s+ограничива\w+|"
    r"ограничива\w+\s+(?:лишь|только))(?![^\W\d_])|"
    r"(?:更为|更加|较为|相对)(?:谨慎|保守|审慎|犹豫|迟疑)|仍(?:仅|只)?限于|(?:仍|只|仅)局限于",
    re.IGNORECASE,
)


def measured_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The English sentence around ``position`` measures a state against the subject
    (``_MEASURED_EN``) and no one in it takes part or sends forces."""
    lo, hi = _sentence(text, position, start, end)
    return _MEASURED_EN.search(text, lo, hi) is not None and not (
        _takes_part(text, lo, hi) or _SENT.search(text, lo, hi)
    )


# the same done by others as well, at no time of this event: a perfect with "also" or "too"
# (The PAP has also held exercises with Uzbekistan; In Tajikistan, too, Chinese firms have
# expanded; 哈萨克斯坦也已采购): another instance like the item's event, not its side (unless a
# state takes part or sends forces in the sentence: Kyrgyzstan has also sent troops to the drill)
_ALSO = re.compile(
    r"也已|亦已|也都已|同样已|(?<![^\W\d_])(?:also|too|as\s+well)(?![^\W\d_])", re.IGNORECASE
)
_PERFECT = re.compile(
    r"也已|亦已|也都已|同样已|(?<![^\W\d_])(?:has|have)\s+(?:also\s+|long\s+|already\s+)?"
    r"(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ght|ld|nt|ne|un|ot)(?![^\W\d_])|"
    # (a project "also Chinese-built", также построенный: a done thing's participle)
    r"(?<![^\W\d_])also\s+(?:[^\W\d_]+-)?(?:built|funded|financed|supplied|installed|donated)"
    r"(?![^\W\d_])|(?<![^\W\d_])также\s+(?:построенн|профинансированн|поставленн)\w*",
    re.IGNORECASE,
)
# ... unless it speaks of this event by name (has also arrived for the talks, 也已抵达参加此次
# 会谈): then it is this event's
_THIS_ONE = re.compile(
    r"此次|本次|这次|该次|(?<![^\W\d_])(?:the\s+(?:talks|meeting|exercise|drills?|visit|summit|"
    r"conference|forum|patrol|operation|ceremony|session)|этих|этой|этом|этого|данн\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# the geography of a state (Kyrgyzstan borders China, Kazakhstan...; 与中国、吉尔吉斯斯坦接壤;
# граничит с): where it lies, not who acts, in a sentence that reports no event
_GEOGRAPHY = re.compile(
    r"接壤|毗邻|交界|相邻|(?<![^\W\d_])(?:[Bb]orders\s+(?:on\s+)?(?:the\s+)?[A-Z]|"
    # (neighbours, is adjacent to, соседствует с)
    r"(?i:adjacent\s+to|neighbou?rs\s+(?:the\s+)?[A-Z]|соседству\w*\s+со?)|"
    r"(?i:borders\s+with|(?:border|frontier)\s+facing)|"
    r"(?i:borders\s+(?:\w+\s+){0,2}(?:countries|states|nations)\b)|"
    r"(?i:bordering|shares?\s+(?:a\s+|its\s+|the\s+)?(?:[\w,-]+\s+){0,3}?borders?\s+with|"
    # where the border with a state runs (где проходит граница с Казахстаном; where the border
    # with Kyrgyzstan runs)
    r"where\s+(?:the|its)\s+(?:state\s+)?(?:border|frontier)s?\s+with|"
    r"(?:border|frontier)s?\s+with\s+(?:[\w,-]+\s+){1,6}?(?:runs?|passes|lies)|"
    r"проход(?:ит|ят)\s+(?:государственн\w+\s+)?границ\w*\s+с|"
    r"граничит|граничащ\w*|(?:имеет|имеют)\s+общую\s+границу))"
)
# a membership (成员国, founding members of, члены ШОС): who belongs, not who acts, when the
# sentence reports no event and no one taking part
_MEMBERSHIP = re.compile(
    r"成员国|创始成员|(?<![^\W\d_])(?:входит\s+в|входят\s+в|belongs?\s+to|members?\s+of|founding\s+members?|member\s+(?:states|"
    r"countries)|членами|член\w*\s+(?:ШОС|ОДКБ|СВМДА|организаци)|государств\w*[\s–-]+член|"
    r"государства-члены)(?![^\W\d_])",
    re.IGNORECASE,
)
# a comment on the event by someone who is not said to take part (Kyrgyz Foreign Minister told
# reporters that the mechanism was a positive step; 对记者表示; прокомментировал)
_COMMENT = Guarded(
    re.compile(
        r"对(?:记者|媒体)(?:表示|称|说)|向媒体|答记者问|接受[^。，,]{0,16}采访|评论|置评|予以积极评价|"
        r"表示欢迎|"  # (welcomed it: a word on the event, as welcomed, приветствовал)
        r"(?<![^\W\d_])(?:told\s+(?:reporters|journalists|the\s+press|media)|commented|"
        r"in\s+a\s+comment|in\s+an\s+interview|welcomed|"
        r"(?:заявил|сообщил|сказал)\w*\s+журналист\w*|прокомментировал\w*|в\s+комментарии|"
        r"в\s+интервью|приветствовал\w*)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "记者",
    "媒体",
    "采访",
    "评论",
    "置评",
    "评价",
    "表示欢迎",
    "told",
    "comment",
    "interview",
    "welcomed",
    "журналист",
    "коммент",
    "интервью",
    "приветствовал",
)
# greetings or congratulations sent (致贺电, sent a message of greetings to the participants,
# направил приветствие участникам): a word to the event from outside it, whoever it is
# addressed to (its participants are the addressees, not the sender)
_GREETINGS = Guarded(
    re.compile(
        r"致贺电|致贺信|发来贺电|发来贺信|致电祝贺|致信祝贺|"
        r"(?<![^\W\d_])(?:sent\s+(?:a\s+)?(?:message\s+of\s+)?(?:greetings|congratulations)|"
        r"sent\s+(?:a\s+)?congratulatory|"
        r"направил\w*\s+(?:\w+\s+)?(?:приветстви|поздравлени|поздравительн)\w*)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "贺电",
    "贺信",
    "祝贺",
    "greetings",
    "congratulat",
    "направил",
)
# ... or by an analyst or an expert, who speaks for no state (the region named in a quote)
_ANALYST = Guarded(
    re.compile(
        r"专家|学者|分析人士|研究员|教授|智库|"
        r"(?<![^\W\d_])(?:analysts?|experts?|researchers?|scholars?|professors?|commentators?|"
        r"think[- ]tanks?|аналитик\w*|эксперт\w*|политолог\w*|исследовател\w*|профессор\w*)"
        r"(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "专家",
    "学者",
    "分析人士",
    "研究员",
    "教授",
    "智库",
    "analyst",
    "expert",
    "researcher",
    "scholar",
    "professor",
    "commentator",
    "think",
    "аналитик",
    "эксперт",
    "политолог",
    "исследовател",
    "профессор",
)
_SAYS = re.compile(
    r"认为|指出|表示|说|称|据|[“\"«]|(?<![^\W\d_])(?:said|says|told|noted|believes?|according\s+to|"
    r"notes?|points?\s+out|считает|считают|отметил\w*|отмеча\w*|полага\w*|заявил\w*|сказал\w*|"
    r"по\s+словам|по\s+мнению|по\s+данным|по\s+оценк\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_TAKING_PART = Guarded(
    re.compile(
        r"出席|参加|参与|与会|参演|attend|particip|t(?:ook|akes?|aken|aking) part|represented|"
        # (присутствие: a presence, not attending; участок, на участках границы: a stretch of
        # land, not taking part)
        r"участ(?!о?к)|присутствова|представлял\w*|"
        # (competing in a contest: Teams from ... competed, 参赛国家, соревновались)
        r"参赛|(?<![^\W\d_])(?:competed|competitors|соревновал\w*|состязал\w*)",
        re.IGNORECASE,
    ),
    "参赛",
    "competed",
    "competitors",
    "соревновал",
    "состязал",
    "出席",
    "参加",
    "参与",
    "与会",
    "参演",
    "attend",
    "particip",
    "part",
    "represented",
    "участ",
    "присутствова",
    "представлял",
)
# ... not when negated (не участвует, did not take part, 未参加)
_NEGATED = re.compile(r"(?:未|没有|不|(?<![^\W\d_])(?:не|not|never|no longer))\s*$", re.IGNORECASE)


# ... nor taking part in an organisation named by its acronym, which is membership (Узбекистан
# участвует только в ШОС, participates in the CSTO, and...)
_IN_ORGANISATION = re.compile(
    r"[^\W\d_]*\s+(?:only\s+|только\s+)?(?:in|в|во)\s+(?:the\s+)?[A-ZА-ЯЁ]{2,6}"
    r"(?=\s*(?:[,.;)]|$|(?:and|и|а|but|while|тогда)(?![^\W\d_])))"
)


def _takes_part(text: str, lo: int, hi: int) -> bool:
    """A word of taking part in text[lo:hi] that is not negated nor membership."""
    return any(
        not _NEGATED.search(text, max(lo, m.start() - 12), m.start())
        and not _IN_ORGANISATION.match(text, m.end(), hi)
        for m in _TAKING_PART.finditer(text, lo, hi)
    )


def takes_part(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] has a word of taking part (not negated, not membership) or of sending forces
    or joining (``_SENT``)."""
    return _takes_part(text, lo, hi) or bool(_SENT.search(text, lo, hi))


# a state sending its forces or joining now (Kyrgyzstan, which first joined in 2019, sent 200
# troops): the sentence's earlier year does not make it another time
# (or forces drawn into the event: К учению привлечены военнослужащие из ...; the drill
# involved 2,000 troops from ...; 出动兵力: the states they come from take part)
_SENT = re.compile(
    r"派出|派遣|派员|出动|(?<![^\W\d_])(?:sent|sends|dispatched|joined|направил\w*|направлен\w*|"
    r"присоединил\w*|привлечен\w*|привлечён\w*|привлека\w*|задействова\w*|задейству\w*|"
    r"involv(?:ed|es|ing)\s+(?:(?:some|about|around|over|nearly|more\s+than)\s+)?"
    r"(?:\d|troops|servicemen|soldiers|forces|units|personnel|contingents))(?![^\W\d_])",
    re.IGNORECASE,
)
# a question asking whether something is so (有消息称，吉乌也有意举行类似演习，是否属实？; is it
# true that...?; правда ли): what it names is asked about, not reported, even in the lead
_ASKS = re.compile(
    r"是否|属实|会不会|有没有|是不是|(?<![^\W\d_])(?:whether|is\s+it\s+true|ли)(?![^\W\d_])",
    re.IGNORECASE,
)
_QUESTION_END = re.compile(r"[？?]")
# quotation marks: an analyst's quote is background in all its sentences
_OPENING = "“«「『"
_CLOSING = "”»」』"
QUOTE_SPAN = 800  # characters searched back and forth for a quote's marks
# a state named as a place (in Kazakhstan, в Казахстане, 在哈萨克斯坦) in a sentence that reports
# no event and no one taking part: where something is, not who acts
_PLACE_BEFORE = re.compile(
    r"(?:在|(?<![^\W\d_])(?:in|at)\s+(?:the\s+)?|(?<![^\W\d_])(?:в|во)\s+)$", re.IGNORECASE
)
# a year written out (2019年, in 2019, 2019 году); a period up to now (since 2019, 2019年以来,
# с 2019 года) is not another time
# (no digit before it, checked after its first two digits: a pattern opening with a lookbehind is
# tried at every position, one opening with 19|20 only where those digits are)
_YEAR = re.compile(r"((?:19|20)(?<!\d(?:19|20))\d\d)(?!\d)")
_SINCE = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*年?(?:以来|来)|(?<![^\W\d_])(?:since|с)\s+(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)


_Answer = TypeVar("_Answer")


class _LastText(Generic[_Answer]):
    """Answers about the last text asked of, by key (a new text forgets the old one's): the
    rules ask for an item's lead a dozen times, and for its note once per passage."""

    def __init__(self) -> None:
        self._state: tuple[str, dict[object, _Answer]] = ("", {})

    def answers(self, text: str) -> dict[object, _Answer]:
        known, answers = self._state
        if known is not text:
            answers = {}
            self._state = (text, answers)
        return answers


_LEAD_ENDS: _LastText[int] = _LastText()
_LEAD_STARTS: _LastText[int] = _LastText()

# A page's furniture above its title: the site's name (masthead), its menu (Politics | Economy |
# Society; Главная · Новости · Мнения) or breadcrumb (首页 > 新闻 > 正文; Home > World), and under
# them a rubric, a date line or a second menu, before the title. Read structurally: a menu is
# MENU_FIELDS or more short labels split by one kind of bar, or a breadcrumb's arrow chain, with
# no sentence end and no date or time in it (a byline, Kun.uz | 18:05 / 22.04.2026 | Politics,
# names this page, not the site's sections); the masthead is the short line above it.
FURNITURE_TOP = 2  # lines above a menu that may be the site's name and tagline
MASTHEAD = 70  # characters: a longer line above a menu is text, not a site's name
MENU_LABEL = 40  # characters: the longest label of a menu or breadcrumb
MENU_FIELDS = 3  # labels of a menu at the item's top
SOURCE_RUBRIC = 24  # characters: the longest field of a source | rubric line above the title
SITE_MENU = 4  # labels of a menu under a line that may be the site's name
RUBRIC = 12  # characters: a rubric under the menu (ECONOMY, В мире); a title is longer
RUBRIC_CJK = 4  # characters: a Chinese rubric (国际, 社评); a Chinese title is longer
_MENU_SPLIT = re.compile(r"\s*(?:\||\s[•·/]\s|\s[›»]\s|[>＞]|\t)\s*")
_ARROW = re.compile(r"\s[›»]\s|[>＞]")
_DATE_OR_TIME = re.compile(r"\d{4}|\d[:.]\d\d|\d{1,2}\s+[^\W\d_]{3,}\s+\d")
_WORD = re.compile(r"[^\W\d_]+")
DATE_WORDS = 3  # words in a date line (Updated: 12 March 2026, 15:20 UTC)
_NON_SPACE = re.compile(r"\S")
_INNER_SENTENCE_END = re.compile(r"[。！？]|[.!?]\s")
_DATE_CHARACTERS = str.maketrans("年月日时分秒", "      ")


def _menu(line: str, top: bool) -> bool:
    """``line`` is a site's menu or breadcrumb (``top``: above the title, at the item's start;
    else under another menu, where two labels or a rubric with its date are enough)."""
    if not line or line.endswith(("。", "！", "？", ".", "!", "?", ":", "：")):
        return False
    fields = [f for f in _MENU_SPLIT.split(line) if f]
    if len(fields) < 2 or any(len(f) > MENU_LABEL and not _submenu(f) for f in fields):
        return False
    if not top:
        return True
    if _DATE_OR_TIME.search(line):
        return False
    return len(fields) >= MENU_FIELDS or _ARROW.search(line) is not None


# a menu's label that opens a list of its own (Regions: Kazakhstan Kyrgyzstan Tajikistan; Страны:
# Казахстан Киргизия; 地区：哈萨克斯坦 吉尔吉斯斯坦): a short label, a colon, then short words with
# no sentence's punctuation
_SUBMENU = re.compile(r"[^\W\d_][^:：,，.。]{0,20}[:：]\s*(?:[^\W\d_][\w'’-]{0,24}\s*){2,12}")


def _submenu(field: str) -> bool:
    """``field`` (a menu's field longer than a label) is a label with its own list of short
    entries (Regions: Kazakhstan Kyrgyzstan Tajikistan Turkmenistan Uzbekistan)."""
    return _SUBMENU.fullmatch(field) is not None


def _rubric(line: str, labels: set[str]) -> bool:
    """A rubric or a date line under the menu: one of the menu's own ``labels`` (MILITARY &
    DEFENSE under … | Military & Defense | …), a label of one or two words (ECONOMY; В мире;
    国际), or a date with no sentence (2026/11/05; Updated: 12 March 2026, 15:20)."""
    if not line or line.endswith(("。", "！", "？", ".", "!", "?")):
        return False
    if line.casefold() in labels:
        return True
    if len(line) <= (RUBRIC_CJK if line[0] >= "\u2e80" else RUBRIC) and line.count(" ") <= 1:
        return True
    if len(line) > MENU_LABEL or _DATE_OR_TIME.search(line) is None:
        return False
    words = _WORD.findall(line.translate(_DATE_CHARACTERS))
    return len(words) <= DATE_WORDS and all(w[0] < "\u2e80" for w in words)


def _site_menu(line: str) -> bool:
    """A menu under a line that may be the site's name: a breadcrumb, or SITE_MENU labels (a
    title's byline can read Source | Section | Rubric: three short fields)."""
    return _ARROW.search(line) is not None or len(_MENU_SPLIT.split(line)) >= SITE_MENU


def _source_rubric(line: str, below: str) -> bool:
    """A page's first ``line`` of two short fields split by a bar, the source and its rubric
    (Кабар | Общество, ASIA-PLUS | Безопасность), over a longer ``below`` line that is no
    sentence (the title): the page's furniture, not its title."""
    if line.count("|") != 1:  # (one bar: a quick no for nearly every first line)
        return False
    fields = [f for f in _MENU_SPLIT.split(line) if f]
    return (
        len(fields) == 2
        and all(len(f) <= SOURCE_RUBRIC for f in fields)
        and _DATE_OR_TIME.search(line) is None
        and not line.endswith(("。", "！", "？", ".", "!", "?", ":", "："))
        and len(below) > len(line)
        and not below.endswith(("。", "！", "？", ".", "!", "?"))
        and "|" not in below
    )


def _not_masthead(line: str) -> bool:
    """``line`` above a menu is no site's name: long, a sentence, a comma (a title's clauses:
    PLA stages drills near Tajik, Afghan borders) or a date (a title and its date line)."""
    return (
        len(line) > MASTHEAD
        or line.endswith(("。", "！", "？", ".", "!", "?"))
        or "," in line
        or "，" in line
        or _DATE_OR_TIME.search(line) is not None
    )


def lead_start(text: str, start: int, end: int) -> int:
    """Where the item starting at ``start`` (ending at ``end``) begins its lead: past the page's
    furniture above the title (``FURNITURE_TOP``, ``_menu``, ``_rubric``), or ``start``."""
    starts = _LEAD_STARTS.answers(text)
    begin = starts.get((start, end))
    if begin is None:
        begin = starts[start, end] = _lead_start(text, start, end)
    return begin


def _lines(text: str, at: int, end: int, count: int) -> list[tuple[str, int]]:
    """Up to ``count`` non-empty lines from ``at`` (each stripped, with the position after it)."""
    lines: list[tuple[str, int]] = []
    while len(lines) < count and at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        line = text[at:stop].strip()
        if line:
            lines.append((line, stop + 1))
        at = stop + 1
    return lines


def _lead_start(text: str, start: int, end: int) -> int:
    limit = min(end, start + 2 * LEAD)
    lines = _lines(text, start, limit, FURNITURE_TOP + 1)
    menu = next((i for i, (line, _) in enumerate(lines) if _menu(line, True)), -1)
    if menu < 0 and len(lines) > 1 and _source_rubric(lines[0][0], lines[1][0]):
        menu = 0
    if menu < 0 or (menu > 0 and not _site_menu(lines[menu][0])):
        return start
    if any(_not_masthead(line) for line, _ in lines[:menu]):
        return start
    at = lines[menu][1]
    labels = {f.casefold() for f in _MENU_SPLIT.split(lines[menu][0])}
    for line, after in _lines(text, at, min(end, at + LEAD), 2):
        if not (_menu(line, False) or _rubric(line, labels)):
            break
        at = after
    title = _NON_SPACE.search(text, at, end)
    if title is None:
        return start
    if menu > 0:  # under a masthead the title follows; under a title, its body (… РИА Новости.)
        stop = text.find("\n", title.start(), end)
        line = text[title.start() : end if stop < 0 else stop].rstrip()
        if _INNER_SENTENCE_END.search(line, 0, len(line) - 1):
            return start
    return title.start()


def lead_end(start: int, text: str) -> int:
    """Where the lead of the item starting at ``start`` ends: its first sentence, and under a
    title line the dateline's sentence too. A dateline written as a sentence of its own
    ("ASTANA, 14 October – Kazinform.", "Бишкек, 3 мая 2026 г."): short, with a date or a
    dash, it is the lead's opening and the sentence after it belongs to the lead."""
    ends = _LEAD_ENDS.answers(text)
    end = ends.get(start)
    if end is None:
        end = ends[start] = _lead_end(start, text)
    return end


def _lead_end(start: int, text: str) -> int:
    start = lead_start(text, start, len(text))
    stop = _FIRST_SENTENCE_END.search(text, start, start + LEAD)
    end = stop.end() if stop else start + LEAD
    if stop is not None and stop.group() == "\n":
        body = _LEAD_SENTENCE_END.search(text, end, end + LEAD)
        if body is not None and _dateline_piece(text, end, body):
            body = _LEAD_SENTENCE_END.search(text, body.end(), body.end() + LEAD) or body
        end = body.end() if body else end
    elif stop is not None and _dateline_piece(text, start, stop):
        after = _LEAD_SENTENCE_END.search(text, stop.end(), stop.end() + LEAD)
        end = after.end() if after else end
    return end


DATELINE_PIECE = 40  # characters: a shorter sentence with a date or a dash is a dateline
_DATELINE_MARK = re.compile(r"\d|\s[–—-]{1,2}\s")


def _dateline_piece(text: str, start: int, stop: re.Match[str]) -> bool:
    """The sentence from ``start`` to ``stop`` (a Latin full stop: Chinese datelines end in 电,
    and a short Chinese sentence with a date is a sentence) is a dateline: short, with a date
    or a dash in it."""
    piece = text[start : stop.start()].strip()
    return (
        stop.group().startswith(".")
        and 0 < len(piece) < DATELINE_PIECE
        and _DATELINE_MARK.search(piece) is not None
    )


_FOR_YEAR = re.compile(r"(?<![^\W\d_])(?:на|for)\s+$", re.IGNORECASE)


def event_year(text: str, start: int, end: int, reference: str | None) -> int | None:
    """The year of the item's event: the first year written in its lead (``start``, ``end``),
    else the year of ``reference`` (the publication date)."""
    # (else a year within LEAD characters: the lead may end early at an abbreviation, Sept.; not
    # a year a plan or a budget is for: план на 2023 год, the plan for 2023, 2023年度)
    # (... within the lead's paragraph: the next paragraph is another sentence's)
    paragraph = text.find("\n", end)
    reach = start + LEAD if paragraph < 0 else min(start + LEAD, paragraph)
    for stop in (end, max(end, reach)):
        for match in _YEAR.finditer(text, start, stop):
            if not _FOR_YEAR.search(text, max(0, match.start() - 4), match.start()) and not (
                text.startswith("年度", match.end())
            ):
                return int(match.group(1))
    if reference and reference[:4].isdigit():
        return int(reference[:4])
    return None


# a month in a date of the lead (Oct. 14, 14 октября, 10月14日, 14.10.2026)
_LEAD_MONTH = Guarded(
    re.compile(
        r"(?<![^\W\d_])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?!\d)|"
        r"(?<!\d)\d{1,2}\s+(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
        r"[а-я]*|(?<!\d)(\d{1,2})月\d{1,2}日|(?<!\d)\d{1,2}\.(\d{1,2})\.(?:19|20)\d\d",
        re.IGNORECASE,
    ),
    *EN_MONTH_STEMS,
    *RU_MONTH_STEMS,
    "月",
    ".19",
    ".20",
)
# another month of this year (in June this year, в июне текущего года, 今年6月)
_MONTH_THIS_YEAR = Guarded(
    re.compile(
        r"(?<![^\W\d_])in\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
        r"(?:of\s+)?this\s+year|"
        r"(?<![^\W\d_])в\s+(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|"
        r"декабр)[а-я]*\s+(?:этого|текущего|сего|нынешнего)\s+года|今年(\d{1,2})月",
        re.IGNORECASE,
    ),
    "this",
    "этого",
    "текущего",
    "сего",
    "нынешнего",
    "今年",
)

# a month of last year (в сентябре прошлого года, in September last year, last September, 去年9月):
# the sentence dates its own event to an earlier time, whoever takes part in it (с участием
# казахстанских военных), unless it compares (как и в сентябре прошлого года, as in...)
_MONTH_LAST_YEAR = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
        r"(?:of\s+)?last\s+year|last\s+(?:january|february|march|april|june|july|august|"
        r"september|october|november|december))(?![^\W\d_])|"
        r"(?<![^\W\d_])в\s+(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|"
        r"декабр)[а-я]*\s+(?:прошлого|минувшего|прошедшего)\s+года|"
        r"去年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月",
        re.IGNORECASE,
    ),
    "last",
    "прошлого",
    "минувшего",
    "прошедшего",
    "去年",
)
_AS_BEFORE = re.compile(
    r"(?:как\s+и|так\s+же\s+как|(?<![^\W\d_])(?:as|like))\s*$|与$|同$|和$|像$", re.IGNORECASE
)


def _dated_last_year(text: str, lo: int, hi: int) -> bool:
    """The sentence text[lo:hi] dates what it says to a month of last year, not as a comparison."""
    return any(
        not _AS_BEFORE.search(text, max(lo, m.start() - 16), m.start())
        for m in _MONTH_LAST_YEAR.finditer(text, lo, hi)
    )


def _month(match: re.Match[str]) -> int | None:
    word = next((g for g in match.groups() if g), None)
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    word = word.lower()
    months = EN_MONTH_STEMS if word.isascii() else RU_MONTH_STEMS
    return next((i for i, name in enumerate(months, start=1) if word.startswith(name)), None)


def event_month(text: str, start: int, end: int) -> int | None:
    """The month of the first date written in the item's lead (``start``, ``end``) in a sentence
    that speaks of an event (BEIJING, Oct. 14 (Xinhua) -- ... held talks), if any; not a
    byline's publication date (Независимая газета, 03.04.2026)."""
    stop = max(end, start + LEAD)
    for match in _LEAD_MONTH.finditer(text, start, stop):
        # its line: a dateline before the event's sentence, or a date standing alone
        line_start = text.rfind("\n", start, match.start()) + 1 or start
        line_end = text.find("\n", match.end(), stop)
        line_end = stop if line_end < 0 else line_end
        if not text[line_start:line_end].replace(match.group(), "").strip(" \t.,") or (
            _EVENT_WORD.search(text, line_start, line_end)
        ):
            return _month(match)
    return None


def _other_month(text: str, lo: int, hi: int, month: int | None) -> bool:
    """The sentence text[lo:hi] dates what it says to another month of this year than the
    event's (``month``): the SCO meeting held in Bishkek in June this year, beside talks in
    October."""
    if month is None:
        return False
    return any(
        (other := _month(m)) is not None and other != month
        for m in _MONTH_THIS_YEAR.finditer(text, lo, hi)
    )


# (the same names' sentences are asked for by many rules, and once per passage by the check of
# recalled meetings)
_SENTENCES: _LastText[tuple[int, int]] = _LastText()


def _sentence(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``position`` within ``start`` and ``end`` (remembered for the last
    text)."""
    spans = _SENTENCES.answers(text)
    key = (position, start, end)
    span = spans.get(key)
    if span is None:
        span = spans[key] = _read_sentence(text, position, start, end)
    return span


def _read_sentence(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    lo = _last_sentence_end(text, max(start, position - SENTENCE_SPAN), position)
    stop = _SENTENCE.search(text, position, min(end, position + SENTENCE_SPAN))
    return lo, (stop.end() if stop else min(end, position + SENTENCE_SPAN))


def _last_sentence_end(text: str, lo: int, position: int) -> int:
    """The end of the last match of ``_SENTENCE`` that ``_SENTENCE.finditer(text, lo,
    position)`` finds, or ``lo``: read from the right, with a C-speed ``rfind`` per stop, instead
    of every sentence's end from ``lo`` on (a match inside another, the newline of ".\\n", ends
    where the other does, so the last end is the largest end of any match)."""
    best = lo
    for stop in _STOPS:
        at = text.rfind(stop, best, position)
        if at >= 0:
            best = at + 1
    dot = text.rfind(".", lo, position)
    while dot >= 0:
        # ``\.(?:\s+(?![a-zа-яё])|$)`` at ``dot``: the whitespace after it, given back one by
        # one while a lower-case letter follows (the lookahead sees nothing at ``position``)
        after = dot + 1
        run = after
        while run < position and text[run].isspace():
            run += 1
        if run <= best:
            break  # (it ends by ``best``, and an earlier one's whitespace stops at this dot)
        if run == after:
            if after == position:
                return max(best, after)
        elif run == position or not _lower_letter(text[run]):
            return max(best, run)
        elif run - 1 > after:
            return max(best, run - 1)
        dot = text.rfind(".", lo, dot)
    return best


_STOPS = ("。", "！", "？", "!", "?", "\n")


def _lower_letter(char: str) -> bool:
    return "a" <= char <= "z" or "а" <= char <= "я" or char == "ё"


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Some position of the sorted ``positions`` in [lo, hi) (by bisection: a scan per sentence
    is quadratic on a long text)."""
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


# a sentence opening with an earlier time (Ранее в августе..., Earlier, 此前，, In 2019, В 2019 году,
# 2019年): it reports an earlier event, whoever took part in it
_LEADING_WORDS = re.compile(
    r"[\s\"“«'(]*(?:(?:а|и|and|but|also|кроме\s+того|另外|此外|而)[\s,，]+)?"
)
_YEAR_OPENING = re.compile(r"(?:(?:in|в|во)\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# an earlier time just before a word of taking part (ранее участвовали, previously took part,
# 此前参加): it was then that they took part
_BEFORE_TAKING_PART = re.compile(
    r"[\s,，]*(?:[^\W\d_]+\s+)??(?:" + _TAKING_PART.pattern.pattern + ")|"
    # (Chinese runs on in its clause: 近年来也通过“莫斯科模式”等机制参与)
    r"[^，,。；;！？!?\n\sA-Za-zА-Яа-яЁё]{0,24}?(?:出席|参加|参与|与会|参演)",
    re.IGNORECASE,
)


# English pages (twentieth round, coder64): an earlier time closing the sentence dates its verb
# (Officers from Kazakhstan attended separate courses earlier this year.), even a verb of taking
# part; not after "as" or "like" (Kazakhstan took part, as it did last year: now as then)
_EARLIER_CLOSING = re.compile(
    r"(?<![^\W\d_])(?:last\s+year|earlier\s+(?:this|that|last)\s+(?:year|month)|"
    r"last\s+(?:month|spring|summer|autumn|fall|winter)|previously|in\s+the\s+past|"
    r"(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:months?|years?)\s+ago)"
    r"\s*[.;!?]?\s*$",
    re.IGNORECASE,
)
_AS_BEFORE_EN = re.compile(r"(?<![^\W\d_])(?:as|like|than)(?![^\W\d_])[^,;]{0,40}$", re.IGNORECASE)


def _earlier_closing(text: str, lo: int, hi: int) -> bool:
    """The English sentence text[lo:hi] closes on an earlier time, not one compared with."""
    m = _EARLIER_CLOSING.search(text, max(lo, hi - 48), hi)
    return m is not None and not _AS_BEFORE_EN.search(text, max(lo, m.start() - 48), m.start())


# a sentence opening on "earlier" alone (Earlier, Kazakhstan bought drones from China; not
# earlier today, earlier on Monday, earlier the same day)
_EARLIER_OPENING = re.compile(
    r"earlier(?![^\W\d_])(?!\s+(?:today|tonight|on|in\s+the\s+day|this|that|the\s+same)"
    r"(?![^\W\d_]))",
    re.IGNORECASE,
)


def _earlier_opening(text: str, lo: int, hi: int, year: int | None) -> bool:
    start = _LEADING_WORDS.match(text, lo, hi)
    at = start.end() if start else lo
    before = _BEFORE.match(text, at, hi) or _EARLIER_OPENING.match(text, at, hi)
    if before is not None:
        return True
    opening_year = _YEAR_OPENING.match(text, at, hi)
    if opening_year is None or _SINCE.match(text, at, hi):
        return False
    if year is None:
        # an item whose lead writes no year and whose page gives no date reports this year's
        # event: a sentence opening with a year speaks of another, earlier or planned, unless
        # a state takes part or sends its forces in it (in 2026 Tajik guards joined too)
        return not _now(text, lo, hi)
    return int(opening_year.group(1)) < year


def _now(text: str, lo: int, hi: int) -> bool:
    """Someone takes part or sends forces in text[lo:hi]."""
    return takes_part(text, lo, hi)


def _another_event(text: str, lo: int, hi: int, year: int | None) -> bool:
    """The sentence text[lo:hi] speaks of another time or another event than the item's: one
    recalled, the next one, one like it, one expected, or only earlier times or years (not when
    a state takes part or sends forces now, nor on the same day, nor since a year)."""
    if (
        _RECALLED.search(text, lo, hi)
        or _NEXT_EVENT.search(text, lo, hi)
        or _SIMILAR.search(text, lo, hi)
        or _NOT_HERE.search(text, lo, hi)
        or _NOT_SENT_OR_NEXT.search(text, lo, hi)
        or _NOT_TAKING_PART.search(text, lo, hi)
    ):
        return True
    now = _now(text, lo, hi)
    if not now and (_CONTRAST.search(text, lo, hi) or _MEASURED_EN.search(text, lo, hi)):
        return True  # (Uzbekistan, by contrast, buys its equipment: a comparison)
    if (
        not now
        and _ALSO.search(text, lo, hi)
        and _PERFECT.search(text, lo, hi)
        and not _THIS_ONE.search(text, lo, hi)
    ):
        return True  # (has also held exercises with Uzbekistan: others' doing, no time of ours)
    if not _SAME_DAY.search(text, lo, hi) and (
        _earlier_opening(text, lo, hi, year)
        or _dated_last_year(text, lo, hi)
        or _earlier_closing(text, lo, hi)
        or any(
            not now or _BEFORE_TAKING_PART.match(text, m.end(), hi)
            for m in _BEFORE.finditer(text, lo, hi)
        )
    ):
        return True  # (ранее участвовали: took part before; как и в прошлом году, участвовали: now)
    if year is not None and not now:
        # (a year after "since" is a period up to now: Turkmenistan has had them since 2016)
        since = [m.span() for m in _SINCE.finditer(text, lo, hi)]
        years = [
            int(m.group(1))
            for m in _YEAR.finditer(text, lo, hi)
            if not any(a <= m.start() < b for a, b in since)
        ]
        if years and max(years) < year:
            return True  # only earlier years: an earlier event
    return False


# (the rules ask about the same sentence again and again: background_sentences is read for the
# item's partners, its focal state, its events and once per passage for recalled meetings)
_ANOTHER_EVENTS: _LastText[bool] = _LastText()


def _another_event_once(text: str, lo: int, hi: int, year: int | None) -> bool:
    """``_another_event``, each sentence's answer remembered for the last text."""
    answers = _ANOTHER_EVENTS.answers(text)
    key = (lo, hi, year)
    known = answers.get(key)
    if known is None:
        known = answers[key] = _another_event(text, lo, hi, year)
    return known


def another_time(
    text: str, position: int, start: int, end: int, year: int | None, start_of_item: int = 0
) -> bool:
    """The sentence around ``position`` (after the lead, which ends at ``start``, in the item
    from ``start_of_item`` to ``end``, whose event is of ``year``) speaks of another time or
    another event than the item's (``_another_event``: one recalled, to come, like it, done by
    others too, or only earlier years; or another month of this year than the lead's date)."""
    lo, hi = _sentence(text, position, start, end)
    if _another_event_once(text, lo, hi, year):
        return True
    return _other_month(text, lo, hi, event_month(text, start_of_item, start)) and not _now(
        text, lo, hi
    )


# a reception, a banquet or a dinner (liaison officers attended a reception on the sidelines; 出席
# 招待会; фуршет): a social occasion beside the event, not the event, when the sentence reports no
# event of a kind
_RECEPTION = Guarded(
    re.compile(
        r"招待会|宴会|晚宴|午宴|冷餐会|酒会|"
        r"(?<![^\W\d_])(?:receptions?|banquets?|dinners?|luncheons?|банкет\w*|ужин\w*|фуршет\w*|"
        r"при[её]м\w*\s+(?:в\s+честь|по\s+случаю))(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "招待会",
    "宴会",
    "晚宴",
    "午宴",
    "冷餐会",
    "酒会",
    "reception",
    "banquet",
    "dinner",
    "luncheon",
    "банкет",
    "ужин",
    "фуршет",
    "при",
)

RECEPTION_QUALIFIER = 40  # characters after a reception's word that say whose it is


def _is_background(text: str, lo: int, hi: int, year: int | None, events: list[int]) -> bool:
    if _another_event_once(text, lo, hi, year):
        return True
    following = _NEXT.search(text, lo, hi)
    if following is not None and not (
        # (the chair of the gathering the sentence says the states attend, or reports held,
        # presides over this one: 20余个成员国代表与会，会议由担任主席国的…代表主持, delegates
        # attended, chaired by; под председательством киргизской стороны прошло совещание)
        _CHAIR.fullmatch(following.group())
        and (_takes_part(text, lo, hi) or _any_in(events, lo, hi))
        and not _FUTURE_CHAIR.search(text, lo, hi)
    ):
        return True
    reception = _RECEPTION.search(text, lo, hi)
    if reception is not None and not (
        _any_in(events, lo, reception.start())
        or _any_in(events, reception.end() + RECEPTION_QUALIFIER, hi)
    ):
        return True  # (a reception on the sidelines of the talks: its own qualifier, no event)
    if _GEOGRAPHY.search(text, lo, hi) and not _any_in(events, lo, hi):
        return True
    if not _takes_part(text, lo, hi) and _COMMENT.search(text, lo, hi):
        return True
    if _GREETINGS.search(text, lo, hi):
        return True
    if _analyst_says(text, lo, hi):
        return True
    return (
        _MEMBERSHIP.search(text, lo, hi) is not None
        and not _any_in(events, lo, hi)
        and not _takes_part(text, lo, hi)
    )


_BACKGROUND_SENTENCES: _LastText[bool] = _LastText()


def _is_background_once(text: str, lo: int, hi: int, year: int | None, events: list[int]) -> bool:
    """``_is_background``, each sentence's answer remembered for the last text. The answer
    reads ``events`` only inside the sentence (``_any_in`` between ``lo`` and ``hi``), so the
    events there are part of the key: the callers pass different lists."""
    answers = _BACKGROUND_SENTENCES.answers(text)
    key = (
        lo,
        hi,
        year,
        tuple(events[bisect.bisect_left(events, lo) : bisect.bisect_left(events, hi)]),
    )
    known = answers.get(key)
    if known is None:
        known = answers[key] = _is_background(text, lo, hi, year, events)
    return known


# a reaction to what another state does (voiced concern, had "no concerns", не выражали
# беспокойства, 表示关切): a neighbour's word on the focal state's own act (``neighbour_sentence``)
_REACTION = re.compile(
    r"表示(?:严重|深切|高度)?(?:关切|担忧|关注)|(?<![^\W\d_])(?:(?:voiced|expressed|raised)\s+(?:\w+\s+)?concerns?|"
    r"(?:had|has|have)\s+[\"“«]?no\s+concerns?|not\s+(?:been\s+)?informed|"
    r"выража\w*\s+(?:беспокойств|обеспокоенност|озабоченност)\w*|"
    # (or no word at all: not available for comment, declined to comment, от комментариев
    # отказались; requests to it unanswered, остаются без ответа)
    r"(?:was|were)\s+not\s+available\s+for\s+comment|declined\s+to\s+comment|"
    r"отказал\w*\s+от\s+комментари\w*|от\s+комментари\w+\s+отказал\w*|"
    r"(?:went|go|goes|remain(?:s|ed)?|(?:have|has)\s+gone)\s+unanswered|"
    r"(?:оста\w*|был\w*)\s+без\s+ответа)(?![^\W\d_])|"
    r"拒绝置评|未予置评|未获回应|没有回应|未予回应",
    re.IGNORECASE,
)


def neighbour_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The sentence around ``position`` (in the item from ``start`` to ``end``) names a state as
    a neighbour: where it lies (Xinjiang borders eight countries, including...; граничит с) or
    how it reacts to what the focal state does at home (had "no concerns", не выражали
    беспокойства), with no one taking part. A partner state named only so does not take part
    in a focal state's own act even when no other partner state is named (``Found.neighbours``)."""
    lo, hi = _sentence(text, position, start, end)
    if _takes_part(text, lo, hi) or _SENT.search(text, lo, hi):
        return False
    return bool(
        _GEOGRAPHY.search(text, lo, hi)
        or _COMMENT.search(text, lo, hi)
        or _REACTION.search(text, lo, hi)
    )


# a clause's bounds around a name (its commas and sentence ends)
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:\n]|\.\s")
CLAUSE_REACH = 80  # characters searched either side of a name for its clause's bounds
NEIGHBOUR_AFTER = 8  # characters from a Chinese name to its 接壤 (与中国接壤)


def neighbour_named(text: str, hit: Hit) -> bool:
    """``hit`` names a state as a neighbour in its own clause: after a word of bordering
    (Central Asia borders Afghanistan and China; соседствует с Афганистаном и китайским
    Синьцзяном) or right before one (与中国接壤, 与新疆相邻), with no one acting together there
    (jointly guard the border with China): on the map, not a side, whatever else its sentence
    says."""
    lo = max(0, hit.start - CLAUSE_REACH)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, lo, hit.start)]
    lo = marks[-1] if marks else lo
    stop = _CLAUSE_MARK.search(text, hit.end, hit.end + CLAUSE_REACH)
    hi = stop.start() if stop else min(len(text), hit.end + CLAUSE_REACH)
    if _GEOGRAPHY.search(text, lo, hit.start) is None and (
        _GEOGRAPHY.search(text, hit.end, min(hi, hit.end + NEIGHBOUR_AFTER)) is None
    ):
        return False
    return _JOINTLY.search(text, lo, hi) is None


# acting together in a clause (联合, 共同, jointly, совместно)
_JOINTLY = re.compile(
    r"联合(?!国)|共同(?!体)|携手|(?<![^\W\d_])(?:joint|jointly|together|совместн\w*|сообща)(?![^\W\d_])",
    re.IGNORECASE,
)


def map_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The sentence around ``position`` says only who borders whom (Kazakhstan borders Russia
    and China; 与中国接壤; граничит с Китаем), with no one taking part or sending forces there: a
    state named in it is on the map, not a side (``neighbour_sentence`` also reads a comment or
    a reaction as a neighbour's)."""
    lo, hi = _sentence(text, position, start, end)
    return bool(_GEOGRAPHY.search(text, lo, hi)) and not (
        _takes_part(text, lo, hi) or _SENT.search(text, lo, hi)
    )


# an answer that opens by saying yes (答：是的, 属实, Yes, Да): what was asked is so
_AFFIRMED = re.compile(
    r"\s*(?:(?:答|A|Ответ)\s*[:：]\s*)?(?:是的|属实|确有此事|(?:Yes|Да|Верно)(?![^\W\d_]))",
    re.IGNORECASE,
)


def asked_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The sentence around ``position`` asks whether something is so (有消息称，吉乌也有意…，是否
    属实？; is it true that...?) and the answer does not open with a yes: a state named there is
    asked about, not reported."""
    lo, hi = _sentence(text, position, start, end)
    return _asked(text, lo, hi) and not _AFFIRMED.match(text, hi, min(end, hi + 40))


# "also" with another state (The Senate also ratified agreements with Kazakhstan on water; 还同
# 哈萨克斯坦; также с Казахстаном) or in another state (the firm also guards sites in Kazakhstan;
# также в Казахстане): the same actor's other act with or in another state
_ALSO_WITH = re.compile(
    r"(?<![^\W\d_])(?:also|также|тоже)(?![^\W\d_])[^.;!?\n]{0,80}?(?<![^\W\d_])(?:with|с|со|in|в|во)\s+"
    r"(?:the\s+)?(?:[^\W\d_]+\s+){0,2}$|(?:还|也)(?:同|与|和)[^，,。；;]{0,6}$",
    re.IGNORECASE,
)


def also_with(text: str, hit: Hit, start: int, end: int) -> bool:
    """``hit`` names a state after "also ... with" in its sentence (the same actor's other act
    with another state), and no one takes part or sends forces in that sentence."""
    lo, hi = _sentence(text, hit.start, start, end)
    return bool(_ALSO_WITH.search(text, lo, hit.start)) and not (
        _takes_part(text, lo, hi) or _SENT.search(text, lo, hi)
    )


# a sentence opening on another act of the day or before it (В тот же день, Ранее, Накануне,
# The same day, Earlier, 同日, 此前): the actor's next or previous business
_OTHER_ACT_OPENING = re.compile(
    r"(?:(?:ранее\s+|позднее\s+|также\s+)?(?:в\s+(?:тот|этот)\s+же\s+день|накануне|ранее|"
    r"позднее)|(?:earlier|later)(?:\s+(?:on\s+)?(?:the\s+same\s+day|that\s+day|in\s+the\s+day))?|"
    r"(?:on\s+)?the\s+same\s+day|the\s+day\s+before)(?![^\W\d_])|"
    r"同日|当天|当日|此前|前一天|次日",
    re.IGNORECASE,
)


def other_act_opening(text: str, lo: int, hi: int) -> bool:
    """The sentence text[lo:hi] opens on another act of the day or before it (see
    ``_OTHER_ACT_OPENING``), past a leading conjunction."""
    start = _LEADING_WORDS.match(text, lo, hi)
    at = start.end() if start else lo
    return _OTHER_ACT_OPENING.match(text, at, hi) is not None


# a state said to stay away (did not send a delegation, was not represented, 未派代表, не
# направила делегацию, не участвовал): a member of the framework that is no side of its meeting
_ABSENT = re.compile(
    r"未派|没有派|未能(?:选)?派|没能派|未参加|未出席|没有参加|缺席|(?<![^\W\d_])(?:(?:did|has|have|had)\s+not\s+"
    r"(?:send|sent|take\s+part|attend|participate)|(?:was|were)\s+not\s+represented|stayed\s+away|"
    r"не\s+направ(?:ил|ля)\w*|не\s+присла\w*|не\s+участвова\w*|не\s+принимал\w*\s+участи\w*|"
    r"не\s+принял\w*\s+участи\w*|не\s+был\w*\s+представлен\w*|представлен\w*\s+не\s+был\w*|"
    r"участия\s+не\s+приня?\w*|отсутствова\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def absent_side(text: str, hit: Hit, hits: Sequence[Hit], start: int, end: int) -> bool:
    """The state named by ``hit`` is said to stay away in its sentence (``_ABSENT`` after it,
    with no other state named between: Китай ... на встрече представлен не был; China did not
    send a delegation; 中国未派代表): no side of the event."""
    hi = _sentence(text, hit.start, start, end)[1]
    found = _ABSENT.search(text, hit.end, hi)
    if found is None:
        return False
    return not any(
        h.payload[0] in ("state", "listed", "example")
        and h.payload[1] != hit.payload[1]
        and hit.end <= h.start < found.start()
        for h in hits
    )


def absent_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The sentence around ``position`` says a state stayed away (``_ABSENT``)."""
    lo, hi = _sentence(text, position, start, end)
    return _ABSENT.search(text, lo, hi) is not None


# thanks (thanked China and the neighbours for their support, поблагодарил, 感谢), not "thanks to"
# (because of: благодаря, thanks to joint work)
_THANKS = Guarded(
    re.compile(
        r"感谢|致谢|(?<![^\W\d_])(?:thank(?:s|ed|ing)?(?!\s+to(?![^\W\d_]))|(?:expressed|"
        r"expresses|voiced)\s+(?:\w+\s+)?gratitude|(?:по)?благодари(?:л|ла|ли|т|м|ть)|"
        r"благодарн\w*|выразил\w*\s+(?:\w+\s+)?признательност\w*)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "感谢",
    "致谢",
    "thank",
    "gratitude",
    "благодар",
    "признательност",
)


def thanked(text: str, hit: Hit, start: int, end: int) -> bool:
    """``hit`` names a state after a word of thanks in its sentence (those thanked: named, not
    sides, whatever the thanks praise), and no one takes part or sends forces in that sentence;
    the one who thanks, named before the word, speaks."""
    lo, hi = _sentence(text, hit.start, start, end)
    return _THANKS.search(text, lo, hit.start) is not None and not (
        _takes_part(text, lo, hi) or _SENT.search(text, lo, hi)
    )


def reaction_sentence(text: str, position: int, start: int, end: int) -> bool:
    """The sentence around ``position`` reports a reaction (``_REACTION``) and no one taking
    part or sending forces."""
    lo, hi = _sentence(text, position, start, end)
    return bool(_REACTION.search(text, lo, hi)) and not (
        _takes_part(text, lo, hi) or _SENT.search(text, lo, hi)
    )


def _analyst_says(text: str, lo: int, hi: int, says_pattern: re.Pattern[str] = _SAYS) -> bool:
    """An analyst or an expert says something in text[lo:hi], and no one takes part before
    what is said (Experts note that the mechanism complements the formats in which China and
    the Central Asian states take part: what they say, not who took part; experts from
    Kazakhstan, who took part in the seminar, said...: they took part)."""
    analyst = _ANALYST.search(text, lo, hi)
    if analyst is None:
        return False
    says = says_pattern.search(text, lo, hi)
    if says is None:
        return False
    first_part = next(
        (
            m.start()
            for m in _TAKING_PART.finditer(text, lo, hi)
            if not _NEGATED.search(text, max(lo, m.start() - 12), m.start())
        ),
        None,
    )
    return first_part is None or says.start() < first_part


def _in_analyst_quote(text: str, position: int, start: int, end: int) -> bool:
    """``position`` is inside a quotation (“…”, «…», "…" in its paragraph) attributed to an
    analyst or an expert (named in the sentence before it opens or in the one where it
    closes)."""
    lo = max(start, position - QUOTE_SPAN)
    paragraph = text.rfind("\n", lo, position) + 1 or lo
    before = text[max(lo, paragraph) : position]
    opened = max(before.rfind(c) for c in _OPENING)
    closed = max(before.rfind(c) for c in _CLOSING)
    if opened > closed:
        open_at = max(lo, paragraph) + opened
        close = min(
            (
                i
                for i in (text.find(c, position, min(end, position + QUOTE_SPAN)) for c in _CLOSING)
                if i >= 0
            ),
            default=-1,
        )
    elif before.count('"') % 2 == 1:
        open_at = max(lo, paragraph) + before.rfind('"')
        close = text.find('"', position, min(end, position + QUOTE_SPAN))
    else:
        return False
    if close < 0:
        return False
    lo_said = _sentence(text, max(start, open_at - 1), start, end)[0] if open_at > start else start
    hi_said = _sentence(text, close, start, end)[1]
    return bool(_ANALYST.search(text, lo_said, hi_said))


# a verb of saying or thinking (not a quotation mark alone: 邀请专家授课 with a course's
# “title” is experts teaching, not commenting)
_VOICED = re.compile(
    r"认为|指出|表示|说|(?<![^\W\d_])(?:said|says|told|noted|notes|believes?|argues?|argued|"
    r"warns?|warned|according\s+to|points?\s+out|считает|считают|отметил\w*|отмеча\w*|"
    r"полага\w*|заявил\w*|сказал\w*|связыва\w*|по\s+словам|по\s+мнению)(?![^\W\d_])",
    re.IGNORECASE,
)
PARAGRAPH_SPAN = 1500  # characters searched back from a position for its paragraph's start


def analyst_passage(text: str, position: int, lead: int, end: int) -> bool:
    """``position`` (after the lead, which ends at ``lead``) lies in an analyst's or an
    expert's words: a sentence of its paragraph up to ``position``'s own says what an analyst
    thinks (``_analyst_says`` with a verb of saying: the rest of the paragraph goes on in the
    commentator's voice: 他说, По его словам, Song said). A commentator speaks for no side:
    what the commentator names (the threats of the region, the groups active near it) is not
    what the event's sides raised or did."""
    if position < lead:
        return False
    paragraph = _paragraph_start(text, position, lead)
    lo = paragraph
    while lo < position:
        s_lo, s_hi = _sentence(text, max(lo, paragraph), paragraph, end)
        s_lo = max(s_lo, lo)
        if _analyst_says(text, s_lo, s_hi, _VOICED):
            return True
        if s_hi <= lo:
            break
        lo = s_hi
    return False


def _paragraph_start(text: str, position: int, lead: int) -> int:
    """The start of ``position``'s paragraph, at most PARAGRAPH_SPAN characters back and not
    before ``lead`` (the search is bounded: a text of one line costs no more per position)."""
    lo = max(lead, position - PARAGRAPH_SPAN)
    return max(lo, text.rfind("\n", lo, position) + 1)


def analyst_voice(text: str, lead: int, end: int) -> Callable[[int], bool]:
    """``analyst_passage`` for many positions of one item: the analysts' sentences after the
    lead are found once (one scan for the analyst words, one sentence per word's sentence), then
    each position is a bisection into their starts."""
    starts: list[int] = []
    reach = lead
    for match in _ANALYST.finditer(text, lead, end):
        if match.start() < reach:
            continue  # (in the sentence just read)
        s_lo, s_hi = _sentence(text, match.start(), lead, end)
        reach = max(s_hi, match.end())
        if _analyst_says(text, s_lo, s_hi, _VOICED):
            starts.append(s_lo)

    def voiced(position: int) -> bool:
        if position < lead or not starts:
            return False
        i = bisect.bisect_right(starts, position)
        return i > 0 and starts[i - 1] >= _paragraph_start(text, position, lead)

    return voiced


# a paragraph headed as background (Справка., Background:, 背景：, 链接：): all it says is
# background, not the event; so is what follows a page's own furniture closing the article: its
# tags (Tags:, Теги:, 标签：), its editor (【责任编辑：…】) and a heading line of links to other
# articles (Related news:, Read also:, Читайте также:, По теме, 【相关新闻】, 相关阅读：): their
# titles are other events
_NOTE_HEADER = LinePattern(
    r"^[ \t]*(?:"
    r"(?:Справка|Справочно|Историческая\s+справка|Background|Fact\s*box|Factbox|背景(?:资料|链接)?|"
    r"链接|相关链接|Tags|Теги|Метки|标签|关键词|【\s*(?:责任)?编辑)[ \t]*[.:：]|"
    r"(?:(?:【[ \t]*)?(?:相关|延伸|推荐|更多|热点|热门|最新|精彩)(?:新闻|阅读|链接|信息|报道|文章|稿件|推荐|"
    r"专题)(?:[ \t]*】)?|猜你喜欢|"
    r"Related(?:\s+(?:news|articles?|stories|reading|content|links?|coverage|posts|topics))?|"
    r"Read\s+(?:also|more|next)|Also\s+read|See\s+also|"
    r"More\s+(?:on\s+this(?:\s+topic)?|news|stories|from\s+[^\n]{1,40})|"
    r"(?:Most\s+(?:read|popular|viewed)|Latest(?:\s+(?:news|stories))?|Top\s+stories|"
    r"Other\s+news|Recommended(?:\s+for\s+you)?|You\s+may\s+also\s+like|Trending(?:\s+now)?)|"
    r"Читайте\s+также|Смотрите\s+также|См\.\s+также|По\s+теме|(?:Также|Ещ[её])\s+по\s+теме|"
    r"(?:Похожие|Другие|Последние|Главные)\s+(?:новости|материалы|статьи)|"
    r"(?:Материалы|Новости)\s+по\s+теме|Самое\s+(?:читаемое|популярное)|Популярное|Рекомендуем|"
    # (a site's feed of its other items: Лента новостей, Другие новости раздела, News feed)
    r"Лента\s+(?:новостей|событий)|(?:(?:Другие|Последние|Все|Ещ[её])\s+)?новости\s+"
    r"(?:раздела|рубрики|партн[её]ров|дня)|News\s+feed|More\s+headlines|"
    r"(?:【[ \t]*纠错[ \t]*】[ \t]*)?【\s*(?:责任)?编辑[^\n】]*】)"
    r"[ \t]*[:：]?[ \t]*$)",
    re.IGNORECASE,
)


# ... or a heading of links whose headlines run on in its own line, quoted or between bars or
# dots (Other news: Bishkek to host SCO summit | Kyrgyzstan, Russia discuss...; Читайте
# также: В Кыргызстане ... · Узбекистан и Китай ...; Читайте также: «В
# Хатлоне задержаны...», «...»; Related: PLA's Tibet garrison tests... | China...)
_LINKS_INLINE = LinePattern(
    r"^[ \t]*(?:Related(?:\s+(?:news|articles?|stories|reading|coverage|posts))?|Read\s+also|"
    r"Also\s+read|See\s+also|Other\s+news|More\s+news|Latest(?:\s+news)?|"
    r"Читайте\s+также|Смотрите\s+также|См\.\s+также|(?:Также\s+)?по\s+теме|"
    r"(?:Новости|Материалы)\s+по\s+теме|(?:Похожие|Другие)\s+новости|"
    # (相关: bare, its headlines between bars: 相关：…行动 | 陕西与哈萨克斯坦签署…)
    r"【?[ \t]*(?:相关|延伸|推荐|更多)(?:新闻|阅读|链接|报道)?[ \t]*】?)"
    # (headlines between semicolons: Другие новости: Душанбе и Бишкек ...; Курс доллара ...)
    r"[ \t]*[:：][ \t]*(?=[«“\"《]|[^\n]*?(?:\s[|｜·•]\s|[^;；\n]{8,}[;；][ \t]*[^\W\d_]))",
    re.IGNORECASE,
)


# ... and a heading that only ever heads links (Читайте также:, Read also:, See also:, 相关阅读：;
# a site's most read: Популярное:, Most read:, 热门新闻：) whatever follows it in its line, one
# headline with no marks (Читайте также: Узбекистан и Китай подписали соглашения)
_LINKS_ONLY_INLINE = LinePattern(
    r"^[ \t]*(?:Read\s+also|Also\s+read|See\s+also|Related\s+(?:news|articles?|stories)|"
    r"Читайте\s+также|Смотрите\s+также|См\.\s+также|Читайте\s+по\s+теме|"
    r"Популярное|Самое\s+(?:читаемое|популярное)|Самые\s+(?:читаемые|популярные)|"
    r"Most\s+(?:read|popular|viewed)|"
    r"(?:Также|Ещ[её])\s+в\s+ленте|"
    r"【?[ \t]*(?:相关|延伸|推荐|热门)(?:新闻|阅读|链接|文章)[ \t]*】?)[ \t]*[:：][ \t]*\S",
    re.IGNORECASE,
)


# (each search runs to the item's end: asked once per passage, quadratic in a long item)
_NOTE_STARTS: _LastText[int] = _LastText()


def note_start(text: str, start: int, end: int) -> int:
    """Where the item's paragraphs of background begin (a line headed Справка., Background:,
    背景：), or where its page's tags, editor or list of links to other articles begin (Tags:,
    【责任编辑：…】, a line "Related news:", "Читайте также:", 【相关新闻】; a block of at least
    TAIL_LINES short lines with no sentence end closing the item), or ``end``."""
    starts = _NOTE_STARTS.answers(text)
    stop = starts.get((start, end))
    if stop is None:
        stop = starts[(start, end)] = _note_start(text, start, end)
    return stop


def _note_start(text: str, start: int, end: int) -> int:
    # (a heading before the end of the lead is the page's top, not its close: the article
    # follows it)
    lead = lead_end(start, text)
    match = _NOTE_HEADER.search(text, lead, end)
    stop = match.start() if match else end
    for pattern in (_LINKS_INLINE, _LINKS_ONLY_INLINE):
        inline = pattern.search(text, lead, stop)
        if inline is not None:
            stop = inline.start()
    # ... or a list of headlines with no heading, or one the patterns do not know (More on
    # Tajikistan:, Новости Сената:): its layout says what it is
    return min(stop, _headline_block(text, lead, end))


TAIL_LINES = 3  # short unpunctuated lines that close an item: a list of other items' headlines
TAIL_LINE = 100  # characters: the longest headline line
_HEADLINE_END = re.compile(r"[.。!?！？…»”\"）)；;:：]\s*$")


def _headline_block(text: str, lead: int, end: int) -> int:
    """Where a block of at least TAIL_LINES short lines closing the item (``end``) begins, each
    with no sentence end (no full stop, question mark, quote or colon closing it), after the
    item's lead: a list of other items' headlines at the page's foot, whatever heads it (or
    ``end``)."""
    position, lines, start = end, 0, end
    while position > lead:
        line_start = text.rfind("\n", lead, position) + 1
        if line_start <= lead:
            break
        line = text[line_start:position].strip()
        if line:
            if len(line) > TAIL_LINE or _HEADLINE_END.search(line):
                break
            lines += 1
            start = line_start
        position = line_start - 1
    return start if lines >= TAIL_LINES else end


# an event or its sides named without an indicator (the drill, the talks, 此次会谈, учения, the
# two sides, 双方): the sentence speaks of an event, perhaps the item's own; one official
# receiving or visiting another is one in every form of its verb (принял посла, принимает,
# посетил; received, visited; 接见, 拜会)
_EVENT_WORD = re.compile(
    r"演习|演练|会谈|会见|会晤|会面|接见|拜会|会议|访问|到访|峰会|磋商|巡逻|行动|培训|研讨|论坛|"
    r"仪式|签署|移交|交接|讨论|商谈|交换意见|通电话|举行|代表团|率团|率领|同意|主办|承办|东道主|"
    r"双方|两国|各方|"
    r"(?<![^\W\d_])(?:exercises?|drills?|talks|meetings?|visit\w*|summit|sessions?|consultations?|"
    r"patrols?|operations?|training|course|seminar|forum|ceremony|signed|signing|handed|"
    # (an exercise's verb, as 演练 is one: units of four states practised the rescue of ...)
    r"practi[cs](?:ed|ing)|rehears\w*|drilled|"
    r"discuss\w*|met|meet\w*|held|holds?|phone|call|delegations?|headed|led\s+by|side|agreed|"
    r"present|host\w*|receiv(?:ed|es|ing)|"
    r"both\s+sides|the\s+(?:two\s+)?sides|both\s+countries|the\s+two\s+countries|"
    r"учени\w*|встреч\w*|переговор\w*|визит\w*|саммит\w*|заседани\w*|консультаци\w*|"
    r"патрулир\w*|операци\w*|курс\w*|семинар\w*|форум\w*|церемони\w*|подписа\w*|передал\w*|"
    r"обсуд\w*|обсужда\w*|встрети\w*|встреча\w*|провел\w*|провод\w*|телефонн\w*|"
    r"делегаци\w*|возглав\w*|сторон\w*|договорил\w*|согласил\w*|принима\w*|принял\w*|"
    r"посети\w*|посеща\w*|вручи\w*|"
    r"передач\w*|обе\s+страны|двух\s+стран|отработа\w*|отрабатыва\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def _reports_nothing(text: str, lo: int, hi: int, events: list[int]) -> bool:
    """The sentence text[lo:hi] reports no event (no event-kind hit among the sorted ``events``,
    no word of one or of its sides: ``_EVENT_WORD``) and no one taking part or sending forces:
    a partner state named there after the lead is talked about (bought Chinese drones, a
    pipeline runs through it, 哈方关注该线路的影响), not a side of the item's event."""
    return (
        not _any_in(events, lo, hi)
        and not _takes_part(text, lo, hi)
        and not _SENT.search(text, lo, hi)
        and not _EVENT_WORD.search(text, lo, hi)
    )


def _asked(text: str, lo: int, hi: int) -> bool:
    return bool(_QUESTION_END.search(text, lo, hi)) and bool(_ASKS.search(text, lo, hi))


# a line of a list under an introducing line ending in a colon (Contingents were sent by:\n-
# Kazakhstan, 400 troops;\n- Kyrgyzstan, 250 troops; 参演兵力如下：\n• 哈萨克斯坦…): the line
# goes on with its introduction's sentence, which reports the event (nineteenth round, issue 13)
_BULLET = re.compile(r"[ \t]*(?:[-–•·*▪●]|\d{1,2}[.)、])[ \t]")
_LIST_LINES = 12  # lines of a list looked back over for its introduction
_LIST_REACH = 1500  # characters


def list_intro(text: str, lo: int, start: int) -> int | None:
    """The start of the line introducing the list whose bullet line holds ``lo`` (the line
    ending in a colon above the list's bullet lines, none of them longer than 300 characters),
    or None when that line is no bullet of such a list."""
    line = text.rfind("\n", start, lo + 1) + 1
    line = max(line, start)
    if not _BULLET.match(text, line):
        return None
    floor = max(start, lo - _LIST_REACH)
    for _ in range(_LIST_LINES):
        if line <= floor:
            return None
        end = line - 1  # the previous line's newline
        previous = max(text.rfind("\n", floor, end) + 1, floor)
        body = text[previous:end].rstrip()
        if not body:
            line = previous
            continue
        if _BULLET.match(text, previous):
            if len(body) > 300:
                return None
            line = previous
            continue
        return previous if body.endswith((":", "：")) else None
    return None


def _list_reports(text: str, span: tuple[int, int], start: int, events: list[int]) -> bool:
    """The sentence ``span`` is a bullet line of a list whose introducing line (``list_intro``)
    reports an event: the list names its sides."""
    intro = list_intro(text, span[0], start)
    return intro is not None and not _reports_nothing(text, intro, span[0], events)


def background_sentences(
    text: str,
    start: int,
    end: int,
    partner_hits: list[Hit],
    events: list[int],
    reference: str | None,
) -> list[tuple[int, int]]:
    """The sentences of background (see the module docstring) among those of ``partner_hits``
    (the names of partner states, their officials and institutions in the item from ``start``
    to ``end``) after the item's lead; ``events``: the starts of the event-kind hits, sorted (a
    membership sentence that reports an event is no background). Sorted, not overlapping."""
    lead = lead_end(start, text)
    if not partner_hits:
        return []
    year = event_year(text, start, lead, reference)
    month = event_month(text, start, lead)
    note = note_start(text, start, end)
    spans: list[tuple[int, int]] = [(note, end)] if note < end else []
    seen: set[tuple[int, int]] = set()
    for hit in partner_hits:
        if hit.start >= note:
            continue
        if hit.start < lead:
            # the lead names the event's sides, unless it asks whether something is so
            span = _sentence(text, hit.start, start, end)
            if span not in seen and _asked(text, *span):
                spans.append(span)
            seen.add(span)
            continue
        if talked_about(text, hit, lead) and not _with_side(text, hit, start):
            # the topic of a discussion or a gathering to come (就比什凯克峰会交换了意见, discussed
            # the situation in Kazakhstan), not a side (exchanged views with Kyrgyzstan)
            spans.append((hit.start, hit.end))
        elif _held_later(text, hit, max(start, lead), end):
            # what one more event to come is held for (the college will also host a course for
            # Tajik officers), not a side; those said to hold it (China and Kyrgyzstan will also
            # hold an exercise) are named before it and stay sides
            spans.append((hit.start, hit.end))
        span = _sentence(text, hit.start, max(start, lead), end)
        if span in seen:
            continue
        seen.add(span)
        if (
            _is_background_once(text, *span, year, events)
            or (_other_month(text, *span, month) and not _now(text, *span))
            or _asked(text, *span)
            or _in_analyst_quote(text, hit.start, start, end)
            or (
                events
                # a side named with a with-word (ready to cooperate with Tajikistan) is no topic
                and not _with_side(text, hit, start)
                and _reports_nothing(text, *_sentence(text, hit.start, start, end), events)
                and not _list_reports(text, span, start, events)
            )
        ):
            spans.append(span)
    return merged_spans(spans)


# (Chinese puts whom the event is for between "will also" and "hold": 还将为哈萨克斯坦执法官员
# 举办专题培训; twentieth round, issue 13, test22)
_TO_HOLD_FOR_HAN = re.compile(
    r"[还也另]将(?:于[^，,。；;]{0,12})?为[^，,。；;]{0,40}?(?:举办|举行|开办|开设)"
)


def _held_later(text: str, hit: Hit, start: int, end: int) -> bool:
    """A word of one more event still to be held (``_TO_HOLD``) between the start of ``hit``'s
    sentence and ``hit`` (or around ``hit``: 还将为…举办), and no one said to take part in the
    sentence."""
    lo, hi = _sentence(text, hit.start, start, end)
    if _TO_HOLD.search(text, lo, hit.start) is None and not any(
        m.start() < hit.start < m.end() for m in _TO_HOLD_FOR_HAN.finditer(text, lo, hi)
    ):
        return False
    return not takes_part(text, lo, hi)


_WITH = re.compile(r"同|与|跟|(?<![^\W\d_])(?:with|с|со)(?![^\W\d_])", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[，,。.;；:：!?！？\n]")


def _with_side(text: str, hit: Hit, start: int) -> bool:
    """A with-word (with, с, 同, 与) between the start of ``hit``'s clause and ``hit``: the state
    is a side the talks are held with (discussed border security with Kyrgyz Interior
    Minister...), not their topic."""
    lo = max(start, hit.start - CLAUSE_SPAN)
    for match in _CLAUSE_END.finditer(text, lo, hit.start):
        lo = match.end()
    return _WITH.search(text, lo, hit.start) is not None


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def idle_groups(
    text: str,
    start: int,
    end: int,
    group_hits: list[Hit],
    events: list[int],
    reference: str | None = None,
) -> set[int]:
    """The starts of the region's group names (中亚国家, the Central Asian countries, страны
    Центральной Азии) in ``group_hits`` that name no one taking part: after the item's lead, in
    a sentence that says no one takes part (习近平指出，中国和中亚国家是好邻居; the treaty will
    strengthen China's judicial cooperation with the Central Asian countries) or in a sentence
    of background (``background_sentences``), or in a title line that reports no event and no
    one taking part. Such a mention is the region talked about: beside a partner state taking
    part it brings no more participants. None in an item that reports no event at
    all: commentary is about the states whose engagement it discusses, the region's too."""
    if not events:
        return set()
    lead = lead_end(start, text)
    # a title line (中国与中亚国家执法安全合作不断深化 over a readout of one state's talks) is
    # the theme; it names those taking part only when it reports an event itself
    line = text.find("\n", start, lead)
    year = event_year(text, start, lead, reference)
    note = note_start(text, start, end)
    idle: set[int] = set()
    for hit in group_hits:
        if hit.start >= note:
            idle.add(hit.start)
            continue
        if line >= 0 and hit.start < line:
            lo, hi = start, line
        elif hit.start < lead:
            continue
        else:
            lo, hi = _sentence(text, hit.start, max(start, lead), end)
        if hit.start >= lead:
            # after the lead: the region talked about unless its sentence says someone takes
            # part (加强中国同中亚国家的司法合作 beside a treaty with one state)
            is_idle = not _takes_part(text, lo, hi) or _is_background_once(
                text, lo, hi, year, events
            )
        else:  # the title line: unless it reports an event or someone taking part
            is_idle = not _any_in(events, lo, hi) and not _takes_part(text, lo, hi)
        if is_idle:
            idle.add(hit.start)
    return idle


# a framework's gathering talked about, not held: discussed (就上海合作组织合作交换了意见, discussed
# preparations for the SCO summit, обсудили подготовку к саммиту ШОС) or to come (to be held in
# Dushanbe, 将于…举行, состоится): another event than the item's, whose members it does not bring
_DISCUSSED_BEFORE = Guarded(
    re.compile(
        r"(?:讨论|谈及|谈到|涉及|筹备|"
        r"(?<![^\W\d_])(?:discuss\w*|exchanged?\s+views\s+on|talked\s+about|touched\s+(?:up)?on|"
        r"preparations?\s+for|prepar\w+\s+for|ahead\s+of|on\s+the\s+eve\s+of|"
        # (a gathering looked forward to: expectations for the SCO summit, hopes for it)
        r"expectations?\s+(?:for|of|from)|hopes?\s+for|look(?:s|ing)?\s+forward\s+to|"
        # (the same in Russian and Chinese, coder69: ожидания от саммита, чего вы ждёте от,
        # надежды на; 对…有何期待, 期待…)
        r"ожидани\w*\s+от|жд[её]\w*\s+от|надежд\w*\s+на|надеет\w*\s+на|期待|期盼|寄予|"
        r"(?:announced|unveiled|pledged|made)\s+at|(?:объявлен\w*|объявил\w*|озвучен\w*)\s+на|"
        r"обсуд\w*|обсужд\w*|обменял\w*\s+мнениями|подготовк\w*\s+к|в\s+преддверии|накануне)"
        # (the clause runs on through a list's "including": preparations for the events to come,
        # including the SCO summit; подготовке к мероприятиям, в том числе к саммиту ШОС)
        r"(?![^\W\d_]))(?:[^.;。；，,]|[,，]\s*(?:в\s+том\s+числе|including|in\s+particular|"
        r"особенно|包括|特别是|尤其是)){0,60}$",
        re.IGNORECASE,
    ),
    "讨论",
    "谈及",
    "谈到",
    "涉及",
    "筹备",
    "discuss",
    "views",
    "talked",
    "touched",
    "prepar",
    "ahead",
    "eve",
    "expectation",
    "hope",
    "forward",
    "ожидани",
    "жде",
    "ждё",
    "надежд",
    "надеет",
    "期待",
    "期盼",
    "寄予",
    "announced",
    "unveiled",
    "pledged",
    "made",
    "объявлен",
    "объявил",
    "озвучен",
    "обсуд",
    "обсужд",
    "обменял",
    "подготовк",
    "преддверии",
    "накануне",
)
_ABOUT_HAN = re.compile(r"就[^，,。；;]{0,30}$")
_DISCUSSED_HAN = re.compile(r"^[^，,。；;]{0,40}?(?:交换|讨论|沟通|交流|探讨|磋商)")
_TO_COME_AFTER = re.compile(
    r"^[^.;。；]{0,60}?(?:将于|将在|即将|"
    r"(?<![^\W\d_])(?:to\s+be\s+held|will\s+be\s+held|(?:is|are)\s+scheduled|пройд[её]т|"
    r"состоится|будет\s+проходить)(?![^\W\d_]))",
    re.IGNORECASE,
)
CLAUSE_SPAN = 80  # characters searched either side of a framework's name for its clause


def framework_background(
    text: str, start: int, end: int, terms: list[Hit], reference: str | None
) -> list[tuple[int, int]]:
    """The sentences after the item's lead (from ``start`` to ``end``) where a framework named by
    one of ``terms`` belongs to another time or event (``_another_event``: 2019年上合组织演习,
    напомним, что саммит ШОС прошел; not a member of the SCO) or to a paragraph headed as
    background: its gathering is not the item's. Sorted, not overlapping."""
    lead = lead_end(start, text)
    year = event_year(text, start, lead, reference)
    note = note_start(text, start, end)
    spans: list[tuple[int, int]] = [(note, end)] if note < end else []
    seen: set[tuple[int, int]] = set()
    for hit in terms:
        if hit.start < lead or hit.start >= note:
            continue
        span = _sentence(text, hit.start, max(start, lead), end)
        if span not in seen:
            seen.add(span)
            if _another_event_once(text, *span, year):
                spans.append(span)
    return merged_spans(spans)


def talked_about(text: str, hit: Hit, lead: int) -> bool:
    """The framework named by ``hit`` is talked about, not meeting: the topic of a discussion
    (discussed, exchanged views on, 就…交换意见, обсудили) or, after the item's lead (which ends
    at ``lead``: an announcement's lead names its event to come), a gathering to come (to be
    held, 将于, состоится) in its clause."""
    before = max(0, hit.start - CLAUSE_SPAN)
    if _DISCUSSED_BEFORE.search(text, before, hit.start) or (
        hit.start >= lead and _TO_COME_AFTER.match(text[hit.end : hit.end + CLAUSE_SPAN])
    ):
        return True
    return bool(_ABOUT_HAN.search(text, before, hit.start)) and bool(
        _DISCUSSED_HAN.match(text[hit.end : hit.end + CLAUSE_SPAN])
    )
