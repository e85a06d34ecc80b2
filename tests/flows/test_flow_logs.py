"""Flows say what they do: a customs run has a meaningful name and its logs reach the Prefect API (the UI
no longer says "This run didn't generate logs"), at the demo's logging settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.customs_prefill import customs_prefill_flow
from flows.ingest import ingest_documents_flow
from hub.records import Declaration
from hub.settings import load_settings
from hub.store import Store
from tests.flows.runs import run_seen


@pytest.fixture
def demo_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's settings: INFO to the API, warnings only on the console."""
    from prefect.logging.configuration import setup_logging

    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "INFO")
    monkeypatch.setenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    setup_logging(incremental=False)
    yield
    monkeypatch.undo()
    setup_logging(incremental=False)


def test_customs_run_is_named_and_logs_what_it_did(prefect_server, demo_logging, small_world, tmp_path: Path) -> None:
    store = Store(settings=load_settings(str(tmp_path)))
    with store.batch("test") as batch:
        batch.upsert(small_world.records())
    state = customs_prefill_flow(review="auto", home=str(tmp_path), out_dir=str(tmp_path / "wb"), return_state=True)
    summary = state.result()
    seen = run_seen(state.state_details.flow_run_id, "customs-prefill:")
    name, logs = seen.name, seen.logs
    assert name == "customs-prefill auto review: open export orders (no filing)"
    decls = store.all(Declaration)
    assert decls and len(summary.prefilled) == len(decls)
    assert any(m.startswith(f"prefilled {len(decls)} declarations") for m in logs), logs
    assert any(m.startswith("review workbooks written to") for m in logs)
    assert any(m.startswith("review (auto):") for m in logs)
    approved = [d.number for d in decls if d.status == "approved"]
    assert all(any(m.startswith(f"{n}: approve by") for m in logs) for n in approved)
    assert any("approved declarations wait for filing" in m for m in logs)


def test_ingest_logs_its_plan_chunks_and_quarantine(prefect_server, demo_logging, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan-broken.pdf").write_bytes(b"%PDF-1.7 not really a pdf")
    state = ingest_documents_flow(folder=str(inbox), home=str(tmp_path / "home"), return_state=True)
    state.result()
    logs = run_seen(state.state_details.flow_run_id, "quarantined ").logs
    assert any(m.startswith("1 files under") for m in logs), logs
    assert any(m.startswith("chunk 1 of 1 read") for m in logs)
    assert any(m.startswith("quarantined ") and "scan-broken.pdf" in m for m in logs)


def test_reconcile_artifacts_count_after_the_decisions(prefect_server, small_world, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:

    from flows.reconcile import reconcile_flow
    from hub.records import Match

    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    monkeypatch.delenv("ORDERHUB_DATABASE_URL", raising=False)
    store = Store(settings=load_settings())
    with store.batch("test") as batch:
        batch.upsert(small_world.records())
    state = reconcile_flow(review="auto", profile="strict", auto_accept=0.5, out_dir=tmp_path / "out",
                           return_state=True)
    summary = state.result()
    assert summary.applied
    stored = [m.status for m in store.all(Match)]
    assert summary.statuses_after == {s: stored.count(s) for s in set(stored)}
    assert summary.statuses_after.get("review", 0) == summary.in_review < summary.statuses.get("review", 0)

    artifacts = run_seen(state.state_details.flow_run_id, "reconcile:").artifacts
    # the run's artifacts tab shows each artifact once: the summary before the review, the decisions after it
    keys = [a.key for a in artifacts]
    assert keys.count("reconciliation-summary") == keys.count("reconciliation-workbook") == 1, keys
    decided = next(a.data for a in artifacts if a.key == "reconciliation-decisions")
    assert "| outcome | proposed | after review |" in decided
    for status, n in summary.statuses_after.items():
        assert f"| {status} | {summary.statuses.get(status, 0)} | {n} |" in decided
    assert f"still waiting for a person: **{summary.in_review}** payments" in decided
