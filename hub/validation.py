"""Checks shared by every record: tax ids, currencies, money and dates.

Each check raises ``ValueError`` with a message that names the value and the reason; pydantic adds the
field name, and :func:`hub.errors.describe_validation_error` turns both into one readable line.
"""

from __future__ import annotations

import csv
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources

# GB 32100-2015: the 18-character unified social credit code (统一社会信用代码).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a USCC."""
    total = 0
    for ch, weight in zip(first17, USCC_WEIGHTS, strict=True):
        idx = USCC_ALPHABET.find(ch)
        if idx < 0:
            raise ValueError(f"{ch!r} is not allowed in a unified social credit code")
        total += idx * weight
    return USCC_ALPHABET[(31 - total % 31) % 31]


def normalize_uscc(value: str) -> str:
    """Upper-case, half-width, no blanks: the canonical form of a USCC as printed on documents."""
    return unicodedata.normalize("NFKC", value).replace(" ", "").replace("-", "").upper()


def check_uscc(value: str) -> str:
    """Return the canonical USCC or raise ``ValueError`` naming what is wrong with it."""
    code = normalize_uscc(value)
    if len(code) != 18:
        raise ValueError(f"unified social credit code {value!r} has {len(code)} characters, not 18")
    bad = [ch for ch in code if ch not in USCC_ALPHABET]
    if bad:
        raise ValueError(f"unified social credit code {value!r} contains {bad[0]!r}, which is not allowed")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise ValueError(
            f"unified social credit code {value!r} has a wrong check digit {code[17]!r} (expected {expected!r})"
        )
    return code


def looks_like_uscc(value: str) -> bool:
    """True for an 18-character value from the USCC alphabet (whether or not its check digit is right)."""
    code = normalize_uscc(value)
    return len(code) == 18 and all(ch in USCC_ALPHABET for ch in code)


@cache
def currencies() -> dict[str, int]:
    """ISO 4217 codes with their minor units, from ``hub/data/currencies.csv``."""
    text = resources.files("hub").joinpath("data/currencies.csv").read_text(encoding="utf-8")
    return {row["code"]: int(row["minor_units"]) for row in csv.DictReader(text.splitlines())}


CURRENCY_ALIASES = {"RMB": "CNY", "CNH": "CNY", "¥": "CNY", "￥": "CNY", "人民币": "CNY", "美元": "USD",
                    "欧元": "EUR", "US$": "USD", "$": "USD", "€": "EUR", "日元": "JPY", "港币": "HKD",
                    "英镑": "GBP"}


def check_currency(value: str) -> str:
    """Return the ISO 4217 code for a currency (``RMB`` and ``人民币`` are CNY) or raise ``ValueError``."""
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    code = CURRENCY_ALIASES.get(raw, CURRENCY_ALIASES.get(raw.upper(), raw.upper()))
    if code not in currencies():
        raise ValueError(f"unknown currency {value!r} (expected an ISO 4217 code such as CNY, USD, EUR)")
    return code


def to_decimal(value: object) -> Decimal:
    """A finite ``Decimal`` from a Decimal, int or string; floats are refused (money is never float)."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not an amount")
    if isinstance(value, float):
        raise ValueError(f"{value!r} is a float; pass money as Decimal or a string")
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{value!r} is not a number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


def money_tolerance(currency: str = "CNY") -> Decimal:
    """The rounding tolerance for one amount in a currency: one unit of its smallest coin."""
    return Decimal(1).scaleb(-currencies().get(currency, 2))


def check_iso_date(value: object) -> date:
    """A ``date`` from a date or an ISO string (YYYY-MM-DD); other spellings belong to the extractors."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise ValueError(f"{value!r} is not a date")
