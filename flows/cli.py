"""Commands that flows adds to `orderhub`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add flows's commands to the `orderhub` app."""
    from flows import reconcile_cli

    reconcile_cli.register(app)  # reconcile, reconcile apply, match3
