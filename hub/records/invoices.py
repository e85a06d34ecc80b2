"""Invoices (发票) and packing lists (装箱单)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from hub.records.base import Amount, Currency, IsoDate, Money, PartialRecord, Quantity, Record
from hub.records.orders import check_line_total

InvoiceKind = Literal["cn_vat_e", "cn_vat_special", "cn_vat_ordinary", "commercial", "proforma"]
INVOICE_KIND_LABELS = {
    "cn_vat_e": "数电发票 (fully digital VAT e-invoice)",
    "cn_vat_special": "增值税专用发票 (special VAT invoice)",
    "cn_vat_ordinary": "增值税普通发票 (ordinary VAT invoice)",
    "commercial": "Commercial invoice",
    "proforma": "Proforma invoice",
}
#: What the document does: bills (an invoice) or credits what an invoice billed (a credit note: Credit Note,
#: Gutschrift, avoir, 红字发票). A credit note's net, tax and total are signed: never above zero.
DocumentType = Literal["invoice", "credit_note"]


class InvoiceLine(Record):
    """One item line. On Chinese VAT invoices ``amount`` is net of tax and ``tax`` is shown beside it."""

    KIND = "invoice_line"

    line_no: int = Field(ge=1)
    description: str | None = Field(default=None, min_length=1, description="None when it could not be read")
    sku: str | None = None
    spec: str | None = None
    unit: str | None = None
    quantity: Quantity | None = None
    unit_price: Amount | None = None
    amount: Money = Field(description="Negative on a discount line (折扣)")
    tax_rate: Amount | None = Field(default=None, description="0.13 for 13%")
    tax: Money | None = None

    @model_validator(mode="after")
    def _total(self) -> InvoiceLine:
        if self.quantity is not None and self.unit_price is not None:
            # a discount or returned-goods line prints its quantity and price positive and its amount negative
            check_line_total(self.quantity, self.unit_price, abs(self.amount), f"line {self.line_no}")
        return self


class Invoice(PartialRecord):
    """An invoice as issued: Chinese VAT invoice (e-invoice or paper) or an English commercial invoice.

    A document read with fields missing is still an invoice: those fields are None (and listed for
    review on its :class:`~hub.records.SourceFile`); :meth:`missing` names them.

    A credit note (``document_type="credit_note"``: a Credit Note, Gutschrift, avoir, 红字发票) is an invoice
    of the same issuer with signed amounts (net, tax and total zero or below) and the number of the invoice
    it credits in ``original_number``; its key ends in ``|credit_note``, so a credit note numbered like an
    invoice of its issuer never replaces that invoice. An invoice's payload leaves both fields out while
    they hold their defaults: invoices stored before credit notes keep their fingerprints.
    """

    KIND = "invoice"
    KEY_FIELDS = ("seller_key", "number")
    REQUIRED = ("number", "issue_date", "seller_name", "buyer_name", "currency", "total")

    kind: InvoiceKind
    document_type: DocumentType = "invoice"
    original_number: str | None = Field(default=None, min_length=1,
                                        description="A credit note's original invoice (Against Invoice, 对应蓝字发票号码)")
    number: str | None = Field(default=None, min_length=1, description="发票号码 (20 digits on 数电发票) or the invoice no.")
    code: str | None = Field(default=None, description="发票代码, on pre-2023 VAT invoices")
    issue_date: IsoDate | None = None
    seller_name: str | None = Field(default=None, min_length=1)
    seller_tax_id: str | None = None
    buyer_name: str | None = Field(default=None, min_length=1)
    buyer_tax_id: str | None = None
    currency: Currency | None = "CNY"
    net: Money | None = Field(default=None, description="合计金额, before tax (a credit note's: zero or below)")
    tax: Money | None = Decimal("0")
    total: Money | None = Field(default=None, description="价税合计 / total due (a credit note's: zero or below)")
    total_in_words: str | None = Field(default=None, description="大写 amount as printed")
    lines: list[InvoiceLine] = Field(default_factory=list)
    order_ref: str | None = Field(default=None, description="Order or PO number printed on the invoice")
    due_date: IsoDate | None = None
    remarks: str = ""
    warnings: list[str] = Field(default_factory=list, description="Cross-check failures found on extraction")

    @property
    def seller_key(self) -> str | None:
        """Seller tax id, or the seller's name where the document shows none (foreign sellers)."""
        return self.seller_tax_id or self.seller_name

    @field_validator("net", "tax", "total")
    @classmethod
    def _signed(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        """An invoice's amounts are never negative, a credit note's never positive."""
        credit = info.data.get("document_type") == "credit_note"
        if value is not None and (value > 0 if credit else value < 0):
            raise ValueError(f"{value} is {'positive on a credit note' if credit else 'negative'}")
        return value

    @property
    def is_credit(self) -> bool:
        """Whether this is a credit note."""
        return self.document_type == "credit_note"

    def natural_key(self) -> str:
        """``seller|number``; a credit note's ends in ``|credit_note`` (see the class text)."""
        key = super().natural_key()
        return f"{key}|credit_note" if self.is_credit and not key.startswith("file:") else key

    def payload(self) -> dict[str, Any]:
        """The stored content; an invoice's without the credit-note fields at their defaults."""
        data = super().payload()
        if data.get("document_type") == "invoice" and data.get("original_number") is None:
            data.pop("document_type")
            data.pop("original_number")
        return data

    @model_validator(mode="after")
    def _due_not_before_issue(self) -> Invoice:
        if self.due_date and self.issue_date and self.due_date < self.issue_date:
            raise ValueError(f"invoice {self.number}: due date {self.due_date} is before issue date {self.issue_date}")
        return self


class PackingLine(Record):
    """One line of a packing list."""

    KIND = "packing_line"

    line_no: int = Field(ge=1)
    description: str = Field(min_length=1)
    sku: str | None = None
    quantity: Quantity
    unit: str = "PCS"
    cartons: int = Field(ge=0)
    net_weight_kg: Amount
    gross_weight_kg: Amount
    carton_marks: str | None = None


class PackingList(Record):
    """A packing list (装箱单) for an export shipment."""

    KIND = "packing_list"
    KEY_FIELDS = ("number",)

    number: str = Field(min_length=1)
    invoice_number: str | None = None
    order_ref: str | None = None
    issue_date: IsoDate
    seller_name: str | None = None
    buyer_name: str | None = None
    lines: list[PackingLine] = Field(min_length=1)
    total_cartons: int = Field(ge=0)
    total_net_weight_kg: Amount
    total_gross_weight_kg: Amount
    package_type: str | None = Field(default=None, description="cartons, pallets, wooden cases ...")
    marks: str | None = None
    warnings: list[str] = Field(default_factory=list)
