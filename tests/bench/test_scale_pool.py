"""The parts of ``bench/scale.py pool`` that run without a Prefect server: CPU of a process, of the children
it reaped and of its session (from /proc), the store checks of a fanned-out ingest, and the worker log line
the bench reads to know which worker took which chunk run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from hub import claims
from hub.records import SourceFile

#: a process that reaps a child burning 0.4 CPU-s, burns 0.2 CPU-s itself, says so, and waits on stdin
PARENT = """
import subprocess, sys, time
def burn(s):
    t = time.process_time()
    while time.process_time() - t < s:
        pass
subprocess.run([sys.executable, "-c", "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.4: pass"])
burn(0.2)
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture(scope="module")
def bench(load_bench):
    return load_bench("scale")


def test_cpu_of_a_process_its_reaped_children_and_its_session(bench) -> None:
    proc = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            start_new_session=True, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        own, reaped = bench.process_cpu(proc.pid)
        assert 0.2 <= own < 2.0  # its own burn plus the interpreter's start
        assert 0.4 <= reaped < 2.0  # the child, counted once it was waited for
        assert bench.session_cpu(proc.pid) == pytest.approx(own + reaped, abs=0.05)
        assert bench.children(proc.pid) == []
    finally:
        proc.communicate("")
    assert bench.process_cpu(proc.pid) == (0.0, 0.0)  # gone


def _source_file(sha: str, path: str) -> SourceFile:
    return SourceFile(sha256=sha, path=path, kind="invoice", status="stored")


def test_store_checks_count_files_written_twice_and_claimed_again(bench, store) -> None:
    shas = [uuid.uuid4().hex * 2 for _ in range(3)]
    store.upsert([_source_file(sha, f"drop/invoices/{n}.pdf") for n, sha in enumerate(shas)])
    clean = bench.store_checks(store.engine.url.render_as_string(hide_password=False))
    assert (clean["stored"], clean["stored_twice"], clean["created_twice"], clean["claimed_again"]) == (3, 0, 0, 0)

    store.upsert([_source_file(shas[0], "drop/invoices/again.pdf")])  # the same file stored a second time
    assert claims.claim(store, shas[1:], "w1:1:a:run-1", lease_seconds=0) == set(shas[1:])
    assert claims.claim(store, shas[2:], "w2:2:b:run-2") == {shas[2]}  # w1's lease ran out: taken again
    store.transaction(lambda batch: claims.finish(batch, shas[2:], "w2:2:b:run-2"))
    got = bench.store_checks(store.engine.url.render_as_string(hide_password=False))
    assert (got["stored"], got["stored_twice"], got["created_twice"], got["claimed_again"]) == (3, 1, 0, 1)
    assert got["done_by_owner"] == {"w2:2:b:run-2": 1}


def test_the_worker_line_the_bench_reads_is_the_one_prefect_logs(bench) -> None:
    source = Path(importlib.util.find_spec("prefect").origin).parent / "workers" / "base.py"  # read, not imported
    assert "submitting flow run '{flow_run.id}'" in source.read_text()
    run_id = str(uuid.uuid4())
    line = f"18:16:09.074 | INFO    | prefect.flow_runs.worker - Worker 'r2-w1' submitting flow run '{run_id}'"
    assert bench.SUBMITTED.findall(line) == [run_id]
