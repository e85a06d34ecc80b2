"""Prefill of export declarations from a generated world's records in a real SQLite store."""

from __future__ import annotations

from decimal import Decimal

import pytest

from customs.prefill import Context, merge, prefill, prefill_order
from hub.errors import InputError
from hub.records import Declaration, Invoice, Product

COUNTRY3 = {"US": "USA", "DE": "DEU", "ES": "ESP", "MX": "MEX", "GB": "GBR", "FR": "FRA"}
INCOTERM = {"CIF": "1", "FOB": "3", "EXW": "7"}


@pytest.fixture(scope="module")
def context() -> Context:
    return Context()


def expected_fields(world, order, invoice, packing) -> dict[str, object]:
    """What the declaration must say, read straight from the world's records (its truth)."""
    products = {p.sku: p for p in world.products}
    customer = next(c for c in world.customers if c.code == order.customer_code)
    fields: dict[str, object] = {
        "consignor": world.our_company["name"], "consignor_code": world.our_company["tax_id"],
        "overseas_consignee": customer.name, "contract_no": order.pi_number or order.external_id,
        "trade_country": COUNTRY3[customer.country], "dest_country": COUNTRY3[order.ship_to_country],
        "incoterm": INCOTERM[order.incoterm], "currency": order.currency, "packages": packing.total_cartons,
        "gross_weight": packing.total_gross_weight_kg, "net_weight": packing.total_net_weight_kg,
        "trade_mode": "0110", "transport_mode": "2",
    }
    for n, line in enumerate(invoice.lines, start=1):
        product = products[line.sku]
        fields |= {f"item.{n}.hs_code": product.hs_code, f"item.{n}.name": product.name_zh,
                   f"item.{n}.unit": {"个": "007", "条": "016", "套": "015", "件": "011", "台": "001", "只": "008",
                                      "支": "012", "米": "140"}[product.unit],
                   f"item.{n}.spec": "|".join(product.declaration_elements.values()),
                   f"item.{n}.quantity": line.quantity, f"item.{n}.unit_price": line.unit_price,
                   f"item.{n}.total": line.amount, f"item.{n}.currency": order.currency,
                   f"item.{n}.origin": "CHN", f"item.{n}.dest": COUNTRY3[order.ship_to_country]}
    return fields


def actual(decl: Declaration, name: str) -> object:
    if name.startswith("item."):
        _, no, field = name.split(".")
        return getattr(decl.items[int(no) - 1], field)
    return getattr(decl, name)


def test_clean_fob_order_matches_truth(world_store, small_world, export_case, context):
    order, invoice, packing = export_case
    [decl] = prefill_order(world_store, order.external_id, context=context)
    for name, value in expected_fields(small_world, order, invoice, packing).items():
        assert actual(decl, name) == value, name
    assert decl.number == f"CD-{invoice.number}" and decl.status == "draft"
    assert decl.warnings == []
    assert decl.source_of("gross_weight") == f"packing_list:{packing.number} total_gross_weight_kg"
    assert decl.source_of("item.1.hs_code").startswith("master:product ")
    n = len(invoice.lines)
    assert decl.source_of(f"item.{n}.unit_price") == f"invoice:{invoice.number} line {n}"
    assert decl.source_of("exit_port") == "default"
    assert decl.items[0].legal_unit1 is not None and decl.items[0].legal_qty1 is not None
    form = decl.filing_form()
    assert form["header"]["incoterm"] == "3" and form["items"][0]["hs_code"] == decl.items[0].hs_code


def same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except ArithmeticError:
        return str(a) == str(b)


def declaration_of(store, context, order_key: str, invoice_key: str) -> Declaration:
    return next(d for d in prefill_order(store, order_key, context=context) if d.invoice_key == invoice_key)


def test_clean_declarations_equal_the_generators_truth(world_store, small_world, context):
    """Every field of every clean shipment's declaration against the world's customs truth."""
    right = total = 0
    wrong = []
    for key, expected in small_world.truth["declarations"].items():
        if not expected["clean"]:
            continue
        decl = declaration_of(world_store, context, expected["order"], key)
        pairs = [(name, getattr(decl, name), value) for name, value in expected["header"].items()
                 if name not in ("invoice_no", "packing_list_no", "total")]
        pairs += [(f"item.{i['item_no']}.{name}", getattr(item, name), value)
                  for i, item in zip(expected["items"], decl.items, strict=True) for name, value in i.items()]
        for name, got, value in pairs:
            total += 1
            right += same(got, value)
            if not same(got, value):
                wrong.append((key, name, got, value))
        assert not decl.warnings, [str(w) for w in decl.warnings]
    assert total > 80 and right / total >= 0.98, wrong


def test_cif_freight_and_insurance_come_from_the_invoice(world_store, small_world, context):
    key, expected = next((k, d) for k, d in small_world.truth["declarations"].items()
                         if d["clean"] and d["header"]["incoterm"] == "1")
    decl = declaration_of(world_store, context, expected["order"], key)
    assert str(decl.freight) == expected["header"]["freight"]
    assert str(decl.insurance) == expected["header"]["insurance"]
    assert decl.source_of("freight") == f"invoice:{key.split('|')[1]} remarks"
    invoice = world_store.get(Invoice, key)
    world_store.upsert([invoice.model_copy(update={"remarks": "CIF SHANGHAI, T/T 30 DAYS AFTER INVOICE DATE"})])
    decl = declaration_of(world_store, context, expected["order"], key)
    assert decl.freight is None and decl.insurance is None
    assert {(w.field, w.rule) for w in decl.blocking} >= {("header.freight", "charges_by_incoterm"),
                                                          ("header.insurance", "charges_by_incoterm")}


def test_injected_inconsistencies_and_bad_inputs_are_all_caught(world_store, small_world, context):
    truth = small_world.truth
    for key, expected in truth["declarations"].items():
        if not expected["clean"]:
            decl = declaration_of(world_store, context, expected["order"], key)
            assert decl.blocking, (key, expected["injected"])
    rules = {"no_packing_list": "missing_packing_list", "packing_list_other_order": "foreign_packing_list"}
    for bad in truth["injected"]["customs_bad_inputs"]:
        decl = declaration_of(world_store, context, bad["order"], bad["invoice"])
        assert any(w.rule == rules[bad["kind"]] and w.blocking for w in decl.warnings), [str(w) for w in decl.warnings]


def test_missing_packing_list_warns_and_leaves_weights_empty(small_world, export_case, context):
    order, invoice, _ = export_case
    customer = next(c for c in small_world.customers if c.code == order.customer_code)
    decl = prefill(order, invoice, None, customer=customer, products={p.sku: p for p in small_world.products},
                   context=context)
    assert decl.packages is None and decl.gross_weight is None and decl.net_weight is None
    [warning] = [w for w in decl.warnings if w.rule == "missing_packing_list"]
    assert warning.blocking and warning.source == f"invoice:{invoice.number}"
    assert "no packing list" in warning.message
    assert any(w.rule == "codes_valid" and w.field == "header.gross_weight" for w in decl.warnings)


def test_packing_list_of_another_order_is_not_used(small_world, export_case, context):
    order, invoice, packing = export_case
    other = next(p for p in small_world.packing_lists if p.order_ref != order.external_id)
    customer = next(c for c in small_world.customers if c.code == order.customer_code)
    decl = prefill(order, invoice, other, customer=customer, products={p.sku: p for p in small_world.products},
                   context=context)
    [warning] = [w for w in decl.warnings if w.rule == "foreign_packing_list"]
    assert warning.value == other.order_ref and warning.expected == order.external_id
    assert warning.source == f"packing_list:{other.number}" and warning.blocking
    assert decl.packages is None and decl.packing_list_key is None


def test_unknown_hs_code_is_a_warning_never_filled_silently(world_store, export_case, context):
    order, invoice, _ = export_case
    sku = invoice.lines[0].sku
    product = world_store.get(Product, sku)
    world_store.upsert([product.model_copy(update={"hs_code": "9999999999"})])
    [decl] = prefill_order(world_store, order.external_id, context=context)
    rules = {w.rule for w in decl.warnings if w.field == "item.1.hs_code"}
    assert rules == {"unknown_hs_code", "hs_code_known"}
    assert decl.items[0].hs_code == "9999999999"
    assert decl.items[0].legal_unit1 is None


def test_product_without_hs_code_leaves_it_empty_with_a_warning(world_store, export_case, context):
    order, invoice, _ = export_case
    product = world_store.get(Product, invoice.lines[-1].sku)
    world_store.upsert([product.model_copy(update={"hs_code": None})])
    [decl] = prefill_order(world_store, order.external_id, context=context)
    assert decl.items[-1].hs_code is None
    assert any(w.field == f"item.{len(decl.items)}.hs_code" and w.blocking for w in decl.warnings)


def test_code_approved_before_wins_over_the_master(world_store, export_case, context):
    order, _, _ = export_case
    [decl] = prefill_order(world_store, order.external_id, context=context)
    master_code = decl.items[0].hs_code
    other_code = next(c for c in context.tariff if c != master_code and c[:4] == master_code[:4])
    approved = decl.model_copy(update={"number": "CD-EARLIER", "status": "approved"})
    approved.items[0].hs_code = other_code
    world_store.upsert([approved])
    [again] = prefill_order(world_store, order.external_id, context=context)
    assert again.items[0].hs_code == other_code
    assert again.source_of("item.1.hs_code") == "approved:CD-EARLIER"


def test_rerun_keeps_clerk_corrections_and_never_replaces_an_approved_one(world_store, export_case, context):
    order, _, _ = export_case
    [first] = prefill_order(world_store, order.external_id, context=context)
    first.vehicle, first.sources["vehicle"] = "COSCO TAURUS/026E", "clerk:王丽娟"
    first.items[0].spec, first.items[0].sources["spec"] = "螺母|紧固|碳钢|恒锐", "clerk:王丽娟"
    [fresh] = prefill_order(world_store, order.external_id, context=context)
    merged = merge(first, fresh)
    assert merged.vehicle == "COSCO TAURUS/026E" and merged.items[0].spec == "螺母|紧固|碳钢|恒锐"
    assert merged.source_of("item.1.spec") == "clerk:王丽娟"
    approved = first.model_copy(update={"status": "approved"})
    assert merge(approved, fresh) is approved


def test_orders_that_need_no_declaration_are_refused(world_store, small_world):
    domestic = next(o for o in small_world.orders if not o.export)
    with pytest.raises(InputError, match="not an export order"):
        prefill_order(world_store, domestic.external_id)
    with pytest.raises(InputError, match="no order 'NOPE-1'"):
        prefill_order(world_store, "NOPE-1")
    open_export = next(o for o in small_world.orders if o.export and not any(
        i.order_ref == o.external_id for i in small_world.invoices))
    with pytest.raises(InputError, match="no commercial invoice"):
        prefill_order(world_store, open_export.external_id)


def test_amounts_stay_decimal(world_store, export_case, context):
    order, _, _ = export_case
    [decl] = prefill_order(world_store, order.external_id, context=context)
    assert all(isinstance(i.total, Decimal) and isinstance(i.unit_price, Decimal) for i in decl.items)
    assert isinstance(decl.gross_weight, Decimal)


def test_a_country_without_a_code_is_a_warning(small_world, export_case, context):
    order, invoice, packing = export_case
    elsewhere = order.model_copy(update={"ship_to_country": "ZW"})
    decl = prefill(elsewhere, invoice, packing, customer=None, products={p.sku: p for p in small_world.products},
                   context=context)
    assert decl.dest_country is None and decl.items[0].dest is None
    [unknown] = [w for w in decl.warnings if w.rule == "unknown_code"]
    assert unknown.field == "header.dest_country" and unknown.value == "ZW" and "countries.csv" in unknown.message
    assert {w.field for w in decl.blocking} >= {"header.dest_country", "item.1.dest"}


def test_invoice_without_seller_tax_id_declares_the_company_itself(small_world, export_case, context):
    """Many export invoices print no 统一社会信用代码: the one consignor of defaults.toml is used, with its source."""
    order, invoice, packing = export_case
    bare = invoice.model_copy(update={"seller_tax_id": None})
    decl = prefill(order, bare, packing, customer=None, products={p.sku: p for p in small_world.products},
                   context=context)
    assert decl.consignor_code == small_world.our_company["tax_id"]
    assert decl.consignor == small_world.our_company["name"]
    assert decl.source_of("consignor_code") == "master:consignors (the invoice prints no tax id)"


def test_invoice_without_seller_tax_id_and_several_consignors_is_a_clear_error(small_world, export_case):
    order, invoice, packing = export_case
    ctx = Context()
    ctx.tables.defaults["consignors"] = {"91320594MA1MXQ7K8G": "甲公司", "91310000MA1FL0000X": "乙公司"}
    bare = invoice.model_copy(update={"seller_tax_id": None})
    with pytest.raises(InputError, match=f"invoice {invoice.number} prints no seller tax id.*2 consignors"):
        prefill(order, bare, packing, customer=None, products={p.sku: p for p in small_world.products}, context=ctx)


def test_a_code_a_clerk_gave_goods_of_no_product_is_what_the_next_declaration_gets(world_store, export_case, context):
    """Goods of no SKU of the product master get no HS code; the clerk's correction (the station's library call),
    once approved, is what the next declaration of the same goods (by name) is prefilled with."""
    from customs.review import apply_edits

    order, invoice, _ = export_case
    lines = [ln.model_copy(update={"sku": None}) if n == len(invoice.lines) - 1 else ln
             for n, ln in enumerate(invoice.lines)]
    world_store.upsert([invoice.model_copy(update={"lines": lines})])
    [decl] = prefill_order(world_store, order.external_id, context=context)
    n = len(decl.items)
    assert decl.items[-1].hs_code is None and decl.items[-1].name == lines[-1].description
    code = next(c for c in context.tariff if c != decl.items[0].hs_code)
    world_store.upsert([decl])
    apply_edits(world_store, decl.number, {f"item.{n}.hs_code": code}, by="赵强", note="review station")
    corrected = world_store.get(Declaration, decl.number)
    assert corrected.items[-1].hs_code == code
    world_store.upsert([corrected.model_copy(update={"number": "CD-BEFORE", "status": "approved"})])
    [again] = prefill_order(world_store, order.external_id, context=context)
    assert again.items[-1].hs_code == code and again.source_of(f"item.{n}.hs_code") == "approved:CD-BEFORE"
    known = {i.sku: i.hs_code for i in decl.items if i.sku}
    assert {i.sku: i.hs_code for i in again.items if i.sku in known} == known   # other goods keep their codes


def test_seller_of_ours_printing_another_tax_id_declares_our_code(small_world, export_case):
    """The 境内发货人 of an export is one of our companies: when the invoice's seller is ours (here by its English
    name) but the id read as the seller's is not ours (a buyer's EIN given to the seller), our code is declared,
    with a warning naming what the invoice printed, and its source is the our-companies master."""
    from fixtures.generator.masterdata import our_company_master

    order, invoice, packing = export_case
    ours = our_company_master(small_world.our_company)
    ctx = Context(ours=[ours])
    misread = invoice.model_copy(update={"seller_tax_id": "EIN 76-0481923", "seller_name": ours.name_en or ours.name})
    decl = prefill(order, misread, packing, customer=None, products={p.sku: p for p in small_world.products},
                   context=ctx)
    assert decl.consignor_code == small_world.our_company["tax_id"]
    assert decl.consignor == small_world.our_company["name"]
    assert decl.source_of("consignor_code") == f"master:our_companies (invoice:{invoice.number} seller_name)"
    [note] = [w for w in decl.warnings if w.rule == "seller_tax_id_not_ours"]
    assert note.severity == "warning" and note.value == "EIN 76-0481923" and "not ours" in note.message
    assert not any(w.field == "header.consignor_code" for w in decl.blocking)


def test_seller_not_ours_keeps_the_printed_tax_id_for_the_clerk(small_world, export_case):
    """A seller that is none of our companies is not silently replaced: the printed id is declared as read (the
    linter blocks one that is no USCC), and without an our-companies master nothing changes either."""
    from fixtures.generator.masterdata import our_company_master

    order, invoice, packing = export_case
    products = {p.sku: p for p in small_world.products}
    stranger = invoice.model_copy(update={"seller_tax_id": "EIN 76-0481923", "seller_name": "Lone Star Fasteners Inc."})
    for ctx in (Context(ours=[our_company_master(small_world.our_company)]), Context(ours=[])):
        decl = prefill(order, stranger, packing, customer=None, products=products, context=ctx)
        assert decl.consignor_code == "EIN 76-0481923"
        assert decl.source_of("consignor_code") == f"invoice:{invoice.number} seller_tax_id"
        assert not any(w.rule == "seller_tax_id_not_ours" for w in decl.warnings)
