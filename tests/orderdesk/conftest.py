"""Builders for order-desk tests: real records written to a real SQLite store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from hub.records import Allocation, BankReceipt, Customer, Invoice, Match, Order, OrderLine, Product
from hub.store import Store

AS_OF = date(2026, 3, 31)


def make_order(external_id: str, total: str | Decimal, *, customer: str = "C001", currency: str = "CNY",
               channel: str = "webshop", order_date: date = AS_OF, promised: date | None = None,
               description: str = "六角螺栓 M8x30 Hex bolt", remarks: str = "", sku: str = "SKU-BOLT",
               status: str = "received", **kw: Any) -> Order:
    """An order of one line worth ``total`` (quantity 1 x unit price ``total``)."""
    amount = Decimal(str(total))
    line = OrderLine(line_no=1, sku=sku, description=description, quantity=Decimal(1), unit_price=amount,
                     amount=amount)
    return Order(channel=channel, external_id=external_id, customer_code=customer,
                 customer_name=f"客户{customer}", order_date=order_date, promised_date=promised,
                 currency=currency, lines=[line], remarks=remarks, status=status, **kw)


def make_customer(code: str = "C001", grade: str | None = "B", limit: str | None = None, **kw: Any) -> Customer:
    """A customer with a grade and an optional credit limit (CNY)."""
    return Customer(code=code, name=f"苏州客户{code}有限公司", name_en=f"Customer {code} Co., Ltd.", grade=grade,
                    credit_limit=None if limit is None else Decimal(limit), **kw)


def make_invoice(number: str, total: str, *, customer: str = "C001", issue: date, due: date | None = None,
                 order_ref: str | None = None) -> Invoice:
    """A VAT invoice to a customer (net = total, no tax: enough for receivables)."""
    return Invoice(kind="cn_vat_e", number=number, issue_date=issue, due_date=due, seller_name="无锡精工有限公司",
                   seller_tax_id=None, buyer_name=f"苏州客户{customer}有限公司", net=Decimal(total),
                   total=Decimal(total), order_ref=order_ref)


def make_payment(txn: str, amount: str, invoice: Invoice, *, on: date, status: str = "confirmed") -> list:
    """A bank receipt and a match allocating it to an invoice."""
    receipt = BankReceipt(bank="中国工商银行", transaction_id=txn, value_date=on, payer_name=invoice.buyer_name,
                          amount=Decimal(amount))
    match = Match(payment_kind="receipt", payment_key=receipt.natural_key(), payment_amount=Decimal(amount),
                  status=status, decided_by="finance" if status == "confirmed" else None,
                  allocations=[Allocation(target_kind="invoice", target_key=invoice.natural_key(),
                                          amount=Decimal(amount))])
    return [receipt, match]


@pytest.fixture
def put(store: Store) -> Callable[..., None]:
    """Write records to the test store."""
    def _put(*records: Any) -> None:
        flat = []
        for r in records:
            flat.extend(r if isinstance(r, list) else [r])
        with store.batch("test") as batch:
            batch.upsert(flat)
    return _put


@pytest.fixture
def product() -> Product:
    """A bolt with list price, cost and stock."""
    return Product(sku="SKU-BOLT", name_zh="六角螺栓", name_en="Hex bolt", unit="个", unit_price=Decimal("0.35"),
                   unit_cost=Decimal("0.20"), stock_on_hand=Decimal("100"))


def days(n: int) -> timedelta:
    """``timedelta(days=n)``."""
    return timedelta(days=n)


@pytest.fixture
def k() -> SimpleNamespace:
    """The builders and the reference date, as ``k.order(...)``, ``k.AS_OF`` ..."""
    return SimpleNamespace(AS_OF=AS_OF, days=days, order=make_order, customer=make_customer,
                           invoice=make_invoice, payment=make_payment)
