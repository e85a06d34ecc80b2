"""Proposed and decided matches between money received and what it pays."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from hub.records.base import Amount, Currency, Record

MatchStatus = Literal["auto", "review", "unmatched", "confirmed", "rejected"]


class Allocation(Record):
    """Part of a payment applied to one invoice or order."""

    KIND = "allocation"

    target_kind: Literal["invoice", "order"]
    target_key: str = Field(min_length=1, description="Natural key of the invoice or order")
    target_label: str | None = Field(default=None, description="What a clerk recognises: the invoice number")
    amount: Amount
    currency: Currency = "CNY"
    target_amount: Amount | None = Field(
        default=None, description="What it settles in the target's currency, when that differs (FX)")


class WriteOff(Record):
    """A difference closed without money: bank fee, rounding, FX difference."""

    KIND = "write_off"

    amount: Amount
    currency: Currency = "CNY"
    reason_code: str = Field(min_length=1, description="BANK_FEE, ROUNDING, FX_DIFF ...")
    note: str = ""
    target_key: str | None = Field(default=None, description="The invoice or order whose difference it closes")


class Candidate(Record):
    """One proposal for a payment, with its score and why."""

    KIND = "candidate"

    allocations: list[Allocation] = Field(min_length=1)
    write_offs: list[WriteOff] = Field(default_factory=list)
    score: float = Field(ge=0, le=1)
    breakdown: dict[str, float] = Field(default_factory=dict, description="amount, reference, name, date")
    reason: str = ""
    customer_code: str | None = None


class Match(Record):
    """The outcome for one payment (receipt or statement line): auto, review, unmatched or decided."""

    KIND = "match"
    KEY_FIELDS = ("payment_kind", "payment_key")

    payment_kind: Literal["receipt", "statement_line"]
    payment_key: str = Field(min_length=1)
    payment_amount: Amount
    currency: Currency = "CNY"
    status: MatchStatus
    allocations: list[Allocation] = Field(default_factory=list)
    write_offs: list[WriteOff] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list, description="Ranked, best first")
    score: float = Field(default=0, ge=0, le=1)
    breakdown: dict[str, float] = Field(default_factory=dict)
    reason: str = ""
    customer_code: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None

    @property
    def allocated(self) -> Decimal:
        """What the allocations and write-offs apply, in the payment currency."""
        return sum((a.amount for a in self.allocations), Decimal("0"))

    @model_validator(mode="after")
    def _not_over_allocated(self) -> Match:
        same_ccy = [a.amount for a in self.allocations if a.currency == self.currency]
        if len(same_ccy) == len(self.allocations) and sum(same_ccy, Decimal("0")) > self.payment_amount:
            raise ValueError(
                f"allocations {sum(same_ccy, Decimal('0'))} exceed the payment {self.payment_amount}"
            )
        if self.status in ("confirmed",) and not self.decided_by:
            raise ValueError("a confirmed match needs decided_by")
        return self
