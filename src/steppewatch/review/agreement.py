"""Two reviewers code the same events independently; how far do they agree?

``assign`` gives events to reviewers (``review_assignments``); ``record_coding`` stores one
reviewer's codes for one event (``review_codings``); ``agreement_report`` compares, for every
event coded by two or more reviewers, the first two (by name): per single-choice field (kind,
framework, level) and per code of the multi-choice fields (each topic and domain code is a
present/absent decision), percent agreement, Cohen's kappa (scikit-learn) and Krippendorff's
alpha (nominal, package ``krippendorff``); "overall" pools every decision.

Kappa and alpha are undefined when there is no variation (both reviewers always give the same
single value); they are reported as None then, with the percent agreement still shown.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from steppewatch.errors import ReviewError
from steppewatch.review.audit import record
from steppewatch.store import Store
from steppewatch.store.records import now
from steppewatch.store.review_tables import review_assignments, review_codings
from steppewatch.store.tables import events

SINGLE_FIELDS = {"kind": "event_kind", "framework": "framework", "level": "meeting_level"}
MULTI_FIELDS = {"topics": "topic", "domains": "domain"}


class CodeAgreement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str
    code: str | None = None  # None for a single-choice field as a whole
    n: int
    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None


class AgreementReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: int
    reviewers: list[str]
    overall: CodeAgreement
    per_code: list[CodeAgreement]


def assign(store: Store, event_ids: Sequence[str], reviewers: Sequence[str], *, by: str) -> int:
    """Give each event to each reviewer; returns the number of new assignments."""
    if len(set(reviewers)) < 2:
        raise ReviewError("give at least two different reviewers", code="SW703")
    from steppewatch.review.users import get_user

    for name in reviewers:
        if get_user(store, name) is None:
            raise ReviewError(
                f"no reviewer '{name}'", hint="add one with 'steppewatch users add'", code="SW704"
            )
    added = 0
    stamp = now()
    with store.engine.begin() as conn:
        known = set(
            conn.execute(select(events.c.id).where(events.c.id.in_(list(event_ids)))).scalars()
        )
        missing = [e for e in event_ids if e not in known]
        if missing:
            raise ReviewError(f"no event(s) {', '.join(missing[:5])}", code="SW705")
        existing = {
            (r.event_id, r.reviewer)
            for r in conn.execute(
                select(review_assignments.c.event_id, review_assignments.c.reviewer).where(
                    review_assignments.c.event_id.in_(list(event_ids))
                )
            )
        }
        rows = [
            {"event_id": e, "reviewer": r, "assigned_by": by, "assigned_at": stamp}
            for e in event_ids
            for r in reviewers
            if (e, r) not in existing
        ]
        if rows:
            conn.execute(review_assignments.insert(), rows)
            record(
                conn,
                actor=by,
                action="assign",
                target=f"{len(rows)} assignments",
                after={"events": list(event_ids), "reviewers": list(reviewers)},
            )
        added = len(rows)
    return added


def assignments_for(store: Store, reviewer: str) -> list[dict[str, Any]]:
    """The reviewer's assigned events with their own coding (or None), oldest first."""
    query = (
        select(review_assignments.c.event_id, events.c.title, review_codings.c.codes)
        .join(events, events.c.id == review_assignments.c.event_id)
        .outerjoin(
            review_codings,
            (review_codings.c.event_id == review_assignments.c.event_id)
            & (review_codings.c.reviewer == review_assignments.c.reviewer),
        )
        .where(review_assignments.c.reviewer == reviewer)
        .order_by(review_assignments.c.id)
    )
    with store.engine.connect() as conn:
        return [
            {
                "event_id": r.event_id,
                "title": r.title,
                "codes": json.loads(r.codes) if r.codes else None,
            }
            for r in conn.execute(query)
        ]


def check_codes(codes: dict[str, Any], codebook: Any) -> dict[str, Any]:
    """Keep only known fields, with codes from the codebook; ReviewError otherwise."""
    clean: dict[str, Any] = {}
    problems = []
    for field, scheme in SINGLE_FIELDS.items():
        value = codes.get(field) or None
        if value is not None and value not in codebook.codes(scheme):
            problems.append(f"{field}: unknown code '{str(value)[:40]}'")
        clean[field] = value
    for field, scheme in MULTI_FIELDS.items():
        values = codes.get(field) or []
        if isinstance(values, str):
            values = [values]
        known = set(codebook.codes(scheme))
        problems += [f"{field}: unknown code '{str(v)[:40]}'" for v in values if v not in known]
        clean[field] = sorted(set(values))
    extra = set(codes) - set(SINGLE_FIELDS) - set(MULTI_FIELDS)
    problems += [f"'{str(e)[:40]}' is not a coded field" for e in sorted(map(str, extra))]
    if problems:
        raise ReviewError("; ".join(problems), hint="use codes from the codebook", code="SW706")
    return clean


def record_coding(
    store: Store, event_id: str, reviewer: str, codes: dict[str, Any], *, codebook: Any
) -> None:
    """Store (or replace) the reviewer's independent coding of an assigned event."""
    clean = check_codes(codes, codebook)
    with store.engine.begin() as conn:
        assigned = conn.execute(
            select(review_assignments.c.id).where(
                review_assignments.c.event_id == event_id, review_assignments.c.reviewer == reviewer
            )
        ).first()
        if not assigned:
            raise ReviewError(
                f"event '{event_id[:200]}' is not assigned to '{reviewer}'", code="SW714"
            )
        old = conn.execute(
            select(review_codings.c.codes).where(
                review_codings.c.event_id == event_id, review_codings.c.reviewer == reviewer
            )
        ).scalar()
        conn.execute(
            review_codings.delete().where(
                review_codings.c.event_id == event_id, review_codings.c.reviewer == reviewer
            )
        )
        conn.execute(
            review_codings.insert().values(
                event_id=event_id,
                reviewer=reviewer,
                codes=json.dumps(clean, sort_keys=True),
                coded_at=now(),
            )
        )
        record(
            conn,
            actor=reviewer,
            action="code",
            event_id=event_id,
            before=json.loads(old) if old else None,
            after=clean,
        )


def _stats(field: str, code: str | None, a: list[str], b: list[str]) -> CodeAgreement:
    n = len(a)
    if n == 0:
        return CodeAgreement(
            field=field,
            code=code,
            n=0,
            percent_agreement=None,
            cohen_kappa=None,
            krippendorff_alpha=None,
        )
    pct = 100.0 * sum(x == y for x, y in zip(a, b, strict=True)) / n
    kappa = alpha = None
    if len(set(a) | set(b)) > 1:
        import warnings

        import krippendorff
        import numpy as np
        from sklearn.metrics import cohen_kappa_score

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            k = float(cohen_kappa_score(a, b))
        kappa = None if math.isnan(k) else round(k, 4)
        values = {v: i for i, v in enumerate(sorted(set(a) | set(b)))}
        data = np.array([[values[x] for x in a], [values[y] for y in b]], dtype=float)
        try:
            al = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
            alpha = None if math.isnan(al) else round(al, 4)
        except (ValueError, ZeroDivisionError):
            alpha = None
    return CodeAgreement(
        field=field,
        code=code,
        n=n,
        percent_agreement=round(pct, 2),
        cohen_kappa=kappa,
        krippendorff_alpha=alpha,
    )


def agreement_report(store: Store) -> AgreementReport:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(review_codings).order_by(review_codings.c.event_id, review_codings.c.reviewer)
        ).all()
    by_event: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for r in rows:
        by_event.setdefault(r.event_id, []).append((r.reviewer, json.loads(r.codes)))
    pairs = [(c[0][1], c[1][1]) for c in by_event.values() if len(c) >= 2]
    reviewers = sorted({name for c in by_event.values() if len(c) >= 2 for name, _ in c[:2]})
    per_code: list[CodeAgreement] = []
    pooled_a: list[str] = []
    pooled_b: list[str] = []
    for field in SINGLE_FIELDS:
        a = [str(x.get(field) or "(none)") for x, _ in pairs]
        b = [str(y.get(field) or "(none)") for _, y in pairs]
        per_code.append(_stats(field, None, a, b))
        pooled_a += [f"{field}:{v}" for v in a]
        pooled_b += [f"{field}:{v}" for v in b]
    for field in MULTI_FIELDS:
        used = sorted({c for x, y in pairs for c in (*(x.get(field) or []), *(y.get(field) or []))})
        for code in used:
            a = ["yes" if code in (x.get(field) or []) else "no" for x, _ in pairs]
            b = ["yes" if code in (y.get(field) or []) else "no" for _, y in pairs]
            per_code.append(_stats(field, code, a, b))
            pooled_a += [f"{field}:{code}:{v}" for v in a]
            pooled_b += [f"{field}:{code}:{v}" for v in b]
    overall = _stats("overall", None, pooled_a, pooled_b)
    overall.n = len(pairs)
    return AgreementReport(
        items=len(pairs), reviewers=reviewers, overall=overall, per_code=per_code
    )


def format_table(report: AgreementReport) -> str:
    def f(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}" if abs(v) <= 1 else f"{v:.1f}"

    lines = [
        f"Items coded by two reviewers: {report.items} ({', '.join(report.reviewers) or 'none'})",
        f"{'field':<10} {'code':<24} {'n':>5} {'% agree':>8} {'kappa':>7} {'alpha':>7}",
    ]
    for c in [report.overall, *report.per_code]:
        lines.append(
            f"{c.field:<10} {(c.code or '-'):<24} {c.n:>5} {f(c.percent_agreement):>8} "
            f"{f(c.cohen_kappa):>7} {f(c.krippendorff_alpha):>7}"
        )
    return "\n".join(lines)
