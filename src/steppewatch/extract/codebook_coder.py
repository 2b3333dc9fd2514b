"""The default coder: codebook indicators and gazetteer names matched in the document's own
language, scoped to the passages that concern the focal state's engagement with the region.

Per item (see ``segment.py``):
1. anchors: mentions of a partner state of the study (its names, officials, institutions, the
   region's group names such as 中亚国家 - weaker when not joined to the focal state), of a
   regional framework (the study's ``anchor_weight``: C5+China 1; SCO and CICA count for less,
   and less again when only states from outside the region are named with them) or of the
   focal state's western military build-up. A capital named as a venue (在阿斯塔纳,
   in Bishkek) is no anchor (see ``coder_entities.py``). A first pass over the whole text with
   a small automaton finds them; items without one are coded as not relevant without running
   the full matcher.
2. scope: a short item (a question with its answer, a readout) is one passage, an announcement
   list (一、... 二、...) one passage per entry; in a long item the passage is the anchor's
   sentence with ``window`` sentences either side.
3. relevance: the focal state (the study's; PRC by default) must be named in the passage (not
   as an observer), or the passage's lead names a session of a body of a framework whose
   members the study implies (an SCO council); then
   ``score = anchor weight * (1 - 0.4 ** S)`` where ``S`` sums the weights of the distinct
   security codes found (topics, domains, security event kinds and meeting levels, see
   ``SECURITY_WEIGHTS``; COVID aid, elections and economic talks weigh nothing; an incident
   that harms the focal state's people, firms or name weighs ``INCIDENT_FOCAL_WEIGHT``) plus
   ``SCO_MEETING_WEIGHT`` for a meeting of an SCO or CICA body named as such (not of a
   sector's ministers: trade, transport); relevant if ``score >= threshold`` (0.65, chosen on
   gold/dev.jsonl). Sentences about a third state's doing, or about partner states acting
   without the focal state, code nothing (``without_third_party``). A passage above the
   threshold stays relevant only when the focal state takes part outside sentences of
   background and a partner state takes part with it, not only named (``coder_relevance``);
   otherwise its score is multiplied by ``NAMED_ONLY_FACTOR``; so it is when its security
   matter is reported only in sentences that name no side (no partner state, the region's
   group, a framework, nor the two sides acting together) while the item's lead reports no
   event of the sides (``_security_with_sides``: Xinjiang's counter-terrorism in an item on a
   partner's citizen held there). So is a passage of an item
   whose lead reports an economic sector's event (trade, energy, an expo, tourists, visas, the
   premiers' talks or regular meeting) with no security named there, or analysts' (a think-tank forum, a
   research report) with no security event or office there, or safety at work (安全生产, охрана
   труда) with no security event there, unless the passage reports a security event or office
   of its own (``_talk_lead``, ``_security_event``; the dead and hurt of an accident are no
   attack; in an economic item or a notice, an event of a sentence that speaks of another
   time, one recalled or of an earlier year, is none of its own: ``_Recalled``). A framework's meeting recalled in a sentence of background (In the past year,
   officials have met in the SCO) is no meeting of the item. So is a passage of a notice to the public
   (an embassy's reminder to its citizens, a customs or border-crossing notice: its title)
   unless it reports a security event of its own, and of an item whose lead reports a
   partner's own law-enforcement case (goods seized or smuggled, bribes) with none of the
   focal state's officials or agencies and no joint work named (``coder_relevance``:
   ``public_notice``, ``domestic_case``). A news outlet named after the focal state (中国新闻网,
   China Daily) is no side, nor is the focal state's ministry after another state's
   one-character short form (哈国防部). The PRC's firms or investors only named
   weigh nothing as security without an incident or a security firm (``FIRMS_NAMED``); a
   list of other items' headlines at the foot (Related news:, 【相关新闻】) and the PRC's
   ministry named after another state's (俄罗斯国防部) are dropped first.
4. codes of relevant items come from the hits in their relevant passages, each with evidence,
   by the rules of ``coder_rules.py`` (one small function each): framework (not a gathering
   named as a meeting's occasion: on the sidelines of, ahead of or after the SCO summit);
   countries taking part
   (named - not observers, third-party borders, lists of third parties, nor states given as
   examples when another partner takes part, see ``coder_entities.enumerations`` - plus every
   member at the item's date of
   a meeting of a framework the study marks ``implied_members`` (SCO, C5+China), with evidence
   whose ``basis`` says ``membership``; states from outside the region only in a multilateral
   framework, and only its members where the study lists them; a venue's host when no other
   partner state is named; none for the focal state's build-up at home but a partner shown
   taking part with it; commentary, an item reporting no event, codes the states it
   discusses, examples too; on a page of several items, the states no name brings in -
   members, a venue's host, a group's members - of an item reporting no event are not the
   page's when another item reports one); kinds per event mention (the
   main one by a lead-weighted score, plus an agreement signed or equipment handed over at a
   meeting, a facility opened there or a joint patrol its lead reports - not the meeting's
   own minutes or communique, a document recalled, a meeting to come, nor equipment only
   pledged, offered or given over the years, but items handed over at a facility's ceremony;
   an operation done jointly with the other side's officers (совместно с ... проведена
   операция: ``coder_phrases``); no event from a Xinjiang training-centre name, from medical aid, from a word
   negated, discussed or naming what a document is about, or from a question asking to confirm
   a report, relaying a request or asking yes or no); level from the offices named as such (an
   aide's title is not the office) or the officials' offices at the item's date, those of the
   meeting's own sentence first; topics (the three-evils formula codes three_evils only;
   what a word of security or protection governs codes each object's topic, the security of
   citizens, enterprises, joint projects and borders, in Chinese the nouns before 安全:
   ``coder_protected``; people's hostility aimed at the focal state's workers or firms codes
   anti_china_sentiment: ``coder_hostility``; the focal state's security
   firms abroad carry investment_security: ``coder_rules.KIND_TOPICS``),
   domains (from the sentences about the cooperation; not military-political confidence
   measures, where someone once served, nor the army's border work as border guards:
   ``coder_sectors``), actors; then date and location (the
   venue named in the relevant passages, else the dateline; see ``locations.py``). A sentence about a
   third state's doing (the US giving equipment) codes nothing (``without_third_party``).
5. every evidence gets a calibrated ``confidence`` (``calibration.py``).
6. the learned topic layer (``learned_topics.py``, weights shipped as JSON, plain-Python
   inference) withholds a topic the indicators found when the coder's own reading of the
   document's relevant items makes it unlikely (a border marker seen on a patrol is no
   demarcation); the withheld topic's span stays as evidence ``topic_withheld`` with the layer's
   probability as its confidence. It never adds a topic, and is off for a codebook whose
   indicators differ from those it was fitted for (``topic_layer=False`` turns it off).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from steppewatch.extract.calibration import load_calibration
from steppewatch.extract.coder_academic import academic_gathering
from steppewatch.extract.coder_assault import assault_mentions
from steppewatch.extract.coder_background import (
    absent_side,
    another_time,
    background_sentences,
    event_year,
    lead_end,
    lead_start,
    map_sentence,
    neighbour_named,
    note_start,
)
from steppewatch.extract.coder_bystanders import said_not_to_take_part
from steppewatch.extract.coder_captions import without_captions
from steppewatch.extract.coder_entities import (
    OBSERVER,
    SENTENCE_END,
    aid_transport,
    ambiguous_names,
    border_adjective,
    clean_entities,
    enumerations,
    focal_in_others_list,
    named_only,
    not_participant,
    numbered_entries,
)
from steppewatch.extract.coder_home import dateline_partner, home_offices
from steppewatch.extract.coder_hostility import hostile_acts
from steppewatch.extract.coder_phrases import (
    contest_mentions,
    document_mentions,
    drill_mentions,
    held_mentions,
    operation_mentions,
    persons_mentions,
    summons_mentions,
    transfer_mentions,
)
from steppewatch.extract.coder_protected import protected_objects, protected_objects_zh
from steppewatch.extract.coder_relevance import (
    Engagement,
    _within,
    denied_side,
    domestic_case,
    event_lead,
    item_lead,
    other_pair_lead,
    outlet_name,
    people_of,
    public_notice,
    route_end,
    staff_free_lead,
    staff_led,
    staff_names,
)
from steppewatch.extract.coder_resources import BORDER_CAPACITY
from steppewatch.extract.coder_resources import Resources as _Resources
from steppewatch.extract.coder_resources import load_resources as _resources
from steppewatch.extract.coder_resources import state_of as _state_of_hit
from steppewatch.extract.coder_rules import (
    _CLAUSE_BREAK,
    _PLACE_BEFORE,
    _SENTENCE,
    _TAKING_PART,
    LEAD,
    UNILATERAL_KINDS,
    _any_in,
    _sentence_of,
    assign_codes,
    names_focal,
    search_off_menu,
    unconfirmed_item,
    without_third_party,
)
from steppewatch.extract.coder_second_events import training_mentions
from steppewatch.extract.dates import infer_page_date
from steppewatch.extract.event_dates import assign_date
from steppewatch.extract.learned_topics import TopicLayer, codebook_fingerprint, load_topic_layer
from steppewatch.extract.locations import FIELD_KINDS, assign_location
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument, CodedItem, CoderInfo, new_item
from steppewatch.extract.normalise import normalise_for_matching
from steppewatch.extract.prefilter import Guarded
from steppewatch.extract.registry import register_coder
from steppewatch.extract.segment import segment_text

__all__ = ["CodebookCoder", "SECURITY_WEIGHTS"]


# How much a code says "this passage is about security" (codes not listed count 1.0 for topics
# and domains, 0 for other schemes).
SECURITY_WEIGHTS: dict[tuple[str, str], float] = {
    # concerns that, alone, are not security engagement (gold set: COVID aid, elections and
    # congratulations, economic talks are not relevant)
    ("topic", "public_health"): 0.0,
    ("topic", "economic_decline"): 0.0,
    ("topic", "leadership_transition"): 0.0,
    ("topic", "religion"): 0.2,
    ("topic", "regime_stability"): 0.3,
    ("topic", "citizen_protection"): 0.4,
    ("topic", "information_security"): 0.7,
    ("topic", "afghanistan"): 0.5,  # often just the country named in a list
    ("topic", "arms_control_cbm"): 0.6,
    ("topic", "investment_security"): 0.7,
    ("domain", "emergency"): 0.2,
    ("event_kind", "multilateral_exercise"): 1.0,
    ("event_kind", "bilateral_exercise"): 1.0,
    ("event_kind", "joint_patrol_operation"): 1.0,
    ("event_kind", "equipment_transfer"): 0.4,
    ("event_kind", "private_security"): 1.0,
    ("event_kind", "domestic_capacity"): 0.5,
    ("event_kind", "training_education"): 0.3,
    ("event_kind", "infrastructure"): 0.3,
    ("event_kind", "incident"): 0.4,
    ("event_kind", "mechanism"): 0.1,
    ("meeting_level", "defence_minister"): 1.0,
    ("meeting_level", "interior_public_security"): 1.0,
    ("meeting_level", "security_council"): 1.0,
    ("meeting_level", "state_security_intelligence"): 1.0,
    ("meeting_level", "border_guard_chief"): 1.0,
    ("meeting_level", "chief_of_general_staff"): 1.0,
}
# indicator terms that name the issue, not just the country (阿富汗问题 "the Afghan issue" vs
# 阿富汗 in a list of states), lower case: a passage with one weighs the code like any topic
ISSUE_TERMS: dict[tuple[str, str], frozenset[str]] = {
    ("topic", "afghanistan"): frozenset(
        {
            "阿富汗问题",
            "阿富汗局势",
            "阿富汗邻国",
            "afghan issue",
            "afghanistan issue",
            "situation in afghanistan",
            "afghan situation",
            "afghan peace process",
            "афганской проблем",
            "афганская проблем",
            "ситуации в афганистане",
            "ситуация в афганистане",
            "ситуацию в афганистане",
            "ситуацией в афганистане",
            "афганского урегулирования",
            "афганскому урегулированию",
        }
    ),
}
# topics that say an incident harmed the focal state's citizens, firms or name
FOCAL_HARM = frozenset(
    {
        ("topic", "citizen_protection"),
        ("topic", "investment_security"),
        ("topic", "anti_china_sentiment"),
    }
)
INCIDENT_FOCAL_WEIGHT = 1.0
# the emergency domain with an act of cooperation in the same passage (equipment handed to a
# rescue service, rescuers trained, a joint rescue drill) weighs as this
_EMERGENCY = ("domain", "emergency")
_PUBLIC_HEALTH = ("topic", "public_health")
_EMERGENCY_WORK = frozenset(
    {
        ("event_kind", "equipment_transfer"),
        ("event_kind", "training_education"),
        ("event_kind", "bilateral_exercise"),
        ("event_kind", "multilateral_exercise"),
    }
)
EMERGENCY_WORK_WEIGHT = 0.8
_MEETING = ("event_kind", "meeting")
EMERGENCY_MINISTERS_WEIGHT = 2.0
# an emergency ministry or its minister named (Ministry of Emergency Management, emergencies
# minister, МЧС, министр по чрезвычайным ситуациям, 应急管理部): the agency, not the field
_EMERGENCY_AGENCY = re.compile(r"ministr|министр|мчс|应急管理部|紧急情况部", re.IGNORECASE)
AGENCY_SPAN = 30  # characters before an emergency word searched for its ministry's
# topics whose indicators include the focal state's firms only named (Chinese-owned, 中资企业):
# they weigh as security only through a term with a security word, or with an incident
FIRMS_NAMED = frozenset({("topic", "investment_security")})
_SECURITY_WORD = re.compile(
    r"安全|保护|保障|secur|protect|safe|безопасн|защит|охран", re.IGNORECASE
)
# energy security (of supplies: gas, power, the continent's) is an economic concern, not the
# security of the focal state's firms or projects: alone, it makes no passage security
_ENERGY_SUPPLY = re.compile(
    r"energy\s+security|энергетическ\w*\s+безопасност|能源安全", re.IGNORECASE
)
# incident words that only count the dead and hurt (an accident has them too): no sign of harm
# done to the focal state's people
CASUALTY_TERMS = frozenset(
    {
        "伤亡",
        "遇难",
        "受伤",
        "killed",
        "injured",
        "wounded",
        "погиб",
        "ранен",
        "пострадал",
        "пострадавш",
        "incident*",
        "инцидент",
    }
)
OUTSIDE_ONLY_FACTOR = 0.7
GROUP_OTHER_WEIGHT = 0.5  # a group name (中亚国家) not joined to the focal state
BASE_WEIGHT = 1.2  # topics and domains not listed above
# An SCO meeting (other than the heads-of-government council, which is economic) is security
# engagement in itself: the SCO is a security organisation.
SCO_MEETING_WEIGHT = 2.0
# frameworks whose meetings are security engagement in themselves: the SCO (a security
# organisation) and CICA (confidence-building measures in Asia)
SECURITY_FRAMEWORKS = ("SCO", "CICA")
SCO_MEETING_SPAN = 30  # characters between the SCO term and the meeting term
SCO_MEETING_SPAN_HAN = 10
SCO_MEETING_CHAIN = 90  # characters: a meeting term before the framework's name in its clause

SHORT_ITEM = 2500  # characters: an item this short is one passage
# a passage where no partner state is shown taking part with the focal state scores this share
# of its score (below the threshold: the focal state only named, or a partner only in passing)
NAMED_ONLY_FACTOR = 0.5


@dataclass
class _Passage:
    start: int
    end: int
    anchor: float
    hits: list[Hit]


@register_coder("steppewatch.codebook_coder.v1")
class CodebookCoder:
    """Rule-based coder driven by the codebook's indicators, the gazetteer and the study
    (``study``: a ``Study``, a study file or a bundled study's name; default: the bundled
    default study)."""

    name = "steppewatch.codebook_coder.v1"
    version = "1.0.0"

    def __init__(
        self,
        codebook_path: str | None = None,
        threshold: float = 0.65,
        window: int = 1,
        study: Any = None,
        calibration_path: str | None = None,
        topic_layer: bool = True,
    ) -> None:
        self.codebook_path = codebook_path
        self.calibration_path = calibration_path  # default: the shipped calibration
        # the learned topic layer (learned_topics.py): on when its weights were fitted for
        # this codebook's indicators
        self.topic_layer = topic_layer
        self.threshold = threshold
        self.window = window
        self.study = study

    def _resources(self) -> _Resources:
        cached: _Resources | None = getattr(self, "_resources_", None)
        if cached is None:
            from steppewatch.study import resolve_study

            cached = _resources(self.codebook_path, resolve_study(self.study))
            self._resources_ = cached
        return cached

    def _topic_layer(self, res: _Resources) -> TopicLayer | None:
        if not self.topic_layer:
            return None
        cached: tuple[TopicLayer | None] | None = getattr(self, "_topic_layer_", None)
        if cached is None:
            layer = load_topic_layer()
            if layer is not None and layer.fingerprint != codebook_fingerprint(res.codebook):
                layer = None  # fitted for other indicators: the indicators alone decide
            cached = self._topic_layer_ = (layer,)
        return cached[0]

    def fit(self, examples: Iterable[Any] = ()) -> CodebookCoder:
        """Nothing to learn: the indicators are the model. Returns self."""
        return self

    # -- public -------------------------------------------------------------------------
    def code(self, document: Any) -> CodedDocument:
        res = self._resources()
        text: str = document.text or ""
        normal = normalise_for_matching(text)
        reference = document.published
        # (a page with no date of its own: its dateline's day, the year from the text, for the
        # event's date and place only; read once, for the first item that needs it)
        dating: list[str | None] = [reference] if reference else []
        items: list[CodedItem] = []
        calibration = load_calibration(self.calibration_path)
        segments = segment_text(text)
        anchor_hits = enumerations(
            clean_entities(
                res.anchor_hits(normal, document.language), res.cities, normal, res.study
            ),
            text,
            res.study,
        )
        starts = [h.start for h in anchor_hits]
        for index, segment in enumerate(segments):
            lo = bisect.bisect_left(starts, segment.start)
            hi = bisect.bisect_left(starts, segment.end)
            # (``new_item``: the model's fields filled without validation, half the cost of
            # validating them; a press conference has dozens of items)
            item = new_item(index, segment.start, segment.end, segment.title)
            if hi > lo:
                self._code_item(item, text, normal, res, reference, dating)
                calibration.apply(item)
            items.append(item)
        layer = self._topic_layer(res)
        if layer is not None and any(i.relevant for i in items):
            layer.apply(items, res.study.focal)
        coded = CodedDocument(
            start=0,
            end=len(text),
            source=document.source,
            url=getattr(document, "url", None),
            title=getattr(document, "title", None),
            language=getattr(document, "language", None),
            published=reference,
            encoding=getattr(document, "encoding", None),
            text=text,
            codebook_version=res.codebook.version,
            coder=CoderInfo(name=self.name, version=self.version),
        )
        _summarise(coded, items, res)
        return coded

    # -- one item -----------------------------------------------------------------------
    def _code_item(
        self,
        item: CodedItem,
        text: str,
        normal: str,
        res: _Resources,
        reference: str | None,
        dating: list[str | None] | None = None,
    ) -> None:
        hits = summons_mentions(
            document_mentions(
                transfer_mentions(
                    aid_transport(
                        ambiguous_names(
                            enumerations(
                                clean_entities(
                                    _with_objects(
                                        res.matcher.hits(normal, item.start, item.end),
                                        normal,
                                        item.start,
                                        item.end,
                                    ),
                                    res.cities,
                                    normal,
                                    res.study,
                                ),
                                text,
                                res.study,
                            ),
                            res.gazetteer.ambiguous,
                        ),
                        normal,
                        item.start,
                        item.end,
                    ),
                    normal,
                    item.start,
                    item.end,
                ),
                normal,
                item.start,
                item.end,
            ),
            normal,
            item.start,
            item.end,
        )
        hits = persons_mentions(
            operation_mentions(hits, normal, item.start, item.end), normal, item.start, item.end
        )
        hits = assault_mentions(
            held_mentions(hits, normal, item.start, item.end), normal, item.start, item.end
        )
        hits = drill_mentions(
            contest_mentions(hits, normal, item.start, item.end), normal, item.start, item.end
        )
        hits = training_mentions(hits, normal, item.start, item.end)
        # a paragraph headed Справка. / Background: reports no event; a list headed Related
        # news: / 【相关新闻】 names other items' events
        note = note_start(text, item.start, item.end)
        if note < item.end:
            hits = [h for h in hits if h.start < note]
        # a digest's table of contents (In this issue: ...; В номере: ...; 本期导读：...) names
        # its entries' events, which the entries report themselves
        teaser = _TEASER.search(text, item.start, min(item.end, item.start + TEASER_SPAN))
        if teaser is not None:
            line_end = text.find("\n", teaser.end(), item.end)
            line_end = item.end if line_end < 0 else line_end
            hits = [h for h in hits if not teaser.start() <= h.start < line_end]
        # a photo's copyright line or an archive picture's caption (coder_captions)
        hits = without_captions(hits, text, item.start, item.end)
        hits = _without_talks_verb(_without_operation_safety(hits, text), text)
        hits = without_third_party(
            _focal_observer(_others_institutions(hits, text, res), text, res, item), text, res
        )
        hits = [h for h in hits if _own_buildup(h, hits, text, res, item)]
        hits = _without_partner_firms(hits, text, res)
        # a framework's secretary-general (上合组织秘书长叶尔梅克巴耶夫): its staff, no meeting of
        # its members' bodies, and he speaks for no state
        staff = staff_names(hits, text, res)
        led_by_staff = bool(staff) and staff_led(staff, hits, text, res, item.start, item.end)
        if staff:
            # (he stays an actor of a members' meeting he attends, where his state is a member
            # anyway; in his own business his name is no state's)
            hits = [
                h
                for h in hits
                if h not in staff or (not led_by_staff and h.payload[0] == "official")
            ]
        # an office named with no state under a partner's dateline (БИШКЕК. Министр внутренних
        # дел принял посла КНР): the dateline's state's
        hits = home_offices(hits, text, res, item.start)
        passages = self._passages(item, text, hits, res)
        if not passages:
            return
        best = max(passages, key=lambda p: p.anchor)
        sector = _talk_lead(hits, text, item.start)
        notice = public_notice(text, item.start)
        case = domestic_case(hits, text, res, item.start, item.end)
        recalled = _Recalled(text, item.start, item.end, reference)
        lead_facts: _LeadFacts | None = None  # read once, for the first passage that needs it
        score = 0.0
        relevant_passages: list[_Passage] = []
        engagement: Engagement | None = None  # read once, for the first passage that needs it
        for passage in _or_whole(passages, relevant_passages, item, text, hits, res):
            passage_score = _score(passage, res, text)
            if passage_score >= self.threshold:
                if engagement is None:
                    engagement = Engagement(hits, text, res, item.start, item.end, reference)
            if (
                engagement is not None
                and passage_score >= self.threshold
                and not _engaged(passage, res, text, engagement)
                and not _harm_under_dateline(passage, hits, text, res, item.start)
                and not _harm_in_partner_lead(passage, hits, text, res, item.start, recalled)
            ):
                # the focal state takes part, but no partner state is shown taking part with it
                passage_score *= NAMED_ONLY_FACTOR
            elif (
                passage_score >= self.threshold
                and not _security_with_sides(
                    passage,
                    text,
                    res,
                    lead_facts := lead_facts
                    or _lead_facts(hits, text, item.start, engagement, res),
                )
                and not _harm_in_partner_lead(passage, hits, text, res, item.start, recalled)
            ):
                # its security matter is reported only in sentences naming no partner and not
                # the two sides (Xinjiang's counter-terrorism in an answer naming Kazakh
                # relatives): no security engagement of the two
                passage_score *= NAMED_ONLY_FACTOR
            elif (
                sector
                and passage_score >= self.threshold
                and not _security_event(
                    passage, text, recalled=recalled if sector == _ECONOMIC_LEAD else None
                )
                and not (
                    sector == _ECONOMIC_LEAD
                    and (
                        _sides_agree_on_security(passage, text, recalled)
                        or _agencies_pact(passage, text, recalled)
                    )
                )
                and not (
                    # (officials' talks on an analysts' forum's sidelines, the sides agreeing on
                    # security there: the states' own event, not the scholars')
                    sector == _ANALYSTS_LEAD
                    and any(h.payload == _MEETING and not recalled(h.start) for h in passage.hits)
                    and _sides_agree_on_security(passage, text, recalled)
                )
            ):
                # an item on trade, energy, tourism or visas, or analysts': a security word is
                # in passing
                passage_score *= NAMED_ONLY_FACTOR
            elif (
                notice
                and passage_score >= self.threshold
                and not _security_event(passage, text, offices=False, recalled=recalled)
                and not _notice_meeting(passage, text, res, recalled)
            ):
                # a notice to the public (an embassy's reminder, a customs or border-crossing
                # announcement): the office issuing it is no event
                passage_score *= NAMED_ONLY_FACTOR
            elif case and passage_score >= self.threshold:
                # a partner's own law-enforcement case: the focal state only where goods come
                # from or a firm's home
                passage_score *= NAMED_ONLY_FACTOR
            elif (
                led_by_staff
                and passage_score >= self.threshold
                and not _digest_entry(passage, text, item)
            ):
                # a framework's secretary-general's own business (an audience, a statement)
                passage_score *= NAMED_ONLY_FACTOR
            elif (
                passage_score >= self.threshold
                and engagement is not None
                and not (
                    lead_facts := lead_facts or _lead_facts(hits, text, item.start, engagement, res)
                ).security
                and _recalled_only(passage, res, text, recalled, self.threshold)
            ):
                # its security is an event recalled from another time under a lead that names
                # no security (the two states' drill of 2019 on a page about a culture centre):
                # background, not the item's event (a commentary on the two states' security
                # cooperation of recent years names it in its head)
                passage_score *= NAMED_ONLY_FACTOR
            score = max(score, passage_score)
            if passage_score >= self.threshold:
                relevant_passages.append(passage)
        item.relevance_score = round(score, 3)
        item.relevant = bool(relevant_passages)
        scope = relevant_passages or [best]
        scoped: dict[tuple[int, int, Any], Hit] = {}
        for passage in scope:
            for hit in passage.hits:
                scoped[(hit.start, hit.end, hit.payload)] = hit
        scoped_hits = sorted(scoped.values(), key=lambda h: h.start)
        # the site's masthead, menu and rubric above the title (Интерфакс-Казахстан | Политика
        # | ...; AKIpress | Кыргызстан | Центральная Азия) name its sections, no side of an event
        # (they still count for relevance, as the page's own place)
        begin = lead_start(text, item.start, item.end)
        if begin > item.start:
            scoped_hits = [h for h in scoped_hits if h.start >= begin]
            item_hits = [h for h in hits if h.start >= begin]
        else:
            item_hits = hits
        assign_codes(
            item,
            text,
            scoped_hits,
            res,
            reference,
            item_hits=item_hits,
            spans=[(p.start, p.end) for p in scope],
        )
        if dating is None:
            dating = [reference]
        elif not dating:
            dating.append(infer_page_date(text))
        assign_date(item, text, normal, [(p.start, p.end) for p in scope], dating[0])
        assign_location(
            item,
            text,
            normal,
            [*_lead_span(text, item), *((p.start, p.end) for p in scope)],
            res.places,
            res.gazetteer.places,
            dating[0],
            res.study.focal,
        )

    def _passages(
        self, item: CodedItem, text: str, hits: list[Hit], res: _Resources
    ) -> list[_Passage]:
        anchors = [(h, _anchor_weight(h, res)) for h in hits]
        anchors = [(h, w) for h, w in anchors if w > 0]
        if not anchors:
            return []
        short = item.end - item.start <= SHORT_ITEM
        entries = numbered_entries(text, item.start, item.end) if short else []
        if short and not entries:
            weight = max(w for _, w in anchors)
            return [_Passage(item.start, item.end, _adjust_anchor(weight, hits, res, text), hits)]
        # an announcement list (一、... 二、...): each entry is its own passage; otherwise the
        # anchor's sentence with ``window`` sentences either side
        bounds = entries or _sentence_bounds(text, item.start, item.end)
        window = 0 if entries else self.window
        starts = [b[0] for b in bounds]
        ordered = sorted(hits, key=lambda h: h.start)  # stable: equal starts keep their order
        hit_starts = [h.start for h in ordered]
        passages: dict[tuple[int, int], _Passage] = {}
        for hit, weight in anchors:
            i = max(0, bisect.bisect_right(starts, hit.start) - 1)
            lo = bounds[max(0, i - window)][0]
            hi = bounds[min(len(bounds) - 1, i + window)][1]
            # a slice, not a scan of every hit per anchor (quadratic on a multi-megabyte text)
            inside = ordered[
                bisect.bisect_left(hit_starts, lo) : bisect.bisect_left(hit_starts, hi)
            ]
            key = (lo, hi)
            adjusted = _adjust_anchor(weight, inside, res, text)
            if key not in passages or passages[key].anchor < adjusted:
                passages[key] = _Passage(lo, hi, adjusted, inside)
        return list(passages.values())


# -- helpers ------------------------------------------------------------------------------
def _digest_entry(passage: _Passage, text: str, item: CodedItem) -> bool:
    """``passage`` is a later entry of a digest (an announcement list, 一、... 二、...) whose own
    lead is not a framework's secretary-general's business: the digest's first entry (or its
    heading: 上合组织秘书处一周要闻) led by him speaks for none of the other entries (二、上合组织
    成员国安全会议秘书会议举行)."""
    return (
        passage.start > item.start
        and bool(numbered_entries(text, item.start, item.end))
        and staff_free_lead(text, passage.start)
    )


def _or_whole(
    passages: list[_Passage],
    relevant: list[_Passage],
    item: CodedItem,
    text: str,
    hits: list[Hit],
    res: _Resources,
) -> Iterator[_Passage]:
    """``passages``, then, when none of them proved ``relevant``, the item from its lead as one
    passage: all of it when it is short from its lead (a readout under a site's masthead and
    menu, longer than ``SHORT_ITEM`` only with them), else its paragraphs up to ``SHORT_ITEM``
    characters from the lead, unless the lead names other sides (``other_pair_lead``: read
    whole, the sentences that join a partner to them would be lost): the readout's security
    paragraph may name the sides only as the two countries, the heads of state, Стороны, far
    from their names."""
    yield from passages
    if relevant or item.end - item.start <= SHORT_ITEM:
        return
    begin = lead_start(text, item.start, item.end)
    if numbered_entries(text, item.start, item.end):
        return
    end = item.end
    if end - begin > SHORT_ITEM:
        # (a longer item: its lead and the paragraphs under it, up to SHORT_ITEM characters,
        # the readout's opening where its statement may name the sides only as Стороны)
        end = text.rfind("\n", begin, begin + SHORT_ITEM)
        if end <= lead_end(item.start, text) or other_pair_lead(hits, text, res, item.start):
            return
    kept = [h for h in hits if begin <= h.start < end]
    anchor = max((p.anchor for p in passages if begin <= p.start < end), default=0.0)
    if anchor > 0:
        yield _Passage(begin, end, anchor, kept)


# a Chinese security word that says a port, a line or a route runs safely and smoothly (口岸安全
# 高效畅通运行, 班列安全畅通, 线路安全稳定运行): the safety of an operation, no security concern
_OPERATION_AFTER = re.compile(
    r"(?:[、，,]?(?:高效|稳定|有序|便捷|顺畅|平稳|快捷))*[、，,]?(?:畅通|运行|运营|通关)"
)


_TEASER = re.compile(
    r"^(?:in\s+this\s+(?:issue|edition|digest)|in\s+today's\s+(?:issue|digest)|"
    r"в\s+(?:этом\s+)?(?:номере|выпуске)|本期(?:导读|要目|内容|看点))\s*[:：]",
    re.IGNORECASE | re.MULTILINE,
)
TEASER_SPAN = 600  # characters from an item's start searched for its table of contents


def _without_operation_safety(hits: list[Hit], text: str) -> list[Hit]:
    """``hits`` without the topics of a security word that ends in 安全 and is followed by a
    word of running smoothly (``_OPERATION_AFTER``)."""
    return [
        h
        for h in hits
        if not (
            h.payload[0] == "topic"
            and h.term.endswith("安全")
            and _OPERATION_AFTER.match(text, h.end) is not None
        )
    ]


# "talks" as a verb of speaking (the border chief talks about the border, talks to us): an
# interview's standfirst, no meeting; not talks held (held talks about, talks on security)
_TALKS_VERB = re.compile(r"\s+(?:about|to\s+(?:us|our|the\s+(?:paper|magazine|newspaper)))\b", re.I)
_TALKS_HELD = re.compile(
    r"(?:hold|holds|held|holding|had|have|has|having|of|in|for|the|during|after|before|at|"
    r"and|new|formal|official|bilateral|security|peace)\s+$",
    re.IGNORECASE,
)
TALKS_SPAN = 20  # characters read before "talks" for a word making it a noun


def _without_talks_verb(hits: list[Hit], text: str) -> list[Hit]:
    """``hits`` without the meeting of the English word "talks" used as a verb of speaking
    (``_TALKS_VERB`` after it and none of ``_TALKS_HELD`` before it): the head of the border
    service talks about the Chinese border is an interview, not a meeting."""
    return [
        h
        for h in hits
        if not (
            h.payload == _MEETING
            and h.term.lower() == "talks"
            and _TALKS_VERB.match(text, h.end) is not None
            and _TALKS_HELD.search(text, max(0, h.start - TALKS_SPAN), h.start) is None
        )
    ]


def _with_objects(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the topics of what the item's security words protect (the security of
    citizens, enterprises, joint projects and borders: ``coder_protected``) and of people's
    hostility to the focal state's people or firms (``coder_hostility``), by end as the matcher
    gives them."""
    objects = (
        protected_objects(normal, start, end)
        + protected_objects_zh(normal, start, end)
        + hostile_acts(normal, start, end)
    )
    if not objects:
        return hits
    return sorted([*hits, *objects], key=lambda h: h.end)


def _anchor_weight(hit: Hit, res: _Resources) -> float:
    kind, value = hit.payload
    partners = res.study.partner_set
    if kind in ("state", "example"):
        return 1.0 if value in partners else 0.0
    if kind in ("group", "group_other"):
        if not partners.intersection(res.gazetteer.groups[value].members):
            return 0.0
        return 1.0 if kind == "group" else GROUP_OTHER_WEIGHT
    if kind == "official":
        return 1.0 if res.gazetteer.officials[value].country in partners else 0.0
    if kind == "institution":
        institution = res.gazetteer.institutions[value]
        if institution.country in partners:
            return 1.0
        return res.study.anchor_weights.get(institution.framework or "", 0.0)
    if kind in ("framework", "anchor"):
        return res.study.anchor_weights.get(value, 0.0)
    return 0.0


def _own_buildup(hit: Hit, hits: list[Hit], text: str, res: _Resources, item: CodedItem) -> bool:
    """A build-up indicator any state's border may have (border-guarding volunteers, patrol
    roads: ``BORDER_CAPACITY``) anchors a passage as the focal state's build-up only when the
    focal state is named in its sentence (Xinjiang has recruited border-guarding volunteers; not
    Kyrgyzstan recruits border-guarding volunteers); other hits are unchanged."""
    if hit.payload != ("anchor", "domestic_capacity") or not BORDER_CAPACITY.search(hit.term):
        return True
    lo, hi = _sentence_of(text, hit.start, item.start, item.end)
    if any(lo <= h.start < hi and names_focal(h, res) for h in hits):
        return True
    # (or the item's lead places it in the focal state's home border region, Border police in
    # Xinjiang's Tacheng..., and the sentence names no other state: the region has recruited
    # more border-guarding herders)
    home = res.study.home_region
    lead = lead_end(item.start, text)
    return (
        home is not None
        and home.search(text, item.start, lead) is not None
        and not any(
            lo <= h.start < hi and h.payload[0] in ("state", "example", "listed") for h in hits
        )
    )


_PRIVATE_SECURITY = ("event_kind", "private_security")
_INVESTMENT_SECURITY = ("topic", "investment_security")


def _without_partner_firms(hits: list[Hit], text: str, res: _Resources) -> list[Hit]:
    """``hits`` without the security firms a partner state's name qualifies (a Kazakh security
    company guards the plant, казахстанская охранная компания, 哈萨克斯坦安保公司): that state's
    own firm, not the focal state's security firms abroad (codebook ``private_security``)."""
    if not any(h.payload == _PRIVATE_SECURITY for h in hits):
        return hits
    partners = res.study.partner_set
    # (where a partner state's name or adjective ends: its firm's word follows after a space)
    ends = {h.end for h in hits if h.payload[0] == "state" and h.payload[1] in partners}
    return [
        h
        for h in hits
        if h.payload != _PRIVATE_SECURITY
        or not any(
            end in ends and not text[end : h.start].strip()
            for end in range(max(0, h.start - 2), h.start + 1)
        )
    ]


def _adjust_anchor(weight: float, hits: list[Hit], res: _Resources, text: str = "") -> float:
    """A multilateral anchor counts fully when a partner state is in the passage too, and less
    when only states from outside the region are (SCO talk about Russia or India); a state
    named as the place (в Москве, in Moscow) is not talked about."""
    if weight >= 1.0:
        return weight
    states = _named_states(
        [h for h in hits if not _PLACE_BEFORE.search(text, max(0, h.start - 8), h.start)], res
    )
    if states & res.study.partner_set:
        return 1.0
    return weight * OUTSIDE_ONLY_FACTOR if states - {res.study.focal} else weight


def _named_states(hits: list[Hit], res: _Resources) -> set[str]:
    """States named in ``hits`` (a group name joined to the focal state counts for its members;
    venues and other group mentions do not)."""
    states = {h.payload[1] for h in hits if h.payload[0] in ("state", "example")}
    for hit in hits:
        if hit.payload[0] == "group":
            states.update(res.gazetteer.groups[hit.payload[1]].members)
    return states


def _security_weight(scheme: str, code: str) -> float:
    if (scheme, code) in SECURITY_WEIGHTS:
        return SECURITY_WEIGHTS[(scheme, code)]
    return BASE_WEIGHT if scheme in ("topic", "domain") else 0.0


def _is_focal(hit: Hit, res: _Resources) -> bool:
    # the focal state named, or its own western build-up (an anchor)
    return names_focal(hit, res) or hit.payload[0] == "anchor"


def _framework_meeting(
    hits: list[Hit],
    res: _Resources,
    framework: str | tuple[str, ...] = "SCO",
    before: int | None = None,
    text: str | None = None,
    sector: bool = True,
) -> bool:
    """A meeting of a framework's body named as such: a framework term followed closely by a
    meeting term or level (上海合作组织成员国外长理事会会议, SCO foreign ministers' meeting,
    заседание Совета РАТС ШОС), not the heads-of-government council (economic). With ``before``,
    the framework term must start before that offset (the item's lead). With ``text``, not a
    meeting of an economic or social sector's ministers either (经贸部长会议, energy ministers,
    министров транспорта): the SCO's and CICA's economic track (``sector=False``: a sector's
    meeting counts)."""
    terms = framework_terms(hits, res, framework)
    if before is not None:
        terms = [h for h in terms if h.start < before]
    if not terms:
        return False
    index = meeting_index(hits)
    return any(term_meeting(term, index, text, sector) for term in terms)


def framework_terms(
    hits: list[Hit], res: _Resources, framework: str | tuple[str, ...]
) -> list[Hit]:
    """The hits naming ``framework`` (one code or several): its name or one of its bodies."""
    codes = (framework,) if isinstance(framework, str) else framework
    return [
        h
        for h in hits
        if (h.payload[0] == "framework" and h.payload[1] in codes)
        or (
            h.payload[0] == "institution"
            and res.gazetteer.institutions[h.payload[1]].framework in codes
        )
    ]


def meeting_index(hits: list[Hit]) -> tuple[list[Hit], list[int]]:
    """The meeting terms and levels of ``hits`` sorted by start, with their starts (for
    ``term_meeting``: found by bisection, not by a scan of every hit per framework term, which
    made a long text's coding cubic)."""
    meetings = sorted(
        (
            h
            for h in hits
            if h.payload == ("event_kind", "meeting") or h.payload[0] == "meeting_level"
        ),
        key=lambda h: h.start,
    )
    return meetings, [m.start for m in meetings]


def term_meeting(
    term: Hit,
    index: tuple[list[Hit], list[int]],
    text: str | None = None,
    sector: bool = True,
) -> bool:
    """The framework term ``term`` is followed (or preceded) closely by a meeting term of
    ``index`` (``meeting_index``), not the heads-of-government council's, nor (with ``text``)
    a sector's ministers' (see ``_framework_meeting``)."""
    meetings, starts = index
    span = SCO_MEETING_SPAN_HAN if "\u4e00" <= term.term[0] <= "\u9fff" else SCO_MEETING_SPAN
    near = [
        m
        for m in meetings[
            bisect.bisect_left(starts, term.start - span) : bisect.bisect_right(
                starts, term.end + span
            )
        ]
        # (a meeting word opening the framework's own name is no meeting of it: Совещание по
        # взаимодействию и мерам доверия в Азии, Conference on Interaction...; one closing it
        # is the format's meeting: 中国—中亚峰会)
        if not (term.start <= m.start and m.end < term.end)
    ]
    if text is not None:
        # the meeting of the framework's sentence (the next sentence's 会议 is another's); in
        # its clause, a meeting named further before the framework's name (заседание Совета
        # руководителей пограничных ведомств государств - членов ШОС: a genitive chain)
        near = [
            m
            for m in near
            if not _SENTENCE.search(text, min(term.end, m.end), max(term.start, m.start))
        ]
        chain = meetings[
            bisect.bisect_left(starts, term.start - SCO_MEETING_CHAIN) : bisect.bisect_left(
                starts, term.start - span
            )
        ]
        near += [m for m in chain if not _CLAUSE_BREAK.search(text, m.end, term.start)]
    if not near or any(m.payload == ("meeting_level", "head_of_government") for m in near):
        return False
    if text is not None and sector:
        lo = min(term.start, *(m.start for m in near))
        hi = max(term.end, *(m.end for m in near)) + span
        if _SECTOR.search(text, lo, hi):
            return False
    return True


# the economic and social sectors whose ministers' meetings are not security engagement
_SECTOR = re.compile(
    r"经贸|经济|贸易|商务|能源|交通|农业|文化|卫生|旅游|教育|科技|财长|央行|"
    r"\b(?:trade|economic|economy|energy|transport|agricultur\w*|culture|cultural|health|"
    r"tourism|education|science|finance)\b|"
    r"торгов|экономи|энергетик|транспорт|сельск|культур|здравоохран|туризм|образован|финанс",
    re.IGNORECASE,
)


# the economic sectors whose events (trade talks, an expo, a business council, a tourism or visa
# item) are not security engagement: as the sectors above, with business, investment and visas
_ECONOMIC = re.compile(
    r"经贸|经济|贸易|商务|商会|企业家|博览会|投资|能源|交通|农业|旅游|签证|免签|财长|央行|"
    # consular affairs, as visas: travel, papers, students - a service, not security, unless
    # security is named in the lead (公民安全保护, protection of citizens); not a consulate
    r"领事(?:磋商|事务|工作)|"
    r"(?<![^\W\d_])(?:consular\s+(?:consultations|affairs|issues|matters|talks)|"
    r"консульск\w*\s+(?:консультаци|вопрос|дел))|"
    # the premiers' regular meeting (gold guideline 3: economic) and workplace safety (安全生产,
    # occupational safety, охрана труда: no codebook security matter)
    # the premiers' regular meeting (gold guideline 3: economic)
    r"总理[^，,。；;]{0,12}定期会晤|"
    r"\b(?:(?:prime\s+ministers|premiers|heads\s+of\s+government)['’]?\s+regular\s+meeting|"
    r"regular\s+meeting\s+of\s+(?:the\s+)?(?:prime\s+ministers|heads\s+of\s+government))\b|"
    r"регулярн\w*\s+встреч\w*\s+глав\s+правительств|"
    r"\b(?<!drug\s)(?<!arms\s)(?:trade|economic|economy|business\w*|expo|"
    r"invest(?:ment|ments|or|ors|ing|s)?|energy|transport|agricultur\w*|touris[mt]\w*|visas?|"
    r"visa-free|finance)\b|"
    r"торгов(?!\w*\s+(?:людьми|оружием|наркотик))|экономи|бизнес|инвест|выставк|энергетик|"
    r"транспорт|сельск|туризм|турист|финанс|безвиз|визов|(?<![^\W\d_])визы?(?![^\W\d_])",
    re.IGNORECASE,
)
# safety at work (安全生产, occupational safety, охрана труда, техника безопасности): no codebook
# security matter; an item led by it (a safety training for firms) stays relevant only with a
# security event or office of its own
_WORK_SAFETY = Guarded(
    re.compile(
        r"安全生产|生产安全|消防安全|"
        r"\b(?:occupational|workplace|industrial|fire|production)\s+safety\b|"
        # (a firm's safety week or month, its health and safety: the staff's safety at work)
        r"\bsafety\s+(?:week|month|day)s?\b|\bhealth\s+and\s+safety\b|"
        r"охран\w*\s+труда|(?:промышленн|пожарн)\w*\s+безопасност|техник\w*\s+безопасност",
        re.IGNORECASE,
    ),
    "安全生产",
    "生产安全",
    "消防安全",
    "safety",
    "труда",
    "безопасност",
)
# the least security weight of an event kind or an office that makes a passage of such an item
# report a security event of its own (a patrol, an exercise, equipment handed over, an attack,
# the border service's chief)
SECTOR_EVENT_WEIGHT = 0.4
LEAD_SECURITY_WEIGHT = 0.3  # the least weight of a code that puts security in a lead


# a gathering or a publication of analysts (a think-tank forum, scholars, a research report):
# analysts speak for no state
_ANALYSTS = Guarded(
    re.compile(
        r"智库|学者|研究报告|研究所|研究院|社会科学院|"
        r"\b(?:think[- ]tanks?|scholars|academics|research\s+(?:report|centre|center|institute))\b|"
        r"научн\w*\s+конференц|экспертн\w*\s+(?:форум|клуб|сообществ)|аналитическ\w*\s+(?:центр|доклад)|"
        r"учен\w*\s+и\s+эксперт|исследовательск\w*\s+(?:центр|институт)|"
        # analysts or experts as the lead's subject (Эксперты сравнили влияние России и Китая;
        # Experts say; 专家认为) or an opinion column's heading (Expert Opinions)
        r"(?<![^\W\d_])(?:эксперт|аналитик|политолог)\w*\s+(?:сравнил|считают|полагают|оценил|"
        r"отмечают|сходятся|спорят)\w*|"
        r"\b(?:experts|analysts|observers)\s+(?:say|said|compare\w*|believe|argue|agree)\b|"
        r"\bexpert\s+opinions?\b|专家(?:认为|表示|指出|分析)|分析人士(?:认为|指出|称)|"
        # experts urging or proposing (Experts urge; 专家呼吁; эксперты призвали)
        r"\b(?:experts|analysts|scholars)\b[^.\n]{0,40}?\b(?:urg\w*|call(?:s|ed)?\s+on|"
        r"propos\w*|suggest\w*|recommend\w*)\b|"
        r"(?<![^\W\d_])(?:эксперт|аналитик|политолог)\w*\s+(?:призвал|предложил|рекомендовал)\w*|"
        r"(?:专家|学者)(?:呼吁|建议)|"
        # an academic seminar or conference (学术研讨会, academic conference, научный семинар):
        # scholars' business
        r"学术(?:研讨会|会议|论坛|座谈会)|\bacademic\s+(?:conference|seminar|symposium|forum)s?\b|"
        r"научн\w*\s+(?:семинар|симпозиум)",
        re.IGNORECASE,
    ),
    "学术",
    "academic",
    "научн",
    "智库",
    "学者",
    "研究报告",
    "研究所",
    "研究院",
    "社会科学院",
    "think",
    "scholars",
    "academics",
    "research",
    "конференц",
    "эксперт",
    "аналитик",
    "аналитическ",
    "исследовательск",
    "политолог",
    "expert",
    "analysts",
    "observers",
    "专家",
    "分析人士",
)


# security or defence named as such (trade and security talks, 经贸和安全合作, торговля и
# безопасность), not a sector's own "security" (energy, food security)
_SECURITY_IN_LEAD = re.compile(
    # (not a sector's safety of operation: 供应链安全, 运输安全, 保持安全畅通)
    r"(?<!能源)(?<!粮食)(?<!食品)(?<!供应链)(?<!产业链)(?<!运输)(?<!交通)安全(?!生产|畅通)|"
    r"军事|防务|国防|"
    r"(?<![^\W\d_])(?<!energy\s)(?<!food\s)(?:security|defen[cs]e|military)(?![^\W\d_])|"
    r"(?<!энергетической\s)(?<!продовольственной\s)(?<!промышленной\s)(?<!техники\s)"
    r"(?<!технике\s)безопасност|оборон|военн",
    re.IGNORECASE,
)


# a title naming security cooperation as its subject (安全合作, 反恐合作, security cooperation,
# сотрудничество в сфере безопасности, военное сотрудничество)
_COOPERATION_TITLE = re.compile(
    r"(?:安全|反恐|防务|执法|军事)(?:领域)?合作|"
    r"(?<![^\W\d_])(?:security|defen[cs]e|counter-?terrorism|military)\s+(?:co-?operation|ties)|"
    r"сотрудничеств\w*\s+в\s+(?:сфере|области)\s+(?:безопасност|оборон)|"
    r"(?:военн\w*|оборонн\w*|антитеррористическ\w*)\s+сотрудничеств",
    re.IGNORECASE,
)


def _title_end(text: str, start: int, lead: int) -> int:
    """The end of the item's first line (its title), no further than ``lead``."""
    end = text.find("\n", start, lead)
    return lead if end < 0 else end


_ECONOMIC_LEAD = "economic"  # an economic sector's lead (or safety at work's)
_ANALYSTS_LEAD = "analysts"  # analysts' lead (their commentary is about past events too)


# a sector's own "security" named as a topic's indicator (energy security, 能源安全): no
# security in an economic lead (as ``_SECURITY_IN_LEAD`` reads it)
_SECTOR_SECURITY = re.compile(
    r"(?:energy|food|supply[- ]chain)\s+security|能源安全|粮食安全|食品安全|"
    r"(?:энергетическ|продовольственн)\w*\s+безопасност\w*",
    re.IGNORECASE,
)


# the title of a digest of unrelated news (the week's or the day's)
_DIGEST = re.compile(
    r"一周要闻|一周回顾|一周新闻|本周要闻|每周要闻|要闻回顾|新闻综述|"
    r"(?<![^\W\d_])(?:обзор\w*\s+(?:событий|новостей)|дайджест\w*|итоги\s+недели|"
    r"события\s+недели|week\s+in\s+review|weekly\s+(?:digest|round-?up|review|news)|"
    r"news\s+(?:digest|round-?up)|(?:the\s+)?week['’]s\s+(?:news|events))(?![^\W\d_])",
    re.IGNORECASE,
)
DIGEST_SPAN = 300  # characters from an item's start searched for a digest's title


def _talk_lead(hits: list[Hit], text: str, start: int) -> str:
    """The item's lead (its title and first sentence) reports an event that is not security
    engagement by its kind: an economic sector's (trade talks, an energy ministers' meeting, an
    expo, a business council, tourists, visas) with no security code named in the lead, or
    analysts' (a think-tank forum, a research report) with no security event or office there.
    The codebook: the topic must be security, not trade or visas with a security word in
    passing, and the PRC's state, officials, forces or agencies take part (scholars speak for
    no state). Returns which (``_ECONOMIC_LEAD`` or ``_ANALYSTS_LEAD``), or "" for neither."""
    if _DIGEST.search(text, start, start + DIGEST_SPAN):
        # a digest of the week's news (Обзор событий недели, 一周要闻回顾, Week in review): its
        # first entry's sector says nothing of the others'
        return ""
    lead = lead_end(start, text)
    if search_off_menu(_WORK_SAFETY, text, start, lead):
        # (the training or inspection is the safety's own: an event weighing as security counts)
        own_event = any(
            h.start < lead
            and h.payload[0] in ("event_kind", "meeting_level")
            and _security_weight(*h.payload) >= SECTOR_EVENT_WEIGHT
            for h in hits
        )
        return "" if own_event else _ECONOMIC_LEAD
    levels = {h.payload[1] for h in hits if h.start < lead and h.payload[0] == "meeting_level"}
    economic = search_off_menu(_ECONOMIC, text, start, lead) is not None
    if not economic:
        # (a lead that is a masthead and a menu, no sentence: the headline and first sentence
        # under them say what the item reports, "Our trade will reach $50 billion" over an
        # interview, the premier's visit under an embassy's name and menu)
        headed = item_lead(start, text, len(text))
        if headed > lead:
            if search_off_menu(_ECONOMIC, text, start, headed) is not None:
                economic, lead = True, headed
            elif not levels and {
                h.payload[1] for h in hits if h.start < headed and h.payload[0] == "meeting_level"
            } == {"head_of_government"}:
                levels, lead = {"head_of_government"}, headed
    if economic or levels == {"head_of_government"}:
        # (the premiers' talks or visit: gold guideline 3, economic unless security is named)
        if _SECURITY_IN_LEAD.search(text, start, lead):
            return ""  # (trade and security talks)
        schemes: tuple[str, ...] = _REPORTING
        kind = _ECONOMIC_LEAD
    elif search_off_menu(_ANALYSTS, text, start, lead):
        title_end = _title_end(text, start, lead)
        if _COOPERATION_TITLE.search(text, start, title_end) and not any(
            # (a seminar of scholars on that cooperation, 中国—中亚安全合作学术研讨会: their
            # gathering, twenty-first round)
            start <= h.start < title_end and academic_gathering(text, h)
            for h in hits
        ):
            # (analysts' commentary whose title is the sides' security cooperation itself,
            # 中国—中亚安全合作：成就与前景: its subject, not a word in passing at their forum)
            return ""
        schemes, kind = ("event_kind", "meeting_level"), _ANALYSTS_LEAD
    elif search_off_menu(
        _ANALYSTS, text, start, headed := event_lead(start, text, lead, len(text))
    ):
        # (a subtitle or a column's heading under the title: Эксперты сравнили влияние...,
        # Expert Opinions; the lead is then the body's first sentence)
        schemes, lead, kind = ("event_kind", "meeting_level"), headed, _ANALYSTS_LEAD
    else:
        return ""
    security = any(
        h.start < lead
        and h.payload[0] in schemes
        and _security_weight(*h.payload) >= LEAD_SECURITY_WEIGHT
        and not _SECTOR_SECURITY.fullmatch(h.term)
        # (the scholars' own gathering, 学术研讨会, an academic seminar, научная конференция:
        # its seminar word is theirs, no security event of the lead; coder_academic, twenty-
        # first round)
        and not (kind == _ANALYSTS_LEAD and academic_gathering(text, h))
        for h in hits
    )
    return "" if security else kind


# the two sides, or acting together, named in a sentence (双方, 两国, стороны, both sides, jointly)
_SIDES_TOGETHER = re.compile(
    r"双方|两国|各方|联合|共同|携手|(?<![^\W\d_])(?:стороны|сторон|совместн\w*|вместе|сообща|"
    r"двух\s+стран|обеих\s+стран|both\s+(?:sides|countries)|the\s+(?:two\s+)?(?:sides|countries)|"
    r"all\s+sides|joint(?:ly)?|together)(?![^\W\d_])",
    re.IGNORECASE,
)
_SIDE_KINDS = (
    "state",
    "listed",
    "example",
    "official",
    "institution",
    "group",
    "venue",
    "home_office",
)
_NAME_PLACES = ("state", "listed", "example", "venue")  # names that may be people's home


@dataclass(frozen=True)
class _LeadFacts:
    """What an item's lead (past a byline: its event's lead) holds, read once per item for
    ``_security_with_sides`` (not once per passage: a long item has thousands)."""

    end: int  # where the lead ends
    security: bool  # it names a security code (a topic, a domain, a security event or office)
    sides: bool  # it names a partner state (not its media) or a regional framework
    event: bool  # it names a framework, or a partner with an event or the sides acting together
    # it reports a security event of the focal state itself (China, Xinjiang's border office
    # builds a fence): the focal state's own build-up needs no partner side (gold guideline 8)
    own_event: bool = False


def _lead_facts(
    hits: list[Hit], text: str, start: int, engagement: Engagement | None, res: _Resources
) -> _LeadFacts:
    lead = lead_end(start, text)
    if engagement is None:  # (no passage was scored: nothing to ask of the lead's sides)
        return _LeadFacts(lead, True, True, False)
    lead = max(lead, engagement.event_lead)
    security = event = security_event = focal = False
    for hit in hits:
        if hit.start >= lead:
            continue
        focal = focal or names_focal(hit, res)
        if hit.payload[0] not in _REPORTING:
            continue
        weighs = _security_weight(*hit.payload) > 0
        event = event or hit.payload[0] == "event_kind"
        security = security or weighs
        security_event = security_event or (hit.payload[0] == "event_kind" and weighs)
    home = res.study.home_region
    focal = focal or (home is not None and home.search(text, start, lead) is not None)
    sides = engagement.sides
    # (a partner named in the lead only as the home of private people, Kazakh families, is no
    # side of what the lead reports)
    partner = sides.partner and not sides.people_only
    return _LeadFacts(
        lead,
        security,
        partner or sides.framework,
        sides.framework
        or (partner and (event or _SIDES_TOGETHER.search(text, start, lead) is not None)),
        security_event and focal,
    )


def _security_with_sides(passage: _Passage, text: str, res: _Resources, lead: _LeadFacts) -> bool:
    """Some security code of the passage (a topic, a domain, a security event or office) is
    reported where the sides are: in the item's lead (``lead``) when it names them, or in a
    sentence that names a partner state (its name, official or institution), the region's
    group, a framework, or the two sides acting together (双方, стороны, both sides, jointly).
    A security matter reported only in sentences that name none of them (Xinjiang's
    counter-terrorism work in an answer whose Kazakh relatives are named elsewhere) is not the
    two states' engagement (codebook: the security matter is the engagement's, in the same
    event mention), unless the lead reports the sides' event (talks, a framework's gathering,
    a case worked on together: what the item says later is said of it) or partners take part
    later in the lead's security event (officers from Kazakhstan take part in the course)."""
    security = [
        h for h in passage.hits if h.payload[0] in _REPORTING and _security_weight(*h.payload) > 0
    ]
    if not security or (lead.sides and lead.security) or lead.event or lead.own_event:
        return True
    if any(
        h.payload[0] == "anchor"
        or (h.payload[0] == "event_kind" and h.payload[1] in UNILATERAL_KINDS)
        for h in passage.hits
    ):
        return True  # (the focal state's own capacity or firms: no partner side needed)
    partners, frameworks = res.study.partner_set, res.study.anchor_weights
    sides = [
        h
        for h in passage.hits
        if (
            h.payload[0] in _SIDE_KINDS
            and (
                h.payload[0] == "group"
                or (h.payload[1] if h.payload[0] == "venue" else _state_of_hit(h, res)) in partners
            )
        )
        or (h.payload[0] == "framework" and h.payload[1] in frameworks)
        or (
            h.payload[0] == "institution"
            and res.gazetteer.institutions[h.payload[1]].framework in frameworks
        )
    ]
    # (a partner named as the home of private people, residents of Almaty, or in a dateline, a
    # border's side or a route's stop, is no side)
    sides = [
        h
        for h in sides
        if h.payload[0] not in _NAME_PLACES or not (people_of(text, h) or named_only(text, h))
    ]
    if lead.security and any(
        _TAKING_PART.search(text, *_sentence_of(text, h.start, passage.start, passage.end))
        for h in sides
        if h.start >= lead.end
    ):
        return True  # (the lead's security event, which partners' officers take part in later)
    sides_at = sorted(h.start for h in sides)
    seen: set[tuple[int, int]] = set()
    for hit in security:
        lo, hi = _sentence_of(text, hit.start, passage.start, passage.end)
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        if _any_in(sides_at, lo, hi) or _SIDES_TOGETHER.search(text, lo, hi):
            return True
    return False


def _security_event(
    passage: _Passage, text: str, offices: bool = True, recalled: _Recalled | None = None
) -> bool:
    """The passage reports a security event of its own: an event kind or an office weighing
    ``SECTOR_EVENT_WEIGHT`` or more as security (an exercise, a patrol, equipment handed over,
    an attack; a defence, interior or border office), not only a security topic's word, and
    not one ``recalled`` from another time (a trade fair's page recalling the two states'
    exercise of an earlier year: ``_Recalled``). ``offices=False``: event kinds only (a
    notice's issuing office is no event)."""
    schemes = ("event_kind", "meeting_level") if offices else ("event_kind",)
    return any(
        h.payload[0] in schemes
        and _security_weight(*h.payload) >= SECTOR_EVENT_WEIGHT
        and not _accident(h, text, passage)
        and not _goods_only(h, passage.hits, text, passage.start, passage.end)
        and not (h.payload[1] == "incident" and _guarded_against(h, text))
        and not (recalled is not None and recalled(h.start))
        and not (
            h.payload[0] == "meeting_level"
            and _SOURCE_BEFORE.search(text, max(0, h.start - SOURCE_SPAN), h.start)
        )
        for h in passage.hits
    )


# what a product, a system or a measure guards against (protect the grid from attacks, to
# prevent attacks, 防范网络攻击, защита от атак): a risk named, no attack that happened
_GUARDED_AGAINST = re.compile(
    r"(?:防范|防止|预防|抵御|免受|抵抗)[^，,。；;]{0,12}$|"
    r"(?<![^\W\d_])(?:(?:protect|guard|shield|secur|defend)\w*[^.,;:\n]{0,50}?\s(?:from|against)|"
    r"prevent\w*|avert\w*|resist\w*|"
    r"(?:защит|оберега|огражда)\w*[^.,;:\n]{0,50}?\sот|предотвра\w*|противосто\w*)"
    r"\s+(?:[^\W\d_]+\s+){0,3}$",
    re.IGNORECASE,
)
GUARD_SPAN = 70  # characters searched back from an incident's word for what guards against it


def _guarded_against(hit: Hit, text: str) -> bool:
    """``hit`` (an incident's word) is what something guards against (``_GUARDED_AGAINST``)."""
    return _GUARDED_AGAINST.search(text, max(0, hit.start - GUARD_SPAN), hit.start) is not None


def _goods_only(hit: Hit, hits: list[Hit], text: str, start: int, end: int) -> bool:
    """``hit`` is an equipment word (vehicles, drones, 设备) in a sentence that names no
    security office, force or field (military, police, border guards: a domain's code) and no
    other security event: goods of a trade item (electric vehicles among the forum's deals),
    not equipment handed to a security service."""
    if hit.payload != ("event_kind", "equipment_transfer"):
        return False
    lo, hi = _sentence_of(text, hit.start, start, end)
    return not any(
        lo <= h.start < hi
        and (
            h.payload[0] == "domain"
            or (h.payload[0] in ("event_kind", "meeting_level") and h.payload != hit.payload)
        )
        and _security_weight(*h.payload) >= SECTOR_EVENT_WEIGHT
        for h in hits
    )


# an office named as the source of a figure or a report (по данным пограничной службы,
# according to the border service, 据边防部门统计): who counted, not an office taking part
_SOURCE_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])по\s+(?:данным|информации|сведениям|статистике)|"
    r"(?<![^\W\d_])according\s+to|(?<![^\W\d_])citing|据)\s*(?:the\s+)?"
    r"(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)
SOURCE_SPAN = 40  # characters searched back from an office's name for a source's words


def _recalled_only(
    passage: _Passage, res: _Resources, text: str, recalled: _Recalled, threshold: float
) -> bool:
    """The passage reports no security event of its own (``_security_event``) and scores below
    ``threshold`` without the codes of its sentences that speak of another time
    (``_Recalled``: an event recalled, of an earlier year, to come): what makes it relevant is
    background, not the item's own event (codebook: a past event recalled as background is no
    event of the item)."""
    kept = [
        h
        for h in passage.hits
        if not (
            h.payload[0] in _REPORTING
            and recalled(h.start)
            and not _talked_before_year(
                text, h, _sentence_of(text, h.start, passage.start, passage.end)[0]
            )
        )
    ]
    if len(kept) == len(passage.hits):
        return False
    if _security_event(_Passage(passage.start, passage.end, passage.anchor, kept), text):
        return False  # (the item reports a security event of its own: a donation, a patrol)
    return _score(_Passage(passage.start, passage.end, passage.anchor, kept), res, text) < threshold


class _Recalled:
    """Is a position of an item (``start`` to ``end``, published on ``reference``) in a
    sentence after its lead that speaks of another time than the item's event
    (``coder_background.another_time``: an event recalled, 曾于2019年, напомним, previously,
    only earlier years than the lead's)? The lead and year are read once, on the first call.
    An event of such a sentence is background: it is not what the item reports (codebook: a
    past event recalled as background is no event of the item)."""

    def __init__(self, text: str, start: int, end: int, reference: str | None) -> None:
        self.text, self.start, self.end, self.reference = text, start, end, reference
        self._lead: int | None = None
        self._year: int | None = None

    def __call__(self, position: int) -> bool:
        if self._lead is None:
            self._lead = lead_end(self.start, self.text)
            self._year = event_year(self.text, self.start, self._lead, self.reference)
        if position < self._lead:
            return False
        return another_time(self.text, position, self._lead, self.end, self._year, self.start)


# an accident named (hiking accidents, 交通事故, несчастный случай, ДТП): its dead and hurt are
# no attack
_ACCIDENT = re.compile(
    r"事故|意外|(?<![^\W\d_])(?:accident|accidents|mishaps?)(?![^\W\d_])|авари|"
    r"несчастн\w*\s+случа|(?<![^\W\d_])ДТП(?![^\W\d_])",
    re.IGNORECASE,
)


def _accident(hit: Hit, text: str, passage: _Passage) -> bool:
    """``hit`` is an incident's word that only counts the dead and hurt (``CASUALTY_TERMS``)
    in a sentence naming an accident: the tourists hurt in hiking accidents, no attack."""
    if hit.payload != ("event_kind", "incident") or hit.term.lower() not in CASUALTY_TERMS:
        return False
    return (
        _ACCIDENT.search(text, *_sentence_of(text, hit.start, passage.start, passage.end))
        is not None
    )


def _sco_meeting(hits: list[Hit], res: _Resources) -> bool:
    return _framework_meeting(hits, res, "SCO")


def _focal_observer(hits: list[Hit], text: str, res: _Resources, item: CodedItem) -> list[Hit]:
    """``hits`` with the focal state's mentions as an observer (观摩, наблюдали, observers)
    marked ("listed", focal): a state watching others' exercise takes no part in it."""
    if not OBSERVER.search(text, item.start, item.end):  # one scan, not one per mention
        return hits
    focal = res.study.focal
    return [
        Hit(h.start, h.end, ("listed", focal), h.term)
        if h.payload == ("state", focal) and not_participant(text, h, res.study.focal_word)
        else h
        for h in hits
    ]


def _others_institutions(hits: list[Hit], text: str, res: _Resources) -> list[Hit]:
    """``hits`` without the focal state's institutions named right after another state's name
    (俄罗斯国防部, 塔吉克斯坦国防部, the Tajik Ministry of National Defense): a name the focal
    state's ministry shares with another state's is that state's there."""
    if any(
        h.payload[0] == "institution"
        and h.start >= 1
        and text[h.start - 1] in _SHORT_STATE
        and (h.start < 2 or text[h.start - 2] not in _SHORT_STATE + "中")
        and names_focal(h, res)
        for h in hits
    ):
        # another state's one-character short form before it (哈国防部, 吉外交部, 俄国防部):
        # that state's ministry; not after the focal state's pair (中哈国防部)
        hits = [
            h
            for h in hits
            if not (
                h.payload[0] == "institution"
                and h.start >= 1
                and text[h.start - 1] in _SHORT_STATE
                and (h.start < 2 or text[h.start - 2] not in _SHORT_STATE + "中")
                and names_focal(h, res)
            )
        ]
    states = sorted(
        (h.end, h.start, h.payload[1] != res.study.focal) for h in hits if h.payload[0] == "state"
    )
    if not states:
        return hits
    ends = [s[0] for s in states]
    kept = []
    # another state's institution of that name, and where it was named (its end); the same
    # name again, bare, with no focal state named since, is that state's still
    theirs: dict[object, int] = {}
    for hit in hits:
        if hit.payload[0] == "institution" and names_focal(hit, res):
            i = bisect.bisect_right(ends, hit.start) - 1
            if (
                i >= 0
                and states[i][2]
                and _REST_OF_NAME.fullmatch(text, states[i][0], hit.start) is not None
            ):
                # (the nearest state before it: 中国 in 俄罗斯和中国国防部 keeps it)
                theirs[hit.payload] = hit.end
                continue
            last = theirs.get(hit.payload)
            if (
                last is not None
                and hit.start - last <= SAME_OFFICE_SPAN
                and all(s[2] for s in states[bisect.bisect_right(ends, last) : i + 1])
                and "\n" not in text[last : hit.start]
            ):
                # (塔吉克斯坦国防部称，塔方部队包括国防部直属的部队; the Tajik Ministry of
                # Defence ... the Ministry of Defence said)
                continue
        kept.append(hit)
    return kept


SAME_OFFICE_SPAN = 160  # characters from another state's institution to its bare name again


# one-character short forms of other states in Chinese (哈 Kazakhstan, 吉 Kyrgyzstan, 塔
# Tajikistan, 乌 Uzbekistan, 土 Turkmenistan or Türkiye, 俄 Russia, 美 the US, 巴 Pakistan, 阿
# Afghanistan, 印 India, 伊 Iran, 蒙 Mongolia)
_SHORT_STATE = "哈吉塔乌土俄美巴阿印伊蒙"
# between a state's name as matched and an institution's: the rest of the name (斯坦共和国,
# 斯坦), spaces
_REST_OF_NAME = re.compile(r"[^\W\d_和与同及跟、，]{0,5}|(?:['’]s?)?\s*", re.IGNORECASE)


# the codes that say a sentence reports something done (a topic, a domain, an event, an office)
_REPORTING = ("topic", "domain", "event_kind", "meeting_level")


# the sides acting together (the sides jointly fight smuggling on the Kazakh-Chinese border;
# 双方联合; стороны совместно): a border's sides named there take part
_JOINT = re.compile(
    r"双方|两国|联合|共同|携手|(?<![^\W\d_])(?:стороны|совместн\w*|вместе|сообща|both\s+sides|"
    r"the\s+(?:two\s+)?sides|joint(?:ly)?|together)(?![^\W\d_])",
    re.IGNORECASE,
)


def _event_in(passage: _Passage, lo: int, hi: int) -> bool:
    """An event word of the passage is in ``lo``-``hi`` (Xinjiang built 12 posts on the border
    with Kyrgyzstan: the border's sentence reports an event of its own, it is no map)."""
    return any(h.payload[0] == "event_kind" and lo <= h.start < hi for h in passage.hits)


def _focal_takes_part(passage: _Passage, res: _Resources, text: str | None) -> bool:
    """The focal state is named in the passage as one who takes part: in its lead (the title
    and first sentence name the event's sides) or in a sentence that reports something (a
    topic, a domain, an event or an office is named there). A name in a sentence of
    background only (transport corridors linking the region with China; a body "which China
    and the Central Asian states are members of"), or in a sentence saying who borders whom
    with no one taking part and no event there (Kazakhstan borders Russia and China: a map,
    no side; ``coder_background.map_sentence``), or as a border in a sentence where no sides act
    together (smugglers held on the Chinese frontier: ``coder_entities.border_adjective``; not
    the sides jointly fighting smuggling on the Kazakh-Chinese border) is not the focal state's
    engagement."""
    focal = [h for h in passage.hits if _is_focal(h, res)]
    if not focal or text is None:
        return bool(focal)

    def sentence(hit: Hit) -> tuple[int, int]:
        return _sentence_of(text, hit.start, passage.start, passage.end)

    reporting: list[int] | None = None
    drill: bool | None = None  # read once, when a sentence first needs it
    for hit in focal:  # the cheap tests first, and the first one taking part ends the search
        if hit.start >= passage.start + LEAD:
            if reporting is None:
                # (the focal state's firm only named, китайской компании, reports nothing: the
                # state is the firm's home, as ``_score`` weighs it; a suspect who once worked
                # for a Chinese company)
                reporting = sorted(
                    h.start
                    for h in passage.hits
                    if h.payload[0] in _REPORTING
                    and not (h.payload in FIRMS_NAMED and not _SECURITY_WORD.search(h.term))
                )
            lo, hi = _sentence_of(text, hit.start, passage.start, passage.end)
            if not _any_in(reporting, lo, hi):
                # (a sentence listing who takes part in the passage's security event of weight,
                # an exercise, a patrol: В учениях примут участие подразделения Казахстана,
                # Китая...; Units from China will take part)
                if drill is None:
                    drill = any(
                        h.payload[0] == "event_kind"
                        and _security_weight(*h.payload) >= SECTOR_EVENT_WEIGHT
                        for h in passage.hits
                    )
                if not (drill and _TAKING_PART.search(text, lo, hi)):
                    continue
        if (
            named_only(text, hit)
            or outlet_name(text, hit)
            or route_end(text, hit)
            or (
                hit.payload[0] == "state"
                and focal_in_others_list(text, hit, passage.hits, res.study)
            )
            or denied_side(text, hit)
            or said_not_to_take_part(text, hit)
            or absent_side(text, hit, passage.hits, passage.start, passage.end)
            or neighbour_named(text, hit)
            or _proposed_only(text, hit, focal, *sentence(hit))
            or (
                map_sentence(text, hit.start, passage.start, passage.end)
                and not _event_in(passage, *sentence(hit))
            )
            or (border_adjective(text, hit) and not _JOINT.search(text, *sentence(hit)))
        ):
            continue
        return True
    return False


# one side's proposal (предложил создать совместный с Китаем центр, proposed a joint centre with
# China, 建议与中国共建): what the proposer wants, not yet anything the focal state takes part in
_PROPOSED = re.compile(
    r"(?<![^\W\d_])(?:предлож|предлага|propos|suggest)\w*|建议|提议",
    re.IGNORECASE,
)
PROPOSED_SPAN = 120  # characters from a proposal's verb to the focal state's name


def _proposed_only(text: str, hit: Hit, focal: list[Hit], lo: int, hi: int) -> bool:
    """The focal state's name ``hit`` stands in the object of a proposal in its sentence
    (``lo``-``hi``): after a verb of proposing, with no name of the focal state before that verb
    in the sentence (China proposed...: the focal state's own proposal, made to the other)."""
    verb = None
    for m in _PROPOSED.finditer(text, max(lo, hit.start - PROPOSED_SPAN), hit.start):
        verb = m
        break
    if verb is None:
        return False
    return not any(lo <= f.start < verb.start() for f in focal)


def _engaged(passage: _Passage, res: _Resources, text: str, engagement: Engagement) -> bool:
    """The focal state takes part outside sentences of background, and a partner state with
    it (``coder_relevance``), or the passage's lead reports a meeting of a framework whose
    members the study implies (not when the lead's subject is states from outside the region:
    Belarus joins the SCO)."""
    if not engagement.outside_subject and _framework_meeting(
        passage.hits, res, tuple(res.study.implied), before=passage.start + LEAD, text=text
    ):
        # (not a meeting recalled in a sentence of background: In the past year, officials
        # have met in the China-Central Asia format)
        terms = [
            h
            for h in framework_terms(passage.hits, res, tuple(res.study.implied))
            if h.start < passage.start + LEAD
        ]
        recalled = background_sentences(
            text, engagement.start, engagement.end, terms, engagement.events, engagement.reference
        )
        index = meeting_index(passage.hits)
        if any(
            term_meeting(term, index, text) for term in terms if not _within(recalled, term.start)
        ):
            return True
    background = engagement.focal_background()
    if background:
        ends = [b for _, b in background]
        kept = [
            h
            for h in passage.hits
            if not _is_focal(h, res)
            or not (
                (i := bisect.bisect_right(ends, h.start)) < len(background)
                and background[i][0] <= h.start
            )
        ]
        if not _focal_takes_part(
            _Passage(passage.start, passage.end, passage.anchor, kept), res, text
        ):
            return False
    return engagement.partner_engaged(passage.hits)


def _score(passage: _Passage, res: _Resources, text: str | None = None) -> float:
    """Relevance of a passage: the focal state must be in it, or the passage reports a meeting
    of a framework whose members the study implies (an SCO council's session: the focal state
    is a member); see the module docstring."""
    if not _focal_takes_part(passage, res, text) and not _framework_meeting(
        passage.hits, res, tuple(res.study.implied), before=passage.start + LEAD, text=text
    ):
        return 0.0
    codes = {
        h.payload
        for h in passage.hits
        if h.payload[0] in ("topic", "domain", "event_kind", "meeting_level", "framework")
    }
    harmed = any(
        h.payload == ("event_kind", "incident") and h.term.lower() not in CASUALTY_TERMS
        for h in passage.hits
    )
    if not harmed and ("event_kind", "private_security") not in codes:
        # the focal state's firms or investors only named (Chinese investors, 中资企业,
        # китайских предприятий): no security aspect unless harmed or guarded (codebook:
        # investment mentioned without any security aspect is not coded)
        codes -= {
            key
            for key in FIRMS_NAMED
            if key in codes
            and not any(
                h.payload == key
                and _SECURITY_WORD.search(h.term)
                and not _ENERGY_SUPPLY.search(h.term)
                for h in passage.hits
            )
        }
    if _PRIVATE_SECURITY in codes:
        # a security firm's work carries the concern of what it guards (coder_rules.KIND_TOPICS:
        # investment_security), as its codes will: a firm guarding projects, its branch opened
        codes.add(_INVESTMENT_SECURITY)
    total = sum(_security_weight(s, c) for s, c in codes if s != "framework")
    if _EMERGENCY in codes and codes & _EMERGENCY_WORK and _PUBLIC_HEALTH not in codes:
        # rescue services given equipment, trained or drilled with (the codebook's emergency
        # domain as cooperation), not an emergency ministry reporting an accident's dead, nor
        # medical aid
        total += EMERGENCY_WORK_WEIGHT - _security_weight(*_EMERGENCY)
    elif (
        _EMERGENCY in codes
        and _MEETING in codes
        and _PUBLIC_HEALTH not in codes
        and _emergency_ministers(passage.hits, text)
    ):
        # the emergency ministries meeting (codebook: SCO emergency ministers): weighs as an
        # interior or defence ministers' meeting, the agency's domain and its office
        total += EMERGENCY_MINISTERS_WEIGHT - _security_weight(*_EMERGENCY)
    if codes & FOCAL_HARM and harmed:
        # an attack or protest that harms the focal state's citizens, firms or name (codebook:
        # murder of Chinese workers, protests against Chinese companies) is a security matter
        total += INCIDENT_FOCAL_WEIGHT - _security_weight("event_kind", "incident")
    for key, terms in ISSUE_TERMS.items():
        if key in codes and any(h.payload == key and h.term.lower() in terms for h in passage.hits):
            total += BASE_WEIGHT - _security_weight(*key)
    if text is not None:
        total += sum(BASE_WEIGHT - _security_weight(*key) for key in _body_topics(passage, text))
    if _framework_meeting(passage.hits, res, SECURITY_FRAMEWORKS, text=text) and (
        text is None or _held_meeting(passage, res, text)
    ):
        total += SCO_MEETING_WEIGHT
    return passage.anchor * (1.0 - 0.4**total) if total else 0.0


# a body the sides set up, named for its matter: рабочая группа по информационной безопасности,
# working group on information security, 信息安全工作组 (``_body_topics``)
_BODY_BEFORE = re.compile(
    r"(?:рабоч\w*\s+групп\w*|подкомисси\w*|комисси\w*|комитет\w*|working\s+group|"
    r"sub-?committee|committee|commission|task\s+force)\s+(?:по|on|for)\s+$",
    re.IGNORECASE,
)
_BODY_AFTER = re.compile(r"(?:合作)?(?:联合)?(?:工作组|委员会|分委会|磋商机制)")
BODY_SPAN = 40  # characters before a topic's word searched for the body's name


def _body_topics(passage: _Passage, text: str) -> set[tuple[str, str]]:
    """The topics of lesser weight (information security, investment security) ``passage``
    names as the matter of a body of the sides (a working group, a commission, a sub-committee
    on it: the name right before the topic's word, or in Chinese 工作组, 委员会 right after it):
    the body is security cooperation, not a word in passing, so the topic weighs in full."""
    found: set[tuple[str, str]] = set()
    for hit in passage.hits:
        if (
            hit.payload[0] != "topic"
            or hit.payload in found
            or _security_weight(*hit.payload) >= BASE_WEIGHT
            or _security_weight(*hit.payload) == 0.0
        ):
            continue
        if _BODY_BEFORE.search(text, max(0, hit.start - BODY_SPAN), hit.start) or (
            _BODY_AFTER.match(text, hit.end, hit.end + 8)
        ):
            found.add(hit.payload)
    return found


# a framework's meeting named as what the sides prepare (обменялись мнениями по вопросам
# подготовки к саммиту ШОС, preparations for the SCO summit, 峰会筹备工作): the meeting talked
# about at another, not the event the passage reports (a meeting announced for a date is one)
_TO_COME = re.compile(
    r"подготовк|подготовит|(?<![^\W\d_])prepar\w*|筹备|准备",
    re.IGNORECASE,
)
TO_COME_SPAN = 40  # characters searched either side of the framework's name


def _emergency_ministers(hits: list[Hit], text: str | None) -> bool:
    """An emergency domain's word of ``hits`` names the emergency ministry or its minister
    (``_EMERGENCY_AGENCY`` in the word or right before it): the ministries' own meeting."""
    if text is None:
        return False
    return any(
        h.payload == _EMERGENCY
        and _EMERGENCY_AGENCY.search(text, max(0, h.start - AGENCY_SPAN), h.end) is not None
        for h in hits
    )


def _harm_under_dateline(
    passage: _Passage, hits: list[Hit], text: str, res: _Resources, start: int
) -> bool:
    """An attack or a clash that harms the focal state's people (``FOCAL_HARM``: its workers,
    citizens, firms) reported under a partner's dateline, no other partner named
    (``coder_home.dateline_partner``: ДУШАНБЕ, 12 мая - a mine's Chinese workers attacked in a
    province the gazetteer does not know): the partner is where it happened and whose police
    deal with it, a side of the incident (codebook: citizen protection)."""
    harmed = False
    codes = set()
    for hit in passage.hits:
        codes.add(hit.payload)
        if hit.payload == ("event_kind", "incident") and hit.term.lower() not in CASUALTY_TERMS:
            harmed = True
    return (
        harmed
        and bool(codes & FOCAL_HARM)
        # (not a road accident's collision: ДТП, авария, accident, 事故)
        and _ACCIDENT.search(text, passage.start, passage.end) is None
        and dateline_partner(hits, text, res, start) is not None
    )


def _harm_in_partner_lead(
    passage: _Passage,
    hits: list[Hit],
    text: str,
    res: _Resources,
    start: int,
    recalled: _Recalled,
) -> bool:
    """An attack or a protest that harms or targets the focal state's people or firms
    (``_harm_under_dateline``'s test) where the item's title or lead names one partner state as
    the place (Пикет у посольства Китая в Бишкеке; Who guards Chinese sites in Uzbekistan; 在吉
    中国公民遇袭) and the item names no other partner: the partner is where it happened and
    whose police deal with it, a side of the incident (codebook: citizen protection, protests
    against Chinese companies), as under a partner's dateline. The attack's word and the harm to
    the focal state's people stand in one sentence that names no year before the item's and
    speaks of no other time (``_Recalled``; not attacks on Chinese workers in late 2025, or last
    year, recalled under a report of this year)."""
    if _ACCIDENT.search(text, passage.start, passage.end) is not None:
        return False
    harm_at = [h.start for h in passage.hits if h.payload in FOCAL_HARM]
    if not harm_at:
        return False
    reference = recalled.reference
    year = int(reference[:4]) if reference and reference[:4].isdigit() else None
    harmed = False
    for hit in passage.hits:
        if hit.payload != ("event_kind", "incident") or hit.term.lower() in CASUALTY_TERMS:
            continue
        lo, hi = _sentence_of(text, hit.start, passage.start, passage.end)
        if not _any_in(harm_at, lo, hi):
            continue
        if year is not None and any(
            int(m.group()) < year for m in _PAST_YEAR.finditer(text, lo, hi)
        ):
            continue
        if recalled(hit.start):
            continue
        harmed = True
        break
    if not harmed:
        return False
    # (the item's partners read once per item, not once per passage: a long item has thousands)
    key = (id(hits), len(hits), start, len(text))
    known = _LEAD_PARTNER.get(key)
    if known is None:
        _LEAD_PARTNER.clear()
        known = _LEAD_PARTNER[key] = _one_partner_in_lead(hits, text, res, start)
    return known


# the last item's answer of ``_one_partner_in_lead``
_LEAD_PARTNER: dict[tuple[int, int, int, int], bool] = {}


def _one_partner_in_lead(hits: list[Hit], text: str, res: _Resources, start: int) -> bool:
    """The item's hits name one partner state (its name or a place of it), and its lead (from
    ``start``) names it."""
    lead = lead_end(start, text)
    partners = res.study.partner_set
    named: set[str] = set()
    in_lead = False
    for hit in hits:
        if hit.payload[0] not in ("state", "venue"):
            continue
        state = hit.payload[1] if hit.payload[0] == "venue" else _state_of_hit(hit, res)
        if state in partners:
            named.add(state)
            if len(named) > 1:
                return False
            in_lead = in_lead or start <= hit.start < lead
    return in_lead


def _notice_meeting(passage: _Passage, text: str, res: _Resources, recalled: _Recalled) -> bool:
    """A meeting's word of the passage (not recalled) in a sentence that names a partner state
    (its name or 乌方, Kyrgyz side; not as the home of private people): a notice to the public
    that reports its office meeting the partner's officials (the consul met the regional police
    chief, 会见...要求乌方) reports the two states' event, not only a reminder."""
    partners = res.study.partner_set
    sides = [
        h.start
        for h in passage.hits
        if h.payload[0] == "state" and _state_of_hit(h, res) in partners and not people_of(text, h)
    ]
    if not sides:
        return False
    for hit in passage.hits:
        if hit.payload != _MEETING or recalled(hit.start):
            continue
        lo, hi = _sentence_of(text, hit.start, passage.start, passage.end)
        if _any_in(sides, lo, hi):
            return True
    return False


# the sides' talks reported in a sentence (The sides discussed..., Стороны обсудили...,
# 双方就...): its matters before a year of the past (the agreements reached in 2025) are the
# talks' own, not the recalled event's
_TALKED_NOW = re.compile(
    r"(?<![^\W\d_])(?:discussed|exchanged\s+views|обсудили|обсуждались|обменялись\s+мнениями)"
    r"(?![^\W\d_])|双方就|双方讨论|双方探讨",
    re.IGNORECASE,
)
_PAST_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _talked_before_year(text: str, hit: Hit, lo: int) -> bool:
    """``hit`` stands after a verb of the sides' talks (``_TALKED_NOW``) in its sentence, which
    starts at ``lo``, and before any year named there: a matter of the talks the item reports,
    even when the sentence goes on to an event of an earlier year."""
    return (
        _TALKED_NOW.search(text, lo, hit.start) is not None
        and _PAST_YEAR.search(text, lo, hit.start) is None
    )


# topics a trade or tourism item's agreement names as its own business (border crossings made
# easier, border offices talking at a checkpoint): no security content of its own
_TRADE_TOPICS = frozenset(("border_security", "illegal_migration"))


def _guarded_asset(hit: Hit) -> bool:
    """The hit names the security or protection of the focal state's projects or a pipeline
    (safeguard the security of the gas pipeline, 保障油气管道安全, безопасность газопровода): a
    security matter the sides can agree on, not its investors only named nor energy security."""
    return (
        hit.payload == _INVESTMENT_SECURITY
        and _SECURITY_WORD.search(hit.term) is not None
        and _ENERGY_SUPPLY.search(hit.term) is None
    )


def _sides_agree_on_security(passage: _Passage, text: str, recalled: _Recalled) -> bool:
    """A sentence of the passage has the two sides acting or agreeing together (стороны
    договорились, the two sides agreed, 双方同意: ``_SIDES_TOGETHER``) on a security topic of
    full weight (terrorism, the three evils, drug trafficking; not a sector's safety word, not
    an event recalled): the security content of talks led by trade, not a word in passing."""
    seen: set[tuple[int, int]] = set()
    for hit in passage.hits:
        if (
            hit.payload[0] != "topic"
            or hit.payload[1] in _TRADE_TOPICS
            or (_security_weight(*hit.payload) < BASE_WEIGHT and not _guarded_asset(hit))
            or _SECTOR_SECURITY.fullmatch(hit.term)
            or recalled(hit.start)
        ):
            continue
        span = _sentence_of(text, hit.start, passage.start, passage.end)
        if span in seen:
            continue
        seen.add(span)
        if _SIDES_AGREE.search(text, *span):
            return True
    return False


# the sectors whose agencies' agreement is security cooperation (interior ministries, public
# security, defence, state security, border services)
_AGENCY_DOMAINS = frozenset({"law_enforcement", "military", "state_security", "border_guard"})


def _agencies_pact(passage: _Passage, text: str, recalled: _Recalled) -> bool:
    """A sentence of the passage reports an agreement (a mechanism's word, not recalled) and
    names two security agencies or more (domains of ``_AGENCY_DOMAINS`` at two places: the
    interior ministry and the ministry of public security; 公安部与内务部): one of the documents
    signed at economic talks is the two sides' security agencies' own."""
    offices = [
        h for h in passage.hits if h.payload[0] == "domain" and h.payload[1] in _AGENCY_DOMAINS
    ]
    if len(offices) < 2:
        return False
    for hit in passage.hits:
        if hit.payload != ("event_kind", "mechanism") or recalled(hit.start):
            continue
        lo, hi = _sentence_of(text, hit.start, passage.start, passage.end)
        agencies: list[Hit] = []
        for h in offices:
            if lo <= h.start < hi and not any(a.start <= h.start < a.end for a in agencies):
                agencies.append(h)
        if len(agencies) >= 2:
            return True
    return False


# the two sides agreeing or acting together (стороны договорились, совместно противостоять, the
# two sides agreed, jointly, 双方同意, 共同打击): not only the two states named (двух стран)
_SIDES_AGREE = re.compile(
    r"(?<![^\W\d_])(?:стороны\s+(?:[^\W\d_]+\s+){0,2}?(?:договорил|условил|согласил|"
    r"подтвердил|намерены|готовы|будут|выступ)\w*|совместн\w*|сообща|"
    r"(?:the\s+)?(?:two\s+)?(?:sides|countries|leaders|presidents)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(?:agreed|pledged|vowed|will|committed|resolved)|jointly)(?![^\W\d_])|"
    r"双方(?:同意|一致|将|愿|商定|决定)|共同|携手",
    re.IGNORECASE,
)


def _held_meeting(passage: _Passage, res: _Resources, text: str) -> bool:
    """Some framework meeting of the passage (``term_meeting``) is not one to come: no word of
    preparing or of a future meeting in its sentence near the framework's name."""
    index = meeting_index(passage.hits)
    for term in framework_terms(passage.hits, res, SECURITY_FRAMEWORKS):
        if not term_meeting(term, index, text):
            continue
        lo, hi = _sentence_of(text, term.start, passage.start, passage.end)
        if not _TO_COME.search(
            text, max(lo, term.start - TO_COME_SPAN), min(hi, term.end + TO_COME_SPAN)
        ):
            return True
    return False


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    position = start
    for match in SENTENCE_END.finditer(text, start, end):
        if match.end() > position:
            bounds.append((position, match.end()))
            position = match.end()
    if position < end:
        bounds.append((position, end))
    return bounds or [(start, end)]


def _summarise(document: CodedDocument, items: list[CodedItem], res: _Resources) -> None:
    """Top-level codes: the single item's codes, or a summary of the relevant items."""
    relevant = [i for i in items if i.relevant]
    if len(items) > 1:
        document.items = items
    document.start, document.end = 0, len(document.text or "")
    document.relevant = bool(relevant)
    document.relevance_score = max((i.relevance_score for i in items), default=0.0)
    pool = relevant or []
    if not pool:
        return
    # the main event is the first the page reports (the gold record's first event): in a
    # transcript, the first relevant item, not the best-scored one (a later answer full of
    # security words)
    top = pool[0]
    document.kind = top.kind
    document.event_kinds = list(
        dict.fromkeys([*top.event_kinds, *(k for i in pool for k in i.event_kinds)])
    )
    document.level = top.level
    document.framework = top.framework
    document.event_date = top.event_date
    document.date_precision = top.date_precision
    document.location = top.location or next((i.location for i in pool if i.location), None)
    # states that no name of theirs brings in (the members a framework's meeting implies, a
    # venue's host, the members of a region's group name) take part in an event: a transcript's
    # item that reports no event of its own (an answer on the SCO's next meeting in Astana), on
    # a page whose other items report one, brings them to no event of the page; a page that
    # reports no event at all (commentary on the SCO) keeps them (gold: the states it discusses)
    idle_members = _idle_members(pool, document.text or "")
    document.countries = res.study.sort_countries(
        c for i in pool for c in i.countries if (id(i), c) not in idle_members
    )
    document.topics = sorted({t for i in pool for t in i.topics})
    document.domains = sorted({d for i in pool for d in i.domains})
    seen: set[str] = set()
    for i in pool:
        for actor in i.actors:
            if actor.name not in seen:
                seen.add(actor.name)
                document.actors.append(actor)
    # a surname alone (the gazetteer's "the president of the day" entry) is the official the
    # page names in full elsewhere (Сердар Бердымухамедов ... Бердымухамедов): one actor
    surnames = {a.name.rsplit(" ", 1)[-1] for a in document.actors if " " in a.name}
    if surnames:
        document.actors = [a for a in document.actors if " " in a.name or a.name not in surnames]
    document.evidence = [
        e
        for i in pool
        for e in i.evidence
        if not (e.field == "country" and (id(i), e.code) in idle_members)
    ]


# how an item's state was found without a name of its own (``Evidence.basis``)
UNNAMED_BASES = ("membership", "venue", "group")


def _idle_members(pool: list[CodedItem], text: str = "") -> set[tuple[int, str]]:
    """(item id, state) pairs of the states found without a name of their own (UNNAMED_BASES)
    in a relevant item with no event, on a page whose other relevant items report one (see
    ``_summarise``); and every partner state of such an item whose answer does not know of what
    its question reports (``unconfirmed_item``: a rumoured exercise, cancelled or denied, is
    no event, and inside a page with events it is not coded: gold guide, seventeenth round)."""
    if len(pool) < 2 or all(i.kind is None for i in pool):
        return set()
    idle = {
        (id(i), e.code)
        for i in pool
        if i.kind is None
        for e in i.evidence
        if e.field == "country" and e.basis in UNNAMED_BASES
    }
    for i in pool:
        if i.kind is None and text and unconfirmed_item(text, i):
            idle.update((id(i), e.code) for e in i.evidence if e.field == "country")
    return idle


LEAD_PLACE_SPAN = 400  # characters from the lead's start searched for the event's venue


def _lead_span(text: str, item: CodedItem) -> list[tuple[int, int]]:
    """The item's lead, from its first line past the site's masthead and menu (``lead_start``),
    as a passage for the event's venue: a long page's lead names where its event was held (В
    Ашхабаде состоялась…) even when the passages naming its security content come later. None
    for a short item, which is one passage already, and for an event in the field
    (``locations.FIELD_KINDS``: a build-up, a post or site, an incident, a firm's work), whose
    lead sets a scene (a herder's village, a pass) rather than a venue."""
    if item.end - item.start <= SHORT_ITEM or item.kind in FIELD_KINDS:
        return []
    begin = lead_start(text, item.start, item.end)
    return [(begin, min(item.end, begin + LEAD_PLACE_SPAN))]
