"""Orders across channels: test orders set aside, cross-channel duplicates merged, shipments combined.

Rules are data (``data/test_order_rules.toml``). Nothing is deleted: a test order is linked
``set_aside`` to the rule that caught it, a duplicate is linked ``duplicate_of`` its primary (the
first copy; both sources stay), and combined-shipping groups are proposals.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from hub.errors import InputError
from hub.records import Order
from hub.store import Store
from matchers.names import name_key
from matchers.threeway import describe


@dataclass(frozen=True)
class TestRule:
    """One way to recognise a test order (all given conditions must hold)."""

    id: str
    reason: str
    flag: bool | None = None
    patterns: tuple[re.Pattern[str], ...] = ()
    where: str | None = None
    max_total: Decimal | None = None
    max_unit_price: Decimal | None = None

    def hits(self, order: Order) -> bool:
        """True when the order meets every condition of the rule."""
        if self.flag is not None and order.is_test != self.flag:
            return False
        if self.patterns:
            texts = {"customer_name": [order.customer_name], "remarks": [order.remarks],
                     "lines": [ln.description for ln in order.lines]}
            pool = texts[self.where] if self.where else [t for ts in texts.values() for t in ts]
            if not any(p.search(t or "") for p in self.patterns for t in pool):
                return False
        if self.max_total is not None and order.total > self.max_total:
            return False
        if self.max_unit_price is not None and any(ln.unit_price > self.max_unit_price for ln in order.lines):
            return False
        return True


@dataclass(frozen=True)
class DedupeRules:
    """Test-order rules, the duplicate window and the combined-shipping window."""

    tests: tuple[TestRule, ...]
    dup_days: int
    dup_total_pct: Decimal
    channel_priority: tuple[str, ...]
    ship_days: int
    open_statuses: tuple[str, ...]

    @classmethod
    def load(cls, path: str | Path | None = None) -> DedupeRules:
        """From ``path`` or the packaged ``test_order_rules.toml``."""
        source = str(path or "matchers/data/test_order_rules.toml")
        try:
            text = Path(path).read_text(encoding="utf-8") if path else resources.files("matchers").joinpath(
                "data/test_order_rules.toml").read_text(encoding="utf-8")
            data: dict[str, Any] = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"cannot read the rules: {exc}", source=source) from None
        tests = []
        for n, raw in enumerate(data.get("rule", []), start=1):
            if "id" not in raw or "reason" not in raw:
                raise InputError(f"rule {n} needs an id and a reason", source=source)
            where = raw.get("field")
            if where not in (None, "customer_name", "remarks", "lines"):
                raise InputError(f"rule {raw['id']}: field must be customer_name, remarks or lines", source=source)
            try:
                patterns = tuple(re.compile(p, re.I) for p in raw.get("text", []))
            except re.error as exc:
                raise InputError(f"rule {raw['id']}: bad pattern: {exc}", source=source) from None
            tests.append(TestRule(raw["id"], raw["reason"], raw.get("flag"), patterns, where,
                                  Decimal(raw["max_total"]) if "max_total" in raw else None,
                                  Decimal(raw["max_unit_price"]) if "max_unit_price" in raw else None))
        dup, ship = data.get("duplicates", {}), data.get("combined_shipping", {})
        return cls(tuple(tests), int(dup.get("date_window_days", 3)), Decimal(str(dup.get("total_pct", "0.5"))),
                   tuple(dup.get("channel_priority", [])), int(ship.get("date_window_days", 7)),
                   tuple(ship.get("open_statuses", ["received", "reviewed", "scheduled"])))


@dataclass
class DuplicateGroup:
    """Copies of one order from several channels: the primary kept, the others linked to it."""

    primary: str
    duplicates: list[str]
    reason: str


@dataclass
class DedupeResult:
    """Test orders set aside, duplicate groups, and combined-shipping groups."""

    test_orders: list[tuple[str, str, str]] = field(default_factory=list)  # key, rule id, reason
    duplicates: list[DuplicateGroup] = field(default_factory=list)
    shipping_groups: list[list[str]] = field(default_factory=list)


def _customer(order: Order) -> str:
    return order.customer_code or name_key(order.customer_name)


def _signature(order: Order) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted(((ln.sku or describe(ln.description)).upper(), ln.quantity.normalize())
                        for ln in order.lines))


def dedupe_orders(orders: Iterable[Order], rules: DedupeRules | None = None,
                  name_of: dict[str, str] | None = None) -> DedupeResult:
    """Find test orders, cross-channel duplicates and same-customer shipping groups."""
    rules = rules or DedupeRules.load()
    result = DedupeResult()
    live: list[Order] = []
    for order in orders:
        rule = next((r for r in rules.tests if r.hits(order)), None)
        if rule is not None:
            result.test_orders.append((order.natural_key(), rule.id, rule.reason))
        else:
            live.append(order)
    prio = {ch: i for i, ch in enumerate(rules.channel_priority)}
    blocks: dict[tuple[str, str, tuple], list[Order]] = defaultdict(list)
    for order in live:
        who = (name_of or {}).get(order.natural_key()) or _customer(order)
        blocks[(who, order.currency, _signature(order))].append(order)
    merged: set[str] = set()
    for block in blocks.values():
        if len(block) < 2:
            continue
        block.sort(key=lambda o: (o.order_date, prio.get(o.channel, 99), o.natural_key()))
        taken: set[str] = set()
        for i, first in enumerate(block):
            if first.natural_key() in taken:
                continue
            copies = []
            channels = {first.channel}
            for other in block[i + 1:]:
                if other.natural_key() in taken or other.channel in channels:
                    continue
                days = abs((other.order_date - first.order_date).days)
                gap = abs(other.total - first.total)
                if days <= rules.dup_days and gap <= first.total * rules.dup_total_pct / 100:
                    copies.append(other)
                    channels.add(other.channel)
            if copies:
                taken.update(o.natural_key() for o in [first, *copies])
                merged.update(o.natural_key() for o in copies)
                result.duplicates.append(DuplicateGroup(
                    first.natural_key(), [o.natural_key() for o in copies],
                    f"same customer, same {len(first.lines)} line(s) and total {first.total} {first.currency}, "
                    f"from {', '.join(o.channel for o in [first, *copies])} within "
                    f"{max(abs((o.order_date - first.order_date).days) for o in copies)} day(s)"))
    by_customer: dict[str, list[Order]] = defaultdict(list)
    for order in live:
        if order.natural_key() not in merged and order.status in rules.open_statuses:
            by_customer[(name_of or {}).get(order.natural_key()) or _customer(order)].append(order)
    for group in by_customer.values():
        group.sort(key=lambda o: (_ship_day(o), o.natural_key()))
        run: list[Order] = []
        for order in group:
            if run and (_ship_day(order) - _ship_day(run[0])).days > rules.ship_days:
                if len(run) > 1:
                    result.shipping_groups.append([o.natural_key() for o in run])
                run = []
            run.append(order)
        if len(run) > 1:
            result.shipping_groups.append([o.natural_key() for o in run])
    return result


def _ship_day(order: Order) -> date:
    return order.promised_date or order.order_date


def store_dedupe(store: Store, result: DedupeResult, actor: str | None = None) -> int:
    """Record the result in the store as links (idempotent): returns how many links were new."""
    new = 0
    with store.batch(actor) as batch:
        for key, rule_id, _reason in result.test_orders:
            new += batch.link(("order", key), "set_aside", ("test_rule", rule_id))
        for group in result.duplicates:
            for dup in group.duplicates:
                new += batch.link(("order", dup), "duplicate_of", ("order", group.primary))
    return new
