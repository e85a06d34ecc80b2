"""Posted matches (auto, confirmed, and rule postings) as accounting vouchers a Chinese ledger imports:
a 金蝶 Kingdee voucher import workbook, a 用友 Yonyou one, and a plain journal CSV.

One voucher per payment, balanced in each currency and in the base currency (Decimal throughout):

- money in against invoices/orders: Dr bank (the payment), Cr receivable per invoice (what the payment
  applies and what its write-offs close), Cr advance for orders and for what is applied to nothing;
  Dr the write-off's account for each write-off.
- a money rule's posting: Dr bank / Cr the rule's account (money in), Dr the account / Cr bank (money out).

Account codes come from ``reports/data/accounts.toml`` (or a file of that shape) and the rules' accounts.
"""

from __future__ import annotations

import csv
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from pathlib import Path

from openpyxl import Workbook

from hub.errors import InputError
from hub.records import BankReceipt, Match, StatementLine
from reports.cells import finish, fit, header, put
from reports.words import word

CENT = Decimal("0.01")
FORMATS = ("kingdee", "yonyou", "journal")
RULE = "RULE:"


@dataclass(frozen=True)
class Accounts:
    """The mapping file: which ledger account each side of a voucher goes to."""

    bank: str
    receivable: str
    advance: str
    write_offs: dict[str, str]
    banks: dict[str, str]
    names: dict[str, str]
    word: str = "记"
    maker: str = "orderhub"
    base_currency: str = "CNY"
    bank_names: dict[str, str] = field(default_factory=dict)

    def name(self, code: str) -> str:
        """科目名称 of a code ('' when the file names none)."""
        return self.names.get(code, "")

    def bank_for(self, account_no: str) -> str:
        """The ledger code of our bank account (the default bank code when not listed)."""
        return self.banks.get(account_no, self.bank)


def load_accounts(path: str | Path | None = None) -> Accounts:
    """The default mapping, or the one in ``path``."""
    if path is None:
        text, source = (resources.files("reports") / "data" / "accounts.toml").read_text(encoding="utf-8"), \
            "reports/data/accounts.toml"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError("no such accounts file", source=str(p))
        text, source = p.read_text(encoding="utf-8"), str(p)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not TOML: {exc}", source=source) from None
    acc, voucher = raw.get("accounts", {}), raw.get("voucher", {})
    missing = [k for k in ("bank", "receivable", "advance") if not str(acc.get(k, "")).strip()]
    if missing:
        raise InputError(f"[accounts] needs {', '.join(missing)}", source=source)
    return Accounts(str(acc["bank"]), str(acc["receivable"]), str(acc["advance"]),
                    {k: str(v) for k, v in raw.get("write_offs", {}).items()},
                    {k: str(v) for k, v in raw.get("banks", {}).items()},
                    {k: str(v) for k, v in raw.get("names", {}).items()},
                    str(voucher.get("word", "记")), str(voucher.get("maker", "orderhub")),
                    str(voucher.get("base_currency", "CNY")),
                    {k: str(v) for k, v in raw.get("bank_names", {}).items()})


@dataclass
class Line:
    """One voucher line (分录): debit or credit, in the line's currency and in the base currency."""

    account: str
    summary: str
    currency: str
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    rate: Decimal = Decimal(1)
    base_debit: Decimal = Decimal(0)
    base_credit: Decimal = Decimal(0)
    party: str = ""  # 核算项目: the customer


@dataclass
class Voucher:
    """One voucher for one payment."""

    number: int
    day: date
    reference: str  # the bank's transaction id
    maker: str
    lines: list[Line] = field(default_factory=list)

    def balanced(self) -> bool:
        """Debits equal credits in every currency and in the base currency."""
        per: dict[str, Decimal] = defaultdict(Decimal)
        for line in self.lines:
            per[line.currency] += line.debit - line.credit
        base = sum((line.base_debit - line.base_credit for line in self.lines), Decimal(0))
        return all(v == 0 for v in per.values()) and base == 0


@dataclass(frozen=True)
class PaymentFacts:
    """What a voucher needs of a payment: its date, our bank account, payer, direction."""

    day: date
    account_no: str
    party: str
    money_in: bool
    reference: str


def payment_facts(records: Iterable[BankReceipt | StatementLine]) -> dict[str, PaymentFacts]:
    """Facts per payment key from stored receipts and statement lines."""
    out = {}
    for r in records:
        if isinstance(r, BankReceipt):
            if r.value_date is None:
                continue
            out[r.natural_key()] = PaymentFacts(r.value_date, r.payee_account or "", r.payer_name or "", True,
                                                r.transaction_id or "")
        else:
            out[r.natural_key()] = PaymentFacts(r.value_date or r.booking_date, r.account, r.counterparty_name,
                                                r.amount >= 0, r.transaction_id)
    return out


def _q(v: Decimal) -> Decimal:
    return v.quantize(CENT, rounding=ROUND_HALF_UP)


def build_vouchers(matches: Sequence[Match], facts: dict[str, PaymentFacts], accounts: Accounts, *,
                   rates: dict[str, Decimal] | None = None, customers: dict[str, str] | None = None,
                   rule_accounts: dict[str, str] | None = None) -> tuple[list[Voucher], list[str]]:
    """Vouchers for the posted matches (auto and confirmed), oldest first, and the payments left out with
    why (no facts in the store, a currency without a rate). ``rates``: base currency per unit;
    ``rule_accounts``: rule id -> account (else read from the posting's write-off note)."""
    rates = {accounts.base_currency: Decimal(1), **(rates or {})}
    names = customers or {}
    skipped: list[str] = []
    built: list[tuple[date, str, Voucher]] = []
    for m in matches:
        if m.status not in ("auto", "confirmed"):
            continue
        fact = facts.get(m.payment_key)
        if fact is None:
            skipped.append(f"{m.payment_key}: the payment is not in the store")
            continue
        v = Voucher(0, fact.day, fact.reference, m.decided_by or accounts.maker)
        bank = accounts.bank_for(fact.account_no)
        rule = next((w for w in m.write_offs if w.reason_code.startswith(RULE)), None)
        party = names.get(m.customer_code or "", "")
        if rule is not None:
            rid = rule.reason_code.removeprefix(RULE)
            account = (rule_accounts or {}).get(rid) or (rule.note.split() or [""])[0]
            label = " ".join(rule.note.split()[1:2]) or rid
            text = f"{label} {fact.party}".strip()
            amt = m.payment_amount
            if fact.money_in:
                v.lines += [Line(bank, text, m.currency, debit=amt), Line(account, text, m.currency, credit=amt)]
            else:
                v.lines += [Line(account, text, m.currency, debit=amt), Line(bank, text, m.currency, credit=amt)]
        else:
            labels = "、".join(a.target_label or "" for a in m.allocations)
            text = f"收{fact.party}款 {labels}".strip()
            v.lines.append(Line(bank, text, m.currency, debit=m.payment_amount, party=party))
            applied = Decimal(0)
            for a in m.allocations:
                code = accounts.receivable if a.target_kind == "invoice" else accounts.advance
                v.lines.append(Line(code, f"收{fact.party}款 {a.target_label or ''}".strip(), a.currency,
                                    credit=a.amount, party=party))
                applied += a.amount if a.currency == m.currency else Decimal(0)
            if m.payment_amount - applied > 0:
                v.lines.append(Line(accounts.advance, f"收{fact.party}款 未核销 unapplied", m.currency,
                                    credit=m.payment_amount - applied, party=party))
            for w in m.write_offs:
                code = accounts.write_offs.get(w.reason_code)
                if code is None:
                    skipped.append(f"{m.payment_key}: no account for write-off {w.reason_code} in the accounts file")
                    v.lines = []
                    break
                target = next((a for a in m.allocations if a.target_key == w.target_key), None)
                credit_code = accounts.advance if target is not None and target.target_kind == "order" \
                    else accounts.receivable
                v.lines += [Line(code, f"{word('write_off', w.reason_code).split()[0]} "
                                       f"{target.target_label if target else ''}".strip(), w.currency, debit=w.amount),
                            Line(credit_code, f"核销 {target.target_label if target else ''}".strip(), w.currency,
                                 credit=w.amount, party=party)]
        if not v.lines:
            continue
        missing = sorted({line.currency for line in v.lines} - set(rates))
        if missing:
            skipped.append(f"{m.payment_key}: no rate for {', '.join(missing)}")
            continue
        _base(v, rates)
        built.append((v.day, m.payment_key, v))
    built.sort(key=lambda t: (t[0], t[1]))
    vouchers = []
    for n, (_, _, v) in enumerate(built, start=1):
        v.number = n
        vouchers.append(v)
    return vouchers, skipped


def _base(v: Voucher, rates: dict[str, Decimal]) -> None:
    """Base-currency amounts; per currency the rounding difference goes to the last line, so the voucher
    stays balanced in the base currency too."""
    by_ccy: dict[str, list[Line]] = defaultdict(list)
    for line in v.lines:
        line.rate = rates[line.currency]
        line.base_debit, line.base_credit = _q(line.debit * line.rate), _q(line.credit * line.rate)
        by_ccy[line.currency].append(line)
    for lines in by_ccy.values():
        gap = sum((x.base_debit - x.base_credit for x in lines), Decimal(0))
        if gap:
            last = lines[-1]
            if last.credit:
                last.base_credit += gap
            else:
                last.base_debit -= gap


# -- writers --------------------------------------------------------------------------------------------
KINGDEE_COLUMNS = [("日期", 12), ("凭证字", 8), ("凭证号", 8), ("附单据数", 8), ("分录号", 8), ("摘要", 30),
                   ("科目代码", 12), ("科目名称", 20), ("币别", 6), ("汇率", 8), ("原币金额", 14), ("借方金额", 14),
                   ("贷方金额", 14), ("制单人", 10), ("核算项目", 24), ("参考信息", 24)]
YONYOU_COLUMNS = [("制单日期", 12), ("凭证类别", 8), ("凭证号", 8), ("附单据数", 8), ("行号", 6), ("摘要", 30),
                  ("科目编码", 12), ("科目名称", 20), ("借方金额", 14), ("贷方金额", 14), ("外币借方", 14),
                  ("外币贷方", 14), ("币种", 6), ("汇率", 8), ("客户", 24), ("制单人", 10), ("票号", 24)]
JOURNAL_COLUMNS = ["date", "voucher", "line", "account", "account_name", "debit", "credit", "currency",
                   "base_debit", "base_credit", "rate", "reference", "summary", "party"]


def _rows(vouchers: Sequence[Voucher], accounts: Accounts, fmt: str) -> list[list[object]]:
    rows: list[list[object]] = []
    for v in vouchers:
        for n, x in enumerate(v.lines, start=1):
            foreign = x.currency != accounts.base_currency
            original = x.debit or x.credit
            if fmt == "kingdee":
                rows.append([v.day, accounts.word, v.number, 1, n, x.summary, x.account, accounts.name(x.account),
                             x.currency, x.rate, original, x.base_debit or None, x.base_credit or None, v.maker,
                             x.party, v.reference])
            else:
                rows.append([v.day, accounts.word, v.number, 1, n, x.summary, x.account, accounts.name(x.account),
                             x.base_debit or None, x.base_credit or None,
                             (x.debit or None) if foreign else None, (x.credit or None) if foreign else None,
                             x.currency, x.rate, x.party, v.maker, v.reference])
    return rows


def write_vouchers(path: str | Path, vouchers: Sequence[Voucher], accounts: Accounts, fmt: str) -> Path:
    """Write the vouchers in ``fmt`` (kingdee | yonyou: .xlsx; journal: .csv); returns the path."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "journal":
        try:
            with out.open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(JOURNAL_COLUMNS)
                for v in vouchers:
                    for n, x in enumerate(v.lines, start=1):
                        w.writerow([v.day.isoformat(), v.number, n, x.account, accounts.name(x.account),
                                    f"{x.debit:.2f}", f"{x.credit:.2f}", x.currency, f"{x.base_debit:.2f}",
                                    f"{x.base_credit:.2f}", str(x.rate), v.reference,
                                    _csv_text(x.summary), _csv_text(x.party)])
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", source=str(out)) from None
        return out
    cols = KINGDEE_COLUMNS if fmt == "kingdee" else YONYOU_COLUMNS
    wb = Workbook()
    ws = wb.active
    ws.title = "凭证" if fmt == "kingdee" else "凭证引入"
    header(ws, cols)
    money = {i for i, (t, _) in enumerate(cols) if t in ("原币金额", "借方金额", "贷方金额", "外币借方", "外币贷方")}
    for r, row in enumerate(_rows(vouchers, accounts, fmt), start=2):
        for c, value in enumerate(row):
            if isinstance(value, Decimal) and c not in money:
                cell = put(ws, r, c + 1, value)
                cell.number_format = "0.0000"
            else:
                put(ws, r, c + 1, value, money=c in money)
    finish(ws, len(cols))
    fit(ws)
    try:
        wb.save(out)
    except OSError as exc:
        raise InputError(f"cannot write the workbook: {exc.strerror or exc}", source=str(out)) from None
    return out


def _csv_text(text: str) -> str:
    """CSV text a spreadsheet will not evaluate (the same guard as the workbooks)."""
    from reports.cells import is_formula_like

    return "'" + text if is_formula_like(text) else text
