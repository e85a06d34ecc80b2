"""Storing a channel's orders: buyers are resolved to the customer master, as the portals name them."""

from __future__ import annotations

from bots.intake import ChannelOrders, store_orders
from hub.records import Order


def test_scraped_buyer_names_resolve_to_master_customers(small_world, store) -> None:
    store.upsert(small_world.customers)
    truth = {o.natural_key(): o.customer_code for o in small_world.orders}
    scraped = [o.model_copy(update={"customer_code": None}) for o in small_world.orders if o.channel == "marketplace"]
    stranger = scraped[0].model_copy(update={"external_id": "MP-UNKNOWN-1", "customer_name": "Zyxw Qqq Holdings"})
    store_orders(store, [ChannelOrders("marketplace", [*scraped, stranger], "test")])
    stored = {o.natural_key(): o for o in store.all(Order)}
    resolved = [k for k in truth if k in stored and truth[k] and stored[k].customer_code == truth[k]]
    assert len(resolved) == len([o for o in scraped if truth[o.natural_key()]]) > 5
    assert stored[stranger.natural_key()].customer_code is None  # unknown buyer: left for a person
    # re-running the same import changes nothing
    again = store_orders(store, [ChannelOrders("marketplace", [*scraped, stranger], "test")])
    assert again.inserted == again.updated == 0
