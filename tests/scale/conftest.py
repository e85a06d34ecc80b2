"""Fixtures for the scale-out tests (``tests/scale``): a fresh PostgreSQL database per test.

``pg_url`` (tests/conftest.py) and ``pg_url_factory`` need ``ORDERHUB_TEST_PG_URL`` (``scripts/test.sh`` starts a loopback PostgreSQL with
``scripts/postgres.sh`` and sets it in CI, or with ``ORDERHUB_TEST_POSTGRES=1``); without it the test is
skipped with that reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import fresh_database


@pytest.fixture
def pg_url_factory() -> Iterator:
    """Make more fresh databases in one test (e.g. one for the store, one for Prefect)."""
    made: list[Iterator[str]] = []

    def make(prefix: str = "orderhub_scale") -> str:
        gen = fresh_database(prefix)
        made.append(gen)
        return next(gen)

    yield make
    for gen in made:
        next(gen, None)
