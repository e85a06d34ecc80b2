"""Which store a command used, in words a person can act on (never ``Store('sqlite:///…')``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hub.store import Store


def store_place(store: Store) -> str:
    """The SQLite file (``./.orderhub/orderhub.db`` when under the current folder) or the database server
    and name (``db.example.com/orderhub``, no user or password)."""
    url = store.url
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        try:
            return f"./{path.resolve().relative_to(Path.cwd().resolve())}"
        except ValueError:
            return str(path)
    rest = url.split("://", 1)[-1]
    return rest.rsplit("@", 1)[-1].split("?", 1)[0]


def which_store(store: Store) -> str:
    """``./.orderhub/orderhub.db; set ORDERHUB_HOME to use another store`` (or where the choice came from)."""
    place = store_place(store)
    if os.environ.get("ORDERHUB_DATABASE_URL"):
        return f"{place} (ORDERHUB_DATABASE_URL)"
    if os.environ.get("ORDERHUB_HOME"):
        return f"{place} (ORDERHUB_HOME={os.environ['ORDERHUB_HOME']})"
    return f"{place}; set ORDERHUB_HOME to use another store"


def nothing_in(store: Store, what: str, *, filtered: int | None = None) -> str:
    """``0 orders in ./.orderhub/orderhub.db; set ORDERHUB_HOME…``; with ``filtered`` (how many there are
    before the command's filters) ``0 orders match (12 in …)``."""
    if filtered:
        return f"0 {what} match the filters ({filtered} in {store_place(store)})"
    return f"0 {what} in {which_store(store)}"
