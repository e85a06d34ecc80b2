"""Scraped orders into records: field values become :class:`hub.records.Order` (checked against the
portal's own order total); the run writes them as an order export (xlsx, one row per line) and reads that
file back through the order-export importer (:func:`extractors.orders.read_orders`), so scraped orders
take the same path into records as any downloaded export. The importer reads the common order columns;
the channel-only fields it does not know (status, test flag, PI number, ship-to address, export flag) are
carried over from the scrape, and everything it does read must agree with the scrape."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from pydantic import ValidationError

from bots.scraper import ScrapedOrder
from extractors.orders import read_orders
from hub.errors import InputError, RecordError
from hub.records import Order, OrderLine

EXPORT_COLUMNS = (("channel", "Channel"), ("external_id", "Order ID"), ("order_date", "Order Date"),
                  ("customer_name", "Customer"), ("status", "Status"), ("currency", "Currency"),
                  ("promised_date", "Delivery Date"), ("export", "Export"), ("incoterm", "Incoterm"),
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


#: Order fields the importer reads from an export: they must agree with the scrape.
IMPORTED = ("customer_name", "order_date", "promised_date", "currency", "remarks", "incoterm", "ship_to_country",
            "lines")
#: Channel fields the importer does not read: carried over from the scrape.
CARRIED = ("status", "is_test", "pi_number", "ship_to_address", "export")


def _compare(imported: list[Order], scraped: list[Order], source: str, fields: tuple[str, ...]) -> None:
    by_id = {o.external_id: o for o in imported}
    missing = sorted({o.external_id for o in scraped} - set(by_id))
    extra = sorted(set(by_id) - {o.external_id for o in scraped})
    if missing or extra:
        raise InputError(f"orders differ: missing {missing[:5]}, extra {extra[:5]}", source=source)
    for order in scraped:
        other = by_id[order.external_id]
        wrong = [f for f in fields if getattr(other, f) != getattr(order, f)]
        if wrong:
            shown = ", ".join(f"{f}: {getattr(other, f)!r} vs scraped {getattr(order, f)!r}" for f in wrong[:3])
            raise InputError(f"order {order.external_id} disagrees with the scrape ({shown})", source=source)


def through_importer(orders: list[Order], path: Path, channel: str) -> list[Order]:
    """Write the scraped orders as an export at ``path`` and take them back through the order-export
    importer; fields it reads must equal the scrape, the channel-only fields are carried over."""
    write_export(orders, path)
    imported = read_orders(path, channel=channel).orders
    _compare(imported, orders, str(path), IMPORTED)
    scraped = {o.external_id: o for o in orders}
    return [o.model_copy(update={f: getattr(scraped[o.external_id], f) for f in CARRIED})
            for o in sorted(imported, key=lambda o: o.external_id)]


def check_export(path: Path, orders: list[Order], channel: str) -> int:
    """Read a portal's own order export with the importer and check it against the scraped orders (the
    fields it carries); returns the number of orders compared."""
    imported = read_orders(path, channel=channel).orders
    _compare(imported, orders, str(path), IMPORTED)
    return len(imported)


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return str(value)
    if value is None:
        return None
    return value if isinstance(value, int | str) else str(value)
