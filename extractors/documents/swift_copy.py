"""A SWIFT MT103 (single customer credit transfer) printed as a document: the copy a bank hands its customer as
proof of a payment (``SWIFT MESSAGE COPY - MT103``), read into a :class:`BankReceipt`.

The message's field tags carry the receipt: ``:20:`` the sender's reference (the transaction id), ``:32A:`` value
date, currency and amount (``260304EUR7520,00``: YYMMDD, ISO code, a decimal comma), ``:50K:``/``:50A:``/``:50F:``
the ordering customer (the payer: an ``/account`` line, then the name), ``:52A:`` the ordering institution,
``:57A:`` the beneficiary's bank, ``:59:``/``:59A:``/``:59F:`` the beneficiary (the payee), ``:70:`` the remittance
information (the memo). The ``Receiver:`` (else ``Sender:``) line above the fields names the bank. A tag's value
runs over the lines under it until the next tag.

Printers name the field after its tag (SWIFT Alliance: ``32A: Val Dte/Curr/Interbnk Settld Amt`` with ``Date :``,
``Currency :`` and ``Amount : #12,480.00#`` on the lines under it) or in a column between tag and value (a portal's
``Tag | Field | Value`` table, the tag without colons): the names are data (``data/swift.toml``) and no value."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from extractors.documents.result import DocumentResult
from extractors.parse import find_currency, parse_amount, parse_date
from extractors.words import Word, group_lines
from hub.records import BankReceipt

_TAG_RE = re.compile(r"^:?(\d{2}[A-Z]?):\s*(.*)$")
_BARE_TAG_RE = re.compile(r"^(\d{2}[A-Z]?)\s+(.*)$")
_AMOUNT_RE = re.compile(r"^(\d{6})([A-Z]{3})(\d[\d.]*(?:,\d*)?)$")
_BANK_LINE_RE = re.compile(r"^(Receiver|Sender)\s*:\s*([A-Z0-9]{8}(?:[A-Z0-9]{3})?)?\s*(.*)$", re.I)
#: confidence of a value read from its tag (a copy is a print: the tags are the message's own)
TAGGED = 0.95


@cache
def _config() -> dict[str, Any]:
    return tomllib.loads(resources.files("extractors").joinpath("data/swift.toml").read_text(encoding="utf-8"))


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _after_name(tag: str, text: str) -> str | None:
    """The text after the field's printed name (``Sender's Reference``), or None when no name of ``tag`` starts
    it. Blanks and case are ignored; the name must end at a word's end."""
    names = sorted(_config()["names"].get(tag, ()), key=lambda n: -len(_squash(n)))
    for name in names:
        want, got, i = _squash(name), "", 0
        while i < len(text) and len(got) < len(want):
            if not text[i].isspace():
                got += text[i].casefold()
            i += 1
        if got == want and (i == len(text) or not text[i].isalnum() or not text[i - 1].isalnum()):
            return text[i:].strip(" :")
    return None


def _tag_line(text: str) -> tuple[str, str] | None:
    """(tag, the value's start) of a line that opens a field: ``:32A:260304EUR7520,00``, ``20: Sender's Reference``
    (the name is dropped), or a bare ``20 Transaction Reference ENBD…`` whose name is known."""
    found = _TAG_RE.match(text)
    if found:
        rest = found.group(2).strip()
        after = _after_name(found.group(1), rest)
        return found.group(1), (rest if after is None else after)
    found = _BARE_TAG_RE.match(text)
    if found:
        after = _after_name(found.group(1), found.group(2))
        if after is not None:
            return found.group(1), after
    return None


def mt103_fields(lines: list[str]) -> dict[str, list[str]]:
    """Each field tag's value lines, in order (``{"32A": ["260304EUR7520,00"], "59": ["/447-0-...", "NAME"]}``)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        text = raw.strip()
        found = _tag_line(text)
        if found:
            current = found[0]
            out.setdefault(current, [])
            if found[1]:
                out[current].append(found[1])
        elif current and text:
            out[current].append(text)
    return out


def settlement(values: list[str]) -> tuple[date, str, Decimal] | None:
    """32A's value date, currency and amount: ``260304EUR7520,00`` (decimal comma), or Alliance's ``Date :``,
    ``Currency :`` and ``Amount :`` lines."""
    if not values:
        return None
    found = _AMOUNT_RE.match(re.sub(r"\s", "", values[0]))
    if found:
        d, ccy, figure = found.groups()
        return (date(2000 + int(d[:2]), int(d[2:4]), int(d[4:6])), ccy,
                Decimal(figure.replace(",", ".").rstrip(".") or "0").quantize(Decimal("0.01")))
    parts: dict[str, str] = {}
    for text in values:
        head, sep, value = text.partition(":")
        for part, labels in _config()["amount_parts"].items():
            if sep and _squash(head) in {_squash(label) for label in labels}:
                parts.setdefault(part, value.strip())
    try:
        when = parse_date(parts["date"])
        ccy = find_currency(parts["currency"])
        amount = parse_amount(parts["amount"].strip("# "), decimal_comma=None)
    except (KeyError, ValueError):
        return None
    if not ccy:
        return None
    return when, ccy, amount.quantize(Decimal("0.01"))


def _lines(words: list[Word]) -> list[str]:
    return [line.text for line in group_lines(words)]


def looks_like_mt103(words: list[Word]) -> bool:
    """Whether the words are a SWIFT customer transfer: a ``:32A:`` amount field, an ordering customer (50a)
    and a beneficiary (59a) tag."""
    fields = mt103_fields(_lines(words))
    return (settlement(fields.get("32A", [])) is not None
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
    settled = settlement(fields.get("32A", []))
    if settled:
        data["value_date"], data["currency"], data["amount"] = settled
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
