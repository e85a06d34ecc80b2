"""Order exports: the demo world's dealer spreadsheets against its records, and hand-made exports with
renamed, reordered and bilingual headers, continuation rows and the errors users get."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from extractors.orders import buyer_from_title, read_orders
from hub.errors import InputError
from tests.extractors_structured.exports import write_xlsx as _xlsx

D = Decimal


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    from fixtures.world import generate_world

    return generate_world(seed=11, orders=60, scans=False, out=tmp_path_factory.mktemp("world") / "w")


def test_dealer_workbooks_match_the_world(world) -> None:
    truth = {o.natural_key(): o for o in world.orders}
    files = {rel: info for rel, info in world.truth["files"].items() if info["kind"] == "dealer_orders"}
    assert files
    checked = 0
    for rel, info in files.items():
        expected = [truth[k] for k in info["record_keys"]]
        try:
            result = read_orders(world.path(rel))
        except InputError as exc:  # exports that name no buyer anywhere
            assert "names no buyer" in str(exc)
            result = read_orders(world.path(rel), customer=expected[0].customer_name)
        got = {o.natural_key(): o for o in result.orders}
        assert sorted(got) == sorted(info["record_keys"])
        for exp in expected:
            order = got[exp.natural_key()]
            assert order.order_date == exp.order_date
            assert order.currency == exp.currency
            assert exp.customer_name == order.customer_name or order.customer_name in exp.customer_name
            assert [(ln.quantity, ln.unit_price, ln.amount) for ln in order.lines] == [
                (ln.quantity, ln.unit_price, ln.amount) for ln in exp.lines]
            assert [ln.sku for ln in order.lines if ln.sku] == [ln.sku for ln in exp.lines if ln.sku and any(
                o.sku for o in order.lines)]
            assert all(got_ln.description.split()[0] in exp_ln.description
                       for got_ln, exp_ln in zip(order.lines, exp.lines, strict=True))
            checked += 1
    assert checked == len([k for info in files.values() for k in info["record_keys"]])



def test_renamed_and_reordered_columns_still_map(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "渠道订单.xlsx", [
        ["某某商城 订单导出"],
        [],
        ["备注", "购买数量", "订单编码", "商品编码", "商品名称", "单价（元）", "下单日期", "客户名称", "交货日期"],
        ["加急", 10, "SO-1", "A-01", "不锈钢螺栓", 2.5, "2026年3月1日", "宁波星辰进出口有限公司", "2026-03-20"],
        [None, 4, "SO-1", "A-02", "平垫圈", 0.2, "2026年3月1日", "宁波星辰进出口有限公司", "2026-03-20"],
        [None, 1, "SO-2", "B-9", "接近开关", 60, "2026年3月2日", "Hamburg Trading GmbH", None],
    ])
    result = read_orders(path, channel="webshop")
    assert [o.external_id for o in result.orders] == ["SO-1", "SO-2"]
    first = result.orders[0]
    assert first.customer_name == "宁波星辰进出口有限公司" and first.channel == "webshop"
    assert first.promised_date == date(2026, 3, 20) and first.remarks == "加急"
    assert [(ln.line_no, ln.sku, ln.quantity, ln.amount) for ln in first.lines] == [
        (1, "A-01", D("10"), D("25.00")), (2, "A-02", D("4"), D("0.80"))]
    assert result.confidence["quantity"] < 1.0  # 购买数量 reached 数量 by a fuzzy match
    assert result.confidence["customer_name"] == 1.0


def test_english_csv_with_continuation_rows(tmp_path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([
        ["Purchase Orders - ACME Industrial Supply Ltd."],
        ["PO Number", "PO Date", "Part Number", "Item Description", "Qty", "UOM", "Unit Price (USD)", "Extended Price"],
        ["4500012345", "Mar 3, 2026", "HR-HB-002", "Hex bolt M10x40", "1,000", "PCS", "0.80", "800.00"],
        ["", "", "HR-FW-004", "Flat washer", "2,000", "PCS", "0.05", "100.00"],
        ["TOTAL", "", "", "", "", "", "", "900.00"],
    ])
    path = tmp_path / "acme_po.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    result = read_orders(path)
    (order,) = result.orders
    assert order.external_id == "4500012345" and order.order_date == date(2026, 3, 3)
    assert order.customer_name == "ACME Industrial Supply Ltd."
    assert order.currency == "USD" and order.total == D("900.00")
    assert [ln.unit for ln in order.lines] == ["PCS", "PCS"]
    assert result.skipped


def test_missing_required_column_lists_the_headers(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "no_qty.xlsx", [["订单号", "日期", "品名", "单价"], ["A1", "2026-03-01", "螺栓", 1]])
    with pytest.raises(InputError, match="quantity") as info:
        read_orders(path, customer="X")
    assert "'订单号', '日期', '品名', '单价'" in str(info.value)


def test_inconsistent_line_is_a_row_warning_and_costs_only_its_order(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", [["订单号", "日期", "品名", "数量", "单价", "金额"],
                                         ["A1", "2026-03-01", "螺栓", 10, 1.5, 99],
                                         ["A2", "2026-03-02", "垫圈", 4, 2.5, 10],
                                         ["A3", "2026-03-02", "螺母", "十个", 2.5, 10],
                                         ["A3", "2026-03-02", "弹垫", 2, 1, 2]])
    result = read_orders(path, customer="X")
    assert [o.external_id for o in result.orders] == ["A2"]
    bad, nan, rest = result.row_warnings
    assert (bad.row, bad.sheet) == (2, "Sheet") and "15.00" in bad.reason and "order A1 is not imported" in bad.reason
    assert (nan.row, nan.column, nan.cell) == (4, "数量", "十个") and "not an amount" in nan.reason
    assert rest.row == 5 and "row 4 cannot be read" in rest.reason


def test_no_buyer_anywhere_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "PO_export_202603.xlsx", [["Order No.", "Order Date", "Description", "Qty", "Unit Price"],
                                                      ["PO-1", "2026-03-01", "Bolt", 1, 2]])
    with pytest.raises(InputError, match="names no buyer"):
        read_orders(path)
    assert read_orders(path, customer="合肥东方工贸有限公司").orders[0].customer_name == "合肥东方工贸有限公司"


def test_formulas_are_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "formula.xlsx", [["订单号", "日期", "品名", "数量", "单价", "金额"],
                                             ["A1", "2026-03-01", "螺栓", 10, 1.5, "=D2*E2"]])
    with pytest.raises(InputError, match=r"formula.*F2|F2.*formula"):
        read_orders(path, customer="X")


@pytest.mark.parametrize(("text", "buyer"), [
    ("佛山润泽机电设备贸易股份有限公司  订货明细表", "佛山润泽机电设备贸易股份有限公司"),
    ("苏州德润工贸有限公司采购订单汇总", "苏州德润工贸有限公司"),
    ("华锐机电-PO-202602", "华锐机电"),
    ("PO_export_202601", None),
    ("采购订单 Purchase Orders", None),
])
def test_buyer_from_title(text: str, buyer: str | None) -> None:
    assert buyer_from_title(text) == buyer


def test_orders_on_several_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "一月"
    for title, rows in (("一月", [["A1", "2026-01-05", "螺栓", 10, 1.5]]), ("二月", [["A2", "2026-02-03", "垫圈", 5, 2]])):
        ws = book[title] if title in book.sheetnames else book.create_sheet(title)
        ws.append(["订单号", "日期", "品名", "数量", "单价"])
        for row in rows:
            ws.append(row)
    path = tmp_path / "orders.xlsx"
    book.save(path)
    assert [o.external_id for o in read_orders(path, customer="X").orders] == ["A1", "A2"]
    book["二月"].append(["A1", "2026-02-04", "螺母", 1, 1])
    book.save(path)
    result = read_orders(path, customer="X")
    assert [(o.external_id, o.lines[0].description) for o in result.orders] == [("A1", "螺栓"), ("A2", "垫圈")]
    (warning,) = result.row_warnings
    assert (warning.sheet, warning.row, warning.cell) == ("二月", 3, "A1")
    assert "A1 appears on sheet '一月' and on sheet '二月'" in warning.reason


def test_customer_column_wins_and_english_file_names_are_no_buyers(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "orders_march_final.xlsx", [["订单号", "日期", "客户", "品名", "数量", "单价"],
                                                        ["A1", "2026-03-01", "甲公司", "螺栓", 1, 2]])
    assert read_orders(path, customer="乙公司").orders[0].customer_name == "甲公司"
    bare = _xlsx(tmp_path / "orders_march_final2.xlsx", [["订单号", "日期", "品名", "数量", "单价"],
                                                         ["A1", "2026-03-01", "螺栓", 1, 2]])
    with pytest.raises(InputError, match="names no buyer"):
        read_orders(bare)
    result = read_orders(bare, customer="乙公司")
    assert result.orders[0].customer_name == "乙公司" and result.confidence["customer_name"] == 1.0
