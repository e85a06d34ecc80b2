"""hub's own commands: ``orderhub history``, ``orderhub companies`` and ``orderhub db``; ``orders`` and
``grades`` (the order desk, imported when they run)."""

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
    wide: bool = typer.Option(False, "--wide", help="One line per event, however wide the terminal"),
) -> None:
    """Everything that touched an order, oldest first: its own events, its declaration's (prefill,
    approval, filing, acceptance), its invoices, packing lists, delivery notes, matches and payments."""
    from hub.history import entries_json, order_history
    from hub.records import Order
    from hub.store import Store
    from hub.tables import print_table

    store = Store()
    keys = store.find_keys("order", order)
    if not keys:
        from hub.where import which_store

        raise InputError(f"no order {order!r} in {which_store(store)}")
    if len(keys) > 1:
        raise InputError(f"{order!r} names several orders ({', '.join(keys)}); give channel|id")
    record = store.get(Order, keys[0])
    entries = order_history(store, record)
    if as_json:
        for item in entries_json(entries):
            print(json.dumps(item, ensure_ascii=False, default=str))
        return
    rows = [(e.event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), e.event.actor, e.record, e.what,
             e.event.note or e.event.attachment or "") for e in entries]
    print_table(f"History of order {keys[0]} ({len(rows)} events)", ("when", "who", "record", "what", "note"), rows,
                ids=(0,), keep=(2,), wide=wide)


@app.command("companies")
def companies(as_json: bool = typer.Option(False, "--json", help="One JSON object per company")) -> None:
    """Show our own companies (the our-companies master that decides roles on documents) and its file."""
    from rich.table import Table

    from hub.settings import our_companies, our_companies_path

    try:
        found = our_companies()
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if as_json:
        for c in found:
            print(json.dumps({"name": c.name, "name_en": c.name_en, "tax_ids": list(c.tax_ids),
                              "accounts": list(c.accounts), "aliases": list(c.aliases)}, ensure_ascii=False))
        return
    path = our_companies_path()
    if not found:
        console.print(f"no companies in {path} (documents' roles are then read from their labels only)")
        return
    table = Table(title=f"Our companies ({path})")
    for col in ("name", "English name", "tax ids", "accounts", "aliases"):
        table.add_column(col)
    for c in found:
        table.add_row(c.name, c.name_en, ", ".join(c.tax_ids), ", ".join(c.accounts), ", ".join(c.aliases))
    console.print(table)
