"""``orderhub server`` for real: the Prefect server subprocess, the deployments and tag limits it creates, a
reconcile run triggered through a deployment, and headless chromium screenshots of the UI (the deployments
page and the finished run's artifacts) written to ``docs/screenshots/``. Ctrl-C (SIGINT) stops both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from bots.browser import Browser
from hub.settings import load_settings
from hub.store import Store

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "docs" / "screenshots"
EXPECTED = {("import-orders", "hourly"), ("ingest-documents", "bank-daily"), ("reconcile", "daily"),
            ("order-desk", "hourly"), ("integrity-report", "weekly"), ("customs-prefill", "daily")}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _until(what: str, check, timeout: float = 120.0, every: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
def test_server_serves_deployments_and_the_ui_shows_runs_and_artifacts(tmp_path: Path, small_world) -> None:
    home = tmp_path / "home"
    store = Store(settings=load_settings(home))
    with store.batch("test") as batch:
        batch.upsert(small_world.records())
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), ORDERHUB_HOME=str(home),
               PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("ORDERHUB_DATABASE_URL", None)
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "orderhub"), "server", "--port", str(port), "--log",
                             str(tmp_path / "server.log")], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        def deployments():
            try:
                got = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
            except httpx.HTTPError:
                return None
            return got if len(got) >= len(EXPECTED) else None

        found = _until("the deployments", deployments, timeout=180)
        flows = {f["id"]: f["name"] for f in httpx.post(f"{api}/flows/filter", json={}, timeout=5).json()}
        names = {(flows[d["flow_id"]], d["name"]) for d in found}
        assert EXPECTED <= names
        crons = {(flows[d["flow_id"]], d["name"]): d["schedules"][0]["schedule"]["cron"] for d in found}
        assert crons[("import-orders", "hourly")] == "0 * * * *"
        assert crons[("reconcile", "daily")].endswith("* * *")
        limits = {c["tag"]: c["concurrency_limit"]
                  for c in httpx.post(f"{api}/concurrency_limits/filter", json={}, timeout=5).json()}
        assert limits["portal:marketplace"] == 1 and limits["portal:bank"] == 1

        reconcile = next(d for d in found if flows[d["flow_id"]] == "reconcile")
        answers: list[dict] = []

        def created():
            # the server answers 503 while it is still busy starting (SQLite locked by the scheduler's first
            # pass); an admin clicking "Run" would try again, and so does the test, for a while
            answers.append(httpx.post(f"{api}/deployments/{reconcile['id']}/create_flow_run",
                                      json={"parameters": {"review": "skip", "profile": "strict"}}, timeout=10).json())
            return answers[-1] if "id" in answers[-1] else None

        try:
            run = _until("the run to be created", created, timeout=90, every=3)
        except AssertionError:
            raise AssertionError(f"the server refused to create the run: {answers[-3:]}") from None

        def finished():
            state = httpx.get(f"{api}/flow_runs/{run['id']}", timeout=5).json()["state"]
            return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED") else None

        state = _until("the reconcile run", finished, timeout=180)
        assert state["type"] == "COMPLETED", state
        assert (home / "reports").is_dir() and list((home / "reports").glob("reconciliation-*.xlsx"))

        SHOTS.mkdir(parents=True, exist_ok=True)
        with Browser() as browser:
            page = browser.new_context(viewport={"width": 1440, "height": 1050}).new_page()
            page.goto(f"http://127.0.0.1:{port}/deployments", wait_until="networkidle")
            page.get_by_text("bank-daily").first.wait_for(timeout=30000)
            page.get_by_text("integrity-report").first.wait_for(timeout=30000)
            page.screenshot(path=str(SHOTS / "prefect-deployments.png"), full_page=True)
            page.goto(f"http://127.0.0.1:{port}/runs/flow-run/{run['id']}", wait_until="networkidle")
            page.get_by_text("Artifacts", exact=True).first.click()
            page.get_by_text("reconciliation-review").first.wait_for(timeout=30000)
            text = page.inner_text("body")
            assert "reconciliation-summary" in text and "reconciliation-workbook" in text
            page.screenshot(path=str(SHOTS / "prefect-run-artifacts.png"), full_page=True)
        assert (SHOTS / "prefect-deployments.png").stat().st_size > 20_000
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "Prefect UI: http://127.0.0.1:" in out
    assert "Prefect server stopped." in out, out[-2000:]
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api}/health", timeout=2)


def test_packaged_plan_names_every_flow_with_a_schedule() -> None:
    from flows.server import build_deployments, load_plan

    plan = load_plan()
    deployments = build_deployments(plan)
    assert {(load_flow_name(s.flow), s.name) for s in plan.deployments} == EXPECTED
    assert all(d.schedules for d in deployments)
    assert set(plan.concurrency) == {"portal:marketplace", "portal:webshop", "portal:bank", "portal:customs"}


def load_flow_name(spec_flow: str) -> str:
    from flows.server import DeploymentSpec, load_flow

    return load_flow(DeploymentSpec(spec_flow, "x")).name


def test_a_bad_deployments_file_names_the_file_and_the_entry(tmp_path: Path) -> None:
    from flows.server import load_plan
    from hub.errors import InputError

    bad = tmp_path / "deployments.toml"
    bad.write_text('[[deployment]]\nflow = "flows.reconcile"\nname = "daily"\n', encoding="utf-8")
    with pytest.raises(InputError, match="module:attribute") as err:
        load_plan(bad)
    assert str(bad) in str(err.value)
    bad.write_text('[[deployment]]\nflow = "flows.reconcile:reconcile_flow"\nname = "x"\ncorn = "0 * * * *"\n',
                   encoding="utf-8")
    with pytest.raises(InputError, match="unknown keys corn"):
        load_plan(bad)
    bad.write_text("[concurrency]\n\"portal:bank\" = 0\n", encoding="utf-8")
    with pytest.raises(InputError, match="portal:bank"):
        load_plan(bad)
