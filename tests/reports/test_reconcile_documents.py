"""End to end on a generated demo world: bank statement exports read through the extractors' pipeline,
reconciled against the world's invoices, scored against the world's ground truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.reconcile_cli import Inputs, read_records, run_reconcile


@pytest.mark.slow
def test_statements_from_files_reconcile_against_truth(tmp_path: Path) -> None:
    from fixtures.world import generate_world

    world = generate_world(seed=11, orders=40, scans=False, out=tmp_path / "w")
    lines = read_records([tmp_path / "w" / "statements"], "payments")
    assert lines and {r.KIND for r in lines} == {"statement_line"}
    inputs = Inputs(payments=lines, invoices=read_records([tmp_path / "w" / "world.json"], "invoices"),
                    orders=world.orders, customers=world.customers, products=world.products)
    run = run_reconcile(inputs, out=tmp_path / "r.xlsx")
    truth = {e["receipt"].split("|")[-1]: {a["invoice"] for a in e["allocations"]}
             for e in world.truth["links"]["receipt_invoices"]}
    auto = [m for m in run.result.matches if m.status == "auto"]
    checked = [m for m in auto if m.payment_key.split("|")[-1] in truth]
    assert checked, "statement lines of receipts should be matched"
    wrong = [m.payment_key for m in checked
             if {a.target_key for a in m.allocations} != truth[m.payment_key.split("|")[-1]]]
    assert not wrong
    assert (tmp_path / "r.xlsx").exists()
