"""The seventh held-out set (issue 14 §1-§3): receipts, credit advices, payment firms' notices, a bill and a payer's
remittance advice of banks and shapes no earlier set had, written by hand (``held_out_receipts_7``), read through the
pipeline ``orderhub extract`` runs. Every field each prints is asserted; a test per class fixed says what main did."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.pipeline import Options, Outcome, extract_paths
from hub.settings import OurCompany, load_settings, write_our_companies
from tests.extractors_documents import held_out_receipts_7 as H
from tests.extractors_documents.handmade import (
    OUR_TAX_ID,
    OURS,
    OURS_DE,
    OURS_DE_VAT,
    OURS_EN,
    OURS_IN,
    OURS_IN_GSTIN,
    draw_pdf,
)
from tests.extractors_documents.test_held_out_receipts_6 import wrong_fields


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The master: the Suzhou company and its German, Indian, Japanese and US subsidiaries."""
    path = write_our_companies([
        OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,), accounts=H.OUR_ACCOUNTS),
        OurCompany(name=OURS_DE, tax_ids=(OURS_DE_VAT,), accounts=H.OUR_ACCOUNTS_DE),
        OurCompany(name=OURS_IN, tax_ids=(OURS_IN_GSTIN,), accounts=H.OUR_ACCOUNTS_IN),
        OurCompany(name=H.OURS_JP, name_en="HENGRUI SEIMITSU JAPAN K.K.", accounts=H.OUR_ACCOUNTS_JP),
        OurCompany(name=H.OURS_US, accounts=H.OUR_ACCOUNTS_US)], tmp_path / "ours.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


PDFS = {**H.RECEIPTS, **H.NOT_RECEIPTS, **H.ADVICE_PDFS, **H.ROUND2, **H.NOT_RECEIPTS_ROUND2, **H.ADVICE_PDFS_ROUND2}


def _file(tmp_path: Path, name: str) -> Path:
    if name in H.RECEIPT_EMLS:
        path = tmp_path / f"{name}.eml"
        path.write_bytes(H.RECEIPT_EMLS[name][0]())
        return path
    items, rules, font = PDFS[name][0]
    return draw_pdf(tmp_path / f"{name}.pdf", items, rules, font, line_width=0.6)


def extract(tmp_path: Path, name: str) -> Outcome:
    [out] = extract_paths([_file(tmp_path, name)], load_settings(tmp_path / "home"), Options(quarantine=False))
    return out


def wrong(out: Outcome, truth: dict) -> dict[str, tuple]:
    """:func:`wrong_fields`, and a field printed nowhere (``None`` in the truth) must be empty."""
    rec = out.records[0] if out.records else None
    bad = wrong_fields(out, {k: v for k, v in truth.items() if v is not None})
    bad.update({k: (getattr(rec, k, None), None, out.confidence.get(k)) for k, v in truth.items()
                if v is None and getattr(rec, k, None)})
    return bad


#: printed fields not read, each null and left for review (never a wrong value): Barclays' ``Payment reference`` (the
#: bank's, on a payer's bank's confirmation; on a credit advice it is the payer's, so it is read as neither). Read since
#: rtreceipts8: the 结汇水单's payer (both accounts ours: our one name is both sides'), and a payment firm's
#: ``Reference`` / ``Payment reference`` as the memo (``data/banks.toml platform_memo``)
KNOWN_MISSES = {"f03_barclays_sort_code_account": {"transaction_id"}}


@pytest.mark.parametrize("name", sorted(H.RECEIPTS))
def test_a_receipt_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    out = extract(tmp_path, name)
    assert out.error is None and out.kind == "receipt", out.error
    bad = wrong(out, H.RECEIPTS[name][1])
    assert set(bad) <= KNOWN_MISSES.get(name, set()), (bad, out.warnings)
    assert all(not bad[n][0] and (n == "memo" or n in out.needs_review()) for n in bad), bad


def test_a_payers_bank_confirmation_of_its_outgoing_wire_names_us_the_payee(tmp_path: Path, ours) -> None:
    """Wells Fargo's ``Wire Transfer Confirmation - Outgoing International`` to its customer: the page's words say
    a debit, so main made us the payer and swapped both parties and accounts at 1.0 against their labels. The
    words speak for the other party's account: the labels of both sides and the master decide."""
    out = extract(tmp_path, "f04_wells_outgoing_wire")
    r = out.records[0]
    assert (r.payer_name, r.payer_account) == ("GREAT LAKES HYDRAULICS LLC", "482100973315")
    assert (r.payee_name, r.payee_account) == (OURS_EN.upper(), "622190088001")
    assert any("the labels name us the payee" in w for w in out.warnings)


def test_a_label_word_inside_a_phrase_is_no_label(tmp_path: Path, ours) -> None:
    """``Reference for beneficiary`` gave Barclays' payee 'HR-EX-2604-007' at 1.0, ``Completed - credited to
    beneficiary (ACCC)`` the gpi tracker's payee '(ACCC)' at 1.0, ICICI's ``Purpose Code`` the memo 'Code' at 1.0.
    A Latin label after a lower-case word of its own text is a word of a phrase; a purpose code is no memo."""
    barclays = extract(tmp_path, "f03_barclays_sort_code_account").records[0]
    assert (barclays.payee_name, barclays.memo) == (OURS_EN, "HR-EX-2604-007")
    gpi = extract(tmp_path, "f09_swift_gpi_tracker").records[0]
    assert (gpi.payee_name, gpi.amount) == (OURS_EN.upper(), D("19965.00"))
    assert extract(tmp_path, "f06_icici_inward_firc").records[0].memo == "INV HRI-2604-031"


def test_a_routing_code_printed_before_the_account(tmp_path: Path, ours) -> None:
    """``026009593 / 3300 1234 5678`` (ABA), ``20-32-53 43218765`` (sort code) and ``BSB 013-006  Acc 4567 12345``:
    main left Chase's and ANZ's null (ANZ's whole advice refused) and glued Barclays' sort code into the account.
    The account is the part after a routing code that validates; a nine-digit code failing the ABA check is no
    routing number, and the value is read as it was."""
    from extractors.documents.receipts import _account, _after_routing

    assert extract(tmp_path, "f05_chase_aba_account").records[0].payer_account == "330012345678"
    assert extract(tmp_path, "f08_anz_bsb_account").records[0].payer_account == "456712345"
    assert extract(tmp_path, "f03_barclays_sort_code_account").records[0].payer_account == "43218765"
    assert _after_routing("US  021000089 / 4421 9988 7766") == "442199887766"
    assert _after_routing("021000088 / 4421 9988 7766") is None  # the ABA check fails
    assert _account("6222 0212 3456 7890 123") == "6222021234567890123"


def test_net_proceeds_of_a_letter_of_credit_are_the_amount(tmp_path: Path, ours) -> None:
    """建设银行's 信用证收汇通知书: main took 来证金额 (the L/C's 48,000.00, through 金额) at 1.0 and lost the applicant,
    the issuing bank and the beneficiary. The 实收金额 after both banks' charges is what reached the account."""
    r = extract(tmp_path, "b06_ccb_lc_proceeds").records[0]
    assert (r.amount, r.currency, r.payer_name, r.payer_bank, r.payee_name) == (
        D("47860.00"), "USD", "THAI PRECISION TOOLING CO., LTD.", "KASIKORNBANK PCL BANGKOK", OURS)


def test_mirrored_halves_read_the_value_left_of_a_label_that_ends_its_line(tmp_path: Path, ours) -> None:
    """杭州银行's receipt prints the payee's values right-aligned against 收款人名称/账号/开户行 on the right edge: main
    read no payee at all; and the figure sharing its cell with the 大写 was taken from the words at 0.8."""
    out = extract(tmp_path, "b09_hzb_mirrored_labels")
    r = out.records[0]
    assert (r.payee_name, r.payee_account, r.payee_bank) == (OURS, "330104016000123456", "杭州银行苏州分行")
    assert "amount" not in out.needs_review()


def test_our_own_account_block_is_never_the_payers(tmp_path: Path, ours) -> None:
    """Mizuho's advice heads our account with ``Your account details``: main took its Account number for the
    payer's, swapped it over, put the remitting bank on our side and left every party for review."""
    out = extract(tmp_path, "f02_mizuho_own_account_block")
    r = out.records[0]
    assert (r.payer_account, r.payee_account, r.payer_bank) == (None, "7654321", "BANK OF CHINA DONGGUAN BRANCH")
    assert not {"payer_name", "payee_name", "payee_account"} & set(out.needs_review()), out.warnings


def test_issuers_that_are_no_bank_by_name(tmp_path: Path, ours) -> None:
    """A 农村信用合作联社, a payment firm (Airwallex, Wise) and a logo before the bank's name (``CHASE JPMorgan Chase
    Bank``, at 1.0 on main): the issuer as printed; a bank named in a labelled value of the top lines (Wise's
    ``Sender's bank``) is not the issuer."""
    assert extract(tmp_path, "b08_rcc_ours_theirs_grid").records[0].bank == "射阳县农村信用合作联社"
    assert extract(tmp_path, "f12_airwallex_received").records[0].bank == "Airwallex"
    assert extract(tmp_path, "f11_wise_received").records[0].bank == "Wise"
    assert extract(tmp_path, "f05_chase_aba_account").records[0].bank == "JPMorgan Chase Bank"


def test_confirmations_and_notices_of_payment_firms_are_receipts(tmp_path: Path, ours) -> None:
    """ANZ's ``Payment Receipt`` and Wise's ``You received 4,980.00 USD`` were refused ("not recognised"), the
    amount of the latter only in its title."""
    anz = extract(tmp_path, "f08_anz_bsb_account")
    assert anz.kind == "receipt" and anz.records[0].amount == D("8640.00")
    wise = extract(tmp_path, "f11_wise_received").records[0]
    assert (wise.amount, wise.currency, wise.payer_name) == (D("4980.00"), "USD", "Copperline Robotics Inc.")


def test_a_bank_acceptance_bill_is_no_money_received(tmp_path: Path, ours) -> None:
    """A 银行承兑汇票 names a 出票人, us as the 收款人 and ¥200,000.00: main read it as a receipt of money received.
    It is a promise to pay at maturity: refused with its kind named, nothing booked."""
    out = extract(tmp_path, "b07_bank_acceptance_bill")
    assert out.error is not None and "a bill of exchange (承兑汇票)" in out.error and not out.records


def test_an_advice_netting_credit_notes_with_a_deduction_column(tmp_path: Path, ours) -> None:
    """A US buyer's advice: ``Document | Date | Type | Amount | Deduction | Net paid`` with two credit memos netted
    and two deductions explained in one note. Main read it as a receipt (its invoice column unnamed) with the
    date 05/11/2026 as 5 November at 1.0. Now the credit memos pay negative amounts, the lines sum to the total
    paid, the dates are month first (the advice's 04/15/2026 tells) and each deduction has its part of the note."""
    out = extract(tmp_path, "a1_credit_notes_netted")
    assert out.kind == "remittance" and not wrong(out, H.ADV_CN_T), wrong(out, H.ADV_CN_T)
    advice = out.records[0]
    assert sum(ln.amount_paid for ln in advice.lines) == advice.total and not out.needs_review()
    reasons = {ln.invoice_number: (ln.deduction, ln.deduction_code, ln.deduction_reason) for ln in advice.lines
               if ln.deduction}
    assert reasons == {"HR-EX-2604-033": (D("125.00"), "short_payment", "short shipment claim SC-2291"),
                       "HR-EX-2604-041": (D("30.00"), "bank_fee", "incoming wire fee.")}


def test_a_payment_notice_e_mail_is_a_receipt(tmp_path: Path, ours) -> None:
    """PayPal's "You've got money" e-mail was "not a file orderhub reads". Its table rows read through the
    receipt's labels; the payer only a sentence names (``... sent you $1,250.00 USD``), the greeting's name, the
    ``Note`` and the sender's institution are taken for review. An e-mail telling of no payment stays unread."""
    from email.message import EmailMessage

    out = extract(tmp_path, "f13_paypal_got_money")
    assert out.kind == "receipt" and not wrong(out, H.PAYPAL_T), wrong(out, H.PAYPAL_T)
    assert {"payer_name", "bank"} <= set(out.needs_review()) and "amount" not in out.needs_review()
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "news@paypal.com", "New features in your account"
    msg.set_content("Hello, we have updated our terms on 1 May 2026.")
    (tmp_path / "news.eml").write_bytes(bytes(msg))
    [news] = extract_paths([tmp_path / "news.eml"], load_settings(tmp_path / "home"), Options(quarantine=False))
    assert news.error is not None and not news.records


@pytest.mark.parametrize("name", sorted({**H.ROUND2, **H.NOT_RECEIPTS_ROUND2, **H.ADVICE_PDFS_ROUND2}))
def test_the_second_round_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    """Written after the fixes, in wordings they were not made for (a 信用合作联社 in one column, HSBC UK's ``Sort
    code and account number`` under a Payer heading, Payoneer's ``You've received a payment``, 青岛银行 with the
    payer's half mirrored, a German SEPA Bestätigung, a 商业承兑汇票, a Zahlungsavis netting a Gutschrift): main
    read 40 of 65 fields (Payoneer refused, the bill a receipt, the Zahlungsavis an invoice); the branch's first
    try 51 (its labels then added: Sort code and account number, Date of payment, Confirmation number, Paid by,
    Payment ID, Ausführungsdatum, a ``Beleg`` column)."""
    out = extract(tmp_path, name)
    if name in H.NOT_RECEIPTS_ROUND2:
        assert out.error is not None and "a bill of exchange" in out.error
        return
    kind = "remittance" if name in H.ADVICE_PDFS_ROUND2 else "receipt"
    truth = {**H.ROUND2, **H.ADVICE_PDFS_ROUND2}[name][1]
    assert out.error is None and out.kind == kind, out.error
    assert not wrong(out, truth), (wrong(out, truth), out.warnings)
