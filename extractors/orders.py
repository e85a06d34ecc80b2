"""Order exports (portal/web-shop downloads, dealer spreadsheets; xlsx or csv) to :class:`hub.records.Order`.

Headers map to fields through the bilingual alias table ``data/order_columns.toml`` (rapidfuzz for
renamed headers, any column order); title rows above the header are skipped; rows are grouped into
orders by order id (a row with an empty id continues the order above it); totals rows are skipped.
The buyer comes from a customer column; without one, from the ``customer`` argument, else a title row
(``XX有限公司 订货明细表``), else a Chinese file name (both flagged by a lower confidence); when none names
it, the file is refused with that reason.

A row that cannot be read (a quantity that is not a number, an order without a date) is a row warning
(row, column, cell, reason); the order it belongs to is not imported (an order missing a line would be a
wrong order), and every other order is.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors.columns import HeaderMap, RowProblem, find_header, is_blank, load_fields
from extractors.parse import find_currency, infer_dayfirst, parse_amount, parse_currency, parse_date
from extractors.spreadsheets import Cell, cell_text, read_sheets
from hub.errors import InputError, describe_validation_error
from hub.records import Order, OrderLine, RowWarning

COLUMNS = "order_columns.toml"
_FOOTER = ("合计", "总计", "小计", "Total", "TOTAL", "Subtotal")
_UNIT_IN_HEADER = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$")


@dataclass
class OrdersImport:
    """The orders of one export file, with how sure the mapping is and what was not taken as given."""

    source: str
    channel: str
    orders: list[Order] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: rows that could not be read (row, column, cell, reason); every other row was imported
    row_warnings: list[RowWarning] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary plus every order's payload."""
        return {"channel": self.channel, "records": [o.payload() for o in self.orders],
                "confidence": {k: round(v, 3) for k, v in sorted(self.confidence.items())},
                "warnings": list(self.warnings), "skipped": list(self.skipped),
                "row_warnings": [w.payload() for w in self.row_warnings]}


@cache
def title_words() -> tuple[str, ...]:
    """Words that make a title row or file name (from the alias file's ``[title]`` table), longest first."""
    text = resources.files("extractors").joinpath("data", COLUMNS).read_text(encoding="utf-8")
    words = tomllib.loads(text).get("title", {}).get("words", [])
    return tuple(sorted(words, key=len, reverse=True))


def buyer_from_title(text: str) -> str | None:
    """The buyer named in a title row or file name (``XX有限公司 订货明细表`` -> ``XX有限公司``), or None."""
    raw = unicodedata.normalize("NFKC", text)
    for word in title_words():
        raw = re.sub(re.escape(word), " ", raw, flags=re.I)
    raw = re.sub(r"(?<![A-Za-z])\d{4,8}(?![A-Za-z])|导出日期.*$|[_\-|:：]+", " ", raw)
    name = " ".join(raw.split())
    if len(name) < 2 or not re.search(r"[\u3400-\u9fffA-Za-z]{2,}", name):
        return None
    return name


def _decimal(value: Cell, column: str) -> Decimal | None:
    if is_blank(value):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return parse_amount(cell_text(value))
    except ValueError as exc:
        raise RowProblem(str(exc), column, cell_text(value)) from None


def _date(value: Cell, column: str, dayfirst: bool = True) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    try:
        return parse_date(cell_text(value), dayfirst=dayfirst)
    except ValueError as exc:
        raise RowProblem(str(exc), column, cell_text(value)) from None


class _Reader:
    def __init__(self, path: Path, rows: list[list[Cell]], header: HeaderMap, *, channel: str,
                 customer: str | None, currency: str | None, sheet: str | None = None) -> None:
        self.path, self.rows, self.h = path, rows, header
        self.source = str(path)
        self.sheet = sheet
        self.result = OrdersImport(self.source, channel)
        self.channel = channel
        self.customer, self.customer_conf = self._customer(customer)
        self.currency = currency or self._header_currency() or "CNY"
        self.default_unit = self._header_unit()
        texts = [cell_text(c) for row in rows[header.row + 1:] for name in ("order_date", "promised_date")
                 for c in header.all(row, name)]
        found = infer_dayfirst(texts)
        self.dayfirst = True if found is None else found

    def col(self, name: str) -> str:
        cols = self.h.columns.get(name)
        return self.h.headers[cols[0]] if cols else name

    def _customer(self, given: str | None) -> tuple[str | None, float]:
        """The buyer for rows without a customer column: the one given, else a title row's, else the
        file name's (only a Chinese name: English file names are too often not buyers)."""
        if "customer" in self.h.columns:
            return given, self.h.scores["customer"]
        if given:
            return given, 1.0
        for row in self.rows[: self.h.row]:
            for cell in row:
                if isinstance(cell, str) and (name := buyer_from_title(cell)):
                    return name, 0.8
        name = buyer_from_title(self.path.stem)
        return (name, 0.6) if name and re.search(r"[\u3400-\u9fff]", name) else (None, 0.0)

    def _header_currency(self) -> str | None:
        for name in ("unit_price", "amount"):
            if name in self.h.columns:
                found = find_currency(self.col(name))
                if found:
                    return found
        return None

    def _header_unit(self) -> str | None:
        match = _UNIT_IN_HEADER.search(unicodedata.normalize("NFKC", self.col("quantity")))
        if match and not find_currency(match.group(1)):
            return match.group(1)
        return None

    def run(self) -> OrdersImport:
        h = self.h
        groups: dict[str, list[tuple[int, Sequence[Cell]]]] = {}
        current: str | None = None
        for index in range(h.row + 1, len(self.rows)):
            row = self.rows[index]
            number = index + 1
            if all(is_blank(c) for c in row):
                continue
            first = next(cell_text(c) for c in row if not is_blank(c))
            order_id = cell_text(h.first(row, "order_id"))
            if any(first.startswith(m) for m in _FOOTER) and (not order_id or order_id.startswith(_FOOTER)):
                self.result.skipped.append(f"row {number}: totals row {first!r}")
                continue
            if not order_id:
                if current is None:
                    self.result.row_warnings.append(RowProblem("no order id, and no order above it",
                                                               self.col("order_id"), "").warning(number, self.sheet))
                    continue
                order_id = current
            current = order_id
            groups.setdefault(order_id, []).append((number, row))
        self.groups = groups
        for order_id, rows in groups.items():
            try:
                self.result.orders.append(self.order(order_id, rows))
            except _OrderProblem as exc:
                self.result.row_warnings += self.order_warnings(order_id, rows, exc.number, exc.problem)
        self.result.confidence = self.confidence()
        if not self.result.orders:
            self.result.warnings.append("the export has a header but no order rows")
        return self.result

    def confidence(self) -> dict[str, float]:
        out = {name: score for name, score in self.h.scores.items()}
        if "customer" in out:
            out["customer_name"] = out.pop("customer")
        if self.customer_conf:
            out["customer_name"] = self.customer_conf
        if "order_id" in out:
            out["external_id"] = out.pop("order_id")
        return out

    def order_warnings(self, order_id: str, rows: list[tuple[int, Sequence[Cell]]], number: int,
                       problem: RowProblem) -> list[RowWarning]:
        """The row warnings of an order not imported: the row that cannot be read, and its other rows."""
        problem.reason = f"{problem.reason}; order {order_id} is not imported"
        out = [problem.warning(number, self.sheet)]
        out += [RowProblem(f"order {order_id} is not imported: row {number} cannot be read").warning(n, self.sheet)
                for n, _ in rows if n != number]
        return out

    def line(self, line_no: int, number: int, row: Sequence[Cell]) -> OrderLine:
        h = self.h
        where = f"row {number}"
        quantity = _decimal(h.first(row, "quantity"), self.col("quantity"))
        price = _decimal(h.first(row, "unit_price"), self.col("unit_price"))
        amount = _decimal(h.first(row, "amount"), self.col("amount"))
        if quantity is None:
            raise RowProblem("no quantity", self.col("quantity"), "")
        if price is None and amount is not None and quantity:
            price = amount / quantity
            self.result.warnings.append(f"{where}: no unit price; computed from amount / quantity")
        if price is None:
            raise RowProblem("no unit price and no amount", self.col("unit_price"), "")
        if amount is None:
            amount = (quantity * price).quantize(Decimal("0.01"))
        elif amount == amount.quantize(Decimal("0.01")):
            amount = amount.quantize(Decimal("0.01"))
        sku = cell_text(h.first(row, "sku")) or None
        name = " ".join(p for p in (cell_text(h.first(row, "description")), cell_text(h.first(row, "spec"))) if p)
        given_no = _decimal(h.first(row, "line_no"), self.col("line_no"))
        try:
            return OrderLine(line_no=int(given_no) if given_no and given_no == int(given_no) else line_no, sku=sku,
                             description=name or sku or "", quantity=quantity,
                             unit=cell_text(h.first(row, "unit")) or self.default_unit or "个",
                             unit_price=price, amount=amount)
        except ValidationError as exc:
            raise RowProblem(describe_validation_error(exc, "OrderLine")) from None

    def order(self, order_id: str, rows: list[tuple[int, Sequence[Cell]]]) -> Order:
        """The order of ``rows``; raises :class:`_OrderProblem` naming the row that cannot be read."""
        h = self.h
        number, first = rows[0]
        lines = []
        for i, (n, r) in enumerate(rows, start=1):
            try:
                lines.append(self.line(i, n, r))
            except RowProblem as exc:
                raise _OrderProblem(n, exc) from None
        first_ = self.dayfirst
        order_date = promised = None
        for n, r in rows:
            try:
                order_date = order_date or _date(h.first(r, "order_date"), self.col("order_date"), first_)
                promised = promised or _date(h.first(r, "promised_date"), self.col("promised_date"), first_)
            except RowProblem as exc:
                raise _OrderProblem(n, exc) from None
        if order_date is None:
            raise _OrderProblem(number, RowProblem("no order date", self.col("order_date"), ""))
        customer = cell_text(next((c for _, r in rows if (c := h.first(r, "customer"))), None)) or self.customer
        if not customer:
            raise _OrderProblem(number, RowProblem("no buyer", self.col("customer"), ""))
        currency = self.currency
        ccy = next(((n, c) for n, r in rows if (c := h.first(r, "currency"))), None)
        if ccy is not None:
            try:
                currency = parse_currency(cell_text(ccy[1]))
            except ValueError as exc:
                raise _OrderProblem(ccy[0], RowProblem(str(exc), self.col("currency"), cell_text(ccy[1]))) from None
        remarks = " ".join(dict.fromkeys(cell_text(c) for _, r in rows for c in h.all(r, "remarks")))
        incoterm = cell_text(h.first(first, "incoterm")) or None
        country = cell_text(h.first(first, "ship_to_country")) or None
        try:
            return Order(channel=self.channel, external_id=order_id, customer_name=customer, order_date=order_date,
                         promised_date=promised, currency=currency, lines=lines, remarks=remarks,
                         incoterm=incoterm, ship_to_country=country, export=bool(incoterm or country))
        except ValidationError as exc:
            raise _OrderProblem(number, RowProblem(describe_validation_error(exc, "Order"))) from None


class _OrderProblem(Exception):
    """An order that cannot be imported, because of the row ``number``."""

    def __init__(self, number: int, problem: RowProblem) -> None:
        super().__init__(problem.reason)
        self.number, self.problem = number, problem


def read_orders(path: Path, data: bytes | None = None, *, channel: str = "dealer", customer: str | None = None,
                currency: str | None = None, columns: str | Path = COLUMNS) -> OrdersImport:
    """Import an order export (xlsx/xls/csv) into Orders of ``channel``: every sheet with an order header.

    A row that cannot be read (a bad value, an order without a date, an order id already on an earlier
    sheet) is a row warning in ``row_warnings`` and its order is not imported; the other orders are.
    Raises :class:`hub.errors.InputError` naming the file and the reason when the file cannot be used at
    all: no header row, a required column missing (listing the headers seen), no buyer named anywhere,
    macros or formulas.
    """
    fields = load_fields(columns)
    first_error: InputError | None = None
    combined: OrdersImport | None = None
    seen: dict[str, str] = {}
    sheets = read_sheets(path, data)
    workbook = all(sheet.encoding is None for sheet in sheets)
    for sheet in sheets:
        try:
            header = find_header(sheet.rows, fields, source=str(path), what="order")
        except InputError as exc:
            first_error = first_error or exc
            continue
        reader = _Reader(path, sheet.rows, header, channel=channel, customer=customer, currency=currency,
                         sheet=sheet.name if workbook else None)
        if reader.customer is None and "customer" not in header.columns:
            raise InputError("the export names no buyer (no customer column, none in its title rows or file "
                             "name); pass the customer explicitly", source=str(path))
        part = reader.run()
        kept = []
        for order in part.orders:
            if order.external_id in seen:
                part.row_warnings.append(RowProblem(
                    f"order {order.external_id} appears on sheet {seen[order.external_id]!r} and on sheet "
                    f"{sheet.name!r}; the later one is not imported", reader.col("order_id"),
                    order.external_id).warning(reader.groups[order.external_id][0][0], sheet.name))
                continue
            seen[order.external_id] = sheet.name
            kept.append(order)
        part.orders = kept
        if combined is None:
            combined = part
        else:
            combined.orders += part.orders
            combined.warnings += [f"sheet {sheet.name!r}: {w}" for w in part.warnings]
            combined.skipped += [f"sheet {sheet.name!r}: {k}" for k in part.skipped]
            combined.row_warnings += part.row_warnings
            combined.confidence = {k: min(v, part.confidence.get(k, v)) for k, v in combined.confidence.items()}
    if combined is None:
        raise first_error or InputError("has no sheets", source=str(path))
    return combined
