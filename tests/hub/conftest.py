"""Fixtures for the store tests (``tests/hub``): ``any_store``, a fresh store on SQLite and, where
``ORDERHUB_TEST_PG_URL`` is set, on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hub.settings import load_settings
from hub.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each backend (PostgreSQL only where ORDERHUB_TEST_PG_URL is set)."""
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'hub.db'}", settings=load_settings(tmp_path))
        return
    url = os.environ.get("ORDERHUB_TEST_PG_URL")
    if not url:
        pytest.skip("no PostgreSQL: set ORDERHUB_TEST_PG_URL (CI starts one with scripts/postgres.sh)")
    name = f"orderhub_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = Store(url.rsplit("/", 1)[0] + f"/{name}", settings=load_settings(tmp_path))
    try:
        yield store
    finally:
        store.engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
