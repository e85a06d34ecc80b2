"""Record validation: each rejection names the field and the value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from hub.errors import describe_validation_error
from hub.records import BankReceipt, Customer, Invoice, InvoiceLine, Match, Order, OrderLine, StatementLine
from hub.validation import USCC_ALPHABET, check_uscc, uscc_check_char

# A real-format USCC: 91 (enterprise) + 310115 (Shanghai Pudong) + organisation code + check char.
BODY = "91310115MA1K3Y8B2"
VALID_USCC = BODY + uscc_check_char(BODY)


def _line(**kw: object) -> dict:
    base = {"line_no": 1, "description": "六角螺栓 M8x30 Hex bolt", "quantity": "100", "unit_price": "0.35",
            "amount": "35.00"}
    return base | kw


def _order(**kw: object) -> dict:
    base = {"channel": "webshop", "external_id": "WS20260315001", "customer_name": "苏州恒达精密机械有限公司",
            "order_date": "2026-03-15", "currency": "CNY", "lines": [_line()]}
    return base | kw


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return describe_validation_error(exc.value)


def test_valid_uscc_accepted_and_normalised() -> None:
    customer = Customer(code="C0001", name="苏州恒达精密机械有限公司", tax_id=" " + VALID_USCC.lower())
    assert customer.tax_id == VALID_USCC


def test_uscc_with_wrong_check_digit_rejected_naming_field_and_value() -> None:
    wrong = VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1")
    with pytest.raises(ValidationError) as exc:
        Customer(code="C0001", name="苏州恒达", tax_id=wrong)
    msg = _message(exc)
    assert "Customer.tax_id" in msg and wrong in msg and "check digit" in msg


def test_uscc_with_forbidden_letter_and_wrong_length() -> None:
    with pytest.raises(ValueError, match="not allowed"):
        check_uscc("91310115MA1K3Y8BI" + "0")  # I is never used in a USCC
    with pytest.raises(ValueError, match="17 characters"):
        check_uscc(BODY)


def test_foreign_tax_id_is_not_held_to_uscc_rules() -> None:
    assert Customer(code="C9", name="Nordic Fasteners AB", country="se", tax_id="SE556677889901").country == "SE"


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17))
def test_every_generated_uscc_validates(body: str) -> None:
    assert check_uscc(body + uscc_check_char(body)) == body + uscc_check_char(body)


def test_negative_quantity_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        Order(**_order(lines=[_line(quantity="-5", amount="-1.75")]))
    msg = _message(exc)
    assert "Order.lines.0.quantity" in msg and "-5" in msg


def test_line_total_must_equal_quantity_times_price() -> None:
    with pytest.raises(ValidationError) as exc:
        OrderLine(**_line(amount="36.00"))
    msg = _message(exc)
    assert "36.00" in msg and "100 x unit price 0.35" in msg


def test_line_total_allows_rounding_of_long_unit_prices() -> None:
    # VAT invoices print unit prices with many places; the amount is rounded to cents.
    line = InvoiceLine(line_no=1, description="*紧固件*螺栓", quantity="3", unit_price="12.38938053",
                       amount="37.17", tax_rate="0.13", tax="4.83")
    assert line.amount == Decimal("37.17")


def test_unknown_currency_rejected_and_aliases_accepted() -> None:
    with pytest.raises(ValidationError) as exc:
        Order(**_order(currency="RMBX"))
    assert "Order.currency" in _message(exc) and "RMBX" in _message(exc)
    assert Order(**_order(currency="人民币")).currency == "CNY"
    assert Order(**_order(currency="rmb")).currency == "CNY"


def test_money_is_never_float() -> None:
    with pytest.raises(ValidationError, match="float"):
        BankReceipt(bank="ICBC", transaction_id="T1", value_date="2026-03-16", payer_name="x", amount=1.1)


def test_dates_must_be_iso() -> None:
    with pytest.raises(ValidationError) as exc:
        Order(**_order(order_date="15/03/2026"))
    assert "Order.order_date" in _message(exc) and "ISO" in _message(exc)


def test_promised_date_before_order_date_rejected() -> None:
    with pytest.raises(ValidationError, match="before the order date"):
        Order(**_order(promised_date="2026-03-01"))


def test_natural_keys() -> None:
    order = Order(**_order())
    assert order.natural_key() == "webshop|WS20260315001"
    inv = Invoice(kind="cn_vat_e", number="26312000000012345678", issue_date="2026-03-20",
                  seller_name="宁波东方紧固件有限公司", seller_tax_id=VALID_USCC, buyer_name="苏州恒达",
                  net="100.00", tax="13.00", total="113.00")
    assert inv.natural_key() == f"{VALID_USCC}|26312000000012345678"
    line = StatementLine(bank="CMB", account="755900001", transaction_id="X1", booking_date="2026-03-20",
                         amount="-20.00")
    assert line.natural_key() == "CMB|755900001|X1" and line.amount < 0


def test_match_cannot_allocate_more_than_the_payment() -> None:
    with pytest.raises(ValidationError, match="exceed the payment"):
        Match(payment_kind="receipt", payment_key="ICBC|T1", payment_amount="100.00", status="auto",
              allocations=[{"target_kind": "invoice", "target_key": "a|1", "amount": "60.00"},
                           {"target_kind": "invoice", "target_key": "a|2", "amount": "40.01"}])


def test_payload_round_trips_decimals_as_strings() -> None:
    order = Order(**_order())
    payload = order.payload()
    assert payload["lines"][0]["unit_price"] == "0.35"
    assert Order.model_validate(payload) == order
