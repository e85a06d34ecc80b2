"""Dates as printed: 2026年3月15日, 2026-03-15, 2026/3/15, 15/03/2026, 03/15/2026, Mar 15, 2026,
15 March 2026, 15-Mar-26, 20260315, 二〇二六年三月十五日. Times after the date are ignored."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from extractors.parse.fields import ParsedField


def _load_months() -> dict[str, int]:
    """Month names by number from ``extractors/data/months.toml`` (six languages)."""
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("extractors").joinpath("data/months.toml").read_text(encoding="utf-8"))
    return {unicodedata.normalize("NFKC", name).lower(): int(no) for no, names in data.items() for name in names}


MONTHS = _load_months()


def _load_eras() -> tuple[dict[str, int], int, tuple[int, int]]:
    """Era offsets by era name, the offset of a bare three-digit year and the Buddhist era's (from which year), from ``extractors/data/eras.toml``."""
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("extractors").joinpath("data/eras.toml").read_text(encoding="utf-8"))
    return ({unicodedata.normalize("NFKC", k): int(v) for k, v in data["eras"].items()}, int(data["bare"]["three_digit_year"]),
            (int(data["buddhist"]["from"]), int(data["buddhist"]["offset"])))


ERAS, _BARE_ERA, (_BUDDHIST_FROM, _BUDDHIST_OFFSET) = _load_eras()
_ERA_YEAR = re.compile(r"(?:(?P<era>" + "|".join(sorted(map(re.escape, ERAS), key=len, reverse=True))
                       + r")\s*(?P<y>\d{1,2}|元)|(?<![\d.,])(?P<bare>1\d{2}))\s*年(?=\s*\d{1,2}\s*月)")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}
_MON = r"(?P<mon>[^\W\d_]{3,10})\.?"
_PATTERNS = [
    ("ymd", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?")),
    ("ymd", re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    # Vietnamese: ``Ngày 01 tháng 12 năm 2026``
    ("ymd", re.compile(r"(?i:ngày)\s*(?P<d>\d{1,2})\s*(?i:tháng)\s*(?P<m>\d{1,2})\s*(?i:năm)\s*(?P<y>\d{4})")),
    ("compact", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")),
    ("dmy_or_mdy", re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?!\d)")),
    ("mdy_text", re.compile(_MON + r"[\s\-]*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|[\s\-]+)(?P<y>\d{4}|\d{2})(?!\d)")),
    # 09MAR26 too; never the day of the next date as a two-digit year (``3 March - 31 March 2026``)
    ("dmy_text", re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°|o)?[\s\-.]*(?:de\s+)?" + _MON
                            + r"(?:[\s\-.,]+(?:de\s+|del\s+)?|(?=\d))(?P<y>\d{4}|\d{2}(?![\s\-]*[A-Za-z]{3,}\.?[\s\-]+\d{4}))(?!\d)")),
    # (``2026 m. gruodžio 1 d.``: a Lithuanian year and day carry their words m. and d.)
    ("ymd_text", re.compile(r"(?P<y>\d{4})(?:\s*m\.)?[\s\-]+" + _MON + r"[\s\-]+(?P<d>\d{1,2})(?!\d)")),
]


class AmbiguousDateError(ValueError):
    """Both day-first and month-first readings are valid and no hint says which one."""


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if len(text) == 2 else y


def _month(name: str, original: str) -> int:
    key = name.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    if key[:3] in MONTHS:
        return MONTHS[key[:3]]
    raise ValueError(f"{original!r}: {name!r} is not a month name")


def _cn_number(text: str) -> int:
    if all(ch in _CN_DIGITS and ch != "十" for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    raise ValueError(text)


def _cn_numeral_date(raw: str) -> str:
    match = re.search(r"([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]", raw)
    if not match:
        return raw
    y, m, d = (_cn_number(g) for g in match.groups())
    return f"{y}年{m}月{d}日"


_ERA_SPAN = re.compile(_ERA_YEAR.pattern + r"\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?")


def _era_date(raw: str) -> str:
    """``令和8年12月1日`` / ``民國115年12月01日`` / ``115年12月01日`` with the Gregorian year (``2026年12月1日``)."""
    def gregorian(m: re.Match[str]) -> str:
        if m.group("bare"):
            return f"{int(m.group('bare')) + _BARE_ERA}年"
        return f"{(1 if m.group('y') == '元' else int(m.group('y'))) + ERAS[m.group('era')]}年"

    return _ERA_YEAR.sub(gregorian, raw)


def _build(y: int, m: int, d: int, original: str) -> date:
    if y >= _BUDDHIST_FROM:  # 01/12/2569 on a Thai invoice: the Buddhist era
        y -= _BUDDHIST_OFFSET
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise ValueError(f"{original!r} is not a valid date ({exc})") from None


def _parse(text: str, dayfirst: bool | None) -> tuple[date, bool]:
    if isinstance(text, date):
        return text, False
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        raise ValueError("empty date")
    raw = _era_date(_cn_numeral_date(raw))
    for kind, pattern in _PATTERNS:
        if kind.endswith("_text"):
            for match in pattern.finditer(raw):
                g = match.groupdict()
                if g["mon"].lower().rstrip(".") in MONTHS or g["mon"].lower()[:3] in MONTHS:
                    return _build(_year(g["y"]), _month(g["mon"], text), int(g["d"]), text), False
            continue
        match = pattern.search(raw)
        if not match:
            continue
        g = match.groupdict()
        if kind in ("ymd", "compact"):
            return _build(int(g["y"]), int(g["m"]), int(g["d"]), text), False
        a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
        if a > 12 and b > 12:
            raise ValueError(f"{text!r} is not a valid date (neither {a} nor {b} is a month)")
        if a > 12:
            return _build(y, b, a, text), False
        if b > 12:
            return _build(y, a, b, text), False
        if a == b:
            return _build(y, a, b, text), False
        if "." in match.group(0) and "/" not in match.group(0):  # 03.08.2014: day first wherever dots are used
            return _build(y, b, a, text), False
        if dayfirst is None:
            raise AmbiguousDateError(f"{text!r} is ambiguous: {a}/{b} may be day/month or month/day "
                                     "(pass dayfirst)")
        return (_build(y, b, a, text) if dayfirst else _build(y, a, b, text)), True
    raise ValueError(f"{text!r} is not a date")


_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{4}|\d{2})(?!\d)")


def infer_dayfirst(texts: object) -> bool | None:
    """Settle day/month order for a whole column: True when some date reads only day-first (25/03/2026),
    False when some reads only month-first (03/25/2026), None when every date reads both ways (or
    when the column contradicts itself)."""
    dayfirst = monthfirst = False
    for text in texts:  # type: ignore[attr-defined]
        match = _NUMERIC_DMY.search(unicodedata.normalize("NFKC", str(text)))
        if not match or re.search(r"\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}", str(text)):
            continue
        a, b = int(match.group(1)), int(match.group(2))
        dayfirst |= a > 12 >= b
        monthfirst |= b > 12 >= a
    if dayfirst == monthfirst:
        return None
    return dayfirst


def parse_date(text: str | date, *, dayfirst: bool | None = True) -> date:
    """A ``date`` from a date as printed, or ``ValueError`` naming the text and the reason.

    ``dayfirst`` settles 03/04/2026 (True: 3 April, False: 4 March, None: raise
    :class:`AmbiguousDateError`); dates that read only one way ignore it.
    """
    return _parse(text, dayfirst)[0]


def read_date(text: str | date, *, dayfirst: bool | None = True) -> ParsedField[date]:
    """Like :func:`parse_date`, with a confidence: 0.6 and a warning when the hint chose the reading."""
    value, ambiguous = _parse(text, dayfirst)
    if ambiguous:
        order = "day/month" if dayfirst else "month/day"
        return ParsedField(value, 0.6, str(text), (f"date {text!r} is ambiguous; read as {order}",))
    return ParsedField(value, 1.0, str(text))


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` prints dates (``TOTAL AMOUNT DUE ON August 3 , 2014 $4.11``: the date's characters), so
    that a date's figures are not taken for an amount. Offsets index the NFKC form of ``text``."""
    raw = unicodedata.normalize("NFKC", str(text))
    spans: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(raw):
            if kind.endswith("_text"):
                mon = m.group("mon").lower().rstrip(".")
                if mon not in MONTHS and mon[:3] not in MONTHS:
                    continue
            elif kind == "compact":
                continue  # 20260315 is as often a number as a date
            spans.append((m.start(), m.end()))
    spans += [(m.start(), m.end()) for m in _ERA_SPAN.finditer(raw)]  # 中華民國115年12月05日, 令和8年12月1日
    return spans



def text_dates(text: str) -> list[date]:
    """The dates a text prints with a month name (``01 Feb 2026 - 28 Feb 2026``, ``March 1, 2026``), in order."""
    raw = unicodedata.normalize("NFKC", str(text))
    found: list[tuple[int, date]] = []
    for kind, pattern in _PATTERNS:
        if not kind.endswith("_text"):
            continue
        for m in pattern.finditer(raw):
            mon = m.group("mon").lower().rstrip(".")
            if mon not in MONTHS and mon[:3] not in MONTHS:
                continue
            try:
                found.append((m.start(), _build(_year(m.group("y")), _month(m.group("mon"), text), int(m.group("d")), text)))
            except ValueError:
                continue
    return [d for _, d in sorted(found)]
