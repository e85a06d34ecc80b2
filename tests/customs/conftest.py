"""Customs test fixtures: a store holding a small generated world's master data, orders and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.settings import load_settings
from hub.store import Store


@pytest.fixture
def world_store(small_world, tmp_path: Path) -> Store:
    """A fresh store with the small world's customers, products, orders, invoices and packing lists."""
    store = Store(f"sqlite:///{tmp_path / 'customs.db'}", settings=load_settings(tmp_path))
    w = small_world
    store.upsert([*w.customers, *w.products, *w.orders, *w.invoices, *w.packing_lists], actor="test")
    return store


@pytest.fixture
def export_case(small_world):
    """A clean FOB export order of the world (no injected inconsistency) with its commercial invoice and packing list."""
    w = small_world
    truth = w.truth.get("declarations", {})
    cases = []
    for order in w.orders:
        if not order.export or order.incoterm != "FOB":
            continue
        invoices = [i for i in w.invoices if i.kind == "commercial" and i.order_ref == order.external_id]
        if len(invoices) != 1 or not truth.get(invoices[0].natural_key(), {}).get("clean"):   # injected mistakes
            continue
        packing = next(p for p in w.packing_lists if p.invoice_number == invoices[0].number)
        cases.append((order, invoices[0], packing))
    assert cases, "the small world has no clean FOB export order"
    return max(cases, key=lambda case: len(case[1].lines))
