"""BAI2 cash-management files (US banks' previous-day and intraday reporting): one line per transaction
detail (record ``16``) of every account (``03``) of every group (``02``).

A record ends with ``/`` and goes on in ``88`` records; a detail's amount is in the currency's minor units,
its type code tells the direction (100-399 and 900-949 money in, 400-699 and 950-999 money out), its date is
the group's as-of date (or the value date its funds type ``V`` gives), its text holds the other party
(:func:`party_in_details`) and the payment's words. A detail that cannot be read is a row warning."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import ValidationError

from extractors.columns import RowProblem
from extractors.statements.details import party_in_details
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, describe_validation_error
from hub.records import StatementLine
from hub.validation import currencies


def looks_like_bai2(head: bytes) -> bool:
    """Whether the bytes start like a BAI2 file: a ``01,`` file header and a ``02,`` group header."""
    text = head.lstrip(b"\xef\xbb\xbf \r\n")
    return text.startswith(b"01,") and re.search(rb"(?m)^02,", text) is not None


def _records(text: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) of each record, its ``88`` continuations joined; the ``/`` end removed."""
    out: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        body = line[:-1] if line.endswith("/") else line
        code, _, rest = body.partition(",")
        if code == "88" and out:  # the text goes on: a line of its own (\x1e), else more fields
            out[-1][1][-1] += ("\x1e" if out[-1][1][0] == "16" else ",") + rest
            continue
        out.append((number, [code, *rest.split(",")] if rest or body.endswith(",") else [code]))
    return out


def _date(text: str) -> date:
    return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))


def _sign(code: int) -> int:
    if 100 <= code <= 399 or 900 <= code <= 949:
        return 1
    if 400 <= code <= 699 or 950 <= code <= 999:
        return -1
    raise ValueError(f"type code {code} is a summary or status code, not a transaction")


def read_bai2(path: Path, data: bytes, *, bank: str | None = None, account: str | None = None) -> StatementImport:
    """Import a BAI2 file: every transaction detail of every account, signed by its type code."""
    source = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    records = _records(text)
    if not records or records[0][1][0] != "01":
        raise InputError("is not a BAI2 file (no 01 file header)", source=source)
    header = records[0][1]
    result = StatementImport(source, "bai2", bank or (header[1].strip() if len(header) > 1 else "") or "unknown",
                             account or "")
    ids = LineIds()
    as_of: date | None = None
    group_ccy = "USD"
    acct, ccy = "", "USD"
    for number, fields in records[1:]:
        code = fields[0]
        try:
            if code == "02":
                as_of = _date(fields[4]) if len(fields) > 4 and fields[4] else as_of
                group_ccy = fields[6].strip() if len(fields) > 6 and fields[6].strip() else "USD"
            elif code == "03":
                acct = account if account is not None else fields[1].strip()
                ccy = fields[2].strip() if len(fields) > 2 and fields[2].strip() else group_ccy
                result.account = result.account or acct
            elif code == "16":
                result.lines.append(_detail(fields, number, as_of, acct, ccy, result.bank, ids))
        except (ValueError, IndexError, InvalidOperation) as exc:
            result.row_warnings.append(RowProblem(str(exc), f"record {code}", ",".join(fields)[:120]).warning(number))
    result.confidence = {"booking_date": 1.0, "amount": 1.0, "currency": 1.0, "counterparty_name": 0.9}
    return result


def _detail(fields: list[str], number: int, as_of: date | None, acct: str, ccy: str, bank: str,
            ids: LineIds) -> StatementLine:
    """One ``16`` record: type code, amount, funds type (and its extra fields), bank and customer reference,
    text (which may itself hold commas)."""
    code = int(fields[1])
    sign = _sign(code)
    minor = Decimal(1).scaleb(-currencies().get(ccy, 2))  # implied decimals: the currency's ISO minor units
    amount = (Decimal(fields[2] or "0") * minor).quantize(minor) * sign
    funds = fields[3].strip().upper()
    rest = fields[4:]
    value_date = None
    if funds == "V":
        value_date = _date(rest[0]) if rest[0] else None
        rest = rest[2:]
    elif funds == "S":
        rest = rest[3:]
    elif funds == "D":
        count = int(rest[0] or 0)
        rest = rest[1 + 2 * count:]
    booking = as_of or value_date
    if booking is None:
        raise ValueError("no as-of date in the group header and no value date")
    bank_ref = rest[0].strip() if rest else ""
    customer_ref = rest[1].strip() if len(rest) > 1 else ""
    texts = [t.strip() for t in ",".join(rest[2:]).split("\x1e")] if len(rest) > 2 else []
    lines = [t for t in texts if t]
    name = party_in_details(lines) or ""
    description = " ".join(lines)
    tid = ids.make(bank_ref, acct, booking, amount)
    try:
        return StatementLine(bank=bank, account=acct, transaction_id=tid, booking_date=booking,
                             value_date=value_date, amount=amount, currency=ccy, counterparty_name=name,
                             description=description, reference=customer_ref or None, source_line=number)
    except ValidationError as exc:
        raise ValueError(describe_validation_error(exc, "StatementLine")) from None
