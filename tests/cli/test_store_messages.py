"""A command that reads the store and finds nothing says which store it read; the demo's commands carry
its ORDERHUB_HOME and stay whole lines."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from hub.records import Order
from hub.settings import load_settings
from hub.store import Store


def run(*args: str, cwd: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    env.pop("ORDERHUB_HOME", None)
    if home is not None:
        env["ORDERHUB_HOME"] = str(home)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=env, timeout=120, cwd=cwd)


@pytest.mark.parametrize(("args", "what"), [(["orders", "list"], "orders"), (["customs", "list"], "declarations"),
                                            (["grades", "recompute"], "customers"),
                                            (["report", "integrity", "--as-of", "2026-03-31"], "orders")])
def test_an_empty_default_store_is_named_with_the_way_out(tmp_path: Path, args: list[str], what: str) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"0 {what} in ./.orderhub/orderhub.db; set ORDERHUB_HOME to use another store" in result.stdout


def test_an_empty_chosen_store_says_where_the_choice_came_from(tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    result = run("orders", "list", cwd=tmp_path, home=home)
    assert f"0 orders in ./elsewhere/orderhub.db (ORDERHUB_HOME={home})" in result.stdout
    missing = run("history", "WS-1", cwd=tmp_path, home=home)
    assert missing.returncode == 1
    assert f"error: no order 'WS-1' in ./elsewhere/orderhub.db (ORDERHUB_HOME={home})" in missing.stderr
    assert "Store(" not in missing.stderr and "sqlite://" not in missing.stderr


def test_filters_that_match_nothing_say_so_and_how_many_there_are(tmp_path: Path) -> None:
    home = tmp_path / "home"
    order = Order(channel="webshop", external_id="WS20260315001", customer_name="苏州恒达精密机械有限公司",
                  order_date="2026-03-15", lines=[{"line_no": 1, "description": "六角螺栓 M8x30",
                                                   "quantity": "100", "unit_price": "0.35", "amount": "35"}])
    Store(settings=load_settings(home)).upsert([order], actor="importer")
    result = run("orders", "list", "--status", "shipped", cwd=tmp_path, home=home)
    assert "0 orders match the filters (1 in ./home/orderhub.db)" in result.stdout
    listed = run("orders", "list", cwd=tmp_path, home=home)
    assert "WS20260315001" in listed.stdout and "0 orders" not in listed.stdout


def test_the_demo_commands_carry_its_home_and_its_day_on_whole_lines(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.demo import DemoResult, next_commands, print_commands

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "a rather long folder name" / "prefect"))
    out = tmp_path / "demo" / "out"
    result = DemoResult(world_dir=tmp_path / "demo" / "world-1", out=out, as_of=date(2026, 3, 31),
                        files={"reconciliation workbook": out / "reconciliation.xlsx"})
    commands = dict((cmd.split(" .venv/bin/orderhub ")[1].split(" ")[0], cmd) for _, cmd in next_commands(result))
    home = tmp_path / "demo" / "home"
    assert all(cmd.startswith(f"ORDERHUB_HOME={home} ") for cmd in commands.values())
    assert "PREFECT_HOME='" in commands["server"]
    assert commands["server"].endswith(f" server --files-port 4280 --files-root {tmp_path / 'demo'}")
    assert commands["report"].endswith("report integrity --as-of 2026-03-31")
    assert commands["orders"].endswith("orders list --as-of 2026-03-31")
    assert f"reconcile apply {out / 'reconciliation.xlsx'} --by <your-name>" in commands["reconcile"]
    buffer = io.StringIO()
    print_commands(next_commands(result), Console(file=buffer, width=60, force_terminal=False))
    lines = buffer.getvalue().splitlines()
    for _, cmd in next_commands(result):
        assert f"  {cmd}" in lines, cmd  # one line, not folded at 60 columns, no box around it


def test_the_demo_commands_run_from_where_the_user_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from another folder than the project, the printed commands name the environment's orderhub by its
    absolute path (a relative `.venv/bin/orderhub` would not exist there), and that command runs."""
    from flows.demo import DemoResult, next_commands

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "demo" / "out"
    result = DemoResult(world_dir=tmp_path / "demo" / "world-1", out=out, as_of=date(2026, 3, 31), files={})
    exe = Path(sys.executable).parent / "orderhub"
    for _, cmd in next_commands(result):
        assert f" {exe.absolute()} " in cmd, cmd
    assert subprocess.run([str(exe), "--help"], capture_output=True, timeout=120).returncode == 0
