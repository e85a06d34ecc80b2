"""Customer grading from stored invoices, receipts, matches and orders; thresholds at, under and over."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hub.orderdesk.desk import Desk
from hub.orderdesk.grading import Factor, grade_customers, load_grading, recompute_grades
from hub.records import Customer, Product

# Only payment days late counts: score = 100 - days late (best 0, worst 100), A from 80, B from 55.
DAYS_ONLY = """
lookback_days = 365
no_history_grade = "B"
[factors.days_late]
weight = 1
best = 0
worst = 100
[grades]
A = 80
B = 55
"""


@pytest.fixture
def days_only(tmp_path: Path):
    path = tmp_path / "grading.toml"
    path.write_text(DAYS_ONLY, encoding="utf-8")
    return load_grading(path)


def _paid_late(k, put, late: int, code: str = "C001") -> None:
    inv = k.invoice(f"INV-{code}", "10000", customer=code, issue=k.AS_OF - k.days(120), due=k.AS_OF - k.days(90))
    put(inv, k.payment(f"T-{code}", "10000", inv, on=k.AS_OF - k.days(90 - late)))


@pytest.mark.parametrize(("late", "score", "grade"), [
    (19, "81.00", "A"), (20, "80.00", "A"), (21, "79.00", "B"),
    (44, "56.00", "B"), (45, "55.00", "B"), (46, "54.00", "C"),
])
def test_grade_thresholds_from_days_paid_late(k, store, put, days_only, late, score, grade) -> None:
    put(k.customer(grade=None))
    _paid_late(k, put, late)
    [result] = grade_customers(Desk.load(store, as_of=k.AS_OF), days_only)
    assert result.figures.days_late == Decimal(late)
    assert result.score == Decimal(score) and result.new == grade


def test_open_overdue_invoice_counts_its_days_to_date(k, store, put, days_only) -> None:
    put(k.customer(grade=None), k.invoice("INV1", "5000", issue=k.AS_OF - k.days(60), due=k.AS_OF - k.days(30)))
    [result] = grade_customers(Desk.load(store, as_of=k.AS_OF), days_only)
    assert result.figures.days_late == 30 and result.figures.overdue_cny == Decimal("5000")
    assert result.new == "B"  # 70 points


def test_factor_scores_linear_and_capped() -> None:
    factor = Factor("margin", Decimal(20), best=Decimal("0.35"), worst=Decimal("0.05"))
    assert factor.score(Decimal("0.35")) == 100 and factor.score(Decimal("0.50")) == 100
    assert factor.score(Decimal("0.05")) == 0 and factor.score(Decimal("-0.1")) == 0
    assert factor.score(Decimal("0.20")) == 50


def test_default_weights_grade_good_and_bad_payers(k, store, put) -> None:
    # C001: pays on time, orders often at a good margin; C002: pays 50 days late, half still overdue
    put(k.customer("C001", grade="C"), k.customer("C002", grade="A"), k.customer("C003", grade=None),
        Product(sku="SKU-BOLT", name_zh="螺栓", name_en="Bolt", unit_cost=Decimal("65")))
    for i in range(12):
        put(k.order(f"G{i}", "100", customer="C001", order_date=k.AS_OF - k.days(20 * i)))
    put(k.order("B1", "100", customer="C002", order_date=k.AS_OF - k.days(200)))
    good = k.invoice("INV-G", "20000", customer="C001", issue=k.AS_OF - k.days(60), due=k.AS_OF - k.days(30))
    bad = k.invoice("INV-B", "20000", customer="C002", issue=k.AS_OF - k.days(100), due=k.AS_OF - k.days(70))
    put(good, k.payment("TG", "20000", good, on=k.AS_OF - k.days(31)),
        bad, k.payment("TB", "10000", bad, on=k.AS_OF - k.days(20)))
    results = {r.code: r for r in recompute_grades(store, as_of=k.AS_OF, actor="grader")}
    assert results["C001"].new == "A" and results["C001"].figures.margin == Decimal("0.35")
    assert results["C002"].new == "C" and results["C002"].figures.overdue_cny == Decimal("10000")
    assert results["C003"].new == "B" and results["C003"].score is None  # no history: the default grade
    # stored, each change an audit event with the figures behind it
    assert store.get(Customer, "C001").grade == "A"
    [event] = [e for e in store.history(("customer", "C002")) if e.action == "grade_changed"]
    assert event.actor == "grader" and event.before == {"grade": "A"} and event.after["grade"] == "C"
    assert event.after["figures"]["overdue_cny"] == "10000.00" and event.after["figures"]["days_late"] == "70.0"
    assert set(event.after["factor_scores"]) == {"days_late", "overdue_ratio", "orders_per_month", "margin"}
    # a second run changes nothing and writes nothing
    count = store.audit_count()
    assert not any(r.changed for r in recompute_grades(store, as_of=k.AS_OF))
    assert store.audit_count() == count


def test_dry_run_writes_nothing(k, store, put) -> None:
    put(k.customer("C001", grade="C"))
    count = store.audit_count()
    [result] = recompute_grades(store, as_of=k.AS_OF, dry_run=True)
    assert result.changed and store.audit_count() == count and store.get(Customer, "C001").grade == "C"
