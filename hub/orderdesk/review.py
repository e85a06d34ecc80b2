"""Reviewing orders: the facts of an order, the special processes it asks for, and recording rule hits.

:func:`review_orders` evaluates the review rules on orders (by default every ``received`` one) and
writes what changed: the hits on the order (``rule_hits``, ``urgent``) and one audit event per new or
changed hit (``rule_hit``) or per hit that no longer applies (``rule_cleared``), with the values.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hub.errors import InputError
from hub.orderdesk.csvfile import read_csv_text
from hub.orderdesk.desk import ZERO, Desk
from hub.orderdesk.rules import RuleSet, load_rules
from hub.records import Order, RuleHit
from hub.schema import audit_events
from hub.store import Batch, Store

#: Statuses whose quantities are promised from stock but not yet shipped.
COMMITTED_STATUSES = ("received", "reviewed", "scheduled", "quality_passed")


@dataclass(frozen=True)
class Process:
    """A special process (特殊工艺) and the words (Chinese and English) that name it."""

    code: str
    name_zh: str
    name_en: str
    patterns: tuple[re.Pattern[str], ...]

    @property
    def label(self) -> str:
        """``电泳 (electrophoretic coating)``."""
        return f"{self.name_zh} ({self.name_en})"

    def found_in(self, text: str) -> bool:
        """True when any of its terms appears in the (normalised) text."""
        return any(p.search(text) for p in self.patterns)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def load_processes(path: str | Path | None = None) -> tuple[Process, ...]:
    """Special processes from a CSV (code, name_zh, name_en, terms separated by ``|``)."""
    text, source = read_csv_text(path, "special_processes.csv")
    reader = csv.DictReader(text.splitlines())
    need = {"code", "name_zh", "name_en", "terms"}
    if not reader.fieldnames or not need <= set(reader.fieldnames):
        raise InputError(f"needs the columns {', '.join(sorted(need))}", source=source)
    processes = []
    for row_no, row in enumerate(reader, start=2):
        terms = [t.strip() for t in (row["terms"] or "").split("|") if t.strip()]
        if not row["code"] or not terms:
            raise InputError(f"line {row_no}: a process needs a code and at least one term", source=source)
        patterns = []
        for term in terms:
            t = _norm(term)
            if t.isascii():  # English: the term must start a word ("galvaniz" matches "galvanized")
                body = r"[\s-]*".join(re.escape(w) for w in re.split(r"[\s-]+", t))
                patterns.append(re.compile(r"(?<![a-z0-9])" + body))
            else:
                patterns.append(re.compile(re.escape(t)))
        processes.append(Process(row["code"].strip(), row["name_zh"].strip(), row["name_en"].strip(),
                                 tuple(patterns)))
    return tuple(processes)


def order_text(order: Order) -> str:
    """What an order says in words: its line descriptions and its remarks."""
    return "\n".join([*(line.description for line in order.lines), order.remarks])


def special_processes(order: Order, processes: tuple[Process, ...]) -> list[str]:
    """Labels of the special processes named in the order's lines or remarks."""
    text = _norm(order_text(order))
    return [p.label for p in processes if p.found_in(text)]


def stock_short(desk: Desk, order: Order) -> list[str]:
    """SKUs whose stock (minus what other open orders hold) does not cover this order's quantity."""
    needed: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if line.sku:
            needed[line.sku] += line.quantity
    key = order.natural_key()
    short = []
    for sku, quantity in needed.items():
        product = desk.products.get(sku)
        if product is None or product.stock_on_hand is None:
            continue
        held = sum((line.quantity for k, o in desk.orders.items()
                    if k != key and desk.live(o) and o.status in COMMITTED_STATUSES
                    for line in o.lines if line.sku == sku), ZERO)
        free = product.stock_on_hand - held
        if quantity > free:
            short.append(f"{sku} (need {quantity}, free {max(free, ZERO)})")
    return short


def facts_for(desk: Desk, order: Order, processes: tuple[Process, ...]) -> dict[str, Any]:
    """Every fact the review rules can test (see :data:`hub.orderdesk.rules.FIELDS`)."""
    customer = desk.customer_of(order)
    standing = desk.standing(customer.code if customer else None, extra_order=order)
    limit = (desk.rates.to_cny(customer.credit_limit, customer.currency)
             if customer and customer.credit_limit is not None else None)
    lead = (order.promised_date - order.order_date).days if order.promised_date else None
    return {
        "order.channel": order.channel,
        "order.currency": order.currency,
        "order.total": order.total,
        "order.total_cny": desk.order_total_cny(order),
        "order.lead_days": None if lead is None else Decimal(lead),
        "order.line_count": Decimal(len(order.lines)),
        "order.export": order.export,
        "order.text": order_text(order),
        "order.special_processes": special_processes(order, processes),
        "order.stock_short": stock_short(desk, order),
        "customer.known": customer is not None,
        "customer.code": customer.code if customer else None,
        "customer.grade": customer.grade if customer else None,
        "customer.credit_limit_cny": limit,
        "customer.exposure_cny": standing.exposure_cny if customer else None,
        "customer.over_limit_cny": None if limit is None else standing.exposure_cny - limit,
        "customer.overdue_cny": standing.overdue_cny if customer else None,
        "customer.overdue_count": Decimal(standing.overdue_count) if customer else None,
        "customer.overdue_days_max": Decimal(standing.overdue_days_max) if customer else None,
    }


@dataclass
class ReviewResult:
    """What a review found on one order."""

    key: str
    hits: list[RuleHit]
    new_hits: list[RuleHit] = field(default_factory=list)
    cleared: list[RuleHit] = field(default_factory=list)
    order: Order | None = None

    @property
    def changed(self) -> bool:
        """Hits were added, changed or cleared."""
        return bool(self.new_hits or self.cleared)


class Reviewer:
    """Rules, processes and a desk snapshot: evaluates orders and records the hits."""

    def __init__(self, desk: Desk, rules: RuleSet | None = None,
                 processes: tuple[Process, ...] | None = None) -> None:
        self.desk = desk
        self.rules = rules or load_rules()
        self.processes = processes if processes is not None else load_processes()

    def evaluate(self, order: Order) -> tuple[list[RuleHit], dict[str, Any]]:
        """The hits for an order and the facts they were computed from."""
        facts = facts_for(self.desk, order, self.processes)
        return self.rules.evaluate(facts), facts

    def apply(self, order: Order, hits: list[RuleHit]) -> ReviewResult:
        """The order with these hits on it (``urgent`` from priority hits), and what changed."""
        before = {h.rule: h for h in order.rule_hits}
        after = {h.rule: h for h in hits}
        new = [h for h in hits if before.get(h.rule) != h]
        cleared = [h for rule, h in before.items() if rule not in after]
        urgent = any(self.rules.kind_of(h.action) == "priority" for h in hits)
        updated = order.model_copy(update={"rule_hits": hits, "urgent": urgent})
        return ReviewResult(order.natural_key(), hits, new, cleared, updated)

    def record(self, batch: Batch, result: ReviewResult) -> None:
        """Write the order and one audit event per new, changed or cleared hit."""
        assert result.order is not None
        batch.upsert([result.order], note="review rules evaluated")
        self.record_events(batch, result)

    def record_events(self, batch: Batch, result: ReviewResult) -> None:
        """One audit event per new or changed hit (``rule_hit``) and per cleared one (``rule_cleared``)."""
        assert result.order is not None
        for hit in result.new_hits:
            action = self.rules.actions.get(hit.action)
            rule = self.rules.rule(hit.rule)
            batch.event("rule_hit", result.order, after={
                "rule": hit.rule, "action": hit.action, "kind": action.kind if action else None,
                "owner": action.owner if action else None, "values": hit.values,
                "conditions": [c.text() for c in rule.conditions] if rule else [],
            }, note=hit.message or hit.rule)
        for hit in result.cleared:
            batch.event("rule_cleared", result.order, before={"rule": hit.rule, "action": hit.action,
                                                               "values": hit.values},
                        note=f"{hit.rule} no longer applies")

    def review(self, order: Order) -> ReviewResult:
        """Evaluate and apply (nothing written)."""
        hits, _facts = self.evaluate(order)
        return self.apply(order, hits)


def changed_order_keys(store: Store, since: datetime) -> list[str]:
    """Orders created or updated (by an import, a change request ...) after ``since``."""
    query = (select(audit_events.c.key).distinct()
             .where(audit_events.c.kind == "order", audit_events.c.action.in_(("created", "updated")),
                    audit_events.c.at > since))
    with store.engine.connect() as conn:
        return [row.key for row in conn.execute(query)]


def review_orders(store: Store, keys: list[str] | None = None, *, statuses: tuple[str, ...] = ("received",),
                  since: datetime | None = None, actor: str | None = None, as_of: date | None = None,
                  rules: RuleSet | None = None, processes: tuple[Process, ...] | None = None) -> list[ReviewResult]:
    """Evaluate the review rules on orders and record what changed: the given ``keys``; else, with
    ``since``, every order created or changed after it (not closed or cancelled); else every order in
    ``statuses``. Test orders and duplicates are skipped unless named. Idempotent: an unchanged
    evaluation writes nothing."""
    desk = Desk.load(store, as_of=as_of)
    reviewer = Reviewer(desk, rules, processes)
    if keys is None and since is not None:
        targets = [desk.orders[k] for k in changed_order_keys(store, since)
                   if k in desk.orders and desk.live(desk.orders[k])
                   and desk.orders[k].status not in ("closed", "cancelled")]
    elif keys is None:
        targets = [o for o in desk.orders.values() if o.status in statuses and desk.live(o)]
    else:
        missing = [k for k in keys if k not in desk.orders]
        if missing:
            raise InputError(f"no such order: {', '.join(missing)}")
        targets = [desk.orders[k] for k in keys]
    results = [reviewer.review(o) for o in targets]
    changed = [r for r in results if r.changed or (r.order is not None and r.order != desk.orders[r.key])]
    if changed:
        with store.batch(actor) as batch:
            for result in changed:
                reviewer.record(batch, result)
    return results


def review_queue(store: Store) -> list[Order]:
    """Orders waiting for review: urgent ones (A customers) first, then by promised and order date."""
    desk = Desk.load(store)
    waiting = [o for o in desk.orders.values() if o.status == "received" and desk.live(o)]
    return sorted(waiting, key=lambda o: (not o.urgent, o.promised_date or date.max, o.order_date,
                                          o.natural_key()))
