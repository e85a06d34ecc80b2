"""The order desk's commands: ``orderhub orders list|review|advance|approve|change`` and
``orderhub grades recompute|list``. Registered by ``hub/commands.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from hub.cli import app, group
from hub.errors import InputError
from hub.orderdesk.changes import change_order, parse_add, parse_quantity
from hub.orderdesk.desk import Desk
from hub.orderdesk.grading import load_grading, recompute_grades
from hub.orderdesk.lifecycle import advance, approve, load_lifecycle, resolve_order_key
from hub.orderdesk.review import review_orders
from hub.orderdesk.rules import load_rules
from hub.records import ORDER_STATUSES
from hub.store import Store

console = Console()


orders_app = group(app, "orders", "Orders: list, review rules, lifecycle moves, sign-offs, change requests.")
grades_app = group(app, "grades", "Customer grades (A/B/C) from payment history, frequency and margin.")

RULES_OPT = typer.Option(None, "--rules", help="Review rules file (TOML) instead of the shipped one")
AS_OF_OPT = typer.Option(None, "--as-of", help="Evaluate as of this date (YYYY-MM-DD); default today")


@contextmanager
def _rules_rerun(store: Store, key: str, day: date | None) -> Iterator[None]:
    """Say what re-evaluating the review rules changed on ``key`` (new hits, cleared ones), even when the
    command itself then fails: no rule runs as a side effect without saying so."""
    from hub.records import Order

    def hits() -> dict[str, str]:
        current = store.get(Order, key)
        return {h.rule: h.action for h in current.rule_hits} if current else {}

    before = hits()
    try:
        yield
    finally:
        after = hits()
        when = day.isoformat() if day else "today"
        for rule in after.keys() - before.keys():
            console.print(f"{key}: review rules re-run as of {when}: new hit {rule} -> {after[rule]}", highlight=False)
        for rule in before.keys() - after.keys():
            console.print(f"{key}: review rules re-run as of {when}: {rule} no longer applies", highlight=False)


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of {value!r} is not an ISO date (YYYY-MM-DD)") from None


@orders_app.command("list")
def orders_list(
    grade: str | None = typer.Option(None, "--grade", help="Only customers of this grade (A, B, C)"),
    status: str | None = typer.Option(None, "--status", help=f"Only this status ({', '.join(ORDER_STATUSES)})"),
    channel: str | None = typer.Option(None, "--channel", help="Only this channel (marketplace, webshop, dealer ...)"),
    urgent: bool = typer.Option(False, "--urgent", help="Only urgent orders"),
    tests: bool = typer.Option(False, "--include-tests",
                               help="Include test orders and duplicates set aside by the dedupe matcher"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per order"),
    wide: bool = typer.Option(False, "--wide", help="One line per order, however wide the terminal"),
    as_of: str | None = AS_OF_OPT,
) -> None:
    """List orders, urgent ones first (A customers are reviewed first), with grade and rule hits."""
    if grade is not None and grade.upper() not in ("A", "B", "C"):
        raise InputError(f"--grade {grade!r}: expected A, B or C")
    if status is not None and status not in ORDER_STATUSES:
        raise InputError(f"--status {status!r}: expected one of {', '.join(ORDER_STATUSES)}")
    store = Store()
    desk = Desk.load(store, as_of=_as_of(as_of))
    rows = []
    for order in desk.orders.values():
        if status is not None and order.status != status:
            continue
        if (channel and order.channel != channel) or (not tests and not desk.live(order)) or (urgent and not order.urgent):
            continue
        customer = desk.customer_of(order)
        order_grade = customer.grade if customer else None
        if grade is not None and order_grade != grade.upper():
            continue
        rows.append((order, customer, order_grade))
    rows.sort(key=lambda r: (not r[0].urgent, r[0].order_date, r[0].natural_key()))
    if not rows and not as_json:
        from hub.where import nothing_in

        console.print(nothing_in(store, "orders", filtered=len(desk.orders)), highlight=False, soft_wrap=True)
        return
    if as_json:
        for order, customer, order_grade in rows:
            print(json.dumps({"key": order.natural_key(), "customer": customer.code if customer else None,
                              "customer_name": order.customer_name, "grade": order_grade, "status": order.status,
                              "total": str(order.total), "currency": order.currency,
                              "order_date": order.order_date.isoformat(),
                              "promised_date": order.promised_date.isoformat() if order.promised_date else None,
                              "urgent": order.urgent, "hits": [h.rule for h in order.rule_hits],
                              "approvals": order.approvals}, ensure_ascii=False))
        return
    from hub.tables import print_table

    cells = []
    for order, customer, order_grade in rows:
        hits = ", ".join(h.action + ("✓" if h.action in order.approvals else "") for h in order.rule_hits)
        cells.append((order.natural_key(), customer.name if customer else order.customer_name, order_grade or "-",
                      order.status, f"{order.total:,.2f} {order.currency}", order.order_date.isoformat(),
                      order.promised_date.isoformat() if order.promised_date else "", "yes" if order.urgent else "",
                      hits))
    print_table(f"Orders ({len(rows)})", ("order", "customer", "grade", "status", "total", "ordered", "promised",
                                          "urgent", "rule hits"), cells, ids=(0,), keep=(4, 5, 6), right=(4,), wide=wide)


@orders_app.command("review")
def orders_review(
    orders: list[str] = typer.Argument(None, help="Orders to review (default: every received order)"),
    rules: Path | None = RULES_OPT,
    as_of: str | None = AS_OF_OPT,
) -> None:
    """Evaluate the review rules and record each hit (with the rule and the values) on the order."""
    store = Store()
    keys = [resolve_order_key(store, o) for o in orders] if orders else None
    results = review_orders(store, keys, rules=load_rules(rules), as_of=_as_of(as_of))
    changed = [r for r in results if r.changed]
    for result in changed:
        for hit in result.new_hits:
            values = ", ".join(f"{k}={v}" for k, v in hit.values.items())
            console.print(f"{result.key}: [bold]{hit.rule}[/] -> {hit.action} ({values})", highlight=False)
        for hit in result.cleared:
            console.print(f"{result.key}: {hit.rule} cleared", highlight=False)
    console.print(f"reviewed {len(results)} orders; {len(changed)} with new or cleared hits")


@orders_app.command("advance")
def orders_advance(
    order: str = typer.Argument(..., help="Order key (channel|id) or its external id"),
    status: str = typer.Argument(..., help=f"The next status ({', '.join(ORDER_STATUSES)})"),
    by: str | None = typer.Option(None, "--by", help="Who moves it (default ORDERHUB_ACTOR)"),
    attach: list[Path] = typer.Option(None, "--attach", help="A file kept with the transition (repeatable)"),
    note: str | None = typer.Option(None, "--note"),
    rules: Path | None = RULES_OPT,
    lifecycle: Path | None = typer.Option(None, "--lifecycle", help="Lifecycle file (TOML)"),
    as_of: str | None = AS_OF_OPT,
) -> None:
    """Move an order to its next status if the gates pass; otherwise name what is missing. The review
    rules are evaluated again first (as of --as-of); what that changed is printed."""
    store, day = Store(), _as_of(as_of)
    key = resolve_order_key(store, order)
    with _rules_rerun(store, key, day):
        result = advance(store, key, status, by=by, attachments=attach or [], note=note,
                         lifecycle=load_lifecycle(lifecycle), rules=load_rules(rules), as_of=day)
    attached = f" with {', '.join(a['name'] for a in result.attachments)}" if result.attachments else ""
    console.print(f"{result.key}: {result.before} -> {result.after} by {result.actor}{attached}", highlight=False)


@orders_app.command("approve")
def orders_approve(
    order: str = typer.Argument(..., help="Order key (channel|id) or its external id"),
    what: str = typer.Argument(..., help="finance_review, technical_confirmation, freeze (release), "
                                         "payment_confirmed, credit_approved"),
    by: str | None = typer.Option(None, "--by", help="Who signs off (default ORDERHUB_ACTOR)"),
    note: str | None = typer.Option(None, "--note"),
    rules: Path | None = RULES_OPT,
    as_of: str | None = AS_OF_OPT,
) -> None:
    """Sign off what a review rule asked for, release a hold, confirm payment or approve credit. The review
    rules are evaluated again first (as of --as-of); what that changed is printed."""
    store, day = Store(), _as_of(as_of)
    key = resolve_order_key(store, order)
    with _rules_rerun(store, key, day):
        result = approve(store, key, what, by=by, note=note, rules=load_rules(rules), as_of=day)
    console.print(f"{result.key}: {result.what} signed off by {result.actor}", highlight=False)


@orders_app.command("change")
def orders_change(
    order: str = typer.Argument(..., help="Order key (channel|id) or its external id"),
    address: str | None = typer.Option(None, "--address", help="New delivery address"),
    add: list[str] = typer.Option(None, "--add", help="Add an SKU: SKU:QTY or SKU:QTY@PRICE (repeatable)"),
    qty: list[str] = typer.Option(None, "--qty", help="Change a line's quantity: LINE:QTY (repeatable; 0 drops it)"),
    by: str | None = typer.Option(None, "--by", help="Who asks for the change (default ORDERHUB_ACTOR)"),
    note: str | None = typer.Option(None, "--note"),
    rules: Path | None = RULES_OPT,
    as_of: str | None = AS_OF_OPT,
) -> None:
    """Apply a change request: recompute amounts, re-check stock and credit rules (as of --as-of), record
    and notify."""
    quantities = dict(parse_quantity(q) for q in qty or [])
    result = change_order(Store(), order, address=address, add=[parse_add(a) for a in add or []],
                          quantities=quantities, by=by, note=note, rules=load_rules(rules), as_of=_as_of(as_of))
    console.print(f"{result.key}: total {result.total_before} -> {result.total_after} {result.order.currency}",
                  highlight=False)
    for hit in result.new_hits:
        values = ", ".join(f"{k}={v}" for k, v in hit.values.items())
        console.print(f"  rule {hit.rule} -> {hit.action} ({values})", highlight=False)
    if result.revoked:
        console.print(f"  sign-off withdrawn: {', '.join(result.revoked)}", highlight=False)
    if result.status_after != result.status_before:
        console.print(f"  back to {result.status_after} for a new review", highlight=False)


@grades_app.command("recompute")
def grades_recompute(
    config: Path | None = typer.Option(None, "--config", help="Grading file (TOML) instead of the shipped one"),
    as_of: str | None = AS_OF_OPT,
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the grades, store nothing"),
) -> None:
    """Recompute every customer's grade; each change is stored with an audit event holding its figures."""
    store = Store()
    results = recompute_grades(store, as_of=_as_of(as_of), config=load_grading(config), dry_run=dry_run)
    if not results:
        from hub.where import nothing_in

        console.print(nothing_in(store, "customers"), highlight=False, soft_wrap=True)
        return
    from hub.tables import print_table

    cells = []
    for r in results:
        f = r.figures.as_dict()
        cells.append((r.code, r.name, str(r.score) if r.score is not None else "no history", r.new, r.old or "-",
                      f["days_late"] or "", f["overdue_cny"] or "", f["orders_per_month"] or "", f["margin"] or ""))
    print_table(f"Customer grades{' (dry run, nothing stored)' if dry_run else ''}",
                ("customer", "name", "score", "grade", "was", "days late", "overdue CNY", "orders/month", "margin"),
                cells, ids=(0,), keep=(6,), right=(2, 5, 6, 7, 8))
    changed = sum(r.changed for r in results)
    console.print(f"{len(results)} customers graded, {changed} grades {'would change' if dry_run else 'changed'}")
