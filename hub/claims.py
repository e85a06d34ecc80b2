"""Claims on files by content hash, so that many workers share an ingest and none reads a file twice.

A worker *claims* a file's sha256 for a lease (``lease_seconds``); while the lease runs nobody else may
take it; the worker *renews* it while it works and *finishes* it in the same transaction that commits
the file's records. A worker that dies stops renewing: after the lease anyone may claim the file again.
A chunk's files are claimed in one conditional statement (``INSERT ... VALUES`` every hash ``ON CONFLICT DO
UPDATE ... WHERE`` the claim is not done and its lease has run out, or it is already ours ``RETURNING`` the
hashes taken), in one transaction, on PostgreSQL and SQLite.

Times are epoch milliseconds from the workers' clocks: keep the machines' clocks in sync (NTP) and
leases much longer than any skew.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update

from hub.schema import claims
from hub.store import Batch, Store, dialect_insert

#: hashes per claim statement (5 parameters a row)
CLAIM_ROWS = 1000
#: a chunk of 50 digital documents takes well under a minute; OCR of 50 scans a few minutes
DEFAULT_LEASE_SECONDS = 600


def now_ms() -> int:
    """The current time in epoch milliseconds."""
    return int(time.time() * 1000)


def default_owner(extra: str | None = None) -> str:
    """``host:pid:random`` (plus ``extra``, e.g. a flow run id): unique per claimer."""
    return ":".join(p for p in (socket.gethostname(), str(os.getpid()), uuid.uuid4().hex[:8], extra) if p)[:200]


@dataclass(frozen=True)
class ClaimState:
    """One file's claim as stored."""

    sha256: str
    owner: str
    lease_until_ms: int
    attempts: int
    done: bool

    def live(self, at_ms: int | None = None) -> bool:
        """Held by someone right now (not done, lease not run out)."""
        return not self.done and self.lease_until_ms > (at_ms if at_ms is not None else now_ms())


def claim(store: Store, hashes: Iterable[str], owner: str, lease_seconds: float = DEFAULT_LEASE_SECONDS) -> set[str]:
    """Claim every hash that is free (never claimed, or its lease ran out, or already ours, and not done);
    returns the hashes now held by ``owner``. One transaction, one statement per :data:`CLAIM_ROWS`
    hashes (rows in hash order, so two claimers lock them in one order)."""
    wanted = sorted(set(hashes))

    def work(batch: Batch) -> set[str]:
        at = now_ms()
        until = at + int(lease_seconds * 1000)
        got: set[str] = set()
        for n in range(0, len(wanted), CLAIM_ROWS):
            stmt = dialect_insert(batch.conn, claims).values(
                [{"sha256": sha, "owner": owner, "lease_until_ms": until, "claimed_at_ms": at, "attempts": 1}
                 for sha in wanted[n:n + CLAIM_ROWS]])
            stmt = stmt.on_conflict_do_update(
                index_elements=["sha256"],
                set_={"owner": owner, "lease_until_ms": until, "claimed_at_ms": at,
                      "attempts": claims.c.attempts + 1},
                where=claims.c.done_at_ms.is_(None) & ((claims.c.lease_until_ms < at) | (claims.c.owner == owner)),
            ).returning(claims.c.sha256)
            got.update(batch.conn.execute(stmt).scalars())
        return got

    return store.transaction(work) if wanted else set()


def renew(store: Store, hashes: Iterable[str], owner: str, lease_seconds: float = DEFAULT_LEASE_SECONDS) -> int:
    """Extend ``owner``'s open claims on ``hashes``; returns how many it still holds."""
    wanted = sorted(set(hashes))
    if not wanted:
        return 0

    def work(batch: Batch) -> int:
        result = batch.conn.execute(
            update(claims).where(claims.c.sha256.in_(wanted), claims.c.owner == owner, claims.c.done_at_ms.is_(None))
            .values(lease_until_ms=now_ms() + int(lease_seconds * 1000)))
        return int(result.rowcount or 0)

    return store.transaction(work)


def finish(batch: Batch, hashes: Iterable[str], owner: str) -> set[str]:
    """Inside the transaction that commits the files' records: mark ``owner``'s claims done and return
    the hashes it still held (a file whose lease ran out and was taken by another worker is not
    returned: that worker stores it). Locks the claim rows first, so a concurrent claim waits and then
    sees them done."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    rows = batch.conn.execute(
        update(claims).where(claims.c.sha256.in_(wanted), claims.c.owner == owner, claims.c.done_at_ms.is_(None))
        .values(done_at_ms=now_ms()).returning(claims.c.sha256))
    return {row.sha256 for row in rows}


def release(store: Store, hashes: Iterable[str], owner: str) -> None:
    """Give ``owner``'s open claims back at once (after a failure), so another worker may take them."""
    wanted = sorted(set(hashes))
    if wanted:
        store.transaction(lambda batch: batch.conn.execute(
            update(claims).where(claims.c.sha256.in_(wanted), claims.c.owner == owner,
                                 claims.c.done_at_ms.is_(None)).values(lease_until_ms=0)))


def states(store: Store, hashes: Iterable[str]) -> dict[str, ClaimState]:
    """The stored claims of these hashes (hashes never claimed are absent)."""
    wanted = sorted(set(hashes))
    out: dict[str, ClaimState] = {}
    with store.engine.connect() as conn:
        for n in range(0, len(wanted), 500):
            for row in conn.execute(select(claims).where(claims.c.sha256.in_(wanted[n:n + 500]))):
                out[row.sha256] = ClaimState(row.sha256, row.owner, row.lease_until_ms, row.attempts,
                                             row.done_at_ms is not None)
    return out


class Lease:
    """Keep ``owner``'s claims on ``hashes`` alive from a background thread (renewed every third of the
    lease) while a chunk is extracted: ``with Lease(store, hashes, owner, lease): ...``."""

    def __init__(self, store: Store, hashes: Iterable[str], owner: str,
                 lease_seconds: float = DEFAULT_LEASE_SECONDS) -> None:
        self.store, self.hashes, self.owner, self.lease_seconds = store, sorted(set(hashes)), owner, lease_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claim-lease", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.lease_seconds / 3):
            try:
                renew(self.store, self.hashes, self.owner, self.lease_seconds)
            except Exception:  # a missed renewal only shortens the lease
                continue

    def __enter__(self) -> Lease:
        if self.hashes:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
