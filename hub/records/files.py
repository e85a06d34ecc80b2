"""Files that came in: what they were, what became of them, and the quarantine."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from hub.records.base import Record

FileStatus = Literal["received", "stored", "quarantined"]


class SourceFile(Record):
    """A file dropped in, downloaded or scraped, identified by its content hash."""

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

# The customs declaration (报关单) record: ``hub.records.declaration.Declaration``.
