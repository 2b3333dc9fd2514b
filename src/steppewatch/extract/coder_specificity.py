"""How specific a topic or domain indicator is where it stands (thirteenth round, test8's false
codes): the words stay indicators (they weigh in relevance as before), but some of their
matches code nothing, or code another code, because of what stands next to them.

- ``listed_three_evils``: terrorism, separatism and extremism listed together in any order
  (противодействие терроризму, экстремизму и сепаратизму; terrorism, extremism and
  separatism) are the three-evils formula (gold guideline 4), not only the orders the
  codebook's indicators spell out.
- ``drug_smuggling``: smuggling joined to drugs (毒品走私, 走私毒品, drug smuggling, контрабанды
  наркотиков) is drug trafficking, not organised crime (codebook organized_crime, exclude:
  drugs); smuggling on its own, of arms and drugs, or 走私贩毒 (smuggling and drug dealing, two
  offences) stays organised crime.
- ``in_forum_name``: confidence-building measures inside CICA's name (the Conference on
  Interaction and Confidence Building Measures in Asia, 亚洲相互协作与信任措施会议) name the
  forum, not the matter (codebook arms_control_cbm, exclude: CICA as a forum).
- ``information_exchange``: sharing information or intelligence, and reconnaissance (情报信息
  交流, обмен информацией, intelligence sharing, разведывательных групп), is what police, border
  guards and armies do together: no sign that a state security service takes part (codebook
  state_security: the services take part). The services' names still code it.
- ``hostility_named``: a word that only says whom something targets (针对中国公民, against Chinese
  nationals, против Китая) is anti-China sentiment only when the text around it names hostility of
  people (a protest, a rally, resentment, a mob: 抗议, 打砸, протест, protests against Chinese
  factories);
  an attack on Chinese workers is their protection's matter (citizen_protection), a pledge
  against activities directed against China no sentiment.
- ``needs_qualifier`` (fifteenth round): a bare word for crime (crime, criminals, преступность,
  犯罪分子, 打击犯罪) is organised crime only when its clause says organised, transnational,
  cross-border, or names a group, smuggling, trafficking or fraud (codebook organized_crime:
  transnational organised crime; street crime and crimes of a terrorist nature are not).
  The focal state's citizens named as suspects, convicts or fugitives handed over (граждан КНР,
  подозреваемых в мошенничестве; a Chinese citizen handed over to Chinese police) code no
  citizen_protection unless the sentence speaks of harm to them or their safety.
- ``border_owner_gap``: the security committee that owns a border service, named after it
  with words between (the Border Service of the State Committee for National Security,
  Пограничным войскам Государственного комитета национальной безопасности): the border
  guards act, not the committee (``collect`` already drops the name written right next to
  the border service's).
"""

from __future__ import annotations

import bisect
import itertools
import re

from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

__all__ = [
    "INFORMATION_EXCHANGE",
    "border_owner_gap",
    "hostility_named",
    "hostage_rescue",
    "security_service_sold",
    "crime_not_border",
    "cross_border_crime",
    "CROSS_BORDER_CRIME_TERMS",
    "situation_named",
    "drug_smuggling",
    "in_forum_name",
    "information_exchange",
    "listed_three_evils",
]

# -- three evils listed ---------------------------------------------------------------------
_TERRORISM = r"(?:terroris[mt]\w*|терроризм\w*|恐怖主义|暴力恐怖势力|暴恐势力)"
_SEPARATISM = r"(?:separatis[mt]\w*|сепаратизм\w*|分裂主义|民族分裂势力)"
_EXTREMISM = r"(?:(?:religious\s+)?extremis[mt]\w*|экстремизм\w*|极端主义|宗教极端势力)"
# a list's joint: a comma (and), and, и, 和, 、
_JOINT = r"(?:\s*[,，、]\s*(?:and\s+|и\s+|以及|和)?|\s+(?:and|и)\s+|和|及|以及|与)"
THREE_EVILS_LISTED = re.compile(
    "|".join(
        f"{a}{_JOINT}{b}{_JOINT}{c}"
        for a, b, c in itertools.permutations((_TERRORISM, _SEPARATISM, _EXTREMISM))
    ),
    re.IGNORECASE,
)
# (every list names separatism: the window around each terrorism or extremism word is searched
# for the list only where a separatism word occurs in it)
_THREE_EVILS_GUARDED = Guarded(
    THREE_EVILS_LISTED, "separatis", "сепаратизм", "分裂主义", "民族分裂势力"
)
LIST_SPAN = 90  # characters either side of a part's word searched for the list


def listed_three_evils(text: str, parts: list[Hit]) -> list[Hit]:
    """Three-evils hits for the lists of the three (any order) that contain one of ``parts``
    (the terrorism, separatism and extremism hits): one hit per list."""
    out: dict[tuple[int, int], Hit] = {}
    for hit in sorted(parts, key=lambda h: h.start):
        if any(s <= hit.start and hit.end <= e for s, e in out):
            continue
        lo = max(0, hit.start - LIST_SPAN)
        hi = min(len(text), hit.end + LIST_SPAN)
        for m in _THREE_EVILS_GUARDED.finditer(text, lo, hi):
            if m.start() <= hit.start and hit.end <= m.end():
                out[(m.start(), m.end())] = Hit(
                    m.start(), m.end(), ("topic", "three_evils"), m.group(0).lower()
                )
                break
    return list(out.values())


# -- drug smuggling -------------------------------------------------------------------------
# 走私贩毒 names two offences, smuggling and drug dealing (and 贩毒 is no smuggled good)
TWO_OFFENCES = frozenset({"贩毒"})
_DRUG_JOINT = re.compile(r"\s*(?:of\s+(?:the\s+)?)?", re.IGNORECASE)


def drug_smuggling(hit: Hit, drugs: list[Hit], text: str) -> bool:
    """The organised-crime ``hit`` is smuggling joined to one of the ``drugs`` hits: the two
    overlap, or only a space or "of" stands between them."""
    for d in drugs:
        if d.term in TWO_OFFENCES:
            continue
        if d.end <= hit.start:
            gap = text[d.end : hit.start]
        elif hit.end <= d.start:
            gap = text[hit.end : d.start]
        else:
            return True  # drug smuggling matched as one term, 走私贩毒 nested
        if len(gap) <= 8 and _DRUG_JOINT.fullmatch(gap):
            return True
    return False


# -- a topic word inside a forum's name -----------------------------------------------------
# topics whose codebook entry excludes the word as a forum's name (arms_control_cbm: CICA as
# a forum); other topics inside a body's name (the Regional Anti-Terrorist Structure) stay
NAME_EXCLUDED = frozenset({"arms_control_cbm"})


def in_forum_name(hit: Hit, forums: list[Hit]) -> bool:
    """``hit`` lies inside a longer framework name of ``forums``."""
    return any(
        f.start <= hit.start and hit.end <= f.end and f.end - f.start > hit.end - hit.start
        for f in forums
    )


# -- information exchange is no state security --------------------------------------------
INFORMATION_EXCHANGE = frozenset(
    {
        "情报",
        "情报交流",
        "情报信息",
        "обмен информаци",
        "обмена информаци",
        "разведывательн",
        "intelligence sharing",
        "exchange of intelligence",
    }
)


def information_exchange(hit: Hit) -> bool:
    """The state-security ``hit`` is a word for sharing information or reconnaissance."""
    return hit.payload == ("domain", "state_security") and hit.term.lower() in INFORMATION_EXCHANGE


# -- the committee that owns a border service -----------------------------------------------
# what may stand between a border service's name and its owner's: "of the", "of Tajikistan's",
# a Russian genitive word or two (Пограничной службы Государственного комитета...), never a
# conjunction or a clause break
_OWNER_GAP = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?!and\b|or\b)[A-Z][\w-]*(?:'s|’s)?\s+){0,2}|"
    r"\s+(?:(?!(?:и|или|а|также|с|со|и\s)\b)[а-яё-]+\s+){0,2}|\s*",
    re.IGNORECASE,
)
OWNER_GAP_SPAN = 40  # characters between a border service's name and its owner's


def border_owner_gap(hit: Hit, border_ends: list[int], text: str) -> bool:
    """The security committee's ``hit`` follows a border service's name (``border_ends``:
    the sorted ends of border-guard hits) with only an owner's link between: "Border Service
    of the State Committee for National Security"."""
    i = bisect.bisect_right(border_ends, hit.start)
    while i > 0 and hit.start - border_ends[i - 1] <= OWNER_GAP_SPAN:
        i -= 1
        if _OWNER_GAP.fullmatch(text, border_ends[i], hit.start):
            return True
    return False


# -- whom a thing targets is no hostility of people ----------------------------------------
_TARGET_TERMS = re.compile(r"^(?:针对|against\s|против\s)", re.IGNORECASE)
_HOSTILITY = re.compile(
    r"抗议|示威|游行|集会|不满|敌意|敌视|情绪|骚乱|打砸|暴徒|围攻|"
    r"(?<![^\W\d_])(?:protest\w*|rall(?:y|ies)|demonstrat\w*|hostil\w*|resent\w*|sentiment\w*|"
    r"riot\w*|mobs?|looted|ransacked|погром\w*|протест\w*|митинг\w*|недовольств\w*|"
    r"беспоряд\w*|настроени\w*|враждебн\w*)",
    re.IGNORECASE,
)
PARAGRAPH_REACH = 400  # characters searched before a hit, and after it up to its paragraph's end


def hostility_named(hit: Hit, text: str) -> bool:
    """The anti-China ``hit`` is not a bare "targeting" word, or the text around it (up to
    ``PARAGRAPH_REACH`` characters before it, and on to its paragraph's end) names hostility
    of people (a protest, resentment, a mob smashing shops)."""
    if not _TARGET_TERMS.match(hit.term):
        return True
    lo = max(hit.start - PARAGRAPH_REACH, 0)
    hi = text.find("\n", hit.end, hit.end + PARAGRAPH_REACH)
    hi = hi if hi >= 0 else min(len(text), hit.end + PARAGRAPH_REACH)
    return _HOSTILITY.search(text, lo, hi) is not None


# -- words that need their verb or their qualifier --------------------------------------------
# border markers (界桩, пограничные знаки, border markers) are demarcation when they are placed,
# restored or kept up, or a boundary commission deals with them, not when a patrol checks them on
# its way (共同检查界碑、界桩)
_MARKER_TERMS = frozenset(
    {"界桩", "пограничных знак", "пограничные знак", "boundary marker*", "border marker*"}
)
_PLACING = re.compile(
    r"竖立|埋设|设立|树立|安装|更换|恢复|修复|增设|新设|界桩维护|维护界桩|联检|勘界|划界|委员会|"
    r"(?<![^\W\d_])(?:install\w*|erect\w*|plac\w*|set\s+up|replac\w*|restor\w*|maint\w*|"
    r"demarcat\w*|commission\w*|установ\w*|восстанов\w*|замен\w*|обслуживан\w*|"
    r"демаркац\w*|делимитац\w*|комисси\w*)",
    re.IGNORECASE,
)
# recruiting (вербовка, recruitment) is extremism when extremists or radicals recruit; recruits
# of terrorist groups are terrorism's matter, recruits of a police force nobody's
_RECRUIT_TERMS = frozenset({"вербовк", "recruit*", "recruitment"})
_RADICAL = re.compile(r"экстрем|радикал|extrem|radical|极端", re.IGNORECASE)
# poverty reduced (减贫, poverty reduction, сокращение бедности) is development, not decline
_POVERTY_TERMS = frozenset({"poverty", "贫困", "бедност"})
_REDUCED = re.compile(
    r"(?:消除|摆脱|减少|战胜|消灭)$|(?:reduc\w*|alleviat\w*|eradicat\w*|fight\w*\s+against|against)\s+$|"
    r"(?:сокращени\w*|снижени\w*|преодолени\w*|борьб\w*\s+с)\s+$",
    re.IGNORECASE,
)
_REDUCTION_AFTER = re.compile(
    r"\s*(?:reduction|alleviation|eradication)|治理|人口脱贫", re.IGNORECASE
)
# evacuation (evacuat*, 撤离, эвакуация) protects citizens when people of a state are moved out
# (Chinese workers were evacuated, 撤离中方人员, эвакуировать граждан), not the wounded carried
# off in a drill (casualty evacuation, эвакуация раненых) or a town's population in a rescue drill
_EVACUATION_TERMS = frozenset({"evacuat*", "撤离", "эвакуаци"})
# the border line (边界线, border line, линия границы) is where the border runs, demarcation's
# matter, only when its sentence deals with the line (a commission, a joint inspection, a treaty,
# demarcation itself): a patrol along the line, homes near it, its length (中哈边界线长1700多公里)
# name a place
_LINE_TERMS = frozenset(
    {"边界线", "国界线", "border line", "boundary line", "линии границ", "линия границ"}
)
_LINE_DEALT_WITH = re.compile(
    r"委员会|联检|勘界|划界|条约|协定|谈判|走向|"
    r"(?<![^\W\d_])(?:commission\w*|inspect\w*|demarcat\w*|delimit\w*|treat(?:y|ies)|"
    r"agreement\w*|negotiat\w*|dispute\w*|комисси\w*|проверк\w*|демаркац\w*|делимитац\w*|"
    r"договор\w*|соглашени\w*|переговор\w*|спор\w*|прохождени\w*)",
    re.IGNORECASE,
)
# demarcation told as finished history (демаркация завершена в 2009 году, 2011年两国完成边界勘界
# 工作, began with border demarcation in the 2000s): how the border came to be, not a matter the
# event's sides raise
_DEMARCATION_TERMS = frozenset(
    {"demarcat*", "delimitat*", "демаркаци", "делимитаци", "勘界", "划界", "边界划定"}
)
_FINISHED = re.compile(
    r"完成|结束|(?<![^\W\d_])(?:completed|finished|concluded|заверш\w*|закончен\w*|"
    r"began|started|начал\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_PAST_YEAR = re.compile(r"(?:19|20)\d\d(?:s|-е|年代|年)?")
# (demarcation to be completed by 2027 is a plan the sides discuss)
_TO_COME = re.compile(
    r"将|计划|争取|(?<![^\W\d_])(?:will|shall|plan\w*|expected|aim\w*|by|будет|будут|"
    r"планиру\w*|намерен\w*|к)(?![^\W\d_])",
    re.IGNORECASE,
)
# non-interference as a principle of conduct (the principles of equality and non-interference,
# 中国从不干涉别国内政, China will never interfere in the internal affairs of ...): how states deal
# with each other, no concern for a regime's stability, unless the sentence names the outside
# forces whose interference is opposed (反对外部势力干涉中亚国家内政: the concern)
_PRINCIPLE_TERMS = frozenset({"non-interference", "不干涉内政", "невмешательств"})
_INTERFERE_TERMS = frozenset(
    {"interfere in the internal affairs", "interfere in internal affairs", "干涉别国内政",
     "вмешиваться во внутренние дел"}
)  # fmt: skip
# a negation shortly before, in the same clause (never interferes, 从不干涉, не будет вмешиваться)
_NEVER_BEFORE = re.compile(
    r"(?:不|(?<![^\W\d_])(?:never|not|n't|no|не|никогда)(?![^\W\d_]))[^.;,。；，]{0,20}$",
    re.IGNORECASE,
)
_OUTSIDE_FORCES = re.compile(
    r"外部势力|境外势力|外部干涉|颜色革命|(?<![^\W\d_])(?:external|foreign|outside|third|"
    r"внешн\w*|извне|иностранн\w*|третьих|цветн\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# lives and property (生命财产安全, lives and property, жизни и имущества): the focal state's
# citizens' only when the phrase does not make them the people at large, a state's or both
# states' populations (保护两国人民生命财产安全 in disaster relief; the lives and property of the
# population): a government's duty to its own people, no protection of citizens abroad
_LIVES_TERMS = frozenset(
    {"生命财产安全", "人身和财产安全", "人员和财产安全", "lives and property",
     "safety of people and property", "жизни и имуществ"}
)  # fmt: skip
_PEOPLE_AT_LARGE_BEFORE = re.compile(
    r"(?:人民|群众|民众|百姓|居民)(?:的)?$|(?<![^\W\d_])(?:people'?s?|population'?s?|"
    r"residents'?)\s+$",
    re.IGNORECASE,
)
_PEOPLE_AT_LARGE_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:people|population|residents)|"
    r"(?:[а-я]+\s+)?(?:населени|людей|жителей|народ))",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"公民|人员|同胞|侨|工人|员工|(?<![^\W\d_])(?:citizens?|nationals?|workers?|personnel|"
    r"employees?|staff|compatriots?|diaspora|граждан\w*|рабоч\w*|персонал\w*|"
    r"сотрудник\w*|соотечественник\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# a Chinese company or contractor as the builder of a project (carried out by a Chinese
# contractor, построенный китайской компанией): who built it, not a stake at risk, unless the
# sentence speaks of a threat to it or of guarding it (protesters rallied against the plant's
# construction by a Chinese company)
_BUILDER_TERMS = frozenset(
    {"chinese contractor*", "китайской компани", "китайская компани", "китайскую компани"}
)
_BUILT = re.compile(
    r"承建|援建|(?<![^\W\d_])(?:buil[dt]\w*|construct\w*|complet\w*|carried\s+out|"
    r"постро\w*|строил\w*|строительств\w*|возв[её]\w*|выполнил\w*|реализ\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_AT_RISK = re.compile(
    r"袭击|抗议|安全|安保|保护|(?<![^\W\d_])(?:attack\w*|protest\w*|rall(?:y|ied|ies)|"
    r"riot\w*|clash\w*|secur\w*|guard\w*|protect\w*|threat\w*|напад\w*|протест\w*|"
    r"митинг\w*|охран\w*|безопасност\w*|защит\w*|угроз\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# disinformation (虚假信息, дезинформация, fake news) is information security when it is fought or
# countered (combating disinformation, 打击虚假信息, противодействие дезинформации), not when a
# spokesperson calls a report disinformation (stop spreading disinformation, 散布虚假信息)
_DISINFORMATION_TERMS = frozenset(
    {"disinformation", "fake news", "虚假信息", "дезинформаци", "фейк"}
)
_COUNTERED = re.compile(
    r"打击|应对|防范|治理|(?<![^\W\d_])(?:combat\w*|counter\w*|fight\w*|tackl\w*|against|"
    r"противодейств\w*|борьб\w*|противостоя\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[，,。.;；:：!?！？\n]")
# riots (riot*, 骚乱, массовые беспорядки) are unrest bearing on the regime, not riot gear or
# riot control rehearsed in a drill or taught to guards, nor a criminal charge brought after a
# brawl at a mine (guilty of organising mass riots, по статье «Массовые беспорядки»)
_RIOT_TERMS = frozenset({"riot*", "骚乱", "массовые беспорядк", "массовых беспорядк"})
_NOT_UNREST = re.compile(
    r"防暴|处置|演练|演习|罪名|定罪|判处|起诉|(?<![^\W\d_])(?:anti-?riot|riot[\s-]+(?:gear|equipment|control|"
    r"police|shields?|helmets?|units?|squads?)|guilty|charged?|charges|convicted|sentenced|"
    r"drills?|exercises?|training|trained|учени\w*|тренировк\w*|подготовк\w*|отрабат\w*|"
    r"пресечени\w*|при\s+массовых|стать\w*|обвин\w*|осужд\w*|уголовн\w*|приговор\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# a bare word for crime (crime, criminals, преступность, 犯罪分子, 打击犯罪) is organised crime only
# when its clause says the crime is organised or crosses borders, or names a group, a network,
# smuggling, trafficking or fraud (fifteenth round: crime in the capital fell, crimes of a
# terrorist nature, a committee for fighting crime are no organised crime)
_CRIME_TERMS = frozenset(
    {
        "crime",
        "crimes",
        "combating crime",
        "criminals",
        "преступност",
        "преступник",
        "犯罪分子",
        "刑事犯罪",
        "打击犯罪",
    }
)
_ORGANISED = re.compile(
    r"跨国|跨境|有组织|团伙|集团|网络|走私|贩运|诈骗|洗钱|(?<![^\W\d_])(?:organi[sz]ed|transnational|"
    r"cross-border|international|groups?|gangs?|networks?|smuggl\w*|traffick\w*|fraud\w*|"
    r"laundering|организованн\w*|транснациональн\w*|трансграничн\w*|международн\w*|"
    r"групп\w*|сообществ\w*|контрабанд\w*|торговл\w*|мошенничеств\w*|отмывани\w*)",
    re.IGNORECASE,
)
# the focal state's citizens as suspects, convicts or fugitives handed over (14 граждан КНР,
# подозреваемых в мошенничестве; a Chinese citizen handed over to Chinese police; 遣返中国公民):
# law enforcement's matter, not their protection, unless the sentence also speaks of harm to
# them or their safety (fifteenth round)
_SUSPECTS = re.compile(
    r"遣返|移交|引渡|嫌疑|通缉|判决|判处|服刑|在逃|外逃|抓获|拘留|逮捕|驱逐出境|"
    r"(?<![^\W\d_])(?:handed\s+over|"
    r"hand\s+over|extradit\w*|deport\w*|suspect\w*|wanted|convicted|sentenced|fugitives?|"
    r"prisoners?|inmates?|detained|arrested|expelled|передал\w*|передан\w*|выдан\w*|выдач\w*|"
    r"экстрадир\w*|экстрадиц\w*|депортир\w*|подозрева\w*|осужд[её]н\w*|отбыва\w*|"
    r"разыскива\w*|задержан\w*|задержал\w*|выдворен\w*|выдворил\w*|арестован\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# (harm or safety; not a ministry's or a committee's name: Ministry of Public Security,
# общественной безопасности, 国家安全委员会)
_HARMED = re.compile(
    r"袭击|遇害|遇难|死亡|受伤|绑架|(?<!国家)安全|保护|(?<![^\W\d_])(?:attack\w*|kill\w*|"
    r"kidnap\w*|wound\w*|injur\w*|hostages?|safety|(?<!public\s)(?<!state\s)(?<!national\s)"
    r"secur\w*|protect\w*|напад\w*|погиб\w*|убит\w*|ранен\w*|похищ\w*|"
    r"(?<!общественной\s)(?<!национальной\s)(?<!государственной\s)безопасн\w*|защит\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
SENTENCE_REACH = 160  # characters either side of a word searched within its sentence
# "through the border" (через границу, через государственную границу) is border security when
# its sentence says who or what breaks through (a breakthrough of armed groups, infiltration,
# violators, smuggling, illegal crossing), not trade or travel across it (товарооборот, перевозки
# через границу, поездки граждан через границу)
_THROUGH_TERMS = frozenset({"через границ", "через государственную границ"})
_BREAKING_THROUGH = re.compile(
    r"(?<![^\W\d_])(?:прорыв\w*|проникновени\w*|проник\w*|нарушител\w*|незаконн\w*|"
    r"нелегальн\w*|вооруж[её]нн\w*|боевик\w*|террорист\w*|контрабанд\w*|наркотик\w*|"
    r"переброск\w*|бандформировани\w*|экстремист\w*)",
    re.IGNORECASE,
)
# Afghanistan as a place's locator (a mine near the Afghan border, a base near the border with
# Afghanistan, Tajikistan borders Afghanistan, 塔方与阿富汗接壤, 同阿富汗有1300多公里边境线, граничит
# с Афганистаном, вблизи афганской границы): where something lies, not the Afghan issue
# (codebook afghanistan, exclude: Afghanistan only as a party in a list, the neighbours a region
# borders)
_NEAR_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:near|close\s+to|junction\s+of|вблизи|недалеко\s+от|близ|"
    r"у)\s+(?:the\s+)?(?:[\w-]+,?\s+(?:and\s+|и\s+)?){0,3}$",
    re.IGNORECASE,
)
_BORDER_AFTER = re.compile(r"[\w-]*\s+(?:border|frontier|границ)", re.IGNORECASE)
_BORDERS_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:borders|bordering|граничит|граничат|граничащ\w*|"
    r"(?:near|close\s+to|shares?|sharing)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?"
    r"(?:border|frontier)s?\s+with)(?:\s+с)?\s+$",
    re.IGNORECASE,
)
_ADJACENT_AFTER = re.compile(r"[^，。；,;]{0,10}?(?:接壤|相邻|交界|毗邻)|有[^，。；]{0,10}?边境线")
_SENTENCE_MARK = re.compile(r"[.!?。！？\n]")
QUALIFIER_REACH = 40  # characters either side of a word searched for its verb or qualifier


def _sentence_around(text: str, hit: Hit) -> tuple[int, int]:
    """The sentence of ``hit``, at most SENTENCE_REACH characters either side."""
    lo = max(0, hit.start - SENTENCE_REACH)
    for m in _SENTENCE_MARK.finditer(text, lo, hit.start):
        lo = m.end()
    stop = _SENTENCE_MARK.search(text, hit.end, hit.end + SENTENCE_REACH)
    return lo, (stop.start() if stop else min(len(text), hit.end + SENTENCE_REACH))


def _afghan_as_place(hit: Hit, text: str) -> bool:
    """The Afghanistan ``hit`` says where a place lies: near the Afghan border, borders
    Afghanistan, 与阿富汗接壤, 同阿富汗有...边境线, граничит с Афганистаном."""
    if _ADJACENT_AFTER.match(text, hit.end):
        return True
    before = max(0, hit.start - QUALIFIER_REACH)
    if _BORDERS_BEFORE.search(text, before, hit.start):
        return True
    return bool(_BORDER_AFTER.match(text, hit.end) and _NEAR_BEFORE.search(text, before, hit.start))


def needs_qualifier(code: str, hit: Hit, text: str) -> bool:
    """False when ``hit`` (of topic ``code``) is a word that codes its topic only with a verb or
    a qualifier near it, and none is there: a border marker not placed, restored or agreed;
    recruitment with no extremists named; poverty reduced; an evacuation of no one's people (the
    wounded of a drill); the lives and property of the people at large; a border line no one
    deals with (a patrol along it, its length). True otherwise."""
    term = hit.term.lower()
    lo = max(0, hit.start - QUALIFIER_REACH)
    hi = min(len(text), hit.end + QUALIFIER_REACH)
    if code == "border_demarcation" and term in _MARKER_TERMS:
        return _PLACING.search(text, lo, hi) is not None
    if code == "border_demarcation" and term in _DEMARCATION_TERMS:
        sentence = _sentence_around(text, hit)
        return not (
            _FINISHED.search(text, *sentence)
            and _PAST_YEAR.search(text, *sentence)
            and not _TO_COME.search(text, *sentence)
        )
    if code == "border_demarcation" and term in _LINE_TERMS:
        return _LINE_DEALT_WITH.search(text, *_sentence_around(text, hit)) is not None
    if code == "border_security" and term in _THROUGH_TERMS:
        return _BREAKING_THROUGH.search(text, *_sentence_around(text, hit)) is not None
    if code == "afghanistan" and _afghan_as_place(hit, text):
        return False
    if code == "extremism" and term in _RECRUIT_TERMS:
        return _RADICAL.search(text, lo, hi) is not None
    if code == "investment_security" and term in _BUILDER_TERMS:
        if _BUILT.search(text, lo, hi) is None:
            return True
        return _AT_RISK.search(text, *_sentence_around(text, hit)) is not None
    if code == "information_security" and term in _DISINFORMATION_TERMS:
        clause = lo
        for m in _CLAUSE_MARK.finditer(text, lo, hit.start):
            clause = m.end()
        return _COUNTERED.search(text, clause, hit.start) is not None
    if code == "regime_stability" and term in _RIOT_TERMS:
        return _NOT_UNREST.search(text, *_sentence_around(text, hit)) is None
    if code == "citizen_protection" and term in _EVACUATION_TERMS:
        return _PEOPLE.search(text, lo, hi) is not None
    if code == "regime_stability" and (
        term in _PRINCIPLE_TERMS
        or (
            term in _INTERFERE_TERMS
            and _NEVER_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        )
    ):
        return _OUTSIDE_FORCES.search(text, *_sentence_around(text, hit)) is not None
    if code == "citizen_protection" and term in _LIVES_TERMS:
        if _PEOPLE_AT_LARGE_BEFORE.search(text, max(0, hit.start - 12), hit.start) or (
            _PEOPLE_AT_LARGE_AFTER.match(text, hit.end)
        ):
            return False
    if code == "citizen_protection" and term not in _EVACUATION_TERMS:
        sentence = _sentence_around(text, hit)
        return not (_SUSPECTS.search(text, *sentence) and not _HARMED.search(text, *sentence))
    if code == "organized_crime" and term in _CRIME_TERMS:
        clause_lo = lo
        for m in _CLAUSE_MARK.finditer(text, lo, hit.start):
            clause_lo = m.end()
        stop = _CLAUSE_MARK.search(text, hit.end, hi)
        return _ORGANISED.search(text, clause_lo, stop.start() if stop else hi) is not None
    if code == "economic_decline" and term in _POVERTY_TERMS:
        before = text[max(0, hit.start - 24) : hit.start]
        return not (_REDUCED.search(before) or _REDUCTION_AFTER.match(text, hit.end))
    return True


# -- a soldier's word for another force's men -------------------------------------------------
# words for men under arms of any force (servicemen, troops, 官兵, 部队, военнослужащие): the army
# only when no border guard or paramilitary force is named in the item (Kazakh border guards'
# 官兵, a barracks for 40 servicemen at a border outpost, the National Guard's servicemen)
FORCE_WORDS = frozenset({"troops", "servicemen", "部队", "官兵", "военнослужащ", "воинск"})
OTHER_FORCES = ("border_guard", "paramilitary")


# "military" as a kind of goods (military aid, a military transport aircraft, 军事援助, военной
# помощи): the army only when no border guard or paramilitary force is named either (free
# military aid to the Border Service, a military transport aircraft for the National Guard)
_MILITARY_GOODS = re.compile(
    r"[^\W\d_]*\s*(?:-?\s*technical\s+)?(?:aid|assistance|equipment|hardware|supplies|"
    r"transport|aircraft|vehicles?|trucks?|helicopters?|помощ\w*|техник\w*|имуществ\w*|"
    r"транспорт\w*|самол[её]т\w*|вертол[её]т\w*)(?![^\W\d_])|援助|装备|物资|运输机",
    re.IGNORECASE,
)
_MILITARY_WORDS = frozenset({"military", "军事", "军用", "военн"})


def army_named(hit: Hit, domains: dict[str, list[Hit]], text: str = "") -> bool:
    """The military ``hit`` names the army, not only men under arms of the border guards or a
    paramilitary force the item names, nor goods called military that such a force receives
    (``domains``: its domain hits by code)."""
    term = hit.term.lower()
    if term in _MILITARY_WORDS and text:
        if not _MILITARY_GOODS.match(text, hit.end):
            return True
    elif term not in FORCE_WORDS:
        return True
    return not any(domains.get(code) for code in OTHER_FORCES)


# -- cross-border crime is crime; the border's matter only with a border named ------------------
# (to fight terrorism, drugs and cross-border crime at an interior ministers' meeting: gold reads
# organised crime there, 23 of the 27 documents naming it over the tuning sets; cross-border
# crime on the Tajik-Afghan border, by border agencies: the border's security too)
CROSS_BORDER_CRIME_TERMS = frozenset(
    {"cross-border crime", "трансграничной преступност", "跨境犯罪"}
)
_BORDER_NAMED = re.compile(
    r"边境|边防|边界|口岸|国界|(?<![^\W\d_-])(?:borders?|frontiers?|boundar(?:y|ies)|checkpoints?|"
    r"outposts?|границ\w*|погран\w*|приграничн\w*|застав\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def cross_border_crime(hit: Hit) -> bool:
    """``hit`` is a cross-border crime term (cross-border crime, трансграничной преступности,
    跨境犯罪): a kind of crime, organised crime's matter wherever it is named."""
    return hit.term.lower() in CROSS_BORDER_CRIME_TERMS


def crime_not_border(hit: Hit, text: str) -> bool:
    """The border-security ``hit`` is cross-border crime (cross-border crime, трансграничной
    преступности, 跨境犯罪) in a sentence that names no border, border service or border post:
    a kind of crime, organised crime's matter, not a border's."""
    if hit.term.lower() not in CROSS_BORDER_CRIME_TERMS:
        return False
    lo, hi = _sentence_around(text, hit)
    before = _BORDER_NAMED.search(text, lo, hit.start)
    return before is None and _BORDER_NAMED.search(text, hit.end, hi) is None


# -- a state named in a list is a topic when its situation is ---------------------------------
# (the situation in Central Asia and Afghanistan, 应对来自阿富汗方向的安全威胁: the Afghan issue;
# borders with Tajikistan, Afghanistan and Pakistan, observers Afghanistan and Belarus: a party)
_SITUATION = re.compile(
    r"局势|形势|威胁|方向|问题|(?<![^\W\d_])(?:обстановк\w*|ситуаци\w*|положени\w*|угроз\w*|"
    r"направлени\w*|situation|threats?|spillover|issue)(?![^\W\d_])",
    re.IGNORECASE,
)
_CLAUSE_OR_SENTENCE = re.compile(r"[，,；;。.!?！？:：\n]")
SITUATION_REACH = 80  # characters read back from a state's name to its clause's start


def situation_named(text: str, hit: Hit) -> bool:
    """The clause of ``hit`` (a state's name in a list) names a situation, a threat or an issue
    (обстановка в Центральной Азии и Афганистане, 来自阿富汗方向的威胁): the state's matter is the
    topic, not the state as a party."""
    lo = max(0, hit.start - SITUATION_REACH)
    for mark in _CLAUSE_OR_SENTENCE.finditer(text, lo, hit.start):
        lo = mark.end()
    stop = _CLAUSE_OR_SENTENCE.search(text, hit.end, hit.end + 30)
    return _SITUATION.search(text, lo, stop.start() if stop else hit.end + 30) is not None


# -- security services sold by a firm are no state security ----------------------------------
_SERVICE_TERMS = frozenset({"security services", "security service", "security service*"})
_SOLD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:provid\w*|offer\w*|sell\w*|render\w*|deliver\w*|buy\w*|"
    r"procur\w*|private|commercial)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_SOLD_AFTER = re.compile(
    r"\s+(?:contracts?|agreements?|providers?|compan(?:y|ies)|firms?|market|industry|"
    r"to\s+(?:chinese|the|its|a)\b|for\s+(?:chinese|the|its|a)\b)",
    re.IGNORECASE,
)


def security_service_sold(hit: Hit, text: str) -> bool:
    """The state-security ``hit`` (security services) is what a firm sells: services provided
    or offered to a client, under a contract, by a provider (a private security company
    provides security services for a mine), not a state's security services."""
    if hit.payload != ("domain", "state_security") or hit.term.lower() not in _SERVICE_TERMS:
        return False
    return bool(
        _SOLD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        or _SOLD_AFTER.match(text, hit.end)
    )


# -- a hostage rescue is counter-terrorism, not emergency response -------------------------------
_HOSTAGE = re.compile(r"hostages?[\s-]*$", re.IGNORECASE)
_OF_HOSTAGES = re.compile(r"\w*\s+(?:of\s+|the\s+)*hostages?", re.IGNORECASE)


def hostage_rescue(hit: Hit, text: str) -> bool:
    """The emergency ``hit`` (rescue*) is a hostage rescue (hostage rescue, the rescue of
    hostages, rescuing hostages): a counter-terrorist drill's task, not disaster response."""
    if not hit.term.lower().startswith("rescue"):
        return False
    return bool(
        _HOSTAGE.search(text, max(0, hit.start - 12), hit.start)
        or _OF_HOSTAGES.match(text, hit.end)
    )
