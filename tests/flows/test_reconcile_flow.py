"""The reconcile flow on a real Prefect server and a generated world: artifacts published, the review
pause answered through the REST resume endpoint (invalid input refused, the run stays paused; valid input
applied like the workbook), a pause that times out leaves the items in review and the run completes."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

from flows.reconcile import NONE, candidate_keys, reconcile_flow, review_items
from hub.records import Match
from hub.settings import load_settings
from hub.store import Store
from matchers.rules import rule_of
from reports.reconciliation import candidate_label


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_world) -> Store:
    """The flow's store (``ORDERHUB_HOME``) holding the small world's records."""
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    monkeypatch.delenv("ORDERHUB_DATABASE_URL", raising=False)
    store = Store(settings=load_settings())
    with store.batch("test") as batch:
        batch.upsert(small_world.records())
    return store


def _flow_runs(name: str = "reconcile") -> list:
    async def read():
        async with get_client() as client:
            return await client.read_flow_runs()
    return [r for r in asyncio.run(read()) if r.name.startswith(name)]


def _artifacts(run_id) -> dict[str, object]:
    async def read():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    return {a.key: a for a in asyncio.run(read())}


def _wait_paused(api: str, seen: set, deadline: float) -> str:
    while time.monotonic() < deadline:
        runs = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"state": {"type": {"any_": ["PAUSED"]}}}},
                          timeout=10).json()
        fresh = [r for r in runs if r["id"] not in seen and r["name"].startswith("reconcile")]
        if fresh:
            return fresh[0]["id"]
        time.sleep(0.5)
    raise AssertionError("the reconcile run never paused")


def test_pause_resume_applies_valid_input_and_rejects_invalid(prefect_server: str, home: Store, resume) -> None:
    api = prefect_server.rstrip("/")
    seen = {str(r.id) for r in _flow_runs()}
    answers: dict[str, object] = {}

    def clerk() -> None:
        try:
            run_id = _wait_paused(api, seen, time.monotonic() + 120)
            items = review_items(Store(settings=load_settings()))
            first = items[0]
            answers["first"] = first
            options = [candidate_label(c) for c in first.candidates]
            # invalid: nobody named, and a choice that is not offered
            bad = resume(api, run_id, {"item_01": {"choice": "9: INV-NOPE", "note": ""}})
            answers["bad"] = (bad.status_code, bad.json())
            state = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["type"]
            answers["state_after_bad"] = state
            choice = next(o for o in type_options(run_id) if o.startswith(f"1: {options[0]} "))
            assert "|" not in choice  # the form shows invoice numbers, not store keys
            good = {"decided_by": "王会计", "item_01": {"choice": choice, "note": "对过账 checked"}}
            if len(items) > 1:
                second = items[1]
                good["item_02"] = {"choice": NONE, "note": "not ours"}
                answers["second"] = second
            ok = resume(api, run_id, good)
            answers["good"] = (ok.status_code, ok.json())
        except Exception as exc:
            answers["error"] = exc

    def type_options(run_id: str) -> list[str]:
        keyset = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["state_details"][
            "run_input_keyset"]
        schema = httpx.get(f"{api}/flow_runs/{run_id}/input/{keyset['schema']}", timeout=10).json()
        item = schema["$defs"]["ReviewItem1"]["properties"]["choice"]
        return item["enum"]

    thread = threading.Thread(target=clerk, daemon=True)
    thread.start()
    summary = reconcile_flow(review="pause", profile="strict", timeout_minutes=5, poll_seconds=1)
    thread.join(timeout=60)
    assert "error" not in answers, answers.get("error")

    code, body = answers["bad"]
    assert code == 200 and body["status"] == "REJECT", body
    assert answers["state_after_bad"] == "PAUSED"
    assert answers["good"][0] == 201, answers["good"]

    first: Match = answers["first"]  # type: ignore[assignment]
    decided = home.get(Match, f"{first.payment_kind}|{first.payment_key}")
    assert decided is not None and decided.status == "confirmed" and decided.decided_by == "王会计"
    assert " + ".join(sorted(a.target_key for a in decided.allocations)) == candidate_keys(first)[0]
    events = [e.action for e in home.history(decided, include_linked=False)]
    assert "decision:confirm 1" in events
    if "second" in answers:
        second: Match = answers["second"]  # type: ignore[assignment]
        assert home.get(Match, f"{second.payment_kind}|{second.payment_key}").status == "rejected"
    assert len(summary.applied) == (2 if "second" in answers else 1) and not summary.refused
    assert summary.in_review == len(review_items(home))

    mine = [r for r in _flow_runs() if str(r.id) not in seen]
    assert len(mine) == 1 and mine[0].state.is_completed()
    arts = _artifacts(mine[0].id)
    assert {"reconciliation-summary", "reconciliation-review", "reconciliation-workbook",
            "reconciliation-decisions"} <= set(arts)
    review_rows = json.loads(arts["reconciliation-review"].data)
    txn = first.payment_key.rsplit("|", 1)[-1]
    assert txn in {row["流水号 transaction"] for row in review_rows}
    assert not any("|" in str(v) for row in review_rows for k, v in row.items() if "review station" not in k)
    assert Path(summary.workbook).exists() and Path(summary.threeway_workbook).exists()
    sheets = load_workbook(summary.workbook, read_only=True).sheetnames
    assert "待复核 Needs review" in sheets


def test_timeout_leaves_items_in_review_and_completes(prefect_server: str, home: Store) -> None:
    before = {r.id for r in _flow_runs()}
    summary = reconcile_flow(review="pause", profile="strict", timeout_minutes=3 / 60, poll_seconds=1)
    waiting = review_items(home)
    assert waiting and summary.in_review == len(waiting)
    assert not summary.applied
    # nothing decided by a person (money rules post tax refunds, interest ... themselves)
    assert all(m.decided_by is None for m in home.all(Match) if rule_of(m) is None)
    mine = [r for r in _flow_runs() if r.id not in before]
    assert len(mine) == 1 and mine[0].state.is_completed(), mine[0].state


def test_auto_review_confirms_top_candidates_and_rerun_is_safe(prefect_server: str, home: Store) -> None:
    first = reconcile_flow(review="auto", profile="strict", auto_accept=0.5)
    assert first.applied
    confirmed = {m.natural_key() for m in home.all(Match, status="confirmed") if rule_of(m) is None}
    assert len(confirmed) == len(first.applied)
    again = reconcile_flow(review="auto", profile="strict", auto_accept=0.5)
    assert {m.natural_key() for m in home.all(Match, status="confirmed")} >= confirmed
    assert not again.refused
