"""Commands that extractors adds to ``orderhub``: ``orderhub extract``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from extractors.registry import KINDS


def register(app: typer.Typer) -> None:
    """Add extractors's commands to the ``orderhub`` app."""
    app.command("extract")(extract)
    from extractors import quarantine_cli

    quarantine_cli.register(app)  # quarantine list|retry


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)"),
    kind: str = typer.Option("auto", "--kind", help=f"One of: {', '.join(KINDS)}"),
    store: bool = typer.Option(False, "--store", help="Upsert the records (and a SourceFile per file) into the store"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per file on stdout (JSON Lines)"),
    threshold: float = typer.Option(0.9, "--threshold", min=0, max=1,
                                    help="Fields with a lower confidence are listed in needs_review"),
    channel: str = typer.Option("dealer", "--channel", help="Channel of the orders in order exports"),
    customer: str | None = typer.Option(None, "--customer", help="Buyer of order exports without a customer column "
                                        "(instead of a guess from their title rows or file name)"),
    bank: str | None = typer.Option(None, "--bank", help="Bank of statements that name none (e.g. 中国银行)"),
    account: str | None = typer.Option(None, "--account", help="Our account number for such statements"),
    workers: int | None = typer.Option(None, "--workers", help="OCR processes (default: all cores)"),
    force_kind: bool = typer.Option(False, "--force-kind", help="Read the documents as --kind even where their "
                                    "title says another kind (a true invoice refused as 'not an invoice: a "
                                    "quotation'); your decision, kept in the audit log with --store"),
) -> None:
    """Read invoices, bank receipts, packing lists (PDF/scans), bank statements (csv/xls/xlsx, MT940,
    CAMT.053) and order exports (xlsx/csv) into records. Bad files are quarantined; the batch goes on.
    Exit status: 0 all read cleanly, 1 a file could not be read (quarantined), 3 all read but a field or a
    row needs a person (status needs_review)."""
    from extractors.pipeline import Options, extract_paths
    from hub.errors import InputError
    from hub.settings import load_settings
    from hub.store import Store

    if kind not in KINDS:
        raise InputError(f"--kind {kind!r} is not one of: {', '.join(KINDS)}")
    missing = [p for p in paths if not p.exists()]
    if missing:  # a path that is not there was never read: not a file to quarantine
        err = Console(stderr=True)
        for path in missing:
            err.print("[bold red]error:[/]", Text(f"no such file or folder: {path}"), highlight=False, soft_wrap=True)
        paths = [p for p in paths if p.exists()]
        if not paths:
            raise typer.Exit(1)
    settings = load_settings()
    target = Store(settings=settings) if store else None
    options = Options(kind=kind, threshold=threshold, channel=channel, customer=customer, bank=bank, account=account,
                      workers=workers, force_kind=force_kind)
    err = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def progress(what: str, done: int, total: int) -> None:
            label = "OCR pages" if what == "OCR pages" else "files"
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total)

        outcomes = extract_paths(paths, settings, options, store=target, progress=progress)
    if as_json:
        for outcome in outcomes:
            sys.stdout.write(json.dumps(outcome.to_json(threshold), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        _table(outcomes, threshold)
    if missing or any(not o.ok for o in outcomes):
        raise typer.Exit(1)
    if any(o.status(threshold) == "needs_review" for o in outcomes):
        raise typer.Exit(NEEDS_REVIEW_EXIT)


#: Exit status when every file was read but something needs a person (a field, a row).
NEEDS_REVIEW_EXIT = 3


def _table(outcomes: list, threshold: float) -> None:
    from hub.records import FILE_STATUS_LABELS

    console = Console()
    table = Table(title=f"orderhub extract: {len(outcomes)} file(s)")
    for col in ("file", "kind", "status", "records", "review / error"):
        table.add_column(col, overflow="fold")
    for o in outcomes:
        status = FILE_STATUS_LABELS.get(o.status(threshold), o.status(threshold))
        if o.ok:
            notes = []
            fields = o.needs_review(threshold)
            if fields:
                notes.append("check: " + ", ".join(fields))
            notes += [w.describe() for w in o.row_warnings[:5]]
            if len(o.row_warnings) > 5:
                notes.append(f"... {len(o.row_warnings) - 5} more rows not read")
            if not notes and o.warnings:
                notes.append("; ".join(o.warnings)[:120])
            stored = f" (stored +{o.stored['inserted']} ~{o.stored['updated']})" if o.stored else ""
            style = "yellow" if o.status(threshold) == "needs_review" else "green"
            table.add_row(Path(o.source).name, o.kind or "", f"[{style}]{status}[/]", f"{len(o.records)}{stored}",
                          "\n".join(notes) or "ok")
        else:
            table.add_row(Path(o.source).name, o.kind or "", f"[red]{status}[/]", "-", f"[red]{o.error}[/]")
    console.print(table)
