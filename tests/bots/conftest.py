"""A demo world and its portals for the bot tests (real uvicorn, real chromium)."""

from __future__ import annotations

import pytest

from bots.credentials import Credentials, Secret
from fixtures.portals.data import PortalData
from fixtures.portals.server import USERS, serve_portals

#: The portals' password in these tests: distinctive, so the secrets scan can look for it.
SECRET = "Zq7-Secret-Pw!9041"


@pytest.fixture(scope="session")
def world():
    """A small generated world (orders in every channel, receipts, statement lines)."""
    from fixtures.world import generate_world

    return generate_world(seed=5, orders=60, scans=False, out=None)


@pytest.fixture(scope="session")
def data(world) -> PortalData:
    return PortalData.from_world(world)


@pytest.fixture(scope="session")
def portals(data):
    """The four portals without faults, for the whole session."""
    with serve_portals(data, password=SECRET) as running:
        yield running


@pytest.fixture
def creds():
    """Credentials per site (the password as a Secret)."""
    return lambda site: Credentials(USERS[site], Secret(SECRET))
