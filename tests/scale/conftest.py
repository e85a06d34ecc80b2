"""Fixtures for the scale-out tests (``tests/scale``): a fresh PostgreSQL database per test.

``pg_url`` needs ``ORDERHUB_TEST_PG_URL`` (``scripts/test.sh`` starts a loopback PostgreSQL with
``scripts/postgres.sh`` and sets it in CI, or with ``ORDERHUB_TEST_POSTGRES=1``); without it the test is
skipped with that reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text


def _fresh_database(prefix: str) -> Iterator[str]:
    url = os.environ.get("ORDERHUB_TEST_PG_URL")
    if not url:
        pytest.skip("no PostgreSQL: set ORDERHUB_TEST_PG_URL (CI starts one with scripts/postgres.sh; "
                    "locally: ORDERHUB_TEST_POSTGRES=1 ./run test tests/scale)")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The SQLAlchemy URL (psycopg) of a new, empty PostgreSQL database, dropped after the test."""
    yield from _fresh_database("orderhub_scale")


@pytest.fixture
def pg_url_factory() -> Iterator:
    """Make more fresh databases in one test (e.g. one for the store, one for Prefect)."""
    made: list[Iterator[str]] = []

    def make(prefix: str = "orderhub_scale") -> str:
        gen = _fresh_database(prefix)
        made.append(gen)
        return next(gen)

    yield make
    for gen in made:
        next(gen, None)
