"""Field parsers: examples as printed on real documents, plus property-based round trips."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.parse import (
    AmbiguousDateError,
    amount_to_chinese_upper,
    check_iban,
    chinese_upper_to_amount,
    find_currency,
    format_amount,
    parse_amount,
    parse_bank_account,
    parse_currency,
    parse_date,
    parse_document_number,
    parse_money,
    parse_uscc,
    parse_vat_invoice_code,
    parse_vat_invoice_number,
    read_date,
    read_field,
)
from hub.validation import uscc_check_char

D = Decimal


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("¥1,234.50", D("1234.50"), "CNY"),
    ("￥1,234.50", D("1234.50"), "CNY"),
    ("1.234,50 EUR", D("1234.50"), "EUR"),
    ("USD 12,000.00", D("12000.00"), "USD"),
    ("US$ 12,000.00", D("12000.00"), "USD"),
    ("(1,234.50)", D("-1234.50"), None),
    ("-1,234.50", D("-1234.50"), None),
    ("1,234.50-", D("-1234.50"), None),
    ("−8.00", D("-8.00"), None),
    ("１２，３４５．６７", D("12345.67"), None),
    ("RMB 3,000", D("3000"), "CNY"),
    ("1 234 567,89 €", D("1234567.89"), "EUR"),
    ("1'234.50 CHF", D("1234.50"), "CHF"),
    ("壹万贰仟叁佰肆拾伍元陆角整", D("12345.60"), "CNY"),
    ("⊗壹拾壹万叁仟圆整", D("113000.00"), "CNY"),
    ("人民币（大写）：零元整", D("0.00"), "CNY"),
    ("美元贰仟零伍元整", D("2005.00"), "USD"),
    ("ⓧ 港币壹佰元伍角", D("100.50"), "HKD"),
])
def test_amounts_as_printed(text: str, amount: Decimal, currency: str | None) -> None:
    money = parse_money(text)
    assert money.amount == amount
    assert money.currency == currency


@pytest.mark.parametrize("text", ["", "abc", "12.34.56,7", "1,23,4.00", "¥", "--5", "壹贰元", "佰元整"])
def test_bad_amounts_name_the_text(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_amount(text)
    assert repr(text) in str(info.value) or "empty" in str(info.value)


def test_amount_refuses_float() -> None:
    with pytest.raises(ValueError, match="float"):
        parse_amount(1.5)  # type: ignore[arg-type]


def test_one_separator_with_three_digits_follows_the_hint() -> None:
    assert parse_amount("1,234") == D("1234")
    assert parse_amount("1.234") == D("1.234")
    assert parse_amount("1.234", decimal_comma=True) == D("1234")
    assert parse_amount("1,234", decimal_comma=True) == D("1.234")
    assert parse_amount("1,25") == D("1.25")


@pytest.mark.parametrize(("value", "upper"), [
    ("12345.60", "壹万贰仟叁佰肆拾伍元陆角整"),
    ("0", "零元整"),
    ("0.05", "伍分"),
    ("1.05", "壹元零伍分"),
    ("10", "壹拾元整"),
    ("100001", "壹拾万零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("10001000", "壹仟万壹仟元整"),
    ("100010000", "壹亿零壹万元整"),
    ("101000000", "壹亿零壹佰万元整"),
    ("113000.00", "壹拾壹万叁仟元整"),
])
def test_chinese_uppercase_as_written_on_invoices(value: str, upper: str) -> None:
    assert amount_to_chinese_upper(D(value)) == upper
    assert chinese_upper_to_amount(upper) == D(value)


def test_chinese_uppercase_variants() -> None:
    assert chinese_upper_to_amount("壹万贰仟叁佰肆拾伍圆陆角") == D("12345.60")
    assert chinese_upper_to_amount("拾元整") == D("10")
    assert chinese_upper_to_amount("伍角") == D("0.50")
    assert chinese_upper_to_amount("一万两千元") == D("12000")
    assert amount_to_chinese_upper(D("5"), yuan="圆") == "伍圆整"
    with pytest.raises(ValueError, match="fen"):
        amount_to_chinese_upper(D("1.005"))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_chinese_uppercase_round_trip(cents: int) -> None:
    value = D(cents).scaleb(-2)
    assert chinese_upper_to_amount(amount_to_chinese_upper(value)) == value


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(10**13), max_value=10**13), st.sampled_from([(",", "."), (".", ","), (" ", ","),
                                                                           ("'", "."), ("", ".")]),
       st.sampled_from(["", "¥", "USD ", "EUR "]))
def test_format_then_parse_amount(cents: int, seps: tuple[str, str], prefix: str) -> None:
    value = D(cents).scaleb(-2)
    thousands, decimal = seps
    text = prefix + format_amount(value, thousands=thousands, decimal=decimal)
    assert parse_amount(text, decimal_comma=decimal == ",") == value


@pytest.mark.parametrize("text", ["2026年3月15日", "2026 年 03 月 15 日", "2026-03-15", "2026/3/15", "2026.03.15",
                                  "15/03/2026", "03/15/2026", "Mar 15, 2026", "March 15th, 2026", "15 March 2026",
                                  "15-Mar-2026", "15.03.2026", "20260315", "二〇二六年三月十五日",
                                  "2026-03-15 14:02:11", "开票日期：2026年03月15日", "Date: Mar. 15, 2026"])
def test_dates_as_printed(text: str) -> None:
    assert parse_date(text) == date(2026, 3, 15)


def test_ambiguous_dates_follow_the_hint_and_are_flagged() -> None:
    assert parse_date("03/04/2026", dayfirst=True) == date(2026, 4, 3)
    assert parse_date("03/04/2026", dayfirst=False) == date(2026, 3, 4)
    with pytest.raises(AmbiguousDateError):
        parse_date("03/04/2026", dayfirst=None)
    field = read_date("03/04/2026", dayfirst=False)
    assert field.value == date(2026, 3, 4) and field.confidence < 0.9 and field.warnings
    assert read_date("2026-03-04").confidence == 1.0


@pytest.mark.parametrize("text", ["2026-02-30", "31/04/2026", "20261315", "someday", "", "13/13/2026"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%Y年%m月%d日", "%Y/%m/%d", "%d/%m/%Y", "%b %d, %Y", "%d %B %Y", "%Y%m%d",
                        "%d-%b-%Y", "%d.%m.%Y"]))
def test_format_then_parse_date(value: date, fmt: str) -> None:
    assert parse_date(value.strftime(fmt), dayfirst=True) == value


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_month_first_dates_with_the_hint(value: date) -> None:
    assert parse_date(value.strftime("%m/%d/%Y"), dayfirst=False) == value


def test_uscc() -> None:
    body = "91310000MA1FL4XQ8"
    code = body + uscc_check_char(body)
    assert parse_uscc(f"统一社会信用代码：{code.lower()}") == code
    wrong = body + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ValueError, match="check digit"):
        parse_uscc(wrong)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_uscc_check_digit_property(body: str) -> None:
    code = body + uscc_check_char(body)
    assert parse_uscc(" ".join([code[:6], code[6:]])) == code


def test_invoice_numbers() -> None:
    assert parse_vat_invoice_number("发票号码：26322000000012345678") == "26322000000012345678"
    assert parse_vat_invoice_number("No 01234567") == "01234567"
    assert parse_vat_invoice_code("发票代码: 3100231130") == "3100231130"
    assert parse_vat_invoice_code("031002300111") == "031002300111"
    with pytest.raises(ValueError, match="20"):
        parse_vat_invoice_number("123456789")
    with pytest.raises(ValueError):
        parse_vat_invoice_code("12345")
    assert parse_document_number("Invoice No.: ci-2026-0042") == "CI-2026-0042"
    with pytest.raises(ValueError, match="document number"):
        parse_document_number("No.: ??")
    assert parse_document_number("No.: ci-2026-0042") == "CI-2026-0042"


def test_bank_accounts_and_iban() -> None:
    assert parse_bank_account("6222 0212-3456 7890 123") == "622202123456789012 3".replace(" ", "")
    assert parse_bank_account("账号：1001 2345 6789 0123 456") == "1001234567890123456"
    assert parse_bank_account("GB82 WEST 1234 5698 7654 32") == "GB82WEST12345698765432"
    assert check_iban("DE89370400440532013000") == "DE89370400440532013000"
    with pytest.raises(ValueError, match="mod-97"):
        check_iban("DE89370400440532013001")
    with pytest.raises(ValueError, match="masked"):
        parse_bank_account("6222****1234")
    assert parse_bank_account("6222****1234", allow_masked=True) == "6222****1234"
    with pytest.raises(ValueError):
        parse_bank_account("12ab")


def test_currencies() -> None:
    assert parse_currency("rmb") == "CNY"
    assert parse_currency("人民币") == "CNY"
    assert parse_currency("US$") == "USD"
    assert parse_currency("€") == "EUR"
    with pytest.raises(ValueError, match="unknown currency"):
        parse_currency("XYZ")
    assert find_currency("Total amount: USD 1,200.00") == "USD"
    assert find_currency("合计 ¥ 1,200.00") == "CNY"
    assert find_currency("All goods") is None
    # the data file's dollar signs win over the bare ``$`` (they were compiled out of the pattern: USD)
    assert [find_currency(t) for t in ("R$ 1.234,50", "RD$ 5,000.00", "MOP$ 300.00")] == ["BRL", "DOP", "MOP"]


def test_read_field() -> None:
    field = read_field("amount", "¥1,234.50", confidence=0.95)
    assert field.value == D("1234.50") and field.confidence == 0.95
    assert read_field("date", "03/04/2026", confidence=0.99).confidence == 0.6
    with pytest.raises(ValueError, match="no parser"):
        read_field("colour", "red")


def test_infer_dayfirst() -> None:
    from extractors.parse import infer_dayfirst

    assert infer_dayfirst(["03/04/2026", "25/03/2026"]) is True
    assert infer_dayfirst(["03/04/2026", "03/25/2026"]) is False
    assert infer_dayfirst(["03/04/2026", "2026-03-25"]) is None
    assert infer_dayfirst(["25/03/2026", "03/25/2026"]) is None  # contradicts itself
