"""The reconciliation workbook a finance team works in, and reading its decisions back.

Sheets: Summary (counts and amounts per outcome and currency), Auto-matched, Needs review (each
payment with its top 3 candidates, score breakdown, reason, and a Decision dropdown: confirm 1/2/3,
reject, write off; plus Decided by and Note), Unmatched receipts, Open invoices, Three-way holds.

:func:`read_decisions` reads the Needs review sheet back. Every row is checked on its own: a row whose
decision is unknown, whose chosen candidate is empty, or whose hidden check columns were changed is
reported with its row number and skipped; the other rows still count.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from hub.errors import InputError
from hub.records import Match
from reports.cells import FONT_NAME, finish, header, paint, put, text_of

DECISIONS = ("confirm 1", "confirm 2", "confirm 3", "reject", "write off")
REVIEW_SHEET = "Needs review"
#: Columns of the Needs review sheet, with widths. ``key n`` columns are the check columns.
REVIEW_COLUMNS: list[tuple[str, int]] = [
    ("Payment", 26), ("Kind", 12), ("Date", 11), ("Payer", 30), ("Amount", 14), ("Currency", 8), ("Memo", 30),
    ("Decision", 12), ("Decided by", 14), ("Note", 24),
]
for _n in (1, 2, 3):
    REVIEW_COLUMNS += [(f"#{_n} applies to", 28), (f"#{_n} score", 8), (f"#{_n} amount·ref·name·date", 20),
                       (f"#{_n} why", 60), (f"#{_n} key", 10)]
COL = {title: i for i, (title, _) in enumerate(REVIEW_COLUMNS, start=1)}


@dataclass(frozen=True)
class PaymentInfo:
    """What a clerk sees of a payment."""

    kind: str
    key: str
    value_date: date
    payer: str
    amount: Decimal
    currency: str
    memo: str


@dataclass(frozen=True)
class OpenItemRow:
    """An invoice or order with money still due."""

    kind: str
    key: str
    label: str
    customer: str
    doc_date: date
    currency: str
    total: Decimal
    due: Decimal


@dataclass(frozen=True)
class HoldRow:
    """One three-way result."""

    invoice_number: str
    invoice_key: str
    order_key: str
    deliveries: str
    buyer: str
    currency: str
    total: Decimal
    status: str
    failed_keys: str
    reason: str


@dataclass
class Decision:
    """One decision read back from the workbook."""

    row: int
    payment_kind: str
    payment_key: str
    decision: str
    choice: int | None  # 1..3 for confirm n and write off (1), None for reject
    candidate_keys: str  # what the workbook showed for the chosen candidate (check column)
    decided_by: str
    note: str


@dataclass
class RowError:
    """A row that cannot be applied, and why."""

    row: int
    payment_key: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row} ({self.payment_key or 'no payment'}): {self.reason}"


@dataclass
class ReadResult:
    """Decisions to apply and rows refused."""

    decisions: list[Decision] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    blank: int = 0


def target_keys(allocation_keys: Iterable[str]) -> str:
    """The check value of a candidate: its target keys joined (what apply compares with the store)."""
    return " + ".join(sorted(allocation_keys))


def _breakdown(b: dict[str, float]) -> str:
    return " · ".join(f"{b.get(k, 0):.2f}" for k in ("amount", "reference", "name", "date"))


def _targets(allocs: Sequence) -> str:
    return " + ".join(f"{a.target_kind} {a.target_label or a.target_key} ({a.amount})" for a in allocs)


def write_reconciliation(path: str | Path, matches: Sequence[Match], payments: dict[str, PaymentInfo],
                         open_items: Sequence[OpenItemRow] = (), holds: Sequence[HoldRow] = (),
                         set_aside: Sequence[tuple[str, str]] = (), *, title: str = "Reconciliation") -> Path:
    """Write the workbook; returns its path."""
    path = Path(path)
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    _summary(summary, matches, open_items, holds, set_aside, title)
    _auto(wb.create_sheet("Auto-matched"), [m for m in matches if m.status in ("auto", "confirmed")], payments)
    _review(wb.create_sheet(REVIEW_SHEET), [m for m in matches if m.status == "review"], payments)
    _unmatched(wb.create_sheet("Unmatched receipts"), [m for m in matches if m.status == "unmatched"], payments)
    _open(wb.create_sheet("Open invoices"), open_items)
    _holds(wb.create_sheet("Three-way holds"), holds)
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


def _summary(ws, matches: Sequence[Match], open_items: Sequence[OpenItemRow], holds: Sequence[HoldRow],
             set_aside: Sequence[tuple[str, str]], title: str) -> None:
    put(ws, 1, 1, title).font = Font(bold=True, size=14, name=FONT_NAME)
    header(ws, [("Outcome", 16), ("Currency", 10), ("Payments", 10), ("Amount", 18)], row=3)
    counts: dict[tuple[str, str], list] = defaultdict(lambda: [0, Decimal(0)])
    for m in matches:
        entry = counts[(m.status, m.currency)]
        entry[0] += 1
        entry[1] += m.payment_amount
    order = ["auto", "confirmed", "review", "unmatched", "rejected"]
    row = 4
    for (status, ccy), (n, amount) in sorted(counts.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])):
        put(ws, row, 1, status)
        put(ws, row, 2, ccy)
        put(ws, row, 3, n)
        put(ws, row, 4, amount, money=True)
        paint(ws, row, 4, status)
        row += 1
    row += 1
    due: dict[str, Decimal] = defaultdict(Decimal)
    for item in open_items:
        due[item.currency] += item.due
    for ccy, amount in sorted(due.items()):
        put(ws, row, 1, "still open")
        put(ws, row, 2, ccy)
        put(ws, row, 3, sum(1 for i in open_items if i.currency == ccy))
        put(ws, row, 4, amount, money=True)
        row += 1
    if holds:
        put(ws, row, 1, "three-way holds")
        put(ws, row, 3, sum(1 for h in holds if h.status == "hold"))
        row += 1
    if set_aside:
        put(ws, row, 1, "set aside")
        put(ws, row, 3, len(set_aside))
        put(ws, row, 4, "statement copies of receipts and money out")
        row += 1
    row += 1
    put(ws, row, 1, "How to decide: on 'Needs review' pick a Decision (confirm 1/2/3, reject, write off = confirm "
                    "#1 and write off what it leaves open), write your name in 'Decided by', save, then run "
                    "`orderhub reconcile apply THIS.xlsx --by NAME`. Do not edit the grey key columns.")
    ws.cell(row=row, column=1).alignment = Alignment(wrap_text=False)


def _payment_cells(ws, row: int, m: Match, payments: dict[str, PaymentInfo]) -> None:
    info = payments.get(m.payment_key)
    put(ws, row, 1, m.payment_key)
    put(ws, row, 2, m.payment_kind)
    put(ws, row, 3, info.value_date if info else "")
    put(ws, row, 4, info.payer if info else "")
    put(ws, row, 5, m.payment_amount, money=True)
    put(ws, row, 6, m.currency)
    put(ws, row, 7, info.memo if info else "")


def _auto(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo]) -> None:
    cols = [("Payment", 26), ("Kind", 12), ("Date", 11), ("Payer", 30), ("Amount", 14), ("Currency", 8),
            ("Memo", 30), ("Applied to", 40), ("Write-offs", 26), ("Score", 8), ("amount·ref·name·date", 20),
            ("Why", 70), ("Status", 10), ("Decided by", 14)]
    header(ws, cols)
    for row, m in enumerate(matches, start=2):
        _payment_cells(ws, row, m, payments)
        put(ws, row, 8, _targets(m.allocations))
        put(ws, row, 9, "; ".join(f"{w.reason_code} {w.amount} {w.currency}" for w in m.write_offs))
        put(ws, row, 10, float(m.score))
        put(ws, row, 11, _breakdown(m.breakdown))
        put(ws, row, 12, m.reason)
        put(ws, row, 13, m.status)
        put(ws, row, 14, m.decided_by or "")
        paint(ws, row, len(cols), m.status)
    finish(ws, len(cols))


def _review(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo]) -> None:
    header(ws, REVIEW_COLUMNS)
    dv = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Decision",
                        error="Choose confirm 1, confirm 2, confirm 3, reject or write off")
    ws.add_data_validation(dv)
    for row, m in enumerate(matches, start=2):
        _payment_cells(ws, row, m, payments)
        for n, cand in enumerate(m.candidates[:3], start=1):
            put(ws, row, COL[f"#{n} applies to"], _targets(cand.allocations))
            put(ws, row, COL[f"#{n} score"], float(cand.score))
            put(ws, row, COL[f"#{n} amount·ref·name·date"], _breakdown(cand.breakdown))
            put(ws, row, COL[f"#{n} why"], cand.reason)
            put(ws, row, COL[f"#{n} key"], target_keys(a.target_key for a in cand.allocations))
        paint(ws, row, COL["Note"], "review")
    last = max(len(matches) + 1, 2)
    letter = ws.cell(row=1, column=COL["Decision"]).column_letter
    dv.add(f"{letter}2:{letter}{last}")
    for n in (1, 2, 3):
        ws.column_dimensions[ws.cell(row=1, column=COL[f"#{n} key"]).column_letter].hidden = True
    finish(ws, len(REVIEW_COLUMNS))


def _unmatched(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo]) -> None:
    cols = [("Payment", 26), ("Kind", 12), ("Date", 11), ("Payer", 30), ("Amount", 14), ("Currency", 8),
            ("Memo", 30), ("Why", 80)]
    header(ws, cols)
    for row, m in enumerate(matches, start=2):
        _payment_cells(ws, row, m, payments)
        put(ws, row, 8, m.reason)
        paint(ws, row, len(cols), "unmatched")
    finish(ws, len(cols))


def _open(ws, items: Sequence[OpenItemRow]) -> None:
    cols = [("Kind", 10), ("Number", 24), ("Customer", 32), ("Date", 11), ("Currency", 8), ("Total", 14),
            ("Still due", 14), ("Key", 40)]
    header(ws, cols)
    for row, item in enumerate(sorted(items, key=lambda i: (i.doc_date, i.label)), start=2):
        for col, value in enumerate([item.kind, item.label, item.customer, item.doc_date, item.currency],
                                    start=1):
            put(ws, row, col, value)
        put(ws, row, 6, item.total, money=True)
        put(ws, row, 7, item.due, money=True)
        put(ws, row, 8, item.key)
    finish(ws, len(cols))


def _holds(ws, holds: Sequence[HoldRow]) -> None:
    cols = [("Invoice", 24), ("Buyer", 30), ("Order", 26), ("Deliveries", 18), ("Currency", 8), ("Total", 14),
            ("Status", 10), ("Failed keys", 18), ("Figures", 90), ("Invoice key", 36)]
    header(ws, cols)
    for row, h in enumerate(sorted(holds, key=lambda h: (h.status != "hold", h.invoice_number)), start=2):
        for col, value in enumerate([h.invoice_number, h.buyer, h.order_key, h.deliveries, h.currency], start=1):
            put(ws, row, col, value)
        put(ws, row, 6, h.total, money=True)
        put(ws, row, 7, h.status)
        put(ws, row, 8, h.failed_keys)
        put(ws, row, 9, h.reason)
        put(ws, row, 10, h.invoice_key)
        paint(ws, row, len(cols), h.status)
    finish(ws, len(cols))


def read_decisions(path: str | Path) -> ReadResult:
    """The decisions on the Needs review sheet; malformed rows come back as errors (see the module)."""
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable reconciliation workbook: {exc}", source=str(path)) from None
    if REVIEW_SHEET not in wb.sheetnames:
        raise InputError(f"has no {REVIEW_SHEET!r} sheet (sheets: {', '.join(wb.sheetnames)})", source=str(path))
    ws = wb[REVIEW_SHEET]
    rows = ws.iter_rows(values_only=True)
    head = [text_of(v) for v in next(rows, ())]
    expected = [t for t, _ in REVIEW_COLUMNS]
    if head[: len(expected)] != expected:
        missing = [t for t in expected if t not in head]
        raise InputError(f"the {REVIEW_SHEET!r} sheet's columns were changed"
                         + (f" (missing: {', '.join(missing)})" if missing else " (moved)"), source=str(path))
    result = ReadResult()
    for number, values in enumerate(rows, start=2):
        cells = [text_of(v) for v in values] + [""] * len(expected)

        def get(title: str, cells: list[str] = cells) -> str:
            return cells[COL[title] - 1]

        key, decision = get("Payment"), get("Decision").lower()
        if not decision:
            result.blank += 1 if key else 0
            continue
        if not key:
            result.errors.append(RowError(number, "", "a decision without a payment key"))
            continue
        if get("Kind") not in ("receipt", "statement_line"):
            result.errors.append(RowError(number, key, f"unknown payment kind {get('Kind')!r}"))
            continue
        if decision not in DECISIONS:
            result.errors.append(RowError(number, key, f"unknown decision {get('Decision')!r} (use one of: "
                                                       f"{', '.join(DECISIONS)})"))
            continue
        choice = None if decision == "reject" else (1 if decision == "write off" else int(decision[-1]))
        shown = get(f"#{choice} key") if choice else ""
        if choice and not shown:
            result.errors.append(RowError(number, key, f"{decision}: the workbook shows no candidate #{choice}"))
            continue
        result.decisions.append(Decision(number, get("Kind"), key, decision, choice, shown, get("Decided by"),
                                         get("Note")))
    wb.close()
    return result
