"""Turning the text a portal shows into field values, as a profile's ``[values]`` table says: dates,
amounts (thousands separators, currency codes and symbols), whole numbers, yes/no words, status labels."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


class ValueProblem(ValueError):
    """A text that does not read as the field's type."""


def convert(field: str, text: str, values: dict[str, Any]) -> Any:
    """The value of ``field`` from the shown ``text`` (None for the profile's empty markers)."""
    text = " ".join(text.split())
    if text in values.get("empty", ("",)):
        return None
    kind = values.get("types", {}).get(field, "text")
    if kind == "text":
        return text
    if kind == "date":
        m = _DATE.search(text)
        if not m:
            raise ValueProblem(f"{field}: {text!r} is not a date")
        return date(int(m[1]), int(m[2]), int(m[3]))
    if kind in ("decimal", "money"):
        m = _NUMBER.search(text.replace("，", ","))
        if not m:
            raise ValueProblem(f"{field}: {text!r} is not a number")
        try:
            return Decimal(m[0].replace(",", ""))
        except InvalidOperation as exc:
            raise ValueProblem(f"{field}: {text!r} is not a number") from exc
    if kind == "int":
        if not text.strip().isdigit():
            raise ValueProblem(f"{field}: {text!r} is not a whole number")
        return int(text)
    if kind in ("bool", "status"):
        table = values.get(kind, {})
        if text not in table:
            raise ValueProblem(f"{field}: {text!r} is not one of {sorted(table)}")
        return table[text]
    raise ValueProblem(f"{field}: unknown value type {kind!r} in the profile")
