"""Event mentions that an indicator list cannot hold: a Russian verb of handing over and its
object, apart; a Russian verb of adopting and the document adopted.

The codebook's indicators are words and fixed phrases (``передал оборудовани``, ``handed over``).
Russian puts the recipient between a verb of handing over and what is handed over, in any of
its case forms and at any length (китайская сторона передала Департаменту по борьбе с
киберпреступностью МВД Узбекистана комплект оборудования; передала МЧС Кыргызстана 12
пожарных автомобилей), and names the act by a verbal noun as often as by a verb (церемония
передачи; состоялась передача казахстанской стороне оборудования; вручение ключей от
техники). ``transfer_mentions`` finds such a verb or verbal noun with a word for equipment later
in its clause and adds an ``("event_kind", "equipment_transfer")`` hit on the verb; what the
coder's rules do with any event mention (background, a plan, a negation, a speaker's words)
they do with it, and it tells a second event only (``PHRASE_MARK``). A handover ceremony
counts when its clause names equipment (церемония передачи ... партии техники), not when it
names a facility (церемония передачи ... учебного центра: the facility is the event). Only
what was done: the forms of the past and the verbal nouns, not the future or the infinitive
(передаст, готов передать: a plan).

``document_mentions`` does the same for a document adopted, approved or signed, named by its
kind and not by a fixed phrase (министры приняли Бакинскую декларацию; было принято заявление
министров; одобрили обновленный каталог мер доверия; декларация была принята): an
``("event_kind", "mechanism")`` hit on the verb, a second event too.

``operation_mentions`` finds an operation done together with the other side's officers, told by
an adverb and a verb of conducting apart (совместно с представителями МОБ КНР ... проведена
специальная операция; jointly with Chinese police officers ... conducted an operation): an
``("event_kind", "joint_patrol_operation")`` hit on the adverb that may be the main event, when
the words after the adverb name a state the clause before it does not (not совместно с ГКНБ).

``persons_mentions`` finds persons handed over to the focal state's side, told by a verb of
handing over and the persons apart (сотрудники ГКНБ передали представителям МОБ КНР трех
граждан Китая, разыскиваемых ...; two Chinese citizens wanted for fraud were handed over to the
Chinese side): an operational handover of persons, ``("event_kind", "joint_patrol_operation")``
on the verb, that may be the main event (codebook: extradition, deportation, return of
suspects). The indicators hold only the verb with its recipient written next to it (handed over
to China, передали Китаю).
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

__all__ = [
    "PHRASE_MARK",
    "contest_mentions",
    "document_mentions",
    "drill_mentions",
    "held_mentions",
    "operation_mentions",
    "persons_mentions",
    "summons_mentions",
    "transfer_mentions",
]

PAYLOAD = ("event_kind", "equipment_transfer")
# the first character of such a hit's term: a verb and its object found apart tell a second
# event of an item (the equipment handed over at the talks), not its main one (a feature listing
# what China has handed over in the region reports no handover of its own)
PHRASE_MARK = "~"
OBJECT_SPAN = 120  # characters after the verb searched for its object, within its clause

# handed over (передал, передала, передали, передано, передана, переданы, переданный...), the
# act's noun (передача, передачи, передачу, передаче), presented (вручил, вручены, вручение)
# and received from someone (получил от ...: the giver's state is read as any side is): the past
# and the nouns only
_VERB = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:переда(?:л|ла|ли|ло|н|на|но|ны|нн\w*|ч[аиуе]|чей)|"
        r"вручил\w*|вручен\w*|вручени\w*|"
        r"получил\w*\s+от)(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "переда",
    "вручи",
    "вруче",
    "получил",
)
# what is handed over: equipment, vehicles, arms, kit (in any case: the stems)
_EQUIPMENT = re.compile(
    r"(?<![^\W\d_])(?:техник|оборудовани|автомобил|автомашин|машин|грузовик|бронетехник|"
    r"снаряжени|обмундировани|вооружени|оружи|боеприпас|беспилотник|квадрокоптер|дрон|"
    r"тепловизор|прибор|радиостанци|средств\w*\s+(?:связи|защиты|наблюдени)|бронежилет|"
    r"катер|вертол[её]т|самол[её]т|комплект|генератор|электростанци|компьютер|сканер)",
    re.IGNORECASE,
)
# the clause ends at a sentence's end, a semicolon or a colon (a list after it is the object:
# the comma and the dash are not ends)
_CLAUSE_END = re.compile(r"[.;!?\n]")


def transfer_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the handovers of equipment that the indicators miss (see the module
    docstring), sorted by start; ``normal``: the lower-cased text."""
    if not _VERB.possible(normal, start, end):
        return hits
    have = {(h.start, h.end) for h in hits if h.payload == PAYLOAD}
    found: list[Hit] = []
    for m in _VERB.pattern.finditer(normal, start, end):
        stop = _CLAUSE_END.search(normal, m.end(), min(end, m.end() + OBJECT_SPAN))
        limit = stop.start() if stop else min(end, m.end() + OBJECT_SPAN)
        if _EQUIPMENT.search(normal, m.end(), limit) and (m.start(), m.end()) not in have:
            found.append(Hit(m.start(), m.end(), PAYLOAD, PHRASE_MARK + m.group()))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


DOCUMENT = ("event_kind", "mechanism")
# adopted, approved, signed (принял, приняли, принята, принято, одобрили, утвердили, подписали,
# подписана...): the past forms
_ADOPT = r"(?:принял\w*|принят[аоы]?|одобрил\w*|одобрен\w*|утвердил\w*|утвержден\w*|подписал\w*|подписан\w*)"
# a document by its kind: a declaration, a statement, a catalogue of measures, an action plan,
# a communiqué, a programme, a concept
_DOCUMENT_KIND = (
    r"(?:декларац\w*|заявлени\w*|каталог\w*|план\w*\s+действий|коммюнике|программ\w*|"
    r"концепци\w*|устав\w*|меморандум\w*|соглашени\w*|договор\w*)"
)
WORDS_BETWEEN = 3  # words between the verb and the document's name (обновленный, Бакинскую)
_ADOPTED = Guarded(
    re.compile(
        rf"(?<![^\W\d_])(?:(?P<verb>{_ADOPT})(?:\s+(?:был\w*\s+)?[\w-]+){{0,{WORDS_BETWEEN}}}?"
        rf"\s+{_DOCUMENT_KIND}|{_DOCUMENT_KIND}(?:\s+[\w-]+){{0,{WORDS_BETWEEN}}}?\s+"
        rf"(?:был\w*\s+)?(?P<after>{_ADOPT}))(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "принят",
    "принял",
    "одобр",
    "утверд",
    "утвержд",
    "подписа",
)


# the same in English (the leaders adopted the Astana Statement; the committee adopted the
# updated Catalogue of Confidence Building Measures; the participants approved the Action Plan;
# a programme of cooperation was approved) and in Chinese (会议通过了《…宣言》, 签署了…议定书,
# 发表了…声明: the verb in the past with 了, or before the title's 《, not after 将 or 拟: a
# plan). A press communiqué issued after talks (会后发表了新闻公报) records them, no document of
# cooperation.
_ADOPT_EN = r"(?:adopted|approved|endorsed|signed)"
_DOCUMENT_KIND_EN = (
    r"(?:statements?|declarations?|catalogues?|catalogs?|(?:action\s+)?plans?|programmes?|"
    r"programs?|concepts?|charters?|road\s?maps?|resolutions?)"
)
_ADOPTED_EN = Guarded(
    re.compile(
        rf"(?<![^\W\d_])(?:(?P<verb>{_ADOPT_EN})(?:\s+[\w'’-]+){{0,{WORDS_BETWEEN + 1}}}?"
        rf"\s+{_DOCUMENT_KIND_EN}|{_DOCUMENT_KIND_EN}(?:\s+[\w'’-]+){{0,{WORDS_BETWEEN}}}?\s+"
        rf"(?:was|were|has\s+been|have\s+been)\s+(?P<after>{_ADOPT_EN}))(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "adopted",
    "approved",
    "endorsed",
    "signed",
)
_ADOPTED_ZH = Guarded(
    re.compile(
        r"(?<![将拟要])(?P<verb>(?:审议)?通过|批准|签署|签订|发表)(?:了|《)[^，,。；;！？\n]{0,24}?"
        r"(?:宣言|声明|计划|纲要|议定书|清单|目录|决议|规划|构想)(?P<after>)"
    ),
    "通过了",
    "通过《",
    "批准了",
    "批准《",
    "签署了",
    "签署《",
    "签订了",
    "签订《",
    "发表了",
    "发表《",
)


def document_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the documents adopted that the indicators miss (see the module docstring),
    sorted by start; ``normal``: the lower-cased text."""
    have = {h.start for h in hits if h.payload == DOCUMENT}
    found: list[Hit] = []
    for adopted in (_ADOPTED, _ADOPTED_EN, _ADOPTED_ZH):
        if not adopted.possible(normal, start, end):
            continue
        for m in adopted.pattern.finditer(normal, start, end):
            group = "verb" if m.group("verb") is not None else "after"
            a, b = m.span(group)
            if not any(a <= s < b for s in have):
                found.append(Hit(a, b, DOCUMENT, PHRASE_MARK + m.group(group)))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


MEETING = ("event_kind", "meeting")
# an envoy or a minister summoned (约见, 紧急约见; summoned the ambassador, called in the envoy;
# вызвал посла, пригласил в МИД): the démarche is a meeting of the two sides, the one that
# usually follows an incident (a second event of it); the indicators name talks and visits only
_SUMMONED = Guarded(
    re.compile(
        r"约见|召见|(?<![^\W\d_])(?:summoned|called\s+in)(?=\s+(?:the\s+|a\s+)?[\w-]*\s*"
        r"(?:ambassador|envoy|charg[eé]|minister|diplomat))|"
        r"(?<![^\W\d_])(?:вызвал\w*|пригласил\w*)(?=\s+(?:\w+\s+){0,2}?"
        r"(?:посл|поверенн|в\s+мид|в\s+министерств))",
        re.IGNORECASE,
    ),
    "约见",
    "召见",
    "summoned",
    "called",
    "вызвал",
    "пригласил",
)


def summons_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the summonses of an envoy or a minister (``_SUMMONED``) as meetings that
    tell a second event (``PHRASE_MARK``), sorted by start; ``normal``: the lower-cased text."""
    if not _SUMMONED.possible(normal, start, end):
        return hits
    have = {h.start for h in hits if h.payload == MEETING}
    found = [
        Hit(m.start(), m.end(), MEETING, PHRASE_MARK + m.group())
        for m in _SUMMONED.pattern.finditer(normal, start, end)
        if m.start() not in have
    ]
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


# a Chinese meeting reported held, its word and the verb apart (执法合作工作会议在伊宁召开, 边防
# 会晤在口岸举行, 磋商在北京举行): the indicators hold 次会议 and 会议期间 only; a meeting named
# with a domestic body's words before it (党委常委会会议, 部署会议, 推进会议) is no meeting of the sides
HELD_SPAN = 20  # characters of the place between the meeting's word and the verb
_HELD_ZH = Guarded(
    re.compile(
        rf"(?:会议|会晤|磋商)(?=(?:在[^，,。；;！？!?\n]{{1,{HELD_SPAN}}}?)?(?:召开|举行|开幕|闭幕))"
    ),
    "会议",
    "会晤",
    "磋商",
)
_DOMESTIC_SESSION = re.compile(
    r"(?:党委|党组|常委|常务|人大|政协|办公|部务|厅务|局务|动员|誓师|表彰|推进|部署|视频调度|"
    r"工作领导小组)[^，,。；;！？!?\n、]{0,4}$"
)
DOMESTIC_SPAN = 12  # characters before the meeting's word read for a domestic body


def held_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the Chinese meetings reported held (``_HELD_ZH``) as meeting hits that may be
    the main event, sorted by start; one an indicator already covers adds none."""
    if not _HELD_ZH.possible(normal, start, end):
        return hits
    found = []
    for m in _HELD_ZH.pattern.finditer(normal, start, end):
        lo, hi = m.span()
        if _DOMESTIC_SESSION.search(normal, max(start, lo - DOMESTIC_SPAN), lo):
            continue
        found.append(Hit(lo, hi, MEETING, normal[lo:hi]))
    if not found:
        return hits
    have = [(h.start, h.end) for h in hits if h.payload == MEETING]
    found = [h for h in found if not any(a < h.end and h.start < b for a, b in have)]
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


OPERATION = ("event_kind", "joint_patrol_operation")
# an operation done together with the other side's officers, told by the adverb and a verb of
# conducting apart (сотрудниками МВД совместно с представителями МОБ КНР ... проведена
# специальная операция; police, jointly with officers of China's public security ministry,
# carried out a raid): the indicators name "совместная операция", "joint operation" only. The
# clause must say it was done (the past), not planned
OPERATION_SPAN = 160  # characters between the adverb and the operation's noun
_JOINTLY = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:совместно\s+с|jointly\s+with|together\s+with)(?![^\W\d_])"
        rf"(?=(?P<rest>[^.;!?\n]{{1,{OPERATION_SPAN}}}?(?<![^\W\d_])(?:провед[её]н\w*|провел\w*|"
        r"conducted|carried\s+out|launched)(?![^\W\d_])[^.;!?\n]{0,40}?"
        r"(?<![^\W\d_])(?:спецоперац\w*|операци\w*|рейд\w*|operations?|raids?)(?![^\W\d_])))",
        re.IGNORECASE,
    ),
    "совместно с",
    "jointly with",
    "together with",
)


def _other_side(states: list[Hit], normal: str, adverb: int, span_end: int, start: int) -> bool:
    """The words after the adverb (up to the operation's noun: ``span_end``) name a state that
    its clause before the adverb does not (the other side's officers, not a service of the
    same state: совместно с ГКНБ)."""
    lo = max(start, adverb - OPERATION_SPAN)
    stop = max(normal.rfind(c, lo, adverb) for c in ".;!?\n")
    lo = max(lo, stop + 1)
    before = {h.payload[1] for h in states if lo <= h.start < adverb}
    return any(adverb < h.start < span_end and h.payload[1] not in before for h in states)


def operation_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the joint operations told apart (``_JOINTLY``) as
    ``("event_kind", "joint_patrol_operation")`` hits on the adverb, sorted by start;
    ``normal``: the lower-cased text."""
    if not _JOINTLY.possible(normal, start, end):
        return hits
    states = [h for h in hits if h.payload[0] == "state"]
    found = [
        Hit(m.start(), m.end(), OPERATION, m.group())
        for m in _JOINTLY.pattern.finditer(normal, start, end)
        if _other_side(states, normal, m.start(), m.end("rest"), start)
    ]
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


PERSONS_SPAN = 100  # characters between the verb of handing over and the persons, in its clause
_PERSONS = (
    r"(?:граждан\w*|подозреваем\w*|разыскиваем\w*|обвиняем\w*|осужденн\w*|беглец\w*|"
    r"citizens?|nationals?|suspects?|fugitives?|wanted|convicts?)"
)
_FOCAL_SIDE = r"(?:кнр|кита\w*|china|chinese|beijing)"
ZH_PERSONS_SPAN = 24  # characters between the persons and the verb, in its clause (Chinese)
_ZH_PERSONS = r"(?:犯罪嫌疑人|嫌疑人|嫌犯|逃犯|罪犯|被判刑人|在逃人员|通缉人员|外逃人员)"
_ZH_HANDED = r"(?:移交|遣返|引渡|押解)"
_ZH_FOCAL_SIDE = r"(?:我方|中方|我国|中国|我警方|中国警方)"
# the verb (the past only: a handover done), then the persons and the focal side in its clause,
# or the persons and the focal side before it in its clause (... were handed over to the Chinese
# side)
_HANDED = (
    r"(?<![^\W\d_])(?:переда(?:л|ла|ли|н|на|ны)|выда(?:л|ла|ли|н|на|ны)|экстрадирован\w*|"
    r"handed\s+over|extradited|deported|transferred)(?![^\W\d_])"
)
_PERSONS_HANDED = Guarded(
    re.compile(
        rf"{_HANDED}(?=[^.;!?\n]{{0,{PERSONS_SPAN}}}?(?<![^\W\d_]){_PERSONS}(?![^\W\d_]))"
        rf"(?=[^.;!?\n]{{0,{PERSONS_SPAN}}}?(?<![^\W\d_]){_FOCAL_SIDE}(?![^\W\d_]))"
        rf"|(?<![^\W\d_]){_PERSONS}(?![^\W\d_])[^.;!?\n]{{0,{PERSONS_SPAN}}}?(?P<verb>{_HANDED})"
        rf"(?=\s+(?:to\s+)?(?:the\s+)?{_FOCAL_SIDE}(?![^\W\d_]))"
        # the focal state's persons, then the verb with no object of its own (Two Chinese
        # nationals handed over in a smuggling case; граждане КНР переданы): they are what is
        # handed over, whoever receives them
        rf"|(?<![^\W\d_])(?:{_FOCAL_SIDE}\s+(?:[\w-]+\s+)?{_PERSONS}|{_PERSONS}\s+{_FOCAL_SIDE})"
        rf"\s+(?:(?:were|was|have\s+been|had\s+been|был[аои]?)\s+)?(?P<passive>{_HANDED})"
        # Chinese: the persons, then the verb of handing over and the focal side in their clause
        # (6名犯罪嫌疑人被移交我方, 将3名逃犯遣返中国), or the focal side, the verb and the persons
        # (向中方移交了2名嫌疑人)
        rf"|{_ZH_PERSONS}[^，,。；;！？!?\n]{{0,{ZH_PERSONS_SPAN}}}?(?P<zh>{_ZH_HANDED})"
        rf"(?=给?{_ZH_FOCAL_SIDE})"
        rf"|(?<=[向给]){_ZH_FOCAL_SIDE}(?P<zh_verb>{_ZH_HANDED})"
        rf"(?=[^，,。；;！？!?\n]{{0,{ZH_PERSONS_SPAN}}}?{_ZH_PERSONS})",
        re.IGNORECASE,
    ),
    "移交",
    "遣返",
    "引渡",
    "押解",
    "переда",
    "выда",
    "экстрадир",
    "handed",
    "extradited",
    "deported",
    "transferred",
)


def persons_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the persons handed over to the focal side (``_PERSONS_HANDED``) as
    ``("event_kind", "joint_patrol_operation")`` hits on the verb, sorted by start; ``normal``:
    the lower-cased text. A verb an indicator already holds (handed over to China) adds none."""
    if not _PERSONS_HANDED.possible(normal, start, end):
        return hits
    have = {h.start for h in hits if h.payload == OPERATION}
    found = []
    for m in _PERSONS_HANDED.pattern.finditer(normal, start, end):
        if m.group("verb"):
            lo, hi = m.span("verb")
        elif m.group("zh") or m.group("zh_verb"):
            lo, hi = m.span("zh") if m.group("zh") else m.span("zh_verb")
        elif m.group("passive"):
            lo, hi = m.span("passive")
        else:
            lo, hi = m.span()
        if lo not in have:
            found.append(Hit(lo, hi, OPERATION, normal[lo:hi]))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


CONTEST = ("event_kind", "multilateral_exercise")
# an international contest of forces' skills (международный этап конкурса полевой выучки, the
# international special operations contest, 2026国际狙击手比赛): the codebook's indicators hold
# the fixed names (sniper contest, Army Games, 国际军事比赛) only; a contest named international,
# its sentence naming the forces or the skills contested (snipers, special forces, military,
# police), is an exercise of several states' forces (codebook: competitions with several
# states). Not a song, essay or journalists' contest: the forces must be named
CONTEST_SPAN = 40  # characters between "international" and the contest's noun
_CONTEST = Guarded(
    re.compile(
        rf"(?<![^\W\d_])(?:international|международн\w*)(?![^\W\d_])[^.;!?\n。；]{{0,{CONTEST_SPAN}}}?"
        r"(?<![^\W\d_])(?:contests?|competitions?|конкурс\w*|соревновани\w*|состязани\w*)"
        r"(?![^\W\d_])|国际[^，,。；;！？\n]{0,12}?(?:比赛|竞赛|比武)",
        re.IGNORECASE,
    ),
    "international",
    "международн",
    "国际",
)
# the forces or the skills contested, in the contest's sentence
_FORCES = re.compile(
    r"(?<![^\W\d_])(?:sniper\w*|special\s+(?:forces|operations?)|military|army|armed\s+forces|"
    r"police|troops|servicem[ae]n|soldiers|border\s+guards?|commandos?|national\s+guards?|"
    r"special\s+units?|спецподразделени\w*|гварди\w*|"
    r"снайпер\w*|спецназ\w*|специального\s+назначения|военн\w*|армейск\w*|вооруж[её]нн\w*|"
    r"полицейск\w*|полиции|полевой\s+выучк\w*|пограничник\w*|военнослужащ\w*)(?![^\W\d_])|"
    r"狙击|特种|军事|侦察|警察|武警|军人|部队|官兵|战区|特战|军队|特警|近卫军",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?\n。；！？]")


def contest_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the international contests of forces (``_CONTEST`` with ``_FORCES`` in its
    sentence) as ``("event_kind", "multilateral_exercise")`` hits on the contest's name, sorted
    by start; ``normal``: the lower-cased text. The exercise rule (``rule_exercise_kind``) makes
    it bilateral when two states alone take part."""
    if not _CONTEST.possible(normal, start, end):
        return hits
    have = {(h.start, h.end) for h in hits if h.payload == CONTEST}
    found: list[Hit] = []
    for m in _CONTEST.pattern.finditer(normal, start, end):
        if (m.start(), m.end()) in have:
            continue
        lo = start
        for stop in _SENTENCE_END.finditer(normal, max(start, m.start() - 300), m.start()):
            lo = stop.end()
        after = _SENTENCE_END.search(normal, m.end(), min(end, m.end() + 300))
        hi = after.start() if after else min(end, m.end() + 300)
        if _FORCES.search(normal, lo, hi):
            found.append(Hit(m.start(), m.end(), CONTEST, m.group()))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)


DRILL = ("event_kind", "bilateral_exercise")
# a joint drill named with its purpose between "joint" and the drill (joint emergency rescue
# drill, joint mountain counter-terrorism exercise; совместные пограничные тактико-специальные
# учения; 中国—中亚地震灾害联合救援演练, 联合边境管控演练): the indicators hold the adjacent forms
# (joint exercise, совместные учения, 联合演练) and a few fixed purposes only. Up to three words
# (six characters in Chinese) of the drill's purpose, no preposition among them (a joint
# statement on the exercises names a document), not the United Nations (联合国). The exercise
# rule (``rule_exercise_kind``) makes it multilateral with more than one partner state
_DRILL = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:joint|совместн\w*)(?P<between>(?:[ \t]+[\w-]+){1,3}?)[ \t]+"
        r"(?:exercises?|drills?|учени[еяйю]\w*|тренировк\w*)(?![^\W\d_])"
        r"|联合(?![国会])[^，,。；;、：:\s“”\"《》]{1,6}?(?:演练|演习)",
        re.IGNORECASE,
    ),
    "joint",
    "совместн",
    "联合",
)
# what a drill's purpose is not: a preposition, an article or a conjunction (a statement ON the
# drill, совместное заявление ПО итогам учений, joint patrols AND drills)
_NOT_PURPOSE = re.compile(
    r"(?<![^\W\d_])(?:on|of|for|the|a|an|and|or|to|in|at|with|after|before|by|statement|"
    r"press|communiqu\w*|declaration|venture|о|об|по|на|в|во|с|со|для|и|или|после|перед|"
    r"заявлени\w*|коммюнике|пресс-\w*)(?![^\W\d_])",
    re.IGNORECASE,
)


def drill_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the joint drills named with their purpose between (``_DRILL``) as
    ``("event_kind", "bilateral_exercise")`` hits, where no exercise hit overlaps them, sorted
    by start; ``normal``: the lower-cased text."""
    if not _DRILL.possible(normal, start, end):
        return hits
    taken = sorted(
        (h.start, h.end)
        for h in hits
        if h.payload in (DRILL, CONTEST, ("event_kind", "multilateral_exercise"))
    )
    found: list[Hit] = []
    # one sweep: the matches come in text order, so the exercise hits starting before a match's
    # end only grow; the latest end among them tells whether one overlaps it (linear on a page
    # of thousands of exercise mentions, where a scan of all of them per match was quadratic)
    seen, reach = 0, -1
    for m in _DRILL.pattern.finditer(normal, start, end):
        between = m.group("between")
        if between is not None and _NOT_PURPOSE.search(between):
            continue
        while seen < len(taken) and taken[seen][0] < m.end():
            reach = max(reach, taken[seen][1])
            seen += 1
        if reach > m.start():
            continue
        found.append(Hit(m.start(), m.end(), DRILL, m.group()))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)
