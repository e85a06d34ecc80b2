"""Where the station listens and what its links say: 127.0.0.1 unless configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.settings import load_settings
from hub.store import Store
from hub.users import User, add_user
from station.config import station_host, station_url
from station.links import declaration_link, document_link, payment_link
from station.sessions import Sessions, token_hash


def test_defaults_stay_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ORDERHUB_STATION_HOST", "ORDERHUB_STATION_URL", "ORDERHUB_STATION_PORT"):
        monkeypatch.delenv(name, raising=False)
    assert station_host() == "127.0.0.1" and station_url("/") == "http://127.0.0.1:8790/"
    monkeypatch.setenv("ORDERHUB_STATION_PORT", "9001")
    assert payment_link("receipt|中国工商银行|T1") == "http://127.0.0.1:9001/payments/receipt%7C%E4%B8%AD%E5%9B%BD%E5%B7%A5%E5%95%86%E9%93%B6%E8%A1%8C%7CT1"
    monkeypatch.setenv("ORDERHUB_STATION_URL", "https://review.example.cn/")
    assert document_link("ab" * 32) == f"https://review.example.cn/documents/{'ab' * 32}"
    assert declaration_link("CD-HR26E0001") == "https://review.example.cn/declarations/CD-HR26E0001"
    monkeypatch.setenv("ORDERHUB_STATION_HOST", "0.0.0.0")
    assert station_host() == "0.0.0.0"


def test_sessions_are_kept_in_the_store_hashed_and_expire(tmp_path: Path) -> None:
    store = Store(settings=load_settings(tmp_path / "home"))
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    now = [1_000_000.0]
    sessions = Sessions(store, idle=600, clock=lambda: now[0])
    anonymous = sessions.new()
    assert anonymous.user is None and _rows(store) == []          # a login page's session stores nothing
    assert not anonymous.csrf_ok(None) and not anonymous.csrf_ok("") and not anonymous.csrf_ok("x")
    assert anonymous.csrf_ok(anonymous.csrf)
    s = sessions.new(User("li", "finance"))
    [row] = _rows(store)
    assert row.token_hash == token_hash(s.token) and s.token not in str(tuple(row)) and row.user_name == "li"
    # another station process on the same store (or this one after a restart) knows the login
    other = Sessions(store, idle=600, clock=lambda: now[0])
    again = other.get(s.token)
    assert again is not None and again.user == User("li", "finance") and again.csrf == s.csrf
    assert other.get("forged") is None and other.get(None) is None
    assert other.get("x" * 43).user is None                          # a token of no login: not logged in
    now[0] += 500                                                    # working keeps it alive
    assert sessions.get(s.token).user is not None
    now[0] += 500
    assert sessions.get(s.token).user is not None
    now[0] += 601                                                    # idle past its time: gone
    assert other.get(s.token).user is None and _rows(store) == []
    t = sessions.new(User("li", "finance"))
    sessions.drop(t.token)                                           # logout deletes it
    assert sessions.get(t.token).user is None and _rows(store) == []


def test_a_removed_reviewer_is_logged_out(tmp_path: Path) -> None:
    from sqlalchemy import update

    from hub.schema import users

    store = Store(settings=load_settings(tmp_path / "home"))
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    sessions = Sessions(store)
    s = sessions.new(User("li", "finance"))
    add_user(store, "li", "admin", "li-finance-pw", by="test")
    assert sessions.get(s.token).user == User("li", "admin")         # the role as it is now
    with store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.name == "li").values(active=0))
    assert sessions.get(s.token).user is None


def _rows(store: Store) -> list:
    from sqlalchemy import select

    from hub.schema import station_sessions

    with store.engine.connect() as conn:
        return list(conn.execute(select(station_sessions)))
