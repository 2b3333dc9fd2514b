"""``steppewatch train GOLD.jsonl --out MODEL``: train the linear coder on annotated documents."""

from __future__ import annotations

from pathlib import Path

import typer

from steppewatch.cli.common import err, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_command(
        gold: Path = typer.Argument(..., help="Gold JSONL file (see gold/README.md)."),
        out: Path = typer.Option(..., "--out", "-o", help="Where to write the model file."),
        cv: int = typer.Option(
            5, "--cv", help="Folds of cross-validation to report first (0: skip)."
        ),
        seed: int = typer.Option(0, "--seed", help="Seed for the cross-validation folds."),
        c: float = typer.Option(4.0, "--C", help="Inverse regularisation strength."),
        min_examples: int = typer.Option(
            3, "--min-examples", help="Fewest positive documents for a code to get a model."
        ),
        cv_report: Path | None = typer.Option(
            None, "--cv-report", help="Write the cross-validation report (JSON) here."
        ),
        base_dir: Path | None = typer.Option(
            None, "--base-dir", help="Resolve gold paths against this folder instead."
        ),
        study: str | None = typer.Option(
            None,
            "--study",
            help="Study file or bundled study's name the base coder codes for (not saved with "
            "the model: give it again to code). Default: PRC-Central Asia.",
            show_default=False,
        ),
    ) -> None:
        """Train steppewatch.linear.v1 (logistic regressions on character n-grams and codebook
        features) from a gold set, report k-fold cross-validated scores, and save the model.
        Use it with: steppewatch evaluate|code ... --coder steppewatch.linear.v1 --model MODEL"""
        import warnings

        from steppewatch.extract.training import cross_validate, load_training_pairs, train

        warnings.filterwarnings("ignore", module="sklearn")
        pairs, missing, errors = load_training_pairs(gold, base_dir)
        for problem in missing + errors:
            err(f"  skipped {problem.id}: {problem.message}")
        relevant = sum(1 for _, g in pairs if g.relevant)
        err(
            f"{len(pairs)} training documents ({relevant} relevant), {len(missing)} missing, "
            f"{len(errors)} unreadable"
        )
        params: dict[str, object] = {"C": c, "min_examples": min_examples}
        if study:
            from steppewatch.study import load_study

            params["study"] = load_study(study)
        if cv:
            with progress_bar(f"{cv}-fold cross-validation", cv) as update:
                report = cross_validate(
                    pairs,
                    k=cv,
                    seed=seed,
                    gold_path=str(gold),
                    progress=lambda done, total: update(done),
                    **params,
                )
            r = report
            err(
                f"cross-validated ({cv} folds): relevance P {r.relevance.precision:.3f} "
                f"R {r.relevance.recall:.3f} F1 {r.relevance.f1:.3f}; kind accuracy "
                f"{r.kind.accuracy:.3f}; countries micro-F1 {r.countries.micro.f1:.3f}; topics "
                f"micro-F1 {r.topics.micro.f1:.3f} macro-F1 {r.topics.macro.f1:.3f}; domains "
                f"micro-F1 {r.domains.micro.f1:.3f}; dates exact {r.dates.exact_rate:.3f}"
            )
            if cv_report:
                cv_report.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
        coder = train(pairs, **params)
        coder.save(out)
        err(
            f"saved {out}: {len(coder.topics_)} topic and {len(coder.domains_)} domain models, "
            f"kinds {', '.join(coder.kind_classes_)}"
        )
