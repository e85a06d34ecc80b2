"""The three-way match workbook: 汇总 Summary (on hold / matched, per tolerance key that failed) and
三单暂挂 Three-way holds (only the invoices on hold, with the key that failed, the figures and a Release
column read back by :func:`read_releases`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from hub.errors import InputError
from reports.cells import FONT_NAME, header, put
from reports.reconciliation import (
    HCOL,
    HOLD_COLUMNS,
    HOLDS_SHEET,
    RELEASE,
    HoldRow,
    _open_book,
    _rows,
    save,
    write_holds,
)
from reports.words import word


def write_threeway(path: str | Path, holds: Sequence[HoldRow]) -> Path:
    """Write the Summary and holds sheets; returns the path."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总 Summary"
    put(ws, 1, 1, "三单匹配 Three-way match: 订单 order · 签收单 delivery · 发票 invoice").font = Font(
        bold=True, size=14, name=FONT_NAME)
    header(ws, [("结果 Outcome", 26), ("发票数 Invoices", 16)], row=3)
    held = [h for h in holds if h.status == "hold"]
    put(ws, 4, 1, word("outcome", "hold"))
    put(ws, 4, 2, len(held))
    put(ws, 5, 1, word("outcome", "matched"))
    put(ws, 5, 2, sum(1 for h in holds if h.status == "matched"))
    put(ws, 6, 1, word("outcome", "released"))
    put(ws, 6, 2, sum(1 for h in holds if h.status == "released"))
    keys: dict[str, int] = {}
    for h in held:
        for key in filter(None, (k.strip() for k in h.failed_keys.split(","))):
            keys[key] = keys.get(key, 0) + 1
    if keys:
        header(ws, [("不符项 Failed check", 26), ("发票数 Invoices", 16)], row=8)
    for row, (key, n) in enumerate(sorted(keys.items()), start=9):
        put(ws, row, 1, word("tolerance_key", key))
        put(ws, row, 2, n)
    ws.freeze_panes = None
    write_holds(wb.create_sheet(HOLDS_SHEET), holds)
    save(wb, path)
    return path


@dataclass(frozen=True)
class Release:
    """A hold a person released on the workbook."""

    row: int
    invoice_key: str
    invoice_number: str
    released_by: str
    reason: str
    failed_keys: str


def read_releases(path: str | Path) -> tuple[list[Release], list[str]]:
    """The holds marked 放行 release, and the rows that cannot be taken (no name, no reason, no key)."""
    path = Path(path)
    wb = _open_book(path)
    if HOLDS_SHEET not in wb.sheetnames:
        raise InputError(f"has no {HOLDS_SHEET!r} sheet (sheets: {', '.join(wb.sheetnames)})", source=str(path))
    out, errors = [], []
    for number, cells in _rows(wb, HOLDS_SHEET, HOLD_COLUMNS, path):
        mark = cells[HCOL["放行 Release"] - 1]
        if not mark:
            continue
        key = cells[HCOL["发票键 invoice key"] - 1]
        who, why = cells[HCOL["放行人 Released by"] - 1], cells[HCOL["放行原因 Reason"] - 1]
        if " ".join(mark.split()).casefold() not in (RELEASE.casefold(), "放行", "release"):
            errors.append(f"row {number}: unknown release mark {mark!r} (use {RELEASE!r})")
        elif not key:
            errors.append(f"row {number}: the hidden invoice column was changed")
        else:
            out.append(Release(number, key, cells[HCOL["发票号 Invoice"] - 1], who, why,
                               cells[HCOL["不符键 failed keys"] - 1]))
    wb.close()
    return out, errors
