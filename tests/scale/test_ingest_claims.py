"""Chunks shared by claims (extractors.ingest.ingest_chunk with an owner) on real PDFs of a world, on
SQLite and PostgreSQL: a chunk another worker stored or holds is not read again, a dead worker's files
are taken once its lease ran out, and the store ends with the same records as one plain ingest, each
file and each record created once in the audit log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from extractors.ingest import ingest_chunk, ingest_folder, plan_ingest
from extractors.pipeline import Options
from hub import claims
from hub.records import SourceFile
from hub.schema import audit_events, records
from hub.settings import load_settings
from hub.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    return request.getfixturevalue("pg_url")


def _contents(store: Store) -> set[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        return {(r.kind, r.key, r.fingerprint) for r in conn.execute(
            select(records.c.kind, records.c.key, records.c.fingerprint).where(records.c.kind != "source_file"))}


def test_owners_share_chunks_and_store_each_file_once(small_world, store_url: str, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    for kind in ("invoices", "receipts"):
        shutil.copytree(small_world.path(f"documents/{kind}"), drop / kind)
    settings = load_settings(tmp_path / "home")
    store = Store(store_url, settings=settings)
    plan = plan_ingest(store, drop, settings, chunk_size=8)
    first, dead, held = plan.chunks[:3]
    options = Options(workers=1)

    assert ingest_chunk(store, first, settings, options, owner="worker-a").stored == 8
    again = ingest_chunk(store, first, settings, options, owner="worker-b")
    assert (again.stored, again.taken_elsewhere, again.records_inserted) == (0, 8, 0)

    # a worker killed mid-chunk: claimed, never committed; its leases have run out
    assert claims.claim(store, [plan.hashes[p] for p in dead], "worker-dead", lease_seconds=-1) == \
        {plan.hashes[p] for p in dead}
    taken = ingest_chunk(store, dead, settings, options, owner="worker-b")
    assert (taken.stored, taken.taken_elsewhere) == (8, 0)
    assert {s.attempts for s in claims.states(store, [plan.hashes[p] for p in dead]).values()} == {2}

    # a live claim: the other worker leaves the chunk to its holder
    claims.claim(store, [plan.hashes[p] for p in held], "worker-a")
    assert ingest_chunk(store, held, settings, options, owner="worker-b").taken_elsewhere == 8
    assert ingest_chunk(store, held, settings, options, owner="worker-a").stored == 8

    plain = Store(f"sqlite:///{tmp_path / 'plain.db'}", settings=settings)
    one = tmp_path / "one"
    for path in first + dead + held:
        target = one / Path(path).relative_to(drop)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    ingest_folder(plain, one, settings, chunk_size=24)
    assert _contents(store) == _contents(plain)
    assert store.count(SourceFile) == 24
    with store.engine.connect() as conn:
        created = conn.execute(select(audit_events.c.kind, audit_events.c.key, func.count())
                               .where(audit_events.c.action == "created")
                               .group_by(audit_events.c.kind, audit_events.c.key)).all()
        notes = conn.execute(select(audit_events.c.note).where(audit_events.c.action == "created",
                                                               audit_events.c.kind != "source_file")).scalars().all()
    assert len(created) == store.count() and all(n == 1 for *_, n in created)
    assert len(notes) == store.count() - 24 and all(note.startswith("extracted from ") for note in notes)
