"""Every field the coder emits, scored with bootstrap intervals (issue 13).

Each field is turned into per-document counts (true positives, false positives and false
negatives per label), so that micro and macro scores and their bootstrap intervals come from
one matrix product: a bootstrap sample of documents is a vector of how often each document was
drawn, and its counts are that vector times the per-document count matrix. 1,000 samples of a
few hundred documents take milliseconds.

Fields and the documents each is scored on (a document is skipped for a field its gold record
does not annotate, see ``GoldDocument.annotated``):

- ``relevance``: two classes (relevant, not_relevant), every document; *micro* P/R/F1 are those
  of the positive class, *macro* F1 the mean over both classes, *accuracy* the share right;
- ``kind``, ``framework``, ``level``: the main event's value, one label per document (``null``
  a class), over gold-relevant documents; *accuracy* (= micro F1), macro over the classes;
- ``event_kinds``: the set of kinds of all gold events against the kinds of all predicted
  relevant items (kind per event mention), every document with ``events``;
- ``countries``: Central Asian states (KZ KG TJ UZ TM) taking part; ``countries_all``: every
  state taking part (new-format records only); ``actors``: officials as ``name|office``
  (``actor_names``: names alone; a name's key ignores case and the romanisation system,
  ``_name_key``); ``topics``, ``domains``: label sets, every document. A
  document the coder judges not relevant asserts no codes;
- ``date_exact``, ``date_within_7_days``: gold-relevant documents with a gold date (see
  ``date_scores``); ``location``: gold-relevant documents with a gold location, the same place
  (``place_key``: a gazetteer place's English names and old names are one place, Nur-Sultan is
  Astana, and a province stands for its state's code, as the coder writes it), else exact match
  ignoring case. Only *accuracy* is given for these.

Intervals: percentile bootstrap over documents (``samples`` resamples, ``seed`` fixed so the
output is reproducible), 95% by default. A macro score averages, in each resample, over the
labels that occur in it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from steppewatch.extract.gold import GoldDocument, date_interval, is_valid_date

__all__ = [
    "Estimate",
    "FieldReport",
    "FieldTask",
    "PredictedFields",
    "PRF",
    "bootstrap_weights",
    "field_tasks",
    "office_code",
    "place_key",
    "score_field",
    "score_fields",
]

NULL = "null"
FieldType = Literal["binary", "single", "multi", "rate"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Estimate(_Record):
    """A score and its bootstrap interval. ``None`` where the score is undefined: precision
    with nothing predicted, recall with nothing in gold, F1 with neither (the interval then
    covers the resamples where it is defined)."""

    value: float | None
    low: float | None = Field(description="Lower bound of the bootstrap interval.")
    high: float | None = Field(description="Upper bound of the bootstrap interval.")


class PRF(_Record):
    precision: Estimate
    recall: Estimate
    f1: Estimate


class CodeCounts(_Record):
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class FieldReport(_Record):
    field: str
    type: FieldType
    n: int = Field(description="Documents this field was scored on.")
    skipped: int = Field(description="Documents whose gold record does not annotate it.")
    out_of_scope: int = Field(
        0, description="Annotated documents outside the field's scope (e.g. not gold-relevant)."
    )
    micro: PRF | None = None
    macro: PRF | None = None
    accuracy: Estimate | None = None
    per_code: dict[str, CodeCounts] = Field(default_factory=dict)
    emitted: bool = Field(True, description="False when the coder never outputs this field.")


@dataclass(frozen=True)
class PredictedFields:
    """What a coder said about one document, for the fields scored here."""

    relevant: bool
    kind: str | None = None
    event_kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    framework: str | None = None
    level: str | None = None
    actors: tuple[tuple[str, str | None], ...] = ()
    topics: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    event_date: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class FieldTask:
    """How one field is read from gold and prediction, and on which documents."""

    name: str
    type: FieldType
    annotation: str  # the GoldDocument.annotated entry it needs
    gold: Callable[[GoldDocument], Any]
    pred: Callable[[PredictedFields], Any]
    relevant_only: bool = False
    needs_gold_value: bool = False


@functools.cache
def _office_titles() -> dict[tuple[str, str], str]:
    from steppewatch.extract.gazetteer import load_gazetteer

    return {
        (official.name, office.title): office.office
        for official in load_gazetteer().officials
        for office in official.offices
    }


def office_code(name: str, office: str | None) -> str | None:
    """An actor's office as a ``meeting_level`` code, the vocabulary of the gold: the codebook
    coder writes the gazetteer's title ('President'), mapped back through the gazetteer entry of
    that official; anything else is kept as it is."""
    if office is None:
        return None
    return _office_titles().get((name, office), office)


def _actor_key(name: str, office: str | None) -> str:
    return f"{_name_key(name)}|{office or NULL}"


# romanisations of one Russian-written name (Zheenbek / Jeenbek, Akhmet / Ahmet, Yerlan /
# Erlan, Toygonbayev / Toigonbaev, Niyazbekov / Niiazbekov, Muttaki / Muttaqi, Victor /
# Viktor): one key, applied in this order
_ROMANISATIONS = (
    ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("ct", "kt"), ("ye", "e"), ("y", "i"),
    ("ii", "i"),
)  # fmt: skip


def _name_key(name: str) -> str:
    """A person's name as scored: case, spacing and the romanisation of a Russian-written name
    do not count (the gold and the coder may write one Central Asian name in two systems)."""
    key = " ".join(name.casefold().split())
    for old, new in _ROMANISATIONS:
        key = key.replace(old, new)
    return key


def _partner_codes(codes: Sequence[str], partners: frozenset[str]) -> set[str]:
    return {c for c in codes if c in partners}


def _asserted(p: PredictedFields, value: Any) -> Any:
    return value if p.relevant else set()


def field_tasks(partners: Sequence[str]) -> list[FieldTask]:
    """The scored fields; ``countries`` is scored over the study's ``partners``."""
    region = frozenset(partners)
    return [
        FieldTask(
            "relevance",
            "binary",
            "relevance",
            lambda g: "relevant" if g.relevant else "not_relevant",
            lambda p: "relevant" if p.relevant else "not_relevant",
        ),
        FieldTask("kind", "single", "kind", lambda g: g.kind, lambda p: p.kind, True),
        FieldTask(
            "event_kinds",
            "multi",
            "event_kinds",
            lambda g: {e.kind for e in g.events if e.kind},
            lambda p: _asserted(p, set(p.event_kinds)),
        ),
        FieldTask(
            "countries",
            "multi",
            "countries",
            lambda g: _partner_codes(g.countries, region),
            lambda p: _asserted(p, _partner_codes(p.countries, region)),
        ),
        FieldTask(
            "countries_all",
            "multi",
            "countries_all",
            lambda g: set(g.countries_all),
            lambda p: _asserted(p, set(p.countries)),
        ),
        FieldTask(
            "framework", "single", "framework", lambda g: g.framework, lambda p: p.framework, True
        ),
        FieldTask("level", "single", "level", lambda g: g.level, lambda p: p.level, True),
        FieldTask(
            "actors",
            "multi",
            "actors",
            lambda g: {_actor_key(a.name, a.office) for a in g.actors},
            lambda p: _asserted(p, {_actor_key(n, o) for n, o in p.actors}),
        ),
        FieldTask(
            "actor_names",
            "multi",
            "actors",
            lambda g: {_name_key(a.name) for a in g.actors},
            lambda p: _asserted(p, {_name_key(n) for n, _ in p.actors}),
        ),
        FieldTask(
            "topics",
            "multi",
            "topics",
            lambda g: set(g.topics),
            lambda p: _asserted(p, set(p.topics)),
        ),
        FieldTask(
            "domains",
            "multi",
            "domains",
            lambda g: set(g.domains),
            lambda p: _asserted(p, set(p.domains)),
        ),
        FieldTask(
            "date_exact",
            "rate",
            "date",
            lambda g: g.event_date,
            lambda p: p.event_date,
            True,
            True,
        ),
        FieldTask(
            "date_within_7_days",
            "rate",
            "date",
            lambda g: g.event_date,
            lambda p: p.event_date,
            True,
            True,
        ),
        FieldTask(
            "location",
            "rate",
            "location",
            lambda g: g.location,
            lambda p: p.location,
            True,
            True,
        ),
    ]


def _date_right(name: str, gold: str, pred: str | None) -> bool:
    if not is_valid_date(pred):
        return False
    assert pred is not None
    if name == "date_exact":
        return len(pred) >= len(gold) and pred[: len(gold)] == gold
    g0, g1 = date_interval(gold)
    p0, p1 = date_interval(pred)
    return max((p0 - g1).days, (g0 - p1).days, 0) <= 7


@functools.cache
def _place_keys() -> dict[str, str]:
    from steppewatch.extract.gazetteer import load_gazetteer

    keys: dict[str, str] = {}
    for place in load_gazetteer().places:
        for name in (place.name, *place.names.get("en", ())):
            keys.setdefault(name.rstrip("*").casefold(), place.location)
    return keys


def place_key(value: str) -> str:
    """The place a location value names, as the coder writes it: the bundled gazetteer's
    canonical city name for any of its English or old names (Nur-Sultan -> Astana), the state's
    code for a province (Sughd -> TJ); anything else as given. Case is ignored."""
    text = value.strip()
    return _place_keys().get(text.casefold(), text).casefold()


def _rate_right(task: FieldTask, gold: Any, pred: Any) -> bool:
    if task.name.startswith("date"):
        return _date_right(task.name, gold, pred)
    if task.name == "location":
        return isinstance(pred, str) and place_key(pred) == place_key(str(gold))
    return isinstance(pred, str) and pred.casefold().strip() == str(gold).casefold().strip()


def _percentile(values: np.ndarray, confidence: float) -> tuple[float | None, float | None]:
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None, None
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def _prf_arrays(
    tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, undefined: float = 0.0
) -> tuple[np.ndarray, ...]:
    """Precision, recall, F1; ``undefined`` where a denominator is zero (0.0 for per-code and
    macro scores, as usual; NaN for the micro scores, reported as undefined)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), undefined)
        r = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), undefined)
        both = np.nan_to_num(p) + np.nan_to_num(r)
        f = np.where(
            both > 0, 2 * np.nan_to_num(p) * np.nan_to_num(r) / np.where(both > 0, both, 1), 0.0
        )
        f = np.where(tp + fp + fn > 0, f, undefined)
    return p, r, f


def _estimate(point: float, samples: np.ndarray, confidence: float) -> Estimate:
    low, high = _percentile(samples, confidence)
    value = float(point)
    return Estimate(value=value if np.isfinite(value) else None, low=low, high=high)


def score_field(
    task: FieldTask,
    gold: Sequence[GoldDocument],
    pred: Sequence[PredictedFields],
    weights: np.ndarray,
    *,
    confidence: float = 0.95,
    emitted: bool = True,
) -> FieldReport:
    """Score one field; ``weights`` is (samples, len(gold)): how often each document was drawn
    in each bootstrap sample."""
    annotated = [i for i, g in enumerate(gold) if task.annotation in g.annotated]
    scope = [
        i
        for i in annotated
        if (not task.relevant_only or gold[i].relevant)
        and (not task.needs_gold_value or task.gold(gold[i]) is not None)
    ]
    report: dict[str, Any] = {
        "field": task.name,
        "type": task.type,
        "n": len(scope),
        "skipped": len(gold) - len(annotated),
        "out_of_scope": len(annotated) - len(scope),
        "emitted": emitted,
    }
    if not scope:
        return FieldReport(**report)
    w = weights[:, scope]
    if task.type == "rate":
        right = np.array(
            [_rate_right(task, task.gold(gold[i]), task.pred(pred[i])) for i in scope], dtype=float
        )
        totals = w.sum(axis=1)
        hits = w @ right if scope else np.zeros(weights.shape[0])
        rates = np.divide(hits, totals, out=np.full_like(hits, np.nan), where=totals > 0)
        point = float(right.mean()) if scope else 0.0
        return FieldReport(**report, accuracy=_estimate(point, rates, confidence))
    gold_sets, pred_sets = [], []
    for i in scope:
        g, p = task.gold(gold[i]), task.pred(pred[i])
        if task.type in ("single", "binary"):
            g, p = {g or NULL}, {p or NULL}
        gold_sets.append(set(g))
        pred_sets.append(set(p))
    labels = sorted(set().union(*gold_sets, *pred_sets)) if scope else []
    index = {label: k for k, label in enumerate(labels)}
    counts = np.zeros((len(scope), len(labels), 3))
    for row, (g, p) in enumerate(zip(gold_sets, pred_sets, strict=True)):
        for label in g | p:
            k = index[label]
            counts[row, k, 0] = label in g and label in p
            counts[row, k, 1] = label in p and label not in g
            counts[row, k, 2] = label in g and label not in p
    flat = counts.reshape(len(scope), len(labels) * 3)
    boot = (w @ flat).reshape(weights.shape[0], len(labels), 3)
    point = counts.sum(axis=0)
    per_code = {}
    for label, k in index.items():
        tp, fp, fn = point[k]
        p, r, f = (float(x) for x in _prf_arrays(np.array(tp), np.array(fp), np.array(fn)))
        per_code[label] = CodeCounts(
            tp=int(tp), fp=int(fp), fn=int(fn), precision=p, recall=r, f1=f
        )
    if task.type == "binary":
        micro_point = point[[index["relevant"]]] if "relevant" in index else np.zeros((1, 3))
        micro_boot = (
            boot[:, index["relevant"], :]
            if "relevant" in index
            else np.zeros((weights.shape[0], 3))
        )
    else:
        micro_point = point.sum(axis=0, keepdims=True)
        micro_boot = boot.sum(axis=1)
    micro = _prf_block(micro_point.reshape(-1, 3)[0], micro_boot, confidence)
    macro = _macro_block(point, boot, confidence)
    accuracy = None
    if task.type in ("single", "binary"):
        right = counts[:, :, 0].sum(axis=1)
        totals = w.sum(axis=1)
        hits = w @ right if scope else np.zeros(weights.shape[0])
        rates = np.divide(hits, totals, out=np.full_like(hits, np.nan), where=totals > 0)
        accuracy = _estimate(float(right.mean()) if scope else 0.0, rates, confidence)
    return FieldReport(**report, micro=micro, macro=macro, accuracy=accuracy, per_code=per_code)


def _prf_block(point: np.ndarray, boot: np.ndarray, confidence: float) -> PRF:
    nan = float("nan")
    p0, r0, f0 = _prf_arrays(point[0:1], point[1:2], point[2:3], nan)
    pb, rb, fb = _prf_arrays(boot[:, 0], boot[:, 1], boot[:, 2], nan)
    return PRF(
        precision=_estimate(p0[0], pb, confidence),
        recall=_estimate(r0[0], rb, confidence),
        f1=_estimate(f0[0], fb, confidence),
    )


def _macro_block(point: np.ndarray, boot: np.ndarray, confidence: float) -> PRF:
    def mean_over_present(block: np.ndarray) -> tuple[np.ndarray, ...]:
        # block (..., labels, 3): average over labels occurring in gold or predictions; with no
        # such label (neither gold nor the coder has any code) the average is undefined (n/a),
        # not 0
        p, r, f = _prf_arrays(block[..., 0], block[..., 1], block[..., 2])
        present = block.sum(axis=-1) > 0
        n = present.sum(axis=-1)
        return tuple(
            np.divide(
                (x * present).sum(axis=-1),
                n,
                out=np.full(np.shape(n), np.nan),
                where=n > 0,
            )
            for x in (p, r, f)
        )

    if point.shape[0] == 0:
        none = Estimate(value=None, low=None, high=None)
        return PRF(precision=none, recall=none, f1=none)
    p0, r0, f0 = mean_over_present(point)
    pb, rb, fb = mean_over_present(boot)
    return PRF(
        precision=_estimate(float(p0), pb, confidence),
        recall=_estimate(float(r0), rb, confidence),
        f1=_estimate(float(f0), fb, confidence),
    )


def bootstrap_weights(n: int, samples: int, seed: int) -> np.ndarray:
    """(samples, n) draw counts: row b says how often each document is in bootstrap sample b.
    With no samples (or no documents) one row of ones: intervals collapse to the point."""
    if samples <= 0 or n == 0:
        return np.ones((1, n))
    draws = np.random.default_rng(seed).integers(0, n, size=(samples, n))
    weights = np.zeros((samples, n))
    np.add.at(weights, (np.repeat(np.arange(samples), n), draws.ravel()), 1)
    return weights


def score_fields(
    gold: Sequence[GoldDocument],
    pred: Sequence[PredictedFields],
    *,
    partners: Sequence[str],
    samples: int = 1000,
    seed: int = 13,
    confidence: float = 0.95,
    not_emitted: frozenset[str] = frozenset(),
) -> dict[str, FieldReport]:
    """Every field, with intervals from one shared set of bootstrap samples.

    ``not_emitted`` names fields the coder never outputs (reported with ``emitted: false``)."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predictions differ in length ({len(gold)} != {len(pred)})")
    weights = bootstrap_weights(len(gold), samples, seed)
    return {
        task.name: score_field(
            task, gold, pred, weights, confidence=confidence, emitted=task.name not in not_emitted
        )
        for task in field_tasks(partners)
    }
