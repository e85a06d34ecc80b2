"""The declaration review workbook: a clerk reads the warnings first, checks every field beside its source,
corrects values in the yellow cells (coded fields from dropdowns of the code tables) and hands the workbook back
(``orderhub customs apply``). Sheets: ``Warnings``, ``Header``, ``Items``; the hidden ``_lists`` holds the
dropdown choices and ``_meta`` the declaration as written (so only cells the clerk changed count as corrections).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from hub.errors import InputError
from hub.records import Declaration
from hub.records.declaration import HEADER_LABELS, ITEM_LABELS
from reports.cells import FONT_NAME, finish, header, paint, put, text_of

WARNINGS_SHEET, HEADER_SHEET, ITEMS_SHEET, LISTS_SHEET, META_SHEET = "Warnings", "Header", "Items", "_lists", "_meta"
EDIT_FILL = PatternFill("solid", fgColor="FFF9DB")
#: Item fields the clerk may not change (the numbering and the product reference).
ITEM_FIXED = ("item_no", "sku")
_CHUNK = 30000


@dataclass
class ReadBack:
    """The values of a returned workbook, as text, and the declaration it was written from."""

    number: str
    written: dict[str, Any]
    header: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, str]] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)       # field path -> sheet!cell, for error messages


def _shown(value: Any, choices: Sequence[str] | None) -> Any:
    """A coded value as its ``"code name"`` choice; other values as they are."""
    if value is None:
        return ""
    if choices and isinstance(value, str):
        return next((c for c in choices if c.split(" ", 1)[0] == value), value)
    return value


def write_declaration(path: str | Path, decl: Declaration, choices: Mapping[str, Sequence[str]]) -> Path:
    """Write the review workbook. ``choices`` maps a field (``incoterm``, ``item.unit``) to its dropdown values."""
    path = Path(path)
    wb = Workbook()
    warnings = wb.active
    warnings.title = WARNINGS_SHEET
    header_ws, items_ws, lists = (wb.create_sheet(name) for name in (HEADER_SHEET, ITEMS_SHEET, LISTS_SHEET))
    ranges = _lists(lists, choices)
    _warnings(warnings, decl)
    _header(header_ws, decl, choices, ranges)
    _items(items_ws, decl, choices, ranges)
    meta = wb.create_sheet(META_SHEET)
    put(meta, 1, 1, decl.number)
    text = json.dumps(decl.payload(), ensure_ascii=False, sort_keys=True)
    for n, start in enumerate(range(0, len(text), _CHUNK), start=2):
        put(meta, n, 1, text[start:start + _CHUNK])
    lists.sheet_state = meta.sheet_state = "hidden"
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.font is None or not cell.font.b:
                    cell.font = Font(name=FONT_NAME)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(path)) from None
    return path


def _lists(ws, choices: Mapping[str, Sequence[str]]) -> dict[str, str]:
    ranges = {}
    for col, (name, values) in enumerate(sorted(choices.items()), start=1):
        put(ws, 1, col, name)
        for row, value in enumerate(values, start=2):
            put(ws, row, col, value)
        letter = get_column_letter(col)
        ranges[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${max(len(values) + 1, 2)}"
    return ranges


def _validation(ws, ranges: dict[str, str], name: str) -> DataValidation | None:
    if name not in ranges:
        return None
    dv = DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True, showErrorMessage=True,
                        errorTitle=name, error="Choose a value from the list (code table)")
    ws.add_data_validation(dv)
    return dv


def _warnings(ws, decl: Declaration) -> None:
    cols = [("Severity", 9), ("Field", 20), ("Message", 60), ("Value", 22), ("Expected", 26), ("Source", 36),
            ("Rule", 22)]
    header(ws, cols)
    if not decl.warnings:
        put(ws, 2, 3, "No warnings.")
    for row, w in enumerate(decl.warnings, start=2):
        for col, value in enumerate((w.severity, w.field, w.message, w.value or "", w.expected or "",
                                     w.source or "", w.rule), start=1):
            put(ws, row, col, value)
        paint(ws, row, len(cols), "unmatched" if w.blocking else "review")
    finish(ws, len(cols))


def _header(ws, decl: Declaration, choices: Mapping[str, Sequence[str]], ranges: dict[str, str]) -> None:
    cols = [("字段 Field", 22), ("Name", 18), ("Value (edit the yellow cells)", 46), ("来源 Source", 44)]
    header(ws, cols)
    for row, (name, label) in enumerate(HEADER_LABELS.items(), start=2):
        put(ws, row, 1, label)
        put(ws, row, 2, name)
        cell = put(ws, row, 3, _shown(getattr(decl, name), choices.get(name)))
        cell.fill = EDIT_FILL
        put(ws, row, 4, decl.sources.get(name, ""))
        dv = _validation(ws, ranges, name)
        if dv is not None:
            dv.add(cell.coordinate)
    ws.column_dimensions["B"].hidden = True
    put(ws, len(HEADER_LABELS) + 3, 1, "报关单 Declaration")
    put(ws, len(HEADER_LABELS) + 3, 3, f"{decl.number} ({decl.status})")


def _items(ws, decl: Declaration, choices: Mapping[str, Sequence[str]], ranges: dict[str, str]) -> None:
    names = list(ITEM_LABELS)
    cols: list[tuple[str, int]] = []
    for name in names:
        cols.append((f"{ITEM_LABELS[name]} {name}", 8 if name == "item_no" else 16 if name != "spec" else 40))
        if name not in ITEM_FIXED:
            cols.append((f"来源 {name}", 22))
    header(ws, cols)
    col_of = {title.split(" ")[-1] if not title.startswith("来源") else f"src:{title[3:]}": n
              for n, (title, _) in enumerate(cols, start=1)}
    for row, item in enumerate(decl.items, start=2):
        for name in names:
            cell = put(ws, row, col_of[name], _shown(getattr(item, name), choices.get(f"item.{name}")))
            if name not in ITEM_FIXED:
                cell.fill = EDIT_FILL
                put(ws, row, col_of[f"src:{name}"], item.sources.get(name, ""))
    last = len(decl.items) + 1
    for name in names:
        dv = _validation(ws, ranges, f"item.{name}")
        if dv is not None:
            letter = get_column_letter(col_of[name])
            dv.add(f"{letter}2:{letter}{last}")
    ws.freeze_panes = "C2"
    finish(ws, len(cols))


def read_declaration(path: str | Path) -> ReadBack:
    """Read a returned review workbook; :class:`InputError` when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise InputError("cannot read the workbook: file not found", source=str(path))
    try:
        wb = load_workbook(path)       # formulas a clerk typed come back as their text
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the workbook: {exc}", source=str(path)) from None
    missing = [s for s in (HEADER_SHEET, ITEMS_SHEET, META_SHEET) if s not in wb.sheetnames]
    if missing:
        raise InputError(f"not a declaration review workbook (no sheet {', '.join(missing)})", source=str(path))
    meta = wb[META_SHEET]
    try:
        written = json.loads("".join(text_of(r[0].value) for r in meta.iter_rows(min_row=2) if r[0].value))
    except json.JSONDecodeError:
        raise InputError("the hidden _meta sheet was changed: write the workbook again", source=str(path)) from None
    result = ReadBack(text_of(meta.cell(1, 1).value), written)
    ws = wb[HEADER_SHEET]
    for row in ws.iter_rows(min_row=2, max_row=len(HEADER_LABELS) + 1):
        name = text_of(row[1].value)
        if name in HEADER_LABELS:
            result.header[name] = text_of(row[2].value)
            result.cells[name] = f"{HEADER_SHEET}!{row[2].coordinate}"
    ws = wb[ITEMS_SHEET]
    titles = {text_of(c.value).split(" ")[-1]: c.column - 1 for c in ws[1] if not text_of(c.value).startswith("来源")}
    for row in ws.iter_rows(min_row=2):
        if all(c.value in (None, "") for c in row):
            continue
        values = {name: text_of(row[col].value) for name, col in titles.items() if name in ITEM_LABELS}
        result.items.append(values)
        for name, col in titles.items():
            result.cells[f"item.{values.get('item_no', '?')}.{name}"] = f"{ITEMS_SHEET}!{row[col].coordinate}"
    return result
