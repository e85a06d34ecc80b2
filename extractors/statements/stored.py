"""Statement lines read again keep the key they were stored under, so nothing is added twice.

A line the bank gave no id is keyed by :func:`~extractors.statements.model.line_id` (account, day, signed
amount, balance after, ordinal). Two kinds of stored line would otherwise be added again:

- a line of the same file read before, which a better parser now reads with another day, amount, balance,
  bank or account: the file's :class:`SourceFile` lists what it gave, and its line of the same row is the
  one (same bank and account: the new reading takes its id; else the old one is retired, replaced by it);
- a line stored by an older orderhub under the content hash ``h:`` (its party and text too, which a parser
  fix changed): the stored ``h:`` lines of that bank and account are keyed again as they would be now, and a
  line read now whose key is one of theirs takes the stored id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from extractors.statements.model import LEGACY_PREFIX, LINE_ID_PREFIX, LineIds
from hub.records import Record, StatementLine

KIND = StatementLine.KIND


def keep_stored_ids(batch: Any, read: Sequence[Record], previous_keys: Iterable[str] = ()) -> list[Record]:
    """``read`` with each hashed statement line under the id its stored line has (see the module); the
    lines of the file that the reading replaces under another bank or account are retired in ``batch``.
    ``previous_keys``: the ``kind:key`` list of this file's stored :class:`SourceFile`, if it was read before."""
    hashed = [i for i, r in enumerate(read) if isinstance(r, StatementLine)
              and r.transaction_id.startswith(LINE_ID_PREFIX)]
    if not hashed:
        return list(read)
    out = list(read)
    keys = {r.natural_key() for r in read if isinstance(r, StatementLine)}
    todo = [i for i in hashed if i not in _stored(batch, [out[i] for i in hashed])]
    todo = _same_file(batch, out, todo, keys, previous_keys)
    _legacy(batch, out, todo)
    return out


def _stored(batch: Any, lines: list[Record]) -> set[int]:
    have = batch.existing_keys(StatementLine, {r.natural_key() for r in lines})
    return {i for i, r in enumerate(lines) if r.natural_key() in have}


def _same_file(batch: Any, out: list[Record], todo: list[int], keys: set[str],
               previous_keys: Iterable[str]) -> list[int]:
    prefix = f"{KIND}:"
    gone = [k[len(prefix):] for k in previous_keys if k.startswith(prefix) and k[len(prefix):] not in keys]
    if not gone or not todo:
        return todo
    old = [rec for key in gone if (rec := batch.get(StatementLine, key)) is not None]
    rows: dict[int | None, list[StatementLine]] = defaultdict(list)
    for rec in old:
        rows[rec.source_line].append(rec)
    left = []
    for i in todo:
        line = out[i]
        assert isinstance(line, StatementLine)
        same_row = rows.get(line.source_line) if line.source_line is not None else None
        if not same_row or len(same_row) != 1:
            left.append(i)
            continue
        before = same_row.pop()
        if (before.bank, before.account) == (line.bank, line.account):
            out[i] = line.model_copy(update={"transaction_id": before.transaction_id})
        else:
            batch.retire(KIND, before.natural_key(), replaced_by=line.natural_key(),
                         note="the file read again names another bank or account")
    return left


def _legacy(batch: Any, out: list[Record], todo: list[int]) -> None:
    by_account: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in todo:
        line = out[i]
        assert isinstance(line, StatementLine)
        by_account[(line.bank, line.account)].append(i)
    for (bank, account), indexes in by_account.items():
        days = {out[i].booking_date for i in indexes}  # type: ignore[union-attr]
        stored = batch.with_key_prefix(StatementLine, f"{bank}|{account}|{LEGACY_PREFIX}")
        stored = [s for s in stored if s.booking_date in days]
        if not stored:
            continue
        ids = LineIds()
        now_keyed = {}
        for s in sorted(stored, key=lambda s: (s.booking_date, s.source_line or 0, s.transaction_id)):
            now_keyed.setdefault(ids.make(None, s.account, s.booking_date, s.amount, s.balance), s.transaction_id)
        for i in indexes:
            line = out[i]
            legacy = now_keyed.pop(line.transaction_id, None)  # type: ignore[union-attr]
            if legacy is not None:
                out[i] = line.model_copy(update={"transaction_id": legacy})
