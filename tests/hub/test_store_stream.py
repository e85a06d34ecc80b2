"""Store.stream: rows of one record type as tuples, in (party, key) order, in chunks, only the parties
asked for, payments already decided left out (``stream_records``: the same as records, in chunks;
``stream_json``: the stored JSON); and the matcher's row path on what it streams decides
as the record path does (bench/reconcile.py's generator: memo typos and truncations, grouped payments,
deposits, bank fees, payer names without their legal suffix)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from hub.records import BankReceipt, Customer, Invoice, Match
from hub.store import Store
from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, reconcile, reconcile_rows


@pytest.fixture(scope="module")
def world(load_bench):
    return load_bench("reconcile").synth(400, seed=3)


@pytest.fixture
def filled(any_store: Store, world) -> Store:
    receipts, invoices, customers, _ = world
    any_store.upsert([*customers, *invoices, *receipts])
    return any_store


def test_rows_come_in_party_order_in_chunks_with_payload_values(filled: Store, world) -> None:
    receipts = world[0]
    chunks = list(filled.stream(BankReceipt, RECEIPT_FIELDS, chunk_size=64))
    assert max(len(c) for c in chunks) == 64 and len(chunks) == -(-len(receipts) // 64)
    rows = [row for chunk in chunks for row in chunk]
    by_key = {r.natural_key(): r for r in receipts}
    assert sorted(row[0] for row in rows) == sorted(by_key)
    assert [(by_key[k].payer_name, k) for k, *_ in rows] == sorted((r.payer_name, k) for k, r in by_key.items())
    key, value_date, payer, amount, currency, memo, bank, txn = rows[0]
    record = by_key[key]
    assert (value_date, payer, Decimal(amount), currency, memo, bank, txn) == (
        record.value_date.isoformat(), record.payer_name, record.amount, "CNY", record.memo, "ICBC",
        record.transaction_id)
    assert isinstance(amount, str)  # money is read as the text the payload keeps, never a float


def test_only_the_parties_asked_for_across_party_groups(filled: Store, world) -> None:
    invoices = world[1]
    parties = filled.parties(Invoice)
    assert parties == sorted({i.buyer_name for i in invoices})
    wanted = set(parties[::3])
    rows = [row for chunk in filled.stream(Invoice, ("buyer_name", "total"), parties=wanted, party_group=7)
            for row in chunk]
    expected = sorted((i.buyer_name, i.natural_key()) for i in invoices if i.buyer_name in wanted)
    assert [(row[1], row[0]) for row in rows] == expected
    assert len(expected) < len(invoices)


def test_payments_with_a_decision_are_left_out(filled: Store, world) -> None:
    receipts = world[0]
    done, rejected, review = receipts[0], receipts[1], receipts[2]

    def match(receipt: BankReceipt, status: str) -> Match:
        return Match(payment_kind="receipt", payment_key=receipt.natural_key(), payment_amount=receipt.amount,
                     status=status, reason="test", decided_by=None if status == "review" else "clerk")

    filled.upsert([match(done, "confirmed"), match(rejected, "rejected"), match(review, "review")])
    keys = {row[0] for chunk in filled.stream(BankReceipt, ("amount",), without_match=("confirmed", "rejected"))
            for row in chunk}
    assert done.natural_key() not in keys and rejected.natural_key() not in keys
    assert review.natural_key() in keys and len(keys) == len(receipts) - 2
    # the same for records streamed a chunk at a time, in insertion order (as Store.all reads them)
    chunks = list(filled.stream_records(BankReceipt, without_match=("confirmed", "rejected"), chunk_size=50))
    assert max(len(c) for c in chunks) == 50
    assert [r for c in chunks for r in c] == [r for r in filled.all(BankReceipt) if r.natural_key() in keys]
    # and the stored JSON of matches of some statuses, unparsed: what each record's payload is
    texts = [t for c in filled.stream_json(Match, status=("confirmed", "review"), chunk_size=1) for t in c]
    assert [json.loads(t) for t in texts] == [m.payload() for m in filled.all(Match, status=("confirmed", "review"))]
    assert len(texts) == 2


def test_reconciling_streamed_rows_decides_as_reconciling_the_records(filled: Store, world) -> None:
    receipts, invoices, customers, truth = world
    receipt_rows = [row for chunk in filled.stream(BankReceipt, RECEIPT_FIELDS, chunk_size=100) for row in chunk]
    invoice_rows = [row for chunk in filled.stream(Invoice, INVOICE_FIELDS, chunk_size=100) for row in chunk]
    stored_customers = [Customer.model_validate(c.payload()) for c in customers]
    from_rows = reconcile_rows(receipt_rows, invoice_rows, stored_customers)
    # the records in the order the store streamed them (the matcher breaks ties by item order)
    rec = {r.natural_key(): r for r in receipts}
    inv = {i.natural_key(): i for i in invoices}
    result = reconcile([rec[row[0]] for row in receipt_rows], [inv[row[0]] for row in invoice_rows],
                       customers=customers)
    from_records = sorted((m.payment_key, m.status, tuple(sorted((a.target_key, str(a.amount))
                                                                   for a in m.allocations)))
                          for m in result.matches)
    assert from_rows == from_records
    auto = [r for r in from_rows if r[1] == "auto"]
    assert len(auto) > 0.9 * len(receipts)
    assert sum(1 for key, _, applied in auto if {t for t, _ in applied} == truth[key]) >= 0.99 * len(auto)
