"""The export declaration (出口报关单): header, items, where each value came from, and its status.

Every value carries its source in ``sources`` (field name to ``"invoice:HR26E0001 total"``,
``"packing_list:PL-.. total_cartons"``, ``"master:product HR-HN-002"``, ``"default"``, ``"clerk:王丽娟"`` ...), so a
clerk sees where it came from. :meth:`Declaration.filing_form` gives the mapping the customs filer types
into the single window (``header`` and ``items`` with the form's field names).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from hub.records.base import Amount, Currency, IsoDate, Record

#: draft (prefilled, to review), approved (for the filing bot), filed, accepted or returned (退单) by customs, and
#: rejected by a clerk (never filed; a correction makes it a draft again).
DeclarationStatus = Literal["draft", "approved", "filed", "accepted", "returned", "rejected"]
DECLARATION_STATUSES = ("draft", "approved", "filed", "accepted", "returned", "rejected")
Severity = Literal["error", "warning"]

#: Header fields: name -> 出口报关单 label (the review workbook and ``customs show`` print these).
HEADER_LABELS: dict[str, str] = {
    "consignor": "境内发货人", "consignor_code": "发货人统一社会信用代码", "overseas_consignee": "境外收货人",
    "exit_port": "出境关别", "declare_date": "申报日期", "transport_mode": "运输方式",
    "vehicle": "运输工具及航次", "bill_no": "提运单号", "trade_mode": "监管方式", "levy_nature": "征免性质",
    "contract_no": "合同协议号", "trade_country": "贸易国（地区）", "dest_country": "运抵国（地区）",
    "dest_port": "指运港", "departure_port": "离境口岸", "package_type": "包装种类", "packages": "件数",
    "gross_weight": "毛重（千克）", "net_weight": "净重（千克）", "incoterm": "成交方式", "freight": "运费",
    "insurance": "保费", "other_charges": "杂费", "documents": "随附单证", "remarks": "标记唛码及备注",
}
#: Item fields: name -> label.
ITEM_LABELS: dict[str, str] = {
    "item_no": "项号", "hs_code": "商品编号", "name": "商品名称", "spec": "规格型号（申报要素）",
    "legal_qty1": "法定第一数量", "legal_unit1": "法定第一计量单位", "legal_qty2": "法定第二数量",
    "legal_unit2": "法定第二计量单位", "quantity": "成交数量", "unit": "成交计量单位", "unit_price": "单价",
    "total": "总价", "currency": "币制", "origin": "原产国（地区）", "dest": "最终目的国（地区）",
    "source_region": "境内货源地", "levy": "征免", "sku": "货号",
}
#: The single window's form fields (what the filer types), header and items.
FORM_HEADER = ("consignor", "consignor_code", "overseas_consignee", "exit_port", "trade_mode", "transport_mode",
               "contract_no", "trade_country", "dest_country", "dest_port", "incoterm", "package_type", "packages",
               "gross_weight", "net_weight", "remarks")
FORM_ITEM = ("hs_code", "name", "spec", "quantity", "unit", "unit_price", "total", "currency", "origin", "dest")


def form_text(value: Any) -> str:
    """A field's value as a form or a person reads it: '' for None, a Decimal without exponent."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class DeclarationWarning(Record):
    """A problem found on a declaration: which field, both values, the document they came from."""

    KIND = "declaration_warning"

    rule: str = Field(min_length=1, description="The lint rule's id (or prefill's: missing_packing_list ...)")
    severity: Severity = "error"
    field: str = Field(min_length=1, description="header.gross_weight, item.2.hs_code, ...")
    message: str = Field(min_length=1)
    value: str | None = None
    expected: str | None = None
    source: str | None = Field(default=None, description="The document the other value came from")

    @property
    def blocking(self) -> bool:
        """An error blocks approval for filing; a warning only asks for a look."""
        return self.severity == "error"

    def __str__(self) -> str:
        both = f" ({self.value!s} vs {self.expected!s}" + (f" from {self.source}" if self.source else "") + ")"
        return f"[{self.severity}] {self.field}: {self.message}" + (both if self.value or self.expected else "")


class DeclarationItem(Record):
    """One item (商品项) of a declaration."""

    KIND = "declaration_item"

    item_no: int = Field(ge=1, description="项号")
    hs_code: str | None = Field(default=None, description="商品编号, 10 digits; None when unknown")
    name: str = Field(min_length=1, description="商品名称")
    spec: str = Field(default="", description="规格型号: 申报要素 joined by |")
    elements: dict[str, str] = Field(default_factory=dict, description="申报要素 by name")
    legal_qty1: Amount | None = None
    legal_unit1: str | None = Field(default=None, description="法定第一计量单位 code")
    legal_qty2: Amount | None = None
    legal_unit2: str | None = None
    quantity: Amount = Field(description="成交数量")
    unit: str = Field(min_length=1, description="成交计量单位 code")
    unit_price: Amount
    total: Amount
    currency: Currency
    origin: str = "CHN"
    dest: str | None = Field(default=None, description="最终目的国 code")
    source_region: str | None = Field(default=None, description="境内货源地 code")
    levy: str = Field(default="1", description="征免 code (1 照章征税)")
    sku: str | None = None
    sources: dict[str, str] = Field(default_factory=dict, description="field name -> where its value came from")

    @field_validator("hs_code")
    @classmethod
    def _ten_digits(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        digits = value.replace(".", "").replace(" ", "")
        if not digits.isdigit() or len(digits) != 10:
            raise ValueError(f"商品编号 {value!r} must be 10 digits")
        return digits


class Declaration(Record):
    """An export declaration (出口报关单) for one commercial invoice of an export order."""

    KIND = "declaration"
    KEY_FIELDS = ("number",)

    number: str = Field(min_length=1, description="Our number: CD-<invoice number>")
    status: DeclarationStatus = "draft"
    order_key: str | None = None
    invoice_key: str | None = None
    packing_list_key: str | None = None
    customer_code: str | None = None
    # header (出口报关单 表头)
    consignor: str = Field(min_length=1)
    consignor_code: str = Field(min_length=1)
    overseas_consignee: str = Field(min_length=1)
    exit_port: str | None = None
    declare_date: IsoDate | None = None
    transport_mode: str | None = None
    vehicle: str = ""
    bill_no: str = ""
    trade_mode: str | None = None
    levy_nature: str | None = None
    contract_no: str | None = None
    trade_country: str | None = None
    dest_country: str | None = None
    dest_port: str | None = None
    departure_port: str | None = None
    package_type: str | None = None
    packages: int | None = Field(default=None, ge=0)
    gross_weight: Amount | None = None
    net_weight: Amount | None = None
    incoterm: str | None = None
    freight: Amount | None = None
    insurance: Amount | None = None
    other_charges: Amount | None = None
    currency: Currency = "USD"
    documents: str = ""
    remarks: str = ""
    items: list[DeclarationItem] = Field(min_length=1)
    sources: dict[str, str] = Field(default_factory=dict, description="header field -> where its value came from")
    warnings: list[DeclarationWarning] = Field(default_factory=list)
    approved_by: str | None = None
    pre_entry_no: str | None = Field(default=None, description="预录入编号 from the single window")
    customs_no: str | None = None
    return_reason: str | None = None

    @model_validator(mode="after")
    def _items_numbered(self) -> Declaration:
        numbers = [item.item_no for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"declaration {self.number}: 项号 must run 1..{len(numbers)} (got {numbers})")
        return self

    @property
    def total(self) -> Decimal:
        """Sum of the item totals."""
        return sum((item.total for item in self.items), Decimal("0"))

    @property
    def blocking(self) -> list[DeclarationWarning]:
        """Warnings that keep it from approval for filing."""
        return [w for w in self.warnings if w.blocking]

    def source_of(self, name: str) -> str:
        """Where a header field (``gross_weight``) or item field (``item.2.hs_code``) came from."""
        if name.startswith("item."):
            _, no, field = name.split(".", 2)
            return self.items[int(no) - 1].sources.get(field, "")
        return self.sources.get(name, "")

    def filing_form(self) -> dict[str, Any]:
        """What the customs filer types into the single window: ``{"header": {...}, "items": [...]}`` as text."""
        header = {name: form_text(getattr(self, name)) for name in FORM_HEADER}
        items = [{name: form_text(getattr(item, name)) for name in FORM_ITEM} for item in self.items]
        return {"header": header, "items": items}
