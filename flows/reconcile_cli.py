"""``orderhub reconcile``, ``orderhub reconcile apply`` and ``orderhub match3``: matchers (proposals) and
reports (workbooks) combined. Library calls only, no Prefect; the functions here are what a flow calls.

Inputs are records: JSON Lines as written by ``orderhub extract --json`` (one record per line, bare or as
``{"kind": ..., "record": {...}}``), a JSON list of records, a demo world's ``world.json``, or the store
(``--from-store``). Document files (PDF, scans, statements) go through the extractors' pipeline when it
is installed (``extractors.pipeline.extract_records``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import typer
from pydantic import ValidationError
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from hub.errors import InputError, RecordError
from hub.records import (
    BankReceipt,
    Customer,
    Delivery,
    Invoice,
    Match,
    Order,
    Product,
    Record,
    RemittanceAdvice,
    SourceFile,
    StatementLine,
)
from hub.store import Store
from matchers.bulk import BulkRun
from matchers.cash import CashResult, reconcile
from matchers.credits import Credit
from matchers.decisions import ApplyReport, ClerkDecision, apply_decisions
from matchers.holds import release_hold, with_releases
from matchers.partial import unsure_from_store
from matchers.review import review_reasons
from matchers.rules import load_rules, rule_of
from matchers.threeway import ThreeWayResult, three_way
from matchers.tolerance import load_profile
from reports.reconciliation import (
    CreditRow,
    DocumentRow,
    HoldRow,
    OpenItemRow,
    PaymentInfo,
    read_decisions,
    write_reconciliation,
)
from reports.threeway import write_threeway

console = Console()
err_console = Console(stderr=True)
KINDS: dict[str, type[Record]] = {cls.KIND: cls for cls in (BankReceipt, StatementLine, Invoice, Order, Customer,
                                                             Product, Delivery, RemittanceAdvice)}
WORLD_SECTIONS = {"receipts": BankReceipt, "statement_lines": StatementLine, "invoices": Invoice, "orders": Order,
                  "customers": Customer, "products": Product, "deliveries": Delivery}


def _guess(payload: dict[str, Any], slot: str) -> type[Record]:
    if slot == "payments":
        return StatementLine if "booking_date" in payload else BankReceipt
    return {"invoices": Invoice, "orders": Order, "customers": Customer, "products": Product,
            "deliveries": Delivery}[slot]


def _validate(cls: type[Record], payload: Any, where: str) -> Record:
    if not isinstance(payload, dict):
        raise InputError(f"expected a JSON object, got {type(payload).__name__}", source=where)
    try:
        return cls.model_validate(payload)
    except ValidationError as exc:
        raise RecordError(exc, source=where) from None


SLOT_KINDS: dict[str, tuple[type[Record], ...]] = {
    "payments": (BankReceipt, StatementLine), "invoices": (Invoice,), "orders": (Order,), "customers": (Customer,),
    "products": (Product,), "deliveries": (Delivery,), "advices": (RemittanceAdvice,)}
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass
class ReadReport:
    """What reading the input files left out: files that could not be read (quarantined, with their
    reason) and records of another kind than the option asked for (counted per kind)."""

    skipped: list[str] = field(default_factory=list)
    ignored: dict[str, dict[str, int]] = field(default_factory=dict)

    def ignore(self, slot: str, kind: str) -> None:
        per = self.ignored.setdefault(slot, {})
        per[kind] = per.get(kind, 0) + 1

    def lines(self) -> list[str]:
        """One line per skipped file and per slot with ignored records, for the console."""
        out = [f"skipped {s}" for s in self.skipped]
        for slot, kinds in self.ignored.items():
            counted = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
            out.append(f"--{'receipts' if slot == 'payments' else slot}: ignored records of another kind ({counted})")
        return out


def read_records(paths: Iterable[Path], slot: str, report: ReadReport | None = None) -> list[Record]:
    """Records of ``slot``'s kinds from JSON Lines, JSON or world.json files and from documents (through
    the extractors' pipeline); folders are read recursively. Records of other kinds are left out (and
    counted in ``report``). With a ``report``, a document that cannot be read is quarantined and named
    there and the rest goes on; without one, it raises :class:`InputError`."""
    wanted = SLOT_KINDS[slot]
    documents: list[Path] = []
    got: list[Record] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError("no such file", source=str(path))
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) \
            if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in RECORD_SUFFIXES:
                got += _read_record_file(f, slot)
            else:
                documents.append(f)
    if documents:
        got += _extract(documents, report)
    out = []
    for record in got:
        if isinstance(record, wanted):
            out.append(record)
        elif report is not None:
            report.ignore(slot, record.KIND)
    return out


def _read_record_file(path: Path, slot: str) -> list[Record]:
    out: list[Record] = []
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {n} is not JSON: {exc.msg}", source=str(path)) from None
            out.extend(_many(obj, slot, f"{path}:{n}"))
        return out
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} (line {exc.lineno})", source=str(path)) from None
    if isinstance(data, dict) and any(k in data for k in WORLD_SECTIONS):
        sections = {"payments": ["receipts", "statement_lines"]}.get(slot, [slot])
        for section in sections:
            for n, payload in enumerate(data.get(section, []), start=1):
                out.append(_validate(WORLD_SECTIONS[section], payload, f"{path}:{section}[{n}]"))
    elif isinstance(data, list):
        for n, obj in enumerate(data, start=1):
            out.extend(_many(obj, slot, f"{path}[{n}]"))
    else:
        raise InputError("expected a list of records or a world.json", source=str(path))
    return out


def _many(obj: Any, slot: str, where: str) -> list[Record]:
    """One line of ``orderhub extract --json`` (a file: ``record`` or ``records`` of ``record_kind``; a
    file that failed carries ``error`` and gives nothing), or one record."""
    if isinstance(obj, dict) and "source" in obj and ("record_kind" in obj or "error" in obj):
        if obj.get("error"):
            return []  # the extractor reported and quarantined it already
        kind = obj.get("record_kind")
        payloads = [obj["record"]] if obj.get("record") is not None else list(obj.get("records") or [])
        if not payloads:
            return []
        if kind not in KINDS:
            raise InputError(f"record kind {kind!r} is not one of {', '.join(KINDS)}", source=where)
        return [_validate(KINDS[kind], p, f"{where} ({obj['source']})") for p in payloads]
    return [_one(obj, slot, where)]


def _one(obj: Any, slot: str, where: str) -> Record:
    if isinstance(obj, dict) and isinstance(obj.get("kind"), str) and isinstance(
            obj.get("record") or obj.get("payload"), dict):
        kind = obj["kind"]
        if kind not in KINDS:
            raise InputError(f"record kind {kind!r} is not one of {', '.join(KINDS)}", source=where)
        return _validate(KINDS[kind], obj.get("record") or obj.get("payload"), where)
    return _validate(_guess(obj, slot) if isinstance(obj, dict) else BankReceipt, obj, where)


def _extract(paths: list[Path], report: ReadReport | None) -> list[Record]:
    """Documents, statements and order exports through the extractors' pipeline. With a report, a file
    that cannot be read is quarantined (as ``orderhub extract`` does) and named in it."""
    from extractors.pipeline import Options, extract_paths
    from hub.settings import load_settings

    outcomes = extract_paths(paths, load_settings(), Options(quarantine=report is not None))
    failed = [o for o in outcomes if not o.ok]
    if failed and report is None:
        raise InputError("; ".join(f"{o.source}: {o.error}" for o in failed))
    for o in failed:
        assert report is not None
        where = f" (quarantined: {o.quarantined})" if o.quarantined else ""
        report.skipped.append(f"{o.source}: {o.error}{where}")
    return [r for o in outcomes if o.ok for r in o.records]


@dataclass
class Inputs:
    """Everything a reconciliation reads."""

    payments: list[BankReceipt | StatementLine] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    read: ReadReport = field(default_factory=ReadReport)
    #: the payers' remittance advices: a payment fitting one is split over the invoices it lists
    advices: list[RemittanceAdvice] = field(default_factory=list)

    @classmethod
    def from_store(cls, store: Store) -> Inputs:
        """Every relevant record in the store."""
        return cls([*store.all(BankReceipt), *store.all(StatementLine)], store.all(Invoice), store.all(Order),
                   store.all(Customer), store.all(Product), store.all(Delivery), advices=store.all(RemittanceAdvice))

    @classmethod
    def from_files(cls, **paths: Sequence[Path]) -> Inputs:
        """Records from the files given per slot (payments, invoices, orders, customers, products, deliveries)."""
        report = ReadReport()
        got = {slot: read_records(files, slot, report) for slot, files in paths.items() if files}
        return cls(**got, read=report)  # type: ignore[arg-type]

    def add_advices(self, paths: Sequence[Path]) -> None:
        """Remittance advices read from ``paths`` besides those already here (one read again replaces its copy)."""
        if not paths:
            return
        named = [a for a in read_records(paths, "advices", self.read) if isinstance(a, RemittanceAdvice)]
        keys = {a.natural_key() for a in named}
        self.advices = [*(a for a in self.advices if a.natural_key() not in keys), *named]

    def merge_master(self, store: Store) -> None:
        """Customers and products from the store where files gave none; a customer given in a file keeps
        the aliases learned in the store."""
        stored = {c.code: c for c in store.all(Customer)}
        if not self.customers:
            self.customers = list(stored.values())
        else:
            merged = []
            for c in self.customers:
                extra = [a for a in stored[c.code].aliases if a not in c.aliases] if c.code in stored else []
                merged.append(c.model_copy(update={"aliases": [*c.aliases, *extra]}) if extra else c)
            self.customers = merged
        if not self.products:
            self.products = store.all(Product)


@dataclass
class ReconcileRun:
    """What one run proposed and wrote."""

    result: CashResult
    holds: list[ThreeWayResult]
    workbook: Path | None
    new: int
    unchanged: int


def payment_infos(payments: Iterable[BankReceipt | StatementLine],
                  bank_names: dict[str, str] | None = None) -> dict[str, PaymentInfo]:
    """What the workbook shows of each payment. A statement whose file names no bank shows the bank of
    its account from ``bank_names`` (the accounts file's [bank_names]), else its account number."""
    if bank_names is None:
        from reports.vouchers import load_accounts

        bank_names = load_accounts().bank_names
    out = {}
    for p in payments:
        if isinstance(p, BankReceipt):
            out[p.natural_key()] = PaymentInfo("receipt", p.natural_key(), p.value_date, p.payer_name or "",
                                               p.amount, p.currency, p.memo, p.bank or "")
        else:
            memo = " ".join(x for x in (p.description, p.reference or "") if x)
            bank = p.bank if p.bank != "unknown" else bank_names.get(p.account) or (
                f"账户 account {p.account}" if p.account else "未注明 not named")
            out[p.natural_key()] = PaymentInfo("statement_line", p.natural_key(), p.value_date or p.booking_date,
                                               p.counterparty_name, abs(p.amount), p.currency, memo, bank)
    return out


def document_rows(store: Store) -> list[DocumentRow]:
    """Files stored for review (fields missing or doubtful, rows not read), for the workbook."""
    rows = []
    for f in store.all(SourceFile, status="needs_review"):
        what = []
        if f.review_fields:
            what.append("字段 fields: " + ", ".join(f.review_fields))
        what += f.warnings
        what += [str(w) for w in f.row_warnings[:5]]
        if len(f.row_warnings) > 5:
            what.append(f"… {len(f.row_warnings) - 5} more rows")
        rows.append(DocumentRow(Path(f.path).name, f.kind, "；\n".join(what) or "待复核 needs review"))
    return rows


def credit_rows(credits: Iterable[Credit]) -> list[CreditRow]:
    """Credit notes as workbook rows."""
    return [CreditRow(c.label, c.original or "", c.buyer, c.currency or "", c.amount, c.target_label, c.why)
            for c in credits]


def hold_rows(results: Iterable[ThreeWayResult]) -> list[HoldRow]:
    """Three-way results as workbook rows."""
    return [HoldRow(r.invoice_number, r.invoice_key, r.order_key or "", ", ".join(r.delivery_nos), r.buyer,
                    r.currency, r.invoice_total, r.status, ", ".join(dict.fromkeys(f.key for f in r.failures)),
                    r.reason) for r in results]


def run_reconcile(inputs: Inputs, *, out: Path | None, store: Store | None = None, save: bool = False,
                  profile: str | None = None, tolerances: Path | None = None, json_out: Path | None = None,
                  actor: str = "reconcile", rules: Path | None = None) -> ReconcileRun:
    """Propose matches (and three-way holds when deliveries are known), write the workbook, and with
    ``save`` store records and proposals (idempotent: an unchanged proposal is not written again)."""
    prof = load_profile(profile, tolerances)
    if store is not None:
        inputs.merge_master(store)
    prior = store.all(Match) if store is not None else []
    # fields the files left for review (low confidence) carry no automatic match
    unsure = unsure_from_store(store) if store is not None else None
    result = reconcile(inputs.payments, inputs.invoices, inputs.orders, inputs.customers, profile=prof,
                       prior=prior, products=inputs.products, rules=load_rules(rules), unsure=unsure,
                       advices=inputs.advices)
    holds = three_way(inputs.invoices, inputs.orders, inputs.deliveries, inputs.products, inputs.customers,
                      profile=prof) if inputs.deliveries else []
    if store is not None:
        holds = with_releases(store, holds)
    new = unchanged = 0
    if save and store is not None:
        with store.batch(actor) as batch:
            batch.upsert([*inputs.customers, *inputs.products, *inputs.orders, *inputs.deliveries, *inputs.invoices,
                          *inputs.payments, *inputs.advices])
            done = batch.upsert(result.matches, note="proposed by reconcile")
        new, unchanged = done.changed, len(done.unchanged)
    customers = {c.code: c.name for c in inputs.customers}
    documents = document_rows(store) if store is not None else []
    items = [OpenItemRow(i.kind, i.key, i.label, customers.get(i.customer_code or "", i.party_name), i.doc_date,
                         i.currency, i.total, i.due) for i in result.open_items()]
    shown = [*result.matches, *result.kept]
    path = write_reconciliation(out, shown, payment_infos(inputs.payments), items, hold_rows(holds),
                                result.set_aside, customers=customers, documents=documents,
                                reasons={m.payment_key: review_reasons(m, prof) for m in shown},
                                credits=credit_rows(result.credits)) if out else None
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        with json_out.open("w", encoding="utf-8") as fh:
            for m in shown:
                fh.write(json.dumps({"kind": "match", "record": m.payload()}, ensure_ascii=False) + "\n")
    return ReconcileRun(result, holds, path, new, unchanged)


#: a store holding at least this many receipts and invoices is reconciled on the large path (rows streamed,
#: parts in processes: ``matchers.bulk``) unless it holds records that path does not use
LARGE_FROM = int(os.environ.get("ORDERHUB_RECONCILE_LARGE_FROM", "100000"))


def wants_large(store: Store, large: bool | None, split: str = "evidence") -> bool:
    """Whether ``reconcile --from-store`` (and the ``reconcile`` flow) takes the large path: as asked, else
    for a store of at least :data:`LARGE_FROM` receipts, statement lines and invoices, with none of the
    records the large path does not use (remittance advices)."""
    from matchers.bulk import not_used

    if large is not None:
        return large
    size = store.count(BankReceipt) + store.count(StatementLine) + store.count(Invoice)
    # the large path does not read remittance advices yet: a store holding them stays on the small path
    return size >= LARGE_FROM and not not_used(store, split)


@dataclass
class LargeRun:
    """What the large path did (:func:`run_reconcile_large`)."""

    run: BulkRun
    workbook: Path | None


def run_reconcile_large(store: Store, *, out: Path | None, save: bool = False, profile: str | None = None,
                        tolerances: Path | None = None, json_out: Path | None = None, actor: str = "reconcile",
                        rules: Path | None = None, workers: int | None = None, split: str = "evidence",
                        list_max: int = 20_000, progress: Callable[[str], None] | None = None) -> LargeRun:
    """``reconcile --from-store`` on a large store (``matchers.bulk.reconcile_store``): the matches of the
    small path (``split="evidence"``), saved by the workers (idempotent), and the workbook of every review
    item with its candidates, scores and reasons, the credit notes and the three-way holds; automatic
    matches and open items are listed when there are at most ``list_max``, else counted on the summary
    (they are in the store). ``json_out`` gets every match (streamed by the workers). ``progress`` gets
    each step's and each part's line (default: the console)."""
    from matchers.bulk import reconcile_store, workers_default
    from matchers.cash import _day

    prof = load_profile(profile, tolerances)
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
    run = reconcile_store(store, workers=workers or workers_default(), split=split,  # type: ignore[arg-type]
                          profile=prof, rules=load_rules(rules), save=save, actor=actor, list_max=list_max,
                          json_out=json_out,
                          progress=progress or (lambda line: console.print(line, highlight=False)))
    shown = [*run.shown, *run.kept]
    infos = {key: PaymentInfo(kind, key, _day(value_date), payer or "", Decimal(str(amount)), currency,
                              memo or "", bank or "")
             for key, (kind, value_date, payer, amount, currency, memo, bank) in run.infos.items()}
    # statement lines as the small path shows them (the bank of an account the file does not name)
    lines = [line for m in shown if m.payment_kind == "statement_line"
             if (line := store.get(StatementLine, m.payment_key)) is not None]
    infos.update(payment_infos(lines))
    if run.kept:
        infos.update(payment_infos(store.all(BankReceipt)))
    names = run.customer_names
    items = [OpenItemRow(i.kind, i.key, i.label, names.get(i.customer_code or "", i.party_name), i.doc_date,
                         i.currency, i.total, i.due) for i in run.open_items]
    not_listed = {"auto": 0 if run.listed_all else run.counts.get("auto", 0),
                  "kept": 0 if run.listed_all else run.kept_count, "open": run.open_count - len(items)}
    holds = with_releases(store, run.holds) if run.holds else []
    path = write_reconciliation(out, shown, infos, items, hold_rows(holds), run.set_aside, customers=names,
                                documents=document_rows(store),
                                reasons={m.payment_key: review_reasons(m, prof) for m in shown},
                                credits=credit_rows(run.credits), not_listed=not_listed) if out else None
    run.holds = holds
    return LargeRun(run, path)


def _print_large(done: LargeRun, save: bool) -> None:
    run = done.run
    c = run.counts
    console.print(f"payments: {sum(c.values()):,} proposed — auto {c['auto']:,}, review {c['review']:,}, "
                  f"unmatched {c['unmatched']:,}; kept as decided {run.kept_count:,}; set aside "
                  f"{len(run.set_aside):,}; {run.parts} parts, {run.merges} merged, largest {run.largest_part:,} "
                  f"payments; {run.seconds.get('total', 0)} s, peak RSS {run.rss_mb['parent']} MB the parent, "
                  + (f"{run.rss_mb['worker']} MB a worker" if "writer" not in run.rss_mb else
                     f"which decided them, {run.rss_mb['writer']} MB the writer"))
    if c["rule"]:
        console.print(f"posted by rule (tax refunds, interest, bank charges ...): {c['rule']:,}")
    if run.holds:
        console.print(f"three-way: {sum(r.status == 'hold' for r in run.holds)} on hold of {len(run.holds)} invoices")
    if run.credits:
        waiting = sum(not c.applied for c in run.credits)
        console.print(f"credit notes: {len(run.credits) - waiting} applied to their invoices, {waiting} for review "
                      "(original invoice not found ...)")
    if save:
        console.print(f"store: {run.saved_new:,} proposals new or changed, {run.saved_unchanged:,} unchanged")
    if run.json_out:
        console.print(f"wrote every match to {run.json_out}")
    if run.not_used:
        used = ", ".join(f"{n:,} {kind}" for kind, n in run.not_used.items())
        err_console.print(f"[yellow]large path: not used: {used} (remittance advices are read by the small path "
                          "only: leave out --large)[/]", highlight=False)
    if not run.listed_all:
        console.print("the workbook lists every payment to review with its candidates; automatic matches and "
                      "open items are counted on its summary (they are in the store)")
    if done.workbook:
        console.print(f"wrote {done.workbook}")


def apply_workbook(store: Store, workbook: Path, by: str | None = None) -> tuple[ApplyReport, list[str]]:
    """Read a filled-in workbook and apply its decisions (rows that fail are reported, not applied)."""
    read = read_decisions(workbook)
    decisions = [ClerkDecision(d.payment_kind, d.payment_key, d.decision, d.choice,  # type: ignore[arg-type]
                               d.candidate_keys, d.decided_by or by or "", d.note, f"row {d.row}",
                               targets=d.targets, amount=d.amount)
                 for d in read.decisions]
    report = apply_decisions(store, decisions)
    return report, [str(e) for e in read.errors]


def _print_run(run: ReconcileRun) -> None:
    from collections import Counter

    counts = Counter(m.status for m in run.result.matches)
    ruled = sum(1 for m in run.result.matches if rule_of(m))
    console.print(f"payments: {sum(counts.values())} proposed — auto {counts['auto']}, review {counts['review']}, "
                  f"unmatched {counts['unmatched']}; kept as decided {len(run.result.kept)}; "
                  f"set aside {len(run.result.set_aside)}")
    if ruled:
        console.print(f"posted by rule (tax refunds, interest, bank charges ...): {ruled}")
    if run.holds:
        console.print(f"three-way: {sum(r.status == 'hold' for r in run.holds)} on hold of {len(run.holds)} invoices")
    if run.result.credits:
        waiting = run.result.credits_for_review()
        console.print(f"credit notes: {len(run.result.credits) - len(waiting)} applied to their invoices, "
                      f"{len(waiting)} for review (original invoice not found ...)")
    if run.new or run.unchanged:
        console.print(f"store: {run.new} proposals new or changed, {run.unchanged} unchanged")
    if run.workbook:
        console.print(f"wrote {run.workbook}")


PATH_FLAGS = ("--receipts", "--invoices", "--orders", "--customers", "--products", "--deliveries")


def spread_paths(args: list[str], flags: Sequence[str] = PATH_FLAGS) -> list[str]:
    """``--receipts A B --invoices C`` as click wants it (``--receipts A --receipts B --invoices C``):
    every word after a path flag up to the next option belongs to that flag."""
    out: list[str] = []
    current: str | None = None
    for arg in args:
        if arg.startswith("-"):
            current = arg if arg in flags else None
            out.append(arg)
            continue
        if current is not None and out[-1] != current:
            out.append(current)
        out.append(arg)
    return out


class _SpreadGroup(TyperGroup):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands:
            args = spread_paths(args)
        return super().parse_args(ctx, args)


class _SpreadCommand(TyperCommand):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, spread_paths(args))


def register(app: typer.Typer) -> None:
    """Add ``reconcile`` (with ``apply``) and ``match3``."""
    rec = typer.Typer(help="Cash application: receipts and statement lines against open invoices and orders.",
                      invoke_without_command=True, no_args_is_help=False, cls=_SpreadGroup)
    app.add_typer(rec, name="reconcile")

    @rec.callback()
    def reconcile_cmd(
        ctx: typer.Context,
        receipts: list[Path] = typer.Option([], "--receipts", help="Receipts / statement lines: files or folders (JSONL, JSON, world.json, PDFs, scans, statements); several paths may follow one flag"),
        invoices: list[Path] = typer.Option([], "--invoices", help="Invoices"),
        orders: list[Path] = typer.Option([], "--orders", help="Orders"),
        customers: list[Path] = typer.Option([], "--customers", help="Customers (else from the store)"),
        products: list[Path] = typer.Option([], "--products", help="Products (for three-way descriptions)"),
        deliveries: list[Path] = typer.Option([], "--deliveries", help="Delivery notes (adds Three-way holds)"),
        advices: list[Path] = typer.Option([], "--advices", help="Payers' remittance advices (PDF, xlsx/csv, .eml, "
                                           "JSONL; files or folders): a payment fitting one is split over the "
                                           "invoices it lists; with --from-store, besides the store's"),
        from_store: bool = typer.Option(False, "--from-store", help="Read every input from the store"),
        save: bool = typer.Option(False, "--store", help="Store the records and the proposals (needed by apply)"),
        out: Path | None = typer.Option(None, "--out", help="Workbook to write, e.g. reconciliation.xlsx"),
        json_out: Path | None = typer.Option(None, "--json", help="Also write the matches as JSON Lines"),
        profile: str | None = typer.Option(None, "--profile", help="Tolerance profile (default: the file's default)"),
        tolerances: Path | None = typer.Option(None, "--tolerances", help="Your own tolerances.toml"),
        rules: Path | None = typer.Option(None, "--rules", help="Your own money_rules.toml (tax refunds, interest, "
                                          "bank charges ...; default: matchers/data/money_rules.toml)"),
        large: bool | None = typer.Option(None, "--large/--small", help="--from-store: rows streamed from the store "
                                          "in parts on --workers processes, the same matches (default: for a store of "
                                          "100,000 receipts, statement lines and invoices or more without remittance "
                                          "advices, which only the small path reads)"),
        workers: int | None = typer.Option(None, "--workers", min=1, help="--large: processes (default: "
                                           "ORDERHUB_WORKERS, else every core)"),
        split: str = typer.Option("evidence", "--split", help="--large: 'evidence' (parts joined by what each payment "
                                  "can see) or 'customers' (parts by customer, sharing the other customers' items "
                                  "their payments look at, decided in windows that exchange postings) or 'single' "
                                  "(one pass in this process, a writer process saving as it goes): the small "
                                  "path's matches every way"),
    ) -> None:
        """Propose matches and write the reconciliation workbook (`reconcile apply` reads it back)."""
        if ctx.invoked_subcommand:
            return
        if not from_store and not (receipts and (invoices or orders)):
            raise InputError("give --receipts and --invoices (or --orders), or --from-store")
        if split not in ("evidence", "customers", "single"):
            raise InputError(f"unknown --split {split!r} (use evidence, customers or single)")
        store = Store() if (from_store or save) else None
        # advices named on the command line are read on the small path (the large one does not read advices yet)
        if from_store and store is not None and not advices and wants_large(store, large, split):
            if out is None and json_out is None and not save:
                raise InputError("nothing to write: give --out, --json or --store")
            _print_large(run_reconcile_large(store, out=out, save=save, profile=profile, tolerances=tolerances,
                                             json_out=json_out, rules=rules, workers=workers, split=split), save)
            return
        if from_store:
            assert store is not None
            inputs = Inputs.from_store(store)
            inputs.add_advices(advices)
        else:
            inputs = Inputs.from_files(payments=receipts, invoices=invoices, orders=orders, customers=customers,
                                       products=products, deliveries=deliveries, advices=advices)
        if out is None and json_out is None and not save:
            raise InputError("nothing to write: give --out, --json or --store")
        for line in inputs.read.lines():
            err_console.print(f"[yellow]{line}[/]", highlight=False)
        _print_run(run_reconcile(inputs, out=out, store=store, save=save, profile=profile, tolerances=tolerances,
                                 json_out=json_out, rules=rules))

    @rec.command("apply")
    def apply_cmd(
        workbook: Path = typer.Argument(..., help="The reconciliation workbook with decisions filled in"),
        by: str | None = typer.Option(None, "--by", help="Who decided, where a row's 'Decided by' is empty"),
    ) -> None:
        """Apply the decisions of a reconciliation workbook: store them, audit them, learn aliases."""
        report, errors = apply_workbook(Store(), workbook, by)
        for line in report.applied:
            console.print(f"[green]applied[/] {line}", highlight=False)
        for line in report.learned:
            console.print(f"[cyan]learned[/] {line}", highlight=False)
        for line in report.unchanged:
            console.print(f"[dim]unchanged[/] {line}", highlight=False)
        for line in [*errors, *report.refused]:
            console.print(f"[red]not applied[/] {line}", highlight=False)
        console.print(f"{len(report.applied)} applied, {len(report.learned)} aliases learned, "
                      f"{len(errors) + len(report.refused)} refused")
        if errors or report.refused:
            raise typer.Exit(1)

    @rec.command("undo")
    def undo_cmd(
        payment: str = typer.Argument(..., help="The payment: its bank transaction id, or kind|key as in the store"),
        reason: str = typer.Option(..., "--reason", help="Why the match is wrong (kept in the audit log)"),
        by: str = typer.Option(..., "--by", help="Who undoes it"),
    ) -> None:
        """Undo a confirmed or auto-posted match: its invoices reopen; the next run may propose again."""
        from matchers.decisions import DecisionError
        from matchers.manual import find_match, undo_match

        store = Store()
        try:
            match = find_match(store, payment)
            undo_match(store, match.payment_kind, match.payment_key, by, reason, where="orderhub reconcile undo")
        except DecisionError as exc:
            console.print(f"[red]not undone[/] {payment}: {exc}", highlight=False)
            raise typer.Exit(1) from None
        console.print(f"undone: {payment} — its items are open again ({by}: {reason})", highlight=False)

    @rec.command("release")
    def release_cmd(
        workbook: Path = typer.Argument(..., help="A three-way or reconciliation workbook with 放行 release marked"),
        by: str | None = typer.Option(None, "--by", help="Who releases, where a row's 'Released by' is empty"),
    ) -> None:
        """Release the three-way holds marked 放行 release (each with a reason); audited, kept by later runs."""
        from matchers.decisions import DecisionError
        from reports.threeway import read_releases

        store = Store()
        releases, errors = read_releases(workbook)
        done = 0
        for r in releases:
            try:
                new = release_hold(store, r.invoice_key, r.failed_keys.split(","), r.released_by or by or "", r.reason,
                                   where=f"{workbook.name} row {r.row}")
            except DecisionError as exc:
                errors.append(f"row {r.row} (invoice {r.invoice_number}): {exc}")
                continue
            done += new
            console.print(f"{'released' if new else 'already released'} invoice {r.invoice_number}", highlight=False)
        for line in errors:
            console.print(f"[red]not released[/] {line}", highlight=False)
        console.print(f"{done} holds released, {len(errors)} refused")
        if errors:
            raise typer.Exit(1)

    @rec.command("export")
    def export_cmd(
        fmt: str = typer.Option("journal", "--format", help="kingdee (金蝶 voucher import .xlsx), yonyou (用友 .xlsx) "
                                "or journal (.csv: date, account, debit, credit, currency, reference)"),
        out: Path = typer.Option(..., "--out", help="File to write"),
        accounts: Path | None = typer.Option(None, "--accounts", help="Your accounts mapping (default: "
                                             "reports/data/accounts.toml)"),
        rules: Path | None = typer.Option(None, "--rules", help="The money rules the postings came from"),
    ) -> None:
        """Posted matches and rule postings as vouchers for the ledger, balanced per voucher."""
        from matchers.tolerance import load_rates
        from reports.vouchers import FORMATS, build_vouchers, load_accounts, payment_facts, write_vouchers

        if fmt not in FORMATS:
            raise InputError(f"unknown --format {fmt!r} (use {', '.join(FORMATS)})")
        store = Store()
        matches = store.all(Match, status=["auto", "confirmed"])
        facts = payment_facts([*store.all(BankReceipt), *store.all(StatementLine)])
        mapping = load_accounts(accounts)
        vouchers, skipped = build_vouchers(matches, facts, mapping, rates=load_rates(),
                                           customers={c.code: c.name for c in store.all(Customer)},
                                           rule_accounts={r.id: r.account for r in load_rules(rules)})
        path = write_vouchers(out, vouchers, mapping, fmt)
        with store.batch() as batch:
            batch.event("vouchers_exported", ("voucher_export", path.name), after={
                "format": fmt, "vouchers": len(vouchers), "payments": [m.payment_key for m in matches][:500]})
        for line in skipped:
            console.print(f"[yellow]left out[/] {line}", highlight=False)
        console.print(f"wrote {len(vouchers)} vouchers ({sum(len(v.lines) for v in vouchers)} lines) to {path}")

    @app.command("match3", cls=_SpreadCommand)
    def match3_cmd(
        invoices: list[Path] = typer.Option([], "--invoices", help="Invoices"),
        orders: list[Path] = typer.Option([], "--orders", help="Orders"),
        deliveries: list[Path] = typer.Option([], "--deliveries", help="Delivery notes (签收单)"),
        products: list[Path] = typer.Option([], "--products", help="Product master (names to SKU)"),
        customers: list[Path] = typer.Option([], "--customers", help="Customers"),
        from_store: bool = typer.Option(False, "--from-store", help="Read every input from the store"),
        out: Path = typer.Option(..., "--out", help="Workbook to write, e.g. three-way.xlsx"),
        profile: str | None = typer.Option(None, "--profile"),
        tolerances: Path | None = typer.Option(None, "--tolerances"),
    ) -> None:
        """Three-way match (order <-> delivery <-> invoice) with tolerance keys; holds into a workbook."""
        if from_store:
            inputs = Inputs.from_store(Store())
        else:
            if not invoices or not orders:
                raise InputError("give --invoices and --orders (and --deliveries), or --from-store")
            inputs = Inputs.from_files(invoices=invoices, orders=orders, deliveries=deliveries, products=products,
                                       customers=customers)
        results = three_way(inputs.invoices, inputs.orders, inputs.deliveries, inputs.products, inputs.customers,
                            profile=load_profile(profile, tolerances))
        if from_store:
            results = with_releases(Store(), results)
        path = write_threeway(out, hold_rows(results))
        held = sum(r.status == "hold" for r in results)
        console.print(f"three-way: {held} on hold, {len(results) - held} matched; wrote {path}")
