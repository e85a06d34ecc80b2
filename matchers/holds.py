"""A person releases a three-way hold with a reason: the release is an audit event and a link from the
invoice to the checks it was released for, so later runs show the invoice as released while the same
checks fail, and hold it again when something else fails."""

from __future__ import annotations

from collections.abc import Iterable

from hub.records import Invoice
from hub.store import Store
from matchers.decisions import DecisionError
from matchers.threeway import ThreeWayResult

RELATION = "hold_released"


def _failed(result_keys: Iterable[str]) -> str:
    return ",".join(sorted(dict.fromkeys(k.strip() for k in result_keys if k.strip()))) or "-"


def release_hold(store: Store, invoice_key: str, failed_keys: Iterable[str], clerk: str, reason: str, *,
                 where: str = "") -> bool:
    """Release the hold on an invoice for the checks that failed (``price``, ``quantity`` ...). Returns
    False when it was already released for the same checks."""
    clerk, reason = clerk.strip(), reason.strip()
    if not clerk:
        raise DecisionError("nobody is named: write who releases it ('Released by' or --by NAME)")
    if not reason:
        raise DecisionError("a release needs a reason")
    invoice = store.get(Invoice, invoice_key)
    if invoice is None:
        raise DecisionError("the invoice is not in the store")
    keys = _failed(failed_keys)
    with store.batch(clerk) as batch:
        new = batch.link(invoice, RELATION, ("hold_release", f"{invoice_key}#{keys}"))
        if new:
            batch.event("three-way:released", invoice, before={"status": "hold", "failed": keys},
                        after={"status": "released"}, note=f"{reason}{' (' + where + ')' if where else ''}")
    return new


def with_releases(store: Store, results: list[ThreeWayResult]) -> list[ThreeWayResult]:
    """The results with holds a person released for exactly the checks failing now marked ``released``."""
    for r in results:
        if r.status != "hold":
            continue
        keys = _failed(f.key for f in r.failures)
        released = {k for _, rel, _, k in store.links_of(("invoice", r.invoice_key), RELATION)}
        if f"{r.invoice_key}#{keys}" in released:
            r.status = "released"
    return results
