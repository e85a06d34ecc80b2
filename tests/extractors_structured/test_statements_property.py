"""Property: whatever layout, encoding and preamble a bank chooses, the same transactions come back."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.parse import format_amount
from extractors.statements import read_statement

NAMES = ["苏州德润工贸有限公司", "Hamburg Trading GmbH", "国家金库苏州市中心支库", "ACME Corp.", "宁波星辰进出口有限公司"]

transactions = st.lists(
    st.tuples(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
              st.integers(min_value=-(10**9), max_value=10**9).filter(lambda c: c != 0).map(lambda c: Decimal(c).scaleb(-2)),
              st.sampled_from(NAMES)),
    min_size=1, max_size=12)


def _render(rows, layout: str, date_style: str, pad: bool) -> list[list[str]]:
    fmt = {"iso": "%Y-%m-%d", "slash": "%Y/%m/%d", "cn": "%Y年%m月%d日", "compact": "%Y%m%d"}[date_style]
    padded = (lambda s: f"  {s}\t") if pad else (lambda s: s)
    if layout == "split":
        out = [["交易日期", "收入金额", "支出金额", "对方户名", "摘要"]]
        for d, amount, name in rows:
            money = format_amount(abs(amount))
            out.append([padded(d.strftime(fmt)), money if amount > 0 else "-", money if amount < 0 else "-",
                        padded(name), "转账"])
    elif layout == "signed":
        out = [["Booking Date", "Amount", "Counterparty", "Narrative"]]
        for d, amount, name in rows:
            out.append([padded(d.strftime(fmt)), padded(format_amount(amount)), name, "transfer"])
    else:
        out = [["记账日期", "借贷标志", "发生额", "对方名称"]]
        for d, amount, name in rows:
            out.append([d.strftime(fmt), "贷" if amount > 0 else "借", format_amount(abs(amount)), padded(name)])
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transactions, st.sampled_from(["split", "signed", "direction"]), st.sampled_from(["iso", "slash", "cn", "compact"]),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]), st.integers(min_value=0, max_value=6), st.booleans(),
       st.sampled_from([",", "\t"]))
def test_statement_round_trip(rows, layout: str, date_style: str, encoding: str, preamble: int, pad: bool,
                              delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for i in range(preamble):
        writer.writerow([f"账户明细查询 第{i}行" if i % 2 else f"导出时间：2026-03-0{i + 1}"])
    writer.writerows(_render(rows, layout, date_style, pad))
    writer.writerow(["合计", "", "", ""])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        result = read_statement(path, bank="测试银行", account="1")
    assert [(ln.booking_date, ln.amount, ln.counterparty_name) for ln in result.lines] == list(rows)
    assert len({ln.transaction_id for ln in result.lines}) == len(rows)
