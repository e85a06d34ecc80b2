"""Identifiers printed on documents: USCC tax ids, VAT invoice numbers and codes, document numbers."""

from __future__ import annotations

import re
import unicodedata

from hub.validation import check_uscc

_LABEL_RE = re.compile(
    r"^(?:发票号码|发票代码|号码|代码|编号|单号|(?:(?:Invoice|Order|PO|P/O|Contract|Packing\s*List|Receipt)\s*)?"
    r"(?:No\.?|Number|Nr\.?|#))\s*[:：.]?\s*", re.I)
_DOC_NO_RE = re.compile(r"^[A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9]$|^[A-Z0-9]$")


def _clean(text: str) -> str:
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    previous = None
    while previous != raw:
        previous, raw = raw, _LABEL_RE.sub("", raw).strip()
    return raw


def parse_uscc(text: str) -> str:
    """The unified social credit code (统一社会信用代码/纳税人识别号) with a valid check digit."""
    raw = re.sub(r"^(?:统一社会信用代码|纳税人识别号|税号|USCC|Tax\s*ID)\s*[:：/]?\s*", "",
                 unicodedata.normalize("NFKC", str(text)).strip(), flags=re.I)
    return check_uscc(raw)


def parse_vat_invoice_number(text: str) -> str:
    """A Chinese VAT invoice number: 20 digits (数电发票) or 8 digits (with a 发票代码)."""
    digits = re.sub(r"[\s-]", "", _clean(text))
    if not digits.isdigit():
        raise ValueError(f"invoice number {text!r} contains characters other than digits")
    if len(digits) not in (8, 20):
        raise ValueError(f"invoice number {text!r} has {len(digits)} digits; a VAT invoice number has 20 "
                         "(数电发票) or 8 (with a 10/12-digit 发票代码)")
    return digits


def parse_vat_invoice_code(text: str) -> str:
    """A Chinese VAT invoice code (发票代码): 10 digits (special invoices) or 12 (ordinary/e-invoices)."""
    digits = re.sub(r"[\s-]", "", _clean(text))
    if not digits.isdigit() or len(digits) not in (10, 12):
        raise ValueError(f"invoice code {text!r} is not 10 or 12 digits")
    return digits


def parse_document_number(text: str) -> str:
    """A document number as printed (``No.: CI-2026-0042`` -> ``CI-2026-0042``), upper case, no blanks."""
    raw = re.sub(r"\s+", "", _clean(text)).upper()
    if not raw or not _DOC_NO_RE.match(raw):
        raise ValueError(f"{text!r} is not a document number (letters, digits and - / _ .)")
    return raw
