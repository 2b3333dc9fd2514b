"""``steppewatch errors [CODE...] [--markdown] [--out FILE]``: the error catalogue."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import typer

_CODE = re.compile(r"\[?(?:SW)?(\d{3})\]?", re.IGNORECASE)


def register(app: typer.Typer) -> None:
    @app.command("errors")
    def errors(
        codes: list[str] | None = typer.Argument(
            None, help="Codes to explain (SW304, sw304 or 304). Default: list every code."
        ),
        markdown: bool = typer.Option(
            False, "--markdown", help="Print the whole catalogue as Markdown (docs/errors.md)."
        ),
        out: Path | None = typer.Option(
            None, "--out", "-o", help="Write the output to this file instead of stdout."
        ),
    ) -> None:
        """Explain error codes: what [SWnnn] means and what to do (the catalogue, docs/errors.md)."""
        from steppewatch.error_codes import CATALOGUE, render_markdown
        from steppewatch.errors import InputError

        if markdown:
            text = render_markdown()
        elif codes:
            blocks = []
            for given in codes:
                match = _CODE.fullmatch(given.strip())
                entry = CATALOGUE.get(f"SW{match.group(1)}") if match else None
                if entry is None:
                    raise InputError(
                        f"'{given[:40]}' is not a steppewatch error code",
                        hint="run 'steppewatch errors' for the list",
                        code="SW106",
                    )
                status = f" (HTTP {entry.http})" if entry.http else ""
                blocks.append(
                    f"[{entry.code}] {entry.name}{status}\n"
                    f"  Meaning: {entry.meaning}\n"
                    f"  What to do: {entry.hint}\n"
                )
            text = "\n".join(blocks)
        else:
            text = "".join(
                f"{e.code}  {e.name:<28}  {e.meaning}\n"
                for e in sorted(CATALOGUE.values(), key=lambda e: e.code)
            )
        if out:
            out.write_text(text, encoding="utf-8")
            typer.echo(f"Wrote {out}")
        else:
            sys.stdout.write(text)
