"""Scraped orders into records: field values become :class:`hub.records.Order` (checked against the
portal's own order total), and the run writes them as an order export (xlsx, one row per line) beside
the downloads, the file the order-export importer reads back."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from pydantic import ValidationError

from bots.scraper import ScrapedOrder
from hub.errors import InputError, RecordError
from hub.records import Order, OrderLine

EXPORT_COLUMNS = (("channel", "Channel"), ("external_id", "Order ID"), ("order_date", "Order Date"),
                  ("customer_name", "Customer"), ("status", "Status"), ("currency", "Currency"),
                  ("promised_date", "Promised Date"), ("export", "Export"), ("incoterm", "Incoterm"),
                  ("ship_to_country", "Ship-to Country"), ("ship_to_address", "Ship-to Address"),
                  ("pi_number", "PI No."), ("is_test", "Test Order"), ("remarks", "Remarks"))
LINE_COLUMNS = (("line_no", "Line"), ("sku", "SKU"), ("description", "Description"), ("quantity", "Quantity"),
                ("unit", "Unit"), ("unit_price", "Unit Price"), ("amount", "Amount"))


def to_order(scraped: ScrapedOrder, channel: str, source: str) -> Order:
    """One scraped order as a record; a clear error names the order and the field on bad values."""
    fields = {k: v for k, v in scraped.fields.items() if v is not None and not k.startswith("_")}
    fields.setdefault("external_id", scraped.key)
    if fields["external_id"] != scraped.key:
        raise InputError(f"order {scraped.key}: the detail page shows order {fields['external_id']}", source=source)
    try:
        lines = [OrderLine(**{k: v for k, v in line.items() if v is not None}) for line in scraped.lines]
        order = Order(channel=channel, lines=lines, **fields)
    except ValidationError as exc:
        raise RecordError(exc, source=f"{source}: order {scraped.key}") from exc
    shown = scraped.fields.get("_total")
    if shown is not None and Decimal(shown) != order.total:
        raise InputError(f"order {scraped.key}: the lines add up to {order.total} but the portal shows {shown}",
                         source=source)
    return order


def to_orders(scraped: Iterable[ScrapedOrder], channel: str, source: str) -> list[Order]:
    """Every scraped order as a record, in key order."""
    return [to_order(s, channel, source) for s in sorted(scraped, key=lambda s: s.key)]


def write_export(orders: list[Order], path: Path) -> Path:
    """The orders as an order export workbook: one row per order line, English headers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws.append([title for _, title in EXPORT_COLUMNS + LINE_COLUMNS])
    for order in orders:
        head = [_cell(getattr(order, name)) for name, _ in EXPORT_COLUMNS]
        for line in order.lines:
            ws.append(head + [_cell(getattr(line, name)) for name, _ in LINE_COLUMNS])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return str(value)
    if value is None:
        return None
    return value if isinstance(value, int | str) else str(value)
