"""extractors.tables on tables drawn in the test (reportlab) and on OCR-like words: header text the
dictionary does not know is a column, a header wrapped over two lines, left-aligned headers over
right-aligned figures, descriptions wrapped above and below their row, a page without a header that
continues the table, 小计 closing a page, OCR segments spanning several cells."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

from extractors.layout import Layout, default_labels
from extractors.pdfwords import read_pdf
from extractors.tables import read_table
from extractors.words import Word

_spec = importlib.util.spec_from_file_location("vat_tables", Path(__file__).with_name("vat_tables.py"))
vat_tables = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("vat_tables", vat_tables)
_spec.loader.exec_module(vat_tables)


def _table(pdf: Path):
    words = [w for p in read_pdf(pdf) for w in p.words]
    return read_table(Layout(words, default_labels()["invoice"]))


def _rows(seed: int, n: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        amount = f"{rng.randint(100, 999999) / 100:.2f}"
        out.append({"desc": f"*服务*技术服务费第{i + 1}期项目", "period": f"2026{rng.randint(1, 12):02d}",
                    "sku": f"SV-{rng.randint(100, 999)}", "amount": amount, "tax": f"{float(amount) * 0.06:.2f}"})
    return out


def test_wrapped_header_unknown_columns_left_headers_and_centred_wraps(tmp_path: Path) -> None:
    """Headers left-aligned, figures right-aligned at the cell's right edge; 服务期间 and 编码 are not in
    the dictionary; 通行/日期 style header on two lines; descriptions wrapped one line above and one
    below their row's figures."""
    rows = _rows(3, 4)
    cv = vat_tables.Canvas(tmp_path / "t.pdf")
    cols = [("项目名称", 30), ("服务", 170), ("编码", 230), ("金额", 300), ("税率", 380), ("税额", 430)]
    for label, x in cols:
        cv.text(x, 100, label, 9)
    cv.text(170, 111, "期间", 9)  # the header's second line
    y = 128
    for r in rows:
        cv.text(30, y - 6, r["desc"][:8], 9)
        cv.text(30, y + 6, r["desc"][8:], 9)
        cv.text(170, y, r["period"], 9)
        cv.text(230, y, r["sku"], 9)
        cv.text(370, y, r["amount"], 9, "right")  # ends past the 金额 header, before 税率
        cv.text(385, y, "6%", 9)
        cv.text(480, y, r["tax"], 9, "right")
        y += 30
    cv.text(40, y, "合计", 9)
    cv.save()
    table = _table(tmp_path / "t.pdf")
    assert [c.name for c in table.columns] == ["description", None, None, "amount", "tax_rate", "tax"]
    assert table.columns[1].label == "服务期间"
    got = [(r["description"].text, r["other:服务期间"].text, r["other:编码"].text, r["amount"].text, r["tax"].text)
           for r in table.rows]
    assert got == [(r["desc"], r["period"], r["sku"], r["amount"], r["tax"]) for r in rows]
    assert table.ended


def test_headless_continuation_page_and_subtotal(tmp_path: Path) -> None:
    """Page 1 ends with 小计 (the table goes on); page 2 has no header, its rows continue; 合计 ends it."""
    rows = _rows(5, 5)
    cv = vat_tables.Canvas(tmp_path / "t.pdf")
    heads = [("项目名称", 30, "left"), ("规格型号", 200, "left"), ("金额", 400, "right"), ("税额", 520, "right")]

    def draw(chunk: list[dict], y: float) -> float:
        for r in chunk:
            cv.text(30, y, r["desc"], 9)
            cv.text(200, y, r["sku"], 9)
            cv.text(400, y, r["amount"], 9, "right")
            cv.text(520, y, r["tax"], 9, "right")
            y += 16
        return y

    for label, x, align in heads:
        cv.text(x, 100, label, 9, align)
    y = draw(rows[:3], 120)
    cv.text(40, y, "小计", 9)
    cv.text(400, y, "1.00", 9, "right")
    cv.page()
    cv.text(300, 20, "销售货物或者提供应税劳务清单（续）", 11, "center")
    y = draw(rows[3:], 60)
    cv.text(40, y + 4, "合计", 9)
    cv.save()
    table = _table(tmp_path / "t.pdf")
    assert table.pages == [1, 2] and table.ended
    assert [r["amount"].text for r in table.rows] == [r["amount"] for r in rows]
    assert [r["spec"].text for r in table.rows] == [r["sku"] for r in rows]


def test_ocr_segments_spanning_cells_are_split_at_their_blanks() -> None:
    """OCR returns ``6.20 3% 0.19`` as one segment: its figures go to their own columns."""
    h = 10.0
    words = [Word("项目名称", 10, 0, 50, h), Word("车牌号", 120, 0, 150, h), Word("金额", 300, 0, 320, h),
             Word("税率", 350, 0, 370, h), Word("税额", 400, 0, 420, h),
             Word("*经营租赁*通行费", 10, 20, 90, 20 + h), Word("浙B12345", 120, 20, 160, 20 + h),
             Word("6.20 3% 0.19", 295, 20, 420, 20 + h)]
    table = read_table(Layout(words, default_labels()["invoice"]))
    row = table.rows[0]
    assert (row["amount"].text, row["tax_rate"].text, row["tax"].text) == ("6.20", "3%", "0.19")
    assert row["other:车牌号"].text == "浙B12345"


def test_ocr_tall_box_over_a_column_of_one_character_cells() -> None:
    """OCR reads the unit column (件 / 个 / 只, one per row) downwards as one tall box: rows keep their
    order and each gets its unit; a scan's dot inside a header (税·额) does not hide the column."""
    h = 10.0
    words = [Word("项目名称", 10, 0, 50, h), Word("单位", 200, 0, 220, h), Word("金额", 300, 0, 320, h),
             Word("税·额", 400, 0, 425, h)]
    units, amounts = "件个只", ["12.00", "3.50", "880.10"]
    for i, amount in enumerate(amounts):
        y = 20 + i * 14
        words += [Word(f"*类{i}*货物{i}", 10, y, 70, y + h), Word(amount, 290, y, 320, y + h),
                  Word(f"0.{i + 1}0", 405, y, 425, y + h)]
    words.append(Word(units, 205, 20, 215, 20 + 14 * 2 + h))  # the tall box
    table = read_table(Layout(words, default_labels()["invoice"]))
    got = [(r["description"].text, r["unit"].text, r["amount"].text, r["tax"].text) for r in table.rows]
    assert got == [(f"*类{i}*货物{i}", units[i], amounts[i], f"0.{i + 1}0") for i in range(3)]


def test_unit_after_quantity_and_currency_before_price_without_their_own_headers() -> None:
    """``500 SET`` under Quantity and ``EUR 0.1147`` under Unit Price: the words go with their figures."""
    h = 10.0
    words = [Word("Description", 10, 0, 70, h), Word("Quantity", 200, 0, 245, h), Word("Unit Price", 300, 0, 350, h),
             Word("Amount", 420, 0, 455, h),
             Word("Expansion anchor bolt M10x100", 10, 20, 150, 20 + h), Word("500", 215, 20, 232, 20 + h),
             Word("SET", 235, 20, 252, 20 + h), Word("EUR", 290, 20, 308, 20 + h), Word("0.1147", 311, 20, 340, 20 + h),
             Word("57.35", 425, 20, 455, 20 + h)]
    row = read_table(Layout(words, default_labels()["invoice"])).rows[0]
    assert (row["quantity"].text, row["unit_price"].text, row["amount"].text) == ("500 SET", "EUR 0.1147", "57.35")
    assert row["description"].text == "Expansion anchor bolt M10x100"
