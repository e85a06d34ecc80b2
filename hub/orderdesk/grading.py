"""Customer grading: a weighted score from payment history, order frequency and margin gives A/B/C.

The figures come from stored data (:mod:`hub.orderdesk.desk`); weights and thresholds from
``data/grading.toml``. :func:`recompute_grades` writes each change with an audit event holding the
figures behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hub.orderdesk.desk import ZERO, Desk
from hub.orderdesk.tomlfile import read_toml
from hub.records import Customer
from hub.store import Store

GRADES = ("A", "B", "C")
#: The figures a factor can score, and what each means.
FACTORS = {
    "days_late": "average days invoices were paid late, amount-weighted",
    "overdue_ratio": "amount overdue / amount invoiced in the window",
    "orders_per_month": "orders per 30 days in the window",
    "margin": "average gross margin of ordered lines with a known cost",
}
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Factor:
    """How one figure scores: 100 at ``best``, 0 at ``worst``, linear between, with a weight."""

    name: str
    weight: Decimal
    best: Decimal
    worst: Decimal

    def score(self, value: Decimal) -> Decimal:
        """The factor's score (0-100) for a figure."""
        span = self.best - self.worst
        share = (value - self.worst) / span
        return min(max(share, ZERO), Decimal(1)) * HUNDRED


@dataclass(frozen=True)
class GradingConfig:
    """Weights and thresholds of the grading."""

    factors: tuple[Factor, ...]
    thresholds: dict[str, Decimal]
    lookback_days: int = 365
    no_history_grade: str = "B"

    def grade_for(self, score: Decimal) -> str:
        """A at or above the A threshold, B at or above the B threshold, else C."""
        if score >= self.thresholds["A"]:
            return "A"
        if score >= self.thresholds["B"]:
            return "B"
        return "C"


def load_grading(path: str | Path | None = None) -> GradingConfig:
    """Read the grading config; any error (with its line) rejects the whole file."""
    doc = read_toml(path, "grading.toml")
    data = doc.data
    doc.unknown_keys(data, {"lookback_days", "no_history_grade", "factors", "grades"}, (), "grading")
    factors: list[Factor] = []
    raw_factors = data.get("factors", {})
    if not isinstance(raw_factors, dict) or not raw_factors:
        doc.error(("factors",), "[factors] must list at least one factor")
        raw_factors = {}
    for name, spec in raw_factors.items():
        if name not in FACTORS:
            doc.error(("factors", name), f"unknown factor {name!r} (expected one of {', '.join(FACTORS)})")
            continue
        if not isinstance(spec, dict):
            doc.error(("factors", name), f"factor {name}: expected a table with weight, best, worst")
            continue
        doc.unknown_keys(spec, {"weight", "best", "worst"}, ("factors", name), f"factor {name}")
        values = {}
        for key in ("weight", "best", "worst"):
            if key not in spec:
                doc.error(("factors", name), f"factor {name}: {key} is missing")
                continue
            values[key] = doc.number(spec[key], ("factors", name, key), f"factor {name}.{key}")
        if None in values.values() or len(values) < 3:
            continue
        if values["weight"] < 0:
            doc.error(("factors", name, "weight"), f"factor {name}.weight: {values['weight']} is negative")
        elif values["best"] == values["worst"]:
            doc.error(("factors", name, "best"), f"factor {name}: best and worst are both {values['best']}")
        else:
            factors.append(Factor(name, values["weight"], values["best"], values["worst"]))
    if factors and sum(f.weight for f in factors) <= 0:
        doc.error(("factors",), "the factor weights add up to zero")
    grades = data.get("grades", {})
    thresholds: dict[str, Decimal] = {}
    if not isinstance(grades, dict):
        doc.error(("grades",), "[grades] must be a table with A and B")
        grades = {}
    doc.unknown_keys(grades, {"A", "B"}, ("grades",), "grades")
    for grade in ("A", "B"):
        if grade not in grades:
            doc.error(("grades",), f"grades.{grade}: the lowest score for grade {grade} is missing")
            continue
        value = doc.number(grades[grade], ("grades", grade), f"grades.{grade}")
        if value is not None and not ZERO <= value <= HUNDRED:
            doc.error(("grades", grade), f"grades.{grade}: {value} is outside 0-100")
        elif value is not None:
            thresholds[grade] = value
    if len(thresholds) == 2 and thresholds["A"] <= thresholds["B"]:
        doc.error(("grades", "A"), f"grades.A ({thresholds['A']}) must be above grades.B ({thresholds['B']})")
    lookback = data.get("lookback_days", 365)
    if isinstance(lookback, bool) or not isinstance(lookback, int) or lookback <= 0:
        doc.error(("lookback_days",), f"lookback_days: {lookback!r} is not a positive whole number")
    fallback = data.get("no_history_grade", "B")
    if fallback not in GRADES:
        doc.error(("no_history_grade",), f"no_history_grade: {fallback!r} is not one of A, B, C")
    doc.raise_errors()
    return GradingConfig(tuple(factors), thresholds, lookback, fallback)


@dataclass
class Figures:
    """What a grade rests on, for one customer (CNY, as of a date)."""

    invoices: int = 0
    invoiced_cny: Decimal = ZERO
    days_late: Decimal | None = None
    overdue_cny: Decimal = ZERO
    overdue_ratio: Decimal | None = None
    orders: int = 0
    orders_per_month: Decimal | None = None
    margin: Decimal | None = None

    def as_dict(self) -> dict[str, str | int | None]:
        """JSON-ready figures (Decimals as strings, rounded for reading)."""
        def fmt(v: Decimal | None, places: str) -> str | None:
            return None if v is None else str(v.quantize(Decimal(places)))
        return {"invoices": self.invoices, "invoiced_cny": fmt(self.invoiced_cny, "0.01"),
                "days_late": fmt(self.days_late, "0.1"), "overdue_cny": fmt(self.overdue_cny, "0.01"),
                "overdue_ratio": fmt(self.overdue_ratio, "0.0001"), "orders": self.orders,
                "orders_per_month": fmt(self.orders_per_month, "0.01"), "margin": fmt(self.margin, "0.0001")}


@dataclass
class GradeResult:
    """One customer's figures, score and grade (old and new)."""

    code: str
    name: str
    old: str | None
    new: str
    score: Decimal | None
    figures: Figures
    parts: dict[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """The grade differs from the stored one."""
        return self.old != self.new


def figures_for(desk: Desk, code: str, lookback_days: int) -> Figures:
    """A customer's payment, frequency and margin figures over the lookback window."""
    start = desk.as_of - timedelta(days=lookback_days)
    tol = desk.settings.paid_tolerance_cny
    fig = Figures()
    late_weighted, due_amount = ZERO, ZERO
    for state in desk.invoices.values():
        if state.customer_code != code or state.invoice.issue_date > desk.as_of:
            continue
        fig.overdue_cny += state.overdue_cny(desk.as_of, tol)
        if state.invoice.issue_date < start:
            continue
        fig.invoices += 1
        fig.invoiced_cny += state.total_cny
        if state.due <= desk.as_of or state.settled(tol):
            late_weighted += state.total_cny * state.days_late(desk.as_of, tol)
            due_amount += state.total_cny
    if due_amount > 0:
        fig.days_late = late_weighted / due_amount
    if fig.invoiced_cny > 0:
        fig.overdue_ratio = fig.overdue_cny / fig.invoiced_cny
    revenue, cost = ZERO, ZERO
    for order in desk.orders.values():
        if not desk.live(order) or order.status == "cancelled" or not start <= order.order_date <= desk.as_of:
            continue
        customer = desk.customer_of(order)
        if customer is None or customer.code != code:
            continue
        fig.orders += 1
        for line in order.lines:
            product = desk.products.get(line.sku or "")
            if product is None or product.unit_cost is None:
                continue
            revenue += desk.rates.to_cny(line.amount, order.currency)
            cost += desk.rates.to_cny(line.quantity * product.unit_cost, product.currency)
    if fig.orders or fig.invoices:
        fig.orders_per_month = Decimal(fig.orders) * 30 / lookback_days
    if revenue > 0:
        fig.margin = (revenue - cost) / revenue
    return fig


def score_figures(fig: Figures, config: GradingConfig) -> tuple[Decimal | None, dict[str, str]]:
    """The weighted score (0-100, two places) over the factors that have a figure, with each part."""
    total_weight, total = ZERO, ZERO
    parts: dict[str, str] = {}
    for factor in config.factors:
        value = getattr(fig, factor.name)
        if value is None or factor.weight == 0:
            continue
        part = factor.score(value)
        parts[factor.name] = str(part.quantize(Decimal("0.01")))
        total += part * factor.weight
        total_weight += factor.weight
    if total_weight == 0:
        return None, parts
    return (total / total_weight).quantize(Decimal("0.01")), parts


def grade_customers(desk: Desk, config: GradingConfig | None = None) -> list[GradeResult]:
    """Figures, score and grade of every customer (nothing written)."""
    config = config or load_grading()
    results = []
    for code, customer in sorted(desk.customers.items()):
        fig = figures_for(desk, code, config.lookback_days)
        score, parts = score_figures(fig, config)
        grade = config.no_history_grade if score is None else config.grade_for(score)
        results.append(GradeResult(code, customer.name, customer.grade, grade, score, fig, parts))
    return results


def recompute_grades(store: Store, *, actor: str | None = None, as_of: date | None = None,
                     config: GradingConfig | None = None, desk: Desk | None = None,
                     dry_run: bool = False) -> list[GradeResult]:
    """Grade every customer and store the changed grades, each with a ``grade_changed`` audit event."""
    desk = desk or Desk.load(store, as_of=as_of)
    results = grade_customers(desk, config)
    changed = [r for r in results if r.changed]
    if changed and not dry_run:
        with store.batch(actor) as batch:
            for result in changed:
                customer: Customer = desk.customers[result.code].model_copy(update={"grade": result.new})
                batch.upsert([customer], note="grade recomputed")
                batch.event("grade_changed", customer, before={"grade": result.old},
                            after={"grade": result.new, "score": None if result.score is None else str(result.score),
                                   "as_of": desk.as_of.isoformat(), "figures": result.figures.as_dict(),
                                   "factor_scores": result.parts},
                            note=f"grade {result.old or '-'} -> {result.new}")
                desk.customers[result.code] = customer
    return results
