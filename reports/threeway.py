"""The three-way match workbook: invoices on hold first, with the key that failed and the figures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from hub.errors import InputError
from reports.cells import FONT_NAME, put
from reports.reconciliation import HoldRow, _holds


def write_threeway(path: str | Path, holds: Sequence[HoldRow]) -> Path:
    """Write Summary and Three-way holds sheets; returns the path."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    put(ws, 1, 1, "Three-way match: order, delivery, invoice").font = Font(bold=True, size=14, name=FONT_NAME)
    held = [h for h in holds if h.status == "hold"]
    put(ws, 3, 1, "on hold")
    put(ws, 3, 2, len(held))
    put(ws, 4, 1, "matched")
    put(ws, 4, 2, len(holds) - len(held))
    keys: dict[str, int] = {}
    for h in held:
        for key in filter(None, (k.strip() for k in h.failed_keys.split(","))):
            keys[key] = keys.get(key, 0) + 1
    for row, (key, n) in enumerate(sorted(keys.items()), start=6):
        put(ws, row, 1, f"failed: {key}")
        put(ws, row, 2, n)
    _holds(wb.create_sheet("Three-way holds"), holds)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(path)) from None
    return path
