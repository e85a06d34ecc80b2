"""The declaration review workbook: a clerk reads the warnings first, checks every field beside its source,
corrects values in the yellow cells (coded fields from dropdowns of the code tables) and hands the workbook back
(``orderhub customs apply``). Sheets: ``Warnings``, ``Header``, ``Items``; the hidden ``_lists`` holds the
dropdown choices and ``_meta`` the declaration as written (so only cells the clerk changed count as corrections).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from hub.errors import InputError
from hub.records import Declaration, DeclarationWarning
from hub.records.declaration import HEADER_LABELS, ITEM_LABELS
from reports.cells import FONT_NAME, finish, fit, header, paint, put, text_of

WARNINGS_SHEET, HEADER_SHEET, ITEMS_SHEET, LISTS_SHEET, META_SHEET = ("警告 Warnings", "表头 Header", "商品 Items",
                                                                     "_lists", "_meta")
#: Sheet names of workbooks written before the bilingual ones (still read back).
OLD_SHEETS = {HEADER_SHEET: "Header", ITEMS_SHEET: "Items"}
#: Only cells with a warning are coloured: red for a blocking one, yellow for one that asks for a look.
WARN_FILLS = {"error": PatternFill("solid", fgColor="F4CCCC"), "warning": PatternFill("solid", fgColor="FFF2CC")}
EDIT_FILL = WARN_FILLS["warning"]
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


@cache
def _words() -> dict[str, dict[str, str]]:
    return tomllib.loads((resources.files("reports") / "data" / "declaration_words.toml").read_text(encoding="utf-8"))


def field_label(path: str) -> str:
    """A warning's field path as a clerk reads it: ``header.gross_weight`` -> ``毛重 gross_weight``,
    ``item.2.hs_code`` -> ``第2项 商品编号 hs_code``."""
    parts = path.split(".")
    if parts[0] == "header" and len(parts) == 2:
        return f"{HEADER_LABELS.get(parts[1], '')} {parts[1]}".strip()
    if parts[0] == "item" and len(parts) == 3:
        return f"第{parts[1]}项 {ITEM_LABELS.get(parts[2], '')} item {parts[1]} {parts[2]}"
    return path


def status_word(status: str) -> str:
    """A declaration status in Chinese and English."""
    return _words()["status"].get(status, status)


def warning_text(w: DeclarationWarning) -> str:
    """The warning in Chinese (per rule, from data), then the rule's own message."""
    zh = _words()["rule"].get(w.rule, "")
    return f"{zh}：{w.message}" if zh else w.message


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
    cells = {**_header(header_ws, decl, choices, ranges), **_items(items_ws, decl, choices, ranges)}
    _warnings(warnings, decl, cells)
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
                    cell.font = Font(name=FONT_NAME, underline=cell.font.underline if cell.font else None,
                                     color=cell.font.color if cell.font else None)
        if ws.sheet_state == "visible":
            fit(ws)
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if cell.value is not None:
                        cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top")
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
    # a clerk may type the bare code ("USD", "035") instead of picking "USD 美元": Excel must let it in, and
    # `customs apply` checks every value against the code table
    dv = DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True, showErrorMessage=False,
                        showInputMessage=True, promptTitle="代码 code", prompt="从列表选择，或直接输入代码 pick, or type the code")
    ws.add_data_validation(dv)
    return dv


def _warnings(ws, decl: Declaration, cells: dict[str, str]) -> None:
    cols = [("级别 Severity", 10), ("字段 Field", 20), ("说明 Message", 60), ("填写值 Value", 22),
            ("应为 Expected", 26), ("来源 Source", 36), ("位置 Go to", 14), ("规则 Rule", 22)]
    header(ws, cols)
    if not decl.warnings:
        put(ws, 2, 3, "没有警告 No warnings.")
    for row, w in enumerate(decl.warnings, start=2):
        for col, value in enumerate((_words()["severity"].get(w.severity, w.severity), field_label(w.field),
                                     warning_text(w), w.value or "", w.expected or "", w.source or "", "",
                                     w.rule), start=1):
            put(ws, row, col, value)
        target = cells.get(w.field)
        if target:
            link = ws.cell(row=row, column=7)
            sheet, ref = target.split("!")
            link.value = f"{sheet.split()[0]} {ref}"
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(sheet)}!{ref}",
                                       tooltip=f"{field_label(w.field)}")
            link.font = Font(name=FONT_NAME, underline="single", color="1155CC")
        paint(ws, row, len(cols), "unmatched" if w.blocking else "review")
    finish(ws, len(cols))


def _mark(decl: Declaration) -> dict[str, str]:
    """Field path -> the worst severity of its warnings."""
    marks: dict[str, str] = {}
    for w in decl.warnings:
        if marks.get(w.field) != "error":
            marks[w.field] = w.severity
    return marks


def _header(ws, decl: Declaration, choices: Mapping[str, Sequence[str]], ranges: dict[str, str]) -> dict[str, str]:
    cols = [("字段 Field", 22), ("Name", 18), ("填写值 Value (改这里 edit here)", 46), ("来源 Source", 44)]
    header(ws, cols)
    marks, cells = _mark(decl), {}
    for row, (name, label) in enumerate(HEADER_LABELS.items(), start=2):
        put(ws, row, 1, f"{label} {name.replace('_', ' ')}")
        put(ws, row, 2, name)
        cell = put(ws, row, 3, _shown(getattr(decl, name), choices.get(name)))
        if f"header.{name}" in marks:
            cell.fill = WARN_FILLS.get(marks[f"header.{name}"], EDIT_FILL)
        cells[f"header.{name}"] = f"{HEADER_SHEET}!{cell.coordinate}"
        put(ws, row, 4, decl.sources.get(name, ""))
        dv = _validation(ws, ranges, name)
        if dv is not None:
            dv.add(cell.coordinate)
    ws.column_dimensions["B"].hidden = True
    put(ws, len(HEADER_LABELS) + 3, 1, "报关单 Declaration")
    put(ws, len(HEADER_LABELS) + 3, 3, decl.number)
    put(ws, len(HEADER_LABELS) + 4, 1, "状态 Status")
    put(ws, len(HEADER_LABELS) + 4, 3, status_word(decl.status))
    if decl.customs_no:
        put(ws, len(HEADER_LABELS) + 5, 1, "海关编号 Customs no.")
        put(ws, len(HEADER_LABELS) + 5, 3, decl.customs_no)
    return cells


def _items(ws, decl: Declaration, choices: Mapping[str, Sequence[str]], ranges: dict[str, str]) -> dict[str, str]:
    names = list(ITEM_LABELS)
    cols: list[tuple[str, int]] = []
    for name in names:
        cols.append((f"{ITEM_LABELS[name]} {name}", 8 if name == "item_no" else 16 if name != "spec" else 40))
        if name not in ITEM_FIXED:
            cols.append((f"来源 {name}", 22))
    header(ws, cols)
    col_of = {title.split(" ")[-1] if not title.startswith("来源") else f"src:{title[3:]}": n
              for n, (title, _) in enumerate(cols, start=1)}
    marks, cells = _mark(decl), {}
    for row, item in enumerate(decl.items, start=2):
        for name in names:
            cell = put(ws, row, col_of[name], _shown(getattr(item, name), choices.get(f"item.{name}")))
            path = f"item.{item.item_no}.{name}"
            cells[path] = f"{ITEMS_SHEET}!{cell.coordinate}"
            if path in marks:
                cell.fill = WARN_FILLS.get(marks[path], EDIT_FILL)
            if name not in ITEM_FIXED:
                put(ws, row, col_of[f"src:{name}"], item.sources.get(name, ""))
    last = len(decl.items) + 1
    for name in names:
        dv = _validation(ws, ranges, f"item.{name}")
        if dv is not None:
            letter = get_column_letter(col_of[name])
            dv.add(f"{letter}2:{letter}{last}")
    ws.freeze_panes = "C2"
    finish(ws, len(cols))
    return cells


def read_declaration(path: str | Path) -> ReadBack:
    """Read a returned review workbook; :class:`InputError` when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise InputError("cannot read the workbook: no such file (give the review workbook the prefill wrote)",
                         source=str(path))
    try:
        wb = load_workbook(path)       # formulas a clerk typed come back as their text
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError):
        raise InputError("cannot read the workbook: not an .xlsx workbook (save it from Excel as .xlsx)",
                         source=str(path)) from None
    header_name = HEADER_SHEET if HEADER_SHEET in wb.sheetnames else OLD_SHEETS[HEADER_SHEET]
    items_name = ITEMS_SHEET if ITEMS_SHEET in wb.sheetnames else OLD_SHEETS[ITEMS_SHEET]
    missing = [s for s in (header_name, items_name, META_SHEET) if s not in wb.sheetnames]
    if missing:
        raise InputError(f"not a declaration review workbook (no sheet {', '.join(missing)})", source=str(path))
    meta = wb[META_SHEET]
    try:
        written = json.loads("".join(text_of(r[0].value) for r in meta.iter_rows(min_row=2) if r[0].value))
    except json.JSONDecodeError:
        raise InputError("the hidden _meta sheet was changed: write the workbook again", source=str(path)) from None
    result = ReadBack(text_of(meta.cell(1, 1).value), written)
    ws = wb[header_name]
    for row in ws.iter_rows(min_row=2, max_row=len(HEADER_LABELS) + 1):
        name = text_of(row[1].value)
        if name in HEADER_LABELS:
            result.header[name] = text_of(row[2].value)
            result.cells[name] = f"{header_name}!{row[2].coordinate}（{HEADER_LABELS[name]} {name}）"
    ws = wb[items_name]
    titles = {text_of(c.value).split(" ")[-1]: c.column - 1 for c in ws[1] if not text_of(c.value).startswith("来源")}
    for row in ws.iter_rows(min_row=2):
        if all(c.value in (None, "") for c in row):
            continue
        values = {name: text_of(row[col].value) for name, col in titles.items() if name in ITEM_LABELS}
        result.items.append(values)
        for name, col in titles.items():
            result.cells[f"item.{values.get('item_no', '?')}.{name}"] = (
                f"{items_name}!{row[col].coordinate}（第{values.get('item_no', '?')}项 {ITEM_LABELS.get(name, '')} {name}）")
    return result
