"""Which names in a text are states taking part, for the default coder (``codebook_coder.py``).

Gazetteer hits are resolved before coding (gold/README.md guidelines 3 and 6):

- overlaps: a state name inside or across a block phrase is dropped (哈萨克族 is not
  Kazakhstan, 中国—中亚天然气管道 is not the C5+China mechanism); any other hit strictly inside
  a longer block is dropped (上合 in 海上合作); a name inside a longer name is dropped;
- venues: a capital right after 在/于/in/at/в/во (在阿斯塔纳, in Bishkek, в Ташкенте) becomes a
  ("venue", code) hit: the place of an event, not a participant, and no anchor;
- group names (中亚国家, "Central Asian states") name every member; one not joined to the focal
  state (中国和中亚国家, China and the Central Asian states: the study's ``focal_names``) becomes
  ("group_other", index) and anchors less (the US meeting the Central Asian foreign ministers);
- ambiguous names (the gazetteer's ``ambiguous``: 中土 / 土方 mean Turkey in MFA usage,
  Turkmenistan in an item that names Turkmenistan and not Turkey);
- a state named as an observer, or as one side of a border between two other states
  (таджикско-узбекская граница), is not a participant (``not_participant``);
- enumerations of states (``enumerations``): a list that leaves out the focal state and names
  states from outside the region and its frameworks (the donors of COVID supplies: 俄罗斯、
  巴基斯坦、哈萨克斯坦、日本、韩国…等13个国家) is a list of third parties: its states become
  ("listed", code) hits, neither anchors nor participants; states given as examples (such as,
  包括, таких как, …等国, and other countries) or in a long list without the focal state become
  ("example", code) hits: anchors, and participants only when no partner state is named
  otherwise (``coder_rules``). A list in a sentence about taking part (出席, attended, приняли
  участие) names the participants, whoever they are.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from steppewatch.extract.coder_bystanders import goods_origin
from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

if TYPE_CHECKING:
    from steppewatch.extract.coder_resources import StudyFacts
    from steppewatch.extract.gazetteer import Ambiguity

__all__ = [
    "border_adjective",
    "NAME_KINDS",
    "enumerations",
    "SENTENCE_END",
    "clean_entities",
    "ambiguous_names",
    "not_participant",
    "OBSERVER",
    "numbered_entries",
    "medium_name",
    "named_only",
    "compared_with",
    "exported_to",
    "upcoming_venue",
    "firms_whereabouts",
    "border_side",
    "focal_in_others_list",
    "another_bearers",
]

NAME_KINDS = ("state", "group", "official", "institution")
SENTENCE_END = re.compile(r"[。！？!?；;]+[”’\"」』)）]*|\n|(?<=[a-zа-я0-9)\]”\"])\.\s+")

# a city named as the place where something happens: 在阿斯塔纳 / 于比什凯克 / in Bishkek / в Бишкеке
_VENUE_BEFORE = re.compile(
    r"(?:在|(?<![关对由属基鉴])于|(?<![^\W\d_])(?:in|at)\s+|(?<![^\W\d_])(?:в|во)\s+)$"
)
# a group name joined to the focal state (中国和中亚国家, China and the Central Asian states,
# Китай и государства Центральной Азии; or 中亚国家和中国): StudyFacts.focal_before / focal_after
# a state named as where a person lives, stays or fled to (他现在在哈萨克斯坦, now lives in
# Kazakhstan, проживает в Казахстане), or where a firm operates (a security company that
# already operates in Tajikistan): a whereabouts, neither an anchor nor a participant
_WHEREABOUTS_BEFORE = re.compile(
    r"(?:现在在|目前在|现居|现住|住在|生活在|居住在|定居在?|滞留在|逃往|逃到|逃至|潜逃至?|藏身于?|流亡|"
    r"(?:lives?|living|resides?|residing|settled|stranded|stuck|hiding|fled|escaped|now)\s+(?:in|to)\s+|"
    r"(?:operates|operating|operated)\s+in\s+|"
    r"(?:прожива\w*|живет|живёт|жил[аи]?|скрыва\w*|бежал[аи]?|сбежал[аи]?)\s+(?:в|во)\s+|"
    r"(?:действует|действуют|действовала?)\s+(?:в|во)\s+|去了|跑到|偷偷加入)$"
)
# ... or a state a route or a threat passes through or comes from (途经塔吉克斯坦, runs through
# Uzbekistan, militants crossing from Tajikistan, транзитом через Таджикистан): a place
_THROUGH_BEFORE = Guarded(
    re.compile(
        r"(?:途经|经由|取道|过境|穿越|经过)$|"
        r"(?<![^\W\d_])(?:(?:runs?|running|passes|passing|transit(?:ing)?|smuggled|trafficked|"
        r"routed|goes|going)\s+(?:\w+\s+)?(?:through|via|across)|through|via|"
        r"(?:crossing|infiltrating|coming|smuggled|trafficked|entering|runs?|running)\s+"
        r"(?:\w+\s+)?from|"
        r"(?:транзитом\s+)?через|проникнуть\s+из|проникающ\w*\s+из|"
        r"(?:проход\w*|пролега\w*|проложен\w*)\s+по\s+территори\w*)\s+(?:the\s+)?$",
        re.IGNORECASE,
    ),
    "途经",
    "经由",
    "取道",
    "过境",
    "穿越",
    "经过",
    "through",
    "via",
    "across",
    "from",
    "через",
    "проникнуть",
    "проникающ",
    "территори",
)
# the next state of a list after a whereabouts (operates in Tajikistan and Uzbekistan)
_LIST_JOIN = re.compile(r"\s*(?:,|、|和|及|and|и)\s*")
# ... or as a person's nationality or passport (加入哈萨克斯坦国籍, a Kazakh passport)
_PERSONAL_AFTER = re.compile(r"(?:斯坦)?(?:国籍|护照|籍)|\s?(?:passport|citizenship|nationality)")
# ... or, for a state other than the focal one (whose citizens and firms harmed abroad are a
# security matter of the focal state), as the state of citizens, migrants or firms, who are
# not the state (哈萨克斯坦公民, 乌兹别克斯坦企业, Kazakh nationals, Kyrgyz companies, казахстанской
# компании), nor are its herders or villagers (Kyrgyz herders across the border, 吉尔吉斯斯坦牧民)
_PEOPLE_AFTER = re.compile(
    r"(?:斯坦)?(?:公民|侨民|企业|公司|商人|务工人员|劳工|劳务移民|移民|牧民|村民|边民)|"
    r"\s?(?:citizens?|nationals|national(?=\s*(?:[,.;)]|and\b|who\b|was\b|were\b))|"
    r"(?:private\s+|state-owned\s+)?(?:firms?|compan(?:y|ies)|businesses|businessm[ae]n|"
    r"migrants?|(?:migrant\s+)?workers?|labou?r\s+migrants?|herders?|villagers?|farmers?|"
    r"shepherds?))\b|"
    r"\s(?:граждан(?:е|ин|ина|ам|ами|ах|ка|ки)?(?![^\W\d_])|компани|фирм|предпринимател|"
    r"бизнесмен|мигрант|трудов\w*\s+мигрант|пастух|чабан|фермер|сельчан)",
    re.IGNORECASE,
)
# ... (citizens of Uzbekistan, nationals of, гражданин Узбекистана, граждане Республики
# Казахстан, уроженец Таджикистана)
_PEOPLE_OF_BEFORE = re.compile(
    r"(?:citizens?|nationals?|natives?)\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?$|"
    r"(?<![^\W\d_])(?:граждан(?:е|ин|ина|ам|ами|ах|ка|ки)?|уроженц\w*|уроженк\w*|"
    r"выходц\w*\s+из)\s+"
    r"(?:Республики\s+)?$",
    re.IGNORECASE,
)
# a state named as an observer (Uzbekistan sent observers; 乌方派员观摩) does not take part
# (наблюдения: military attachés invited for the observation of an exercise)
# (a guest is no more: attended as a guest of the chair, 作为嘉宾出席, в качестве гостя)
_OBSERVER = Guarded(
    re.compile(
        # (the first letters first: a position that starts none of the words fails at once)
        r"(?=[oag\u043d\u0432\u89c2\u5609\u4f5c])(?:observer|\bobserved\b|наблюд|观察员|观摩|嘉宾|"
        r"\bas\s+(?:a\s+|the\s+)?(?:special\s+)?guests?\b|"
        # (the verb closing its clause or taking the drill: as Kyrgyz officers observe, observing
        # the exercise; not observe the ceasefire; twenty-first round, test24)
        r"\bobserv(?:e|es|ing)\b(?=\s*(?:[.,;:!?\n]|$|(?:the\s+|a\s+)?(?:final\s+)?"
        r"(?:drills?|exercises?|manoeuvres?|maneuvers?|rehearsals?|training|war\s+games|phase)\b))|"
        r"\bguests?\s+of\s+(?:the\s+)?(?:chair|host|honou?r)\b|"
        # (作为主席国客人: as the chair's guest; not 对客人来访表示欢迎, welcoming visitors)
        r"作为[^，,。；;]{0,8}客人|"
        r"в\s+качестве\s+(?:поч[её]тн\w+\s+|специальн\w+\s+)?гост)",
        re.IGNORECASE,
    ),
    "observ",
    "наблюд",
    "观察员",
    "观摩",
    "嘉宾",
    "客人",
    "guest",
    "гост",
)
OBSERVER = _OBSERVER  # (the coder checks an item once before looking at each mention)
_HAN_CLAUSE = re.compile(r"[，,；;。！？!?\n]")
# a border between two states, the PRC not one of them (таджикско-узбекская граница, Tajik-Afghan
# border): a place; either state takes part only when named elsewhere
# (a section of that border between them: the Kyrgyz-Tajik section of the border, на
# кыргызско-таджикском участке государственной границы)
_BORDER_COMPOUND = re.compile(
    r"[^\W\d_]+[-–][^\W\d_]+\s+(?:(?:sections?|stretch(?:es)?|sectors?|segments?|участ\w*|"
    r"отрез\w*)\s+(?:of\s+(?:the\s+)?|of\s+their\s+)?(?:(?:state|national|common|"
    r"государственн\w*|общ\w*)\s+)?)?(?:border|frontier|границ)|"
    # (the border left understood: через границу, в том числе на туркмено-узбекском участке;
    # twentieth round, issue 13, test13)
    r"[^\W\d_]+[-–][^\W\d_]+\s+(?:sections?|stretch(?:es)?|sectors?|участ\w*)(?=\s*[.,;:)\n])",
    re.IGNORECASE,
)
LIST_OPENING = 20  # characters: an announcement list starts its item
_ENTRY_NUMBER = re.compile(r"(?:^|(?<=\s))[一二三四五六七八九十]{1,2}、")
# ... or opens a line under a digest's heading: its title and a masthead or dateline line
# (上合组织秘书处一周要闻 / 秘书处 | 新闻汇编 | 2026-11-27), short lines that end no sentence and
# open no answer (a spokesman's 我想强调三点：一、... is prose, not a heading)
DIGEST_HEADING = 160  # characters of heading lines above the list's first entry
_HEADING_LINE = re.compile(r"[^\n。！？；：:，,]{1,80}\n")


def clean_entities(
    hits: list[Hit],
    cities: frozenset[str] = frozenset(),
    normal: str | None = None,
    study: StudyFacts | None = None,
) -> list[Hit]:
    """Overlaps resolved and blocks dropped; with ``normal`` (the normalised text the hits were
    found in) venues marked, and with ``study`` too, group mentions. ``cities``: the
    gazetteer's city names."""
    cleaned = _drop_overlaps(hits)
    if normal is None:
        return cleaned
    return _mark_places(_without_addresses(cleaned, normal), cities, normal, study)


# a label of a web address (russian.people.com.cn, kazakh.news.cn, www.example.kz/china): a
# dot or slash joined to the name on either side, no space between
_ADDRESS_BEFORE = frozenset("./@")
_ADDRESS_AFTER = frozenset("./")


def _without_addresses(hits: list[Hit], normal: str) -> list[Hit]:
    """Hits without the names of states (their adjectives) that are a label of a web address:
    a site's host name (russian.people.com.cn) is page furniture, not Russia named as a side.
    Only names in Latin script, the script of addresses."""
    size = len(normal)
    return [
        h
        for h in hits
        if h.payload[0] != "state"
        or not h.term.isascii()
        or not (
            (h.end + 1 < size and normal[h.end] in _ADDRESS_AFTER and normal[h.end + 1].isalnum())
            or (h.start > 0 and normal[h.start - 1] in _ADDRESS_BEFORE)
        )
    ]


# A military plane that carries civilian aid (the Kazakh government sent two military planes to
# take the Chinese medical team; 派军机接运医疗队) is transport, not military cooperation: in an
# item about medical or anti-epidemic aid, a military-domain word naming an aircraft is dropped.
_AIRCRAFT_AFTER = re.compile(
    r"[-\s]?(?:transport\s+)?(?:planes?|aircraft|airplanes?|jets?|flights?)\b|"
    r"(?:运输)?(?:飞机|机(?!构|制|关|场|密)|航班)|"
    r"[-\s]?(?:транспортн\w+\s+)?(?:самол[её]т\w*|борт\w*|рейс\w*)",
    re.IGNORECASE,
)
_PUBLIC_HEALTH = re.compile(
    r"医疗|医护|抗疫|防疫|疫情|防护服|护目镜|公共卫生|medical|epidemic|pandemic|covid|coronavirus|"
    r"protective (?:suits?|equipment|gear|clothing)|goggles|public health|"
    r"медицин|врач|эпидеми|пандеми|коронавирус|средств\w* индивидуальной защиты|"
    r"защитн\w* (?:костюм|очк)|здравоохранени",
    re.IGNORECASE,
)


def aid_transport(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """Hits without the military planes that carry medical aid (see ``_AIRCRAFT_AFTER``)."""
    planes = [
        h
        for h in hits
        if h.payload == ("domain", "military") and _AIRCRAFT_AFTER.match(normal, h.end)
    ]
    if not planes or _PUBLIC_HEALTH.search(normal, start, end) is None:
        return hits
    return [h for h in hits if not any(h is p for p in planes)]


def ambiguous_names(hits: list[Hit], rules: Iterable[Ambiguity]) -> list[Hit]:
    """Hits of an ambiguous name (中土 / 土方: Turkey) as the alternative state (Turkmenistan)
    when the hits name the alternative and not the usual state otherwise."""
    for rule in rules:
        hits = _resolve_ambiguous(hits, rule)
    return hits


def _resolve_ambiguous(hits: list[Hit], rule: Ambiguity) -> list[Hit]:
    usual, alternative = ("state", rule.usual), ("state", rule.alternative)
    if not any(h.payload == alternative for h in hits):
        return hits
    if any(h.payload == usual and h.term not in rule.names for h in hits):
        return hits
    return [
        Hit(h.start, h.end, alternative, h.term)
        if h.payload == usual and h.term in rule.names
        else h
        for h in hits
    ]


def not_participant(text: str, hit: Hit, focal_word: re.Pattern[str]) -> bool:
    """The state of ``hit`` is named as an observer or as one side of a third-party border (one
    without the focal state's name, ``focal_word``)."""
    lo, hi = max(0, hit.start - 40), min(len(text), hit.end + 60)
    near = text[lo:hi]
    if "-" in near or "–" in near:
        for match in _BORDER_COMPOUND.finditer(text, lo, hi):
            if match.start() <= hit.start < match.end() and not focal_word.search(match.group()):
                return True
    if not _OBSERVER.search(text, max(0, hit.start - 300), hit.end + 300):
        return False
    if "\u4e00" <= hit.term[:1] <= "\u9fff":
        # Chinese: the observers' clause (…联合反恐演习，俄罗斯、白俄罗斯派员观摩), not the sentence
        lo = max(
            (m.end() for m in _HAN_CLAUSE.finditer(text, max(0, hit.start - 120), hit.start)),
            default=max(0, hit.start - 120),
        )
        stop = _HAN_CLAUSE.search(text, hit.end, hit.end + 120)
        return bool(_OBSERVER.search(text, lo, stop.start() if stop else hit.end + 120))
    start = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, hit.start - 300), hit.start)),
        default=max(0, hit.start - 300),
    )
    end_match = SENTENCE_END.search(text, hit.end, hit.end + 300)
    end = end_match.start() if end_match else min(len(text), hit.end + 300)
    # the observers' clause: not when the state took part in a clause of its own (forces from
    # China, Kazakhstan... took part, and the RATS observed); Russia and Belarus sent observers,
    # Turkmenistan attended as a guest: they observed
    return any(not _own_clause(text, hit, m) for m in _OBSERVER.finditer(text, start, end))


def _own_clause(text: str, hit: Hit, observer: re.Match[str]) -> bool:
    """A word of taking part, then a clause break, between ``hit`` and ``observer``."""
    if observer.start() >= hit.end:
        lo, hi = hit.end, observer.start()
    else:
        lo, hi = observer.end(), hit.start
    took = _TOOK_PART.search(text, lo, hi)
    return took is not None and _CLAUSE_MARK.search(text, took.end(), hi) is not None


_CLAUSE_MARK = re.compile(r"[,;，；]")
_TOOK_PART = re.compile(
    r"(?<![^\W\d_])(?:took\s+part|take\s+part|taking\s+part|participat\w*|attended|"
    r"участвова\w*|принял\w*\s+участие|приняли\s+участие)(?![^\W\d_])",
    re.IGNORECASE,
)


# How a state is named without taking part (``named_only``): the other side of a border
# (frontiers with China, граница с Китаем, 与中国接壤); a stop of a route's name (железной
# дороги Китай – Кыргызстан – Узбекистан, the China-Kyrgyzstan-Uzbekistan railway); the home of
# people who do not act for it (researchers from China, экспертов из Китая, 来自中国的学者); a
# dateline (BEIJING, Sept. 1 (Xinhua) --; Москва, 18 ноября; 新华社北京9月1日电)
_BORDER_WITH_BEFORE = Guarded(
    re.compile(
        r"(?:borders?|frontiers?|boundar(?:y|ies))\s+with\s+(?:the\s+)?$|"
        r"(?<![^\W\d_])(?:границ|рубеж)\w*\s+(?:\w+\s+)?(?:с|со)\s+$|"
        # (its border questions: border issues with Tajikistan, пограничные вопросы с
        # Таджикистаном; twentieth round, issue 13, test20)
        r"(?:border|boundary)\s+(?:issues?|questions?|disputes?|problems?)\s+with\s+(?:the\s+)?$|"
        r"(?<![^\W\d_])пограничн\w+\s+(?:вопрос|спор|проблем|разноглас)\w*\s+(?:с|со)\s+$",
        re.IGNORECASE,
    ),
    "пограничн",
    "border",
    "frontier",
    "boundar",
    "границ",
    "рубеж",
)
# ... and the next names of its list (границ с Киргизией и Таджикистаном, borders with Kazakhstan
# and Tajikistan)
_BORDER_LIST_BEFORE = Guarded(
    re.compile(
        r"(?:borders?|frontiers?|boundar(?:y|ies))\s+with\s+(?:the\s+)?"
        r"(?:[^\W\d_][\w-]*\s*(?:,\s*|\s+(?:and|or)\s+)){1,3}$|"
        r"(?<![^\W\d_])(?:границ|рубеж)\w*\s+(?:\w+\s+)?(?:с|со)\s+"
        r"(?:[^\W\d_][\w-]*\s*(?:,\s*|\s+(?:и|или)\s+)){1,3}$",
        re.IGNORECASE,
    ),
    "border",
    "frontier",
    "boundar",
    "границ",
    "рубеж",
)
_BORDER_WITH_AFTER = re.compile(r"(?:斯坦)?(?:接壤|交界|毗邻)")  # (the name may end at 吉尔吉斯)
# a pair's short form before a border word (中哈边境, 中吉边界: the China-Kazakhstan border): a
# place, not the two sides (中哈边防部门, 中哈两国 are sides; so are the pair's bodies and talks on
# the border: 中哈边界联合委员会, 中吉边境问题会谈, 中塔边界协定)
_PAIR_BORDER_AFTER = re.compile(
    r"(?:边境|边界|国界|界河)(?![^，,。；;、]{0,6}?(?:联合|委员会|联委会|会谈|会晤|谈判|磋商|协定|"
    r"条约|合作))"
)
# a state's adjective naming a border (on the Chinese frontier, the Kyrgyz-Chinese border, у
# китайской границы), not its border service (Chinese border guards, posts, troops) nor its own
# border land (Chinese border regions, a border crossing)
_BORDER_NOUN_AFTER = re.compile(
    r"\w*(?:[-–][^\W\d_]+)?\s+(?:border|frontier|boundary|границ\w*|рубеж\w*)(?![^\W\d_])"
    r"(?![-\s]+(?:guard|police|troop|service|force|unit|post|agenc|officer|patrol|defen[cs]e|"
    r"security|regiment|detachment|command|army|area|region|district|zone|count|town|village|"
    r"infrastructure|outpost|station|checkpoint|crossing|port))",
    re.IGNORECASE,
)
_ROUTE = (
    r"(?:railways?|railroads?|roads?|highways?|motorways?|pipelines?|corridors?|"
    r"(?:железн\w*\s+)?дорог\w*|автодорог\w*|магистрал\w*|газопровод\w*|нефтепровод\w*|"
    r"трубопровод\w*|коридор\w*|(?<!по\s)лини[ияюей])"
)
# (a line after the stops: the China-Kyrgyzstan-Uzbekistan line; twentieth round, coder69,
# tune8; not a hot line. Only after the name: an English "line" before a name is rare, and the
# search before every name would run on most English pages, where "line" is common)
_ROUTE_AFTER_NAME = rf"(?:{_ROUTE[3:-1]}|(?<!hot\s)(?<!direct\s)(?<!front\s)lines?)"
# (the route's name may be quoted: железной дороги «Китай – Кыргызстан – Узбекистан»)
_ROUTE_BEFORE = Guarded(
    re.compile(rf"{_ROUTE}\s+[«“\"]?\s*(?:[^\W\d_]+\s*[-–—]\s*)*$", re.IGNORECASE),
    "road",
    "railway",
    "лини",
    "highway",
    "motorway",
    "pipeline",
    "corridor",
    "дорог",
    "магистрал",
    "провод",
    "коридор",
)
_ROUTE_AFTER = re.compile(
    rf"(?:\s*[-–—]\s*[^\W\d_]+){{1,3}}[»”\"]?\s+(?:[^\W\d_]+\s+)?{_ROUTE_AFTER_NAME}\b|"
    r"(?:[-–—－][\u4e00-\u9fff]{1,6}){1,3}(?:铁路|公路|管道|走廊)",
    re.IGNORECASE,
)
_ROUTE_LAST_BEFORE = re.compile(r"[^\W\d_]\s*[-–—]\s*$")  # the last stop: ...-Uzbekistan railway
# a market goods are exported to (the plant exports to Kazakhstan and Uzbekistan; продукция
# экспортируется в Казахстан и Узбекистан; 产品出口到哈萨克斯坦和乌兹别克斯坦): a trade
# destination, not a side, not even an example (twentieth round, issue 13, test21); the list
# before the name may run on through commas and "and"
_EXPORTED_TO_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:export(?:s|ed|ing)?\s+(?:[^\W\d_]+\s+){0,3}?to|"
        r"экспорт\w*\s+(?:[^\W\d_]+\s+){0,3}?во?|"
        # (or carried on through to it: грузы из Китая в Кыргызстан и далее в Узбекистан,
        # goods carried to Kyrgyzstan and onward to Uzbekistan)
        r"(?:и\s+)?далее\s+во?|onwards?\s+to)\s+"
        r"(?:[^.;:!?\n]{0,60}?(?:,|\s(?:and|и)))?\s*$|"
        r"(?:出口|销往)(?:到|至)?(?:[^。；;，,：:！？\n]{0,24}?[、和及与])?$",
        re.IGNORECASE,
    ),
    "export",
    "экспорт",
    "далее",
    "onward",
    "出口",
    "销往",
)
# a route named by its states' one-character abbreviations after 中 (中吉乌铁路, 中哈原油管道,
# 中塔公路): the pair's hit (中吉) is a stop on the route's name, not a side (twentieth round,
# issue 13, test21)
_ROUTE_ABBREVIATED_HAN = re.compile(
    r"[吉哈塔乌土俄巴蒙阿]{0,3}(?:原油|石油|天然气|油气)?(?:铁路|公路|管道|管线)"
)
_ROUTE_END_AFTER = re.compile(rf"[»”\"]?\s+{_ROUTE_AFTER_NAME}\b", re.IGNORECASE)
_PEOPLE_FROM_BEFORE = Guarded(
    re.compile(
        r"(?:researchers|experts|scholars|analysts|academics|journalists|think[- ]tanks?|"
        r"scientists)\s+from\s+[^.;:()]{0,80}$|"
        r"(?:эксперт|исследовател|учён|учен|аналитик|журналист|политолог)\w*\s+из\s+[^.;:()]{0,80}$|"
        r"来自[^。；;，,]{0,30}$",
        re.IGNORECASE,
    ),
    "researchers",
    "experts",
    "scholars",
    "analysts",
    "academics",
    "journalists",
    "think",
    "scientists",
    "эксперт",
    "исследовател",
    "учён",
    "учен",
    "аналитик",
    "журналист",
    "политолог",
    "来自",
)
_PEOPLE_AFTER_HAN = re.compile(r"[^。；;，,]{0,30}?(?:专家|学者|智库|记者)")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*$|(?:新华社|中新社)$")
# a news medium's name ending in its country's (Интерфакс-Казахстан, Sputnik Таджикистан, Радио
# Азаттык): the source of the page, no side
_MEDIUM_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:интерфакс|interfax|sputnik|спутник|азаттык|azattyk|радио\s+озоди|"
    r"радио\s+свобода|radio\s+free\s+europe)\s*[-–]?\s*$",
    re.IGNORECASE,
)
MEDIUM_SPAN = 24  # characters before a name searched for a medium's name
_DATELINE_AFTER = re.compile(
    r"\s*[,，]\s*(?:\d|[^\W\d_]{3,}\.?\s+\d)|\s+(?:--|[-–—])\s|\s*\((?:xinhua|ap|afp)\)|"
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日电",
    re.IGNORECASE,
)


def border_side(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named as the other side of a border (the border with Kyrgyzstan,
    границы с Киргизией, 与吉尔吉斯斯坦接壤)."""
    return bool(
        _BORDER_WITH_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        or _BORDER_WITH_AFTER.match(text, hit.end, hit.end + 4)
        or (
            len(hit.term) == 2
            and _is_han_text(hit.term)
            and _PAIR_BORDER_AFTER.match(text, hit.end, hit.end + 12)
        )
        or _BORDER_LIST_BEFORE.search(text, max(0, hit.start - 90), hit.start)
    )


def border_adjective(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name or adjective) names a border (near the Chinese frontier, along
    the Kyrgyz-Chinese border, у китайской границы): where something happens, not a side."""
    return _BORDER_NOUN_AFTER.match(text, hit.end, hit.end + 40) is not None


def medium_name(text: str, hit: Hit) -> bool:
    """``hit`` ends a news medium's name (Интерфакс-Казахстан, Sputnik Таджикистан): the page's
    source, no side of its events (for the countries only: the relevance decision reads the
    name as the page's home)."""
    return _MEDIUM_BEFORE.search(text, max(0, hit.start - MEDIUM_SPAN), hit.start) is not None


# a direction named by a state's adjective or name (на таджикском направлении, on the Tajik
# direction, 塔吉克斯坦方向): where a threat or a border lies, not a side (twentieth round,
# issue 13, test20)
_DIRECTION_AFTER = re.compile(
    r"(?:\s+(?:направлени[еияю]\w*|direction|axis)(?![^\W\d_]))|(?:斯坦)?方向", re.IGNORECASE
)
EXPORTED_SPAN = 90  # characters before a name searched for its export word


def exported_to(text: str, hit: Hit) -> bool:
    """``hit`` names a market goods are exported to (exports to Kazakhstan and Uzbekistan,
    экспортируется в Казахстан, 出口到哈萨克斯坦): a trade destination, never a side."""
    return (
        _EXPORTED_TO_BEFORE.search(text, max(0, hit.start - EXPORTED_SPAN), hit.start) is not None
    )


# an event still to come named before its capital (в рамках предстоящего саммита ШОС в Бишкеке,
# the upcoming SCO summit in Bishkek, 将在比什凯克举行的峰会): the capital is that event's
# venue, not the item's (twentieth round, issue 13, test21)
_UPCOMING_BEFORE = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:предстоящ\w*|upcoming|forthcoming)\s+[^.;:!?\n]{0,60}$|"
        r"(?:即将|将(?:于[^。；;，,]{0,12})?)在$",
        re.IGNORECASE,
    ),
    "предстоящ",
    "upcoming",
    "forthcoming",
    "将",
)
UPCOMING_SPAN = 80  # characters before a capital searched for its event's "upcoming"


def upcoming_venue(text: str, hit: Hit) -> bool:
    """A ``venue`` hit (a capital) is the place of an event still to come: the upcoming summit in
    Bishkek, предстоящего саммита в Бишкеке, 将在比什凯克举行."""
    return _UPCOMING_BEFORE.search(text, max(0, hit.start - UPCOMING_SPAN), hit.start) is not None


def named_only(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named without taking part: one side of a border with the
    region, a stop on a route's name, the home of researchers or journalists, a dateline."""
    lo = max(0, hit.start - 120)
    if border_side(text, hit):
        return True
    if goods_origin(text, hit):
        return True  # (поезда из Китая: where the freight comes from; twenty-first round)
    if _ROUTE_BEFORE.search(text, max(0, hit.start - 60), hit.start):
        return True
    if _ROUTE_AFTER.match(text, hit.end, hit.end + 80):
        return True
    if _DIRECTION_AFTER.match(text, hit.end, hit.end + 16):
        return True
    if (
        hit.end - hit.start == 2
        and text.startswith("中", hit.start)
        and _ROUTE_ABBREVIATED_HAN.match(text, hit.end, hit.end + 12)
    ):
        return True
    if _ROUTE_LAST_BEFORE.search(text, max(0, hit.start - 4), hit.start) and _ROUTE_END_AFTER.match(
        text, hit.end, hit.end + 40
    ):
        return True
    if _PEOPLE_FROM_BEFORE.search(text, lo, hit.start):
        return _is_han_text(hit.term) is False or bool(
            _PEOPLE_AFTER_HAN.match(text, hit.end, hit.end + 30)
        )
    return bool(
        _DATELINE_BEFORE.search(text, max(0, hit.start - 6), hit.start)
        and _DATELINE_AFTER.match(text, hit.end, hit.end + 24)
    )


# The yardstick of a comparison (compared with Kyrgyzstan, unlike Kazakhstan, more than in
# Uzbekistan; по сравнению с Казахстаном, в отличие от Киргизии, чем в Таджикистане; 与哈萨克斯坦
# 相比, 不同于吉尔吉斯斯坦): the state the text measures its subject against is not a side of
# the event it reports (``compared_with``). Read in the few characters around the name only.
_COMPARED_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:compared|comparison|contrast|relative|opposed)\s+(?:with|to)|"
    r"(?<![^\W\d_])(?:unlike|than(?:\s+in)?)|"
    # (English pages, coder64: the same done elsewhere, the state the yardstick: as they have
    # done in Kyrgyzstan, as is the case in Tajikistan, as in Uzbekistan)
    r"(?<![^\W\d_])(?<!such\s)(?<!well\s)as\s+(?:(?:[^\W\d_]+\s+){1,2}(?:has|have|had|did|do|does)"
    r"(?:\s+(?:already|previously|before))?(?:\s+done)?\s+|is\s+the\s+case\s+|was\s+the\s+"
    r"case\s+)?in|"
    r"(?<![^\W\d_])(?:по\s+сравнению|в\s+сравнении|сравнительно)\s+со?|"
    r"(?<![^\W\d_])в\s+отличие\s+от|(?<![^\W\d_])чем(?:\s+(?:в|во|у))?|"
    r"不同于|有别于|相较于|相比于|比)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
COMPARED_SPAN = 32  # characters before a name searched for its comparison word
# (与哈萨克斯坦相比: the name between a with-word and the comparison word, one clause)
_COMPARED_WITH_HAN = re.compile(r"(?:与|和|同|跟)$")
_COMPARED_AFTER_HAN = re.compile(r"(?:斯坦)?(?:的[^，,。；;！？!?\n]{0,6}?)?(?:相比|相较|比较)")


def compared_with(text: str, hit: Hit) -> bool:
    """The state of ``hit`` is named as the yardstick of a comparison (compared with
    Kyrgyzstan, в отличие от Казахстана, 与乌兹别克斯坦相比): measured against, not taking part."""
    if _COMPARED_BEFORE.search(text, max(0, hit.start - COMPARED_SPAN), hit.start):
        return True
    return bool(
        _is_han_text(hit.term)
        and _COMPARED_WITH_HAN.search(text, max(0, hit.start - 1), hit.start)
        and _COMPARED_AFTER_HAN.match(text, hit.end, hit.end + 12)
    )


def firms_whereabouts(text: str, hit: Hit) -> bool:
    """A ``whereabouts`` hit (``_mark_places``) names where someone operates or lives (a
    security company operating in Tajikistan, and the next state of its list), not a state's
    citizens, firms or passports nor a route's or a threat's way through it."""
    return not (
        _PERSONAL_AFTER.match(text, hit.end)
        or _PEOPLE_AFTER.match(text, hit.end)
        or _PEOPLE_OF_BEFORE.search(text, max(0, hit.start - 36), hit.start)
        or _THROUGH_BEFORE.search(text, max(0, hit.start - 32), hit.start)
    )


def _is_han_text(term: str) -> bool:
    return "\u4e00" <= term[:1] <= "\u9fff"


def numbered_entries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The entries of an announcement list (一、应...邀请... 二、...): (start, end) of each, the
    first from ``start``; empty unless the span opens with entry 一 (within ``LIST_OPENING``
    characters) and has entry 二."""
    marks = [m.start() for m in _ENTRY_NUMBER.finditer(text, start, end)]
    if len(marks) < 2 or text[marks[0]] != "一" or text[marks[1]] != "二":
        return []
    if marks[0] - start > LIST_OPENING and not _digest_heading(text, start, marks[0]):
        return []  # points inside an answer (一、... 二、...), not a list of announcements
    bounds = [start] + marks[1:] + [end]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _digest_heading(text: str, start: int, first: int) -> bool:
    """The text from ``start`` to the list's first entry (at ``first``) is a digest's heading:
    at most three short lines (a title, a masthead or a dateline), none with a sentence's end,
    a colon or a comma, the entry opening a line of its own."""
    if first - start > DIGEST_HEADING or text[first - 1 : first] != "\n":
        return False
    at, lines = start, 0
    while at < first:
        line = _HEADING_LINE.match(text, at, first)
        if line is None:
            # (a blank line between the heading and the list)
            if text[at] in " \t\r\n\u3000":
                at += 1
                continue
            return False
        at, lines = line.end(), lines + 1
    return 0 < lines <= 3


# a transliterated name written in Han characters ends where its parts are joined by a middle
# dot (赛福丁·阿卜杜拉赫莫诺夫): an official's name found after characters of the same part is the
# tail of another person's longer name (拉赫莫诺夫 in 阿卜杜拉赫莫诺夫), not that official
_NAME_PART_BEFORE = re.compile(r"[·•・‧][\u4e00-\u9fff]{1,8}$")
# ... and so is one found right after two or more syllables of a transliteration, written as one
# word with it (州长阿布迪卡里莫夫: Governor Abdykarimov, not President Karimov); a title, a verb
# or a conjunction before the name (总统卡里莫夫, 会见卡里莫夫, 和卡里莫夫) is no such syllable
_TRANSLITERATION = (
    "阿卜布迪杜拉赫曼莫诺夫耶娃伊尔克巴托米扎穆萨希姆贾汗艾买提别索奥兹埃库纳吉玛尼斯基塔洛维"
    "奇申切热舍佐罗苏努格雷亚叶列恩帕彼谢盖弗卡里哈沙齐拜克孜铁木热瓦"
)
_SYLLABLES_BEFORE = re.compile(f"[{_TRANSLITERATION}]{{2}}$")


def _mark_places(
    hits: list[Hit], cities: frozenset[str], normal: str, study: StudyFacts | None
) -> list[Hit]:
    out = []
    whereabouts_end = -1
    for hit in hits:
        kind = hit.payload[0]
        if (
            kind == "official"
            and _is_han_text(hit.term)
            and (
                _NAME_PART_BEFORE.search(normal, max(0, hit.start - 9), hit.start)
                or _SYLLABLES_BEFORE.search(normal, max(0, hit.start - 2), hit.start)
            )
        ):
            continue
        if (
            kind == "state"
            and whereabouts_end >= 0
            and _LIST_JOIN.fullmatch(normal, whereabouts_end, hit.start)
        ):
            hit = Hit(hit.start, hit.end, ("whereabouts", hit.payload[1]), hit.term)
        elif (
            kind == "state"
            and hit.term in cities
            and _VENUE_BEFORE.search(normal, max(0, hit.start - 4), hit.start)
        ):
            hit = Hit(hit.start, hit.end, ("venue", hit.payload[1]), hit.term)
        elif kind == "state" and (
            _WHEREABOUTS_BEFORE.search(normal, max(0, hit.start - 14), hit.start)
            or _THROUGH_BEFORE.search(normal, max(0, hit.start - 32), hit.start)
            or _PERSONAL_AFTER.match(normal, hit.end)
            or (
                study is not None
                and hit.payload[1] != study.focal
                and (
                    _PEOPLE_AFTER.match(normal, hit.end)
                    or _PEOPLE_OF_BEFORE.search(normal, max(0, hit.start - 36), hit.start)
                )
            )
        ):
            hit = Hit(hit.start, hit.end, ("whereabouts", hit.payload[1]), hit.term)
        elif (
            kind == "group"
            and study is not None
            and not (
                study.focal_before.search(normal, max(0, hit.start - 16), hit.start)
                or study.focal_after.match(normal, hit.end, hit.end + 16)
            )
        ):
            hit = Hit(hit.start, hit.end, ("group_other", hit.payload[1]), hit.term)
        if hit.payload[0] == "whereabouts":
            whereabouts_end = hit.end
        out.append(hit)
    return out


class _Spans:
    """Spans sorted by start with running maxima of their ends: "is (s, e) strictly inside a
    longer span" and "does a span overlap (s, e)" in O(log n) each (the pairwise loops took
    minutes on a multi-megabyte text)."""

    def __init__(self, hits: list[Hit]) -> None:
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [start for start, _ in spans]
        self.max_end: list[int] = []
        for _, end in spans:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def _max_end_before(self, index: int) -> int:
        return self.max_end[index - 1] if index > 0 else -1

    def contains_longer(self, start: int, end: int) -> bool:
        """Some span with start <= ``start`` and end >= ``end``, longer than (start, end)."""
        before = bisect.bisect_left(self.starts, start)  # spans starting strictly before
        upto = bisect.bisect_right(self.starts, start)  # spans starting at or before
        return self._max_end_before(before) >= end or self._max_end_before(upto) > end

    def overlaps(self, start: int, end: int) -> bool:
        return self._max_end_before(bisect.bisect_left(self.starts, end)) > start


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    blocks = [h for h in hits if h.payload[0] == "block"]
    names = [h for h in hits if h.payload[0] in NAME_KINDS]
    if not blocks and len(names) < 2:
        return hits
    block_spans, name_spans = _Spans(blocks), _Spans(names)
    dropped: set[int] = set()
    for hit in hits:
        kind = hit.payload[0]
        if kind == "block":
            continue
        if (kind == "state" and block_spans.overlaps(hit.start, hit.end)) or (
            block_spans.contains_longer(hit.start, hit.end)
        ):
            dropped.add(id(hit))
        elif kind in NAME_KINDS and name_spans.contains_longer(hit.start, hit.end):
            dropped.add(id(hit))
    return [h for h in hits if id(h) not in dropped and h.payload[0] != "block"]


# -- enumerations of states -----------------------------------------------------------------
# A list in Chinese: short items joined by 、 (the last may join two with 和/及/与); in Latin or
# Cyrillic script: capitalised names of up to four words joined by commas and a final and/и.
_CJK_ITEM = r"[^、，,。；;：:！？!?\s“”\"()（）等]{1,10}"
_CJK_LIST = re.compile(rf"{_CJK_ITEM}(?:、{_CJK_ITEM})+")
CJK_ITEM_MAX = 10  # the most characters of an item of a Chinese list (_CJK_ITEM)


def _list_spans(han: bool, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_CJK_LIST`` (``han``) or ``_WORD_LIST`` matches in ``text[lo:hi]``, as
    ``finditer`` gives them. A Chinese list is only tried at the few places it can start: its
    first item ends at its first 、, at most ``CJK_ITEM_MAX`` characters after the start (an
    item holds no 、), so before each 、 only the positions that close; ``finditer`` would try
    every position of the span, several steps each."""
    if not han:
        return [m.span() for m in _WORD_LIST.finditer(text, lo, hi)]
    spans: list[tuple[int, int]] = []
    position = lo
    while True:
        mark = text.find("、", position, hi)
        if mark < 0:
            return spans
        for start in range(max(position, mark - CJK_ITEM_MAX), mark):
            match = _CJK_LIST.match(text, start, hi)
            if match is not None:
                spans.append(match.span())
                position = match.end()
                break
        else:  # no list starts before this 、 (nor at it: a 、 is no item)
            position = mark + 1


_CJK_JOIN = re.compile(r"、|以及|(?<!共)和(?!国)|(?<!埃)及|与")
_WORD_ITEM = r"(?:the\s+)?[A-ZА-ЯЁ][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-ZА-ЯЁ][\w'’-]*){0,3}"
_WORD_LIST = re.compile(
    rf"{_WORD_ITEM}(?:(?:\s*,\s*{_WORD_ITEM})+(?:\s*,?\s+(?:and|и)\s+{_WORD_ITEM})?"
    rf"|\s+(?:and|и)\s+{_WORD_ITEM})"
)
_WORD_JOIN = re.compile(r"\s*,\s*|\s+(?:and|и)\s+")
LIST_WINDOW = 160  # characters either side of a state name searched for its list
# a list of this many states without the focal state, and no word of taking part in its
# sentence, enumerates (supporters, members): its states are like examples, participants only
# when no partner state is named otherwise
LONG_LIST = 5
# examples, not an exhaustive list: "countries such as", 包括, таких как before; 等, etc.,
# "and other countries", и другие after
_EXAMPLE_BEFORE = Guarded(
    re.compile(
        r"(?:such as|including|like|e\.g\.,?|for example,?|for instance,?|among them|"
        r"包括|(?<![例比诸譬假])如|比如|例如|诸如|譬如|像|так\w*(?:\s+\w+)?,?\s+как|в том числе|"
        r"например,?|включая|среди них)\s*[:：]?\s*(?:the\s+)?$",
        re.IGNORECASE,
    ),
    "such as",
    "including",
    "like",
    "e.g.",
    "for example",
    "for instance",
    "among them",
    "包括",
    "如",
    "像",
    "как",
    "в том числе",
    "например",
    "включая",
    "среди них",
)
_EXAMPLE_AFTER = re.compile(
    r"[^\s、，,。；;：:]{0,4}?等|[\w'’-]*,?\s+(?:etc\b|and others\b|"
    r"and other (?:[\w-]+\s+){0,2}?(?:countries|states|nations|members|partners)\b|"
    r"и други|и др\.|и т\.\s?д)",
    re.IGNORECASE,
)
# taking part in the listed event (participants, delegations: a delegation is a side of the event
# it attends): such a list names the participants, whoever they are
_PARTICIPATE = re.compile(
    r"出席|参加|参与|与会|参演|代表团|attend|particip|t(?:ook|akes?|aken|aking) part|delegations?\b|"
    r"участ(?!о?к)|присутств|делегаци|"  # (участок: a stretch of land)
    # competing in a contest is taking part in it (nineteenth round: Teams from Kyrgyzstan,
    # Kazakhstan, Russia, Belarus and China competed; 参赛国家还有…; команды из …)
    r"参赛|\bcompeted\b|\bcompetitors\b|\bteams?\s+(?:from|of)\b|соревновал|состязал|"
    r"команд\w{0,3}\s+(?:из|от)\s",
    re.IGNORECASE,
)


# acting together (联合, 共同, jointly, совместно): the states listed are the act's sides (联合国,
# the UN, and 共同体, a community, are names)
_JOINT = re.compile(
    r"联合(?!国)|共同(?!体)|携手|(?<![^\W\d_])(?:joint|jointly|together|совместн\w*|сообща)(?![^\W\d_])",
    re.IGNORECASE,
)


def enumerations(hits: list[Hit], text: str, study: StudyFacts) -> list[Hit]:
    """States in a list of third parties become ("listed", code) hits, states given as examples
    ("example", code) hits (see the module docstring); ``text`` is the original text (the case
    of a name tells a list of names from a sentence)."""
    states = [h for h in hits if h.payload[0] == "state" and h.payload[1] != study.focal]
    if not states:
        return hits
    names = sorted(
        (h for h in hits if h.payload[0] in (*NAME_KINDS, "venue", "whereabouts", "group_other")),
        key=lambda h: h.start,
    )
    starts = [h.start for h in names]
    lo = max(0, min(h.start for h in states) - LIST_WINDOW)
    hi = min(len(text), max(h.end for h in states) + LIST_WINDOW)
    # every list once over the states' region (one pass per script), then each state's list
    # by bisection: a scan per state is quadratic on a long text
    lists: dict[bool, tuple[list[int], list[tuple[int, int]]]] = {}
    for han in {_is_han(h) for h in states}:
        spans = _list_spans(han, text, lo, hi)
        lists[han] = ([a for a, _ in spans], spans)
    by_list: dict[tuple[int, int], str | None] = {}
    marks: dict[int, str] = {}
    for hit in states:
        han = _is_han(hit)
        list_starts, spans = lists[han]
        i = bisect.bisect_right(list_starts, hit.start) - 1
        if i >= 0 and hit.start < spans[i][1]:
            if spans[i] not in by_list:
                by_list[spans[i]] = _list_mark(spans[i], han, text, names, starts, study)
            mark = by_list[spans[i]]
        else:
            mark = "example" if _example(text, hit.start, hit.end, hit.start) else None
        if mark is not None:
            marks[id(hit)] = mark
    if not marks:
        return hits
    return [
        Hit(h.start, h.end, (marks[id(h)], h.payload[1]), h.term) if id(h) in marks else h
        for h in hits
    ]


def focal_in_others_list(text: str, hit: Hit, hits: list[Hit], study: StudyFacts) -> bool:
    """The focal state's ``hit`` is an item of a list with a state from outside the region and
    its frameworks and with no partner state (Kazakhstan keeps military contacts with China,
    the United States and Türkiye): one of a partner's many partners, not the side of an event
    (unless the list's sentence says they take part)."""
    han = _is_han(hit)
    lo, hi = max(0, hit.start - LIST_WINDOW), min(len(text), hit.end + LIST_WINDOW)
    span = next((s for s in _list_spans(han, text, lo, hi) if s[0] <= hit.start < s[1]), None)
    if span is None:
        return False
    states = {
        str(h.payload[1])
        for h in hits
        if h.payload[0] in ("state", "listed", "example") and span[0] <= h.start < span[1]
    }
    known = study.partner_set | study.members_ever | {study.focal}
    if states & study.partner_set or not states - known:
        return False
    return _PARTICIPATE.search(text, *_sentence(text, *span, ends=_LIST_SENTENCE_END)) is None


def _is_han(hit: Hit) -> bool:
    return "\u4e00" <= hit.term[:1] <= "\u9fff"


def _example(text: str, first: int, last: int, start: int) -> bool:
    """States from ``first`` to ``last`` (a list starting at ``start``) given as examples:
    "such as" before, 等 or "and other countries" after, and no word of taking part."""
    if any(_EXAMPLE_BEFORE.search(text, max(0, p - 28), p) for p in {first, start}):
        example = True
    else:
        example = bool(_EXAMPLE_AFTER.match(text, last, min(len(text), last + 40)))
    # 哈萨克斯坦、吉尔吉斯斯坦等成员国外长与会: those attending; 中国、哈萨克斯坦等国边防部门
    # 开展联合管控: those acting together (the "etc." says more took part, not that these did not)
    if not example:
        return False
    lo, hi = _sentence(text, start, last)
    return not _PARTICIPATE.search(text, lo, hi) and not _JOINT.search(text, lo, hi)


def _list_mark(
    span: tuple[int, int],
    han: bool,
    text: str,
    names: list[Hit],
    starts: list[int],
    study: StudyFacts,
) -> str | None:
    """The mark of the states of the list ``span``: "listed", "example" or None."""
    a, b = span
    inside = names[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
    states = [h for h in inside if h.payload[0] == "state"]
    if not states:
        return None
    example = _example(text, min(h.start for h in states), max(h.end for h in states), a)
    # items of the list with no name the gazetteer knows: states it does not list (日本, Egypt)
    join = _CJK_JOIN if han else _WORD_JOIN
    items, position = [], a
    for m in join.finditer(text, a, b):
        items.append(_strip(text, position, m.start()))
        position = m.end()
    items.append(_strip(text, position, b))
    item_starts = {s for s, _ in items}
    item_ends = {e for _, e in items}
    # the focal state is in the list when a name of it is an item (not 向中国 after the list)
    focal = any(
        h.payload == ("state", study.focal) and (h.start in item_starts or h.end in item_ends)
        for h in states
    )
    if len(items) < 2 or focal:
        return "example" if example else None
    inside_starts = [h.start for h in inside]
    unknown = sum(1 for s, e in items if not _has_name(inside, inside_starts, s, e))
    outside = any(
        h.payload[1] not in study.partner_set and h.payload[1] not in study.members_ever
        for h in states
    )
    taking_part = _PARTICIPATE.search(text, *_sentence(text, a, b)) is not None
    if (unknown >= 2 or outside) and not taking_part:
        return "listed"
    if len(items) >= LONG_LIST and not taking_part:
        example = True
    return "example" if example else None


def _has_name(names: list[Hit], starts: list[int], start: int, end: int) -> bool:
    """A name of ``names`` (sorted by start) overlaps [start, end)."""
    i = bisect.bisect_left(starts, start)
    if i < len(names) and names[i].start < end:
        return True
    return i > 0 and names[i - 1].end > start


_ITEM_LEAD = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """An item's span without the spaces and "the" around it."""
    lead = _ITEM_LEAD.match(text, start, end)
    start = lead.end() if lead else start
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence(
    text: str, start: int, end: int, ends: re.Pattern[str] = SENTENCE_END
) -> tuple[int, int]:
    lo = max(
        (m.end() for m in ends.finditer(text, max(0, start - 300), start)),
        default=max(0, start - 300),
    )
    stop = ends.search(text, end, end + 300)
    return lo, (stop.start() if stop else min(len(text), end + 300))


# a list's sentence also ends on an acronym of two capitals or more before a capital (... в ОДКБ
# и ШОС. По его словам, ... Россией, Китаем, Турцией): the word of taking part before it is
# another sentence's (not on one capital, an initial: Н. Назарбаев)
_LIST_SENTENCE_END = re.compile(
    rf"{SENTENCE_END.pattern}|(?<=[A-ZА-ЯЁ]{{2}})\.\s+(?=[A-ZА-ЯЁ«\"“])"
)


# A surname found alone with another given name written before it (Ilyas Kurbanov, Ильяс
# Курбанов) names another person than the official of that surname (Bakhodir Kurbanov). A
# capitalised word before a surname may be a title or an ordinary word too (Defence Minister
# Kurbanov, Президент Токаев at a sentence's start, When Kurbanov...): those are no given names.
_GIVEN_BEFORE = re.compile(r"(?<![^\W\d_])([A-ZА-ЯЁ][a-zа-яё'’]{2,})\s$")
_NOT_GIVEN = re.compile(
    r"(?:president|prime|premier|minister|secretary|general|colonel|lieutenant|major|captain|"
    r"admiral|marshal|ambassador|chair|director|deputy|commander|chief|advis[eo]r|envoy|spokes|"
    r"speaker|senator|governor|mayor|akim|head|counterpart|colleague|professor|mr|mrs|ms|dr|sir|"
    r"madam|the|and|but|with|from|when|while|after|before|also|then|said|says|told|met|meets|"
    r"under|during|since|both|neither|former|new|acting|interim|"
    r"президент|премьер|министр|генерал|полковник|подполковник|майор|капитан|адмирал|маршал|"
    r"посол|глава|председател|заместител|секретар|директор|командующ|начальник|руководител|"
    r"господин|госпожа|аким|спикер|советник|бывш|нов|когда|также|при|после|перед)",
    re.IGNORECASE,
)
_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ovna|evna|ich|uly|ogly|ogli|ugli|kyzy|qizi|ович|евич|ич|овна|евна|вна|улы|"
    r"оглы|угли|кызы)$",
    re.IGNORECASE,
)
_CYRILLIC_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip
GIVEN_NAME_LIKENESS = 0.5  # transliterations of one given name (Jeenbek, Zheenbek) are alike


def given_name_before(text: str, hit: Hit, full_name: str) -> bool | None:
    """Whether ``hit`` (an official's surname alone) follows the official's own given name
    (``full_name``, given name first): True, False when it follows another given name (another
    person of that surname), None when no given name comes before it."""
    if " " in hit.term.strip() or not full_name or " " not in full_name:
        return None
    before = _GIVEN_BEFORE.search(text, max(0, hit.start - 24), hit.start)
    if before is None or _NOT_GIVEN.match(before.group(1)) or _PATRONYMIC.search(before.group(1)):
        return None  # (Abdulla Nigmatovich Aripov: a father's name, not another given name)
    word = before.group(1).lower()
    # the given name in a Russian case form (Касым-Жомарта, Садыром) and either half of a
    # double one, compared in one romanisation (Zhomart / Jomart)
    words = {_fold(w.translate(_CYRILLIC_LATIN)) for w in (word, _CASE_ENDING.sub("", word))}
    names = {
        _fold(part) for n in full_name.lower().split()[:-1] for part in (n, *n.split("-")) if part
    }
    return any(
        difflib.SequenceMatcher(None, w, name).ratio() >= GIVEN_NAME_LIKENESS
        for w in words
        for name in names
    )


_CASE_ENDING = re.compile(r"(?<=[^аеёиоуыэюя])(?:ом|ем|ой|а|я|у|ю|е)$")


def _fold(name: str) -> str:
    """One romanisation of a Russian-written name: dzh and zh as j, kh as h, ye as e, y as i."""
    for old, new in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ye", "e"), ("y", "i")):
        name = name.replace(old, new)
    return name


def another_bearers(text: str, hits: list[Hit], full_names: dict[int, str]) -> set[int]:
    """The officials (``full_names``: by the hits' values) whose surname the item gives to
    another person (Ilyas Kurbanov) and never after the official's own given name: each bare
    mention of that surname is then the other person (Kurbanov was detained...)."""
    seen: dict[int, set[bool | None]] = {}
    for hit in hits:
        if hit.payload[0] == "official" and hit.payload[1] in full_names:
            value = int(hit.payload[1])
            seen.setdefault(value, set()).add(given_name_before(text, hit, full_names[value]))
    return {value for value, found in seen.items() if False in found and True not in found}
