"""Money that is not a customer's payment because we are on both ends, or on the paying end.

A bank's e-receipt download holds debit receipts (付款回单: we paid a supplier, refunded a customer) beside
the credits; a receipt read from one names us as the payer. Applied as money in, a refund that quotes the
invoice it refunds would settle that invoice. Who we are comes from the our-companies master
(``hub.settings.our_companies``): a name (legal, English, alias; compared by ``matchers.names.name_key``)
or an account number of ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from hub.records import BankReceipt, StatementLine
from hub.settings import OurCompany
from matchers.names import name_key

_ID_NOISE = re.compile(r"[\s\-./]")


def _account(text: str | None) -> str:
    return _ID_NOISE.sub("", text or "").upper()


@dataclass(frozen=True)
class Ours:
    """Our companies' name keys and account numbers."""

    names: frozenset[str] = field(default_factory=frozenset)
    accounts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, companies: Iterable[OurCompany]) -> Ours:
        """From our companies (see ``hub.settings.OurCompany``)."""
        names: set[str] = set()
        accounts: set[str] = set()
        for c in companies:
            names.update(k for k in (name_key(n) for n in c.all_names()) if k)
            accounts.update(a for a in (_account(x) for x in c.accounts) if a)
        return cls(frozenset(names), frozenset(accounts))

    @classmethod
    def from_settings(cls) -> Ours:
        """From the settings' our-companies master; none when there is none or it cannot be read (the
        extractors treat an unreadable master the same way)."""
        from hub.settings import our_companies

        try:
            return cls.of(our_companies())
        except (ValueError, OSError):
            return cls()

    def __bool__(self) -> bool:
        return bool(self.names or self.accounts)

    def party(self, name: str | None, account: str | None) -> bool:
        """Whether a party (name and/or account) is one of ours."""
        if account and _account(account) in self.accounts:
            return True
        return bool(name) and name_key(name) in self.names

    def not_money_in(self, record: BankReceipt | StatementLine) -> str | None:
        """Why a receipt or a statement line of money in is not a customer's payment (None: it may be)."""
        if not self:
            return None
        if isinstance(record, StatementLine):
            if self.party(record.counterparty_name, record.counterparty_account):
                return "transfer between our own accounts"
            return None
        payer = self.party(record.payer_name, record.payer_account)
        if not payer:
            return None
        if self.party(record.payee_name, record.payee_account):
            return "transfer between our own accounts"
        return "money out: we are the payer on this receipt (a debit receipt)"
