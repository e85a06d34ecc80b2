"""Cash application partitioned by customer (matchers/partition.py) on a 10k world (bench/reconcile.py's
generator): the same result on 1 and 2 processes, every payment decided once, and how far it agrees with
the single pass. It does not equal the single pass everywhere: a truncated memo reference that is
ambiguous among all invoices can be unique among one partition's (see bench/RESULTS.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from matchers.cash import reconcile
from matchers.partition import match_digest, reconcile_partitioned, rows_of, split

BENCH = Path(__file__).resolve().parents[2] / "bench" / "reconcile.py"


@pytest.fixture(scope="module")
def world_10k():
    spec = importlib.util.spec_from_file_location("bench_reconcile", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synth(10_000, seed=5)


@pytest.mark.slow
def test_partitioned_run_is_the_same_on_one_and_two_processes_and_near_the_single_pass(world_10k) -> None:
    receipts, invoices, customers, truth = world_10k
    parts = split(receipts, invoices, customers, 8)
    assert sum(len(p.payments) for p in parts) == len(receipts)
    assert sum(len(p.invoices) for p in parts) == len(invoices)
    two = reconcile_partitioned(parts, processes=2)
    one = reconcile_partitioned(parts, processes=1)
    assert match_digest(one) == match_digest(two)
    assert sorted(r[0] for r in two) == sorted(r.natural_key() for r in receipts)  # each decided once
    single = sorted(rows_of(reconcile(receipts, invoices, customers=customers).matches))
    same = sum(1 for a, b in zip(single, two, strict=True) if a == b)
    assert same / len(single) >= 0.99
    # what the partitioned run matches automatically is right
    auto = [r for r in two if r[1] == "auto"]
    wrong = [r for r in auto if {t for t, _ in r[2]} != truth[r[0]]]
    assert len(wrong) <= len(auto) * 0.001
