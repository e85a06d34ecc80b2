"""Demo portals served by real uvicorn for the portal tests."""

from __future__ import annotations

import pytest

from fixtures.portals.data import PortalData
from fixtures.portals.sample import sample_data

PASSWORD = "Portal-Test-Pw-4417"


@pytest.fixture(autouse=True)
def _portal_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The portals' demo password for the tests (the same value test_portals.py uses)."""
    monkeypatch.setenv("ORDERHUB_PORTAL_PASSWORD", PASSWORD)


@pytest.fixture(scope="session")
def portal_data() -> PortalData:
    """A small world: the generator's when it exists, else the portals' own sample."""
    try:
        from fixtures.world import generate_world
    except ImportError:
        return sample_data(seed=11, orders=45)
    return PortalData.from_world(generate_world(seed=11, orders=80, scans=False, out=None))
