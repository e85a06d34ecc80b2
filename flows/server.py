"""``orderhub server``: the Prefect server (UI at http://127.0.0.1:4200) as a subprocess, the tag
concurrency limits, and every flow served as a scheduled deployment (``flows/data/deployments.toml``).

SQLite under ``PREFECT_HOME`` by default; PostgreSQL when a database URL is given (passed to the server as
``PREFECT_API_DATABASE_CONNECTION_URL``). Ctrl-C stops the deployments and the server.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from flows.tasks import ensure_tag_limits
from hub.errors import InputError

DEPLOYMENTS = Path(__file__).with_name("data") / "deployments.toml"
#: The bundled server answers in 6-15 s here; allow for a loaded machine.
STARTUP_TIMEOUT = 120.0


@dataclass(frozen=True)
class DeploymentSpec:
    """One deployment to serve: which flow, its name, schedule and parameters."""

    flow: str
    name: str
    cron: str | None = None
    timezone: str | None = None
    description: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ServerPlan:
    """What ``orderhub server`` serves: deployments and tag concurrency limits."""

    deployments: list[DeploymentSpec]
    concurrency: dict[str, int]


def load_plan(path: Path | None = None) -> ServerPlan:
    """The deployments file (the packaged one unless ``path``), checked field by field."""
    path = path or DEPLOYMENTS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", source=str(path)) from None
    specs = []
    for n, entry in enumerate(data.get("deployment", []), start=1):
        where = f"{path} [[deployment]] #{n}"
        unknown = set(entry) - {"flow", "name", "cron", "timezone", "description", "parameters"}
        if unknown:
            raise InputError(f"unknown keys {', '.join(sorted(unknown))}", source=where)
        if not isinstance(entry.get("flow"), str) or ":" not in entry["flow"]:
            raise InputError("'flow' must be 'module:attribute'", source=where)
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise InputError("'name' is missing", source=where)
        specs.append(DeploymentSpec(entry["flow"], entry["name"], entry.get("cron"), entry.get("timezone"),
                                    entry.get("description"), dict(entry.get("parameters", {}))))
    limits = data.get("concurrency", {})
    bad = [tag for tag, n in limits.items() if not isinstance(n, int) or n < 1]
    if bad:
        raise InputError(f"concurrency limits must be whole numbers >= 1: {', '.join(bad)}", source=str(path))
    return ServerPlan(specs, dict(limits))


def load_flow(spec: DeploymentSpec) -> Any:
    """The flow object a spec names."""
    module, _, attr = spec.flow.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise InputError(f"cannot load flow {spec.flow}: {exc}", source=f"deployment {spec.name}") from None


def server_env(port: int, database_url: str | None) -> dict[str, str]:
    """Environment for the server subprocess (and this process's client)."""
    from flows.environment import DEFAULTS

    env = dict(os.environ)
    env.update(DEFAULTS)
    env["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
    env.pop("PREFECT_API_KEY", None)
    if database_url:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database_url
    return env


def start_server(port: int, database_url: str | None = None, log: Path | None = None,
                 host: str = "127.0.0.1") -> subprocess.Popen:
    """Start ``prefect server start`` on ``host``:``port`` (loopback by default; ``0.0.0.0`` for workers on
    other machines) and wait until it answers its health check on loopback."""
    env = server_env(port, database_url)
    out = open(log, "ab") if log else subprocess.DEVNULL
    try:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", host,
                                 "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    finally:
        if log:
            out.close()  # the child holds its own handle
    wait_healthy(f"http://127.0.0.1:{port}/api", proc)
    return proc


def wait_healthy(api_url: str, proc: subprocess.Popen | None = None, timeout: float = STARTUP_TIMEOUT) -> None:
    """Block until ``{api_url}/health`` answers (or the process exits, or ``timeout`` passes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise InputError(f"the Prefect server exited with status {proc.returncode} (port in use? see its log)")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise InputError(f"the Prefect server did not answer within {timeout:.0f} s", source=api_url)


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server subprocess (SIGTERM, then SIGKILL after 20 s)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def build_deployments(plan: ServerPlan) -> list[Any]:
    """``flow.to_deployment(...)`` for every spec."""
    from prefect.schedules import Cron

    out = []
    for spec in plan.deployments:
        flow = load_flow(spec)
        schedules = [Cron(spec.cron, timezone=spec.timezone)] if spec.cron else None
        out.append(flow.to_deployment(spec.name, schedules=schedules, parameters=spec.parameters,
                                      description=spec.description, tags=["orderhub"]))
    return out


def serve_all(port: int = 4200, database_url: str | None = None, plan_path: Path | None = None,
              log: Path | None = None) -> None:
    """Start the server, create the limits, serve every deployment until Ctrl-C, then stop the server."""
    from rich.console import Console

    console = Console()
    plan = load_plan(plan_path)
    env = server_env(port, database_url)
    console.print(f"Starting the Prefect server on port {port} "
                  f"({'PostgreSQL' if database_url else 'SQLite under ' + env.get('PREFECT_HOME', '~/.prefect')}) …")
    proc = start_server(port, database_url, log)
    os.environ["PREFECT_API_URL"] = env["PREFECT_API_URL"]
    try:
        from prefect import serve
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: env["PREFECT_API_URL"]}):
            ensure_tag_limits(plan.concurrency)
            deployments = build_deployments(plan)
            console.print(f"[green]Prefect UI: http://127.0.0.1:{port}[/]  "
                          f"({len(deployments)} deployments, limits: "
                          f"{', '.join(f'{t}={n}' for t, n in plan.concurrency.items()) or 'none'}); Ctrl-C stops")
            serve(*deployments, print_starting_message=False)
    finally:
        stop_server(proc)
        console.print("Prefect server stopped.")
