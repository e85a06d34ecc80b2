"""The order desk's commands in a temporary ORDERHUB_HOME: in-process through typer's CliRunner, and the
installed ``orderhub`` (entry points, one-line errors) in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from openpyxl import load_workbook
from typer.testing import CliRunner

from flows import orderdesk_cli
from hub.errors import InputError
from hub.records import Order, Product
from hub.settings import load_settings
from hub.store import Store

ORDERHUB = shutil.which("orderhub") or str(Path(sys.executable).with_name("orderhub"))


@pytest.fixture
def home(tmp_path: Path, k) -> Path:
    store = Store(f"sqlite:///{tmp_path / 'orderhub.db'}", settings=load_settings(tmp_path))
    with store.batch("setup") as batch:
        batch.upsert([k.customer("C001", grade="B"), k.customer("C002", grade="A"),
                      Product(sku="SKU-BOLT", name_zh="六角螺栓", name_en="Hex bolt", unit_price=Decimal("0.35"),
                              stock_on_hand=Decimal("100000")),
                      k.order("WS1", "60000", remarks="外观件，需电泳黑色"),
                      k.order("WS2", "800", customer="C002", promised=k.AS_OF + k.days(2)),
                      k.order("DL1", "900", customer="C001", channel="dealer")])
    return tmp_path


def subprocess_run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed ``orderhub``; a failure must be one ``error:`` line and exit status 1."""
    env = os.environ | {"ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "tester", "COLUMNS": "200"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    proc = subprocess.run([ORDERHUB, *args], capture_output=True, text=True, env=env, timeout=60)
    if ok:
        assert proc.returncode == 0, proc.stderr
    else:
        assert proc.returncode == 1, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("error:")
    return proc


@dataclass
class Ran:
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    """The ``orderhub`` app with hub's commands (and so the order desk's) and ``report integrity``."""
    import hub.commands  # noqa: F401  (registers orders, grades, history)
    from hub.cli import app

    report = next((g.typer_instance for g in app.registered_groups if g.name == "report"), None)
    if report is None or not any(c.name == "integrity" for c in report.registered_commands):
        orderdesk_cli.register(app)
    return app


def run_in(app: typer.Typer, home: Path, *args: str, ok: bool = True) -> Ran:
    """Run a command in-process; a failure must be an InputError (what main() prints as one red line)."""
    env = {"ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "tester", "COLUMNS": "200", "ORDERHUB_DATABASE_URL": None}
    result = CliRunner().invoke(app, list(args), env=env)
    if ok:
        assert result.exit_code == 0, f"{result.output}{result.exception!r}"
        return Ran(result.stdout, "")
    assert isinstance(result.exception, InputError), f"{result.output}{result.exception!r}"
    return Ran(result.stdout, f"error: {result.exception}")


def test_review_list_gates_approve_change_history(cli, home: Path, k, tmp_path: Path) -> None:
    def run(home: Path, *args: str, ok: bool = True) -> Ran:
        return run_in(cli, home, *args, ok=ok)

    out = run(home, "orders", "review", "--as-of", k.AS_OF.isoformat()).stdout
    assert "webshop|WS1: large_order_non_a -> finance_review (customer.grade=B, order.total_cny=60000)" in out
    assert "webshop|WS2: short_lead_time -> production_alert (order.lead_days=2)" in out

    listed = [json.loads(line) for line in run(home, "orders", "list", "--json").stdout.splitlines()]
    assert [o["key"] for o in listed][0] == "webshop|WS2"  # the A customer's urgent order first
    only_b = run(home, "orders", "list", "--grade", "B", "--status", "received", "--channel", "webshop", "--json")
    assert [json.loads(line)["key"] for line in only_b.stdout.splitlines()] == ["webshop|WS1"]
    assert "--grade 'Z': expected A, B or C" in run(home, "orders", "list", "--grade", "Z", ok=False).stderr

    refused = subprocess_run(home, "orders", "advance", "WS1", "reviewed", ok=False).stderr
    assert "cannot move order webshop|WS1 from received to reviewed" in refused and "Finance review" in refused
    run(home, "orders", "approve", "WS1", "finance_review", "--by", "财务 李会计")
    run(home, "orders", "approve", "WS1", "technical_confirmation", "--by", "技术 王工")
    sheet = tmp_path / "评审记录.pdf"
    sheet.write_bytes(b"%PDF-1.4 review sheet")
    moved = run(home, "orders", "advance", "WS1", "reviewed", "--by", "销售 张三", "--attach", str(sheet)).stdout
    assert "webshop|WS1: received -> reviewed by 销售 张三 with 评审记录.pdf" in moved

    changed = run(home, "orders", "change", "WS1", "--add", "SKU-BOLT:1000", "--address", "苏州工业园区星湖街 1 号",
                  "--by", "销售 张三").stdout
    assert "total 60000 -> 60350.00 CNY" in changed

    events = [json.loads(line) for line in run(home, "history", "WS1", "--json").stdout.splitlines()]
    actions = [e["action"] for e in events]
    for action in ("rule_hit", "approval", "transition", "change_request"):
        assert action in actions
    change = next(e for e in events if e["action"] == "change_request")
    assert change["actor"] == "销售 张三" and change["after"]["total_after"] == "60350.00"
    transition = next(e for e in events if e["action"] == "transition")
    assert transition["actor"] == "销售 张三" and transition["attachment"].endswith("评审记录.pdf")


def test_grades_report_and_bad_files(cli, home: Path, k, tmp_path: Path) -> None:
    def run(home: Path, *args: str, ok: bool = True) -> Ran:
        return run_in(cli, home, *args, ok=ok)

    out = run(home, "grades", "recompute", "--as-of", k.AS_OF.isoformat(), "--dry-run").stdout
    assert "3 customers graded" not in out and "2 customers graded" in out and "dry run" in out
    run(home, "grades", "recompute", "--as-of", k.AS_OF.isoformat())
    store = Store(f"sqlite:///{home / 'orderhub.db'}", settings=load_settings(home))
    assert store.get(Order, "webshop|WS1") is not None

    xlsx = tmp_path / "out" / "integrity.xlsx"
    out = subprocess_run(home, "report", "integrity", "--out", str(xlsx), "--as-of", "2026-04-30").stdout
    assert f"written: {xlsx}" in out
    ws = load_workbook(xlsx)["明细 Rows"]
    keys = {ws.cell(row=r, column=14).value for r in range(2, ws.max_row + 1)}
    assert {"webshop|WS1", "webshop|WS2", "dealer|DL1"} <= keys  # all still received after a month

    bad = tmp_path / "rules.toml"
    bad.write_text('[actions.x]\nkind = "approval"\n\n[[rule]]\nid = "r"\naction = "x"\n'
                   'when = [{ field = "order.total", op = "~", value = "1" }]\n', encoding="utf-8")
    err = run(home, "orders", "review", "--rules", str(bad), ok=False).stderr
    assert f"{bad}: line 7: rule r: bad operator '~'" in " ".join(err.split())
    err = run(home, "report", "integrity", "--out", str(tmp_path / "x.csv"), ok=False).stderr
    assert "give a path ending in .xlsx" in err
