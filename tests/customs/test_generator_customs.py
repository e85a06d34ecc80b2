"""The world generator's customs truth: expected declarations, injected inconsistencies and bad inputs."""

from __future__ import annotations

from decimal import Decimal

from fixtures.world import generate_world


def test_every_export_shipment_has_truth_or_is_a_bad_input(small_world) -> None:
    truth = small_world.truth
    commercial = {f"{i.seller_tax_id}|{i.number}" for i in small_world.invoices if i.kind == "commercial"}
    bad = {b["invoice"] for b in truth["injected"]["customs_bad_inputs"]}
    assert set(truth["declarations"]) | bad == commercial and not set(truth["declarations"]) & bad
    assert {b["kind"] for b in truth["injected"]["customs_bad_inputs"]} == {"no_packing_list",
                                                                            "packing_list_other_order"}
    assert any(d["clean"] for d in truth["declarations"].values())


def test_clean_declarations_agree_with_the_documents(small_world) -> None:
    w = small_world
    invoices = {f"{i.seller_tax_id}|{i.number}": i for i in w.invoices}
    packing = {p.number: p for p in w.packing_lists}
    products = {p.sku: p for p in w.products}
    clean = [d for d in w.truth["declarations"].values() if d["clean"]]
    for decl in clean:
        inv, pl, head = invoices[decl["invoice"]], packing[decl["packing_list"]], decl["header"]
        assert head["packages"] == str(pl.total_cartons) == str(sum(ln.cartons for ln in pl.lines))
        assert Decimal(head["gross_weight"]) == pl.total_gross_weight_kg >= pl.total_net_weight_kg
        assert Decimal(head["total"]) == inv.total == sum(Decimal(i["total"]) for i in decl["items"])
        assert (head["freight"] is not None) == (head["incoterm"] == "1")          # only CIF carries freight
        for item, line in zip(decl["items"], pl.lines, strict=True):
            product = products[item["sku"]]
            assert item["hs_code"] == product.hs_code and item["spec"].startswith(product.name_zh + "|")
            if item["legal_unit1"] == "035":                                     # 千克 from the net weight
                assert Decimal(item["legal_qty1"]) == line.net_weight_kg
            else:                                                                # a count from the quantity
                assert item["legal_qty1"] == item["quantity"] and item["legal_unit2"] == "035"


def test_injected_inconsistencies_are_in_the_documents(small_world) -> None:
    w = small_world
    invoices = {f"{i.seller_tax_id}|{i.number}": i for i in w.invoices}
    packing = {p.number: p for p in w.packing_lists}
    products = {p.sku: p for p in w.products}
    seen = set()
    for inj in w.truth["injected"]["customs"]:
        seen.add(inj["kind"])
        inv, pl = invoices[inj["invoice"]], packing.get(inj["packing_list"])
        decl = w.truth["declarations"][inj["invoice"]]
        assert not decl["clean"] and inj["kind"] in decl["injected"]
        match inj["kind"]:
            case "cartons_mismatch":
                assert pl.total_cartons != sum(ln.cartons for ln in pl.lines)
            case "weights_mismatch":
                assert pl.total_net_weight_kg != sum(ln.net_weight_kg for ln in pl.lines)
            case "gross_below_net":
                assert pl.total_gross_weight_kg < pl.total_net_weight_kg
            case "invoice_total_mismatch":
                assert inv.total != sum(ln.amount for ln in inv.lines) and str(inv.total) == inj["printed"]
            case "freight_on_fob":
                assert "FOB" in inv.remarks and f"FREIGHT {inv.currency} {inj['printed']}" in inv.remarks
            case "missing_elements":
                assert products[inj["sku"]].declaration_elements == {}
            case "unknown_hs":
                assert products[inj["sku"]].hs_code == inj["printed"] != inj["expected"]
    assert seen == {"cartons_mismatch", "weights_mismatch", "gross_below_net", "invoice_total_mismatch",
                    "freight_on_fob", "missing_elements", "unknown_hs"}


def test_bad_inputs_are_in_the_documents(small_world) -> None:
    w = small_world
    by_invoice = {p.invoice_number: p for p in w.packing_lists}
    for bad in w.truth["injected"]["customs_bad_inputs"]:
        number = bad["invoice"].split("|")[1]
        if bad["kind"] == "no_packing_list":
            assert number not in by_invoice
            assert not any(path.endswith(f"{bad['packing_list']}.pdf") for path in w.truth["documents"])
        else:
            own, other = by_invoice[number], by_invoice[bad["goods_of_invoice"].split("|")[1]]
            assert own.order_ref == bad["order"].split("|")[1]
            assert [ln.sku for ln in own.lines] == [ln.sku for ln in other.lines]


def test_customs_truth_is_deterministic_and_differs_by_seed() -> None:
    a = generate_world(seed=5, orders=40, scans=False, out=None).truth
    b = generate_world(seed=5, orders=40, scans=False, out=None).truth
    c = generate_world(seed=6, orders=40, scans=False, out=None).truth
    assert a["declarations"] == b["declarations"] and a["injected"]["customs"] == b["injected"]["customs"]
    assert a["declarations"] != c["declarations"]
