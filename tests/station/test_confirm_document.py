"""hub.review.confirm_document on a real SQLite store: header and line corrections, refusals that write
nothing, and a second confirmation refused."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hub.errors import InputError, RecordError
from hub.records import FieldSource, Invoice, InvoiceLine, SourceFile
from hub.review import AlreadyDecided, confirm_document
from hub.settings import load_settings
from hub.store import Store


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Store, SourceFile]:
    store = Store(settings=load_settings(tmp_path / "home"))
    sha = hashlib.sha256(b"CI_HR26E0002.pdf").hexdigest()
    lines = [InvoiceLine(line_no=1, description="Hex nut M8", quantity=Decimal(1000), unit_price=Decimal("0.0164"),
                         amount=Decimal("16.40")),
             InvoiceLine(line_no=2, description="Hex bolt M8x40", quantity=Decimal(500), unit_price=None,
                         amount=Decimal("75.00"))]
    invoice = Invoice(kind="commercial", number="HR26E0002", issue_date=date(2026, 2, 2), seller_name="SUZHOU HENGRUI",
                      buyer_name="Bavaria Automation GmbH", currency="EUR", net=Decimal("76.40"), tax=Decimal(0),
                      total=Decimal("76.40"), lines=lines, file_sha256=sha)
    source = SourceFile(sha256=sha, path=str(tmp_path / "CI_HR26E0002.pdf"), kind="invoice", status="needs_review",
                        record_keys=[f"invoice:{invoice.natural_key()}"], review_fields=["lines[1].amount"],
                        warnings=["the lines sum to 91.40, the invoice says net 76.40"],
                        fields={"lines[1].amount": FieldSource(confidence=0.6),
                                "total": FieldSource(confidence=1.0, page=1, box=(400, 600, 450, 612), text="76.40")})
    store.upsert([invoice, source], actor="extract")
    return store, source


def test_a_line_amount_corrected(stored) -> None:
    store, source = stored
    done = confirm_document(store, source.sha256, {"lines[1].amount": "60.00", "total": "76.40"}, by="王丽")
    assert done.corrections == [("lines[1].amount", Decimal("75.00"), "60.00")]
    invoice = store.get(Invoice, source.record_keys[0].split(":", 1)[1])
    assert invoice.lines[1].amount == Decimal("60.00") and invoice.lines[0].amount == Decimal("16.40")
    after = store.get(SourceFile, source.sha256)
    assert after.status == "stored" and after.fields["lines[1].amount"].confidence == 1.0
    assert after.fields["total"].box == (400, 600, 450, 612)  # untouched fields keep their box
    [event] = [e for e in store.history(after, include_linked=False) if e.action == "document:confirmed"]
    assert event.actor == "王丽" and event.before == {"lines[1].amount": "75.00"}
    with pytest.raises(AlreadyDecided, match="王丽"):
        confirm_document(store, source.sha256, {"lines[1].amount": "61.00"}, by="赵强")
    assert store.get(Invoice, source.record_keys[0].split(":", 1)[1]).lines[1].amount == Decimal("60.00")


def test_refusals_write_nothing(stored) -> None:
    store, source = stored
    events = store.audit_count()
    with pytest.raises(RecordError):
        confirm_document(store, source.sha256, {"total": "seventy"}, by="王丽")
    with pytest.raises(InputError, match="not a line field"):
        confirm_document(store, source.sha256, {"lines[7].amount": "1"}, by="王丽")
    with pytest.raises(InputError, match="not a field"):
        confirm_document(store, source.sha256, {"warnings": "x"}, by="王丽")
    with pytest.raises(InputError, match="still missing: number"):
        confirm_document(store, source.sha256, {"number": ""}, by="王丽")
    with pytest.raises(InputError, match="reviewer"):
        confirm_document(store, source.sha256, {}, by=" ")
    assert store.audit_count() == events and store.get(SourceFile, source.sha256).status == "needs_review"
