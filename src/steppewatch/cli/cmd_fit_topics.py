"""``steppewatch fit-topics``: refit the default coder's learned topic layer on tuning gold."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("fit-topics")
    def fit_topics_command(
        gold: list[Path] = typer.Argument(
            None,
            help="Tuning gold files (default: the tuning sets under gold/ of the current "
            "directory, TUNING_SETS in steppewatch.extract.calibration: dev, real_tune, tune2, "
            "test2, tune3, test4 to test26, tune4 to tune10); never held-out sets.",
            show_default=False,
        ),
        out: Path | None = typer.Option(
            None,
            "--out",
            "-o",
            help="Where to write the weights (default: the file shipped in the package, "
            "data/learned/topic_layer_v1.json).",
        ),
    ) -> None:
        """Fit the learned topic layer: per topic, a logistic regression over the default coder's
        own codes as named features, which withholds a topic the indicators found when gold
        rarely carries it in such documents (it never adds one). Deterministic: rerunning it on
        the same gold writes the same bytes. Refit it after changing the coder's rules, then
        refit the calibration (`steppewatch calibrate`). Refuses the held-out gold/test.jsonl,
        gold/test3.jsonl, gold/test27.jsonl to gold/test30.jsonl, gold/real_heldout.jsonl and
        gold/real_heldout2.jsonl.
        Run it from the repository (it reads gold/)."""
        from steppewatch.extract.learned_topics import LAYER_FILE, TUNING_SETS, write_layer

        paths = (
            [str(p) for p in gold]
            if gold
            else [str(Path("gold") / f"{name}.jsonl") for name in TUNING_SETS]
        )
        target, data = write_layer(paths, out or LAYER_FILE)
        typer.echo(
            f"wrote {target}: {len(data['topics'])} topics from {data['documents']} documents"
        )
