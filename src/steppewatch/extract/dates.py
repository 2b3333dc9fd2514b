"""Dates in Chinese, Russian and English text, with their offsets and precision.

Chinese: 2019年6月13日, 6月13日 (year from context), 二〇一九年六月十三日, 6月13至14日, 13日至14日,
2019年6月; Russian: 13 июня 2019 г., 13-14 июня, 13.06.2019, июнь 2019; English: June 13, 2019,
13 June 2019, June 13-14, 2019-06-13. A mention without a year takes it from the reference date
(the page's date): the latest year that does not put it more than 60 days after the reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from steppewatch.extract.prefilter import FOLDED_UNLIKE_LOWER

__all__ = [
    "DateMention",
    "find_dates",
    "first_date",
    "infer_page_date",
    "month_mentions",
    "parse_date_text",
    "relative_dates",
    "report_date",
]

_RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
_RU_ABBREVIATIONS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
_EN_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_RU_MONTH = (
    r"(?P<rumonth>январ[яьe]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|"
    r"августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]"
    # (news agencies' abbreviations in datelines and page headers: 27 мар 2024, 20 сен, 3 фев.)
    r"|(?:янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)\.?)(?![а-яё])"
)
_EN_MONTH = (
    r"(?P<enmonth>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|"
    r"june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|"
    r"dec(?:ember|\.)?)"
)
_ZH_NUM = r"[〇零○一二三四五六七八九十]"
_RANGE = r"\s*(?:-|–|—|至|到|~|to|and|по|и)\s*"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2019年6月13日, 2019年6月13日至14日, 2019年6月13-14日, 2019年6月
        r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日?"
        r"(?:" + _RANGE + r"(?:(?P<month2>\d{1,2})\s*月\s*)?(?P<day2>\d{1,2})\s*日)?)?",
        # 二〇一九年六月十三日
        r"(?P<zhyear>"
        + _ZH_NUM
        + r"{4})年(?P<zhmonth>"
        + _ZH_NUM
        + r"{1,2})月(?:(?P<zhday>"
        + _ZH_NUM
        + r"{1,3})日)?",
        # 6月13日, 6月13日至14日, 6月13至14日
        r"(?<![\d年])(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日?(?:"
        + _RANGE
        + r"(?:(?P<month2>\d{1,2})\s*月\s*)?(?P<day2>\d{1,2})\s*日)?(?!\d)",
        # 13 июня 2019 г., 13-14 июня, 13 июня - 2 июля 2019
        r"(?<!\d)(?P<day>\d{1,2})(?:"
        + _RANGE
        + r"(?P<day2>\d{1,2}))?\s+"
        + _RU_MONTH
        + r"(?:\s+(?P<year>\d{4})(?:\s*(?:г\.|года|г\b))?)?",
        # 13.06.2019
        r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d.]\d)",
        # 2019-06-13 (ISO)
        r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)",
        # June 13, 2019 / June 13-14, 2019 / June 13
        r"\b"
        + _EN_MONTH
        + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:"
        + _RANGE
        + r"(?P<day2>\d{1,2}))?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
        # 13 June 2019 / 13-14 June
        r"(?<!\d)(?P<day>\d{1,2})(?:"
        + _RANGE
        + r"(?P<day2>\d{1,2}))?\s+"
        + _EN_MONTH
        + r"\b(?:,?\s+(?P<year>(?:19|20)\d{2}))?",
        # June 2019 / июнь 2019
        r"\b" + _EN_MONTH + r"\s+(?P<year>(?:19|20)\d{2})\b",
        # page headers: 2026/04/27, 16-Apr-2026, 12.03.26 (two-digit year, zero-padded)
        r"(?<![\d/])(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])",
        r"(?<!\d)(?P<day>\d{1,2})-" + _EN_MONTH + r"-(?P<year>(?:19|20)\d{2})(?!\d)",
        r"(?<![\d.])(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<yy>\d{2})(?![\d.])",
        # page headers of Central Asian sites, day first: 25/06/2026 17:40, Asia-Plus, 03/03/2026
        # (a month field over 12, a US-style 06/25/2026, reads as no date)
        r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})(?![\d/])",
    )
)

# For each pattern above, strings one of which every match contains (in lower case): a text
# without any of them is not scanned with that pattern. Substring tests run at C speed; most
# texts hold dates in one language only.
EN_MONTH_STEMS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
RU_MONTH_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
# (three-letter prefixes: a month's full name holds its abbreviation, 20 сен, 27 мар)
_RU_MONTH_PREFIXES = (
    "янв",
    "фев",
    "мар",
    "апр",
    "ма",
    "июн",
    "июл",
    "авг",
    "сен",
    "окт",
    "ноя",
    "дек",
)
_REQUIRED: tuple[tuple[str, ...], ...] = (
    ("月",),
    ("月",),
    ("月",),
    _RU_MONTH_PREFIXES,
    (".",),
    ("-",),
    EN_MONTH_STEMS,
    EN_MONTH_STEMS,
    EN_MONTH_STEMS,
    ("/",),
    ("-",),
    (".",),
    ("/",),
)
assert len(_REQUIRED) == len(_PATTERNS)
# the same test as one scan of the lower-cased text (a plain alternation of literals, which ``re``
# scans at the speed of its first characters) instead of one ``in`` per string
_REQUIRED_ANY: tuple[re.Pattern[str], ...] = tuple(
    re.compile("|".join(re.escape(r) for r in required)) for required in _REQUIRED
)
# (patterns with the same strings share one test: 月 for three, the English months for three)
_REQUIRED_KEY: tuple[int, ...] = tuple(_REQUIRED.index(required) for required in _REQUIRED)


def _leading_lookbehind(pattern: str) -> str | None:
    """``pattern`` without its leading negative lookbehind ((?<!\\d), (?<![\\d.])), or None when
    it opens otherwise."""
    if not pattern.startswith("(?<!"):
        return None
    depth = 0
    for at, char in enumerate(pattern):
        if char == "(" and pattern[at - 1 : at] != "\\":
            depth += 1
        elif char == ")" and pattern[at - 1 : at] != "\\":
            depth -= 1
            if depth == 0:
                return pattern[at + 1 :]
    return None


# Where a pattern's match may begin, found faster than the pattern's own search: ``re`` tries a
# pattern that opens with a lookbehind (?<!\d) or a word boundary at every position of the text,
# but skips at C speed to the characters a pattern may open with when it opens with a digit or a
# literal. ``_search`` finds the first start of such a *candidate* pattern, which every match of
# the full pattern also starts with, and matches the full pattern there (lookbehinds see the text
# before the position): the first candidate where it matches is where its own search would have
# found it, with the same match.
def _candidates() -> tuple[tuple[re.Pattern[str], bool] | None, ...]:
    out: list[tuple[re.Pattern[str], bool] | None] = []
    for pattern in _PATTERNS:
        alone = _leading_lookbehind(pattern.pattern)
        if alone is not None:
            # (the rest opens with a digit: its first character is a digit in every match)
            out.append((re.compile(alone, pattern.flags), False))
        elif pattern.pattern.startswith(r"\b(?P<enmonth>"):
            # an English month's name at a word's start, in the lower-cased text
            out.append((re.compile("|".join(EN_MONTH_STEMS)), True))
        else:
            out.append(None)
    return tuple(out)


_CANDIDATES = _candidates()


def _search(index: int, text: str, lowered: str | None, position: int) -> re.Match[str] | None:
    """``_PATTERNS[index].search(text, position)``, from its candidates' starts (above);
    ``lowered``: ``text.lower()`` when it folds as re.IGNORECASE, offset for offset, else None."""
    pattern = _PATTERNS[index]
    candidate = _CANDIDATES[index]
    if candidate is None or (candidate[1] and lowered is None):
        return pattern.search(text, position)
    finder, in_lowered = candidate
    haystack = lowered if in_lowered and lowered is not None else text
    while (found := finder.search(haystack, position)) is not None:
        match = pattern.match(text, found.start())
        if match is not None:
            return match
        position = found.start() + 1
    return None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year
    end_iso: str | None = None  # last day of a range


def _zh_number(text: str) -> int:
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _ZH_DIGITS.get(units, 0) if units else 0
        )
    value = 0
    for char in text:
        value = value * 10 + _ZH_DIGITS.get(char, 0)
    return value


def _month_of(groups: dict[str, str | None]) -> int | None:
    month, zh, ru, en = (groups.get(k) for k in ("month", "zhmonth", "rumonth", "enmonth"))
    if month:
        return int(month)
    if zh:
        return _zh_number(zh)
    if ru:
        word = ru.lower()
        if len(word.rstrip(".")) <= 4 and word[:3] in _RU_ABBREVIATIONS:
            return _RU_ABBREVIATIONS[word[:3]]
        for stem, number in _RU_MONTHS.items():
            if word.startswith(stem):
                return number
    if en:
        return _EN_MONTHS.get(en[:3].lower())
    return None


AHEAD_DAYS = 60  # days after the page's date a mention without its year may still fall


def _infer_year(month: int, day: int, reference: date | None) -> int | None:
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + timedelta(days=AHEAD_DAYS):
            return year
    return None


def _has_year(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return bool(groups.get("year") or groups.get("zhyear") or groups.get("yy"))


def _mention(match: re.Match[str], reference: date | None) -> DateMention | None:
    groups = match.groupdict()
    month = _month_of(groups)
    if month is None or not 1 <= month <= 12:
        return None
    day_text = groups.get("day") or groups.get("zhday")
    day = (int(day_text) if day_text.isdigit() else _zh_number(day_text)) if day_text else None
    if groups.get("year"):
        year: int | None = int(groups["year"])
    elif groups.get("yy"):
        year = 2000 + int(groups["yy"])
    elif groups.get("zhyear"):
        year = _zh_number(groups["zhyear"])
    else:
        year = _infer_year(month, day or 1, reference)
    if year is None or not 1900 <= year <= 2100:
        return None
    try:
        if day is None:
            date(year, month, 1)
            return DateMention(match.start(), match.end(), f"{year:04d}-{month:02d}", "month")
        first = date(year, month, day)
    except ValueError:
        return None
    end_iso = None
    if groups.get("day2"):
        month2 = int(groups["month2"]) if groups.get("month2") else month
        try:
            last = date(year, month2, int(groups["day2"]))
            if last >= first:
                end_iso = last.isoformat()
        except ValueError:
            pass
    return DateMention(match.start(), match.end(), first.isoformat(), "day", end_iso)


def find_dates(text: str, reference: date | str | None = None) -> list[DateMention]:
    """All date mentions in ``text``, in order, overlapping ones resolved to the longest."""
    if isinstance(reference, str):
        reference = _to_date(reference)
    if reference is None:
        # no page date: the year comes from the text's first mention with an explicit year
        yearless: list[bool] = []
        explicit = _find(text, None, yearless)
        if not yearless or not explicit:
            # every match gave its year, or no mention gives a year to take: a second reading
            # with a reference would find the same
            return explicit
        first = explicit[0].iso
        reference = date(int(first[:4]), int(first[5:7] or 12) if len(first) >= 7 else 12, 28)
    return _find(text, reference)


def _find(
    text: str, reference: date | None, yearless: list[bool] | None = None
) -> list[DateMention]:
    """The mentions; with ``yearless``, appends True there when a match has no year of its
    own (its mention depends on ``reference``)."""
    found: list[DateMention] = []
    lowered = text.lower()
    folds: str | None = None  # ``lowered`` once known to fold as IGNORECASE does
    checked = False
    possible: dict[int, bool] = {}
    for index, key in enumerate(_REQUIRED_KEY):
        found_one = possible.get(key)
        if found_one is None:
            found_one = possible[key] = _REQUIRED_ANY[key].search(lowered) is not None
        if not found_one:
            continue  # the pattern cannot match: skip its scan of the whole text
        candidate = _CANDIDATES[index]
        if not checked and candidate is not None and candidate[1]:
            # (a candidate in the lower-cased text: it folds offset for offset, and has none of
            # the letters re folds otherwise)
            checked = True
            if len(lowered) == len(text) and (
                text.isascii() or not any(c in text for c in FOLDED_UNLIKE_LOWER)
            ):
                folds = lowered
        position = 0
        while (match := _search(index, text, folds, position)) is not None:
            position = match.end()
            if yearless is not None and not yearless and not _has_year(match):
                yearless.append(True)
            mention = _mention(match, reference)
            if mention is None:
                continue
            if match.groupdict().get("day2") and mention.end_iso is None:
                # no range: its second day comes first (国防部网 2026年6月25日 — 6月24日, a
                # header's date and the lead's): two dates, the second read on its own
                position = match.end("day") + (
                    text[match.end("day") : match.end("day") + 1] == "日"
                )
                mention = DateMention(mention.start, position, mention.iso, mention.precision)
            found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[DateMention] = []
    for mention in found:
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result


def _to_date(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def first_date(
    text: str, reference: date | str | None = None, chunk: int = 600
) -> DateMention | None:
    """The first date mention in ``text``. Scans in overlapping chunks so that a date early in
    a long passage is found without running every pattern over all of it."""
    overlap = 40  # longer than any date expression
    start = 0
    while start < len(text):
        stop = min(len(text), start + chunk)
        mentions = find_dates(text[start:stop], reference)
        if stop == len(text):
            m = mentions[0] if mentions else None
            return (
                DateMention(m.start + start, m.end + start, m.iso, m.precision, m.end_iso)
                if m
                else None
            )
        # a mention ending in the chunk's last ``overlap`` characters may be cut ("June 5, 20|18"
        # reads as June 5 of the reference year): the next chunk starts before it and reads it whole
        safe = stop - start - overlap
        if mentions and mentions[0].end <= safe:
            m = mentions[0]
            return DateMention(m.start + start, m.end + start, m.iso, m.precision, m.end_iso)
        # never 0 (a mention at the chunk's start that reaches its tail): always move on
        start += min([safe, *(m.start for m in mentions if m.start > 0)])
    return None


def parse_date_text(text: str | None) -> str | None:
    """The page's own date from a date line, meta value or title (first full date), ISO."""
    if not text:
        return None
    for mention in find_dates(text):
        if mention.precision == "day":
            return mention.iso
    return None


# Dates written relative to the page's own date (its dateline or publication day): yesterday,
# a weekday (news style: "on Tuesday" is the last Tuesday up to the dateline's day), or in
# Chinese a day of the month alone (习近平26日在人民大会堂, 10日举行; the dateline's month, or
# the month before when that day is still to come).
_RELATIVE = re.compile(
    r"(?P<yesterday>(?<![^\W\d_])(?:yesterday|вчера)(?![^\W\d_])|昨天|昨日)"
    r"|(?<![^\W\d_])(?:on\s+)?(?P<enday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:в|во)\s+(?P<ruday>понедельник|вторник|среду|четверг|пятницу|субботу"
    r"|воскресенье)(?![^\W\d_])"
    r"|(?<![每上下])(?:星期|周)(?P<zhday>[一二三四五六日天])(?![一二三四五六七八九十年次末])"
    r"|(?<![\d年月/.\-－])(?P<mday>[0-3]?\d)日(?:(?:至|到|-|—|–)[0-3]?\d日)?(?![电讯])",
    re.IGNORECASE,
)
# Where a match of _RELATIVE may start, in the lower-cased text (an alternation whose every
# branch opens with a literal, which ``re`` skips to at C speed; _RELATIVE itself opens with
# lookbehinds and is tried at every position): see ``_relative_matches``
_EN_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RELATIVE_STARTS = re.compile(
    "yesterday|вчера|昨|on\\s+(?:" + _EN_WEEKDAYS + ")|" + _EN_WEEKDAYS + "|во?\\s+(?:"
    "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|星期|周|"
    + "|".join(f"{d}\\d?日" for d in "0123")
    + "|"
    + "|".join(f"{d}日" for d in "456789")
)


def _relative_matches(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """``_RELATIVE.finditer(text)``: matched where ``_RELATIVE_STARTS`` finds a start in
    ``lowered`` (``text.lower()``) when it folds as re.IGNORECASE does, offset for offset."""
    if len(lowered) != len(text) or (
        not text.isascii() and any(c in text for c in FOLDED_UNLIKE_LOWER)
    ):
        yield from _RELATIVE.finditer(text)
        return
    position = 0
    while (found := _RELATIVE_STARTS.search(lowered, position)) is not None:
        match = _RELATIVE.match(text, found.start())
        if match is None:
            position = found.start() + 1
            continue
        yield match
        position = match.end()  # (never empty)


_REQUIRED_RELATIVE = (
    "yesterday",
    "вчера",
    "昨",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
    "周",
    "星期",
    "日",
)
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
}


# the day a report was made, not its event's (the ministry said on Monday, сообщили во вторник,
# 记者5日从…获悉, 发言人5日消息; not "held on March 1, the ministry said", where the date is the
# event's), or a day still to come (will be held on Tuesday, 将于本周二,
# next Friday): not the event's date
_REPORT_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:said|says|reported|announced|stated|confirmed|added|noted|told\s+[^\W\d_]+"
    r"|according\s+to\s+[^.,;\n]{1,40}|сообщил[аио]?|сообщили|заявил[аио]?|заявили|рассказал[аио]?"
    r"|рассказали|сообщается|сообщает)(?:\s+on)?|记者|发言人|消息人士)\s*$",
    re.IGNORECASE,
)
_REPORT_AFTER = re.compile(
    r"\s*(?:从|消息|获悉|发布|表示|介绍|透露|宣布|通报|对外|向媒体|对记者"
    r"|(?:сообщил|заявил|рассказал)[аио]?(?![^\W\d_])|сообщили|заявили)",
    re.IGNORECASE,
)
_FUTURE_BEFORE = re.compile(
    r"(?:将于|将在|将|拟于|(?<![^\W\d_])(?:will(?:\s+[^\W\d_]+){0,3}|next|coming|to\s+be\s+held"
    r"|состоится|пройд[её]т|будет|следующ\w+))\s*(?:on\s+)?(?:本|下|this\s+)?$",
    re.IGNORECASE,
)
REPORT_SPAN = 40  # characters before a relative date searched for a reporting or future word


def _report_day(text: str, match: re.Match[str]) -> bool:
    return report_date(text, match.start(), match.end()) or bool(
        _FUTURE_BEFORE.search(text[max(0, match.start() - REPORT_SPAN) : match.start()])
    )


def report_date(text: str, start: int, end: int) -> bool:
    """The date at ``text[start:end]`` is the day a report was made (the ministry said on
    Monday; 据公安部10月20日通报; сообщили во вторник), not its event's."""
    before = text[max(0, start - REPORT_SPAN) : start]
    return bool(_REPORT_BEFORE.search(before) or _REPORT_AFTER.match(text, end))


def _relative_day(match: re.Match[str], reference: date) -> date | None:
    if match.group("yesterday"):
        return reference - timedelta(days=1)
    weekday = match.group("enday") or match.group("ruday") or match.group("zhday")
    if weekday:
        back = (reference.weekday() - _WEEKDAYS[weekday.lower()]) % 7
        return reference - timedelta(days=back)
    day = int(match.group("mday"))
    if not 1 <= day <= 31:
        return None
    year, month = reference.year, reference.month
    if day > reference.day:  # still to come this month: the month before
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def relative_dates(text: str, reference: date | str | None) -> list[DateMention]:
    """Dates ``text`` gives relative to the page's date ``reference`` (yesterday, вчера, 昨天; a
    weekday: on Tuesday, во вторник, 周二; a Chinese day of the month alone: 26日), in order;
    none without a reference."""
    if isinstance(reference, str):
        reference = _to_date(reference)
    if reference is None:
        return []
    lowered = text.lower()
    if not any(word in lowered for word in _REQUIRED_RELATIVE):
        return []
    found = []
    for match in _relative_matches(text, lowered):
        if _report_day(text, match):
            continue
        if match.group("mday") is None and match.group("yesterday") is None:
            if weekday_named_date(text, match) is not None:
                continue  # (во вторник, 10 ноября: the date written out is the mention)
        day = _relative_day(match, reference)
        if day is not None:
            found.append(DateMention(match.start(), match.end(), day.isoformat(), "day"))
    return found


# what may join a weekday and the date it is named with (во вторник, 10 ноября; Monday, December
# 1, 2025; 3月20日（星期五）; on Friday (May 15))
_WEEKDAY_JOINT_AFTER = re.compile(r"[\s,，、(（]{0,3}")
_WEEKDAY_JOINT_BEFORE = re.compile(r"[\s,，、(（]{0,3}$")
WEEKDAY_DATE_SPAN = 28  # characters either side of a weekday searched for its date


def weekday_named_date(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The month and day of the date a weekday is named with, right after or right before it
    (во вторник, 10 ноября; on Thursday, February 12; 10 ноября, во вторник; 3月20日（星期五）),
    with or without its year; None when the weekday stands alone (on Tuesday). Such a weekday
    is no date relative to the page's: it names the date written beside it."""
    end = match.end()
    joint = _WEEKDAY_JOINT_AFTER.match(text, end)
    at = joint.end() if joint else end
    after = text[at : at + WEEKDAY_DATE_SPAN]
    if after[:1].isdigit() or after[:1].isalpha():
        for m in _find(after, _ANY_YEAR):
            if m.start == 0 and m.precision == "day":
                return int(m.iso[5:7]), int(m.iso[8:10])
    start = match.start()
    before = text[max(0, start - WEEKDAY_DATE_SPAN) : start]
    joint = _WEEKDAY_JOINT_BEFORE.search(before)
    cut = joint.start() if joint else len(before)
    if cut and (before[cut - 1].isalnum() or before[cut - 1] == "."):
        for m in _find(before[:cut], _ANY_YEAR):
            if m.end >= cut - 1 and m.precision == "day":
                return int(m.iso[5:7]), int(m.iso[8:10])
    return None


_ANY_YEAR = date(2000, 12, 31)  # a reference that gives a year-less mention some year (month
# and day are all that ``weekday_named_date`` reads; 2000 is a leap year: 29 February stays)


# The page's date when it states none of its own but its dateline gives a day and a month
# (BEIJING, March 18 (Xinhua) --; БИШКЕК, 25 июня. /ТАСС/.; 新华社北京5月12日电): the year is the
# text's most frequent year (ties: the latest), or, when the lead names the weekday of its
# event, the year near the text's years in which that weekday is the dateline's day (else the
# day before); when that weekday is named with its date (во вторник, 10 ноября), the year near
# the text's years (up to NAMED_YEAR_REACH after them) in which that date falls on it.
# (no digit before it, checked after its first two digits: see coder_background._YEAR)
_BARE_YEAR = re.compile(r"((?:19|20)(?<!\d(?:19|20))\d\d)(?!\d)")
DATELINE_REACH = 300  # characters from the text's start a dateline stands in
WEEKDAY_REACH = 600  # characters from the text's start the lead's weekday is searched in
YEAR_REACH = 1  # years either side of the text's years a dateline's year may be
NAMED_YEAR_REACH = 2  # years after the text's years a weekday named with its date may set


def infer_page_date(text: str) -> str | None:
    """The page's date from a dateline without a year (see above), ISO; None when the text has
    no such dateline or no year to take."""
    head = text[:DATELINE_REACH]
    yearless: list[bool] = []
    mentions = _find(head, None, yearless)
    if mentions or not yearless:
        return None  # a date with its year, or no date at all: nothing to infer
    found = [m for p in (*_PATTERNS[2:4], *_PATTERNS[6:8]) if (m := p.search(head)) is not None]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())  # (patterns 2-3 and 6-7: day and month alone)
    month = _month_of(match.groupdict())
    day_text = match.groupdict().get("day")
    if month is None or not day_text:
        return None
    day = int(day_text)
    counts: dict[int, int] = {}
    for bare in _BARE_YEAR.finditer(text):
        year = int(bare.group(1))
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    base = max(counts, key=lambda y: (counts[y], y))
    candidates = sorted({y + d for y in counts for d in range(-YEAR_REACH, YEAR_REACH + 1)})
    weekday = _RELATIVE.search(text[:WEEKDAY_REACH])
    name = None
    if weekday is not None and not _report_day(text, weekday):
        name = weekday.group("enday") or weekday.group("ruday") or weekday.group("zhday")
    named = weekday_named_date(text, weekday) if name and weekday is not None else None
    if name and named is not None:
        # the lead's weekday is named with its date (Встреча состоялась во вторник, 10 ноября):
        # the year in which that date falls on that weekday, near the text's years (a later
        # year first: a page tells of years before its own more than after)
        wanted = _WEEKDAYS[name.lower()]
        years = sorted(
            {y + d for y in counts for d in range(-YEAR_REACH, NAMED_YEAR_REACH + 1)},
            key=lambda y: (abs(y - base), -y),
        )
        for year in years:
            try:
                if date(year, *named).weekday() != wanted:
                    continue
            except ValueError:
                continue
            # (the dateline's day follows the event's: in the next year when its month is earlier)
            page_year = year + 1 if (month, day) < named else year
            try:
                return date(page_year, month, day).isoformat()
            except ValueError:
                return None
        return None
    best: tuple[int, int, int] | None = None
    for year in candidates if name else [base]:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        gap = (candidate.weekday() - _WEEKDAYS[name.lower()]) % 7 if name else 0
        if gap > 1:
            continue  # the lead's weekday is neither the dateline's day nor the day before
        # (the dateline's own day first, then the year nearest the text's, then the later)
        key = (gap, abs(year - base), -year)
        if best is None or key < best:
            best = key
    return date(-best[2], month, day).isoformat() if best else None


# A month named alone (in February, в феврале текущего года, 今年2月, 2月份): the month of its
# year, read from the page's date (this year; last year when said, or when the month is still to
# come).
_MONTH_ALONE = re.compile(
    r"(?<![^\W\d_])(?:in|during)\s+(?:early\s+|mid-|late\s+)?(?P<en>jan(?:uary)?|feb(?:ruary)?"
    r"|march|apr(?:il)?|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?)(?![^\W\d_])(?!\.?\s*\d)(?P<en_last>\s+(?:of\s+)?last\s+year)?"
    r"|(?<![^\W\d_])(?:в|во)\s+(?:начале\s+|середине\s+|конце\s+)?(?P<ru>январ[ея]|феврал[ея]"
    r"|март[ea]|апрел[ея]|ма[ея]|июн[ея]|июл[ея]|август[ea]|сентябр[ея]|октябр[ея]|ноябр[ея]"
    r"|декабр[ея])(?![^\W\d_])(?!\s*\d)(?P<ru_last>\s+(?:прошлого|минувшего)\s+года)?"
    r"|(?P<zh_last>去年)?(?<!\d年)(?<!\d)(?P<zh>1[0-2]|[1-9])月(?:份)?(?![\d日])",
    re.IGNORECASE,
)


def month_mentions(text: str, reference: date | str | None) -> list[DateMention]:
    """Months named alone in ``text``, dated from the page's date ``reference``; none without
    one."""
    if isinstance(reference, str):
        reference = _to_date(reference)
    if reference is None:
        return []
    found = []
    for match in _MONTH_ALONE.finditer(text):
        en, ru, zh = match.group("en"), match.group("ru"), match.group("zh")
        if en:
            month = _EN_MONTHS[en[:3].lower()]
        elif ru:
            month = next(n for stem, n in _RU_MONTHS.items() if ru.lower().startswith(stem))
        else:
            month = int(zh)
        last = match.group("en_last") or match.group("ru_last") or match.group("zh_last")
        # (a month still to come is last year's, unless it is within the reach a day still to
        # come has, ``_infer_year``: 将于8月上旬举行, will be held in September, on a page of late July)
        ahead = date(reference.year, month, 1) > reference + timedelta(days=AHEAD_DAYS)
        year = reference.year - 1 if last or ahead else reference.year
        found.append(DateMention(match.start(), match.end(), f"{year:04d}-{month:02d}", "month"))
    return found
