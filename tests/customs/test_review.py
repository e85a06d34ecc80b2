"""The review workbook round trip: write, edit cells with openpyxl as a clerk would, apply, and check the store."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from customs.hs import HsIndex
from customs.prefill import Context, prefill_order
from customs.review import apply_edits, apply_workbook, write_workbook
from hub.errors import InputError
from hub.records import Declaration, Invoice


@pytest.fixture(scope="module")
def context() -> Context:
    return Context()


def stored(store, context, order) -> Declaration:
    [decl] = prefill_order(store, order.external_id, context=context)
    store.upsert([decl], actor="prefill")
    return decl


def sibling(tariff, code: str) -> str:
    """Another code of the same heading with the same legal units and 申报要素 (a plausible correction)."""
    entry = tariff[code]
    return next(c for c, e in tariff.items() if c != code and c[:4] == code[:4] and e.elements == entry.elements
                and (e.unit1, e.unit2) == (entry.unit1, entry.unit2))


def cell_of(ws, name: str, *, column: int = 3):
    """The Header sheet's value cell of a field (names are in the hidden column B)."""
    return next(row[column - 1] for row in ws.iter_rows(min_row=2) if row[1].value == name)


def items_col(ws, name: str) -> int:
    return next(c.column for c in ws[1] if str(c.value).split(" ")[-1] == name and not str(c.value).startswith("来源"))


def test_workbook_layout(world_store, export_case, context, tmp_path: Path):
    order, invoice, packing = export_case
    decl = stored(world_store, context, order)
    path = write_workbook(decl, tmp_path / "d.xlsx", context.tables)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["警告 Warnings", "表头 Header", "商品 Items"]
    assert wb["_lists"].sheet_state == "hidden" and wb["_meta"].sheet_state == "hidden"
    header = wb["表头 Header"]
    assert cell_of(header, "incoterm").value == "3 FOB"
    assert cell_of(header, "gross_weight", column=4).value == f"packing_list:{packing.number} total_gross_weight_kg"
    assert header.freeze_panes == "A2"
    lists = {str(dv.formula1): str(dv.sqref) for dv in header.data_validations.dataValidation}
    assert any("_lists" in f for f in lists) and cell_of(header, "incoterm").coordinate in lists.values()
    items = wb["商品 Items"]
    unit_col = items_col(items, "unit")
    assert items.cell(2, unit_col).value == context.tables["units"].label(decl.items[0].unit)
    assert " " in items.cell(2, unit_col).value                               # "code name", as the dropdown
    assert str(items.cell(1, unit_col + 1).value) == "来源 unit"           # source beside the field
    assert items.cell(2, unit_col + 1).value == f"master:product {invoice.lines[0].sku} unit"
    assert any(dv.sqref and items.cell(2, unit_col).coordinate in str(dv.sqref)
               for dv in items.data_validations.dataValidation)


def test_round_trip_stores_corrections_with_the_clerk(world_store, export_case, context, tmp_path: Path):
    order, invoice, _ = export_case
    decl = stored(world_store, context, order)
    path = write_workbook(decl, tmp_path / "d.xlsx", context.tables)
    master_code = decl.items[0].hs_code
    corrected = sibling(context.tariff, master_code)
    wb = load_workbook(path)
    cell_of(wb["表头 Header"], "vehicle").value = "COSCO TAURUS/026E"
    cell_of(wb["表头 Header"], "declare_date").value = date(2026, 3, 16)             # typed as an Excel date
    cell_of(wb["表头 Header"], "exit_port").value = "3104 北仑海关"
    items = wb["商品 Items"]
    items.cell(2, items_col(items, "hs_code")).value = corrected
    items.cell(2, items_col(items, "name")).value = "=HYPERLINK(\"http://x\")"
    wb.save(path)

    result = apply_workbook(world_store, path, by="王丽娟", context=context)
    assert {name for name, _, _ in result.corrections} == {"vehicle", "declare_date", "exit_port", "item.1.hs_code",
                                                           "item.1.name"}
    after = world_store.get(Declaration, decl.number)
    assert after.vehicle == "COSCO TAURUS/026E" and after.exit_port == "3104"
    assert after.declare_date == date(2026, 3, 16)
    assert after.items[0].hs_code == corrected and after.items[0].name == "=HYPERLINK(\"http://x\")"
    assert after.source_of("exit_port") == "clerk:王丽娟" and after.source_of("item.1.hs_code") == "clerk:王丽娟"
    events = [e for e in world_store.history(after) if e.action == "customs:correction"]
    assert len(events) == 5 and {e.actor for e in events} == {"王丽娟"}
    assert {"item.1.hs_code": master_code} in [e.before for e in events]
    assert after.status == "draft"

    again = apply_workbook(world_store, path, by="王丽娟", context=context)      # idempotent
    assert again.corrections == []
    assert len([e for e in world_store.history(after) if e.action == "customs:correction"]) == 5

    # the formula-like name is written back as text, never a formula
    path2 = write_workbook(world_store.get(Declaration, decl.number), tmp_path / "d2.xlsx", context.tables)
    cell = load_workbook(path2)["商品 Items"].cell(2, items_col(items, "name"))
    assert cell.data_type == "s" and cell.quotePrefix


def test_approval_and_the_next_suggestion_prefers_the_correction(world_store, export_case, context, tmp_path):
    order, invoice, _ = export_case
    decl = stored(world_store, context, order)
    master_code = decl.items[0].hs_code
    corrected = sibling(context.tariff, master_code)
    result = apply_edits(world_store, decl.number, {"item.1.hs_code": corrected}, by="李明", approve=True,
                         context=context)
    assert result.status == "approved", [str(w) for w in result.blocking]
    after = world_store.get(Declaration, decl.number)
    assert after.status == "approved" and after.approved_by == "李明"
    assert [e.actor for e in world_store.history(after) if e.action == "customs:approved"] == ["李明"]
    index = HsIndex.load(store=world_store)
    top = index.suggest(decl.items[0].name, sku=decl.items[0].sku)[0]
    assert (top.code, top.source) == (corrected, "approved")
    # the next prefill of this product takes the approved code
    [fresh] = prefill_order(world_store, order.external_id, context=context)
    assert fresh.items[0].hs_code == corrected


def test_blocking_warnings_keep_it_from_approval(world_store, small_world, context, tmp_path):
    key, expected = next((k, d) for k, d in small_world.truth["declarations"].items()
                         if d["clean"] and d["header"]["incoterm"] == "1")
    invoice = world_store.get(Invoice, key)                 # a CIF invoice that does not print its charges
    world_store.upsert([invoice.model_copy(update={"remarks": "CIF SHANGHAI, T/T 30 DAYS AFTER INVOICE DATE"})])
    order = next(o for o in small_world.orders if o.natural_key() == expected["order"])
    decl = stored(world_store, context, order)
    with pytest.raises(InputError, match="not approved: 2 blocking warning"):
        apply_edits(world_store, decl.number, {}, by="李明", approve=True, context=context)
    assert world_store.get(Declaration, decl.number).status == "draft"
    path = write_workbook(decl, tmp_path / "cif.xlsx", context.tables)
    wb = load_workbook(path)
    cell_of(wb["表头 Header"], "freight").value = 350
    cell_of(wb["表头 Header"], "insurance").value = "12.50"
    wb.save(path)
    result = apply_workbook(world_store, path, by="李明", approve=True, context=context)
    after = world_store.get(Declaration, decl.number)
    if result.blocking:                      # other blocking warnings (e.g. legal units) still hold it back
        pytest.fail(f"unexpected blocking warnings: {[str(w) for w in result.blocking]}")
    assert after.status == "approved" and after.freight == Decimal("350") and after.insurance == Decimal("12.50")


def test_missing_packing_list_blocks_until_the_clerk_fills_cartons_and_weights(world_store, small_world, context):
    invoice = next(i for i in small_world.invoices if i.kind == "commercial" and not any(
        p.invoice_number == i.number for p in small_world.packing_lists))
    order = next(o for o in small_world.orders if o.external_id == invoice.order_ref)
    decl = stored(world_store, context, order)
    assert any(w.rule == "missing_packing_list" for w in decl.blocking)
    with pytest.raises(InputError, match="not approved"):
        apply_edits(world_store, decl.number, {"gross_weight": Decimal("30")}, by="李明", approve=True,
                    context=context)
    kept = world_store.get(Declaration, decl.number)
    assert kept.gross_weight == Decimal("30") and kept.status == "draft"     # the correction was saved
    assert any(w.rule == "missing_packing_list" for w in kept.blocking)
    item = decl.items[0]
    legal = {"item.1.legal_unit1": "007", "item.1.legal_qty1": item.quantity} if item.legal_unit1 is None else {}
    if decl.items[0].legal_unit2 is None:
        legal |= {"item.1.legal_unit2": "035", "item.1.legal_qty2": Decimal("28.5")}
    result = apply_edits(world_store, decl.number, {"packages": 2, "net_weight": Decimal("28.5"), **legal},
                         by="李明", approve=True, context=context)
    assert result.status == "approved"


def test_bad_cells_are_refused_naming_the_cell(world_store, export_case, context, tmp_path):
    order, _, _ = export_case
    decl = stored(world_store, context, order)
    path = write_workbook(decl, tmp_path / "d.xlsx", context.tables)
    wb = load_workbook(path)
    cell = cell_of(wb["表头 Header"], "incoterm")
    cell.value = "9 DDP"
    weight = cell_of(wb["表头 Header"], "gross_weight")
    weight.value = "about 50"
    items = wb["商品 Items"]
    items.cell(2, items_col(items, "unit")).value = "nonsense unit"
    wb.save(path)
    # every bad cell is reported at once, each with its cell and its Chinese name; nothing is applied
    with pytest.raises(InputError) as caught:
        apply_workbook(world_store, path, by="李明", context=context)
    said = str(caught.value)
    assert "3 cell(s) cannot be used" in said
    assert f"表头 Header!{cell.coordinate}（成交方式 incoterm）: '9 DDP' is not a code of incoterms.csv" in said
    assert f"表头 Header!{weight.coordinate}（毛重（千克） gross_weight）: 'about 50' is not a valid gross_weight" in said
    assert "商品 Items!" in said and "'nonsense unit' is not a code of units.csv" in said
    assert world_store.get(Declaration, decl.number) == decl                  # nothing stored
    with pytest.raises(InputError, match="clerk's name"):
        apply_workbook(world_store, path, by=" ", context=context)
    (tmp_path / "not.xlsx").write_text("x")
    with pytest.raises(InputError, match="cannot read the workbook"):
        apply_workbook(world_store, tmp_path / "not.xlsx", by="李明", context=context)


def test_a_filed_declaration_cannot_be_corrected(world_store, export_case, context):
    order, _, _ = export_case
    decl = stored(world_store, context, order)
    world_store.upsert([decl.model_copy(update={"status": "filed"})])
    with pytest.raises(InputError, match="is filed: it can no longer be corrected"):
        apply_edits(world_store, decl.number, {"vehicle": "X"}, by="李明", context=context)


def test_warnings_in_chinese_link_to_their_cells_and_only_those_cells_are_coloured(world_store, small_world,
                                                                                  context, tmp_path):
    from reports.declaration import WARNINGS_SHEET, status_word

    invoice = next(i for i in small_world.invoices if i.kind == "commercial" and not any(
        p.invoice_number == i.number for p in small_world.packing_lists))
    order = next(o for o in small_world.orders if o.external_id == invoice.order_ref)
    decl = stored(world_store, context, order)
    path = write_workbook(decl, tmp_path / "w.xlsx", context.tables)
    wb = load_workbook(path)
    warn = wb[WARNINGS_SHEET]
    rows = [[c for c in r] for r in warn.iter_rows(min_row=2)]
    missing = next(r for r in rows if r[7].value == "missing_packing_list")
    assert missing[0].value == "阻断 error"
    assert missing[1].value == "件数 packages"
    assert missing[2].value.startswith("缺少装箱单")
    header = wb["表头 Header"]
    target = cell_of(header, "packages")
    assert missing[6].hyperlink.location == f"'表头 Header'!{target.coordinate}"
    assert missing[6].value == f"表头 {target.coordinate}"
    # only cells with a warning are coloured
    warned = {w.field for w in decl.warnings}
    for row in header.iter_rows(min_row=2, max_row=header.max_row):
        cell = row[2]
        coloured = cell.fill is not None and cell.fill.fgColor.rgb not in (None, "00000000")
        assert coloured == (f"header.{row[1].value}" in warned), (row[1].value, cell.fill.fgColor.rgb)
    # dropdowns let a clerk type the bare code, and apply takes it
    assert all(not dv.showErrorMessage for dv in header.data_validations.dataValidation)
    cell_of(header, "incoterm").value = "1"
    wb.save(path)
    result = apply_workbook(world_store, path, by="李明", context=context)
    assert ("incoterm", decl.incoterm, "1") in result.corrections or decl.incoterm == "1"
    # the workbook shows the declaration's status as it is now
    accepted = world_store.get(Declaration, decl.number).model_copy(update={"status": "accepted",
                                                                           "customs_no": "223320260000012345"})
    again = load_workbook(write_workbook(accepted, tmp_path / "a.xlsx", context.tables))["表头 Header"]
    shown = [c.value for row in again.iter_rows(min_row=2) for c in row if c.value]
    assert status_word("accepted") in shown and "海关已接受 accepted" in shown and "223320260000012345" in shown


def test_refused_at_entry_rejected_and_refreshed(world_store, export_case):
    """The declaration's way back to a person: refused by the single window at entry (returned, its messages
    blocking), rejected by a clerk (out of review, kept so by the next prefill, a correction reverses it), and
    prefilled again from a corrected packing list (the draft takes its values, a clerk's correction kept)."""
    from customs.filing import approve, prefill_and_store, record_refusal, refresh_drafts, reject

    order, invoice, packing = export_case
    [decl] = prefill_and_store(world_store, [order.natural_key()], actor="test").declarations
    assert approve(world_store, decl.number, by="沈佳").status == "approved"
    back = record_refusal(world_store, decl.number, ["统一社会信用代码校验位错误"], actor="customs bot")
    assert back.status == "returned" and back.approved_by is None and back.blocking
    assert "统一社会信用代码校验位错误" in back.warnings[-1].message and back.return_reason
    assert [e.action for e in world_store.history(back, include_linked=False)][-1] == "customs:refused"
    assert approve(world_store, decl.number, by="沈佳").status == "approved"   # looked at again: no warning left

    rejected = reject(world_store, decl.number, by="沈佳", reason="客户取消 cancelled")
    assert rejected.status == "rejected"
    [again] = prefill_and_store(world_store, [order.natural_key()], actor="test").declarations
    assert again.status == "rejected"                                         # the clerk's decision stands
    apply_edits(world_store, decl.number, {"remarks": "RE-OPENED"}, by="沈佳")
    assert world_store.get(Declaration, decl.number).status == "draft"

    apply_edits(world_store, decl.number, {"vehicle": "MSC ANNA/123E"}, by="沈佳")
    corrected = packing.model_copy(update={"total_gross_weight_kg": packing.total_gross_weight_kg + 1})
    world_store.upsert([corrected], actor="li")
    [fresh] = refresh_drafts(world_store, [f"packing_list:{packing.natural_key()}"], actor="li")
    assert fresh.gross_weight == corrected.total_gross_weight_kg and fresh.vehicle == "MSC ANNA/123E"
    assert refresh_drafts(world_store, ["invoice:no-such-key"], actor="li") == []
