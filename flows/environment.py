"""Prefect settings orderhub needs before ``prefect`` is first imported.

``./run`` exports the same values; this covers ``orderhub`` started some other way (an IDE, cron).
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    # No network here: Prefect's telemetry would fail and log errors.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The embedded server takes 8-17 s to start on 2 cores; Prefect's default timeout is too short.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def apply_defaults(project_root: Path | None = None) -> None:
    """Set the defaults unless the user set them; keep ``PREFECT_HOME`` inside the project."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
    if "PREFECT_HOME" not in os.environ:
        root = project_root or Path(os.environ.get("ORDERHUB_ROOT", Path.cwd()))
        os.environ["PREFECT_HOME"] = str(root / ".prefect")
