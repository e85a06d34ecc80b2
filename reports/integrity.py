"""The integrity report as an Excel workbook: a summary sheet and one filterable row per problem
(frozen header, autofilter, date and amount formats). Every text cell from data is written as text,
never as a formula (formula injection: a payer named ``=HYPERLINK(...)`` stays a name)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from hub.errors import InputError
from hub.orderdesk.integrity import IntegrityRow, summary
from reports.cells import finish, header, put

#: Columns of the detail sheet: header (Chinese / English), attribute, width.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("类别 Category", "label", 30),
    ("对象 Kind", "kind", 10),
    ("单号 Reference", "reference", 24),
    ("客户/付款人 Party", "party", 32),
    ("状态 Status", "status", 14),
    ("金额 Amount", "amount", 15),
    ("币种 Currency", "currency", 9),
    ("起始日 Since", "since", 12),
    ("天数 Age (days)", "age_days", 10),
    ("允许天数 Allowed", "allowed_days", 10),
    ("超期天数 Over by", "overdue_days", 10),
    ("负责人 Owner", "owner", 22),
    ("说明 Detail", "detail", 60),
    ("记录键 Record key", "key", 40),
)


def write_integrity_workbook(rows: Sequence[IntegrityRow], path: str | Path, *, as_of: date) -> Path:
    """Write the integrity workbook to ``path`` (``.xlsx``) and return it."""
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise InputError("the integrity report is an Excel workbook: give a path ending in .xlsx", source=str(out))
    wb = Workbook()
    ws_sum = wb.active
    ws_sum.title = "汇总 Summary"
    header(ws_sum, [("类别 Category", 22), ("说明 Label", 40), ("条数 Rows", 10), ("金额 Amounts", 40),
                    ("最长天数 Oldest (days)", 14)])
    groups = summary(list(rows))
    for r, (name, label, count, amounts, oldest) in enumerate(groups, start=2):
        for col, value in enumerate((name, label, count, "; ".join(f"{ccy} {amt:,.2f}" for ccy, amt in
                                                                   sorted(amounts.items())), oldest), start=1):
            put(ws_sum, r, col, value)
    finish(ws_sum, 5)
    put(ws_sum, len(groups) + 3, 1, f"截至 As of {as_of.isoformat()}")

    ws = wb.create_sheet("明细 Rows")
    header(ws, [(title, width) for title, _attr, width in COLUMNS])
    for r, item in enumerate(rows, start=2):
        for col, (_title, attr, _width) in enumerate(COLUMNS, start=1):
            put(ws, r, col, getattr(item, attr), money=attr == "amount")
    finish(ws, len(COLUMNS))
    # the store key is kept for look-ups (orderhub history KEY) but not shown: people read the reference
    ws.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        wb.save(out)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(out)) from None
    return out
