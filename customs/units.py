"""Legal units (法定计量单位) of an HS code and the declared quantities in them.

The legal first and second units come from the tariff table (``unit1``/``unit2``, see :mod:`customs.hs`);
how units convert is data (``customs/data/units.csv``: name, customs unit code, dimension, factor to the
dimension's base unit, aliases such as ``PCS`` or ``KGS``). A mass unit (千克, 克, 吨) is taken from the net
weight, a count (个, 件, 套, 台, 只, 千个 ...) or a length (米) from the transaction quantity when the
transaction unit has the same dimension.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from customs.hs import TariffEntry, load_tariff, normalise_code
from hub.errors import InputError

DEFAULT_UNITS = Path(__file__).parent / "data" / "units.csv"


@dataclass(frozen=True)
class Unit:
    """A unit of measure: its customs code, dimension and factor to the dimension's base unit."""

    name: str
    code: str
    dimension: str
    factor: Decimal


@dataclass(frozen=True)
class LegalQuantities:
    """Quantities in the legal first unit and, when the code has one, the second."""

    qty1: Decimal
    unit1: str
    qty2: Decimal | None = None
    unit2: str | None = None


@lru_cache(maxsize=4)
def load_units(path: Path = DEFAULT_UNITS) -> dict[str, Unit]:
    """Units by name, code and every alias (upper-cased)."""
    table: dict[str, Unit] = {}
    try:
        rows = list(csv.DictReader(Path(path).read_text(encoding="utf-8-sig").splitlines()))
    except OSError as exc:
        raise InputError(f"cannot read the units table: {exc}", source=str(path)) from exc
    for line, row in enumerate(rows, start=2):
        try:
            unit = Unit(row["name"].strip(), row["code"].strip(), row["dimension"].strip(),
                        Decimal(row["factor"].strip()))
        except (KeyError, AttributeError, InvalidOperation) as exc:
            raise InputError(f"row {line}: needs name, code, dimension and a numeric factor ({exc!r})",
                             source=str(path)) from exc
        for key in (unit.name, unit.code, *(row.get("aliases") or "").split(";")):
            if key.strip():
                table[_key(key)] = unit
    return table


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().upper().rstrip(".")


def unit_of(name: str, units: dict[str, Unit] | None = None) -> Unit:
    """The unit called ``name`` (``PCS``, ``个``, ``007`` ...); :class:`InputError` when unknown."""
    found = (units or load_units()).get(_key(name or ""))
    if found is None:
        raise InputError(f"unknown unit of measure {name!r} (not in the units table)")
    return found


def _convert(hs_code: str, legal: str, quantity: Decimal, unit: Unit, net_kg: Decimal | None,
             units: dict[str, Unit]) -> Decimal:
    target = unit_of(legal, units)
    if target.dimension == "mass":
        if net_kg is None:
            raise InputError(f"HS code {hs_code}: legal unit {legal} needs the net weight")
        return (net_kg / target.factor).normalize() if target.factor != 1 else net_kg
    if unit.dimension != target.dimension:
        raise InputError(f"HS code {hs_code}: cannot convert the transaction unit {unit.name} ({unit.dimension})"
                         f" to the legal unit {legal} ({target.dimension})")
    value = quantity * unit.factor / target.factor
    return value.quantize(Decimal("0.001")).normalize() if value != value.to_integral() else value.to_integral()


def legal_quantities(hs_code: str, *, quantity: Decimal, unit: str, net_kg: Decimal | None,
                     tariff: dict[str, TariffEntry] | None = None,
                     units: dict[str, Unit] | None = None) -> LegalQuantities:
    """Quantities in the legal units of ``hs_code`` from the transaction ``quantity``/``unit`` and the net weight.

    Raises :class:`InputError` naming the code and the reason when the code is not in the tariff table, has no
    legal unit, or a unit cannot be converted.
    """
    code = normalise_code(hs_code)
    entry = (tariff if tariff is not None else load_tariff()).get(code)
    if entry is None:
        raise InputError(f"HS code {code} is not in the tariff table")
    if not entry.unit1:
        raise InputError(f"HS code {code}: the tariff table gives no legal first unit")
    units = units or load_units()
    quantity, net = Decimal(quantity), None if net_kg is None else Decimal(net_kg)
    tx = unit_of(unit, units)
    qty1 = _convert(code, entry.unit1, quantity, tx, net, units)
    if not entry.unit2:
        return LegalQuantities(qty1, entry.unit1)
    return LegalQuantities(qty1, entry.unit1, _convert(code, entry.unit2, quantity, tx, net, units), entry.unit2)
