"""The ``orderhub`` command. Each package adds its own commands through the ``orderhub.cli`` entry
point group (a ``register(app)`` function), so ``hub`` imports nothing of the packages above it.

A command whose module is heavy to import registers itself *lazily*, in one line::

    lazy_command(app, "reconcile", "flows.reconcile_cli:register", "Cash application: ...")

``orderhub --help`` then lists it with that help text without importing the module; the module is
imported (and ``register`` called on a scratch app) only when the command itself runs or shows its help.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import PackageNotFoundError, entry_points, version

import typer
from typer import _click as click  # Typer's own (vendored) click: its groups and contexts
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """A command imported only when it runs: ``target`` is ``module:register`` (called with a scratch
    Typer app) or a bare ``module`` that adds the command to :data:`app` when it is imported."""

    name: str
    target: str
    help: str


_LAZY: dict[str, LazyCommand] = {}


class _Stub(TyperCommand):
    """What ``orderhub --help`` lists for a lazy command: its name and help, nothing imported."""


def _load_lazy(spec: LazyCommand) -> click.Command:
    module_name, _, func = spec.target.partition(":")
    module = import_module(module_name)
    source = app
    if func:
        source = typer.Typer()
        getattr(module, func)(source)
        if not source.registered_commands and not source.registered_groups:
            raise RuntimeError(f"{spec.target} registered no command")
    built = typer.main.get_command(source)
    if isinstance(built, TyperGroup):
        command = built.commands.get(spec.name)
        if command is None or isinstance(command, _Stub):
            raise RuntimeError(f"{spec.target} did not register the command {spec.name!r}")
        return command
    built.name = spec.name
    return built


class OrderhubGroup(TyperGroup):
    """The top-level group: lists the lazy commands by their stubs, imports one only when it is invoked."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for spec in _LAZY.values():
            if spec.name not in self.commands:
                self.commands[spec.name] = _Stub(spec.name, help=spec.help, short_help=spec.help)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, _Stub) and name is not None:
            command = _load_lazy(_LAZY[name])
            self.commands[name] = command
        return name, command, rest


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"orderhub {version('orderhub')}")
        except PackageNotFoundError:
            typer.echo("orderhub (not installed)")
        raise typer.Exit()


app = typer.Typer(
    name="orderhub",
    help="Order-to-cash and export paperwork: orders, documents, reconciliation, customs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=OrderhubGroup,
)


@app.callback()
def _root(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print orderhub's version and exit."),
) -> None:
    """Order-to-cash and export paperwork: orders, documents, reconciliation, customs."""


def lazy_command(parent: typer.Typer, name: str, target: str, help_text: str) -> None:
    """Add ``orderhub NAME`` without importing ``target`` until the command runs (see the module's doc).
    Only the top-level app is lazy; on any other ``parent`` the target is imported now."""
    if parent is not app:
        module_name, _, func = target.partition(":")
        module = import_module(module_name)
        if func:
            getattr(module, func)(parent)
        return
    _LAZY[name] = LazyCommand(name, target, help_text)


def group(parent: typer.Typer, name: str, help_text: str) -> typer.Typer:
    """The sub-command group ``name`` of ``parent``: the one already registered, or a new one (so that
    several packages can add commands to one group, e.g. ``orderhub report``)."""
    for info in parent.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    sub = typer.Typer(help=help_text, no_args_is_help=True)
    parent.add_typer(sub, name=name)
    return sub


def _load_plugins() -> None:
    for ep in sorted(entry_points(group="orderhub.cli"), key=lambda e: e.name):
        ep.load()(app)


def main() -> None:
    """Entry point: run the CLI. Known errors print as one red line and exit 1; anything unexpected is
    one line too, naming the log file that holds the details (exit 1); never a traceback."""
    from hub import commands  # noqa: F401  (registers hub's own commands)
    from hub.failures import report_failure

    try:
        _load_plugins()
        # standalone mode: click reports usage errors itself (exit 2); ours propagate to here
        app()
    except SystemExit:
        raise
    except BaseException as exc:  # the one place that turns any failure into a message
        sys.exit(report_failure(exc, sys.argv))
