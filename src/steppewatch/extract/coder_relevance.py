"""Relevance: the focal state taking part together with a partner state, not only named.

The codebook counts an event when the focal state (its state, officials, forces, agencies)
takes part together with a partner state of the region, or acts in or for the region. The
focal state only named (a subject of talk, a comparison, a third state others discuss) is not
engagement, and neither is a partner state named only in passing in an item about the focal
state and another state (China-Turkey talks that mention a corridor through Kazakhstan).

``Engagement`` reads an item once and is asked about each passage that scores as relevant
(``codebook_coder``). ``partner_engaged``: a partner state must be shown there the way the
country rules (``coder_rules.collect``) show a state taking part - named, or through its
official or institution, outside the sentences of background (``coder_background``: an earlier
event recalled, a membership, the next summit, an analyst's words...), outside the sentences
about a third state's doing (``coder_rules.third_party_sentences``: the US hosting the Central
Asian leaders), not as a place (unless the focal state acts there), a route's stop, a border
side, researchers' home, nor only in a question asking yes or no - or the region's group name
joined to the focal state (中国和中亚国家) outside background, or states given as examples joined
to the focal state (中方愿同哈萨克斯坦等国). When the item's lead names the focal state and a state
from outside the region as the event's sides (China-Turkey talks), a partner named after the
lead takes part only joined to the focal state in its sentence (China and Kazakhstan agreed;
中方愿同哈萨克斯坦). When the lead names no side at all (neither the focal state, a partner
nor a regional framework: a CSTO meeting), the focal state and a partner take part together
only in a sentence naming both. When the lead names a regional framework and, as its
subject, only states from outside the region (Belarus joins the SCO), the framework's meeting
or event implies no engagement (``outside_subject``). A regional framework's event named in a
lead, or the focal state's unilateral kinds (its western build-up, its security firms), need
no partner, unless the passage names states from outside the region and no partner state
(its western troops facing India). ``focal_background``: when the lead names the event's sides without the focal
state (Türkiye and Kazakhstan), the focal state named after it only in background sentences
takes no part. ``public_notice`` and ``domestic_case`` read an item's title and lead for
the two kinds of item that name both sides and report no engagement: a notice to the public
(consular or customs routine) and a partner's own law-enforcement case in which the focal
state is only where goods come from or a firm's home.

Another power's event (``others_event``) is also one whose lead names partner states only, two
or more (Kazakhstan and Uzbekistan sign a defence plan: the region's own business; states whose
people come to an event, officers from Kazakhstan, are no sides), or a partner with the Taliban
(the de facto authorities of a state from outside the region) or with the CIS (a body of other
states, like the CSTO). A sentence about who borders whom joins no sides, and a state's name
between the focal state's and a partner's takes the join (Chinese drones to Kyrgyzstan and
Turkmenistan). ``home_event``: a lead naming the focal state only by its own home region, with
no other side and no security service or act (a Xinjiang press conference), is its domestic
affair, in which a partner named later takes part only joined to the focal state.
``partner_event``: a lead naming one partner state alone and its own security act (a security
office or an incident, no meeting, exercise or handover: its security service detains a cell,
its court convicts officials) is the partner's own business too; the focal state named later
takes part only by its organs, its side or as a companion (Посольство КНР, китайская сторона,
with China), joined to the partner, or as the people the event befalls (Chinese workers), not as
where goods were made (китайского производства) nor in an event recalled.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from steppewatch.extract.coder_background import (
    LEAD,
    background_sentences,
    idle_groups,
    lead_end,
    lead_start,
)
from steppewatch.extract.coder_entities import named_only
from steppewatch.extract.coder_resources import Resources, state_of
from steppewatch.extract.coder_rules import (
    UNILATERAL_KINDS,
    _occasion,
    _yes_no_sentences,
    collect,
    names_focal,
)
from steppewatch.extract.matcher import Hit

__all__ = [
    "Engagement",
    "denied_side",
    "domestic_case",
    "event_lead",
    "item_lead",
    "other_pair_lead",
    "outlet_name",
    "people_of",
    "public_notice",
    "route_end",
    "staff_free_lead",
    "staff_led",
    "staff_names",
]

_JOINED = re.compile(r"\s*(?:愿同|愿与|同|与|和|及|(?i:and|with|и|с|со))\s*|[—–-]", re.IGNORECASE)
# the focal state's partner named right after it: 中方愿同, 中国将与, China will work with, Китай
# готов сотрудничать с (a few words of a verb between, no clause break; examples may open with
# "countries such as")
_PARTNER_OF = re.compile(
    r"[^，,。；;：:、\n]{0,6}?(?:同|与|和)|"
    r"\s+(?:[^\W\d_]+\s+){0,5}?(?i:with|and|с|со|и)\s+(?:[^\W\d_]+\s+){0,3}?"
)
JOIN_SPAN = 60  # characters from the focal state's name to its partner's
_HEADLINE_PAIR = re.compile(r"\s*[,，、]\s*")  # the comma of a headline's pair of sides
CLAUSE_SPAN = 200  # characters searched back for a clause's start
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?\n]|\.(?:\s|$)")
_GROUPS = ("group", "group_other")
_REPORTING = ("topic", "domain", "event_kind", "meeting_level")  # codes that report something
# the focal state's delegation, forces or agencies named with it: a side taking part
# (делегацией Министерства обороны КНР, Chinese troops, a Chinese police unit, 中国代表团)
_AGENCY_BEFORE = re.compile(
    r"(?:делегаци|министерств|ведомств|войск|военнослужащ|полици|пограничн|спецназ|"
    r"подразделени)\w*(?:\s+[^\W\d_]+){0,3}\s+$",
    re.IGNORECASE,
)
_AGENCY_AFTER = re.compile(
    r"(?:\s+[^\W\d_']+){0,2}?\s+(?:delegation|troops|forces|military|army|police|units?|"
    r"soldiers|servicemen|border\s+guards|(?:defen[cs]e\s+|security\s+)?ministry|navy|"
    r"special\s+forces)(?![^\W\d_])|"
    r"(?:代表团|军队|部队|军人|官兵|警方|公安|边防|军方|海关|武警|特警|国防部)",
    re.IGNORECASE,
)
AGENCY_SPAN = 60  # characters searched back from the focal state's name for its agency's
# a framework's secretary-general, secretariat or website (its staff, its publication) named
# after or before its name
_STAFF_AFTER = re.compile(
    r"\s*(?:组织|合作组织)?(?:新任|前任|首任|现任)?(?:秘书长|秘书处|网站)|"
    r"(?:'s)?\s*(?:secretary[- ]general|secretariat|website)(?![^\W\d_])|"
    r"\s*(?:генеральн\w*\s+секретар|секретариат)",
    re.IGNORECASE,
)
_STAFF_BEFORE = re.compile(
    r"(?:secretary[- ]general|secretariat)\s+of\s+(?:the\s+)?$|"  # (Secretary-General of the SCO)
    r"(?:генеральн\w*\s+секретар\w*|секретариат\w*)\s+$",
    re.IGNORECASE,
)
# the title right before an official's name (秘书长努尔兰·, Secretary-General Nurlan)
_STAFF_TITLE_BEFORE = re.compile(
    r"秘书长[\u4e00-\u9fff·・]{0,8}$|"
    r"(?:secretary[- ]general|генеральн\w*\s+секретар\w*(?:\s+ШОС)?)\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)
_SECRETARY_GENERAL = re.compile(
    r"秘书长|secretary[- ]general|генеральн\w*\s+секретар", re.IGNORECASE
)
# a power's influence or presence (China's growing clout, 中国日益增长的影响力, влияние Китая)
_INFLUENCE_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:(?:growing|rising|expanding|increasing)\s+)?(?:clout|influence|sway|"
    r"footprint)(?![^\W\d_])|(?:的)?(?:日益增长的|不断扩大的|日益扩大的)?(?:影响力|势力范围)",
    re.IGNORECASE,
)
_INFLUENCE_BEFORE = re.compile(
    r"(?:влияни|(?<![^\W\d_])рол)\w*\s+(?:(?:России|Москвы|США)\s+и\s+)?$|"
    r"(?:clout|influence|sway)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
INFLUENCE_SPAN = 30
STAFF_SPAN = 40  # characters searched back from a name for a secretary-general's title
HEADER_LINE = 100  # characters: a shorter line with no sentence end under a title is furniture
EVENT_LEAD = 400  # characters searched for the first sentence of an item's body
HEADER_LINES = 6  # lines under a title searched for the first sentence of an item's body
# a sentence's end in a line under the title (not an abbreviated month's: Aug. 10, 2026)
# (or a word all in lower case before a full stop and a capital: officials said. China has...;
# сообщили в ведомстве. Ранее ...)
_HEADER_END = re.compile(
    r"[。！？!?]|(?<=[^\W\d_]{5})\.(?:\s|$)|"
    r"(?<![^\W\d_])[a-zа-яё]{2,}\.(?=\s+[A-ZА-ЯЁ«\"“]|\s*$)"
)
_NO_EVENT = ("mechanism",)  # 机制: a framework's mechanism is its name, not an event of it
EVENT_SPAN = 40  # characters from a framework's name to its event's word in a paragraph's lead
SENTENCE_SPAN = 600  # characters searched either side of a name for its sentence's ends
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]|\.(?:\s+(?![a-zа-яё])|$)")
# a gathering of analysts named after a framework (中国—中亚智库论坛, the SCO expert forum,
# экспертный форум ШОС is named before): academics, not the framework's states
_ANALYSTS_AFTER = re.compile(
    r"\s*(?:智库|专家|学者|高校|大学|研究|(?i:think[- ]tanks?|experts?|scholars?|academic|"
    r"universit\w*|research\w*|экспертн\w*|аналитическ\w*|научн\w*))"
)
# analysts or experts in the plural saying something (Analysts say, Military analysts note,
# Эксперты отмечают): coder_background reads the singular forms
_ANALYSTS_SAY = re.compile(
    r"(?<![^\W\d_])(?:analysts|experts|observers|commentators)\s+(?:say|note|believe|argue|"
    r"warn|point\s+out|agree)(?![^\W\d_])|"
    r"(?<![^\W\d_])(?:аналитики|эксперты|наблюдатели|политологи)\s+(?:считают|отмечают|"
    r"полагают|указывают)(?![^\W\d_])",
    re.IGNORECASE,
)
# a route linking a state with the one named next (связывающей Узбекистан с ..., connecting
# Uzbekistan with ..., 连接乌兹别克斯坦与...)
_ROUTE_TO = re.compile(
    r"(?:связывающ|соединяющ)\w*\s+(?:[^\W\d_]+\s+){1,4}?(?:с|со|и)\s+$|"
    r"(?<![^\W\d_])(?:connecting|linking|(?:that|which)\s+(?:links|connects))\s+"
    r"(?:[^\W\d_]+\s+){1,4}?(?:with|to|and)\s+$|"
    r"(?:连接|连通|联通)[^，,。；;、]{2,20}?(?:与|和|至|到)$|"
    # a route's destination (the routes to China, газопровода в Китай, 通往中国的管道)
    r"(?<![^\W\d_])(?:routes?|pipelines?|railways?|roads?|corridors?)\s+(?:to|into)\s+$|"
    r"(?<![^\W\d_])(?:маршрут|трубопровод|газопровод|нефтепровод|коридор)\w*\s+(?:в|до)\s+$|"
    r"(?:通往|通向)$",
    re.IGNORECASE,
)
ROUTE_SPAN = 80  # characters searched back for a route's verb
# a news outlet named after the focal state (中国新闻网, 中国日报网, China Daily, China News
# Service): the source, not a side of the event
_OUTLET_AFTER = re.compile(
    r"新闻网|新闻社|日报|国际电视台|国际广播电台|网(?![^\W\d_])|"
    r"\s+(?:Daily|News\s+Service|Radio\s+International|Global\s+Television)(?![^\W\d_])"
)
# a state's media named as a source (哈萨克斯坦媒体报道, Kyrgyz media reported, по данным
# таджикских СМИ): who reports, not a side
_MEDIA_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{0,2})?(?:媒体|新闻界|报纸|报刊|网站|主流媒体)|"
    r"[\w-]*\s+(?:(?:state|local|online|independent)\s+)?(?:media|press|news\s+(?:agency|"
    r"outlets?|sites?|portals?)|outlets?|newspapers?|journalists?|reporters?|bloggers?)"
    r"(?![^\W\d_])|"
    r"[\w-]*\s+(?:СМИ|пресс\w*|газет\w*|издани\w*|журналист\w*|блогер\w*|информагентств\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_MEDIA_BEFORE = re.compile(
    r"(?:СМИ|газет\w*|издани\w*|журналист\w*|media|press|newspapers?|journalists?)\s+$",
    re.IGNORECASE,
)
MEDIA_SPAN = 24  # characters before a state's name searched for its media's word


def media_of(text: str, hit: Hit) -> bool:
    """``hit`` (a partner state's name or adjective) names whose media report something (据哈
    萨克斯坦媒体报道, Kyrgyz media reported, по данным таджикских СМИ, СМИ Казахстана): the
    source of a report, not a side of the event."""
    return bool(
        _MEDIA_AFTER.match(text, hit.end, hit.end + 40)
        or _MEDIA_BEFORE.search(text, max(0, hit.start - MEDIA_SPAN), hit.start)
    )


# a state named as the place (在哈萨克斯坦, in Kyrgyzstan, в Кыргызстане)
_PLACE_BEFORE = re.compile(
    r"(?:在|(?<![^\W\d_])(?:in|at)\s+(?:the\s+)?|(?<![^\W\d_])(?:в|во)\s+)$", re.IGNORECASE
)


# the title of a notice to the public: an embassy's reminder to its citizens (驻哈萨克斯坦使馆提醒
# 在哈中国公民注意...), a customs or border-crossing announcement (霍尔果斯海关关于...的公告; Об
# изменении режима работы пункта пропуска; Notice on the opening hours of ...)
_NOTICE_TITLE = re.compile(
    r"(?:提醒|提示)[^。\n]{0,30}(?:公民|游客|旅客|同胞)|关于[^。\n]{2,80}的(?:公告|通告|通知)\s*$|"
    r"温馨提示|^(?:об\s+изменении\s+|о\s+)?режим\w*\s+работы|^(?:объявление|уведомление)\b|"
    r"^(?:travel\s+)?(?:advisory|notice)\b|(?:embassy|consulate)\b[^.\n]{0,60}\b(?:reminds?|"
    r"urges?\s+(?:caution|citizens|tourists)|warns?\s+(?:citizens|tourists)|issues?\s+(?:a\s+)?"
    r"(?:safety\s+)?(?:reminder|alert|advisory))\b|"
    r"(?:посольство|консульство)\b[^.\n]{0,60}\b(?:напоминает|призывает\s+(?:граждан|туристов)|"
    r"предупреждает)",
    re.IGNORECASE | re.MULTILINE,
)
TITLE_SPAN = 200  # characters read as an item's title (its first line)
# a partner's own law-enforcement case in a lead: goods seized or smuggled, counterfeits, bribes
# (not the smugglers themselves: clashes with armed smugglers are an incident)
_CASE = re.compile(
    r"изъял|изъят|контрафакт|контрабанд(?!ист)|(?:незаконн\w*|нелегальн\w*)\s+ввоз|"
    r"(?<![^\W\d_])(?:seiz(?:e|ed|es|ure)|confiscat\w*|smuggl(?:ed|ing)|counterfeit\w*|"
    r"brib\w*)|查获|缴获|走私(?!分子|团伙)|假冒|受贿|行贿",
    re.IGNORECASE,
)
# the fight against it named as a topic (борьба с контрабандой, fighting smuggling, 打击走私)
_FIGHTING = re.compile(
    r"борьб|противодейств|пресечени\w*\s+$|against|combat|fight|counter|curb|打击|防范|治理",
    re.IGNORECASE,
)
FIGHTING_SPAN = 30  # characters searched before a case's word for the fight against it
# the focal state's side named as taking part in such a case (a joint operation, the Chinese
# colleagues' tip-off, 中国警方)
_CASE_JOINT = re.compile(
    r"совместн|китайск\w*\s+(?:коллег|партн[её]р|сторон|правоохранит|полиц|таможен|пограничн)|"
    r"(?<![^\W\d_])(?:joint(?:ly)?|Chinese\s+(?:counterparts?|colleagues|police|customs|"
    r"side|authorities|border\s+guards))(?![^\W\d_])|联合|中方|中国(?:警方|海关|公安)",
    re.IGNORECASE,
)


def route_end(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name) is the far end of a route named as linking a state with it
    (железной дороги, связывающей Узбекистан с Китаем; a railway connecting Uzbekistan with
    China; 连接乌兹别克斯坦与中国的铁路): a place on the map, not a side."""
    return _ROUTE_TO.search(text, max(0, hit.start - ROUTE_SPAN), hit.start) is not None


def outlet_name(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name) opens a news outlet's name: 中国新闻网, 中国日报, China Daily."""
    return _OUTLET_AFTER.match(text, hit.end) is not None


def public_notice(text: str, start: int) -> bool:
    """The item's title (its first line) is a notice to the public: an embassy's reminder to
    its citizens, a customs or border-crossing announcement. The codebook: a notice reports no
    event of engagement (consular and customs routine); a passage of it stays relevant only
    when it reports a security event of its own (``codebook_coder._security_event``)."""
    newline = text.find("\n", start, start + TITLE_SPAN)
    title_end = newline if newline >= 0 else min(len(text), start + TITLE_SPAN)
    return _NOTICE_TITLE.search(text[start:title_end]) is not None


def domestic_case(hits: list[Hit], text: str, res: Resources, start: int, end: int) -> bool:
    """The item's lead (title and first sentence) reports a law-enforcement case (goods seized
    or smuggled, counterfeits, bribes) and the focal state takes no part in it as a state: none
    of its officials or institutions is named in the item and no joint work with its side
    (совместно, Chinese counterparts, 中方). The focal state named there is where goods come
    from or were made, or a firm's home (a partner's seizure of drones from China; bribes from
    a Chinese firm's subsidiary): the partner's domestic case, not engagement (codebook: the
    PRC's state, officials, forces or agencies take part)."""
    lead = item_lead(start, text, end)
    if not any(
        _FIGHTING.search(text, max(start, m.start() - FIGHTING_SPAN), m.start()) is None
        for m in _CASE.finditer(text, start, lead)
    ):
        return False  # no case, or only the fight against smuggling as a topic of talks
    focal = res.study.focal
    if any(h.payload[0] in ("official", "institution") and state_of(h, res) == focal for h in hits):
        return False
    return _CASE_JOINT.search(text, start, end) is None


class Engagement:
    """Who takes part in an item (``hits`` from ``start`` to ``end``, published on
    ``reference``), read once for the item and asked about each of its passages that scores
    as relevant (``partner_engaged``, ``focal_background``): what depends on the item (its
    lead's sides, its questions, its sentences of background) is found once, not once per
    passage (quadratic on a long text)."""

    def __init__(
        self,
        hits: list[Hit],
        text: str,
        res: Resources,
        start: int,
        end: int,
        reference: str | None,
    ) -> None:
        self.text, self.res, self.start, self.end = text, res, start, end
        self.hits = hits
        self.reference = reference
        partners = res.study.partner_set
        self.lead = lead = lead_end(start, text)
        self.sides = sides = _lead_sides(hits, text, res, lead)
        self.other_sides = (
            sides.focal and bool(sides.others) and not sides.partner and not sides.framework
        )
        # the lead names neither the focal state nor a regional framework: the focal state and
        # a partner take part together only in a sentence naming both
        self.unanchored = not (sides.focal or sides.framework or sides.partner)
        # the lead of the event (``event_lead``: past a byline) names its sides without the
        # focal state: a partner state with a state from outside the region (the US and
        # Kazakhstan, Uzbekistan and Afghanistan) or with a body of other states (a CSTO
        # exercise in Tajikistan), and no multilateral format (Afghanistan's neighbours): another
        # power's business, in which the focal state named later takes part only joined to a
        # partner as the other side (``focal_background``)
        self.event_lead = event_lead(start, text, lead, end)
        told = _lead_sides(hits, text, res, self.event_lead, own_names=True)
        # the lead names a regional framework and, as its subject, states from outside the
        # region only (Belarus joins the SCO; the SCO on strikes on Iran): the framework's
        # business with them, not its members' security engagement (gold guideline 2)
        # (not when the event's lead past a byline names a partner or the focal state as a side:
        # the framework's meeting under the Kyrgyz chair, a newspaper's name, Российская газета,
        # in the byline naming the outside state)
        self.outside_subject = (
            sides.framework
            and bool(sides.others)
            and not sides.focal
            and not sides.partners
            and not told.focal
            and not told.partners
        )
        # (or partner states only, two or more: Kazakhstan and Uzbekistan sign a defence plan;
        # the region's states' own business, in which the focal state named later is a trading
        # partner, a route's end or a neighbour)
        self.others_event = (
            not told.focal
            and not told.framework
            and not told.multilateral
            and told.partner
            and bool(told.others or told.outside_body or len(told.partners) >= 2)
        )
        # (or one partner state alone, acting: its security service detains a cell, its court
        # convicts officials, its border guards exchange fire with smugglers; the partner's own
        # event, in which the focal state named later is where goods were made, a builder's
        # home or an event recalled, unless its people are the ones the event befalls)
        # (its own security act: a security office or an incident in the lead, and no event
        # there that takes two sides, a meeting, an exercise, a handover, a new outpost)
        self.partner_event = (
            not sides.focal
            and not told.focal
            and not told.framework
            and not told.multilateral
            and not told.others
            and not told.outside_body
            and not told.people_only
            and len(told.partners) == 1
            and _own_security_act(hits, start, self.event_lead)
            # (not a question put to the focal state's spokesman: a transcript's item)
            and _QUESTION.search(text, start, min(end, self.event_lead + QUESTION_SPAN)) is None
        )
        self.focal = focal = sorted((h for h in hits if names_focal(h, res)), key=lambda h: h.start)
        self.focal_at = focal_at = [h.start for h in focal]
        # the event's lead names the focal state only by its own home region (新疆举行新闻发布会,
        # Xinjiang holds a press conference), no other side and no security service or act (a
        # build-up there, border posts, is the focal state's own capacity): its domestic
        # affair, in which a partner named later (relatives in Kazakhstan, tourists from the
        # Central Asian states) takes part only joined to the focal state as the other side
        home = res.study.home_region
        self.home_event = (
            home is not None
            and told.focal
            and not (told.partner or told.framework or told.others or told.outside_body)
            and all(home.fullmatch(h.term) for h in focal if start <= h.start < self.event_lead)
            and not any(
                h.payload[0] == "domain"
                or h.payload[0] == "event_kind"
                and h.payload[1] != "meeting"
                for h in hits
                if start <= h.start < self.event_lead
            )
        )
        dropped: set[Hit] = set()
        # (the states' names: the focal state is joined to the first of a list, China's drones
        # to Kyrgyzstan and Turkmenistan)
        sides_at = sorted(
            h.start for h in hits if state_of(h, res) is not None and not names_focal(h, res)
        )
        for hit in hits:
            if not (state_of(hit, res) in partners or hit.payload[0] in _GROUPS):
                continue
            if self.home_event and hit.start >= self.event_lead:
                if not _joined_to_focal(hit, focal, focal_at, text, self.event_lead, end, sides_at):
                    dropped.add(hit)
            elif self.other_sides and hit.start >= lead:
                # the lead names the focal state and another state from outside the region as
                # the event's sides (China-Turkey talks): a partner state named after it takes
                # part only joined to the focal state in its sentence (China and Kazakhstan
                # agreed; 中方愿同乌兹别克斯坦), not only named there (the corridor may link
                # China and Pakistan with the Central Asian states one day)
                if not _joined_to_focal(hit, focal, focal_at, text, lead, end, sides_at):
                    dropped.add(hit)
        asked = _yes_no_sentences(text, start, end)
        if asked:
            # a question asking yes or no (Does China plan to discuss this with Kazakhstan?;
            # 是否; ли) names what it asks about, not who takes part
            dropped.update(
                h
                for h in hits
                if (state_of(h, res) in partners or h.payload[0] in _GROUPS)
                and _within(asked, h.start)
            )
        # a state's media (哈萨克斯坦媒体报道, Kyrgyz media reported): the report's source
        dropped.update(
            h
            for h in hits
            if h.payload[0] in ("state", "listed", "example")
            and state_of(h, res) in partners
            and media_of(text, h)
        )
        # a state named as the place (the embassy in Kyrgyzstan, relatives in Kazakhstan) is
        # where something is, not a side, unless the focal state acts there (中国在塔吉克斯坦的
        # 军事存在, Chinese-owned sites in Kyrgyzstan: named before it in its clause); in
        # coder_background a place makes its whole sentence background when nothing is reported
        # there, but the side addressed in that sentence (the embassy in Kyrgyzstan asked the
        # Kyrgyz side) is a side
        places: set[Hit] = set()
        for hit in hits:
            if (
                hit not in dropped
                and state_of(hit, res) in partners
                and _PLACE_BEFORE.search(text, max(0, hit.start - 8), hit.start)
            ):
                places.add(hit)
                if not _any_in(focal_at, _clause_start(text, hit.start), hit.start):
                    dropped.add(hit)
        self.dropped = dropped
        kept = [h for h in hits if h not in dropped]
        self.named = named = [h for h in kept if state_of(h, res) in partners and h not in places]
        events = sorted(h.start for h in kept if h.payload[0] == "event_kind")
        self.groups = groups = [h for h in kept if h.payload[0] == "group"]
        background = background_sentences(text, start, end, named + groups, events, reference)
        if background:
            # the focal state joined to a partner as the two sides (中方愿同哈萨克斯坦加强反恐
            # 合作, China and Kyrgyzstan will...): the focal state's own engagement, promised
            background = _without_joined(background, focal, named + groups, text)
        self.background = background
        self.idle = idle_groups(text, start, end, groups, events, reference)
        self._events = self.events = events
        self._focal_background: list[tuple[int, int]] | None = None
        # where something is reported (a topic, a domain, an event, an office): starts, sorted
        self._reporting = sorted(h.start for h in hits if h.payload[0] in _REPORTING)
        # where a security matter is reported (a topic, a domain, an office, an event other than
        # a document or a gathering): starts, sorted, read when the lead names no side
        self._security_at: list[int] | None = None
        self._taking_part: set[Hit] = set()  # partner names found taking part in a passage

    def partner_engaged(self, hits: list[Hit]) -> bool:
        """A partner state takes part in what the passage's ``hits`` report (see the module
        docstring)."""
        text, res, partners = self.text, self.res, self.res.study.partner_set
        if (
            not self.other_sides
            and any(
                h.payload[0] == "anchor"
                or (h.payload[0] == "event_kind" and h.payload[1] in UNILATERAL_KINDS)
                for h in hits
            )
            and not _outside_only(hits, res)
        ):
            # the focal state acting for the region on its own: its build-up in its western
            # regions, its security firms in the partner states (codebook: unilateral); not its
            # western theatre's troops at an exercise with another state (China and Pakistan)
            return True
        if not self.outside_subject and any(
            _framework_event(h, hits, text, res, self.start, self.event_lead) for h in hits
        ):
            return True  # a lead names a regional framework's event (an SCO exercise)
        hits = [h for h in hits if h not in self.dropped]
        if any(h in self._taking_part for h in hits):
            return True  # found taking part in an overlapping passage (its sentence is here too)
        found = collect(hits, text, res, self.reference, self.background, self.idle)
        taking_part = [hit for code, hit in found.states.items() if code in partners]
        if self.unanchored and (taking_part or found.groups):
            codes = {state_of(h, res) for h in taking_part}
            taking_part = [
                h
                for h in hits
                if (state_of(h, res) in codes or h in found.groups.values())
                and not _within(self.background, h.start)
                and _any_in(
                    self.focal_at, *(span := _sentence(text, h.start, self.start, self.end))
                )
                # (the sentence joining the two reports a security matter, not only a body or a
                # meeting: 中国与哈萨克斯坦已建立跨界河流联合委员会, a rivers commission)
                and (
                    _any_in(self.security_at(), *span)
                    or _SECURITY_NAMED.search(text, *span) is not None
                )
            ]
            if taking_part:
                self._taking_part.update(taking_part)
                return True
            return False
        self._taking_part.update(taking_part)
        if taking_part or found.groups:
            return True
        if any(h.payload[0] == "group" and not _within(self.background, h.start) for h in hits):
            # the region's group joined to the focal state (Китай и страны Центральной Азии
            # вместе борются с терроризмом) outside background: the focal state's engagement
            # with the region, though it adds no participants beside a partner state
            return True
        if self.other_sides or self.home_event:
            return False
        return any(
            h.payload[0] == "example"
            and h.payload[1] in partners
            and not _within(self.background, h.start)
            and not named_only(text, h)
            and _partner_of_focal(h, self.focal, self.focal_at, text, self.start, self.end)
            for h in hits
        )

    def security_at(self) -> list[int]:
        """Where the item reports a security matter (``_security_at``), found once."""
        if self._security_at is None:
            self._security_at = sorted(
                h.start
                for h in self.hits
                if h.payload[0] in _REPORTING and h.payload[1] not in _NOT_SECURITY_EVENTS
            )
        return self._security_at

    def focal_background(self) -> list[tuple[int, int]]:
        """When the item's lead names the event's sides without the focal state (Türkiye and
        Kazakhstan; Tajikistan and Kyrgyzstan), the sentences of background
        (``coder_background``: an earlier event recalled, an analyst's words, a membership,
        what is expected...) that name the focal state after the lead: China named there
        (Kazakhstan has previously bought drones from China; analysts say China's role is
        growing) does not take part in the item's event. Sorted, not overlapping."""
        if self._focal_background is not None:
            return self._focal_background
        sides, text = self.sides, self.text
        focal = [h for h in self.focal if h.start >= self.lead]
        spans: list[tuple[int, int]] = []
        if focal and not sides.focal and len(sides.others | sides.partners) >= 2:
            spans = background_sentences(
                text, self.start, self.end, focal, self._events, self.reference
            )
            # analysts in the plural (Analysts say, Military analysts note): their words too
            for hit in focal:
                if _within(spans, hit.start):
                    continue
                lo, hi = _sentence(text, hit.start, self.lead, self.end)
                if _ANALYSTS_SAY.search(text, lo, hi):
                    bisect.insort(spans, (lo, hi))
        focal = [h for h in self.focal if h.start >= self.event_lead]
        if self.focal and (self.others_event or self.partner_event):
            # another power's event (``others_event``): the focal state's name after the lead is
            # a comparison, a trading partner, where goods come from or what it did elsewhere
            # (China has also funded border posts in Tajikistan; грузы из Китая), unless its
            # agency or official acts there (a Chinese police unit took part; talks with the PRC
            # defence ministry's delegation) or it is joined to a partner state or the region's
            # group as the other side in a sentence that reports something (China and the
            # Central Asian states jointly fight terrorism; not 哈方重视与中国的伙伴关系, a
            # partnership valued: no act, no topic); and not in a sentence of background (the
            # next summit, attended by China)
            background = (
                background_sentences(
                    text, self.event_lead, self.end, focal, self._events, self.reference
                )
                if focal
                else []
            )
            partners = [
                h
                for h in self.named
                if h.start >= self.event_lead and h.payload[0] in ("state", "example", "listed")
            ] + [h for h in self.groups if h.start >= self.event_lead]
            joined = _joined_focal(partners, focal, text, self.event_lead, self.end)
            for hit in focal:
                if _within(spans, hit.start):
                    continue
                lo, hi = _sentence(text, hit.start, self.event_lead, self.end)
                if _within(background, hit.start) or _ANALYSTS_SAY.search(text, lo, hi):
                    bisect.insort(spans, (hit.start, hit.end))
                    continue
                if (
                    hit.payload[0] in ("official", "institution")
                    or (hit in joined and _any_in(self._reporting, lo, hi))
                    or _AGENCY_BEFORE.search(text, max(lo, hit.start - AGENCY_SPAN), hit.start)
                    or _AGENCY_AFTER.match(text, hit.end)
                    or _gives_to(hit, partners, text, hi)
                    or (
                        not self.others_event
                        and (_befalls_people(text, hit) or _focal_acts(text, hit, lo))
                    )
                ):
                    continue
                bisect.insort(spans, (hit.start, hit.end))
            for hit in self.focal:
                # (in the lead: whose influence the event counters, China's growing clout)
                if hit.start < self.event_lead and _influence_of(text, hit):
                    bisect.insort(spans, (hit.start, hit.end))
            spans = _merged(spans)
        self._focal_background = spans
        return spans


# the focal state handing something to a partner named next (中国将向吉尔吉斯斯坦移交, 中国为塔吉克
# 斯坦援建; Китай передаст Таджикистану; China will hand over ... to Kyrgyzstan): an act of its
# own towards the partner, with no joining word between them
_GIVES = re.compile(
    r"\s*(?:将|已|还|也|再次)?(?:向|为)|"
    r"\s+(?:[^\W\d_]+\s+){0,2}?(?:переда|постав|предостав|подар|выдел|безвозмездно\s+переда)"
    r"\w*\s+(?:[^\W\d_]+\s+){0,6}?|"
    r"\s+(?:(?:will|has|have|had)\s+)?(?:hand(?:ed|s|ing)?\s+over|donat\w+|deliver\w*|gave|"
    r"give[sn]?|suppl\w+|provid\w+|transferr?\w*)\s+(?:[^\W\d_]+\s+){0,6}?to\s+(?:the\s+)?",
    re.IGNORECASE,
)
GIVE_SPAN = 80  # characters from the focal state's name to the partner's it gives to


def _gives_to(hit: Hit, partners: list[Hit], text: str, end: int) -> bool:
    """The focal state's name ``hit`` is the subject of a handing over to one of ``partners``
    named next in its sentence (up to ``end``)."""
    return any(
        hit.end <= p.start < min(end, hit.end + GIVE_SPAN)
        and _GIVES.fullmatch(text, hit.end, p.start) is not None
        for p in partners
    )


def _outside_only(hits: list[Hit], res: Resources) -> bool:
    """The passage names a state from outside the region as a side (India, Pakistan) and no
    partner state: the focal state's western troops there face that state (a clash on the
    Indian border), not the region."""
    partners, focal = res.study.partner_set, res.study.focal
    states = {
        state_of(h, res) for h in hits if h.payload[0] in ("state", "official", "institution")
    }
    states.discard(None)
    states.discard(focal)
    return bool(states) and not (states & partners)


def _partner_of_focal(
    hit: Hit, focal: list[Hit], focal_at: list[int], text: str, start: int, end: int
) -> bool:
    """A state given as an example (``hit``) is the focal state's partner: joined to it (中方愿同
    哈萨克斯坦、乌兹别克斯坦等国加强反恐合作; China will work with Kazakhstan and other
    countries) or acting towards it later in its sentence (哈萨克斯坦、吉尔吉斯斯坦等国致函支持
    中方); not where the focal state is only named before it (霍尔果斯口岸是中国西部口岸，涉案人员
    来自哈萨克斯坦等国). ``focal`` sorted by start, ``focal_at`` their starts."""
    lo, hi = _sentence(text, hit.start, start, end)
    if _any_in(focal_at, hit.end, hi):
        return True
    first = bisect.bisect_left(focal_at, max(lo, hit.start - JOIN_SPAN))
    return any(
        f.end <= hit.start and _PARTNER_OF.fullmatch(text, f.end, hit.start) is not None
        for f in focal[first : bisect.bisect_left(focal_at, hit.start)]
    )


def _joined_to_focal(
    hit: Hit,
    focal: list[Hit],
    focal_at: list[int],
    text: str,
    start: int,
    end: int,
    states_at: list[int] | None = None,
) -> bool:
    """The partner ``hit`` is joined to the focal state in its sentence as the other side:
    after it (China and Kazakhstan, 中方愿同哈萨克斯坦, Китай готов сотрудничать с
    Казахстаном) or before it (Kazakh and Chinese troops, 哈方同中方). With ``states_at`` (the
    starts of other states' names, sorted), a state's name between the focal state's and the
    partner's takes the join (Chinese drones to Kyrgyzstan and Turkmenistan: the "and" joins
    the two partners, not China)."""
    lo, hi = _sentence(text, hit.start, start, end)
    stop = bisect.bisect_left(focal_at, min(hi, hit.end + JOIN_SPAN))
    for i in range(bisect.bisect_left(focal_at, max(lo, hit.start - JOIN_SPAN)), stop):
        f = focal[i]
        if (
            f.end <= hit.start
            and _PARTNER_OF.fullmatch(text, f.end, hit.start) is not None
            and not (states_at is not None and _any_in(states_at, f.end, hit.start))
        ):
            return True
        if hit.end <= f.start and _JOINED.fullmatch(text, hit.end, f.start) is not None:
            return True
    return False


def staff_names(hits: list[Hit], text: str, res: Resources) -> set[Hit]:
    """A regional framework's name in its secretary-general's or secretariat's title (上合组织
    秘书长, the SCO Secretary-General, Генеральный секретарь ШОС, SCO Secretariat) and the
    official named with that title (秘书长努尔兰·叶尔梅克巴耶夫, Secretary-General Nurlan
    Yermekbayev): the organisation's staff, not a body of its member states meeting, and the
    official acts for the organisation, not for his state (gold: the secretary-general's
    statements and audiences are not the members' security engagement)."""
    staff: set[Hit] = set()
    for hit in hits:
        kind = hit.payload[0]
        if kind in ("framework", "institution") and _framework_of(hit, res) in (
            res.study.anchor_weights
        ):
            if _STAFF_AFTER.match(text, hit.end) or _STAFF_BEFORE.search(
                text, max(0, hit.start - STAFF_SPAN), hit.start
            ):
                staff.add(hit)
        elif kind == "official" and (
            _STAFF_TITLE_BEFORE.search(text, max(0, hit.start - STAFF_SPAN), hit.start)
        ):
            staff.add(hit)
    # (the official's other mentions in the item too: 叶尔梅克巴耶夫介绍了...)
    titled = {h.payload for h in staff if h.payload[0] == "official"}
    if titled:
        staff.update(h for h in hits if h.payload in titled)
    return staff


def staff_led(
    staff: set[Hit], hits: list[Hit], text: str, res: Resources, start: int, end: int
) -> bool:
    """The item's lead (title and first sentence) names a regional framework only in its
    secretary-general's title (上合组织秘书长会见老挝驻华大使; SCO Secretary-General issues a
    statement on India and Pakistan): the organisation's official business (an audience, a
    statement, an anniversary), not a body of its member states meeting nor the focal state
    engaging a partner, unless the lead names another framework term (the SCO security council
    secretaries' meeting the secretary-general attended)."""
    lead = lead_end(start, text)
    if not any(
        h.start < lead
        and h.payload[0] in ("framework", "institution")
        and _SECRETARY_GENERAL.search(text, max(start, h.start - STAFF_SPAN), h.end + STAFF_SPAN)
        for h in staff
    ):
        return False
    return not any(
        h.start < lead
        and h not in staff
        and h.payload[0] in ("framework", "institution")
        and _framework_of(h, res) in res.study.anchor_weights
        for h in hits
    )


def staff_free_lead(text: str, start: int) -> bool:
    """The lead of the text from ``start`` (a digest's entry: 二、上合组织成员国安全会议秘书会议在
    比什凯克举行) names no framework's secretary-general: his business (an audience, a forum)
    leads another entry, not this one."""
    return _SECRETARY_GENERAL.search(text, start, lead_end(start, text)) is None


# a sentence's end (not an abbreviation's: Jan. 14): a lead without one is a page's furniture
_LEAD_SENTENCE = re.compile(r"[。！？!?]|(?<=[^\W\d_]{3})\.(?:\s|$)")


def other_pair_lead(hits: list[Hit], text: str, res: Resources, start: int) -> bool:
    """The item's lead (from ``start``) names sides that are not the focal state and a partner
    acting: the focal state with a state from outside the region and no partner or framework
    (China and Russia compete for influence), or a partner only as the home of private people
    (Kazakh families, Kyrgyz students)."""
    sides = _lead_sides(hits, text, res, lead_end(start, text))
    return sides.people_only or (
        sides.focal and bool(sides.others) and not sides.partner and not sides.framework
    )


def item_lead(start: int, text: str, end: int) -> int:
    """Where the lead that says what the item reports ends: the item's lead (its title and
    first sentence, ``lead_end``), or, when that lead holds no sentence (a masthead and a
    site's menu: Kabar National News Agency / Politics | Economy | ...), the headline and first
    sentence under them (``event_lead``)."""
    lead = lead_end(start, text)
    if _LEAD_SENTENCE.search(text, start, lead):
        return lead
    return event_lead(start, text, lead, end)


def event_lead(start: int, text: str, lead: int, end: int) -> int:
    """Where the lead of the item's event ends: the item's lead (``lead``: its title and first
    sentence), or, when that lead ends on furniture under the title (a byline, a source and
    date line: By RFE/RL's Central Asia desk; 2026-09-25 来源：参考消息网), the first sentence of
    the body under it (up to five such lines skipped: a menu, a section's name, a headline
    and a byline under a masthead)."""
    start = lead_start(text, start, end)  # past the page's masthead and menu
    title = text.find("\n", start, min(end, start + EVENT_LEAD))
    if title < 0 or lead > title + 1 and _HEADER_END.search(text, title + 1, lead):
        return lead  # no title line, or the lead reaches a sentence of the body
    at = title + 1
    for _ in range(HEADER_LINES):
        while at < end and text[at] in " \t\r\n\u3000":
            at += 1
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        stop = _HEADER_END.search(text, at, min(line_end, at + EVENT_LEAD))
        if stop is not None or line_end - at >= HEADER_LINE:
            return max(lead, stop.end() if stop else min(line_end, at + EVENT_LEAD))
        at = line_end + 1
        if at >= end:
            break
    return lead


# the movement ruling a state from outside the region, named instead of the state (a topic's
# indicator: the afghanistan topic's Taliban)
_DE_FACTO = re.compile(r"(?:阿富汗)?塔利班|(?:afghan\s+)?taliban|талиб\w*", re.IGNORECASE)
_DE_FACTO_STATE = "AF"
# a sentence about who borders whom (哈萨克斯坦与中国、俄罗斯接壤; граничит с Китаем; borders
# China): neighbours on the map, not sides joined in an act
_NEIGHBOURS = re.compile(
    r"接壤|毗邻|相邻|邻国|граничит|граничащ|соседств|(?<![^\W\d_])(?:borders|bordering|"
    r"neighbou?rs|shares?\s+(?:a\s+)?borders?\s+with)(?![^\W\d_])",
    re.IGNORECASE,
)


# people from a state (police officers from Kazakhstan and Kyrgyzstan, 来自哈萨克斯坦的学员,
# курсанты из Казахстана): trainees or guests, not the states as the event's sides
_PEOPLE_FROM = re.compile(
    r"(?<![^\W\d_])(?:from|из)\s+(?:[^\W\d_]+(?:,\s*|\s+(?:and|и)\s+)){0,4}$|"
    r"来自(?:[\u4e00-\u9fff]{1,8}[、和及与]){0,4}$",
    re.IGNORECASE,
)
_NOT_MULTILATERAL = ("bilateral", "unilateral")  # framework codes that name no format of states


def _outside_body(institution: object) -> bool:
    """A body of states that is no agency of a state and none of the region's frameworks (the
    CSTO): an organisation of other states."""
    return not any(getattr(institution, name, None) for name in ("country", "framework", "domain"))


def _influence_of(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name) names whose influence or presence is talked about (China's
    growing clout, влияние Китая, 中国的影响力): a power compared or countered, not a side."""
    return bool(
        _INFLUENCE_AFTER.match(text, hit.end)
        or _INFLUENCE_BEFORE.search(text, max(0, hit.start - INFLUENCE_SPAN), hit.start)
    )


def _joined_focal(
    partners: list[Hit], focal: list[Hit], text: str, start: int, end: int
) -> set[Hit]:
    """The focal state's names (``focal``, sorted) joined to one of ``partners`` (a partner
    state's or the region's group name) as the other side in its sentence: China and
    Kazakhstan, 中方愿同哈萨克斯坦, Kazakh and Chinese troops, 中亚各国同中方, 乌方也将继续同中国,
    Kazakhstan will hold drills with China."""
    focal_at = [h.start for h in focal]
    joined: set[Hit] = set()
    for hit in partners:
        lo, hi = _sentence(text, hit.start, start, end)
        if _NEIGHBOURS.search(text, lo, hi):
            continue  # (who borders whom: Kazakhstan borders China and Russia)
        stop = bisect.bisect_left(focal_at, min(hi, hit.end + JOIN_SPAN))
        for i in range(bisect.bisect_left(focal_at, max(lo, hit.start - JOIN_SPAN)), stop):
            f = focal[i]
            if (
                (
                    f.end <= hit.start
                    and (
                        _PARTNER_OF.fullmatch(text, f.end, hit.start) is not None
                        # (a headline's pair opening its sentence: China, Uzbekistan hold a drill)
                        or (
                            not text[lo : f.start].strip()
                            and _HEADLINE_PAIR.fullmatch(text, f.end, hit.start) is not None
                        )
                    )
                )
                or (
                    hit.end <= f.start
                    and (
                        _JOINED.fullmatch(text, hit.end, f.start) is not None
                        or _PARTNER_OF.fullmatch(text, hit.end, f.start) is not None
                    )
                )
            ):
                joined.add(f)
    return joined


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ``spans`` with the overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _framework_event(
    hit: Hit, hits: list[Hit], text: str, res: Resources, start: int, lead: int = 0
) -> bool:
    """``hit`` names a regional framework (the study's anchor weights) in the item's lead (up
    to ``lead``: past a byline under the title, ``event_lead``), or in a paragraph's lead with
    one of its events right after it (China Daily: ... the SCO joint counter-terrorism
    exercise ...); not as the name of a gathering of analysts (中国—中亚智库论坛, a think-tank
    forum: scholars speak for no state)."""
    if _framework_of(hit, res) not in res.study.anchor_weights:
        return False
    if _ANALYSTS_AFTER.match(text, hit.end):
        return False
    if hit.start < max(lead, lead_end(start, text)):
        return True
    paragraph = text.rfind("\n", max(start, hit.start - LEAD), hit.start)
    if paragraph < 0 or hit.start >= lead_end(paragraph + 1, text):
        return False
    return any(
        h.payload[0] == "event_kind"
        and h.payload[1] not in _NO_EVENT
        and hit.end <= h.start < hit.end + EVENT_SPAN
        and not _SENTENCE_BREAK.search(text, hit.end, h.start)
        for h in hits
    )


# a name denied as a side: "but not (on|with) China", "without China", "не с Китаем", "без Китая",
# "кроме Китая", 不包括中国, 并非中国, 除中国
_DENIED = re.compile(
    r"(?:不包括|并非|而非|除了?)$|(?<![^\W\d_])(?:not|nor|without|except|excluding|не|без|кроме|"
    r"помимо)\s+(?:(?:on|with|by|from|to|for|in|of|с|со|на|от|у|для|в|во)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
DENIED_SPAN = 24  # characters before the focal state's name searched for its denial


def denied_side(text: str, hit: Hit) -> bool:
    """``hit`` (a state's name) is denied as a side right before it (reforms lean on Russia,
    but not on China; без Китая; 不包括中国)."""
    return _DENIED.search(text, max(0, hit.start - DENIED_SPAN), hit.start) is not None


@dataclass(frozen=True)
class _Sides:
    """Who an item's lead names (not as places, not inside a framework's or an issue's name)."""

    focal: bool  # the focal state
    others: frozenset[str]  # states from outside the region
    partner: bool  # a partner state, the region's group or a partner's capital as the venue
    partners: frozenset[str]  # the partner states (not as places)
    framework: bool  # a regional framework (the study's anchor weights)
    outside_body: bool  # a body of other states (the CSTO)
    multilateral: bool  # another multilateral format (Afghanistan's neighbours), not such a body
    # a partner state is named, but only as the home of private people (Kazakh families,
    # residents of Almaty, граждане Казахстана, 哈萨克斯坦家庭): no state as a side
    people_only: bool = False


def _lead_sides(
    hits: list[Hit], text: str, res: Resources, lead: int, own_names: bool = False
) -> _Sides:
    """Who the lead (up to ``lead``) names as sides; with ``own_names`` a state named by a
    topic's indicator that is its own name (Афганистана: the afghanistan topic) is a side too,
    a state inside a longer name is not (阿富汗问题, the Afghan issue)."""
    partners, focal_code = res.study.partner_set, res.study.focal
    # a state inside a framework's or an issue's name (阿富汗邻国外长会, the Afghan issue) is
    # talked about, not a side
    names = [h for h in hits if h.payload[0] in ("topic", "framework") and h.start < lead]
    focal = partner = framework = outside_body = acting = False
    others: set[str] = set()
    named: set[str] = set()
    for hit in (h for h in hits if h.start < lead):
        kind, value = hit.payload
        if _framework_of(hit, res) in res.study.anchor_weights:
            framework = True
        elif kind == "institution" and _outside_body(res.gazetteer.institutions[value]):
            outside_body = True
        if any(
            n.start <= hit.start
            and hit.end <= n.end
            and n is not hit
            and (not own_names or n.end - n.start > hit.end - hit.start)
            for n in names
        ):
            continue
        if kind in ("state", "listed", "example") and named_only(text, hit):
            continue  # a dateline (МОСКВА, 21 авг —), a border's or a route's side
        if kind in ("state", "listed", "example") and media_of(text, hit):
            continue  # a state's media as a report's source (据哈萨克斯坦媒体报道)
        if own_names and kind == "topic" and _DE_FACTO.fullmatch(hit.term):
            # the de facto authorities named by their movement (the Taliban, 塔利班, талибы):
            # a side from outside the region (Tajik and Taliban border officials meet)
            others.add(_DE_FACTO_STATE)
            continue
        state = state_of(hit, res)
        place = _PLACE_BEFORE.search(text, max(0, hit.start - 8), hit.start) is not None
        if names_focal(hit, res) and outlet_name(text, hit):
            continue  # a news outlet's name in the source line (中国新闻网, China Daily)
        if own_names and names_focal(hit, res) and _influence_of(text, hit):
            continue  # whose influence is talked about (to counter China's growing clout)
        if names_focal(hit, res) and denied_side(text, hit):
            continue  # the side the lead says is not one (lean on Russia, but not on China)
        if names_focal(hit, res):
            focal = True  # (中哈, 中巴: a pair's short form names the focal state and the other)
        if state in partners or kind in _GROUPS or (kind == "venue" and value in partners):
            partner = True
            acting = acting or not (
                kind in ("state", "listed", "example", "whereabouts") and people_of(text, hit)
            )
            if (
                state is not None
                and kind != "venue"
                and not place
                and not (own_names and _PEOPLE_FROM.search(text, max(0, hit.start - 80), hit.start))
            ):
                named.add(state)
        elif (
            kind in ("state", "listed", "example", "official", "institution")
            and state is not None
            and state != focal_code
            and not place
        ):
            others.add(state)
    bodies = [
        h
        for h in hits
        if h.start < lead
        and h.payload[0] == "institution"
        and _outside_body(res.gazetteer.institutions[h.payload[1]])
    ]
    multilateral = any(
        h.start < lead
        and h.payload[0] == "framework"
        and h.payload[1] not in res.study.anchor_weights
        and h.payload[1] not in _NOT_MULTILATERAL  # (两国军队, bilateral: two sides, no format)
        and not any(b.start <= h.start < b.end for b in bodies)
        and not _occasion(text, h)  # 在联合国大会期间与..., on the sidelines of the UN
        for h in hits
    )
    return _Sides(
        focal,
        frozenset(others),
        partner,
        frozenset(named),
        framework,
        outside_body,
        multilateral,
        partner and not acting,
    )


# private people of a state named with it (families, relatives, citizens, residents: 家庭, 亲属,
# граждане, жители, семьи): whose home the state is, not a side
_PEOPLE_AFTER = re.compile(
    r"(?:籍)?(?:家庭|家属|亲属|公民|居民|侨民|留学生|游客|务工人员)|"
    r"(?:'s|’s)?\s+(?:families|relatives|residents|citizens|nationals|students|tourists|"
    r"migrants|diaspora)(?![^\W\d_])",
    re.IGNORECASE,
)
_PEOPLE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:families|relatives|residents|citizens|nationals|students|tourists|"
    r"migrants|diaspora)\s+(?:(?:living|based|resident)\s+)?(?:in|from|of)\s+(?:the\s+)?$|"
    r"(?<![^\W\d_])(?:граждан|семь|семей|родственник|жител|студент|турист|мигрант|диаспор)"
    r"\w*\s+(?:из\s+)?$",
    re.IGNORECASE,
)
PEOPLE_SPAN = 40  # characters searched back from a state's name for its people's word


# the focal state's people (its citizens, workers, engineers, diplomats: 中国公民, китайские
# рабочие, граждане КНР, Chinese nationals): whom a partner's incident may befall, which makes
# the focal state a side of it (citizen protection), unlike its goods or firms
_FOCAL_PEOPLE_AFTER = re.compile(
    r"(?:籍)?(?:公民|工人|员工|人员|同胞|游客|留学生|工程师|司机|务工)|"
    r"(?:'s|’s)?\s+(?:[^\W\d_]+\s+)?(?:workers|citizens|nationals|engineers|employees|staff|"
    r"diplomats|tourists|students|builders|drivers|truckers|miners)(?![^\W\d_])|"
    r"\s+(?:[^\W\d_]+\s+)?(?:рабоч|граждан|специалист|сотрудник|инженер|строител|работник|"
    r"дипломат|турист|студент|водител|горняк)",
    re.IGNORECASE,
)
_FOCAL_PEOPLE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:citizens|nationals|workers|employees)\s+(?:of|from)\s+(?:the\s+)?$|"
    r"(?<![^\W\d_])(?:граждан|подданн|работник|сотрудник|рабоч|специалист)\w*\s+(?:из\s+)?$",
    re.IGNORECASE,
)


# the focal state's organs or side named with it (Посольство КНР, правительства Китая,
# китайская сторона, китайские коллеги, the Chinese government, 中国政府, 中国驻...使馆), or its
# name after a companion's preposition (провели учение с Китаем, together with China): the
# state acting in the event, not its goods or firms
_ORGAN_BEFORE = re.compile(
    r"(?:посольств|консульств|правительств|министерств|ведомств|руководств|посл[аоуе]?|"
    r"МИД|власт)\w*(?:\s+[^\W\d_]+){0,2}\s+$|"
    r"(?<![^\W\d_])(?:embassy|consulate|government|ambassador|authorities|ministry)"
    r"(?:\s+[^\W\d_]+){0,2}\s+of\s+(?:the\s+)?$|"
    r"(?<![^\W\d_])(?:вместе\s+)?(?:с|со)\s+$|(?<![^\W\d_])(?:together\s+)?with\s+$|(?:同|与)$",
    re.IGNORECASE,
)
_ORGAN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:embassy|consulate|government|ambassador|side|authorities|counterparts?|"
    r"colleagues|leadership|foreign\s+ministry|diplomats?)(?![^\W\d_])|"
    r"\s+(?:посольств|консульств|правительств|сторон|власт|коллег|партн[её]р|дипломат|военн|"
    r"пограничник|полицейск|силовик|инструктор|посол|МИД)|"
    r"(?:政府|驻|使馆|大使|方面|外交部|警方|军方|同行)",
    re.IGNORECASE,
)
ORGAN_SPAN = 40  # characters searched back from the focal state's name for its organ's word


def _focal_acts(text: str, hit: Hit, lo: int) -> bool:
    """``hit`` (the focal state's name, its sentence from ``lo``) is named as its organ, its
    side or a companion in the event."""
    return bool(
        _ORGAN_AFTER.match(text, hit.end)
        or _ORGAN_BEFORE.search(text, max(lo, hit.start - ORGAN_SPAN), hit.start)
    )


# event kinds that alone report no security matter: a document or body, a gathering
_NOT_SECURITY_EVENTS = frozenset(("mechanism", "meeting"))
# security or defence named as such (中吉安全合作, security ties, оборонное сотрудничество)
_SECURITY_NAMED = re.compile(
    r"安全|军事|防务|国防|(?<![^\W\d_])(?:security|defen[cs]e|military)(?![^\W\d_])|"
    r"безопасност|оборон|военн",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"[?？]")
QUESTION_SPAN = 300  # characters after an event's lead searched for a question mark
_SECURITY_OFFICES = frozenset(
    ("law_enforcement", "state_security", "border_guard", "judicial", "paramilitary", "military")
)


def _own_security_act(hits: list[Hit], start: int, end: int) -> bool:
    """The lead (``start``-``end``) names a security office or an incident, and no event that
    takes two sides (a meeting, an exercise, an operation, a handover, a new outpost)."""
    security = False
    for hit in hits:
        if not start <= hit.start < end:
            continue
        kind, value = hit.payload
        if kind == "event_kind":
            if value != "incident":
                return False
            security = True
        elif kind == "domain" and value in _SECURITY_OFFICES:
            security = True
    return security


def _befalls_people(text: str, hit: Hit) -> bool:
    """``hit`` (the focal state's name) names whose people (citizens, workers) are meant."""
    return bool(
        _FOCAL_PEOPLE_AFTER.match(text, hit.end)
        or _FOCAL_PEOPLE_BEFORE.search(text, max(0, hit.start - PEOPLE_SPAN), hit.start)
    )


def people_of(text: str, hit: Hit) -> bool:
    """``hit`` (a partner state's name, adjective or capital) names whose private people they
    are (Kazakh families, residents of Almaty, граждане Кыргызстана, 哈萨克斯坦家庭): their home,
    not the state as a side of an event."""
    return bool(
        _PEOPLE_AFTER.match(text, hit.end)
        or _PEOPLE_BEFORE.search(text, max(0, hit.start - PEOPLE_SPAN), hit.start)
    )


def _sentence(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``position`` within (start, end), at most SENTENCE_SPAN characters
    either side."""
    lo = max(start, position - SENTENCE_SPAN)
    for match in _SENTENCE_BREAK.finditer(text, lo, position):
        lo = match.end()
    stop = _SENTENCE_BREAK.search(text, position, min(end, position + SENTENCE_SPAN))
    return lo, (stop.end() if stop else min(end, position + SENTENCE_SPAN))


def _without_joined(
    background: list[tuple[int, int]], focal: list[Hit], named: list[Hit], text: str
) -> list[tuple[int, int]]:
    """``background`` without the sentences where the focal state (``focal``) is joined to a
    partner state or the region's group name (``named``) by 同, 与, 和, and, with, и, с: the two
    sides of one clause (Китай и страны Центральной Азии вместе борются с терроризмом)."""
    focal = sorted(focal, key=lambda h: h.start)
    named = sorted(named, key=lambda h: h.start)
    focal_at = [h.start for h in focal]
    named_at = [h.start for h in named]

    def joined(lo: int, hi: int) -> bool:
        sides = focal[bisect.bisect_left(focal_at, lo) : bisect.bisect_left(focal_at, hi)]
        if not sides:
            return False
        others = named[bisect.bisect_left(named_at, lo) : bisect.bisect_left(named_at, hi)]
        return any(
            (f.end <= p.start and _JOINED.fullmatch(text, f.end, p.start) is not None)
            or (p.end <= f.start and _JOINED.fullmatch(text, p.end, f.start) is not None)
            for f in sides
            for p in others
        )

    return [span for span in background if not joined(*span)]


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """``position`` inside one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _clause_start(text: str, position: int) -> int:
    lo = max(0, position - CLAUSE_SPAN)
    for match in _CLAUSE_BREAK.finditer(text, lo, position):
        lo = match.end()
    return lo


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _framework_of(hit: Hit, res: Resources) -> str | None:
    kind, value = hit.payload
    if kind == "framework":
        return str(value)
    if kind == "institution":
        return res.gazetteer.institutions[value].framework
    return None
