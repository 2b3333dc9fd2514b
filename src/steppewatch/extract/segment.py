"""Split a document into independent items: press-conference transcripts into questions with
their answers, the opening announcements into one item each; other documents are one item.

Chinese MFA transcripts: a question opens with "问：" or "<outlet>记者：" (also "会后有记者问及：");
English: "Q:"; Russian: "Вопрос:"; or, in English and Russian, at least three lines naming the
asking outlet and ending in a question mark ("Xinhua News Agency: ...?", "AFP: ...?"). Announcements before the first question open with "应...邀请"
/ "At the invitation of" / "По приглашению", a date line or a numbered announcement (第一条消息：); other
lines join the item before.
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
        return [Segment(top, len(text), None)]
    starts: list[int] = []
    preamble_end = questions[0]
    if text[:preamble_end].strip():
        starts.append(0)
        for match in _ANNOUNCEMENT.finditer(text, 0, preamble_end):
            if match.start() > 0:
                starts.append(match.start())
    starts.extend(questions)
    starts = sorted(set(starts))
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
