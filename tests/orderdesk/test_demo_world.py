"""The order desk on a generated demo world: grades, rule hits and the integrity report (rows and workbook),
checked against the world's ground truth."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fixtures.world import World, generate_world
from hub.orderdesk.grading import recompute_grades
from hub.orderdesk.integrity import integrity_rows
from hub.orderdesk.lifecycle import load_lifecycle
from hub.orderdesk.review import review_orders
from hub.records import Allocation, Match, Order
from hub.store import Store
from reports.integrity import write_integrity_workbook

AS_OF = date(2026, 4, 30)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(seed=7, orders=80, scans=False, out=None)


def _load(store: Store, world: World, skip_every: int = 4) -> set[str]:
    """Load the world as the pipeline would leave it: records, invoice->order links (three-way match) and
    confirmed matches from the truth, except every ``skip_every``-th receipt. Returns the matched receipts."""
    matched: set[str] = set()
    with store.batch("demo") as batch:
        batch.upsert(world.records())
        for inv, order in world.truth["links"]["invoice_order"].items():
            batch.link(("invoice", inv), "invoice_order", ("order", order))
        matches = []
        for i, entry in enumerate(world.truth["links"]["receipt_invoices"]):
            allocations = [Allocation(target_kind="invoice", target_key=a["invoice"], amount=Decimal(a["amount"]),
                                      currency=entry["currency"]) for a in entry["allocations"]]
            if i % skip_every == 0 or not allocations:
                continue
            matches.append(Match(payment_kind="receipt", payment_key=entry["receipt"], status="confirmed",
                                 payment_amount=Decimal(entry["amount"]), currency=entry["currency"],
                                 allocations=allocations, decided_by="finance"))
            matched.add(entry["receipt"])
        batch.upsert(matches)
    return matched


def test_integrity_report_on_a_demo_world(store: Store, world: World, tmp_path: Path) -> None:
    matched = _load(store, world)
    rows = integrity_rows(store, as_of=AS_OF)
    by_cat: dict[str, list] = defaultdict(list)
    for row in rows:
        by_cat[row.category].append(row)

    # receipts without a (confirmed) match: exactly those we left out (received by the report date)
    receipts = {r.natural_key() for r in world.receipts if r.value_date <= AS_OF}
    assert {r.key for r in by_cat["receipt_unmatched"]} == receipts - matched
    assert all(r.owner == "finance 财务" and r.age_days == (AS_OF - r.since).days for r in by_cat["receipt_unmatched"])

    # every invoice is linked to its order; the truth says which orders have no delivery note
    assert by_cat["invoice_unlinked"] == []
    delivered = set(world.truth["links"]["delivery_order"].values())
    orders = {o.natural_key(): o for o in world.orders}
    packed = {world.truth["links"]["packing_list_invoice"][p.number] for p in world.packing_lists}
    expected_undelivered = {inv for inv, o in world.truth["links"]["invoice_order"].items()
                            if o not in delivered and not (inv in packed and orders[o].status in ("shipped", "paid"))
                            and orders[o].status != "cancelled"}
    assert {r.key for r in by_cat["invoiced_undelivered"]} == expected_undelivered

    # shipped but unpaid: shipped orders whose matched money (from the truth) does not cover the total
    paid: Counter[str] = Counter()
    for entry in world.truth["links"]["receipt_invoices"]:
        if entry["receipt"] in matched:
            for a in entry["allocations"]:
                paid[world.truth["links"]["invoice_order"][a["invoice"]]] += Decimal(a["amount"])
    expected_unpaid = {k for k, o in orders.items() if o.status == "shipped" and not o.is_test
                       and o.total - paid[k] > 1}
    assert {r.key for r in by_cat["shipped_unpaid"]} == expected_unpaid
    assert expected_unpaid, "the demo world should have shipped, unpaid orders"

    # orders waiting before shipping longer than their stage allows, owned by the stage's owner
    stages = load_lifecycle().stages
    expected_stuck = {k for k, o in orders.items() if not o.is_test and o.status in stages
                      and o.status in ("received", "reviewed", "scheduled", "quality_passed")
                      and (AS_OF - o.order_date).days > stages[o.status].max_days and k not in delivered}
    stuck = {r.key: r for r in by_cat["stage_overdue"] if r.status in ("received", "reviewed", "scheduled")}
    assert set(stuck) == expected_stuck
    assert all(r.owner == stages[r.status].owner for r in stuck.values())
    missed = {k for k, o in orders.items() if not o.is_test and o.promised_date and o.promised_date < AS_OF
              and o.status in ("received", "reviewed", "scheduled", "quality_passed")}
    assert {r.key for r in by_cat["promise_missed"]} == missed

    # the workbook: one row per item, frozen header, filter, real dates and amounts, no formulas
    out = write_integrity_workbook(rows, tmp_path / "integrity.xlsx", as_of=AS_OF)
    wb = load_workbook(out)
    ws = wb["明细 Rows"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:N{len(rows) + 1}"
    assert ws.max_row == len(rows) + 1
    assert ws["F2"].number_format == "#,##0.00" and ws["H2"].is_date
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    summary = {ws_row[0].value: ws_row[2].value for ws_row in wb["汇总 Summary"].iter_rows(min_row=2, max_row=7)}
    assert summary["receipt_unmatched"] == len(receipts - matched)


def test_grades_and_rule_hits_on_a_demo_world(store: Store, world: World) -> None:
    _load(store, world, skip_every=1000)  # nearly every receipt matched
    results = recompute_grades(store, as_of=AS_OF, actor="grader")
    grades = Counter(r.new for r in results)
    assert sum(grades.values()) == len(world.customers)
    assert len(grades) >= 2, f"a demo world should not grade every customer alike: {grades}"
    changed = [r for r in results if r.changed]
    events = [e for c in world.customers for e in store.history(("customer", c.code)) if e.action == "grade_changed"]
    assert len(events) == len(changed)
    reviews = review_orders(store, as_of=AS_OF)
    assert reviews, "the demo world has received orders"
    for result in reviews:
        order = store.get(Order, result.key)
        grade = next(r.new for r in results if r.code == order.customer_code) if order.customer_code else None
        assert order.urgent is (grade == "A")
        assert [h.rule for h in order.rule_hits] == [h.rule for h in result.hits]


def test_report_text_cells_are_never_formulas(store: Store, k, put, tmp_path: Path) -> None:
    from hub.records import BankReceipt

    put(BankReceipt(bank="中国银行", transaction_id="T-1", value_date=k.AS_OF, payer_name='=HYPERLINK("http://x","y")',
                    amount=Decimal("10"), memo="+cmd|' /C calc'!A0"))
    rows = integrity_rows(store, as_of=k.AS_OF)
    out = write_integrity_workbook(rows, tmp_path / "r.xlsx", as_of=k.AS_OF)
    ws = load_workbook(out)["明细 Rows"]
    assert ws["D2"].value == '=HYPERLINK("http://x","y")' and ws["D2"].data_type == "s" and ws["D2"].quotePrefix
    assert ws["M2"].data_type == "s"
