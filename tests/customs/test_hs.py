"""HS code suggestion over the default tariff, the product master, approved codes and the public HS 2022 table."""

from __future__ import annotations

from pathlib import Path

import pytest

from customs.hs import HsIndex, load_tariff
from hub.errors import InputError
from hub.records import Product


def _product(sku: str, zh: str, en: str, hs: str) -> Product:
    return Product(sku=sku, name_zh=zh, name_en=en, hs_code=hs, unit="个")


PRODUCTS = [
    _product("HR-HB-001", "六角头螺栓", "Hex Head Bolt", "7318159001"),
    _product("HR-HN-001", "六角螺母", "Hex Nut", "7318160000"),
    _product("HR-PXS-001", "电感式接近开关", "Inductive Proximity Sensor", "8536509000"),
    _product("HR-PTS-001", "压力变送器", "Pressure Transmitter", "9026209090"),
]


def test_default_tariff_has_ten_digit_codes_with_legal_units() -> None:
    tariff = load_tariff()
    assert all(len(code) == 10 and code.isdigit() for code in tariff)
    assert tariff["9026209090"].unit1 == "台" and tariff["9026209090"].unit2 == "千克"
    assert "品名" in tariff["7318159001"].elements


@pytest.mark.parametrize(("name", "code"), [
    ("高强度螺栓", "7318159001"), ("螺母", "7318160000"), ("Nuts", "7318160000"), ("法兰", "7307910000"),
    ("Rivets", "7318230000"), ("压力变送器", "9026209090"), ("电力电缆", "8544492900"),
])
def test_tariff_alone_finds_chinese_and_english_names(name: str, code: str) -> None:
    top = HsIndex.load().suggest(name)
    assert top[0].code == code and top[0].source == "tariff" and 0 < top[0].score <= 1


def test_product_master_beats_the_tariff_by_sku_and_by_either_name() -> None:
    index = HsIndex.load(products=PRODUCTS)
    by_sku = index.suggest("whatever the invoice calls it", sku="HR-PXS-001")
    assert (by_sku[0].code, by_sku[0].source, by_sku[0].score) == ("8536509000", "product", 1.0)
    assert index.suggest("Hex Head Bolt")[0].code == "7318159001"
    assert index.suggest("六角头螺栓")[0].source == "product"
    assert index.suggest("hex nut")[0].code == "7318160000"


def test_an_approved_code_wins_over_the_master(store) -> None:
    index = HsIndex.load(products=PRODUCTS, approved=[("六角头螺栓", "HR-HB-001", "7318159090")])
    first = index.suggest("Hex Head Bolt", sku="HR-HB-001")
    assert (first[0].code, first[0].source) == ("7318159090", "approved")
    assert first[1].code == "7318159001"                       # the master's code stays as an alternative
    index.learn("Hex Nut", "7318190000")
    assert index.suggest("Hex Nut")[0].code == "7318190000"


def test_approved_declarations_in_the_store_are_read(store) -> None:
    from hub.records import Declaration
    decl = Declaration.model_validate({
        "number": "CD-1", "status": "accepted", "consignor": "苏州恒锐", "consignor_code": "91320594MA1MXQ7K8G",
        "overseas_consignee": "Bavaria Automation GmbH", "currency": "EUR",
        "items": [{"item_no": 1, "hs_code": "7318190000", "name": "六角螺母", "sku": "HR-HN-001",
                   "quantity": "10", "unit": "007", "unit_price": "1", "total": "10", "currency": "EUR",
                   "dest": "DEU"}]})
    draft = decl.model_copy(update={"number": "CD-2", "status": "draft"}, deep=True)
    draft.items[0] = draft.items[0].model_copy(update={"sku": "HR-PXS-001", "hs_code": "8536490000"})
    store.upsert([*PRODUCTS, decl, draft], actor="test")
    index = HsIndex.load(store=store)
    assert index.suggest("Hex Nut", sku="HR-HN-001")[0].source == "approved"
    assert index.suggest("x", sku="HR-PXS-001")[0].code == "8536509000"      # a draft is not approved


def test_bad_tariff_files_are_refused_with_the_reason(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    with pytest.raises(InputError, match="not found"):
        load_tariff(missing)
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name\n73181,螺钉\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2.*6 to 10 digits"):
        load_tariff(bad)
    cols = tmp_path / "cols.csv"
    cols.write_text("hs,desc\n7318159001,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns code and name"):
        load_tariff(cols)
    with pytest.raises(InputError, match="name or SKU"):
        HsIndex.load().suggest("  ")


def test_public_hs2022_table_english_names(shared_dir: Path) -> None:
    index = HsIndex.load(shared_dir / "reference" / "hs2022" / "harmonized-system.csv")
    assert len(index.tariff) > 5000 and all(len(c) == 10 for c in index.tariff)
    cases = {"Nuts of iron or steel": "731816", "Rivets": "731823", "Flywheels and pulleys": "848350",
             "Thermometers and pyrometers": "902519", "Spring washers and other lock washers": "731821"}
    for name, code in cases.items():
        got = [s.code[:6] for s in index.suggest(name, limit=3)]
        assert code in got, (name, got)
