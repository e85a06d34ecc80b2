"""Commands that bots adds to `orderhub`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add bots's commands to the `orderhub` app."""
