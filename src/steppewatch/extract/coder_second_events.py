"""Several events per item: when a second event mention is an event of its own (twenty-second round).

An item often reports several events: a meeting and the joint operation whose results its sides
reported, a training course and the equipment handed over with it. ``coder_rules.rule_kinds``
decides the main kind and then reads the other kinds' mentions as second events (its
``SECOND_EVENTS`` table names the kinds a main kind may take as second events, and each pair
has its filters). This module holds the twenty-second round's tests of a second mention, all
kept here so the multi-event change is in one place:

- ``operation_done``: a joint operation or patrol reported as done in its own sentence (the two
  police forces conducted a joint operation and detained 46 suspects; в результате проведенной
  совместной операции задержаны; 双方联合开展专项行动，抓获犯罪嫌疑人; the patrol ended), not
  one a plan, programme or protocol provides for (signed a plan of cooperation that provides for
  joint operations; утвердили план совместных операций; 商定了联合行动方案), nor the sides'
  practice or a review with no act (the sides run joint operations; 总结了联合行动成果). Before,
  only an operation the lead named with the meeting was a second event of a meeting.
- ``incident_taught``: a private security firm's story takes the attack or clash at its site as
  a second event, not what its guards are trained for (the programme includes action in an
  attack).
- ``PARTICIPANTS_ACTING``: the participants or delegations as the ones acting (Участники
  подвели итоги) anchor a second event's paragraph, as the two sides do.
- ``training_mentions``: training told by a verb and its trainees' number, which the codebook's
  indicators miss (China will train 2,000 law-enforcement personnel; готова подготовить 1500
  сотрудников; will invite 100 officials for training): a training_education mention for a
  second event only (``PHRASE_MARK``, as ``coder_phrases``' verb-object mentions); the pledge
  rules of ``coder_rules.rule_kinds`` (a number of trainees, a pledge in a speech) decide.
- ``meeting_pledges``: a meeting's training pledge with its size told in a sentence outside the
  passages scored as security (he said China will train 2,000 law enforcement personnel for
  member states; 中方将为各国培训2000名执法人员): the pledge is made at the meeting, a second
  event, though its sentence names no partner state.
- ``exercise_dated`` and ``exercise_type``: an exercise a meeting's item reports held or set on
  stated days (the ministers agreed the exercise will be held from 15 to 25 September; учения,
  прошедшие 28-30 октября; 11月1日至3日举行了联合反恐演练) is a second event of the meeting (gold
  guide: an announced event with a date is an event), not one proposed, called for, in a plan
  or talked of; its kind is read from its own sentence's sides, not the meeting's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from steppewatch.extract.coder_phrases import PHRASE_MARK
from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

# a verb reporting the operation done or what it achieved (conducted, detained, seized; провели,
# проведенной, задержаны, изъято; 开展了, 圆满结束, 抓获, 破获): the sentence reports an act
_OPERATION_DONE = re.compile(
    r"开展了|联合开展|实施了|进行了|圆满结束|顺利结束|完成了|破获|侦破|抓获|捣毁|缴获|"
    r"(?<![^\W\d_])(?:conducted|carried\s+out|completed|concluded|wrapped\s+up|patrolled|"
    r"detained|arrested|seized|dismantled|busted|"
    r"провел[аи]?|проведен[аоы]?|проведенн\w+|проведённ\w+|осуществил[аи]?|осуществлен\w*|"
    r"завершил\w*|завершен\w*|задержан\w*|задержал[аи]?|изъят\w*|изъял[аи]?|пресечен\w*|"
    r"пресекл[аи]?|ликвидирован\w*|раскрыт[аоы]?|раскрыл[аи]?)(?![^\W\d_])",
    re.IGNORECASE,
)
# a document that sets out future work, or what it includes, before the operation's word in its
# sentence (a plan of cooperation that provides for joint operations; программа совместных
# операций; 联合行动方案): the operation is the document's content, no act of the page
_DOCUMENT_CONTENT = re.compile(
    r"计划|方案|规划|纪要|议定书|备忘录|协议|协定|"
    r"(?<![^\W\d_])(?:plans?|programmes?|programs?|protocols?|agreements?|memorandum|"
    r"provides?\s+for|providing\s+for|envisag\w*|including|"
    r"план\w*|программ\w*|протокол\w*|соглашени\w*|меморандум\w*|предусматр\w*|включая)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


def operation_done(text: str, hit: Hit, lo: int, hi: int) -> bool:
    """``hit`` (a joint operation or patrol word) in the sentence ``text[lo:hi]`` reports an
    operation done: a verb of its conduct or results in the sentence (``_OPERATION_DONE``) and no
    plan, programme or protocol whose content it is before it (``_DOCUMENT_CONTENT``)."""
    return (
        _OPERATION_DONE.search(text, lo, hi) is not None
        and _DOCUMENT_CONTENT.search(text, lo, hit.start) is None
    )


# the event's participants or delegations as the ones acting (Участники подвели итоги; делегации
# обсудили; the delegations reviewed; 与会代表): a paragraph about the item's event, like one
# naming the two sides (for a second event only: ``coder_rules.assign_codes``' anchored
# paragraphs, which also take the multilateral sides, шести стран, 各方)
PARTICIPANTS_ACTING = re.compile(
    r"与会代表|与会人员|各代表团|"
    r"(?<![^\W\d_])(?:(?:участники|делегации)\s+[^\W\d_]+ли|"
    r"the\s+(?:participants|delegations)\s+[^\W\d_]+ed)(?![^\W\d_])",
    re.IGNORECASE,
)


# what guards are taught or a programme covers, before an incident's word in its sentence (the
# programme includes action in an attack; trains local guards in handling mass incidents;
# 培训内容包括处置突发事件): a skill, no incident of the page
_TAUGHT = re.compile(
    r"培训|训练|课程|(?<![^\W\d_])(?:trains?|training|taught|teach\w*|courses?|curriculum|"
    r"brochure|программ\w*|обуч\w*|готовят|подготовк\w*|курс\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def incident_taught(text: str, hit: Hit, lo: int) -> bool:
    """``hit`` (an incident word, its sentence starting at ``lo``) names what a training or a
    programme covers (``_TAUGHT`` before it in the sentence): no incident the page reports."""
    return _TAUGHT.search(text, lo, hit.start) is not None


TRAINING = ("event_kind", "training_education")
# a verb or noun of training (train, trained, for training, обучить, подготовит, стажировка; the
# noun подготовка only of cadres: подготовка учений is an exercise's preparation)
_TRAINING_WORD = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:train|trains|trained|training|educat(?:e|es|ed)|обуч(?:ит|ить|ат|ат|ил|"
        r"или|ен\w*|ени\w*)|подготов(?:ит|ить|ят|ил|или|лен\w*)|подготовк\w*\s+кадр\w*|"
        r"стажировк\w*)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "train",
    "educat",
    "обуч",
    "подготов",
    "стажировк",
)
# a number of people or places trained (2,000 law enforcement personnel, 1500 сотрудников, 2 тыс.
# сотрудников, 50 places, 100 officials)
_TRAINEES_NUMBER = re.compile(
    r"(?<![\w.,])\d[\d\s,.]*(?:тыс\.?\s*|thousand\s+)?(?:[^\W\d_]+\s+){0,3}?"
    r"(?:сотрудник\w*|офицер\w*|курсант\w*|специалист\w*|военнослужащ\w*|полицейск\w*|"
    r"слушател\w*|спасател\w*|пограничник\w*|представител\w*|officers|officials|personnel|"
    r"cadets|policemen|police|specialists|trainees|students|rescuers|places|slots|quotas|"
    r"scholarships|мест|квот\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# operators taught to work the equipment handed over (will train 80 officers to operate the
# system; training on the new equipment; обучение работе с оборудованием; 操作培训): the handover's
# part, no training event of its own
_OPERATORS = re.compile(
    r"操作|(?<![^\W\d_])(?:to\s+(?:operate|use|maintain)|on\s+(?:the\s+)?(?:new\s+)?"
    r"(?:equipment|system|systems|devices)|работ\w*\s+(?:с|на)|эксплуатаци\w*|"
    r"обслуживани\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[.;!?\n。；！？]")
OVERLAP_READ = 4  # indicator hits read before a training word for one it lies in
TRAINEES_SPAN = 80  # characters either side of the training word read for its trainees


def training_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the training words with a number of trainees in their clause, within
    ``TRAINEES_SPAN`` characters (see the module docstring), as second-event training mentions,
    sorted by start; ``normal``: the lower-cased text."""
    if not _TRAINING_WORD.possible(normal, start, end):
        return hits
    have = sorted((h.start, h.end) for h in hits if h.payload == TRAINING)
    found: list[Hit] = []
    for m in _TRAINING_WORD.pattern.finditer(normal, start, end):
        # (the indicators found it: to train, training course; the few indicator hits starting
        # just before the word's end are read, not all of them: linear on a long text)
        last = bisect.bisect_left(have, (m.end(), -1))
        if any(b > m.start() for _, b in have[max(0, last - OVERLAP_READ) : last]):
            continue
        lo = max(start, m.start() - TRAINEES_SPAN)
        for stop in _CLAUSE_STOP.finditer(normal, lo, m.start()):
            lo = stop.end()
        after = _CLAUSE_STOP.search(normal, m.end(), min(end, m.end() + TRAINEES_SPAN))
        hi = after.start() if after else min(end, m.end() + TRAINEES_SPAN)
        if _TRAINEES_NUMBER.search(normal, lo, hi) and not _OPERATORS.search(normal, lo, hi):
            found.append(Hit(m.start(), m.end(), TRAINING, PHRASE_MARK + m.group()))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


# a pledge (will, would, готова, 将, 愿) and a number trained or places given, in one sentence
_PLEDGE = re.compile(
    r"将|愿|承诺|(?<![^\W\d_])(?:will|would|pledg\w*|offer\w*|готов\w*|подготовит|обучит|"
    r"предоставит|пригласит)(?![^\W\d_])",
    re.IGNORECASE,
)
_TRAINEES_ZH = re.compile(r"\d+\s*(?:万\s*)?(?:名|人次?)|名额")


def meeting_pledges(
    hits: list[Hit], item_hits: list[Hit], text: str, sentence: Callable[[int], tuple[int, int]]
) -> list[Hit]:
    """``hits`` (the scope's, with a meeting) and the item's training mentions outside them in a
    sentence pledging training of a stated size (``_PLEDGE``, a number of trainees or places:
    see the module docstring); ``sentence(position)``: the sentence's bounds."""
    if not any(h.payload == ("event_kind", "meeting") for h in hits):
        return hits
    have = {(h.start, h.end, h.payload) for h in hits}
    extra = []
    for h in item_hits:
        if h.payload != TRAINING or (h.start, h.end, h.payload) in have:
            continue
        if sized_pledge(text, *sentence(h.start)):
            extra.append(h)
    return sorted(hits + extra, key=lambda h: h.start) if extra else hits


def operators_taught(text: str, lo: int, hi: int) -> bool:
    """The sentence ``text[lo:hi]`` teaches operators to work equipment (``_OPERATORS``): part of
    the handover, no training event of its own."""
    return _OPERATORS.search(text, lo, hi) is not None


def sized_pledge(text: str, lo: int, hi: int) -> bool:
    """The sentence ``text[lo:hi]`` pledges training of a stated size (``_PLEDGE`` and a number
    of trainees or places): made to the partners at the meeting, its paragraph need name none."""
    return (
        _PLEDGE.search(text, lo, hi) is not None
        and (
            _TRAINEES_NUMBER.search(text, lo, hi) is not None
            or _TRAINEES_ZH.search(text, lo, hi) is not None
        )
        and not operators_taught(text, lo, hi)
    )


_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
# a day of a month (from 15 to 25 September, August 24, с 22 по 24 сентября, 9月22日至24日)
_DAY = re.compile(
    rf"\d{{1,2}}月\d{{1,2}}日|(?<![^\W\d_])(?:\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?\s+{_MONTHS}|"
    rf"{_MONTHS}\s+\d{{1,2}}(?!\d))(?![^\W\d_])",
    re.IGNORECASE,
)
# a proposal or a call (proposed holding, called for more joint exercises, предложил провести,
# призвал, 建议, 倡议): no exercise set
_PROPOSED = re.compile(
    r"建议|倡议|提议|呼吁|(?<![^\W\d_])(?:propos\w*|suggest\w*|call(?:s|ed)?\s+for|urg\w*|"
    r"предлож\w*|призва\w*|призыва\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def exercise_dated(text: str, hit: Hit, lo: int, hi: int) -> bool:
    """``hit`` (an exercise word) in the sentence ``text[lo:hi]`` names an exercise held or set on
    stated days (a day of a month in the sentence: gold guide, an announced event with a date is
    an event), not one proposed or called for, nor a plan's or programme's content."""
    return (
        _DAY.search(text, lo, hi) is not None
        and _PROPOSED.search(text, lo, hi) is None
        and _DOCUMENT_CONTENT.search(text, lo, hit.start) is None
    )


def exercise_type(
    text: str, lo: int, hi: int, sides: list[tuple[int, str]], many: re.Pattern[str]
) -> str:
    """The kind of the exercise a meeting's sentence ``text[lo:hi]`` reports as a second event:
    multilateral when the sentence names three or more states (``sides``: the item's state and
    framework hits as (start, code), sorted), a multilateral framework, or all the sides
    (``many``: 五国, the six countries, Peace Mission); bilateral otherwise. (The item's own
    framework and countries are the meeting's, not the exercise's.)"""
    states: set[str] = set()
    # (an index walk from the sentence's start: a slice would copy the rest of the list for
    # every exercise word, quadratic on a long text)
    for index in range(bisect.bisect_left(sides, (lo, "")), len(sides)):
        start, code = sides[index]
        if start >= hi:
            break
        if code in ("SCO", "CICA", "other_multilateral", "C5+China"):
            return "multilateral_exercise"
        if len(code) == 2 and code.isupper():  # (a state's code; other frameworks are no side)
            states.add(code)
    if len(states) >= 3 or many.search(text, lo, hi):
        return "multilateral_exercise"
    return "bilateral_exercise"
