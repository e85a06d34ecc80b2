"""The integrity report's rows at, under and over each limit, on constructed records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hub.orderdesk.integrity import integrity_rows
from hub.orderdesk.lifecycle import advance, approve
from hub.records import Delivery, DeliveryLine, PackingLine, PackingList


def _rows(store, as_of, category):
    return {r.key: r for r in integrity_rows(store, as_of=as_of) if r.category == category}


@pytest.mark.parametrize(("age", "listed"), [(1, False), (2, False), (3, True)])
def test_received_order_past_its_two_days(k, store, put, age, listed) -> None:
    put(k.customer(), k.order("WS1", "100", order_date=k.AS_OF - k.days(age)))
    rows = _rows(store, k.AS_OF, "stage_overdue")
    assert ("webshop|WS1" in rows) is listed
    if listed:
        row = rows["webshop|WS1"]
        assert (row.age_days, row.allowed_days, row.overdue_days, row.owner) == (3, 2, 1, "sales 销售")


@pytest.mark.parametrize(("late", "listed"), [(-1, False), (0, False), (1, True)])
def test_promised_date_passed_before_shipping(k, store, put, late, listed) -> None:
    put(k.customer(), k.order("WS1", "100", order_date=k.AS_OF - k.days(1), promised=k.AS_OF - k.days(late)
                              if late >= 0 else k.AS_OF + k.days(1)))
    assert ("webshop|WS1" in _rows(store, k.AS_OF, "promise_missed")) is listed


def test_stage_age_counts_from_the_transition(k, store, put) -> None:
    # moved to scheduled today (the transition's date), ordered long ago: not stuck in scheduled
    put(k.customer(grade="A"), k.order("WS1", "100", order_date=k.AS_OF - k.days(60)))
    advance(store, "WS1", "reviewed")
    advance(store, "WS1", "scheduled")
    from datetime import date

    today = date.today()
    rows = _rows(store, today, "stage_overdue")
    assert "webshop|WS1" not in rows
    assert "webshop|WS1" in _rows(store, today + k.days(22), "stage_overdue")


@pytest.mark.parametrize(("paid", "listed"), [("1000.00", False), ("999.00", False), ("998.99", True)])
def test_shipped_but_unpaid(k, store, put, paid, listed) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000", status="shipped", order_date=k.AS_OF - k.days(20)))
    inv = k.invoice("INV1", "1000", issue=k.AS_OF - k.days(10), order_ref="WS1")
    put(inv, k.payment("T1", paid, inv, on=k.AS_OF - k.days(1)),
        Delivery(delivery_no="SH1", order_ref="WS1", channel="webshop", shipped_date=k.AS_OF - k.days(10),
                 lines=[DeliveryLine(line_no=1, description="螺栓", quantity=Decimal(1))]))
    rows = _rows(store, k.AS_OF, "shipped_unpaid")
    assert ("webshop|WS1" in rows) is listed
    if listed:
        row = rows["webshop|WS1"]
        assert row.amount == Decimal("1.01") and row.age_days == 10 and row.owner == "finance 财务"
        assert row.allowed_days == 30  # the invoice's terms: due 30 days after issue, issued on shipping


def test_shipped_on_credit_stays_listed_until_paid(k, store, put) -> None:
    put(k.customer(grade="A"), k.order("WS1", "1000"))
    for status in ("reviewed", "scheduled", "quality_passed"):
        advance(store, "WS1", status, as_of=k.AS_OF)
    approve(store, "WS1", "credit_approved")
    advance(store, "WS1", "shipped", as_of=k.AS_OF)
    from datetime import date

    row = _rows(store, date.today(), "shipped_unpaid")["webshop|WS1"]
    assert "shipped on approved credit" in row.detail and "not invoiced" in row.detail


def test_invoiced_but_undelivered_and_unlinked_invoices(k, store, put) -> None:
    put(k.customer(), k.order("WS1", "100", status="scheduled"), k.order("EX1", "500", status="shipped"),
        k.invoice("INV1", "100", issue=k.AS_OF - k.days(3), order_ref="WS1"),
        k.invoice("INV2", "500", issue=k.AS_OF - k.days(3), order_ref="EX1"),
        k.invoice("INV3", "70", issue=k.AS_OF - k.days(3), order_ref="WS404"),
        k.invoice("INV4", "80", issue=k.AS_OF - k.days(3)),
        PackingList(number="PL1", invoice_number="INV2", issue_date=k.AS_OF - k.days(2), total_cartons=1,
                    total_net_weight_kg=Decimal(5), total_gross_weight_kg=Decimal(6),
                    lines=[PackingLine(line_no=1, description="螺栓", quantity=Decimal(1), cartons=1,
                                       net_weight_kg=Decimal(5), gross_weight_kg=Decimal(6))]))
    undelivered = _rows(store, k.AS_OF, "invoiced_undelivered")
    assert [r.reference for r in undelivered.values()] == ["INV1"]  # INV2 left with its packing list
    row = next(iter(undelivered.values()))
    assert row.age_days == 3 and row.owner == "logistics 物流" and "order WS1 is scheduled" in row.detail
    unlinked = {r.reference: r.detail for r in _rows(store, k.AS_OF, "invoice_unlinked").values()}
    assert unlinked == {"INV3": "order reference 'WS404' matches no order",
                        "INV4": "no order reference on the invoice and no link to an order"}


def test_receipts_with_a_review_match_are_listed_with_the_proposal(k, store, put) -> None:
    put(k.customer())
    inv = k.invoice("INV1", "100", issue=k.AS_OF - k.days(30))
    put(inv, k.payment("T1", "100", inv, on=k.AS_OF - k.days(4), status="review"),
        k.payment("T2", "100", inv, on=k.AS_OF, status="confirmed"))
    rows = _rows(store, k.AS_OF, "receipt_unmatched")
    assert list(rows) == ["中国工商银行|T1"]
    assert rows["中国工商银行|T1"].age_days == 4 and rows["中国工商银行|T1"].detail.startswith("match review")
