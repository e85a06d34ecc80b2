"""Commands that extractors adds to `orderhub`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add extractors's commands to the `orderhub` app."""
