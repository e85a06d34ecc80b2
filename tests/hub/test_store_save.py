"""What a bulk save costs per record (issue 16, a million matches saved): one JSON text a record for its row and
its audit event, the same text SQLAlchemy's JSON type wrote before, and the indexed columns as before."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from hub.records import Allocation, Candidate, Invoice, Match, Order
from hub.store import Store, row_columns


def _matches(n: int) -> list[Match]:
    out = []
    for i in range(n):
        alloc = Allocation(target_kind="invoice", target_key=f"Seller|2632200000000{i:07d}",
                           target_label=f"2632200000000{i:07d}", amount=Decimal("1288.50"), currency="CNY")
        reason = f"Amount equals invoice 2632200000000{i:07d}; payer 常州浦东永盛实业有限公司 is 常州浦东永盛实业有限公司"
        out.append(Match(payment_kind="receipt", payment_key=f"ICBC|B00T{i:08d}", payment_amount=Decimal("1288.50"),
                         status="auto", allocations=[alloc], score=0.97,
                         breakdown={"amount": 1.0, "reference": 1.0, "name": 0.9, "date": 1.0},
                         candidates=[Candidate(allocations=[alloc], score=0.97, reason=reason, customer_code="C1")],
                         reason=reason, customer_code="C1"))
    return out


def test_a_saved_record_is_dumped_to_json_once_for_its_row_and_its_audit_event(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}")
    dumped: list[Any] = []
    plain = json.dumps

    def counting(obj: Any, *args: Any, **kwargs: Any) -> str:
        # a payload's stored text (made from its plain, ensure_ascii=False, dump since speed7; the
        # fingerprint's sorted dump is another)
        if isinstance(obj, dict) and "payment_key" in obj and not kwargs.get("sort_keys"):
            dumped.append(obj["payment_key"])
        return plain(obj, *args, **kwargs)

    monkeypatch.setattr(json, "dumps", counting)
    matches = _matches(3)
    result = store.upsert(matches, actor="reconcile", note="proposed by reconcile")
    monkeypatch.undo()
    assert len(result.inserted) == 3
    assert sorted(dumped) == sorted(m.payment_key for m in matches)  # on main: twice each (row, audit event)
    with store.engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT key, payload FROM records WHERE kind = 'match'")).all())
        events = dict(conn.execute(text("SELECT key, after FROM audit_events WHERE kind = 'match'")).all())
    for m in matches:
        key = m.natural_key()
        assert rows[key] == events[key] == json.dumps(m.payload())  # the text SQLAlchemy's JSON type writes
    again = store.upsert(matches, actor="reconcile")
    assert len(again.unchanged) == 3  # the fingerprint is Record.fingerprint()'s


def test_given_payloads_are_saved_as_made(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}")
    matches = _matches(2)
    with store.batch("reconcile") as batch:
        batch.upsert(matches, payloads=[m.payload() for m in matches])
    assert [store.get(Match, m.natural_key()) for m in matches] == matches
    assert store.upsert(matches).changed == 0


def test_indexed_columns_read_fields_and_properties() -> None:
    now = datetime(2026, 12, 7)
    match = _matches(1)[0]
    cols = row_columns(match, now)
    assert (cols["party"], cols["doc_date"], cols["amount"], cols["status"]) == ("C1", None, Decimal("1288.50"), "auto")
    order = Order(channel="marketplace", external_id="MP-1", customer_name="Nordic Fasteners AB",
                  order_date="2026-03-15", currency="USD",
                  lines=[{"line_no": 1, "description": "Hex bolt", "quantity": "1000", "unit_price": "0.052",
                          "amount": "52.00"}])
    cols = row_columns(order, now)
    assert (cols["party"], cols["doc_date"], cols["amount"]) == ("Nordic Fasteners AB", "2026-03-15", order.total)
    invoice = Invoice(kind="commercial", number="INV-7", seller_name="Seller", buyer_name="Buyer Co",
                      issue_date="2026-03-16", currency="CNY", total="100.00")
    cols = row_columns(invoice, now)
    assert (cols["party"], cols["doc_date"], cols["amount"]) == ("Buyer Co", "2026-03-16", Decimal("100.00"))
    assert cols["fingerprint"] == invoice.fingerprint()
