"""Orders from every channel, and the deliveries (签收单) against them."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from hub.records.base import Amount, Currency, IsoDate, Quantity, Record

ORDER_STATUSES = (
    "received", "reviewed", "scheduled", "quality_passed", "shipped", "paid", "closed", "cancelled",
)
OrderStatus = Literal[
    "received", "reviewed", "scheduled", "quality_passed", "shipped", "paid", "closed", "cancelled"
]


def check_line_total(quantity: Decimal, unit_price: Decimal, amount: Decimal, what: str) -> None:
    """Raise ``ValueError`` unless ``amount`` equals ``quantity x unit_price`` within rounding.

    Rounding allowed: one cent on the amount plus half a unit of the unit price's last printed place
    for each unit (VAT invoices print unit prices to many places and round the amount).
    """
    exponent = unit_price.as_tuple().exponent
    price_step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    allowed = Decimal("0.01") + quantity * price_step / 2
    expected = quantity * unit_price
    if abs(expected - amount) > allowed:
        raise ValueError(
            f"{what}: amount {amount} does not equal quantity {quantity} x unit price {unit_price}"
            f" = {expected.quantize(Decimal('0.01'))}"
        )


class OrderLine(Record):
    """One line of an order: a product, how many, at what price."""

    KIND = "order_line"

    line_no: int = Field(ge=1)
    sku: str | None = None
    description: str = Field(min_length=1)
    quantity: Quantity
    unit: str = "个"
    unit_price: Amount
    amount: Amount

    @model_validator(mode="after")
    def _total(self) -> OrderLine:
        check_line_total(self.quantity, self.unit_price, self.amount, f"line {self.line_no}")
        return self


class RuleHit(Record):
    """A review rule that fired on an order: which rule, what it asks for, and the values it saw."""

    KIND = "rule_hit"

    rule: str = Field(min_length=1, description="The rule's id in the review rules file")
    action: str = Field(min_length=1, description="finance_review, technical_confirmation, freeze, ...")
    message: str = ""
    values: dict[str, str] = Field(default_factory=dict, description="The facts the rule compared, as text")


class Order(Record):
    """A customer order as it arrived through one channel (marketplace, web shop, dealer Excel ...)."""

    KIND = "order"
    KEY_FIELDS = ("channel", "external_id")

    channel: str = Field(min_length=1, description="marketplace, webshop, dealer, ...")
    external_id: str = Field(min_length=1, description="The order id in its channel")
    customer_code: str | None = Field(default=None, description="Resolved customer, when known")
    customer_name: str = Field(min_length=1, description="The buyer as the channel spells it")
    order_date: IsoDate
    promised_date: IsoDate | None = None
    currency: Currency = "CNY"
    lines: list[OrderLine] = Field(min_length=1)
    status: OrderStatus = "received"
    remarks: str = ""
    is_test: bool = Field(default=False, description="Marked as a test order by its channel")
    export: bool = Field(default=False, description="An export order (needs a customs declaration)")
    incoterm: str | None = None
    ship_to_country: str | None = None
    pi_number: str | None = Field(default=None, description="Proforma invoice number sent to the buyer")
    ship_to_address: str | None = None
    # Order desk state (optional, filled by hub.orderdesk): review rule hits, sign-offs and gate flags.
    rule_hits: list[RuleHit] = Field(default_factory=list, description="Review rules that fired, latest evaluation")
    approvals: list[str] = Field(default_factory=list, description="Review actions signed off (finance_review ...)")
    urgent: bool = Field(default=False, description="Reviewed first (A customers)")
    payment_confirmed: bool = False
    credit_approved: bool = Field(default=False, description="Shipping on credit approved")

    @property
    def total(self) -> Decimal:
        """Sum of the line amounts."""
        return sum((line.amount for line in self.lines), Decimal("0"))

    @model_validator(mode="after")
    def _lines_numbered_once(self) -> Order:
        numbers = [line.line_no for line in self.lines]
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"order {self.external_id}: line numbers repeat ({numbers})")
        if self.promised_date and self.promised_date < self.order_date:
            raise ValueError(
                f"order {self.external_id}: promised date {self.promised_date} is before the order date"
                f" {self.order_date}"
            )
        return self


class DeliveryLine(Record):
    """What was delivered against one order line."""

    KIND = "delivery_line"

    line_no: int = Field(ge=1)
    order_line_no: int | None = Field(default=None, ge=1)
    sku: str | None = None
    description: str = Field(min_length=1)
    quantity: Amount
    unit: str = "个"


class Delivery(Record):
    """A signed delivery note (签收单)."""

    KIND = "delivery"
    KEY_FIELDS = ("delivery_no",)

    delivery_no: str = Field(min_length=1)
    order_ref: str = Field(min_length=1, description="The order's external id as printed on the note")
    channel: str | None = None
    lines: list[DeliveryLine] = Field(min_length=1)
    shipped_date: IsoDate | None = None
    signed_date: IsoDate | None = None
    signer: str | None = None
    carrier: str | None = None
    tracking_no: str | None = None
