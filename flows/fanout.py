"""``ingest-documents`` fanned out over a work pool: each chunk becomes a run of the ``ingest-chunk``
deployment that any worker polling the pool may take (Prefect dispatches; nothing here queues work).

The chunk run claims its files by sha256 (:mod:`hub.claims`), so two workers never read the same file.
This parent run watches the chunk runs: a run that ends Failed/Crashed/Cancelled is submitted again; a run
still Pending/Running after its lease ran out, with none of its unstored files under a live claim, lost
its worker (killed, machine gone): it is marked Crashed and its chunk submitted again, and the new run
claims the files whose leases expired. The summary is read back from the store (the SourceFiles).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from extractors.ingest import ChunkResult, IngestPlan, Quarantined, Review
from hub import claims
from hub.errors import InputError
from hub.records import SourceFile
from hub.store import Store

#: seconds past the lease before a silent run counts as lost
GRACE_SECONDS = 5.0
#: and the time a chunk run may take from Pending/Running to its first claim: its process imports Prefect and
#: orderhub and opens the store first (10-22 s measured on a loaded 2-core machine), holding no claim meanwhile
STARTUP_SECONDS = 60.0


@dataclass
class ChunkRun:
    """One chunk and its runs (the newest last)."""

    number: int
    paths: list[str]
    run_ids: list[Any] = field(default_factory=list)
    state: str = "SCHEDULED"


@dataclass
class FanOut:
    """What the fan-out did: every chunk with its runs and final state, lost runs re-submitted."""

    chunks: list[ChunkRun]
    resubmitted: int = 0
    lost: int = 0


def fan_out(plan: IngestPlan, deployment: str, parameters: dict[str, Any], store: Store, *,
            lease_seconds: float, max_attempts: int = 3, poll_seconds: float = 2.0,
            timeout_seconds: float | None = None) -> FanOut:
    """Submit every chunk of ``plan`` as a run of ``deployment`` (``ingest-chunk/NAME``) and wait until each
    chunk has a Completed run, re-submitting lost or failed ones (at most ``max_attempts`` runs a chunk)."""
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.states import Crashed

    chunks = [ChunkRun(n, paths) for n, paths in enumerate(plan.chunks, start=1)]

    def submit(chunk: ChunkRun) -> None:
        attempt = len(chunk.run_ids) + 1
        name = f"ingest chunk {chunk.number}" + (f" (attempt {attempt})" if attempt > 1 else "")
        run = run_deployment(deployment, parameters={**parameters, "paths": chunk.paths, "number": chunk.number,
                                                     "lease_seconds": lease_seconds},
                             timeout=0, as_subflow=True, flow_run_name=name)
        chunk.run_ids.append(run.id)
        chunk.state = "SCHEDULED"

    for chunk in chunks:
        submit(chunk)
    report = FanOut(chunks)
    deadline = time.monotonic() + timeout_seconds if timeout_seconds else None
    with get_client(sync_client=True) as client:
        while True:
            open_chunks = [c for c in chunks if c.state not in ("COMPLETED", "GAVE_UP")]
            if not open_chunks:
                break
            if deadline and time.monotonic() > deadline:
                raise InputError(f"ingest fan-out: {len(open_chunks)} chunks not done within {timeout_seconds:.0f} s")
            time.sleep(poll_seconds)
            runs = _read_runs(client, [c.run_ids[-1] for c in open_chunks])
            for chunk in open_chunks:
                run = runs.get(chunk.run_ids[-1]) or client.read_flow_run(chunk.run_ids[-1])
                state = run.state.type.value if run.state else "SCHEDULED"
                chunk.state = state
                retry = False
                if state == "COMPLETED":
                    continue
                if run.state and run.state.is_final():
                    retry = True
                elif state in ("RUNNING", "PENDING") and _lost(run, chunk, plan, store, lease_seconds):
                    client.set_flow_run_state(run.id, Crashed(
                        message=f"no lease renewed for {lease_seconds:.0f} s: its worker is gone; chunk re-submitted"),
                        force=True)
                    report.lost += 1
                    retry = True
                if retry:
                    if len(chunk.run_ids) >= max_attempts:
                        chunk.state = "GAVE_UP"
                    else:
                        submit(chunk)
                        report.resubmitted += 1
    return report


def _read_runs(client: Any, ids: list[Any]) -> dict[Any, Any]:
    """The flow runs of ``ids`` in one request per 200 (not a request per chunk on every poll: the server
    shares the workers' cores)."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    found: dict[Any, Any] = {}
    for n in range(0, len(ids), 200):
        part = ids[n:n + 200]
        for run in client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=part)), limit=len(part)):
            found[run.id] = run
    return found


def _lost(run: Any, chunk: ChunkRun, plan: IngestPlan, store: Store, lease_seconds: float) -> bool:
    since = run.start_time or (run.state.timestamp if run.state else None)
    if since is None or (datetime.now(UTC) - since).total_seconds() < lease_seconds + GRACE_SECONDS + STARTUP_SECONDS:
        return False
    hashes = [plan.hashes[p] for p in chunk.paths if p in plan.hashes]
    stored = store.existing_keys(SourceFile, hashes)
    todo = [h for h in hashes if h not in stored]
    if not todo:
        return False  # stored; the run is finishing
    held = claims.states(store, todo)
    return not any(state.live() for state in held.values())


def result_from_store(store: Store, plan: IngestPlan) -> ChunkResult:
    """The files of ``plan`` as the store now holds them (stored, for review, quarantined), by kind."""
    result = ChunkResult(files=len(plan.hashes))
    for path, sha in plan.hashes.items():
        sf = store.get(SourceFile, sha)
        if sf is None:
            continue
        if sf.status == "quarantined":
            result.quarantined.append(Quarantined(sf.path or path, sf.quarantine_reason or "", None))
            continue
        result.stored += 1
        result.by_kind[sf.kind] = result.by_kind.get(sf.kind, 0) + 1
        if sf.status == "needs_review":
            result.review.append(Review(sf.path or path, sf.kind, list(sf.review_fields), list(sf.row_warnings)))
    return result
