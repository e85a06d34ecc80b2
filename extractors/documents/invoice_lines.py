"""The lines of an invoice from its item table read by position (:mod:`extractors.tables`).

Any set and order of columns: those the dictionary does not name (plates, periods, dates ...) are read
and left out of the line. Discount lines (折扣, a negative amount and tax) are lines; a description
wrapped over several lines is one; ``*类别*名称`` kept as printed. A table that goes on over the next
pages goes on. A line whose description cannot be read is kept (description None, for review). Whether the lines sum to the net is checked by the invoice reader (a warning and a lower
confidence on disagreement, never a silent pick).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from extractors.documents.common import (
    measured_split,
    percent,
    pick,
    quantity_unit,
    split_description,
    split_spec,
    text_value,
)
from extractors.documents.result import Fields
from extractors.layout import Layout, Value
from extractors.parse import parse_amount
from extractors.tables import ItemTable, read_table
from hub.records import InvoiceLine

#: A description cell split into name and spec at a measure of a known shape (common.measured_split).
MEASURED_SPLIT = 0.95


def _figure(text: str) -> str:
    """A figure cell without the stray dot or comma a scan's speck adds after it (``34.51.``), without a
    currency code glued on by a dot a scan read for the blank (``USD.420.30``), and with the decimal point a
    scan read as a colon put back (``2:42``, see :data:`_COLON`)."""
    t = re.sub(r"^[A-Z]{3}[.:](?=[-−(]?\d)", "", text.strip())
    t = _COLON.sub(r"\1.\2", t)
    return t[:-1] if len(t) > 1 and t[-1] in ".,。，" and t[-2].isdigit() else t


#: a figure whose decimal point a scan read as a colon (``2:42``); read, but never sure (:func:`_line`)
_COLON = re.compile(r"^([-−(]?\d+):(\d{2}\)?)$")


def _money(text: str, comma: bool | None = None) -> Decimal:
    value = parse_amount(_figure(text), decimal_comma=comma)
    if value < 0:
        raise ValueError(f"{text!r} is negative")
    return value


def _signed(text: str, comma: bool | None = None) -> Decimal:
    """A line's amount or tax: negative on discount lines (``-2.92``, ``(2.92)``, ``−2.92``, ``2,92-``)."""
    t = _figure(text).replace("−", "-").replace("－", "-")
    if len(t) > 1 and t.endswith("-") and t[-2].isdigit() and not t.startswith("-"):  # ``12,50-`` (SAP)
        return -abs(parse_amount(t[:-1], decimal_comma=comma))
    if t.startswith("(") and t.endswith(")"):
        return -abs(parse_amount(t[1:-1], decimal_comma=comma))
    return parse_amount(t, decimal_comma=comma)


#: an article code (letters and digits, one token: ``DC-150``, ``TW-SET3``), not a line number (``1``, ``12.``)
_CODE = re.compile(r"(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9\-./_]{2,}"
                   r"|[A-Z0-9]+(?:[-./_][A-Z0-9]+)+")  # or capitals joined by a dash (``SV-COM``)
#: figure columns whose cells show the table's decimal mark
_FIGURES = ("quantity", "unit_price", "amount", "tax", "gross", "gross_price", "discount")


def decimal_mark(table: ItemTable) -> bool | None:
    """Whether the table's figures use the decimal comma (``142,50``, ``1.234,56``: True), the point
    (``142.50``, ``1,234.56``: False) or cannot tell (None); what its figures show decides the ambiguous
    ones (``1.000`` pieces, ``0,285``)."""
    comma = point = 0
    for row in [*table.rows, table.total_row]:
        for key in _FIGURES:
            v = row.get(key)
            t = v.text.strip() if v is not None else ""
            # two groups of thousands (``Rp 22.500.000``, ``90,000,000``) tell the mark as a decimal part does
            if re.search(r"\d,\d{2}(?!\d)(?!.*[.,]\d)|\d\.\d{3},\d|\d\.\d{3}\.\d{3}(?![\d,])", t):
                comma += 1
            elif re.search(r"\d\.\d{2}(?!\d)(?!.*[.,]\d)|\d,\d{3}\.\d|\d,\d{3},\d{3}(?![\d.])", t):
                point += 1
    return True if comma and not point else False if point and not comma else None


def _totals(table: ItemTable, layout: Layout, fields: Fields) -> None:
    """Net and tax (Chinese) or the total (others) from the table's 合计/Total row, when not yet read."""
    if not table.total_row:
        return
    if not fields.get("_chinese"):
        v = table.total_row.get("amount")
        if v is not None and "total" not in fields.values:
            pick(layout, fields, "total", _money, values=[v])
        return
    for col, name in (("amount", "net"), ("tax", "tax")):
        v = table.total_row.get(col)
        if v is not None and name not in fields.values:
            pick(layout, fields, name, _money, values=[v])


def read_lines(layout: Layout, fields: Fields) -> list[InvoiceLine]:
    """The invoice's lines (``fields`` gets the lines' confidences, warnings, net/tax from 合计)."""
    table = read_table(layout)
    out: list[InvoiceLine] = []
    if table is None:
        return out
    _totals(table, layout, fields)
    names = set(table.names)
    guessed = {c.key for c in table.columns if c.guessed}
    in_percent = {c.name for c in table.columns if c.name in ("tax_rate", "discount") and "%" in c.label}
    comma = decimal_mark(table)
    for row in table.rows:
        line = _line(row, len(out) + 1, names, fields, guessed, in_percent, comma)
        if line is None:
            continue
        if _sums_up(line, out):
            fields.warnings.append(f"line {line.line_no}: amount {line.amount} is the sum of the lines above; read as"
                                   " the table's total, not a line")
            for key in [k for k in fields.confidence if k.startswith(f"lines[{line.line_no - 1}].")]:
                del fields.confidence[key]
                fields.sources.pop(key, None)
            fields.confirmed -= {k for k in fields.confirmed if k.startswith(f"lines[{line.line_no - 1}].")}
            continue
        out.append(line)
    return out


def _sums_up(line: InvoiceLine, above: list[InvoiceLine]) -> bool:
    """A row without quantity whose amount (and tax) is the sum of two or more rows above it: a 合计 or
    小计 row whose label a scan garbled (``合 i计``)."""
    if len(above) < 2 or line.quantity is not None or line.unit_price is not None:
        return False
    if line.amount != sum((ln.amount for ln in above), Decimal(0)):
        return False
    taxes = [ln.tax for ln in above]  # a tax a scan made unreadable leaves the amounts to tell
    return line.tax is None or None in taxes or line.tax == sum(taxes, Decimal(0))


#: the cell a line field is taken from when its own column is not there (a SKU split off the description ...)
_READ_FROM = {"sku": "description", "spec": "description", "unit": "quantity", "quantity": "unit"}


#: the tax cell of an exempt (免税) or non-taxable (不征税) line: no tax, printed as asterisks
_NO_TAX = re.compile(r"\*{2,}")


def _rate_in_percent(text: str) -> Decimal | None:
    """A rate under a header that says ``%`` (``VAT %``): ``20`` is 20%."""
    t = text.strip()
    return percent(t + "%" if re.fullmatch(r"\d+(?:\.\d+)?", t) else t)


def _line(row: dict[str, Value], no: int, names: set[str], fields: Fields,
          guessed: set[str] = frozenset(), in_percent: set[str] = frozenset(), comma: bool | None = None
          ) -> InvoiceLine | None:
    data: dict[str, Any] = {"line_no": no}
    conf: dict[str, float] = {}
    row = _tax_rate_cell(row)
    if "sku" not in row and row.get("line_no") is not None and _CODE.fullmatch(row["line_no"].text.strip()):
        row = {**row, "sku": row["line_no"]}  # an ``Item`` column holding codes (``DC-150``), not numbers

    def money(t: str) -> Decimal:
        return _money(t, comma)

    def signed(t: str) -> Decimal:
        return _signed(t, comma)

    def unit_price(t: str) -> Decimal:  # a discount line may print its unit price negative (``-25.00``)
        return abs(_signed(t, comma))

    def take(col: str, parser) -> None:
        v = row.get(col)
        if v is None or not v.text.strip():
            return
        try:
            value = parser(v.text)
        except (ValueError, ArithmeticError):
            fields.warnings.append(f"line {no}: {col} {v.text!r} is not readable")
            return
        if value is not None:
            data[col] = value
            # under a misread header, or a figure whose point was read as a colon
            conf[col] = min(v.confidence, 0.85) if col in guessed or _COLON.match(v.text.strip()) else v.confidence

    take("description", text_value)
    take("sku", text_value)
    take("spec", text_value)
    take("unit", text_value)
    row = _qty_rate(row, comma)
    take("quantity", lambda t: quantity_unit(t, comma)[0])
    if "quantity" in data and "unit" not in data and row.get("quantity") is not None:
        unit = quantity_unit(row["quantity"].text, comma)[1]
        if unit:
            data["unit"], conf["unit"] = unit, conf["quantity"]
    if "quantity" not in data and row.get("unit") is not None:
        try:  # "10 PCS" read as one piece under the unit header
            qty, unit = quantity_unit(row["unit"].text, comma)
            if unit:
                data["quantity"], data["unit"] = qty, unit
                conf["quantity"] = conf["unit"] = row["unit"].confidence
        except ValueError:
            pass
    if "description" in data and "sku" not in data:
        desc, sku, spec = split_description(data["description"])
        if sku:
            data["description"], data["sku"], conf["sku"] = desc, sku, conf["description"]
            if spec and "spec" not in data:
                data["spec"], conf["spec"] = spec, conf["description"]
    if "description" in data and "spec" in data and "sku" not in data and "spec" not in names and "spec" in row:
        # a sub-description under the line (its spec) naming the model: ``Model GP-20, 20 cc/rev``
        desc, sku, spec = split_description(f"{data['description']} {data['spec']}")
        if sku and desc == data["description"]:
            data["sku"], data["spec"], conf["sku"] = sku, spec or None, conf["spec"]
            if data["spec"] is None:
                data.pop("spec")
    sub = "spec" in row and "spec" not in names  # a sub-description read as the spec (tables._sub_description)
    if "description" in data and "spec" not in names and not sub and not fields.get("_chinese"):
        name, spec = split_spec(data["description"])
        if spec:  # a guess from the wording is worth a look; a measure of a known shape shows the split
            data["description"], data["spec"] = name, spec
            conf["description"] = conf["spec"] = min(conf["description"],
                                                     MEASURED_SPLIT if measured_split(name, spec) else 0.85)
    take("unit_price", unit_price)
    take("amount", signed)
    take("tax_rate", _rate_in_percent if "tax_rate" in in_percent else percent)
    take("tax", lambda t: Decimal("0.00") if _NO_TAX.fullmatch(t.strip()) else signed(t))
    _parts(row, data, conf, fields, no, signed)
    _gross(row, data, conf, fields, no, signed)
    computed = "amount" not in data and bool(data.get("quantity")) and bool(data.get("unit_price"))
    if computed:
        # a row whose amount could not be read keeps its place: quantity x unit price, for review
        data["amount"] = (data["quantity"] * data["unit_price"]).quantize(Decimal("0.01"))
        conf["amount"] = 0.6
        fields.warnings.append(f"line {no}: amount not readable; quantity x unit price = {data['amount']} taken,"
                               " please check")
    if "amount" not in data:
        fields.warnings.append(f"line {no}: no amount; skipped")
        return None
    if "description" not in data:  # kept: its amount counts; the missing description is for review
        fields.warnings.append(f"line {no}: no description read")
        fields.confidence[f"lines[{no - 1}].description"] = 0.0
        conf["amount"] = min(conf["amount"], 0.85)
    _unnamed_figure(row, data, conf, fields, no)
    q, p = data.get("quantity"), data.get("unit_price")
    if q is not None and p is not None and not computed:  # a computed amount is no check of itself
        exp = p.as_tuple().exponent
        step = Decimal(1).scaleb(exp if isinstance(exp, int) else 0)
        gross = [g for g in _discounted(q * p, row.get("discount"), "discount" in in_percent, comma)
                 if abs(g - abs(data["amount"])) <= Decimal("0.01") + q * step / 2]
        if q <= 0 or not gross:
            fields.warnings.append(f"line {no}: quantity {q} x unit price {p} != amount {data['amount']}")
            data.pop("unit_price")
            conf["amount"] = min(conf.get("amount", 1), 0.6)
            conf["quantity"] = min(conf["quantity"], 0.6)  # which of the three is misread, none can tell
        else:
            for c in ("quantity", "unit_price", "amount"):
                conf[c] = max(conf[c], 0.99)
                fields.confirmed.add(f"lines[{no - 1}].{c}")
            if gross[0] != q * p:  # after a discount: the record's unit price is the one that makes the amount,
                data.pop("unit_price")  # which the document does not print; the list price is not kept
                fields.warnings.append(f"line {no}: quantity {q} x unit price {p} less the discount "
                                       f"{row['discount'].text} = amount {data['amount']}; unit price left out")
    if q is not None and q <= 0:
        data.pop("quantity")
    for c, value in conf.items():
        if c in data:
            fields.confidence[f"lines[{no - 1}].{c}"] = value
            fields.locate(f"lines[{no - 1}].{c}", row.get(c) or row.get(_READ_FROM.get(c, "")))
    return InvoiceLine(**data)


#: a ``qty_rate`` cell: quantity, its unit, ``x`` and the unit price (``1,200 PCS x $0.85``)
_QTY_X_RATE = re.compile(r"^\s*(?P<q>\d[\d.,\s]*?)\s*(?P<u>[^\W\d_]{1,6}\.?)?\s*[x×@*]\s*(?P<p>[-−]?[^\d\s\-−]{0,3}\s*\d[\d.,]*)\s*$")


def _qty_rate(row: dict[str, Value], comma: bool | None) -> dict[str, Value]:
    """A row whose ``qty_rate`` cell prints quantity x unit price: its quantity (with the unit) and unit price
    cells, where the row has none of its own."""
    v = row.get("qty_rate")
    m = _QTY_X_RATE.match(v.text) if v is not None else None
    if m is None or "quantity" in row or "unit_price" in row:
        return row
    return {**row, "quantity": replace(v, text=f"{m['q']} {m['u'] or ''}".strip()),
            "unit_price": replace(v, text=m["p"].replace(" ", ""))}


def _discounted(gross: Decimal, cell: Value | None, in_percent: bool, comma: bool | None = None) -> list[Decimal]:
    """Quantity x unit price, and after the line's discount (a rate, ``10%`` or ``10`` under a ``%`` header:
    x 0.9; or an amount: minus it) where a discount column prints one."""
    out = [gross]
    t = cell.text.strip() if cell is not None else ""
    if not t:
        return out
    try:
        if t.endswith("%") or in_percent:
            rate = t.rstrip("% ").replace(",", ".") if comma else t.rstrip("% ").replace(",", "")
            out.append((gross * (1 - abs(Decimal(rate)) / 100)).quantize(Decimal("0.01")))
        else:
            out.append(gross - abs(parse_amount(_figure(t), decimal_comma=comma)))
    except (ValueError, ArithmeticError):
        pass
    return out


def _parts(row: dict[str, Value], data: dict[str, Any], conf: dict[str, float], fields: Fields, no: int,
           signed) -> None:
    """A tax printed in parts (CGST and SGST columns, each with its rate): the line's tax and rate are the sums."""
    for name, parse in (("tax", signed), ("tax_rate", percent)):
        parts = [v for k, v in sorted(row.items()) if k.startswith(f"{name}+") and v.text.strip()]
        if not parts or name not in data:
            continue
        try:
            data[name] = sum((parse(v.text) for v in parts), data[name])
        except (ValueError, ArithmeticError, TypeError):
            fields.warnings.append(f"line {no}: a part of its {name.replace('_', ' ')} is not readable")
            data.pop(name)
            continue
        conf[name] = min(conf[name], *(v.confidence for v in parts))


def _tax_rate_cell(row: dict[str, Value]) -> dict[str, Value]:
    """A rate printed under the tax header (``MwSt.`` over ``19 %``) is the line's tax rate, not its tax."""
    v = row.get("tax")
    if v is not None and "tax_rate" not in row and re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*%\s*", v.text):
        row = {k: x for k, x in row.items() if k != "tax"}
        row["tax_rate"] = v
    return row


def _gross(row: dict[str, Value], data: dict[str, Any], conf: dict[str, float], fields: Fields, no: int,
           signed) -> None:
    """A tax-inclusive line (a ``Gesamt brutto`` / ``金额（含税）`` column, a ``含税`` unit price). Without a net
    amount the line's amount is its gross less its tax (printed, or the gross's share at the line's rate:
    computed, so below 0.9 until the lines' sum confirms it); with one, quantity x the gross unit price must
    make amount + tax, and confirms them. The record keeps no gross price (its unit price is net)."""
    gross_v, price_v = row.get("gross"), row.get("gross_price")
    try:
        gross = signed(gross_v.text) if gross_v is not None and gross_v.text.strip() else None
        gprice = abs(signed(price_v.text)) if price_v is not None and price_v.text.strip() else None
    except (ValueError, ArithmeticError):
        fields.warnings.append(f"line {no}: a tax-inclusive figure is not readable")
        return
    q = data.get("quantity")
    if gross is None and gprice is not None and q is not None:
        gross = (q * gprice).quantize(Decimal("0.01"))
    if gross is None:
        return
    if "amount" not in data:
        tax, rate = data.get("tax"), data.get("tax_rate")
        if tax is None and rate is None:
            fields.warnings.append(f"line {no}: only an amount with its tax ({gross}) is printed; its tax is unknown")
            return
        if tax is None:
            tax = gross - (gross / (1 + rate)).quantize(Decimal("0.01"))
            data["tax"], conf["tax"] = tax, 0.85
        data["amount"] = gross - tax
        conf["amount"] = min(0.85, gross_v.confidence if gross_v is not None else price_v.confidence)
        fields.warnings.append(f"line {no}: amount {data['amount']} = {gross} with its tax less the tax {tax}")
        return
    if gprice is not None and q is not None and data.get("tax") is not None and \
            abs(q * gprice - abs(data["amount"] + data["tax"])) <= Decimal("0.01") + q * Decimal("0.005"):
        for c in ("quantity", "amount", "tax"):
            conf[c] = max(conf[c], 0.99)
            fields.confirmed.add(f"lines[{no - 1}].{c}")
        fields.warnings.append(f"line {no}: unit price {gprice} includes the tax; quantity x it = amount + tax;"
                               " unit price left out")


def _unnamed_figure(row: dict[str, Value], data: dict[str, Any], conf: dict[str, float], fields: Fields,
                    no: int) -> None:
    """A quantity or unit price under a header the dictionary does not name (a scan's ``汽量`` for 数量): the
    figure of an unnamed column that times the other one makes the line's amount, and only one such."""
    amount = data.get("amount")
    if amount is None or ("quantity" in data) == ("unit_price" in data):
        return
    other = data.get("quantity", data.get("unit_price"))
    want = "unit_price" if "quantity" in data else "quantity"
    found = []
    for key, v in row.items():
        if not key.startswith("other:") or not _is_figure_text(v.text):
            continue
        try:
            x = quantity_unit(v.text)[0] if want == "quantity" else _money(v.text)
        except (ValueError, ArithmeticError):
            continue
        if x > 0 and abs(x * other - abs(amount)) <= Decimal("0.01"):
            found.append((key, x, v))
    if len(found) == 1:
        key, x, v = found[0]
        data[want], conf[want] = x, v.confidence
        fields.warnings.append(f"line {no}: {want} {x} read under the header {key[6:]!r}, which times the "
                               f"{'quantity' if want == 'unit_price' else 'unit price'} makes the amount")


def _is_figure_text(text: str) -> bool:
    t = _figure(text).replace(",", "")
    return bool(t) and t.replace(".", "", 1).isdigit()


def list_lines(words, labels, fields: Fields, rules: dict | None = None) -> list[InvoiceLine]:
    """The lines of the 销货清单 on the pages after the invoice ("详见销货清单" on page 1)."""
    later = [w for w in words if w.page > 1]
    if not later:
        fields.warnings.append("the invoice refers to a 销货清单 that is not attached")
        return []
    scratch = Fields()
    scratch.values["_chinese"] = True
    lines = read_lines(Layout(later, labels, rules), scratch)
    fields.warnings.extend(scratch.warnings)
    fields.confidence.update({k: v for k, v in scratch.confidence.items() if k.startswith("lines[")})
    fields.confirmed.update(k for k in scratch.confirmed if k.startswith("lines["))
    fields.sources.update({k: v for k, v in scratch.sources.items() if k.startswith("lines[")})
    return lines
