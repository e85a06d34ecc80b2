"""Three-way match: order lines <-> delivery (签收单) lines <-> invoice lines.

An invoice is tied to its order by the order reference it prints, else by buyer and lines; deliveries
by the order reference on the note. Lines pair by SKU, or by description (product master names in
Chinese and English, fuzzy). Each invoice line is checked against the tolerance keys of the profile:

- ``quantity``: invoiced quantity against delivered quantity (ordered, where nothing was delivered yet
  or the line is a service);
- ``price``: invoiced unit price against the ordered one (VAT invoices print net prices: the gross
  price, net x (1 + rate), is compared when it is the closer);
- ``total``: invoice total against ordered price x the quantities it should bill;
- ``date``: an invoice dated before the goods were delivered.

A check outside tolerance puts the invoice on ``hold`` with the key that failed and the figures; inside,
it is ``matched`` with the variance recorded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz, process

from hub.records import Customer, Delivery, Invoice, InvoiceLine, Order, OrderLine, Product
from matchers.names import CustomerIndex, name_similarity
from matchers.partial import unusable
from matchers.references import normalize_ref
from matchers.tolerance import Profile, ThreeWayTolerance, allowed, load_profile

ZERO = Decimal(0)
_TAX_CLASS = re.compile(r"^\*[^*]*\*")


def describe(text: str) -> str:
    """A description for comparing: NFKC, lower case, the VAT ``*类别*`` prefix gone."""
    return _TAX_CLASS.sub("", unicodedata.normalize("NFKC", text or "").strip()).lower().strip()


class ProductIndex:
    """Product names (Chinese and English, with spec) to SKU, for lines that print no SKU."""

    def __init__(self, products: Iterable[Product], min_score: float = 70.0) -> None:
        self.min_score = min_score
        self.names: list[str] = []
        self.skus: list[str] = []
        self.exact: dict[str, str | None] = {}
        for p in products:
            for name in {f"{p.name_zh} {p.spec}", f"{p.name_en} {p.spec}"}:
                text = describe(name)
                self.names.append(text)
                self.skus.append(p.sku)
                # a name shared by two products with the same spec names neither
                self.exact[text] = p.sku if self.exact.get(text, p.sku) == p.sku else None
        self._cache: dict[str, str | None] = {}

    def sku_of(self, description: str, spec: str | None = None) -> str | None:
        """The SKU whose name and spec are most like ``description`` (+ spec), or None."""
        text = describe(f"{description} {spec or ''}")
        if text in self.exact:
            return self.exact[text]
        if text in self._cache:
            return self._cache[text]
        found = process.extractOne(text, self.names, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=self.min_score) if self.names else None
        sku = self.skus[found[2]] if found else None
        self._cache[text] = sku
        return sku


@dataclass
class LineCheck:
    """One invoice line against its order line and delivered quantity."""

    invoice_line: int
    description: str
    sku: str | None
    order_line: int | None
    ordered: Decimal | None
    delivered: Decimal | None
    invoiced: Decimal | None
    order_price: Decimal | None
    invoiced_price: Decimal | None
    qty_variance: Decimal = ZERO
    price_variance: Decimal = ZERO
    failed: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """A tolerance key that failed, with the figures a clerk needs."""

    key: str  # quantity, price, total, date, order, line
    line_no: int | None
    expected: str
    actual: str
    variance: str
    limit: str

    def text(self) -> str:
        """One line: ``line 2 quantity: invoiced 110 vs delivered 100 (+10, limit 2)``."""
        where = f"line {self.line_no} " if self.line_no else ""
        return f"{where}{self.key}: {self.actual} vs {self.expected} ({self.variance}, limit {self.limit})"


@dataclass
class ThreeWayResult:
    """The outcome for one invoice."""

    invoice_key: str
    invoice_number: str
    order_key: str | None
    delivery_nos: list[str]
    status: str  # matched, hold
    lines: list[LineCheck] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    total_variance: Decimal = ZERO
    buyer: str = ""
    currency: str = "CNY"
    invoice_total: Decimal = ZERO

    @property
    def reason(self) -> str:
        """Why it is held, or what variance was accepted."""
        if self.failures:
            return "; ".join(f.text() for f in self.failures)
        varied = [c for c in self.lines if c.qty_variance or c.price_variance]
        if not varied:
            return "order, delivery and invoice agree"
        return "within tolerance: " + "; ".join(
            f"line {c.invoice_line} qty {c.qty_variance:+} price {c.price_variance:+}" for c in varied)


def _pct(variance: Decimal, base: Decimal) -> str:
    return f"{variance / base * 100:+.2f}%" if base else "n/a"


class Links(dict[str, str]):
    """Invoice key -> order key, and in ``alike`` the invoices linked by their lines where a repeat order
    of the buyer (the same lines and total) fits as well: invoice key -> those orders' keys."""

    def __init__(self) -> None:
        super().__init__()
        self.alike: dict[str, tuple[str, ...]] = {}


#: how far an invoiced unit price may be from the ordered one and still count as the same line's price
#: when tying invoices to orders (the default profile's ``threeway.price_pct``, 1%)
PRICE_FIT = Decimal("0.01")


def link_invoices(invoices: Iterable[Invoice], orders: Iterable[Order], products: ProductIndex | None = None,
                  customers: Iterable[Customer] = (), deliveries: Iterable[Delivery] = ()) -> Links:
    """Invoice key -> order key: by the order reference printed, else by buyer, date, lines and deliveries.

    Without a reference, the buyer's orders dated on or before the invoice compete on how well their
    lines (SKU, quantity) and their delivery notes fit the invoice; then the nearest date wins (repeat
    orders that fit as well are kept in ``Links.alike``: the link between them is a guess).
    """
    orders = [o for o in orders if not o.is_test]
    deliveries_of: dict[str, list[Delivery]] = defaultdict(list)
    ext = {normalize_ref(o.external_id): o.natural_key() for o in orders}
    for d in deliveries:
        if normalize_ref(d.order_ref) in ext:
            deliveries_of[ext[normalize_ref(d.order_ref)]].append(d)
    claimed: set[str] = set()
    by_ref: dict[str, Order] = {}
    for o in sorted(orders, key=lambda o: (o.order_date, o.natural_key())):
        for ref in (o.external_id, o.pi_number):
            if ref:
                by_ref.setdefault(normalize_ref(ref), o)
    cix = CustomerIndex.build(customers)
    by_customer: dict[str, list[Order]] = defaultdict(list)
    for o in orders:
        by_customer[o.customer_code or _who(cix, o.customer_name)].append(o)
    links = Links()
    invoices = [inv for inv in invoices if unusable(inv) is None]
    for inv in invoices:  # orders an invoice names are taken
        if inv.order_ref and normalize_ref(inv.order_ref) in by_ref:
            claimed.add(by_ref[normalize_ref(inv.order_ref)].natural_key())
    for inv in invoices:
        ref = normalize_ref(inv.order_ref) if inv.order_ref else ""
        if not ref:
            found = re.search(r"(?:订单号?|PO|ORDER)\s*[:：#]?\s*([A-Za-z0-9\-]{4,})", inv.remarks or "", re.I)
            ref = normalize_ref(found.group(1)) if found else ""
        if ref and ref in by_ref:
            links[inv.natural_key()] = by_ref[ref].natural_key()
            continue
        code = cix.by_tax_id(inv.buyer_tax_id) or _who(cix, inv.buyer_name)
        pool = [o for o in by_customer.get(code, []) if o.order_date <= inv.issue_date
                and o.currency == inv.currency] if code else []
        blind = not pool and not inv.buyer_name and not inv.buyer_tax_id
        if blind:  # the buyer not read (needs review): only an order of the same total, unclaimed, can be its
            pool = [o for o in orders if o.order_date <= inv.issue_date and o.currency == inv.currency
                    and o.total == inv.total and o.natural_key() not in claimed]
        elif not pool and inv.buyer_name:
            pool = [o for o in orders if o.order_date <= inv.issue_date and o.currency == inv.currency
                    and name_similarity(o.customer_name, inv.buyer_name) >= 0.85]
        scored = sorted(((_line_overlap(inv, o, products, deliveries_of.get(o.natural_key(), [])),
                          o.natural_key() not in claimed, -(inv.issue_date - o.order_date).days, o) for o in pool),
                        key=lambda t: t[:3], reverse=True)
        if blind and len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.1:
            continue  # two orders fit as well: which customer's it is stays for a person
        if scored and scored[0][0] >= (0.9 if blind else 0.6):
            links[inv.natural_key()] = scored[0][3].natural_key()
            claimed.add(scored[0][3].natural_key())
            alike = tuple(o.natural_key() for fit, _, _, o in scored[1:]
                          if fit == scored[0][0] and _repeat(o, scored[0][3]))
            if alike:
                links.alike[inv.natural_key()] = alike
    return links


def _repeat(a: Order, b: Order) -> bool:
    """Two orders of the same lines (SKU or description, quantity, price) and total: a repeat order."""
    def lines(o: Order) -> list[tuple[str, Decimal, Decimal]]:
        return sorted((line.sku or line.description, line.quantity, line.unit_price) for line in o.lines)
    return a.total == b.total and a.currency == b.currency and lines(a) == lines(b)


def _who(cix: CustomerIndex, name: str | None) -> str:
    if not name:
        return "name:"
    hits = cix.lookup(name, min_score=0.9, limit=1)
    return hits[0].customer_code if hits else f"name:{name}"


def _sku(line: InvoiceLine | OrderLine, products: ProductIndex | None) -> str | None:
    if line.sku:
        return line.sku
    if products is not None:
        return products.sku_of(line.description, getattr(line, "spec", None))
    return None


def _line_overlap(inv: Invoice, order: Order, products: ProductIndex | None,
                  deliveries: list[Delivery] = ()) -> float:  # type: ignore[assignment]
    """How well an order fits an invoice: lines with a counterpart (same SKU or description), more when
    the quantity is the ordered or a delivered one; a bonus when the totals agree."""
    if not inv.lines:
        return 1.0 if inv.total == order.total else 0.0
    delivered: set[tuple[str | None, Decimal]] = set()
    for d in deliveries:
        for dl in d.lines:
            delivered.add((dl.sku or (products.sku_of(dl.description) if products else None), dl.quantity))
    hits = 0.0
    for line in inv.lines:
        match = _pair(line, order.lines, products)
        if match is None:
            continue
        if line.quantity is None or line.quantity == match.quantity:
            hit = 1.0
        elif (_sku(match, products), line.quantity) in delivered:
            hit = 1.0
        elif abs(line.quantity - match.quantity) <= match.quantity * Decimal("0.05"):
            hit = 0.9  # the ordered quantity, give or take a variance
        elif line.quantity <= match.quantity:
            hit = 0.7
        else:
            hit = 0.4
        # a line at another price than the ordered one is less likely the same goods (a product of the same
        # name: another size); what tells apart two orders whose lines fit the same way
        price = _invoiced_price(line, match.unit_price)
        if price is not None and abs(price - match.unit_price) > match.unit_price * PRICE_FIT:
            hit *= 0.9
        hits += hit
    score = hits / len(inv.lines)
    if inv.total == order.total:
        score += 0.2
    return score


def _pair(line: InvoiceLine, order_lines: list[OrderLine], products: ProductIndex | None,
          min_score: float = 70.0) -> OrderLine | None:
    sku = _sku(line, products)
    if sku:
        for ol in order_lines:
            if _sku(ol, products) == sku:
                return ol
    text = describe(line.description)
    best, score = None, min_score
    for ol in order_lines:
        s = fuzz.token_set_ratio(text, describe(ol.description))
        if s >= score:
            best, score = ol, s
    return best


def three_way(invoices: Iterable[Invoice], orders: Iterable[Order], deliveries: Iterable[Delivery],
              products: Iterable[Product] = (), customers: Iterable[Customer] = (), *,
              profile: Profile | None = None) -> list[ThreeWayResult]:
    """Check every invoice against its order and deliveries; see the module text."""
    tol = (profile or load_profile()).threeway
    pix = ProductIndex(products, tol.description_min)
    # a credit note bills nothing: it has no order or delivery to agree with (matchers.credits applies it)
    invoices = sorted((i for i in invoices if unusable(i) is None and i.document_type != "credit_note"),
                      key=lambda i: (i.issue_date, i.natural_key()))
    orders = list(orders)
    order_by_key = {o.natural_key(): o for o in orders}
    deliveries = list(deliveries)
    links = link_invoices(invoices, orders, pix, customers, deliveries)
    deliveries_of: dict[str, list[Delivery]] = defaultdict(list)
    ref_to_order = {normalize_ref(o.external_id): o.natural_key() for o in orders}
    for d in deliveries:
        key = ref_to_order.get(normalize_ref(d.order_ref))
        if key:
            deliveries_of[key].append(d)
    used: set[str] = set()
    results = []
    for inv in invoices:
        if inv.kind == "proforma":
            continue
        order = order_by_key.get(links.get(inv.natural_key(), ""))
        result = ThreeWayResult(inv.natural_key(), inv.number, order.natural_key() if order else None, [],
                                "matched", buyer=inv.buyer_name, currency=inv.currency, invoice_total=inv.total)
        if order is None:
            result.status = "hold"
            result.failures.append(Failure("order", None, "an order", "none found", "", "order reference or lines"))
            results.append(result)
            continue
        delivery = _pick_delivery(inv, deliveries_of.get(order.natural_key(), []), used, pix)
        if delivery is not None:
            used.add(delivery.delivery_no)
            result.delivery_nos.append(delivery.delivery_no)
        _check(inv, order, delivery, pix, tol, result)
        result.status = "hold" if result.failures else "matched"
        results.append(result)
    return results


def _delivered(delivery: Delivery | None, order_line: OrderLine, pix: ProductIndex) -> Decimal | None:
    if delivery is None:
        return None
    sku = _sku(order_line, pix)
    total, found = ZERO, False
    for dl in delivery.lines:
        if dl.order_line_no == order_line.line_no or (sku and (dl.sku or pix.sku_of(dl.description)) == sku):
            total += dl.quantity
            found = True
    return total if found else None


def _pick_delivery(inv: Invoice, candidates: list[Delivery], used: set[str], pix: ProductIndex) -> Delivery | None:
    """The delivery note this invoice bills: quantities closest, then date closest; each note once."""
    free = [d for d in candidates if d.delivery_no not in used] or candidates
    if not free:
        return None
    inv_qty: dict[str, Decimal] = defaultdict(Decimal)
    for line in inv.lines:
        inv_qty[_sku(line, pix) or describe(line.description)] += line.quantity or ZERO

    def distance(d: Delivery) -> tuple[Decimal, int]:
        dq: dict[str, Decimal] = defaultdict(Decimal)
        for dl in d.lines:
            dq[dl.sku or pix.sku_of(dl.description) or describe(dl.description)] += dl.quantity
        goods = [k for k in inv_qty if k in dq] or list(inv_qty)
        gap = sum((abs(inv_qty[k] - dq.get(k, ZERO)) for k in goods), ZERO)
        gap += sum((q for k, q in dq.items() if k not in inv_qty), ZERO)
        day = d.signed_date or d.shipped_date
        return gap, abs((inv.issue_date - day).days) if day else 999

    return min(free, key=distance)


def _check(inv: Invoice, order: Order, delivery: Delivery | None, pix: ProductIndex, tol: ThreeWayTolerance,
           result: ThreeWayResult) -> None:
    expected_total = ZERO
    for line in inv.lines:
        ol = _pair(line, order.lines, pix, tol.description_min)
        check = LineCheck(line.line_no, line.description, _sku(line, pix), ol.line_no if ol else None,
                          ol.quantity if ol else None, None, line.quantity, ol.unit_price if ol else None, None)
        result.lines.append(check)
        if ol is None:
            result.failures.append(Failure("line", line.line_no, "an order line", describe(line.description),
                                           "", "SKU or description"))
            expected_total += line.amount + (line.tax or ZERO)
            continue
        delivered = _delivered(delivery, ol, pix)
        check.delivered = delivered
        base = delivered if delivered is not None else ol.quantity
        basis = "delivered" if delivered is not None else "ordered"
        if line.quantity is not None:
            var = line.quantity - base
            check.qty_variance = var
            limit = allowed(tol.qty_abs, tol.qty_pct, base)
            if abs(var) > limit:
                check.failed.append("quantity")
                result.failures.append(Failure("quantity", line.line_no, f"{basis} {base}", f"invoiced {line.quantity}",
                                               f"{var:+} = {_pct(var, base)}", f"{limit.normalize():f}"))
        price = _invoiced_price(line, ol.unit_price)
        check.invoiced_price = price
        if price is not None:
            var = price - ol.unit_price
            check.price_variance = var.quantize(Decimal("0.0001"))
            limit = allowed(tol.price_abs, tol.price_pct, ol.unit_price)
            if abs(var) > limit + Decimal("0.00005"):
                check.failed.append("price")
                result.failures.append(Failure("price", line.line_no, f"ordered {ol.unit_price}",
                                               f"invoiced {price.quantize(Decimal('0.0001'))}",
                                               f"{var.quantize(Decimal('0.0001')):+} = {_pct(var, ol.unit_price)}",
                                               f"{limit.quantize(Decimal('0.0001'))}"))
        expected_total += (base * ol.unit_price).quantize(Decimal("0.01"))
    if inv.lines:
        var = inv.total - expected_total
        result.total_variance = var
        limit = allowed(tol.total_abs, tol.total_pct, expected_total)
        if abs(var) > limit:
            result.failures.append(Failure("total", None, f"expected {expected_total}", f"invoice {inv.total}",
                                           f"{var:+} = {_pct(var, expected_total)}", f"{limit.quantize(Decimal('0.01'))}"))
    if delivery is not None and tol.invoice_before_delivery == "hold":
        delivered_on = delivery.shipped_date or delivery.signed_date
        if delivered_on and inv.issue_date < delivered_on:
            result.failures.append(Failure("date", None, f"delivered {delivered_on}", f"invoiced {inv.issue_date}",
                                           f"{(inv.issue_date - delivered_on).days} days", "not before delivery"))


def _invoiced_price(line: InvoiceLine, order_price: Decimal) -> Decimal | None:
    """The invoiced unit price comparable with the order's: net, or gross where that is closer."""
    if line.unit_price is None:
        if line.quantity:
            return line.amount / line.quantity
        return None
    options = [line.unit_price]
    if line.tax_rate:
        options.append(line.unit_price * (1 + line.tax_rate))
    return min(options, key=lambda p: abs(p - order_price))
