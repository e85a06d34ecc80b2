"""Currencies: ISO codes, Chinese names and symbols (``¥``, ``US$``, ``€``) to ISO 4217 codes."""

from __future__ import annotations

import re
import unicodedata

from hub.validation import check_currency, currencies

#: Symbols and words seen next to amounts, longest first so ``US$`` wins over ``$``.
SYMBOLS: dict[str, str] = {
    "RMB¥": "CNY", "US$": "USD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "NT$": "TWD",
    "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港币": "HKD", "港元": "HKD", "英镑": "GBP",
    "元": "CNY", "¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "RMB": "CNY",
}
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)))
_CODE_RE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")


def parse_currency(text: str) -> str:
    """The ISO 4217 code for ``text`` (``USD``, ``rmb``, ``人民币``, ``¥``, ``US$``) or ``ValueError``."""
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if raw in SYMBOLS:
        return SYMBOLS[raw]
    return check_currency(raw)


def find_currency(text: str) -> str | None:
    """The currency named anywhere in ``text`` (a code or a symbol), or None; first match wins."""
    raw = unicodedata.normalize("NFKC", str(text))
    known = currencies()
    for match in _CODE_RE.finditer(raw):
        code = match.group(1)
        if code in known:
            return code
        if code == "RMB":
            return "CNY"
    match = _SYMBOL_RE.search(raw)
    return SYMBOLS[match.group(0)] if match else None
