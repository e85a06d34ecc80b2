"""``orderhub demo``: the whole product on a generated demo world, run as Prefect flows on the embedded
server: the demo portals are served in-process, then import-orders, ingest-documents (bank portal and the
documents folder), customs-prefill for the export orders (clean declarations approved automatically and filed
on the demo single window), reconcile (review answered automatically, or left paused with ``--review``) and
the order desk (rule hits, grades, integrity report). Writes ``demo/out/``; re-running it is safe.

Prefect is imported only inside :func:`demo`, after its settings are in the environment.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.files import FILES_ROOT_ENV, FILES_URL_ENV
from hub.errors import InputError
from hub.settings import load_settings

if TYPE_CHECKING:
    from fixtures.world import World
    from hub.store import Store

console = Console()

FILES_PORT = 4280  # the demo's file server (workbook links in the artifacts)
DEFAULT_SEED = 2026
DEFAULT_ORDERS = 120
STEPS = 8
#: The demo's automatic review confirms a top candidate scoring at least this; the rest wait in the station.
DEMO_AUTO_ACCEPT = 0.9


@dataclass
class DemoResult:
    """What each step returned, for the closing summary."""

    world_dir: Path
    out: Path
    imported: Any = None
    ingested: list[Any] = field(default_factory=list)
    as_of: date | None = None
    customs: Any = None
    reconciled: Any = None
    desk: Any = None
    integrity: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0


def world_day(world: World) -> date:
    """The demo world's "today": the last day its bank statement covers (ages and overdue days count from it)."""
    days = [s.booking_date for s in world.statement_lines] + [r.value_date for r in world.receipts]
    return max(days) if days else date.today()


def load_master_data(world: World, store: Store) -> int:
    """Customers, products and delivery notes from the world (the ERP's export); idempotent."""
    with store.batch("demo") as batch:
        done = batch.upsert([*world.customers, *world.products, *world.deliveries], note=f"demo ERP data {world.root}")
    return done.changed


def write_quarantine_report(store: Store, path: Path) -> Path:
    """Every quarantined file the store knows with its reason, the rows not read and the files stored for
    review (Markdown)."""
    from extractors.ingest import report_from_store

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_from_store(store), encoding="utf-8")
    return path


def dealer_drop(world: World, target: Path) -> Path:
    """The office's dealer drop folder: the world's dealer spreadsheets, and a ``dealers.toml`` naming the
    buyer of the exports that name none (as the clerk who set up the folder would)."""
    shutil.copytree(world.path("channels/dealer"), target, dirs_exist_ok=True)
    buyers = sorted({o.customer_name for o in world.orders
                     if o.channel == "dealer" and o.external_id.startswith("PO-")})
    lines = ["[customers]"] + [f'"PO_export_*.xlsx" = "{b}"' for b in buyers[:1]]
    (target / "dealers.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def drop_bad_documents(world_dir: Path) -> Path:
    """What a real inbox also holds: a PDF cut short in transfer, a photo saved as ``.pdf`` and a spreadsheet
    whose columns name nothing orderhub knows. Ingesting them quarantines each with its reason."""
    inbox = world_dir / "documents" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    invoice = next(iter(sorted((world_dir / "documents" / "invoices").glob("*.pdf"))), None)
    if invoice is not None and not (inbox / "invoice_cut_short.pdf").exists():
        data = invoice.read_bytes()
        (inbox / "invoice_cut_short.pdf").write_bytes(data[: len(data) // 3])
    if not (inbox / "receipt_photo.pdf").exists():
        (inbox / "receipt_photo.pdf").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 512)
    if not (inbox / "colleague_notes.csv").exists():
        (inbox / "colleague_notes.csv").write_text("Lunch,Who pays,Remarks\nMonday,Wang,noodles\n", encoding="utf-8")
    return inbox


@contextmanager
def demo_portals(world: World) -> Iterator[dict[str, str]]:
    """The four demo portals on free ports (uvicorn in a thread); the bots' env variables point at them."""
    from fixtures.portals.data import PortalData
    from fixtures.portals.server import USERS, serve_portals
    from fixtures.portals.web import demo_password

    data = PortalData.from_world(world, world.root)
    with serve_portals(data) as running:
        for site, url in running.urls.items():
            os.environ[f"ORDERHUB_{site.upper()}_URL"] = url
            os.environ[f"ORDERHUB_{site.upper()}_USER"] = USERS[site]
            os.environ[f"ORDERHUB_{site.upper()}_PASSWORD"] = demo_password()
        yield running.urls


def _prefect_env() -> None:
    """Prefect settings for the demo, before Prefect is imported: quiet console, the project's home."""
    from flows.environment import apply_defaults

    apply_defaults()
    # flows log at INFO to the Prefect API (the UI shows each run's logs); the console shows warnings only
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")


def _our_companies(world, home: Path) -> None:
    """The our-companies master in the demo's home: the world's own company (documents' roles use it)."""
    from fixtures.generator.masterdata import our_company_master
    from hub.settings import OUR_COMPANIES_FILE, write_our_companies

    if world.our_company:
        write_our_companies([our_company_master(world.our_company)], home / OUR_COMPANIES_FILE)


class _OneLine(logging.Formatter):
    """A console formatter that prints a failure's message without its traceback; the record keeps it for
    the handlers that ran before (the Prefect API: the UI shows the whole traceback)."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return self.inner.format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _one_line_failures() -> None:
    """The demo's console shows a failed task (a declaration the single window refuses) as one line: its
    traceback stays in the run's logs in the Prefect UI, where an admin retries it."""
    for handler in logging.getLogger().handlers:
        if type(handler).__name__ == "PrefectConsoleHandler" and not isinstance(handler.formatter, _OneLine):
            handler.setFormatter(_OneLine(handler.formatter))


def run_demo(out: Path, seed: int, orders: int, review: bool, review_minutes: float,
             step: Callable[[str], None] = lambda _s: None) -> DemoResult:
    """Every step of the demo; ``step`` is told each step's name as it starts."""
    _prefect_env()
    from fixtures.world import generate_world, load_world
    from flows.customs_prefill import customs_prefill_flow
    from flows.import_orders import import_orders_flow
    from flows.ingest import ingest_documents_flow
    from flows.orderdesk import integrity_report_flow, order_desk_flow
    from flows.reconcile import reconcile_flow
    from hub.store import Store

    _one_line_failures()
    world_dir = out / f"world-{seed}-{orders}"
    home = out / "home"
    out_files = out / "out"
    os.environ["ORDERHUB_HOME"] = str(home)
    os.environ.pop("ORDERHUB_DATABASE_URL", None)
    # the artifacts' workbook links point at the file server the printed `orderhub server` command starts
    os.environ.setdefault(FILES_URL_ENV, f"http://127.0.0.1:{FILES_PORT}")
    os.environ.setdefault(FILES_ROOT_ENV, str(out))
    store = Store(settings=load_settings(home))
    result = DemoResult(world_dir, out_files)

    step("Generating the demo world")
    if not (world_dir / "world.json").exists():
        if world_dir.exists():
            shutil.rmtree(world_dir)  # a generation cut short: start it again
        generate_world(seed=seed, orders=orders, scans=False, out=world_dir)
    world = load_world(world_dir)
    _our_companies(world, home)
    load_master_data(world, store)
    from fixtures.portals.web import demo_password
    from station.demo import add_demo_reviewers

    add_demo_reviewers(store, demo_password())  # the review station's users, one per role
    drop_bad_documents(world_dir)

    step("Starting the demo portals")
    with demo_portals(world) as urls:
        step("import-orders: scraping marketplace and web shop, reading dealer files")
        result.imported = import_orders_flow(
            channels=[{"profile": "marketplace", "base_url": urls["marketplace"]},
                      {"profile": "webshop", "base_url": urls["webshop"]}],
            dealer_folder=str(dealer_drop(world, home / "drop" / "dealer")), home=str(home), retry_delays=[2.0],
            fail_on_channel_error=False)
        step("ingest-documents: bank portal downloads, then the documents folder")
        result.ingested.append(ingest_documents_flow(bank=True, bank_url=urls["bank"], home=str(home),
                                                     folder=str(home / "downloads" / "bank")))
        result.ingested.append(ingest_documents_flow(folder=str(world_dir / "documents"), home=str(home)))
        step("customs-prefill: export declarations prefilled, clean ones approved and filed")
        result.customs = customs_prefill_flow(review="auto", portal_url=urls["customs"], home=str(home),
                                              out_dir=str(out_files / "customs"), poll_seconds=1,
                                              decision_timeout=60, actor="demo")

    step("reconcile: cash application and three-way match" + (" (waiting for your review)" if review else ""))
    if review:
        console.print(Panel(
            "The reconcile run is about to pause for your review. In another terminal run the command below, "
            "then open http://127.0.0.1:4201 → Runs → 'reconcile (pause review)' → Resume, fill in the form "
            f"and submit. This demo waits up to {review_minutes:g} minutes; unanswered items stay in review.",
            title="Review in the Prefect UI", border_style="yellow"))
        print_commands([("Start the UI", f"{_env(home, prefect=True)} {orderhub_command()} server --port 4201 "
                                          f"--files-port {FILES_PORT} --files-root {shlex.quote(str(out))}")])
    day = result.as_of = world_day(world)
    result.reconciled = reconcile_flow(review="pause" if review else "auto", out_dir=out_files, as_of=day,
                                       timeout_minutes=review_minutes, poll_seconds=5,
                                       auto_accept=DEMO_AUTO_ACCEPT)  # the doubtful ones stay for the station

    step("order desk: review rules, customer grades, integrity report")
    result.desk = order_desk_flow(since_hours=None, actor="demo", as_of=day)
    result.integrity = integrity_report_flow(as_of=day, out=out_files / "integrity-report.xlsx")

    step("Writing demo/out")
    result.files = {"reconciliation workbook": Path(result.reconciled.workbook),
                    "three-way holds": Path(result.reconciled.threeway_workbook),
                    "integrity report": out_files / "integrity-report.xlsx",
                    "quarantine report": write_quarantine_report(store, out_files / "quarantine-report.md"),
                    "customs review workbooks": out_files / "customs"}
    for name in ("reconciliation.xlsx", "three-way-holds.xlsx"):
        src = result.files["reconciliation workbook" if name.startswith("rec") else "three-way holds"]
        shutil.copyfile(src, out_files / name)  # stable names beside the dated ones
    result.files["reconciliation workbook"] = out_files / "reconciliation.xlsx"
    result.files["three-way holds"] = out_files / "three-way-holds.xlsx"
    return result


def _summary(result: DemoResult, store: Store) -> None:
    from hub.records import Customer, Delivery, Match, Product

    imp = result.imported
    table = Table(title="import-orders", title_justify="left")
    table.add_column("channel")
    table.add_column("orders", justify="right")
    for channel, n in sorted(imp.per_channel.items()):
        table.add_row(channel, str(n))
    console.print(table)
    console.print(f"  written {imp.inserted} new, {imp.updated} changed, {imp.unchanged} unchanged; test orders "
                  f"set aside {len(imp.test_orders)}; cross-channel duplicates {len(imp.duplicates)} groups"
                  + (f"; [red]failed: {', '.join(imp.failed_channels)}[/]" if imp.failed_channels else ""))
    for ing in result.ingested:
        r = ing.result
        console.print(f"ingest-documents {ing.folder}: {ing.files} files ({ing.skipped} already ingested), "
                      f"{r.records_inserted} new records, for review {len(r.review)}, quarantined {len(r.quarantined)}")
    rec = result.reconciled
    after = getattr(rec, "statuses_after", None) or rec.statuses
    console.print(f"reconcile: after review {', '.join(f'{k} {v}' for k, v in sorted(after.items()))}; three-way holds "
                  f"{rec.holds} of {rec.invoices_checked}; review ({rec.review}): applied {len(rec.applied)}, "
                  f"refused {len(rec.refused)}, still in review {rec.in_review}")
    cus = result.customs
    if cus is not None:
        console.print(f"customs-prefill: {len(cus.prefilled)} declarations prefilled "
                      f"({len(cus.warnings)} with warnings, {len(cus.failed_orders)} orders could not be prefilled); "
                      f"approved {len(cus.approved)}, accepted by customs {len(cus.accepted)}, returned (退单) "
                      f"{len(cus.returned)}, filing failed {len(cus.filing_failed)}, left for a clerk "
                      f"{len(cus.not_filed)}")
    desk = result.desk
    grades = Table(title="Customer grades", title_justify="left")
    for col in ("customer", "grade"):
        grades.add_column(col)
    for c in sorted(store.all(Customer), key=lambda c: c.code)[:12]:
        grades.add_row(f"{c.code} {c.name}", str(getattr(c, "grade", None) or "-"))
    console.print(grades)
    console.print("Grade counts: " + ", ".join(f"{g} {n}" for g, n in sorted(desk.grades.items())))
    console.print(f"Order rule hits ({desk.reviewed} orders reviewed): "
                  + (", ".join(f"{rule} {n}" for rule, n in sorted(desk.hits.items())) or "none"))
    integ = Table(title=f"Integrity report as of {result.as_of} (the demo world's last bank day)",
                  title_justify="left", min_width=72)
    integ.add_column("category")
    integ.add_column("rows", justify="right")
    for name, n in sorted(result.integrity.items()):
        integ.add_row(name, str(n))
    console.print(integ)
    console.print(f"Store: {store.count(Match)} matches, {store.count(Delivery)} deliveries, "
                  f"{store.count(Product)} products")
    lines = [f"[bold]{name}[/]: {path}" for name, path in result.files.items()]
    from fixtures.portals.web import DEFAULT_PASSWORD, demo_password
    from station.demo import station_waiting

    hint = f"password {DEFAULT_PASSWORD}" if demo_password() == DEFAULT_PASSWORD else \
        "password: $ORDERHUB_PORTAL_PASSWORD"
    lines += ["", station_waiting(store, hint)]
    console.print(Panel("\n".join(lines), title=f"orderhub demo done in {result.seconds:.0f} s", border_style="green"))
    print_commands(next_commands(result))


def _env(home: Path, prefect: bool = False) -> str:
    prefix = f"ORDERHUB_HOME={shlex.quote(str(home))}"
    if prefect:
        prefix += f" PREFECT_HOME={shlex.quote(os.environ.get('PREFECT_HOME', '.prefect'))}"
    return prefix


def orderhub_command() -> str:
    """The ``orderhub`` executable of this environment as a user types it here: relative to the working folder
    when it lies inside it (``.venv/bin/orderhub`` in the project), else its absolute path (``orderhub`` when
    the environment has none, e.g. run as a module)."""
    exe = Path(sys.executable).parent / "orderhub"  # not resolved: the venv's python links to the system's
    if not exe.exists():
        return "orderhub"
    try:
        return shlex.quote(str(exe.absolute().relative_to(Path.cwd())))
    except ValueError:
        return shlex.quote(str(exe.absolute()))


def next_commands(result: DemoResult) -> list[tuple[str, str]]:
    """What to try next, as ``(what, command)``: each command carries the demo's ``ORDERHUB_HOME`` (and
    ``PREFECT_HOME`` for the server) and, where a rule counts days, the demo world's last day."""
    home = result.out.parent / "home"
    day = f" --as-of {result.as_of.isoformat()}" if result.as_of else ""
    workbook = result.files.get("reconciliation workbook", result.out / "reconciliation.xlsx")
    cmd = orderhub_command()
    from station.config import station_url

    return [
        ("See the runs, logs, artifacts and schedules in the Prefect UI (then open http://127.0.0.1:4200; "
         "the workbook links open while it runs)",
         f"{_env(home, prefect=True)} {cmd} server --files-port {FILES_PORT} "
         f"--files-root {shlex.quote(str(result.out.parent))}"),
        (f"Decide the review items in {workbook}, then", f"{_env(home)} {cmd} reconcile apply "
                                                          f"{shlex.quote(str(workbook))} --by <your-name>"),
        ("The orders, urgent ones first", f"{_env(home)} {cmd} orders list{day}"),
        ("The integrity report on the demo world's last day", f"{_env(home)} {cmd} report integrity{day}"),
        ("The export declarations", f"{_env(home)} {cmd} customs list"),
        ("Files that could not be read, with the reason", f"{_env(home)} {cmd} quarantine list"),
        (f"The review station (复核台) for documents, payments and declarations (then open {station_url('/')})",
         f"{_env(home)} {cmd} review"),
    ]


def print_commands(commands: list[tuple[str, str]], out: Console | None = None) -> None:
    """Each command on one line of its own, outside any box, never wrapped by us (the terminal folds a
    long line but copying it gives the whole command)."""
    out = out or console
    for what, command in commands:
        out.print(f"{what}:", highlight=False, soft_wrap=True)
        out.print(f"  [bold]{escape(command)}[/]", highlight=False, soft_wrap=True)


def demo(
    out: Path = typer.Option(Path("demo"), "--out", help="Folder for the demo world, its store and out/"),
    seed: int = typer.Option(DEFAULT_SEED, help="Seed of the generated world (same seed, same world)"),
    orders: int = typer.Option(DEFAULT_ORDERS, min=10, max=5000, help="Number of orders to generate"),
    review: bool = typer.Option(False, "--review", help="Leave the reconciliation review paused for you in the UI"),
    review_minutes: float = typer.Option(30.0, "--review-minutes", help="How long --review waits for you"),
) -> None:
    """Run the whole product on a generated world: portals, import-orders, ingest-documents, customs-prefill,
    reconcile, order desk; writes demo/out/ (safe to re-run)."""
    started = time.perf_counter()
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder")
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(), console=console,
                  transient=False) as progress:
        bar = progress.add_task("orderhub demo", total=STEPS)
        seen: list[str] = []

        def step(name: str) -> None:
            if seen:
                progress.advance(bar)
            seen.append(name)
            progress.update(bar, description=name)

        result = run_demo(out, seed, orders, review, review_minutes, step)
        progress.update(bar, completed=STEPS, description="done")
    result.seconds = time.perf_counter() - started
    from hub.store import Store

    _summary(result, Store(settings=load_settings(out / "home")))


def register(app: typer.Typer) -> None:
    """Add ``orderhub demo``."""
    app.command("demo")(demo)
