"""A three-way hold released by a person with a reason: from the workbook (放行 release), audited, kept by
the next run while the same checks fail, held again when something else fails."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.reconcile_cli import Inputs, hold_rows
from matchers.decisions import DecisionError
from matchers.holds import release_hold, with_releases
from matchers.threeway import three_way
from reports.reconciliation import HCOL, HOLDS_SHEET
from reports.threeway import read_releases, write_threeway


def test_release_a_hold_from_the_workbook(tmp_path: Path, store, small_world) -> None:
    w = small_world
    inputs = Inputs(invoices=list(w.invoices), orders=list(w.orders), deliveries=list(w.deliveries),
                    products=list(w.products), customers=list(w.customers))
    store.upsert([*inputs.invoices, *inputs.orders, *inputs.deliveries])

    def run():
        return with_releases(store, three_way(inputs.invoices, inputs.orders, inputs.deliveries, inputs.products,
                                              inputs.customers))

    first = run()
    held = [r for r in first if r.status == "hold"]
    assert len(held) >= 2
    path = write_threeway(tmp_path / "3w.xlsx", hold_rows(first))
    wb = load_workbook(path)
    ws = wb[HOLDS_SHEET]
    target = held[0]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=HCOL["发票号 Invoice"]).value
               == target.invoice_number)
    ws.cell(row=row, column=HCOL["放行 Release"]).value = "放行 release"
    ws.cell(row=row, column=HCOL["放行人 Released by"]).value = "张经理"
    ws.cell(row=row, column=HCOL["放行原因 Reason"]).value = "客户同意按实发数量结算 customer agreed to the delivered qty"
    other = next(r for r in range(2, ws.max_row + 1) if r != row)
    ws.cell(row=other, column=HCOL["放行 Release"]).value = "放行"   # no name, no reason: refused
    wb.save(path)
    releases, errors = read_releases(path)
    assert errors == [] and len(releases) == 2
    done = []
    for r in releases:
        try:
            done.append(release_hold(store, r.invoice_key, r.failed_keys.split(","), r.released_by, r.reason))
        except DecisionError as exc:
            assert "nobody is named" in str(exc)
    assert done == [True]
    event = next(e for e in store.history(("invoice", target.invoice_key), include_linked=False)
                 if e.action == "three-way:released")
    assert event.actor == "张经理" and "delivered qty" in event.note
    assert release_hold(store, target.invoice_key, [f.key for f in target.failures], "张经理", "again") is False
    # the next run: released, and the holds sheet no longer lists it
    second = run()
    again = next(r for r in second if r.invoice_key == target.invoice_key)
    assert again.status == "released"
    rows = load_workbook(write_threeway(tmp_path / "3w2.xlsx", hold_rows(second)))[HOLDS_SHEET]
    assert target.invoice_number not in {rows.cell(row=r, column=1).value for r in range(2, rows.max_row + 1)}
    # something else fails on it later: held again
    other_check = "total" if "total" not in {f.key for f in target.failures} else "price"
    later = replace(target, status="hold", failures=[replace(target.failures[0], key=other_check)])
    assert with_releases(store, [later])[0].status == "hold"
    with pytest.raises(DecisionError, match="needs a reason"):
        release_hold(store, target.invoice_key, ["price"], "张经理", " ")
