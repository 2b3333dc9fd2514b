"""Matching resources of the default coder (``codebook_coder.py``), built once per codebook and
study: the automaton of every indicator and name, the smaller anchor automata (per language),
the prefilters that let a Chinese text without any anchor character skip the anchor scan, and
the study's facts the rules need (``StudyFacts``: focal state, partners, framework weights and
memberships, the words naming the focal state)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from steppewatch.codebook import Codebook, load_codebook
from steppewatch.extract.coder_officials import name_words, state_stems
from steppewatch.extract.gazetteer import Gazetteer, for_study
from steppewatch.extract.matcher import Hit, Matcher, Term
from steppewatch.extract.normalise import normalise_for_matching

if TYPE_CHECKING:
    from steppewatch.models import Study

__all__ = [
    "DOMESTIC_CAPACITY_WEIGHT",
    "WESTERN_BUILDUP",
    "Resources",
    "StudyFacts",
    "load_resources",
    "state_of",
]

# Indicators of the focal state's military build-up near the region (the PRC's western
# districts and theatre) that anchor a passage by themselves
# (and its border human capacity and border roads: 护边员, 戍边, border-guarding herders,
# пограничники-добровольцы, охранники границы, пограничные дороги, 巡逻路)
WESTERN_BUILDUP = re.compile(
    r"军区|战区|边防|武警新疆|护边|戍边|巡逻路|military (district|region|command)|"
    r"theat(er|re) command|border-guarding|border guarding|военн\w* округ|пограни|"
    r"охранник\w* границ|командовани|театр\w* военных|патрульн\w* дорог|patrol road|"
    r"兵团",
    # (западного командования, западного театра военных действий: the Western Theater Command;
    # патрульные дороги: 巡逻路; 兵团: the Xinjiang Production and Construction Corps, the focal
    # state's own body in its border region, named in its own Chinese news without 中国; in
    # English and Russian its name comes with China's or Xinjiang's)
    re.IGNORECASE,
)
# build-up indicators any state's border may have (volunteers guarding it, its patrol roads):
# the focal state's build-up only when the focal state (Xinjiang, China) is named in their
# sentence (``codebook_coder``)
BORDER_CAPACITY = re.compile(
    r"护边|戍边|巡逻路|border-guarding|border guarding|пограничн\w*[- ](?:добровол|дорог|инфраструктур)|"
    r"охранник\w* границ|патрульн\w* дорог|patrol road",
    re.IGNORECASE,
)
DOMESTIC_CAPACITY_WEIGHT = 1.0  # anchor weight of the build-up indicators
# what may join the focal state's name to a region's group name: 中国和中亚国家, China and the
# Central Asian states, Китай и государства Центральной Азии
_JOIN = r"(?:和|同|与|及|、|—|-|–|\+|and|with|и|с)"
_JOIN_AFTER = r"(?:和|同|与|及|and|и)"


@dataclass(frozen=True)
class StudyFacts:
    """What the coder's rules need to know of the study."""

    focal: str
    partners: tuple[str, ...]
    # codebook framework code (and "domestic_capacity") -> anchor weight
    anchor_weights: dict[str, float]
    # codebook framework code -> the study's frameworks with implied members
    implied: dict[str, tuple[object, ...]]
    focal_before: re.Pattern[str]  # the focal state's name, then a joiner, at the end
    focal_after: re.Pattern[str]  # a joiner, then the focal state's name
    focal_word: re.Pattern[str]  # the focal state's name anywhere (border compounds)
    pair_prefixes: frozenset[str]  # first characters of two-state abbreviations (中哈)
    # the focal state's own border region's names (study focal_home_region), or None
    home_region: re.Pattern[str] | None = None
    partner_set: frozenset[str] = frozenset()  # the partners as a set (set in study_facts)
    # states that were ever members of a framework with implied members (SCO: RU, IN, PK...):
    # a list of states naming one of them may be that framework's members
    members_ever: frozenset[str] = frozenset()

    def sort_countries(self, countries: Iterable[str]) -> list[str]:
        """The focal state first, then the others alphabetically."""
        return sorted(set(countries), key=lambda c: (c != self.focal, c))

    def implied_members(self, code: str, day: str | None) -> list[str]:
        """Members (not the focal state) of the study's frameworks coded ``code`` on ``day``."""
        members: dict[str, None] = {}
        for framework in self.implied.get(code, ()):
            for state in framework.members_on(day, self.partners):  # type: ignore[attr-defined]
                if state != self.focal:
                    members.setdefault(state, None)
        return list(members)


def _home_region(names: dict[str, list[str]]) -> re.Pattern[str] | None:
    """The focal state's home border region's names (a Latin or Cyrillic name as a word's
    start: Синьцзяне, Xinjiang's), or None."""
    terms = sorted({t for values in names.values() for t in values if t}, key=len, reverse=True)
    if not terms:
        return None
    parts = [
        re.escape(t) if "\u4e00" <= t[:1] <= "\u9fff" else rf"(?<![^\W\d_]){re.escape(t)}"
        for t in terms
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def study_facts(study: Study, gazetteer: Gazetteer) -> StudyFacts:
    weights: dict[str, float] = {}
    implied: dict[str, list[object]] = {}
    for framework in study.frameworks:
        if framework.anchor_weight > 0:
            weights[framework.code] = max(weights.get(framework.code, 0.0), framework.anchor_weight)
        if framework.implied_members:
            implied.setdefault(framework.code, []).append(framework)
    weights["domestic_capacity"] = DOMESTIC_CAPACITY_WEIGHT
    names = study.focal_names or {
        lang: list(values) for lang, values in gazetteer.states[study.focal_state].names.items()
    }
    words = sorted(
        {normalise_for_matching(n.rstrip("*")) for values in names.values() for n in values},
        key=lambda w: (-len(w), w),
    )
    alternation = "|".join(re.escape(w) for w in words) or "(?!)"
    return StudyFacts(
        focal=study.focal_state,
        partners=tuple(study.partner_states),
        anchor_weights=weights,
        implied={code: tuple(fs) for code, fs in implied.items()},
        focal_before=re.compile(
            rf"(?:{alternation})\w{{0,2}}\s*{_JOIN}\s*(?:the\s+|five\s+|пяти\s+|пятью\s+)*$"
        ),
        focal_after=re.compile(rf"\s*{_JOIN_AFTER}\s*(?:{alternation})"),
        focal_word=re.compile(alternation, re.IGNORECASE),
        pair_prefixes=frozenset(p for values in study.focal_pair_prefixes.values() for p in values),
        home_region=_home_region(study.focal_home_region),
        partner_set=frozenset(study.partner_states),
        members_ever=frozenset(
            m.state for f in study.frameworks if f.implied_members for m in f.members
        ),
    )


@dataclass
class Resources:
    codebook: Codebook
    gazetteer: Gazetteer
    matcher: Matcher  # every indicator and name
    anchors: Matcher  # names of the partners and the study's regional frameworks only
    study: StudyFacts
    active: dict[str, set[str]] = field(default_factory=dict)
    # prefilter for Chinese text: every Han anchor term contains one of these characters, and
    # the Latin anchor terms that occur in Chinese text; a text with neither has no anchor
    han_prefilter: re.Pattern[str] | None = None
    latin_prefilter: re.Pattern[str] | None = None
    # per-language anchor automata: the document's own script plus English (smaller automata
    # scan faster); other languages use ``anchors``
    by_language: dict[str, Matcher] = field(default_factory=dict)
    cities: frozenset[str] = frozenset()  # city names of states (venues after 在/in/в)
    places: Matcher | None = None  # place names (gazetteer places.yaml): the event's location
    # one-word state names with their codes, and the words of the officials' names: for the
    # officials read from their titles (``coder_officials``)
    state_words: dict[str, str] = field(default_factory=dict)
    official_words: frozenset[str] = frozenset()
    # per state code, how its officials' Russian-written names are romanised (states.yaml)
    romanisation: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def anchor_hits(self, normal: str, language: str | None) -> list[Hit]:
        if language == "zh" and self.han_prefilter is not None and self.latin_prefilter is not None:
            if not self.han_prefilter.search(normal) and not _latin_found(
                self.latin_prefilter, normal
            ):
                return []
        return self.by_language.get(language or "", self.anchors).hits(normal)


# The 800 most frequent Han characters of PRC MFA press-conference text, most frequent first
# (counted once from ../shared/corpora/china_fm). A Han anchor term is prefiltered by its
# character that is least frequent here.
_FREQUENT_HAN = {
    c: rank
    for rank, c in enumerate(
        "国的中方有和一关问对是在会美我作发人合了不行同为们日家题外进大这此政展共于经答出全到持主重交将表事实系道要何利议部上与情你平法定新动际报地以个提理也论安力应能民"
        "正两多加年意时来前各成决通相解领长已双体总面就公向过次务员据内否开区者评立明建当月府强任本疫好特近推第生自取互联协护举访反界度间斯世期信华非示天制朝可岛维得记他"
        "商保并统坚所及导巴说社高亚贸等海话都分极化现权续基望势布战言席治边希场业认下些机委确稳组况注核印其心如愿济果施目支半性回积切则用称义港之益调助俄达继设路采更台常"
        "无努最域使别防今涉还态请责息供原局南军织至看入措后带友香见着卫式首做促韩谈尔视件普步受而没工识严深代想资具么东二朗击活鲜程刚消易文拉企包例略善由造球该抗根流规三"
        "处从克接形媒阿习参指致求昨洲放案伊门名罗德马待驻金再盟证团欧西控境告尊去才周但介沟括什约直里止产王绍官改澳结停干真增复晤坦北础构很起断律感密张贯专因点条学恐英选"
        "知菲必伴管往清伙打湾策声负越项京司种武响投影市身磋比办数终口样被完准够始符康查疆毅依尼害级病观署冠需只段宣或先裁挥判网院广充变健元紧量然类签未争客守教士列承效峰"
        "威位科运手历迎十坛副妥土落己赢难毒给欢歧执排帮快物太讨走肺炎头即尽担命援早单容献计拿申倡备史电贡敦价谓叙馆照遇医夫赞属图标邀引考航书划扩派传损楚少质族赴空众兰子"
        "奥央错述品格萨络闻队违兼水暴呼届架升换针误耿爽警候瑞预良富予诉享技讲万遵端透免四党创验宾环疗源研诺虑烈限五哪几思赵邻胁缅压满把号挑集那障层风吗福存轮李繁伤纳诚汗"
        "午勒救怖听许仅序器突宗显留兴犯围线营份吁整荣节试洋邦融框陆气久精按范省临哈细启砖黑危汉春绝批念瓦履佩远独泛功古赏秘阶演散职恢遍型须船收孟税沙财似破罪卿缓博频塔蓬"
        "延背塞游释群弹神究移莹暂除值景术卡仍转禁握询审失获底亡急且晚白避曾让轨追攻率胜连便阻班离祝顾掌顺亿固状埃小站冲米色肯奉章触借谢服朋袭旅既彼径置智险油征莫吉择寻革"
    )
}


_WORD_START = r"(?<![^\W\d_])"  # (a Latin term begins a word)


_NAMED_STATE_KINDS = frozenset({"state", "listed", "example", "home_office"})
# with ``places``: a state named as where someone is or where an event is held, too
_PLACE_STATE_KINDS = _NAMED_STATE_KINDS | {"whereabouts", "venue"}


def state_of(hit: Hit, res: Resources, *, places: bool = False) -> str | None:
    """The state a name stands for: a state's, an office's given the dateline's state
    (``home_office``), an official's or an institution's (none for an international body and
    for other hits); with ``places`` also a whereabouts' or a venue's state."""
    kind, value = hit.payload
    if kind in (_PLACE_STATE_KINDS if places else _NAMED_STATE_KINDS):
        return str(value)
    if kind == "official":
        return res.gazetteer.officials[value].country
    if kind == "institution":
        return res.gazetteer.institutions[value].country
    return None


def _prefilters(terms: list[Term]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For each Han anchor term its rarest character (by ``_FREQUENT_HAN``)."""
    rarest = len(_FREQUENT_HAN)
    han_chars: set[str] = set()
    latin: set[str] = set()
    for term in terms:
        key = normalise_for_matching(term.text.rstrip("*"), traditional=False)
        hans = [c for c in key if "\u3400" <= c <= "\u9fff"]
        if hans:
            han_chars.add(max(hans, key=lambda c: _FREQUENT_HAN.get(c, rarest)))
        else:
            latin.add(key)
    han = re.compile("[" + "".join(sorted(han_chars)) + "]")
    # whole-text search for any Latin/Cyrillic anchor term (rarely needed: Chinese text only)
    words = "|".join(re.escape(w) for w in sorted(latin, key=len, reverse=True))
    return han, re.compile(_WORD_START + "(?:" + words + ")") if words else re.compile(r"(?!)")


@lru_cache(maxsize=4)
def _terms_alone(prefilter: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(prefilter.pattern.removeprefix(_WORD_START), prefilter.flags)


def _latin_found(prefilter: re.Pattern[str], text: str) -> bool:
    """``prefilter.search(text) is not None`` for the Latin prefilter: the terms' alternation
    alone finds where a term begins (``re`` skips to the terms' first letters), and only there
    the word start is checked; searched with the lookbehind first, ``re`` tried every term at
    every character (half a microsecond a character of a Chinese text)."""
    if not prefilter.pattern.startswith(_WORD_START):
        return prefilter.search(text) is not None
    terms = _terms_alone(prefilter)
    position = 0
    while (found := terms.search(text, position)) is not None:
        if prefilter.match(text, found.start()) is not None:
            return True
        position = found.start() + 1
    return False


# a Russian adjective's ending (the codebook writes an indicator's adjectives in the cases its
# authors met: совместные учени, совместных учени; the text may have another: совместного
# учения, совместным учениям)
_RU_ADJECTIVE = re.compile(
    r"^([а-я-]*[а-я]{2})(ыми|ими|ого|его|ому|ему|ых|их|ые|ие|ый|ий|ой|ая|яя|ое|ее|ую|юю|ым|им|ом|ем|ей)$"
)
_RU_ENDINGS = (
    "ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем",
    "ая", "яя", "ую", "юю", "ей", "ое", "ее", "ые", "ие", "ых", "их", "ыми", "ими",
)  # fmt: skip
_RU_NOUN = re.compile(r"(?:ани|ени|ов|ев)[а-я]?$")  # создание, договором: nouns, not adjectives


def ru_case_forms(text: str) -> list[str]:
    """The other case forms of a Russian indicator whose words before its last are adjectives
    (совместные учени -> совместного учени, совместным учени, ...), all of them in the same case;
    the indicator itself is not among them. Forms that are no Russian word match nothing."""
    words = text.split(" ")
    if len(words) < 2 or len(words[-1]) < 3 or _RU_ADJECTIVE.match(words[-1]):
        return []  # (a preposition or an adjective last: договором о, частных охранных)
    stems = []
    for word in words[:-1]:
        match = _RU_ADJECTIVE.match(word)
        if match is None or _RU_NOUN.search(word):
            return []
        stems.append(match.group(1))
    tail = " ".join(words[len(stems) :])
    forms = (" ".join(stem + ending for stem in stems) + " " + tail for ending in _RU_ENDINGS)
    return [form for form in forms if form != text]


# the head noun of a Russian office (секретарь совета безопасности, министр обороны, глава
# МИД, начальник генштаба): its case forms, singular and plural, with the words after it as
# they are (a genitive complement does not change: министром обороны, секретарю совбеза)
# заместитель, председатель, руководитель, секретарь
_RU_SOFT_HEAD = re.compile(r"^([а-я]{4,}тел|[а-я]{3,}ар)ь$")
_RU_HARD_HEAD = re.compile(r"^(?:министр|начальник|директор)$")  # министр, начальник, директор
_RU_SOFT_ENDINGS = ("я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях")
_RU_HARD_ENDINGS = ("а", "у", "ом", "е", "ы", "и", "ов", "ам", "ами", "ах")
_RU_GLAVA_FORMS = ("глава", "главы", "главе", "главу", "главой", "глав", "главам", "главами")


def ru_office_forms(text: str) -> list[str]:
    """The other case forms of a Russian office indicator whose first word is its head noun
    (секретарь совбез -> секретаря совбез, секретарем совбез, ...; глава мид -> главе мид, ...);
    the indicator itself is not among them. Only an indicator of two words or more: one word
    alone (посол, премьер) is written with its forms or matches as a prefix."""
    words = text.split(" ")
    if len(words) < 2:
        return []
    head, rest = words[0], " ".join(words[1:])
    if head in _RU_GLAVA_FORMS:
        heads = list(_RU_GLAVA_FORMS)
    elif soft := _RU_SOFT_HEAD.match(head):
        heads = [soft.group(1) + e for e in _RU_SOFT_ENDINGS]
    elif _RU_HARD_HEAD.match(head):
        heads = [head + e for e in _RU_HARD_ENDINGS]
    else:
        return []
    return [f"{h} {rest}" for h in heads if f"{h} {rest}" != text]


def _indicator_terms(codebook: Codebook, schemes: Iterable[str]) -> list[Term]:
    terms = []
    for scheme in schemes:
        for code in codebook.scheme(scheme).codes:
            if code.retired_in:
                continue
            for lang in ("en", "zh", "ru"):
                written = getattr(code.indicators, lang)
                for text in written:
                    terms.append(Term(text, lang, (scheme, code.code)))
                if lang == "ru" and scheme == "event_kind":
                    # (an event kind's adjectives in every case: kinds are read from few words)
                    known = set(written)
                    for text in written:
                        for form in ru_case_forms(text):
                            if form not in known:
                                known.add(form)
                                terms.append(Term(form, lang, (scheme, code.code)))
                if lang == "ru" and scheme == "meeting_level":
                    # (an office's head noun in every case: встреча с секретарем Совбеза)
                    known = set(written)
                    for text in written:
                        for form in ru_office_forms(text):
                            if form not in known:
                                known.add(form)
                                terms.append(Term(form, lang, (scheme, code.code)))
    return terms


_CACHE: dict[tuple[str | None, str], Resources] = {}
_CACHE_SIZE = 4


def load_resources(codebook_path: str | None, study: Study | None = None) -> Resources:
    """The resources for a codebook and a study (default: the bundled default study); the
    last few are cached."""
    if study is None:
        from steppewatch.study import default_study

        study = default_study()
    key = (codebook_path, study.model_dump_json())
    cached = _CACHE.get(key)
    if cached is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        cached = _CACHE[key] = _build(codebook_path, study)
    return cached


def _build(codebook_path: str | None, study: Study) -> Resources:
    codebook = load_codebook(codebook_path)
    gazetteer = for_study(study)
    facts = study_facts(study, gazetteer)
    partners = facts.partner_set
    schemes = ("event_kind", "meeting_level", "framework", "domain", "topic")
    all_terms = _indicator_terms(codebook, schemes) + gazetteer.terms()
    all_terms += [
        Term(t.text, t.lang, ("anchor", "domestic_capacity"))
        for t in _indicator_terms(codebook, ["event_kind"])
        if t.payload[1] == "domestic_capacity" and WESTERN_BUILDUP.search(t.text)
    ]
    anchor_terms = [
        t
        for t in gazetteer.terms()
        if (t.payload[0] == "state" and t.payload[1] in partners)
        or (t.payload[0] == "group" and set(gazetteer.groups[t.payload[1]].members) & partners)
        or (t.payload[0] == "official" and gazetteer.officials[t.payload[1]].country in partners)
        or (t.payload[0] == "institution" and _institution_anchor(gazetteer, t.payload[1], facts))
    ]
    anchor_terms += [
        t for t in _indicator_terms(codebook, ["framework"]) if t.payload[1] in facts.anchor_weights
    ]
    anchor_terms += [
        Term(t.text, t.lang, ("anchor", "domestic_capacity"))
        for t in _indicator_terms(codebook, ["event_kind"])
        if t.payload[1] == "domestic_capacity" and WESTERN_BUILDUP.search(t.text)
    ]
    active = {s: set(codebook.codes(s)) for s in schemes}
    han, latin = _prefilters(anchor_terms)
    # (lean automata: most Chinese pages have no Latin letter, English ones no Cyrillic)
    by_language = {
        "zh": Matcher((t for t in anchor_terms if t.lang in ("zh", "en")), lean="[A-Za-z]"),
        "ru": Matcher(t for t in anchor_terms if t.lang in ("ru", "en")),
        "en": Matcher((t for t in anchor_terms if t.lang in ("en", "ru")), lean="[\u0400-\u04ff]"),
    }
    return Resources(
        codebook,
        gazetteer,
        Matcher(all_terms),
        Matcher(anchor_terms),
        facts,
        active,
        han,
        latin,
        by_language,
        gazetteer.city_terms(),
        Matcher(gazetteer.place_terms()),
        state_stems(
            (s.code, [n for lang in ("en", "ru") for n in s.names.get(lang, ())])
            for s in gazetteer.states.values()
        ),
        name_words(
            n
            for o in gazetteer.officials
            for lang in ("en", "ru")
            for n in (o.name, *o.names.get(lang, ()))
        ),
        {s.code: s.romanisation for s in gazetteer.states.values() if s.romanisation},
    )


def _institution_anchor(gazetteer: Gazetteer, index: int, facts: StudyFacts) -> bool:
    institution = gazetteer.institutions[index]
    return institution.country in facts.partner_set or institution.framework in facts.anchor_weights
