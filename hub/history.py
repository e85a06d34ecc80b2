"""Everything that touched an order, in time order and in words: the order's own events, its declaration's
(prefill, approval, filing, acceptance), its invoices, packing lists, delivery notes, the matches that
settle them and the payments of those matches. No raw JSON: an update names the fields that changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hub.records import Declaration, Delivery, Invoice, Match, Order, PackingList
from hub.store import AuditEvent, Store

KIND_LABELS = {
    "order": "订单 order", "declaration": "报关单 declaration", "invoice": "发票 invoice",
    "packing_list": "装箱单 packing list", "delivery": "签收单 delivery", "match": "核销 match",
    "receipt": "银行回单 receipt", "statement_line": "对账单行 statement line", "customer": "客户 customer",
    "source_file": "文件 file", "test_rule": "测试规则 test rule", "remittance": "付款通知 remittance advice",
}
ACTION_LABELS = {"created": "新建 created", "updated": "修改 updated", "deleted": "删除 deleted"}
SKIP_FIELDS = {"fingerprint", "updated_at", "created_at"}
MAX_CHANGES = 6


@dataclass(frozen=True)
class Entry:
    """One line of an order's history."""

    event: AuditEvent
    record: str   # e.g. "报关单 declaration CD-HR26E0001"
    what: str     # e.g. "status draft → approved; pre_entry_no E2026… (was empty)"


def related_records(store: Store, order: Order) -> dict[tuple[str, str], str]:
    """``(kind, key) -> label`` of every record about ``order`` (the order itself first)."""
    key, ext = order.natural_key(), order.external_id
    found: dict[tuple[str, str], str] = {("order", key): key}
    declarations = [d for d in store.all(Declaration) if d.order_key == key]
    invoice_keys = {d.invoice_key for d in declarations if d.invoice_key}
    packing_keys = {d.packing_list_key for d in declarations if d.packing_list_key}
    for d in declarations:
        found[("declaration", d.natural_key())] = d.number
    for inv in store.all(Invoice):
        if inv.order_ref in (ext, key) or inv.natural_key() in invoice_keys:
            found[("invoice", inv.natural_key())] = inv.number or inv.natural_key()
    for pl in store.all(PackingList):
        if pl.order_ref in (ext, key) or pl.natural_key() in packing_keys:
            found[("packing_list", pl.natural_key())] = pl.number
    for dn in store.all(Delivery):
        if dn.order_ref in (ext, key):
            found[("delivery", dn.natural_key())] = dn.delivery_no
    targets = {k for (kind, k) in found if kind in ("order", "invoice")}
    for m in store.all(Match):
        hit = [a for a in m.allocations if a.target_key in targets] or \
              [w for w in m.write_offs if w.target_key in targets]
        if hit:
            found[("match", m.natural_key())] = f"{m.payment_key.split('|')[-1]} ({m.status})"
            found[(m.payment_kind, m.payment_key)] = m.payment_key.split("|")[-1]
    return found


def _shown(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if isinstance(value, list):
        return f"{len(value)} entries"
    if isinstance(value, dict):
        return f"{len(value)} fields"
    return str(value)


def describe_change(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """``status draft → approved; items changed`` for the fields that differ (first few, then a count)."""
    before, after = before or {}, after or {}
    parts = []
    for name in [*after, *(k for k in before if k not in after)]:
        if name in SKIP_FIELDS or before.get(name) == after.get(name):
            continue
        old, new = before.get(name), after.get(name)
        if isinstance(old, list | dict) or isinstance(new, list | dict):
            parts.append(f"{name} changed ({_shown(old)} → {_shown(new)})" if _shown(old) != _shown(new)
                         else f"{name} changed")
        else:
            parts.append(f"{name} {_shown(old)} → {_shown(new)}")
    if len(parts) > MAX_CHANGES:
        parts = [*parts[:MAX_CHANGES], f"{len(parts) - MAX_CHANGES} more fields"]
    return "; ".join(parts)


def _values(data: dict[str, Any] | None) -> str:
    return ", ".join(f"{k} {_shown(v)}" for k, v in (data or {}).items()
                     if k not in SKIP_FIELDS and v not in (None, "", [], {}) and not isinstance(v, list | dict))


def describe_event(event: AuditEvent) -> str:
    """What an audit event did, in words."""
    action = event.action
    if action == "created":
        return ACTION_LABELS["created"]
    if action == "updated":
        change = describe_change(event.before, event.after)
        return f"{ACTION_LABELS['updated']}: {change}" if change else ACTION_LABELS["updated"]
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    words = action.replace("->", " → ").replace(":", ": ").replace("_", " ")
    if isinstance(event.before, dict) and isinstance(event.after, dict) and event.before:
        change = describe_change(event.before, event.after)
        return f"{words} ({change})" if change else words
    shown = _values(event.after if isinstance(event.after, dict) else None)
    return f"{words} ({shown})" if shown else words


def order_history(store: Store, order: Order) -> list[Entry]:
    """Every event of the order and of :func:`related_records`, oldest first (links of the order too)."""
    records = related_records(store, order)
    events: list[AuditEvent] = []
    seen: set[tuple] = set()
    for kind, key in records:
        for e in store.history((kind, key), include_linked=kind == "order"):
            ident = (e.at, e.kind, e.key, e.action, e.note)
            if ident not in seen:
                seen.add(ident)
                events.append(e)
    events.sort(key=lambda e: e.at)
    return [Entry(e, f"{KIND_LABELS.get(e.kind, e.kind)} {records.get((e.kind, e.key), e.key.split('|')[-1])}",
                  describe_event(e)) for e in events]


def entries_json(entries: Iterable[Entry]) -> Iterable[dict[str, Any]]:
    """One dict per entry (``orderhub history --json``): the event and its description."""
    for entry in entries:
        e = entry.event
        yield {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "kind": e.kind, "key": e.key,
               "record": entry.record, "what": entry.what, "note": e.note, "attachment": e.attachment,
               "before": e.before, "after": e.after}
