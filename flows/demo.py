"""``orderhub demo``: the one entry point that shows the product on a generated demo world."""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from hub.errors import InputError
from hub.records import Customer, Order, Product
from hub.settings import load_settings
from hub.store import Store, UpsertResult

console = Console()

DEFAULT_SEED = 2026
DEFAULT_ORDERS = 120


@dataclass
class DemoSummary:
    """What the demo loaded and found, for the closing summary."""

    world_dir: Path
    database: str
    orders_per_channel: Counter[str] = field(default_factory=Counter)
    loaded: UpsertResult = field(default_factory=UpsertResult)
    duplicate_groups: list[list[str]] = field(default_factory=list)
    test_orders: list[str] = field(default_factory=list)
    seconds: float = 0.0


def exact_duplicate_key(order: Order, customers: dict[str, Customer]) -> tuple:
    """The same order seen twice: same customer, currency, and the same SKUs, quantities and amounts."""
    customer = order.customer_code or order.customer_name
    lines = tuple(sorted((line.sku or line.description, line.quantity.normalize(), line.amount.normalize())
                         for line in order.lines))
    return (customer, order.currency, lines)


def find_exact_duplicates(orders: list[Order], customers: dict[str, Customer]) -> list[list[str]]:
    """Groups of order keys from different channels that share :func:`exact_duplicate_key`."""
    groups: dict[tuple, list[Order]] = defaultdict(list)
    for order in orders:
        if not order.is_test:
            groups[exact_duplicate_key(order, customers)].append(order)
    return [sorted(o.natural_key() for o in group) for group in groups.values()
            if len({o.channel for o in group}) > 1]


def load_world_into_store(world_dir: Path, store: Store, actor: str = "demo") -> DemoSummary:
    """Load the master data and orders of a generated world into the store (idempotent)."""
    from fixtures.world import load_world

    world = load_world(world_dir)
    summary = DemoSummary(world_dir=world_dir, database=repr(store))
    with store.batch(actor) as batch:
        summary.loaded = batch.upsert([*world.customers, *world.products, *world.orders],
                                      note=f"demo world {world_dir}")
    customers = {c.code: c for c in world.customers}
    summary.orders_per_channel = Counter(o.channel for o in world.orders)
    summary.test_orders = [o.natural_key() for o in world.orders if o.is_test]
    summary.duplicate_groups = find_exact_duplicates(world.orders, customers)
    with store.batch(actor) as batch:
        for group in summary.duplicate_groups:
            first, *others = group
            for other in others:
                batch.link(("order", other), "duplicate_of", ("order", first))
    return summary


def _print_summary(summary: DemoSummary, store: Store, home: Path) -> None:
    table = Table(title="Orders loaded per channel", title_justify="left")
    table.add_column("channel")
    table.add_column("orders", justify="right")
    for channel, n in sorted(summary.orders_per_channel.items()):
        table.add_row(channel, str(n))
    table.add_row("[bold]total[/]", f"[bold]{sum(summary.orders_per_channel.values())}[/]")
    console.print(table)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for order in store.all(Order):
        if not order.is_test:
            totals[order.currency] += order.total
    console.print("Order value (excluding test orders): " +
                  ", ".join(f"{ccy} {amount:,.2f}" for ccy, amount in sorted(totals.items())))
    console.print(f"Master data: {store.count(Customer)} customers, {store.count(Product)} products")
    console.print(f"Written this run: {len(summary.loaded.inserted)} new, {len(summary.loaded.updated)} changed,"
                  f" {len(summary.loaded.unchanged)} already stored (re-running is safe)")
    console.print(f"Cross-channel duplicates found by exact key: [bold]{len(summary.duplicate_groups)}[/]"
                  f" groups; test orders set aside: {len(summary.test_orders)}")
    for group in summary.duplicate_groups[:5]:
        console.print(f"  • {'  =  '.join(group)}")
    example = summary.duplicate_groups[0][0] if summary.duplicate_groups else None
    home_arg = f"ORDERHUB_HOME={home}"
    lines = [
        f"World files: [cyan]{summary.world_dir}[/] (documents, statements, dealer Excel, truth.json)",
        f"Database:    [cyan]{summary.database}[/]",
        "",
        "Next:",
        "  . .venv/bin/activate",
    ]
    if example:
        lines.append(f"  {home_arg} orderhub history '{example}'   # an order's full history")
    lines.append("  orderhub fixtures world --seed 7 --orders 500 --out /tmp/world   # a bigger world")
    console.print(Panel("\n".join(lines), title=f"orderhub demo done in {summary.seconds:.1f} s",
                        border_style="green"))


def demo(
    out: Path = typer.Option(Path("demo"), "--out", help="Folder for the demo world and its database"),
    seed: int = typer.Option(DEFAULT_SEED, help="Seed of the generated world (same seed, same world)"),
    orders: int = typer.Option(DEFAULT_ORDERS, min=1, max=5000, help="Number of orders to generate"),
    scans: bool = typer.Option(False, "--scans/--no-scans", help="Also render scanned documents (slower)"),
) -> None:
    """Generate a demo world into ./demo, load it into the store and summarise what came in."""
    from fixtures.world import generate_world

    started = time.perf_counter()
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder")
    world_dir = out / f"world-{seed}-{orders}"
    home = out
    os.environ["ORDERHUB_HOME"] = str(home)
    store = Store(settings=load_settings(home))
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        step = progress.add_task("Generating the demo world", total=2)
        if not (world_dir / "world.json").exists():
            generate_world(seed=seed, orders=orders, scans=scans, out=world_dir)
        progress.advance(step)
        progress.update(step, description="Loading master data and orders into the store")
        summary = load_world_into_store(world_dir, store)
        progress.advance(step)
    summary.seconds = time.perf_counter() - started
    _print_summary(summary, store, home)


def register(app: typer.Typer) -> None:
    """Add ``orderhub demo``."""
    app.command("demo")(demo)
