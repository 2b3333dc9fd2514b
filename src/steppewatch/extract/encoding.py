"""Decode document bytes to text: declared charset (BOM, HTTP header, HTML meta) verified by
decoding, corrected when wrong; charset-normalizer as the fallback.

Order: BOM -> strict UTF-8 -> charset from ``content_type`` -> ``<meta charset>`` in the first
4 KB -> GB18030/Big5 -> charset-normalizer -> UTF-8 with a few bytes replaced. A declared charset
is only trusted if the bytes decode strictly with it and, for the single-byte Cyrillic charsets
(which decode any byte), if the text reads as Russian in it better than in the others (cp1251
bytes declared as KOI8-R come out mostly upper case); a single-byte Latin declaration (which
also decodes any byte) loses to GB18030, Big5 or Cyrillic when those read as such (SW440
warning). A text cut mid-character keeps all but its partial last character (SW443 warning).
"""

from __future__ import annotations

import codecs
import functools
import re

from steppewatch.errors import ExtractionError

__all__ = ["decode_bytes", "declared_charset", "normalise_charset_name"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTTP = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
_ALIASES = {
    # superset decoders: a page labelled gb2312 or gbk is decoded as GB18030, as browsers do
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-cp1251": "cp1251",
    "windows-1251": "cp1251",
    "iso-8859-1": "cp1252",  # WHATWG: latin-1 labels mean windows-1252
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
_CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8-r", "iso8859-5", "cp866", "mac-cyrillic")
_FREQUENT_RU = set("оеаинтсрвлкмдпуяыьгзбч")


def normalise_charset_name(name: str) -> str | None:
    """Python codec name for a declared charset label, or None if unknown."""
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the bytes claim (HTTP header first, then an HTML meta tag)."""
    found = _declared(data, content_type)
    return found[1] if found else None


def _declared(data: bytes, content_type: str | None) -> tuple[str, str | None] | None:
    """``(label as written, codec name or None if unknown)`` of the declared charset."""
    if content_type:
        match = _HTTP.search(content_type)
        if match:
            found = normalise_charset_name(match.group(1))
            if found:
                return match.group(1), found
    meta = _META.search(data[:4096])
    if meta:
        label = meta.group(1).decode("ascii", "replace")
        return label, normalise_charset_name(label)
    return None


def _russian_score(text: str) -> float:
    """How much a text looks like Russian: frequent lower-case letters minus upper case."""
    lower = upper = 0
    for char in text:
        if "а" <= char <= "я" or char == "ё":
            if char in _FREQUENT_RU:
                lower += 1
        elif "А" <= char <= "Я" or char == "Ё":
            upper += 1
    total = lower + upper
    return (lower - upper) / total if total else -1.0


def _best_cyrillic(data: bytes, first: str) -> tuple[str, str]:
    sample = _from_first_non_ascii(data, 20000)
    best, best_score = first, -2.0
    # the common charsets only: rarer ones (mac-cyrillic, iso8859-5) differ from cp1251 mostly
    # in capitals and would win on lower-case statistics alone
    for charset in (first, *[c for c in ("cp1251", "koi8-r", "cp866") if c != first]):
        try:
            score = _russian_score(sample.decode(charset))
        except UnicodeDecodeError:
            continue
        if score > best_score + 0.1:  # the declared charset wins near ties
            best, best_score = charset, score
    return data.decode(best), best


def _strict(data: bytes, charset: str) -> str | None:
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _strict_or_cut(data: bytes, charset: str) -> tuple[str | None, int]:
    """Strict decoding; a text cut mid-character (the only error in its last 4 bytes) is
    decoded without its partial last character. Returns ``(text, bytes dropped)``."""
    try:
        return data.decode(charset), 0
    except LookupError:
        return None, 0
    except UnicodeDecodeError as error:
        if error.start < len(data) - 4 or error.start == 0:
            return None, 0
        text = _strict(data[: error.start], charset)
        return (text, len(data) - error.start) if text is not None else (None, 0)


def decode_bytes(
    data: bytes,
    *,
    content_type: str | None = None,
    source: str = "<bytes>",
    warnings: list[str] | None = None,
) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ExtractionError if no charset gives sensible text.

    What a reader should know (a declared charset that was wrong, a text cut mid-character,
    bytes replaced) is appended to ``warnings`` as coded one-line messages."""
    notes = warnings if warnings is not None else []
    for bom, charset in _BOMS:
        if data.startswith(bom):
            text = _strict(data, charset)
            if text is None:  # a byte order mark is a strong declaration: keep the text
                text = data.decode(charset, errors="replace")
                notes.append(
                    _note(
                        "SW443",
                        source,
                        f"{charset} text with undecodable bytes (cut short?), replaced by U+FFFD",
                    )
                )
            return text, charset.replace("-sig", "")
    # Valid UTF-8 with non-ASCII bytes is almost never another charset by chance, so it beats
    # a declaration (pages saved as UTF-8 often keep their old gb2312 or windows-1251 meta tag).
    text, cut = _strict_or_cut(data, "utf-8")
    if text is not None:
        _note_cut(notes, source, "utf-8", cut)
        return text, "utf-8"
    label, declared = _declared(data, content_type) or (None, None)
    if declared:
        codec = codecs.lookup(declared).name
        if codec in _CYRILLIC_SINGLE_BYTE:
            return _best_cyrillic(data, codec)
        text, cut = _strict_or_cut(data, codec)
        if text is not None:
            better = _better_than_latin(data, text, codec) if codec in _LATIN else None
            if better is not None:
                notes.append(
                    _note(
                        "SW440",
                        source,
                        f"declares charset {label} but reads "
                        f"as {better[1]}; decoded as {better[1]}",
                    )
                )
                return better
            _note_cut(notes, source, codec, cut)
            return text, codec
    text, charset = _guess(data, source, notes)
    if declared and charset != codecs.lookup(declared).name:
        notes.append(
            _note(
                "SW440",
                source,
                f"declares charset {label} but does not decode with it; decoded as {charset}",
            )
        )
    return text, charset


def _note(code: str, source: str, message: str) -> str:
    return f"[{code}] {source}: {message}"


def _note_cut(notes: list[str], source: str, charset: str, cut: int) -> None:
    if cut:
        notes.append(
            _note(
                "SW443",
                source,
                f"{charset} text ends mid-character ({cut} byte(s) "
                "dropped): the file may be cut short",
            )
        )


# single-byte Latin charsets decode any bytes, so a CJK or Cyrillic page mislabelled with one
# (a GB18030 page declaring iso-8859-1) decodes "cleanly" into mojibake
_LATIN = ("cp1252", "latin-1", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "mac-roman")


def _better_than_latin(data: bytes, latin: str, codec: str) -> tuple[str, str] | None:
    window = _text_sample(latin, 20000)
    non_ascii = sum(1 for c in window if ord(c) > 0x7F)
    if non_ascii < 10:
        return None
    for charset in ("gb18030", "big5hkscs"):
        text, _ = _strict_or_cut(data, charset)
        if text is not None and _looks_cjk(text):
            return text, charset
    letters = sum(1 for c in window if c.isalpha())
    if letters and non_ascii / letters > 0.5:  # Russian: almost every letter is non-ASCII
        text, charset = _best_cyrillic(data, "cp1251")
        if _looks_russian(text):
            return text, charset
    return None


def _guess(data: bytes, source: str, notes: list[str] | None = None) -> tuple[str, str]:
    # Try the charsets of this project's sources before the statistical guess: GB18030 and
    # Big5 are strict enough that a clean decode of a long text is strong evidence.
    for charset in ("gb18030", "big5hkscs"):
        text, cut = _strict_or_cut(data, charset)
        # Cyrillic is in GB2312 too: Russian pages of Chinese sites come in GBK
        if text is not None and (_looks_cjk(text) or _looks_russian(text)):
            if notes is not None:
                _note_cut(notes, source, charset, cut)
            return text, charset
    from charset_normalizer import from_bytes

    # UTF-16/32 without a byte order mark would be half NUL bytes, refused as binary before
    # decoding: such a guess is wrong here (it turned Cyrillic pages into CJK-looking noise)
    best = next(
        (
            m
            for m in from_bytes(_from_first_non_ascii(data, 200_000))
            if m.encoding and not m.encoding.startswith(("utf_16", "utf_32"))
        ),
        None,
    )
    if best is None or best.encoding is None:
        # mostly UTF-8 with a few bad bytes (a damaged or spliced file): keep the text
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(1, len(text) // 200):
            if notes is not None:
                notes.append(
                    _note(
                        "SW443",
                        source,
                        f"utf-8 text with {bad} undecodable byte sequence(s), replaced by U+FFFD",
                    )
                )
            return text, "utf-8"
        raise ExtractionError(
            f"{source}: cannot tell the text encoding",
            hint="save the file as UTF-8 or declare its charset",
            code="SW413",
        )
    codec = codecs.lookup(best.encoding).name
    if codec in _CYRILLIC_SINGLE_BYTE:
        return _best_cyrillic(data, codec)
    text = data.decode(codec, errors="replace")
    if _single_byte(codec):  # decodes any bytes: may be Cyrillic or CJK read wrongly
        better = _better_than_latin(data, text, codec)
        if better is not None:
            return better
    return text, codec


# Samples for the statistics start at the first non-ASCII character: a page may open with
# thousands of ASCII tags (deep nesting, a huge attribute) before any text.
_NON_ASCII_TEXT = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_MARKUP = re.compile(r"<[^<>]*>")
_MARKUP_BYTES = re.compile(rb"<[^<>]*>")
_SPACE_RUNS = re.compile(rb"[ \t\r\n]{2,}")


def _from_first_non_ascii(data: bytes, size: int) -> bytes:
    """``size`` bytes of text from the first non-ASCII byte (a lead byte in any ASCII
    compatible charset, so multi-byte decoding stays aligned), tags and their attributes
    left out: a huge attribute of one repeated letter is no sample of the page's language.
    (``<`` and ``>`` are never trail bytes in GBK, GB18030, Big5 or the single-byte sets.)"""
    if b"<" in data:
        data = _SPACE_RUNS.sub(b" ", _MARKUP_BYTES.sub(b" ", data))
    found = _NON_ASCII_BYTE.search(data)
    start = found.start() if found and found.start() > size // 4 else 0
    return data[start : start + size]


def _text_sample(text: str, size: int = 5000) -> str:
    if "<" in text:
        text = _MARKUP.sub(" ", text)
    found = _NON_ASCII_TEXT.search(text)
    start = found.start() if found else 0
    return text[start : start + size]


@functools.cache
def _single_byte(codec: str) -> bool:
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256


def _looks_russian(text: str) -> bool:
    sample = _text_sample(text)
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    return cyrillic > 10 and _russian_score(sample) > 0.5


def _looks_cjk(text: str) -> bool:
    sample = _text_sample(text)
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    other = sum(1 for c in sample if ord(c) > 0x7F and not ("\u4e00" <= c <= "\u9fff"))
    return cjk > 10 and other < cjk * 0.2
