"""Credit notes in the store, on SQLite and PostgreSQL: an Invoice with signed amounts, its own key beside an
invoice numbered alike, audited as created; streamed rows carry its kind and original invoice, and the row
path of the matcher applies it as the record path does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hub.records import BankReceipt, Customer, Invoice
from hub.store import Store
from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, reconcile, reconcile_rows

SELLER_ID = "91320594MA1MXQ7K8G"
BUYER = "无锡市锡山区盛达机电设备有限公司"


def _records() -> tuple[Invoice, Invoice, BankReceipt, Customer]:
    invoice = Invoice(kind="commercial", number="1001", issue_date=date(2026, 3, 2), seller_name="Hengrui",
                      seller_tax_id=SELLER_ID, buyer_name=BUYER, currency="CNY", net=Decimal("500.00"),
                      total=Decimal("500.00"))
    credit = Invoice(kind="commercial", document_type="credit_note", number="1001", original_number="1001",
                     issue_date=date(2026, 3, 9), seller_name="Hengrui", seller_tax_id=SELLER_ID, buyer_name=BUYER,
                     currency="CNY", net=Decimal("-120.00"), total=Decimal("-120.00"))
    receipt = BankReceipt(bank="ICBC", transaction_id="T1", value_date=date(2026, 3, 12), payer_name=BUYER,
                          amount=Decimal("380.00"), memo="货款")
    return invoice, credit, receipt, Customer(code="C1", name=BUYER)


def test_a_credit_note_is_stored_beside_the_invoice_it_credits(any_store: Store) -> None:
    invoice, credit, receipt, customer = _records()
    done = any_store.upsert([customer, invoice, credit, receipt])
    assert len(done.inserted) == 4  # the credit note numbered as its invoice replaces nothing
    stored = any_store.get(Invoice, credit.natural_key())
    assert stored == credit and stored.total == Decimal("-120.00") and stored.original_number == "1001"
    assert any_store.get(Invoice, invoice.natural_key()).total == Decimal("500.00")
    assert [e.action for e in any_store.history(credit, include_linked=False)] == ["created"]
    assert any_store.upsert([invoice, credit]).unchanged == [invoice.natural_key(), credit.natural_key()]
    rows = [row for chunk in any_store.stream(Invoice, INVOICE_FIELDS) for row in chunk]
    by_key = {row[0]: row for row in rows}
    assert by_key[credit.natural_key()][-2:] == ("credit_note", "1001")
    assert by_key[invoice.natural_key()][-2:] == (None, None)  # an invoice's payload has neither field
    receipts = [row for chunk in any_store.stream(BankReceipt, RECEIPT_FIELDS) for row in chunk]
    decided = reconcile_rows(receipts, rows, [customer])
    single = reconcile([receipt], [invoice, credit], customers=[customer]).matches
    assert decided == [(m.payment_key, m.status, tuple((a.target_key, str(a.amount)) for a in m.allocations))
                       for m in single]
    assert decided[0][1] == "auto" and decided[0][2] == ((invoice.natural_key(), "380.00"),)
