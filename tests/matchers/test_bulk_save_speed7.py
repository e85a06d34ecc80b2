"""The single pass's save in plain SQL (branch speed7, ``hub.store.Batch._insert_lite``): on SQLite the
writer process inserts new matches and their audit events with plain statements and tuples instead of
SQLAlchemy's compiled inserts. The stored rows (every column but the id and the times) and the audit events
(every column but the id and the time) are those SQLAlchemy's way writes, byte for byte, on a world of
bench/reconcile.py's generator with Chinese payer names, money rules and a credit note; a second run saves
nothing and writes no event."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import matchers.bulk
import matchers.pipeline
from hub.store import Batch
from matchers.bulk import reconcile_store
from tests.matchers.test_bulk import _stores, _world, ours

__all__ = ["ours"]  # the fixture, used by name

ROWS = ("SELECT kind, key, status, party, doc_date, amount, typeof(amount), currency, fingerprint, payload, version, "
        "typeof(created_at), length(created_at), typeof(updated_at) FROM records ORDER BY kind, key")
EVENTS = ("SELECT actor, action, kind, key, before, typeof(before), after, note, attachment, typeof(at), length(at) "
          "FROM audit_events ORDER BY kind, key, id")


def _dump(path: Path) -> tuple[list[tuple], list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(ROWS).fetchall(), con.execute(EVENTS).fetchall()
    finally:
        con.close()


def test_plain_sql_save_writes_what_sqlalchemy_writes(tmp_path: Path, load_bench, ours,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matchers.bulk, "SAVE_ROWS", 300)
    monkeypatch.setattr(matchers.pipeline, "RUN_LINES", 700)
    records = _world(load_bench, 1500)
    paths = [tmp_path / "plain.db", tmp_path / "compiled.db"]
    [plain] = _stores(tmp_path, records, [f"sqlite:///{paths[0]}"])
    first = reconcile_store(plain, workers=2, split="single", save=True, list_max=0)
    monkeypatch.setattr(Batch, "plain_sql", False)  # the writer is forked: it takes the switch along
    [compiled] = _stores(tmp_path, records, [f"sqlite:///{paths[1]}"])  # the world too, SQLAlchemy's way
    ref = reconcile_store(compiled, workers=2, split="single", save=True, list_max=0)
    monkeypatch.setattr(Batch, "plain_sql", True)
    assert first.saved_new == ref.saved_new > 1000 and first.counts == ref.counts
    rows, events = _dump(paths[0])
    assert (rows, events) == _dump(paths[1])
    assert any("\\u" in p for *_, p, _v, _c, _n, _u in rows)  # Chinese names in the payloads (escaped)
    assert len(events) >= first.saved_new
    again = reconcile_store(plain, workers=2, split="single", save=True, list_max=0)
    assert again.saved_new == 0 and again.saved_unchanged > 0  # the reviews proposed again, unchanged
    assert _dump(paths[0]) == (rows, events)
