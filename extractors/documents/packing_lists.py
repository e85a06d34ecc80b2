"""Packing lists (装箱单) from positioned words: header fields by label, the carton/weight table by its
header positions, totals from the TOTAL row cross-checked with the lines."""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.documents.common import (
    amount_eq,
    build,
    first_token,
    parse_order_ref,
    pick,
    read_cells,
    split_description,
    text_value,
)
from extractors.documents.invoices import _letterhead_seller
from extractors.documents.result import DocumentResult, Fields
from extractors.documents.roles import settle_invoice
from extractors.layout import Labels, Layout, default_labels
from extractors.parse import parse_amount, parse_date, parse_document_number
from extractors.tables import read_table
from extractors.words import Word
from hub.errors import InputError
from hub.records import PackingLine, PackingList


def _number(text: str) -> Decimal:
    value = parse_amount(text.lower().replace("kgs", "").replace("kg", "").replace("ctns", "").replace("ctn", ""))
    if value < 0:
        raise ValueError(f"{text!r} is negative")
    return value


def _count(text: str) -> int:
    value = _number(text)
    if value != value.to_integral_value():
        raise ValueError(f"{text!r} is not a whole number")
    return int(value)


def _package_type(text: str) -> str:
    """``148 CARTONS ON PALLETS`` -> ``CARTONS ON PALLETS`` (the count is total_cartons)."""
    return text_value(re.sub(r"^\d+\s*", "", text))


def read_packing_list(words: list[Word], *, source: str | None = None, labels: Labels | None = None,
                      ocr: bool = False) -> DocumentResult:
    """Read a packing list from positioned words into a :class:`PackingList` result."""
    layout = Layout(words, labels or default_labels()["packing_list"])
    f = Fields()
    pick(layout, f, "number", first_token(parse_document_number))
    pick(layout, f, "invoice_number", first_token(parse_document_number))
    pick(layout, f, "order_ref", parse_order_ref)
    pick(layout, f, "issue_date", parse_date)
    pick(layout, f, "seller_name", text_value)
    pick(layout, f, "buyer_name", text_value)
    pick(layout, f, "marks", text_value)
    pick(layout, f, "package_type", _package_type)
    if "seller_name" not in f.values:
        _letterhead_seller(layout, f)
    settle_invoice(f, layout)  # the parties of its invoice: we are the seller (the exporter who packed it)
    table = read_table(layout)
    lines: list[PackingLine] = []
    parsers = {"description": text_value, "sku": text_value, "quantity": _number, "unit": text_value,
               "cartons": _count, "net_weight_kg": _number, "gross_weight_kg": _number, "carton_marks": text_value}
    for row in table.rows if table else []:
        no = len(lines) + 1
        data: dict = {"line_no": no}
        read_cells(f, row, no, parsers, data)
        if "description" in data and "sku" not in data:
            desc, sku, _spec = split_description(data["description"])
            if sku:
                data["description"], data["sku"] = desc, sku
                f.confidence[f"lines[{no - 1}].sku"] = f.confidence[f"lines[{no - 1}].description"]
        if "description" not in data or "quantity" not in data or data["quantity"] <= 0:
            f.warnings.append(f"line {no}: no description or quantity; skipped")
            continue
        data.setdefault("cartons", 0)
        data.setdefault("net_weight_kg", Decimal("0"))
        data.setdefault("gross_weight_kg", data["net_weight_kg"])
        lines.append(PackingLine(**{k: v for k, v in data.items() if k in PackingLine.model_fields}))
    sums = {"total_cartons": sum(ln.cartons for ln in lines),
            "total_net_weight_kg": sum((ln.net_weight_kg for ln in lines), Decimal("0")),
            "total_gross_weight_kg": sum((ln.gross_weight_kg for ln in lines), Decimal("0"))}
    cols = {"total_cartons": ("cartons", _count), "total_net_weight_kg": ("net_weight_kg", _number),
            "total_gross_weight_kg": ("gross_weight_kg", _number)}
    for name, (col, parser) in cols.items():
        v = table.total_row.get(col) if table else None
        printed = None
        if v is not None:
            try:
                printed = parser(v.text)
                f.set(name, printed, v.confidence, v)
            except (ValueError, ArithmeticError):
                pass
        if printed is None:  # printed nowhere: the sum of the line cells, shown as computed from them
            f.derive(name, sums[name], 0.9 if lines else 0.3, [f"lines[{i}].{col}" for i in range(len(lines))])
        elif lines and amount_eq(Decimal(printed), Decimal(sums[name]), Decimal("0.01") * len(lines)):
            f.confirm(name, *(f"lines[{i}].{col}" for i in range(len(lines))))
        elif lines:
            f.doubt(f"{name.replace('_', ' ')} printed {printed} but the lines sum to {sums[name]}", name)
    if f.get("total_gross_weight_kg") is not None and f.get("total_net_weight_kg") is not None and \
            f.get("total_gross_weight_kg") < f.get("total_net_weight_kg"):
        f.doubt("gross weight is below net weight", "total_gross_weight_kg", "total_net_weight_kg")
    data = {k: v for k, v in f.values.items() if k in PackingList.model_fields}
    data["lines"] = lines
    data["warnings"] = list(f.warnings)
    missing = [n for n in ("number", "issue_date") if n not in data] + ([] if lines else ["item lines"])
    if missing:
        raise InputError(f"could not find {', '.join(missing)} on the packing list", source=source)
    record = build(PackingList, data, source)
    conf = f.final(ocr, lambda k: k.split("[")[0] in PackingList.model_fields)
    return DocumentResult("packing_list", record, conf, list(f.warnings), ocr, sources=dict(f.sources))
