"""Officials the gazetteer does not know, read from their titles (gold guideline 6: the officials
who take part, by name, with the ``meeting_level`` code of their office).

The gazetteer lists the heads of state and the ministers it is sure of; a readout names many
more people who take part: deputy ministers, ambassadors, interior ministers appointed last
year, heads of border services. Such a person is written after an office's title, in English
and in Russian, with the state and a rank between them:

    Kazakh Interior Minister Yerzhan Sadenov
    the Ambassador of China to Kyrgyzstan, Liu Jiangping
    министром внутренних дел Кыргызстана генерал-лейтенантом милиции Уланом Ниязбековым

``title_officials`` finds a title, walks over what may stand between a title and a name (the
state, of/the/to, ranks, other title words) and takes the two or three capitalised words that
follow as the name. The office is the title's code; when two titles precede one name (Deputy
Prime Minister and Foreign Minister X) the nearer one. A Russian name is put in the nominative
from the title's own case ending (министром ... Уланом Ниязбековым -> Улан Ниязбеков) and
written in Latin letters (``latin``). Chinese text writes a name without a boundary a rule can
see, and its English form needs a dictionary: it is left to the gazetteer.

A Chinese name in Russian (Ван Сяохун) is read back in pinyin (``palladius``). A name any
gazetteer official's name is part of is the gazetteer's (it knows the office by the date); a
single word after a title (Foreign Minister Nurtleu) is no full name and is skipped, and so is
a run of capitalised words in a headline (Ambassador Attends Handover Ceremony).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from steppewatch.extract.palladius import pinyin_name
from steppewatch.extract.prefilter import Guarded

__all__ = ["TitledName", "title_officials", "latin", "nominative"]


@dataclass(frozen=True)
class TitledName:
    name: str  # in Latin letters, nominative
    office: str  # a meeting_level code
    start: int  # the name's span in the text
    end: int
    country: str | None = None  # the state named between the title and the name


# ---- titles: (meeting_level code, pattern); a title ends where the walk to the name begins
_EN_TITLES: tuple[tuple[str, str], ...] = (
    (
        "vice_minister_working",
        r"(?:first\s+)?(?:deputy|vice|assistant)[\s-]+(?:prime\s+|foreign\s+|defen[cs]e\s+|"
        r"interior\s+|public\s+security\s+)?minister|deputy\s+(?:head|chairman|director|chief)"
        r"|deputy\s+secretary|vice[\s-]+chairman",
    ),
    (
        "foreign_minister",
        r"foreign\s+(?:affairs\s+)?minister|minister\s+(?:of|for)\s+foreign\s+affairs",
    ),
    (
        "defence_minister",
        r"defen[cs]e\s+minister|minister\s+of\s+(?:national\s+)?defen[cs]e",
    ),
    (
        "interior_public_security",
        r"(?:interior|public\s+security)\s+minister|minister\s+of\s+(?:internal\s+affairs|"
        r"(?:the\s+)?interior|public\s+security)",
    ),
    (
        "security_council",
        r"secretary\s+of\s+the\s+security\s+council|security\s+council\s+secretary",
    ),
    (
        "state_security_intelligence",
        r"(?:chairman|head|director|chief)\s+of\s+the\s+(?:state\s+committee\s+for\s+national|"
        r"national|state)\s+security\s+(?:committee|service)",
    ),
    (
        "border_guard_chief",
        r"(?:commander|head|chief|director|chairman)\s+of\s+the\s+(?:\w+\s+){0,2}border\s+"
        r"(?:service|troops|guard|forces)",
    ),
    ("chief_of_general_staff", r"chief\s+of\s+(?:the\s+)?general\s+staff"),
    # a diplomat: an ambassador, a consul (general); the head of a customs service
    (
        "other",
        r"ambassador|consul(?:[\s-]+general)?|(?:chairman|head|director|chief)\s+of\s+(?:the\s+)?"
        r"(?:\w+\s+){0,2}customs\s+(?:service|committee|administration)",
    ),
)

# Russian titles: the head word's ending gives the case of the name after it
_RU_TITLES: tuple[tuple[str, str], ...] = (
    (
        "vice_minister_working",
        r"(?:перв\w+\s+)?(?:(?:заместител|замглав)(?P<e1>ь|я|ю|ем|е)|помощник(?P<e0>|а|у|ом|е))"
        r"\s+(?:министра|председателя|секретаря|"
        r"главы|начальника|руководителя)(?:\s+(?:иностранных|внутренних)\s+дел|\s+обороны|"
        r"\s+общественной\s+безопасности|\s+совета\s+безопасности)?|замминистра|вице-министр(?P<e2>|а|у|ом|е)",
    ),
    ("foreign_minister", r"министр(?P<e3>|а|у|ом|е|ы)\s+иностранных\s+дел"),
    ("defence_minister", r"министр(?P<e4>|а|у|ом|е|ы)\s+(?:национальной\s+)?обороны"),
    (
        "interior_public_security",
        r"министр(?P<e5>|а|у|ом|е|ы)\s+(?:внутренних\s+дел|общественной\s+безопасности)",
    ),
    ("security_council", r"секретар(?P<e6>ь|я|ю|ём|ем|е)\s+совета\s+безопасности"),
    (
        "state_security_intelligence",
        r"председател(?P<e7>ь|я|ю|ем|е)\s+(?:государственного\s+комитета\s+национальной\s+"
        r"безопасности|комитета\s+национальной\s+безопасности|службы\s+государственной\s+"
        r"безопасности|гкнб|кнб|сгб)",
    ),
    (
        "border_guard_chief",
        r"(?:председател|командующ|начальник|руководител)(?P<e8>ь|я|ю|ем|е|ий|его|ему|им|ем|"
        r"а|у|ом|)\s+(?:(?:главного\s+)?(?:управления|департамента)\s+)?(?:пограничной\s+службы|"
        r"пограничных\s+войск)",
    ),
    ("chief_of_general_staff", r"начальник(?P<e9>|а|у|ом|е)\s+генерального\s+штаба"),
    # a diplomat: an ambassador (not после, "after"), a consul (general); the head of a customs
    # service
    (
        "other",
        r"посл(?P<e10>ом|а|у|ы|ов)(?=\s)|посол|(?:генеральн\w+\s+)?консул(?P<e11>|а|у|ом|е)(?=\s)"
        r"|(?:председател|начальник|руководител)(?P<e12>ь|я|ю|ем|е|а|у|ом|)\s+(?:\w+\s+){0,2}"
        r"таможенн\w+\s+(?:службы|комитета)",
    ),
)


def _compile(titles: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?P<t{i}>(?<![^\\W_]){p})" for i, (_, p) in enumerate(titles)),
        re.IGNORECASE,
    )


# (guarded: ``re`` tries every title at every position of a span, and most spans, all of a
# Chinese text's, hold no title word; a title added above needs its piece here too)
_EN = Guarded(
    _compile(_EN_TITLES),
    "minister",
    "deputy",
    "chairman",
    "security",
    "border",
    "general",
    "ambassador",
    "consul",
    "customs",
)
_RU = Guarded(
    _compile(_RU_TITLES),
    "зам",
    "помощник",
    "министр",
    "секретар",
    "председател",
    "пограничн",
    "начальник",
    "посл",
    "посол",
    "консул",
    "таможенн",
)
# a military or police rank before a name: an officer, ``other`` unless a title says more
_EN_RANK = Guarded(
    re.compile(
        r"(?<![^\W_])(?:Senior\s+Colonel|Colonel[\s-]General|Lieutenant[\s-]General|"
        r"Major[\s-]General|Brigadier(?:\s+General)?|Rear\s+Admiral|Vice\s+Admiral|"
        r"Police\s+(?:Colonel|General|Major)|Maj\.\s*Gen\.|Lt\.\s*Gen\.|Col\.|Colonel|General|"
        r"Admiral)"
    ),
    "Col",
    "General",
    "Gen.",
    "Brigadier",
    "Admiral",
    "Police",
)
_RU_RANK = Guarded(
    re.compile(
        r"(?<![^\W_])(?:генерал-(?:лейтенант|майор|полковник)|генерал\s+армии|полковник|"
        r"подполковник|контр-адмирал|вице-адмирал)(?P<e>|а|у|ом|е)(?:\s+(?:милиции|полиции|"
        r"юстиции|внутренней\s+службы))?(?![\w-])",
        re.IGNORECASE,
    ),
    "генерал",
    "полковник",
    "адмирал",
)

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?|[,–—(]")
_EN_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*$")
_RU_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$")
# prepositions after which a capitalised word is a place, not a name
_PLACE_BEFORE = frozenset(("в", "во", "in", "at"))
# endings of Tajik surnames, which the official order writes first (Собирзода Эмомали Абдурахим)
_SURNAME_FIRST = ("зода", "заде", "zoda", "zade")
_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьич|овна|евна|ична|угли|оглы|кызы)$|(?:ovich|evich|ovna|evna|ugli|ogly)$"
)

# lower-case words that may stand between a title and a name (of, the state's genitive is
# capitalised; ranks; the service a rank belongs to)
_EN_BETWEEN = frozenset(
    "of the for to in and at 's ’s general lieutenant major colonel police army admiral "
    "brigadier lieutenant-general major-general colonel-general mr mrs ms dr".split()
)
_RU_BETWEEN = frozenset(
    "в во при и по г-н господин господина господином генерал генерала генералом "
    "генерал-лейтенант генерал-лейтенанта генерал-лейтенантом генерал-майор генерал-майора "
    "генерал-майором генерал-полковник генерал-полковника генерал-полковником полковник "
    "полковника полковником милиции полиции армии юстиции внутренней службы".split()
)
# capitalised words that are no part of a name: institutions, titles, states (the gazetteer's
# state names are added per call)
_EN_NOT_NAME = frozenset(
    "republic people's peoples ministry minister council committee national state security "
    "service affairs foreign defence defense internal interior public general staff border "
    "guard guards troops forces armed police emergency situations management central asia "
    "asian chinese kazakh kazakhstani kyrgyz kirghiz tajik tajikistani uzbek uzbekistani turkmen "
    "russian afghan pakistani indian iranian deputy vice prime president ambassador chairman "
    "secretary head chief director commander lieutenant major colonel army the his her "
    "extraordinary plenipotentiary special envoy representative first mr mrs ms dr "
    "china's kazakhstan's kyrgyzstan's tajikistan's uzbekistan's turkmenistan's russia's "
    "federation sco cica rats china kyrgyzstan kazakhstan tajikistan uzbekistan turkmenistan "
    "prc and of".split()
)
_RU_NOT_NAME_STEMS = (
    "республик", "народн", "китайск", "российск", "федерац", "совет", "безопасн", "министр",
    "министерств", "пограничн", "служб", "государствен", "комитет", "национальн",
    "генеральн", "штаб", "вооруж", "внутренн", "оборон", "иностранн", "кыргызск", "киргизск",
    "казахстанск", "таджикск", "узбекск", "туркменск", "киргиз", "кыргыз", "казах", "таджик",
    "узбек", "туркмен", "китай", "китая", "росси", "афганист", "пакистан", "индии", "индия",
    "чрезвычайн", "полномочн", "посол", "посл", "генерал", "председател", "президент",
    "премьер", "глав", "замест", "шанха", "организац", "центральн", "азии", "азия",
)  # fmt: skip


def _is_name(token: str, russian: bool, states: dict[str, str]) -> bool:
    low = token.casefold()
    if russian:
        if not _RU_NAME.match(token):
            return False
        return not any(low.startswith(s) for s in _RU_NOT_NAME_STEMS) and not any(
            low.startswith(s) for s in states
        )
    if not _EN_NAME.match(token):
        return False
    return low not in _EN_NOT_NAME and _state_code(token, states) is None


def _between(token: str, russian: bool, states: dict[str, str]) -> bool:
    """``token`` may stand between a title and its name: a connector, a rank, a capitalised word
    that is no name (the state, an institution), an acronym."""
    low = token.casefold()
    if token in ",(–—":
        return True
    if token.isupper() and len(token) > 1:
        return True  # КНР, PRC, SCO
    if russian:
        return (
            low in _RU_BETWEEN
            or (token[:1].isupper() and not _is_name(token, True, states))
            or low.startswith(("генерал", "полковник", "подполковник"))
        )
    return low in _EN_BETWEEN or (token[:1].isupper() and not _is_name(token, False, states))


def title_officials(
    text: str,
    spans: Iterable[tuple[int, int]],
    states: dict[str, str] | None = None,
    romanisation: dict[str, tuple[str, ...]] | None = None,
) -> list[TitledName]:
    """Every name written after an office's title in ``spans`` of ``text`` (English and
    Russian), in the order of the text; ``states``: lower-case state names (and stems of their
    Russian forms) that are no part of a name, with their codes; ``romanisation``: per state
    code, the rules its officials' Russian-written names are romanised by (the gazetteer's
    states.yaml, ``latin``; ``chinese``: names read back to pinyin)."""
    states = states or {}
    romanisation = romanisation or {}
    found: dict[tuple[int, int], tuple[int, TitledName]] = {}
    for lo, hi in spans:
        for pattern, titles, russian in ((_EN, _EN_TITLES, False), (_RU, _RU_TITLES, True)):
            for m in pattern.finditer(text, lo, hi):
                index = next(int(k[1:]) for k, v in m.groupdict().items() if v and k[0] == "t")
                ending = next(
                    (v for k, v in m.groupdict().items() if k[0] == "e" and v is not None), ""
                )
                office = titles[index][0]
                for name in _names_after(
                    text, m.end(), hi, russian, states, ending.casefold(), romanisation
                ):
                    key = (name.start, name.end)
                    gap = name.start - m.end()
                    if key not in found or gap < found[key][0]:
                        found[key] = (
                            gap,
                            TitledName(name.name, office, name.start, name.end, name.country),
                        )
        # an officer named by rank alone (Senior Colonel Zhou Bin, полковником Ли Цзюнем)
        for rank, russian in ((_EN_RANK, False), (_RU_RANK, True)):
            for m in rank.finditer(text, lo, hi):
                ending = (m.groupdict().get("e") or "").casefold()
                officer = _one_name(text, m.end(), hi, russian, states, ending, romanisation, True)
                if officer is not None and (officer.start, officer.end) not in found:
                    office = _appositive(text, officer.end, hi, states) or "other"
                    found[(officer.start, officer.end)] = (
                        1 << 20,
                        TitledName(
                            officer.name, office, officer.start, officer.end, officer.country
                        ),
                    )
    return [v for _, v in sorted(found.values(), key=lambda x: x[1].start)]


_APPOSITION = re.compile(r",\s+(?:the\s+)?")


def _appositive(text: str, end: int, hi: int, states: dict[str, str]) -> str | None:
    """The ``meeting_level`` code of an office's title set off by a comma after a name ending
    at ``end`` (Major General A. B., Head of the Border Service, ...; генерал-майор А. Б.,
    начальник Пограничных войск, ...); not a title that goes with the name after it (A. B.,
    Deputy Minister C. D.)."""
    comma = _APPOSITION.match(text, end, hi)
    if comma is None:
        return None
    got = listed_title_at(text, comma.end())
    if got is None:
        return None
    russian = "а" <= text[comma.end()].casefold() <= "я"
    if _one_name(text, got[1], hi, russian, states, "", {}, True) is not None:
        return None
    return got[0]


def _names_after(
    text: str,
    start: int,
    hi: int,
    russian: bool,
    states: dict[str, str],
    ending: str,
    romanisation: dict[str, tuple[str, ...]],
) -> list[TitledName]:
    """The name after a title ending at ``start`` (and after it, in a list of the same title's
    holders, the next ones: министры иностранных дел Казахстана А, Кыргызстана Б)."""
    names: list[TitledName] = []
    pos = start
    for _ in range(6):
        name = _one_name(text, pos, hi, russian, states, ending, romanisation, first=not names)
        if name is None:
            break
        names.append(name)
        pos = name.end
    return names


def _one_name(
    text: str,
    pos: int,
    hi: int,
    russian: bool,
    states: dict[str, str],
    ending: str,
    romanisation: dict[str, tuple[str, ...]],
    first: bool,
    least: int = 2,
) -> TitledName | None:
    """The run of capitalised words after what may stand between a title and a name; a run of
    more than two ends with the name (the Drug Control Agency's Ivan Petrov). After a first
    name (``first`` false) only a list of the same title's holders goes on: a comma or and/и,
    then the next holder's state."""
    words: list[re.Match[str]] = []
    skipped = 0
    state = first
    country: str | None = None
    after = ""  # the token before (a place follows в, in: the consul in Osh, консул в Оше)
    for m in _TOKEN.finditer(text, pos, min(hi, pos + 160)):
        gap = text[(words[-1].end() if words else pos) : m.start()]
        if "\n" in gap or any(c in gap for c in '.;:!?"«»“”'):
            break
        token = m.group()
        place = not words and after in _PLACE_BEFORE
        after = token.casefold()
        if not place and _is_name(token, russian, states):
            if len(words) >= 6:
                return None
            words.append(m)
            continue
        if words:
            break
        code = _state_code(token, states)
        if code is not None and country is None:
            country = code  # the first: the Ambassador of China to Kyrgyzstan
        if not first:
            low = token.casefold()
            if skipped == 0 and token != "," and low not in ("и", "and"):
                return None
            if token != "," and low not in ("и", "and"):
                if code is None:
                    return None
                state = True
        elif not place and not _between(token, russian, states):
            return None
        skipped += 1
        if skipped > 8:
            return None
    if len(words) < least or not state:
        return None
    parts = [w.group() for w in words]
    if len(parts) == 3 and _PATRONYMIC.search(parts[1].casefold()):
        parts = [parts[0], parts[2]]
    elif len(parts) == 3 and (
        _PATRONYMIC.search(parts[2].casefold()) or parts[0].casefold().endswith(_SURNAME_FIRST)
    ):
        # the official order, surname first (Ташиев Камчыбек Кыдыршаевич, Собирзода Эмомали
        # Абдурахим): the given name and the surname, as the other orders give them
        parts = [parts[1], parts[0]]
    elif len(parts) > 3:
        parts, words = parts[-2:], words[-2:]
    if not russian:
        if _headline(text, words[0].start()):
            return None
        return TitledName(" ".join(parts), "", words[0].start(), words[-1].end(), country)
    # a Chinese name (Ван Сяохун) in pinyin, as written or in the nominative (Дун Цзюня)
    rules = romanisation.get(country or "", ())
    chinese_state = next((c for c, r in romanisation.items() if "chinese" in r), None)
    chinese = pinyin_name(
        [nominative(p, ending) for p in parts], "chinese" in rules
    ) or pinyin_name(parts, "chinese" in rules)
    if chinese is not None:
        return TitledName(chinese, "", words[0].start(), words[-1].end(), country or chinese_state)
    name = " ".join(latin(nominative(p, ending), rules) for p in parts)
    return TitledName(name, "", words[0].start(), words[-1].end(), country)


_TITLES_AT = (
    (_compile(_EN_TITLES), tuple(code for code, _ in _EN_TITLES)),
    (_compile(_RU_TITLES), tuple(code for code, _ in _RU_TITLES)),
)


def listed_title_at(text: str, at: int) -> tuple[str, int] | None:
    """The ``meeting_level`` code and the end of a listed office's title that begins at ``at``
    (Министра национальной обороны, Minister of Public Security), else None."""
    for pattern, codes in _TITLES_AT:
        found = pattern.match(text, at)
        if found is not None and found.lastgroup is not None:
            return codes[int(found.lastgroup[1:])], found.end()
    return None


def title_office(text: str, start: int, end: int, states: dict[str, str]) -> str | None:
    """The ``meeting_level`` code of the title written before the name at ``start``-``end``
    (the Chairman of the State Committee for National Security, Kamchybek Tashiev): for an
    official whose gazetteer entry has no office at the event's date."""
    best: tuple[int, str] | None = None
    lo = max(0, start - 160)
    for pattern, titles, russian in ((_EN, _EN_TITLES, False), (_RU, _RU_TITLES, True)):
        for m in pattern.finditer(text, lo, start):
            ending = next((v for k, v in m.groupdict().items() if k[0] == "e" and v), "")
            name = _one_name(text, m.end(), end, russian, states, ending.casefold(), {}, True, 1)
            if name is None or not name.start <= start < name.end + 1:
                continue
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v and k[0] == "t")
            gap = start - m.end()
            if best is None or gap < best[0]:
                best = (gap, titles[index][0])
    return best[1] if best else None


def _headline(text: str, at: int) -> bool:
    """``at`` is in an English headline: a line of four words or more, most of them
    capitalised, that does not end as a sentence does (Ambassador Attends Handover Ceremony)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    line = text[lo : hi if hi >= 0 else len(text)].rstrip()
    if len(line) > 160 or line.endswith((".", "!", "?", "»", "”", '"', ")")):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _state_code(token: str, states: dict[str, str]) -> str | None:
    low = token.casefold().removesuffix("'s").removesuffix("’s")
    for stem, code in states.items():
        if low.startswith(stem):
            return code
    return None


# ---- Russian case forms -> nominative, from the title's ending
def nominative(word: str, ending: str) -> str:
    """``word`` (a given name or a surname in apposition to a title whose head word ends in
    ``ending``: а/я genitive, ом/ем instrumental, у/ю dative, е prepositional) in the
    nominative. Names that do not decline (Нуртлеу, Рахимзода, Рахмонали) are kept."""
    low = word.casefold()
    if ending in ("", "ь", "ы", "ий") or low.endswith(("зода", "заде")):
        return word
    surname = low.endswith(("ов", "ев", "ёв", "ин", "ын"))
    if ending in ("а", "я", "его"):  # genitive / accusative
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")) or (
            low.endswith("а") and low[-2:-1] not in "аеёиоуыэюя"
        ):
            return word[:-1]
        if low.endswith("я") and low[-2:-1] in "еа":
            return word[:-1] + "й"  # Сергея -> Сергей
        if low.endswith("я") and low[-2:-1] not in "аеёиоуыэюяь":
            return word[:-1] + "ь"  # Игоря -> Игорь, Цзюня -> Цзюнь
        if low.endswith("ого"):
            return word[:-3] + "ий"
        return word
    if ending in ("ом", "ем", "ём", "им"):  # instrumental
        if low.endswith(("овым", "евым", "ёвым", "иным", "ыным")):
            return word[:-2]
        if low.endswith(("ом",)) and low[-3:-2] not in "аеёиоуыэюя":
            return word[:-2]
        if low.endswith("ем") and low[-3:-2] in "еа":
            return word[:-2] + "й"  # Сергеем -> Сергей
        if low.endswith("ем") and low[-3:-2] not in "аеёиоуыэюяь" and not surname:
            return word[:-2] + "ь"  # Игорем -> Игорь, Цзюнем -> Цзюнь
        return word
    if ending in ("у", "ю", "ему"):  # dative
        if low.endswith(("ову", "еву", "ину", "ыну")) or (
            low.endswith("у") and low[-2:-1] not in "аеёиоуыэюя" and not surname
        ):
            return word[:-1]
        return word
    if ending == "е":  # prepositional
        if low.endswith(("ове", "еве", "ине")) or (
            low.endswith("е") and low[-2:-1] not in "аеёиоуыэюя"
        ):
            return word[:-1]
    return word


_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "u",
    "қ": "q", "ғ": "g", "ҳ": "h", "ң": "ng", "ә": "a", "ө": "o", "ү": "u", "і": "i",
}  # fmt: skip
_VOWELS = frozenset("аеёиоуыэюяьъ")


def latin(word: str, rules: Iterable[str] = ()) -> str:
    """A Russian-written name in Latin letters as English-language news writes Central Asian
    and Russian names: е is ye at the start and after a vowel (Ержан Yerzhan, Сысоев Sysoyev),
    ий at the end is y (Евгений Yevgeny), дж is j; by the state's own romanisation (``rules``,
    from the gazetteer's states.yaml): ``zh_j`` writes ж as j (an Uzbek or Tajik name: Бобожонов
    Bobojonov), ``kh_h`` х as h (a Tajik or Turkmen one: Рахимзода Rahimzoda, Хаджиев Hajiyev),
    ``kyrgyz`` й and е after a vowel as i and e (Тойгонбаев Toigonbaev)."""
    rules = set(rules)
    low = word.casefold().replace("дж", "j")
    if "zh_j" in rules:
        low = low.replace("ж", "j")
    if "kh_h" in rules:
        low = low.replace("х", "h")
    if "kyrgyz" in rules:  # Kyrgyz passports: й after a vowel is i, е after a vowel is e
        low = re.sub(r"(?<=[аеёиоуыэюя])й", "i", low)
        low = re.sub(r"(?<=[аоуыэ])е", "e", low)
    out = []
    for i, c in enumerate(low):
        if c == "е" and (i == 0 or low[i - 1] in _VOWELS or low[i - 1] == "-"):
            out.append("ye")
        elif c == "и" and low[i + 1 : i + 2] == "й" and i + 2 == len(low):
            out.append("")
        else:
            out.append(_LATIN.get(c, c))
    result = "".join(out)
    return "-".join(p[:1].upper() + p[1:] for p in result.split("-"))


def state_stems(states: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Lower-case one-word names of states (``(code, names)``; Russian names are the
    gazetteer's word prefixes) with their codes: what ``title_officials`` reads as a state."""
    return {
        name.casefold(): code
        for code, names in states
        for name in names
        if " " not in name and len(name) >= 3 and not name.isupper()
    }


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The lower-case last words (of four letters or more) of the gazetteer's officials' names:
    a title's name with one of them is the gazetteer's official (a shared given name, Nurlan,
    is not)."""
    return frozenset(
        w.casefold() for w in (re.split(r"[\s·.]+", n.strip())[-1] for n in names) if len(w) >= 4
    )


# ---- officials named but not taking part (gold guideline 6: the officials who take part)
# an absent principal's greetings, message or words passed on, a meeting held on his behalf,
# the consensus he reached or the guidance he gives, a visit of his recalled ("during the state
# visit of"): the words before the name in its sentence ...
_ABSENT_BEFORE = Guarded(
    re.compile(
        r"(?:(?:greetings?|regards|wishes|message|letter|congratulations)\s+(?:\w+\s+){0,3}"
        r"(?:from|of)|on\s+behalf\s+of|(?:consensus|agreements?|understandings?)\s+"
        r"(?:\w+\s+){0,3}reached\s+(?:by|between)|(?:guidance|leadership)\s+of|"
        r"(?:during|in\s+the\s+course\s+of)\s+(?:the\s+)?(?:state\s+|official\s+)?visit\s+of"
        r"|(?:приветстви|пожелани|послани|поздравлени)\w*|от\s+имени"
        r"|(?:договор[её]нност|консенсус)\w*(?:\s+\w+){0,2}\s+(?:между|достигнут\w*)"
        r"|в\s+ходе\s+(?:\w+\s+)?визита"
        r"|(?:转达|转致|遵照)[^。；，,]{0,8}|代表(?!团)[^。；，,]{0,4}"
        # a meeting hoped for, still to come (期待在峰会期间同X会晤; looks forward to meeting X;
        # надеется на встречу с X)
        r"|期待[^。；，,]{0,12}(?:同|与|和)|look(?:s|ed|ing)?\s+forward\s+to\s+(?:meeting|"
        r"seeing|receiving|welcoming)(?:\s+with)?|(?:рассчитыва|надеет|надеюсь|ожида)\w*\s+на\s+"
        r"(?:\w+\s+){0,2}встреч\w*\s+с)"
        r"(?:\s+(?:[^\W\d_][\w'’-]*|\(\w+\))){0,5}\s*$",
        re.IGNORECASE,
    ),
    "greeting",
    "regards",
    "wishes",
    "message",
    "letter",
    "congratulations",
    "behalf",
    "reached",
    "guidance",
    "leadership",
    "visit",
    "приветстви",
    "пожелани",
    "послани",
    "поздравлени",
    "имени",
    "договор",
    "консенсус",
    "визита",
    "转达",
    "转致",
    "遵照",
    "代表",
    "期待",
    "forward",
    "встреч",
)
# ... or after it (习近平主席和X总统的战略引领下, 两国元首共识; передать X самые теплые пожелания)
_ABSENT_AFTER = re.compile(
    r"[^。；]{0,16}?(?:战略引领|引领下|指引下|共识|关心下|亲自推动)"
    r"|\w*(?:\s+[^\W\d_]+){0,3}\s+(?:приветстви|пожелани)",
    re.IGNORECASE,
)
# page furniture: links to other news after the text (Читайте также, 相关新闻, Related)
_FURNITURE = Guarded(
    re.compile(
        r"Читайте\s+также|Похожие\s+новости|Теги\s*:|Смотрите\s+также|相关新闻|相关阅读|延伸阅读"
        r"|\bRelated(?:\s+(?:news|stories|articles))?\s*:|\bRead\s+(?:also|more)\s*:"
        r"|\bSee\s+also\s*:|(?m:^)[ \t]*Also\s+on\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*:",
        re.IGNORECASE,
    ),
    "читайте",
    "похожие",
    "теги",
    "смотрите",
    "相关新闻",
    "相关阅读",
    "延伸阅读",
    "related",
    "also",
    "more",
)


def absent_mention(text: str, start: int, end: int) -> bool:
    """The official named at ``start``-``end`` does not take part there: his greetings passed
    on, a meeting held on his behalf, a consensus he reached, his visit recalled, or a link
    in the page's furniture (Читайте также: ...)."""
    lo = max(0, start - 90)
    for stop in ("。", "；", ". ", "\n"):
        at = text.rfind(stop, lo, start)
        if at >= 0:
            lo = at + len(stop)
    if _ABSENT_BEFORE.search(text, lo, start):
        return True
    if _ABSENT_AFTER.match(text, end, min(len(text), end + 24)):
        return True
    return _FURNITURE.search(text, max(0, start - 300), start) is not None
