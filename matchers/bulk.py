"""Cash application over a store too large to hold as records (``orderhub reconcile --from-store`` and the
``reconcile`` flow on a large store): receipts and invoices streamed from the store as rows
(:meth:`hub.store.Store.stream`, no pydantic record per invoice or receipt), statement lines streamed a
chunk of records at a time, cut into parts that run in worker processes, each part deciding its payments
against its open items with the record path's scoring, reasons and candidates
(:func:`matchers.cash.decide_payments`), so every match, review item and candidate is the one
:func:`matchers.cash.reconcile` gives.

Two ways to cut (``split``):

- ``evidence`` (the default): :mod:`matchers.partition`'s argument on rows. One global pass (no
  scoring) resolves every memo against every open item and joins each payment with what the matcher can
  look at (the items its memo names, the items of the customers its payer name finds, the first items
  open for its amount, customers sharing a name key or a tax id, the amount a part payment leaves); the
  joined sets are packed into parts, and parts that a part payment's new amount joins after matching are
  merged and run again. The result is the single pass's, match for match. Where the evidence crosses
  customers everywhere (bench/reconcile.py's world: amounts drawn from 500k integers, so at a million
  nearly every payment sees another customer's invoice open for its amount) the sets join into one and
  the run is one process on rows.
- ``customers``: parts by customer (customers sharing a name key or a tax id together), each holding,
  besides its own items, the other customers' items its payments may look at: the items its memos name
  (resolved against every item, as the single pass does: a truncated number that fits invoices of several
  customers names none of them), the items open for a payment's amount, the items of the customers its
  payer name finds. The parts are decided on persistent worker processes in windows of the single pass's
  order (:mod:`matchers.windows`, :func:`_run_windows`): at each window's end the parts exchange what they
  posted; a part that read what another part's posting changed decides the window again from that read, the
  others take the postings in place. The result is the single pass's, match for match, in parallel parts,
  for about the single pass's work plus the windows redone (bench/RESULTS.md, "split6").

Honoured as in the small path, on either split: earlier decisions (payments with an ``auto``/``confirmed``/
``rejected`` match are left as decided and what posted matches applied is taken off each invoice), money rules
(applied first), the our-companies master (receipts we paid, transfers between our accounts, set aside),
fields read with low confidence (no automatic match rests on them), partly read receipts and invoices
(set aside / left out), credit notes, statement lines (money out and a receipt's copies set aside), orders,
deliveries (three-way holds) and products: a store holding orders or deliveries has its invoices, orders and
products read as records once in the parent, to build the open items with the small path's code
(:func:`matchers.cash.open_items`; see :func:`reconcile_store` for why no part can build them alone).
Remittance advices are not read yet (:func:`not_used` counts them).
"""

from __future__ import annotations

import gc
import hashlib
import heapq
import json
import multiprocessing
import os
import pickle
import resource
import shutil
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TextIO

from hub.records import (
    BankReceipt,
    Customer,
    Delivery,
    Invoice,
    Match,
    Order,
    Product,
    RemittanceAdvice,
    SourceFile,
    StatementLine,
)
from hub.store import Payload, Store
from matchers.cash import (
    EQUAL_AMOUNT_POOL,
    INVOICE_FIELDS,
    POSTED,
    RECEIPT_FIELDS,
    CashMatcher,
    OpenItem,
    Payment,
    ReceiptTwins,
    _apply_rules,
    _gc_paused,
    _to_match,
    decide_payments,
    item_keys,
    items_from_row_chunks,
    open_items,
    payments_from_rows,
    q,
)
from matchers.credits import Credit
from matchers.names import CustomerIndex
from matchers.ours import Ours
from matchers.partial import unsure_fields, unusable
from matchers.partition import _join_customers, _Sets, join_payments, pack
from matchers.references import ResolvedMemos
from matchers.rules import MoneyRule
from matchers.threeway import ThreeWayResult, three_way
from matchers.tolerance import Profile, load_profile
from matchers.windows import Event, PartClock, TimedMatcher

#: the receipt fields read besides :data:`matchers.cash.RECEIPT_FIELDS`: the our-companies check's
RECEIPT_EXTRA = ("payer_account", "payee_name", "payee_account")
#: matches saved per transaction (short write locks: two workers share a SQLite file)
SAVE_ROWS = 2000
Split = Literal["evidence", "customers", "single"]
#: payments a part is cut for by default on the evidence split (at least 4 parts a worker)
PART_PAYMENTS = 50_000
#: customers a part holds on the customer split (bench/scale.py's million: 20 parts of 5,000 customers, 50,000
#: receipts and invoices, about 1 GB a worker); fixed by the customers, so that every run cuts alike
PART_CUSTOMERS = 5_000
#: payments (of every part) in one window of the customer split (:mod:`matchers.windows`)
WINDOW_PAYMENTS = 1_000
#: a window when looking again spans this many round-0 windows (most of their payments are settled)
LATER_WINDOWS = 20
#: times a window may be decided again before the customer split gives up on it
WINDOW_TRIES = 200


def not_used(store: Store, split: str = "customers") -> dict[str, int]:
    """Records of the kinds the large path leaves out, counted per kind (only kinds the store holds):
    remittance advices, on either split."""
    return {RemittanceAdvice.KIND: n} if (n := store.count(RemittanceAdvice)) else {}  # no split reads them yet


@dataclass
class PartOutcome:
    """What a worker sends back for one part: counts by status, the matches a person sees (review and
    unmatched, every match when ``keep_all``), what the workbook shows of their payments, the part's
    open items (at most ``keep``), the amounts its part payments left, a digest of its matches and what
    saving them did."""

    part: int
    payments: int
    invoices: int
    counts: dict[str, int]
    shown: list[Match]
    infos: dict[str, tuple]
    open_items: list[OpenItem]
    open_count: int
    new_amounts: set[tuple[str, Decimal]]
    fingerprints: list[tuple[str, str]]
    checked: dict[str, Any] = field(default_factory=dict)
    saved_new: int = 0
    saved_unchanged: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    rss_mb: int = 0


@dataclass
class BulkRun:
    """What :func:`reconcile_store` did: the matches shown (review, unmatched, rule postings, and every
    match when the run is small enough to list), the payments' workbook facts, open items, set-aside
    payments, counts, and how the run went (parts, merges, seconds, peak RSS)."""

    shown: list[Match]
    kept: list[Match]
    infos: dict[str, tuple]
    open_items: list[OpenItem]
    open_count: int
    set_aside: list[tuple[str, str]]
    counts: Counter[str]
    kept_count: int
    parts: int
    merges: int
    largest_part: int
    saved_new: int
    saved_unchanged: int
    not_used: dict[str, int]
    fingerprints: list[tuple[str, str]]
    listed_all: bool
    customer_names: dict[str, str] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    #: every match proposed or kept, counted by its status (``counts`` counts rule postings as ``rule``)
    statuses: Counter[str] = field(default_factory=Counter)
    credits: list[Credit] = field(default_factory=list)
    holds: list[ThreeWayResult] = field(default_factory=list)
    json_out: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    rss_mb: dict[str, int] = field(default_factory=dict)
    #: the customer split: windows kept and payments looked at (in every window run, redone ones too)
    windows: int = 0
    looked_at: int = 0


@dataclass
class _Plan:
    """One part: positions of its payments and open items in the world's, the memo hits its matcher uses,
    and the amounts its payments look up among items that other parts' part payments could add to
    (evidence split) or the other parts' items it shares (customer split)."""

    receipts: list[int] = field(default_factory=list)
    invoices: list[int] = field(default_factory=list)
    resolved: ResolvedMemos | None = None
    open_amounts: frozenset[tuple[str, Decimal]] = frozenset()
    #: customer split: other parts' items its payments may look at, and the amounts they look up
    shared: set[int] | None = None
    amounts: set[tuple[str, Decimal]] = field(default_factory=set)


@dataclass
class _World:
    """What the parent read and the workers inherit (forked): rows, customers, earlier settlements."""

    url: str
    profile: Profile
    customers: list[Customer]
    cix: CustomerIndex
    settled: dict[str, Decimal]
    unsure: Mapping[str, frozenset[str]]
    kept_statuses: tuple[str, ...]
    skip: frozenset[str]  # receipts decided by a rule or set aside in the parent
    pays: list[Payment] = field(default_factory=list)  # the evidence split's payments and open items
    items: list[OpenItem] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)
    save: bool = False
    actor: str = "reconcile"
    keep_all: bool = False
    keep_open: int = 0
    fingerprints: bool = False
    chunk: int = 5000
    check: Callable[[list[Match]], dict[str, Any]] | None = None
    json_dir: Path | None = None  # each part writes its matches there (``key<TAB>json`` lines, by key)
    resolved: ResolvedMemos | None = None  # the customer split's memos, resolved against every item


_WORLD: _World | None = None  # set in the parent before the workers fork


def _rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _settled_from_store(store: Store, posted: Collection[str], chunk: int) -> dict[str, Decimal]:
    """What posted matches applied to each target (as :func:`matchers.cash._settled_by`), from match rows."""
    settled: dict[str, Decimal] = defaultdict(Decimal)
    for rows in store.stream(Match, ("status", "allocations", "write_offs"), chunk_size=chunk):
        for _key, status, allocations, write_offs in rows:
            if status not in posted:
                continue
            for a in json.loads(allocations or "[]"):
                amount = a.get("target_amount")
                settled[a["target_key"]] += Decimal(str(amount if amount is not None else a["amount"]))
            for w in json.loads(write_offs or "[]"):
                if w.get("target_key"):
                    settled[w["target_key"]] += Decimal(str(w["amount"]))
    return dict(settled)


def _receipt_view(row: Sequence) -> BankReceipt:
    """A receipt row as the record the our-companies check and the money rules read (constructed
    without validation: only the fields of the row)."""
    names = ("value_date", "payer_name", "amount", "currency", "memo", "bank", "transaction_id", *RECEIPT_EXTRA)
    return BankReceipt.model_construct(**dict(zip(names, row[1:], strict=True)))


def _parent_pass(rows: list[tuple], ours: Ours, rules: Sequence[MoneyRule], cix: CustomerIndex,
                 unsure: Mapping[str, frozenset[str]],
                 ) -> tuple[list[Match], list[tuple[str, str]], set[str], list[Payment]]:
    """The receipts the small path decides before matching: ours set aside, partly read ones set aside,
    money rules posted; returns the rule postings, the set-aside payments, the keys of both and the
    payments left to match."""
    set_aside: list[tuple[str, str]] = []
    keep: list[tuple] = []
    for row in rows:
        if ours and (why := ours.not_money_in(_receipt_view(row))) is not None:
            set_aside.append((row[0], why))
        else:
            keep.append(row[:1 + len(RECEIPT_FIELDS)])
    pays, aside = payments_from_rows(keep, unsure)
    set_aside += aside
    ruled, rest, set_aside = _apply_rules(rules, pays, set_aside, [], cix, set())
    left = {p.key for p in rest}
    return ruled, set_aside, {row[0] for row in rows if row[0] not in left}, rest


def _lines_pass(store: Store, ours: Ours, rules: Sequence[MoneyRule], cix: CustomerIndex,
                unsure: Mapping[str, frozenset[str]], kept_statuses: Sequence[str], chunk: int,
                ) -> tuple[list[Match], list[tuple[str, str]], list[Payment]]:
    """The undecided statement lines, streamed, as :func:`matchers.cash.payments_from` and the money rules
    take them: money out and our own transfers set aside (a money rule may post money out), the copies
    of a receipt (any receipt of the store, decided or not) set aside; the rule postings, the set-aside
    lines and the payments left to match."""
    twins = ReceiptTwins()
    for rows in store.stream(BankReceipt, (*RECEIPT_FIELDS, *RECEIPT_EXTRA), chunk_size=chunk, in_order=True):
        mine = [row[:1 + len(RECEIPT_FIELDS)] for row in rows
                if not (ours and ours.not_money_in(_receipt_view(row)) is not None)]
        pays, _ = payments_from_rows(mine, unsure)
        usable = {p.key for p in pays}
        twins.txns.update(row[7] for row in mine if row[0] in usable)
        twins.add(pays)
    ruled: list[Match] = []
    set_aside: list[tuple[str, str]] = []
    left: list[Payment] = []
    for lines in store.stream_records(StatementLine, without_match=kept_statuses, chunk_size=chunk):
        money_in = []
        aside: list[tuple[str, str]] = []
        for line in lines:
            if line.amount <= 0:
                aside.append((line.natural_key(), "money out"))
            elif ours and (why := ours.not_money_in(line)) is not None:
                aside.append((line.natural_key(), why))
            elif (why := unusable(line)) is not None:  # an export that printed no currency: as payments_from
                aside.append((line.natural_key(), why))
            else:
                money_in.append(line)
        pays, copies = twins.line_payments(money_in, unsure)
        got, rest, aside = _apply_rules(rules, pays, aside + copies, list(lines), cix, set())
        ruled += got
        set_aside += aside
        left += rest
    return ruled, set_aside, left


# -- the evidence split, on rows -----------------------------------------------------------------------
def split_evidence(world: _World, pays: list[Payment], items: list[OpenItem], parts: int) -> list[_Plan]:
    """:func:`matchers.partition.split` on payments and open items: at most ``parts`` plans deciding every
    payment as the single pass does (each plan holds positions in ``pays`` and ``items``; an item's
    ``idx`` is its position). What an order lends its invoices (its references, its deposit, a part still
    to bill) is in their items already; a memo naming the order names each of them (joined)."""
    cix = world.cix
    matcher = CashMatcher(items, cix, world.profile, explain=False)  # the single pass's indexes, nothing scored
    sets = _Sets()
    rec_node = [sets.new() for _ in pays]
    item_node = [sets.new() for _ in items]
    cust_node = {c.code: sets.new() for c in world.customers}
    _join_customers(sets, cix, world.customers, cust_node)
    for item, node in zip(items, item_node, strict=True):
        if item.customer_code in cust_node:
            sets.union(node, cust_node[item.customer_code])
    keys = item_keys(items)
    resolved = ResolvedMemos.resolve(matcher.refs, (p.memo for p in pays), lambda idx: keys[int(idx)])
    position = {key: idx for idx, key in enumerate(keys)}
    looked = join_payments(sets, pays, rec_node, items, item_node, cust_node, matcher, cix, resolved, position)
    open_amounts = {at: amount for at, amount in enumerate(looked) if amount is not None}
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for at, node in enumerate(rec_node):
        groups[sets.find(node)][0].append(at)
    for item, node in zip(items, item_node, strict=True):
        groups[sets.find(node)][1].append(item.idx)
    bins = pack(groups.values(), parts)
    # credit notes are no items: what they take off is in their invoice's item already
    plans = []
    for recs, invs in bins:
        if not recs:
            continue
        recs.sort()
        invs.sort()
        plans.append(_Plan(recs, invs, resolved.only(pays[a].memo for a in recs),
                           frozenset(open_amounts[a] for a in recs if a in open_amounts)))
    return plans


# -- the customer split: parts by customer, each with what its payments may look at elsewhere -----------
def split_customers(world: _World, pays: list[Payment], items: list[OpenItem], parts: int) -> list[_Plan]:
    """Parts by customer (crc32 of the code; customers sharing a name key or a tax id together, items and
    payments of no known customer in a part of their own). A payment may look at items of other customers
    (a memo resolved against every item, items open for its amount, the items of the customers its payer
    name finds): those items go with its part as *shared* items (``_Plan.shared``), whose postings in their
    own part (and theirs in any other) each part takes at the time the single pass would make them
    (:func:`_run_windows`)."""
    cix = world.cix
    matcher = CashMatcher(items, cix, world.profile, explain=False)  # the single pass's indexes, nothing scored
    keys = item_keys(items)
    world.resolved = ResolvedMemos.resolve(matcher.refs, (p.memo for p in pays), lambda idx: keys[int(idx)])
    position = {key: idx for idx, key in enumerate(keys)}
    sets = _Sets()
    node = {c.code: sets.new() for c in world.customers}
    _join_customers(sets, cix, world.customers, node)
    first: dict[int, str] = {}
    for c in world.customers:
        first.setdefault(sets.find(node[c.code]), c.code)

    def bucket(code: str | None) -> int:
        if code is None or code not in node:
            return parts
        return zlib.crc32(first[sets.find(node[code])].encode()) % parts

    plans = [_Plan(shared=set()) for _ in range(parts + 1)]
    for item in items:
        plans[bucket(item.customer_code)].invoices.append(item.idx)
    part_of_item = [0] * len(items)
    for n, plan in enumerate(plans):
        for i in plan.invoices:
            part_of_item[i] = n
    payers: dict[str, tuple[int, set[str]]] = {}  # payer name -> its part, the customers the matcher looks up
    for at, pay in enumerate(pays):
        if (payer := payers.get(pay.payer)) is None:
            hits = cix.lookup(pay.payer, min_score=0.9, limit=1)
            payer = payers[pay.payer] = (bucket(hits[0].customer_code if hits else None),
                                         {h.customer_code for h in cix.lookup(pay.payer)[:2]})
        n = payer[0]
        plan = plans[n]
        plan.receipts.append(at)
        named = [position[target] for target, *_ in world.resolved.by_memo[pay.memo]]
        codes = payer[1] | {items[i].customer_code for i in named}
        looked = [*named, *(i for code in codes if code for i in matcher.by_customer.get(code, ())),
                  *matcher.by_amount.get((pay.currency, q(pay.amount)), ())[:EQUAL_AMOUNT_POOL]]
        plan.shared.update(i for i in looked if part_of_item[i] != n)  # type: ignore[union-attr]
        plan.amounts.add((pay.currency, q(pay.amount)))
    for plan in plans:
        plan.resolved = world.resolved.only(pays[a].memo for a in plan.receipts)
    return [p for p in plans if p.receipts or p.invoices]


# -- one part, in a worker ------------------------------------------------------------------------------
def _read_part(world: _World, plan: _Plan) -> tuple[list[Payment], list[OpenItem], list[int]]:
    """A part's payments and items (copies: the matcher takes money off them; each item's ``idx`` its
    position in the part) and the items' positions in the world: its own items, and on the customer split
    the shared ones too, in the world's order (the single pass's)."""
    at = plan.invoices if plan.shared is None else sorted({*plan.invoices, *plan.shared})
    return [world.pays[i] for i in plan.receipts], [replace(world.items[i], idx=n) for n, i in enumerate(at)], at


def _run_part(number: int) -> PartOutcome:
    """Reconcile part ``number`` of the forked world (the evidence split); save its matches when asked."""
    world = _WORLD
    assert world is not None, "the bulk world is set before the workers fork"
    t0, c0 = time.perf_counter(), time.process_time()
    plan = world.plans[number]
    # the collector stays off until the part's objects are gone: a full collection walks every one of them
    with _gc_paused():
        pays, items, _at = _read_part(world, plan)
        matches, new_amounts = decide_payments(pays, items, world.cix, profile=world.profile, resolved=plan.resolved)
        outcome = _outcome(world, number, pays, items, matches, new_amounts)
        del items, pays
        _finish(world, number, matches, outcome)
        del matches
    outcome.seconds = round(time.perf_counter() - t0, 1)
    outcome.cpu_seconds = round(time.process_time() - c0, 1)
    outcome.rss_mb = _rss_mb()
    return outcome


def _outcome(world: _World, number: int, pays: Sequence[Payment], items: Sequence[OpenItem], matches: list[Match],
             new_amounts: Collection[tuple[str, Decimal]]) -> PartOutcome:
    """What a decided part sends back (``items``: its own items)."""
    counts = Counter(m.status for m in matches)
    shown = [m for m in matches if world.keep_all or m.status not in ("auto", "confirmed")]
    keys = {m.payment_key for m in shown}
    infos = {p.key: _info(p) for p in pays if p.key in keys}
    still_open = [i for i in items if i.due > 0]
    fps = [(m.payment_key, fingerprint(m)) for m in matches] if world.fingerprints else []
    return PartOutcome(number, len(pays), len(items), dict(counts), shown, infos, still_open[:world.keep_open],
                       len(still_open), set(new_amounts), fps)


def _finish(world: _World, number: int, matches: list[Match], outcome: PartOutcome) -> None:
    """A decided part's truth check, ``--json`` lines and saving."""
    if world.check is not None:
        outcome.checked = world.check(matches)
    if world.save and matches:  # the --json lines from the payloads saved (one payload() a match)
        with _part_file(world.json_dir, number).open("w", encoding="utf-8") if world.json_dir else nullcontext() as fh:
            outcome.saved_new, outcome.saved_unchanged = save_matches(Store(world.url, migrate=False), matches,
                                                                      world.actor, lines=fh)
    elif world.json_dir is not None:
        write_lines(_part_file(world.json_dir, number), matches)


# -- the customer split: parts decided window by window on persistent workers (matchers/windows.py) -----
class _Host:
    """The customer split's parts one worker holds, each a :class:`matchers.windows.PartClock`."""

    def __init__(self, parts: Sequence[int], folder: Path) -> None:
        self.parts = list(parts)
        self.folder = folder  # each part's final matches, pickled a batch at a time
        self.clocks: dict[int, PartClock] = {}
        self.done: dict[int, list[Match]] = {}
        self.cpu = 0.0

    def _timed(self, fn: Callable[[], Any]) -> Any:
        c0 = time.process_time()
        out = fn()  # the collector is off in a worker (and around the windows in this process)
        self.cpu += time.process_time() - c0
        return out

    def init(self) -> dict[int, list[tuple]]:
        """Each part's matcher built; every part's ranks in the single pass's order."""
        return self._timed(lambda: {n: self._clock(n).ranks for n in self.parts})

    def _clock(self, number: int) -> PartClock:
        world = _WORLD
        assert world is not None, "the bulk world is set before the workers fork"
        plan = world.plans[number]
        pays, items, at = _read_part(world, plan)
        profile = world.profile
        posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
        done = self.done[number] = []

        def final(pay: Payment, value: tuple) -> None:
            done.append(_to_match(pay, value[0], value[1], profile))
            if len(done) >= SAVE_ROWS:
                self._spill(number)

        clock = self.clocks[number] = PartClock(TimedMatcher(items, world.cix, profile, plan.resolved), pays, at,
                                                posted, final)
        return clock

    def _spill(self, number: int) -> None:
        with (self.folder / f"part-{number:05d}.pickle").open("ab") as fh:
            pickle.dump(self.done[number], fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.done[number].clear()

    def _final(self, number: int) -> list[Match]:
        """A part's final matches: the ones handed on (spilled, then held) and the decisions still held."""
        clock = self.clocks[number]
        clock.finish()
        matches: list[Match] = []
        path = self.folder / f"part-{number:05d}.pickle"
        if path.exists():
            with path.open("rb") as fh:
                while True:
                    try:
                        matches += pickle.load(fh)
                    except EOFError:
                        break
            path.unlink()
        matches += self.done.pop(number)
        profile = _WORLD.profile  # type: ignore[union-attr]
        matches += [_to_match(clock.by_key[key], status, ranked, profile)
                    for key, (status, ranked, _) in clock.decided.items() if ranked or status not in clock.posted]
        matches.sort(key=lambda m: m.payment_key)
        return matches

    def begin(self, round_: int, until: tuple | None) -> dict[int, tuple[list[Event], bool]]:
        return self._timed(lambda: {n: c.begin(round_, until) for n, c in self.clocks.items()})

    def fix(self, orders: dict[int, tuple[list[Event], list[tuple[int, Decimal]]]],
            ) -> dict[int, tuple[bool, list[Event], bool]]:
        world = _WORLD
        assert world is not None

        def run() -> dict[int, tuple[bool, list[Event], bool]]:
            out = {}
            for n, (incoming, added) in orders.items():
                items = [(g, replace(world.items[g], due=due)) for g, due in added]
                redone, events, changed = self.clocks[n].fix(incoming, items)
                out[n] = (redone, events if redone else [], changed)
            return out
        return self._timed(run)

    def stats(self) -> tuple[int, int, int, int]:
        """Over this worker's parts: payments looked at (in every window run), windows redone, items held
        from other parts, and how many of those any payment read (itself, or among its customer's items)."""
        world = _WORLD
        assert world is not None
        held = read = 0
        for n, c in self.clocks.items():
            own = set(world.plans[n].invoices)
            m = c.matcher
            for item, g in zip(m.items, c.position, strict=True):
                if g not in own:
                    held += 1
                    read += item.idx in m.ever or item.customer_code in m.ever_codes
        return (sum(c.proposed for c in self.clocks.values()), sum(c.redone for c in self.clocks.values()),
                held, read)

    def finish(self) -> list[PartOutcome]:
        """Every part's matches checked, written and saved; what that did."""
        world = _WORLD
        assert world is not None
        outs = []
        for n, clock in self.clocks.items():
            t0, c0 = time.perf_counter(), time.process_time()
            with _gc_paused():
                by_key = clock.by_key
                matches = self._final(n)
                own = set(world.plans[n].invoices)
                items = [item for item, g in zip(clock.matcher.items, clock.position, strict=True) if g in own]
                outcome = _outcome(world, n, list(by_key.values()), items, matches, ())
                _finish(world, n, matches, outcome)
            outcome.seconds = round(time.perf_counter() - t0, 1)
            self.cpu += time.process_time() - c0
            outcome.rss_mb = _rss_mb()
            outs.append(outcome)
        if outs:
            outs[0].cpu_seconds = round(self.cpu, 1)  # the worker's CPU over every window, on its first part
        return outs


def _serve(conn: Any, parts: Sequence[int], folder: Path) -> None:
    """A worker: calls on its :class:`_Host` read from the pipe, answers sent back."""
    import traceback

    gc.disable()  # a full collection would walk every item and proposal of the worker's parts, again and again
    host = _Host(parts, folder)
    while True:
        name, args = conn.recv()
        if name == "stop":
            break
        try:
            conn.send(("ok", getattr(host, name)(*args)))
        except BaseException:
            conn.send(("error", traceback.format_exc()))
            break
    conn.close()


class _Hosts:
    """The workers (forked processes with a pipe each; in this process for one worker or one part)."""

    def __init__(self, parts: int, workers: int, folder: Path) -> None:
        n = max(1, min(workers, parts))
        self.of = [list(range(w, parts, n)) for w in range(n)]
        self.local: list[_Host] = []
        self.procs: list[Any] = []
        self.conns: list[Any] = []
        if n == 1 or "fork" not in multiprocessing.get_all_start_methods():
            self.local = [_Host(p, folder) for p in self.of]
            return
        ctx = multiprocessing.get_context("fork")
        for p in self.of:
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs, p, folder), daemon=True)
            proc.start()
            theirs.close()
            self.procs.append(proc)
            self.conns.append(mine)

    def call(self, name: str, args: Sequence[tuple] | None = None) -> list[Any]:
        """``name`` on every worker (its own arguments each), at once; their answers."""
        args = args or [()] * len(self.of)
        if self.local:
            return [getattr(h, name)(*a) for h, a in zip(self.local, args, strict=True)]
        for conn, a in zip(self.conns, args, strict=True):
            conn.send((name, a))
        out = []
        for conn in self.conns:
            status, value = conn.recv()
            if status == "error":
                raise RuntimeError(f"customer split: a worker failed:\n{value}")
            out.append(value)
        return out

    def close(self) -> None:
        for conn in self.conns:
            try:
                conn.send(("stop", ()))
            except OSError:
                pass
        for proc in self.procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.terminate()


@dataclass
class _Windows:
    """What the customer split's windows did: the parts' outcomes, windows redone, seconds."""

    outcomes: list[PartOutcome]
    redone: int
    windows: int
    proposed: int
    seconds: dict[str, float]


def _run_windows(world: _World, workers: int, progress: Callable[[str], None]) -> _Windows:
    """The customer split's parts decided window by window of the single pass's order on persistent workers:
    each window's postings exchanged at its end, a part that read what another part's posting changed
    deciding the window again (:class:`matchers.windows.PartClock`), rounds of looking again while any
    decision changed anywhere (as :func:`matchers.cash._decide_all`); then every part saved."""
    t0 = time.perf_counter()
    plans = world.plans
    folder = Path(tempfile.mkdtemp(prefix=".reconcile-windows-"))
    try:
        hosts = _Hosts(len(plans), workers, folder)
        with _gc_paused() if hosts.local else nullcontext():
            return _exchange(world, hosts, t0, progress)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(world: _World, hosts: _Hosts, t0: float, progress: Callable[[str], None]) -> _Windows:
    """:func:`_run_windows`' exchange of postings, window by window."""
    plans = world.plans
    try:
        ranks = sorted(r for got in hosts.call("init") for part in got.values() for r in part)
        ends: list[tuple | None] = [*ranks[WINDOW_PAYMENTS::WINDOW_PAYMENTS], None]
        # looking again, most payments are settled (skipped): windows of as many payments as are still open
        step = WINDOW_PAYMENTS * LATER_WINDOWS
        later: list[tuple | None] = [*ranks[step::step], None]
        del ranks
        held: dict[int, list[int]] = defaultdict(list)
        for n, plan in enumerate(plans):
            for g in (*plan.invoices, *(plan.shared or ())):
                held[g].append(n)
        looking: dict[tuple[str, Decimal], list[int]] = defaultdict(list)
        for n, plan in enumerate(plans):
            for amount in plan.amounts:
                looking[amount].append(n)
        entries = Counter((i.currency, q(i.due)) for i in world.items if i.due > 0)  # each amount's list, as long
        due_at: dict[int, Decimal] = {}
        seconds = {"windows_init": round(time.perf_counter() - t0, 1)}
        progress(f"customer split: {len(plans)} parts on {len(hosts.of)} workers, {len(ends)} windows of "
                 f"{WINDOW_PAYMENTS:,} payments a round ({seconds['windows_init']} s)")
        redone = windows = 0
        last = time.perf_counter()
        for round_ in range(6):
            changed_round = False
            round_redone = 0
            spans = ends if round_ == 0 else later
            for w, until in enumerate(spans):
                events: dict[int, list[Event]] = {}
                changed: dict[int, bool] = {}
                for got in hosts.call("begin", [(round_, until)] * len(hosts.of)):
                    for n, (ev, ch) in got.items():
                        events[n], changed[n] = ev, ch
                sent: dict[int, list[Event]] = {n: [] for n in events}
                added: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
                for tries in range(WINDOW_TRIES + 1):
                    orders = _route(world, events, held, looking, entries, due_at, sent, added)
                    if not orders:
                        break
                    if tries == WINDOW_TRIES:
                        raise RuntimeError(
                            f"customer split: window {w + 1}/{len(spans)} of round {round_} still changing after "
                            f"{tries} tries ({windows:,} windows kept, {redone:,} part windows redone); nothing "
                            "was saved: run it with --split evidence")
                    per_host = [({n: o for n, o in orders.items() if n in set(parts)},) for parts in hosts.of]
                    again = 0
                    for got in hosts.call("fix", per_host):
                        for n, (was_redone, ev, ch) in got.items():
                            changed[n] = ch
                            if was_redone:
                                events[n] = ev
                                again += 1
                    redone += again
                    round_redone += again
                    if not again:
                        break
                for n in sorted(events):  # the window kept: what each item is due at its end
                    for _when, g, due in events[n]:
                        due_at[g] = due
                        if due > 0:
                            entries[(world.items[g].currency, q(due))] += 1
                windows += 1
                changed_round = changed_round or any(changed.values())
                if time.perf_counter() - last > 30:
                    last = time.perf_counter()
                    progress(f"customer split: round {round_}, window {w + 1}/{len(spans)}, {redone:,} part "
                             f"windows redone ({time.perf_counter() - t0:.0f} s)")
            progress(f"customer split: round {round_} done, {round_redone:,} part windows redone"
                     f"{', a decision changed' if changed_round else ''} ({time.perf_counter() - t0:.0f} s)")
            if round_ and not changed_round:
                break
        seconds["windows"] = round(time.perf_counter() - t0, 1)
        stats = hosts.call("stats")
        proposed, held, read = (sum(s[0] for s in stats), sum(s[2] for s in stats), sum(s[3] for s in stats))
        progress(f"customer split: {windows:,} windows kept, {redone:,} part windows redone, {proposed:,} "
                 f"payments looked at; {held:,} items held from other parts, {read:,} of them read "
                 f"({seconds['windows']} s)")
        outcomes = [o for got in hosts.call("finish") for o in got]
    finally:
        hosts.close()
    return _Windows(outcomes, redone, windows, proposed, seconds)


def _route(world: _World, events: dict[int, list[Event]], held: dict[int, list[int]],
           looking: Mapping[tuple[str, Decimal], list[int]], entries: Mapping[tuple[str, Decimal], int],
           due_at: Mapping[int, Decimal], sent: dict[int, list[Event]],
           added: dict[int, list[tuple[int, Decimal]]]) -> dict[int, tuple[list[Event], list[tuple[int, Decimal]]]]:
    """Each part's postings of the window sent to every other part holding the item. An item a posting
    leaves open for an amount a part looks up, while that amount's list is shorter than the pool a payment
    looks at, becomes held by that part (as it stood at the window's start). Returns what changed per part
    (its new incoming postings and items to add); ``sent`` and ``added`` are updated."""
    new: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for n, evs in events.items():
        for _when, g, due in evs:
            if due <= 0:
                continue
            key = (world.items[g].currency, q(due))
            if entries.get(key, 0) >= EQUAL_AMOUNT_POOL:
                continue
            for m in looking.get(key, ()):
                if m != n and m not in held[g]:
                    held[g].append(m)
                    new[m].append((g, due_at.get(g, world.items[g].due)))
    incoming: dict[int, list[Event]] = {n: [] for n in events}
    for n in sorted(events):
        for event in events[n]:
            for m in held[event[1]]:
                if m != n:
                    incoming[m].append(event)
    orders = {}
    for m, got in incoming.items():
        got.sort(key=lambda e: e[0])
        if got != sent[m] or new.get(m):
            orders[m] = (got, new.get(m, []))
            sent[m] = got
            added[m] += new.get(m, [])
    return orders


def _info(pay: Payment) -> tuple:
    """What the workbook shows of a payment: (kind, value date, payer, amount, currency, memo, bank)."""
    return (pay.kind, pay.value_date, pay.payer, pay.amount, pay.currency, pay.memo, pay.bank)


def _part_file(folder: Path, number: int) -> Path:
    return folder / f"part-{number:05d}.tsv"


def write_lines(path: Path, matches: Iterable[Match]) -> None:
    """Matches (in payment key order) as ``payment key<TAB>JSON line`` rows, the JSON as ``orderhub reconcile
    --json`` writes a match."""
    with path.open("w", encoding="utf-8") as fh:
        for m in matches:
            fh.write(f"{m.payment_key}\t{json_line(m)}\n")


def json_line(match: Match, payload: dict[str, Any] | None = None) -> str:
    """One match as a line of ``orderhub reconcile --json`` (without the newline); ``payload``: its
    ``payload()`` made already (a :class:`hub.store.Payload`: its plain text, made once)."""
    if type(payload) is Payload:
        return '{"kind": "match", "record": ' + payload.plain() + "}"
    return json.dumps({"kind": "match", "record": match.payload() if payload is None else payload},
                      ensure_ascii=False)


def save_matches(store: Store, matches: Sequence[Match], actor: str, lines: TextIO | None = None, *,
                 dispose: bool = True) -> tuple[int, int]:
    """Upsert matches in transactions of :data:`SAVE_ROWS` (idempotent on the payment's key: an unchanged
    proposal is not written again); returns (written, unchanged). ``lines``: each match also written there
    as :func:`write_lines` writes it, from the payload saved. ``dispose``: the store's connections closed
    after (not for a process saving batch after batch on one connection)."""
    new = unchanged = 0
    try:
        for n in range(0, len(matches), SAVE_ROWS):
            chunk = list(matches[n:n + SAVE_ROWS])
            payloads = [Payload(m.payload()) for m in chunk]
            if lines is not None:
                lines.writelines(f"{m.payment_key}\t{json_line(m, p)}\n" for m, p in zip(chunk, payloads, strict=True))
            done = store.transaction(lambda b, c=chunk, p=payloads: b.upsert(c, note="proposed by reconcile",
                                                                              payloads=p), actor)
            new += done.changed
            unchanged += len(done.unchanged)
    finally:
        if dispose:
            store.engine.dispose()
    return new, unchanged


# -- the whole run --------------------------------------------------------------------------------------
def reconcile_store(store: Store, *, workers: int = 2, parts: int | None = None, split: Split = "evidence",
                    profile: Profile | None = None, rules: Sequence[MoneyRule] = (), ours: Ours | None = None,
                    save: bool = False, actor: str = "reconcile", list_max: int = 20_000,
                    fingerprints: bool = False, chunk: int = 5000,
                    check: Callable[[list[Match]], dict[str, Any]] | None = None,
                    json_out: Path | None = None,
                    progress: Callable[[str], None] = lambda _line: None) -> BulkRun:
    """Reconcile every undecided payment of ``store`` against its open items, in ``parts`` parts (default: 4
    a worker or one per :data:`PART_PAYMENTS` payments; by customers one per :data:`PART_CUSTOMERS`
    customers) on ``workers`` processes; with ``save`` each worker stores its part's matches. Every match is
    listed in ``BulkRun.shown`` (and the earlier ones in ``kept``) when at most ``list_max`` payments are
    decided and kept, else only those a person decides (review, unmatched, rule postings); open items alike.
    ``json_out``: every match, proposed and kept, written there as ``orderhub reconcile --json`` does (each
    part's streamed to a file by its worker, merged in payment key order; the kept ones after them).
    ``progress`` gets a line per step and per part; ``check`` is called in the worker with each part's
    matches (a bench's truth check), its answers are in ``BulkRun.checks``, by part.

    On the evidence split a store holding orders or deliveries has its invoices, orders and products read
    as records in this process (an invoice names any customer's order by its reference, cross-channel
    copies of an order are found over every order, an invoice printing no order reference competes for
    the buyer's orders by its lines): the open items are built once, as the small path builds them, and
    each part takes its own; the three-way holds are checked on the same records."""
    global _WORLD
    t_start = time.perf_counter()
    profile = profile or load_profile()
    posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
    kept_statuses = tuple(dict.fromkeys((*posted, "rejected", "confirmed")))
    ours = Ours.from_settings() if ours is None else ours
    seconds: dict[str, float] = {}
    evidence = split != "customers"  # the single pass is the evidence split's one part
    single = split == "single"  # decided here, a writer process saving (matchers.pipeline)
    writer = None
    if single:  # forked before the world is read: it inherits none of it
        from matchers.pipeline import Writer, decide_single

        store.engine.dispose()  # no open SQLite connection crosses the fork
        writer = Writer(store.url, actor=actor, save=save, fingerprints=fingerprints, check=check)

    t0 = time.perf_counter()
    customers = store.all(Customer)
    cix = CustomerIndex.build(customers)
    unsure = unsure_fields(store.all(SourceFile, status="needs_review"))
    settled = _settled_from_store(store, posted, chunk)
    kept_by_status = Counter({s: n for s in kept_statuses if (n := store.count(Match, status=[s]))})
    kept_count = sum(kept_by_status.values())
    skipped = not_used(store, split)
    progress(f"read {len(customers):,} customers, {kept_count:,} payments decided earlier, "
             f"{len(settled):,} items with money applied")
    tmp = None
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".reconcile-", dir=json_out.parent))
        if writer is not None:
            writer.folder(tmp)
        with (tmp / "kept.jsonl").open("w", encoding="utf-8") as fh:  # before this run saves anything
            for texts in store.stream_json(Match, status=kept_statuses, chunk_size=chunk):
                fh.writelines(f'{{"kind": "match", "record": {text}}}\n' for text in texts)
    # the payments to decide, a chunk at a time: ours and partly read ones set aside, money rules posted;
    # the payments kept only where the evidence split needs them all
    ruled: list[Match] = []
    set_aside: list[tuple[str, str]] = []
    skip: set[str] = set()
    ruled_infos: dict[str, tuple] = {}
    pays: list[Payment] = []
    total = 0
    for rows in store.stream(BankReceipt, (*RECEIPT_FIELDS, *RECEIPT_EXTRA), without_match=kept_statuses,
                             chunk_size=chunk, in_order=True):
        got, aside, left, rest = _parent_pass(rows, ours, rules, cix, unsure)
        ruled += got
        set_aside += aside
        skip |= left
        keys = {m.payment_key for m in got}
        ruled_infos.update((row[0], ("receipt", *row[1:1 + len(RECEIPT_FIELDS) - 1]))
                           for row in rows if row[0] in keys)
        pays += rest
        total += len(rows)
    if store.count(StatementLine):
        got, aside, rest = _lines_pass(store, ours, rules, cix, unsure, kept_statuses, chunk)
        ruled += got
        set_aside += aside
        pays += rest
        total += len(got) + len(aside) + len(rest)
    if not parts:  # customer parts by the customers alone: a re-run (fewer receipts, other workers) cuts alike
        parts = (-(-len(customers) // PART_CUSTOMERS) if split == "customers"
                 else max(max(workers, 1) * 4, -(-total // PART_PAYMENTS)))
    keep_all = total + kept_count <= list_max
    kept = store.all(Match, status=list(kept_statuses)) if keep_all else []  # before this run saves
    world = _World(store.url, profile, customers, cix, settled, unsure, kept_statuses, frozenset(skip),
                   save=save, actor=actor, keep_all=keep_all, keep_open=list_max,
                   fingerprints=fingerprints, chunk=chunk, check=check, json_dir=tmp)
    with _gc_paused():
        world.items, credits, holds, invoices = _open_items(store, customers, cix, settled, unsure, profile, chunk)
    world.pays = pays
    seconds["read"] = round(time.perf_counter() - t0, 1)
    progress(f"read {len(pays):,} payments to decide and {invoices:,} invoices, {len(world.items):,} open "
             f"items ({seconds['read']} s)")
    t0 = time.perf_counter()
    with _gc_paused():
        world.plans = ([_Plan(list(range(len(pays))), list(range(len(world.items))))] if single else
                       (split_evidence if evidence else split_customers)(world, pays, world.items, parts))
    del pays
    seconds["split"] = round(time.perf_counter() - t0, 1)
    sizes = sorted((len(p.receipts) for p in world.plans), reverse=True)
    shared = sum(len(p.shared or ()) for p in world.plans)
    progress(f"split ({split}): {len(world.plans)} parts, largest {sizes[0] if sizes else 0:,} payments"
             f"{'' if evidence else f', {shared:,} items shared with other parts'} ({seconds['split']} s)")
    store.engine.dispose()
    if save and ruled:
        save_matches(store, ruled, actor)

    t0 = time.perf_counter()
    _WORLD = world
    gc.freeze()  # the forked workers' collector never walks (and copies) the parent's objects
    outcomes: dict[int, PartOutcome] = {}
    merges = 0
    cpu = 0.0  # every part's CPU (the customer split's: every window, redone ones too)
    windows = looked_at = 0
    json_files: list[Path] = []  # the single pass's --json runs (the writer's)
    rss_writer = 0
    try:
        if writer is not None:  # the single pass: one part in this process, the writer saving as it goes
            outcome, written = decide_single(world, writer, progress)
            writer = None
            outcomes[0] = outcome
            cpu = outcome.cpu_seconds
            seconds["writer_cpu"] = written.cpu_seconds
            rss_writer = written.rss_mb
            json_files = written.runs
        elif evidence:
            todo = list(range(len(world.plans)))
            while todo:
                for outcome in _map(_run_part, todo, workers):
                    outcomes[outcome.part] = outcome
                    cpu += outcome.cpu_seconds
                    done = sum(o.payments for o in outcomes.values())
                    progress(f"part {len(outcomes)}/{len(world.plans)}: {outcome.payments:,} payments, "
                             f"{outcome.invoices:,} invoices — auto {outcome.counts.get('auto', 0):,}, review "
                             f"{outcome.counts.get('review', 0):,}, unmatched "
                             f"{outcome.counts.get('unmatched', 0):,} ({outcome.seconds} s, {outcome.cpu_seconds} "
                             f"CPU-s, {outcome.rss_mb} MB; {done:,} payments done, "
                             f"{time.perf_counter() - t_start:.0f} s)")
                todo = _merge_parts(world, outcomes)
                merges += len(todo)
        else:
            ran = _run_windows(world, workers, progress)
            merges, windows, looked_at = ran.redone, ran.windows, ran.proposed
            seconds.update(ran.seconds)
            for outcome in ran.outcomes:
                outcomes[outcome.part] = outcome
                cpu += outcome.cpu_seconds
    finally:
        _WORLD = None
        gc.unfreeze()
        if writer is not None:  # failed before the matcher handed over
            writer.abort()
    seconds["parts"] = round(time.perf_counter() - t0, 1)
    seconds["parts_cpu"] = round(cpu, 1)
    final = [outcomes[i] for i in sorted(outcomes)]
    if json_out and tmp is not None:
        t0 = time.perf_counter()
        _write_json(json_out, tmp, ruled, json_files if single else [_part_file(tmp, o.part) for o in final])
        seconds["json"] = round(time.perf_counter() - t0, 1)
    seconds["total"] = round(time.perf_counter() - t_start, 1)
    counts: Counter[str] = Counter()
    for o in final:
        counts.update(o.counts)
    statuses = counts + Counter(m.status for m in ruled) + kept_by_status
    counts.update(m.status if m.status != "confirmed" else "rule" for m in ruled)
    shown = sorted([*ruled, *(m for o in final for m in o.shown)], key=lambda m: m.payment_key)
    return BulkRun(shown, kept, {**ruled_infos, **{k: v for o in final for k, v in o.infos.items()}},
                   [i for o in final for i in o.open_items][:list_max], sum(o.open_count for o in final),
                   set_aside, counts, kept_count, len(final), merges, max((o.payments for o in final), default=0),
                   sum(o.saved_new for o in final) + (len(ruled) if save else 0),
                   sum(o.saved_unchanged for o in final), skipped,
                   sorted(fp for o in final for fp in o.fingerprints), world.keep_all,
                   {c.code: c.name for c in customers}, [o.checked for o in final], statuses, credits, holds,
                   json_out, seconds, {"parent": _rss_mb(), "worker": max((o.rss_mb for o in final), default=0)}
                   if not single else {"parent": _rss_mb(), "worker": _rss_mb(), "writer": rss_writer},
                   windows, looked_at)


def _open_items(store: Store, customers: list[Customer], cix: CustomerIndex, settled: dict[str, Decimal],
                unsure: Mapping[str, frozenset[str]], profile: Profile, chunk: int,
                ) -> tuple[list[OpenItem], list[Credit], list[ThreeWayResult], int]:
    """Every open item of the store as the small path builds them, the credit notes, the three-way results
    (where deliveries are stored) and how many invoices were read. Without orders and deliveries: from
    invoice rows; with them: from records (see :func:`reconcile_store`)."""
    if not (store.count(Order) or store.count(Delivery)):
        items, credits, count = items_from_row_chunks(  # a chunk at a time (not every row held: speed6)
            lambda: store.stream(Invoice, INVOICE_FIELDS, chunk_size=chunk, in_order=True), cix, settled, unsure)
        return items, credits, [], count
    invoices = [inv for got in store.stream_records(Invoice, chunk_size=chunk) for inv in got]
    orders = [o for got in store.stream_records(Order, chunk_size=chunk) for o in got]
    products = store.all(Product)
    items, credits = open_items(invoices, orders, customers, cix, settled, products, unsure)
    deliveries = store.all(Delivery)
    holds = three_way(invoices, orders, deliveries, products, customers, profile=profile) if deliveries else []
    return items, credits, holds, len(invoices)


def _write_json(out: Path, folder: Path, ruled: Sequence[Match], parts: Sequence[Path]) -> None:
    """The parts' match files (each in payment key order) and the rule postings merged in payment key order
    into ``out``, then the matches kept as decided (written before the run); the folder is removed."""
    write_lines(folder / "rules.tsv", sorted(ruled, key=lambda m: m.payment_key))
    files = [(folder / "rules.tsv").open(encoding="utf-8"), *(path.open(encoding="utf-8") for path in parts)]
    try:
        with out.open("w", encoding="utf-8") as fh:
            for line in heapq.merge(*files, key=lambda row: row.split("\t", 1)[0]):
                fh.write(line.split("\t", 1)[1])
            with (folder / "kept.jsonl").open(encoding="utf-8") as kept:
                shutil.copyfileobj(kept, fh)
    finally:
        for f in files:
            f.close()
        shutil.rmtree(folder, ignore_errors=True)


def _map(fn: Callable[[int], PartOutcome], todo: Sequence[int], workers: int) -> Iterable[PartOutcome]:
    """Parts on ``workers`` forked processes (in this process for one worker or one part), as they finish."""
    if workers <= 1 or len(todo) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(fn, todo)
        return
    from concurrent.futures import as_completed

    with ProcessPoolExecutor(min(workers, len(todo)), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(fn, n) for n in todo]
        for future in as_completed(futures):
            yield future.result()


def _merge_parts(world: _World, outcomes: dict[int, PartOutcome]) -> list[int]:
    """Parts whose part payments left an amount that another part's payments look up are merged into
    one new plan each (run again); returns the new plans' numbers. The merged parts' outcomes go."""
    live = sorted(outcomes)
    sets = _Sets()
    node = {n: sets.new() for n in live}
    looking: dict[tuple[str, Decimal], list[int]] = defaultdict(list)
    for n in live:
        for amount in world.plans[n].open_amounts:
            looking[amount].append(n)
    joined = False
    for n in live:
        for amount in outcomes[n].new_amounts:
            for other in looking.get(amount, ()):
                if other != n and sets.find(node[other]) != sets.find(node[n]):
                    sets.union(node[other], node[n])
                    joined = True
    if not joined:
        return []
    groups: dict[int, list[int]] = defaultdict(list)
    for n in live:
        groups[sets.find(node[n])].append(n)
    new = []
    for group in groups.values():
        if len(group) == 1:
            continue
        plans = [world.plans[n] for n in group]
        memos = {m: h for p in plans for m, h in p.resolved.by_memo.items()}  # type: ignore[union-attr]
        world.plans.append(_Plan(sorted(i for p in plans for i in p.receipts),
                                 sorted(i for p in plans for i in p.invoices), ResolvedMemos(memos),
                                 frozenset().union(*(p.open_amounts for p in plans))))
        for n in group:
            del outcomes[n]
        new.append(len(world.plans) - 1)
    return new


def workers_default() -> int:
    """``ORDERHUB_WORKERS``, else the cores this process may use."""
    if env := os.environ.get("ORDERHUB_WORKERS"):
        return max(int(env), 1)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def fingerprint(match: Match) -> str:
    """sha256 of every field of a match but when it was decided (status, score, breakdown, reason,
    allocations, write-offs, candidates, who decided)."""
    return hashlib.sha256(match.model_dump_json(exclude={"decided_at"}).encode()).hexdigest()


def digest(fingerprints: Iterable[tuple[str, str]]) -> str:
    """sha256 over (payment key, match sha256) pairs in key order."""
    h = hashlib.sha256()
    for key, fp in sorted(fingerprints):
        h.update(f"{key}\t{fp}\n".encode())
    return h.hexdigest()


def as_dict(run: BulkRun) -> dict[str, Any]:
    """The run's figures (for ``--json`` summaries and the bench)."""
    return {"parts": run.parts, "merges": run.merges, "largest_part": run.largest_part,
            "counts": dict(run.counts), "kept": run.kept_count, "set_aside": len(run.set_aside),
            "open_items": run.open_count, "saved_new": run.saved_new, "saved_unchanged": run.saved_unchanged,
            "not_used": run.not_used, "seconds": run.seconds, "rss_mb": run.rss_mb,
            **({"windows": run.windows, "looked_at": run.looked_at} if run.windows else {})}
