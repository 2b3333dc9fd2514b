"""The event's location (annotation guide, point 7): the city where it happens (English name,
``Astana``, ``Beijing``), or the state's ISO code when only the state or one of its provinces
is given; none when the text does not say.

Places are the gazetteer's (``places.yaml``), found in the item's relevant passages (and, on a
page longer than one passage, in its lead: ``codebook_coder._lead_span``). A place is
the event's venue when a venue word comes right before it in its clause (在/于/赴/抵达,
in/at/near/visit, в/во/на/под), with nothing between them but other places and words such as
首都, 州, "the city of", "'s", столице, районе, области (在吉尔吉斯斯坦首都比什凯克, in the area of
the Khorgos crossing, в районе пункта пропуска «Иркештам»). Not a venue: a place in an
embassy's or consulate's name (驻塔使馆, the Chinese Embassy in Tashkent), a place inside a
name (上海合作组织, the Xi'an Declaration).

The location is, in order:
1. none when the item reports no event (commentary) or its event is a telephone or video call
   (a call has no venue; one participant joining a gathering by video does not make it a call);
2. the first city named as a venue (not in a sentence about another time: last year, or dates
   in other years than the event's; nor, after the lead, in one about another time or event
   as ``coder_background`` reads it: recalled, to come, done by others too, another month of
   this year, or in an analyst's words; nor after the page's links to other articles or a note headed as background) in
   the relevant passages (or followed by 发生/举行: 比什凯克市发生, or naming a meeting: 阿斯塔纳
   峰会, the Tashkent conference); the city's landmarks (人民大会堂, the Akorda) are its names;
3. else the first province named as a venue (its state's code);
4. else the readout's dateline (ALMATY, May 5 (Xinhua) --; Бишкек, 14 апреля; 新华社北京5月26日电;
   with its state or province between: ALMATY, Kazakhstan, April 25; ЧЕБАРКУЛЬ /Челябинская
   обл./, 15 августа; or an agency after a full stop: АСТАНА. КАЗИНФОРМ -) at the start of the
   item: a readout reports what happened where it was filed; but for an event in the field
   (``FIELD_KINDS``: a build-up, a border post or a site built, an incident, a private security
   firm's work) the dateline's city is only where the report was filed: its state's code;
5. else the first state named as a venue (its code): "a state visit to Kyrgyzstan" is
   weaker than a dateline's city;
6. else, for the focal state's build-up at home (domestic_capacity), the focal state's code.

In Chinese a place that opens its clause right after a date (5月19日晚，吉尔吉斯斯坦纳伦州…遭冲击) is
a venue too: a report says when, then where.

A state's capital named by the state with no city (in the capital of Kyrgyzstan, в столице
Таджикистана, 乌兹别克斯坦首都) is that city, as a city venue (``places.yaml``: ``capital: true``).

A city's name standing for its province or district (Карагандинской области, the Aktobe
region, 喀什地区) is a province: its state's code (guide item 7), after any city.

Only the first ``MAX_PLACES`` place names of the relevant passages are examined, so a hostile
text of many thousand place names costs no more than a long report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from steppewatch.extract.coder_background import (
    analyst_passage,
    another_time,
    event_year,
    lead_end,
    note_start,
)
from steppewatch.extract.dates import find_dates
from steppewatch.extract.gazetteer import Place
from steppewatch.extract.matcher import Hit, Matcher
from steppewatch.extract.model import CodedItem, Evidence

__all__ = ["assign_location", "find_location"]

# a venue word right before the place (normalised text: lower case)
_MARKER = re.compile(
    r"(?:(?:在|于|赴|抵达|抵|到访|前往)"
    r"|(?<![^\W\d_])(?:in|at|near|inside|outside|visit(?:s|ed|ing)?(?:\s+to)?|arrived\s+in)"
    r"|(?<![^\W\d_])(?:в|во|на|под|около|близ|посетил[аи]?|посетит|посещени[ея])"
    r")\s*$"
)
# what may stand between the venue word and the place, besides other places (one space per
# repetition: with \s+ inside the starred runs below, a run of blanked places backtracked
# exponentially, 20 s of CPU for a 3.5 KB readout)
_CONNECTOR = re.compile(
    r"(?:\s|[«»\"“”'’]|的|首都|首府|境内|边境|一侧|州|省|市|地区|自治区|县|[西东南北中]部|西北部|东北部|西南部|东南部"
    r"|(?<![^\W\d_])(?:the|city|town|village|capital|area|region|province|district|of|"
    r"northwest|northeast|southwest|southeast|north|south|east|west|central|northern|southern|"
    r"eastern|western|s)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:airport|г\.|город[еау]?|аэропорт[уае]?|столиц[еыау]|район[еау]?|пункт[ае]?|пропуска|област[ия]|"
    r"территори[ия]|республик[иае]|аэродроме|полигоне|горн[оы][мй]|перевал[аеу]?)(?![^\W\d_])"
    r"|(?<![^\W\d_])[а-я]+(?:-[а-я]+)?[сц]к(?:ом|ой|их)\s+(?:район[еах]*|област[иях]*)(?![^\W\d_])"
    # (a ministry with no city: its state, decision M(a): в Министерстве внутренних дел
    # Туркменистана, at the Ministry of Foreign Affairs of Kyrgyzstan)
    r"|(?<![^\W\d_])(?:ministry|foreign|affairs|defen[cs]e|interior|internal|министерств[еау]"
    r"|иностранных|внутренних|дел|обороны)(?![^\W\d_])"
    # (a named area, valley or range of a place: in the Shohbulak area of Gorno-Badakhshan)
    r"|(?<![^\W\d_])[^\W\d_]+\s+(?:area|district|valley|mountains|range|village)(?=\s+of\s)"
    r")"
)
_TRAILING_CONNECTORS = re.compile(rf"(?:{_CONNECTOR.pattern})*$")
_CONNECTOR_RUN = re.compile(rf"(?:{_CONNECTOR.pattern}|州|省|市|oblast|область|област[ия])*")
# a place in an embassy's or consulate's name, or someone's home: not where the event happens
_NOT_VENUE_BEFORE = re.compile(
    r"(?:使馆|领馆|大使|总部(?:设|位)?|注册(?:地)?"
    r"|(?<![^\W\d_])(?:embass(?:y|ies)|consulate(?:\s+general)?|ambassador|headquartered|lives?"
    r"|living|based|resident|residing|registered|incorporated|accredited"
    r")(?:\s+of\s+(?:the\s+)?[^\W\d_]+)?"
    r"|(?<![^\W\d_])(?:посольств[аоеу]?|консульств[аоеу]?|генконсульств[аоеу]?|посол|посл(?:ом|а|у)"
    r"|штаб-квартир[аоыеу]?|зарегистрирован[а-я]*|аккредитованн?[а-я]*)(?:\s+[^\W\d_]+){0,2}"
    r")\s*$"
)
# a place said as a firm's seat right after it (一家在北京注册的安保公司): no venue (a firm
# registering a branch there, 在塔什干注册了子公司, is an event there; coder84)
_NOT_VENUE_AFTER = re.compile(r"(?:注册|登记)的")
_CLAUSE = re.compile(r"[，,。;；:：!?！？\n()（）]")
# a Chinese date (and time of day) closing the clause before a place: a report opening with when,
# then where (7月1日，塔吉克斯坦索格德州一中资企业营地遭袭击; 2月15日晚，比什凯克…发生)
_DATE_LED = re.compile(r"\d{1,2}日(?:[上下]午|晚间?|早上?|凌晨|清晨|中午|夜间?)?$")
DATE_LED_SPAN = 12  # characters before the clause's comma searched for the date
# what follows a state's or city's name that opens its clause when it names an actor, not a
# place: an office, an agency, a people, a conjunction (吉尔吉斯斯坦外长, 中国人民武装警察部队, 中国和…)
_LED_NOT = re.compile(
    r"和|与|同|及|、|总|副|外|国(?!际)|政|议|大使|使|驻|代表|军|武|方|安|边(?!境)|警|人|领|公|部|党|全"
)
# a place followed by "happened" or "was held" (比什凯克市发生, 在…举行 without 在 right before)
# or naming a meeting (阿斯塔纳峰会, 塔什干高级别会议, the Dushanbe summit)
_VENUE_AFTER = re.compile(
    r"(?:(?:市|州|省|地区|自治区)?(?:境内)?(?:发生|举行|举办|召开|开幕|闭幕)"
    r"|(?:高级别|国际)?(?:峰会|会议|会晤)"
    r"|\s+(?:summit|conference|high-level\s+conference|meeting)(?![^\W\d_]))"
)
# a city's name as its province's or district's (guide item 7: written as the state's code):
# Карагандинской области, Мургабском районе, the Aktobe region, Batken oblast, 喀什地区
_REGION_AFTER = re.compile(
    r"\s+(?:region|oblast|province|district|county)(?![^\W\d_])|州|地区|区(?!域)|县(?!城)"
)
_ADJECTIVE = re.compile(r"[а-яё](?:ск|цк)(?:ая|ой|ую|ий|ом|ого|ому|их)$")
_REGION_NOUN = re.compile(r"\s+(?:област|район)")
WORD_TAIL = 12  # characters of a Russian adjective's ending after the city's name
LOOKBACK = 40


def _region_named(normal: str, hit: Hit) -> bool:
    """The city's name stands for its province or district (Карагандинской области, in the
    Aktobe region, 喀什地区); the match may hold the adjective's ending already."""
    if _REGION_AFTER.match(normal, hit.end):
        return True
    end = hit.end
    while end < min(len(normal), hit.end + WORD_TAIL) and "а" <= normal[end] <= "я":
        end += 1
    return bool(_ADJECTIVE.search(normal, hit.start, end)) and bool(_REGION_NOUN.match(normal, end))


# place names examined per item, in text order: the venue of a report comes early, and a text
# of thousands of place names (a hostile or aggregated text) costs no more than this
MAX_PLACES = 200
NOT_VENUE_SPAN = 14  # characters before the venue word searched for an embassy, a home  # characters before a place searched for its venue word
# a telephone or video call: no venue
_CALL = re.compile(
    r"通电话|电话|视频会|视频通话|视频连线|视频方式|视频会谈|云会议"
    r"|телефон|видеоконференц|видеосвяз|режиме видео|онлайн"
    r"|(?<![^\W\d_])(?:tele)?phone|video\s?(?:call|link|conferenc)|videoconferenc|virtual(?:ly)?\s"
)
# how one participant joined a gathering held somewhere (the Tajik minister joined by video link;
# 哈方部长通过视频连线参会; министр подключился по видеосвязи): no call, the gathering has its venue
_JOINED_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:joined|joining|attended|attending|participated|took\s+part|spoke|addressed"
    r"|подключил\w*|участвовал\w*|принял\w*\s+участие|выступил\w*)"
    r"(?:\s+[^\W\d_]+){0,3}\s+(?:by|via|through|по|в|через)(?:\s+(?:a|the))?\s*$",
    re.IGNORECASE,
)
_JOINED_AFTER = re.compile(r"(?:方式)?(?:参会|出席|与会|参加|发言|致辞|出席会议)")
JOINED_SPAN = 48  # characters before a call word searched for a participant's joining verb
# a sentence about an earlier event (a treaty "signed in Beijing last September")
_PAST = re.compile(
    r"去年|前年|此前|上届|(?<![^\W\d_])(?:last\s+year|earlier|previous(?:ly)?|прошлого\s+года"
    r"|прошлом\s+году|ранее|прежде)(?![^\W\d_])"
)
_SENTENCE = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
# kinds of event that happen in the field, not at a gathering in a city: a dateline's city is
# where the report was filed, and the event is somewhere in its state
FIELD_KINDS = frozenset({"domestic_capacity", "infrastructure", "incident", "private_security"})
DATELINE_SPAN = 300  # characters from the item's start (after its title line) a dateline is in
# the text right after a dateline's place: a date (May 5, 5 мая, 14.04), a dash, or 5月26日电
_AFTER_DATELINE = re.compile(
    r"(?:\s+(?:область|обл\.|region|oblast))?"
    # (its state or province after it: ALMATY, Kazakhstan, April 25; ЧЕБАРКУЛЬ /Челябинская обл./,)
    # (or a state with a dash, a state in brackets, a hall: CHOLPON-ATA, Kyrgyzstan - ; ЧОЛПОН-АТА
    # (Киргизия), 20 мая; Almaty, Hotel Kazakhstan, 16-17 December)
    r"(?:,\s*[^\W\d_]{3,}(?:\s[^\W\d_]{3,}){0,2}(?=,|\s[–—-]{1,2}\s)|\s*/[^/\n]{1,40}/|\s\([^\W\d_]{3,}\))?"
    r"\s*(?:[,.]\s*(?:\d|[^\W\d_]{3,}\.?\s*\d)|\s*[–—-]{1,2}\s|\s*\((?:xinhua|синьхуа)"
    # (the agency after a full stop: АСТАНА. КАЗИНФОРМ -, ASTANA. KAZINFORM –)
    r"|\.\s*[^\W\d_]{3,}\s+[–—-]{1,2}\s"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日电)"
)


def _place_hits(matcher: Matcher, normal: str, start: int, end: int) -> list[Hit]:
    """Place hits between ``start`` and ``end``, without those inside a block or inside a longer
    place name (阿拉木图州 holds 阿拉木图); sorted by start."""
    hits = matcher.hits(normal, start, end)
    blocks = sorted((h.start, h.end) for h in hits if h.payload[0] == "block")
    block_starts = [b[0] for b in blocks]
    max_end: list[int] = []  # running maximum of the blocks' ends, by start
    for _, block_end in blocks:
        max_end.append(max(block_end, max_end[-1]) if max_end else block_end)
    places = []
    for hit in hits:
        if hit.payload[0] != "place":
            continue
        i = bisect.bisect_left(block_starts, hit.end) - 1  # blocks starting before its end
        if i >= 0 and max_end[i] > hit.start:
            continue  # inside a block (上海合作组织)
        places.append(hit)
    places.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in places:
        if kept and hit.start < kept[-1].end:
            continue  # inside (or overlapping) a longer name found first
        kept.append(hit)
    return kept


def _is_venue(
    hit: Hit, normal: str, hits: Sequence[Hit], starts: Sequence[int], floor: int
) -> bool:
    lo = max(floor, hit.start - LOOKBACK)
    before = normal[lo : hit.start]
    breaks = list(_CLAUSE.finditer(before))
    led = False  # the clause opens with the place, right after a date (5月19日晚，比什凯克…发生)
    if breaks:
        last = breaks[-1]
        led = last.group() in "，," and bool(
            _DATE_LED.search(normal, max(0, lo + last.start() - DATE_LED_SPAN), lo + last.start())
        )
        lo += last.end()
        before = normal[lo : hit.start]
    if _VENUE_AFTER.match(normal, hit.end):
        return not _NOT_VENUE_BEFORE.search(normal[lo : hit.start])
    # other places between the venue word and this one count as connectors (在新疆喀什)
    chars = list(before)
    for other in hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hit.start)]:
        if other.end <= hit.start:
            for i in range(other.start - lo, other.end - lo):
                chars[i] = " "
    blanked = "".join(chars)
    tail = _TRAILING_CONNECTORS.search(blanked)
    head = blanked[: tail.start()] if tail else blanked
    marker = _MARKER.search(head)
    if marker is None:
        # (a place that opens its clause after a date, not followed by an office or an agency:
        # 3月8日，吉尔吉斯斯坦外长… names no venue)
        return led and not head.strip() and not _LED_NOT.match(normal, hit.end)
    # the Chinese Embassy in Tashkent, 总部位于北京: a home, not a venue
    # (在北京注册的: a firm's seat)
    return (
        not _NOT_VENUE_BEFORE.search(normal[lo : lo + marker.start()])
        and not _speakers_seat(normal, normal[lo : lo + marker.start()], hit)
        and not _NOT_VENUE_AFTER.match(normal, hit.end)
    )


# a province or city whose site, in the same clause, is where something happened or was held
# (该国纳伦州一中资矿企营地发生冲突, 纳伦州边防检查站项目举行交付仪式); not a state (中国和吉尔吉斯斯坦
# 代表举行会谈 names who)
_SITE_EVENT_AFTER = re.compile(
    r"(?:市|州|省|地区|自治区|县)?[^，,。;；:：!?！？\n()（）、和与同及]{0,12}?"
    r"(?:发生|举行|举办|交付|开幕|闭幕|落成)"
)


def _site_of_event(hit: Hit, normal: str, places: Sequence[Place]) -> bool:
    if places[hit.payload[1]].kind == "state":
        return False
    return _SITE_EVENT_AFTER.match(normal, hit.end) is not None


# a seat of those who speak, not a venue: "officials in Dushanbe did not say", "told reporters in
# Bishkek", "эксперты в Бишкеке считают" (those met in a city are at a venue: "met officials in
# Beijing on May 3")
_SPEAKERS_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:officials|authorities|analysts|experts|observers|diplomats|researchers"
    r"|sources|эксперты|аналитики|чиновники|источники|официальные\s+лица)"
    r"|(?P<told>(?:told|briefed)\s+(?:reporters|journalists)))\s*$"
)
_SPEAKERS_AFTER = re.compile(
    r"[^\W\d_]*\s+(?:said|say|says|did\s+not|do\s+not|have\s+not|describe[sd]?|report(?:ed)?"
    r"|regularly|believe[sd]?|confirm(?:ed)?|declined|refused|told"
    r"|заявил[аи]?|считают|сообщил[аи]?|отметил[аи]?|говорят|не\s+сообщ)(?![^\W\d_])"
)


def _speakers_seat(normal: str, before: str, hit: Hit) -> bool:
    speakers = _SPEAKERS_BEFORE.search(before)
    if speakers is None:
        return False
    return bool(speakers.group("told")) or _SPEAKERS_AFTER.match(normal, hit.end) is not None


# residents of a place who gathered or protested: the protest is there (Около 200 жителей
# Жаркента собрались у завода; residents of Aravan protested outside the plant)
_RESIDENTS_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:жител(?:ей|и|ям)|residents\s+of|villagers\s+(?:of|from))"
    r"(?:\s+(?:сел[ао]?|город[ао]?|пос[её]лка|аула|the\s+(?:village|town|city)\s+of))?\s*$"
)
_GATHERED = re.compile(
    r"(?<![^\W\d_])(?:собрал|вышл|вышли|протест|митинг|пикет|перекрыл|gathered|protest|rallied"
    r"|blocked|stormed|picketed)"
)
RESIDENTS_SPAN = 24  # characters before a place searched for "residents of"
GATHERED_SPAN = 160  # characters after it (to the sentence's end) searched for the gathering


def _residents_gathered(hit: Hit, normal: str, floor: int) -> bool:
    if not _RESIDENTS_BEFORE.search(normal, max(floor, hit.start - RESIDENTS_SPAN), hit.start):
        return False
    stop = _SENTENCE.search(normal, hit.end, hit.end + GATHERED_SPAN)
    return bool(
        _GATHERED.search(normal, hit.end, stop.start() if stop else hit.end + GATHERED_SPAN)
    )


# a Chinese one-character short name right after 在/赴 (在京会见, 在乌境内): the place whose
# ``zh_short`` names hold it (places.yaml: 京 Beijing, 吉 Kyrgyzstan); only before what such a short
# name is followed by (境内, 会见, a comma), so that 在乌克兰 or 在吉林 is none, and 在吉中资企业
# ("Chinese firms in Kyrgyzstan") names who, not where
_ZH_SHORT = re.compile(r"(?:在|赴|于)([^\W\d_])(?=境内|国内|期间|会见|会谈|举行|召开|[，,。、])")


def _with_short_names(
    hits: list[Hit], normal: str, start: int, end: int, places: Sequence[Place]
) -> list[Hit]:
    """``hits`` with the Chinese short names of places (``_ZH_SHORT``), by start."""
    extra: list[Hit] = []
    for match in _ZH_SHORT.finditer(normal, start, end):
        if len(hits) + len(extra) >= MAX_PLACES:
            break
        short = match.group(1)
        index = next(
            (i for i, p in enumerate(places) if short in p.names.get("zh_short", ())), None
        )
        if index is not None:
            extra.append(Hit(match.start(1), match.end(1), ("place", index), short))
    return sorted(hits + extra, key=lambda h: h.start) if extra else hits


def _dateline(
    text: str, normal: str, item: CodedItem, matcher: Matcher, places: Sequence[Place]
) -> Hit | None:
    """A place at the start of the item (first line after a title) followed by a date, a dash
    or 日电: the readout's dateline."""
    start = item.start
    lead_end = min(item.end, start + DATELINE_SPAN)
    for hit in _place_hits(matcher, normal, start, lead_end):
        place = places[hit.payload[1]]
        if place.kind == "state":
            continue
        if not _AFTER_DATELINE.match(normal, hit.end):
            continue
        line_start = normal.rfind("\n", start, hit.start) + 1 or start
        head = text[max(start, line_start) : hit.start]
        # at the line's start (КАЗИНФОРМ's "АЛМАТЫ."), or after an agency (新华社北京, 人民网厦门)
        if head.strip() == "" or re.search(r"[社网报讯]\s*$", head):
            return hit
    return None


def find_location(
    item: CodedItem,
    text: str,
    normal: str,
    spans: Sequence[tuple[int, int]],
    matcher: Matcher,
    places: Sequence[Place],
    reference: str | None = None,
    home: str | None = None,
) -> tuple[str, Hit, str] | None:
    """The location of ``item``'s event from its relevant passages ``spans``, its hit and how it
    was found (``named``: a venue; ``dateline``; ``kind``: the focal state ``home`` for its
    build-up at home, domestic_capacity, when no venue is named)."""
    if item.kind is None:
        return None
    if _is_call(item, text):
        return None
    found: dict[str, list[Hit]] = {"city": [], "region": [], "state": []}
    regions: set[tuple[int, int]] = set()  # cities named for their province
    examined = 0
    # (the page's links to other articles and a note headed as background name no venue; after
    # the lead, a sentence about another time or event names its own: the Astana summit of an
    # earlier year, talks the PAP has also held in Tashkent)
    note = note_start(text, item.start, item.end)
    lead = lead_end(item.start, text)
    year = event_year(text, item.start, lead, reference)
    for lo, hi in _merged(spans):
        if examined >= MAX_PLACES:
            break
        hits = _place_hits(matcher, normal, lo, min(hi, note))[: MAX_PLACES - examined]
        hits = _with_short_names(hits, normal, lo, min(hi, note), places)
        examined += len(hits)
        starts = [h.start for h in hits]
        for hit in hits:
            if (
                (
                    _is_venue(hit, normal, hits, starts, lo)
                    or _site_of_event(hit, normal, places)
                    or _residents_gathered(hit, normal, lo)
                )
                and not _other_time(item, normal, hit, reference)
                and (
                    hit.start < lead
                    or not (
                        another_time(text, hit.start, lead, item.end, year, item.start)
                        or analyst_passage(text, hit.start, lead, item.end)
                    )
                )
            ):
                kind = places[hit.payload[1]].kind
                if kind == "city" and _region_named(normal, hit):
                    kind = "region"  # Карагандинская область, the Aktobe region: a province
                    regions.add((hit.start, hit.end))
                if kind == "state" and _capital_named(normal, hit, lo):
                    # the capital of Kyrgyzstan, в столице Киргизии, 乌兹别克斯坦首都: its city
                    capital = _capital(places, places[hit.payload[1]].country)
                    if capital is not None:
                        hit = Hit(hit.start, hit.end, ("place", capital), hit.term)
                        kind = "city"
                found[kind].append(hit)
    # a city of a chain (车里雅宾斯克州切巴尔库尔训练场, Chelyabinsk region's Chebarkul): the last
    cities = sorted({(h.start, h.end): h for h in found["city"]}.values(), key=lambda h: h.start)
    found["city"] = [
        h
        for i, h in enumerate(cities)
        if i + 1 == len(cities) or not _CONNECTOR_RUN.fullmatch(normal, h.end, cities[i + 1].start)
    ]
    dateline = _dateline(text, normal, item, matcher, places)
    for candidates in (
        found["city"],
        found["region"],
        [dateline] if dateline is not None else [],
        found["state"],
    ):
        if candidates:
            first = min(candidates, key=lambda h: h.start)
            basis = "dateline" if first is dateline else "named"
            place = places[first.payload[1]]
            if (first.start, first.end) in regions and first is not dateline:
                return place.country, first, basis
            if first is dateline and item.kind in FIELD_KINDS:
                # a report filed from a city about a build-up, a post or a site, an incident or
                # a firm's work somewhere in the state: the state, not the filing city
                return place.country, first, basis
            return place.location, first, basis
    if home is not None and item.kind == "domestic_capacity":
        # the focal state's build-up at home (codebook domestic_capacity) with no venue named:
        # the focal state, on the evidence of its kind
        why = next((e for e in item.evidence if e.field == "kind"), None)
        if why is not None:
            return home, Hit(why.start, why.end, ("kind", item.kind), why.text), "kind"
    return None


# a state's capital named by the state (the capital of Kyrgyzstan, в столице Киргизии; after the
# state's Chinese name: 乌兹别克斯坦首都), not followed by the city's own name
_CAPITAL_BEFORE = re.compile(r"(?:capital(?:\s+city)?\s+of\s+(?:the\s+)?|столиц[аеыу]\s+)$")
CAPITAL_SPAN = 24  # characters before a state's name searched for "the capital of"


def _capital_named(normal: str, hit: Hit, floor: int) -> bool:
    if normal.startswith("首都", hit.end):
        return True
    return (
        _CAPITAL_BEFORE.search(normal, max(floor, hit.start - CAPITAL_SPAN), hit.start) is not None
    )


def _capital(places: Sequence[Place], state: str) -> int | None:
    """The index of ``state``'s capital among ``places`` (``capital: true``), else None."""
    return next((i for i, p in enumerate(places) if p.capital and p.country == state), None)


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping passages (a sentence and its neighbours, per anchor) as one stretch each."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _other_time(item: CodedItem, normal: str, hit: Hit, reference: str | None) -> bool:
    """The place's sentence is about another time: it says so (last year, ранее, 去年) or all
    its dates fall in other years than the item's event."""
    lo, hi = _sentence_around(normal, hit.start, item.start, item.end)
    sentence = normal[lo:hi]
    if _PAST.search(sentence):
        return True
    if not item.event_date:
        return False
    year = item.event_date[:4]
    dates = find_dates(sentence, reference or None)
    return bool(dates) and not any(d.iso[:4] == year for d in dates)


def _sentence_around(normal: str, position: int, start: int, end: int) -> tuple[int, int]:
    lo = max(start, position - 300)
    for match in _SENTENCE.finditer(normal, lo, position):
        lo = match.end()
    stop = _SENTENCE.search(normal, position, min(end, position + 300))
    return lo, (stop.end() if stop else min(end, position + 300))


def _is_call(item: CodedItem, text: str) -> bool:
    """The item's main event is a call: a call word in the sentence of its kind's evidence (or,
    without one, in the item's first 200 characters), not one saying how a participant joined
    a gathering (joined by video link, 通过视频连线参会, подключился по видеосвязи)."""
    if item.kind != "meeting":
        return False
    evidence = next((e for e in item.evidence if e.field == "kind" and e.code == item.kind), None)
    if evidence is None:
        window = text[item.start : min(item.end, item.start + 200)]
    else:
        lo = max(item.start, evidence.start - 120)
        hi = min(item.end, evidence.end + 120)
        window = text[lo:hi]
    lowered = window.lower()
    for call in _CALL.finditer(lowered):
        before = lowered[max(0, call.start() - JOINED_SPAN) : call.start()]
        if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(lowered, call.end()):
            continue  # (one participant joined by video; the gathering itself has a venue)
        return True
    return False


def assign_location(
    item: CodedItem,
    text: str,
    normal: str,
    spans: Sequence[tuple[int, int]],
    matcher: Matcher | None,
    places: Sequence[Place],
    reference: str | None = None,
    home: str | None = None,
) -> None:
    """Set ``item.location`` (and its evidence) when the relevant passages say where (``home``:
    the focal state, the place of its own build-up when no venue is named)."""
    if matcher is None or not places or not item.relevant:
        return
    found = find_location(item, text, normal, spans, matcher, places, reference, home)
    if found is None:
        return
    value, hit, basis = found
    item.location = value
    item.evidence.append(
        Evidence(
            field="location",
            code=value,
            start=hit.start,
            end=hit.end,
            text=text[hit.start : hit.end],
            basis=basis,
        )
    )
