"""Scale-out on Prefect's own engine: the flows deployed to a **process work pool**, and workers (on this
machine or others) that run them. Nothing here schedules or queues anything itself.

- ``orderhub server --pool NAME``: the Prefect server (as ``orderhub server``), the work pool ``NAME``
  (type ``process``) created when missing, every deployment of ``flows/data/deployments.toml`` deployed
  to it (schedules kept) plus ``ingest-chunk/pool`` (the chunks of a fanned-out ingest), then it waits
  until Ctrl-C. Runs go to whichever worker polls the pool.
- ``orderhub worker --pool NAME``: ``prefect worker start --pool NAME --type process`` with orderhub's
  environment (the variables ``./run`` and ``scripts/bootstrap.sh`` export; ``PREFECT_API_URL`` and
  ``ORDERHUB_DATABASE_URL`` from the command line or the environment).

Deployments use a *module path* entrypoint (``flows.ingest.ingest_documents_flow``), so a worker needs
orderhub installed (a checkout with ``.venv``), not the same folder layout as the machine that deployed.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from flows.environment import DEFAULTS
from flows.server import (
    DeploymentSpec,
    ServerPlan,
    load_flow,
    load_plan,
    server_env,
    start_server,
    stop_server,
)
from flows.tasks import ensure_tag_limits
from hub.errors import InputError

#: deployed to the pool besides the deployments file: one chunk of a fanned-out ingest (no schedule)
CHUNK_DEPLOYMENT = DeploymentSpec("flows.ingest:ingest_chunk_flow", "pool", description=(
    "One chunk of a fanned-out document ingest (ingest-documents fan_out='ingest-chunk/pool'): claims its "
    "files by sha256, extracts them, stores them."))

#: the variables scripts/bootstrap.sh exports that a flow run needs, besides the Prefect defaults
ORDERHUB_VARIABLES = ("ORDERHUB_ROOT", "ORDERHUB_HOME", "ORDERHUB_DATABASE_URL", "ORDERHUB_CHROMIUM",
                      "ORDERHUB_ACTOR", "PREFECT_HOME", "VIRTUAL_ENV")


def ensure_pool(name: str) -> Any:
    """The process work pool ``name`` on the current Prefect server, created with Prefect's default
    process job template when missing."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            pool = client.read_work_pool(name)
        except ObjectNotFound:
            return client.create_work_pool(WorkPoolCreate(
                name=name, type="process", base_job_template=ProcessWorker.get_default_base_job_template(),
                description="orderhub flows (orderhub worker --pool NAME)"))
    if pool.type != "process":
        raise InputError(f"work pool {name!r} exists with type {pool.type!r}; orderhub needs a process pool")
    return pool


def deploy_to_pool(plan: ServerPlan, pool: str) -> list[str]:
    """Deploy every spec of ``plan`` to the work pool (module-path entrypoints, no image, no storage);
    returns the deployment names (``flow/name``)."""
    from prefect.deployments.runner import EntrypointType, deploy
    from prefect.schedules import Cron

    specs = [*plan.deployments, CHUNK_DEPLOYMENT]
    deployments = []
    for spec in specs:
        flow = load_flow(spec)
        schedules = [Cron(spec.cron, timezone=spec.timezone)] if spec.cron else None
        deployments.append(flow.to_deployment(
            spec.name, schedules=schedules, parameters=spec.parameters, description=spec.description,
            tags=["orderhub"], work_pool_name=pool, entrypoint_type=EntrypointType.MODULE_PATH))
    deploy(*deployments, work_pool_name=pool, build=False, push=False, print_next_steps_message=False)
    return [f"{load_flow(s).name}/{s.name}" for s in specs]


def serve_pool(pool: str, port: int = 4200, database_url: str | None = None, plan_path: Path | None = None,
               log: Path | None = None, host: str = "127.0.0.1") -> None:
    """Start the server, create the limits and the pool, deploy every flow to it; wait until Ctrl-C."""
    from rich.console import Console

    console = Console()
    plan = load_plan(plan_path)
    env = server_env(port, database_url)
    console.print(f"Starting the Prefect server on port {port} "
                  f"({'PostgreSQL' if database_url else 'SQLite under ' + env.get('PREFECT_HOME', '~/.prefect')}) …")
    proc = start_server(port, database_url, log, host=host)
    os.environ["PREFECT_API_URL"] = env["PREFECT_API_URL"]

    def _interrupt(*_: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops the server subprocess (its own session) too

    signal.signal(signal.SIGTERM, _interrupt)
    try:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: env["PREFECT_API_URL"]}):
            ensure_tag_limits(plan.concurrency)
            ensure_pool(pool)
            names = deploy_to_pool(plan, pool)
        console.print(f"[green]Prefect UI: http://127.0.0.1:{port}[/]  ({len(names)} deployments in work pool "
                      f"{pool!r}); start workers with `orderhub worker --pool {pool} --api-url "
                      f"http://<this host>:{port}/api`; Ctrl-C stops the server")
        while proc.poll() is None:
            time.sleep(1)
        raise InputError(f"the Prefect server exited with status {proc.returncode}")
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(proc)
        console.print("Prefect server stopped.")


def worker_env(api_url: str | None = None, database_url: str | None = None,
               home: str | None = None) -> dict[str, str]:
    """The environment of a worker and its flow runs: this one, the Prefect defaults, the project's
    ``PREFECT_HOME``/``ORDERHUB_ROOT`` when unset, and the given API and store URLs."""
    env = dict(os.environ)
    for name, value in DEFAULTS.items():
        env.setdefault(name, value)
    root = Path(__file__).resolve().parents[1]
    env.setdefault("ORDERHUB_ROOT", str(root))
    env.setdefault("PREFECT_HOME", str(root / ".prefect"))
    bindir = str(Path(sys.executable).parent)
    if bindir not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    if database_url:
        env["ORDERHUB_DATABASE_URL"] = database_url
    if home:
        env["ORDERHUB_HOME"] = home
    if not env.get("PREFECT_API_URL"):
        raise InputError("a worker needs the server's API: --api-url http://HOST:4200/api or PREFECT_API_URL")
    return env


def worker_command(pool: str, name: str | None = None, limit: int | None = None) -> list[str]:
    """``prefect worker start`` for a process pool, in this interpreter's environment."""
    cmd = [sys.executable, "-m", "prefect", "worker", "start", "--pool", pool, "--type", "process"]
    if name:
        cmd += ["--name", name]
    if limit:
        cmd += ["--limit", str(limit)]
    return cmd


def run_worker(pool: str, *, api_url: str | None = None, database_url: str | None = None,
               home: str | None = None, name: str | None = None, limit: int | None = None) -> NoReturn:
    """Become a Prefect worker on ``pool`` (this process is replaced, same pid): Ctrl-C or a SIGTERM
    (``kill PID``, a service manager) reaches Prefect's worker itself, which stops taking runs and exits.
    A wrapper process waiting on a child would die of SIGTERM and leave the worker running, orphaned."""
    env = worker_env(api_url, database_url, home)
    if shutil.which("chromium", path=env.get("PATH")) is None and not Path(
            env.get("ORDERHUB_CHROMIUM", "/usr/bin/chromium")).exists():
        print("note: no chromium here; bot flows (import-orders, bank download, customs filing) will fail "
              "on this worker", file=sys.stderr)
    cmd = worker_command(pool, name, limit)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(cmd[0], cmd, env)
