"""Files that came in: what they were, what became of them, and the quarantine."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from hub.records.base import Record

FileStatus = Literal["received", "stored", "needs_review", "quarantined"]
#: What each status means, for people (Chinese first).
FILE_STATUS_LABELS = {
    "received": "已接收 received",
    "stored": "已入库 stored",
    "needs_review": "待复核 needs review",
    "quarantined": "已隔离 quarantined",
}


class FieldSource(Record):
    """Where a field's value was read on its document, and how sure the reader is (0-1)."""

    KIND = "field_source"

    confidence: float = Field(ge=0, le=1)
    page: int | None = Field(default=None, ge=1)
    box: tuple[float, float, float, float] | None = Field(
        default=None, description="x0, y0, x1, y1 on the page, top-left origin, in the page's unit")
    text: str | None = Field(default=None, description="The text the value was read from")
    learned: str | None = Field(default=None, description="Set when the value was read where a reviewer's "
                                "correction taught this issuer prints it (hub/layouts.py): how it was found")
    computed_from: list[str] | None = Field(default=None, description="The fields a value printed nowhere was "
                                            "computed from (a packing list's total: its line cells, lines[0].cartons ...)")


def field_sources(confidence: dict[str, float], sources: dict[str, FieldSource]) -> dict[str, FieldSource]:
    """Every field with a confidence (rounded to 3 places), with where it was read when known."""
    out = {}
    for name, conf in sorted(confidence.items()):
        src = sources.get(name)
        out[name] = (src.model_copy(update={"confidence": round(conf, 3)}) if src
                     else FieldSource(confidence=round(conf, 3)))
    return out


class PageInfo(Record):
    """A page of a document as the reader saw it: size in its unit (pt for PDF text, px for scans)."""

    KIND = "page_info"

    number: int = Field(ge=1)
    width: float = Field(ge=0)
    height: float = Field(ge=0)
    unit: Literal["pt", "px"] = "pt"
    rotation: int = Field(default=0, description="Clockwise degrees the scan was turned to read it upright")
    image: str | None = Field(default=None, description="The page's image file (scans), else None")


class RowWarning(Record):
    """A row of a spreadsheet or statement that could not be read: every other row was imported."""

    KIND = "row_warning"

    row: int | None = Field(default=None, description="1-based row (line) number in the file")
    column: str | None = Field(default=None, description="The column's header as printed")
    cell: str | None = Field(default=None, description="The cell's text")
    reason: str = Field(min_length=1)
    sheet: str | None = None

    def describe(self) -> str:
        """``row 12, column 金额 '131.77(x)': reason`` as one line."""
        parts = [p for p in (f"sheet {self.sheet!r}" if self.sheet else None,
                             f"row {self.row}" if self.row is not None else None,
                             f"column {self.column}" if self.column else None) if p]
        where = ", ".join(parts)
        cell = f" {self.cell!r}" if self.cell not in (None, "") else ""
        return f"{where}{cell}: {self.reason}" if where or cell else self.reason


class SourceFile(Record):
    """A file dropped in, downloaded or scraped, identified by its content hash.

    ``needs_review`` files were read, and their records stored, but some field could not be found or
    is doubtful (``review_fields``), or some row could not be read (``row_warnings``): a person looks
    before anything relies on them.
    """

    KIND = "source_file"
    KEY_FIELDS = ("sha256",)

    sha256: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")
    path: str = Field(min_length=1, description="Where it was read from")
    kind: str = Field(default="unknown", description="invoice, receipt, statement, orders, packing-list ...")
    status: FileStatus = "received"
    quarantine_reason: str | None = None
    size_bytes: int = Field(default=0, ge=0)
    received_at: datetime | None = None
    record_keys: list[str] = Field(default_factory=list, description="kind:natural key of what it produced")
    review_fields: list[str] = Field(default_factory=list, description="Fields missing or under the threshold")
    warnings: list[str] = Field(default_factory=list, description="Cross-check failures found on reading")
    row_warnings: list[RowWarning] = Field(default_factory=list)
    fields: dict[str, FieldSource] = Field(default_factory=dict, description="Per field: confidence and where")
    pages: list[PageInfo] = Field(default_factory=list)
    ocr: bool = False

# The customs declaration (报关单) record: ``hub.records.declaration.Declaration``.
