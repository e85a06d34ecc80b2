"""`orderhub history ORDER` shows everything that touched the order, oldest first, in words (no JSON)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from hub.records import BankReceipt, Declaration, Invoice, Match, Order
from hub.settings import load_settings
from hub.store import Store

SELLER = "苏州恒锐精密五金制品有限公司"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "220"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _world(home: Path) -> None:
    store = Store(settings=load_settings(home))
    order = Order(channel="marketplace", external_id="MP-2026462291", customer_name="ACME Industrial GmbH",
                  order_date="2026-03-02", currency="USD",
                  lines=[{"line_no": 1, "description": "Spring washer Φ8", "quantity": "2000", "unit_price": "0.05",
                          "amount": "100"}])
    other = order.model_copy(update={"external_id": "MP-2026000001"})
    invoice = Invoice(kind="commercial", number="HR26E0001", issue_date="2026-03-05", seller_name=SELLER,
                      buyer_name="ACME Industrial GmbH", currency="USD", net=Decimal("100"), total=Decimal("100"),
                      order_ref="MP-2026462291")
    store.upsert([order, other], actor="import-orders", note="imported from marketplace portal")
    time.sleep(0.01)
    store.upsert([invoice], actor="ingest", note="extracted from CI_HR26E0001.pdf")
    decl = Declaration.model_validate({
        "number": "CD-HR26E0001", "order_key": order.natural_key(), "invoice_key": invoice.natural_key(),
        "status": "draft", "currency": "USD", "consignor": SELLER, "consignor_code": "91320594MA1MXQ7K8G",
        "overseas_consignee": "ACME Industrial GmbH",
        "items": [{"item_no": 1, "hs_code": "7318210000", "name": "弹簧垫圈", "quantity": "2000", "unit": "个",
                   "unit_price": "0.05", "total": "100", "currency": "USD"}]})
    store.upsert([decl], actor="clerk", note="prefilled")
    for actor, status, extra, note in (("王芳", "approved", {}, "approved by 王芳"),
                                       ("customs bot", "filed", {"pre_entry_no": "E20260000933441254"},
                                        "single window draft E20260000933441254"),
                                       ("customs bot", "accepted", {"customs_no": "310420202615412728"},
                                        "single window: accepted")):
        time.sleep(0.01)
        before = store.get(Declaration, decl.natural_key())
        store.upsert([before.model_copy(update={"status": status, **extra})], actor=actor, note=note)
        with store.batch(actor) as batch:
            batch.event(f"customs:{status}", ("declaration", decl.natural_key()), before={"status": before.status},
                        after={"status": status, **extra}, note=note)
    receipt = BankReceipt(bank="中国银行", transaction_id="BOC20260320001", value_date="2026-03-20",
                          payer_name="ACME Industrial GmbH", amount=Decimal("100"), currency="USD", memo="HR26E0001")
    match = Match(payment_kind="receipt", payment_key=receipt.natural_key(), payment_amount=Decimal("100"),
                  currency="USD", status="auto", score=0.97, reason="invoice number in the memo",
                  allocations=[{"target_kind": "invoice", "target_key": invoice.natural_key(),
                                "target_label": "HR26E0001", "amount": "100", "currency": "USD"}])
    time.sleep(0.01)
    store.upsert([receipt, match], actor="reconcile")
    with store.batch("刘洋") as batch:
        batch.event("status:invoiced->paid", order, note="全额到账 paid in full")


def test_history_shows_the_declaration_invoice_match_and_payment_in_time_order(tmp_path: Path) -> None:
    _world(tmp_path)
    result = run("history", "MP-2026462291", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    rows = [line for line in out.splitlines() if line.startswith("│ 20")]
    order_of = [next(w for w in ("订单 order", "发票 invoice", "报关单 declaration", "银行回单 receipt", "核销 match")
                     if w in row) for row in rows]
    assert order_of[0] == "订单 order" and order_of[1] == "发票 invoice" and order_of[-1] == "订单 order"
    assert {"报关单 declaration", "银行回单 receipt", "核销 match"} <= set(order_of)
    assert "MP-2026000001" not in out  # another order's events are not this one's
    for text in ("status draft → approved", "customs: approved", "pre_entry_no (empty) → E20260000933441254",
                 "customs: accepted", "customs_no (empty) → 310420202615412728", "status: invoiced → paid",
                 "全额到账 paid in full", "王芳", "HR26E0001", "CD-HR26E0001", "BOC20260320001"):
        assert text in out, text
    assert "{" not in out and "None" not in out and "Store(" not in out
    when = [row.split("│")[1].strip() for row in rows]
    assert when == sorted(when)


def test_history_json_carries_the_words_too(tmp_path: Path) -> None:
    _world(tmp_path)
    result = run("history", "marketplace|MP-2026462291", "--json", home=tmp_path)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["kind"] for e in events][:2] == ["order", "invoice"]
    accepted = next(e for e in events if e["action"] == "customs:accepted")
    assert accepted["record"] == "报关单 declaration CD-HR26E0001" and "customs_no" in accepted["what"]
