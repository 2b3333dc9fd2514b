"""The event's date (annotation guide, guideline 7 and point 7): the date of the main event as
the text gives it, at the precision it gives; the first day of a range; for an event reported
as just held with no date of its own, the page's date (its dateline's day).

Which passage decides: the item's head (its first ``HEAD_SPAN`` characters, where the lead
reports the main event), then its relevant passages. Which date decides, in them:

- not the page's own date (``_own_date``: on a short header or byline line, or at the start of
  a dateline: ``BEIJING, Sept. 16 (Xinhua) --``, ``新华社北京5月26日电``, ``Бишкек, 14 сентября.
  /Кабар/.``): it is the fallback, not evidence; a date in a body sentence that falls on the page's
  day stays;
- a date written relative to the page's date (yesterday, вчера, 昨天; on Tuesday, во вторник,
  周二; 26日) is the event's, unless it is a day still to come (``dates.relative_dates``);
- not the day a report was made, relative or written out (the ministry said on Monday, said on
  March 27, 记者5日从…获悉, 据公安部10月20日通报: ``dates.report_date``); but when the event has
  no date of its own, the day the head's report of it is dated, written out (the press service
  reported on March 23), before the page's date;
- a weekday named with its date (во вторник, 10 ноября; on Thursday, February 12; 3月20日（星期五）)
  is that date, not a day counted back from the page's (``dates.weekday_named_date``);
- not the last day of a range given alone (will last until 24 August, продлятся до 21 сентября);
- after the lead, not a date in a sentence about another time or another event (recalled, to
  come, only earlier years: ``coder_background.another_time``);
- last, the ``BODY_SPAN`` characters after the head: a lead that gives its event no date may give
  it a few sentences on (Операция была проведена 24 июня; Yesterday, a ceremony was held), past
  the passages that name the parties;
- with no date of its own but a month named alone (в феврале текущего года, in March, 今年2月),
  that month, its year from the page's date (not for a meeting: a report with no date of its
  own gives a meeting as just held, on the page's day);
- with no date of its own but a time given only as recent in the head (近日, recently, this
  week, на днях), the page's month (the guide: "this week" gives the month);
- an event reported as it ends (concluded on Sunday, завершились 25 сентября, 落下帷幕) takes
  the day it began when the text gives it (which began on October 30, начались 22 сентября,
  于8月30日开始), within ``FIRST_DAY_SPAN`` days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from steppewatch.extract.coder_background import another_time, event_year, lead_end
from steppewatch.extract.dates import (
    DateMention,
    find_dates,
    month_mentions,
    relative_dates,
    report_date,
)
from steppewatch.extract.model import CodedItem, Evidence

__all__ = ["assign_date"]


def assign_date(
    item: CodedItem,
    text: str,
    normal: str,
    scope: Sequence[tuple[int, int]],
    reference: str | None,
) -> None:
    """The event date: the first date of the item's head (its first ``HEAD_SPAN`` characters:
    the lead reports the main event) or else of its relevant passages that is not the page's
    own date (``_own_date``: a dateline's, a header's), preferring a day to a month mention of
    the same month; else the page's date. Years missing from a mention come from the page date
    or, failing that, from the text's first explicit year (see ``dates.find_dates``). A date
    written relative to the page's date (yesterday, on Tuesday, во вторник, 周二, 26日) is the
    event's own (``dates.relative_dates``). Not the event's: the last day of a range given
    alone (will last until 24 August, продлится до 12 сентября), and, after the lead, a date in
    a sentence about another time or another event (recalled, to come, earlier years:
    ``coder_background.another_time``). An event reported as it ends takes the day it began
    when the text gives it (``_first_day``; the guide: the first day of a range)."""
    lead = lead_end(item.start, text)
    head = (item.start, min(item.end, item.start + HEAD_SPAN))
    spans = [head, *((lo, hi) for lo, hi in scope if hi > head[1] or lo < head[0])]
    # last, the body right after the head: a lead that gives its event no date may give it a few
    # sentences on, outside the passages that named the parties (Операция была проведена 24
    # июня; the contract was signed on 4 November; Yesterday, a ceremony was held)
    if item.end > head[1]:
        spans.append((head[1], min(item.end, head[1] + BODY_SPAN)))
    year: int | None = None
    year_read = False
    reported: tuple[int, DateMention] | None = None  # the head's day of a report, written out
    for lo, hi in spans:
        segment = normal[lo:hi]
        explicit = []
        for m in find_dates(segment, reference or None):
            if _range_end(segment, m) or _posted(segment, m):
                continue
            if report_date(segment, m.start, m.end):
                if reported is None and lo == head[0] and m.precision == "day":
                    reported = (lo, m)
                continue
            explicit.append(m)
        relative = _outside(relative_dates(segment, reference), explicit)
        if reference:
            # the page's own date (its dateline, its header): the fallback below, not evidence
            explicit = [
                m
                for m in explicit
                if m.iso != reference or not _own_date(text, lo + m.start, lo + m.end)
            ]
        mentions = _in_order(explicit, relative)
        kept = []
        for m in mentions:
            position = lo + m.start
            if position >= lead:
                if not year_read:
                    year, year_read = event_year(text, item.start, lead, reference), True
                if another_time(text, position, lead, item.end, year, item.start):
                    continue
            kept.append(m)
        if not kept:
            continue
        m = kept[0]
        if m.precision != "day":
            m = next((x for x in kept if x.precision == "day" and x.iso.startswith(m.iso)), m)
        # an event of several days reported as it ends (concluded on Sunday; 落下帷幕): its first
        # day, when the text gives it (which began on October 30; 于8月30日开始; началось 13
        # сентября), is its date (guide: the first day of a range)
        first = _first_day(m, mentions, segment)
        if first is None and _ended(segment, m):
            # (its first day may be told a sentence or two later: which began on October 30)
            after = normal[lo + m.end : min(item.end, lo + m.end + START_WINDOW)]
            later = find_dates(after, reference or None)
            first = _first_day(m, later, after)
            if first is not None:
                lo += m.end
        m = first or m
        item.event_date = m.iso
        item.date_precision = (
            "day" if m.precision == "day" else ("month" if m.precision == "month" else "year")
        )
        start, end = lo + m.start, lo + m.end
        item.evidence.append(
            Evidence(field="event_date", code=m.iso, start=start, end=end, text=text[start:end])
        )
        return
    if reference:
        item.event_date, item.date_precision = reference, "day"
        # an event reported as just ended with no date of its own (近日…行动圆满结束): the day
        # it began, when the text gives it
        hi = min(item.end, head[1])
        if _ENDED.search(normal, head[0], hi):
            window = normal[head[0] : min(item.end, hi + START_WINDOW)]
            own = DateMention(0, 0, reference, "day")
            first = _first_day(own, find_dates(window, reference), window)
            if first is not None:
                item.event_date = first.iso
                start, end = head[0] + first.start, head[0] + first.end
                item.evidence.append(
                    Evidence(
                        field="event_date",
                        code=first.iso,
                        start=start,
                        end=end,
                        text=text[start:end],
                    )
                )
                return
        if _today(text, head[0], hi):
            # the head says the event is today's (was held today, сегодня состоялась, 今天举行):
            # the page's day, whatever month a later sentence or a link names
            return
        # a month named alone (в феврале текущего года, in March, 今年2月): that month; not for a
        # meeting, which a report with no date of its own gives as just held
        month = (
            None
            if item.kind == "meeting"
            else _month_named(text, normal, spans, item, lead, reference)
        )
        if month is not None:
            lo, m = month
            item.event_date, item.date_precision = m.iso, "month"
            start, end = lo + m.start, lo + m.end
            item.evidence.append(
                Evidence(field="event_date", code=m.iso, start=start, end=end, text=text[start:end])
            )
            return
        # (a security firm's business timed only as recent stays on the page's day: gold/README,
        # private security: "date the dateline's when the report gives none")
        vague = None if item.kind in DATELINE_KINDS else _vague(text, head[0], hi)
        if vague is not None:
            # the lead times its event only as recent (近日, this week, на днях): the month
            # (guide: "this week" gives the month)
            item.event_date, item.date_precision = reference[:7], "month"
            item.evidence.append(
                Evidence(
                    field="event_date",
                    code=item.event_date,
                    start=vague.start(),
                    end=vague.end(),
                    text=vague.group(),
                )
            )
            return
    if reported is not None and (reference is None or reported[1].iso <= reference):
        # no date of its own, nor a start, a month or a vague time, but the head's report of it
        # is dated (the press service reported on March 23): an event reported as just held, on
        # that day rather than the page's
        lo, m = reported
        item.event_date, item.date_precision = m.iso, "day"
        start, end = lo + m.start, lo + m.end
        item.evidence.append(
            Evidence(field="event_date", code=m.iso, start=start, end=end, text=text[start:end])
        )


def _month_named(
    text: str,
    normal: str,
    spans: Sequence[tuple[int, int]],
    item: CodedItem,
    lead: int,
    reference: str,
) -> tuple[int, DateMention] | None:
    """The first month named alone in the spans, not in a sentence after the lead about another
    time, nor the time of a report: (its span's start, its mention)."""
    year = event_year(text, item.start, lead, reference)
    for lo, hi in spans:
        for m in month_mentions(normal[lo:hi], reference):
            position = lo + m.start
            if report_date(normal, position, lo + m.end):
                continue
            if position >= lead and another_time(text, position, lead, item.end, year, item.start):
                continue
            return lo, m
    return None


# kinds whose report with no date of its own is dated on the page's day even when it says the
# event was recent (近日, this week): a security firm's contract, licence or branch
DATELINE_KINDS = frozenset({"private_security"})
# a time given only as recent: recently, this week, 近日, 日前, на днях
_VAGUE = re.compile(
    r"近日|日前|前不久|连日来|(?<![^\W\d_])(?:recently|this\s+week|in\s+recent\s+days|earlier\s+this"
    r"\s+(?:week|month)|на\s+днях|недавно|на\s+этой\s+неделе|в\s+эти\s+дни)(?![^\W\d_])",
    re.IGNORECASE,
)


# the event's day given as the page's own: today, сегодня, 今天 (not 今日俄罗斯, Russia Today)
_TODAY = re.compile(
    r"今天|今日(?!俄罗斯|头条)|(?<![^\W\d_])(?:today|сегодня)(?![^\W\d_])", re.IGNORECASE
)


def _today(text: str, start: int, end: int) -> bool:
    """The item's head times its event as today's, not the time of a report (said today)."""
    return any(not report_date(text, m.start(), m.end()) for m in _TODAY.finditer(text, start, end))


def _vague(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first word of the item's head that times its event only as recent, not the time of
    a report (记者近日从…获悉)."""
    for match in _VAGUE.finditer(text, start, end):
        if not report_date(text, match.start(), match.end()):
            return match
    return None


HEAD_SPAN = 400  # characters from an item's start that hold its lead's date
BODY_SPAN = 1200  # characters after the head searched last for the event's own date
OWN_DATE_LINE = 100  # a line this short holding the page's date is furniture (a header, a byline)
_SENTENCE_ENDS = ("。", ".", "!", "?", "！", "？")
OWN_DATE_REST = 30  # characters besides the date on a dateline's line of its own
OWN_DATE_START = 40  # characters into its line a dateline's date stands
# what follows a dateline's date: the agency (/ТАСС/, (Xinhua), 电), a dash, a time, a full stop
_AFTER_OWN_DATE = re.compile(
    r"\s*(?:г\.|года?)?\s*(?:[.,]?\s*\d{1,2}:\d{2}|[.,]?\s*[/(（]|[.,]?\s*[–—-]|电|\.\s|,\s*\d{4}\b)"
)
# the last day of a range given alone: until, до, 持续至
_RANGE_END = re.compile(
    r"(?:(?<![^\W\d_])(?:until|till|through|до)|持续到|持续至|截至)\s*$", re.IGNORECASE
)


def _range_end(segment: str, m: DateMention) -> bool:
    return bool(_RANGE_END.search(segment, max(0, m.start - 12), m.start))


# a page's date of posting or revision (Posted 1 December 2026, Updated: 2026-04-15, as of 3
# December, Опубликовано: 12.05.2026, 发布时间：2026-05-12): furniture, never the event's date
_POSTED = re.compile(
    r"(?:(?<![^\W\d_])(?:posted|published|updated|last\s+modified|as\s+of|опубликовано|обновлено"
    r"|дата\s+публикации)|发布时间|发布日期|发布于|更新时间)[ \t]*[:：]?[ \t]*(?:on[ \t]+)?$",
    re.IGNORECASE,
)
POSTED_SPAN = 24  # characters before a date searched for a posting word


def _posted(segment: str, m: DateMention) -> bool:
    return bool(_POSTED.search(segment, max(0, m.start - POSTED_SPAN), m.start))


def _own_date(text: str, start: int, end: int) -> bool:
    """The page's own date at ``start``: on a short line that is not a sentence (a header, a
    byline: 2 июня 2026 | 24.kg) or at the start of a dateline (BEIJING, Sept. 16 (Xinhua) --; 新华社北京5月26日电;
    Бишкек, 14 сентября. /Кабар/.), not a date in a sentence of the body that happens to fall
    on the same day."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip()
    if len(line) <= OWN_DATE_LINE and (
        not line.endswith(_SENTENCE_ENDS) or len(line) - (end - start) <= OWN_DATE_REST
    ):
        # (a short sentence of the body ends as one, 6月24日，部长会见…。; a dateline's line holds
        # little but the place and the date, Душанбе, 19 января 2026 г.)
        return True
    return start - line_start <= OWN_DATE_START and bool(_AFTER_OWN_DATE.match(text, end))


# a date the event began on: a start word right before it (began on, started, kicked off, from,
# начались, стартовали, с) or right after it (起, 开始, 开幕, 拉开帷幕)
_STARTED_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:began|begun|begins|started|starts|kicked\s+off|opened|launched|commenced"
    r"|from|начал[аио]?с[ья]|начались|стартовал[аио]?|стартовали|открыл[аио]?с[ья]|с|со)"
    r"|自|从)\s*(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_STARTED_AFTER = re.compile(
    r"\s*(?:起|开始|开幕|开训|开演|开赛|拉开帷幕|拉开序幕|启动|正式开始|打响)"
)
START_SPAN = 24  # characters before a date searched for its start word
FIRST_DAY_SPAN = 123  # days (four months): a start date further back belongs to something else
START_WINDOW = 600  # characters after an end's date searched for the day the event began
# an event reported as it ends
_ENDED = re.compile(
    r"(?<![^\W\d_])(?:conclud\w+|ended|ends|complet\w+|wrap\w*\s+up|closed|завершил\w*|"
    r"закончил\w*|окончил\w*)(?![^\W\d_])|结束|落下帷幕|落幕|闭幕|圆满完成",
    re.IGNORECASE,
)
_ENDED_WORDS = (
    "conclud",
    "end",
    "complet",
    "wrap",
    "closed",
    "заверш",
    "законч",
    "оконч",
    "结束",
    "落",
    "闭幕",
    "圆满完成",
)
SENTENCE_REACH = 300  # characters either side of a date searched for an end word
_STOP = re.compile(r"[。！？!?\n]|\.\s")


def _ended(segment: str, m: DateMention) -> bool:
    """The sentence of the date ``m`` reports an end (concluded, завершились, 落下帷幕)."""
    lo = max(0, m.start - SENTENCE_REACH)
    for stop in _STOP.finditer(segment, lo, m.start):
        lo = stop.end()
    after = _STOP.search(segment, m.end, m.end + SENTENCE_REACH)
    hi = after.start() if after else min(len(segment), m.end + SENTENCE_REACH)
    sentence = segment[lo:hi]
    if not any(word in sentence for word in _ENDED_WORDS):
        return False  # (substring tests at C speed before the pattern)
    return bool(_ENDED.search(sentence))


def _first_day(
    chosen: DateMention, mentions: list[DateMention], segment: str
) -> DateMention | None:
    """The mention of the day the chosen date's event began, if the text gives one: a date
    with a start word, or a range ending on the chosen day."""
    if chosen.precision != "day":
        return None
    end = dt.date.fromisoformat(chosen.iso)
    for m in mentions:
        if m is chosen or m.precision != "day" or m.iso >= chosen.iso:
            continue
        if (end - dt.date.fromisoformat(m.iso)).days > FIRST_DAY_SPAN:
            continue
        if m.end_iso == chosen.iso:
            return m  # a range that ends on the chosen day (held 25-27 May; ended on 27 May)
        before = segment[max(0, m.start - START_SPAN) : m.start]
        if _STARTED_AFTER.match(segment, m.end) or _STARTED_BEFORE.search(before):
            return m
    return None


def _outside(relative: list[DateMention], explicit: list[DateMention]) -> list[DateMention]:
    """The relative mentions not inside an explicit date (至15日 of 10月14日至15日)."""
    if not relative or not explicit:
        return relative
    spans = [(m.start, m.end) for m in explicit]
    return [r for r in relative if not any(lo < r.end and r.start < hi for lo, hi in spans)]


def _in_order(explicit: list[DateMention], relative: list[DateMention]) -> list[DateMention]:
    """Both lists' mentions by position; a relative one inside an explicit date is not kept."""
    if not relative:
        return explicit
    out = sorted(explicit + relative, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
