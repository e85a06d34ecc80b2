"""A person's decision on a document that needs review: the corrected values go into its record, the
file leaves the needs-review state, and the audit log names the reviewer. The review station, and any
other surface that takes this decision, calls :func:`confirm_document`.

The state is checked inside the transaction that writes: of two reviewers confirming one document,
the second is told who decided it, and nothing is applied twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from hub.errors import InputError, OrderhubError, RecordError
from hub.layouts import issuer_keys, learn_field, learnable
from hub.records import RECORD_TYPES, FieldSource, PartialRecord, Record, SourceFile
from hub.store import Batch, Store

LINE_FIELD = re.compile(r"lines\[(\d+)\]\.(\w+)")


class AlreadyDecided(OrderhubError):
    """The item was decided by someone else meanwhile; nothing was applied."""


class AlreadyOpen(OrderhubError):
    """The document is in review already (reopened by someone else, or never confirmed); nothing was changed."""


@dataclass
class DocumentDecision:
    """What confirming a document changed."""

    sha256: str
    record_key: str
    corrections: list[tuple[str, Any, Any]] = field(default_factory=list)
    #: fields whose place on the page was learned for the issuer's next document
    learned: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Correction:
    """A reviewer's value for one field, and where on the page it was taken from when they clicked it."""

    value: str | None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    #: the text the clicked value stood beside on the page, and on which side of it the value was
    #: (``right`` or ``below``): what the next document of this issuer is read by (hub/layouts.py)
    label: str | None = None
    side: str | None = None


def document_record(store: Store, source: SourceFile) -> Record | None:
    """The (first) record a file produced."""
    for ref in source.record_keys:
        kind, _, key = ref.partition(":")
        cls = RECORD_TYPES.get(kind)
        if cls is not None:
            found = store.get(cls, key)
            if found is not None:
                return found
    return None


def who_decided(store: Store, sha256: str) -> str:
    """``name at time`` of the last confirmation of this file, for the second reviewer's message."""
    events = [e for e in store.history(("source_file", sha256), include_linked=False)
              if e.action == "document:confirmed"]
    if not events:
        return "someone else"
    last = events[-1]
    return f"{last.actor} at {last.at:%Y-%m-%d %H:%M}"


def confirm_document(store: Store, sha256: str, values: dict[str, Correction | str | None], *, by: str,
                     note: str | None = None) -> DocumentDecision:
    """Store the reviewer's values in the file's record and mark the file reviewed (status ``stored``).

    ``values``: field name to the corrected text (``""`` or None clears it); fields not named keep their
    value. Raises :class:`AlreadyDecided` when the file is no longer in review, :class:`InputError` for an
    unknown file or field, or a record that would still lack a required field, :class:`RecordError` for
    a value its field does not accept (nothing is written then)."""
    by = by.strip()
    if not by:
        raise InputError("a decision needs the reviewer's name")
    corrections = {k: v if isinstance(v, Correction) else Correction(v) for k, v in values.items()}
    with store.batch(by) as batch:
        source = batch.get(SourceFile, sha256)
        if source is None:
            raise InputError(f"no file {sha256[:12]} in the store")
        if source.status != "needs_review":
            raise AlreadyDecided(f"already decided ({source.status}) by {who_decided(store, sha256)}; "
                                 "nothing was changed")
        kind, _, key = (source.record_keys[0] if source.record_keys else "::").partition(":")
        cls = RECORD_TYPES.get(kind)
        record = batch.get(cls, key) if cls else None
        if cls is None or record is None:
            raise InputError(f"the file {source.path} has no stored record to confirm")
        data = record.model_dump()
        changed: list[tuple[str, Any, Any]] = []
        for name, corr in corrections.items():
            target, attr = _target(cls, data, name, kind)
            text = (corr.value or "").strip() or None
            before = target[attr]
            if (None if before in (None, "") else str(before)) == text:
                continue
            target[attr] = text if text is not None or before != "" else ""
            changed.append((name, before, text))
        try:
            updated = cls.model_validate(data)
        except ValidationError as exc:
            raise RecordError(exc, source=f"{kind} from {source.path}") from None
        if isinstance(updated, PartialRecord) and updated.missing():
            raise InputError(f"still missing: {', '.join(updated.missing())}; fill them before confirming")
        new_key = updated.natural_key()
        what = f"reviewed by {by}" + (f": {note}" if note else "")
        batch.upsert([updated], note=what, attachment=source.path)
        if new_key != key:
            batch.retire(kind, key, replaced_by=new_key, note=what)
        fields = dict(source.fields)
        for name, _before, after in changed:
            corr = corrections[name]
            old = fields.get(name)
            fields[name] = FieldSource(confidence=1.0, page=corr.page or (old.page if old else None),
                                       box=corr.box or (old.box if old else None), text=after)
        ref = f"{kind}:{new_key}"
        reviewed = source.model_copy(update={
            "status": "stored", "review_fields": [], "fields": fields,
            "record_keys": [ref if r == f"{kind}:{key}" else r for r in source.record_keys]})
        batch.upsert([SourceFile.model_validate(reviewed.model_dump())], note=what)
        batch.event("document:confirmed", source, before={n: _plain(b) for n, b, _ in changed},
                    after={n: a for n, _, a in changed}, note=what, attachment=source.path)
        learned = _learn(batch, kind, updated, source, changed, corrections, by)
    return DocumentDecision(sha256, new_key, changed, learned)


def reopen_in(batch: Batch, sha256: str, *, by: str, reason: str | None = None) -> SourceFile:
    """Put a confirmed document (status ``stored``) back in review inside ``batch``: a person saw that a value
    it was confirmed with is wrong. Audited as ``document:reopened`` under ``by``; :class:`AlreadyOpen` when it
    is in review already, :class:`InputError` for an unknown or quarantined file."""
    by = by.strip()
    if not by:
        raise InputError("reopening a document needs the reviewer's name")
    source = batch.get(SourceFile, sha256)
    if source is None:
        raise InputError(f"no file {sha256[:12]} in the store")
    if source.status == "needs_review":
        raise AlreadyOpen(f"already open for review ({who_reopened(batch, sha256)}); nothing was changed")
    if source.status != "stored" or not source.record_keys:
        raise InputError(f"the file {source.path} is {source.status}: only a confirmed document can be reopened")
    what = f"reopened by {by}" + (f": {reason}" if reason else "")
    reopened = source.model_copy(update={"status": "needs_review"})
    batch.upsert([reopened], note=what)
    batch.event("document:reopened", source, before={"status": source.status}, after={"status": "needs_review"},
                note=what, attachment=source.path)
    return reopened


def reopen_document(store: Store, sha256: str, *, by: str, reason: str | None = None) -> SourceFile:
    """:func:`reopen_in` in a transaction of its own."""
    with store.batch(by) as batch:
        return reopen_in(batch, sha256, by=by, reason=reason)


def is_reopened(store: Store, sha256: str) -> bool:
    """Whether the file's last review event is a reopening (it is in review because a person said it is wrong)."""
    with store.engine.connect() as conn:
        last = _last_review_event(conn, sha256, ("document:confirmed", "document:reopened"))
    return last is not None and last.action == "document:reopened"


def who_reopened(batch: Batch, sha256: str) -> str:
    """``reopened by NAME at TIME`` of the file's last reopening, else that it was never confirmed."""
    row = _last_review_event(batch.conn, sha256, ("document:reopened",))
    return f"reopened by {row.actor} at {row.at:%Y-%m-%d %H:%M}" if row else "not confirmed yet"


def _last_review_event(conn: Any, sha256: str, actions: tuple[str, ...]) -> Any:
    """The file's last audit event among ``actions`` (action, actor, at), read on ``conn``, or None."""
    from sqlalchemy import select

    from hub.schema import audit_events as ev

    return conn.execute(select(ev.c.action, ev.c.actor, ev.c.at).where(
        ev.c.kind == "source_file", ev.c.key == sha256, ev.c.action.in_(actions))
        .order_by(ev.c.id.desc()).limit(1)).first()


def _learn(batch: Batch, kind: str, record: Record, source: SourceFile, changed: list[tuple[str, Any, Any]],
           corrections: dict[str, Correction], by: str) -> list[str]:
    """Teach where this record's issuer prints each corrected field that the reviewer took from a box."""
    issuers = issuer_keys(kind, record)
    sizes = {p.number: (p.width, p.height) for p in source.pages}
    learned = []
    for name, before, after in changed:
        corr = corrections[name]
        if after is None or corr.page is None or corr.box is None or not learnable(kind, name):
            continue
        w, h = sizes.get(corr.page, (0.0, 0.0))
        box = (corr.box[0] / w, corr.box[1] / h, corr.box[2] / w, corr.box[3] / h) if w > 0 and h > 0 else None
        # a value the reader was sure of (not one it left for review) that the reviewer replaced
        confident = before not in (None, "") and name not in source.review_fields
        if learn_field(batch, kind, issuers, name, label=corr.label, side=corr.side, page=corr.page, box=box,
                       sample=after, source_sha256=source.sha256, by=by,
                       overruled=str(before) if confident else None):
            learned.append(name)
    return learned


def _target(cls: type[Record], data: dict[str, Any], name: str, kind: str) -> tuple[dict[str, Any], str]:
    """The dict holding a field and the field's name: ``total`` on the record, ``lines[2].amount`` on its
    third line."""
    match = LINE_FIELD.fullmatch(name)
    if match:
        lines, index, attr = data.get("lines"), int(match.group(1)), match.group(2)
        if not isinstance(lines, list) or not 0 <= index < len(lines) or attr not in lines[index] or attr == "line_no":
            raise InputError(f"{name}: not a line field of this {kind}")
        return lines[index], attr
    if name not in cls.model_fields or name in ("file_sha256", "lines", "warnings"):
        raise InputError(f"{name}: not a field of a {kind} that can be corrected here")
    return data, name


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)
