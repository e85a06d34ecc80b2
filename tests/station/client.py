"""Logging in to the station through Starlette's TestClient, as the form-level station tests do."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

#: The reviewers of the form-level tests: a customs clerk and a finance clerk.
PASSWORDS = {"赵强": "zhao-customs-pw", "李娜": "li-finance-pw"}


def csrf(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str) -> None:
    """Log ``name`` in with its password from :data:`PASSWORDS`."""
    page = client.get("/login")
    client.post("/login", data={"name": name, "password": PASSWORDS[name], "csrf": csrf(page.text)})
