"""The ingest report names the rows that could not be read (file, row, column, cell, reason) and the files
stored for review, beside the quarantined ones; the store keeps the same on each file's SourceFile."""

from __future__ import annotations

from pathlib import Path

from extractors.ingest import ingest_folder, report_from_store
from hub.records import SourceFile, StatementLine
from hub.settings import load_settings
from hub.store import Store


def test_a_bad_row_costs_one_row_and_is_reported(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "中国银行_2026-03.csv").write_text(
        "账号:,6217001234567890123\n币种:,人民币\n"
        "交易日期,交易金额,收/支,对方户名,摘要\n"
        "2026-03-02,1500.00,收,宁波明达五金有限公司,货款\n"
        "2026-03-03,1x2.00,收,杭州西湖精密机械有限公司,货款\n"
        "2026-03-04,88.50,支,中国银行,手续费\n", encoding="utf-8")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    summary = ingest_folder(store, inbox, settings)
    lines = store.all(StatementLine)
    assert sorted(str(ln.amount) for ln in lines) == ["-88.50", "1500.00"]  # the other rows are imported
    sf = next(f for f in store.all(SourceFile) if f.path.endswith(".csv"))
    assert sf.status == "needs_review" and len(sf.row_warnings) == 1
    warning = sf.row_warnings[0]
    assert warning.row == 5 and warning.column == "交易金额" and warning.cell == "1x2.00" and warning.reason
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "broken.pdf" in report.split("# 未读行")[0]  # quarantined, in the first section
    rows_part = report.split("# 未读行")[1].split("# 待复核")[0]
    assert "中国银行_2026-03.csv" in rows_part and "| 5 | 交易金额 | 1x2.00 |" in rows_part
    assert report_from_store(store).count("中国银行_2026-03.csv") == 2  # rows section and review section
    again = ingest_folder(store, inbox, settings)  # nothing new, nothing lost
    assert again.skipped == 2 and len(store.all(StatementLine)) == 2
