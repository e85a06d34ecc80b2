"""Credit notes in reconciliation (issue 14): a credit note reduces what its original invoice still asks, so a
payment of the invoice less the credit matches that invoice, with a reason naming the credit note; a credit
note whose original is not found reduces nothing and goes to review. End to end: the 红字 VAT e-invoice and
the German Gutschrift of ``tests/extractors_documents/test_credit_notes.py`` read from their PDFs by the
ingest pipeline into a SQLite store, reconciled from the store, shown in the workbook and the review station.
On main the credit note was stored with no amounts and the payment short by the credit stayed open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hub.records import BankReceipt, Customer, Invoice, Match
from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, build_items, reconcile, reconcile_rows
from matchers.credits import apply_credits
from matchers.names import CustomerIndex
from matchers.partition import match_digest, rows_of, run_partitioned, split
from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN

BUYER = "无锡市锡山区盛达机电设备有限公司"
BUYER_TAX_ID = "91320205MA1T0K3E2X"
CUSTOMERS = [Customer(code="C210", name=BUYER, tax_id=BUYER_TAX_ID),
             Customer(code="C211", name="常州市武进区恒通五金有限公司")]


def _invoice(number: str, total: str, buyer: str = BUYER, day: date = date(2026, 3, 2), **kw) -> Invoice:
    amount = D(total)
    return Invoice(kind="cn_vat_ordinary", code="032001900311", number=number, issue_date=day, seller_name=OURS,
                   seller_tax_id=OUR_TAX_ID, buyer_name=buyer, currency="CNY", net=amount, tax=D(0), total=amount,
                   **kw)


def _credit(number: str, original: str | None, total: str, buyer: str = BUYER) -> Invoice:
    return _invoice(number, "0", buyer, date(2026, 3, 20)).model_copy(update={
        "document_type": "credit_note", "original_number": original, "net": D(total), "total": D(total)})


def _receipt(txn: str, amount: str, memo: str = "", payer: str = BUYER) -> BankReceipt:
    return BankReceipt(bank="中国工商银行", transaction_id=txn, value_date=date(2026, 3, 25), payer_name=payer,
                       amount=D(amount), memo=memo)


def test_a_payment_of_the_invoice_less_its_credit_note_matches_the_invoice() -> None:
    invoice = _invoice("05512876", "5650.00")
    credit = _credit("05513302", "05512876", "-1130.00")
    result = reconcile([_receipt("T1", "4520.00")], [invoice, credit], customers=CUSTOMERS)
    [match] = result.matches
    assert match.status == "auto" and [(a.target_key, a.amount) for a in match.allocations] == [
        (invoice.natural_key(), D("4520.00"))]
    assert "less credit note 05513302" in match.reason and not match.write_offs
    assert [c.target_key for c in result.credits] == [invoice.natural_key()] and not result.credits_for_review()
    assert not result.open_items()  # nothing left on the invoice: the credit note is no item of its own


def test_without_its_credit_note_the_same_payment_is_short() -> None:
    """The same payment against the invoice alone pays 80% of it: never an automatic match."""
    [match] = reconcile([_receipt("T1", "4520.00")], [_invoice("05512876", "5650.00")], customers=CUSTOMERS).matches
    assert match.status != "auto"


def test_a_credit_note_without_its_original_reduces_nothing_and_waits_for_review() -> None:
    invoice = _invoice("05512876", "5650.00")
    lost = _credit("05513399", "05519999", "-1130.00")
    unnamed = _credit("05513400", None, "-200.00")
    too_much = _credit("05513401", "05512876", "-9000.00")
    result = reconcile([_receipt("T1", "4520.00")], [invoice, lost, unnamed, too_much], customers=CUSTOMERS)
    assert result.matches[0].status != "auto"
    why = {c.label: c.why for c in result.credits_for_review()}
    assert set(why) == {"05513399", "05513400", "05513401"}
    assert "not found" in why["05513399"] and "names no original" in why["05513400"] and "more than" in why["05513401"]
    assert [i.due for i in result.open_items()] == [D("5650.00")]


def test_a_credit_note_of_another_seller_or_currency_is_not_applied() -> None:
    invoice = _invoice("05512876", "5650.00")
    other = _credit("05513302", "05512876", "-1130.00").model_copy(update={"seller_tax_id": "91320594MA1MXQ7K9X"})
    usd = _credit("05513303", "05512876", "-100.00").model_copy(update={"currency": "USD"})
    credits = apply_credits([other, usd], [invoice])
    assert [c.applied for c in credits] == [False, False]
    assert "not found" in credits[0].why and "USD" in credits[1].why


def test_a_credit_note_read_unsure_leaves_the_match_to_a_person() -> None:
    """The amount that matches rests on the credit note: read unsure (its kind), the amount is no evidence
    for an automatic match (a memo naming the invoice still is, as for any unsure amount)."""
    invoice = _invoice("05512876", "5650.00")
    credit = _credit("05513302", "05512876", "-1130.00")
    result = reconcile([_receipt("T1", "4520.00")], [invoice, credit], customers=CUSTOMERS,
                       unsure={credit.natural_key(): frozenset({"document_type"})})
    assert result.matches[0].status == "review"
    assert reconcile([_receipt("T1", "4520.00")], [invoice, credit], customers=CUSTOMERS).matches[0].status == "auto"


def test_rows_and_partitions_apply_credit_notes_as_the_single_pass() -> None:
    invoices = [_invoice("05512876", "5650.00"), _credit("05513302", "05512876", "-1130.00"),
                _invoice("05512877", "800.00", "常州市武进区恒通五金有限公司"), _credit("05513399", "05519999", "-50.00")]
    receipts = [_receipt("T1", "4520.00"), _receipt("T2", "800.00", payer="常州市武进区恒通五金有限公司")]
    single = reconcile(receipts, invoices, customers=CUSTOMERS).matches
    assert sorted(m.status for m in single) == ["auto", "auto"]
    rows = reconcile_rows([(r.natural_key(), *(getattr(r, f) for f in RECEIPT_FIELDS)) for r in receipts],
                          [(i.natural_key(), *(getattr(i, f) for f in INVOICE_FIELDS)) for i in invoices], CUSTOMERS)
    assert rows == rows_of(single)
    parts = split(receipts, invoices, CUSTOMERS, 2)
    assert match_digest(run_partitioned(parts, processes=1).rows) == match_digest(rows_of(single))


def test_the_credit_note_fields_stay_out_of_an_invoices_payload() -> None:
    """Invoices stored before credit notes keep their payload and fingerprint (no update on the next import)."""
    invoice = _invoice("05512876", "5650.00")
    assert "document_type" not in invoice.payload() and "original_number" not in invoice.payload()
    credit = _credit("05513302", "05512876", "-1130.00")
    assert credit.payload()["document_type"] == "credit_note" and Invoice.model_validate(credit.payload()) == credit
    assert credit.natural_key() == invoice.natural_key().replace("05512876", "05513302") + "|credit_note"
    items = build_items([invoice, credit], (), CustomerIndex.build(CUSTOMERS), {},
                        credits=apply_credits([credit], [invoice]))
    assert [(i.label, i.total, i.due, i.credit_notes) for i in items] == [("05512876", D("5650.00"), D("4520.00"),
                                                                          ("05513302",))]
    with pytest.raises(ValueError, match="positive on a credit note"):
        Invoice.model_validate({**credit.payload(), "total": "1130.00"})
    with pytest.raises(ValueError, match="negative"):
        Invoice.model_validate({**invoice.payload(), "total": "-1.00"})


@pytest.fixture
def store_with_credit_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The 红字 invoice we issued and a supplier's Gutschrift, read from their PDFs into a SQLite store, beside
    the blue invoice the 红字 one credits (stored earlier) and a receipt paying the invoice less the credit."""
    from extractors.ingest import ingest_folder
    from hub.settings import OurCompany, load_settings, write_our_companies
    from hub.store import Store
    from tests.extractors_documents.test_credit_notes import build

    path = write_our_companies([OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,))],
                               tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    build(inbox, "cn_red_ordinary")
    build(inbox, "de_gutschrift")
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    blue = replace_net(_invoice("05512876", "5650.00"), "5000.00", "650.00")
    store.upsert([*CUSTOMERS, blue, _receipt("ICBC20260325001", "4520.00", "货款 05512876")], actor="test")
    ingest_folder(store, inbox, settings)
    return store, blue


def replace_net(inv: Invoice, net: str, tax: str) -> Invoice:
    return inv.model_copy(update={"net": D(net), "tax": D(tax)})


def test_end_to_end_the_red_invoice_read_from_its_pdf_lets_the_short_payment_match(store_with_credit_notes,
                                                                                     tmp_path: Path) -> None:
    from flows.reconcile_cli import Inputs, run_reconcile
    from reports.reconciliation import CREDITS_SHEET

    store, blue = store_with_credit_notes
    credits = [i for i in store.all(Invoice) if i.document_type == "credit_note"]
    assert sorted((c.number, c.original_number, c.total) for c in credits) == [
        ("05513302", "05512876", D("-1130.00")), ("GS-2026-0142", "RE-2026-0871", D("-357.00"))]
    run = run_reconcile(Inputs.from_store(store), out=tmp_path / "r.xlsx", store=store, save=True)
    [match] = [m for m in run.result.matches if m.payment_key.endswith("ICBC20260325001")]
    assert match.status == "auto" and [a.target_key for a in match.allocations] == [blue.natural_key()]
    assert "less credit note 05513302 (1130.00)" in match.reason
    assert store.get(Match, f"receipt|{match.payment_key}").status == "auto"
    [waiting] = run.result.credits_for_review()  # the supplier's Gutschrift: its invoice is not in the store
    assert waiting.label == "GS-2026-0142" and "RE-2026-0871 is not found" in waiting.why
    sheet = load_workbook(tmp_path / "r.xlsx")[CREDITS_SHEET]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert rows[0][0] == "GS-2026-0142" and "待复核" in rows[0][6] and "not found" in rows[0][7]
    assert rows[1][:2] == ["05513302", "05512876"] and rows[1][5] == "05512876" and "已抵减" in rows[1][6]


def test_the_station_shows_a_credit_note_as_one(store_with_credit_notes) -> None:
    """The Gutschrift is stored for review (its seller's side: we are the buyer; lines' cells to check or
    not): its page in the station says it is a credit note and of which invoice."""
    from starlette.testclient import TestClient

    from hub.records import SourceFile
    from hub.users import add_user
    from station.app import create_app
    from tests.station.client import PASSWORDS, login

    store, _ = store_with_credit_notes
    add_user(store, "李娜", "finance", PASSWORDS["李娜"], by="test")
    source = next(s for s in store.all(SourceFile) if s.path.endswith("de_gutschrift.pdf"))
    with TestClient(create_app(store), follow_redirects=False) as client:
        login(client, "李娜")
        page = client.get(f"/documents/{source.sha256}")
    assert page.status_code == 200
    assert 'id="credit-note"' in page.text and "原发票 RE-2026-0871" in page.text
    assert "原发票号码 Original invoice (credited)" in page.text


def test_a_credited_invoice_keeps_its_key_when_a_credit_note_shares_its_number() -> None:
    """A seller numbering credit notes in a series of their own (CN 1001 beside invoice 1001): two records."""
    invoice = _invoice("1001", "100.00")
    credit = _credit("1001", "0999", "-10.00")
    assert invoice.natural_key() != credit.natural_key()


def test_the_order_desk_counts_a_credited_invoice_as_paid(store_with_credit_notes, tmp_path: Path) -> None:
    """After the payment of invoice less credit, the order desk sees nothing open on the invoice and the credit
    note as no receivable of its own: the customer is not overdue by the credit."""
    from flows.reconcile_cli import Inputs, run_reconcile
    from hub.orderdesk.desk import Desk

    store, blue = store_with_credit_notes
    run_reconcile(Inputs.from_store(store), out=None, store=store, save=True)
    desk = Desk.load(store, as_of=date(2026, 9, 30))
    assert not any(s.invoice.is_credit for s in desk.invoices.values())
    state = desk.invoices[blue.natural_key()]
    assert state.total_cny == D("4520.00") and state.open_cny == 0 and state.overdue_cny(desk.as_of, D("1")) == 0


def test_a_person_applying_a_payment_to_a_credited_invoice_applies_what_it_still_asks(tmp_path: Path) -> None:
    """指定 apply to: the invoice's open amount is its total less its credit notes; a credit note's own number is
    refused with the reason (it is not paid)."""
    from hub.settings import load_settings
    from hub.store import Store
    from matchers.decisions import DecisionError
    from matchers.manual import find_open, manual_match

    store = Store(settings=load_settings(tmp_path / "home"))
    invoice, credit = _invoice("05512876", "5650.00"), _credit("05513302", "05512876", "-1130.00")
    receipt = _receipt("T9", "5000.00", payer="某某贸易")
    store.upsert([*CUSTOMERS, invoice, credit, receipt], actor="test")
    assert find_open(store, "05512876").open == D("4520.00")
    with pytest.raises(DecisionError, match="is a credit note"):
        find_open(store, "05513302")
    match = manual_match(store, "receipt", receipt.natural_key(), "05512876", "李娜", learn=False)
    assert [(a.target_key, a.amount) for a in match.allocations] == [(invoice.natural_key(), D("4520.00"))]
    assert "480.00 of the payment left unapplied" in match.reason
