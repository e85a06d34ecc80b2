"""Bank receipts (电子回单 / 客户回单 / 业务回单) from positioned words: payer and payee with account and
bank, amount in figures and in Chinese uppercase (cross-checked), currency, date, receipt number,
transaction id and memo (用途/附言/摘要)."""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.documents.common import (
    amount_eq,
    build_partial,
    first_token,
    pick,
    text_value,
    upper_amount,
    upper_words,
)
from extractors.documents.result import DocumentResult, Fields
from extractors.layout import Labels, Layout, default_labels
from extractors.parse import (
    check_iban,
    find_currency,
    is_chinese_upper,
    parse_amount,
    parse_bank_account,
    parse_currency,
    parse_date,
    parse_document_number,
)
from extractors.words import Word
from hub.errors import InputError
from hub.records import BankReceipt

_BANK = re.compile(r"([\u4e00-\u9fff]{2,16}?银行(?:股份有限公司)?|Bank of [A-Z][A-Za-z ]+|[A-Z][A-Za-z ]+ Bank)")


def _amount(text: str) -> Decimal:
    value = parse_amount(text)
    if value <= 0:
        raise ValueError(f"{text!r} is not a positive amount")
    return value


def _account(text: str) -> str:
    """A bank account; an IBAN whose check fails is kept as printed (and doubted by the caller)."""
    try:
        return parse_bank_account(text, allow_masked=True)
    except ValueError:
        compact = re.sub(r"[\s-]", "", text).upper()
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            return compact
        raise


def _issuer(layout: Layout, f: Fields) -> None:
    """The issuing bank: a bank name in the title area (top of page 1), not inside a labelled value."""
    taken = {f.get("payer_bank"), f.get("payee_bank")}
    for no, tl in enumerate(layout.lines[:6]):
        text = "".join(c.ch for c in tl.chars)
        for m in _BANK.finditer(text):
            if layout.hits_in(no, m.start(), m.end()) or m.group(1) in taken:
                continue
            name = m.group(1).strip()
            chars = [c for c in tl.chars[m.start():m.end()] if not c.ch.isspace()]
            f.set("bank", name, min(c.conf for c in chars))
            return
    for name in ("payee_bank", "payer_bank"):
        if f.get(name):
            m = _BANK.search(f.get(name))
            if m:
                f.set("bank", m.group(1), f.confidence[name] * 0.8)
                return


def read_receipt(words: list[Word], *, source: str | None = None, labels: Labels | None = None,
                 ocr: bool = False) -> DocumentResult:
    """Read a bank receipt from positioned words into a :class:`BankReceipt` result."""
    layout = Layout(words, labels or default_labels()["receipt"])
    f = Fields()
    pick(layout, f, "receipt_no", first_token(parse_document_number))
    pick(layout, f, "transaction_id", first_token(parse_document_number))
    pick(layout, f, "value_date", parse_date)
    for party in ("payer", "payee"):
        pick(layout, f, f"{party}_name", text_value)
        pick(layout, f, f"{party}_account", _account)
        pick(layout, f, f"{party}_bank", text_value)
    figures, spelled = [], []
    for v in layout.candidates("amount"):
        (spelled if is_chinese_upper(upper_words(v.text)) else figures).append(v)
    pick(layout, f, "amount", _amount, values=figures)
    pick(layout, f, "amount_in_words", upper_words, values=layout.candidates("amount_in_words") + spelled)
    if pick(layout, f, "currency", parse_currency) is None:
        where = next((v for v in layout.candidates("amount") if find_currency(v.text)), None)
        if where is not None:
            f.set("currency", find_currency(where.text), 0.9, where)
    memo = layout.hits_for("memo")
    for hit in memo:
        v = layout.value_right(hit, max_gap=6, stop_at_labels=False) or layout.value_below(hit)
        if v is not None:
            f.set("memo", v.text, v.confidence)
            break
    _issuer(layout, f)
    # cross-check: the figure against the uppercase amount
    words_text = f.get("amount_in_words")
    amount = f.get("amount")
    if words_text and is_chinese_upper(upper_words(words_text)):
        try:
            in_words, words_currency = upper_amount(words_text)
            if words_currency and f.confidence.get("currency", 0) < 0.95:
                f.set("currency", words_currency, 0.95)
        except ValueError:
            in_words = None
            f.doubt(f"大写 amount {words_text!r} is not readable", "amount_in_words")
        if in_words is not None:
            if amount is None:
                f.set("amount", in_words, 0.8)
                f.warnings.append(f"amount figure not found; {in_words} taken from 大写")
            elif amount_eq(in_words, amount):
                f.confirm("amount", "amount_in_words")
            else:
                f.doubt(f"大写 {words_text} = {in_words} disagrees with the amount {amount}", "amount", "amount_in_words")
    for name in ("payer_account", "payee_account"):
        value = f.get(name)
        if value and value[:2].isalpha():
            try:
                check_iban(value)
                f.confirm(name)
            except ValueError:
                f.doubt(f"{name.replace('_', ' ')} {value} fails its IBAN check", name)
    if "transaction_id" not in f.values and "receipt_no" in f.values:
        f.set("transaction_id", f.get("receipt_no"), f.confidence["receipt_no"] * 0.9)
        f.warnings.append("no transaction id printed; the receipt number is used")
    found = [n for n in ("amount", "value_date", "payer_name", "payee_name", "transaction_id") if f.get(n) is not None]
    if len(found) < 2:
        raise InputError("does not read as a bank receipt: no amount, date, payer, payee or transaction id found"
                         + (f" (only {found[0]})" if found else ""), source=source)
    data = {k: v for k, v in f.values.items() if k in BankReceipt.model_fields}
    data.setdefault("currency", None)
    f.missing(*BankReceipt.REQUIRED)
    record = build_partial(BankReceipt, data, f, source)
    record = record.model_copy(update={"warnings": list(f.warnings)})
    conf = f.final(ocr, lambda k: k in BankReceipt.model_fields)
    return DocumentResult("receipt", record, conf, list(f.warnings), ocr, sources=dict(f.sources))
