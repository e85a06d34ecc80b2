"""Fixtures for the store tests (``tests/hub``): ``any_store``, a fresh store on SQLite and, where
``ORDERHUB_TEST_PG_URL`` is set, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.settings import load_settings
from hub.store import Store
from tests.conftest import fresh_database


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each backend (PostgreSQL only where ORDERHUB_TEST_PG_URL is set)."""
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'hub.db'}", settings=load_settings(tmp_path))
        return
    database = fresh_database("orderhub_test")
    store = Store(next(database), settings=load_settings(tmp_path))
    try:
        yield store
    finally:
        store.engine.dispose()
        next(database, None)
