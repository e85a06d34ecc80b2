"""Legal units and quantities from the tariff's unit1/unit2 and the units table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from customs.units import LegalQuantities, legal_quantities, unit_of
from hub.errors import InputError


def test_kilograms_come_from_the_net_weight() -> None:
    got = legal_quantities("7318159001", quantity=Decimal("2000"), unit="PCS", net_kg=Decimal("34.40"))
    assert got == LegalQuantities(Decimal("34.40"), "千克")


def test_count_first_and_kilograms_second() -> None:
    got = legal_quantities("8536509000", quantity=Decimal("100"), unit="个", net_kg=Decimal("3.5"))
    assert got == LegalQuantities(Decimal("100"), "个", Decimal("3.5"), "千克")
    sets = legal_quantities("9026209090", quantity=Decimal("4"), unit="SET", net_kg=Decimal("0.84"))
    assert (sets.qty1, sets.unit1, sets.qty2) == (Decimal("4"), "台", Decimal("0.84"))


def test_metres_and_thousands() -> None:
    cable = legal_quantities("8544492100", quantity=Decimal("250"), unit="M", net_kg=Decimal("12.5"))
    assert (cable.qty1, cable.unit1, cable.qty2, cable.unit2) == (Decimal("12.5"), "千克", Decimal("250"), "米")
    shafts = legal_quantities("84831090.00", quantity=Decimal("3"), unit="千个", net_kg=Decimal("400"))
    assert shafts.qty1 == Decimal("3000") and isinstance(shafts.qty1, Decimal)


def test_unknown_codes_and_units_are_clear_errors() -> None:
    with pytest.raises(InputError, match="7318159098 is not in the tariff"):
        legal_quantities("7318159098", quantity=Decimal(1), unit="个", net_kg=Decimal(1))
    with pytest.raises(InputError, match="cannot convert the transaction unit 米"):
        legal_quantities("8536509000", quantity=Decimal(5), unit="米", net_kg=Decimal(1))
    with pytest.raises(InputError, match="needs the net weight"):
        legal_quantities("7318160000", quantity=Decimal(5), unit="个", net_kg=None)
    with pytest.raises(InputError, match="unknown unit of measure 'BOX'"):
        unit_of("BOX")
    assert unit_of("kgs").name == "千克" and unit_of("ＰＣＳ").name == "个"
