"""Helpers shared by the document extractors: pick the first label value that parses, build records."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from extractors.documents.result import Fields
from extractors.layout import Layout, Value
from hub.errors import InputError, describe_validation_error

#: Confidence factor by where a value was found (right of its label is the usual place).
HOW = {"right": 1.0, "table": 1.0, "below": 0.97, "pattern": 0.85}

_LEADING_MARKS = re.compile(r"^[⊗ⓧ×Xx※*\s:：]+")


def pick(layout: Layout, fields: Fields, name: str, parser: Callable[[str], Any], *,
         key: str | None = None, values: list[Value] | None = None) -> Any:
    """Parse the candidates for ``name`` in order; keep the first that parses, with its confidence."""
    key = key or name
    cands = layout.candidates(name) if values is None else values
    for rank, v in enumerate(cands):
        try:
            value = parser(v.text)
        except (ValueError, ArithmeticError):
            continue
        if value is None or value == "":
            continue
        fields.set(key, value, v.confidence * HOW.get(v.how, 0.9) * (1.0 if rank == 0 else 0.95))
        return value
    return None


def text_value(text: str) -> str:
    """A name or free text as printed: blanks collapsed, leading label punctuation removed."""
    cleaned = " ".join(text.split()).strip(" :：;；,，")
    if not cleaned:
        raise ValueError("empty")
    return cleaned


def upper_words(text: str) -> str:
    """The 大写 amount as printed, without the ⓧ/⊗ mark and currency words before it."""
    cleaned = _LEADING_MARKS.sub("", text).strip()
    cleaned = re.sub(r"^(人民币|RMB|CNY)\s*", "", cleaned)
    if not cleaned:
        raise ValueError("empty")
    return cleaned


def percent(text: str) -> Decimal | None:
    """A tax rate: ``13%`` -> 0.13, ``免税``/``不征税`` -> 0 / None."""
    t = text.strip()
    if "免税" in t or t in ("0%", "0"):
        return Decimal("0")
    if "不征税" in t or "***" in t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", t)
    if not m:
        raise ValueError(f"{text!r} is not a tax rate")
    return (Decimal(m.group(1)) / 100).normalize()


def build(cls: type, data: dict[str, Any], source: str | None):
    """Construct a record; a validation failure becomes an :class:`InputError` naming fields and values."""
    try:
        return cls(**data)
    except ValidationError as exc:
        raise InputError(f"could not read a valid {cls.__name__}: {describe_validation_error(exc)}",
                         source=source) from None


def amount_eq(a: Decimal | None, b: Decimal | None, tol: Decimal = Decimal("0.01")) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol
