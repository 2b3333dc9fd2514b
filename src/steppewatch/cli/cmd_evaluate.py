"""``steppewatch evaluate GOLD.jsonl``: score a coder against an annotated gold set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from steppewatch.cli.common import err, progress_bar

if TYPE_CHECKING:
    from rich.console import Console

    from steppewatch.extract.evaluate import EvaluationReport, MultiLabelScores
    from steppewatch.extract.field_scores import FieldReport


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
        samples: int = typer.Option(
            1000, "--bootstrap", help="Bootstrap resamples for the intervals (0: none)."
        ),
        seed: int = typer.Option(
            13, "--seed", help="Seed of the bootstrap (same seed, same output)."
        ),
        groups: bool = typer.Option(
            True,
            "--groups/--no-groups",
            help="Also print every field per language and source type.",
        ),
        reliability: Path | None = typer.Option(
            None,
            "--reliability",
            help="Write the reliability of the codes' confidence to this folder: "
            "reliability.csv (bins) and reliability.png (plot).",
        ),
    ) -> None:
        """Code every document of GOLD with a coder and score every field it emits: relevance,
        kind (main event, and kinds per event mention), the study's partner states and all states
        taking part, framework, level, actors (with office), topics, domains, date, location.
        Micro and macro precision, recall and F1 with bootstrap 95% intervals, per language
        and per source type (real page / readout), confusion tables for kind, framework and
        level. A field is scored only on the records that annotate it; the n column says on
        how many."""
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
                samples=samples,
                seed=seed,
            )
        for problem in report.missing + report.errors:
            err(f"  skipped {problem.id}: {problem.message}")
        if reliability is not None:
            write_reliability(report, reliability)
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
                render_report(
                    report, Console(file=handle, width=140), documents=documents, groups=groups
                )
        else:
            console = Console()
            if not console.is_terminal:  # piped or redirected: rich would squeeze to 80 columns
                console = Console(width=140)
            render_report(report, console, documents=documents, groups=groups)


def write_reliability(report: EvaluationReport, folder: Path) -> tuple[Path, Path]:
    """reliability.csv (the bins) and reliability.png (share right against mean confidence)."""
    import csv

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "reliability.csv"
    columns = ["bin", "low", "high", "count", "mean_confidence", "share_right"]
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(report.reliability)
    used = [r for r in report.reliability if r["count"]]
    figure, axis = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    axis.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    axis.plot(
        [r["mean_confidence"] for r in used],
        [r["share_right"] for r in used],
        marker="o",
        label="codes",
    )
    for r in used:
        axis.annotate(
            str(r["count"]),
            (r["mean_confidence"], r["share_right"]),
            fontsize=7,
            textcoords="offset points",
            xytext=(3, -9),
        )
    axis.set_xlim(0, 1)
    axis.set_ylim(0, 1)
    axis.set_xlabel("confidence (bin mean)")
    axis.set_ylabel("share of codes right")
    axis.set_title(f"Reliability: {Path(report.gold_path).name}", fontsize=10)
    axis.legend(loc="upper left", fontsize=8)
    figure.tight_layout()
    plot = folder / "reliability.png"
    figure.savefig(plot)
    plt.close(figure)
    return table, plot


def render_report(
    report: EvaluationReport, console: Console, *, documents: bool = False, groups: bool = True
) -> None:
    c = report.counts
    console.print(
        f"[bold]{report.coder}[/bold] {report.coder_version or ''} on {report.gold_path}: "
        f"{c['scored']} scored of {c['gold']} ({c['missing']} missing, {c['errors']} errors); "
        f"{c['gold_relevant']} relevant in gold, {c['predicted_relevant']} predicted"
    )
    console.print(_fields_table("All fields", report.fields, report))
    if groups:
        for name, fields in report.groups.items():
            title = f"{name} ({report.group_sizes.get(name, 0)} documents)"
            console.print(_fields_table(title, fields, report))
    for name, scores in (
        ("Countries", report.countries),
        ("Topics", report.topics),
        ("Domains", report.domains),
    ):
        console.print(_per_code_table(name, scores))
    for name in ("kind", "framework", "level"):
        if report.confusion.get(name):
            console.print(_confusion(name, report.confusion[name]))
    if documents:
        console.print(_differences(report))


def _interval(estimate: Any) -> str:
    if estimate is None:
        return ""
    if estimate.value is None:
        return "n/a"
    if estimate.low is None or estimate.high is None:
        return f"{estimate.value:.3f}"
    return f"{estimate.value:.3f} \\[{estimate.low:.2f}-{estimate.high:.2f}]"


def _point(estimate: Any) -> str:
    if estimate is None:
        return ""
    return "n/a" if estimate.value is None else f"{estimate.value:.3f}"


def _fields_table(title: str, fields: dict[str, FieldReport], report: EvaluationReport) -> Any:
    from rich.table import Table

    b = report.bootstrap
    table = Table(
        title=title,
        caption=(
            f"\\[lo-hi]: {b.get('confidence', 0.95):.0%} bootstrap interval ({int(b.get('samples', 0))} "
            f"resamples, seed {int(b.get('seed', 0))}; --format json has intervals for P and R "
            "too); n: documents scored; skip: records that do not annotate the field"
        ),
    )
    for column in ("field", "n", "skip", "P", "R", "micro F1", "macro F1", "accuracy"):
        table.add_column(column, justify="left" if column == "field" else "right", no_wrap=True)
    for name, f in fields.items():
        micro, macro = f.micro, f.macro
        table.add_row(
            name if f.emitted else f"{name} (not emitted)",
            str(f.n),
            str(f.skipped),
            _point(micro.precision) if micro else "",
            _point(micro.recall) if micro else "",
            _interval(micro.f1) if micro else "",
            _interval(macro.f1) if macro else "",
            _interval(f.accuracy),
            style="dim" if f.n == 0 else None,
        )
    return table


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


def _confusion(name: str, confusion: dict[str, dict[str, int]]) -> Any:
    from rich import box
    from rich.table import Table

    predicted = sorted({p for row in confusion.values() for p in row})
    table = Table(
        box=box.SIMPLE,
        padding=(0, 0),
        title=f"{name.capitalize()}: gold (rows) x predicted (columns), gold-relevant documents",
        caption="  ".join(
            f"{_SHORT.get(k, k)}={k}"
            for k in sorted(set(confusion) | set(predicted))
            if _SHORT.get(k, k) != k
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
        for key in outcome.gold:
            g, p = outcome.gold[key], outcome.predicted.get(key)
            if key in ("topics", "domains") and not outcome.predicted["relevant"]:
                p = []
            if g != p:
                table.add_row(outcome.id, key, str(g), str(p))
    return table
