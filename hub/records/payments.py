"""Money in: bank e-receipts (电子回单) and bank statement lines."""

from __future__ import annotations

from pydantic import Field

from hub.records.base import Amount, Currency, IsoDate, Money, PartialRecord, Record


class BankReceipt(PartialRecord):
    """A bank electronic receipt (电子回单) for one transfer. Fields the document did not show are None
    (see :meth:`missing`)."""

    KIND = "receipt"
    KEY_FIELDS = ("bank", "transaction_id")
    REQUIRED = ("bank", "transaction_id", "value_date", "payer_name", "amount", "currency")

    bank: str | None = Field(default=None, min_length=1, description="The bank that issued the receipt")
    receipt_no: str | None = Field(default=None, description="回单编号")
    transaction_id: str | None = Field(default=None, min_length=1, description="交易流水号")
    value_date: IsoDate | None = None
    payer_name: str | None = Field(default=None, min_length=1)
    payer_account: str | None = None
    payer_bank: str | None = None
    payee_name: str | None = None
    payee_account: str | None = None
    payee_bank: str | None = None
    amount: Amount | None = None
    currency: Currency | None = "CNY"
    amount_in_words: str | None = None
    memo: str = Field(default="", description="用途 / 附言 / 摘要")
    warnings: list[str] = Field(default_factory=list)


class StatementLine(Record):
    """One transaction on a bank statement. ``amount`` is signed: positive is money in."""

    KIND = "statement_line"
    KEY_FIELDS = ("bank", "account", "transaction_id")

    bank: str = Field(min_length=1)
    account: str = Field(default="", description="Our account the statement is for")
    transaction_id: str = Field(min_length=1, description="The bank's id, or a stable hash of the line")
    booking_date: IsoDate
    value_date: IsoDate | None = None
    amount: Money
    currency: Currency | None = Field(default="CNY", description="None when the file prints no currency (needs review)")
    counterparty_name: str = ""
    counterparty_account: str | None = None
    counterparty_bank: str | None = None
    description: str = ""
    reference: str | None = None
    balance: Money | None = None
    source_line: int | None = Field(default=None, description="Line or row in the statement file")
