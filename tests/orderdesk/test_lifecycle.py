"""The lifecycle's gates: each refused with the missing condition, each allowed move audited."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hub.errors import InputError
from hub.orderdesk.lifecycle import advance, approve
from hub.records import Order


def _walk(store, key: str, *statuses: str, as_of=None) -> None:
    for status in statuses:
        advance(store, key, status, by="tester", as_of=as_of)


def test_full_walk_with_every_transition_audited(k, store, put, tmp_path: Path) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    report = tmp_path / "质检报告 QC-0001.pdf"
    report.write_bytes(b"%PDF-1.4 quality report")
    _walk(store, "WS1", "reviewed", "scheduled")
    advance(store, "WS1", "quality_passed", by="质检 王工", attachments=[report], note="QC ok")
    approve(store, "WS1", "payment_confirmed", by="finance")
    _walk(store, "webshop|WS1", "shipped", "paid", "closed")
    assert store.get(Order, "webshop|WS1").status == "closed"
    transitions = [e for e in store.history(("order", "webshop|WS1")) if e.action == "transition"]
    assert [(e.before["status"], e.after["status"]) for e in transitions] == [
        ("received", "reviewed"), ("reviewed", "scheduled"), ("scheduled", "quality_passed"),
        ("quality_passed", "shipped"), ("shipped", "paid"), ("paid", "closed")]
    qc = transitions[2]
    assert qc.actor == "质检 王工" and qc.note == "QC ok" and qc.at is not None
    [attached] = qc.after["attachments"]
    assert attached["name"] == report.name and len(attached["sha256"]) == 64
    assert Path(qc.attachment).read_bytes() == report.read_bytes()  # kept under ORDERHUB_HOME


@pytest.mark.parametrize("target", ["scheduled", "quality_passed", "shipped", "paid", "closed"])
def test_skipping_a_stage_is_refused_naming_what_is_missing(k, store, put, target) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    with pytest.raises(InputError) as exc:
        advance(store, "WS1", target)
    message = str(exc.value)
    assert f"cannot move order webshop|WS1 from received to {target}: missing" in message
    assert "can only follow" in message
    assert store.get(Order, "webshop|WS1").status == "received"
    refused = [e for e in store.history(("order", "webshop|WS1")) if e.action == "transition_refused"]
    assert refused and refused[-1].after["status"] == target


def test_shipping_without_payment_or_credit_is_refused(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    _walk(store, "WS1", "reviewed", "scheduled", "quality_passed")
    with pytest.raises(InputError, match=r"payment confirmed or approved credit .*\(received 0.00 of 1000.00 CNY"):
        advance(store, "WS1", "shipped")
    approve(store, "WS1", "credit_approved", by="CFO")
    advance(store, "WS1", "shipped")
    with pytest.raises(InputError, match=r"missing payment confirmed"):  # credit is no payment
        advance(store, "WS1", "paid")


def test_shipping_before_quality_passed_names_both_gates(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    _walk(store, "WS1", "reviewed", "scheduled")
    with pytest.raises(InputError) as exc:
        advance(store, "WS1", "shipped")
    message = str(exc.value)
    assert "shipped can only follow quality_passed" in message
    assert "quality passed 质检通过 (the order is scheduled)" in message
    assert "payment confirmed or approved credit" in message


@pytest.mark.parametrize(("paid", "allowed"), [("998.99", False), ("999.00", True), ("1000.00", True)])
def test_matched_money_confirms_payment_within_the_tolerance(k, store, put, paid, allowed) -> None:
    # 1.00 CNY tolerance (data/ledger.toml): 999.00 of 1,000.00 counts as paid, 998.99 does not
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    inv = k.invoice("INV1", "1000", issue=k.AS_OF, order_ref="WS1")
    put(inv, k.payment("T1", paid, inv, on=k.AS_OF))
    _walk(store, "WS1", "reviewed", "scheduled", "quality_passed", as_of=k.AS_OF)
    if allowed:
        _walk(store, "WS1", "shipped", "paid", as_of=k.AS_OF)
    else:
        with pytest.raises(InputError, match=r"received 998.99 of 1000.00 CNY"):
            advance(store, "WS1", "shipped", as_of=k.AS_OF)


def test_finance_review_must_be_signed_off_before_review(k, store, put) -> None:
    put(k.customer(grade="B"), k.order("WS1", "50000.01"))
    with pytest.raises(InputError, match=r"财务审核 / Finance review signed off \(rule large_order_non_a: "
                                         r"customer.grade=B, order.total_cny=50000.01"):
        advance(store, "WS1", "reviewed")
    approve(store, "WS1", "finance_review", by="财务 李会计", note="checked deposit")
    advance(store, "WS1", "reviewed")
    [event] = [e for e in store.history(("order", "webshop|WS1")) if e.action == "approval"]
    assert event.actor == "财务 李会计" and event.after == {"what": "finance_review", "rules": ["large_order_non_a"]}


def test_order_at_the_threshold_needs_no_sign_off(k, store, put) -> None:
    put(k.customer(grade="B"), k.order("WS1", "50000.00"))
    advance(store, "WS1", "reviewed")


def test_frozen_customer_blocks_until_released(k, store, put) -> None:
    put(k.customer(grade="A", limit="10000"), k.order("WS1", "10000.01"))
    with pytest.raises(InputError, match=r"not on hold 未冻结 \(over_credit_limit: customer.over_limit_cny=0.01"):
        advance(store, "WS1", "reviewed")
    approve(store, "WS1", "freeze", by="CFO")
    advance(store, "WS1", "reviewed")


def test_freeze_arising_later_blocks_shipping(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    _walk(store, "WS1", "reviewed", "scheduled", "quality_passed")
    approve(store, "WS1", "credit_approved")
    # meanwhile an old invoice runs 91 days overdue: the customer is frozen, shipping is refused
    put(k.invoice("OLD", "500", issue=k.AS_OF - k.days(121), due=k.AS_OF - k.days(91)))
    with pytest.raises(InputError, match=r"overdue_days: customer.overdue_days_max=91"):
        advance(store, "WS1", "shipped", as_of=k.AS_OF)


def test_approvals_need_a_matching_hit_and_unknown_things_are_refused(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    with pytest.raises(InputError, match="has no rule hit asking for finance_review"):
        approve(store, "WS1", "finance_review")
    with pytest.raises(InputError, match="cannot approve 'bribe'"):
        approve(store, "WS1", "bribe")
    with pytest.raises(InputError, match="no order 'WS404'"):
        advance(store, "WS404", "reviewed")
    with pytest.raises(InputError, match="'sent' is not an order status"):
        advance(store, "WS1", "sent")
    with pytest.raises(InputError, match="attachment not found"):
        advance(store, "WS1", "reviewed", attachments=["/nonexistent/qc.pdf"])
    assert store.get(Order, "webshop|WS1").status == "received"


def test_cancel_before_shipping_only(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"), k.order("WS2", "1000"))
    advance(store, "WS1", "cancelled")
    approve(store, "WS2", "payment_confirmed")
    _walk(store, "WS2", "reviewed", "scheduled", "quality_passed", "shipped")
    with pytest.raises(InputError, match="cancelled can only follow received or reviewed or scheduled or quality_passed"):
        advance(store, "WS2", "cancelled")
    assert store.get(Order, "webshop|WS2").payment_confirmed is True
    assert store.get(Order, "webshop|WS2").total == Decimal("1000")


def test_orders_only_move_forward_and_closed_is_final(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    advance(store, "WS1", "reviewed")
    with pytest.raises(InputError, match="the order is already reviewed, past received: orders only move forward"):
        advance(store, "WS1", "received")
    advance(store, "WS1", "cancelled")
    with pytest.raises(InputError, match="the order is cancelled: nothing moves it any more"):
        advance(store, "WS1", "reviewed")
