"""Small server-side charts: bar geometry computed here, drawn as inline SVG by the templates
(no script, no external assets; the CSP allows it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    width: float  # 0-100, share of the largest value


def bars(
    counts: dict[str, int] | None, labels: dict[str, str] | None = None, top: int = 25
) -> list[Bar]:
    if not counts:
        return []
    items = list(counts.items())[:top]
    peak = max(v for _, v in items) or 1
    return [Bar(k, (labels or {}).get(k, k), v, round(100 * v / peak, 2)) for k, v in items]


@dataclass(frozen=True)
class Column:
    x: float
    height: float
    year: str
    value: int


def year_columns(
    counts: dict[str, int] | None, width: int = 640, height: int = 120
) -> list[Column]:
    """Vertical bars per year, every year from first to last (zeros included)."""
    if not counts:
        return []
    years = sorted(int(y) for y in counts)
    span = list(range(years[0], years[-1] + 1))
    peak = max(counts.values()) or 1
    step = width / max(len(span), 1)
    return [
        Column(
            round(i * step, 2),
            round(height * counts.get(str(y), 0) / peak, 2),
            str(y),
            counts.get(str(y), 0),
        )
        for i, y in enumerate(span)
    ]
