"""A SWIFT MT103 (single customer credit transfer) printed as a document: the copy a bank hands its customer as
proof of a payment (``SWIFT MESSAGE COPY - MT103``), read into a :class:`BankReceipt`.

The message's field tags carry the receipt: ``:20:`` the sender's reference (the transaction id), ``:32A:`` value
date, currency and amount (``260304EUR7520,00``: YYMMDD, ISO code, a decimal comma), ``:50K:``/``:50A:``/``:50F:``
the ordering customer (the payer: an ``/account`` line, then the name), ``:52A:`` the ordering institution,
``:57A:`` the beneficiary's bank, ``:59:``/``:59A:``/``:59F:`` the beneficiary (the payee), ``:70:`` the remittance
information (the memo). The ``Receiver:`` (else ``Sender:``) line above the fields names the bank. A tag's value
runs over the lines under it until the next tag."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from extractors.documents.result import DocumentResult
from extractors.words import Word, group_lines
from hub.records import BankReceipt

_TAG_RE = re.compile(r"^:?(\d{2}[A-Z]?):\s*(.*)$")
_AMOUNT_RE = re.compile(r"^(\d{6})([A-Z]{3})(\d[\d.]*(?:,\d*)?)$")
_BANK_LINE_RE = re.compile(r"^(Receiver|Sender)\s*:\s*([A-Z0-9]{8}(?:[A-Z0-9]{3})?)?\s*(.*)$", re.I)
#: confidence of a value read from its tag (a copy is a print: the tags are the message's own)
TAGGED = 0.95


def mt103_fields(lines: list[str]) -> dict[str, list[str]]:
    """Each field tag's value lines, in order (``{"32A": ["260304EUR7520,00"], "59": ["/447-0-...", "NAME"]}``)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        text = raw.strip()
        found = _TAG_RE.match(text)
        if found:
            current = found.group(1)
            out.setdefault(current, [])
            if found.group(2).strip():
                out[current].append(found.group(2).strip())
        elif current and text:
            out[current].append(text)
    return out


def _lines(words: list[Word]) -> list[str]:
    return [line.text for line in group_lines(words)]


def looks_like_mt103(words: list[Word]) -> bool:
    """Whether the words are a SWIFT customer transfer: a ``:32A:`` amount field, an ordering customer (50a)
    and a beneficiary (59a) tag."""
    fields = mt103_fields(_lines(words))
    return (bool(fields.get("32A")) and bool(_AMOUNT_RE.match(re.sub(r"\s", "", fields["32A"][0])))
            and any(t in fields for t in ("50K", "50A", "50F")) and any(t in fields for t in ("59", "59A", "59F")))


def _party(values: list[str]) -> tuple[str | None, str | None]:
    """(name, account) of a 50a/59a field: an ``/account`` line, then the name (``1/NAME`` in option F)."""
    account = name = None
    for text in values:
        if account is None and text.startswith("/"):
            account = re.sub(r"[\s\-]", "", text[1:])
        elif name is None:
            name = re.sub(r"^1/", "", text).strip() or None
    return name, account


def read_mt103(words: list[Word], *, source: str | None = None, ocr: bool = False) -> DocumentResult:
    """The receipt a printed MT103 says: payer, payee, their accounts and banks, amount, currency, value date,
    reference and memo."""
    lines = _lines(words)
    fields = mt103_fields(lines)
    conf = min(TAGGED, 0.85) if ocr else TAGGED
    data: dict[str, object] = {}
    confidence: dict[str, float] = {}
    warnings = ["read as a SWIFT MT103 copy from its field tags"]
    found = _AMOUNT_RE.match(re.sub(r"\s", "", fields["32A"][0]))
    if found:
        d, ccy, figure = found.groups()
        data["value_date"] = date(2000 + int(d[:2]), int(d[2:4]), int(d[4:6]))
        data["currency"] = ccy
        data["amount"] = Decimal(figure.replace(",", ".").rstrip(".") or "0").quantize(Decimal("0.01"))
    payer = next((fields[t] for t in ("50K", "50F", "50A") if t in fields), [])
    payee = next((fields[t] for t in ("59", "59F", "59A") if t in fields), [])
    data["payer_name"], data["payer_account"] = _party(payer)
    data["payee_name"], data["payee_account"] = _party(payee)
    for name, tag in (("payer_bank", "52A"), ("payee_bank", "57A")):
        if fields.get(tag):
            data[name] = fields[tag][0]
    if fields.get("20"):
        data["transaction_id"] = fields["20"][0]
    if fields.get("70"):
        data["memo"] = " ".join(fields["70"])
    banks = {m.group(1).casefold(): (m.group(3).strip() or m.group(2)) for m in map(_BANK_LINE_RE.match, lines) if m}
    bank = banks.get("receiver") or banks.get("sender")
    if bank:
        data["bank"] = bank
        confidence["bank"] = 0.8  # the bank a copy was printed by is not said: the receiver is taken
    for name, value in data.items():
        if value not in (None, "") and name != "bank":
            confidence[name] = conf
    for name in ("payer_name", "payee_name", "amount", "value_date", "transaction_id"):
        confidence.setdefault(name, 0.0)
    record = BankReceipt(**{k: v for k, v in data.items() if v not in (None, "")}, warnings=warnings)
    return DocumentResult("receipt", record, confidence, warnings, ocr)
