"""OFX statements (Open Financial Exchange: US and Canadian banks' "Money"/"Quicken" downloads, ``.ofx``/``.qfx``):
version 1.x, SGML whose leaf elements are not closed (``<TRNAMT>-45.00``), and version 2.x, XML.

One line per ``STMTTRN`` of every bank or card statement (``STMTRS``/``CCSTMTRS``): ``TRNAMT`` is signed (positive
is money in), ``DTPOSTED`` the booking date (``DTUSER`` the transaction's own), ``FITID`` the bank's id, ``NAME`` the
other party and ``MEMO`` the payment's words; ``CURDEF`` (or a line's ``CURRENCY``) the currency, ``ACCTID`` the
account, the ``FI``'s ``ORG`` the bank. A ``NAME`` that is the transaction's own words (``WIRE TRANSFER FEE``,
``CHECK 1043``) is no party: the rules of :func:`extractors.statements.details.party_of_text` decide. A
transaction that cannot be read is a row warning."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from decimal import InvalidOperation
from pathlib import Path

from pydantic import ValidationError

from extractors.columns import RowProblem
from extractors.parse import parse_amount
from extractors.statements.details import party_of_text
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, describe_validation_error
from hub.records import StatementLine

_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_.]+)[^>]*>([^<]*)")
_STATEMENTS = ("STMTRS", "CCSTMTRS")


def looks_like_ofx(head: bytes) -> bool:
    """Whether the bytes start like an OFX file: the 1.x ``OFXHEADER:`` block or the 2.x ``<?OFX`` instruction,
    or an ``<OFX>`` root."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].upper()
    return text.startswith(b"OFXHEADER") or b"<?OFX" in text or (text.startswith((b"<OFX>", b"<?XML")) and b"<OFX>" in text)


def _elements(text: str) -> list[tuple[int, str, str, str]]:
    """(line number, ``/`` or '', tag, text after the tag) of every tag in order; SGML and XML alike."""
    starts = [m.start() for m in re.finditer(r"\n", text)]
    out = []
    for m in _TAG_RE.finditer(text):
        line = 1 + bisect_left(starts, m.start())
        out.append((line, m.group(1), m.group(2).upper(), m.group(3).strip()))
    return out


def _ofx_date(text: str) -> date:
    """``20260303120000.000[-5:EST]`` or ``20260303``: the date part."""
    digits = re.match(r"\s*(\d{4})(\d{2})(\d{2})", text)
    if not digits:
        raise ValueError(f"{text!r} is not an OFX date (YYYYMMDD...)")
    return date(int(digits[1]), int(digits[2]), int(digits[3]))


def read_ofx(path: Path, data: bytes, *, bank: str | None = None, account: str | None = None) -> StatementImport:
    """Import an OFX 1.x (SGML) or 2.x (XML) file: every transaction of every statement in it."""
    source = str(path)
    head = data[:1024].decode("ascii", "replace").upper()
    encoding = "cp1252" if "CHARSET:1252" in head else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if "<OFX" not in text.upper():
        raise InputError("is not an OFX file (no <OFX> element)", source=source)
    elements = _elements(text)
    org = next((value for _, close, tag, value in elements if tag == "ORG" and not close and value), "")
    result = StatementImport(source, "ofx", bank or org or "unknown", account or "")
    if not (bank or org):
        result.warnings.append("the file names no bank (no <FI><ORG>); lines are stored under bank 'unknown'")
    ids = LineIds()
    acct, ccy = account or "", None
    trn: dict[str, str] | None = None
    start = 0
    for line, close, tag, value in elements:
        if tag in _STATEMENTS and not close:
            acct, ccy = account or "", None
        elif tag == "CURDEF" and not close:
            ccy = value.upper() or None
        elif tag == "ACCTID" and not close and account is None:
            acct = value
            result.account = result.account or acct
        elif tag == "STMTTRN":
            if not close:
                trn, start = {}, line
            elif trn is not None:
                try:
                    result.lines.append(_line(trn, start, result.bank, acct, ccy, ids))
                except (ValueError, InvalidOperation) as exc:
                    result.row_warnings.append(
                        RowProblem(str(exc), "STMTTRN", " ".join(f"{k}={v}" for k, v in trn.items())[:120]).warning(start))
                trn = None
        elif trn is not None and not close and value:
            trn.setdefault(tag, value)
    if trn:  # SGML that never closes its last transaction
        result.row_warnings.append(RowProblem("the transaction is not closed (no </STMTTRN>)", "STMTTRN", "").warning(start))
    if not any(tag in _STATEMENTS for _, _, tag, _ in elements):
        raise InputError("is an OFX file without a bank or card statement (no STMTRS/CCSTMTRS)", source=source)
    known = bool(result.lines) and all(ln.currency for ln in result.lines)
    result.confidence = {"booking_date": 1.0, "amount": 1.0, "currency": 1.0 if known else 0.0,
                         "counterparty_name": 0.9}
    if result.lines and not known:
        result.warnings.append("the file prints no currency (no CURDEF): the lines' currency needs review")
    return result


def _line(trn: dict[str, str], number: int, bank: str, acct: str, ccy: str | None, ids: LineIds) -> StatementLine:
    if "TRNAMT" not in trn:
        raise ValueError("the transaction has no amount (TRNAMT)")
    amount = parse_amount(trn["TRNAMT"])
    posted = trn.get("DTPOSTED") or trn.get("DTUSER")
    if not posted:
        raise ValueError("the transaction has no date (DTPOSTED)")
    booking = _ofx_date(posted)
    value_date = _ofx_date(trn["DTAVAIL"]) if trn.get("DTAVAIL") else None
    name, memo = trn.get("NAME", ""), trn.get("MEMO", "")
    party = party_of_text(name) if name else ""
    reference = memo or (trn.get("CHECKNUM") and f"CHECK {trn['CHECKNUM']}") or None
    description = " ".join(t for t in (trn.get("TRNTYPE", ""), name, memo) if t)
    tid = ids.make(trn.get("FITID"), acct, booking, amount)
    try:
        return StatementLine(bank=bank, account=acct, transaction_id=tid, booking_date=booking, value_date=value_date,
                             amount=amount, currency=trn.get("CURSYM") or ccy, counterparty_name=party,
                             counterparty_account=trn.get("BANKACCTTO") or None, description=description,
                             reference=reference, source_line=number)
    except ValidationError as exc:
        raise ValueError(describe_validation_error(exc, "StatementLine")) from None
