"""Measure a coder against an annotated gold set (``steppewatch evaluate GOLD.jsonl``).

A gold file holds one JSON object per line naming a document (``path``, relative to the gold
file's parent's parent, i.e. the repository root for ``gold/dev.jsonl``) and its expected
``relevant``, ``kind``, ``countries``, ``topics``, ``domains`` and ``event_date``.

Scoring rules (also printed in the report):

- relevance: precision, recall and F1 of ``relevant`` over every scored document;
- kind: accuracy over the gold-relevant documents, ``null`` counting as a class (commentary),
  and a gold x predicted confusion table; accuracy over all documents is given as well;
- countries (the study's partner states only: the five Central Asian states by default), topics,
  domains: multi-label
  precision, recall and F1, micro (pooled counts) and macro (mean over the codes that occur in
  gold or predictions), and per code. A document the coder judges not relevant asserts no
  codes, so its predicted codes count as empty;
- event date: over gold-relevant documents with a gold date; *exact* when the prediction,
  cut to the gold precision, equals the gold date; *within 7 days* when the two date ranges
  (a month is its first to last day) are at most 7 days apart.

Beside these summary scores, ``EvaluationReport.fields`` scores every field the coder emits
(framework, level, actors, kinds per event, all states taking part, location as well) with
bootstrap intervals, overall and per language and source type (``groups``); see
``steppewatch.extract.field_scores``. A field is scored only on records that annotate it.

Missing gold files and documents the coder fails on are listed and counted, never silently
dropped. The metric functions are pure and take plain sequences, so they are testable on
hand-made predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from steppewatch.errors import InputError, SteppewatchError
from steppewatch.extract.calibration import label_evidence, reliability_bins
from steppewatch.extract.field_scores import (
    FieldReport,
    PredictedFields,
    office_code,
    score_fields,
)
from steppewatch.extract.gold import (
    GoldDocument,
    GoldProblem,
    date_interval,
    is_valid_date,
    load_gold,
    read_gold_documents,
    resolve_gold_path,
)
from steppewatch.extract.registry import DEFAULT_CODER, Coder, get_coder
from steppewatch.study import partner_states as _partner_states

__all__ = [
    "BinaryScores",
    "DateScores",
    "EvaluationReport",
    "FieldReport",
    "GoldDocument",
    "GoldProblem",
    "KindScores",
    "MultiLabelScores",
    "Prediction",
    "Scores",
    "binary_scores",
    "confusion_table",
    "date_interval",
    "date_scores",
    "evaluate",
    "kind_scores",
    "load_gold",
    "multilabel_scores",
    "prediction_from_record",
    "resolve_gold_path",
    "score_predictions",
]

NULL = "null"  # how a missing kind is shown in the confusion table


# --------------------------------------------------------------------------- records


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Scores(_Record):
    precision: float
    recall: float
    f1: float
    support: int = Field(0, description="Gold positives.")
    predicted: int = Field(0, description="Predicted positives.")
    tp: int = 0


class BinaryScores(Scores):
    fp: int = 0
    fn: int = 0
    tn: int = 0
    accuracy: float = 0.0


class MultiLabelScores(_Record):
    micro: Scores
    macro: Scores
    per_code: dict[str, Scores]


class KindScores(_Record):
    accuracy: float = Field(description="Over gold-relevant documents, null a class.")
    n: int
    accuracy_all: float = Field(description="Over all scored documents.")
    n_all: int
    confusion: dict[str, dict[str, int]] = Field(
        description="gold kind -> predicted kind -> count, gold-relevant documents ('null' = none)."
    )


class DateScores(_Record):
    n: int = Field(description="Gold-relevant documents with a gold event date.")
    exact: int
    exact_rate: float
    within_7_days: int
    within_7_days_rate: float
    missing: int = Field(description="No predicted date.")


class DocumentOutcome(_Record):
    id: str
    path: str
    gold: dict[str, Any]
    predicted: dict[str, Any]


class EvaluationReport(_Record):
    gold_path: str
    coder: str
    coder_version: str | None = None
    counts: dict[str, int]
    relevance: BinaryScores
    kind: KindScores
    countries: MultiLabelScores
    topics: MultiLabelScores
    domains: MultiLabelScores
    dates: DateScores
    fields: dict[str, FieldReport] = Field(
        default_factory=dict,
        description="Every field with bootstrap intervals, on all scored documents.",
    )
    groups: dict[str, dict[str, FieldReport]] = Field(
        default_factory=dict,
        description="The same per language ('language=zh') and source type ('source=real_page').",
    )
    group_sizes: dict[str, int] = Field(default_factory=dict)
    confusion: dict[str, dict[str, dict[str, int]]] = Field(
        default_factory=dict,
        description="kind, framework, level: gold -> predicted -> count, gold-relevant documents "
        "that annotate the field ('null' = none).",
    )
    bootstrap: dict[str, float] = Field(
        default_factory=dict, description="samples, seed, confidence of the intervals."
    )
    missing: list[GoldProblem] = Field(default_factory=list)
    errors: list[GoldProblem] = Field(default_factory=list)
    documents: list[DocumentOutcome] = Field(default_factory=list)
    reliability: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Reliability of the codes' confidence: equal-width bins with count, mean "
        "confidence and share right (one per field and code of each predicted-relevant document).",
    )


@dataclass(frozen=True)
class Prediction:
    relevant: bool
    kind: str | None = None
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    event_date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    framework: str | None = None
    level: str | None = None
    actors: tuple[tuple[str, str | None], ...] = ()
    location: str | None = None
    event_kinds: tuple[str, ...] = ()
    language: str | None = None

    def fields(self) -> PredictedFields:
        kinds = self.event_kinds or ((self.kind,) if self.kind else ())
        return PredictedFields(
            relevant=self.relevant,
            kind=self.kind,
            event_kinds=tuple(kinds),
            countries=self.countries,
            framework=self.framework,
            level=self.level,
            actors=self.actors,
            topics=self.topics,
            domains=self.domains,
            event_date=self.event_date,
            location=self.location,
        )


# Fields the codebook coder's records (CodedDocument) have no slot for (none since the coder
# emits the location).
NOT_EMITTED: frozenset[str] = frozenset()


def prediction_from_record(record: Any) -> Prediction:
    """A coded document (``CodedDocument``) -> the fields evaluation compares. Kinds per event
    mention are the kinds of the relevant items (the document's own kind when it has none)."""
    kinds: list[str] = []
    for item in [*(getattr(record, "items", None) or []), record]:
        if item.relevant:
            for kind in [item.kind, *(getattr(item, "event_kinds", None) or [])]:
                if kind and kind not in kinds:
                    kinds.append(kind)
    return Prediction(
        relevant=bool(record.relevant),
        kind=record.kind,
        countries=tuple(record.countries),
        topics=tuple(record.topics),
        domains=tuple(record.domains),
        event_date=record.event_date,
        framework=getattr(record, "framework", None),
        level=getattr(record, "level", None),
        actors=tuple(
            (a.name, office_code(a.name, a.office)) for a in getattr(record, "actors", None) or []
        ),
        location=getattr(record, "location", None),
        event_kinds=tuple(kinds),
        language=getattr(record, "language", None),
    )


# --------------------------------------------------------------------------- metrics


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _prf(tp: int, fp: int, fn: int) -> Scores:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return Scores(
        precision=precision, recall=recall, f1=f1, support=tp + fn, predicted=tp + fp, tp=tp
    )


def binary_scores(gold: Sequence[bool], pred: Sequence[bool]) -> BinaryScores:
    """Precision, recall, F1 and accuracy of the positive class."""
    _same_length(gold, pred)
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    tn = len(gold) - tp - fp - fn
    base = _prf(tp, fp, fn)
    return BinaryScores(
        **base.model_dump(), fp=fp, fn=fn, tn=tn, accuracy=_ratio(tp + tn, len(gold))
    )


def multilabel_scores(
    gold: Sequence[Collection[str]],
    pred: Sequence[Collection[str]],
    *,
    labels: Iterable[str] | None = None,
) -> MultiLabelScores:
    """Micro, macro and per-code P/R/F1 of label sets. ``labels`` restricts the codes scored
    (others are ignored on both sides); macro averages over the scored codes that occur in
    gold or predictions."""
    _same_length(gold, pred)
    keep = set(labels) if labels is not None else None
    counts: dict[str, list[int]] = {}  # code -> [tp, fp, fn]
    for g_raw, p_raw in zip(gold, pred, strict=True):
        g, p = set(g_raw), set(p_raw)
        if keep is not None:
            g, p = g & keep, p & keep
        for code in g | p:
            row = counts.setdefault(code, [0, 0, 0])
            row[0] += code in g and code in p
            row[1] += code in p and code not in g
            row[2] += code in g and code not in p
    per_code = {code: _prf(*counts[code]) for code in sorted(counts)}
    tp, fp, fn = (sum(row[i] for row in counts.values()) for i in range(3))
    micro = _prf(tp, fp, fn)
    n = len(per_code)
    macro = Scores(
        precision=_ratio_f(sum(s.precision for s in per_code.values()), n),
        recall=_ratio_f(sum(s.recall for s in per_code.values()), n),
        f1=_ratio_f(sum(s.f1 for s in per_code.values()), n),
        support=micro.support,
        predicted=micro.predicted,
        tp=micro.tp,
    )
    return MultiLabelScores(micro=micro, macro=macro, per_code=per_code)


def _ratio_f(total: float, n: int) -> float:
    return total / n if n else 0.0


def confusion_table(
    gold: Sequence[str | None], pred: Sequence[str | None]
) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count; ``None`` shown as ``'null'``."""
    _same_length(gold, pred)
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred, strict=True):
        row = table.setdefault(g or NULL, {})
        row[p or NULL] = row.get(p or NULL, 0) + 1
    return {g: dict(sorted(row.items())) for g, row in sorted(table.items())}


def kind_scores(
    gold_kinds: Sequence[str | None],
    pred_kinds: Sequence[str | None],
    gold_relevant: Sequence[bool],
) -> KindScores:
    _same_length(gold_kinds, pred_kinds)
    _same_length(gold_kinds, gold_relevant)
    pairs = [(g, p) for g, p, r in zip(gold_kinds, pred_kinds, gold_relevant, strict=True) if r]
    right = sum(1 for g, p in pairs if g == p)
    right_all = sum(1 for g, p in zip(gold_kinds, pred_kinds, strict=True) if g == p)
    return KindScores(
        accuracy=_ratio(right, len(pairs)),
        n=len(pairs),
        accuracy_all=_ratio(right_all, len(gold_kinds)),
        n_all=len(gold_kinds),
        confusion=confusion_table([g for g, _ in pairs], [p for _, p in pairs]),
    )


def date_scores(gold: Sequence[str | None], pred: Sequence[str | None]) -> DateScores:
    """Exact (at the gold precision) and within-7-days agreement, over pairs with a gold date."""
    _same_length(gold, pred)
    pairs = [(g, p) for g, p in zip(gold, pred, strict=True) if g]
    exact = near = missing = 0
    for g, p in pairs:
        if not is_valid_date(p):
            missing += 1
            continue
        assert g is not None and p is not None
        if len(p) >= len(g) and p[: len(g)] == g:
            exact += 1
        g0, g1 = date_interval(g)
        p0, p1 = date_interval(p)
        gap = max((p0 - g1).days, (g0 - p1).days, 0)
        near += gap <= 7
    return DateScores(
        n=len(pairs),
        exact=exact,
        exact_rate=_ratio(exact, len(pairs)),
        within_7_days=near,
        within_7_days_rate=_ratio(near, len(pairs)),
        missing=missing,
    )


def _same_length(a: Sequence[Any], b: Sequence[Any]) -> None:
    if len(a) != len(b):
        raise ValueError(f"gold and predictions differ in length ({len(a)} != {len(b)})")


# --------------------------------------------------------------------------- running


def score_predictions(
    gold: Sequence[GoldDocument],
    predictions: Sequence[Prediction],
    *,
    gold_path: str = "",
    coder: str = "",
    coder_version: str | None = None,
    missing: Sequence[GoldProblem] = (),
    errors: Sequence[GoldProblem] = (),
    partners: Sequence[str] | None = None,
    samples: int = 1000,
    seed: int = 13,
    confidence: float = 0.95,
    not_emitted: frozenset[str] = NOT_EMITTED,
) -> EvaluationReport:
    """Score aligned gold documents and predictions into a report: the summary scores, and
    every field with bootstrap intervals (``samples`` resamples, ``seed``), overall, per
    language and per source type; countries are scored over ``partners`` (default: the default
    study's partner states)."""
    partners = _partner_states(partners)
    _same_length(gold, predictions)
    if samples < 0 or samples > MAX_SAMPLES:
        raise InputError(
            f"bootstrap samples must be between 0 and {MAX_SAMPLES}, not {samples}",
            hint="1000 is the default; 0 gives point estimates only",
            code="SW470",
        )
    if not 0 < confidence < 1:
        raise InputError(
            f"confidence must be between 0 and 1 (exclusive), not {confidence}", code="SW471"
        )
    pred_codes = [
        p if p.relevant else Prediction(relevant=False, kind=p.kind, event_date=p.event_date)
        for p in predictions
    ]
    report = EvaluationReport(
        gold_path=gold_path,
        coder=coder,
        coder_version=coder_version,
        counts={
            "gold": len(gold) + len(missing) + len(errors),
            "scored": len(gold),
            "missing": len(missing),
            "errors": len(errors),
            "gold_relevant": sum(g.relevant for g in gold),
            "predicted_relevant": sum(p.relevant for p in predictions),
        },
        relevance=binary_scores([g.relevant for g in gold], [p.relevant for p in predictions]),
        kind=kind_scores(
            [g.kind for g in gold], [p.kind for p in predictions], [g.relevant for g in gold]
        ),
        countries=multilabel_scores(
            [g.countries for g in gold], [p.countries for p in pred_codes], labels=partners
        ),
        topics=multilabel_scores([g.topics for g in gold], [p.topics for p in pred_codes]),
        domains=multilabel_scores([g.domains for g in gold], [p.domains for p in pred_codes]),
        dates=date_scores(
            [g.event_date if g.relevant else None for g in gold],
            [p.event_date for p in predictions],
        ),
        missing=list(missing),
        errors=list(errors),
        documents=[_outcome(g, p) for g, p in zip(gold, predictions, strict=True)],
    )
    fields = [p.fields() for p in predictions]

    def scored(members: Sequence[int]) -> dict[str, FieldReport]:
        return score_fields(
            [gold[i] for i in members],
            [fields[i] for i in members],
            partners=partners,
            samples=samples,
            seed=seed,
            confidence=confidence,
            not_emitted=not_emitted,
        )

    report.fields = scored(range(len(gold)))
    for name, members in _groups(gold, predictions).items():
        report.group_sizes[name] = len(members)
        report.groups[name] = scored(members)
    report.confusion = {
        name: confusion_table(
            [getattr(g, name) for g in gold if g.relevant and name in g.annotated],
            [
                getattr(p, name)
                for g, p in zip(gold, predictions, strict=True)
                if g.relevant and name in g.annotated
            ],
        )
        for name in ("kind", "framework", "level")
    }
    report.bootstrap = {"samples": samples, "seed": seed, "confidence": confidence}
    return report


MAX_SAMPLES = 100_000


def _groups(
    gold: Sequence[GoldDocument], predictions: Sequence[Prediction]
) -> dict[str, list[int]]:
    """Document indices per language (the gold record's, else the extracted document's) and
    per source type."""
    groups: dict[str, list[int]] = {}
    for i, (g, p) in enumerate(zip(gold, predictions, strict=True)):
        language = g.language or p.language or "unknown"
        groups.setdefault(f"language={language}", []).append(i)
        groups.setdefault(f"source={g.kind_of_source}", []).append(i)
    return dict(sorted(groups.items()))


def _outcome(gold: GoldDocument, pred: Prediction) -> DocumentOutcome:
    def fields(x: GoldDocument | Prediction) -> dict[str, Any]:
        return {
            "relevant": x.relevant,
            "kind": x.kind,
            "countries": sorted(x.countries),
            "topics": sorted(x.topics),
            "domains": sorted(x.domains),
            "event_date": x.event_date,
        }

    g, p = fields(gold), fields(pred)
    # the newer fields only where the gold record annotates them
    if "framework" in gold.annotated:
        g["framework"], p["framework"] = gold.framework, pred.framework
    if "level" in gold.annotated:
        g["level"], p["level"] = gold.level, pred.level
    if "actors" in gold.annotated:
        g["actors"] = sorted(f"{a.name}|{a.office}" for a in gold.actors)
        p["actors"] = sorted(f"{n}|{o}" for n, o in pred.actors) if pred.relevant else []
    if "event_kinds" in gold.annotated:
        g["event_kinds"] = sorted({e.kind for e in gold.events if e.kind})
        p["event_kinds"] = sorted(pred.fields().event_kinds) if pred.relevant else []
    return DocumentOutcome(id=gold.id, path=gold.path, gold=g, predicted=p)


def evaluate(
    gold_path: str | Path,
    *,
    coder: str | Coder = DEFAULT_CODER,
    coder_params: dict[str, Any] | None = None,
    base_dir: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    study: Any = None,
    samples: int = 1000,
    seed: int = 13,
    confidence: float = 0.95,
) -> EvaluationReport:
    """Code every document of a gold file with ``coder`` and score the result.

    ``coder`` is a registered name (with ``coder_params`` passed to it, e.g. ``model_path``,
    and the ``study``) or a coder object. ``study`` (a ``Study``, a study file or a bundled
    study's name; default: the default study) names the partner states whose countries are
    scored. ``progress(done, total)`` is called as documents are coded. ``samples``, ``seed``
    and ``confidence`` set the bootstrap intervals (same seed, same output).
    """
    from steppewatch.study import resolve_study

    if samples < 0 or samples > MAX_SAMPLES:  # checked before any coding
        raise InputError(
            f"bootstrap samples must be between 0 and {MAX_SAMPLES}, not {samples}",
            hint="1000 is the default; 0 gives point estimates only",
            code="SW470",
        )
    the_study = resolve_study(study)
    gold = load_gold(gold_path)
    params = dict(coder_params or {})
    if study is not None:
        params.setdefault("study", the_study)
    active = get_coder(coder, **params) if isinstance(coder, str) else coder
    extracted, missing, errors = read_gold_documents(gold, gold_path, base_dir)
    scored: list[GoldDocument] = []
    predictions: list[Prediction] = []
    first_error: SteppewatchError | None = None
    labelled: list[tuple[float, bool]] = []
    for done, (document, text) in enumerate(extracted, start=1):
        try:
            record = active.code(text)
        except Exception as error:  # one failing document is reported, the rest are scored
            if first_error is None and isinstance(error, SteppewatchError):
                first_error = error
            code = getattr(error, "code", "SW499")
            errors.append(
                GoldProblem(
                    id=document.id,
                    path=document.path,
                    code=str(code),
                    message=f"{type(error).__name__}: {error}",
                )
            )
        else:
            if record.error is not None:
                errors.append(
                    GoldProblem(
                        id=document.id,
                        path=document.path,
                        code=record.error.code,
                        message=record.error.message,
                    )
                )
            else:
                scored.append(document)
                predictions.append(prediction_from_record(record))
                labelled.extend(
                    (confidence, right)
                    for _, _, confidence, right in label_evidence(record, document)
                    if confidence is not None
                )
        if progress is not None:
            progress(done, len(extracted))
    if not scored and first_error is not None and len(errors) == len(extracted):
        raise first_error  # the coder cannot work at all (e.g. untrained): say why once
    if not scored:
        raise InputError(
            f"no gold document could be scored ({len(missing)} missing, {len(errors)} errors)",
            hint="paths are resolved against the gold file's parent's parent; check ../shared is present",
            code="SW454",
        )
    report = score_predictions(
        scored,
        predictions,
        gold_path=str(gold_path),
        coder=getattr(active, "name", type(active).__name__),
        coder_version=getattr(active, "version", None),
        missing=missing,
        errors=errors,
        partners=the_study.partner_states,
        samples=samples,
        seed=seed,
        confidence=confidence,
    )
    report.reliability = reliability_bins(labelled)
    return report


def weak_codes(scores: MultiLabelScores, *, below: float = 0.5, min_support: int = 2) -> list[str]:
    """Codes with at least ``min_support`` gold examples whose F1 is below ``below``."""
    return [c for c, s in scores.per_code.items() if s.support >= min_support and s.f1 < below]


def label_counts(
    gold: Iterable[GoldDocument], partners: Sequence[str] | None = None
) -> dict[str, Counter[str]]:
    """How often each code occurs in a gold set (for the README and reports); countries: the
    ``partners`` only (default: the default study's)."""
    partners = _partner_states(partners)
    out: dict[str, Counter[str]] = {
        "kind": Counter(),
        "topics": Counter(),
        "domains": Counter(),
        "countries": Counter(),
    }
    for g in gold:
        if g.relevant:
            out["kind"][g.kind or NULL] += 1
        out["topics"].update(g.topics)
        out["domains"].update(g.domains)
        out["countries"].update(c for c in g.countries if c in partners)
    return out
