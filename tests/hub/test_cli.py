"""The `orderhub` command as a user runs it: clear errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hub.records import Order
from hub.settings import load_settings
from hub.store import Store


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200", "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def _seed(home: Path) -> Order:
    order = Order(channel="webshop", external_id="WS20260315001", customer_name="苏州恒达精密机械有限公司",
                  order_date="2026-03-15", lines=[{"line_no": 1, "description": "六角螺栓 M8x30",
                                                   "quantity": "100", "unit_price": "0.35", "amount": "35"}])
    store = Store(settings=load_settings(home))
    store.upsert([order], actor="importer")
    with store.batch("alice") as batch:
        batch.event("status:received->reviewed", order, note="财务审核通过 finance approved")
    return order


def test_history_by_external_id_shows_every_event(tmp_path: Path) -> None:
    _seed(tmp_path)
    result = run("history", "WS20260315001", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["action"] for e in events] == ["created", "status:received->reviewed"]
    assert events[1]["actor"] == "alice" and "财务审核通过" in events[1]["note"]
    table = run("history", "webshop|WS20260315001", home=tmp_path)
    assert table.returncode == 0 and "finance approved" in table.stdout


def test_unknown_order_is_one_clear_line(tmp_path: Path) -> None:
    _seed(tmp_path)
    result = run("history", "NOPE-1", home=tmp_path)
    assert result.returncode == 1
    assert "no order 'NOPE-1'" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2_without_traceback(tmp_path: Path) -> None:
    result = run("history", home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_db_upgrade_creates_the_database(tmp_path: Path) -> None:
    result = run("db", "upgrade", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "orderhub.db").exists()
