"""Keeping the order desk's state when a channel's order is imported again.

A portal or dealer spreadsheet re-delivers an order without what the desk added to it (status,
rule hits, sign-offs, flags, a changed address). Importers and flows pass incoming orders through
:func:`keep_desk_state` before upserting them, so a re-import never sends a shipped order back to
``received`` or drops a finance sign-off. The review rules then see the re-imported content
(``review_orders(store, since=...)``).
"""

from __future__ import annotations

from collections.abc import Iterable

from hub.records import Order
from hub.store import Store

#: Fields the desk owns on an order; an import keeps the stored values.
DESK_FIELDS = ("status", "rule_hits", "approvals", "urgent", "payment_confirmed", "credit_approved")


def keep_desk_state(store: Store, incoming: Iterable[Order]) -> list[Order]:
    """The incoming orders with the desk's fields (and a changed address, when the channel has none)
    taken from the stored order of the same key; new orders pass unchanged."""
    result = []
    for order in incoming:
        stored = store.get(Order, order.natural_key())
        if stored is None:
            result.append(order)
            continue
        update = {name: getattr(stored, name) for name in DESK_FIELDS}
        if order.ship_to_address is None:
            update["ship_to_address"] = stored.ship_to_address
        result.append(order.model_copy(update=update))
    return result
