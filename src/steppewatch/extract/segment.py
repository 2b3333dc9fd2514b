"""Split a document into independent items: press-conference transcripts into questions with
their answers, the opening announcements into one item each; other documents are one item.

Chinese MFA transcripts: a question opens with "问：" or "<outlet>记者：" (also "会后有记者问及：");
English: "Q:"; Russian: "Вопрос:"; or, in English and Russian, at least three lines naming the
asking outlet and ending in a question mark ("Xinhua News Agency: ...?", "AFP: ...?"). Announcements before the first question open with "应...邀请"
/ "At the invitation of" / "По приглашению", a date line or a numbered announcement (第一条消息：); other
lines join the item before.

A digest (a day's or a week's news of several states: lines opening with numbers 1. 2. 3., with
bracketed heads 【乌兹别克斯坦】, or with run-in heads of one to three capitalised words and a full
stop, Кыргызстан. ...; at least three of one style, each entry with a sentence of its own, after
an opening of a title and short lines only) is split the same way: the opening, then each entry,
an item of its own (``digest_entries``), so the states of one entry are no sides of another's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from steppewatch.extract.lines import LinePattern

__all__ = ["Segment", "segment_text"]

_QUESTION = LinePattern(
    r"^(?:问\s*[：:]|[^\n：:。？?]{0,30}记者(?:问及)?\s*[：:]|有记者问\s*[：:]?|Q\s*[:：]|"
    r"Question\s*[:：]|Вопрос\s*[:：]|В\s*:)",
)
# a transcript that names the asking outlet instead of "Q:" (Xinhua News Agency: ... ?; AFP:
# ... ?; РИА Новости: ... ?): a line opening with a short name and a colon and ending in a
# question mark; at least OUTLET_QUESTIONS of them make the document a transcript
_OUTLET_QUESTION = LinePattern(
    r"^[A-ZА-ЯЁ][^\W\d_]*(?:[ &.'’-]+[^\W_][^\s:]*){0,5}\s*:[ \t]+[^\n]*\?[ \t]*$"
)
OUTLET_QUESTIONS = 3
# (the defence ministry's monthly briefing numbers its announcements: 第一条消息：…, 第二条消息：…,
# each its own event)
_ANNOUNCEMENT = LinePattern(
    r"^(?:应[^\n，,]{1,60}邀请|经[^\n，,]{1,20}商定|At the invitation of|"
    r"По приглашению|[^\n]{0,12}(?:宣布|announce)[^\n]{0,6}[：:]|"
    r"[ \t\u3000]*第[一二三四五六七八九十]{1,3}条消息\s*[：:])",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")
# a site's breadcrumb trail above the title (新华网 > 时政 > 正文, Home > World > Asia-Pacific,
# Главная › Новости › Политика): the page's place on the site, not the item's first line; the
# title under it opens the item (its lead is the title and the sentence after it)
_CRUMB = re.compile(r"\s(?:>|›|»|&gt;)\s")
CRUMBS = 2  # separators at least: a title with one (Talks | Xinhua) is still the title
CRUMB_FIELD = 40  # characters: the longest section name in a trail
CRUMB_LINES = 2  # lines of furniture searched at the top


class Segment(NamedTuple):
    """An item's span of the text and its title line (a named tuple: made for every item of
    every document, a third of the cost of a frozen dataclass's ``__init__``)."""

    start: int
    end: int
    title: str | None


def _title(text: str, start: int, end: int) -> str:
    newline = text.find("\n", start, end)
    line = text[start : end if newline < 0 else newline].strip()
    return line if len(line) <= 80 else line[:79] + "…"


def _crumb_line(line: str) -> bool:
    """``line`` is a breadcrumb trail: CRUMBS or more separators between short fields, no digit
    and no sentence's end (a title quoting a sign, a date line, are not)."""
    parts = _CRUMB.split(line.strip())
    return (
        len(parts) > CRUMBS
        and all(0 < len(p.strip()) <= CRUMB_FIELD for p in parts)
        and not any(c.isdigit() for c in line)
        and not line.rstrip().endswith(("。", ".", "!", "?", "！", "？"))
    )


def content_start(text: str) -> int:
    """Where the item's own text begins: past a breadcrumb trail in the first CRUMB_LINES
    non-empty lines (``_crumb_line``), else 0."""
    position, top = 0, 0
    for _ in range(CRUMB_LINES):
        while position < len(text) and text[position] in "\n\r \t\u3000":
            position += 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if position >= end:
            break
        if _crumb_line(text[position:end]):
            top = end + 1 if end < len(text) else end
        position = end + 1
    return top


# a digest's entries (a day's or a week's news of several states, each entry its own event):
# lines opening with a number (1. ..., 2) ...), a bracketed heading (【乌兹别克斯坦】, 【社会】) or
# a heading of one to three capitalised words and a full stop (Кыргызстан. ..., Border. ...);
# the number or heading is followed by the entry's own words on the line; or a heading of one to
# three words in capitals alone on its line (KYRGYZSTAN), the entry's words on the lines below
_DIGEST_ENTRY = LinePattern(
    r"^[ \t\u3000]*(?:(?P<number>\d{1,2})[.)．、][ \t\u3000]*(?=\S)|"
    r"(?P<bracket>【)[^】\n]{1,20}】|"
    r"(?P<heading>[^\W\d_a-zа-яё][^\W\d_]{2,20}(?:[ \t][^\W\d_]{2,20}){0,2})\.[ \t]+(?=\S)|"
    # (a heading in capitals alone on its line, one to three words: a round-up by country,
    # KAZAKHSTAN / KYRGYZSTAN / ALSO NOTED, nineteenth round)
    r"(?P<caps>[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]{2,20}(?:[ \t]+[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]{1,20}){0,2})[ \t]*(?=\n|$))"
)
DIGEST_ENTRIES = 3  # entries at least, all of one style, to make a span a digest
DIGEST_OPENING_LINE = 200  # characters: the longest line before a digest's first entry
DIGEST_LINE = 16  # characters at least (a Han character counts two) on a numbered entry's
# line: a headline or a sentence (2. 欧盟峰会讨论对乌援助), not a section's name (1. What we found)
_HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[。！？!?]|(?<=[^\W\d_]{2})\.(?:\s|$)")


def digest_entries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The entries of a digest between ``start`` and ``end``: (start, end) of the text before
    the first entry (the title and the digest's own opening line, when there is any) and of each
    entry, up to the next entry; empty unless DIGEST_ENTRIES lines or more open entries of one
    style (numbered from 1 in order; bracketed headings; or capitalised headings and a full
    stop). Each entry reports its own event: the states of one are not the sides of another."""
    marks: dict[str, list[int]] = {}
    numbers: list[int] = []
    for match in _DIGEST_ENTRY.finditer(text, start, end):
        if match.group("number") is not None:
            line_end = text.find("\n", match.end(), end)
            line_end = end if line_end < 0 else line_end
            width = line_end - match.end()
            if width < DIGEST_LINE and (
                width + len(_HAN_CHARACTER.findall(text, match.end(), line_end)) < DIGEST_LINE
            ):
                continue  # a section's name (1. Drivers), not a news item's headline
            if int(match.group("number")) != len(numbers) + 1:
                continue  # (not the next number: a figure or a date opening a line)
            numbers.append(match.start())
        else:
            style = (
                "bracket"
                if match.group("bracket")
                else ("caps" if match.group("caps") else "heading")
            )
            marks.setdefault(style, []).append(match.start())
    marks["number"] = numbers
    best = max(marks.values(), key=len)
    if len(best) < DIGEST_ENTRIES:
        return []
    # (a table of contents, headlines one a line with the stories after the last, is no digest:
    # every entry but the last has a sentence of its own)
    if any(_SENTENCE_END.search(text, a, b) is None for a, b in zip(best, best[1:], strict=False)):
        return []
    # (a digest opens with a title, a date line and a line of its own at most: an article or a
    # paper that opens with a paragraph of its own and then numbers its findings or names its
    # sections in run-in heads, The budget. ..., is one item)
    if any(len(line) > DIGEST_OPENING_LINE for line in text[start : best[0]].split("\n")):
        return []
    # (the text before the first entry, a title and an opening line, is an item of its own)
    opening = [start] if text[start : best[0]].strip() else []
    bounds = [*opening, *best, end] if opening else [start, *best[1:], end]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def segment_text(text: str) -> list[Segment]:
    """Items of a document as spans of ``text``. A single item covers the whole text but a
    breadcrumb trail above its title (``content_start``)."""
    questions = [m.start() for m in _QUESTION.finditer(text)]
    if len(questions) < 2:
        questions = [m.start() for m in _OUTLET_QUESTION.finditer(text)]
        if len(questions) < OUTLET_QUESTIONS:
            questions = []
    if len(questions) < 2:
        top = content_start(text) if _CRUMB.search(text, 0, 2000) else 0
        entries = digest_entries(text, top, len(text))
        if not entries:
            return [Segment(top, len(text), None)]
        # a digest: the title and opening, then each entry, an item of its own
        return _segments(text, [start for start, _ in entries])
    starts: list[int] = []
    preamble_end = questions[0]
    if text[:preamble_end].strip():
        starts.append(0)
        for match in _ANNOUNCEMENT.finditer(text, 0, preamble_end):
            if match.start() > 0:
                starts.append(match.start())
    starts.extend(questions)
    return _segments(text, sorted(set(starts)))


def _segments(text: str, starts: list[int]) -> list[Segment]:
    """Items from ``starts`` (sorted), each to the next start or the text's end."""
    segments = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        # trim the trailing newline so items do not overlap in their visible text
        stop = end
        while stop > start and text[stop - 1] in "\n ":
            stop -= 1
        if stop > start:
            segments.append(Segment(start, stop, _title(text, start, stop)))
    return segments
