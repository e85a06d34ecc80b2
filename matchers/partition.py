"""Cash application split into partitions that run in parallel processes, with the single pass's result.

A payment's decision reads more than its customer's items: the memo's references are looked up among
*every* open item (a truncated number that fits thirteen invoices names none of them), items open for
exactly its amount are candidates whoever they bill, the payer name may point at two customers (an
alias they share), and a statement line is set aside as the copy of a receipt. So :func:`split` does
not cut by customer alone. One cheap global pass (no scoring) finds, for every payment, everything the
matcher could look at, and joins them (union-find):

- the items its memo names, resolved once over all items (:class:`matchers.references.ResolvedMemos`;
  each partition's matcher uses these hits, not an index of its own items);
- every item of the (first two) customers its payer name finds, as the matcher looks them up;
- the first :data:`matchers.cash.EQUAL_AMOUNT_POOL` items open for exactly its amount;
- customers that share a name key or a tax id (an alias or group link), receipts and the statement
  lines that may be their copies (same transaction id, or same currency and amount), and records
  with the same key.

The joined sets are packed into ``partitions`` parts, largest first into the lightest. One thing is
known only while matching: a part payment leaves an item open for a new amount, and a payment of
that amount in *another* part would have seen it in the single pass. Each part reports the amounts
its part payments left; :func:`run_partitioned` merges the parts such an amount joins and runs those
again, until none does. Then every payment saw what it saw in the single pass, in the same order, and
the result is the same (:func:`match_fingerprints`: a digest of every field of every match).

Parts are reconciled with the default tolerance profile (the argument above needs ``auto`` among the
outcomes that post, so that a part whose look-again rounds changed nothing posts nothing more). Not
partitioned (pass them to :func:`matchers.cash.reconcile` in one process): orders, earlier decisions
(``prior``), money rules.

What it costs: the global pass does the single pass's name and reference look-ups once (about a third
of its time), and where the evidence crosses customers often the joined sets are large: on
bench/reconcile.py's 10k world, 4% of payments name (truncated, mistyped) invoices of other customers,
and one part holds 91% of the payments (bench/RESULTS.md).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal

from hub.records import BankReceipt, Customer, Invoice, Match, StatementLine
from matchers.cash import (
    EQUAL_AMOUNT_POOL,
    CashMatcher,
    OpenItem,
    Payment,
    build_items,
    item_keys,
    payments_from,
    q,
)
from matchers.credits import apply_credits
from matchers.names import CustomerIndex
from matchers.partial import unusable
from matchers.references import ResolvedMemos
from matchers.tolerance import load_profile

#: (payment key, status, ((target key, applied amount as text), ...)) — one decided payment
MatchRow = tuple[str, str, tuple[tuple[str, str], ...]]
AmountKey = tuple[str, Decimal]


@dataclass
class Part:
    """One partition: its customers (all of them: a name's score depends on the names beside it), its
    invoices and payments (in input order), the memo hits they need, and the amounts its payments look
    up among items that other parts' part payments could add to (fewer than the pool holds)."""

    customers: list[Customer] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    payments: list[BankReceipt | StatementLine] = field(default_factory=list)
    resolved: ResolvedMemos = field(default_factory=lambda: ResolvedMemos({}))
    open_amounts: frozenset[AmountKey] = frozenset()
    invoice_at: list[int] = field(default_factory=list)  # input positions, to merge parts in order
    payment_at: list[int] = field(default_factory=list)


@dataclass
class PartResult:
    """What a part sends back: compact rows, a fingerprint per match, the amounts part payments left."""

    rows: list[MatchRow]
    fingerprints: list[tuple[str, str]]
    new_amounts: set[AmountKey]


@dataclass
class PartitionedRun:
    """Every part's rows and fingerprints, and how many merges the amounts of part payments needed."""

    rows: list[MatchRow]
    fingerprints: list[tuple[str, str]]
    parts: int
    merges: int


class _Sets:
    """Union-find over integers (path halving, union by size)."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.size: list[int] = []

    def new(self) -> int:
        self.parent.append(len(self.parent))
        self.size.append(1)
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            if self.size[a] < self.size[b]:
                a, b = b, a
            self.parent[b] = a
            self.size[a] += self.size[b]


def split(payments: Iterable[BankReceipt | StatementLine], invoices: Iterable[Invoice],
          customers: Iterable[Customer], partitions: int) -> list[Part]:
    """At most ``partitions`` parts that together decide every payment as the single pass does (see the
    module text); parts without payments are left out."""
    records = list(payments)
    invoices = list(invoices)
    customers = list(customers)
    cix = CustomerIndex.build(customers)
    usable = [i for i, inv in enumerate(invoices) if unusable(inv) is None]
    usable_at = [i for i in usable if invoices[i].document_type != "credit_note"]
    credit_at = [i for i in usable if invoices[i].document_type == "credit_note"]
    credits = apply_credits([invoices[i] for i in credit_at], [invoices[i] for i in usable_at])
    items = build_items([invoices[i] for i in usable_at], (), cix, {}, credits=credits)
    matcher = CashMatcher(items, cix, load_profile())  # the single pass's indexes, nothing scored
    pays, _set_aside = payments_from(records)

    sets = _Sets()
    rec_node = [sets.new() for _ in records]
    item_node = [sets.new() for _ in items]
    cust_node = {c.code: sets.new() for c in customers}
    _join_records(sets, records, rec_node)
    first_item: dict[str, int] = {}
    for item, node in zip(items, item_node, strict=True):
        sets.union(node, item_node[first_item.setdefault(item.key, item.idx)])

    keys = item_keys(items)
    resolved = ResolvedMemos.resolve(matcher.refs, (p.memo for p in pays), lambda idx: keys[int(idx)])
    rec_of = {rec.natural_key(): i for i, rec in enumerate(records)}
    at_of = [rec_of[pay.key] for pay in pays]  # records of one key are joined (_join_records)
    open_at = join_evidence(sets, matcher, cix, customers, pays, [rec_node[at] for at in at_of], items, item_node,
                            cust_node, resolved, [(records[at].currency, records[at].amount) for at in at_of])
    open_amounts: dict[str, set[AmountKey]] = defaultdict(set)  # by payment key
    memos: dict[str, set[str]] = defaultdict(set)
    for pay, amount in zip(pays, open_at, strict=True):
        memos[pay.key].add(pay.memo)
        if amount is not None:
            open_amounts[pay.key].add(amount)

    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, node in enumerate(rec_node):
        groups[sets.find(node)][0].append(i)
    for j, node in zip(usable_at, item_node, strict=True):
        groups[sets.find(node)][1].append(j)
    node_of = {item.key: item_node[item.idx] for item in items}
    loose_credits = []
    for j, credit in zip(credit_at, credits, strict=True):  # a credit note goes with the invoice it reduces
        if credit.target_key in node_of:
            groups[sets.find(node_of[credit.target_key])][1].append(j)
        else:
            loose_credits.append(j)
    bins = pack(groups.values(), partitions)
    bins[0][1].extend(i for i, inv in enumerate(invoices) if unusable(inv) is not None)  # reconcile drops them
    bins[0][1].extend(loose_credits)  # they reduce no invoice: they wait for review
    parts = []
    for recs, invs in bins:
        if not recs:
            continue
        recs.sort()
        invs.sort()
        mine = [records[i] for i in recs]
        own = {rec.natural_key() for rec in mine}
        parts.append(Part(customers, [invoices[j] for j in invs], mine,
                          resolved.only(m for k in own for m in memos.get(k, ())),
                          frozenset(a for k in own for a in open_amounts.get(k, ())), invs, recs))
    return parts


def join_evidence(sets: _Sets, matcher: CashMatcher, cix: CustomerIndex, customers: Sequence[Customer],
                  pays: Sequence[Payment], pay_node: Sequence[int], items: Sequence[OpenItem],
                  item_node: Sequence[int], cust_node: dict[str, int], resolved: ResolvedMemos,
                  money: Sequence[AmountKey]) -> list[AmountKey | None]:
    """Joins (in ``sets``) everything the matcher could look at for each payment: customers one payer name
    or tax id points at together, each item with its customer, each payment with the items its memo names,
    the (first two) customers its payer name finds and the first items of its amount; then a part payment's
    rest (``money``: the payment's currency and amount; the due less it, on an item its memo names) with
    the payments looking that amount up. Returns, per payment, the amount it looks up in other parts (the
    equal-amount pool not full), else None. The one union-find of :func:`split` and
    :func:`matchers.bulk.split_evidence`."""
    for codes in cix.sharing():
        for code in codes[1:]:
            sets.union(cust_node[codes[0]], cust_node[code])
    first: dict[str, int] = {}
    for customer in customers:
        if customer.tax_id:
            sets.union(cust_node[customer.code], first.setdefault(customer.tax_id.upper(), cust_node[customer.code]))
    for item, node in zip(items, item_node, strict=True):
        if item.customer_code in cust_node:
            sets.union(node, cust_node[item.customer_code])
    position = {key: idx for idx, key in enumerate(item_keys(items))}
    open_at: list[AmountKey | None] = []
    looks_up: dict[AmountKey, list[int]] = defaultdict(list)  # amount -> nodes of payments open to more
    named_of: list[list[int]] = []  # per payment, the items its memo names (what it may part-pay)
    for pay, node in zip(pays, pay_node, strict=True):
        named = [position[target] for target, *_ in resolved.by_memo[pay.memo]]
        for idx in named:
            sets.union(node, item_node[idx])
        for hit in cix.lookup(pay.payer)[:2]:
            sets.union(node, cust_node[hit.customer_code])  # joined with its items above
        amount = (pay.currency, q(pay.amount))
        equal = matcher.by_amount.get(amount, [])
        for idx in equal[:EQUAL_AMOUNT_POOL]:
            sets.union(node, item_node[idx])
        if len(equal) < EQUAL_AMOUNT_POOL:  # part payments elsewhere could add to what it sees
            open_at.append(amount)
            looks_up[amount].append(node)
        else:
            open_at.append(None)
        named_of.append(named)
    # what a part payment leaves on an item its memo names (the due less the payment) joins the item with
    # the payments looking that amount up, before matching, so that merges after matching are rare. Only
    # named items: unnamed, a part payment scores at most 0.3 amount + name + date, below the default
    # auto threshold, and does not post. (Either way only an economy: the runs check after.)
    for (currency, paid), named in zip(money, named_of, strict=True):
        for idx in named:
            item = items[idx]
            if item.currency == currency and item.due > paid:
                for other in looks_up.get((item.currency, q(item.due - paid)), ()):
                    sets.union(other, item_node[idx])
    return open_at


def pack(groups: Iterable[tuple[list[int], list[int]]], parts: int) -> list[tuple[list[int], list[int]]]:
    """The joined sets (records, invoices), largest first into the lightest of ``parts`` bins (ties: the
    first)."""
    loads = [0] * max(parts, 1)
    bins: list[tuple[list[int], list[int]]] = [([], []) for _ in loads]
    for recs, invs in sorted(groups, key=lambda g: (-(len(g[0]) + len(g[1])), (g[0] or g[1])[0])):
        b = loads.index(min(loads))
        loads[b] += len(recs) + len(invs)
        bins[b][0].extend(recs)
        bins[b][1].extend(invs)
    return bins


def _join_records(sets: _Sets, records: Sequence[BankReceipt | StatementLine], node: list[int]) -> None:
    """Records with one key; statement lines with the receipts they may copy (transaction id, amount)."""
    def copy_links(rec: BankReceipt | StatementLine) -> list[object]:
        return [("txn", rec.transaction_id), ("money", rec.currency, rec.amount)]

    lines = {link for rec in records if isinstance(rec, StatementLine) and rec.amount > 0
             for link in copy_links(rec)}
    first: dict[object, int] = {}
    for i, rec in enumerate(records):
        links: list[object] = [("key", rec.natural_key())]
        if isinstance(rec, StatementLine) and rec.amount > 0:
            links += copy_links(rec)
        elif isinstance(rec, BankReceipt):
            links += [link for link in copy_links(rec) if link in lines]
        for link in links:
            sets.union(node[i], first.setdefault(link, node[i]))


def rows_of(matches: Iterable[Match]) -> list[MatchRow]:
    """The decided payments as compact tuples (what a partition sends back)."""
    return [(m.payment_key, m.status, tuple(sorted((a.target_key, str(a.amount)) for a in m.allocations)))
            for m in matches]


def match_fingerprints(matches: Iterable[Match]) -> list[tuple[str, str]]:
    """(payment key, sha256 of the whole match as JSON: status, score, breakdown, reason, allocations,
    write-offs, candidates) for each match, by key."""
    return sorted((m.payment_key, hashlib.sha256(m.model_dump_json().encode()).hexdigest()) for m in matches)


def reconcile_part(part: Part) -> PartResult:
    """One partition, reconciled in this process with the globally resolved memo hits."""
    from matchers.cash import reconcile

    result = reconcile(part.payments, part.invoices, customers=part.customers, resolved=part.resolved)
    return PartResult(rows_of(result.matches), match_fingerprints(result.matches), result.new_amounts)


def _merge(parts: Sequence[Part]) -> Part:
    """Parts as one, records in input order."""
    if len(parts) == 1:
        return parts[0]
    invs = sorted((at, inv) for p in parts for at, inv in zip(p.invoice_at, p.invoices, strict=True))
    recs = sorted((at, rec) for p in parts for at, rec in zip(p.payment_at, p.payments, strict=True))
    memos = {m: h for p in parts for m, h in p.resolved.by_memo.items()}
    return Part(parts[0].customers, [inv for _, inv in invs], [rec for _, rec in recs], ResolvedMemos(memos),
                frozenset().union(*(p.open_amounts for p in parts)), [at for at, _ in invs], [at for at, _ in recs])


def run_partitioned(parts: Sequence[Part], processes: int = 2) -> PartitionedRun:
    """Every part on ``processes`` worker processes; parts that a part payment's new amount joins are
    merged and run again, until none is (so the result is the single pass's)."""
    parts = list(parts)
    results: list[PartResult | None] = [None] * len(parts)
    merges = 0
    pool = ProcessPoolExecutor(processes) if processes > 1 and len(parts) > 1 else None
    try:
        while True:
            todo = [i for i, r in enumerate(results) if r is None]
            got = pool.map(reconcile_part, [parts[i] for i in todo]) if pool else map(reconcile_part,
                                                                                       [parts[i] for i in todo])
            for i, result in zip(todo, got, strict=True):
                results[i] = result
            sets = _Sets()
            for _ in parts:
                sets.new()
            looking: dict[AmountKey, list[int]] = defaultdict(list)
            for i, part in enumerate(parts):
                for amount in part.open_amounts:
                    looking[amount].append(i)
            joined = False
            for i, result in enumerate(results):
                for amount in result.new_amounts:  # type: ignore[union-attr]
                    for other in looking.get(amount, ()):
                        if other != i and sets.find(other) != sets.find(i):
                            sets.union(other, i)
                            joined = True
            if not joined:
                break
            groups: dict[int, list[int]] = defaultdict(list)
            for i in range(len(parts)):
                groups[sets.find(i)].append(i)
            merged = [sorted(g) for g in groups.values()]
            merges += sum(len(g) - 1 for g in merged)
            parts = [_merge([parts[i] for i in g]) for g in merged]
            results = [results[g[0]] if len(g) == 1 else None for g in merged]
    finally:
        if pool is not None:
            pool.shutdown()
    done = [r for r in results if r is not None]
    return PartitionedRun(sorted(row for r in done for row in r.rows),
                          sorted(fp for r in done for fp in r.fingerprints), len(parts), merges)


def reconcile_partitioned(parts: Sequence[Part], processes: int = 2) -> list[MatchRow]:
    """The rows of :func:`run_partitioned`, by payment key."""
    return run_partitioned(parts, processes).rows


def match_digest(rows: Iterable[MatchRow | tuple[str, str]]) -> str:
    """sha256 over every decided payment (rows or fingerprints), in key order."""
    digest = hashlib.sha256()
    for row in sorted(rows):
        digest.update(("\t".join(map(str, row)) + "\n").encode())
    return digest.hexdigest()
