"""Fixtures shared by every test package."""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, text

from hub.settings import load_settings
from hub.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ORDERHUB_SHARED", REPO.parent / "shared"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A fresh SQLite store in a temporary folder."""
    return Store(f"sqlite:///{tmp_path / 'orderhub.db'}", settings=load_settings(tmp_path))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The workplace's ``shared/`` folder (reference data and real-format samples); skip without it."""
    if not (SHARED / "samples").is_dir():
        pytest.skip(f"needs the shared samples folder ({SHARED}); present in CI, absent in a user's clone")
    return SHARED


@pytest.fixture(scope="session")
def small_world(tmp_path_factory: pytest.TempPathFactory):
    """A ~60-order demo world (``fixtures.world.World``) without scans, generated once per session on disk."""
    from fixtures.world import generate_world

    return generate_world(seed=11, orders=60, scans=False, out=tmp_path_factory.mktemp("small_world") / "world")


@pytest.fixture(scope="session")
def load_bench() -> Callable[[str], ModuleType]:
    """Import a script of ``bench/`` by name (``load_bench("reconcile")``): the benches are scripts, not a package."""
    loaded: dict[str, ModuleType] = {}

    def load(name: str) -> ModuleType:
        if name not in loaded:
            spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            loaded[name] = module
        return loaded[name]

    return load


def fresh_database(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on ``ORDERHUB_TEST_PG_URL``'s server (its SQLAlchemy URL), dropped
    when the generator is resumed; the test is skipped with the reason where no PostgreSQL is set."""
    url = os.environ.get("ORDERHUB_TEST_PG_URL")
    if not url:
        pytest.skip("no PostgreSQL: set ORDERHUB_TEST_PG_URL (CI starts one with scripts/postgres.sh; "
                    "locally: ORDERHUB_TEST_POSTGRES=1 ./run test ...)")
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
    yield from fresh_database("orderhub_test")
