"""Currencies: ISO codes, Chinese names and symbols (``¥``, ``US$``, ``€``) to ISO 4217 codes."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from hub.validation import check_currency, currencies

#: Symbols and words seen next to amounts, longest first so ``US$`` wins over ``$``.
SYMBOLS: dict[str, str] = {
    "RMB¥": "CNY", "US$": "USD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "NT$": "TWD",
    "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港币": "HKD", "港元": "HKD", "英镑": "GBP",
    "元": "CNY", "¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "RMB": "CNY",
}
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


# -- currency by evidence (printed signs and codes, then the issuer's country) ---------------------------
def _load_signs() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("extractors").joinpath("data/currencies.toml").read_text(encoding="utf-8"))
    return dict(data.get("symbols", {})), {k: tuple(v) for k, v in data.get("ambiguous", {}).items()}


#: Signs that name one currency, and signs several currencies share (``$``, ``¥``), from data/currencies.toml.
SIGNS, AMBIGUOUS = _load_signs()
for _sign, _code in SIGNS.items():  # amounts strip every known sign (parse_amount)
    SYMBOLS.setdefault(_sign, _code)
for _sign, _codes in AMBIGUOUS.items():  # and the shared ones that are no word (``Rs.``); ``kr`` stays a word
    if not _sign.isalpha():
        SYMBOLS.setdefault(_sign, _codes[0])
# compiled once SYMBOLS holds the signs of the data file too (``R$``, ``RD$``, ``MOP$`` before ``$``)
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)))
_SIGN_RE = re.compile("|".join(re.escape(s) for s in sorted({*SIGNS, *AMBIGUOUS}, key=len, reverse=True)))


def currency_mentions(text: str) -> list[str]:
    """Currencies a text prints, in order: ISO codes and unambiguous signs as codes, shared signs as
    themselves (``$``, ``¥``: :func:`resolve_currency` decides them from the context)."""
    raw = unicodedata.normalize("NFKC", str(text))
    known = currencies()
    found: list[tuple[int, str]] = []
    for m in _CODE_RE.finditer(raw):
        code = "CNY" if m.group(1) == "RMB" else m.group(1)
        if code in known:
            found.append((m.start(), code))
    for m in _SIGN_RE.finditer(raw):
        sign = m.group(0)
        if sign.isalpha() and sign.isascii():  # "kr", "RMB": only as a word of its own
            before = raw[m.start() - 1:m.start()]
            after = raw[m.end():m.end() + 1]
            if (before and before.isalpha()) or (after and after.isalpha()):
                continue
            if sign == "RMB":
                continue  # counted as a code above
            if len(sign) == 1 and not re.match(r"\s?-?\d", raw[m.end():]):
                continue  # a one-letter sign (the rand's R) only before a figure: not the R of "R&D", "Type R"
        found.append((m.start(), SIGNS.get(sign, sign)))
    return [code for _, code in sorted(found)]


#: the scripts ``[scripts]`` may name, by their characters
_SCRIPTS = {"kana": re.compile(r"[\u3041-\u3096\u30a1-\u30fa\uff66-\uff9d]")}


@cache
def _script_codes() -> dict[str, str]:
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("extractors").joinpath("data/currencies.toml").read_text(encoding="utf-8"))
    return dict(data.get("scripts", {}))


def script_currency(texts: list[str], sign: str) -> str | None:
    """The currency a shared ``sign`` (``¥``) stands for on a page whose ``texts`` print a script that tells it
    (data/currencies.toml ``[scripts]``: kana, the yen), or None."""
    for script, code in _script_codes().items():
        chars = _SCRIPTS.get(script)
        if chars is not None and code in AMBIGUOUS.get(sign, ()) and any(chars.search(t) for t in texts):
            return code
    return None


def resolve_currency(mentions: list[str], country_currency: str | None = None,
                     hints: tuple[str, ...] = ()) -> tuple[str | None, float, str]:
    """The currency of a document from what it prints: (code or None, confidence, how).

    ``mentions`` come from :func:`currency_mentions` (the amounts' own lines first). A code or an
    unambiguous sign wins; a shared sign (``$``) takes the issuer's currency when that is one of its
    currencies, or one of ``hints`` (``CNY`` for a Chinese text); no sign at all takes the issuer's
    country's currency at a lower confidence; otherwise None (left for review)."""
    codes = [m for m in mentions if m not in AMBIGUOUS]
    if codes:
        first = codes[0]
        return first, (1.0 if len(set(codes)) == 1 else 0.8), "printed"
    shared = [m for m in mentions if m in AMBIGUOUS]
    if shared:
        options = AMBIGUOUS[shared[0]]
        for pick in (country_currency, *hints):
            if pick in options:
                return pick, 0.92 if pick == country_currency else 0.85, f"{shared[0]} in context"
        return None, 0.0, f"{shared[0]} printed without a country telling which currency"
    if country_currency:
        return country_currency, 0.85, "issuer's country"
    return None, 0.0, "no currency printed"
