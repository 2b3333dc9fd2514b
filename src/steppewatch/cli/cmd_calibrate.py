"""``steppewatch calibrate GOLD...``: fit the default coder's confidence per code on tuning gold."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("calibrate")
    def calibrate_command(
        gold: list[Path] = typer.Argument(
            ...,
            help="Tuning gold files (gold/dev.jsonl gold/real_tune.jsonl ...: all of them are "
            "TUNING_SETS in steppewatch.extract.calibration, dev to tune10); never held-out sets.",
        ),
        out: Path | None = typer.Option(
            None,
            "--out",
            "-o",
            help="Where to write the calibration (default: the file shipped in the package, "
            "data/calibration/codebook_coder_v1.json).",
        ),
        study: str | None = typer.Option(
            None, "--study", help="Study file or bundled study's name."
        ),
    ) -> None:
        """Code the gold documents, label each code right or wrong against gold and fit, per field,
        an isotonic map from the evidence's raw score to the share right: the confidence every
        evidence of the default coder carries. Refuses the held-out gold/test.jsonl,
        gold/test3.jsonl, gold/test27.jsonl to gold/test30.jsonl, gold/real_heldout.jsonl and
        gold/real_heldout2.jsonl
        (gold/test2.jsonl is tuning data since the fifth coder round, gold/test4.jsonl since the
        ninth, gold/test5.jsonl since the tenth, gold/test6.jsonl since the eleventh,
        gold/test7.jsonl since the twelfth, gold/test8.jsonl since the thirteenth,
        gold/test9.jsonl since the fourteenth, gold/test10.jsonl since the fifteenth,
        gold/test11.jsonl and gold/test12.jsonl since the sixteenth, gold/test13.jsonl and
        gold/test14.jsonl since the seventeenth, gold/test15.jsonl to gold/test18.jsonl since the
        eighteenth, gold/test19.jsonl and gold/test20.jsonl since the nineteenth,
        gold/test21.jsonl and gold/test22.jsonl since the twentieth, gold/test23.jsonl and
        gold/test24.jsonl since the twenty-first and gold/test25.jsonl and gold/test26.jsonl
        since the twenty-second)."""
        from steppewatch.extract.calibration import (
            CALIBRATION_FILE,
            fit,
            samples_from_gold,
            write_calibration,
        )

        samples = samples_from_gold([str(p) for p in gold], study=study)
        calibration = fit(samples, fitted_on=[p.name for p in gold])
        target = write_calibration(calibration, out or CALIBRATION_FILE)
        counts: dict[str, int] = {}
        for field_name, _, _ in samples:
            counts[field_name] = counts.get(field_name, 0) + 1
        typer.echo(
            f"calibrated {len(calibration.fields)} fields on {len(samples)} codes "
            f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) -> {target}"
        )
