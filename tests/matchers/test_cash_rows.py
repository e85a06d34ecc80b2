"""The matcher's row path (plain tuples, as the store streams them) takes the decisions of the record
path on the same receipts and invoices: digest of every decided payment, on a world from
bench/reconcile.py's generator (memo typos and truncations, grouped payments, deposits, fees)."""

from __future__ import annotations

import gc

import pytest

from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, reconcile, reconcile_rows
from matchers.partition import match_digest, rows_of


@pytest.fixture(scope="module")
def world(load_bench):
    return load_bench("reconcile").synth(3000, seed=5)


def _rows(records, fields):
    return [(r.natural_key(), *(getattr(r, f) for f in fields)) for r in records]


def test_rows_decide_as_records_do(world) -> None:
    receipts, invoices, customers, truth = world
    single = sorted(rows_of(reconcile(receipts, invoices, customers=customers).matches))
    from_rows = reconcile_rows(_rows(receipts, RECEIPT_FIELDS), _rows(invoices, INVOICE_FIELDS), customers)
    assert match_digest(from_rows) == match_digest(single)
    assert from_rows == single
    statuses = {status for _, status, _ in from_rows}
    assert statuses >= {"auto", "review"}  # the world has both, so the comparison means something
    auto = [r for r in from_rows if r[1] == "auto"]
    assert sum(1 for key, _, applied in auto if {t for t, _ in applied} == truth[key]) >= 0.99 * len(auto)


def test_rows_as_text_from_the_store_decide_the_same(world) -> None:
    """Amounts and dates as the store's JSON keeps them (text) give the same decisions."""
    receipts, invoices, customers, _ = world
    as_text = [(k, d.isoformat(), p, str(a), c, m, b, t) for k, d, p, a, c, m, b, t in _rows(receipts, RECEIPT_FIELDS)]
    inv_text = [(k, kind, n, code, d.isoformat(), buyer, tax, c, str(total), ref, *credit)
                for k, kind, n, code, d, buyer, tax, c, total, ref, *credit in _rows(invoices, INVOICE_FIELDS)]
    assert reconcile_rows(as_text, inv_text, customers) == reconcile_rows(
        _rows(receipts, RECEIPT_FIELDS), _rows(invoices, INVOICE_FIELDS), customers)


def test_a_receipt_row_without_amount_is_set_aside_and_the_collector_is_back_on(world) -> None:
    receipts, invoices, customers, _ = world
    rows = _rows(receipts[:50], RECEIPT_FIELDS)
    rows[0] = (rows[0][0], rows[0][1], rows[0][2], None, *rows[0][4:])
    assert gc.isenabled()
    decided = reconcile_rows(rows, _rows(invoices, INVOICE_FIELDS), customers)
    assert gc.isenabled()
    assert len(decided) == 49 and rows[0][0] not in {key for key, _, _ in decided}
