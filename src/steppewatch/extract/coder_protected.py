"""What a security word protects (fifteenth round): the nouns a word of security, safety or
protection governs name the concern, whatever words sit between them.

The codebook's indicators for investment_security and citizen_protection are set phrases
(безопасности китайских предприятий, security of Chinese enterprises); a readout words the
same concern as a list the phrases do not cover: обеспечение безопасности граждан, предприятий
и совместных проектов; the security of the natural gas pipeline and Chinese enterprises;
protect Chinese personnel and projects. ``protected_objects`` reads the noun phrase that a
security word governs (the words after it up to a clause's end, a preposition that opens
another phrase or a verb's participle, at most ``OBJECT_WORDS`` words) and codes each noun
of the list it knows:

- firms, projects, investments, pipelines: investment_security (codebook: security of the
  focal state's projects, companies, pipelines); facilities and infrastructure only when the
  phrase makes them the focal state's or both sides' (Chinese, joint, cross-border) or a
  pipeline's: a state's important facilities and critical infrastructure are anyone's;
- citizens, nationals, personnel, workers, staff, tourists, students, diplomats:
  citizen_protection (codebook: safety of the focal state's citizens and personnel);
- borders (a border, its section, the southern frontiers, границы, рубежи): border_security,
  whoever's border it is (codebook: security and control of state borders, the Tajik-Afghan
  border included); a patrol (патрулирование, patrols) governs a border too, nothing else
  (sixteenth round: охраны участка государственной границы, guarding the southern borders,
  патрулирование участка границы say what no set phrase of the indicators spells).

Chinese puts the security word last (``protected_objects_zh``, sixteenth round): the nouns
before 安全 or 安宁, back to the clause's start or the verb that governs them (维护, 保障, 确保,
保护...), are what it protects: 维护两国边境和地区安全稳定, 边境和过境运输安全, 保障中方人员、项目
和机构安全. Borders whoever's; firms and people only when the list is the focal state's or both
sides' (中国, 中方, 中资, 两国, 双方), as above.

Not coded: a list that names a partner state's or the locals' people or assets and not the
focal state's or both sides' (the security of Kazakh citizens in China: codebook
citizen_protection, exclude); a security word that is another topic's own (information
security of enterprises, энергетической безопасности); a guard firm (the one that guards; only
guarded, guarding and to guard govern an object). The hits go with the matcher's, so they weigh
in relevance as any topic indicator does (none changed on the tuning sets). Russian and
English; the Chinese set phrases (中国公民和企业安全) are the codebook's indicators already.
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

__all__ = ["OBJECT_WORDS", "ZH_REACH", "protected_objects", "protected_objects_zh"]

OBJECT_WORDS = 12  # words read after a security word: longer than any list of objects

# a word of security, safety or protection (a noun or a verb) that governs what it protects
_HEAD = re.compile(
    r"(?<![^\W\d_])(?:"
    r"security\s+of|safety\s+of|protection\s+of|safe(?:ty)?\s+and\s+security\s+of|"
    r"protect(?:s|ed|ing)?|safeguard(?:s|ed|ing)?|guard(?:ed|ing)|(?<=to\s)guard|"
    r"patrol(?:s|led|ling)?|"
    r"безопасност[иь]|защит[аеуы]|защищать|защищен\w*|охран[аеуы]|охранять|"
    r"охраня(?:ю|е|ющ|вш)\w*|защища(?:ю|е|ющ|вш)\w*|"
    r"патрулировани[еяю]|патрулирова\w*"
    r")(?![^\W\d_])",
)
# the literal a head begins with: found first (a plain alternation, several times faster than
# the head's own), the head is then matched only where one stands
_HEAD_START = re.compile(r"secur|safe|protect|guard|patrol|безопасност|защит|защищ|охран|патрул")
# a head that governs only a border (a patrol protects no firm)
_PATROL = re.compile(r"patrol|патрул")
# a word before the head that makes it another topic's (information security of, кибер-)
_OTHER_SECURITY = re.compile(
    r"(?:information|cyber|data|network|energy|food|biological|нформационн\w*|"
    r"энергетическ\w*|продовольственн\w*|биологическ\w*|кибер-?)\s*$"
)
# a word that ends the phrase the head governs: a preposition opening another phrase, a
# relative word, a verb's participle (работающих, working), a conjunction of clauses
_STOP = re.compile(
    r"(?:to|in|at|on|for|with|by|from|which|that|who|where|while|through|against|under|amid|"
    r"during|is|are|was|were|will|would|has|have|had|said|as|"
    r"в|во|на|с|со|для|по|при|от|к|ко|до|за|из|который\w*|которые|что|чтобы|где|"
    r"[а-я]{3,}(?:ющих|ящих|щихся|ющие|ящие|щиеся|вших|вшихся)|"
    r"(?!(?:mining|building|training|engineering|processing|manufacturing|housing|banking|"
    r"shipping|trading)$)[a-z]{3,}ing)$"
)
# a second object of the same security word: "and of", "as well as of"
_AND_OF = re.compile(r"(?<![^\W\d_])(?:and|as\s+well\s+as)\s+(?:also\s+)?of\s+")
AND_OF_REACH = 60  # characters after a phrase's end searched for "and of"
_CLAUSE_MARKS = re.compile(r'[.;:!?。；：！？\n()«»"“”—–]')
_WORD = re.compile(r"[^\W\d_][\w'’-]*|[.;:!?。；：！？\n()«»\"“”—–]")
_CLAUSE_END = frozenset('.;:!?。；：！？\n()«»"“”—–')

# the nouns a security word protects, by topic (lower case): a firm's, a project's or an
# investor's assets and the people abroad are the focal state's in a readout of its engagement
# unless the phrase names a partner's; sites (facilities, infrastructure, объекты) are anyone's
# (a state's important facilities, critical infrastructure) unless the phrase says they are the
# focal state's, both sides' or a pipeline's
_FIRMS = re.compile(
    r"(?<![^\W\d_])(?:enterprises?|compan(?:y|ies)|firms?|projects?|investments?|investors?|"
    r"pipelines?)(?![^\W\d_])|"
    r"предприяти|компани|фирм|проект|инвестиц|инвестор|трубопровод|газопровод|нефтепровод|"
    r"газотранспортн"
)
_SITES = re.compile(
    r"(?<![^\W\d_])(?:infrastructure|facilit(?:y|ies))(?![^\W\d_])|объект|инфраструктур"
)
_PEOPLE = re.compile(
    r"(?<![^\W\d_])(?:citizens?|nationals|personnel|workers?|employees?|staff|tourists?|"
    r"students?|diplomats?|compatriots?|engineers?)(?![^\W\d_])|"
    r"граждан(?!ск)|персонал|работник|рабоч(?:их|ие)(?!\s+(?:групп|мест|встреч|визит|орган))|"
    r"сотрудник|соотечественник|турист|студент|дипломат(?!ическ)|специалист"
)
# a border or its section (the state border, southern borders, границы, рубежи; not
# cross-border, which qualifies transport or crime)
_BORDERS = re.compile(r"(?<![^\W\d_])(?<!-)(?:borders?|frontiers?|границ\w*|рубеж\w*)(?![^\W\d_])")
# the focal state's or both sides' (Chinese, joint, the two countries', cross-border)
_OURS = re.compile(
    r"chinese|china|joint|both|two\s+countries|cooperation|cross-border|"
    r"китай|кнр|совместн|двух\s+стран|обеих\s+стран|сотрудничеств|трансграничн"
)
# the pipelines that carry the region's gas and oil to the focal state
_PIPELINE = re.compile(r"pipeline|трубопровод|газопровод|нефтепровод|газотранспортн")
# a partner state's own or the place's (Kazakh citizens, граждан Казахстана, local residents)
_THEIRS = re.compile(
    r"kazakh|kyrgyz|tajik|uzbek|turkmen|local|казах|кыргыз|киргиз|таджик|узбек|туркмен|местн"
)


def _governed(normal: str, position: int, end: int) -> tuple[int, int]:
    """The span of the noun phrase that begins at ``position``: words up to a clause's end,
    a stop word or ``OBJECT_WORDS`` words (commas and "and", и, а также join its nouns)."""
    last = position
    words = 0
    for m in _WORD.finditer(normal, position, end):
        word = m.group()
        if word in _CLAUSE_END or _STOP.match(word) or words >= OBJECT_WORDS:
            break
        words += 1
        last = m.end()
    return position, last


def protected_objects(normal: str, start: int, end: int) -> list[Hit]:
    """Topic hits for what the security words of ``normal[start:end]`` (the lower-case
    matching text) protect: each hit spans the security word and its noun phrase, its term is
    that span's text."""
    out: list[Hit] = []
    for candidate in _HEAD_START.finditer(normal, start, end):
        head = _HEAD.match(normal, candidate.start(), end)
        if head is None:
            continue
        if _OTHER_SECURITY.search(normal, max(start, head.start() - 20), head.start()):
            continue
        lo, hi = _governed(normal, head.end(), end)
        # (the security of the railway under construction and of Chinese personnel: a second
        # list the same word governs, after a stop word, in the same clause)
        more = _AND_OF.search(normal, hi, min(end, hi + AND_OF_REACH))
        if more is not None and not _CLAUSE_MARKS.search(normal, hi, more.start()):
            hi = _governed(normal, more.end(), end)[1]
        phrase = normal[lo:hi]
        if not phrase.strip():
            continue
        codes = []
        if _BORDERS.search(phrase):  # whoever's border it is
            codes.append("border_security")
        ours = _OURS.search(phrase) is not None
        # a patrol governs a border only; a partner's people and assets are no concern here
        if not (_PATROL.match(head.group()) or (not ours and _THEIRS.search(phrase))):
            if _FIRMS.search(phrase) or (
                _SITES.search(phrase) and (ours or _PIPELINE.search(phrase))
            ):
                codes.append("investment_security")
            if _PEOPLE.search(phrase):
                codes.append("citizen_protection")
        for code in codes:
            out.append(Hit(head.start(), hi, ("topic", code), normal[head.start() : hi]))
    return out


# -- Chinese: the security word comes last ----------------------------------------------------
ZH_REACH = 16  # characters read back from 安全: longer than any list of objects
_ZH_HEAD = re.compile(r"安全|安宁")
# where the list before the head begins: a clause's punctuation or the verb that governs it
_ZH_OPEN = re.compile(
    r"[，。；：！？\n（）“”《》,;:]|维护|保障|确保|保护|守护|加强|维持|促进|事关|关乎|涉及|危及|危害|"
    r"威胁|捍卫|提高|增强|注意|防范|提供|援助"
)
_ZH_BORDERS = re.compile(r"边境|边界|边防|国界")
_ZH_FIRMS = re.compile(r"企业|公司|项目|投资|管道|管线|设施")  # not 机构: an embassy
_ZH_PEOPLE = re.compile(r"公民|人员|侨民|同胞|员工|工人|游客|留学生")
# any noun of the three lists: a window without one is passed over at once
_ZH_NOUNS = re.compile(
    r"边境|边界|边防|国界|企业|公司|项目|投资|管道|管线|设施|公民|人员|侨民|同胞|员工|工人|游客|留学生"
)
_ZH_OURS = re.compile(r"中国|中方|中资|中企|两国|双方|我国|在[塔吉哈乌土]")


def protected_objects_zh(normal: str, start: int, end: int) -> list[Hit]:
    """Topic hits for what the Chinese security words (安全, 安宁) of ``normal[start:end]``
    protect: the nouns before each, back to the clause's start or its governing verb; each hit
    spans its noun and the security word."""
    out: list[Hit] = []
    for head in _ZH_HEAD.finditer(normal, start, end):
        stop = head.start()
        if _ZH_NOUNS.search(normal, max(start, stop - ZH_REACH - 2), stop) is None:
            continue
        if normal.startswith("提供", stop - 2):
            # 为中方企业在吉投资兴业提供安全保障: what 为 names is what the security is for
            giver = normal.rfind("为", max(start, stop - 2 - ZH_REACH), stop - 2)
            if giver < 0:
                continue
            lo, stop = giver + 1, stop - 2
        else:
            lo = max(start, stop - ZH_REACH)
        for opening in _ZH_OPEN.finditer(normal, lo, stop):
            lo = opening.end()
        phrase = normal[lo:stop]
        if not phrase:
            continue
        # the nouns: the list's last entry (、 also lists fields: 人员培训、边境和过境运输安全);
        # whose they are: the whole list (两国在对方国家的公民、机构和项目安全)
        nouns = lo + phrase.rfind("、") + 1
        found = [("border_security", _ZH_BORDERS.search(normal, nouns, stop))]
        if _ZH_OURS.search(phrase):
            found.append(("investment_security", _ZH_FIRMS.search(normal, nouns, stop)))
            found.append(("citizen_protection", _ZH_PEOPLE.search(normal, nouns, stop)))
        for code, noun in found:
            if noun is not None:  # the hit runs from the noun to the security word
                first = noun.start()
                out.append(Hit(first, head.end(), ("topic", code), normal[first : head.end()]))
    return out
