"""The ``orderhub`` command. Each package adds its own commands through the ``orderhub.cli`` entry
point group (a ``register(app)`` function), so ``hub`` imports nothing of the packages above it."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from hub.errors import OrderhubError, describe_validation_error

app = typer.Typer(
    name="orderhub",
    help="Order-to-cash and export paperwork: orders, documents, reconciliation, customs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


def _load_plugins() -> None:
    for ep in sorted(entry_points(group="orderhub.cli"), key=lambda e: e.name):
        ep.load()(app)


def main() -> None:
    """Entry point: run the CLI; known errors print as one red line and exit 1, never a traceback."""
    from hub import commands  # noqa: F401  (registers hub's own commands)

    _load_plugins()
    try:
        # standalone mode: click reports usage errors itself (exit 2); ours propagate to here
        app()
    except OrderhubError as exc:
        err_console.print("[bold red]error:[/]", Text(str(exc)), highlight=False)
        sys.exit(1)
    except ValidationError as exc:
        err_console.print("[bold red]error:[/]", Text(describe_validation_error(exc)), highlight=False)
        sys.exit(1)
