"""Prefill an export declaration from what the store knows: the order, its commercial invoice, the packing
list, the customer and product master, and past approved declarations (an HS code approved before for a
product wins over the master). Nothing is guessed silently: a missing or foreign packing list, an unknown HS
code or a unit without a code becomes a warning, and the field stays empty for the clerk.

One declaration per commercial invoice (a partly shipped order has two). Re-running is safe: values a clerk
corrected (source ``clerk:...``) are kept, and a declaration past ``draft`` is never replaced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from customs.codes import CodeTables
from customs.hs import TariffEntry, load_tariff
from customs.lint import Documents, Rule, lint, load_rules
from customs.units import legal_quantities
from hub.errors import InputError
from hub.records import (
    Customer,
    Declaration,
    DeclarationItem,
    DeclarationWarning,
    Invoice,
    Order,
    PackingList,
    Product,
)
from hub.settings import OurCompany, our_companies
from hub.store import Store

PREFILL_RULES = ("missing_packing_list", "foreign_packing_list", "unknown_hs_code", "unknown_code", "legal_units",
                 "missing_product")


@dataclass
class Context:
    """Everything one prefill reads (loaded once for many declarations)."""

    tables: CodeTables = field(default_factory=CodeTables.load)
    tariff: dict[str, TariffEntry] = field(default_factory=load_tariff)
    rules: list[Rule] = field(default_factory=load_rules)
    #: our own companies (the settings' our-companies master): the 境内发货人 of an export is one of them
    ours: list[OurCompany] = field(default_factory=lambda: _our_companies())


def _our_companies() -> list[OurCompany]:
    try:
        return our_companies()
    except (ValueError, OSError):  # an unreadable master: prefill as without one (the extractors do the same)
        return []


def our_consignor_code(seller_name: str | None, consignors: dict[str, str], ours: list[OurCompany]) -> str | None:
    """The consignor code of the one company of ours that ``seller_name`` names (by any of its names) and
    whose tax id ``consignors`` lists; None when no company or more than one fits."""
    from extractors.documents.roles import Identity

    if not seller_name:
        return None
    codes = {t for c in ours if Identity([c]).matches("name", seller_name) for t in c.tax_ids if t in consignors}
    return next(iter(codes)) if len(codes) == 1 else None


def _warn(rule: str, where: str, message: str, value: Any = None, expected: Any = None,
          source: str | None = None, severity: str = "error") -> DeclarationWarning:
    return DeclarationWarning(rule=rule, severity=severity, field=where, message=message,  # type: ignore[arg-type]
                              value=None if value is None else str(value),
                              expected=None if expected is None else str(expected), source=source)


def find_order(store: Store, ref: str) -> Order:
    """The order with this key (``marketplace|MP-1``) or external id (``MP-1``)."""
    keys = store.find_keys("order", ref)
    if not keys:
        raise InputError(f"no order {ref!r} in the store")
    if len(keys) > 1:
        raise InputError(f"order {ref!r} is ambiguous: {', '.join(keys)} (give channel|id)")
    order = store.get(Order, keys[0])
    assert order is not None
    return order


def invoices_of(store: Store, order: Order) -> list[Invoice]:
    """The order's commercial invoices."""
    return [inv for inv in store.all(Invoice) if inv.kind == "commercial" and inv.order_ref == order.external_id
            and inv.document_type != "credit_note"]


def packing_list_of(store: Store, invoice: Invoice) -> PackingList | None:
    """The packing list that names this invoice (else one naming the invoice's order)."""
    lists = store.all(PackingList)
    for pl in lists:
        if pl.invoice_number == invoice.number:
            return pl
    return next((pl for pl in lists if pl.order_ref and pl.order_ref == invoice.order_ref
                 and not pl.invoice_number), None)


def approved_codes(store: Store) -> dict[str, tuple[str, str]]:
    """SKU -> (HS code, declaration) from approved (or later) declarations; the latest approval wins. Items
    of no product of the master are also kept by their name (:func:`name_key`), so that a code a clerk gave
    such an item is what the next declaration of the same goods gets."""
    codes: dict[str, tuple[str, str]] = {}
    for decl in store.all(Declaration, status=("approved", "filed", "accepted")):
        for item in decl.items:
            if item.sku and item.hs_code:
                codes[item.sku] = (item.hs_code, decl.number)
            if item.hs_code and item.name and item.sources.get("name", "").startswith("invoice:"):
                codes[name_key(item.name)] = (item.hs_code, decl.number)
    return codes


def name_key(name: str) -> str:
    """The key an approved item's code is kept by when it has no product of the master: its name, compared
    without case, width or spacing."""
    return "name:" + " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def prefill_order(store: Store, ref: str, *, context: Context | None = None) -> list[Declaration]:
    """Declarations for every commercial invoice of an export order, read from the store (not stored)."""
    order = find_order(store, ref)
    if not order.export:
        raise InputError(f"order {order.external_id} is not an export order: no declaration needed")
    invoices = invoices_of(store, order)
    if not invoices:
        raise InputError(f"order {order.external_id} has no commercial invoice in the store: extract it first")
    partial = [inv for inv in invoices if inv.number is None or inv.total is None or inv.currency is None]
    if partial and len(partial) == len(invoices):
        raise InputError(f"order {order.external_id}: its commercial invoice needs review first (not read from the "
                         f"document: {', '.join(partial[0].missing())})")
    invoices = [inv for inv in invoices if inv not in partial]
    context = context or Context()
    customer = store.get(Customer, order.customer_code) if order.customer_code else None
    products = {p.sku: p for p in store.all(Product)}
    approved = approved_codes(store)
    return [prefill(order, inv, packing_list_of(store, inv), customer=customer, products=products,
                    approved=approved, context=context) for inv in invoices]


def prefill(order: Order, invoice: Invoice, packing_list: PackingList | None, *, customer: Customer | None,
            products: dict[str, Product], approved: dict[str, tuple[str, str]] | None = None,
            context: Context | None = None) -> Declaration:
    """Assemble a declaration from the documents given; its warnings list what could not be trusted."""
    ctx = context or Context()
    tables, defaults = ctx.tables, ctx.tables.defaults
    approved = approved or {}
    warnings: list[DeclarationWarning] = []
    inv_src = f"invoice:{invoice.number}"
    if packing_list is not None and packing_list.order_ref and packing_list.order_ref != order.external_id:
        warnings.append(_warn("foreign_packing_list", "header.packages",
                              f"packing list {packing_list.number} is for order {packing_list.order_ref}, not this "
                              "one: its cartons and weights are not used", packing_list.order_ref,
                              order.external_id, f"packing_list:{packing_list.number}"))
        packing_list = None
    elif packing_list is not None and _skus(packing_list.lines) != _skus(invoice.lines):
        warnings.append(_warn("foreign_packing_list", "header.packages",
                              f"packing list {packing_list.number} lists other goods than invoice {invoice.number}"
                              " (another shipment's?): its cartons and weights are not used",
                              ", ".join(sorted(_skus(packing_list.lines))), ", ".join(sorted(_skus(invoice.lines))),
                              f"packing_list:{packing_list.number}"))
        packing_list = None
    elif packing_list is None:
        warnings.append(_warn("missing_packing_list", "header.packages",
                              "no packing list for this invoice: 件数, 毛重 and 净重 stay empty", None,
                              f"a packing list for invoice {invoice.number}", inv_src))
    pl_src = f"packing_list:{packing_list.number}" if packing_list else None
    h: dict[str, Any] = {}
    src: dict[str, str] = {}

    def put(name: str, value: Any, source: str) -> None:
        if value is not None:
            h[name] = value
            src[name] = source

    def code(name: str, table: str, text: str | None, source: str) -> None:
        found = tables[table].lookup(text)
        if found is None and text:
            warnings.append(_warn("unknown_code", f"header.{name}", f"{text!r} has no code in {table}.csv", text,
                                  f"a code of {table}.csv", source))
        put(name, found, source)

    for name, value in defaults["header"].items():
        put(name, value, "default")
    consignors: dict[str, str] = defaults["consignors"]
    printed = invoice.seller_tax_id
    ours = None if printed in consignors else our_consignor_code(invoice.seller_name, consignors, ctx.ours)
    if ours is not None:  # the seller is one of our companies: the code is ours, whatever the invoice printed
        put("consignor_code", ours, f"master:our_companies ({inv_src} seller_name)")
        if printed:
            warnings.append(_warn("seller_tax_id_not_ours", "header.consignor_code",
                                  f"invoice {invoice.number} prints {printed} as the seller's tax id, which is not "
                                  f"ours: the 统一社会信用代码 of {consignors[ours]} is declared", printed, ours,
                                  f"{inv_src} seller_tax_id", severity="warning"))
    elif printed:
        put("consignor_code", printed, f"{inv_src} seller_tax_id")
    elif len(consignors) == 1:  # many export invoices print no tax id: the company declares as itself
        put("consignor_code", next(iter(consignors)), "master:consignors (the invoice prints no tax id)")
    else:
        raise InputError(f"invoice {invoice.number} prints no seller tax id (统一社会信用代码) and the [consignors] "
                         f"table of defaults.toml lists {len(consignors)} consignors: the 境内发货人 is unknown")
    consignor = consignors.get(h["consignor_code"])
    put("consignor", consignor or invoice.seller_name,
        "master:consignors" if consignor else f"{inv_src} seller_name")
    put("overseas_consignee", invoice.buyer_name, f"{inv_src} buyer_name")
    if order.pi_number:
        put("contract_no", order.pi_number, f"order:{order.external_id} pi_number")
    else:
        put("contract_no", order.external_id, f"order:{order.external_id} external_id")
    for charge, amount in charges(invoice.remarks, invoice.currency, defaults.get("charges", {})).items():
        put(charge, amount, f"{inv_src} remarks")
    if customer is not None:
        code("trade_country", "countries", customer.country, f"master:customer {customer.code} country")
    code("dest_country", "countries", order.ship_to_country or (customer.country if customer else None),
         f"order:{order.external_id} ship_to_country")
    dest = h.get("dest_country")
    port = next((c for c, row in tables["dest_ports"].rows.items() if row.get("country") == dest), None)
    put("dest_port", port, "default:dest_ports.csv by country")
    code("incoterm", "incoterms", order.incoterm, f"order:{order.external_id} incoterm")
    put("currency", invoice.currency, f"{inv_src} currency")
    if packing_list is not None:
        put("packages", packing_list.total_cartons, f"{pl_src} total_cartons")
        put("gross_weight", packing_list.total_gross_weight_kg, f"{pl_src} total_gross_weight_kg")
        put("net_weight", packing_list.total_net_weight_kg, f"{pl_src} total_net_weight_kg")
        if packing_list.package_type:
            code("package_type", "package_types", packing_list.package_type, f"{pl_src} package_type")
        put("remarks", packing_list.marks, f"{pl_src} marks")
    items = [_item(line, n, order, invoice, packing_list, products, approved, ctx, h.get("dest_country"), warnings)
             for n, line in enumerate(invoice.lines, start=1)]
    decl = Declaration(number=f"CD-{invoice.number}", order_key=order.natural_key(), invoice_key=invoice.natural_key(),
                       packing_list_key=packing_list.natural_key() if packing_list else None,
                       customer_code=order.customer_code, items=items, sources=src, **h)
    warnings += lint(Documents(decl, invoice, packing_list, tables, ctx.tariff), ctx.rules)
    decl.warnings = _unique(warnings)
    return decl


def _item(line: Any, n: int, order: Order, invoice: Invoice, packing_list: PackingList | None,
          products: dict[str, Product], approved: dict[str, tuple[str, str]], ctx: Context, dest: str | None,
          warnings: list[DeclarationWarning]) -> DeclarationItem:
    tables, where, inv_src = ctx.tables, f"item.{n}", f"invoice:{invoice.number} line {line.line_no}"
    product = products.get(line.sku or "")
    src: dict[str, str] = {}
    values: dict[str, Any] = {}
    if product is None:
        warnings.append(_warn("missing_product", f"{where}.name", f"SKU {line.sku!r} is not in the product master:"
                              " name, HS code and 申报要素 need the clerk", line.sku, "a product of the master", inv_src))
        values["name"], src["name"] = line.description, f"{inv_src} description"
    else:
        values["name"], src["name"] = product.name_zh, f"master:product {product.sku}"
        values["elements"] = dict(product.declaration_elements)
        values["spec"] = "|".join(v for v in product.declaration_elements.values())
        src["spec"] = src["elements"] = f"master:product {product.sku}"
    hs, hs_src = None, None
    if line.sku in approved:
        hs, decl_no = approved[line.sku]
        hs_src = f"approved:{decl_no}"
    elif product is not None and product.hs_code:
        hs, hs_src = product.hs_code.ljust(10, "0"), f"master:product {product.sku}"
    elif product is None and line.description and name_key(line.description) in approved:
        hs, decl_no = approved[name_key(line.description)]   # the code a clerk gave these goods before
        hs_src = f"approved:{decl_no}"
    if hs is not None and hs not in ctx.tariff:
        warnings.append(_warn("unknown_hs_code", f"{where}.hs_code", f"HS code {hs} is not in the tariff table",
                              hs, "a code of the tariff table", hs_src))
    values["hs_code"], src["hs_code"] = hs, hs_src or ""
    unit_text = product.unit if product is not None else line.unit
    unit = tables["units"].lookup(unit_text) or tables["units"].lookup(line.unit)
    if unit is None:
        warnings.append(_warn("unknown_code", f"{where}.unit", f"unit {unit_text!r} has no code in units.csv",
                              unit_text, "a code of units.csv", inv_src))
    values.update(quantity=line.quantity, unit=unit or (line.unit or "?"), unit_price=line.unit_price,
                  total=line.amount, currency=invoice.currency, dest=dest)
    for name in ("quantity", "unit_price", "total"):
        src[name] = inv_src
    src["unit"] = f"master:product {product.sku} unit" if product is not None else inv_src
    src["currency"] = f"invoice:{invoice.number} currency"
    src["dest"] = f"order:{order.external_id} ship_to_country"
    for name, value in ctx.tables.defaults["item"].items():
        values[name], src[name] = value, "default"
    pl_line = None
    if packing_list is not None:
        pl_line = next((p for p in packing_list.lines if p.sku and p.sku == line.sku), None)
    if hs is not None and hs in ctx.tariff:
        net = pl_line.net_weight_kg if pl_line else None
        try:
            legal = legal_quantities(hs, quantity=line.quantity or Decimal(0), unit=unit or line.unit or "",
                                     net_kg=net)
        except InputError as exc:
            warnings.append(_warn("legal_units", f"{where}.legal_qty1", str(exc), None, "legal quantities",
                                  f"tariff:{hs}"))
        else:
            mass = f"packing_list:{packing_list.number} line {pl_line.line_no} net_weight_kg" if pl_line and \
                packing_list else inv_src
            for k, (qty, name) in enumerate(((legal.qty1, legal.unit1), (legal.qty2, legal.unit2)), start=1):
                if name:
                    values[f"legal_qty{k}"] = qty
                    values[f"legal_unit{k}"] = tables["units"].lookup(name)
                    src[f"legal_qty{k}"] = mass if tables["units"].lookup(name) == "035" else inv_src
                    src[f"legal_unit{k}"] = f"tariff:{hs}"
    item = DeclarationItem(item_no=n, sku=line.sku, sources=src, **values)
    return item


def _skus(lines: Any) -> set[str]:
    return {line.sku or line.description for line in lines}


def charges(remarks: str, currency: str, words: dict[str, list[str]]) -> dict[str, Decimal]:
    """Freight and insurance printed in the invoice remarks (``FREIGHT USD 120.00``): charge -> amount."""
    found: dict[str, Decimal] = {}
    for charge, labels in words.items():
        for label in labels:
            match = re.search(rf"{re.escape(label)}\s*[:：]?\s*(?:{re.escape(currency)}\s*)?([0-9][0-9,]*(?:\.[0-9]+)?)",
                              remarks, flags=re.IGNORECASE)
            if match:
                found[charge] = Decimal(match.group(1).replace(",", ""))
                break
    return found


def _unique(warnings: list[DeclarationWarning]) -> list[DeclarationWarning]:
    seen, out = set(), []
    for w in warnings:
        key = (w.rule, w.field, w.value, w.expected)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def merge(existing: Declaration | None, fresh: Declaration) -> Declaration:
    """The declaration to store: ``fresh``, keeping what a clerk corrected on a draft; a declaration past draft
    is never replaced (returned as it is)."""
    if existing is None:
        return fresh
    if existing.status != "draft":
        return existing
    data = fresh.model_dump()
    for name, source in existing.sources.items():
        if source.startswith("clerk:"):
            data[name], data["sources"][name] = getattr(existing, name), source
    for old, item in zip(existing.items, data["items"], strict=False):
        for name, source in old.sources.items():
            if source.startswith("clerk:"):
                item[name], item["sources"][name] = getattr(old, name), source
    return Declaration.model_validate(data)
