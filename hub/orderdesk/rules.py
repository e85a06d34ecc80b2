"""The review rules engine: rules are data (``data/review_rules.toml``), evaluated over an order's facts.

A rule fires when all its conditions hold; each hit names the rule, its action and the values it saw.
A rule file with any error (TOML syntax, unknown key or field, bad operator, bad number, unknown
action) is rejected as a whole, each error with its line and reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hub.orderdesk.tomlfile import TomlFile, read_toml
from hub.records import RuleHit

#: Every fact a rule may test, with its type. Facts are computed by :mod:`hub.orderdesk.review`.
FIELDS: dict[str, str] = {
    "order.channel": "text",
    "order.currency": "text",
    "order.total": "number",
    "order.total_cny": "number",
    "order.lead_days": "number",
    "order.line_count": "number",
    "order.export": "bool",
    "order.text": "text",
    "order.special_processes": "list",
    "order.stock_short": "list",
    "customer.known": "bool",
    "customer.code": "text",
    "customer.grade": "text",
    "customer.credit_limit_cny": "number",
    "customer.exposure_cny": "number",
    "customer.over_limit_cny": "number",
    "customer.overdue_cny": "number",
    "customer.overdue_count": "number",
    "customer.overdue_days_max": "number",
}
#: Which operators apply to which type of field.
OPERATORS: dict[str, tuple[str, ...]] = {
    "number": ("==", "!=", ">", ">=", "<", "<=", "empty", "not_empty"),
    "text": ("==", "!=", "in", "not_in", "contains", "empty", "not_empty"),
    "list": ("contains", "empty", "not_empty"),
    "bool": ("==", "!="),
}
UNARY = ("empty", "not_empty")
#: What an action does to the order: approval (sign-off before review), hold (blocks the order until
#: released), alert (someone is told), priority (urgent, reviewed first).
ACTION_KINDS = ("approval", "hold", "alert", "priority")
RULE_KEYS = frozenset({"id", "action", "message", "when", "enabled"})
CONDITION_KEYS = frozenset({"field", "op", "value"})
ACTION_KEYS = frozenset({"kind", "label", "owner"})


@dataclass(frozen=True)
class Condition:
    """``field op value``, e.g. ``order.total_cny > 50000``."""

    field: str
    op: str
    value: Any = None

    def holds(self, facts: Mapping[str, Any]) -> bool:
        """True when the fact satisfies the condition; a missing fact satisfies only !=, not_in, empty."""
        fact = facts.get(self.field)
        if self.op == "empty":
            return fact is None or fact == "" or fact == []
        if self.op == "not_empty":
            return not (fact is None or fact == "" or fact == [])
        if fact is None:
            return self.op in ("!=", "not_in")
        if self.op == "contains":
            if isinstance(fact, list):
                return any(str(self.value).casefold() == str(item).casefold() for item in fact)
            return str(self.value).casefold() in str(fact).casefold()
        if self.op == "in":
            return fact in self.value
        if self.op == "not_in":
            return fact not in self.value
        compare = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">": lambda a, b: a > b,
                   ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
        return bool(compare[self.op](fact, self.value))

    def text(self) -> str:
        """The condition as people read it."""
        if self.op in UNARY:
            return f"{self.field} {self.op}"
        value = ", ".join(self.value) if isinstance(self.value, list | tuple) else self.value
        return f"{self.field} {self.op} {value}"


@dataclass(frozen=True)
class Action:
    """What a hit asks for, and of whom."""

    name: str
    kind: str
    label: str
    owner: str


@dataclass(frozen=True)
class Rule:
    """A named set of conditions and the action when they all hold."""

    id: str
    action: str
    message: str
    conditions: tuple[Condition, ...]

    def fires(self, facts: Mapping[str, Any]) -> bool:
        """All conditions hold."""
        return all(c.holds(facts) for c in self.conditions)


@dataclass(frozen=True)
class RuleSet:
    """The loaded rules and actions of one file."""

    rules: tuple[Rule, ...]
    actions: dict[str, Action]
    source: str

    def evaluate(self, facts: Mapping[str, Any]) -> list[RuleHit]:
        """Every rule that fires, in file order, with the values of the facts it tested."""
        hits = []
        for rule in self.rules:
            if rule.fires(facts):
                values = {c.field: fact_text(facts.get(c.field)) for c in rule.conditions}
                hits.append(RuleHit(rule=rule.id, action=rule.action, message=rule.message, values=values))
        return hits

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def kind_of(self, action: str) -> str | None:
        """The kind of an action (approval, hold, alert, priority)."""
        found = self.actions.get(action)
        return found.kind if found else None


def fact_text(value: Any) -> str:
    """A fact as it is recorded on a hit: numbers plain, lists comma-joined, missing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01"))) if value != value.to_integral_value() else str(int(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _load_actions(doc: TomlFile) -> dict[str, Action]:
    raw = doc.data.get("actions", {})
    actions: dict[str, Action] = {}
    if not isinstance(raw, dict):
        doc.error(("actions",), "[actions] must be a table of action tables")
        return actions
    for name, spec in raw.items():
        path = ("actions", name)
        if not isinstance(spec, dict):
            doc.error(path, f"action {name}: expected a table with kind, label, owner")
            continue
        doc.unknown_keys(spec, ACTION_KEYS, path, f"action {name}")
        kind = spec.get("kind")
        if kind not in ACTION_KINDS:
            doc.error((*path, "kind"), f"action {name}: kind {kind!r} is not one of {', '.join(ACTION_KINDS)}")
            continue
        actions[name] = Action(name, kind, str(spec.get("label", name)), str(spec.get("owner", "")))
    return actions


def _load_condition(doc: TomlFile, raw: Any, path: tuple[str | int, ...], rule_id: str) -> Condition | None:
    where = f"rule {rule_id}"
    if not isinstance(raw, dict):
        doc.error(path, f"{where}: a condition must be {{ field = ..., op = ..., value = ... }}")
        return None
    doc.unknown_keys(raw, CONDITION_KEYS, path, where)
    name, op = raw.get("field"), raw.get("op")
    if name not in FIELDS:
        doc.error(path, f"{where}: unknown field {name!r} (known fields: {', '.join(FIELDS)})")
        return None
    kind = FIELDS[name]
    if op not in OPERATORS[kind]:
        doc.error(path, f"{where}: bad operator {op!r} for {kind} field {name} "
                        f"(expected one of {', '.join(OPERATORS[kind])})")
        return None
    if op in UNARY:
        if "value" in raw:
            doc.error(path, f"{where}: operator {op} takes no value")
            return None
        return Condition(name, op)
    if "value" not in raw:
        doc.error(path, f"{where}: {name} {op} needs a value")
        return None
    value = raw["value"]
    if kind == "number":
        number = doc.number(value, path, f"{where}: {name} {op}: bad number")
        return None if number is None else Condition(name, op, number)
    if kind == "bool":
        if not isinstance(value, bool):
            doc.error(path, f"{where}: {name} {op}: {value!r} is not true or false")
            return None
        return Condition(name, op, value)
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            doc.error(path, f"{where}: {name} {op} needs a list of texts, not {value!r}")
            return None
        return Condition(name, op, tuple(value))
    if not isinstance(value, str):
        doc.error(path, f"{where}: {name} {op} needs a text value, not {value!r}")
        return None
    return Condition(name, op, value)


def load_rules(path: str | Path | None = None) -> RuleSet:
    """Read review rules (``data/review_rules.toml`` unless a path is given); reject the file on any error."""
    doc = read_toml(path, "review_rules.toml")
    doc.unknown_keys(doc.data, {"actions", "rule"}, (), "review rules")
    actions = _load_actions(doc)
    raw_rules = doc.data.get("rule", [])
    if not isinstance(raw_rules, list):
        doc.error(("rule",), "rules must be written as [[rule]] tables")
        raw_rules = []
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        path: tuple[str | int, ...] = ("rule", i)
        if not isinstance(raw, dict):
            doc.error(path, "a rule must be a table")
            continue
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id.strip():
            doc.error(path, f"rule #{i + 1}: id is missing")
            rule_id = f"#{i + 1}"
        elif rule_id in seen:
            doc.error((*path, "id"), f"rule {rule_id}: the id is used twice")
        seen.add(rule_id)
        doc.unknown_keys(raw, RULE_KEYS, path, f"rule {rule_id}")
        action = raw.get("action")
        if action not in actions:
            doc.error((*path, "action"), f"rule {rule_id}: unknown action {action!r} "
                                         f"(defined actions: {', '.join(actions) or 'none'})")
        when = raw.get("when")
        if not isinstance(when, list) or not when:
            doc.error((*path, "when"), f"rule {rule_id}: 'when' must be a non-empty list of conditions")
            continue
        conditions = [_load_condition(doc, c, (*path, "when", j), rule_id) for j, c in enumerate(when)]
        enabled = raw.get("enabled", True)
        if not isinstance(enabled, bool):
            doc.error((*path, "enabled"), f"rule {rule_id}: enabled must be true or false")
        if None in conditions or not isinstance(action, str) or not enabled:
            continue
        rules.append(Rule(rule_id, action, str(raw.get("message", "")),
                          tuple(c for c in conditions if c is not None)))
    doc.raise_errors()
    return RuleSet(tuple(rules), actions, doc.source)
