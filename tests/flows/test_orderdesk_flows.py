"""The order-desk and integrity-report flows on a real Prefect server and a generated world: rule hits and
grades stored once (a re-run changes nothing), the integrity workbook and artifacts published."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
from prefect.client.schemas.sorting import ArtifactSort

from fixtures.world import World, generate_world
from flows.orderdesk import integrity_report_flow, order_desk_flow
from hub.orderdesk.integrity import integrity_rows
from hub.records import Customer, Order
from hub.settings import load_settings
from hub.store import Store

AS_OF = date(2026, 4, 30)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(seed=7, orders=80, scans=False, out=None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, world: World) -> Store:
    """The flows' store (from ORDERHUB_HOME) loaded with the world's records."""
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    monkeypatch.delenv("ORDERHUB_DATABASE_URL", raising=False)
    store = Store(settings=load_settings())
    with store.batch("demo") as batch:
        batch.upsert(world.records())
        for inv, order in world.truth["links"]["invoice_order"].items():
            batch.link(("invoice", inv), "invoice_order", ("order", order))
    return store


async def _artifact(key: str):
    async with get_client() as client:
        found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                                            sort=ArtifactSort.CREATED_DESC, limit=1)  # other tests' runs too
    return found[0] if found else None


def test_order_desk_flow_records_hits_and_grades_once(prefect_server, home: Store) -> None:
    first = order_desk_flow(since_hours=None, actor="desk-test")
    orders = [o for o in home.all(Order)]
    hit_orders = [o for o in orders if o.rule_hits]
    assert first.reviewed > 0
    assert hit_orders, "the default rules fire on a generated world (big orders, short promises, specials)"
    assert sum(first.hits.values()) == sum(len(o.rule_hits) for o in orders if o.status == "received")
    grades = {c.code: c.grade for c in home.all(Customer)}
    assert set(grades.values()) <= {"A", "B", "C"} and sum(first.grades.values()) == len(grades)
    assert any(home.history(("customer", code)) for code, _old, _new in first.grade_changes)

    second = order_desk_flow(since_hours=None, actor="desk-test")
    assert second.changed_orders == 0 and second.grade_changes == []
    events = home.audit_count()
    third = order_desk_flow(since_hours=None, actor="desk-test")
    assert third.changed_orders == 0 and home.audit_count() == events, "an unchanged evaluation writes nothing"
    assert [o.model_dump() for o in home.all(Order)] == [o.model_dump() for o in orders]

    summary = asyncio.run(_artifact("order-desk"))
    assert summary is not None and "Orders reviewed" in summary.data


def test_integrity_report_flow_writes_workbook_and_artifacts(prefect_server, home: Store, tmp_path: Path) -> None:
    out = tmp_path / "integrity.xlsx"
    counts = integrity_report_flow(as_of=AS_OF, out=out)
    rows = integrity_rows(home, as_of=AS_OF)
    assert sum(counts.values()) == len(rows) > 0
    assert counts["receipt_unmatched"] == sum(1 for r in rows if r.category == "receipt_unmatched") > 0
    wb = load_workbook(out)
    assert wb.sheetnames and wb[wb.sheetnames[0]].max_row >= 2
    table = asyncio.run(_artifact("integrity-rows"))
    link = asyncio.run(_artifact("integrity-workbook"))
    assert table is not None and link is not None and out.name in link.data
