"""What a statement import returns, and the stable line ids shared by every format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
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
    """Unique, re-import-stable transaction ids within one file: the bank's id where it is unique,
    else a hash of the line's content; repeats get ``~2``, ``~3`` in file order."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, bank_id: str | None, *content: object) -> str:
        base = (bank_id or "").strip() or line_id(*content)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}~{count}"


def line_id(*content: object) -> str:
    """A stable id from a line's content (date, amount, counterparty, text ...): ``h:`` + 16 hex."""
    text = "\x1f".join("" if c is None else str(c) for c in content)
    return "h:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
