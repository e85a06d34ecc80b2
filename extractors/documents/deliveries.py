"""Delivery notes (送货单 / 货物签收单): note number, order reference, dates, signer and carrier by label;
the delivered lines by the table's header positions (name and spec joined as one description)."""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.documents.common import (
    build,
    first_token,
    parse_order_ref,
    pick,
    read_cells,
    split_description,
    text_value,
)
from extractors.documents.result import DocumentResult, Fields
from extractors.layout import Labels, Layout, default_labels
from extractors.parse import parse_amount, parse_date, parse_document_number
from extractors.tables import read_table
from extractors.words import Word
from hub.errors import InputError
from hub.records import Delivery, DeliveryLine

_NUMBERED = re.compile(r"^\d{1,3}\s+(?P<rest>\S.*)$")
_TRACKING = re.compile(r"^(?P<carrier>.*?)\s*(?P<no>[A-Z]{0,4}\d{8,20})$")


def _quantity(text: str) -> Decimal:
    value = parse_amount(text)
    if value <= 0:
        raise ValueError(f"{text!r} is not a delivered quantity")
    return value


def _carrier(text: str) -> str:
    """``安能物流 704193412672`` -> ``安能物流`` (the number is the tracking no)."""
    m = _TRACKING.match(text_value(text))
    return text_value(m.group("carrier")) if m and m.group("carrier") else text_value(text)


def _tracking(text: str) -> str:
    m = _TRACKING.match(text_value(text))
    if not m:
        raise ValueError(f"{text!r} has no tracking number")
    return m.group("no")


def read_delivery(words: list[Word], *, source: str | None = None, labels: Labels | None = None,
                  ocr: bool = False) -> DocumentResult:
    """Read a delivery note from positioned words into a :class:`Delivery` result."""
    layout = Layout(words, labels or default_labels()["delivery"])
    f = Fields()
    pick(layout, f, "delivery_no", first_token(parse_document_number), key="delivery_no",
         values=layout.candidates("number"))
    pick(layout, f, "order_ref", parse_order_ref)
    pick(layout, f, "shipped_date", first_token(parse_date))
    pick(layout, f, "signed_date", first_token(parse_date))
    pick(layout, f, "signer", first_token(text_value))
    carrier = pick(layout, f, "carrier", _carrier)
    if pick(layout, f, "tracking_no", first_token(_tracking)) is None and carrier:
        pick(layout, f, "tracking_no", _tracking, values=layout.candidates("carrier"))
    table = read_table(layout)
    lines: list[DeliveryLine] = []
    for row in table.rows if table else []:
        no = len(lines) + 1
        data: dict = {"line_no": no}
        parts = []
        for col in ("description", "spec"):
            v = row.get(col)
            if v is not None and v.text.strip():
                parts.append(text_value(v.text))
                f.confidence[f"lines[{no - 1}].description"] = min(
                    v.confidence, f.confidence.get(f"lines[{no - 1}].description", 1.0))
        lead = row.get("line_no")
        m = _NUMBERED.match(lead.text.strip()) if lead is not None else None
        if m and not row.get("description"):  # a short name printed close to its line number
            parts.insert(0, text_value(m.group("rest")))
            f.confidence[f"lines[{no - 1}].description"] = lead.confidence * 0.95
        if parts:
            data["description"] = " ".join(parts)
        read_cells(f, row, no, {"sku": text_value, "unit": text_value, "quantity": first_token(_quantity)}, data)
        ordered = row.get("ordered")
        if ordered is not None and "quantity" in data:
            try:
                if first_token(_quantity)(ordered.text) != data["quantity"]:
                    f.warnings.append(f"line {no}: delivered {data['quantity']} of {ordered.text.strip()} ordered")
            except (ValueError, ArithmeticError):
                pass
        if "description" in data and "sku" not in data:
            desc, sku, _spec = split_description(data["description"])
            if sku:
                data["description"], data["sku"] = desc, sku
        if "description" not in data or "quantity" not in data:
            f.warnings.append(f"line {no}: no description or delivered quantity; skipped")
            continue
        lines.append(DeliveryLine(**{k: v for k, v in data.items() if k in DeliveryLine.model_fields}))
    data = {k: v for k, v in f.values.items() if k in Delivery.model_fields}
    data["lines"] = lines
    missing = [n for n in ("delivery_no", "order_ref") if n not in data] + ([] if lines else ["item lines"])
    if missing:
        raise InputError(f"could not find {', '.join(missing)} on the delivery note", source=source)
    record = build(Delivery, data, source)
    conf = f.final(ocr, lambda k: k.split("[")[0] in Delivery.model_fields)
    return DocumentResult("delivery", record, conf, list(f.warnings), ocr, sources=dict(f.sources))
