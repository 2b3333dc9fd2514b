"""A learned participation layer over the rule coder's Central Asian states (issue 13).

The country rules (``coder_rules.collect``, ``rule_partner_states``, ``coder_background``) code
the partner states they read as taking part in an item's event. Ten rounds of hand-written rules
carried poorly to new writing, so this layer looks at each (item, partner state) pair the rules
coded and asks, from what the rules already know about that state's mentions, how likely gold
is to list it as taking part:

- where it is named: the title, the lead (title and first sentence), the sentence of an event
  word, sentences of background (``coder_background.background_sentences``), a sentence that
  names the PRC too; its first mention's place in the item; how many mentions;
- how the rules found it (``basis``: named, an official's office, an institution, a group name,
  a venue's host; taken only from the examples' fallback);
- role signals: a with-phrase (同, 与, with, с), a delegation, a side's adjective form (哈方,
  киргизская сторона, the Kazakh side), a list of several states in one sentence, the lead's
  one partner, the venue's host;
- the event: how many partner states the item codes, its kind and framework, the item's
  relevance score, the document's language, an item of a many-item page.

Since the eighteenth round also: a list of three or more states in one sentence, a greeting,
thanks or condolence in its sentence, an event word within a few words of the name, the rules'
own readings of a mention (``neighbour``: a border's other side; ``example_named``: one of its
mentions read as an example, a place or a third state's partner; ``third_party``, ``unconfirmed``:
in a sentence of another state's act or of an unconfirmed report), an item after the first of a
many-item page, and its sentence saying a side took part (attended, 出席, участвовал).

``pair_features`` turns a pair into named features (``FEATURES``); a logistic regression
fitted by ``steppewatch fit-participation`` (``participation_fit.py``, scikit-learn) gives
each feature a weight, shipped as JSON (``data/participation/participation_v1.json``) and
applied here in plain Python: ``p = 1 / (1 + exp(-(intercept + sum(w * x))))``. A state whose
``p`` is under the file's threshold is removed from the item's countries; it does not vanish:
its evidence stays, as field ``named_state`` with basis ``named, not taking part (p=0.xx;
...)`` naming the features that weighed most against it. The layer only removes states the rules
coded, never adds one, never removes an item's last partner state, and never touches states
implied by membership of a framework meeting (the SCO and C5+China member expansion).

The layer is OFF: no weights file is shipped. Leave-one-set-out over the eight, nine and (in the
eighteenth round) nineteen tuning sets did not show that it generalises: on nineteen sets it
removed about as many states gold lists as false ones, and fitted weights removed a second state
that the text says took part in dozens of the hand-written contrast tests (gold/README.md,
"Eighteenth round, learned participation layer revisited"). Without the file
``apply_participation`` returns at once and the coder's output is the rules'; ``capturing``
records the pairs for fitting (``steppewatch fit-participation``, ``bench/participation_loso.py``).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from steppewatch.extract.coder_background import _sentence, lead_end
from steppewatch.extract.coder_phrases import PHRASE_MARK
from steppewatch.extract.model import CodedItem, Evidence

MODEL_NAME = "steppewatch.participation.v1"
WEIGHTS_FILE = "participation_v1.json"
NOT_TAKING_PART = "named_state"  # the evidence field of a state named, not taking part
MAX_MENTIONS = (
    24  # mentions of one state read per item (a hostile text names it thousands of times)
)

# the features, in a fixed order (the weights file names them; ``test_participation_model``
# checks that every name it carries is produced here)
FEATURES: tuple[str, ...] = (
    "basis_named",
    "basis_office",
    "basis_institution",
    "basis_group",
    "basis_venue",
    "from_examples",
    "mentions_log",
    "share_background",
    "all_background",
    "in_title",
    "in_lead",
    "first_position",
    "prc_sentence",
    "event_sentence",
    "with_phrase",
    "delegation",
    "side_form",
    "list_sentence",
    "lead_partner",
    "venue_host",
    "official_named",
    "n_partners_2",
    "n_partners_3plus",
    "kind_meeting",
    "kind_none",
    "kind_exercise",
    "kind_other",
    "framework_bilateral",
    "framework_sco",
    "framework_c5",
    "framework_other",
    "relevance",
    "lang_zh",
    "lang_ru",
    "many_items",
    "quoted_name",
    "outside_sentence",
    "comparison",
    "route_stop",
    "question",
    # (eighteenth round) structural signals the rules compute since the eleventh
    "list3_sentence",
    "greeting",
    "event_near",
    "neighbour",
    "example_named",
    "third_party",
    "unconfirmed",
    "later_item",
    "took_part",
)

_DELEGATION = re.compile(r"代表团|delegat|делегац", re.IGNORECASE)
# a side's form (哈方, 吉方; киргизская сторона, с казахстанской стороны; the Kazakh side)
_SIDE_AFTER = re.compile(r"\s{0,2}(?:сторон|side\b)", re.IGNORECASE)
_WITH_BEFORE = re.compile(r"(?:同|与|跟|(?<![^\W\d_])(?:with|с|со)\s+(?:the\s+)?)\S{0,12}$", re.I)
# a name in quotes (the «Китай – Кыргызстан – Узбекистан» railway, the "Safe City" project)
_OPEN_QUOTE = re.compile(r"[«“\"《「][^«»“”\"《》「」\n]{0,60}$")
_COMPARISON = re.compile(
    r"by contrast|unlike|similar|likewise|in comparison|相比|与此不同|同样|类似|"
    r"в отличие|по сравнению|аналогичн|как и\b",
    re.IGNORECASE,
)
# a stop on a route or a pipe's way (中吉乌铁路, the China-Kyrgyzstan-Uzbekistan railway)
_ROUTE_AFTER = re.compile(
    r"\W{0,3}\w{0,12}\W{0,3}(?:铁路|公路|管道|走廊|railway|railroad|pipeline|corridor|highway|"
    r"железн|трубопровод|коридор|магистрал)",
    re.IGNORECASE,
)
_QUESTION_END = re.compile(r"[？?]")
# a greeting, thanks or condolence (a state thanked or congratulated is no side of the event)
_GREETING = re.compile(
    r"感谢|祝贺|贺电|慰问|吊唁|致电|thank|congratulat|condolence|greeting|"
    r"благодар|поздрав|соболезн|приветств",
    re.IGNORECASE,
)
# its own sentence says a side took part (attended, joined, took part; 出席, 参加; участвовал)
_TOOK_PART = re.compile(
    r"took part|take part|taking part|attend|particip|joined|出席|参加|参与|参会|"
    r"участв|принял[аи]? участие|присутствовал",
    re.IGNORECASE,
)
EVENT_NEAR = 40  # characters between a state's name and an event word in its clause
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_EXERCISE_KINDS = frozenset(
    {"bilateral_exercise", "multilateral_exercise", "joint_patrol_operation"}
)
_SCO = frozenset({"sco", "sco_rats"})
_C5 = frozenset({"c5_china"})


def language_of(text: str, start: int, end: int) -> str:
    """zh, ru or en from the script of the item's first characters."""
    sample = text[start : min(end, start + 400)]
    han = len(_HAN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    if han >= 5 and han >= cyrillic:
        return "zh"
    if cyrillic >= 10:
        return "ru"
    return "en"


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def pair_features(
    item: CodedItem,
    text: str,
    hits: list[Any],
    found: Any,
    background: list[tuple[int, int]],
    res: Any,
    state_of: Any,
) -> dict[str, dict[str, float]]:
    """Named features of each partner state the rules coded for ``item`` (none in an item whose
    framework meeting implies its members: every member takes part). ``hits``: the item's scoped hits; ``found``: the rules' ``Found``;
    ``background``: the background sentences; ``state_of``: ``coder_resources.state_of``."""
    partners = res.study.partner_set
    if any(found.basis.get(c) == "membership" for c in item.countries):
        return {}  # a framework meeting's members take part, however named (SCO, C5+China)
    coded = [c for c in item.countries if c in partners]
    if not coded:
        return {}
    start, end = item.start, item.end
    lead = lead_end(start, text)
    first_line = text.find("\n", start, min(end, start + 200))
    title_end = first_line if first_line > start else start
    language = language_of(text, start, end)
    n_partners = len([c for c in item.countries if c in partners])
    kind = item.kind
    framework = item.framework
    events = sorted(
        h.start for h in hits if h.payload[0] == "event_kind" and not h.term.startswith(PHRASE_MARK)
    )
    focal = found.focal_named
    span = max(1, end - start)
    mentions: dict[str, list[Any]] = {c: [] for c in coded}
    # states from outside the region named (Russia, Pakistan): a list of others' doing
    focal_code = res.study.focal
    outside = sorted(
        h.start
        for h in hits
        if h.payload[0] in ("state", "listed", "example")
        and h.payload[1] not in partners
        and h.payload[1] != focal_code
    )
    sentence_states: dict[tuple[int, int], set[str]] = {}
    for hit in hits:
        state = state_of(hit, res)
        if state in mentions and len(mentions[state]) < MAX_MENTIONS:
            mentions[state].append(hit)
    base: dict[str, float] = {
        "n_partners_2": float(n_partners == 2),
        "n_partners_3plus": float(n_partners >= 3),
        "kind_meeting": float(kind == "meeting"),
        "kind_none": float(kind is None),
        "kind_exercise": float(kind in _EXERCISE_KINDS),
        "kind_other": float(kind is not None and kind != "meeting" and kind not in _EXERCISE_KINDS),
        "framework_bilateral": float(framework == "bilateral"),
        "framework_sco": float(framework in _SCO),
        "framework_c5": float(framework in _C5),
        "framework_other": float(
            framework is not None and framework != "bilateral" and framework not in _SCO | _C5
        ),
        "relevance": min(1.0, max(0.0, item.relevance_score)),
        "lang_zh": float(language == "zh"),
        "lang_ru": float(language == "ru"),
        "many_items": float(end - start < 0.8 * len(text)),
        "later_item": float(item.index > 0 and end - start < 0.8 * len(text)),
    }
    third_spans = sorted(found.third_party)
    unconfirmed_spans = sorted(found.unconfirmed)
    sentences: dict[int, tuple[int, int]] = {}
    for state, own in mentions.items():
        for hit in own:
            bounds = _sentence(text, hit.start, start, end)
            sentences[hit.start] = bounds
            sentence_states.setdefault(bounds, set()).add(state)
    out: dict[str, dict[str, float]] = {}
    for state in coded:
        own = mentions[state]
        basis = found.basis.get(state, "named")
        features = dict(base)
        features.update(
            {
                "basis_named": float(basis == "named"),
                "basis_office": float(basis == "office"),
                "basis_institution": float(basis == "institution"),
                "basis_group": float(basis == "group"),
                "basis_venue": float(basis == "venue"),
                "from_examples": float(state in found.from_examples),
                "lead_partner": float(found.lead_state == state),
                "venue_host": float(state in found.venues),
                "neighbour": float(state in found.neighbours and state not in found.not_neighbours),
                "example_named": float(state in found.examples),
            }
        )
        n = len(own)
        in_background = sum(1 for h in own if _inside(background, h.start))
        features["mentions_log"] = math.log1p(n)
        features["share_background"] = in_background / n if n else 0.0
        features["all_background"] = float(n > 0 and in_background == n)
        features["in_title"] = float(any(h.start < title_end for h in own))
        features["in_lead"] = float(any(h.start < lead for h in own))
        features["first_position"] = (min(h.start for h in own) - start) / span if own else 1.0
        prc = event = with_phrase = delegation = side = listed = official = 0.0
        quoted = outside_sentence = comparison = route = question = 0.0
        listed3 = greeting = near = third = unconfirmed = took_part = 0.0
        for h in own:
            lo, hi = sentences[h.start]
            if focal and _any_in(focal, lo, hi):
                prc = 1.0
            if events and _any_in(events, lo, hi):
                event = 1.0
            if _WITH_BEFORE.search(text, max(lo, h.start - 24), h.start):
                with_phrase = 1.0
            if _DELEGATION.search(text, lo, hi):
                delegation = 1.0
            if h.term.endswith("方") or _SIDE_AFTER.match(text, h.end):
                side = 1.0
            n_states = len(sentence_states.get((lo, hi), ()))
            if n_states >= 2:
                listed = 1.0
            if n_states >= 3:
                listed3 = 1.0
            if _GREETING.search(text, lo, hi):
                greeting = 1.0
            if _TOOK_PART.search(text, lo, hi):
                took_part = 1.0
            if events and (
                _any_in(events, max(lo, h.start - EVENT_NEAR), h.start)
                or _any_in(events, h.end, min(hi, h.end + EVENT_NEAR))
            ):
                near = 1.0
            if third_spans and _inside(third_spans, h.start):
                third = 1.0
            if unconfirmed_spans and _inside(unconfirmed_spans, h.start):
                unconfirmed = 1.0
            if h.payload[0] == "official":
                official = 1.0
            if _OPEN_QUOTE.search(text, max(lo, h.start - 60), h.start):
                quoted = 1.0
            if _any_in(outside, lo, hi):
                outside_sentence = 1.0
            if _COMPARISON.search(text, lo, hi):
                comparison = 1.0
            if _ROUTE_AFTER.match(text, h.end):
                route = 1.0
            if _QUESTION_END.search(text, max(lo, hi - 2), hi):
                question = 1.0
        features.update(
            {
                "prc_sentence": prc,
                "event_sentence": event,
                "with_phrase": with_phrase,
                "delegation": delegation,
                "side_form": side,
                "list_sentence": listed,
                "official_named": official,
                "quoted_name": quoted,
                "outside_sentence": outside_sentence,
                "comparison": comparison,
                "route_stop": route,
                "question": question,
                "list3_sentence": listed3,
                "greeting": greeting,
                "event_near": near,
                "third_party": third,
                "unconfirmed": unconfirmed,
                "took_part": took_part,
            }
        )
        out[state] = features
    return out


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


@dataclass(frozen=True)
class ParticipationWeights:
    """A fitted layer: ``p = sigmoid(intercept + sum(weights[f] * x[f]))``; a state with ``p``
    under ``threshold`` is named, not taking part."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    enabled: bool = True

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(w * features.get(f, 0.0) for f, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def against(self, features: dict[str, float], top: int = 3) -> list[str]:
        """The features that weighed most against taking part (for the evidence's note)."""
        pulls = sorted(
            (w * features.get(f, 0.0), f) for f, w in self.weights.items() if features.get(f)
        )
        return [f for pull, f in pulls[:top] if pull < 0]


WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "data" / "participation" / WEIGHTS_FILE


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> ParticipationWeights | None:
    """The shipped weights (or those at ``path``); None when the file is absent or disabled."""
    file = Path(path) if path else WEIGHTS_PATH
    if not file.is_file():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    if not data.get("enabled", True):
        return None
    return ParticipationWeights(
        intercept=float(data["intercept"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


def refuse_held_out(paths: Sequence[str | Path]) -> None:
    """Fitting the layer on a held-out gold set (``calibration.HELD_OUT``) is refused."""
    from steppewatch.errors import InputError
    from steppewatch.extract.calibration import HELD_OUT, tuning_paths_hint

    for path in paths:
        name = Path(path).name
        # (and a held-out set's second annotation: gold/test19_second.jsonl)
        if name in HELD_OUT or name.replace("_second", "") in HELD_OUT:
            raise InputError(
                f"{path} is a held-out gold set: fitting the participation layer on it would "
                "leak it into the coder",
                hint=f"fit on the tuning sets ({tuning_paths_hint()})",
                code="SW393",
            )


# pairs seen while coding, for fitting (``capturing``): (item, state, features)
_capture: list[tuple[CodedItem, str, dict[str, float]]] | None = None
_disabled = False


@contextmanager
def capturing(apply: bool = False) -> Iterator[list[tuple[CodedItem, str, dict[str, float]]]]:
    """Record every pair's features while coding; the layer removes nothing meanwhile unless
    ``apply``. Not thread-safe: for fitting only."""
    global _capture, _disabled
    _capture, _disabled = [], not apply
    try:
        yield _capture
    finally:
        _capture, _disabled = None, False


def apply_participation(
    item: CodedItem,
    text: str,
    hits: list[Any],
    found: Any,
    background: list[tuple[int, int]],
    res: Any,
    state_of: Any,
) -> None:
    """Remove from ``item.countries`` the partner states the shipped weights judge named, not
    taking part; their country evidence becomes a ``named_state`` evidence saying why."""
    weights = None if _disabled else load_weights()
    if weights is None and _capture is None:
        return
    features = pair_features(item, text, hits, found, background, res, state_of)
    if _capture is not None:
        for state, values in features.items():
            _capture.append((item, state, values))
    if weights is None:
        return
    removed: dict[str, tuple[str, float]] = {}
    for state, values in features.items():
        p = weights.probability(values)
        if p < weights.threshold:
            why = ", ".join(weights.against(values)) or "no feature of taking part"
            removed[state] = (f"named, not taking part (p={p:.2f}; {why})", p)
    partners = [c for c in item.countries if c in res.study.partner_set]
    if not removed or all(c in removed for c in partners):
        # an item keeps at least one partner state: the layer never empties it (a state given
        # only as an example is the event's side when no other is: officers of five states)
        return
    item.countries = [c for c in item.countries if c not in removed]
    kept: list[Evidence] = []
    for evidence in found.evidence:
        if evidence.field == "country" and evidence.code in removed:
            kept.append(
                evidence.model_copy(
                    update={
                        "field": NOT_TAKING_PART,
                        "basis": removed[evidence.code][0],
                        # (the probability that it does not take part; not calibrated)
                        "confidence": round(1.0 - removed[evidence.code][1], 3),
                    }
                )
            )
        else:
            kept.append(evidence)
    found.evidence = kept
