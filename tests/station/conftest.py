"""A store with review items of each kind, and the review station serving it (real uvicorn)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hub.records import BankReceipt, Customer, Invoice, Match, SourceFile
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user

PASSWORDS = {"li": "li-finance-pw", "zhao": "zhao-customs-pw", "wang": "wang-admin-pw"}
ROLES = {"li": "finance", "zhao": "customs", "wang": "admin"}


def letterhead_invoice(path: Path, ref: str = "BH-2026-0314") -> Path:
    """An Irish consultant's invoice that prints no invoice-number label and no currency: read as
    needs review (number, currency, seller). The reference printed as ``Ref:`` is the number."""
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica", 10)
    for x, y, text in [(20, 20, "BLUE HARBOUR CONSULTING LTD."), (20, 26, "12 Quay Street, Galway"),
                       (140, 20, "INVOICE"), (140, 30, "Invoice Date: 14/03/2026"), (140, 36, f"Ref: {ref}"),
                       (20, 45, "Bill To: Suzhou Hengrui Precision Hardware Co., Ltd."),
                       (20, 70, "Description"), (150, 70, "Amount"),
                       (20, 78, "Design review of packaging line"), (150, 78, "1,250.00"),
                       (120, 100, "Total"), (150, 100, "1,250.00")]:
        c.drawString(x * mm, (297 - y) * mm, text)
    c.save()
    return path


def two_equal_invoices(store: Store) -> Match:
    """A payment from a customer with two open invoices of the same amount and no reference: review."""
    from flows.reconcile_cli import Inputs, run_reconcile

    customer = Customer(code="C042", name="宁波明达五金制品有限公司", name_en="Ningbo Mingda Hardware Co., Ltd.")
    invoices = [Invoice(kind="cn_vat_e", number=f"2633200000000000{n}", issue_date=date(2026, 3, d),
                        seller_name="苏州恒锐精密五金有限公司", seller_tax_id="91320594MA1MXQ7K8G",
                        buyer_name=customer.name, net=Decimal("4424.78"), tax=Decimal("575.22"),
                        total=Decimal("5000.00")) for n, d in (("0811", 2), ("0812", 9))]
    receipt = BankReceipt(bank="中国工商银行", transaction_id="ICBC20260320001", value_date=date(2026, 3, 20),
                          payer_name=customer.name, amount=Decimal("5000.00"), memo="货款")
    run_reconcile(Inputs(payments=[receipt], invoices=invoices, customers=[customer]), out=None, store=store,
                  save=True)
    match = store.get(Match, f"receipt|{receipt.natural_key()}")
    assert match is not None and match.status == "review" and len(match.candidates) >= 2, match
    return match


def short_paid(store: Store) -> Match:
    """A receipt 50.00 short of its invoice, proposed for review with the invoice as its candidate (the
    difference left open): a case for a write-off with a reason."""
    from hub.records import Allocation, Candidate

    customer = Customer(code="C043", name="杭州西湖精密机械有限公司")
    invoice = Invoice(kind="cn_vat_e", number="26332000000000000901", issue_date=date(2026, 3, 3),
                      seller_name="苏州恒锐精密五金有限公司", seller_tax_id="91320594MA1MXQ7K8G", buyer_name=customer.name,
                      net=Decimal("2654.87"), tax=Decimal("345.13"), total=Decimal("3000.00"))
    receipt = BankReceipt(bank="中国建设银行", transaction_id="CCB20260321007", value_date=date(2026, 3, 21),
                          payer_name=customer.name, amount=Decimal("2950.00"), memo="发票 26332000000000000901")
    alloc = Allocation(target_kind="invoice", target_key=invoice.natural_key(), target_label=invoice.number,
                       amount=Decimal("2950.00"))
    cand = Candidate(allocations=[alloc], score=0.8, breakdown={"amount": 0.6, "reference": 1.0, "name": 1.0,
                                                                 "date": 1.0},
                     reason="memo names the invoice; 50.00 short", customer_code=customer.code)
    match = Match(payment_kind="receipt", payment_key=receipt.natural_key(), payment_amount=receipt.amount,
                  status="review", candidates=[cand], reason="50.00 short of the invoice", score=0.8)
    store.upsert([customer, invoice, receipt, match], actor="test")
    return match


@pytest.fixture(scope="module")
def review_store(tmp_path_factory: pytest.TempPathFactory, small_world) -> Store:
    """A store with a needs-review invoice, a payment in review and a clean export declaration in draft."""
    from customs.filing import prefill_and_store
    from extractors.pipeline import Options, extract_paths

    home = tmp_path_factory.mktemp("station") / "home"
    settings = load_settings(home)
    store = Store(settings=settings)
    for name, pw in PASSWORDS.items():
        add_user(store, name, ROLES[name], pw, by="test")
    docs = home.parent / "docs"
    docs.mkdir()
    letterhead_invoice(docs / "blue-harbour.pdf")
    letterhead_invoice(docs / "blue-harbour-2.pdf", "BH-2026-0388")
    outcomes = extract_paths([docs], settings, Options(kind="invoice"), store=store)
    assert [o.status() for o in outcomes] == ["needs_review"] * 2, [o.to_json() for o in outcomes]
    two_equal_invoices(store)
    short_paid(store)
    w = small_world
    store.upsert([*w.customers, *w.products, *w.orders, *w.invoices, *w.packing_lists], actor="test")
    truth = w.truth.get("declarations", {})
    for order in w.orders:
        invoices = [i for i in w.invoices if i.kind == "commercial" and i.order_ref == order.external_id]
        if order.export and len(invoices) == 1 and truth.get(invoices[0].natural_key(), {}).get("clean"):
            done = prefill_and_store(store, [order.natural_key()], actor="prefill")
            if done.declarations and not done.declarations[0].blocking:
                break
    else:
        pytest.fail("the small world has no clean export order")
    for order in w.orders:  # and one with a mistake the linter finds, to be seen warnings first
        invoices = [i for i in w.invoices if i.kind == "commercial" and i.order_ref == order.external_id]
        if order.export and len(invoices) == 1 and not truth.get(invoices[0].natural_key(), {}).get("clean", True):
            done = prefill_and_store(store, [order.natural_key()], actor="prefill")
            if done.declarations and done.declarations[0].warnings:
                break
    assert store.all(SourceFile, status="needs_review")
    return store


@pytest.fixture(scope="module")
def station(review_store: Store):
    """The station serving the review store on a free port."""
    from station.server import serve_station

    with serve_station(review_store) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright's sync API (the project's launch flags)."""
    from playwright.sync_api import sync_playwright

    from bots.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture
def login(browser, station):
    """A logged-in page for a reviewer: ``login("li")``; each call is its own browser context."""
    contexts = []

    def go(name: str):
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{station.url}/")
        page.fill("input[name=name]", name)
        page.fill("input[name=password]", PASSWORDS[name])
        page.click("button[type=submit]")
        page.wait_for_url(f"{station.url}/")
        return page

    yield go
    for context in contexts:
        context.close()
