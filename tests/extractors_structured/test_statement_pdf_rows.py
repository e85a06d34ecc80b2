"""A bank's statement printed as a PDF (extractors/statements/pdf.py), the classes an HSBC-style English statement
showed: dates printed as two words without a year (``04 Mar``) are rows; the end of a long details text reaching
under the next (amount) column stays in the details; a bank's home currency (HKD for HSBC Hong Kong) is a guess
that the file's own ``Closing Balance USD`` overrules, for review, never HKD at 0.9."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.pipeline import Options, extract_paths
from hub.settings import load_settings
from tests.extractors_documents.handmade import draw_pdf
from tests.extractors_documents.lookalikes import NOT_INVOICES


def test_an_english_statement_pdf_reads_every_row_in_its_printed_currency(tmp_path: Path) -> None:
    items, rules, font, *_ = NOT_INVOICES["bank_statement_en"]
    pdf = draw_pdf(tmp_path / "hsbc_statement.pdf", items, rules, font)
    [done] = extract_paths([pdf], load_settings(tmp_path / "home"), Options(workers=1, quarantine=False))
    assert done.ok and done.kind == "statement", done.error
    lines = done.records
    got = [(str(line.booking_date), line.amount, line.description) for line in lines]
    assert got == [("2026-03-04", Decimal("3720.00"), "TT CR BRIGHTLINE FIXTURES INV HR-EX-260112"),
                   ("2026-03-09", Decimal("-38340.00"), "TT DR KOWA STEEL PO-HR-26-0219"),
                   ("2026-03-31", Decimal("-120.00"), "CHARGES")]
    assert {line.currency for line in lines} == {"USD"}
    assert done.confidence["currency"] < 0.9
    assert any("home currency is HKD but the file names USD" in w for w in done.warnings)
    assert "currency" in done.needs_review()


def test_a_transaction_naming_another_currency_leaves_the_banks_home_currency(tmp_path: Path) -> None:
    """An exporter's CNY account at a Chinese bank names the dollars it converts in a line's text (结汇 USD): that is
    no evidence of the account's currency, which stays the bank's (the override above is for amounts, balances
    and lines that are no transaction)."""
    csv = tmp_path / "中国工商银行_明细.csv"
    csv.write_text("中国工商银行 账户明细\n账号,1102020109000123456\n"
                   "交易日期,摘要,对方户名,收入金额,支出金额,余额\n"
                   "2026-03-02,结汇 USD 5000.00 汇率7.1200,,35600.00,,135600.00\n"
                   "2026-03-05,货款,苏州恒锐精密五金制品有限公司,,1200.00,134400.00\n", encoding="utf-8")
    [done] = extract_paths([csv], load_settings(tmp_path / "home"), Options(workers=1, quarantine=False))
    assert done.ok, done.error
    assert [line.currency for line in done.records] == ["CNY", "CNY"]
    assert done.confidence["currency"] >= 0.9 and not any("home currency" in w for w in done.warnings)
