"""Writing cells people can trust: text from documents never becomes a formula, money and dates carry
their formats. Every workbook writer of ``reports`` goes through :func:`put`.

Excel evaluates a cell whose text begins with ``=``, ``+``, ``-`` or ``@`` (and some readers treat a
leading tab or carriage return the same way): a memo such as ``=HYPERLINK(...)`` from a bank file must
stay text. Such values are written as strings (``data_type 's'``) with Excel's quote prefix, which
shows them as typed and keeps the value itself intact.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: Characters that make a spreadsheet evaluate what follows (checked after NFKC, so full-width ＝ too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
OUTCOME_FILLS = {
    "auto": PatternFill("solid", fgColor="D9EAD3"),
    "confirmed": PatternFill("solid", fgColor="B6D7A8"),
    "review": PatternFill("solid", fgColor="FFF2CC"),
    "unmatched": PatternFill("solid", fgColor="F4CCCC"),
    "rejected": PatternFill("solid", fgColor="EAD1DC"),
    "hold": PatternFill("solid", fgColor="F4CCCC"),
    "matched": PatternFill("solid", fgColor="D9EAD3"),
}
#: A font with CJK glyphs on every desktop that opens the workbook (Excel falls back per glyph too).
FONT_NAME = "Microsoft YaHei"


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would evaluate this text."""
    return unicodedata.normalize("NFKC", text[:1]).startswith(FORMULA_STARTS) if text else False


def put(ws: Worksheet, row: int, col: int, value: Any, *, money: bool = False) -> Cell:
    """Write one value: text as text (never a formula), Decimal as a number with the money format,
    dates with the date format."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = value
        if value and (is_formula_like(value) or cell.data_type != "s"):
            cell.data_type = "s"
            cell.quotePrefix = True
        return cell
    if isinstance(value, Decimal):
        cell.value = value
        cell.number_format = MONEY_FORMAT if money or value.as_tuple().exponent == -2 else "General"
        return cell
    if isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, float):
        cell.value = value
        cell.number_format = SCORE_FORMAT
        return cell
    cell.value = value
    return cell


def text_of(cell_value: Any) -> str:
    """A cell's content read back as text ('' for empty)."""
    if cell_value is None:
        return ""
    if isinstance(cell_value, float) and cell_value.is_integer():
        return str(int(cell_value))
    return str(cell_value).strip()


def header(ws: Worksheet, columns: list[tuple[str, int]], *, row: int = 1) -> None:
    """Bold header with fill, frozen below it, autofilter over the columns, column widths set."""
    for col, (title, width) in enumerate(columns, start=1):
        cell = put(ws, row, col, title)
        cell.font = Font(bold=True, name=FONT_NAME)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def finish(ws: Worksheet, columns: int, *, row: int = 1) -> None:
    """Autofilter over the header and every written row."""
    last = max(ws.max_row, row + 1)
    ws.auto_filter.ref = f"A{row}:{get_column_letter(columns)}{last}"


def paint(ws: Worksheet, row: int, columns: int, outcome: str) -> None:
    """Colour a row by its outcome."""
    fill = OUTCOME_FILLS.get(outcome)
    if fill is None:
        return
    for col in range(1, columns + 1):
        ws.cell(row=row, column=col).fill = fill


def display_width(text: str) -> int:
    """Columns a text takes on screen: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, datetime):
        return "2026-01-01 00:00"
    if isinstance(value, date):
        return "2026-01-01"
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def fit(ws: Worksheet, *, header_row: int = 1, widest: int = 60, narrowest: int = 6) -> None:
    """Columns as wide as their header and content (CJK counted double), up to ``widest``; longer text
    wraps in its cell, so nothing is cut. Hidden columns are left as they are."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=header_row):
        for cell in row:
            if cell.value is None:
                continue
            text = _shown(cell.value)
            longest = max(display_width(line) for line in text.split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
            if "\n" in text and cell.row > header_row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in widths.items():
        letter = get_column_letter(col)
        dim = ws.column_dimensions[letter]
        if dim.hidden:
            continue
        dim.width = max(narrowest, min(widest, width + 2))
        if width + 2 > widest:
            for (cell,) in ws.iter_rows(min_row=header_row, min_col=col, max_col=col):
                if cell.value is not None and display_width(_shown(cell.value)) + 2 > widest:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    # rows as tall as their wrapped text (Excel and LibreOffice keep a written height as it is)
    for row in ws.iter_rows(min_row=header_row + 1):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and (cell.alignment.wrap_text or "\n" in cell.value):
                width = ws.column_dimensions[get_column_letter(cell.column)].width or 10
                lines = max(lines, sum(max(1, -(-display_width(part) // max(1, int(width) - 1)))
                                       for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * lines
