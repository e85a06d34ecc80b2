"""Fixtures for the Prefect flow tests (``tests/flows``); usable by every flow test module.

- ``prefect_server`` (session): a real Prefect API server (``prefect_test_harness``) with a temporary
  database and ``PREFECT_HOME`` in a session tmp folder; started once (~10 s). Request it in any test
  that runs a flow; flows called while it is active report to it. Yields the API URL.
- ``flow_env`` (session): environment variables (``dict``) for a subprocess that must report to the
  same server (``PREFECT_API_URL``, ``PREFECT_HOME`` and the orderhub Prefect defaults).
- ``world_store``: a fresh store (function scope, tmp SQLite file) plus the session ``small_world``;
  returns ``(world, store)``.
- ``resume``: POST a flow run's ``resume`` the way Prefect's own client does, retrying the transient
  answers (429, 502, 503) its server gives while its SQLite database is busy.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
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


#: the answers Prefect's client retries (``PREFECT_CLIENT_MAX_RETRIES``): a busy SQLite server gives 503
RETRY_STATUS = {429, 502, 503}


def resume_run(api: str, run_id: str, run_input: dict, attempts: int = 6) -> httpx.Response:
    """POST ``/flow_runs/{run_id}/resume`` with ``run_input``, retrying transient answers with backoff.

    A 503 means the server rolled the state change back (a locked database), so sending it again is
    what Prefect's own client does; any other answer is returned as it came.
    """
    response = httpx.post(f"{api}/flow_runs/{run_id}/resume", json={"run_input": run_input}, timeout=30)
    for attempt in range(1, attempts):
        if response.status_code not in RETRY_STATUS:
            break
        time.sleep(0.5 * 2 ** attempt)
        response = httpx.post(f"{api}/flow_runs/{run_id}/resume", json={"run_input": run_input}, timeout=30)
    return response


@pytest.fixture
def resume() -> Callable[..., httpx.Response]:
    """``resume(api, run_id, run_input)``: see :func:`resume_run`."""
    return resume_run
