"""The store on SQLite and, when reachable, PostgreSQL: idempotent upserts, atomic batches, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from hub.errors import StoreError
from hub.records import Customer, Order
from hub.store import Store


def _orders(n: int, start: int = 1) -> list[Order]:
    return [
        Order(channel="marketplace", external_id=f"MP-2026{i:06d}", customer_name="Nordic Fasteners AB",
              order_date="2026-03-15", currency="USD",
              lines=[{"line_no": 1, "description": "Hex bolt M8x30", "quantity": "1000", "unit_price": "0.052",
                      "amount": "52.00"}])
        for i in range(start, start + n)
    ]


def test_same_batch_twice_changes_nothing(any_store: Store) -> None:
    batch = _orders(5)
    first = any_store.upsert(batch)
    events = any_store.audit_count()
    second = any_store.upsert(batch)
    assert len(first.inserted) == 5
    assert second.changed == 0 and len(second.unchanged) == 5
    assert any_store.count(Order) == 5
    assert any_store.audit_count() == events


def test_changed_record_is_updated_with_before_and_after(any_store: Store) -> None:
    order = _orders(1)[0]
    any_store.upsert([order], actor="importer")
    changed = order.model_copy(update={"remarks": "加急 urgent"})
    result = any_store.upsert([changed], actor="alice")
    assert result.updated == [order.natural_key()]
    stored = any_store.get(Order, order.natural_key())
    assert stored is not None and stored.remarks == "加急 urgent"
    events = any_store.history(order)
    assert [e.action for e in events] == ["created", "updated"]
    assert events[1].actor == "alice"
    assert events[1].before["remarks"] == "" and events[1].after["remarks"] == "加急 urgent"


def test_batch_failing_halfway_writes_nothing(any_store: Store) -> None:
    any_store.upsert(_orders(2))
    before = (any_store.count(), any_store.audit_count())
    with pytest.raises(RuntimeError, match="crash"), any_store.batch("importer") as batch:
        batch.upsert(_orders(3, start=10))
        batch.upsert([_orders(1)[0].model_copy(update={"remarks": "changed"})])
        raise RuntimeError("crash in the middle of the batch")
    assert (any_store.count(), any_store.audit_count()) == before
    assert any_store.get(Order, "marketplace|MP-2026000010") is None
    assert any_store.get(Order, "marketplace|MP-2026000001").remarks == ""


def test_audit_log_is_append_only(any_store: Store) -> None:
    any_store.upsert(_orders(1))
    with pytest.raises(DBAPIError, match="append-only"), any_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory'"))
    with pytest.raises(DBAPIError, match="append-only"), any_store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
    assert any_store.audit_count() == 1


def test_history_includes_linked_records_and_events(any_store: Store) -> None:
    order, twin = _orders(1)[0], _orders(1, start=2)[0].model_copy(update={"channel": "webshop"})
    customer = Customer(code="C0042", name="Nordic Fasteners AB", country="SE")
    with any_store.batch("importer") as batch:
        batch.upsert([order, twin, customer])
        assert batch.link(twin, "duplicate_of", order) is True
        assert batch.link(twin, "duplicate_of", order) is False
        batch.event("status:received->reviewed", order, before={"status": "received"},
                    after={"status": "reviewed"}, note="credit checked", attachment="reviews/MP-1.pdf")
    actions = [(e.kind, e.action) for e in any_store.history(order)]
    assert ("order", "created") in actions
    assert ("order", "status:received->reviewed") in actions
    assert ("order", "link:duplicate_of") in actions  # the twin's link event, seen from the order
    assert all(kind == "order" for kind, _ in actions)
    assert any_store.links_of(order) == [("in", "duplicate_of", "order", twin.natural_key())]


def test_reopening_an_existing_database_keeps_everything(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    Store(url).upsert(_orders(3))
    assert Store(url).count(Order) == 3


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StoreError, match="cannot create the database folder"):
        Store(f"sqlite:///{blocker}/sub/hub.db")


def test_upsert_noted_audits_each_record_with_its_own_note_and_attachment(any_store: Store) -> None:
    orders = _orders(3)
    with any_store.batch("ingest") as batch:
        result = batch.upsert_noted([(o, f"extracted from {o.external_id}.pdf", f"/drop/{o.external_id}.pdf")
                                     for o in reversed(orders)])
    assert result.inserted == [o.natural_key() for o in reversed(orders)]  # in the order given
    for order in orders:
        (created,) = any_store.history(order)
        assert (created.action, created.actor) == ("created", "ingest")
        assert created.note == f"extracted from {order.external_id}.pdf"
        assert created.attachment == f"/drop/{order.external_id}.pdf"
        assert created.after == order.payload()
    changed = orders[1].model_copy(update={"remarks": "rush"})
    again = any_store.upsert([orders[0], changed, orders[2]])
    assert (again.updated, len(again.unchanged), again.inserted) == ([changed.natural_key()], 2, [])
    assert [e.action for e in any_store.history(changed)] == ["created", "updated"]
    assert any_store.get(Order, changed.natural_key()).remarks == "rush"
    assert any_store.audit_count() == 4


def test_a_key_given_twice_in_one_upsert_is_written_in_turn(any_store: Store) -> None:
    first = _orders(1)[0]
    second = first.model_copy(update={"remarks": "corrected"})
    result = any_store.upsert([first, _orders(1, start=2)[0], second, first.model_copy()])
    # one by one: the corrected copy updates the first, the first's copy then updates it back
    assert result.inserted == [first.natural_key(), _orders(1, start=2)[0].natural_key()]
    assert result.updated == [first.natural_key(), first.natural_key()]
    assert any_store.get(Order, first.natural_key()).remarks == ""
    assert [e.action for e in any_store.history(first)] == ["created", "updated", "updated"]
    assert any_store.count(Order) == 2


def test_bulk_statements_split_many_rows(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import hub.store

    monkeypatch.setattr(hub.store, "BULK_ROWS", 7)  # 50 records: 8 statements of each kind
    orders = _orders(50)
    assert len(any_store.upsert(orders[:20]).inserted) == 20
    result = any_store.upsert(orders)
    assert (len(result.inserted), len(result.unchanged)) == (30, 20)
    assert result.inserted == [o.natural_key() for o in orders[20:]]
    assert any_store.count(Order) == 50 and any_store.audit_count() == 50
    assert any_store.existing_keys(Order, [o.natural_key() for o in orders[45:]] + ["marketplace|none"]) == \
        {o.natural_key() for o in orders[45:]}
    assert len(any_store.existing_keys(Order)) == 50
