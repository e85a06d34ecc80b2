"""Credit notes (Credit Note, Credit Memo, Gutschrift, avoir, nota de crédito, 红字发票 / 销项负数): invoices that
credit what an invoice billed. The kind is decided from evidence, not from one word: a credit-note title in the
title area, a credit mark anywhere on the page (红字发票信息确认单, 被红冲蓝字..., 对应正数发票, ``data/kinds.toml
[credit_note]``), amounts printed negative (net, total, ``（负数）`` before the 大写), and the number of the
invoice credited (``Against Invoice``, ``Original Invoice``, 对应蓝字发票号码, ``labels.toml original_number``).

A credit note's amounts are signed: net, tax, total and its lines' amounts and taxes zero or below, whether
they are printed negative or not. How sure the kind is goes into ``document_type``'s confidence, and the
amounts are never surer than the kind they were signed by: a title alone that also names a self-billing
invoice (a German ``Gutschrift`` without a minus or an original invoice) and negative amounts without any
title are left for review; a credit note is never read as a positive invoice at high confidence.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from extractors.documents.common import first_token, pick
from extractors.documents.result import Fields
from extractors.layout import Layout
from extractors.parse import parse_vat_invoice_number
from extractors.words import Word
from hub.records import InvoiceLine

#: the amounts a credit note signs
AMOUNTS = ("net", "tax", "total")


@dataclass(frozen=True)
class CreditWords:
    """``data/kinds.toml [credit_note]``: titles, marks printed anywhere, titles that also name an invoice."""

    titles: tuple[str, ...]
    marks: tuple[str, ...]
    ambiguous: tuple[str, ...]
    negative_words: tuple[str, ...]
    original_patterns: tuple[re.Pattern[str], ...]


@cache
def credit_words() -> CreditWords:
    data = tomllib.loads(resources.files("extractors").joinpath("data/kinds.toml").read_text(encoding="utf-8"))
    spec = data.get("credit_note", {})
    return CreditWords(tuple(spec.get("titles", ())), tuple(spec.get("marks", ())), tuple(spec.get("ambiguous", ())),
                       tuple(spec.get("negative_words", ())),
                       tuple(re.compile(p) for p in spec.get("original_patterns", ())))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _found(word: str, text: str, compact: str) -> bool:
    """``word`` in the text: Chinese anywhere (blanks ignored), other words whole (``Avoir`` not in ``savoir``)."""
    key = _fold(word)
    if _cjk(key):
        return key.replace(" ", "") in compact
    return re.search(r"(?<![^\W\d_])" + re.escape(key) + r"(?![^\W\d_])", text) is not None


def title_of(words: list[Word]) -> str | None:
    """The credit-note title printed in the title area, if any."""
    from extractors.documents.classify import _title_area

    head = _fold(" ".join(w.text for w in _title_area(words)))
    compact = head.replace(" ", "")
    return next((t for t in credit_words().titles if _found(t, head, compact)), None)


def mark_of(layout: Layout) -> str | None:
    """A credit mark printed anywhere on the document (红字发票信息确认单, 销项负数 ...)."""
    compact = "".join(_fold(tl.compact) for tl in layout.lines).replace(" ", "")
    return next((m for m in credit_words().marks if _fold(m).replace(" ", "") in compact), None)


def read_original(layout: Layout, f: Fields, chinese: bool) -> str | None:
    """The number of the invoice credited: the ``original_number`` labels, else the patterns of
    ``kinds.toml [credit_note] original_patterns`` (对应正数发票代码:...号码:... in 备注)."""
    from extractors.documents.invoice_header import _number_token

    parser = first_token(parse_vat_invoice_number) if chinese else _number_token
    found = pick(layout, f, "original_number", parser)
    if found is None and chinese:  # a 20-digit number after the label, in the label's own word (备注's text)
        found = pick(layout, f, "original_number", _after_label_digits)
    if found is not None:
        return found
    for tl in layout.lines:
        text = unicodedata.normalize("NFKC", tl.compact)
        for pattern in credit_words().original_patterns:
            m = pattern.search(text)
            if m:
                f.set("original_number", m.group("no"), min(c.conf for c in tl.chars) * 0.95)
                return m.group("no")
    return None


def _after_label_digits(text: str) -> str:
    m = re.match(r"^\s*[:：]?\s*(\d{20}|\d{8})(?!\d)", unicodedata.normalize("NFKC", text))
    if not m:
        raise ValueError(f"{text!r} starts with no invoice number")
    return m.group(1)


def _words_negative(f: Fields) -> bool:
    text = f.get("total_in_words")
    return isinstance(text, str) and any(w in text for w in credit_words().negative_words)


def settle_credit(words: list[Word], layout: Layout, f: Fields, lines: list[InvoiceLine], *,
                  chinese: bool) -> list[InvoiceLine]:
    """Decide whether the document is a credit note; if it is, set ``document_type`` (with how sure),
    ``original_number`` (or leave it for review) and sign its amounts and lines. Returns the lines, signed."""
    title, mark = title_of(words), mark_of(layout)
    printed = {n: f.get(n) for n in AMOUNTS if isinstance(f.get(n), Decimal)}
    negative = any(v < 0 for n, v in printed.items() if n in ("net", "total")) or _words_negative(f)
    if title is None and mark is None and not negative:
        return lines
    original = read_original(layout, f, chinese)
    said = title or mark
    if said and (negative or original):
        sure, why = 1.0, ""
    elif title and title in credit_words().ambiguous:
        sure, why = 0.7, (f"titled {title!r} with no amount printed negative and no original invoice: a credit note,"
                          " or a self-billing invoice issued by the buyer; check it")
    elif title:
        sure, why = 0.9, ""
    elif mark:  # printed somewhere, not as the title, and nothing else says credit
        sure, why = 0.7, (f"{mark!r} printed on the document, but no amount printed negative and no original invoice:"
                          " read as a credit note; check it")
    else:
        sure, why = 0.8, ("amounts printed negative without a credit-note title: read as a credit note"
                          f" ({', '.join(f'{n} {v}' for n, v in printed.items())}); check it")
    f.set("document_type", "credit_note", sure)
    if sure == 1.0:  # two signs agree (a title or mark, and a minus or the original invoice): a cross-check held
        f.confirm("document_type")
    if why:  # the kind is in doubt: so are the signs it gives, whatever the totals' sums confirm
        f.doubt(why, "document_type", *printed)
    if original is None:
        f.missing("original_number")
        f.warnings.append("a credit note without the number of the invoice it credits: which invoice it reduces is"
                          " left for review")
    flipped = []
    for n, v in printed.items():
        if v > 0:
            flipped.append(n)
        f.values[n] = -abs(v)
        f.confidence[n] = min(f.confidence.get(n, sure), sure)
    for name in [k for k in f.confidence if k.startswith("lines[") and k.endswith((".amount", ".tax"))]:
        f.confidence[name] = min(f.confidence[name], sure)
    if flipped:
        f.warnings.append(f"a credit note printing {', '.join(flipped)} without a minus: signed as credits")
    return [ln.model_copy(update={"amount": -abs(ln.amount),
                                  "tax": None if ln.tax is None else -abs(ln.tax)}) for ln in lines]


__all__ = ["AMOUNTS", "credit_words", "read_original", "settle_credit", "title_of"]
