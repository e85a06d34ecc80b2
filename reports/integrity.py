"""The integrity report as an Excel workbook: a summary sheet and one filterable row per problem
(frozen header, autofilter, date and amount formats). Every text cell from data is written as text,
never as a formula (formula injection: a payer named ``=HYPERLINK(...)`` stays a name)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hub.errors import InputError
from hub.orderdesk.integrity import IntegrityRow, summary

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
#: Columns of the detail sheet: header (Chinese / English), attribute, width, kind.
COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("类别 Category", "label", 30, "text"),
    ("对象 Kind", "kind", 10, "text"),
    ("单号 Reference", "reference", 24, "text"),
    ("客户/付款人 Party", "party", 32, "text"),
    ("状态 Status", "status", 14, "text"),
    ("金额 Amount", "amount", 15, "amount"),
    ("币种 Currency", "currency", 9, "text"),
    ("起始日 Since", "since", 12, "date"),
    ("天数 Age (days)", "age_days", 10, "int"),
    ("允许天数 Allowed", "allowed_days", 10, "int"),
    ("超期天数 Over by", "overdue_days", 10, "int"),
    ("负责人 Owner", "owner", 22, "text"),
    ("说明 Detail", "detail", 60, "text"),
    ("记录键 Record key", "key", 40, "text"),
)


def put_text(ws: Worksheet, row: int, col: int, value: Any) -> None:
    """Write a value from data as plain text: never a formula, even when it starts with ``=``."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    text = str(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


def _header(ws: Worksheet, titles: Sequence[str], widths: Sequence[int]) -> None:
    for col, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def write_integrity_workbook(rows: Sequence[IntegrityRow], path: str | Path, *, as_of: date) -> Path:
    """Write the integrity workbook to ``path`` (``.xlsx``) and return it."""
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise InputError("the integrity report is an Excel workbook: give a path ending in .xlsx", source=str(out))
    wb = Workbook()
    ws_sum = wb.active
    ws_sum.title = "汇总 Summary"
    _header(ws_sum, ("类别 Category", "说明 Label", "条数 Rows", "金额 Amounts", "最长天数 Oldest (days)"),
            (22, 40, 10, 40, 14))
    for r, (name, label, count, amounts, oldest) in enumerate(summary(list(rows)), start=2):
        put_text(ws_sum, r, 1, name)
        put_text(ws_sum, r, 2, label)
        ws_sum.cell(row=r, column=3, value=count)
        put_text(ws_sum, r, 4, "; ".join(f"{ccy} {amt:,.2f}" for ccy, amt in sorted(amounts.items())))
        ws_sum.cell(row=r, column=5, value=oldest)
    note_row = ws_sum.max_row + 2
    put_text(ws_sum, note_row, 1, f"截至 As of {as_of.isoformat()}")
    ws_sum.auto_filter.ref = f"A1:E{max(ws_sum.max_row - 2, 1)}"

    ws = wb.create_sheet("明细 Rows")
    _header(ws, [c[0] for c in COLUMNS], [c[2] for c in COLUMNS])
    for r, item in enumerate(rows, start=2):
        for col, (_title, attr, _width, kind) in enumerate(COLUMNS, start=1):
            value = getattr(item, attr)
            if kind == "text":
                put_text(ws, r, col, value)
                continue
            cell = ws.cell(row=r, column=col, value=value)
            if kind == "amount":
                cell.number_format = AMOUNT_FORMAT
            elif kind == "date":
                cell.number_format = DATE_FORMAT
            else:
                cell.number_format = "0"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(rows) + 1, 1)}"
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        wb.save(out)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(out)) from None
    return out
