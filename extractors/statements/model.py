"""What a statement import returns, and the stable line ids shared by every format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from hub.records import RowWarning, StatementLine


@dataclass
class StatementImport:
    """The lines of one statement file, with what the importer could not take as given."""

    source: str
    format: str  # "table", "pdf", "mt940", "camt053", "bai2", "ofx" or "qif"
    bank: str
    account: str
    lines: list[StatementLine] = field(default_factory=list)
    #: how sure the column/field mapping is, per StatementLine field (0-1)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: rows deliberately not imported (closed trades, totals), with the reason
    skipped: list[str] = field(default_factory=list)
    #: rows that could not be read (file, row, column, cell, reason); every other row was imported
    row_warnings: list[RowWarning] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary plus every line's payload."""
        return {"format": self.format, "bank": self.bank, "account": self.account,
                "records": [line.payload() for line in self.lines],
                "confidence": {k: round(v, 3) for k, v in sorted(self.confidence.items())},
                "warnings": list(self.warnings), "skipped": list(self.skipped),
                "row_warnings": [w.payload() for w in self.row_warnings]}


class LineIds:
    """Unique, re-import-stable transaction ids within one file: the bank's id where it is unique, else
    :func:`line_id` of what the bank printed; repeats get ``~2``, ``~3`` in file order (the ordinal among
    the identical lines of that account and day)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, bank_id: str | None, account: str | None, booking: object, amount: object,
             balance: object = None) -> str:
        base = (bank_id or "").strip() or line_id(account, booking, amount, balance)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}~{count}"


#: the prefix of :func:`line_id`; ``h:`` was the hash of a line's content (its party and text too) before
LINE_ID_PREFIX = "k:"
LEGACY_PREFIX = "h:"


def line_id(account: object, booking: object, amount: object, balance: object = None) -> str:
    """A stable id from what the bank printed and no better parser reads otherwise: our account, the
    booking date, the signed amount and the balance after (where printed): ``k:`` + 16 hex. Never the
    party or the text, which a parser fix may read otherwise (a re-import would add the line again)."""
    day = booking.isoformat() if hasattr(booking, "isoformat") else str(booking or "")
    text = "\x1f".join((str(account or ""), day, _figure(amount), _figure(balance)))
    return LINE_ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _figure(value: object) -> str:
    """``100.00`` and ``100`` alike (a stored payload's text or a parsed Decimal)."""
    if value is None or value == "":
        return ""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)
