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
  it with Uzbekistan): named to deny its part.

Such a mention is treated like an example (``coder_rules.collect``): the state takes part only
when no other partner state is named taking part, and commentary does not add it back
(``coder_rules.rule_commentary_states``). Every search is bounded by the mention's sentence (at
most ``SPAN`` characters either side): no rule looks at other mentions.
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
        _, end = _bounds(text, hit, _HAN_CLAUSE_STOP)
        return _GUEST_HAN_AFTER.match(text, hit.end, end) is not None
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
        _, end = _bounds(text, hit, _SENTENCE_STOP)
        return _LIKEWISE_HAN_AFTER.match(text, hit.end, end) is not None
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
    if "," in window or ";" in window or "." in window:
        window = re.split(r"[,;.]", window)[-1]
    return _NEVER_BEFORE.search(window) is not None


def bystander(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named as a guest, as holding the same view as well or as never
    dealt with: no side of the item's event."""
    return guest(text, hit) or likewise(text, hit) or never_with(text, hit)
