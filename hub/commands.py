"""hub's own commands: ``orderhub history`` and ``orderhub db``; ``orders`` and ``grades`` (the order
desk, imported when they run)."""

from __future__ import annotations

import json

import typer
from rich.console import Console

from hub.cli import app, lazy_command
from hub.errors import InputError

console = Console()
lazy_command(app, "orders", "hub.orderdesk.commands",
             "Orders: list, review rules, lifecycle moves, sign-offs, change requests.")
lazy_command(app, "grades", "hub.orderdesk.commands",
             "Customer grades (A/B/C) from payment history, frequency and margin.")
db_app = typer.Typer(help="The database: create or upgrade its schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring it to the newest schema."""
    from hub.store import Store

    store = Store()
    from hub.where import store_place

    console.print(f"database ready: {store_place(store)}", highlight=False, soft_wrap=True)


@app.command("history")
def history(
    order: str = typer.Argument(..., help="Order key (channel|external id) or just its external id"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event"),
) -> None:
    """Show an order's full history: its own events and those of linked records, oldest first."""
    from rich.table import Table

    from hub.store import Store

    store = Store()
    keys = store.find_keys("order", order)
    if not keys:
        from hub.where import which_store

        raise InputError(f"no order {order!r} in {which_store(store)}")
    if len(keys) > 1:
        raise InputError(f"{order!r} names several orders ({', '.join(keys)}); give channel|id")
    events = store.history(("order", keys[0]))
    if as_json:
        for e in events:
            print(json.dumps({"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "kind": e.kind,
                              "key": e.key, "note": e.note, "attachment": e.attachment,
                              "before": e.before, "after": e.after}, ensure_ascii=False))
        return
    table = Table(title=f"History of order {keys[0]}")
    for col in ("when", "who", "what", "record", "note"):
        table.add_column(col)
    for e in events:
        table.add_row(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, f"{e.kind} {e.key}",
                      e.note or e.attachment or "")
    console.print(table)
