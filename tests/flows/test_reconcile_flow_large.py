"""The ``reconcile`` flow on the large path (``large=True``: matchers/bulk.py, parts on two worker processes)
on a real Prefect server and the small demo world (orders, statement lines, deliveries): the same matches,
summary, workbook sheets and review items as the flow on the small path, its artifacts published (summary,
workbook link, review table with station links, decisions), each part logged to the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.reconcile import reconcile_flow, review_items
from hub.records import Match
from hub.settings import load_settings
from hub.store import Store
from matchers.bulk import digest, fingerprint
from reports.reconciliation import REVIEW_SHEET
from tests.flows.runs import run_seen


def _home(path: Path, monkeypatch: pytest.MonkeyPatch, records: list) -> Store:
    monkeypatch.setenv("ORDERHUB_HOME", str(path))
    store = Store(settings=load_settings())
    if not store.count():
        store.upsert(records)
    return store


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
    seen = run_seen(l_id, "reconcile:")
    artifacts, logs = seen.by_key, seen.logs
    assert {"reconciliation-summary", "reconciliation-workbook", "reconciliation-review",
            "reconciliation-decisions"} <= set(artifacts), set(artifacts)
    table = str(artifacts["reconciliation-review"].data)
    assert "/payments/" in table or "review station" in table
    parts = [m for m in logs if m.startswith("part ")]
    assert len(parts) >= 2 and any(m.startswith("large path:") for m in logs), logs
