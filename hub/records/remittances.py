"""A payer's remittance advice (付款通知书, Payment advice, Zahlungsavis, Avis de paiement): the customer's letter
saying "we pay you X, covering invoices A, B, C less deductions". Not money itself (the bank's receipt or
statement line is), but the list the matcher splits that money over (``matchers.advices``)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from hub.records.base import Amount, Currency, IsoDate, Money, PartialRecord, Record


class RemittanceLine(Record):
    """One invoice an advice pays: its number, what the payer pays on it, and what it deducts and why."""

    KIND = "remittance_line"

    line_no: int = Field(ge=1)
    invoice_number: str | None = Field(default=None, min_length=1, description="None when it could not be read")
    invoice_date: IsoDate | None = None
    invoice_amount: Money | None = Field(default=None, description="The invoice's amount as the payer prints it")
    deduction: Money | None = Field(default=None, description="What the payer takes off (discount, fee, claim)")
    deduction_reason: str | None = Field(default=None, description="Why, as printed (Skonto, 质量扣款 ...)")
    deduction_code: str | None = Field(default=None, description="bank_fee, discount, short_payment, other")
    amount_paid: Money | None = Field(default=None, description="What this advice pays on the invoice")
    note: str = ""


class RemittanceAdvice(PartialRecord):
    """A payer's remittance advice. Its key is the payer and the payer's reference; read without them, the
    file it came from (``file:<sha256>``). ``lines`` should sum to ``total`` (a disagreement is a warning)."""

    KIND = "remittance"
    KEY_FIELDS = ("payer_name", "reference")
    REQUIRED = ("payer_name", "reference", "payment_date", "total", "currency")

    payer_name: str | None = Field(default=None, min_length=1, description="Who pays (the customer)")
    reference: str | None = Field(default=None, min_length=1, description="The payer's reference of the payment")
    payment_date: IsoDate | None = None
    total: Amount | None = Field(default=None, description="What the advice says is paid in all")
    currency: Currency | None = Field(default=None, description="None when the advice prints none (needs review)")
    payee_name: str | None = None
    lines: list[RemittanceLine] = Field(default_factory=list)
    deduction: Money | None = Field(default=None, description="What the payer takes off the whole payment, printed "
                                    "under the lines (``Less: bank charges -20.00``)")
    deduction_reason: str | None = Field(default=None, description="Why, as printed")
    deduction_code: str | None = Field(default=None, description="bank_fee, discount, short_payment, other")
    warnings: list[str] = Field(default_factory=list)

    @property
    def lines_paid(self) -> Decimal:
        """What the lines pay together."""
        return sum((ln.amount_paid for ln in self.lines if ln.amount_paid is not None), Decimal("0"))

    @property
    def net_paid(self) -> Decimal:
        """What the lines pay less the deduction printed for the whole payment: the advice's total."""
        return self.lines_paid - (self.deduction or Decimal("0"))
