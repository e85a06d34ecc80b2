"""Logins kept in the store: a reviewer stays logged in across a restart of the station and on a second
station process on the same store; logging out on one ends the session on every one (real chromium,
real uvicorn, real SQLite)."""

from __future__ import annotations

from pathlib import Path

from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user


def test_a_login_survives_a_restart_and_is_shared_by_two_stations(tmp_path: Path, browser) -> None:
    from station.server import serve_station

    store = Store(settings=load_settings(tmp_path / "home"))
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    context = browser.new_context()
    page = context.new_page()
    with serve_station(store) as first:
        page.goto(f"{first.url}/documents")
        assert "/login" in page.url
        page.fill("input[name=name]", "li")
        page.fill("input[name=password]", "li-finance-pw")
        page.click("button[type=submit]")
        page.wait_for_url(f"{first.url}/documents")
    # the station restarted (a new process would open the same store): still logged in, forms still accepted
    with serve_station(Store(settings=load_settings(tmp_path / "home"))) as again, \
            serve_station(Store(settings=load_settings(tmp_path / "home"))) as other:
        page.goto(f"{again.url}/documents")
        assert page.url == f"{again.url}/documents" and "li" in page.inner_text("body")
        page.goto(f"{other.url}/")
        assert page.url == f"{other.url}/"                           # the second process knows the login
        page.click("form[action='/logout'] button")                  # a form with the session's CSRF token
        page.wait_for_url(f"{other.url}/login")
        page.goto(f"{again.url}/documents")                          # logged out on every station
        assert "/login" in page.url
    context.close()
