"""The ``reconcile`` flow on the large path (``large=True``: matchers/bulk.py, parts on two worker processes)
on a real Prefect server and the small demo world (orders, statement lines, deliveries): the same matches,
summary, workbook sheets and review items as the flow on the small path, its artifacts published (summary,
workbook link, review table with station links, decisions), each part logged to the run."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    LogFilter,
    LogFilterFlowRunId,
)

from flows.reconcile import reconcile_flow, review_items
from hub.records import Match
from hub.settings import load_settings
from hub.store import Store
from matchers.bulk import digest, fingerprint
from reports.reconciliation import REVIEW_SHEET


def _home(path: Path, monkeypatch: pytest.MonkeyPatch, records: list) -> Store:
    monkeypatch.setenv("ORDERHUB_HOME", str(path))
    store = Store(settings=load_settings())
    if not store.count():
        store.upsert(records)
    return store


def _artifacts_and_logs(run_id, last: str) -> tuple[dict[str, object], list[str]]:
    """The run's artifacts by key and its log messages, once one starts with ``last`` (logs arrive in batches)."""
    async def read():
        async with get_client() as client:
            artifacts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
            logs = await client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))
            return {a.key: a for a in artifacts}, [log.message for log in logs]
    deadline = time.monotonic() + 30
    while True:
        artifacts, logs = asyncio.run(read())
        if any(m.startswith(last) for m in logs) or time.monotonic() > deadline:
            return artifacts, logs
        time.sleep(0.5)


def test_flow_on_the_large_path_equals_the_small_path(prefect_server: str, small_world, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDERHUB_DATABASE_URL", raising=False)
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(tmp_path / "none.toml"))
    runs = {}
    for name, large in (("small", False), ("large", True)):
        store = _home(tmp_path / name, monkeypatch, small_world.records())
        state = reconcile_flow(review="auto", profile="strict", auto_accept=0.5, out_dir=tmp_path / name / "out", large=large,
                               workers=2, as_of=None, return_state=True)
        summary = state.result()
        runs[name] = (store, summary, state.state_details.flow_run_id, review_items(store))
    (small, s_sum, _s_id, s_items), (large, l_sum, l_id, l_items) = runs["small"], runs["large"]
    assert l_sum.large and not s_sum.large
    assert digest((m.payment_key, fingerprint(m)) for m in large.all(Match)) == \
        digest((m.payment_key, fingerprint(m)) for m in small.all(Match))
    assert l_sum.statuses == s_sum.statuses and l_sum.statuses_after == s_sum.statuses_after
    assert l_sum.applied == s_sum.applied and l_sum.applied and l_sum.in_review == s_sum.in_review
    assert (l_sum.holds, l_sum.invoices_checked) == (s_sum.holds, s_sum.invoices_checked)
    assert [m.natural_key() for m in l_items] == [m.natural_key() for m in s_items]
    sheets = [[tuple(r) for r in load_workbook(s.workbook)[REVIEW_SHEET].iter_rows(values_only=True)]
              for s in (s_sum, l_sum)]
    assert sheets[0] == sheets[1]
    assert Path(l_sum.threeway_workbook).is_file()
    artifacts, logs = _artifacts_and_logs(l_id, "reconcile:")
    assert {"reconciliation-summary", "reconciliation-workbook", "reconciliation-review",
            "reconciliation-decisions"} <= set(artifacts), set(artifacts)
    table = str(artifacts["reconciliation-review"].data)
    assert "/payments/" in table or "review station" in table
    parts = [m for m in logs if m.startswith("part ")]
    assert len(parts) >= 2 and any(m.startswith("large path:") for m in logs), logs
