"""The reconciliation workbook a finance team works in, and reading its decisions back.

Everything a person reads is Chinese first, then English; no store key is shown (they sit in hidden
check columns that apply compares with the store). Sheets:

- 汇总 Summary: counts and amounts per outcome and currency, and how to decide.
- 已匹配 Matched: auto-posted and confirmed matches, with an Undo column (撤销 + who + why).
- 待复核 Needs review: one row per candidate, grouped per payment (the payment on the group's first
  row, with why it needs a person); Decision 确认 confirm on the chosen candidate's row, 核销差额 write
  off, 拒绝 reject, or 指定 apply to: name any open invoice/order by number (with an amount for a
  partial payment) in the 指定单号 column. Unmatched payments are listed there too.
- 未匹配 Unmatched, 未结项 Open items (search by number, customer, amount), 三单暂挂 Three-way holds,
  待复核单据 Documents to review (files read with doubtful fields).

:func:`read_decisions` reads the review and matched sheets back. Every row is checked on its own: a
row whose decision is unknown, whose chosen candidate is empty, or whose hidden check columns were
changed is reported with its row number and skipped; the other rows still count.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from hub.errors import InputError
from hub.records import Match
from reports.cells import FONT_NAME, finish, fit, header, paint, put, text_of
from reports.words import word

SUMMARY_SHEET = "汇总 Summary"
MATCHED_SHEET = "已匹配 Matched"
REVIEW_SHEET = "待复核 Needs review"
UNMATCHED_SHEET = "未匹配 Unmatched"
OPEN_SHEET = "未结项 Open items"
HOLDS_SHEET = "三单暂挂 Three-way holds"
DOCUMENTS_SHEET = "待复核单据 Documents to review"
CREDITS_SHEET = "红字贷项 Credit notes"
#: rows a sheet holds, its header's included (Excel's limit: openpyxl refuses a row beyond it). A longer
#: list goes on on sheets of the same name with " (2)", " (3)" ... (each with the header; a payment's
#: candidate rows never split), read back as one sheet
SHEET_ROWS = 1_048_576

#: Decisions on the review sheet, as the dropdown shows them, and the store's decision each means.
CONFIRM, WRITE_OFF, REJECT, APPLY_TO = "确认 confirm", "核销差额 write off", "拒绝 reject", "指定 apply to"
DECISIONS = (CONFIRM, WRITE_OFF, REJECT, APPLY_TO)
UNDO = "撤销 undo"
_TYPED = {"confirm": CONFIRM, "确认": CONFIRM, "write off": WRITE_OFF, "核销差额": WRITE_OFF, "核销": WRITE_OFF,
          "reject": REJECT, "拒绝": REJECT, "apply to": APPLY_TO, "指定": APPLY_TO, "manual": APPLY_TO}

#: Columns of the review sheet, with widths (fitted to content after writing). The last three are
#: hidden check columns.
REVIEW_COLUMNS: list[tuple[str, int]] = [
    ("序号 No.", 6), ("状态 Status", 10), ("日期 Date", 11), ("付款人 Payer", 24), ("金额 Amount", 14),
    ("币种 Currency", 8), ("候选 Option", 8), ("候选单据 Candidate", 34), ("客户 Customer", 24), ("得分 Score", 8),
    ("决定 Decision", 14), ("决定人 Decided by", 12), ("备注 Note", 16),
    ("指定单号 Apply to number", 20), ("指定金额 Amount to apply", 14), ("复核原因 Why review", 40),
    ("类型 Kind", 10), ("银行 Bank", 12), ("摘要 Memo", 24),
    ("金额·单号·名称·日期 Amount·ref·name·date", 20), ("候选说明 Why this candidate", 50),
    ("付款键 payment key", 10), ("付款类 payment kind", 10), ("候选键 candidate keys", 10),
]
COL = {title: i for i, (title, _) in enumerate(REVIEW_COLUMNS, start=1)}
HIDDEN = ("付款键 payment key", "付款类 payment kind", "候选键 candidate keys")

MATCHED_COLUMNS: list[tuple[str, int]] = [
    ("日期 Date", 11), ("类型 Kind", 10), ("银行 Bank", 12), ("付款人 Payer", 24), ("金额 Amount", 14),
    ("币种 Currency", 8), ("摘要 Memo", 24), ("核销对象 Applied to", 34), ("客户 Customer", 24),
    ("差额核销 Write-offs", 20), ("得分 Score", 8), ("说明 Why", 50), ("状态 Status", 10),
    ("决定人 Decided by", 12), ("撤销 Undo", 10), ("撤销人 Undone by", 12), ("撤销原因 Reason", 24),
    ("付款键 payment key", 10), ("付款类 payment kind", 10),
]
MCOL = {title: i for i, (title, _) in enumerate(MATCHED_COLUMNS, start=1)}


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
    bank: str = ""


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


@dataclass(frozen=True)
class DocumentRow:
    """A file read with fields a person must look at before anything relies on it."""

    name: str
    kind: str
    what: str


@dataclass(frozen=True)
class CreditRow:
    """A credit note (红字发票, credit note, Gutschrift) and the invoice it reduces, or why it reduces none."""

    number: str
    original: str
    customer: str
    currency: str
    amount: Decimal
    applied_to: str | None
    reason: str


@dataclass
class Decision:
    """One decision read back from the workbook."""

    row: int
    payment_kind: str
    payment_key: str
    decision: str  # the store's words: confirm n | reject | write off | apply to | undo
    choice: int | None  # 1..3 for confirm n and write off, None for reject / apply to / undo
    candidate_keys: str  # what the workbook showed for the chosen candidate (check column)
    decided_by: str
    note: str
    targets: str = ""  # apply to: the numbers the clerk named ("26322...101, 26322...102")
    amount: Decimal | None = None  # apply to: the amount to apply when part of the payment


@dataclass
class RowError:
    """A row that cannot be applied, and why."""

    row: int
    payment_key: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass
class ReadResult:
    """Decisions to apply and rows refused."""

    decisions: list[Decision] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    blank: int = 0


def target_keys(allocation_keys) -> str:
    """The check value of a candidate: its target keys joined (what apply compares with the store)."""
    return " + ".join(sorted(allocation_keys))


def _breakdown(b: dict[str, float]) -> str:
    return " · ".join(f"{b.get(k, 0):.2f}" for k in ("amount", "reference", "name", "date"))


def _targets(allocs: Sequence) -> str:
    return " + ".join(f"{word('target_kind', a.target_kind)} {a.target_label or '(无号 no number)'} "
                      f"({a.amount:,.2f})" for a in allocs)


def _write_offs(m: Match) -> str:
    return "; ".join(f"{word('write_off', w.reason_code)} {w.amount:,.2f} {w.currency}" for w in m.write_offs
                     if not w.reason_code.startswith("RULE:"))


def _applied(m: Match) -> str:
    """What a match applies the money to: its invoices/orders, or the account a rule posted it to."""
    rules = [f"科目 account {w.note}" for w in m.write_offs if w.reason_code.startswith("RULE:")]
    return "; ".join(filter(None, [_targets(m.allocations), *rules])) or "—"


#: summary lines of what a large run did not list (``not_listed``)
NOT_LISTED = {"auto": "自动匹配（未列出）automatic matches not listed",
              "kept": "以前已决定（未列出）decided earlier, not listed", "open": "未结项（未列出）open items not listed"}


def write_reconciliation(path: str | Path, matches: Sequence[Match], payments: dict[str, PaymentInfo],
                         open_items: Sequence[OpenItemRow] = (), holds: Sequence[HoldRow] = (),
                         set_aside: Sequence[tuple[str, str]] = (), *, title: str = "对账 Reconciliation",
                         customers: dict[str, str] | None = None, documents: Sequence[DocumentRow] = (),
                         reasons: dict[str, list[str]] | None = None, credits: Sequence[CreditRow] = (),
                         not_listed: Mapping[str, int] | None = None) -> Path:
    """Write the workbook; returns its path. ``customers`` maps customer codes to names, ``reasons``
    payment keys to why each needs a person (``matchers.review.review_reasons``), ``credits`` the credit
    notes (a sheet of their own when there are any: what each reduces, the ones to review first),
    ``not_listed`` what a run over a large store did not list, counted on the summary (``auto``: automatic
    matches, ``open``: open items; they are in the store)."""
    path = Path(path)
    names = customers or {}
    why = reasons or {}
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY_SHEET
    _summary(summary, matches, open_items, holds, set_aside, documents, title, credits, not_listed or {})
    for name, part in _pages(MATCHED_SHEET, [m for m in matches if m.status in ("auto", "confirmed")]):
        _matched(wb.create_sheet(name), part, payments, names)
    first = 1
    for name, part in _pages(REVIEW_SHEET, [m for m in matches if m.status in ("review", "unmatched")],
                             _review_rows):
        _review(wb.create_sheet(name), part, payments, names, why, first)
        first += len(part)
    for name, part in _pages(UNMATCHED_SHEET, [m for m in matches if m.status == "unmatched"]):
        _unmatched(wb.create_sheet(name), part, payments, why)
    for name, part in _pages(OPEN_SHEET, list(open_items)):
        _open(wb.create_sheet(name), part)
    write_holds(wb.create_sheet(HOLDS_SHEET), holds)
    if documents:
        _documents(wb.create_sheet(DOCUMENTS_SHEET), documents)
    if credits:
        _credits(wb.create_sheet(CREDITS_SHEET), credits)
    save(wb, path)
    return path


def _review_rows(m: Match) -> int:
    """Rows a payment takes on the review sheet (one a candidate shown, at least one)."""
    return max(1, min(3, len(m.candidates)))


def _pages(title: str, things: list, rows: Callable[[Any], int] = lambda _t: 1) -> Iterator[tuple[str, list]]:
    """``things`` cut into the sheets that hold them (:data:`SHEET_ROWS` a sheet, its header's row
    included; ``rows``: how many rows each takes): ``title`` first, then ``title (2)`` ...; one sheet when
    there is nothing."""
    page: list = []
    used = 1  # the header
    number = 1
    for thing in things:
        n = rows(thing)
        if page and used + n > SHEET_ROWS:
            yield sheet_title(title, number), page
            page, used, number = [], 1, number + 1
        page.append(thing)
        used += n
    yield sheet_title(title, number), page


def sheet_title(title: str, number: int) -> str:
    """The name of a list's ``number``-th sheet (1: ``title`` itself)."""
    return title if number == 1 else f"{title} ({number})"


def _sheet_titles(wb, title: str) -> list[str]:
    """``title`` and the sheets its list goes on to, in order."""
    out = [title]
    while sheet_title(title, len(out) + 1) in wb.sheetnames:
        out.append(sheet_title(title, len(out) + 1))
    return out


def save(wb: Workbook, path: Path) -> None:
    """Fonts with CJK glyphs on every body cell, columns fitted, then saved (a clear error if it cannot be).
    One font and one alignment per wrap setting, shared by the cells (a style object a cell costs seconds
    at 100k rows)."""
    body = Font(name=FONT_NAME)
    top = {wrap: Alignment(wrap_text=wrap, vertical="top") for wrap in (None, False, True)}
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.font is None or not cell.font.b:
                    cell.font = body
        if ws.title != SUMMARY_SHEET:
            fit(ws)
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if cell.value is not None:
                        wrap = cell.alignment.wrap_text
                        cell.alignment = top[wrap] if wrap in top else Alignment(wrap_text=wrap, vertical="top")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(path)) from None


def _summary(ws, matches: Sequence[Match], open_items: Sequence[OpenItemRow], holds: Sequence[HoldRow],
             set_aside: Sequence[tuple[str, str]], documents: Sequence[DocumentRow], title: str,
             credits: Sequence[CreditRow] = (), not_listed: Mapping[str, int] | None = None) -> None:
    put(ws, 1, 1, title).font = Font(bold=True, size=14, name=FONT_NAME)
    header(ws, [("结果 Outcome", 22), ("币种 Currency", 14), ("笔数 Payments", 14), ("金额 Amount", 18)], row=3)
    counts: dict[tuple[str, str], list] = defaultdict(lambda: [0, Decimal(0)])
    for m in matches:
        ruled = any(w.reason_code.startswith("RULE:") for w in m.write_offs)
        entry = counts[("rule" if ruled and m.status == "confirmed" else m.status, m.currency)]
        entry[0] += 1
        entry[1] += m.payment_amount
    order = ["auto", "confirmed", "rule", "review", "unmatched", "rejected"]
    row = 4
    for (status, ccy), (n, amount) in sorted(counts.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])):
        put(ws, row, 1, word("outcome", status))
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
        put(ws, row, 1, "未结 still open")
        put(ws, row, 2, ccy)
        put(ws, row, 3, sum(1 for i in open_items if i.currency == ccy))
        put(ws, row, 4, amount, money=True)
        row += 1
    held = sum(1 for h in holds if h.status == "hold")
    if holds:
        put(ws, row, 1, "三单暂挂 three-way holds")
        put(ws, row, 3, held)
        row += 1
        released = sum(1 for h in holds if h.status == "released")
        if released:
            put(ws, row, 1, "已放行 released holds")
            put(ws, row, 3, released)
            row += 1
    if set_aside:
        put(ws, row, 1, "已剔除 set aside")
        put(ws, row, 3, len(set_aside))
        put(ws, row, 4, "回单的对账单副本、付款 statement copies of receipts, money out")
        row += 1
    if documents:
        put(ws, row, 1, "待复核单据 documents to review")
        put(ws, row, 3, len(documents))
        row += 1
    if credits:
        waiting = sum(1 for c in credits if c.applied_to is None)
        put(ws, row, 1, "红字/贷项 credit notes")
        put(ws, row, 3, len(credits))
        put(ws, row, 4, f"{len(credits) - waiting} 已抵减 applied, {waiting} 待复核 to review (见“{CREDITS_SHEET}”)")
        row += 1
    for what, n in (not_listed or {}).items():
        if n:
            put(ws, row, 1, NOT_LISTED.get(what, what))
            put(ws, row, 3, n)
            put(ws, row, 4, "未列在本表，在数据库中 not listed here: in the store")
            row += 1
    row += 1
    steps = [
        "怎么做 How to decide:",
        f"1. 在“{REVIEW_SHEET}”表，在所选候选的行上选“{CONFIRM}”（或{WRITE_OFF}：确认并核销余额；{REJECT}）。",
        f"   On '{REVIEW_SHEET}', pick '{CONFIRM}' on the row of the candidate you choose ('{WRITE_OFF}' also "
        f"closes what it leaves open; '{REJECT}').",
        f"2. 都不对？在“指定单号”写发票/订单号（见“{OPEN_SHEET}”表），部分付款写“指定金额”，决定选“{APPLY_TO}”。",
        f"   No candidate fits? Write any open invoice/order number (see '{OPEN_SHEET}') in 'Apply to number', an amount "
        f"for part of the payment, and pick '{APPLY_TO}'.",
        f"3. 已匹配有误？在“{MATCHED_SHEET}”表选“{UNDO}”，写撤销人和原因。 A wrong match? Pick '{UNDO}' on "
        f"'{MATCHED_SHEET}' with your name and why.",
        "4. 写上决定人，保存，运行 Write your name, save, then run:  orderhub reconcile apply 本文件.xlsx --by 姓名",
    ]
    for line in steps:
        put(ws, row, 1, line).alignment = Alignment(wrap_text=False)
        row += 1


def _payment_cells(ws, row: int, cols: dict[str, int], m: Match, payments: dict[str, PaymentInfo]) -> None:
    info = payments.get(m.payment_key)
    put(ws, row, cols["日期 Date"], info.value_date if info else "")
    put(ws, row, cols["类型 Kind"], word("payment_kind", m.payment_kind))
    put(ws, row, cols["银行 Bank"], info.bank if info else "")
    put(ws, row, cols["付款人 Payer"], info.payer if info else "")
    put(ws, row, cols["金额 Amount"], m.payment_amount, money=True)
    put(ws, row, cols["币种 Currency"], m.currency)
    put(ws, row, cols["摘要 Memo"], info.memo if info else "")
    put(ws, row, cols["付款键 payment key"], m.payment_key)
    put(ws, row, cols["付款类 payment kind"], m.payment_kind)


def _hide(ws, cols: dict[str, int]) -> None:
    for title in HIDDEN[:2] + ((HIDDEN[2],) if HIDDEN[2] in cols else ()):
        ws.column_dimensions[get_column_letter(cols[title])].hidden = True


def _dropdown(ws, options: Sequence[str], col: int, last: int, title: str) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                        showErrorMessage=False, errorTitle=title)
    ws.add_data_validation(dv)
    letter = get_column_letter(col)
    dv.add(f"{letter}2:{letter}{max(last, 2)}")


def _matched(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo], names: dict[str, str]) -> None:
    header(ws, MATCHED_COLUMNS)
    for row, m in enumerate(matches, start=2):
        _payment_cells(ws, row, MCOL, m, payments)
        put(ws, row, MCOL["核销对象 Applied to"], _applied(m))
        put(ws, row, MCOL["客户 Customer"], names.get(m.customer_code or "", ""))
        put(ws, row, MCOL["差额核销 Write-offs"], _write_offs(m))
        put(ws, row, MCOL["得分 Score"], float(m.score))
        put(ws, row, MCOL["说明 Why"], m.reason)
        put(ws, row, MCOL["状态 Status"], word("outcome", m.status))
        put(ws, row, MCOL["决定人 Decided by"], m.decided_by or "")
        paint(ws, row, MCOL["决定人 Decided by"], m.status)
    _dropdown(ws, [UNDO], MCOL["撤销 Undo"], len(matches) + 1, "Undo")
    _hide(ws, MCOL)
    finish(ws, len(MATCHED_COLUMNS) - 2)


def _review(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo], names: dict[str, str],
            why: dict[str, list[str]], first_number: int = 1) -> None:
    header(ws, REVIEW_COLUMNS)
    row = 2
    for n, m in enumerate(matches, start=first_number):
        first = row
        put(ws, row, COL["序号 No."], n)
        put(ws, row, COL["状态 Status"], word("outcome", m.status))
        _payment_cells(ws, row, COL, m, payments)
        put(ws, row, COL["复核原因 Why review"], "；\n".join(why.get(m.payment_key) or [m.reason]))
        for i, cand in enumerate(m.candidates[:3], start=1):
            if row != first:
                put(ws, row, COL["付款键 payment key"], m.payment_key)
                put(ws, row, COL["付款类 payment kind"], m.payment_kind)
            put(ws, row, COL["候选 Option"], f"#{i}")
            put(ws, row, COL["候选单据 Candidate"], _targets(cand.allocations))
            put(ws, row, COL["客户 Customer"], names.get(cand.customer_code or "", ""))
            put(ws, row, COL["得分 Score"], float(cand.score))
            put(ws, row, COL["金额·单号·名称·日期 Amount·ref·name·date"], _breakdown(cand.breakdown))
            put(ws, row, COL["候选说明 Why this candidate"], cand.reason)
            put(ws, row, COL["候选键 candidate keys"], target_keys(a.target_key for a in cand.allocations))
            row += 1
        row = max(row, first + 1)
        for r in range(first, row):
            paint(ws, r, COL["候选说明 Why this candidate"], m.status)
    _dropdown(ws, DECISIONS, COL["决定 Decision"], row - 1, "Decision")
    _hide(ws, COL)
    finish(ws, len(REVIEW_COLUMNS) - len(HIDDEN))


def _unmatched(ws, matches: Sequence[Match], payments: dict[str, PaymentInfo], why: dict[str, list[str]]) -> None:
    cols = [("日期 Date", 11), ("类型 Kind", 10), ("银行 Bank", 12), ("付款人 Payer", 24), ("金额 Amount", 14),
            ("币种 Currency", 8), ("摘要 Memo", 24), ("原因 Why", 60), ("付款键 payment key", 10),
            ("付款类 payment kind", 10)]
    index = {t: i for i, (t, _) in enumerate(cols, start=1)}
    header(ws, cols)
    for row, m in enumerate(matches, start=2):
        _payment_cells(ws, row, index, m, payments)
        put(ws, row, index["原因 Why"], "；\n".join(why.get(m.payment_key) or [m.reason]))
        paint(ws, row, 8, "unmatched")
    if not matches:
        put(ws, 2, 1, "无 none: 每笔付款都已匹配、按规则入账或待复核 every payment was matched, posted by rule or sent to review")
    _hide(ws, index)
    finish(ws, 8)


def _open(ws, items: Sequence[OpenItemRow]) -> None:
    cols = [("类型 Kind", 10), ("单号 Number", 24), ("客户 Customer", 30), ("日期 Date", 11), ("币种 Currency", 8),
            ("总额 Total", 14), ("未结金额 Open amount", 14)]
    header(ws, cols)
    for row, item in enumerate(sorted(items, key=lambda i: (i.customer, i.doc_date, i.label)), start=2):
        for col, value in enumerate([word("target_kind", item.kind), item.label, item.customer, item.doc_date,
                                     item.currency], start=1):
            put(ws, row, col, value)
        put(ws, row, 6, item.total, money=True)
        put(ws, row, 7, item.due, money=True)
    finish(ws, len(cols))


def order_label(order_key: str) -> str:
    """An order's natural key (``channel|external id``) as a person says it: ``WS-1001 (webshop)``."""
    channel, _, external = order_key.partition("|")
    return f"{external} ({channel})" if external else channel


HOLD_COLUMNS: list[tuple[str, int]] = [
    ("发票号 Invoice", 24), ("买方 Buyer", 30), ("订单 Order", 20), ("签收单 Deliveries", 18),
    ("币种 Currency", 8), ("金额 Total", 14), ("状态 Status", 10), ("不符项 Failed", 18), ("差异 Figures", 60),
    ("放行 Release", 10), ("放行人 Released by", 12), ("放行原因 Reason", 24), ("发票键 invoice key", 10),
    ("不符键 failed keys", 10),
]
HCOL = {title: i for i, (title, _) in enumerate(HOLD_COLUMNS, start=1)}
RELEASE = "放行 release"


def write_holds(ws, holds: Sequence[HoldRow]) -> None:
    """The holds (only invoices on hold), with a Release column (放行 + who + why)."""
    header(ws, HOLD_COLUMNS)
    held = sorted((h for h in holds if h.status == "hold"), key=lambda h: h.invoice_number)
    for row, h in enumerate(held, start=2):
        failed = ", ".join(word("tolerance_key", k.strip()) for k in h.failed_keys.split(",") if k.strip())
        for title, value in (("发票号 Invoice", h.invoice_number), ("买方 Buyer", h.buyer),
                             ("订单 Order", order_label(h.order_key) if h.order_key else "—"),
                             ("签收单 Deliveries", h.deliveries or "—"), ("币种 Currency", h.currency),
                             ("状态 Status", word("outcome", h.status)), ("不符项 Failed", failed),
                             ("差异 Figures", h.reason), ("发票键 invoice key", h.invoice_key),
                             ("不符键 failed keys", h.failed_keys)):
            put(ws, row, HCOL[title], value)
        put(ws, row, HCOL["金额 Total"], h.total, money=True)
        paint(ws, row, HCOL["差异 Figures"], h.status)
    _dropdown(ws, [RELEASE], HCOL["放行 Release"], len(held) + 1, "Release")
    for hidden in ("发票键 invoice key", "不符键 failed keys"):
        ws.column_dimensions[get_column_letter(HCOL[hidden])].hidden = True
    finish(ws, len(HOLD_COLUMNS) - 2)


def _documents(ws, docs: Sequence[DocumentRow]) -> None:
    cols = [("文件 File", 30), ("类型 Kind", 12), ("需要复核 What to check", 60)]
    header(ws, cols)
    for row, d in enumerate(docs, start=2):
        put(ws, row, 1, d.name)
        put(ws, row, 2, d.kind)
        put(ws, row, 3, d.what)
        paint(ws, row, 3, "review")
    finish(ws, len(cols))


def _credits(ws, credits: Sequence[CreditRow]) -> None:
    cols = [("红字/贷项号 Credit note", 24), ("原发票 Original invoice", 24), ("客户 Customer", 30), ("币种 Currency", 8),
            ("抵减金额 Credit", 14), ("抵减发票 Reduces", 24), ("状态 Status", 12), ("说明 Reason", 60)]
    header(ws, cols)
    rows = sorted(credits, key=lambda c: (c.applied_to is not None, c.customer, c.number))
    for row, c in enumerate(rows, start=2):
        status = "auto" if c.applied_to is not None else "review"
        for col, value in enumerate([c.number, c.original or "—", c.customer, c.currency], start=1):
            put(ws, row, col, value)
        put(ws, row, 5, c.amount, money=True)
        put(ws, row, 6, c.applied_to or "—")
        put(ws, row, 7, "已抵减 applied" if c.applied_to is not None else word("outcome", "review"))
        put(ws, row, 8, c.reason)
        paint(ws, row, 8, status)
    finish(ws, len(cols))


# -- reading back ---------------------------------------------------------------------------------------
def _open_book(path: Path):
    if not path.exists():
        raise InputError("no such file (give the reconciliation workbook that `orderhub reconcile` wrote)",
                         source=str(path))
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile):
        raise InputError("not a readable reconciliation workbook (is it an .xlsx file that Excel saved?)",
                         source=str(path)) from None


def _rows(wb, sheet: str, columns: list[tuple[str, int]], path: Path):
    ws = wb[sheet]
    rows = ws.iter_rows(values_only=True)
    head = [text_of(v) for v in next(rows, ())]
    expected = [t for t, _ in columns]
    if head[: len(expected)] != expected:
        missing = [t for t in expected if t not in head]
        raise InputError(f"the {sheet!r} sheet's columns were changed"
                         + (f" (missing: {', '.join(missing)})" if missing else " (moved)"), source=str(path))
    for number, values in enumerate(rows, start=2):
        yield number, [text_of(v) for v in values] + [""] * len(expected)


def _decision_word(text: str) -> tuple[str, int | None] | None:
    """A typed decision as (dropdown decision, explicit candidate number)."""
    t = " ".join(text.split()).casefold()
    if not t:
        return None
    if t in (d.casefold() for d in DECISIONS):
        return next(d for d in DECISIONS if d.casefold() == t), None
    for typed, decision in _TYPED.items():
        if t == typed:
            return decision, None
        rest = t.removeprefix(typed).strip().lstrip("#")
        if t.startswith(typed) and rest.isdigit() and decision in (CONFIRM, WRITE_OFF):
            return decision, int(rest)
    return None


def _money(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def read_decisions(path: str | Path) -> ReadResult:
    """The decisions on the review sheet and the undos on the matched sheet; malformed rows come back as
    errors (see the module)."""
    path = Path(path)
    wb = _open_book(path)
    if REVIEW_SHEET not in wb.sheetnames:
        raise InputError(f"has no {REVIEW_SHEET!r} sheet (sheets: {', '.join(wb.sheetnames)}); is it a "
                         "reconciliation workbook?", source=str(path))
    result = ReadResult()
    groups: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for number, cells in (r for sheet in _sheet_titles(wb, REVIEW_SHEET)
                          for r in _rows(wb, sheet, REVIEW_COLUMNS, path)):
        key = cells[COL["付款键 payment key"] - 1]
        if not key:
            if any(cells[COL[t] - 1] for t in ("决定 Decision", "指定单号 Apply to number")):
                result.errors.append(RowError(number, "", "a decision on a row that belongs to no payment"))
            continue
        groups[key].append((number, cells))
    for key, rows in groups.items():
        _read_group(key, rows, result)
    if MATCHED_SHEET in wb.sheetnames:
        for number, cells in (r for sheet in _sheet_titles(wb, MATCHED_SHEET)
                              for r in _rows(wb, sheet, MATCHED_COLUMNS, path)):
            undo = cells[MCOL["撤销 Undo"] - 1]
            if not undo:
                continue
            key, kind = cells[MCOL["付款键 payment key"] - 1], cells[MCOL["付款类 payment kind"] - 1]
            if " ".join(undo.split()).casefold() not in (UNDO.casefold(), "撤销", "undo"):
                result.errors.append(RowError(number, key, f"unknown undo {undo!r} (use {UNDO!r})"))
            elif not key or kind not in ("receipt", "statement_line"):
                result.errors.append(RowError(number, key, "the hidden payment columns were changed"))
            else:
                result.decisions.append(Decision(number, kind, key, "undo", None, "",
                                                 cells[MCOL["撤销人 Undone by"] - 1],
                                                 cells[MCOL["撤销原因 Reason"] - 1]))
    wb.close()
    return result


def _read_group(key: str, rows: list[tuple[int, list[str]]], result: ReadResult) -> None:
    def get(cells: list[str], title: str) -> str:
        return cells[COL[title] - 1]

    first = rows[0][1]
    kind = get(first, "付款类 payment kind")
    options = {get(c, "候选 Option").lstrip("#"): (n, get(c, "候选键 candidate keys")) for n, c in rows}
    marked = [(n, c) for n, c in rows if get(c, "决定 Decision") or get(c, "指定单号 Apply to number")]
    if not marked:
        result.blank += 1
        return
    number, cells = marked[0]
    if len(marked) > 1:
        result.errors.append(RowError(number, key, f"rows {', '.join(str(n) for n, _ in marked)} decide the "
                                                    "same payment: keep one decision"))
        return
    if kind not in ("receipt", "statement_line"):
        result.errors.append(RowError(number, key, "the hidden payment columns were changed"))
        return
    by = get(cells, "决定人 Decided by") or get(first, "决定人 Decided by")
    note = get(cells, "备注 Note") or get(first, "备注 Note")
    typed = get(cells, "决定 Decision")
    targets = get(cells, "指定单号 Apply to number")
    parsed = _decision_word(typed) if typed else (APPLY_TO, None)
    if parsed is None:
        result.errors.append(RowError(number, key, f"unknown decision {typed!r} (use one of: "
                                                    f"{', '.join(DECISIONS)})"))
        return
    decision, explicit = parsed
    if decision == APPLY_TO:
        if not targets:
            result.errors.append(RowError(number, key, f"{APPLY_TO}: write the invoice or order number in "
                                                        "'指定单号 Apply to number'"))
            return
        amount_text = get(cells, "指定金额 Amount to apply")
        amount = _money(amount_text) if amount_text else None
        if amount_text and (amount is None or amount <= 0):
            result.errors.append(RowError(number, key, f"'指定金额 Amount to apply' {amount_text!r} is not an "
                                                        "amount above zero"))
            return
        result.decisions.append(Decision(number, kind, key, "apply to", None, "", by, note, targets, amount))
        return
    if decision == REJECT:
        result.decisions.append(Decision(number, kind, key, "reject", None, "", by, note))
        return
    option = str(explicit) if explicit else get(cells, "候选 Option").lstrip("#") or "1"
    if option not in options or not options[option][1]:
        result.errors.append(RowError(number, key, f"{typed}: the workbook shows no candidate #{option}"))
        return
    store_word = f"confirm {option}" if decision == CONFIRM else "write off"
    result.decisions.append(Decision(number, kind, key, store_word, int(option), options[option][1], by, note))


def candidate_label(cand) -> str:
    """A candidate as a person reads it: ``发票 invoice 2632… (5,000.00)`` (no store keys)."""
    return _targets(cand.allocations)
