"""Amounts: ``¥1,234.50``, ``1.234,50 EUR``, ``USD 12,000.00``, ``(1,234.50)``, full-width digits, and the
Chinese uppercase amount (大写金额) ``壹万贰仟叁佰肆拾伍元陆角整`` both ways.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from extractors.parse.currencies import _CODE_RE, SYMBOLS, find_currency


class Money(NamedTuple):
    """An amount and the currency printed with it (None when none was printed)."""

    amount: Decimal
    currency: str | None


# -- figures -----------------------------------------------------------------------------------------
_MINUS = "-−–—"  # hyphen, minus sign, en and em dash (NFKC leaves U+2212 alone)
_NOISE_RE = re.compile(r"[\s'’_]")  # blanks and Swiss/underscore digit grouping
_NUMBER_RE = re.compile(r"^\d[\d.,]*$|^[.,]\d+$")
_PLAIN_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def _strip_currency(text: str) -> str:
    for sym in sorted(SYMBOLS, key=len, reverse=True):
        text = text.replace(sym, " ")
    return _CODE_RE.sub(" ", text)


def parse_amount(text: str | int | Decimal, *, decimal_comma: bool | None = None) -> Decimal:
    """A signed ``Decimal`` from an amount as printed, or ``ValueError`` naming the text and the reason.

    Accepts currency symbols/codes around the figure, thousands separators (``,`` ``.`` blank ``'``),
    a decimal comma, negatives as ``-1.00``, ``1.00-``, ``(1.00)`` or ``负`` (and ``1.00+``), full-width digits, and
    Chinese uppercase amounts. ``decimal_comma`` settles ``1,234`` / ``1.234`` (one separator followed
    by exactly three digits): None reads ``1,234`` as thousands and ``1.234`` as a decimal point (as
    Chinese and English documents print them), True reads them the European way, False the English way.
    """
    if isinstance(text, bool) or isinstance(text, float):
        raise ValueError(f"{text!r} is not an amount (money is never a float)")
    if isinstance(text, int | Decimal):
        return Decimal(text)
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        raise ValueError("empty amount")
    if decimal_comma is not True and _PLAIN_RE.match(raw):  # the common case, fast
        return Decimal(raw.replace(",", ""))
    if is_chinese_upper(raw):
        return chinese_upper_to_amount(raw)
    body = _strip_currency(raw)
    body = _NOISE_RE.sub("", body)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body[:1] in _MINUS:
        negative, body = True, body[1:]
    elif body[-1:] in _MINUS:
        negative, body = True, body[:-1]
    elif body[:1] == "+":
        body = body[1:]
    elif body[-1:] == "+":  # 12,500.00+ (Malaysian and other banks sign money in after the figure)
        body = body[:-1]
    elif body.upper().endswith(("CR", "DR")):
        negative, body = body.upper().endswith("DR"), body[:-2]
    if body.startswith("负"):
        negative, body = True, body[1:]
    if not body or not _NUMBER_RE.match(body):
        raise ValueError(f"{text!r} is not an amount")
    number = _normalise_separators(body, decimal_comma, str(text))
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None
    return -value if negative else value


def _normalise_separators(body: str, decimal_comma: bool | None, original: str) -> str:
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            raise ValueError(f"{original!r} has more than one decimal separator {decimal!r}")
        intpart = body.split(decimal)[0]
        _check_groups(intpart, thousands, original)
        return intpart.replace(thousands, "") + "." + body.split(decimal)[1]
    sep = "." if dots else "," if commas else ""
    if not sep:
        return body
    count = dots or commas
    parts = body.split(sep)
    if count > 1:  # repeated separator: thousands grouping
        _check_groups(body, sep, original)
        return body.replace(sep, "")
    tail = parts[1]
    if len(tail) == 3 and parts[0] and parts[0] != "0":
        thousands_sep = decimal_comma if sep == "." else not decimal_comma
        if thousands_sep or (decimal_comma is None and sep == ","):
            return parts[0] + tail
        return parts[0] + "." + tail
    if sep == "," and decimal_comma is False and len(tail) != 3:
        raise ValueError(f"{original!r}: a comma followed by {len(tail)} digits is neither a thousands "
                         "separator nor expected as a decimal comma")
    return (parts[0] or "0") + "." + tail


def _check_groups(intpart: str, sep: str, original: str) -> None:
    groups = intpart.split(sep)
    ok = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    # Indian grouping (lakh, crore): 2,45,000.00 and 1,23,45,678.00, twos before the last three
    indian = sep == "," and len(groups) >= 3 and 1 <= len(groups[0]) <= 2 and len(groups[-1]) == 3 and all(
        len(g) == 2 for g in groups[1:-1])
    if not (ok or indian):
        raise ValueError(f"{original!r}: digit groups around {sep!r} are not in threes")


def parse_money(text: str, *, decimal_comma: bool | None = None, default_currency: str | None = None) -> Money:
    """The amount and the currency printed with it (``USD 12,000.00`` -> 12000.00, USD)."""
    amount = parse_amount(text, decimal_comma=decimal_comma)
    raw = unicodedata.normalize("NFKC", str(text))
    currency = find_currency(raw)
    if currency is None and is_chinese_upper(raw):
        currency = "CNY" if re.search("[元圆圓]", raw) else None
    return Money(amount, currency or default_currency)


def format_amount(value: Decimal, *, places: int = 2, thousands: str = ",", decimal: str = ".") -> str:
    """Print an amount with grouping (``-1,234.50``); the inverse of :func:`parse_amount`."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + thousands.join(groups) + (decimal + frac if places else "")


# -- Chinese uppercase (大写) -------------------------------------------------------------------------
DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "壹": 1, "一": 1, "贰": 2, "貳": 2, "二": 2, "两": 2, "叁": 3, "參": 3,
          "三": 3, "肆": 4, "四": 4, "伍": 5, "五": 5, "陆": 6, "陸": 6, "六": 6, "柒": 7, "七": 7, "捌": 8,
          "八": 8, "玖": 9, "九": 9}
SMALL_UNITS = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
YUAN = "元圆圓"
_UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UPPER_CHARS = set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set(YUAN) | set("角分整正")
_DECORATION_RE = re.compile(r"[\s⊗ⓧⓍ×Xx※*:：()（）]|人民币|美元|欧元|日元|港币|港元|英镑|大写|RMB|CNY|USD|EUR|HKD|JPY|GBP")


def is_chinese_upper(text: str) -> bool:
    """True when ``text`` spells an amount in Chinese numerals (大写 or lowercase 一二三)."""
    body = _DECORATION_RE.sub("", unicodedata.normalize("NFKC", text)).removeprefix("负")
    return bool(body) and all(ch in _UPPER_CHARS for ch in body) and any(
        ch in DIGITS or ch in SMALL_UNITS for ch in body)


def _integer_part(text: str, original: str) -> int:
    high = mid = section = 0
    number: int | None = None
    for ch in text:
        if ch in DIGITS:
            value = DIGITS[ch]
            if value == 0:
                number = None if number is None else number
                continue
            if number is not None:
                raise ValueError(f"{original!r}: two digits in a row before {ch!r} without a unit between them")
            number = value
        elif ch in SMALL_UNITS:
            if number is None and SMALL_UNITS[ch] != 10:
                raise ValueError(f"{original!r}: unit {ch!r} without a digit before it")
            section += (1 if number is None else number) * SMALL_UNITS[ch]
            number = None
        elif ch in BIG_UNITS:
            if BIG_UNITS[ch] == 10**4:
                mid += (section + (number or 0)) * 10**4
            else:
                high = (high + mid + section + (number or 0)) * 10**8
                mid = 0
            section, number = 0, None
        else:
            raise ValueError(f"{original!r}: {ch!r} is not a Chinese numeral")
    return high + mid + section + (number or 0)


def chinese_upper_to_amount(text: str) -> Decimal:
    """The amount written in Chinese uppercase (``壹万贰仟叁佰肆拾伍元陆角整`` -> 12345.60)."""
    raw = unicodedata.normalize("NFKC", str(text))
    body = _DECORATION_RE.sub("", raw)
    negative = body.startswith("负")
    body = body.removeprefix("负").rstrip("整正")
    if not body:
        raise ValueError(f"{text!r} is not a Chinese uppercase amount")
    yuan_at = max(body.rfind(ch) for ch in YUAN)
    if yuan_at >= 0:
        whole_text, cents_text = body[:yuan_at], body[yuan_at + 1:]
    elif re.search("[角分]", body):
        whole_text, cents_text = "", body
    else:
        whole_text, cents_text = body, ""
    if any(ch in YUAN for ch in whole_text):
        raise ValueError(f"{text!r}: more than one 元")
    whole = _integer_part(whole_text, str(text)) if whole_text.strip("零〇") else 0
    jiao = fen = 0
    match = re.fullmatch(r"(?:零)?(?:(?P<jiao>[^角分])角)?(?:零)?(?:(?P<fen>[^角分])分)?", cents_text)
    if not match:
        raise ValueError(f"{text!r}: cannot read the jiao/fen part {cents_text!r}")
    for name in ("jiao", "fen"):
        ch = match.group(name)
        if ch is not None:
            if ch not in DIGITS:
                raise ValueError(f"{text!r}: {ch!r} is not a digit before {'角' if name == 'jiao' else '分'}")
            if name == "jiao":
                jiao = DIGITS[ch]
            else:
                fen = DIGITS[ch]
    value = Decimal(whole) + Decimal(jiao) / 10 + Decimal(fen) / 100
    value = value.quantize(Decimal("0.01"))
    return -value if negative else value


def _group_upper(group: int) -> str:
    out, zero = [], False
    for unit, place in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
        digit = group // place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_UPPER_DIGITS[digit] + unit)
    return "".join(out)


def _integer_upper(n: int) -> str:
    for unit, size, lead in (("亿", 10**8, 10**7), ("万", 10**4, 1000)):
        if n >= size:
            high, low = divmod(n, size)
            text = _integer_upper(high) + unit
            if low:
                text += ("零" if low < lead else "") + _integer_upper(low)
            return text
    return _group_upper(n)


def amount_to_chinese_upper(value: Decimal, *, yuan: str = "元") -> str:
    """Write an amount in Chinese uppercase as on cheques and invoices (12345.60 -> 壹万贰仟叁佰肆拾伍元陆角整).

    ``yuan`` may be ``圆`` (VAT invoices print 圆). Refuses amounts with fractions of a fen.
    """
    value = Decimal(value)
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"{value} has fractions of a fen; round it to 2 places first")
    sign = "负" if value < 0 else ""
    total = int(abs(cents))
    whole, jiao, fen = total // 100, total // 10 % 10, total % 10
    parts: list[str] = []
    if whole:
        parts.append(_integer_upper(whole) + yuan)
    if jiao:
        parts.append(_UPPER_DIGITS[jiao] + "角")
    if fen:
        if whole and not jiao:
            parts.append("零")
        parts.append(_UPPER_DIGITS[fen] + "分")
    if not fen:
        if not whole and not jiao:
            return "零" + yuan + "整"
        parts.append("整")
    return sign + "".join(parts)


# -- amounts in English words (``Say: US Dollars Four Thousand Two Hundred and Cents Fifty Only``) ----------
_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_EN_SCALES = {"hundred": 100, "thousand": 10**3, "lakh": 10**5, "lac": 10**5, "million": 10**6, "crore": 10**7,
              "billion": 10**9}
_EN_CENTS = {"cent", "cents", "paise", "paisa", "pence", "penny", "centimes", "fen"}


def _en_integer(words: list[str]) -> int | None:
    total = current = 0
    seen = False
    for w in words:
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _EN_SCALES:
            total += max(current, 1) * _EN_SCALES[w]
            current = 0
        else:
            continue
        seen = True
    return total + current if seen else None


def english_words_to_amount(text: str) -> Decimal:
    """The amount an English text spells (``US Dollars Four and Cents Eleven Only`` -> 4.11,
    ``Rupees Two Thousand Only`` -> 2000, ``... and 50/100``, ``... point five zero``), or ``ValueError``."""
    raw = unicodedata.normalize("NFKC", str(text)).lower()
    raw = re.sub(r"^\s*(say|total|amount)\b[^a-z0-9]*", "", raw)
    frac = re.search(r"\b(\d{1,2})\s*/\s*100\b", raw)
    cents = Decimal(frac.group(1)) / 100 if frac else Decimal(0)
    words = re.findall(r"[a-z]+", raw.replace("-", " "))
    if "point" in words:
        i = words.index("point")
        digits = "".join(str(_EN_UNITS[w]) for w in words[i + 1:] if w in _EN_UNITS and _EN_UNITS[w] < 10)
        cents = Decimal("0." + digits) if digits else Decimal(0)
        words = words[:i]
    else:
        for i, w in enumerate(words):
            if w in _EN_CENTS:
                after = _en_integer(words[i + 1:])
                before_and = max((j for j in range(i) if words[j] == "and"), default=None)
                if after is not None:
                    cents, words = Decimal(after) / 100, words[:i]
                elif before_and is not None:
                    value = _en_integer(words[before_and + 1:i])
                    cents, words = Decimal(value or 0) / 100, words[:before_and]
                break
    whole = _en_integer(words)
    if whole is None and not cents:
        raise ValueError(f"{text!r} spells no amount in English words")
    return (Decimal(whole or 0) + cents).quantize(Decimal("0.01"))
