"""Bank statements printed as PDFs of other banks and shapes (issue 14 §5), written by hand
(:mod:`tests.extractors_structured.statement_pdfs`): every line's date, signed amount, currency, text and balance
and the account are read, a closing balance printed under the table is checked against the lines (and is no row),
a Kontoauszug without a balance column is a statement, a second page's running head, repeated header and page
number are no rows; a statement of account between companies stays refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.pipeline import Options, extract_paths
from extractors.statements.cells import dates_in
from hub.settings import load_settings
from tests.extractors_documents.handmade import draw_pdf
from tests.extractors_documents.lookalikes import NOT_INVOICES
from tests.extractors_structured.statement_pdfs import LOOKALIKE_TRUTH, STATEMENT_PDFS


def _extract(tmp_path: Path, pdf: Path):  # type: ignore[no-untyped-def]
    [done] = extract_paths([pdf], load_settings(tmp_path / "home"), Options(workers=1, quarantine=False))
    return done


def _draw(tmp_path: Path, name: str) -> tuple[Path, dict]:
    if name in STATEMENT_PDFS:
        pages, font, truth = STATEMENT_PDFS[name]
        (items, rules), *more = pages
        return draw_pdf(tmp_path / f"{name}.pdf", items, rules, font, more_pages=tuple(more)), truth
    items, rules, font, *_ = NOT_INVOICES[name]
    return draw_pdf(tmp_path / f"{name}.pdf", items, rules, font), LOOKALIKE_TRUTH[name]


@pytest.mark.parametrize("name", [*STATEMENT_PDFS, *LOOKALIKE_TRUTH])
def test_every_line_field_and_the_account_are_read(tmp_path: Path, name: str) -> None:
    pdf, truth = _draw(tmp_path, name)
    done = _extract(tmp_path, pdf)
    assert done.ok and done.kind == "statement", done.error
    field = "counterparty_name" if truth["party"] else "description"
    got = [(str(ln.booking_date), str(ln.amount), ln.currency,
            getattr(ln, field) or ("" if truth["party"] else ln.reference or ""),
            None if ln.balance is None else str(ln.balance)) for ln in done.records]
    assert got == [tuple(line) for line in truth["lines"]]
    assert {ln.account for ln in done.records} == {truth["account"]}
    assert not done.row_warnings, done.row_warnings
    if truth["closing"] is not None:  # the balance printed under the table agrees with the lines, and is no row
        assert f"closing balance {truth['closing']} agrees with the lines" in done.skipped


def test_a_closing_balance_that_does_not_follow_from_the_lines_needs_review(tmp_path: Path) -> None:
    items, rules, font, *_ = NOT_INVOICES["bank_statement_en"]
    items = [(*i[:2], "85,600.00", *i[3:]) if i[2] == "85,660.00" and i[1] == 88 else i for i in items]
    done = _extract(tmp_path, draw_pdf(tmp_path / "hsbc_statement.pdf", items, rules, font))
    assert done.ok and [ln.amount for ln in done.records] == [Decimal("3720.00"), Decimal("-38340.00"),
                                                               Decimal("-120.00")]
    assert any("the closing balance printed is 85600.00, but the last line's balance is 85660.00" in w
               for w in done.warnings), done.warnings
    assert done.confidence["amount"] < 0.9 and "amount" in done.needs_review()


SOA_BANKSIDE = ([
    (20, 14, "Bankside Engineering Ltd", 12, "DVB"), (120, 14, "Statement", 12, "DVB"),
    (20, 24, "To: Pennine Hengrui Ltd", 8), (120, 24, "Account", 8), (-190, 24, "C-2231", 8),
    (20, 40, "Date", 8, "DVB"), (45, 40, "Details", 8, "DVB"), (-140, 40, "Debit", 8, "DVB"),
    (-165, 40, "Credit", 8, "DVB"), (-190, 40, "Balance", 8, "DVB"),
    (20, 46, "02/03/2026", 8), (45, 46, "Invoice BE-4471", 8), (-140, 46, "2,400.00", 8), (-190, 46, "2,400.00", 8),
    (20, 52, "20/03/2026", 8), (45, 52, "Payment received, thank you", 8), (-165, 52, "2,400.00", 8),
    (-190, 52, "0.00", 8),
    (120, 62, "Closing Balance", 9, "DVB"), (-190, 62, "0.00", 9, "DVB"),
], [(18, 42, 192, 42), (18, 56, 192, 56)], "DV")


@pytest.mark.parametrize("name", [n for n, v in NOT_INVOICES.items() if v[3] == "statement_of_account"] + ["bankside"])
def test_a_statement_of_account_between_companies_stays_refused(tmp_path: Path, name: str) -> None:
    items, rules, font = SOA_BANKSIDE if name == "bankside" else NOT_INVOICES[name][:3]
    done = _extract(tmp_path, draw_pdf(tmp_path / f"{name}.pdf", items, rules, font))
    assert not done.ok and done.kind != "statement", (done.kind, done.error)
    if name != "bankside":  # titled as one (the bankside letter is titled only "Statement": not recognised)
        assert "statement of account" in (done.error or "")


def test_a_period_printed_as_two_dates_of_one_year() -> None:
    """``3 March - 31 March 2026`` is no 3 March 2031; ``01.03.2026 - 31.03.2026`` is read day first."""
    assert [str(d) for d in dates_in("Statement period ¦ 3 March - 31 March 2026")] == ["2026-03-31"]
    assert [str(d) for d in dates_in("Zeitraum 01.03.2026 - 31.03.2026")] == ["2026-03-01", "2026-03-31"]
    assert [str(d) for d in dates_in("09MAR26")] == ["2026-03-09"]


def test_a_line_that_names_a_balance_in_its_text_stays_a_line(tmp_path: Path) -> None:
    """Only a row whose cell begins with a balance's label (or that has no amount) carries a balance over."""
    items, rules, font, *_ = NOT_INVOICES["bank_statement_en"]
    items = [(*i[:2], "INTEREST ON CLOSING BALANCE", *i[3:]) if i[2] == "CHARGES" else i for i in items]
    done = _extract(tmp_path, draw_pdf(tmp_path / "hsbc_statement.pdf", items, rules, font))
    assert [(ln.amount, ln.description) for ln in done.records][-1] == (Decimal("-120.00"),
                                                                       "INTEREST ON CLOSING BALANCE")
    assert "closing balance 85660.00 agrees with the lines" in done.skipped


@pytest.mark.parametrize(("name", "bank"), [("barclays_uk", "Barclays"), ("dbs_sg", "DBS Bank"),
                                            ("ocbc_sg", "OCBC Bank"), ("commerzbank_de", "Commerzbank"),
                                            ("bnp_fr", "BNP Paribas"), ("sparkasse_de", "Sparkasse")])
def test_the_bank_is_named_and_no_currency_is_guessed_from_it(tmp_path: Path, name: str, bank: str) -> None:
    """Banks whose accounts come in several currencies are named (they were stored under bank 'unknown'); their
    entry gives no home currency, so the lines' currency stays the one the statement prints."""
    pdf, truth = _draw(tmp_path, name)
    done = _extract(tmp_path, pdf)
    assert {ln.bank for ln in done.records} == {bank}
    assert [ln.currency for ln in done.records] == [line[2] for line in truth["lines"]]
    assert not any("names no bank we know" in w for w in done.warnings)
