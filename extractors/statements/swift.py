"""SWIFT MT940 statements through the maintained ``mt-940`` library (module ``mt940``).

Signs: ``C`` and ``RD`` (reversal of a debit) are money in, ``D`` and ``RC`` (reversal of a credit) money
out. Each statement block's opening balance plus its lines must give its closing balance; when it does
not, the import carries a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors.statements.cells import rules
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, RecordError
from hub.records import StatementLine
from hub.validation import currencies

_SIGN = {"C": 1, "RD": 1, "D": -1, "RC": -1}
_ACCOUNT_RE = re.compile(r"^[A-Za-z0-9/ .\-]{4,35}$")


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value else ""


def _split_account(identification: str) -> tuple[str, str]:
    """``50880050/0194787400888`` -> (bank code, account); an IBAN is both bank and account; a currency
    code some banks append (``9223382012EUR``) is dropped."""
    ident = identification.strip()
    suffix = re.match(r"^(.*\d)([A-Z]{3})$", ident)
    if suffix and suffix.group(2) in currencies():
        ident = suffix.group(1)
    if "/" in ident:
        bank, _, account = ident.partition("/")
        return bank.strip(), account.strip()
    if re.match(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$", ident):
        return ident[4:12], ident
    return "", ident


def _joined(details: str, width: int) -> str:
    """:86: lines joined: a full line (``width`` characters, the first less its ``:86:`` tag) was cut inside a
    word, a shorter one ended one."""
    lines = [ln.rstrip("\r") for ln in details.split("\n")]
    out = lines[0] if lines else ""
    for i, (prev, line) in enumerate(zip(lines, lines[1:], strict=False)):
        out += ("" if len(prev) >= width - (4 if i == 0 else 0) else " ") + line
    return out.strip()


def slash_tags(details: str) -> dict[str, str]:
    """The fields of a :86: written as ``/TAG/value/`` (``/EREF/...//CNTP/IBAN/BIC/NAME/CITY///REMI/USTD//text/``):
    ``name``, ``account``, ``bic``, ``remittance``, ``end_to_end``; empty when the text is not so written."""
    cfg = rules()["mt940"]
    text = _joined(details, int(cfg["line_length"]))
    tags = sorted(cfg["tags"], key=len, reverse=True)
    found = list(re.finditer(r"/(" + "|".join(map(re.escape, tags)) + r")/", text))
    if not found or found[0].start() != 0:
        return {}
    values: dict[str, str] = {}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        values.setdefault(m.group(1), text[m.end(): nxt.start() if nxt else len(text)])
    out: dict[str, str] = {}
    for tag in cfg["party"]:
        if tag in values:
            parts = values[tag].split("/")
            if len(parts) >= 3 and parts[2].strip():
                out.setdefault("account", parts[0].strip())
                out.setdefault("bic", parts[1].strip())
                out.setdefault("name", parts[2].strip())
    for key in ("name", "account"):
        for tag in cfg[key]:
            if tag in values and values[tag].strip("/ "):
                out.setdefault(key, values[tag].strip("/ "))
    for tag in cfg["remittance"]:
        if tag in values:
            remi = values[tag].strip("/")
            kind, _, rest = remi.partition("/")
            if kind.upper() == "USTD":
                out["remittance"] = rest.strip("/ ")
            elif kind.upper() == "STRD":
                out["remittance"] = rest.split("/")[-1].strip() if "/" in rest else rest.strip()
            else:
                out["remittance"] = remi.strip()
    for tag in cfg["end_to_end"]:
        ref = values.get(tag, "").strip("/ ")
        if ref and ref.upper() not in ("NOTPROVIDED", "NONREF"):
            out["end_to_end"] = ref
    return {k: v for k, v in out.items() if v}


def read_mt940(path: Path, data: bytes, *, bank: str | None = None, account: str | None = None) -> StatementImport:
    """Import an MT940 file (one or several statement blocks)."""
    import mt940

    source = str(path)
    options = mt940.Options(applicant_iban=True, reversal_sign=False, case_insensitive_marks=True, strip_bom=True,
                            merge_keeps_values=True, unbounded_details=True)
    text = _text(data)
    try:
        if re.search(r"(?m)^\s*:20:", text):
            blocks = mt940.parse_statements(text, options=options)
        else:  # entries without a :20: header: one block
            blocks = [mt940.parse(text, options=options)]
    except Exception as exc:  # the library raises plain exceptions on malformed tags
        raise InputError(f"is not a readable MT940 statement ({type(exc).__name__}: {exc})", source=source) from None
    result = StatementImport(source, "mt940", bank or "", account or "")
    ids = LineIds()
    for number, block in enumerate(blocks, start=1):
        info = block.data
        identification = str(info.get("account_identification") or "")
        if identification and not _ACCOUNT_RE.match(identification):
            result.warnings.append(f"statement {number}: the account identification (:25:) {identification!r} "
                                   "does not look like an account; the file is probably damaged (a tag out of "
                                   "place)")
        block_bank, block_account = _split_account(identification)
        line_bank = bank or block_bank or "unknown"
        line_account = account if account is not None else block_account
        result.bank = result.bank or line_bank
        result.account = result.account or line_account
        total = Decimal(0)
        missing_currency = 0
        for tx in block.transactions:
            d = tx.data
            status = str(d.get("status") or "").upper()
            if status not in _SIGN:
                raise InputError(f"statement {number}: entry with debit/credit mark {status!r} (expected C, D, RC, "
                                 "RD)", source=source)
            money = d["amount"]
            amount = abs(Decimal(str(money.amount))) * _SIGN[status]
            total += amount
            booking = d.get("entry_date") or d.get("guessed_entry_date") or d.get("date")
            details = str(d.get("transaction_details") or "")
            tagged = slash_tags(details) if not d.get("applicant_name") and not d.get("purpose") else {}
            reference = next((r for r in (d.get("end_to_end_reference"), tagged.get("end_to_end"),
                                          d.get("customer_reference")) if r and str(r).upper() != "NONREF"), None)
            description = " | ".join(p for p in (_clean(d.get("posting_text")), _clean(d.get("purpose")),
                                                  _clean(d.get("additional_purpose")), tagged.get("remittance")) if p)
            if not description and not tagged and details.strip() and not d.get("applicant_name"):
                # a :86: of free text (no ?nn subfields, no /TAG/): the bank's words are the description
                description = _clean(_joined(details, int(rules()["mt940"]["line_length"])))
            currency = d.get("currency") or money.currency or info.get("currency")
            if not currency:
                currency = "XXX"
                missing_currency += 1
            bank_id = d.get("bank_reference") or ""
            tid = ids.make(str(bank_id), line_account, booking, amount)
            try:
                result.lines.append(StatementLine(
                    bank=line_bank, account=line_account, transaction_id=tid, booking_date=booking,
                    value_date=d.get("date"), amount=amount, currency=currency,
                    counterparty_name=_clean(d.get("applicant_name") or tagged.get("name")),
                    counterparty_account=_clean(d.get("applicant_iban") or tagged.get("account")) or None,
                    counterparty_bank=_clean(d.get("applicant_bin") or tagged.get("bic")) or None,
                    description=description, reference=_clean(reference) or None))
            except ValidationError as exc:
                raise RecordError(exc, source=f"{source} statement {number}") from None
        if missing_currency:
            result.warnings.append(f"statement {number}: {missing_currency} line(s) name no currency (no :60F: "
                                   "balance or :25: currency); stored as XXX (no currency)")
        opening, closing = info.get("final_opening_balance"), info.get("final_closing_balance")
        if opening is not None and closing is not None and block.transactions:
            start, end = Decimal(str(opening.amount.amount)), Decimal(str(closing.amount.amount))
            if start + total != end:
                result.warnings.append(f"statement {number} ({info.get('transaction_reference')}): opening "
                                       f"{start} + lines {total} = {start + total}, but the closing balance is {end}")
    if not result.bank:
        result.bank = "unknown"
    result.confidence = {"booking_date": 1.0, "amount": 1.0, "counterparty_name": 1.0}
    return result
