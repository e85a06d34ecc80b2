"""Field parsers on how invoices from other countries print dates, amounts, currencies and numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from extractors.documents.invoice_header import _number_token, amount_tokens, decimal_mark
from extractors.parse import AmbiguousDateError, parse_amount, parse_date
from extractors.parse.amounts import english_words_to_amount
from extractors.parse.currencies import currency_mentions, resolve_currency


@pytest.mark.parametrize("text", [
    "August 3 , 2014", "Aug 3, 2014", "3 août 2014", "3 AOÛT 2014", "3. August 2014", "3 de agosto de 2014",
    "3 agosto 2014", "3 augustus 2014", "03.08.2014", "2014-08-03", "03-Aug-14", "Invoice Date: August 3rd, 2014",
    "03 août 2014", "3 aout 2014",
])
def test_dates_in_six_languages(text: str) -> None:
    assert parse_date(text, dayfirst=None) == date(2014, 8, 3)


@pytest.mark.parametrize("text, expected", [
    ("1er mars 2024", date(2024, 3, 1)), ("17 mei 2024", date(2024, 5, 17)), ("3. März 2024", date(2024, 3, 3)),
    ("12 dicembre 2023", date(2023, 12, 12)), ("5 de enero de 2025", date(2025, 1, 5)), ("Dec 31, 2025", date(2025, 12, 31)),
])
def test_month_names(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_numeric_day_month_order_is_asked_for_when_ambiguous() -> None:
    with pytest.raises(AmbiguousDateError):
        parse_date("03/08/2014", dayfirst=None)
    assert parse_date("03/08/2014", dayfirst=True) == date(2014, 8, 3)
    assert parse_date("03/08/2014", dayfirst=False) == date(2014, 3, 8)
    assert parse_date("25/08/2014", dayfirst=False) == date(2014, 8, 25)  # reads only one way


@pytest.mark.parametrize("text, comma, expected", [
    ("1.234,56", True, "1234.56"), ("1,234.56", False, "1234.56"), ("1 234,56", True, "1234.56"),
    ("1\u202f234,56 €", True, "1234.56"), ("1'234.56", False, "1234.56"), ("€ 3,305.00", None, "3305.00"),
    ("2.975,00 €", None, "2975.00"), ("₹ 2000.00", None, "2000.00"), ("Rs. 2,000.00", None, "2000.00"),
    ("US$ 12,000.00", None, "12000.00"), ("HK$1,250.50", None, "1250.50"), ("CHF 1'250.50", None, "1250.50"),
    ("1.234", True, "1234"), ("1.234", False, "1.234"),
])
def test_amounts_with_either_decimal_mark_and_any_sign(text: str, comma: bool | None, expected: str) -> None:
    assert parse_amount(text, decimal_comma=comma) == Decimal(expected)


def test_a_document_decimal_mark_comes_from_its_amounts() -> None:
    assert decimal_mark(["Nettobetrag 2.500,00 €", "MwSt. 19 % 475,00 €", "Datum 03.08.2014"]) is True
    assert decimal_mark(["Subtotal 1,250.00", "Tax 0.00"]) is False
    assert decimal_mark(["Qty 3"]) is None


def test_amount_tokens_leave_rates_out() -> None:
    assert amount_tokens("VAT @ 20%   £170.00") == ["170.00"]
    assert amount_tokens("MwSt. 19 %  475,00 €") == ["475,00"]
    assert amount_tokens("Total (incl. VAT) 1 020,50") == ["1 020,50"]
    assert amount_tokens("TOTAL AMOUNT DUE ON August 3 , 2014   $4.11") == ["4.11"]
    assert amount_tokens("Zahlbar bis 02.09.2024: 1.190,00 €") == ["1.190,00"]


@pytest.mark.parametrize("text, code", [
    ("US$ 4.11", "USD"), ("USD 4.11", "USD"), ("€ 1.234,56", "EUR"), ("1.234,56 EUR", "EUR"), ("£850.00", "GBP"),
    ("₹ 2000.00", "INR"), ("HK$ 10", "HKD"), ("S$ 10", "SGD"), ("A$ 10", "AUD"), ("C$ 10", "CAD"),
    ("CHF 10", "CHF"), ("JPY 100", "JPY"), ("100円", "JPY"), ("人民币 100元", "CNY"), ("CNY 100", "CNY"),
])
def test_printed_currency(text: str, code: str) -> None:
    assert resolve_currency(currency_mentions(text))[0] == code


def test_shared_signs_need_a_context() -> None:
    assert resolve_currency(currency_mentions("$4.11"))[0] is None  # which dollar?
    assert resolve_currency(currency_mentions("$4.11"), "USD")[0] == "USD"
    assert resolve_currency(currency_mentions("$4.11"), "HKD")[0] == "HKD"
    assert resolve_currency(currency_mentions("$4.11"), "EUR")[0] is None  # a euro issuer's $ is still unknown
    assert resolve_currency(currency_mentions("¥ 300"))[0] is None
    # ``Rs.`` is the Indian, the Pakistani, the Sri Lankan or the Nepalese rupee: the issuer's country tells
    assert resolve_currency(currency_mentions("Rs. 2,000"))[0] is None
    assert resolve_currency(currency_mentions("Rs. 2,000"), "INR")[0] == "INR"
    assert resolve_currency(currency_mentions("Rs. 885,000.00"), "PKR")[0] == "PKR"
    assert resolve_currency(currency_mentions("¥ 300"), None, ("CNY",))[0] == "CNY"
    assert resolve_currency(currency_mentions("¥ 300"), "JPY")[0] == "JPY"
    code, conf, _ = resolve_currency([], "INR")  # nothing printed: the issuer's country, below review threshold
    assert code == "INR" and conf < 0.9
    assert resolve_currency([])[0] is None


@pytest.mark.parametrize("text, expected", [
    ("Say: EURO THREE THOUSAND THREE HUNDRED AND FIVE ONLY", "3305.00"),
    ("US Dollars Four and Cents Eleven Only", "4.11"),
    ("SAY US DOLLARS TWELVE THOUSAND FOUR HUNDRED FIFTY-SIX AND CENTS SEVENTY EIGHT ONLY", "12456.78"),
    ("one thousand two hundred and 50/100 dollars", "1200.50"),
    ("Rupees One Lakh Twenty Thousand and Fifty Paise Only", "120000.50"),
])
def test_amounts_in_english_words(text: str, expected: str) -> None:
    assert english_words_to_amount(text) == Decimal(expected)


def test_no_amount_in_words_is_an_error() -> None:
    with pytest.raises(ValueError):
        english_words_to_amount("Thank you for your business")


@pytest.mark.parametrize("text, expected", [
    ("54879211", "54879211"), ("# FAAAEO1500123456", "FAAAEO1500123456"), ("No. BDS-2031", "BDS-2031"),
    ("with your payment", None), ("WITHYOUR", None), ("03/08/2014", None), ("INV 2024001", "INV2024001"),
])
def test_invoice_numbers_hold_a_digit_and_are_no_words(text: str, expected: str | None) -> None:
    assert _number_token(text) == expected
