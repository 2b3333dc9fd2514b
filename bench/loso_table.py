"""The leave-one-set-out table the LOSO benches print (bench/loso_framework.py,
bench/loso_event_fields.py): one Markdown row per left-out set, then the mean of each column
over the sets it could score."""

from __future__ import annotations

import sys
from collections.abc import Sequence


class LosoTable:
    def __init__(self, headers: Sequence[str]) -> None:
        self.columns: list[list[float]] = [[] for _ in headers]
        print("| left out | " + " | ".join(headers) + " |")
        print("|---|" + "---|" * len(headers))

    def row(self, name: str, values: Sequence[float | None]) -> None:
        for column, value in zip(self.columns, values, strict=True):
            if value is not None:
                column.append(value)
        print(f"| {name} | " + " | ".join("-" if v is None else f"{v:.3f}" for v in values) + " |")
        sys.stdout.flush()

    def means(self) -> list[float | None]:
        means = [sum(c) / len(c) if c else None for c in self.columns]
        print(
            "| mean (sets scored) | "
            + " | ".join("-" if v is None else f"{v:.3f}" for v in means)
            + " |"
        )
        return means
