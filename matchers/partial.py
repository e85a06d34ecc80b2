"""Records read partly from a document (fields left for a person) wait for review before matching; fields
read with low confidence are no ground for an automatic match."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from hub.records import Record

#: What a record read from a document must hold before money or goods can be matched on it.
MATCH_FIELDS = {"receipt": ("amount", "value_date", "currency"), "invoice": ("total", "issue_date", "currency"),
                # an export that prints no currency (QIF, some bank csv) leaves its lines' currency empty
                "statement_line": ("currency",)}


def unusable(record: Record) -> str | None:
    """Why a partly read receipt, invoice or statement line cannot take part in matching (None: it can)."""
    missing = [n for n in MATCH_FIELDS.get(record.KIND, ()) if getattr(record, n, None) is None]
    if not missing:
        return None
    return f"needs review: {', '.join(missing)} not read from the document"


def unsure_fields(files: Collection[object]) -> dict[str, frozenset[str]]:
    """Natural key of each record -> the fields its file left for review (``SourceFile.review_fields`` of
    files in the ``needs_review`` state; ``record_keys`` are ``kind:natural key``)."""
    out: dict[str, frozenset[str]] = {}
    for sf in files:
        fields = frozenset(getattr(sf, "review_fields", ()) or ())
        if getattr(sf, "status", None) != "needs_review" or not fields:
            continue
        for ref in getattr(sf, "record_keys", ()) or ():
            out[ref.split(":", 1)[1] if ":" in ref else ref] = fields
    return out


def unsure_from_store(store: object) -> Mapping[str, frozenset[str]]:
    """:func:`unsure_fields` of every source file in a ``hub.store.Store``."""
    from hub.records import SourceFile

    return unsure_fields(store.all(SourceFile))  # type: ignore[attr-defined]
