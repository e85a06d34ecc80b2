"""``orderhub report integrity``: the order desk's integrity rows (hub) written as a workbook (reports).
It combines two packages, so it lives in flows/ (without Prefect)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from hub.cli import group
from hub.errors import InputError

if TYPE_CHECKING:
    from hub.store import Store

console = Console()


def integrity_report(store: Store, out: Path | None = None, *, as_of: date | None = None,
                     lifecycle: Path | None = None, categories: Path | None = None) -> tuple[list, Path | None]:
    """The integrity rows as of a date, and the workbook when ``out`` is given (a flow can call this)."""
    from hub.orderdesk.integrity import integrity_rows, load_categories
    from hub.orderdesk.lifecycle import load_lifecycle
    from reports.integrity import write_integrity_workbook

    as_of = as_of or date.today()
    rows = integrity_rows(store, as_of=as_of, lifecycle=load_lifecycle(lifecycle),
                          categories=load_categories(categories))
    path = write_integrity_workbook(rows, out, as_of=as_of) if out else None
    return rows, path


def register(app: typer.Typer) -> None:
    """Add ``orderhub report integrity`` (into the ``report`` group, shared with other packages)."""
    report_app = group(app, "report", "Reports for people: Excel workbooks to work in.")

    @report_app.command("integrity")
    def report_integrity(
        out: Path | None = typer.Option(None, "--out", help="Write the report as an Excel workbook (.xlsx)"),
        as_of: str | None = typer.Option(None, "--as-of", help="As of this date (YYYY-MM-DD); default today"),
        lifecycle: Path | None = typer.Option(None, "--lifecycle", help="Lifecycle file (stages, owners, days)"),
        categories: Path | None = typer.Option(None, "--categories", help="Integrity categories file (TOML)"),
    ) -> None:
        """Orders past their due stage, shipped but unpaid, invoiced but undelivered, receipts without a
        match: with owners and ages."""
        from rich.table import Table

        from hub.orderdesk.integrity import summary
        from hub.store import Store

        try:
            day = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise InputError(f"--as-of {as_of!r} is not an ISO date (YYYY-MM-DD)") from None
        store = Store()
        rows, path = integrity_report(store, out, as_of=day, lifecycle=lifecycle, categories=categories)
        table = Table(title=f"Integrity report ({len(rows)} rows)")
        for col in ("category", "rows", "amounts", "oldest (days)"):
            table.add_column(col)
        for _name, label, count, amounts, oldest in summary(rows):
            table.add_row(label, str(count), "; ".join(f"{c} {a:,.2f}" for c, a in sorted(amounts.items())),
                          str(oldest))
        console.print(table)
        from hub.records import Order

        if not store.count(Order):
            from hub.where import nothing_in

            console.print(nothing_in(store, "orders"), highlight=False, soft_wrap=True)
        if path:
            console.print(f"written: {path}", highlight=False)
