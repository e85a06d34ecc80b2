"""Logging in to the station through Starlette's TestClient, as the form-level station tests do."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from hub.records import Order
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user

#: The reviewers of the form-level tests: a customs clerk and a finance clerk.
PASSWORDS = {"赵强": "zhao-customs-pw", "李娜": "li-finance-pw"}


def csrf(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str) -> None:
    """Log ``name`` in with its password from :data:`PASSWORDS`."""
    page = client.get("/login")
    client.post("/login", data={"name": name, "password": PASSWORDS[name], "csrf": csrf(page.text)})


def export_case(world, home: Path) -> tuple[Store, Order]:
    """A store under ``home`` with the world's master data and orders, both reviewers, and one clean export
    order's commercial invoice and packing list read from their PDFs (as the pipeline stores them)."""
    from extractors.pipeline import Options, extract_paths

    store = Store(settings=load_settings(home))
    store.upsert([*world.customers, *world.products, *world.orders], actor="test")
    add_user(store, "赵强", "customs", PASSWORDS["赵强"], by="test")
    add_user(store, "李娜", "finance", PASSWORDS["李娜"], by="test")
    truth = world.truth["declarations"]
    for order in world.orders:
        invoices = [i for i in world.invoices if i.kind == "commercial" and i.order_ref == order.external_id]
        if order.export and len(invoices) == 1 and truth.get(invoices[0].natural_key(), {}).get("clean"):
            break
    else:
        raise AssertionError("the world has no clean export order with one commercial invoice")
    number = invoices[0].number
    files = [world.path(f"documents/invoices/CI_{number}.pdf"), world.path(f"documents/packing_lists/PL-{number}.pdf")]
    extract_paths(files, store.settings, Options(), store=store)
    return store, order
