"""Tolerance profiles as data (``matchers/data/tolerances.toml``) and the checks that use them.

Wherever an absolute and a percent limit both exist, the stricter (smaller) one wins:
``allowed = min(abs, pct% x base)``; a difference equal to the limit is inside.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from hub.errors import InputError

SIGNALS = ("amount", "reference", "name", "date")


def allowed(abs_limit: Decimal, pct_limit: Decimal, base: Decimal) -> Decimal:
    """The stricter of an absolute and a percent limit for ``base``."""
    return min(abs_limit, abs(base) * pct_limit / Decimal(100))


def within(difference: Decimal, abs_limit: Decimal, pct_limit: Decimal, base: Decimal) -> bool:
    """True when ``|difference|`` is at most the stricter limit (at the limit counts as inside)."""
    return abs(difference) <= allowed(abs_limit, pct_limit, base)


@dataclass(frozen=True)
class ThreeWayTolerance:
    """Tolerance keys of the three-way match."""

    qty_pct: Decimal
    qty_abs: Decimal
    price_pct: Decimal
    price_abs: Decimal
    total_pct: Decimal
    total_abs: Decimal
    invoice_before_delivery: str = "hold"
    description_min: float = 70.0


@dataclass(frozen=True)
class Profile:
    """One tolerance profile (see the comments in ``tolerances.toml`` for each field)."""

    name: str
    amount_abs: Decimal
    amount_pct: Decimal
    fee_pct: Decimal
    fee_abs: dict[str, Decimal]
    date_window_days: int
    prepay_days: int
    rate_tolerance_pct: Decimal
    rates: dict[str, Decimal]
    auto_threshold: float
    auto_margin: float
    review_min: float
    auto_post: tuple[str, ...]
    priority: tuple[str, ...]
    weights: dict[str, float]
    subset_max_items: int
    subset_max_size: int
    subset_node_budget: int
    threeway: ThreeWayTolerance
    description: str = ""
    #: how a payer must be known for a payment short by a bank fee, whose memo names no reference, to
    #: auto-apply (``via`` of the name match: "legal name", "buyer name", "English name", "alias")
    fee_auto_via: tuple[str, ...] = ("legal name", "English name", "buyer name")
    #: such a payment also auto-applies only when the shortfall is a whole amount of the currency (a bank
    #: charge comes from a tariff: 15.00, 25.00, USD 20.00)
    fee_auto_whole: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def fee_limit(self, currency: str, due: Decimal) -> Decimal:
        """The largest shortfall written off as a bank fee for this currency and amount due."""
        abs_limit = self.fee_abs.get(currency, self.fee_abs.get("default", Decimal(0)))
        return allowed(abs_limit, self.fee_pct, due)

    def rounding_limit(self, due: Decimal) -> Decimal:
        """The largest difference that still counts as equal (written off as rounding)."""
        return allowed(self.amount_abs, self.amount_pct, due)

    def to_cny(self, amount: Decimal, currency: str) -> Decimal | None:
        """``amount`` in CNY at the configured rate, or None when the rate is unknown."""
        rate = self.rates.get(currency)
        return None if rate is None else amount * rate


def _dec(value: Any, where: str) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InputError(f"{where}: {value!r} is not a number") from None
    if not result.is_finite() or result < 0:
        raise InputError(f"{where}: {value!r} must be a finite number >= 0")
    return result


def _read_toml(path: str | Path | None, packaged: str) -> tuple[dict[str, Any], str]:
    source = str(path) if path else f"matchers/data/{packaged}"
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("matchers").joinpath(f"data/{packaged}").read_text(encoding="utf-8")
        return tomllib.loads(text), source
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", source=source) from None


def load_rates(path: str | Path | None = None) -> dict[str, Decimal]:
    """CNY per unit of each currency from ``rates.toml`` (or ``path``)."""
    data, source = _read_toml(path, "rates.toml")
    table = data.get("cny_per_unit")
    if not isinstance(table, dict):
        raise InputError("needs a [cny_per_unit] table", source=source)
    return {ccy.upper(): _dec(v, f"{source}: cny_per_unit.{ccy}") for ccy, v in table.items()}


def load_profile(name: str | None = None, path: str | Path | None = None) -> Profile:
    """The named profile (or the file's ``default_profile``) from ``tolerances.toml`` or ``path``."""
    data, source = _read_toml(path, "tolerances.toml")
    profiles = data.get("profiles", {})
    name = name or data.get("default_profile", "default")
    if name not in profiles:
        raise InputError(f"no tolerance profile {name!r} (have: {', '.join(sorted(profiles)) or 'none'})",
                         source=source)
    raw = profiles[name]
    where = f"{source}: profiles.{name}"

    def need(key: str) -> Any:
        if key not in raw:
            raise InputError(f"{where}: missing {key!r}")
        return raw[key]

    weights = {k: float(v) for k, v in need("weights").items()}
    unknown = set(weights) - set(SIGNALS)
    if unknown or set(SIGNALS) - set(weights):
        raise InputError(f"{where}.weights: needs exactly {', '.join(SIGNALS)} (got {', '.join(weights)})")
    priority = tuple(need("priority"))
    if sorted(priority) != sorted(SIGNALS):
        raise InputError(f"{where}.priority: must order {', '.join(SIGNALS)} (got {', '.join(priority)})")
    auto_post = tuple(need("auto_post"))
    if set(auto_post) - {"auto", "review"}:
        raise InputError(f"{where}.auto_post: only 'auto' and 'review' can post (got {list(auto_post)})")
    tw = need("threeway")
    mode = tw.get("invoice_before_delivery", "hold")
    if mode not in ("hold", "allow"):
        raise InputError(f"{where}.threeway.invoice_before_delivery: 'hold' or 'allow', not {mode!r}")
    threeway = ThreeWayTolerance(
        **{k: _dec(tw[k] if k in tw else need(f"threeway.{k}"), f"{where}.threeway.{k}")
           for k in ("qty_pct", "qty_abs", "price_pct", "price_abs", "total_pct", "total_abs")},
        invoice_before_delivery=mode, description_min=float(tw.get("description_min", 70)))
    rates_file = raw.get("rates_file") or None
    if rates_file and path and not Path(rates_file).is_absolute():
        rates_file = str(Path(path).parent / rates_file)
    return Profile(
        name=name,
        description=str(raw.get("description", "")),
        amount_abs=_dec(need("amount_abs"), f"{where}.amount_abs"),
        amount_pct=_dec(need("amount_pct"), f"{where}.amount_pct"),
        fee_pct=_dec(need("fee_pct"), f"{where}.fee_pct"),
        fee_abs={k if k == "default" else k.upper(): _dec(v, f"{where}.fee_abs.{k}")
                 for k, v in need("fee_abs").items()},
        date_window_days=int(need("date_window_days")),
        prepay_days=int(need("prepay_days")),
        rate_tolerance_pct=_dec(need("rate_tolerance_pct"), f"{where}.rate_tolerance_pct"),
        rates=load_rates(rates_file),
        auto_threshold=float(need("auto_threshold")),
        auto_margin=float(need("auto_margin")),
        review_min=float(need("review_min")),
        auto_post=auto_post,
        priority=priority,
        weights=weights,
        subset_max_items=int(need("subset_max_items")),
        subset_max_size=int(need("subset_max_size")),
        subset_node_budget=int(need("subset_node_budget")),
        threeway=threeway,
        fee_auto_via=tuple(raw.get("fee_auto_via", ("legal name", "English name", "buyer name"))),
        fee_auto_whole=bool(raw.get("fee_auto_whole", True)),
    )
