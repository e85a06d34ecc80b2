"""Claims on files by sha256 (hub.claims), on SQLite and PostgreSQL: a chunk's hashes in one statement,
each taken by one owner while its lease runs, taken again after it ran out, never after it is done."""

from __future__ import annotations

import hashlib

import pytest

from hub import claims
from hub.store import Store


def _hashes(n: int, start: int = 0) -> list[str]:
    return [hashlib.sha256(f"file {i}".encode()).hexdigest() for i in range(start, start + n)]


def test_each_hash_is_held_by_one_owner_until_done(any_store: Store) -> None:
    files = _hashes(6)
    assert claims.claim(any_store, files[:4], "worker-a") == set(files[:4])
    assert claims.claim(any_store, files, "worker-b") == set(files[4:])  # a's leases still run
    assert claims.claim(any_store, files[:2], "worker-a") == set(files[:2])  # its own: renewed
    any_store.transaction(lambda batch: claims.finish(batch, files[:3], "worker-a"))
    state = claims.states(any_store, files)
    assert [state[h].owner for h in files] == ["worker-a"] * 4 + ["worker-b"] * 2
    assert [state[h].done for h in files] == [True] * 3 + [False] * 3
    assert state[files[0]].attempts == 2 and state[files[3]].attempts == 1
    assert claims.claim(any_store, files[:3], "worker-a") == set()  # done: nobody takes it again


def test_a_lease_that_ran_out_is_taken_by_the_next_claimer(any_store: Store) -> None:
    files = _hashes(3, start=10)
    assert claims.claim(any_store, files, "dead-worker", lease_seconds=-1) == set(files)  # ran out at once
    assert claims.claim(any_store, files, "live-worker") == set(files)
    state = claims.states(any_store, files)
    assert {s.owner for s in state.values()} == {"live-worker"} and {s.attempts for s in state.values()} == {2}
    # the dead worker's commit comes too late: finish gives it nothing, so it stores nothing
    assert any_store.transaction(lambda batch: claims.finish(batch, files, "dead-worker")) == set()


def test_many_hashes_in_several_statements(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims, "CLAIM_ROWS", 4)
    files = _hashes(11, start=100)
    assert claims.claim(any_store, files[:5], "worker-a") == set(files[:5])
    assert claims.claim(any_store, files, "worker-b") == set(files[5:])
    assert claims.renew(any_store, files, "worker-b") == 6
