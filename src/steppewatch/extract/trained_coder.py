"""A trained coder: small linear models over text and codebook features
(``steppewatch.linear.v1``, trained by ``steppewatch train GOLD.jsonl --out MODEL``).

It follows the scikit-learn estimator contract: ``__init__`` only stores parameters, ``fit``
learns from annotated examples and returns ``self``, learned attributes end in ``_``.

How it codes a document:

1. The default codebook coder runs first. Its items that mention a Central Asian state or a
   regional framework (its *anchored* items; the study's: ``study``) are the candidates; a one-item document with no
   anchor is its own candidate; a many-item document with none is not relevant.
2. Each candidate item becomes one feature vector: hashed character 2-4-grams of the item text
   (TF-IDF weighted, so it works in Chinese, Russian and English without tokenisers), plus
   codebook features from the default coder's reading of the item: how often each code's
   indicators were hit (its evidence spans, per scheme and code) and its own codes (relevance
   score, topics, domains, kind, level, framework, Central Asian countries).
3. Logistic regressions predict relevance, each topic and domain (one-vs-rest, for codes with
   at least ``min_examples`` positive training documents; rarer codes fall back to the default
   coder's answer when ``fallback`` is on) and the event kind (one-vs-rest, 'null' =
   commentary). With ``trust_base_kind`` (default) the default coder's kind wins when it found
   one, and the model decides the rest (in 5-fold cross-validation on gold/dev.jsonl this lifted
   kind accuracy from about 0.62 to 0.76). A topic or domain is coded when
   ``(1 - blend) * p + blend * found`` reaches ``code_threshold``, where ``p`` is the model's
   probability and ``found`` is 1 if the default coder's indicators found the code (blend 0.35
   was chosen by cross-validation on the dev set: topic micro-F1 0.79 -> 0.81, domains 0.75 ->
   0.73; at 0.5 the topics are the indicators' alone).
4. Countries, actors, dates, level and framework come from the default coder. Evidence for the
   trained codes is the default coder's indicator span for that code if it found one, else the
   item's first sentence. The document's top-level codes summarise its relevant items.

Training uses document-level labels (a gold set's ``relevant``, ``kind``, ``topics``,
``domains``); a training document's features are those of its candidate items joined together.
Model files are pickles (joblib): load only files you made yourself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from steppewatch.errors import ExtractionError
from steppewatch.extract.learned_topics import codebook_features, merge_features
from steppewatch.extract.model import CodedDocument, CodedItem, CoderInfo, Evidence
from steppewatch.extract.registry import DEFAULT_CODER, get_coder, register_coder

__all__ = ["LinearCoder", "MODEL_FORMAT", "MODEL_FORMAT_VERSION"]

MODEL_FORMAT = "steppewatch.linear"
MODEL_FORMAT_VERSION = 1
NULL_KIND = "null"
_FIRST_SENTENCE = re.compile(r"[^。！？!?\n]*?(?:[。！？!?]|\.(?=\s)|\n|$)")
_FEATURE_TEXT_LIMIT = 20_000  # characters of an item used for n-grams


def _label(example_labels: Any, name: str, default: Any) -> Any:
    if isinstance(example_labels, Mapping):
        return example_labels.get(name, default)
    return getattr(example_labels, name, default)


@register_coder("steppewatch.linear.v1")
class LinearCoder:
    """Logistic regressions on hashed character n-grams and codebook indicator features."""

    name = "steppewatch.linear.v1"
    version = "1.0.0"

    def __init__(
        self,
        model_path: str | None = None,
        C: float = 4.0,
        n_features: int = 2**18,
        ngram_range: tuple[int, int] = (2, 4),
        min_examples: int = 3,
        threshold: float = 0.5,
        code_threshold: float = 0.5,
        indicator_weight: float = 1.0,
        fallback: bool = True,
        trust_base_kind: bool = True,
        blend: float = 0.35,
        base_coder: str = DEFAULT_CODER,
        study: Any = None,
    ) -> None:
        self.model_path = model_path
        self.C = C
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.min_examples = min_examples
        self.threshold = threshold
        self.code_threshold = code_threshold
        self.indicator_weight = indicator_weight
        self.fallback = fallback
        self.trust_base_kind = trust_base_kind
        self.blend = blend
        self.base_coder = base_coder
        # the study the base coder codes for (a Study, a study file or a bundled study's name;
        # default: the bundled default study); not saved with the model
        self.study = study

    # -- scikit-learn style helpers -----------------------------------------------------
    def get_params(self) -> dict[str, Any]:
        return {
            "model_path": self.model_path,
            "C": self.C,
            "n_features": self.n_features,
            "ngram_range": tuple(self.ngram_range),
            "min_examples": self.min_examples,
            "threshold": self.threshold,
            "code_threshold": self.code_threshold,
            "indicator_weight": self.indicator_weight,
            "fallback": self.fallback,
            "trust_base_kind": self.trust_base_kind,
            "blend": self.blend,
            "base_coder": self.base_coder,
        }

    @property
    def is_fitted(self) -> bool:
        return hasattr(self, "relevance_")

    # -- fit ----------------------------------------------------------------------------
    def fit(self, examples: Iterable[Any]) -> LinearCoder:
        """Learn from ``(document, labels)`` pairs: an extracted document and an object or
        mapping with ``relevant``, ``kind``, ``topics``, ``domains`` (e.g. a ``GoldDocument``)."""
        from sklearn.feature_extraction.text import TfidfTransformer

        pairs = list(examples)
        texts: list[str] = []
        extras: list[dict[str, float]] = []
        labels: list[Any] = []
        for document, example_labels in pairs:
            candidates = self._candidates(document)
            if candidates is None:
                continue  # never predicted on (many items, none anchored): nothing to learn
            texts.append("\n".join(t for t, _ in candidates))
            extras.append(merge_features(f for _, f in candidates))
            labels.append(example_labels)
        relevant = [bool(_label(x, "relevant", False)) for x in labels]
        if len(set(relevant)) < 2 or min(relevant.count(True), relevant.count(False)) < 2:
            raise ExtractionError(
                f"{self.name} needs labelled examples of both relevant and not relevant "
                f"documents (at least 2 of each; got {relevant.count(True)} and "
                f"{relevant.count(False)})",
                hint="annotate more documents (see gold/README.md) and run 'steppewatch train'",
                code="SW457",
            )
        from sklearn.feature_extraction import DictVectorizer

        self.tfidf_ = TfidfTransformer(sublinear_tf=True)
        self.tfidf_.fit(self._hash(texts))
        self.dict_vectorizer_ = DictVectorizer()
        self.dict_vectorizer_.fit(extras)
        X = self._features(texts, extras)
        self.relevance_ = self._logistic()
        self.relevance_.fit(X, relevant)
        rows = [i for i, r in enumerate(relevant) if r]
        X_rel = X[rows]
        self.topics_ = self._fit_codes(X_rel, [labels[i] for i in rows], "topics")
        self.domains_ = self._fit_codes(X_rel, [labels[i] for i in rows], "domains")
        kinds = [_label(labels[i], "kind", None) or NULL_KIND for i in rows]
        counts = {k: kinds.count(k) for k in set(kinds)}
        # kinds with too few examples are left to the default coder (see code())
        self.kind_classes_ = sorted(k for k, n in counts.items() if n >= self.min_examples)
        if len(set(kinds)) > 1:
            from sklearn.multiclass import OneVsRestClassifier

            self.kind_: Any = OneVsRestClassifier(self._logistic())
            self.kind_.fit(X_rel, kinds)
        else:
            self.kind_ = kinds[0]
        self.n_examples_ = len(labels)
        self.n_relevant_ = len(rows)
        return self

    def _logistic(self) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(
            C=self.C,
            class_weight="balanced",
            solver="liblinear",
            dual=True,
            max_iter=2000,
            random_state=0,
        )

    def _fit_codes(self, X: Any, labels: list[Any], field: str) -> dict[str, Any]:

        sets = [set(_label(x, field, ()) or ()) for x in labels]
        models: dict[str, Any] = {}
        for code in sorted(set().union(*sets)) if sets else []:
            y = [code in s for s in sets]
            positives = sum(y)
            if positives < self.min_examples or positives == len(y):
                continue
            model = self._logistic()
            model.fit(X, y)
            models[code] = model
        return models

    # -- code ---------------------------------------------------------------------------
    def code(self, document: Any) -> CodedDocument:
        self._ensure_model()
        base = self._base().code(document)
        text = base.text or document.text or ""
        items = list(base.items) if base.items else [_as_item(base)]
        focal = self._focal()
        anchored = [i for i, item in enumerate(items) if _anchored(item, focal)]
        if not anchored and len(items) == 1:
            anchored = [0]
        for index, item in enumerate(items):
            if index in anchored:
                self._code_item(item, text)
            else:
                _clear(item)
        return self._summarise(base, items)

    def _code_item(self, item: CodedItem, text: str) -> None:
        features = _item_features(item, self._focal())
        X = self._features([_item_text(item, text)], [features])
        score = float(
            self.relevance_.predict_proba(X)[0][list(self.relevance_.classes_).index(True)]
        )
        base_topics, base_domains, base_kind = set(item.topics), set(item.domains), item.kind
        kept = [e for e in item.evidence if e.field not in ("topic", "domain", "kind")]
        old = {(e.field, e.code): e for e in item.evidence}
        item.relevance_score = round(score, 3)
        item.relevant = score >= self.threshold
        if not item.relevant:
            item.topics, item.domains, item.kind, item.evidence = [], [], None, kept
            return
        item.topics = self._predict_codes(self.topics_, X, base_topics)
        item.domains = self._predict_codes(self.domains_, X, base_domains)
        if (
            self.fallback
            and base_kind is not None
            and (self.trust_base_kind or base_kind not in self.kind_classes_)
        ):
            kind = base_kind  # a kind too rare in training to learn: trust the indicators
        elif isinstance(self.kind_, str):
            kind = self.kind_
        else:
            kind = str(self.kind_.predict(X)[0])
        item.kind = None if kind == NULL_KIND else kind
        if item.kind != "meeting":
            item.level = None
        first = _first_sentence(item, text)
        evidence = list(kept)
        for field, codes in (
            ("topic", item.topics),
            ("domain", item.domains),
            ("kind", [item.kind]),
        ):
            for code in codes:
                if code is None:
                    continue
                found = old.get((field, code))
                evidence.append(found or Evidence(field=field, code=code, **first))
        item.evidence = evidence

    def _predict_codes(self, models: dict[str, Any], X: Any, base_codes: set[str]) -> list[str]:
        out = set()
        for code, model in models.items():
            proba = model.predict_proba(X)[0][list(model.classes_).index(True)]
            # blend in the indicators' vote (1 if the default coder found the code, else 0)
            proba = (1 - self.blend) * proba + self.blend * float(code in base_codes)
            if proba >= self.code_threshold:
                out.add(code)
        if self.fallback:
            out |= {c for c in base_codes if c not in models}
        return sorted(out)

    def _summarise(self, base: CodedDocument, items: list[CodedItem]) -> CodedDocument:
        relevant = [i for i in items if i.relevant]
        base.relevance_score = max((i.relevance_score for i in items), default=0.0)
        base.relevant = bool(relevant)
        base.coder = CoderInfo(name=self.name, version=self.version)
        if base.items:
            base.items = items
        if not relevant:
            base.kind = base.level = base.framework = base.event_date = base.date_precision = None
            base.countries, base.topics, base.domains = [], [], []
            base.actors, base.evidence = [], []
            return base
        top = max(relevant, key=lambda i: i.relevance_score)
        base.kind, base.level, base.framework = top.kind, top.level, top.framework
        base.event_date, base.date_precision = top.event_date, top.date_precision
        countries = {c for i in relevant for c in i.countries}
        focal = self._focal()
        if countries:
            countries.add(focal)
        base.countries = sorted(countries, key=lambda c: (c != focal, c))
        base.topics = sorted({t for i in relevant for t in i.topics})
        base.domains = sorted({d for i in relevant for d in i.domains})
        seen: set[str] = set()
        base.actors = []
        for i in relevant:
            for actor in i.actors:
                if actor.name not in seen:
                    seen.add(actor.name)
                    base.actors.append(actor)
        base.evidence = [e for i in relevant for e in i.evidence]
        return base

    # -- features -----------------------------------------------------------------------
    def _candidates(self, document: Any) -> list[tuple[str, dict[str, float]]] | None:
        base = self._base().code(document)
        text = base.text or document.text or ""
        items = list(base.items) if base.items else [_as_item(base)]
        focal = self._focal()
        chosen = [item for item in items if _anchored(item, focal)]
        if not chosen:
            if len(items) > 1:
                return None
            chosen = items
        return [(_item_text(item, text), _item_features(item, focal)) for item in chosen]

    def _hash(self, texts: list[str]) -> Any:
        from sklearn.feature_extraction.text import HashingVectorizer

        vectorizer = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(self.ngram_range),
            n_features=self.n_features,
            alternate_sign=False,
            norm=None,
            lowercase=True,
        )
        return vectorizer.transform([t[:_FEATURE_TEXT_LIMIT] for t in texts])

    def _features(self, texts: list[str], extras: list[dict[str, float]]) -> Any:
        from scipy.sparse import hstack

        grams = self.tfidf_.transform(self._hash(texts))
        codebook = self.dict_vectorizer_.transform(extras) * self.indicator_weight
        return hstack([grams, codebook]).tocsr()

    def _focal(self) -> str:
        from steppewatch.study import resolve_study

        cached: str | None = getattr(self, "_focal_", None)
        if cached is None:
            cached = self._focal_ = resolve_study(self.study).focal_state
        return cached

    def _base(self) -> Any:
        cached = getattr(self, "_base_instance", None)
        if cached is None:
            cached = get_coder(self.base_coder, study=self.study)
            self._base_instance = cached
        return cached

    # -- persistence --------------------------------------------------------------------
    _LEARNED = (
        "tfidf_",
        "dict_vectorizer_",
        "relevance_",
        "topics_",
        "domains_",
        "kind_",
        "kind_classes_",
        "n_examples_",
        "n_relevant_",
    )

    def save(self, path: str | Path) -> Path:
        """Write the fitted model to ``path`` (joblib pickle with a format and version check)."""
        import joblib
        import sklearn

        if not self.is_fitted:
            raise self._unfitted()
        params = self.get_params()
        params.pop("model_path")
        state = {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "coder": self.name,
            "coder_version": self.version,
            "sklearn_version": sklearn.__version__,
            "params": params,
            "learned": {name: getattr(self, name) for name in self._LEARNED},
        }
        target = Path(path)
        joblib.dump(state, target, compress=3)
        return target

    @classmethod
    def load(cls, path: str | Path) -> LinearCoder:
        coder = cls(model_path=str(path))
        coder._ensure_model()
        return coder

    def _ensure_model(self) -> None:
        if self.is_fitted:
            return
        if not self.model_path:
            raise self._unfitted()
        import joblib
        import sklearn

        path = Path(self.model_path)
        if not path.is_file():
            raise ExtractionError(
                f"model file not found: {path}",
                hint="train one with 'steppewatch train GOLD.jsonl --out MODEL'",
                code="SW458",
            )
        try:
            state = joblib.load(path)
        except Exception as error:  # corrupt, truncated or not a joblib file
            raise ExtractionError(
                f"cannot read model file {path}: {type(error).__name__}: {error}",
                hint="retrain with 'steppewatch train'",
                code="SW458",
            ) from None
        if not isinstance(state, dict) or state.get("format") != MODEL_FORMAT:
            raise ExtractionError(f"{path} is not a {self.name} model file", code="SW458")
        if state.get("format_version") != MODEL_FORMAT_VERSION:
            raise ExtractionError(
                f"{path} has model format version {state.get('format_version')}, this "
                f"steppewatch reads version {MODEL_FORMAT_VERSION}",
                hint="retrain with 'steppewatch train'",
                code="SW458",
            )
        if state.get("sklearn_version") != sklearn.__version__:
            raise ExtractionError(
                f"{path} was saved with scikit-learn {state.get('sklearn_version')}, this "
                f"environment has {sklearn.__version__}",
                hint="retrain with 'steppewatch train' (pickled models are version-bound)",
                code="SW458",
            )
        for name, value in state["params"].items():
            setattr(self, name, tuple(value) if name == "ngram_range" else value)
        for name, value in state["learned"].items():
            setattr(self, name, value)

    def _unfitted(self) -> ExtractionError:
        return ExtractionError(
            f"coder {self.name} is not trained",
            hint="run 'steppewatch train GOLD.jsonl --out MODEL' and pass --model MODEL "
            "(or model_path=MODEL)",
            code="SW456",
        )


# -- helpers ------------------------------------------------------------------------------


def _as_item(document: CodedDocument) -> CodedItem:
    """The document itself as its only item (a one-item document has no ``items``)."""
    fields = set(CodedItem.model_fields)
    data = {k: v for k, v in document.model_dump().items() if k in fields}
    data["start"], data["end"] = 0, len(document.text or "")
    return CodedItem(**data)


def _anchored(item: CodedItem, focal: str) -> bool:
    return (
        item.relevance_score > 0 or any(c != focal for c in item.countries) or bool(item.framework)
    )


def _clear(item: CodedItem) -> None:
    item.relevant = False
    item.relevance_score = 0.0
    item.topics, item.domains, item.kind = [], [], None
    item.evidence = [e for e in item.evidence if e.field not in ("topic", "domain", "kind")]


def _item_text(item: CodedItem, text: str) -> str:
    end = item.end if item.end > item.start else len(text)
    return text[item.start : end]


def _item_features(item: CodedItem, focal: str) -> dict[str, float]:
    """The default coder's view of an item as named features (every evidence field counted,
    each partner state a feature)."""
    return codebook_features(item, focal, partner_codes=True, evidence_fields=None)


def _first_sentence(item: CodedItem, text: str) -> dict[str, Any]:
    start = item.start
    end = item.end if item.end > item.start else len(text)
    while start < end and text[start].isspace():
        start += 1
    match = _FIRST_SENTENCE.match(text, start, min(end, start + 300))
    stop = match.end() if match and match.end() > start else min(end, start + 120)
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return {"start": start, "end": stop, "text": text[start:stop]}
