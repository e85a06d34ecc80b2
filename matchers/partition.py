"""Cash application partitioned by customer, the partitions run in parallel processes.

A payment is applied to the open items of the customer its payer is (by tax id or name, the customer
index of :mod:`matchers.names`, aliases included); so the receipts and invoices of disjoint sets of
customers can be reconciled apart. Each invoice goes to the partition of the customer it bills, each
payment to the partition of the customer its payer resolves to; payments and invoices of no known
customer form one more partition of their own. Partitions are chosen by a stable hash of the customer
code, so a run is reproducible. Each partition runs :func:`matchers.cash.reconcile` in a worker process
and sends back only compact tuples (payment key, status, allocations), so memory stays that of the
largest partition. :func:`match_digest` is the check that a partitioned run equals the single pass.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from hub.records import BankReceipt, Customer, Invoice, Match, StatementLine
from matchers.names import CustomerIndex

#: (payment key, status, ((target key, applied amount as text), ...)) — one decided payment
MatchRow = tuple[str, str, tuple[tuple[str, str], ...]]
NO_CUSTOMER = -1


@dataclass
class Part:
    """One partition: its customers, invoices and payments."""

    customers: list[Customer] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    payments: list[BankReceipt | StatementLine] = field(default_factory=list)


def _bucket(code: str | None, partitions: int) -> int:
    return NO_CUSTOMER if code is None else zlib.crc32(code.encode()) % partitions


def _resolve(index: CustomerIndex, tax_id: str | None, name: str | None) -> str | None:
    code = index.by_tax_id(tax_id)
    if code or not name:
        return code
    hits = index.lookup(name, min_score=0.9, limit=1)
    return hits[0].customer_code if hits else None


def split(payments: Iterable[BankReceipt | StatementLine], invoices: Iterable[Invoice],
          customers: Iterable[Customer], partitions: int) -> list[Part]:
    """The partitions (``partitions`` by customer, plus the one of no known customer, last)."""
    customers = list(customers)
    index = CustomerIndex.build(customers)
    parts = [Part() for _ in range(partitions + 1)]
    for part in parts:
        part.customers = customers  # the whole index: a name's score depends on the names beside it
    for inv in invoices:
        parts[_bucket(_resolve(index, inv.buyer_tax_id, inv.buyer_name), partitions)].invoices.append(inv)
    for pay in payments:
        name = getattr(pay, "payer_name", None) or getattr(pay, "counterparty_name", None)
        tax_id = getattr(pay, "payer_tax_id", None)
        parts[_bucket(_resolve(index, tax_id, name), partitions)].payments.append(pay)
    return [p for p in parts if p.payments]


def rows_of(matches: Iterable[Match]) -> list[MatchRow]:
    """The decided payments as compact tuples (what a partition sends back)."""
    return [(m.payment_key, m.status, tuple(sorted((a.target_key, str(a.amount)) for a in m.allocations)))
            for m in matches]


def reconcile_part(part: Part) -> list[MatchRow]:
    """One partition, reconciled in this process."""
    from matchers.cash import reconcile

    return rows_of(reconcile(part.payments, part.invoices, customers=part.customers).matches)


def reconcile_partitioned(parts: Sequence[Part], processes: int = 2) -> list[MatchRow]:
    """Every partition on ``processes`` worker processes; the rows of all, by payment key."""
    if processes <= 1:
        rows = [row for part in parts for row in reconcile_part(part)]
    else:
        with ProcessPoolExecutor(processes) as pool:
            rows = [row for got in pool.map(reconcile_part, parts) for row in got]
    return sorted(rows)


def match_digest(rows: Iterable[MatchRow]) -> str:
    """sha256 over every decided payment (key, status, allocations), in key order."""
    digest = hashlib.sha256()
    for key, status, allocations in sorted(rows):
        digest.update(f"{key}\t{status}\t{allocations}\n".encode())
    return digest.hexdigest()
