"""Records read partly from a document (fields left for a person) wait for review before matching."""

from __future__ import annotations

from hub.records import Record

#: What a record read from a document must hold before money or goods can be matched on it.
MATCH_FIELDS = {"receipt": ("amount", "value_date", "currency"), "invoice": ("total", "issue_date", "currency")}


def unusable(record: Record) -> str | None:
    """Why a partly read receipt or invoice cannot take part in matching (None: it can)."""
    missing = [n for n in MATCH_FIELDS.get(record.KIND, ()) if getattr(record, n, None) is None]
    if not missing:
        return None
    return f"needs review: {', '.join(missing)} not read from the document"
