"""``orderhub worker`` is Prefect's worker process itself, so a SIGTERM to its pid (``kill PID``, a service
manager) stops the worker and leaves nothing running. As a wrapper waiting on a ``prefect worker`` child it
died of the signal alone and left the worker polling the pool, orphaned.

The worker here points at a port nothing listens on: Prefect's worker keeps retrying the API, which is
all this needs (a running process to stop); the full pool runs in tests/scale/test_workers.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _session(sid: int) -> list[int]:
    """Pids of the processes in session ``sid``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid:  # after the state: ppid, pgrp, session
                pids.append(int(entry.name))
    return pids


def _cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_sigterm_to_the_worker_pid_stops_the_worker_and_leaves_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(BIN / "orderhub"), "worker", "--pool", "nowhere", "--name", "signals",
                             "--api-url", f"http://127.0.0.1:{_closed_port()}/api"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "prefect worker start" not in _cmdline(proc.pid) and time.monotonic() < deadline:
            assert proc.poll() is None, "the worker exited by itself"
            time.sleep(0.2)
        # the pid that was started is Prefect's worker now, not a parent waiting on it
        assert "prefect worker start --pool nowhere --type process --name signals" in _cmdline(proc.pid)
        assert _session(proc.pid) == [proc.pid]
        time.sleep(2)  # its signal handlers are set before it first polls
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 10
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session(proc.pid) == [], [_cmdline(p) for p in _session(proc.pid)]
    finally:
        for pid in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
