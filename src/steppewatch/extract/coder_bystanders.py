"""Partner states a Russian or Chinese page names beside an event without listing them as its
sides (issue 13, twenty-first round, branch coder72). A careful annotator lists a state when the
text shows it taking part; these three kinds of mention show the opposite, whatever the state's
name is near:

- a guest of the event, not a participant: officials invited to its opening ceremony
  (哈萨克斯坦驻乌鲁木齐总领馆官员应邀出席了开幕式), a minister speaking as the chair's guest
  (министр обороны Туркменистана как гость председательства выступил), or attending without a
  vote (列席);
- a state said to hold the same view as well (哈萨克斯坦等国也表达过类似立场; Казахстан также
  высказывал аналогичную позицию; Kazakhstan has also voiced a similar position): the yardstick
  of one side's stance, not a side;
- a state the focal state is said never to have dealt with on the matter (中方从未与乌兹别克斯坦
  讨论过此类问题; Китай никогда не обсуждал этот вопрос с Узбекистаном; China has never discussed
  it with Uzbekistan): named to deny its part;
- a state said not to take part (Китайская сторона в охране не участвует; 中方未参与; China is
  not involved): for the focal state too, whose mention then shows no engagement
  (``codebook_coder._focal_takes_part``);
- a state where business is still being negotiated (其在吉尔吉斯斯坦的业务仍在洽谈中; в
  Кыргызстане пока ведутся переговоры): a prospect.

Such a mention is treated like an example (``coder_rules.collect``): the state takes part only
when no other partner state is named taking part, and commentary does not add it back
(``coder_rules.rule_commentary_states``). Every search is bounded by the mention's sentence (at
most ``SPAN`` characters either side): no rule looks at other mentions.

``goods_origin`` (used by ``coder_entities.named_only``) reads a state named as where freight
comes from (поезда, следующие из Китая) or as a stop of a route's chain of names (по маршруту
Китай — Кыргызстан — Узбекистан): a place, like a border's side or a railway's stop.
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

SPAN = 240  # characters searched either side of a mention for its sentence's ends
NEAR = 48  # characters before a mention searched for the words that deny dealing with it

_SENTENCE_STOP = re.compile(r"[。！？!?\n]|(?<=[^\W\d_]{2})\.(?:\s|$)")
_HAN_CLAUSE_STOP = re.compile(r"[，,；;。！？!?\n]")


def _han(hit: Hit) -> bool:
    return "\u4e00" <= hit.term[:1] <= "\u9fff"


def _any_word(window: str, words: tuple[str, ...]) -> bool:
    """One of ``words`` (lower case) in ``window`` (lower-cased): the cheap test before a
    rule's pattern, which most mentions fail (a state named thousands of times costs a few
    substring tests each, not a regular expression's scan)."""
    return any(word in window for word in words)


_GUEST_WORDS = ("гост", "приглаш", "invited", "guest")
_LIKEWISE_WORDS = ("также", "тоже", "also", "too", "likewise", "similarly")
_NEVER_WORDS = ("никогда", "ни разу", "never")
_NOT_WORDS = ("не ", "not", "n't", "n’t", "never", "no part", "no role")
_NOT_YET_WORDS = ("пока", "ещ", "still", "only", "not yet")


def _bounds(text: str, hit: Hit, stops: re.Pattern[str]) -> tuple[int, int]:
    """The span of ``hit``'s sentence (or clause: ``stops``), at most SPAN characters either
    side of it."""
    lo = max(0, hit.start - SPAN)
    start = lo
    for stop_before in stops.finditer(text, lo, hit.start):
        start = stop_before.end()
    stop = stops.search(text, hit.end, hit.end + SPAN)
    return start, stop.start() if stop is not None else min(len(text), hit.end + SPAN)


# -- a guest -------------------------------------------------------------------------------

# Chinese: the state's clause goes on to its people being invited to a ceremony (应邀出席开幕式,
# 应邀参加闭幕仪式), or to attend without a vote (列席)
_GUEST_HAN_AFTER = re.compile(
    r"[^，,；;。！？!?\n]{0,40}?(?:应邀(?:出席|参加|观看|前来)[^，,；;。！？!?\n]{0,12}?"
    r"(?:开幕式|闭幕式|仪式|招待会|酒会|典礼)|列席)"
)
# Russian: as a guest (как гость, на правах гостя, в статусе гостя), the chair's guest (гость
# председательства), invited to a ceremony (приглашены на церемонию открытия); English: invited
# to the opening ceremony, the presidency's guest
_GUEST = re.compile(
    r"(?<![^\W\d_])(?:(?:как|на\s+правах|в\s+статусе)\s+(?:поч[её]тн\w+\s+|специальн\w+\s+|"
    r"приглаш[её]нн\w+\s+)?гост\w*|гост(?:ь|я|ем|и|ей|ям)\s+(?:от\s+)?председател\w*|"
    r"приглаш[её]н\w*\s+(?:на|для\s+участия\s+в)\s+(?:торжественн\w+\s+)?церемони\w*|"
    r"invited\s+to\s+(?:attend\s+|observe\s+|watch\s+)?the\s+(?:opening|closing)\s+ceremon\w*|"
    r"guests?\s+of\s+the\s+(?:presidency|chairmanship))(?![^\W\d_])",
    re.IGNORECASE,
)
# ... unless the sentence has the state take part (как гость выступил, но и принял участие)
_TOOK_PART = re.compile(
    r"(?<![^\W\d_])(?:took\s+part|take\s+part|participat\w*|участвова\w*|"
    r"принял\w*\s+участие)(?![^\W\d_])",
    re.IGNORECASE,
)


def guest(text: str, hit: Hit) -> bool:
    """The state of ``hit`` comes to the event as a guest (see the module's docstring)."""
    if _han(hit):
        after = text[hit.end : hit.end + 64]
        if "应邀" not in after and "列席" not in after:
            return False
        _, end = _bounds(text, hit, _HAN_CLAUSE_STOP)
        return _GUEST_HAN_AFTER.match(text, hit.end, end) is not None
    if not _any_word(text[max(0, hit.start - SPAN) : hit.end + SPAN].lower(), _GUEST_WORDS):
        return False
    lo, hi = _bounds(text, hit, _SENTENCE_STOP)
    return _GUEST.search(text, lo, hi) is not None and _TOOK_PART.search(text, lo, hi) is None


# -- the same view as well -------------------------------------------------------------------

_LIKEWISE_HAN_AFTER = re.compile(
    r"[^。！？!?\n]{0,30}?(?:也|亦|同样|都)[^。！？!?\n]{0,12}?(?:类似|相同|同样|一致|相近|相似)"
    r"的?(?:立场|态度|看法|观点|主张|表态)"
)
_LIKEWISE_AFTER = re.compile(
    r"[^.!?\n]{0,60}?(?<![^\W\d_])(?:(?:также|тоже)(?![^\W\d_])[^.!?\n]{0,40}?"
    r"(?<![^\W\d_])(?:аналогичн\w*|схож\w*|подобн\w*|такую\s+же|ту\s+же)\s+"
    r"(?:позици|точк|мнени|оценк|взгляд)\w*|"
    r"(?:also|too|likewise|similarly)(?![^\W\d_])[^.!?\n]{0,40}?(?<![^\W\d_])"
    r"(?:similar|the\s+same|identical)\s+(?:positions?|stances?|views?))(?![^\W\d_])",
    re.IGNORECASE,
)


def likewise(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is said to hold a similar view as well (see the module's
    docstring): its sentence goes on from its name to "also ... a similar position"."""
    if _han(hit):
        after = text[hit.end : hit.end + 64]
        if "也" not in after and "亦" not in after and "同样" not in after and "都" not in after:
            return False
        _, end = _bounds(text, hit, _SENTENCE_STOP)
        return _LIKEWISE_HAN_AFTER.match(text, hit.end, end) is not None
    if not _any_word(text[hit.end : hit.end + 120].lower(), _LIKEWISE_WORDS):
        return False
    _, hi = _bounds(text, hit, _SENTENCE_STOP)
    return _LIKEWISE_AFTER.match(text, hit.end, hi) is not None


# -- never dealt with --------------------------------------------------------------------------

_NEVER_HAN_BEFORE = re.compile(
    r"(?:从未|从来没有?|从没有?|未曾|不曾|并未|并没有)(?:同|与|和|跟|向)$"
)
_NEVER_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:никогда\s+не|ни\s+разу\s+не)\s+(?:[^\W\d_]+\s+){1,4}?(?:с|со)\s+$|"
    r"(?<![^\W\d_])never\s+(?:[^\W\d_]+\s+){1,4}?with\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def never_with(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is one the subject never dealt with (see the module's docstring):
    "never ... with" right before its name, in one clause."""
    if _han(hit):
        return _NEVER_HAN_BEFORE.search(text, max(0, hit.start - 8), hit.start) is not None
    window = text[max(0, hit.start - NEAR) : hit.start]
    if not _any_word(window.lower(), _NEVER_WORDS):
        return False
    if "," in window or ";" in window or "." in window:
        window = re.split(r"[,;.]", window)[-1]
    return _NEVER_BEFORE.search(window) is not None


# -- where goods come from ----------------------------------------------------------------------

# the origin of trade goods or freight trains (контейнерные поезда, следующие из Китая; грузы из
# Китая; goods imported from China; 来自中国的货物, 从中国进口的商品): where cargo comes from,
# not a side of what is done to it (guarding it, seizing it). Not equipment or aid (техника из
# Китая handed over is the giver's act).
_GOODS_FROM_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:поезд|состав|груз|контейнер|товар|импорт|продукци|фур)\w*"
    r"(?:,?\s+[^\W\d_]+){0,2}?\s+из\s+$|"
    r"(?<![^\W\d_])(?:trains?|cargo(?:es)?|goods|containers?|shipments?|imports?|freight|"
    r"consignments?)(?:\s+[^\W\d_]+){0,2}?\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GOODS_FROM_HAN = re.compile(r"(?:来自|从|自)$")
_GOODS_HAN_AFTER = re.compile(
    r"(?:进口|运来|发出|开出|出发)?的?(?:货物|商品|集装箱|货运列车|货运班列|货车|进口商品)"
)


# a stop of a route given as a chain of names after the word route (по маршруту Китай — Кыргызстан
# — Узбекистан, on the China-Kyrgyzstan-Uzbekistan route; 中国—吉尔吉斯斯坦—乌兹别克斯坦线路):
# where the route runs, no side (``coder_entities`` reads railways, roads and corridors so)
_ROUTE_WORD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:маршрут\w*|route|itinerary)\s+[«\"“]?\s*(?:[^\W\d_]+\s*[-–—]\s*)*$",
    re.IGNORECASE,
)
_ROUTE_HAN_AFTER = re.compile(r"(?:[-–—－][\u4e00-\u9fff]{1,8}){1,3}(?:线路|路线|运输线|通道)")
_ROUTE_WORDS = ("маршрут", "route", "itinerary")
_DASH_AFTER = re.compile(r"\s*[-–—]\s*[^\W\d_]")
_DASH_BEFORE = re.compile(r"[-–—]\s*$")


def goods_origin(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named as where goods or freight come from (see
    ``_GOODS_FROM_BEFORE``), or as a stop of a route's chain of names."""
    before = text[max(0, hit.start - NEAR) : hit.start]
    lowered = before.lower()
    if (
        _any_word(lowered, _ROUTE_WORDS)
        and _ROUTE_WORD_BEFORE.search(before)
        and (_DASH_BEFORE.search(before) or _DASH_AFTER.match(text, hit.end, hit.end + 8))
    ):
        return True
    if _han(hit):
        if _ROUTE_HAN_AFTER.match(text, hit.end, hit.end + 40):
            return True
        return (
            _GOODS_FROM_HAN.search(text, max(0, hit.start - 2), hit.start) is not None
            and _GOODS_HAN_AFTER.match(text, hit.end, hit.end + 12) is not None
        )
    if " из " not in lowered and "from" not in lowered:
        return False
    return _GOODS_FROM_BEFORE.search(before) is not None


# -- said not to take part ------------------------------------------------------------------------

# the name's clause goes on to deny that its state takes part (Китайская сторона в охране не
# участвует; 中方未参与此次行动; China is not involved in the escort, takes no part)
_NOT_TAKING_PART_HAN_AFTER = re.compile(
    r"[^，,；;。！？!?\n]{0,12}?(?:并未|并不|从未|没有|未|不)(?:参与|参加|介入|参演|派员)"
)
_NOT_TAKING_PART_AFTER = re.compile(
    r"[^.;!?\n]{0,40}?(?:(?<![^\W\d_])не\s+(?:участву\w*|участвовал\w*|принима\w*\s+участи\w*|"
    r"принял\w*\s+участи\w*|задейств\w*|привлека\w*)|"
    r"(?<![^\W\d_])(?:(?:is|was|are|were|did|does|do|has|have|had|will)\s+not|"
    r"(?:is|was|are|were|did|does|do|has|have|had)n['’]t|never)\s+(?:be\s+|been\s+)?"
    r"(?:take\s+part|taking\s+part|took\s+part|participat\w*|involved)|"
    r"(?<![^\W\d_])(?:takes?|took)\s+no\s+part|(?<![^\W\d_])plays?\s+no\s+(?:role|part))"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


def said_not_to_take_part(text: str, hit: Hit) -> bool:
    """The clause of ``hit`` goes on from its name to say its state does not take part (see
    ``_NOT_TAKING_PART_AFTER``)."""
    if _han(hit):
        return _NOT_TAKING_PART_HAN_AFTER.match(text, hit.end, hit.end + 24) is not None
    if not _any_word(text[hit.end : hit.end + 120].lower(), _NOT_WORDS):
        return False
    return _NOT_TAKING_PART_AFTER.match(text, hit.end, hit.end + 120) is not None


# -- not yet --------------------------------------------------------------------------------------

# the name's clause goes on to say that business there is still being negotiated or has not
# begun (其在吉尔吉斯斯坦的业务仍在洽谈中; в Кыргызстане пока ведутся переговоры; its business
# in Kyrgyzstan is still under negotiation): a prospect, not where anything is done
_NOT_YET_HAN_AFTER = re.compile(
    r"[^，,；;。！？!?\n]{0,16}?(?:(?:仍|尚|还|正)(?:在|处于)(?:洽谈|商谈|谈判)|"
    r"尚未(?:开展|开始|启动|进入|落地|运营|开业))"
)
_NOT_YET_AFTER = re.compile(
    r"[^.;!?\n]{0,60}?(?:(?<![^\W\d_])(?:пока|ещ[её])\s+(?:только\s+)?(?:на\s+стадии\s+"
    r"переговоров|обсужда\w*|ведутся\s+переговоры|не\s+(?:работа\w*|действу\w*|начал\w*))|"
    r"(?<![^\W\d_])(?:still|only)\s+(?:in\s+talks|under\s+negotiation|being\s+negotiated)|"
    r"(?<![^\W\d_])not\s+yet\s+(?:operat\w*|active|present|begun|started))(?![^\W\d_])",
    re.IGNORECASE,
)


def not_yet(text: str, hit: Hit) -> bool:
    """The clause of ``hit`` goes on from its name to say business there is still negotiated
    or has not begun (see ``_NOT_YET_AFTER``)."""
    if _han(hit):
        return _NOT_YET_HAN_AFTER.match(text, hit.end, hit.end + 32) is not None
    if not _any_word(text[hit.end : hit.end + 120].lower(), _NOT_YET_WORDS):
        return False
    return _NOT_YET_AFTER.match(text, hit.end, hit.end + 120) is not None


def bystander(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named as a guest, as holding the same view as well, as never
    dealt with, as not taking part or as a prospect not yet begun: no side of the item's
    event."""
    return (
        guest(text, hit)
        or likewise(text, hit)
        or never_with(text, hit)
        or said_not_to_take_part(text, hit)
        or not_yet(text, hit)
    )
