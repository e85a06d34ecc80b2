"""Where an issuer prints a field, learned from reviewers' corrections.

When a reviewer corrects a document's field by clicking its box on the page, :func:`hub.review.confirm_document`
records, per issuer (an invoice's seller tax id and seller name; a receipt's bank), the label the value
stood beside and the value's box as fractions of its page. The extractors read it back
(``extractors/documents/learned.py``): on the next document of that issuer a field missing or of low
confidence is read from the learned label (or, less surely, the learned position); a field whose confident
reading the correction overruled is read from the learned label even when the reader is confident again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from hub.records import Record
from hub.schema import learned_fields
from hub.store import Batch, Store, dialect_insert

#: Record kind -> the fields naming its issuer, most specific first, with the prefix of their key.
ISSUER_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "invoice": (("tax", "seller_tax_id"), ("name", "seller_name")),
    "receipt": (("bank", "bank"),),
}
#: Fields never learned: keys, bookkeeping and whole tables.
NOT_LEARNED = frozenset({"file_sha256", "kind", "lines", "warnings"})


@dataclass(frozen=True)
class LearnedField:
    """Where one issuer prints one field: ``label`` (the text beside the value, ``side`` ``right`` or
    ``below``) and ``box`` (x0, y0, x1, y1 as fractions of page ``page``), learned from ``source_sha256``."""

    kind: str
    issuer: str
    field: str
    label: str | None
    side: str | None
    page: int | None
    box: tuple[float, float, float, float] | None
    sample: str | None
    source_sha256: str
    learned_by: str
    learned_at: datetime
    #: the value the reader had read confidently there and the correction replaced: the reader's own confident
    #: reading of this field is not trusted for this issuer (the learned label decides)
    overruled: str | None = None

    def describe(self) -> str:
        """``learned from 李娜's correction on 2026-03-14``, for warnings."""
        return f"learned from {self.learned_by}'s correction on {self.learned_at:%Y-%m-%d}"


def _norm_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def issuer_keys(kind: str, record: Record | dict[str, Any]) -> list[str]:
    """The keys a record's issuer is known by (``tax:DE287654324``, ``name:nordlicht feinmechanik gmbh``),
    most specific first; empty when the record names no issuer."""
    data = record if isinstance(record, dict) else record.model_dump()
    keys = []
    for prefix, name in ISSUER_FIELDS.get(kind, ()):
        value = data.get(name)
        if not value or not str(value).strip():
            continue
        text = re.sub(r"\s+", "", str(value)).upper() if prefix == "tax" else _norm_name(str(value))
        if text:
            keys.append(f"{prefix}:{text}")
    return keys


def learnable(kind: str, field: str) -> bool:
    """Whether corrections of ``field`` on a record of ``kind`` teach where its issuer prints it."""
    return kind in ISSUER_FIELDS and field not in NOT_LEARNED and "[" not in field


def learn_field(batch: Batch, kind: str, issuers: list[str], field: str, *, label: str | None, side: str | None,
                page: int | None, box: tuple[float, float, float, float] | None, sample: str | None,
                source_sha256: str, by: str, overruled: str | None = None) -> bool:
    """Record (or replace) where each of ``issuers`` prints ``field``; audited as ``layout:learned``.
    ``box`` is relative to the page (0-1); ``overruled``: the confident reading the correction replaced.
    Nothing is recorded without a label or a box."""
    if not issuers or not learnable(kind, field) or (not label and box is None):
        return False
    values = {"label": (label or "")[:200] or None, "side": side if label else None, "page": page,
              "x0": None, "y0": None, "x1": None, "y1": None, "sample": (sample or "")[:500] or None,
              "overruled": (overruled or "")[:500] or None, "source_sha256": source_sha256, "learned_by": by, "learned_at": datetime.now(UTC)}
    if box is not None:
        values.update(zip(("x0", "y0", "x1", "y1"), (Decimal(f"{min(max(v, 0.0), 1.0):.6f}") for v in box),
                          strict=True))
    conn = batch.conn
    for issuer in issuers:
        insert = dialect_insert(conn, learned_fields).values(kind=kind, issuer=issuer, field=field, **values)
        conn.execute(insert.on_conflict_do_update(index_elements=["kind", "issuer", "field"], set_=values))
        batch.event("layout:learned", ("issuer", f"{kind}|{issuer}"),
                    after={"field": field, "label": values["label"], "side": values["side"], "page": page,
                           "box": list(box) if box else None, "overruled": values["overruled"]},
                    note=f"learned from the correction of {source_sha256[:12]}")
    return True


def learned_for(store: Store, kind: str, issuers: list[str]) -> dict[str, LearnedField]:
    """What is learned about an issuer known by ``issuers`` (most specific first): per field, the entry
    of the first key that has one."""
    if not issuers:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(learned_fields).where(learned_fields.c.kind == kind,
                                                         learned_fields.c.issuer.in_(issuers))).mappings().all()
    rank = {k: i for i, k in enumerate(issuers)}
    out: dict[str, LearnedField] = {}
    for row in sorted(rows, key=lambda r: rank[r["issuer"]]):
        if row["field"] in out:
            continue
        box = None if row["x0"] is None else tuple(float(row[c]) for c in ("x0", "y0", "x1", "y1"))
        at = row["learned_at"]
        out[row["field"]] = LearnedField(kind, row["issuer"], row["field"], row["label"], row["side"], row["page"],
                                         box, row["sample"], row["source_sha256"], row["learned_by"],
                                         at if at.tzinfo else at.replace(tzinfo=UTC), row["overruled"])
    return out
