"""The ``import-orders`` flow end to end: the small world served by the demo portals, scraped with real
chromium, dealer spreadsheets from a drop folder, a real store and a real Prefect server."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from fixtures.portals.data import PortalData
from fixtures.portals.server import USERS, serve_portals
from hub.records import Order

PASSWORD = "Flow-Test-Pw!5521"
SITES = ("marketplace", "webshop")


@pytest.fixture(scope="module")
def portals(small_world):
    with serve_portals(PortalData.from_world(small_world), sites=SITES, password=PASSWORD) as running:
        yield running


@pytest.fixture
def logins(monkeypatch):
    for site in SITES:
        monkeypatch.setenv(f"ORDERHUB_{site.upper()}_USER", USERS[site])
        monkeypatch.setenv(f"ORDERHUB_{site.upper()}_PASSWORD", PASSWORD)
    monkeypatch.setenv("FLOW_TEST_WRONG_PASSWORD", "not-the-password")


def dealer_drop(world, target: Path) -> Path:
    """The world's dealer spreadsheets; ``dealers.toml`` names the buyer of the exports that name none."""
    shutil.copytree(world.path("channels/dealer"), target)
    [buyer] = {o.customer_name for o in world.orders if o.channel == "dealer" and o.external_id.startswith("PO-")}
    (target / "dealers.toml").write_text(f'[customers]\n"PO_export_*.xlsx" = "{buyer}"\n', encoding="utf-8")
    return target


def channels(portals, **override):
    return [{"profile": site, "base_url": portals.urls[site], **override.get(site, {})} for site in SITES]


def run_of(state):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        FlowRunFilter,
        FlowRunFilterId,
    )

    run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(run_id)
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id])))
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(
            any_=[run_id])))
    return run, tasks, artifacts


@pytest.mark.slow
def test_import_orders_counts_duplicates_and_rerun_is_a_noop(prefect_server, portals, logins, world_store, tmp_path):
    from flows.import_orders import import_orders_flow

    world, store = world_store
    store.upsert(world.customers)  # master data, so the channels' spellings resolve to one customer
    params = dict(channels=channels(portals), dealer_folder=str(dealer_drop(world, tmp_path / "dealer")),
                  home=str(store.settings.home), out_dir=str(tmp_path / "scrapes"), retry_delays=[1])
    state = import_orders_flow(**params, return_state=True)
    summary = state.result()
    assert summary.per_channel == dict(Counter(o.channel for o in world.orders))
    assert summary.inserted == len(world.orders) == store.count(Order)
    truth = world.truth["links"]
    assert {frozenset([g["primary"], *g["duplicates"]]) for g in summary.duplicates} == \
        {frozenset(group) for group in truth["duplicates"]}
    assert sorted(summary.test_orders) == sorted(truth["test_orders"])
    for group in summary.duplicates:
        for dup in group["duplicates"]:
            assert ("out", "duplicate_of", "order", group["primary"]) in store.links_of(("order", dup))
    run, tasks, artifacts = run_of(state)
    assert run.name == "import-orders marketplace+webshop+dealer start..today"
    assert {t.name: set(t.tags) for t in tasks if t.name.startswith("scrape")} == {
        f"scrape {site}": {f"portal:{site}"} for site in SITES}
    assert any(a.key == "import-orders-summary" for a in artifacts)

    events = store.audit_count()
    again = import_orders_flow(**params)
    assert (again.inserted, again.updated, again.new_links) == (0, 0, 0)
    assert again.unchanged == len(world.orders)
    assert store.audit_count() == events


@pytest.mark.slow
def test_failed_channel_publishes_evidence_and_others_are_stored(prefect_server, portals, logins, world_store,
                                                                 tmp_path):
    from flows.import_orders import import_orders_flow

    world, store = world_store
    wrong = {"webshop": {"password_env": "FLOW_TEST_WRONG_PASSWORD"}}
    state = import_orders_flow(channels=channels(portals, **wrong), home=str(store.settings.home),
                               out_dir=str(tmp_path / "scrapes"), retry_delays=[0.5], return_state=True)
    assert state.is_failed()
    with pytest.raises(Exception, match="webshop failed") as failure:
        state.result()
    assert "not-the-password" not in str(failure.value)
    assert store.count(Order) == sum(o.channel == "marketplace" for o in world.orders)
    _, tasks, artifacts = run_of(state)
    [webshop] = [t for t in tasks if t.name == "scrape webshop"]
    assert webshop.state.is_failed() and webshop.run_count == 2  # retried once
    report = next(a for a in artifacts if a.key == "bot-failure-scrape-webshop")
    shots = [a for a in artifacts if a.key == "bot-evidence-scrape-webshop"]
    files = [Path(unquote(urlparse(re.search(r"\((file://[^)]+)\)", a.data).group(1)).path)) for a in shots]
    assert files and all(f.is_file() for f in files) and any(f.suffix == ".png" for f in files)
    assert ".png" in report.data and "not-the-password" not in report.data


def test_portal_limits_are_created_on_the_server(prefect_server):
    from prefect.client.orchestration import get_client

    from flows.tasks import ensure_tag_limits, portal_tag

    limits = {portal_tag("marketplace"): 1, portal_tag("webshop"): 2}
    ensure_tag_limits(limits)
    ensure_tag_limits(limits)  # again: updates, no error
    with get_client(sync_client=True) as client:
        assert client.read_concurrency_limit_by_tag("portal:webshop").concurrency_limit == 2
        assert client.read_concurrency_limit_by_tag("portal:marketplace").concurrency_limit == 1


def test_unknown_channel_setting_is_refused(prefect_server, tmp_path):
    from flows.import_orders import import_orders_flow
    from hub.errors import InputError

    with pytest.raises(InputError, match="unknown settings"):
        import_orders_flow(channels=[{"profile": "webshop", "password": "x"}], home=str(tmp_path))
