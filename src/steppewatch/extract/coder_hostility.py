"""Whom people's hostility targets (sixteenth round): a protest, a brawl or an attack by people
aimed at the focal state's workers, firms or citizens is anti-China sentiment, whatever words
name it.

The codebook's anti_china_sentiment indicators are set phrases (anti-Chinese, протесты против
Китая, 反华); readouts and news report the same hostility as what happened and to whom: a mass
brawl between villagers and a Chinese company's workers, a rally against a Chinese firm, an
attack on Chinese miners, 民众抗议中资工厂. ``hostile_acts`` finds a word of people's hostility
(a protest, a rally, discontent; or violence, a brawl, a clash, an attack, a beating, when the
sentence names local people doing it) whose sentence names the focal state's people or firms
(Chinese workers, a Chinese company, citizens of the PRC, 中资企业, 中国工人) and codes the
topic there.

Not coded: an armed attack with no local people named (a raid from across the border on a
Chinese workers' camp: gold codes terrorism or border security there, not sentiment); a
sentence of terrorism or a drill (a terrorist attack on an embassy is terrorism,
a rehearsed clash is an exercise); hostility whose sentence names no Chinese people or firms (a
rally against fuel prices; police of two states clashing with smugglers).
"""

from __future__ import annotations

import re
from functools import lru_cache

from steppewatch.extract.matcher import Hit, Matcher, Term

__all__ = ["SENTENCE_REACH", "hostile_acts"]

SENTENCE_REACH = 240  # characters read either side of a hostility word for its sentence

# words that are people's hostility by themselves (a protest, a rally, discontent; group
# ``calm``) and violence (a brawl, a clash, an attack, a beating; group ``violent``), which is
# people's hostility only when the sentence names local people doing it (an armed attack from
# across a border, a militants' raid, is not). Found by an Aho-Corasick matcher of their
# beginnings (``_WORD_STARTS``: one pass at C speed, a regex of these alternatives is four times
# slower), each found word then checked whole against the pattern (драка, not дракон).
_HOSTILE = re.compile(
    r"(?P<calm>抗议|示威|恐华|protest(?:s|ed|ers?|ing)?|rall(?:y|ies)|mobs?|resentment|"
    r"discontent|picket(?:s|ed|ers?|ing)?|протест\w*|митинг\w*|недовольств\w*|пикет\w*)|"
    r"(?P<violent>斗殴|群殴|殴打|围攻|打砸|袭击|冲突|brawls?|clash(?:es|ed)?|attack(?:s|ed)?|"
    r"assault(?:s|ed)?|beat(?:en|ing)|драк[аиуе]?|дракой|дракам\w*|столкновени\w*|"
    r"нападени\w*|напал[аи]?|избиени\w*|избил[аи]?)"
)
_WORD_STARTS = {
    "zh": ("抗议", "示威", "恐华", "斗殴", "群殴", "殴打", "围攻", "打砸", "袭击", "冲突"),
    "en": ("protest*", "rally", "rallies", "mob", "mobs", "resentment", "discontent", "brawl*",
           "clash*", "attack*", "assault*", "beaten", "beating", "picket*"),
    "ru": ("протест", "митинг", "недовольств", "драк", "столкновени", "нападени", "напал",
           "избиени", "избил", "пикет"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _words() -> Matcher:
    return Matcher(
        Term(word, lang, ("hostility", word))
        for lang, words in _WORD_STARTS.items()
        for word in words
    )


_LOCALS = re.compile(
    r"当地(?:民众|居民|村民|群众|工人|员工)|村民|"
    r"(?<![^\W\d_])(?:local\s+(?:residents|people|villagers|men|youths?|workers)|locals|villagers|"
    r"residents\s+of\s+(?:a\s+|the\s+)?(?:nearby\s+|neighbou?ring\s+)?villages?|"
    r"(?:kazakh|kyrgyz|tajik|uzbek|turkmen)\s+(?:workers|residents|villagers)|"
    r"местн\w*\s+жител\w*|жител\w*\s+(?:близлежащ\w*\s+)?(?:сел|деревн|аил|кишлак)\w*|"
    r"местн\w*\s+(?:рабоч|работник)\w*|"
    r"(?:казахстанск|кыргызстанск|кыргызск|киргизск|таджикск|узбекск|туркменск)\w*\s+"
    r"(?:и\s+китайск\w*\s+)?(?:рабоч|жител)\w*|"
    r"сельчан\w*|местными|местных)(?![^\W\d_])"
)
_CHINESE_PARTY = re.compile(
    r"中资|中企|中国(?:工人|公民|企业|公司|员工|人员|商人|商户|矿)|中方人员|华商|"
    r"中国驻\w{0,8}?(?:大使馆|使馆|领事馆|总领馆)|"
    r"(?:chinese(?:-(?:owned|run|operated|invested|funded|managed|backed|built))?\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:workers?|compan(?:y|ies)|firms?|"
    r"enterprises?|miners?|nationals|citizens|investors?|contractors?|employees|staff|"
    r"mines?|plants?|factor(?:y|ies)|businesses|shops?|traders?|embass(?:y|ies)|consulate)|"
    r"китайск\w*\s+(?:[а-я-]+\s+){0,2}?(?:рабоч|работник|компани|фирм|предприят|граждан|инвестор|"
    r"шахт|рудник|фабрик|завод|подрядчик|специалист|сотрудник|магазин|торговц|бизнес)|"
    r"граждан\w*\s+(?:кнр|китая)|"
    r"(?:компани|предприят|завод|фабрик|рудник|шахт|комбинат)\w*\s+с\s+китайск\w*\s+"
    r"(?:капитал|участи|инвестици)|"
    r"(?:посольств|консульств|генконсульств)\w*\s+(?:кнр|китая))"
)
_NOT_PEOPLES = re.compile(
    r"恐怖|演习|演练|(?<![^\W\d_])(?:terror\w*|drill\w*|exercises?|террор\w*|учени[йеяюи]\w*)"
    r"(?![^\W\d_])"
)
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


def hostile_acts(normal: str, start: int, end: int) -> list[Hit]:
    """anti_china_sentiment hits for the hostility words of ``normal[start:end]`` (the
    lower-case matching text) whose sentence names the focal state's people or firms; each hit
    spans the hostility word."""
    out: list[Hit] = []
    seen: set[int] = set()  # (напал and нападени both begin нападение)
    for found in _words().iter_hits(normal, start, end):
        if found.start in seen:
            continue
        seen.add(found.start)
        word = _HOSTILE.fullmatch(normal, found.start, found.end)
        if word is None:
            continue
        violent = word.group("violent") is not None
        lo = max(start, word.start() - SENTENCE_REACH)
        for stop in _SENTENCE_END.finditer(normal, lo, word.start()):
            lo = stop.end()
        close = _SENTENCE_END.search(normal, word.end(), min(end, word.end() + SENTENCE_REACH))
        hi = close.start() if close else min(end, word.end() + SENTENCE_REACH)
        if _CHINESE_PARTY.search(normal, lo, hi) is None or _NOT_PEOPLES.search(normal, lo, hi):
            continue
        if violent and _LOCALS.search(normal, lo, hi) is None:
            continue
        out.append(Hit(word.start(), word.end(), ("topic", "anti_china_sentiment"), word.group()))
    return out
