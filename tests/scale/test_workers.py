"""Scale-out for real, on loopback: PostgreSQL for the store and for Prefect, ``orderhub server --pool``
(a process work pool with the flows deployed to it), two ``orderhub worker`` processes, and a fanned-out
``ingest-documents`` over a few hundred documents. One worker is killed with SIGKILL (with the flow run
it was executing) while it holds a chunk; the other finishes everything, the lost chunk included after
its lease ran out. Every document is stored exactly once, every chunk has a Completed run, the audit log
has no duplicate creation."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from flows.environment import DEFAULTS
from hub.records import BankReceipt, Invoice, PackingList, SourceFile, StatementLine
from hub.schema import audit_events
from hub.settings import load_settings
from hub.store import Store

POOL = "scale-test"
BIN = Path(sys.executable).parent
KINDS = ("invoices", "receipts", "packing_lists")

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(1200)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ancestors(pid: int) -> list[int]:
    """``pid`` and its parents (from /proc): a flow run runs in its own session under its worker."""
    chain = [pid]
    while pid > 1:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        chain.append(pid)
    return chain


def _until(what: str, check, timeout: float, procs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, proc, log in procs:
            assert proc.poll() is None, f"{name} exited with {proc.returncode}: {Path(log).read_text()[-3000:]}"
        got = check()
        if got:
            return got
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    from fixtures.world import generate_world

    return generate_world(seed=16, orders=150, scans=False, out=tmp_path_factory.mktemp("scale_world") / "world")


def _drop(world, target: Path) -> Path:
    for kind in KINDS:
        shutil.copytree(world.path(f"documents/{kind}"), target / kind)
    shutil.copytree(world.path("statements"), target / "statements")
    return target


def test_two_workers_share_an_ingest_and_survive_a_sigkill(world, pg_url_factory, tmp_path: Path) -> None:
    store_url = pg_url_factory("orderhub_store")
    prefect_url = pg_url_factory("orderhub_prefect").replace("postgresql+psycopg://", "postgresql+asyncpg://")
    folder = _drop(world, tmp_path / "drop")
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    home = tmp_path / "home"
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, **DEFAULTS, PREFECT_HOME=str(tmp_path / "prefect"), ORDERHUB_DATABASE_URL=store_url,
               ORDERHUB_HOME=str(home), PREFECT_WORKER_QUERY_SECONDS="1", PREFECT_API_URL=api)
    env.pop("PREFECT_API_KEY", None)
    store = Store(store_url, settings=load_settings(home))  # migrated before anyone else writes
    procs: list[tuple[str, subprocess.Popen, Path]] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        log = tmp_path / f"{name}.log"
        proc = subprocess.Popen([str(BIN / "orderhub"), *args], env=env, stdout=log.open("wb"),
                                stderr=subprocess.STDOUT, start_new_session=True)
        procs.append((name, proc, log))
        return proc

    try:
        start("server", "server", "--pool", POOL, "--port", str(port), "--database-url", prefect_url)

        def chunk_deployment():
            try:
                got = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
            except httpx.HTTPError:
                return None
            names = {d["name"] for d in got}
            return got if len(got) >= 7 and "pool" in names else None

        deployments = _until("the deployments in the pool", chunk_deployment, 240, procs)
        assert all(d["work_pool_name"] == POOL for d in deployments)
        workers = {n: start(n, "worker", "--pool", POOL, "--name", n, "--limit", "1") for n in ("w1", "w2")}

        # the fanned-out ingest, as a user starts it: its own process, reporting to the server
        code = ("import json, sys; from flows.ingest import ingest_documents_flow; "
                "s = ingest_documents_flow(folder=sys.argv[1], chunk_size=45, fan_out='ingest-chunk/pool', "
                "lease_seconds=12); print('SUMMARY ' + json.dumps(s.as_dict() | {'chunks': s.chunks}))")
        log = tmp_path / "ingest.log"
        parent = subprocess.Popen([sys.executable, "-c", code, str(folder)], env=env, stdout=log.open("wb"),
                                  stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(("ingest", parent, log))

        # kill a worker and the flow run it executes (the run has its own session) while the run holds a
        # live claim, after at least one chunk was stored: what a machine dying looks like
        by_pid = {p.pid: n for n, p in workers.items()}

        def victim():
            if store.count(SourceFile) < 1:
                return None
            now = int(time.time() * 1000)
            with store.engine.connect() as conn:
                owners = conn.execute(text("SELECT DISTINCT owner FROM claims WHERE done_at_ms IS NULL "
                                           "AND lease_until_ms > :now"), {"now": now}).scalars().all()
            for owner in owners:
                try:
                    run_pid = int(owner.split(":")[1])
                except (ValueError, IndexError):
                    continue
                for pid in _ancestors(run_pid):
                    if pid in by_pid:
                        return by_pid[pid], owner, run_pid
            return None

        killed, owner, run_pid = _until("a worker holding a chunk", victim, 300, procs)
        try:
            os.killpg(os.getpgid(run_pid), signal.SIGKILL)
        except ProcessLookupError:
            pass  # it ended meanwhile: its commit is checked like any other
        os.killpg(workers[killed].pid, signal.SIGKILL)
        procs = [p for p in procs if p[0] != killed]
        with store.engine.connect() as conn:
            held = conn.execute(text("SELECT sha256 FROM claims WHERE owner = :o AND done_at_ms IS NULL"),
                                {"o": owner}).scalars().all()
        assert held, "the killed worker held nothing"

        _until("the ingest to finish", lambda: parent.poll() is not None or None, 480,
               [p for p in procs if p[0] != "ingest"])
        out = log.read_text()
        assert parent.returncode == 0, out[-4000:]
        summary = json.loads(out.split("SUMMARY ", 1)[1].splitlines()[0])

        # every document stored exactly once
        assert store.count(SourceFile) == files
        assert summary["stored_files"] + len(summary["quarantined"]) == files
        assert (store.count(Invoice), store.count(BankReceipt), store.count(PackingList),
                store.count(StatementLine)) == (len(world.invoices), len(world.receipts),
                                                len(world.packing_lists), len(world.statement_lines))
        with store.engine.connect() as conn:
            twice = conn.execute(
                select(audit_events.c.kind, audit_events.c.key, func.count()).where(audit_events.c.action == "created")
                .group_by(audit_events.c.kind, audit_events.c.key).having(func.count() > 1)).all()
            # the killed worker's files were claimed again (attempts 2) and stored by the other worker
            retaken = conn.execute(text("SELECT count(*) FROM claims WHERE sha256 = ANY(:h) AND attempts >= 2 "
                                        "AND owner <> :o AND done_at_ms IS NOT NULL"),
                                   {"h": list(held), "o": owner}).scalar_one()
        assert twice == []
        assert retaken == len(held)

        # every chunk has a Completed run; the killed one was marked Crashed and run again
        runs = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"name": {"like_": "ingest chunk"}}},
                          timeout=30).json()
        by_chunk: dict[int, list[str]] = defaultdict(list)
        for run in runs:
            by_chunk[int(run["name"].split()[2])].append(run["state_type"])
        assert sorted(by_chunk) == list(range(1, summary["chunks"] + 1))
        assert all("COMPLETED" in states for states in by_chunk.values()), dict(by_chunk)
        assert any("CRASHED" in states for states in by_chunk.values()), dict(by_chunk)
    finally:
        for _name, proc, _log in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for _name, proc, _log in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        store.engine.dispose()
