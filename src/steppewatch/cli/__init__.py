"""The ``steppewatch`` command line.

Each command group lives in a module ``cli/cmd_<name>.py`` that defines
``register(app: typer.Typer) -> None``; they are discovered here, so adding a command never
means editing this file. Command modules import heavy libraries (pandas, matplotlib, lxml)
inside the command functions so that ``steppewatch --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from steppewatch import __version__
from steppewatch.errors import SteppewatchError

__all__ = ["app", "main"]

app = typer.Typer(
    name="steppewatch",
    help=(
        "Track and analyse a state's security engagement with a region from open sources. "
        "Default study: the PRC and the five Central Asian states, 1992 to today."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Markdown mode rewraps docstring paragraphs instead of keeping their hard line breaks.
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"steppewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """steppewatch command line."""


def _register_commands() -> None:
    package = sys.modules[__name__]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            module.register(app)


_register_commands()


def _click_exception_types() -> tuple[type[Exception], ...]:
    """click's ``ClickException`` and, in typer releases that vendor their own click
    (``typer._click``), that copy too: a usage error may be raised as either."""
    import click

    types: list[type[Exception]] = [click.ClickException]
    try:
        from typer._click.exceptions import ClickException as VendoredClickException
    except ImportError:
        pass
    else:
        types.append(VendoredClickException)
    return tuple(types)


def usage_error_line(error: Exception) -> str:
    """One line for a mistyped command: ``[SW105] No such option: --bogus (try '... --help')``."""
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    message = " ".join(message.split())
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or "steppewatch"
    return f"[SW105] {message} (see '{command} --help')"


def _fault_error(error: Exception) -> SteppewatchError | None:
    """A coded error for a failure of the machine rather than of the command: the database
    (any SQLAlchemy error) or a full disk. Other exceptions are bugs and keep their traceback."""
    import errno

    from sqlalchemy.exc import SQLAlchemyError

    from steppewatch.store.db_errors import store_error

    if isinstance(error, SQLAlchemyError):
        return store_error(error, "the database")
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        from steppewatch.errors import StoreError

        where = f" writing {error.filename}" if error.filename else ""
        return StoreError(
            f"no space left on the device{where}",
            hint="free space and run the command again",
            code="SW369",
        )
    return None


def main(argv: list[str] | None = None) -> None:
    """Entry point: user mistakes print one line on stderr and exit non-zero, never a traceback."""
    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            raise SystemExit(code)
    except SteppewatchError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(1) from None
    except typer.Exit as exit_:
        raise SystemExit(exit_.exit_code) from None
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise SystemExit(130) from None
    except _click_exception_types() as error:
        typer.echo(f"Error: {usage_error_line(error)}", err=True)
        raise SystemExit(getattr(error, "exit_code", 2) or 2) from None
    except Exception as error:  # a database or disk failure the command did not map itself
        coded = _fault_error(error)
        if coded is None:
            raise
        typer.echo(f"Error: {coded}", err=True)
        raise SystemExit(1) from None
