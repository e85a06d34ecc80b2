"""Typed records: pydantic 2 models with Decimal money, ISO dates and natural keys."""

from hub.records.base import Amount, Currency, IsoDate, Money, PartialRecord, Quantity, Record, Uscc
from hub.records.declaration import DECLARATION_STATUSES, Declaration, DeclarationItem, DeclarationWarning
from hub.records.files import FILE_STATUS_LABELS, FieldSource, PageInfo, RowWarning, SourceFile
from hub.records.invoices import INVOICE_KIND_LABELS, Invoice, InvoiceLine, PackingLine, PackingList
from hub.records.matches import Allocation, Candidate, Match, WriteOff
from hub.records.orders import ORDER_STATUSES, Delivery, DeliveryLine, Order, OrderLine, RuleHit
from hub.records.parties import Customer, Product
from hub.records.payments import BankReceipt, StatementLine
from hub.records.remittances import RemittanceAdvice, RemittanceLine

#: Every record type the store keeps, by its kind.
RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (Customer, Product, Order, Delivery, Invoice, PackingList, BankReceipt, StatementLine, Match,
                SourceFile, Declaration, RemittanceAdvice)
}

__all__ = [
    "INVOICE_KIND_LABELS", "ORDER_STATUSES", "RECORD_TYPES", "Allocation", "Amount", "BankReceipt", "Candidate",
    "Currency", "Customer", "FILE_STATUS_LABELS", "FieldSource", "PageInfo", "RowWarning", "DECLARATION_STATUSES", "Declaration", "DeclarationItem", "DeclarationWarning",
    "Delivery", "DeliveryLine", "Invoice", "InvoiceLine", "IsoDate", "Match", "Money",
    "Order", "OrderLine", "PackingLine", "PartialRecord", "PackingList", "Product", "Quantity", "Record", "RemittanceAdvice", "RemittanceLine", "RuleHit", "SourceFile",
    "StatementLine", "Uscc", "WriteOff",
]
