"""The pre-flight linter: checks a declaration against itself, its invoice, its packing list, the tariff and
the code tables before anyone files it. The rules are data (``customs/data/lint_rules.toml``, or a file given
by path); each names a check from :data:`CHECKS`, its parameters, a severity (``error`` blocks approval,
``warning`` asks for a look) and a message. Every warning names the field, both values and the document the
other value came from.

Values are read by path: ``decl.gross_weight``, ``decl.items.total`` (the sum over the items),
``invoice.total``, ``invoice.lines.amount`` (a sum), ``packing_list.total_cartons``.
"""

from __future__ import annotations

import operator
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from customs.codes import FIELD_TABLES, CodeTables
from customs.hs import TariffEntry, load_tariff
from hub.errors import InputError
from hub.records import Declaration, DeclarationWarning, Invoice, PackingList
from hub.validation import check_uscc

DEFAULT_RULES = Path(__file__).parent / "data" / "lint_rules.toml"
OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq,
}


@dataclass
class Documents:
    """What a declaration is checked against."""

    declaration: Declaration
    invoice: Invoice | None = None
    packing_list: PackingList | None = None
    tables: CodeTables = field(default_factory=CodeTables.load)
    tariff: dict[str, TariffEntry] = field(default_factory=load_tariff)

    def source(self, path: str) -> str:
        """The document a value path reads: ``invoice:HR26E0001 total``."""
        root, _, rest = path.partition(".")
        if root == "invoice" and self.invoice is not None:
            return f"invoice:{self.invoice.number} {rest}"
        if root == "packing_list" and self.packing_list is not None:
            return f"packing_list:{self.packing_list.number} {rest}"
        return self.declaration.source_of(rest) or "declaration"

    def value(self, path: str) -> Any:
        """The value at a path; None when the document is absent or the field empty."""
        root, _, rest = path.partition(".")
        obj: Any = {"decl": self.declaration, "invoice": self.invoice, "packing_list": self.packing_list}.get(root)
        if obj is None:
            if root not in ("decl", "invoice", "packing_list"):
                raise InputError(f"unknown value path {path!r} (starts with decl, invoice or packing_list)")
            return None
        parts = rest.split(".")
        if len(parts) == 2 and parts[0] in ("items", "lines"):
            values = [getattr(x, parts[1]) for x in getattr(obj, parts[0])]
            if any(v is None for v in values):
                return None
            return sum(values, Decimal("0"))
        return getattr(obj, rest)


@dataclass(frozen=True)
class Rule:
    """One rule of the rules file."""

    id: str
    check: str
    severity: str
    message: str
    params: dict[str, Any]

    def warn(self, field_name: str, value: Any = None, expected: Any = None, source: str | None = None,
             message: str | None = None) -> DeclarationWarning:
        return DeclarationWarning(rule=self.id, severity=self.severity, field=field_name,  # type: ignore[arg-type]
                                  message=message or self.message, value=_text(value), expected=_text(expected),
                                  source=source)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _field(path: str) -> str:
    root, _, rest = path.partition(".")
    if root != "decl":
        return path
    return rest if rest.startswith("items.") else f"header.{rest}"


# -- checks: each yields the warnings of one rule ------------------------------------------------------
def check_compare(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """``left op right`` (``==`` within ``tolerance``); skipped when a side is absent."""
    left, right = docs.value(rule.params["left"]), docs.value(rule.params["right"])
    if left is None or right is None:
        return
    op, tol = rule.params.get("op", "=="), Decimal(str(rule.params.get("tolerance", "0")))
    ok = abs(Decimal(left) - Decimal(right)) <= tol if op == "==" else OPS[op](Decimal(left), Decimal(right))
    if not ok:
        yield rule.warn(_field(rule.params["left"]), left, right, docs.source(rule.params["right"]))


def check_item_total(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """Each item's 总价 is its 成交数量 x 单价, within ``tolerance`` (the total's rounding, e.g. a cent) plus, with
    ``price_rounding``, the quantity times half the last printed digit of the unit price (0.7231 may be 0.72305 to
    0.72315 a unit), as an invoice printing a rounded unit price has it."""
    tolerance = Decimal(str(rule.params.get("tolerance", "0")))
    for item in docs.declaration.items:
        product = item.quantity * item.unit_price
        allowed = tolerance
        if rule.params.get("price_rounding", False):
            exponent = item.unit_price.as_tuple().exponent
            allowed += abs(item.quantity) * Decimal(5).scaleb(int(exponent) - 1)
        if abs(product - item.total) > allowed:
            expected = product.quantize(Decimal("0.01"), ROUND_HALF_UP)
            yield rule.warn(f"item.{item.item_no}.total", item.total, expected, item.sources.get("total"),
                            f"第{item.item_no}项{rule.message}: {_text(item.quantity)} × {_text(item.unit_price)} = "
                            f"{_text(expected)}, 总价 total {_text(item.total)}")


def check_charges(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """Freight and insurance present exactly where the 成交方式 makes the seller bear them."""
    decl = docs.declaration
    borne = rule.params["bears"].get(decl.incoterm or "")
    if borne is None:
        return
    for charge in rule.params.get("charges", ["freight", "insurance"]):
        value = getattr(decl, charge)
        present = value is not None and value > 0
        label = docs.tables["incoterms"].label(decl.incoterm)
        if charge in borne and not present:
            yield rule.warn(f"header.{charge}", value, f"required under {label}", docs.source(f"decl.{charge}"),
                            f"{charge} must be declared under {label}")
        elif charge not in borne and present:
            yield rule.warn(f"header.{charge}", value, f"none under {label}", docs.source(f"decl.{charge}"),
                            f"{charge} is not borne by the seller under {label}")


def check_same_currency(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """The header, every item and the invoice name one currency."""
    decl = docs.declaration
    if docs.invoice is not None and docs.invoice.currency != decl.currency:
        yield rule.warn("header.currency", decl.currency, docs.invoice.currency, docs.source("invoice.currency"))
    for item in decl.items:
        if item.currency != decl.currency:
            yield rule.warn(f"item.{item.item_no}.currency", item.currency, decl.currency,
                            docs.source("decl.currency"))


def check_hs_code(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """Each item's HS code is in the tariff and its legal units and quantities are filled."""
    for item in docs.declaration.items:
        where = f"item.{item.item_no}"
        entry = docs.tariff.get(item.hs_code or "")
        if item.hs_code is None:
            yield rule.warn(f"{where}.hs_code", None, "a 10-digit code", item.sources.get("hs_code"),
                            "no HS code: choose one (see the suggestions)")
            continue
        if entry is None:
            yield rule.warn(f"{where}.hs_code", item.hs_code, "a code of the tariff table",
                            item.sources.get("hs_code"), "HS code not in the tariff table")
            continue
        units = docs.tables["units"]
        for n, legal in ((1, entry.unit1), (2, entry.unit2)):
            if not legal:
                continue
            unit, qty = getattr(item, f"legal_unit{n}"), getattr(item, f"legal_qty{n}")
            if unit != units.lookup(legal) or qty is None:
                yield rule.warn(f"{where}.legal_unit{n}", units.label(unit) if unit else qty,
                                f"{legal} with its quantity", f"tariff:{entry.code}",
                                f"legal unit {n} of {entry.code} is {legal}: fill it and its quantity")


def check_elements(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """The 申报要素 the tariff (or the rule's default list) requires are present and non-empty."""
    default = rule.params.get("default", [])
    for item in docs.declaration.items:
        entry = docs.tariff.get(item.hs_code or "")
        required = list(entry.elements) if entry and entry.elements else default
        missing = [name for name in required if not item.elements.get(name, "").strip()]
        if missing or not item.spec.strip():
            yield rule.warn(f"item.{item.item_no}.spec", item.spec or None, "|".join(required),
                            f"tariff:{entry.code}" if entry else "lint rules",
                            f"申报要素 missing: {', '.join(missing) or '规格型号 empty'}")


def check_codes(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """Every coded field holds a code of its table; ``required`` fields are filled."""
    decl = docs.declaration
    required = set(rule.params.get("required", []))
    for name, table_name in FIELD_TABLES.items():
        table = docs.tables[table_name]
        targets = ([(f"item.{i.item_no}.{name[5:]}", getattr(i, name[5:]), i.sources.get(name[5:]))
                    for i in decl.items]
                   if name.startswith("item.") else [(f"header.{name}", getattr(decl, name), decl.source_of(name))])
        for where, value, source in targets:
            if value in (None, ""):
                if name in required:
                    yield rule.warn(where, None, f"a code of {table.path.name}", source, f"{name} is required")
            elif value not in table:
                yield rule.warn(where, value, f"a code of {table.path.name}", source,
                                f"{value!r} is not a code of {table.path.name}")
    for name in rule.params.get("required", []):
        if name not in FIELD_TABLES and getattr(decl, name, None) in (None, ""):
            yield rule.warn(f"header.{name}", None, "a value", None, f"{name} is required")


def check_uscc_fields(rule: Rule, docs: Documents) -> Iterator[DeclarationWarning]:
    """Each header field of ``fields`` holds a unified social credit code with its check digit, as the single
    window checks it (a tax id of another country read as the consignor's would be refused there)."""
    decl = docs.declaration
    for name in rule.params.get("fields", []):
        value = getattr(decl, name, None)
        if value in (None, ""):
            continue
        try:
            check_uscc(str(value))
        except ValueError as exc:
            yield rule.warn(f"header.{name}", value, "an 18-character 统一社会信用代码", decl.source_of(name),
                            f"{rule.message}: {exc}")


#: Check name -> (function, required parameters).
CHECKS: dict[str, tuple[Callable[[Rule, Documents], Iterator[DeclarationWarning]], tuple[str, ...]]] = {
    "compare": (check_compare, ("left", "right")),
    "item_total": (check_item_total, ()),
    "charges": (check_charges, ("bears",)),
    "same_currency": (check_same_currency, ()),
    "hs_code": (check_hs_code, ()),
    "elements": (check_elements, ()),
    "codes": (check_codes, ()),
    "uscc": (check_uscc_fields, ("fields",)),
}


def _line_of(text: str, index: int) -> int:
    seen = -1
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("[[rule]]"):
            seen += 1
            if seen == index:
                return n
    return 1


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """Read a rules file; a broken one is rejected with its line and the reason."""
    path = Path(path or DEFAULT_RULES)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the lint rules: {exc.strerror or exc}", source=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", source=str(path)) from None
    rules, seen = [], set()
    for index, raw in enumerate(data.get("rule", [])):
        where = f"line {_line_of(text, index)}"
        rule_id, check = raw.get("id"), raw.get("check")
        if not rule_id or not isinstance(rule_id, str):
            raise InputError(f"{where}: a rule needs an id", source=str(path))
        if rule_id in seen:
            raise InputError(f"{where}: rule id {rule_id!r} appears twice", source=str(path))
        if check not in CHECKS:
            raise InputError(f"{where}: rule {rule_id!r} has unknown check {check!r} (one of: {', '.join(CHECKS)})",
                             source=str(path))
        severity = raw.get("severity", "error")
        if severity not in ("error", "warning"):
            raise InputError(f"{where}: rule {rule_id!r} severity must be error or warning, not {severity!r}",
                             source=str(path))
        params = {k: v for k, v in raw.items() if k not in ("id", "check", "severity", "message")}
        missing = [p for p in CHECKS[check][1] if p not in params]
        if missing:
            raise InputError(f"{where}: rule {rule_id!r} ({check}) needs {', '.join(missing)}", source=str(path))
        if params.get("op", "==") not in OPS:
            raise InputError(f"{where}: rule {rule_id!r} op must be one of {', '.join(OPS)}", source=str(path))
        for side in ("left", "right"):
            if side in params and params[side].split(".", 1)[0] not in ("decl", "invoice", "packing_list"):
                raise InputError(f"{where}: rule {rule_id!r} {side} {params[side]!r} must start with decl., "
                                 "invoice. or packing_list.", source=str(path))
        seen.add(rule_id)
        rules.append(Rule(rule_id, check, severity, raw.get("message", rule_id), params))
    if not rules:
        raise InputError("the rules file has no [[rule]] entries", source=str(path))
    return rules


def lint(docs: Documents, rules: list[Rule] | None = None) -> list[DeclarationWarning]:
    """Every warning the rules find, in rule order."""
    found: list[DeclarationWarning] = []
    for rule in rules if rules is not None else load_rules():
        found.extend(CHECKS[rule.check][0](rule, docs))
    return found
