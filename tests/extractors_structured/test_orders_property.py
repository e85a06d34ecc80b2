"""Property: any spelling from the alias table, in any column order, below any title rows, reads back
the same orders; so no alias of one field is taken for another."""

from __future__ import annotations

import csv
import io
import os
import tempfile
import tomllib
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.orders import read_orders

ALIASES = tomllib.loads(resources.files("extractors").joinpath("data", "order_columns.toml")
                        .read_text(encoding="utf-8"))["fields"]
FIELDS = ["order_id", "order_date", "customer", "sku", "description", "quantity", "unit_price", "amount", "remarks"]

line = st.tuples(st.sampled_from(["HR-HB-002", "HR-FW-004", "A-01"]), st.sampled_from(["六角头螺栓", "Flat washer", "接近开关"]),
                 st.integers(min_value=1, max_value=50_000), st.integers(min_value=1, max_value=99_999))
order = st.tuples(st.from_regex(r"[A-Z]{2}-[0-9]{4}", fullmatch=True),
                  st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
                  st.sampled_from(["苏州德润工贸有限公司", "ACME Industrial Supply Ltd."]),
                  st.lists(line, min_size=1, max_size=4))


@settings(max_examples=int(os.environ.get("ORDERHUB_PROPERTY_EXAMPLES", "25")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(order, min_size=1, max_size=4, unique_by=lambda o: o[0]),
       st.fixed_dictionaries({f: st.sampled_from(ALIASES[f]["aliases"]) for f in FIELDS}),
       st.permutations(FIELDS), st.integers(min_value=0, max_value=3), st.sampled_from(["xlsx", "csv"]))
def test_orders_round_trip(orders, spelling: dict[str, str], columns: list[str], titles: int, fmt: str) -> None:
    rows: list[list[object]] = [[f"订单导出 第{i}页"] for i in range(titles)]
    rows.append([spelling[c] for c in columns])
    for order_id, day, buyer, lines in orders:
        for sku, name, qty, cents in lines:
            price = Decimal(cents).scaleb(-2)
            values = {"order_id": order_id, "order_date": day.isoformat(), "customer": buyer, "sku": sku,
                      "description": name, "quantity": qty, "unit_price": str(price),
                      "amount": str(price * qty), "remarks": "加急"}
            rows.append([values[c] for c in columns])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export.{fmt}"
        if fmt == "xlsx":
            book = openpyxl.Workbook()
            for row in rows:
                book.active.append(row)
            book.save(path)
        else:
            out = io.StringIO()
            csv.writer(out).writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
        result = read_orders(path, channel="webshop")
    got = [(o.external_id, o.order_date, o.customer_name, [(ln.sku, ln.description, ln.quantity, ln.unit_price)
                                                          for ln in o.lines]) for o in result.orders]
    assert got == [(oid, day, buyer, [(sku, name, Decimal(qty), Decimal(c).scaleb(-2)) for sku, name, qty, c in lines])
                   for oid, day, buyer, lines in orders]
