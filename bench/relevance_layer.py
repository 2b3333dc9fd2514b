"""Experiment, NOT adopted: a learned relevance layer over the default coder, judged
leave-one-set-out (LOSO) on the eight tuning gold sets (gold/README.md, "Eleventh round,
learned relevance layer (branch coder14)"). The default coder does not use it. Run the study
with ``bench/relevance_loso.py``.

The layer. The rules of ``codebook_coder`` and ``coder_relevance`` decide whether an item is
about the focal state's security engagement with the region; their recall is high, their
precision on writing they were not tuned on is not (hard negatives). The layer sees an item the
rules code relevant and may only turn it not relevant (``apply_layer``): recall stays bounded
by the rules. What it sees (``item_features``, every feature named): the item's relevance
score; how many codes of each field the rules found, in the lead (title and first sentence) or
later; how the countries were found (named, by membership, a group name...); the main kind,
framework and level (one-hot); how often the focal state, other powers (Russia, the CSTO, the
US, Türkiye, the EU), Afghanistan or Pakistan, Xinjiang and analysts are named in the lead and
later; whether the lead reports an economic sector's or analysts' event or names security as
such; the language, whether the document has many items, the item's length. How it decides
(``RelevanceModel``): ``p = 1 / (1 + exp(-(b + sum w_f * (x_f - mean_f) / scale_f)))`` in plain
Python over a JSON-ready dict; an item with ``p`` below the threshold would be coded not
relevant with an evidence ``field: relevance, code: not_relevant, basis: relevance_model: p=...;
the three features that pushed it down most``, ``confidence`` ``1 - p``. Fitted (``fit``) by
scikit-learn's L2 logistic regression (liblinear, deterministic) on standardised features.

Units and labels (``_labels``): items. A one-item document's item carries the document's
label; in a many-item document (a press-conference transcript) every rule-relevant item of a
not-relevant page is a negative, and of a relevant page the only rule-relevant item or the
items naming a Central Asian state the gold lists are positives; the others are left out
(unknown). ``TRAIN_ON["mode"] = "read"`` also trains on the items the rules read (an anchor)
but coded not relevant; ``"loose"`` trains on the items loose rules code relevant (the partner
engagement and economic-lead gates off), which holds the hard negatives earlier rounds' gates
learned to reject (still scored on the rules' own items). ``FEATURES["set"] = "evidence"`` keeps
only the evidence and name counts (no language, length, score, main kind/framework/level).

LOSO (``code_sets``, ``loso_layer``, ``choose``, ``headline``): every set is coded once by the
rules; for each left-out set the layer is fitted on the other seven and the left-out set's
document relevance scored (a document is relevant when any item stays relevant). ``choose``
picks C and the threshold by the LOSO mean (best mean F1 whose mean recall is within 0.01 of
the rules') and, nested, within the seven training sets only. ``loso_linear``: the optional
linear coder (steppewatch.linear.v1) trained on seven sets. Refuses the held-out sets
(``calibration.HELD_OUT``) by name.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from steppewatch.extract import calibration
from steppewatch.extract.coder_background import lead_end

# evidence fields whose counts (in the lead, later) are features
_FIELDS = ("topic", "domain", "kind", "level", "framework", "country", "actor")
_BASES = ("named", "membership", "group", "venue", "office", "institution")

# names of the focal state (PRC), other powers, Afghanistan and Pakistan, Xinjiang, analysts
_FOCAL = re.compile(
    r"中国|中方|中华人民共和国|北京|习近平|王毅|"
    r"\b(?:China|Chinese|PRC|Beijing|Xi\s+Jinping|Wang\s+Yi)\b|"
    r"Китай|Китая|Китаю|Китаем|КНР|китайск|Пекин|Си\s+Цзиньпин|Ван\s+И\b",
    re.IGNORECASE,
)
_OTHER_POWER = re.compile(
    r"俄罗斯|俄方|集安组织|集体安全条约|美国|美方|土耳其|欧盟|北约|"
    r"\b(?:Russia|Russian|Moscow|CSTO|United\s+States|U\.S\.|US|American|Washington|Turkey|"
    r"T[üu]rkiye|Turkish|EU|European\s+Union|NATO|Pentagon)\b|"
    r"Росси|российск|Москв|ОДКБ|США|американск|Турци|турецк|Евросоюз|\bЕС\b|НАТО",
)
_AFPAK = re.compile(
    r"阿富汗|巴基斯坦|塔利班|\b(?:Afghan\w*|Pakistan\w*|Taliban)\b|Афганистан\w*|афганск|"
    r"Пакистан\w*|талиб",
    re.IGNORECASE,
)
_XINJIANG = re.compile(r"新疆|\bXinjiang\b|Синьцзян", re.IGNORECASE)
_ANALYST = re.compile(
    r"专家|学者|分析人士|智库|\b(?:analysts?|experts?|scholars?|researchers?|think[- ]tank)\b|"
    r"эксперт|аналитик|политолог|исследовател",
    re.IGNORECASE,
)
_PATTERNS = (
    ("focal", _FOCAL),
    ("other_power", _OTHER_POWER),
    ("afpak", _AFPAK),
    ("xinjiang", _XINJIANG),
    ("analyst", _ANALYST),
)
MAX_SCAN = 20_000  # characters of an item scanned for the name counts (a hostile 2 MB item)


# scikit-learn options of ``fit``: class_weight "balanced" weighs the few negatives up
FIT_OPTIONS: dict[str, Any] = {"class_weight": None}
# which features: "all", or "evidence" (without the writing session's style - language, the
# item's length, many items, the rules' score - and without the main kind, framework and level
# one-hot: the variant that did best in LOSO)
FEATURES = {"set": "all"}
STYLE = frozenset(
    {"score", "rules_relevant", "log_chars", "many_items", "lang_zh", "lang_ru", "lang_en"}
    | {"lang_other", "focal_listed"}
)


def _count(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    return sum(1 for _ in pattern.finditer(text, start, end))


def item_features(
    item: Any, text: str, language: str | None, n_items: int, focal: str = "CN"
) -> dict[str, float]:
    """The named features of one coded item (a ``CodedItem`` the rules coded) in ``text``."""
    from steppewatch.extract.codebook_coder import _ANALYSTS, _ECONOMIC, _SECURITY_IN_LEAD

    start, end = item.start, item.end
    lead = min(lead_end(start, text), end)
    features: dict[str, float] = {
        "score": float(item.relevance_score),
        "rules_relevant": float(item.relevant),
    }
    counts: dict[str, int] = {}
    for evidence in item.evidence:
        if evidence.field not in _FIELDS:
            continue
        where = "lead" if evidence.start < lead else "body"
        key = f"ev_{evidence.field}_{where}"
        counts[key] = counts.get(key, 0) + 1
        if evidence.field == "country" and evidence.code != focal:
            basis = evidence.basis if evidence.basis in _BASES else "other"
            key = f"country_basis_{basis}"
            counts[key] = counts.get(key, 0) + 1
    for key, value in counts.items():
        features[key] = math.log1p(value)
    partners = [c for c in item.countries if c != focal]
    features["partners"] = math.log1p(len(partners))
    features["focal_listed"] = float(focal in item.countries)
    features["topics"] = math.log1p(len(item.topics))
    features["event_kinds"] = math.log1p(len(item.event_kinds))
    for name, value in (("kind", item.kind), ("framework", item.framework), ("level", item.level)):
        features[f"{name}_{value or 'none'}"] = 1.0
    body_end = min(end, lead + MAX_SCAN)
    for name, pattern in _PATTERNS:
        features[f"{name}_lead"] = math.log1p(_count(pattern, text, start, lead))
        features[f"{name}_body"] = math.log1p(_count(pattern, text, lead, body_end))
    economic = _ECONOMIC.search(text, start, lead) is not None
    features["economic_lead"] = float(economic)
    features["analysts_lead"] = float(_ANALYSTS.search(text, start, lead) is not None)
    features["security_lead"] = float(_SECURITY_IN_LEAD.search(text, start, lead) is not None)
    features[f"lang_{language if language in ('zh', 'ru', 'en') else 'other'}"] = 1.0
    features["many_items"] = float(n_items > 1)
    features["log_chars"] = math.log1p(end - start) / 10.0
    if FEATURES["set"] == "evidence":
        return {
            k: v
            for k, v in features.items()
            if k not in STYLE and not k.startswith(("kind_", "framework_", "level_"))
        }
    return features


class RelevanceModel:
    """Weights of the relevance layer, read from a dict (the JSON file's content)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.threshold = float(data["threshold"])
        self.intercept = float(data["intercept"])
        self.features: dict[str, tuple[float, float, float]] = {
            name: (float(f["weight"]), float(f["mean"]), float(f["scale"]))
            for name, f in data["features"].items()
        }
        # a feature absent from an item is 0: its standardised value is constant
        self._base = self.intercept + sum(w * (0.0 - m) / s for w, m, s in self.features.values())

    def contributions(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each feature's share of the log-odds beyond the intercept, for the features the
        item has (a feature absent counts as 0)."""
        out = {}
        for name, (weight, mean, scale) in self.features.items():
            out[name] = weight * (features.get(name, 0.0) - mean) / scale
        return out

    def probability(self, features: Mapping[str, float]) -> float:
        logit = self._base
        for name, value in features.items():
            spec = self.features.get(name)
            if spec is not None and value:
                logit += spec[0] * value / spec[2]
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))

    def keeps(self, probability: float) -> bool:
        return probability >= self.threshold

    def reasons(self, features: Mapping[str, float], count: int = 3) -> list[tuple[str, float]]:
        """The ``count`` features that push the probability down most (most negative first)."""
        parts = sorted(self.contributions(features).items(), key=lambda kv: (kv[1], kv[0]))
        return [(name, round(value, 2)) for name, value in parts[:count] if value < 0]


# -- fitting (scikit-learn; not on the coding path) -----------------------------------------
def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    *,
    c: float,
    threshold: float,
    fitted_on: Sequence[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Fit the layer's weights: L2 logistic regression (liblinear, deterministic) over the
    standardised features of ``rows``; returns the JSON-ready dict ``RelevanceModel`` reads."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({name for row in rows for name in row})
    matrix = np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float)
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(
        C=c,
        solver="liblinear",
        max_iter=1000,
        random_state=0,
        class_weight=FIT_OPTIONS["class_weight"],
    )
    model.fit((matrix - mean) / scale, np.asarray(labels, dtype=int))
    weights = model.coef_[0]
    return {
        "method": "L2 logistic regression on standardised features (bench/relevance_layer.py)",
        "fitted_on": list(fitted_on),
        "C": c,
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 6),
        "features": {
            n: {
                "weight": round(float(w), 6),
                "mean": round(float(m), 6),
                "scale": round(float(s), 6),
            }
            for n, w, m, s in zip(names, weights, mean, scale, strict=True)
        },
        **(dict(extra) if extra else {}),
    }


def apply_layer(
    model: RelevanceModel,
    items: Sequence[Any],
    text: str,
    language: str | None,
    focal: str = "CN",
) -> None:
    """Turn the items the rules coded relevant and the layer rejects not relevant; each gets an
    evidence saying so (its probability and the three features that pushed it down most)."""
    from steppewatch.extract.model import Evidence

    for item in items:
        if not item.relevant:
            continue
        features = item_features(item, text, language, len(items), focal)
        probability = model.probability(features)
        if model.keeps(probability):
            continue
        item.relevant = False
        lead = min(lead_end(item.start, text), item.end, item.start + 200)
        reasons = "; ".join(f"{name} {value:+.2f}" for name, value in model.reasons(features))
        item.evidence.append(
            Evidence(
                field="relevance",
                code="not_relevant",
                start=item.start,
                end=lead,
                text=text[item.start : lead],
                basis=f"relevance_model: p={probability:.3f} < {model.threshold:g}; {reasons}",
                confidence=round(1.0 - probability, 3),
            )
        )


TUNING_SETS = tuple(f"{name}.jsonl" for name in calibration.TUNING_SETS)
# the grids LOSO chooses from (bench/relevance_loso.py --c-grid, --t-grid change them)
GRID: dict[str, tuple[float, ...]] = {
    "C": (0.01, 0.03, 0.1, 0.3, 1.0),
    "threshold": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5),
}
RECALL_SLACK = 0.01  # the most LOSO mean recall may drop (a relevant document lost costs all)

Row = dict[str, float]


@dataclass
class CodedSet:
    name: str
    path: str
    gold: list[bool] = field(default_factory=list)
    rules: list[bool] = field(default_factory=list)
    # per document: the rule-relevant items' (features, label: True, False or None = unknown)
    items: list[list[tuple[Row, bool | None]]] = field(default_factory=list)
    # per document: the items the rules read (an anchor) but coded not relevant, with labels
    others: list[list[tuple[Row, bool | None]]] = field(default_factory=list)
    # per document: the items loose rules code relevant (no partner-engagement or economic-lead
    # gate: codebook_coder.NAMED_ONLY_FACTOR = 1), with labels; many more hard negatives
    loose: list[list[tuple[Row, bool | None]]] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)  # (GoldDocument, ExtractedDocument)


def refuse_held_out(paths: Sequence[str | Path]) -> None:
    """Refuse the held-out gold sets by name, as ``steppewatch calibrate`` does."""
    from steppewatch.extract.calibration import HELD_OUT

    for path in paths:
        if Path(path).name in HELD_OUT:
            raise SystemExit(
                f"{path} is a held-out gold set: fitting the relevance layer on it would leak it "
                f"into the coder; fit on the tuning sets ({calibration.tuning_paths_hint()})"
            )


def _labels(items: Sequence[Any], gold: Any, focal: str) -> list[bool | None]:
    """Training labels of the rule-relevant ``items`` of one document (see the module docstring)."""
    if not gold.relevant:
        return [False] * len(items)
    if len(items) == 1:
        return [True]
    wanted = {c for c in gold.countries if c != focal}
    labels: list[bool | None] = [
        True if wanted & {c for c in i.countries if c != focal} else None for i in items
    ]
    return labels


def code_sets(paths: Sequence[str], study: Any = None) -> list[CodedSet]:
    """Code every document of the gold files with the rules alone (layer off)."""
    from steppewatch.extract import codebook_coder
    from steppewatch.extract.codebook_coder import CodebookCoder
    from steppewatch.extract.gold import load_gold, read_gold_documents
    from steppewatch.study import resolve_study

    refuse_held_out(paths)
    focal = resolve_study(study).focal_state
    coder = CodebookCoder(study=study)
    loose = TRAIN_ON["mode"] == "loose"
    out = []
    for path in paths:
        coded = CodedSet(name=Path(path).stem, path=str(path))
        extracted, _, _ = read_gold_documents(load_gold(path), path, None)
        for gold, document in extracted:
            record = coder.code(document)
            items = record.items or [record]
            relevant = [i for i in items if i.relevant]
            labels = _labels(relevant, gold, focal)
            read = [i for i in items if not i.relevant and i.evidence]
            other_labels = _labels(read, gold, focal) if read else []
            coded.others.append(
                [
                    (item_features(i, document.text, document.language, len(items), focal), y)
                    for i, y in zip(read, other_labels, strict=True)
                ]
            )
            coded.gold.append(bool(gold.relevant))
            coded.rules.append(bool(record.relevant))
            coded.items.append(
                [
                    (item_features(i, document.text, document.language, len(items), focal), y)
                    for i, y in zip(relevant, labels, strict=True)
                ]
            )
            coded.documents.append((gold, document))
            if loose:
                factor = codebook_coder.NAMED_ONLY_FACTOR
                codebook_coder.NAMED_ONLY_FACTOR = 1.0
                try:
                    record = coder.code(document)
                finally:
                    codebook_coder.NAMED_ONLY_FACTOR = factor
                items = record.items or [record]
                relevant = [i for i in items if i.relevant]
                coded.loose.append(
                    [
                        (item_features(i, document.text, document.language, len(items), focal), y)
                        for i, y in zip(relevant, _labels(relevant, gold, focal), strict=True)
                    ]
                )
        out.append(coded)
    return out


def prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (round(precision, 4), round(recall, 4), round(f1, 4))


# which items train the layer: the rule-relevant ones only, or every item the rules read
TRAIN_ON = {"mode": "relevant"}


def _training(sets: Sequence[CodedSet]) -> tuple[list[Row], list[bool]]:
    rows: list[Row] = []
    labels: list[bool] = []
    for coded in sets:
        pools = {
            "read": [coded.items, coded.others],
            "loose": [coded.loose],
        }.get(TRAIN_ON["mode"], [coded.items])
        for items in (i for pool in pools for i in pool):
            for row, label in items:
                if label is not None:
                    rows.append(row)
                    labels.append(label)
    return rows, labels


def fit_sets(sets: Sequence[CodedSet], c: float, threshold: float) -> dict[str, Any]:
    rows, labels = _training(sets)
    return fit(rows, labels, c=c, threshold=threshold, fitted_on=[s.name for s in sets])


def _probabilities(model: RelevanceModel, coded: CodedSet) -> list[list[float]]:
    return [[model.probability(row) for row, _ in items] for items in coded.items]


def _scores(
    coded: CodedSet, probabilities: list[list[float]], thresholds: Sequence[float]
) -> dict[float, tuple[float, float, float]]:
    return {
        t: prf(coded.gold, [any(p >= t for p in doc) for doc in probabilities]) for t in thresholds
    }


def loso_layer(
    sets: Sequence[CodedSet], c: float, thresholds: Sequence[float]
) -> dict[str, dict[float, tuple[float, float, float]]]:
    """Per left-out set and threshold: its document relevance P/R/F1 with the layer fitted
    (at ``c``) on the other sets."""
    out = {}
    for i, left in enumerate(sets):
        train = [s for j, s in enumerate(sets) if j != i]
        model = RelevanceModel(fit_sets(train, c, 0.5))
        out[left.name] = _scores(left, _probabilities(model, left), thresholds)
    return out


def _pick(
    sets: Sequence[CodedSet], cs: Sequence[float], thresholds: Sequence[float]
) -> tuple[float, float]:
    """C and threshold with the best LOSO mean F1 over ``sets`` whose mean recall is within
    ``RECALL_SLACK`` of the rules'; ties to the lower threshold and the smaller C."""
    rules_recall = statistics.mean(prf(s.gold, s.rules)[1] for s in sets)
    best: tuple[float, float, float] | None = None
    for c in cs:
        per = loso_layer(sets, c, thresholds)
        for t in thresholds:
            f1 = statistics.mean(per[s.name][t][2] for s in sets)
            recall = statistics.mean(per[s.name][t][1] for s in sets)
            if recall < rules_recall - RECALL_SLACK:
                continue
            key = (round(f1, 6), -t, -c)
            if best is None or key > best:
                best = key
    if best is None:
        return (cs[0], 0.0)  # no layer keeps recall: a threshold of 0 keeps every item
    return (-best[2], -best[1])


def choose(sets: Sequence[CodedSet], base: dict[str, tuple[float, float, float]]) -> dict[str, Any]:
    """The nested LOSO figures (C and threshold chosen on the seven training sets only, then
    scored on the eighth) and the configuration chosen by the LOSO mean over all sets."""
    rows: dict[str, tuple[float, float, float]] = {}
    chosen: dict[str, tuple[float, float]] = {}
    for i, left in enumerate(sets):
        train = [s for j, s in enumerate(sets) if j != i]
        c, t = _pick(train, GRID["C"], GRID["threshold"])
        model = RelevanceModel(fit_sets(train, c, t))
        rows[left.name] = _scores(left, _probabilities(model, left), [t])[t]
        chosen[left.name] = (c, t)
    return {"rows": rows, "chosen": chosen, "overall": _pick(sets, GRID["C"], GRID["threshold"])}


def fit_all(sets: Sequence[CodedSet], c: float, threshold: float) -> dict[str, Any]:
    """The shipped weights: fitted on every set."""
    return fit_sets(sets, c, threshold)


def _fields(gold: Sequence[Any], records: Sequence[Any]) -> dict[str, float]:
    from steppewatch.extract.evaluate import prediction_from_record, score_predictions

    report = score_predictions(gold, [prediction_from_record(r) for r in records], samples=0)
    f = report.fields

    def value(name: str, kind: str, metric: str) -> float:
        return round(float(getattr(getattr(f[name], kind), metric).value), 3)

    return {
        "rel_P": round(report.relevance.precision, 3),
        "rel_R": round(report.relevance.recall, 3),
        "rel_F1": round(report.relevance.f1, 3),
        "CA_P": value("countries", "micro", "precision"),
        "CA_R": value("countries", "micro", "recall"),
        "CA_F1": value("countries", "micro", "f1"),
        "kind_macro": value("kind", "macro", "f1"),
        "framework": value("framework", "micro", "f1"),
        "level": value("level", "micro", "f1"),
        "topics": value("topics", "micro", "f1"),
    }


def layered(record: Any, model: RelevanceModel, document: Any, coder: Any) -> Any:
    """``record`` (the rules' ``CodedDocument`` of ``document``) with the layer applied to its
    items and the document's codes summarised again (as ``codebook_coder._summarise`` does)."""
    from steppewatch.extract.codebook_coder import _summarise
    from steppewatch.extract.model import CodedDocument

    res = coder._resources()
    items = [i.model_copy(deep=True) for i in (record.items or [record])]
    apply_layer(model, items, document.text, document.language, res.study.focal)
    fresh = CodedDocument(
        source=record.source,
        language=record.language,
        published=record.published,
        text=document.text,
        codebook_version=record.codebook_version,
        coder=record.coder,
    )
    _summarise(fresh, items, res)
    if not fresh.relevant:  # the layer's note on why (the document has no other evidence)
        fresh.evidence = [e for i in items for e in i.evidence if e.field == "relevance"]
    return fresh


def headline(
    sets: Sequence[CodedSet], c: float, threshold: float, loso: bool = True
) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    """Every headline field per set, rules alone -> with the layer (fitted on the other sets
    when ``loso``, else on all of them: in-sample)."""
    from steppewatch.extract.codebook_coder import CodebookCoder

    coder = CodebookCoder()
    whole = None if loso else fit_sets(sets, c, threshold)
    out = {}
    for i, left in enumerate(sets):
        weights = whole or fit_sets([s for j, s in enumerate(sets) if j != i], c, threshold)
        model = RelevanceModel(weights)
        gold = [g for g, _ in left.documents]
        records = [coder.code(d) for _, d in left.documents]
        before = _fields(gold, records)
        after = _fields(
            gold,
            [
                layered(r, model, d, coder)
                for r, (_, d) in zip(records, left.documents, strict=True)
            ],
        )
        out[left.name] = (before, after)
    return out


def loso_linear(paths: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    """The optional linear coder (steppewatch.linear.v1) trained on all sets but one, its
    document relevance on the left-out set."""
    from steppewatch.extract.training import load_training_pairs, train

    refuse_held_out(paths)
    pairs = {Path(p).stem: load_training_pairs(p)[0] for p in paths}
    out = {}
    for name, left in pairs.items():
        training = [pair for other, ps in pairs.items() if other != name for pair in ps]
        coder = train(training)
        pred = [bool(coder.code(document).relevant) for document, _ in left]
        out[name] = prf([bool(g.relevant) for _, g in left], pred)
    return out
