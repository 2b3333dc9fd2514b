"""Docs are checked by tests: every command is in the README, the codebook manual is current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from steppewatch.cli import app
from steppewatch.codebook import load_codebook
from steppewatch.codebook.manual import render_manual

REPO = Path(__file__).resolve().parents[1]


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _commands() if f"steppewatch {name}" not in readme]
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


def test_every_command_and_option_has_help() -> None:
    for name, command in _commands().items():
        assert command.help, f"'steppewatch {name}' has no help text"
        sub = command.commands.values() if hasattr(command, "commands") else [command]
        for cmd in sub:
            for param in cmd.params:
                if param.param_type_name == "option" and param.name != "help":
                    assert param.help, f"'steppewatch {name}' option {param.opts} has no help"


def test_codebook_manual_in_docs_is_current() -> None:
    manual = (REPO / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert manual == render_manual(load_codebook()), (
        "docs/codebook.md is stale: run 'steppewatch codebook manual --out docs/codebook.md'"
    )
