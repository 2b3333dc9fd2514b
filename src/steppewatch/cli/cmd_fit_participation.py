"""``steppewatch fit-participation``: refit the default coder's learned participation layer."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("fit-participation")
    def fit_participation_command(
        gold: list[Path] = typer.Argument(
            None,
            help="Tuning gold files (default: the tuning sets under gold/ of the current "
            "directory but this round's validation sets: dev, real_tune, tune2, test2, tune3, "
            "test4 to test14, tune4, test17 to test20); never held-out sets.",
            show_default=False,
        ),
        out: Path | None = typer.Option(
            None,
            "--out",
            "-o",
            help="Where to write the weights (default: the file the package would ship, "
            "data/participation/participation_v1.json).",
        ),
        enable: bool = typer.Option(
            False,
            "--enable",
            help="Mark the weights enabled, so the default coder applies them (the layer is "
            "not adopted: without this flag the file is written disabled).",
        ),
    ) -> None:
        """Fit the learned participation layer: a logistic regression over named features of
        each (item, partner state) pair the country rules code, which removes a Central Asian
        state named but not taking part (it never adds one, never empties an item, and the
        state stays as a named_state evidence). C and the threshold are chosen by
        leave-one-set-out over the sets given. Deterministic: rerunning it on the same gold
        writes the same bytes. The layer is not adopted (gold/README.md, eighteenth round):
        without --enable the weights are written disabled and the coder ignores them. After
        enabling it, refit the topic layer (`steppewatch fit-topics`) and the calibration
        (`steppewatch calibrate`). Refuses the held-out gold sets by name (and test15, test16).
        Run it from the repository (it reads gold/)."""
        from steppewatch.extract.participation_fit import FIT_SETS, fit_participation
        from steppewatch.extract.participation_model import WEIGHTS_PATH

        paths = (
            [str(p) for p in gold]
            if gold
            else [str(Path("gold") / f"{name}.jsonl") for name in FIT_SETS]
        )
        target, data = fit_participation(paths, out or WEIGHTS_PATH, enabled=enable)
        typer.echo(
            f"wrote {target}: {data['pairs']} pairs ({data['not_in_gold']} not in gold), "
            f"C {data['C']}, threshold {data['threshold']}, "
            + ("enabled" if data["enabled"] else "disabled (the coder ignores it)")
        )
