"""``steppewatch evaluate GOLD.jsonl``: score a coder against an annotated gold set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from steppewatch.cli.common import err, progress_bar

if TYPE_CHECKING:
    from rich.console import Console

    from steppewatch.extract.evaluate import EvaluationReport, MultiLabelScores


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate_command(
        gold: Path = typer.Argument(
            ..., help="Gold JSONL file (paths in it are relative to its parent's parent)."
        ),
        coder: str = typer.Option(
            "steppewatch.codebook_coder.v1", "--coder", help="Registered coder name."
        ),
        model: Path | None = typer.Option(
            None, "--model", help="Model file for a trained coder (from 'steppewatch train')."
        ),
        fmt: str = typer.Option("table", "--format", help="table (for people) or json."),
        out: Path | None = typer.Option(
            None, "--out", "-o", help="Write the report here instead of stdout."
        ),
        base_dir: Path | None = typer.Option(
            None, "--base-dir", help="Resolve gold paths against this folder instead."
        ),
        study: str | None = typer.Option(
            None,
            "--study",
            help="Study file or bundled study's name: the coder codes for it and its partner "
            "states are the countries scored. Default: PRC-Central Asia.",
            show_default=False,
        ),
        documents: bool = typer.Option(
            False, "--documents", help="List every document whose codes differ (table format)."
        ),
    ) -> None:
        """Code every document of GOLD with a coder and print precision, recall and F1 for
        relevance, countries (the study's partner states), topics and domains (micro, macro, per code),
        kind accuracy with a confusion table, and event-date accuracy."""
        from steppewatch.errors import InputError
        from steppewatch.extract.evaluate import evaluate

        if fmt not in ("table", "json"):
            raise InputError(f"--format must be 'table' or 'json', not '{fmt}'", code="SW455")
        params: dict[str, Any] = {}
        if model is not None:
            params["model_path"] = str(model)
        from steppewatch.extract.gold import load_gold

        total = len(load_gold(gold))  # also checks the file before any coding
        with progress_bar("Evaluating", total) as update:
            report = evaluate(
                gold,
                coder=coder,
                coder_params=params,
                base_dir=base_dir,
                progress=lambda done, total: update(done),
                study=study,
            )
        for problem in report.missing + report.errors:
            err(f"  skipped {problem.id}: {problem.message}")
        if fmt == "json":
            text = report.model_dump_json(indent=2)
            if out:
                out.write_text(text + "\n", encoding="utf-8")
            else:
                typer.echo(text)
            return
        from rich.console import Console

        if out:
            with out.open("w", encoding="utf-8") as handle:
                render_report(report, Console(file=handle, width=120), documents=documents)
        else:
            render_report(report, Console(), documents=documents)


def render_report(report: EvaluationReport, console: Console, *, documents: bool = False) -> None:
    from rich.table import Table

    c = report.counts
    console.print(
        f"[bold]{report.coder}[/bold] {report.coder_version or ''} on {report.gold_path}: "
        f"{c['scored']} scored of {c['gold']} ({c['missing']} missing, {c['errors']} errors); "
        f"{c['gold_relevant']} relevant in gold, {c['predicted_relevant']} predicted"
    )
    summary = Table(title="Summary", show_lines=False)
    for column in ("measure", "P", "R", "F1", "n"):
        summary.add_column(column, justify="left" if column == "measure" else "right")
    r = report.relevance
    summary.add_row("relevance", _f(r.precision), _f(r.recall), _f(r.f1), str(r.support))
    for name, scores in (
        ("countries (C. Asia)", report.countries),
        ("topics", report.topics),
        ("domains", report.domains),
    ):
        m, a = scores.micro, scores.macro
        summary.add_row(f"{name} micro", _f(m.precision), _f(m.recall), _f(m.f1), str(m.support))
        summary.add_row(
            f"{name} macro", _f(a.precision), _f(a.recall), _f(a.f1), str(len(scores.per_code))
        )
    k, d = report.kind, report.dates
    summary.add_row("kind accuracy (gold-relevant)", "", "", _f(k.accuracy), str(k.n))
    summary.add_row("kind accuracy (all)", "", "", _f(k.accuracy_all), str(k.n_all))
    summary.add_row("event date exact", "", "", _f(d.exact_rate), str(d.n))
    summary.add_row("event date within 7 days", "", "", _f(d.within_7_days_rate), str(d.n))
    console.print(summary)
    for name, scores in (
        ("Countries", report.countries),
        ("Topics", report.topics),
        ("Domains", report.domains),
    ):
        console.print(_per_code_table(name, scores))
    console.print(_confusion(report))
    if documents:
        console.print(_differences(report))


def _f(value: float) -> str:
    return f"{value:.3f}"


def _per_code_table(name: str, scores: MultiLabelScores) -> Any:
    from rich.table import Table

    table = Table(title=f"{name} per code")
    for column in ("code", "P", "R", "F1", "gold", "predicted"):
        table.add_column(column, justify="left" if column == "code" else "right")
    for code, s in sorted(scores.per_code.items(), key=lambda kv: (-kv[1].support, kv[0])):
        style = "red" if s.support >= 2 and s.f1 < 0.5 else None
        table.add_row(
            code,
            _f(s.precision),
            _f(s.recall),
            _f(s.f1),
            str(s.support),
            str(s.predicted),
            style=style,
        )
    return table


def _confusion(report: EvaluationReport) -> Any:
    from rich.table import Table

    confusion = report.kind.confusion
    predicted = sorted({p for row in confusion.values() for p in row})
    from rich import box

    table = Table(
        box=box.SIMPLE,
        padding=(0, 0),
        title="Kind: gold (rows) x predicted (columns), gold-relevant documents",
        caption="  ".join(
            f"{_SHORT.get(k, k)}={k}" for k in sorted(set(confusion) | set(predicted))
        ),
    )
    table.add_column("gold", no_wrap=True)
    for p in predicted:
        table.add_column(_SHORT.get(p, p), justify="right", min_width=5, no_wrap=True)
    for g, row in confusion.items():
        table.add_row(_SHORT.get(g, g), *[str(row[p]) if row.get(p) else "." for p in predicted])
    return table


_SHORT = {
    "meeting": "meet",
    "multilateral_exercise": "m-ex",
    "bilateral_exercise": "b-ex",
    "joint_patrol_operation": "patr",
    "training_education": "trai",
    "equipment_transfer": "equi",
    "infrastructure": "infr",
    "private_security": "priv",
    "mechanism": "mech",
    "incident": "inci",
    "domestic_capacity": "dome",
    "null": "null",
}


def _differences(report: EvaluationReport) -> Any:
    from rich.table import Table

    table = Table(title="Documents whose codes differ", show_lines=True)
    for column in ("id", "field", "gold", "predicted"):
        table.add_column(column)
    for outcome in report.documents:
        for key in ("relevant", "kind", "countries", "topics", "domains", "event_date"):
            g, p = outcome.gold[key], outcome.predicted[key]
            if key in ("topics", "domains") and not outcome.predicted["relevant"]:
                p = []
            if g != p:
                table.add_row(outcome.id, key, str(g), str(p))
    return table
