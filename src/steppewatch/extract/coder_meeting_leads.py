"""The meeting leads where other kind words come first (gold guide addition 4; twenty-first round).

Two phrasings make the coder's kind words put a product or a framing before the meeting the
page reports:

- a meeting of the agencies' heads that reviewed an operation's or an exercise's results
  (中哈联合行动总结会在阿拉木图举行; Итоги операции подведены на совещании руководителей
  пограничных служб; the results were reviewed at a meeting of the heads of the drug-control
  agencies): the operation's words outnumber the meeting's, but the meeting is the main event and
  the operation comes second. A session of the operation's own staff (заседание совместного
  штаба, the joint headquarters, 联合指挥部) is the operation's work, not a meeting of its sides;
  a review still to come (будут подведены, will review, 将召开总结会) is no event of the page;
  a meeting of field representatives on one section is not the heads' meeting;
- a commission's session or a meeting held, named in the lead (the Joint Commission held its
  ninth session; комиссия провела девятое заседание; 四国机制首次高级领导人会议在乌鲁木齐举行),
  under a title naming the protocol signed or the body set up: the body's word is a mechanism
  indicator, and "session" or 会议…举行 is no meeting indicator, so the title's product led; the
  meeting leads, the product comes second. A training session, a press conference, a meeting
  the lead recalls (earlier, 此前) and a legislature's session that ratified a document (the
  ratification is the mechanism: 人大常委会会议批准条约) are no such meeting.

``meeting_leads`` moves "meeting" to the front of the item's kinds list (adding it when absent);
it never removes a kind.

An exercise's directors or commanders who held talks or a working meeting around it (the
directors held a working meeting at the exercise headquarters; 闭幕式结束后，双方导演举行工作会谈;
после учений командующие провели встречу): a meeting of its own, second to the exercise
(``exercise_meeting``; the exercise kinds take no meeting from their indicators, which name the
ceremonies' guests). The sentence must tie the meeting to the exercise (its word, its
directors, its opening or closing) and be no related item or recalled one (Читайте также,
Related, earlier).

A liaison channel put into operation (a direct hotline launched at the pass, пункт
пограничных представителей / горячая линия открыта, 边境联络热线开通) is a mechanism (a
communication mechanism between the agencies), whatever the incidents it will report or the
building it sits in: when the title or the lead reports one opened, the mechanism leads
(``channel_mechanism``) and the other kinds come second. A hotline named as a number to call
(a consular hotline: +86-10-12308) or planned is none.

The other way round, a non-meeting written in meeting words: an interview or an official's signed
article (an interview with the Chinese Ambassador, Интервью, 大使发表署名文章) names the office in
its title, and a level in a title line makes a meeting when the lead names no kind. When the page
names no meeting word at all and the kinds it names later are undated talk (students who study in
China, 深化人员培训, опасения о частных военных компаниях: no day, month or year in their
paragraph), the page reports no event (gold guideline 5: commentary, kind null):
``interview_commentary``. An answer that reports a dated event (3 марта ... подписали протокол)
keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

__all__ = ["channel_mechanism", "exercise_meeting", "interview_commentary", "meeting_leads"]

_REVIEWED_KINDS = ("joint_patrol_operation", "multilateral_exercise", "bilateral_exercise")
_SENTENCE_SPAN = 300  # characters either side of a match searched for the sentence's bounds
REVIEW_SCAN = 4000  # characters of the item searched for a review meeting (the story's body)

# a meeting that reviews results: its word and the review in one sentence, a heads' meeting
_REVIEW_MEETING = re.compile(
    r"总结(?:会议|大会|会)|(?:会议|会晤)[^。！？\n]{0,16}?(?:举行|召开)[，,]\s*总结|"
    r"(?<![^\W\d_])(?:подвед\w*\s+итог\w*|итог\w*[^.!?\n]{0,80}?подвед\w*)[^.!?\n]{0,120}?"
    r"(?<![^\W\d_])на\s+(?:совещании|заседании|встрече)\s+(?:руководител|глав)|"
    r"(?<![^\W\d_])на\s+(?:совещании|заседании)\s+(?:руководител|глав)\w*[^.!?\n]{0,160}?"
    r"подвед\w*\s+итог|"
    r"(?<![^\W\d_])итогов\w*\s+(?:совещани|заседани)|"
    # the heads as the subject, the meeting between them and the review (Руководители
    # пограничных служб на совещании в Астане подвели итоги операции; the heads of the border
    # services, at a meeting in Astana, reviewed the results; 各国边防部门领导人在会议上总结了…行动)
    r"(?<![^\W\d_])(?:руководител|глав)\w*\s[^.!?\n]{0,120}?(?<![^\W\d_])на\s+(?:совещании|"
    r"заседании|встрече)(?![^\W\d_])[^.!?\n]{0,60}?подвел\w*\s+итог|"
    r"(?<![^\W\d_])(?:heads|chiefs|leaders)\s+of\s[^.!?\n]{0,120}?(?<![^\W\d_])at\s+(?:a|the|their)\s+"
    r"meeting(?![^\W\d_])[^.!?\n]{0,60}?(?:reviewed|summed\s+up)\s+(?:the\s+)?results|"
    r"(?:领导人|负责人)[^。！？\n]{0,30}?(?:会议|会晤)上[^。！？\n]{0,20}?总结|"
    r"(?<![^\W\d_])(?:review|wrap-up|summing-up)\s+meetings?(?![^\W\d_])|"
    r"(?<![^\W\d_])results?(?![^\W\d_])[^.!?\n]{0,80}?(?:reviewed|summed\s+up)\s+at\s+"
    r"(?:a|the)\s+meeting\s+of\s+(?:the\s+)?(?:heads|chiefs|leaders)|"
    r"(?<![^\W\d_])meeting\s+of\s+(?:the\s+)?(?:heads|chiefs|leaders)(?![^\W\d_])[^.!?\n]{0,160}?"
    r"(?:reviewed|summed\s+up)\s+(?:the\s+)?results",
    re.IGNORECASE,
)
# the operation's own staff, or a review still to come
_NOT_THE_HEADS = re.compile(
    r"штаб|headquarters|指挥部|"
    r"запланир|планиру|будут|будет|предстоит|(?<![^\W\d_])(?:will|to\s+be|is\s+to|are\s+to|plans?)"
    r"(?![^\W\d_])|将|拟|计划",
    re.IGNORECASE,
)
# a body's session or a meeting held, in the lead
_SESSION_HELD = re.compile(
    r"(?<![^\W\d_])(?:held|holds|convened|opened)\s+(?:its|their|the|a)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:session|plenary|sitting)s?(?![^\W\d_])|"
    r"(?<![^\W\d_])(?:meeting|session)\s+(?:[\w-]+\s+){0,8}?(?:was|were)\s+held(?![^\W\d_])|"
    r"(?<![^\W\d_])провел\w*\s+(?:\w+\s+){0,2}?(?:заседание|сессию)|"
    r"(?<![^\W\d_])(?:состоял\w*|прошл[оа])\s+(?:\w+\s+){0,3}?(?:заседание|совещание)|"
    r"举行(?:了)?第[一二三四五六七八九十\d]{1,4}次(?:会议|全体会议)|"
    r"(?:会议|会晤)(?:[^。！？\n]{0,14}?在[^。！？\n]{1,14}?)?(?:举行|召开)",
    re.IGNORECASE,
)
# a session that is no meeting of the sides (a training or a questions session), or a meeting
# recalled (the earlier meeting that approved the plan)
_NO_MEETING_SESSION = re.compile(
    r"training|practice|photo|question|briefing|firing|shooting|exercise|drill|class|"
    r"earlier|last\s+(?:year|month|week)|previous|учебн|тренировоч|ранее|прошлом|培训|训练|此前|曾|去年|"
    r"上月|发布会|记者会",
    re.IGNORECASE,
)
# a legislature's session that ratified a document: the ratification is the mechanism event, the
# session no meeting with a partner (codebook: ratified, 人大常委会会议批准, Сенат ратифицировал)
_LEGISLATURE = re.compile(
    r"ratif|parliament|senate|legislat|mazhilis|majilis|oliy\s+majlis|批准|人大|常委会|议会|"
    r"ратифи|парламент|сенат|мажилис|жогорку|маджлис|олий",
    re.IGNORECASE,
)
NO_MEETING_BEFORE = 12  # characters before a session's match read for its qualifier


_EXERCISES = ("multilateral_exercise", "bilateral_exercise")
# a meeting held: talks or a (working) meeting held, 举行（工作）会谈, провели встречу / переговоры
_HELD_TALKS = re.compile(
    r"(?<![^\W\d_])held\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|talks)(?![^\W\d_])|"
    r"举行(?:了)?(?:工作)?(?:会谈|会见|会晤)|"
    r"(?<![^\W\d_])провел\w*\s+(?:\w+\s+){0,2}?(?:встреч[уи]|переговоры)|"
    # or one commander met or received the other (the deputy commander met the commander;
    # встретился с командующим; 会见了): a meeting of the two (twenty-second round)
    r"(?<![^\W\d_])(?:met\s+(?:with\s+)?the|встретил\w*\s+с|встретились)(?![^\W\d_])|会见了?",
    re.IGNORECASE,
)
# the exercise's own word, its directors, its opening or closing
_OF_THE_EXERCISE = re.compile(
    r"exercise|drill|演习|演练|导演|闭幕式|开幕式|учени|манёвр|маневр|"
    r"(?:closing|opening)\s+ceremony|церемони\w*\s+(?:открытия|закрытия)",
    re.IGNORECASE,
)
# a related item or an earlier event
_ASIDE = re.compile(
    r"related|read\s+also|earlier|reported|читайте|ранее|сообщалось|相关|此前|曾", re.IGNORECASE
)


# a liaison channel put into operation, in one clause (the channel, then its opening, or the
# opening, then the channel)
_CHANNEL = (
    r"(?:(?:direct\s+)?hotline|direct\s+(?:telephone\s+)?line|liaison\s+(?:office|post)|"
    r"горяч\w+\s+лини\w*|прям\w+\s+(?:телефонн\w+\s+)?(?:связ\w*|лини\w*)|"
    r"пункт\w*\s+(?:погранич\w+\s+)?(?:связи|представител\w*)|"
    r"联络热线|热线电话|直通电话|边境联络(?:处|站|办公室)|联络(?:处|站|办公室))"
)
_OPENED = (
    r"(?:launch\w*|open\w*|put\s+into\s+operation|started\s+work|starts\s+work|"
    r"came\s+into\s+operation|commissioned|"
    r"открыт\w*|открыл\w*|запущен\w*|запустил\w*|введен\w*\s+в\s+(?:эксплуатацию|действие)|"
    r"начал\w*\s+работ\w*|заработал\w*|开通|启用|揭牌|投入使用|正式运行)"
)
_CHANNEL_OPENED = re.compile(
    rf"{_CHANNEL}[^.!?。\n]{{0,160}}?{_OPENED}|{_OPENED}[^.!?。\n]{{0,60}}?{_CHANNEL}",
    re.IGNORECASE,
)
# a number to call, or a channel still planned
_NOT_OPENED = re.compile(
    r"\+\d|电话：|тел\.|plan|will|to\s+be|agreed\s+to|планиру|будет|договорились|将|拟|计划|商定|"
    r"同意建立",
    re.IGNORECASE,
)


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around text[start:end], within (lo, hi)."""
    left = max(lo, start - _SENTENCE_SPAN)
    cut = max(text.rfind(mark, left, start) for mark in (".", "。", "!", "?", "\n"))
    right = min(hi, end + _SENTENCE_SPAN)
    ends = [
        i for i in (text.find(mark, end, right) for mark in (".", "。", "!", "?", "\n")) if i >= 0
    ]
    return (cut + 1 if cut >= left else left), (min(ends) if ends else right)


def _review_meeting(item: CodedItem, text: str) -> bool:
    """The item reports a heads' meeting that reviewed results, held (not to come)."""
    hi = min(item.end, item.start + REVIEW_SCAN)
    for match in _REVIEW_MEETING.finditer(text, item.start, hi):
        lo, up = _sentence(text, match.start(), match.end(), item.start, item.end)
        if not _NOT_THE_HEADS.search(text, lo, up):
            return True
    return False


def _session_held(item: CodedItem, text: str, lead_end: int) -> bool:
    """The lead reports a body's session held (not a training session)."""
    for match in _SESSION_HELD.finditer(text, item.start, min(item.end, lead_end)):
        before = max(item.start, match.start() - NO_MEETING_BEFORE)
        lo, hi = _sentence(text, match.start(), match.end(), item.start, item.end)
        if not _NO_MEETING_SESSION.search(text, before, match.end()) and not _LEGISLATURE.search(
            text, lo, hi
        ):
            return True
    return False


def meeting_leads(item: CodedItem, text: str, kinds: list[str], lead_end: int) -> list[str]:
    """``kinds`` with "meeting" first when the item reports a meeting that leads (see the module's
    docstring); else ``kinds`` unchanged."""
    if not kinds or kinds[0] == "meeting":
        return kinds
    leads = (kinds[0] in _REVIEWED_KINDS and _review_meeting(item, text)) or (
        kinds[0] == "mechanism" and _session_held(item, text, lead_end)
    )
    if not leads:
        return kinds
    return ["meeting", *(k for k in kinds if k != "meeting")]


def _line(text: str, position: int, lo: int, hi: int) -> tuple[int, int]:
    """The paragraph (line) around ``position`` within (lo, hi), at most _SENTENCE_SPAN * 2
    characters either side."""
    left = max(lo, position - 2 * _SENTENCE_SPAN)
    start = max(left, text.rfind("\n", left, position) + 1)
    right = min(hi, position + 2 * _SENTENCE_SPAN)
    end = text.find("\n", position, right)
    return start, (end if end >= 0 else right)


def interview_commentary(
    item: CodedItem,
    text: str,
    kinds: dict[str, list[Hit]],
    lead_end: int,
    when: re.Pattern[str],
    interview: Callable[[], bool],
) -> bool:
    """An interview's or a signed article's page whose only meeting is its title's office: no
    meeting word, no kind in the lead, no kind named later in a dated paragraph (``when``: a day,
    a month or a year), and ``interview()`` (the title or the first lines call it one)."""
    if "meeting" in kinds:
        return False
    later = [h for hs in kinds.values() for h in hs]
    if any(h.start < lead_end for h in later):
        return False
    if any(when.search(text, *_line(text, h.start, item.start, item.end)) for h in later):
        return False
    return interview()


def exercise_meeting(item: CodedItem, text: str, kinds: list[str]) -> list[str]:
    """``kinds`` with "meeting" added second when an exercise's sides held talks around it (see
    the module's docstring); else ``kinds`` unchanged."""
    if not kinds or kinds[0] not in _EXERCISES or "meeting" in kinds:
        return kinds
    for match in _HELD_TALKS.finditer(text, item.start, min(item.end, item.start + REVIEW_SCAN)):
        lo, hi = _sentence(text, match.start(), match.end(), item.start, item.end)
        if _OF_THE_EXERCISE.search(text, lo, hi) and not _ASIDE.search(text, lo, hi):
            return [*kinds, "meeting"]
    return kinds


def channel_mechanism(item: CodedItem, text: str, kinds: list[str], lead_end: int) -> list[str]:
    """``kinds`` with "mechanism" first when the lead reports a liaison channel opened (see the
    module's docstring); else ``kinds`` unchanged."""
    if not kinds or kinds[0] in ("mechanism", "meeting"):
        return kinds
    for match in _CHANNEL_OPENED.finditer(text, item.start, min(item.end, lead_end)):
        lo, hi = _sentence(text, match.start(), match.end(), item.start, item.end)
        if not _NOT_OPENED.search(text, lo, hi):
            return ["mechanism", *(k for k in kinds if k != "mechanism")]
    return kinds
