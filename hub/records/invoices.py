"""Invoices (发票) and packing lists (装箱单)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

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
    """

    KIND = "invoice"
    KEY_FIELDS = ("seller_key", "number")
    REQUIRED = ("number", "issue_date", "seller_name", "buyer_name", "currency", "total")

    kind: InvoiceKind
    number: str | None = Field(default=None, min_length=1, description="发票号码 (20 digits on 数电发票) or the invoice no.")
    code: str | None = Field(default=None, description="发票代码, on pre-2023 VAT invoices")
    issue_date: IsoDate | None = None
    seller_name: str | None = Field(default=None, min_length=1)
    seller_tax_id: str | None = None
    buyer_name: str | None = Field(default=None, min_length=1)
    buyer_tax_id: str | None = None
    currency: Currency | None = "CNY"
    net: Amount | None = Field(default=None, description="合计金额, before tax")
    tax: Amount | None = Decimal("0")
    total: Amount | None = Field(default=None, description="价税合计 / total due")
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
