"""``orderhub customs``: prefill export declarations, write and apply the review workbook, list and show."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

customs_app = typer.Typer(help="Export declarations (出口报关单): prefill, review workbook, apply, list, show.",
                          no_args_is_help=True)
console = Console()
CODES_HELP = "Folder with your own code tables (<table>.csv, defaults.toml); default ORDERHUB_CUSTOMS_CODES"


def register(app: typer.Typer) -> None:
    """Add ``orderhub customs`` to the ``orderhub`` app."""
    app.add_typer(customs_app, name="customs")


def _context(codes: Path | None, rules: Path | None, tariff: Path | None):
    from customs.codes import CodeTables
    from customs.hs import load_tariff
    from customs.lint import load_rules
    from customs.prefill import Context

    return Context(CodeTables.load(codes), load_tariff(tariff), load_rules(rules))


def _store():
    from hub.store import Store

    return Store()


@customs_app.command("prefill")
def prefill(
    order: str = typer.Argument(..., help="The order: its id (MP-2026...) or channel|id"),
    out: Path | None = typer.Option(None, "--out", help="Write the review workbook here (one invoice) or, for "
                                    "several invoices, CD-<invoice>.xlsx files into this folder"),
    codes: Path | None = typer.Option(None, "--codes", help=CODES_HELP),
    rules: Path | None = typer.Option(None, "--rules", help="Lint rules file (default customs/data/lint_rules.toml)"),
    tariff: Path | None = typer.Option(None, "--tariff", help="Tariff table CSV (default: the demo's)"),
) -> None:
    """Assemble the declaration(s) of an export order from its commercial invoice, packing list and the master
    data, store them as drafts (a clerk's corrections are kept; an approved one is left alone) and print the
    warnings."""
    from customs.prefill import merge, prefill_order
    from customs.review import write_workbook
    from hub.records import Declaration

    ctx = _context(codes, rules, tariff)
    store = _store()
    decls = prefill_order(store, order, context=ctx)
    for fresh in decls:
        existing = store.get(Declaration, fresh.number)
        decl = merge(existing, fresh)
        if decl is not existing:
            with store.batch() as batch:
                batch.upsert([decl], note="prefill")
                if decl.order_key:
                    batch.link(decl, "declares", ("order", decl.order_key))
        kept = " (kept: already " + decl.status + ")" if decl is existing and existing.status != "draft" else ""
        console.print(f"[bold]{decl.number}[/] {decl.status}{kept}: {len(decl.items)} item(s), "
                      f"{decl.currency} {decl.total}, {len(decl.blocking)} blocking / {len(decl.warnings)} warning(s)",
                      highlight=False)
        for w in decl.warnings:
            console.print(f"  {'[red]' if w.blocking else '[yellow]'}{w.severity}[/] {w.field}: {w.message}"
                          + (f" ({w.value} vs {w.expected}" + (f", {w.source}" if w.source else "") + ")"
                             if w.value or w.expected else ""), highlight=False, markup=True)
        if out is not None:
            path = out if len(decls) == 1 and out.suffix == ".xlsx" else out / f"{decl.number}.xlsx"
            write_workbook(decl, path, ctx.tables)
            console.print(f"  review workbook: {path}", highlight=False)


@customs_app.command("apply")
def apply(
    workbook: Path = typer.Argument(..., help="A review workbook written by `orderhub customs prefill --out`"),
    by: str | None = typer.Option(None, "--by", help="The clerk's name for the audit log (default ORDERHUB_ACTOR)"),
    approve: bool = typer.Option(False, "--approve", help="Approve for filing (refused while blocking warnings "
                                 "remain)"),
    codes: Path | None = typer.Option(None, "--codes", help=CODES_HELP),
    rules: Path | None = typer.Option(None, "--rules", help="Lint rules file"),
    tariff: Path | None = typer.Option(None, "--tariff", help="Tariff table CSV"),
) -> None:
    """Read a returned review workbook: store the clerk's corrections (audited under their name), re-check, and
    approve when asked."""
    from customs.review import apply_workbook

    store = _store()
    result = apply_workbook(store, workbook, by=by or store.settings.actor, approve=approve,
                            context=_context(codes, rules, tariff))
    for name, before, after in result.corrections:
        console.print(f"  corrected {name}: {before} -> {after}", highlight=False)
    console.print(f"[bold]{result.number}[/]: {len(result.corrections)} correction(s), status {result.status}, "
                  f"{len(result.blocking)} blocking warning(s)", highlight=False)


@customs_app.command("list")
def list_(status: str | None = typer.Option(None, "--status", help="draft, approved, filed, accepted, returned"),
          as_json: bool = typer.Option(False, "--json", help="One JSON object per line"),
          wide: bool = typer.Option(False, "--wide", help="One line per declaration, however wide the terminal"),
          ) -> None:
    """The stored declarations."""
    from hub.errors import InputError
    from hub.records import DECLARATION_STATUSES, Declaration

    if status and status not in DECLARATION_STATUSES:
        raise InputError(f"--status {status!r} is not one of: {', '.join(DECLARATION_STATUSES)}")
    store = _store()
    decls = store.all(Declaration, status=status)
    if not decls and not as_json:
        from hub.where import nothing_in

        console.print(nothing_in(store, "declarations", filtered=store.count(Declaration) if status else None),
                      highlight=False, soft_wrap=True)
        return
    if as_json:
        for d in decls:
            print(json.dumps({"number": d.number, "status": d.status, "order": d.order_key, "currency": d.currency,
                              "total": str(d.total), "items": len(d.items), "blocking": len(d.blocking),
                              "warnings": len(d.warnings)}, ensure_ascii=False))
        return
    from hub.tables import print_table

    cells = [(d.number, d.status, d.order_key or "", d.overseas_consignee, f"{d.currency} {d.total}",
              str(len(d.items)), str(len(d.blocking)), str(len(d.warnings))) for d in decls]
    print_table(None, ("Declaration", "Status", "Order", "Consignee", "Total", "Items", "Blocking", "Warnings"), cells,
                ids=(0,), keep=(2, 4), right=(4, 5, 6, 7), wide=wide)
    console.print(f"{len(decls)} declaration(s)")


@customs_app.command("show")
def show(number: str = typer.Argument(..., help="The declaration number (CD-<invoice>)"),
         as_json: bool = typer.Option(False, "--json", help="The whole record as JSON")) -> None:
    """One declaration: warnings first, then every field with its source."""
    from hub.errors import InputError
    from hub.records import Declaration
    from hub.records.declaration import HEADER_LABELS, ITEM_LABELS

    store = _store()
    decl = store.get(Declaration, number)
    if decl is None:
        raise InputError(f"no declaration {number!r} in the store (see `orderhub customs list`)")
    if as_json:
        print(json.dumps(decl.payload(), ensure_ascii=False, indent=1))
        return
    console.print(f"[bold]{decl.number}[/] {decl.status}" + (f" (approved by {decl.approved_by})"
                                                                if decl.approved_by else ""), highlight=False)
    for w in decl.warnings:
        console.print(f"  {w}", highlight=False, markup=False)
    table = Table("Field", "Value", "Source")
    for name, label in HEADER_LABELS.items():
        value = getattr(decl, name)
        table.add_row(label, "" if value is None else str(value), decl.sources.get(name, ""))
    console.print(table)
    for item in decl.items:
        table = Table(f"项号 {item.item_no}", "Value", "Source")
        for name, label in ITEM_LABELS.items():
            value = getattr(item, name)
            table.add_row(label, "" if value is None else str(value), item.sources.get(name, ""))
        console.print(table)
    table = Table("When", "Who", "What", "Before", "After", "Note", title="History")
    for e in store.history(decl, include_linked=False):
        table.add_row(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action,
                      json.dumps(e.before, ensure_ascii=False) if e.before and e.action != "updated" else "",
                      json.dumps(e.after, ensure_ascii=False) if e.after and e.action not in ("created", "updated")
                      else "", e.note or "")
    console.print(table)
