"""Commands that bots adds to `orderhub`: ``scrape`` (a portal by site profile) and ``bank download``."""

from __future__ import annotations

import json
import logging
import time
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from hub.errors import InputError

console = Console()
bank_app = typer.Typer(help="The bank portal: e-receipts (电子回单) and statements.", no_args_is_help=True)


def _day(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from None


def _logging() -> None:
    from bots.credentials import RedactSecrets

    handler = logging.StreamHandler()
    handler.addFilter(RedactSecrets())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("bots")
    if not logger.handlers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def scrape(
    profile: str = typer.Argument(..., help="Site profile: marketplace, webshop, or a path to a .toml"),
    since: str | None = typer.Option(None, "--since", help="First order date (YYYY-MM-DD)"),
    until: str | None = typer.Option(None, "--until", help="Last order date (YYYY-MM-DD)"),
    out: Path | None = typer.Option(None, "--out", help="Folder for the export, downloads and evidence"),
    store: bool = typer.Option(False, "--store", help="Write the orders to the store"),
    url: str | None = typer.Option(None, "--url", help="Portal address (default: the profile's env variable)"),
    workers: int = typer.Option(1, "--workers", min=1, max=8, help="Parallel browser contexts"),
    downloads: bool = typer.Option(True, "--downloads/--no-downloads", help="Fetch the files the profile lists"),
) -> None:
    """Scrape every order of a portal through its site profile; check the count; write an order export."""
    from bots.credentials import Credentials
    from bots.orders import check_export, through_importer, to_orders
    from bots.profiles import load_profile
    from bots.scraper import Scraper

    _logging()
    prof = load_profile(profile)
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        raise InputError(f"--since {first} is after --until {last}")
    out_dir = out or Path("scrapes") / f"{prof.name}-{time.strftime('%Y%m%d-%H%M%S')}"
    credentials = Credentials.from_env(prof.site["user_env"], prof.site["password_env"])
    scraper = Scraper(prof, prof.base_url(url), credentials, out_dir, workers=workers, downloads=downloads,
                      progress=lambda m: console.print(m, highlight=False))
    result = scraper.run(first, last)
    export = out_dir / "orders.xlsx"
    orders = through_importer(to_orders(result.orders, prof.channel, f"{prof.name} portal"), export, prof.channel)
    for path in result.downloads:
        if path.suffix == ".xlsx":                         # the portal's own export must agree too
            console.print(f"{path.name}: {check_export(path, orders, prof.channel)} orders agree with the scrape")
    (out_dir / "run.json").write_text(json.dumps({
        "profile": prof.name, "portal_count": result.portal_count, "orders": len(orders), "pages": result.pages,
        "seconds": round(result.seconds, 1), "stats": result.stats, "downloads": [str(p) for p in result.downloads],
    }, ensure_ascii=False, indent=1))
    console.print(f"{prof.name}: {len(orders)} orders (portal says {result.portal_count}) in {result.seconds:.1f} s; "
                  f"{len(result.downloads)} files; export {export}", highlight=False)
    if store:
        from hub.orderdesk.imports import keep_desk_state
        from hub.store import Store

        st = Store()
        with st.batch(f"bot:{prof.name}") as batch:
            done = batch.upsert(keep_desk_state(st, orders))
        console.print(f"stored: {len(done.inserted)} new, {len(done.updated)} changed, {len(done.unchanged)} unchanged")


@bank_app.command("download")
def bank_download(
    since: str | None = typer.Option(None, "--since", help="First day (YYYY-MM-DD)"),
    until: str | None = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)"),
    out: Path | None = typer.Option(None, "--out", help="Folder for receipts and the statement"),
    url: str | None = typer.Option(None, "--url", help="Bank portal address (default: $ORDERHUB_BANK_URL)"),
) -> None:
    """Download the e-receipts (zip, unpacked) and the statement export of a date range."""
    from bots.bank import download_bank
    from bots.credentials import Credentials
    from bots.profiles import load_profile

    _logging()
    prof = load_profile("bank")
    first, last = _day(since, "--since"), _day(until, "--until")
    out_dir = out or Path("downloads") / f"bank-{time.strftime('%Y%m%d-%H%M%S')}"
    credentials = Credentials.from_env(prof.site["user_env"], prof.site["password_env"])
    result = download_bank(prof.base_url(url), credentials, out_dir, first, last, profile=prof)
    console.print(f"bank: {len(result.receipts)} receipts (portal says {result.receipt_count}), statement "
                  f"{result.statement} with {result.statement_count} transactions", highlight=False)


def register(app: typer.Typer) -> None:
    """Add bots's commands to the `orderhub` app."""
    app.command("scrape")(scrape)
    app.add_typer(bank_app, name="bank")
