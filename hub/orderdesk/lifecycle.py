"""The order lifecycle: received -> reviewed -> scheduled -> quality_passed -> shipped -> paid -> closed.

Stages and transitions with their gates are data (``data/lifecycle.toml``); each gate is a named check
here. :func:`advance` refuses a forbidden transition with every missing condition (``InputError``) and
writes each allowed one as a ``transition`` audit event (who, when, attachments with their sha256).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hub.errors import InputError
from hub.orderdesk.desk import Desk
from hub.orderdesk.review import Reviewer
from hub.orderdesk.rules import RuleSet, load_rules
from hub.orderdesk.tomlfile import read_toml
from hub.records import ORDER_STATUSES, Order
from hub.store import Store

_CENT = Decimal("0.01")
#: The forward sequence of statuses (cancelled is off to the side).
FORWARD = tuple(s for s in ORDER_STATUSES if s != "cancelled")


@dataclass(frozen=True)
class Stage:
    """One status: its label, owner and how many days an order may stay in it."""

    name: str
    label: str
    owner: str
    max_days: int | None


@dataclass(frozen=True)
class Transition:
    """Allowed moves into ``to`` and the gates they need."""

    sources: tuple[str, ...]
    to: str
    requires: tuple[str, ...]


@dataclass(frozen=True)
class Lifecycle:
    """Stages and transitions from the lifecycle file."""

    stages: dict[str, Stage]
    transitions: tuple[Transition, ...]
    changeable: tuple[str, ...]
    recheck_after: tuple[str, ...]
    source: str

    def find(self, source: str, target: str) -> Transition | None:
        """The transition from ``source`` to ``target``, if allowed."""
        return next((t for t in self.transitions if t.to == target and source in t.sources), None)

    def into(self, target: str) -> list[Transition]:
        """Every transition into ``target``."""
        return [t for t in self.transitions if t.to == target]


@dataclass
class GateContext:
    """What gates look at: the order, the rules (action kinds), the desk (payments), attachments."""

    order: Order
    rules: RuleSet
    desk: Desk
    attachments: tuple[Path, ...] = ()
    reached: frozenset[str] = frozenset()


def _no_hold(ctx: GateContext) -> str | None:
    held = [h for h in ctx.order.rule_hits
            if ctx.rules.kind_of(h.action) == "hold" and h.action not in ctx.order.approvals]
    if not held:
        return None
    detail = "; ".join(f"{h.rule}: " + ", ".join(f"{k}={v}" for k, v in h.values.items()) for h in held)
    actions = sorted({h.action for h in held})
    return (f"not on hold 未冻结 ({detail}; release with `orderhub orders approve ORDER "
            f"{' / '.join(actions)}`)")


def _approvals(ctx: GateContext) -> str | None:
    missing = [h for h in ctx.order.rule_hits
               if ctx.rules.kind_of(h.action) == "approval" and h.action not in ctx.order.approvals]
    if not missing:
        return None
    parts = []
    for hit in missing:
        action = ctx.rules.actions[hit.action]
        values = ", ".join(f"{k}={v}" for k, v in hit.values.items())
        parts.append(f"{action.label} signed off (rule {hit.rule}: {values}; "
                     f"`orderhub orders approve ORDER {hit.action}`)")
    return "; ".join(parts)


def _quality(ctx: GateContext) -> str | None:
    if ctx.order.status == "quality_passed" or "quality_passed" in ctx.reached:
        return None
    return f"quality passed 质检通过 (the order is {ctx.order.status})"


def _paid(ctx: GateContext) -> str | None:
    if ctx.order.payment_confirmed or ctx.desk.payment_covered(ctx.order):
        return None
    total = ctx.desk.order_total_cny(ctx.order).quantize(_CENT)
    paid = ctx.desk.order_paid_cny(ctx.order.natural_key()).quantize(_CENT)
    return (f"payment confirmed 已确认收款 (received {paid} of {total} CNY; "
            f"`orderhub orders approve ORDER payment_confirmed`)")


def _paid_or_credit(ctx: GateContext) -> str | None:
    missing = _paid(ctx)
    if missing is None or ctx.order.credit_approved:
        return None
    return missing.replace("payment confirmed 已确认收款", "payment confirmed or approved credit 已收款或已批准赊销", 1) \
        .replace("`)", "` or `orderhub orders approve ORDER credit_approved`)")


def _attachment(ctx: GateContext) -> str | None:
    return None if ctx.attachments else "an attachment 附件 (--attach FILE)"


#: The gates a transition may require, by the name used in the lifecycle file.
GATES: dict[str, Callable[[GateContext], str | None]] = {
    "no_hold": _no_hold,
    "approvals_signed_off": _approvals,
    "quality_passed": _quality,
    "payment_confirmed": _paid,
    "payment_or_credit": _paid_or_credit,
    "attachment": _attachment,
}


def load_lifecycle(path: str | Path | None = None) -> Lifecycle:
    """Read the lifecycle file; reject it on any error, with the line and the reason."""
    doc = read_toml(path, "lifecycle.toml")
    data = doc.data
    doc.unknown_keys(data, {"changeable", "recheck_after", "stages", "transition"}, (), "lifecycle")
    stages: dict[str, Stage] = {}
    raw_stages = data.get("stages") or {}
    if not isinstance(raw_stages, dict):
        doc.error(("stages",), "[stages] must be a table of stage tables")
        raw_stages = {}
    for name, spec in raw_stages.items():
        path_ = ("stages", name)
        if name not in ORDER_STATUSES:
            doc.error(path_, f"unknown stage {name!r} (order statuses: {', '.join(ORDER_STATUSES)})")
            continue
        if not isinstance(spec, dict):
            doc.error(path_, f"stage {name}: expected a table")
            continue
        doc.unknown_keys(spec, {"label", "owner", "max_days"}, path_, f"stage {name}")
        days = spec.get("max_days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 0):
            doc.error((*path_, "max_days"), f"stage {name}: max_days {days!r} is not a whole number of days")
            days = None
        stages[name] = Stage(name, str(spec.get("label", name)), str(spec.get("owner", "")), days)
    transitions = []
    for i, spec in enumerate(data.get("transition") or []):
        path_ = ("transition", i)
        if not isinstance(spec, dict):
            doc.error(path_, f"transition #{i + 1}: write transitions as [[transition]] tables")
            continue
        doc.unknown_keys(spec, {"from", "to", "requires"}, path_, f"transition #{i + 1}")
        sources = spec.get("from", [])
        sources = [sources] if isinstance(sources, str) else sources
        target = spec.get("to")
        bad = [s for s in [*sources, target] if s not in ORDER_STATUSES]
        if bad or not sources:
            doc.error(path_, f"transition #{i + 1}: unknown or missing status {bad or 'from'} "
                             f"(order statuses: {', '.join(ORDER_STATUSES)})")
            continue
        requires = spec.get("requires", [])
        unknown = [g for g in requires if g not in GATES] if isinstance(requires, list) else [requires]
        if unknown:
            doc.error((*path_, "requires"), f"transition #{i + 1}: unknown gate {unknown[0]!r} "
                                            f"(gates: {', '.join(GATES)})")
            continue
        transitions.append(Transition(tuple(sources), target, tuple(requires)))
    lists = {}
    for key in ("changeable", "recheck_after"):
        value = data.get(key, [])
        if not isinstance(value, list) or any(v not in ORDER_STATUSES for v in value):
            doc.error((key,), f"{key}: expected a list of order statuses")
            value = []
        lists[key] = tuple(value)
    doc.raise_errors()
    return Lifecycle(stages, tuple(transitions), lists["changeable"], lists["recheck_after"], doc.source)


def refresh_hits(store: Store, desk: Desk, rules: RuleSet, key: str, actor: str) -> Order:
    """The order with its rule hits re-evaluated as things stand (recorded when they changed), so that
    gates and sign-offs never rest on stale or missing hits. Closed and cancelled orders stay as they are."""
    current = desk.orders[key]
    if current.status in ("closed", "cancelled"):
        return current
    reviewer = Reviewer(desk, rules)
    review = reviewer.review(current)
    if review.changed:
        with store.batch(actor) as batch:
            reviewer.record(batch, review)
        assert review.order is not None
        current = desk.orders[key] = review.order
    return current


def resolve_order_key(store: Store, text: str) -> str:
    """The natural key of an order given as ``channel|id`` or its bare external id."""
    keys = store.find_keys("order", text.strip())
    if not keys:
        from hub.where import which_store

        raise InputError(f"no order {text!r} in {which_store(store)}")
    if len(keys) > 1:
        raise InputError(f"{text!r} names several orders ({', '.join(keys)}); give channel|id")
    return keys[0]


def reached_statuses(store: Store, key: str) -> frozenset[str]:
    """Statuses an order has been moved into (from its ``transition`` events)."""
    return frozenset(e.after.get("status") for e in store.history(("order", key), include_linked=False)
                     if e.action == "transition" and e.after)


def missing_conditions(order: Order, target: str, *, lifecycle: Lifecycle, rules: RuleSet, desk: Desk,
                       attachments: tuple[Path, ...] = (), reached: frozenset[str] = frozenset()) -> list[str]:
    """What stops ``order`` from moving to ``target`` (empty when the move is allowed)."""
    if target not in ORDER_STATUSES:
        return [f"{target!r} is not an order status (statuses: {', '.join(ORDER_STATUSES)})"]
    if target == order.status:
        return [f"the order is already {target}"]
    ctx = GateContext(order, rules, desk, attachments, reached)
    transition = lifecycle.find(order.status, target)
    if transition is None and order.status in FORWARD and target in FORWARD \
            and FORWARD.index(target) < FORWARD.index(order.status):
        return [f"the order is already {order.status}, past {target}: orders only move forward"]
    if transition is None and order.status in ("closed", "cancelled"):
        return [f"the order is {order.status}: nothing moves it any more"]
    missing: list[str] = []
    candidates = [transition] if transition else lifecycle.into(target)
    if transition is None:
        sources = sorted({s for t in candidates for s in t.sources}, key=ORDER_STATUSES.index)
        if sources:
            missing.append(f"{target} can only follow {' or '.join(sources)} (the order is {order.status})")
        else:
            missing.append(f"nothing moves into {target}")
    gates = dict.fromkeys(g for t in candidates for g in t.requires)
    for gate in gates:
        problem = GATES[gate](ctx)
        if problem and problem not in missing:
            missing.append(problem)
    return missing


@dataclass
class TransitionResult:
    """An order moved to a new status, with the audit facts."""

    key: str
    before: str
    after: str
    actor: str
    attachments: list[dict[str, str]]
    order: Order


def store_attachments(store: Store, paths: Iterable[str | Path]) -> list[dict[str, str]]:
    """Copy attachments into ``ORDERHUB_HOME/attachments`` by content hash; path, name, sha256 of each."""
    stored = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError("attachment not found (not a file)", source=str(path))
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        target = store.settings.home / "attachments" / digest[:2] / f"{digest[:16]}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(path, target)
        stored.append({"name": path.name, "path": str(target), "sha256": digest, "bytes": str(len(data))})
    return stored


def advance(store: Store, order: str, target: str, *, by: str | None = None,
            attachments: Iterable[str | Path] = (), note: str | None = None,
            lifecycle: Lifecycle | None = None, rules: RuleSet | None = None,
            as_of: date | None = None) -> TransitionResult:
    """Move an order to ``target`` if its gates pass; otherwise raise ``InputError`` naming each missing
    condition (and log the refusal). ``order`` is ``channel|id`` or a bare external id."""
    lifecycle = lifecycle or load_lifecycle()
    rules = rules or load_rules()
    key = resolve_order_key(store, order)
    desk = Desk.load(store, as_of=as_of)
    actor = by or store.settings.actor
    current = refresh_hits(store, desk, rules, key, actor)
    files = tuple(Path(p) for p in attachments)
    missing = missing_conditions(current, target, lifecycle=lifecycle, rules=rules, desk=desk,
                                 attachments=files, reached=reached_statuses(store, key))
    if missing:
        if target in ORDER_STATUSES and target != current.status:
            with store.batch(actor) as batch:
                batch.event("transition_refused", current, before={"status": current.status},
                            after={"status": target, "missing": missing}, note="; ".join(missing))
        raise InputError(f"cannot move order {key} from {current.status} to {target}: missing "
                         + "; ".join(missing))
    stored = store_attachments(store, files)
    updated = current.model_copy(update={"status": target})
    with store.batch(actor) as batch:
        batch.upsert([updated], note=f"status {current.status} -> {target}")
        batch.event("transition", updated, before={"status": current.status},
                    after={"status": target, "attachments": stored}, note=note,
                    attachment="; ".join(a["path"] for a in stored) or None)
    return TransitionResult(key, current.status, target, actor, stored, updated)


@dataclass
class ApprovalResult:
    """A sign-off recorded on an order."""

    key: str
    what: str
    actor: str
    order: Order


FLAGS = ("payment_confirmed", "credit_approved")


def approve(store: Store, order: str, what: str, *, by: str | None = None, note: str | None = None,
            rules: RuleSet | None = None, as_of: date | None = None) -> ApprovalResult:
    """Sign off what a rule hit asks for (e.g. ``finance_review``), release a hold (``freeze``), or
    confirm payment / approve credit (``payment_confirmed``, ``credit_approved``)."""
    rules = rules or load_rules()
    key = resolve_order_key(store, order)
    actor = by or store.settings.actor
    current = refresh_hits(store, Desk.load(store, as_of=as_of), rules, key, actor)
    signable = [name for name, a in rules.actions.items() if a.kind in ("approval", "hold")]
    if what in FLAGS:
        if getattr(current, what):
            raise InputError(f"order {key}: {what} is already set")
        updated = current.model_copy(update={what: True})
        hits: list[str] = []
    elif what in signable:
        hits = [h.rule for h in current.rule_hits if h.action == what]
        if not hits:
            raise InputError(f"order {key} has no rule hit asking for {what} (its hits: "
                             f"{', '.join(h.action for h in current.rule_hits) or 'none'})")
        if what in current.approvals:
            raise InputError(f"order {key}: {what} is already signed off")
        updated = current.model_copy(update={"approvals": [*current.approvals, what]})
    else:
        raise InputError(f"cannot approve {what!r}: expected one of {', '.join([*signable, *FLAGS])}")
    with store.batch(actor) as batch:
        batch.upsert([updated], note=f"{what} signed off")
        batch.event("approval", updated, after={"what": what, "rules": hits}, note=note)
    return ApprovalResult(key, what, actor, updated)
