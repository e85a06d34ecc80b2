"""Converting amounts to CNY with bookkeeping rates kept as data (``data/rates.csv``)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from hub.errors import InputError
from hub.orderdesk.csvfile import read_csv_text
from hub.validation import check_currency, to_decimal

CENT = Decimal("0.01")


class Rates:
    """CNY per unit of each currency."""

    def __init__(self, per_unit: dict[str, Decimal], source: str) -> None:
        self.per_unit = per_unit
        self.source = source

    def to_cny(self, amount: Decimal, currency: str) -> Decimal:
        """``amount`` in ``currency`` as CNY (not rounded)."""
        if currency == "CNY":
            return amount
        rate = self.per_unit.get(currency)
        if rate is None:
            raise InputError(f"no CNY rate for {currency}; add a row '{currency},<CNY per unit>'",
                             source=self.source)
        return amount * rate

    def from_cny(self, amount: Decimal, currency: str) -> Decimal:
        """``amount`` CNY in ``currency`` (not rounded)."""
        return amount if currency == "CNY" else amount / self.to_cny(Decimal(1), currency)


def load_rates(path: str | Path | None = None) -> Rates:
    """Read rates from ``path`` (CSV: currency, cny_per_unit) or the package's ``data/rates.csv``."""
    text, source = read_csv_text(path, "rates.csv")
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"currency", "cny_per_unit"} <= set(reader.fieldnames):
        raise InputError("needs the columns currency and cny_per_unit", source=source)
    rates: dict[str, Decimal] = {"CNY": Decimal(1)}
    for row_no, row in enumerate(reader, start=2):
        try:
            code = check_currency(row["currency"] or "")
            rate = to_decimal(row["cny_per_unit"] or "")
        except ValueError as exc:
            raise InputError(f"line {row_no}: {exc}", source=source) from None
        if rate <= 0:
            raise InputError(f"line {row_no}: rate {rate} for {code} must be greater than zero", source=source)
        rates[code] = rate
    return Rates(rates, source)
