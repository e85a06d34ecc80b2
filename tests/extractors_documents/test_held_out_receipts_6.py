"""The sixth held-out set (issue 14 §1-§3): receipts, credit advices and payers' remittance advices of banks and
shapes no earlier set had, written by hand (``held_out_6``), read through the pipeline ``orderhub extract`` runs.
Every field each prints is asserted; a test per class fixed says what main did with it."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.pipeline import Options, Outcome, extract_paths
from hub.settings import OurCompany, load_settings, write_our_companies
from tests.extractors_documents import held_out_6 as H
from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_DE, OURS_DE_VAT, OURS_EN, draw_pdf

D = Decimal


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The master: the Suzhou company, its German and its Japanese subsidiary."""
    path = write_our_companies([OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,), accounts=H.OUR_ACCOUNTS),
                                OurCompany(name=OURS_DE, tax_ids=(OURS_DE_VAT,), accounts=H.OUR_ACCOUNTS_DE),
                                OurCompany(name=H.OURS_JP, accounts=H.OUR_ACCOUNTS_JP)], tmp_path / "ours.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


EMLS = {**H.ADVICE_EMLS, **H.ADVICE_EMLS_ROUND2}


def _file(tmp_path: Path, name: str) -> Path:
    if name in EMLS:
        path = tmp_path / f"{name}.eml"
        path.write_bytes(EMLS[name][0]())
        return path
    items, rules, font = (H.RECEIPTS.get(name) or H.ROUND2.get(name) or H.ADVICE_PDFS[name])[0]
    return draw_pdf(tmp_path / f"{name}.pdf", [i for i in items if i[2]], rules, font, line_width=0.6)


def extract(tmp_path: Path, name: str) -> Outcome:
    [out] = extract_paths([_file(tmp_path, name)], load_settings(tmp_path / "home"), Options(quarantine=False))
    return out


def _squash(value: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(value)).replace("-", "").replace("/", "").split()).casefold()


def wrong_fields(out: Outcome, truth: dict, record: object | None = None) -> dict[str, tuple]:
    """The printed fields read otherwise: (read, printed, confidence). Amounts as numbers, dates as ISO dates,
    accounts and references without blanks, dashes and slashes, names without case or width (NFKC); the memo must hold the printed
    one; the bank may be named short; a receipt's reference may be its transaction id or its receipt number;
    an advice's lines as (invoice number, amount paid) in order."""
    rec = record if record is not None else (out.records[0] if out.records else None)
    bad: dict[str, tuple] = {}
    for name, want in truth.items():
        got = getattr(rec, name, None)
        if name in ("amount", "total"):
            ok = got is not None and got == D(want)
        elif name in ("value_date", "payment_date"):
            ok = got == date.fromisoformat(want)
        elif name == "memo":
            ok = _squash(want) in _squash(got or "")
        elif name == "bank":
            ok = got is not None and (_squash(want) in _squash(got) or _squash(got) in _squash(want))
        elif name == "lines":
            got = [(ln.invoice_number, ln.amount_paid) for ln in got or []]
            ok = got == [(n, D(a)) for n, a in want]
        elif name == "transaction_id":
            ok = _squash(want) in {_squash(got), _squash(getattr(rec, "receipt_no", None))}
        else:
            ok = got is not None and _squash(got) == _squash(want)
        if not ok:
            bad[name] = (got, want, out.confidence.get(name))
    return bad


#: printed fields not read, each null and left for review (never a wrong value); Citi's ``US 021000089 / 4421 9988
#: 7766`` (a routing number and the account printed as one value) is read since rtreceipts7: the account after the
#: ABA number (tests/extractors_documents/test_held_out_receipts_7.py)
KNOWN_MISSES: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(H.RECEIPTS))
def test_a_receipt_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    out = extract(tmp_path, name)
    assert out.error is None and out.kind == "receipt", out.error
    wrong = wrong_fields(out, H.RECEIPTS[name][1])
    missed = KNOWN_MISSES.get(name, set())
    assert set(wrong) <= missed, (wrong, out.warnings)
    assert all(wrong[n][0] is None and n in out.needs_review() for n in wrong), wrong


@pytest.mark.parametrize("name", sorted({**H.ADVICE_PDFS, **H.ADVICE_EMLS}))
def test_a_remittance_advice_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    truth = {**H.ADVICE_PDFS, **H.ADVICE_EMLS}[name][1]
    out = extract(tmp_path, name)
    assert out.error is None and out.kind == "remittance", (out.error, out.kind)
    assert not wrong_fields(out, truth), (wrong_fields(out, truth), out.warnings)


def test_an_mt103_print_names_its_fields_after_the_tags(tmp_path: Path, ours) -> None:
    """SWIFT Alliance's print (``20: Sender's Reference`` over the value, 32A's ``Date :``/``Currency :``/``Amount :
    #12,480.00#`` lines) was read as an invoice with nothing but its currency; a portal's Tag | Field | Value table
    (tags without colons) as a receipt whose payer and payee were the /account lines and whose amount was 32A's
    digits glued (26032618962.50), all at 1.0."""
    from extractors.documents.swift_copy import mt103_fields, settlement

    for name in ("s11_mt103_alliance_our", "s12_mt103_table_ben"):
        out = extract(tmp_path, name)
        assert out.kind == "receipt" and "read as a SWIFT MT103 copy from its field tags" in out.warnings
    fields = mt103_fields(["20: Sender's Reference", "FT1", "32A: Val Dte/Curr/Interbnk Settld Amt",
                           "Date : 19 March 2026", "Currency : EUR (EURO)", "Amount : #1,480.00#",
                           "52A Ordering Institution - BIC BNPAFRPPXXX", "20 pieces of REFERENCE123"])
    assert fields == {"20": ["FT1"], "32A": ["Date : 19 March 2026", "Currency : EUR (EURO)", "Amount : #1,480.00#"],
                      "52A": ["BNPAFRPPXXX", "20 pieces of REFERENCE123"]}
    assert settlement(fields["32A"]) == (date(2026, 3, 19), "EUR", D("1480.00"))


def test_bilingual_labels_and_role_headings_never_make_a_label_word_a_party(tmp_path: Path, ours) -> None:
    """江苏银行's ``对方户名 Counterparty`` gave payee 'Counterparty' and us as the payer at 1.0 (the 贷 Cr. of
    ``交易方向 Dr./Cr.`` unread); DBS's ``Remitter Details`` / ``Beneficiary Details`` headings gave both parties
    'Details' at 1.0. Now the English halves are the 对方 labels, the headings own their Name, Account and Bank rows
    (a generic label in a head's column under a row of headings belongs to that head)."""
    jsb = extract(tmp_path, "s09_jsb_bilingual_cr").records[0]
    assert (jsb.payer_name, jsb.payee_name, jsb.payee_account) == ("常州武进凯达精密铸造有限公司", OURS, "501234567001")
    dbs = extract(tmp_path, "s15_dbs_sg_side_by_side")
    r = dbs.records[0]
    assert (r.payer_name, r.payee_name) == ("MERLION PRECISION PARTS PTE LTD", OURS_EN.upper())
    assert (r.payer_account, r.payer_bank, r.payee_account, r.payee_bank) == (
        "003987654321", "OVERSEA-CHINESE BANKING CORP", "0729012345", "DBS BANK LTD SINGAPORE")
    # a bare Account/Bank is a label only under such headings, and only where its text starts: never inside a value
    ocbc = extract(tmp_path, "s14_ocbc_inward_tt").records[0]
    assert ocbc.payer_bank == "UNITED OVERSEAS BANK LIMITED, SINGAPORE"


def test_an_advice_says_why_it_deducts_from_its_column_or_a_note_under_the_table(tmp_path: Path, ours) -> None:
    """Main read every deduction of these as ``other``: a ``Skonto`` or ``Cash discount`` column names its kind;
    a note under the table naming the invoice (``Motivo del descuento: rappel ...``, ``Deduction on HR-EX-2603-013:
    wire fee ...``) is the reason; the Spanish total after that note was lost ("no total printed"); an ERP's
    ``Vendor 200417`` is a number, not the payee's name."""
    def deductions(name: str) -> list[tuple]:
        [advice] = extract(tmp_path, name).records
        return [(ln.invoice_number, ln.deduction, ln.deduction_code, ln.deduction_reason) for ln in advice.lines
                if ln.deduction]

    assert {c for *_, c, _r in deductions("a2_zahlungsavis_letter")} == {"discount"}
    assert deductions("a3_aviso_de_pago") == [("HR-EX-2603-003", D("66.00"), "discount",
                                               "rappel por volumen 2 % (factura HR-EX-2603-003)")]
    assert deductions("a5_html_email_en") == [("HR-EX-2603-013", D("35.00"), "bank_fee", "wire fee charged by our bank.")]
    sap = extract(tmp_path, "a4_sap_payment_advice_note")
    assert sap.records[0].payee_name is None and {c for *_, c, _r in deductions("a4_sap_payment_advice_note")} == {
        "discount"}
    assert extract(tmp_path, "a6_html_email_zh").records[0].lines[1].deduction_code == "short_payment"


def test_a_receipt_number_quoted_in_a_memo_is_not_the_receipts_own(tmp_path: Path, ours) -> None:
    """北京银行's fee receipt quotes the transfer's 业务编号 in its 摘要 (``汇划手续费 业务编号BOB…``): main took that as
    the fee receipt's own number over its 凭证号. A label glued to a figure inside another value is no label."""
    r = extract(tmp_path, "s06_bob_fee_receipt").records[0]
    assert r.receipt_no == "BOBF2603230045618" and r.memo == "汇划手续费 业务编号BOB2603230045617"


def test_an_account_holder_printed_without_a_role_is_the_side_opposite_the_labelled_one(tmp_path: Path, ours) -> None:
    """苏州农商行's 入账通知书 prints our 账号/户名 in its header and 对方户名/对方账号 in the body: main put us on the
    payer side by reading order, then let the 对方 labels replace us, so no payee was left at all."""
    out = extract(tmp_path, "s10_szrcb_credit_notice")
    r = out.records[0]
    assert (r.payer_name, r.payee_name, r.payee_account) == ("张家港保税区鑫达国际贸易有限公司", OURS, "0729012345")
    assert "payee_name" not in out.needs_review()


def test_interbank_remittance_labels_name_the_banks(tmp_path: Path, ours) -> None:
    """汇出行/汇入行 (the remitting and receiving bank of a 跨行汇款) were no labels: both banks were null."""
    r = extract(tmp_path, "s05_bob_interbank_transfer").records[0]
    assert (r.payer_bank, r.payee_bank) == ("北京银行苏州分行", "中国工商银行天津滨海支行")


def test_a_page_of_three_receipts_is_three_records(tmp_path: Path, ours) -> None:
    """广发银行's 网上银行 print holds three 电子回单 one under another: main read the first and dropped the other two
    without a word. Each is now a record (stored once each), and the outcome says the page held three."""
    from hub.store import Store

    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    src = _file(tmp_path, "s04_cgb_three_on_a_page")
    [out] = extract_paths([src], settings, Options(quarantine=False), store=store)
    assert out.kind == "receipt" and len(out.records) == 3
    for record, truth in zip(out.records, H.CGB_PAGE_ALL, strict=True):
        assert not wrong_fields(out, truth, record), wrong_fields(out, truth, record)
    assert "the document prints 3 receipts: each is read as a record of its own" in out.warnings
    assert out.stored == {"inserted": 3, "updated": 0, "unchanged": 0}
    [again] = extract_paths([src], settings, Options(quarantine=False), store=store)
    assert again.stored == {"inserted": 0, "updated": 0, "unchanged": 3}
    single = extract(tmp_path, "s01_spdb_heading_row")
    assert single.single and len(single.records) == 1


@pytest.mark.parametrize("name", sorted(H.ROUND2))
def test_the_second_round_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    """Written after the fixes, in wordings they were not made for (中信 付款方 | 收款方 heads, a Sparkasse
    Gutschrift, an MT103 with 50F/59F, two 恒丰银行 receipts on a page, a German HTML e-mail): main read 30 of 62
    fields, 8 wrong at >= 0.9; the first try of this branch 59 (the Sparkasse's bank, IBAN des Zahlungspflichtigen
    and Referenz were then added)."""
    out = extract(tmp_path, name)
    assert out.error is None and out.kind == "receipt", out.error
    truths = H.HFB_PAGE_ALL if name == "t4_hfb_two_on_a_page" else [H.ROUND2[name][1]]
    assert len(out.records) == len(truths)
    for record, truth in zip(out.records, truths, strict=True):
        assert not wrong_fields(out, truth, record), (wrong_fields(out, truth, record), out.warnings)


def test_a_german_html_e_mail_advice_with_its_deduction_explained_below(tmp_path: Path, ours) -> None:
    out = extract(tmp_path, "t5_html_email_de")
    assert out.kind == "remittance" and not wrong_fields(out, H.ADV_EML_DE_T)
    [line] = [ln for ln in out.records[0].lines if ln.deduction]
    assert (line.deduction, line.deduction_code) == (D("120.00"), "short_payment")


def test_parties_under_a_row_of_headings_and_a_bracketed_figure_label_need_no_review(tmp_path: Path, ours) -> None:
    """浦发's 付款人 | 收款人 heading row over two 户名/账号/开户银行 columns: main read the parties right only because the
    master swapped them, and left all four at 0.6 ("master finds us on both sides"); 上海银行's ``（小写）：¥93,280.00``
    was no amount (taken from the 大写 at 0.8)."""
    spdb = extract(tmp_path, "s01_spdb_heading_row")
    assert not {"payer_name", "payer_account", "payee_name", "payee_account"} & set(spdb.needs_review()), spdb.warnings
    bosc = extract(tmp_path, "s07_bosc_payee_first")
    assert bosc.records[0].amount == D("93280.00") and "amount" not in bosc.needs_review()
