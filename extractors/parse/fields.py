"""A parsed value with its confidence, and a uniform way to call any field parser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ParsedField(Generic[T]):
    """A value read from a document: how sure the parser is (0-1), the raw text, and any warnings."""

    value: T
    confidence: float = 1.0
    raw: str = ""
    warnings: tuple[str, ...] = ()


def _parsers() -> dict[str, Callable[..., Any]]:
    from extractors import parse

    return {
        "amount": parse.parse_amount, "money": parse.parse_money, "date": parse.parse_date,
        "uscc": parse.parse_uscc, "vat_invoice_number": parse.parse_vat_invoice_number,
        "vat_invoice_code": parse.parse_vat_invoice_code, "document_number": parse.parse_document_number,
        "bank_account": parse.parse_bank_account, "currency": parse.parse_currency,
        "chinese_upper": parse.chinese_upper_to_amount,
    }


def read_field(kind: str, text: str, *, confidence: float = 1.0, **hints: Any) -> ParsedField[Any]:
    """Parse ``text`` as a field of ``kind`` (amount, money, date, uscc, vat_invoice_number, ...).

    ``confidence`` is the source's own (e.g. the OCR score); ambiguity lowers it. Raises ``ValueError``.
    """
    parsers = _parsers()
    if kind == "date":
        from extractors.parse.dates import read_date

        field = read_date(text, **hints)
        return ParsedField(field.value, min(confidence, field.confidence), str(text), field.warnings)
    if kind not in parsers:
        raise ValueError(f"no parser for field kind {kind!r} (known: {', '.join(sorted(parsers))})")
    return ParsedField(parsers[kind](text, **hints), confidence, str(text))
