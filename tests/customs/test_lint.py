"""The pre-flight linter: each rule at and just over its threshold, on a real prefilled declaration."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from customs.lint import DEFAULT_RULES, Documents, lint, load_rules
from customs.prefill import Context, prefill
from hub.errors import InputError


@pytest.fixture(scope="module")
def context() -> Context:
    return Context()


@pytest.fixture
def case(small_world, export_case, context):
    order, invoice, packing = export_case
    customer = next(c for c in small_world.customers if c.code == order.customer_code)
    decl = prefill(order, invoice, packing, customer=customer, products={p.sku: p for p in small_world.products},
                   context=context)
    assert decl.warnings == []

    def run(**changes):
        d = decl.model_copy(deep=True)
        for name, value in changes.items():
            if name.startswith("item1_"):
                setattr(d.items[0], name[6:], value)
            else:
                setattr(d, name, value)
        return lint(Documents(d, invoice, packing, context.tables, context.tariff), context.rules)

    return decl, invoice, packing, run


def rules_of(warnings) -> set[str]:
    return {w.rule for w in warnings}


def test_gross_weight_not_below_net(case):
    decl, _, packing, run = case
    net = decl.net_weight
    assert "gross_ge_net" not in rules_of(run(gross_weight=net))
    [w] = [w for w in run(gross_weight=net - Decimal("0.01")) if w.rule == "gross_ge_net"]
    assert w.field == "header.gross_weight" and w.value == str(net - Decimal("0.01")) and w.expected == str(net)


def test_item_totals_equal_the_invoice_within_a_cent(case):
    decl, invoice, _, run = case
    total = decl.items[0].total
    assert "items_total_invoice" not in rules_of(run(item1_total=total + Decimal("0.01")))
    [w] = [w for w in run(item1_total=total + Decimal("0.02")) if w.rule == "items_total_invoice"]
    assert w.expected == str(invoice.total) and w.source == f"invoice:{invoice.number} total"
    assert w.value == str(decl.total + Decimal("0.02"))


def test_an_item_total_is_quantity_times_unit_price_within_rounding(case):
    """A unit price typed x10 with its total left (the items still add up to the invoice) is a blocking warning
    naming both values; rounding is allowed: a cent on the total plus the quantity x half the unit price's last
    printed digit (1650 x 0.7231 = 1193.115, printed 1193.12)."""
    decl, _, _, run = case
    item = decl.items[0]
    assert "item_total_quantity_price" not in rules_of(run())
    [w] = [w for w in run(item1_unit_price=item.unit_price * 10) if w.rule == "item_total_quantity_price"]
    expected = (item.quantity * item.unit_price * 10).quantize(Decimal("0.01"))
    assert w.blocking and w.field == "item.1.total" and w.value == str(item.total) and w.expected == str(expected)
    assert w.message.startswith("第1项总价与成交数量×单价不符 / the total differs from quantity × unit price")
    assert f"= {expected}" in w.message and w.source == item.sources["total"]
    assert "item_total_quantity_price" not in rules_of(run(item1_quantity=Decimal("1650"),
                                                           item1_unit_price=Decimal("0.7231"),
                                                           item1_total=Decimal("1193.12")))
    # 0.7231 may stand for 0.72305..0.72315: 1650 x 0.00005 = 0.0825, plus the cent: 1193.115 +- 0.0925
    at = {"item1_quantity": Decimal("1650"), "item1_unit_price": Decimal("0.7231")}
    assert "item_total_quantity_price" not in rules_of(run(**at, item1_total=Decimal("1193.20")))
    assert "item_total_quantity_price" in rules_of(run(**at, item1_total=Decimal("1193.21")))
    assert "item_total_quantity_price" in rules_of(run(**at, item1_total=Decimal("1193.02")))


def test_the_item_total_tolerance_is_data(tmp_path: Path, case, context):
    decl, invoice, packing, _ = case
    decl = decl.model_copy(deep=True)
    decl.items[0].quantity, decl.items[0].unit_price, decl.items[0].total = (Decimal("1650"), Decimal("0.7231"),
                                                                             Decimal("1193.12"))
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "exact_totals"\ncheck = "item_total"\ntolerance = "0"\nseverity = "warning"\n'
                    'message = "总价不等于数量×单价 / total is not quantity x price"\n', encoding="utf-8")
    [w] = lint(Documents(decl, invoice, packing, context.tables, context.tariff), load_rules(path))
    assert w.rule == "exact_totals" and not w.blocking and w.expected == "1193.12" and "1650 × 0.7231" in w.message


def test_cartons_and_weights_equal_the_packing_list(case):
    decl, _, packing, run = case
    [w] = [w for w in run(packages=packing.total_cartons + 1) if w.rule == "packages_packing_list"]
    assert w.field == "header.packages" and w.source == f"packing_list:{packing.number} total_cartons"
    found = run(gross_weight=packing.total_gross_weight_kg + Decimal("0.01"),
                net_weight=packing.total_net_weight_kg - Decimal("0.01"))
    assert {"gross_packing_list", "net_packing_list"} <= rules_of(found)
    assert not rules_of(run(packages=packing.total_cartons)) & {"packages_packing_list"}


@pytest.mark.parametrize(("incoterm", "freight", "insurance", "flagged"), [
    ("3", None, None, set()),                                   # FOB: none
    ("3", Decimal("120"), None, {"header.freight"}),
    ("7", None, Decimal("5"), {"header.insurance"}),            # EXW: none
    ("1", Decimal("120"), Decimal("5"), set()),                 # CIF: both
    ("1", Decimal("120"), None, {"header.insurance"}),
    ("2", Decimal("120"), None, set()),                         # C&F: freight only
    ("2", Decimal("120"), Decimal("5"), {"header.insurance"}),
    ("2", Decimal("0"), None, {"header.freight"}),
])
def test_freight_and_insurance_follow_the_incoterm(case, incoterm, freight, insurance, flagged):
    *_, run = case
    found = run(incoterm=incoterm, freight=freight, insurance=insurance)
    assert {w.field for w in found if w.rule == "charges_by_incoterm"} == flagged


def test_currency_consistent(case):
    _, invoice, _, run = case
    other = "EUR" if invoice.currency != "EUR" else "USD"
    found = [w for w in run(item1_currency=other) if w.rule == "currency_consistent"]
    assert [(w.field, w.value, w.expected) for w in found] == [("item.1.currency", other, invoice.currency)]
    found = [w for w in run(currency=other) if w.rule == "currency_consistent"]
    assert found[0].field == "header.currency" and found[0].source == f"invoice:{invoice.number} currency"


def test_hs_code_known_and_its_legal_units_filled(case, context):
    decl, _, _, run = case
    [w] = [w for w in run(item1_hs_code="9999999999") if w.rule == "hs_code_known"]
    assert w.field == "item.1.hs_code" and w.value == "9999999999"
    found = [w for w in run(item1_legal_unit1=None) if w.rule == "hs_code_known"]
    assert found[0].field == "item.1.legal_unit1"
    assert found[0].expected.startswith(context.tariff[decl.items[0].hs_code].unit1)
    assert any(w.field == "item.1.hs_code" for w in run(item1_hs_code=None))


def test_required_declaration_elements(case):
    decl, _, _, run = case
    elements = dict(decl.items[0].elements)
    elements["品牌"] = " "
    [w] = [w for w in run(item1_elements=elements) if w.rule == "elements_present"]
    assert w.field == "item.1.spec" and "品牌" in w.message
    assert [w for w in run(item1_spec="") if w.rule == "elements_present"]


def test_codes_valid_in_their_tables(case):
    *_, run = case
    [w] = [w for w in run(incoterm="9") if w.rule == "codes_valid"]
    assert w.field == "header.incoterm" and w.value == "9" and "incoterms.csv" in w.expected
    [w] = [w for w in run(transport_mode=None) if w.rule == "codes_valid"]
    assert w.field == "header.transport_mode" and "required" in w.message
    assert [w.field for w in run(item1_unit="PCS") if w.rule == "codes_valid"] == ["item.1.unit"]


def test_every_warning_names_field_values_and_source(case):
    decl, _, packing, run = case
    for w in run(packages=packing.total_cartons + 2, gross_weight=Decimal("1"), incoterm="3",
                 freight=Decimal("10")):
        assert w.field and w.message and (w.value is not None or w.expected is not None) and w.source
        assert w.field in str(w)


def test_rules_are_data(tmp_path: Path, case, context):
    decl, invoice, packing, _ = case
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "tight_gross"\ncheck = "compare"\nleft = "decl.gross_weight"\nop = "<="\n'
                    'right = "decl.net_weight"\nseverity = "warning"\nmessage = "demo"\n', encoding="utf-8")
    [w] = lint(Documents(decl, invoice, packing, context.tables, context.tariff), load_rules(path))
    assert w.rule == "tight_gross" and w.severity == "warning" and not w.blocking


@pytest.mark.parametrize(("text", "expected"), [
    ('[[rule]]\nid = "a"\ncheck = "compare"\nleft = "decl.x"\n right = \n', "not valid TOML.*line 5"),
    ('# c\n[[rule]]\nid = "a"\ncheck = "hs_code"\n\n[[rule]]\nid = "b"\ncheck = "spell"\n',
     r"line 6: rule 'b' has unknown check 'spell'"),
    ('[[rule]]\nid = "a"\ncheck = "compare"\nleft = "decl.gross_weight"\n', r"line 1: rule 'a' \(compare\) needs right"),
    ('[[rule]]\nid = "a"\ncheck = "compare"\nleft = "order.x"\nright = "decl.y"\n', "must start with decl"),
    ('[[rule]]\nid = "a"\ncheck = "codes"\nseverity = "fatal"\n', "severity must be error or warning"),
    ('[[rule]]\nid = "a"\ncheck = "codes"\n[[rule]]\nid = "a"\ncheck = "codes"\n', "line 4: rule id 'a' appears twice"),
    ("", "no \\[\\[rule\\]\\] entries"),
])
def test_a_broken_rules_file_is_rejected_with_line_and_reason(tmp_path: Path, text, expected):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=expected) as err:
        load_rules(path)
    assert str(path) in str(err.value)


def test_default_rules_load():
    assert len(load_rules(DEFAULT_RULES)) >= 10


def test_packing_list_totals_add_up_to_its_lines(case, context):
    decl, invoice, packing, _ = case

    def found(**changes):
        pl = packing.model_copy(update=changes)
        return rules_of(lint(Documents(decl, invoice, pl, context.tables, context.tariff), context.rules))

    assert not found() & {"packing_list_cartons_add_up", "packing_list_net_adds_up", "packing_list_gross_adds_up"}
    assert "packing_list_cartons_add_up" in found(total_cartons=packing.total_cartons + 1)
    assert "packing_list_net_adds_up" in found(total_net_weight_kg=packing.total_net_weight_kg + Decimal("0.01"))
    assert "packing_list_gross_adds_up" in found(total_gross_weight_kg=packing.total_gross_weight_kg - Decimal("0.01"))


def test_the_consignor_code_is_a_uscc_with_its_check_digit(case):
    """The single window refuses a 发货人代码 whose check digit is wrong (or another country's tax id, read
    from an invoice): the linter says so first, blocking."""
    decl, _, _, run = case
    assert "consignor_code_uscc" not in rules_of(run())
    for bad in ("EIN 76-0481923", "51 824 753 556", decl.consignor_code[:-1] + ("0" if decl.consignor_code[-1] != "0"
                                                                                else "1")):
        [w] = [w for w in run(consignor_code=bad) if w.rule == "consignor_code_uscc"]
        assert w.blocking and w.field == "header.consignor_code" and w.value == bad
