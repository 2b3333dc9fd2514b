"""Photo captions: page furniture that reports no event of the item.

A news page's extracted text keeps the caption of its picture: a copyright line (© Sputnik /
Пограничники Казахстана и Китая во время патрулирования) or a picture marked as from the
archive (архивное фото, file photo, 资料图). An archive picture shows another day's event, and
a copyright line is the photo agency's label of a picture: neither is the event the item
reports (an economic page with a stock photo of a joint patrol is no patrol).
``without_captions`` drops the hits inside such lines; a line that merely credits the
photographer of the page's own event (Фото: пресс-служба МВД) is left alone.
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

__all__ = ["caption_lines", "without_captions"]

CAPTION_LINE = 300  # characters: a longer line is a paragraph, not a caption
_CAPTION = re.compile(
    r"(?m)^[ \t]*©[^\n]*|"
    r"^[^\n]*(?:архивн\w*\s+фото|фото\s+из\s+архива|(?<![^\W\d_])(?:file|archive)\s+photo|"
    r"资料图|资料照片)[^\n]*",
    re.IGNORECASE,
)
# one of these literals is in every caption line: one plain alternation, scanned at C speed,
# before the caption pattern is run at all
_MARKERS = re.compile("©|фото|Фото|ФОТО|photo|Photo|PHOTO|资料")


def caption_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the caption lines between ``start`` and ``end``, sorted."""
    if _MARKERS.search(text, start, end) is None:
        return []
    return [
        (m.start(), m.end())
        for m in _CAPTION.finditer(text, start, end)
        if m.end() - m.start() <= CAPTION_LINE
    ]


def without_captions(hits: list[Hit], text: str, start: int, end: int) -> list[Hit]:
    """``hits`` without those inside a caption line of the item (``start``-``end``)."""
    spans = caption_lines(text, start, end)
    if not spans:
        return hits
    return [h for h in hits if not any(lo <= h.start < hi for lo, hi in spans)]
