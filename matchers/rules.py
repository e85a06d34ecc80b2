"""Rules for money that is not a customer's (tax refunds, interest, bank charges, supplier refunds), as
data in ``matchers/data/money_rules.toml`` (the file documents each condition). ``reconcile`` applies
them before customer matching: a payment a rule fits is posted to the rule's account with its reason,
as a match confirmed by the rule (a write-off ``RULE:<id>`` of the whole amount), which a person may undo.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

from hub.errors import InputError
from hub.records import Match, WriteOff

RULE_CODE = "RULE:"
CONDITIONS = ("payer", "memo", "memo_regex")


@dataclass(frozen=True)
class MoneyRule:
    """One rule: conditions on a payment, and where the money is posted."""

    id: str
    label: str
    account: str
    reason: str
    direction: str = "any"
    payer: tuple[str, ...] = ()
    memo: tuple[str, ...] = ()
    memo_regex: re.Pattern[str] | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    currencies: tuple[str, ...] = ()
    not_customer: bool = False

    def fits(self, *, payer: str, memo: str, amount: Decimal, currency: str, direction: str,
             is_customer: Callable[[str], bool]) -> bool:
        """True when every condition the rule sets holds for this payment."""
        if self.direction != "any" and direction != self.direction:
            return False
        if self.currencies and currency not in self.currencies:
            return False
        if self.min_amount is not None and amount < self.min_amount:
            return False
        if self.max_amount is not None and amount > self.max_amount:
            return False
        folded = memo.casefold()
        if self.payer and not any(p.casefold() in payer.casefold() for p in self.payer):
            return False
        if self.memo and not any(w.casefold() in folded for w in self.memo):
            return False
        if self.memo_regex is not None and not self.memo_regex.search(memo):
            return False
        return not (self.not_customer and payer and is_customer(payer))

    def match(self, *, payment_kind: str, payment_key: str, amount: Decimal, currency: str, direction: str) -> Match:
        """The posting: a match confirmed by this rule, the whole amount to the rule's account."""
        side = "收款 money in" if direction == "in" else "付款 money out"
        why = f"规则 rule {self.label}: {self.reason} — {side}, 科目 account {self.account}"
        return Match(payment_kind=payment_kind, payment_key=payment_key, payment_amount=amount,  # type: ignore[arg-type]
                     currency=currency, status="confirmed", score=1.0, reason=why, decided_by=f"规则 rule {self.id}",
                     write_offs=[WriteOff(amount=amount, currency=currency, reason_code=RULE_CODE + self.id,
                                          note=f"{self.account} {self.label}")])


def _decimal(value: object, where: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise InputError(f"{where}: {value!r} is not an amount", source="money rules") from None


def _words(value: object) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[union-attr]


def parse_rules(text: str, source: str) -> list[MoneyRule]:
    """Rules from TOML text; a rule that cannot work is a clear error naming it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not TOML: {exc}", source=source) from None
    out = []
    for n, raw in enumerate(data.get("rule", []), start=1):
        where = f"rule {raw.get('id') or n}"
        for need in ("id", "account", "reason"):
            if not str(raw.get(need, "")).strip():
                raise InputError(f"{where}: '{need}' is missing", source=source)
        if not any(raw.get(c) for c in CONDITIONS):
            raise InputError(f"{where}: set at least one of {', '.join(CONDITIONS)}", source=source)
        if raw.get("direction", "any") not in ("in", "out", "any"):
            raise InputError(f"{where}: direction is in, out or any", source=source)
        try:
            regex = re.compile(raw["memo_regex"], re.IGNORECASE) if raw.get("memo_regex") else None
        except re.error as exc:
            raise InputError(f"{where}: memo_regex: {exc}", source=source) from None
        out.append(MoneyRule(id=str(raw["id"]), label=str(raw.get("label") or raw["id"]), account=str(raw["account"]),
                             reason=str(raw["reason"]), direction=raw.get("direction", "any"),
                             payer=_words(raw.get("payer")), memo=_words(raw.get("memo")), memo_regex=regex,
                             min_amount=_decimal(raw.get("min_amount"), where),
                             max_amount=_decimal(raw.get("max_amount"), where),
                             currencies=_words(raw.get("currencies")), not_customer=bool(raw.get("not_customer"))))
    return out


@cache
def _default() -> tuple[MoneyRule, ...]:
    text = (resources.files("matchers") / "data" / "money_rules.toml").read_text(encoding="utf-8")
    return tuple(parse_rules(text, "matchers/data/money_rules.toml"))


def load_rules(path: str | Path | None = None) -> list[MoneyRule]:
    """The default rules, or those of ``path``."""
    if path is None:
        return list(_default())
    p = Path(path)
    if not p.exists():
        raise InputError("no such rules file", source=str(p))
    return parse_rules(p.read_text(encoding="utf-8"), str(p))


def first_fit(rules: Iterable[MoneyRule], **payment: object) -> MoneyRule | None:
    """The first rule that fits (see :meth:`MoneyRule.fits` for the keywords)."""
    return next((r for r in rules if r.fits(**payment)), None)  # type: ignore[arg-type]


def rule_of(match: Match) -> str | None:
    """The id of the rule that posted a match (None for customer matches)."""
    return next((w.reason_code.removeprefix(RULE_CODE) for w in match.write_offs
                 if w.reason_code.startswith(RULE_CODE)), None)
