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
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

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
