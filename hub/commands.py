"""hub's own commands: ``orderhub history``, ``orderhub companies`` and ``orderhub db``."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from hub.cli import app
from hub.errors import InputError
from hub.store import Store

console = Console()
db_app = typer.Typer(help="The database: create or upgrade its schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring it to the newest schema."""
    store = Store()
    console.print(f"database ready: {store!r}")


@app.command("history")
def history(
    order: str = typer.Argument(..., help="Order key (channel|external id) or just its external id"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event"),
) -> None:
    """Show an order's full history: its own events and those of linked records, oldest first."""
    store = Store()
    keys = store.find_keys("order", order)
    if not keys:
        raise InputError(f"no order {order!r} in {store!r}")
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


@app.command("companies")
def companies(as_json: bool = typer.Option(False, "--json", help="One JSON object per company")) -> None:
    """Show our own companies (the our-companies master that decides roles on documents) and its file."""
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


from hub.orderdesk import commands as _orderdesk  # noqa: F401,E402
