"""QIF files (Quicken Interchange Format, ``.qif``): ``!Type:Bank`` / ``CCard`` / ``Cash`` / ``Oth A`` / ``Oth L``
sections of records, one field a line by its first letter (``D`` date, ``T``/``U`` signed amount, ``P`` payee, ``M``
memo, ``N`` number, ``L`` category), each record ended by ``^``. A file of several accounts (Quicken's export of
all accounts: ``!Option:AutoSwitch``, then an ``!Account`` record, ``N`` its name, before each account's section)
gives each line the account of the section it stands in.

Dates are month first as Quicken writes them (``3/ 2'26``, ``03/02/2026``) unless the file's dates settle it
otherwise; QIF prints no currency and no account number, so the lines' currency is null and needs review (never a
default). A record that cannot be read is a row warning."""

from __future__ import annotations

import re
from datetime import date
from decimal import InvalidOperation
from pathlib import Path

from pydantic import ValidationError

from extractors.columns import RowProblem
from extractors.parse import infer_dayfirst, parse_amount
from extractors.statements.details import party_of_text
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, describe_validation_error
from hub.records import StatementLine

_TYPES = ("bank", "ccard", "cash", "oth a", "oth l")
_DATE_RE = re.compile(r"\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*(?:[/.\-']\s*(\d{1,4}))?\s*$")


def looks_like_qif(head: bytes) -> bool:
    """Whether the bytes start with a QIF section header (``!Type:Bank`` ...)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].decode("latin-1").casefold()
    return text.startswith(("!type:", "!account", "!option:autoswitch", "!clear:autoswitch"))


def _records(text: str) -> list[tuple[int, list[str], str]]:
    """(first line number, field lines, the account it stands under) of each transaction record of the
    account-register sections; the account is the name (``N``) of the last ``!Account`` record before it."""
    out: list[tuple[int, list[str], str]] = []
    current: list[str] = []
    start, wanted, in_account, account = 0, False, False, ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("!"):
            kind = line[1:].casefold()
            in_account = kind.strip() == "account"
            if kind.startswith("type:"):
                wanted = kind[5:].strip() in _TYPES
            elif in_account:
                wanted = False
            current = []
            continue
        if line.strip() == "^":
            if in_account:
                account = next((f[1:].strip() for f in current if f.startswith("N")), account)
            elif wanted and current:
                out.append((start, current, account))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if wanted and current:
        out.append((start, current, account))
    return out


def _date(text: str, dayfirst: bool) -> date:
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a QIF date")
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:  # 2026-03-02
        return date(int(a), int(b), int(c or 1))
    if c is None:
        raise ValueError(f"{text!r} has no year")
    year = int(c) + (2000 if len(c) <= 2 else 0)
    month, day = (int(b), int(a)) if dayfirst else (int(a), int(b))
    return date(year, month, day)


def read_qif(path: Path, data: bytes, *, bank: str | None = None, account: str | None = None) -> StatementImport:
    """Import the transactions of a QIF file's bank, card and cash sections."""
    source = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    records = _records(text)
    if not records and not looks_like_qif(data):
        raise InputError("is not a QIF file (no !Type: section)", source=source)
    result = StatementImport(source, "qif", bank or "unknown", account or "")
    if not bank:
        result.warnings.append("a QIF file names no bank; lines are stored under bank 'unknown'")
    dates = [f[1:].strip() for _, fields, _ in records for f in fields if f.startswith("D")]
    us = [re.sub(r"\s+", "", d.replace("'", "/")) for d in dates]
    found = infer_dayfirst(us)
    dayfirst = bool(found)
    if found is None and any(_DATE_RE.match(d) and not re.match(r"\s*\d{4}", d) for d in dates):
        result.warnings.append("QIF dates such as 03/04 could be day/month or month/day; read month first (Quicken's)")
    ids = LineIds()
    for number, fields, named in records:
        values: dict[str, str] = {}
        for f in fields:
            values.setdefault(f[0].upper(), f[1:].strip())
        try:
            result.lines.append(_line(values, number, result.bank, account or named, dayfirst, ids))
        except (ValueError, InvalidOperation) as exc:
            result.row_warnings.append(RowProblem(str(exc), "record", " | ".join(fields)[:120]).warning(number))
    accounts = {ln.account for ln in result.lines}
    if not result.account and len(accounts) == 1:
        result.account = accounts.pop()
    result.confidence = {"booking_date": 1.0 if found is not None else 0.85, "amount": 1.0, "currency": 0.0,
                         "counterparty_name": 0.9}
    if result.lines:
        result.warnings.append("a QIF file prints no currency: the lines' currency is empty and needs review")
    return result


def _line(values: dict[str, str], number: int, bank: str, acct: str, dayfirst: bool, ids: LineIds) -> StatementLine:
    if "D" not in values:
        raise ValueError("the record has no date (D)")
    amount_text = values.get("T") or values.get("U")
    if not amount_text:
        raise ValueError("the record has no amount (T)")
    booking = _date(values["D"], dayfirst)
    amount = parse_amount(amount_text)
    payee, memo, num = values.get("P", ""), values.get("M", ""), values.get("N", "")
    description = " ".join(t for t in (payee, memo, values.get("L", "")) if t)
    tid = ids.make(None, acct, booking, amount)
    try:
        return StatementLine(bank=bank, account=acct, transaction_id=tid, booking_date=booking, amount=amount,
                             currency=None, counterparty_name=party_of_text(payee) if payee else "",
                             description=description, reference=memo or num or None, source_line=number)
    except ValidationError as exc:
        raise ValueError(describe_validation_error(exc, "StatementLine")) from None
