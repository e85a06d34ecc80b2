"""Settings from the environment, with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Where orderhub keeps its data and which database it talks to."""

    home: Path
    database_url: str
    actor: str

    @property
    def quarantine_dir(self) -> Path:
        """Where rejected files are moved, with a reason file beside each."""
        return self.home / "quarantine"


def load_settings(home: str | Path | None = None) -> Settings:
    """Read ``ORDERHUB_HOME``, ``ORDERHUB_DATABASE_URL`` and ``ORDERHUB_ACTOR`` (with defaults).

    The default home is ``./.orderhub``; the default database is a SQLite file inside it.
    """
    base = Path(home or os.environ.get("ORDERHUB_HOME") or ".orderhub").expanduser().resolve()
    url = os.environ.get("ORDERHUB_DATABASE_URL") or f"sqlite:///{base / 'orderhub.db'}"
    actor = os.environ.get("ORDERHUB_ACTOR") or os.environ.get("USER") or "orderhub"
    return Settings(home=base, database_url=url, actor=actor)
