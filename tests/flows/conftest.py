"""Fixtures for the Prefect flow tests (``tests/flows``); usable by every flow test module.

- ``prefect_server`` (session): a real Prefect API server (``prefect_test_harness``) with a temporary
  database and ``PREFECT_HOME`` in a session tmp folder; started once (~10 s). Request it in any test
  that runs a flow; flows called while it is active report to it. Yields the API URL.
- ``flow_env`` (session): environment variables (``dict``) for a subprocess that must report to the
  same server (``PREFECT_API_URL``, ``PREFECT_HOME`` and the orderhub Prefect defaults).
- ``world_store``: a fresh store (function scope, tmp SQLite file) plus the session ``small_world``;
  returns ``(world, store)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.environment import DEFAULTS
from hub.settings import load_settings
from hub.store import Store

for _name, _value in DEFAULTS.items():
    os.environ.setdefault(_name, _value)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Prefect server for the session; yields its API URL."""
    home = tmp_path_factory.mktemp("prefect_home")
    previous_home = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = str(home)
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with temporary_settings(updates={PREFECT_HOME: str(home)}):
        with prefect_test_harness(server_startup_timeout=120):
            yield PREFECT_API_URL.value()
    if previous_home is None:
        os.environ.pop("PREFECT_HOME", None)
    else:
        os.environ["PREFECT_HOME"] = previous_home


@pytest.fixture(scope="session")
def flow_env(prefect_server: str) -> dict[str, str]:
    """Environment for a subprocess reporting to the session's Prefect server."""
    env = dict(os.environ)
    env.update(DEFAULTS)
    env["PREFECT_API_URL"] = prefect_server
    return env


@pytest.fixture
def world_store(small_world, tmp_path: Path):
    """``(small_world, store)``: the session's small world and a fresh SQLite store."""
    store = Store(f"sqlite:///{tmp_path / 'orderhub.db'}", settings=load_settings(tmp_path))
    return small_world, store
