"""Rules that count days take --as-of (orders advance included), and say when they re-ran on the side."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hub.records import Customer, Invoice, Order
from hub.settings import load_settings
from hub.store import Store

BUYER = "苏州恒达精密机械有限公司"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200", "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _seed(home: Path) -> None:
    customer = Customer(code="C0001", name=BUYER, grade="B", credit_limit=Decimal("1000000"))
    invoice = Invoice(kind="cn_vat_e", number="26322000000012345678", issue_date="2026-01-05",
                      seller_name="苏州恒锐精密五金制品有限公司", seller_tax_id="91320594MA1MXQ7K8G",
                      buyer_name=BUYER, currency="CNY", net=Decimal("5000"), total=Decimal("5000"))
    order = Order(channel="dealer", external_id="D20260301", customer_name=BUYER, order_date="2026-03-01",
                  promised_date="2026-04-30", lines=[{"line_no": 1, "description": "六角螺栓 M8x30",
                                                      "quantity": "1000", "unit_price": "0.35", "amount": "350"}])
    Store(settings=load_settings(home)).upsert([customer, invoice, order], actor="importer")


def test_advance_counts_overdue_days_from_as_of_and_says_what_the_rules_did(tmp_path: Path) -> None:
    _seed(tmp_path)
    early = run("orders", "review", "--as-of", "2026-03-02", home=tmp_path)
    assert early.returncode == 0, early.stderr
    assert "overdue_days" not in early.stdout

    late = run("orders", "advance", "D20260301", "reviewed", "--as-of", "2026-06-30", home=tmp_path)
    assert "Traceback" not in late.stderr
    assert "dealer|D20260301: review rules re-run as of 2026-06-30: new hit overdue_days -> freeze" in late.stdout
    order = Store(settings=load_settings(tmp_path)).get(Order, "dealer|D20260301")
    assert "overdue_days" in {h.rule for h in order.rule_hits}

    back = run("orders", "approve", "D20260301", "finance_review", "--as-of", "2026-03-02", home=tmp_path)
    assert "review rules re-run as of 2026-03-02: overdue_days no longer applies" in back.stdout, back.stdout + back.stderr


def test_a_bad_as_of_is_one_line(tmp_path: Path) -> None:
    _seed(tmp_path)
    result = run("orders", "advance", "D20260301", "reviewed", "--as-of", "30/06/2026", home=tmp_path)
    assert result.returncode == 1
    assert "--as-of '30/06/2026' is not an ISO date (YYYY-MM-DD)" in result.stderr and "Traceback" not in result.stderr
