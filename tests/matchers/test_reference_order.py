"""Memo look-ups and the reconciliation they feed are the same in every process, whatever its string hash seed.

Python salts the hash of ``str`` per process (``PYTHONHASHSEED``), so anything that iterates a set of
strings may come out in another order in another run. A memo token one character off two references of
the same invoice (its number and its order's) named one or the other by that order, and the reference
named decides whether the memo "names the order, not the invoice", which blocks an automatic match of an
invoice whose order may also be billed elsewhere. Each process below looks up and reconciles the same
small world; their outputs must be identical.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: run in a fresh interpreter: every memo's hits (in order) and every match (every field), as JSON
WORLD = r'''
import json
from datetime import date
from decimal import Decimal

from hub.records import BankReceipt, Customer, Invoice, Order, OrderLine
from matchers.cash import reconcile
from matchers.references import ReferenceIndex

SELLER = "苏州恒瑞精密五金有限公司"
# each invoice HR-PI27<n> bills part of order SO00<n>; the memo "2<n>" is one character off both numbers
# (7 dropped from 27<n>, 2 put before <n>)
numbers = [31231 + 1013 * i for i in range(40)]
index = ReferenceIndex()
for i, n in enumerate(numbers):
    index.add(f"HR-PI27{n}", i)
    index.add(f"SO00{n}", i)
hits = [[[h.target, h.reference, h.token, h.how] for h in index.lookup_memo(f"付款 2{n}")] for n in numbers]

customers, orders, invoices, receipts = [], [], [], []
for i, n in enumerate(numbers):
    name = f"无锡{i:02d}号机电设备有限公司"
    customers.append(Customer(code=f"C{i:03d}", name=name))
    total = Decimal("1000.00") + i
    orders.append(Order(channel="webshop", external_id=f"SO00{n}", customer_name=name, customer_code=f"C{i:03d}",
                        order_date=date(2026, 2, 20), lines=[OrderLine(line_no=1, description="不锈钢螺栓 M8",
                        quantity=Decimal(2), unit_price=total, amount=2 * total)]))
    for number, order_ref, amount in ((f"HR-PI27{n}", f"SO00{n}", total), (f"HR-X{i:02d}", None, Decimal("480.00"))):
        invoices.append(Invoice(kind="cn_vat_e", number=number, issue_date=date(2026, 3, 1), seller_name=SELLER,
                                buyer_name=name, currency="CNY", net=amount, total=amount, order_ref=order_ref))
    paid = total - Decimal("15.00") if i % 2 else total  # every other one short by a bank fee
    receipts.append(BankReceipt(bank="ICBC", transaction_id=f"T{i}", value_date=date(2026, 3, 11), payer_name=name,
                                amount=paid, currency="CNY", memo=f"付款 2{n}"))
matches = [m.model_dump(mode="json") for m in reconcile(receipts, invoices, orders, customers).matches]
print(json.dumps({"hits": hits, "matches": matches}, ensure_ascii=False, sort_keys=True))
'''


def _run(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", WORLD], cwd=REPO, env=env, capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout)


def test_hits_and_decisions_do_not_follow_the_string_hash_seed() -> None:
    one, two = _run("1"), _run("2")
    assert len(one["hits"]) == 40 and len(one["matches"]) == 40
    # each memo names its invoice once, one character off, by the invoice's own number (indexed first)
    assert all(len(h) == 1 and h[0][1].startswith("HR-PI27") and h[0][3] == "one char off" for h in one["hits"])
    assert [m["payment_key"] for m in one["matches"]] == [m["payment_key"] for m in two["matches"]]
    differ = [(a["payment_key"], a["status"], b["status"], a["reason"], b["reason"])
              for a, b in zip(one["matches"], two["matches"], strict=True) if a != b]
    assert one["hits"] == two["hits"]
    assert differ == []
