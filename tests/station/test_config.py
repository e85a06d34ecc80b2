"""Where the station listens and what its links say: 127.0.0.1 unless configured."""

from __future__ import annotations

import pytest

from station.config import station_host, station_url
from station.links import declaration_link, document_link, payment_link
from station.sessions import Sessions


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


def test_sessions_expire_and_tokens_are_checked() -> None:
    sessions = Sessions(idle=-1.0)
    s = sessions.new()
    assert not s.csrf_ok(None) and not s.csrf_ok("") and not s.csrf_ok("x") and s.csrf_ok(s.csrf)
    assert sessions.get(s.token) is None  # past its idle time: gone
    live = Sessions()
    t = live.new()
    assert live.get(t.token) is t and live.get("forged") is None
    live.drop(t.token)
    assert live.get(t.token) is None
